/* ld-chart-private.h — what the chart kinds share: text, shapes, legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "ld-chart-theme.h"

G_BEGIN_DECLS

/* Text measured with unhinted metrics, so a layout is the same on the screen,
 * in a PNG, in a PDF and in the hit-testing code. */
typedef struct
{
  PangoContext         *context;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  double                line_height;
} LdChartText;

void         ld_chart_text_init        (LdChartText        *text,
                                        cairo_t            *cr,
                                        const LdChartTheme *theme);
void         ld_chart_text_clear       (LdChartText        *text);
PangoLayout *ld_chart_text_layout      (LdChartText        *text,
                                        const char         *str,
                                        gboolean            bold);
double       ld_chart_text_width       (LdChartText        *text,
                                        const char         *str,
                                        gboolean            bold);

typedef enum
{
  LD_CHART_ALIGN_START,
  LD_CHART_ALIGN_CENTER,
  LD_CHART_ALIGN_END,
} LdChartAlign;

/* Draws @str with its box's horizontal @align at @x and vertically centred on @y;
 * @max_width > 0 ellipsizes at the end. Returns the drawn width. */
double       ld_chart_text_draw        (LdChartText        *text,
                                        cairo_t            *cr,
                                        const char         *str,
                                        gboolean            bold,
                                        double              x,
                                        double              y,
                                        LdChartAlign        align,
                                        double              max_width,
                                        const LdChartColor *color);

/* Measuring surface for the hit-testing functions, which get no cairo_t. */
cairo_t     *ld_chart_measure_cr_new   (void);

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
