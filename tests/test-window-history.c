/* test-window-history.c — several downloads as one history in the window (SPEC §7)
 *
 * Dropping two downloads, adding one to the report on screen, Reload and the file
 * monitors over every file, a file that cannot be read, and the sets Open Recent
 * remembers (suite "gui": needs a display). The figures are worked by hand below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ld-card-private.h"
#include "ld-settings.h"
#include "ld-test-gtk.h"
#include "ld-test-report.h"
#include "ld-window-private.h"

/* Two downloads in two dialects. January's download (comma, ISO dates, the file's own
 * column order) and March's (tab, M/D/YYYY dates, no CustomerCountry nor OfferType):
 *
 *   file     customer        date         licence              assigned/provisioned
 *   a.csv    Contoso (DE)    2026-01-10   prod-a Gold svc-a     5/10
 *   a.csv    Fabrikam (AT)   2026-02-03   prod-a Gold svc-a     1/4    replaced ↓
 *   b.tsv    Fabrikam (AT)   2/3/2026     prod-a Gold svc-a     3/6    (Suspended)
 *   b.tsv    Northwind (FR)  3/15/2026    prod-a Gold svc-a     2/2
 *
 * b.tsv's latest date (15 Mar) is after a.csv's (3 Feb), so its Fabrikam row has the
 * same licence key and replaces a.csv's. All time: 3 customers, provisioned
 * 10 + 6 + 2 = 18, assigned 5 + 3 + 2 = 10, rate 55.56 %. a.csv covers Jan–Feb,
 * b.tsv Feb–Mar: together Jan 2026 – Mar 2026.
 */
static const char a_csv[] =
  "CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate,ProductDisplayName,ProductId,"
  "PlanName,ServiceId,LicenseState,LicensesAssigned,LicensesProvisioned,OfferType\n"
  "Germany,DE,Contoso,2026-01-10,Sales Hub,prod-a,Gold,svc-a,Active,5,10,SaaS\n"
  "Austria,AT,Fabrikam,2026-02-03,Sales Hub,prod-a,Gold,svc-a,Active,1,4,SaaS\n";
static const char b_tsv[] =
  "CustomerName\tCustomerCountryCode\tActivationDate\tProductId\tProductDisplayName\tPlanName\t"
  "ServiceId\tLicenseState\tLicensesAssigned\tLicensesProvisioned\n"
  "Fabrikam\tAT\t2/3/2026\tprod-a\tSales Hub\tGold\tsvc-a\tSuspended\t3\t6\n"
  "Northwind\tFR\t3/15/2026\tprod-a\tSales Hub\tGold\tsvc-a\tActive\t2\t2\n";

static char *tmp_dir;

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static void
wait_for_load (LdWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (ld_window_is_loading (window))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  ld_test_flush_events ();
}

static LdWindow *
new_window (void)
{
  LdWindow *window = ld_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static AdwWindowTitle *
window_title (LdWindow *window)
{
  return ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "window_title"));
}

static const char *
figure (LdWindow   *window,
        LdWidgetId  widget,
        guint       index)
{
  return gtk_label_get_label (ld_card_get_figure_label (ld_window_get_card (window, widget), index));
}

/* The two downloads as one report, over all their months. */
static void
assert_history (LdWindow *window)
{
  LdResult *result;

  g_assert_null (ld_window_get_last_error (window));
  g_assert_cmpuint (ld_report_get_n_files (ld_window_get_report (window)), ==, 2);
  g_assert_cmpuint (ld_window_get_files (window)->len, ==, 2);
  g_assert_cmpstr (adw_window_title_get_title (window_title (window)), ==, "2 reports");
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title (window)), ==, "Jan 2026 – Mar 2026");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "2 reports");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window_title (window))), ==, "a.csv\nb.tsv");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.range", "s", "all");
  ld_test_flush_events ();
  result = ld_window_get_result (window);
  g_assert_cmpuint (ld_result_get_customers (result), ==, 3);
  g_assert_cmpuint (ld_result_get_provisioned (result), ==, 18);
  g_assert_cmpuint (ld_result_get_assigned (result), ==, 10);
  g_assert_cmpstr (figure (window, LD_WIDGET_CUSTOMERS, 0), ==, "3");
  g_assert_cmpstr (figure (window, LD_WIDGET_LICENSES, 0), ==, "18");
  g_assert_cmpstr (figure (window, LD_WIDGET_LICENSES, 2), ==, "55.56%");
  /* The newest state won: Fabrikam's licences are Suspended. */
  g_assert_cmpstr (figure (window, LD_WIDGET_STATES, 0), ==, "12");
  g_assert_cmpstr (figure (window, LD_WIDGET_STATES, 1), ==, "6");
}

/* Two files dropped together open as one report. */
static void
test_drop_two (void)
{
  g_autoptr(GFile) a = write_file ("a.csv", a_csv);
  g_autoptr(GFile) b = write_file ("b.tsv", b_tsv);
  GFile *both[] = { a, b };
  LdWindow *window = new_window ();
  GdkFileList *files = gdk_file_list_new_from_array (both, 2);

  g_assert_true (ld_window_drop_files (window, files));
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  wait_for_load (window);
  assert_history (window);

  /* Reload reads both again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_true (ld_window_is_loading (window));
  wait_for_load (window);
  assert_history (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Add Report adds a download to the one on screen; a file that cannot be read names
 * itself and leaves the report as it was. */
static void
test_add_report (void)
{
  g_autoptr(GFile) a = write_file ("a.csv", a_csv);
  g_autoptr(GFile) b = write_file ("b.tsv", b_tsv);
  g_autoptr(GFile) bad = write_file ("bad.csv", "Name,Count\nContoso,3\n");
  LdWindow *window = new_window ();
  GFile *with_bad[] = { a, bad };

  ld_window_open_file (window, a);
  wait_for_load (window);
  g_assert_cmpstr (adw_window_title_get_title (window_title (window)), ==, "a.csv");
  ld_test_assert_contains (adw_window_title_get_subtitle (window_title (window)), "Data through 3 Feb 2026");

  ld_window_add_files (window, &b, 1);
  wait_for_load (window);
  assert_history (window);
  /* Adding a file already there counts it once. */
  ld_window_add_files (window, &a, 1);
  wait_for_load (window);
  assert_history (window);

  /* A file that cannot be read: nothing opens, the message names it. */
  ld_window_open_files (window, with_bad, 2);
  wait_for_load (window);
  g_assert_nonnull (ld_window_get_last_error (window));
  ld_test_assert_contains (ld_window_get_last_error (window), "bad.csv");
  g_assert_cmpstr (adw_window_title_get_title (window_title (window)), ==, "2 reports");
  g_assert_cmpuint (ld_result_get_provisioned (ld_window_get_result (window)), ==, 18);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new download saved over any of the files offers to reload. */
static void
test_monitors_every_file (void)
{
  g_autoptr(GFile) a = write_file ("a.csv", a_csv);
  g_autoptr(GFile) b = write_file ("b.tsv", b_tsv);
  GFile *both[] = { a, b };
  LdWindow *window = new_window ();
  gint64 deadline;

  ld_window_open_files (window, both, 2);
  wait_for_load (window);
  g_assert_false (ld_window_is_reload_offered (window));

  /* The second file changes: the first one's monitor would not see it. */
  g_assert_true (g_file_replace_contents (b, b_tsv, strlen (b_tsv), NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!ld_window_is_reload_offered (window))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Open Recent offers the set as a set, and opens it as one report again. */
static void
test_recent_set (void)
{
  g_autoptr(GFile) a = write_file ("a.csv", a_csv);
  g_autoptr(GFile) b = write_file ("b.tsv", b_tsv);
  GFile *both[] = { a, b };
  GSettings *settings = ld_settings_get ();
  g_autoptr(GVariant) sets = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autofree const char **uris = NULL;
  g_autofree char *uri_a = g_file_get_uri (a);
  g_autofree char *uri_b = g_file_get_uri (b);
  LdWindow *window = new_window ();
  GMenuModel *recent;
  gboolean listed = FALSE;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "recent-sets");
  ld_window_open_files (window, both, 2);
  wait_for_load (window);

  sets = g_settings_get_value (settings, "recent-sets");
  g_assert_cmpuint (g_variant_n_children (sets), ==, 1);
  first = g_variant_get_child_value (sets, 0);
  uris = g_variant_get_strv (first, NULL);
  g_assert_cmpuint (g_strv_length ((char **) uris), ==, 2);
  g_assert_cmpstr (uris[0], ==, uri_a);
  g_assert_cmpstr (uris[1], ==, uri_b);

  /* The menu lists it, by its files' names. */
  recent = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), LD_TYPE_WINDOW, "recent_section"));
  for (int i = 0; i < g_menu_model_get_n_items (recent); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;

      g_menu_model_get_item_attribute (recent, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (recent, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      if (g_strcmp0 (label, "2 reports: a.csv, b.tsv") == 0)
        {
          g_assert_cmpstr (action, ==, "win.open-recent-set");
          listed = TRUE;
        }
    }
  g_assert_true (listed);

  /* Opened again from there, in a window with one file open. */
  ld_window_open_file (window, a);
  wait_for_load (window);
  g_assert_cmpuint (ld_report_get_n_files (ld_window_get_report (window)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent-set", "^as", uris));
  wait_for_load (window);
  assert_history (window);

  /* The same set again stays one entry. */
  g_clear_pointer (&sets, g_variant_unref);
  sets = g_settings_get_value (settings, "recent-sets");
  g_assert_cmpuint (g_variant_n_children (sets), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = g_dir_make_tmp ("ld-history-XXXXXX", NULL);

  g_test_add_func ("/window-history/drop-two", test_drop_two);
  g_test_add_func ("/window-history/add-report", test_add_report);
  g_test_add_func ("/window-history/monitors-every-file", test_monitors_every_file);
  g_test_add_func ("/window-history/recent-set", test_recent_set);

  status = g_test_run ();
  ld_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
