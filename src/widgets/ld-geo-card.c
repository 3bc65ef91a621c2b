/* ld-geo-card.c — provisioned licences by country: ranked bars and a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-chart-view.h"
#include "ld-geo-card.h"
#include "ld-row-table.h"

#define TOP_ITEMS 11  /* the top 10 and "Others" */
#define PANE_MIN_WIDTH 280

struct _LdGeoCard
{
  LdCard              parent_instance;

  LdRowModel         *model;
  GtkSingleSelection *selection;
  GtkWidget          *chart;
  guint               count_figure;
  guint               top_figure;
};

G_DEFINE_FINAL_TYPE (LdGeoCard, ld_geo_card, LD_TYPE_CARD)

static void
ld_geo_card_update (LdCard   *card,
                    LdQuery  *query,
                    LdResult *result)
{
  LdGeoCard *self = LD_GEO_CARD (card);
  GListModel *model = G_LIST_MODEL (self->model);
  LdBarChartItem items[TOP_ITEMS + 1] = { { 0 } };
  LdBarChartItem folded[TOP_ITEMS];
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LdRowItem) top = NULL;
  g_autofree char *count = NULL;
  g_autofree char *share = NULL;
  LdBarChartData data;
  guint n, n_shown;

  ld_row_table_set_result (self->selection, self->model, result);
  n = g_list_model_get_n_items (model);
  n_shown = MIN (n, TOP_ITEMS);

  top = n > 0 ? g_list_model_get_item (model, 0) : NULL;
  count = ld_card_format_count (n);
  share = ld_card_format_rate (top != NULL ? ld_row_item_get_share (top) : 0);
  ld_card_set_figure (card, self->count_figure, count, NULL, NULL, LD_CARD_TREND_NONE);
  ld_card_set_figure (card, self->top_figure, share, NULL,
                      top != NULL ? ld_row_item_get_display_name (top, NULL) : NULL,
                      LD_CARD_TREND_NONE);

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(LdRowItem) item = g_list_model_get_item (model, i);
      char *label = g_strdup (ld_row_item_get_display_name (item, NULL));

      g_ptr_array_add (labels, label);
      items[i] = (LdBarChartItem) { label, ld_row_item_get_provisioned (item),
                                    ld_row_item_get_assigned (item), FALSE };
    }

  ld_bar_chart_data_init (&data);
  if (n > TOP_ITEMS)
    {
      /* The tail is summed from the totals, then folded into "Others". */
      guint64 rest = ld_result_get_provisioned (result);
      guint64 rest_assigned = ld_result_get_assigned (result);

      for (guint i = 0; i < TOP_ITEMS - 1; i++)
        {
          rest -= items[i].value;
          rest_assigned -= items[i].secondary;
        }
      items[TOP_ITEMS - 1] = (LdBarChartItem) { NULL, rest, rest_assigned, FALSE };
      data.n_items = ld_bar_chart_fold_items (items, TOP_ITEMS + 1, TOP_ITEMS, folded);
    }
  else
    data.n_items = ld_bar_chart_fold_items (items, n_shown, TOP_ITEMS, folded);

  data.items = folded;
  data.value_label = _("Provisioned");
  data.secondary_label = _("Assigned");
  data.has_secondary = TRUE;
  data.show_percent = TRUE;
  data.total = result != NULL ? ld_result_get_provisioned (result) : 0;
  ld_chart_view_set_bars (LD_CHART_VIEW (self->chart), &data);
}

static void
ld_geo_card_draw_chart (LdCard             *card,
                        cairo_t            *cr,
                        double              width,
                        double              height,
                        const LdChartTheme *theme)
{
  LdGeoCard *self = LD_GEO_CARD (card);

  ld_chart_view_draw (LD_CHART_VIEW (self->chart), cr, width, height, theme);
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
  GtkWidget *panes, *chart_box, *title, *frame, *scroller, *table;
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
  title = gtk_label_new (_("Top countries by provisioned licenses"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "ld-chart-title");
  gtk_box_append (GTK_BOX (chart_box), title);
  self->chart = ld_chart_view_new (_("Top countries chart"));
  gtk_widget_set_valign (self->chart, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (chart_box), self->chart);
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
ld_geo_card_get_chart (LdGeoCard *self)
{
  g_return_val_if_fail (LD_IS_GEO_CARD (self), NULL);

  return self->chart;
}

GListModel *
ld_geo_card_get_rows (LdGeoCard *self)
{
  g_return_val_if_fail (LD_IS_GEO_CARD (self), NULL);

  return G_LIST_MODEL (self->model);
}
