/* ld-map-view.c — the Geographical spread card's world map
 *
 * The view itself takes the keyboard focus, not the ShumateMap inside it:
 * libshumate 1.0 makes its map unfocusable and newer releases make it
 * focusable with arrow keys of their own, so we hold the focus one level up
 * and give every release the same keys. Arrow keys pan by an eighth of the
 * map, + and − zoom by one level about the centre, Home shows the whole
 * world again; a click on the map focuses it as well. Picking a country by
 * keyboard is the country table's job (the card toggles the filter when a
 * row is activated): a map has no order of countries to Tab through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "ld-map-source.h"
#include "ld-map-view.h"

struct _LdMapView
{
  GtkWidget parent_instance;

  GtkWidget                *overlay;
  ShumateMap               *map;
  LdMapLayer               *layer;
  LdMapSource              *offline_source;
  GtkWidget                *reset_button;
  ShumateLicense           *license;

  gboolean                  online;
  ShumateMapSourceRegistry *registry;   /* only once online tiles were asked for */
  ShumateMapLayer          *tile_layer;

  double                    zoom_from;  /* the last zoom key's animation, from… */
  double                    zoom_target; /* …to; both 0 when none */
  gboolean                  placed;     /* the viewport was fitted to a real size */
  LdMapChartView            last_fit;   /* to tell whether the user moved since */
};

enum
{
  COUNTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A key press pans by this part of the map's width or height. */
#define PAN_FRACTION 0.125
#define ZOOM_ANIMATION_MS 200

G_DEFINE_FINAL_TYPE (LdMapView, ld_map_view, GTK_TYPE_WIDGET)

static ShumateViewport *
get_viewport (LdMapView *self)
{
  return shumate_map_get_viewport (self->map);
}

static gboolean
animations_enabled (LdMapView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);

  return enabled;
}

static void
move_to (LdMapView            *self,
         const LdMapChartView *view,
         gboolean              animate)
{
  ShumateViewport *viewport = get_viewport (self);
  /* libshumate's zoom cannot go below its minimum (0): a map narrower than
   * 256 px shows part of the world. */
  double zoom = CLAMP (view->zoom, shumate_viewport_get_min_zoom_level (viewport),
                       shumate_viewport_get_max_zoom_level (viewport));

  self->zoom_from = self->zoom_target = 0;
  if (animate && animations_enabled (self) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    shumate_map_go_to_full (self->map, view->lat, view->lon, zoom);
  else
    {
      shumate_map_stop_go_to (self->map);
      shumate_viewport_set_zoom_level (viewport, zoom);
      shumate_viewport_set_rotation (viewport, 0);
      shumate_map_center_on (self->map, view->lat, view->lon);
    }
}

/* Whether the viewport still shows the world as last fitted. */
static gboolean
is_fitted (LdMapView *self)
{
  ShumateViewport *viewport = get_viewport (self);
  double zoom = CLAMP (self->last_fit.zoom, shumate_viewport_get_min_zoom_level (viewport),
                       shumate_viewport_get_max_zoom_level (viewport));

  return fabs (shumate_viewport_get_zoom_level (viewport) - zoom) < 1e-3
         && fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - self->last_fit.lat) < 1e-3
         && fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - self->last_fit.lon) < 1e-3
         && shumate_viewport_get_rotation (viewport) == 0;
}

static void
fit_world (LdMapView *self,
           gboolean   animate)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return;

  ld_map_chart_view_fit_world (&self->last_fit, width, height);
  move_to (self, &self->last_fit, animate);
}

void
ld_map_view_reset (LdMapView *self)
{
  g_return_if_fail (LD_IS_MAP_VIEW (self));

  fit_world (self, TRUE);
}

gboolean
ld_map_view_center_on (LdMapView  *self,
                       const char *alpha2)
{
  LdMapChartView view;
  int width, height;

  g_return_val_if_fail (LD_IS_MAP_VIEW (self), FALSE);

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  if (!ld_map_chart_view_fit_country (&view, width, height, alpha2))
    return FALSE;

  move_to (self, &view, TRUE);

  return TRUE;
}

/* The keys act only while the view itself has the focus: on the reset
 * button inside it, arrows move the focus as everywhere else. (The focus
 * ring follows GTK's rule: it shows once the keyboard moved the focus, so
 * after Tab, not after a click and an arrow.) */
static gboolean
takes_key (GtkWidget *widget)
{
  return gtk_widget_is_focus (widget);
}

static gboolean
pan_key_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  LdMapView *self = LD_MAP_VIEW (widget);
  int dx, dy;

  if (!takes_key (widget))
    return FALSE;

  g_variant_get (args, "(ii)", &dx, &dy);
  ld_map_view_pan (self, dx * PAN_FRACTION, dy * PAN_FRACTION);

  return TRUE;
}

static gboolean
zoom_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  if (!takes_key (widget))
    return FALSE;

  ld_map_view_zoom (LD_MAP_VIEW (widget), g_variant_get_int32 (args));

  return TRUE;
}

static gboolean
reset_key_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  if (!takes_key (widget))
    return FALSE;

  ld_map_view_reset (LD_MAP_VIEW (widget));

  return TRUE;
}

/* A click on the map gives it the keyboard too, as in any canvas. Capture
 * phase, claiming nothing: the layer's click and the map's drag go on. */
static void
map_pressed_cb (LdMapView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
ld_map_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  LdMapView *self = LD_MAP_VIEW (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural, NULL, NULL);
  /* A world map wants room; the card may still squeeze it to the minimum. */
  *natural = MAX (*natural, orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 300);
}

static void
ld_map_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  LdMapView *self = LD_MAP_VIEW (widget);
  gboolean refit = !self->placed || is_fitted (self);

  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);

  /* Until the user moves the map, it keeps showing the whole world as the
   * card is resized. */
  if (refit && width > 1 && height > 1)
    {
      fit_world (self, FALSE);
      self->placed = TRUE;
    }
}

static void
reset_clicked_cb (LdMapView *self)
{
  ld_map_view_reset (self);
}

static void
country_activated_cb (LdMapView  *self,
                      const char *code)
{
  g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, code);
}

static void
dark_changed_cb (LdMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->layer));
}

static void
ld_map_view_dispose (GObject *object)
{
  LdMapView *self = LD_MAP_VIEW (object);

  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  g_clear_object (&self->offline_source);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (ld_map_view_parent_class)->dispose (object);
}

static void
ld_map_view_class_init (LdMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_map_view_dispose;

  widget_class->measure = ld_map_view_measure;
  widget_class->size_allocate = ld_map_view_size_allocate;

  /**
   * LdMapView::country-activated:
   * @code: the ISO 3166-1 alpha-2 code of the country clicked
   *
   * The card answers with win.toggle-filter ("country", code).
   */
  signals[COUNTRY_ACTIVATED] =
    g_signal_new ("country-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_css_name (widget_class, "ld-map-view");

  {
    const struct { guint key; int dx, dy; } pans[] = {
      { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
      { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
      { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
      { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
    };
    const struct { guint key; int step; } zooms[] = {
      { GDK_KEY_plus, 1 }, { GDK_KEY_equal, 1 }, { GDK_KEY_KP_Add, 1 },
      { GDK_KEY_minus, -1 }, { GDK_KEY_KP_Subtract, -1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pans); i++)
      gtk_widget_class_add_binding (widget_class, pans[i].key, 0,
                                    pan_key_cb, "(ii)", pans[i].dx, pans[i].dy);
    for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
      {
        gtk_widget_class_add_binding (widget_class, zooms[i].key, 0,
                                      zoom_key_cb, "i", zooms[i].step);
        /* "+" comes with Shift on most layouts; with Ctrl, + and − zoom as in
         * a browser. */
        gtk_widget_class_add_binding (widget_class, zooms[i].key, GDK_SHIFT_MASK,
                                      zoom_key_cb, "i", zooms[i].step);
        gtk_widget_class_add_binding (widget_class, zooms[i].key, GDK_CONTROL_MASK,
                                      zoom_key_cb, "i", zooms[i].step);
      }
    gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, reset_key_cb, NULL);
    gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, reset_key_cb, NULL);
  }
}

static void
ld_map_view_init (LdMapView *self)
{
  ShumateViewport *viewport;
  GtkGesture *press;

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->map = shumate_map_new ();
  /* A click toggles the country; a double click must not also zoom. libshumate
   * up to 1.4 ignores this setting, so the layer also claims the second press. */
  shumate_map_set_zoom_on_double_click (self->map, FALSE);
  /* One Tab stop, ours, with the same keys on every libshumate. */
  gtk_widget_set_focusable (GTK_WIDGET (self->map), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));

  /* Offline: our own source is the reference for projection and zoom range,
   * and no network source exists at all. */
  viewport = shumate_map_get_viewport (self->map);
  self->offline_source = ld_map_source_new ();
  shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (self->offline_source));

  self->layer = ld_map_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->layer));
  g_signal_connect_object (self->layer, "country-activated", G_CALLBACK (country_activated_cb),
                           self, G_CONNECT_SWAPPED);

  self->reset_button = gtk_button_new_from_icon_name ("zoom-fit-best-symbolic");
  gtk_widget_set_tooltip_text (self->reset_button, _("Reset view"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reset view"),
                                  -1);
  gtk_widget_add_css_class (self->reset_button, "osd");
  gtk_widget_add_css_class (self->reset_button, "circular");
  gtk_widget_set_halign (self->reset_button, GTK_ALIGN_END);
  gtk_widget_set_valign (self->reset_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->reset_button, 6);
  gtk_widget_set_margin_end (self->reset_button, 6);
  g_signal_connect_object (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->reset_button);

  /* Attribution, which OpenStreetMap's tiles require; hidden offline. */
  self->license = shumate_license_new ();
  gtk_widget_set_halign (GTK_WIDGET (self->license), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->license), GTK_ALIGN_END);
  gtk_widget_set_visible (GTK_WIDGET (self->license), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->license));

  press = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (map_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (press));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ld_map_view_new (void)
{
  return g_object_new (LD_TYPE_MAP_VIEW, NULL);
}

void
ld_map_view_set_data (LdMapView            *self,
                      const LdMapChartItem *items,
                      guint                 n_items,
                      guint64               total)
{
  g_return_if_fail (LD_IS_MAP_VIEW (self));

  ld_map_layer_set_items (self->layer, items, n_items, total);
}

void
ld_map_view_set_selected (LdMapView         *self,
                          const char *const *codes)
{
  g_return_if_fail (LD_IS_MAP_VIEW (self));

  ld_map_layer_set_selected (self->layer, codes);
}

void
ld_map_view_pan (LdMapView *self,
                 double     dx,
                 double     dy)
{
  ShumateViewport *viewport;
  GtkWidget *map;
  int width, height;
  double lat, lon;

  g_return_if_fail (LD_IS_MAP_VIEW (self));

  viewport = get_viewport (self);
  map = GTK_WIDGET (self->map);
  width = gtk_widget_get_width (map);
  height = gtk_widget_get_height (map);
  if (width <= 0 || height <= 0 || shumate_viewport_get_reference_map_source (viewport) == NULL)
    return;

  /* Immediate, not animated: a held key repeats, and each press lands. */
  shumate_map_stop_go_to (self->map);
  self->zoom_from = self->zoom_target = 0;
  shumate_viewport_widget_coords_to_location (viewport, map,
                                              width * (0.5 + dx), height * (0.5 + dy),
                                              &lat, &lon);
  shumate_map_center_on (self->map, lat, lon);
}

void
ld_map_view_zoom (LdMapView *self,
                  int        steps)
{
  ShumateViewport *viewport;
  double lat, lon, zoom;

  g_return_if_fail (LD_IS_MAP_VIEW (self));

  viewport = get_viewport (self);
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  /* Two quick presses zoom two levels: the second counts from where the
   * first is going, not from where its animation has got to — on the way
   * means strictly between its ends. (libshumate 1.0 says no more: its
   * ::animation-completed cannot be connected to, the marshaller expects an
   * argument the signal does not have; and a clock would not do, the
   * animation advances only as fast as frames are drawn.) */
  zoom = shumate_viewport_get_zoom_level (viewport);
  if (zoom != self->zoom_target
      && zoom >= MIN (self->zoom_from, self->zoom_target) - 1e-9
      && zoom <= MAX (self->zoom_from, self->zoom_target) + 1e-9)
    zoom = self->zoom_target;
  shumate_map_stop_go_to (self->map);
  self->zoom_from = self->zoom_target = 0;
  /* Whole levels, so presses from the fitted world (zoom 1.8) land on 3, 4… */
  zoom = steps > 0 ? floor (zoom + 1e-6) + steps : ceil (zoom - 1e-6) + steps;
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));

  if (animations_enabled (self) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->zoom_from = shumate_viewport_get_zoom_level (viewport);
      self->zoom_target = zoom;
      shumate_map_go_to_full_with_duration (self->map, lat, lon, zoom, ZOOM_ANIMATION_MS);
    }
  else
    shumate_viewport_set_zoom_level (viewport, zoom);
}

void
ld_map_view_set_online_tiles (LdMapView *self,
                              gboolean   online)
{
  ShumateViewport *viewport;
  ShumateMapSource *source;

  g_return_if_fail (LD_IS_MAP_VIEW (self));

  online = !!online;
  if (self->online == online)
    return;
  self->online = online;
  viewport = get_viewport (self);

  if (online)
    {
      /* OpenStreetMap's tile policy asks every client to name itself. */
      shumate_set_user_agent ("LicenseDashboard/" PACKAGE_VERSION);
      if (self->registry == NULL)
        self->registry = shumate_map_source_registry_new_with_defaults ();
      source = shumate_map_source_registry_get_by_id (self->registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
      g_return_if_fail (source != NULL);

      shumate_viewport_set_reference_map_source (viewport, source);
      /* Our 1:50m shapes end where streets begin. */
      shumate_viewport_set_max_zoom_level (viewport, LD_MAP_SOURCE_MAX_ZOOM);
      self->tile_layer = shumate_map_layer_new (source, viewport);
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->tile_layer),
                                       SHUMATE_LAYER (self->layer));
      shumate_license_append_map_source (self->license, source);
      gtk_widget_set_visible (GTK_WIDGET (self->license), TRUE);
      ld_map_layer_set_base_map (self->layer, FALSE);
    }
  else
    {
      source = shumate_viewport_get_reference_map_source (viewport);
      if (source != NULL)
        shumate_license_remove_map_source (self->license, source);
      gtk_widget_set_visible (GTK_WIDGET (self->license), FALSE);
      if (self->tile_layer != NULL)
        shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->tile_layer));
      self->tile_layer = NULL;
      shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (self->offline_source));
      ld_map_layer_set_base_map (self->layer, TRUE);
    }
}

gboolean
ld_map_view_get_online_tiles (LdMapView *self)
{
  g_return_val_if_fail (LD_IS_MAP_VIEW (self), FALSE);

  return self->online;
}

void
ld_map_view_get_chart_data (LdMapView      *self,
                            LdMapChartData *data)
{
  g_return_if_fail (LD_IS_MAP_VIEW (self));
  g_return_if_fail (data != NULL);

  ld_map_layer_get_chart_data (self->layer, data);
  /* An export is usually larger than the card: the world fitted to it
   * matches what the user sees better than the card's zoom would. */
  data->fit_world = !self->placed || is_fitted (self);
  data->base_map = TRUE;
}

ShumateMap *
ld_map_view_get_map (LdMapView *self)
{
  g_return_val_if_fail (LD_IS_MAP_VIEW (self), NULL);

  return self->map;
}

LdMapLayer *
ld_map_view_get_layer (LdMapView *self)
{
  g_return_val_if_fail (LD_IS_MAP_VIEW (self), NULL);

  return self->layer;
}
