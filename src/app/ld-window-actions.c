/* ld-window-actions.c — what the window can be asked to do
 *
 * Installed on the class (gtk_widget_class_install_action), so the sidebar, the date
 * range button, the cards' menus, keyboard shortcuts and tests all reach the same code
 * by name: win.toggle-filter, win.range, win.open, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-dashboard-report.h"
#include "ld-email-composer.h"
#include "ld-file-chooser.h"
#include "ld-file-save.h"
#include "ld-table.h"
#include "ld-window-private.h"
#include "ld-writer.h"

/* ---- opening reports ------------------------------------------------------------- */

/* Several files chosen together open as one report (SPEC §7); Add Report adds them
 * to the one on screen. */
static void
chooser_open_response_cb (LdWindow             *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  gboolean add = g_object_get_data (G_OBJECT (chooser), "ld-add") != NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      if (files->len > 0 && add)
        ld_window_add_files (self, (GFile *const *) files->pdata, files->len);
      else if (files->len > 0)
        ld_window_open_files (self, (GFile *const *) files->pdata, files->len);
    }
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  gboolean add = g_str_equal (action_name, "win.add-report");
  g_autoptr(GtkFileFilter) reports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (reports, _("License reports (CSV, TSV)"));
  gtk_file_filter_add_mime_type (reports, "text/csv");
  gtk_file_filter_add_mime_type (reports, "text/tab-separated-values");
  gtk_file_filter_add_suffix (reports, "csv");
  gtk_file_filter_add_suffix (reports, "tsv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_clear_object (&self->chooser);
  if (add)
    self->chooser = ld_file_chooser_new (widget, _("Add Downloads to This Report"),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), NULL);
  else
    self->chooser = ld_file_chooser_new (widget, _("Open a License Report"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), NULL);
  /* Several downloads chosen together are one history. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  if (add)
    g_object_set_data (G_OBJECT (self->chooser), "ld-add", GINT_TO_POINTER (TRUE));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), reports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_open_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ld_window_open_file (LD_WINDOW (widget), file);
}

/* A set of downloads opened together before, by their URIs. */
static void
open_recent_set_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autofree const char **uris = g_variant_get_strv (parameter, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_uri (uris[i]));
  if (files->len > 0)
    ld_window_open_files (LD_WINDOW (widget), (GFile *const *) files->pdata, files->len);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ld_window_open_sample (LD_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ld_window_reload (LD_WINDOW (widget));
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ld_window_cancel_load (LD_WINDOW (widget));
}

/* ---- the range and the filters --------------------------------------------------- */

static void
custom_range_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  int from, to;

  if (self->query == NULL)
    return;

  g_variant_get (parameter, "(ii)", &from, &to);
  ld_query_set_custom_range (self->query, from, to);
  if (g_strcmp0 (self->range, "custom") != 0)
    {
      g_free (self->range);
      self->range = g_strdup ("custom");
      g_object_notify (G_OBJECT (self), "range");
    }
  ld_window_refresh (self);
}

static gboolean
parse_dimension (GVariant    *parameter,
                 const char  *format,
                 LdDimension *dim,
                 const char **value)
{
  const char *name = NULL;

  if (g_str_equal (format, "(ss)"))
    g_variant_get (parameter, "(&s&s)", &name, value);
  else
    name = g_variant_get_string (parameter, NULL);

  if (!ld_dimension_from_cli_name (name, dim))
    {
      g_warning ("Unknown filter “%s”", name);
      return FALSE;
    }
  return TRUE;
}

static void
toggle_filter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  LdDimension dim;
  const char *value = NULL;

  if (self->query == NULL || !parse_dimension (parameter, "(ss)", &dim, &value))
    return;

  if (ld_query_has_filter_value (self->query, dim, value))
    ld_query_remove_filter_value (self->query, dim, value);
  else
    ld_query_add_filter_value (self->query, dim, value);
  ld_window_refresh (self);
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  LdDimension dim;

  if (self->query == NULL || !parse_dimension (parameter, "s", &dim, NULL))
    return;

  ld_query_clear_filter (self->query, dim);
  ld_window_refresh (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);

  if (self->query == NULL)
    return;

  ld_query_clear_all_filters (self->query);
  ld_window_refresh (self);
}

/* F6 and Shift+F6 move the focus between the window's parts, as GNOME apps do: the
 * header bar, the filters (while they are shown) and the page — the dashboard, or
 * whatever the window shows instead. The focus lands on the part's first control. */
static GtkWidget *
content_pane (LdWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (page == GTK_WIDGET (self->flap))
    return adw_flap_get_content (self->flap);
  return page;
}

static void
focus_pane (LdWindow *self,
            int       step)
{
  GtkWidget *panes[3];
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int n = 0, current = -1;

  panes[n++] = GTK_WIDGET (self->header_bar);
  if (gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->flap) &&
      adw_flap_get_reveal_flap (self->flap))
    panes[n++] = GTK_WIDGET (self->sidebar);
  if (content_pane (self) != NULL)
    panes[n++] = content_pane (self);

  for (int i = 0; i < n; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;
  /* From nowhere, F6 starts at the header bar and Shift+F6 at the page. */
  if (current < 0)
    current = step > 0 ? n - 1 : 0;

  for (int k = 1; k <= n; k++)
    {
      GtkWidget *pane = panes[((current + step * k) % n + n) % n];

      if (gtk_widget_get_mapped (pane) && gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD))
        return;
    }
}

static void
focus_next_pane_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  focus_pane (LD_WINDOW (widget), 1);
}

static void
focus_previous_pane_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  focus_pane (LD_WINDOW (widget), -1);
}

static void
search_filters_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);

  if (self->report == NULL)
    return;

  if (!adw_flap_get_reveal_flap (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  ld_filter_sidebar_focus_search (self->sidebar);
}

/* ---- Download data --------------------------------------------------------------- */

/* "license-data-2026-06_2026-11.csv": what is saved and the range on screen. */
static char *
suggested_name (LdWindow   *self,
                const char *stem,
                const char *extension)
{
  int from = -1, to = -1;

  if (self->query != NULL)
    ld_query_get_range (self->query, &from, &to);

  return ld_file_chooser_suggest_name (stem, from, to, extension);
}

static void
download_response_cb (LdWindow             *self,
                      int                   response,
                      GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LdTable) table = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || self->query == NULL)
    {
      g_clear_object (&self->chooser);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  table = ld_table_new_data (self->query);
  if (!ld_table_save (table, LD_FORMAT_CSV, file, NULL, &error))
    {
      ld_window_toast (self, error->message);
      return;
    }

  ld_file_chooser_remember (file);
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *message = g_strdup_printf (_("Saved %s"), name);

    ld_window_toast_saved (self, message, file);
  }
}

static void
download_data_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  if (self->query == NULL)
    return;

  name = suggested_name (self, "license-data", "csv");
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");

  g_clear_object (&self->chooser);
  self->chooser = ld_file_chooser_new (widget, _("Download Data"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                       _("_Save"), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (download_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- Export Dashboard ------------------------------------------------------------ */

/* The dashboard PNG is one long page this many pixels wide, at twice the density. */
#define DASHBOARD_PNG_WIDTH 960.0
#define DASHBOARD_PNG_SCALE 2.0

gboolean
ld_window_export_dashboard (LdWindow  *self,
                            GFile     *file,
                            GError   **error)
{
  g_autoptr(LdDashboardReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (LD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  /* Drawn by the same GTK-free code as --export dashboard, so both agree. */
  report = ld_dashboard_report_new (self->query, self->result);
  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name != NULL ? name : "", -1);
  if (g_str_has_suffix (lower, ".png"))
    bytes = ld_dashboard_report_png (report, DASHBOARD_PNG_WIDTH, DASHBOARD_PNG_SCALE, error);
  else
    bytes = ld_dashboard_report_pdf (report, error);

  return bytes != NULL && ld_file_save_bytes (file, bytes, NULL, error);
}

static void
export_response_cb (LdWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  GtkFileFilter *filter;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  /* A name without .pdf or .png takes the chosen filter's. */
  if (chosen != NULL)
    {
      name = g_file_get_basename (chosen);
      lower = g_ascii_strdown (name, -1);
      if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".png"))
        {
          const char *ext = filter != NULL && g_object_get_data (G_OBJECT (filter), "ld-png") ? "png" : "pdf";
          g_autofree char *full = g_strdup_printf ("%s.%s", name, ext);
          g_autoptr(GFile) parent = g_file_get_parent (chosen);

          file = g_file_get_child (parent, full);
          g_free (name);
          name = g_steal_pointer (&full);
        }
      else
        file = g_object_ref (chosen);
    }
  g_clear_object (&self->chooser);

  if (file == NULL || self->result == NULL)
    return;

  if (!ld_window_export_dashboard (self, file, &error))
    {
      ld_window_toast (self, error->message);
      return;
    }

  ld_file_chooser_remember (file);
  {
    g_autofree char *message = g_strdup_printf (_("Saved %s"), name);

    ld_window_toast_saved (self, message, file);
  }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->result == NULL)
    return;

  name = suggested_name (self, "dashboard", "pdf");
  gtk_file_filter_set_name (pdf, _("PDF document (pages with page numbers)"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (png, _("PNG image (one long picture)"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_add_suffix (png, "png");
  g_object_set_data (G_OBJECT (png), "ld-png", GINT_TO_POINTER (TRUE));

  g_clear_object (&self->chooser);
  self->chooser = ld_file_chooser_new (widget, _("Export Dashboard"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                       _("_Export"), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), png);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- a customer's page ----------------------------------------------------------- */

/* A row of Analysis › Customers or of Adoption: the customer's id. */
static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ld_window_show_customer (LD_WINDOW (widget), g_variant_get_uint32 (parameter), NULL);
}

/* A value of the Customer name filter: every customer by that name. */
static void
show_customer_name_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ld_window_show_customer (LD_WINDOW (widget), G_MAXUINT32, g_variant_get_string (parameter, NULL));
}

static void
close_customer_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ld_window_close_customer (LD_WINDOW (widget));
}

/* Send Dashboard by Email attaches exactly what Export Dashboard writes as a PDF. */
static gboolean
write_dashboard_for_email (GFile    *file,
                           gpointer  user_data,
                           GError  **error)
{
  return ld_window_export_dashboard (LD_WINDOW (user_data), file, error);
}

static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->result == NULL)
    return;

  name = suggested_name (self, "dashboard", "pdf");
  ld_email_composer_send_report (GTK_WIDGET (self->toast_overlay), NULL, self->query, self->result,
                                 name, write_dashboard_for_email, self);
}

/* ---- messages -------------------------------------------------------------------- */

/* Cards have no toast overlay: their menus' messages ("Image copied", why a save
 * failed) come here as win.toast. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* "Saved licenses.csv", with Open: a save's toast offers the file it wrote. Cards
 * and the customer's page send theirs here as win.saved (message, URI). */
AdwToast *
ld_window_toast_saved (LdWindow   *self,
                       const char *message,
                       GFile      *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (message);

  /* Translators: a toast's button that opens the file just saved. */
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-saved");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  g_set_weak_pointer (&self->last_saved_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

static void
saved_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  const char *message, *uri;
  g_autoptr(GFile) file = NULL;

  g_variant_get (parameter, "(&s&s)", &message, &uri);
  file = g_file_new_for_uri (uri);
  ld_window_toast_saved (LD_WINDOW (widget), message, file);
}

static void
open_saved_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: a toast when no application opened a saved file; %s says why. */
      g_autofree char *message = g_strdup_printf (_("The file could not be opened: %s"), error->message);

      ld_window_toast (self, message);
    }
}

/* Opens the saved file in the application the user chose for its type; in the
 * Flatpak this goes through the OpenURI portal. */
static void
open_saved_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GAppLaunchContext) context =
    G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context, NULL,
                                           open_saved_done_cb, g_object_ref (widget));
}

/* ---- the Open Recent menu -------------------------------------------------------- */

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (tb, ta);
}

/* How many sets of downloads Open Recent remembers. */
#define RECENT_SETS 5

/* The recent-files store holds single files, so a set opened together is kept in
 * GSettings (recent-sets: each set its files' URIs, newest first); each file is a
 * recent file of its own as well. */
void
ld_window_remember_set (LdWindow  *self,
                        GPtrArray *files)
{
  g_autoptr(GVariant) old = NULL;
  g_auto(GStrv) uris = NULL;
  GVariantBuilder sets;
  GVariantIter iter;
  GVariant *set;
  guint kept = 1;

  if (self->settings == NULL || files == NULL || files->len < 2)
    return;

  uris = g_new0 (char *, files->len + 1);
  for (guint i = 0; i < files->len; i++)
    uris[i] = g_file_get_uri (files->pdata[i]);

  g_variant_builder_init (&sets, G_VARIANT_TYPE ("aas"));
  g_variant_builder_add_value (&sets, g_variant_new_strv ((const char *const *) uris, -1));
  old = g_settings_get_value (self->settings, "recent-sets");
  g_variant_iter_init (&iter, old);
  while ((set = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autofree const char **strv = g_variant_get_strv (set, NULL);

      /* The same set again moves to the top rather than show twice. */
      if (kept < RECENT_SETS && !g_strv_equal ((const char *const *) strv, (const char *const *) uris))
        {
          g_variant_builder_add_value (&sets, set);
          kept++;
        }
      g_variant_unref (set);
    }
  g_settings_set_value (self->settings, "recent-sets", g_variant_builder_end (&sets));
}

/* The remembered sets whose files are all still there. */
static void
add_recent_sets (LdWindow *self)
{
  g_autoptr(GVariant) sets = NULL;
  GVariantIter iter;
  GVariant *set;

  if (self->settings == NULL)
    return;

  sets = g_settings_get_value (self->settings, "recent-sets");
  g_variant_iter_init (&iter, sets);
  while ((set = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autofree const char **uris = g_variant_get_strv (set, NULL);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      gboolean present = uris[0] != NULL;
      guint n = g_strv_length ((char **) uris);

      for (guint i = 0; present && uris[i] != NULL; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
          g_autofree char *name = g_file_get_basename (file);

          present = g_file_query_exists (file, NULL);
          g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
        }
      if (present)
        {
          /* Translators: a set of downloads in Open Recent, "3 reports: a.csv, b.csv, c.csv". */
          label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report: %s", "%u reports: %s", n),
                                   n, names->str);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, "win.open-recent-set", set);
          g_menu_append_item (self->recent_section, item);
        }
      g_variant_unref (set);
    }
}

/* Rebuilt when the recent files change, not on every refresh: listing them reads
 * the recent-files store, which a filter click has no reason to touch. */
void
ld_window_update_recent (LdWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint shown = 0;

  g_menu_remove_all (self->recent_section);
  add_recent_sets (self);

  /* Newest first; only reports this app can open. */
  items = g_list_sort (items, compare_recent_newest_first);
  for (GList *l = items; l != NULL && shown < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *mime = gtk_recent_info_get_mime_type (info);
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_exists (info))
        continue;
      if (g_strcmp0 (mime, "text/csv") != 0 && g_strcmp0 (mime, "text/tab-separated-values") != 0 &&
          !g_str_has_suffix (uri, ".csv") && !g_str_has_suffix (uri, ".tsv"))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_section, item);
      shown++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* ---- what can be done now, and the actions --------------------------------------- */

void
ld_window_update_actions (LdWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_report = self->report != NULL;
  /* A report with no row shows why instead of the dashboard: nothing to filter. */
  gboolean has_rows = has_report && ld_report_get_n_rows (self->report) > 0;

  gtk_widget_action_set_enabled (widget, "win.reload", has_report && self->load_job == NULL);
  gtk_widget_action_set_enabled (widget, "win.add-report",
                                 has_report && self->files != NULL && self->load_job == NULL);
  gtk_widget_action_set_enabled (widget, "win.cancel-load", self->load_job != NULL);
  gtk_widget_action_set_enabled (widget, "win.download-data", has_report);
  gtk_widget_action_set_enabled (widget, "win.export", has_report && self->result != NULL);
  gtk_widget_action_set_enabled (widget, "win.send-email", has_report && self->result != NULL);
  gtk_widget_action_set_enabled (widget, "win.range", has_report);
  gtk_widget_action_set_enabled (widget, "win.custom-range", has_report);
  gtk_widget_action_set_enabled (widget, "win.toggle-filter", has_report);
  gtk_widget_action_set_enabled (widget, "win.clear-filter", has_report);
  gtk_widget_action_set_enabled (widget, "win.clear-filters",
                                 has_report && ld_filter_sidebar_get_n_active (self->sidebar) > 0);
  gtk_widget_action_set_enabled (widget, "win.search-filters", has_report);
  gtk_widget_action_set_enabled (widget, "win.toggle-sidebar", has_rows);
  gtk_widget_action_set_enabled (widget, "win.show-customer", has_report && self->result != NULL);
  gtk_widget_action_set_enabled (widget, "win.show-customer-name", has_report && self->result != NULL);
  gtk_widget_action_set_enabled (widget, "win.close-customer", ld_window_is_customer_shown (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), has_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->download_button), has_rows && !self->compact);
  gtk_widget_set_visible (GTK_WIDGET (self->date_range_button), has_rows);
}

void
ld_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.add-report", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent-set", "as", open_recent_set_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_property_action (widget_class, "win.range", "range");
  gtk_widget_class_install_action (widget_class, "win.custom-range", "(ii)", custom_range_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-filter", "(ss)", toggle_filter_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filter", "s", clear_filter_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.search-filters", NULL, search_filters_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "sidebar-visible");
  gtk_widget_class_install_action (widget_class, "win.download-data", NULL, download_data_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.send-email", NULL, send_email_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.saved", "(ss)", saved_action);
  gtk_widget_class_install_action (widget_class, "win.open-saved", "s", open_saved_action);
  gtk_widget_class_install_action (widget_class, "win.focus-next-pane", NULL, focus_next_pane_action);
  gtk_widget_class_install_action (widget_class, "win.focus-previous-pane", NULL, focus_previous_pane_action);
  gtk_widget_class_install_action (widget_class, "win.show-customer", "u", show_customer_action);
  gtk_widget_class_install_action (widget_class, "win.show-customer-name", "s", show_customer_name_action);
  gtk_widget_class_install_action (widget_class, "win.close-customer", NULL, close_customer_action);

  /* Escape leaves a customer's page when nothing inside took the key first (a
   * search entry clears its search, a popover closes); the action is off on the
   * dashboard, so there the key goes on as before. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-customer", NULL);

  /* The keyboard shortcuts are the application's accels (ld-application.c), so the
   * shortcuts window lists the keys that work. */
}
