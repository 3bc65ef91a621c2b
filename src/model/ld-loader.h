/* ld-loader.h — reading License reports (SPEC §2) into an LdReport, one or several (§7)
 *
 * A file streams through the parser in chunks and is never held whole in memory; a
 * big one is parsed by several threads at once. Loading is safe in a worker thread:
 * it only builds a new report, reports progress through a callback (called in the
 * loading thread) and stops when @cancellable is cancelled (G_IO_ERROR_CANCELLED).
 * On failure it returns NULL with one GError whose message is a sentence for a
 * person: what is wrong, in which file, where, and what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "ld-report.h"

G_BEGIN_DECLS

#define LD_LOAD_ERROR (ld_load_error_quark ())
GQuark ld_load_error_quark (void);

typedef enum {
  LD_LOAD_ERROR_EMPTY,           /* no bytes, or only blank lines */
  LD_LOAD_ERROR_BINARY,          /* not text: NUL bytes or control characters in the header */
  LD_LOAD_ERROR_NO_HEADER,       /* the first line is not a header of the report */
  LD_LOAD_ERROR_MISSING_COLUMN,  /* a required column is missing */
  LD_LOAD_ERROR_ENCODING,        /* a UTF-16 file that cannot be converted */
  LD_LOAD_ERROR_TOO_LARGE,       /* more rows or columns than the store can hold */
} LdLoadError;

/* @bytes_done of @bytes_total (0 when unknown). */
typedef void (*LdProgressFunc) (guint64 bytes_done, guint64 bytes_total, gpointer user_data);

/* Loads several downloads as one report (SPEC §7): each file is read on its own
 * (its delimiter, encoding, date order), files are ranked by their latest
 * ActivationDate (ties: in the order given), and a row of a later file replaces the
 * rows of earlier files with its licence key. If any file cannot be read, nothing
 * is returned and the message names that file. Progress counts the bytes of all
 * the files. @files are in the order the user gave them, which is the order of the
 * data table and of ld_report_get_file(). */
LdReport *ld_loader_load_files  (GFile *const   *files,
                                 guint           n_files,
                                 GCancellable   *cancellable,
                                 LdProgressFunc  progress,
                                 gpointer        user_data,
                                 GError        **error);

/* Loads @file. Errors from GIO (not found, permission) come back in their own domain,
 * with the file's name in the message. */
LdReport *ld_loader_load_file   (GFile          *file,
                                 GCancellable   *cancellable,
                                 LdProgressFunc  progress,
                                 gpointer        user_data,
                                 GError        **error);

/* Loads from any stream; @size is the stream's length when known (for progress), or 0. */
LdReport *ld_loader_load_stream (GInputStream   *stream,
                                 guint64         size,
                                 const char     *display_name,
                                 const char     *path,
                                 GCancellable   *cancellable,
                                 LdProgressFunc  progress,
                                 gpointer        user_data,
                                 GError        **error);

/* Loads from memory: for tests and the bundled sample. */
LdReport *ld_loader_load_data   (const char     *data,
                                 gsize           len,
                                 const char     *display_name,
                                 GError        **error);

G_END_DECLS
