/* test-charts.c — the cairo charts, drawn off screen (no display needed)
 *
 * Renders every chart in light and dark at a narrow, a card and a very wide
 * size and reads the pixels back: the bars are where hit-testing says they
 * are, zero months have none, empty data draws a message and no series colour.
 *
 * Set LD_CHART_SAMPLES_DIR to also keep sample PNGs there for a look, and
 * LD_CHART_KEEP_TMP to keep the test's own temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ld-bar-chart.h"
#include "ld-chart-format.h"
#include "ld-chart-theme.h"
#include "ld-test-pixels.h"
#include "ld-test-util.h"
#include "ld-trend-chart.h"

static const struct { int w, h; } sizes[] = { { 320, 200 }, { 800, 300 }, { 2560, 600 } };

static char *tmp_dir;

/* ---- pixels ---------------------------------------------------------------------- */

static guint
count_pixels (cairo_surface_t    *surface,
              const LdChartColor *color,
              gboolean            matching)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (ld_test_pixel_is (ld_test_pixel_at (surface, x, y), color, 2) == matching)
        n++;

  return n;
}

/* Rows of column @x (between @y0 and @y1) in @color; the first one in *@first. */
static guint
column_count (cairo_surface_t    *surface,
              int                 x,
              int                 y0,
              int                 y1,
              const LdChartColor *color,
              int                *first)
{
  guint n = 0;

  *first = -1;
  for (int y = MAX (0, y0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    if (ld_test_pixel_is (ld_test_pixel_at (surface, x, y), color, 6))
      {
        if (*first < 0)
          *first = y;
        n++;
      }

  return n;
}

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  const char *samples = g_getenv ("LD_CHART_SAMPLES_DIR");
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  if (samples != NULL)
    {
      g_autofree char *sample = g_build_filename (samples, name, NULL);

      g_mkdir_with_parents (samples, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (surface, sample), ==, CAIRO_STATUS_SUCCESS);
    }
}

static void
theme_for (LdChartTheme *theme,
           gboolean      dark)
{
  /* libadwaita's default accent: #3584e4 in light, #78aeed in dark. */
  if (dark)
    ld_chart_theme_init (theme, TRUE, 0x78 / 255.0, 0xae / 255.0, 0xed / 255.0);
  else
    ld_chart_theme_init (theme, FALSE, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
}

typedef void (*DrawFunc) (cairo_t *cr, double w, double h, gconstpointer data,
                          const LdChartTheme *theme);

static cairo_surface_t *
render (DrawFunc            draw,
        gconstpointer       data,
        const LdChartTheme *theme,
        int                 w,
        int                 h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  draw (cr, w, h, data, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
draw_trend (cairo_t *cr, double w, double h, gconstpointer data, const LdChartTheme *theme)
{
  ld_trend_chart_draw (cr, w, h, data, theme);
}

static void
draw_bars (cairo_t *cr, double w, double h, gconstpointer data, const LdChartTheme *theme)
{
  ld_bar_chart_draw (cr, w, h, data, theme);
}

/* ---- format ---------------------------------------------------------------------- */

static void
test_ticks (void)
{
  LdChartTicks t;

  ld_chart_ticks_compute (0, 7, 6, TRUE, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.step, ==, 2);
  g_assert_cmpfloat (t.max, ==, 8);
  g_assert_cmpuint (t.n_ticks, ==, 5);

  /* Counts never get a fractional step. */
  ld_chart_ticks_compute (0, 1, 6, TRUE, &t);
  g_assert_cmpfloat (t.step, ==, 1);
  g_assert_cmpfloat (t.max, ==, 1);
  g_assert_cmpuint (t.n_ticks, ==, 2);

  ld_chart_ticks_compute (0, 0.3, 6, FALSE, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 0.1, 1e-12);
  g_assert_cmpuint (t.n_ticks, ==, 4);

  ld_chart_ticks_compute (0, 123456, 6, TRUE, &t);
  g_assert_cmpfloat (t.step, ==, 50000);
  g_assert_cmpfloat (t.max, ==, 150000);
  g_assert_cmpuint (t.n_ticks, <=, 6);

  /* 1-2-5 steps, never more ticks than asked for. */
  for (guint max_ticks = 2; max_ticks <= 8; max_ticks++)
    for (double hi = 1; hi < 1e7; hi *= 1.37)
      {
        double m;

        ld_chart_ticks_compute (0, hi, max_ticks, TRUE, &t);
        g_assert_cmpuint (t.n_ticks, <=, max_ticks);
        g_assert_cmpuint (t.n_ticks, >=, 2);
        g_assert_cmpfloat (t.max, >=, hi);
        m = t.step / pow (10, floor (log10 (t.step)));
        g_assert_true (fabs (m - 1) < 1e-9 || fabs (m - 2) < 1e-9 || fabs (m - 5) < 1e-9);
      }

  /* Nothing, garbage and huge values give finite axes. */
  ld_chart_ticks_compute (0, 0, 5, TRUE, &t);
  g_assert_cmpfloat (t.max, ==, 1);
  ld_chart_ticks_compute (NAN, INFINITY, 5, TRUE, &t);
  g_assert_true (isfinite (t.min) && isfinite (t.max) && isfinite (t.step));
  ld_chart_ticks_compute (0, (double) G_MAXUINT64, 5, TRUE, &t);
  g_assert_true (isfinite (t.max) && t.max >= (double) G_MAXUINT64);
  g_assert_cmpuint (t.n_ticks, <=, 5);
}

static void
assert_str_free (char       *got,
                 const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_numbers (void)
{
  /* The C locale has no thousands separator. */
  assert_str_free (ld_chart_format_count (0), "0");
  assert_str_free (ld_chart_format_count (1234567), "1234567");
  assert_str_free (ld_chart_format_count (G_MAXUINT64), "18446744073709551615");

  assert_str_free (ld_chart_format_compact (0), "0");
  assert_str_free (ld_chart_format_compact (950), "950");
  assert_str_free (ld_chart_format_compact (999), "999");
  assert_str_free (ld_chart_format_compact (1000), "1k");
  assert_str_free (ld_chart_format_compact (1200), "1.2k");
  assert_str_free (ld_chart_format_compact (2000), "2k");
  assert_str_free (ld_chart_format_compact (12000), "12k");
  assert_str_free (ld_chart_format_compact (150000), "150k");
  assert_str_free (ld_chart_format_compact (999999), "1M");
  assert_str_free (ld_chart_format_compact (1.26e6), "1.3M");
  assert_str_free (ld_chart_format_compact (25e6), "25M");
  assert_str_free (ld_chart_format_compact (3e9), "3B");
  assert_str_free (ld_chart_format_compact (4.5e12), "4.5T");
  assert_str_free (ld_chart_format_compact (9.2e18), "9e+18");
  assert_str_free (ld_chart_format_compact (NAN), "–");

  assert_str_free (ld_chart_format_percent (41.234), "41.2%");
  assert_str_free (ld_chart_format_percent (100), "100.0%");
  assert_str_free (ld_chart_format_percent (NAN), "0.0%");
}

/* The user's locale groups digits and picks the decimal mark. */
static void
test_numbers_german (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }

  assert_str_free (ld_chart_format_count (1234567), "1.234.567");
  assert_str_free (ld_chart_format_compact (1200), "1,2k");
  assert_str_free (ld_chart_format_compact (950), "950");
  assert_str_free (ld_chart_format_percent (41.25), "41,2%");

  setlocale (LC_NUMERIC, saved);
}

/* glibc's bg_BG groups no digits ("217818"): CLDR's Bulgarian grouping stands in, a
 * no-break space from five digits on (minimumGroupingDigits 2), decimals stay glibc's. */
static void
test_numbers_bulgarian (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "bg_BG.UTF-8") == NULL)
    {
      g_test_skip ("bg_BG.UTF-8 is not installed (./bootstrap.sh test generates it)");
      return;
    }

  /* The C library's own answer, which the fallback exists for. */
  g_assert_cmpstr (localeconv ()->thousands_sep, ==, "");

  assert_str_free (ld_chart_format_count (0), "0");
  assert_str_free (ld_chart_format_count (999), "999");
  assert_str_free (ld_chart_format_count (4000), "4000");
  assert_str_free (ld_chart_format_count (9999), "9999");
  assert_str_free (ld_chart_format_count (20000), "20\u00a0000");
  assert_str_free (ld_chart_format_count (217818), "217\u00a0818");
  assert_str_free (ld_chart_format_count (1234567), "1\u00a0234\u00a0567");
  assert_str_free (ld_chart_format_count (G_MAXUINT64),
                   "18\u00a0446\u00a0744\u00a0073\u00a0709\u00a0551\u00a0615");
  assert_str_free (ld_chart_format_rate (7694), "76,94%");
  assert_str_free (ld_chart_format_compact (1200), "1,2k");

  /* German has glibc's own grouping, which stays. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL)
    assert_str_free (ld_chart_format_count (4000), "4.000");

  setlocale (LC_NUMERIC, saved);
}

static void
test_months (void)
{
  assert_str_free (ld_chart_format_month (ld_chart_month_index (2026, 11), FALSE), "Nov");
  assert_str_free (ld_chart_format_month (ld_chart_month_index (2026, 1), TRUE), "Jan 2026");
  assert_str_free (ld_chart_format_month_long (ld_chart_month_index (2026, 11)), "November 2026");
  g_assert_cmpint (ld_chart_month_index (2026, 1), ==, 2026 * 12);
}

static double
color_distance (const LdChartColor *a,
                const LdChartColor *b)
{
  return sqrt ((a->r - b->r) * (a->r - b->r) + (a->g - b->g) * (a->g - b->g) +
               (a->b - b->b) * (a->b - b->b));
}

/* Lightness differences survive every kind of colour blindness. */
static double
luma (const LdChartColor *c)
{
  return 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b;
}

static void
test_theme (void)
{
  static const guint32 accents[] = {
    0x3584e4, 0x78aeed, /* blue */
    0x2190a4, /* teal */
    0x3a944a, /* green */
    0xc88800, /* yellow */
    0xed5b00, /* orange */
    0xe62d42, /* red */
    0xd56199, /* pink */
    0x9141ac, /* purple */
    0x6f8396, /* slate */
  };

  for (guint d = 0; d < 2; d++)
    for (guint i = 0; i < G_N_ELEMENTS (accents); i++)
      {
        LdChartTheme theme;
        const LdChartColor *s;

        ld_chart_theme_init (&theme, d, ((accents[i] >> 16) & 0xff) / 255.0,
                             ((accents[i] >> 8) & 0xff) / 255.0, (accents[i] & 0xff) / 255.0);
        g_assert_cmpint (theme.dark, ==, d);
        g_assert_true (theme.font_family[0] != '\0');
        g_assert_cmpfloat (theme.font_size, >, 0);

        g_test_message ("accent %06x, %s", accents[i], d ? "dark" : "light");
        s = theme.series;
        g_assert_cmpfloat (color_distance (&s[LD_CHART_COLOR_PRIMARY], &s[LD_CHART_COLOR_SECONDARY]), >, 0.4);
        g_assert_cmpfloat (color_distance (&s[LD_CHART_COLOR_PRIMARY], &s[LD_CHART_COLOR_TERTIARY]), >, 0.3);
        g_assert_cmpfloat (color_distance (&s[LD_CHART_COLOR_SECONDARY], &s[LD_CHART_COLOR_TERTIARY]), >, 0.3);
        /* Each series stands out from the card. */
        for (guint k = 0; k < LD_CHART_N_COLORS; k++)
          g_assert_cmpfloat (fabs (luma (&s[k]) - luma (&theme.background)), >, 0.15);
      }

  {
    LdChartTheme light, dark;

    theme_for (&light, FALSE);
    theme_for (&dark, TRUE);
    g_assert_cmpfloat (luma (&light.background), >, 0.9);
    g_assert_cmpfloat (luma (&dark.background), <, 0.3);
    g_assert_cmpfloat (luma (&light.foreground), <, 0.5);
    g_assert_cmpfloat (luma (&dark.foreground), >, 0.5);
  }
}

/* ---- trend chart ----------------------------------------------------------------- */

/* New customers Jun–Nov 2026, with an empty July. */
static const guint64 new_customers[] = { 5, 0, 12, 30, 8, 3 };
static const guint64 cumulative[] = { 5, 5, 17, 47, 55, 58 };

static void
customers_data (LdTrendChartData *data,
                gboolean          with_line)
{
  ld_trend_chart_data_init (data);
  data->first_month = ld_chart_month_index (2026, 6);
  data->n_months = G_N_ELEMENTS (new_customers);
  data->n_series = with_line ? 2 : 1;
  data->series[0] = (LdTrendSeries) { "New customers", LD_TREND_SERIES_BARS, new_customers,
                                      LD_CHART_COLOR_PRIMARY };
  data->series[1] = (LdTrendSeries) { "All customers", LD_TREND_SERIES_LINE, cumulative,
                                      LD_CHART_COLOR_SECONDARY };
}

static void
test_trend_bars (void)
{
  LdTrendChartData data;

  customers_data (&data, FALSE);

  for (guint d = 0; d < 2; d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        LdChartTheme theme;
        cairo_surface_t *surface;
        const LdChartColor *primary;
        int w = sizes[s].w, h = sizes[s].h;
        int tallest_top = -1;
        g_autofree char *name = NULL;

        theme_for (&theme, d);
        primary = &theme.series[LD_CHART_COLOR_PRIMARY];
        surface = render (draw_trend, &data, &theme, w, h);
        name = g_strdup_printf ("trend-bars-%s-%dx%d.png", d ? "dark" : "light", w, h);
        save_png (surface, name);

        /* Not blank. */
        g_assert_cmpuint (count_pixels (surface, &theme.background, FALSE), >, (guint) (w * h / 100));

        for (guint m = 0; m < data.n_months; m++)
          {
            cairo_rectangle_t area;
            int cx, first, bottom;
            guint n;

            g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, m, &area));
            cx = (int) (area.x + area.width / 2);
            bottom = (int) (area.y + area.height);

            /* Hit-testing agrees with the drawing. */
            g_assert_cmpint (ld_trend_chart_month_at (&data, &theme, w, h, cx, area.y + area.height / 2), ==, (int) m);
            g_assert_cmpint (ld_trend_chart_month_at (&data, NULL, w, h, cx, bottom - 2), ==, (int) m);

            n = column_count (surface, cx, (int) area.y - 2, bottom, primary, &first);
            if (new_customers[m] == 0)
              {
                g_assert_cmpuint (n, ==, 0);
                continue;
              }

            g_assert_cmpuint (n, >, 0);
            /* The bar stands on the baseline, and its centre is the series colour. */
            g_assert_true (ld_test_pixel_is (ld_test_pixel_at (surface, cx, bottom - 2), primary, 6));
            g_assert_true (ld_test_pixel_is (ld_test_pixel_at (surface, cx, (first + bottom) / 2), primary, 6));
            if (new_customers[m] == 30)
              tallest_top = first;
          }

        /* The tallest bar reaches into the top of the plot. */
        {
          cairo_rectangle_t area;

          g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, 3, &area));
          g_assert_cmpint (tallest_top, >=, (int) area.y - 1);
          g_assert_cmpfloat (tallest_top - area.y, <, area.height * 0.3);
        }

        /* Outside the plot there is no month. */
        g_assert_cmpint (ld_trend_chart_month_at (&data, &theme, w, h, 1, 1), ==, -1);
        g_assert_cmpint (ld_trend_chart_month_at (&data, &theme, w, h, w - 1, h / 2), ==, -1);

        cairo_surface_destroy (surface);
      }
}

/* New and returning customers stacked, new at the bottom: each month's stack is as
 * tall as their sum, the parts in their own colours with the background between
 * them, and the tooltip and the words name the parts and the total. */
static void
test_trend_stacked (void)
{
  static const guint64 fresh[] = { 40, 10, 0, 25, 5 };
  static const guint64 returning[] = { 0, 30, 20, 25, 15 };
  static const guint64 so_far[] = { 40, 70, 85, 120, 130 };
  LdTrendChartData data;
  g_autofree char *summary = NULL;
  g_autofree char *alt = NULL;

  ld_trend_chart_data_init (&data);
  data.first_month = ld_chart_month_index (2026, 1);
  data.n_months = G_N_ELEMENTS (fresh);
  data.n_series = 3;
  data.bar_layout = LD_TREND_BARS_STACKED;
  data.total_label = "Active customers";
  data.series[0] = (LdTrendSeries) { "New customers", LD_TREND_SERIES_BARS, fresh, LD_CHART_COLOR_PRIMARY };
  data.series[1] = (LdTrendSeries) { "Returning customers", LD_TREND_SERIES_BARS, returning,
                                     LD_CHART_COLOR_PRIMARY_SHADE };
  data.series[2] = (LdTrendSeries) { "Cumulative customers", LD_TREND_SERIES_LINE, so_far,
                                     LD_CHART_COLOR_SECONDARY };

  for (guint d = 0; d < 2; d++)
    {
      LdChartTheme theme;
      cairo_surface_t *surface;
      int w = 800, h = 400;
      int top[G_N_ELEMENTS (fresh)];

      theme_for (&theme, d);
      surface = render (draw_trend, &data, &theme, w, h);
      save_png (surface, d ? "trend-stacked-dark.png" : "trend-stacked-light.png");

      for (guint m = 0; m < data.n_months; m++)
        {
          const LdChartColor *new_color = &theme.series[LD_CHART_COLOR_PRIMARY];
          const LdChartColor *shade = &theme.series[LD_CHART_COLOR_PRIMARY_SHADE];
          cairo_rectangle_t area;
          int cx, bottom, first_new, first_shade;
          guint n_new, n_shade;

          g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, m, &area));
          /* Left of the centre: the line and its dots run through the middle. */
          cx = (int) (area.x + area.width * 0.35);
          bottom = (int) (area.y + area.height);
          n_new = column_count (surface, cx, (int) area.y - 2, bottom, new_color, &first_new);
          n_shade = column_count (surface, cx, (int) area.y - 2, bottom, shade, &first_shade);

          g_assert_cmpuint (n_new > 0, ==, fresh[m] > 0);
          g_assert_cmpuint (n_shade > 0, ==, returning[m] > 0);
          if (fresh[m] > 0)
            g_assert_true (ld_test_pixel_is (ld_test_pixel_at (surface, cx, bottom - 2), new_color, 6));
          if (fresh[m] > 0 && returning[m] > 0)
            {
              /* Returning on top of new, a row of neither between them. */
              g_assert_cmpint (first_shade + (int) n_shade, <, first_new);
            }
          top[m] = MIN (first_new >= 0 ? first_new : bottom, first_shade >= 0 ? first_shade : bottom);
        }

      /* A stack is as tall as its sum: Apr (50) stands 1.25 times Jan (40), Feb
       * (40, two parts) as tall as Jan (one part). */
      {
        cairo_rectangle_t area;
        double base;

        g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, 0, &area));
        base = area.y + area.height;
        g_assert_cmpfloat (fabs ((base - top[3]) / (base - top[0]) - 1.25), <, 0.05);
        g_assert_cmpint (abs (top[1] - top[0]), <=, 1);
      }

      cairo_surface_destroy (surface);
    }

  summary = ld_trend_chart_get_month_summary (&data, 3);
  g_assert_cmpstr (summary, ==, "April 2026\nNew customers: 25\nReturning customers: 25\n"
                                "Active customers: 50\nCumulative customers: 120");
  alt = ld_trend_chart_get_text_alternative (&data);
  ld_test_assert_contains (alt, "New customers fell from 40 in January 2026 to 5 in May 2026");
  ld_test_assert_contains (alt, "Returning customers rose from 0 in January 2026 to 15 in May 2026");
  ld_test_assert_contains (alt, "Active customers");
}

static void
test_trend_bars_and_line (void)
{
  LdTrendChartData data;

  customers_data (&data, TRUE);
  data.highlight = 3;

  for (guint d = 0; d < 2; d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        LdChartTheme theme;
        cairo_surface_t *surface;
        int w = sizes[s].w, h = sizes[s].h;
        g_autofree char *name = NULL;
        cairo_rectangle_t area;
        int first;

        theme_for (&theme, d);
        surface = render (draw_trend, &data, &theme, w, h);
        name = g_strdup_printf ("trend-customers-%s-%dx%d.png", d ? "dark" : "light", w, h);
        save_png (surface, name);

        g_assert_cmpuint (count_pixels (surface, &theme.series[LD_CHART_COLOR_SECONDARY], TRUE), >, 20);
        g_assert_cmpuint (count_pixels (surface, &theme.series[LD_CHART_COLOR_PRIMARY], TRUE), >, 20);

        /* Shared axes: the last point of the line (58, the maximum) is near the
         * top, and the line passes over the empty July. */
        g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, 5, &area));
        g_assert_cmpuint (column_count (surface, (int) (area.x + area.width / 2), (int) area.y - 4,
                                        (int) (area.y + area.height * 0.2),
                                        &theme.series[LD_CHART_COLOR_SECONDARY], &first), >, 0);
        g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, 1, &area));
        g_assert_cmpuint (column_count (surface, (int) (area.x + area.width / 2), (int) area.y,
                                        (int) (area.y + area.height),
                                        &theme.series[LD_CHART_COLOR_PRIMARY], &first), ==, 0);
        g_assert_cmpuint (column_count (surface, (int) (area.x + area.width / 2), (int) area.y,
                                        (int) (area.y + area.height),
                                        &theme.series[LD_CHART_COLOR_SECONDARY], &first), >, 0);
        cairo_surface_destroy (surface);
      }
}

static void
test_trend_licenses (void)
{
  static const guint64 provisioned[] = { 120, 150, 0, 210, 360, 340, 80, 95, 400, 420, 380, 500 };
  static const guint64 assigned[] = { 100, 90, 0, 200, 240, 300, 40, 90, 350, 300, 370, 410 };

  for (guint layout = 0; layout < 2; layout++)
    for (guint d = 0; d < 2; d++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          LdTrendChartData data;
          LdChartTheme theme;
          cairo_surface_t *surface;
          int w = sizes[s].w, h = sizes[s].h;
          g_autofree char *name = NULL;

          ld_trend_chart_data_init (&data);
          data.first_month = ld_chart_month_index (2025, 12);
          data.n_months = G_N_ELEMENTS (provisioned);
          data.n_series = 2;
          data.bar_layout = layout;
          data.series[0] = (LdTrendSeries) { "Provisioned", LD_TREND_SERIES_BARS, provisioned, LD_CHART_COLOR_PRIMARY };
          data.series[1] = (LdTrendSeries) { "Assigned", LD_TREND_SERIES_BARS, assigned, LD_CHART_COLOR_SECONDARY };

          theme_for (&theme, d);
          surface = render (draw_trend, &data, &theme, w, h);
          name = g_strdup_printf ("trend-licenses-%s-%s-%dx%d.png",
                                  layout == LD_TREND_BARS_NESTED ? "nested" : "grouped",
                                  d ? "dark" : "light", w, h);
          save_png (surface, name);

          for (guint m = 0; m < data.n_months; m++)
            {
              cairo_rectangle_t area;
              int first;
              guint n_p, n_a;

              g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, m, &area));
              n_p = 0;
              n_a = 0;
              for (int x = (int) area.x + 1; x < (int) (area.x + area.width) - 1; x++)
                {
                  n_p += column_count (surface, x, (int) area.y - 2, (int) (area.y + area.height),
                                       &theme.series[LD_CHART_COLOR_PRIMARY], &first);
                  n_a += column_count (surface, x, (int) area.y - 2, (int) (area.y + area.height),
                                       &theme.series[LD_CHART_COLOR_SECONDARY], &first);
                }
              if (provisioned[m] == 0)
                g_assert_cmpuint (n_p, ==, 0);
              else
                g_assert_cmpuint (n_p, >, 0);
              if (assigned[m] == 0)
                g_assert_cmpuint (n_a, ==, 0);
              else
                g_assert_cmpuint (n_a, >, 0);
            }

          cairo_surface_destroy (surface);
        }
}

static void
test_trend_long_range (void)
{
  guint64 values[121];
  LdTrendChartData data;

  /* Ten years of months, with seasonality, at every width. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = 50 + (guint64) (40 * (1 + sin (i * G_PI / 6))) + i * 3;

  ld_trend_chart_data_init (&data);
  data.first_month = ld_chart_month_index (2016, 11);
  data.n_months = G_N_ELEMENTS (values);
  data.n_series = 1;
  data.series[0] = (LdTrendSeries) { "Rows", LD_TREND_SERIES_LINE, values, LD_CHART_COLOR_PRIMARY };

  for (guint d = 0; d < 2; d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        LdChartTheme theme;
        cairo_surface_t *surface;
        int w = sizes[s].w, h = sizes[s].h;
        g_autofree char *name = NULL;

        theme_for (&theme, d);
        surface = render (draw_trend, &data, &theme, w, h);
        name = g_strdup_printf ("trend-line-120-%s-%dx%d.png", d ? "dark" : "light", w, h);
        save_png (surface, name);
        g_assert_cmpuint (count_pixels (surface, &theme.series[LD_CHART_COLOR_PRIMARY], TRUE), >, 50);
        for (guint m = 0; m < data.n_months; m += 7)
          {
            cairo_rectangle_t area;

            g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, m, &area));
            g_assert_cmpint (ld_trend_chart_month_at (&data, &theme, w, h, area.x + area.width / 2, h / 2), ==, (int) m);
          }
        cairo_surface_destroy (surface);
      }
}

static void
test_trend_empty (void)
{
  static const guint64 zeros[] = { 0, 0, 0 };
  LdTrendChartData data;

  for (guint variant = 0; variant < 2; variant++)
    for (guint d = 0; d < 2; d++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          LdChartTheme theme;
          cairo_surface_t *surface;
          int w = sizes[s].w, h = sizes[s].h;
          g_autofree char *alt = NULL;

          ld_trend_chart_data_init (&data);
          data.first_month = ld_chart_month_index (2026, 1);
          data.n_months = variant == 0 ? 0 : G_N_ELEMENTS (zeros);
          data.n_series = 1;
          data.series[0] = (LdTrendSeries) { "Provisioned", LD_TREND_SERIES_BARS, zeros, LD_CHART_COLOR_PRIMARY };

          theme_for (&theme, d);
          surface = render (draw_trend, &data, &theme, w, h);
          if (variant == 1 && s == 1)
            save_png (surface, d ? "trend-empty-dark.png" : "trend-empty-light.png");

          /* The message is drawn, the series colour is not. */
          g_assert_cmpuint (count_pixels (surface, &theme.background, FALSE), >, 50);
          /* (The "Others" grey is a grey as the message's text is, which its
           * antialiased edges can match.) */
          for (guint k = 0; k < LD_CHART_N_COLORS; k++)
            if (k != LD_CHART_COLOR_OTHERS)
              g_assert_cmpuint (count_pixels (surface, &theme.series[k], TRUE), ==, 0);
          g_assert_cmpint (ld_trend_chart_month_at (&data, &theme, w, h, w / 2, h / 2), ==, -1);

          alt = ld_trend_chart_get_text_alternative (&data);
          g_assert_nonnull (alt);
          if (variant == 0)
            g_assert_cmpstr (alt, ==, "No data in this range.");
          cairo_surface_destroy (surface);
        }
}

static void
test_trend_extremes (void)
{
  static const guint64 one[] = { 42 };
  static const guint64 huge[] = { 0, G_MAXUINT64 / 2, 1, 7 };
  const guint64 *sets[] = { one, huge };
  guint lens[] = { G_N_ELEMENTS (one), G_N_ELEMENTS (huge) };

  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    for (guint kind = 0; kind < 2; kind++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          LdTrendChartData data;
          LdChartTheme theme;
          cairo_surface_t *surface;
          int w = sizes[s].w, h = sizes[s].h;
          g_autofree char *alt = NULL;
          cairo_rectangle_t area;

          ld_trend_chart_data_init (&data);
          data.first_month = ld_chart_month_index (2026, 3);
          data.n_months = lens[k];
          data.n_series = 1;
          data.series[0] = (LdTrendSeries) { "Provisioned", kind, sets[k], LD_CHART_COLOR_PRIMARY };

          theme_for (&theme, FALSE);
          surface = render (draw_trend, &data, &theme, w, h);
          if (s == 1)
            {
              g_autofree char *name = g_strdup_printf ("trend-extreme-%u-%s.png", k, kind ? "line" : "bars");
              save_png (surface, name);
            }
          g_assert_cmpuint (count_pixels (surface, &theme.series[LD_CHART_COLOR_PRIMARY], TRUE), >, 4);

          g_assert_true (ld_trend_chart_get_month_area (&data, &theme, w, h, 0, &area));
          g_assert_true (isfinite (area.x) && isfinite (area.y) && area.width > 0 && area.height > 0);

          alt = ld_trend_chart_get_text_alternative (&data);
          g_assert_null (strstr (alt, "nan"));
          g_assert_null (strstr (alt, "inf"));
          cairo_surface_destroy (surface);
        }
}

static void
test_trend_text_alternative (void)
{
  static const guint64 provisioned[] = { 120, 200, 150, 250, 360, 340 };
  static const guint64 flat[] = { 7, 9, 7 };
  LdTrendChartData data;
  g_autofree char *alt = NULL;
  g_autofree char *alt_flat = NULL;

  ld_trend_chart_data_init (&data);
  data.first_month = ld_chart_month_index (2026, 6);
  data.n_months = G_N_ELEMENTS (provisioned);
  data.n_series = 1;
  data.series[0] = (LdTrendSeries) { "Provisioned", LD_TREND_SERIES_BARS, provisioned, LD_CHART_COLOR_PRIMARY };
  alt = ld_trend_chart_get_text_alternative (&data);
  g_assert_cmpstr (alt, ==, "Provisioned rose from 120 in June 2026 to 340 in November 2026; "
                            "peak 360 in October 2026.");

  {
    g_autofree char *tip = ld_trend_chart_get_month_summary (&data, 4);

    g_assert_cmpstr (tip, ==, "October 2026\nProvisioned: 360");
    g_assert_null (ld_trend_chart_get_month_summary (&data, 6));
    g_assert_null (ld_trend_chart_get_month_summary (&data, -1));
  }

  data.n_months = G_N_ELEMENTS (flat);
  data.series[0].values = flat;
  alt_flat = ld_trend_chart_get_text_alternative (&data);
  g_assert_cmpstr (alt_flat, ==, "Provisioned was 7 in June 2026 and in August 2026; peak 9 in July 2026.");
}

/* ---- bar chart ------------------------------------------------------------------- */

static const LdBarChartItem countries[] = {
  { "United States", 5200, 4100, FALSE },
  { "Germany", 2400, 2300, FALSE },
  { "United Kingdom of Great Britain and Northern Ireland", 1800, 900, FALSE },
  { "Japan", 900, 850, FALSE },
  { "Brazil", 300, 0, FALSE },
  { "Norway", 120, 100, FALSE },
  { "Iceland", 40, 5, FALSE },
};

static void
test_bar_fold (void)
{
  LdBarChartItem out[5];
  guint n;

  n = ld_bar_chart_fold_items (countries, G_N_ELEMENTS (countries), 5, out);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (out[0].label, ==, "United States");
  g_assert_cmpstr (out[3].label, ==, "Japan");
  g_assert_cmpstr (out[4].label, ==, "Others");
  g_assert_true (out[4].is_others);
  g_assert_cmpuint (out[4].value, ==, 300 + 120 + 40);
  g_assert_cmpuint (out[4].secondary, ==, 0 + 100 + 5);

  n = ld_bar_chart_fold_items (countries, 3, 5, out);
  g_assert_cmpuint (n, ==, 3);
  g_assert_false (out[2].is_others);
}

static void
test_bar_chart (void)
{
  LdBarChartItem items[6];
  LdBarChartData data;
  guint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    total += countries[i].value;

  ld_bar_chart_data_init (&data);
  data.items = items;
  data.n_items = ld_bar_chart_fold_items (countries, G_N_ELEMENTS (countries), G_N_ELEMENTS (items), items);
  data.value_label = "Provisioned";
  data.secondary_label = "Assigned";
  data.has_secondary = TRUE;
  data.show_percent = TRUE;
  data.highlight = 1;

  for (guint d = 0; d < 2; d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        LdChartTheme theme;
        cairo_surface_t *surface;
        int w = sizes[s].w, h = MAX (sizes[s].h, (int) ld_bar_chart_get_preferred_height (&data, NULL, sizes[s].w));
        g_autofree char *name = NULL;

        theme_for (&theme, d);
        surface = render (draw_bars, &data, &theme, w, h);
        name = g_strdup_printf ("bars-%s-%dx%d.png", d ? "dark" : "light", w, h);
        save_png (surface, name);

        for (guint i = 0; i < data.n_items; i++)
          {
            const LdChartColor *fill = &theme.series[items[i].is_others ? LD_CHART_COLOR_OTHERS
                                                                        : LD_CHART_COLOR_PRIMARY];
            cairo_rectangle_t bar;
            double len = bar.width;
            int cy, end_x;

            g_assert_true (ld_bar_chart_get_bar_area (&data, &theme, w, h, i, &bar));
            len = bar.width * items[i].value / items[0].value;
            cy = (int) (bar.y + bar.height / 2);
            g_assert_cmpint (ld_bar_chart_item_at (&data, &theme, w, h, bar.x + len / 2, cy), ==, (int) i);

            /* Above the inner bar, the outer bar's own colour; past its end, none. */
            g_assert_true (ld_test_pixel_is (ld_test_pixel_at (surface, (int) (bar.x + len / 2), (int) (bar.y + 1.5)), fill, 6));
            end_x = (int) (bar.x + len + 3);
            if (end_x < bar.x + bar.width - 1)
              g_assert_false (ld_test_pixel_is (ld_test_pixel_at (surface, end_x, (int) (bar.y + 1.5)), fill, 20));

            /* The assigned share runs inside. */
            if (bar.width * items[i].secondary / items[0].value > 6)
              g_assert_true (ld_test_pixel_is (ld_test_pixel_at (surface, (int) (bar.x + 3), cy),
                                       &theme.series[LD_CHART_COLOR_SECONDARY], 6));
          }

        g_assert_cmpint (ld_bar_chart_item_at (&data, &theme, w, h, w / 2, h - 1), ==, -1);
        cairo_surface_destroy (surface);
      }

  /* Too short for every row: no crash, the top rows still shown. */
  {
    LdChartTheme theme;
    cairo_surface_t *surface;
    cairo_rectangle_t bar;

    theme_for (&theme, FALSE);
    surface = render (draw_bars, &data, &theme, 320, 90);
    g_assert_true (ld_bar_chart_get_bar_area (&data, &theme, 320, 90, 0, &bar));
    cairo_surface_destroy (surface);
  }
}

/* The bars are scaled to the largest named item: an "Others" of 87 % does not make
 * the top customers slivers. It stands apart, broken where it passes the scale. */
static void
test_bar_scale (void)
{
  static const LdBarChartItem items[] = {
    { "Zenith", 4743, 4000, FALSE },
    { "Hudson", 3800, 1900, FALSE },
    { "Quantum", 950, 900, FALSE },
    { "1,976 others", 189506, 150000, TRUE },
  };
  LdBarChartData data;

  ld_bar_chart_data_init (&data);
  data.items = items;
  data.n_items = G_N_ELEMENTS (items);
  data.value_label = "Provisioned";
  data.secondary_label = "Assigned";
  data.has_secondary = TRUE;
  data.show_percent = TRUE;

  for (guint d = 0; d < 2; d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        LdChartTheme theme;
        cairo_surface_t *surface;
        int w = sizes[s].w, h = MAX (sizes[s].h, (int) ld_bar_chart_get_preferred_height (&data, NULL, sizes[s].w));
        const LdChartColor *primary, *others;
        cairo_rectangle_t bar, last, prev;
        int y, n_others = 0, n_gap = 0;
        g_autofree char *name = NULL;

        theme_for (&theme, d);
        primary = &theme.series[LD_CHART_COLOR_PRIMARY];
        others = &theme.series[LD_CHART_COLOR_OTHERS];
        surface = render (draw_bars, &data, &theme, w, h);
        name = g_strdup_printf ("bars-scale-%s-%dx%d.png", d ? "dark" : "light", w, h);
        save_png (surface, name);

        /* The top item fills its track; the second is 3800/4743 of it. */
        for (guint i = 0; i < 2; i++)
          {
            double len;

            g_assert_true (ld_bar_chart_get_bar_area (&data, &theme, w, h, i, &bar));
            len = bar.width * items[i].value / items[0].value;
            y = (int) (bar.y + 1.5);
            g_assert_true (ld_test_pixel_is (ld_test_pixel_at (surface, (int) (bar.x + len - 4), y), primary, 8));
            if (len + 4 < bar.width)
              g_assert_false (ld_test_pixel_is (ld_test_pixel_at (surface, (int) (bar.x + len + 4), y), primary, 20));
          }

        /* "Others" runs the whole track, broken: a gap of no grey in it. */
        g_assert_true (ld_bar_chart_get_bar_area (&data, &theme, w, h, 3, &last));
        g_assert_true (ld_bar_chart_get_bar_area (&data, &theme, w, h, 2, &prev));
        y = (int) (last.y + 1.5);
        for (int x = (int) last.x + 2; x < (int) (last.x + last.width) - 2; x++)
          {
            if (ld_test_pixel_is (ld_test_pixel_at (surface, x, y), others, 8))
              n_others++;
            else if (x > last.x + last.width * 0.5)
              n_gap++;
          }
        g_assert_cmpint (n_others, >, (int) (last.width * 0.8));
        g_assert_cmpint (n_gap, >=, 2);
        g_assert_true (ld_test_pixel_is (ld_test_pixel_at (surface, (int) (last.x + last.width - 4), y), others, 8));

        /* Apart: more room above it than between the ranked rows, and hit-testing
         * finds it where it is drawn. */
        g_assert_true (ld_bar_chart_get_bar_area (&data, &theme, w, h, 1, &bar));
        g_assert_cmpfloat (last.y - prev.y, >, prev.y - bar.y + 2);
        g_assert_cmpint (ld_bar_chart_item_at (&data, &theme, w, h, last.x + 10, last.y + last.height / 2), ==, 3);
        g_assert_cmpint (ld_bar_chart_item_at (&data, &theme, w, h, prev.x + 10, prev.y + prev.height / 2), ==, 2);

        cairo_surface_destroy (surface);
      }
}

static void
test_bar_empty_and_text (void)
{
  LdBarChartData data;
  LdChartTheme theme;
  cairo_surface_t *surface;
  g_autofree char *alt = NULL;
  g_autofree char *alt_empty = NULL;

  ld_bar_chart_data_init (&data);
  theme_for (&theme, TRUE);
  surface = render (draw_bars, &data, &theme, 320, 200);
  g_assert_cmpuint (count_pixels (surface, &theme.background, FALSE), >, 50);
  g_assert_cmpuint (count_pixels (surface, &theme.series[LD_CHART_COLOR_PRIMARY], TRUE), ==, 0);
  g_assert_cmpint (ld_bar_chart_item_at (&data, &theme, 320, 200, 160, 100), ==, -1);
  alt_empty = ld_bar_chart_get_text_alternative (&data);
  g_assert_cmpstr (alt_empty, ==, "No data in this range.");
  cairo_surface_destroy (surface);

  data.items = countries;
  data.n_items = 2;
  data.value_label = "Provisioned";
  data.show_percent = TRUE;
  alt = ld_bar_chart_get_text_alternative (&data);
  g_assert_cmpstr (alt, ==, "United States: Provisioned 5200 (68.4%); Germany: Provisioned 2400 (31.6%).");

  data.has_secondary = TRUE;
  data.secondary_label = "Assigned";
  {
    g_autofree char *tip = ld_bar_chart_get_item_summary (&data, 1);

    g_assert_cmpstr (tip, ==, "Germany\nProvisioned: 2400 (31.6%)\nAssigned: 2300");
    g_assert_null (ld_bar_chart_get_item_summary (&data, 2));
  }
}

/* ---- surfaces -------------------------------------------------------------------- */

/* The PDF's streams hold NUL bytes, so no str* function will do. */
static gboolean
contains_bytes (const char *haystack,
                gsize       len,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
test_pdf (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "charts.pdf", NULL);
  g_autofree char *contents = NULL;
  LdTrendChartData trend;
  LdBarChartData bars;
  LdChartTheme theme;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize len;

  customers_data (&trend, TRUE);
  ld_bar_chart_data_init (&bars);
  bars.items = countries;
  bars.n_items = G_N_ELEMENTS (countries);
  theme_for (&theme, FALSE);

  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  ld_trend_chart_draw (cr, 595, 300, &trend, &theme);
  cairo_translate (cr, 0, 320);
  ld_bar_chart_draw (cr, 595, 300, &bars, &theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  /* Vector text: the labels are set in an embedded font, not painted as pixels. */
  g_assert_true (contains_bytes (contents, len, "/Font"));
  g_assert_false (contains_bytes (contents, len, "/Subtype /Image"));
}

static int
compare_words_x (gconstpointer a,
                 gconstpointer b)
{
  const LdTestPdfWord *x = *(const LdTestPdfWord *const *) a;
  const LdTestPdfWord *y = *(const LdTestPdfWord *const *) b;

  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Month axes name the year of their first label and wherever the year changes, in
 * the user's language: a range starting in December reads "Dec / 2025", "Jan / 2026",
 * and an axis labelling every third month names the year under the first label of
 * each year. Read back from the PDF: where each word is drawn. */
static void
test_trend_axis_years (void)
{
  static const char *const locales[] = { "C.UTF-8", "de_DE.UTF-8", "bg_BG.UTF-8" };
  static const guint64 values[24] = { 3, 5, 2, 7, 4, 6, 8, 1, 9, 3, 5, 2, 7, 4, 6, 8, 1, 9, 3, 5, 2, 7, 4, 6 };
  static const struct { int first_month; guint n_months; double width; } ranges[] = {
    { 2025 * 12 + 11, 6, 500 },    /* Dec 2025 – May 2026: every month labelled */
    { 2024 * 12 + 10, 24, 360 },   /* Nov 2024 – Oct 2026, narrow: every few months */
    { 2026 * 12 + 2, 3, 400 },     /* Mar – May 2026: no change of year */
  };
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));

  if (!ld_test_have_poppler ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  for (guint loc = 0; loc < G_N_ELEMENTS (locales); loc++)
    {
      if (setlocale (LC_TIME, locales[loc]) == NULL)
        {
          g_test_message ("%s is not installed: not checked", locales[loc]);
          continue;
        }

      for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
        {
          g_autofree char *path = g_build_filename (tmp_dir, "axis.pdf", NULL);
          g_autoptr(GArray) words = NULL;
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          g_autoptr(GPtrArray) years = g_ptr_array_new ();
          LdTrendChartData data;
          LdChartTheme theme;
          cairo_surface_t *surface;
          cairo_t *cr;
          double height = 240, names_y = G_MAXDOUBLE;
          int month, prev_year = -1;
          guint n_year_words = 0;

          ld_trend_chart_data_init (&data);
          data.first_month = ranges[r].first_month;
          data.n_months = ranges[r].n_months;
          data.n_series = 1;
          data.series[0] = (LdTrendSeries) { "Provisioned", LD_TREND_SERIES_BARS, values,
                                             LD_CHART_COLOR_PRIMARY };
          theme_for (&theme, FALSE);

          surface = cairo_pdf_surface_create (path, ranges[r].width, height);
          cr = cairo_create (surface);
          ld_trend_chart_draw (cr, ranges[r].width, height, &data, &theme);
          cairo_destroy (cr);
          cairo_surface_finish (surface);
          cairo_surface_destroy (surface);
          words = ld_test_pdf_words (path);

          /* The axis: month names on one line, years on the line under it. */
          for (guint i = 0; i < words->len; i++)
            {
              LdTestPdfWord *word = &g_array_index (words, LdTestPdfWord, i);

              if (word->y0 > height * 0.7 && !g_ascii_isdigit (word->text[0]))
                names_y = MIN (names_y, word->y0);
            }
          for (guint i = 0; i < words->len; i++)
            {
              LdTestPdfWord *word = &g_array_index (words, LdTestPdfWord, i);

              if (fabs (word->y0 - names_y) < 1)
                g_ptr_array_add (names, word);
              else if (word->y0 > names_y + 1 && g_ascii_isdigit (word->text[0]))
                g_ptr_array_add (years, word);
            }
          g_ptr_array_sort (names, compare_words_x);
          g_assert_cmpuint (names->len, >=, 2);

          /* Each name is the next labelled month; the first is the range's first. */
          month = data.first_month;
          for (guint i = 0; i < names->len; i++)
            {
              const LdTestPdfWord *name = g_ptr_array_index (names, i);
              double cx = (name->x0 + name->x1) / 2;
              const LdTestPdfWord *under = NULL;

              for (; month < data.first_month + (int) data.n_months; month++)
                {
                  g_autofree char *expected = ld_chart_format_month (month, FALSE);

                  if (g_strcmp0 (expected, name->text) == 0)
                    break;
                  g_assert_cmpuint (i, >, 0);
                }
              g_assert_cmpint (month, <, data.first_month + (int) data.n_months);

              for (guint y = 0; y < years->len; y++)
                {
                  const LdTestPdfWord *year = g_ptr_array_index (years, y);

                  if (fabs ((year->x0 + year->x1) / 2 - cx) < 3)
                    under = year;
                }

              /* Under the first label and the first of every new year, and nowhere else. */
              if (month / 12 != prev_year)
                {
                  g_autofree char *year = g_strdup_printf ("%d", month / 12);

                  g_assert_nonnull (under);
                  g_assert_cmpstr (under->text, ==, year);
                  n_year_words++;
                }
              else
                g_assert_null (under);
              prev_year = month / 12;
              month++;
            }
          g_assert_cmpuint (years->len, ==, n_year_words);

          g_unlink (path);
        }
    }

  setlocale (LC_TIME, saved);
}

static void
test_recording_and_scale (void)
{
  LdTrendChartData data;
  LdChartTheme theme;
  cairo_surface_t *recording, *image;
  cairo_rectangle_t area;
  double x, y, w, h;
  cairo_t *cr;
  int first;

  customers_data (&data, FALSE);
  theme_for (&theme, TRUE);

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  ld_trend_chart_draw (cr, 800, 300, &data, &theme);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  g_assert_cmpfloat (w, >, 700);
  g_assert_cmpfloat (h, >, 250);
  cairo_surface_destroy (recording);

  /* A HiDPI surface: user space is still 800 × 300 and the bars land where the
   * layout says, at twice the pixels. */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 600);
  cairo_surface_set_device_scale (image, 2, 2);
  cr = cairo_create (image);
  ld_trend_chart_draw (cr, 800, 300, &data, &theme);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  save_png (image, "trend-bars-dark-800x300@2.png");

  g_assert_true (ld_trend_chart_get_month_area (&data, &theme, 800, 300, 3, &area));
  g_assert_cmpuint (column_count (image, (int) ((area.x + area.width / 2) * 2), (int) (area.y * 2),
                                  (int) ((area.y + area.height) * 2),
                                  &theme.series[LD_CHART_COLOR_PRIMARY], &first), >, 100);
  g_assert_true (ld_trend_chart_get_month_area (&data, &theme, 800, 300, 1, &area));
  g_assert_cmpuint (column_count (image, (int) ((area.x + area.width / 2) * 2), (int) (area.y * 2),
                                  (int) ((area.y + area.height) * 2),
                                  &theme.series[LD_CHART_COLOR_PRIMARY], &first), ==, 0);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  /* Known formats: no digit grouping, English month names. */
  setlocale (LC_ALL, "C.UTF-8");

  tmp_dir = g_dir_make_tmp ("test-charts-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_message ("PNGs in %s", tmp_dir);

  g_test_add_func ("/charts/format/ticks", test_ticks);
  g_test_add_func ("/charts/format/numbers", test_numbers);
  g_test_add_func ("/charts/format/numbers-german", test_numbers_german);
  g_test_add_func ("/charts/format/numbers-bulgarian", test_numbers_bulgarian);
  g_test_add_func ("/charts/format/months", test_months);
  g_test_add_func ("/charts/theme", test_theme);
  g_test_add_func ("/charts/trend/bars", test_trend_bars);
  g_test_add_func ("/charts/trend/bars-and-line", test_trend_bars_and_line);
  g_test_add_func ("/charts/trend/stacked", test_trend_stacked);
  g_test_add_func ("/charts/trend/licenses", test_trend_licenses);
  g_test_add_func ("/charts/trend/long-range", test_trend_long_range);
  g_test_add_func ("/charts/trend/empty", test_trend_empty);
  g_test_add_func ("/charts/trend/extremes", test_trend_extremes);
  g_test_add_func ("/charts/trend/text-alternative", test_trend_text_alternative);
  g_test_add_func ("/charts/trend/axis-years", test_trend_axis_years);
  g_test_add_func ("/charts/bar/fold", test_bar_fold);
  g_test_add_func ("/charts/bar/draw", test_bar_chart);
  g_test_add_func ("/charts/bar/scale", test_bar_scale);
  g_test_add_func ("/charts/bar/empty-and-text", test_bar_empty_and_text);
  g_test_add_func ("/charts/pdf", test_pdf);
  g_test_add_func ("/charts/recording-and-scale", test_recording_and_scale);

  ret = g_test_run ();

  /* The PNGs and the PDF were for looking at while the test ran; keep them
   * only when asked. */
  if (g_getenv ("LD_CHART_KEEP_TMP") == NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (tmp_dir);
    }
  g_free (tmp_dir);

  return ret;
}
