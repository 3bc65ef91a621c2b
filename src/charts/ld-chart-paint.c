/* ld-chart-paint.c — what the chart kinds draw alike: shapes, background, legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ld-chart-paint.h"

void
ld_chart_rounded_rect (cairo_t        *cr,
                       double          x,
                       double          y,
                       double          width,
                       double          height,
                       double          radius,
                       LdChartCorners  corners)
{
  double r = MAX (0, MIN (radius, MIN (width, height) / 2));
  double r_tl = corners & LD_CHART_CORNER_TOP_LEFT ? r : 0;
  double r_tr = corners & LD_CHART_CORNER_TOP_RIGHT ? r : 0;
  double r_br = corners & LD_CHART_CORNER_BOTTOM_RIGHT ? r : 0;
  double r_bl = corners & LD_CHART_CORNER_BOTTOM_LEFT ? r : 0;

  cairo_new_sub_path (cr);
  cairo_move_to (cr, x + r_tl, y);
  cairo_line_to (cr, x + width - r_tr, y);
  if (r_tr > 0)
    cairo_arc (cr, x + width - r_tr, y + r_tr, r_tr, -G_PI_2, 0);
  cairo_line_to (cr, x + width, y + height - r_br);
  if (r_br > 0)
    cairo_arc (cr, x + width - r_br, y + height - r_br, r_br, 0, G_PI_2);
  cairo_line_to (cr, x + r_bl, y + height);
  if (r_bl > 0)
    cairo_arc (cr, x + r_bl, y + height - r_bl, r_bl, G_PI_2, G_PI);
  cairo_line_to (cr, x, y + r_tl);
  if (r_tl > 0)
    cairo_arc (cr, x + r_tl, y + r_tl, r_tl, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

gboolean
ld_chart_begin (cairo_t            *cr,
                double              width,
                double              height,
                const LdChartTheme *theme,
                LdChartText        *text,
                LdChartLayoutFunc   layout_func,
                gconstpointer       data,
                gpointer            layout)
{
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  ld_chart_paint_background (cr, width, height, theme);
  ld_chart_text_init (text, cr, theme);

  if (!layout_func (data, theme, text, width, height, layout))
    {
      ld_chart_draw_empty (cr, text, width, height, theme);
      ld_chart_end (cr, text);
      return FALSE;
    }

  return TRUE;
}

void
ld_chart_end (cairo_t     *cr,
              LdChartText *text)
{
  ld_chart_text_clear (text);
  cairo_restore (cr);
}

void
ld_chart_paint_background (cairo_t            *cr,
                           double              width,
                           double              height,
                           const LdChartTheme *theme)
{
  if (theme->background.a <= 0)
    return;

  cairo_save (cr);
  ld_chart_color_set_source (cr, &theme->background, 1.0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
ld_chart_draw_empty (cairo_t            *cr,
                     LdChartText        *text,
                     double              width,
                     double              height,
                     const LdChartTheme *theme)
{
  double pad = ld_chart_padding (theme);

  ld_chart_text_draw (text, cr, _("No data in this range"), FALSE,
                      width / 2, height / 2, LD_CHART_ALIGN_CENTER,
                      MAX (1, width - 2 * pad), &theme->muted);
}

double
ld_chart_legend (cairo_t                  *cr,
                 LdChartText              *text,
                 const LdChartLegendEntry *entries,
                 guint                     n_entries,
                 double                    x,
                 double                    y,
                 double                    width,
                 const LdChartTheme       *theme)
{
  double lh = text->line_height;
  double swatch = round (theme->font_size * 0.85);
  double gap = round (theme->font_size * 0.5);
  double spacing = round (theme->font_size * 1.5);
  double cx = x;
  guint rows = 1;

  if (n_entries == 0)
    return 0;

  for (guint i = 0; i < n_entries; i++)
    {
      const LdChartLegendEntry *e = &entries[i];
      double text_w = ld_chart_text_width (text, e->label, FALSE);
      double entry_w = swatch + gap + text_w;
      double cy;

      if (cx > x && cx + entry_w > x + width)
        {
          cx = x;
          rows++;
        }
      /* A single entry wider than the chart ellipsizes rather than spills. */
      text_w = MIN (text_w, MAX (1, width - swatch - gap));
      entry_w = swatch + gap + text_w;
      cy = y + (rows - 1) * lh + lh / 2;

      if (cr != NULL)
        {
          cairo_save (cr);
          ld_chart_color_set_source (cr, e->color, 1.0);
          if (e->swatch == LD_CHART_SWATCH_LINE)
            {
              double lw = MAX (2, round (theme->font_size / 6));

              ld_chart_rounded_rect (cr, cx, cy - lw / 2, swatch, lw, lw / 2,
                                     LD_CHART_CORNER_ALL);
              cairo_fill (cr);
              cairo_arc (cr, cx + swatch / 2, cy, swatch * 0.3, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          else
            {
              ld_chart_rounded_rect (cr, cx, cy - swatch / 2, swatch, swatch,
                                     swatch / 4, LD_CHART_CORNER_ALL);
              cairo_fill (cr);
            }
          cairo_restore (cr);

          ld_chart_text_draw (text, cr, e->label, FALSE, cx + swatch + gap, cy,
                              LD_CHART_ALIGN_START, text_w + 0.5, &theme->foreground);
        }

      cx += entry_w + spacing;
    }

  return rows * lh;
}
