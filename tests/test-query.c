/* test-query.c — the column store and the query engine against figures worked by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ld-dict.h"
#include "ld-query.h"
#include "ld-report-builder.h"
#include "ld-report-private.h"
#include "ld-table.h"

/* ---- the fixture ----------------------------------------------------------------
 *
 * Customers (identity = name + country code, no Tenant ID column):
 *   C1 Contoso/US   C2 Fabrikam/DE   C3 ""/US (name not shared)   C4 Northwind/US
 *   C5 Contoso/DE (same name as C1, another customer)
 * Offers: Alpha (P-A, "Dynamics 365") with plans Basic, Pro;
 *         Beta  (P-B, "Power BI visual") with plans Basic, Enterprise.
 *         "Basic" is one plan name shared by both offers.
 * Months: 2025-01, 2025-02, (none in 2025-03), 2025-04, 2025-05.
 */
typedef struct {
  const char *date;
  const char *customer;
  const char *code;
  char        offer;     /* 'A' or 'B' */
  const char *plan;
  const char *state;
  guint32     assigned;
  guint32     provisioned;
} FixtureRow;

static const FixtureRow fixture[] = {
  /*  1 */ { "2025-02-10", "Contoso",   "US", 'A', "Basic",      "Active",   5, 10 },
  /*  2 */ { "2025-01-05", "Fabrikam",  "DE", 'A', "Pro",        "Active",   3,  4 },
  /*  3 */ { "2025-01-20", "Contoso",   "US", 'A', "Basic",      "Active",   2,  2 },
  /*  4 */ { "2025-04-01", "",          "US", 'B', "Basic",      "Active",   0,  6 },
  /*  5 */ { "2025-05-15", "Northwind", "US", 'B', "Enterprise", "Inactive", 1,  1 },
  /*  6 */ { "2025-02-28", "Fabrikam",  "DE", 'B', "Basic",      "Active",   2,  3 },
  /*  7 */ { "2025-05-01", "Contoso",   "US", 'B', "Enterprise", "Active",   7,  8 },
  /*  8 */ { "2025-04-30", "Contoso",   "DE", 'A', "Pro",        "Inactive", 0,  2 },
  /*  9 */ { "2025-01-31", "Northwind", "US", 'A', "Basic",      "Active",   1,  1 },
  /* 10 */ { "2025-05-31", "Fabrikam",  "DE", 'A', "Pro",        "Active",   4,  4 },
  /* 11 */ { "2025-02-01", "",          "US", 'A', "Basic",      "Inactive", 0,  0 },
  /* 12 */ { "2025-04-15", "Northwind", "US", 'A', "Pro",        "Active",   2,  5 },
  /* 13 */ { "2025-05-20", "",          "US", 'B', "Enterprise", "Active",   3,  3 },
  /* 14 */ { "2025-01-10", "Contoso",   "US", 'A', "Pro",        "Active",   1,  2 },
  /* 15 */ { "2025-02-14", "Contoso",   "DE", 'A', "Basic",      "Active",   2,  2 },
  /* 16 */ { "2025-04-02", "Fabrikam",  "DE", 'B', "Enterprise", "Inactive", 0,  5 },
  /* 17 */ { "2025-05-05", "Northwind", "US", 'B', "Basic",      "Active",   6,  6 },
  /* 18 */ { "2025-02-20", "Contoso",   "US", 'B', "Basic",      "Active",   1,  1 },
  /* 19 */ { "2025-01-15", "",          "US", 'A', "Pro",        "Active",   2,  2 },
  /* 20 */ { "2025-05-25", "Contoso",   "US", 'A', "Basic",      "Inactive", 1,  4 },
};

/* Worked by hand, per month (rows by number; customer; group; assigned/provisioned):
 *
 * Jan: 2 C2 A-Pro 3/4, 3 C1 A-Basic 2/2, 9 C4 A-Basic 1/1, 14 C1 A-Pro 1/2, 19 C3 A-Pro 2/2
 *      provisioned 4+2+1+2+2 = 11, assigned 3+2+1+1+2 = 9; customers C1 C2 C3 C4 = 4
 * Feb: 1 C1 A-Basic 5/10, 6 C2 B-Basic 2/3, 11 C3 A-Basic 0/0, 15 C5 A-Basic 2/2,
 *      18 C1 B-Basic 1/1
 *      provisioned 10+3+0+2+1 = 16, assigned 5+2+0+2+1 = 10; customers C1 C2 C3 C5 = 4
 *      (new to a range starting in Jan: C5 only → cumulative 5)
 * Mar: nothing
 * Apr: 4 C3 B-Basic 0/6, 8 C5 A-Pro 0/2, 12 C4 A-Pro 2/5, 16 C2 B-Ent 0/5
 *      provisioned 6+2+5+5 = 18, assigned 2; customers C2 C3 C4 C5 = 4
 * May: 5 C4 B-Ent 1/1, 7 C1 B-Ent 7/8, 10 C2 A-Pro 4/4, 13 C3 B-Ent 3/3,
 *      17 C4 B-Basic 6/6, 20 C1 A-Basic 1/4
 *      provisioned 1+8+4+3+6+4 = 26, assigned 1+7+4+3+6+1 = 22; customers C1 C2 C3 C4 = 4
 *
 * Whole file: 20 rows, provisioned 11+16+18+26 = 71, assigned 9+10+2+22 = 43,
 * 5 customers; assignment rate 4300/71 = 60.563… → 6056 hundredths.
 *
 * First month of each customer (no filter): C1 C2 C3 C4 Jan, C5 Feb. So, unfiltered,
 * new customers are Jan 4 (C1–C4), Feb 1 (C5) and none after, whatever the range:
 *   active     Jan 4, Feb 4, Mar 0, Apr 4, May 4
 *   new        Jan 4, Feb 1, Mar 0, Apr 0, May 0
 *   returning  Jan 0, Feb 3, Mar 0, Apr 4, May 4
 */

static guint32
parse_date (const char *text)
{
  return (guint32) (g_ascii_strtoull (text, NULL, 10) * 10000
                    + g_ascii_strtoull (text + 5, NULL, 10) * 100
                    + g_ascii_strtoull (text + 8, NULL, 10));
}

static const char *const fixture_names[] = {
  "CustomerCountry", "CustomerCountryCode", "CustomerName", "ActivationDate",
  "ProductDisplayName", "ProductId", "PlanName", "ServiceId", "LicenseState",
  "LicensesAssigned", "LicensesProvisioned", "OfferType",
};
static const LdField fixture_fields[] = {
  LD_FIELD_CUSTOMER_COUNTRY, LD_FIELD_CUSTOMER_COUNTRY_CODE, LD_FIELD_CUSTOMER_NAME,
  LD_FIELD_ACTIVATION_DATE, LD_FIELD_PRODUCT_DISPLAY_NAME, LD_FIELD_PRODUCT_ID,
  LD_FIELD_PLAN_NAME, LD_FIELD_SERVICE_ID, LD_FIELD_LICENSE_STATE,
  LD_FIELD_LICENSES_ASSIGNED, LD_FIELD_LICENSES_PROVISIONED, LD_FIELD_OFFER_TYPE,
};

static void
add_cells (LdReportBuilder   *builder,
           const char *const *cells,
           guint              n,
           guint32            date,
           gboolean           slash,
           guint32            assigned,
           guint32            provisioned)
{
  gsize lens[16];

  g_assert_cmpuint (n, <=, G_N_ELEMENTS (lens));
  for (guint i = 0; i < n; i++)
    lens[i] = strlen (cells[i]);
  ld_report_builder_add_row (builder, cells, lens, date, slash, assigned, provisioned);
}

static LdReport *
build_fixture (void)
{
  LdReportBuilder *builder = ld_report_builder_new (G_N_ELEMENTS (fixture_names),
                                                    fixture_names, fixture_fields);

  for (guint i = 0; i < G_N_ELEMENTS (fixture); i++)
    {
      const FixtureRow *f = &fixture[i];
      gboolean alpha = f->offer == 'A';
      g_autofree char *service = g_strdup_printf ("%s.%s", alpha ? "Alpha" : "Beta", f->plan);
      g_autofree char *count_a = g_strdup_printf ("%u", f->assigned);
      g_autofree char *count_p = g_strdup_printf ("%u", f->provisioned);
      const char *cells[] = {
        strcmp (f->code, "US") == 0 ? "United States" : "Germany",
        f->code, f->customer, f->date,
        alpha ? "Alpha" : "Beta", alpha ? "P-A" : "P-B",
        f->plan, service, f->state, count_a, count_p,
        alpha ? "Dynamics 365" : "Power BI visual",
      };

      add_cells (builder, cells, G_N_ELEMENTS (cells), parse_date (f->date), FALSE,
                 f->assigned, f->provisioned);
    }

  return ld_report_builder_finish (builder, "fixture.csv", NULL, ',', LD_ENCODING_UTF8, FALSE);
}

static void
assert_series (const guint64 *got,
               const guint64 *expected,
               guint          n)
{
  for (guint i = 0; i < n; i++)
    if (got[i] != expected[i])
      g_error ("series index %u: got %" G_GUINT64_FORMAT ", expected %" G_GUINT64_FORMAT,
               i, got[i], expected[i]);
}

typedef struct {
  const char *value;
  guint64     provisioned;
  gboolean    selected;
  gboolean    present;
} FacetExpect;

static void
assert_facet (LdResult          *result,
              LdDimension        dim,
              const FacetExpect *expected,
              guint              n_expected)
{
  guint n;
  const LdFacetOption *options = ld_result_get_facet (result, dim, &n);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (options[i].value, ==, expected[i].value);
      g_assert_cmpuint (options[i].provisioned, ==, expected[i].provisioned);
      g_assert_cmpint (options[i].selected, ==, expected[i].selected);
      g_assert_cmpint (options[i].present, ==, expected[i].present);
    }
}

/* ---- tests ---------------------------------------------------------------------- */

static void
test_dict (void)
{
  g_autoptr (LdDict) dict = ld_dict_new ();
  char buf[32];

  g_assert_cmpuint (ld_dict_size (dict), ==, 1);
  g_assert_cmpstr (ld_dict_get (dict, 0), ==, "");
  g_assert_cmpuint (ld_dict_intern (dict, "", 0), ==, 0);
  g_assert_cmpuint (ld_dict_intern (dict, "Contoso", 7), ==, 1);
  /* Not NUL-terminated input, and the length counts. */
  g_assert_cmpuint (ld_dict_intern (dict, "Contoso Ltd", 7), ==, 1);
  g_assert_cmpuint (ld_dict_intern (dict, "Contoso Ltd", 11), ==, 2);
  g_assert_cmpuint (ld_dict_lookup (dict, "Contoso", 7), ==, 1);
  g_assert_cmpuint (ld_dict_lookup (dict, "Fabrikam", 8), ==, G_MAXUINT32);
  g_assert_cmpuint (ld_dict_get_length (dict, 2), ==, 11);

  /* Many values: ids stay dense and in order of first appearance across regrowth. */
  for (guint i = 0; i < 100000; i++)
    {
      g_snprintf (buf, sizeof buf, "value-%u", i);
      g_assert_cmpuint (ld_dict_intern (dict, buf, strlen (buf)), ==, i + 3);
    }
  for (guint i = 0; i < 100000; i += 997)
    {
      g_snprintf (buf, sizeof buf, "value-%u", i);
      g_assert_cmpuint (ld_dict_lookup (dict, buf, strlen (buf)), ==, i + 3);
      g_assert_cmpstr (ld_dict_get (dict, i + 3), ==, buf);
    }
  g_assert_cmpstr (ld_dict_get (dict, 1), ==, "Contoso");
  g_assert_cmpuint (ld_dict_size (dict), ==, 100003);
  g_assert_cmpuint (ld_dict_memory (dict), >, 100000 * 8);
}

static void
test_store_layout (void)
{
  g_autoptr (LdReport) report = build_fixture ();
  guint32 prev = 0;

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 20);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 0);
  g_assert_cmpint (ld_report_get_first_month (report), ==, LD_MONTH (2025, 1));
  g_assert_cmpint (ld_report_get_last_month (report), ==, LD_MONTH (2025, 5));
  g_assert_cmpuint (ld_report_get_latest_date (report), ==, 20250531);
  g_assert_cmpuint (ld_report_get_n_customers (report), ==, 5);
  g_assert_cmpuint (report->n_products, ==, 2);
  g_assert_cmpuint (report->n_groups, ==, 4);
  /* Without Tenant IDs every customer has one country: no separate pair column. */
  g_assert_null (report->customer_country_pair.data);
  g_assert_cmpuint (ld_report_get_n_columns (report), ==, 12);
  g_assert_cmpstr (ld_report_get_column_name (report, 6), ==, "PlanName");
  g_assert_true (ld_report_has_field (report, LD_FIELD_OFFER_TYPE));
  g_assert_false (ld_report_has_field (report, LD_FIELD_TENANT_ID));

  /* Month order, stable: file order within a month. */
  for (guint r = 0; r < 20; r++)
    {
      g_assert_cmpint (LD_DATE_TO_MONTH (ld_report_row_date (report, r)), >=, LD_DATE_TO_MONTH (prev));
      prev = ld_report_row_date (report, r);
    }
  g_assert_cmpuint (report->month_start[0], ==, 0);
  g_assert_cmpuint (report->month_start[1], ==, 5);
  g_assert_cmpuint (report->month_start[2], ==, 10);
  g_assert_cmpuint (report->month_start[3], ==, 10);
  g_assert_cmpuint (report->month_start[4], ==, 14);
  g_assert_cmpuint (report->month_start[5], ==, 20);
  /* Jan in file order: rows 2, 3, 9, 14, 19. */
  g_assert_cmpuint (ld_report_row_date (report, 0), ==, 20250105);
  g_assert_cmpuint (ld_report_row_date (report, 1), ==, 20250120);
  g_assert_cmpuint (ld_report_row_date (report, 4), ==, 20250115);
  for (guint i = 0; i < 20; i++)
    g_assert_cmpuint (ld_report_row_date (report, ld_report_get_file_order (report)[i]), ==, parse_date (fixture[i].date));

  /* Values in order of first appearance in the file. */
  g_assert_cmpuint (ld_report_get_n_values (report, LD_DIM_PLAN), ==, 4);
  g_assert_cmpstr (ld_report_get_value (report, LD_DIM_PLAN, 0), ==, "");
  g_assert_cmpstr (ld_report_get_value (report, LD_DIM_PLAN, 1), ==, "Basic");
  g_assert_cmpstr (ld_report_get_value (report, LD_DIM_PLAN, 2), ==, "Pro");
  g_assert_cmpstr (ld_report_get_value (report, LD_DIM_PLAN, 3), ==, "Enterprise");
  g_assert_cmpuint (ld_report_get_memory_size (report), >, 20 * 60);
}

static void
test_all_time (void)
{
  g_autoptr (LdReport) report = build_fixture ();
  g_autoptr (LdQuery) query = ld_query_new (report);
  g_autoptr (LdResult) result = NULL;
  const LdProductRow *products;
  const LdCustomerRow *customers;
  const LdCountryRow *countries;
  guint n;
  int from, to;

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  ld_query_get_range (query, &from, &to);
  g_assert_cmpint (from, ==, LD_MONTH (2025, 1));
  g_assert_cmpint (to, ==, LD_MONTH (2025, 5));

  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_n_months (result), ==, 5);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 20);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 5);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 71);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, 43);
  g_assert_cmpint (ld_result_get_assignment_rate (result), ==, 6056);

  /* March has no rows but is listed. */
  assert_series (ld_result_get_active_customers (result), (guint64[]) { 4, 4, 0, 4, 4 }, 5);
  assert_series (ld_result_get_new_customers (result), (guint64[]) { 4, 1, 0, 0, 0 }, 5);
  assert_series (ld_result_get_returning_customers (result), (guint64[]) { 0, 3, 0, 4, 4 }, 5);
  assert_series (ld_result_get_cumulative_customers (result), (guint64[]) { 4, 5, 5, 5, 5 }, 5);
  g_assert_cmpuint (ld_result_get_new_customers_total (result), ==, 5);
  /* All time never has a previous period. */
  g_assert_false (ld_result_has_previous (result));
  g_assert_cmpint (ld_result_get_previous_from_month (result), ==, -1);
  g_assert_cmpuint (ld_result_get_previous_customers (result), ==, 0);
  assert_series (ld_result_get_month_provisioned (result), (guint64[]) { 11, 16, 0, 18, 26 }, 5);
  assert_series (ld_result_get_month_assigned (result), (guint64[]) { 9, 10, 0, 2, 22 }, 5);

  /* Groups, by hand:
   *   A-Basic: 3 C1 2/2, 9 C4 1/1, 1 C1 5/10, 11 C3 0/0, 15 C5 2/2, 20 C1 1/4
   *            → 19 provisioned, 11 assigned, customers C1 C3 C4 C5 = 4
   *   A-Pro:   2 C2 3/4, 14 C1 1/2, 19 C3 2/2, 8 C5 0/2, 12 C4 2/5, 10 C2 4/4
   *            → 19, 12, customers C1..C5 = 5
   *   B-Basic: 6 C2 2/3, 18 C1 1/1, 4 C3 0/6, 17 C4 6/6 → 16, 9, 4 customers
   *   B-Ent:   16 C2 0/5, 5 C4 1/1, 7 C1 7/8, 13 C3 3/3 → 17, 11, 4 customers
   * Order: A-Basic and A-Pro tie at 19 and share the name: plan decides (Basic < Pro). */
  products = ld_result_get_products (result, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (products[0].product_name, ==, "Alpha");
  g_assert_cmpstr (products[0].plan_name, ==, "Basic");
  g_assert_cmpstr (products[0].product_id, ==, "P-A");
  g_assert_cmpstr (products[0].offer_type, ==, "Dynamics 365");
  g_assert_cmpuint (products[0].provisioned, ==, 19);
  g_assert_cmpuint (products[0].assigned, ==, 11);
  g_assert_cmpuint (products[0].customers, ==, 4);
  g_assert_cmpstr (products[1].plan_name, ==, "Pro");
  g_assert_cmpuint (products[1].provisioned, ==, 19);
  g_assert_cmpuint (products[1].assigned, ==, 12);
  g_assert_cmpuint (products[1].customers, ==, 5);
  g_assert_cmpstr (products[2].product_name, ==, "Beta");
  g_assert_cmpstr (products[2].plan_name, ==, "Enterprise");
  g_assert_cmpstr (products[2].offer_type, ==, "Power BI visual");
  g_assert_cmpuint (products[2].provisioned, ==, 17);
  g_assert_cmpuint (products[2].assigned, ==, 11);
  g_assert_cmpuint (products[2].customers, ==, 4);
  g_assert_cmpstr (products[3].plan_name, ==, "Basic");
  g_assert_cmpuint (products[3].provisioned, ==, 16);
  g_assert_cmpuint (products[3].assigned, ==, 9);
  g_assert_cmpuint (products[3].customers, ==, 4);
  g_assert_cmpint (ld_percent_hundredths (products[0].provisioned, 71), ==, 2676);  /* 26.760… */

  /* Customers, by hand:
   *   C1 Contoso/US: 2+2+10+1+8+4 = 27 prov, 2+1+5+1+7+1 = 17 asg, products A and B = 2
   *   C2 Fabrikam/DE: 4+3+5+4 = 16, 3+2+0+4 = 9, 2 products
   *   C4 Northwind/US: 1+5+1+6 = 13, 1+2+1+6 = 10, 2 products
   *   C3 ""/US: 2+0+6+3 = 11, 2+0+0+3 = 5, 2 products
   *   C5 Contoso/DE: 2+2 = 4, 2+0 = 2, only Alpha = 1 product */
  customers = ld_result_get_customers_table (result, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (customers[0].name, ==, "Contoso");
  g_assert_cmpstr (customers[0].country_code, ==, "US");
  g_assert_cmpuint (customers[0].provisioned, ==, 27);
  g_assert_cmpuint (customers[0].assigned, ==, 17);
  g_assert_cmpuint (customers[0].products, ==, 2);
  g_assert_cmpstr (customers[1].name, ==, "Fabrikam");
  g_assert_cmpuint (customers[1].provisioned, ==, 16);
  g_assert_cmpuint (customers[1].assigned, ==, 9);
  g_assert_cmpstr (customers[2].name, ==, "Northwind");
  g_assert_cmpuint (customers[2].provisioned, ==, 13);
  g_assert_cmpuint (customers[2].assigned, ==, 10);
  g_assert_cmpstr (customers[3].name, ==, "");
  g_assert_cmpuint (customers[3].provisioned, ==, 11);
  g_assert_cmpuint (customers[3].assigned, ==, 5);
  g_assert_cmpuint (customers[3].products, ==, 2);
  g_assert_cmpstr (customers[4].name, ==, "Contoso");
  g_assert_cmpstr (customers[4].country_code, ==, "DE");
  g_assert_cmpuint (customers[4].provisioned, ==, 4);
  g_assert_cmpuint (customers[4].assigned, ==, 2);
  g_assert_cmpuint (customers[4].products, ==, 1);

  /* Geo: US = C1 C3 C4: 27+11+13 = 51 prov, 17+5+10 = 32 asg;
   *      DE = C2 C5: 16+4 = 20, 9+2 = 11. Shares 51/71 = 71.83 %, 20/71 = 28.17 %. */
  countries = ld_result_get_countries (result, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (countries[0].code, ==, "US");
  g_assert_cmpstr (countries[0].name, ==, "United States");
  g_assert_cmpuint (countries[0].customers, ==, 3);
  g_assert_cmpuint (countries[0].provisioned, ==, 51);
  g_assert_cmpuint (countries[0].assigned, ==, 32);
  g_assert_cmpstr (countries[1].code, ==, "DE");
  g_assert_cmpstr (countries[1].name, ==, "Germany");
  g_assert_cmpuint (countries[1].customers, ==, 2);
  g_assert_cmpuint (countries[1].provisioned, ==, 20);
  g_assert_cmpuint (countries[1].assigned, ==, 11);
  g_assert_cmpint (ld_percent_hundredths (51, 71), ==, 7183);
  g_assert_cmpint (ld_percent_hundredths (20, 71), ==, 2817);

  /* Facets without filters: plain totals. Plan: Basic 19+16 = 35, Pro 19, Ent 17.
   * Customer names: Contoso 27+4 = 31, Fabrikam 16, Northwind 13, "" 11.
   * State: Inactive = rows 11, 8, 16, 5, 20 = 0+2+5+1+4 = 12; Active 71-12 = 59. */
  assert_facet (result, LD_DIM_OFFER_TYPE, (FacetExpect[]) {
    { "Dynamics 365", 38, FALSE, TRUE }, { "Power BI visual", 33, FALSE, TRUE } }, 2);
  assert_facet (result, LD_DIM_OFFER, (FacetExpect[]) {
    { "Alpha", 38, FALSE, TRUE }, { "Beta", 33, FALSE, TRUE } }, 2);
  assert_facet (result, LD_DIM_PLAN, (FacetExpect[]) {
    { "Basic", 35, FALSE, TRUE }, { "Pro", 19, FALSE, TRUE }, { "Enterprise", 17, FALSE, TRUE } }, 3);
  assert_facet (result, LD_DIM_CUSTOMER, (FacetExpect[]) {
    { "Contoso", 31, FALSE, TRUE }, { "Fabrikam", 16, FALSE, TRUE },
    { "Northwind", 13, FALSE, TRUE }, { "", 11, FALSE, TRUE } }, 4);
  assert_facet (result, LD_DIM_COUNTRY, (FacetExpect[]) {
    { "US", 51, FALSE, TRUE }, { "DE", 20, FALSE, TRUE } }, 2);
  assert_facet (result, LD_DIM_STATE, (FacetExpect[]) {
    { "Active", 59, FALSE, TRUE }, { "Inactive", 12, FALSE, TRUE } }, 2);
}

static void
test_presets (void)
{
  g_autoptr (LdReport) report = build_fixture ();
  g_autoptr (LdQuery) query = ld_query_new (report);
  g_autoptr (LdResult) last6 = NULL;
  g_autoptr (LdResult) last12 = NULL;
  guint64 zeros12[12] = { 0 };
  int from, to;

  /* The default: six months ending at the data's last month (2025-05), not today. */
  g_assert_cmpint (ld_query_get_range_preset (query), ==, LD_RANGE_LAST_6);
  ld_query_get_range (query, &from, &to);
  g_assert_cmpint (from, ==, LD_MONTH (2024, 12));
  g_assert_cmpint (to, ==, LD_MONTH (2025, 5));
  last6 = ld_query_run (query);
  g_assert_cmpint (ld_result_get_from_month (last6), ==, LD_MONTH (2024, 12));
  g_assert_cmpuint (ld_result_get_n_months (last6), ==, 6);
  g_assert_cmpuint (ld_result_get_provisioned (last6), ==, 71);
  assert_series (ld_result_get_active_customers (last6), (guint64[]) { 0, 4, 4, 0, 4, 4 }, 6);
  assert_series (ld_result_get_new_customers (last6), (guint64[]) { 0, 4, 1, 0, 0, 0 }, 6);
  assert_series (ld_result_get_cumulative_customers (last6), (guint64[]) { 0, 4, 5, 5, 5, 5 }, 6);
  /* Its previous period, Jun–Nov 2024, starts before the data (Jan 2025): none. */
  g_assert_false (ld_result_has_previous (last6));
  assert_series (ld_result_get_month_provisioned (last6), (guint64[]) { 0, 11, 16, 0, 18, 26 }, 6);

  ld_query_set_range_preset (query, LD_RANGE_LAST_12);
  last12 = ld_query_run (query);
  g_assert_cmpint (ld_result_get_from_month (last12), ==, LD_MONTH (2024, 6));
  g_assert_cmpint (ld_result_get_to_month (last12), ==, LD_MONTH (2025, 5));
  g_assert_cmpuint (ld_result_get_n_months (last12), ==, 12);
  assert_series (ld_result_get_month_assigned (last12), zeros12, 7);
  assert_series (ld_result_get_month_assigned (last12) + 7, (guint64[]) { 9, 10, 0, 2, 22 }, 5);
  assert_series (ld_result_get_cumulative_customers (last12) + 6, (guint64[]) { 0, 4, 5, 5, 5, 5 }, 6);
  g_assert_cmpuint (ld_result_get_customers (last12), ==, 5);
  /* The earlier result is untouched by the later run. */
  g_assert_cmpuint (ld_result_get_n_months (last6), ==, 6);
  g_assert_cmpuint (ld_result_get_new_customers (last6)[1], ==, 4);
  g_assert_cmpuint (ld_result_get_active_customers (last6)[2], ==, 4);
}

static void
test_custom_ranges (void)
{
  g_autoptr (LdReport) report = build_fixture ();
  g_autoptr (LdQuery) query = ld_query_new (report);
  LdResult *result;
  const LdCustomerRow *customers;
  guint n;

  /* Feb..Apr: Feb + Apr rows = 9 rows, provisioned 16+18 = 34, assigned 10+2 = 12.
   * Customers Feb {C1 C2 C3 C5}, Apr adds C4 → 5. Given in reverse: swapped.
   * Across the range's start: C1 C2 C3 had rows in Jan, before the range, so in Feb
   * only C5 is new; C4 joins the range in Apr but bought in Jan: returning. */
  ld_query_set_custom_range (query, LD_MONTH (2025, 4), LD_MONTH (2025, 2));
  g_assert_cmpint (ld_query_get_range_preset (query), ==, LD_RANGE_CUSTOM);
  result = ld_query_run (query);
  g_assert_cmpint (ld_result_get_from_month (result), ==, LD_MONTH (2025, 2));
  g_assert_cmpuint (ld_result_get_rows (result), ==, 9);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 34);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, 12);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 5);
  assert_series (ld_result_get_active_customers (result), (guint64[]) { 4, 0, 4 }, 3);
  assert_series (ld_result_get_new_customers (result), (guint64[]) { 1, 0, 0 }, 3);
  assert_series (ld_result_get_returning_customers (result), (guint64[]) { 3, 0, 4 }, 3);
  assert_series (ld_result_get_cumulative_customers (result), (guint64[]) { 4, 4, 5 }, 3);
  g_assert_cmpuint (ld_result_get_new_customers_total (result), ==, 1);
  ld_result_unref (result);

  /* April alone: C3 6, C4 5, C2 5, C5 2: the tie at 5 goes by name (Fabrikam first). */
  ld_query_set_custom_range (query, LD_MONTH (2025, 4), LD_MONTH (2025, 4));
  result = ld_query_run (query);
  customers = ld_result_get_customers_table (result, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (customers[0].name, ==, "");
  g_assert_cmpstr (customers[1].name, ==, "Fabrikam");
  g_assert_cmpstr (customers[2].name, ==, "Northwind");
  g_assert_cmpstr (customers[3].name, ==, "Contoso");
  g_assert_cmpuint (customers[3].products, ==, 1);
  ld_result_unref (result);

  /* Reaching past the data: Apr..Jul. Apr active 4 (cum 4), May active 4 (C1 first
   * in the range → cum 5), Jun and Jul are zero months that keep the cumulative
   * figure. Nobody is new: every customer bought in Jan or Feb. */
  ld_query_set_custom_range (query, LD_MONTH (2025, 4), LD_MONTH (2025, 7));
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_n_months (result), ==, 4);
  assert_series (ld_result_get_active_customers (result), (guint64[]) { 4, 4, 0, 0 }, 4);
  assert_series (ld_result_get_new_customers (result), (guint64[]) { 0, 0, 0, 0 }, 4);
  assert_series (ld_result_get_returning_customers (result), (guint64[]) { 4, 4, 0, 0 }, 4);
  assert_series (ld_result_get_cumulative_customers (result), (guint64[]) { 4, 5, 5, 5 }, 4);
  assert_series (ld_result_get_month_provisioned (result), (guint64[]) { 18, 26, 0, 0 }, 4);
  ld_result_unref (result);

  /* Entirely outside the data: every figure zero, every table and facet empty. */
  ld_query_set_custom_range (query, LD_MONTH (2023, 1), LD_MONTH (2023, 3));
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_n_months (result), ==, 3);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 0);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 0);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 0);
  g_assert_cmpint (ld_result_get_assignment_rate (result), ==, 0);
  assert_series (ld_result_get_cumulative_customers (result), (guint64[]) { 0, 0, 0 }, 3);
  ld_result_get_products (result, &n);
  g_assert_cmpuint (n, ==, 0);
  ld_result_get_countries (result, &n);
  g_assert_cmpuint (n, ==, 0);
  ld_result_get_facet (result, LD_DIM_PLAN, &n);
  g_assert_cmpuint (n, ==, 0);
  ld_result_unref (result);
}

static void
test_filters (void)
{
  g_autoptr (LdReport) report = build_fixture ();
  g_autoptr (LdQuery) query = ld_query_new (report);
  LdResult *result;
  const char *const *values;

  ld_query_set_range_preset (query, LD_RANGE_ALL);

  /* One value: state Inactive = rows 11 (Feb C3 0/0), 8 (Apr C5 0/2), 16 (Apr C2 0/5),
   * 5 (May C4 1/1), 20 (May C1 1/4): 5 rows, 12 provisioned, 2 assigned, 5 customers.
   * Active per month: Jan 0, Feb C3 1, Mar 0, Apr C5 C2 2, May C4 C1 2. Every one of
   * them is new: under the filter their first rows are these. Unfiltered, C2 was
   * new in Jan and C5 in Feb — the filter changes who is new, and when. */
  ld_query_add_filter_value (query, LD_DIM_STATE, "Inactive");
  ld_query_add_filter_value (query, LD_DIM_STATE, "Inactive");
  g_assert_cmpuint (ld_query_get_n_filter_values (query, LD_DIM_STATE), ==, 1);
  g_assert_true (ld_query_has_filter_value (query, LD_DIM_STATE, "Inactive"));
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 5);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 12);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, 2);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 5);
  assert_series (ld_result_get_active_customers (result), (guint64[]) { 0, 1, 0, 2, 2 }, 5);
  assert_series (ld_result_get_new_customers (result), (guint64[]) { 0, 1, 0, 2, 2 }, 5);
  assert_series (ld_result_get_returning_customers (result), (guint64[]) { 0, 0, 0, 0, 0 }, 5);
  assert_series (ld_result_get_cumulative_customers (result), (guint64[]) { 0, 1, 1, 3, 5 }, 5);
  assert_series (ld_result_get_month_provisioned (result), (guint64[]) { 0, 0, 0, 7, 5 }, 5);
  /* The state facet ignores its own filter; the others see it.
   * Offer given Inactive: Alpha 0+2+4 = 6, Beta 5+1 = 6 (tie: by name).
   * Plan given Inactive: Enterprise 5+1 = 6, Basic 0+4 = 4, Pro 2. */
  assert_facet (result, LD_DIM_STATE, (FacetExpect[]) {
    { "Active", 59, FALSE, TRUE }, { "Inactive", 12, TRUE, TRUE } }, 2);
  assert_facet (result, LD_DIM_OFFER, (FacetExpect[]) {
    { "Alpha", 6, FALSE, TRUE }, { "Beta", 6, FALSE, TRUE } }, 2);
  assert_facet (result, LD_DIM_PLAN, (FacetExpect[]) {
    { "Enterprise", 6, FALSE, TRUE }, { "Basic", 4, FALSE, TRUE }, { "Pro", 2, FALSE, TRUE } }, 3);
  ld_result_unref (result);

  /* Two dimensions (AND), two values in one (OR): Inactive and plan Pro or Enterprise
   * = rows 8 (C5 0/2), 16 (C2 0/5), 5 (C4 1/1): 3 rows, 8 provisioned, 1 assigned.
   * State given plan ∈ {Pro, Ent}: Active 4+2+2+5+4+8+3 = 28, Inactive 2+5+1 = 8.
   * Offer given both: Beta 5+1 = 6, Alpha 2.
   * Customer given both: Fabrikam 5, Contoso 2, Northwind 1, and "" present with 0. */
  ld_query_add_filter_value (query, LD_DIM_PLAN, "Pro");
  ld_query_add_filter_value (query, LD_DIM_PLAN, "Enterprise");
  values = ld_query_get_filter_values (query, LD_DIM_PLAN);
  g_assert_cmpstr (values[0], ==, "Pro");
  g_assert_cmpstr (values[1], ==, "Enterprise");
  g_assert_null (values[2]);
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 3);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 8);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, 1);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 3);
  assert_facet (result, LD_DIM_STATE, (FacetExpect[]) {
    { "Active", 28, FALSE, TRUE }, { "Inactive", 8, TRUE, TRUE } }, 2);
  assert_facet (result, LD_DIM_PLAN, (FacetExpect[]) {
    { "Enterprise", 6, TRUE, TRUE }, { "Basic", 4, FALSE, TRUE }, { "Pro", 2, TRUE, TRUE } }, 3);
  assert_facet (result, LD_DIM_OFFER, (FacetExpect[]) {
    { "Beta", 6, FALSE, TRUE }, { "Alpha", 2, FALSE, TRUE } }, 2);
  assert_facet (result, LD_DIM_CUSTOMER, (FacetExpect[]) {
    { "Fabrikam", 5, FALSE, TRUE }, { "Contoso", 2, FALSE, TRUE },
    { "Northwind", 1, FALSE, TRUE }, { "", 0, FALSE, TRUE } }, 4);
  ld_result_unref (result);

  /* Removing brings back the earlier figures: the selection is rebuilt. */
  ld_query_remove_filter_value (query, LD_DIM_PLAN, "Pro");
  ld_query_remove_filter_value (query, LD_DIM_PLAN, "Enterprise");
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 12);
  ld_result_unref (result);

  /* A value absent from the range: Jan..Feb with plan Enterprise (first seen in Apr).
   * Nothing passes; the plan facet lists Basic 2+1+10+3+0+2+1 = 19 and Pro 4+2+2 = 8
   * (given no other filter), and Enterprise selected but not present. */
  ld_query_clear_all_filters (query);
  ld_query_set_custom_range (query, LD_MONTH (2025, 1), LD_MONTH (2025, 2));
  ld_query_add_filter_value (query, LD_DIM_PLAN, "Enterprise");
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 0);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 0);
  assert_facet (result, LD_DIM_PLAN, (FacetExpect[]) {
    { "Basic", 19, FALSE, TRUE }, { "Pro", 8, FALSE, TRUE }, { "Enterprise", 0, TRUE, FALSE } }, 3);
  assert_facet (result, LD_DIM_OFFER, (FacetExpect[]) {
    { "Alpha", 0, FALSE, TRUE }, { "Beta", 0, FALSE, TRUE } }, 2);
  ld_result_unref (result);

  /* A value the file does not hold: matches nothing, but stays listed. With a second
   * value (OR) it is harmless: Contoso in DE = C5, rows 15 (2/2) and 8 (0/2). */
  ld_query_clear_filter (query, LD_DIM_PLAN);
  g_assert_cmpuint (ld_query_get_n_filter_values (query, LD_DIM_PLAN), ==, 0);
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "Nobody");
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 0);
  assert_facet (result, LD_DIM_STATE, (FacetExpect[]) {
    { "Active", 0, FALSE, TRUE }, { "Inactive", 0, FALSE, TRUE } }, 2);
  assert_facet (result, LD_DIM_CUSTOMER, (FacetExpect[]) {
    { "Contoso", 31, FALSE, TRUE }, { "Fabrikam", 16, FALSE, TRUE },
    { "Northwind", 13, FALSE, TRUE }, { "", 11, FALSE, TRUE }, { "Nobody", 0, TRUE, FALSE } }, 5);
  ld_result_unref (result);

  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "Contoso");
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, "DE");
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 2);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 4);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, 2);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 1);
  /* Country given customer ∈ {Nobody, Contoso}: US = C1 27, DE = C5 4. */
  assert_facet (result, LD_DIM_COUNTRY, (FacetExpect[]) {
    { "US", 27, FALSE, TRUE }, { "DE", 4, TRUE, TRUE } }, 2);
  ld_result_unref (result);
}

static void
test_only_and_collect (void)
{
  g_autoptr (LdReport) report = build_fixture ();
  g_autoptr (LdQuery) query = ld_query_new (report);
  LdResult *all, *result;
  const LdProductRow *products;
  const LdCustomerRow *customers;
  g_autofree guint32 *rows = NULL;
  gsize n_rows;
  guint n;
  /* File rows of state Inactive, in file order: 5, 8, 11, 16, 20. */
  const guint inactive[] = { 5, 8, 11, 16, 20 };

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  all = ld_query_run (query);
  products = ld_result_get_products (all, &n);
  customers = ld_result_get_customers_table (all, &n);

  /* Alpha/Basic alone: rows 3 C1 2/2, 9 C4 1/1 (Jan), 1 C1 5/10, 11 C3 0/0,
   * 15 C5 2/2 (Feb), 20 C1 1/4 (May): 6 rows, 19/11, 4 customers;
   * active per month Jan C1 C4 = 2, Feb C1 C3 C5 = 3, May C1 = 1; cumulative 2, 4, 4, 4, 4;
   * new Jan C1 C4 = 2, Feb C3 C5 = 2 (C1 returns), May none (C1 again). */
  ld_query_set_group_only (query, products[0].group);
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 6);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 19);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, 11);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 4);
  assert_series (ld_result_get_active_customers (result), (guint64[]) { 2, 3, 0, 0, 1 }, 5);
  assert_series (ld_result_get_new_customers (result), (guint64[]) { 2, 2, 0, 0, 0 }, 5);
  assert_series (ld_result_get_cumulative_customers (result), (guint64[]) { 2, 4, 4, 4, 4 }, 5);
  assert_series (ld_result_get_month_provisioned (result), (guint64[]) { 3, 12, 0, 0, 4 }, 5);
  ld_result_unref (result);
  ld_query_set_group_only (query, G_MAXUINT32);

  /* Contoso/US alone: Jan 2+2, Feb 10+1, May 8+4 → 4, 11, 0, 0, 12 = 27. */
  g_assert_cmpstr (customers[0].name, ==, "Contoso");
  ld_query_set_customer_only (query, customers[0].customer);
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 6);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 27);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, 17);
  assert_series (ld_result_get_active_customers (result), (guint64[]) { 1, 1, 0, 0, 1 }, 5);
  assert_series (ld_result_get_new_customers (result), (guint64[]) { 1, 0, 0, 0, 0 }, 5);
  assert_series (ld_result_get_cumulative_customers (result), (guint64[]) { 1, 1, 1, 1, 1 }, 5);
  assert_series (ld_result_get_month_provisioned (result), (guint64[]) { 4, 11, 0, 0, 12 }, 5);
  ld_result_unref (result);

  rows = ld_query_collect_rows (query, &n_rows);
  g_assert_cmpuint (n_rows, ==, 6);
  /* Contoso/US in file order: rows 1, 3, 7, 14, 18, 20. */
  g_assert_cmpuint (ld_report_row_date (report, rows[0]), ==, 20250210);
  g_assert_cmpuint (ld_report_row_date (report, rows[1]), ==, 20250120);
  g_assert_cmpuint (ld_report_row_date (report, rows[5]), ==, 20250525);
  g_clear_pointer (&rows, g_free);
  ld_query_set_customer_only (query, G_MAXUINT32);

  /* Everything, in file order. */
  rows = ld_query_collect_rows (query, &n_rows);
  g_assert_cmpuint (n_rows, ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      g_assert_cmpuint (ld_report_row_date (report, rows[i]), ==, parse_date (fixture[i].date));
      g_assert_cmpuint (ld_ids_get (&report->provisioned, rows[i]), ==, fixture[i].provisioned);
    }
  g_clear_pointer (&rows, g_free);

  ld_query_add_filter_value (query, LD_DIM_STATE, "Inactive");
  rows = ld_query_collect_rows (query, &n_rows);
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (inactive));
  for (guint i = 0; i < n_rows; i++)
    g_assert_cmpuint (ld_report_row_date (report, rows[i]), ==, parse_date (fixture[inactive[i] - 1].date));
  g_clear_pointer (&rows, g_free);

  /* A range outside the data collects nothing. */
  ld_query_set_custom_range (query, LD_MONTH (2020, 1), LD_MONTH (2020, 2));
  rows = ld_query_collect_rows (query, &n_rows);
  g_assert_cmpuint (n_rows, ==, 0);

  ld_result_unref (all);
}

static LdReport *
build_small (const char *const *names,
             const LdField     *fields,
             guint              n_columns,
             const char *const *cells,
             guint              n_rows,
             const guint32     *dates,
             const guint32     *counts)
{
  LdReportBuilder *builder = ld_report_builder_new (n_columns, names, fields);

  for (guint i = 0; i < n_rows; i++)
    add_cells (builder, cells + i * n_columns, n_columns, dates[i], FALSE,
               counts[2 * i], counts[2 * i + 1]);
  return ld_report_builder_finish (builder, "small.csv", NULL, ',', LD_ENCODING_UTF8, FALSE);
}

static void
test_percent_rounding (void)
{
  static const char *const names[] = { "ActivationDate", "ProductId", "LicensesAssigned", "LicensesProvisioned" };
  static const LdField fields[] = {
    LD_FIELD_ACTIVATION_DATE, LD_FIELD_PRODUCT_ID, LD_FIELD_LICENSES_ASSIGNED, LD_FIELD_LICENSES_PROVISIONED,
  };
  static const char *const cells[] = {
    "", "P1", "", "",
    "", "P2", "", "",
  };
  /* P1: 1 of 3 assigned; P2: 1 of 3 → total 2 of 6 = 33.33 %; share of P1 = 50 %. */
  static const guint32 dates[] = { 20250301, 20250302 };
  static const guint32 counts[] = { 1, 3, 1, 3 };
  g_autoptr (LdReport) report = build_small (names, fields, 4, cells, 2, dates, counts);
  g_autoptr (LdQuery) query = ld_query_new (report);
  g_autoptr (LdResult) result = NULL;
  const LdProductRow *products;
  guint n;

  result = ld_query_run (query);
  g_assert_cmpint (ld_result_get_assignment_rate (result), ==, 3333);
  products = ld_result_get_products (result, &n);
  g_assert_cmpuint (n, ==, 2);
  /* Same figures, no name, no plan: product id decides. */
  g_assert_cmpstr (products[0].product_id, ==, "P1");
  g_assert_cmpint (ld_percent_hundredths (products[0].assigned, products[0].provisioned), ==, 3333);
  g_assert_cmpint (ld_percent_hundredths (2, 3), ==, 6667);
  g_assert_cmpint (ld_percent_hundredths (1, 3), ==, 3333);

  /* Optional columns absent: every dimension reads as one empty value. */
  g_assert_false (ld_report_has_field (report, LD_FIELD_CUSTOMER_NAME));
  g_assert_cmpuint (ld_report_get_n_values (report, LD_DIM_CUSTOMER), ==, 1);
  assert_facet (result, LD_DIM_OFFER_TYPE, (FacetExpect[]) { { "", 6, FALSE, TRUE } }, 1);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 1);
}

static void
test_tenant_identity (void)
{
  static const char *const names[] = {
    "Tenant ID", "CustomerName", "CustomerCountryCode", "ActivationDate", "ProductId",
    "LicensesAssigned", "LicensesProvisioned",
  };
  static const LdField fields[] = {
    LD_FIELD_TENANT_ID, LD_FIELD_CUSTOMER_NAME, LD_FIELD_CUSTOMER_COUNTRY_CODE,
    LD_FIELD_ACTIVATION_DATE, LD_FIELD_PRODUCT_ID,
    LD_FIELD_LICENSES_ASSIGNED, LD_FIELD_LICENSES_PROVISIONED,
  };
  /* t1 twice (renamed, and in two countries) = one customer; "Y"/US without a tenant
   * twice = one customer; t2 named "Y" in US = another. → 3 customers.
   * Geo: US holds t1, Y, t2 = 3 customers; CA holds t1 = 1. */
  static const char *const cells[] = {
    "t1", "X",      "US", "", "P1", "", "",
    "t1", "X Corp", "CA", "", "P1", "", "",
    "",   "Y",      "US", "", "P1", "", "",
    "",   "Y",      "US", "", "P2", "", "",
    "t2", "Y",      "US", "", "P1", "", "",
  };
  static const guint32 dates[] = { 20250101, 20250102, 20250103, 20250104, 20250105 };
  static const guint32 counts[] = { 0, 1, 0, 2, 0, 4, 0, 8, 0, 16 };
  g_autoptr (LdReport) report = build_small (names, fields, 7, cells, 5, dates, counts);
  g_autoptr (LdQuery) query = ld_query_new (report);
  g_autoptr (LdResult) result = NULL;
  const LdCustomerRow *customers;
  const LdCountryRow *countries;
  guint n;

  g_assert_cmpuint (ld_report_get_n_customers (report), ==, 3);
  g_assert_nonnull (report->customer_country_pair.data);

  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 3);
  customers = ld_result_get_customers_table (result, &n);
  g_assert_cmpuint (n, ==, 3);
  /* t2 16; Y 4+8 = 12 with 2 products; t1 1+2 = 3 under its first name. */
  g_assert_cmpuint (customers[0].provisioned, ==, 16);
  g_assert_cmpstr (customers[1].name, ==, "Y");
  g_assert_cmpuint (customers[1].provisioned, ==, 12);
  g_assert_cmpuint (customers[1].products, ==, 2);
  g_assert_cmpstr (customers[2].name, ==, "X");
  g_assert_cmpstr (customers[2].country_code, ==, "US");
  g_assert_cmpuint (customers[2].provisioned, ==, 3);

  countries = ld_result_get_countries (result, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (countries[0].code, ==, "US");
  g_assert_cmpuint (countries[0].customers, ==, 3);
  g_assert_cmpuint (countries[0].provisioned, ==, 29);
  g_assert_cmpstr (countries[1].code, ==, "CA");
  g_assert_cmpuint (countries[1].customers, ==, 1);
  g_assert_cmpuint (countries[1].provisioned, ==, 2);
  g_assert_cmpstr (countries[1].name, ==, "");
}

static void
test_builder_dates_and_drops (void)
{
  static const char *const names[] = { "ActivationDate", "ProductDisplayName", "LicensesAssigned", "LicensesProvisioned", "Notes" };
  static const LdField fields[] = {
    LD_FIELD_ACTIVATION_DATE, LD_FIELD_PRODUCT_DISPLAY_NAME, LD_FIELD_LICENSES_ASSIGNED,
    LD_FIELD_LICENSES_PROVISIONED, LD_FIELD_EXTRA,
  };
  const char *cells[] = { "", "Offer", "", "", "n" };
  LdReportBuilder *builder;
  g_autoptr (LdReport) report = NULL;
  g_autoptr (LdReport) month_first = NULL;
  const GArray *bad;

  /* 13/02/2025 and 5/3/2025 as written, in a day-first file: 13 Feb and 5 Mar. The
   * third row turns out bad and is dropped. */
  builder = ld_report_builder_new (5, names, fields);
  add_cells (builder, cells, 5, 2025 * 10000 + 13 * 100 + 2, TRUE, 1, 1);
  add_cells (builder, cells, 5, 2025 * 10000 + 5 * 100 + 3, TRUE, 1, 2);
  add_cells (builder, cells, 5, 2025 * 10000 + 2 * 100 + 31, TRUE, 1, 4);
  add_cells (builder, cells, 5, 20250101, FALSE, 1, 8);
  ld_report_builder_drop_row (builder, 2);
  /* Bad rows arrive out of line order; 150 of them, plus the dropped one. */
  for (guint i = 0; i < 150; i++)
    ld_report_builder_add_bad_row (builder, 1000 - i, 1, g_strdup ("LicensesAssigned"), g_strdup ("bad"));
  ld_report_builder_add_bad_row (builder, 4, -1, NULL, g_strdup ("not a date"));
  ld_report_builder_add_warnings (builder, 3);
  report = ld_report_builder_finish (builder, "dm.csv", "/tmp/dm.csv", ';', LD_ENCODING_UTF16LE, TRUE);

  g_assert_true (ld_report_get_day_first (report));
  g_assert_cmpint (ld_report_get_delimiter (report), ==, ';');
  g_assert_cmpint (ld_report_get_encoding (report), ==, LD_ENCODING_UTF16LE);
  g_assert_cmpstr (ld_report_get_path (report), ==, "/tmp/dm.csv");
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 3);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 151);
  g_assert_cmpuint (ld_report_get_rows_read (report), ==, 154);
  g_assert_cmpuint (ld_report_get_n_warnings (report), ==, 3);
  g_assert_cmpint (ld_report_get_first_month (report), ==, LD_MONTH (2025, 1));
  g_assert_cmpint (ld_report_get_last_month (report), ==, LD_MONTH (2025, 3));
  g_assert_cmpuint (ld_report_get_latest_date (report), ==, 20250305);
  /* Storage: Jan (file row 3), Feb 13 (row 0), Mar 5 (row 1). */
  g_assert_cmpuint (ld_report_row_date (report, 0), ==, 20250101);
  g_assert_cmpuint (ld_report_row_date (report, 1), ==, 20250213);
  g_assert_cmpuint (ld_report_row_date (report, 2), ==, 20250305);
  g_assert_cmpuint (ld_ids_get (&report->provisioned, 2), ==, 2);
  g_assert_cmpuint (ld_report_get_file_order (report)[0], ==, 1);
  g_assert_cmpuint (ld_report_get_file_order (report)[1], ==, 2);
  g_assert_cmpuint (ld_report_get_file_order (report)[2], ==, 0);
  g_assert_cmpstr (ld_dict_get (report->columns[4].dict, ld_ids_get (&report->columns[4].ids, 0)), ==, "n");

  bad = ld_report_get_bad_rows (report);
  g_assert_cmpuint (bad->len, ==, LD_REPORT_MAX_BAD_ROWS);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 0).line, ==, 4);
  g_assert_cmpint (g_array_index (bad, LdBadRow, 0).column, ==, -1);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 1).line, ==, 851);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 99).line, ==, 949);
  g_assert_cmpstr (g_array_index (bad, LdBadRow, 1).column_name, ==, "LicensesAssigned");

  /* The same parts month-first: 2 Jan... written as 1/2/2025 → 2 Jan. */
  builder = ld_report_builder_new (5, names, fields);
  add_cells (builder, cells, 5, 2025 * 10000 + 1 * 100 + 2, TRUE, 0, 0);
  month_first = ld_report_builder_finish (builder, "mf.csv", NULL, ',', LD_ENCODING_UTF8, FALSE);
  g_assert_cmpuint (ld_report_row_date (month_first, 0), ==, 20250102);
}

static void
test_empty_report (void)
{
  static const char *const names[] = { "ActivationDate", "ProductId", "LicensesAssigned", "LicensesProvisioned" };
  static const LdField fields[] = {
    LD_FIELD_ACTIVATION_DATE, LD_FIELD_PRODUCT_ID, LD_FIELD_LICENSES_ASSIGNED, LD_FIELD_LICENSES_PROVISIONED,
  };
  LdReportBuilder *builder = ld_report_builder_new (4, names, fields);
  g_autoptr (LdReport) report = NULL;
  g_autoptr (LdQuery) query = NULL;
  g_autoptr (LdResult) result = NULL;
  g_autofree guint32 *rows = NULL;
  gsize n_rows;
  guint n;
  int from, to;

  ld_report_builder_add_bad_row (builder, 2, 0, g_strdup ("ActivationDate"), g_strdup ("bad date"));
  report = ld_report_builder_finish (builder, "empty.csv", NULL, ',', LD_ENCODING_UTF8, FALSE);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 0);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 1);
  g_assert_cmpint (ld_report_get_first_month (report), ==, -1);
  g_assert_cmpint (ld_report_get_last_month (report), ==, -1);
  g_assert_cmpuint (ld_report_get_latest_date (report), ==, 0);

  query = ld_query_new (report);
  ld_query_get_range (query, &from, &to);
  g_assert_cmpint (from, ==, -1);
  g_assert_cmpint (to, ==, -1);
  result = ld_query_run (query);
  g_assert_cmpint (ld_result_get_from_month (result), ==, -1);
  g_assert_cmpuint (ld_result_get_n_months (result), ==, 0);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 0);
  ld_result_get_products (result, &n);
  g_assert_cmpuint (n, ==, 0);
  ld_result_get_customers_table (result, &n);
  g_assert_cmpuint (n, ==, 0);
  ld_result_get_facet (result, LD_DIM_OFFER, &n);
  g_assert_cmpuint (n, ==, 0);
  rows = ld_query_collect_rows (query, &n_rows);
  g_assert_cmpuint (n_rows, ==, 0);
}

static void
test_range_parse (void)
{
  LdRangePreset preset;
  int from, to;

  g_assert_true (ld_range_parse ("last-6", &preset, &from, &to));
  g_assert_cmpint (preset, ==, LD_RANGE_LAST_6);
  g_assert_true (ld_range_parse ("last-12", &preset, &from, &to));
  g_assert_cmpint (preset, ==, LD_RANGE_LAST_12);
  g_assert_true (ld_range_parse ("all", &preset, &from, &to));
  g_assert_cmpint (preset, ==, LD_RANGE_ALL);
  g_assert_true (ld_range_parse ("2024-11:2025-02", &preset, &from, &to));
  g_assert_cmpint (preset, ==, LD_RANGE_CUSTOM);
  g_assert_cmpint (from, ==, LD_MONTH (2024, 11));
  g_assert_cmpint (to, ==, LD_MONTH (2025, 2));
  g_assert_false (ld_range_parse ("custom", &preset, &from, &to));
  g_assert_false (ld_range_parse ("2024-13:2025-02", &preset, &from, &to));
  g_assert_false (ld_range_parse ("2024-11-2025-02", &preset, &from, &to));
  g_assert_false (ld_range_parse ("last-7", &preset, &from, &to));
  g_assert_cmpstr (ld_range_preset_to_string (LD_RANGE_LAST_12), ==, "last-12");
  g_assert_cmpstr (ld_range_preset_to_string (LD_RANGE_CUSTOM), ==, "custom");
}

/* ---- sort order against strcmp() ------------------------------------------------
 *
 * The tables and facets sort on integer ranks; these check them against the plain
 * strcmp() comparisons SPEC §5 describes, on texts that trip up shortcuts: case,
 * accents and other multibyte UTF-8, empty texts, prefixes of each other (also at the
 * 8- and 16-byte chunk boundaries), long shared prefixes, and many equal sums. */

static const char *const tricky_texts[] = {
  "", "a", "A", "ab", "Ab", "aB", "AB", "abc", "e", "é", "É", "E", "f", "z", "Z", "Ä",
  "Zürich", "Zurich", "Zürich AG", "Zurich AG", "zürich ag",
  "Contoso", "contoso", "Contoso Ltd", "Contoso Ltd.", "Contoso Ltd. ", "Contoso Ltd",
  "日本", "日本株式会社", "Ελλάδα", "ελλάδα", "😀 emoji", "\xef\xbf\xbd", "~", " ", "  ",
  "abcdefg", "abcdefgh", "abcdefghi", "abcdefgH", "abcdefghabcdefgh", "abcdefghabcdefg",
  "abcdefghabcdefghX", "abcdefghabcdefgh\x7f", "abcdefghabcdefgh\xc3\xa9",
  "shared prefix shared prefix shared prefix 1", "shared prefix shared prefix shared prefix 10",
  "shared prefix shared prefix shared prefix 2", "shared prefix shared prefix shared prefix",
  "shared prefix shared prefix shared prefix é", "shared prefix shared prefix shared prefiX",
};

static int
sign (int v)
{
  return (v > 0) - (v < 0);
}

static void
test_dict_ranks (void)
{
  g_autoptr (LdDict) dict = ld_dict_new ();
  g_autoptr (GRand) rng = g_rand_new_with_seed (7);
  const guint32 *ranks;
  guint n;
  g_autofree guint8 *seen = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tricky_texts); i++)
    ld_dict_intern (dict, tricky_texts[i], strlen (tricky_texts[i]));
  /* Enough values that the radix passes (not only the small-run path) run, with long
   * runs of one chunk. */
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s%u", tricky_texts[g_rand_int_range (rng, 0, G_N_ELEMENTS (tricky_texts))],
                                               g_rand_int_range (rng, 0, 500));

      ld_dict_intern (dict, text, strlen (text));
    }
  /* Texts equal up to an embedded NUL compare equal for strcmp(): id order. */
  ld_dict_intern (dict, "nul\0a", 5);
  ld_dict_intern (dict, "nul", 3);
  ld_dict_intern (dict, "nul\0b", 5);

  n = ld_dict_size (dict);
  ranks = ld_dict_get_ranks (dict);
  g_assert_nonnull (ranks);
  g_assert_true (ld_dict_get_ranks (dict) == ranks);

  seen = g_new0 (guint8, n);
  for (guint id = 0; id < n; id++)
    {
      g_assert_cmpuint (ranks[id], <, n);
      g_assert_false (seen[ranks[id]]);
      seen[ranks[id]] = 1;
      g_assert_cmpuint (ld_dict_get_order (dict)[ranks[id]], ==, id);
    }
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        int c = strcmp (ld_dict_get (dict, i), ld_dict_get (dict, j));

        if (c == 0)
          c = -1;
        if (sign (c) != sign ((int) ranks[i] - (int) ranks[j]))
          g_error ("ranks of \"%s\" (%u) and \"%s\" (%u) disagree with strcmp()",
                   ld_dict_get (dict, i), ranks[i], ld_dict_get (dict, j), ranks[j]);
      }
}

static void
test_sort_items (void)
{
  g_autoptr (GRand) rng = g_rand_new_with_seed (11);
  const gsize sizes[] = { 0, 1, 2, 47, 48, 49, 1000, 20000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint shape = 0; shape < 3; shape++)
      {
        gsize n = sizes[s];
        g_autofree LdSortItem *items = g_new (LdSortItem, MAX (n, 1));
        g_autofree guint64 *keys = g_new (guint64, MAX (n, 1));

        for (gsize i = 0; i < n; i++)
          {
            guint64 r = ((guint64) g_rand_int (rng) << 32) | g_rand_int (rng);

            /* Full-width keys, few distinct keys (stability shows), or keys whose
             * high bytes are all the same. */
            items[i].key = shape == 0 ? r : shape == 1 ? r % 5 : 0xFFFFFF0000000000ull | (r & 0xFFFF);
            items[i].value = (guint32) i;
          }
        for (gsize i = 0; i < n; i++)
          keys[i] = items[i].key;
        ld_sort_items (items, n);
        ld_sort_keys (keys, n);
        for (gsize i = 0; i < n; i++)
          g_assert_cmpuint (keys[i], ==, items[i].key);
        for (gsize i = 1; i < n; i++)
          {
            g_assert_cmpuint (items[i - 1].key, <=, items[i].key);
            if (items[i - 1].key == items[i].key)
              g_assert_cmpuint (items[i - 1].value, <, items[i].value);
          }
      }
}

static LdReport *
build_tricky_report (void)
{
  static const char *const codes[] = { "US", "DE", "us", "", "ÅX", "U" };
  static const char *const offers[] = { "Alpha", "alpha", "Álpha", "Alph", "", "Alpha " };
  static const char *const product_ids[] = { "P-1", "p-1", "P-10", "", "P-1", "P-2" };
  static const char *const plans[] = { "Basic", "basic", "Básico", "", "Basic ", "Bas" };
  static const char *const states[] = { "Active", "active", "Inactive", "" };
  static const char *const types[] = { "X", "x", "Ω", "" };
  LdReportBuilder *builder = ld_report_builder_new (G_N_ELEMENTS (fixture_names),
                                                    fixture_names, fixture_fields);
  g_autoptr (GRand) rng = g_rand_new_with_seed (2026);

  for (guint i = 0; i < 2000; i++)
    {
      const char *name = tricky_texts[g_rand_int_range (rng, 0, G_N_ELEMENTS (tricky_texts))];
      guint o = g_rand_int_range (rng, 0, G_N_ELEMENTS (offers));
      guint32 provisioned = g_rand_int_range (rng, 0, 4);
      guint32 assigned = g_rand_int_range (rng, 0, provisioned + 1);
      guint32 date = 20250000 + (guint32) g_rand_int_range (rng, 1, 13) * 100 + 1;
      g_autofree char *date_text = g_strdup_printf ("%u-%02u-01", date / 10000, date / 100 % 100);
      g_autofree char *count_a = g_strdup_printf ("%u", assigned);
      g_autofree char *count_p = g_strdup_printf ("%u", provisioned);
      const char *code = codes[g_rand_int_range (rng, 0, G_N_ELEMENTS (codes))];
      const char *cells[] = {
        code, code, name, date_text,
        offers[o], product_ids[o], plans[g_rand_int_range (rng, 0, G_N_ELEMENTS (plans))],
        "svc", states[g_rand_int_range (rng, 0, G_N_ELEMENTS (states))], count_a, count_p,
        types[g_rand_int_range (rng, 0, G_N_ELEMENTS (types))],
      };

      add_cells (builder, cells, G_N_ELEMENTS (cells), date, FALSE, assigned, provisioned);
    }

  return ld_report_builder_finish (builder, "tricky.csv", NULL, ',', LD_ENCODING_UTF8, FALSE);
}

/* The comparisons the tables were sorted with before they had ranks. */
#define REF_DESC(a, b) do { if ((a) != (b)) return (a) > (b) ? -1 : 1; } while (0)
#define REF_STR(a, b) do { int c_ = strcmp ((a), (b)); if (c_ != 0) return c_; } while (0)
#define REF_ASC(a, b) do { if ((a) != (b)) return (a) < (b) ? -1 : 1; } while (0)

static int
ref_products (const void *pa,
              const void *pb)
{
  const LdProductRow *a = pa, *b = pb;

  REF_DESC (a->provisioned, b->provisioned);
  REF_STR (a->product_name, b->product_name);
  REF_STR (a->plan_name, b->plan_name);
  REF_STR (a->product_id, b->product_id);
  REF_ASC (a->group, b->group);
  return 0;
}

static int
ref_customers (const void *pa,
               const void *pb)
{
  const LdCustomerRow *a = pa, *b = pb;

  REF_DESC (a->provisioned, b->provisioned);
  REF_STR (a->name, b->name);
  REF_STR (a->country_code, b->country_code);
  REF_ASC (a->customer, b->customer);
  return 0;
}

static int
ref_countries (const void *pa,
               const void *pb)
{
  const LdCountryRow *a = pa, *b = pb;

  REF_DESC (a->provisioned, b->provisioned);
  REF_STR (a->code, b->code);
  return 0;
}

static int
ref_facets (const void *pa,
            const void *pb)
{
  const LdFacetOption *a = pa, *b = pb;

  REF_DESC (a->provisioned, b->provisioned);
  REF_STR (a->value, b->value);
  return 0;
}

/* Sorts a copy of @rows with @compare and checks it is @rows, byte for byte. */
static void
assert_sorted_as (const void  *rows,
                  guint        n,
                  gsize        size,
                  GCompareFunc compare,
                  const char  *what)
{
  g_autofree void *copy = g_memdup2 (rows, MAX (n, 1) * size);

  qsort (copy, n, size, (int (*) (const void *, const void *)) compare);
  if (memcmp (copy, rows, n * size) != 0)
    g_error ("%s: order differs from the strcmp() reference", what);
}

static void
assert_result_order (LdResult *result)
{
  const void *rows;
  guint n;

  rows = ld_result_get_products (result, &n);
  assert_sorted_as (rows, n, sizeof (LdProductRow), (GCompareFunc) ref_products, "products");
  rows = ld_result_get_customers_table (result, &n);
  g_assert_cmpuint (n, ==, ld_result_get_customers (result));
  assert_sorted_as (rows, n, sizeof (LdCustomerRow), (GCompareFunc) ref_customers, "customers");
  rows = ld_result_get_countries (result, &n);
  assert_sorted_as (rows, n, sizeof (LdCountryRow), (GCompareFunc) ref_countries, "countries");
  for (int d = 0; d < LD_N_DIMS; d++)
    {
      const LdFacetOption *options = ld_result_get_facet (result, d, &n);
      g_autofree char *what = g_strdup_printf ("facet %s", ld_dimension_get_cli_name (d));

      assert_sorted_as (options, n, sizeof (LdFacetOption), (GCompareFunc) ref_facets, what);
    }
}

static void
test_sort_order (void)
{
  g_autoptr (LdReport) report = build_tricky_report ();
  g_autoptr (LdQuery) query = ld_query_new (report);
  LdResult *result;
  guint n;

  /* The fixture makes the ties it is about. */
  g_assert_cmpuint (ld_report_get_n_customers (report), >, 150);
  g_assert_cmpuint (report->n_groups, >, 20);

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  assert_result_order (result);
  ld_result_unref (result);

  ld_query_set_range_preset (query, LD_RANGE_LAST_6);
  result = ld_query_run (query);
  assert_result_order (result);
  ld_result_unref (result);

  /* Selected values the file does not hold merge by text among the options with
   * nothing provisioned: before, between and after the file's own. */
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "Contoso");
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "Contoso Lt");
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "\x01 first");
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "\xf4\x8f\xbf\xbf last");
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "ab ");
  ld_query_add_filter_value (query, LD_DIM_STATE, "Active");
  ld_query_add_filter_value (query, LD_DIM_STATE, "ACTIVE");
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, "US");
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, "ZZ");
  result = ld_query_run (query);
  assert_result_order (result);
  ld_result_get_facet (result, LD_DIM_CUSTOMER, &n);
  g_assert_cmpuint (n, >, 4);
  ld_result_unref (result);

  /* Nothing passes: every option has 0, ordered by text alone. */
  ld_query_add_filter_value (query, LD_DIM_OFFER_TYPE, "none such");
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 0);
  assert_result_order (result);
  ld_result_unref (result);
}

/* ---- dictionaries and counts past 256 and 65,536 values -------------------------
 *
 * The store keeps ids 1, 2 or 4 bytes wide as each dictionary or count needs, and
 * the scan widens them block by block. This report makes every width: 70,000
 * customers (names, customers and pairs 4 bytes), 300 plans and services (2 bytes,
 * and 300 groups), 20 countries, 3 products and 3 states (1 byte). With Tenant IDs
 * each customer has two country codes, so the per-row country path and the
 * (customer, code) pairs are exercised too. The figures are checked against a plain
 * reference computed here from the same generated rows. */

#define WIDE_ROWS 140000
#define WIDE_CUSTOMERS 70000
#define WIDE_PLANS 300
#define WIDE_CODES 20

typedef struct {
  guint   customer;
  guint   code;
  guint   plan;
  guint   product;
  guint   state;
  int     month;
  guint32 date;
  guint32 assigned;
  guint32 provisioned;
} WideRow;

static const char *const wide_states[] = { "Active", "Inactive", "Suspended" };

static void
wide_row (guint    i,
          gboolean tenants,
          WideRow *row)
{
  guint m = (i * 7 + i / 11) % 12;

  row->customer = i % WIDE_CUSTOMERS;
  /* With tenants a customer's two rows have two codes; without, the code is part
   * of who the customer is. */
  row->code = tenants ? (row->customer + i / WIDE_CUSTOMERS) % WIDE_CODES : row->customer % WIDE_CODES;
  row->plan = (i * 7 + i / 1000) % WIDE_PLANS;
  row->product = row->plan % 3;
  row->state = (i / 3) % 3;
  row->month = LD_MONTH (2025, m + 1);
  row->date = 20250000 + (m + 1) * 100 + 1 + i % 28;
  row->assigned = i % 5;
  row->provisioned = row->assigned + i % 7;
}

/* The text of each file column of row @i (12 columns, or 13 with tenants). */
static guint
wide_cells (guint       i,
            gboolean    tenants,
            char        texts[13][48],
            const char *cells[13])
{
  WideRow r;
  guint n = 0;

  wide_row (i, tenants, &r);
  g_snprintf (texts[n++], 48, "Country %02u", r.code);
  g_snprintf (texts[n++], 48, "C%02u", r.code);
  g_snprintf (texts[n++], 48, "Customer %05u", r.customer);
  g_snprintf (texts[n++], 48, "%u-%02u-%02u", r.date / 10000, r.date / 100 % 100, r.date % 100);
  g_snprintf (texts[n++], 48, "Offer %u", r.product);
  g_snprintf (texts[n++], 48, "P-%u", r.product);
  g_snprintf (texts[n++], 48, "Plan %03u", r.plan);
  g_snprintf (texts[n++], 48, "Offer%u.plan%03u", r.product, r.plan);
  g_snprintf (texts[n++], 48, "%s", wide_states[r.state]);
  g_snprintf (texts[n++], 48, "%u", r.assigned);
  g_snprintf (texts[n++], 48, "%u", r.provisioned);
  g_snprintf (texts[n++], 48, "%s", r.product == 2 ? "Power BI visual" : "Dynamics 365");
  if (tenants)
    g_snprintf (texts[n++], 48, "tenant-%05u", r.customer);
  for (guint c = 0; c < n; c++)
    cells[c] = texts[c];
  return n;
}

static LdReport *
build_wide_report (gboolean tenants)
{
  const char *names[13];
  LdField fields[13];
  LdReportBuilder *builder;
  guint n_columns = G_N_ELEMENTS (fixture_names) + (tenants ? 1 : 0);

  for (guint c = 0; c < G_N_ELEMENTS (fixture_names); c++)
    {
      names[c] = fixture_names[c];
      fields[c] = fixture_fields[c];
    }
  names[12] = "TenantId";
  fields[12] = LD_FIELD_TENANT_ID;
  builder = ld_report_builder_new (n_columns, names, fields);

  for (guint i = 0; i < WIDE_ROWS; i++)
    {
      char texts[13][48];
      const char *cells[13];
      WideRow r;

      wide_row (i, tenants, &r);
      add_cells (builder, cells, wide_cells (i, tenants, texts, cells), r.date, FALSE,
                 r.assigned, r.provisioned);
    }

  return ld_report_builder_finish (builder, "wide.csv", NULL, ',', LD_ENCODING_UTF8, FALSE);
}

typedef struct {
  int          from;
  int          to;
  const guint8 *plans;      /* WIDE_PLANS entries, or NULL: no filter */
  const guint8 *states;     /* 3 entries, or NULL */
  const guint8 *customers;  /* WIDE_CUSTOMERS entries, or NULL */
  gboolean     all_time;    /* the All time preset: no previous period */
} WideFilter;

/* Whether row @r passes the filters, whatever its month, leaving out the filter of
 * @skip (a dimension, or -1). */
static gboolean
wide_passes_filters (const WideFilter *f,
                     const WideRow    *r,
                     int               skip)
{
  return (f->plans == NULL || skip == LD_DIM_PLAN || f->plans[r->plan])
         && (f->states == NULL || skip == LD_DIM_STATE || f->states[r->state])
         && (f->customers == NULL || skip == LD_DIM_CUSTOMER || f->customers[r->customer]);
}

/* … and the range. */
static gboolean
wide_passes (const WideFilter *f,
             const WideRow    *r,
             int               skip)
{
  return r->month >= f->from && r->month <= f->to && wide_passes_filters (f, r, skip);
}

static int
ref_adoption (const void *pa,
              const void *pb)
{
  const LdAdoptionRow *a = pa, *b = pb;

  if (a->unassigned != b->unassigned)
    return a->unassigned > b->unassigned ? -1 : 1;
  if (strcmp (a->name, b->name) != 0)
    return strcmp (a->name, b->name);
  if (strcmp (a->country_code, b->country_code) != 0)
    return strcmp (a->country_code, b->country_code);
  return (a->customer > b->customer) - (a->customer < b->customer);
}

static inline gboolean
bit_test_and_set (guint8 *bits,
                  gsize   i)
{
  gboolean was = (bits[i / 8] >> (i % 8)) & 1;

  bits[i / 8] |= 1 << (i % 8);
  return !was;
}

static void
assert_wide_result (LdResult         *result,
                    gboolean          tenants,
                    const WideFilter *f)
{
  guint n_months = f->to - f->from + 1;
  g_autofree guint64 *month_prov = g_new0 (guint64, n_months);
  g_autofree guint64 *month_new = g_new0 (guint64, n_months);
  g_autofree guint64 *month_cum = g_new0 (guint64, n_months);
  g_autofree guint16 *customer_months = g_new0 (guint16, WIDE_CUSTOMERS);
  g_autofree guint8 *customer_products = g_new0 (guint8, WIDE_CUSTOMERS);
  g_autofree guint64 *customer_prov = g_new0 (guint64, WIDE_CUSTOMERS);
  g_autofree guint64 *customer_asg = g_new0 (guint64, WIDE_CUSTOMERS);
  g_autofree guint8 *plan_customers_bits = g_new0 (guint8, WIDE_PLANS * WIDE_CUSTOMERS / 8 + 1);
  g_autofree guint8 *code_customers_bits = g_new0 (guint8, WIDE_CODES * WIDE_CUSTOMERS / 8 + 1);
  guint64 plan_prov[WIDE_PLANS] = { 0 }, plan_asg[WIDE_PLANS] = { 0 }, plan_customers[WIDE_PLANS] = { 0 };
  guint64 code_prov[WIDE_CODES] = { 0 }, code_asg[WIDE_CODES] = { 0 }, code_customers[WIDE_CODES] = { 0 };
  guint64 facet_plan[WIDE_PLANS] = { 0 }, facet_state[3] = { 0 };
  guint64 rows = 0, prov = 0, asg = 0, customers = 0, cumulative = 0;
  /* SPEC §3: a customer is new in the month of its first row passing the filters,
   * wherever that month is; the previous period is as many months before the range. */
  g_autofree int *first_month = g_new (int, WIDE_CUSTOMERS);
  g_autofree guint64 *month_fresh = g_new0 (guint64, n_months);
  g_autofree guint8 *prev_bits = g_new0 (guint8, WIDE_CUSTOMERS / 8 + 1);
  int prev_from = f->from - (int) n_months;
  gboolean has_prev = !f->all_time && prev_from >= LD_MONTH (2025, 1);
  guint64 prev_customers = 0, prev_prov = 0, prev_asg = 0;
  /* States: 12 months × 3 states, distinct customers through bits. */
  g_autofree guint8 *state_bits = g_new0 (guint8, (gsize) 12 * 3 * WIDE_CUSTOMERS / 8 + 1);
  guint64 state_customers[12][3] = { { 0 } }, state_prov[12][3] = { { 0 } }, state_asg[12][3] = { { 0 } };
  gboolean state_occurs[3] = { FALSE, FALSE, FALSE };
  const LdProductRow *products;
  const LdCustomerRow *customer_rows;
  const LdCountryRow *countries;
  const LdFacetOption *options;
  const LdAdoptionRow *adoption;
  guint n;

  for (guint c = 0; c < WIDE_CUSTOMERS; c++)
    first_month[c] = G_MAXINT;

  for (guint i = 0; i < WIDE_ROWS; i++)
    {
      WideRow r;

      wide_row (i, tenants, &r);
      if (wide_passes_filters (f, &r, -1))
        {
          first_month[r.customer] = MIN (first_month[r.customer], r.month);
          if (has_prev && r.month >= prev_from && r.month < f->from)
            {
              prev_customers += bit_test_and_set (prev_bits, r.customer);
              prev_prov += r.provisioned;
              prev_asg += r.assigned;
            }
        }
      if (wide_passes (f, &r, LD_DIM_PLAN))
        facet_plan[r.plan] += r.provisioned;
      if (wide_passes (f, &r, LD_DIM_STATE))
        facet_state[r.state] += r.provisioned;
      if (!wide_passes (f, &r, -1))
        continue;

      rows++;
      prov += r.provisioned;
      asg += r.assigned;
      month_prov[r.month - f->from] += r.provisioned;
      customer_months[r.customer] |= 1 << (r.month - f->from);
      customer_products[r.customer] |= 1 << r.product;
      customer_prov[r.customer] += r.provisioned;
      customer_asg[r.customer] += r.assigned;
      plan_prov[r.plan] += r.provisioned;
      plan_asg[r.plan] += r.assigned;
      plan_customers[r.plan] += bit_test_and_set (plan_customers_bits, (gsize) r.plan * WIDE_CUSTOMERS + r.customer);
      code_prov[r.code] += r.provisioned;
      code_asg[r.code] += r.assigned;
      code_customers[r.code] += bit_test_and_set (code_customers_bits, (gsize) r.code * WIDE_CUSTOMERS + r.customer);
      {
        guint k = r.month - f->from;

        state_occurs[r.state] = TRUE;
        state_prov[k][r.state] += r.provisioned;
        state_asg[k][r.state] += r.assigned;
        state_customers[k][r.state] += bit_test_and_set (state_bits, ((gsize) k * 3 + r.state) * WIDE_CUSTOMERS + r.customer);
      }
    }
  for (guint c = 0; c < WIDE_CUSTOMERS; c++)
    if (customer_months[c] != 0)
      {
        customers++;
        month_cum[g_bit_nth_lsf (customer_months[c], -1)]++;
        for (guint k = 0; k < n_months; k++)
          month_new[k] += (customer_months[c] >> k) & 1;
        if (first_month[c] >= f->from)
          month_fresh[first_month[c] - f->from]++;
      }
  for (guint k = 0; k < n_months; k++)
    {
      cumulative += month_cum[k];
      month_cum[k] = cumulative;
    }

  g_assert_cmpuint (ld_result_get_rows (result), ==, rows);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, prov);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, asg);
  g_assert_cmpuint (ld_result_get_customers (result), ==, customers);
  g_assert_cmpuint (ld_result_get_n_months (result), ==, n_months);
  assert_series (ld_result_get_month_provisioned (result), month_prov, n_months);
  assert_series (ld_result_get_active_customers (result), month_new, n_months);
  assert_series (ld_result_get_new_customers (result), month_fresh, n_months);
  assert_series (ld_result_get_cumulative_customers (result), month_cum, n_months);
  for (guint k = 0; k < n_months; k++)
    g_assert_cmpuint (ld_result_get_returning_customers (result)[k], ==, month_new[k] - month_fresh[k]);

  g_assert_cmpint (ld_result_has_previous (result), ==, has_prev);
  if (has_prev)
    {
      g_assert_cmpint (ld_result_get_previous_from_month (result), ==, prev_from);
      g_assert_cmpint (ld_result_get_previous_to_month (result), ==, f->from - 1);
      g_assert_cmpuint (ld_result_get_previous_customers (result), ==, prev_customers);
      g_assert_cmpuint (ld_result_get_previous_provisioned (result), ==, prev_prov);
      g_assert_cmpuint (ld_result_get_previous_assigned (result), ==, prev_asg);
      g_assert_cmpuint (prev_customers, >, 0);
    }

  adoption = ld_result_get_adoption (result, &n);
  g_assert_cmpuint (n, ==, customers);
  for (guint i = 0; i < n; i++)
    {
      guint c = (guint) g_ascii_strtoull (adoption[i].name + 9, NULL, 10);

      g_assert_cmpuint (adoption[i].provisioned, ==, customer_prov[c]);
      g_assert_cmpuint (adoption[i].assigned, ==, customer_asg[c]);
      g_assert_cmpuint (adoption[i].unassigned, ==, customer_prov[c] > customer_asg[c] ? customer_prov[c] - customer_asg[c] : 0);
    }
  assert_sorted_as (adoption, n, sizeof (LdAdoptionRow), (GCompareFunc) ref_adoption, "adoption");

  /* wide_states is in text order already: Active, Inactive, Suspended. */
  {
    guint j = 0;

    for (guint s = 0; s < 3; s++)
      {
        if (!state_occurs[s])
          continue;
        g_assert_cmpuint (j, <, ld_result_get_n_states (result));
        g_assert_cmpstr (ld_result_get_state (result, j), ==, wide_states[s]);
        for (guint k = 0; k < n_months; k++)
          {
            LdStateFigures figures;

            ld_result_get_state_figures (result, j, k, &figures);
            g_assert_cmpuint (figures.customers, ==, state_customers[k][s]);
            g_assert_cmpuint (figures.provisioned, ==, state_prov[k][s]);
            g_assert_cmpuint (figures.assigned, ==, state_asg[k][s]);
          }
        j++;
      }
    g_assert_cmpuint (ld_result_get_n_states (result), ==, j);
  }

  products = ld_result_get_products (result, &n);
  for (guint i = 0, seen = 0; i <= n; i++)
    {
      if (i == n)
        {
          /* Every plan with a passing row has its row, and no other. */
          guint expected = 0;

          for (guint p = 0; p < WIDE_PLANS; p++)
            expected += plan_customers[p] != 0;
          g_assert_cmpuint (seen, ==, expected);
          break;
        }
      if (products[i].customers == 0)
        continue;
      seen++;
      {
        guint p = (guint) g_ascii_strtoull (products[i].plan_name + 5, NULL, 10);
        g_autofree char *id = g_strdup_printf ("P-%u", p % 3);

        g_assert_cmpstr (products[i].product_id, ==, id);
        g_assert_cmpstr (products[i].offer_type, ==, p % 3 == 2 ? "Power BI visual" : "Dynamics 365");
        g_assert_cmpuint (products[i].provisioned, ==, plan_prov[p]);
        g_assert_cmpuint (products[i].assigned, ==, plan_asg[p]);
        g_assert_cmpuint (products[i].customers, ==, plan_customers[p]);
      }
    }

  customer_rows = ld_result_get_customers_table (result, &n);
  g_assert_cmpuint (n, ==, customers);
  for (guint i = 0; i < n; i++)
    {
      guint c = (guint) g_ascii_strtoull (customer_rows[i].name + 9, NULL, 10);

      g_assert_cmpuint (customer_rows[i].provisioned, ==, customer_prov[c]);
      g_assert_cmpuint (customer_rows[i].assigned, ==, customer_asg[c]);
      g_assert_cmpuint (customer_rows[i].products, ==, (guint) __builtin_popcount (customer_products[c]));
    }

  countries = ld_result_get_countries (result, &n);
  for (guint i = 0; i < n; i++)
    {
      guint k = (guint) g_ascii_strtoull (countries[i].code + 1, NULL, 10);
      g_autofree char *name = g_strdup_printf ("Country %02u", k);

      if (countries[i].customers == 0)
        continue;
      g_assert_cmpstr (countries[i].name, ==, name);
      g_assert_cmpuint (countries[i].provisioned, ==, code_prov[k]);
      g_assert_cmpuint (countries[i].assigned, ==, code_asg[k]);
      g_assert_cmpuint (countries[i].customers, ==, code_customers[k]);
    }

  options = ld_result_get_facet (result, LD_DIM_PLAN, &n);
  for (guint i = 0; i < n; i++)
    if (options[i].present)
      {
        guint p = (guint) g_ascii_strtoull (options[i].value + 5, NULL, 10);

        g_assert_cmpuint (options[i].provisioned, ==, facet_plan[p]);
      }
    else
      g_assert_true (options[i].selected);
  options = ld_result_get_facet (result, LD_DIM_STATE, &n);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    for (guint s = 0; s < 3; s++)
      if (strcmp (options[i].value, wide_states[s]) == 0)
        g_assert_cmpuint (options[i].provisioned, ==, facet_state[s]);

  assert_result_order (result);
}

/* The data table gives back exactly the generated cells of the passing rows, in
 * file order. */
static void
assert_wide_data (LdQuery          *query,
                  gboolean          tenants,
                  const WideFilter *f)
{
  g_autoptr (LdTable) table = ld_table_new_data (query);
  guint n_columns = ld_table_get_n_columns (table);
  gsize row = 0;

  g_assert_cmpuint (n_columns, ==, tenants ? 13 : 12);
  for (guint i = 0; i < WIDE_ROWS; i++)
    {
      char texts[13][48];
      const char *cells[13];
      LdCell got[13];
      WideRow r;

      wide_row (i, tenants, &r);
      if (!wide_passes (f, &r, -1))
        continue;
      g_assert_cmpuint (row, <, ld_table_get_n_rows (table));
      wide_cells (i, tenants, texts, cells);
      ld_table_get_row (table, row++, got);
      for (guint c = 0; c < n_columns; c++)
        switch (got[c].kind)
          {
          case LD_CELL_TEXT:
            g_assert_cmpstr (got[c].text, ==, cells[c]);
            g_assert_cmpuint (got[c].len, ==, strlen (cells[c]));
            break;
          case LD_CELL_DATE:
            g_assert_cmpint (got[c].value, ==, r.date);
            break;
          case LD_CELL_INT:
            g_assert_cmpint (got[c].value, ==, (gint64) g_ascii_strtoull (cells[c], NULL, 10));
            break;
          default:
            g_assert_not_reached ();
          }
    }
  g_assert_cmpuint (row, ==, ld_table_get_n_rows (table));
}

static void
test_wide_ids (gconstpointer data)
{
  gboolean tenants = GPOINTER_TO_INT (data);
  g_autoptr (LdReport) report = build_wide_report (tenants);
  g_autoptr (LdQuery) query = ld_query_new (report);
  g_autofree guint8 *plans = g_new0 (guint8, WIDE_PLANS);
  g_autofree guint8 *customers = g_new0 (guint8, WIDE_CUSTOMERS);
  const guint8 states[3] = { 1, 0, 1 };
  WideFilter all = { LD_MONTH (2025, 1), LD_MONTH (2025, 12), NULL, NULL, NULL, TRUE };
  WideFilter some = { LD_MONTH (2025, 3), LD_MONTH (2025, 9), plans, states, NULL, FALSE };
  /* Four months with a previous period (Apr–Jul) and rows before it (Jan–Mar). */
  WideFilter late = { LD_MONTH (2025, 8), LD_MONTH (2025, 11), plans, states, NULL, FALSE };
  WideFilter few = { LD_MONTH (2025, 1), LD_MONTH (2025, 12), NULL, states, customers, TRUE };
  WideFilter few_late = { LD_MONTH (2025, 7), LD_MONTH (2025, 12), NULL, NULL, customers, FALSE };
  LdResult *result;

  /* Every width is there. */
  g_assert_cmpuint (report->n_rows, ==, WIDE_ROWS);
  g_assert_cmpuint (report->n_customers, ==, WIDE_CUSTOMERS);
  g_assert_cmpuint (report->n_groups, ==, WIDE_PLANS);
  g_assert_cmpuint (report->columns[2].ids.width, ==, 4);   /* CustomerName */
  g_assert_cmpuint (report->columns[6].ids.width, ==, 2);   /* PlanName */
  g_assert_cmpuint (report->columns[7].ids.width, ==, 2);   /* ServiceId */
  g_assert_cmpuint (report->columns[1].ids.width, ==, 1);   /* CustomerCountryCode */
  g_assert_cmpuint (report->columns[8].ids.width, ==, 1);   /* LicenseState */
  g_assert_cmpuint (report->customer.width, ==, 4);
  g_assert_cmpuint (report->group.width, ==, 2);
  g_assert_cmpuint (report->customer_group_pair.width, ==, 4);
  g_assert_cmpuint (report->customer_product_pair.width, ==, 4);
  if (tenants)
    {
      g_assert_cmpuint (report->columns[12].ids.width, ==, 4);
      g_assert_nonnull (report->customer_country_pair.data);
      g_assert_cmpuint (report->customer_country_pair.width, ==, 4);
      g_assert_cmpuint (report->n_customer_country_pairs, ==, 2 * WIDE_CUSTOMERS);
    }
  else
    g_assert_null (report->customer_country_pair.data);

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);
  assert_wide_result (result, tenants, &all);
  ld_result_unref (result);
  assert_wide_data (query, tenants, &all);

  /* Plans by 2-byte ids, states by 1-byte ids, a plan absent from the file. */
  for (guint p = 7; p < WIDE_PLANS; p += 37)
    {
      g_autofree char *plan = g_strdup_printf ("Plan %03u", p);

      plans[p] = 1;
      ld_query_add_filter_value (query, LD_DIM_PLAN, plan);
    }
  ld_query_add_filter_value (query, LD_DIM_PLAN, "Plan 999");
  ld_query_add_filter_value (query, LD_DIM_STATE, "Active");
  ld_query_add_filter_value (query, LD_DIM_STATE, "Suspended");
  ld_query_set_custom_range (query, some.from, some.to);
  result = ld_query_run (query);
  assert_wide_result (result, tenants, &some);
  ld_result_unref (result);
  assert_wide_data (query, tenants, &some);

  ld_query_set_custom_range (query, late.from, late.to);
  result = ld_query_run (query);
  assert_wide_result (result, tenants, &late);
  ld_result_unref (result);

  /* Customers on either side of the 256 and 65,536 boundaries. */
  ld_query_clear_filter (query, LD_DIM_PLAN);
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  for (guint c = 0; c < WIDE_CUSTOMERS; c++)
    if (c % 997 == 3 || c == 255 || c == 256 || c == 65535 || c == 65536 || c == WIDE_CUSTOMERS - 1)
      {
        g_autofree char *name = g_strdup_printf ("Customer %05u", c);

        customers[c] = 1;
        ld_query_add_filter_value (query, LD_DIM_CUSTOMER, name);
      }
  result = ld_query_run (query);
  assert_wide_result (result, tenants, &few);
  ld_result_unref (result);
  assert_wide_data (query, tenants, &few);

  /* Customers alone (whole customers kept or dropped), with a previous period. */
  ld_query_clear_filter (query, LD_DIM_STATE);
  ld_query_set_custom_range (query, few_late.from, few_late.to);
  result = ld_query_run (query);
  assert_wide_result (result, tenants, &few_late);
  ld_result_unref (result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/dict", test_dict);
  g_test_add_func ("/query/store-layout", test_store_layout);
  g_test_add_func ("/query/all-time", test_all_time);
  g_test_add_func ("/query/presets", test_presets);
  g_test_add_func ("/query/custom-ranges", test_custom_ranges);
  g_test_add_func ("/query/filters", test_filters);
  g_test_add_func ("/query/only-and-collect", test_only_and_collect);
  g_test_add_func ("/query/percent-rounding", test_percent_rounding);
  g_test_add_func ("/query/tenant-identity", test_tenant_identity);
  g_test_add_func ("/query/builder-dates-and-drops", test_builder_dates_and_drops);
  g_test_add_func ("/query/empty-report", test_empty_report);
  g_test_add_func ("/query/range-parse", test_range_parse);
  g_test_add_func ("/query/dict-ranks", test_dict_ranks);
  g_test_add_func ("/query/sort-items", test_sort_items);
  g_test_add_func ("/query/sort-order", test_sort_order);
  g_test_add_data_func ("/query/wide-ids", GINT_TO_POINTER (FALSE), test_wide_ids);
  g_test_add_data_func ("/query/wide-ids-tenants", GINT_TO_POINTER (TRUE), test_wide_ids);

  return g_test_run ();
}
