/* ld-customer-view.h — a customer's own page in the window
 *
 * A Back button, the customer's name and what its figures count, and the cards of
 * its LdCustomerPage: the overview against the previous period, its monthly trend,
 * its licence states and its offers and plans. Each card has every card's menu; the
 * page's own menu saves the whole page as a PDF and its tables as CSV files. The
 * window asks it to show a customer and to follow the window's range and filters;
 * Back (and Escape, the window's binding) activates win.close-customer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-customer-page.h"
#include "ld-query.h"

G_BEGIN_DECLS

#define LD_TYPE_CUSTOMER_VIEW (ld_customer_view_get_type ())
G_DECLARE_FINAL_TYPE (LdCustomerView, ld_customer_view, LD, CUSTOMER_VIEW, GtkWidget)

GtkWidget      *ld_customer_view_new      (void);

/* Shows @customer (an id, or G_MAXUINT32 for every customer named @name) counted
 * by @query's range and filters. */
void            ld_customer_view_show     (LdCustomerView *self,
                                           LdQuery        *query,
                                           guint32         customer,
                                           const char     *name,
                                           const char     *country_code);
/* Counts the customer shown again with @query (the window's changed); NULL, or no
 * customer shown, empties the page. */
void            ld_customer_view_update   (LdCustomerView *self,
                                           LdQuery        *query);
void            ld_customer_view_clear    (LdCustomerView *self);

/* The page shown, or NULL. */
LdCustomerPage *ld_customer_view_get_page (LdCustomerView *self);
/* Moves the keyboard focus to the Back button, as a page just opened does. */
gboolean        ld_customer_view_focus    (LdCustomerView *self);

/* The page's exports, also for tests: its PDF, and its tables into @folder. */
gboolean        ld_customer_view_save_pdf    (LdCustomerView *self,
                                              GFile          *file,
                                              GError        **error);
gboolean        ld_customer_view_save_tables (LdCustomerView *self,
                                              GFile          *folder,
                                              GError        **error);

/* For tests: the card of @section. */
GtkWidget      *ld_customer_view_get_card (LdCustomerView    *self,
                                           LdCustomerSection  section);

G_END_DECLS
