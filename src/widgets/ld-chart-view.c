/* ld-chart-view.c — a widget that paints one src/charts/ chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ld-chart-format.h"
#include "ld-chart-view.h"

#define TREND_MIN_HEIGHT 220
#define TREND_NAT_HEIGHT 260
#define BARS_MIN_HEIGHT  120
#define MIN_WIDTH        160

typedef enum
{
  KIND_NONE,
  KIND_TREND,
  KIND_BARS,
} ChartKind;

struct _LdChartView
{
  GtkWidget         parent_instance;

  ChartKind         kind;
  LdTrendChartData  trend;
  LdBarChartData    bars;

  /* Owned copies of what the chart data points to. */
  guint64          *trend_values[LD_TREND_CHART_MAX_SERIES];
  char             *trend_labels[LD_TREND_CHART_MAX_SERIES];
  LdBarChartItem   *bar_items;
  GPtrArray        *strings;

  int               highlight;
};

G_DEFINE_FINAL_TYPE (LdChartView, ld_chart_view, GTK_TYPE_WIDGET)

static void
clear_data (LdChartView *self)
{
  for (guint i = 0; i < LD_TREND_CHART_MAX_SERIES; i++)
    {
      g_clear_pointer (&self->trend_values[i], g_free);
      g_clear_pointer (&self->trend_labels[i], g_free);
    }
  g_clear_pointer (&self->bar_items, g_free);
  g_ptr_array_set_size (self->strings, 0);

  ld_trend_chart_data_init (&self->trend);
  ld_bar_chart_data_init (&self->bars);
  self->kind = KIND_NONE;
  self->highlight = -1;
}

static const char *
keep_string (LdChartView *self,
             const char  *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strdup (text);
  g_ptr_array_add (self->strings, copy);

  return copy;
}

void
ld_chart_theme_init_for_widget (LdChartTheme *theme,
                                GtkWidget    *widget)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1.0 };
  GdkRGBA fg = { 0, 0, 0, 0.8 };
  g_autofree char *font_name = NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_return_if_fail (theme != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (context, "accent_bg_color", &accent);
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  ld_chart_theme_init (theme, dark, accent.red, accent.green, accent.blue);

  /* The card paints its own background; the chart draws on top of it. */
  theme->background.a = 0;
  theme->foreground = (LdChartColor) { fg.red, fg.green, fg.blue, fg.alpha * 0.92 };
  theme->muted = (LdChartColor) { fg.red, fg.green, fg.blue, fg.alpha * 0.62 };

  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font_name);
      const char *family = pango_font_description_get_family (desc);
      double size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;

      /* Points to pixels (96 dpi), then a little smaller than body text, as
       * axis labels are in GNOME apps. */
      if (!pango_font_description_get_size_is_absolute (desc))
        size = size * 96.0 / 72.0;
      ld_chart_theme_set_font (theme, family, size > 0 ? size * 0.85 : 0);
      pango_font_description_free (desc);
    }
}

static void
ld_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LdChartView *self = LD_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  LdChartTheme theme;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ld_chart_theme_init_for_widget (&theme, widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  switch (self->kind)
    {
    case KIND_BARS:
      {
        LdBarChartData data = self->bars;

        data.highlight = self->highlight;
        ld_bar_chart_draw (cr, width, height, &data, &theme);
      }
      break;
    case KIND_TREND:
    case KIND_NONE:
    default:
      {
        LdTrendChartData data = self->trend;

        data.highlight = self->highlight;
        ld_trend_chart_draw (cr, width, height, &data, &theme);
      }
      break;
    }

  cairo_destroy (cr);
}

static void
ld_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LdChartView *self = LD_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 360;
      return;
    }

  if (self->kind == KIND_BARS)
    {
      LdChartTheme theme;
      double h;

      ld_chart_theme_init_for_widget (&theme, widget);
      h = ld_bar_chart_get_preferred_height (&self->bars, &theme, for_size > 0 ? for_size : 400);
      *minimum = *natural = MAX (BARS_MIN_HEIGHT, (int) h);
      return;
    }

  *minimum = TREND_MIN_HEIGHT;
  *natural = TREND_NAT_HEIGHT;
}

static GtkSizeRequestMode
ld_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
item_at (LdChartView *self,
         double       x,
         double       y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  LdChartTheme theme;

  if (width <= 0 || height <= 0)
    return -1;

  ld_chart_theme_init_for_widget (&theme, widget);
  switch (self->kind)
    {
    case KIND_TREND:
      return ld_trend_chart_month_at (&self->trend, &theme, width, height, x, y);
    case KIND_BARS:
      return ld_bar_chart_item_at (&self->bars, &theme, width, height, x, y);
    case KIND_NONE:
    default:
      return -1;
    }
}

static void
set_highlight (LdChartView *self,
               int          highlight)
{
  if (self->highlight == highlight)
    return;

  self->highlight = highlight;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LdChartView              *self)
{
  set_highlight (self, item_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          LdChartView              *self)
{
  set_highlight (self, -1);
}

char *
ld_chart_view_get_tooltip_at (LdChartView *self,
                              double       x,
                              double       y)
{
  int item;

  g_return_val_if_fail (LD_IS_CHART_VIEW (self), NULL);

  item = item_at (self, x, y);
  if (item < 0)
    return NULL;

  /* The charts word the tooltips, so every card says the same thing. */
  if (self->kind == KIND_TREND)
    return ld_trend_chart_get_month_summary (&self->trend, item);

  return ld_bar_chart_get_item_summary (&self->bars, item);
}

static gboolean
ld_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  LdChartView *self = LD_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  LdChartTheme theme;
  cairo_rectangle_t area;
  gboolean has_area = FALSE;
  int item;

  if (keyboard_mode)
    return FALSE;

  text = ld_chart_view_get_tooltip_at (self, x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  /* The tip stays put while the pointer moves within one month or bar, and moves
   * on when the pointer crosses into the next. */
  ld_chart_theme_init_for_widget (&theme, widget);
  item = item_at (self, x, y);
  if (self->kind == KIND_TREND)
    has_area = ld_trend_chart_get_month_area (&self->trend, &theme, width, height, item, &area);
  else if (self->kind == KIND_BARS)
    has_area = ld_bar_chart_get_bar_area (&self->bars, &theme, width, height, item, &area);
  if (has_area)
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area.x, (int) area.y,
                                                         MAX (1, (int) area.width),
                                                         MAX (1, (int) area.height) });

  return TRUE;
}

static void
ld_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ld_chart_view_parent_class)->css_changed (widget, change);

  /* The accent colour and the foreground come from CSS. */
  gtk_widget_queue_draw (widget);
}

static void
on_dark_changed (LdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_font_changed (LdChartView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
ld_chart_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ld_chart_view_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-font-name",
                           G_CALLBACK (on_font_changed), widget, G_CONNECT_SWAPPED);
}

static void
ld_chart_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), on_font_changed, widget);

  GTK_WIDGET_CLASS (ld_chart_view_parent_class)->unroot (widget);
}

static void
ld_chart_view_finalize (GObject *object)
{
  LdChartView *self = LD_CHART_VIEW (object);

  clear_data (self);
  g_ptr_array_unref (self->strings);

  G_OBJECT_CLASS (ld_chart_view_parent_class)->finalize (object);
}

static void
ld_chart_view_class_init (LdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ld_chart_view_finalize;

  widget_class->snapshot = ld_chart_view_snapshot;
  widget_class->measure = ld_chart_view_measure;
  widget_class->get_request_mode = ld_chart_view_get_request_mode;
  widget_class->query_tooltip = ld_chart_view_query_tooltip;
  widget_class->css_changed = ld_chart_view_css_changed;
  widget_class->root = ld_chart_view_root;
  widget_class->unroot = ld_chart_view_unroot;

  gtk_widget_class_set_css_name (widget_class, "ldchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ld_chart_view_init (LdChartView *self)
{
  GtkEventController *motion;

  self->strings = g_ptr_array_new_with_free_func (g_free);
  clear_data (self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ld_chart_view_new (const char *accessible_label)
{
  GtkWidget *view = g_object_new (LD_TYPE_CHART_VIEW, NULL);

  if (accessible_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                    -1);

  return view;
}

static void
update_description (LdChartView *self)
{
  g_autofree char *text = ld_chart_view_get_text_alternative (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

void
ld_chart_view_set_trend (LdChartView            *self,
                         const LdTrendChartData *data)
{
  g_return_if_fail (LD_IS_CHART_VIEW (self));

  clear_data (self);
  self->kind = KIND_TREND;

  if (data != NULL)
    {
      self->trend = *data;
      self->trend.n_series = MIN (data->n_series, LD_TREND_CHART_MAX_SERIES);
      self->trend.highlight = -1;
      for (guint i = 0; i < self->trend.n_series; i++)
        {
          LdTrendSeries *series = &self->trend.series[i];

          self->trend_labels[i] = g_strdup (series->label);
          series->label = self->trend_labels[i];
          if (series->values != NULL && data->n_months > 0)
            self->trend_values[i] = g_memdup2 (series->values, sizeof (guint64) * data->n_months);
          else
            self->trend_values[i] = g_new0 (guint64, MAX (data->n_months, 1));
          series->values = self->trend_values[i];
        }
    }

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ld_chart_view_set_bars (LdChartView          *self,
                        const LdBarChartData *data)
{
  g_return_if_fail (LD_IS_CHART_VIEW (self));

  clear_data (self);
  self->kind = KIND_BARS;

  if (data != NULL)
    {
      self->bars = *data;
      self->bars.highlight = -1;
      self->bars.value_label = keep_string (self, data->value_label);
      self->bars.secondary_label = keep_string (self, data->secondary_label);
      self->bar_items = g_new0 (LdBarChartItem, MAX (data->n_items, 1));
      for (guint i = 0; i < data->n_items; i++)
        {
          self->bar_items[i] = data->items[i];
          self->bar_items[i].label = keep_string (self, data->items[i].label);
        }
      self->bars.items = self->bar_items;
    }

  update_description (self);
  /* The bars' height depends on how many there are. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ld_chart_view_draw (LdChartView        *self,
                    cairo_t            *cr,
                    double              width,
                    double              height,
                    const LdChartTheme *theme)
{
  g_return_if_fail (LD_IS_CHART_VIEW (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL);

  if (self->kind == KIND_BARS)
    ld_bar_chart_draw (cr, width, height, &self->bars, theme);
  else
    ld_trend_chart_draw (cr, width, height, &self->trend, theme);
}

char *
ld_chart_view_get_text_alternative (LdChartView *self)
{
  g_return_val_if_fail (LD_IS_CHART_VIEW (self), NULL);

  if (self->kind == KIND_BARS)
    return ld_bar_chart_get_text_alternative (&self->bars);

  return ld_trend_chart_get_text_alternative (&self->trend);
}
