/* ld-adoption-card.h — who holds licences nobody uses (SPEC §4.5)
 *
 * The headline (unassigned licences, the customers holding them, the assignment
 * rate, each against the previous period), the customers with the most unassigned
 * licences as ranked bars, and every customer in a table ranked the same way.
 * Enter on a row, or its button, opens the customer's page (win.show-customer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"

G_BEGIN_DECLS

#define LD_TYPE_ADOPTION_CARD (ld_adoption_card_get_type ())
G_DECLARE_FINAL_TYPE (LdAdoptionCard, ld_adoption_card, LD, ADOPTION_CARD, LdCard)

GtkWidget *ld_adoption_card_new (void);

G_END_DECLS
