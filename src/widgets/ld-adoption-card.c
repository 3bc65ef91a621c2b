/* ld-adoption-card.c — who holds licences nobody uses (SPEC §4.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-adoption-card-private.h"
#include "ld-card-private.h"
#include "ld-chart-view.h"
#include "ld-row-table.h"

struct _LdAdoptionCard
{
  LdCard              parent_instance;

  /* Template children */
  GtkWidget          *bar_title;
  GtkWidget          *bar_chart;
  GtkWidget          *scroller;

  GtkWidget          *table;
  LdRowModel         *model;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (LdAdoptionCard, ld_adoption_card, LD_TYPE_CARD)

static void
ld_adoption_card_update (LdCard   *card,
                         LdQuery  *query,
                         LdResult *result)
{
  LdAdoptionCard *self = LD_ADOPTION_CARD (card);

  ld_row_table_set_result (self->selection, self->model, result);
}

static void
ld_adoption_card_show_model (LdCard            *card,
                             const LdCardModel *model)
{
  LdAdoptionCard *self = LD_ADOPTION_CARD (card);
  const LdChart *bars = ld_card_model_get_chart (model, LD_CHART_BARS, 0);

  ld_chart_view_set_chart (LD_CHART_VIEW (self->bar_chart), bars);
  gtk_label_set_label (GTK_LABEL (self->bar_title), bars != NULL ? bars->title : NULL);
}

static LdWidgetId
ld_adoption_card_get_widget_id (LdCard *card)
{
  return LD_WIDGET_ADOPTION;
}

/* Enter on a row, or a double click: the customer's page. */
static void
on_row_activated (GtkColumnView  *table,
                  guint           position,
                  LdAdoptionCard *self)
{
  g_autoptr(LdRowItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)),
                                                      position);

  if (item != NULL)
    ld_row_table_open_customer (GTK_WIDGET (self), item);
}

static void
ld_adoption_card_dispose (GObject *object)
{
  LdAdoptionCard *self = LD_ADOPTION_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_ADOPTION_CARD);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ld_adoption_card_parent_class)->dispose (object);
}

static void
ld_adoption_card_class_init (LdAdoptionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  object_class->dispose = ld_adoption_card_dispose;

  card_class->update = ld_adoption_card_update;
  card_class->get_widget_id = ld_adoption_card_get_widget_id;
  card_class->show_model = ld_adoption_card_show_model;

  g_type_ensure (LD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-adoption-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LdAdoptionCard, bar_title);
  gtk_widget_class_bind_template_child (widget_class, LdAdoptionCard, bar_chart);
  gtk_widget_class_bind_template_child (widget_class, LdAdoptionCard, scroller);
}

static void
ld_adoption_card_init (LdAdoptionCard *self)
{
  const LdRowColumnSpec columns[] = {
    { LD_ROW_COLUMN_NAME, _("Customer") },
    { LD_ROW_COLUMN_CODE, _("Country") },
    { LD_ROW_COLUMN_PROVISIONED, _("Provisioned") },
    { LD_ROW_COLUMN_ASSIGNED, _("Assigned") },
    { LD_ROW_COLUMN_UNASSIGNED, _("Unassigned") },
    { LD_ROW_COLUMN_RATE, _("Assignment rate") },
    { LD_ROW_COLUMN_OPEN, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = ld_row_model_new (LD_ROW_KIND_ADOPTION);
  self->table = ld_row_table_new (self->model, columns, G_N_ELEMENTS (columns), &self->selection);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Adoption table"),
                                  -1);
  gtk_box_append (GTK_BOX (self->scroller), ld_row_table_wrap (self->table, _("Adoption table")));
  g_signal_connect_object (self->table, "activate", G_CALLBACK (on_row_activated), self, 0);
}

GtkWidget *
ld_adoption_card_new (void)
{
  return g_object_new (LD_TYPE_ADOPTION_CARD, NULL);
}

/* ---- for tests ------------------------------------------------------------------- */

GtkWidget *
ld_adoption_card_get_bar_chart (LdAdoptionCard *self)
{
  g_return_val_if_fail (LD_IS_ADOPTION_CARD (self), NULL);

  return self->bar_chart;
}

GtkWidget *
ld_adoption_card_get_table (LdAdoptionCard *self)
{
  g_return_val_if_fail (LD_IS_ADOPTION_CARD (self), NULL);

  return self->table;
}

GtkSingleSelection *
ld_adoption_card_get_selection (LdAdoptionCard *self)
{
  g_return_val_if_fail (LD_IS_ADOPTION_CARD (self), NULL);

  return self->selection;
}
