/* ld-dashboard-report.c — the whole dashboard as a report: pages of cards under a heading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ld-card-layout.h"
#include "ld-chart-text.h"
#include "ld-dashboard-report.h"
#include "ld-describe.h"
#include "ld-document.h"

#define REPORT_CARDS   7  /* the dashboard's */
#define MAX_CARDS      8  /* any report's */
#define CARD_GAP       14.0  /* between cards, in points at LD_DOCUMENT_FONT_SIZE */
/* The heading names file, range and filters once for every card. */
#define REPORT_CARD_FLAGS (LD_CARD_LAYOUT_FRAMED | LD_CARD_LAYOUT_NO_CAPTION | LD_CARD_LAYOUT_COMPACT)

typedef struct
{
  guint  card;
  guint  page;
  double y;
  double height;
  double scale;  /* below 1 for a card taller than a page */
} Placement;

/* Wide cards (charts side by side: Analysis, Geographical spread) go on landscape
 * pages, the others on the paper as it comes. */
typedef struct
{
  gboolean landscape;
} Page;

struct _LdDashboardReport
{
  LdCardModel   *cards[MAX_CARDS];
  guint          n_cards;
  char          *kicker;      /* "License Dashboard report" */
  char          *title;       /* the heading: the file's name, or a customer's */
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
  Placement      placements[MAX_CARDS];
  Page           pages[MAX_CARDS];
  guint          n_pages;
};

/* The heading's facts, for any cards of @result. */
static LdDashboardReport *
report_new (LdQuery    *query,
            LdResult   *result,
            const char *kicker,
            const char *title)
{
  LdDashboardReport *self;
  LdReport *report;
  g_autoptr(GDateTime) now = ld_document_get_time ();

  self = g_new0 (LdDashboardReport, 1);
  report = ld_result_get_report (result);
  self->file_name = g_strdup (ld_report_get_display_name (report));
  self->kicker = g_strdup (kicker);
  self->title = g_strdup (title != NULL ? title : self->file_name);
  self->data_line = ld_describe_data (report);
  /* A report about something else than the file names the file under its title. */
  if (title != NULL)
    {
      g_autofree char *data_line = g_steal_pointer (&self->data_line);

      /* TRANSLATORS: under a customer's name on its report: the file, then "Data through …". */
      self->data_line = g_strdup_printf (_("%s · %s"), self->file_name, data_line);
    }
  self->range = ld_describe_range (ld_result_get_from_month (result),
                                                ld_result_get_to_month (result));
  self->filters = ld_describe_filters (query, 0);
  if (self->filters[0] == '\0')
    {
      g_free (self->filters);
      self->filters = g_strdup (_("None: every row in the range"));
    }
  /* Translators: when the report was made, see strftime(3): "12 Mar 2026". */
  self->exported = g_date_time_format (now, _("%-d %b %Y"));
  g_strstrip (self->exported);

  ld_chart_theme_init_default (&self->theme, LD_DOCUMENT_FONT_SIZE);

  return self;
}

LdDashboardReport *
ld_dashboard_report_new (LdQuery  *query,
                         LdResult *result)
{
  /* In the order of the page. */
  static const LdWidgetId widgets[REPORT_CARDS] = {
    LD_WIDGET_CUSTOMERS,
    LD_WIDGET_LICENSES,
    LD_WIDGET_ANALYSIS_PRODUCTS,
    LD_WIDGET_ANALYSIS_CUSTOMERS,
    LD_WIDGET_ADOPTION,
    LD_WIDGET_STATES,
    LD_WIDGET_GEO,
  };
  LdDashboardReport *self;

  g_return_val_if_fail (query == NULL || LD_IS_QUERY (query), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  /* TRANSLATORS: the kicker above the file name on a dashboard report. */
  self = report_new (query, result, _("License Dashboard report"), NULL);
  for (guint i = 0; i < REPORT_CARDS; i++)
    self->cards[self->n_cards++] = ld_card_model_new (query, result, widgets[i],
                                                        LD_CARD_MODEL_NO_SELECTION, NULL);

  return self;
}

LdDashboardReport *
ld_dashboard_report_new_for_cards (LdQuery      *query,
                                   LdResult     *result,
                                   const char   *kicker,
                                   const char   *title,
                                   LdCardModel **cards,
                                   guint         n_cards)
{
  LdDashboardReport *self;

  g_return_val_if_fail (query == NULL || LD_IS_QUERY (query), NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (kicker != NULL && title != NULL, NULL);
  g_return_val_if_fail (n_cards <= MAX_CARDS, NULL);

  self = report_new (query, result, kicker, title);
  for (guint i = 0; i < n_cards; i++)
    self->cards[self->n_cards++] = cards[i];

  return self;
}

void
ld_dashboard_report_free (LdDashboardReport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_cards; i++)
    ld_card_model_free (self->cards[i]);
  g_free (self->kicker);
  g_free (self->title);
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

const LdCardModel *
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
  return round (LD_DOCUMENT_MARGIN * self->theme.font_size / LD_DOCUMENT_FONT_SIZE);
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

  if (cr != NULL)
    ld_chart_text_draw_box (text, cr, self->kicker, u, LD_CHART_TEXT_BOLD, x, y, width, LD_CHART_ALIGN_START,
               &theme->series[LD_CHART_COLOR_PRIMARY]);
  y += ld_chart_text_height_sized (text, "Ag", u, LD_CHART_TEXT_BOLD, -1) + round (0.3 * u);

  if (cr != NULL)
    ld_chart_text_draw_box (text, cr, self->title, 2.3 * u, LD_CHART_TEXT_BOLD | LD_CHART_TEXT_WRAP, x, y, width, LD_CHART_ALIGN_START,
               &theme->foreground);
  y += ld_chart_text_height_sized (text, self->title, 2.3 * u, LD_CHART_TEXT_BOLD | LD_CHART_TEXT_WRAP, width) + round (0.2 * u);

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
  g_autofree char *head = g_strdup_printf (_("%s · %s"), self->title, self->range);
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

/* The size of @page: the paper, turned for a landscape page. */
static void
page_size (LdDashboardReport *self,
           guint              page,
           double            *width,
           double            *height)
{
  gboolean landscape = !self->tall && page < self->n_pages && self->pages[page].landscape;

  *width = landscape ? self->page_height : self->page_width;
  *height = landscape ? self->page_width : self->page_height;
}

static void
layout_report (LdDashboardReport *self,
               LdChartText       *text)
{
  double u = self->theme.font_size;
  double margin = report_margin (self);
  double gap = round (CARD_GAP * u / LD_DOCUMENT_FONT_SIZE);
  double y = 0, top = 0, bottom = 0, later_top = 0;
  guint page = 0;

  self->n_pages = 0;
  for (guint i = 0; i < self->n_cards; i++)
    {
      Placement *place = &self->placements[i];
      gboolean landscape = !self->tall && self->cards[i]->wide;
      double page_w, page_h, width, height;

      /* A new page for the first card, and wherever the orientation turns. */
      if (self->n_pages == 0 || self->pages[page].landscape != landscape)
        {
          page = self->n_pages++;
          self->pages[page].landscape = landscape;
          page_size (self, page, &page_w, &page_h);
          width = page_w - 2 * margin;
          later_top = margin + draw_running_head (self, text, NULL, margin, margin, width);
          top = page == 0 ? margin + draw_heading (self, text, NULL, margin, margin, width) : later_top;
          bottom = page_h - margin - footer_height (self, text) - round (u);
          y = top;
        }
      page_size (self, page, &page_w, &page_h);
      width = page_w - 2 * margin;
      height = ld_card_layout_get_height (self->cards[i], &self->theme, width, REPORT_CARD_FLAGS);

      place->card = i;
      place->height = height;
      place->scale = 1.0;

      if (!self->tall)
        {
          /* A card that fits no page shrinks to one page; others move to the next
           * page rather than break in two. */
          if (height > bottom - later_top)
            place->scale = (bottom - later_top) / height;
          /* A card a little too tall for the rest of a page shrinks a little
           * rather than leave most of the page empty. */
          if (y > top && y + height * place->scale > bottom &&
              y + height * place->scale * 0.88 <= bottom)
            place->scale = (bottom - y) / height;
          else if (y > top && y + height * place->scale > bottom)
            {
              page = self->n_pages++;
              self->pages[page].landscape = landscape;
              top = later_top;
              y = top;
            }
        }

      place->page = page;
      place->y = y;
      y += height * place->scale + gap;
    }

  /* A wide card alone on its landscape page takes the whole page: its charts
   * grow (the map fills its half of the sheet) rather than leave it empty. */
  for (guint i = 0; i < self->n_cards && !self->tall; i++)
    {
      Placement *place = &self->placements[i];
      gboolean alone = TRUE;
      double page_w, page_h;

      for (guint j = 0; j < self->n_cards; j++)
        alone = alone && (j == i || self->placements[j].page != place->page);
      if (!alone || !self->pages[place->page].landscape || place->scale < 1.0)
        continue;

      page_size (self, place->page, &page_w, &page_h);
      bottom = page_h - margin - footer_height (self, text) - round (u);
      place->height = MAX (place->height, bottom - place->y);
    }

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
ld_dashboard_report_get_page_size (LdDashboardReport *self,
                                   guint              page,
                                   double            *width,
                                   double            *height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (width != NULL && height != NULL);

  page_size (self, page, width, height);
}

void
ld_dashboard_report_draw_page (LdDashboardReport *self,
                               cairo_t           *cr,
                               guint              page)
{
  const LdChartTheme *theme;
  double margin, width, page_w, page_h, u;
  LdChartText text;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  theme = &self->theme;
  u = theme->font_size;
  margin = report_margin (self);
  page_size (self, page, &page_w, &page_h);
  width = page_w - 2 * margin;

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
      ld_card_layout_draw (cr, self->cards[place->card], theme, width, place->height,
                           REPORT_CARD_FLAGS);
      cairo_restore (cr);
    }

  if (!self->tall)
    {
      /* TRANSLATORS: a dashboard report's page number, "Page 1 of 3". */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
      /* TRANSLATORS: the footer of a dashboard report, "report.csv · exported 12 Mar 2026". */
      g_autofree char *footer = g_strdup_printf (_("%s · exported %s"), self->file_name, self->exported);
      double y = page_h - margin - footer_height (self, &text) + round (0.5 * u);
      double number_w = ld_chart_text_width_sized (&text, number, 0.9 * u, LD_CHART_TEXT_PLAIN);

      ld_chart_text_draw_box (&text, cr, footer, 0.9 * u, LD_CHART_TEXT_PLAIN, margin, y, MAX (1, width - number_w - 2 * u), LD_CHART_ALIGN_START,
                 &theme->muted);
      ld_chart_text_draw_box (&text, cr, number, 0.9 * u, LD_CHART_TEXT_PLAIN, margin + width, y, -1, LD_CHART_ALIGN_END, &theme->muted);
    }

  cairo_restore (cr);
  ld_chart_text_clear (&text);
}

static void
draw_report_page (cairo_t  *cr,
                  guint     page,
                  gpointer  user_data)
{
  ld_dashboard_report_draw_page (user_data, cr, page);
}

static void
report_page_size (guint     page,
                  double   *width,
                  double   *height,
                  gpointer  user_data)
{
  ld_dashboard_report_get_page_size (user_data, page, width, height);
}

GBytes *
ld_dashboard_report_pdf (LdDashboardReport  *self,
                         GError            **error)
{
  double width, height;
  guint n_pages;

  g_return_val_if_fail (self != NULL, NULL);

  ld_chart_theme_init_default (&self->theme, LD_DOCUMENT_FONT_SIZE);
  ld_document_get_paper_size (&width, &height);
  n_pages = ld_dashboard_report_paginate (self, width, height);

  return ld_document_pdf_sized (n_pages, self->title, report_page_size, draw_report_page, self, error);
}

GBytes *
ld_dashboard_report_png (LdDashboardReport  *self,
                         double              width,
                         double              scale,
                         GError            **error)
{
  cairo_surface_t *surface;
  GBytes *bytes;
  cairo_t *cr;
  LdChartText text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (width > 0 && scale > 0, NULL);

  /* A screen image: pixel-sized labels, one long page, no page numbers. */
  ld_chart_theme_init_default (&self->theme, 0);
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

  bytes = ld_document_png (surface, error);
  cairo_surface_destroy (surface);

  /* Leave the report ready for pages again. */
  ld_chart_theme_init_default (&self->theme, LD_DOCUMENT_FONT_SIZE);
  self->tall = FALSE;
  self->n_pages = 0;

  return bytes;
}
