/* ld-map-source.h — map tiles painted from our own country shapes
 *
 * The offline map's reference source: it gives the ShumateViewport its
 * projection and zoom range without any network, and paints sea and land
 * tiles locally when asked, so nothing about the offline map needs a server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "ld-chart-theme.h"

G_BEGIN_DECLS

#define LD_MAP_SOURCE_ID "license-dashboard-offline"
#define LD_MAP_SOURCE_MAX_ZOOM 7

#define LD_TYPE_MAP_SOURCE (ld_map_source_get_type ())
G_DECLARE_FINAL_TYPE (LdMapSource, ld_map_source, LD, MAP_SOURCE, ShumateMapSource)

LdMapSource *ld_map_source_new       (void);

/* The colours tiles are painted with from now on. */
void         ld_map_source_set_theme (LdMapSource        *self,
                                      const LdChartTheme *theme);

G_END_DECLS
