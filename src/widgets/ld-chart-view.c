/* ld-chart-view.c — a widget that paints one src/charts/ chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ld-chart-format.h"
#include "ld-chart-view.h"

/* A trend stretches with its card from this height; other kinds ask their chart. */
#define TREND_MIN_HEIGHT 220
#define TREND_NAT_HEIGHT 260
#define MIN_HEIGHT       120
#define MIN_WIDTH        160

struct _LdChartView
{
  GtkWidget  parent_instance;

  LdChart    chart;
  GPtrArray *owned;      /* what the chart's data points to */
  int        highlight;
};

G_DEFINE_FINAL_TYPE (LdChartView, ld_chart_view, GTK_TYPE_WIDGET)

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

  /* The text's colour from CSS, its dimmed kind kept at 4.5:1 on the card; then the
   * card paints its own background and the chart draws on top of it. */
  ld_chart_theme_set_text_color (theme, &(LdChartColor) { fg.red, fg.green, fg.blue, fg.alpha });
  theme->background.a = 0;

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

  {
    LdChart chart = self->chart;

    ld_chart_set_highlight (&chart, self->highlight);
    ld_chart_draw (&chart, cr, width, height, &theme);
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

  if (self->chart.kind == LD_CHART_TREND)
    {
      *minimum = TREND_MIN_HEIGHT;
      *natural = TREND_NAT_HEIGHT;
    }
  else
    {
      LdChartTheme theme;
      double h;

      ld_chart_theme_init_for_widget (&theme, widget);
      h = ld_chart_get_preferred_height (&self->chart, &theme, for_size > 0 ? for_size : 400, FALSE);
      *minimum = *natural = MAX (MIN_HEIGHT, (int) h);
    }
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
  return ld_chart_item_at (&self->chart, &theme, width, height, x, y);
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
  return ld_chart_get_item_summary (&self->chart, item);
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
  if (ld_chart_get_item_area (&self->chart, &theme, width, height, item, &area))
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

  g_ptr_array_unref (self->owned);

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

  self->owned = g_ptr_array_new_with_free_func (g_free);
  ld_chart_init (&self->chart, LD_CHART_TREND);
  self->highlight = -1;

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
ld_chart_view_set_chart (LdChartView   *self,
                         const LdChart *chart)
{
  g_return_if_fail (LD_IS_CHART_VIEW (self));

  g_ptr_array_set_size (self->owned, 0);
  if (chart != NULL)
    ld_chart_copy (chart, &self->chart, self->owned);
  else
    ld_chart_init (&self->chart, LD_CHART_TREND);
  ld_chart_set_highlight (&self->chart, -1);
  self->highlight = -1;

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

  ld_chart_draw (&self->chart, cr, width, height, theme);
}

const LdChart *
ld_chart_view_get_chart (LdChartView *self)
{
  g_return_val_if_fail (LD_IS_CHART_VIEW (self), NULL);

  return &self->chart;
}

char *
ld_chart_view_get_text_alternative (LdChartView *self)
{
  g_return_val_if_fail (LD_IS_CHART_VIEW (self), NULL);

  return ld_chart_get_text_alternative (&self->chart);
}
