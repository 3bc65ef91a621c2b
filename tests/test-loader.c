/* test-loader.c — reading License reports, one test per bullet of SPEC §2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ld-loader.h"
#include "ld-parse.h"
#include "ld-query.h"
#include "ld-report-private.h"
#include "ld-table.h"
#include "ld-writer.h"

#define HEADER "CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate," \
               "ProductDisplayName,ProductId,PlanName,ServiceId,LicenseState," \
               "LicensesAssigned,LicensesProvisioned,OfferType\n"
#define ROW(name, date, assigned, provisioned) \
  "Germany,DE," name "," date ",Offer A,prod-a,Gold,Contoso.a.gold,Active," \
  assigned "," provisioned ",Power BI visual\n"

/* Helpers ------------------------------------------------------------------------ */

static GString *big_report (guint n_rows);

static LdReport *
load_len (const char *text,
          gsize       len)
{
  g_autoptr(GError) error = NULL;
  LdReport *report = ld_loader_load_data (text, len, "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static LdReport *
load (const char *text)
{
  return load_len (text, strlen (text));
}

/* @len -1: up to the NUL. */
static void
assert_load_fails (const char *text,
                   gssize      len,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  LdReport *report = ld_loader_load_data (text, len < 0 ? strlen (text) : (gsize) len,
                                          "report.csv", &error);

  g_assert_null (report);
  g_assert_error (error, LD_LOAD_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static int
column_of (LdReport *report,
           LdField   field)
{
  return report->field_column[field];
}

/* The text of a cell, by row in file order. */
static const char *
cell (LdReport *report,
      guint     row,
      guint     column)
{
  const LdColumn *col = &report->columns[column];

  g_assert_cmpuint (row, <, report->n_rows);
  g_assert_nonnull (col->dict);
  return ld_dict_get (col->dict, ld_ids_get (&col->ids, ld_report_get_file_order (report)[row]));
}

static const char *
field_cell (LdReport *report,
            guint     row,
            LdField   field)
{
  int c = column_of (report, field);

  g_assert_cmpint (c, >=, 0);
  return cell (report, row, c);
}

static guint32
row_date (LdReport *report,
          guint     row)
{
  return ld_report_row_date (report, ld_report_get_file_order (report)[row]);
}

static guint32
row_provisioned (LdReport *report,
                 guint     row)
{
  return ld_ids_get (&report->provisioned, ld_report_get_file_order (report)[row]);
}

static guint32
row_assigned (LdReport *report,
              guint     row)
{
  return ld_ids_get (&report->assigned, ld_report_get_file_order (report)[row]);
}

static guint64
sum_provisioned (LdReport *report)
{
  guint64 sum = 0;

  for (guint i = 0; i < report->n_rows; i++)
    sum += ld_ids_get (&report->provisioned, i);
  return sum;
}

static guint64
sum_assigned (LdReport *report)
{
  guint64 sum = 0;

  for (guint i = 0; i < report->n_rows; i++)
    sum += ld_ids_get (&report->assigned, i);
  return sum;
}

static const LdBadRow *
bad_row (LdReport *report,
         guint     i)
{
  const GArray *rows = ld_report_get_bad_rows (report);

  g_assert_cmpuint (i, <, rows->len);
  return &g_array_index (rows, LdBadRow, i);
}

static void
assert_bad_row (LdReport   *report,
                guint       i,
                guint64     line,
                int         column,
                const char *column_name,
                const char *reason)
{
  const LdBadRow *row = bad_row (report, i);

  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpint (row->column, ==, column);
  g_assert_cmpstr (row->column_name, ==, column_name);
  if (reason != NULL)
    g_assert_cmpstr (row->reason, ==, reason);
}

/* Header ------------------------------------------------------------------------- */

static void
test_header_variants (void)
{
  g_autoptr(LdReport) report = load (
    "customer country,Customer Country Code,CUSTOMER_NAME,activation-date,"
    "Product Display Name,product_id,plan name,Service-Id,license state,"
    "Licenses Assigned,LICENSES_PROVISIONED,offer type\n"
    ROW ("Contoso", "2026-03-05", "3", "5"));

  g_assert_cmpuint (ld_report_get_n_columns (report), ==, 12);
  for (guint c = 0; c < 12; c++)
    g_assert_cmpint (ld_report_get_column_field (report, c), ==, (LdField) c);
  g_assert_cmpstr (ld_report_get_column_name (report, 1), ==, "Customer Country Code");
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 1);
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_CUSTOMER_NAME), ==, "Contoso");
  g_assert_cmpuint (row_provisioned (report, 0), ==, 5);
  g_assert_cmpuint (row_assigned (report, 0), ==, 3);
}

static void
test_header_synonyms (void)
{
  /* An older export: Tenant ID, no OfferType, and the spaced synonyms. */
  g_autoptr(LdReport) report = load (
    "Tenant ID,Customer Name,Product ID,SKU Name,Service ID,Activation Date,"
    "Licenses Provisioned,Licenses Assigned\n"
    "0f1e,Contoso,prod-a,Gold,Contoso.a.gold,2026-01-31,10,7\n");

  g_assert_cmpint (ld_report_get_column_field (report, 0), ==, LD_FIELD_TENANT_ID);
  g_assert_cmpint (ld_report_get_column_field (report, 2), ==, LD_FIELD_PRODUCT_ID);
  g_assert_cmpint (ld_report_get_column_field (report, 3), ==, LD_FIELD_PLAN_NAME);
  g_assert_cmpint (ld_report_get_column_field (report, 4), ==, LD_FIELD_SERVICE_ID);
  g_assert_true (ld_report_has_field (report, LD_FIELD_TENANT_ID));
  g_assert_false (ld_report_has_field (report, LD_FIELD_OFFER_TYPE));
  g_assert_false (ld_report_has_field (report, LD_FIELD_PRODUCT_DISPLAY_NAME));
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_TENANT_ID), ==, "0f1e");
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_PLAN_NAME), ==, "Gold");
  g_assert_cmpuint (sum_provisioned (report), ==, 10);
  g_assert_cmpuint (sum_assigned (report), ==, 7);
}

static void
test_header_order (void)
{
  g_autoptr(LdReport) report = load (
    "LicensesProvisioned,ProductDisplayName,LicensesAssigned,ActivationDate,CustomerName\n"
    "8,Offer B,2,2026-02-01,Fabrikam\n"
    "4,Offer A,1,2026-03-01,Contoso\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 2);
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_CUSTOMER_NAME), ==, "Fabrikam");
  g_assert_cmpstr (field_cell (report, 1, LD_FIELD_PRODUCT_DISPLAY_NAME), ==, "Offer A");
  g_assert_cmpuint (row_provisioned (report, 0), ==, 8);
  g_assert_cmpuint (row_assigned (report, 0), ==, 2);
  g_assert_cmpuint (row_date (report, 1), ==, 20260301);
  g_assert_cmpuint (sum_provisioned (report), ==, 12);
  g_assert_cmpuint (sum_assigned (report), ==, 3);
}

static void
test_header_extra_columns (void)
{
  g_autoptr(LdReport) report = load (
    "ActivationDate,Notes,ProductId,LicensesAssigned,LicensesProvisioned,product id\n"
    "2026-03-05,first note,prod-a,1,2,other\n");

  g_assert_cmpuint (ld_report_get_n_columns (report), ==, 6);
  g_assert_cmpstr (ld_report_get_column_name (report, 1), ==, "Notes");
  g_assert_cmpint (ld_report_get_column_field (report, 1), ==, LD_FIELD_EXTRA);
  /* A field seen twice: the second column is kept as an extra one. */
  g_assert_cmpstr (ld_report_get_column_name (report, 5), ==, "product id");
  g_assert_cmpint (ld_report_get_column_field (report, 5), ==, LD_FIELD_EXTRA);
  g_assert_cmpint (ld_report_get_column_field (report, 2), ==, LD_FIELD_PRODUCT_ID);
  g_assert_cmpstr (cell (report, 0, 1), ==, "first note");
  g_assert_cmpstr (cell (report, 0, 5), ==, "other");
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_PRODUCT_ID), ==, "prod-a");
}

static void
test_header_required (void)
{
  g_autoptr(LdReport) with_id = NULL;
  g_autoptr(LdReport) with_name = NULL;

  /* ProductId or ProductDisplayName: either will do. */
  with_id = load ("ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
                  "2026-03-05,p,1,1\n");
  with_name = load ("ActivationDate,ProductDisplayName,LicensesAssigned,LicensesProvisioned\n"
                    "2026-03-05,P,1,1\n");
  g_assert_cmpuint (ld_report_get_n_rows (with_id), ==, 1);
  g_assert_cmpuint (ld_report_get_n_rows (with_name), ==, 1);

  assert_load_fails ("ActivationDate,ProductId,LicensesAssigned\n2026-03-05,p,1\n", -1,
                     LD_LOAD_ERROR_MISSING_COLUMN,
                     "The header of “report.csv” on line 1 has no column LicensesProvisioned, "
                     "which every License report has. Is this a License report from Partner "
                     "Center? Download it again from Insights › Licenses.");
  assert_load_fails ("CustomerName,LicensesAssigned\nContoso,1\n", -1,
                     LD_LOAD_ERROR_MISSING_COLUMN,
                     "The header of “report.csv” on line 1 has none of the columns ActivationDate, "
                     "LicensesProvisioned, ProductId or ProductDisplayName, which every License "
                     "report has. Is this a License report from Partner Center? Download it "
                     "again from Insights › Licenses.");
}

/* Encoding ------------------------------------------------------------------------------ */

static void
test_encoding_bom (void)
{
  g_autoptr(LdReport) report = load ("\xef\xbb\xbf" HEADER ROW ("Müller", "2026-03-05", "1", "2"));
  g_autoptr(LdReport) plain = load (HEADER ROW ("Müller", "2026-03-05", "1", "2"));

  g_assert_cmpint (ld_report_get_encoding (report), ==, LD_ENCODING_UTF8_BOM);
  g_assert_cmpint (ld_report_get_encoding (plain), ==, LD_ENCODING_UTF8);
  g_assert_cmpstr (ld_report_get_column_name (report, 0), ==, "CustomerCountry");
  g_assert_cmpint (ld_report_get_column_field (report, 0), ==, LD_FIELD_CUSTOMER_COUNTRY);
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_CUSTOMER_NAME), ==, "Müller");
  g_assert_cmpuint (ld_report_get_n_warnings (report), ==, 0);
}

static void
check_utf16 (const char *charset,
             const char *bom,
             LdEncoding  expected)
{
  /* Long enough to span several read chunks, with a multi-line quoted cell. */
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GString) bytes = g_string_new (bom);
  g_autofree char *converted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;
  gsize len;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, ROW ("Müller 𝄞 “Ltd”", "2026-03-05", "1", "2"));
  g_string_append (text, "Japan,JP,\"日本\nline two\",2026-04-01,Offer,p,Gold,s,Active,1,1,T\n");

  converted = g_convert (text->str, text->len, charset, "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_string_append_len (bytes, converted, len);

  report = load_len (bytes->str, bytes->len);
  g_assert_cmpint (ld_report_get_encoding (report), ==, expected);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 5001);
  g_assert_cmpstr (ld_report_get_column_name (report, 0), ==, "CustomerCountry");
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_CUSTOMER_NAME), ==, "Müller 𝄞 “Ltd”");
  g_assert_cmpstr (field_cell (report, 5000, LD_FIELD_CUSTOMER_NAME), ==, "日本\nline two");
  g_assert_cmpuint (sum_provisioned (report), ==, 10001);
  g_assert_cmpuint (ld_report_get_n_warnings (report), ==, 0);
}

static void
test_encoding_utf16le (void)
{
  check_utf16 ("UTF-16LE", "\xff\xfe", LD_ENCODING_UTF16LE);
}

static void
test_encoding_utf16be (void)
{
  check_utf16 ("UTF-16BE", "\xfe\xff", LD_ENCODING_UTF16BE);
}

static void
test_encoding_utf16_no_bom (void)
{
  check_utf16 ("UTF-16LE", "", LD_ENCODING_UTF16LE);
  check_utf16 ("UTF-16BE", "", LD_ENCODING_UTF16BE);
}

static void
test_encoding_invalid_utf8 (void)
{
  static const char data[] =
    HEADER
    ROW ("M\xfcller", "2026-03-05", "1", "2")
    ROW ("Fine", "2026-03-05", "1", "2")
    "Germany,DE,Nul\0here,2026-03-05,Offer \xe2\x82,prod-a,Gold,s,Active,1,2,T\n";
  g_autoptr(LdReport) report = load_len (data, sizeof data - 1);

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 3);
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_CUSTOMER_NAME), ==, "M\xef\xbf\xbdller");
  g_assert_cmpstr (field_cell (report, 1, LD_FIELD_CUSTOMER_NAME), ==, "Fine");
  g_assert_cmpstr (field_cell (report, 2, LD_FIELD_CUSTOMER_NAME), ==, "Nul\xef\xbf\xbdhere");
  g_assert_cmpstr (field_cell (report, 2, LD_FIELD_PRODUCT_DISPLAY_NAME), ==, "Offer \xef\xbf\xbd");
  /* One warning per repaired cell. */
  g_assert_cmpuint (ld_report_get_n_warnings (report), ==, 3);
}

/* Delimiters and quoting ------------------------------------------------------------------ */

static void
test_delimiter_detection (void)
{
  g_autoptr(LdReport) tab = load (
    "CustomerName\tActivationDate\tProductId\tLicensesAssigned\tLicensesProvisioned\n"
    "Contoso, Inc.; Ltd\t2026-03-05\tp\t1\t2\n");
  g_autoptr(LdReport) semi = load (
    "CustomerName;ActivationDate;ProductId;LicensesAssigned;LicensesProvisioned\n"
    "Contoso, Inc.;05/03/2026;p;1;2\n");
  g_autoptr(LdReport) comma = load (
    "CustomerName,ActivationDate,\"Product;Id\",LicensesAssigned,LicensesProvisioned,ProductId\n"
    "\"a;b;c\",2026-03-05,x,1,2,p\n");

  g_assert_cmpint (ld_report_get_delimiter (tab), ==, '\t');
  g_assert_cmpstr (field_cell (tab, 0, LD_FIELD_CUSTOMER_NAME), ==, "Contoso, Inc.; Ltd");
  g_assert_cmpint (ld_report_get_delimiter (semi), ==, ';');
  g_assert_cmpstr (field_cell (semi, 0, LD_FIELD_CUSTOMER_NAME), ==, "Contoso, Inc.");
  /* Semicolons inside quotes do not count. */
  g_assert_cmpint (ld_report_get_delimiter (comma), ==, ',');
  g_assert_cmpstr (field_cell (comma, 0, LD_FIELD_CUSTOMER_NAME), ==, "a;b;c");
}

static void
test_quoting (void)
{
  g_autoptr(LdReport) report = load (
    HEADER
    "Germany,DE,\"Contoso, Inc.\",2026-03-05,\"Offer \"\"Best\"\"\",prod-a,Gold,s,Active,1,2,T\n"
    "\"Germany\",\"DE\",\"Multi\nline\r\nname\",\"2026-03-05\",\"Offer\",\"p\",\"G\",\"s\",\"A\",\"3\",\"4\",\"T\"\n"
    "Germany,DE,,2026-03-05,,p,,,,,,\n"
    ",DE,Bad,2026-03-05,Offer,p,G,s,A,x,1,T\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 3);
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_CUSTOMER_NAME), ==, "Contoso, Inc.");
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_PRODUCT_DISPLAY_NAME), ==, "Offer \"Best\"");
  g_assert_cmpstr (field_cell (report, 1, LD_FIELD_CUSTOMER_NAME), ==, "Multi\nline\r\nname");
  g_assert_cmpuint (row_provisioned (report, 1), ==, 4);
  g_assert_cmpstr (field_cell (report, 2, LD_FIELD_CUSTOMER_NAME), ==, "");
  g_assert_cmpuint (row_provisioned (report, 2), ==, 0);
  /* Lines 3–5 hold the quoted row: the bad row after it is on line 7. */
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 1);
  assert_bad_row (report, 0, 7, 9, "LicensesAssigned",
                  "LicensesAssigned \"x\" is not a number; expected a count such as 12."
                  " Correct the cell, or download the report again.");
}

static void
test_quoting_equivalence (void)
{
  /* Quoted and unquoted: the same cells. Blanks around a count or a date are allowed
   * (SPEC §2: "optional surrounding spaces"); around a text they are part of it (RFC
   * 4180: "spaces are considered part of a field"), so "  Contoso  " is another name —
   * the app's own CSV quotes such a text, so it reads back as written. v1 trimmed them,
   * which made a name written "\tAcme" (formula-escaped as "'\tAcme") read as "Acme". */
  g_autoptr(LdReport) report = load (
    "CustomerName,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "Contoso,2026-03-05,p,1,2\n"
    "\"Contoso\",\"2026-03-05\",\"p\",\"1\",\"2\"\n"
    "Contoso, 2026-03-05 ,p, 1,2  \n"
    "Contoso,\"2026-03-05\",p, 1 ,2\n"
    "  Contoso  ,2026-03-05,p,1,2\n"
    "\"  Contoso  \",2026-03-05,p,1,2\n"
    "\tTab,2026-03-05,p,1,2\n"
    "'\tTab,2026-03-05,p,1,2\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_assert_cmpstr (field_cell (report, i, LD_FIELD_PRODUCT_ID), ==, "p");
      g_assert_cmpuint (row_date (report, i), ==, 20260305);
      g_assert_cmpuint (row_assigned (report, i), ==, 1);
      g_assert_cmpuint (row_provisioned (report, i), ==, 2);
    }
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (field_cell (report, i, LD_FIELD_CUSTOMER_NAME), ==, "Contoso");
  g_assert_cmpstr (field_cell (report, 4, LD_FIELD_CUSTOMER_NAME), ==, "  Contoso  ");
  g_assert_cmpstr (field_cell (report, 5, LD_FIELD_CUSTOMER_NAME), ==, "  Contoso  ");
  /* A tab written as the app writes it (formula escape) or not: the same name. */
  g_assert_cmpstr (field_cell (report, 6, LD_FIELD_CUSTOMER_NAME), ==, "\tTab");
  g_assert_cmpstr (field_cell (report, 7, LD_FIELD_CUSTOMER_NAME), ==, "\tTab");
  /* "", "Contoso", "  Contoso  ", "\tTab". */
  g_assert_cmpuint (ld_dict_size (report->columns[0].dict), ==, 4);
}

static void
test_libcsv_edges (void)
{
  /* The first line through libcsv starts with an empty field; a stray CR ends a
   * row as libcsv reads it; a quote inside an unquoted field is text. */
  g_autoptr(LdReport) report = load (
    "CustomerName,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    ",2026-03-05,\"p\",1,2\n"
    "Contoso \"Best\",2026-03-05,p,1,2\n"
    "A,2026-03-05,p,1,2\rB,2026-03-06,p,3,4\n"
    "C,2026-03-07,p,5,6\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 5);
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_CUSTOMER_NAME), ==, "");
  g_assert_cmpstr (field_cell (report, 1, LD_FIELD_CUSTOMER_NAME), ==, "Contoso \"Best\"");
  g_assert_cmpstr (field_cell (report, 3, LD_FIELD_CUSTOMER_NAME), ==, "B");
  g_assert_cmpstr (field_cell (report, 4, LD_FIELD_CUSTOMER_NAME), ==, "C");
  g_assert_cmpuint (sum_provisioned (report), ==, 16);
}

static void
test_garbage_never_crashes (void)
{
  g_autoptr(GString) base = big_report (200);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  /* Random damage: every load either fails with a message or accounts for its rows. */
  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *copy = g_memdup2 (base->str, base->len);
      g_autoptr(GError) error = NULL;
      g_autoptr(LdReport) report = NULL;
      gsize len = g_rand_int_range (rand, 0, base->len);

      for (guint k = 0; k < 20; k++)
        {
          static const char bytes[] = { '"', ',', '\n', '\r', '\0', '\t', ';', 'x', '\xff', '\xc3' };

          copy[g_rand_int_range (rand, 0, base->len)] = bytes[g_rand_int_range (rand, 0, sizeof bytes)];
        }

      report = ld_loader_load_data (copy, round % 2 ? len : base->len, "damaged.csv", &error);
      g_assert_true ((report == NULL) != (error == NULL));
      if (report != NULL)
        g_assert_cmpuint (ld_report_get_rows_read (report), ==,
                          ld_report_get_n_rows (report) + ld_report_get_rows_skipped (report));
      else
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_line_ends (void)
{
  g_autoptr(LdReport) crlf = load (
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\r\n"
    "2026-03-05,a,1,2\r\n"
    "\r\n"
    "2026-03-06,b,3,4\r\n"
    "2026-03-07,c,-1,4\r\n");
  g_autoptr(LdReport) no_final = load (
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "2026-03-05,a,1,2\n"
    "2026-03-06,b,3,4");
  g_autoptr(LdReport) no_final_quoted = load (
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "2026-03-06,\"b\",3,\"4\"");

  g_assert_cmpuint (ld_report_get_n_rows (crlf), ==, 2);
  g_assert_cmpstr (field_cell (crlf, 1, LD_FIELD_PRODUCT_ID), ==, "b");
  g_assert_cmpuint (row_provisioned (crlf, 1), ==, 4);
  assert_bad_row (crlf, 0, 5, 2, "LicensesAssigned",
                  "LicensesAssigned \"-1\" is negative; expected a count of 0 or more."
                  " Correct the cell, or download the report again.");
  g_assert_cmpuint (ld_report_get_n_rows (no_final), ==, 2);
  g_assert_cmpuint (sum_provisioned (no_final), ==, 6);
  g_assert_cmpuint (ld_report_get_n_rows (no_final_quoted), ==, 1);
  g_assert_cmpuint (sum_provisioned (no_final_quoted), ==, 4);
}

static void
test_blank_lines (void)
{
  g_autoptr(LdReport) report = load (
    "\n  \n"
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "\n"
    "2026-03-05,a,1,2\n"
    "   \n"
    "\t\n"
    "2026-03-05,a,x,2\n"
    "\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 1);
  g_assert_cmpuint (ld_report_get_rows_read (report), ==, 2);
  assert_bad_row (report, 0, 8, 2, "LicensesAssigned", NULL);
}

static void
test_formula_escape (void)
{
  g_autoptr(LdReport) report = load (
    "CustomerName,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "'=SUM(A1),2026-03-05,'-p,1,2\n"
    "'hello',2026-03-05,''+x,1,2\n");

  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_CUSTOMER_NAME), ==, "=SUM(A1)");
  g_assert_cmpstr (field_cell (report, 0, LD_FIELD_PRODUCT_ID), ==, "-p");
  g_assert_cmpstr (field_cell (report, 1, LD_FIELD_CUSTOMER_NAME), ==, "'hello'");
  g_assert_cmpstr (field_cell (report, 1, LD_FIELD_PRODUCT_ID), ==, "'+x");
}

/* Dates ----------------------------------------------------------------------------------- */

static void
test_dates (void)
{
  g_autoptr(LdReport) report = load (
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "2026-03-05,a,1,1\n"
    "2026/03/06,a,1,1\n"
    "2026-03-07T00:00:00Z,a,1,1\n"
    "2026-03-08T10:11:12.123+01:00,a,1,1\n"
    "2026-03-09T23:00:00-0500,a,1,1\n"
    "3/10/2026,a,1,1\n"
    "3/11/2026 1:05 PM,a,1,1\n"
    "03/12/2026 23:59:59,a,1,1\n"
    "2026-02-30,a,1,1\n"
    "13/13/2026,a,1,1\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 8);
  g_assert_false (ld_report_get_day_first (report));
  for (guint i = 0; i < 8; i++)
    g_assert_cmpuint (row_date (report, i), ==, 20260305 + i);
  assert_bad_row (report, 0, 10, 0, "ActivationDate",
                  "ActivationDate \"2026-02-30\" is not a date; expected YYYY-MM-DD or M/D/YYYY, "
                  "such as 2026-03-05. Correct the cell, or download the report again.");
  assert_bad_row (report, 1, 11, 0, "ActivationDate",
                  "ActivationDate \"13/13/2026\" is not a date; expected YYYY-MM-DD or M/D/YYYY, "
                  "such as 2026-03-05. Correct the cell, or download the report again.");
  g_assert_cmpuint (ld_report_get_latest_date (report), ==, 20260312);
}

static void
test_dates_day_first (void)
{
  /* 13/02/2026 can only be day first, so 03/02/2026 is 3 February, and 2/29/2024
   * (valid month first only) turns out bad. */
  g_autoptr(LdReport) report = load (
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "03/02/2026,a,1,1\n"
    "2/29/2024,a,1,1\n"
    "13/02/2026 10:00,a,1,1\n"
    "2026-05-01,a,1,1\n"
    "1/31/2026,a,1,1\n");

  g_assert_true (ld_report_get_day_first (report));
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 3);
  g_assert_cmpuint (row_date (report, 0), ==, 20260203);
  g_assert_cmpuint (row_date (report, 1), ==, 20260213);
  g_assert_cmpuint (row_date (report, 2), ==, 20260501);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 2);
  g_assert_cmpuint (ld_report_get_rows_read (report), ==, 5);
  assert_bad_row (report, 0, 3, 0, "ActivationDate",
                  "ActivationDate \"2/29/2024\" is not a date: the dates of this file are day "
                  "first (D/M/YYYY), as line 4 shows. Correct the cell, or download the report again.");
  assert_bad_row (report, 1, 6, 0, "ActivationDate",
                  "ActivationDate \"1/31/2026\" is not a date: the dates of this file are day "
                  "first (D/M/YYYY), as line 4 shows. Correct the cell, or download the report again.");
}

static void
test_dates_month_first (void)
{
  g_autoptr(LdReport) report = load (
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "03/02/2026,a,1,1\n"
    "12/31/2026,a,1,1\n");

  g_assert_false (ld_report_get_day_first (report));
  g_assert_cmpuint (row_date (report, 0), ==, 20260302);
  g_assert_cmpuint (row_date (report, 1), ==, 20261231);
}

/* Counts ------------------------------------------------------------------------------------ */

static void
test_counts (void)
{
  g_autoptr(LdReport) report = load (
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "2026-03-05,a,12.0,12\n"
    "2026-03-05,a,,\n"
    "2026-03-05,a,\" 7 \",2147483647\n"
    "2026-03-05,a,-1,1\n"
    "2026-03-05,a,1,1.5\n"
    "2026-03-05,a,1,2147483648\n"
    "2026-03-05,a,1,ten\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 3);
  g_assert_cmpuint (row_assigned (report, 0), ==, 12);
  g_assert_cmpuint (row_provisioned (report, 1), ==, 0);
  g_assert_cmpuint (row_assigned (report, 2), ==, 7);
  /* Sums are 64-bit. */
  g_assert_cmpuint (sum_provisioned (report), ==, 2147483647u + 12u);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 4);
  assert_bad_row (report, 0, 5, 2, "LicensesAssigned",
                  "LicensesAssigned \"-1\" is negative; expected a count of 0 or more."
                  " Correct the cell, or download the report again.");
  assert_bad_row (report, 1, 6, 3, "LicensesProvisioned",
                  "LicensesProvisioned \"1.5\" is not a whole number; expected a count such as 12."
                  " Correct the cell, or download the report again.");
  assert_bad_row (report, 2, 7, 3, "LicensesProvisioned",
                  "LicensesProvisioned \"2147483648\" is too large; expected a count of at most 2147483647."
                  " Correct the cell, or download the report again.");
  assert_bad_row (report, 3, 8, 3, "LicensesProvisioned",
                  "LicensesProvisioned \"ten\" is not a number; expected a count such as 12."
                  " Correct the cell, or download the report again.");
}

static void
test_large_sums (void)
{
  g_autoptr(GString) text = g_string_new ("ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n");
  g_autoptr(LdReport) report = NULL;

  for (guint i = 0; i < 4; i++)
    g_string_append (text, "2026-03-05,a,2147483647,2147483647\n");
  report = load (text->str);
  g_assert_cmpuint (sum_provisioned (report), ==, G_GUINT64_CONSTANT (4) * 2147483647u);
}

/* Bad rows ---------------------------------------------------------------------------------- */

static void
test_bad_rows (void)
{
  g_autoptr(LdReport) report = load (
    "ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "2026-03-05,a,1,1\n"
    "2026-03-05,a,1\n"
    "2026-03-05,a,1,1,1\n"
    "\"2026-03-05\",\"a,b\",1\n"
    "soon,a,1,1\n"
    "2026-03-05,a,1,1\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 2);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 4);
  g_assert_cmpuint (ld_report_get_rows_read (report), ==, 6);
  assert_bad_row (report, 0, 3, -1, NULL, "This row has 3 fields, the header has 4. A field is missing or extra, "
                  "often from a comma in a name without quotes around it. Correct the row, "
                  "or download the report again.");
  assert_bad_row (report, 1, 4, -1, NULL, "This row has 5 fields, the header has 4. A field is missing or extra, "
                  "often from a comma in a name without quotes around it. Correct the row, "
                  "or download the report again.");
  assert_bad_row (report, 2, 5, -1, NULL, "This row has 3 fields, the header has 4. A field is missing or extra, "
                  "often from a comma in a name without quotes around it. Correct the row, "
                  "or download the report again.");
  assert_bad_row (report, 3, 6, 0, "ActivationDate",
                  "ActivationDate \"soon\" is not a date; expected YYYY-MM-DD or M/D/YYYY, "
                  "such as 2026-03-05. Correct the cell, or download the report again.");
}

static void
test_bad_rows_many (void)
{
  g_autoptr(GString) text = g_string_new ("ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n");
  g_autoptr(LdReport) report = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, i % 2 ? "2026-03-05,a,1,1\n" : "2026-03-05,a,x,1\n");
  report = load (text->str);

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 500);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 500);
  g_assert_cmpuint (ld_report_get_bad_rows (report)->len, ==, LD_REPORT_MAX_BAD_ROWS);
  assert_bad_row (report, 0, 2, 2, "LicensesAssigned", NULL);
  assert_bad_row (report, LD_REPORT_MAX_BAD_ROWS - 1, 2 + 2 * (LD_REPORT_MAX_BAD_ROWS - 1), 2,
                  "LicensesAssigned", NULL);
}

static void
test_unterminated_quote (void)
{
  g_autoptr(LdReport) report = load (
    "CustomerName,ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned\n"
    "Contoso,2026-03-05,a,1,1\n"
    "Fabrikam,2026-03-05,\"a\n"
    "more,2026-03-05,a,1,1\n");

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 1);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 1);
  /* Line 4 went into the open field: the reason says so, it does not vanish. */
  assert_bad_row (report, 0, 3, 2, "ProductId",
                  "The quote that opens the field ProductId is never closed, so the 1 line "
                  "after it was read into this field and is not counted. The file may be "
                  "damaged — download the report again.");
}

/* Bad files ---------------------------------------------------------------------------------- */

static void
test_bad_files (void)
{
  static const char binary[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\xa1\x02" "ActivationDate\n";

  assert_load_fails ("", 0, LD_LOAD_ERROR_EMPTY,
                     "“report.csv” is empty. Choose a License report downloaded from Partner "
                     "Center (Insights › Licenses).");
  assert_load_fails ("\n\r\n   \n\n", -1, LD_LOAD_ERROR_EMPTY, NULL);
  assert_load_fails ("\xef\xbb\xbf", 3, LD_LOAD_ERROR_EMPTY, NULL);
  assert_load_fails ("\xff\xfe", 2, LD_LOAD_ERROR_EMPTY, NULL);
  assert_load_fails (binary, sizeof binary - 1, LD_LOAD_ERROR_BINARY,
                     "“report.csv” is not a text file. Choose the License report as a CSV or "
                     "TSV file; a report saved from a spreadsheet must be saved as CSV.");
  assert_load_fails ("\x01\x02\x03\x04\x05\x06\x07 abc,def\n", -1, LD_LOAD_ERROR_BINARY, NULL);
  assert_load_fails ("\n1,2,3\n4,5,6\n", -1, LD_LOAD_ERROR_NO_HEADER,
                     "Line 2 of “report.csv” is not the header of a License report: none of its "
                     "columns is known. Is this a License report from Partner Center? Download "
                     "it again from Insights › Licenses.");
  assert_load_fails ("ActivationDate,\"ProductId,LicensesAssigned,LicensesProvisioned\n", -1,
                     LD_LOAD_ERROR_NO_HEADER, NULL);
  /* An odd byte at the end of UTF-16 cannot be converted. */
  assert_load_fails ("\xff\xfe" "A\0" "B\0" "\n", 7, LD_LOAD_ERROR_ENCODING, NULL);
}

static void
test_wide_files (void)
{
  g_autoptr(GString) text = g_string_new ("ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned");
  g_autoptr(GString) huge = g_string_new ("ActivationDate,ProductId,LicensesAssigned,LicensesProvisioned");
  g_autoptr(LdReport) report = NULL;

  /* 500 extra columns, 3000 rows: batches for the builder shrink with the width. */
  for (guint c = 0; c < 500; c++)
    g_string_append_printf (text, ",Extra %u", c);
  g_string_append_c (text, '\n');
  for (guint r = 0; r < 3000; r++)
    {
      g_string_append_printf (text, "2026-03-05,p%u,1,2", r % 7);
      for (guint c = 0; c < 500; c++)
        g_string_append_printf (text, ",v%u", (r + c) % 11);
      g_string_append_c (text, '\n');
    }
  report = load (text->str);
  g_assert_cmpuint (ld_report_get_n_columns (report), ==, 504);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 3000);
  g_assert_cmpuint (sum_provisioned (report), ==, 6000);
  g_assert_cmpstr (cell (report, 2999, 503), ==, "v0");  /* (2999 + 499) % 11 */

  for (guint c = 0; c < 5000; c++)
    g_string_append_printf (huge, ",Extra %u", c);
  g_string_append_c (huge, '\n');
  assert_load_fails (huge->str, huge->len, LD_LOAD_ERROR_TOO_LARGE, NULL);
}

static void
test_header_only (void)
{
  g_autoptr(LdReport) report = load (HEADER);
  g_autoptr(LdReport) with_bad = load (HEADER ROW ("x", "never", "1", "1"));

  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 0);
  g_assert_cmpuint (ld_report_get_rows_read (report), ==, 0);
  g_assert_cmpuint (ld_report_get_n_columns (report), ==, 12);
  g_assert_cmpint (ld_report_get_first_month (report), ==, -1);
  g_assert_cmpuint (ld_report_get_n_rows (with_bad), ==, 0);
  g_assert_cmpuint (ld_report_get_rows_skipped (with_bad), ==, 1);
}

/* Streaming ----------------------------------------------------------------------------------- */

static GString *
big_report (guint n_rows)
{
  GString *text = g_string_new (HEADER);

  for (guint i = 0; i < n_rows; i++)
    {
      switch (i % 4)
        {
        case 0:
          g_string_append_printf (text, "Germany,DE,Customer %u,2026-03-05,Offer A,prod-a,"
                                  "Gold,s,Active,%u,%u,T\n", i % 97, i % 5, i % 7);
          break;
        case 1:
          g_string_append_printf (text, "\"Germany\",\"DE\",\"Customer, %u\",\"2026-%02u-01\","
                                  "\"Offer\nB\",\"prod-b\",\"Gold\",\"s\",\"Active\",\"%u\",\"%u\","
                                  "\"T\"\r\n", i % 97, i % 12 + 1, i % 5, i % 7);
          break;
        case 2:
          g_string_append_printf (text, "France,FR,Client %u,%u/1/2025 3:00 PM,Offre,prod-c,"
                                  "Silver,s,Active,%u,%u,T\n", i % 89, i % 12 + 1, i % 5, i % 7);
          break;
        default:
          g_string_append_printf (text, "Japan,JP,日本 %u,2025-12-31T00:00:00Z,Offer A,prod-a,"
                                  "Gold,s,Active,%u,%u,T\n", i % 13, i % 5, i % 7);
          break;
        }
    }
  return text;
}

static void
test_chunks (void)
{
  g_autoptr(GString) text = big_report (40000);
  g_autoptr(LdReport) report = NULL;
  guint64 expected_p = 0, expected_a = 0;
  guint64 bad_line;

  for (guint i = 0; i < 40000; i++)
    {
      expected_p += i % 7;
      expected_a += i % 5;
    }

  /* A bad row at the end: its line counts the quoted newlines (one per 4 rows). */
  g_string_append (text, "Germany,DE,x,2026-03-05,Offer A,prod-a,Gold,s,Active,1,bad,T\n");
  bad_line = 1 + 40000 + 40000 / 4 + 1;

  report = load_len (text->str, text->len);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 40000);
  g_assert_cmpuint (sum_provisioned (report), ==, expected_p);
  g_assert_cmpuint (sum_assigned (report), ==, expected_a);
  g_assert_cmpstr (field_cell (report, 1, LD_FIELD_PRODUCT_DISPLAY_NAME), ==, "Offer\nB");
  g_assert_cmpstr (field_cell (report, 1, LD_FIELD_CUSTOMER_NAME), ==, "Customer, 1");
  g_assert_cmpstr (field_cell (report, 39999, LD_FIELD_CUSTOMER_NAME), ==, "日本 11");
  g_assert_cmpuint (row_date (report, 2), ==, 20250301);
  assert_bad_row (report, 0, bad_line, 10, "LicensesProvisioned", NULL);
}

typedef struct {
  guint   calls;
  guint64 last_done;
  guint64 last_total;
} ProgressLog;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpuint (done, >=, log->last_done);
  log->calls++;
  log->last_done = done;
  log->last_total = total;
}

static void
test_progress (void)
{
  g_autoptr(GString) text = big_report (20000);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;
  ProgressLog log = { 0, };

  report = ld_loader_load_stream (stream, text->len, "big.csv", NULL, NULL,
                                  on_progress, &log, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (log.calls, >, 2);
  g_assert_cmpuint (log.last_done, ==, text->len);
  g_assert_cmpuint (log.last_total, ==, text->len);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 20000);
}

static void
test_cancel (void)
{
  g_autoptr(GString) text = big_report (100);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LdReport *report;

  g_cancellable_cancel (cancellable);
  report = ld_loader_load_stream (stream, text->len, "big.csv", NULL, cancellable,
                                  NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
cancel_on_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_midway (void)
{
  g_autoptr(GString) text = big_report (20000);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LdReport *report;

  report = ld_loader_load_stream (stream, text->len, "big.csv", NULL, cancellable,
                                  cancel_on_progress, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ld-loader-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Licenses.csv", NULL);
  g_file_set_contents (path, HEADER ROW ("Contoso", "2026-03-05", "2", "3"), -1, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  report = ld_loader_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ld_report_get_display_name (report), ==, "Licenses.csv");
  g_assert_cmpstr (ld_report_get_path (report), ==, path);
  g_assert_cmpuint (sum_provisioned (report), ==, 3);

  missing = g_file_new_for_path ("/nonexistent/Missing.csv");
  g_assert_null (ld_loader_load_file (missing, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Missing.csv"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_round_trip (void)
{
  /* A file the app wrote (Download data) reloads to the same data, escapes and all. */
  g_autoptr(LdReport) first = load (
    "CustomerName,ActivationDate,ProductId,PlanName,LicensesAssigned,LicensesProvisioned,Notes\n"
    "=SUM(A1),3/5/2026 1:00 PM,-p,\"Gold, \"\"big\"\"\",1,2,\"two\nlines\"\n"
    "'quoted',2026-03-06,+x,@home,3,4,\"\ttab first\"\n"
    "Müller GmbH,2026-03-07,'=x,Silver,5,6,\"cr\rinside\"\n");
  g_autoptr(LdQuery) query = ld_query_new (first);
  g_autoptr(LdTable) table = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) second = NULL;
  GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM (out);

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  table = ld_table_new_data (query);
  g_assert_true (ld_table_write (table, LD_FORMAT_CSV, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  second = load_len (g_memory_output_stream_get_data (mem),
                     g_memory_output_stream_get_data_size (mem));

  g_assert_cmpuint (ld_report_get_n_rows (second), ==, ld_report_get_n_rows (first));
  g_assert_cmpuint (ld_report_get_n_columns (second), ==, ld_report_get_n_columns (first));
  g_assert_cmpuint (ld_report_get_rows_skipped (second), ==, 0);
  for (guint r = 0; r < ld_report_get_n_rows (first); r++)
    {
      g_assert_cmpuint (row_date (second, r), ==, row_date (first, r));
      g_assert_cmpuint (row_assigned (second, r), ==, row_assigned (first, r));
      g_assert_cmpuint (row_provisioned (second, r), ==, row_provisioned (first, r));
      for (guint c = 0; c < ld_report_get_n_columns (first); c++)
        {
          g_assert_cmpstr (ld_report_get_column_name (second, c), ==,
                           ld_report_get_column_name (first, c));
          if (first->columns[c].dict != NULL)
            g_assert_cmpstr (cell (second, r, c), ==, cell (first, r, c));
        }
    }
  g_assert_cmpstr (field_cell (second, 0, LD_FIELD_CUSTOMER_NAME), ==, "=SUM(A1)");
  g_assert_cmpstr (field_cell (second, 2, LD_FIELD_PRODUCT_ID), ==, "=x");
  g_assert_cmpuint (row_date (second, 0), ==, 20260305);
}

static LdReport *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "load", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LdReport *report = ld_loader_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (ld_report_get_display_name (report), ==, name);
  return report;
}

static void
test_fixtures (void)
{
  g_autoptr(LdReport) legacy = load_fixture ("legacy-tenant.csv");
  g_autoptr(LdReport) excel = load_fixture ("excel-semicolon-dayfirst.csv");
  g_autoptr(LdReport) utf16 = load_fixture ("utf16le.tsv");

  /* An older export: Tenant ID, SKU Name, no OfferType, CRLF. */
  g_assert_cmpuint (ld_report_get_n_rows (legacy), ==, 3);
  g_assert_true (ld_report_has_field (legacy, LD_FIELD_TENANT_ID));
  g_assert_false (ld_report_has_field (legacy, LD_FIELD_OFFER_TYPE));
  g_assert_cmpstr (field_cell (legacy, 0, LD_FIELD_PLAN_NAME), ==, "Gold");
  g_assert_cmpstr (field_cell (legacy, 1, LD_FIELD_CUSTOMER_NAME), ==, "");
  g_assert_cmpuint (sum_provisioned (legacy), ==, 35);
  g_assert_cmpuint (sum_assigned (legacy), ==, 15);

  /* Saved by a spreadsheet in a day-first locale: BOM, semicolons, D/M/YYYY. */
  g_assert_cmpint (ld_report_get_encoding (excel), ==, LD_ENCODING_UTF8_BOM);
  g_assert_cmpint (ld_report_get_delimiter (excel), ==, ';');
  g_assert_true (ld_report_get_day_first (excel));
  g_assert_cmpuint (ld_report_get_n_rows (excel), ==, 3);
  g_assert_cmpuint (row_date (excel, 0), ==, 20260203);
  g_assert_cmpuint (row_date (excel, 1), ==, 20260213);
  g_assert_cmpuint (row_date (excel, 2), ==, 20260228);
  g_assert_cmpstr (field_cell (excel, 1, LD_FIELD_CUSTOMER_NAME), ==, "Kaffee; Kuchen KG");
  g_assert_cmpstr (field_cell (excel, 1, LD_FIELD_CUSTOMER_COUNTRY), ==, "Österreich");

  /* UTF-16 LE with a BOM, tab-separated, two date forms. */
  g_assert_cmpint (ld_report_get_encoding (utf16), ==, LD_ENCODING_UTF16LE);
  g_assert_cmpint (ld_report_get_delimiter (utf16), ==, '\t');
  g_assert_cmpuint (ld_report_get_n_rows (utf16), ==, 2);
  g_assert_cmpstr (field_cell (utf16, 0, LD_FIELD_CUSTOMER_NAME), ==, "株式会社サンプル");
  g_assert_cmpstr (field_cell (utf16, 1, LD_FIELD_CUSTOMER_NAME), ==, "Alpine \"North\" Ltd");
  g_assert_cmpuint (row_date (utf16, 1), ==, 20260306);
  g_assert_cmpuint (sum_provisioned (utf16), ==, 11);
}

static void
test_failed_load_keeps_previous (void)
{
  g_autoptr(LdReport) a = load (HEADER ROW ("Contoso", "2026-03-05", "2", "3")
                                ROW ("Fabrikam", "2026-04-05", "4", "5"));
  g_autoptr(GError) error = NULL;
  LdReport *b;

  b = ld_loader_load_data ("Nothing,Here\n1,2\n", 16, "b.csv", &error);
  g_assert_null (b);
  g_assert_nonnull (error);

  g_assert_cmpuint (ld_report_get_n_rows (a), ==, 2);
  g_assert_cmpuint (sum_provisioned (a), ==, 8);
  g_assert_cmpuint (sum_assigned (a), ==, 6);
  g_assert_cmpstr (ld_report_get_display_name (a), ==, "test.csv");
}

/* Every input a fuzzer once crashed on (tests/data/fuzz-regressions, issue 7) loads or
 * fails cleanly: one error of ours with a message, or a report whose counts add up and
 * whose tables all write. The cell parsers get the same bytes. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LdReport) report = NULL;
      LdDateParse date;
      guint32 count;
      gsize len;

      if (name[0] == '.' || g_str_has_suffix (name, ".md"))
        continue;
      g_test_message ("%s", name);
      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      n++;

      ld_parse_date (len > 0 ? text : NULL, len, &date);
      ld_parse_count (len > 0 ? text : NULL, len, &count, NULL);

      report = ld_loader_load_data (text, len, name, &error);
      if (report == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == LD_LOAD_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_nonnull (strstr (error->message, name));
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (ld_report_get_rows_read (report), ==,
                        ld_report_get_n_rows (report) + ld_report_get_rows_skipped (report));
      {
        g_autoptr(LdQuery) query = ld_query_new (report);

        ld_query_set_range_preset (query, LD_RANGE_LAST_12);
        for (int w = 0; w < LD_N_WIDGETS; w++)
          {
            g_autoptr(LdTable) table = ld_table_new (query, NULL, w);
            g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

            g_assert_true (ld_table_write (table, LD_FORMAT_CSV, out, NULL, &error));
            g_assert_no_error (error);
          }
      }
    }
  g_assert_cmpuint (n, >, 0);
}

/* Cancel stops a big load within a fraction of a second (issue 7): a ~100 MB report
 * from the generator, cancelled 100 ms into the load. */
typedef struct {
  GFile        *file;
  GCancellable *cancellable;
  GError       *error;
  LdReport     *report;
  gint64        returned;
} CancelLoad;

static gpointer
cancel_load_thread (gpointer data)
{
  CancelLoad *load = data;

  load->report = ld_loader_load_file (load->file, load->cancellable, NULL, NULL, &load->error);
  load->returned = g_get_monotonic_time ();
  return NULL;
}

static void
test_cancel_big_file (void)
{
  const char *generator = g_getenv ("LD_GENERATE_BIN");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelLoad load = { 0, };
  GThread *thread;
  gint64 cancelled;
  GStatBuf st;

  if (generator == NULL)
    {
      g_test_skip ("LD_GENERATE_BIN is not set: run this test through meson test");
      return;
    }

  dir = g_dir_make_tmp ("ld-cancel-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "big.csv", NULL);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, generator,
                           "--rows", "700000", "--output", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 80 * 1000 * 1000);

  load.file = g_file_new_for_path (path);
  load.cancellable = cancellable;
  thread = g_thread_new ("load", cancel_load_thread, &load);
  g_usleep (100 * 1000);
  cancelled = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);

  g_test_message ("returned %" G_GINT64_FORMAT " us after the cancel", load.returned - cancelled);
  g_assert_null (load.report);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (load.returned - cancelled, <, 300 * 1000);

  g_clear_error (&load.error);
  g_object_unref (load.file);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/header/variants", test_header_variants);
  g_test_add_func ("/loader/header/synonyms", test_header_synonyms);
  g_test_add_func ("/loader/header/order", test_header_order);
  g_test_add_func ("/loader/header/extra-columns", test_header_extra_columns);
  g_test_add_func ("/loader/header/required", test_header_required);
  g_test_add_func ("/loader/encoding/bom", test_encoding_bom);
  g_test_add_func ("/loader/encoding/utf16le", test_encoding_utf16le);
  g_test_add_func ("/loader/encoding/utf16be", test_encoding_utf16be);
  g_test_add_func ("/loader/encoding/utf16-no-bom", test_encoding_utf16_no_bom);
  g_test_add_func ("/loader/encoding/invalid-utf8", test_encoding_invalid_utf8);
  g_test_add_func ("/loader/csv/delimiter", test_delimiter_detection);
  g_test_add_func ("/loader/csv/quoting", test_quoting);
  g_test_add_func ("/loader/csv/quoting-equivalence", test_quoting_equivalence);
  g_test_add_func ("/loader/csv/line-ends", test_line_ends);
  g_test_add_func ("/loader/csv/libcsv-edges", test_libcsv_edges);
  g_test_add_func ("/loader/csv/garbage", test_garbage_never_crashes);
  g_test_add_func ("/loader/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/loader/csv/formula-escape", test_formula_escape);
  g_test_add_func ("/loader/dates/forms", test_dates);
  g_test_add_func ("/loader/dates/day-first", test_dates_day_first);
  g_test_add_func ("/loader/dates/month-first", test_dates_month_first);
  g_test_add_func ("/loader/counts/rules", test_counts);
  g_test_add_func ("/loader/counts/large-sums", test_large_sums);
  g_test_add_func ("/loader/bad-rows/reasons", test_bad_rows);
  g_test_add_func ("/loader/bad-rows/many", test_bad_rows_many);
  g_test_add_func ("/loader/bad-rows/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/loader/bad-files/errors", test_bad_files);
  g_test_add_func ("/loader/bad-files/header-only", test_header_only);
  g_test_add_func ("/loader/bad-files/wide", test_wide_files);
  g_test_add_func ("/loader/stream/chunks", test_chunks);
  g_test_add_func ("/loader/stream/progress", test_progress);
  g_test_add_func ("/loader/stream/cancel", test_cancel);
  g_test_add_func ("/loader/stream/cancel-midway", test_cancel_midway);
  g_test_add_func ("/loader/stream/file", test_file);
  g_test_add_func ("/loader/stream/round-trip", test_round_trip);
  g_test_add_func ("/loader/stream/fixtures", test_fixtures);
  g_test_add_func ("/loader/stream/failed-load-keeps-previous", test_failed_load_keeps_previous);
  g_test_add_func ("/loader/stream/cancel-big-file", test_cancel_big_file);
  g_test_add_func ("/loader/fuzz-regressions", test_fuzz_regressions);

  return g_test_run ();
}
