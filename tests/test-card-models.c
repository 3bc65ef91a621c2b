/* test-card-models.c — Adoption, License states and a customer's page, without GTK
 *
 * The card models of SPEC §4.5 and §4.6 and of a customer's page, on the fixture
 * whose figures are worked by hand below; the stacked bars they draw with, and the
 * colours of the licence states, read back from pixels (suite "unit": no display).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ld-card-layout.h"
#include "ld-card-model.h"
#include "ld-chart-format.h"
#include "ld-loader.h"
#include "ld-test-pixels.h"
#include "ld-test-report.h"
#include "ld-trend-chart.h"

/* ld_test_fixture_csv (tests/util/ld-test-util.c), by customer, all time:
 *
 *   customer    provisioned  assigned  unassigned
 *   Contoso     16           8         8     (Jan a-Gold 10/5, Feb b-Basic 6/3)
 *   Northwind    8           0         8     (Mar b-Basic 0/8, Inactive)
 *   Fabrikam     9           5         4     (Jan a-Silver 4/1, Mar a-Gold 5/4)
 *   (US, blank)  2           2         0     (Feb a-Gold 2/2)
 *
 * Adoption: 20 unassigned licences over 3 customers; ties by name: Contoso before
 * Northwind. Assignment rate 15/35 = 42.86 %.
 * States: Active Jan 14, Feb 8, Mar 5 (27); Inactive Mar 8 (Northwind).
 *
 * March alone (previous period: February, which the data covers):
 *   Northwind 8 unassigned, Fabrikam 1 → 9 over 2 customers, rate 4/13 = 30.77 %;
 *   February: Contoso 3, (US) 0 → 3 over 1 customer, rate 5/8 = 62.50 %.
 *   States: Inactive 8 (Feb 0), Active 5 (Feb 8).
 */

/* The fixture, its query over All time and the result (ld-test-report.h). */
typedef LdTestQueryFixture Fixture;

static void
rerun (Fixture *f)
{
  g_clear_pointer (&f->result, ld_result_unref);
  f->result = ld_query_run (f->query);
}

static void
assert_figure (const LdCardModel *model,
               guint              index,
               const char        *caption,
               const char        *value,
               const char        *change,
               LdFigureTrend      trend)
{
  g_assert_cmpuint (index, <, model->n_figures);
  g_assert_cmpstr (model->figures[index].caption, ==, caption);
  g_assert_cmpstr (model->figures[index].value, ==, value);
  g_assert_cmpstr (model->figures[index].change, ==, change);
  g_assert_cmpint (model->figures[index].trend, ==, trend);
}

/* ---- Adoption -------------------------------------------------------------------- */

static void
test_adoption (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LdCardModel) model = ld_card_model_new (f->query, f->result, LD_WIDGET_ADOPTION,
                                                    LD_CARD_MODEL_NO_SELECTION, NULL);
  const LdChart *bars = ld_card_model_get_chart (model, LD_CHART_BARS, 0);
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (model->title, ==, "Adoption");
  g_assert_cmpuint (model->n_figures, ==, 3);
  /* All time has no previous period: no change lines. */
  assert_figure (model, 0, "Unassigned licenses", "20", NULL, LD_FIGURE_TREND_NONE);
  assert_figure (model, 1, "Customers with unassigned licenses", "3", NULL, LD_FIGURE_TREND_NONE);
  assert_figure (model, 2, "Assignment rate", "42.86%", NULL, LD_FIGURE_TREND_NONE);

  /* The idle customers ranked, the one using all it bought left off the chart; each
   * bar's share is of all the unassigned licences. */
  g_assert_nonnull (bars);
  g_assert_cmpstr (bars->title, ==, "Top customers by unassigned licenses");
  g_assert_cmpuint (bars->bars.n_items, ==, 3);
  g_assert_cmpstr (bars->bars.items[0].label, ==, "Contoso");
  g_assert_cmpuint (bars->bars.items[0].value, ==, 8);
  g_assert_cmpstr (bars->bars.items[1].label, ==, "Northwind");
  g_assert_cmpuint (bars->bars.items[1].value, ==, 8);
  g_assert_cmpstr (bars->bars.items[2].label, ==, "Fabrikam");
  g_assert_cmpuint (bars->bars.items[2].value, ==, 4);
  g_assert_cmpuint (bars->bars.total, ==, 20);
  text = ld_chart_get_text_alternative (bars);
  ld_test_assert_contains (text, "Contoso: Unassigned 8 (40.0%)");
  ld_test_assert_contains (text, "Fabrikam: Unassigned 4 (20.0%)");

  headline = ld_card_model_get_headline_text (model);
  g_assert_cmpstr (headline, ==, "Unassigned licenses: 20; Customers with unassigned licenses: 3; "
                                 "Assignment rate: 42.86%.");
  ld_test_assert_contains (model->caption, "fixture.csv");
}

/* March against February: more unassigned licences is bad news. */
static void
test_adoption_previous (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LdCardModel) model = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *change = NULL;

  ld_query_set_custom_range (f->query, LD_MONTH (2026, 3), LD_MONTH (2026, 3));
  rerun (f);
  g_assert_true (ld_result_has_previous (f->result));
  model = ld_card_model_new (f->query, f->result, LD_WIDGET_ADOPTION, LD_CARD_MODEL_NO_SELECTION, NULL);

  assert_figure (model, 0, "Unassigned licenses", "9", "200.0% vs Feb 2026", LD_FIGURE_TREND_UP_BAD);
  assert_figure (model, 1, "Customers with unassigned licenses", "2", "100.0% vs Feb 2026",
                 LD_FIGURE_TREND_UP_BAD);
  assert_figure (model, 2, "Assignment rate", "30.77%", "31.7 pts vs Feb 2026", LD_FIGURE_TREND_DOWN);

  change = ld_card_figure_get_change_text (&model->figures[0]);
  g_assert_cmpstr (change, ==, "▲ 200.0% vs Feb 2026");
  g_assert_cmpint (ld_figure_trend_get_direction (model->figures[0].trend), ==, 1);
  g_assert_cmpint (ld_figure_trend_get_sentiment (model->figures[0].trend), ==, -1);
  headline = ld_card_model_get_headline_text (model);
  ld_test_assert_contains (headline, "Unassigned licenses: 9, up 200.0% compared with Feb 2026");
  ld_test_assert_contains (headline, "Assignment rate: 30.77%, down 31.7 percentage points compared with Feb 2026");

  /* A filter applies to both periods: Austria → Fabrikam, 1 unassigned in March
   * and none in February (it had no row then). */
  ld_query_add_filter_value (f->query, LD_DIM_COUNTRY, "AT");
  rerun (f);
  g_clear_pointer (&model, ld_card_model_free);
  model = ld_card_model_new (f->query, f->result, LD_WIDGET_ADOPTION, LD_CARD_MODEL_NO_SELECTION, NULL);
  assert_figure (model, 0, "Unassigned licenses", "1", "+1 vs Feb 2026", LD_FIGURE_TREND_UP_BAD);
}

/* ---- License states -------------------------------------------------------------- */

static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LdCardModel) model = ld_card_model_new (f->query, f->result, LD_WIDGET_STATES,
                                                    LD_CARD_MODEL_NO_SELECTION, NULL);
  const LdChart *chart = ld_card_model_get_chart (model, LD_CHART_TREND, 0);
  static const guint64 active[] = { 14, 8, 5 };
  static const guint64 inactive[] = { 0, 0, 8 };
  g_autofree char *march = NULL;

  g_assert_cmpstr (model->title, ==, "License states");
  g_assert_cmpuint (model->n_figures, ==, 2);
  assert_figure (model, 0, "Active", "27", NULL, LD_FIGURE_TREND_NONE);
  assert_figure (model, 1, "Inactive", "8", NULL, LD_FIGURE_TREND_NONE);

  /* Provisioned per month stacked by state, the largest state at the bottom; the
   * months add up to the Licenses card's. */
  g_assert_nonnull (chart);
  g_assert_cmpint (chart->trend.bar_layout, ==, LD_TREND_BARS_STACKED);
  g_assert_cmpint (chart->trend.first_month, ==, LD_MONTH (2026, 1));
  g_assert_cmpuint (chart->trend.n_months, ==, 3);
  g_assert_cmpuint (chart->trend.n_series, ==, 2);
  g_assert_cmpstr (chart->trend.series[0].label, ==, "Active");
  g_assert_cmpstr (chart->trend.series[1].label, ==, "Inactive");
  for (guint m = 0; m < 3; m++)
    {
      g_assert_cmpuint (chart->trend.series[0].values[m], ==, active[m]);
      g_assert_cmpuint (chart->trend.series[1].values[m], ==, inactive[m]);
      g_assert_cmpuint (active[m] + inactive[m], ==, ld_result_get_month_provisioned (f->result)[m]);
    }
  g_assert_cmpint (chart->trend.series[0].color, ==, LD_CHART_COLOR_CATEGORY + 0);
  g_assert_cmpint (chart->trend.series[1].color, ==, LD_CHART_COLOR_CATEGORY + 1);

  march = ld_chart_get_item_summary (chart, 2);
  g_assert_cmpstr (march, ==, "March 2026\nActive: 5\nInactive: 8\nProvisioned: 13");
}

/* March against February: licences going inactive is bad news, active ones falling too. */
static void
test_states_previous (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LdCardModel) model = NULL;

  ld_query_set_custom_range (f->query, LD_MONTH (2026, 3), LD_MONTH (2026, 3));
  rerun (f);
  model = ld_card_model_new (f->query, f->result, LD_WIDGET_STATES, LD_CARD_MODEL_NO_SELECTION, NULL);

  assert_figure (model, 0, "Inactive", "8", "+8 vs Feb 2026", LD_FIGURE_TREND_UP_BAD);
  assert_figure (model, 1, "Active", "5", "37.5% vs Feb 2026", LD_FIGURE_TREND_DOWN);
  /* The order follows the range's totals, the colours follow the names. */
  g_assert_cmpstr (model->charts[0].trend.series[0].label, ==, "Inactive");
  g_assert_cmpint (model->charts[0].trend.series[0].color, ==, LD_CHART_COLOR_CATEGORY + 1);
  g_assert_cmpint (model->charts[0].trend.series[1].color, ==, LD_CHART_COLOR_CATEGORY + 0);
}

/* A report of its own: a blank state, names the app does not know, and more states
 * than a chart has series for. */
static LdReport *
load_states_report (guint n_extra)
{
  g_autoptr(GString) csv = g_string_new ("CustomerName,CustomerCountryCode,ActivationDate,ProductId,"
                                         "LicenseState,LicensesAssigned,LicensesProvisioned\n");
  g_autoptr(GError) error = NULL;
  LdReport *report;

  g_string_append (csv, "A,DE,2026-01-05,p,Active,1,40\n");
  g_string_append (csv, "B,DE,2026-01-06,p,,0,30\n");
  g_string_append (csv, "C,DE,2026-02-07,p,Pending,0,20\n");
  for (guint i = 0; i < n_extra; i++)
    g_string_append_printf (csv, "X%u,FR,2026-02-08,p,State %02u,0,%u\n", i, i, 10 - i % 10);

  report = ld_loader_load_data (csv->str, csv->len, "states.csv", &error);
  g_assert_no_error (error);
  return report;
}

static const LdTrendSeries *
series_named (const LdChart *chart,
              const char    *label)
{
  for (guint i = 0; i < chart->trend.n_series; i++)
    if (g_strcmp0 (chart->trend.series[i].label, label) == 0)
      return &chart->trend.series[i];

  return NULL;
}

static void
test_states_open_set (void)
{
  LdChartColorIndex pending_color = 0;

  for (guint n_extra = 0; n_extra <= 12; n_extra += 12)
    {
      g_autoptr(LdReport) report = load_states_report (n_extra);
      g_autoptr(LdQuery) query = ld_query_new (report);
      g_autoptr(LdResult) result = NULL;
      g_autoptr(LdCardModel) model = NULL;
      const LdChart *chart;
      const LdTrendSeries *series;
      guint used = 0;

      ld_query_set_range_preset (query, LD_RANGE_ALL);
      result = ld_query_run (query);
      model = ld_card_model_new (query, result, LD_WIDGET_STATES, LD_CARD_MODEL_NO_SELECTION, NULL);
      chart = ld_card_model_get_chart (model, LD_CHART_TREND, 0);

      /* A blank state is labelled, and keeps its grey whatever else is there. */
      series = series_named (chart, "Not stated");
      g_assert_nonnull (series);
      g_assert_cmpint (series->color, ==, LD_CHART_COLOR_CATEGORY + 5);
      g_assert_cmpuint (series->values[0], ==, 30);
      series = series_named (chart, "Active");
      g_assert_nonnull (series);
      g_assert_cmpint (series->color, ==, LD_CHART_COLOR_CATEGORY + 0);

      /* A state the app does not know gets one of the free colours by its name:
       * the same with 12 more states as without them. */
      series = series_named (chart, "Pending");
      g_assert_nonnull (series);
      g_assert_cmpint (series->color, >=, LD_CHART_COLOR_CATEGORY + 6);
      if (n_extra == 0)
        pending_color = series->color;
      else
        g_assert_cmpint (series->color, ==, pending_color);

      /* No two series share a colour. */
      for (guint i = 0; i < chart->trend.n_series; i++)
        {
          guint bit = 1u << (chart->trend.series[i].color - LD_CHART_COLOR_CATEGORY);

          g_assert_cmpuint (used & bit, ==, 0);
          used |= bit;
        }

      if (n_extra == 0)
        {
          g_assert_cmpuint (chart->trend.n_series, ==, 3);
          g_assert_cmpuint (model->n_figures, ==, 3);
          assert_figure (model, 1, "Not stated", "30", NULL, LD_FIGURE_TREND_NONE);
        }
      else
        {
          guint64 sum = 0;

          /* 15 states, one colour each for ten: the chart's last series holds the
           * five it has no colour for, and the headline the states after the first
           * four. */
          g_assert_cmpuint (chart->trend.n_series, ==, LD_CHART_N_CATEGORIES);
          series = &chart->trend.series[LD_CHART_N_CATEGORIES - 1];
          g_assert_cmpstr (series->label, ==, "Other states");
          g_assert_cmpint (series->color, ==, LD_CHART_COLOR_CATEGORY + LD_CHART_N_CATEGORIES - 1);
          for (guint i = 0; i < chart->trend.n_series; i++)
            sum += chart->trend.series[i].values[0] + chart->trend.series[i].values[1];
          g_assert_cmpuint (sum, ==, ld_result_get_provisioned (result));
          g_assert_cmpuint (model->n_figures, ==, LD_CARD_MODEL_MAX_FIGURES);
          g_assert_cmpstr (model->figures[LD_CARD_MODEL_MAX_FIGURES - 1].caption, ==, "Other states");
        }
    }
}

/* No rows in the range: a zero, an empty chart, no crash. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  static const LdWidgetId widgets[] = { LD_WIDGET_ADOPTION, LD_WIDGET_STATES };

  ld_query_set_custom_range (f->query, LD_MONTH (2020, 1), LD_MONTH (2020, 3));
  rerun (f);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_autoptr(LdCardModel) model = ld_card_model_new (f->query, f->result, widgets[i],
                                                        LD_CARD_MODEL_NO_SELECTION, NULL);
      g_autoptr(LdCardModel) none = ld_card_model_new (NULL, NULL, widgets[i],
                                                       LD_CARD_MODEL_NO_SELECTION, NULL);
      g_autoptr(GBytes) png = ld_card_layout_png (model, 600, 1, NULL);

      g_assert_cmpstr (model->figures[0].value, ==, "0");
      g_assert_cmpstr (none->figures[0].value, ==, "0");
      g_assert_nonnull (png);
    }
}

/* ---- a customer's page ----------------------------------------------------------- */

static guint32
customer_id (LdResult   *result,
             const char *name)
{
  const LdCustomerRow *rows;
  guint n;

  rows = ld_result_get_customers_table (result, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (rows[i].name, name) == 0)
      return rows[i].customer;

  g_assert_not_reached ();
}

static void
test_customer (Fixture       *f,
               gconstpointer  data)
{
  guint32 contoso = customer_id (f->result, "Contoso");
  g_autoptr(LdQuery) query = ld_card_model_copy_query (f->query);
  g_autoptr(LdResult) result = NULL;
  g_autoptr(LdCardModel) overview = NULL;
  g_autoptr(LdCardModel) trend = NULL;
  g_autoptr(LdCardModel) products = NULL;
  g_autoptr(LdCardModel) states = NULL;
  const LdChart *chart;

  ld_query_set_customer_only (query, contoso);
  result = ld_query_run (query);

  /* All time: 16 provisioned, 8 assigned, 50 %, 8 unassigned, two offers and plans. */
  overview = ld_card_model_new_for_customer (query, result, LD_WIDGET_SUMMARY, "Contoso (DE)");
  g_assert_cmpstr (overview->title, ==, "Overview");
  g_assert_cmpstr (overview->subtitle, ==, "No previous period in the data");
  assert_figure (overview, 0, "Provisioned", "16", NULL, LD_FIGURE_TREND_NONE);
  assert_figure (overview, 1, "Assigned", "8", NULL, LD_FIGURE_TREND_NONE);
  assert_figure (overview, 2, "Assignment rate", "50.00%", NULL, LD_FIGURE_TREND_NONE);
  assert_figure (overview, 3, "Unassigned licenses", "8", NULL, LD_FIGURE_TREND_NONE);
  assert_figure (overview, 4, "Offers and plans", "2", NULL, LD_FIGURE_TREND_NONE);
  g_assert_cmpstr (overview->caption, ==, "fixture.csv · Jan 2026 – Mar 2026 · Customer: Contoso (DE) · No filters");

  /* Its months: 10 in January, 6 in February, none in March. */
  trend = ld_card_model_new_for_customer (query, result, LD_WIDGET_LICENSES, "Contoso (DE)");
  chart = ld_card_model_get_chart (trend, LD_CHART_TREND, 0);
  g_assert_cmpuint (trend->n_figures, ==, 0);
  g_assert_cmpuint (chart->trend.n_months, ==, 3);
  g_assert_cmpuint (chart->trend.series[0].values[0], ==, 10);
  g_assert_cmpuint (chart->trend.series[0].values[1], ==, 6);
  g_assert_cmpuint (chart->trend.series[0].values[2], ==, 0);
  g_assert_cmpuint (chart->trend.series[1].values[0], ==, 5);

  /* Its offers and plans: a-Gold 10, b-Basic 6; shares of its own 16. */
  products = ld_card_model_new_for_customer (query, result, LD_WIDGET_ANALYSIS_PRODUCTS, "Contoso (DE)");
  chart = ld_card_model_get_chart (products, LD_CHART_BARS, 0);
  g_assert_cmpuint (chart->bars.n_items, ==, 2);
  g_assert_cmpstr (chart->bars.items[0].label, ==, "Sales Hub · Gold");
  g_assert_cmpuint (chart->bars.items[0].value, ==, 10);
  g_assert_cmpstr (chart->bars.items[1].label, ==, "Insights · Basic");
  g_assert_cmpuint (chart->bars.total, ==, 16);
  g_assert_null (ld_card_model_get_chart (products, LD_CHART_TREND, 0));

  states = ld_card_model_new_for_customer (query, result, LD_WIDGET_STATES, "Contoso (DE)");
  assert_figure (states, 0, "Active", "16", NULL, LD_FIGURE_TREND_NONE);
  g_assert_cmpuint (states->n_figures, ==, 1);
}

/* February against January, the customer's own: 6 vs 10 provisioned, 3 vs 5
 * assigned and unassigned, the rate 50 % both times. */
static void
test_customer_previous (Fixture       *f,
                        gconstpointer  data)
{
  guint32 contoso = customer_id (f->result, "Contoso");
  g_autoptr(LdQuery) query = ld_card_model_copy_query (f->query);
  g_autoptr(LdResult) result = NULL;
  g_autoptr(LdCardModel) overview = NULL;

  ld_query_set_custom_range (query, LD_MONTH (2026, 2), LD_MONTH (2026, 2));
  ld_query_set_customer_only (query, contoso);
  result = ld_query_run (query);
  overview = ld_card_model_new_for_customer (query, result, LD_WIDGET_SUMMARY, "Contoso (DE)");

  g_assert_cmpstr (overview->subtitle, ==, "Compared with Jan 2026");
  assert_figure (overview, 0, "Provisioned", "6", "40.0% vs Jan 2026", LD_FIGURE_TREND_DOWN);
  assert_figure (overview, 1, "Assigned", "3", "40.0% vs Jan 2026", LD_FIGURE_TREND_DOWN);
  assert_figure (overview, 2, "Assignment rate", "50.00%", "No change vs Jan 2026", LD_FIGURE_TREND_NONE);
  assert_figure (overview, 3, "Unassigned licenses", "3", "40.0% vs Jan 2026", LD_FIGURE_TREND_DOWN_GOOD);
  assert_figure (overview, 4, "Offers and plans", "1", NULL, LD_FIGURE_TREND_NONE);
}

/* ---- the colours and the stacked bars -------------------------------------------- */

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const LdChartColor *c)
{
  return 0.2126 * channel (c->r) + 0.7152 * channel (c->g) + 0.0722 * channel (c->b);
}

static double
contrast (const LdChartColor *a,
          const LdChartColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Every state colour stands 3:1 off the card (WCAG 2.1 §1.4.11) in light and dark,
 * and no two look alike. */
static void
test_palette (void)
{
  for (guint d = 0; d < 2; d++)
    {
      LdChartTheme theme;

      ld_chart_theme_init (&theme, d, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
      for (guint i = 0; i < LD_CHART_N_CATEGORIES; i++)
        {
          const LdChartColor *c = ld_chart_theme_get_color (&theme, LD_CHART_COLOR_CATEGORY + i);

          g_test_message ("%s category %u: contrast %.2f", d ? "dark" : "light", i,
                          contrast (c, &theme.background));
          g_assert_cmpfloat (contrast (c, &theme.background), >=, 3.0);
          for (guint k = 0; k < i; k++)
            {
              const LdChartColor *o = &theme.categories[k];
              double distance = fabs (c->r - o->r) + fabs (c->g - o->g) + fabs (c->b - o->b);

              g_assert_cmpfloat (distance, >, 0.25);
            }
        }
      /* The series colours are reached the same way. */
      g_assert_true (ld_chart_theme_get_color (&theme, LD_CHART_COLOR_SECONDARY)
                     == &theme.series[LD_CHART_COLOR_SECONDARY]);
    }
}

/* The rows of column @x in @color between @y0 and @y1: how many, the first and the last. */
static guint
run_of (cairo_surface_t    *surface,
        int                 x,
        int                 y0,
        int                 y1,
        const LdChartColor *color,
        int                *first,
        int                *last)
{
  guint n = 0;

  *first = *last = -1;
  for (int y = y0; y < y1; y++)
    if (ld_test_pixel_is (ld_test_pixel_at (surface, x, y), color, 6))
      {
        if (*first < 0)
          *first = y;
        *last = y;
        n++;
      }

  return n;
}

static void
test_stacked_bars (void)
{
  static const guint64 bottom[] = { 40, 0, 10 };
  static const guint64 top[] = { 20, 30, 0 };

  for (guint d = 0; d < 2; d++)
    {
      LdTrendChartData data;
      LdChartTheme theme;
      cairo_surface_t *surface;
      cairo_t *cr;
      const int w = 600, h = 400;
      const LdChartColor *c0, *c1;

      ld_trend_chart_data_init (&data);
      data.first_month = LD_MONTH (2026, 1);
      data.n_months = 3;
      data.n_series = 2;
      data.bar_layout = LD_TREND_BARS_STACKED;
      data.series[0] = (LdTrendSeries) { "Active", LD_TREND_SERIES_BARS, bottom, LD_CHART_COLOR_CATEGORY + 0 };
      data.series[1] = (LdTrendSeries) { "Suspended", LD_TREND_SERIES_BARS, top, LD_CHART_COLOR_CATEGORY + 2 };

      ld_chart_theme_init (&theme, d, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
      c0 = &theme.categories[0];
      c1 = &theme.categories[2];
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cr = cairo_create (surface);
      ld_trend_chart_draw (cr, w, h, &data, &theme);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (guint m = 0; m < 3; m++)
        {
          cairo_rectangle_t area;
          int x, f0, l0, f1, l1;
          guint n0, n1;

          g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, m, &area));
          x = (int) (area.x + area.width / 2);
          n0 = run_of (surface, x, (int) area.y - 4, (int) (area.y + area.height) + 1, c0, &f0, &l0);
          n1 = run_of (surface, x, (int) area.y - 4, (int) (area.y + area.height) + 1, c1, &f1, &l1);

          g_assert_cmpuint (n0 > 0, ==, bottom[m] > 0);
          g_assert_cmpuint (n1 > 0, ==, top[m] > 0);
          if (bottom[m] > 0 && top[m] > 0)
            {
              /* The second series sits on the first, a hairline apart, each as tall
               * as its value: 40 and 20 make 2:1. */
              g_assert_cmpint (l1, <, f0);
              g_assert_cmpint (f0 - l1, >=, 2);
              g_assert_cmpint (f0 - l1, <=, 3);
              g_assert_cmpfloat (fabs ((double) n0 / (n1 + 1) - 2.0), <, 0.2);
            }
        }

      /* The tallest bar is the sum: with the axis at 40, January's 60 would
       * reach far above the plot. */
      {
        cairo_rectangle_t jan;
        int f, l;

        g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, 0, &jan));
        run_of (surface, (int) (jan.x + jan.width / 2), 0, h, c1, &f, &l);
        g_assert_cmpint (f, >=, (int) jan.y - 1);
      }

      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The figures above are worked in English. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, ld_test_query_fixture_setup, (func), ld_test_query_fixture_teardown)
  ADD ("/card-models/adoption", test_adoption);
  ADD ("/card-models/adoption/previous", test_adoption_previous);
  ADD ("/card-models/states", test_states);
  ADD ("/card-models/states/previous", test_states_previous);
  g_test_add_func ("/card-models/states/open-set", test_states_open_set);
  ADD ("/card-models/empty", test_empty);
  ADD ("/card-models/customer", test_customer);
  ADD ("/card-models/customer/previous", test_customer_previous);
  g_test_add_func ("/card-models/palette", test_palette);
  g_test_add_func ("/card-models/stacked-bars", test_stacked_bars);
#undef ADD

  return g_test_run ();
}
