/* ld-preferences-window.h — the app's few preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LD_TYPE_PREFERENCES_WINDOW (ld_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LdPreferencesWindow, ld_preferences_window, LD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings: the app's GSettings (the window binds its switches to them). */
GtkWidget *ld_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
