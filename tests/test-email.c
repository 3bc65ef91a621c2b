/* test-email.c — Send by Email against a real D-Bus (suite "gui": needs a display)
 *
 * The test runs on a session bus of its own (GTestDBus: a dbus-daemon that can start
 * no service, so "no portal" means the same on every machine, whether or not
 * xdg-desktop-portal is installed). tests/email-portal.py stands in for the desktop's
 * Email portal on it and records each ComposeEmail call: subject, body, and the
 * attachment's bytes read through the descriptor the app passed. The tests check
 * those against what Save as PDF writes, and that no portal, a refusing portal, a
 * portal that never answers and one that answers nothing at all each end in the
 * right message without ever stopping the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "ld-card-export.h"
#include "ld-email-composer.h"
#include "ld-loader.h"
#include "ld-test-gtk.h"
#include "ld-test-util.h"
#include "ld-trend-card.h"

/* Seconds: only a hang reaches these. */
#define DEADLINE 60
/* The composer's own timeout in the tests of a silent portal. */
#define SHORT_TIMEOUT 2

typedef struct
{
  char        *dir;
  char        *record;     /* the stand-in's recordings */
  GSubprocess *portal;
  LdReport    *report;
  LdQuery     *query;
  LdResult    *result;
  GtkWidget   *window;
  GtkWidget   *overlay;
  LdCard      *card;

  /* The last send */
  gboolean     done;
  gboolean     sent;
  GError      *error;
  guint        ticks;      /* the main loop's heartbeat while waiting */
} Fixture;

static gboolean
tick_cb (gpointer user_data)
{
  Fixture *f = user_data;

  f->ticks++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until *@flag or the deadline; a 50 ms heartbeat counts how
 * often the loop got to run meanwhile. */
static void
wait_for (Fixture  *f,
          gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE * G_USEC_PER_SEC;
  guint heartbeat = g_timeout_add (50, tick_cb, f);

  f->ticks = 0;
  while (!*flag)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_source_remove (heartbeat);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *input = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *box;

  f->dir = g_dir_make_tmp ("ld-email-XXXXXX", NULL);
  f->record = g_build_filename (f->dir, "record", NULL);
  g_assert_cmpint (g_mkdir (f->record, 0700), ==, 0);
  input = g_build_filename (f->dir, "LicenseReport.csv", NULL);
  /* The shared fixture (4 customers, Jan–Mar 2026), under a name of its own. */
  g_assert_true (g_file_set_contents (input, ld_test_fixture_csv, -1, NULL));
  file = g_file_new_for_path (input);
  f->report = ld_loader_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  f->query = ld_query_new (f->report);
  ld_query_set_range_preset (f->query, LD_RANGE_ALL);
  ld_query_add_filter_value (f->query, LD_DIM_COUNTRY, "DE");
  ld_query_add_filter_value (f->query, LD_DIM_COUNTRY, "AT");
  f->result = ld_query_run (f->query);

  /* As in the window: the cards sit inside the toast overlay. */
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  f->overlay = adw_toast_overlay_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (f->overlay), box);
  gtk_window_set_child (GTK_WINDOW (f->window), f->overlay);
  f->card = LD_CARD (ld_trend_card_new (LD_WIDGET_CUSTOMERS));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->card));
  ld_card_update (f->card, f->query, f->result);
  gtk_window_present (GTK_WINDOW (f->window));
  ld_test_flush_events ();
}

static void
stop_portal (Fixture *f)
{
  if (f->portal == NULL)
    return;

  /* SIGKILL wakes a stopped process too; then the bus drops its name. */
  g_subprocess_force_exit (f->portal);
  g_subprocess_wait (f->portal, NULL, NULL);
  g_clear_object (&f->portal);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  stop_portal (f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ld_test_flush_events ();
  g_clear_error (&f->error);
  g_clear_pointer (&f->result, ld_result_unref);
  g_clear_object (&f->query);
  g_clear_object (&f->report);
  ld_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->record, g_free);
}

/* ---- the stand-in portal ------------------------------------------------------- */

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **line = user_data;

  *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                     NULL, NULL);
  if (*line == NULL)
    *line = g_strdup ("");
}

static void
start_portal (Fixture    *f,
              const char *mode)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "email-portal.py", NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 deadline = g_get_monotonic_time () + DEADLINE * G_USEC_PER_SEC;

  f->portal = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                script, "--mode", mode, "--record", f->record, NULL);
  g_assert_no_error (error);

  /* It owns the portal's name once it says READY. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->portal));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, read_line_cb, &line);
  while (line == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_cmpstr (line, ==, "READY");
}

static JsonObject *
read_call (Fixture *f,
           guint    number)
{
  g_autofree char *name = g_strdup_printf ("call-%u.json", number);
  g_autofree char *path = g_build_filename (f->record, name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static GBytes *
read_recorded_attachment (Fixture    *f,
                          JsonObject *attachment)
{
  g_autofree char *path = g_build_filename (f->record,
                                            json_object_get_string_member (attachment, "file"),
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* How many of this process's descriptors are open on @path. */
static guint
count_descriptors_on (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      n += g_strcmp0 (target, path) == 0;
    }
  return n;
}

/* ---- sending ------------------------------------------------------------------- */

static void
send_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *f = user_data;

  g_clear_error (&f->error);
  f->sent = ld_email_composer_send_finish (LD_EMAIL_COMPOSER (source), result, &f->error);
  f->done = TRUE;
}

/* A message for the card, its PDF written by Save as PDF's own code. */
static LdEmailComposer *
card_message (Fixture *f)
{
  g_autofree char *name = ld_card_export_suggest_name (f->card, "pdf");
  g_autofree char *subject = ld_email_composer_describe_subject (ld_card_get_title (f->card), f->result);
  g_autofree char *body = ld_email_composer_describe_body (ld_card_get_title (f->card), name,
                                                           f->query, f->result);
  LdEmailComposer *composer = ld_email_composer_new (subject, body);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = ld_email_composer_add_attachment (composer, name, &error);
  g_assert_no_error (error);
  g_assert_true (ld_card_export_save_pdf (f->card, file, &error));
  g_assert_no_error (error);
  return composer;
}

static void
send (Fixture         *f,
      LdEmailComposer *composer)
{
  f->done = FALSE;
  ld_email_composer_send_async (composer, GTK_WINDOW (f->window), NULL, send_done_cb, f);
  wait_for (f, &f->done);
}

/* ---- the toast ------------------------------------------------------------------ */

static void
collect_texts (GtkWidget *widget,
               GString   *texts,
               GtkWidget **button_out,
               const char *button_label)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget) && button_out != NULL &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), button_label) == 0)
    *button_out = widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts, button_out, button_label);
}

/* The texts the toast overlay shows outside the card, once they include @title. */
static char *
wait_for_toast (Fixture    *f,
                const char *title,
                GtkWidget **button)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GString) texts = g_string_new (NULL);

      if (button != NULL)
        *button = NULL;
      for (GtkWidget *child = gtk_widget_get_first_child (f->overlay); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (child != adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (f->overlay)))
          collect_texts (child, texts, button, "_Save PDF…");
      if (strstr (texts->str, title) != NULL)
        return g_string_free (g_steal_pointer (&texts), FALSE);

      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

/* ---- the tests ------------------------------------------------------------------ */

static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *subject = ld_email_composer_describe_subject ("Customers", f->result);
  g_autofree char *dashboard = ld_email_composer_describe_subject (NULL, f->result);
  g_autofree char *body = ld_email_composer_describe_body ("Customers", "customers-2026-01_2026-03.pdf",
                                                           f->query, f->result);
  g_autofree char *all = NULL;
  g_autoptr(LdQuery) unfiltered = ld_query_new (f->report);
  g_autoptr(LdResult) result = NULL;
  g_autofree char *one_month = NULL;
  g_autofree char *two_years = NULL;
  g_autoptr(LdQuery) other = ld_query_new (f->report);
  g_autoptr(LdResult) other_result = NULL;

  g_assert_cmpstr (subject, ==, "License report: Customers, Jan–Mar 2026");
  g_assert_cmpstr (dashboard, ==, "License report: Dashboard, Jan–Mar 2026");
  g_assert_cmpstr (body, ==,
                   "The attached customers-2026-01_2026-03.pdf shows the Customers card of the License report.\n"
                   "\n"
                   "Report: LicenseReport.csv\n"
                   "Data through 20 Mar 2026 · 6 rows\n"
                   "Range: Jan 2026 – Mar 2026\n"
                   "Filters: Country/region: DE, AT\n");

  /* The dashboard, no filters. */
  ld_query_set_range_preset (unfiltered, LD_RANGE_ALL);
  result = ld_query_run (unfiltered);
  all = ld_email_composer_describe_body (NULL, "dashboard-2026-01_2026-03.pdf", unfiltered, result);
  g_assert_cmpstr (all, ==,
                   "The attached dashboard-2026-01_2026-03.pdf shows every card of the License report.\n"
                   "\n"
                   "Report: LicenseReport.csv\n"
                   "Data through 20 Mar 2026 · 6 rows\n"
                   "Range: Jan 2026 – Mar 2026\n"
                   "No filters\n");

  /* One month; a range across a new year names both years. */
  ld_query_set_custom_range (other, LD_MONTH (2026, 2), LD_MONTH (2026, 2));
  other_result = ld_query_run (other);
  one_month = ld_email_composer_describe_subject ("Licenses", other_result);
  g_assert_cmpstr (one_month, ==, "License report: Licenses, Feb 2026");
  ld_query_set_custom_range (other, LD_MONTH (2025, 11), LD_MONTH (2026, 3));
  g_clear_pointer (&other_result, ld_result_unref);
  other_result = ld_query_run (other);
  two_years = ld_email_composer_describe_subject ("Licenses", other_result);
  g_assert_cmpstr (two_years, ==, "License report: Licenses, Nov 2025–Mar 2026");
}

static void
test_portal_answers (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LdEmailComposer) composer = NULL;
  g_autoptr(JsonObject) call = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) attached = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_path = g_build_filename (f->dir, "saved.pdf", NULL);
  g_autofree char *handle_end = NULL;
  JsonObject *options, *attachment;
  JsonArray *attachments;
  const char *path;

  start_portal (f, "answer");
  composer = card_message (f);
  send (f, composer);
  g_assert_no_error (f->error);
  g_assert_true (f->sent);

  call = read_call (f, 1);
  g_assert_nonnull (call);
  options = json_object_get_object_member (call, "options");
  g_assert_cmpstr (json_object_get_string_member (options, "subject"), ==,
                   "License report: Customers, Jan–Mar 2026");
  g_assert_cmpstr (json_object_get_string_member (options, "body"), ==,
                   "The attached customers-2026-01_2026-03.pdf shows the Customers card of the License report.\n"
                   "\n"
                   "Report: LicenseReport.csv\n"
                   "Data through 20 Mar 2026 · 6 rows\n"
                   "Range: Jan 2026 – Mar 2026\n"
                   "Filters: Country/region: DE, AT\n");
  /* No addresses: the user picks who gets it. */
  g_assert_false (json_object_has_member (options, "addresses"));
  g_assert_false (json_object_has_member (options, "address"));

  /* The Request protocol: the handle is ours, named by our token. */
  handle_end = g_strconcat ("/", json_object_get_string_member (options, "handle_token"), NULL);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (call, "handle"), handle_end));
  /* The window the mail app's window belongs to. */
  g_assert_true (g_str_has_prefix (json_object_get_string_member (call, "parent_window"), "x11:"));

  /* One descriptor the real portal takes (libportal 0.6 means O_PATH, but its
   * email.c defines GNU_SOURCE, not _GNU_SOURCE, so O_PATH is 0 there and the
   * file is opened read-only), on the file named as Save as PDF names it… */
  attachments = json_object_get_array_member (call, "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  attachment = json_array_get_object_element (attachments, 0);
  g_assert_true (json_object_get_boolean_member (attachment, "accepted"));
  path = json_object_get_string_member (attachment, "path");
  g_assert_cmpstr (path, ==, g_ptr_array_index (ld_email_composer_get_attachments (composer), 0));
  g_assert_true (g_str_has_suffix (path, "/customers-2026-01_2026-03.pdf"));
  g_assert_true (g_str_has_prefix (path, g_get_user_cache_dir ()));

  /* …whose bytes are the PDF Save as PDF writes. */
  saved = g_file_new_for_path (saved_path);
  g_assert_true (ld_card_export_save_pdf (f->card, saved, &error));
  g_assert_no_error (error);
  expected = g_file_load_bytes (saved, NULL, NULL, &error);
  g_assert_no_error (error);
  attached = read_recorded_attachment (f, attachment);
  g_assert_cmpint (json_object_get_int_member (attachment, "size"), ==, g_bytes_get_size (expected));
  g_assert_cmpmem (g_bytes_get_data (attached, NULL), 5, "%PDF-", 5);
  g_assert_true (g_bytes_equal (attached, expected));
  g_test_message ("ComposeEmail: subject “%s”, attachment %s (%s descriptor), %" G_GSIZE_FORMAT " bytes",
                  json_object_get_string_member (options, "subject"), path,
                  json_object_get_string_member (attachment, "access"), g_bytes_get_size (attached));

  /* Only one call: nothing was retried. */
  g_assert_null (read_call (f, 2));

  /* And nothing is left open on the attachment (libportal 0.6 would leave one). */
  g_assert_cmpuint (count_descriptors_on (path), ==, 0);
}

static void
test_portal_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LdEmailComposer) composer = NULL;

  /* The user closed the portal's dialog: cancelled, and no toast about it. */
  start_portal (f, "cancel");
  composer = card_message (f);
  send (f, composer);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (f->sent);
}

static void
test_portal_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LdEmailComposer) composer = NULL;
  g_autofree char *texts = NULL;
  GtkWidget *button = NULL;

  /* Response 2: no mail app took it. */
  start_portal (f, "fail");
  composer = card_message (f);
  send (f, composer);
  g_assert_error (f->error, LD_EMAIL_ERROR, LD_EMAIL_ERROR_FAILED);

  /* The same through the menus' path: a toast that offers the PDF. */
  ld_email_composer_send_from (composer, GTK_WIDGET (f->card));
  texts = wait_for_toast (f, "The mail app could not start a message", &button);
  g_assert_nonnull (button);

  /* And a portal that refuses the call itself. */
  stop_portal (f);
  start_portal (f, "refuse");
  send (f, composer);
  g_assert_error (f->error, LD_EMAIL_ERROR, LD_EMAIL_ERROR_FAILED);
  g_assert_nonnull (strstr (f->error->message, "Invalid attachment fd passed"));
}

static void
test_no_portal (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LdEmailComposer) composer = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *target_path = g_build_filename (f->dir, "kept.pdf", NULL);
  g_autoptr(GFile) attachment = NULL;
  GtkWidget *button = NULL;

  /* Nothing owns the portal's name and nothing can start it. The bus says so at
   * once: with an hour's timeout, only that answer ends the send before the
   * test's deadline. */
  composer = card_message (f);
  ld_email_composer_set_timeout (composer, 3600);
  send (f, composer);
  g_assert_error (f->error, LD_EMAIL_ERROR, LD_EMAIL_ERROR_NO_PORTAL);

  /* The menus' path says so in a toast and offers to save the PDF. */
  ld_email_composer_send_from (composer, GTK_WIDGET (f->card));
  texts = wait_for_toast (f, "No mail app can be reached from here", &button);
  g_assert_nonnull (button);

  /* What its "Save PDF…" saves is the PDF the message would have carried. (The
   * button, GTK's save dialog and the file are driven with real input in
   * tests/gui-input/test-email.py: the dialog leaks in libcloudproviders, which
   * the sanitized run of this test could not tell from ours.) */
  target = g_file_new_for_path (target_path);
  g_assert_true (ld_email_composer_save_attachment (composer, target, &error));
  g_assert_no_error (error);
  attachment = g_file_new_for_path (g_ptr_array_index (ld_email_composer_get_attachments (composer), 0));
  expected = g_file_load_bytes (attachment, NULL, NULL, &error);
  g_assert_no_error (error);
  saved = g_file_load_bytes (target, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (expected, saved));
}

static void
test_no_email_backend (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LdEmailComposer) composer = NULL;

  /* A portal without an email backend (xdg-desktop-portal alone) has no Email
   * interface: no portal, said at once. */
  start_portal (f, "no-email");
  composer = card_message (f);
  ld_email_composer_set_timeout (composer, 3600);
  send (f, composer);
  g_assert_error (f->error, LD_EMAIL_ERROR, LD_EMAIL_ERROR_NO_PORTAL);
  g_assert_null (read_call (f, 1));
}

static void
test_portal_silent (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LdEmailComposer) composer = NULL;
  g_autoptr(JsonObject) call = NULL;
  g_autofree char *texts = NULL;

  /* The portal takes the message and never answers: the send gives up after its
   * timeout, and the main loop ran all along. */
  start_portal (f, "silent");
  composer = card_message (f);
  ld_email_composer_set_timeout (composer, SHORT_TIMEOUT);
  send (f, composer);
  g_assert_error (f->error, LD_EMAIL_ERROR, LD_EMAIL_ERROR_TIMED_OUT);
  call = read_call (f, 1);
  g_assert_nonnull (call);
  /* 50 ms heartbeats over 2 s: most of them came (a blocked loop gives none). */
  g_assert_cmpuint (f->ticks, >=, SHORT_TIMEOUT * 10);

  ld_email_composer_send_from (composer, GTK_WIDGET (f->card));
  texts = wait_for_toast (f, "The mail app did not answer", NULL);
}

static void
test_portal_stopped (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LdEmailComposer) composer = NULL;

  /* The portal owns its name but answers nothing at all (stopped): libportal would
   * wait for ever in a synchronous call; we give up after the timeout. */
  start_portal (f, "answer");
  kill (atoi (g_subprocess_get_identifier (f->portal)), SIGSTOP);
  composer = card_message (f);
  ld_email_composer_set_timeout (composer, SHORT_TIMEOUT);
  send (f, composer);
  g_assert_error (f->error, LD_EMAIL_ERROR, LD_EMAIL_ERROR_NO_PORTAL);
  g_assert_cmpuint (f->ticks, >=, SHORT_TIMEOUT * 10);
  g_assert_null (read_call (f, 1));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LdEmailComposer) composer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  /* The caller's cancellable ends a send that waits on a silent portal. */
  start_portal (f, "silent");
  composer = card_message (f);
  f->done = FALSE;
  ld_email_composer_send_async (composer, GTK_WINDOW (f->window), cancellable, send_done_cb, f);
  g_timeout_add_once (300, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  wait_for (f, &f->done);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_old_attachments (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LdEmailComposer) first = ld_email_composer_new ("a", "b");
  g_autoptr(LdEmailComposer) second = ld_email_composer_new ("a", "b");
  g_autoptr(GFile) old = NULL;
  g_autoptr(GFile) old_folder = NULL;
  g_autoptr(GFile) fresh = NULL;
  g_autoptr(GFileInfo) info = g_file_info_new ();
  g_autoptr(GDateTime) two_days_ago = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  old = ld_email_composer_add_attachment (first, "old.pdf", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (g_file_peek_path (old), "%PDF-", -1, NULL));
  old_folder = g_file_get_parent (old);
  two_days_ago = g_date_time_add_days (now, -2);
  g_file_info_set_modification_date_time (info, two_days_ago);
  g_assert_true (g_file_set_attributes_from_info (old_folder, info, G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);

  /* A new message clears folders older than a day, and keeps its own apart. */
  fresh = ld_email_composer_add_attachment (second, "old.pdf", &error);
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (old, NULL));
  g_assert_false (g_file_query_exists (old_folder, NULL));
  g_assert_false (g_file_equal (old, fresh));
}

/* Kept to the end: libportal holds the bus connection while its calls to a silent
 * portal wait, so the bus is stopped, never torn down (which waits for that
 * connection to go). */
static GTestDBus *bus;

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  /* PDFs carry their creation date: a fixed one makes two of them comparable byte
   * for byte. */
  g_setenv ("SOURCE_DATE_EPOCH", "1796083200", TRUE);
  /* Attachments go under the user's cache: a folder of the test's own. */
  cache = g_dir_make_tmp ("ld-email-cache-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  /* A bus of the test's own, before anything connects to one. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY (against X11 autolaunch of a bus); GTK needs it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The texts are compared; English month names keep them readable. */
  setlocale (LC_ALL, "C.UTF-8");

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)
  ADD ("/email/describe", test_describe);
  ADD ("/email/portal-answers", test_portal_answers);
  ADD ("/email/portal-cancel", test_portal_cancel);
  ADD ("/email/portal-fails", test_portal_fails);
  ADD ("/email/no-portal", test_no_portal);
  ADD ("/email/no-email-backend", test_no_email_backend);
  ADD ("/email/portal-silent", test_portal_silent);
  ADD ("/email/portal-stopped", test_portal_stopped);
  ADD ("/email/cancel", test_cancel);
  ADD ("/email/old-attachments", test_old_attachments);
#undef ADD

  status = g_test_run ();

  g_test_dbus_stop (bus);
  ld_test_remove_tree (cache);
  return status;
}
