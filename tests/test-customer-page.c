/* test-customer-page.c — Adoption, License states and a customer's page, in process
 *
 * The two new cards on the hand-worked fixture, and the window's customer page:
 * opened from Analysis › Customers, from Adoption and from the Customer name filter,
 * closed with Back, following the window's filters, and exported (suite "gui").
 * Real X input on the real program is in tests/gui-input/test-customer-page.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "ld-adoption-card-private.h"
#include "ld-analysis-card-private.h"
#include "ld-card-export.h"
#include "ld-card-private.h"
#include "ld-chart-view.h"
#include "ld-customer-card.h"
#include "ld-customer-view.h"
#include "ld-filter-group.h"
#include "ld-filter-row.h"
#include "ld-loader.h"
#include "ld-row-table.h"
#include "ld-test-gtk.h"
#include "ld-test-report.h"
#include "ld-trend-card-private.h"
#include "ld-window-private.h"

/* ld_test_fixture_csv (tests/util/ld-test-util.c), all time, by customer:
 *
 *   customer    provisioned  assigned  unassigned  rate     products
 *   Contoso (DE)   16           8         8        50.00 %  2 (a-Gold 10/5 Jan, b-Basic 6/3 Feb)
 *   Northwind ()    8           0         8         0.00 %  1 (b-Basic 0/8 Mar, Inactive)
 *   Fabrikam (AT)   9           5         4        55.56 %  2 (a-Silver 4/1 Jan, a-Gold 5/4 Mar)
 *   (US, blank)     2           2         0       100.00 %  1
 */
static const char expected_adoption[] =
  "CustomerName,CustomerCountryCode,LicensesProvisioned,LicensesAssigned,LicensesUnassigned,AssignmentRate\n"
  "Contoso,DE,16,8,8,50.00\n"
  "Northwind,,8,0,8,0.00\n"
  "Fabrikam,AT,9,5,4,55.56\n"
  ",US,2,2,0,100.00\n";

/* ---- helpers --------------------------------------------------------------------- */

static char *tmp_dir;

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
wait_for_load (LdWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (ld_window_is_loading (window))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  ld_test_flush_events ();
}

/* The window on the fixture, over all its months. */
static LdWindow *
open_fixture_window (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "fixture.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LdWindow *window = ld_window_new (NULL);

  g_assert_true (g_file_set_contents (path, ld_test_fixture_csv, -1, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  ld_window_open_file (window, file);
  wait_for_load (window);
  g_assert_nonnull (ld_window_get_report (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.range", "s", "all");
  ld_test_flush_events ();
  return window;
}

static LdCustomerView *
customer_view (LdWindow *window)
{
  return LD_CUSTOMER_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW,
                                                          "customer_view"));
}

static const char *
figure (GtkWidget *card,
        guint      index)
{
  g_assert_cmpuint (index, <, ld_card_get_n_figures (LD_CARD (card)));
  return gtk_label_get_label (ld_card_get_figure_label (LD_CARD (card), index));
}

/* The overview's five figures: provisioned, assigned, rate, unassigned, offers and plans. */
static void
assert_overview (LdWindow   *window,
                 const char *provisioned,
                 const char *assigned,
                 const char *rate,
                 const char *unassigned,
                 const char *products)
{
  GtkWidget *overview = ld_customer_view_get_card (customer_view (window), LD_CUSTOMER_SECTION_OVERVIEW);

  g_assert_cmpstr (figure (overview, 0), ==, provisioned);
  g_assert_cmpstr (figure (overview, 1), ==, assigned);
  g_assert_cmpstr (figure (overview, 2), ==, rate);
  g_assert_cmpstr (figure (overview, 3), ==, unassigned);
  g_assert_cmpstr (figure (overview, 4), ==, products);
}

static const char *
page_title (LdWindow *window)
{
  GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (customer_view (window)),
                                                              LD_TYPE_CUSTOMER_VIEW, "title_label"));

  return gtk_label_get_label (title);
}

static void
find_widgets (GtkWidget *widget,
              gboolean (*match) (GtkWidget *, gpointer),
              gpointer   data,
              GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (match (child, data))
        g_ptr_array_add (found, child);
      find_widgets (child, match, data, found);
    }
}

static gboolean
is_column_view_of (GtkWidget *widget,
                   gpointer   selection)
{
  /* The card's selection is over every row; the view's own model, over the rows it
   * shows (ld-row-table.h). */
  return GTK_IS_COLUMN_VIEW (widget) &&
         ld_row_table_get_selection (widget) == GTK_SINGLE_SELECTION (selection);
}

static gboolean
is_open_button (GtkWidget *widget,
                gpointer   css_class)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, css_class) &&
         gtk_widget_get_mapped (widget);
}

/* The row button that opens @name's page in a table (its list item's row). */
static GtkWidget *
row_open_button (GtkWidget  *table,
                 const char *name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  find_widgets (table, is_open_button, "ld-row-open", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkListItem *list_item = g_object_get_data (buttons->pdata[i], "ld-list-item");
      LdRowItem *item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;

      if (item != NULL && g_strcmp0 (ld_row_item_get_name (item), name) == 0)
        return buttons->pdata[i];
    }

  g_error ("no open button for %s", name);
}

/* The position of @name in a table's selection model. */
static guint
row_position (GtkSingleSelection *selection,
              const char         *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(LdRowItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strcmp0 (ld_row_item_get_name (item), name) == 0)
        return i;
    }

  g_error ("no row for %s", name);
}

/* ---- the cards ------------------------------------------------------------------- */

static void
test_adoption_card (void)
{
  g_autoptr(LdReport) report = ld_test_load_fixture ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  g_autofree char *csv = g_build_filename (tmp_dir, "adoption.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *bars = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *headline = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = ld_adoption_card_new ();
  GtkSingleSelection *selection;

  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (card), query, result);
  ld_test_flush_events ();

  g_assert_cmpstr (ld_card_get_title (LD_CARD (card)), ==, "Adoption");
  g_assert_cmpint (ld_card_get_widget_id (LD_CARD (card)), ==, LD_WIDGET_ADOPTION);
  g_assert_cmpstr (figure (card, 0), ==, "20");
  g_assert_cmpstr (figure (card, 1), ==, "3");
  g_assert_cmpstr (figure (card, 2), ==, "42.86%");
  headline = ld_card_get_headline_text (LD_CARD (card));
  g_assert_cmpstr (headline, ==, "Unassigned licenses: 20; Customers with unassigned licenses: 3; "
                                 "Assignment rate: 42.86%.");

  /* Every customer in the table, ranked by unassigned licences. */
  selection = ld_adoption_card_get_selection (LD_ADOPTION_CARD (card));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 4);
  {
    static const char *const names[] = { "Contoso", "Northwind", "Fabrikam", "" };
    static const guint64 unassigned[] = { 8, 8, 4, 0 };

    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(LdRowItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

        g_assert_cmpstr (ld_row_item_get_name (item), ==, names[i]);
        g_assert_cmpuint (ld_row_item_get_unassigned (item), ==, unassigned[i]);
      }
  }

  /* The chart's words for screen readers. */
  bars = ld_chart_view_get_text_alternative (LD_CHART_VIEW (ld_adoption_card_get_bar_chart (LD_ADOPTION_CARD (card))));
  ld_test_assert_contains (bars, "Contoso: Unassigned 8 (40.0%)");
  ld_test_assert_contains (bars, "Northwind: Unassigned 8 (40.0%)");
  g_assert_null (strstr (bars, "Name not shared"));

  /* Save Data as CSV is the adoption table, byte for byte. */
  g_assert_true (ld_card_export_save_csv (LD_CARD (card), file, &error));
  g_assert_no_error (error);
  saved = read_text (csv);
  g_assert_cmpstr (saved, ==, expected_adoption);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_states_card (void)
{
  g_autoptr(LdReport) report = ld_test_load_fixture ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = g_build_filename (tmp_dir, "states.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *card = g_object_ref_sink (ld_trend_card_new (LD_WIDGET_STATES));

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  ld_card_update (LD_CARD (card), query, result);

  g_assert_cmpstr (ld_card_get_title (LD_CARD (card)), ==, "License states");
  g_assert_cmpint (ld_card_get_widget_id (LD_CARD (card)), ==, LD_WIDGET_STATES);
  g_assert_cmpstr (figure (card, 0), ==, "27");
  g_assert_cmpstr (figure (card, 1), ==, "8");

  /* The text alternative says each state's months. */
  text = ld_chart_view_get_text_alternative (LD_CHART_VIEW (ld_trend_card_get_chart (LD_TREND_CARD (card))));
  ld_test_assert_contains (text, "Active fell from 14 in January 2026 to 5 in March 2026.");
  ld_test_assert_contains (text, "Inactive rose from 0 in January 2026 to 8 in March 2026.");

  g_assert_true (ld_card_export_save_csv (LD_CARD (card), file, &error));
  g_assert_no_error (error);
  saved = read_text (csv);
  g_assert_cmpstr (saved, ==,
                   "Month,LicenseState,Customers,LicensesProvisioned,LicensesAssigned\n"
                   "2026-01,Active,2,14,6\n"
                   "2026-01,Inactive,0,0,0\n"
                   "2026-02,Active,2,8,5\n"
                   "2026-02,Inactive,0,0,0\n"
                   "2026-03,Active,1,5,4\n"
                   "2026-03,Inactive,1,8,0\n");

  g_object_unref (card);
}

/* ---- the customer's page --------------------------------------------------------- */

/* Enter (or a double click) on a row of Analysis › Customers: the table's "activate". */
static void
test_open_from_analysis (void)
{
  LdWindow *window = open_fixture_window ();
  LdAnalysisCard *analysis = LD_ANALYSIS_CARD (ld_window_get_card (window, LD_WIDGET_ANALYSIS_CUSTOMERS));
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  GtkSingleSelection *selection;
  GtkWidget *back;

  g_assert_false (ld_window_is_customer_shown (window));
  ld_analysis_card_set_view (analysis, LD_ROW_KIND_CUSTOMERS);
  ld_test_flush_events ();
  selection = ld_analysis_card_get_selection (analysis);
  find_widgets (GTK_WIDGET (analysis), is_column_view_of, selection, tables);
  g_assert_cmpuint (tables->len, ==, 1);

  g_signal_emit_by_name (tables->pdata[0], "activate", row_position (selection, "Contoso"));
  ld_test_flush_events ();

  g_assert_true (ld_window_is_customer_shown (window));
  g_assert_cmpstr (page_title (window), ==, "Contoso");
  g_assert_cmpstr (ld_customer_page_get_label (ld_customer_view_get_page (customer_view (window))), ==,
                   "Contoso (DE)");
  assert_overview (window, "16", "8", "50.00%", "8", "2");
  /* Back's keyboard focus is on the page. */
  back = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (customer_view (window)), LD_TYPE_CUSTOMER_VIEW,
                                                    "back_button"));
  g_assert_true (gtk_widget_has_focus (back));

  /* Back: the dashboard again. */
  g_signal_emit_by_name (back, "clicked");
  ld_test_flush_events ();
  g_assert_false (ld_window_is_customer_shown (window));
  /* Once it slid away, the page is hidden: no swipe and no screen reader finds it. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (gtk_widget_get_visible (GTK_WIDGET (customer_view (window))))
      {
        g_main_context_iteration (NULL, FALSE);
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      }
  }
  /* Nothing to go back from: the action is off (Back with it), so Escape goes on
   * to whoever else wants it. */
  g_assert_false (gtk_widget_get_sensitive (back));

  /* A product row has no page. */
  ld_analysis_card_set_view (analysis, LD_ROW_KIND_PRODUCTS);
  ld_test_flush_events ();
  g_ptr_array_set_size (tables, 0);
  selection = ld_analysis_card_get_selection (analysis);
  find_widgets (GTK_WIDGET (analysis), is_column_view_of, selection, tables);
  g_signal_emit_by_name (tables->pdata[0], "activate", 0);
  ld_test_flush_events ();
  g_assert_false (ld_window_is_customer_shown (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button of an Adoption row; Escape's action returns. */
static void
test_open_from_adoption (void)
{
  LdWindow *window = open_fixture_window ();
  LdCard *adoption = ld_window_get_card (window, LD_WIDGET_ADOPTION);
  GtkWidget *table = ld_adoption_card_get_table (LD_ADOPTION_CARD (adoption));

  g_signal_emit_by_name (row_open_button (table, "Northwind"), "clicked");
  ld_test_flush_events ();

  g_assert_true (ld_window_is_customer_shown (window));
  g_assert_cmpstr (page_title (window), ==, "Northwind");
  /* No country: the label is the name alone. */
  g_assert_cmpstr (ld_customer_page_get_label (ld_customer_view_get_page (customer_view (window))), ==,
                   "Northwind");
  assert_overview (window, "8", "0", "0.00%", "8", "1");
  {
    GtkWidget *states = ld_customer_view_get_card (customer_view (window), LD_CUSTOMER_SECTION_STATES);

    g_assert_cmpstr (figure (states, 0), ==, "8");
    g_assert_cmpstr (ld_card_get_title (LD_CARD (states)), ==, "License states");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-customer", NULL));
  ld_test_flush_events ();
  g_assert_false (ld_window_is_customer_shown (window));

  /* Enter on a row: the unnamed US customer's page. */
  g_signal_emit_by_name (table, "activate",
                         row_position (ld_adoption_card_get_selection (LD_ADOPTION_CARD (adoption)), ""));
  ld_test_flush_events ();
  g_assert_cmpstr (page_title (window), ==, "Name not shared");
  assert_overview (window, "2", "2", "100.00%", "0", "1");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_filter_row (GtkWidget *widget,
               gpointer   value)
{
  GtkWidget *box, *label;

  if (!LD_IS_FILTER_ROW (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  box = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));
  label = gtk_widget_get_first_child (box);
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), value) == 0;
}

/* The open button of a Customer name option: the page of the name, the option's box
 * left as it was. */
static void
test_open_from_filter (void)
{
  LdWindow *window = open_fixture_window ();
  LdFilterSidebar *sidebar = LD_FILTER_SIDEBAR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                               LD_TYPE_WINDOW, "sidebar"));
  LdFilterGroup *customers = ld_filter_sidebar_get_group (sidebar, LD_DIM_CUSTOMER);
  LdFilterGroup *countries = ld_filter_sidebar_get_group (sidebar, LD_DIM_COUNTRY);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) country_buttons = g_ptr_array_new ();

  ld_filter_group_set_expanded (customers, TRUE);
  ld_filter_group_set_expanded (countries, TRUE);
  /* The opened lists map their rows on a later frame; a slow (sanitized) run needs more
   * than one flush. The deadline is one only a hang reaches. */
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    do
      {
        ld_test_flush_events ();
        g_ptr_array_set_size (rows, 0);
        find_widgets (GTK_WIDGET (customers), is_filter_row, "Fabrikam", rows);
      }
    while (rows->len == 0 && g_get_monotonic_time () < deadline);
  }
  g_assert_cmpuint (rows->len, ==, 1);
  /* The button sits beside the check box, not in it. */
  find_widgets (gtk_widget_get_parent (rows->pdata[0]), is_open_button, "ld-filter-open", buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_true (gtk_widget_get_prev_sibling (buttons->pdata[0]) == rows->pdata[0]);
  /* Other filters have no such button. */
  find_widgets (GTK_WIDGET (countries), is_open_button, "ld-filter-open", country_buttons);
  g_assert_cmpuint (country_buttons->len, ==, 0);

  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  ld_test_flush_events ();

  g_assert_true (ld_window_is_customer_shown (window));
  g_assert_cmpstr (page_title (window), ==, "Fabrikam");
  assert_overview (window, "9", "5", "55.56%", "4", "2");
  /* Opening is not ticking: the dashboard is not filtered. */
  g_assert_cmpuint (ld_query_get_n_filter_values (ld_window_get_query (window), LD_DIM_CUSTOMER), ==, 0);
  g_assert_false (gtk_check_button_get_active (rows->pdata[0]));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page counts with the window's range and filters, the Customer name filter
 * giving way to it; a new report closes it. */
static void
test_page_follows_window (void)
{
  LdWindow *window = open_fixture_window ();
  LdCustomerView *view = customer_view (window);
  GtkWidget *overview = ld_customer_view_get_card (view, LD_CUSTOMER_SECTION_OVERVIEW);
  GtkLabel *subtitle = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (view), LD_TYPE_CUSTOMER_VIEW,
                                                                 "subtitle_label"));
  g_autofree char *headline = NULL;
  guint32 contoso = G_MAXUINT32;

  {
    const LdCustomerRow *rows;
    guint n;

    rows = ld_result_get_customers_table (ld_window_get_result (window), &n);
    for (guint i = 0; i < n; i++)
      if (g_strcmp0 (rows[i].name, "Contoso") == 0)
        contoso = rows[i].customer;
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "u", contoso));
  ld_test_flush_events ();
  ld_test_assert_contains (gtk_label_get_label (subtitle), "Germany");
  ld_test_assert_contains (gtk_label_get_label (subtitle), "Jan 2026 – Mar 2026");
  ld_test_assert_contains (gtk_label_get_label (subtitle), "no previous period in the data");

  /* The dashboard filtered to another customer: the page still shows Contoso's. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-filter", "(ss)", "customer", "Fabrikam");
  ld_test_flush_events ();
  assert_overview (window, "16", "8", "50.00%", "8", "2");

  /* Austria: none of Contoso's rows pass. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-filter", "(ss)", "country", "AT");
  ld_test_flush_events ();
  assert_overview (window, "0", "0", "—", "0", "0");  /* no rate of nothing provisioned */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  ld_test_flush_events ();

  /* February against January: 6 vs 10 provisioned, 3 vs 5 assigned. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.custom-range", "(ii)",
                              LD_MONTH (2026, 2), LD_MONTH (2026, 2));
  ld_test_flush_events ();
  assert_overview (window, "6", "3", "50.00%", "3", "1");
  ld_test_assert_contains (gtk_label_get_label (subtitle), "compared with Jan 2026");
  headline = ld_card_get_headline_text (LD_CARD (overview));
  ld_test_assert_contains (headline, "Provisioned: 6, down 40.0% compared with Jan 2026");
  ld_test_assert_contains (headline, "Unassigned licenses: 3, down 40.0% compared with Jan 2026");
  g_assert_true (ld_window_is_customer_shown (window));

  /* Another report: its customers are others. */
  ld_window_open_sample (window);
  wait_for_load (window);
  g_assert_false (ld_window_is_customer_shown (window));
  g_assert_null (ld_customer_view_get_page (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page's menu: the page as a PDF, its tables as CSV files; a card's own menu. */
static void
test_page_exports (void)
{
  LdWindow *window = open_fixture_window ();
  LdCustomerView *view = customer_view (window);
  LdCard *adoption = ld_window_get_card (window, LD_WIDGET_ADOPTION);
  g_autofree char *pdf = g_build_filename (tmp_dir, "contoso.pdf", NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, "tables", NULL);
  g_autofree char *trend_csv = g_build_filename (tmp_dir, "trend.csv", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) trend_file = g_file_new_for_path (trend_csv);
  g_autoptr(GError) error = NULL;

  g_signal_emit_by_name (row_open_button (ld_adoption_card_get_table (LD_ADOPTION_CARD (adoption)), "Contoso"),
                         "clicked");
  ld_test_flush_events ();
  g_assert_true (ld_window_is_customer_shown (window));

  g_assert_true (ld_customer_view_save_pdf (view, pdf_file, &error));
  g_assert_no_error (error);
  if (ld_test_have_poppler ())
    {
      g_autofree char *text = ld_test_pdf_text (pdf);

      ld_test_assert_contains (text, "Customer report");
      ld_test_assert_contains (text, "Contoso (DE)");
      ld_test_assert_contains (text, "fixture.csv");
      ld_test_assert_contains (text, "Overview");
      ld_test_assert_contains (text, "Licenses per month");
      ld_test_assert_contains (text, "Offers and plans");
      ld_test_assert_contains (text, "License states");
      ld_test_assert_contains (text, "Sales Hub · Gold");
    }

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (ld_customer_view_save_tables (view, folder_file, &error));
  g_assert_no_error (error);
  {
    g_autofree char *summary_path = g_build_filename (folder, "contoso-summary.csv", NULL);
    g_autofree char *licenses_path = g_build_filename (folder, "contoso-licenses.csv", NULL);
    g_autofree char *products_path = g_build_filename (folder, "contoso-analysis-products.csv", NULL);
    g_autofree char *states_path = g_build_filename (folder, "contoso-states.csv", NULL);
    g_autofree char *data_path = g_build_filename (folder, "contoso-data.csv", NULL);
    g_autofree char *summary = read_text (summary_path);
    g_autofree char *licenses = read_text (licenses_path);
    g_autofree char *products = read_text (products_path);
    g_autofree char *states = read_text (states_path);
    g_autofree char *data = read_text (data_path);
    g_auto(GStrv) lines = NULL;

    /* One customer, two rows, all time: no previous period. */
    ld_test_assert_contains (summary, "\n1,16,8,50.00,2026-01,2026-03,2,0,,,,,,\n");
    g_assert_cmpstr (licenses, ==, "Month,LicensesProvisioned,LicensesAssigned\n"
                                   "2026-01,10,5\n2026-02,6,3\n2026-03,0,0\n");
    ld_test_assert_contains (products, "\nPower BI visual,prod-a,Sales Hub,Gold,1,10,5,62.50,50.00\n");
    ld_test_assert_contains (products, "\nSaaS,prod-b,Insights,Basic,1,6,3,37.50,50.00\n");
    g_assert_cmpstr (states, ==, "Month,LicenseState,Customers,LicensesProvisioned,LicensesAssigned\n"
                                 "2026-01,Active,1,10,5\n2026-02,Active,1,6,3\n2026-03,Active,0,0,0\n");
    /* The customer's own rows, in the file's columns. */
    lines = g_strsplit (data, "\n", -1);
    /* The header, two rows, and the empty string after the last newline. */
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    ld_test_assert_contains (data, "Germany,DE,Contoso,2026-01-10,Sales Hub,prod-a,Gold");
    g_assert_null (strstr (data, "Fabrikam"));
  }

  /* A card of the page saves the customer's own table. */
  g_assert_true (ld_card_export_save_csv (LD_CARD (ld_customer_view_get_card (view, LD_CUSTOMER_SECTION_TREND)),
                                          trend_file, &error));
  g_assert_no_error (error);
  {
    g_autofree char *trend = read_text (trend_csv);

    g_assert_cmpstr (trend, ==, "Month,LicensesProvisioned,LicensesAssigned\n"
                                "2026-01,10,5\n2026-02,6,3\n2026-03,0,0\n");
  }

  /* The page's offers and plans table lists both. */
  {
    GtkWidget *table = ld_customer_card_get_table (LD_CUSTOMER_CARD (ld_customer_view_get_card (view, LD_CUSTOMER_SECTION_PRODUCTS)));
    GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (table));

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The figures above are worked in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = g_dir_make_tmp ("ld-customer-page-XXXXXX", NULL);

  g_test_add_func ("/customer-page/adoption-card", test_adoption_card);
  g_test_add_func ("/customer-page/states-card", test_states_card);
  g_test_add_func ("/customer-page/open-from-analysis", test_open_from_analysis);
  g_test_add_func ("/customer-page/open-from-adoption", test_open_from_adoption);
  g_test_add_func ("/customer-page/open-from-filter", test_open_from_filter);
  g_test_add_func ("/customer-page/follows-window", test_page_follows_window);
  g_test_add_func ("/customer-page/exports", test_page_exports);

  status = g_test_run ();
  ld_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
