/* ld-test-util.h — what the tests share: running our programs, temporary trees
 *
 * GLib and GIO only, so every test can link it whatever layer it tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One run of a program: its exit status and what it printed. */
typedef struct
{
  int    status;
  char  *out;      /* NUL-terminated after out_len bytes */
  gsize  out_len;
  char  *err;
} LdTestRun;

void  ld_test_run_clear      (LdTestRun          *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LdTestRun, ld_test_run_clear)

/* Runs build/license-dashboard (LD_DASHBOARD_BIN, set by meson) with the
 * NULL-terminated @args after argv[0]; fails the test when it cannot start. */
void  ld_test_run_dashboard  (LdTestRun          *run,
                              const char *const  *args);

/* Writes a report made by tools/ld-generate-report (LD_GENERATE_BIN) with the
 * NULL-terminated options to @path. */
void  ld_test_generate_report (const char        *path,
                               ...) G_GNUC_NULL_TERMINATED;

/* Deletes @path and everything below it. */
void  ld_test_remove_tree    (const char         *path);

G_END_DECLS
