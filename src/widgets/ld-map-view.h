/* ld-map-view.h — the Geographical spread card's world map
 *
 * A ShumateMap carrying an LdMapLayer (countries shaded by provisioned
 * licences, hover tooltips, click to filter) and a reset-view button. The
 * view is one focusable widget: arrows pan, + and − zoom, Home resets. Offline
 * by default: the viewport's reference source is LdMapSource and no network
 * tile source exists at all; online tiles (OpenStreetMap through libshumate's
 * registry) are an option drawn under our countries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "ld-map-chart.h"
#include "ld-map-layer.h"

G_BEGIN_DECLS

#define LD_TYPE_MAP_VIEW (ld_map_view_get_type ())
G_DECLARE_FINAL_TYPE (LdMapView, ld_map_view, LD, MAP_VIEW, GtkWidget)

GtkWidget  *ld_map_view_new              (void);

/* Copies @items (countries and their figures, in any order); @total: shares
 * are of this, 0 sums the items. */
void        ld_map_view_set_data         (LdMapView            *self,
                                          const LdMapChartItem *items,
                                          guint                 n_items,
                                          guint64               total);
/* The Country/region filter's codes, outlined on the map; NULL for none. */
void        ld_map_view_set_selected     (LdMapView            *self,
                                          const char *const    *codes);

/* Centres on the country (its largest part) and zooms to it, animated unless
 * animations are off. FALSE when the map has no shape for @alpha2. */
gboolean    ld_map_view_center_on        (LdMapView            *self,
                                          const char           *alpha2);
/* Back to the whole world, as the reset button does. */
void        ld_map_view_reset            (LdMapView            *self);
/* What the keys do while the view has the focus: moves the centre by
 * @dx, @dy of the map's width and height (arrows: ±1/8), and zooms by whole
 * levels about the centre (+ and −: ±1, animated unless animations are off). */
void        ld_map_view_pan              (LdMapView            *self,
                                          double                dx,
                                          double                dy);
void        ld_map_view_zoom             (LdMapView            *self,
                                          int                   steps);

/* OpenStreetMap tiles under the countries; off by default, and off means no
 * network source exists. Sets libshumate's user agent to "LicenseDashboard/<version>". */
void        ld_map_view_set_online_tiles (LdMapView            *self,
                                          gboolean              online);
gboolean    ld_map_view_get_online_tiles (LdMapView            *self);

/* What an export should paint to match the screen: the items, selection and,
 * unless the user moved the map, fit_world (else the viewport's view).
 * Borrowed: valid until the next setter call. */
void        ld_map_view_get_chart_data   (LdMapView            *self,
                                          LdMapChartData       *data);

ShumateMap *ld_map_view_get_map          (LdMapView            *self);
LdMapLayer *ld_map_view_get_layer        (LdMapView            *self);

G_END_DECLS
