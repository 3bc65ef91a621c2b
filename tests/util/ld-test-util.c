/* ld-test-util.c — what the tests share: running our programs, temporary trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ld-test-util.h"

void
ld_test_run_clear (LdTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static const char *
program (const char *variable)
{
  const char *path = g_getenv (variable);

  if (path == NULL)
    g_error ("%s is not set: run this test through meson test", variable);
  return path;
}

static void
run_argv (LdTestRun         *run,
          const char        *binary,
          const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  run->status = g_subprocess_get_exit_status (proc);
  run->out = g_bytes_unref_to_data (g_steal_pointer (&out), &run->out_len);
  run->out = g_realloc (run->out, run->out_len + 1);
  run->out[run->out_len] = '\0';
  run->err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
}

void
ld_test_run_dashboard (LdTestRun         *run,
                       const char *const *args)
{
  run_argv (run, program ("LD_DASHBOARD_BIN"), args);
}

void
ld_test_generate_report (const char *path,
                         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(LdTestRun) run = { 0 };
  const char *arg;
  va_list ap;

  va_start (ap, path);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, (char *) "--output");
  g_ptr_array_add (args, (char *) path);
  g_ptr_array_add (args, NULL);

  run_argv (&run, program ("LD_GENERATE_BIN"), (const char *const *) args->pdata);
  if (run.status != 0)
    g_error ("ld-generate-report failed (%d): %s", run.status, run.err);
}

void
ld_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ld_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
