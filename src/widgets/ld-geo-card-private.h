/* ld-geo-card-private.h — what the tests see inside the Geographical spread card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-geo-card.h"

G_BEGIN_DECLS

GtkWidget  *ld_geo_card_get_map  (LdGeoCard *self);
GListModel *ld_geo_card_get_rows (LdGeoCard *self);

G_END_DECLS
