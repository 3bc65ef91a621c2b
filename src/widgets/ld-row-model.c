/* ld-row-model.c — a GListModel over one of a result's tables, items made on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-row-model.h"

/* ---- LdRowItem ------------------------------------------------------------------- */

struct _LdRowItem
{
  GObject     parent_instance;

  LdResult   *result;  /* keeps the row's strings alive */
  LdRowKind   kind;
  gconstpointer row;
};

G_DEFINE_FINAL_TYPE (LdRowItem, ld_row_item, G_TYPE_OBJECT)

static void
ld_row_item_finalize (GObject *object)
{
  LdRowItem *self = LD_ROW_ITEM (object);

  g_clear_pointer (&self->result, ld_result_unref);

  G_OBJECT_CLASS (ld_row_item_parent_class)->finalize (object);
}

static void
ld_row_item_class_init (LdRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ld_row_item_finalize;
}

static void
ld_row_item_init (LdRowItem *self)
{
}

LdRowKind
ld_row_item_get_kind (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), LD_ROW_KIND_PRODUCTS);
  return self->kind;
}

const LdProductRow *
ld_row_item_get_product (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), NULL);
  return self->kind == LD_ROW_KIND_PRODUCTS ? self->row : NULL;
}

const LdCustomerRow *
ld_row_item_get_customer (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), NULL);
  return self->kind == LD_ROW_KIND_CUSTOMERS ? self->row : NULL;
}

const LdCountryRow *
ld_row_item_get_country (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), NULL);
  return self->kind == LD_ROW_KIND_COUNTRIES ? self->row : NULL;
}

const char *
ld_row_item_get_name (LdRowItem *self)
{
  const char *name = NULL;

  g_return_val_if_fail (LD_IS_ROW_ITEM (self), "");

  switch (self->kind)
    {
    case LD_ROW_KIND_PRODUCTS:
      name = ((const LdProductRow *) self->row)->product_name;
      break;
    case LD_ROW_KIND_CUSTOMERS:
      name = ((const LdCustomerRow *) self->row)->name;
      break;
    case LD_ROW_KIND_COUNTRIES:
      name = ((const LdCountryRow *) self->row)->name;
      break;
    default:
      g_assert_not_reached ();
    }

  return name != NULL ? name : "";
}

guint64
ld_row_item_get_provisioned (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), 0);

  switch (self->kind)
    {
    case LD_ROW_KIND_PRODUCTS:
      return ((const LdProductRow *) self->row)->provisioned;
    case LD_ROW_KIND_CUSTOMERS:
      return ((const LdCustomerRow *) self->row)->provisioned;
    case LD_ROW_KIND_COUNTRIES:
      return ((const LdCountryRow *) self->row)->provisioned;
    default:
      g_assert_not_reached ();
    }
}

guint64
ld_row_item_get_assigned (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), 0);

  switch (self->kind)
    {
    case LD_ROW_KIND_PRODUCTS:
      return ((const LdProductRow *) self->row)->assigned;
    case LD_ROW_KIND_CUSTOMERS:
      return ((const LdCustomerRow *) self->row)->assigned;
    case LD_ROW_KIND_COUNTRIES:
      return ((const LdCountryRow *) self->row)->assigned;
    default:
      g_assert_not_reached ();
    }
}

guint64
ld_row_item_get_count (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), 0);

  switch (self->kind)
    {
    case LD_ROW_KIND_PRODUCTS:
      return ((const LdProductRow *) self->row)->customers;
    case LD_ROW_KIND_CUSTOMERS:
      return ((const LdCustomerRow *) self->row)->products;
    case LD_ROW_KIND_COUNTRIES:
      return ((const LdCountryRow *) self->row)->customers;
    default:
      g_assert_not_reached ();
    }
}

gint64
ld_row_item_get_share (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), 0);

  return ld_percent_hundredths (ld_row_item_get_provisioned (self),
                                ld_result_get_provisioned (self->result));
}

gint64
ld_row_item_get_rate (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), 0);

  return ld_percent_hundredths (ld_row_item_get_assigned (self),
                                ld_row_item_get_provisioned (self));
}

guint32
ld_row_item_get_id (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), G_MAXUINT32);

  switch (self->kind)
    {
    case LD_ROW_KIND_PRODUCTS:
      return ((const LdProductRow *) self->row)->group;
    case LD_ROW_KIND_CUSTOMERS:
      return ((const LdCustomerRow *) self->row)->customer;
    case LD_ROW_KIND_COUNTRIES:
    default:
      return G_MAXUINT32;
    }
}

/* ---- LdRowModel ------------------------------------------------------------------ */

struct _LdRowModel
{
  GObject        parent_instance;

  LdRowKind      kind;
  LdResult      *result;
  gconstpointer  rows;
  gsize          row_size;
  guint          n_rows;
};

static void ld_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LdRowModel, ld_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ld_row_model_list_model_init))

static GType
ld_row_model_get_item_type (GListModel *model)
{
  return LD_TYPE_ROW_ITEM;
}

static guint
ld_row_model_get_n_items (GListModel *model)
{
  return LD_ROW_MODEL (model)->n_rows;
}

static gpointer
ld_row_model_get_item (GListModel *model,
                       guint       position)
{
  LdRowModel *self = LD_ROW_MODEL (model);
  LdRowItem *item;

  if (position >= self->n_rows)
    return NULL;

  item = g_object_new (LD_TYPE_ROW_ITEM, NULL);
  item->result = ld_result_ref (self->result);
  item->kind = self->kind;
  item->row = (const guint8 *) self->rows + (gsize) position * self->row_size;

  return item;
}

static void
ld_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ld_row_model_get_item_type;
  iface->get_n_items = ld_row_model_get_n_items;
  iface->get_item = ld_row_model_get_item;
}

static void
ld_row_model_finalize (GObject *object)
{
  LdRowModel *self = LD_ROW_MODEL (object);

  g_clear_pointer (&self->result, ld_result_unref);

  G_OBJECT_CLASS (ld_row_model_parent_class)->finalize (object);
}

static void
ld_row_model_class_init (LdRowModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ld_row_model_finalize;
}

static void
ld_row_model_init (LdRowModel *self)
{
}

LdRowModel *
ld_row_model_new (LdRowKind kind)
{
  LdRowModel *self = g_object_new (LD_TYPE_ROW_MODEL, NULL);

  self->kind = kind;
  switch (kind)
    {
    case LD_ROW_KIND_PRODUCTS:
      self->row_size = sizeof (LdProductRow);
      break;
    case LD_ROW_KIND_CUSTOMERS:
      self->row_size = sizeof (LdCustomerRow);
      break;
    case LD_ROW_KIND_COUNTRIES:
      self->row_size = sizeof (LdCountryRow);
      break;
    default:
      g_return_val_if_reached (self);
    }

  return self;
}

LdRowKind
ld_row_model_get_kind (LdRowModel *self)
{
  g_return_val_if_fail (LD_IS_ROW_MODEL (self), LD_ROW_KIND_PRODUCTS);
  return self->kind;
}

void
ld_row_model_set_result (LdRowModel *self,
                         LdResult   *result)
{
  guint old_n;

  g_return_if_fail (LD_IS_ROW_MODEL (self));

  if (self->result == result)
    return;

  old_n = self->n_rows;
  g_clear_pointer (&self->result, ld_result_unref);
  self->rows = NULL;
  self->n_rows = 0;

  if (result != NULL)
    {
      self->result = ld_result_ref (result);
      switch (self->kind)
        {
        case LD_ROW_KIND_PRODUCTS:
          self->rows = ld_result_get_products (result, &self->n_rows);
          break;
        case LD_ROW_KIND_CUSTOMERS:
          self->rows = ld_result_get_customers_table (result, &self->n_rows);
          break;
        case LD_ROW_KIND_COUNTRIES:
          self->rows = ld_result_get_countries (result, &self->n_rows);
          break;
        default:
          g_assert_not_reached ();
        }
      if (self->rows == NULL)
        self->n_rows = 0;
    }

  if (old_n > 0 || self->n_rows > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_rows);
}

LdResult *
ld_row_model_get_result (LdRowModel *self)
{
  g_return_val_if_fail (LD_IS_ROW_MODEL (self), NULL);
  return self->result;
}

guint
ld_row_model_find_id (LdRowModel *self,
                      guint32     id)
{
  g_return_val_if_fail (LD_IS_ROW_MODEL (self), G_MAXUINT);

  if (id == G_MAXUINT32)
    return G_MAXUINT;

  for (guint i = 0; i < self->n_rows; i++)
    {
      gconstpointer row = (const guint8 *) self->rows + (gsize) i * self->row_size;

      if (self->kind == LD_ROW_KIND_PRODUCTS && ((const LdProductRow *) row)->group == id)
        return i;
      if (self->kind == LD_ROW_KIND_CUSTOMERS && ((const LdCustomerRow *) row)->customer == id)
        return i;
    }

  return G_MAXUINT;
}
