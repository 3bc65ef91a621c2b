/* ld-geo-card.c — provisioned licences by country: a world map and a ranked table
 *
 * The map is an LdMapView (libshumate with our own country layer, complete offline);
 * the exported image is painted by the same src/charts/ld-map-chart.c code, so a copy
 * or a PDF shows what the screen shows. Clicking a country toggles it in the
 * Country/region filter; selecting a table row centres the map on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-chart-view.h"
#include "ld-geo-card.h"
#include "ld-map-chart.h"
#include "ld-map-view.h"
#include "ld-row-table.h"

#define PANE_MIN_WIDTH 280

struct _LdGeoCard
{
  LdCard              parent_instance;

  LdRowModel         *model;
  GtkSingleSelection *selection;
  GtkWidget          *map;
  GtkWidget          *unmapped_label;
  LdMapChartItem     *items;        /* the map's data; strings point into the result */
  guint               n_items;
  LdResult           *result;       /* keeps the items' strings alive */
  char              **selected;     /* the Country/region filter's codes */
  guint               count_figure;
  guint               top_figure;
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

static void
ld_geo_card_update (LdCard   *card,
                    LdQuery  *query,
                    LdResult *result)
{
  LdGeoCard *self = LD_GEO_CARD (card);
  /* The figures come from the same model the exports draw. */
  g_autoptr(LdCardModel) model = ld_card_model_new (query, result, LD_WIDGET_GEO,
                                                    LD_CARD_MODEL_NO_SELECTION, NULL);

  ld_row_table_set_result (self->selection, self->model, result);
  ld_card_set_figures_from_content (card, model);

  /* The map: every country of the table, shaded by provisioned licences. */
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->result, ld_result_unref);
  g_clear_pointer (&self->selected, g_strfreev);
  self->n_items = 0;
  if (result != NULL)
    {
      guint n_rows = 0;
      const LdCountryRow *rows = ld_result_get_countries (result, &n_rows);
      g_autoptr(GString) unmapped = g_string_new (NULL);

      self->result = ld_result_ref (result);
      self->items = g_new0 (LdMapChartItem, MAX (n_rows, 1));
      for (guint i = 0; i < n_rows; i++)
        {
          self->items[i] = (LdMapChartItem) { rows[i].code, rows[i].name, rows[i].provisioned,
                                              rows[i].customers, rows[i].assigned };
          if (!ld_map_chart_has_shape (rows[i].code))
            {
              if (unmapped->len > 0)
                g_string_append (unmapped, ", ");
              g_string_append (unmapped, rows[i].code[0] != '\0' ? rows[i].code : _("Unknown"));
            }
        }
      self->n_items = n_rows;

      if (unmapped->len > 0)
        {
          /* Translators: countries listed in the table that the map cannot draw
           * (small states, unknown or blank codes), "Not on the map: GI, Unknown". */
          g_autofree char *text = g_strdup_printf (_("Not on the map: %s"), unmapped->str);

          gtk_label_set_label (GTK_LABEL (self->unmapped_label), text);
        }
      gtk_widget_set_visible (self->unmapped_label, unmapped->len > 0);
    }
  else
    gtk_widget_set_visible (self->unmapped_label, FALSE);

  if (query != NULL && ld_query_get_n_filter_values (query, LD_DIM_COUNTRY) > 0)
    self->selected = g_strdupv ((char **) ld_query_get_filter_values (query, LD_DIM_COUNTRY));

  ld_map_view_set_data (LD_MAP_VIEW (self->map), self->items, self->n_items,
                        result != NULL ? ld_result_get_provisioned (result) : 0);
  ld_map_view_set_selected (LD_MAP_VIEW (self->map), (const char *const *) self->selected);
  {
    LdMapChartData data;
    g_autofree char *text = NULL;

    ld_map_view_get_chart_data (LD_MAP_VIEW (self->map), &data);
    text = ld_map_chart_get_text_alternative (&data);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  }
}

static void
ld_geo_card_draw_chart (LdCard             *card,
                        cairo_t            *cr,
                        double              width,
                        double              height,
                        const LdChartTheme *theme)
{
  LdGeoCard *self = LD_GEO_CARD (card);
  LdMapChartData data;

  /* The view on screen, or the whole world when the user has not moved the map. */
  ld_map_view_get_chart_data (LD_MAP_VIEW (self->map), &data);
  data.show_legend = TRUE;
  data.base_map = TRUE;
  ld_map_chart_draw (cr, width, height, &data, theme);
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

  g_clear_object (&self->model);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->result, ld_result_unref);
  g_clear_pointer (&self->selected, g_strfreev);

  G_OBJECT_CLASS (ld_geo_card_parent_class)->dispose (object);
}

static void
ld_geo_card_class_init (LdGeoCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  object_class->dispose = ld_geo_card_dispose;

  card_class->update = ld_geo_card_update;
  card_class->draw_chart = ld_geo_card_draw_chart;
  card_class->get_widget_id = ld_geo_card_get_widget_id;
}

static void
ld_geo_card_init (LdGeoCard *self)
{
  LdCard *card = LD_CARD (self);
  GtkWidget *panes, *chart_box, *frame, *scroller, *table;
  const LdRowColumnSpec columns[] = {
    { LD_ROW_COLUMN_CODE, _("Code") },
    { LD_ROW_COLUMN_NAME, _("Country") },
    { LD_ROW_COLUMN_COUNT, _("Customers") },
    { LD_ROW_COLUMN_PROVISIONED, _("Provisioned") },
    { LD_ROW_COLUMN_ASSIGNED, _("Assigned") },
    { LD_ROW_COLUMN_SHARE, _("Share") },
  };

  ld_card_set_title (card, _("Geographical spread"));
  self->count_figure = ld_card_add_figure (card, _("Countries"));
  self->top_figure = ld_card_add_figure (card, _("Top country’s share"));

  panes = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (panes), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (panes), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (panes), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (panes), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (panes), 18);

  chart_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (chart_box, PANE_MIN_WIDTH, -1);
  self->map = ld_map_view_new ();
  gtk_widget_set_size_request (self->map, -1, 340);
  gtk_widget_set_vexpand (self->map, TRUE);
  gtk_widget_add_css_class (self->map, "ld-map-frame");
  gtk_widget_set_overflow (self->map, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("World map of provisioned licenses"),
                                  -1);
  g_signal_connect_object (self->map, "country-activated", G_CALLBACK (on_country_activated),
                           self, 0);
  gtk_box_append (GTK_BOX (chart_box), self->map);
  self->unmapped_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->unmapped_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->unmapped_label), TRUE);
  gtk_widget_add_css_class (self->unmapped_label, "dim-label");
  gtk_widget_add_css_class (self->unmapped_label, "caption");
  gtk_widget_set_visible (self->unmapped_label, FALSE);
  gtk_box_append (GTK_BOX (chart_box), self->unmapped_label);
  gtk_flow_box_append (GTK_FLOW_BOX (panes), chart_box);

  self->model = ld_row_model_new (LD_ROW_KIND_COUNTRIES);
  table = ld_row_table_new (self->model, columns, G_N_ELEMENTS (columns), &self->selection);
  gtk_accessible_update_property (GTK_ACCESSIBLE (table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Countries table"),
                                  -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), table);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_row_selected), self, 0);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "ld-table-frame");
  gtk_widget_set_size_request (frame, PANE_MIN_WIDTH, -1);
  gtk_widget_set_valign (frame, GTK_ALIGN_START);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_flow_box_append (GTK_FLOW_BOX (panes), frame);

  for (GtkWidget *child = gtk_widget_get_first_child (panes); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  ld_card_append (card, panes);

  ld_card_update (card, NULL, NULL);
}

GtkWidget *
ld_geo_card_new (void)
{
  return g_object_new (LD_TYPE_GEO_CARD, NULL);
}

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
