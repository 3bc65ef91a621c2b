/* ld-row-model.c — a GListModel over one of a result's tables, items made on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-row-model.h"

/* Past this many rows replaced, one "items-changed" costs more than two. */
#define RESHUFFLE_LIMIT 1000

/* ---- LdRowItem ------------------------------------------------------------------- */

struct _LdRowItem
{
  GObject     parent_instance;

  LdResult   *result;  /* keeps the row's strings alive */
  LdRowKind   kind;
  gconstpointer row;
  guint       position;
};

G_DEFINE_FINAL_TYPE (LdRowItem, ld_row_item, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  /* The item now shows another row of a newer result (ld_row_model_refresh()). */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
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

const LdAdoptionRow *
ld_row_item_get_adoption (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), NULL);
  return self->kind == LD_ROW_KIND_ADOPTION ? self->row : NULL;
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
    case LD_ROW_KIND_ADOPTION:
      name = ((const LdAdoptionRow *) self->row)->name;
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
    case LD_ROW_KIND_ADOPTION:
      return ((const LdAdoptionRow *) self->row)->provisioned;
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
    case LD_ROW_KIND_ADOPTION:
      return ((const LdAdoptionRow *) self->row)->assigned;
    default:
      g_assert_not_reached ();
    }
}

guint64
ld_row_item_get_unassigned (LdRowItem *self)
{
  guint64 provisioned, assigned;

  g_return_val_if_fail (LD_IS_ROW_ITEM (self), 0);

  if (self->kind == LD_ROW_KIND_ADOPTION)
    return ((const LdAdoptionRow *) self->row)->unassigned;

  provisioned = ld_row_item_get_provisioned (self);
  assigned = ld_row_item_get_assigned (self);
  return provisioned > assigned ? provisioned - assigned : 0;
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
    case LD_ROW_KIND_ADOPTION:
      /* An adoption row is one customer. */
      return 1;
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

guint64
ld_row_item_get_total (LdRowItem *self)
{
  g_return_val_if_fail (LD_IS_ROW_ITEM (self), 0);

  return ld_result_get_provisioned (self->result);
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
    case LD_ROW_KIND_ADOPTION:
      return ((const LdAdoptionRow *) self->row)->customer;
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
  /* The items alive (listed by a view), by position: weak pointers, so that a
   * refresh can update them in place. */
  GHashTable    *live;
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

static void
item_gone (gpointer  data,
           GObject  *where_the_object_was)
{
  LdRowModel *self = data;
  LdRowItem *item = (LdRowItem *) where_the_object_was;

  /* Weak references are notified before finalize: the position is still there. */
  if (g_hash_table_lookup (self->live, GUINT_TO_POINTER (item->position)) == item)
    g_hash_table_remove (self->live, GUINT_TO_POINTER (item->position));
}

static gpointer
ld_row_model_get_item (GListModel *model,
                       guint       position)
{
  LdRowModel *self = LD_ROW_MODEL (model);
  LdRowItem *item;

  if (position >= self->n_rows)
    return NULL;

  item = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  item = g_object_new (LD_TYPE_ROW_ITEM, NULL);
  item->result = ld_result_ref (self->result);
  item->kind = self->kind;
  item->row = (const guint8 *) self->rows + (gsize) position * self->row_size;
  item->position = position;
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), item);
  g_object_weak_ref (G_OBJECT (item), item_gone, self);

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

  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    g_object_weak_unref (item, item_gone, self);
  g_hash_table_unref (self->live);
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
  self->live = g_hash_table_new (NULL, NULL);
}

static void
forget_live_items (LdRowModel *self,
                   guint       from)
{
  GHashTableIter iter;
  gpointer key, item;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &item))
    if (GPOINTER_TO_UINT (key) >= from)
      {
        g_object_weak_unref (item, item_gone, self);
        g_hash_table_iter_remove (&iter);
      }
}

/* Points the model at @result's table; returns the old number of rows. */
static guint
point_at (LdRowModel *self,
          LdResult   *result)
{
  guint old_n = self->n_rows;

  g_clear_pointer (&self->result, ld_result_unref);
  self->rows = NULL;
  self->n_rows = 0;

  if (result == NULL)
    return old_n;

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
    case LD_ROW_KIND_ADOPTION:
      self->rows = ld_result_get_adoption (result, &self->n_rows);
      break;
    default:
      g_assert_not_reached ();
    }
  if (self->rows == NULL)
    self->n_rows = 0;

  return old_n;
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
    case LD_ROW_KIND_ADOPTION:
      self->row_size = sizeof (LdAdoptionRow);
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

  /* Every item is new: the views must not find the old ones again. */
  forget_live_items (self, 0);
  old_n = point_at (self, result);

  if (old_n > RESHUFFLE_LIMIT && self->n_rows > RESHUFFLE_LIMIT)
    {
      /* GTK 4.8's list views look for the row they were tracking among the new
       * items one get_item() at a time, an object for every one of 100,000
       * customers. Removing all first and adding after leaves nothing to find. */
      guint n_rows = self->n_rows;

      self->n_rows = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      self->n_rows = n_rows;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_rows);
    }
  else if (old_n > 0 || self->n_rows > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_rows);
}

void
ld_row_model_refresh (LdRowModel *self,
                      LdResult   *result)
{
  g_autoptr(GPtrArray) changed = NULL;
  GHashTableIter iter;
  gpointer value;
  guint old_n;

  g_return_if_fail (LD_IS_ROW_MODEL (self));

  if (self->result == result)
    return;

  old_n = point_at (self, result);
  forget_live_items (self, self->n_rows);

  /* The rows a view shows keep their items and widgets; they are told to show
   * the new figures. Nothing is rebuilt but what the row count adds. */
  changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LdRowItem *item = value;

      g_clear_pointer (&item->result, ld_result_unref);
      item->result = ld_result_ref (self->result);
      item->row = (const guint8 *) self->rows + (gsize) item->position * self->row_size;
      g_ptr_array_add (changed, g_object_ref (item));
    }

  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (changed->pdata[i], signals[SIGNAL_CHANGED], 0);

  if (self->n_rows < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_rows, old_n - self->n_rows, 0);
  else if (self->n_rows > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_rows - old_n);
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
      if (self->kind == LD_ROW_KIND_ADOPTION && ((const LdAdoptionRow *) row)->customer == id)
        return i;
    }

  return G_MAXUINT;
}
