/* ld-card-layout.c — a card drawn with plain cairo, as an image and a PDF page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ld-card-layout.h"
#include "ld-chart-paint.h"
#include "ld-chart-text.h"
#include "ld-document.h"

/* ---- the card's layout ----------------------------------------------------------- */

/* Sizes in units of the theme's font size, so one layout serves a 12 px screen
 * image and a 9 pt page. */
#define PAD            1.5
#define TITLE_SIZE     1.35
#define SUBTITLE_SIZE  1.0
#define FIG_CAPTION    0.85
#define FIG_VALUE      2.2
#define FIG_CHANGE     0.85
#define FIG_GAP_X      2.5
#define FIG_GAP_Y      1.0
#define SECTION_GAP    1.1
#define CHART_GAP      2.0
#define CHART_TITLE    0.95
#define CAPTION_SIZE   0.8
#define MIN_SIDE_WIDTH 22.0  /* a chart beside another needs this many units */

typedef struct
{
  double x, y, width, height;
} Rect;

typedef struct
{
  double u;
  double pad;
  double title_h;
  double figure_w[LD_CARD_MODEL_MAX_FIGURES];
  Rect   figures[LD_CARD_MODEL_MAX_FIGURES];
  double figure_h;
  Rect   chart_titles[LD_CARD_MODEL_MAX_CHARTS];
  Rect   charts[LD_CARD_MODEL_MAX_CHARTS];
  double caption_y;
  double caption_h;
  double height;
} CardLayout;

/* A chart on a card is at least this many units high, whatever it asks for. */
#define MIN_CHART_HEIGHT 8.0

static void
card_layout (LdChartText        *text,
             const LdChartTheme *theme,
             const LdCardModel  *model,
             double              width,
             double              height,
             LdCardLayoutFlags   flags,
             CardLayout         *l)
{
  double u = theme->font_size;
  double inner, x, y, row_h, extra;
  gboolean side_by_side;
  guint n_rows;

  memset (l, 0, sizeof *l);
  l->u = u;
  l->pad = round (PAD * u);
  inner = MAX (1, width - 2 * l->pad);
  y = l->pad;

  l->title_h = ld_chart_text_height_sized (text, model->title, TITLE_SIZE * u, LD_CHART_TEXT_BOLD, inner);
  y += l->title_h + round (SECTION_GAP * u * 0.7);

  /* Figures flow left to right and wrap, like the card's flow box. */
  {
    double fx = 0;
    double fig_h = ld_chart_text_height_sized (text, "Ag", FIG_CAPTION * u, LD_CHART_TEXT_PLAIN, -1)
                   + ld_chart_text_height_sized (text, "0", FIG_VALUE * u, LD_CHART_TEXT_BOLD, -1);
    gboolean any_change = FALSE;

    for (guint i = 0; i < model->n_figures; i++)
      any_change = any_change || model->figures[i].change != NULL;
    if (any_change)
      fig_h += ld_chart_text_height_sized (text, "Ag", FIG_CHANGE * u, LD_CHART_TEXT_PLAIN, -1);
    l->figure_h = fig_h;

    for (guint i = 0; i < model->n_figures; i++)
      {
        const LdCardFigure *figure = &model->figures[i];
        double w = MAX (ld_chart_text_width_sized (text, figure->caption, FIG_CAPTION * u, LD_CHART_TEXT_PLAIN),
                        ld_chart_text_width_sized (text, figure->value, FIG_VALUE * u, LD_CHART_TEXT_BOLD));

        if (figure->change != NULL)
          {
            g_autofree char *change = ld_card_figure_get_change_text (figure);

            w = MAX (w, ld_chart_text_width_sized (text, change, FIG_CHANGE * u, LD_CHART_TEXT_PLAIN));
          }
        w = MIN (ceil (w), inner);

        if (fx > 0 && fx + w > inner)
          {
            fx = 0;
            y += fig_h + round (FIG_GAP_Y * u);
          }
        l->figures[i] = (Rect) { l->pad + fx, y, w, fig_h };
        fx += w + round (FIG_GAP_X * u);
      }
    if (model->n_figures > 0)
      y += fig_h + round (SECTION_GAP * u);
  }

  /* Charts: side by side on a wide card when each gets a readable width. */
  side_by_side = model->wide && model->n_charts > 1 &&
                 inner >= model->n_charts * MIN_SIDE_WIDTH * u + (model->n_charts - 1) * CHART_GAP * u;
  n_rows = side_by_side ? MIN (model->n_charts, 1) : model->n_charts;

  {
    double total_weight = 0;
    double gap = round (CHART_GAP * u);
    double nat[LD_CARD_MODEL_MAX_CHARTS];
    double title_h[LD_CARD_MODEL_MAX_CHARTS];
    double widths[LD_CARD_MODEL_MAX_CHARTS];
    double any_title = 0;

    for (guint i = 0; i < model->n_charts; i++)
      total_weight += ld_chart_get_width_weight (&model->charts[i]);

    for (guint i = 0; i < model->n_charts; i++)
      {
        const LdChart *chart = &model->charts[i];

        widths[i] = side_by_side
          ? floor ((inner - gap * (model->n_charts - 1)) * ld_chart_get_width_weight (chart) / total_weight)
          : inner;
        title_h[i] = chart->title != NULL
          ? ld_chart_text_height_sized (text, chart->title, CHART_TITLE * u, LD_CHART_TEXT_BOLD, widths[i]) + round (0.4 * u)
          : 0;
        any_title = MAX (any_title, title_h[i]);
        nat[i] = ceil (MAX (ld_chart_get_preferred_height (chart, theme, widths[i],
                                                          (flags & LD_CARD_LAYOUT_COMPACT) != 0),
                                MIN_CHART_HEIGHT * u));
      }

    /* Room beyond the natural height (a taller area than asked for) goes to the charts. */
    extra = 0;
    if (height > 0)
      {
        double natural = y;

        if (side_by_side)
          {
            double h = 0;

            for (guint i = 0; i < model->n_charts; i++)
              h = MAX (h, nat[i]);
            natural += any_title + h + round (SECTION_GAP * u);
          }
        else
          for (guint i = 0; i < model->n_charts; i++)
            natural += title_h[i] + nat[i] + round (SECTION_GAP * u);

        if (!(flags & LD_CARD_LAYOUT_NO_CAPTION))
          natural += ld_chart_text_height_sized (text, model->caption, CAPTION_SIZE * u, LD_CHART_TEXT_WRAP, inner);
        natural += l->pad;
        if (height > natural && n_rows > 0)
          extra = (height - natural) / n_rows;
      }

    if (side_by_side)
      {
        row_h = 0;
        for (guint i = 0; i < model->n_charts; i++)
          row_h = MAX (row_h, nat[i]);
        row_h += extra;

        /* Every chart of the row takes its height: a trend stretches, a map
         * fits the world in and has open sea left over for its legend. */
        x = l->pad;
        for (guint i = 0; i < model->n_charts; i++)
          {
            l->chart_titles[i] = (Rect) { x, y, widths[i], any_title };
            l->charts[i] = (Rect) { x, y + any_title, widths[i], row_h };
            x += widths[i] + gap;
          }
        y += any_title + row_h + round (SECTION_GAP * u);
      }
    else
      for (guint i = 0; i < model->n_charts; i++)
        {
          l->chart_titles[i] = (Rect) { l->pad, y, inner, title_h[i] };
          l->charts[i] = (Rect) { l->pad, y + title_h[i], inner, nat[i] + extra };
          y += title_h[i] + nat[i] + extra + round (SECTION_GAP * u);
        }
  }

  l->caption_y = y;
  if (!(flags & LD_CARD_LAYOUT_NO_CAPTION))
    {
      l->caption_h = ld_chart_text_height_sized (text, model->caption, CAPTION_SIZE * u, LD_CHART_TEXT_WRAP, inner);
      y += l->caption_h + l->pad;
    }
  else
    y += l->pad - round (SECTION_GAP * u);
  l->height = ceil (y);
}

double
ld_card_layout_get_height (const LdCardModel  *model,
                           const LdChartTheme *theme,
                           double              width,
                           LdCardLayoutFlags   flags)
{
  LdChartText text;
  CardLayout l;

  g_return_val_if_fail (model != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  ld_chart_text_init_measuring (&text, theme);
  card_layout (&text, theme, model, width, -1, flags, &l);
  ld_chart_text_clear (&text);

  return l.height;
}

static void
change_color (const LdChartTheme *theme,
              LdFigureTrend       trend,
              LdChartColor       *color)
{
  switch (ld_figure_trend_get_sentiment (trend))
    {
    case 1:
      /* libadwaita's success and error text colours on a light card. */
      *color = (LdChartColor) { 0x1b / 255.0, 0x85 / 255.0, 0x53 / 255.0, 1 };
      break;
    case -1:
      *color = (LdChartColor) { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0, 1 };
      break;
    default:
      *color = theme->muted;
      break;
    }
}

static void
draw_chart (cairo_t            *cr,
            const LdChart      *chart,
            const LdChartTheme *theme,
            const Rect         *r)
{
  LdChartTheme chart_theme = *theme;

  /* The card has painted the background; the chart draws on top of it. */
  chart_theme.background.a = 0;

  cairo_save (cr);
  cairo_translate (cr, r->x, r->y);
  cairo_rectangle (cr, 0, 0, r->width, r->height);
  cairo_clip (cr);
  ld_chart_draw (chart, cr, r->width, r->height, &chart_theme);
  cairo_restore (cr);
}

void
ld_card_layout_draw (cairo_t            *cr,
                     const LdCardModel  *model,
                     const LdChartTheme *theme,
                     double              width,
                     double              height,
                     LdCardLayoutFlags   flags)
{
  LdChartColor border = { 0, 0, 0, 0.14 };
  double u = theme->font_size;
  double inner;
  LdChartText text;
  CardLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (theme != NULL);

  ld_chart_text_init (&text, cr, theme);
  card_layout (&text, theme, model, width, height, flags, &l);
  inner = MAX (1, width - 2 * l.pad);

  cairo_save (cr);

  if (flags & LD_CARD_LAYOUT_FRAMED)
    {
      double line = MAX (0.75, u / 12);

      ld_chart_rounded_rect (cr, line / 2, line / 2, width - line, height - line,
                             round (0.9 * u), LD_CHART_CORNER_ALL);
      ld_chart_color_set_source (cr, &theme->background, 1.0);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, line);
      ld_chart_color_set_source (cr, &border, 1.0);
      cairo_stroke (cr);
    }
  else
    ld_chart_paint_background (cr, width, height, theme);

  /* Title, and the Analysis view beside it. */
  {
    double tw = ld_chart_text_width_sized (&text, model->title, TITLE_SIZE * u, LD_CHART_TEXT_BOLD);

    ld_chart_text_draw_box (&text, cr, model->title, TITLE_SIZE * u, LD_CHART_TEXT_BOLD, l.pad, l.pad, inner, LD_CHART_ALIGN_START,
               &theme->foreground);
    if (model->subtitle != NULL && tw + u < inner)
      {
        double sh = ld_chart_text_height_sized (&text, model->subtitle, SUBTITLE_SIZE * u, LD_CHART_TEXT_PLAIN, -1);

        /* On the title's baseline, near enough: bottoms aligned. */
        ld_chart_text_draw_box (&text, cr, model->subtitle, SUBTITLE_SIZE * u, LD_CHART_TEXT_PLAIN,
                   l.pad + tw + u, l.pad + l.title_h - sh - 0.1 * u,
                   inner - tw - u, LD_CHART_ALIGN_START, &theme->muted);
      }
  }

  for (guint i = 0; i < model->n_figures; i++)
    {
      const LdCardFigure *figure = &model->figures[i];
      const Rect *r = &l.figures[i];
      double y = r->y;

      y += ld_chart_text_draw_box (&text, cr, figure->caption, FIG_CAPTION * u, LD_CHART_TEXT_PLAIN, r->x, y, r->width, LD_CHART_ALIGN_START,
                      &theme->muted);
      y += ld_chart_text_draw_box (&text, cr, figure->value, FIG_VALUE * u, LD_CHART_TEXT_BOLD, r->x, y, r->width, LD_CHART_ALIGN_START,
                      &theme->foreground);
      if (figure->change != NULL)
        {
          g_autofree char *change = ld_card_figure_get_change_text (figure);
          LdChartColor color;

          change_color (theme, figure->trend, &color);
          ld_chart_text_draw_box (&text, cr, change, FIG_CHANGE * u, LD_CHART_TEXT_PLAIN, r->x, y, r->width, LD_CHART_ALIGN_START, &color);
        }
    }

  for (guint i = 0; i < model->n_charts; i++)
    {
      const LdChart *chart = &model->charts[i];

      if (chart->title != NULL)
        ld_chart_text_draw_box (&text, cr, chart->title, CHART_TITLE * u, LD_CHART_TEXT_BOLD,
                   l.chart_titles[i].x, l.chart_titles[i].y, l.chart_titles[i].width, LD_CHART_ALIGN_START,
                   &theme->foreground);
      draw_chart (cr, chart, theme, &l.charts[i]);
    }

  if (!(flags & LD_CARD_LAYOUT_NO_CAPTION))
    ld_chart_text_draw_box (&text, cr, model->caption, CAPTION_SIZE * u, LD_CHART_TEXT_WRAP, l.pad, l.caption_y, inner,
               LD_CHART_ALIGN_START, &theme->muted);

  cairo_restore (cr);
  ld_chart_text_clear (&text);
}

void
ld_card_layout_draw_fitted (cairo_t            *cr,
                            const LdCardModel  *model,
                            const LdChartTheme *theme,
                            double              width,
                            double              height)
{
  double natural, scale;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (theme != NULL);

  if (width <= 0 || height <= 0)
    return;

  /* Laid out at the full width; a card taller than the area shrinks as a whole,
   * so its text stays in proportion to its charts. */
  natural = ld_card_layout_get_height (model, theme, width, LD_CARD_LAYOUT_FRAMED);
  scale = natural > height ? height / natural : 1.0;
  /* One card on a page: its charts take more of the page, up to a 4:3 card,
   * rather than leave the sheet two-thirds empty. */
  if (scale == 1.0)
    natural = MAX (natural, MIN (height, floor (width * 0.75)));

  cairo_save (cr);
  cairo_translate (cr, (width - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  ld_card_layout_draw (cr, model, theme, width, natural, LD_CARD_LAYOUT_FRAMED);
  cairo_restore (cr);
}

cairo_surface_t *
ld_card_layout_image (const LdCardModel *model,
                      double             width,
                      double             scale)
{
  LdChartTheme theme;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (width > 0 && scale > 0, NULL);

  ld_chart_theme_init_default (&theme, 0);
  height = ld_card_layout_get_height (model, &theme, width, LD_CARD_LAYOUT_DEFAULT);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ld_card_layout_draw (cr, model, &theme, width, height, LD_CARD_LAYOUT_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* ---- files ----------------------------------------------------------------------- */

GBytes *
ld_card_layout_png (const LdCardModel  *model,
                    double              width,
                    double              scale,
                    GError            **error)
{
  cairo_surface_t *surface;
  GBytes *bytes;

  g_return_val_if_fail (model != NULL, NULL);

  surface = ld_card_layout_image (model, width, scale);
  bytes = ld_document_png (surface, error);
  cairo_surface_destroy (surface);

  return bytes;
}

typedef struct
{
  const LdCardModel  *model;
  LdChartTheme        theme;
  double              width;
  double              height;
} CardPage;

static void
draw_card_page (cairo_t  *cr,
                guint     page,
                gpointer  user_data)
{
  CardPage *p = user_data;

  cairo_translate (cr, LD_DOCUMENT_MARGIN, LD_DOCUMENT_MARGIN);
  ld_card_layout_draw_fitted (cr, p->model, &p->theme, p->width - 2 * LD_DOCUMENT_MARGIN,
                              p->height - 2 * LD_DOCUMENT_MARGIN);
}

GBytes *
ld_card_layout_pdf (const LdCardModel  *model,
                    GError            **error)
{
  CardPage p = { model };

  g_return_val_if_fail (model != NULL, NULL);

  ld_document_get_paper_size (&p.width, &p.height);
  if (model->wide)
    {
      double t = p.width;

      p.width = p.height;
      p.height = t;
    }

  ld_chart_theme_init_default (&p.theme, LD_DOCUMENT_FONT_SIZE);
  return ld_document_pdf (p.width, p.height, 1, model->title, draw_card_page, &p, error);
}
