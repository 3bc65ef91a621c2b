/* ld-document.c — PNG and PDF files in memory, and the paper they are printed on
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

#include "ld-document.h"

G_DEFINE_QUARK (ld-document-error-quark, ld_document_error)

#define MM_TO_PT (72.0 / 25.4)

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

  g_set_error (error, LD_DOCUMENT_ERROR, LD_DOCUMENT_ERROR_FAILED,
               _("Could not draw the image: %s"), cairo_status_to_string (status));
  return FALSE;
}

GBytes *
ld_document_png (cairo_surface_t  *surface,
                 GError          **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();

  g_return_val_if_fail (surface != NULL, NULL);

  if (!check_status (cairo_surface_status (surface), error) ||
      !check_status (cairo_surface_write_to_png_stream (surface, append_to_array, png), error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

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

GDateTime *
ld_document_get_time (void)
{
  GDateTime *fixed = source_date_new ();

  return fixed != NULL ? fixed : g_date_time_new_now_local ();
}

GBytes *
ld_document_pdf_sized (guint                    n_pages,
                       const char              *title,
                       LdDocumentPageSizeFunc   page_size,
                       LdDocumentDrawFunc       draw,
                       gpointer                 user_data,
                       GError                 **error)
{
  GByteArray *pdf = g_byte_array_new ();
  g_autoptr(GDateTime) fixed = source_date_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  double width = 0, height = 0;
  cairo_t *cr;

  g_return_val_if_fail (page_size != NULL, NULL);
  g_return_val_if_fail (draw != NULL, NULL);

  page_size (0, &width, &height, user_data);
  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "License Dashboard");
  /* Otherwise cairo stamps the time of writing. */
  if (fixed != NULL)
    {
      g_autofree char *date = g_date_time_format (fixed, "%Y-%m-%dT%H:%M:%SZ");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    }

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      /* Before anything is drawn on the page, as cairo wants it. */
      page_size (page, &width, &height, user_data);
      cairo_pdf_surface_set_size (surface, width, height);
      draw (cr, page, user_data);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

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

typedef struct
{
  double              width;
  double              height;
  LdDocumentDrawFunc  draw;
  gpointer            user_data;
} SameSize;

static void
same_size (guint     page,
           double   *width,
           double   *height,
           gpointer  user_data)
{
  SameSize *same = user_data;

  *width = same->width;
  *height = same->height;
}

static void
draw_same_size (cairo_t  *cr,
                guint     page,
                gpointer  user_data)
{
  SameSize *same = user_data;

  same->draw (cr, page, same->user_data);
}

GBytes *
ld_document_pdf (double               width,
                 double               height,
                 guint                n_pages,
                 const char          *title,
                 LdDocumentDrawFunc   draw,
                 gpointer             user_data,
                 GError             **error)
{
  SameSize same = { width, height, draw, user_data };

  g_return_val_if_fail (draw != NULL, NULL);

  return ld_document_pdf_sized (n_pages, title, same_size, draw_same_size, &same, error);
}

void
ld_document_get_paper_size (double *width,
                            double *height)
{
  double w = 210, h = 297;  /* A4, the world's default */

  g_return_if_fail (width != NULL && height != NULL);

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
