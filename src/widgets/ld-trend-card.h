/* ld-trend-card.h — a card of headline figures over one monthly trend
 *
 * The Customers card (customers, new ones in the last month; new and cumulative
 * customers per month) and the Licenses card (provisioned, assigned, the assignment
 * rate; provisioned and assigned per month): the same card for two widget ids,
 * everything it shows coming from their view-models.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"

G_BEGIN_DECLS

#define LD_TYPE_TREND_CARD (ld_trend_card_get_type ())
G_DECLARE_FINAL_TYPE (LdTrendCard, ld_trend_card, LD, TREND_CARD, LdCard)

/* @widget: LD_WIDGET_CUSTOMERS, LD_WIDGET_LICENSES or LD_WIDGET_STATES (the License
 * states card: the leading states, provisioned licences per month stacked by state). */
GtkWidget *ld_trend_card_new (LdWidgetId widget);

G_END_DECLS
