/* ld-chart-text.c — text on charts, cards and report pages, measured the same everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ld-chart-text.h"

static PangoFontDescription *
font_new (const char *family,
          double      size,
          gboolean    bold)
{
  PangoFontDescription *font = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);

  return font;
}

void
ld_chart_text_init (LdChartText        *text,
                    cairo_t            *cr,
                    const LdChartTheme *theme)
{
  cairo_font_options_t *options;
  g_autoptr(PangoLayout) probe = NULL;
  PangoRectangle logical;

  g_return_if_fail (text != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL);

  memset (text, 0, sizeof *text);
  text->context = pango_cairo_create_context (cr);

  /* Hinted metrics would make widths depend on the surface (screen, PDF,
   * measuring surface); the layout math must be identical on all of them. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (text->context, options);
  cairo_font_options_destroy (options);

  text->family = g_strdup (theme->font_family);
  text->size = theme->font_size;
  text->font = font_new (text->family, text->size, FALSE);
  text->bold = font_new (text->family, text->size, TRUE);

  probe = ld_chart_text_layout (text, "Ag", FALSE);
  pango_layout_get_extents (probe, NULL, &logical);
  text->line_height = ceil ((double) logical.height / PANGO_SCALE);
}

const LdChartTheme *
ld_chart_text_init_measuring (LdChartText        *text,
                              const LdChartTheme *theme)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  LdChartTheme fallback;

  cairo_surface_destroy (surface);

  /* Only the font matters to a measurement. */
  if (theme == NULL)
    ld_chart_theme_init_default (&fallback, 0);

  ld_chart_text_init (text, cr, theme != NULL ? theme : &fallback);
  text->measure_cr = cr;
  if (theme == NULL)
    {
      text->fallback = fallback;
      theme = &text->fallback;
    }

  return theme;
}

void
ld_chart_text_clear (LdChartText *text)
{
  g_clear_object (&text->context);
  g_clear_pointer (&text->family, g_free);
  g_clear_pointer (&text->font, pango_font_description_free);
  g_clear_pointer (&text->bold, pango_font_description_free);
  g_clear_pointer (&text->measure_cr, cairo_destroy);
}

gboolean
ld_chart_measure_layout (LdChartLayoutFunc   func,
                         gconstpointer       data,
                         const LdChartTheme *theme,
                         double              width,
                         double              height,
                         gpointer            layout)
{
  LdChartText text;
  gboolean drawn;

  theme = ld_chart_text_init_measuring (&text, theme);
  drawn = func (data, theme, &text, width, height, layout);
  ld_chart_text_clear (&text);

  return drawn;
}

/* A name and its plan ("Offer · Plan"): when the whole does not fit, the plan stays whole
 * and the offer's name is cut at its end — the plan is what tells two rows of one offer
 * apart. Returns FALSE (layout untouched) when the text has no plan or the plan alone
 * takes more than three fifths of the width; the caller then cuts in the middle. */
static gboolean
keep_plan_whole (PangoLayout *layout,
                 const char  *str,
                 double       width)
{
  const char *sep = g_strrstr (str, " · ");
  PangoRectangle logical;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  glong lo = 1, hi, best = 0;

  if (sep == NULL || sep == str)
    return FALSE;
  /* Measured unbounded; bounded again (and cut at the end, should rounding differ) after. */
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (layout, NULL, &logical);
  if (logical.width <= width * PANGO_SCALE)
    goto bounded;  /* fits as it is */

  tail = g_strconcat ("…", sep, NULL);
  pango_layout_set_text (layout, tail, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  if (logical.width > width * 0.6 * PANGO_SCALE)
    {
      pango_layout_set_text (layout, str, -1);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      return FALSE;
    }

  /* The longest start of the name that fits before the ellipsis and the plan. */
  head = g_strndup (str, sep - str);
  hi = g_utf8_strlen (head, -1);
  while (lo <= hi)
    {
      glong mid = (lo + hi) / 2;
      const char *end = g_utf8_offset_to_pointer (head, mid);
      g_autofree char *try = g_strdup_printf ("%.*s%s", (int) (end - head), head, tail);

      pango_layout_set_text (layout, try, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      if (logical.width <= width * PANGO_SCALE)
        {
          best = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }

  {
    const char *end = g_utf8_offset_to_pointer (head, best);
    g_autofree char *cut = g_strdup_printf ("%.*s%s", (int) (end - head), head, tail);

    pango_layout_set_text (layout, cut, -1);
  }
bounded:
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  return TRUE;
}

PangoLayout *
ld_chart_text_layout_sized (LdChartText      *text,
                            const char       *str,
                            double            size,
                            LdChartTextStyle  style,
                            double            width)
{
  PangoLayout *layout = pango_layout_new (text->context);
  gboolean bold = (style & LD_CHART_TEXT_BOLD) != 0;

  if (size == text->size)
    pango_layout_set_font_description (layout, bold ? text->bold : text->font);
  else
    {
      PangoFontDescription *font = font_new (text->family, size, bold);

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }

  pango_layout_set_text (layout, str != NULL ? str : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      if (style & LD_CHART_TEXT_WRAP)
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      else if ((style & LD_CHART_TEXT_MIDDLE) && str != NULL && keep_plan_whole (layout, str, width))
        ; /* cut by hand, the plan whole */
      else
        pango_layout_set_ellipsize (layout, (style & LD_CHART_TEXT_MIDDLE) ? PANGO_ELLIPSIZE_MIDDLE
                                                                           : PANGO_ELLIPSIZE_END);
    }

  return layout;
}

PangoLayout *
ld_chart_text_layout (LdChartText *text,
                      const char  *str,
                      gboolean     bold)
{
  return ld_chart_text_layout_sized (text, str, text->size,
                                     bold ? LD_CHART_TEXT_BOLD : LD_CHART_TEXT_PLAIN, -1);
}

void
ld_chart_text_measure (LdChartText      *text,
                       const char       *str,
                       double            size,
                       LdChartTextStyle  style,
                       double            width,
                       double           *out_width,
                       double           *out_height)
{
  g_autoptr(PangoLayout) layout = ld_chart_text_layout_sized (text, str, size, style, width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = (double) logical.width / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) logical.height / PANGO_SCALE;
}

double
ld_chart_text_height_sized (LdChartText      *text,
                            const char       *str,
                            double            size,
                            LdChartTextStyle  style,
                            double            width)
{
  double height;

  ld_chart_text_measure (text, str, size, style, width, NULL, &height);
  return height;
}

double
ld_chart_text_width_sized (LdChartText      *text,
                           const char       *str,
                           double            size,
                           LdChartTextStyle  style)
{
  double width;

  ld_chart_text_measure (text, str, size, style, -1, &width, NULL);
  return width;
}

double
ld_chart_text_width (LdChartText *text,
                     const char  *str,
                     gboolean     bold)
{
  return ld_chart_text_width_sized (text, str, text->size,
                                    bold ? LD_CHART_TEXT_BOLD : LD_CHART_TEXT_PLAIN);
}

/* Shows @layout with the left of its logical box at @x (logical.x is non-zero once
 * the layout has a width) and its top at @y. */
static void
show_layout (LdChartText        *text,
             cairo_t            *cr,
             PangoLayout        *layout,
             const PangoRectangle *logical,
             double              x,
             double              y,
             const LdChartColor *color)
{
  cairo_save (cr);
  ld_chart_color_set_source (cr, color, 1.0);
  cairo_move_to (cr, x - (double) logical->x / PANGO_SCALE, y);
  pango_cairo_update_context (cr, text->context);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

double
ld_chart_text_draw (LdChartText        *text,
                    cairo_t            *cr,
                    const char         *str,
                    gboolean            bold,
                    double              x,
                    double              y,
                    LdChartAlign        align,
                    double              max_width,
                    const LdChartColor *color)
{
  return ld_chart_text_draw_styled (text, cr, str, bold ? LD_CHART_TEXT_BOLD : LD_CHART_TEXT_PLAIN,
                                    x, y, align, max_width, color);
}

char *
ld_chart_text_visible (PangoLayout *layout)
{
  const char *str = pango_layout_get_text (layout);
  GString *out = g_string_new (NULL);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          PangoGlyphItem *run = r->data;

          /* The ellipsis run's item spans the text it stands for. */
          if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
            g_string_append (out, "…");
          else
            g_string_append_len (out, str + run->item->offset, run->item->length);
        }
    }

  return g_string_free (out, FALSE);
}

double
ld_chart_text_draw_styled (LdChartText        *text,
                           cairo_t            *cr,
                           const char         *str,
                           LdChartTextStyle    style,
                           double              x,
                           double              y,
                           LdChartAlign        align,
                           double              max_width,
                           const LdChartColor *color)
{
  g_autoptr(PangoLayout) layout = ld_chart_text_layout_sized (text, str, text->size,
                                                              style & ~LD_CHART_TEXT_WRAP,
                                                              max_width);
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;

  switch (align)
    {
    case LD_CHART_ALIGN_CENTER:
      x -= w / 2;
      break;
    case LD_CHART_ALIGN_END:
      x -= w;
      break;
    case LD_CHART_ALIGN_START:
    default:
      break;
    }

  show_layout (text, cr, layout, &logical, x, y - h / 2, color);

  return w;
}

double
ld_chart_text_draw_box (LdChartText        *text,
                        cairo_t            *cr,
                        const char         *str,
                        double              size,
                        LdChartTextStyle    style,
                        double              x,
                        double              y,
                        double              width,
                        LdChartAlign        align,
                        const LdChartColor *color)
{
  g_autoptr(PangoLayout) layout = ld_chart_text_layout_sized (text, str, size, style, width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (align == LD_CHART_ALIGN_END)
    x -= (double) logical.width / PANGO_SCALE;
  else if (align == LD_CHART_ALIGN_CENTER)
    x -= (double) logical.width / PANGO_SCALE / 2;

  show_layout (text, cr, layout, &logical, x, y, color);

  return (double) logical.height / PANGO_SCALE;
}
