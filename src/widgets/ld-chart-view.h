/* ld-chart-view.h — a widget that paints one src/charts/ chart
 *
 * The view keeps a copy of a chart of any kind (ld-chart.h), paints it with the
 * plain cairo draw function in the widget's colours (light/dark, accent, font), highlights the month
 * or bar under the pointer, shows its exact values in a tooltip, and gives screen
 * readers the chart's text alternative as its accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-chart.h"

G_BEGIN_DECLS

#define LD_TYPE_CHART_VIEW (ld_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LdChartView, ld_chart_view, LD, CHART_VIEW, GtkWidget)

GtkWidget *ld_chart_view_new                 (const char             *accessible_label);

/* Copies @chart, with its values, items and labels: the caller's may go away
 * after the call. NULL shows the empty state. */
void       ld_chart_view_set_chart           (LdChartView            *self,
                                              const LdChart          *chart);

/* Paints the chart (without highlight) into any cairo context: PNG, PDF, print. */
void       ld_chart_view_draw                (LdChartView            *self,
                                              cairo_t                *cr,
                                              double                  width,
                                              double                  height,
                                              const LdChartTheme     *theme);
char      *ld_chart_view_get_text_alternative (LdChartView           *self);
/* The chart the view shows (owned by the view), for tests that lay it out. */
const LdChart *ld_chart_view_get_chart       (LdChartView            *self);
/* The tooltip text for the month or bar at (@x, @y) in widget coordinates, or NULL. */
char      *ld_chart_view_get_tooltip_at      (LdChartView            *self,
                                              double                  x,
                                              double                  y);

/* The chart colours and font of @widget's current style. */
void       ld_chart_theme_init_for_widget    (LdChartTheme           *theme,
                                              GtkWidget              *widget);

G_END_DECLS
