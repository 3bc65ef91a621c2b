/* ld-customers-card.h — customers: how many, how many new, and the monthly trend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"

G_BEGIN_DECLS

#define LD_TYPE_CUSTOMERS_CARD (ld_customers_card_get_type ())
G_DECLARE_FINAL_TYPE (LdCustomersCard, ld_customers_card, LD, CUSTOMERS_CARD, LdCard)

GtkWidget *ld_customers_card_new (void);

/* The card's chart, for tests. */
GtkWidget *ld_customers_card_get_chart (LdCustomersCard *self);

G_END_DECLS
