/* ld-map-chart.c — a world map of countries shaded by provisioned licences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ld-chart-format.h"
#include "ld-chart-paint.h"
#include "ld-country-codes.h"
#include "ld-map-chart.h"
#include "ld-map-shapes.h"

/* The inhabited world: the north of Greenland to Tierra del Fuego. Showing
 * Antarctica at Mercator's scale would spend a third of the card on ice. */
#define FIT_NORTH 83.7
#define FIT_SOUTH -57.0

#define N_BINS 5

/* Countries smaller than this on screen get a dot, so Singapore's licences
 * are visible on a world map. */
#define DOT_BELOW_PX 4.0

/* ---- projection and views -------------------------------------------------------- */

void
ld_map_chart_project (double  lon,
                      double  lat,
                      double *x,
                      double *y)
{
  double phi = CLAMP (lat, -LD_MAP_CHART_MAX_LATITUDE, LD_MAP_CHART_MAX_LATITUDE) * G_PI / 180;

  *x = (lon + 180) / 360;
  *y = (1 - log (tan (G_PI / 4 + phi / 2)) / G_PI) / 2;
}

void
ld_map_chart_unproject (double  x,
                        double  y,
                        double *lon,
                        double *lat)
{
  *lon = x * 360 - 180;
  *lat = atan (sinh (G_PI * (1 - 2 * y))) * 180 / G_PI;
}

static double
world_size (const LdMapChartView *view)
{
  return LD_MAP_CHART_TILE_SIZE * exp2 (view->zoom);
}

void
ld_map_chart_view_fit_world (LdMapChartView *view,
                             double          width,
                             double          height)
{
  double x, top, bottom, lon;

  g_return_if_fail (view != NULL);

  ld_map_chart_project (0, FIT_NORTH, &x, &top);
  ld_map_chart_project (0, FIT_SOUTH, &x, &bottom);

  /* The world is one unit wide and bottom - top high. */
  view->zoom = log2 (MAX (1, MIN (width, height / (bottom - top))) / LD_MAP_CHART_TILE_SIZE);
  ld_map_chart_unproject (0.5, (top + bottom) / 2, &lon, &view->lat);
  view->lon = 0;
  view->rotation = 0;
}

gboolean
ld_map_chart_view_fit_country (LdMapChartView *view,
                               double          width,
                               double          height,
                               const char     *alpha2)
{
  LdMapShapes *shapes = ld_map_shapes_get_default ();
  const LdMapShape *shape;
  double x0, y0, x1, y1, zoom;
  int index;

  g_return_val_if_fail (view != NULL, FALSE);

  index = ld_map_shapes_find (shapes, alpha2);
  if (index < 0)
    return FALSE;

  shape = ld_map_shapes_get_shape (shapes, index);
  ld_map_chart_project (shape->main_lon0, shape->main_lat1, &x0, &y0);
  ld_map_chart_project (shape->main_lon1, shape->main_lat0, &x1, &y1);

  /* Half the map, so the neighbours give the country its context; never
   * closer than a region (zoom 7) for a city state. */
  zoom = log2 (MIN (width * 0.5 / MAX (x1 - x0, 1e-9),
                    height * 0.5 / MAX (y1 - y0, 1e-9)) / LD_MAP_CHART_TILE_SIZE);
  view->zoom = CLAMP (zoom, 1, 7);
  ld_map_chart_unproject ((x0 + x1) / 2, (y0 + y1) / 2, &view->lon, &view->lat);
  view->rotation = 0;

  return TRUE;
}

void
ld_map_chart_view_to_widget (const LdMapChartView *view,
                             double                width,
                             double                height,
                             double                lon,
                             double                lat,
                             double               *x,
                             double               *y)
{
  double s = world_size (view);
  double cx, cy, px, py, dx, dy;

  ld_map_chart_project (view->lon, view->lat, &cx, &cy);
  ld_map_chart_project (lon, lat, &px, &py);

  dx = (px - cx) * s;
  dy = (py - cy) * s;
  *x = cos (view->rotation) * dx - sin (view->rotation) * dy + width / 2;
  *y = sin (view->rotation) * dx + cos (view->rotation) * dy + height / 2;
}

/* Widget coordinates to the unit square, x not wrapped. */
static void
widget_to_unit (const LdMapChartView *view,
                double                width,
                double                height,
                double                x,
                double                y,
                double               *ux,
                double               *uy)
{
  double s = world_size (view);
  double cx, cy;
  double dx = x - width / 2, dy = y - height / 2;

  ld_map_chart_project (view->lon, view->lat, &cx, &cy);
  *ux = cx + (cos (view->rotation) * dx + sin (view->rotation) * dy) / s;
  *uy = cy + (-sin (view->rotation) * dx + cos (view->rotation) * dy) / s;
}

void
ld_map_chart_view_from_widget (const LdMapChartView *view,
                               double                width,
                               double                height,
                               double                x,
                               double                y,
                               double               *lon,
                               double               *lat)
{
  double ux, uy;

  widget_to_unit (view, width, height, x, y, &ux, &uy);
  ux -= floor (ux);
  ld_map_chart_unproject (ux, CLAMP (uy, 0, 1), lon, lat);
}

/* ---- data ------------------------------------------------------------------------ */

void
ld_map_chart_data_init (LdMapChartData *data)
{
  g_return_if_fail (data != NULL);

  memset (data, 0, sizeof *data);
  data->fit_world = TRUE;
  data->base_map = TRUE;
  data->show_legend = TRUE;
}

typedef struct
{
  guint64  provisioned;
  guint64  customers;
  guint64  assigned;
  gboolean present;
  gboolean selected;
} ShapeValues;

/* The items summed onto the shapes they fall on. */
typedef struct
{
  LdMapShapes    *shapes;
  ShapeValues    *values;     /* one per shape */
  guint64         total;
  LdMapChartBins  bins;
  LdMapChartView  view;
  int             hover;      /* shape index or -1 */
  /* The fitted world crops the land south of FIT_SOUTH; a map taller than the
   * world shows more sea, not Antarctica's coast (unless it has licences). */
  double          south_edge; /* unit y below which land is left out, or G_MAXDOUBLE */
  gboolean        align_top;  /* the fitted world at the map's top */
} Prepared;

/* The whole world fitted to the map, in its middle or, with align_top, at its top. */
static void
fitted_view (const Prepared *p,
             double          width,
             double          height,
             LdMapChartView *view)
{
  double x, top, bottom, s;

  ld_map_chart_view_fit_world (view, width, height);
  if (!p->align_top)
    return;

  ld_map_chart_project (0, FIT_NORTH, &x, &top);
  ld_map_chart_project (0, FIT_SOUTH, &x, &bottom);
  s = LD_MAP_CHART_TILE_SIZE * exp2 (view->zoom);
  if (height > (bottom - top) * s)
    ld_map_chart_unproject (0.5, top + height / 2 / s, &x, &view->lat);
}

static void
prepared_init (Prepared             *p,
               const LdMapChartData *data,
               double                width,
               double                height)
{
  guint n_shapes;

  p->shapes = ld_map_shapes_get_default ();
  n_shapes = ld_map_shapes_get_n_shapes (p->shapes);
  p->values = g_new0 (ShapeValues, MAX (n_shapes, 1));
  p->total = data->total;
  p->hover = data->hover != NULL ? ld_map_shapes_find (p->shapes, data->hover) : -1;

  for (guint i = 0; i < data->n_items; i++)
    {
      const LdMapChartItem *item = &data->items[i];
      int index = ld_map_shapes_find (p->shapes, item->code);

      if (data->total == 0)
        p->total += item->provisioned;
      if (index < 0)
        continue;
      p->values[index].provisioned += item->provisioned;
      p->values[index].customers += item->customers;
      p->values[index].assigned += item->assigned;
      p->values[index].present = TRUE;
    }

  for (guint i = 0; data->selected != NULL && data->selected[i] != NULL; i++)
    {
      int index = ld_map_shapes_find (p->shapes, data->selected[i]);

      if (index >= 0)
        p->values[index].selected = TRUE;
    }

  ld_map_chart_compute_bins (data, &p->bins);

  p->south_edge = G_MAXDOUBLE;
  p->align_top = data->fit_world && data->align_top;
  if (data->fit_world)
    {
      double x;

      fitted_view (p, width, height, &p->view);
      ld_map_chart_project (0, FIT_SOUTH, &x, &p->south_edge);
    }
  else
    p->view = data->view;
}

/* Whether shape @i is land the map leaves out: wholly south of the fitted world. */
static gboolean
shape_left_out (const Prepared   *p,
                const LdMapShape *shape,
                guint             i)
{
  return shape->y0 > p->south_edge && !(p->values[i].present && p->values[i].provisioned > 0);
}

static void
prepared_clear (Prepared *p)
{
  g_clear_pointer (&p->values, g_free);
}

/* Rounds up to two significant digits, so legend bounds read 1,300 not 1,287. */
static guint64
round_up_2sig (guint64 v)
{
  guint64 unit = 1;

  while (v / unit >= 100)
    unit *= 10;

  return (v + unit - 1) / unit * unit;
}

static int
compare_guint64 (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

void
ld_map_chart_compute_bins (const LdMapChartData *data,
                           LdMapChartBins       *bins)
{
  LdMapShapes *shapes = ld_map_shapes_get_default ();
  g_autoptr(GHashTable) sums = g_hash_table_new (NULL, NULL);
  g_autofree guint64 *values = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0, distinct = 0, k;

  g_return_if_fail (data != NULL);
  g_return_if_fail (bins != NULL);

  memset (bins, 0, sizeof *bins);

  /* Per shape, as the map paints them: an item whose code is not on the map
   * must not stretch the scale. */
  for (guint i = 0; i < data->n_items; i++)
    {
      int index = ld_map_shapes_find (shapes, data->items[i].code);
      guint64 *sum;

      if (index < 0 || data->items[i].provisioned == 0)
        continue;
      sum = g_hash_table_lookup (sums, GINT_TO_POINTER (index + 1));
      if (sum == NULL)
        {
          sum = g_new0 (guint64, 1);
          g_hash_table_insert (sums, GINT_TO_POINTER (index + 1), sum);
        }
      *sum += data->items[i].provisioned;
    }

  values = g_new (guint64, MAX (g_hash_table_size (sums), 1));
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      values[n++] = *(guint64 *) value;
      g_free (value);
    }
  if (n == 0)
    return;

  qsort (values, n, sizeof *values, compare_guint64);
  for (guint i = 0; i < n; i++)
    if (i == 0 || values[i] != values[i - 1])
      distinct++;

  k = MIN (N_BINS, distinct);
  for (guint b = 1; b <= k; b++)
    {
      /* The value at the b/k quantile closes bin b. */
      guint64 upper = round_up_2sig (values[MIN (n - 1, (b * n + k - 1) / k - 1)]);

      if (b == k)
        upper = MAX (upper, round_up_2sig (values[n - 1]));
      if (bins->n_bins > 0 && upper <= bins->upper[bins->n_bins - 1])
        continue;
      bins->upper[bins->n_bins++] = upper;
    }
}

int
ld_map_chart_bins_find (const LdMapChartBins *bins,
                        guint64               value)
{
  g_return_val_if_fail (bins != NULL, -1);

  if (value == 0)
    return -1;

  for (guint b = 0; b < bins->n_bins; b++)
    if (value <= bins->upper[b])
      return (int) b;

  return bins->n_bins > 0 ? (int) bins->n_bins - 1 : -1;
}

/* ---- colours --------------------------------------------------------------------- */

static LdChartColor
hex (guint32 rgb)
{
  LdChartColor c = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1 };

  return c;
}

static LdChartColor
mix (LdChartColor a,
     LdChartColor b,
     double       t)
{
  LdChartColor c = {
    a.r + (b.r - a.r) * t,
    a.g + (b.g - a.g) * t,
    a.b + (b.b - a.b) * t,
    1,
  };

  return c;
}

void
ld_map_chart_get_sea_color (const LdChartTheme *theme,
                            LdChartColor       *color)
{
  /* Neutral, a touch cooler than the card, so the map reads as a map without
   * a hue that competes with the data. */
  *color = theme->dark ? hex (0x26282c) : hex (0xeef1f5);
}

void
ld_map_chart_get_land_color (const LdChartTheme *theme,
                             LdChartColor       *color)
{
  /* "No licences": quiet, a little apart from the sea, and far enough from the
   * licensed shades (3:1) for the palest of them to read as licensed. */
  *color = theme->dark ? hex (0x3e3f44) : hex (0xe1e2e6);
}

/* @color moved towards black or white to relative luminance @target. */
static LdChartColor
with_luminance (LdChartColor color,
                double       target)
{
  LdChartColor end = ld_chart_color_luminance (&color, NULL) > target ? hex (0x000000) : hex (0xffffff);
  double lo = 0, hi = 1;

  for (int i = 0; i < 24; i++)
    {
      double t = (lo + hi) / 2;

      if ((ld_chart_color_luminance (&(LdChartColor) { color.r + (end.r - color.r) * t,
                                                       color.g + (end.g - color.g) * t,
                                                       color.b + (end.b - color.b) * t, 1 },
                                     NULL) > target) == (end.r > 0.5))
        hi = t;
      else
        lo = t;
    }

  return mix (color, end, (lo + hi) / 2);
}

void
ld_map_chart_get_bin_color (const LdChartTheme *theme,
                            guint               n_bins,
                            guint               bin,
                            LdChartColor       *color)
{
  LdChartColor accent = theme->series[LD_CHART_COLOR_PRIMARY];
  LdChartColor land;
  double t = n_bins <= 1 ? 1.0 : (double) MIN (bin, n_bins - 1) / (n_bins - 1);
  double land_l, low, high;

  accent.a = 1;
  ld_map_chart_get_land_color (theme, &land);
  land_l = ld_chart_color_luminance (&land, NULL);

  /* One hue, lightness alone carries the order (it survives every kind of colour
   * vision and greyscale printing): light, from the accent's lightness to deep;
   * dark, more licences glow brighter. The fewest licences stand 3:1 off "No
   * licences" land, and the shades climb in equal ratios of luminance, so
   * neighbours are as far apart as five can be. */
  if (theme->dark)
    {
      low = (land_l + 0.05) * (LD_CHART_MARK_CONTRAST + 0.1) - 0.05;
      high = 0.80;
    }
  else
    {
      low = (land_l + 0.05) / (LD_CHART_MARK_CONTRAST + 0.1) - 0.05;
      high = 0.025;
    }

  *color = with_luminance (accent, (low + 0.05) * pow ((high + 0.05) / (low + 0.05), t) - 0.05);
}

static void
border_color (const LdChartTheme *theme,
              gboolean            base_map,
              LdChartColor       *color)
{
  if (base_map)
    ld_map_chart_get_sea_color (theme, color);
  else
    {
      /* Over map tiles, whose colours we do not know. */
      *color = theme->dark ? hex (0xffffff) : hex (0x000000);
      color->a = 0.45;
    }
}

/* ---- drawing --------------------------------------------------------------------- */

typedef struct
{
  double s;          /* world size in pixels */
  double ox, oy;     /* where the unit square's origin lands, copy 0 */
  double left, top, right, bottom;  /* visible area in pixels, rotation allowed for */
  int    copy_first; /* world copies side by side that may be visible */
  int    copy_last;
} Frame;

static void
frame_init (Frame                *f,
            const LdMapChartView *view,
            double                width,
            double                height)
{
  double cx, cy, reach;

  ld_map_chart_project (view->lon, view->lat, &cx, &cy);
  f->s = world_size (view);
  f->ox = width / 2 - cx * f->s;
  f->oy = height / 2 - cy * f->s;

  /* Rotated, the corners of the widget reach further from the centre. */
  reach = view->rotation != 0 ? hypot (width, height) / 2 : 0;
  f->left = MIN (0, width / 2 - reach);
  f->right = MAX (width, width / 2 + reach);
  f->top = MIN (0, height / 2 - reach);
  f->bottom = MAX (height, height / 2 + reach);

  f->copy_first = (int) floor ((f->left - f->ox) / f->s);
  f->copy_last = (int) floor ((f->right - f->ox) / f->s);
}

static gboolean
box_visible (const Frame *f,
             double       x0,
             double       y0,
             double       x1,
             double       y1,
             double       ox)
{
  return x1 * f->s + ox >= f->left - 2 && x0 * f->s + ox <= f->right + 2
         && y1 * f->s + f->oy >= f->top - 2 && y0 * f->s + f->oy <= f->bottom + 2;
}

/* Adds @shape's rings to the path, dropping points closer than half a pixel
 * to the last one kept and rings too small to see: at world zoom that is most
 * of the 50,000 points, so panning stays smooth. */
static void
append_shape (cairo_t          *cr,
              const Frame      *f,
              const LdMapShape *shape,
              double            ox)
{
  for (guint r = 0; r < shape->n_rings; r++)
    {
      const LdMapRing *ring = &shape->rings[r];
      double lx, ly;

      if (!box_visible (f, ring->x0, ring->y0, ring->x1, ring->y1, ox))
        continue;
      if ((ring->x1 - ring->x0) * f->s < 0.5 && (ring->y1 - ring->y0) * f->s < 0.5)
        continue;

      lx = ring->points[0].x * f->s + ox;
      ly = ring->points[0].y * f->s + f->oy;
      cairo_move_to (cr, lx, ly);
      for (guint i = 1; i < ring->n_points; i++)
        {
          double x = ring->points[i].x * f->s + ox;
          double y = ring->points[i].y * f->s + f->oy;

          if (fabs (x - lx) < 0.5 && fabs (y - ly) < 0.5)
            continue;
          cairo_line_to (cr, x, y);
          lx = x;
          ly = y;
        }
      cairo_close_path (cr);
    }
}

static gboolean
shape_is_dot (const Frame      *f,
              const LdMapShape *shape)
{
  return (shape->x1 - shape->x0) * f->s < DOT_BELOW_PX && (shape->y1 - shape->y0) * f->s < DOT_BELOW_PX;
}

static double
dot_radius (const LdChartTheme *theme)
{
  return MAX (3, round (theme->font_size * 0.3));
}

static void
dot_center (const Frame      *f,
            const LdMapShape *shape,
            double            ox,
            double           *x,
            double           *y)
{
  double ux, uy;

  ld_map_chart_project (shape->label_lon, shape->label_lat, &ux, &uy);
  *x = ux * f->s + ox;
  *y = uy * f->s + f->oy;
}

/* The fill of shape @i, FALSE for none. */
static gboolean
shape_fill (const Prepared     *p,
            const LdChartTheme *theme,
            gboolean            base_map,
            guint               i,
            LdChartColor       *color)
{
  int bin = p->values[i].present ? ld_map_chart_bins_find (&p->bins, p->values[i].provisioned) : -1;

  if (bin >= 0)
    {
      ld_map_chart_get_bin_color (theme, p->bins.n_bins, bin, color);
      /* Over tiles, let the streets and names show through a little. */
      if (!base_map)
        color->a = 0.8;
      return TRUE;
    }
  if (!base_map)
    return FALSE;

  ld_map_chart_get_land_color (theme, color);
  return TRUE;
}

static void
draw_countries (cairo_t              *cr,
                const Prepared       *p,
                const Frame          *f,
                const LdMapChartData *data,
                const LdChartTheme   *theme,
                LdMapChartParts       parts)
{
  guint n_shapes = ld_map_shapes_get_n_shapes (p->shapes);
  double line = 0.6;
  LdChartColor border, outline;

  border_color (theme, data->base_map, &border);
  outline = theme->foreground;

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* Borders are most of the drawing time; at 0.6 px a bevel looks like a
   * round join and costs less. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);

  for (int copy = f->copy_first; copy <= f->copy_last; copy++)
    {
      double ox = f->ox + copy * f->s;

      for (guint i = 0; i < n_shapes && (parts & LD_MAP_CHART_PART_COUNTRIES); i++)
        {
          const LdMapShape *shape = ld_map_shapes_get_shape (p->shapes, i);
          LdChartColor fill;

          if (!box_visible (f, shape->x0, shape->y0, shape->x1, shape->y1, ox) || shape_left_out (p, shape, i))
            continue;
          if (!shape_fill (p, theme, data->base_map, i, &fill))
            {
              /* Over tiles a country without licences still shows its border. */
              cairo_new_path (cr);
              append_shape (cr, f, shape, ox);
              ld_chart_color_set_source (cr, &border, 0.6);
              cairo_set_line_width (cr, line);
              cairo_stroke (cr);
              continue;
            }

          cairo_new_path (cr);
          append_shape (cr, f, shape, ox);
          ld_chart_color_set_source (cr, &fill, 1.0);
          cairo_fill_preserve (cr);
          ld_chart_color_set_source (cr, &border, 1.0);
          cairo_set_line_width (cr, line);
          cairo_stroke (cr);
        }

      /* Dots for countries with licences too small to see, then the outlines
       * on top of every neighbour's border. */
      for (guint i = 0; i < n_shapes; i++)
        {
          const LdMapShape *shape = ld_map_shapes_get_shape (p->shapes, i);
          gboolean hover = p->hover == (int) i;
          LdChartColor fill;
          double x, y;

          if (!box_visible (f, shape->x0, shape->y0, shape->x1, shape->y1, ox))
            continue;
          if (!(parts & (hover ? LD_MAP_CHART_PART_HOVER : LD_MAP_CHART_PART_COUNTRIES)))
            continue;

          if (shape_is_dot (f, shape) && p->values[i].present && p->values[i].provisioned > 0
              && shape_fill (p, theme, TRUE, i, &fill))
            {
              dot_center (f, shape, ox, &x, &y);
              cairo_new_path (cr);
              cairo_arc (cr, x, y, dot_radius (theme) + (hover ? 1 : 0), 0, 2 * G_PI);
              ld_chart_color_set_source (cr, &fill, 1.0);
              cairo_fill_preserve (cr);
              ld_chart_color_set_source (cr, p->values[i].selected || hover ? &outline : &border,
                                         1.0);
              cairo_set_line_width (cr, p->values[i].selected ? 2 : 1);
              cairo_stroke (cr);
              continue;
            }

          if (!p->values[i].selected && !hover)
            continue;

          cairo_new_path (cr);
          append_shape (cr, f, shape, ox);
          if (hover)
            {
              /* A veil towards the foreground: lighter on dark, darker on light. */
              ld_chart_color_set_source (cr, &outline, 0.12);
              cairo_fill_preserve (cr);
            }
          ld_chart_color_set_source (cr, &outline, p->values[i].selected ? 1.0 : 0.7);
          cairo_set_line_width (cr, p->values[i].selected ? 2.0 : 1.2);
          cairo_stroke (cr);
        }
    }
}

/* ---- legend ---------------------------------------------------------------------- */

typedef struct
{
  guint  n_entries;
  char  *labels[LD_MAP_CHART_MAX_BINS + 1];
  double label_w[LD_MAP_CHART_MAX_BINS + 1];
  LdChartColor colors[LD_MAP_CHART_MAX_BINS + 1];
  /* Where each entry's swatch starts and its line's middle, from the panel's corner:
   * a column under the title, or rows flowing across a wide sea. */
  double entry_x[LD_MAP_CHART_MAX_BINS + 1];
  double entry_y[LD_MAP_CHART_MAX_BINS + 1];
  const char *title;
  double title_w;
  double title_x, title_y;     /* from the panel's corner, like the entries */
  double x, y, width, height;  /* the panel */
  double pad, row_h, swatch;
} Legend;

static char *
format_bound (guint64 v)
{
  /* Exact, as the table beside the map prints them ("21,000"), unless that
   * would widen the legend past reason. */
  return v < 1000000 ? ld_chart_format_count (v) : ld_chart_format_compact ((double) v);
}

/* ---- where the legend goes ------------------------------------------------------- */

/* The land of a map as a coarse picture: a summed-area table of its pixels that
 * any land (or only licensed land) touches, so the legend can look for open sea
 * in one pass over the candidate places. */
typedef struct
{
  int       w, h;
  double    scale;  /* mask pixels per map pixel */
  guint32  *sat;    /* (w + 1) × (h + 1): land pixels above and left of each corner */
} LandMask;

#define MASK_SIZE 256.0

static void
land_mask_build (LandMask           *m,
                 const Prepared     *p,
                 const Frame        *f,
                 const LdChartTheme *theme,
                 double              width,
                 double              height,
                 gboolean            licensed_only)
{
  guint n_shapes = ld_map_shapes_get_n_shapes (p->shapes);
  cairo_surface_t *surface;
  const guint8 *pixels;
  int stride;
  cairo_t *cr;

  m->scale = MIN (1.0, MASK_SIZE / MAX (width, height));
  m->w = MAX (1, (int) ceil (width * m->scale));
  m->h = MAX (1, (int) ceil (height * m->scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, m->w, m->h);
  cr = cairo_create (surface);
  cairo_scale (cr, m->scale, m->scale);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* At the map's own scale, so what is culled or drawn as a dot is the same. */
  cairo_set_line_width (cr, 2);
  for (int copy = f->copy_first; copy <= f->copy_last; copy++)
    {
      double ox = f->ox + copy * f->s;

      for (guint i = 0; i < n_shapes; i++)
        {
          const LdMapShape *shape = ld_map_shapes_get_shape (p->shapes, i);
          gboolean licensed = p->values[i].present && p->values[i].provisioned > 0;

          if ((licensed_only && !licensed) || !box_visible (f, shape->x0, shape->y0, shape->x1, shape->y1, ox)
              || shape_left_out (p, shape, i))
            continue;

          cairo_new_path (cr);
          if (shape_is_dot (f, shape) && licensed)
            {
              double x, y;

              dot_center (f, shape, ox, &x, &y);
              cairo_arc (cr, x, y, dot_radius (theme) + 1, 0, 2 * G_PI);
            }
          else
            append_shape (cr, f, shape, ox);
          cairo_fill_preserve (cr);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  m->sat = g_new0 (guint32, (gsize) (m->w + 1) * (m->h + 1));
  for (int y = 0; y < m->h; y++)
    {
      guint32 row = 0;

      for (int x = 0; x < m->w; x++)
        {
          row += pixels[(gsize) y * stride + x] > 0;
          m->sat[(gsize) (y + 1) * (m->w + 1) + x + 1] = m->sat[(gsize) y * (m->w + 1) + x + 1] + row;
        }
    }
  cairo_surface_destroy (surface);
}

static void
land_mask_clear (LandMask *m)
{
  g_clear_pointer (&m->sat, g_free);
}

/* Land pixels of the mask under the map rectangle (@x, @y, @w, @h). */
static guint32
land_mask_count (const LandMask *m,
                 double          x,
                 double          y,
                 double          w,
                 double          h)
{
  int x0 = CLAMP ((int) floor (x * m->scale), 0, m->w);
  int y0 = CLAMP ((int) floor (y * m->scale), 0, m->h);
  int x1 = CLAMP ((int) ceil ((x + w) * m->scale), 0, m->w);
  int y1 = CLAMP ((int) ceil ((y + h) * m->scale), 0, m->h);
  gsize stride = m->w + 1;

  return m->sat[y1 * stride + x1] - m->sat[y0 * stride + x1] - m->sat[y1 * stride + x0]
         + m->sat[y0 * stride + x0];
}

/* Whether a legend at (@x, @y, @w, @h) would lie under the map's own control: the
 * top right corner holds the window's Reset view button (left free on paper too). */
static gboolean
in_controls_corner (const LdChartTheme *theme,
                    double              width,
                    double              height,
                    double              x,
                    double              y,
                    double              w,
                    double              h)
{
  double u = theme->font_size;

  return x + w > width - 5 * u && y < 4.5 * u;
}

/* The land of a map of one size changes only with the size: the screen asks for
 * it every frame, so the last one is kept. */
static GMutex land_cache_lock;
static struct
{
  double    width, height, dot;
  guint     licensed;  /* which shapes have licences (their dots are land too) */
  LandMask  mask;
} land_cache;

/* The last legend placed, and what for (under land_cache_lock). */
static struct
{
  gboolean  valid;
  double    width, height, legend_w, legend_h, font_size, pad, dot;
  guint     licensed;
  gboolean  allow_land, align_top;
  double    x, y;
  gboolean  found_clear;
  guint32   covered_licensed, covered_land;
} placement_cache;

static guint
licensed_hash (const Prepared *p)
{
  guint hash = 5381;

  for (guint i = 0; i < ld_map_shapes_get_n_shapes (p->shapes); i++)
    if (p->values[i].present && p->values[i].provisioned > 0)
      hash = hash * 33 + i;

  return hash;
}

/* Places @legend (sized) on the map of @width × @height where it covers no land —
 * the nearest such place to a corner of the map, the bottom left first — and
 * returns TRUE; with no such place, FALSE, and with @allow_land where it covers the
 * least licensed land and then the least land, which it counts in mask pixels.
 * The place is worked out for the whole world fitted to the map, the picture every
 * export prints, and stays put while the screen's map is panned and zoomed. */
static gboolean
legend_place (Legend             *legend,
              const Prepared     *p,
              const LdChartTheme *theme,
              double              width,
              double              height,
              gboolean            allow_land,
              guint32            *covered_licensed,
              guint32            *covered_land)
{
  LdMapChartView fitted;
  LandMask licensed = { 0 };
  Frame f;
  /* Off the map's edge by half the charts' padding: the panel has its own. */
  double pad = round (ld_chart_padding (theme) * 0.5);
  double margin = round (theme->font_size * 0.35);
  double step, best_x, best_y, best_score = G_MAXDOUBLE;
  guint32 best_licensed = G_MAXUINT32, best_land = G_MAXUINT32;
  gboolean found_clear = FALSE;
  guint licensed_now = licensed_hash (p);

  /* The screen lays the legend out every frame (a hover, a pan): the last place
   * found is kept for the same map size, legend size and countries with licences. */
  g_mutex_lock (&land_cache_lock);
  if (placement_cache.valid && placement_cache.width == width && placement_cache.height == height
      && placement_cache.legend_w == legend->width && placement_cache.legend_h == legend->height
      && placement_cache.font_size == theme->font_size && placement_cache.pad == pad
      && placement_cache.dot == dot_radius (theme) && placement_cache.licensed == licensed_now
      && placement_cache.allow_land == allow_land && placement_cache.align_top == p->align_top)
    {
      legend->x = placement_cache.x;
      legend->y = placement_cache.y;
      if (covered_licensed != NULL)
        *covered_licensed = placement_cache.covered_licensed;
      if (covered_land != NULL)
        *covered_land = placement_cache.covered_land;
      found_clear = placement_cache.found_clear;
      g_mutex_unlock (&land_cache_lock);
      return found_clear;
    }
  g_mutex_unlock (&land_cache_lock);

  legend->x = pad;
  legend->y = height - pad - legend->height;
  best_x = legend->x;
  best_y = legend->y;

  fitted_view (p, width, height, &fitted);
  frame_init (&f, &fitted, width, height);

  g_mutex_lock (&land_cache_lock);
  if (land_cache.mask.sat == NULL || land_cache.width != width || land_cache.height != height
      || land_cache.dot != dot_radius (theme) || land_cache.licensed != licensed_hash (p))
    {
      land_mask_clear (&land_cache.mask);
      land_mask_build (&land_cache.mask, p, &f, theme, width, height, FALSE);
      land_cache.width = width;
      land_cache.height = height;
      land_cache.dot = dot_radius (theme);
      land_cache.licensed = licensed_hash (p);
    }

  step = 1 / land_cache.mask.scale;
  for (double y = height - pad - legend->height; y >= pad - 0.01; y -= step)
    for (double x = pad; x <= width - pad - legend->width + 0.01; x += step)
      {
        guint32 land;

        if (in_controls_corner (theme, width, height, x, y, legend->width, legend->height))
          continue;
        land = land_mask_count (&land_cache.mask, x - margin, y - margin,
                                legend->width + 2 * margin, legend->height + 2 * margin);
        double to_left = x - pad, to_right = width - pad - legend->width - x;
        double to_top = y - pad, to_bottom = height - pad - legend->height - y;
        double score;

        if (land > 0)
          {
            if (!found_clear && land < best_land)
              {
                best_land = land;
                best_x = x;
                best_y = y;
              }
            continue;
          }

        /* Near a corner, the bottom left a little first. */
        score = MIN (hypot (to_left, to_bottom), MIN (hypot (to_right, to_bottom) + pad,
                                                      MIN (hypot (to_left, to_top) + pad,
                                                           hypot (to_right, to_top) + 2 * pad)));
        if (!found_clear || score < best_score)
          {
            found_clear = TRUE;
            best_score = score;
            best_x = x;
            best_y = y;
          }
      }

  /* Nowhere clear of land: spare the countries with licences first. */
  if (!found_clear && allow_land)
    {
      land_mask_build (&licensed, p, &f, theme, width, height, TRUE);
      for (double y = height - pad - legend->height; y >= pad - 0.01; y -= step)
        for (double x = pad; x <= width - pad - legend->width + 0.01; x += step)
          {
            double mx = x - margin, my = y - margin;

            if (in_controls_corner (theme, width, height, x, y, legend->width, legend->height))
              continue;
            double mw = legend->width + 2 * margin, mh = legend->height + 2 * margin;
            guint32 on_licensed = land_mask_count (&licensed, mx, my, mw, mh);
            guint32 land = land_mask_count (&land_cache.mask, mx, my, mw, mh);

            if (on_licensed < best_licensed || (on_licensed == best_licensed && land < best_land))
              {
                best_licensed = on_licensed;
                best_land = land;
                best_x = x;
                best_y = y;
              }
          }
      land_mask_clear (&licensed);
    }

  legend->x = round (best_x);
  legend->y = round (best_y);
  if (covered_licensed != NULL)
    *covered_licensed = found_clear ? 0 : best_licensed;
  if (covered_land != NULL)
    *covered_land = found_clear ? 0 : best_land;

  placement_cache.valid = TRUE;
  placement_cache.width = width;
  placement_cache.height = height;
  placement_cache.legend_w = legend->width;
  placement_cache.legend_h = legend->height;
  placement_cache.font_size = theme->font_size;
  placement_cache.pad = pad;
  placement_cache.dot = dot_radius (theme);
  placement_cache.licensed = licensed_now;
  placement_cache.allow_land = allow_land;
  placement_cache.align_top = p->align_top;
  placement_cache.x = legend->x;
  placement_cache.y = legend->y;
  placement_cache.found_clear = found_clear;
  placement_cache.covered_licensed = found_clear ? 0 : best_licensed;
  placement_cache.covered_land = found_clear ? 0 : best_land;
  g_mutex_unlock (&land_cache_lock);

  return found_clear;
}

/* The entry's swatch, a gap and its label. */
static double
entry_width (const Legend *legend,
             guint         i)
{
  return legend->swatch + legend->pad * 0.75 + legend->label_w[i];
}

/* The entries in a column under the title. */
static void
legend_stack (Legend *legend)
{
  double w = legend->title_w;

  legend->title_x = legend->pad;
  legend->title_y = legend->pad + legend->row_h / 2;
  for (guint i = 0; i < legend->n_entries; i++)
    {
      legend->entry_x[i] = legend->pad;
      legend->entry_y[i] = legend->pad + legend->row_h * (i + 1.5);
      w = MAX (w, entry_width (legend, i));
    }

  legend->width = ceil (w + 2 * legend->pad);
  legend->height = ceil (legend->row_h * (legend->n_entries + 1) + 2 * legend->pad);
}

/* The title and the entries flowing in rows, each row as full as @max_width
 * allows: a wide, low panel for a band of sea. */
static void
legend_flow (Legend *legend,
             double  max_width)
{
  double gap = legend->pad * 2, x = legend->title_w + gap, w = legend->title_w;
  guint row = 0;

  legend->title_x = legend->pad;
  legend->title_y = legend->pad + legend->row_h / 2;
  for (guint i = 0; i < legend->n_entries; i++)
    {
      double ew = entry_width (legend, i);

      if (x > 0 && x + ew > max_width - 2 * legend->pad)
        {
          row++;
          x = 0;
        }
      legend->entry_x[i] = legend->pad + x;
      legend->entry_y[i] = legend->pad + legend->row_h * (row + 0.5);
      x += ew + gap;
      w = MAX (w, x - gap);
    }

  legend->width = ceil (w + 2 * legend->pad);
  legend->height = ceil (legend->row_h * (row + 1) + 2 * legend->pad);
}

/* The legend's entries and their sizes, not yet laid out. */
static void
legend_measure (Legend             *legend,
                LdChartText        *text,
                const Prepared     *p,
                const LdChartTheme *theme)
{
  guint64 lower = 1;

  memset (legend, 0, sizeof *legend);
  legend->title = _("Provisioned licenses");

  for (guint b = 0; b < p->bins.n_bins; b++)
    {
      g_autofree char *from = format_bound (lower);
      g_autofree char *to = format_bound (p->bins.upper[b]);

      /* TRANSLATORS: a range of licence counts in the map legend, "1,300 – 5,000". */
      legend->labels[legend->n_entries] = lower == p->bins.upper[b]
        ? g_strdup (to) : g_strdup_printf (C_("map legend", "%s – %s"), from, to);
      ld_map_chart_get_bin_color (theme, p->bins.n_bins, b, &legend->colors[legend->n_entries]);
      legend->n_entries++;
      lower = p->bins.upper[b] + 1;
    }
  legend->labels[legend->n_entries] = g_strdup (_("No licenses"));
  ld_map_chart_get_land_color (theme, &legend->colors[legend->n_entries]);
  legend->n_entries++;

  legend->pad = round (theme->font_size * 0.5);
  legend->swatch = round (theme->font_size * 0.9);
  legend->row_h = text->line_height + round (theme->font_size * 0.2);
  legend->title_w = ld_chart_text_width (text, legend->title, TRUE);
  for (guint i = 0; i < legend->n_entries; i++)
    legend->label_w[i] = ld_chart_text_width (text, legend->labels[i], FALSE);
}

static void
legend_layout (Legend               *legend,
               LdChartText          *text,
               const Prepared       *p,
               const LdChartTheme   *theme,
               double                width,
               double                height)
{
  legend_measure (legend, text, p, theme);

  /* A column under the title, where the sea has room for it; else rows across a
   * band of sea (above or below the world on a tall map): two entries a row,
   * three, as many as fit. Else the one of them that hides the least licensed land,
   * then the least land. */
  static const double shares[] = { 0, 0.5, 0.75, 1.0 };  /* 0: the column */
  guint32 best_licensed = G_MAXUINT32, best_land = G_MAXUINT32;
  guint best = 0;

  legend_stack (legend);
  /* A map too small for a legend is better without one. */
  if (legend->width > width * 0.5 || legend->height > height * 0.7)
    {
      legend->width = legend->height = 0;
      return;
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < G_N_ELEMENTS (shares); k++)
      {
        guint32 licensed, land;

        if (k == 0)
          legend_stack (legend);
        else
          legend_flow (legend, (width - ld_chart_padding (theme)) * shares[k]);
        if (legend->width > width - ld_chart_padding (theme) || legend->height > height * 0.7)
          continue;

        if (pass == 0)
          {
            if (legend_place (legend, p, theme, width, height, FALSE, NULL, NULL))
              return;
            continue;
          }

        legend_place (legend, p, theme, width, height, TRUE, &licensed, &land);
        if (licensed < best_licensed || (licensed == best_licensed && land < best_land))
          {
            best_licensed = licensed;
            best_land = land;
            best = k;
          }
      }

  if (best == 0)
    legend_stack (legend);
  else
    legend_flow (legend, (width - ld_chart_padding (theme)) * shares[best]);
  legend_place (legend, p, theme, width, height, TRUE, NULL, NULL);
}

static void
legend_clear (Legend *legend)
{
  for (guint i = 0; i < legend->n_entries; i++)
    g_free (legend->labels[i]);
}

static void
legend_draw (cairo_t            *cr,
             LdChartText        *text,
             const Legend       *legend,
             const LdChartTheme *theme)
{
  LdChartColor panel = theme->background;
  double y;

  if (legend->width <= 0)
    return;

  panel.a = 1;
  cairo_save (cr);
  ld_chart_rounded_rect (cr, legend->x, legend->y, legend->width, legend->height,
                         round (theme->font_size * 0.5), LD_CHART_CORNER_ALL);
  ld_chart_color_set_source (cr, &panel, 0.92);
  cairo_fill_preserve (cr);
  ld_chart_color_set_source (cr, &theme->grid, 1.0);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  ld_chart_text_draw (text, cr, legend->title, TRUE, legend->x + legend->title_x,
                      legend->y + legend->title_y, LD_CHART_ALIGN_START, 0, &theme->foreground);

  for (guint i = 0; i < legend->n_entries; i++)
    {
      double sx = legend->x + legend->entry_x[i];

      y = legend->y + legend->entry_y[i];
      cairo_save (cr);
      ld_chart_rounded_rect (cr, sx, y - legend->swatch / 2, legend->swatch, legend->swatch,
                             legend->swatch / 4, LD_CHART_CORNER_ALL);
      ld_chart_color_set_source (cr, &legend->colors[i], 1.0);
      cairo_fill_preserve (cr);
      /* The palest swatch on a white panel needs an edge. */
      ld_chart_color_set_source (cr, &theme->grid, 1.0);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_restore (cr);

      ld_chart_text_draw (text, cr, legend->labels[i], FALSE,
                          sx + legend->swatch + legend->pad * 0.75, y,
                          LD_CHART_ALIGN_START, 0, &theme->foreground);
    }
}

void
ld_map_chart_draw (cairo_t              *cr,
                   double                width,
                   double                height,
                   const LdMapChartData *data,
                   const LdChartTheme   *theme)
{
  ld_map_chart_draw_parts (cr, width, height, data, theme, LD_MAP_CHART_PART_ALL);
}

void
ld_map_chart_draw_parts (cairo_t              *cr,
                         double                width,
                         double                height,
                         const LdMapChartData *data,
                         const LdChartTheme   *theme,
                         LdMapChartParts       parts)
{
  Prepared p = { 0 };
  Frame f;
  LdChartText text;
  Legend legend;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (theme != NULL);

  if (width <= 0 || height <= 0)
    return;

  prepared_init (&p, data, width, height);
  frame_init (&f, &p.view, width, height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (data->base_map && (parts & LD_MAP_CHART_PART_COUNTRIES))
    {
      LdChartColor sea;

      ld_map_chart_get_sea_color (theme, &sea);
      ld_chart_color_set_source (cr, &sea, 1.0);
      cairo_paint (cr);
    }

  cairo_save (cr);
  if (p.view.rotation != 0)
    {
      cairo_translate (cr, width / 2, height / 2);
      cairo_rotate (cr, p.view.rotation);
      cairo_translate (cr, -width / 2, -height / 2);
    }
  if (parts & (LD_MAP_CHART_PART_COUNTRIES | LD_MAP_CHART_PART_HOVER))
    draw_countries (cr, &p, &f, data, theme, parts);
  cairo_restore (cr);

  if (data->show_legend && (parts & LD_MAP_CHART_PART_LEGEND))
    {
      ld_chart_text_init (&text, cr, theme);
      legend_layout (&legend, &text, &p, theme, width, height);
      legend_draw (cr, &text, &legend, theme);
      legend_clear (&legend);
      ld_chart_text_clear (&text);
    }

  cairo_restore (cr);
  prepared_clear (&p);
}

/* ---- the cache of projected outlines and borders -------------------------------- */

/* Per view, three images are made once: which shape covers each pixel (its index + 1,
 * 0 for none: the fills without antialiasing), how much land covers it (the fills'
 * antialiased coverage, all shapes together), and the borders. A repaint with new
 * colours is then one pass over the pixels — each pixel's shape looked up in a table
 * of this repaint's colours and blended over the sea by its coverage — and the borders
 * laid over: no path is filled or stroked again. Where two countries meet the pixel
 * takes one colour, under the border drawn over that seam. */
struct _LdMapChartCache
{
  /* What the images were made for. */
  gboolean        valid;
  LdMapChartView  view;       /* the prepared view (fitted or given) */
  double          width;
  double          height;
  int             scale;
  double          south_edge;
  gboolean        base_map;
  LdChartColor    border;     /* the borders' colour */

  guint           n_shapes;
  cairo_path_t  **paths;       /* per shape, every visible copy; NULL when off the map */
  guint8         *border_kind; /* per shape, as the borders were drawn: 0 none, 1 faint, 2 full */
  int             pw, ph;      /* device pixels */
  guint16        *index;       /* pw × ph: shape + 1 under each pixel, 0 for none */
  guint8         *coverage;    /* pw × ph: land's antialiased coverage */
  cairo_surface_t *borders;    /* ARGB, pw × ph */
  cairo_surface_t *fills;      /* ARGB, pw × ph: this repaint's countries */
  guint32         *lut;        /* n_shapes + 1 premultiplied colours */

  guint           n_projections;
  guint           n_border_renders;
};

LdMapChartCache *
ld_map_chart_cache_new (void)
{
  return g_new0 (LdMapChartCache, 1);
}

static void
cache_clear_paths (LdMapChartCache *cache)
{
  for (guint i = 0; cache->paths != NULL && i < cache->n_shapes; i++)
    g_clear_pointer (&cache->paths[i], cairo_path_destroy);
  g_clear_pointer (&cache->paths, g_free);
  g_clear_pointer (&cache->border_kind, g_free);
  g_clear_pointer (&cache->index, g_free);
  g_clear_pointer (&cache->coverage, g_free);
  g_clear_pointer (&cache->lut, g_free);
  g_clear_pointer (&cache->borders, cairo_surface_destroy);
  g_clear_pointer (&cache->fills, cairo_surface_destroy);
  cache->valid = FALSE;
}

void
ld_map_chart_cache_free (LdMapChartCache *cache)
{
  if (cache == NULL)
    return;

  cache_clear_paths (cache);
  g_free (cache);
}

guint
ld_map_chart_cache_get_n_projections (const LdMapChartCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);

  return cache->n_projections;
}

guint
ld_map_chart_cache_get_n_border_renders (const LdMapChartCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);

  return cache->n_border_renders;
}

static void
cache_rotate (cairo_t              *cr,
              const LdMapChartView *view,
              double                width,
              double                height)
{
  if (view->rotation != 0)
    {
      cairo_translate (cr, width / 2, height / 2);
      cairo_rotate (cr, view->rotation);
      cairo_translate (cr, -width / 2, -height / 2);
    }
}

/* Projects every shape's outline for the frame @f and renders which shape covers
 * each pixel, and how much land: the work a pan, a zoom or a new size costs. */
static void
cache_project (LdMapChartCache *cache,
               const Prepared  *p,
               const Frame     *f)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  int stride;

  cache->n_shapes = ld_map_shapes_get_n_shapes (p->shapes);
  cache->paths = g_new0 (cairo_path_t *, MAX (cache->n_shapes, 1));
  cache->border_kind = g_new0 (guint8, MAX (cache->n_shapes, 1));
  cache->lut = g_new0 (guint32, cache->n_shapes + 1);
  cache->pw = (int) ceil (cache->width * cache->scale);
  cache->ph = (int) ceil (cache->height * cache->scale);

  /* The outlines, and each shape's index + 1 as its colour (red high byte, green low),
   * filled without antialiasing, so every pixel names one shape. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cache->pw, cache->ph);
  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_scale (cr, cache->scale, cache->scale);
  cache_rotate (cr, &cache->view, cache->width, cache->height);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < cache->n_shapes; i++)
    {
      const LdMapShape *shape = ld_map_shapes_get_shape (p->shapes, i);
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (int copy = f->copy_first; copy <= f->copy_last; copy++)
        {
          double ox = f->ox + copy * f->s;

          if (!box_visible (f, shape->x0, shape->y0, shape->x1, shape->y1, ox))
            continue;
          append_shape (cr, f, shape, ox);
          any = TRUE;
        }
      if (!any)
        continue;
      cache->paths[i] = cairo_copy_path (cr);
      cairo_set_source_rgb (cr, ((i + 1) >> 8) / 255.0, ((i + 1) & 0xff) / 255.0, 0);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  cache->index = g_new (guint16, (gsize) cache->pw * cache->ph);
  for (int y = 0; y < cache->ph; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < cache->pw; x++)
        cache->index[(gsize) y * cache->pw + x] = (row[x] >> 8) & 0xffff;
    }
  cairo_surface_destroy (surface);

  /* The land's coverage, antialiased: shapes meet without a seam (their coverage adds). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, cache->pw, cache->ph);
  cr = cairo_create (surface);
  cairo_scale (cr, cache->scale, cache->scale);
  cache_rotate (cr, &cache->view, cache->width, cache->height);
  cairo_set_operator (cr, CAIRO_OPERATOR_ADD);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 0, 0, 0, 1);
  for (guint i = 0; i < cache->n_shapes; i++)
    if (cache->paths[i] != NULL)
      {
        cairo_new_path (cr);
        cairo_append_path (cr, cache->paths[i]);
        cairo_fill (cr);
      }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  cache->coverage = g_new (guint8, (gsize) cache->pw * cache->ph);
  for (int y = 0; y < cache->ph; y++)
    memcpy (cache->coverage + (gsize) y * cache->pw, data + (gsize) y * stride, cache->pw);
  cairo_surface_destroy (surface);

  /* A coast's pixel whose centre lies in the sea has land's coverage but no shape:
   * it takes a neighbour's, so the coast keeps its antialiasing. */
  for (int y = 0; y < cache->ph; y++)
    for (int x = 0; x < cache->pw; x++)
      {
        gsize at = (gsize) y * cache->pw + x;

        if (cache->index[at] != 0 || cache->coverage[at] == 0)
          continue;
        if (x > 0 && cache->index[at - 1] != 0)
          cache->index[at] = cache->index[at - 1];
        else if (x + 1 < cache->pw && cache->index[at + 1] != 0)
          cache->index[at] = cache->index[at + 1];
        else if (y > 0 && cache->index[at - cache->pw] != 0)
          cache->index[at] = cache->index[at - cache->pw];
        else if (y + 1 < cache->ph && cache->index[at + cache->pw] != 0)
          cache->index[at] = cache->index[at + cache->pw];
      }

  cache->fills = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cache->pw, cache->ph);
  cairo_surface_set_device_scale (cache->fills, cache->scale, cache->scale);
  cache->n_projections++;
}

/* The border of shape @i as draw_countries() strokes it: 0 none (left out), 1 faint
 * (a country without licences over map tiles), 2 full. */
static guint8
cache_border_kind (const Prepared     *p,
                   const LdChartTheme *theme,
                   gboolean            base_map,
                   guint               i)
{
  const LdMapShape *shape = ld_map_shapes_get_shape (p->shapes, i);
  LdChartColor fill;

  if (shape_left_out (p, shape, i))
    return 0;

  return shape_fill (p, theme, base_map, i, &fill) ? 2 : 1;
}

static void
cache_render_borders (LdMapChartCache *cache)
{
  cairo_t *cr;

  g_clear_pointer (&cache->borders, cairo_surface_destroy);
  cache->borders = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cache->pw, cache->ph);
  cairo_surface_set_device_scale (cache->borders, cache->scale, cache->scale);
  cr = cairo_create (cache->borders);
  cache_rotate (cr, &cache->view, cache->width, cache->height);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_width (cr, 0.6);
  for (guint i = 0; i < cache->n_shapes; i++)
    {
      if (cache->paths[i] == NULL || cache->border_kind[i] == 0)
        continue;
      cairo_new_path (cr);
      cairo_append_path (cr, cache->paths[i]);
      ld_chart_color_set_source (cr, &cache->border, cache->border_kind[i] == 2 ? 1.0 : 0.6);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (cache->borders);
  cache->n_border_renders++;
}

static guint32
premultiply (const LdChartColor *c,
             double              alpha)
{
  double a = CLAMP (c->a * alpha, 0, 1);
  guint32 ia = (guint32) (a * 255 + 0.5);

  return ia << 24
         | (guint32) (CLAMP (c->r, 0, 1) * a * 255 + 0.5) << 16
         | (guint32) (CLAMP (c->g, 0, 1) * a * 255 + 0.5) << 8
         | (guint32) (CLAMP (c->b, 0, 1) * a * 255 + 0.5);
}

/* (a × (255 − m) + b × m) / 255 on each of the four bytes. */
static inline guint32
blend (guint32 a,
       guint32 b,
       guint   m)
{
  guint32 rb, ag;

  rb = (a & 0x00ff00ff) * (255 - m) + (b & 0x00ff00ff) * m + 0x00800080;
  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = ((a >> 8) & 0x00ff00ff) * (255 - m) + ((b >> 8) & 0x00ff00ff) * m + 0x00800080;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;

  return rb | ag;
}

void
ld_map_chart_cache_draw_countries (LdMapChartCache      *cache,
                                   cairo_t              *cr,
                                   double                width,
                                   double                height,
                                   int                   scale,
                                   const LdMapChartData *data,
                                   const LdChartTheme   *theme)
{
  Prepared p = { 0 };
  Frame f;
  LdChartColor border, outline, sea;
  gboolean borders_ok;
  guint32 background;
  guint8 *pixels;
  int stride;

  g_return_if_fail (cache != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (theme != NULL);

  if (width <= 0 || height <= 0)
    return;
  scale = MAX (scale, 1);

  prepared_init (&p, data, width, height);
  frame_init (&f, &p.view, width, height);
  border_color (theme, data->base_map, &border);
  outline = theme->foreground;
  ld_map_chart_get_sea_color (theme, &sea);

  if (!cache->valid || memcmp (&cache->view, &p.view, sizeof p.view) != 0
      || cache->width != width || cache->height != height || cache->scale != scale
      || cache->south_edge != p.south_edge)
    {
      cache_clear_paths (cache);
      cache->view = p.view;
      cache->width = width;
      cache->height = height;
      cache->scale = scale;
      cache->south_edge = p.south_edge;
      cache_project (cache, &p, &f);
      cache->valid = TRUE;
    }

  /* The borders stay while the countries keep the kind of border they had. */
  borders_ok = cache->borders != NULL && cache->base_map == data->base_map
               && memcmp (&cache->border, &border, sizeof border) == 0;
  cache->lut[0] = background = data->base_map ? premultiply (&sea, 1.0) : 0;
  for (guint i = 0; i < cache->n_shapes; i++)
    {
      guint8 kind = cache->paths[i] != NULL ? cache_border_kind (&p, theme, data->base_map, i) : 0;
      LdChartColor fill;

      if (kind != cache->border_kind[i])
        {
          cache->border_kind[i] = kind;
          borders_ok = FALSE;
        }
      cache->lut[i + 1] = kind != 0 && shape_fill (&p, theme, data->base_map, i, &fill)
                          ? premultiply (&fill, 1.0) : background;
    }
  if (!borders_ok)
    {
      cache->base_map = data->base_map;
      cache->border = border;
      cache_render_borders (cache);
    }

  /* The fills: each pixel's shape in this repaint's colours, over the sea by the
   * land's coverage. */
  cairo_surface_flush (cache->fills);
  pixels = cairo_image_surface_get_data (cache->fills);
  stride = cairo_image_surface_get_stride (cache->fills);
  for (int y = 0; y < cache->ph; y++)
    {
      guint32 *row = (guint32 *) (pixels + (gsize) y * stride);
      const guint16 *index = cache->index + (gsize) y * cache->pw;
      const guint8 *coverage = cache->coverage + (gsize) y * cache->pw;

      for (int x = 0; x < cache->pw; x++)
        {
          guint m = coverage[x];

          row[x] = m == 0 ? background
                   : m == 255 ? cache->lut[index[x]]
                   : blend (background, cache->lut[index[x]], m);
        }
    }
  cairo_surface_mark_dirty (cache->fills);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  cairo_set_source_surface (cr, cache->fills, 0, 0);
  cairo_paint (cr);
  cairo_set_source_surface (cr, cache->borders, 0, 0);
  cairo_paint (cr);

  /* Dots for the small countries with licences, and the selection's outlines:
   * a few shapes, drawn fresh. */
  cairo_save (cr);
  cache_rotate (cr, &p.view, width, height);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  for (guint i = 0; i < cache->n_shapes; i++)
    {
      const LdMapShape *shape = ld_map_shapes_get_shape (p.shapes, i);
      LdChartColor fill;

      if (cache->paths[i] == NULL)
        continue;
      if (shape_is_dot (&f, shape) && p.values[i].present && p.values[i].provisioned > 0
          && shape_fill (&p, theme, TRUE, i, &fill))
        {
          for (int copy = f.copy_first; copy <= f.copy_last; copy++)
            {
              double ox = f.ox + copy * f.s, x, y;

              if (!box_visible (&f, shape->x0, shape->y0, shape->x1, shape->y1, ox))
                continue;
              dot_center (&f, shape, ox, &x, &y);
              cairo_new_path (cr);
              cairo_arc (cr, x, y, dot_radius (theme), 0, 2 * G_PI);
              ld_chart_color_set_source (cr, &fill, 1.0);
              cairo_fill_preserve (cr);
              ld_chart_color_set_source (cr, p.values[i].selected ? &outline : &border, 1.0);
              cairo_set_line_width (cr, p.values[i].selected ? 2 : 1);
              cairo_stroke (cr);
            }
          continue;
        }
      if (!p.values[i].selected)
        continue;
      cairo_new_path (cr);
      cairo_append_path (cr, cache->paths[i]);
      ld_chart_color_set_source (cr, &outline, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  cairo_restore (cr);
  prepared_clear (&p);
}

double
ld_map_chart_get_preferred_height (const LdMapChartData *data,
                                   const LdChartTheme   *theme,
                                   double                width)
{
  double x, top, bottom, world, band = 0;

  g_return_val_if_fail (theme != NULL, 0);

  ld_map_chart_project (0, FIT_NORTH, &x, &top);
  ld_map_chart_project (0, FIT_SOUTH, &x, &bottom);
  world = width * (bottom - top);

  /* Room under the world for the legend's rows, clear of every coast (the same
   * with the legend hidden, so hiding it moves nothing). */
  if (data != NULL && data->fit_world && data->align_top)
    {
      Prepared p = { 0 };
      LdChartText text;
      Legend legend;

      prepared_init (&p, data, width, world);
      theme = ld_chart_text_init_measuring (&text, theme);
      legend_measure (&legend, &text, &p, theme);
      legend_flow (&legend, width - ld_chart_padding (theme));
      band = legend.height + ld_chart_padding (theme) * 1.5;
      legend_clear (&legend);
      ld_chart_text_clear (&text);
      prepared_clear (&p);
    }

  return CLAMP (world + band, 14 * theme->font_size, 40 * theme->font_size + band);
}

/* ---- hit-testing and text -------------------------------------------------------- */

const char *
ld_map_chart_country_at (const LdMapChartData *data,
                         const LdChartTheme   *theme,
                         double                width,
                         double                height,
                         double                x,
                         double                y)
{
  Prepared p = { 0 };
  LdChartTheme fallback;
  const char *found = NULL;
  double ux, uy;
  Frame f;

  g_return_val_if_fail (data != NULL, NULL);

  if (x < 0 || y < 0 || x >= width || y >= height)
    return NULL;

  /* Only sizes matter here, which the default theme has too. */
  if (theme == NULL)
    {
      ld_chart_theme_init_default (&fallback, 0);
      theme = &fallback;
    }

  prepared_init (&p, data, width, height);
  frame_init (&f, &p.view, width, height);

  if (data->show_legend)
    {
      LdChartText text;
      Legend legend;
      gboolean in_legend;

      ld_chart_text_init_measuring (&text, theme);
      legend_layout (&legend, &text, &p, theme, width, height);
      in_legend = x >= legend.x && x < legend.x + legend.width
                  && y >= legend.y && y < legend.y + legend.height;
      legend_clear (&legend);
      ld_chart_text_clear (&text);
      if (in_legend)
        goto out;
    }

  /* Dots first: they sit on top of the sea and of larger neighbours. */
  {
    double r = dot_radius (theme) + 2;
    double px = x, py = y;

    if (p.view.rotation != 0)
      {
        double dx = x - width / 2, dy = y - height / 2;

        px = cos (p.view.rotation) * dx + sin (p.view.rotation) * dy + width / 2;
        py = -sin (p.view.rotation) * dx + cos (p.view.rotation) * dy + height / 2;
      }

    for (guint i = 0; i < ld_map_shapes_get_n_shapes (p.shapes); i++)
      {
        const LdMapShape *shape = ld_map_shapes_get_shape (p.shapes, i);

        if (!shape_is_dot (&f, shape) || !p.values[i].present || p.values[i].provisioned == 0)
          continue;
        for (int copy = f.copy_first; copy <= f.copy_last; copy++)
          {
            double dx, dy;

            dot_center (&f, shape, f.ox + copy * f.s, &dx, &dy);
            if (hypot (px - dx, py - dy) <= r)
              {
                found = shape->code;
                goto out;
              }
          }
      }
  }

  widget_to_unit (&p.view, width, height, x, y, &ux, &uy);
  ux -= floor (ux);
  for (guint i = 0; i < ld_map_shapes_get_n_shapes (p.shapes); i++)
    {
      const LdMapShape *shape = ld_map_shapes_get_shape (p.shapes, i);

      if (shape->code[0] == '\0' || shape_left_out (&p, shape, i))
        continue;
      /* Russia and Fiji run past x = 1, where the wrapped point is not. */
      if (ld_map_shape_contains (shape, ux, uy) || ld_map_shape_contains (shape, ux + 1, uy))
        {
          found = shape->code;
          break;
        }
    }

out:
  prepared_clear (&p);
  return found;
}

gboolean
ld_map_chart_get_legend_area (const LdMapChartData *data,
                              const LdChartTheme   *theme,
                              double                width,
                              double                height,
                              cairo_rectangle_t    *area)
{
  Prepared p = { 0 };
  LdChartText text;
  Legend legend;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (!data->show_legend || width <= 0 || height <= 0)
    return FALSE;

  prepared_init (&p, data, width, height);
  theme = ld_chart_text_init_measuring (&text, theme);
  legend_layout (&legend, &text, &p, theme, width, height);
  *area = (cairo_rectangle_t) { legend.x, legend.y, legend.width, legend.height };
  legend_clear (&legend);
  ld_chart_text_clear (&text);
  prepared_clear (&p);

  return area->width > 0;
}

gboolean
ld_map_chart_has_shape (const char *alpha2)
{
  return ld_map_shapes_find (ld_map_shapes_get_default (), alpha2) >= 0;
}

const char *
ld_map_chart_get_country_name (const char *alpha2,
                               const char *fallback)
{
  const char *name = ld_country_codes_get_name (alpha2);
  int index;

  if (name != NULL)
    return name;

  index = ld_map_shapes_find (ld_map_shapes_get_default (), alpha2);
  if (index >= 0)
    return ld_country_codes_translate (ld_map_shapes_get_shape (ld_map_shapes_get_default (),
                                                                index)->english_name);

  if (fallback != NULL && *fallback != '\0')
    return fallback;

  return alpha2 != NULL && *alpha2 != '\0' ? alpha2 : _("Unknown");
}

char *
ld_map_chart_get_country_summary (const LdMapChartData *data,
                                  const char           *alpha2)
{
  g_autoptr(GString) str = NULL;
  const char *fallback = NULL;
  guint64 provisioned = 0, customers = 0, assigned = 0, total = 0;
  gboolean present = FALSE;

  g_return_val_if_fail (data != NULL, NULL);

  if (alpha2 == NULL)
    return NULL;

  for (guint i = 0; i < data->n_items; i++)
    {
      const LdMapChartItem *item = &data->items[i];

      total += item->provisioned;
      if (item->code == NULL || g_ascii_strcasecmp (item->code, alpha2) != 0)
        continue;
      present = TRUE;
      fallback = item->name;
      provisioned += item->provisioned;
      customers += item->customers;
      assigned += item->assigned;
    }
  if (data->total > 0)
    total = data->total;

  str = g_string_new (ld_map_chart_get_country_name (alpha2, fallback));

  if (!present)
    {
      g_string_append_c (str, '\n');
      g_string_append (str, _("No licenses"));
    }
  else
    {
      g_autofree char *c = ld_chart_format_count (customers);
      g_autofree char *pv = ld_chart_format_count (provisioned);
      g_autofree char *a = ld_chart_format_count (assigned);
      g_autofree char *share = ld_chart_format_percent (total > 0 ? 100.0 * provisioned / total : 0);

      g_string_append_c (str, '\n');
      /* TRANSLATORS: a line of the map's tooltip. */
      g_string_append_printf (str, _("Customers: %s"), c);
      g_string_append_c (str, '\n');
      /* TRANSLATORS: a line of the map's tooltip: the count and its share of all, "2,400 (22.3%)". */
      g_string_append_printf (str, _("Provisioned: %s (%s)"), pv, share);
      g_string_append_c (str, '\n');
      /* TRANSLATORS: a line of the map's tooltip. */
      g_string_append_printf (str, _("Assigned: %s"), a);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static int
compare_items_desc (gconstpointer a,
                    gconstpointer b)
{
  const LdMapChartItem *x = *(const LdMapChartItem *const *) a;
  const LdMapChartItem *y = *(const LdMapChartItem *const *) b;

  return x->provisioned > y->provisioned ? -1 : x->provisioned < y->provisioned;
}

char *
ld_map_chart_get_text_alternative (const LdMapChartData *data)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  guint64 total = 0;
  guint shown = 0, with_licences = 0;

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->n_items; i++)
    {
      total += data->items[i].provisioned;
      if (data->items[i].provisioned > 0)
        with_licences++;
      if (ld_map_chart_has_shape (data->items[i].code))
        g_ptr_array_add (sorted, (gpointer) &data->items[i]);
      else
        g_ptr_array_add (missing, (gpointer) ld_map_chart_get_country_name (data->items[i].code,
                                                                            data->items[i].name));
    }
  if (data->total > 0)
    total = data->total;

  if (with_licences == 0)
    return g_strdup (_("World map: no licenses in this range."));

  g_ptr_array_sort (sorted, compare_items_desc);

  g_string_append_printf (str,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "World map of provisioned licenses in %u country.",
                                       "World map of provisioned licenses in %u countries.",
                                       with_licences),
                          with_licences);

  for (guint i = 0; i < sorted->len && shown < 5; i++)
    {
      const LdMapChartItem *item = g_ptr_array_index (sorted, i);
      g_autofree char *count = NULL;
      g_autofree char *percent = NULL;

      if (item->provisioned == 0)
        break;
      count = ld_chart_format_count (item->provisioned);
      percent = ld_chart_format_percent (total > 0 ? 100.0 * item->provisioned / total : 0);
      if (shown == 0)
        {
          g_string_append_c (str, ' ');
          g_string_append (str, _("Most:"));
          g_string_append_c (str, ' ');
        }
      else
        g_string_append (str, ", ");
      /* TRANSLATORS: a country in the map's summary, "Germany 2,400 (22.3%)". */
      g_string_append_printf (str, C_("map summary", "%s %s (%s)"),
                              ld_map_chart_get_country_name (item->code, item->name), count, percent);
      shown++;
    }
  if (shown > 0)
    g_string_append_c (str, '.');

  if (missing->len > 0)
    {
      g_string_append_c (str, ' ');
      g_string_append (str, _("Not on the map:"));
      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (str, i == 0 ? " %s" : ", %s",
                                (const char *) g_ptr_array_index (missing, i));
      g_string_append_c (str, '.');
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}
