/* ld-report.c — a loaded License report, held as a column store
 *
 * The report only owns and hands out what ld-report-builder.c laid out; see
 * ld-report-private.h for the layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-report-private.h"

G_DEFINE_FINAL_TYPE (LdReport, ld_report, G_TYPE_OBJECT)

/* ---- narrow id arrays ---------------------------------------------------------- */

void
ld_ids_init (LdIds *ids,
             guint  width,
             gsize  n)
{
  g_return_if_fail (width == 1 || width == 2 || width == 4);

  ids->width = width;
  ids->data = g_malloc (MAX (n, 1) * width);
}

void
ld_ids_init0 (LdIds *ids,
              guint  width,
              gsize  n)
{
  g_return_if_fail (width == 1 || width == 2 || width == 4);

  ids->width = width;
  ids->data = g_malloc0 (MAX (n, 1) * width);
}

void
ld_ids_resize (LdIds *ids,
               gsize  n)
{
  ids->data = g_realloc (ids->data, MAX (n, 1) * ids->width);
}

/* Converts @n ids from type From to the wider type To, back to front so that no
 * id is overwritten before it is read. */
#define WIDEN(From, To, data, n)                \
  G_STMT_START {                                \
    const From *src_ = (const From *) (data);   \
    To *dst_ = (To *) (data);                   \
                                                \
    for (gsize i_ = (n); i_ > 0; i_--)          \
      dst_[i_ - 1] = src_[i_ - 1];              \
  } G_STMT_END

void
ld_ids_widen (LdIds *ids,
              guint  width,
              gsize  n_used,
              gsize  n_alloc)
{
  g_return_if_fail (width == 1 || width == 2 || width == 4);
  g_return_if_fail (n_used <= n_alloc);

  if (width <= ids->width)
    return;

  ids->data = g_realloc (ids->data, MAX (n_alloc, 1) * width);
  if (ids->width == 1 && width == 2)
    WIDEN (guint8, guint16, ids->data, n_used);
  else if (ids->width == 1)
    WIDEN (guint8, guint32, ids->data, n_used);
  else
    WIDEN (guint16, guint32, ids->data, n_used);
  ids->width = width;
}

void
ld_ids_clear (LdIds *ids)
{
  g_clear_pointer (&ids->data, g_free);
}

/* ---- the report ---------------------------------------------------------------- */

static void
ld_report_finalize (GObject *object)
{
  LdReport *self = LD_REPORT (object);

  g_free (self->display_name);
  g_free (self->path);
  for (guint i = 0; i < self->n_files; i++)
    {
      g_free (self->files[i].display_name);
      g_free (self->files[i].path);
    }
  g_free (self->files);
  g_free (self->months_covered);

  /* Dictionaries of absent fields are the report's own; the others belong to columns. */
  for (int d = 0; d < LD_N_DIMS; d++)
    if (self->dim_ids[d].data == NULL)
      g_clear_pointer (&self->dim_dict[d], ld_dict_free);
  if (self->field_column[LD_FIELD_PRODUCT_ID] < 0)
    g_clear_pointer (&self->product_id_dict, ld_dict_free);
  if (self->field_column[LD_FIELD_CUSTOMER_COUNTRY] < 0)
    g_clear_pointer (&self->country_name_dict, ld_dict_free);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_free (self->columns[c].name);
      g_clear_pointer (&self->columns[c].dict, ld_dict_free);
      ld_ids_clear (&self->columns[c].ids);
    }
  g_free (self->columns);

  g_clear_pointer (&self->bad_rows, g_array_unref);
  g_free (self->day);
  ld_ids_clear (&self->provisioned);
  ld_ids_clear (&self->assigned);
  g_free (self->month_start);
  ld_ids_clear (&self->file_month);
  g_free (self->file_order);
  ld_ids_clear (&self->customer);
  g_free (self->customer_name);
  g_free (self->customer_code);
  ld_ids_clear (&self->group);
  g_free (self->group_product);
  g_free (self->group_plan);
  g_free (self->group_offer_type);
  g_free (self->group_name);
  g_free (self->group_product_id);
  ld_ids_clear (&self->customer_group_pair);
  ld_ids_clear (&self->customer_product_pair);
  ld_ids_clear (&self->customer_country_pair);
  g_free (self->country_name);
  g_free (self->customer_rank);
  g_free (self->group_rank);

  G_OBJECT_CLASS (ld_report_parent_class)->finalize (object);
}

static void
ld_report_class_init (LdReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ld_report_finalize;
}

static void
ld_report_init (LdReport *self)
{
  for (int f = 0; f < LD_N_FIELDS; f++)
    self->field_column[f] = -1;
  self->first_month = -1;
  self->last_month = -1;
  self->delimiter = ',';
}

void
ld_bad_row_clear (LdBadRow *row)
{
  g_clear_pointer (&row->column_name, g_free);
  g_clear_pointer (&row->reason, g_free);
}

const char *
ld_report_get_display_name (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  return self->display_name;
}

const char *
ld_report_get_path (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  return self->path;
}

char
ld_report_get_delimiter (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), ',');
  return self->delimiter;
}

LdEncoding
ld_report_get_encoding (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), LD_ENCODING_UTF8);
  return self->encoding;
}

gboolean
ld_report_get_day_first (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), FALSE);
  return self->day_first;
}

guint
ld_report_get_n_rows (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->n_rows;
}

guint64
ld_report_get_rows_skipped (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->rows_skipped;
}

guint64
ld_report_get_rows_replaced (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->rows_replaced;
}

guint64
ld_report_get_rows_read (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return (guint64) self->n_rows + self->rows_replaced + self->rows_skipped;
}

guint
ld_report_get_n_files (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->n_files;
}

const LdReportFile *
ld_report_get_file (LdReport *self,
                    guint     index)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->n_files, NULL);
  return &self->files[index];
}

const LdMonthSpan *
ld_report_get_months_covered (LdReport *self,
                              guint    *n_spans)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  if (n_spans != NULL)
    *n_spans = self->n_months_covered;
  return self->months_covered;
}

guint64
ld_report_get_n_warnings (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->n_warnings;
}

const GArray *
ld_report_get_bad_rows (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  return self->bad_rows;
}

guint
ld_report_get_n_columns (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->n_columns;
}

const char *
ld_report_get_column_name (LdReport *self,
                           guint     column)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->columns[column].name;
}

LdField
ld_report_get_column_field (LdReport *self,
                            guint     column)
{
  g_return_val_if_fail (LD_IS_REPORT (self), LD_FIELD_EXTRA);
  g_return_val_if_fail (column < self->n_columns, LD_FIELD_EXTRA);
  return self->columns[column].field;
}

gboolean
ld_report_has_field (LdReport *self,
                     LdField   field)
{
  g_return_val_if_fail (LD_IS_REPORT (self), FALSE);
  if (field < 0 || field >= LD_N_FIELDS)
    return FALSE;
  return self->field_column[field] >= 0;
}

int
ld_report_get_first_month (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), -1);
  return self->first_month;
}

int
ld_report_get_last_month (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), -1);
  return self->last_month;
}

guint32
ld_report_get_latest_date (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->latest_date;
}

guint
ld_report_get_n_customers (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->n_customers;
}

guint
ld_report_get_n_values (LdReport *self,
                        LdDimension dim)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  g_return_val_if_fail (dim < LD_N_DIMS, 0);
  return ld_dict_size (self->dim_dict[dim]);
}

const char *
ld_report_get_value (LdReport   *self,
                     LdDimension dim,
                     guint32     id)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  g_return_val_if_fail (dim < LD_N_DIMS, NULL);
  g_return_val_if_fail (id < ld_dict_size (self->dim_dict[dim]), NULL);
  return ld_dict_get (self->dim_dict[dim], id);
}

gsize
ld_report_get_memory_size (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), 0);
  return self->memory_size;
}

const guint32 *
ld_report_get_customer_ranks (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);

  if (g_once_init_enter (&self->customer_rank))
    {
      const guint32 *names = ld_dict_get_ranks (self->dim_dict[LD_DIM_CUSTOMER]);
      const guint32 *codes = ld_dict_get_ranks (self->dim_dict[LD_DIM_COUNTRY]);
      guint code_bits = ld_bit_length (ld_dict_size (self->dim_dict[LD_DIM_COUNTRY]) - 1);
      guint32 *ranks = g_new (guint32, 2 * (gsize) self->n_customers + 1);
      g_autofree LdSortItem *items = g_new (LdSortItem, MAX (self->n_customers, 1));

      /* Stable, from index order: the index breaks ties of name and code. */
      for (guint c = 0; c < self->n_customers; c++)
        {
          items[c].key = ((guint64) names[self->customer_name[c]] << code_bits)
                         | codes[self->customer_code[c]];
          items[c].value = c;
        }
      ld_sort_items (items, self->n_customers);
      for (guint r = 0; r < self->n_customers; r++)
        {
          ranks[items[r].value] = r;
          ranks[self->n_customers + r] = items[r].value;
        }

      g_once_init_leave (&self->customer_rank, ranks);
    }

  return self->customer_rank;
}

const guint32 *
ld_report_get_group_ranks (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);

  if (g_once_init_enter (&self->group_rank))
    {
      const guint32 *names = ld_dict_get_ranks (self->dim_dict[LD_DIM_OFFER]);
      const guint32 *plans = ld_dict_get_ranks (self->dim_dict[LD_DIM_PLAN]);
      const guint32 *product_ids = ld_dict_get_ranks (self->product_id_dict);
      guint32 *ranks = g_new (guint32, 2 * (gsize) self->n_groups + 1);
      g_autofree LdSortItem *items = g_new (LdSortItem, MAX (self->n_groups, 1));

      /* Two stable passes from index order: ProductId, then (name, plan). */
      for (guint g = 0; g < self->n_groups; g++)
        {
          items[g].key = product_ids[self->group_product_id[g]];
          items[g].value = g;
        }
      ld_sort_items (items, self->n_groups);
      for (guint i = 0; i < self->n_groups; i++)
        {
          guint g = items[i].value;

          items[i].key = ((guint64) names[self->group_name[g]] << 32) | plans[self->group_plan[g]];
        }
      ld_sort_items (items, self->n_groups);
      for (guint r = 0; r < self->n_groups; r++)
        {
          ranks[items[r].value] = r;
          ranks[self->n_groups + r] = items[r].value;
        }

      g_once_init_leave (&self->group_rank, ranks);
    }

  return self->group_rank;
}

const guint32 *
ld_report_get_file_order (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);

  if (g_once_init_enter (&self->file_order))
    {
      guint32 *order = g_new (guint32, MAX (self->n_rows, 1));
      g_autofree guint *cursor = g_memdup2 (self->month_start, (self->n_months + 1) * sizeof (guint));

      /* The stable counting sort the builder made, again: within a month, file order. */
      if (self->file_order_is_storage)
        for (guint i = 0; i < self->n_rows; i++)
          order[i] = i;
      else
        for (guint i = 0; i < self->n_rows; i++)
          order[i] = cursor[ld_ids_get (&self->file_month, i)]++;

      g_once_init_leave (&self->file_order, order);
    }

  return self->file_order;
}

const guint32 *
ld_report_get_customer_order (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  return ld_report_get_customer_ranks (self) + self->n_customers;
}

const guint32 *
ld_report_get_group_order (LdReport *self)
{
  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  return ld_report_get_group_ranks (self) + self->n_groups;
}

const char *
ld_report_get_country_name (LdReport   *self,
                            const char *code)
{
  guint32 id;

  g_return_val_if_fail (LD_IS_REPORT (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (self->country_name == NULL)
    return NULL;

  id = ld_dict_lookup (self->dim_dict[LD_DIM_COUNTRY], code, strlen (code));
  if (id == G_MAXUINT32)
    return NULL;

  return ld_dict_get (self->country_name_dict, self->country_name[id]);
}
