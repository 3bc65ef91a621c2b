/* test-map-view.c — the world map widget, on a display (run under xvfb-run)
 *
 * The map must be complete with no network: a ShumateMap with our layer, our
 * own reference source and no tile source. Clicks become ::country-activated,
 * center_on and reset move the viewport, and the window's pixels show the
 * shaded countries on the sea.
 *
 * Set LD_CHART_SAMPLES_DIR to keep screenshots (light and dark) there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ld-chart-view.h"
#include "ld-map-source.h"
#include "ld-map-view.h"

#define W 900
#define H 560

static const LdMapChartItem items[] = {
  { "US", "United States", 12000, 40, 10000 },
  { "DE", "Germany", 5000, 20, 4000 },
  { "FR", "France", 2500, 12, 2000 },
  { "JP", "Japan", 1200, 6, 900 },
  { "BR", "Brazil", 600, 4, 300 },
  { "AU", "Australia", 300, 3, 250 },
  { "SG", "Singapore", 150, 2, 100 },
  { "GI", "Gibraltar", 20, 1, 10 },
};

typedef struct
{
  GtkWidget *window;
  LdMapView *view;
} Fixture;

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_until_drawn (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 1)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));
  /* A few frames for layout and the first paint. */
  wait_ms (200);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Moves land at once, so the tests need not wait for animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), W, H);
  f->view = LD_MAP_VIEW (ld_map_view_new ());
  ld_map_view_set_data (f->view, items, G_N_ELEMENTS (items), 0);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until_drawn (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static guint
count_map_layers (ShumateMap *map)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SHUMATE_IS_MAP_LAYER (child))
      n++;

  return n;
}

static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  ShumateMap *map = ld_map_view_get_map (f->view);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  LdMapLayer *layer = ld_map_view_get_layer (f->view);
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);

  g_assert_true (SHUMATE_IS_MAP (map));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (layer), GTK_WIDGET (map)));
  g_assert_true (shumate_layer_get_viewport (SHUMATE_LAYER (layer)) == viewport);

  /* No network source at all: our own reference source, no tile layer. */
  g_assert_false (ld_map_view_get_online_tiles (f->view));
  g_assert_true (LD_IS_MAP_SOURCE (source));
  g_assert_cmpstr (shumate_map_source_get_id (source), ==, LD_MAP_SOURCE_ID);
  g_assert_cmpuint (count_map_layers (map), ==, 0);

  /* The whole world is fitted to the widget. */
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, 1);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), <, 2.5);

  /* Online tiles put OpenStreetMap under our layer and take it away again. */
  ld_map_view_set_online_tiles (f->view, TRUE);
  g_assert_cmpuint (count_map_layers (map), ==, 1);
  g_assert_cmpstr (shumate_map_source_get_id (shumate_viewport_get_reference_map_source (viewport)),
                   ==, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  g_assert_true (g_str_has_prefix (shumate_get_user_agent (), "LicenseDashboard/"));
  ld_map_view_set_online_tiles (f->view, FALSE);
  g_assert_cmpuint (count_map_layers (map), ==, 0);
  g_assert_true (LD_IS_MAP_SOURCE (shumate_viewport_get_reference_map_source (viewport)));
}

static void
on_country_activated (LdMapView  *view,
                      const char *code,
                      char      **out)
{
  g_free (*out);
  *out = g_strdup (code);
}

static GtkGestureClick *
find_click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE_CLICK (controller);
    }

  return NULL;
}

static void
layer_point (Fixture *f,
             double   lon,
             double   lat,
             double  *x,
             double  *y)
{
  LdMapLayer *layer = ld_map_view_get_layer (f->view);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (layer));

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), lat, lon, x, y);
}

/* A press and its release, as GTK reports a click (the signals only: real
 * X input is tests/gui-input's). */
static void
emit_click (GtkGestureClick *click,
            int              n_press,
            double           x,
            double           y)
{
  g_signal_emit_by_name (click, "pressed", n_press, x, y);
  g_signal_emit_by_name (click, "released", n_press, x, y);
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  LdMapLayer *layer = ld_map_view_get_layer (f->view);
  GtkGestureClick *click = find_click (GTK_WIDGET (layer));
  g_autofree char *activated = NULL;
  double x, y;

  g_assert_nonnull (click);
  g_signal_connect (f->view, "country-activated", G_CALLBACK (on_country_activated), &activated);

  /* The layer's hit-testing agrees with libshumate's projection. */
  layer_point (f, 10.4, 51.1, &x, &y);
  g_assert_cmpstr (ld_map_layer_country_at (layer, x, y), ==, "DE");

  emit_click (click, 1, x, y);
  g_assert_cmpstr (activated, ==, "DE");

  /* A double click's second release does not toggle again. */
  g_clear_pointer (&activated, g_free);
  emit_click (click, 2, x, y);
  g_assert_null (activated);

  /* A press released far from where it began is a drag, which pans: GTK 4.8
   * reports ::released for it all the same. */
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x + 60, y + 10);
  g_assert_null (activated);

  /* The sea does nothing. */
  layer_point (f, -30, 30, &x, &y);
  emit_click (click, 1, x, y);
  g_assert_null (activated);

  /* Countries without licences are still countries: the filter may want them. */
  layer_point (f, 90, 62, &x, &y);
  emit_click (click, 1, x, y);
  g_assert_cmpstr (activated, ==, "RU");
}

/* What GTK delivers a real pointer event to is what gtk_widget_pick() finds:
 * the layer, over a country and over the sea alike (ShumateLayer's own
 * contains() says no everywhere, which left the map deaf to the pointer). */
static void
test_pick (Fixture       *f,
           gconstpointer  data)
{
  LdMapLayer *layer = ld_map_view_get_layer (f->view);
  const double points[][2] = { { 10.4, 51.1 }, { -98, 39 }, { -30, 30 }, { 134, -25 } };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      graphene_point_t p;
      GtkWidget *picked;
      double x, y;

      layer_point (f, points[i][0], points[i][1], &x, &y);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (layer), f->window,
                                               &GRAPHENE_POINT_INIT (x, y), &p));
      picked = gtk_widget_pick (f->window, p.x, p.y, GTK_PICK_DEFAULT);
      g_assert_true (picked == GTK_WIDGET (layer));
    }
}

static void
test_center_on (Fixture       *f,
                gconstpointer  data)
{
  ShumateViewport *viewport = shumate_map_get_viewport (ld_map_view_get_map (f->view));
  double world_zoom = shumate_viewport_get_zoom_level (viewport);
  double world_lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  LdMapChartData chart;

  ld_map_view_get_chart_data (f->view, &chart);
  g_assert_true (chart.fit_world);

  g_assert_true (ld_map_view_center_on (f->view, "JP"));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 137, 6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), 37, 6);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, world_zoom + 1);

  /* An export now paints what the user is looking at. */
  ld_map_view_get_chart_data (f->view, &chart);
  g_assert_false (chart.fit_world);
  g_assert_cmpfloat_with_epsilon (chart.view.lon, 137, 6);

  /* No shape: nothing moves. */
  g_assert_false (ld_map_view_center_on (f->view, "GI"));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 137, 6);

  /* Resizing keeps the user's view. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), W - 100, H);
  wait_ms (200);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 137, 6);

  ld_map_view_reset (f->view);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), world_lat, 1e-6);
  ld_map_view_get_chart_data (f->view, &chart);
  g_assert_true (chart.fit_world);
}

/* ---- the keyboard ----------------------------------------------------------------- */

static void
get_center (Fixture *f,
            double  *lat,
            double  *lon,
            double  *zoom)
{
  ShumateViewport *viewport = shumate_map_get_viewport (ld_map_view_get_map (f->view));

  *lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  *lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  *zoom = shumate_viewport_get_zoom_level (viewport);
}

/* One Tab stop for the whole map, whatever libshumate does with its own
 * (1.0 leaves it unfocusable, 1.1 and later make it focusable). */
static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *map = GTK_WIDGET (ld_map_view_get_map (f->view));

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));
  g_assert_false (gtk_widget_get_focusable (map));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->view)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->view));
}

/* What the arrows, + and − and Home do (the keys themselves are pressed for
 * real in tests/gui-input/test-map-keyboard.py). */
static void
test_pan_zoom (Fixture       *f,
               gconstpointer  data)
{
  ShumateViewport *viewport = shumate_map_get_viewport (ld_map_view_get_map (f->view));
  double lat0, lon0, zoom0, lat, lon, zoom, world;
  LdMapChartData chart;

  get_center (f, &lat0, &lon0, &zoom0);
  world = LD_MAP_CHART_TILE_SIZE * exp2 (zoom0);

  /* An eighth of the map east: the centre moves by that many pixels' worth
   * of longitude; nothing else changes. */
  ld_map_view_pan (f->view, 0.125, 0);
  get_center (f, &lat, &lon, &zoom);
  g_assert_cmpfloat_with_epsilon (lon - lon0, 360 * gtk_widget_get_width (GTK_WIDGET (f->view)) / 8.0 / world, 1);
  g_assert_cmpfloat_with_epsilon (lat, lat0, 1e-6);
  g_assert_cmpfloat_with_epsilon (zoom, zoom0, 1e-9);

  /* North: the latitude grows. */
  ld_map_view_pan (f->view, 0, -0.125);
  get_center (f, &lat, &lon, &zoom);
  g_assert_cmpfloat (lat, >, lat0 + 1);

  /* The user moved the map: an export paints their view. */
  ld_map_view_get_chart_data (f->view, &chart);
  g_assert_false (chart.fit_world);

  /* Whole levels about the centre, within the source's range. */
  ld_map_view_zoom (f->view, 1);
  get_center (f, &lat0, &lon0, &zoom);
  g_assert_cmpfloat (zoom, ==, floor (zoom0) + 1);
  g_assert_cmpfloat_with_epsilon (lat0, lat, 1e-6);
  ld_map_view_zoom (f->view, 1);
  get_center (f, &lat, &lon, &zoom);
  g_assert_cmpfloat (zoom, ==, floor (zoom0) + 2);
  ld_map_view_zoom (f->view, -1);
  get_center (f, &lat, &lon, &zoom);
  g_assert_cmpfloat (zoom, ==, floor (zoom0) + 1);
  for (guint i = 0; i < 20; i++)
    ld_map_view_zoom (f->view, 1);
  get_center (f, &lat, &lon, &zoom);
  g_assert_cmpfloat (zoom, ==, shumate_viewport_get_max_zoom_level (viewport));

  ld_map_view_reset (f->view);
  ld_map_view_get_chart_data (f->view, &chart);
  g_assert_true (chart.fit_world);
}

/* ---- screenshots ------------------------------------------------------------- */

static GdkTexture *screenshot (GtkWidget *widget);
static void texture_pixel (GdkTexture *texture, double x, double y, guint8 rgb[3]);

/* The app's style sheet (AdwApplication loads it; this test has no application). */
static GtkCssProvider *
load_app_style (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/licensedashboard/LicenseDashboard/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return provider;
}

/* With the keyboard's focus (focus-visible), a ring in the accent colour runs
 * inside the map's frame; with the pointer's, or none, it does not. */
static void
test_focus_ring (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = load_app_style ();
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  GtkWidget *view = GTK_WIDGET (f->view);
  int height = gtk_widget_get_height (view);
  guint8 plain[3], ring[3];
  const char *dir = g_getenv ("LD_CHART_SAMPLES_DIR");

  gtk_widget_add_css_class (view, "ld-map-frame");
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), FALSE);
  wait_ms (200);
  before = screenshot (view);

  g_assert_true (gtk_widget_grab_focus (view));
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
  wait_ms (200);
  g_assert_true (gtk_widget_has_visible_focus (view));
  after = screenshot (view);
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "map-view-focus.png", NULL);

      g_assert_true (gdk_texture_save_to_png (after, path));
    }

  /* Two pixels in from the left edge, halfway down: the sea before, the
   * accent (blue: more blue than red) after. */
  texture_pixel (before, 2, height / 2.0, plain);
  texture_pixel (after, 2, height / 2.0, ring);
  g_test_message ("left edge: #%02x%02x%02x without, #%02x%02x%02x with the focus",
                  plain[0], plain[1], plain[2], ring[0], ring[1], ring[2]);
  g_assert_cmpint (abs (plain[0] - ring[0]) + abs (plain[1] - ring[1]) + abs (plain[2] - ring[2]), >, 60);
  g_assert_cmpint (ring[2], >, ring[0] + 60);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
}

static GdkTexture *
screenshot (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
texture_pixel (GdkTexture *texture,
               double      x,
               double      y,
               guint8      rgb[3])
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc ((gsize) width * height * 4);
  guint32 v;

  gdk_texture_download (texture, data, width * 4);
  g_assert_cmpint ((int) x, <, width);
  g_assert_cmpint ((int) y, <, height);
  v = *(guint32 *) (data + ((int) y * width + (int) x) * 4);
  rgb[0] = (v >> 16) & 0xff;
  rgb[1] = (v >> 8) & 0xff;
  rgb[2] = v & 0xff;
}

static void
assert_texture_pixel (GdkTexture         *texture,
                      double              x,
                      double              y,
                      const LdChartColor *c)
{
  guint8 rgb[3];

  texture_pixel (texture, x, y, rgb);
  if (abs (rgb[0] - (int) round (c->r * 255)) > 3
      || abs (rgb[1] - (int) round (c->g * 255)) > 3
      || abs (rgb[2] - (int) round (c->b * 255)) > 3)
    g_error ("pixel (%.0f, %.0f) is #%02x%02x%02x, expected #%02x%02x%02x", x, y,
             rgb[0], rgb[1], rgb[2], (int) round (c->r * 255), (int) round (c->g * 255),
             (int) round (c->b * 255));
}

static void
check_screenshot (Fixture    *f,
                  const char *name)
{
  LdMapLayer *layer = ld_map_view_get_layer (f->view);
  g_autoptr(GdkTexture) texture = NULL;
  LdChartTheme theme;
  LdMapChartData data;
  LdMapChartBins bins;
  LdChartColor sea, color;
  const char *dir = g_getenv ("LD_CHART_SAMPLES_DIR");
  double x, y;
  graphene_point_t p;

  wait_ms (300);
  texture = screenshot (GTK_WIDGET (f->view));
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (gdk_texture_save_to_png (texture, path));
    }

  ld_chart_theme_init_for_widget (&theme, GTK_WIDGET (layer));

  /* Sea where sea is, though no tile was ever fetched. */
  ld_map_chart_get_sea_color (&theme, &sea);
  layer_point (f, -30, 30, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (layer), GTK_WIDGET (f->view),
                                           &GRAPHENE_POINT_INIT (x, y), &p));
  assert_texture_pixel (texture, p.x, p.y, &sea);

  /* Germany in the colour of its bin. */
  ld_map_layer_get_chart_data (layer, &data);
  ld_map_chart_compute_bins (&data, &bins);
  ld_map_chart_get_bin_color (&theme, bins.n_bins, ld_map_chart_bins_find (&bins, 5000), &color);
  layer_point (f, 10.4, 51.1, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (layer), GTK_WIDGET (f->view),
                                           &GRAPHENE_POINT_INIT (x, y), &p));
  assert_texture_pixel (texture, p.x, p.y, &color);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *const selected[] = { "FR", NULL };

  ld_map_view_set_selected (f->view, selected);
  check_screenshot (f, "map-view-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  check_screenshot (f, "map-view-dark.png");

  /* Zoomed on Europe, hovering Germany. */
  g_assert_true (ld_map_view_center_on (f->view, "DE"));
  {
    double x, y;
    LdMapLayer *layer = ld_map_view_get_layer (f->view);
    GtkEventController *motion = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (layer));

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_MOTION (c))
          motion = GTK_EVENT_CONTROLLER (c);
      }
    g_assert_nonnull (motion);
    wait_ms (200);
    layer_point (f, 10.4, 51.1, &x, &y);
    g_signal_emit_by_name (motion, "motion", x, y);
    g_assert_cmpstr (ld_map_layer_get_hover (layer), ==, "DE");
    wait_ms (300);
    {
      g_autoptr(GdkTexture) texture = screenshot (GTK_WIDGET (f->view));
      const char *dir = g_getenv ("LD_CHART_SAMPLES_DIR");

      if (dir != NULL)
        {
          g_autofree char *path = g_build_filename (dir, "map-view-dark-de.png", NULL);

          g_assert_true (gdk_texture_save_to_png (texture, path));
        }
    }
  }
}

/* The offline source paints a tile without any network. */
static void
tile_filled_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_source_tile (void)
{
  g_autoptr(LdMapSource) source = ld_map_source_new ();
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (4, 2, 256, 3);  /* Europe at zoom 3 */
  gboolean done = FALSE;
  GdkPaintable *paintable;

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, tile_filled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  paintable = shumate_tile_get_paintable (tile);
  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 256);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/map-view/offline", Fixture, NULL, fixture_set_up, test_offline, fixture_tear_down);
  g_test_add ("/map-view/click", Fixture, NULL, fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/map-view/pick", Fixture, NULL, fixture_set_up, test_pick, fixture_tear_down);
  g_test_add ("/map-view/focus", Fixture, NULL, fixture_set_up, test_focus, fixture_tear_down);
  g_test_add ("/map-view/pan-zoom", Fixture, NULL, fixture_set_up, test_pan_zoom, fixture_tear_down);
  g_test_add ("/map-view/focus-ring", Fixture, NULL, fixture_set_up, test_focus_ring, fixture_tear_down);
  g_test_add ("/map-view/center-on", Fixture, NULL, fixture_set_up, test_center_on, fixture_tear_down);
  g_test_add ("/map-view/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);
  g_test_add_func ("/map-view/source-tile", test_source_tile);

  return g_test_run ();
}
