/* ld-file-save.c — saving a file so that a failed save loses nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ld-file-save.h"

/* Writes, then closes even after a failure, so the descriptor is gone before any
 * unlink. */
static gboolean
write_and_close (GFileOutputStream  *stream,
                 LdFileWriteFunc     write,
                 gpointer            user_data,
                 GCancellable       *cancellable,
                 GError            **error)
{
  gboolean ok = write (G_OUTPUT_STREAM (stream), user_data, cancellable, error);

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), ok ? cancellable : NULL, ok ? error : NULL))
    ok = FALSE;

  return ok;
}

static gboolean
write_in_place (GFile            *file,
                LdFileWriteFunc   write,
                gpointer          user_data,
                GCancellable     *cancellable,
                GError          **error)
{
  g_autoptr(GFileOutputStream) stream = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, error);

  return stream != NULL && write_and_close (stream, write, user_data, cancellable, error);
}

/* g_file_replace() alone is not enough: when the target does not exist yet it writes
 * the target itself, and a failed or cancelled save leaves a partial file behind
 * (checked with GLib 2.74). The temporary is in the same directory, so the final
 * rename is atomic, and hidden, so a file manager showing the folder does not flash it. */
static GFileOutputStream *
create_temp_beside (GFile         *file,
                    GFile        **out_temp,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("Cannot save to the root directory"));
      return NULL;
    }

  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%06x~", basename,
                                               g_random_int_range (0, 0x1000000));
      g_autoptr(GFile) temp = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (temp, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        {
          *out_temp = g_steal_pointer (&temp);
          return stream;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("No temporary file could be made beside it"));
  return NULL;
}

static gboolean
write_beside (GFile            *file,
              LdFileWriteFunc   write,
              gpointer          user_data,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) temp = NULL;
  gboolean ok;

  stream = create_temp_beside (file, &temp, cancellable, error);
  if (stream == NULL)
    return FALSE;

  ok = write_and_close (stream, write, user_data, cancellable, error);

  /* A file the user made private stays private: the replacement takes the old
   * file's permissions (best effort; a new file gets the umask's). */
  if (ok)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
        g_file_set_attribute_uint32 (temp, G_FILE_ATTRIBUTE_UNIX_MODE,
                                     g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777,
                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
    }

  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error);
  ok = ok && g_file_move (temp, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                          NULL, NULL, NULL, error);
  if (!ok)
    g_file_delete (temp, NULL, NULL);

  return ok;
}

gboolean
ld_file_save (GFile            *file,
              LdFileWriteFunc   write,
              gpointer          user_data,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  GFileType type;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("It is a folder"));
      ok = FALSE;
    }
  else if (type == G_FILE_TYPE_SPECIAL)
    ok = write_in_place (file, write, user_data, cancellable, &local_error);
  else
    ok = write_beside (file, write, user_data, cancellable, &local_error);

  if (ok)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* GIO's message may name the temporary file; say which file the user asked for. */
  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               _("Could not save “%s”: %s"), name, local_error->message);
  return FALSE;
}

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  GBytes *bytes = user_data;

  return g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, cancellable, error);
}

gboolean
ld_file_save_bytes (GFile         *file,
                    GBytes        *bytes,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (bytes != NULL, FALSE);

  return ld_file_save (file, write_bytes, bytes, cancellable, error);
}
