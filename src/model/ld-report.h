/* ld-report.h — a loaded License report, held as a column store
 *
 * An LdReport is immutable once built: the loader (ld-loader.h) makes a new one for
 * each load, so a failed load never touches the report that is open. Queries
 * (ld-query.h) read it from any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "ld-types.h"

G_BEGIN_DECLS

#define LD_TYPE_REPORT (ld_report_get_type ())
G_DECLARE_FINAL_TYPE (LdReport, ld_report, LD, REPORT, GObject)

/* One skipped row, as the load result reports it (SPEC §2 "Bad rows"). */
typedef struct {
  guint64 line;        /* 1-based physical line where the row starts */
  int     column;      /* 0-based column of its file, or -1 when the whole row is at fault */
  char   *column_name; /* the header text of that column, or NULL */
  char   *reason;      /* a translated sentence: what is wrong and, where useful, what to do */
  guint   file;        /* the file it is in: an index for ld_report_get_file(), 0 for one file */
} LdBadRow;

/* How the bytes of the file were read. */
typedef enum {
  LD_ENCODING_UTF8,
  LD_ENCODING_UTF8_BOM,
  LD_ENCODING_UTF16LE,
  LD_ENCODING_UTF16BE,
} LdEncoding;

/* One file of the report, in the order the files were given. A report read from
 * several downloads (SPEC §7) has one per download; ld_loader_load_data() and the
 * other single-file loads have exactly one. */
typedef struct {
  char       *display_name;   /* the file's name as shown to people */
  char       *path;           /* NULL when not read from a local file */
  char        delimiter;      /* ',', '\t' or ';' */
  LdEncoding  encoding;
  gboolean    day_first;      /* its slash dates were D/M/YYYY */
  guint64     rows_read;      /* its good and bad rows */
  guint64     rows_skipped;   /* its bad rows */
  guint64     rows_replaced;  /* its good rows left out because a later download has
                               * their licence key (SPEC §7) */
  int         first_month;    /* the months of its good rows (replaced ones included): */
  int         last_month;     /* the months it covers; both -1 when it has none */
  guint32     latest_date;    /* packed YYYYMMDD, 0 when it has no good rows */
} LdReportFile;

guint               ld_report_get_n_files (LdReport *self);
const LdReportFile *ld_report_get_file    (LdReport *self, guint index);

/* A run of whole months, inclusive. */
typedef struct {
  int from;
  int to;
} LdMonthSpan;

/* The months the files cover, for the window's subtitle: each file covers its first
 * to its last month; spans that overlap or touch are joined, so three monthly
 * downloads give one span and a gap between two downloads gives two. Ascending;
 * none when no file has a good row. */
const LdMonthSpan  *ld_report_get_months_covered (LdReport *self, guint *n_spans);

/* For one file: its name, and its path (NULL when not read from a local file). For
 * several: their names joined by ", " (the window titles them "3 reports" with
 * ld_report_get_n_files()), and a NULL path — each file's is in ld_report_get_file(). */
const char *ld_report_get_display_name (LdReport *self);
const char *ld_report_get_path         (LdReport *self);
/* Of the first file given. */
char        ld_report_get_delimiter    (LdReport *self);  /* ',', '\t' or ';' */
LdEncoding  ld_report_get_encoding     (LdReport *self);
gboolean    ld_report_get_day_first    (LdReport *self);  /* slash dates were D/M/YYYY */

guint       ld_report_get_n_rows       (LdReport *self);  /* rows kept */
guint64     ld_report_get_rows_skipped (LdReport *self);  /* bad rows, all of them, of every file */
guint64     ld_report_get_rows_replaced (LdReport *self); /* good rows a later download replaced */
guint64     ld_report_get_rows_read    (LdReport *self);  /* kept + replaced + skipped */
guint64     ld_report_get_n_warnings   (LdReport *self);  /* cells with invalid UTF-8 replaced by U+FFFD */
/* The first bad rows in file and line order (at most LD_REPORT_MAX_BAD_ROWS): LdBadRow
 * elements. */
#define LD_REPORT_MAX_BAD_ROWS 100
const GArray *ld_report_get_bad_rows   (LdReport *self);

/* The file's own columns, in its order, with their header text as written. For
 * several files, the union of their columns in first-seen order (files in the order
 * given): a canonical column (SPEC §2 header matching) is one column whatever each
 * file calls it; another column matches by its name with case, spaces, '_' and '-'
 * ignored (the second "Notes" of a file matches the second "notes" of another). Each
 * column keeps the header text of the first file that has it; rows of a file without
 * it read as empty. */
guint       ld_report_get_n_columns    (LdReport *self);
const char *ld_report_get_column_name  (LdReport *self, guint column);
LdField     ld_report_get_column_field (LdReport *self, guint column);
gboolean    ld_report_has_field        (LdReport *self, LdField field);

/* The months holding data (SPEC §3: presets end at the latest ActivationDate's month).
 * Both are -1 when the report has no rows. */
int         ld_report_get_first_month  (LdReport *self);
int         ld_report_get_last_month   (LdReport *self);
guint32     ld_report_get_latest_date  (LdReport *self);  /* packed, 0 when empty */
guint       ld_report_get_n_customers  (LdReport *self);  /* distinct customers in the whole file */

/* The distinct values of a dimension over the whole file (id order = first appearance). */
guint       ld_report_get_n_values     (LdReport *self, LdDimension dim);
const char *ld_report_get_value        (LdReport *self, LdDimension dim, guint32 id);

/* Bytes held by the store, for the benchmark. */
gsize       ld_report_get_memory_size  (LdReport *self);

void        ld_bad_row_clear           (LdBadRow *row);

/* The CustomerCountry the report keeps for the country @code: the first seen with it
 * ("" when that row left it blank); NULL when no row has @code. */
const char *ld_report_get_country_name (LdReport *self, const char *code);

G_END_DECLS
