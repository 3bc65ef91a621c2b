/* ld-geo-card.c — provisioned licences by country: a world map and a ranked table
 *
 * The map shows the card model's map chart, which the exports paint with the same
 * src/charts/ld-map-chart.c code, so a copy or a PDF shows what the screen shows.
 * Clicking a country toggles it in the Country/region filter; selecting a table row
 * centres the map on it, activating the row (Enter, or a double click) toggles it as
 * a click on the map does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-card-private.h"
#include "ld-geo-card-private.h"
#include "ld-map-view.h"
#include "ld-row-table.h"

struct _LdGeoCard
{
  LdCard              parent_instance;

  /* Template children */
  GtkWidget          *map;
  GtkWidget          *unmapped_label;
  GtkWidget          *scroller;

  LdRowModel         *model;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (LdGeoCard, ld_geo_card, LD_TYPE_CARD)

static void
on_country_activated (LdMapView  *map,
                      const char *code,
                      LdGeoCard  *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toggle-filter", "(ss)", "country", code);
}

static void
on_row_selected (GtkSingleSelection *selection,
                 GParamSpec         *pspec,
                 LdGeoCard          *self)
{
  LdRowItem *item = gtk_single_selection_get_selected_item (selection);
  const LdCountryRow *row = item != NULL ? ld_row_item_get_country (item) : NULL;

  if (row != NULL && row->code[0] != '\0')
    ld_map_view_center_on (LD_MAP_VIEW (self->map), row->code);
}

/* Enter (or a double click) on a table row toggles the country as a click on
 * the map does: the table is how a keyboard picks a country. */
static void
on_row_activated (GtkColumnView *table,
                  guint          position,
                  LdGeoCard     *self)
{
  g_autoptr(LdRowItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)),
                                                      position);
  const LdCountryRow *row = item != NULL ? ld_row_item_get_country (item) : NULL;

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toggle-filter", "(ss)", "country", row->code);
}

static void
ld_geo_card_update (LdCard   *card,
                    LdQuery  *query,
                    LdResult *result)
{
  LdGeoCard *self = LD_GEO_CARD (card);

  ld_row_table_set_result (self->selection, self->model, result);
}

/* The countries of the table that the map cannot draw (small states, unknown or
 * blank codes) are named under it. */
static void
show_unmapped (LdGeoCard            *self,
               const LdMapChartData *data)
{
  g_autoptr(GString) unmapped = g_string_new (NULL);

  for (guint i = 0; i < data->n_items; i++)
    if (!ld_map_chart_has_shape (data->items[i].code))
      {
        if (unmapped->len > 0)
          g_string_append (unmapped, ", ");
        g_string_append (unmapped, data->items[i].code[0] != '\0' ? data->items[i].code : _("Unknown"));
      }

  if (unmapped->len > 0)
    {
      /* Translators: countries listed in the table that the map cannot draw
       * (small states, unknown or blank codes), "Not on the map: GI, Unknown". */
      g_autofree char *text = g_strdup_printf (_("Not on the map: %s"), unmapped->str);

      gtk_label_set_label (GTK_LABEL (self->unmapped_label), text);
    }
  gtk_widget_set_visible (self->unmapped_label, unmapped->len > 0);
}

/* The map: every country of the table, shaded by provisioned licences; the map
 * keeps its own copy of the data. */
static void
ld_geo_card_show_model (LdCard            *card,
                        const LdCardModel *model)
{
  LdGeoCard *self = LD_GEO_CARD (card);
  const LdMapChartData *map = &ld_card_model_get_chart (model, LD_CHART_MAP, 0)->map;
  LdMapChartData shown;
  g_autofree char *text = NULL;

  show_unmapped (self, map);
  ld_map_view_set_data (LD_MAP_VIEW (self->map), map->items, map->n_items, map->total);
  ld_map_view_set_selected (LD_MAP_VIEW (self->map), map->selected);

  ld_map_view_get_chart_data (LD_MAP_VIEW (self->map), &shown);
  text = ld_map_chart_get_text_alternative (&shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static LdWidgetId
ld_geo_card_get_widget_id (LdCard *card)
{
  return LD_WIDGET_GEO;
}

static void
ld_geo_card_dispose (GObject *object)
{
  LdGeoCard *self = LD_GEO_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_GEO_CARD);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ld_geo_card_parent_class)->dispose (object);
}

static void
ld_geo_card_class_init (LdGeoCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  object_class->dispose = ld_geo_card_dispose;

  card_class->update = ld_geo_card_update;
  card_class->get_widget_id = ld_geo_card_get_widget_id;
  card_class->show_model = ld_geo_card_show_model;

  g_type_ensure (LD_TYPE_MAP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-geo-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LdGeoCard, map);
  gtk_widget_class_bind_template_child (widget_class, LdGeoCard, unmapped_label);
  gtk_widget_class_bind_template_child (widget_class, LdGeoCard, scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_country_activated);
}

static void
ld_geo_card_init (LdGeoCard *self)
{
  GtkWidget *table;
  const LdRowColumnSpec columns[] = {
    { LD_ROW_COLUMN_CODE, _("Code") },
    { LD_ROW_COLUMN_NAME, _("Country") },
    { LD_ROW_COLUMN_COUNT, _("Customers") },
    { LD_ROW_COLUMN_PROVISIONED, _("Provisioned") },
    { LD_ROW_COLUMN_ASSIGNED, _("Assigned") },
    { LD_ROW_COLUMN_SHARE, _("Share") },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = ld_row_model_new (LD_ROW_KIND_COUNTRIES);
  table = ld_row_table_new (self->model, columns, G_N_ELEMENTS (columns), &self->selection);
  gtk_accessible_update_property (GTK_ACCESSIBLE (table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Countries table"),
                                  -1);
  gtk_box_append (GTK_BOX (self->scroller), ld_row_table_wrap (table, _("Countries table")));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_row_selected), self, 0);
  g_signal_connect_object (table, "activate", G_CALLBACK (on_row_activated), self, 0);
}

GtkWidget *
ld_geo_card_new (void)
{
  return g_object_new (LD_TYPE_GEO_CARD, NULL);
}

void
ld_geo_card_set_online_tiles (LdGeoCard *self,
                              gboolean   online)
{
  g_return_if_fail (LD_IS_GEO_CARD (self));

  ld_map_view_set_online_tiles (LD_MAP_VIEW (self->map), online);
}

/* ---- for tests ------------------------------------------------------------------- */

GtkWidget *
ld_geo_card_get_map (LdGeoCard *self)
{
  g_return_val_if_fail (LD_IS_GEO_CARD (self), NULL);

  return self->map;
}

GListModel *
ld_geo_card_get_rows (LdGeoCard *self)
{
  g_return_val_if_fail (LD_IS_GEO_CARD (self), NULL);

  return G_LIST_MODEL (self->model);
}
