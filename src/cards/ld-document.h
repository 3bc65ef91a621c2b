/* ld-document.h — PNG and PDF files in memory, and the paper they are printed on
 *
 * The encoders every export shares: a card's Copy Image, Save as PDF and the command
 * line's --format pdf|png, and the dashboard report. PDFs have real, selectable text;
 * their creation date (and the report's "exported" date) is SOURCE_DATE_EPOCH when it
 * is set, so one report can export to the same bytes every time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define LD_DOCUMENT_ERROR (ld_document_error_quark ())
GQuark ld_document_error_quark (void);

typedef enum
{
  LD_DOCUMENT_ERROR_FAILED,   /* cairo could not draw or encode */
} LdDocumentError;

/* Points: the labels of PDFs and printouts, and a page's margins. */
#define LD_DOCUMENT_FONT_SIZE 8.5
#define LD_DOCUMENT_MARGIN    36.0

/* Draws page @page (from 0) of a document on @cr. */
typedef void (*LdDocumentDrawFunc) (cairo_t  *cr,
                                    guint     page,
                                    gpointer  user_data);

/* The size of page @page (from 0) in points: pages of one document may differ (a
 * landscape page among portrait ones). */
typedef void (*LdDocumentPageSizeFunc) (guint     page,
                                        double   *width,
                                        double   *height,
                                        gpointer  user_data);

/* A PDF of @n_pages pages of @width × @height points, titled @title, each drawn by
 * @draw on one cairo context in turn. */
GBytes    *ld_document_pdf            (double              width,
                                       double              height,
                                       guint               n_pages,
                                       const char         *title,
                                       LdDocumentDrawFunc  draw,
                                       gpointer            user_data,
                                       GError            **error);
/* The same with each page's size from @page_size. */
GBytes    *ld_document_pdf_sized      (guint                   n_pages,
                                       const char             *title,
                                       LdDocumentPageSizeFunc  page_size,
                                       LdDocumentDrawFunc      draw,
                                       gpointer                user_data,
                                       GError                **error);
/* @surface (an image) as a PNG file. */
GBytes    *ld_document_png            (cairo_surface_t    *surface,
                                       GError            **error);

/* The paper of LC_PAPER in points (A4 or US Letter and friends), portrait. */
void       ld_document_get_paper_size (double             *width,
                                       double             *height);

/* When an export is made: now, or SOURCE_DATE_EPOCH when it is set. */
GDateTime *ld_document_get_time       (void);

G_END_DECLS
