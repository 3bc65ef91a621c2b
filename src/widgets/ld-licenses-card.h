/* ld-licenses-card.h — provisioned and assigned licences and the assignment rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"

G_BEGIN_DECLS

#define LD_TYPE_LICENSES_CARD (ld_licenses_card_get_type ())
G_DECLARE_FINAL_TYPE (LdLicensesCard, ld_licenses_card, LD, LICENSES_CARD, LdCard)

GtkWidget *ld_licenses_card_new (void);

/* The card's chart, for tests. */
GtkWidget *ld_licenses_card_get_chart (LdLicensesCard *self);

G_END_DECLS
