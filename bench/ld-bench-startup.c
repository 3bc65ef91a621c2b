/* ld-bench-startup.c — how long the real program takes to show its first frame and
 * its first figures
 *
 *   ld-bench-startup [--repeat N] LICENSE_DASHBOARD [FILE…]
 *
 * Launches LICENSE_DASHBOARD with LD_BENCH_STARTUP=1 (see ld-window.c), which prints
 * the time of its first frame and of the first frame showing a report's figures on
 * standard error, then quits. Each case runs N times (default 5): the bundled sample
 * (--sample), then each FILE. Prints the median and the worst of launch → first frame
 * and launch → figures, with issue 14's targets beside them: 400 ms to the sample's
 * first frame, 1 s to the figures of a million rows. Needs a display (run-bench.sh
 * runs it under xvfb-run and a private D-Bus session); without one it says so and
 * exits 0. A time belongs here, never in a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define DEADLINE_US (120 * G_USEC_PER_SEC)

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* One launch: the times from the launch to the first frame and to the figures (ms). */
/* The CPU time of the children waited for so far (ms). */
static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static gboolean
launch (const char  *program,
        const char  *file,
        double      *first_ms,
        double      *figures_ms,
        double      *cpu_ms,
        GError     **error)
{
  double cpu_before = children_cpu_ms ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  gint64 start;

  g_subprocess_launcher_setenv (launcher, "LD_BENCH_STARTUP", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  *first_ms = *figures_ms = -1;

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, error, program,
                                         file != NULL ? file : "--sample", NULL);
  if (process == NULL)
    return FALSE;

  lines = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error);
      gint64 at;

      if (line == NULL)
        break;
      if (g_str_has_prefix (line, "LD_BENCH_STARTUP first-frame "))
        {
          at = g_ascii_strtoll (line + strlen ("LD_BENCH_STARTUP first-frame "), NULL, 10);
          *first_ms = (at - start) / 1000.0;
        }
      else if (g_str_has_prefix (line, "LD_BENCH_STARTUP figures "))
        {
          at = g_ascii_strtoll (line + strlen ("LD_BENCH_STARTUP figures "), NULL, 10);
          *figures_ms = (at - start) / 1000.0;
        }
      if (g_get_monotonic_time () - start > DEADLINE_US)
        break;
    }
  if (*figures_ms < 0)
    g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  *cpu_ms = children_cpu_ms () - cpu_before;

  if (*first_ms < 0 || *figures_ms < 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "%s printed no LD_BENCH_STARTUP lines (exit status %d)",
                     program, g_subprocess_get_exit_status (process));
      return FALSE;
    }
  return TRUE;
}

static void
report (const char *what,
        const char *target_first,
        const char *target_figures,
        const char *key,
        double     *first,
        double     *figures,
        double     *cpu,
        int         n)
{
  qsort (first, n, sizeof (double), compare_doubles);
  qsort (figures, n, sizeof (double), compare_doubles);
  qsort (cpu, n, sizeof (double), compare_doubles);
  g_print ("  %-26s first frame: median %7.1f ms, worst %7.1f ms%s%s\n", what,
           first[n / 2], first[n - 1], target_first != NULL ? "   target " : "",
           target_first != NULL ? target_first : "");
  g_print ("  %-26s figures:     median %7.1f ms, worst %7.1f ms%s%s\n", "",
           figures[n / 2], figures[n - 1], target_figures != NULL ? "   target " : "",
           target_figures != NULL ? target_figures : "");
  g_print ("  %-26s the whole run's CPU time (user + sys, every thread, to the quit): median %7.1f ms\n", "",
           cpu[n / 2]);
  g_print ("RESULT startup_%s_first_frame_ms=%.1f\n", key, first[n / 2]);
  g_print ("RESULT startup_%s_figures_ms=%.1f\n", key, figures[n / 2]);
}

int
main (int    argc,
      char **argv)
{
  int repeat = 5;
  const GOptionEntry entries[] = {
    { "repeat", 'n', 0, G_OPTION_ARG_INT, &repeat, "Launches per case (default 5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("LICENSE_DASHBOARD [FILE…] - time the program's start");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("ld-bench-startup: %s\n", error != NULL ? error->message : "give the program");
      return 2;
    }
  repeat = MAX (repeat, 1);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("Start-up: skipped (no display; run under xvfb-run)\n");
      return 0;
    }

  g_print ("Start-up of %s (%d launches a case; launch to frame, GSETTINGS_BACKEND=memory):\n",
           argv[1], repeat);
  for (int c = 1; c < argc; c++)
    {
      const char *file = c == 1 ? NULL : argv[c];
      g_autofree double *first = g_new (double, repeat);
      g_autofree double *figures = g_new (double, repeat);
      g_autofree double *cpu = g_new (double, repeat);
      g_autofree char *name = file != NULL ? g_path_get_basename (file) : g_strdup ("the sample (--sample)");
      g_autofree char *key = NULL;
      gboolean million = file != NULL && strstr (file, "1m") != NULL;

      for (int i = 0; i < repeat; i++)
        if (!launch (argv[1], file, &first[i], &figures[i], &cpu[i], &error))
          {
            g_printerr ("ld-bench-startup: %s: %s\n", name, error->message);
            return 1;
          }
      key = file == NULL ? g_strdup ("sample") : million ? g_strdup ("1m") : g_strdup_printf ("file%d", c - 1);
      report (name, file == NULL ? "<= 400 ms" : NULL,
              file == NULL ? "<= 400 ms (the strict reading)" : million ? "<= 1000 ms" : NULL, key,
              first, figures, cpu, repeat);
    }

  return 0;
}
