/* ld-file-chooser.h — the app's file choosers: they start where the last one ended
 *
 * Open, Download data, Export Dashboard and a card's Save Data as CSV and Save as PDF
 * all start in the folder of the file opened or saved last (GSettings last-folder),
 * and propose names that say what a file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A native chooser for @action over @parent's window (may be NULL), in the folder
 * used last; @name (may be NULL) is the proposed file name of a save. The caller
 * adds the filters and shows it. */
GtkFileChooserNative *ld_file_chooser_new          (GtkWidget            *parent,
                                                    const char           *title,
                                                    GtkFileChooserAction  action,
                                                    const char           *accept_label,
                                                    const char           *name);

/* Remembers the folder of @file (opened or saved) for the next chooser. */
void                  ld_file_chooser_remember     (GFile                *file);

/* "licenses-2026-06_2026-11.csv": the table and the range, so saved files sort and
 * say what they hold; "licenses.csv" when @from_month is -1. */
char                 *ld_file_chooser_suggest_name (const char           *stem,
                                                    int                   from_month,
                                                    int                   to_month,
                                                    const char           *extension);

G_END_DECLS
