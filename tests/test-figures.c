/* test-figures.c — SPEC v2's figures on small reports worked out by hand
 *
 * New and returning customers, the previous period, adoption and licence states
 * (SPEC §3, §4.5, §4.6, §5), each from CSV text read by the real loader, checked
 * through the result's accessors and the exported tables, byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ld-loader.h"
#include "ld-query.h"
#include "ld-table.h"
#include "ld-writer.h"

/* ---- helpers --------------------------------------------------------------------- */

static LdReport *
load (const char *csv)
{
  g_autoptr(GError) error = NULL;
  LdReport *report = ld_loader_load_data (csv, strlen (csv), "figures.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 0);
  return report;
}

static char *
table_text (LdQuery    *query,
            LdWidgetId  widget,
            LdFormat    format)
{
  g_autoptr(LdTable) table = ld_table_new (query, NULL, widget);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ld_table_write (table, format, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
assert_table (LdQuery    *query,
              LdWidgetId  widget,
              const char *expected)
{
  g_autofree char *csv = table_text (query, widget, LD_FORMAT_CSV);

  if (g_strcmp0 (csv, expected) != 0)
    g_error ("table %s:\n%s\nexpected:\n%s", ld_widget_id_to_string (widget), csv, expected);
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

static void
set_range (LdQuery    *query,
           const char *range)
{
  LdRangePreset preset;
  int from, to;

  g_assert_true (ld_range_parse (range, &preset, &from, &to));
  if (preset == LD_RANGE_CUSTOM)
    ld_query_set_custom_range (query, from, to);
  else
    ld_query_set_range_preset (query, preset);
}

#define SUMMARY_HEADER \
  "Customers,LicensesProvisioned,LicensesAssigned,AssignmentRate,From,To,Rows,RowsSkipped," \
  "PreviousFrom,PreviousTo,PreviousCustomers,PreviousLicensesProvisioned," \
  "PreviousLicensesAssigned,PreviousAssignmentRate\n"
#define CUSTOMERS_HEADER \
  "Month,ActiveCustomers,NewCustomers,ReturningCustomers,CumulativeCustomers\n"
#define STATES_HEADER \
  "Month,LicenseState,Customers,LicensesProvisioned,LicensesAssigned\n"
#define ADOPTION_HEADER \
  "CustomerName,CustomerCountryCode,LicensesProvisioned,LicensesAssigned,LicensesUnassigned," \
  "AssignmentRate\n"

/* ---- the history ------------------------------------------------------------------
 *
 * Six months, five customers (A Alpha/US, B Beta/DE, G Gamma/FR, D Delta/US,
 * E Epsilon/DE), rows numbered as below:
 *
 *   1 Jan A P1 Basic Active     10/8     6 Apr D P2 Pro   Active   8/8
 *   2 Jan B P2 Pro   Active      5/5     7 Apr A P1 Basic Active   3/3
 *   3 Feb A P2 Pro   Suspended   4/0     8 May G P2 Pro   Active   1/0
 *   4 Mar G P1 Basic Active      6/3     9 Jun E P1 Basic Active   7/2
 *   5 Mar B P1 Basic Inactive    2/1    10 Jun B P2 Pro   Active   2/2
 *
 * (provisioned/assigned). First months, unfiltered: A Jan, B Jan, G Mar, D Apr,
 * E Jun. The data's first month is Jan 2025 and its last Jun 2025.
 */
static const char history_csv[] =
  "CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,LicenseState,LicensesProvisioned,LicensesAssigned\n"
  "Alpha,US,2025-01-10,P1,Basic,Active,10,8\n"
  "Beta,DE,2025-01-20,P2,Pro,Active,5,5\n"
  "Alpha,US,2025-02-05,P2,Pro,Suspended,4,0\n"
  "Gamma,FR,2025-03-01,P1,Basic,Active,6,3\n"
  "Beta,DE,2025-03-15,P1,Basic,Inactive,2,1\n"
  "Delta,US,2025-04-02,P2,Pro,Active,8,8\n"
  "Alpha,US,2025-04-30,P1,Basic,Active,3,3\n"
  "Gamma,FR,2025-05-10,P2,Pro,Active,1,0\n"
  "Epsilon,DE,2025-06-01,P1,Basic,Active,7,2\n"
  "Beta,DE,2025-06-20,P2,Pro,Active,2,2\n";

/* New against returning across the range's first month, and the previous period
 * of the same length just before it. */
static void
test_new_across_range_start (void)
{
  g_autoptr(LdReport) report = load (history_csv);
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;

  /* Apr–Jun. Apr: D (first row) new, A (bought in Jan) returning. May: G returning
   * (Mar). Jun: E new, B returning (Jan). Cumulative: D A, + G, + E B.
   * Rows 6–10: provisioned 8+3+1+7+2 = 21, assigned 8+3+0+2+2 = 15, 71.428… %.
   * Previous period Jan–Mar (starts at the data's first month: it exists): rows 1–5,
   * customers A B G, provisioned 10+5+4+6+2 = 27, assigned 8+5+0+3+1 = 17,
   * 62.962… %. */
  set_range (query, "2025-04:2025-06");
  result = ld_query_run (query);
  assert_series (ld_result_get_active_customers (result), (guint64[]) { 2, 1, 2 }, 3);
  assert_series (ld_result_get_new_customers (result), (guint64[]) { 1, 0, 1 }, 3);
  assert_series (ld_result_get_returning_customers (result), (guint64[]) { 1, 1, 1 }, 3);
  assert_series (ld_result_get_cumulative_customers (result), (guint64[]) { 2, 3, 5 }, 3);
  g_assert_cmpuint (ld_result_get_new_customers_total (result), ==, 2);
  g_assert_true (ld_result_has_previous (result));
  g_assert_cmpint (ld_result_get_previous_from_month (result), ==, LD_MONTH (2025, 1));
  g_assert_cmpint (ld_result_get_previous_to_month (result), ==, LD_MONTH (2025, 3));
  g_assert_cmpuint (ld_result_get_previous_customers (result), ==, 3);
  g_assert_cmpuint (ld_result_get_previous_provisioned (result), ==, 27);
  g_assert_cmpuint (ld_result_get_previous_assigned (result), ==, 17);
  g_assert_cmpint (ld_result_get_previous_assignment_rate (result), ==, 6296);
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-04,2,1,1,2\n"
                "2025-05,1,0,1,3\n"
                "2025-06,2,1,1,5\n");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "5,21,15,71.43,2025-04,2025-06,5,0,2025-01,2025-03,3,27,17,62.96\n");
  g_clear_pointer (&result, ld_result_unref);

  /* Mar–Apr: its previous period Jan–Feb starts exactly at the data's first month.
   * Range: rows 4–7, G B D A; Mar G new, B returning; Apr D new, A returning;
   * provisioned 6+2+8+3 = 19, assigned 3+1+8+3 = 15, 78.947… %.
   * Previous: rows 1–3, A B, 10+5+4 = 19, 8+5+0 = 13, 68.421… %. */
  set_range (query, "2025-03:2025-04");
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-03,2,1,1,2\n"
                "2025-04,2,1,1,4\n");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "4,19,15,78.95,2025-03,2025-04,4,0,2025-01,2025-02,2,19,13,68.42\n");

  /* Mar–May: its previous period would be Dec 2024–Feb 2025, one month before the
   * data: none, and nothing to compare. */
  set_range (query, "2025-03:2025-05");
  result = ld_query_run (query);
  g_assert_false (ld_result_has_previous (result));
  g_assert_cmpint (ld_result_get_previous_from_month (result), ==, -1);
  g_assert_cmpint (ld_result_get_previous_to_month (result), ==, -1);
  g_assert_cmpuint (ld_result_get_previous_customers (result), ==, 0);
  g_assert_cmpuint (ld_result_get_previous_provisioned (result), ==, 0);
  /* Rows 4–8: G B D A G = 4 customers, 6+2+8+3+1 = 20, 3+1+8+3+0 = 15, 75 %. */
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "4,20,15,75.00,2025-03,2025-05,5,0,,,,,,\n");
  g_clear_pointer (&result, ld_result_unref);

  /* Two months past the data: no rows in the range, but its previous period, May–Jun,
   * lies within the data: rows 8–10, G E B, 1+7+2 = 10, 0+2+2 = 4. */
  set_range (query, "2025-07:2025-08");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "0,0,0,0.00,2025-07,2025-08,0,0,2025-05,2025-06,3,10,4,40.00\n");
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-07,0,0,0,0\n"
                "2025-08,0,0,0,0\n");

  /* All time never has a previous period; neither has last-6 here (Jan–Jun, whose
   * previous period starts in Jul 2024). Every customer is new once, in its first
   * month, whatever the range shows. */
  set_range (query, "all");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "5,48,32,66.67,2025-01,2025-06,10,0,,,,,,\n");
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-01,2,2,0,2\n"
                "2025-02,1,0,1,2\n"
                "2025-03,2,1,1,3\n"
                "2025-04,2,1,1,4\n"
                "2025-05,1,0,1,4\n"
                "2025-06,2,1,1,5\n");
  set_range (query, "last-6");
  result = ld_query_run (query);
  g_assert_false (ld_result_has_previous (result));
  g_assert_cmpuint (ld_result_get_new_customers_total (result), ==, 5);
  /* The same months as a custom range: no previous period either. */
  g_clear_pointer (&result, ld_result_unref);
  set_range (query, "2025-01:2025-06");
  result = ld_query_run (query);
  g_assert_false (ld_result_has_previous (result));
}

/* Filters decide who is new: a customer's first row is its first passing row. */
static void
test_new_under_filters (void)
{
  g_autoptr(LdReport) report = load (history_csv);
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;

  /* Plan Pro (a group filter): rows 2 B Jan, 3 A Feb, 6 D Apr, 8 G May, 10 B Jun.
   * Apr–Jun: D new in Apr; G new in May — its first Pro row, though Gamma bought
   * Basic in March and is returning without the filter; B returning in Jun (Jan).
   * Rows 6, 8, 10: 8+1+2 = 11, 8+0+2 = 10, 90.909… %. Previous Jan–Mar: rows 2, 3,
   * B and A, 5+4 = 9, 5+0 = 5, 55.555… %. */
  set_range (query, "2025-04:2025-06");
  ld_query_add_filter_value (query, LD_DIM_PLAN, "Pro");
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-04,1,1,0,1\n"
                "2025-05,1,1,0,2\n"
                "2025-06,1,0,1,3\n");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "3,11,10,90.91,2025-04,2025-06,3,0,2025-01,2025-03,2,9,5,55.56\n");
  ld_query_clear_all_filters (query);

  /* States Inactive or Suspended (a per-row filter): rows 3 A Feb, 5 B Mar. In
   * Mar–Apr, B is new in March — its first such row — though it bought in January.
   * Previous Jan–Feb: row 3, A, 4 provisioned, none assigned. */
  set_range (query, "2025-03:2025-04");
  ld_query_add_filter_value (query, LD_DIM_STATE, "Inactive");
  ld_query_add_filter_value (query, LD_DIM_STATE, "Suspended");
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-03,1,1,0,1\n"
                "2025-04,0,0,0,1\n");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "1,2,1,50.00,2025-03,2025-04,1,0,2025-01,2025-02,1,4,0,0.00\n");
  ld_query_clear_all_filters (query);

  /* Customer Alpha (a filter that keeps whole customers): returning in April.
   * Previous Jan–Mar: rows 1, 3: 10+4 = 14, 8+0 = 8, 57.142… %. */
  set_range (query, "2025-04:2025-06");
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "Alpha");
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-04,1,0,1,1\n"
                "2025-05,0,0,0,1\n"
                "2025-06,0,0,0,1\n");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "1,3,3,100.00,2025-04,2025-06,1,0,2025-01,2025-03,1,14,8,57.14\n");
  ld_query_clear_all_filters (query);

  /* Country DE: B and E. Jun: E new, B returning. Previous Jan–Mar: rows 2, 5 (B),
   * 5+2 = 7, 5+1 = 6, 85.714… %. */
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, "DE");
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-04,0,0,0,0\n"
                "2025-05,0,0,0,0\n"
                "2025-06,2,1,1,2\n");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "2,9,4,44.44,2025-04,2025-06,2,0,2025-01,2025-03,1,7,6,85.71\n");

  /* One customer only (the customer's page): Gamma, returning in May. */
  ld_query_clear_all_filters (query);
  {
    const LdCustomerRow *rows;
    guint n;

    set_range (query, "all");
    result = ld_query_run (query);
    rows = ld_result_get_customers_table (result, &n);
    g_assert_cmpuint (n, ==, 5);
    for (guint i = 0; i < n; i++)
      if (strcmp (rows[i].name, "Gamma") == 0)
        ld_query_set_customer_only (query, rows[i].customer);
  }
  set_range (query, "2025-05:2025-06");
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-05,1,0,1,1\n"
                "2025-06,0,0,0,1\n");
  /* Previous Mar–Apr: row 4, 6/3. */
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "1,1,0,0.00,2025-05,2025-06,1,0,2025-03,2025-04,1,6,3,50.00\n");
}

/* A preset's previous period: eighteen months of data, so last-6 has one (the six
 * months before it lie within the data) and last-12 has none. */
static void
test_previous_of_presets (void)
{
  g_autoptr(LdReport) report = load (
    "CustomerName,CustomerCountryCode,ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned\n"
    "Alpha,US,2024-01-15,P1,1,1\n"
    "Beta,US,2024-09-01,P1,2,1\n"
    "Alpha,US,2025-06-30,P1,3,3\n");
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;

  /* last-6 = Jan–Jun 2025: Alpha in June, returning (Jan 2024). Previous Jul–Dec
   * 2024: Beta, 2/1. */
  set_range (query, "last-6");
  assert_table (query, LD_WIDGET_SUMMARY,
                SUMMARY_HEADER
                "1,3,3,100.00,2025-01,2025-06,1,0,2024-07,2024-12,1,2,1,50.00\n");
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_new_customers_total (result), ==, 0);
  g_clear_pointer (&result, ld_result_unref);

  /* last-12 = Jul 2024–Jun 2025: its previous period would start in Jul 2023. Beta
   * is new in Sep 2024, Alpha returning in Jun 2025. */
  set_range (query, "last-12");
  result = ld_query_run (query);
  g_assert_false (ld_result_has_previous (result));
  g_assert_cmpuint (ld_result_get_new_customers_total (result), ==, 1);
  g_assert_cmpuint (ld_result_get_new_customers (result)[2], ==, 1);
  g_assert_cmpuint (ld_result_get_returning_customers (result)[11], ==, 1);
}

/* JSON: the Previous cells without a previous period are null, with one numbers
 * and month strings. */
static void
test_summary_json (void)
{
  g_autoptr(LdReport) report = load (history_csv);
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autofree char *none = NULL;
  g_autofree char *some = NULL;

  set_range (query, "2025-03:2025-05");
  none = table_text (query, LD_WIDGET_SUMMARY, LD_FORMAT_JSON);
  g_assert_cmpstr (none, ==,
                   "[\n  {\"Customers\": 4, \"LicensesProvisioned\": 20, \"LicensesAssigned\": 15, "
                   "\"AssignmentRate\": 75.00, \"From\": \"2025-03\", \"To\": \"2025-05\", \"Rows\": 5, "
                   "\"RowsSkipped\": 0, \"PreviousFrom\": null, \"PreviousTo\": null, "
                   "\"PreviousCustomers\": null, \"PreviousLicensesProvisioned\": null, "
                   "\"PreviousLicensesAssigned\": null, \"PreviousAssignmentRate\": null}\n]\n");

  set_range (query, "2025-04:2025-06");
  some = table_text (query, LD_WIDGET_SUMMARY, LD_FORMAT_JSON);
  g_assert_cmpstr (some, ==,
                   "[\n  {\"Customers\": 5, \"LicensesProvisioned\": 21, \"LicensesAssigned\": 15, "
                   "\"AssignmentRate\": 71.43, \"From\": \"2025-04\", \"To\": \"2025-06\", \"Rows\": 5, "
                   "\"RowsSkipped\": 0, \"PreviousFrom\": \"2025-01\", \"PreviousTo\": \"2025-03\", "
                   "\"PreviousCustomers\": 3, \"PreviousLicensesProvisioned\": 27, "
                   "\"PreviousLicensesAssigned\": 17, \"PreviousAssignmentRate\": 62.96}\n]\n");

  /* And json-glib reads the nulls as nulls. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *row;

    json_parser_load_from_data (parser, none, -1, &error);
    g_assert_no_error (error);
    row = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "PreviousAssignmentRate")));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "PreviousFrom")));
  }
}

/* A file with a header and no rows (SPEC §2: it opens as an empty report). A preset
 * range has no months to list; a custom range lists its three months with zeros, and
 * there is no previous period, for there is no data to cover it. */
static void
test_header_only_custom_range (void)
{
  const char *csv = "CustomerName,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = ld_loader_load_data (csv, strlen (csv), "empty.csv", &error);
  g_autoptr(LdQuery) query = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 0);
  query = ld_query_new (report);

  assert_table (query, LD_WIDGET_SUMMARY, SUMMARY_HEADER "0,0,0,0.00,,,0,0,,,,,,\n");
  assert_table (query, LD_WIDGET_CUSTOMERS, CUSTOMERS_HEADER);

  set_range (query, "2026-01:2026-03");
  assert_table (query, LD_WIDGET_SUMMARY, SUMMARY_HEADER "0,0,0,0.00,2026-01,2026-03,0,0,,,,,,\n");
  assert_table (query, LD_WIDGET_CUSTOMERS, CUSTOMERS_HEADER
                "2026-01,0,0,0,0\n"
                "2026-02,0,0,0,0\n"
                "2026-03,0,0,0,0\n");
  assert_table (query, LD_WIDGET_LICENSES, "Month,LicensesProvisioned,LicensesAssigned\n"
                "2026-01,0,0\n"
                "2026-02,0,0\n"
                "2026-03,0,0\n");
  /* No state occurs, so the grid has no rows; nobody to adopt. */
  assert_table (query, LD_WIDGET_STATES, STATES_HEADER);
  assert_table (query, LD_WIDGET_ADOPTION, ADOPTION_HEADER);
}

/* ---- adoption ---------------------------------------------------------------------
 *
 * Unassigned per customer, at its totals:
 *   Zeta/US 5−2 = 3 (40 %)     Acme/US 10−7 = 3 (70 %)    Acme/DE 4−1 = 3 (25 %)
 *   ""/US 3−0 = 3 (0 %)        acme/US 3−0 = 3            Émile/FR 3−0 = 3
 *   Over/GB: rows 2/5 and 4/0 → 6−5 = 1 (83.33 %), not 0 + 4 row by row
 *   Busy/GB 2−6 → 0 (assigned exceeds provisioned; 300 %)    Idle/FR 0−0 = 0
 * Six tie at 3: by name in UTF-8 bytes — "" < "Acme" < "Zeta" < "acme" < "Émile"
 * (upper case before lower, É = C3 89 after every ASCII letter) — and the two Acmes
 * by code, DE before US. Then Over; then Busy and Idle tie at 0, by name.
 */
static const char adoption_csv[] =
  "CustomerName,CustomerCountryCode,ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned\n"
  "Zeta,US,2025-01-05,P1,5,2\n"
  "Acme,US,2025-01-06,P1,10,7\n"
  "Acme,DE,2025-01-07,P1,4,1\n"
  ",US,2025-01-08,P1,3,0\n"
  "Over,GB,2025-01-09,P1,2,5\n"
  "Over,GB,2025-01-10,P2,4,0\n"
  "Busy,GB,2025-01-11,P1,2,6\n"
  "Idle,FR,2025-01-12,P1,0,0\n"
  "acme,US,2025-01-13,P1,3,0\n"
  "Émile,FR,2025-01-14,P1,3,0\n";

static void
test_adoption (void)
{
  g_autoptr(LdReport) report = load (adoption_csv);
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  const LdAdoptionRow *rows;
  guint n;

  set_range (query, "all");
  assert_table (query, LD_WIDGET_ADOPTION,
                ADOPTION_HEADER
                ",US,3,0,3,0.00\n"
                "Acme,DE,4,1,3,25.00\n"
                "Acme,US,10,7,3,70.00\n"
                "Zeta,US,5,2,3,40.00\n"
                "acme,US,3,0,3,0.00\n"
                "Émile,FR,3,0,3,0.00\n"
                "Over,GB,6,5,1,83.33\n"
                "Busy,GB,2,6,0,300.00\n"
                "Idle,FR,0,0,0,0.00\n");

  result = ld_query_run (query);
  rows = ld_result_get_adoption (result, &n);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpstr (rows[6].name, ==, "Over");
  g_assert_cmpuint (rows[6].unassigned, ==, 1);
  /* The row leads to the customer's own page. */
  ld_query_set_customer_only (query, rows[6].customer);
  g_clear_pointer (&result, ld_result_unref);
  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_rows (result), ==, 2);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 6);
  ld_query_set_customer_only (query, G_MAXUINT32);

  /* The filters apply. */
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, "GB");
  assert_table (query, LD_WIDGET_ADOPTION,
                ADOPTION_HEADER
                "Over,GB,6,5,1,83.33\n"
                "Busy,GB,2,6,0,300.00\n");
}

/* With Tenant IDs a customer is its tenant; its name and code are its first row's. */
static void
test_adoption_tenants (void)
{
  g_autoptr(LdReport) report = load (
    "TenantId,CustomerName,CustomerCountryCode,ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned\n"
    "t1,Old Name,US,2025-01-05,P1,5,1\n"
    "t2,Old Name,US,2025-01-06,P1,2,0\n"
    "t1,New Name,CA,2025-02-05,P1,3,3\n");
  g_autoptr(LdQuery) query = ld_query_new (report);

  /* t1: 5+3 = 8, 1+3 = 4 → 4, 50 %; t2: 2, 0 → 2. Two rows named alike, apart. */
  set_range (query, "all");
  assert_table (query, LD_WIDGET_ADOPTION,
                ADOPTION_HEADER
                "Old Name,US,8,4,4,50.00\n"
                "Old Name,US,2,0,2,0.00\n");
  /* t1 new in January and back in February; t2 new in January. */
  assert_table (query, LD_WIDGET_CUSTOMERS,
                CUSTOMERS_HEADER
                "2025-01,2,2,0,2\n"
                "2025-02,1,0,1,2\n");
}

/* "The customer's first row" is the first in the file, not the earliest by date: t1's
 * rows are in the file March, January, February, so t1 is Zed/US however the store
 * orders its months — in every table that names it, whatever the range or filters.
 * t2's first row has no name: it stays unnamed, as its first row is. */
static void
test_tenant_first_row (void)
{
  g_autoptr(LdReport) report = load (
    "TenantId,CustomerName,CustomerCountryCode,ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned\n"
    "t1,Zed,US,2026-03-05,P1,4,1\n"
    "t1,Alpha,DE,2026-01-05,P1,2,2\n"
    "t2,,FR,2026-01-07,P1,1,0\n"
    "t1,Mid,FR,2026-02-05,P2,3,0\n"
    "t2,Named Later,FR,2026-02-07,P1,1,1\n");
  g_autoptr(LdQuery) query = ld_query_new (report);

  /* t1: 4+2+3 = 9 provisioned, 1+2+0 = 3 assigned → 6 unassigned, 33.33 %;
   * t2: 2, 1 → 1 unassigned, 50 %. */
  set_range (query, "all");
  assert_table (query, LD_WIDGET_ADOPTION,
                ADOPTION_HEADER
                "Zed,US,9,3,6,33.33\n"
                ",FR,2,1,1,50.00\n");
  assert_table (query, LD_WIDGET_ANALYSIS_CUSTOMERS,
                "CustomerName,CustomerCountryCode,Products,LicensesProvisioned,LicensesAssigned,"
                "ProvisionedShare,AssignmentRate\n"
                "Zed,US,2,9,3,81.82,33.33\n"
                ",FR,1,2,1,18.18,50.00\n");

  /* January alone, and t1 filtered by a name of a later row: still Zed/US. */
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "Mid");
  set_range (query, "2026-02:2026-02");
  assert_table (query, LD_WIDGET_ADOPTION,
                ADOPTION_HEADER
                "Zed,US,3,0,3,0.00\n");
}

/* ---- licence states ---------------------------------------------------------------
 *
 *   Jan: Alpha Active 4/4 and 2/1 (one customer, twice), Beta Suspended 3/0
 *   Feb: nothing
 *   Mar: Beta blank state 5/5, Gamma Active 6/2, Alpha Suspended 1/0
 *
 * A blank LicenseState is a state of its own, written blank, first by its bytes.
 */
static const char states_csv[] =
  "CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,LicenseState,LicensesProvisioned,LicensesAssigned\n"
  "Alpha,US,2025-01-05,P1,Basic,Active,4,4\n"
  "Alpha,US,2025-01-25,P2,Pro,Active,2,1\n"
  "Beta,DE,2025-01-10,P1,Basic,Suspended,3,0\n"
  "Beta,DE,2025-03-02,P1,Basic,,5,5\n"
  "Gamma,FR,2025-03-09,P1,Basic,Active,6,2\n"
  "Alpha,US,2025-03-20,P1,Basic,Suspended,1,0\n";

static void
test_states (void)
{
  g_autoptr(LdReport) report = load (states_csv);
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;
  const LdFacetOption *options;
  LdStateFigures figures;
  guint n;

  /* Every month × every state, February's zeros included. */
  set_range (query, "all");
  assert_table (query, LD_WIDGET_STATES,
                STATES_HEADER
                "2025-01,,0,0,0\n"
                "2025-01,Active,1,6,5\n"
                "2025-01,Suspended,1,3,0\n"
                "2025-02,,0,0,0\n"
                "2025-02,Active,0,0,0\n"
                "2025-02,Suspended,0,0,0\n"
                "2025-03,,1,5,5\n"
                "2025-03,Active,1,6,2\n"
                "2025-03,Suspended,1,1,0\n");

  result = ld_query_run (query);
  g_assert_cmpuint (ld_result_get_n_states (result), ==, 3);
  g_assert_cmpstr (ld_result_get_state (result, 0), ==, "");
  g_assert_cmpstr (ld_result_get_state (result, 1), ==, "Active");
  g_assert_cmpstr (ld_result_get_state (result, 2), ==, "Suspended");
  ld_result_get_state_figures (result, 1, 0, &figures);
  g_assert_cmpuint (figures.customers, ==, 1);
  g_assert_cmpuint (figures.provisioned, ==, 6);
  g_assert_cmpuint (figures.assigned, ==, 5);
  ld_result_get_state_figures (result, 0, 1, &figures);
  g_assert_cmpuint (figures.customers + figures.provisioned + figures.assigned, ==, 0);
  /* The state facet sums as before: Active 4+2+6 = 12, blank 5, Suspended 3+1 = 4. */
  options = ld_result_get_facet (result, LD_DIM_STATE, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (options[0].value, ==, "Active");
  g_assert_cmpuint (options[0].provisioned, ==, 12);
  g_assert_cmpstr (options[1].value, ==, "");
  g_assert_cmpuint (options[1].provisioned, ==, 5);
  g_assert_cmpuint (options[2].provisioned, ==, 4);
  g_clear_pointer (&result, ld_result_unref);

  /* Only the states that occur in the filtered range: Beta has the blank one and
   * Suspended. The state facet still lists Active, with nothing given Beta. */
  ld_query_add_filter_value (query, LD_DIM_CUSTOMER, "Beta");
  assert_table (query, LD_WIDGET_STATES,
                STATES_HEADER
                "2025-01,,0,0,0\n"
                "2025-01,Suspended,1,3,0\n"
                "2025-02,,0,0,0\n"
                "2025-02,Suspended,0,0,0\n"
                "2025-03,,1,5,5\n"
                "2025-03,Suspended,0,0,0\n");
  result = ld_query_run (query);
  options = ld_result_get_facet (result, LD_DIM_STATE, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (options[0].value, ==, "");
  g_assert_cmpuint (options[0].provisioned, ==, 5);
  g_assert_cmpstr (options[1].value, ==, "Suspended");
  g_assert_cmpuint (options[1].provisioned, ==, 3);
  g_assert_cmpstr (options[2].value, ==, "Active");
  g_assert_cmpuint (options[2].provisioned, ==, 0);
  g_clear_pointer (&result, ld_result_unref);
  ld_query_clear_all_filters (query);

  /* Filtering on a state leaves that state; the facet ignores its own filter. */
  ld_query_add_filter_value (query, LD_DIM_STATE, "Active");
  assert_table (query, LD_WIDGET_STATES,
                STATES_HEADER
                "2025-01,Active,1,6,5\n"
                "2025-02,Active,0,0,0\n"
                "2025-03,Active,1,6,2\n");
  result = ld_query_run (query);
  options = ld_result_get_facet (result, LD_DIM_STATE, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (options[0].provisioned, ==, 12);
  g_assert_cmpuint (options[1].provisioned, ==, 5);
  g_assert_cmpuint (options[2].provisioned, ==, 4);
  g_clear_pointer (&result, ld_result_unref);
  ld_query_clear_all_filters (query);

  /* The blank state can be chosen like any other. */
  ld_query_add_filter_value (query, LD_DIM_STATE, "");
  assert_table (query, LD_WIDGET_STATES,
                STATES_HEADER
                "2025-01,,0,0,0\n"
                "2025-02,,0,0,0\n"
                "2025-03,,1,5,5\n");
  ld_query_clear_all_filters (query);

  /* A range reaching past the data lists its empty months too. */
  set_range (query, "2025-02:2025-04");
  assert_table (query, LD_WIDGET_STATES,
                STATES_HEADER
                "2025-02,,0,0,0\n"
                "2025-02,Active,0,0,0\n"
                "2025-02,Suspended,0,0,0\n"
                "2025-03,,1,5,5\n"
                "2025-03,Active,1,6,2\n"
                "2025-03,Suspended,1,1,0\n"
                "2025-04,,0,0,0\n"
                "2025-04,Active,0,0,0\n"
                "2025-04,Suspended,0,0,0\n");

  /* Nothing passes: no state occurs, so no rows. */
  ld_query_add_filter_value (query, LD_DIM_COUNTRY, "JP");
  assert_table (query, LD_WIDGET_STATES, STATES_HEADER);
  ld_query_clear_all_filters (query);

  /* Entirely outside the data: no rows either. */
  set_range (query, "2024-01:2024-03");
  assert_table (query, LD_WIDGET_STATES, STATES_HEADER);
}

/* A file without a LicenseState column: every row's state is blank. */
static void
test_states_without_column (void)
{
  g_autoptr(LdReport) report = load (
    "CustomerName,ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned\n"
    "A,2025-01-05,P1,4,1\n"
    "B,2025-03-05,P1,2,2\n");
  g_autoptr(LdQuery) query = ld_query_new (report);

  set_range (query, "all");
  assert_table (query, LD_WIDGET_STATES,
                STATES_HEADER
                "2025-01,,1,4,1\n"
                "2025-02,,0,0,0\n"
                "2025-03,,1,2,2\n");
}

/* More states than a customer's byte of seen states holds (the first eight state
 * ids, "" among them): S7, S8, S9 are counted the other way, and must agree.
 *   Jan: X has S0 … S9 once each and S9 again; Y has S9 and S8.
 *        S0–S7: 1 customer, 1/0 each; S8: X, Y = 2, 1+1 = 2, 0+1 = 1;
 *        S9: X (1+2), Y 4 → 2 customers, 7, 0+1+4 = 5.
 *   Feb: Y S9 1/0. */
static void
test_many_states (void)
{
  g_autoptr(GString) csv = g_string_new ("CustomerName,ActivationDate,ProductId,LicenseState,"
                                         "LicensesProvisioned,LicensesAssigned\n");
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  g_autoptr(LdResult) result = NULL;

  for (guint s = 0; s < 10; s++)
    g_string_append_printf (csv, "X,2025-01-%02u,P1,S%u,1,0\n", s + 1, s);
  g_string_append (csv, "X,2025-01-11,P1,S9,2,1\n"
                        "Y,2025-01-12,P1,S9,4,4\n"
                        "Y,2025-01-13,P1,S8,1,1\n"
                        "Y,2025-02-01,P1,S9,1,0\n");
  report = load (csv->str);
  query = ld_query_new (report);
  set_range (query, "all");
  result = ld_query_run (query);

  g_assert_cmpuint (ld_result_get_n_states (result), ==, 10);
  for (guint s = 0; s < 10; s++)
    {
      g_autofree char *name = g_strdup_printf ("S%u", s);
      LdStateFigures jan, feb;

      g_assert_cmpstr (ld_result_get_state (result, s), ==, name);
      ld_result_get_state_figures (result, s, 0, &jan);
      ld_result_get_state_figures (result, s, 1, &feb);
      g_assert_cmpuint (jan.customers, ==, s < 8 ? 1 : 2);
      g_assert_cmpuint (jan.provisioned, ==, s < 8 ? 1 : s == 8 ? 2 : 7);
      g_assert_cmpuint (jan.assigned, ==, s < 8 ? 0 : s == 8 ? 1 : 5);
      g_assert_cmpuint (feb.customers, ==, s == 9 ? 1 : 0);
      g_assert_cmpuint (feb.provisioned, ==, s == 9 ? 1 : 0);
    }

  /* The same through a filter that reads the state per row. */
  ld_query_add_filter_value (query, LD_DIM_STATE, "S9");
  ld_query_add_filter_value (query, LD_DIM_STATE, "S0");
  assert_table (query, LD_WIDGET_STATES,
                STATES_HEADER
                "2025-01,S0,1,1,0\n"
                "2025-01,S9,2,7,5\n"
                "2025-02,S0,0,0,0\n"
                "2025-02,S9,1,1,0\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/new-across-range-start", test_new_across_range_start);
  g_test_add_func ("/figures/new-under-filters", test_new_under_filters);
  g_test_add_func ("/figures/previous-of-presets", test_previous_of_presets);
  g_test_add_func ("/figures/summary-json", test_summary_json);
  g_test_add_func ("/figures/header-only-custom-range", test_header_only_custom_range);
  g_test_add_func ("/figures/adoption", test_adoption);
  g_test_add_func ("/figures/adoption-tenants", test_adoption_tenants);
  g_test_add_func ("/figures/tenant-first-row", test_tenant_first_row);
  g_test_add_func ("/figures/states", test_states);
  g_test_add_func ("/figures/states-without-column", test_states_without_column);
  g_test_add_func ("/figures/many-states", test_many_states);

  return g_test_run ();
}
