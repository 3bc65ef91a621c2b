/* ld-row-table.h — a sortable GtkColumnView over an LdRowModel
 *
 * Shared by the Analysis and Geographical cards. Sorting runs incrementally in a
 * GtkSortListModel, so clicking a header over 100,000 customers never blocks a
 * frame; with no header clicked the rows keep the model's order (SPEC §5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-row-model.h"

G_BEGIN_DECLS

typedef enum
{
  LD_ROW_COLUMN_NAME,        /* offer and plan, customer or country name */
  LD_ROW_COLUMN_CODE,        /* country code */
  LD_ROW_COLUMN_COUNT,       /* customers of a product or country, products of a customer */
  LD_ROW_COLUMN_PROVISIONED,
  LD_ROW_COLUMN_ASSIGNED,
  LD_ROW_COLUMN_SHARE,
  LD_ROW_COLUMN_RATE,
  LD_ROW_COLUMN_UNASSIGNED,
  /* A button that opens the row's customer page (win.show-customer): customers and
   * adoption rows. Enter on a row does the same through the table's "activate". */
  LD_ROW_COLUMN_OPEN,
} LdRowColumn;

typedef struct
{
  LdRowColumn  column;
  const char  *title;   /* translated */
} LdRowColumnSpec;

/* Returns a new GtkColumnView; *@selection (not owned) selects over every row, at
 * the positions of the sorted rows (the view itself shows the top ones). An
 * LD_ROW_COLUMN_OPEN column's title may be NULL: it is only read to screen readers. */
GtkWidget  *ld_row_table_new (LdRowModel            *model,
                              const LdRowColumnSpec *columns,
                              guint                  n_columns,
                              GtkSingleSelection   **selection);

/* The table shows its top rows in the page (no scroller of its own: the page
 * scrolls as one); "Show All" shows up to LD_ROW_TABLE_MAX_ROWS in place (more
 * rows than that ask for a filter, a sort or the CSV: each row shown is widgets). */
#define LD_ROW_TABLE_TOP_ROWS 8
#define LD_ROW_TABLE_MAX_ROWS 200

/* @table (from ld_row_table_new()) in a box with its "Show All" / "Show Fewer"
 * button, which screen readers hear with @name ("Countries table"); the box
 * scrolls sideways when the columns do not fit. Call once. */
GtkWidget  *ld_row_table_wrap (GtkWidget  *table,
                               const char *name);

/* The selection over every row that ld_row_table_new() gave for @table (the
 * view's own model selects over the rows it shows). */
GtkSingleSelection *ld_row_table_get_selection (GtkWidget *table);

/* The "Show All" / "Show Fewer" button of a wrapped @table, or NULL. */
GtkWidget  *ld_row_table_get_more_button (GtkWidget *table);

/* Gives @model (the one the table of @selection lists) a new result, the
 * cheapest way the table's current sorting allows. */
void        ld_row_table_set_result (GtkSingleSelection *selection,
                                     LdRowModel         *model,
                                     LdResult           *result);

/* Opens the customer page of @item (a customers or adoption row) with the window's
 * win.show-customer action, from @widget inside the window. FALSE when @item has no
 * customer or no window took it. */
gboolean    ld_row_table_open_customer (GtkWidget *widget,
                                        LdRowItem *item);

/* The text a row shows for its name: blanks read "Name not shared" (customers)
 * or "Unknown" (countries). Sets *@placeholder when the text stands for a blank. */
const char *ld_row_item_get_display_name (LdRowItem *item,
                                          gboolean  *placeholder);

G_END_DECLS
