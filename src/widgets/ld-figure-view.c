/* ld-figure-view.c — one headline figure of a card: caption, value, change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-figure-view.h"

struct _LdFigureView
{
  GtkBox    parent_instance;

  GtkLabel *caption;
  GtkLabel *value;
  GtkLabel *change;
};

G_DEFINE_FINAL_TYPE (LdFigureView, ld_figure_view, GTK_TYPE_BOX)

static void
ld_figure_view_class_init (LdFigureViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-figure-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LdFigureView, caption);
  gtk_widget_class_bind_template_child (widget_class, LdFigureView, value);
  gtk_widget_class_bind_template_child (widget_class, LdFigureView, change);
}

static void
ld_figure_view_init (LdFigureView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ld_figure_view_new (void)
{
  return g_object_new (LD_TYPE_FIGURE_VIEW, NULL);
}

void
ld_figure_view_set (LdFigureView       *self,
                    const LdCardFigure *figure)
{
  GtkWidget *change = GTK_WIDGET (self->change);
  g_autofree char *text = NULL;

  g_return_if_fail (LD_IS_FIGURE_VIEW (self));
  g_return_if_fail (figure != NULL);

  text = ld_card_figure_get_change_text (figure);

  gtk_label_set_label (self->value, figure->value != NULL ? figure->value : "");
  if (figure->caption != NULL)
    gtk_label_set_label (self->caption, figure->caption);

  gtk_widget_remove_css_class (change, "success");
  gtk_widget_remove_css_class (change, "error");
  gtk_widget_remove_css_class (change, "dim-label");
  gtk_label_set_label (self->change, text != NULL ? text : "");
  gtk_widget_set_visible (change, text != NULL);
  /* The value is described by its change: in words, not "▲" (a screen reader
   * says "up 12.5% compared with Dec 2025 – May 2026"). */
  if (figure->spoken_change != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    figure->spoken_change, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (text != NULL)
    gtk_widget_add_css_class (change, ld_figure_trend_get_sentiment (figure->trend) > 0 ? "success"
                                      : ld_figure_trend_get_sentiment (figure->trend) < 0 ? "error"
                                      : "dim-label");
}

GtkLabel *
ld_figure_view_get_value_label (LdFigureView *self)
{
  g_return_val_if_fail (LD_IS_FIGURE_VIEW (self), NULL);

  return self->value;
}
