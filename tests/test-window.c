/* test-window.c — the window, in process (suite "gui": needs a display, e.g. xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ld-loader.h"
#include "ld-window.h"

#define SAMPLE_RESOURCE "/io/github/licensedashboard/LicenseDashboard/sample-license-report.csv"

static void
wait_for_load (LdWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (ld_window_is_loading (window))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  /* Let the stack and labels settle. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static const char *
label_text (LdWindow   *window,
            const char *id)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, id);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static LdResult *
expected_sample_result (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  gsize len;
  const char *data;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &len);
  report = ld_loader_load_data (data, len, "sample", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ld_report_get_n_rows (report), >, 0);
  query = ld_query_new (report);
  return ld_query_run (query);
}

static void
assert_summary_matches (LdWindow *window,
                        LdResult *expected)
{
  g_autofree char *customers = g_strdup_printf ("%'" G_GUINT64_FORMAT, ld_result_get_customers (expected));
  g_autofree char *provisioned = g_strdup_printf ("%'" G_GUINT64_FORMAT, ld_result_get_provisioned (expected));
  g_autofree char *assigned = g_strdup_printf ("%'" G_GUINT64_FORMAT, ld_result_get_assigned (expected));
  g_autofree char *rows = g_strdup_printf ("%'" G_GUINT64_FORMAT, ld_result_get_rows (expected));

  g_assert_cmpstr (label_text (window, "customers_label"), ==, customers);
  g_assert_cmpstr (label_text (window, "provisioned_label"), ==, provisioned);
  g_assert_cmpstr (label_text (window, "assigned_label"), ==, assigned);
  g_assert_cmpstr (label_text (window, "rows_label"), ==, rows);
}

static void
test_window_sample (void)
{
  g_autoptr(LdResult) expected = expected_sample_result ();
  LdWindow *window = ld_window_new (NULL);
  GtkStack *stack;

  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (ld_window_get_report (window));

  ld_window_open_sample (window);
  g_assert_true (ld_window_is_loading (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  wait_for_load (window);

  g_assert_nonnull (ld_window_get_report (window));
  g_assert_null (ld_window_get_last_error (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "report");
  g_assert_cmpuint (ld_result_get_provisioned (expected), >, 0);
  assert_summary_matches (window, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_bad_file_keeps_report (void)
{
  g_autoptr(LdResult) expected = expected_sample_result ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  LdWindow *window = ld_window_new (NULL);
  LdReport *before;
  int fd;

  gtk_window_present (GTK_WINDOW (window));
  ld_window_open_sample (window);
  wait_for_load (window);
  before = ld_window_get_report (window);
  g_assert_nonnull (before);

  /* A CSV that looks like a License report but lacks ActivationDate. */
  fd = g_file_open_tmp ("ld-test-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "CustomerName,ProductId,LicensesProvisioned,LicensesAssigned\n"
                            "Contoso,app,12,3\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  ld_window_open_file (window, file);
  wait_for_load (window);

  g_assert_true (ld_window_get_report (window) == before);
  g_assert_nonnull (ld_window_get_last_error (window));
  g_assert_nonnull (strstr (ld_window_get_last_error (window), "ActivationDate"));
  assert_summary_matches (window, expected);

  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/sample", test_window_sample);
  g_test_add_func ("/window/bad-file-keeps-report", test_window_bad_file_keeps_report);

  return g_test_run ();
}
