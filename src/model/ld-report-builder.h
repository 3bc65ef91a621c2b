/* ld-report-builder.h — how the loader fills a column store
 *
 * The loader adds good rows one at a time, in file order; finishing sorts them by
 * month, derives customer identities, products, groups and pair ids, and returns the
 * immutable LdReport. Not thread-safe; one builder per load.
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
 * the parsed @date, @assigned and @provisioned. Returns the row's index in file order.
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

/* Drops a row already added (it turned out bad once the file was read: a slash date
 * invalid day-first). The loader reports it itself. */
void             ld_report_builder_drop_row (LdReportBuilder *self, guint row);

/* Records a bad row (line order is restored at finish); counts every call, keeps the
 * first LD_REPORT_MAX_BAD_ROWS by line. Takes ownership of @column_name and @reason. */
void             ld_report_builder_add_bad_row (LdReportBuilder *self,
                                                guint64          line,
                                                int              column,
                                                char            *column_name,
                                                char            *reason);

void             ld_report_builder_add_warnings (LdReportBuilder *self, guint64 n);

/* Builds the report and frees the builder. */
LdReport        *ld_report_builder_finish (LdReportBuilder *self,
                                           const char      *display_name,
                                           const char      *path,
                                           char             delimiter,
                                           LdEncoding       encoding,
                                           gboolean         day_first);
void             ld_report_builder_free (LdReportBuilder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdReportBuilder, ld_report_builder_free)

G_END_DECLS
