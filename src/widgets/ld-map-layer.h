/* ld-map-layer.h — the countries, shaded by provisioned licences, as a ShumateLayer
 *
 * Paints through ld_map_chart_draw_parts() at the ShumateViewport's centre and
 * zoom, so it follows every pan and zoom and matches the exported map. Hover
 * shows the country's figures in a tooltip; a click emits ::country-activated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "ld-map-chart.h"

G_BEGIN_DECLS

#define LD_TYPE_MAP_LAYER (ld_map_layer_get_type ())
G_DECLARE_FINAL_TYPE (LdMapLayer, ld_map_layer, LD, MAP_LAYER, ShumateLayer)

LdMapLayer *ld_map_layer_new          (ShumateViewport      *viewport);

/* Copies @items and their strings. @total: shares are of this; 0 sums them. */
void        ld_map_layer_set_items    (LdMapLayer           *self,
                                       const LdMapChartItem *items,
                                       guint                 n_items,
                                       guint64               total);
/* Codes outlined as the Country/region filter's selection; NULL for none. */
void        ld_map_layer_set_selected (LdMapLayer           *self,
                                       const char *const    *codes);
/* FALSE over online map tiles: no sea or land of our own, only the data. */
void        ld_map_layer_set_base_map (LdMapLayer           *self,
                                       gboolean              base_map);

/* The chart data the layer paints, its view the viewport's, for an export
 * that matches the screen. Borrowed: valid until the next setter call. */
void        ld_map_layer_get_chart_data (LdMapLayer         *self,
                                         LdMapChartData     *data);

/* The country under (@x, @y) in the layer's coordinates, or NULL. */
const char *ld_map_layer_country_at   (LdMapLayer           *self,
                                       double                x,
                                       double                y);
const char *ld_map_layer_get_hover    (LdMapLayer           *self);

G_END_DECLS
