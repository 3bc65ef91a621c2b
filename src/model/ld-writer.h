/* ld-writer.h — CSV and JSON output of a table (SPEC §5)
 *
 * CSV: UTF-8, comma, CRLF-free RFC 4180 (LF line ends, quotes only where needed),
 * header row, locale-independent numbers, formula-looking text escaped with a
 * leading "'". JSON: an array of objects keyed by the column names, numbers as numbers,
 * cells without a value (LD_CELL_EMPTY) as null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "ld-table.h"

G_BEGIN_DECLS

typedef enum {
  LD_FORMAT_CSV,
  LD_FORMAT_JSON,
} LdFormat;

/* "csv"/"json" and back. */
const char *ld_format_to_string (LdFormat format);
gboolean    ld_format_from_string (const char *name, LdFormat *format);

gboolean ld_table_write (LdTable       *table,
                         LdFormat       format,
                         GOutputStream *stream,
                         GCancellable  *cancellable,
                         GError       **error);

/* Saves the table as @file through ld_file_save() (ld-file-save.h): a failed or
 * cancelled save leaves the old file intact. */
gboolean ld_table_save (LdTable       *table,
                        LdFormat       format,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error);

/* The escaping rule both ways (SPEC §5), exposed for the loader and tests: a text that
 * starts with zero or more "'" followed by '=', '+', '-', '@', TAB or CR gets one more
 * "'" on writing, and loses one on reading — so every text survives the round trip. */
gboolean ld_csv_needs_formula_escape (const char *text, gsize len);
gboolean ld_csv_has_formula_escape   (const char *text, gsize len);

G_END_DECLS
