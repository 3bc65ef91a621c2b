/* test-parts.c — a file parsed in parts on several threads reads exactly as one parser
 *
 * The loader cuts a big file at line starts it guesses are row starts and parses the
 * parts side by side (ld-loader.c). A newline inside quotes is no row end, so some
 * guesses are wrong; the loader must find that out and read on. These tests force
 * cuts at every byte of files full of quoted newlines — some of them followed by a
 * line that looks exactly like a row — and check that every row, cell, dictionary,
 * bad row, line number and message is the same as a single parser's, byte for byte.
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

#define HEADER "CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate," \
               "ProductDisplayName,ProductId,PlanName,ServiceId,LicenseState," \
               "LicensesAssigned,LicensesProvisioned,OfferType\n"
/* A line with eleven commas and no quote: what a row looks like. */
#define FAKE_ROW "Germany,DE,Fake Row,2026-01-01,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,1,Power BI visual"

/* Every trap at once. Lines are numbered in the comments. */
static const char tricky[] =
  HEADER                                                                                        /* 1 */
  "Germany,DE,Plain,2026-01-05,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,2,Power BI visual\n" /* 2 */
  "Germany,DE,\"Contoso, Ltd\",2026-01-06,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,2,Power BI visual\n"
  "Germany,DE,\"Two\nLines\",2026-01-07,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,2,Power BI visual\n"
  "Germany,DE,\"Fake start\n" FAKE_ROW "\n" FAKE_ROW "\nend\",2026-01-08,Offer A,prod-a,Gold,"   /* 5-8 */
  "Contoso.a.gold,Active,3,4,Power BI visual\n"
  "France,FR,Crlf,2026-02-01,Offer B,prod-b,Silver,Contoso.b.silver,Active,0,5,Dynamics 365\r\n" /* 9 */
  "\n"                                                                                          /* 10 */
  "   \n"                                                                                       /* 11 */
  "France,FR,\"He said \"\"hi\"\"\",2026-02-02,Offer B,prod-b,Silver,Contoso.b.silver,Active,1,1,Dynamics 365\n"
  "France,FR,Bad count,2026-02-03,Offer B,prod-b,Silver,Contoso.b.silver,Active,x,1,Dynamics 365\n"
  "France,FR,Too few,2026-02-04,Offer B\n"                                                      /* 14 */
  "Spain,ES,Pending,2/29/2024,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,1,Power BI visual\n"  /* 15 */
  "Spain,ES,Ambiguous,03/02/2026,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,7,Power BI visual\n"
  "Spain,ES,\"Quoted\r\nCRLF\",2026-03-01,Offer A,prod-a,Gold,Contoso.a.gold,Active,2,2,Power BI visual\n"
  "Spain,ES,Proof,13/02/2026 10:00,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,1,Power BI visual\n" /* 19 */
  "Spain,ES,After proof,1/31/2026,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,1,Power BI visual\n"
  "Spain,ES,Bad \xff\xfe bytes,2026-03-02,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,1,Power BI visual\n"
  "Spain,ES,'=SUM(A1),2026-03-03,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,1,Power BI visual\n"
  "Italy,IT,\"\n" FAKE_ROW "\n\",2026-03-04,Offer B,prod-b,Silver,Contoso.b.silver,Active,1,9,Dynamics 365\n"
  "Italy,IT,Bad date,2026-02-30,Offer B,prod-b,Silver,Contoso.b.silver,Active,1,1,Dynamics 365\n"
  "Italy,IT,Last,2026-03-05,Offer B,prod-b,Silver,Contoso.b.silver,Active,1,1,Dynamics 365";  /* no newline */

/* The same, ending in a quote that never closes: the rows it swallows are counted. */
static const char unclosed[] =
  HEADER
  "Germany,DE,Plain,2026-01-05,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,2,Power BI visual\n"
  "Germany,DE,\"Two\nLines\",2026-01-07,Offer A,prod-a,Gold,Contoso.a.gold,Active,1,2,Power BI visual\n"
  "Germany,DE,\"Never closed,2026-01-08,Offer A,prod-a,Gold,Contoso.a.gold,Active,3,4,Power BI visual\n"
  FAKE_ROW "\n"
  FAKE_ROW "\n";

static LdReport *
load_with (const char           *text,
           gsize                 len,
           const LdLoadOptions  *options,
           GError              **error)
{
  const char *name = "parts.csv";

  return ld_loader_load_datas_with_options (&text, &len, &name, 1, options, error);
}

/* One parser, one thread: the reference. */
static LdReport *
load_whole (const char  *text,
            gsize        len,
            GError     **error)
{
  LdLoadOptions options = { 0, 1, 0, NULL, 0 };

  return load_with (text, len, &options, error);
}

static char *
data_csv (LdReport *report)
{
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdTable) table = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  ld_query_set_range_preset (query, LD_RANGE_ALL);
  table = ld_table_new (query, NULL, LD_WIDGET_DATA);
  g_assert_true (ld_table_write (table, LD_FORMAT_CSV, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
assert_same_ids (const LdIds *a,
                 const LdIds *b,
                 guint        n)
{
  g_assert_true ((a->data == NULL) == (b->data == NULL));
  if (a->data == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (ld_ids_get (a, i), ==, ld_ids_get (b, i));
}

/* Everything a single parser produced, the parts produced too. */
static void
assert_same_report (LdReport *want,
                    LdReport *got)
{
  const GArray *want_bad = ld_report_get_bad_rows (want);
  const GArray *got_bad = ld_report_get_bad_rows (got);
  g_autofree char *want_data = data_csv (want);
  g_autofree char *got_data = data_csv (got);
  guint n = want->n_rows;

  g_assert_cmpuint (got->n_rows, ==, n);
  g_assert_cmpuint (ld_report_get_rows_skipped (got), ==, ld_report_get_rows_skipped (want));
  g_assert_cmpuint (ld_report_get_n_warnings (got), ==, ld_report_get_n_warnings (want));
  g_assert_cmpint (ld_report_get_day_first (got), ==, ld_report_get_day_first (want));
  g_assert_cmpint (ld_report_get_delimiter (got), ==, ld_report_get_delimiter (want));
  g_assert_cmpint (ld_report_get_encoding (got), ==, ld_report_get_encoding (want));
  g_assert_cmpint (got->first_month, ==, want->first_month);
  g_assert_cmpint (got->last_month, ==, want->last_month);
  g_assert_cmpuint (got->latest_date, ==, want->latest_date);
  g_assert_cmpuint (got->n_customers, ==, want->n_customers);
  g_assert_cmpuint (got->n_groups, ==, want->n_groups);

  /* Bad rows: lines, columns and messages. */
  g_assert_cmpuint (got_bad->len, ==, want_bad->len);
  for (guint i = 0; i < want_bad->len; i++)
    {
      const LdBadRow *w = &g_array_index (want_bad, LdBadRow, i);
      const LdBadRow *g = &g_array_index (got_bad, LdBadRow, i);

      g_assert_cmpuint (g->line, ==, w->line);
      g_assert_cmpint (g->column, ==, w->column);
      g_assert_cmpstr (g->column_name, ==, w->column_name);
      g_assert_cmpstr (g->reason, ==, w->reason);
    }

  /* The columns, their dictionaries in id order, and the stored ids. */
  g_assert_cmpuint (got->n_columns, ==, want->n_columns);
  for (guint c = 0; c < want->n_columns; c++)
    {
      const LdColumn *wc = &want->columns[c];
      const LdColumn *gc = &got->columns[c];

      g_assert_cmpstr (gc->name, ==, wc->name);
      g_assert_cmpint (gc->field, ==, wc->field);
      g_assert_true ((gc->dict == NULL) == (wc->dict == NULL));
      if (wc->dict == NULL)
        continue;
      g_assert_cmpuint (ld_dict_size (gc->dict), ==, ld_dict_size (wc->dict));
      for (guint32 id = 0; id < ld_dict_size (wc->dict); id++)
        g_assert_cmpstr (ld_dict_get (gc->dict, id), ==, ld_dict_get (wc->dict, id));
      assert_same_ids (&gc->ids, &wc->ids, n);
    }

  /* The rows in storage and in file order. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (ld_report_get_file_order (got)[i], ==, ld_report_get_file_order (want)[i]);
      g_assert_cmpuint (ld_report_row_date (got, i), ==, ld_report_row_date (want, i));
      g_assert_cmpuint (ld_ids_get (&got->provisioned, i), ==, ld_ids_get (&want->provisioned, i));
      g_assert_cmpuint (ld_ids_get (&got->assigned, i), ==, ld_ids_get (&want->assigned, i));
    }
  assert_same_ids (&got->customer, &want->customer, n);
  assert_same_ids (&got->group, &want->group, n);
  g_assert_cmpstr (got_data, ==, want_data);
}

/* Loads @text with @options and checks it against @want (a failure against
 * @want_error). */
static void
assert_parts_match (const char          *text,
                    gsize                len,
                    LdReport            *want,
                    const GError        *want_error,
                    const LdLoadOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) got = load_with (text, len, options, &error);

  if (want == NULL)
    {
      g_assert_null (got);
      g_assert_nonnull (error);
      g_assert_cmpuint (error->domain, ==, want_error->domain);
      g_assert_cmpint (error->code, ==, want_error->code);
      g_assert_cmpstr (error->message, ==, want_error->message);
      return;
    }
  g_assert_no_error (error);
  assert_same_report (want, got);
}

/* One cut at every byte; then cuts at every line start at once. */
static void
check_every_cut (const char *text,
                 gsize       len,
                 gsize       chunk)
{
  g_autoptr(GError) want_error = NULL;
  g_autoptr(LdReport) want = load_whole (text, len, &want_error);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint64));

  /* One thread parses the parts one after the other: the guesses and their checks
   * are the same as with several, without starting thousands of threads. */
  for (guint64 cut = 1; cut < len; cut++)
    {
      LdLoadOptions options = { chunk, 1, 0, &cut, 1 };

      assert_parts_match (text, len, want, want_error, &options);
      if (text[cut - 1] == '\n')
        g_array_append_val (lines, cut);
    }

  if (lines->len > 0)
    {
      LdLoadOptions options = { chunk, 4, 0, (const guint64 *) lines->data, lines->len };

      assert_parts_match (text, len, want, want_error, &options);
      /* And the portable line splitter, cut everywhere at once. */
      options.portable_scan = TRUE;
      assert_parts_match (text, len, want, want_error, &options);
    }
}

/* Sets of two to six cuts anywhere, seeded. */
static void
check_random_cuts (const char *text,
                   gsize       len,
                   guint       n_sets,
                   guint32     seed)
{
  g_autoptr(GError) want_error = NULL;
  g_autoptr(LdReport) want = load_whole (text, len, &want_error);
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);

  for (guint s = 0; s < n_sets; s++)
    {
      guint64 cuts[6];
      guint n = g_rand_int_range (rng, 2, 7);
      LdLoadOptions options = { 0, g_rand_int_range (rng, 1, 5), 0, cuts, n };

      for (guint i = 0; i < n; i++)
        cuts[i] = g_rand_int_range (rng, 1, MAX ((gint32) len, 2));
      /* Ascending, as the loader wants them. */
      for (guint i = 1; i < n; i++)
        for (guint j = i; j > 0 && cuts[j - 1] > cuts[j]; j--)
          {
            guint64 t = cuts[j];

            cuts[j] = cuts[j - 1];
            cuts[j - 1] = t;
          }
      if (g_rand_boolean (rng))
        options.chunk_size = g_rand_int_range (rng, 1, 64);
      options.portable_scan = g_rand_int_range (rng, 0, 4) == 0;
      assert_parts_match (text, len, want, want_error, &options);
    }
}

static void
test_tricky_every_cut (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) whole = load_whole (tricky, strlen (tricky), &error);

  /* The reference itself, by hand: 28 lines; rows on lines 2, 3, 4-5, 6-9 (hiding two
   * fake rows), 10, 13 (11 and 12 are blank), 14 (bad count), 15 (too few fields),
   * 16 (2/29/2024, no date day first), 17, 18-19, 20 (proves day first), 21
   * (1/31/2026, no date day first), 22 (bad bytes: one warning), 23, 24-26 (a fake
   * row again), 27 (2026-02-30), 28. Bad: lines 14, 15, 16, 21, 27; 18 - 5 = 13 kept. */
  g_assert_no_error (error);
  g_assert_true (ld_report_get_day_first (whole));
  g_assert_cmpuint (ld_report_get_n_rows (whole), ==, 13);
  g_assert_cmpuint (ld_report_get_rows_skipped (whole), ==, 5);
  g_assert_cmpuint (ld_report_get_n_warnings (whole), ==, 1);
  {
    const GArray *bad = ld_report_get_bad_rows (whole);
    const guint64 lines[] = { 14, 15, 16, 21, 27 };

    g_assert_cmpuint (bad->len, ==, G_N_ELEMENTS (lines));
    for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
      g_assert_cmpuint (g_array_index (bad, LdBadRow, i).line, ==, lines[i]);
    g_assert_cmpstr (g_array_index (bad, LdBadRow, 2).reason, ==,
                     "ActivationDate \"2/29/2024\" is not a date: the dates of this file are day "
                     "first (D/M/YYYY), as line 20 shows. Correct the cell, or download the "
                     "report again.");
  }

  check_every_cut (tricky, strlen (tricky), 0);
  check_every_cut (tricky, strlen (tricky), 3);
}

static void
test_unclosed_every_cut (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) whole = load_whole (unclosed, strlen (unclosed), &error);

  /* Rows on lines 2 and 3-4; the quote on line 5 swallows lines 6 and 7. */
  g_assert_no_error (error);
  g_assert_cmpuint (ld_report_get_n_rows (whole), ==, 2);
  g_assert_cmpuint (ld_report_get_rows_skipped (whole), ==, 1);
  g_assert_nonnull (strstr (g_array_index (ld_report_get_bad_rows (whole), LdBadRow, 0).reason,
                            "the 2 lines after it were read into this field"));

  check_every_cut (unclosed, strlen (unclosed), 0);
  check_every_cut (unclosed, strlen (unclosed), 5);
}

/* A header that spans lines (a quoted newline in a column name) is read before any
 * cut is made; cuts inside it move past it. */
static void
test_quoted_header (void)
{
  static const char text[] =
    "ActivationDate,\"Product\nId\",ProductDisplayName,LicensesAssigned,LicensesProvisioned\n"
    "2026-01-01,p,\"Offer\nA\",1,2\n"
    "2026-01-02,p,Offer B,1,2\n";

  check_every_cut (text, strlen (text), 0);
  check_every_cut (text, strlen (text), 2);
}

/* A bigger generated file where a third of the rows hide line breaks and fake rows in
 * quotes: the loader's own guesses (not forced cuts) over many parts. */
static GString *
generate_quoted_report (guint   n_rows,
                        guint32 seed)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  GString *s = g_string_new (HEADER);

  for (guint i = 0; i < n_rows; i++)
    {
      int kind = g_rand_int_range (rng, 0, 6);
      int day = g_rand_int_range (rng, 1, 29);
      int month = g_rand_int_range (rng, 1, 13);

      g_string_append_printf (s, "%s,%s,", i % 2 ? "Germany" : "France", i % 2 ? "DE" : "FR");
      switch (kind)
        {
        case 0:
          g_string_append_printf (s, "\"Cust %u\n" FAKE_ROW "\nmore\",", i % 500);
          break;
        case 1:
          g_string_append_printf (s, "\"Cust %u, \"\"quoted\"\"\r\n\",", i % 500);
          break;
        case 2:
          g_string_append_printf (s, "\"\n" FAKE_ROW "\n\",");
          break;
        default:
          g_string_append_printf (s, "Cust %u,", i % 500);
          break;
        }
      if (kind == 3 && i % 7 == 0)
        g_string_append_printf (s, "%d/%d/2025,", month, day);
      else
        g_string_append_printf (s, "2025-%02d-%02d,", month, day);
      g_string_append_printf (s, "Offer %c,prod-%c,Plan %d,svc.%d,%s,%d,%d,Power BI visual%s",
                              'A' + i % 3, 'a' + i % 3, i % 4, i % 4,
                              i % 5 ? "Active" : "Suspended", i % 9, i % 13,
                              i % 11 == 0 ? "\r\n" : "\n");
      if (i % 97 == 0)
        g_string_append (s, "Germany,DE,Broken row\n");
    }
  return s;
}

static void
test_generated_automatic_cuts (void)
{
  g_autoptr(GString) text = generate_quoted_report (4000, 14);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) want = load_whole (text->str, text->len, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ld_report_get_n_rows (want), ==, 4000);
  /* Broken rows after rows 0, 97, …, 3977: 42 of them. */
  g_assert_cmpuint (ld_report_get_rows_skipped (want), ==, 42);

  for (guint threads = 2; threads <= 8; threads *= 2)
    for (guint64 part = 4096; part <= 65536; part *= 4)
      {
        LdLoadOptions options = { 0, threads, part, NULL, 0 };

        assert_parts_match (text->str, text->len, want, NULL, &options);
        options.chunk_size = 1000;
        assert_parts_match (text->str, text->len, want, NULL, &options);
      }
  check_random_cuts (text->str, text->len, 200, 2026);
}

/* The hostile inputs kept from fuzzing and the bad-input corpus: cut anywhere, they
 * load or fail exactly as whole. */
static void
check_directory (const char *subdir)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      gsize len;

      if (name[0] == '.' || g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".tsv")
          || g_str_has_suffix (name, ".py") || g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      /* The 20 MB cells would take long cut at random; their parsing is the same. */
      if (len > 1024 * 1024)
        continue;
      g_test_message ("%s (%" G_GSIZE_FORMAT " bytes)", name, len);
      check_random_cuts (text, len, 16, g_str_hash (name));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_fuzz_regressions (void)
{
  check_directory ("fuzz-regressions");
}

static void
test_bad_inputs (void)
{
  check_directory ("bad");
}

/* A real file: parts read through GFile streams of their own, sought to their start. */
/* The SIMD line splitter and the portable one read every input alike, whole. */
static void
check_portable_directory (const char *subdir)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) want_error = NULL;
      g_autoptr(LdReport) want = NULL;
      LdLoadOptions options = { 0, 1, 0, NULL, 0, TRUE };
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_DIR) || !g_file_get_contents (path, &text, &len, NULL))
        continue;
      want = load_whole (text, len, &want_error);
      assert_parts_match (text, len, want, want_error, &options);
    }
}

static void
test_portable_scan (void)
{
  g_autoptr(GString) text = generate_quoted_report (2000, 3);
  g_autoptr(LdReport) want = load_whole (text->str, text->len, NULL);
  LdLoadOptions options = { 0, 1, 0, NULL, 0, TRUE };
  g_autoptr(LdReport) tricky_whole = load_whole (tricky, strlen (tricky), NULL);

  assert_parts_match (text->str, text->len, want, NULL, &options);
  assert_parts_match (tricky, strlen (tricky), tricky_whole, NULL, &options);
  check_portable_directory ("fuzz-regressions");
  check_portable_directory ("bad");
  check_portable_directory ("bad/csv-spectrum");
}

/* Runs of adjacent columns of few values are interned as one text (the builder's
 * spans): the same store as cell by cell, with rows through libcsv, repaired cells,
 * formula escapes at a run's start, and a plan column that turns into thousands of
 * values half-way, so its span gives up. */
static void
test_spans (void)
{
  g_autoptr(GString) s = g_string_new (HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) want = NULL;
  LdLoadOptions plain = { 0, 1, 0, NULL, 0, FALSE, TRUE };
  LdLoadOptions spans = { 0, 1, 0, NULL, 0, FALSE, FALSE };
  LdLoadOptions parts = { 0, 3, 4096, NULL, 0, FALSE, FALSE };

  for (guint i = 0; i < 20000; i++)
    {
      const char *offer = i % 3 == 0 ? "'=Offer A" : i % 3 == 1 ? "=Offer A" : "Offer B";

      if (i % 50 == 7)
        offer = "\"Offer, quoted\"";
      else if (i % 61 == 5)
        offer = "Offer \xff";
      g_string_append_printf (s, "Germany,DE,Customer %u,2026-01-%02u,%s,prod-%u,%s%u,svc.%u,%s,1,%u,"
                              "Power BI visual\n",
                              i % 700, 1 + i % 28, offer, i % 2, i < 12000 ? "Plan " : "Unique plan ",
                              i < 12000 ? i % 4 : i, i % 4, i % 5 ? "Active" : " Suspended ", i % 9);
    }

  want = load_with (s->str, s->len, &plain, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ld_report_get_n_rows (want), ==, 20000);
  assert_parts_match (s->str, s->len, want, NULL, &spans);
  assert_parts_match (s->str, s->len, want, NULL, &parts);
}

static void
test_file_parts (void)
{
  g_autoptr(GString) text = generate_quoted_report (3000, 7);
  g_autofree char *dir = g_dir_make_tmp ("ld-parts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "quoted.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) want = load_whole (text->str, text->len, &error);
  LdLoadOptions options = { 0, 3, 8192, NULL, 0 };
  g_autoptr(LdReport) got = NULL;

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  got = ld_loader_load_files_with_options (&file, 1, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_report (want, got);
  g_assert_cmpstr (ld_report_get_path (got), ==, path);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parts/tricky-every-cut", test_tricky_every_cut);
  g_test_add_func ("/parts/unclosed-every-cut", test_unclosed_every_cut);
  g_test_add_func ("/parts/quoted-header", test_quoted_header);
  g_test_add_func ("/parts/generated-automatic-cuts", test_generated_automatic_cuts);
  g_test_add_func ("/parts/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/parts/bad-inputs", test_bad_inputs);
  g_test_add_func ("/parts/file", test_file_parts);
  g_test_add_func ("/parts/portable-scan", test_portable_scan);
  g_test_add_func ("/parts/spans", test_spans);

  return g_test_run ();
}
