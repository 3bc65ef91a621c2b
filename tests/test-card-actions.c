/* test-card-actions.c — the cards' menus in process (suite "gui": needs a display)
 *
 * Copy Image through the real clipboard, Save Data as CSV against the command
 * line's bytes, Save as PDF and Print read back with pdftotext, failed saves,
 * and the window's Export Dashboard. The headline figures on screen are the ones
 * the exports draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "ld-analysis-card-private.h"
#include "ld-card-private.h"
#include "ld-card-export.h"
#include "ld-card-layout.h"
#include "ld-geo-card-private.h"
#include "ld-trend-card.h"
#include "ld-loader.h"
#include "ld-test-gtk.h"
#include "ld-test-report.h"
#include "ld-window-private.h"

typedef struct
{
  char      *dir;
  char      *input;      /* the fixture on disk, for the command line */
  LdReport  *report;
  LdQuery   *query;
  LdResult  *result;
  GtkWidget *window;
  GtkWidget *box;
  GPtrArray *toasts;     /* what the cards asked win.toast to show */
} Fixture;

static void
toast_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->toasts, g_variant_dup_string (parameter, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toast = g_simple_action_new ("toast", G_VARIANT_TYPE_STRING);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ld-card-actions-XXXXXX", NULL);
  f->input = g_build_filename (f->dir, "fixture.csv", NULL);
  g_assert_true (g_file_set_contents (f->input, ld_test_fixture_csv, -1, NULL));
  file = g_file_new_for_path (f->input);
  f->report = ld_loader_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Filters make the tables worth comparing; --where says the same below. */
  f->query = ld_query_new (f->report);
  ld_query_set_range_preset (f->query, LD_RANGE_ALL);
  ld_query_add_filter_value (f->query, LD_DIM_OFFER_TYPE, "Power BI visual");
  ld_query_add_filter_value (f->query, LD_DIM_OFFER_TYPE, "SaaS");
  f->result = ld_query_run (f->query);

  /* The window's win.toast, so the cards' messages can be read back. */
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (toast, "activate", G_CALLBACK (toast_activated), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toast));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 900);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_window_set_child (GTK_WINDOW (f->window), f->box);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ld_test_flush_events ();
  g_clear_pointer (&f->toasts, g_ptr_array_unref);
  g_clear_pointer (&f->result, ld_result_unref);
  g_clear_object (&f->query);
  g_clear_object (&f->report);
  ld_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->input, g_free);
}

static LdCard *
add_card (Fixture   *f,
          GtkWidget *card)
{
  gtk_box_append (GTK_BOX (f->box), card);
  ld_card_update (LD_CARD (card), f->query, f->result);
  return LD_CARD (card);
}

static const char *
last_toast (Fixture *f)
{
  return f->toasts->len > 0 ? g_ptr_array_index (f->toasts, f->toasts->len - 1) : NULL;
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  return path != NULL;
}

static void
assert_pdf_shows_card (const char *path,
                       LdCard     *card)
{
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    {
      g_test_message ("pdftotext (poppler-utils) is missing: %s not read back", path);
      return;
    }

  text = ld_test_pdf_text (path);
  ld_test_assert_contains (text, ld_card_get_title (card));
  for (guint i = 0; i < ld_card_get_n_figures (card); i++)
    ld_test_assert_contains (text, gtk_label_get_label (ld_card_get_figure_label (card, i)));
  ld_test_assert_contains (text, "fixture.csv");
  ld_test_assert_contains (text, "Offer type: Power BI visual, SaaS");
}

/* ---- screen and export agree ----------------------------------------------------- */

static void
assert_same_headline (LdCard *card)
{
  g_autoptr(LdCardModel) content = ld_card_create_model (card);
  g_autofree char *screen = ld_card_get_headline_text (card);
  g_autofree char *export = NULL;

  g_assert_nonnull (content);
  g_assert_cmpuint (content->n_figures, ==, ld_card_get_n_figures (card));
  for (guint i = 0; i < content->n_figures; i++)
    g_assert_cmpstr (gtk_label_get_label (ld_card_get_figure_label (card, i)), ==,
                     content->figures[i].value);

  /* The whole sentence: captions, values, changes and their direction. */
  export = ld_card_model_get_headline_text (content);
  g_assert_cmpstr (screen, ==, export);
  g_assert_cmpstr (ld_card_get_title (card), ==, content->title);
}

static void
test_headlines (Fixture       *f,
                gconstpointer  data)
{
  LdCard *customers = add_card (f, ld_trend_card_new (LD_WIDGET_CUSTOMERS));
  LdCard *licenses = add_card (f, ld_trend_card_new (LD_WIDGET_LICENSES));
  LdCard *analysis = add_card (f, ld_analysis_card_new ());
  LdCard *geo = add_card (f, ld_geo_card_new ());

  gtk_window_present (GTK_WINDOW (f->window));
  ld_test_flush_events ();

  assert_same_headline (customers);
  assert_same_headline (licenses);
  assert_same_headline (analysis);
  assert_same_headline (geo);

  ld_analysis_card_set_view (LD_ANALYSIS_CARD (analysis), LD_ROW_KIND_CUSTOMERS);
  assert_same_headline (analysis);

  /* A selected row's trend goes into the export too. */
  gtk_single_selection_set_selected (ld_analysis_card_get_selection (LD_ANALYSIS_CARD (analysis)), 0);
  {
    g_autoptr(LdCardModel) content = ld_card_create_model (analysis);
    const LdChart *trend = ld_card_model_get_chart (content, LD_CHART_TREND, 0);

    ld_test_assert_contains (trend->title, "Contoso");
  }
}

static void
test_enabled (Fixture       *f,
              gconstpointer  data)
{
  static const char *const names[] = {
    "card.copy-image", "card.save-csv", "card.save-pdf", "card.print",
  };
  GtkWidget *card = ld_trend_card_new (LD_WIDGET_LICENSES);
  GtkWidget *buttons[G_N_ELEMENTS (names)];

  gtk_box_append (GTK_BOX (f->box), card);
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      buttons[n] = gtk_button_new ();
      gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[n]), names[n]);
      ld_card_append (LD_CARD (card), buttons[n]);
    }
  gtk_window_present (GTK_WINDOW (f->window));

  /* No report: nothing to copy or save. */
  ld_card_update (LD_CARD (card), NULL, NULL);
  ld_test_flush_events ();
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    g_assert_false (gtk_widget_is_sensitive (buttons[n]));

  ld_card_update (LD_CARD (card), f->query, f->result);
  ld_test_flush_events ();
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    g_assert_true (gtk_widget_is_sensitive (buttons[n]));
}

/* ---- Copy Image ------------------------------------------------------------------ */

static void
read_texture_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
splice_png_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GBytes **png = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  *png = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
}

static void
read_png_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char *mime = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "image/png");
  /* Asynchronous: GDK encodes the PNG on this thread's main loop. */
  g_output_stream_splice_async (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, G_PRIORITY_DEFAULT,
                                NULL, splice_png_cb, user_data);
}

static cairo_status_t
read_from_stream (void          *closure,
                  unsigned char *data,
                  unsigned int   length)
{
  return g_input_stream_read_all (closure, data, length, NULL, NULL, NULL) ? CAIRO_STATUS_SUCCESS
                                                                          : CAIRO_STATUS_READ_ERROR;
}

static void
wait_for (gpointer *pointer)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*pointer == NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, out, NULL, &error);
  g_assert_no_error (error);
  if (*out == NULL)
    *out = g_bytes_new (NULL, 0);
}

static void
paste_with_xclip (int width,
                  int height)
{
  const char *argv[] = { "xclip", "-selection", "clipboard", "-t", "image/png", "-o", NULL };
  g_autofree char *xclip = g_find_program_in_path ("xclip");
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *decoded;

  if (xclip == NULL || g_getenv ("DISPLAY") == NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      g_test_message ("no xclip on an X display: pasting from another client not tried");
      return;
    }

  /* The main loop must keep running: this process serves the selection. */
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_async (proc, NULL, NULL, communicate_cb, &png);
  wait_for ((gpointer *) &png);
  g_assert_true (g_subprocess_get_successful (proc));

  stream = g_memory_input_stream_new_from_bytes (png);
  decoded = cairo_image_surface_create_from_png_stream (read_from_stream, stream);
  g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, height);
  cairo_surface_destroy (decoded);
}

static void
test_copy_image (Fixture       *f,
                 gconstpointer  data)
{
  LdCard *card = add_card (f, ld_trend_card_new (LD_WIDGET_LICENSES));
  GdkClipboard *clipboard;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree guchar *pixels = NULL;
  cairo_surface_t *expected;
  double scale = 0;
  int width, height, stride;

  gtk_window_present (GTK_WINDOW (f->window));
  ld_test_flush_events ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (card)), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.copy-image", NULL));
  g_assert_cmpstr (last_toast (f), ==, "Image copied");

  /* What was rendered: the card's width (or the minimum) at twice the scale. */
  expected = ld_card_export_render_image (card, &scale);
  g_assert_cmpfloat (scale, ==, 2.0 * gtk_widget_get_scale_factor (GTK_WIDGET (card)));
  width = cairo_image_surface_get_width (expected);
  height = cairo_image_surface_get_height (expected);
  g_assert_cmpint (width, ==, (int) (MAX (gtk_widget_get_width (GTK_WIDGET (card)), 560) * scale));

  /* Read back as a texture: the same pixels. */
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (card));
  gdk_clipboard_read_texture_async (clipboard, NULL, read_texture_cb, &texture);
  wait_for ((gpointer *) &texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);

  stride = cairo_image_surface_get_stride (expected);
  pixels = g_malloc ((gsize) stride * height);
  gdk_texture_download (texture, pixels, stride);
  cairo_surface_flush (expected);
  g_assert_cmpmem (pixels, (gsize) stride * height,
                   cairo_image_surface_get_data (expected), (gsize) stride * height);

  /* And as the PNG another application gets when it pastes. */
  gdk_clipboard_read_async (clipboard, (const char *[]) { "image/png", NULL }, G_PRIORITY_DEFAULT,
                            NULL, read_png_cb, &png);
  wait_for ((gpointer *) &png);
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
    cairo_surface_t *decoded = cairo_image_surface_create_from_png_stream (read_from_stream, stream);

    g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, width);
    g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, height);
    cairo_surface_destroy (decoded);
  }

  /* Another X client pasting, when xclip is there (it is not a test package). */
  paste_with_xclip (width, height);

  cairo_surface_destroy (expected);
}

/* ---- Save Data as CSV ------------------------------------------------------------ */

static GBytes *
cli_export (Fixture    *f,
            const char *widget)
{
  const char *argv[] = {
    g_getenv ("LD_DASHBOARD_BIN"), "--export", widget, "--range", "all",
    "--where", "offer-type=Power BI visual", "--where", "offer-type=SaaS", f->input, NULL,
  };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *out = NULL;

  if (argv[0] == NULL)
    g_error ("LD_DASHBOARD_BIN is not set: run this test through meson test");

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  return out;
}

static void
assert_csv_matches_cli (Fixture    *f,
                        LdCard     *card,
                        const char *expected_name)
{
  const char *widget = ld_widget_id_to_string (ld_card_get_widget_id (card));
  g_autofree char *name = ld_card_export_suggest_name (card, "csv");
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = cli_export (f, widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_cmpstr (name, ==, expected_name);
  g_assert_true (ld_card_export_save_csv (card, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 0);
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_save_csv (Fixture       *f,
               gconstpointer  data)
{
  LdCard *customers = add_card (f, ld_trend_card_new (LD_WIDGET_CUSTOMERS));
  LdCard *licenses = add_card (f, ld_trend_card_new (LD_WIDGET_LICENSES));
  LdCard *analysis = add_card (f, ld_analysis_card_new ());
  LdCard *geo = add_card (f, ld_geo_card_new ());

  assert_csv_matches_cli (f, customers, "customers-2026-01_2026-03.csv");
  assert_csv_matches_cli (f, licenses, "licenses-2026-01_2026-03.csv");
  assert_csv_matches_cli (f, analysis, "analysis-products-2026-01_2026-03.csv");
  /* The Analysis card saves the view it shows. */
  ld_analysis_card_set_view (LD_ANALYSIS_CARD (analysis), LD_ROW_KIND_CUSTOMERS);
  assert_csv_matches_cli (f, analysis, "analysis-customers-2026-01_2026-03.csv");
  assert_csv_matches_cli (f, geo, "geo-2026-01_2026-03.csv");
}

/* ---- Save as PDF, Print ---------------------------------------------------------- */

static void
test_save_pdf (Fixture       *f,
               gconstpointer  data)
{
  LdCard *licenses = add_card (f, ld_trend_card_new (LD_WIDGET_LICENSES));
  LdCard *analysis = add_card (f, ld_analysis_card_new ());
  g_autofree char *path = g_build_filename (f->dir, "licenses.pdf", NULL);
  g_autofree char *wide = g_build_filename (f->dir, "analysis.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) wide_file = g_file_new_for_path (wide);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = ld_card_export_suggest_name (licenses, "pdf");

  g_assert_cmpstr (name, ==, "licenses-2026-01_2026-03.pdf");
  g_assert_true (ld_card_export_save_pdf (licenses, file, &error));
  g_assert_no_error (error);
  assert_pdf_shows_card (path, licenses);

  g_assert_true (ld_card_export_save_pdf (analysis, wide_file, &error));
  g_assert_no_error (error);
  assert_pdf_shows_card (wide, analysis);
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  LdCard *card = add_card (f, ld_trend_card_new (LD_WIDGET_CUSTOMERS));
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  /* What the print dialog's "Print to File" does: the same drawing, to a PDF. */
  g_assert_true (ld_card_export_print_to_file (card, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_pdf_shows_card (path, card);
}

/* ---- failed saves ---------------------------------------------------------------- */

static const char old_contents[] = "CustomerName\nthe old file, kept byte for byte\n";

static void
assert_only_file (const char *dir,
                  const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old_contents);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
test_save_fails (Fixture       *f,
                 gconstpointer  data)
{
  LdCard *card = add_card (f, ld_trend_card_new (LD_WIDGET_LICENSES));
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "licenses.csv", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) full = g_file_new_for_path ("/dev/full");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  /* A folder that is not there: a message naming the file, and no file. */
  g_assert_false (ld_card_export_save_csv (card, missing_file, &error));
  g_assert_nonnull (error);
  ld_test_assert_contains (error->message, "licenses.csv");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (ld_card_export_save_pdf (card, missing_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A full disk: /dev/full takes nothing, and stays the device it was. */
  if (g_stat ("/dev/full", &st) == 0 && S_ISCHR (st.st_mode))
    {
      g_assert_false (ld_card_export_save_csv (card, full, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_clear_error (&error);
      g_assert_false (ld_card_export_save_pdf (card, full, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }
  else
    g_test_message ("/dev/full is not available");

  /* Over an old file, failing half-way: the old file stays (run in a child that
   * gets a 16-byte file-size limit). */
  {
    g_autofree char *dir = g_build_filename (f->dir, "keep", NULL);
    g_autofree char *path = g_build_filename (dir, "licenses.csv", NULL);

    g_mkdir (dir, 0755);
    g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
    g_setenv ("LD_TEST_SAVE_PATH", path, TRUE);
    g_test_trap_subprocess ("/card-actions/save-fails/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    assert_only_file (dir, path);
  }
}

static void
test_save_fails_child (Fixture       *f,
                       gconstpointer  data)
{
  const char *path = g_getenv ("LD_TEST_SAVE_PATH");
  struct rlimit limit = { 16, 16 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LdCard *card;

  if (!g_test_subprocess ())
    {
      g_test_skip ("only run by /card-actions/save-fails");
      return;
    }

  card = add_card (f, ld_trend_card_new (LD_WIDGET_LICENSES));
  file = g_file_new_for_path (path);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (ld_card_export_save_csv (card, file, &error));
  g_assert_nonnull (error);
  ld_test_assert_contains (error->message, "licenses.csv");
  g_clear_error (&error);
  g_assert_false (ld_card_export_save_pdf (card, file, &error));
  g_assert_nonnull (error);
}

/* ---- the window: Export Dashboard, win.toast ------------------------------------- */

static void
test_window_export (Fixture       *f,
                    gconstpointer  data)
{
  LdWindow *window = ld_window_new (NULL);
  g_autoptr(GFile) input = g_file_new_for_path (f->input);
  g_autofree char *pdf_path = g_build_filename (f->dir, "dashboard.pdf", NULL);
  g_autofree char *png_path = g_build_filename (f->dir, "dashboard.png", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  ld_window_open_file (window, input);
  while (ld_window_is_loading (window))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  ld_test_flush_events ();
  g_assert_nonnull (ld_window_get_result (window));

  /* The cards' messages land in the window's toasts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toast", "s", "Image copied"));

  g_assert_true (ld_window_export_dashboard (window, pdf, &error));
  g_assert_no_error (error);
  if (have_pdftotext ())
    {
      g_autofree char *text = ld_test_pdf_text (pdf_path);

      ld_test_assert_contains (text, "fixture.csv");
      ld_test_assert_contains (text, "Geographical spread");
      ld_test_assert_contains (text, "Page 1 of ");
    }

  g_assert_true (ld_window_export_dashboard (window, png, &error));
  g_assert_no_error (error);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png_path);

    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
    cairo_surface_destroy (image);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ld_test_flush_events ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The figures are compared as text; English month names keep them readable. */
  setlocale (LC_ALL, "C.UTF-8");

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)
  ADD ("/card-actions/headlines", test_headlines);
  ADD ("/card-actions/enabled", test_enabled);
  ADD ("/card-actions/copy-image", test_copy_image);
  ADD ("/card-actions/save-csv", test_save_csv);
  ADD ("/card-actions/save-pdf", test_save_pdf);
  ADD ("/card-actions/print", test_print);
  ADD ("/card-actions/save-fails", test_save_fails);
  ADD ("/card-actions/save-fails/subprocess", test_save_fails_child);
  ADD ("/card-actions/window-export", test_window_export);
#undef ADD

  return g_test_run ();
}
