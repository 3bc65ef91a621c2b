/* ld-chart-theme.c — libadwaita-like palettes for the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ld-chart-theme.h"

#define DEFAULT_FONT_FAMILY "Cantarell, Adwaita Sans, Sans"
#define DEFAULT_FONT_SIZE   12.0

static LdChartColor
rgb_hex (guint32 hex)
{
  LdChartColor c = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };

  return c;
}

static LdChartColor
rgba (double r, double g, double b, double a)
{
  LdChartColor c = { r, g, b, a };

  return c;
}

/* Hue in degrees [0, 360) and HSL saturation of an sRGB colour. */
static void
hue_saturation (double  r,
                double  g,
                double  b,
                double *hue,
                double *saturation)
{
  double max = MAX (r, MAX (g, b));
  double min = MIN (r, MIN (g, b));
  double d = max - min;
  double l = (max + min) / 2;
  double h;

  if (d < 1e-6)
    {
      *hue = 0;
      *saturation = 0;
      return;
    }

  if (max == r)
    h = fmod ((g - b) / d, 6.0);
  else if (max == g)
    h = (b - r) / d + 2;
  else
    h = (r - g) / d + 4;

  h *= 60;
  if (h < 0)
    h += 360;

  *hue = h;
  *saturation = d / (1 - fabs (2 * l - 1));
}

static double
linear (double channel)
{
  channel = CLAMP (channel, 0, 1);
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
ld_chart_color_luminance (const LdChartColor *color,
                          const LdChartColor *background)
{
  double r = color->r, g = color->g, b = color->b;

  g_return_val_if_fail (color != NULL, 0);

  if (background != NULL)
    {
      double a = CLAMP (color->a, 0, 1);

      r = r * a + background->r * (1 - a);
      g = g * a + background->g * (1 - a);
      b = b * a + background->b * (1 - a);
    }

  return 0.2126 * linear (r) + 0.7152 * linear (g) + 0.0722 * linear (b);
}

double
ld_chart_color_contrast (const LdChartColor *a,
                         const LdChartColor *b,
                         const LdChartColor *background)
{
  double la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1);

  la = ld_chart_color_luminance (a, background);
  lb = ld_chart_color_luminance (b, background);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

LdChartColor
ld_chart_color_contrasting (LdChartColor        color,
                            const LdChartColor *target,
                            const LdChartColor *against,
                            double              ratio)
{
  double lo = 0, hi = 1;

  /* The least mix that reaches the ratio: luminance moves one way as the
   * colour goes to black or white, so halving the interval finds it. */
  if (ld_chart_color_contrast (&color, against, NULL) >= ratio)
    return color;

  for (int i = 0; i < 24; i++)
    {
      double t = (lo + hi) / 2;
      LdChartColor mixed = {
        color.r + (target->r - color.r) * t,
        color.g + (target->g - color.g) * t,
        color.b + (target->b - color.b) * t,
        color.a,
      };

      if (ld_chart_color_contrast (&mixed, against, NULL) >= ratio)
        hi = t;
      else
        lo = t;
    }

  color.r += (target->r - color.r) * hi;
  color.g += (target->g - color.g) * hi;
  color.b += (target->b - color.b) * hi;

  return color;
}

/* A dark purple accent on the dark card, or yellow on white, would all but
 * vanish: mix it towards white or black until it stands off the background by
 * WCAG's 3:1 for graphics, a lightness difference every kind of colour vision
 * sees. */
static LdChartColor
legible_on (LdChartColor        c,
            const LdChartColor *background)
{
  LdChartColor white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  gboolean dark_background = ld_chart_color_luminance (background, NULL) < 0.18;

  return ld_chart_color_contrasting (c, dark_background ? &white : &black, background,
                                     LD_CHART_MARK_CONTRAST + 0.05);
}

/* The accent's companion shade: away from the background, 3:1 off the accent
 * where the accent leaves room for that. */
static LdChartColor
shade_of (const LdChartColor *primary,
          const LdChartColor *background)
{
  LdChartColor white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  gboolean dark_background = ld_chart_color_luminance (background, NULL) < 0.18;

  return ld_chart_color_contrasting (*primary, dark_background ? &white : &black, primary,
                                     LD_CHART_MARK_CONTRAST + 0.05);
}

typedef enum
{
  FAMILY_BLUE,   /* blue, slate, grey accents */
  FAMILY_PURPLE,
  FAMILY_GREEN,  /* green and teal */
  FAMILY_PINK,
  FAMILY_WARM,   /* red, orange, yellow, brown, pink */
} AccentFamily;

static AccentFamily
accent_family (double r,
               double g,
               double b)
{
  double h, s;

  hue_saturation (r, g, b, &h, &s);

  /* An unsaturated accent reads as neutral: pair it like blue. */
  if (s < 0.15)
    return FAMILY_BLUE;
  if (h >= 165 && h < 255)
    return FAMILY_BLUE;
  if (h >= 255 && h < 290)
    return FAMILY_PURPLE;
  if (h >= 290 && h < 345)
    return FAMILY_PINK;
  if (h >= 70 && h < 165)
    return FAMILY_GREEN;

  return FAMILY_WARM;
}

void
ld_chart_theme_init (LdChartTheme *theme,
                     gboolean      dark,
                     double        accent_r,
                     double        accent_g,
                     double        accent_b)
{
  /* The second and third colours come from the GNOME palette and are picked by
   * the accent's hue so that the pair differs in hue *and* lightness, which is
   * what keeps them apart for protan/deutan/tritan eyes (the Okabe–Ito idea:
   * blue goes with orange, orange with blue, green with purple, pink with
   * bluish green). */
  static const guint32 orange[2] = { 0xe66100, 0xffa348 };
  static const guint32 blue[2] = { 0x1c71d8, 0x62a0ea };
  static const guint32 purple[2] = { 0x9141ac, 0xc061cb };
  static const guint32 teal[2] = { 0x2190a4, 0x5bc8af };
  static const guint32 magenta[2] = { 0xc061cb, 0xdc8add };
  /* Categories: the GNOME palette's darker shades on white, its lighter ones on
   * the dark card, so every one keeps 3:1 against the background (WCAG's figure for
   * graphics). Blue, red, orange, purple, brown, grey, green, teal, pink, ochre and
   * a near-black/near-white, in that order: neighbours differ in hue. */
  static const guint32 categories[2][LD_CHART_N_CATEGORIES] = {
    { 0x1c71d8, 0xc01c28, 0xc64600, 0x813d9c, 0x865e3c, 0x77767b,
      0x26a269, 0x1c7a8c, 0xc3447b, 0x8a6a00, 0x3d3846 },
    { 0x62a0ea, 0xf66151, 0xffa348, 0xdc8add, 0xcdab8f, 0x9a9996,
      0x57e389, 0x5bc8af, 0xf2a0c6, 0xf8e45c, 0xdeddda },
  };
  int d = dark ? 1 : 0;
  guint32 second, third;

  g_return_if_fail (theme != NULL);

  memset (theme, 0, sizeof *theme);
  theme->dark = dark;

  if (dark)
    {
      /* libadwaita's card (white at 8 %) on the dark window (#242424). */
      theme->background = rgb_hex (0x363636);
      theme->foreground = rgba (1, 1, 1, 0.92);
      theme->muted = rgba (1, 1, 1, 0.60);
      theme->grid = rgba (1, 1, 1, 0.09);
      theme->baseline = rgba (1, 1, 1, 0.30);
      theme->highlight = rgba (1, 1, 1, 0.07);
      theme->track = rgba (1, 1, 1, 0.07);
      theme->series[LD_CHART_COLOR_OTHERS] = rgb_hex (0x8e8d93);
    }
  else
    {
      theme->background = rgb_hex (0xffffff);
      theme->foreground = rgba (0, 0, 0, 0.80);
      theme->muted = rgba (0, 0, 0, 0.55);
      theme->grid = rgba (0, 0, 0, 0.08);
      theme->baseline = rgba (0, 0, 0, 0.25);
      theme->highlight = rgba (0, 0, 0, 0.05);
      theme->track = rgba (0, 0, 0, 0.05);
      theme->series[LD_CHART_COLOR_OTHERS] = rgb_hex (0x9a9996);
    }

  switch (accent_family (accent_r, accent_g, accent_b))
    {
    case FAMILY_PURPLE:
      second = orange[d];
      third = teal[d];
      break;
    case FAMILY_GREEN:
      second = purple[d];
      third = orange[d];
      break;
    case FAMILY_PINK:
      second = teal[d];
      third = orange[d];
      break;
    case FAMILY_WARM:
      second = blue[d];
      third = purple[d];
      break;
    case FAMILY_BLUE:
    default:
      second = orange[d];
      third = magenta[d];
      break;
    }

  theme->series[LD_CHART_COLOR_PRIMARY] = legible_on (rgba (CLAMP (accent_r, 0, 1),
                                                            CLAMP (accent_g, 0, 1),
                                                            CLAMP (accent_b, 0, 1),
                                                            1.0),
                                                      &theme->background);
  theme->series[LD_CHART_COLOR_SECONDARY] = legible_on (rgb_hex (second), &theme->background);
  theme->series[LD_CHART_COLOR_TERTIARY] = legible_on (rgb_hex (third), &theme->background);
  theme->series[LD_CHART_COLOR_OTHERS] = legible_on (theme->series[LD_CHART_COLOR_OTHERS],
                                                     &theme->background);
  theme->series[LD_CHART_COLOR_PRIMARY_SHADE] = shade_of (&theme->series[LD_CHART_COLOR_PRIMARY],
                                                          &theme->background);
  for (guint i = 0; i < LD_CHART_N_CATEGORIES; i++)
    theme->categories[i] = rgb_hex (categories[d][i]);

  ld_chart_theme_set_font (theme, NULL, 0);
}

/* libadwaita's default accent, #3584e4. */
#define DEFAULT_ACCENT_R (0x35 / 255.0)
#define DEFAULT_ACCENT_G (0x84 / 255.0)
#define DEFAULT_ACCENT_B (0xe4 / 255.0)

void
ld_chart_theme_init_default (LdChartTheme *theme,
                             double        font_size)
{
  g_return_if_fail (theme != NULL);

  ld_chart_theme_init (theme, FALSE, DEFAULT_ACCENT_R, DEFAULT_ACCENT_G, DEFAULT_ACCENT_B);
  ld_chart_theme_set_font (theme, NULL, font_size);
}

/* @family NULL or empty and @size <= 0 restore the defaults. */
void
ld_chart_theme_set_font (LdChartTheme *theme,
                         const char   *family,
                         double        size)
{
  g_return_if_fail (theme != NULL);

  g_strlcpy (theme->font_family,
             family != NULL && *family != '\0' ? family : DEFAULT_FONT_FAMILY,
             sizeof theme->font_family);
  theme->font_size = size > 0 ? size : DEFAULT_FONT_SIZE;
}

const LdChartColor *
ld_chart_theme_get_color (const LdChartTheme *theme,
                          LdChartColorIndex   index)
{
  g_return_val_if_fail (theme != NULL, NULL);

  if ((int) index >= LD_CHART_COLOR_CATEGORY)
    return &theme->categories[(index - LD_CHART_COLOR_CATEGORY) % LD_CHART_N_CATEGORIES];

  return &theme->series[CLAMP ((int) index, 0, LD_CHART_N_COLORS - 1)];
}

void
ld_chart_theme_set_text_color (LdChartTheme       *theme,
                               const LdChartColor *color)
{
  LdChartColor muted;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (color != NULL);

  theme->foreground = *color;
  theme->foreground.a *= 0.92;

  /* Dimmed as GNOME dims secondary text, but never below 4.5:1 (libadwaita 1.2's
   * 55 % gave captions 3.2:1): raise the alpha until the blend reads. */
  muted = *color;
  muted.a *= 0.70;
  while (muted.a < 1 && ld_chart_color_contrast (&muted, &theme->background, &theme->background)
                        < LD_CHART_TEXT_CONTRAST + 0.05)
    muted.a = MIN (1, muted.a + 0.02);
  theme->muted = muted;
}

void
ld_chart_color_set_source (cairo_t            *cr,
                           const LdChartColor *color,
                           double              alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}
