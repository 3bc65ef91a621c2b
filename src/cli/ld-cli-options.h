/* ld-cli-options.h — what --export was asked to do (SPEC §6), read and checked
 *
 * The command line in two steps over one struct: ld_cli_options_parse() reads the
 * arguments as they were typed, ld_cli_options_validate() turns them into what to
 * write, from which report, in which range and with which filters — or a usage
 * error that says what to type instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ld-query.h"
#include "ld-types.h"

G_BEGIN_DECLS

#define LD_CLI_USAGE_ERROR (ld_cli_usage_error_quark ())
GQuark ld_cli_usage_error_quark (void);

/* What --format names: the model's two table formats, and the two drawn ones. */
typedef enum
{
  LD_CLI_FORMAT_CSV,
  LD_CLI_FORMAT_JSON,
  LD_CLI_FORMAT_PDF,
  LD_CLI_FORMAT_PNG,
} LdCliFormat;

/* One file to write: a widget's table or card, or the whole dashboard. */
typedef struct
{
  gboolean   dashboard;
  LdWidgetId widget;     /* unless dashboard */
} LdCliTarget;

typedef struct
{
  LdDimension  dim;
  const char  *value;    /* points into the parsed arguments */
} LdCliFilter;

#define LD_CLI_MAX_FILTERS 64

typedef struct
{
  /* As typed (ld_cli_options_parse()). */
  gboolean       help;
  char         **export_values;
  char          *format_name;
  char          *output;        /* a file or a folder; NULL for standard output */
  char          *range;
  char         **where_values;
  char         **files;
  gboolean       sample;

  /* As understood (ld_cli_options_validate()). */
  LdCliTarget    targets[LD_N_WIDGETS + 1];  /* each widget once, the dashboard last */
  guint          n_targets;
  LdCliFormat    format;
  gboolean       drawn;         /* PDF or PNG rather than a table */
  LdRangePreset  preset;
  int            from_month;    /* with LD_RANGE_CUSTOM */
  int            to_month;
  LdCliFilter    filters[LD_CLI_MAX_FILTERS];
  guint          n_filters;
  char          *range_note;    /* what was made of a range typed backwards, or NULL */
} LdCliOptions;

/* Reads @argv (left as it was). A request for help anywhere sets @help and stops
 * there. Every error of either step is a usage error: its message says what to do. */
gboolean    ld_cli_options_parse       (LdCliOptions  *options,
                                        int            argc,
                                        char         **argv,
                                        GError       **error);
gboolean    ld_cli_options_validate    (LdCliOptions  *options,
                                        GError       **error);
void        ld_cli_options_clear       (LdCliOptions  *options);

/* "csv", "json", "pdf", "png". */
const char *ld_cli_format_to_string    (LdCliFormat    format);
/* The --help text. */
char       *ld_cli_options_get_help    (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LdCliOptions, ld_cli_options_clear)

G_END_DECLS
