/* ld-trend-card-private.h — what the tests see inside a trend card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-trend-card.h"

G_BEGIN_DECLS

/* The card's chart view. */
GtkWidget *ld_trend_card_get_chart (LdTrendCard *self);

G_END_DECLS
