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

  gsize          adoption_once;
  LdAdoptionRow *adoption;
  guint          n_adoption;

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

  g_free (d->active_customers);
  g_free (d->new_customers);
  g_free (d->returning_customers);
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
  g_free (self->adoption);
  g_free (d->states);
  g_clear_pointer (&d->state_cells, g_array_unref);
  g_free (d->state_month_start);
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

  d->active_customers = g_new0 (guint64, MAX (d->n_months, 1));
  d->new_customers = g_new0 (guint64, MAX (d->n_months, 1));
  d->returning_customers = g_new0 (guint64, MAX (d->n_months, 1));
  d->cumulative_customers = g_new0 (guint64, MAX (d->n_months, 1));
  d->month_provisioned = g_new0 (guint64, MAX (d->n_months, 1));
  d->month_assigned = g_new0 (guint64, MAX (d->n_months, 1));
  d->previous_from = -1;
  d->previous_to = -1;
  d->state_cells = g_array_new (FALSE, FALSE, sizeof (LdStateCell));
  d->state_month_start = g_new0 (guint, d->n_months + 1);

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
ld_result_get_active_customers (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->d.active_customers;
}

const guint64 *
ld_result_get_new_customers (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->d.new_customers;
}

const guint64 *
ld_result_get_returning_customers (LdResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->d.returning_customers;
}

guint64
ld_result_get_new_customers_total (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.new_customers_total;
}

gboolean
ld_result_has_previous (LdResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->d.has_previous;
}

int
ld_result_get_previous_from_month (LdResult *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->d.previous_from;
}

int
ld_result_get_previous_to_month (LdResult *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->d.previous_to;
}

guint64
ld_result_get_previous_customers (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.previous_customers;
}

guint64
ld_result_get_previous_provisioned (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.previous_provisioned;
}

guint64
ld_result_get_previous_assigned (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.previous_assigned;
}

gint64
ld_result_get_previous_assignment_rate (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return ld_percent_hundredths (self->d.previous_assigned, self->d.previous_provisioned);
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

/* SPEC §5 orders every table by provisioned descending, then text by UTF-8 bytes.
 * The texts' order is fixed per report (dictionary ranks, and the report's customer
 * and group ranks, which end in the entity index so that equal rows still come out
 * in one fixed order), so a re-query sorts integers only: each row's key is
 * (max − provisioned) above its rank, one radix sort orders them, and the rank's
 * inverse gives the entity back. */

typedef struct {
  const guint32 *ranks;         /* per entity, distinct, below n_ranks */
  const guint32 *order;         /* per rank: the entity */
  guint32        n_ranks;
  const char    *provisioned;   /* entity 0's sum; entity e's is e × stride further */
  gsize          stride;
} LdOrder;

static inline guint64
ld_order_provisioned (const LdOrder *self,
                      guint32        entity)
{
  return *(const guint64 *) (self->provisioned + (gsize) entity * self->stride);
}

/* Sorts @entities (the @n with a row) into SPEC §5 order. */
static void
ld_order_sort (const LdOrder *self,
               guint32       *entities,
               gsize          n)
{
  guint rank_bits = ld_bit_length (MAX (self->n_ranks, 1) - 1);
  guint64 rank_mask = rank_bits == 0 ? 0 : G_MAXUINT64 >> (64 - rank_bits);
  guint64 max = 0;

  for (gsize i = 0; i < n; i++)
    max = MAX (max, ld_order_provisioned (self, entities[i]));

  if (ld_bit_length (max) + rank_bits <= 64)
    {
      g_autofree guint64 *keys = g_new (guint64, MAX (n, 1));

      for (gsize i = 0; i < n; i++)
        keys[i] = ((max - ld_order_provisioned (self, entities[i])) << rank_bits)
                  | self->ranks[entities[i]];
      ld_sort_keys (keys, n);
      for (gsize i = 0; i < n; i++)
        entities[i] = self->order[keys[i] & rank_mask];
    }
  else
    {
      /* Sums too large to share a word with the rank: two stable passes. */
      g_autofree LdSortItem *items = g_new (LdSortItem, MAX (n, 1));

      for (gsize i = 0; i < n; i++)
        {
          items[i].key = self->ranks[entities[i]];
          items[i].value = entities[i];
        }
      ld_sort_items (items, n);
      for (gsize i = 0; i < n; i++)
        items[i].key = max - ld_order_provisioned (self, items[i].value);
      ld_sort_items (items, n);
      for (gsize i = 0; i < n; i++)
        entities[i] = items[i].value;
    }
}

static int
compare_strings (const void *pa,
                 const void *pb)
{
  return strcmp (*(char *const *) pa, *(char *const *) pb);
}

const LdProductRow *
ld_result_get_products (LdResult *self,
                        guint    *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_once_init_enter (&self->products_once))
    {
      LdReport *report = self->d.report;
      const char *const *offer_types = ld_dict_get_texts (report->dim_dict[LD_DIM_OFFER_TYPE]);
      const char *const *product_ids = ld_dict_get_texts (report->product_id_dict);
      const char *const *names = ld_dict_get_texts (report->dim_dict[LD_DIM_OFFER]);
      const char *const *plans = ld_dict_get_texts (report->dim_dict[LD_DIM_PLAN]);
      const LdOrder order = {
        ld_report_get_group_ranks (report), ld_report_get_group_order (report), report->n_groups,
        (const char *) &self->d.group_sums[0].provisioned, sizeof (LdSums),
      };
      g_autofree guint32 *groups = g_new (guint32, MAX (report->n_groups, 1));
      LdProductRow *rows;
      guint n = 0;

      for (guint g = 0; g < report->n_groups; g++)
        if (self->d.group_customers[g] != 0)
          groups[n++] = g;
      ld_order_sort (&order, groups, n);

      rows = g_new0 (LdProductRow, MAX (n, 1));
      for (guint k = 0; k < n; k++)
        {
          guint32 g = groups[k];
          LdProductRow *row = &rows[k];

          row->offer_type = offer_types[report->group_offer_type[g]];
          row->product_id = product_ids[report->group_product_id[g]];
          row->product_name = names[report->group_name[g]];
          row->plan_name = plans[report->group_plan[g]];
          row->customers = self->d.group_customers[g];
          row->provisioned = self->d.group_sums[g].provisioned;
          row->assigned = self->d.group_sums[g].assigned;
          row->group = g;
        }
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
      const char *const *names = ld_dict_get_texts (report->dim_dict[LD_DIM_CUSTOMER]);
      const char *const *codes = ld_dict_get_texts (report->dim_dict[LD_DIM_COUNTRY]);
      const guint32 *customer_name = report->customer_name;
      const guint32 *customer_code = report->customer_code;
      const guint32 *products = self->d.customer_products;
      const LdSums *sums = self->d.customer_sums;
      const LdOrder order = {
        ld_report_get_customer_ranks (report), ld_report_get_customer_order (report),
        report->n_customers, (const char *) &sums[0].provisioned, sizeof (LdSums),
      };
      g_autofree guint32 *customers = g_new (guint32, MAX (self->d.customers, 1));
      LdCustomerRow *rows;
      guint n = 0;

      for (guint c = 0; c < report->n_customers && n < self->d.customers; c++)
        if (products[c] != 0)
          customers[n++] = c;
      ld_order_sort (&order, customers, n);

      rows = g_new0 (LdCustomerRow, MAX (n, 1));
      for (guint k = 0; k < n; k++)
        {
          guint32 c = customers[k];
          LdCustomerRow *row = &rows[k];

          row->name = names[customer_name[c]];
          row->country_code = codes[customer_code[c]];
          row->products = products[c];
          row->provisioned = sums[c].provisioned;
          row->assigned = sums[c].assigned;
          row->customer = c;
        }
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
      LdDict *dict = report->dim_dict[LD_DIM_COUNTRY];
      guint n_codes = ld_dict_size (dict);
      const char *const *codes = ld_dict_get_texts (dict);
      const char *const *names = ld_dict_get_texts (report->country_name_dict);
      /* Codes are distinct texts: the rank alone orders equal sums. */
      const LdOrder order = {
        ld_dict_get_ranks (dict), ld_dict_get_order (dict), n_codes,
        (const char *) &self->d.country_sums[0].provisioned, sizeof (LdSums),
      };
      g_autofree guint32 *present = g_new (guint32, n_codes);
      LdCountryRow *rows;
      guint n = 0;

      for (guint code = 0; code < n_codes; code++)
        if (self->d.country_customers[code] != 0)
          present[n++] = code;
      ld_order_sort (&order, present, n);

      rows = g_new0 (LdCountryRow, MAX (n, 1));
      for (guint k = 0; k < n; k++)
        {
          guint32 code = present[k];
          LdCountryRow *row = &rows[k];

          row->code = codes[code];
          row->name = names[report->country_name[code]];
          row->customers = self->d.country_customers[code];
          row->provisioned = self->d.country_sums[code].provisioned;
          row->assigned = self->d.country_sums[code].assigned;
        }
      self->countries = rows;
      self->n_countries = n;
      g_once_init_leave (&self->countries_once, 1);
    }

  if (n_rows != NULL)
    *n_rows = self->n_countries;
  return self->countries;
}

const LdAdoptionRow *
ld_result_get_adoption (LdResult *self,
                        guint    *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_once_init_enter (&self->adoption_once))
    {
      LdReport *report = self->d.report;
      const char *const *names = ld_dict_get_texts (report->dim_dict[LD_DIM_CUSTOMER]);
      const char *const *codes = ld_dict_get_texts (report->dim_dict[LD_DIM_COUNTRY]);
      const LdSums *sums = self->d.customer_sums;
      const guint32 *products = self->d.customer_products;
      g_autofree guint64 *unassigned = g_new0 (guint64, MAX (report->n_customers, 1));
      /* The same order as analysis-customers, on unassigned instead of provisioned:
       * the customer ranks are (name, code, index) already. */
      const LdOrder order = {
        ld_report_get_customer_ranks (report), ld_report_get_customer_order (report),
        report->n_customers, (const char *) unassigned, sizeof (guint64),
      };
      g_autofree guint32 *customers = g_new (guint32, MAX (self->d.customers, 1));
      LdAdoptionRow *rows;
      guint n = 0;

      for (guint c = 0; c < report->n_customers && n < self->d.customers; c++)
        if (products[c] != 0)
          {
            /* At the customer's totals (SPEC §3): a customer over-assigned on one
             * plan and idle on another nets out. */
            unassigned[c] = sums[c].provisioned > sums[c].assigned ? sums[c].provisioned - sums[c].assigned : 0;
            customers[n++] = c;
          }
      ld_order_sort (&order, customers, n);

      rows = g_new0 (LdAdoptionRow, MAX (n, 1));
      for (guint k = 0; k < n; k++)
        {
          guint32 c = customers[k];
          LdAdoptionRow *row = &rows[k];

          row->name = names[report->customer_name[c]];
          row->country_code = codes[report->customer_code[c]];
          row->provisioned = sums[c].provisioned;
          row->assigned = sums[c].assigned;
          row->unassigned = unassigned[c];
          row->customer = c;
        }
      self->adoption = rows;
      self->n_adoption = n;
      g_once_init_leave (&self->adoption_once, 1);
    }

  if (n_rows != NULL)
    *n_rows = self->n_adoption;
  return self->adoption;
}

guint
ld_result_get_n_states (LdResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->d.n_states;
}

const char *
ld_result_get_state (LdResult *self,
                     guint     state)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (state < self->d.n_states, NULL);
  return self->d.states[state];
}

void
ld_result_get_state_figures (LdResult       *self,
                             guint           state,
                             guint           month_index,
                             LdStateFigures *figures)
{
  const LdStateCell *cells;
  guint lo, hi;

  g_return_if_fail (figures != NULL);
  memset (figures, 0, sizeof *figures);
  g_return_if_fail (self != NULL);
  g_return_if_fail (state < self->d.n_states);
  g_return_if_fail (month_index < self->d.n_months);

  /* A month's cells are sorted by state: a binary search among a handful. */
  cells = (const LdStateCell *) (gpointer) self->d.state_cells->data;
  lo = self->d.state_month_start[month_index];
  hi = self->d.state_month_start[month_index + 1];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cells[mid].state < state)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < self->d.state_month_start[month_index + 1] && cells[lo].state == state)
    *figures = cells[lo].figures;
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
      const char *const *texts = ld_dict_get_texts (dict);
      const guint64 *provisioned = self->d.facet_provisioned[dim];
      const guint8 *present = self->d.facet_present[dim];
      const LdOrder order = {
        ld_dict_get_ranks (dict), ld_dict_get_order (dict), n_values,
        (const char *) provisioned, sizeof (guint64),
      };
      char **selected = self->d.selected[dim];
      guint n_selected = selected != NULL ? g_strv_length (selected) : 0;
      g_autofree guint8 *is_selected = g_new0 (guint8, n_values);
      g_autofree const char **absent = g_new (const char *, n_selected + 1);
      g_autofree guint32 *ids = g_new (guint32, n_values);
      LdFacetOption *options;
      guint n_absent = 0, n = 0;

      for (guint i = 0; i < n_selected; i++)
        {
          guint32 id = ld_dict_lookup (dict, selected[i], strlen (selected[i]));

          if (id != G_MAXUINT32)
            is_selected[id] = 1;
          else
            absent[n_absent++] = selected[i];
        }

      for (guint id = 0; id < n_values; id++)
        if (present[id] || is_selected[id])
          ids[n++] = id;
      ld_order_sort (&order, ids, n);

      options = g_new (LdFacetOption, n + n_absent + 1);
      for (guint k = 0; k < n; k++)
        {
          guint32 id = ids[k];
          LdFacetOption *option = &options[k];

          option->value = texts[id];
          option->provisioned = provisioned[id];
          option->selected = is_selected[id] != 0;
          option->present = present[id] != 0;
        }

      /* Selected values the file does not hold at all still show, so they can be
       * unselected; the strings are the result's own copies. They have nothing
       * provisioned, so they merge by text among the options with 0: from the back,
       * the later of the two last ones goes last. */
      if (n_absent > 0)
        {
          guint i = n, a = n_absent, w = n + n_absent;

          qsort (absent, n_absent, sizeof *absent, compare_strings);
          while (a > 0)
            {
              LdFacetOption *last = &options[--w];

              if (i > 0 && options[i - 1].provisioned == 0
                  && strcmp (absent[a - 1], options[i - 1].value) < 0)
                {
                  *last = options[--i];
                }
              else
                {
                  last->value = absent[--a];
                  last->provisioned = 0;
                  last->selected = TRUE;
                  last->present = FALSE;
                }
            }
          n += n_absent;
        }

      self->facets[dim] = options;
      self->n_facets[dim] = n;
      g_once_init_leave (&self->facet_once[dim], 1);
    }

  if (n_options != NULL)
    *n_options = self->n_facets[dim];
  return self->facets[dim];
}
