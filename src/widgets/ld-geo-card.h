/* ld-geo-card.h — provisioned licences by country: a world map and a ranked table
 *
 * The map is an LdMapView (libshumate with our own country layer, complete offline);
 * clicking a country toggles it in the Country/region filter, selecting a table row
 * centres the map on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"

G_BEGIN_DECLS

#define LD_TYPE_GEO_CARD (ld_geo_card_get_type ())
G_DECLARE_FINAL_TYPE (LdGeoCard, ld_geo_card, LD, GEO_CARD, LdCard)

GtkWidget *ld_geo_card_new              (void);

/* Draws OpenStreetMap tiles under the countries (the preference). */
void       ld_geo_card_set_online_tiles (LdGeoCard *self,
                                         gboolean   online);

G_END_DECLS
