/* fuzz-loader.c — libFuzzer target: any bytes through the loader, then a query and
 * every table written, so whatever the loader lets through is exercised downstream.
 *
 * Built with -Dfuzzing=true (see tests/fuzz/meson.build). The input is one whole
 * file; it must never crash, leak, or trip a sanitizer, whether it loads or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "ld-loader.h"
#include "ld-query.h"
#include "ld-report.h"
#include "ld-table.h"
#include "ld-writer.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
write_table (LdTable  *table,
             LdFormat  format)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (!ld_table_write (table, format, stream, NULL, &error))
    g_error ("writing a table failed: %s", error->message);
  g_output_stream_close (stream, NULL, NULL);
}

static void
exercise (LdReport *report)
{
  g_autoptr(LdQuery) query = ld_query_new (report);
  g_autoptr(LdResult) result = NULL;

  g_assert (ld_report_get_rows_read (report) ==
            ld_report_get_n_rows (report) + ld_report_get_rows_skipped (report));

  /* All time for the summary and the rows; the monthly tables over the last twelve
   * months, since a file spanning the years 1 to 9999 has 120,000 of them, which is
   * correct but makes each run take a second. */
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  {
    g_autoptr(LdResult) all = ld_query_run (query);
    g_autoptr(LdTable) summary = ld_table_new (query, all, LD_WIDGET_SUMMARY);
    g_autoptr(LdTable) data = ld_table_new (query, NULL, LD_WIDGET_DATA);

    write_table (summary, LD_FORMAT_CSV);
    write_table (data, LD_FORMAT_CSV);
    write_table (data, LD_FORMAT_JSON);
  }

  ld_query_set_range_preset (query, LD_RANGE_LAST_12);
  result = ld_query_run (query);
  for (int w = LD_WIDGET_SUMMARY; w < LD_WIDGET_DATA; w++)
    {
      g_autoptr(LdTable) table = ld_table_new (query, result, w);

      write_table (table, LD_FORMAT_CSV);
      write_table (table, LD_FORMAT_JSON);
    }

  /* A filter on the first value of each dimension, as a sidebar click would. */
  for (int d = 0; d < LD_N_DIMS; d++)
    if (ld_report_get_n_values (report, d) > 0)
      ld_query_add_filter_value (query, d, ld_report_get_value (report, d, 0));
  ld_query_set_range_preset (query, LD_RANGE_LAST_6);
  {
    g_autoptr(LdResult) filtered = ld_query_run (query);
    g_autoptr(LdTable) table = ld_table_new (query, filtered, LD_WIDGET_ANALYSIS_PRODUCTS);

    write_table (table, LD_FORMAT_CSV);
  }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;

  report = ld_loader_load_data ((const char *) data, size, "fuzz.csv", &error);
  if (report == NULL)
    {
      /* Every failure is one of ours, with a sentence for a person. */
      g_assert (error != NULL && error->domain == LD_LOAD_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (error == NULL);
  exercise (report);
  return 0;
}
