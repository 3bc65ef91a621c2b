/* ld-describe.h — the words the dashboard uses for what it shows
 *
 * The window's title and filter line, every card's caption, the dashboard report's
 * heading and the tables' names say a range, the filters, the data and a row's name
 * in these words, so the screen and every export agree. Translated, numbers and
 * dates in the user's locale. All return new strings but the names, which are
 * static or borrowed from the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ld-query.h"
#include "ld-report.h"
#include "ld-result.h"

G_BEGIN_DECLS

/* "Jun 2026 – Nov 2026", "Jun 2026" for one month; "No data" for an empty range. */
char       *ld_describe_range        (int                  from_month,
                                      int                  to_month);
/* "Country/region: DE, AT · License state: Active"; "" without filters. At most
 * @max_values values a filter (0: all of them), then "and N more": the window's
 * line is short, a printed report lists everything. */
char       *ld_describe_filters      (LdQuery             *query,
                                      guint                max_values);
/* The title of a filter in the sidebar: "Offer name", "Country/region". */
const char *ld_describe_filter_title (LdDimension          dim);
/* "Data through 27 Nov 2026 · 123,456 rows", or "No rows". */
char       *ld_describe_data         (LdReport            *report);

/* How a row is named: "Unknown" for a blank offer or country, "Name not shared"
 * for a customer who does not share it, a country by its name in the user's
 * language. Sets *@placeholder (may be NULL) when the name stands for a blank. */
const char *ld_describe_product      (const LdProductRow  *row,
                                      gboolean            *placeholder);
const char *ld_describe_customer     (const LdCustomerRow *row,
                                      gboolean            *placeholder);
const char *ld_describe_country      (const LdCountryRow  *row,
                                      gboolean            *placeholder);
/* An adoption row's customer, as ld_describe_customer() names it. */
const char *ld_describe_adoption     (const LdAdoptionRow *row,
                                      gboolean            *placeholder);
/* A licence state: "Not stated" for a blank LicenseState. */
const char *ld_describe_state        (const char          *state,
                                      gboolean            *placeholder);
/* An offer and its plan on a chart: "Sales Hub · Gold". */
char       *ld_describe_product_plan (const LdProductRow  *row);

G_END_DECLS
