/* ld-cli.c — the command line's --export (SPEC §6)
 *
 * Parse, validate, run: the arguments become an LdCliOptions (ld-cli-options.c), then
 * the report is read, the range and filters applied to an LdQuery and every target
 * written with the model's writers or drawn with the cards' layout. Not one GTK call
 * (the build holds this library to that), so a cron job on a headless server can use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
/* PRIu64 rather than G_GUINT64_FORMAT in translatable strings: xgettext knows
 * the former and would cut the message at the latter. */
#include <inttypes.h>

#include "ld-card-layout.h"
#include "ld-cli-options.h"
#include "ld-cli.h"
#include "ld-dashboard-report.h"
#include "ld-file-save.h"
#include "ld-loader.h"
#include "ld-sample.h"
#include "ld-stdout-stream.h"
#include "ld-table.h"
#include "ld-writer.h"

#define PROGRAM_NAME "license-dashboard"

/* Exit statuses of SPEC §6. */
enum {
  EXIT_OK = 0,
  EXIT_UNREADABLE = 1,
  EXIT_USAGE = 2,
};

/* A card PNG is 800 px wide at twice the pixel density: sharp on a HiDPI screen
 * and in a printed document. The dashboard PNG is one long page. */
#define CARD_PNG_WIDTH      800.0
#define DASHBOARD_PNG_WIDTH 960.0
#define PNG_SCALE           2.0

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

static int
usage_error (const char *message)
{
  print_error ("%s", message);
  g_printerr (_("Try “%s --help” for more information.\n"), PROGRAM_NAME);
  return EXIT_USAGE;
}

/* ---- reading --------------------------------------------------------------------- */

static void
report_skipped_rows (LdReport *report)
{
  const GArray *bad = ld_report_get_bad_rows (report);
  guint n_files = ld_report_get_n_files (report);

  /* A row never vanishes silently (SPEC §2): say so on stderr per file, the output
   * stays clean; each message names the file its line number is in. */
  for (guint f = 0; f < n_files; f++)
    {
      const LdReportFile *file = ld_report_get_file (report, f);
      guint shown = 0;

      if (file->rows_skipped == 0)
        continue;
      print_error (g_dngettext (GETTEXT_PACKAGE,
                                "%s: %" PRIu64 " row was skipped",
                                "%s: %" PRIu64 " rows were skipped",
                                file->rows_skipped),
                   file->display_name, file->rows_skipped);

      for (guint i = 0; bad != NULL && i < bad->len && shown < 5; i++)
        {
          const LdBadRow *row = &g_array_index (bad, LdBadRow, i);

          if (row->file != f)
            continue;
          shown++;
          if (row->column_name != NULL)
            print_error (_("%s: line %" PRIu64 ", column “%s”: %s"),
                         file->display_name, row->line, row->column_name, row->reason);
          else
            print_error (_("%s: line %" PRIu64 ": %s"),
                         file->display_name, row->line, row->reason);
        }
    }
}

/* One file, or several read as one history (SPEC §7); the sample stands in for FILE. */
static LdReport *
load_report (const LdCliOptions  *options,
             GError             **error)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);

  if (options->sample)
    return ld_sample_load (NULL, NULL, NULL, error);

  for (guint i = 0; options->files[i] != NULL; i++)
    g_ptr_array_add (inputs, g_file_new_for_commandline_arg (options->files[i]));
  return ld_loader_load_files ((GFile *const *) inputs->pdata, inputs->len, NULL, NULL, NULL, error);
}

static LdQuery *
query_new (const LdCliOptions *options,
           LdReport           *report)
{
  LdQuery *query = ld_query_new (report);

  if (options->preset == LD_RANGE_CUSTOM)
    ld_query_set_custom_range (query, options->from_month, options->to_month);
  else
    ld_query_set_range_preset (query, options->preset);
  for (guint i = 0; i < options->n_filters; i++)
    ld_query_add_filter_value (query, options->filters[i].dim, options->filters[i].value);

  return query;
}

/* ---- writing --------------------------------------------------------------------- */

/* The PDF or PNG of one target, drawn by the same GTK-free code as the window's Copy
 * Image, Save as PDF and Export Dashboard. */
static GBytes *
render_target (const LdCliTarget  *target,
               LdCliFormat         format,
               LdQuery            *query,
               LdResult           *result,
               GError            **error)
{
  if (target->dashboard)
    {
      g_autoptr(LdDashboardReport) report = ld_dashboard_report_new (query, result);

      if (format == LD_CLI_FORMAT_PDF)
        return ld_dashboard_report_pdf (report, error);
      return ld_dashboard_report_png (report, DASHBOARD_PNG_WIDTH, PNG_SCALE, error);
    }
  else
    {
      g_autoptr(LdCardModel) model = ld_card_model_new (query, result, target->widget,
                                                        LD_CARD_MODEL_NO_SELECTION, NULL);

      if (format == LD_CLI_FORMAT_PDF)
        return ld_card_layout_pdf (model, error);
      return ld_card_layout_png (model, CARD_PNG_WIDTH, PNG_SCALE, error);
    }
}

static LdFormat
table_format (LdCliFormat format)
{
  return format == LD_CLI_FORMAT_JSON ? LD_FORMAT_JSON : LD_FORMAT_CSV;
}

static int
write_to_stdout (const LdCliOptions *options,
                 LdQuery            *query,
                 LdResult           *result)
{
  g_autoptr(GOutputStream) stream = ld_stdout_stream_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (options->drawn)
    {
      g_autoptr(GBytes) bytes = NULL;

      /* A PDF or PNG on a terminal is noise: ask for a file instead. */
      if (isatty (STDOUT_FILENO))
        {
          g_autofree char *message = g_strdup_printf (_("A %s is not text: name a file with --output, "
                                                        "or redirect standard output."),
                                                      options->format_name);

          return usage_error (message);
        }

      bytes = render_target (&options->targets[0], options->format, query, result, &error);
      ok = bytes != NULL &&
           g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      NULL, NULL, &error);
    }
  else
    {
      g_autoptr(LdTable) table = ld_table_new (query, result, options->targets[0].widget);

      ok = ld_table_write (table, table_format (options->format), stream, NULL, &error);
    }

  if (!ok || !g_output_stream_close (stream, NULL, &error))
    {
      print_error (_("Could not write to standard output: %s"), error->message);
      return EXIT_UNREADABLE;
    }
  return EXIT_OK;
}

static gboolean
is_directory (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

static int
write_to_output (const LdCliOptions *options,
                 LdQuery            *query,
                 LdResult           *result)
{
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (options->output);
  /* "out/" names a folder even before it exists. */
  gboolean wants_folder = options->n_targets > 1 || g_str_has_suffix (options->output, G_DIR_SEPARATOR_S);
  gboolean into_folder = wants_folder || is_directory (out);
  int status = EXIT_OK;

  if (wants_folder && !is_directory (out))
    {
      g_autoptr(GError) error = NULL;

      if (g_file_query_exists (out, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("--output “%s” must be a folder when several "
                                                        "widgets are exported, or when it ends in “/”."),
                                                      options->output);

          return usage_error (message);
        }
      if (!g_file_make_directory_with_parents (out, NULL, &error))
        {
          print_error (_("Could not create the folder “%s”: %s"), options->output, error->message);
          return EXIT_UNREADABLE;
        }
    }

  for (guint i = 0; i < options->n_targets; i++)
    {
      const LdCliTarget *target = &options->targets[i];
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      gboolean saved;

      if (into_folder)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s",
                                                   target->dashboard ? "dashboard"
                                                                     : ld_widget_id_to_string (target->widget),
                                                   ld_cli_format_to_string (options->format));

          file = g_file_get_child (out, name);
        }
      else
        file = g_object_ref (out);

      if (options->drawn)
        {
          g_autoptr(GBytes) bytes = render_target (target, options->format, query, result, &error);

          saved = bytes != NULL && ld_file_save_bytes (file, bytes, NULL, &error);
        }
      else
        {
          g_autoptr(LdTable) table = ld_table_new (query, result, target->widget);

          saved = ld_table_save (table, table_format (options->format), file, NULL, &error);
        }

      if (!saved)
        {
          print_error ("%s", error->message);
          status = EXIT_UNREADABLE;
        }
    }

  return status;
}

/* ---- the three steps ------------------------------------------------------------- */

static int
run (const LdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  g_autoptr(LdResult) result = NULL;

  report = load_report (options, &error);
  if (report == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_UNREADABLE;
    }
  report_skipped_rows (report);

  query = query_new (options, report);
  /* The data table is read from the query; everything else from one result. */
  for (guint i = 0; i < options->n_targets && result == NULL; i++)
    if (options->targets[i].dashboard || options->targets[i].widget != LD_WIDGET_DATA)
      result = ld_query_run (query);

  if (options->output == NULL)
    return write_to_stdout (options, query, result);
  return write_to_output (options, query, result);
}

int
ld_cli_main (int    argc,
             char **argv)
{
  g_auto(LdCliOptions) options = { 0 };
  g_autoptr(GError) error = NULL;

  if (g_get_prgname () == NULL)
    g_set_prgname (PROGRAM_NAME);

  if (!ld_cli_options_parse (&options, argc, argv, &error))
    return usage_error (error->message);

  if (options.help)
    {
      g_autofree char *help = ld_cli_options_get_help ();

      g_print ("%s", help);
      return EXIT_OK;
    }

  if (!ld_cli_options_validate (&options, &error))
    return usage_error (error->message);
  if (options.range_note != NULL)
    print_error ("%s", options.range_note);

  return run (&options);
}
