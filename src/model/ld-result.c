/* ld-result.c — the figures of one query run
 *
 * ld_query_run() fills the per-id arrays; the sorted tables and the facet options
 * are built from them the first time someone asks, under g_once, so a result that
 * only feeds the headline figures never sorts anything, and a result may be read
 * from several threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ld-result-private.h"

struct _LdResult
{
  LdResultData   d;

  gsize          products_once;
  LdProductRow  *products;
  guint          n_products;

  gsize          customers_once;
  LdCustomerRow *customer_rows;
  guint          n_customer_rows;

  gsize          countries_once;
  LdCountryRow  *countries;
  guint          n_countries;

  gsize          facet_once[LD_N_DIMS];
  LdFacetOption *facets[LD_N_DIMS];
  guint          n_facets[LD_N_DIMS];
};

G_DEFINE_BOXED_TYPE (LdResult, ld_result, ld_result_ref, ld_result_unref)

static void
ld_result_clear (gpointer data)
{
  LdResult *self = data;
  LdResultData *d = &self->d;

  g_free (d->new_customers);
  g_free (d->cumulative_customers);
  g_free (d->month_provisioned);
  g_free (d->month_assigned);
  g_free (d->group_customers);
  g_free (d->group_sums);
  g_free (d->customer_products);
  g_free (d->customer_sums);
  g_free (d->country_customers);
  g_free (d->country_sums);
  for (int k = 0; k < LD_N_DIMS; k++)
    {
      g_free (d->facet_provisioned[k]);
      g_free (d->facet_present[k]);
      g_strfreev (d->selected[k]);
      g_free (self->facets[k]);
    }
  g_free (self->products);
  g_free (self->customer_rows);
  g_free (self->countries);
  g_clear_object (&d->report);
}

LdResult *
ld_result_new (LdReport *report,
               int       from_month,
               int       to_month)
{
  LdResult *self = g_atomic_rc_box_new0 (LdResult);
  LdResultData *d = &self->d;
  guint n_codes;

  d->report = g_object_ref (report);
  d->from_month = from_month;
  d->to_month = to_month;
  d->n_months = from_month < 0 ? 0 : (guint) (to_month - from_month + 1);

  d->new_customers = g_new0 (guint64, MAX (d->n_months, 1));
  d->cumulative_customers = g_new0 (guint64, MAX (d->n_months, 1));
  d->month_provisioned = g_new0 (guint64, MAX (d->n_months, 1));
  d->month_assigned = g_new0 (guint64, MAX (d->n_months, 1));

  d->group_customers = g_new0 (guint32, MAX (report->n_groups, 1));
  d->group_sums = g_new0 (LdSums, MAX (report->n_groups, 1));
  d->customer_products = g_new0 (guint32, MAX (report->n_customers, 1));
  d->customer_sums = g_new0 (LdSums, MAX (report->n_customers, 1));

  n_codes = ld_dict_size (report->dim_dict[LD_DIM_COUNTRY]);
  d->country_customers = g_new0 (guint32, n_codes);
  d->country_sums = g_new0 (LdSums, n_codes);

  for (int k = 0; k < LD_N_DIMS; k++)
    {
      guint n_values = ld_dict_size (report->dim_dict[k]);

      d->facet_provisioned[k] = g_new0 (guint64, n_values);
      d->facet_present[k] = g_new0 (guint8, n_values);
    }

  return self;
}

LdResultData *
ld_result_data (LdResult *self)
{
  return &self->d;
}

LdResult *
ld_result_ref (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
ld_result_unref (LdResult *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, ld_result_clear);
}

LdReport *
ld_result_get_report (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->d.report;
}

int
ld_result_get_from_month (LdResult *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->d.from_month;
}

int
ld_result_get_to_month (LdResult *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->d.to_month;
}

guint
ld_result_get_n_months (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.n_months;
}

guint64
ld_result_get_rows (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.rows;
}

guint64
ld_result_get_customers (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.customers;
}

guint64
ld_result_get_provisioned (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.provisioned;
}

guint64
ld_result_get_assigned (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.assigned;
}

gint64
ld_result_get_assignment_rate (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return ld_percent_hundredths (self->d.assigned, self->d.provisioned);
}

const guint64 *
ld_result_get_new_customers (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->d.new_customers;
}

const guint64 *
ld_result_get_cumulative_customers (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->d.cumulative_customers;
}

const guint64 *
ld_result_get_month_provisioned (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->d.month_provisioned;
}

const guint64 *
ld_result_get_month_assigned (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->d.month_assigned;
}

/* SPEC §5: provisioned descending, then text by UTF-8 bytes; the entity index last
 * so that equal rows still come out in one fixed order. */
#define CMP_DESC(a, b) do { if ((a) != (b)) return (a) > (b) ? -1 : 1; } while (0)
#define CMP_STR(a, b) do { int c_ = strcmp ((a), (b)); if (c_ != 0) return c_; } while (0)
#define CMP_ASC(a, b) do { if ((a) != (b)) return (a) < (b) ? -1 : 1; } while (0)

static int
compare_products (const void *pa,
                  const void *pb)
{
  const LdProductRow *a = pa, *b = pb;

  CMP_DESC (a->provisioned, b->provisioned);
  CMP_STR (a->product_name, b->product_name);
  CMP_STR (a->plan_name, b->plan_name);
  CMP_STR (a->product_id, b->product_id);
  CMP_ASC (a->group, b->group);
  return 0;
}

static int
compare_customers (const void *pa,
                   const void *pb)
{
  const LdCustomerRow *a = pa, *b = pb;

  CMP_DESC (a->provisioned, b->provisioned);
  CMP_STR (a->name, b->name);
  CMP_STR (a->country_code, b->country_code);
  CMP_ASC (a->customer, b->customer);
  return 0;
}

static int
compare_countries (const void *pa,
                   const void *pb)
{
  const LdCountryRow *a = pa, *b = pb;

  CMP_DESC (a->provisioned, b->provisioned);
  CMP_STR (a->code, b->code);
  return 0;
}

static int
compare_facet_options (const void *pa,
                       const void *pb)
{
  const LdFacetOption *a = pa, *b = pb;

  CMP_DESC (a->provisioned, b->provisioned);
  CMP_STR (a->value, b->value);
  return 0;
}

const LdProductRow *
ld_result_get_products (LdResult *self,
                        guint    *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_once_init_enter (&self->products_once))
    {
      LdReport *report = self->d.report;
      LdProductRow *rows = g_new (LdProductRow, MAX (report->n_groups, 1));
      guint n = 0;

      for (guint g = 0; g < report->n_groups; g++)
        {
          LdProductRow *row;

          if (self->d.group_customers[g] == 0)
            continue;
          row = &rows[n++];
          row->offer_type = ld_dict_get (report->dim_dict[LD_DIM_OFFER_TYPE], report->group_offer_type[g]);
          row->product_id = ld_dict_get (report->product_id_dict, report->group_product_id[g]);
          row->product_name = ld_dict_get (report->dim_dict[LD_DIM_OFFER], report->group_name[g]);
          row->plan_name = ld_dict_get (report->dim_dict[LD_DIM_PLAN], report->group_plan[g]);
          row->customers = self->d.group_customers[g];
          row->provisioned = self->d.group_sums[g].provisioned;
          row->assigned = self->d.group_sums[g].assigned;
          row->group = g;
        }
      qsort (rows, n, sizeof *rows, compare_products);
      self->products = rows;
      self->n_products = n;
      g_once_init_leave (&self->products_once, 1);
    }

  if (n_rows != NULL)
    *n_rows = self->n_products;
  return self->products;
}

const LdCustomerRow *
ld_result_get_customers_table (LdResult *self,
                               guint    *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_once_init_enter (&self->customers_once))
    {
      LdReport *report = self->d.report;
      LdCustomerRow *rows = g_new (LdCustomerRow, MAX (self->d.customers, 1));
      guint n = 0;

      for (guint c = 0; c < report->n_customers && n < self->d.customers; c++)
        {
          LdCustomerRow *row;

          if (self->d.customer_products[c] == 0)
            continue;
          row = &rows[n++];
          row->name = ld_dict_get (report->dim_dict[LD_DIM_CUSTOMER], report->customer_name[c]);
          row->country_code = ld_dict_get (report->dim_dict[LD_DIM_COUNTRY], report->customer_code[c]);
          row->products = self->d.customer_products[c];
          row->provisioned = self->d.customer_sums[c].provisioned;
          row->assigned = self->d.customer_sums[c].assigned;
          row->customer = c;
        }
      qsort (rows, n, sizeof *rows, compare_customers);
      self->customer_rows = rows;
      self->n_customer_rows = n;
      g_once_init_leave (&self->customers_once, 1);
    }

  if (n_rows != NULL)
    *n_rows = self->n_customer_rows;
  return self->customer_rows;
}

const LdCountryRow *
ld_result_get_countries (LdResult *self,
                         guint    *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_once_init_enter (&self->countries_once))
    {
      LdReport *report = self->d.report;
      guint n_codes = ld_dict_size (report->dim_dict[LD_DIM_COUNTRY]);
      LdCountryRow *rows = g_new (LdCountryRow, MAX (n_codes, 1));
      guint n = 0;

      for (guint code = 0; code < n_codes; code++)
        {
          LdCountryRow *row;

          if (self->d.country_customers[code] == 0)
            continue;
          row = &rows[n++];
          row->code = ld_dict_get (report->dim_dict[LD_DIM_COUNTRY], code);
          row->name = ld_dict_get (report->country_name_dict, report->country_name[code]);
          row->customers = self->d.country_customers[code];
          row->provisioned = self->d.country_sums[code].provisioned;
          row->assigned = self->d.country_sums[code].assigned;
        }
      qsort (rows, n, sizeof *rows, compare_countries);
      self->countries = rows;
      self->n_countries = n;
      g_once_init_leave (&self->countries_once, 1);
    }

  if (n_rows != NULL)
    *n_rows = self->n_countries;
  return self->countries;
}

const LdFacetOption *
ld_result_get_facet (LdResult   *self,
                     LdDimension dim,
                     guint      *n_options)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (dim < LD_N_DIMS, NULL);

  if (g_once_init_enter (&self->facet_once[dim]))
    {
      LdDict *dict = self->d.report->dim_dict[dim];
      guint n_values = ld_dict_size (dict);
      char **selected = self->d.selected[dim];
      guint n_selected = selected != NULL ? g_strv_length (selected) : 0;
      g_autofree guint8 *is_selected = g_new0 (guint8, n_values);
      LdFacetOption *options;
      guint n = 0;

      for (guint i = 0; i < n_selected; i++)
        {
          guint32 id = ld_dict_lookup (dict, selected[i], strlen (selected[i]));

          if (id != G_MAXUINT32)
            is_selected[id] = 1;
        }

      options = g_new (LdFacetOption, n_values + n_selected + 1);
      for (guint id = 0; id < n_values; id++)
        {
          if (!self->d.facet_present[dim][id] && !is_selected[id])
            continue;
          options[n].value = ld_dict_get (dict, id);
          options[n].provisioned = self->d.facet_provisioned[dim][id];
          options[n].selected = is_selected[id] != 0;
          options[n].present = self->d.facet_present[dim][id] != 0;
          n++;
        }

      /* Selected values the file does not hold at all still show, so they can be
       * unselected; the strings are the result's own copies. */
      for (guint i = 0; i < n_selected; i++)
        if (ld_dict_lookup (dict, selected[i], strlen (selected[i])) == G_MAXUINT32)
          {
            options[n].value = selected[i];
            options[n].provisioned = 0;
            options[n].selected = TRUE;
            options[n].present = FALSE;
            n++;
          }

      qsort (options, n, sizeof *options, compare_facet_options);
      self->facets[dim] = options;
      self->n_facets[dim] = n;
      g_once_init_leave (&self->facet_once[dim], 1);
    }

  if (n_options != NULL)
    *n_options = self->n_facets[dim];
  return self->facets[dim];
}
