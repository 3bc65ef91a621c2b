/* ld-chart.c — every chart kind behind one table: draw, hit-test, height, words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ld-chart.h"

typedef struct
{
  void     (*draw)             (const LdChart *chart, cairo_t *cr, double width, double height,
                                const LdChartTheme *theme);
  double   (*preferred_height) (const LdChart *chart, const LdChartTheme *theme, double width,
                                gboolean compact);
  int      (*item_at)          (const LdChart *chart, const LdChartTheme *theme, double width,
                                double height, double x, double y);
  gboolean (*item_area)        (const LdChart *chart, const LdChartTheme *theme, double width,
                                double height, int item, cairo_rectangle_t *area);
  char    *(*item_summary)     (const LdChart *chart, int item);
  void     (*set_highlight)    (LdChart *chart, int item);
  char    *(*text_alternative) (const LdChart *chart);
  double    width_weight;
} ChartKindClass;

/* ---- trend ----------------------------------------------------------------------- */

static void
trend_draw (const LdChart *chart, cairo_t *cr, double width, double height, const LdChartTheme *theme)
{
  ld_trend_chart_draw (cr, width, height, &chart->trend, theme);
}

static double
trend_height (const LdChart *chart, const LdChartTheme *theme, double width, gboolean compact)
{
  return ld_trend_chart_get_preferred_height (&chart->trend, theme, width);
}

static int
trend_item_at (const LdChart *chart, const LdChartTheme *theme, double width, double height,
               double x, double y)
{
  return ld_trend_chart_month_at (&chart->trend, theme, width, height, x, y);
}

static gboolean
trend_item_area (const LdChart *chart, const LdChartTheme *theme, double width, double height,
                 int item, cairo_rectangle_t *area)
{
  return ld_trend_chart_get_month_area (&chart->trend, theme, width, height, item, area);
}

static char *
trend_item_summary (const LdChart *chart, int item)
{
  return ld_trend_chart_get_month_summary (&chart->trend, item);
}

static void
trend_set_highlight (LdChart *chart, int item)
{
  chart->trend.highlight = item;
}

static char *
trend_text_alternative (const LdChart *chart)
{
  return ld_trend_chart_get_text_alternative (&chart->trend);
}

/* ---- bars ------------------------------------------------------------------------ */

static void
bars_draw (const LdChart *chart, cairo_t *cr, double width, double height, const LdChartTheme *theme)
{
  ld_bar_chart_draw (cr, width, height, &chart->bars, theme);
}

/* Compact rows are tighter yet above the bar chart's minimum, so no item is left out. */
static double
bars_height (const LdChart *chart, const LdChartTheme *theme, double width, gboolean compact)
{
  return ld_bar_chart_get_preferred_height (&chart->bars, theme, width) * (compact ? 0.8 : 1);
}

static int
bars_item_at (const LdChart *chart, const LdChartTheme *theme, double width, double height,
              double x, double y)
{
  return ld_bar_chart_item_at (&chart->bars, theme, width, height, x, y);
}

static gboolean
bars_item_area (const LdChart *chart, const LdChartTheme *theme, double width, double height,
                int item, cairo_rectangle_t *area)
{
  return ld_bar_chart_get_bar_area (&chart->bars, theme, width, height, item, area);
}

static char *
bars_item_summary (const LdChart *chart, int item)
{
  return ld_bar_chart_get_item_summary (&chart->bars, item);
}

static void
bars_set_highlight (LdChart *chart, int item)
{
  chart->bars.highlight = item;
}

static char *
bars_text_alternative (const LdChart *chart)
{
  return ld_bar_chart_get_text_alternative (&chart->bars);
}

/* ---- map ------------------------------------------------------------------------- */

static void
map_draw (const LdChart *chart, cairo_t *cr, double width, double height, const LdChartTheme *theme)
{
  ld_map_chart_draw (cr, width, height, &chart->map, theme);
}

static double
map_height (const LdChart *chart, const LdChartTheme *theme, double width, gboolean compact)
{
  return ld_map_chart_get_preferred_height (&chart->map, theme, width);
}

/* A map's items are its countries: the first item with the code under the pointer. */
static int
map_item_at (const LdChart *chart, const LdChartTheme *theme, double width, double height,
             double x, double y)
{
  const char *code = ld_map_chart_country_at (&chart->map, theme, width, height, x, y);

  for (guint i = 0; code != NULL && i < chart->map.n_items; i++)
    if (g_strcmp0 (chart->map.items[i].code, code) == 0)
      return (int) i;

  return -1;
}

static gboolean
map_item_area (const LdChart *chart, const LdChartTheme *theme, double width, double height,
               int item, cairo_rectangle_t *area)
{
  /* A country is no rectangle: the tooltip follows the pointer. */
  return FALSE;
}

static char *
map_item_summary (const LdChart *chart, int item)
{
  if (item < 0 || (guint) item >= chart->map.n_items)
    return NULL;

  return ld_map_chart_get_country_summary (&chart->map, chart->map.items[item].code);
}

static void
map_set_highlight (LdChart *chart, int item)
{
  chart->map.hover = item >= 0 && (guint) item < chart->map.n_items ? chart->map.items[item].code : NULL;
}

static char *
map_text_alternative (const LdChart *chart)
{
  return ld_map_chart_get_text_alternative (&chart->map);
}

/* ---- the table ------------------------------------------------------------------- */

static const ChartKindClass kinds[] = {
  [LD_CHART_TREND] = { trend_draw, trend_height, trend_item_at, trend_item_area, trend_item_summary,
                       trend_set_highlight, trend_text_alternative, 1.0 },
  [LD_CHART_BARS] = { bars_draw, bars_height, bars_item_at, bars_item_area, bars_item_summary,
                      bars_set_highlight, bars_text_alternative, 1.0 },
  [LD_CHART_MAP] = { map_draw, map_height, map_item_at, map_item_area, map_item_summary,
                     map_set_highlight, map_text_alternative, 1.7 },
};

static const ChartKindClass *
kind_class (const LdChart *chart)
{
  g_assert ((guint) chart->kind < G_N_ELEMENTS (kinds));

  return &kinds[chart->kind];
}

void
ld_chart_init (LdChart     *chart,
               LdChartKind  kind)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (kinds));

  memset (chart, 0, sizeof *chart);
  chart->kind = kind;
  ld_trend_chart_data_init (&chart->trend);
  ld_bar_chart_data_init (&chart->bars);
  ld_map_chart_data_init (&chart->map);
}

void
ld_chart_draw (const LdChart      *chart,
               cairo_t            *cr,
               double              width,
               double              height,
               const LdChartTheme *theme)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL);

  kind_class (chart)->draw (chart, cr, width, height, theme);
}

double
ld_chart_get_preferred_height (const LdChart      *chart,
                               const LdChartTheme *theme,
                               double              width,
                               gboolean            compact)
{
  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  return kind_class (chart)->preferred_height (chart, theme, width, compact);
}

double
ld_chart_get_width_weight (const LdChart *chart)
{
  g_return_val_if_fail (chart != NULL, 1);

  return kind_class (chart)->width_weight;
}

int
ld_chart_item_at (const LdChart      *chart,
                  const LdChartTheme *theme,
                  double              width,
                  double              height,
                  double              x,
                  double              y)
{
  g_return_val_if_fail (chart != NULL, -1);

  return kind_class (chart)->item_at (chart, theme, width, height, x, y);
}

gboolean
ld_chart_get_item_area (const LdChart      *chart,
                        const LdChartTheme *theme,
                        double              width,
                        double              height,
                        int                 item,
                        cairo_rectangle_t  *area)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  return kind_class (chart)->item_area (chart, theme, width, height, item, area);
}

char *
ld_chart_get_item_summary (const LdChart *chart,
                           int            item)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return kind_class (chart)->item_summary (chart, item);
}

void
ld_chart_set_highlight (LdChart *chart,
                        int      item)
{
  g_return_if_fail (chart != NULL);

  kind_class (chart)->set_highlight (chart, item);
}

char *
ld_chart_get_text_alternative (const LdChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return kind_class (chart)->text_alternative (chart);
}

/* ---- copies ---------------------------------------------------------------------- */

static gpointer
keep (GPtrArray     *owned,
      gconstpointer  data,
      gsize          size)
{
  gpointer copy;

  if (data == NULL)
    return NULL;

  copy = g_memdup2 (data, size);
  g_ptr_array_add (owned, copy);
  return copy;
}

static const char *
keep_string (GPtrArray  *owned,
             const char *str)
{
  return str != NULL ? keep (owned, str, strlen (str) + 1) : NULL;
}

void
ld_chart_copy (const LdChart *chart,
               LdChart       *copy,
               GPtrArray     *owned)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (copy != NULL);
  g_return_if_fail (owned != NULL);

  *copy = *chart;
  copy->title = keep_string (owned, chart->title);

  copy->trend.total_label = keep_string (owned, chart->trend.total_label);
  copy->trend.n_series = MIN (chart->trend.n_series, LD_TREND_CHART_MAX_SERIES);
  for (guint i = 0; i < copy->trend.n_series; i++)
    {
      LdTrendSeries *series = &copy->trend.series[i];

      series->label = keep_string (owned, series->label);
      series->values = chart->trend.n_months > 0
        ? keep (owned, series->values, sizeof (guint64) * chart->trend.n_months)
        : NULL;
    }

  copy->bars.value_label = keep_string (owned, chart->bars.value_label);
  copy->bars.secondary_label = keep_string (owned, chart->bars.secondary_label);
  if (chart->bars.n_items > 0)
    {
      LdBarChartItem *items = keep (owned, chart->bars.items, sizeof (LdBarChartItem) * chart->bars.n_items);

      for (guint i = 0; i < chart->bars.n_items; i++)
        items[i].label = keep_string (owned, items[i].label);
      copy->bars.items = items;
    }
  else
    copy->bars.items = NULL;

  if (chart->map.n_items > 0)
    {
      LdMapChartItem *items = keep (owned, chart->map.items, sizeof (LdMapChartItem) * chart->map.n_items);

      for (guint i = 0; i < chart->map.n_items; i++)
        {
          items[i].code = keep_string (owned, items[i].code);
          items[i].name = keep_string (owned, items[i].name);
        }
      copy->map.items = items;
    }
  else
    copy->map.items = NULL;
  if (chart->map.selected != NULL)
    {
      guint n = g_strv_length ((char **) chart->map.selected);
      const char **selected = keep (owned, chart->map.selected, sizeof (char *) * (n + 1));

      for (guint i = 0; i < n; i++)
        selected[i] = keep_string (owned, selected[i]);
      copy->map.selected = selected;
    }
  copy->map.hover = keep_string (owned, chart->map.hover);
}
