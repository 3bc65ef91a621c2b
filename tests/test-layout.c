/* test-layout.c — the dashboard's layout in a real window: what a row shows when
 * its name is cut, the tables' "Show All", and a 360 px wide window (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ld-adoption-card-private.h"
#include "ld-analysis-card-private.h"
#include "ld-bar-chart.h"
#include "ld-card-private.h"
#include "ld-chart-text.h"
#include "ld-chart-view.h"
#include "ld-date-range-button.h"
#include "ld-row-table.h"
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

/* Iterates until nothing is queued for a resize or a redraw: the layout has settled. */
static void
settle (GtkWidget *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (int quiet = 0; quiet < 5;)
    {
      ld_test_flush_events ();
      if (gtk_widget_get_width (window) > 0 && !gtk_widget_should_layout (window))
        quiet++;
      else
        quiet = 0;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static LdWindow *
open_sample_window (int width,
                    int height)
{
  LdWindow *window = ld_window_new (NULL);

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ld_window_open_sample (window);
  wait_for_load (window);
  g_assert_nonnull (ld_window_get_report (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.range", "s", "last-6");
  settle (GTK_WIDGET (window));
  return window;
}

static void
collect_name_cells (GtkWidget *widget,
                    GPtrArray *cells)
{
  if (g_object_get_data (G_OBJECT (widget), "ld-subtitle") != NULL && gtk_widget_get_mapped (widget))
    g_ptr_array_add (cells, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_name_cells (child, cells);
}

static char *
label_visible_text (GtkWidget *label)
{
  if (!gtk_widget_get_visible (label))
    return g_strdup ("");
  return ld_chart_text_visible (gtk_label_get_layout (GTK_LABEL (label)));
}

static void
assert_distinct (GPtrArray  *texts,
                 const char *what)
{
  for (guint i = 0; i < texts->len; i++)
    for (guint j = i + 1; j < texts->len; j++)
      if (g_strcmp0 (texts->pdata[i], texts->pdata[j]) == 0)
        g_error ("%s %u and %u both show “%s”", what, i, j, (char *) texts->pdata[i]);
}

/* Issue 12 item 4: one offer's plans side by side must not show the same text. At
 * the default width the bars and the table rows of Analysis › Products differ. */
static void
test_analysis_labels_distinct (void)
{
  LdWindow *window = open_sample_window (-1, -1);
  LdCard *card = ld_window_get_card (window, LD_WIDGET_ANALYSIS_PRODUCTS);
  GtkWidget *chart = ld_analysis_card_get_bar_chart (LD_ANALYSIS_CARD (card));
  const LdChart *data = ld_chart_view_get_chart (LD_CHART_VIEW (chart));
  g_autoptr(GPtrArray) bars = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  gboolean cut = FALSE;
  LdChartTheme theme;

  g_assert_cmpint (data->kind, ==, LD_CHART_BARS);
  g_assert_cmpuint (data->bars.n_items, >=, 4);
  ld_chart_theme_init_for_widget (&theme, chart);
  for (guint i = 0; i < data->bars.n_items; i++)
    {
      char *label = ld_bar_chart_get_visible_label (&data->bars, &theme,
                                                    gtk_widget_get_width (chart),
                                                    gtk_widget_get_height (chart), i);

      if (label == NULL)
        continue;
      g_test_message ("bar %u: %s", i, label);
      cut |= strstr (label, "…") != NULL && strstr (data->bars.items[i].label, "…") == NULL;
      g_ptr_array_add (bars, label);
    }
  g_assert_cmpuint (bars->len, >=, 4);
  assert_distinct (bars, "Bars");
  /* The sample's names are long enough to be cut at this width: the test is of
   * what a cut keeps, not of names that fit. */
  g_assert_true (cut);

  collect_name_cells (GTK_WIDGET (card), cells);
  g_assert_cmpuint (cells->len, >=, 4);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      g_autofree char *name = label_visible_text (g_object_get_data (G_OBJECT (cell), "ld-label"));
      g_autofree char *plan = label_visible_text (g_object_get_data (G_OBJECT (cell), "ld-subtitle"));

      g_test_message ("row %u: %s / %s", i, name, plan);
      /* The whole name is the row's tooltip. */
      g_assert_nonnull (gtk_widget_get_tooltip_text (cell));
      g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (cell), gtk_label_get_label (g_object_get_data (G_OBJECT (cell), "ld-label"))));
      g_ptr_array_add (rows, g_strconcat (name, "\n", plan, NULL));
    }
  assert_distinct (rows, "Table rows");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the tables' top rows and "Show All" (issue 12 item 7) ------------------------ */

static guint
n_shown (GtkWidget *table)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table))));
}

/* Nothing to scroll inside the table: the page scrolls, the table shows its rows whole. */
static void
assert_no_inner_scroll (GtkWidget *table)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkPolicyType vpolicy;

  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), NULL, &vpolicy);
  g_assert_cmpint (vpolicy, ==, GTK_POLICY_NEVER);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_lower (adj), <=,
                     gtk_adjustment_get_page_size (adj) + 1);
}

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_column_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_show_all (void)
{
  LdWindow *window = open_sample_window (1400, 900);
  LdAdoptionCard *adoption = LD_ADOPTION_CARD (ld_window_get_card (window, LD_WIDGET_ADOPTION));
  GtkWidget *table = ld_adoption_card_get_table (adoption);
  GtkSingleSelection *selection = ld_adoption_card_get_selection (adoption);
  GtkWidget *button = ld_row_table_get_more_button (table);
  GtkWidget *geo_table = find_column_view (GTK_WIDGET (ld_window_get_card (window, LD_WIDGET_GEO)));
  GtkWidget *geo_button = ld_row_table_get_more_button (geo_table);
  guint n_customers = g_list_model_get_n_items (G_LIST_MODEL (selection));
  int collapsed_height;

  /* The sample has more customers with licences than one page of rows shows. */
  g_assert_cmpuint (n_customers, >, LD_ROW_TABLE_MAX_ROWS);
  g_assert_cmpuint (n_shown (table), ==, LD_ROW_TABLE_TOP_ROWS);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Show the Top 200");
  assert_no_inner_scroll (table);
  collapsed_height = gtk_widget_get_height (table);

  /* Clicked, the table grows in place, no scroller of its own; and back. */
  g_signal_emit_by_name (button, "clicked");
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (n_shown (table), ==, LD_ROW_TABLE_MAX_ROWS);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Show Fewer");
  g_assert_cmpint (gtk_widget_get_height (table), >, collapsed_height * 10);
  assert_no_inner_scroll (table);
  g_signal_emit_by_name (button, "clicked");
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (n_shown (table), ==, LD_ROW_TABLE_TOP_ROWS);
  g_assert_cmpint (gtk_widget_get_height (table), ==, collapsed_height);

  /* The card's selection is over every row: a row selected past the top rows (as the
   * map selects a country) shows them; one past the longest list stays selected. */
  gtk_single_selection_set_selected (selection, 150);
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (n_shown (table), ==, LD_ROW_TABLE_MAX_ROWS);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)))), ==, 150);
  gtk_single_selection_set_selected (selection, n_customers - 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n_customers - 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)))), ==, GTK_INVALID_LIST_POSITION);
  /* Selecting a shown row selects it for the card. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (table))), 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);

  /* The sample's 30 countries fit: "Show All" shows all of them. */
  g_assert_cmpuint (n_shown (geo_table), ==, LD_ROW_TABLE_TOP_ROWS);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (geo_button)), ==, "Show All");
  g_signal_emit_by_name (geo_button, "clicked");
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (n_shown (geo_table), ==, 30);
  assert_no_inner_scroll (geo_table);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- 360 px ----------------------------------------------------------------------- */

static GPtrArray *warnings;

static GLogWriterOutput
record_warnings (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (warnings != NULL && (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        g_ptr_array_add (warnings, g_strdup (fields[i].value));

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* Text cut to "Sa…" tells nothing: the label shows all its text, on more lines if need be. */
static void
assert_label_whole (GtkLabel   *label,
                    const char *what)
{
  PangoLayout *layout;
  g_autofree char *shown = NULL;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >, 0);
  layout = gtk_label_get_layout (label);
  shown = ld_chart_text_visible (layout);
  g_test_message ("%s: “%s” (%d px wide)", what, shown, gtk_widget_get_width (GTK_WIDGET (label)));
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_null (strstr (shown, "…"));
  g_assert_cmpstr (gtk_label_get_label (label), !=, "");
}

static void
report_wide (GtkWidget *widget,
             int        limit)
{
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > limit)
    {
      g_test_message ("wider than %d: %s %s (min %d)", limit, G_OBJECT_TYPE_NAME (widget),
                      gtk_widget_get_name (widget), min);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        report_wide (child, limit);
    }
}

/* Issue 12 item 8: at 360 px the file, the data's date and the range stay readable,
 * and nothing asks GTK for a negative size. */
static void
test_narrow_window (void)
{
  LdWindow *window;
  GtkWidget *date_button;
  GtkLabel *title, *subtitle, *range;

  warnings = g_ptr_array_new_with_free_func (g_free);
  /* Warnings are counted, not fatal: the test names them all. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  window = open_sample_window (360, 720);
  report_wide (GTK_WIDGET (window), 360);
  /* The default size counts the window's resize borders. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  /* Every card at least once on screen: scroll the page through. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (ld_window_get_card (window, LD_WIDGET_GEO)),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    for (double v = 0; v <= gtk_adjustment_get_upper (adj); v += gtk_adjustment_get_page_size (adj) / 2)
      {
        gtk_adjustment_set_value (adj, v);
        settle (GTK_WIDGET (window));
      }
  }

  title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "narrow_title"));
  subtitle = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "narrow_subtitle"));
  date_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "date_range_button"));
  range = GTK_LABEL (gtk_widget_get_template_child (date_button, LD_TYPE_DATE_RANGE_BUTTON, "range_label"));

  assert_label_whole (title, "title");
  g_assert_cmpstr (gtk_label_get_label (title), ==, "Sample report");
  assert_label_whole (subtitle, "subtitle");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (subtitle), "Data through"));
  assert_label_whole (range, "range");
  g_assert_cmpstr (gtk_label_get_label (range), ==, "Last 6 Months");

  /* In the band under the header bar, the range button is the only one there. */
  g_assert_null (gtk_widget_get_ancestor (date_button, ADW_TYPE_HEADER_BAR));

  /* Wide again, the title and the range go back to the header bar. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  settle (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 1200);
  g_assert_nonnull (gtk_widget_get_ancestor (date_button, ADW_TYPE_HEADER_BAR));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (title)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (range)));

  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("logged: %s", (char *) warnings->pdata[i]);
  g_assert_cmpuint (warnings->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&warnings, g_ptr_array_unref);
}

int
main (int    argc,
      char **argv)
{
  g_log_set_writer_func (record_warnings, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/layout/analysis-labels-distinct", test_analysis_labels_distinct);
  g_test_add_func ("/layout/show-all", test_show_all);
  g_test_add_func ("/layout/narrow-window", test_narrow_window);

  return g_test_run ();
}
