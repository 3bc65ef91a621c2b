/* test-cards.c — the four dashboard cards against figures worked by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ld-analysis-card-private.h"
#include "ld-card-private.h"
#include "ld-chart-format.h"
#include "ld-chart-view.h"
#include "ld-geo-card-private.h"
#include "ld-map-chart.h"
#include "ld-map-view.h"
#include "ld-trend-card-private.h"
#include "ld-loader.h"
#include "ld-row-table.h"
#include "ld-test-report.h"

/* ---- the fixture ----------------------------------------------------------------
 *
 * ld_test_fixture_csv, whose figures are worked by hand in tests/util/ld-test-util.c:
 * all time 4 customers; provisioned 35, assigned 15, rate 42.86 %; months provisioned
 * 14, 8, 13 and assigned 6, 5, 4; new customers 2, 1, 1; top product a-Gold 48.57 %,
 * top customer Contoso 45.71 %.
 */

static const char *
figure (GtkWidget *card,
        guint      index)
{
  return gtk_label_get_label (ld_card_get_figure_label (LD_CARD (card), index));
}

static void
assert_figure_count (GtkWidget *card,
                     guint      index,
                     guint64    value)
{
  g_autofree char *expected = ld_chart_format_count (value);

  g_assert_cmpstr (figure (card, index), ==, expected);
}

static void
assert_headline_contains (GtkWidget  *card,
                          const char *needle)
{
  g_autofree char *text = ld_card_get_headline_text (LD_CARD (card));

  if (strstr (text, needle) == NULL)
    g_error ("headline “%s” lacks “%s”", text, needle);
}

static void
assert_headline_is (GtkWidget  *card,
                    const char *expected)
{
  g_autofree char *text = ld_card_get_headline_text (LD_CARD (card));

  g_assert_cmpstr (text, ==, expected);
}

/* The change line under figure @index's value. */
static GtkWidget *
change_label (GtkWidget *card,
              guint      index)
{
  GtkWidget *value = GTK_WIDGET (ld_card_get_figure_label (LD_CARD (card), index));

  return gtk_widget_get_next_sibling (value);
}

/* The card's headline figures follow the engine, and its sentence says them. */
static void
test_headlines (void)
{
  g_autoptr(LdReport) report = ld_test_load_fixture ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  GtkWidget *customers = g_object_ref_sink (ld_trend_card_new (LD_WIDGET_CUSTOMERS));
  GtkWidget *licenses = g_object_ref_sink (ld_trend_card_new (LD_WIDGET_LICENSES));
  g_autofree char *rate = NULL;

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 4);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 35);
  g_assert_cmpint (ld_result_get_assignment_rate (result), ==, 4286);

  ld_card_update (LD_CARD (customers), query, result);
  ld_card_update (LD_CARD (licenses), query, result);

  g_assert_cmpstr (ld_card_get_title (LD_CARD (customers)), ==, "Customers");
  g_assert_cmpstr (ld_card_get_title (LD_CARD (licenses)), ==, "Licenses");
  g_assert_cmpint (ld_card_get_widget_id (LD_CARD (customers)), ==, LD_WIDGET_CUSTOMERS);
  g_assert_cmpint (ld_card_get_widget_id (LD_CARD (licenses)), ==, LD_WIDGET_LICENSES);

  /* Customers: 4, all of them new (SPEC v2: a first row ever) in All time, which
   * has no previous period: no change line anywhere. */
  assert_figure_count (customers, 0, ld_result_get_customers (result));
  g_assert_cmpstr (figure (customers, 0), ==, "4");
  g_assert_cmpstr (figure (customers, 1), ==, "4");
  assert_headline_is (customers, "Customers: 4; New customers: 4.");
  g_assert_false (gtk_widget_get_visible (change_label (customers, 0)));

  /* Licenses: 35 and 15, rate 42.86 %. */
  assert_figure_count (licenses, 0, ld_result_get_provisioned (result));
  assert_figure_count (licenses, 1, ld_result_get_assigned (result));
  rate = ld_chart_format_rate (ld_result_get_assignment_rate (result));
  g_assert_cmpstr (figure (licenses, 2), ==, rate);
  g_assert_cmpstr (rate, ==, "42.86%");
  assert_headline_is (licenses, "Provisioned: 35; Assigned: 15; Assignment rate: 42.86%.");

  /* A filter: Austria only → Fabrikam, 9 provisioned, 5 assigned. */
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, "AT");
  g_clear_pointer (&result, ld_result_unref);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (customers), query, result);
  ld_card_update (LD_CARD (licenses), query, result);
  g_assert_cmpstr (figure (customers, 0), ==, "1");
  g_assert_cmpstr (figure (licenses, 0), ==, "9");
  g_assert_cmpstr (figure (licenses, 1), ==, "5");
  assert_headline_contains (licenses, "Provisioned: 9");

  /* The default range, six months to March: October to March, zeros first. Its
   * previous period, April to September 2025, is before the data: no change is
   * made up against it. */
  ld_query_clear_all_filters (query);
  ld_query_set_range_preset (query, LD_RANGE_LAST_6);
  g_clear_pointer (&result, ld_result_unref);
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_n_months (result), ==, 6);
  ld_card_update (LD_CARD (customers), query, result);
  ld_card_update (LD_CARD (licenses), query, result);
  assert_headline_is (customers, "Customers: 4; New customers: 4.");
  assert_headline_is (licenses, "Provisioned: 35; Assigned: 15; Assignment rate: 42.86%.");

  /* February alone, against January: customers 2 and 2 (Contoso, Fabrikam, then
   * Contoso and the US), 1 new; provisioned 14 → 8, assigned 6 → 5, rate 42.86 % →
   * 62.50 %. On the card the arrows, for a screen reader words. */
  ld_query_set_custom_range (query, LD_MONTH (2026, 2), LD_MONTH (2026, 2));
  g_clear_pointer (&result, ld_result_unref);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (customers), query, result);
  ld_card_update (LD_CARD (licenses), query, result);
  g_assert_cmpstr (figure (customers, 0), ==, "2");
  g_assert_cmpstr (figure (customers, 1), ==, "1");
  g_assert_cmpstr (figure (licenses, 0), ==, "8");
  g_assert_cmpstr (figure (licenses, 2), ==, "62.50%");
  assert_headline_is (customers, "Customers: 2, no change compared with Jan 2026; New customers: 1.");
  assert_headline_is (licenses, "Provisioned: 8, down 42.9% compared with Jan 2026; "
                                "Assigned: 5, down 16.7% compared with Jan 2026; "
                                "Assignment rate: 62.50%, up 19.6 percentage points compared with Jan 2026.");
  g_assert_true (gtk_widget_get_visible (change_label (licenses, 0)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (change_label (licenses, 0))), ==, "▼ 42.9% vs Jan 2026");
  g_assert_true (gtk_widget_has_css_class (change_label (licenses, 0), "error"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (change_label (licenses, 2))), ==, "▲ 19.6 pts vs Jan 2026");
  g_assert_true (gtk_widget_has_css_class (change_label (licenses, 2), "success"));
  g_assert_false (gtk_widget_get_visible (change_label (customers, 1)));

  /* No report: zeros, never garbage. */
  ld_card_update (LD_CARD (customers), NULL, NULL);
  ld_card_update (LD_CARD (licenses), NULL, NULL);
  g_assert_cmpstr (figure (customers, 0), ==, "0");
  g_assert_cmpstr (figure (licenses, 0), ==, "0");
  g_assert_cmpstr (figure (licenses, 2), ==, "—");  /* nothing provisioned: no rate */

  g_object_unref (customers);
  g_object_unref (licenses);
}

/* A range with no rows shows zeros and the charts' empty state. */
static void
test_empty_range (void)
{
  g_autoptr(LdReport) report = ld_test_load_fixture ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  GtkWidget *cards[] = {
    g_object_ref_sink (ld_trend_card_new (LD_WIDGET_CUSTOMERS)),
    g_object_ref_sink (ld_trend_card_new (LD_WIDGET_LICENSES)),
    g_object_ref_sink (ld_analysis_card_new ()),
    g_object_ref_sink (ld_geo_card_new ()),
  };

  ld_query_set_custom_range (query, LD_MONTH (2020, 1), LD_MONTH (2020, 3));
  result = ld_query_run (query);
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      ld_card_update (LD_CARD (cards[i]), query, result);
      g_assert_cmpstr (figure (cards[i], 0), ==, "0");
      g_object_unref (cards[i]);
    }
}

static void
test_analysis (void)
{
  g_autoptr(LdReport) report = ld_test_load_fixture ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  GtkWidget *card = g_object_ref_sink (ld_analysis_card_new ());
  LdAnalysisCard *analysis = LD_ANALYSIS_CARD (card);
  GtkSingleSelection *selection;
  LdResult *trend;
  g_autofree char *bars = NULL;

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (card), query, result);

  g_assert_cmpint (ld_card_get_widget_id (LD_CARD (card)), ==, LD_WIDGET_ANALYSIS_PRODUCTS);
  selection = ld_analysis_card_get_selection (analysis);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  g_assert_cmpstr (figure (card, 0), ==, "3");
  g_assert_cmpstr (figure (card, 1), ==, "48.57%");
  assert_headline_contains (card, "Top product’s share: 48.57%, Sales Hub · Gold");

  bars = ld_chart_view_get_text_alternative (LD_CHART_VIEW (ld_analysis_card_get_bar_chart (analysis)));
  g_assert_nonnull (strstr (bars, "Sales Hub · Gold"));

  /* With no row selected, the trend is the whole result's. */
  g_assert_true (ld_analysis_card_get_trend_result (analysis) == result);

  /* Selecting Gold runs the card's own query for that group: 10, 2, 5 by month. */
  gtk_single_selection_set_selected (selection, 0);
  trend = ld_analysis_card_get_trend_result (analysis);
  g_assert_true (trend != result);
  g_assert_cmpuint (ld_result_get_provisioned (trend), ==, 17);
  g_assert_cmpuint (ld_result_get_n_months (trend), ==, 3);
  g_assert_cmpuint (ld_result_get_month_provisioned (trend)[0], ==, 10);
  g_assert_cmpuint (ld_result_get_month_provisioned (trend)[1], ==, 2);
  g_assert_cmpuint (ld_result_get_month_provisioned (trend)[2], ==, 5);

  /* A new result with the same row keeps it selected; the trend follows the
   * window's filters (Austria: Fabrikam's Gold in March only). */
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, "AT");
  g_clear_pointer (&result, ld_result_unref);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (card), query, result);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  trend = ld_analysis_card_get_trend_result (analysis);
  g_assert_cmpuint (ld_result_get_provisioned (trend), ==, 5);
  ld_query_clear_all_filters (query);
  g_clear_pointer (&result, ld_result_unref);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (card), query, result);

  /* Unselecting goes back to every row. */
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_assert_true (ld_analysis_card_get_trend_result (analysis) == result);

  /* The Customers view: its own table, id and figures. */
  ld_analysis_card_set_view (analysis, LD_ROW_KIND_CUSTOMERS);
  g_assert_cmpint (ld_card_get_widget_id (LD_CARD (card)), ==, LD_WIDGET_ANALYSIS_CUSTOMERS);
  selection = ld_analysis_card_get_selection (analysis);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 4);
  g_assert_cmpstr (figure (card, 0), ==, "4");
  assert_headline_contains (card, "Top customer’s share: 45.71%, Contoso");

  /* The customer who shares no name (row 3: 2 provisioned in February). */
  gtk_single_selection_set_selected (selection, 3);
  trend = ld_analysis_card_get_trend_result (analysis);
  g_assert_cmpuint (ld_result_get_provisioned (trend), ==, 2);
  g_assert_cmpuint (ld_result_get_month_provisioned (trend)[1], ==, 2);
  {
    LdRowItem *item = gtk_single_selection_get_selected_item (selection);
    gboolean placeholder = FALSE;

    g_assert_cmpstr (ld_row_item_get_display_name (item, &placeholder), ==, "Name not shared");
    g_assert_true (placeholder);
  }

  ld_analysis_card_set_view (analysis, LD_ROW_KIND_PRODUCTS);
  g_assert_cmpint (ld_card_get_widget_id (LD_CARD (card)), ==, LD_WIDGET_ANALYSIS_PRODUCTS);

  g_object_unref (card);
}

static GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_geo (void)
{
  g_autoptr(LdReport) report = ld_test_load_fixture ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  GtkWidget *card = g_object_ref_sink (ld_geo_card_new ());
  GListModel *rows;
  g_autofree char *text = NULL;

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (card), query, result);

  g_assert_cmpint (ld_card_get_widget_id (LD_CARD (card)), ==, LD_WIDGET_GEO);
  rows = ld_geo_card_get_rows (LD_GEO_CARD (card));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_cmpstr (figure (card, 0), ==, "4");
  g_assert_cmpstr (figure (card, 1), ==, "45.71%");
  assert_headline_contains (card, "Countries: 4");

  /* Northwind's blank code reads "Unknown", third by provisioned. */
  {
    g_autoptr(LdRowItem) item = g_list_model_get_item (rows, 2);
    gboolean placeholder = FALSE;

    g_assert_cmpuint (ld_row_item_get_provisioned (item), ==, 8);
    g_assert_cmpstr (ld_row_item_get_display_name (item, &placeholder), ==, "Unknown");
    g_assert_true (placeholder);
  }

  /* The map: Germany is on it; the blank code is not, and the card says so. */
  {
    GtkWidget *map = ld_geo_card_get_map (LD_GEO_CARD (card));
    LdMapChartData data;

    g_assert_true (LD_IS_MAP_VIEW (map));
    ld_map_view_get_chart_data (LD_MAP_VIEW (map), &data);
    g_assert_cmpuint (data.n_items, ==, 4);
    text = ld_map_chart_get_text_alternative (&data);
    g_assert_nonnull (strstr (text, "Germany"));
    g_assert_true (find_label_containing (card, "Not on the map: ") != NULL);
    g_assert_nonnull (strstr (gtk_label_get_label (find_label_containing (card, "Not on the map: ")), "Unknown"));
  }

  g_object_unref (card);
}

/* Pixels the chart painted, on a transparent background. */
static guint
count_painted (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (((const guint32 *) (data + y * stride))[x] >> 24 != 0)
        n++;

  return n;
}

static void
test_draw (void)
{
  g_autoptr(LdReport) report = ld_test_load_fixture ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  GtkWidget *cards[] = {
    g_object_ref_sink (ld_trend_card_new (LD_WIDGET_CUSTOMERS)),
    g_object_ref_sink (ld_trend_card_new (LD_WIDGET_LICENSES)),
    g_object_ref_sink (ld_analysis_card_new ()),
    g_object_ref_sink (ld_geo_card_new ()),
  };

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      ld_card_update (LD_CARD (cards[i]), query, result);

      for (int dark = 0; dark <= 1; dark++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 320);
          cairo_t *cr = cairo_create (surface);
          LdChartTheme theme;
          guint painted;

          ld_chart_theme_init (&theme, dark, 0.21, 0.52, 0.89);
          theme.background.a = 0;
          ld_card_draw_chart (LD_CARD (cards[i]), cr, 640, 320, &theme);
          cairo_destroy (cr);
          painted = count_painted (surface);
          g_test_message ("%s (%s): %u pixels painted", ld_card_get_title (LD_CARD (cards[i])),
                          dark ? "dark" : "light", painted);
          g_assert_cmpuint (painted, >, 2000);
          cairo_surface_destroy (surface);
        }
      g_object_unref (cards[i]);
    }
}

/* The trend charts' text alternatives name their figures. */
static void
test_accessible_text (void)
{
  g_autoptr(LdReport) report = ld_test_load_fixture ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  GtkWidget *card = g_object_ref_sink (ld_trend_card_new (LD_WIDGET_LICENSES));
  g_autofree char *text = NULL;

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (card), query, result);

  text = ld_chart_view_get_text_alternative (LD_CHART_VIEW (ld_trend_card_get_chart (LD_TREND_CARD (card))));
  g_test_message ("licenses chart: %s", text);
  g_assert_nonnull (strstr (text, "14"));
  g_assert_nonnull (strstr (text, "13"));

  g_object_unref (card);
}

static void
test_actions (void)
{
  static const char *const names[] = {
    "card.copy-image", "card.save-csv", "card.save-pdf", "card.print",
  };
  GtkWidget *card = g_object_ref_sink (ld_trend_card_new (LD_WIDGET_CUSTOMERS));
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (card);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *buttons[G_N_ELEMENTS (names)];

  gtk_window_set_child (GTK_WINDOW (window), card);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      gboolean found = FALSE;
      const char *name, *property;
      const GVariantType *parameter_type;
      GType owner;
      GtkWidget *button;

      for (guint i = 0;
           gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property);
           i++)
        if (g_str_equal (name, names[n]))
          {
            found = TRUE;
            g_assert_true (owner == LD_TYPE_CARD);
          }
      g_assert_true (found);

      /* An actionable inside the card is insensitive while the action is disabled. */
      button = gtk_button_new ();
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), names[n]);
      ld_card_append (LD_CARD (card), button);
      buttons[n] = button;
    }

  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    g_assert_false (gtk_widget_is_sensitive (buttons[n]));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (card);
}

static void
drain_events (void)
{
  /* Twice idle in a row: a frame's layout may queue another. */
  for (int i = 0; i < 2; i++)
    {
      g_usleep (20000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
}

/* 100,000 customers: the Customers view must not build an object per row. */
static void
test_many_customers (void)
{
  const guint n_customers = 100000;
  g_autoptr(GString) csv = g_string_new ("CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate,ProductDisplayName,ProductId,PlanName,ServiceId,LicenseState,LicensesAssigned,LicensesProvisioned,OfferType\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  g_autoptr(LdResult) result = NULL;
  GtkWidget *card = g_object_ref_sink (ld_analysis_card_new ());
  GtkSingleSelection *selection;
  gint64 start, elapsed;

  for (guint i = 0; i < n_customers; i++)
    for (guint k = 0; k < 2; k++)
      g_string_append_printf (csv, "Germany,DE,Customer %06u,2026-%02u-%02u,Offer %u,prod-%u,Plan %u,svc,Active,%u,%u,SaaS\n",
                              i, 1 + (i + k) % 12, 1 + i % 28, (i + k) % 20, (i + k) % 20, k,
                              i % 7, i % 7 + 1 + k);

  report = ld_loader_load_data (csv->str, csv->len, "many.csv", &error);
  g_assert_no_error (error);
  query = ld_query_new (report);
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_customers (result), ==, n_customers);

  ld_analysis_card_set_view (LD_ANALYSIS_CARD (card), LD_ROW_KIND_CUSTOMERS);

  start = g_get_monotonic_time ();
  ld_card_update (LD_CARD (card), query, result);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("Analysis (Customers) update, 100,000 customers, first: %.2f ms", elapsed / 1000.0);

  selection = ld_analysis_card_get_selection (LD_ANALYSIS_CARD (card));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n_customers);

  /* A filter click: a new result of the same size. */
  ld_query_add_filter_value (query, LD_DIM_STATE, "Active");
  g_clear_pointer (&result, ld_result_unref);
  result = ld_query_run (query);
  start = g_get_monotonic_time ();
  ld_card_update (LD_CARD (card), query, result);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("Analysis (Customers) update, 100,000 customers, again: %.2f ms", elapsed / 1000.0);

  start = g_get_monotonic_time ();
  gtk_single_selection_set_selected (selection, 500);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("Selecting a customer (its own query): %.2f ms", elapsed / 1000.0);
  g_assert_cmpuint (ld_result_get_customers (ld_analysis_card_get_trend_result (LD_ANALYSIS_CARD (card))), ==, 1);

  /* In a window, the table's rows are laid out and drawn too. */
  {
    GtkWidget *window = gtk_window_new ();

    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
    gtk_window_set_child (GTK_WINDOW (window), card);
    gtk_window_present (GTK_WINDOW (window));
    drain_events ();

    ld_query_remove_filter_value (query, LD_DIM_STATE, "Active");
    g_clear_pointer (&result, ld_result_unref);
    result = ld_query_run (query);
    start = g_get_monotonic_time ();
    ld_card_update (LD_CARD (card), query, result);
    elapsed = g_get_monotonic_time () - start;
    drain_events ();
    g_test_message ("Analysis (Customers) update in a window: %.2f ms; with layout, drawing and two 20 ms waits %.2f ms",
                    elapsed / 1000.0, (g_get_monotonic_time () - start) / 1000.0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n_customers);

    gtk_window_set_child (GTK_WINDOW (window), NULL);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  start = g_get_monotonic_time ();
  ld_analysis_card_set_view (LD_ANALYSIS_CARD (card), LD_ROW_KIND_PRODUCTS);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("Switching to Products: %.2f ms", elapsed / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ld_analysis_card_get_selection (LD_ANALYSIS_CARD (card)))), ==, 40);

  g_object_unref (card);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cards/headlines", test_headlines);
  g_test_add_func ("/cards/empty-range", test_empty_range);
  g_test_add_func ("/cards/analysis", test_analysis);
  g_test_add_func ("/cards/geo", test_geo);
  g_test_add_func ("/cards/draw", test_draw);
  g_test_add_func ("/cards/accessible-text", test_accessible_text);
  g_test_add_func ("/cards/actions", test_actions);
  g_test_add_func ("/cards/many-customers", test_many_customers);

  return g_test_run ();
}
