/* ld-application.h — the GTK application: command line, windows, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LD_TYPE_APPLICATION (ld_application_get_type ())
G_DECLARE_FINAL_TYPE (LdApplication, ld_application, LD, APPLICATION, AdwApplication)

LdApplication *ld_application_new (void);

/* The About window (app.about), over @parent; its links are the metainfo's. */
GtkWidget     *ld_application_new_about_window (GtkWindow *parent);

G_END_DECLS
