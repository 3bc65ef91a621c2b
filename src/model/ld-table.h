/* ld-table.h — the export tables of SPEC §5, as rows of typed cells
 *
 * One interface for the nine tables, so the CSV and JSON writers (and the cards'
 * "Save data as CSV…") write every table the same way. A table holds a reference to
 * its result (or query rows) and produces cells on demand: the data table of a
 * million rows is never materialised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "ld-query.h"

G_BEGIN_DECLS

typedef enum {
  LD_CELL_TEXT,     /* text: escaped against formulas in CSV */
  LD_CELL_INT,      /* value */
  LD_CELL_PERCENT,  /* value in hundredths: "33.33" */
  LD_CELL_MONTH,    /* value is a month index: "2026-03"; empty when -1 */
  LD_CELL_DATE,     /* value is a packed date: "2026-03-05" */
  LD_CELL_EMPTY,    /* no value (the summary's Previous cells without a previous
                     * period): nothing in CSV, null in JSON */
} LdCellKind;

typedef struct {
  LdCellKind  kind;
  const char *text;  /* LD_CELL_TEXT; NULL reads as "" */
  gsize       len;   /* LD_CELL_TEXT: bytes of text */
  gint64      value;
} LdCell;

typedef struct _LdTable LdTable;

/* Every widget but LD_WIDGET_DATA, from a result. */
LdTable    *ld_table_new_for_result (LdResult *result, LdWidgetId widget);
/* LD_WIDGET_DATA: the rows passing @query's range and filters, in the file's columns. */
LdTable    *ld_table_new_data (LdQuery *query);
/* Either of the above, by widget id. */
LdTable    *ld_table_new (LdQuery *query, LdResult *result, LdWidgetId widget);

void        ld_table_free (LdTable *self);
LdWidgetId  ld_table_get_widget (LdTable *self);
guint       ld_table_get_n_columns (LdTable *self);
const char *ld_table_get_column_name (LdTable *self, guint column);
gsize       ld_table_get_n_rows (LdTable *self);
/* Fills @cells (n_columns of them) with row @row. */
void        ld_table_get_row (LdTable *self, gsize row, LdCell *cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdTable, ld_table_free)

G_END_DECLS
