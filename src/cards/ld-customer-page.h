/* ld-customer-page.h — one customer's own page, worked out without GTK
 *
 * Selecting a customer (a row of Analysis › Customers or of Adoption, or a value
 * of the Customer name filter) opens its page: the window's range and filters
 * restricted to that customer — its headline figures against the previous period,
 * its monthly trend, its offers and plans and its licence states — as card models
 * the page on screen shows and its exports draw: a PDF of the whole page, and its
 * tables as CSV files.
 *
 * A customer is one identity (SPEC §3: a tenant, or a name and a country) when
 * opened from a row; the Customer name filter lists names, so opened from there
 * the page is the name's — every customer under it, usually one. The window's
 * Customer name filter gives way to the page's customer; the other filters apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ld-card-model.h"

G_BEGIN_DECLS

/* The page's cards, in their order on screen and on paper. */
typedef enum
{
  LD_CUSTOMER_SECTION_OVERVIEW,  /* figures against the previous period: the summary table */
  LD_CUSTOMER_SECTION_TREND,     /* provisioned and assigned per month: licenses */
  LD_CUSTOMER_SECTION_PRODUCTS,  /* offers and plans: analysis-products */
  LD_CUSTOMER_SECTION_STATES,    /* licence states per month: states */
  LD_CUSTOMER_N_SECTIONS,
} LdCustomerSection;

typedef struct _LdCustomerPage LdCustomerPage;

/* The page of @customer (an id for ld_query_set_customer_only()) or, with
 * G_MAXUINT32, of every customer named @name ("" for those who share no name);
 * @name and @country_code (may be NULL) title it either way. Runs its own copy of
 * @query. */
LdCustomerPage *ld_customer_page_new          (LdQuery           *query,
                                               guint32            customer,
                                               const char        *name,
                                               const char        *country_code);
void            ld_customer_page_free         (LdCustomerPage    *self);

guint32         ld_customer_page_get_customer (LdCustomerPage    *self);
const char     *ld_customer_page_get_name     (LdCustomerPage    *self);
/* "Contoso", or "Name not shared". */
const char     *ld_customer_page_get_title    (LdCustomerPage    *self);
/* "Contoso (DE)": the title and the country's code, as captions name it. */
const char     *ld_customer_page_get_label    (LdCustomerPage    *self);
/* The restricted query and its figures. */
LdQuery        *ld_customer_page_get_query    (LdCustomerPage    *self);
LdResult       *ld_customer_page_get_result   (LdCustomerPage    *self);

/* The SPEC §5 table of @section. */
LdWidgetId      ld_customer_section_get_widget (LdCustomerSection section);
/* What @section's card shows (ld_card_model_new_for_customer()). */
LdCardModel    *ld_customer_page_create_model (LdCustomerPage    *self,
                                               LdCustomerSection  section);

/* "contoso": the customer's name as a file name's stem, "customer" when it has none. */
char           *ld_customer_page_get_file_stem (LdCustomerPage   *self);

/* The whole page as a PDF report (every section under a heading naming the
 * customer, the file, the range and the filters). */
GBytes         *ld_customer_page_pdf          (LdCustomerPage    *self,
                                               GError           **error);
/* Writes the page's tables into @folder as "<stem>-summary.csv", "-licenses",
 * "-analysis-products", "-states" and "-data" (the customer's rows), each saved
 * atomically; returns the names written (NULL-terminated) or NULL with @error. */
char          **ld_customer_page_save_tables  (LdCustomerPage    *self,
                                               GFile             *folder,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdCustomerPage, ld_customer_page_free)

G_END_DECLS
