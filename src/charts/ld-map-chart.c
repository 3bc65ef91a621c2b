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
} Prepared;

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

  if (data->fit_world)
    ld_map_chart_view_fit_world (&p->view, width, height);
  else
    p->view = data->view;
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
  *color = theme->dark ? hex (0x4a4b50) : hex (0xd7d8dc);
}

void
ld_map_chart_get_bin_color (const LdChartTheme *theme,
                            guint               n_bins,
                            guint               bin,
                            LdChartColor       *color)
{
  LdChartColor accent = theme->series[LD_CHART_COLOR_PRIMARY];
  LdChartColor white = hex (0xffffff), black = hex (0x000000);
  double t = n_bins <= 1 ? 1.0 : (double) MIN (bin, n_bins - 1) / (n_bins - 1);
  LdChartColor low, high;

  accent.a = 1;

  /* One hue, lightness alone carries the order (it survives every kind of
   * colour vision and greyscale printing). Light: pale to deep; dark: more
   * licences glow brighter. The low end stays apart from the land. */
  if (theme->dark)
    {
      low = mix (accent, hex (0x2b3a4e), 0.55);
      high = mix (accent, white, 0.55);
    }
  else
    {
      low = mix (accent, white, 0.72);
      high = mix (accent, black, 0.5);
    }

  if (t < 0.5)
    *color = mix (low, accent, t / 0.5);
  else
    *color = mix (accent, high, (t - 0.5) / 0.5);
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

          if (!box_visible (f, shape->x0, shape->y0, shape->x1, shape->y1, ox))
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
  LdChartColor colors[LD_MAP_CHART_MAX_BINS + 1];
  const char *title;
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

static void
legend_layout (Legend               *legend,
               LdChartText          *text,
               const Prepared       *p,
               const LdChartTheme   *theme,
               double                width,
               double                height)
{
  double text_w;
  guint64 lower = 1;

  memset (legend, 0, sizeof *legend);
  legend->title = _("Provisioned licences");

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
  legend->labels[legend->n_entries] = g_strdup (_("No licences"));
  ld_map_chart_get_land_color (theme, &legend->colors[legend->n_entries]);
  legend->n_entries++;

  legend->pad = round (theme->font_size * 0.6);
  legend->swatch = round (theme->font_size * 0.9);
  legend->row_h = text->line_height + round (theme->font_size * 0.2);
  text_w = ld_chart_text_width (text, legend->title, TRUE);
  for (guint i = 0; i < legend->n_entries; i++)
    text_w = MAX (text_w, legend->swatch + legend->pad * 0.75
                          + ld_chart_text_width (text, legend->labels[i], FALSE));

  legend->width = ceil (text_w + 2 * legend->pad);
  legend->height = ceil (legend->row_h * (legend->n_entries + 1) + 2 * legend->pad);
  legend->x = ld_chart_padding (theme);
  legend->y = height - ld_chart_padding (theme) - legend->height;

  /* A map too small for a legend is better without one. */
  if (legend->width > width * 0.5 || legend->height > height * 0.7)
    legend->width = legend->height = 0;
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

  y = legend->y + legend->pad + legend->row_h / 2;
  ld_chart_text_draw (text, cr, legend->title, TRUE, legend->x + legend->pad, y,
                      LD_CHART_ALIGN_START, 0, &theme->foreground);

  for (guint i = 0; i < legend->n_entries; i++)
    {
      double sx = legend->x + legend->pad;

      y += legend->row_h;
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

double
ld_map_chart_get_preferred_height (const LdMapChartData *data,
                                   const LdChartTheme   *theme,
                                   double                width)
{
  g_return_val_if_fail (theme != NULL, 0);

  return CLAMP (width * 0.62, 14 * theme->font_size, 40 * theme->font_size);
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

      if (shape->code[0] == '\0')
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
      g_string_append (str, _("No licences"));
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
    return g_strdup (_("World map: no licences in this range."));

  g_ptr_array_sort (sorted, compare_items_desc);

  g_string_append_printf (str,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "World map of provisioned licences in %u country.",
                                       "World map of provisioned licences in %u countries.",
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
