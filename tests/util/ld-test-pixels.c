/* ld-test-pixels.c — reading back what a chart painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ld-test-pixels.h"

LdTestPixel
ld_test_pixel_at (cairo_surface_t *surface,
                  double           x,
                  double           y)
{
  unsigned char *data;
  int stride = cairo_image_surface_get_stride (surface);
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 v;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  /* Opaque, so premultiplied equals straight colour. */
  v = *(guint32 *) (data + iy * stride + ix * 4);
  return (LdTestPixel) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
}

gboolean
ld_test_pixel_is (LdTestPixel         p,
                  const LdChartColor *color,
                  int                 tolerance)
{
  return abs (p.r - (int) round (color->r * 255)) <= tolerance &&
         abs (p.g - (int) round (color->g * 255)) <= tolerance &&
         abs (p.b - (int) round (color->b * 255)) <= tolerance;
}
