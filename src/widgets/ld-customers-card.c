/* ld-customers-card.c — customers: how many, how many new, and the monthly trend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-chart-view.h"
#include "ld-customers-card.h"

struct _LdCustomersCard
{
  LdCard     parent_instance;

  GtkWidget *chart;
  guint      customers_figure;
  guint      month_figure;
};

G_DEFINE_FINAL_TYPE (LdCustomersCard, ld_customers_card, LD_TYPE_CARD)

static void
ld_customers_card_update (LdCard   *card,
                          LdQuery  *query,
                          LdResult *result)
{
  LdCustomersCard *self = LD_CUSTOMERS_CARD (card);
  /* The figures and the chart come from the same content the exports draw. */
  g_autoptr(LdCardModel) content = ld_card_model_new (query, result, LD_WIDGET_CUSTOMERS,
                                                          LD_CARD_MODEL_NO_SELECTION, NULL);

  ld_card_set_figures_from_content (card, content);
  ld_chart_view_set_chart (LD_CHART_VIEW (self->chart), &content->charts[0]);
}

static void
ld_customers_card_draw_chart (LdCard             *card,
                              cairo_t            *cr,
                              double              width,
                              double              height,
                              const LdChartTheme *theme)
{
  LdCustomersCard *self = LD_CUSTOMERS_CARD (card);

  ld_chart_view_draw (LD_CHART_VIEW (self->chart), cr, width, height, theme);
}

static LdWidgetId
ld_customers_card_get_widget_id (LdCard *card)
{
  return LD_WIDGET_CUSTOMERS;
}

static void
ld_customers_card_class_init (LdCustomersCardClass *klass)
{
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  card_class->update = ld_customers_card_update;
  card_class->draw_chart = ld_customers_card_draw_chart;
  card_class->get_widget_id = ld_customers_card_get_widget_id;
}

static void
ld_customers_card_init (LdCustomersCard *self)
{
  LdCard *card = LD_CARD (self);

  ld_card_set_title (card, _("Customers"));
  self->customers_figure = ld_card_add_figure (card, _("Customers"));
  self->month_figure = ld_card_add_figure (card, _("New in the last month"));

  self->chart = ld_chart_view_new (_("New and cumulative customers per month"));
  /* A card stretched to its neighbour's height gives the room to the chart. */
  gtk_widget_set_vexpand (self->chart, TRUE);
  ld_card_append (card, self->chart);

  ld_card_update (card, NULL, NULL);
}

GtkWidget *
ld_customers_card_new (void)
{
  return g_object_new (LD_TYPE_CUSTOMERS_CARD, NULL);
}

GtkWidget *
ld_customers_card_get_chart (LdCustomersCard *self)
{
  g_return_val_if_fail (LD_IS_CUSTOMERS_CARD (self), NULL);

  return self->chart;
}
