/* test-layout.c — the dashboard's layout in a real window: what a row shows when
 * its name is cut, the tables' "Show All", and a 360 px wide window (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ld-analysis-card-private.h"
#include "ld-bar-chart.h"
#include "ld-card-private.h"
#include "ld-chart-text.h"
#include "ld-chart-view.h"
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

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/layout/analysis-labels-distinct", test_analysis_labels_distinct);

  return g_test_run ();
}
