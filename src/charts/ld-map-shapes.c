/* ld-map-shapes.c — reading data/world/countries.bin (layout in tools/ld-convert-shapes.js)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-map-chart.h"
#include "ld-map-shapes.h"

#define MAGIC        "LDWORLD1"
#define HEADER_SIZE  (8 + 4 * 4)
#define COUNTRY_SIZE (2 + 2 + 4 + 4 + 4 + 8 + 8 + 4)
#define RING_SIZE    8

struct _LdMapShapes
{
  GBytes     *bytes;
  char       *names;     /* copied so they end in a NUL even in a damaged file */
  LdMapShape *shapes;
  guint       n_shapes;
  LdMapRing  *rings;
  guint       n_rings;
  LdMapPoint *points;
  guint       n_points;
};

G_DEFINE_QUARK (ld-map-shapes-error-quark, ld_map_shapes_error)

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static double
read_lon (const guint8 *p)
{
  /* Up to ±360°: rings across the antimeridian run on past 180°. */
  return (gint16) read_u16 (p) * 360.0 / 32767.0;
}

static double
read_lat (const guint8 *p)
{
  return (gint16) read_u16 (p) * 90.0 / 32767.0;
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, LD_MAP_SHAPES_ERROR, LD_MAP_SHAPES_ERROR_INVALID,
               "The country shapes file is damaged (%s)", what);
  return FALSE;
}

void
ld_map_shapes_free (LdMapShapes *shapes)
{
  if (shapes == NULL)
    return;

  g_bytes_unref (shapes->bytes);
  g_free (shapes->names);
  g_free (shapes->shapes);
  g_free (shapes->rings);
  g_free (shapes->points);
  g_free (shapes);
}

static gboolean
parse (LdMapShapes  *shapes,
       GError      **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (shapes->bytes, &size);
  guint32 n_countries, n_rings, n_points, names_size;
  const guint8 *countries, *rings, *points, *names;
  guint64 need;

  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    return invalid (error, "not a shapes file");

  n_countries = read_u32 (data + 8);
  n_rings = read_u32 (data + 12);
  n_points = read_u32 (data + 16);
  names_size = read_u32 (data + 20);
  need = HEADER_SIZE + (guint64) n_countries * COUNTRY_SIZE + (guint64) n_rings * RING_SIZE
         + (guint64) n_points * 4 + names_size;
  if (need != size)
    return invalid (error, "wrong size");

  countries = data + HEADER_SIZE;
  rings = countries + (gsize) n_countries * COUNTRY_SIZE;
  points = rings + (gsize) n_rings * RING_SIZE;
  names = points + (gsize) n_points * 4;

  /* Project once here so every frame only scales and translates. */
  shapes->points = g_new (LdMapPoint, MAX (n_points, 1));
  shapes->n_points = n_points;
  for (guint i = 0; i < n_points; i++)
    {
      double x, y;

      ld_map_chart_project (read_lon (points + 4 * i), read_lat (points + 4 * i + 2), &x, &y);
      shapes->points[i].x = (float) x;
      shapes->points[i].y = (float) y;
    }

  shapes->rings = g_new0 (LdMapRing, MAX (n_rings, 1));
  shapes->n_rings = n_rings;
  for (guint i = 0; i < n_rings; i++)
    {
      LdMapRing *ring = &shapes->rings[i];
      guint32 first = read_u32 (rings + RING_SIZE * i);
      guint32 count = read_u32 (rings + RING_SIZE * i + 4);

      if (first > n_points || count > n_points - first || count < 3)
        return invalid (error, "ring out of range");

      ring->points = shapes->points + first;
      ring->n_points = count;
      ring->x0 = ring->y0 = G_MAXFLOAT;
      ring->x1 = ring->y1 = -G_MAXFLOAT;
      for (guint k = 0; k < count; k++)
        {
          ring->x0 = MIN (ring->x0, ring->points[k].x);
          ring->y0 = MIN (ring->y0, ring->points[k].y);
          ring->x1 = MAX (ring->x1, ring->points[k].x);
          ring->y1 = MAX (ring->y1, ring->points[k].y);
        }
    }

  shapes->names = g_malloc (names_size + 1);
  memcpy (shapes->names, names, names_size);
  shapes->names[names_size] = '\0';

  shapes->shapes = g_new0 (LdMapShape, MAX (n_countries, 1));
  shapes->n_shapes = n_countries;
  for (guint i = 0; i < n_countries; i++)
    {
      const guint8 *c = countries + COUNTRY_SIZE * i;
      LdMapShape *shape = &shapes->shapes[i];
      guint32 name_offset = read_u32 (c + 4);
      guint32 first_ring = read_u32 (c + 8);
      guint32 count = read_u32 (c + 12);

      if (name_offset >= names_size || first_ring > n_rings || count > n_rings - first_ring)
        return invalid (error, "country out of range");
      if (i > 0 && memcmp (c, c - COUNTRY_SIZE, 2) < 0)
        return invalid (error, "countries out of order");

      shape->code[0] = (char) c[0];
      shape->code[1] = (char) c[1];
      shape->numeric = read_u16 (c + 2);
      shape->english_name = shapes->names + name_offset;
      shape->rings = shapes->rings + first_ring;
      shape->n_rings = count;
      shape->x0 = shape->y0 = G_MAXDOUBLE;
      shape->x1 = shape->y1 = -G_MAXDOUBLE;
      for (guint r = 0; r < count; r++)
        {
          shape->x0 = MIN (shape->x0, shape->rings[r].x0);
          shape->y0 = MIN (shape->y0, shape->rings[r].y0);
          shape->x1 = MAX (shape->x1, shape->rings[r].x1);
          shape->y1 = MAX (shape->y1, shape->rings[r].y1);
        }
      /* c + 16: bounds of all rings in degrees, which the projected ones above replace. */
      shape->main_lon0 = read_lon (c + 24);
      shape->main_lat0 = read_lat (c + 26);
      shape->main_lon1 = read_lon (c + 28);
      shape->main_lat1 = read_lat (c + 30);
      shape->label_lon = read_lon (c + 32);
      shape->label_lat = read_lat (c + 34);
    }

  return TRUE;
}

LdMapShapes *
ld_map_shapes_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(LdMapShapes) shapes = g_new0 (LdMapShapes, 1);

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shapes->bytes = g_bytes_ref (bytes);
  if (!parse (shapes, error))
    return NULL;

  return g_steal_pointer (&shapes);
}

LdMapShapes *
ld_map_shapes_get_default (void)
{
  static LdMapShapes *shapes;

  if (g_once_init_enter (&shapes))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (LD_MAP_SHAPES_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         &error);
      LdMapShapes *loaded = NULL;

      if (bytes != NULL)
        loaded = ld_map_shapes_new_from_bytes (bytes, &error);
      if (loaded == NULL)
        {
          /* The map then shows sea only; the table still lists every country. */
          g_warning ("Could not load the country shapes: %s", error->message);
          loaded = g_new0 (LdMapShapes, 1);
          loaded->bytes = g_bytes_new_static ("", 0);
        }
      g_once_init_leave (&shapes, loaded);
    }

  return shapes;
}

guint
ld_map_shapes_get_n_shapes (LdMapShapes *shapes)
{
  g_return_val_if_fail (shapes != NULL, 0);

  return shapes->n_shapes;
}

const LdMapShape *
ld_map_shapes_get_shape (LdMapShapes *shapes,
                         guint        index)
{
  g_return_val_if_fail (shapes != NULL, NULL);
  g_return_val_if_fail (index < shapes->n_shapes, NULL);

  return &shapes->shapes[index];
}

int
ld_map_shapes_find (LdMapShapes *shapes,
                    const char  *alpha2)
{
  char key[2];
  guint lo = 0, hi;

  g_return_val_if_fail (shapes != NULL, -1);

  if (alpha2 == NULL || alpha2[0] == '\0' || alpha2[1] == '\0' || alpha2[2] != '\0')
    return -1;

  key[0] = g_ascii_toupper (alpha2[0]);
  key[1] = g_ascii_toupper (alpha2[1]);
  hi = shapes->n_shapes;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      int cmp = memcmp (key, shapes->shapes[mid].code, 2);

      if (cmp == 0)
        return (int) mid;
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }

  return -1;
}

gboolean
ld_map_shape_contains (const LdMapShape *shape,
                       double            x,
                       double            y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (shape != NULL, FALSE);

  if (x < shape->x0 || x > shape->x1 || y < shape->y0 || y > shape->y1)
    return FALSE;

  /* Even-odd over all rings, matching how the map fills them. */
  for (guint r = 0; r < shape->n_rings; r++)
    {
      const LdMapRing *ring = &shape->rings[r];

      if (x < ring->x0 || x > ring->x1 || y < ring->y0 || y > ring->y1)
        continue;

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          const LdMapPoint *a = &ring->points[i], *b = &ring->points[j];

          if ((a->y > y) != (b->y > y)
              && x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x)
            inside = !inside;
        }
    }

  return inside;
}
