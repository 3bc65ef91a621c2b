/* ld-cli.c — the command line's --export (SPEC §6)
 *
 * Everything here runs without a display: it loads the report, applies the range and
 * the filters to an LdQuery and writes the tables with the model's writers. Not one
 * GTK call, so a cron job on a headless server can use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
/* PRIu64 rather than G_GUINT64_FORMAT in translatable strings: xgettext knows
 * the former and would cut the message at the latter. */
#include <inttypes.h>

#include "ld-card-render.h"
#include "ld-cli.h"
#include "ld-loader.h"
#include "ld-query.h"
#include "ld-table.h"
#include "ld-writer.h"

#define PROGRAM_NAME "license-dashboard"

/* Exit statuses of SPEC §6. */
enum {
  EXIT_OK = 0,
  EXIT_UNREADABLE = 1,
  EXIT_USAGE = 2,
};

/* Standard output as a GOutputStream. GUnixOutputStream would do, but its header is
 * in gio-unix-2.0, which the build does not depend on; this is all we need of it. */
typedef struct {
  GOutputStream parent_instance;
} LdStdoutStream;

typedef struct {
  GOutputStreamClass parent_class;
} LdStdoutStreamClass;

static GType ld_stdout_stream_get_type (void);
G_DEFINE_TYPE (LdStdoutStream, ld_stdout_stream, G_TYPE_OUTPUT_STREAM)

static gssize
ld_stdout_stream_write (GOutputStream  *stream,
                        const void     *buffer,
                        gsize           count,
                        GCancellable   *cancellable,
                        GError        **error)
{
  gssize n;

  do
    n = write (STDOUT_FILENO, buffer, count);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
    }

  return n;
}

static void
ld_stdout_stream_class_init (LdStdoutStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = ld_stdout_stream_write;
}

static void
ld_stdout_stream_init (LdStdoutStream *self)
{
}

gboolean
ld_cli_wants_export (int    argc,
                     char **argv)
{
  for (int i = 1; i < argc && argv[i] != NULL; i++)
    {
      /* After "--" everything is a file name, even one called "--export". */
      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], "--export") == 0 || g_str_has_prefix (argv[i], "--export="))
        return TRUE;
    }
  return FALSE;
}

static void G_GNUC_PRINTF (1, 2)
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", PROGRAM_NAME, message);
}

static int G_GNUC_PRINTF (1, 2)
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", PROGRAM_NAME, message);
  g_printerr (_("Try “%s --help” for more information.\n"), PROGRAM_NAME);
  return EXIT_USAGE;
}

/* What --format names: the model's two table formats, and the two drawn ones. */
typedef enum {
  OUT_CSV,
  OUT_JSON,
  OUT_PDF,
  OUT_PNG,
} OutFormat;

static const char *const out_format_names[] = { "csv", "json", "pdf", "png" };

/* A card PNG is 800 px wide at twice the pixel density: sharp on a HiDPI screen
 * and in a printed document. The dashboard PNG is one long page. */
#define CARD_PNG_WIDTH      800.0
#define DASHBOARD_PNG_WIDTH 960.0
#define PNG_SCALE           2.0

typedef struct {
  LdWidgetId widgets[LD_N_WIDGETS + 1];  /* LD_N_WIDGETS stands for the dashboard */
  guint      n_widgets;
  gboolean   dashboard;   /* the whole page: pdf/png only */
} WidgetList;

/* "--export a,b --export c" and "--export=a,b": one list, each widget once, in the
 * order first named. */
static gboolean
parse_widgets (char       **values,
               WidgetList  *list,
               char       **bad_name)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          const char *name = g_strstrip (parts[p]);
          LdWidgetId id;
          gboolean seen = FALSE;

          if (*name == '\0')
            continue;

          if (strcmp (name, "dashboard") == 0)
            {
              list->dashboard = TRUE;
              continue;
            }

          if (!ld_widget_id_from_string (name, &id))
            {
              *bad_name = g_strdup (name);
              return FALSE;
            }

          for (guint k = 0; k < list->n_widgets; k++)
            seen = seen || list->widgets[k] == id;
          if (!seen)
            list->widgets[list->n_widgets++] = id;
        }
    }
  return TRUE;
}

static char *
widget_file_name (const char *widget,
                  OutFormat   format)
{
  return g_strdup_printf ("%s.%s", widget, out_format_names[format]);
}

/* The PDF or PNG of one widget (LD_N_WIDGETS: the dashboard), drawn by the same
 * GTK-free code as the window's Copy Image, Save as PDF and Export Dashboard. */
static GBytes *
render_widget (LdQuery     *query,
               LdResult    *result,
               LdWidgetId   widget,
               OutFormat    format,
               GError     **error)
{
  if (widget == LD_N_WIDGETS)
    {
      g_autoptr(LdDashboardReport) report = ld_dashboard_report_new (query, result);

      if (format == OUT_PDF)
        return ld_dashboard_report_pdf (report, error);
      return ld_dashboard_report_png (report, DASHBOARD_PNG_WIDTH, PNG_SCALE, error);
    }
  else
    {
      g_autoptr(LdCardContent) content = ld_card_content_new (query, result, widget,
                                                              LD_CARD_CONTENT_NO_SELECTION, NULL);

      if (format == OUT_PDF)
        return ld_card_render_pdf (content, error);
      return ld_card_render_png (content, CARD_PNG_WIDTH, PNG_SCALE, error);
    }
}

static gboolean
write_bytes_to_stdout (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(GOutputStream) stream = g_object_new (ld_stdout_stream_get_type (), NULL);

  return g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, NULL, error) &&
         g_output_stream_close (stream, NULL, error);
}

static gboolean
is_directory (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

static void
report_skipped_rows (LdReport *report)
{
  const GArray *bad = ld_report_get_bad_rows (report);
  guint64 skipped = ld_report_get_rows_skipped (report);

  if (skipped == 0)
    return;

  /* A row never vanishes silently (SPEC §2): say so on stderr, the output stays clean. */
  print_error (g_dngettext (GETTEXT_PACKAGE,
                            "%s: %" PRIu64 " row was skipped",
                            "%s: %" PRIu64 " rows were skipped",
                            skipped),
               ld_report_get_display_name (report), skipped);

  for (guint i = 0; bad != NULL && i < bad->len && i < 5; i++)
    {
      const LdBadRow *row = &g_array_index (bad, LdBadRow, i);

      if (row->column_name != NULL)
        print_error (_("%s: line %" PRIu64 ", column “%s”: %s"),
                     ld_report_get_display_name (report), row->line,
                     row->column_name, row->reason);
      else
        print_error (_("%s: line %" PRIu64 ": %s"),
                     ld_report_get_display_name (report), row->line, row->reason);
    }
}

int
ld_cli_main (int    argc,
             char **argv)
{
  g_auto(GStrv) export_values = NULL;
  g_auto(GStrv) where_values = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *range = NULL;
  g_autofree char *bad_widget = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  g_autoptr(LdResult) result = NULL;
  g_auto(GStrv) args = NULL;
  LdFormat format = LD_FORMAT_CSV;
  OutFormat out_format = OUT_CSV;
  gboolean drawn;
  LdRangePreset preset = LD_RANGE_LAST_6;
  int from_month = -1, to_month = -1;
  WidgetList widgets = { 0 };
  struct { LdDimension dim; char *value; } filters[64];
  guint n_filters = 0;
  int status = EXIT_OK;

  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_STRING_ARRAY, &export_values,
      N_("Write the tables of WIDGET (summary, customers, licenses, analysis-products, "
         "analysis-customers, geo, adoption, states, data, and for pdf or png dashboard); "
         "several are separated by commas"),
      N_("WIDGET[,WIDGET…]") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: csv (the default), json, pdf or png"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to PATH instead of standard output; a folder when there are several widgets"),
      N_("PATH") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range,
      N_("Months to count: last-6 (the default), last-12, all, or YYYY-MM:YYYY-MM"),
      N_("RANGE") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &where_values,
      N_("Keep only rows whose FIELD (offer-type, offer, plan, customer, country, state) "
         "is VALUE; repeat a field for any of several values"),
      N_("FIELD=VALUE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export a License report’s tables without a window"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Exports the figures of a Partner Center License report as "
                                  "CSV, JSON, PDF or PNG. Exit status: 0 success, 1 the file cannot be "
                                  "read, 2 a usage error."));

  if (g_get_prgname () == NULL)
    g_set_prgname ("license-dashboard");

  /* "--export --help" would hand "--help" to --export as its value: help is asked
   * for wherever it stands. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?") ||
        g_str_equal (argv[i], "--help-all"))
      {
        g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

        g_print ("%s", help);
        return EXIT_OK;
      }

  /* Parse a copy: the caller's argv stays as it was. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error ("%s", error->message);

  /* What to write. */
  if (!parse_widgets (export_values, &widgets, &bad_widget))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      /* The list follows the model's widget ids, so a new table is offered at once. */
      for (int w = 0; w < LD_N_WIDGETS; w++)
        g_string_append_printf (names, "%s%s", w > 0 ? ", " : "", ld_widget_id_to_string (w));
      /* TRANSLATORS: the second %s is the list of widget ids, "summary, customers, …". */
      return usage_error (_("Unknown widget “%s”. Choose from %s."), bad_widget, names->str);
    }

  if (format_name != NULL)
    {
      gboolean known = FALSE;

      for (guint f = 0; f < G_N_ELEMENTS (out_format_names); f++)
        if (strcmp (format_name, out_format_names[f]) == 0)
          {
            out_format = f;
            known = TRUE;
          }
      if (!known)
        return usage_error (_("Unknown format “%s”. Use csv, json, pdf or png."), format_name);
    }
  drawn = out_format == OUT_PDF || out_format == OUT_PNG;
  if (!drawn)
    ld_format_from_string (out_format_names[out_format], &format);

  if (widgets.dashboard && !drawn)
    return usage_error (_("The dashboard widget is an image of the whole page: use "
                          "--format pdf or png."));

  for (guint i = 0; drawn && i < widgets.n_widgets; i++)
    if (widgets.widgets[i] == LD_WIDGET_DATA)
      return usage_error (_("The data table has no picture: the data table exports as csv "
                            "or json."));

  /* The adoption and states cards are not drawn yet (charts/ has no chart for them):
   * say so rather than draw nothing. */
  for (guint i = 0; drawn && i < widgets.n_widgets; i++)
    if (widgets.widgets[i] == LD_WIDGET_ADOPTION || widgets.widgets[i] == LD_WIDGET_STATES)
      return usage_error (_("The %s table has no picture yet: export it as csv or json."),
                          ld_widget_id_to_string (widgets.widgets[i]));

  /* The dashboard goes last in a folder, like the page it pictures. */
  if (widgets.dashboard)
    widgets.widgets[widgets.n_widgets++] = LD_N_WIDGETS;

  if (widgets.n_widgets == 0)
    return usage_error (_("Name at least one widget with --export."));

  if (range != NULL && !ld_range_parse (range, &preset, &from_month, &to_month))
    return usage_error (_("Unknown range “%s”. Use last-6, last-12, all or YYYY-MM:YYYY-MM, "
                          "for example 2026-01:2026-06."), range);

  for (guint i = 0; where_values != NULL && where_values[i] != NULL; i++)
    {
      const char *eq = strchr (where_values[i], '=');
      g_autofree char *field = NULL;
      LdDimension dim;

      if (eq == NULL)
        return usage_error (_("--where “%s” has no “=”: write FIELD=VALUE, for example "
                              "country=DE."), where_values[i]);

      field = g_strndup (where_values[i], eq - where_values[i]);
      if (!ld_dimension_from_cli_name (g_strstrip (field), &dim))
        return usage_error (_("Unknown field “%s” in --where. Use offer-type, offer, plan, "
                              "customer, country or state."), field);

      if (n_filters == G_N_ELEMENTS (filters))
        return usage_error (_("Too many --where options (at most %u)."),
                            (guint) G_N_ELEMENTS (filters));

      filters[n_filters].dim = dim;
      filters[n_filters].value = (char *) eq + 1;
      n_filters++;
    }

  if (files == NULL || files[0] == NULL)
    return usage_error (_("Name the License report to read."));
  if (files[1] != NULL)
    return usage_error (_("Name one License report only; “%s” is one too many."), files[1]);

  if (widgets.n_widgets > 1 && output == NULL)
    return usage_error (_("Several widgets need --output with a folder to write them in."));

  /* Read. */
  input = g_file_new_for_commandline_arg (files[0]);
  report = ld_loader_load_file (input, NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_UNREADABLE;
    }
  report_skipped_rows (report);

  /* Count. */
  query = ld_query_new (report);
  if (preset == LD_RANGE_CUSTOM)
    ld_query_set_custom_range (query, from_month, to_month);
  else
    ld_query_set_range_preset (query, preset);
  for (guint i = 0; i < n_filters; i++)
    ld_query_add_filter_value (query, filters[i].dim, filters[i].value);

  for (guint i = 0; i < widgets.n_widgets; i++)
    if (widgets.widgets[i] != LD_WIDGET_DATA && result == NULL)
      result = ld_query_run (query);

  /* Write. */
  if (output == NULL && drawn)
    {
      g_autoptr(GBytes) bytes = NULL;

      /* A PDF or PNG on a terminal is noise: ask for a file instead. */
      if (isatty (STDOUT_FILENO))
        return usage_error (_("A %s is not text: name a file with --output, or redirect "
                              "standard output."), format_name);

      bytes = render_widget (query, result, widgets.widgets[0], out_format, &error);
      if (bytes == NULL || !write_bytes_to_stdout (bytes, &error))
        {
          print_error (_("Could not write to standard output: %s"), error->message);
          return EXIT_UNREADABLE;
        }
      return EXIT_OK;
    }

  if (output == NULL)
    {
      g_autoptr(GOutputStream) stream = g_object_new (ld_stdout_stream_get_type (), NULL);
      g_autoptr(LdTable) table = ld_table_new (query, result, widgets.widgets[0]);

      if (!ld_table_write (table, format, stream, NULL, &error) ||
          !g_output_stream_close (stream, NULL, &error))
        {
          print_error (_("Could not write to standard output: %s"), error->message);
          return EXIT_UNREADABLE;
        }
      return EXIT_OK;
    }

  {
    g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
    /* "out/" names a folder even before it exists. */
    gboolean wants_folder = widgets.n_widgets > 1 || g_str_has_suffix (output, G_DIR_SEPARATOR_S);
    gboolean into_folder = wants_folder || is_directory (out);

    if (wants_folder && !is_directory (out))
      {
        if (g_file_query_exists (out, NULL))
          return usage_error (_("--output “%s” must be a folder when several widgets are "
                                "exported, or when it ends in “/”."), output);
        if (!g_file_make_directory_with_parents (out, NULL, &error))
          {
            print_error (_("Could not create the folder “%s”: %s"), output, error->message);
            return EXIT_UNREADABLE;
          }
      }

    for (guint i = 0; i < widgets.n_widgets; i++)
      {
        LdWidgetId widget = widgets.widgets[i];
        g_autoptr(GFile) target = NULL;
        gboolean saved;

        if (into_folder)
          {
            g_autofree char *name = widget_file_name (widget == LD_N_WIDGETS ? "dashboard"
                                                                             : ld_widget_id_to_string (widget),
                                                      out_format);

            target = g_file_get_child (out, name);
          }
        else
          target = g_object_ref (out);

        if (drawn)
          {
            g_autoptr(GBytes) bytes = render_widget (query, result, widget, out_format, &error);

            saved = bytes != NULL && ld_card_render_save_bytes (target, bytes, NULL, &error);
          }
        else
          {
            g_autoptr(LdTable) table = ld_table_new (query, result, widget);

            saved = ld_table_save (table, format, target, NULL, &error);
          }

        if (!saved)
          {
            print_error ("%s", error->message);
            g_clear_error (&error);
            status = EXIT_UNREADABLE;
          }
      }
  }

  return status;
}
