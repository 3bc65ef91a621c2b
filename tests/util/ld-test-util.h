/* ld-test-util.h — what the tests share: our programs, temporary trees, PDFs as text
 *
 * GLib and GIO only, so every test can link it whatever layer it tests. The helpers
 * that need a layer are in ld-test-report.h (the model), ld-test-pixels.h (cairo) and
 * ld-test-gtk.h (GTK).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A small report whose figures are worked out by hand in ld-test-util.c. */
extern const char ld_test_fixture_csv[];

/* One run of a program: its exit status and what it printed. */
typedef struct
{
  int    status;
  char  *out;      /* NUL-terminated after out_len bytes, which may hold NULs (a PDF) */
  gsize  out_len;
  char  *err;
} LdTestRun;

void  ld_test_run_clear       (LdTestRun          *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LdTestRun, ld_test_run_clear)

/* Runs build/license-dashboard (LD_DASHBOARD_BIN, set by meson) with the
 * NULL-terminated @args after argv[0], with no display at all, as a cron job on a
 * server would. */
void  ld_test_run_dashboard   (LdTestRun          *run,
                               const char *const  *args);

/* Writes a report made by tools/ld-generate-report (LD_GENERATE_BIN) with the
 * NULL-terminated options to @path. */
void  ld_test_generate_report (const char         *path,
                               ...) G_GNUC_NULL_TERMINATED;

/* Deletes @path and everything below it. */
void  ld_test_remove_tree     (const char         *path);

/* Fails the test, quoting both, when @needle is not in @text. */
void  ld_test_assert_contains (const char         *text,
                               const char         *needle);

/* Whether pdftotext and pdfinfo (poppler-utils) are installed; the PDF checks that
 * need them are skipped otherwise. */
gboolean ld_test_have_poppler (void);
/* The text of a PDF as pdftotext reads it: proof that the text is real text. */
char *ld_test_pdf_text        (const char         *path);

/* A word of a PDF and where it is drawn, in points from the page's top left, as
 * pdftotext -bbox reads them: where the drawing put its text, not only what it says. */
typedef struct
{
  guint   page;     /* from 0 */
  double  x0, y0, x1, y1;
  char   *text;
} LdTestPdfWord;

/* Every word of the PDF at @path, in reading order: an array of LdTestPdfWord. */
GArray *ld_test_pdf_words     (const char         *path);

G_END_DECLS
