/* ld-stdout-stream.h — standard output as a GOutputStream
 *
 * GUnixOutputStream would do, but its header is in gio-unix-2.0, which the build does
 * not depend on; this is all the command line needs of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LD_TYPE_STDOUT_STREAM (ld_stdout_stream_get_type ())
G_DECLARE_FINAL_TYPE (LdStdoutStream, ld_stdout_stream, LD, STDOUT_STREAM, GOutputStream)

/* Writes to file descriptor 1; closing it leaves the descriptor open. */
GOutputStream *ld_stdout_stream_new (void);

G_END_DECLS
