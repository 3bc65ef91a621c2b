/* ld-adoption-card-private.h — what the tests see inside the Adoption card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-adoption-card.h"

G_BEGIN_DECLS

GtkWidget          *ld_adoption_card_get_bar_chart (LdAdoptionCard *self);
/* The table and its selection (over the adoption rows, in their order unless sorted). */
GtkWidget          *ld_adoption_card_get_table     (LdAdoptionCard *self);
GtkSingleSelection *ld_adoption_card_get_selection (LdAdoptionCard *self);

G_END_DECLS
