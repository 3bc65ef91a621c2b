/* ld-licenses-card.c — provisioned and assigned licences and the assignment rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-chart-view.h"
#include "ld-licenses-card.h"

struct _LdLicensesCard
{
  LdCard     parent_instance;

  GtkWidget *chart;
  guint      provisioned_figure;
  guint      assigned_figure;
  guint      rate_figure;
};

G_DEFINE_FINAL_TYPE (LdLicensesCard, ld_licenses_card, LD_TYPE_CARD)

static void
ld_licenses_card_update (LdCard   *card,
                         LdQuery  *query,
                         LdResult *result)
{
  LdLicensesCard *self = LD_LICENSES_CARD (card);
  /* The figures and the chart come from the same content the exports draw. */
  g_autoptr(LdCardModel) content = ld_card_model_new (query, result, LD_WIDGET_LICENSES,
                                                          LD_CARD_MODEL_NO_SELECTION, NULL);

  ld_card_set_figures_from_content (card, content);
  ld_chart_view_set_chart (LD_CHART_VIEW (self->chart), &content->charts[0]);
}

static void
ld_licenses_card_draw_chart (LdCard             *card,
                             cairo_t            *cr,
                             double              width,
                             double              height,
                             const LdChartTheme *theme)
{
  LdLicensesCard *self = LD_LICENSES_CARD (card);

  ld_chart_view_draw (LD_CHART_VIEW (self->chart), cr, width, height, theme);
}

static LdWidgetId
ld_licenses_card_get_widget_id (LdCard *card)
{
  return LD_WIDGET_LICENSES;
}

static void
ld_licenses_card_class_init (LdLicensesCardClass *klass)
{
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  card_class->update = ld_licenses_card_update;
  card_class->draw_chart = ld_licenses_card_draw_chart;
  card_class->get_widget_id = ld_licenses_card_get_widget_id;
}

static void
ld_licenses_card_init (LdLicensesCard *self)
{
  LdCard *card = LD_CARD (self);

  ld_card_set_title (card, _("Licenses"));
  self->provisioned_figure = ld_card_add_figure (card, _("Provisioned"));
  self->assigned_figure = ld_card_add_figure (card, _("Assigned"));
  self->rate_figure = ld_card_add_figure (card, _("Assignment rate"));

  self->chart = ld_chart_view_new (_("Provisioned and assigned licenses per month"));
  /* A card stretched to its neighbour's height gives the room to the chart. */
  gtk_widget_set_vexpand (self->chart, TRUE);
  ld_card_append (card, self->chart);

  ld_card_update (card, NULL, NULL);
}

GtkWidget *
ld_licenses_card_new (void)
{
  return g_object_new (LD_TYPE_LICENSES_CARD, NULL);
}

GtkWidget *
ld_licenses_card_get_chart (LdLicensesCard *self)
{
  g_return_val_if_fail (LD_IS_LICENSES_CARD (self), NULL);

  return self->chart;
}
