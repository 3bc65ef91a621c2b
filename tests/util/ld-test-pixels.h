/* ld-test-pixels.h — reading back what a chart painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ld-chart-theme.h"

G_BEGIN_DECLS

typedef struct
{
  guint8 r, g, b;
} LdTestPixel;

/* The pixel of an opaque ARGB32 @surface at (@x, @y), rounded down. */
LdTestPixel ld_test_pixel_at (cairo_surface_t    *surface,
                              double              x,
                              double              y);
/* Whether @p is @color, each channel within @tolerance of 255. */
gboolean    ld_test_pixel_is (LdTestPixel         p,
                              const LdChartColor *color,
                              int                 tolerance);

G_END_DECLS
