/* ld-cli.h — the command line's --export (SPEC §6), which needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @argv asks for --export (then main() hands it to ld_cli_main, not GTK). */
gboolean ld_cli_wants_export (int argc, char **argv);

/* Runs an export; returns the exit status: 0 success, 1 the file cannot be read,
 * 2 a usage error. Messages go to standard error. */
int      ld_cli_main (int argc, char **argv);

G_END_DECLS
