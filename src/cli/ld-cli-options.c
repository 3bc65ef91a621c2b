/* ld-cli-options.c — what --export was asked to do (SPEC §6), read and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ld-cli-options.h"

G_DEFINE_QUARK (ld-cli-usage-error-quark, ld_cli_usage_error)

static const char *const format_names[] = { "csv", "json", "pdf", "png" };

const char *
ld_cli_format_to_string (LdCliFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

static GOptionContext *
context_new (LdCliOptions *options)
{
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->export_values,
      N_("Write the tables of WIDGET (summary, customers, licenses, analysis-products, "
         "analysis-customers, geo, adoption, states, data, and for pdf or png dashboard); "
         "several are separated by commas"),
      N_("WIDGET[,WIDGET…]") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format_name,
      N_("Output format: csv (the default), json, pdf or png"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("Write to PATH instead of standard output; a folder when there are several widgets"),
      N_("PATH") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &options->range,
      N_("Months to count: last-6 (the default), last-12, all, or YYYY-MM:YYYY-MM"),
      N_("RANGE") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->where_values,
      N_("Keep only rows whose FIELD (offer-type, offer, plan, customer, country, state) "
         "is VALUE; repeat a field for any of several values"),
      N_("FIELD=VALUE") },
    { "sample", 0, 0, G_OPTION_ARG_NONE, &options->sample,
      N_("Read the bundled sample report instead of FILE"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->files, NULL, NULL },
    { NULL }
  };
  GOptionContext *context;

  context = g_option_context_new (_("FILE… — export a License report’s tables without a window"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Exports the figures of a Partner Center License report as "
                                  "CSV, JSON, PDF or PNG. Several files are read as one history: "
                                  "where downloads overlap, the newest counts. Exit status: 0 success, "
                                  "1 a file cannot be read, 2 a usage error."));
  return context;
}

char *
ld_cli_options_get_help (void)
{
  g_auto(LdCliOptions) unused = { 0 };
  g_autoptr(GOptionContext) context = context_new (&unused);

  return g_option_context_get_help (context, TRUE, NULL);
}

gboolean
ld_cli_options_parse (LdCliOptions  *options,
                      int            argc,
                      char         **argv,
                      GError       **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;

  g_return_val_if_fail (options != NULL, FALSE);

  /* "--export --help" would hand "--help" to --export as its value: help is asked
   * for wherever it stands. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?") ||
        g_str_equal (argv[i], "--help-all"))
      {
        options->help = TRUE;
        return TRUE;
      }

  /* Parse a copy: the caller's argv stays as it was. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  context = context_new (options);
  return g_option_context_parse_strv (context, &args, error);
}

static gboolean G_GNUC_PRINTF (2, 3)
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LD_CLI_USAGE_ERROR, 0, format, args));
  va_end (args);
  return FALSE;
}

static void
add_target (LdCliOptions *options,
            LdWidgetId    widget)
{
  for (guint k = 0; k < options->n_targets; k++)
    if (options->targets[k].widget == widget)
      return;

  options->targets[options->n_targets++] = (LdCliTarget) { FALSE, widget };
}

/* "--export a,b --export c" and "--export=a,b": one list, each widget once, in the
 * order first named. */
static gboolean
validate_widgets (LdCliOptions  *options,
                  gboolean      *dashboard,
                  GError       **error)
{
  for (guint i = 0; options->export_values != NULL && options->export_values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (options->export_values[i], ",", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          const char *name = g_strstrip (parts[p]);
          LdWidgetId widget;

          if (*name == '\0')
            continue;

          if (strcmp (name, "dashboard") == 0)
            *dashboard = TRUE;
          else if (ld_widget_id_from_string (name, &widget))
            add_target (options, widget);
          else
            {
              g_autoptr(GString) names = g_string_new (NULL);

              /* The list follows the model's widget ids, so a new table is offered at once. */
              for (int w = 0; w < LD_N_WIDGETS; w++)
                g_string_append_printf (names, "%s%s", w > 0 ? ", " : "", ld_widget_id_to_string (w));
              /* TRANSLATORS: the second %s is the list of widget ids, "summary, customers, …". */
              return usage_error (error, _("Unknown widget “%s”. Choose from %s."), name, names->str);
            }
        }
    }

  return TRUE;
}

static gboolean
validate_format (LdCliOptions  *options,
                 GError       **error)
{
  options->format = LD_CLI_FORMAT_CSV;
  if (options->format_name != NULL)
    {
      guint f;

      for (f = 0; f < G_N_ELEMENTS (format_names); f++)
        if (strcmp (options->format_name, format_names[f]) == 0)
          break;
      if (f == G_N_ELEMENTS (format_names))
        return usage_error (error, _("Unknown format “%s”. Use csv, json, pdf or png."), options->format_name);
      options->format = f;
    }

  options->drawn = options->format == LD_CLI_FORMAT_PDF || options->format == LD_CLI_FORMAT_PNG;
  return TRUE;
}

static gboolean
validate_filters (LdCliOptions  *options,
                  GError       **error)
{
  for (guint i = 0; options->where_values != NULL && options->where_values[i] != NULL; i++)
    {
      const char *where = options->where_values[i];
      const char *eq = strchr (where, '=');
      g_autofree char *field = NULL;
      LdDimension dim;

      if (eq == NULL)
        return usage_error (error, _("--where “%s” has no “=”: write FIELD=VALUE, for example "
                                     "country=DE."), where);

      field = g_strndup (where, eq - where);
      if (!ld_dimension_from_cli_name (g_strstrip (field), &dim))
        return usage_error (error, _("Unknown field “%s” in --where. Use offer-type, offer, plan, "
                                     "customer, country or state."), field);

      if (options->n_filters == LD_CLI_MAX_FILTERS)
        return usage_error (error, _("Too many --where options (at most %u)."),
                            (guint) LD_CLI_MAX_FILTERS);

      options->filters[options->n_filters++] = (LdCliFilter) { dim, eq + 1 };
    }

  return TRUE;
}

gboolean
ld_cli_options_validate (LdCliOptions  *options,
                         GError       **error)
{
  gboolean dashboard = FALSE;
  guint n_files;

  g_return_val_if_fail (options != NULL, FALSE);

  /* What to write. */
  if (!validate_widgets (options, &dashboard, error) || !validate_format (options, error))
    return FALSE;

  if (dashboard && !options->drawn)
    return usage_error (error, _("The dashboard widget is an image of the whole page: use "
                                 "--format pdf or png."));

  for (guint i = 0; options->drawn && i < options->n_targets; i++)
    if (options->targets[i].widget == LD_WIDGET_DATA)
      return usage_error (error, _("The data table has no picture: the data table exports as csv "
                                   "or json."));

  /* The dashboard goes last in a folder, like the page it pictures. */
  if (dashboard)
    options->targets[options->n_targets++] = (LdCliTarget) { TRUE, LD_WIDGET_SUMMARY };

  if (options->n_targets == 0)
    return usage_error (error, _("Name at least one widget with --export."));

  /* Which rows. */
  options->preset = LD_RANGE_LAST_6;
  options->from_month = options->to_month = -1;
  if (options->range != NULL &&
      !ld_range_parse (options->range, &options->preset, &options->from_month, &options->to_month))
    return usage_error (error, _("Unknown range “%s”. Use last-6, last-12, all or YYYY-MM:YYYY-MM, "
                                 "for example 2026-01:2026-06."), options->range);

  /* A range typed backwards means the same months: count them, and say so on standard
   * error, so that a scheduled report neither fails nor changes its range unremarked. */
  if (options->preset == LD_RANGE_CUSTOM && options->from_month > options->to_month)
    {
      int from = options->to_month, to = options->from_month;

      options->range_note =
        /* TRANSLATORS: the range as typed, then the months counted, "2026-05:2026-01", "2026-01:2026-05". */
        g_strdup_printf (_("The range “%s” runs backwards: counting %04d-%02d:%04d-%02d."),
                         options->range, LD_MONTH_YEAR (from), LD_MONTH_OF_YEAR (from),
                         LD_MONTH_YEAR (to), LD_MONTH_OF_YEAR (to));
      options->from_month = from;
      options->to_month = to;
    }

  if (!validate_filters (options, error))
    return FALSE;

  /* From which report, and where to. */
  n_files = options->files != NULL ? g_strv_length (options->files) : 0;
  if (options->sample && n_files > 0)
    return usage_error (error, _("Name a License report or --sample, not both."));
  if (!options->sample && n_files == 0)
    return usage_error (error, _("Name the License report to read."));

  if (options->n_targets > 1 && options->output == NULL)
    return usage_error (error, _("Several widgets need --output with a folder to write them in."));

  return TRUE;
}

void
ld_cli_options_clear (LdCliOptions *options)
{
  g_clear_pointer (&options->export_values, g_strfreev);
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->range, g_free);
  g_clear_pointer (&options->where_values, g_strfreev);
  g_clear_pointer (&options->files, g_strfreev);
  g_clear_pointer (&options->range_note, g_free);
}
