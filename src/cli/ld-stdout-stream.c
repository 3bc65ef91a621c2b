/* ld-stdout-stream.c — standard output as a GOutputStream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "ld-stdout-stream.h"

struct _LdStdoutStream
{
  GOutputStream parent_instance;
};

G_DEFINE_FINAL_TYPE (LdStdoutStream, ld_stdout_stream, G_TYPE_OUTPUT_STREAM)

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

GOutputStream *
ld_stdout_stream_new (void)
{
  return g_object_new (LD_TYPE_STDOUT_STREAM, NULL);
}
