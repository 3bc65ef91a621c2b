/* test-contrast.c — every colour the app draws text and marks with, by WCAG 2's ratios
 *
 * Text reaches 4.5:1 on its background and a chart's marks (bars, lines, map
 * shades) 3:1 on theirs and against the marks they touch, in light and dark (WCAG 2
 * 1.4.3 and 1.4.11). The ratios are computed from the colours the code paints with:
 * the chart theme (exports and the screen's charts), the map's shades, and
 * data/style.css where it sets a text colour or dims text. Each ratio is printed
 * (--verbose, or the TAP log), so a change of colour shows what it costs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ld-chart-theme.h"

static LdChartColor
hex (guint32 rgb)
{
  return (LdChartColor) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                          (rgb & 0xff) / 255.0, 1 };
}

static char *
color_name (const LdChartColor *c)
{
  if (c->a < 1)
    return g_strdup_printf ("#%02x%02x%02x at %.0f%%", (int) round (c->r * 255), (int) round (c->g * 255),
                            (int) round (c->b * 255), c->a * 100);

  return g_strdup_printf ("#%02x%02x%02x", (int) round (c->r * 255), (int) round (c->g * 255),
                          (int) round (c->b * 255));
}

/* Asserts @fg (laid over @bg) stands @minimum off @bg, and says by how much. */
static double
check_ratio (const char         *what,
             const LdChartColor *fg,
             const LdChartColor *bg,
             double              minimum)
{
  double ratio = ld_chart_color_contrast (fg, bg, bg);
  g_autofree char *fg_name = color_name (fg);
  g_autofree char *bg_name = color_name (bg);

  g_test_message ("%-44s %s on %s: %.2f:1 (needs %.1f:1)", what, fg_name, bg_name, ratio, minimum);
  if (ratio < minimum)
    g_error ("%s: %s on %s is %.2f:1, below %.1f:1", what, fg_name, bg_name, ratio, minimum);

  return ratio;
}

/* ---- the chart theme ------------------------------------------------------------- */

/* libadwaita 1.2's accent_bg_color (the charts' accent) and GNOME 47's accents, which
 * a newer runtime may hand the charts. */
static const guint32 accents[] = {
  0x3584e4, /* blue: libadwaita 1.2's, in light and dark */
  0x2190a4, /* teal */
  0x3a944a, /* green */
  0xc88800, /* yellow */
  0xed5b00, /* orange */
  0xe62d42, /* red */
  0xd56199, /* pink */
  0x9141ac, /* purple */
  0x6f8396, /* slate */
};

static void
init_theme (LdChartTheme *theme,
            gboolean      dark,
            guint32       accent)
{
  ld_chart_theme_init (theme, dark, ((accent >> 16) & 0xff) / 255.0, ((accent >> 8) & 0xff) / 255.0,
                       (accent & 0xff) / 255.0);
}

/* Exports (always light) and the screen's charts in both styles: text and marks. */
static void
test_chart_theme (void)
{
  static const char *const series_names[LD_CHART_N_COLORS] = {
    [LD_CHART_COLOR_PRIMARY] = "accent series",
    [LD_CHART_COLOR_SECONDARY] = "second series",
    [LD_CHART_COLOR_TERTIARY] = "third series",
    [LD_CHART_COLOR_OTHERS] = "\"Others\" bar",
    [LD_CHART_COLOR_PRIMARY_SHADE] = "accent's shade (stacked part)",
  };

  for (guint d = 0; d < 2; d++)
    for (guint a = 0; a < G_N_ELEMENTS (accents); a++)
      {
        LdChartTheme theme;
        LdChartColor white = hex (0xffffff), black = hex (0x000000);
        const LdChartColor *primary, *shade;
        double ratio;

        init_theme (&theme, d, accents[a]);
        g_test_message ("%s, accent #%06x", d ? "dark" : "light", accents[a]);

        check_ratio ("chart text", &theme.foreground, &theme.background, LD_CHART_TEXT_CONTRAST);
        check_ratio ("axis labels, captions", &theme.muted, &theme.background, LD_CHART_TEXT_CONTRAST);
        for (guint k = 0; k < LD_CHART_N_COLORS; k++)
          check_ratio (series_names[k], &theme.series[k], &theme.background, LD_CHART_MARK_CONTRAST);

        /* New and returning customers touch in a stack: the shade stands 3:1 off the
         * accent wherever the accent leaves that room on the background's far side,
         * and is as far as it goes (black or white) where it does not. */
        primary = &theme.series[LD_CHART_COLOR_PRIMARY];
        shade = &theme.series[LD_CHART_COLOR_PRIMARY_SHADE];
        ratio = ld_chart_color_contrast (primary, shade, NULL);
        g_test_message ("%-44s %.2f:1", "accent against its shade", ratio);
        if (accents[a] == 0x3584e4)
          g_assert_cmpfloat (ratio, >=, LD_CHART_MARK_CONTRAST);
        else if (ratio < LD_CHART_MARK_CONTRAST)
          g_assert_cmpfloat (ld_chart_color_contrast (shade, d ? &white : &black, NULL), <, 1.01);
      }
}

/* The screen's charts take their text colour from CSS (libadwaita 1.2's card
 * foreground) and keep the dimmed kind at 4.5:1 on the card. */
static void
test_screen_text (void)
{
  for (guint d = 0; d < 2; d++)
    {
      /* @card_fg_color: rgba(0, 0, 0, 0.8) in light, white in dark. */
      LdChartColor fg = d ? hex (0xffffff) : (LdChartColor) { 0, 0, 0, 0.8 };
      LdChartTheme theme;

      init_theme (&theme, d, accents[0]);
      ld_chart_theme_set_text_color (&theme, &fg);
      g_test_message ("screen, %s", d ? "dark" : "light");
      check_ratio ("chart text", &theme.foreground, &theme.background, LD_CHART_TEXT_CONTRAST);
      check_ratio ("axis labels", &theme.muted, &theme.background, LD_CHART_TEXT_CONTRAST);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contrast/chart-theme", test_chart_theme);
  g_test_add_func ("/contrast/screen-text", test_screen_text);

  return g_test_run ();
}
