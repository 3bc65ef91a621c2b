/* ld-window.c — a window showing one License report
 *
 * Thin for now: it loads a report in a worker thread and shows the summary figures.
 * The dashboard (sidebar, cards, charts) replaces the summary page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-loader.h"
#include "ld-window.h"

#define SAMPLE_RESOURCE "/io/github/licensedashboard/LicenseDashboard/sample-license-report.csv"

/* What a worker thread shares with the window while it loads: progress is written by
 * the worker and read by a timer on the main thread. */
typedef struct {
  GFile   *file;        /* NULL for the sample */
  guint64  bytes_done;  /* atomic access only */
  guint64  bytes_total; /* atomic access only */
} LoadJob;

struct _LdWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwStatusPage   *loading_page;
  GtkProgressBar  *progress_bar;
  GtkLabel        *customers_label;
  GtkLabel        *provisioned_label;
  GtkLabel        *assigned_label;
  GtkLabel        *rate_label;
  GtkLabel        *range_label;
  GtkLabel        *rows_label;

  LdReport        *report;
  LdQuery         *query;
  LdResult        *result;

  GCancellable    *load_cancellable;
  LoadJob         *load_job;
  guint            progress_source;
  char            *last_error;

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (LdWindow, ld_window, ADW_TYPE_APPLICATION_WINDOW)

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

static char *
format_count (guint64 value)
{
  /* The ' flag groups digits as the user's locale does (1,234 / 1.234 / 1 234). */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, value);
}

static char *
format_month (int month)
{
  g_autoptr(GDateTime) dt = NULL;

  if (month < 0)
    return g_strdup ("—");
  dt = g_date_time_new_utc (LD_MONTH_YEAR (month), LD_MONTH_OF_YEAR (month), 1, 0, 0, 0);
  /* Translators: a month in the date range, see strftime(3): "Nov 2026". */
  return g_date_time_format (dt, _("%b %Y"));
}

static void
ld_window_update_summary (LdWindow *self)
{
  g_autofree char *customers = NULL;
  g_autofree char *provisioned = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *range = NULL;
  g_autofree char *rows = NULL;
  gint64 hundredths;

  if (self->result == NULL)
    return;

  customers = format_count (ld_result_get_customers (self->result));
  provisioned = format_count (ld_result_get_provisioned (self->result));
  assigned = format_count (ld_result_get_assigned (self->result));
  hundredths = ld_result_get_assignment_rate (self->result);
  /* Translators: a percentage, "%.1f %%" → "87.5 %"; use your locale's spacing. */
  rate = g_strdup_printf (_("%.1f %%"), hundredths / 100.0);
  from = format_month (ld_result_get_from_month (self->result));
  to = format_month (ld_result_get_to_month (self->result));
  /* Translators: a date range of whole months, "Jun 2026 – Nov 2026". */
  range = g_strdup_printf (_("%s – %s"), from, to);
  rows = format_count (ld_result_get_rows (self->result));

  gtk_label_set_label (self->customers_label, customers);
  gtk_label_set_label (self->provisioned_label, provisioned);
  gtk_label_set_label (self->assigned_label, assigned);
  gtk_label_set_label (self->rate_label, rate);
  gtk_label_set_label (self->range_label, range);
  gtk_label_set_label (self->rows_label, rows);
}

static void
ld_window_update_title (LdWindow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->report == NULL)
    {
      adw_window_title_set_title (self->window_title, _("License Dashboard"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  if (ld_report_get_n_rows (self->report) > 0)
    {
      guint32 latest = ld_report_get_latest_date (self->report);
      g_autoptr(GDateTime) dt = g_date_time_new_utc (LD_DATE_YEAR (latest), LD_DATE_MONTH (latest),
                                                     LD_DATE_DAY (latest), 0, 0, 0);
      /* Translators: the data's latest activation date, see strftime(3): "27 Nov 2026". */
      g_autofree char *date = g_date_time_format (dt, _("%e %b %Y"));
      g_autofree char *rows = format_count (ld_report_get_n_rows (self->report));

      g_strstrip (date);
      /* Translators: the window subtitle, "Data through 27 Nov 2026 · 123,456 rows". */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Data through %s · %s row",
                                               "Data through %s · %s rows",
                                               ld_report_get_n_rows (self->report)),
                                  date, rows);
    }
  else
    subtitle = g_strdup (_("No rows"));

  adw_window_title_set_title (self->window_title, ld_report_get_display_name (self->report));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), ld_report_get_display_name (self->report));
}

static void
ld_window_set_report (LdWindow *self,
                      LdReport *report)
{
  g_set_object (&self->report, report);
  g_clear_object (&self->query);
  g_clear_pointer (&self->result, ld_result_unref);

  if (report != NULL)
    {
      self->query = ld_query_new (report);
      self->result = ld_query_run (self->query);
    }

  ld_window_update_title (self);
  ld_window_update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, report != NULL ? "report" : "empty");
}

static void
ld_window_toast (LdWindow   *self,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / (double) total));
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
load_progress_cb (guint64  bytes_done,
                  guint64  bytes_total,
                  gpointer user_data)
{
  LoadJob *job = user_data;

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
  LoadJob *job = task_data;
  GError *error = NULL;
  LdReport *report;

  if (job->file != NULL)
    report = ld_loader_load_file (job->file, cancellable, load_progress_cb, job, &error);
  else
    {
      g_autoptr(GInputStream) stream = NULL;
      gsize size = 0;

      if (g_resources_get_info (SAMPLE_RESOURCE, 0, &size, NULL, &error))
        stream = g_resources_open_stream (SAMPLE_RESOURCE, 0, &error);
      report = stream == NULL ? NULL
        : ld_loader_load_stream (stream, size, _("Sample report"), NULL,
                                 cancellable, load_progress_cb, job, &error);
    }

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
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LdWindow *self = LD_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;

  /* A newer load replaced this one: its result is stale. */
  if (g_task_get_task_data (G_TASK (result)) != self->load_job)
    return;

  ld_window_end_loading (self);
  report = g_task_propagate_pointer (G_TASK (result), &error);

  if (report == NULL)
    {
      /* Whatever was open stays open (SPEC §2). */
      gtk_stack_set_visible_child_name (self->stack, self->report != NULL ? "report" : "empty");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_free (self->last_error);
          self->last_error = g_strdup (error->message);
          ld_window_toast (self, error->message);
        }
      return;
    }

  g_clear_pointer (&self->last_error, g_free);
  ld_window_set_report (self, report);

  if (ld_report_get_rows_skipped (report) > 0)
    {
      guint64 skipped = ld_report_get_rows_skipped (report);
      g_autofree char *n = format_count (skipped);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row could not be read and was skipped",
                                      "%s rows could not be read and were skipped", skipped), n);

      ld_window_toast (self, message);
    }
  else if (ld_report_get_n_rows (report) == 0)
    ld_window_toast (self, _("The report has no rows of licences."));
}

static void
ld_window_start_load (LdWindow *self,
                      GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  ld_window_end_loading (self);

  job = g_new0 (LoadJob, 1);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  self->load_job = job;
  self->load_cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  adw_status_page_set_description (self->loading_page,
                                   file != NULL ? g_file_peek_path (file) : _("Sample report"));
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->progress_source = g_timeout_add (50, ld_window_progress_tick, self);

  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, ld_window_start_load);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

void
ld_window_open_file (LdWindow *self,
                     GFile    *file)
{
  g_return_if_fail (LD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ld_window_start_load (self, file);
}

void
ld_window_open_sample (LdWindow *self)
{
  g_return_if_fail (LD_IS_WINDOW (self));

  ld_window_start_load (self, NULL);
}

static void
chooser_response_cb (LdWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ld_window_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
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
  self->chooser = gtk_file_chooser_native_new (_("Open a License Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), reports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ld_window_open_sample (LD_WINDOW (widget));
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);

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

static void
ld_window_dispose (GObject *object)
{
  LdWindow *self = LD_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  ld_window_end_loading (self);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->result, ld_result_unref);
  g_clear_object (&self->query);
  g_clear_object (&self->report);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_WINDOW);

  G_OBJECT_CLASS (ld_window_parent_class)->dispose (object);
}

static void
ld_window_finalize (GObject *object)
{
  LdWindow *self = LD_WINDOW (object);

  g_free (self->last_error);

  G_OBJECT_CLASS (ld_window_parent_class)->finalize (object);
}

static void
ld_window_class_init (LdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_window_dispose;
  object_class->finalize = ld_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, customers_label);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, provisioned_label);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, assigned_label);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, rate_label);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, range_label);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, rows_label);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ld_window_init (LdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LdWindow *
ld_window_new (GtkApplication *application)
{
  return g_object_new (LD_TYPE_WINDOW, "application", application, NULL);
}
