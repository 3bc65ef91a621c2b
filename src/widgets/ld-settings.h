/* ld-settings.h — the application's settings: one GSettings for the whole app
 *
 * The window (its size, the sidebar, the range preset), the preferences and every
 * file chooser read and write the same object. It belongs to the application: it
 * lives as long as the GApplication does, as its data, and a window made without one
 * (the tests, the benchmark) shares one for the process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The settings, or NULL when the schema is not installed (a build tree run without
 * GSETTINGS_SCHEMA_DIR): then nothing is remembered and nothing fails. */
GSettings *ld_settings_get (void);

G_END_DECLS
