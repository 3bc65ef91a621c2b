/* ld-file-save.h — saving a file so that a failed save loses nothing
 *
 * Every save of the app goes through here: Download data, a card's Save Data as CSV
 * and Save as PDF, Export Dashboard and the command line's --output. The bytes go to a
 * hidden temporary file beside the target, which is renamed over it only once all of
 * them are written: a failed or cancelled save leaves the old file as it was and no
 * partial file behind. A target that exists and is no regular file (/dev/full, a
 * pipe) is written in place, since renaming over a device would replace it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the whole content to @stream; FALSE with @error set when it cannot. */
typedef gboolean (*LdFileWriteFunc) (GOutputStream  *stream,
                                     gpointer        user_data,
                                     GCancellable   *cancellable,
                                     GError        **error);

/* Saves what @write writes as @file. The error names @file, not the temporary. */
gboolean ld_file_save       (GFile            *file,
                             LdFileWriteFunc   write,
                             gpointer          user_data,
                             GCancellable     *cancellable,
                             GError          **error);

/* Saves @bytes as @file. */
gboolean ld_file_save_bytes (GFile            *file,
                             GBytes           *bytes,
                             GCancellable     *cancellable,
                             GError          **error);

G_END_DECLS
