/* ld-sample.c — the sample report bundled with the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ld-sample.h"

LdReport *
ld_sample_load (GCancellable    *cancellable,
                LdProgressFunc   progress,
                gpointer         user_data,
                GError         **error)
{
  g_autoptr(GInputStream) stream = NULL;
  gsize size = 0;

  if (!g_resources_get_info (LD_SAMPLE_RESOURCE, 0, &size, NULL, error))
    return NULL;

  stream = g_resources_open_stream (LD_SAMPLE_RESOURCE, 0, error);
  if (stream == NULL)
    return NULL;

  return ld_loader_load_stream (stream, size, _("Sample report"), NULL,
                                cancellable, progress, user_data, error);
}
