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
#include "ld-map-chart.h"

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

/* ---- the map's shades ------------------------------------------------------------ */

/* The countries' shades against "No licences" land and the sea, and against each
 * other: five shades of one hue cannot stand 3:1 apart from one another (that would
 * take 243:1 of a 21:1 range), so they climb in equal steps of luminance, each at
 * least 1.25:1 off its neighbour, the palest 3:1 off the land of no licences. */
static void
test_map_shades (void)
{
  for (guint d = 0; d < 2; d++)
    for (guint a = 0; a < G_N_ELEMENTS (accents); a++)
      for (guint n = 1; n <= 5; n++)
        {
          LdChartTheme theme;
          LdChartColor land, sea, shade, previous = { 0 };
          gboolean say = accents[a] == 0x3584e4 && n == 5;

          init_theme (&theme, d, accents[a]);
          ld_map_chart_get_land_color (&theme, &land);
          ld_map_chart_get_sea_color (&theme, &sea);
          if (say)
            {
              g_test_message ("map, %s", d ? "dark" : "light");
              check_ratio ("\"No licenses\" land against the sea", &land, &sea, 1.1);
            }

          for (guint bin = 0; bin < n; bin++)
            {
              g_autofree char *what = g_strdup_printf ("shade %u of %u against \"No licenses\"", bin + 1, n);
              double ratio;

              ld_map_chart_get_bin_color (&theme, n, bin, &shade);
              if (say)
                {
                  check_ratio (what, &shade, &land, LD_CHART_MARK_CONTRAST);
                  check_ratio ("  - against the sea", &shade, &sea, LD_CHART_MARK_CONTRAST);
                }
              else
                {
                  g_assert_cmpfloat (ld_chart_color_contrast (&shade, &land, NULL), >=, LD_CHART_MARK_CONTRAST);
                  g_assert_cmpfloat (ld_chart_color_contrast (&shade, &sea, NULL), >=, LD_CHART_MARK_CONTRAST);
                }
              if (bin > 0)
                {
                  ratio = ld_chart_color_contrast (&shade, &previous, NULL);
                  if (say)
                    g_test_message ("%-44s %.2f:1 (needs 1.25:1)", "  - against the shade before", ratio);
                  g_assert_cmpfloat (ratio, >=, 1.25);
                }
              previous = shade;
            }
        }
}

/* ---- style.css ------------------------------------------------------------------- */

/* libadwaita 1.2's colours (its defaults-light.css and defaults-dark.css). */
typedef struct
{
  const char   *name;
  LdChartColor  color;
} Named;

typedef struct
{
  const char *name;
  Named       named[12];
  /* The surfaces text sits on: window, view (tables), card, header bar, popover. */
  LdChartColor surfaces[5];
} Style;

static Style styles[2];

static void
init_styles (void)
{
  LdChartColor accent = hex (0x3584e4), white = hex (0xffffff);

  styles[0] = (Style) {
    "light",
    { { "accent_bg_color", accent }, { "accent_fg_color", white }, { "accent_color", hex (0x1c71d8) },
      { "window_bg_color", hex (0xfafafa) }, { "view_bg_color", white }, { "card_bg_color", white },
      { "headerbar_bg_color", hex (0xebebeb) }, { "popover_bg_color", white },
      { "window_fg_color", { 0, 0, 0, 0.8 } }, { "view_fg_color", { 0, 0, 0, 0.8 } },
      { "card_fg_color", { 0, 0, 0, 0.8 } }, { NULL } },
    { hex (0xfafafa), white, white, hex (0xebebeb), white },
  };
  styles[1] = (Style) {
    "dark",
    { { "accent_bg_color", accent }, { "accent_fg_color", white }, { "accent_color", hex (0x78aeed) },
      { "window_bg_color", hex (0x242424) }, { "view_bg_color", hex (0x1e1e1e) },
      /* rgba(255, 255, 255, 0.08) on the window */
      { "card_bg_color", hex (0x363636) }, { "headerbar_bg_color", hex (0x303030) },
      { "popover_bg_color", hex (0x383838) }, { "window_fg_color", white }, { "view_fg_color", white },
      { "card_fg_color", white }, { NULL } },
    { hex (0x242424), hex (0x1e1e1e), hex (0x363636), hex (0x303030), hex (0x383838) },
  };
}

/* A colour of style.css: @name, #rrggbb, white, black, currentColor, alpha (X, N),
 * mix (X, Y, N). Fails the test on anything else: a new form needs reading here. */
static LdChartColor
parse_color (const char  **p,
             const Style  *style,
             const char   *rule)
{
  LdChartColor c = { 0, 0, 0, 1 };
  char name[64];
  gsize n = 0;

  while (g_ascii_isspace (**p))
    (*p)++;

  if (**p == '#')
    {
      guint32 rgb = (guint32) g_ascii_strtoull (*p + 1, (char **) p, 16);

      return hex (rgb);
    }

  if (**p == '@')
    (*p)++;
  while (n < sizeof name - 1 && (g_ascii_isalnum (**p) || **p == '_' || **p == '-'))
    name[n++] = *(*p)++;
  name[n] = '\0';
  while (g_ascii_isspace (**p))
    (*p)++;

  if (**p == '(')
    {
      LdChartColor a, b;
      double t;

      (*p)++;
      a = parse_color (p, style, rule);
      g_assert_true (**p == ',');
      (*p)++;
      if (g_str_equal (name, "alpha"))
        {
          t = g_ascii_strtod (*p, (char **) p);
          a.a *= t;
          c = a;
        }
      else if (g_str_equal (name, "mix"))
        {
          b = parse_color (p, style, rule);
          g_assert_true (**p == ',');
          (*p)++;
          t = g_ascii_strtod (*p, (char **) p);
          c = (LdChartColor) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                               a.a + (b.a - a.a) * t };
        }
      else
        g_error ("style.css, %s: cannot read %s (): add it to test-contrast.c", rule, name);
      while (g_ascii_isspace (**p))
        (*p)++;
      g_assert_true (**p == ')');
      (*p)++;
      return c;
    }

  if (g_str_equal (name, "currentColor"))
    return style->named[8].color;  /* the foreground */
  if (g_str_equal (name, "white"))
    return hex (0xffffff);
  if (g_str_equal (name, "black"))
    return hex (0x000000);
  for (guint i = 0; style->named[i].name != NULL; i++)
    if (g_str_equal (name, style->named[i].name))
      return style->named[i].color;

  g_error ("style.css, %s: cannot read the colour “%s”: add it to test-contrast.c", rule, name);
}

/* @a laid over @b. */
static LdChartColor
over (const LdChartColor *a,
      const LdChartColor *b)
{
  return (LdChartColor) { a->r * a->a + b->r * (1 - a->a), a->g * a->a + b->g * (1 - a->a),
                          a->b * a->a + b->b * (1 - a->a), 1 };
}

/* Every rule of data/style.css that colours or dims text: its text against every
 * surface it may sit on (or its own background), light and dark. */
static void
test_style_css (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "style.css", NULL);
  g_autofree char *css = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rules = NULL;
  guint n_rules = 0;

  init_styles ();
  g_file_get_contents (path, &css, NULL, &error);
  g_assert_no_error (error);

  /* No comments: a rule is "selectors { declarations }". */
  for (char *c = strstr (css, "/*"); c != NULL; c = strstr (c, "/*"))
    {
      char *end = strstr (c, "*/");

      g_assert_nonnull (end);
      memset (c, ' ', end + 2 - c);
    }

  rules = g_strsplit (css, "}", -1);
  for (guint r = 0; rules[r] != NULL; r++)
    {
      char *brace = strchr (rules[r], '{');
      g_autofree char *selector = NULL;
      g_auto(GStrv) decls = NULL;
      const char *color_text = NULL, *background_text = NULL;
      double opacity = 1;

      if (brace == NULL)
        continue;
      selector = g_strstrip (g_strndup (rules[r], brace - rules[r]));
      g_strdelimit (selector, "\n", ' ');
      decls = g_strsplit (brace + 1, ";", -1);
      for (guint d = 0; decls[d] != NULL; d++)
        {
          char *colon = strchr (decls[d], ':');
          g_autofree char *prop = NULL;

          if (colon == NULL)
            continue;
          prop = g_strstrip (g_strndup (decls[d], colon - decls[d]));
          if (g_str_equal (prop, "opacity"))
            opacity = g_ascii_strtod (colon + 1, NULL);
          else if (g_str_equal (prop, "color"))
            color_text = colon + 1;
          else if (g_str_equal (prop, "background-color"))
            background_text = colon + 1;
        }

      /* Only rules that set a text colour or dim a widget's text. */
      if (color_text == NULL && opacity == 1)
        continue;
      n_rules++;

      for (guint m = 0; m < G_N_ELEMENTS (styles); m++)
        {
          const Style *style = &styles[m];
          LdChartColor text = style->named[8].color;
          double worst = G_MAXDOUBLE;

          if (color_text != NULL)
            {
              const char *p = color_text;

              text = parse_color (&p, style, selector);
            }
          text.a *= opacity;

          for (guint k = 0; k < G_N_ELEMENTS (style->surfaces); k++)
            {
              LdChartColor surface = style->surfaces[k];

              if (background_text != NULL)
                {
                  const char *p = background_text;
                  LdChartColor own = parse_color (&p, style, selector);

                  surface = over (&own, &surface);
                }
              worst = MIN (worst, ld_chart_color_contrast (&text, &surface, &surface));
            }

          g_test_message ("style.css %-5s %-44s %.2f:1", style->name, selector, worst);
          if (worst < LD_CHART_TEXT_CONTRAST)
            g_error ("data/style.css, “%s”, %s: text at %.2f:1, below %.1f:1", selector, style->name,
                     worst, LD_CHART_TEXT_CONTRAST);
        }
    }

  /* The secondary text, the tables' headers, the badge, the placeholders. */
  g_assert_cmpuint (n_rules, >=, 5);
}

/* The change lines under the figures take libadwaita's .success and .error text
 * colours on the card, and the exports the same two on white. */
static void
test_change_colors (void)
{
  check_ratio ("a rise, light (@success_color)", &(LdChartColor) { 0x1b / 255.0, 0x85 / 255.0, 0x53 / 255.0, 1 },
               &(LdChartColor) { 1, 1, 1, 1 }, LD_CHART_TEXT_CONTRAST);
  check_ratio ("a fall, light (@error_color)", &(LdChartColor) { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0, 1 },
               &(LdChartColor) { 1, 1, 1, 1 }, LD_CHART_TEXT_CONTRAST);
  check_ratio ("a rise, dark (@success_color)", &(LdChartColor) { 0x8f / 255.0, 0xf0 / 255.0, 0xa4 / 255.0, 1 },
               &(LdChartColor) { 0x36 / 255.0, 0x36 / 255.0, 0x36 / 255.0, 1 }, LD_CHART_TEXT_CONTRAST);
  check_ratio ("a fall, dark (@error_color)", &(LdChartColor) { 0xff / 255.0, 0x7b / 255.0, 0x63 / 255.0, 1 },
               &(LdChartColor) { 0x36 / 255.0, 0x36 / 255.0, 0x36 / 255.0, 1 }, LD_CHART_TEXT_CONTRAST);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contrast/chart-theme", test_chart_theme);
  g_test_add_func ("/contrast/screen-text", test_screen_text);
  g_test_add_func ("/contrast/map-shades", test_map_shades);
  g_test_add_func ("/contrast/style-css", test_style_css);
  g_test_add_func ("/contrast/change-lines", test_change_colors);

  return g_test_run ();
}
