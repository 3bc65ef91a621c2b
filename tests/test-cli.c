/* test-cli.c — the real binary's --export (SPEC §6): exit codes, messages, outputs
 *
 * The figures below are worked out by hand from tests/data/cli/small.csv:
 *
 *   line 2  DE Contoso         2026-01-15  prod-a Gold    Active    asg 5  prov 10
 *   line 3  AT Fabrikam        2026-02-03  prod-a Silver  Active    asg 1  prov 4
 *   line 4  DE Contoso         2026-03-20  prod-b Basic   Inactive  asg 0  prov 6
 *   line 5  US (no name)       2026-03-01  prod-b Basic   Active    asg 2  prov 2
 *   line 6  FR "Tailspin, Inc." 2025-06-10 prod-a Gold    Active    asg 3  prov 3
 *   line 7  bad date: skipped
 *
 * The latest date is 2026-03-20, so last-6 (the default) is 2025-10 … 2026-03 and
 * holds lines 2–5. The earliest is 2025-06-10: last-6's previous period, 2025-04 …
 * 2025-09, starts before it, so last-6 has none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ld-test-util.h"

static void
run_clear (LdTestRun *run)
{
  ld_test_run_clear (run);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
}

/* Runs the binary with the NULL-terminated @args after argv[0]. */
static void
run_argv (LdTestRun         *run,
          const char *const *args)
{
  ld_test_run_dashboard (run, args);
}

#define RUN(run, ...) run_argv ((run), (const char *const[]) { __VA_ARGS__, NULL })

static void
assert_usage_error (LdTestRun  *run,
                    const char *needle)
{
  if (run->status != 2)
    g_error ("expected exit 2, got %d; stderr: %s", run->status, run->err);
  g_assert_cmpuint (run->out_len, ==, 0);
  g_assert_true (g_str_has_prefix (run->err, "license-dashboard: "));
  if (strstr (run->err, needle) == NULL)
    g_error ("stderr lacks “%s”: %s", needle, run->err);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Expected tables for last-6 over small.csv. */

/* Customers: Contoso/DE, Fabrikam/AT, (no name)/US = 3. Provisioned 10+4+6+2 = 22,
 * assigned 5+1+0+2 = 8, rate 8/22 = 36.36…%. One row skipped (line 7). No previous
 * period: six empty cells. */
#define SUMMARY_HEADER \
  "Customers,LicensesProvisioned,LicensesAssigned,AssignmentRate,From,To,Rows,RowsSkipped" \
  ",PreviousFrom,PreviousTo,PreviousCustomers,PreviousLicensesProvisioned,PreviousLicensesAssigned,PreviousAssignmentRate\n"
static const char expected_summary[] =
  SUMMARY_HEADER
  "3,22,8,36.36,2025-10,2026-03,4,1,,,,,,\n";

/* Active: Jan Contoso; Feb Fabrikam; Mar Contoso again and the US customer = 2.
 * New: each one's first month (none of them has a row before the range): Jan
 * Contoso, Feb Fabrikam, Mar the US customer; Contoso returns in March.
 * Cumulative: 1, 2, 3 (Contoso is not counted twice). */
static const char expected_customers[] =
  "Month,ActiveCustomers,NewCustomers,ReturningCustomers,CumulativeCustomers\n"
  "2025-10,0,0,0,0\n"
  "2025-11,0,0,0,0\n"
  "2025-12,0,0,0,0\n"
  "2026-01,1,1,0,1\n"
  "2026-02,1,1,0,2\n"
  "2026-03,2,1,1,3\n";

/* March: prov 6+2 = 8, asg 0+2 = 2. */
static const char expected_licenses[] =
  "Month,LicensesProvisioned,LicensesAssigned\n"
  "2025-10,0,0\n"
  "2025-11,0,0\n"
  "2025-12,0,0\n"
  "2026-01,10,5\n"
  "2026-02,4,1\n"
  "2026-03,8,2\n";

/* Gold 10/22 = 45.45 %, rate 5/10; Basic 8/22 = 36.36 %, rate 2/8, customers 2;
 * Silver 4/22 = 18.18 %, rate 1/4. */
static const char expected_products[] =
  "OfferType,ProductId,ProductDisplayName,PlanName,Customers,LicensesProvisioned,"
  "LicensesAssigned,ProvisionedShare,AssignmentRate\n"
  "Power BI visual,prod-a,Contoso Sales,Gold,1,10,5,45.45,50.00\n"
  "Dynamics 365 apps on Dataverse and Power Apps,prod-b,Contoso CRM,Basic,2,8,2,36.36,25.00\n"
  "Power BI visual,prod-a,Contoso Sales,Silver,1,4,1,18.18,25.00\n";

/* Contoso: prod-a and prod-b, prov 10+6 = 16 (72.727… → 72.73 %), asg 5 (31.25 %);
 * Fabrikam 4 (18.18 %), 1; the unnamed US customer 2 (9.09 %), 2 (100 %). */
static const char expected_analysis_customers[] =
  "CustomerName,CustomerCountryCode,Products,LicensesProvisioned,LicensesAssigned,"
  "ProvisionedShare,AssignmentRate\n"
  "Contoso,DE,2,16,5,72.73,31.25\n"
  "Fabrikam,AT,1,4,1,18.18,25.00\n"
  ",US,1,2,2,9.09,100.00\n";

static const char expected_geo[] =
  "CustomerCountryCode,CustomerCountry,Customers,LicensesProvisioned,LicensesAssigned,"
  "ProvisionedShare\n"
  "DE,Germany,1,16,5,72.73\n"
  "AT,Austria,1,4,1,18.18\n"
  "US,United States,1,2,2,9.09\n";

/* Unassigned per customer: Contoso 16 − 5 = 11 (31.25 %), Fabrikam 4 − 1 = 3 (25 %),
 * the unnamed US customer 2 − 2 = 0 (100 %). */
static const char expected_adoption[] =
  "CustomerName,CustomerCountryCode,LicensesProvisioned,LicensesAssigned,LicensesUnassigned,"
  "AssignmentRate\n"
  "Contoso,DE,16,5,11,31.25\n"
  "Fabrikam,AT,4,1,3,25.00\n"
  ",US,2,2,0,100.00\n";

/* States in the range: Active (lines 2, 3, 5) and Inactive (line 4), for each of the
 * six months, the empty ones too. */
static const char expected_states[] =
  "Month,LicenseState,Customers,LicensesProvisioned,LicensesAssigned\n"
  "2025-10,Active,0,0,0\n"
  "2025-10,Inactive,0,0,0\n"
  "2025-11,Active,0,0,0\n"
  "2025-11,Inactive,0,0,0\n"
  "2025-12,Active,0,0,0\n"
  "2025-12,Inactive,0,0,0\n"
  "2026-01,Active,1,10,5\n"
  "2026-01,Inactive,0,0,0\n"
  "2026-02,Active,1,4,1\n"
  "2026-02,Inactive,0,0,0\n"
  "2026-03,Active,1,2,2\n"
  "2026-03,Inactive,1,6,0\n";

static const char data_header[] =
  "CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate,ProductDisplayName,"
  "ProductId,PlanName,ServiceId,LicenseState,LicensesAssigned,LicensesProvisioned,OfferType\n";

static void
test_summary_stdout (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_auto(LdTestRun) run = { 0 };

  RUN (&run, "--export", "summary", "--format", "csv", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected_summary);
  /* The skipped row is named on stderr, never in the output. */
  g_assert_nonnull (strstr (run.err, "line 7"));

  /* --export=WIDGET and csv as the default format give the same. */
  run_clear (&run);
  RUN (&run, "--export=summary", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected_summary);
}

static void
test_every_table_stdout (void)
{
  static const struct { const char *widget; const char *expected; } cases[] = {
    { "customers", expected_customers },
    { "licenses", expected_licenses },
    { "analysis-products", expected_products },
    { "analysis-customers", expected_analysis_customers },
    { "geo", expected_geo },
    { "adoption", expected_adoption },
    { "states", expected_states },
  };
  g_autofree char *path = fixture ("small.csv");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(LdTestRun) run = { 0 };

      RUN (&run, "--export", cases[i].widget, "--format", "csv", "--range", "last-6", path);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, cases[i].expected);
    }
}

static void
test_ranges (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_auto(LdTestRun) run = { 0 };

  /* All: adds Tailspin/FR (2025-06, 3/3): 4 customers, 25 prov, 11 asg, 44 %. */
  RUN (&run, "--export", "summary", "--range", "all", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   SUMMARY_HEADER
                   "4,25,11,44.00,2025-06,2026-03,5,1,,,,,,\n");

  /* 2026-02 … 2026-03: lines 3–5, customers Fabrikam, Contoso, US; 4+6+2 = 12,
   * 1+0+2 = 3, 25 %. Its previous period, 2025-12 … 2026-01, lies within the data
   * (from 2025-06): line 2 alone, Contoso, 10 provisioned, 5 assigned, 50 %. */
  run_clear (&run);
  RUN (&run, "--export", "summary", "--range", "2026-02:2026-03", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   SUMMARY_HEADER
                   "3,12,3,25.00,2026-02,2026-03,3,1,2025-12,2026-01,1,10,5,50.00\n");

  /* 2025-10 … 2026-03 as a custom range is last-6 again: its previous period would
   * start in 2025-04, before the data's first month (2025-06): none. 2025-11 … 2026-03
   * (five months) has 2025-06 … 2025-10, starting exactly at the data's first month:
   * line 6, Tailspin, 3 of 3. */
  run_clear (&run);
  RUN (&run, "--export", "summary", "--range", "2025-10:2026-03", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected_summary);
  run_clear (&run);
  RUN (&run, "--export", "summary", "--range", "2025-11:2026-03", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   SUMMARY_HEADER
                   "3,22,8,36.36,2025-11,2026-03,4,1,2025-06,2025-10,1,3,3,100.00\n");
  /* A month more before it: 2025-10 … 2026-02 (five months) would compare with
   * 2025-05 … 2025-09, one month before the data: none. */
  run_clear (&run);
  RUN (&run, "--export", "summary", "--range", "2025-10:2026-02", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, ",2025-10,2026-02,2,1,,,,,,\n"));

  /* last-12: 2025-04 … 2026-03 takes in June 2025 as well. */
  run_clear (&run);
  RUN (&run, "--export", "licenses", "--range", "last-12", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Month,LicensesProvisioned,LicensesAssigned\n"
                                            "2025-04,0,0\n2025-05,0,0\n2025-06,3,3\n"));
}

static void
test_where (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_auto(LdTestRun) run = { 0 };

  /* Repeating a field ORs: DE or AT are lines 2–4: 2 customers, 10+4+6 = 20,
   * 5+1+0 = 6, 30 %. */
  RUN (&run, "--export", "summary", "--where", "country=DE", "--where", "country=AT", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   SUMMARY_HEADER
                   "2,20,6,30.00,2025-10,2026-03,3,1,,,,,,\n");

  /* Different fields AND: DE and Active is line 2 alone. */
  run_clear (&run);
  RUN (&run, "--export", "summary", "--where", "country=DE", "--where", "state=Active", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   SUMMARY_HEADER
                   "1,10,5,50.00,2025-10,2026-03,1,1,,,,,,\n");

  /* A value with spaces, and the data table in the file's own columns. */
  run_clear (&run);
  RUN (&run, "--export", "data", "--where", "offer-type=Dynamics 365 apps on Dataverse and Power Apps",
       "--where", "state=Inactive", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate,ProductDisplayName,"
                   "ProductId,PlanName,ServiceId,LicenseState,LicensesAssigned,LicensesProvisioned,OfferType\n"
                   "Germany,DE,Contoso,2026-03-20,Contoso CRM,prod-b,Basic,Contoso.CRM.basic,Inactive,0,6,"
                   "Dynamics 365 apps on Dataverse and Power Apps\n");

  /* A customer name with a comma comes back quoted. */
  run_clear (&run);
  RUN (&run, "--export", "data", "--range", "all", "--where", "customer=Tailspin, Inc.", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out + strlen (data_header), ==,
                   "France,FR,\"Tailspin, Inc.\",2025-06-10,Contoso Sales,prod-a,Gold,"
                   "Contoso.Sales.gold,Active,3,3,Power BI visual\n");
}

static void
test_data_default (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_auto(LdTestRun) run = { 0 };

  /* File order, last-6: lines 2–5; the bad line 7 is not there. */
  RUN (&run, "--export", "data", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, data_header));
  g_assert_cmpstr (run.out + strlen (data_header), ==,
                   "Germany,DE,Contoso,2026-01-15,Contoso Sales,prod-a,Gold,Contoso.Sales.gold,Active,5,10,Power BI visual\n"
                   "Austria,AT,Fabrikam,2026-02-03,Contoso Sales,prod-a,Silver,Contoso.Sales.silver,Active,1,4,Power BI visual\n"
                   "Germany,DE,Contoso,2026-03-20,Contoso CRM,prod-b,Basic,Contoso.CRM.basic,Inactive,0,6,Dynamics 365 apps on Dataverse and Power Apps\n"
                   "United States,US,,2026-03-01,Contoso CRM,prod-b,Basic,Contoso.CRM.basic,Active,2,2,Dynamics 365 apps on Dataverse and Power Apps\n");
}

static void
test_json (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LdTestRun) run = { 0 };
  JsonArray *array;
  JsonObject *row;

  RUN (&run, "--export", "analysis-products", "--format", "json", path);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, run.out_len, &error);
  g_assert_no_error (error);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);

  row = json_array_get_object_element (array, 0);
  g_assert_cmpuint (json_object_get_size (row), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (row, "OfferType"), ==, "Power BI visual");
  g_assert_cmpstr (json_object_get_string_member (row, "ProductId"), ==, "prod-a");
  g_assert_cmpstr (json_object_get_string_member (row, "PlanName"), ==, "Gold");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (row, "LicensesProvisioned")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (row, "LicensesProvisioned"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (row, "Customers"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (row, "ProvisionedShare"), ==, 4545 / 100.0);
  g_assert_cmpfloat (json_object_get_double_member (row, "AssignmentRate"), ==, 50.0);

  row = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "PlanName"), ==, "Basic");
  g_assert_cmpfloat (json_object_get_double_member (row, "ProvisionedShare"), ==, 3636 / 100.0);

  /* Months are strings. */
  run_clear (&run);
  g_clear_object (&parser);
  parser = json_parser_new ();
  RUN (&run, "--export", "summary", "--format", "json", path);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, run.out_len, &error);
  g_assert_no_error (error);
  row = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "From"), ==, "2025-10");
  g_assert_cmpstr (json_object_get_string_member (row, "To"), ==, "2026-03");
  g_assert_cmpint (json_object_get_int_member (row, "RowsSkipped"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (row, "AssignmentRate"), ==, 3636 / 100.0);
  /* No previous period for last-6: the six cells are there, and null. */
  g_assert_cmpuint (json_object_get_size (row), ==, 14);
  g_assert_true (json_object_get_null_member (row, "PreviousFrom"));
  g_assert_true (json_object_get_null_member (row, "PreviousTo"));
  g_assert_true (json_object_get_null_member (row, "PreviousCustomers"));
  g_assert_true (json_object_get_null_member (row, "PreviousLicensesProvisioned"));
  g_assert_true (json_object_get_null_member (row, "PreviousLicensesAssigned"));
  g_assert_true (json_object_get_null_member (row, "PreviousAssignmentRate"));
  g_assert_nonnull (strstr (run.out, "\"PreviousFrom\": null"));

  /* With one (2026-02 … 2026-03, see /cli/ranges): months as strings, numbers. */
  run_clear (&run);
  g_clear_object (&parser);
  parser = json_parser_new ();
  RUN (&run, "--export", "summary", "--format", "json", "--range", "2026-02:2026-03", path);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, run.out_len, &error);
  g_assert_no_error (error);
  row = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "PreviousFrom"), ==, "2025-12");
  g_assert_cmpstr (json_object_get_string_member (row, "PreviousTo"), ==, "2026-01");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (row, "PreviousCustomers")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (row, "PreviousCustomers"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "PreviousLicensesProvisioned"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (row, "PreviousLicensesAssigned"), ==, 5);
  g_assert_cmpfloat (json_object_get_double_member (row, "PreviousAssignmentRate"), ==, 50.0);
}

/* The two tables SPEC v2 adds, alone, in lists, as csv and json, and drawn as pdf and png. */
static void
test_new_widgets (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_autofree char *dir = g_dir_make_tmp ("ld-cli-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LdTestRun) run = { 0 };
  JsonArray *array;
  JsonObject *row;

  /* JSON: the adoption rows in their order, the unnamed customer's name "". */
  RUN (&run, "--export", "adoption", "--format", "json", path);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, run.out_len, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  row = json_array_get_object_element (array, 0);
  g_assert_cmpuint (json_object_get_size (row), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (row, "CustomerName"), ==, "Contoso");
  g_assert_cmpint (json_object_get_int_member (row, "LicensesUnassigned"), ==, 11);
  g_assert_cmpfloat (json_object_get_double_member (row, "AssignmentRate"), ==, 31.25);
  row = json_array_get_object_element (array, 2);
  g_assert_cmpstr (json_object_get_string_member (row, "CustomerName"), ==, "");
  g_assert_cmpint (json_object_get_int_member (row, "LicensesUnassigned"), ==, 0);

  /* JSON: every month × state, zero rows included. */
  run_clear (&run);
  g_clear_object (&parser);
  parser = json_parser_new ();
  RUN (&run, "--export", "states", "--format", "json", path);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, run.out_len, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 12);
  row = json_array_get_object_element (array, 11);
  g_assert_cmpstr (json_object_get_string_member (row, "Month"), ==, "2026-03");
  g_assert_cmpstr (json_object_get_string_member (row, "LicenseState"), ==, "Inactive");
  g_assert_cmpint (json_object_get_int_member (row, "Customers"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "LicensesProvisioned"), ==, 6);
  row = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (row, "Customers"), ==, 0);

  /* With --where: state=Inactive leaves one state, and Contoso alone in adoption. */
  run_clear (&run);
  RUN (&run, "--export", "states", "--where", "state=Inactive", "--range", "2026-02:2026-03", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "Month,LicenseState,Customers,LicensesProvisioned,LicensesAssigned\n"
                   "2026-02,Inactive,0,0,0\n"
                   "2026-03,Inactive,1,6,0\n");
  run_clear (&run);
  RUN (&run, "--export", "adoption", "--where", "state=Inactive", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "CustomerName,CustomerCountryCode,LicensesProvisioned,LicensesAssigned,LicensesUnassigned,"
                   "AssignmentRate\n"
                   "Contoso,DE,6,0,6,0.00\n");

  /* In a list with others, into a folder: exact bytes per file. */
  run_clear (&run);
  RUN (&run, "--export", "summary,adoption", "--export", "states,customers", "--output", folder, path);
  g_assert_cmpint (run.status, ==, 0);
  {
    static const struct { const char *file; const char *expected; } files[] = {
      { "summary.csv", expected_summary },
      { "adoption.csv", expected_adoption },
      { "states.csv", expected_states },
      { "customers.csv", expected_customers },
    };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *file = g_build_filename (folder, files[i].file, NULL);
        g_autofree char *contents = read_file (file);

        g_assert_cmpstr (contents, ==, files[i].expected);
      }
  }

  /* Both are drawn too: a PDF whose text names the card, PNGs into a folder. */
  run_clear (&run);
  {
    g_autofree char *pdf = g_build_filename (dir, "adoption.pdf", NULL);
    g_autofree char *pngs = g_build_filename (dir, "pictures", NULL);
    g_autofree char *contents = NULL;
    gsize len = 0;

    RUN (&run, "--export", "adoption", "--format", "pdf", "--output", pdf, path);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
    g_assert_true (len > 5 && memcmp (contents, "%PDF-", 5) == 0);
    if (ld_test_have_poppler ())
      {
        g_autofree char *text = ld_test_pdf_text (pdf);

        ld_test_assert_contains (text, "Adoption");
        ld_test_assert_contains (text, "Unassigned licenses");
        ld_test_assert_contains (text, "Contoso");
      }

    run_clear (&run);
    RUN (&run, "--export", "geo,states", "--format", "png", "--output", pngs, path);
    g_assert_cmpint (run.status, ==, 0);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *png = g_build_filename (pngs, i == 0 ? "geo.png" : "states.png", NULL);

        g_clear_pointer (&contents, g_free);
        g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
        g_assert_true (len > 8 && memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
      }
  }

  /* The list of widget names in the message names them. */
  run_clear (&run);
  RUN (&run, "--export", "adoptions", path);
  assert_usage_error (&run, "adoption, states");

  ld_test_remove_tree (dir);
}

static void
test_output_paths (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_autofree char *dir = g_dir_make_tmp ("ld-cli-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "geo-out.csv", NULL);
  g_autofree char *inside = g_build_filename (dir, "geo.csv", NULL);
  g_autofree char *folder = g_build_filename (dir, "new", "sub", NULL);
  g_autofree char *contents = NULL;
  g_auto(LdTestRun) run = { 0 };

  /* One widget, --output a file: that file, nothing on stdout. */
  RUN (&run, "--export", "geo", "--output", file, path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (run.out_len, ==, 0);
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, expected_geo);
  g_clear_pointer (&contents, g_free);

  /* One widget, --output an existing folder: WIDGET.EXT inside it. */
  run_clear (&run);
  RUN (&run, "--export", "geo", "--output", dir, path);
  g_assert_cmpint (run.status, ==, 0);
  contents = read_file (inside);
  g_assert_cmpstr (contents, ==, expected_geo);
  g_clear_pointer (&contents, g_free);

  /* Several widgets: a folder, created with its parents, WIDGET.json each. */
  run_clear (&run);
  RUN (&run, "--export", "summary,customers", "--export", "licenses,analysis-products,analysis-customers,geo,data",
       "--format", "json", "--output", folder, path);
  g_assert_cmpint (run.status, ==, 0);
  for (int w = 0; w < 7; w++)
    {
      static const char *const names[] = {
        "summary", "customers", "licenses", "analysis-products", "analysis-customers", "geo", "data",
      };
      g_autofree char *name = g_strconcat (names[w], ".json", NULL);
      g_autofree char *json_path = g_build_filename (folder, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_file (parser, json_path, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
    }

  /* The same as CSV: exact bytes per file. */
  run_clear (&run);
  RUN (&run, "--export", "customers,geo", "--output", folder, path);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *p1 = g_build_filename (folder, "customers.csv", NULL);
    g_autofree char *p2 = g_build_filename (folder, "geo.csv", NULL);
    g_autofree char *c1 = read_file (p1);
    g_autofree char *c2 = read_file (p2);

    g_assert_cmpstr (c1, ==, expected_customers);
    g_assert_cmpstr (c2, ==, expected_geo);
  }

  /* A path ending in "/" is a folder, created when missing. */
  run_clear (&run);
  {
    g_autofree char *slash = g_strconcat (dir, G_DIR_SEPARATOR_S "slash" G_DIR_SEPARATOR_S, NULL);
    g_autofree char *slash_geo = g_build_filename (dir, "slash", "geo.csv", NULL);

    g_assert_true (g_str_has_suffix (slash, G_DIR_SEPARATOR_S));
    RUN (&run, "--export", "geo", "--output", slash, path);
    g_assert_cmpint (run.status, ==, 0);
    contents = read_file (slash_geo);
    g_assert_cmpstr (contents, ==, expected_geo);
    g_clear_pointer (&contents, g_free);
  }

  /* Several widgets into an existing plain file: a usage error. */
  run_clear (&run);
  RUN (&run, "--export", "customers,geo", "--output", file, path);
  assert_usage_error (&run, file);
}

static void
test_unreadable (void)
{
  g_autofree char *missing = fixture ("does-not-exist.csv");
  g_autofree char *bad = fixture ("missing-column.csv");
  g_auto(LdTestRun) run = { 0 };

  RUN (&run, "--export", "summary", missing);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (run.out_len, ==, 0);
  g_assert_true (g_str_has_prefix (run.err, "license-dashboard: "));
  g_assert_nonnull (strstr (run.err, "does-not-exist.csv"));

  /* A header without LicensesProvisioned: the loader's one sentence. */
  run_clear (&run);
  RUN (&run, "--export", "summary", bad);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (run.out_len, ==, 0);
  g_assert_true (g_str_has_prefix (run.err, "license-dashboard: "));
  g_assert_cmpuint (strlen (run.err), >, strlen ("license-dashboard: \n"));
}

/* Several downloads as one history (SPEC §7), given newest first, in two dialects:
 *
 *   a.csv (comma, ISO dates; latest 2026-02-03)   b.csv (semicolon, day-first; latest 2026-03-20)
 *   Contoso  DE 2026-01-15 p Gold s 10/5          Contoso   DE 15/01/2026 p Gold s 12/9  (same key)
 *   Fabrikam AT 2026-02-03 p Gold s  4/1          Northwind FR 20/03/2026 p Gold s  3/0
 *                                                 a bad row (line 4: "xx" is no date)
 *
 * By latest date a.csv comes first, so b.csv's Contoso row replaces a.csv's: Fabrikam 4/1,
 * Contoso 12/9, Northwind 3/0 → 3 customers, 19 provisioned, 10 assigned, 10/19 = 52.63 %,
 * Jan–Mar 2026, 3 rows, 1 skipped; All time has no previous period. */
static void
test_several_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-cli-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_auto(LdTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (a,
    "CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,ServiceId,LicensesProvisioned,LicensesAssigned\n"
    "Contoso,DE,2026-01-15,p,Gold,s,10,5\n"
    "Fabrikam,AT,2026-02-03,p,Gold,s,4,1\n", -1, NULL));
  g_assert_true (g_file_set_contents (b,
    "CustomerName;CustomerCountryCode;ActivationDate;ProductId;PlanName;ServiceId;LicensesProvisioned;LicensesAssigned\n"
    "Contoso;DE;15/01/2026;p;Gold;s;12;9\n"
    "Northwind;FR;20/03/2026;p;Gold;s;3;0\n"
    "Bad;DE;xx;p;Gold;s;1;1\n", -1, NULL));

  RUN (&run, "--export", "summary", "--range", "all", b, a);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "Customers,LicensesProvisioned,LicensesAssigned,AssignmentRate,From,To,Rows,RowsSkipped,"
                   "PreviousFrom,PreviousTo,PreviousCustomers,PreviousLicensesProvisioned,"
                   "PreviousLicensesAssigned,PreviousAssignmentRate\n"
                   "3,19,10,52.63,2026-01,2026-03,3,1,,,,,,\n");
  /* The skipped row is named with its own file and line. */
  g_assert_nonnull (strstr (run.err, "b.csv: line 4"));
  g_assert_null (strstr (run.err, "a.csv"));

  run_clear (&run);
  RUN (&run, "--export", "analysis-customers", "--range", "all", a, b);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "CustomerName,CustomerCountryCode,Products,LicensesProvisioned,LicensesAssigned,"
                   "ProvisionedShare,AssignmentRate\n"
                   "Contoso,DE,1,12,9,63.16,75.00\n"
                   "Fabrikam,AT,1,4,1,21.05,25.00\n"
                   "Northwind,FR,1,3,0,15.79,0.00\n");

  /* One file that cannot be read: nothing is written, and the message names it. */
  run_clear (&run);
  RUN (&run, "--export", "summary", a, missing);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (run.out_len, ==, 0);
  g_assert_nonnull (strstr (run.err, "missing.csv"));

  /* SPEC v2 reads several files as one history (v1 refused a second one): the same
   * download given twice counts once, its second copy replacing the first. */
  {
    g_auto(LdTestRun) once = { 0 };

    run_clear (&run);
    RUN (&once, "--export", "summary", "--range", "all", a);
    RUN (&run, "--export", "summary", "--range", "all", a, a);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, once.out);
  }

  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

/* A range typed backwards counts the same months, and says so on standard error. */
static void
test_backwards_range (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_auto(LdTestRun) forwards = { 0 };
  g_auto(LdTestRun) backwards = { 0 };

  RUN (&backwards, "--export", "customers", "--range", "2026-03:2026-01", path);
  g_assert_cmpint (backwards.status, ==, 0);
  g_assert_nonnull (strstr (backwards.err, "The range “2026-03:2026-01” runs backwards: "
                                           "counting 2026-01:2026-03."));
  RUN (&forwards, "--export", "customers", "--range", "2026-01:2026-03", path);
  g_assert_cmpint (forwards.status, ==, 0);
  g_assert_cmpstr (backwards.out, ==, forwards.out);
  g_assert_null (strstr (forwards.err, "backwards"));
}

static void
test_usage_errors (void)
{
  g_autofree char *path = fixture ("small.csv");
  g_auto(LdTestRun) run = { 0 };

  RUN (&run, "--export", "summary,pie", path);
  assert_usage_error (&run, "pie");

  run_clear (&run);
  RUN (&run, "--export", "summary", "--where", "country", path);
  assert_usage_error (&run, "country");

  run_clear (&run);
  RUN (&run, "--export", "summary", "--where", "colour=red", path);
  assert_usage_error (&run, "colour");

  run_clear (&run);
  RUN (&run, "--export", "summary", "--range", "last-7", path);
  assert_usage_error (&run, "last-7");

  run_clear (&run);
  RUN (&run, "--export", "summary", "--range", "2026-13:2026-01", path);
  assert_usage_error (&run, "2026-13:2026-01");

  run_clear (&run);
  RUN (&run, "--export", "summary");
  assert_usage_error (&run, "report");

  run_clear (&run);
  RUN (&run, "--export", "summary,geo", path);
  assert_usage_error (&run, "--output");

  /* pdf and png draw the cards (tests/test-export.c); the data table has no picture. */
  run_clear (&run);
  RUN (&run, "--export", "data", "--format", "pdf", path);
  assert_usage_error (&run, "csv or json");

  run_clear (&run);
  RUN (&run, "--export", "summary,data", "--format", "png", "--output", "unused-folder", path);
  assert_usage_error (&run, "csv or json");

  run_clear (&run);
  RUN (&run, "--export", "summary", "--format", "xml", path);
  assert_usage_error (&run, "xml");

  run_clear (&run);
  RUN (&run, "--export", "dashboard", "--format", "csv", path);
  assert_usage_error (&run, "dashboard");

  run_clear (&run);
  RUN (&run, "--export", "summary", "--no-such-option", path);
  assert_usage_error (&run, "no-such-option");

  /* A usage error wins over an unreadable file: nothing is read. */
  run_clear (&run);
  RUN (&run, "--export", "pie", "/nonexistent/file.csv");
  assert_usage_error (&run, "pie");
}

/* Help wherever it is asked for, even as "--export --help", where GOption would
 * take it for the widget's name. */
/* --sample reads the bundled sample: the same tables as the generator's file that the
 * build bundles (data/meson.build), in every format and view. */
static void
test_sample (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.csv", NULL);
  static const char *const views[][4] = {
    { "--range", "last-6", NULL },
    { "--range", "all", "--where", "country=DE" },
  };

  ld_test_generate_report (path, "--rows", "20000", "--seed", "2026", NULL);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint f = 0; f < 2; f++)
      {
        g_autoptr(GPtrArray) sample_args = g_ptr_array_new ();
        g_autoptr(GPtrArray) file_args = g_ptr_array_new ();
        g_auto(LdTestRun) from_sample = { 0 };
        g_auto(LdTestRun) from_file = { 0 };
        const char *const common[] = { "--export", "summary", "--format", f == 0 ? "csv" : "json" };

        for (guint i = 0; i < G_N_ELEMENTS (common); i++)
          {
            g_ptr_array_add (sample_args, (char *) common[i]);
            g_ptr_array_add (file_args, (char *) common[i]);
          }
        /* The sample in place of FILE, even among the other options. */
        g_ptr_array_add (sample_args, (char *) "--sample");
        for (guint i = 0; i < G_N_ELEMENTS (views[v]) && views[v][i] != NULL; i++)
          {
            g_ptr_array_add (sample_args, (char *) views[v][i]);
            g_ptr_array_add (file_args, (char *) views[v][i]);
          }
        g_ptr_array_add (file_args, path);
        g_ptr_array_add (sample_args, NULL);
        g_ptr_array_add (file_args, NULL);

        run_argv (&from_sample, (const char *const *) sample_args->pdata);
        run_argv (&from_file, (const char *const *) file_args->pdata);
        if (from_sample.status != 0)
          g_error ("--sample: exit %d: %s", from_sample.status, from_sample.err);
        g_assert_cmpint (from_file.status, ==, 0);
        g_assert_cmpuint (from_sample.out_len, >, 0);
        g_assert_cmpstr (from_sample.out, ==, from_file.out);
      }

  /* Every table of the sample, written into a folder. */
  {
    g_autofree char *out = g_build_filename (dir, "out", NULL);
    g_autofree char *data = g_build_filename (out, "data.csv", NULL);
    g_autofree char *contents = NULL;
    g_auto(LdTestRun) run = { 0 };

    RUN (&run, "--sample", "--export", "summary,customers,licenses,analysis-products,analysis-customers,geo,data",
         "--output", out);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (data, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "CustomerCountry,CustomerCountryCode,CustomerName,"));
  }

  /* A report and the sample at once is a usage error. */
  {
    g_auto(LdTestRun) run = { 0 };

    RUN (&run, "--export", "summary", "--sample", path);
    assert_usage_error (&run, "--sample");
  }

  /* --help names it. */
  {
    g_auto(LdTestRun) run = { 0 };

    RUN (&run, "--export", "--help");
    g_assert_nonnull (strstr (run.out, "--sample"));
  }

  ld_test_remove_tree (dir);
}

static void
test_help (void)
{
  const char *const forms[][3] = {
    { "--export", "--help", NULL },
    { "--export", "summary", "--help" },
    { "--export", "-h", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_auto(LdTestRun) run = { 0 };

      run_argv (&run, forms[i]);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "--where"));
      g_assert_nonnull (strstr (run.out, "--range"));
      g_assert_nonnull (strstr (run.out, "--format"));
      g_assert_nonnull (strstr (run.out, "adoption, states"));
      g_assert_true (run.err == NULL || run.err[0] == '\0');
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/summary-stdout", test_summary_stdout);
  g_test_add_func ("/cli/every-table", test_every_table_stdout);
  g_test_add_func ("/cli/ranges", test_ranges);
  g_test_add_func ("/cli/where", test_where);
  g_test_add_func ("/cli/data", test_data_default);
  g_test_add_func ("/cli/json", test_json);
  g_test_add_func ("/cli/new-widgets", test_new_widgets);
  g_test_add_func ("/cli/output-paths", test_output_paths);
  g_test_add_func ("/cli/unreadable", test_unreadable);
  g_test_add_func ("/cli/several-files", test_several_files);
  g_test_add_func ("/cli/backwards-range", test_backwards_range);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/sample", test_sample);
  g_test_add_func ("/cli/help", test_help);

  return g_test_run ();
}
