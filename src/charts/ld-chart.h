/* ld-chart.h — every chart kind behind one table: draw, hit-test, height, words
 *
 * A chart of any kind is an LdChart: its kind and that kind's data. The screen's chart
 * view, the cards' PNG and PDF exports, the dashboard report, the printer and the tests
 * all reach the kinds through these functions, so a new kind is one entry in the
 * table of ld-chart.c, not a case in every caller's switch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ld-bar-chart.h"
#include "ld-chart-theme.h"
#include "ld-map-chart.h"
#include "ld-trend-chart.h"

G_BEGIN_DECLS

typedef enum
{
  LD_CHART_TREND,  /* months: bars and lines (LdTrendChartData) */
  LD_CHART_BARS,   /* ranked horizontal bars (LdBarChartData) */
  LD_CHART_MAP,    /* the world, shaded by country (LdMapChartData) */
} LdChartKind;

/* Only the member of @kind is read. The data's arrays and strings are borrowed. */
typedef struct
{
  LdChartKind       kind;
  const char       *title;  /* a heading a card draws above the chart, or NULL */
  LdTrendChartData  trend;
  LdBarChartData    bars;
  LdMapChartData    map;
} LdChart;

/* Empty data of @kind, with no title. */
void      ld_chart_init                 (LdChart            *chart,
                                         LdChartKind         kind);

void      ld_chart_draw                 (const LdChart      *chart,
                                         cairo_t            *cr,
                                         double              width,
                                         double              height,
                                         const LdChartTheme *theme);

/* The height the chart wants at @width; @compact asks for the tightest that still
 * shows every item (two Analysis cards on one page). */
double    ld_chart_get_preferred_height (const LdChart      *chart,
                                         const LdChartTheme *theme,
                                         double              width,
                                         gboolean            compact);
/* Charts side by side share a row's width by these weights: a map wants room. */
double    ld_chart_get_width_weight     (const LdChart      *chart);

/* The item (month, bar, country of the data) under (@x, @y) in the chart drawn at
 * @width × @height, or -1; @theme NULL measures with the default theme. */
int       ld_chart_item_at              (const LdChart      *chart,
                                         const LdChartTheme *theme,
                                         double              width,
                                         double              height,
                                         double              x,
                                         double              y);
/* Where @item is drawn, for a tooltip's area; FALSE when the kind has none. */
gboolean  ld_chart_get_item_area        (const LdChart      *chart,
                                         const LdChartTheme *theme,
                                         double              width,
                                         double              height,
                                         int                 item,
                                         cairo_rectangle_t  *area);
/* The tooltip text of @item, or NULL. */
char     *ld_chart_get_item_summary     (const LdChart      *chart,
                                         int                 item);
/* Draws @item highlighted from now on; -1 for none. */
void      ld_chart_set_highlight        (LdChart            *chart,
                                         int                 item);
/* A translated summary for screen readers. */
char     *ld_chart_get_text_alternative (const LdChart      *chart);

/* Copies @chart into @copy, and every array and string it points to into new
 * memory added to @owned (a GPtrArray freeing with g_free), so the copy outlives
 * what it was copied from. */
void      ld_chart_copy                 (const LdChart      *chart,
                                         LdChart            *copy,
                                         GPtrArray          *owned);

G_END_DECLS
