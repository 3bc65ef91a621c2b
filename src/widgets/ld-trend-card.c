/* ld-trend-card.c — a card of headline figures over one monthly trend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-card-private.h"
#include "ld-chart-view.h"
#include "ld-model-enums.h"
#include "ld-trend-card-private.h"

struct _LdTrendCard
{
  LdCard      parent_instance;

  LdWidgetId  widget;
  GtkWidget  *chart;
};

G_DEFINE_FINAL_TYPE (LdTrendCard, ld_trend_card, LD_TYPE_CARD)

enum {
  PROP_0,
  PROP_WIDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LdWidgetId
ld_trend_card_get_widget_id (LdCard *card)
{
  return LD_TREND_CARD (card)->widget;
}

static void
ld_trend_card_show_model (LdCard            *card,
                          const LdCardModel *model)
{
  LdTrendCard *self = LD_TREND_CARD (card);

  ld_chart_view_set_chart (LD_CHART_VIEW (self->chart), ld_card_model_get_chart (model, LD_CHART_TREND, 0));
}

static void
ld_trend_card_constructed (GObject *object)
{
  LdTrendCard *self = LD_TREND_CARD (object);
  /* The chart's name for screen readers; the card's title comes with its model. */
  const char *label = self->widget == LD_WIDGET_CUSTOMERS ? _("New, returning and cumulative customers per month")
                      : self->widget == LD_WIDGET_STATES ? _("Provisioned licenses per month by license state")
                      : _("Provisioned and assigned licenses per month");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  G_OBJECT_CLASS (ld_trend_card_parent_class)->constructed (object);
}

static void
ld_trend_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WIDGET:
      g_value_set_enum (value, LD_TREND_CARD (object)->widget);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_trend_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_WIDGET:
      LD_TREND_CARD (object)->widget = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_trend_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LD_TYPE_TREND_CARD);

  G_OBJECT_CLASS (ld_trend_card_parent_class)->dispose (object);
}

static void
ld_trend_card_class_init (LdTrendCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  object_class->constructed = ld_trend_card_constructed;
  object_class->dispose = ld_trend_card_dispose;
  object_class->get_property = ld_trend_card_get_property;
  object_class->set_property = ld_trend_card_set_property;

  card_class->get_widget_id = ld_trend_card_get_widget_id;
  card_class->show_model = ld_trend_card_show_model;

  properties[PROP_WIDGET] =
    g_param_spec_enum ("widget", NULL, NULL, LD_TYPE_WIDGET_ID, LD_WIDGET_CUSTOMERS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-trend-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LdTrendCard, chart);
}

static void
ld_trend_card_init (LdTrendCard *self)
{
  self->widget = LD_WIDGET_CUSTOMERS;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ld_trend_card_new (LdWidgetId widget)
{
  g_return_val_if_fail (widget == LD_WIDGET_CUSTOMERS || widget == LD_WIDGET_LICENSES ||
                        widget == LD_WIDGET_STATES, NULL);

  return g_object_new (LD_TYPE_TREND_CARD, "widget", widget, NULL);
}

/* ---- for tests -------------------------------------------------------------------- */

GtkWidget *
ld_trend_card_get_chart (LdTrendCard *self)
{
  g_return_val_if_fail (LD_IS_TREND_CARD (self), NULL);

  return self->chart;
}
