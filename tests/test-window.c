/* test-window.c — the dashboard window, in process (suite "gui": needs a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ld-application.h"
#include "ld-card-export.h"
#include "ld-card-private.h"
#include "ld-chart-format.h"
#include "ld-loader.h"
#include "ld-test-gtk.h"
#include "ld-test-report.h"
#include "ld-window-private.h"

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

static const char *
figure (LdWindow   *window,
        LdWidgetId  widget,
        guint       index)
{
  LdCard *card = ld_window_get_card (window, widget);

  g_assert_nonnull (card);
  g_assert_cmpuint (index, <, ld_card_get_n_figures (card));
  return gtk_label_get_label (ld_card_get_figure_label (card, index));
}

/* The cards' headline figures are the engine's, formatted for the locale. */
static void
assert_headlines (LdWindow *window,
                  LdResult *expected)
{
  g_autofree char *customers = ld_chart_format_count (ld_result_get_customers (expected));
  g_autofree char *provisioned = ld_chart_format_count (ld_result_get_provisioned (expected));
  g_autofree char *assigned = ld_chart_format_count (ld_result_get_assigned (expected));
  g_autofree char *rate = ld_chart_format_rate (ld_result_get_assignment_rate (expected));
  g_autofree char *headline = NULL;

  g_assert_cmpstr (figure (window, LD_WIDGET_CUSTOMERS, 0), ==, customers);
  g_assert_cmpstr (figure (window, LD_WIDGET_LICENSES, 0), ==, provisioned);
  g_assert_cmpstr (figure (window, LD_WIDGET_LICENSES, 1), ==, assigned);
  g_assert_cmpstr (figure (window, LD_WIDGET_LICENSES, 2), ==, rate);

  /* What a screen reader says of the card carries the same figure. */
  headline = ld_card_get_headline_text (ld_window_get_card (window, LD_WIDGET_LICENSES));
  g_assert_nonnull (strstr (headline, provisioned));
}

static LdWindow *
open_sample_window (void)
{
  LdWindow *window = ld_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  ld_window_open_sample (window);
  wait_for_load (window);
  g_assert_nonnull (ld_window_get_report (window));
  /* Windows remember the last preset (GSettings, in memory here): start each test
   * from the default. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.range", "s", "last-6");
  ld_test_flush_events ();
  return window;
}

static void
test_window_sample (void)
{
  g_autoptr(LdReport) report = ld_test_load_sample ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) expected = ld_query_run (query);
  LdWindow *window = ld_window_new (NULL);
  GtkStack *stack;
  AdwWindowTitle *title;

  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (ld_window_get_report (window));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "download_button"))));

  ld_window_open_sample (window);
  g_assert_true (ld_window_is_loading (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  wait_for_load (window);

  g_assert_nonnull (ld_window_get_report (window));
  g_assert_null (ld_window_get_last_error (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "report");
  g_assert_cmpuint (ld_result_get_provisioned (expected), >, 0);
  assert_headlines (window, expected);

  /* The default range is the last six months of the data, not of today. */
  g_assert_cmpint (ld_query_get_range_preset (ld_window_get_query (window)), ==, LD_RANGE_LAST_6);
  g_assert_cmpint (ld_result_get_to_month (ld_window_get_result (window)), ==, ld_report_get_last_month (report));

  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "window_title"));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "Data through"));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "2026"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_actions (void)
{
  g_autoptr(LdReport) report = ld_test_load_sample ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  LdWindow *window = open_sample_window ();
  const LdFacetOption *countries;
  g_autofree char *country = NULL;
  guint n;

  /* A filter through the window's action: the cards follow. */
  {
    g_autoptr(LdResult) all = ld_query_run (query);

    countries = ld_result_get_facet (all, LD_DIM_COUNTRY, &n);
    g_assert_cmpuint (n, >, 1);
    country = g_strdup (countries[1].value);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-filter", "(ss)", "country", country);
  ld_test_flush_events ();
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, country);
  {
    g_autoptr(LdResult) expected = ld_query_run (query);

    g_assert_true (ld_query_has_filter_value (ld_window_get_query (window), LD_DIM_COUNTRY, country));
    /* The active filter shows above the cards. */
    {
      GtkLabel *summary = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW,
                                                                    "filter_summary_label"));
      g_autofree char *expected_summary = g_strdup_printf ("Country/region: %s", country);

      g_assert_cmpstr (gtk_label_get_label (summary), ==, expected_summary);
    }
    g_assert_cmpuint (ld_result_get_provisioned (ld_window_get_result (window)), ==,
                      ld_result_get_provisioned (expected));
    assert_headlines (window, expected);
  }

  /* The range, through the stateful action the date range button uses. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.range", "s", "last-12");
  ld_test_flush_events ();
  ld_query_set_range_preset (query, LD_RANGE_LAST_12);
  {
    g_autoptr(LdResult) expected = ld_query_run (query);

    g_assert_cmpint (ld_query_get_range_preset (ld_window_get_query (window)), ==, LD_RANGE_LAST_12);
    g_assert_cmpuint (ld_result_get_n_months (ld_window_get_result (window)), ==, 12);
    assert_headlines (window, expected);
  }

  /* A custom range. */
  {
    int last = ld_report_get_last_month (report);
    g_autoptr(LdResult) expected = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.custom-range", "(ii)", last - 2, last - 1);
    ld_test_flush_events ();
    ld_query_set_custom_range (query, last - 2, last - 1);
    expected = ld_query_run (query);
    g_assert_cmpuint (ld_result_get_n_months (ld_window_get_result (window)), ==, 2);
    assert_headlines (window, expected);
  }

  /* Clear all filters: back to every country. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  ld_test_flush_events ();
  ld_query_clear_all_filters (query);
  {
    g_autoptr(LdResult) expected = ld_query_run (query);

    g_assert_cmpuint (ld_query_get_n_filter_values (ld_window_get_query (window), LD_DIM_COUNTRY), ==, 0);
    assert_headlines (window, expected);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("ld-test-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_window_drop (void)
{
  g_autofree char *path = write_temp ("CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
                                      "LicensesAssigned,LicensesProvisioned\n"
                                      "Contoso,DE,2026-03-05,app,Gold,3,12\n"
                                      "Fabrikam,FR,2026-04-01,app,Gold,1,2\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GdkFileList *files;
  g_autofree char *basename = g_path_get_basename (path);
  LdWindow *window = open_sample_window ();
  GSList *list = g_slist_prepend (NULL, file);

  files = gdk_file_list_new_from_list (list);
  g_slist_free (list);

  g_assert_true (ld_window_drop_files (window, files));
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  wait_for_load (window);

  g_assert_cmpstr (ld_report_get_display_name (ld_window_get_report (window)), ==, basename);
  g_assert_cmpuint (ld_result_get_provisioned (ld_window_get_result (window)), ==, 14);
  g_assert_cmpstr (figure (window, LD_WIDGET_CUSTOMERS, 0), ==, "2");
  g_assert_cmpstr (figure (window, LD_WIDGET_LICENSES, 0), ==, "14");

  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_bad_file_keeps_report (void)
{
  g_autoptr(LdReport) report = ld_test_load_sample ();
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) expected = ld_query_run (query);
  /* It names some report columns but lacks ActivationDate. */
  g_autofree char *path = write_temp ("CustomerName,ProductId,LicensesProvisioned,LicensesAssigned\n"
                                      "Contoso,app,12,3\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LdWindow *window = open_sample_window ();
  LdReport *before = ld_window_get_report (window);
  GListModel *toplevels;
  gboolean dialog_shown = FALSE;

  ld_window_open_file (window, file);
  wait_for_load (window);

  g_assert_true (ld_window_get_report (window) == before);
  g_assert_nonnull (ld_window_get_last_error (window));
  g_assert_nonnull (strstr (ld_window_get_last_error (window), "ActivationDate"));
  assert_headlines (window, expected);

  /* The message is on screen, in a dialog over the window. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        {
          g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w)), "ActivationDate"));
          dialog_shown = TRUE;
          gtk_window_destroy (w);
        }
    }
  g_assert_true (dialog_shown);

  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file with a header and no row: the window says so where the cards would be,
 * names the file, says what to do, and no card claims a 0.00% share or rate. */
static void
test_window_header_only (void)
{
  g_autofree char *path = write_temp ("CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
                                      "LicensesAssigned,LicensesProvisioned\n");
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LdWindow *window = open_sample_window ();
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "stack"));
  AdwStatusPage *page;
  GtkWidget *skipped_button;
  static const LdWidgetId cards[] = { LD_WIDGET_CUSTOMERS, LD_WIDGET_LICENSES, LD_WIDGET_ANALYSIS_PRODUCTS,
                                      LD_WIDGET_ADOPTION, LD_WIDGET_STATES, LD_WIDGET_GEO };

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "report");
  ld_window_open_file (window, file);
  wait_for_load (window);

  g_assert_nonnull (ld_window_get_report (window));
  g_assert_cmpuint (ld_report_get_n_rows (ld_window_get_report (window)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-rows");
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "This Report Has No Rows");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), basename));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "open another file"));
  /* Nothing was skipped: no Skipped Rows button. */
  skipped_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW,
                                                              "no_rows_skipped_button"));
  g_assert_false (gtk_widget_get_visible (skipped_button));
  /* Nothing to filter or download: the header bar's report controls go. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW,
                                                                                     "date_range_button"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW,
                                                                                     "sidebar_button"))));

  /* The cards behind it say no percentage of nothing. */
  for (guint c = 0; c < G_N_ELEMENTS (cards); c++)
    {
      LdCard *card = ld_window_get_card (window, cards[c]);

      g_assert_nonnull (card);
      for (guint i = 0; i < ld_card_get_n_figures (card); i++)
        {
          const char *text = gtk_label_get_label (ld_card_get_figure_label (card, i));

          g_assert_null (strstr (text, "0.00%"));
          g_assert_null (strstr (text, "0.00 %"));
        }
    }
  g_assert_cmpstr (figure (window, LD_WIDGET_LICENSES, 2), ==, "—");

  /* A file with rows brings the cards back. */
  g_file_set_contents (path, "CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
                             "LicensesAssigned,LicensesProvisioned\n"
                             "Contoso,DE,2026-03-05,app,Gold,3,12\n", -1, NULL);
  ld_window_open_file (window, file);
  wait_for_load (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "report");
  g_assert_cmpstr (figure (window, LD_WIDGET_LICENSES, 2), ==, "25.00%");

  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every row of the file unreadable: the page says so and offers the skipped rows. */
static void
test_window_all_rows_skipped (void)
{
  g_autofree char *path = write_temp ("CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
                                      "LicensesAssigned,LicensesProvisioned\n"
                                      "Contoso,DE,not a date,app,Gold,3,12\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LdWindow *window = open_sample_window ();
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "stack"));
  AdwStatusPage *page;

  ld_window_open_file (window, file);
  wait_for_load (window);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-rows");
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "could not be read"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW,
                                                                                    "no_rows_skipped_button"))));
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* Skipped Rows is a list: one row for each bad row, its line, its column and its
 * reason, and the advice once rather than on every row. */
static void
test_window_skipped_rows_list (void)
{
  g_autofree char *path = write_temp ("CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
                                      "LicensesAssigned,LicensesProvisioned\n"
                                      "Contoso,DE,2026-03-05,app,Gold,3,12\n"
                                      "Fabrikam,FR,someday,app,Gold,1,2\n"
                                      "Northwind,US,2026-04-01,app,Gold,-1,2\n"
                                      "Tailspin,US,2026-04-01,app,Gold,1,two\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LdWindow *window = open_sample_window ();
  GtkWindow *dialog;
  GtkWidget *list, *row;
  g_autoptr(GString) all = g_string_new (NULL);
  static const char *const expected[] = {
    "Line 3, column 3: ActivationDate \"someday\" is not a date",
    "Line 4, column 6: LicensesAssigned \"-1\" is negative",
    "Line 5, column 7: LicensesProvisioned \"two\" is not a number",
  };
  const char *advice = "Correct the cell, or download the report again.";
  guint n = 0;

  ld_window_open_file (window, file);
  wait_for_load (window);
  g_assert_cmpuint (ld_report_get_rows_skipped (ld_window_get_report (window)), ==, 3);

  dialog = ld_window_present_skipped (window);
  g_assert_nonnull (dialog);
  ld_test_flush_events ();
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Skipped Rows");

  list = find_named (GTK_WIDGET (dialog), "skipped-rows");
  g_assert_true (GTK_IS_LIST_BOX (list));
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GString) cells = g_string_new (NULL);
      const char *spoken = gtk_widget_get_tooltip_text (row);
      g_autofree char *line = NULL;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      /* What a screen reader says of the row (its accessible label, also its tooltip). */
      g_assert_true (g_str_has_prefix (spoken, expected[n]));
      /* The row shows the line, the column and the reason, without the advice. */
      collect_labels (row, cells);
      line = g_strdup_printf ("%u\n", n + 3);
      g_assert_true (g_str_has_prefix (cells->str, line));
      g_assert_null (strstr (cells->str, advice));
      g_assert_null (strstr (spoken, advice));
      n++;
    }
  g_assert_cmpuint (n, ==, 3);

  /* The advice once, in the window. */
  collect_labels (GTK_WIDGET (dialog), all);
  g_assert_nonnull (strstr (all->str, advice));
  g_assert_null (strstr (strstr (all->str, advice) + 1, advice));

  gtk_window_destroy (dialog);
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Saved licenses.csv" offers to open the file: the toast's Open button opens its URI. */
static void
test_window_saved_toast (void)
{
  g_autofree char *path = write_temp ("a,b\n1,2\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  LdWindow *window = open_sample_window ();
  LdCard *card = ld_window_get_card (window, LD_WIDGET_LICENSES);
  AdwToast *toast;

  g_assert_null (ld_window_get_last_saved_toast (window));
  /* What a card's Save Data as CSV… does once the file is written. */
  ld_card_export_toast_saved (GTK_WIDGET (card), "Saved licenses.csv", file);
  toast = ld_window_get_last_saved_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Saved licenses.csv");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-saved");
  g_assert_cmpstr (g_variant_get_string (adw_toast_get_action_target_value (toast), NULL), ==, uri);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.saved", "(ss)", "Saved x", uri));
  g_assert_true (ld_window_get_last_saved_toast (window) != toast);

  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
metainfo_url (const char *type)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "io.github.licensedashboard.LicenseDashboard.metainfo.xml.in",
                                                 NULL);
  g_autofree char *text = NULL;
  g_autofree char *open = g_strdup_printf ("<url type=\"%s\">", type);
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  start = strstr (text, open);
  g_assert_nonnull (start);
  start += strlen (open);
  end = strstr (start, "</url>");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* The About window names who made it, and links to the metainfo's homepage and
 * bug tracker. */
static void
test_window_about (void)
{
  LdWindow *window = open_sample_window ();
  GtkWidget *about = ld_application_new_about_window (GTK_WINDOW (window));
  g_autofree char *homepage = metainfo_url ("homepage");
  g_autofree char *bugtracker = metainfo_url ("bugtracker");
  const char *const *developers;

  g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==,
                   "The License Dashboard developers");
  developers = adw_about_window_get_developers (ADW_ABOUT_WINDOW (about));
  g_assert_nonnull (developers);
  g_assert_cmpstr (developers[0], ==, "The License Dashboard developers");
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==, homepage);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==, bugtracker);
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "licenses"));

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A card's menu hides the button's tooltip while it is open, and gives it back. */
static void
test_window_card_menu_tooltip (void)
{
  LdWindow *window = open_sample_window ();
  LdCard *card = ld_window_get_card (window, LD_WIDGET_LICENSES);
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (card), LD_TYPE_CARD,
                                                                          "menu_button"));

  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Card Menu");
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  ld_test_flush_events ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
  gtk_menu_button_popdown (button);
  ld_test_flush_events ();
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Card Menu");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A browser saving a new download over the open report: the window offers to
 * reload, and Reload shows the new figures. */
static void
test_window_file_changed_reload (void)
{
  g_autofree char *path = write_temp ("CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
                                      "LicensesAssigned,LicensesProvisioned\n"
                                      "Contoso,DE,2026-03-05,app,Gold,3,12\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LdWindow *window = ld_window_new (NULL);
  gint64 deadline;

  gtk_window_present (GTK_WINDOW (window));
  ld_window_open_file (window, file);
  wait_for_load (window);
  g_assert_cmpuint (ld_result_get_provisioned (ld_window_get_result (window)), ==, 12);
  g_assert_false (ld_window_is_reload_offered (window));

  /* g_file_set_contents writes a temporary file and renames it over, as browsers do. */
  g_file_set_contents (path,
                       "CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
                       "LicensesAssigned,LicensesProvisioned\n"
                       "Contoso,DE,2026-03-05,app,Gold,3,12\n"
                       "Fabrikam,FR,2026-03-09,app,Gold,5,30\n", -1, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!ld_window_is_reload_offered (window))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  wait_for_load (window);
  g_assert_cmpuint (ld_result_get_provisioned (ld_window_get_result (window)), ==, 42);
  g_assert_false (ld_window_is_reload_offered (window));

  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_cancel_keeps_report (void)
{
  LdWindow *window = open_sample_window ();
  LdReport *before = ld_window_get_report (window);

  /* Cancelled at once: nothing changes and no error is shown. */
  ld_window_open_sample (window);
  ld_window_cancel_load (window);
  wait_for_load (window);
  g_assert_true (ld_window_get_report (window) == before);
  g_assert_null (ld_window_get_last_error (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/sample", test_window_sample);
  g_test_add_func ("/window/actions", test_window_actions);
  g_test_add_func ("/window/drop", test_window_drop);
  g_test_add_func ("/window/bad-file-keeps-report", test_window_bad_file_keeps_report);
  g_test_add_func ("/window/cancel-keeps-report", test_window_cancel_keeps_report);
  g_test_add_func ("/window/file-changed-reload", test_window_file_changed_reload);
  g_test_add_func ("/window/header-only", test_window_header_only);
  g_test_add_func ("/window/all-rows-skipped", test_window_all_rows_skipped);
  g_test_add_func ("/window/skipped-rows-list", test_window_skipped_rows_list);
  g_test_add_func ("/window/saved-toast", test_window_saved_toast);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/card-menu-tooltip", test_window_card_menu_tooltip);

  return g_test_run ();
}
