/* test-golden.c — the sample's exports are the same bytes as the golden ones
 *
 * The bundled sample (tools/ld-generate-report --rows 20000 --seed 2026) is exported
 * through the real binary in three views — the default range, all time with filters,
 * a custom range with filters — as every table in CSV and JSON, and every card and
 * the dashboard as PDF and PNG. Each file's SHA-256 must match the manifest in
 * tests/data/golden/exports.sha256, first made before the code was split into its
 * layers, so a refactoring that changes one byte of any export fails here.
 *
 * The PDFs are made deterministic, not compared as pictures: SOURCE_DATE_EPOCH fixes
 * the creation date cairo writes and the "exported" date in the dashboard's footer.
 * Drawn bytes also depend on the fonts, cairo, pango and harfbuzz the build uses and on
 * fontconfig's rendering settings; those are recorded in tests/data/golden/renderer.txt
 * (with a line of text drawn by pango alone), and where they differ the PDF and PNG
 * checks are skipped with a message (the tables are still compared).
 *
 * An intended change of an export (a new column, a new figure on a card) makes new
 * golden files: LD_GOLDEN_UPDATE=1 meson test -C build test-golden
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "ld-chart-theme.h"
#include "ld-test-util.h"

/* 2026-01-01T00:00:00Z: any fixed time will do. */
#define GOLDEN_EPOCH "1767225600"

typedef struct
{
  const char        *name;
  const char *const  args[8];
} Scenario;

static const Scenario scenarios[] = {
  { "last-6", { NULL } },
  { "all-filtered", { "--range", "all", "--where", "country=DE", "--where", "country=US",
                      "--where", "state=Active" } },
  { "custom-filtered", { "--range", "2025-03:2025-10", "--where", "offer-type=Power BI visual",
                         "--where", "plan=Standard", NULL } },
};

static const char tables[] =
  "summary,customers,licenses,analysis-products,analysis-customers,geo,data";
static const char pictures[] =
  "summary,customers,licenses,analysis-products,analysis-customers,geo,dashboard";

static const struct
{
  const char *format;
  const char *widgets;
  gboolean    drawn;
} exports[] = {
  { "csv", tables, FALSE },
  { "json", tables, FALSE },
  { "pdf", pictures, TRUE },
  { "png", pictures, TRUE },
};

static char *
golden_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "golden", name, NULL);
}

static gboolean
updating (void)
{
  return g_strcmp0 (g_getenv ("LD_GOLDEN_UPDATE"), "1") == 0;
}

/* ---- the rendering environment --------------------------------------------------- */

static char *
font_digest (PangoContext *context,
             const char   *family,
             PangoWeight   weight)
{
  PangoFontDescription *desc = pango_font_description_from_string (family);
  g_autoptr(PangoFont) font = NULL;
  hb_blob_t *blob;
  char *digest;
  const char *data;
  unsigned int length;

  pango_font_description_set_absolute_size (desc, 12 * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  font = pango_font_map_load_font (pango_cairo_font_map_get_default (), context, desc);
  pango_font_description_free (desc);
  g_assert_nonnull (font);

  blob = hb_face_reference_blob (hb_font_get_face (pango_font_get_hb_font (font)));
  data = hb_blob_get_data (blob, &length);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  hb_blob_destroy (blob);

  return digest;
}

/* A line of text in the theme's font drawn by pango and cairo alone, as a digest of
 * its pixels: fontconfig's rendering settings (antialiasing, hinting) change it where
 * the versions and the font files stay the same. */
static char *
raster_digest (const char *family)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 40);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (family);
  char *digest;

  pango_font_description_set_absolute_size (desc, 13.5 * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Ag 12,345 · 60.56% ▲ Jun 2026", -1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_move_to (cr, 4.25, 6.5);
  pango_cairo_show_layout (cr, layout);
  cairo_surface_flush (surface);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, cairo_image_surface_get_data (surface),
                                        (gsize) cairo_image_surface_get_stride (surface) * 40);

  pango_font_description_free (desc);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return digest;
}

/* What the drawn exports' bytes depend on besides our code. */
static char *
renderer_fingerprint (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autofree char *regular = NULL;
  g_autofree char *bold = NULL;
  g_autofree char *raster = NULL;
  LdChartTheme theme;

  ld_chart_theme_init (&theme, FALSE, 0.21, 0.52, 0.89);
  ld_chart_theme_set_font (&theme, NULL, 12);
  regular = font_digest (context, theme.font_family, PANGO_WEIGHT_NORMAL);
  bold = font_digest (context, theme.font_family, PANGO_WEIGHT_BOLD);
  raster = raster_digest (theme.font_family);
  g_object_unref (context);

  return g_strdup_printf ("cairo %s\npango %s\nharfbuzz %s\nfont \"%s\" %s\nbold \"%s\" %s\n"
                          "raster %s\n",
                          cairo_version_string (), pango_version_string (), hb_version_string (),
                          theme.font_family, regular, theme.font_family, bold, raster);
}

/* ---- exporting ------------------------------------------------------------------- */

static void
export_scenario (const Scenario *scenario,
                 const char     *sample,
                 const char     *dir,
                 GString        *manifest,
                 gboolean        with_drawn)
{
  for (guint e = 0; e < G_N_ELEMENTS (exports); e++)
    {
      g_autofree char *out = g_build_filename (dir, scenario->name, exports[e].format, "", NULL);
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_auto(GStrv) widgets = NULL;
      LdTestRun run = { 0 };

      if (exports[e].drawn && !with_drawn)
        continue;

      g_ptr_array_add (argv, (char *) "--export");
      g_ptr_array_add (argv, (char *) exports[e].widgets);
      g_ptr_array_add (argv, (char *) "--format");
      g_ptr_array_add (argv, (char *) exports[e].format);
      g_ptr_array_add (argv, (char *) "--output");
      g_ptr_array_add (argv, out);
      for (guint a = 0; a < G_N_ELEMENTS (scenario->args) && scenario->args[a] != NULL; a++)
        g_ptr_array_add (argv, (char *) scenario->args[a]);
      g_ptr_array_add (argv, (char *) sample);
      g_ptr_array_add (argv, NULL);

      ld_test_run_dashboard (&run, (const char *const *) argv->pdata);
      if (run.status != 0)
        g_error ("%s %s: exit %d: %s", scenario->name, exports[e].format, run.status, run.err);
      ld_test_run_clear (&run);

      widgets = g_strsplit (exports[e].widgets, ",", -1);
      for (guint w = 0; widgets[w] != NULL; w++)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", widgets[w], exports[e].format);
          g_autofree char *path = g_build_filename (out, name, NULL);
          g_autofree char *contents = NULL;
          g_autofree char *digest = NULL;
          g_autoptr(GError) error = NULL;
          gsize len;

          g_file_get_contents (path, &contents, &len, &error);
          g_assert_no_error (error);
          digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
          g_string_append_printf (manifest, "%s  %s/%s/%s\n", digest, scenario->name,
                                  exports[e].format, name);
        }
    }
}

/* The golden lines for @with_drawn: all of them, or only the tables'. */
static char *
read_manifest (gboolean with_drawn)
{
  g_autofree char *path = golden_path ("exports.sha256");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GString *kept = g_string_new (NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (!with_drawn && (g_str_has_suffix (lines[i], ".pdf") || g_str_has_suffix (lines[i], ".png")))
        continue;
      g_string_append_printf (kept, "%s\n", lines[i]);
    }

  return g_string_free (kept, FALSE);
}

/* Names every export whose bytes changed, not just the first. */
static void
assert_same_lines (const char *actual,
                   const char *expected)
{
  g_auto(GStrv) got = g_strsplit (actual, "\n", -1);
  g_auto(GStrv) want = g_strsplit (expected, "\n", -1);
  guint n_differ = 0;

  for (guint i = 0; want[i] != NULL; i++)
    if (want[i][0] != '\0' && !g_strv_contains ((const char *const *) got, want[i]))
      {
        g_printerr ("# golden:  %s\n", want[i]);
        n_differ++;
      }
  for (guint i = 0; got[i] != NULL; i++)
    if (got[i][0] != '\0' && !g_strv_contains ((const char *const *) want, got[i]))
      g_printerr ("# now:     %s\n", got[i]);

  if (n_differ > 0 || g_strv_length (got) != g_strv_length (want))
    g_error ("%u exports differ from the golden ones (listed above)", n_differ);
}

static void
test_exports (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ld-golden-XXXXXX", NULL);
  g_autofree char *sample = g_build_filename (dir, "sample-license-report.csv", NULL);
  g_autofree char *fingerprint = renderer_fingerprint ();
  g_autofree char *renderer_path = golden_path ("renderer.txt");
  g_autofree char *golden_renderer = NULL;
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean same_renderer;

  g_assert_nonnull (dir);
  /* The bundled sample's own options (data/meson.build). */
  ld_test_generate_report (sample, "--rows", "20000", "--seed", "2026", NULL);

  g_file_get_contents (renderer_path, &golden_renderer, NULL, NULL);
  same_renderer = g_strcmp0 (golden_renderer, fingerprint) == 0;

  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    export_scenario (&scenarios[s], sample, dir, manifest, same_renderer || updating ());

  if (updating ())
    {
      g_autofree char *manifest_path = golden_path ("exports.sha256");

      g_file_set_contents (manifest_path, manifest->str, -1, &error);
      g_assert_no_error (error);
      g_file_set_contents (renderer_path, fingerprint, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s and %s", manifest_path, renderer_path);
    }
  else
    {
      g_autofree char *expected = read_manifest (same_renderer);

      assert_same_lines (manifest->str, expected);
      if (!same_renderer)
        {
          g_autofree char *why = g_strdup_printf ("PDF and PNG not compared: drawn here with\n%s"
                                                  "the golden files were drawn with\n%s",
                                                  fingerprint,
                                                  golden_renderer != NULL ? golden_renderer : "(nothing)\n");

          g_test_skip (why);
        }
    }

  ld_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* The same words and numbers on every machine: C.UTF-8, a fixed "exported" date. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  g_setenv ("SOURCE_DATE_EPOCH", GOLDEN_EPOCH, TRUE);

  g_test_add_func ("/golden/exports", test_exports);

  return g_test_run ();
}
