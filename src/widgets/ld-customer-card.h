/* ld-customer-card.h — one card of a customer's page
 *
 * Shows one section of an LdCustomerPage (ld-customer-page.h): its figures, its
 * charts and, for the offers and plans, their table. Its menu is every card's (Copy
 * Image, Save Data as CSV, Save as PDF, Print) over the customer's own figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"
#include "ld-customer-page.h"

G_BEGIN_DECLS

#define LD_TYPE_CUSTOMER_CARD (ld_customer_card_get_type ())
G_DECLARE_FINAL_TYPE (LdCustomerCard, ld_customer_card, LD, CUSTOMER_CARD, LdCard)

GtkWidget *ld_customer_card_new      (LdCustomerSection  section);

/* Shows @page's section; NULL empties the card. The page must outlive the card's
 * next update. */
void       ld_customer_card_set_page (LdCustomerCard    *self,
                                      LdCustomerPage    *page);

/* For tests: the products table (NULL but for the offers and plans). */
GtkWidget *ld_customer_card_get_table (LdCustomerCard   *self);

G_END_DECLS
