/* ld-trend-chart.c — a monthly time series: bars and lines on shared axes
 *
 * Drawing and hit-testing go through one layout function, so the month a
 * tooltip names is the month the pointer is over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ld-chart-format.h"
#include "ld-chart-paint.h"
#include "ld-trend-chart.h"

typedef struct
{
  gboolean     empty;
  double       pad;
  double       legend_h;
  double       px, py, pw, ph; /* the plot: y = py is the top tick, py + ph the baseline */
  double       slot;           /* width of one month */
  double       label_y;        /* centre line of the month labels */
  LdChartTicks ticks;
  gboolean     compact;        /* "12k" rather than "12,000" on the y axis */
  guint        skip;           /* a month label every @skip months, on calendar boundaries */
  guint        label_lines;    /* 2: month names with years under them; 1: years only */
} Layout;

static const guint skips[] = { 1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600, 1200 };

void
ld_trend_chart_data_init (LdTrendChartData *data)
{
  g_return_if_fail (data != NULL);

  memset (data, 0, sizeof *data);
  data->highlight = -1;
}

static guint
n_series (const LdTrendChartData *data)
{
  return MIN (data->n_series, LD_TREND_CHART_MAX_SERIES);
}

/* The sum of the bar series in @month, for stacked bars. */
static guint64
stack_total (const LdTrendChartData *data,
             guint                   month)
{
  guint64 total = 0;

  for (guint s = 0; s < n_series (data); s++)
    if (data->series[s].kind == LD_TREND_SERIES_BARS && data->series[s].values != NULL)
      total += data->series[s].values[month];

  return total;
}

static guint64
max_value (const LdTrendChartData *data)
{
  guint64 max = 0;

  for (guint s = 0; s < n_series (data); s++)
    {
      if (data->series[s].values == NULL)
        continue;
      for (guint i = 0; i < data->n_months; i++)
        max = MAX (max, data->series[s].values[i]);
    }

  if (data->bar_layout == LD_TREND_BARS_STACKED)
    for (guint i = 0; i < data->n_months; i++)
      max = MAX (max, stack_total (data, i));

  return max;
}

static const LdChartColor *
series_color (const LdChartTheme *theme,
              const LdTrendSeries *series)
{
  return ld_chart_theme_get_color (theme, series->color);
}

static guint
build_legend (const LdTrendChartData *data,
              const LdChartTheme     *theme,
              LdChartLegendEntry     *entries)
{
  guint n = 0;

  for (guint s = 0; s < n_series (data); s++)
    {
      const LdTrendSeries *series = &data->series[s];

      if (series->label == NULL || series->values == NULL)
        continue;

      entries[n].label = series->label;
      entries[n].swatch = series->kind == LD_TREND_SERIES_LINE ? LD_CHART_SWATCH_LINE
                                                               : LD_CHART_SWATCH_BAR;
      entries[n].color = series_color (theme, series);
      n++;
    }

  return n;
}

static gboolean
month_is_labelled (int   month,
                   guint skip)
{
  if (skip < 12)
    return month % (int) skip == 0;

  return month % 12 == 0 && (month / 12) % (int) (skip / 12) == 0;
}

/* Past a year per label only the year is worth printing; below that the month
 * name, with the year on a second line under January and under the first
 * label, so a reader always knows which year it is without widening labels. */
static char *
month_label (int   month,
             guint skip)
{
  if (skip >= 12)
    return g_strdup_printf ("%d", month / 12);

  return ld_chart_format_month (month, FALSE);
}

static gboolean
label_has_year_line (int      month,
                     guint    skip,
                     gboolean first)
{
  return skip < 12 && (first || month % 12 == 0);
}

/* The first label names its year unless a January label follows right after
 * it: "Nov 2016, Jan 2017" side by side is noise, "Nov, Jan 2017" is clear. */
static gboolean
first_label_gets_year (const LdTrendChartData *data,
                       guint                   skip)
{
  guint seen = 0;

  for (guint i = 0; i < data->n_months && seen < 3; i++)
    {
      int month = data->first_month + (int) i;

      if (!month_is_labelled (month, skip))
        continue;
      if (month % 12 == 0)
        return seen == 0;
      seen++;
    }

  return TRUE;
}

static char *
year_label (int month)
{
  return g_strdup_printf ("%d", month / 12);
}

static double
month_label_width (LdChartText *text,
                   int          month,
                   guint        skip,
                   gboolean     first,
                   double      *plain_widths)
{
  g_autofree char *label = NULL;
  double w;

  /* Month names repeat: measure each of the twelve once. */
  if (skip < 12)
    {
      double *cached = &plain_widths[month % 12];

      if (*cached < 0)
        {
          label = month_label (month, skip);
          *cached = ld_chart_text_width (text, label, FALSE);
        }
      w = *cached;
    }
  else
    {
      label = month_label (month, skip);
      w = ld_chart_text_width (text, label, FALSE);
    }

  if (label_has_year_line (month, skip, first))
    {
      g_autofree char *year = year_label (month);

      w = MAX (w, ld_chart_text_width (text, year, FALSE));
    }

  return w;
}

/* Where a label centred on its month sits once kept inside the chart. */
static void
label_extent (const Layout *l,
              double        chart_width,
              guint         i,
              double        label_w,
              double       *left,
              double       *right)
{
  double cx = l->px + (i + 0.5) * l->slot;
  double x0 = cx - label_w / 2;

  x0 = MIN (x0, chart_width - l->pad / 2 - label_w);
  x0 = MAX (x0, l->pad / 2);
  *left = x0;
  *right = x0 + label_w;
}

static guint
choose_skip (const LdTrendChartData *data,
             LdChartText            *text,
             const Layout           *l,
             double                  width,
             guint                   min_skip)
{
  double plain_widths[12];
  double min_gap = MAX (8, l->pad * 0.75);

  for (guint i = 0; i < 12; i++)
    plain_widths[i] = -1;

  for (guint k = 0; k < G_N_ELEMENTS (skips); k++)
    {
      guint skip = skips[k];
      double prev_right = -G_MAXDOUBLE;
      gboolean fits = TRUE;
      gboolean first = first_label_gets_year (data, skip);

      if (skip < min_skip)
        continue;

      for (guint i = 0; i < data->n_months && fits; i++)
        {
          int month = data->first_month + (int) i;
          double w, left, right;

          if (!month_is_labelled (month, skip))
            continue;

          w = month_label_width (text, month, skip, first, plain_widths);
          label_extent (l, width, i, w, &left, &right);
          fits = left >= prev_right + min_gap;
          prev_right = right;
          first = FALSE;
        }

      if (fits)
        return skip;
    }

  return skips[G_N_ELEMENTS (skips) - 1];
}

static char *
format_axis_value (double   value,
                   gboolean compact)
{
  if (compact)
    return ld_chart_format_compact (value);

  return ld_chart_format_count ((guint64) MAX (0, value));
}

static void
compute_layout_lines (const LdTrendChartData *data,
                      const LdChartTheme     *theme,
                      LdChartText            *text,
                      double                  width,
                      double                  height,
                      guint                   label_lines,
                Layout                 *l)
{
  LdChartLegendEntry legend[LD_TREND_CHART_MAX_SERIES];
  guint n_legend;
  double lh = text->line_height;
  double top, bottom, label_w = 0;
  guint64 max;
  guint max_ticks;

  memset (l, 0, sizeof *l);
  l->pad = ld_chart_padding (theme);
  l->skip = 1;
  l->label_lines = label_lines;

  max = max_value (data);
  l->empty = data->n_months == 0 || max == 0;
  if (l->empty)
    return;

  n_legend = build_legend (data, theme, legend);
  l->legend_h = ld_chart_legend (NULL, text, legend, n_legend, l->pad, l->pad,
                                 MAX (1, width - 2 * l->pad), theme);

  /* Half a line above the top tick so its label is not cut. */
  top = l->pad + (l->legend_h > 0 ? l->legend_h + l->pad * 0.75 : 0) + lh / 2;
  l->label_y = height - l->pad - label_lines * lh + lh / 2;
  bottom = height - l->pad - label_lines * lh - l->pad * 0.5;
  l->py = top;
  l->ph = MAX (1, bottom - top);

  /* Roughly one grid line per two text lines, never more than six. */
  max_ticks = (guint) CLAMP (floor (l->ph / (lh * 2)) + 1, 2, 6);
  ld_chart_ticks_compute (0, (double) max, max_ticks, TRUE, &l->ticks);
  l->compact = l->ticks.max >= 10000;

  for (guint i = 0; i < l->ticks.n_ticks; i++)
    {
      g_autofree char *label = format_axis_value (ld_chart_ticks_value (&l->ticks, i),
                                                  l->compact);
      label_w = MAX (label_w, ld_chart_text_width (text, label, FALSE));
    }

  l->px = l->pad + ceil (label_w) + l->pad * 0.75;
  l->pw = MAX (1, width - l->pad - l->px);
  l->slot = l->pw / data->n_months;
  l->skip = choose_skip (data, text, l, width, label_lines == 1 ? 12 : 1);
}

/* Month labels take two lines (names, then years); when the range is so long
 * that only years are shown, the second line goes back to the plot. */
/* An LdChartLayoutFunc: @chart_data is an LdTrendChartData, @layout a Layout. */
static gboolean
compute_layout (gconstpointer       chart_data,
                const LdChartTheme *theme,
                LdChartText        *text,
                double              width,
                double              height,
                gpointer            layout)
{
  const LdTrendChartData *data = chart_data;
  Layout *l = layout;

  compute_layout_lines (data, theme, text, width, height, 2, l);
  if (!l->empty && l->skip >= 12)
    compute_layout_lines (data, theme, text, width, height, 1, l);

  return !l->empty;
}

static double
value_y (const Layout *l,
         double        value)
{
  double span = l->ticks.max - l->ticks.min;

  if (span <= 0)
    return l->py + l->ph;

  return l->py + l->ph - (value - l->ticks.min) / span * l->ph;
}

static void
draw_grid (cairo_t            *cr,
           LdChartText        *text,
           const Layout       *l,
           const LdChartTheme *theme)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1);

  for (guint i = 0; i < l->ticks.n_ticks; i++)
    {
      double v = ld_chart_ticks_value (&l->ticks, i);
      double y = value_y (l, v);
      g_autofree char *label = format_axis_value (v, l->compact);

      /* The zero line is drawn over the bars later. */
      if (i > 0)
        {
          ld_chart_color_set_source (cr, &theme->grid, 1.0);
          cairo_move_to (cr, l->px, round (y) + 0.5);
          cairo_line_to (cr, l->px + l->pw, round (y) + 0.5);
          cairo_stroke (cr);
        }

      ld_chart_text_draw (text, cr, label, FALSE, l->px - l->pad * 0.75, y,
                          LD_CHART_ALIGN_END, 0, &theme->muted);
    }

  cairo_restore (cr);
}

/* Each month's bar is its series piled up, the first at the bottom; a hairline of
 * the background parts two segments, so neighbours of like colour stay apart. Only
 * the top of the pile is rounded. */
static void
draw_stacked_bars (cairo_t                *cr,
                   const LdTrendChartData *data,
                   const Layout           *l,
                   const LdChartTheme     *theme,
                   const guint            *bar_series,
                   guint                   nb,
                   double                  bar_w)
{
  /* One unit: a pixel on screen, a point on paper. */
  const double gap = 1.0;

  for (guint i = 0; i < data->n_months; i++)
    {
      double cx = l->px + (i + 0.5) * l->slot;
      guint64 below = 0;
      int top = -1;

      for (guint k = 0; k < nb; k++)
        if (data->series[bar_series[k]].values[i] > 0)
          top = (int) k;

      for (guint k = 0; k < nb; k++)
        {
          const LdTrendSeries *series = &data->series[bar_series[k]];
          guint64 value = series->values[i];
          double y0, y1, h;

          if (value == 0)
            continue;

          y0 = value_y (l, (double) below);
          y1 = value_y (l, (double) (below + value));
          below += value;
          h = y0 - y1;
          /* A small but non-zero segment stays visible. */
          if (h < 1.5)
            {
              h = 1.5;
              y1 = y0 - h;
            }
          /* The hairline comes off the segment's top, unless it would eat it. */
          if ((int) k != top && h > 2 * gap + 1)
            {
              y1 += gap;
              h -= gap;
            }

          ld_chart_color_set_source (cr, series_color (theme, series), 1.0);
          if ((int) k == top)
            ld_chart_rounded_rect (cr, cx - bar_w / 2, y1, bar_w, h, MIN (4, bar_w / 3),
                                   LD_CHART_CORNER_TOP_LEFT | LD_CHART_CORNER_TOP_RIGHT);
          else
            cairo_rectangle (cr, cx - bar_w / 2, y1, bar_w, h);
          cairo_fill (cr);
        }
    }
}

static void
draw_bars (cairo_t                *cr,
           const LdTrendChartData *data,
           const Layout           *l,
           const LdChartTheme     *theme)
{
  guint bar_series[LD_TREND_CHART_MAX_SERIES];
  guint nb = 0;
  double max_bar = theme->font_size * 4;
  double group_w, gap, bar_w;

  for (guint s = 0; s < n_series (data); s++)
    if (data->series[s].kind == LD_TREND_SERIES_BARS && data->series[s].values != NULL)
      bar_series[nb++] = s;

  if (nb == 0)
    return;

  if (data->bar_layout == LD_TREND_BARS_STACKED)
    {
      draw_stacked_bars (cr, data, l, theme, bar_series, nb, MIN (l->slot * 0.7, max_bar * 1.2));
      return;
    }

  if (data->bar_layout == LD_TREND_BARS_NESTED || nb == 1)
    {
      group_w = MIN (l->slot * 0.7, max_bar * 1.2);
      gap = 0;
      bar_w = group_w;
    }
  else
    {
      group_w = MIN (l->slot * 0.8, nb * max_bar);
      gap = CLAMP (l->slot * 0.04, 0.5, 3);
      bar_w = (group_w - gap * (nb - 1)) / nb;
    }

  for (guint k = 0; k < nb; k++)
    {
      const LdTrendSeries *series = &data->series[bar_series[k]];

      ld_chart_color_set_source (cr, series_color (theme, series), 1.0);

      for (guint i = 0; i < data->n_months; i++)
        {
          double cx = l->px + (i + 0.5) * l->slot;
          double x, w, y, h;

          if (series->values[i] == 0)
            continue;

          if (data->bar_layout == LD_TREND_BARS_NESTED)
            {
              /* Each inner bar is narrower, so the outer one still shows. */
              w = group_w * (1 - 0.45 * k / MAX (1, nb - 1));
              x = cx - w / 2;
            }
          else
            {
              w = bar_w;
              x = cx - group_w / 2 + k * (bar_w + gap);
            }

          y = value_y (l, (double) series->values[i]);
          h = l->py + l->ph - y;
          /* A small but non-zero month stays visible. */
          if (h < 1.5)
            {
              h = 1.5;
              y = l->py + l->ph - h;
            }

          ld_chart_rounded_rect (cr, x, y, w, h, MIN (4, w / 3),
                                 LD_CHART_CORNER_TOP_LEFT | LD_CHART_CORNER_TOP_RIGHT);
          cairo_fill (cr);
        }
    }
}

static void
draw_lines (cairo_t                *cr,
            const LdTrendChartData *data,
            const Layout           *l,
            const LdChartTheme     *theme)
{
  gboolean has_bars = FALSE;
  double lw = MAX (2, round (theme->font_size / 6));

  for (guint s = 0; s < n_series (data); s++)
    if (data->series[s].kind == LD_TREND_SERIES_BARS && data->series[s].values != NULL)
      has_bars = TRUE;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, lw);

  for (guint s = 0; s < n_series (data); s++)
    {
      const LdTrendSeries *series = &data->series[s];
      const LdChartColor *color = series_color (theme, series);
      double r = lw * 1.6;

      if (series->kind != LD_TREND_SERIES_LINE || series->values == NULL)
        continue;

      cairo_new_path (cr);
      for (guint i = 0; i < data->n_months; i++)
        cairo_line_to (cr, l->px + (i + 0.5) * l->slot,
                       value_y (l, (double) series->values[i]));

      /* Alone, a line gets a soft area under it; over bars it would hide them. */
      if (!has_bars && data->n_months > 1)
        {
          cairo_path_t *path = cairo_copy_path (cr);

          cairo_line_to (cr, l->px + (data->n_months - 0.5) * l->slot, l->py + l->ph);
          cairo_line_to (cr, l->px + 0.5 * l->slot, l->py + l->ph);
          cairo_close_path (cr);
          ld_chart_color_set_source (cr, color, 0.12);
          cairo_fill (cr);
          cairo_append_path (cr, path);
          cairo_path_destroy (path);
        }

      ld_chart_color_set_source (cr, color, 1.0);
      cairo_stroke (cr);

      /* Dots where there is room for them, and always for a single month. */
      if (l->slot >= r * 5 || data->n_months == 1)
        {
          for (guint i = 0; i < data->n_months; i++)
            {
              double x = l->px + (i + 0.5) * l->slot;
              double y = value_y (l, (double) series->values[i]);

              cairo_new_path (cr);
              cairo_arc (cr, x, y, r, 0, 2 * G_PI);
              ld_chart_color_set_source (cr, color, 1.0);
              cairo_fill_preserve (cr);
              if (theme->background.a > 0)
                {
                  ld_chart_color_set_source (cr, &theme->background, 1.0);
                  cairo_set_line_width (cr, lw * 0.75);
                  cairo_stroke (cr);
                  cairo_set_line_width (cr, lw);
                }
              cairo_new_path (cr);
            }
        }
    }

  cairo_restore (cr);
}

static void
draw_month_labels (cairo_t                *cr,
                   LdChartText            *text,
                   const LdTrendChartData *data,
                   const Layout           *l,
                   double                  width,
                   const LdChartTheme     *theme)
{
  gboolean first = first_label_gets_year (data, l->skip), any = FALSE;
  double plain_widths[12];

  for (guint i = 0; i < 12; i++)
    plain_widths[i] = -1;

  for (guint i = 0; i < data->n_months && !any; i++)
    any = month_is_labelled (data->first_month + (int) i, l->skip);

  for (guint i = 0; i < data->n_months; i++)
    {
      int month = data->first_month + (int) i;
      g_autofree char *label = NULL;
      double w, left, right;

      /* A short range may hold no calendar boundary: name its first month. */
      if (any ? !month_is_labelled (month, l->skip) : i > 0)
        continue;

      label = month_label (month, l->skip);
      w = month_label_width (text, month, l->skip, first, plain_widths);
      label_extent (l, width, i, w, &left, &right);
      ld_chart_text_draw (text, cr, label, FALSE, (left + right) / 2, l->label_y,
                          LD_CHART_ALIGN_CENTER, 0, &theme->muted);
      if (label_has_year_line (month, l->skip, first))
        {
          g_autofree char *year = year_label (month);

          ld_chart_text_draw (text, cr, year, FALSE, (left + right) / 2,
                              l->label_y + text->line_height, LD_CHART_ALIGN_CENTER, 0,
                              &theme->muted);
        }
      first = FALSE;
    }
}

void
ld_trend_chart_draw (cairo_t                *cr,
                     double                  width,
                     double                  height,
                     const LdTrendChartData *data,
                     const LdChartTheme     *theme)
{
  LdChartLegendEntry legend[LD_TREND_CHART_MAX_SERIES];
  LdChartText text;
  Layout l;

  g_return_if_fail (data != NULL);

  if (!ld_chart_begin (cr, width, height, theme, &text, compute_layout, data, &l))
    return;

  ld_chart_legend (cr, &text, legend, build_legend (data, theme, legend),
                   l.pad, l.pad, MAX (1, width - 2 * l.pad), theme);

  draw_grid (cr, &text, &l, theme);

  if (data->highlight >= 0 && (guint) data->highlight < data->n_months)
    {
      /* On a very wide chart a full-slot band would be a slab: keep it near
       * the bars. */
      double band_w = MIN (l.slot - 2 * MIN (2, l.slot * 0.05), theme->font_size * 8);

      ld_chart_color_set_source (cr, &theme->highlight, 1.0);
      ld_chart_rounded_rect (cr, l.px + (data->highlight + 0.5) * l.slot - band_w / 2,
                             l.py - text.line_height / 2,
                             band_w, l.ph + text.line_height / 2,
                             6, LD_CHART_CORNER_ALL);
      cairo_fill (cr);
    }

  draw_bars (cr, data, &l, theme);

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  ld_chart_color_set_source (cr, &theme->baseline, 1.0);
  cairo_move_to (cr, l.px, round (l.py + l.ph) + 0.5);
  cairo_line_to (cr, l.px + l.pw, round (l.py + l.ph) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_lines (cr, data, &l, theme);
  draw_month_labels (cr, &text, data, &l, width, theme);

  ld_chart_end (cr, &text);
}

double
ld_trend_chart_get_preferred_height (const LdTrendChartData *data,
                                     const LdChartTheme     *theme,
                                     double                  width)
{
  g_return_val_if_fail (theme != NULL, 0);

  return CLAMP (width * 0.42, 12 * theme->font_size, 22 * theme->font_size);
}

int
ld_trend_chart_month_at (const LdTrendChartData *data,
                         const LdChartTheme     *theme,
                         double                  width,
                         double                  height,
                         double                  x,
                         double                  y)
{
  Layout l;
  int month;

  g_return_val_if_fail (data != NULL, -1);

  if (width <= 0 || height <= 0 || !ld_chart_measure_layout (compute_layout, data, theme, width, height, &l))
    return -1;

  /* The column runs from the top label down through the month labels. */
  if (x < l.px || x >= l.px + l.pw || y < l.py - l.pad || y > height - l.pad / 2)
    return -1;

  month = (int) floor ((x - l.px) / l.slot);

  return CLAMP (month, 0, (int) data->n_months - 1);
}

gboolean
ld_trend_chart_get_month_area (const LdTrendChartData *data,
                               const LdChartTheme     *theme,
                               double                  width,
                               double                  height,
                               int                     month,
                               cairo_rectangle_t      *area)
{
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (month < 0 || (guint) month >= data->n_months || width <= 0 || height <= 0 ||
      !ld_chart_measure_layout (compute_layout, data, theme, width, height, &l))
    return FALSE;

  area->x = l.px + month * l.slot;
  area->y = l.py;
  area->width = l.slot;
  area->height = l.ph;

  return TRUE;
}

char *
ld_trend_chart_get_month_summary (const LdTrendChartData *data,
                                  int                     month)
{
  g_autoptr(GString) str = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (month < 0 || (guint) month >= data->n_months)
    return NULL;

  name = ld_chart_format_month_long (data->first_month + month);
  str = g_string_new (name);

  for (guint s = 0; s < n_series (data); s++)
    {
      const LdTrendSeries *series = &data->series[s];
      g_autofree char *value = NULL;

      if (series->values == NULL)
        continue;

      value = ld_chart_format_count (series->values[month]);
      g_string_append_c (str, '\n');
      /* TRANSLATORS: one line of a chart tooltip, "Provisioned: 360". */
      g_string_append_printf (str, C_("chart tooltip", "%s: %s"),
                              series->label != NULL ? series->label : _("Value"), value);
    }

  if (data->bar_layout == LD_TREND_BARS_STACKED)
    {
      g_autofree char *total = ld_chart_format_count (stack_total (data, month));

      g_string_append_c (str, '\n');
      /* TRANSLATORS: the last line of a stacked bar's tooltip, the sum of its parts: "Total: 420". */
      g_string_append_printf (str, _("Total: %s"), total);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
describe_series (const LdTrendChartData *data,
                 const LdTrendSeries    *series)
{
  guint last = data->n_months - 1, peak = 0;
  g_autofree char *first_v = ld_chart_format_count (series->values[0]);
  g_autofree char *last_v = ld_chart_format_count (series->values[last]);
  g_autofree char *first_m = ld_chart_format_month_long (data->first_month);
  g_autofree char *last_m = ld_chart_format_month_long (data->first_month + (int) last);
  g_autofree char *peak_v = NULL;
  g_autofree char *peak_m = NULL;
  const char *label = series->label != NULL ? series->label : _("Value");

  for (guint i = 1; i < data->n_months; i++)
    if (series->values[i] > series->values[peak])
      peak = i;

  if (data->n_months == 1)
    /* TRANSLATORS: chart summary for screen readers: "Provisioned: 120 in June 2026." */
    return g_strdup_printf (_("%s: %s in %s."), label, first_v, first_m);

  peak_v = ld_chart_format_count (series->values[peak]);
  peak_m = ld_chart_format_month_long (data->first_month + (int) peak);

  /* The peak is only news when it is neither end. */
  if (peak != 0 && peak != last && series->values[peak] > series->values[last])
    {
      if (series->values[last] > series->values[0])
        /* TRANSLATORS: chart summary for screen readers: "Provisioned rose from
         * 120 in June 2026 to 340 in November 2026; peak 360 in October 2026." */
        return g_strdup_printf (_("%s rose from %s in %s to %s in %s; peak %s in %s."),
                                label, first_v, first_m, last_v, last_m, peak_v, peak_m);
      if (series->values[last] < series->values[0])
        return g_strdup_printf (_("%s fell from %s in %s to %s in %s; peak %s in %s."),
                                label, first_v, first_m, last_v, last_m, peak_v, peak_m);
      return g_strdup_printf (_("%s was %s in %s and in %s; peak %s in %s."),
                              label, first_v, first_m, last_m, peak_v, peak_m);
    }

  if (series->values[last] > series->values[0])
    return g_strdup_printf (_("%s rose from %s in %s to %s in %s."),
                            label, first_v, first_m, last_v, last_m);
  if (series->values[last] < series->values[0])
    return g_strdup_printf (_("%s fell from %s in %s to %s in %s."),
                            label, first_v, first_m, last_v, last_m);
  return g_strdup_printf (_("%s was %s in %s and in %s."),
                          label, first_v, first_m, last_m);
}

char *
ld_trend_chart_get_text_alternative (const LdTrendChartData *data)
{
  g_autoptr(GString) str = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  if (data->n_months == 0)
    return g_strdup (_("No data in this range."));

  for (guint s = 0; s < n_series (data); s++)
    {
      g_autofree char *sentence = NULL;

      if (data->series[s].values == NULL)
        continue;

      sentence = describe_series (data, &data->series[s]);
      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, sentence);
    }

  if (str->len == 0)
    return g_strdup (_("No data in this range."));

  return g_string_free (g_steal_pointer (&str), FALSE);
}
