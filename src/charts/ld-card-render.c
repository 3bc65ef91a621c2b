/* ld-card-render.c — cards and the dashboard report drawn with plain cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* nl_langinfo (_NL_PAPER_WIDTH) is a GNU extension. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ld-card-render.h"
#include "ld-chart-paint.h"
#include "ld-chart-text.h"
#include "ld-chart-format.h"

G_DEFINE_QUARK (ld-card-render-error-quark, ld_card_render_error)

#define MM_TO_PT (72.0 / 25.4)

void
ld_card_render_theme_init (LdChartTheme *theme,
                           double        font_size)
{
  g_return_if_fail (theme != NULL);

  ld_chart_theme_init_default (theme, font_size);
}

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
  double figure_w[LD_CARD_CONTENT_MAX_FIGURES];
  Rect   figures[LD_CARD_CONTENT_MAX_FIGURES];
  double figure_h;
  Rect   chart_titles[LD_CARD_CONTENT_MAX_CHARTS];
  Rect   charts[LD_CARD_CONTENT_MAX_CHARTS];
  double caption_y;
  double caption_h;
  double height;
} CardLayout;

static const char *
change_prefix (LdFigureTrend trend)
{
  switch (trend)
    {
    case LD_FIGURE_TREND_UP:
      return "▲ ";
    case LD_FIGURE_TREND_DOWN:
      return "▼ ";
    case LD_FIGURE_TREND_NONE:
    default:
      return "";
    }
}

static char *
change_text (const LdCardFigure *figure)
{
  return g_strconcat (change_prefix (figure->trend), figure->change, NULL);
}

/* A chart on a card is at least this many units high, whatever it asks for. */
#define MIN_CHART_HEIGHT 8.0

static void
card_layout (LdChartText         *text,
             const LdChartTheme  *theme,
             const LdCardContent *content,
             double               width,
             double               height,
             LdCardRenderFlags    flags,
             CardLayout          *l)
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

  l->title_h = ld_chart_text_height_sized (text, content->title, TITLE_SIZE * u, LD_CHART_TEXT_BOLD, inner);
  y += l->title_h + round (SECTION_GAP * u * 0.7);

  /* Figures flow left to right and wrap, like the card's flow box. */
  {
    double fx = 0;
    double fig_h = ld_chart_text_height_sized (text, "Ag", FIG_CAPTION * u, LD_CHART_TEXT_PLAIN, -1)
                   + ld_chart_text_height_sized (text, "0", FIG_VALUE * u, LD_CHART_TEXT_BOLD, -1);
    gboolean any_change = FALSE;

    for (guint i = 0; i < content->n_figures; i++)
      any_change = any_change || content->figures[i].change != NULL;
    if (any_change)
      fig_h += ld_chart_text_height_sized (text, "Ag", FIG_CHANGE * u, LD_CHART_TEXT_PLAIN, -1);
    l->figure_h = fig_h;

    for (guint i = 0; i < content->n_figures; i++)
      {
        const LdCardFigure *figure = &content->figures[i];
        double w = MAX (ld_chart_text_width_sized (text, figure->caption, FIG_CAPTION * u, LD_CHART_TEXT_PLAIN),
                        ld_chart_text_width_sized (text, figure->value, FIG_VALUE * u, LD_CHART_TEXT_BOLD));

        if (figure->change != NULL)
          {
            g_autofree char *change = change_text (figure);

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
    if (content->n_figures > 0)
      y += fig_h + round (SECTION_GAP * u);
  }

  /* Charts: side by side on a wide card when each gets a readable width. */
  side_by_side = content->wide && content->n_charts > 1 &&
                 inner >= content->n_charts * MIN_SIDE_WIDTH * u + (content->n_charts - 1) * CHART_GAP * u;
  n_rows = side_by_side ? MIN (content->n_charts, 1) : content->n_charts;

  {
    double total_weight = 0;
    double gap = round (CHART_GAP * u);
    double nat[LD_CARD_CONTENT_MAX_CHARTS];
    double title_h[LD_CARD_CONTENT_MAX_CHARTS];
    double widths[LD_CARD_CONTENT_MAX_CHARTS];
    double any_title = 0;

    for (guint i = 0; i < content->n_charts; i++)
      total_weight += ld_chart_get_width_weight (&content->charts[i]);

    for (guint i = 0; i < content->n_charts; i++)
      {
        const LdChart *chart = &content->charts[i];

        widths[i] = side_by_side
          ? floor ((inner - gap * (content->n_charts - 1)) * ld_chart_get_width_weight (chart) / total_weight)
          : inner;
        title_h[i] = chart->title != NULL
          ? ld_chart_text_height_sized (text, chart->title, CHART_TITLE * u, LD_CHART_TEXT_BOLD, widths[i]) + round (0.4 * u)
          : 0;
        any_title = MAX (any_title, title_h[i]);
        nat[i] = ceil (MAX (ld_chart_get_preferred_height (chart, theme, widths[i],
                                                          (flags & LD_CARD_RENDER_COMPACT) != 0),
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

            for (guint i = 0; i < content->n_charts; i++)
              h = MAX (h, nat[i]);
            natural += any_title + h + round (SECTION_GAP * u);
          }
        else
          for (guint i = 0; i < content->n_charts; i++)
            natural += title_h[i] + nat[i] + round (SECTION_GAP * u);

        if (!(flags & LD_CARD_RENDER_NO_CAPTION))
          natural += ld_chart_text_height_sized (text, content->caption, CAPTION_SIZE * u, LD_CHART_TEXT_WRAP, inner);
        natural += l->pad;
        if (height > natural && n_rows > 0)
          extra = (height - natural) / n_rows;
      }

    if (side_by_side)
      {
        row_h = 0;
        for (guint i = 0; i < content->n_charts; i++)
          row_h = MAX (row_h, nat[i]);
        row_h += extra;

        x = l->pad;
        for (guint i = 0; i < content->n_charts; i++)
          {
            /* A map keeps the world's proportions, top-aligned, where a trend
             * stretches to its neighbour's height. */
            double h = ld_chart_keeps_proportions (&content->charts[i]) ? nat[i] : row_h;

            l->chart_titles[i] = (Rect) { x, y, widths[i], any_title };
            l->charts[i] = (Rect) { x, y + any_title, widths[i], h };
            x += widths[i] + gap;
          }
        y += any_title + row_h + round (SECTION_GAP * u);
      }
    else
      for (guint i = 0; i < content->n_charts; i++)
        {
          l->chart_titles[i] = (Rect) { l->pad, y, inner, title_h[i] };
          l->charts[i] = (Rect) { l->pad, y + title_h[i], inner, nat[i] + extra };
          y += title_h[i] + nat[i] + extra + round (SECTION_GAP * u);
        }
  }

  l->caption_y = y;
  if (!(flags & LD_CARD_RENDER_NO_CAPTION))
    {
      l->caption_h = ld_chart_text_height_sized (text, content->caption, CAPTION_SIZE * u, LD_CHART_TEXT_WRAP, inner);
      y += l->caption_h + l->pad;
    }
  else
    y += l->pad - round (SECTION_GAP * u);
  l->height = ceil (y);
}

double
ld_card_render_get_height (const LdCardContent *content,
                           const LdChartTheme  *theme,
                           double               width,
                           LdCardRenderFlags    flags)
{
  LdChartText text;
  CardLayout l;

  g_return_val_if_fail (content != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  ld_chart_text_init_measuring (&text, theme);
  card_layout (&text, theme, content, width, -1, flags, &l);
  ld_chart_text_clear (&text);

  return l.height;
}

static void
change_color (const LdChartTheme *theme,
              LdFigureTrend       trend,
              LdChartColor       *color)
{
  switch (trend)
    {
    case LD_FIGURE_TREND_UP:
      /* libadwaita's success and error text colours on a light card. */
      *color = (LdChartColor) { 0x1b / 255.0, 0x85 / 255.0, 0x53 / 255.0, 1 };
      break;
    case LD_FIGURE_TREND_DOWN:
      *color = (LdChartColor) { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0, 1 };
      break;
    case LD_FIGURE_TREND_NONE:
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
ld_card_render_draw (cairo_t             *cr,
                     const LdCardContent *content,
                     const LdChartTheme  *theme,
                     double               width,
                     double               height,
                     LdCardRenderFlags    flags)
{
  LdChartColor border = { 0, 0, 0, 0.14 };
  double u = theme->font_size;
  double inner;
  LdChartText text;
  CardLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (content != NULL);
  g_return_if_fail (theme != NULL);

  ld_chart_text_init (&text, cr, theme);
  card_layout (&text, theme, content, width, height, flags, &l);
  inner = MAX (1, width - 2 * l.pad);

  cairo_save (cr);

  if (flags & LD_CARD_RENDER_FRAMED)
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
    double tw = ld_chart_text_width_sized (&text, content->title, TITLE_SIZE * u, LD_CHART_TEXT_BOLD);

    ld_chart_text_draw_box (&text, cr, content->title, TITLE_SIZE * u, LD_CHART_TEXT_BOLD, l.pad, l.pad, inner, LD_CHART_ALIGN_START,
               &theme->foreground);
    if (content->subtitle != NULL && tw + u < inner)
      {
        double sh = ld_chart_text_height_sized (&text, content->subtitle, SUBTITLE_SIZE * u, LD_CHART_TEXT_PLAIN, -1);

        /* On the title's baseline, near enough: bottoms aligned. */
        ld_chart_text_draw_box (&text, cr, content->subtitle, SUBTITLE_SIZE * u, LD_CHART_TEXT_PLAIN,
                   l.pad + tw + u, l.pad + l.title_h - sh - 0.1 * u,
                   inner - tw - u, LD_CHART_ALIGN_START, &theme->muted);
      }
  }

  for (guint i = 0; i < content->n_figures; i++)
    {
      const LdCardFigure *figure = &content->figures[i];
      const Rect *r = &l.figures[i];
      double y = r->y;

      y += ld_chart_text_draw_box (&text, cr, figure->caption, FIG_CAPTION * u, LD_CHART_TEXT_PLAIN, r->x, y, r->width, LD_CHART_ALIGN_START,
                      &theme->muted);
      y += ld_chart_text_draw_box (&text, cr, figure->value, FIG_VALUE * u, LD_CHART_TEXT_BOLD, r->x, y, r->width, LD_CHART_ALIGN_START,
                      &theme->foreground);
      if (figure->change != NULL)
        {
          g_autofree char *change = change_text (figure);
          LdChartColor color;

          change_color (theme, figure->trend, &color);
          ld_chart_text_draw_box (&text, cr, change, FIG_CHANGE * u, LD_CHART_TEXT_PLAIN, r->x, y, r->width, LD_CHART_ALIGN_START, &color);
        }
    }

  for (guint i = 0; i < content->n_charts; i++)
    {
      const LdChart *chart = &content->charts[i];

      if (chart->title != NULL)
        ld_chart_text_draw_box (&text, cr, chart->title, CHART_TITLE * u, LD_CHART_TEXT_BOLD,
                   l.chart_titles[i].x, l.chart_titles[i].y, l.chart_titles[i].width, LD_CHART_ALIGN_START,
                   &theme->foreground);
      draw_chart (cr, chart, theme, &l.charts[i]);
    }

  if (!(flags & LD_CARD_RENDER_NO_CAPTION))
    ld_chart_text_draw_box (&text, cr, content->caption, CAPTION_SIZE * u, LD_CHART_TEXT_WRAP, l.pad, l.caption_y, inner,
               LD_CHART_ALIGN_START, &theme->muted);

  cairo_restore (cr);
  ld_chart_text_clear (&text);
}

void
ld_card_render_draw_fitted (cairo_t             *cr,
                            const LdCardContent *content,
                            const LdChartTheme  *theme,
                            double               width,
                            double               height)
{
  double natural, scale;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (content != NULL);
  g_return_if_fail (theme != NULL);

  if (width <= 0 || height <= 0)
    return;

  /* Laid out at the full width; a card taller than the area shrinks as a whole,
   * so its text stays in proportion to its charts. */
  natural = ld_card_render_get_height (content, theme, width, LD_CARD_RENDER_FRAMED);
  scale = natural > height ? height / natural : 1.0;
  /* One card on a page: its charts take more of the page, up to a 4:3 card,
   * rather than leave the sheet two-thirds empty. */
  if (scale == 1.0)
    natural = MAX (natural, MIN (height, floor (width * 0.75)));

  cairo_save (cr);
  cairo_translate (cr, (width - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  ld_card_render_draw (cr, content, theme, width, natural, LD_CARD_RENDER_FRAMED);
  cairo_restore (cr);
}

cairo_surface_t *
ld_card_render_image (const LdCardContent *content,
                      double               width,
                      double               scale)
{
  LdChartTheme theme;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (width > 0 && scale > 0, NULL);

  ld_card_render_theme_init (&theme, 0);
  height = ld_card_render_get_height (content, &theme, width, LD_CARD_RENDER_DEFAULT);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ld_card_render_draw (cr, content, &theme, width, height, LD_CARD_RENDER_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* ---- encoding ---------------------------------------------------------------------- */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, LD_CARD_RENDER_ERROR, LD_CARD_RENDER_ERROR_FAILED,
               _("Could not draw the image: %s"), cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
surface_to_png (cairo_surface_t  *surface,
                GError          **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();

  if (!check_status (cairo_surface_status (surface), error) ||
      !check_status (cairo_surface_write_to_png_stream (surface, append_to_array, png), error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

GBytes *
ld_card_render_png (const LdCardContent *content,
                    double               width,
                    double               scale,
                    GError             **error)
{
  cairo_surface_t *surface;
  GBytes *bytes;

  g_return_val_if_fail (content != NULL, NULL);

  surface = ld_card_render_image (content, width, scale);
  bytes = surface_to_png (surface, error);
  cairo_surface_destroy (surface);

  return bytes;
}

void
ld_card_render_get_paper_size (double *width,
                               double *height)
{
  double w = 210, h = 297;  /* A4, the world's default */

#ifdef __GLIBC__
  {
    /* glibc hands the size in millimetres back in the pointer itself. */
    union { char *string; unsigned int word; } lw, lh;

    lw.string = nl_langinfo (_NL_PAPER_WIDTH);
    lh.string = nl_langinfo (_NL_PAPER_HEIGHT);
    if (lw.word > 50 && lw.word < 2000 && lh.word > 50 && lh.word < 2000)
      {
        w = lw.word;
        h = lh.word;
      }
  }
#endif

  /* glibc rounds US Letter to 216 × 279 mm; print it as the exact 8.5 × 11 in. */
  if (w == 216 && h == 279)
    {
      *width = 612;
      *height = 792;
      return;
    }

  *width = w * MM_TO_PT;
  *height = h * MM_TO_PT;
}

/* Page margins and the card's label size in points. */
#define PAGE_MARGIN   36.0
#define PAGE_FONT     8.5

/* SOURCE_DATE_EPOCH (the reproducible-builds convention) as a time, or NULL when it
 * is unset or not a number of seconds. */
static GDateTime *
source_date_new (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch == NULL || !g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return NULL;

  return g_date_time_new_from_unix_utc ((gint64) seconds);
}

/* When an export is made: now, or SOURCE_DATE_EPOCH when it is set, so that one
 * report exports to the same bytes every time (the golden-export test relies on it). */
static GDateTime *
export_time_new (void)
{
  GDateTime *fixed = source_date_new ();

  return fixed != NULL ? fixed : g_date_time_new_now_local ();
}

static cairo_surface_t *
pdf_surface_new (GByteArray *pdf,
                 double      width,
                 double      height,
                 const char *title)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, width, height);
  g_autoptr(GDateTime) fixed = source_date_new ();

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "License Dashboard");
  /* Otherwise cairo stamps the time of writing. */
  if (fixed != NULL)
    {
      g_autofree char *date = g_date_time_format (fixed, "%Y-%m-%dT%H:%M:%SZ");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    }

  return surface;
}

static GBytes *
finish_pdf (cairo_surface_t  *surface,
            GByteArray       *pdf,
            GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    {
      g_byte_array_unref (pdf);
      return NULL;
    }

  return g_byte_array_free_to_bytes (pdf);
}

GBytes *
ld_card_render_pdf (const LdCardContent *content,
                    GError             **error)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  LdChartTheme theme;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (content != NULL, NULL);

  ld_card_render_get_paper_size (&width, &height);
  if (content->wide)
    {
      double t = width;

      width = height;
      height = t;
    }

  ld_card_render_theme_init (&theme, PAGE_FONT);
  surface = pdf_surface_new (pdf, width, height, content->title);
  cr = cairo_create (surface);
  cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
  ld_card_render_draw_fitted (cr, content, &theme, width - 2 * PAGE_MARGIN, height - 2 * PAGE_MARGIN);
  cairo_show_page (cr);
  cairo_destroy (cr);

  return finish_pdf (surface, pdf, error);
}

/* ---- the dashboard report ------------------------------------------------------------ */

#define REPORT_CARDS   5
#define CARD_GAP       14.0  /* between cards, in points at PAGE_FONT */
/* The heading names file, range and filters once for every card. */
#define REPORT_CARD_FLAGS (LD_CARD_RENDER_FRAMED | LD_CARD_RENDER_NO_CAPTION | LD_CARD_RENDER_COMPACT)

typedef struct
{
  guint  card;
  guint  page;
  double y;
  double height;
  double scale;  /* below 1 for a card taller than a page */
} Placement;

struct _LdDashboardReport
{
  LdCardContent *cards[REPORT_CARDS];
  guint          n_cards;
  char          *file_name;
  char          *data_line;
  char          *range;
  char          *filters;
  char          *exported;

  LdChartTheme   theme;
  double         page_width;
  double         page_height;
  gboolean       tall;        /* one page as tall as the cards: the PNG */
  double         tall_height;
  Placement      placements[REPORT_CARDS];
  guint          n_pages;
};

LdDashboardReport *
ld_dashboard_report_new (LdQuery  *query,
                         LdResult *result)
{
  static const LdWidgetId widgets[REPORT_CARDS] = {
    LD_WIDGET_CUSTOMERS,
    LD_WIDGET_LICENSES,
    LD_WIDGET_ANALYSIS_PRODUCTS,
    LD_WIDGET_ANALYSIS_CUSTOMERS,
    LD_WIDGET_GEO,
  };
  LdDashboardReport *self;
  LdReport *report;
  g_autoptr(GDateTime) now = export_time_new ();

  g_return_val_if_fail (query == NULL || LD_IS_QUERY (query), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  self = g_new0 (LdDashboardReport, 1);
  for (guint i = 0; i < REPORT_CARDS; i++)
    self->cards[self->n_cards++] = ld_card_content_new (query, result, widgets[i],
                                                        LD_CARD_CONTENT_NO_SELECTION, NULL);

  report = ld_result_get_report (result);
  self->file_name = g_strdup (ld_report_get_display_name (report));
  self->data_line = ld_card_content_describe_data (report);
  self->range = ld_card_content_describe_range (ld_result_get_from_month (result),
                                                ld_result_get_to_month (result));
  self->filters = ld_card_content_describe_filters (query, 0);
  if (self->filters[0] == '\0')
    {
      g_free (self->filters);
      self->filters = g_strdup (_("None: every row in the range"));
    }
  /* Translators: when the report was made, see strftime(3): "12 Mar 2026". */
  self->exported = g_date_time_format (now, _("%-d %b %Y"));
  g_strstrip (self->exported);

  ld_card_render_theme_init (&self->theme, PAGE_FONT);

  return self;
}

void
ld_dashboard_report_free (LdDashboardReport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_cards; i++)
    ld_card_content_free (self->cards[i]);
  g_free (self->file_name);
  g_free (self->data_line);
  g_free (self->range);
  g_free (self->filters);
  g_free (self->exported);
  g_free (self);
}

guint
ld_dashboard_report_get_n_cards (LdDashboardReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_cards;
}

const LdCardContent *
ld_dashboard_report_get_card (LdDashboardReport *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_cards, NULL);

  return self->cards[index];
}

static double
report_margin (LdDashboardReport *self)
{
  return round (PAGE_MARGIN * self->theme.font_size / PAGE_FONT);
}

/* The first page's heading; with @cr NULL it only measures. Returns its height. */
static double
draw_heading (LdDashboardReport *self,
              LdChartText       *text,
              cairo_t           *cr,
              double             x,
              double             y,
              double             width)
{
  const LdChartTheme *theme = &self->theme;
  double u = theme->font_size;
  double top = y;
  double label_w;
  g_autofree char *range_label = g_strdup (_("Range"));
  g_autofree char *filters_label = g_strdup (_("Filters"));
  const struct { const char *label; const char *value; } facts[] = {
    { range_label, self->range },
    { filters_label, self->filters },
  };

  /* TRANSLATORS: the kicker above the file name on a dashboard report. */
  if (cr != NULL)
    ld_chart_text_draw_box (text, cr, _("License Dashboard report"), u, LD_CHART_TEXT_BOLD, x, y, width, LD_CHART_ALIGN_START,
               &theme->series[LD_CHART_COLOR_PRIMARY]);
  y += ld_chart_text_height_sized (text, "Ag", u, LD_CHART_TEXT_BOLD, -1) + round (0.3 * u);

  if (cr != NULL)
    ld_chart_text_draw_box (text, cr, self->file_name, 2.3 * u, LD_CHART_TEXT_BOLD | LD_CHART_TEXT_WRAP, x, y, width, LD_CHART_ALIGN_START,
               &theme->foreground);
  y += ld_chart_text_height_sized (text, self->file_name, 2.3 * u, LD_CHART_TEXT_BOLD | LD_CHART_TEXT_WRAP, width) + round (0.2 * u);

  if (cr != NULL)
    ld_chart_text_draw_box (text, cr, self->data_line, 1.1 * u, LD_CHART_TEXT_PLAIN, x, y, width, LD_CHART_ALIGN_START, &theme->muted);
  y += ld_chart_text_height_sized (text, self->data_line, 1.1 * u, LD_CHART_TEXT_PLAIN, width) + round (0.9 * u);

  label_w = 0;
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    label_w = MAX (label_w, ld_chart_text_width_sized (text, facts[i].label, 1.05 * u, LD_CHART_TEXT_BOLD));
  label_w = ceil (label_w + u);

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      double h = ld_chart_text_height_sized (text, facts[i].value, 1.05 * u, LD_CHART_TEXT_WRAP, width - label_w);

      if (cr != NULL)
        {
          ld_chart_text_draw_box (text, cr, facts[i].label, 1.05 * u, LD_CHART_TEXT_BOLD, x, y, label_w, LD_CHART_ALIGN_START,
                     &theme->foreground);
          ld_chart_text_draw_box (text, cr, facts[i].value, 1.05 * u, LD_CHART_TEXT_WRAP, x + label_w, y, width - label_w,
                     LD_CHART_ALIGN_START, &theme->foreground);
        }
      y += h + round (0.25 * u);
    }

  y += round (0.6 * u);
  if (cr != NULL)
    {
      cairo_save (cr);
      ld_chart_color_set_source (cr, &theme->series[LD_CHART_COLOR_PRIMARY], 1.0);
      cairo_rectangle (cr, x, y, width, MAX (1.0, 0.15 * u));
      cairo_fill (cr);
      cairo_restore (cr);
    }
  y += round (1.6 * u);

  return y - top;
}

/* The running head of the later pages: file and range, and a hairline. */
static double
draw_running_head (LdDashboardReport *self,
                   LdChartText       *text,
                   cairo_t           *cr,
                   double             x,
                   double             y,
                   double             width)
{
  const LdChartTheme *theme = &self->theme;
  double u = theme->font_size;
  /* TRANSLATORS: the running head of a dashboard report's later pages, "report.csv · Jun 2026 – Nov 2026". */
  g_autofree char *head = g_strdup_printf (_("%s · %s"), self->file_name, self->range);
  double h = ld_chart_text_height_sized (text, head, 0.9 * u, LD_CHART_TEXT_PLAIN, width);

  if (cr != NULL)
    {
      ld_chart_text_draw_box (text, cr, head, 0.9 * u, LD_CHART_TEXT_PLAIN, x, y, width, LD_CHART_ALIGN_START, &theme->muted);
      cairo_save (cr);
      ld_chart_color_set_source (cr, &theme->grid, 2.0);
      cairo_rectangle (cr, x, y + h + round (0.4 * u), width, MAX (0.5, 0.06 * u));
      cairo_fill (cr);
      cairo_restore (cr);
    }

  return h + round (1.6 * u);
}

static double
footer_height (LdDashboardReport *self,
               LdChartText       *text)
{
  return ld_chart_text_height_sized (text, "Ag", 0.9 * self->theme.font_size, LD_CHART_TEXT_PLAIN, -1);
}

static void
layout_report (LdDashboardReport *self,
               LdChartText       *text)
{
  double u = self->theme.font_size;
  double margin = report_margin (self);
  double width = self->page_width - 2 * margin;
  double gap = round (CARD_GAP * u / PAGE_FONT);
  double first_top = margin + draw_heading (self, text, NULL, margin, margin, width);
  double later_top = margin + draw_running_head (self, text, NULL, margin, margin, width);
  double bottom = self->page_height - margin - footer_height (self, text) - round (u);
  double y = first_top;
  guint page = 0;

  for (guint i = 0; i < self->n_cards; i++)
    {
      Placement *place = &self->placements[i];
      CardLayout l;
      double top = page == 0 ? first_top : later_top;

      card_layout (text, &self->theme, self->cards[i], width, -1, REPORT_CARD_FLAGS, &l);
      place->card = i;
      place->height = l.height;
      place->scale = 1.0;

      if (!self->tall)
        {
          /* A card that fits no page shrinks to one page; others move to the next
           * page rather than break in two. */
          if (l.height > bottom - later_top)
            place->scale = (bottom - later_top) / l.height;
          /* A card a little too tall for the rest of a page shrinks a little
           * rather than leave most of the page empty. */
          if (y > top && y + l.height * place->scale > bottom &&
              y + l.height * place->scale * 0.88 <= bottom)
            place->scale = (bottom - y) / l.height;
          else if (y > top && y + l.height * place->scale > bottom)
            {
              page++;
              y = later_top;
            }
        }

      place->page = page;
      place->y = y;
      y += l.height * place->scale + gap;
    }

  self->n_pages = page + 1;
  self->tall_height = ceil (y - gap + margin);
}

guint
ld_dashboard_report_paginate (LdDashboardReport *self,
                              double             width,
                              double             height)
{
  LdChartText text;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  self->page_width = width;
  self->page_height = height;
  self->tall = FALSE;

  ld_chart_text_init_measuring (&text, &self->theme);
  layout_report (self, &text);
  ld_chart_text_clear (&text);

  return self->n_pages;
}

void
ld_dashboard_report_draw_page (LdDashboardReport *self,
                               cairo_t           *cr,
                               guint              page)
{
  const LdChartTheme *theme;
  double margin, width, u;
  LdChartText text;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  theme = &self->theme;
  u = theme->font_size;
  margin = report_margin (self);
  width = self->page_width - 2 * margin;

  ld_chart_text_init (&text, cr, theme);
  cairo_save (cr);

  /* Paper is white: paint it so an image of a page is too. */
  ld_chart_color_set_source (cr, &theme->background, 1.0);
  cairo_paint (cr);

  if (page == 0)
    draw_heading (self, &text, cr, margin, margin, width);
  else
    draw_running_head (self, &text, cr, margin, margin, width);

  for (guint i = 0; i < self->n_cards; i++)
    {
      const Placement *place = &self->placements[i];

      if (place->page != page)
        continue;

      cairo_save (cr);
      cairo_translate (cr, margin + (width - width * place->scale) / 2, place->y);
      cairo_scale (cr, place->scale, place->scale);
      ld_card_render_draw (cr, self->cards[place->card], theme, width, place->height,
                           REPORT_CARD_FLAGS);
      cairo_restore (cr);
    }

  if (!self->tall)
    {
      /* TRANSLATORS: a dashboard report's page number, "Page 1 of 3". */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
      /* TRANSLATORS: the footer of a dashboard report, "report.csv · exported 12 Mar 2026". */
      g_autofree char *footer = g_strdup_printf (_("%s · exported %s"), self->file_name, self->exported);
      double y = self->page_height - margin - footer_height (self, &text) + round (0.5 * u);
      double number_w = ld_chart_text_width_sized (&text, number, 0.9 * u, LD_CHART_TEXT_PLAIN);

      ld_chart_text_draw_box (&text, cr, footer, 0.9 * u, LD_CHART_TEXT_PLAIN, margin, y, MAX (1, width - number_w - 2 * u), LD_CHART_ALIGN_START,
                 &theme->muted);
      ld_chart_text_draw_box (&text, cr, number, 0.9 * u, LD_CHART_TEXT_PLAIN, margin + width, y, -1, LD_CHART_ALIGN_END, &theme->muted);
    }

  cairo_restore (cr);
  ld_chart_text_clear (&text);
}

GBytes *
ld_dashboard_report_pdf (LdDashboardReport *self,
                         GError           **error)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (self != NULL, NULL);

  ld_card_render_theme_init (&self->theme, PAGE_FONT);
  ld_card_render_get_paper_size (&width, &height);
  n_pages = ld_dashboard_report_paginate (self, width, height);

  surface = pdf_surface_new (pdf, width, height, self->file_name);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      ld_dashboard_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  return finish_pdf (surface, pdf, error);
}

GBytes *
ld_dashboard_report_png (LdDashboardReport *self,
                         double             width,
                         double             scale,
                         GError           **error)
{
  cairo_surface_t *surface;
  GBytes *bytes;
  cairo_t *cr;
  LdChartText text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (width > 0 && scale > 0, NULL);

  /* A screen image: pixel-sized labels, one long page, no page numbers. */
  ld_card_render_theme_init (&self->theme, 0);
  self->page_width = width;
  self->page_height = G_MAXINT;
  self->tall = TRUE;

  ld_chart_text_init_measuring (&text, &self->theme);
  layout_report (self, &text);
  ld_chart_text_clear (&text);
  self->page_height = self->tall_height;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (self->page_height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ld_dashboard_report_draw_page (self, cr, 0);
  cairo_destroy (cr);

  bytes = surface_to_png (surface, error);
  cairo_surface_destroy (surface);

  /* Leave the report ready for pages again. */
  ld_card_render_theme_init (&self->theme, PAGE_FONT);
  self->tall = FALSE;
  self->n_pages = 0;

  return bytes;
}
