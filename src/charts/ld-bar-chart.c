/* ld-bar-chart.c — ranked horizontal bars (Analysis top items, countries)
 *
 * Wide, a row is three columns: label, bar, value. Narrow, the label and the
 * value share a line above a full-width bar, so neither the names nor the bars
 * get squeezed to nothing at 320 px.
 *
 * The bars are scaled to the largest named item, not to "Others": the rest of
 * 2,000 customers would otherwise be the scale, and the leaders slivers. "Others"
 * stands apart under a hairline, and a value beyond the scale is drawn as a
 * broken bar: its length no longer to scale, its figure and share beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ld-bar-chart.h"
#include "ld-chart-format.h"
#include "ld-chart-paint.h"

typedef struct
{
  gboolean empty;
  gboolean stacked;     /* label and value on a line above the bar */
  double   pad;
  double   legend_h;
  double   top;         /* first row */
  double   row_h;
  guint    n_rows;      /* rows that fit */
  double   label_x, label_w;
  double   bar_x, bar_w, bar_h;
  double   bar_dy;      /* bar top inside its row */
  double   text_dy;     /* text centre line inside its row */
  double   value_right; /* right edge of the value text */
  double   others_gap;  /* extra room above the "Others" row, for its hairline */
  guint64  max;         /* the scale: the largest named item */
  guint64  total;
} Layout;

void
ld_bar_chart_data_init (LdBarChartData *data)
{
  g_return_if_fail (data != NULL);

  memset (data, 0, sizeof *data);
  data->highlight = -1;
}

guint
ld_bar_chart_fold_items (const LdBarChartItem *items,
                         guint                 n_items,
                         guint                 max_items,
                         LdBarChartItem       *out)
{
  LdBarChartItem others = { 0 };

  g_return_val_if_fail (items != NULL || n_items == 0, 0);
  g_return_val_if_fail (out != NULL || max_items == 0, 0);

  if (max_items == 0)
    return 0;

  if (n_items <= max_items)
    {
      memcpy (out, items, n_items * sizeof *items);
      return n_items;
    }

  memcpy (out, items, (max_items - 1) * sizeof *items);

  others.label = _("Others");
  others.is_others = TRUE;
  for (guint i = max_items - 1; i < n_items; i++)
    {
      others.value += items[i].value;
      others.secondary += items[i].secondary;
    }
  out[max_items - 1] = others;

  return max_items;
}

static guint64
data_total (const LdBarChartData *data)
{
  guint64 sum = 0;

  if (data->total > 0)
    return data->total;

  for (guint i = 0; i < data->n_items; i++)
    sum += data->items[i].value;

  return sum;
}

static char *
value_text (const LdBarChartData *data,
            const LdBarChartItem *item,
            guint64               total)
{
  g_autofree char *count = ld_chart_format_count (item->value);
  g_autofree char *percent = NULL;

  if (!data->show_percent || total == 0)
    return g_steal_pointer (&count);

  percent = ld_chart_format_percent (100.0 * (double) item->value / (double) total);
  /* TRANSLATORS: a bar's value and its share, "1,234 · 41.2%". */
  return g_strdup_printf (C_("bar chart value", "%s · %s"), count, percent);
}

static guint
build_legend (const LdBarChartData *data,
              const LdChartTheme   *theme,
              LdChartLegendEntry   *entries)
{
  if (!data->has_secondary || data->value_label == NULL || data->secondary_label == NULL)
    return 0;

  entries[0].label = data->value_label;
  entries[0].swatch = LD_CHART_SWATCH_BAR;
  entries[0].color = &theme->series[LD_CHART_COLOR_PRIMARY];
  entries[1].label = data->secondary_label;
  entries[1].swatch = LD_CHART_SWATCH_BAR;
  entries[1].color = &theme->series[LD_CHART_COLOR_SECONDARY];

  return 2;
}

/* "Others" last, after named items: it gets a row apart. */
static gboolean
has_others_row (const LdBarChartData *data)
{
  return data->n_items > 1 && data->items[data->n_items - 1].is_others;
}

/* The top of row @i: rows follow each other, "Others" after its hairline. */
static double
row_top (const LdBarChartData *data,
         const Layout         *l,
         guint                 i)
{
  double y = l->top + i * l->row_h;

  if (has_others_row (data) && i == data->n_items - 1)
    y += l->others_gap;

  return y;
}

/* Row sizes: comfortable, and the least that still shows the text. */
static void
row_heights (LdChartText        *text,
             const LdChartTheme *theme,
             gboolean            stacked,
             double             *comfortable,
             double             *minimum)
{
  double lh = text->line_height;
  double pad = ld_chart_padding (theme);

  if (stacked)
    {
      *comfortable = lh + 5 + round (theme->font_size * 0.75) + pad * 0.75;
      *minimum = lh + 2 + 4 + 2;
    }
  else
    {
      *comfortable = MAX (lh, round (theme->font_size * 1.4)) + pad * 0.75;
      *minimum = lh + 2;
    }
}

/* An LdChartLayoutFunc: @chart_data is an LdBarChartData, @layout a Layout. */
static gboolean
compute_layout (gconstpointer       chart_data,
                const LdChartTheme *theme,
                LdChartText        *text,
                double              width,
                double              height,
                gpointer            layout)
{
  const LdBarChartData *data = chart_data;
  Layout *l = layout;
  LdChartLegendEntry legend[2];
  double inner_w, label_need = 0, value_w = 0, gap, comfortable, minimum, avail;

  memset (l, 0, sizeof *l);
  l->pad = ld_chart_padding (theme);

  for (guint i = 0; i < data->n_items; i++)
    if (!data->items[i].is_others)
      l->max = MAX (l->max, MAX (data->items[i].value,
                                 data->has_secondary ? data->items[i].secondary : 0));
  /* Only "Others": it is its own scale. */
  for (guint i = 0; i < data->n_items && l->max == 0; i++)
    l->max = MAX (data->items[i].value, data->has_secondary ? data->items[i].secondary : 0);
  l->empty = data->n_items == 0 || l->max == 0;
  if (l->empty)
    return FALSE;

  l->total = data_total (data);
  inner_w = MAX (1, width - 2 * l->pad);
  gap = l->pad * 0.75;

  l->legend_h = ld_chart_legend (NULL, text, legend, build_legend (data, theme, legend),
                                 l->pad, l->pad, inner_w, theme);
  l->top = l->pad + (l->legend_h > 0 ? l->legend_h + l->pad * 0.5 : 0);

  /* Measure every item, visible or not: the columns must not jump when the
   * height changes. */
  for (guint i = 0; i < data->n_items; i++)
    {
      g_autofree char *value = value_text (data, &data->items[i], l->total);

      value_w = MAX (value_w, ld_chart_text_width (text, value, FALSE));
      label_need = MAX (label_need, ld_chart_text_width (text, data->items[i].label, FALSE));
    }
  value_w = ceil (value_w);

  l->label_x = l->pad;
  l->label_w = ceil (MIN (label_need, inner_w * 0.35));
  l->bar_x = l->label_x + l->label_w + gap;
  l->value_right = width - l->pad;
  l->bar_w = l->value_right - value_w - gap - l->bar_x;

  /* Too little room for a readable bar beside the texts: stack them. */
  l->stacked = l->bar_w < inner_w * 0.4;

  row_heights (text, theme, l->stacked, &comfortable, &minimum);
  l->others_gap = has_others_row (data) ? round (l->pad * 0.5) : 0;
  avail = MAX (0, height - l->pad - l->top - l->others_gap);
  l->row_h = MIN (comfortable, avail / data->n_items);
  if (l->row_h < minimum)
    {
      l->row_h = minimum;
      l->n_rows = (guint) floor (avail / minimum);
    }
  else
    {
      l->n_rows = data->n_items;
    }

  if (l->stacked)
    {
      l->label_w = MAX (1, inner_w - value_w - gap);
      l->bar_x = l->pad;
      l->bar_w = inner_w;
      l->bar_h = MAX (4, MIN (round (theme->font_size * 0.75),
                              l->row_h - text->line_height - 5));
      l->text_dy = text->line_height / 2;
      l->bar_dy = text->line_height + 3;
    }
  else
    {
      l->bar_w = MAX (1, l->bar_w);
      l->bar_h = MAX (4, MIN (round (theme->font_size * 1.4), l->row_h - 4));
      l->text_dy = l->row_h / 2;
      l->bar_dy = (l->row_h - l->bar_h) / 2;
    }

  return TRUE;
}

static double
bar_length (const Layout *l,
            guint64       value)
{
  double len;

  if (value == 0 || l->max == 0)
    return 0;

  /* Past the scale ("Others"): the whole bar, drawn broken. */
  len = l->bar_w * MIN (1.0, (double) value / (double) l->max);

  /* A tiny but non-zero value still shows. */
  return MAX (len, 2);
}

/* The break of a bar beyond the scale: a slanted gap at three quarters of it,
 * as a path of the two pieces left of and right of the gap, to clip to. */
static void
append_broken (cairo_t      *cr,
               const Layout *l,
               double        y,
               double        h)
{
  double x0 = l->bar_x, x1 = l->bar_x + l->bar_w;
  double at = x0 + round (l->bar_w * 0.78);
  double slant = MAX (2, h * 0.5);
  double gap = MAX (4, round (h * 0.6));

  cairo_move_to (cr, x0 - 1, y - 1);
  cairo_line_to (cr, at + slant, y - 1);
  cairo_line_to (cr, at - slant, y + h + 1);
  cairo_line_to (cr, x0 - 1, y + h + 1);
  cairo_close_path (cr);

  cairo_move_to (cr, at + slant + gap, y - 1);
  cairo_line_to (cr, x1 + 1, y - 1);
  cairo_line_to (cr, x1 + 1, y + h + 1);
  cairo_line_to (cr, at - slant + gap, y + h + 1);
  cairo_close_path (cr);
}

void
ld_bar_chart_draw (cairo_t              *cr,
                   double                width,
                   double                height,
                   const LdBarChartData *data,
                   const LdChartTheme   *theme)
{
  LdChartLegendEntry legend[2];
  LdChartText text;
  Layout l;

  g_return_if_fail (data != NULL);

  if (!ld_chart_begin (cr, width, height, theme, &text, compute_layout, data, &l))
    return;

  ld_chart_legend (cr, &text, legend, build_legend (data, theme, legend),
                   l.pad, l.pad, MAX (1, width - 2 * l.pad), theme);

  for (guint i = 0; i < l.n_rows; i++)
    {
      const LdBarChartItem *item = &data->items[i];
      const LdChartColor *color = &theme->series[item->is_others ? LD_CHART_COLOR_OTHERS
                                                                 : LD_CHART_COLOR_PRIMARY];
      g_autofree char *value = value_text (data, item, l.total);
      double row_y = row_top (data, &l, i);
      double bar_y = row_y + l.bar_dy;
      double radius = MIN (l.bar_h / 2, 5);
      gboolean broken = item->value > l.max
                        || (data->has_secondary && item->secondary > l.max);
      double len;

      if (has_others_row (data) && i == data->n_items - 1)
        {
          /* "Others" is not one of the ranked: a hairline sets it apart. */
          double y = round (row_y - l.others_gap / 2) + 0.5;

          cairo_save (cr);
          ld_chart_color_set_source (cr, &theme->grid, 1.0);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, l.pad / 2, y);
          cairo_line_to (cr, width - l.pad / 2, y);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      if (data->highlight == (int) i)
        {
          ld_chart_color_set_source (cr, &theme->highlight, 1.0);
          ld_chart_rounded_rect (cr, l.pad / 2, row_y, width - l.pad, l.row_h, 6,
                                 LD_CHART_CORNER_ALL);
          cairo_fill (cr);
        }

      /* Names that share a long start (one offer, several plans) differ at their
       * end: the ellipsis goes in the middle. The tooltip has the whole name. */
      ld_chart_text_draw_styled (&text, cr, item->label, LD_CHART_TEXT_MIDDLE, l.label_x, row_y + l.text_dy,
                                 LD_CHART_ALIGN_START, l.label_w, &theme->foreground);
      ld_chart_text_draw (&text, cr, value, FALSE, l.value_right, row_y + l.text_dy,
                          LD_CHART_ALIGN_END, 0, &theme->muted);

      cairo_save (cr);
      if (broken)
        {
          cairo_new_path (cr);
          append_broken (cr, &l, bar_y, l.bar_h);
          cairo_clip (cr);
        }

      ld_chart_color_set_source (cr, &theme->track, 1.0);
      ld_chart_rounded_rect (cr, l.bar_x, bar_y, l.bar_w, l.bar_h, radius,
                             LD_CHART_CORNER_ALL);
      cairo_fill (cr);

      len = bar_length (&l, item->value);
      if (len > 0)
        {
          ld_chart_color_set_source (cr, color, 1.0);
          ld_chart_rounded_rect (cr, l.bar_x, bar_y, len, l.bar_h, radius,
                                 LD_CHART_CORNER_ALL);
          cairo_fill (cr);
        }

      len = data->has_secondary ? bar_length (&l, item->secondary) : 0;
      if (len > 0)
        {
          /* A thinner bar inside, so both stay visible whichever is longer. */
          double h = MAX (2, round (l.bar_h * 0.4));

          ld_chart_color_set_source (cr, &theme->series[LD_CHART_COLOR_SECONDARY], 1.0);
          ld_chart_rounded_rect (cr, l.bar_x, bar_y + (l.bar_h - h) / 2, len, h, h / 2,
                                 LD_CHART_CORNER_ALL);
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }

  ld_chart_end (cr, &text);
}

double
ld_bar_chart_get_preferred_height (const LdBarChartData *data,
                                   const LdChartTheme   *theme,
                                   double                width)
{
  LdChartText text;
  Layout l;
  double comfortable, minimum, h;

  g_return_val_if_fail (data != NULL, 0);

  theme = ld_chart_text_init_measuring (&text, theme);
  /* Any height will do to learn the columns and the legend. */
  compute_layout (data, theme, &text, MAX (1, width), 1000, &l);
  row_heights (&text, theme, l.stacked, &comfortable, &minimum);
  if (l.empty)
    h = 4 * text.line_height;
  else
    h = l.top + data->n_items * comfortable + l.others_gap + l.pad;
  ld_chart_text_clear (&text);

  return ceil (h);
}

int
ld_bar_chart_item_at (const LdBarChartData *data,
                      const LdChartTheme   *theme,
                      double                width,
                      double                height,
                      double                x,
                      double                y)
{
  Layout l;

  g_return_val_if_fail (data != NULL, -1);

  if (width <= 0 || height <= 0 || !ld_chart_measure_layout (compute_layout, data, theme, width, height, &l))
    return -1;

  if (x < l.pad / 2 || x >= width - l.pad / 2)
    return -1;

  for (guint i = 0; i < l.n_rows; i++)
    {
      double top = row_top (data, &l, i);

      if (y >= top && y < top + l.row_h)
        return (int) i;
    }

  return -1;
}

gboolean
ld_bar_chart_get_bar_area (const LdBarChartData *data,
                           const LdChartTheme   *theme,
                           double                width,
                           double                height,
                           int                   item,
                           cairo_rectangle_t    *area)
{
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (item < 0 || width <= 0 || height <= 0 ||
      !ld_chart_measure_layout (compute_layout, data, theme, width, height, &l) || (guint) item >= l.n_rows)
    return FALSE;

  area->x = l.bar_x;
  area->y = row_top (data, &l, item) + l.bar_dy;
  area->width = l.bar_w;
  area->height = l.bar_h;

  return TRUE;
}

static gboolean
visible_label (gconstpointer       chart_data,
               const LdChartTheme *theme,
               LdChartText        *text,
               double              width,
               double              height,
               gpointer            out)
{
  const LdBarChartData *data = chart_data;
  struct { int item; char *label; } *request = out;
  Layout l;
  g_autoptr(PangoLayout) layout = NULL;

  if (!compute_layout (data, theme, text, width, height, &l) || (guint) request->item >= l.n_rows)
    return FALSE;
  /* As draw() lays the label out. */
  layout = ld_chart_text_layout_sized (text, data->items[request->item].label, text->size,
                                       LD_CHART_TEXT_MIDDLE, l.label_w);
  request->label = ld_chart_text_visible (layout);

  return TRUE;
}

char *
ld_bar_chart_get_visible_label (const LdBarChartData *data,
                                const LdChartTheme   *theme,
                                double                width,
                                double                height,
                                int                   item)
{
  struct { int item; char *label; } request = { item, NULL };

  g_return_val_if_fail (data != NULL, NULL);

  if (item < 0 || width <= 0 || height <= 0)
    return NULL;
  ld_chart_measure_layout (visible_label, data, theme, width, height, &request);

  return request.label;
}

char *
ld_bar_chart_get_item_summary (const LdBarChartData *data,
                               int                   item)
{
  const LdBarChartItem *it;
  g_autofree char *count = NULL;
  g_autoptr(GString) str = NULL;
  guint64 total;

  g_return_val_if_fail (data != NULL, NULL);

  if (item < 0 || (guint) item >= data->n_items)
    return NULL;

  it = &data->items[item];
  total = data_total (data);
  count = ld_chart_format_count (it->value);
  str = g_string_new (it->label != NULL ? it->label : "");
  g_string_append_c (str, '\n');

  if (total > 0)
    {
      g_autofree char *percent = ld_chart_format_percent (100.0 * (double) it->value / (double) total);

      /* TRANSLATORS: a line of a bar tooltip, "Provisioned: 2,400 (22.3%)". */
      g_string_append_printf (str, C_("chart tooltip", "%s: %s (%s)"),
                              data->value_label != NULL ? data->value_label : _("Value"),
                              count, percent);
    }
  else
    {
      g_string_append_printf (str, C_("chart tooltip", "%s: %s"),
                              data->value_label != NULL ? data->value_label : _("Value"),
                              count);
    }

  if (data->has_secondary)
    {
      g_autofree char *secondary = ld_chart_format_count (it->secondary);

      g_string_append_c (str, '\n');
      g_string_append_printf (str, C_("chart tooltip", "%s: %s"),
                              data->secondary_label != NULL ? data->secondary_label : "",
                              secondary);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

char *
ld_bar_chart_get_text_alternative (const LdBarChartData *data)
{
  g_autoptr(GString) str = g_string_new (NULL);
  guint64 total;

  g_return_val_if_fail (data != NULL, NULL);

  if (data->n_items == 0)
    return g_strdup (_("No data in this range."));

  total = data_total (data);

  for (guint i = 0; i < data->n_items; i++)
    {
      const LdBarChartItem *item = &data->items[i];
      g_autofree char *count = ld_chart_format_count (item->value);
      g_autofree char *value = NULL;
      g_autofree char *entry = NULL;

      if (data->value_label != NULL)
        /* TRANSLATORS: a value with its name in a chart summary, "Provisioned 1,200". */
        value = g_strdup_printf (C_("chart summary", "%s %s"), data->value_label, count);
      else
        value = g_strdup (count);

      if (data->show_percent && total > 0)
        {
          g_autofree char *percent = ld_chart_format_percent (100.0 * (double) item->value / (double) total);
          g_autofree char *with_share = NULL;

          /* TRANSLATORS: a value and its share in a chart summary, "1,200 (40.0%)". */
          with_share = g_strdup_printf (C_("chart summary", "%s (%s)"), value, percent);
          g_free (value);
          value = g_steal_pointer (&with_share);
        }

      if (data->has_secondary)
        {
          g_autofree char *sec_count = ld_chart_format_count (item->secondary);
          g_autofree char *both = NULL;

          /* TRANSLATORS: two values in a chart summary, "Provisioned 1,200, Assigned 800". */
          both = g_strdup_printf (C_("chart summary", "%s, %s %s"), value,
                                  data->secondary_label != NULL ? data->secondary_label : "",
                                  sec_count);
          g_free (value);
          value = g_steal_pointer (&both);
        }

      /* TRANSLATORS: one bar in a chart summary, "Contoso: Provisioned 1,200". */
      entry = g_strdup_printf (C_("chart summary", "%s: %s"),
                               item->label != NULL ? item->label : "", value);
      if (i > 0)
        /* TRANSLATORS: between the bars of a chart summary. */
        g_string_append (str, C_("chart summary", "; "));
      g_string_append (str, entry);
    }

  /* TRANSLATORS: the end of a chart summary sentence. */
  g_string_append (str, C_("chart summary", "."));

  return g_string_free (g_steal_pointer (&str), FALSE);
}
