/* ld-test-gtk.h — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main context until it is idle, twice with a short pause between, so a
 * frame, a toast or a clipboard round trip queued by the last one gets its turn. */
void ld_test_flush_events (void);

G_END_DECLS
