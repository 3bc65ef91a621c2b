/* ld-test-gtk.c — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-test-gtk.h"

void
ld_test_flush_events (void)
{
  for (int i = 0; i < 2; i++)
    {
      g_usleep (10000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
}
