/* test-writer.c — the CSV/JSON writers and the export tables (SPEC §5)
 *
 * Also run as test-writer-de under LC_ALL=de_DE.UTF-8: every number must still be
 * written with a '.' point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ld-loader.h"
#include "ld-query.h"
#include "ld-table.h"
#include "ld-writer.h"

/* Helpers */

static LdReport *
load (const char *csv)
{
  g_autoptr(GError) error = NULL;
  LdReport *report = ld_loader_load_data (csv, strlen (csv), "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
table_to_string (LdTable  *table,
                 LdFormat  format)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ld_table_write (table, format, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
export (LdReport   *report,
        LdWidgetId  widget,
        LdFormat    format)
{
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdTable) table = NULL;

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  table = ld_table_new (query, NULL, widget);
  return table_to_string (table, format);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_dir_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Escaping */

static void
test_formula_escape (void)
{
  static const struct {
    const char *text;
    gboolean    needs;  /* written with one more "'" */
    gboolean    has;    /* read: one "'" is the writer's */
  } cases[] = {
    { "=SUM(A1)", TRUE, FALSE },
    { "+1", TRUE, FALSE },
    { "-5", TRUE, FALSE },
    { "@x", TRUE, FALSE },
    { "\tTabby", TRUE, FALSE },
    { "\rCR", TRUE, FALSE },
    { "'=x", TRUE, TRUE },
    { "''+1", TRUE, TRUE },
    { "'quoted'", FALSE, FALSE },
    { "'", FALSE, FALSE },
    { "''", FALSE, FALSE },
    { "'a=b", FALSE, FALSE },
    { "a=b", FALSE, FALSE },
    { "Contoso", FALSE, FALSE },
    { "", FALSE, FALSE },
    { " =x", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *t = cases[i].text;
      g_autofree char *written = NULL;
      const char *read;

      g_assert_cmpint (ld_csv_needs_formula_escape (t, strlen (t)), ==, cases[i].needs);
      g_assert_cmpint (ld_csv_has_formula_escape (t, strlen (t)), ==, cases[i].has);

      /* The round trip: write (maybe add "'"), read (maybe strip one). */
      written = cases[i].needs ? g_strconcat ("'", t, NULL) : g_strdup (t);
      g_assert_true (ld_csv_has_formula_escape (written, strlen (written)) == cases[i].needs);
      read = ld_csv_has_formula_escape (written, strlen (written)) ? written + 1 : written;
      g_assert_cmpstr (read, ==, t);
    }

  /* Only @len counts. */
  g_assert_false (ld_csv_needs_formula_escape ("'''=", 3));
  g_assert_true (ld_csv_needs_formula_escape ("=x", 1));
  g_assert_false (ld_csv_has_formula_escape ("'=", 1));
  g_assert_false (ld_csv_needs_formula_escape (NULL, 0));
}

static void
test_formats (void)
{
  LdFormat f;

  g_assert_true (ld_format_from_string ("csv", &f));
  g_assert_cmpint (f, ==, LD_FORMAT_CSV);
  g_assert_true (ld_format_from_string ("json", &f));
  g_assert_cmpint (f, ==, LD_FORMAT_JSON);
  g_assert_false (ld_format_from_string ("pdf", &f));
  g_assert_false (ld_format_from_string (NULL, &f));
  g_assert_cmpstr (ld_format_to_string (LD_FORMAT_CSV), ==, "csv");
  g_assert_cmpstr (ld_format_to_string (LD_FORMAT_JSON), ==, "json");
}

/* A small report whose text cells need every kind of quoting. */
static const char quoting_csv[] =
  "CustomerName,CustomerCountryCode,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
  "\"Comma, Inc.\",DE,2026-03-05,p1,1,3\n"
  "\"Quote \"\"Q\"\" Ltd\",DE,2026-03-05,p1,0,0\n"
  "\"Multi\nLine\",AT,2026-03-05,p1,0,0\n"
  "\"Carriage\rReturn\",AT,2026-03-05,p1,0,0\n"
  "'=SUM(A1),FR,2026-03-05,p1,0,0\n"
  "\"'=1,2\",FR,2026-03-05,p1,0,0\n"
  "'+1,FR,2026-03-05,p1,0,0\n"
  "'-5,FR,2026-03-05,p1,0,0\n"
  "'@x,FR,2026-03-05,p1,0,0\n"
  "'''+1,FR,2026-03-05,p1,0,0\n"
  "'quoted',FR,2026-03-05,p1,0,0\n";

static void
test_csv_quoting (void)
{
  g_autoptr(LdReport) report = load (quoting_csv);
  g_autofree char *data = export (report, LD_WIDGET_DATA, LD_FORMAT_CSV);

  /* Quoted only where a reader needs it; formula-looking text escaped, inside the
   * quotes; the "'" of the input file was the escape and is written back as such.
   * "'''+1" in the input is the text "''+1", which gets one "'" more on output. */
  g_assert_cmpstr (data, ==,
                   "CustomerName,CustomerCountryCode,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
                   "\"Comma, Inc.\",DE,2026-03-05,p1,1,3\n"
                   "\"Quote \"\"Q\"\" Ltd\",DE,2026-03-05,p1,0,0\n"
                   "\"Multi\nLine\",AT,2026-03-05,p1,0,0\n"
                   "\"Carriage\rReturn\",AT,2026-03-05,p1,0,0\n"
                   "'=SUM(A1),FR,2026-03-05,p1,0,0\n"
                   "\"'=1,2\",FR,2026-03-05,p1,0,0\n"
                   "'+1,FR,2026-03-05,p1,0,0\n"
                   "'-5,FR,2026-03-05,p1,0,0\n"
                   "'@x,FR,2026-03-05,p1,0,0\n"
                   "'''+1,FR,2026-03-05,p1,0,0\n"
                   "'quoted',FR,2026-03-05,p1,0,0\n");
}

/* Numbers, percentages and months are the same in every locale (this test also runs
 * under de_DE, where printf would write "33,33"). */
static void
test_numbers_locale_independent (void)
{
  g_autoptr(LdReport) report = load (
    "CustomerName,CustomerCountryCode,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "A,DE,2025-12-31,p1,1,2\n"
    "B,AT,2026-02-01,p2,0,1\n"
    "C,AT,2026-02-01,p2,1000000,2000000\n");
  g_autofree char *summary = export (report, LD_WIDGET_SUMMARY, LD_FORMAT_CSV);
  g_autofree char *licenses = export (report, LD_WIDGET_LICENSES, LD_FORMAT_CSV);
  g_autofree char *geo = export (report, LD_WIDGET_GEO, LD_FORMAT_CSV);
  g_autofree char *json = export (report, LD_WIDGET_SUMMARY, LD_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *row;

  /* 3 customers; 2000003 provisioned, 1000001 assigned: 49.99997… → 50.00 %.
   * All time: no previous period, six empty cells. */
  g_assert_cmpstr (summary, ==,
                   "Customers,LicensesProvisioned,LicensesAssigned,AssignmentRate,From,To,Rows,RowsSkipped,"
                   "PreviousFrom,PreviousTo,PreviousCustomers,PreviousLicensesProvisioned,"
                   "PreviousLicensesAssigned,PreviousAssignmentRate\n"
                   "3,2000003,1000001,50.00,2025-12,2026-02,3,0,,,,,,\n");
  g_assert_cmpstr (licenses, ==,
                   "Month,LicensesProvisioned,LicensesAssigned\n"
                   "2025-12,2,1\n"
                   "2026-01,0,0\n"
                   "2026-02,2000001,1000000\n");
  /* AT 2000001/2000003 = 99.9999 % → 100.00; DE 2/2000003 = 0.0000999… % → 0.00. */
  g_assert_cmpstr (geo, ==,
                   "CustomerCountryCode,CustomerCountry,Customers,LicensesProvisioned,LicensesAssigned,ProvisionedShare\n"
                   "AT,,2,2000001,1000000,100.00\n"
                   "DE,,1,2,1,0.00\n");

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  row = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpint (json_object_get_int_member (row, "LicensesProvisioned"), ==, 2000003);
  g_assert_cmpfloat (json_object_get_double_member (row, "AssignmentRate"), ==, 5000 / 100.0);
  g_assert_cmpstr (json_object_get_string_member (row, "From"), ==, "2025-12");
  g_assert_nonnull (strstr (json, "\"AssignmentRate\": 50.00"));
}

static void
test_percent_thirds (void)
{
  g_autoptr(LdReport) report = load (
    "CustomerName,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "A,2026-03-05,p1,1,3\n");
  g_autofree char *summary = export (report, LD_WIDGET_SUMMARY, LD_FORMAT_CSV);
  g_autofree char *json = export (report, LD_WIDGET_SUMMARY, LD_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *row;

  g_assert_cmpstr (summary, ==,
                   "Customers,LicensesProvisioned,LicensesAssigned,AssignmentRate,From,To,Rows,RowsSkipped,"
                   "PreviousFrom,PreviousTo,PreviousCustomers,PreviousLicensesProvisioned,"
                   "PreviousLicensesAssigned,PreviousAssignmentRate\n"
                   "1,3,1,33.33,2026-03,2026-03,1,0,,,,,,\n");
  /* JSON writes the same digits, which parse to the double hundredths / 100.0. */
  g_assert_nonnull (strstr (json, "\"AssignmentRate\": 33.33,"));
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  row = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpfloat (json_object_get_double_member (row, "AssignmentRate"), ==, 3333 / 100.0);
}

static void
test_empty_report (void)
{
  g_autoptr(LdReport) report = load (
    "CustomerName,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n");
  g_autofree char *summary = export (report, LD_WIDGET_SUMMARY, LD_FORMAT_CSV);
  g_autofree char *customers = export (report, LD_WIDGET_CUSTOMERS, LD_FORMAT_CSV);
  g_autofree char *data_json = export (report, LD_WIDGET_DATA, LD_FORMAT_JSON);
  g_autofree char *summary_json = export (report, LD_WIDGET_SUMMARY, LD_FORMAT_JSON);

  /* No months: From and To are empty, not "-001-12"; no previous period. */
  g_assert_cmpstr (summary, ==,
                   "Customers,LicensesProvisioned,LicensesAssigned,AssignmentRate,From,To,Rows,RowsSkipped,"
                   "PreviousFrom,PreviousTo,PreviousCustomers,PreviousLicensesProvisioned,"
                   "PreviousLicensesAssigned,PreviousAssignmentRate\n"
                   "0,0,0,0.00,,,0,0,,,,,,\n");
  g_assert_cmpstr (customers, ==,
                   "Month,ActiveCustomers,NewCustomers,ReturningCustomers,CumulativeCustomers\n");
  g_assert_cmpstr (data_json, ==, "[]\n");
  /* In JSON the empty cells are null, From and To included. */
  g_assert_cmpstr (summary_json, ==,
                   "[\n  {\"Customers\": 0, \"LicensesProvisioned\": 0, \"LicensesAssigned\": 0, "
                   "\"AssignmentRate\": 0.00, \"From\": null, \"To\": null, \"Rows\": 0, "
                   "\"RowsSkipped\": 0, \"PreviousFrom\": null, \"PreviousTo\": null, "
                   "\"PreviousCustomers\": null, \"PreviousLicensesProvisioned\": null, "
                   "\"PreviousLicensesAssigned\": null, \"PreviousAssignmentRate\": null}\n]\n");
}

/* JSON parses back to exactly the cells of every table. */
static void
assert_json_matches_table (LdTable *table)
{
  g_autofree char *json = table_to_string (table, LD_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree LdCell *cells = g_new0 (LdCell, ld_table_get_n_columns (table));
  JsonArray *array;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, ld_table_get_n_rows (table));

  for (gsize r = 0; r < ld_table_get_n_rows (table); r++)
    {
      JsonObject *object = json_array_get_object_element (array, r);

      ld_table_get_row (table, r, cells);
      for (guint c = 0; c < ld_table_get_n_columns (table); c++)
        {
          const char *name = ld_table_get_column_name (table, c);
          JsonNode *node = json_object_get_member (object, name);
          char buf[32];

          g_assert_nonnull (node);
          switch (cells[c].kind)
            {
            case LD_CELL_TEXT:
              g_assert_cmpstr (json_node_get_string (node), ==, cells[c].text ? cells[c].text : "");
              break;
            case LD_CELL_INT:
              g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
              g_assert_cmpint (json_node_get_int (node), ==, cells[c].value);
              break;
            case LD_CELL_PERCENT:
              g_assert_cmpfloat (json_node_get_double (node), ==, cells[c].value / 100.0);
              break;
            case LD_CELL_MONTH:
              ld_month_format ((int) cells[c].value, buf);
              g_assert_cmpstr (json_node_get_string (node), ==, buf);
              break;
            case LD_CELL_DATE:
              ld_date_format ((guint32) cells[c].value, buf);
              g_assert_cmpstr (json_node_get_string (node), ==, buf);
              break;
            case LD_CELL_EMPTY:
              g_assert_true (JSON_NODE_HOLDS_NULL (node));
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

/* Formula-looking names, quoted newlines and commas, a leading tab and CR, control
 * characters, extra columns, headers in their own spelling and order, dates in
 * another format and counts like "12.0". */
static const char tricky_csv[] =
  "Order Id,customer_name,Customer Country Code,Customer Country,Activation Date,"
  "Product ID,ProductDisplayName,SKU Name,LicenseState,LicensesAssigned,LicensesProvisioned,"
  "OfferType,Notes\n"
  "o-1,'=SUM(A1),DE,Germany,3/5/2026,p1,'+Offer,Gold,Active,1,3,Power BI visual,\"a, b\"\n"
  "o-2,'+1,DE,Germany,2026-03-06,p1,'+Offer,Gold,Active,2,12.0,Power BI visual,\"line\nbreak\"\n"
  "o-3,'-5,AT,Austria,2026-01-31T10:00:00Z,p2,\"Offer, the second\",'@Plan,Inactive, 0 ,7,x,\"\"\"quoted\"\"\"\n"
  "o-4,'@x,AT,Austria,12/31/2025,p2,\"Offer, the second\",'@Plan,Active,0,0,x,\"'\tlead tab\"\n"
  "o-5,\"'\tTab\",US,\"United States\",2025-11-02,p3,\"Multi\nline\",Silver,Active,4,4,x,\"'\rCR\"\n"
  "o-6,\"'=1,2\",US,United States,2025-11-02,p3,\"Multi\nline\",Silver,Active,4,4,x,back\\slash\n"
  "o-7,'''+1,FR,France,2025-10-01,p1,'+Offer,Gold,Suspended,1,1,Power BI visual,'quoted'\n"
  "o-8,,FR,France,2025-10-01,p1,'+Offer,Gold,Active,1,9,Power BI visual,\"ctl \x01 \x1f\"\n"
  "o-9,Ünïcödé €,JP,日本,2025-10-01,p4,製品,Gold,Active,1,9,Power BI visual,\n"
  /* Blanks of the text's own, kept by quoting: unquoted cells are trimmed on reading. */
  "o-10,\"  Padded Co  \",JP,日本,2025-10-01,p4,製品,Gold,Active,1,2,Power BI visual,\"\tlead\"\n";

static void
assert_reload_identical (LdReport *report)
{
  g_autofree char *data = export (report, LD_WIDGET_DATA, LD_FORMAT_CSV);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) again = ld_loader_load_data (data, strlen (data), "again.csv", &error);
  g_autofree char *data_again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ld_report_get_rows_skipped (again), ==, 0);
  g_assert_cmpuint (ld_report_get_n_rows (again), ==, ld_report_get_n_rows (report));
  g_assert_cmpuint (ld_report_get_n_columns (again), ==, ld_report_get_n_columns (report));
  for (guint c = 0; c < ld_report_get_n_columns (report); c++)
    {
      g_assert_cmpstr (ld_report_get_column_name (again, c), ==, ld_report_get_column_name (report, c));
      g_assert_cmpint (ld_report_get_column_field (again, c), ==, ld_report_get_column_field (report, c));
    }

  for (LdWidgetId w = 0; w < LD_N_WIDGETS; w++)
    {
      g_autofree char *before = export (report, w, LD_FORMAT_CSV);
      g_autofree char *after = export (again, w, LD_FORMAT_CSV);
      g_autofree char *before_json = export (report, w, LD_FORMAT_JSON);
      g_autofree char *after_json = export (again, w, LD_FORMAT_JSON);

      g_test_message ("table %s", ld_widget_id_to_string (w));
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpstr (before_json, ==, after_json);
    }

  data_again = export (again, LD_WIDGET_DATA, LD_FORMAT_CSV);
  g_assert_cmpstr (data, ==, data_again);
}

static void
test_data_round_trip (void)
{
  g_autoptr(LdReport) report = load (tricky_csv);
  g_autoptr(LdQuery) query = ld_query_new (report);

  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 0);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 10);
  assert_reload_identical (report);

  /* Every table's JSON carries the same cells. */
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  for (LdWidgetId w = 0; w < LD_N_WIDGETS; w++)
    {
      g_autoptr(LdTable) table = ld_table_new (query, NULL, w);

      g_assert_cmpint (ld_table_get_widget (table), ==, w);
      assert_json_matches_table (table);
    }
}

/* Enough rows (and one cell bigger than the writer's 64 KiB buffer) to cross the
 * buffer's edges many times. */
static LdReport *
make_big_report (guint n_rows)
{
  g_autoptr(GString) csv = g_string_new ("CustomerName,CustomerCountryCode,ActivationDate,"
                                         "ProductId,PlanName,LicensesAssigned,LicensesProvisioned,Extra\n");
  g_autoptr(GError) error = NULL;
  LdReport *report;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "\"'=Customer, %u\",%c%c,2025-%02u-%02u,p%u,\"Plan \"\"%u\"\"\",%u,%u,%s\n",
                            i % 97, 'A' + i % 26, 'A' + i / 26 % 26, 1 + i % 12, 1 + i % 28,
                            i % 5, i % 3, i % 7, i % 7 + 10, i % 2 ? "'-x" : "plain");
  g_string_append (csv, "Huge,ZZ,2025-06-15,p1,Big,1,2,\"");
  for (guint i = 0; i < 70 * 1024; i++)
    g_string_append_c (csv, i % 1000 == 0 ? ',' : 'a' + i % 26);
  g_string_append (csv, "\"\n");

  report = ld_loader_load_data (csv->str, csv->len, "big.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, n_rows + 1);
  return report;
}

static void
test_big_round_trip (void)
{
  g_autoptr(LdReport) report = make_big_report (20000);

  assert_reload_identical (report);
}

/* Saving */

static LdTable *
make_table (LdReport *report, LdWidgetId widget)
{
  g_autoptr(LdQuery) query = ld_query_new (report);

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  return ld_table_new (query, NULL, widget);
}

static const char old_contents[] = "the old file, which must survive\n";

static void
test_save_replaces (void)
{
  g_autoptr(LdReport) report = load (quoting_csv);
  g_autoptr(LdTable) table = make_table (report, LD_WIDGET_DATA);
  g_autofree char *dir = g_dir_make_tmp ("ld-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = table_to_string (table, LD_FORMAT_CSV);
  g_autofree char *expected_json = table_to_string (table, LD_FORMAT_JSON);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (ld_table_save (table, LD_FORMAT_CSV, file, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (path, NULL);
  g_assert_cmpstr (contents, ==, expected);
  /* The replacement keeps the old file's permissions. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_clear_pointer (&contents, g_free);

  g_assert_true (ld_table_save (table, LD_FORMAT_JSON, fresh_file, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (fresh, NULL);
  g_assert_cmpstr (contents, ==, expected_json);

  /* No temporary left beside them. */
  g_assert_cmpuint (count_dir_entries (dir), ==, 2);
  g_unlink (path);
  g_unlink (fresh);
  g_rmdir (dir);
}

/* Each failure below must leave @path as it was (or absent) and nothing else in @dir. */
static void
assert_untouched (const char *dir,
                  const char *path,
                  guint       n_entries)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  contents = read_file (path, &len);
  g_assert_cmpmem (contents, len, old_contents, strlen (old_contents));
  g_assert_cmpuint (count_dir_entries (dir), ==, n_entries);
}

static void
test_save_cancelled (void)
{
  g_autoptr(LdReport) report = make_big_report (2000);
  g_autoptr(LdTable) table = make_table (report, LD_WIDGET_DATA);
  g_autofree char *dir = g_dir_make_tmp ("ld-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
  g_cancellable_cancel (cancellable);

  g_assert_false (ld_table_save (table, LD_FORMAT_CSV, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_untouched (dir, path, 1);

  /* A new file is not created half-written either. */
  g_assert_false (ld_table_save (table, LD_FORMAT_JSON, fresh_file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_untouched (dir, path, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* Cancelled while writing, at whatever point the other thread's cancel lands: the save
 * either completes or leaves the old file byte-identical, and no temporary behind. */
typedef struct {
  GCancellable *cancellable;
  gulong        delay_us;
} CancelLater;

static gpointer
cancel_later (gpointer data)
{
  CancelLater *c = data;

  g_usleep (c->delay_us);
  g_cancellable_cancel (c->cancellable);
  return NULL;
}

static void
test_save_cancelled_midway (void)
{
  g_autoptr(LdReport) report = make_big_report (50000);
  g_autoptr(LdTable) table = make_table (report, LD_WIDGET_DATA);
  g_autofree char *dir = g_dir_make_tmp ("ld-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *full = NULL;
  guint n_cancelled = 0;

  full = table_to_string (table, LD_FORMAT_CSV);

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      CancelLater c = { cancellable, i * i * 2000 };
      GThread *thread;
      gboolean ok;
      gsize len;

      g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
      thread = g_thread_new ("cancel", cancel_later, &c);
      ok = ld_table_save (table, LD_FORMAT_CSV, file, cancellable, &error);
      g_thread_join (thread);

      contents = read_file (path, &len);
      if (ok)
        g_assert_cmpmem (contents, len, full, strlen (full));
      else
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpmem (contents, len, old_contents, strlen (old_contents));
          n_cancelled++;
        }
      g_assert_cmpuint (count_dir_entries (dir), ==, 1);
    }

  g_test_message ("%u of 12 saves cancelled", n_cancelled);
  /* The first tries cancel at once, so at least those were cancelled. */
  g_assert_cmpuint (n_cancelled, >, 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* Download data over the very file the report was loaded from: the loaded report is
 * not disturbed (its figures are the same after), and the file reloads to them. */
static void
test_save_over_open_file (void)
{
  g_autoptr(LdReport) source = make_big_report (3000);
  g_autoptr(LdTable) source_table = make_table (source, LD_WIDGET_DATA);
  g_autofree char *dir = g_dir_make_tmp ("ld-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdReport) reloaded = NULL;
  g_autoptr(LdTable) table = NULL;
  g_autoptr(GError) error = NULL;
  static const LdWidgetId widgets[] = {
    LD_WIDGET_SUMMARY, LD_WIDGET_CUSTOMERS, LD_WIDGET_LICENSES, LD_WIDGET_ANALYSIS_PRODUCTS,
    LD_WIDGET_ANALYSIS_CUSTOMERS, LD_WIDGET_GEO, LD_WIDGET_DATA,
  };
  char *before[G_N_ELEMENTS (widgets)];

  g_assert_true (ld_table_save (source_table, LD_FORMAT_CSV, file, NULL, &error));
  g_assert_no_error (error);
  report = ld_loader_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    before[i] = export (report, widgets[i], LD_FORMAT_CSV);

  /* Twice: the second save replaces the file the first one wrote. */
  table = make_table (report, LD_WIDGET_DATA);
  for (guint k = 0; k < 2; k++)
    {
      g_assert_true (ld_table_save (table, LD_FORMAT_CSV, file, NULL, &error));
      g_assert_no_error (error);
    }

  reloaded = ld_loader_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_autofree char *after = export (report, widgets[i], LD_FORMAT_CSV);
      g_autofree char *again = export (reloaded, widgets[i], LD_FORMAT_CSV);

      g_assert_cmpstr (after, ==, before[i]);
      g_assert_cmpstr (again, ==, before[i]);
      g_free (before[i]);
    }
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_missing_parent (void)
{
  g_autoptr(LdReport) report = load (quoting_csv);
  g_autoptr(LdTable) table = make_table (report, LD_WIDGET_SUMMARY);
  g_autofree char *dir = g_dir_make_tmp ("ld-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no", "such", "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (ld_table_save (table, LD_FORMAT_CSV, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  /* The message names the file the user asked for. */
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_save_onto_directory (void)
{
  g_autoptr(LdReport) report = load (quoting_csv);
  g_autoptr(LdTable) table = make_table (report, LD_WIDGET_SUMMARY);
  g_autofree char *dir = g_dir_make_tmp ("ld-writer-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *inner = g_build_filename (sub, "keep.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sub);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inner, old_contents, -1, NULL));

  g_assert_false (ld_table_save (table, LD_FORMAT_CSV, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  assert_untouched (sub, inner, 1);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  g_unlink (inner);
  g_rmdir (sub);
  g_rmdir (dir);
}

static void
test_save_read_only_dir (void)
{
  g_autoptr(LdReport) report = load (quoting_csv);
  g_autoptr(LdTable) table = make_table (report, LD_WIDGET_SUMMARY);
  g_autofree char *dir = g_dir_make_tmp ("ld-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  if (geteuid () == 0)
    {
      /* Root writes into a 0555 directory anyway; the failures that root meets
       * are covered by the missing-parent, cancelled and file-size-limit tests. */
      g_chmod (dir, 0755);
      g_unlink (path);
      g_rmdir (dir);
      g_test_skip ("running as root: directory permissions do not apply");
      return;
    }

  g_assert_false (ld_table_save (table, LD_FORMAT_CSV, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_untouched (dir, path, 1);

  g_chmod (dir, 0755);
  g_unlink (path);
  g_rmdir (dir);
}

/* A write that fails half-way, even for root: the file-size limit makes write(2)
 * return EFBIG once the temporary passes 16 KiB. Run in a subprocess so the limit
 * does not reach the rest of the tests. */
static void
test_save_write_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);

  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));

  g_setenv ("LD_TEST_SAVE_DIR", dir, TRUE);
  g_test_trap_subprocess ("/writer/save/write-fails/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  assert_untouched (dir, path, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_write_fails_child (void)
{
  const char *dir = g_getenv ("LD_TEST_SAVE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdTable) table = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) fresh_file = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 16 * 1024, 16 * 1024 };

  if (!g_test_subprocess ())
    {
      g_test_skip ("only run by /writer/save/write-fails");
      return;
    }

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "out.csv", NULL);
  fresh = g_build_filename (dir, "fresh.csv", NULL);
  file = g_file_new_for_path (path);
  fresh_file = g_file_new_for_path (fresh);
  report = make_big_report (2000);
  table = make_table (report, LD_WIDGET_DATA);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (ld_table_save (table, LD_FORMAT_CSV, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_clear_error (&error);

  g_assert_false (ld_table_save (table, LD_FORMAT_JSON, fresh_file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_write_dev_full (void)
{
  g_autoptr(LdReport) report = make_big_report (2000);
  g_autoptr(LdTable) table = make_table (report, LD_WIDGET_DATA);
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  /* Append, never replace: a rename over /dev/full would replace the device. */
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  if (stream == NULL)
    {
      g_test_skip ("/dev/full is not available");
      return;
    }

  g_assert_false (ld_table_write (table, LD_FORMAT_CSV, G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* The German run must really be German, or it proves nothing. */
static void
check_locale (void)
{
  const char *lc_all = g_getenv ("LC_ALL");
  char buf[16];

  if (lc_all == NULL || !g_str_has_prefix (lc_all, "de_DE"))
    return;

  snprintf (buf, sizeof buf, "%.1f", 1.5);
  if (strcmp (buf, "1,5") != 0)
    {
      g_printerr ("test-writer-de: the locale %s is not installed (printf gives \"%s\", not \"1,5\"); "
                  "generate it (bootstrap.sh does: locale-gen de_DE.UTF-8)\n", lc_all, buf);
      exit (1);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  check_locale ();

  g_test_add_func ("/writer/formula-escape", test_formula_escape);
  g_test_add_func ("/writer/formats", test_formats);
  g_test_add_func ("/writer/csv-quoting", test_csv_quoting);
  g_test_add_func ("/writer/numbers", test_numbers_locale_independent);
  g_test_add_func ("/writer/percent-thirds", test_percent_thirds);
  g_test_add_func ("/writer/empty", test_empty_report);
  g_test_add_func ("/writer/data-round-trip", test_data_round_trip);
  g_test_add_func ("/writer/big-round-trip", test_big_round_trip);
  g_test_add_func ("/writer/save/replaces", test_save_replaces);
  g_test_add_func ("/writer/save/cancelled", test_save_cancelled);
  g_test_add_func ("/writer/save/cancelled-midway", test_save_cancelled_midway);
  g_test_add_func ("/writer/save/over-open-file", test_save_over_open_file);
  g_test_add_func ("/writer/save/missing-parent", test_save_missing_parent);
  g_test_add_func ("/writer/save/onto-directory", test_save_onto_directory);
  g_test_add_func ("/writer/save/read-only-dir", test_save_read_only_dir);
  g_test_add_func ("/writer/save/write-fails", test_save_write_fails);
  g_test_add_func ("/writer/save/write-fails/subprocess", test_save_write_fails_child);
  g_test_add_func ("/writer/write-dev-full", test_write_dev_full);

  return g_test_run ();
}
