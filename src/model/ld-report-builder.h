/* ld-report-builder.h — how the loader fills a column store
 *
 * A builder holds the good rows of one part of one file, in file order: the whole
 * file, or one of the byte ranges that the loader parses on separate threads. Each
 * builder interns its text into dictionaries of its own, so parts fill in parallel
 * without locks. Finishing merges the parts of every file (SPEC §7: several
 * downloads as one history) into one immutable LdReport: the union of the files'
 * columns, one dictionary per column, the rows of older downloads that a newer one
 * replaces left out, rows sorted by month, customer identities, products, groups and
 * pair ids derived. One builder is used by one thread at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-report.h"

G_BEGIN_DECLS

typedef struct _LdReportBuilder LdReportBuilder;

/* @names: the header cells (n_columns of them), @fields: the field of each column
 * (LD_FIELD_EXTRA for the rest; a field appears at most once). */
LdReportBuilder *ld_report_builder_new (guint              n_columns,
                                        const char *const *names,
                                        const LdField     *fields);

/* Adds one good row. @cells/@lens hold every column's text (valid UTF-8, already
 * unescaped); the cells of ActivationDate and the two counts are ignored in favour of
 * the parsed @date, @assigned and @provisioned. Returns the row's index in the part.
 * A slash date that is ambiguous until the whole file is read is passed with
 * @slash_date TRUE as year*10000 + first*100 + second: finishing swaps the two parts
 * when the file is day-first. */
guint            ld_report_builder_add_row (LdReportBuilder   *self,
                                            const char *const *cells,
                                            const gsize       *lens,
                                            guint32            date,
                                            gboolean           slash_date,
                                            guint32            assigned,
                                            guint32            provisioned);

/* The same, for a row whose cells all lie in order in one buffer, with only the
 * file's own bytes between them (a line read without quotes, nothing repaired):
 * then runs of cells can be interned as one text. */
guint            ld_report_builder_add_row_full (LdReportBuilder   *self,
                                                 const char *const *cells,
                                                 const gsize       *lens,
                                                 gboolean           contiguous,
                                                 guint32            date,
                                                 gboolean           slash_date,
                                                 guint32            assigned,
                                                 guint32            provisioned);

/* Interns every cell on its own (tests compare the two ways); before any row. */
void             ld_report_builder_disable_spans (LdReportBuilder *self);

/* Many good rows at once, as add_row_full() would add them one by one, but faster:
 * each column's cells of the batch are interned together. Cells are row-major:
 * cells[r * n_columns + c]. */
typedef struct {
  guint              n_rows;
  guint              n_columns;
  const char *const *cells;
  const gsize       *lens;
  const guint8      *contiguous;
  const guint32     *date;
  const guint8      *slash;
  const guint32     *assigned;
  const guint32     *provisioned;
} LdRowBatch;

void             ld_report_builder_add_batch (LdReportBuilder  *self,
                                              const LdRowBatch *batch);

guint            ld_report_builder_get_n_rows (LdReportBuilder *self);

/* Drops a row already added (it turned out bad once the file was read: a slash date
 * invalid day-first). The loader reports it itself. */
void             ld_report_builder_drop_row (LdReportBuilder *self, guint row);

/* Drops every row whose slash date is no date when read day first (D/M/YYYY);
 * returns how many. For a file found to be day-first. */
guint64          ld_report_builder_drop_invalid_day_first (LdReportBuilder *self);

/* Records a bad row (line order is restored at finish); counts every call, keeps the
 * first LD_REPORT_MAX_BAD_ROWS by line. Takes ownership of @column_name and @reason.
 * @line is counted in the part: finishing adds the part's line offset. */
void             ld_report_builder_add_bad_row (LdReportBuilder *self,
                                                guint64          line,
                                                int              column,
                                                char            *column_name,
                                                char            *reason);

/* Counts @n more bad rows whose details are not kept: they come after the first
 * LD_REPORT_MAX_BAD_ROWS already recorded. */
void             ld_report_builder_count_bad_rows (LdReportBuilder *self, guint64 n);

void             ld_report_builder_add_warnings (LdReportBuilder *self, guint64 n);

/* The number of physical lines in the file before the part's first line: added to
 * the lines of its bad rows at finish. 0 by default. */
void             ld_report_builder_set_line_offset (LdReportBuilder *self, guint64 offset);

/* Builds the report of one file from one builder, and frees the builder. */
LdReport        *ld_report_builder_finish (LdReportBuilder *self,
                                           const char      *display_name,
                                           const char      *path,
                                           char             delimiter,
                                           LdEncoding       encoding,
                                           gboolean         day_first);

/* One file for ld_report_builder_finish_files(). */
typedef struct {
  const char       *display_name;
  const char       *path;
  char              delimiter;
  LdEncoding        encoding;
  gboolean          day_first;
  LdReportBuilder **parts;      /* its rows, part after part in file order; every part
                                 * has the file's header. Finishing frees them. */
  guint             n_parts;
} LdReportBuilderFile;

/* Builds one report from the files, given in the order the user gave them (SPEC §7),
 * and frees their parts. */
LdReport        *ld_report_builder_finish_files (const LdReportBuilderFile *files,
                                                 guint                      n_files);

void             ld_report_builder_free (LdReportBuilder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdReportBuilder, ld_report_builder_free)

G_END_DECLS
