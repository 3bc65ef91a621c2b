/* ld-window.h — a window showing one License report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ld-query.h"
#include "ld-report.h"
#include "ld-result.h"

G_BEGIN_DECLS

#define LD_TYPE_WINDOW (ld_window_get_type ())
G_DECLARE_FINAL_TYPE (LdWindow, ld_window, LD, WINDOW, AdwApplicationWindow)

LdWindow *ld_window_new         (GtkApplication *application);

/* Loads in a worker thread; the report on screen stays until the new one is ready,
 * and stays for good when the load fails (the error is shown). */
void      ld_window_open_file   (LdWindow       *self,
                                 GFile          *file);
/* Loads @n_files downloads as one report (SPEC §7): in a worker thread, the report on
 * screen staying until the new one is ready, and for good when one of the files
 * cannot be read (the message names it). */
void      ld_window_open_files  (LdWindow       *self,
                                 GFile *const   *files,
                                 guint           n_files);
/* Adds @files to the downloads on screen and loads them all again as one report
 * (Add Report…); opens them alone when the sample or nothing is open. */
void      ld_window_add_files   (LdWindow       *self,
                                 GFile *const   *files,
                                 guint           n_files);
/* The bundled sample report (a GResource). */
void      ld_window_open_sample (LdWindow       *self);
/* Loads the open files again (Ctrl+R); stops a load in progress. */
void      ld_window_reload      (LdWindow       *self);
void      ld_window_cancel_load (LdWindow       *self);

/* The report on screen, its query and the figures shown, or NULL. */
LdReport *ld_window_get_report  (LdWindow       *self);
LdQuery  *ld_window_get_query   (LdWindow       *self);
LdResult *ld_window_get_result  (LdWindow       *self);
/* TRUE while a load runs. */
gboolean  ld_window_is_loading  (LdWindow       *self);

G_END_DECLS
