/* ld-window.c — a window showing one License report as a dashboard
 *
 * The window owns the report, the query and the latest result; the sidebar, the date
 * range button and the cards only display them and ask for changes through the
 * window's actions (ld-window-actions.c), so every change goes through one place:
 * change the query, ld_window_refresh().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
/* PRIu64 rather than G_GUINT64_FORMAT in translatable strings: xgettext knows
 * the former and would cut the message at the latter. */
#include <inttypes.h>

#include "ld-a11y.h"
#include "ld-chart-format.h"
#include "ld-describe.h"
#include "ld-file-chooser.h"
#include "ld-loader.h"
#include "ld-sample.h"
#include "ld-settings.h"
#include "ld-window-private.h"

G_DEFINE_FINAL_TYPE (LdWindow, ld_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_RANGE,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
load_job_free (LdLoadJob *job)
{
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_free (job);
}

/* A new array holding @n_files references. */
static GPtrArray *
files_new (GFile *const *files,
           guint         n_files)
{
  GPtrArray *array = g_ptr_array_new_full (n_files, g_object_unref);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (array, g_object_ref (files[i]));

  return array;
}

/* "Jan 2026 – Jun 2026", or "Jan 2026 – Mar 2026, May 2026": the months several
 * downloads cover, their gaps shown. */
static char *
describe_months_covered (LdReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const LdMonthSpan *spans;
  guint n_spans = 0;

  spans = ld_report_get_months_covered (report, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      g_autofree char *range = ld_describe_range (spans[i].from, spans[i].to);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, range);
    }

  return n_spans > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup (_("No rows"));
}

static void
ld_window_update_title (LdWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) names = NULL;
  guint n_files;

  if (self->report == NULL)
    {
      adw_window_title_set_title (self->window_title, _("License Dashboard"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), NULL);
      gtk_label_set_label (self->narrow_title, _("License Dashboard"));
      gtk_label_set_label (self->narrow_subtitle, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->narrow_subtitle), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("License Dashboard"));
      return;
    }

  n_files = ld_report_get_n_files (self->report);
  if (n_files > 1)
    {
      /* SPEC §7: the title counts the downloads, the subtitle says the months they
       * cover; their names are a tooltip away. */
      /* Translators: the window's title for several downloads opened as one history. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n_files), n_files);
      subtitle = describe_months_covered (self->report);
      names = g_string_new (NULL);
      for (guint i = 0; i < n_files; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? "\n" : "",
                                ld_report_get_file (self->report, i)->display_name);
    }
  else
    {
      title = g_strdup (ld_report_get_display_name (self->report));
      subtitle = ld_describe_data (self->report);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), names != NULL ? names->str : NULL);
  gtk_label_set_label (self->narrow_title, title);
  gtk_label_set_label (self->narrow_subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->narrow_subtitle), subtitle != NULL);
  gtk_widget_set_tooltip_text (self->narrow_title_box, names != NULL ? names->str : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
ld_window_refresh (LdWindow *self)
{
  gint64 start = g_get_monotonic_time (), step = start;
  g_autofree char *summary = NULL;

/* Each step's time, for bench/ld-bench-window. */
#define STEP_DONE(part) G_STMT_START { \
    gint64 now_ = g_get_monotonic_time (); \
    self->refresh_part_usec[part] = now_ - step; \
    step = now_; \
  } G_STMT_END

  g_clear_pointer (&self->result, ld_result_unref);
  if (self->query != NULL)
    self->result = ld_query_run (self->query);
  STEP_DONE (LD_WINDOW_REFRESH_QUERY);

  ld_filter_sidebar_update (self->sidebar, self->query, self->result);
  STEP_DONE (LD_WINDOW_REFRESH_SIDEBAR);
  ld_date_range_button_update (self->date_range_button, self->query);
  STEP_DONE (LD_WINDOW_REFRESH_RANGE);
  ld_card_update (self->customers_card, self->query, self->result);
  STEP_DONE (LD_WINDOW_REFRESH_CUSTOMERS);
  ld_card_update (self->licenses_card, self->query, self->result);
  STEP_DONE (LD_WINDOW_REFRESH_LICENSES);
  ld_card_update (self->analysis_card, self->query, self->result);
  STEP_DONE (LD_WINDOW_REFRESH_ANALYSIS);
  ld_card_update (self->adoption_card, self->query, self->result);
  STEP_DONE (LD_WINDOW_REFRESH_ADOPTION);
  ld_card_update (self->states_card, self->query, self->result);
  STEP_DONE (LD_WINDOW_REFRESH_STATES);
  ld_card_update (self->geo_card, self->query, self->result);
  STEP_DONE (LD_WINDOW_REFRESH_GEO);
  /* A customer's page counts with the window's range and filters too. */
  if (ld_window_is_customer_shown (self))
    ld_customer_view_update (self->customer_view, self->query);

  /* The line above the cards is always there, one line high (the whole text in its
   * tooltip): a filter ticked on the map must not push the map down under the pointer
   * before the next click. */
  summary = self->query != NULL ? ld_describe_filters (self->query, 3) : NULL;
  if (summary == NULL || summary[0] == '\0')
    {
      g_free (summary);
      summary = g_strdup (_("No filters: every offer, customer and country in the range"));
    }
  gtk_label_set_label (self->filter_summary_label, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_summary_label), summary);

  ld_window_update_actions (self);
  STEP_DONE (LD_WINDOW_REFRESH_REST);
#undef STEP_DONE
  self->last_refresh_usec = g_get_monotonic_time () - start;
  g_debug ("Dashboard refresh: %.2f ms", self->last_refresh_usec / 1000.0);
}

void
ld_window_toast (LdWindow   *self,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The preset of win.range's state; "custom" (the query keeps its months) and
 * anything unknown read as the default. */
static LdRangePreset
preset_from_string (const char *range)
{
  LdRangePreset preset;

  if (range == NULL || !ld_range_parse (range, &preset, NULL, NULL) || preset == LD_RANGE_CUSTOM)
    return LD_RANGE_LAST_6;
  return preset;
}

void
ld_window_set_range (LdWindow   *self,
                     const char *range)
{
  if (g_strcmp0 (self->range, range) == 0)
    return;

  g_free (self->range);
  self->range = g_strdup (range);

  if (self->query != NULL && g_strcmp0 (range, "custom") != 0)
    {
      ld_query_set_range_preset (self->query, preset_from_string (range));
      ld_window_refresh (self);
    }
  if (self->settings != NULL && g_strcmp0 (range, "custom") != 0)
    g_settings_set_string (self->settings, "range-preset", range);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

/* The file monitors: a browser saving a new download over one of the open files. */
static void
monitor_changed_cb (LdWindow          *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  AdwToast *toast;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  if (self->change_toast_shown || self->load_job != NULL)
    return;

  self->change_toast_shown = TRUE;
  toast = adw_toast_new (_("The report changed on disk"));
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "win.reload");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
ld_window_unwatch_files (LdWindow *self)
{
  for (guint i = 0; self->monitors != NULL && i < self->monitors->len; i++)
    g_file_monitor_cancel (self->monitors->pdata[i]);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
}

static void
ld_window_watch_files (LdWindow  *self,
                       GPtrArray *files)
{
  ld_window_unwatch_files (self);
  self->change_toast_shown = FALSE;

  if (files == NULL)
    return;

  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    {
      GFileMonitor *monitor = g_file_monitor_file (files->pdata[i], G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);

      if (monitor == NULL)
        continue;
      g_signal_connect_object (monitor, "changed", G_CALLBACK (monitor_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->monitors, monitor);
    }
}

/* What the window shows for the report on screen: nothing open, the dashboard, or —
 * for a report with a header and no row — why there is nothing to count, where the
 * cards would be (a toast would vanish, and every card would say "No data"). */
static void
ld_window_show_report_page (LdWindow *self)
{
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  guint n_files;
  guint64 skipped;

  if (self->report == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (ld_report_get_n_rows (self->report) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "report");
      return;
    }

  n_files = ld_report_get_n_files (self->report);
  skipped = ld_report_get_rows_skipped (self->report);
  if (n_files > 1)
    /* Translators: names the downloads of a report with no row, "Each of these 2 reports"
     * (the sentence goes on "has a header but no rows"). */
    name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This %u report", "Each of these %u reports", n_files),
                            n_files);
  else
    /* Translators: the file of a report with no row, in quotes. */
    name = g_strdup_printf (_("“%s”"), ld_report_get_display_name (self->report));

  if (skipped > 0)
    {
      g_autofree char *count = ld_chart_format_count (skipped);

      /* Translators: %s is "“licenses.csv”" (or "Each of these 2 reports"), then a number of rows. */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s has a header, and its only row could not be read. "
                                                  "Fix the file, download the License report from Partner "
                                                  "Center again, or open another file.",
                                                  "%s has a header, and none of its %s rows could be read. "
                                                  "Fix the file, download the License report from Partner "
                                                  "Center again, or open another file.",
                                                  skipped),
                                     name, count);
    }
  else
    /* Translators: %s is "“licenses.csv”" (or "Each of these 2 reports"). */
    description = g_strdup_printf (_("%s has a header but no rows of licenses. In Partner Center, "
                                     "download the License report for a period in which you had "
                                     "licenses, or open another file."),
                                   name);
  adw_status_page_set_description (self->no_rows_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->no_rows_skipped_button), skipped > 0);
  gtk_stack_set_visible_child_name (self->stack, "no-rows");
}

static void
ld_window_set_report (LdWindow  *self,
                      LdReport  *report,
                      GPtrArray *files)
{
  /* A customer of the old report is none of the new one's. */
  ld_window_close_customer (self);
  ld_customer_view_clear (self->customer_view);

  g_set_object (&self->report, report);
  if (files != self->files)
    {
      g_clear_pointer (&self->files, g_ptr_array_unref);
      self->files = files != NULL ? g_ptr_array_ref (files) : NULL;
    }
  g_clear_object (&self->query);

  if (report != NULL)
    {
      self->query = ld_query_new (report);
      if (g_strcmp0 (self->range, "custom") == 0)
        {
          /* A custom range belongs to the data it was picked on: a new report starts
           * from the preset the user chose last. */
          g_free (self->range);
          self->range = self->settings != NULL ? g_settings_get_string (self->settings, "range-preset")
                                               : g_strdup ("last-6");
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
        }
      ld_query_set_range_preset (self->query, preset_from_string (self->range));
    }

  ld_window_watch_files (self, files);
  ld_window_update_title (self);
  ld_window_refresh (self);
  ld_window_show_report_page (self);
}

static gboolean
ld_window_progress_tick (gpointer user_data)
{
  LdWindow *self = user_data;
  guint64 done, total;

  if (self->load_job == NULL)
    return G_SOURCE_CONTINUE;

  done = __atomic_load_n (&self->load_job->bytes_done, __ATOMIC_RELAXED);
  total = __atomic_load_n (&self->load_job->bytes_total, __ATOMIC_RELAXED);
  if (total > 0)
    {
      double fraction = MIN (1.0, (double) done / (double) total);

      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      gtk_progress_bar_set_fraction (self->load_bar, fraction);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_pulse (self->load_bar);
    }

  return G_SOURCE_CONTINUE;
}

static void
load_progress_cb (guint64  bytes_done,
                  guint64  bytes_total,
                  gpointer user_data)
{
  LdLoadJob *job = user_data;

  /* Written here in the worker, read by the window's timer on the main thread. */
  __atomic_store_n (&job->bytes_total, bytes_total, __ATOMIC_RELAXED);
  __atomic_store_n (&job->bytes_done, bytes_done, __ATOMIC_RELAXED);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LdLoadJob *job = task_data;
  GError *error = NULL;
  LdReport *report;

  if (job->files != NULL && job->files->len == 1)
    report = ld_loader_load_file (job->files->pdata[0], cancellable, load_progress_cb, job, &error);
  else if (job->files != NULL)
    report = ld_loader_load_files ((GFile *const *) job->files->pdata, job->files->len, cancellable,
                                   load_progress_cb, job, &error);
  else
    report = ld_sample_load (cancellable, load_progress_cb, job, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static void
ld_window_end_loading (LdWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->load_cancellable);
  self->load_job = NULL;
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
}

/* A bad row's reason without the advice every reason ends with: the dialog gives
 * the advice once. When a translation words them apart, the reason stays whole. */
static char *
reason_without_advice (const char *reason,
                       const char *advice)
{
  gsize n = strlen (reason), m = strlen (advice);

  if (n > m + 1 && g_str_has_suffix (reason, advice) && reason[n - m - 1] == ' ')
    return g_strndup (reason, n - m - 1);
  return g_strdup (reason);
}

static GtkWidget *
skipped_cell (const char   *text,
              GtkSizeGroup *group,
              gboolean      numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (group != NULL)
    gtk_size_group_add_widget (group, label);
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

static GtkWidget *
skipped_row_box (GtkWidget    *line,
                 GtkWidget    *column,
                 GtkWidget    *reason)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), column);
  gtk_box_append (GTK_BOX (box), reason);
  return box;
}

/* The Skipped Rows window: the rows that could not be read as a list of line,
 * column and reason, and what to do about them once. Each row tells a screen
 * reader "Line 12, column 3: …". */
GtkWindow *
ld_window_present_skipped (LdWindow *self)
{
  const GArray *bad;
  guint64 skipped;
  guint n_files;
  const char *advice = _("Correct the cell, or download the report again.");
  g_autoptr(GtkSizeGroup) line_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autoptr(GtkSizeGroup) column_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  GtkWidget *window, *content, *header, *scroller, *clamp, *box, *label, *list, *heads;
  GtkEventController *shortcuts;

  if (self->report == NULL)
    return NULL;

  bad = ld_report_get_bad_rows (self->report);
  skipped = ld_report_get_rows_skipped (self->report);
  n_files = ld_report_get_n_files (self->report);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Skipped Rows"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 520);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  label = gtk_label_new (_("These rows could not be read and are not counted. "
                           "The rest of the report is shown."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  /* The advice once, above the list, rather than at the end of every reason. */
  label = gtk_label_new (advice);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_name (label, "advice");
  gtk_box_append (GTK_BOX (box), label);

  /* The columns' headings, lined up with the rows by the size groups. */
  heads = skipped_row_box (skipped_cell (_("Line"), line_group, TRUE),
                           skipped_cell (_("Column"), column_group, FALSE),
                           skipped_cell (_("Reason"), NULL, FALSE));
  gtk_widget_set_margin_top (heads, 6);
  gtk_widget_set_margin_bottom (heads, 0);
  gtk_widget_add_css_class (heads, "heading");
  /* Each row says its line and column in words: the headings are for the eye. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (heads), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), heads);

  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "skipped-rows");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Skipped rows"), -1);
  for (guint i = 0; bad != NULL && i < bad->len; i++)
    {
      const LdBadRow *row = &g_array_index (bad, LdBadRow, i);
      g_autofree char *reason = reason_without_advice (row->reason, advice);
      g_autofree char *line = NULL;
      g_autofree char *column = NULL;
      g_autofree char *spoken = NULL;
      GtkWidget *item = gtk_list_box_row_new ();

      if (n_files > 1)
        /* Translators: where a skipped row is when several files are open: "licenses.csv: 12". */
        line = g_strdup_printf (_("%s: %" PRIu64), ld_report_get_file (self->report, row->file)->display_name,
                                row->line);
      else
        line = g_strdup_printf ("%" PRIu64, row->line);
      if (row->column >= 0 && row->column_name != NULL)
        /* Translators: a skipped row's column: its number, then its name, "3 ActivationDate". */
        column = g_strdup_printf (_("%d %s"), row->column + 1, row->column_name);
      else if (row->column >= 0)
        column = g_strdup_printf ("%d", row->column + 1);
      else
        /* Translators: a skipped row at fault as a whole, not in one column. */
        column = g_strdup (_("Whole row"));

      {
        g_autofree char *where = NULL;

        if (row->column >= 0)
          /* Translators: what a screen reader says of a skipped row, "Line 12, column 3". */
          where = g_strdup_printf (_("Line %" PRIu64 ", column %d"), row->line, row->column + 1);
        else
          /* Translators: the same for a row at fault as a whole, "Line 12". */
          where = g_strdup_printf (_("Line %" PRIu64), row->line);
        if (n_files > 1)
          /* Translators: a skipped row of one of several files: "licenses.csv — Line 12, column 3: …". */
          spoken = g_strdup_printf (_("%s — %s: %s"), ld_report_get_file (self->report, row->file)->display_name,
                                    where, reason);
        else
          /* Translators: "Line 12, column 3: ActivationDate "x" is not a date…". */
          spoken = g_strdup_printf (_("%s: %s"), where, reason);
      }

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item),
                                  skipped_row_box (skipped_cell (line, line_group, TRUE),
                                                   skipped_cell (column, column_group, FALSE),
                                                   skipped_cell (reason, NULL, FALSE)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      gtk_widget_set_tooltip_text (item, spoken);
      gtk_list_box_append (GTK_LIST_BOX (list), item);
    }
  gtk_box_append (GTK_BOX (box), list);

  if (bad != NULL && skipped > bad->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %" PRIu64 " more row.",
                                                            "…and %" PRIu64 " more rows.",
                                                            skipped - bad->len),
                                               skipped - bad->len);

      label = gtk_label_new (more);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (window), content);

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
ld_window_show_skipped (LdWindow *self)
{
  ld_window_present_skipped (self);
}

static void
skipped_details_cb (AdwToast *toast,
                    LdWindow *self)
{
  ld_window_show_skipped (self);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LdWindow *self = LD_WINDOW (source);
  LdLoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(GPtrArray) files = NULL;

  /* A newer load replaced this one: its result is stale. */
  if (job != self->load_job)
    return;

  files = job->files != NULL ? g_ptr_array_ref (job->files) : NULL;
  ld_window_end_loading (self);
  report = g_task_propagate_pointer (G_TASK (result), &error);

  if (report == NULL)
    {
      /* Whatever was open stays open (SPEC §2). */
      ld_window_show_report_page (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwMessageDialog *dialog;

          g_free (self->last_error);
          self->last_error = g_strdup (error->message);
          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                               _("The Report Could Not Be Opened"),
                                                               error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  g_clear_pointer (&self->last_error, g_free);
  ld_window_set_report (self, report, files);

  /* Each file is a recent file of its own; several are remembered as a set too. */
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      g_autofree char *uri = g_file_get_uri (files->pdata[i]);

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      ld_file_chooser_remember (files->pdata[i]);
    }
  if (files != NULL && files->len > 1)
    ld_window_remember_set (self, files);

  if (ld_report_get_rows_skipped (report) > 0)
    {
      guint64 skipped = ld_report_get_rows_skipped (report);
      g_autofree char *n = ld_chart_format_count (skipped);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row could not be read and was skipped",
                                      "%s rows could not be read and were skipped", skipped), n);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_timeout (toast, 0);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (skipped_details_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Takes @files (NULL: the sample). */
static void
ld_window_start_load (LdWindow  *self,
                      GPtrArray *files)
{
  g_autoptr(GTask) task = NULL;
  LdLoadJob *job;
  g_autofree char *name = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  ld_window_end_loading (self);

  job = g_new0 (LdLoadJob, 1);
  job->files = files;
  self->load_job = job;
  self->load_cancellable = g_cancellable_new ();

  if (files == NULL)
    name = g_strdup (_("Sample report"));
  else if (files->len == 1)
    name = g_file_get_basename (files->pdata[0]);
  else
    /* Translators: what loads, for several downloads opened as one history. */
    name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", files->len), files->len);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_fraction (self->load_bar, 0.0);
  adw_status_page_set_description (self->loading_page, name);
  {
    /* Translators: shown above the open report while another one loads. */
    g_autofree char *text = g_strdup_printf (_("Opening %s…"), name);
    gtk_label_set_label (self->load_label, text);
  }

  /* With a report on screen, it stays there while the next one loads. */
  if (self->report != NULL)
    gtk_revealer_set_reveal_child (self->load_revealer, TRUE);
  else
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->progress_source = g_timeout_add (50, ld_window_progress_tick, self);

  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, ld_window_start_load);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
  ld_window_update_actions (self);
}

void
ld_window_open_file (LdWindow *self,
                     GFile    *file)
{
  g_return_if_fail (LD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ld_window_open_files (self, &file, 1);
}

void
ld_window_open_files (LdWindow     *self,
                      GFile *const *files,
                      guint         n_files)
{
  g_return_if_fail (LD_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  ld_window_start_load (self, files_new (files, n_files));
}

void
ld_window_add_files (LdWindow     *self,
                     GFile *const *files,
                     guint         n_files)
{
  GPtrArray *all;

  g_return_if_fail (LD_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  if (self->report == NULL || self->files == NULL)
    {
      ld_window_open_files (self, files, n_files);
      return;
    }

  /* The downloads on screen first, then the new ones; a file already there stays
   * where it is rather than count twice. */
  all = files_new ((GFile *const *) self->files->pdata, self->files->len);
  for (guint i = 0; i < n_files; i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < all->len && !known; k++)
        known = g_file_equal (all->pdata[k], files[i]);
      if (!known)
        g_ptr_array_add (all, g_object_ref (files[i]));
    }
  ld_window_start_load (self, all);
}

void
ld_window_open_sample (LdWindow *self)
{
  g_return_if_fail (LD_IS_WINDOW (self));

  ld_window_start_load (self, NULL);
}

void
ld_window_reload (LdWindow *self)
{
  g_return_if_fail (LD_IS_WINDOW (self));

  if (self->report == NULL)
    return;
  ld_window_start_load (self, self->files != NULL ? g_ptr_array_ref (self->files) : NULL);
}

GPtrArray *
ld_window_get_files (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);
  return self->files;
}

void
ld_window_cancel_load (LdWindow *self)
{
  g_return_if_fail (LD_IS_WINDOW (self));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

LdReport *
ld_window_get_report (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);
  return self->report;
}

LdQuery *
ld_window_get_query (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);
  return self->query;
}

LdResult *
ld_window_get_result (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);
  return self->result;
}

gboolean
ld_window_is_loading (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), FALSE);
  return self->load_job != NULL;
}

const char *
ld_window_get_last_error (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);
  return self->last_error;
}

LdCard *
ld_window_get_card (LdWindow   *self,
                    LdWidgetId  widget)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);

  switch (widget)
    {
    case LD_WIDGET_CUSTOMERS: return self->customers_card;
    case LD_WIDGET_LICENSES: return self->licenses_card;
    case LD_WIDGET_ANALYSIS_PRODUCTS:
    case LD_WIDGET_ANALYSIS_CUSTOMERS: return self->analysis_card;
    case LD_WIDGET_GEO: return self->geo_card;
    case LD_WIDGET_ADOPTION: return self->adoption_card;
    case LD_WIDGET_STATES: return self->states_card;
    case LD_WIDGET_SUMMARY:
    case LD_WIDGET_DATA:
    case LD_N_WIDGETS:
    default:
      return NULL;
    }
}

/* ---- a customer's page ----------------------------------------------------------- */

static void leaflet_transition_cb (LdWindow *self);

gboolean
ld_window_show_customer (LdWindow   *self,
                         guint32     customer,
                         const char *name)
{
  const char *code = NULL;
  GtkWidget *focus;

  g_return_val_if_fail (LD_IS_WINDOW (self), FALSE);

  if (self->result == NULL)
    return FALSE;

  /* A row names its customer by id: its name and country come from the table. */
  if (customer != G_MAXUINT32)
    {
      const LdCustomerRow *rows;
      guint n = 0;

      name = NULL;
      rows = ld_result_get_customers_table (self->result, &n);
      for (guint i = 0; i < n && name == NULL; i++)
        if (rows[i].customer == customer)
          {
            name = rows[i].name != NULL ? rows[i].name : "";
            code = rows[i].country_code;
          }
    }
  if (name == NULL)
    return FALSE;

  /* Back returns the keyboard to where the page was opened from. */
  focus = gtk_window_get_focus (GTK_WINDOW (self));
  if (!ld_window_is_customer_shown (self))
    g_set_weak_pointer (&self->focus_before_customer, focus);

  ld_customer_view_show (self->customer_view, self->query, customer, name, code);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_view), TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "customer");
  ld_customer_view_focus (self->customer_view);
  ld_window_update_actions (self);

  return TRUE;
}

gboolean
ld_window_close_customer (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), FALSE);

  if (!ld_window_is_customer_shown (self))
    return FALSE;

  adw_leaflet_set_visible_child_name (self->leaflet, "dashboard");
  /* Without animations there is no transition to wait for. */
  leaflet_transition_cb (self);
  if (self->focus_before_customer != NULL && gtk_widget_is_visible (self->focus_before_customer))
    gtk_widget_grab_focus (self->focus_before_customer);
  g_clear_weak_pointer (&self->focus_before_customer);
  ld_window_update_actions (self);

  return TRUE;
}

gboolean
ld_window_is_customer_shown (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), FALSE);

  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "customer") == 0;
}

/* A swipe back reaches the dashboard without win.close-customer. */
static void
leaflet_child_changed_cb (LdWindow *self)
{
  ld_window_update_actions (self);
}

/* Once the page has slid away it is hidden: the leaflet then has one page to show,
 * and the accessibility tree no page that is not on the screen. */
static void
leaflet_transition_cb (LdWindow *self)
{
  if (!adw_leaflet_get_child_transition_running (self->leaflet) && !ld_window_is_customer_shown (self))
    gtk_widget_set_visible (GTK_WIDGET (self->customer_view), FALSE);
}

AdwToast *
ld_window_get_last_saved_toast (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);
  return self->last_saved_toast;
}

gboolean
ld_window_is_reload_offered (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), FALSE);
  return self->change_toast_shown;
}

gint64
ld_window_get_last_refresh_part_time (LdWindow            *self,
                                      LdWindowRefreshPart  part)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), 0);
  g_return_val_if_fail (part < LD_WINDOW_N_REFRESH_PARTS, 0);

  return self->refresh_part_usec[part];
}

gint64
ld_window_get_last_refresh_time (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), 0);
  return self->last_refresh_usec;
}

/* GTK 4.8 and libadwaita 1.2 have no breakpoints: the window watches its own width
 * and folds the header bar's labels away when narrow, so it fits 360 px. With a gap
 * between the two thresholds a resize cannot flip it back and forth. */
#define COMPACT_BELOW 720
#define WIDE_FROM 760

void
ld_window_set_compact (LdWindow *self,
                       gboolean  compact)
{
  self->compact = compact;
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->open_icon_button), compact);
  /* The title leaves the header bar for a band below it, where it may wrap: the
   * header bar keeps its room for the buttons and the range. */
  gtk_widget_set_visible (GTK_WIDGET (self->window_title), !compact);
  gtk_widget_set_visible (self->narrow_title_box, compact);
  /* The range button, with its text, goes with the title: beside the window's own
   * buttons the header bar has room for icons only. */
  if (compact != (gtk_widget_get_parent (GTK_WIDGET (self->date_range_button)) == self->narrow_title_box))
    {
      g_object_ref (self->date_range_button);
      if (compact)
        {
          adw_header_bar_remove (self->header_bar, GTK_WIDGET (self->date_range_button));
          gtk_widget_set_halign (GTK_WIDGET (self->date_range_button), GTK_ALIGN_CENTER);
          gtk_widget_set_margin_top (GTK_WIDGET (self->date_range_button), 6);
          gtk_box_append (GTK_BOX (self->narrow_title_box), GTK_WIDGET (self->date_range_button));
        }
      else
        {
          gtk_box_remove (GTK_BOX (self->narrow_title_box), GTK_WIDGET (self->date_range_button));
          gtk_widget_set_halign (GTK_WIDGET (self->date_range_button), GTK_ALIGN_FILL);
          gtk_widget_set_margin_top (GTK_WIDGET (self->date_range_button), 0);
          /* The last "end" child packed is the first from the title. */
          adw_header_bar_pack_end (self->header_bar, GTK_WIDGET (self->date_range_button));
        }
      g_object_unref (self->date_range_button);
    }
  ld_date_range_button_set_compact (self->date_range_button, compact);
  ld_window_update_actions (self);
}

static gboolean
compact_idle_cb (gpointer user_data)
{
  LdWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->compact_idle = 0;
  if (!self->compact && width < COMPACT_BELOW)
    ld_window_set_compact (self, TRUE);
  else if (self->compact && width >= WIDE_FROM)
    ld_window_set_compact (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* A window asked to open narrow (a remembered size, a phone) starts compact: the
 * wide header bar's minimum would otherwise hold it wider than asked. */
static void
default_width_cb (LdWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!self->compact && width > 0 && width < COMPACT_BELOW)
    ld_window_set_compact (self, TRUE);
}

static void
ld_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  LdWindow *self = LD_WINDOW (widget);

  GTK_WIDGET_CLASS (ld_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Changing what is visible during an allocation is not allowed: do it next. */
  if (self->compact_idle == 0 &&
      ((!self->compact && width < COMPACT_BELOW) || (self->compact && width >= WIDE_FROM)))
    self->compact_idle = g_idle_add (compact_idle_cb, self);
}

static gboolean
ld_window_close_request (GtkWindow *window)
{
  LdWindow *self = LD_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (ld_window_parent_class)->close_request (window);
}

static void
ld_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LdWindow *self = LD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_string (value, self->range);
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LdWindow *self = LD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      ld_window_set_range (self, g_value_get_string (value));
      break;
    case PROP_SIDEBAR_VISIBLE:
      if (self->sidebar_visible != g_value_get_boolean (value))
        {
          self->sidebar_visible = g_value_get_boolean (value);
          if (self->settings != NULL && !adw_flap_get_folded (self->flap))
            g_settings_set_boolean (self->settings, "sidebar-visible", self->sidebar_visible);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_window_dispose (GObject *object)
{
  LdWindow *self = LD_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_handle_id (&self->compact_idle, g_source_remove);
  g_clear_object (&self->load_cancellable);
  self->load_job = NULL;
  ld_window_unwatch_files (self);
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->focus_before_customer);
  g_clear_weak_pointer (&self->last_saved_toast);
  g_clear_pointer (&self->result, ld_result_unref);
  g_clear_object (&self->query);
  g_clear_object (&self->report);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_WINDOW);

  G_OBJECT_CLASS (ld_window_parent_class)->dispose (object);
}

static void
ld_window_finalize (GObject *object)
{
  LdWindow *self = LD_WINDOW (object);

  g_free (self->last_error);
  g_free (self->range);

  G_OBJECT_CLASS (ld_window_parent_class)->finalize (object);
}

static void
ld_window_class_init (LdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ld_window_dispose;
  object_class->finalize = ld_window_finalize;
  object_class->get_property = ld_window_get_property;
  object_class->set_property = ld_window_set_property;
  window_class->close_request = ld_window_close_request;
  widget_class->size_allocate = ld_window_size_allocate;

  /* "last-6", "last-12", "all" or "custom": the state of win.range. */
  properties[PROP_RANGE] =
    g_param_spec_string ("range", NULL, NULL, "last-6",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LD_TYPE_FILTER_SIDEBAR);
  g_type_ensure (LD_TYPE_DATE_RANGE_BUTTON);
  g_type_ensure (LD_TYPE_TREND_CARD);
  g_type_ensure (LD_TYPE_ANALYSIS_CARD);
  g_type_ensure (LD_TYPE_GEO_CARD);
  g_type_ensure (LD_TYPE_ADOPTION_CARD);
  g_type_ensure (LD_TYPE_CUSTOMER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LdWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, narrow_title_box);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, narrow_subtitle);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, open_icon_button);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, download_button);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, date_range_button);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, load_revealer);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, load_label);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, load_bar);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, drop_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, no_rows_page);
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, no_rows_skipped_button);
  gtk_widget_class_bind_template_callback (widget_class, ld_window_show_skipped);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, filter_summary_box);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, filter_summary_label);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, customers_card);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, licenses_card);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, analysis_card);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, geo_card);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, adoption_card);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, states_card);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, customer_view);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, recent_section);

  ld_window_class_init_actions (widget_class);
}

static void
online_tiles_changed_cb (LdWindow *self)
{
  ld_geo_card_set_online_tiles (LD_GEO_CARD (self->geo_card),
                                g_settings_get_boolean (self->settings, "online-map-tiles"));
}

static void
ld_window_init_settings (LdWindow *self)
{
  /* Run from a build tree without GSETTINGS_SCHEMA_DIR, there are none: work without
   * remembering rather than abort. */
  self->settings = ld_settings_get ();
  if (self->settings == NULL)
    {
      self->range = g_strdup ("last-6");
      self->sidebar_visible = TRUE;
      return;
    }

  g_signal_connect_object (self->settings, "changed::online-map-tiles",
                           G_CALLBACK (online_tiles_changed_cb), self, G_CONNECT_SWAPPED);
  /* A set of downloads opened in any window is in every window's Open Recent. */
  g_signal_connect_object (self->settings, "changed::recent-sets",
                           G_CALLBACK (ld_window_update_recent), self, G_CONNECT_SWAPPED);
  self->range = g_settings_get_string (self->settings, "range-preset");
  self->sidebar_visible = g_settings_get_boolean (self->settings, "sidebar-visible");
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  online_tiles_changed_cb (self);
}

/* LD_BENCH_STARTUP=1, for bench/ld-bench-startup: after the window's first frame,
 * and after the first frame that shows a report's figures, one line on standard
 * error with the time of the frame (g_get_monotonic_time(), the clock the benchmark
 * reads too); after the figures, the application quits. Nothing else changes. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      LdWindow      *self)
{
  if (!self->bench_first_frame)
    {
      self->bench_first_frame = TRUE;
      g_printerr ("LD_BENCH_STARTUP first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
    }
  if (self->result != NULL && !ld_window_is_loading (self))
    {
      g_printerr ("LD_BENCH_STARTUP figures %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
      g_application_quit (g_application_get_default ());
    }
}

static void
bench_realize_cb (LdWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (bench_after_paint_cb), self, 0);
}

static void
ld_window_init (LdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ld_window_init_settings (self);
  ld_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  ld_a11y_hide_tooltip_while_open (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), LD_TYPE_WINDOW,
                                                                                   "primary_menu_button")));

  g_object_bind_property (self, "sidebar-visible", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  ld_window_init_dnd (self);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (leaflet_child_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::child-transition-running",
                           G_CALLBACK (leaflet_transition_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (ld_window_update_recent), self, G_CONNECT_SWAPPED);
  ld_window_update_recent (self);
  ld_window_update_title (self);
  ld_window_refresh (self);
  if (g_strcmp0 (g_getenv ("LD_BENCH_STARTUP"), "1") == 0)
    g_signal_connect (self, "realize", G_CALLBACK (bench_realize_cb), NULL);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (default_width_cb), NULL);
  default_width_cb (self);
}

LdWindow *
ld_window_new (GtkApplication *application)
{
  return g_object_new (LD_TYPE_WINDOW, "application", application, NULL);
}
