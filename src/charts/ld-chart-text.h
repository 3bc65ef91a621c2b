/* ld-chart-text.h — text on charts, cards and report pages, measured the same everywhere
 *
 * One helper for every string the app draws with cairo: the charts' labels at the
 * theme's size, and the cards' and the dashboard report's titles, figures and
 * captions at sizes in units of it. Metrics are unhinted, so a layout is the same on
 * the screen, in a PNG, in a PDF, on the printer and in the hit-testing code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "ld-chart-theme.h"

G_BEGIN_DECLS

typedef struct
{
  PangoContext         *context;
  char                 *family;
  double                size;         /* the theme's label size */
  PangoFontDescription *font;         /* at @size */
  PangoFontDescription *bold;
  double                line_height;  /* of a label at @size, rounded up */

  /*< private >*/
  cairo_t              *measure_cr;
  LdChartTheme          fallback;
} LdChartText;

typedef enum
{
  LD_CHART_TEXT_PLAIN = 0,
  LD_CHART_TEXT_BOLD  = 1 << 0,
  LD_CHART_TEXT_WRAP  = 1 << 1,  /* wrap at the width rather than ellipsize */
  /* Ellipsize in the middle rather than at the end: for names whose end tells them
   * apart ("Contoso Field…Optimizer · Premium" beside "… · Standard"). */
  LD_CHART_TEXT_MIDDLE = 1 << 2,
} LdChartTextStyle;

typedef enum
{
  LD_CHART_ALIGN_START,
  LD_CHART_ALIGN_CENTER,
  LD_CHART_ALIGN_END,
} LdChartAlign;

/* Text drawn on @cr with @theme's font. */
void         ld_chart_text_init            (LdChartText        *text,
                                            cairo_t            *cr,
                                            const LdChartTheme *theme);
/* Text only measured, for the functions that get no cairo_t (hit-testing, sizes):
 * on a scratch surface, with @theme or, when it is NULL, the default theme, which
 * is returned. */
const LdChartTheme *
             ld_chart_text_init_measuring  (LdChartText        *text,
                                            const LdChartTheme *theme);
void         ld_chart_text_clear           (LdChartText        *text);

/* A chart kind's layout of @data into @layout (both the kind's own types) in
 * @width × @height with @text; FALSE when there is nothing to draw. */
typedef gboolean (*LdChartLayoutFunc) (gconstpointer       data,
                                       const LdChartTheme *theme,
                                       LdChartText        *text,
                                       double              width,
                                       double              height,
                                       gpointer            layout);
/* Runs @func with a measuring text, for hit-testing and sizes: with @theme or,
 * when it is NULL, the default theme. Returns what @func returns. */
gboolean     ld_chart_measure_layout       (LdChartLayoutFunc   func,
                                            gconstpointer       data,
                                            const LdChartTheme *theme,
                                            double              width,
                                            double              height,
                                            gpointer            layout);

/* A label at the theme's size. */
PangoLayout *ld_chart_text_layout          (LdChartText        *text,
                                            const char         *str,
                                            gboolean            bold);
double       ld_chart_text_width           (LdChartText        *text,
                                            const char         *str,
                                            gboolean            bold);
/* Draws @str with its box's horizontal @align at @x and vertically centred on @y;
 * @max_width > 0 ellipsizes at the end. Returns the drawn width. */
double       ld_chart_text_draw            (LdChartText        *text,
                                            cairo_t            *cr,
                                            const char         *str,
                                            gboolean            bold,
                                            double              x,
                                            double              y,
                                            LdChartAlign        align,
                                            double              max_width,
                                            const LdChartColor *color);

/* Text at @size (user units) that wraps or ellipsizes at @width (> 0), for cards
 * and pages. Its size: either pointer may be NULL. */
PangoLayout *ld_chart_text_layout_sized    (LdChartText        *text,
                                            const char         *str,
                                            double              size,
                                            LdChartTextStyle    style,
                                            double              width);
void         ld_chart_text_measure         (LdChartText        *text,
                                            const char         *str,
                                            double              size,
                                            LdChartTextStyle    style,
                                            double              width,
                                            double             *out_width,
                                            double             *out_height);
double       ld_chart_text_height_sized    (LdChartText        *text,
                                            const char         *str,
                                            double              size,
                                            LdChartTextStyle    style,
                                            double              width);
double       ld_chart_text_width_sized     (LdChartText        *text,
                                            const char         *str,
                                            double              size,
                                            LdChartTextStyle    style);
/* As ld_chart_text_draw() for @style's font and ellipsis (never wrapped). */
double       ld_chart_text_draw_styled     (LdChartText        *text,
                                            cairo_t            *cr,
                                            const char         *str,
                                            LdChartTextStyle    style,
                                            double              x,
                                            double              y,
                                            LdChartAlign        align,
                                            double              max_width,
                                            const LdChartColor *color);

/* The text @layout shows, with "…" where it is ellipsized. */
char        *ld_chart_text_visible         (PangoLayout        *layout);

/* Draws with the top of the text's box at @y and its start (or with
 * LD_CHART_ALIGN_END its end) at @x. Returns the height drawn. */
double       ld_chart_text_draw_box        (LdChartText        *text,
                                            cairo_t            *cr,
                                            const char         *str,
                                            double              size,
                                            LdChartTextStyle    style,
                                            double              x,
                                            double              y,
                                            double              width,
                                            LdChartAlign        align,
                                            const LdChartColor *color);

G_END_DECLS
