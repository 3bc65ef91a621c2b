/* ld-card-model.c — what a dashboard card shows, worked out without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ld-card-model.h"
#include "ld-chart-format.h"
#include "ld-describe.h"

#define ANALYSIS_TOP_ITEMS 9  /* the top 8 and "Others" */
#define GEO_TOP_ITEMS      11 /* the top 10 and "Others" */
#define ADOPTION_TOP_ITEMS 10 /* the top 10, no "Others" */

/* ---- texts ----------------------------------------------------------------------- */

typedef enum
{
  CHANGE_COUNT,   /* a count: in percent of the previous period's */
  CHANGE_POINTS,  /* a rate in hundredths: in percentage points */
} ChangeUnit;

/* A headline figure's change against the previous period, as drawn and as said. */
typedef struct
{
  char          *text;    /* "12.5% vs Dec 2025 – May 2026" */
  char          *spoken;  /* "up 12.5% compared with Dec 2025 – May 2026" */
  LdFigureTrend  trend;
} Change;

/* The change of a figure from the previous period (SPEC §3) to the range: in
 * percent of the previous count ("12.5% vs Dec 2025 – May 2026"), as the plain
 * difference when the previous count is zero and a percentage means nothing
 * ("+26 vs …"), in points for a rate ("4.5 pts vs …"). Without a previous period
 * (All time, or months the data does not cover) there is nothing to compare
 * with: no change at all. */
static void
compare_with_previous (LdResult   *result,
                       gint64      before,
                       gint64      now,
                       ChangeUnit  unit,
                       Change     *change)
{
  g_autofree char *period = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *spoken_amount = NULL;

  memset (change, 0, sizeof *change);
  if (result == NULL || !ld_result_has_previous (result))
    return;

  period = ld_describe_range (ld_result_get_previous_from_month (result),
                              ld_result_get_previous_to_month (result));

  if (before == now)
    {
      /* TRANSLATORS: a headline figure's change line, "No change vs Dec 2025 – May 2026":
       * the figure is the same as in the previous period, which it names. */
      change->text = g_strdup_printf (_("No change vs %s"), period);
      /* TRANSLATORS: the same, in a sentence a screen reader says. */
      change->spoken = g_strdup_printf (_("no change compared with %s"), period);
      return;
    }

  change->trend = now > before ? LD_FIGURE_TREND_UP : LD_FIGURE_TREND_DOWN;
  if (unit == CHANGE_POINTS)
    {
      g_autofree char *points = g_strdup_printf ("%.1f", llabs (now - before) / 100.0);

      /* TRANSLATORS: a change of the assignment rate in percentage points, "4.5 pts". */
      amount = g_strdup_printf (_("%s pts"), points);
      /* TRANSLATORS: the same, in a sentence a screen reader says, "4.5 percentage points". */
      spoken_amount = g_strdup_printf (_("%s percentage points"), points);
    }
  else if (before == 0)
    {
      g_autofree char *count = ld_chart_format_count (now);

      /* TRANSLATORS: a rise from nothing in the previous period, "+26". */
      amount = g_strdup_printf (_("+%s"), count);
      spoken_amount = g_strdup (count);
    }
  else
    {
      amount = ld_chart_format_percent (100.0 * fabs ((double) now - (double) before) / (double) before);
      spoken_amount = g_strdup (amount);
    }

  /* TRANSLATORS: a headline figure's change line, "12.5% vs Dec 2025 – May 2026": the
   * change from the previous period, which it names; an arrow before it says up or down. */
  change->text = g_strdup_printf (_("%s vs %s"), amount, period);
  if (change->trend == LD_FIGURE_TREND_UP)
    /* TRANSLATORS: a rise in a sentence a screen reader says,
     * "up 12.5% compared with Dec 2025 – May 2026". */
    change->spoken = g_strdup_printf (_("up %s compared with %s"), spoken_amount, period);
  else
    /* TRANSLATORS: a fall in a sentence a screen reader says,
     * "down 3.0% compared with Dec 2025 – May 2026". */
    change->spoken = g_strdup_printf (_("down %s compared with %s"), spoken_amount, period);
}

char *
ld_card_figure_get_change_text (const LdCardFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  if (figure->change == NULL || figure->change[0] == '\0')
    return NULL;

  switch (ld_figure_trend_get_direction (figure->trend))
    {
    case 1:
      return g_strconcat ("▲ ", figure->change, NULL);
    case -1:
      return g_strconcat ("▼ ", figure->change, NULL);
    default:
      return g_strdup (figure->change);
    }
}

int
ld_figure_trend_get_direction (LdFigureTrend trend)
{
  switch (trend)
    {
    case LD_FIGURE_TREND_UP:
    case LD_FIGURE_TREND_UP_BAD:
    case LD_FIGURE_TREND_UP_NEUTRAL:
      return 1;
    case LD_FIGURE_TREND_DOWN:
    case LD_FIGURE_TREND_DOWN_GOOD:
    case LD_FIGURE_TREND_DOWN_NEUTRAL:
      return -1;
    case LD_FIGURE_TREND_NONE:
    default:
      return 0;
    }
}

int
ld_figure_trend_get_sentiment (LdFigureTrend trend)
{
  switch (trend)
    {
    case LD_FIGURE_TREND_UP:
    case LD_FIGURE_TREND_DOWN_GOOD:
      return 1;
    case LD_FIGURE_TREND_DOWN:
    case LD_FIGURE_TREND_UP_BAD:
      return -1;
    case LD_FIGURE_TREND_NONE:
    case LD_FIGURE_TREND_UP_NEUTRAL:
    case LD_FIGURE_TREND_DOWN_NEUTRAL:
    default:
      return 0;
    }
}

/* ---- building -------------------------------------------------------------------- */

static const char *
own_string (LdCardModel *self,
            char        *str)
{
  g_ptr_array_add (self->strings, str);
  return str;
}

static gpointer
own_array (LdCardModel *self,
           gpointer     array)
{
  g_ptr_array_add (self->arrays, array);
  return array;
}

static void
set_figure (LdCardModel   *self,
            guint          index,
            const char    *caption,
            char          *value,
            char          *change,
            LdFigureTrend  trend)
{
  LdCardFigure *figure;

  g_assert (index < LD_CARD_MODEL_MAX_FIGURES);

  figure = &self->figures[index];
  g_free (figure->caption);
  g_free (figure->value);
  g_free (figure->change);
  g_clear_pointer (&figure->spoken_change, g_free);
  figure->caption = g_strdup (caption);
  figure->value = value;
  figure->change = change;
  figure->trend = change != NULL ? trend : LD_FIGURE_TREND_NONE;
  self->n_figures = MAX (self->n_figures, index + 1);
}

/* Gives figure @index the change worked out by compare_with_previous(). */
static void
set_change (LdCardModel *self,
            guint        index,
            Change      *change)
{
  LdCardFigure *figure;

  g_assert (index < self->n_figures);

  figure = &self->figures[index];
  g_free (figure->change);
  g_free (figure->spoken_change);
  figure->change = g_steal_pointer (&change->text);
  figure->spoken_change = g_steal_pointer (&change->spoken);
  figure->trend = figure->change != NULL ? change->trend : LD_FIGURE_TREND_NONE;
}

static LdChart *
add_chart (LdCardModel *self,
           LdChartKind  kind,
           char        *title)
{
  LdChart *chart;

  g_assert (self->n_charts < LD_CARD_MODEL_MAX_CHARTS);

  chart = &self->charts[self->n_charts++];
  ld_chart_init (chart, kind);
  chart->title = title != NULL ? own_string (self, title) : NULL;

  return chart;
}

/* Monthly provisioned (bars) and assigned (nested bars) of @source. */
static void
fill_license_trend (LdCardModel      *self,
                    LdTrendChartData *data,
                    LdResult         *source)
{
  guint n = source != NULL ? ld_result_get_n_months (source) : 0;

  if (n == 0)
    return;

  data->first_month = ld_result_get_from_month (source);
  data->n_months = n;
  data->n_series = 2;
  data->bar_layout = LD_TREND_BARS_NESTED;
  data->series[0] = (LdTrendSeries) { _("Provisioned"), LD_TREND_SERIES_BARS,
                                      own_array (self, g_memdup2 (ld_result_get_month_provisioned (source),
                                                                  n * sizeof (guint64))),
                                      LD_CHART_COLOR_PRIMARY };
  data->series[1] = (LdTrendSeries) { _("Assigned"), LD_TREND_SERIES_BARS,
                                      own_array (self, g_memdup2 (ld_result_get_month_assigned (source),
                                                                  n * sizeof (guint64))),
                                      LD_CHART_COLOR_SECONDARY };
}

/* Ranked bars of the first @n rows, the tail summed from the result's totals into
 * "Others" (so 100,000 customers cost one pass over nine rows). */
static void
fill_bars (LdCardModel    *self,
           LdBarChartData *data,
           LdResult       *result,
           LdBarChartItem *items,
           guint           n_rows,
           guint           max_items)
{
  LdBarChartItem *folded = own_array (self, g_new0 (LdBarChartItem, max_items));

  if (n_rows > max_items)
    {
      LdBarChartItem others = { NULL, ld_result_get_provisioned (result),
                                ld_result_get_assigned (result), TRUE };

      for (guint i = 0; i < max_items - 1; i++)
        {
          others.value -= items[i].value;
          others.secondary -= items[i].secondary;
        }
      items[max_items - 1] = others;
      items[max_items] = (LdBarChartItem) { NULL, 0, 0, FALSE };
      /* Two items past the limit make the fold name the last one "Others"; how
       * many it holds says what the bar is of. */
      data->n_items = ld_bar_chart_fold_items (items, max_items + 1, max_items, folded);
      {
        guint n_others = n_rows - (max_items - 1);
        g_autofree char *count = ld_chart_format_count (n_others);

        /* TRANSLATORS: the last bar of a ranked chart, all the rows not ranked
         * above it: "1,971 others". */
        folded[max_items - 1].label = own_string (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s other", "%s others", n_others), count));
      }
    }
  else
    data->n_items = ld_bar_chart_fold_items (items, n_rows, max_items, folded);

  data->items = folded;
  data->value_label = _("Provisioned");
  data->secondary_label = _("Assigned");
  data->has_secondary = TRUE;
  data->show_percent = TRUE;
  data->total = result != NULL ? ld_result_get_provisioned (result) : 0;
}

/* A rate or share of @denominator: "—" when there is nothing to divide by, where
 * "0.00%" would claim a figure the data does not have. */
static char *
format_rate_of (gint64  hundredths,
                guint64 denominator)
{
  if (denominator == 0)
    /* TRANSLATORS: a rate or share that has no value (nothing provisioned). */
    return g_strdup (C_("no rate", "—"));
  return ld_chart_format_rate (hundredths);
}

/* Customers, provisioned, assigned and the assignment rate, each with its change
 * against the previous period, as figures @first … @first + 3 (the rate only with
 * @with_rate, the customers only with @with_customers). */
static guint
set_totals (LdCardModel *self,
            LdResult    *result,
            guint        first,
            gboolean     with_customers,
            gboolean     with_rate)
{
  guint64 customers = result != NULL ? ld_result_get_customers (result) : 0;
  guint64 provisioned = result != NULL ? ld_result_get_provisioned (result) : 0;
  guint64 assigned = result != NULL ? ld_result_get_assigned (result) : 0;
  gint64 rate = result != NULL ? ld_result_get_assignment_rate (result) : 0;
  guint index = first;
  Change change;

  if (with_customers)
    {
      set_figure (self, index, _("Customers"), ld_chart_format_count (customers),
                  NULL, LD_FIGURE_TREND_NONE);
      compare_with_previous (result, result != NULL ? ld_result_get_previous_customers (result) : 0,
                             customers, CHANGE_COUNT, &change);
      set_change (self, index++, &change);
    }

  set_figure (self, index, _("Provisioned"), ld_chart_format_count (provisioned),
              NULL, LD_FIGURE_TREND_NONE);
  compare_with_previous (result, result != NULL ? ld_result_get_previous_provisioned (result) : 0,
                         provisioned, CHANGE_COUNT, &change);
  set_change (self, index++, &change);

  set_figure (self, index, _("Assigned"), ld_chart_format_count (assigned),
              NULL, LD_FIGURE_TREND_NONE);
  compare_with_previous (result, result != NULL ? ld_result_get_previous_assigned (result) : 0,
                         assigned, CHANGE_COUNT, &change);
  set_change (self, index++, &change);

  if (with_rate)
    {
      set_figure (self, index, _("Assignment rate"), format_rate_of (rate, provisioned),
                  NULL, LD_FIGURE_TREND_NONE);
      /* A period with nothing provisioned had no rate to compare with (its 0.00 %
       * is a convention, not an adoption). */
      if (result != NULL && ld_result_get_previous_provisioned (result) > 0)
        compare_with_previous (result, ld_result_get_previous_assignment_rate (result),
                               rate, CHANGE_POINTS, &change);
      else
        memset (&change, 0, sizeof change);
      set_change (self, index++, &change);
    }

  return index;
}

static void
build_summary (LdCardModel *self,
               LdResult    *result)
{
  guint next;

  self->title = g_strdup (_("Summary"));
  next = set_totals (self, result, 0, TRUE, TRUE);
  set_figure (self, next, _("Rows"),
              ld_chart_format_count (result != NULL ? ld_result_get_rows (result) : 0),
              NULL, LD_FIGURE_TREND_NONE);
}

static void
build_customers (LdCardModel *self,
                 LdResult    *result)
{
  guint n_months = result != NULL ? ld_result_get_n_months (result) : 0;
  Change change;
  LdChart *chart;

  self->title = g_strdup (_("Customers"));
  chart = add_chart (self, LD_CHART_TREND, NULL);

  set_figure (self, 0, _("Customers"),
              ld_chart_format_count (result != NULL ? ld_result_get_customers (result) : 0),
              NULL, LD_FIGURE_TREND_NONE);
  compare_with_previous (result, result != NULL ? ld_result_get_previous_customers (result) : 0,
                         result != NULL ? ld_result_get_customers (result) : 0, CHANGE_COUNT, &change);
  set_change (self, 0, &change);

  /* SPEC §3: customers whose first row anywhere in the data falls in the range. */
  set_figure (self, 1, _("New customers"),
              ld_chart_format_count (result != NULL ? ld_result_get_new_customers_total (result) : 0),
              NULL, LD_FIGURE_TREND_NONE);

  if (n_months == 0)
    return;

  /* New and returning customers stacked: together the active ones of the month. The
   * returning ones, most of a month, take the accent as the other charts' bars do;
   * the new ones at the bottom its shade, which sets them apart (darker on a light
   * card, lighter on a dark one) without a glaring slab of it. */
  chart->trend.first_month = ld_result_get_from_month (result);
  chart->trend.n_months = n_months;
  chart->trend.n_series = 3;
  chart->trend.bar_layout = LD_TREND_BARS_STACKED;
  chart->trend.total_label = _("Active customers");
  chart->trend.series[0] = (LdTrendSeries) { _("New customers"), LD_TREND_SERIES_BARS,
                                             own_array (self, g_memdup2 (ld_result_get_new_customers (result),
                                                                         n_months * sizeof (guint64))),
                                             LD_CHART_COLOR_PRIMARY_SHADE };
  chart->trend.series[1] = (LdTrendSeries) { _("Returning customers"), LD_TREND_SERIES_BARS,
                                             own_array (self, g_memdup2 (ld_result_get_returning_customers (result),
                                                                         n_months * sizeof (guint64))),
                                             LD_CHART_COLOR_PRIMARY };
  chart->trend.series[2] = (LdTrendSeries) { _("Cumulative customers"), LD_TREND_SERIES_LINE,
                                             own_array (self, g_memdup2 (ld_result_get_cumulative_customers (result),
                                                                         n_months * sizeof (guint64))),
                                             LD_CHART_COLOR_SECONDARY };
}

static void
build_licenses (LdCardModel *self,
                LdResult    *result)
{
  LdChart *chart;

  self->title = g_strdup (_("Licenses"));
  set_totals (self, result, 0, FALSE, TRUE);

  chart = add_chart (self, LD_CHART_TREND, NULL);
  fill_license_trend (self, &chart->trend, result);
}

LdQuery *
ld_card_model_copy_query (LdQuery *query)
{
  LdQuery *copy;

  g_return_val_if_fail (LD_IS_QUERY (query), NULL);

  copy = ld_query_new (ld_query_get_report (query));
  if (ld_query_get_range_preset (query) == LD_RANGE_CUSTOM)
    {
      int from, to;

      ld_query_get_range (query, &from, &to);
      ld_query_set_custom_range (copy, from, to);
    }
  else
    ld_query_set_range_preset (copy, ld_query_get_range_preset (query));

  for (guint dim = 0; dim < LD_N_DIMS; dim++)
    {
      const char *const *values = ld_query_get_filter_values (query, dim);

      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        ld_query_add_filter_value (copy, dim, values[i]);
    }

  return copy;
}

void
ld_card_model_sync_query (LdQuery *copy,
                          LdQuery *query)
{
  g_return_if_fail (LD_IS_QUERY (copy));
  g_return_if_fail (LD_IS_QUERY (query));
  g_return_if_fail (ld_query_get_report (copy) == ld_query_get_report (query));

  if (ld_query_get_range_preset (query) == LD_RANGE_CUSTOM)
    {
      int from, to;

      ld_query_get_range (query, &from, &to);
      ld_query_set_custom_range (copy, from, to);
    }
  else
    ld_query_set_range_preset (copy, ld_query_get_range_preset (query));

  for (guint dim = 0; dim < LD_N_DIMS; dim++)
    {
      const char *const *values = ld_query_get_filter_values (query, dim);

      ld_query_clear_filter (copy, dim);
      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        ld_query_add_filter_value (copy, dim, values[i]);
    }
  ld_query_set_group_only (copy, ld_query_get_group_only (query));
  ld_query_set_customer_only (copy, ld_query_get_customer_only (query));
}

LdQuery *
ld_card_model_scratch_query (LdQuery    *query,
                             const char *key)
{
  LdQuery *copy;

  g_return_val_if_fail (LD_IS_QUERY (query), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* A query keeps its scratch buffers and what it worked out about the report (each
   * customer's first month) from one run to the next: a fresh copy would pay for
   * them again on every refresh. */
  copy = g_object_get_data (G_OBJECT (query), key);
  if (copy == NULL)
    {
      copy = ld_query_new (ld_query_get_report (query));
      g_object_set_data_full (G_OBJECT (query), key, copy, g_object_unref);
    }
  ld_card_model_sync_query (copy, query);

  return copy;
}

static void
build_analysis (LdCardModel *self,
                LdQuery     *query,
                LdResult    *result,
                gboolean     products,
                guint32      selected,
                LdResult    *selected_result)
{
  g_autoptr(LdResult) own_selected = NULL;
  g_autofree LdBarChartItem *items = g_new0 (LdBarChartItem, ANALYSIS_TOP_ITEMS + 1);
  const LdProductRow *product_rows = NULL;
  const LdCustomerRow *customer_rows = NULL;
  g_autofree char *top_name = NULL;
  g_autofree char *selected_name = NULL;
  char *trend_title;
  LdResult *trend_source = result;
  LdChart *bars, *trend;
  guint n = 0;
  gint64 top_share = 0;

  self->title = g_strdup (_("Analysis"));
  self->subtitle = g_strdup (products ? _("By product") : _("By customer"));

  if (result != NULL && products)
    product_rows = ld_result_get_products (result, &n);
  else if (result != NULL)
    customer_rows = ld_result_get_customers_table (result, &n);

  for (guint i = 0; i < n && i < ANALYSIS_TOP_ITEMS; i++)
    {
      if (products)
        items[i] = (LdBarChartItem) { own_string (self, ld_describe_product_plan (&product_rows[i])),
                                      product_rows[i].provisioned, product_rows[i].assigned, FALSE };
      else
        items[i] = (LdBarChartItem) { ld_describe_customer (&customer_rows[i], NULL),
                                      customer_rows[i].provisioned, customer_rows[i].assigned, FALSE };
    }

  /* The tables are sorted by provisioned first: the top row is row 0. */
  if (n > 0)
    {
      top_name = products ? ld_describe_product_plan (&product_rows[0])
                          : g_strdup (ld_describe_customer (&customer_rows[0], NULL));
      top_share = ld_percent_hundredths (items[0].value, ld_result_get_provisioned (result));
    }

  set_figure (self, 0, products ? _("Products and plans") : _("Customers"),
              ld_chart_format_count (n), NULL, LD_FIGURE_TREND_NONE);
  set_figure (self, 1, products ? _("Top product’s share") : _("Top customer’s share"),
              format_rate_of (top_share, n > 0 ? ld_result_get_provisioned (result) : 0),
              g_steal_pointer (&top_name),
              LD_FIGURE_TREND_NONE);

  bars = add_chart (self, LD_CHART_BARS,
                    g_strdup (products ? _("Top products by provisioned licenses")
                                       : _("Top customers by provisioned licenses")));
  fill_bars (self, &bars->bars, result, items, n, ANALYSIS_TOP_ITEMS);

  /* The selected row's own months, counted as its table row counts them. */
  for (guint i = 0; selected != LD_CARD_MODEL_NO_SELECTION && i < n; i++)
    {
      if (products && product_rows[i].group == selected)
        selected_name = ld_describe_product_plan (&product_rows[i]);
      else if (!products && customer_rows[i].customer == selected)
        selected_name = g_strdup (ld_describe_customer (&customer_rows[i], NULL));
      if (selected_name != NULL)
        break;
    }
  if (selected_name != NULL && selected_result == NULL && query != NULL)
    {
      g_autoptr(LdQuery) row_query = ld_card_model_copy_query (query);

      if (products)
        ld_query_set_group_only (row_query, selected);
      else
        ld_query_set_customer_only (row_query, selected);
      own_selected = ld_query_run (row_query);
      selected_result = own_selected;
    }

  if (selected_name != NULL && selected_result != NULL)
    {
      trend_source = selected_result;
      /* TRANSLATORS: the title of the selected row's monthly trend, "Contoso per month". */
      trend_title = g_strdup_printf (_("%s per month"), selected_name);
    }
  else
    trend_title = g_strdup (products ? _("All products per month") : _("All customers per month"));

  trend = add_chart (self, LD_CHART_TREND, trend_title);
  fill_license_trend (self, &trend->trend, trend_source);
  self->wide = TRUE;
}

static void
build_geo (LdCardModel *self,
           LdQuery     *query,
           LdResult    *result)
{
  const LdCountryRow *rows = NULL;
  guint n = 0;
  g_autofree LdBarChartItem *items = g_new0 (LdBarChartItem, GEO_TOP_ITEMS + 1);
  LdMapChartItem *map_items;
  LdChart *map, *bars;

  self->title = g_strdup (_("Geographical spread"));

  if (result != NULL)
    rows = ld_result_get_countries (result, &n);

  for (guint i = 0; i < n && i < GEO_TOP_ITEMS; i++)
    items[i] = (LdBarChartItem) { ld_describe_country (&rows[i], NULL),
                                  rows[i].provisioned, rows[i].assigned, FALSE };

  set_figure (self, 0, _("Countries"), ld_chart_format_count (n), NULL, LD_FIGURE_TREND_NONE);
  set_figure (self, 1, _("Top country’s share"),
              format_rate_of (n > 0 ? ld_percent_hundredths (rows[0].provisioned,
                                                             ld_result_get_provisioned (result))
                                    : 0,
                              n > 0 ? ld_result_get_provisioned (result) : 0),
              n > 0 ? g_strdup (ld_describe_country (&rows[0], NULL)) : NULL,
              LD_FIGURE_TREND_NONE);

  /* The map shades every country, the bars rank the leading ones. */
  map = add_chart (self, LD_CHART_MAP, g_strdup (_("Provisioned licenses by country")));
  map_items = own_array (self, g_new0 (LdMapChartItem, MAX (n, 1)));
  for (guint i = 0; i < n; i++)
    map_items[i] = (LdMapChartItem) { rows[i].code, rows[i].name, rows[i].provisioned,
                                      rows[i].customers, rows[i].assigned };
  map->map.items = map_items;
  map->map.n_items = n;
  /* On paper the world sits at the top, its legend in the sea below it. */
  map->map.align_top = TRUE;
  map->map.total = result != NULL ? ld_result_get_provisioned (result) : 0;
  if (query != NULL && ld_query_get_n_filter_values (query, LD_DIM_COUNTRY) > 0)
    {
      const char *const *codes = ld_query_get_filter_values (query, LD_DIM_COUNTRY);
      guint n_codes = g_strv_length ((char **) codes);
      const char **selected = own_array (self, g_new0 (const char *, n_codes + 1));

      for (guint i = 0; i < n_codes; i++)
        selected[i] = own_string (self, g_strdup (codes[i]));
      map->map.selected = selected;
    }

  bars = add_chart (self, LD_CHART_BARS, g_strdup (_("Top countries by provisioned licenses")));
  fill_bars (self, &bars->bars, result, items, n, GEO_TOP_ITEMS);
  self->wide = TRUE;
}

/* ---- the previous period, for figures the engine keeps for the range only -------- */

/* compare_with_previous() for figures that are not all better when higher:
 * @sentiment says whether a rise is good news (1), bad news (-1: more unassigned or
 * suspended licences) or neither (0: a state the app does not know). */
static void
set_previous_change (LdCardModel *self,
                     guint        index,
                     LdResult    *result,
                     gint64       before,
                     gint64       now,
                     ChangeUnit   unit,
                     int          sentiment)
{
  Change change;

  compare_with_previous (result, before, now, unit, &change);
  if (change.trend == LD_FIGURE_TREND_UP)
    change.trend = sentiment > 0 ? LD_FIGURE_TREND_UP
                 : sentiment < 0 ? LD_FIGURE_TREND_UP_BAD : LD_FIGURE_TREND_UP_NEUTRAL;
  else if (change.trend == LD_FIGURE_TREND_DOWN)
    change.trend = sentiment > 0 ? LD_FIGURE_TREND_DOWN
                 : sentiment < 0 ? LD_FIGURE_TREND_DOWN_GOOD : LD_FIGURE_TREND_DOWN_NEUTRAL;
  set_change (self, index, &change);
}

/* The same query over the previous period's months, for the figures the engine
 * counts for the range alone (unassigned licences, licence states); NULL without a
 * previous period or a query. The Adoption and License states cards of one refresh
 * ask for the same months: the last run is kept, keyed by the result it belongs to. */
G_LOCK_DEFINE_STATIC (previous_cache);
static struct
{
  LdResult *key;
  LdResult *previous;
} previous_cache;

static LdResult *
run_previous (LdQuery  *query,
              LdResult *result)
{
  LdQuery *copy;
  LdResult *previous;

  if (query == NULL || result == NULL || !ld_result_has_previous (result))
    return NULL;

  G_LOCK (previous_cache);
  if (previous_cache.key == result)
    {
      previous = ld_result_ref (previous_cache.previous);
      G_UNLOCK (previous_cache);
      return previous;
    }
  G_UNLOCK (previous_cache);

  copy = ld_card_model_scratch_query (query, "ld-card-model-previous");
  ld_query_set_custom_range (copy, ld_result_get_previous_from_month (result),
                             ld_result_get_previous_to_month (result));
  previous = ld_query_run (copy);

  G_LOCK (previous_cache);
  g_clear_pointer (&previous_cache.key, ld_result_unref);
  g_clear_pointer (&previous_cache.previous, ld_result_unref);
  previous_cache.key = ld_result_ref (result);
  previous_cache.previous = ld_result_ref (previous);
  G_UNLOCK (previous_cache);

  return previous;
}

/* ---- Adoption (SPEC §4.5) ---------------------------------------------------------- */

typedef struct
{
  guint64 unassigned;   /* over every customer */
  guint64 customers;    /* with unassigned licences */
} AdoptionTotals;

static void
adoption_totals (LdResult       *result,
                 AdoptionTotals *totals)
{
  const LdAdoptionRow *rows;
  guint n = 0;

  memset (totals, 0, sizeof *totals);
  if (result == NULL)
    return;

  rows = ld_result_get_adoption (result, &n);
  /* The table is by unassigned licences, largest first: the idle ones lead. */
  for (guint i = 0; i < n && rows[i].unassigned > 0; i++)
    {
      totals->unassigned += rows[i].unassigned;
      totals->customers++;
    }
}

static void
build_adoption (LdCardModel *self,
                LdQuery     *query,
                LdResult    *result)
{
  g_autoptr(LdResult) previous = run_previous (query, result);
  const LdAdoptionRow *rows = NULL;
  LdBarChartItem *items;
  AdoptionTotals totals, before;
  guint n = 0, n_bars = 0;
  gint64 rate = result != NULL ? ld_result_get_assignment_rate (result) : 0;
  LdChart *bars;

  self->title = g_strdup (_("Adoption"));
  adoption_totals (result, &totals);
  if (result != NULL)
    rows = ld_result_get_adoption (result, &n);

  set_figure (self, 0, _("Unassigned licenses"), ld_chart_format_count (totals.unassigned),
              NULL, LD_FIGURE_TREND_NONE);
  set_figure (self, 1, _("Customers with unassigned licenses"), ld_chart_format_count (totals.customers),
              NULL, LD_FIGURE_TREND_NONE);
  set_figure (self, 2, _("Assignment rate"), format_rate_of (rate, result != NULL ? ld_result_get_provisioned (result) : 0),
              NULL, LD_FIGURE_TREND_NONE);
  if (previous != NULL)
    {
      adoption_totals (previous, &before);
      set_previous_change (self, 0, result, before.unassigned, totals.unassigned, CHANGE_COUNT, -1);
      set_previous_change (self, 1, result, before.customers, totals.customers, CHANGE_COUNT, -1);
      set_previous_change (self, 2, result, ld_result_get_previous_assignment_rate (result), rate,
                           CHANGE_POINTS, 1);
    }

  /* The customers to help first: the top ones by unassigned licences, each with its
   * share of all of them. No "Others" bar: the rest would dwarf the ten a publisher
   * can act on, and the shares already say how much of the whole they hold. A
   * customer using all it bought is not on the chart (the table lists everyone). */
  items = own_array (self, g_new0 (LdBarChartItem, ADOPTION_TOP_ITEMS));
  for (guint i = 0; i < totals.customers && n_bars < ADOPTION_TOP_ITEMS; i++)
    items[n_bars++] = (LdBarChartItem) { own_string (self, g_strdup (ld_describe_adoption (&rows[i], NULL))),
                                         rows[i].unassigned, 0, FALSE };

  bars = add_chart (self, LD_CHART_BARS, g_strdup (_("Top customers by unassigned licenses")));
  bars->bars.items = items;
  bars->bars.n_items = n_bars;
  bars->bars.value_label = _("Unassigned");
  bars->bars.show_percent = TRUE;
  bars->bars.total = totals.unassigned;
}

/* ---- License states (SPEC §4.6) ---------------------------------------------------- */

/* The categorical colour each state keeps, whatever else the file holds, and whether
 * more licences in it is good news, bad news or neither. States of other names take
 * a free colour of their own by their name, so they too keep it from one filter to
 * the next. */
enum
{
  STATE_COLOR_NOT_STATED = 5,
  STATE_COLOR_FIRST_FREE = 6,
  STATE_COLOR_OTHERS     = LD_CHART_N_CATEGORIES - 1,
};

static const struct
{
  const char *name;      /* case-insensitive */
  int         color;     /* category, or -1: one of the free ones */
  int         sentiment;
} known_states[] = {
  { "active",     0,  1 },
  { "inactive",   1, -1 },
  { "suspended",  2, -1 },
  { "expired",    3, -1 },
  { "deleted",    4, -1 },
  { "cancelled", -1, -1 },
  { "canceled",  -1, -1 },
  { "disabled",  -1, -1 },
  { "lapsed",    -1, -1 },
  { "warning",   -1, -1 },
};

static int
state_known (const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_states); i++)
    if (g_ascii_strcasecmp (state, known_states[i].name) == 0)
      return (int) i;

  return -1;
}

static int
state_sentiment (const char *state)
{
  int known = state_known (state);

  return known >= 0 ? known_states[known].sentiment : 0;
}

/* A colour for @state not yet in @used (a bit per category), and marks it used. */
static LdChartColorIndex
state_color (const char *state,
             guint      *used)
{
  int known = state_known (state);
  guint n_free = STATE_COLOR_OTHERS - STATE_COLOR_FIRST_FREE;
  guint slot;

  if (state[0] == '\0')
    slot = STATE_COLOR_NOT_STATED;
  else if (known >= 0 && known_states[known].color >= 0)
    slot = (guint) known_states[known].color;
  else
    {
      g_autofree char *folded = g_ascii_strdown (state, -1);

      slot = STATE_COLOR_FIRST_FREE + g_str_hash (folded) % n_free;
    }

  /* Two states on one colour: the later takes the next free one. */
  for (guint i = 0; i < STATE_COLOR_OTHERS && (*used & (1u << slot)) != 0; i++)
    slot = (slot + 1) % STATE_COLOR_OTHERS;
  *used |= 1u << slot;

  return LD_CHART_COLOR_CATEGORY + slot;
}

typedef struct
{
  guint    index;      /* in the result's states */
  guint64  provisioned;
} StateTotal;

static int
compare_state_totals (gconstpointer a,
                      gconstpointer b)
{
  const StateTotal *x = a;
  const StateTotal *y = b;

  if (x->provisioned != y->provisioned)
    return x->provisioned > y->provisioned ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* @state's provisioned licences over @result's range; 0 when it has no such state. */
static guint64
state_provisioned (LdResult   *result,
                   const char *state)
{
  guint n_months = ld_result_get_n_months (result);
  guint64 sum = 0;

  for (guint s = 0; s < ld_result_get_n_states (result); s++)
    if (strcmp (ld_result_get_state (result, s), state) == 0)
      for (guint m = 0; m < n_months; m++)
        {
          LdStateFigures figures;

          ld_result_get_state_figures (result, s, m, &figures);
          sum += figures.provisioned;
        }

  return sum;
}

static void
build_states (LdCardModel *self,
              LdQuery     *query,
              LdResult    *result)
{
  g_autoptr(LdResult) previous = run_previous (query, result);
  guint n_states = result != NULL ? ld_result_get_n_states (result) : 0;
  guint n_months = result != NULL ? ld_result_get_n_months (result) : 0;
  g_autofree StateTotal *totals = g_new0 (StateTotal, MAX (n_states, 1));
  /* One colour a series: ten states and "Other states" at most. */
  guint n_series = MIN (n_states, MIN (LD_CHART_N_CATEGORIES, LD_TREND_CHART_MAX_SERIES));
  guint64 others_total = 0;
  guint used = 0;
  LdChart *chart;

  self->title = g_strdup (_("License states"));
  chart = add_chart (self, LD_CHART_TREND, NULL);

  if (n_states == 0 || n_months == 0)
    {
      set_figure (self, 0, _("License states"), ld_chart_format_count (0), NULL, LD_FIGURE_TREND_NONE);
      return;
    }

  for (guint s = 0; s < n_states; s++)
    {
      totals[s].index = s;
      for (guint m = 0; m < n_months; m++)
        {
          LdStateFigures figures;

          ld_result_get_state_figures (result, s, m, &figures);
          totals[s].provisioned += figures.provisioned;
        }
    }
  /* The largest at the bottom of each bar and first in the legend. */
  qsort (totals, n_states, sizeof *totals, compare_state_totals);

  /* Headline: the leading states' licences over the range, and the rest as one. */
  for (guint i = 0; i < n_states; i++)
    {
      const char *state = ld_result_get_state (result, totals[i].index);

      if (i >= LD_CARD_MODEL_MAX_FIGURES - 1 && n_states > LD_CARD_MODEL_MAX_FIGURES)
        {
          others_total += totals[i].provisioned;
          continue;
        }
      set_figure (self, i, ld_describe_state (state, NULL), ld_chart_format_count (totals[i].provisioned),
                  NULL, LD_FIGURE_TREND_NONE);
      if (previous != NULL)
        set_previous_change (self, i, result, state_provisioned (previous, state), totals[i].provisioned,
                             CHANGE_COUNT, state_sentiment (state));
    }
  if (n_states > LD_CARD_MODEL_MAX_FIGURES)
    set_figure (self, LD_CARD_MODEL_MAX_FIGURES - 1, _("Other states"),
                ld_chart_format_count (others_total), NULL, LD_FIGURE_TREND_NONE);

  /* Provisioned licences per month, piled up by state: the last series takes every
   * state the chart has no room for. */
  chart->trend.first_month = ld_result_get_from_month (result);
  chart->trend.n_months = n_months;
  chart->trend.n_series = n_series;
  chart->trend.bar_layout = LD_TREND_BARS_STACKED;
  /* What the states of a month add up to, last in its tooltip. */
  chart->trend.total_label = _("Provisioned");
  for (guint i = 0; i < n_series; i++)
    {
      gboolean rest = n_states > n_series && i == n_series - 1;
      guint64 *values = own_array (self, g_new0 (guint64, n_months));
      const char *state = ld_result_get_state (result, totals[i].index);

      for (guint k = i; k < (rest ? n_states : i + 1); k++)
        for (guint m = 0; m < n_months; m++)
          {
            LdStateFigures figures;

            ld_result_get_state_figures (result, totals[k].index, m, &figures);
            values[m] += figures.provisioned;
          }

      chart->trend.series[i] = (LdTrendSeries) {
        rest ? _("Other states") : own_string (self, g_strdup (ld_describe_state (state, NULL))),
        LD_TREND_SERIES_BARS,
        values,
        rest ? LD_CHART_COLOR_CATEGORY + STATE_COLOR_OTHERS : state_color (state, &used),
      };
    }
}

/* ---- a customer's page ------------------------------------------------------------- */

/* The headline figures of one customer against its previous period (SPEC §3, §4):
 * what the page opens with. Its table is the summary. */
static void
build_customer_overview (LdCardModel *self,
                         LdQuery     *query,
                         LdResult    *result)
{
  g_autoptr(LdResult) previous = run_previous (query, result);
  guint64 provisioned = result != NULL ? ld_result_get_provisioned (result) : 0;
  guint64 assigned = result != NULL ? ld_result_get_assigned (result) : 0;
  gint64 rate = result != NULL ? ld_result_get_assignment_rate (result) : 0;
  AdoptionTotals totals, before;
  guint n_products = 0;

  self->title = g_strdup (_("Overview"));
  adoption_totals (result, &totals);
  if (result != NULL)
    ld_result_get_products (result, &n_products);

  set_figure (self, 0, _("Provisioned"), ld_chart_format_count (provisioned), NULL, LD_FIGURE_TREND_NONE);
  set_figure (self, 1, _("Assigned"), ld_chart_format_count (assigned), NULL, LD_FIGURE_TREND_NONE);
  set_figure (self, 2, _("Assignment rate"), format_rate_of (rate, result != NULL ? ld_result_get_provisioned (result) : 0),
              NULL, LD_FIGURE_TREND_NONE);
  set_figure (self, 3, _("Unassigned licenses"), ld_chart_format_count (totals.unassigned),
              NULL, LD_FIGURE_TREND_NONE);
  set_figure (self, 4, _("Offers and plans"), ld_chart_format_count (n_products),
              NULL, LD_FIGURE_TREND_NONE);

  if (result != NULL && ld_result_has_previous (result))
    {
      g_autofree char *period = ld_describe_range (ld_result_get_previous_from_month (result),
                                                   ld_result_get_previous_to_month (result));

      /* TRANSLATORS: beside the title of a customer's overview: the months its
       * figures are compared with, "Compared with Dec 2025 – May 2026". */
      self->subtitle = g_strdup_printf (_("Compared with %s"), period);
      set_previous_change (self, 0, result, ld_result_get_previous_provisioned (result), provisioned,
                           CHANGE_COUNT, 1);
      set_previous_change (self, 1, result, ld_result_get_previous_assigned (result), assigned,
                           CHANGE_COUNT, 1);
      set_previous_change (self, 2, result, ld_result_get_previous_assignment_rate (result), rate,
                           CHANGE_POINTS, 1);
      if (previous != NULL)
        {
          adoption_totals (previous, &before);
          set_previous_change (self, 3, result, before.unassigned, totals.unassigned, CHANGE_COUNT, -1);
        }
    }
  else if (result != NULL)
    /* TRANSLATORS: beside the title of a customer's overview when the data holds
     * no months before the range to compare with (SPEC §3). */
    self->subtitle = g_strdup (_("No previous period in the data"));
}

static void
build_customer_trend (LdCardModel *self,
                      LdResult    *result)
{
  LdChart *chart;

  self->title = g_strdup (_("Licenses per month"));
  chart = add_chart (self, LD_CHART_TREND, NULL);
  fill_license_trend (self, &chart->trend, result);
}

static void
build_customer_products (LdCardModel *self,
                         LdResult    *result)
{
  g_autofree LdBarChartItem *items = g_new0 (LdBarChartItem, ANALYSIS_TOP_ITEMS + 1);
  const LdProductRow *rows = NULL;
  LdChart *bars;
  guint n = 0;

  self->title = g_strdup (_("Offers and plans"));
  if (result != NULL)
    rows = ld_result_get_products (result, &n);

  for (guint i = 0; i < n && i < ANALYSIS_TOP_ITEMS; i++)
    items[i] = (LdBarChartItem) { own_string (self, ld_describe_product_plan (&rows[i])),
                                  rows[i].provisioned, rows[i].assigned, FALSE };

  bars = add_chart (self, LD_CHART_BARS, NULL);
  fill_bars (self, &bars->bars, result, items, n, ANALYSIS_TOP_ITEMS);
}

static void
build_caption (LdCardModel *self,
               LdQuery     *query,
               LdResult    *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *filters = NULL;
  g_autofree char *joined = NULL;

  if (result == NULL)
    {
      self->caption = g_strdup ("");
      return;
    }

  g_ptr_array_add (parts, g_strdup (ld_report_get_display_name (ld_result_get_report (result))));
  g_ptr_array_add (parts, ld_describe_range (ld_result_get_from_month (result),
                                                          ld_result_get_to_month (result)));
  filters = ld_describe_filters (query, 0);
  g_ptr_array_add (parts, filters[0] != '\0' ? g_steal_pointer (&filters) : g_strdup (_("No filters")));
  g_ptr_array_add (parts, NULL);

  self->caption = g_strjoinv (" · ", (char **) parts->pdata);
}

static void
free_array (gpointer array)
{
  g_free (array);
}

static LdCardModel *
model_alloc (LdWidgetId widget)
{
  LdCardModel *self = g_new0 (LdCardModel, 1);

  self->widget = widget;
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->arrays = g_ptr_array_new_with_free_func (free_array);

  return self;
}

LdCardModel *
ld_card_model_new (LdQuery    *query,
                   LdResult   *result,
                   LdWidgetId  widget,
                   guint32     selected,
                   LdResult   *selected_result)
{
  LdCardModel *self;

  g_return_val_if_fail (query == NULL || LD_IS_QUERY (query), NULL);
  g_return_val_if_fail (widget < LD_N_WIDGETS && widget != LD_WIDGET_DATA, NULL);

  self = model_alloc (widget);

  switch (widget)
    {
    case LD_WIDGET_SUMMARY:
      build_summary (self, result);
      break;
    case LD_WIDGET_CUSTOMERS:
      build_customers (self, result);
      break;
    case LD_WIDGET_LICENSES:
      build_licenses (self, result);
      break;
    case LD_WIDGET_ANALYSIS_PRODUCTS:
    case LD_WIDGET_ANALYSIS_CUSTOMERS:
      build_analysis (self, query, result, widget == LD_WIDGET_ANALYSIS_PRODUCTS,
                      selected, selected_result);
      break;
    case LD_WIDGET_GEO:
      build_geo (self, query, result);
      break;
    case LD_WIDGET_ADOPTION:
      build_adoption (self, query, result);
      break;
    case LD_WIDGET_STATES:
      build_states (self, query, result);
      break;
    case LD_WIDGET_DATA:
    case LD_N_WIDGETS:
    default:
      g_assert_not_reached ();
    }

  build_caption (self, query, result);

  return self;
}

LdCardModel *
ld_card_model_new_for_customer (LdQuery    *query,
                                LdResult   *result,
                                LdWidgetId  widget,
                                const char *customer)
{
  LdCardModel *self;
  g_autofree char *filters = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (query == NULL || LD_IS_QUERY (query), NULL);
  g_return_val_if_fail (customer != NULL, NULL);

  self = model_alloc (widget);
  switch (widget)
    {
    case LD_WIDGET_SUMMARY:
      build_customer_overview (self, query, result);
      break;
    case LD_WIDGET_LICENSES:
      build_customer_trend (self, result);
      break;
    case LD_WIDGET_ANALYSIS_PRODUCTS:
      build_customer_products (self, result);
      break;
    case LD_WIDGET_STATES:
      build_states (self, query, result);
      break;
    case LD_WIDGET_CUSTOMERS:
    case LD_WIDGET_ANALYSIS_CUSTOMERS:
    case LD_WIDGET_GEO:
    case LD_WIDGET_ADOPTION:
    case LD_WIDGET_DATA:
    case LD_N_WIDGETS:
    default:
      g_return_val_if_reached (self);
    }

  if (result == NULL)
    {
      self->caption = g_strdup ("");
      return self;
    }

  /* The caption names the customer, which the query's filters do not. */
  filters = ld_describe_filters (query, 0);
  range = ld_describe_range (ld_result_get_from_month (result), ld_result_get_to_month (result));
  /* TRANSLATORS: the caption of a card of a customer's page: file, range, customer
   * and filters, "report.csv · Jun 2026 – Nov 2026 · Customer: Contoso (DE) · No filters". */
  self->caption = g_strdup_printf (_("%s · %s · Customer: %s · %s"),
                                   ld_report_get_display_name (ld_result_get_report (result)),
                                   range, customer,
                                   filters[0] != '\0' ? filters : _("No filters"));

  return self;
}

void
ld_card_model_free (LdCardModel *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_figures; i++)
    {
      g_free (self->figures[i].caption);
      g_free (self->figures[i].value);
      g_free (self->figures[i].change);
      g_free (self->figures[i].spoken_change);
    }
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->caption);
  g_ptr_array_unref (self->strings);
  g_ptr_array_unref (self->arrays);
  g_free (self);
}

const LdChart *
ld_card_model_get_chart (const LdCardModel *self,
                         LdChartKind        kind,
                         guint              nth)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->n_charts; i++)
    if (self->charts[i].kind == kind && nth-- == 0)
      return &self->charts[i];

  return NULL;
}

char *
ld_card_model_get_headline_text (const LdCardModel *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->n_figures; i++)
    {
      const LdCardFigure *figure = &self->figures[i];
      g_autofree char *change = NULL;
      g_autofree char *part = NULL;

      /* The arrows are drawn for the eye; a screen reader says the direction. */
      if (figure->spoken_change != NULL)
        change = g_strdup (figure->spoken_change);
      else if (figure->change != NULL && ld_figure_trend_get_direction (figure->trend) > 0)
        /* TRANSLATORS: a rise in a sentence a screen reader says, "up 12.5%". */
        change = g_strdup_printf (_("up %s"), figure->change);
      else if (figure->change != NULL && ld_figure_trend_get_direction (figure->trend) < 0)
        /* TRANSLATORS: a fall in a sentence a screen reader says, "down 3.0%". */
        change = g_strdup_printf (_("down %s"), figure->change);
      else
        change = g_strdup (figure->change);

      if (change != NULL && change[0] != '\0')
        /* TRANSLATORS: one headline figure in a sentence: caption, value, change:
         * "Provisioned: 1,234, up 12.5% compared with Dec 2025 – May 2026". */
        part = g_strdup_printf (_("%s: %s, %s"), figure->caption, figure->value, change);
      else
        /* TRANSLATORS: one headline figure in a sentence: "Customers: 1,234". */
        part = g_strdup_printf (_("%s: %s"), figure->caption, figure->value);

      if (text->len > 0)
        /* TRANSLATORS: separates the figures of a card's headline sentence. */
        g_string_append (text, _("; "));
      g_string_append (text, part);
    }

  if (text->len > 0)
    /* TRANSLATORS: ends a card's headline sentence. */
    g_string_append (text, _("."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
