/* ld-query.c — a date range and six filters over a report, and the figures they give
 *
 * Rows are stored in month order, so a range is one span of rows, and ld_query_run()
 * walks it once, month by month. Distinct counts need no hash sets and no clearing:
 * the query keeps "stamp" arrays (one entry per customer and per pair) across runs,
 * and each run stamps with numbers no earlier run used. A customer is stamped with
 * base + month index, which tells in one load whether it is new to the run (stamp
 * below base) and new to the month (stamp not this month's).
 *
 * Facets ("provisioned per value given the other filters") come from the same pass:
 * a row that fails no active filter counts everywhere; a row that fails exactly one
 * counts in that dimension's facet only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-query.h"
#include "ld-report-private.h"
#include "ld-result-private.h"

struct _LdQuery
{
  GObject        parent_instance;

  LdReport      *report;

  LdRangePreset  preset;
  int            custom_from;
  int            custom_to;

  GPtrArray     *values[LD_N_DIMS];    /* char *, NULL-terminated, add order */
  guint8        *selection[LD_N_DIMS]; /* per value id: 1 when selected */
  gboolean       selection_dirty[LD_N_DIMS];

  guint32        group_only;
  guint32        customer_only;

  /* Absent dimensions read as id 0 on every row: calloc'd, so never touched memory. */
  guint32       *zeros;
  const guint32 *dim_ids[LD_N_DIMS];

  guint32        generation;
  guint32       *customer_stamp;
  guint32       *group_pair_stamp;
  guint32       *product_pair_stamp;
  guint32       *country_pair_stamp;

  /* Which values occur in a range does not depend on the filters: kept per range. */
  int            present_from;
  int            present_to;
  guint8        *present[LD_N_DIMS];
};

G_DEFINE_FINAL_TYPE (LdQuery, ld_query, G_TYPE_OBJECT)

static const char *const preset_names[] = { "last-6", "last-12", "all", "custom" };

const char *
ld_range_preset_to_string (LdRangePreset preset)
{
  g_return_val_if_fail (preset <= LD_RANGE_CUSTOM, NULL);
  return preset_names[preset];
}

gboolean
ld_range_parse (const char    *text,
                LdRangePreset *preset,
                int           *from_month,
                int           *to_month)
{
  char first[8], second[8];
  int from, to;

  g_return_val_if_fail (text != NULL, FALSE);

  for (int p = LD_RANGE_LAST_6; p < LD_RANGE_CUSTOM; p++)
    if (strcmp (text, preset_names[p]) == 0)
      {
        if (preset != NULL)
          *preset = p;
        if (from_month != NULL)
          *from_month = -1;
        if (to_month != NULL)
          *to_month = -1;
        return TRUE;
      }

  if (strlen (text) != 15 || text[7] != ':')
    return FALSE;
  memcpy (first, text, 7);
  first[7] = '\0';
  memcpy (second, text + 8, 7);
  second[7] = '\0';
  if (!ld_month_parse (first, &from) || !ld_month_parse (second, &to))
    return FALSE;

  if (preset != NULL)
    *preset = LD_RANGE_CUSTOM;
  if (from_month != NULL)
    *from_month = from;
  if (to_month != NULL)
    *to_month = to;
  return TRUE;
}

static void
ld_query_finalize (GObject *object)
{
  LdQuery *self = LD_QUERY (object);

  for (int d = 0; d < LD_N_DIMS; d++)
    {
      g_ptr_array_unref (self->values[d]);
      g_free (self->selection[d]);
      g_free (self->present[d]);
    }
  g_free (self->zeros);
  g_free (self->customer_stamp);
  g_free (self->group_pair_stamp);
  g_free (self->product_pair_stamp);
  g_free (self->country_pair_stamp);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (ld_query_parent_class)->finalize (object);
}

static void
ld_query_class_init (LdQueryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ld_query_finalize;
}

static void
ld_query_init (LdQuery *self)
{
  self->preset = LD_RANGE_LAST_6;
  self->group_only = G_MAXUINT32;
  self->customer_only = G_MAXUINT32;
  self->present_from = G_MININT;
  self->present_to = G_MININT;
  for (int d = 0; d < LD_N_DIMS; d++)
    self->values[d] = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

LdQuery *
ld_query_new (LdReport *report)
{
  LdQuery *self;

  g_return_val_if_fail (LD_IS_REPORT (report), NULL);

  self = g_object_new (LD_TYPE_QUERY, NULL);
  self->report = g_object_ref (report);

  for (int d = 0; d < LD_N_DIMS; d++)
    {
      guint n_values = ld_dict_size (report->dim_dict[d]);

      self->dim_ids[d] = report->dim_ids[d];
      if (self->dim_ids[d] == NULL)
        {
          if (self->zeros == NULL)
            self->zeros = g_new0 (guint32, MAX (report->n_rows, 1));
          self->dim_ids[d] = self->zeros;
        }
      self->selection[d] = g_new0 (guint8, n_values);
      self->present[d] = g_new0 (guint8, n_values);
    }

  self->generation = 1;
  self->customer_stamp = g_new0 (guint32, MAX (report->n_customers, 1));
  self->group_pair_stamp = g_new0 (guint32, MAX (report->n_customer_group_pairs, 1));
  self->product_pair_stamp = g_new0 (guint32, MAX (report->n_customer_product_pairs, 1));
  if (report->customer_country_pair != NULL)
    self->country_pair_stamp = g_new0 (guint32, MAX (report->n_customer_country_pairs, 1));

  return self;
}

LdReport *
ld_query_get_report (LdQuery *self)
{
  g_return_val_if_fail (LD_IS_QUERY (self), NULL);
  return self->report;
}

void
ld_query_set_range_preset (LdQuery       *self,
                           LdRangePreset  preset)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (preset <= LD_RANGE_CUSTOM);

  self->preset = preset;
}

void
ld_query_set_custom_range (LdQuery *self,
                           int      from_month,
                           int      to_month)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (from_month >= 0 && to_month >= 0);

  self->preset = LD_RANGE_CUSTOM;
  self->custom_from = MIN (from_month, to_month);
  self->custom_to = MAX (from_month, to_month);
}

LdRangePreset
ld_query_get_range_preset (LdQuery *self)
{
  g_return_val_if_fail (LD_IS_QUERY (self), LD_RANGE_LAST_6);
  return self->preset;
}

void
ld_query_get_range (LdQuery *self,
                    int     *from_month,
                    int     *to_month)
{
  int from = -1, to = -1;
  int last;

  g_return_if_fail (LD_IS_QUERY (self));

  last = self->report->last_month;
  if (self->report->n_rows > 0)
    switch (self->preset)
      {
      case LD_RANGE_LAST_6:
        from = MAX (last - 5, 0);
        to = last;
        break;
      case LD_RANGE_LAST_12:
        from = MAX (last - 11, 0);
        to = last;
        break;
      case LD_RANGE_ALL:
        from = self->report->first_month;
        to = last;
        break;
      case LD_RANGE_CUSTOM:
      default:
        from = self->custom_from;
        to = self->custom_to;
        break;
      }

  if (from_month != NULL)
    *from_month = from;
  if (to_month != NULL)
    *to_month = to;
}

static int
find_value (LdQuery    *self,
            LdDimension dim,
            const char *value)
{
  for (guint i = 0; i < self->values[dim]->len; i++)
    if (strcmp (g_ptr_array_index (self->values[dim], i), value) == 0)
      return i;
  return -1;
}

void
ld_query_add_filter_value (LdQuery    *self,
                           LdDimension dim,
                           const char *value)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (dim < LD_N_DIMS);
  g_return_if_fail (value != NULL);

  if (find_value (self, dim, value) >= 0)
    return;
  g_ptr_array_add (self->values[dim], g_strdup (value));
  self->selection_dirty[dim] = TRUE;
}

void
ld_query_remove_filter_value (LdQuery    *self,
                              LdDimension dim,
                              const char *value)
{
  int i;

  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (dim < LD_N_DIMS);
  g_return_if_fail (value != NULL);

  i = find_value (self, dim, value);
  if (i < 0)
    return;
  g_ptr_array_remove_index (self->values[dim], i);
  self->selection_dirty[dim] = TRUE;
}

gboolean
ld_query_has_filter_value (LdQuery    *self,
                           LdDimension dim,
                           const char *value)
{
  g_return_val_if_fail (LD_IS_QUERY (self), FALSE);
  g_return_val_if_fail (dim < LD_N_DIMS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return find_value (self, dim, value) >= 0;
}

const char *const *
ld_query_get_filter_values (LdQuery    *self,
                            LdDimension dim)
{
  g_return_val_if_fail (LD_IS_QUERY (self), NULL);
  g_return_val_if_fail (dim < LD_N_DIMS, NULL);

  return (const char *const *) self->values[dim]->pdata;
}

guint
ld_query_get_n_filter_values (LdQuery    *self,
                              LdDimension dim)
{
  g_return_val_if_fail (LD_IS_QUERY (self), 0);
  g_return_val_if_fail (dim < LD_N_DIMS, 0);

  return self->values[dim]->len;
}

void
ld_query_clear_filter (LdQuery    *self,
                       LdDimension dim)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (dim < LD_N_DIMS);

  if (self->values[dim]->len == 0)
    return;
  g_ptr_array_set_size (self->values[dim], 0);
  self->selection_dirty[dim] = TRUE;
}

void
ld_query_clear_all_filters (LdQuery *self)
{
  g_return_if_fail (LD_IS_QUERY (self));

  for (int d = 0; d < LD_N_DIMS; d++)
    ld_query_clear_filter (self, d);
}

void
ld_query_set_group_only (LdQuery *self,
                         guint32  group)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (group == G_MAXUINT32 || group < self->report->n_groups);

  self->group_only = group;
}

void
ld_query_set_customer_only (LdQuery *self,
                            guint32  customer)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (customer == G_MAXUINT32 || customer < self->report->n_customers);

  self->customer_only = customer;
}

/* Rebuilds the per-id selection of the dimensions whose values changed. */
static void
ld_query_update_selection (LdQuery *self)
{
  for (int d = 0; d < LD_N_DIMS; d++)
    {
      LdDict *dict = self->report->dim_dict[d];

      if (!self->selection_dirty[d])
        continue;
      memset (self->selection[d], 0, ld_dict_size (dict));
      for (guint i = 0; i < self->values[d]->len; i++)
        {
          const char *value = g_ptr_array_index (self->values[d], i);
          guint32 id = ld_dict_lookup (dict, value, strlen (value));

          if (id != G_MAXUINT32)
            self->selection[d][id] = 1;
        }
      self->selection_dirty[d] = FALSE;
    }
}

/* The span of storage rows of months [from, to] clipped to the data; FALSE when empty. */
static gboolean
ld_query_row_span (LdQuery *self,
                   int      from,
                   int      to,
                   int     *lo_month,
                   int     *hi_month,
                   guint   *lo,
                   guint   *hi)
{
  LdReport *report = self->report;
  int a, b;

  if (report->n_rows == 0 || from < 0)
    return FALSE;
  a = MAX (from, report->first_month);
  b = MIN (to, report->last_month);
  if (a > b)
    return FALSE;

  *lo_month = a;
  *hi_month = b;
  *lo = report->month_start[a - report->first_month];
  *hi = report->month_start[b - report->first_month + 1];
  return TRUE;
}

static void
ld_query_update_present (LdQuery *self,
                         int      from,
                         int      to)
{
  int lo_month, hi_month;
  guint lo, hi;

  if (self->present_from == from && self->present_to == to)
    return;

  for (int d = 0; d < LD_N_DIMS; d++)
    memset (self->present[d], 0, ld_dict_size (self->report->dim_dict[d]));

  if (ld_query_row_span (self, from, to, &lo_month, &hi_month, &lo, &hi))
    for (int d = 0; d < LD_N_DIMS; d++)
      {
        const guint32 *ids = self->dim_ids[d];
        guint8 *present = self->present[d];

        for (guint r = lo; r < hi; r++)
          present[ids[r]] = 1;
      }

  self->present_from = from;
  self->present_to = to;
}

typedef struct {
  guint64 rows;
  guint64 provisioned;
  guint64 assigned;
  guint64 new_in_month;
  guint64 new_in_run;
} MonthTotals;

/* One month's rows. Always inlined with @filtered constant, so the common case of no
 * active filter compiles to a loop without any filter code in it. */
static inline __attribute__ ((always_inline)) void
scan_rows (LdQuery       *self,
           LdResultData  *res,
           guint          lo,
           guint          hi,
           guint32        base,
           guint32        stamp,
           gboolean       filtered,
           guint          n_active,
           const guint32 *const *active_ids,
           const guint8  *const *active_sel,
           const guint   *active_dim,
           MonthTotals   *totals)
{
  LdReport *report = self->report;
  const guint32 *prov = report->provisioned;
  const guint32 *asg = report->assigned;
  const guint32 *cust = report->customer;
  const guint32 *grp = report->group;
  const guint32 *cg_pair = report->customer_group_pair;
  const guint32 *cp_pair = report->customer_product_pair;
  const guint32 *cc_pair = report->customer_country_pair;
  const guint32 *code_ids = self->dim_ids[LD_DIM_COUNTRY];
  const guint32 *ids0 = self->dim_ids[0], *ids1 = self->dim_ids[1], *ids2 = self->dim_ids[2];
  const guint32 *ids3 = self->dim_ids[3], *ids4 = self->dim_ids[4], *ids5 = self->dim_ids[5];
  guint64 *f0 = res->facet_provisioned[0], *f1 = res->facet_provisioned[1];
  guint64 *f2 = res->facet_provisioned[2], *f3 = res->facet_provisioned[3];
  guint64 *f4 = res->facet_provisioned[4], *f5 = res->facet_provisioned[5];
  guint32 *c_stamp = self->customer_stamp;
  guint32 *cg_stamp = self->group_pair_stamp;
  guint32 *cp_stamp = self->product_pair_stamp;
  guint32 *cc_stamp = self->country_pair_stamp;
  guint32 *group_customers = res->group_customers;
  guint64 *group_prov = res->group_provisioned;
  guint64 *group_asg = res->group_assigned;
  guint32 *customer_products = res->customer_products;
  guint64 *customer_prov = res->customer_provisioned;
  guint64 *customer_asg = res->customer_assigned;
  guint32 *country_customers = res->country_customers;
  guint64 *country_prov = res->country_provisioned;
  guint64 *country_asg = res->country_assigned;
  guint32 group_only = self->group_only;
  guint32 customer_only = self->customer_only;
  guint64 rows = 0, sum_prov = 0, sum_asg = 0, new_in_month = 0, new_in_run = 0;

  for (guint r = lo; r < hi; r++)
    {
      guint32 p = prov[r];
      guint32 a, c, s, g, code;

      if (filtered)
        {
          guint n_fail = 0, fail_at = 0;

          if ((group_only != G_MAXUINT32 && grp[r] != group_only)
              || (customer_only != G_MAXUINT32 && cust[r] != customer_only))
            continue;

          for (guint k = 0; k < n_active; k++)
            {
              guint fail = active_sel[k][active_ids[k][r]] == 0;

              n_fail += fail;
              fail_at = fail ? k : fail_at;
            }
          if (n_fail != 0)
            {
              if (n_fail == 1)
                {
                  guint d = active_dim[fail_at];

                  res->facet_provisioned[d][self->dim_ids[d][r]] += p;
                }
              continue;
            }
        }

      a = asg[r];
      c = cust[r];
      g = grp[r];
      code = code_ids[r];
      rows++;
      sum_prov += p;
      sum_asg += a;

      s = c_stamp[c];
      if (s != stamp)
        {
          new_in_month++;
          if (s < base)
            {
              new_in_run++;
              if (cc_pair == NULL)
                country_customers[code]++;
            }
          c_stamp[c] = stamp;
        }
      if (cc_pair != NULL && cc_stamp[cc_pair[r]] != base)
        {
          cc_stamp[cc_pair[r]] = base;
          country_customers[code]++;
        }
      if (cg_stamp[cg_pair[r]] != base)
        {
          cg_stamp[cg_pair[r]] = base;
          group_customers[g]++;
        }
      if (cp_stamp[cp_pair[r]] != base)
        {
          cp_stamp[cp_pair[r]] = base;
          customer_products[c]++;
        }

      group_prov[g] += p;
      group_asg[g] += a;
      customer_prov[c] += p;
      customer_asg[c] += a;
      country_prov[code] += p;
      country_asg[code] += a;

      f0[ids0[r]] += p;
      f1[ids1[r]] += p;
      f2[ids2[r]] += p;
      f3[ids3[r]] += p;
      f4[ids4[r]] += p;
      f5[ids5[r]] += p;
    }

  totals->rows = rows;
  totals->provisioned = sum_prov;
  totals->assigned = sum_asg;
  totals->new_in_month = new_in_month;
  totals->new_in_run = new_in_run;
}

static void
scan_rows_plain (LdQuery      *self,
                 LdResultData *res,
                 guint         lo,
                 guint         hi,
                 guint32       base,
                 guint32       stamp,
                 MonthTotals  *totals)
{
  scan_rows (self, res, lo, hi, base, stamp, FALSE, 0, NULL, NULL, NULL, totals);
}

static void
scan_rows_filtered (LdQuery              *self,
                    LdResultData         *res,
                    guint                 lo,
                    guint                 hi,
                    guint32               base,
                    guint32               stamp,
                    guint                 n_active,
                    const guint32 *const *active_ids,
                    const guint8  *const *active_sel,
                    const guint          *active_dim,
                    MonthTotals          *totals)
{
  scan_rows (self, res, lo, hi, base, stamp, TRUE,
             n_active, active_ids, active_sel, active_dim, totals);
}

/* Reserves @n stamps for a run, clearing the stamp arrays in the rare case the
 * counter would wrap. */
static guint32
ld_query_next_base (LdQuery *self,
                    guint    n)
{
  LdReport *report = self->report;
  guint32 base;

  if (G_MAXUINT32 - self->generation <= n + 1)
    {
      memset (self->customer_stamp, 0, MAX (report->n_customers, 1) * sizeof (guint32));
      memset (self->group_pair_stamp, 0, MAX (report->n_customer_group_pairs, 1) * sizeof (guint32));
      memset (self->product_pair_stamp, 0, MAX (report->n_customer_product_pairs, 1) * sizeof (guint32));
      if (self->country_pair_stamp != NULL)
        memset (self->country_pair_stamp, 0, MAX (report->n_customer_country_pairs, 1) * sizeof (guint32));
      self->generation = 1;
    }

  base = self->generation;
  self->generation += MAX (n, 1);
  return base;
}

LdResult *
ld_query_run (LdQuery *self)
{
  LdReport *report;
  LdResult *result;
  LdResultData *res;
  const guint32 *active_ids[LD_N_DIMS];
  const guint8 *active_sel[LD_N_DIMS];
  guint active_dim[LD_N_DIMS];
  guint n_active = 0;
  gboolean filtered;
  int from, to, lo_month, hi_month;
  guint lo, hi;
  guint64 cumulative = 0;

  g_return_val_if_fail (LD_IS_QUERY (self), NULL);

  report = self->report;
  ld_query_get_range (self, &from, &to);
  result = ld_result_new (report, from, to);
  res = ld_result_data (result);

  for (int d = 0; d < LD_N_DIMS; d++)
    res->selected[d] = g_strdupv ((char **) self->values[d]->pdata);

  if (from < 0)
    return result;

  ld_query_update_selection (self);
  ld_query_update_present (self, from, to);
  for (int d = 0; d < LD_N_DIMS; d++)
    memcpy (res->facet_present[d], self->present[d], ld_dict_size (report->dim_dict[d]));

  for (int d = 0; d < LD_N_DIMS; d++)
    if (self->values[d]->len > 0)
      {
        active_ids[n_active] = self->dim_ids[d];
        active_sel[n_active] = self->selection[d];
        active_dim[n_active] = d;
        n_active++;
      }
  filtered = n_active > 0 || self->group_only != G_MAXUINT32 || self->customer_only != G_MAXUINT32;

  if (ld_query_row_span (self, from, to, &lo_month, &hi_month, &lo, &hi))
    {
      guint n_scan = hi_month - lo_month + 1;
      guint32 base = ld_query_next_base (self, n_scan);

      for (int m = lo_month; m <= hi_month; m++)
        {
          guint k = m - from;
          guint32 stamp = base + (m - lo_month);
          guint mlo = report->month_start[m - report->first_month];
          guint mhi = report->month_start[m - report->first_month + 1];
          MonthTotals t;

          if (filtered)
            scan_rows_filtered (self, res, mlo, mhi, base, stamp,
                                n_active, active_ids, active_sel, active_dim, &t);
          else
            scan_rows_plain (self, res, mlo, mhi, base, stamp, &t);

          cumulative += t.new_in_run;
          res->rows += t.rows;
          res->provisioned += t.provisioned;
          res->assigned += t.assigned;
          res->new_customers[k] = t.new_in_month;
          res->cumulative_customers[k] = cumulative;
          res->month_provisioned[k] = t.provisioned;
          res->month_assigned[k] = t.assigned;
        }

      /* Months after the data keep the total; months before it stay at zero. */
      for (int m = hi_month + 1; m <= to; m++)
        res->cumulative_customers[m - from] = cumulative;
    }
  res->customers = cumulative;

  return result;
}

guint32 *
ld_query_collect_rows (LdQuery *self,
                       gsize   *n_rows)
{
  LdReport *report;
  g_autofree guint64 *passing = NULL;
  const guint32 *active_ids[LD_N_DIMS];
  const guint8 *active_sel[LD_N_DIMS];
  guint n_active = 0;
  int from, to, lo_month, hi_month;
  guint lo, hi;
  guint32 *out;
  gsize n = 0;

  g_return_val_if_fail (LD_IS_QUERY (self), NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  report = self->report;
  ld_query_get_range (self, &from, &to);
  ld_query_update_selection (self);

  for (int d = 0; d < LD_N_DIMS; d++)
    if (self->values[d]->len > 0)
      {
        active_ids[n_active] = self->dim_ids[d];
        active_sel[n_active] = self->selection[d];
        n_active++;
      }

  if (!ld_query_row_span (self, from, to, &lo_month, &hi_month, &lo, &hi))
    {
      *n_rows = 0;
      return g_new (guint32, 1);
    }

  /* Mark passing rows in storage order, then read them back in file order. */
  passing = g_new0 (guint64, (report->n_rows + 63) / 64);
  for (guint r = lo; r < hi; r++)
    {
      gboolean pass = TRUE;

      if (self->group_only != G_MAXUINT32 && report->group[r] != self->group_only)
        continue;
      if (self->customer_only != G_MAXUINT32 && report->customer[r] != self->customer_only)
        continue;
      for (guint k = 0; k < n_active && pass; k++)
        pass = active_sel[k][active_ids[k][r]] != 0;
      if (pass)
        {
          passing[r / 64] |= G_GUINT64_CONSTANT (1) << (r % 64);
          n++;
        }
    }

  out = g_new (guint32, MAX (n, 1));
  *n_rows = n;
  n = 0;
  for (guint i = 0; i < report->n_rows && n < *n_rows; i++)
    {
      guint32 r = report->file_order[i];

      if (passing[r / 64] & (G_GUINT64_CONSTANT (1) << (r % 64)))
        out[n++] = r;
    }

  return out;
}
