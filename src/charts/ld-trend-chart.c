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

static gboolean
is_bars (const LdTrendSeries *series)
{
  return series->kind == LD_TREND_SERIES_BARS && series->values != NULL;
}

/* The stack's height in month @i: the sum of the bar series. */
static guint64
stack_value (const LdTrendChartData *data,
             guint                   i)
{
  guint64 sum = 0;

  for (guint s = 0; s < n_series (data); s++)
    if (is_bars (&data->series[s]))
      sum += data->series[s].values[i];

  return sum;
}

static gboolean
stacked (const LdTrendChartData *data)
{
  return data->bar_layout == LD_TREND_BARS_STACKED;
}

static guint64
max_value (const LdTrendChartData *data)
{
  guint64 max = 0;

  for (guint s = 0; s < n_series (data); s++)
    {
      if (data->series[s].values == NULL || (stacked (data) && is_bars (&data->series[s])))
        continue;
      for (guint i = 0; i < data->n_months; i++)
        max = MAX (max, data->series[s].values[i]);
    }

  if (stacked (data))
    for (guint i = 0; i < data->n_months; i++)
      max = MAX (max, stack_value (data, i));

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
 * name, with the year on a second line under the first label and under the first
 * label of every new year, so the axis names its year where it starts and
 * wherever it changes ("Dec / 2025", "Jan / 2026"), in every language, without
 * widening the labels. */
static char *
month_label (int   month,
             guint skip)
{
  if (skip >= 12)
    return g_strdup_printf ("%d", month / 12);

  return ld_chart_format_month (month, FALSE);
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
                   gboolean     year_line,
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

  if (year_line)
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

/* What the month axis shows at @skip: the first month always (a reader must see
 * where the range starts), then every month on a calendar boundary of @skip that
 * has room; a boundary label crowding the first one gives way to it. Fills
 * @labels (n_months entries: 0 none, 1 a label, 2 a label with its year under
 * it) and returns FALSE when the labels would overlap at @skip. */
static gboolean
place_month_labels (const LdTrendChartData *data,
                    LdChartText            *text,
                    const Layout           *l,
                    double                  width,
                    guint                   skip,
                    guint8                 *labels)
{
  double plain_widths[12];
  double min_gap = MAX (8, l->pad * 0.75);
  double prev_right = -G_MAXDOUBLE;
  int prev_year = G_MININT;
  guint n_placed = 0;

  for (guint i = 0; i < 12; i++)
    plain_widths[i] = -1;

  for (guint i = 0; i < data->n_months; i++)
    {
      int month = data->first_month + (int) i;
      gboolean year_line;
      double w, left, right;

      labels[i] = 0;
      if (i > 0 && !month_is_labelled (month, skip))
        continue;

      year_line = skip < 12 && month / 12 != prev_year;
      w = month_label_width (text, month, skip, year_line, plain_widths);
      label_extent (l, width, i, w, &left, &right);
      if (left < prev_right + min_gap)
        {
          /* Only a label crowding the first one gives way (its year goes to the
           * next label); any other overlap needs a larger skip. */
          if (n_placed != 1)
            return FALSE;
          continue;
        }

      labels[i] = year_line ? 2 : 1;
      prev_right = right;
      prev_year = month / 12;
      n_placed++;
    }

  return TRUE;
}

static guint
choose_skip (const LdTrendChartData *data,
             LdChartText            *text,
             const Layout           *l,
             double                  width,
             guint                   min_skip)
{
  g_autofree guint8 *labels = g_new0 (guint8, MAX (data->n_months, 1));

  for (guint k = 0; k < G_N_ELEMENTS (skips); k++)
    if (skips[k] >= min_skip && place_month_labels (data, text, l, width, skips[k], labels))
      return skips[k];

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

/* The parts of a month's stack, bottom up, each its own colour; a hairline of the
 * background between them keeps neighbouring shades apart. */
static void
draw_stack (cairo_t                *cr,
            const LdTrendChartData *data,
            const Layout           *l,
            const LdChartTheme     *theme,
            const guint            *bar_series,
            guint                   nb,
            double                  w)
{
  double gap = MAX (1, round (theme->font_size / 10));

  for (guint i = 0; i < data->n_months; i++)
    {
      double x = l->px + (i + 0.5) * l->slot - w / 2;
      double base = l->py + l->ph;
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

          y0 = below > 0 ? value_y (l, (double) below) - gap : base;
          y1 = value_y (l, (double) (below + value));
          h = y0 - y1;
          /* A small but non-zero part stays visible. */
          if (h < 1.5)
            {
              h = 1.5;
              y1 = y0 - h;
            }

          ld_chart_color_set_source (cr, series_color (theme, series), 1.0);
          ld_chart_rounded_rect (cr, x, y1, w, h, (int) k == top ? MIN (4, w / 3) : 0,
                                 LD_CHART_CORNER_TOP_LEFT | LD_CHART_CORNER_TOP_RIGHT);
          cairo_fill (cr);
          below += value;
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
    if (is_bars (&data->series[s]))
      bar_series[nb++] = s;

  if (nb == 0)
    return;

  if (data->bar_layout == LD_TREND_BARS_NESTED || stacked (data) || nb == 1)
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

  if (stacked (data))
    {
      draw_stack (cr, data, l, theme, bar_series, nb, group_w);
      return;
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
  g_autofree guint8 *labels = g_new0 (guint8, MAX (data->n_months, 1));
  double plain_widths[12];

  for (guint i = 0; i < 12; i++)
    plain_widths[i] = -1;

  /* The layout chose a skip at which these fit. */
  place_month_labels (data, text, l, width, l->skip, labels);

  for (guint i = 0; i < data->n_months; i++)
    {
      int month = data->first_month + (int) i;
      g_autofree char *label = NULL;
      double w, left, right;

      if (labels[i] == 0)
        continue;

      label = month_label (month, l->skip);
      w = month_label_width (text, month, l->skip, labels[i] == 2, plain_widths);
      label_extent (l, width, i, w, &left, &right);
      ld_chart_text_draw (text, cr, label, FALSE, (left + right) / 2, l->label_y,
                          LD_CHART_ALIGN_CENTER, 0, &theme->muted);
      if (labels[i] == 2)
        {
          g_autofree char *year = year_label (month);

          ld_chart_text_draw (text, cr, year, FALSE, (left + right) / 2,
                              l->label_y + text->line_height, LD_CHART_ALIGN_CENTER, 0,
                              &theme->muted);
        }
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

      /* A stack's total after its last part. */
      if (stacked (data) && data->total_label != NULL && is_bars (series))
        {
          gboolean last_part = TRUE;

          for (guint t = s + 1; t < n_series (data); t++)
            last_part = last_part && !is_bars (&data->series[t]);
          if (last_part)
            {
              g_autofree char *total = ld_chart_format_count (stack_value (data, month));

              g_string_append_c (str, '\n');
              g_string_append_printf (str, C_("chart tooltip", "%s: %s"), data->total_label, total);
            }
        }
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

  /* What a stack adds up to, said as one more series. */
  if (stacked (data) && data->total_label != NULL && str->len > 0)
    {
      g_autofree guint64 *totals = g_new (guint64, data->n_months);
      g_autofree char *sentence = NULL;
      LdTrendSeries total = { data->total_label, LD_TREND_SERIES_BARS, totals, LD_CHART_COLOR_PRIMARY };

      for (guint i = 0; i < data->n_months; i++)
        totals[i] = stack_value (data, i);
      sentence = describe_series (data, &total);
      g_string_append_c (str, ' ');
      g_string_append (str, sentence);
    }

  if (str->len == 0)
    return g_strdup (_("No data in this range."));

  return g_string_free (g_steal_pointer (&str), FALSE);
}
