/* ld-bench.c — how fast the engine answers on a large License report
 *
 * Measures, on one file (run-bench.sh generates a million rows) or on several read as
 * one history (SPEC §7): the load, the first full query, building and writing every
 * aggregate table of SPEC §5, the total a `--export` of all of them costs, and the
 * re-query a sidebar click triggers, with seeded random filter changes so two runs do
 * the same work. Beside each time, the CPU time the process spent (every thread), so
 * a busy machine's figures can be read for what the work costs. Prints a table for
 * people and `name=value` lines for run-bench.sh, and a CHECK line of figures that
 * the DuckDB and pandas scripts print too, so the comparison is known to be between
 * equal answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>

#include "ld-loader.h"
#include "ld-query.h"
#include "ld-table.h"
#include "ld-writer.h"

/* ------------------------------------------------------------------------------ */
/* A stream that discards what it is given and counts it: the tables' cost is the
 * formatting, not a disk's speed. */

typedef struct {
  GOutputStream parent_instance;
  guint64       bytes;
} LdNullStream;

typedef struct {
  GOutputStreamClass parent_class;
} LdNullStreamClass;

static GType ld_null_stream_get_type (void);
G_DEFINE_TYPE (LdNullStream, ld_null_stream, G_TYPE_OUTPUT_STREAM)

static gssize
ld_null_stream_write (GOutputStream  *stream,
                      const void     *buffer,
                      gsize           count,
                      GCancellable   *cancellable,
                      GError        **error)
{
  ((LdNullStream *) stream)->bytes += count;
  return count;
}

static void
ld_null_stream_class_init (LdNullStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = ld_null_stream_write;
}

static void
ld_null_stream_init (LdNullStream *self)
{
}

/* ------------------------------------------------------------------------------ */

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* CPU time of the whole process so far (every thread, user and system), in ms. */
static double
cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static guint64
peak_rss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss;  /* KiB on Linux */
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value at fraction @q of sorted @values (nearest rank). */
static double
percentile (const double *values,
            guint         n,
            double        q)
{
  guint rank = (guint) (q * n + 0.999999);

  if (rank < 1)
    rank = 1;
  if (rank > n)
    rank = n;
  return values[rank - 1];
}

/* Writes every aggregate table (every widget of SPEC §5 but data, however many the
 * engine has); returns the bytes written and sets @n_tables. */
static guint64
write_tables (LdQuery  *query,
              LdResult *result,
              guint    *n_tables)
{
  g_autoptr(GOutputStream) stream = g_object_new (ld_null_stream_get_type (), NULL);
  g_autoptr(GError) error = NULL;

  *n_tables = 0;
  for (int w = 0; w < LD_N_WIDGETS; w++)
    {
      g_autoptr(LdTable) table = NULL;

      if (w == LD_WIDGET_DATA)
        continue;
      table = ld_table_new (query, result, w);
      if (!ld_table_write (table, LD_FORMAT_CSV, stream, NULL, &error))
        g_error ("Writing %s failed: %s", ld_widget_id_to_string (w), error->message);
      (*n_tables)++;
    }
  return ((LdNullStream *) stream)->bytes;
}

/* What the UI reads after a filter change: the three sorted tables and the six facets. */
static void
touch_result (LdResult *result)
{
  guint n;

  ld_result_get_products (result, &n);
  ld_result_get_customers_table (result, &n);
  ld_result_get_countries (result, &n);
  for (guint d = 0; d < LD_N_DIMS; d++)
    ld_result_get_facet (result, d, &n);
}

/* The figures bench/duckdb-aggregates.mjs and bench/pandas-aggregates.py print too. */
static void
print_check (LdResult *result)
{
  const LdProductRow *products;
  const LdCustomerRow *customers;
  const LdCountryRow *countries;
  /* The scripts count "new" as v1 did, customers with a row in the month: SPEC v2's
   * active customers. */
  const guint64 *new_customers = ld_result_get_active_customers (result);
  const guint64 *cumulative = ld_result_get_cumulative_customers (result);
  const guint64 *month_provisioned = ld_result_get_month_provisioned (result);
  guint n_months = ld_result_get_n_months (result);
  guint n_products, n_customers, n_countries;
  guint64 group_customers = 0, customer_products = 0, country_customers = 0;
  guint64 new_sum = 0, month_provisioned_max = 0;

  products = ld_result_get_products (result, &n_products);
  customers = ld_result_get_customers_table (result, &n_customers);
  countries = ld_result_get_countries (result, &n_countries);
  for (guint i = 0; i < n_products; i++)
    group_customers += products[i].customers;
  for (guint i = 0; i < n_customers; i++)
    customer_products += customers[i].products;
  for (guint i = 0; i < n_countries; i++)
    country_customers += countries[i].customers;
  for (guint k = 0; k < n_months; k++)
    {
      new_sum += new_customers[k];
      month_provisioned_max = MAX (month_provisioned_max, month_provisioned[k]);
    }

  g_print ("CHECK rows=%" G_GUINT64_FORMAT " customers=%" G_GUINT64_FORMAT
           " provisioned=%" G_GUINT64_FORMAT " assigned=%" G_GUINT64_FORMAT
           " months=%u new_sum=%" G_GUINT64_FORMAT " cumulative_last=%" G_GUINT64_FORMAT
           " month_provisioned_max=%" G_GUINT64_FORMAT
           " groups=%u group_customers=%" G_GUINT64_FORMAT
           " customer_rows=%u customer_products=%" G_GUINT64_FORMAT
           " countries=%u country_customers=%" G_GUINT64_FORMAT
           " top_group=%s/%s top_country=%s\n",
           ld_result_get_rows (result), ld_result_get_customers (result),
           ld_result_get_provisioned (result), ld_result_get_assigned (result),
           n_months, new_sum, n_months > 0 ? cumulative[n_months - 1] : 0,
           month_provisioned_max,
           n_products, group_customers, n_customers, customer_products,
           n_countries, country_customers,
           n_products > 0 ? products[0].product_id : "", n_products > 0 ? products[0].plan_name : "",
           n_countries > 0 ? countries[0].code : "");
}

/* One random sidebar click: select or deselect a value of a dimension, and now and
 * then a different range preset. */
static void
random_change (LdQuery *query,
               GRand   *rng)
{
  LdReport *report = ld_query_get_report (query);
  LdDimension dim = g_rand_int_range (rng, 0, LD_N_DIMS);
  guint n_values = ld_report_get_n_values (report, dim);

  if (g_rand_int_range (rng, 0, 5) == 0)
    {
      static const LdRangePreset presets[] = { LD_RANGE_LAST_6, LD_RANGE_LAST_12, LD_RANGE_ALL };

      ld_query_set_range_preset (query, presets[g_rand_int_range (rng, 0, G_N_ELEMENTS (presets))]);
      return;
    }

  /* Deselect more often once something is selected, so the filters stay narrow but
   * not empty, as a person exploring would leave them. */
  if (ld_query_get_n_filter_values (query, dim) > 0 && g_rand_boolean (rng))
    {
      const char *const *values = ld_query_get_filter_values (query, dim);
      guint n = ld_query_get_n_filter_values (query, dim);
      g_autofree char *value = g_strdup (values[g_rand_int_range (rng, 0, n)]);

      ld_query_remove_filter_value (query, dim, value);
    }
  else if (n_values > 0)
    {
      /* Id 0 is the empty string when the column has blanks; any id is fair. */
      ld_query_add_filter_value (query, dim,
                                 ld_report_get_value (report, dim, g_rand_int_range (rng, 0, n_values)));
    }
}

int
main (int    argc,
      char **argv)
{
  int n_requeries = 50;
  int seed = 2026;
  gboolean check_only = FALSE;
  const GOptionEntry entries[] = {
    { "requeries", 'n', 0, G_OPTION_ARG_INT, &n_requeries, "Re-queries to time (default 50)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the random filter changes", "S" },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check_only, "Only load and print the CHECK line", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE… - time the engine on a License report "
                                                            "(several: read as one history)");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  g_autoptr(LdResult) result_all = NULL;
  g_autoptr(LdResult) result_last6 = NULL;
  g_autoptr(GRand) rng = NULL;
  g_autofree double *run_ms = NULL;
  g_autofree double *full_ms = NULL;
  double load_ms, query_all_ms, query_last6_ms, tables_ms;
  double load_cpu_ms, tables_cpu_ms, c0;
  guint64 table_bytes;
  guint n_tables;
  gint64 t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("ld-bench: %s\n", error != NULL ? error->message : "give a report file or several");
      return 2;
    }
  if (n_requeries < 1)
    n_requeries = 1;

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  /* Load + query + every table: what `--export` of all tables costs after startup. */
  c0 = cpu_ms ();
  t0 = g_get_monotonic_time ();
  report = ld_loader_load_files ((GFile **) files->pdata, files->len, NULL, NULL, NULL, &error);
  load_ms = ms_since (t0);
  load_cpu_ms = cpu_ms () - c0;
  if (report == NULL)
    {
      g_printerr ("ld-bench: %s\n", error->message);
      return 1;
    }

  query = ld_query_new (report);
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  t0 = g_get_monotonic_time ();
  result_all = ld_query_run (query);
  query_all_ms = ms_since (t0);

  t0 = g_get_monotonic_time ();
  table_bytes = write_tables (query, result_all, &n_tables);
  tables_ms = ms_since (t0);
  tables_cpu_ms = cpu_ms () - c0;

  print_check (result_all);
  if (check_only)
    return 0;

  ld_query_set_range_preset (query, LD_RANGE_LAST_6);
  t0 = g_get_monotonic_time ();
  result_last6 = ld_query_run (query);
  query_last6_ms = ms_since (t0);

  /* Re-queries: the time from a click to a result (run), and to everything the page
   * redraws from (run + sorted tables + facets). */
  rng = g_rand_new_with_seed (seed);
  run_ms = g_new (double, n_requeries);
  full_ms = g_new (double, n_requeries);
  for (int i = 0; i < n_requeries; i++)
    {
      g_autoptr(LdResult) result = NULL;

      random_change (query, rng);
      t0 = g_get_monotonic_time ();
      result = ld_query_run (query);
      run_ms[i] = ms_since (t0);
      touch_result (result);
      full_ms[i] = ms_since (t0);
    }
  qsort (run_ms, n_requeries, sizeof (double), compare_doubles);
  qsort (full_ms, n_requeries, sizeof (double), compare_doubles);

  g_print ("\nLicense Dashboard engine on %s%s\n", argv[1], argc > 2 ? " and the others, as one history" : "");
  g_print ("  rows %u (skipped %" G_GUINT64_FORMAT ", replaced %" G_GUINT64_FORMAT
           "), customers %u, months %d..%d\n",
           ld_report_get_n_rows (report), ld_report_get_rows_skipped (report),
           ld_report_get_rows_replaced (report), ld_report_get_n_customers (report),
           ld_report_get_first_month (report), ld_report_get_last_month (report));
  g_print ("  %-44s %10.1f ms  (CPU %.1f ms, every thread)\n", "load (ld_loader_load_files)", load_ms, load_cpu_ms);
  g_print ("  %-44s %10.1f ms\n", "first query, all time", query_all_ms);
  g_print ("  %-44s %10.1f ms\n", "query, last 6 months", query_last6_ms);
  g_print ("  %-44s %10.1f ms  (%u tables, %" G_GUINT64_FORMAT " bytes of CSV)\n",
           "every aggregate table, written as CSV", tables_ms, n_tables, table_bytes);
  g_print ("  %-44s %10.1f ms  (CPU %.1f ms)\n", "load + all tables", load_ms + query_all_ms + tables_ms,
           tables_cpu_ms);
  g_print ("  %-44s %10.2f ms median, %.2f ms p95\n", "re-query (ld_query_run), N random",
           percentile (run_ms, n_requeries, 0.5), percentile (run_ms, n_requeries, 0.95));
  g_print ("  %-44s %10.2f ms median, %.2f ms p95\n", "re-query + tables + facets",
           percentile (full_ms, n_requeries, 0.5), percentile (full_ms, n_requeries, 0.95));
  g_print ("  %-44s %10.1f MiB\n", "store (ld_report_get_memory_size)",
           ld_report_get_memory_size (report) / (1024.0 * 1024.0));
  g_print ("  %-44s %10.1f MiB\n", "peak RSS (getrusage)", peak_rss_kib () / 1024.0);
  g_print ("\n");

  /* For run-bench.sh. */
  g_print ("RESULT load_ms=%.1f\n", load_ms);
  g_print ("RESULT load_cpu_ms=%.1f\n", load_cpu_ms);
  g_print ("RESULT total_cpu_ms=%.1f\n", tables_cpu_ms);
  g_print ("RESULT tables=%u\n", n_tables);
  g_print ("RESULT rows=%u\n", ld_report_get_n_rows (report));
  g_print ("RESULT rows_replaced=%" G_GUINT64_FORMAT "\n", ld_report_get_rows_replaced (report));
  g_print ("RESULT query_all_ms=%.1f\n", query_all_ms);
  g_print ("RESULT query_last6_ms=%.1f\n", query_last6_ms);
  g_print ("RESULT tables_ms=%.1f\n", tables_ms);
  g_print ("RESULT total_ms=%.1f\n", load_ms + query_all_ms + tables_ms);
  g_print ("RESULT requery_median_ms=%.2f\n", percentile (run_ms, n_requeries, 0.5));
  g_print ("RESULT requery_p95_ms=%.2f\n", percentile (run_ms, n_requeries, 0.95));
  g_print ("RESULT requery_full_median_ms=%.2f\n", percentile (full_ms, n_requeries, 0.5));
  g_print ("RESULT requery_full_p95_ms=%.2f\n", percentile (full_ms, n_requeries, 0.95));
  g_print ("RESULT store_mib=%.1f\n", ld_report_get_memory_size (report) / (1024.0 * 1024.0));
  g_print ("RESULT peak_rss_mib=%.1f\n", peak_rss_kib () / 1024.0);

  return 0;
}
