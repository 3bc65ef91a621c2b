/* test-export.c — cards and the dashboard report as PDF and PNG, with no display
 *
 * Everything here is GTK-free (suite "unit"): the card content, the renderer, the
 * atomic save and the command line's --format pdf|png, run without DISPLAY. PDFs
 * are read back with pdftotext and pdfinfo (poppler-utils); without them those
 * checks are skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ld-card-model.h"
#include "ld-card-layout.h"
#include "ld-dashboard-report.h"
#include "ld-document.h"
#include "ld-file-save.h"
#include "ld-chart-format.h"
#include "ld-loader.h"
#include "ld-test-pixels.h"
#include "ld-test-report.h"

/* ld_test_fixture_csv, with the figures worked by hand in tests/util/ld-test-util.c:
 *
 * All time (Jan–Mar 2026): 4 customers; provisioned 35, assigned 15, rate 42.86 %.
 * Months: provisioned 14, 8, 13; assigned 6, 5, 4; active customers 2, 2, 2, of
 * whom new (SPEC v2: first row ever) 2, 1 (US), 1 (Northwind); cumulative 2, 3, 4. Products: a-Gold 17 (top share 48.57 %), b-Basic 14,
 * a-Silver 4. Customers: Contoso 16 (45.71 %), Fabrikam 9, Northwind 8, (US) 2.
 * Countries: DE 16 (45.71 %), AT 9, "" 8, US 2.
 */
/* The fixture, its query over All time and the result (ld-test-report.h). */
typedef LdTestQueryFixture Fixture;

/* ---- helpers --------------------------------------------------------------------- */

static char *
write_temp (GBytes     *bytes,
            const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-export-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* "Pages:" and "Page size:" of pdfinfo. */
static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint pages = 0;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
      if (g_str_has_prefix (lines[i], "Page size:") && width != NULL && height != NULL)
        g_assert_cmpint (sscanf (lines[i] + strlen ("Page size:"), " %lf x %lf", width, height), ==, 2);
    }

  return pages;
}

/* pdftotext may break a line where the layout wrapped it; compare without blanks. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static void
assert_pdf_has_card (const char          *text,
                     const LdCardModel *content)
{
  g_autofree char *flat = squeeze (text);

  ld_test_assert_contains (text, content->title);
  for (guint i = 0; i < content->n_figures; i++)
    {
      g_autofree char *value = squeeze (content->figures[i].value);
      g_autofree char *caption = squeeze (content->figures[i].caption);

      ld_test_assert_contains (flat, value);
      ld_test_assert_contains (flat, caption);
    }
}

static cairo_status_t
read_from_bytes (void          *closure,
                 unsigned char *data,
                 unsigned int   length)
{
  GInputStream *stream = closure;

  return g_input_stream_read_all (stream, data, length, NULL, NULL, NULL) ? CAIRO_STATUS_SUCCESS
                                                                         : CAIRO_STATUS_READ_ERROR;
}

static cairo_surface_t *
decode_png (GBytes *png)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);

  return cairo_image_surface_create_from_png_stream (read_from_bytes, stream);
}

/* Share of pixels that are not the white background: a blank image has none. */
static double
inked_share (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint64 inked = 0;

  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        inked += (row[x] & 0xffffff) != 0xffffff;
    }

  return (double) inked / ((double) w * h);
}

/* ---- content --------------------------------------------------------------------- */

static void
assert_figure (const LdCardModel *content,
               guint                index,
               const char          *caption,
               const char          *value,
               const char          *change)
{
  g_assert_cmpuint (index, <, content->n_figures);
  if (caption != NULL)
    g_assert_cmpstr (content->figures[index].caption, ==, caption);
  g_assert_cmpstr (content->figures[index].value, ==, value);
  g_assert_cmpstr (content->figures[index].change, ==, change);
}

static void
test_content_figures (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LdCardModel) customers = ld_card_model_new (f->query, f->result, LD_WIDGET_CUSTOMERS,
                                                            LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(LdCardModel) licenses = ld_card_model_new (f->query, f->result, LD_WIDGET_LICENSES,
                                                           LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(LdCardModel) products = ld_card_model_new (f->query, f->result, LD_WIDGET_ANALYSIS_PRODUCTS,
                                                           LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(LdCardModel) by_customer = ld_card_model_new (f->query, f->result, LD_WIDGET_ANALYSIS_CUSTOMERS,
                                                              LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(LdCardModel) geo = ld_card_model_new (f->query, f->result, LD_WIDGET_GEO,
                                                      LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(LdCardModel) summary = ld_card_model_new (f->query, f->result, LD_WIDGET_SUMMARY,
                                                          LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autofree char *rate = ld_chart_format_rate (4286);
  g_autofree char *top_product = ld_chart_format_rate (4857);
  g_autofree char *top_share = ld_chart_format_rate (4571);
  g_autofree char *headline = NULL;
  const LdChart *chart;

  /* All time has no previous period: no change lines. */
  g_assert_cmpstr (customers->title, ==, "Customers");
  assert_figure (customers, 0, "Customers", "4", NULL);
  g_assert_cmpint (customers->figures[0].trend, ==, LD_FIGURE_TREND_NONE);
  assert_figure (customers, 1, "New customers", "4", NULL);

  /* New and returning customers stacked (their sum the active ones), the
   * cumulative customers as a line: new 2, 1, 1; returning 0, 1, 1; cumulative 2, 3, 4. */
  chart = ld_card_model_get_chart (customers, LD_CHART_TREND, 0);
  g_assert_nonnull (chart);
  g_assert_cmpuint (chart->trend.n_months, ==, 3);
  g_assert_cmpint (chart->trend.bar_layout, ==, LD_TREND_BARS_STACKED);
  g_assert_cmpstr (chart->trend.total_label, ==, "Active customers");
  g_assert_cmpuint (chart->trend.n_series, ==, 3);
  g_assert_cmpstr (chart->trend.series[0].label, ==, "New customers");
  g_assert_cmpint (chart->trend.series[0].kind, ==, LD_TREND_SERIES_BARS);
  g_assert_cmpstr (chart->trend.series[1].label, ==, "Returning customers");
  g_assert_cmpint (chart->trend.series[1].kind, ==, LD_TREND_SERIES_BARS);
  g_assert_cmpstr (chart->trend.series[2].label, ==, "Cumulative customers");
  g_assert_cmpint (chart->trend.series[2].kind, ==, LD_TREND_SERIES_LINE);
  {
    const guint64 new_customers[] = { 2, 1, 1 }, returning[] = { 0, 1, 1 }, cumulative[] = { 2, 3, 4 };

    for (guint m = 0; m < 3; m++)
      {
        g_assert_cmpuint (chart->trend.series[0].values[m], ==, new_customers[m]);
        g_assert_cmpuint (chart->trend.series[1].values[m], ==, returning[m]);
        g_assert_cmpuint (chart->trend.series[2].values[m], ==, cumulative[m]);
      }
  }

  assert_figure (licenses, 0, "Provisioned", "35", NULL);
  assert_figure (licenses, 1, "Assigned", "15", NULL);
  assert_figure (licenses, 2, "Assignment rate", rate, NULL);
  g_assert_false (licenses->wide);

  assert_figure (products, 0, "Products and plans", "3", NULL);
  assert_figure (products, 1, NULL, top_product, "Sales Hub · Gold");
  chart = ld_card_model_get_chart (products, LD_CHART_BARS, 0);
  g_assert_cmpuint (chart->bars.n_items, ==, 3);
  g_assert_cmpuint (chart->bars.items[0].value, ==, 17);
  g_assert_true (products->wide);

  assert_figure (by_customer, 0, "Customers", "4", NULL);
  assert_figure (by_customer, 1, NULL, top_share, "Contoso");
  chart = ld_card_model_get_chart (by_customer, LD_CHART_BARS, 0);
  g_assert_cmpstr (chart->bars.items[3].label, ==, "Name not shared");

  assert_figure (geo, 0, "Countries", "4", NULL);
  assert_figure (geo, 1, NULL, top_share, "Germany");
  chart = ld_card_model_get_chart (geo, LD_CHART_MAP, 0);
  g_assert_nonnull (chart);
  g_assert_cmpuint (chart->map.n_items, ==, 4);
  g_assert_nonnull (ld_card_model_get_chart (geo, LD_CHART_BARS, 0));

  assert_figure (summary, 0, "Customers", "4", NULL);
  assert_figure (summary, 4, "Rows", "6", NULL);

  /* The caption names the file, the range and the filters. */
  ld_test_assert_contains (licenses->caption, "fixture.csv");
  ld_test_assert_contains (licenses->caption, "Jan 2026");
  ld_test_assert_contains (licenses->caption, "Mar 2026");
  ld_test_assert_contains (licenses->caption, "No filters");

  headline = ld_card_model_get_headline_text (licenses);
  g_assert_cmpstr (headline, ==, "Provisioned: 35; Assigned: 15; Assignment rate: 42.86%.");
}

/* The runs of @f's query over @from … @to (custom months). */
static LdResult *
run_range (Fixture *f,
           int      from,
           int      to)
{
  ld_query_set_custom_range (f->query, from, to);
  return ld_query_run (f->query);
}

/* Every headline figure's change is against the previous period of SPEC §3, named,
 * and absent where there is none. */
static void
test_content_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LdResult) march = run_range (f, LD_MONTH (2026, 3), LD_MONTH (2026, 3));
  g_autoptr(LdCardModel) customers = ld_card_model_new (f->query, march, LD_WIDGET_CUSTOMERS,
                                                        LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(LdCardModel) licenses = ld_card_model_new (f->query, march, LD_WIDGET_LICENSES,
                                                       LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(LdCardModel) summary = ld_card_model_new (f->query, march, LD_WIDGET_SUMMARY,
                                                      LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(LdResult) austria = NULL;
  g_autoptr(LdResult) early = NULL;
  g_autoptr(LdCardModel) model = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *change = NULL;

  /* March against February: customers 2 and 2 (Northwind and Fabrikam, Contoso and
   * the US), new 1 (Northwind); provisioned 8 → 13, assigned 5 → 4, rate
   * 62.50 % → 30.77 %. */
  g_assert_true (ld_result_has_previous (march));
  assert_figure (customers, 0, "Customers", "2", "No change vs Feb 2026");
  g_assert_cmpint (customers->figures[0].trend, ==, LD_FIGURE_TREND_NONE);
  assert_figure (customers, 1, "New customers", "1", NULL);
  assert_figure (licenses, 0, "Provisioned", "13", "62.5% vs Feb 2026");
  g_assert_cmpint (licenses->figures[0].trend, ==, LD_FIGURE_TREND_UP);
  assert_figure (licenses, 1, "Assigned", "4", "20.0% vs Feb 2026");
  g_assert_cmpint (licenses->figures[1].trend, ==, LD_FIGURE_TREND_DOWN);
  assert_figure (licenses, 2, "Assignment rate", "30.77%", "31.7 pts vs Feb 2026");
  g_assert_cmpint (licenses->figures[2].trend, ==, LD_FIGURE_TREND_DOWN);
  change = ld_card_figure_get_change_text (&licenses->figures[0]);
  g_assert_cmpstr (change, ==, "▲ 62.5% vs Feb 2026");

  headline = ld_card_model_get_headline_text (licenses);
  g_assert_cmpstr (headline, ==, "Provisioned: 13, up 62.5% compared with Feb 2026; "
                                 "Assigned: 4, down 20.0% compared with Feb 2026; "
                                 "Assignment rate: 30.77%, down 31.7 percentage points compared with Feb 2026.");
  g_clear_pointer (&headline, g_free);
  headline = ld_card_model_get_headline_text (customers);
  g_assert_cmpstr (headline, ==, "Customers: 2, no change compared with Feb 2026; New customers: 1.");

  /* The summary card compares the same four figures; rows are not compared. */
  assert_figure (summary, 0, "Customers", "2", "No change vs Feb 2026");
  assert_figure (summary, 1, "Provisioned", "13", "62.5% vs Feb 2026");
  assert_figure (summary, 2, "Assigned", "4", "20.0% vs Feb 2026");
  assert_figure (summary, 3, "Assignment rate", "30.77%", "31.7 pts vs Feb 2026");
  assert_figure (summary, 4, "Rows", "2", NULL);

  /* Austria in March against an Austrian February with no rows: the data covers
   * February, so it is a real comparison with nothing — a rise of +1 customer and
   * +5 licences, not a percentage of zero; a rate had February none to compare with. */
  ld_query_add_filter_value (f->query, LD_DIM_COUNTRY, "AT");
  austria = run_range (f, LD_MONTH (2026, 3), LD_MONTH (2026, 3));
  g_assert_true (ld_result_has_previous (austria));
  model = ld_card_model_new (f->query, austria, LD_WIDGET_LICENSES, LD_CARD_MODEL_NO_SELECTION, NULL);
  assert_figure (model, 0, "Provisioned", "5", "+5 vs Feb 2026");
  g_assert_cmpint (model->figures[0].trend, ==, LD_FIGURE_TREND_UP);
  assert_figure (model, 2, "Assignment rate", "80.00%", NULL);
  g_clear_pointer (&model, ld_card_model_free);
  model = ld_card_model_new (f->query, austria, LD_WIDGET_CUSTOMERS, LD_CARD_MODEL_NO_SELECTION, NULL);
  assert_figure (model, 0, "Customers", "1", "+1 vs Feb 2026");
  g_clear_pointer (&model, ld_card_model_free);
  ld_query_clear_all_filters (f->query);

  /* February and March against December and January: December is before the
   * data's first month, so there is no previous period and no change line. */
  early = run_range (f, LD_MONTH (2026, 2), LD_MONTH (2026, 3));
  g_assert_false (ld_result_has_previous (early));
  for (LdWidgetId w = LD_WIDGET_SUMMARY; w <= LD_WIDGET_LICENSES; w++)
    {
      model = ld_card_model_new (f->query, early, w, LD_CARD_MODEL_NO_SELECTION, NULL);
      for (guint i = 0; i < model->n_figures; i++)
        {
          g_assert_null (model->figures[i].change);
          g_assert_null (model->figures[i].spoken_change);
        }
      g_clear_pointer (&model, ld_card_model_free);
    }
}

static void
test_content_filters_and_selection (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(LdResult) result = NULL;
  g_autoptr(LdCardModel) content = NULL;
  g_autoptr(LdCardModel) selected = NULL;
  const LdProductRow *rows;
  const LdChart *trend;
  guint n;

  ld_query_add_filter_value (f->query, LD_DIM_COUNTRY, "DE");
  ld_query_add_filter_value (f->query, LD_DIM_COUNTRY, "AT");
  ld_query_add_filter_value (f->query, LD_DIM_STATE, "Active");
  result = ld_query_run (f->query);

  content = ld_card_model_new (f->query, result, LD_WIDGET_GEO, LD_CARD_MODEL_NO_SELECTION, NULL);
  ld_test_assert_contains (content->caption, "Country/region: DE, AT");
  ld_test_assert_contains (content->caption, "License state: Active");
  g_assert_cmpstr (ld_card_model_get_chart (content, LD_CHART_MAP, 0)->map.selected[1], ==, "AT");

  /* A selected Analysis row: the trend is that row's, counted under the same filters. */
  rows = ld_result_get_products (result, &n);
  g_assert_cmpuint (n, >, 1);
  selected = ld_card_model_new (f->query, result, LD_WIDGET_ANALYSIS_PRODUCTS, rows[1].group, NULL);
  trend = ld_card_model_get_chart (selected, LD_CHART_TREND, 0);
  ld_test_assert_contains (trend->title, rows[1].plan_name);
  {
    guint64 sum = 0;

    for (guint m = 0; m < trend->trend.n_months; m++)
      sum += trend->trend.series[0].values[m];
    g_assert_cmpuint (sum, ==, rows[1].provisioned);
  }
}

/* The sample's 1,979 customers: the top eight ranked, the rest one "Others" bar that
 * says how many it holds and sums exactly to the total. */
static void
test_content_others (void)
{
  g_autoptr(LdReport) report = ld_test_load_sample ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = ld_query_run (query);
  g_autoptr(LdCardModel) model = ld_card_model_new (query, result, LD_WIDGET_ANALYSIS_CUSTOMERS,
                                                    LD_CARD_MODEL_NO_SELECTION, NULL);
  const LdChart *bars = ld_card_model_get_chart (model, LD_CHART_BARS, 0);
  g_autofree char *label = NULL;
  const LdCustomerRow *rows;
  guint64 ranked = 0;
  guint n;

  rows = ld_result_get_customers_table (result, &n);
  g_assert_cmpuint (n, >, 9);
  g_assert_cmpuint (bars->bars.n_items, ==, 9);
  for (guint i = 0; i < 8; i++)
    {
      g_assert_false (bars->bars.items[i].is_others);
      g_assert_cmpuint (bars->bars.items[i].value, ==, rows[i].provisioned);
      ranked += rows[i].provisioned;
    }
  g_assert_true (bars->bars.items[8].is_others);
  label = g_strdup_printf ("%u others", n - 8);
  g_assert_cmpstr (bars->bars.items[8].label, ==, label);
  g_assert_cmpuint (bars->bars.items[8].value, ==, ld_result_get_provisioned (result) - ranked);
}

/* ---- PNG ------------------------------------------------------------------------- */

static void
test_card_png (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LdCardModel) content = ld_card_model_new (f->query, f->result, LD_WIDGET_LICENSES,
                                                          LD_CARD_MODEL_NO_SELECTION, NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  LdChartTheme theme;
  cairo_surface_t *image;
  double height;

  ld_chart_theme_init_default (&theme, 0);
  height = ld_card_layout_get_height (content, &theme, 800, LD_CARD_LAYOUT_DEFAULT);
  g_assert_cmpfloat (height, >, 200);

  png = ld_card_layout_png (content, 800, 2, &error);
  g_assert_no_error (error);
  image = decode_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (height * 2));
  g_assert_cmpfloat (inked_share (image), >, 0.03);
  cairo_surface_destroy (image);
}

static void
test_dashboard_png (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LdDashboardReport) report = ld_dashboard_report_new (f->query, f->result);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  png = ld_dashboard_report_png (report, 900, 2, &error);
  g_assert_no_error (error);
  image = decode_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1800);
  /* One long page with seven cards. */
  g_assert_cmpint (cairo_image_surface_get_height (image), >, 2 * 1800);
  g_assert_cmpfloat (inked_share (image), >, 0.03);
  cairo_surface_destroy (image);
}

/* ---- PDF ------------------------------------------------------------------------- */

static void
test_card_pdf (Fixture       *f,
               gconstpointer  data)
{
  const LdWidgetId widgets[] = {
    LD_WIDGET_SUMMARY, LD_WIDGET_CUSTOMERS, LD_WIDGET_LICENSES,
    LD_WIDGET_ANALYSIS_PRODUCTS, LD_WIDGET_ANALYSIS_CUSTOMERS, LD_WIDGET_GEO,
    LD_WIDGET_ADOPTION, LD_WIDGET_STATES,
  };

  if (!ld_test_have_poppler ())
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_autoptr(LdCardModel) content = ld_card_model_new (f->query, f->result, widgets[i],
                                                              LD_CARD_MODEL_NO_SELECTION, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = ld_card_layout_pdf (content, &error);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      double width = 0, height = 0;

      g_assert_no_error (error);
      path = write_temp (pdf, "card.pdf");
      g_assert_cmpuint (pdf_pages (path, &width, &height), ==, 1);
      /* Charts side by side go across the page. */
      if (content->wide)
        g_assert_cmpfloat (width, >, height);
      else
        g_assert_cmpfloat (width, <, height);

      text = ld_test_pdf_text (path);
      assert_pdf_has_card (text, content);
      ld_test_assert_contains (text, "fixture.csv");
      remove_temp (path);
    }
}

static void
test_dashboard_pdf (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LdDashboardReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  double paper_w, paper_h, width, height;
  guint n_pages;

  if (!ld_test_have_poppler ())
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  ld_query_add_filter_value (f->query, LD_DIM_OFFER_TYPE, "SaaS");
  ld_query_add_filter_value (f->query, LD_DIM_OFFER_TYPE, "Power BI visual");
  g_clear_pointer (&f->result, ld_result_unref);
  f->result = ld_query_run (f->query);

  report = ld_dashboard_report_new (f->query, f->result);
  /* Customers, Licenses, Analysis twice, Adoption, License states, Geographical spread. */
  g_assert_cmpuint (ld_dashboard_report_get_n_cards (report), ==, 7);
  g_assert_cmpint (ld_dashboard_report_get_card (report, 4)->widget, ==, LD_WIDGET_ADOPTION);
  g_assert_cmpint (ld_dashboard_report_get_card (report, 5)->widget, ==, LD_WIDGET_STATES);
  pdf = ld_dashboard_report_pdf (report, &error);
  g_assert_no_error (error);

  /* The pages the layout made, on the locale's paper. */
  ld_document_get_paper_size (&paper_w, &paper_h);
  n_pages = ld_dashboard_report_paginate (report, paper_w, paper_h);
  g_assert_cmpuint (n_pages, >=, 2);

  path = write_temp (pdf, "dashboard.pdf");
  g_assert_cmpuint (pdf_pages (path, &width, &height), ==, n_pages);
  g_assert_cmpfloat (fabs (width - paper_w), <, 1);
  g_assert_cmpfloat (fabs (height - paper_h), <, 1);

  text = ld_test_pdf_text (path);
  /* The heading: file, data date, range, filters. */
  ld_test_assert_contains (text, "fixture.csv");
  ld_test_assert_contains (text, "Data through 20 Mar 2026");
  ld_test_assert_contains (text, "Jan 2026 – Mar 2026");
  ld_test_assert_contains (text, "Offer type: SaaS, Power BI visual");
  for (guint i = 0; i < ld_dashboard_report_get_n_cards (report); i++)
    assert_pdf_has_card (text, ld_dashboard_report_get_card (report, i));
  ld_test_assert_contains (text, "By product");
  ld_test_assert_contains (text, "By customer");
  ld_test_assert_contains (text, "Top customers by unassigned licenses");
  ld_test_assert_contains (text, "Inactive");
  ld_test_assert_contains (text, "Page 1 of ");
  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  ld_test_assert_contains (text, last_page);

  remove_temp (path);
}

/* Pixels that @with and @without (one page drawn with and without the map's legend)
 * disagree on must be open sea without the legend: the legend covers no land. */
static guint
assert_legend_over_sea (cairo_surface_t    *with,
                        cairo_surface_t    *without,
                        const LdChartColor *sea,
                        const char         *what)
{
  int w = cairo_image_surface_get_width (with);
  int h = cairo_image_surface_get_height (with);
  guint changed = 0;

  cairo_surface_flush (with);
  cairo_surface_flush (without);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        LdTestPixel a = ld_test_pixel_at (with, x, y);
        LdTestPixel b = ld_test_pixel_at (without, x, y);

        if (abs (a.r - b.r) <= 1 && abs (a.g - b.g) <= 1 && abs (a.b - b.b) <= 1)
          continue;
        changed++;
        if (!ld_test_pixel_is (b, sea, 2))
          g_error ("%s: the map's legend covers land at (%d, %d): #%02x%02x%02x without it", what, x, y, b.r, b.g, b.b);
      }

  return changed;
}

typedef void (*PageDraw) (cairo_t *cr, gpointer data);

static cairo_surface_t *
draw_page_image (double   width,
                 double   height,
                 PageDraw draw,
                 gpointer data)
{
  /* Twice the points, as a screen shows a PDF page. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * 2),
                                                         (int) ceil (height * 2));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, 2, 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw (cr, data);
  cairo_destroy (cr);

  return surface;
}

typedef struct
{
  LdDashboardReport *report;
  guint              page;
  const LdCardModel *model;
  double             width, height;
} PageJob;

static void
draw_report_page_job (cairo_t *cr,
                      gpointer data)
{
  PageJob *job = data;

  ld_dashboard_report_draw_page (job->report, cr, job->page);
}

static void
draw_card_page_job (cairo_t *cr,
                    gpointer data)
{
  PageJob *job = data;
  LdChartTheme theme;

  /* As ld_card_layout_pdf() draws its page. */
  ld_chart_theme_init_default (&theme, LD_DOCUMENT_FONT_SIZE);
  cairo_translate (cr, LD_DOCUMENT_MARGIN, LD_DOCUMENT_MARGIN);
  ld_card_layout_draw_fitted (cr, job->model, &theme, job->width - 2 * LD_DOCUMENT_MARGIN,
                              job->height - 2 * LD_DOCUMENT_MARGIN);
}

static void
set_map_legend (const LdCardModel *model,
                gboolean           shown)
{
  /* The test's own switch on a model it made: the pages are otherwise the exports'. */
  for (guint i = 0; i < model->n_charts; i++)
    if (model->charts[i].kind == LD_CHART_MAP)
      ((LdCardModel *) model)->charts[i].map.show_legend = shown;
}

/* The Geographical spread on paper: its own landscape PDF page, the dashboard's
 * landscape page and the card's PNG, for the sample with and without filters. The
 * map's legend covers no land there (issue 12: it hid the United States and Brazil),
 * and the dashboard puts the wide cards on landscape pages. */
static void
test_map_pages (void)
{
  g_autoptr(LdReport) report = ld_test_load_sample ();
  LdChartTheme theme;
  LdChartColor sea;

  ld_chart_theme_init_default (&theme, LD_DOCUMENT_FONT_SIZE);
  ld_map_chart_get_sea_color (&theme, &sea);

  for (guint view = 0; view < 2; view++)
    {
      g_autoptr(LdQuery) query = ld_query_new (report);
      g_autoptr(LdResult) result = NULL;
      g_autoptr(LdCardModel) geo = NULL;
      g_autoptr(LdDashboardReport) dashboard = NULL;
      PageJob job = { 0 };
      double paper_w, paper_h;
      cairo_surface_t *with, *without;
      guint n_pages, geo_page = G_MAXUINT;

      if (view == 1)
        {
          ld_query_set_range_preset (query, LD_RANGE_ALL);
          ld_query_add_filter_value (query, LD_DIM_COUNTRY, "BR");
          ld_query_add_filter_value (query, LD_DIM_COUNTRY, "AU");
        }
      result = ld_query_run (query);
      ld_document_get_paper_size (&paper_w, &paper_h);

      /* The card's own PDF page, landscape. */
      geo = ld_card_model_new (query, result, LD_WIDGET_GEO, LD_CARD_MODEL_NO_SELECTION, NULL);
      job.model = geo;
      job.width = paper_h;
      job.height = paper_w;
      with = draw_page_image (job.width, job.height, draw_card_page_job, &job);
      set_map_legend (geo, FALSE);
      without = draw_page_image (job.width, job.height, draw_card_page_job, &job);
      set_map_legend (geo, TRUE);
      g_assert_cmpuint (assert_legend_over_sea (with, without, &sea, "the card's PDF page"), >, 1000);
      cairo_surface_destroy (with);
      cairo_surface_destroy (without);

      /* The card's PNG. */
      with = ld_card_layout_image (geo, 800, 2);
      set_map_legend (geo, FALSE);
      without = ld_card_layout_image (geo, 800, 2);
      set_map_legend (geo, TRUE);
      {
        LdChartTheme screen;
        LdChartColor screen_sea;

        ld_chart_theme_init_default (&screen, 0);
        ld_map_chart_get_sea_color (&screen, &screen_sea);
        g_assert_cmpuint (assert_legend_over_sea (with, without, &screen_sea, "the card's PNG"), >, 1000);
      }
      cairo_surface_destroy (with);
      cairo_surface_destroy (without);

      /* The dashboard: the Customers and Licenses cards on the paper as it comes,
       * Analysis and the Geographical spread turned to landscape. */
      dashboard = ld_dashboard_report_new (query, result);
      n_pages = ld_dashboard_report_paginate (dashboard, paper_w, paper_h);
      for (guint page = 0; page < n_pages; page++)
        {
          double w, h;

          ld_dashboard_report_get_page_size (dashboard, page, &w, &h);
          g_assert_true ((fabs (w - paper_w) < 0.01 && fabs (h - paper_h) < 0.01)
                         || (fabs (w - paper_h) < 0.01 && fabs (h - paper_w) < 0.01));
        }
      {
        double w, h;

        ld_dashboard_report_get_page_size (dashboard, 0, &w, &h);
        g_assert_cmpfloat (w, <, h);
        ld_dashboard_report_get_page_size (dashboard, n_pages - 1, &w, &h);
        g_assert_cmpfloat (w, >, h);
        geo_page = n_pages - 1;
      }
      job.report = dashboard;
      job.page = geo_page;
      ld_dashboard_report_get_page_size (dashboard, geo_page, &job.width, &job.height);
      with = draw_page_image (job.width, job.height, draw_report_page_job, &job);
      set_map_legend (ld_dashboard_report_get_card (dashboard, ld_dashboard_report_get_n_cards (dashboard) - 1), FALSE);
      without = draw_page_image (job.width, job.height, draw_report_page_job, &job);
      g_assert_cmpuint (assert_legend_over_sea (with, without, &sea, "the dashboard's map page"), >, 1000);
      cairo_surface_destroy (with);
      cairo_surface_destroy (without);
    }
}

static void
test_paper_size (void)
{
  const char *saved = setlocale (LC_PAPER, NULL);
  g_autofree char *restore = g_strdup (saved);
  double w, h;

  if (setlocale (LC_PAPER, "en_US.UTF-8") != NULL)
    {
      ld_document_get_paper_size (&w, &h);
      g_assert_cmpfloat (w, ==, 612);
      g_assert_cmpfloat (h, ==, 792);
    }
  else
    g_test_message ("en_US.UTF-8 is not installed: US Letter unchecked");

  if (setlocale (LC_PAPER, "de_DE.UTF-8") != NULL)
    {
      ld_document_get_paper_size (&w, &h);
      g_assert_cmpfloat (fabs (w - 595.28), <, 0.1);
      g_assert_cmpfloat (fabs (h - 841.89), <, 0.1);
    }
  else
    g_test_message ("de_DE.UTF-8 is not installed: A4 unchecked");

  setlocale (LC_PAPER, restore);
}

/* ---- saving ---------------------------------------------------------------------- */

static const char old_contents[] = "the old file, which a failed save must leave alone\n";

/* The folder holds @path with the old contents and nothing else: no partial file,
 * no temporary left behind. */
static void
assert_untouched (const char *dir,
                  const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old_contents);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static GBytes *
big_pdf (Fixture *f)
{
  g_autoptr(LdDashboardReport) report = ld_dashboard_report_new (f->query, f->result);
  g_autoptr(GError) error = NULL;
  GBytes *pdf = ld_dashboard_report_pdf (report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 32 * 1024);
  return pdf;
}

static void
test_save_replaces (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) pdf = big_pdf (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
  g_chmod (path, 0600);
  g_assert_true (ld_file_save_bytes (file, pdf, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  {
    GStatBuf st;

    /* A private file stays private. */
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_missing_folder (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) pdf = big_pdf (f);
  g_autoptr(GError) error = NULL;

  g_assert_false (ld_file_save_bytes (file, pdf, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  /* The message says which file, for the toast. */
  ld_test_assert_contains (error->message, "report.pdf");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_save_read_only_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) pdf = big_pdf (f);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
  g_chmod (dir, 0555);
  if (access (dir, W_OK) == 0)
    {
      g_chmod (dir, 0755);
      g_unlink (path);
      g_rmdir (dir);
      g_test_skip ("running as root: folder permissions do not apply (see the disk-full test)");
      return;
    }

  g_assert_false (ld_file_save_bytes (file, pdf, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_untouched (dir, path);

  g_chmod (dir, 0755);
  g_unlink (path);
  g_rmdir (dir);
}

/* A write that fails half-way, even for root: the file-size limit makes write(2)
 * fail with EFBIG once the temporary passes 16 KiB, as on a full disk. In a
 * subprocess, so the limit stays there. */
static void
test_save_disk_full (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);

  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));

  g_setenv ("LD_TEST_SAVE_DIR", dir, TRUE);
  g_test_trap_subprocess ("/export/save/disk-full/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  assert_untouched (dir, path);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_disk_full_child (Fixture       *f,
                           gconstpointer  data)
{
  const char *dir = g_getenv ("LD_TEST_SAVE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) fresh_file = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 16 * 1024, 16 * 1024 };

  if (!g_test_subprocess ())
    {
      g_test_skip ("only run by /export/save/disk-full");
      return;
    }

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "report.pdf", NULL);
  fresh = g_build_filename (dir, "fresh.pdf", NULL);
  file = g_file_new_for_path (path);
  fresh_file = g_file_new_for_path (fresh);
  pdf = big_pdf (f);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (ld_file_save_bytes (file, pdf, NULL, &error));
  g_assert_nonnull (error);
  ld_test_assert_contains (error->message, "report.pdf");
  g_clear_error (&error);

  /* A new file is not left half-written either. */
  g_assert_false (ld_file_save_bytes (fresh_file, pdf, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_save_dev_full (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");
  g_autoptr(GBytes) pdf = big_pdf (f);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (g_stat ("/dev/full", &st) != 0 || !S_ISCHR (st.st_mode))
    {
      g_test_skip ("/dev/full is not available");
      return;
    }

  g_assert_false (ld_file_save_bytes (file, pdf, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  ld_test_assert_contains (error->message, "/dev/full");

  /* Written in place, never replaced by a rename: still the device. */
  g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

/* ---- the command line, with no display ------------------------------------------- */

#define RUN(run, ...) ld_test_run_dashboard ((run), (const char *const[]) { __VA_ARGS__, NULL })

static char *
write_fixture (char **dir)
{
  *dir = g_dir_make_tmp ("ld-export-cli-XXXXXX", NULL);
  char *path = g_build_filename (*dir, "fixture.csv", NULL);

  g_assert_true (g_file_set_contents (path, ld_test_fixture_csv, -1, NULL));
  return path;
}

static void
test_cli_pdf_png (Fixture       *f,
                  gconstpointer  data)
{
  static const char *const names[] = {
    "summary", "customers", "licenses", "analysis-products", "analysis-customers", "geo", "dashboard",
  };
  g_autofree char *dir = NULL;
  g_autofree char *input = write_fixture (&dir);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *single = g_build_filename (dir, "licenses.pdf", NULL);
  g_auto(LdTestRun) run = { 0 };

  for (guint format = 0; format < 2; format++)
    {
      const char *ext = format == 0 ? "pdf" : "png";

      ld_test_run_clear (&run);
      RUN (&run, "--export", "summary,customers,licenses,analysis-products,analysis-customers,geo,dashboard",
           "--format", ext, "--range", "all", "--output", out, input);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", names[i], ext);
          g_autofree char *path = g_build_filename (out, name, NULL);
          g_autofree char *contents = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          if (format == 0)
            g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          else
            {
              g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
              cairo_surface_t *image = decode_png (bytes);

              g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
              /* 800 px cards and a 960 px dashboard, at twice the density. */
              g_assert_cmpint (cairo_image_surface_get_width (image), ==,
                               g_str_equal (names[i], "dashboard") ? 1920 : 1600);
              g_assert_cmpfloat (inked_share (image), >, 0.02);
              cairo_surface_destroy (image);
            }
        }
    }

  /* One widget to one file, and what it says. */
  ld_test_run_clear (&run);
  RUN (&run, "--export", "licenses", "--format", "pdf", "--range", "all", "--where", "country=DE",
       "--output", single, input);
  g_assert_cmpint (run.status, ==, 0);
  if (ld_test_have_poppler ())
    {
      g_autoptr(LdResult) result = NULL;
      g_autoptr(LdCardModel) content = NULL;
      g_autofree char *text = NULL;

      ld_query_add_filter_value (f->query, LD_DIM_COUNTRY, "DE");
      result = ld_query_run (f->query);
      content = ld_card_model_new (f->query, result, LD_WIDGET_LICENSES, LD_CARD_MODEL_NO_SELECTION, NULL);
      g_assert_cmpstr (content->figures[0].value, ==, "16");

      text = ld_test_pdf_text (single);
      assert_pdf_has_card (text, content);
      ld_test_assert_contains (text, "Country/region: DE");
      g_assert_cmpuint (pdf_pages (single, NULL, NULL), ==, 1);
    }

  ld_test_remove_tree (dir);
}

/* Bulgarian: glibc's bg_BG groups no digits, the exports group them as CLDR does
 * (U+00A0 from five digits on) in the picture and never in the tables. */
static void
test_cli_bulgarian (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LC_ALL"));
  g_autofree char *dir = g_dir_make_tmp ("ld-export-bg-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "licenses.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(LdTestRun) csv = { 0 };
  g_auto(LdTestRun) run = { 0 };

  locale_t probe = newlocale (LC_ALL_MASK, "bg_BG.UTF-8", (locale_t) 0);

  if (probe == (locale_t) 0)
    {
      g_test_skip ("bg_BG.UTF-8 is not installed (./bootstrap.sh test generates it)");
      return;
    }
  freelocale (probe);

  g_setenv ("LC_ALL", "bg_BG.UTF-8", TRUE);
  RUN (&run, "--export", "licenses", "--format", "pdf", "--output", pdf, "--sample");
  RUN (&csv, "--export", "summary", "--format", "csv", "--sample");
  if (saved != NULL)
    g_setenv ("LC_ALL", saved, TRUE);
  else
    g_unsetenv ("LC_ALL");

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (csv.status, ==, 0);
  /* The sample's last six months: 217,818 provisioned. */
  ld_test_assert_contains (csv.out, "\n1979,217818,167589,76.94,");
  if (ld_test_have_poppler ())
    {
      g_autoptr(GString) spaced = NULL;

      /* A PDF maps one glyph to one character: the no-break space may read back as
       * the space that shares its glyph. */
      text = ld_test_pdf_text (pdf);
      spaced = g_string_new (text);
      g_string_replace (spaced, "\u00a0", " ", 0);
      ld_test_assert_contains (spaced->str, "217 818");
      ld_test_assert_contains (spaced->str, "167 589");
      ld_test_assert_contains (spaced->str, "76,94%");
      g_assert_null (strstr (text, "217818"));
    }

  ld_test_remove_tree (dir);
}

static void
test_cli_usage (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *input = write_fixture (&dir);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto(LdTestRun) run = { 0 };

  /* The data table is rows, not a picture. */
  RUN (&run, "--export", "data", "--format", "pdf", "--output", out, input);
  g_assert_cmpint (run.status, ==, 2);
  ld_test_assert_contains (run.err, "the data table exports as csv or json");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  ld_test_run_clear (&run);
  RUN (&run, "--export", "data", "--format", "png", "--output", out, input);
  g_assert_cmpint (run.status, ==, 2);

  /* The dashboard is a picture only. */
  ld_test_run_clear (&run);
  RUN (&run, "--export", "dashboard", "--format", "json", input);
  g_assert_cmpint (run.status, ==, 2);
  ld_test_assert_contains (run.err, "pdf or png");

  /* A PDF on standard output (a pipe here) is fine for a shell redirect. */
  ld_test_run_clear (&run);
  RUN (&run, "--export", "summary", "--format", "pdf", input);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "%PDF-"));

  /* A failed save exits 1 with the file named. */
  ld_test_run_clear (&run);
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "x.pdf", NULL);

    RUN (&run, "--export", "licenses", "--format", "pdf", "--output", bad, input);
    g_assert_cmpint (run.status, ==, 1);
    ld_test_assert_contains (run.err, "x.pdf");
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }

  ld_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The figures above are worked in English; the locale's paper is tested apart. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, ld_test_query_fixture_setup, (func), ld_test_query_fixture_teardown)
  ADD ("/export/content/figures", test_content_figures);
  ADD ("/export/content/changes", test_content_changes);
  g_test_add_func ("/export/content/others", test_content_others);
  ADD ("/export/content/filters-and-selection", test_content_filters_and_selection);
  ADD ("/export/png/card", test_card_png);
  ADD ("/export/png/dashboard", test_dashboard_png);
  ADD ("/export/pdf/card", test_card_pdf);
  ADD ("/export/pdf/dashboard", test_dashboard_pdf);
  g_test_add_func ("/export/pdf/paper-size", test_paper_size);
  g_test_add_func ("/export/pdf/map-pages", test_map_pages);
  ADD ("/export/save/replaces", test_save_replaces);
  ADD ("/export/save/missing-folder", test_save_missing_folder);
  ADD ("/export/save/read-only-folder", test_save_read_only_folder);
  ADD ("/export/save/disk-full", test_save_disk_full);
  ADD ("/export/save/disk-full/subprocess", test_save_disk_full_child);
  ADD ("/export/save/dev-full", test_save_dev_full);
  ADD ("/export/cli/pdf-png", test_cli_pdf_png);
  g_test_add_func ("/export/cli/usage", test_cli_usage);
  g_test_add_func ("/export/cli/bulgarian", test_cli_bulgarian);
#undef ADD

  return g_test_run ();
}
