/* test-history.c — several downloads read as one history (SPEC §7)
 *
 * Every fixture is CSV text written out here and every expected figure is worked out
 * by hand in the comment beside it: which rows a newer download replaces, what is
 * left, and the sums over what is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ld-loader.h"
#include "ld-loader-private.h"
#include "ld-query.h"
#include "ld-report-private.h"
#include "ld-table.h"
#include "ld-writer.h"

/* Helpers ------------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *text;
  gssize      len;   /* -1: up to the NUL */
} Download;

/* Loads the downloads, in memory, in the order given. @threads > 1 and a small
 * @chunk also cut every file into parts, so the merge of parts is exercised too. */
static LdReport *
load_downloads_full (const Download *downloads,
                     guint           n,
                     gsize           chunk,
                     guint           threads,
                     GError        **error)
{
  g_autofree const char **datas = g_new (const char *, n);
  g_autofree gsize *lens = g_new (gsize, n);
  g_autofree const char **names = g_new (const char *, n);
  LdLoadOptions options = { chunk, threads, chunk > 0 ? 1 : 0, NULL, 0 };

  for (guint i = 0; i < n; i++)
    {
      datas[i] = downloads[i].text;
      lens[i] = downloads[i].len < 0 ? strlen (downloads[i].text) : (gsize) downloads[i].len;
      names[i] = downloads[i].name;
    }
  return ld_loader_load_datas_with_options (datas, lens, names, n, &options, error);
}

static LdReport *
load_downloads (const Download *downloads,
                guint           n)
{
  g_autoptr(GError) error = NULL;
  LdReport *report = load_downloads_full (downloads, n, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static LdResult *
run_all_time (LdReport *report)
{
  g_autoptr(LdQuery) query = ld_query_new (report);

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  return ld_query_run (query);
}

static char *
export_table (LdReport   *report,
              LdWidgetId  widget)
{
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdTable) table = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  table = ld_table_new (query, NULL, widget);
  g_assert_true (ld_table_write (table, LD_FORMAT_CSV, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Provisioned, assigned, rows and customers over all time. */
static void
assert_totals (LdReport *report,
               guint64   provisioned,
               guint64   assigned,
               guint64   rows,
               guint64   customers)
{
  g_autoptr(LdResult) result = run_all_time (report);

  g_assert_cmpuint (ld_result_get_provisioned (result), ==, provisioned);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, assigned);
  g_assert_cmpuint (ld_result_get_rows (result), ==, rows);
  g_assert_cmpuint (ld_result_get_customers (result), ==, customers);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, rows);
}

#define KEY_HEADER "CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName," \
                   "ServiceId,LicenseState,LicensesProvisioned,LicensesAssigned\n"

/* Replacement ---------------------------------------------------------------------- */

/* January's download, and February's, which downloads January again. */
static const char jan_csv[] =
  KEY_HEADER
  "Contoso,US,2026-01-15,p1,Gold,svc.gold,Active,10,5\n"     /* A1: February has its key */
  "Contoso,US,2026-01-20,p1,Gold,svc.gold,Active,4,4\n"      /* A2 */
  "Fabrikam,DE,2026-01-15,p1,Gold,svc.gold,Active,7,1\n";    /* A3 */
static const char feb_csv[] =
  KEY_HEADER
  "Contoso,US,2026-01-15,p1,Gold,svc.gold,Suspended,12,12\n" /* B1: A1's key */
  "Fabrikam,DE,2026-01-15,p1,Silver,svc.silver,Active,3,3\n" /* B2: another plan than A3 */
  "Contoso,US,2026-02-02,p1,Gold,svc.gold,Active,6,0\n";     /* B3 */

static void
test_replacement (void)
{
  const Download downloads[] = { { "jan.csv", jan_csv, -1 }, { "feb.csv", feb_csv, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 2);
  g_autofree char *data = export_table (report, LD_WIDGET_DATA);
  const LdReportFile *jan, *feb;

  /* jan.csv's latest date is 2026-01-20, feb.csv's 2026-02-02: February is newer.
   * Its B1 has A1's key (Contoso, US, p1, Gold, svc.gold, 2026-01-15), so A1 goes.
   * Kept: A2 4/4, A3 7/1, B1 12/12, B2 3/3, B3 6/0.
   * Provisioned 4 + 7 + 12 + 3 + 6 = 32; assigned 4 + 1 + 12 + 3 + 0 = 20; 5 rows;
   * customers Contoso/US and Fabrikam/DE. */
  assert_totals (report, 32, 20, 5, 2);
  g_assert_cmpuint (ld_report_get_rows_replaced (report), ==, 1);
  g_assert_cmpuint (ld_report_get_rows_read (report), ==, 6);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 0);

  g_assert_cmpuint (ld_report_get_n_files (report), ==, 2);
  jan = ld_report_get_file (report, 0);
  feb = ld_report_get_file (report, 1);
  g_assert_cmpstr (jan->display_name, ==, "jan.csv");
  g_assert_cmpstr (feb->display_name, ==, "feb.csv");
  g_assert_null (jan->path);
  g_assert_cmpuint (jan->rows_read, ==, 3);
  g_assert_cmpuint (jan->rows_replaced, ==, 1);
  g_assert_cmpuint (feb->rows_replaced, ==, 0);
  g_assert_cmpuint (jan->latest_date, ==, 20260120);
  g_assert_cmpuint (feb->latest_date, ==, 20260202);
  g_assert_cmpint (feb->first_month, ==, LD_MONTH (2026, 1));
  g_assert_cmpint (feb->last_month, ==, LD_MONTH (2026, 2));
  g_assert_cmpstr (ld_report_get_display_name (report), ==, "jan.csv, feb.csv");
  g_assert_null (ld_report_get_path (report));

  /* The data table: files in the order given, rows in file order, A1 left out; the
   * newest state of A1's licence is B1's "Suspended". */
  g_assert_cmpstr (data, ==,
                   KEY_HEADER
                   "Contoso,US,2026-01-20,p1,Gold,svc.gold,Active,4,4\n"
                   "Fabrikam,DE,2026-01-15,p1,Gold,svc.gold,Active,7,1\n"
                   "Contoso,US,2026-01-15,p1,Gold,svc.gold,Suspended,12,12\n"
                   "Fabrikam,DE,2026-01-15,p1,Silver,svc.silver,Active,3,3\n"
                   "Contoso,US,2026-02-02,p1,Gold,svc.gold,Active,6,0\n");
}

static void
test_replacement_out_of_order (void)
{
  const Download downloads[] = { { "feb.csv", feb_csv, -1 }, { "jan.csv", jan_csv, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 2);
  g_autofree char *data = export_table (report, LD_WIDGET_DATA);

  /* Given newest first: February still wins by its latest date, so the same rows are
   * kept (32 / 20, 5 rows); only the data table's order follows the order given. */
  assert_totals (report, 32, 20, 5, 2);
  g_assert_cmpuint (ld_report_get_file (report, 1)->rows_replaced, ==, 1);
  g_assert_cmpstr (data, ==,
                   KEY_HEADER
                   "Contoso,US,2026-01-15,p1,Gold,svc.gold,Suspended,12,12\n"
                   "Fabrikam,DE,2026-01-15,p1,Silver,svc.silver,Active,3,3\n"
                   "Contoso,US,2026-02-02,p1,Gold,svc.gold,Active,6,0\n"
                   "Contoso,US,2026-01-20,p1,Gold,svc.gold,Active,4,4\n"
                   "Fabrikam,DE,2026-01-15,p1,Gold,svc.gold,Active,7,1\n");
}

/* The key: every one of its parts must match. */
static void
test_key_parts (void)
{
  static const char old_csv[] =
    KEY_HEADER
    "Contoso,US,2026-03-01,p1,Gold,svc.gold,Active,1,0\n"   /* O1: N1 has its key */
    "Contoso,CA,2026-03-01,p1,Gold,svc.gold,Active,2,0\n"   /* O2: another country: another customer */
    "Contoso,US,2026-03-01,p2,Gold,svc.gold,Active,4,0\n"   /* O3: another product */
    "Contoso,US,2026-03-01,p1,Silver,svc.gold,Active,8,0\n" /* O4: another plan */
    "Contoso,US,2026-03-01,p1,Gold,svc.other,Active,16,0\n" /* O5: another service */
    "Contoso,US,2026-03-02,p1,Gold,svc.gold,Active,32,0\n"; /* O6: another day */
  static const char new_csv[] =
    KEY_HEADER
    "Contoso,US,2026-03-01,p1,Gold,svc.gold,Expired,64,0\n" /* N1 */
    "Other,US,2026-03-31,p9,Gold,svc.gold,Active,128,0\n";  /* N2: makes it the newer */
  const Download downloads[] = { { "old.csv", old_csv, -1 }, { "new.csv", new_csv, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 2);

  /* Only O1 goes: 2 + 4 + 8 + 16 + 32 + 64 + 128 = 254, 7 rows; customers
   * Contoso/US, Contoso/CA, Other/US. */
  assert_totals (report, 254, 0, 7, 3);
  g_assert_cmpuint (ld_report_get_rows_replaced (report), ==, 1);
}

/* Without ProductId the key takes ProductDisplayName; with Tenant ID the customer is
 * the tenant, whatever the name says. */
static void
test_key_display_name_and_tenant (void)
{
  static const char old_csv[] =
    "Tenant ID,CustomerName,ActivationDate,ProductDisplayName,PlanName,LicensesProvisioned,LicensesAssigned\n"
    "t-1,Contoso Ltd,2025-11-05,Offer A,Gold,10,1\n"  /* O1: N1 has tenant t-1, Offer A, Gold, the day */
    "t-2,Fabrikam,2025-11-05,Offer A,Gold,20,2\n"     /* O2: another tenant */
    "t-1,Contoso Ltd,2025-11-05,Offer B,Gold,40,4\n"; /* O3: another offer */
  static const char new_csv[] =
    "Tenant ID,CustomerName,ActivationDate,ProductDisplayName,PlanName,LicensesProvisioned,LicensesAssigned\n"
    "t-1,Contoso (renamed),2025-11-05,Offer A,Gold,80,8\n"  /* N1 */
    "t-3,Tailspin,2025-12-01,Offer A,Gold,160,16\n";        /* N2 */
  const Download downloads[] = { { "nov.csv", old_csv, -1 }, { "dec.csv", new_csv, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 2);

  /* O1 goes: 20 + 40 + 80 + 160 = 300 provisioned, 2 + 4 + 8 + 16 = 30 assigned, 4
   * rows; tenants t-1, t-2, t-3. */
  assert_totals (report, 300, 30, 4, 3);
}

/* Ties in the latest date: the file given later wins. */
static const char tie_c_csv[] =
  KEY_HEADER
  "Contoso,US,2026-03-10,p1,Gold,svc.gold,Active,5,5\n";
static const char tie_d_csv[] =
  KEY_HEADER
  "Contoso,US,2026-03-10,p1,Gold,svc.gold,Suspended,8,2\n";

static void
test_ties (void)
{
  const Download c_then_d[] = { { "c.csv", tie_c_csv, -1 }, { "d.csv", tie_d_csv, -1 } };
  const Download d_then_c[] = { { "d.csv", tie_d_csv, -1 }, { "c.csv", tie_c_csv, -1 } };
  g_autoptr(LdReport) cd = load_downloads (c_then_d, 2);
  g_autoptr(LdReport) dc = load_downloads (d_then_c, 2);
  g_autofree char *cd_data = export_table (cd, LD_WIDGET_DATA);

  /* Both end on 2026-03-10. Given c, d: d is the later, its 8/2 stays. */
  assert_totals (cd, 8, 2, 1, 1);
  g_assert_cmpuint (ld_report_get_file (cd, 0)->rows_replaced, ==, 1);
  g_assert_cmpstr (cd_data, ==, KEY_HEADER "Contoso,US,2026-03-10,p1,Gold,svc.gold,Suspended,8,2\n");
  /* Given d, c: c's 5/5 stays. */
  assert_totals (dc, 5, 5, 1, 1);
  g_assert_cmpuint (ld_report_get_file (dc, 0)->rows_replaced, ==, 1);
}

/* Rows within one file are never merged, and a newer file replaces all of them. */
static void
test_same_key_in_one_file (void)
{
  static const char e_csv[] =
    KEY_HEADER
    "Contoso,US,2026-04-01,p1,Gold,svc.gold,Active,3,1\n"   /* E1 */
    "Contoso,US,2026-04-01,p1,Gold,svc.gold,Active,4,2\n";  /* E2: E1's key */
  static const char f_csv[] =
    KEY_HEADER
    "Contoso,US,2026-04-01,p1,Gold,svc.gold,Active,10,9\n"  /* F1: the key again */
    "Contoso,US,2026-04-02,p1,Gold,svc.gold,Active,1,1\n";  /* F2: F is newer */
  const Download e_alone[] = { { "e.csv", e_csv, -1 } };
  const Download e_then_f[] = { { "e.csv", e_csv, -1 }, { "f.csv", f_csv, -1 } };
  const Download e_twice[] = { { "e.csv", e_csv, -1 }, { "e-again.csv", e_csv, -1 } };
  g_autoptr(LdReport) e = load_downloads (e_alone, 1);
  g_autoptr(LdReport) ef = load_downloads (e_then_f, 2);
  g_autoptr(LdReport) ee = load_downloads (e_twice, 2);

  /* Alone, E keeps both: 3 + 4 = 7 provisioned, 1 + 2 = 3 assigned. */
  assert_totals (e, 7, 3, 2, 1);
  /* F replaces both: 10 + 1 = 11, 9 + 1 = 10, 2 rows. */
  assert_totals (ef, 11, 10, 2, 1);
  g_assert_cmpuint (ld_report_get_file (ef, 0)->rows_replaced, ==, 2);
  /* The same download opened twice counts once: the second (a tie, given later)
   * replaces the first's two rows and keeps its own two: 7 / 3 again. */
  assert_totals (ee, 7, 3, 2, 1);
  g_assert_cmpuint (ld_report_get_rows_replaced (ee), ==, 2);
}

/* Dialects --------------------------------------------------------------------------- */

/* Converts UTF-8 to UTF-16LE with a BOM. */
static GBytes *
utf16le_with_bom (const char *utf8)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *converted = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  GByteArray *bytes = g_byte_array_new ();

  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (bytes, (const guint8 *) converted, len);
  return g_byte_array_free_to_bytes (bytes);
}

static void
test_dialects (void)
{
  /* Three monthly downloads, each overlapping the one before by a month, each in a
   * dialect of its own, given out of order (newest, oldest, middle). */
  static const char q1_comma[] =         /* comma, UTF-8, ISO dates; latest 2026-02-20 */
    KEY_HEADER
    "Contoso,US,2026-01-05,p1,Gold,svc.gold,Active,10,10\n"    /* Q1 */
    "Fabrikam,DE,2026-02-10,p1,Gold,svc.gold,Active,20,10\n"   /* Q2: S2 has its key */
    "Contoso,US,2026-02-20,p1,Gold,svc.gold,Active,30,0\n";    /* Q3: S3 has its key */
  static const char q2_semicolon[] =     /* semicolon, day first (13/…); latest 2026-03-14 */
    "CustomerName;CustomerCountryCode;ActivationDate;ProductId;PlanName;ServiceId;"
    "LicenseState;LicensesProvisioned;LicensesAssigned\n"
    "Fabrikam;DE;10/02/2026;p1;Gold;svc.gold;Suspended;21;11\n"  /* S2: 10 Feb, Q2's key */
    "Contoso;US;20/02/2026;p1;Gold;svc.gold;Active;31;1\n"       /* S3: 20 Feb, Q3's key */
    "Contoso;US;13/03/2026;p1;Gold;svc.gold;Active;40;4\n"       /* S4: 13 Mar, T4 has its key */
    "Tailspin;FR;14/03/2026;p1;Gold;svc.gold;Active;50;5\n";     /* S5 */
  static const char q3_tsv[] =           /* tab, UTF-16LE with BOM, M/D/YYYY; latest 2026-04-02 */
    "CustomerName\tCustomerCountryCode\tActivationDate\tProductId\tPlanName\tServiceId\t"
    "LicenseState\tLicensesProvisioned\tLicensesAssigned\n"
    "Contoso\tUS\t3/13/2026 9:15 AM\tp1\tGold\tsvc.gold\tActive\t41\t41\n"  /* T4: S4's key */
    "Contoso\tUS\t4/2/2026\tp1\tGold\tsvc.gold\tActive\t60\t6\n";           /* T5 */
  g_autoptr(GBytes) tsv = utf16le_with_bom (q3_tsv);
  const Download downloads[] = {
    { "q3.tsv", g_bytes_get_data (tsv, NULL), g_bytes_get_size (tsv) },
    { "q1.csv", q1_comma, -1 },
    { "q2.csv", q2_semicolon, -1 },
  };
  g_autoptr(LdReport) report = load_downloads (downloads, 3);
  g_autofree char *data = export_table (report, LD_WIDGET_DATA);
  const LdMonthSpan *spans;
  guint n_spans;

  /* Ranks by latest date: q1 (2026-02-20) < q2 (2026-03-14) < q3 (2026-04-02).
   * q2 replaces Q2 and Q3; q3 replaces S4. Kept: Q1 10/10, S2 21/11, S3 31/1,
   * S5 50/5, T4 41/41, T5 60/6: provisioned 10 + 21 + 31 + 50 + 41 + 60 = 213,
   * assigned 10 + 11 + 1 + 5 + 41 + 6 = 74, 6 rows, 3 replaced; customers
   * Contoso/US, Fabrikam/DE, Tailspin/FR. */
  assert_totals (report, 213, 74, 6, 3);
  g_assert_cmpuint (ld_report_get_rows_replaced (report), ==, 3);

  g_assert_cmpint (ld_report_get_file (report, 0)->delimiter, ==, '\t');
  g_assert_cmpint (ld_report_get_file (report, 0)->encoding, ==, LD_ENCODING_UTF16LE);
  g_assert_false (ld_report_get_file (report, 0)->day_first);
  g_assert_cmpint (ld_report_get_file (report, 1)->delimiter, ==, ',');
  g_assert_cmpint (ld_report_get_file (report, 2)->delimiter, ==, ';');
  g_assert_true (ld_report_get_file (report, 2)->day_first);
  g_assert_cmpuint (ld_report_get_file (report, 1)->rows_replaced, ==, 2);
  g_assert_cmpuint (ld_report_get_file (report, 2)->rows_replaced, ==, 1);
  g_assert_cmpuint (ld_report_get_file (report, 0)->rows_replaced, ==, 0);

  /* January to April, one span: the downloads overlap. */
  spans = ld_report_get_months_covered (report, &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].from, ==, LD_MONTH (2026, 1));
  g_assert_cmpint (spans[0].to, ==, LD_MONTH (2026, 4));

  /* Files in the order given (q3, q1, q2), dates as YYYY-MM-DD. */
  g_assert_cmpstr (data, ==,
                   KEY_HEADER
                   "Contoso,US,2026-03-13,p1,Gold,svc.gold,Active,41,41\n"
                   "Contoso,US,2026-04-02,p1,Gold,svc.gold,Active,60,6\n"
                   "Contoso,US,2026-01-05,p1,Gold,svc.gold,Active,10,10\n"
                   "Fabrikam,DE,2026-02-10,p1,Gold,svc.gold,Suspended,21,11\n"
                   "Contoso,US,2026-02-20,p1,Gold,svc.gold,Active,31,1\n"
                   "Tailspin,FR,2026-03-14,p1,Gold,svc.gold,Active,50,5\n");
}

/* Months with a gap between two downloads make two spans. */
static void
test_months_covered (void)
{
  static const char jan[] = KEY_HEADER "A,US,2026-01-05,p,G,s,Active,1,1\n"
                                       "A,US,2026-02-05,p,G,s,Active,1,1\n";
  static const char mar[] = KEY_HEADER "A,US,2026-03-05,p,G,s,Active,1,1\n";
  static const char jun[] = KEY_HEADER "A,US,2026-06-05,p,G,s,Active,1,1\n";
  const Download downloads[] = { { "jun.csv", jun, -1 }, { "jan.csv", jan, -1 }, { "mar.csv", mar, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 3);
  const LdMonthSpan *spans;
  guint n_spans;

  /* Jan–Feb and Mar touch: Jan–Mar; June stands alone. */
  spans = ld_report_get_months_covered (report, &n_spans);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_cmpint (spans[0].from, ==, LD_MONTH (2026, 1));
  g_assert_cmpint (spans[0].to, ==, LD_MONTH (2026, 3));
  g_assert_cmpint (spans[1].from, ==, LD_MONTH (2026, 6));
  g_assert_cmpint (spans[1].to, ==, LD_MONTH (2026, 6));
  g_assert_cmpint (ld_report_get_first_month (report), ==, LD_MONTH (2026, 1));
  g_assert_cmpint (ld_report_get_last_month (report), ==, LD_MONTH (2026, 6));
}

/* Bad rows and bad files ------------------------------------------------------------ */

static void
test_rows_skipped_summed (void)
{
  static const char a_csv[] =
    KEY_HEADER
    "Contoso,US,2026-01-05,p1,Gold,svc.gold,Active,1,1\n"
    "Contoso,US,2026-01-06,p1,Gold,svc.gold,Active,-1,1\n";   /* line 3: negative */
  static const char b_csv[] =
    KEY_HEADER
    "Contoso,US,not a date,p1,Gold,svc.gold,Active,1,1\n"     /* line 2: no date */
    "Contoso,US,2026-02-05,p1,Gold,svc.gold,Active,2,2\n"
    "Contoso,US,2026-02-06,p1,Gold,svc.gold\n";                /* line 4: 6 fields */
  const Download downloads[] = { { "a.csv", a_csv, -1 }, { "b.csv", b_csv, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 2);
  g_autofree char *summary = export_table (report, LD_WIDGET_SUMMARY);
  const GArray *bad = ld_report_get_bad_rows (report);
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);
  g_auto(GStrv) header = g_strsplit (lines[0], ",", -1);
  g_auto(GStrv) values = g_strsplit (lines[1], ",", -1);
  int skipped_column = -1;

  /* 1 bad row in a.csv, 2 in b.csv: RowsSkipped 3; kept 1 + 2 = 3 provisioned. */
  assert_totals (report, 3, 3, 2, 1);
  g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 3);
  g_assert_cmpuint (ld_report_get_file (report, 0)->rows_skipped, ==, 1);
  g_assert_cmpuint (ld_report_get_file (report, 1)->rows_skipped, ==, 2);
  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], "RowsSkipped"))
      skipped_column = i;
  g_assert_cmpint (skipped_column, >=, 0);
  g_assert_cmpstr (values[skipped_column], ==, "3");

  /* Each bad row says its file, with that file's own line numbers. */
  g_assert_cmpuint (bad->len, ==, 3);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 0).file, ==, 0);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 0).line, ==, 3);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 1).file, ==, 1);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 1).line, ==, 2);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 2).file, ==, 1);
  g_assert_cmpuint (g_array_index (bad, LdBadRow, 2).line, ==, 4);
}

static void
test_bad_second_file (void)
{
  static const char bad_csv[] =
    "CustomerName,ActivationDate,ProductId,LicensesProvisioned\n"
    "Contoso,2026-01-05,p1,1\n";
  const Download downloads[] = {
    { "good.csv", jan_csv, -1 }, { "bad.csv", bad_csv, -1 }, { "feb.csv", feb_csv, -1 },
  };
  const Download empty[] = { { "good.csv", jan_csv, -1 }, { "empty.csv", "", 0 } };
  g_autoptr(GError) error = NULL;
  LdReport *report;

  report = load_downloads_full (downloads, 3, 0, 0, &error);
  g_assert_null (report);
  g_assert_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_MISSING_COLUMN);
  g_assert_cmpstr (error->message, ==,
                   "The header of “bad.csv” on line 1 has no column LicensesAssigned, which "
                   "every License report has. Is this a License report from Partner Center? "
                   "Download it again from Insights › Licenses.");
  g_clear_error (&error);

  report = load_downloads_full (empty, 2, 0, 0, &error);
  g_assert_null (report);
  g_assert_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "“empty.csv”"));
}

/* The same with files on disk, through the public entry point: a missing second file
 * names itself, and progress covers every file's bytes. */
typedef struct {
  guint64 last_done;
  guint64 total;
  guint   calls;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, >=, p->last_done);
  p->last_done = done;
  p->total = total;
  p->calls++;
}

static void
test_files_on_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-history-XXXXXX", NULL);
  g_autofree char *jan_path = g_build_filename (dir, "jan.csv", NULL);
  g_autofree char *feb_path = g_build_filename (dir, "feb.csv", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(GFile) jan = g_file_new_for_path (jan_path);
  g_autoptr(GFile) feb = g_file_new_for_path (feb_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  GFile *both[] = { jan, feb };
  GFile *with_missing[] = { jan, missing, feb };
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;
  Progress progress = { 0, };

  g_assert_true (g_file_set_contents (jan_path, jan_csv, -1, NULL));
  g_assert_true (g_file_set_contents (feb_path, feb_csv, -1, NULL));

  report = ld_loader_load_files (both, 2, NULL, on_progress, &progress, &error);
  g_assert_no_error (error);
  assert_totals (report, 32, 20, 5, 2);
  g_assert_cmpstr (ld_report_get_file (report, 0)->path, ==, jan_path);
  g_assert_cmpstr (ld_report_get_file (report, 1)->path, ==, feb_path);
  g_assert_cmpuint (progress.total, ==, strlen (jan_csv) + strlen (feb_csv));
  g_assert_cmpuint (progress.last_done, ==, progress.total);
  g_assert_cmpuint (progress.calls, >, 0);

  g_assert_null (ld_loader_load_files (with_missing, 3, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Could not open “missing.csv”: "));

  g_unlink (jan_path);
  g_unlink (feb_path);
  g_rmdir (dir);
}

/* Two files of one name, from two folders, are told apart in messages. */
static void
test_same_name_twice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-history-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "old", NULL);
  g_autofree char *a_path = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *b_path = g_build_filename (sub, "report.csv", NULL);
  g_autoptr(GFile) a = g_file_new_for_path (a_path);
  g_autoptr(GFile) b = g_file_new_for_path (b_path);
  GFile *files[] = { a, b };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (a_path, jan_csv, -1, NULL));
  g_assert_true (g_file_set_contents (b_path, "", 0, NULL));

  g_assert_null (ld_loader_load_files (files, 2, NULL, NULL, NULL, &error));
  g_assert_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_EMPTY);
  expected = g_strdup_printf ("“%s” is empty.", b_path);
  g_assert_true (g_str_has_prefix (error->message, expected));

  g_unlink (a_path);
  g_unlink (b_path);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* The data table's columns ---------------------------------------------------------- */

static void
test_data_union_of_columns (void)
{
  /* Older: its own spelling of the fields, a "Notes" column. Newer: other spellings
   * ("customer name", "Product ID"), another order, "NOTES" (the same column once
   * case is ignored), a "Region" nobody else has, no PlanName or ServiceId. */
  static const char older[] =
    "CustomerName,ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned,Notes\n"
    "Contoso,2026-05-01,p1,5,5,first\n"     /* O1: N1 has its key */
    "Fabrikam,2026-05-02,p1,6,6,second\n";  /* O2 */
  static const char newer[] =
    "Product ID,customer name,ActivationDate,Region,LicensesAssigned,LicensesProvisioned,NOTES\n"
    "p1,Contoso,2026-05-01,West,1,7,updated\n"  /* N1 */
    "p2,Tailspin,2026-06-01,East,2,8,\n";       /* N2 */
  const Download downloads[] = { { "may.csv", older, -1 }, { "jun.csv", newer, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 2);
  g_autofree char *data = export_table (report, LD_WIDGET_DATA);

  /* The key without PlanName and ServiceId is (customer, product, date): N1 replaces
   * O1. Kept O2 6/6, N1 7/1, N2 8/2: 21 provisioned, 9 assigned. The columns: the
   * older file's six in its order and names, then Region; a row reads empty where
   * its file has no such column. */
  assert_totals (report, 21, 9, 3, 3);
  g_assert_cmpstr (data, ==,
                   "CustomerName,ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned,Notes,Region\n"
                   "Fabrikam,2026-05-02,p1,6,6,second,\n"
                   "Contoso,2026-05-01,p1,7,1,updated,West\n"
                   "Tailspin,2026-06-01,p2,8,2,,East\n");
}

/* A column a file has twice matches the second of the same name in another. */
static void
test_data_repeated_columns (void)
{
  static const char one[] =
    "ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned,Note,Note\n"
    "2026-01-01,p1,1,1,a1,a2\n";
  static const char two[] =
    "note,ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned,NOTE,Note\n"
    "b1,2026-02-01,p2,2,2,b2,b3\n";
  const Download downloads[] = { { "one.csv", one, -1 }, { "two.csv", two, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 2);
  g_autofree char *data = export_table (report, LD_WIDGET_DATA);

  /* one: Note, Note; two: note, NOTE, Note. The first and second match, two's
   * third is new, named as two wrote it. */
  g_assert_cmpstr (data, ==,
                   "ActivationDate,ProductId,LicensesProvisioned,LicensesAssigned,Note,Note,Note\n"
                   "2026-01-01,p1,1,1,a1,a2,\n"
                   "2026-02-01,p2,2,2,b1,b2,b3\n");
}

/* One file keeps its own columns, whatever their names. */
static void
test_data_one_file (void)
{
  static const char text[] =
    "Product ID,Activation Date,Licenses Provisioned,Licenses Assigned,Extra\n"
    "p1,2026-01-01,3,1,x\n";
  const Download downloads[] = { { "one.csv", text, -1 } };
  g_autoptr(LdReport) report = load_downloads (downloads, 1);
  g_autofree char *data = export_table (report, LD_WIDGET_DATA);

  g_assert_cmpstr (data, ==, text);
  g_assert_cmpuint (ld_report_get_n_files (report), ==, 1);
  g_assert_cmpstr (ld_report_get_display_name (report), ==, "one.csv");
}

/* Parts: the same merge when every file is also cut into parts on threads. */
static void
test_parts_of_several_files (void)
{
  g_autoptr(GBytes) tsv = utf16le_with_bom ("CustomerName\tActivationDate\tProductId\t"
                                            "LicensesProvisioned\tLicensesAssigned\n"
                                            "Z\t1/31/2026\tp\t100\t1\n");
  const Download downloads[] = {
    { "jan.csv", jan_csv, -1 }, { "feb.csv", feb_csv, -1 },
    { "z.tsv", g_bytes_get_data (tsv, NULL), g_bytes_get_size (tsv) },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) whole = load_downloads (downloads, 3);
  g_autofree char *expected = export_table (whole, LD_WIDGET_DATA);

  /* 32 + 100 provisioned (z.tsv's row has no key in common), 20 + 1 assigned. */
  assert_totals (whole, 132, 21, 6, 3);
  for (gsize chunk = 16; chunk <= 64; chunk += 16)
    {
      g_autoptr(LdReport) report = load_downloads_full (downloads, 3, chunk, 3, &error);
      g_autofree char *data = NULL;

      g_assert_no_error (error);
      data = export_table (report, LD_WIDGET_DATA);
      g_assert_cmpstr (data, ==, expected);
      assert_totals (report, 132, 21, 6, 3);
    }
}

/* Downloads of one generated history, big enough to be merged on two threads: read
 * together they are the whole history (the same rows, customers and licences; the
 * states are the newest download's), and one thread or two give the same store. */
static char *
generate (const char *dir,
          const char *name,
          const char *window,
          const char *revision)
{
  const char *generator = g_getenv ("LD_GENERATE_BIN");
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, generator, "--rows", "240000",
                             "--months", "12", "--window", window, "--revision", revision,
                             "--output", path, NULL);
  else
    proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, generator, "--rows", "240000",
                             "--months", "12", "--output", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_generated_history (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) fa = NULL, fb = NULL, fc = NULL, fw = NULL;
  g_autoptr(LdReport) merged = NULL;
  g_autoptr(LdReport) merged_one_thread = NULL;
  g_autoptr(LdReport) history = NULL;
  g_autoptr(LdResult) merged_result = NULL;
  g_autoptr(LdResult) history_result = NULL;
  g_autofree char *merged_data = NULL;
  g_autofree char *one_thread_data = NULL;
  LdLoadOptions one_thread = { 0, 1, 0, NULL, 0 };
  GFile *files[3];

  if (g_getenv ("LD_GENERATE_BIN") == NULL)
    {
      g_test_skip ("LD_GENERATE_BIN is not set: run this test through meson test");
      return;
    }

  dir = g_dir_make_tmp ("ld-history-XXXXXX", &error);
  g_assert_no_error (error);
  /* Twelve months to 2026-11; three eight-month downloads two months apart. */
  a = generate (dir, "a.csv", "2025-12:2026-07", "0");
  b = generate (dir, "b.csv", "2026-02:2026-09", "1");
  c = generate (dir, "c.csv", "2026-04:2026-11", "2");
  whole = generate (dir, "whole.csv", NULL, NULL);
  fa = g_file_new_for_path (a);
  fb = g_file_new_for_path (b);
  fc = g_file_new_for_path (c);
  fw = g_file_new_for_path (whole);

  /* Given newest first, for good measure. */
  files[0] = fc;
  files[1] = fa;
  files[2] = fb;
  merged = ld_loader_load_files (files, 3, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  merged_one_thread = ld_loader_load_files_with_options (files, 3, &one_thread, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  history = ld_loader_load_file (fw, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (ld_report_get_n_rows (merged), ==, 240000);
  g_assert_cmpuint (ld_report_get_n_rows (merged), ==, ld_report_get_n_rows (history));
  g_assert_cmpuint (ld_report_get_rows_replaced (merged) + 240000, ==, ld_report_get_rows_read (merged));
  g_assert_cmpuint (ld_report_get_n_customers (merged), ==, ld_report_get_n_customers (history));
  merged_result = run_all_time (merged);
  history_result = run_all_time (history);
  g_assert_cmpuint (ld_result_get_provisioned (merged_result), ==, ld_result_get_provisioned (history_result));
  g_assert_cmpuint (ld_result_get_customers (merged_result), ==, ld_result_get_customers (history_result));
  /* Newer downloads lapse licences: fewer assigned than the first revision has. */
  g_assert_cmpuint (ld_result_get_assigned (merged_result), <, ld_result_get_assigned (history_result));

  merged_data = export_table (merged, LD_WIDGET_DATA);
  one_thread_data = export_table (merged_one_thread, LD_WIDGET_DATA);
  g_assert_cmpstr (merged_data, ==, one_thread_data);

  for (const char *const *path = (const char *const[]) { a, b, c, whole, NULL }; *path != NULL; path++)
    g_unlink (*path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/replacement", test_replacement);
  g_test_add_func ("/history/replacement-out-of-order", test_replacement_out_of_order);
  g_test_add_func ("/history/key-parts", test_key_parts);
  g_test_add_func ("/history/key-display-name-and-tenant", test_key_display_name_and_tenant);
  g_test_add_func ("/history/ties", test_ties);
  g_test_add_func ("/history/same-key-in-one-file", test_same_key_in_one_file);
  g_test_add_func ("/history/dialects", test_dialects);
  g_test_add_func ("/history/months-covered", test_months_covered);
  g_test_add_func ("/history/rows-skipped-summed", test_rows_skipped_summed);
  g_test_add_func ("/history/bad-second-file", test_bad_second_file);
  g_test_add_func ("/history/files-on-disk", test_files_on_disk);
  g_test_add_func ("/history/same-name-twice", test_same_name_twice);
  g_test_add_func ("/history/data/union-of-columns", test_data_union_of_columns);
  g_test_add_func ("/history/data/repeated-columns", test_data_repeated_columns);
  g_test_add_func ("/history/data/one-file", test_data_one_file);
  g_test_add_func ("/history/parts-of-several-files", test_parts_of_several_files);
  g_test_add_func ("/history/generated", test_generated_history);

  return g_test_run ();
}
