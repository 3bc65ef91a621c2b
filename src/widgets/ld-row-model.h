/* ld-row-model.h — a GListModel over one of a result's tables, items made on demand
 *
 * The Analysis and Geographical cards list up to 100,000 customers. Building a
 * GObject per row on every filter click would cost more than the query itself, so
 * this model only wraps the result's row array and makes an LdRowItem when a list
 * view (or a sorter) asks for one. Its order is the table's (SPEC §5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ld-result.h"

G_BEGIN_DECLS

typedef enum
{
  LD_ROW_KIND_PRODUCTS,
  LD_ROW_KIND_CUSTOMERS,
  LD_ROW_KIND_COUNTRIES,
  LD_ROW_KIND_ADOPTION,   /* customers by unassigned licences (SPEC §4.5) */
} LdRowKind;

#define LD_TYPE_ROW_ITEM (ld_row_item_get_type ())
G_DECLARE_FINAL_TYPE (LdRowItem, ld_row_item, LD, ROW_ITEM, GObject)

LdRowKind            ld_row_item_get_kind        (LdRowItem *self);
/* The row of the kind's table; NULL for the other kinds. */
const LdProductRow  *ld_row_item_get_product     (LdRowItem *self);
const LdCustomerRow *ld_row_item_get_customer    (LdRowItem *self);
const LdCountryRow  *ld_row_item_get_country     (LdRowItem *self);
const LdAdoptionRow *ld_row_item_get_adoption    (LdRowItem *self);
/* What every kind has. The name is "" when the file leaves it blank. */
const char          *ld_row_item_get_name        (LdRowItem *self);
guint64              ld_row_item_get_provisioned (LdRowItem *self);
guint64              ld_row_item_get_assigned    (LdRowItem *self);
/* Provisioned − assigned, or 0 when assigned exceeds it. */
guint64              ld_row_item_get_unassigned  (LdRowItem *self);
/* Customers of a product or a country, products of a customer. */
guint64              ld_row_item_get_count       (LdRowItem *self);
/* Hundredths of a percent. */
gint64               ld_row_item_get_share       (LdRowItem *self);
gint64               ld_row_item_get_rate        (LdRowItem *self);
/* The whole the share is of: every row's provisioned licenses. */
guint64              ld_row_item_get_total       (LdRowItem *self);
/* The id for ld_query_set_group_only() or _customer_only() (products; customers and
 * adoption); G_MAXUINT32 for countries. */
guint32              ld_row_item_get_id          (LdRowItem *self);

#define LD_TYPE_ROW_MODEL (ld_row_model_get_type ())
G_DECLARE_FINAL_TYPE (LdRowModel, ld_row_model, LD, ROW_MODEL, GObject)

LdRowModel *ld_row_model_new        (LdRowKind   kind);
LdRowKind   ld_row_model_get_kind   (LdRowModel *self);
/* NULL empties the model. */
void        ld_row_model_set_result (LdRowModel *self,
                                     LdResult   *result);
/* Like set_result, but the items a view holds stay and emit "changed" with the
 * new row at their position: the view rebinds nothing. Only for a model whose
 * order nothing downstream depends on (no active sorter). */
void        ld_row_model_refresh    (LdRowModel *self,
                                     LdResult   *result);
LdResult   *ld_row_model_get_result (LdRowModel *self);
/* The position of the row with @id (see ld_row_item_get_id), or G_MAXUINT. */
guint       ld_row_model_find_id    (LdRowModel *self,
                                     guint32     id);

G_END_DECLS
