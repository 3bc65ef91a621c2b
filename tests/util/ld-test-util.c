/* ld-test-util.c — what the tests share: our programs, temporary trees, PDFs as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ld-test-util.h"

/* Customers: Contoso/DE, Fabrikam/AT, a US customer who shares no name, Northwind
 * with no country. Offers: prod-a "Sales Hub" (Gold, Silver), prod-b "Insights" (Basic).
 *
 *   row  month  customer   group          assigned/provisioned
 *   1    Jan    Contoso    a-Gold          5/10
 *   2    Jan    Fabrikam   a-Silver        1/4
 *   3    Feb    Contoso    b-Basic         3/6
 *   4    Feb    (US)       a-Gold          2/2
 *   5    Mar    Northwind  b-Basic         0/8   (no country code: "Unknown")
 *   6    Mar    Fabrikam   a-Gold          4/5
 *
 * All time (Jan–Mar 2026): 4 customers; provisioned 35, assigned 15, rate
 * 1500/35 = 42.857… → 4286. Months: provisioned 14, 8, 13; assigned 6, 5, 4.
 * New customers 2, 2, 2 (Contoso+Fabrikam, Contoso+US, Northwind+Fabrikam);
 * cumulative 2, 3, 4 → 2 new since Jan 2026.
 * Products: a-Gold 17/11 (3 customers), b-Basic 14/3, a-Silver 4/1; top share
 * 17/35 = 48.57 %. Customers: Contoso 16 (45.71 %), Fabrikam 9, Northwind 8, (US) 2.
 * Countries: DE 16 (45.71 %), AT 9, "" 8, US 2.
 * Monthly rate: Jan 6/14 = 42.86 %, Mar 4/13 = 30.77 % → down 12.1 pts.
 */
const char ld_test_fixture_csv[] =
  "CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate,ProductDisplayName,ProductId,PlanName,ServiceId,LicenseState,LicensesAssigned,LicensesProvisioned,OfferType\n"
  "Germany,DE,Contoso,2026-01-10,Sales Hub,prod-a,Gold,svc-a,Active,5,10,Power BI visual\n"
  "Austria,AT,Fabrikam,2026-01-20,Sales Hub,prod-a,Silver,svc-a,Active,1,4,Power BI visual\n"
  "Germany,DE,Contoso,2026-02-05,Insights,prod-b,Basic,svc-b,Active,3,6,SaaS\n"
  "United States,US,,2026-02-15,Sales Hub,prod-a,Gold,svc-a,Active,2,2,Power BI visual\n"
  ",,Northwind,2026-03-01,Insights,prod-b,Basic,svc-b,Inactive,0,8,SaaS\n"
  "Austria,AT,Fabrikam,2026-03-20,Sales Hub,prod-a,Gold,svc-a,Active,4,5,Power BI visual\n";

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
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* No display at all: what the command line needs is a cron job on a server. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "none", TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  run->status = g_subprocess_get_exit_status (proc);
  run->out = g_bytes_unref_to_data (g_steal_pointer (&out), &run->out_len);
  run->out = g_realloc (run->out, run->out_len + 1);
  run->out[run->out_len] = '\0';
  /* Text, "" when nothing was printed. */
  run->err = g_strndup (g_bytes_get_size (err) > 0 ? g_bytes_get_data (err, NULL) : "", g_bytes_get_size (err));
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

void
ld_test_assert_contains (const char *text,
                         const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in:\n%s", needle, text);
}

gboolean
ld_test_have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  return pdftotext != NULL && pdfinfo != NULL;
}

char *
ld_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* One attribute of a pdftotext -bbox tag: xMin="12.5". */
static double
bbox_attribute (const char *tag,
                const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (tag, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

static char *
unescape_html (const char *text,
               gssize      len)
{
  static const struct { const char *entity, *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
  };
  g_autoptr(GString) out = g_string_new_len (text, len);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (out, entities[i].entity, entities[i].text, 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
pdf_word_clear (gpointer data)
{
  g_free (((LdTestPdfWord *) data)->text);
}

GArray *
ld_test_pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GArray *words = g_array_new (FALSE, TRUE, sizeof (LdTestPdfWord));
  guint page = 0;
  int status;

  g_array_set_clear_func (words, pdf_word_clear);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  for (const char *p = out; (p = strchr (p, '<')) != NULL; p++)
    {
      if (g_str_has_prefix (p, "<page "))
        page++;
      else if (g_str_has_prefix (p, "<word "))
        {
          const char *end = strchr (p, '>');
          const char *close = end != NULL ? strstr (end, "</word>") : NULL;
          g_autofree char *tag = NULL;
          LdTestPdfWord word;

          g_assert_nonnull (close);
          tag = g_strndup (p, end - p);
          word.page = page - 1;
          word.x0 = bbox_attribute (tag, "xMin");
          word.y0 = bbox_attribute (tag, "yMin");
          word.x1 = bbox_attribute (tag, "xMax");
          word.y1 = bbox_attribute (tag, "yMax");
          word.text = unescape_html (end + 1, close - end - 1);
          g_array_append_val (words, word);
          p = close;
        }
    }

  return words;
}
