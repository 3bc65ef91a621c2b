/* ld-test-report.c — the reports the tests load: the hand-worked fixture, the sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-loader.h"
#include "ld-sample.h"
#include "ld-test-report.h"

LdReport *
ld_test_load_fixture (void)
{
  g_autoptr(GError) error = NULL;
  LdReport *report = ld_loader_load_data (ld_test_fixture_csv, strlen (ld_test_fixture_csv),
                                          "fixture.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (ld_report_get_n_rows (report), ==, 6);

  return report;
}

LdReport *
ld_test_load_sample (void)
{
  g_autoptr(GError) error = NULL;
  LdReport *report = ld_sample_load (NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ld_report_get_n_rows (report), >, 0);

  return report;
}

void
ld_test_query_fixture_setup (LdTestQueryFixture *f,
                             gconstpointer       data)
{
  f->report = ld_test_load_fixture ();
  f->query = ld_query_new (f->report);
  ld_query_set_range_preset (f->query, LD_RANGE_ALL);
  f->result = ld_query_run (f->query);
}

void
ld_test_query_fixture_teardown (LdTestQueryFixture *f,
                                gconstpointer       data)
{
  g_clear_pointer (&f->result, ld_result_unref);
  g_clear_object (&f->query);
  g_clear_object (&f->report);
}
