/* ld-card-render.h — cards and the dashboard report drawn with plain cairo
 *
 * A card (title, headline figures, its charts, a caption line naming the file,
 * range and filters) is laid out in units of the theme's font size and drawn
 * into any cairo_t: an image surface for the clipboard and PNG, a PDF surface,
 * the printer's context. The dashboard report puts a heading and every card on
 * pages with page numbers. No GTK here: the command line renders without a
 * display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "ld-card-content.h"
#include "ld-chart-theme.h"

G_BEGIN_DECLS

#define LD_CARD_RENDER_ERROR (ld_card_render_error_quark ())
GQuark ld_card_render_error_quark (void);

typedef enum
{
  LD_CARD_RENDER_ERROR_FAILED,   /* cairo could not draw or encode */
} LdCardRenderError;

/* Exports are printed and pasted into documents, so they always use the light
 * palette with the default accent, whatever the screen's style: @font_size is
 * the label size in output units (pixels for images, points for PDF). */
void     ld_card_render_theme_init        (LdChartTheme        *theme,
                                           double               font_size);

typedef enum
{
  LD_CARD_RENDER_DEFAULT    = 0,
  /* The card's rounded outline and fill, as on a page; otherwise the theme's
   * background fills the whole area (an image of its own). */
  LD_CARD_RENDER_FRAMED     = 1 << 0,
  /* Leave out the caption line, where a report's heading already says it. */
  LD_CARD_RENDER_NO_CAPTION = 1 << 1,
  /* Tighter charts, so two Analysis cards share a page. */
  LD_CARD_RENDER_COMPACT    = 1 << 2,
} LdCardRenderFlags;

/* The height the card wants at @width, in the theme's units. */
double   ld_card_render_get_height        (const LdCardContent *content,
                                           const LdChartTheme  *theme,
                                           double               width,
                                           LdCardRenderFlags    flags);

/* Draws the card at (0, 0) in @width × @height; extra height goes to the charts. */
void     ld_card_render_draw              (cairo_t             *cr,
                                           const LdCardContent *content,
                                           const LdChartTheme  *theme,
                                           double               width,
                                           double               height,
                                           LdCardRenderFlags    flags);

/* An ARGB32 image of the card, @width units wide at @scale device pixels per
 * unit; its height follows from the layout. */
cairo_surface_t *ld_card_render_image     (const LdCardContent *content,
                                           double               width,
                                           double               scale);

/* PNG and PDF files in memory. The PDF is one page of the locale's paper size
 * (landscape for wide cards) with real, selectable text. */
GBytes  *ld_card_render_png               (const LdCardContent *content,
                                           double               width,
                                           double               scale,
                                           GError             **error);
GBytes  *ld_card_render_pdf               (const LdCardContent *content,
                                           GError             **error);

/* The paper of LC_PAPER in points (A4 or US Letter and friends), portrait. */
void     ld_card_render_get_paper_size    (double              *width,
                                           double              *height);

/* Draws @content to fit @width × @height (a page or its printable area): its
 * charts grow up to a 4:3 card, and a card taller than the area shrinks. */
void     ld_card_render_draw_fitted       (cairo_t             *cr,
                                           const LdCardContent *content,
                                           const LdChartTheme  *theme,
                                           double               width,
                                           double               height);

/* ---- the dashboard report ------------------------------------------------------ */

typedef struct _LdDashboardReport LdDashboardReport;

/* Every card of the page for @result (Customers, Licenses, Analysis by product and
 * by customer, Geographical spread) under a heading naming the file, the data's
 * date, the range and @query's filters. */
LdDashboardReport *ld_dashboard_report_new     (LdQuery           *query,
                                                LdResult          *result);
void               ld_dashboard_report_free    (LdDashboardReport *self);

guint              ld_dashboard_report_get_n_cards (LdDashboardReport *self);
const LdCardContent *ld_dashboard_report_get_card  (LdDashboardReport *self,
                                                    guint              index);

/* Pages of @width × @height points (a paper size); call before drawing pages. */
guint              ld_dashboard_report_paginate (LdDashboardReport *self,
                                                 double             width,
                                                 double             height);
/* Draws page @page (from 0) of the last pagination, with "Page 1 of 3". */
void               ld_dashboard_report_draw_page (LdDashboardReport *self,
                                                  cairo_t           *cr,
                                                  guint              page);

/* The whole report as a PDF on the locale's paper, or as one tall PNG @width
 * units wide at @scale. */
GBytes            *ld_dashboard_report_pdf     (LdDashboardReport *self,
                                                GError           **error);
GBytes            *ld_dashboard_report_png     (LdDashboardReport *self,
                                                double             width,
                                                double             scale,
                                                GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdDashboardReport, ld_dashboard_report_free)

G_END_DECLS
