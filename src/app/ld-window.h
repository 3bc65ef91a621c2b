/* ld-window.h — a window showing one License report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ld-report.h"
#include "ld-query.h"

G_BEGIN_DECLS

#define LD_TYPE_WINDOW (ld_window_get_type ())
G_DECLARE_FINAL_TYPE (LdWindow, ld_window, LD, WINDOW, AdwApplicationWindow)

LdWindow *ld_window_new (GtkApplication *application);

/* Loads in a worker thread; the report on screen stays until the new one is ready,
 * and stays for good when the load fails (the error is shown). */
void      ld_window_open_file   (LdWindow *self, GFile *file);
/* The bundled sample report (a GResource). */
void      ld_window_open_sample (LdWindow *self);

/* The report on screen, or NULL. */
LdReport *ld_window_get_report  (LdWindow *self);
LdQuery  *ld_window_get_query   (LdWindow *self);
/* TRUE while a load runs. */
gboolean  ld_window_is_loading  (LdWindow *self);
/* The message of the last failed load, or NULL. */
const char *ld_window_get_last_error (LdWindow *self);

G_END_DECLS
