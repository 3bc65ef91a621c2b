/* ld-card-layout.h — a card drawn with plain cairo, as an image and a PDF page
 *
 * A card (title, headline figures, its charts, a caption line naming the file,
 * range and filters) is laid out in units of the theme's font size and drawn
 * into any cairo_t: an image surface for the clipboard and PNG, a PDF surface,
 * the printer's context, a page of the dashboard report. No GTK here: the command
 * line renders without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ld-card-model.h"
#include "ld-chart-theme.h"

G_BEGIN_DECLS

typedef enum
{
  LD_CARD_LAYOUT_DEFAULT    = 0,
  /* The card's rounded outline and fill, as on a page; otherwise the theme's
   * background fills the whole area (an image of its own). */
  LD_CARD_LAYOUT_FRAMED     = 1 << 0,
  /* Leave out the caption line, where a report's heading already says it. */
  LD_CARD_LAYOUT_NO_CAPTION = 1 << 1,
  /* Tighter charts, so two Analysis cards share a page. */
  LD_CARD_LAYOUT_COMPACT    = 1 << 2,
} LdCardLayoutFlags;

/* The height the card wants at @width, in the theme's units. */
double           ld_card_layout_get_height   (const LdCardModel   *model,
                                              const LdChartTheme  *theme,
                                              double               width,
                                              LdCardLayoutFlags    flags);

/* Draws the card at (0, 0) in @width × @height; extra height goes to the charts. */
void             ld_card_layout_draw         (cairo_t             *cr,
                                              const LdCardModel   *model,
                                              const LdChartTheme  *theme,
                                              double               width,
                                              double               height,
                                              LdCardLayoutFlags    flags);

/* Draws @model to fit @width × @height (a page or its printable area): its
 * charts grow up to a 4:3 card, and a card taller than the area shrinks. */
void             ld_card_layout_draw_fitted  (cairo_t             *cr,
                                              const LdCardModel   *model,
                                              const LdChartTheme  *theme,
                                              double               width,
                                              double               height);

/* An ARGB32 image of the card in the export theme, @width units wide at @scale
 * device pixels per unit; its height follows from the layout. */
cairo_surface_t *ld_card_layout_image        (const LdCardModel   *model,
                                              double               width,
                                              double               scale);

/* ld_card_layout_image() as a PNG file, and the card as one PDF page of the
 * locale's paper (landscape for wide cards). */
GBytes          *ld_card_layout_png          (const LdCardModel   *model,
                                              double               width,
                                              double               scale,
                                              GError             **error);
GBytes          *ld_card_layout_pdf          (const LdCardModel   *model,
                                              GError             **error);

G_END_DECLS
