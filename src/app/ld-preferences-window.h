/* ld-preferences-window.h — the app's few preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LD_TYPE_PREFERENCES_WINDOW (ld_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LdPreferencesWindow, ld_preferences_window, LD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings: the application's (ld_settings_get()), to which the switches are
 * bound; NULL leaves them insensitive. */
GtkWidget *ld_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
