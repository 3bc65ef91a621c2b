/* ld-chart-paint.h — what the chart kinds draw alike: shapes, background, legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ld-chart-text.h"
#include "ld-chart-theme.h"

G_BEGIN_DECLS

/* A rectangle with the corners in @corners rounded by @radius (clamped to fit). */
typedef enum
{
  LD_CHART_CORNER_TOP_LEFT     = 1 << 0,
  LD_CHART_CORNER_TOP_RIGHT    = 1 << 1,
  LD_CHART_CORNER_BOTTOM_RIGHT = 1 << 2,
  LD_CHART_CORNER_BOTTOM_LEFT  = 1 << 3,
  LD_CHART_CORNER_ALL          = 0xf,
} LdChartCorners;

void         ld_chart_rounded_rect     (cairo_t            *cr,
                                        double              x,
                                        double              y,
                                        double              width,
                                        double              height,
                                        double              radius,
                                        LdChartCorners      corners);

/* Starts drawing a chart in (0, 0, @width, @height): saves @cr, clips to the area,
 * paints the theme's background, readies @text and lays @data out into @layout
 * with @layout_func. Returns FALSE when there is nothing more to draw: an empty
 * area, or no data, for which it drew the empty state and ended. */
gboolean     ld_chart_begin            (cairo_t            *cr,
                                        double              width,
                                        double              height,
                                        const LdChartTheme *theme,
                                        LdChartText        *text,
                                        LdChartLayoutFunc   layout_func,
                                        gconstpointer       data,
                                        gpointer            layout);
/* Ends what ld_chart_begin() started. */
void         ld_chart_end              (cairo_t            *cr,
                                        LdChartText        *text);

void         ld_chart_paint_background (cairo_t            *cr,
                                        double              width,
                                        double              height,
                                        const LdChartTheme *theme);
void         ld_chart_draw_empty       (cairo_t            *cr,
                                        LdChartText        *text,
                                        double              width,
                                        double              height,
                                        const LdChartTheme *theme);

typedef enum
{
  LD_CHART_SWATCH_BAR,
  LD_CHART_SWATCH_LINE,
} LdChartSwatch;

typedef struct
{
  const char         *label;
  LdChartSwatch       swatch;
  const LdChartColor *color;
} LdChartLegendEntry;

/* Legend entries flow left to right and wrap into rows inside @width, so no
 * entry is ever hidden; returns the height used (0 for no entries). With @cr
 * NULL it only measures. */
double       ld_chart_legend           (cairo_t                  *cr,
                                        LdChartText              *text,
                                        const LdChartLegendEntry *entries,
                                        guint                     n_entries,
                                        double                    x,
                                        double                    y,
                                        double                    width,
                                        const LdChartTheme       *theme);

/* Space between the chart and its edge and between its parts. */
static inline double
ld_chart_padding (const LdChartTheme *theme)
{
  return round (theme->font_size);
}

G_END_DECLS
