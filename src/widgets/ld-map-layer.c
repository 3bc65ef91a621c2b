/* ld-map-layer.c — the countries, shaded by provisioned licences, as a ShumateLayer
 *
 * A whole world takes cairo some 30 ms to project and stroke, too slow to
 * repaint on every frame of a pan. The projected outlines and the rendered
 * borders are kept for the view (LdMapChartCache), so a new shading after a
 * filter click only fills the countries again. The countries are painted into a texture; while the viewport
 * moves the texture is moved and scaled with it, and repainted once the map
 * rests (or at once, when the last paint was quick). The hover and the legend
 * are cheap and painted fresh every frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ld-chart-view.h"
#include "ld-map-layer.h"

/* Repaint synchronously while the viewport moves when a paint is this quick. */
#define QUICK_PAINT_US 12000
/* How long the map must rest before a slow repaint. */
#define SETTLE_MS 120

struct _LdMapLayer
{
  ShumateLayer parent_instance;

  GArray       *items;      /* LdMapChartItem, strings in @strings */
  GStringChunk *strings;
  guint64       total;
  GStrv         selected;
  gboolean      base_map;
  char         *hover;      /* code under the pointer, static (from the shapes) */
  gboolean      clicking;   /* a press that has not turned into a drag */
  double        press_x;    /* where it was pressed */
  double        press_y;

  /* The outlines projected for the last view and its borders: a new shading
   * (a filter click) fills the countries again and reuses the rest. */
  LdMapChartCache *chart_cache;
  /* The countries as last painted, and what they were painted for. */
  GdkTexture     *cache;
  LdMapChartView  cache_view;
  int             cache_width;
  int             cache_height;
  int             cache_scale;
  LdChartTheme    cache_theme;
  gboolean        cache_dirty;  /* data or selection changed since */
  gint64          paint_us;     /* how long the last paint of a new view took */
  guint           settle_id;
};

enum
{
  COUNTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LdMapLayer, ld_map_layer, SHUMATE_TYPE_LAYER)

static void
get_view (LdMapLayer     *self,
          LdMapChartView *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  view->lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view->lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->rotation = shumate_viewport_get_rotation (viewport);
}

void
ld_map_layer_get_chart_data (LdMapLayer     *self,
                             LdMapChartData *data)
{
  g_return_if_fail (LD_IS_MAP_LAYER (self));
  g_return_if_fail (data != NULL);

  ld_map_chart_data_init (data);
  data->items = (const LdMapChartItem *) self->items->data;
  data->n_items = self->items->len;
  data->total = self->total;
  data->selected = (const char *const *) self->selected;
  data->base_map = self->base_map;
  data->fit_world = FALSE;
  get_view (self, &data->view);
}

static GdkTexture *
paint_countries (LdMapLayer         *self,
                 const LdChartTheme *theme,
                 int                 width,
                 int                 height,
                 int                 scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  LdMapChartData data;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();
  GdkTexture *texture;
  guint projections = ld_map_chart_cache_get_n_projections (self->chart_cache);
  int stride;

  ld_map_layer_get_chart_data (self, &data);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ld_map_chart_cache_draw_countries (self->chart_cache, cr, width, height, scale, &data, theme);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                    bytes, stride);

  /* A repaint at the same view (new colours) is quick whatever a new view costs:
   * whether to repaint while the map moves goes by the paints that projected. */
  if (ld_map_chart_cache_get_n_projections (self->chart_cache) != projections)
    self->paint_us = g_get_monotonic_time () - start;

  return texture;
}

static gboolean
settle_cb (gpointer user_data)
{
  LdMapLayer *self = user_data;

  self->settle_id = 0;
  self->cache_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* Where the cached texture lands in the current view: scaled by @k about
 * the widget's origin, then moved by (@tx, @ty). */
static void
cache_transform (LdMapLayer           *self,
                 const LdMapChartView *view,
                 double                width,
                 double                height,
                 double               *k,
                 double               *tx,
                 double               *ty)
{
  double c0x, c0y, c1x, c1y, dx, dy, s1;

  ld_map_chart_project (self->cache_view.lon, self->cache_view.lat, &c0x, &c0y);
  ld_map_chart_project (view->lon, view->lat, &c1x, &c1y);
  s1 = LD_MAP_CHART_TILE_SIZE * exp2 (view->zoom);
  *k = exp2 (view->zoom - self->cache_view.zoom);

  /* Across the antimeridian the shorter way round is the real move. */
  dx = c0x - c1x;
  dx -= round (dx);
  dx *= s1;
  dy = (c0y - c1y) * s1;

  *tx = (1 - *k) * width / 2 + cos (view->rotation) * dx - sin (view->rotation) * dy;
  *ty = (1 - *k) * height / 2 + sin (view->rotation) * dx + cos (view->rotation) * dy;
}

static void
ld_map_layer_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LdMapLayer *self = LD_MAP_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  LdChartTheme theme;
  LdMapChartData data;
  LdMapChartView view;
  gboolean same_frame, same_view;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ld_chart_theme_init_for_widget (&theme, widget);
  get_view (self, &view);

  same_frame = self->cache != NULL && !self->cache_dirty
               && self->cache_width == width && self->cache_height == height
               && self->cache_scale == scale
               && self->cache_view.rotation == view.rotation
               && memcmp (&self->cache_theme, &theme, sizeof theme) == 0;
  same_view = same_frame && memcmp (&self->cache_view, &view, sizeof view) == 0;

  if (!same_view && (!same_frame || self->paint_us < QUICK_PAINT_US))
    {
      g_clear_object (&self->cache);
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->cache = paint_countries (self, &theme, width, height, scale);
      self->cache_view = view;
      self->cache_width = width;
      self->cache_height = height;
      self->cache_scale = scale;
      self->cache_theme = theme;
      self->cache_dirty = FALSE;
      same_view = TRUE;
    }

  if (same_view)
    gtk_snapshot_append_texture (snapshot, self->cache, &GRAPHENE_RECT_INIT (0, 0, width, height));
  else
    {
      double k, tx, ty;

      /* Moving: show the last paint where it now belongs, over the sea. */
      if (self->base_map)
        {
          LdChartColor sea;

          ld_map_chart_get_sea_color (&theme, &sea);
          gtk_snapshot_append_color (snapshot, &(GdkRGBA) { sea.r, sea.g, sea.b, 1 },
                                     &GRAPHENE_RECT_INIT (0, 0, width, height));
        }
      cache_transform (self, &view, width, height, &k, &tx, &ty);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tx, ty));
      gtk_snapshot_scale (snapshot, k, k);
      gtk_snapshot_append_texture (snapshot, self->cache, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gtk_snapshot_restore (snapshot);

      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
    }

  ld_map_layer_get_chart_data (self, &data);
  data.hover = self->hover;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ld_map_chart_draw_parts (cr, width, height, &data, &theme,
                           LD_MAP_CHART_PART_HOVER | LD_MAP_CHART_PART_LEGEND);
  cairo_destroy (cr);
}

const char *
ld_map_layer_country_at (LdMapLayer *self,
                         double      x,
                         double      y)
{
  LdChartTheme theme;
  LdMapChartData data;

  g_return_val_if_fail (LD_IS_MAP_LAYER (self), NULL);

  ld_chart_theme_init_for_widget (&theme, GTK_WIDGET (self));
  ld_map_layer_get_chart_data (self, &data);

  return ld_map_chart_country_at (&data, &theme,
                                  gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self)),
                                  x, y);
}

const char *
ld_map_layer_get_hover (LdMapLayer *self)
{
  g_return_val_if_fail (LD_IS_MAP_LAYER (self), NULL);

  return self->hover;
}

static void
set_hover (LdMapLayer *self,
           const char *code)
{
  if (g_strcmp0 (self->hover, code) == 0)
    return;

  /* Codes from ld_map_chart_country_at() are static. */
  self->hover = (char *) code;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           LdMapLayer               *self)
{
  set_hover (self, ld_map_layer_country_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *motion,
          LdMapLayer               *self)
{
  set_hover (self, NULL);
}

/* libshumate zooms on a double click whatever ShumateMap:zoom-on-double-click
 * says (1.0 to 1.4 never read it). A double click here is two clicks on a
 * country, so the layer claims the second press: it stops there, the map's
 * own click gesture never sees it. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LdMapLayer      *self)
{
  self->clicking = TRUE;
  self->press_x = x;
  self->press_y = y;
  if (n_press > 1)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The pointer went further than the drag threshold: the press is a drag,
 * which pans the map, and stays one if it comes back. GtkGestureClick cannot
 * tell us: GTK 4.8 still emits ::released at the end of a drag, and its
 * ::stopped also comes when a press is merely held longer than a double
 * click takes, which is still a click. */
static void
update_cb (GtkGesture       *gesture,
           GdkEventSequence *sequence,
           LdMapLayer       *self)
{
  double x, y;

  if (self->clicking && gtk_gesture_get_point (gesture, sequence, &x, &y)
      && gtk_drag_check_threshold (GTK_WIDGET (self), self->press_x, self->press_y, x, y))
    self->clicking = FALSE;
}

/* Another widget claimed the press (a touch gesture, a grab). */
static void
cancel_cb (GtkGesture       *gesture,
           GdkEventSequence *sequence,
           LdMapLayer       *self)
{
  self->clicking = FALSE;
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             LdMapLayer      *self)
{
  const char *code;
  gboolean clicking = self->clicking;

  self->clicking = FALSE;
  if (n_press != 1 || !clicking
      || gtk_drag_check_threshold (GTK_WIDGET (self), self->press_x, self->press_y, x, y))
    return;

  code = ld_map_layer_country_at (self, x, y);
  if (code != NULL)
    g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, code);
}

/* ShumateLayer answers FALSE here, so that markers' layers let the pointer
 * through to the layers under them: GTK then never picks a layer, and its
 * controllers and tooltip never see a real pointer — the ShumateMap gets it
 * all. Our layer covers the whole map, so it is the target everywhere; the
 * map still pans, as the events bubble up from the layer to its gestures. */
static gboolean
ld_map_layer_contains (GtkWidget *widget,
                       double     x,
                       double     y)
{
  return x >= 0 && y >= 0
         && x < gtk_widget_get_width (widget) && y < gtk_widget_get_height (widget);
}

static gboolean
ld_map_layer_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  LdMapLayer *self = LD_MAP_LAYER (widget);
  g_autofree char *summary = NULL;
  LdMapChartData data;
  const char *code;

  if (keyboard_mode)
    return FALSE;

  code = ld_map_layer_country_at (self, x, y);
  if (code == NULL)
    return FALSE;

  ld_map_layer_get_chart_data (self, &data);
  summary = ld_map_chart_get_country_summary (&data, code);
  gtk_tooltip_set_text (tooltip, summary);

  return TRUE;
}

static void
viewport_notify_cb (LdMapLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ld_map_layer_constructed (GObject *object)
{
  LdMapLayer *self = LD_MAP_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (ld_map_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
ld_map_layer_dispose (GObject *object)
{
  LdMapLayer *self = LD_MAP_LAYER (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (ld_map_layer_parent_class)->dispose (object);
}

static void
ld_map_layer_finalize (GObject *object)
{
  LdMapLayer *self = LD_MAP_LAYER (object);

  g_clear_pointer (&self->chart_cache, ld_map_chart_cache_free);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->selected, g_strfreev);

  G_OBJECT_CLASS (ld_map_layer_parent_class)->finalize (object);
}

static void
ld_map_layer_class_init (LdMapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ld_map_layer_constructed;
  object_class->dispose = ld_map_layer_dispose;
  object_class->finalize = ld_map_layer_finalize;

  widget_class->snapshot = ld_map_layer_snapshot;
  widget_class->query_tooltip = ld_map_layer_query_tooltip;
  widget_class->contains = ld_map_layer_contains;

  /**
   * LdMapLayer::country-activated:
   * @code: the ISO 3166-1 alpha-2 code of the country clicked
   *
   * The card toggles the country in the Country/region filter.
   */
  signals[COUNTRY_ACTIVATED] =
    g_signal_new ("country-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ld_map_layer_init (LdMapLayer *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->items = g_array_new (FALSE, TRUE, sizeof (LdMapChartItem));
  self->strings = g_string_chunk_new (256);
  self->chart_cache = ld_map_chart_cache_new ();
  self->base_map = TRUE;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  /* A press that turns into a drag pans the map (the ShumateMap's gestures
   * see the events as they bubble up), and toggles nothing. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (click, "update", G_CALLBACK (update_cb), self);
  g_signal_connect (click, "cancel", G_CALLBACK (cancel_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

LdMapLayer *
ld_map_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (LD_TYPE_MAP_LAYER, "viewport", viewport, NULL);
}

static void
data_changed (LdMapLayer *self)
{
  g_autofree char *description = NULL;
  LdMapChartData data;

  self->cache_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  ld_map_layer_get_chart_data (self, &data);
  description = ld_map_chart_get_text_alternative (&data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
ld_map_layer_set_items (LdMapLayer           *self,
                        const LdMapChartItem *items,
                        guint                 n_items,
                        guint64               total)
{
  g_return_if_fail (LD_IS_MAP_LAYER (self));
  g_return_if_fail (items != NULL || n_items == 0);

  g_array_set_size (self->items, 0);
  g_string_chunk_clear (self->strings);
  for (guint i = 0; i < n_items; i++)
    {
      LdMapChartItem item = items[i];

      item.code = item.code != NULL ? g_string_chunk_insert_const (self->strings, item.code) : NULL;
      item.name = item.name != NULL ? g_string_chunk_insert_const (self->strings, item.name) : NULL;
      g_array_append_val (self->items, item);
    }
  self->total = total;

  data_changed (self);
}

void
ld_map_layer_set_selected (LdMapLayer        *self,
                           const char *const *codes)
{
  g_return_if_fail (LD_IS_MAP_LAYER (self));

  if (self->selected != NULL && codes != NULL
      && g_strv_equal ((const char *const *) self->selected, codes))
    return;
  if (self->selected == NULL && (codes == NULL || codes[0] == NULL))
    return;

  g_clear_pointer (&self->selected, g_strfreev);
  if (codes != NULL && codes[0] != NULL)
    self->selected = g_strdupv ((char **) codes);

  data_changed (self);
}

void
ld_map_layer_set_base_map (LdMapLayer *self,
                           gboolean    base_map)
{
  g_return_if_fail (LD_IS_MAP_LAYER (self));

  base_map = !!base_map;
  if (self->base_map == base_map)
    return;

  self->base_map = base_map;
  self->cache_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
