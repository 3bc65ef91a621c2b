/* ld-map-source.c — map tiles painted from our own country shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ld-map-chart.h"
#include "ld-map-source.h"

struct _LdMapSource
{
  ShumateMapSource parent_instance;

  LdChartTheme theme;
};

G_DEFINE_FINAL_TYPE (LdMapSource, ld_map_source, SHUMATE_TYPE_MAP_SOURCE)

static GdkTexture *
paint_tile (LdMapSource *self,
            guint        x,
            guint        y,
            guint        zoom,
            guint        size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  LdMapChartData data;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  double n = exp2 (zoom);

  /* The tile's centre, at the zoom it belongs to, is all the chart needs. */
  ld_map_chart_data_init (&data);
  data.fit_world = FALSE;
  data.show_legend = FALSE;
  data.view.zoom = zoom + log2 (size / LD_MAP_CHART_TILE_SIZE);
  ld_map_chart_unproject ((x + 0.5) / n, (y + 0.5) / n, &data.view.lon, &data.view.lat);
  ld_map_chart_draw (cr, size, size, &data, &self->theme);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * size,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));

  return texture;
}

static void
ld_map_source_fill_tile_async (ShumateMapSource    *source,
                               ShumateTile         *tile,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LdMapSource *self = LD_MAP_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GdkTexture) texture = NULL;

  g_task_set_source_tag (task, ld_map_source_fill_tile_async);

  /* A tile costs a few milliseconds at most; painting it here keeps the
   * shapes' (unlocked) cache on the main thread. */
  texture = paint_tile (self,
                        shumate_tile_get_x (tile),
                        shumate_tile_get_y (tile),
                        shumate_tile_get_zoom_level (tile),
                        shumate_tile_get_size (tile));
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);

  g_task_return_boolean (task, TRUE);
}

static gboolean
ld_map_source_fill_tile_finish (ShumateMapSource  *source,
                                GAsyncResult      *result,
                                GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ld_map_source_constructed (GObject *object)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (object);

  G_OBJECT_CLASS (ld_map_source_parent_class)->constructed (object);

  /* Here, not in init: they are construct properties, which g_object_new()
   * sets to their defaults after init has run. */

  shumate_map_source_set_id (source, LD_MAP_SOURCE_ID);
  shumate_map_source_set_name (source, _("Country shapes"));
  shumate_map_source_set_license (source, _("Made with Natural Earth"));
  shumate_map_source_set_license_uri (source, "https://www.naturalearthdata.com/");
  shumate_map_source_set_min_zoom_level (source, 0);
  shumate_map_source_set_max_zoom_level (source, LD_MAP_SOURCE_MAX_ZOOM);
  shumate_map_source_set_tile_size (source, (guint) LD_MAP_CHART_TILE_SIZE);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
}

static void
ld_map_source_init (LdMapSource *self)
{
  ld_chart_theme_init (&self->theme, FALSE, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
}

static void
ld_map_source_class_init (LdMapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->constructed = ld_map_source_constructed;

  source_class->fill_tile_async = ld_map_source_fill_tile_async;
  source_class->fill_tile_finish = ld_map_source_fill_tile_finish;
}

LdMapSource *
ld_map_source_new (void)
{
  return g_object_new (LD_TYPE_MAP_SOURCE, NULL);
}

void
ld_map_source_set_theme (LdMapSource        *self,
                         const LdChartTheme *theme)
{
  g_return_if_fail (LD_IS_MAP_SOURCE (self));
  g_return_if_fail (theme != NULL);

  self->theme = *theme;
}
