/* ld-bench-map.c — how long the world map takes to draw, off screen
 *
 *   ld-bench-map [--width W] [--height H] [--repeat N] REPORT
 *
 * Loads REPORT, shades the map by its countries over all time and draws the whole
 * choropleth N times into an image surface, as a repaint of the Geographical spread
 * card or its export does. Prints the best, median and worst draw in milliseconds and
 * a RESULT line for run-bench.sh. A time belongs here, never in a test: a busy machine
 * makes any asserted duration fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ld-chart-theme.h"
#include "ld-loader.h"
#include "ld-map-chart.h"
#include "ld-query.h"
#include "ld-result.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  int width = 1024, height = 640, repeat = 20;
  const GOptionEntry entries[] = {
    { "width", 'w', 0, G_OPTION_ARG_INT, &width, "Width in pixels (default 1024)", "W" },
    { "height", 'h', 0, G_OPTION_ARG_INT, &height, "Height in pixels (default 640)", "H" },
    { "repeat", 'n', 0, G_OPTION_ARG_INT, &repeat, "Draws to time (default 20)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("REPORT - time the world map's drawing");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  g_autoptr(LdResult) result = NULL;
  g_autoptr(GArray) items = NULL;
  g_autofree double *ms = NULL;
  const LdCountryRow *rows;
  LdMapChartData data;
  LdChartTheme theme;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("ld-bench-map: %s\n", error != NULL ? error->message : "give one report file");
      return 2;
    }
  repeat = MAX (repeat, 1);

  file = g_file_new_for_commandline_arg (argv[1]);
  report = ld_loader_load_file (file, NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      g_printerr ("ld-bench-map: %s\n", error->message);
      return 1;
    }
  query = ld_query_new (report);
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);

  items = g_array_new (FALSE, TRUE, sizeof (LdMapChartItem));
  rows = ld_result_get_countries (result, &n);
  for (guint i = 0; i < n; i++)
    {
      LdMapChartItem item = {
        rows[i].code, rows[i].name, rows[i].provisioned, rows[i].customers, rows[i].assigned,
      };

      g_array_append_val (items, item);
    }

  ld_chart_theme_init (&theme, FALSE, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
  ld_map_chart_data_init (&data);
  data.items = (const LdMapChartItem *) items->data;
  data.n_items = items->len;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  ms = g_new (double, repeat);
  for (int i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();

      ld_map_chart_draw (cr, width, height, &data, &theme);
      cairo_surface_flush (surface);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  qsort (ms, repeat, sizeof (double), compare_doubles);
  g_print ("world map %d×%d, %u countries, %d draws: best %.1f ms, median %.1f ms, worst %.1f ms\n",
           width, height, n, repeat, ms[0], ms[repeat / 2], ms[repeat - 1]);
  g_print ("RESULT map_draw_median_ms=%.1f\n", ms[repeat / 2]);

  return 0;
}
