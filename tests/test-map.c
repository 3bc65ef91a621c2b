/* test-map.c — the world map's shapes, projection and drawing, off screen
 *
 * No display needed: the map is drawn with cairo into an image surface and
 * read back, as the PNG/PDF export draws it.
 *
 * Set LD_CHART_SAMPLES_DIR to keep the rendered maps there for a look.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ld-chart-format.h"
#include "ld-chart-theme.h"
#include "ld-country-codes.h"
#include "ld-loader.h"
#include "ld-map-chart.h"
#include "ld-map-shapes.h"
#include "ld-query.h"
#include "ld-result.h"
#include "ld-test-pixels.h"
#include "ld-test-report.h"

#define W 1024
#define H 640

/* ISO codes the 1:50m shapes do not have (data/world/README.md). A report
 * code outside the shapes must be one of these, or not an ISO code at all. */
static const char *const unmapped[] = { "BV", "GI", "TK", "TV", "UM", NULL };

/* ---- helpers --------------------------------------------------------------------- */

static void
assert_pixel_is (cairo_surface_t    *surface,
                 double              x,
                 double              y,
                 const LdChartColor *c)
{
  LdTestPixel p = ld_test_pixel_at (surface, x, y);

  if (!ld_test_pixel_is (p, c, 2))
    g_error ("pixel (%.0f, %.0f) is #%02x%02x%02x, expected #%02x%02x%02x", x, y, p.r, p.g, p.b,
             (int) round (c->r * 255), (int) round (c->g * 255), (int) round (c->b * 255));
}

static cairo_surface_t *
render (const LdMapChartData *data,
        const LdChartTheme   *theme,
        const char           *sample_name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  const char *dir = g_getenv ("LD_CHART_SAMPLES_DIR");

  ld_map_chart_draw (cr, W, H, data, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  if (dir != NULL && sample_name != NULL)
    {
      g_autofree char *path = g_build_filename (dir, sample_name, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }

  return surface;
}

static LdResult *
sample_result (void)
{
  g_autoptr(LdReport) report = ld_test_load_sample ();
  g_autoptr(LdQuery) query = NULL;

  query = ld_query_new (report);
  ld_query_set_range_preset (query, LD_RANGE_ALL);

  return ld_query_run (query);
}

/* The sample's countries as map items; @codes borrows from @result. */
static GArray *
items_from_result (LdResult *result)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (LdMapChartItem));
  guint n;
  const LdCountryRow *rows = ld_result_get_countries (result, &n);

  for (guint i = 0; i < n; i++)
    {
      LdMapChartItem item = {
        rows[i].code, rows[i].name, rows[i].provisioned, rows[i].customers, rows[i].assigned,
      };

      g_array_append_val (items, item);
    }

  return items;
}

static LdChartTheme
theme_for (gboolean dark)
{
  LdChartTheme theme;

  /* libadwaita's default blue accent. */
  ld_chart_theme_init (&theme, dark, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);

  return theme;
}

/* ---- shapes and codes ------------------------------------------------------------ */

static void
test_shapes_load (void)
{
  LdMapShapes *shapes = ld_map_shapes_get_default ();
  const LdMapShape *de;
  int index;

  g_assert_nonnull (shapes);
  g_assert_cmpuint (ld_map_shapes_get_n_shapes (shapes), >, 200);

  index = ld_map_shapes_find (shapes, "de");
  g_assert_cmpint (index, >=, 0);
  de = ld_map_shapes_get_shape (shapes, index);
  g_assert_cmpstr (de->code, ==, "DE");
  g_assert_cmpuint (de->numeric, ==, 276);
  g_assert_cmpstr (de->english_name, ==, "Germany");
  g_assert_cmpfloat_with_epsilon (de->label_lon, 10.4, 0.5);
  g_assert_cmpfloat_with_epsilon (de->label_lat, 51.1, 0.5);

  /* Natural Earth's quirks, handled by the converter. */
  g_assert_true (ld_map_chart_has_shape ("XK"));  /* Kosovo */
  g_assert_true (ld_map_chart_has_shape ("RE"));  /* split out of France */
  g_assert_true (ld_map_chart_has_shape ("SJ"));  /* split out of Norway */
  g_assert_true (ld_map_chart_has_shape ("SG"));  /* in 1:50m, not 1:110m */
  g_assert_true (ld_map_chart_has_shape ("FR"));
  g_assert_true (ld_map_chart_has_shape ("NO"));
  for (guint i = 0; unmapped[i] != NULL; i++)
    g_assert_false (ld_map_chart_has_shape (unmapped[i]));
  g_assert_false (ld_map_chart_has_shape (""));
  g_assert_false (ld_map_chart_has_shape (NULL));
  g_assert_false (ld_map_chart_has_shape ("DEU"));

  /* Réunion is no longer painted as France: its point is not in FR. */
  {
    const LdMapShape *fr = ld_map_shapes_get_shape (shapes, ld_map_shapes_find (shapes, "FR"));
    double x, y;

    ld_map_chart_project (55.5, -21.1, &x, &y);
    g_assert_false (ld_map_shape_contains (fr, x, y));
    ld_map_chart_project (2.35, 46.5, &x, &y);
    g_assert_true (ld_map_shape_contains (fr, x, y));
  }
}

static void
test_shapes_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("LDWORLD1\1\0\0\0", 12);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a map", 9);
  LdMapShapes *shapes;

  shapes = ld_map_shapes_new_from_bytes (bytes, &error);
  g_assert_null (shapes);
  g_assert_error (error, LD_MAP_SHAPES_ERROR, LD_MAP_SHAPES_ERROR_INVALID);
  g_clear_error (&error);

  shapes = ld_map_shapes_new_from_bytes (garbage, &error);
  g_assert_null (shapes);
  g_assert_error (error, LD_MAP_SHAPES_ERROR, LD_MAP_SHAPES_ERROR_INVALID);
}

static void
test_codes (void)
{
  if (!ld_country_codes_available ())
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }

  g_assert_cmpuint (ld_country_codes_get_numeric ("DE"), ==, 276);
  g_assert_cmpuint (ld_country_codes_get_numeric ("de"), ==, 276);
  g_assert_cmpuint (ld_country_codes_get_numeric ("ZZ"), ==, 0);
  g_assert_cmpuint (ld_country_codes_get_numeric (NULL), ==, 0);
  g_assert_cmpstr (ld_country_codes_from_numeric (250), ==, "FR");
  g_assert_cmpstr (ld_country_codes_from_numeric (578), ==, "NO");
  g_assert_null (ld_country_codes_from_numeric (999));
  g_assert_cmpstr (ld_country_codes_get_english_name ("KR"), ==, "South Korea");
  g_assert_cmpstr (ld_country_codes_get_english_name ("XK"), ==, "Kosovo");

  /* Every shape's code and numeric agree with iso-codes. */
  {
    LdMapShapes *shapes = ld_map_shapes_get_default ();

    for (guint i = 0; i < ld_map_shapes_get_n_shapes (shapes); i++)
      {
        const LdMapShape *shape = ld_map_shapes_get_shape (shapes, i);

        if (shape->numeric == 0)
          continue;
        g_assert_cmpstr (ld_country_codes_from_numeric (shape->numeric), ==, shape->code);
      }
  }
}

static void
test_names_translated (void)
{
  const char *name;

  if (!ld_country_codes_available ())
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }
  if (setlocale (LC_MESSAGES, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no German locale");
      return;
    }
  g_setenv ("LANGUAGE", "de", TRUE);

  name = ld_map_chart_get_country_name ("DE", "Germany");
  g_assert_cmpstr (name, ==, "Deutschland");
  /* The tables and the filter list name countries the same way. */
  g_assert_cmpstr (ld_country_codes_display_name ("DE", "Germany"), ==, "Deutschland");

  g_unsetenv ("LANGUAGE");
  setlocale (LC_MESSAGES, "C.UTF-8");
  g_assert_cmpstr (ld_map_chart_get_country_name ("DE", NULL), ==, "Germany");
  /* Untranslated, the report's own spelling wins over iso-codes' English. */
  g_assert_cmpstr (ld_country_codes_display_name ("GB", "UK (as the report says)"), ==, "UK (as the report says)");
  g_assert_cmpstr (ld_country_codes_display_name ("GB", NULL), ==, "United Kingdom");
  g_assert_cmpstr (ld_country_codes_display_name ("QQ", NULL), ==, NULL);
  /* Not ISO and no shape: the report's name, then the code. */
  g_assert_cmpstr (ld_map_chart_get_country_name ("QQ", "Atlantis"), ==, "Atlantis");
  g_assert_cmpstr (ld_map_chart_get_country_name ("QQ", NULL), ==, "QQ");
}

static gboolean
is_unmapped (const char *code)
{
  return code != NULL && g_strv_contains (unmapped, code);
}

static void
assert_codes_mapped (LdResult *result)
{
  guint n;
  const LdCountryRow *rows = ld_result_get_countries (result, &n);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const char *code = rows[i].code;

      if (!ld_map_chart_has_shape (code) && !is_unmapped (code))
        g_error ("country %s (%s) has no shape and is not listed as unmapped", code, rows[i].name);
    }
}

static void
test_sample_codes_mapped (void)
{
  g_autoptr(LdResult) result = sample_result ();

  assert_codes_mapped (result);
}

/* The generator's whole country table, not only the thirty in the sample. */
static void
test_generator_codes_mapped (void)
{
  const char *bin = g_getenv ("LD_GENERATE_BIN");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  g_autoptr(LdResult) result = NULL;
  int status = -1;
  const char *argv[] = { bin, "--rows", "20000", "--countries", "40", "--seed", "5", NULL };

  if (bin == NULL)
    {
      g_test_skip ("LD_GENERATE_BIN not set");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  report = ld_loader_load_data (out, strlen (out), "generated.csv", &error);
  g_assert_no_error (error);
  query = ld_query_new (report);
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  assert_codes_mapped (result);
  {
    guint n;

    ld_result_get_countries (result, &n);
    g_assert_cmpuint (n, >=, 35);
  }
}

/* ---- projection ------------------------------------------------------------------ */

static void
test_projection (void)
{
  LdMapChartView view = { 0, 0, log2 (W / LD_MAP_CHART_TILE_SIZE), 0 };
  double x, y, lon, lat;

  ld_map_chart_project (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  ld_map_chart_project (-180, LD_MAP_CHART_MAX_LATITUDE, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);
  /* Clamped, not infinite. */
  ld_map_chart_project (0, -90, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 1, 1e-9);

  ld_map_chart_unproject (0.25, 0.5, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, -90, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 0, 1e-9);

  /* A view whose world is exactly the map's width, centred on 0°/0°. */
  ld_map_chart_view_to_widget (&view, W, H, 0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, W / 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, H / 2.0, 1e-6);
  ld_map_chart_view_to_widget (&view, W, H, 180, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, W, 1e-6);
  ld_map_chart_view_to_widget (&view, W, H, -180, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-6);

  /* Berlin: x = (13.4 + 180) / 360 · 1024, y from the Mercator formula. */
  ld_map_chart_view_to_widget (&view, W, H, 13.4, 52.5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, (13.4 + 180) / 360 * W, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, H / 2.0 - W / (2 * G_PI) * log (tan (G_PI / 4 + 52.5 * G_PI / 360)), 1e-6);
  g_assert_cmpfloat_with_epsilon (x, 550.1, 0.1);
  g_assert_cmpfloat_with_epsilon (y, 143.9, 0.1);

  ld_map_chart_view_from_widget (&view, W, H, x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 13.4, 1e-6);
  g_assert_cmpfloat_with_epsilon (lat, 52.5, 1e-6);

  /* The same numbers libshumate uses: 256 · 2^zoom pixels around the world. */
  view.zoom = 3;
  ld_map_chart_view_to_widget (&view, W, H, 90, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, W / 2.0 + 256 * 8 / 4.0, 1e-6);

  /* Rotation turns about the centre, clockwise for positive angles as in
   * ShumateViewport. */
  view.zoom = log2 (W / LD_MAP_CHART_TILE_SIZE);
  view.rotation = G_PI / 2;
  ld_map_chart_view_to_widget (&view, W, H, 90, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, W / 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, H / 2.0 + W / 4.0, 1e-6);
  ld_map_chart_view_from_widget (&view, W, H, x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 90, 1e-6);
}

static void
test_fit (void)
{
  LdMapChartView view;
  double x0, y0, x1, y1;

  /* The fitted world covers the map's width or height, never overflows. */
  ld_map_chart_view_fit_world (&view, W, H);
  ld_map_chart_view_to_widget (&view, W, H, -180, 83.7, &x0, &y0);
  ld_map_chart_view_to_widget (&view, W, H, 180, -57, &x1, &y1);
  g_assert_cmpfloat (x0, >=, -0.5);
  g_assert_cmpfloat (x1, <=, W + 0.5);
  g_assert_cmpfloat (y0, >=, -0.5);
  g_assert_cmpfloat (y1, <=, H + 0.5);
  g_assert_true (fabs (x1 - x0 - W) < 1 || fabs (y1 - y0 - H) < 1);

  /* Germany fills about half of a map centred on it. */
  g_assert_true (ld_map_chart_view_fit_country (&view, W, H, "DE"));
  g_assert_cmpfloat_with_epsilon (view.lon, 10.4, 1.5);
  g_assert_cmpfloat_with_epsilon (view.lat, 51.1, 1.5);
  g_assert_cmpfloat (view.zoom, >, 4);
  g_assert_false (ld_map_chart_view_fit_country (&view, W, H, "GI"));
}

/* ---- bins ------------------------------------------------------------------------ */

static void
test_bins (void)
{
  LdMapChartItem items[] = {
    { "US", NULL, 12345 }, { "DE", NULL, 2400 }, { "FR", NULL, 1287 }, { "GB", NULL, 3000 },
    { "JP", NULL, 800 }, { "BR", NULL, 350 }, { "IN", NULL, 90 }, { "AU", NULL, 40 },
    { "CA", NULL, 7 }, { "MX", NULL, 0 }, { "GI", NULL, 99999 },
  };
  LdMapChartData data;
  LdMapChartBins bins;

  ld_map_chart_data_init (&data);
  data.items = items;
  data.n_items = G_N_ELEMENTS (items);
  ld_map_chart_compute_bins (&data, &bins);

  g_assert_cmpuint (bins.n_bins, ==, 5);
  for (guint b = 1; b < bins.n_bins; b++)
    g_assert_cmpuint (bins.upper[b], >, bins.upper[b - 1]);
  /* Gibraltar has no shape, so it does not stretch the scale; the top bin
   * closes on the US, rounded to two significant digits. */
  g_assert_cmpuint (bins.upper[bins.n_bins - 1], ==, 13000);
  g_assert_cmpint (ld_map_chart_bins_find (&bins, 7), ==, 0);
  g_assert_cmpint (ld_map_chart_bins_find (&bins, 12345), ==, 4);
  g_assert_cmpint (ld_map_chart_bins_find (&bins, 0), ==, -1);

  /* Two distinct values: two bins. */
  data.n_items = 2;
  items[1].provisioned = 12345;
  ld_map_chart_compute_bins (&data, &bins);
  g_assert_cmpuint (bins.n_bins, ==, 1);
  items[1].provisioned = 5;
  ld_map_chart_compute_bins (&data, &bins);
  g_assert_cmpuint (bins.n_bins, ==, 2);

  data.n_items = 0;
  ld_map_chart_compute_bins (&data, &bins);
  g_assert_cmpuint (bins.n_bins, ==, 0);
}

/* ---- rendering ------------------------------------------------------------------- */

static void
check_rendered_map (gboolean dark)
{
  g_autoptr(LdResult) result = sample_result ();
  g_autoptr(GArray) items = items_from_result (result);
  LdChartTheme theme = theme_for (dark);
  LdMapChartData data;
  LdMapChartBins bins;
  LdMapChartView view;
  LdChartColor color, sea, land;
  cairo_surface_t *full, *filtered;
  const LdMapChartItem *de = NULL;
  double x, y;
  int bin;

  ld_map_chart_data_init (&data);
  data.items = (const LdMapChartItem *) items->data;
  data.n_items = items->len;

  full = render (&data, &theme, dark ? "map-dark.png" : "map-light.png");

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (g_array_index (items, LdMapChartItem, i).code, "DE") == 0)
      de = &g_array_index (items, LdMapChartItem, i);
  g_assert_nonnull (de);
  g_assert_cmpuint (de->provisioned, >, 0);

  /* Germany's interior has the colour of the bin its value falls in. */
  ld_map_chart_compute_bins (&data, &bins);
  bin = ld_map_chart_bins_find (&bins, de->provisioned);
  g_assert_cmpint (bin, >=, 0);
  ld_map_chart_get_bin_color (&theme, bins.n_bins, bin, &color);
  ld_map_chart_view_fit_world (&view, W, H);
  ld_map_chart_view_to_widget (&view, W, H, 10.4, 51.1, &x, &y);
  assert_pixel_is (full, x, y, &color);
  g_assert_cmpstr (ld_map_chart_country_at (&data, &theme, W, H, x, y), ==, "DE");

  /* Mid-Atlantic is sea, and hit-testing finds no country there. */
  ld_map_chart_get_sea_color (&theme, &sea);
  ld_map_chart_view_to_widget (&view, W, H, -30, 30, &x, &y);
  assert_pixel_is (full, x, y, &sea);
  g_assert_null (ld_map_chart_country_at (&data, &theme, W, H, x, y));

  /* Russia has no licences in the sample: plain land. */
  ld_map_chart_get_land_color (&theme, &land);
  ld_map_chart_view_to_widget (&view, W, H, 90, 62, &x, &y);
  assert_pixel_is (full, x, y, &land);
  g_assert_cmpstr (ld_map_chart_country_at (&data, &theme, W, H, x, y), ==, "RU");

  /* Filtered to France alone: Germany turns to land, France gets the one bin. */
  {
    LdMapChartItem only = { 0 };

    for (guint i = 0; i < items->len; i++)
      if (g_strcmp0 (g_array_index (items, LdMapChartItem, i).code, "FR") == 0)
        only = g_array_index (items, LdMapChartItem, i);
    g_assert_nonnull (only.code);

    data.items = &only;
    data.n_items = 1;
    filtered = render (&data, &theme, dark ? "map-dark-fr.png" : "map-light-fr.png");

    ld_map_chart_view_to_widget (&view, W, H, 10.4, 51.1, &x, &y);
    assert_pixel_is (filtered, x, y, &land);
    ld_map_chart_get_bin_color (&theme, 1, 0, &color);
    ld_map_chart_view_to_widget (&view, W, H, 2.35, 46.5, &x, &y);
    assert_pixel_is (filtered, x, y, &color);

    cairo_surface_flush (full);
    cairo_surface_flush (filtered);
    g_assert_true (memcmp (cairo_image_surface_get_data (full),
                           cairo_image_surface_get_data (filtered),
                           (gsize) cairo_image_surface_get_stride (full) * H) != 0);
  }

  cairo_surface_destroy (full);
  cairo_surface_destroy (filtered);
}

static void
test_render_light (void)
{
  check_rendered_map (FALSE);
}

static void
test_render_dark (void)
{
  check_rendered_map (TRUE);
}

static void
test_render_view (void)
{
  LdMapChartItem items[] = { { "SG", NULL, 500, 3, 400 }, { "MY", NULL, 100, 2, 50 }, { "DE", NULL, 50 } };
  LdChartTheme theme = theme_for (FALSE);
  const char *const selected[] = { "MY", NULL };
  LdMapChartData data;
  LdChartColor color;
  cairo_surface_t *surface;
  double x, y;

  ld_map_chart_data_init (&data);
  data.items = items;
  data.n_items = G_N_ELEMENTS (items);
  data.selected = selected;

  /* At world zoom Singapore is a dot, and the dot is hit. */
  {
    LdMapChartView view;

    ld_map_chart_view_fit_world (&view, W, H);
    ld_map_chart_view_to_widget (&view, W, H, 103.8, 1.35, &x, &y);
    g_assert_cmpstr (ld_map_chart_country_at (&data, &theme, W, H, x + 1, y), ==, "SG");
  }

  /* Zoomed in on Malaysia, the view the map layer would pass. */
  g_assert_true (ld_map_chart_view_fit_country (&data.view, W, H, "MY"));
  data.fit_world = FALSE;
  data.hover = "SG";
  surface = render (&data, &theme, "map-light-zoomed.png");
  ld_map_chart_get_bin_color (&theme, 3, 1, &color);
  ld_map_chart_view_to_widget (&data.view, W, H, 113.5, 2.5, &x, &y);  /* Sarawak */
  assert_pixel_is (surface, x, y, &color);
  g_assert_cmpstr (ld_map_chart_country_at (&data, &theme, W, H, x, y), ==, "MY");
  /* Over the legend nothing is hit. */
  {
    cairo_rectangle_t legend;

    g_assert_true (ld_map_chart_get_legend_area (&data, &theme, W, H, &legend));
    g_assert_null (ld_map_chart_country_at (&data, &theme, W, H, legend.x + 5, legend.y + legend.height - 5));
  }
  cairo_surface_destroy (surface);

  /* Over online tiles, sea and land are left to the tiles. */
  data.base_map = FALSE;
  data.show_legend = FALSE;
  data.hover = NULL;
  surface = render (&data, &theme, NULL);
  ld_map_chart_view_to_widget (&data.view, W, H, 109, 5, &x, &y);  /* South China Sea */
  {
    unsigned char *px = cairo_image_surface_get_data (surface);

    cairo_surface_flush (surface);
    g_assert_cmpint (px[(int) y * cairo_image_surface_get_stride (surface) + (int) x * 4 + 3], ==, 0);
  }
  cairo_surface_destroy (surface);
}

/* What the legend changed on a map of @w × @h: drawn with and without it, every pixel
 * that differs must be open sea without it (@clear_of_land), or at least no country
 * with licences. Returns how many pixels it changed. */
static guint
check_legend_pixels (const LdMapChartData *data,
                     const LdChartTheme   *theme,
                     int                   w,
                     int                   h,
                     gboolean              clear_of_land)
{
  LdMapChartData without = *data;
  cairo_surface_t *with_legend = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  LdMapChartBins bins;
  LdChartColor sea;
  cairo_t *cr;
  guint changed = 0;

  without.show_legend = FALSE;
  cr = cairo_create (with_legend);
  ld_map_chart_draw (cr, w, h, data, theme);
  cairo_destroy (cr);
  cr = cairo_create (plain);
  ld_map_chart_draw (cr, w, h, &without, theme);
  cairo_destroy (cr);

  ld_map_chart_get_sea_color (theme, &sea);
  ld_map_chart_compute_bins (data, &bins);
  cairo_surface_flush (with_legend);
  cairo_surface_flush (plain);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        gsize at = (gsize) y * cairo_image_surface_get_stride (plain) + x * 4;
        LdTestPixel a, b;

        /* Most pixels are the same bytes: only those that are not are read. */
        if (memcmp (cairo_image_surface_get_data (with_legend) + at,
                    cairo_image_surface_get_data (plain) + at, 4) == 0)
          continue;
        a = ld_test_pixel_at (with_legend, x, y);
        b = ld_test_pixel_at (plain, x, y);
        if (abs (a.r - b.r) <= 1 && abs (a.g - b.g) <= 1 && abs (a.b - b.b) <= 1)
          continue;
        changed++;
        if (clear_of_land && !ld_test_pixel_is (b, &sea, 2))
          g_error ("%dx%d: the legend covers land at (%d, %d): #%02x%02x%02x without it",
                   w, h, x, y, b.r, b.g, b.b);
        for (guint k = 0; k < bins.n_bins; k++)
          {
            LdChartColor shade;

            ld_map_chart_get_bin_color (theme, bins.n_bins, k, &shade);
            if (ld_test_pixel_is (b, &shade, 3))
              g_error ("%dx%d: the legend covers a country with licences at (%d, %d)", w, h, x, y);
          }
      }

  cairo_surface_destroy (with_legend);
  cairo_surface_destroy (plain);

  return changed;
}

/* On paper (align_top, at the height the map asks for, or taller beside a taller
 * neighbour) the legend goes where it covers no land, at every width a card or a page
 * gives the map, light and dark, with the sample's 30 countries or a few: no legend
 * pixel over land. On screen (the world in the middle, any size) it covers no country
 * with licences. */
static void
test_legend_placement (void)
{
  static const int widths[] = { 300, 444, 465, 900 };
  static const double fonts[] = { 8.5, 12 };
  /* (A 360 px wide map has no room to spare all 30 of the sample's countries.) */
  static const struct { int w, h; } screens[] = { { 700, 340 }, { 1024, 640 }, { 900, 340 }, { 560, 340 } };
  g_autoptr(LdResult) result = sample_result ();
  g_autoptr(GArray) items = items_from_result (result);
  LdMapChartItem few[] = { { "AU", NULL, 300 }, { "BR", NULL, 1200 }, { "NZ", NULL, 40 }, { "US", NULL, 900 } };
  guint n_checked = 0;

  for (guint d = 0; d < 2; d++)
    for (guint set = 0; set < 2; set++)
      {
        LdChartTheme theme = theme_for (d);
        LdMapChartData data;

        ld_map_chart_data_init (&data);
        data.items = set == 0 ? (const LdMapChartItem *) items->data : few;
        data.n_items = set == 0 ? items->len : G_N_ELEMENTS (few);

        data.align_top = TRUE;
        for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
          for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
            for (guint taller = 0; taller < 2; taller++)
              {
                double h;
                cairo_rectangle_t area;

                /* Dark places the legend as light does: two sizes are enough. */
                if (d == 1 && (f > 0 || w > 1))
                  continue;

                ld_chart_theme_set_font (&theme, NULL, fonts[f]);
                h = ceil (ld_map_chart_get_preferred_height (&data, &theme, widths[w])) + taller * 90;
                if (!ld_map_chart_get_legend_area (&data, &theme, widths[w], h, &area))
                  continue;
                g_test_message ("paper %dx%.0f, font %.1f: legend %.0fx%.0f at %.0f, %.0f",
                                widths[w], h, fonts[f], area.width, area.height, area.x, area.y);
                g_assert_cmpfloat (area.x, >=, 0);
                g_assert_cmpfloat (area.y, >=, 0);
                g_assert_cmpfloat (area.x + area.width, <=, widths[w]);
                g_assert_cmpfloat (area.y + area.height, <=, h);
                /* Drawn where it is said to be, and over sea alone. */
                g_assert_cmpuint (check_legend_pixels (&data, &theme, widths[w], (int) h, TRUE), >,
                                  (guint) (area.width * area.height * 0.5));
                n_checked++;
              }

        data.align_top = FALSE;
        ld_chart_theme_set_font (&theme, NULL, 12.75);
        for (guint s = 0; s < G_N_ELEMENTS (screens); s++)
          {
            cairo_rectangle_t area;

            if (!ld_map_chart_get_legend_area (&data, &theme, screens[s].w, screens[s].h, &area))
              continue;
            check_legend_pixels (&data, &theme, screens[s].w, screens[s].h, FALSE);
            /* Clear of the window's Reset view button, top right (6 px in, 34 px wide). */
            g_assert_true (area.x + area.width <= screens[s].w - 46 || area.y >= 46);
          }
      }

  /* The paper sizes that leave a legend room enough for one: most of them. */
  g_assert_cmpuint (n_checked, >=, 16);
}

/* A map with no open sea for it: the legend spares the countries with licences. */
static void
test_legend_crowded (void)
{
  LdChartTheme theme = theme_for (FALSE);
  LdMapChartItem items[] = { { "RU", NULL, 500 }, { "CN", NULL, 300 }, { "US", NULL, 200 } };
  LdMapChartData data;

  ld_map_chart_data_init (&data);
  data.items = items;
  data.n_items = G_N_ELEMENTS (items);
  /* Zoomed onto Europe and Asia: land nearly everywhere. */
  data.fit_world = FALSE;
  data.view = (LdMapChartView) { 60, 50, 2.2, 0 };

  check_legend_pixels (&data, &theme, 600, 400, FALSE);
}

static void
test_text (void)
{
  LdMapChartItem items[] = {
    { "DE", "Germany", 3000, 10, 2500 }, { "FR", "France", 1000, 5, 900 }, { "GI", "Gibraltar", 10, 1, 5 },
  };
  LdMapChartData data;
  g_autofree char *summary = NULL;
  g_autofree char *none = NULL;
  g_autofree char *alt = NULL;

  ld_map_chart_data_init (&data);
  data.items = items;
  data.n_items = G_N_ELEMENTS (items);

  /* Numbers in the locale's grouping, which the test does not pin down. */
  g_autofree char *n3000 = ld_chart_format_count (3000);
  g_autofree char *n2500 = ld_chart_format_count (2500);
  g_autofree char *provisioned = g_strdup_printf ("Provisioned: %s (74.8%%)", n3000);
  g_autofree char *assigned = g_strdup_printf ("Assigned: %s", n2500);
  g_autofree char *leader = g_strdup_printf ("Germany %s (74.8%%)", n3000);

  summary = ld_map_chart_get_country_summary (&data, "DE");
  g_assert_nonnull (strstr (summary, "Germany"));
  g_assert_nonnull (strstr (summary, "Customers: 10"));
  g_assert_nonnull (strstr (summary, provisioned));
  g_assert_nonnull (strstr (summary, assigned));

  none = ld_map_chart_get_country_summary (&data, "RU");
  g_assert_nonnull (strstr (none, "No licenses"));
  g_assert_null (ld_map_chart_get_country_summary (&data, NULL));

  alt = ld_map_chart_get_text_alternative (&data);
  g_assert_nonnull (strstr (alt, "3 countries"));
  g_assert_nonnull (strstr (alt, leader));
  g_assert_nonnull (strstr (alt, "Not on the map: Gibraltar"));

  data.n_items = 0;
  g_clear_pointer (&alt, g_free);
  alt = ld_map_chart_get_text_alternative (&data);
  g_assert_nonnull (strstr (alt, "no licenses"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/shapes/load", test_shapes_load);
  g_test_add_func ("/map/shapes/damaged", test_shapes_damaged);
  g_test_add_func ("/map/codes", test_codes);
  g_test_add_func ("/map/codes/sample", test_sample_codes_mapped);
  g_test_add_func ("/map/codes/generator", test_generator_codes_mapped);
  g_test_add_func ("/map/names", test_names_translated);
  g_test_add_func ("/map/projection", test_projection);
  g_test_add_func ("/map/fit", test_fit);
  g_test_add_func ("/map/bins", test_bins);
  g_test_add_func ("/map/render/light", test_render_light);
  g_test_add_func ("/map/render/dark", test_render_dark);
  g_test_add_func ("/map/render/view", test_render_view);
  g_test_add_func ("/map/text", test_text);
  g_test_add_func ("/map/legend/placement", test_legend_placement);
  g_test_add_func ("/map/legend/crowded", test_legend_crowded);

  return g_test_run ();
}
