/* ld-trend-chart.h — a monthly time series: bars and lines on shared axes
 *
 * Used by the Customers card (new and returning customers as stacked bars,
 * cumulative as a line),
 * the Licenses card (provisioned and assigned) and the Analysis row trend.
 * Plain cairo: the same call paints the screen, a PNG, a PDF and a printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ld-chart-theme.h"

G_BEGIN_DECLS

/* Enough for the licence states a report has, each a series of its own. */
#define LD_TREND_CHART_MAX_SERIES 12

typedef enum
{
  LD_TREND_SERIES_BARS,
  LD_TREND_SERIES_LINE,
} LdTrendSeriesKind;

/* How several bar series share a month. NESTED draws each later series as a
 * narrower bar inside the earlier one, which suits a part of a whole (assigned
 * within provisioned); GROUPED puts them side by side; STACKED piles them up,
 * the first at the bottom, for parts that add up to a whole (new and returning
 * customers are the active ones), a hairline of background between the parts. */
typedef enum
{
  LD_TREND_BARS_GROUPED,
  LD_TREND_BARS_NESTED,
  LD_TREND_BARS_STACKED,
} LdTrendBarLayout;

typedef struct
{
  const char        *label;  /* legend text and subject of the text alternative */
  LdTrendSeriesKind  kind;
  const guint64     *values; /* n_months values, borrowed */
  LdChartColorIndex  color;  /* a series colour or a category's (ld_chart_theme_get_color()) */
} LdTrendSeries;

typedef struct
{
  int              first_month; /* year * 12 + (month - 1), see ld_chart_month_index() */
  guint            n_months;    /* every month of the range, zero months included */
  guint            n_series;    /* at most LD_TREND_CHART_MAX_SERIES */
  LdTrendSeries    series[LD_TREND_CHART_MAX_SERIES];
  LdTrendBarLayout bar_layout;
  /* STACKED: what the stack adds up to ("Active customers"), named in the tooltip
   * and the text alternative; NULL leaves it out. */
  const char      *total_label;
  int              highlight;   /* month index drawn as a band (the hovered one), -1 for none */
} LdTrendChartData;

/* Zero-fills @data and sets highlight to -1. */
void     ld_trend_chart_data_init           (LdTrendChartData       *data);

void     ld_trend_chart_draw                (cairo_t                *cr,
                                             double                  width,
                                             double                  height,
                                             const LdTrendChartData *data,
                                             const LdChartTheme     *theme);

/* The height the chart wants at @width on a card or a page: wide enough months
 * but never a ribbon nor a tower. */
double   ld_trend_chart_get_preferred_height (const LdTrendChartData *data,
                                              const LdChartTheme     *theme,
                                              double                  width);

/* The month (0 … n_months - 1) under (@x, @y) in a chart drawn at @width × @height
 * with @theme (NULL: the light default; only the font matters), or -1. Uses the
 * drawing's own layout, so a tooltip shows the month the pointer is over. */
int      ld_trend_chart_month_at            (const LdTrendChartData *data,
                                             const LdChartTheme     *theme,
                                             double                  width,
                                             double                  height,
                                             double                  x,
                                             double                  y);

/* The column of @month in the plot (full plot height), for placing a tooltip;
 * FALSE when @month is out of range or the chart is empty. */
gboolean ld_trend_chart_get_month_area      (const LdTrendChartData *data,
                                             const LdChartTheme     *theme,
                                             double                  width,
                                             double                  height,
                                             int                     month,
                                             cairo_rectangle_t      *area);

/* The tooltip text of @month: its name, then one "Label: value" line per series
 * ("October 2026\nProvisioned: 360\nAssigned: 300"), a stack's total after its
 * parts; NULL when out of range. */
char    *ld_trend_chart_get_month_summary   (const LdTrendChartData *data,
                                             int                     month);

/* A translated summary for screen readers, e.g. "Provisioned rose from 120 in
 * June 2026 to 340 in November 2026; peak 360 in October 2026." */
char    *ld_trend_chart_get_text_alternative (const LdTrendChartData *data);

G_END_DECLS
