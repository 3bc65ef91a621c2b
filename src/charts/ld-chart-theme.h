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
  /* The accent's companion: the same hue, apart from it by lightness (darker on a
   * light card, lighter on a dark one), for a second part of one whole stacked on
   * the accent's (new customers under the returning ones). */
  LD_CHART_COLOR_PRIMARY_SHADE,
  LD_CHART_N_COLORS,
  /* The colours of an open set of categories (licence states): category n is
   * LD_CHART_COLOR_CATEGORY + n, for n below LD_CHART_N_CATEGORIES. */
  LD_CHART_COLOR_CATEGORY = 16,
} LdChartColorIndex;

/* Categorical colours differ in hue (and, where they can, in lightness) and each
 * stands 3:1 or more off the theme's background, in light and in dark. */
#define LD_CHART_N_CATEGORIES 11

/* The contrast the theme keeps (WCAG 2's ratios): text against its background,
 * and a chart's marks (bars, lines, map shades) against theirs and against the
 * marks they touch. */
#define LD_CHART_TEXT_CONTRAST 4.5
#define LD_CHART_MARK_CONTRAST 3.0

typedef struct
{
  LdChartColor background;  /* alpha 0: the chart leaves the background alone */
  LdChartColor foreground;  /* value labels, legend text */
  LdChartColor muted;       /* axis labels, captions, empty-state text: still 4.5:1 */
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
/* Text in @color (the CSS foreground on screen): the foreground and the muted
 * text derived from it, the muted one no lighter than 4.5:1 on the theme's
 * background. Call while the background is still opaque. */
void ld_chart_theme_set_text_color (LdChartTheme       *theme,
                                    const LdChartColor *color);

/* WCAG 2's relative luminance of @color laid over @background (opaque; NULL: the
 * colour's own RGB), and the contrast ratio of two colours each laid over
 * @background (from 1:1 to 21:1). */
double       ld_chart_color_luminance (const LdChartColor *color,
                                       const LdChartColor *background);
double       ld_chart_color_contrast  (const LdChartColor *a,
                                       const LdChartColor *b,
                                       const LdChartColor *background);
/* @color moved towards @target (black or white, say) until it stands at least
 * @ratio off @against, or @target itself when nothing closer does. */
LdChartColor ld_chart_color_contrasting (LdChartColor        color,
                                         const LdChartColor *target,
                                         const LdChartColor *against,
                                         double              ratio);

/* Convenience for the draw functions: sets @color as source, its alpha times @alpha. */
void ld_chart_color_set_source (cairo_t            *cr,
                                const LdChartColor *color,
                                double              alpha);

G_END_DECLS
