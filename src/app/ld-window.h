/* ld-window.h — a window showing one License report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ld-card.h"
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
/* Loads the open file again (Ctrl+R); stops a load in progress. */
void      ld_window_reload      (LdWindow *self);
void      ld_window_cancel_load (LdWindow *self);

/* The report on screen, or NULL. */
LdReport *ld_window_get_report  (LdWindow *self);
LdQuery  *ld_window_get_query   (LdWindow *self);
/* TRUE while a load runs. */
gboolean  ld_window_is_loading  (LdWindow *self);
/* The message of the last failed load, or NULL. */
const char *ld_window_get_last_error (LdWindow *self);
/* The figures on screen (NULL without a report). */
LdResult *ld_window_get_result  (LdWindow *self);
/* The card showing @widget's table (LD_WIDGET_ANALYSIS_CUSTOMERS gives the Analysis
 * card too); NULL for LD_WIDGET_SUMMARY and LD_WIDGET_DATA. */
LdCard   *ld_window_get_card    (LdWindow *self, LdWidgetId widget);
/* Opens the first of @files (what a drop on the window does). */
gboolean  ld_window_drop_files  (LdWindow *self, GdkFileList *files);

/* Writes the dashboard report: a PNG when @file's name ends in .png, else a PDF
 * (issue 4's Export Dashboard…). Atomic: a failed export leaves @file as it was. */
gboolean  ld_window_export_dashboard (LdWindow *self, GFile *file, GError **error);

/* TRUE once the open file changed on disk and the window offered to reload it. */
gboolean  ld_window_is_reload_offered (LdWindow *self);

/* How long the last update of every card took on the main thread, in microseconds. */
gint64    ld_window_get_last_refresh_time (LdWindow *self);

G_END_DECLS
