/* ld-geo-card.h — provisioned licences by country: ranked bars and a table
 *
 * Until the map lands, the card shows the top ten countries as horizontal bars
 * (the rest as "Others") beside the full ranked table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"

G_BEGIN_DECLS

#define LD_TYPE_GEO_CARD (ld_geo_card_get_type ())
G_DECLARE_FINAL_TYPE (LdGeoCard, ld_geo_card, LD, GEO_CARD, LdCard)

GtkWidget *ld_geo_card_new (void);

/* For tests. */
GtkWidget  *ld_geo_card_get_map   (LdGeoCard *self);
GListModel *ld_geo_card_get_rows  (LdGeoCard *self);

G_END_DECLS
