/* ld-chart-theme.h — colours and fonts the charts paint with
 *
 * A plain struct so the widgets can fill it from the style manager and the
 * exporters and tests can fill it with no display at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} LdChartColor;

/* Which palette entry a series is painted with. */
typedef enum
{
  LD_CHART_COLOR_PRIMARY,   /* the accent colour */
  LD_CHART_COLOR_SECONDARY, /* stays apart from the accent, also for colour-blind eyes */
  LD_CHART_COLOR_TERTIARY,
  LD_CHART_COLOR_OTHERS,    /* grey, for "Others" */
  LD_CHART_N_COLORS,
  /* The colours of an open set of categories (licence states): category n is
   * LD_CHART_COLOR_CATEGORY + n, for n below LD_CHART_N_CATEGORIES. */
  LD_CHART_COLOR_CATEGORY = 16,
} LdChartColorIndex;

/* Categorical colours differ in hue (and, where they can, in lightness) and each
 * stands 3:1 or more off the theme's background, in light and in dark. */
#define LD_CHART_N_CATEGORIES 11

typedef struct
{
  LdChartColor background;  /* alpha 0: the chart leaves the background alone */
  LdChartColor foreground;  /* value labels, legend text */
  LdChartColor muted;       /* axis labels, empty-state text */
  LdChartColor grid;        /* horizontal grid lines */
  LdChartColor baseline;    /* the zero line */
  LdChartColor highlight;   /* the band behind the month under the pointer */
  LdChartColor track;       /* the empty part of a horizontal bar */
  LdChartColor series[LD_CHART_N_COLORS];
  LdChartColor categories[LD_CHART_N_CATEGORIES];
  char         font_family[64]; /* a Pango family list, e.g. "Cantarell, Sans" */
  double       font_size;       /* label size in user-space units (pixels at scale 1) */
  gboolean     dark;
} LdChartTheme;

void ld_chart_theme_init       (LdChartTheme       *theme,
                                gboolean            dark,
                                double              accent_r,
                                double              accent_g,
                                double              accent_b);
void ld_chart_theme_set_font   (LdChartTheme       *theme,
                                const char         *family,
                                double              size);

/* The light palette with libadwaita's default accent and the default font at
 * @font_size (0: the default size). Exports are printed on white paper and pasted
 * into white documents, so they use it whatever the screen's style; a measurement
 * with no theme of its own uses it too. */
void ld_chart_theme_init_default (LdChartTheme     *theme,
                                  double            font_size);

/* The colour of @index: a series colour or a category's (LD_CHART_COLOR_CATEGORY + n). */
const LdChartColor *ld_chart_theme_get_color (const LdChartTheme *theme,
                                              LdChartColorIndex   index);

/* Convenience for the draw functions: sets @color as source, its alpha times @alpha. */
void ld_chart_color_set_source (cairo_t            *cr,
                                const LdChartColor *color,
                                double              alpha);

G_END_DECLS
