/* ld-bar-chart.h — ranked horizontal bars (Analysis top items, countries)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ld-chart-theme.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;     /* borrowed; ellipsized to fit */
  guint64     value;     /* e.g. provisioned */
  guint64     secondary; /* e.g. assigned, drawn inside the bar when the data has_secondary */
  gboolean    is_others; /* drawn in the "Others" grey */
} LdBarChartItem;

typedef struct
{
  const LdBarChartItem *items;  /* in the order to draw, usually value descending */
  guint                 n_items;
  const char           *value_label;     /* legend and text alternative, "Provisioned" */
  const char           *secondary_label; /* "Assigned" */
  gboolean              has_secondary;
  gboolean              show_percent;    /* "1,234 · 41.2%" */
  guint64               total;           /* percentages are of this; 0: the sum of the values */
  int                   highlight;       /* item drawn with a band, -1 for none */
} LdBarChartData;

/* Zero-fills @data and sets highlight to -1. */
void     ld_bar_chart_data_init          (LdBarChartData       *data);

/* Copies the first @max_items - 1 of @items to @out and sums the rest into a
 * last "Others" item (label translated, static); when @n_items <= @max_items
 * all are copied. @out holds @max_items items. Returns the number written. */
guint    ld_bar_chart_fold_items         (const LdBarChartItem *items,
                                          guint                 n_items,
                                          guint                 max_items,
                                          LdBarChartItem       *out);

void     ld_bar_chart_draw               (cairo_t              *cr,
                                          double                width,
                                          double                height,
                                          const LdBarChartData *data,
                                          const LdChartTheme   *theme);

/* The height at which every item gets a comfortable row, for the widget's
 * size request. Below it rows get tighter, then the last items are left out. */
double   ld_bar_chart_get_preferred_height (const LdBarChartData *data,
                                            const LdChartTheme   *theme,
                                            double                width);

/* The item under (@x, @y), or -1; @theme NULL means the default font. */
int      ld_bar_chart_item_at            (const LdBarChartData *data,
                                          const LdChartTheme   *theme,
                                          double                width,
                                          double                height,
                                          double                x,
                                          double                y);

/* The bar of @item (its full length: the scale is the largest item that is not
 * "Others"; an item beyond it is drawn broken), for tests and tooltips. */
gboolean ld_bar_chart_get_bar_area       (const LdBarChartData *data,
                                          const LdChartTheme   *theme,
                                          double                width,
                                          double                height,
                                          int                   item,
                                          cairo_rectangle_t    *area);

/* The label of @item as drawn at this size, "…" where it is ellipsized (in the
 * middle: the end of a name often tells it apart); NULL when @item is not drawn. */
char    *ld_bar_chart_get_visible_label  (const LdBarChartData *data,
                                          const LdChartTheme   *theme,
                                          double                width,
                                          double                height,
                                          int                   item);

/* The tooltip text of @item: its label, then "Provisioned: 2,400 (22.3%)" and,
 * with a secondary value, "Assigned: 2,300"; NULL when out of range. */
char    *ld_bar_chart_get_item_summary   (const LdBarChartData *data,
                                          int                   item);

/* A translated summary for screen readers: "Provisioned: Contoso 1,200 (40.0%), …". */
char    *ld_bar_chart_get_text_alternative (const LdBarChartData *data);

G_END_DECLS
