/* test-generator.c — the report generator gives the same, realistic bytes every time
 *
 * The bundled sample and the benchmark input come from tools/ld-generate-report; these
 * tests pin what the rest of the project relies on: determinism, the column layout of
 * SPEC §2, and a sample that exercises every figure (months, offers, offer types,
 * countries, blank names, licence states).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "ld-loader.h"

#define N_COLUMNS 12

static const char *const canonical_header[N_COLUMNS] = {
  "CustomerCountry", "CustomerCountryCode", "CustomerName", "ActivationDate",
  "ProductDisplayName", "ProductId", "PlanName", "ServiceId", "LicenseState",
  "LicensesAssigned", "LicensesProvisioned", "OfferType",
};

enum {
  COL_COUNTRY,
  COL_CODE,
  COL_NAME,
  COL_DATE,
  COL_OFFER,
  COL_PRODUCT_ID,
  COL_PLAN,
  COL_SERVICE_ID,
  COL_STATE,
  COL_ASSIGNED,
  COL_PROVISIONED,
  COL_OFFER_TYPE,
};

/* Runs the generator with @args (NULL-terminated) and returns its standard output. */
static GBytes *
run_generator (int         *exit_status,
               const char  *first_arg,
               ...)
{
  const char *bin = g_getenv ("LD_GENERATE_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize len;
  int status = -1;
  va_list ap;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      /* G_SPAWN_EXIT_ERROR carries the exit status as its code. */
      if (exit_status == NULL || !g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code))
        g_error ("ld-generate-report failed: %s\n%s", error->message, err);
      *exit_status = error->code;
    }
  else if (exit_status != NULL)
    *exit_status = 0;

  /* g_spawn_sync NUL-terminates; the output is text, so strlen is its length. */
  len = strlen (out);
  return g_bytes_new_take (g_steal_pointer (&out), len);
}

/* A small RFC 4180 reader, independent of the engine's loader so a fault in either
 * shows up here. Returns the records, each a GStrv of unquoted fields. */
static GPtrArray *
split_records (GBytes *bytes,
               char    delimiter)
{
  gsize len;
  const char *p = g_bytes_get_data (bytes, &len);
  const char *end = p + len;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);

  while (p < end)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);
      if (*p == '"')
        {
          quoted = TRUE;
          p++;
          while (p < end)
            {
              if (*p == '"' && p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
        }
      while (p < end && *p != delimiter && *p != '\n')
        {
          /* Text after a closing quote is malformed: the generator never writes it. */
          g_assert_false (quoted);
          g_string_append_c (field, *p++);
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (p < end && *p == delimiter)
        {
          p++;
          continue;
        }
      /* End of record: a '\n' (never "\r\n", the generator writes LF line ends). */
      g_assert_true (p == end || *p == '\n');
      if (p < end)
        p++;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
    }
  g_assert_true (len == 0 || ((const char *) g_bytes_get_data (bytes, NULL))[len - 1] == '\n');
  return records;
}

static void
assert_canonical_header (const char *const *header,
                         gboolean           legacy)
{
  g_assert_cmpuint (g_strv_length ((char **) header), ==, N_COLUMNS);
  for (guint i = 0; i < N_COLUMNS - 1; i++)
    g_assert_cmpstr (header[i], ==, canonical_header[i]);
  g_assert_cmpstr (header[N_COLUMNS - 1], ==, legacy ? "Tenant ID" : "OfferType");
}

static void
test_deterministic (void)
{
  g_autoptr(GBytes) a = run_generator (NULL, "--rows", "3000", "--seed", "7", NULL);
  g_autoptr(GBytes) b = run_generator (NULL, "--rows", "3000", "--seed", "7", NULL);
  g_autoptr(GBytes) c = run_generator (NULL, "--rows", "3000", "--seed", "8", NULL);

  g_assert_cmpuint (g_bytes_get_size (a), >, 100000);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_false (g_bytes_equal (a, c));
}

static void
test_rows (void)
{
  static const char *const counts[] = { "0", "1", "17", "1234" };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(GBytes) bytes = run_generator (NULL, "--rows", counts[i], "--seed", "3", NULL);
      g_autoptr(GPtrArray) records = split_records (bytes, ',');
      guint64 lines = 0;
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      for (gsize j = 0; j < len; j++)
        lines += data[j] == '\n';

      /* No field holds a newline, so lines and records agree. */
      g_assert_cmpuint (lines, ==, g_ascii_strtoull (counts[i], NULL, 10) + 1);
      g_assert_cmpuint (records->len, ==, lines);
      assert_canonical_header (records->pdata[0], FALSE);
      for (guint r = 1; r < records->len; r++)
        g_assert_cmpuint (g_strv_length (records->pdata[r]), ==, N_COLUMNS);
    }
}

static guint
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month (month, year);
}

static void
test_sample (void)
{
  /* The bundled sample's options (data/meson.build). */
  g_autoptr(GBytes) bytes = run_generator (NULL, "--rows", "20000", "--seed", "2026", NULL);
  g_autoptr(GPtrArray) records = split_records (bytes, ',');
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) offers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) offer_types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) plans_of_offer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint blank_names = 0, quoted_names = 0, over_fifty = 0, zero_assigned = 0;
  guint64 provisioned = 0, assigned = 0;
  guint32 max_provisioned = 0;
  const char *latest = "";
  const char *first = "9999";

  g_assert_cmpuint (records->len, ==, 20001);
  assert_canonical_header (records->pdata[0], FALSE);

  for (guint r = 1; r < records->len; r++)
    {
      char **f = records->pdata[r];
      guint64 p, a;
      int y, m, d;

      g_assert_cmpuint (g_strv_length (f), ==, N_COLUMNS);

      /* YYYY-MM-DD, a real date. */
      g_assert_cmpuint (strlen (f[COL_DATE]), ==, 10);
      g_assert_cmpint (sscanf (f[COL_DATE], "%4d-%2d-%2d", &y, &m, &d), ==, 3);
      g_assert_cmpint (m, >=, 1);
      g_assert_cmpint (m, <=, 12);
      g_assert_cmpint (d, >=, 1);
      g_assert_cmpint (d, <=, (int) days_in_month (y, m));
      if (strcmp (f[COL_DATE], latest) > 0)
        latest = f[COL_DATE];
      if (strcmp (f[COL_DATE], first) < 0)
        first = f[COL_DATE];
      g_hash_table_add (months, g_strndup (f[COL_DATE], 7));

      g_assert_true (g_ascii_string_to_unsigned (f[COL_PROVISIONED], 10, 1, 5000, &p, NULL));
      g_assert_true (g_ascii_string_to_unsigned (f[COL_ASSIGNED], 10, 0, 5003, &a, NULL));
      provisioned += p;
      assigned += a;
      max_provisioned = MAX (max_provisioned, p);
      over_fifty += p > 50;
      zero_assigned += a == 0;

      g_assert_cmpuint (strlen (f[COL_CODE]), ==, 2);
      g_assert_true (g_ascii_isupper (f[COL_CODE][0]) && g_ascii_isupper (f[COL_CODE][1]));
      g_assert_cmpstr (f[COL_COUNTRY], !=, "");
      g_hash_table_add (countries, f[COL_CODE]);
      g_hash_table_add (customers, g_strconcat (f[COL_NAME], "\t", f[COL_CODE], NULL));
      blank_names += f[COL_NAME][0] == '\0';
      quoted_names += strpbrk (f[COL_NAME], ",\"") != NULL;
      g_assert_true (g_utf8_validate (f[COL_NAME], -1, NULL));

      g_hash_table_add (offers, f[COL_OFFER]);
      g_hash_table_add (offer_types, f[COL_OFFER_TYPE]);
      g_hash_table_add (states, f[COL_STATE]);
      g_hash_table_add (plans_of_offer, g_strconcat (f[COL_PRODUCT_ID], "\t", f[COL_PLAN], NULL));
      g_assert_cmpstr (f[COL_PRODUCT_ID], !=, "");
      g_assert_cmpstr (f[COL_PLAN], !=, "");
      g_assert_nonnull (strchr (f[COL_SERVICE_ID], '.'));
    }

  /* 24 months, as of 2026-11-27. */
  g_assert_cmpstr (latest, ==, "2026-11-27");
  g_assert_cmpstr (first, >=, "2024-12-01");
  g_assert_cmpuint (g_hash_table_size (months), ==, 24);
  g_assert_true (g_hash_table_contains (months, "2024-12"));
  g_assert_true (g_hash_table_contains (months, "2026-11"));

  g_assert_cmpuint (g_hash_table_size (offers), >=, 5);
  g_assert_cmpuint (g_hash_table_size (plans_of_offer), >=, 10);
  g_assert_true (g_hash_table_contains (offer_types, "Dynamics 365 apps on Dataverse and Power Apps"));
  g_assert_true (g_hash_table_contains (offer_types, "Power BI visual"));

  /* ~2000 customers by (name, code): --customers defaults to rows / 10, a few of them
   * blank names that fold into one customer per country. */
  g_assert_cmpuint (g_hash_table_size (customers), >=, 1900);
  g_assert_cmpuint (g_hash_table_size (customers), <=, 2000);
  g_assert_cmpuint (g_hash_table_size (countries), >=, 28);
  g_assert_cmpuint (g_hash_table_size (countries), <=, 30);
  g_assert_cmpuint (blank_names, >, 50);
  g_assert_cmpuint (blank_names, <, 600);
  g_assert_cmpuint (quoted_names, >, 0);

  g_assert_true (g_hash_table_contains (states, "Active"));
  g_assert_true (g_hash_table_contains (states, "Inactive"));
  g_assert_true (g_hash_table_contains (states, "Suspended"));
  g_assert_true (g_hash_table_contains (states, "Expired"));

  /* Mostly small seat counts, a long tail into the thousands, assignment 60–90 %. */
  g_assert_cmpuint (over_fifty, <, records->len / 10);
  g_assert_cmpuint (max_provisioned, >=, 1000);
  g_assert_cmpuint (zero_assigned, >, 0);
  g_assert_cmpuint (assigned * 100, >=, provisioned * 60);
  g_assert_cmpuint (assigned * 100, <=, provisioned * 90);
}

static void
test_formats (void)
{
  static const struct {
    const char *format;
    char        delimiter;
  } formats[] = { { "csv", ',' }, { "tsv", '\t' }, { "semicolon", ';' } };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = run_generator (NULL, "--rows", "500", "--format",
                                               formats[i].format, NULL);
      g_autoptr(GPtrArray) records = split_records (bytes, formats[i].delimiter);

      g_assert_cmpuint (records->len, ==, 501);
      assert_canonical_header (records->pdata[0], FALSE);
      for (guint r = 1; r < records->len; r++)
        g_assert_cmpuint (g_strv_length (records->pdata[r]), ==, N_COLUMNS);
    }
}

/* The date style changes the dates' spelling, never the data. */
static void
test_date_styles (void)
{
  static const char *const styles[] = { "iso", "us", "eu", "isotime" };
  g_autoptr(GPtrArray) iso = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autoptr(GBytes) bytes = run_generator (NULL, "--rows", "2000", "--date-style",
                                               styles[i], NULL);
      g_autoptr(GPtrArray) records = split_records (bytes, ',');
      gboolean day_above_12 = FALSE, pm = FALSE;

      g_assert_cmpuint (records->len, ==, 2001);
      for (guint r = 1; r < records->len; r++)
        {
          char **f = records->pdata[r];
          char **g = iso != NULL ? ((char ***) iso->pdata)[r] : f;
          const char *date = f[COL_DATE];
          int y = 0, m = 0, d = 0;

          if (iso != NULL)
            {

              for (guint c = 0; c < N_COLUMNS; c++)
                if (c != COL_DATE)
                  g_assert_cmpstr (f[c], ==, g[c]);
              g_assert_cmpint (sscanf (g[COL_DATE], "%4d-%2d-%2d", &y, &m, &d), ==, 3);
            }

          switch (i)
            {
            case 0:
              g_assert_cmpuint (strlen (date), ==, 10);
              break;
            case 1:
              {
                int mm, dd, yy, h, mi, s;
                char ampm[3];

                g_assert_cmpint (sscanf (date, "%d/%d/%d %d:%2d:%2d %2s", &mm, &dd, &yy, &h, &mi, &s, ampm), ==, 7);
                g_assert_cmpint (mm, ==, m);
                g_assert_cmpint (dd, ==, d);
                g_assert_cmpint (yy, ==, y);
                g_assert_cmpint (h, >=, 1);
                g_assert_cmpint (h, <=, 12);
                g_assert_true (g_str_equal (ampm, "AM") || g_str_equal (ampm, "PM"));
                pm |= g_str_equal (ampm, "PM");
              }
              break;
            case 2:
              {
                int mm, dd, yy;

                g_assert_cmpint (sscanf (date, "%d/%d/%d", &dd, &mm, &yy), ==, 3);
                g_assert_cmpint (mm, ==, m);
                g_assert_cmpint (dd, ==, d);
                g_assert_cmpint (yy, ==, y);
                day_above_12 |= dd > 12;
              }
              break;
            case 3:
              g_assert_cmpuint (strlen (date), ==, 20);
              g_assert_true (g_str_has_suffix (date, "T00:00:00Z"));
              g_assert_true (strncmp (date, g[COL_DATE], 10) == 0);
              break;
            }
        }
      if (i == 1)
        g_assert_true (pm);
      if (i == 2)
        g_assert_true (day_above_12);
      if (iso == NULL)
        iso = g_steal_pointer (&records);
    }
}

/* Older exports: Tenant ID instead of OfferType, one GUID per customer. */
static void
test_legacy (void)
{
  g_autoptr(GBytes) bytes = run_generator (NULL, "--rows", "3000", "--legacy", NULL);
  g_autoptr(GPtrArray) records = split_records (bytes, ',');
  g_autoptr(GHashTable) tenant_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  assert_canonical_header (records->pdata[0], TRUE);
  for (guint r = 1; r < records->len; r++)
    {
      char **f = records->pdata[r];
      const char *tenant = f[N_COLUMNS - 1];
      const char *known;
      g_autofree char *key = NULL;

      g_assert_cmpuint (strlen (tenant), ==, 36);
      g_assert_true (g_uuid_string_is_valid (tenant));
      if (f[COL_NAME][0] == '\0')
        continue;
      key = g_strconcat (f[COL_NAME], "\t", f[COL_CODE], NULL);
      known = g_hash_table_lookup (tenant_of, key);
      if (known != NULL)
        g_assert_cmpstr (known, ==, tenant);
      else
        g_hash_table_insert (tenant_of, g_steal_pointer (&key), (gpointer) tenant);
    }
}

static void
test_options (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *latest = "";
  int status;

  bytes = run_generator (NULL, "--rows", "4000", "--customers", "50", "--countries", "5",
                         "--months", "6", "--end", "2025-03-04", NULL);
  records = split_records (bytes, ',');
  g_assert_cmpuint (records->len, ==, 4001);
  for (guint r = 1; r < records->len; r++)
    {
      char **f = records->pdata[r];

      g_hash_table_add (customers, g_strconcat (f[COL_NAME], "\t", f[COL_CODE], NULL));
      g_hash_table_add (countries, f[COL_CODE]);
      g_hash_table_add (months, g_strndup (f[COL_DATE], 7));
      if (strcmp (f[COL_DATE], latest) > 0)
        latest = f[COL_DATE];
    }
  g_assert_cmpuint (g_hash_table_size (customers), <=, 50);
  g_assert_cmpuint (g_hash_table_size (customers), >=, 45);
  g_assert_cmpuint (g_hash_table_size (countries), <=, 5);
  g_assert_cmpuint (g_hash_table_size (months), ==, 6);
  g_assert_true (g_hash_table_contains (months, "2024-10"));
  g_assert_cmpstr (latest, ==, "2025-03-04");

  /* Usage errors exit 2 and write nothing. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = run_generator (&status, "--rows", "ten", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = run_generator (&status, "--end", "2026-02-30", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = run_generator (&status, "--format", "xlsx", NULL);
  g_assert_cmpint (status, ==, 2);
}

/* Distinct non-empty values: a dictionary's id 0 is always the empty string. */
static guint
count_values (LdReport    *report,
              LdDimension  dim)
{
  guint n = 0;

  for (guint32 id = 0; id < ld_report_get_n_values (report, dim); id++)
    n += ld_report_get_value (report, dim, id)[0] != '\0';
  return n;
}

/* The engine's loader reads every variant the generator writes without skipping a
 * row, and finds the same customers, dates and states the raw reader above found. */
static void
test_loads (void)
{
  static const char *const variants[][4] = {
    { "--format", "csv", "--date-style", "iso" },
    { "--format", "tsv", "--date-style", "us" },
    { "--format", "semicolon", "--date-style", "eu" },
    { "--format", "csv", "--date-style", "isotime" },
    { "--format", "csv", "--legacy", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(GBytes) bytes = run_generator (NULL, "--rows", "20000", "--seed", "2026",
                                               variants[i][0], variants[i][1],
                                               variants[i][2], variants[i][3], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(LdReport) report = NULL;
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      report = ld_loader_load_data (data, len, "sample.csv", &error);
      g_assert_no_error (error);
      g_assert_nonnull (report);
      g_assert_cmpuint (ld_report_get_n_rows (report), ==, 20000);
      g_assert_cmpuint (ld_report_get_rows_skipped (report), ==, 0);
      g_assert_cmpuint (ld_report_get_n_warnings (report), ==, 0);
      g_assert_cmpuint (ld_report_get_latest_date (report), ==, 20261127);
      g_assert_cmpint (ld_report_get_first_month (report), ==, LD_MONTH (2024, 12));
      g_assert_cmpint (ld_report_get_last_month (report), ==, LD_MONTH (2026, 11));
      g_assert_cmpuint (count_values (report, LD_DIM_STATE), ==, 4);
      g_assert_cmpuint (count_values (report, LD_DIM_COUNTRY), ==, 30);
      if (i == 2)
        g_assert_true (ld_report_get_day_first (report));
      if (variants[i][2] != NULL && g_str_equal (variants[i][2], "--legacy"))
        {
          /* Tenant IDs: blank-named customers are told apart, so there are more. */
          g_assert_true (ld_report_has_field (report, LD_FIELD_TENANT_ID));
          g_assert_false (ld_report_has_field (report, LD_FIELD_OFFER_TYPE));
          g_assert_cmpuint (ld_report_get_n_customers (report), ==, 2000);
        }
      else
        {
          g_assert_cmpuint (count_values (report, LD_DIM_OFFER_TYPE), ==, 2);
          g_assert_cmpuint (ld_report_get_n_customers (report), >=, 1900);
          g_assert_cmpuint (ld_report_get_n_customers (report), <, 2000);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/generator/deterministic", test_deterministic);
  g_test_add_func ("/generator/rows", test_rows);
  g_test_add_func ("/generator/sample", test_sample);
  g_test_add_func ("/generator/formats", test_formats);
  g_test_add_func ("/generator/date-styles", test_date_styles);
  g_test_add_func ("/generator/legacy", test_legacy);
  g_test_add_func ("/generator/options", test_options);
  g_test_add_func ("/generator/loads", test_loads);

  return g_test_run ();
}
