/* ld-map-shapes.h — the world's country outlines, ready to draw
 *
 * Natural Earth admin-0 countries (1:50m), converted by tools/ld-convert-shapes.js
 * into data/world/countries.bin and loaded from the GResource. Points are kept
 * Web Mercator-projected into the unit square (x east, y south; rings across
 * the antimeridian run on past x = 1), so drawing
 * at any zoom is a scale and a translation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LD_MAP_SHAPES_RESOURCE "/io/github/licensedashboard/LicenseDashboard/world/countries.bin"

#define LD_MAP_SHAPES_ERROR (ld_map_shapes_error_quark ())
GQuark ld_map_shapes_error_quark (void);

typedef enum
{
  LD_MAP_SHAPES_ERROR_INVALID,
} LdMapShapesError;

typedef struct
{
  float x, y;
} LdMapPoint;

typedef struct
{
  const LdMapPoint *points;
  guint             n_points;
  float             x0, y0, x1, y1;   /* bounds in the unit square */
} LdMapRing;

typedef struct
{
  char         code[3];         /* ISO 3166-1 alpha-2; "" for land of no country */
  guint        numeric;         /* ISO numeric, 0 for none (XK) */
  const char  *english_name;    /* msgid of the iso_3166-1 domain */
  const LdMapRing *rings;       /* outer rings and holes: fill even-odd */
  guint        n_rings;
  double       x0, y0, x1, y1;  /* bounds of all rings */
  double       main_lon0, main_lat0, main_lon1, main_lat1; /* bounds of the largest polygon */
  double       label_lon, label_lat;  /* centroid of the largest polygon */
} LdMapShape;

typedef struct _LdMapShapes LdMapShapes;

/* Parses a countries.bin; the shapes keep a reference on @bytes. */
LdMapShapes      *ld_map_shapes_new_from_bytes (GBytes       *bytes,
                                                GError      **error);
void              ld_map_shapes_free           (LdMapShapes  *shapes);

/* The bundled shapes, loaded on first use and kept for the process's life;
 * NULL (with a warning) only if the resource is missing or damaged. */
LdMapShapes      *ld_map_shapes_get_default    (void);

guint             ld_map_shapes_get_n_shapes   (LdMapShapes  *shapes);
const LdMapShape *ld_map_shapes_get_shape      (LdMapShapes  *shapes,
                                                guint         index);
/* The shape of @alpha2 (any case), or -1. */
int               ld_map_shapes_find           (LdMapShapes  *shapes,
                                                const char   *alpha2);

/* Whether (@x, @y) in the unit square lies inside @shape. */
gboolean          ld_map_shape_contains        (const LdMapShape *shape,
                                                double            x,
                                                double            y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdMapShapes, ld_map_shapes_free)

G_END_DECLS
