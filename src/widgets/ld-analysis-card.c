/* ld-analysis-card.c — provisioned and assigned by product or by customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ld-analysis-card.h"
#include "ld-chart-view.h"
#include "ld-describe.h"
#include "ld-row-table.h"

#define CHART_MIN_WIDTH 280

typedef struct
{
  LdRowModel         *model;
  GtkSingleSelection *selection;
  GtkWidget          *scroller;
  gboolean            stale;      /* the model still shows an older result */
} TableView;

struct _LdAnalysisCard
{
  LdCard      parent_instance;

  /* The switch sits beside the title when it fits, else on its own row
   * below it: two pairs of toggles that always agree. */
  GtkWidget  *squeezer;
  GtkWidget  *wide_switch;
  GtkWidget  *narrow_switch;
  GtkWidget  *products_buttons[2];
  GtkWidget  *customers_buttons[2];
  GtkWidget  *stack;
  TableView   views[2];         /* by LdRowKind */
  GtkWidget  *bar_title;
  GtkWidget  *bar_chart;
  GtkWidget  *trend_title;
  GtkWidget  *trend_chart;
  guint       count_figure;
  guint       top_figure;

  LdRowKind   kind;
  LdResult   *result;
  LdQuery    *row_query;        /* the window's range and filters, plus one row */
  LdResult   *row_result;       /* the selected row's figures, NULL when none */
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (LdAnalysisCard, ld_analysis_card, LD_TYPE_CARD)

static TableView *
current_view (LdAnalysisCard *self)
{
  return &self->views[self->kind];
}

/* Brings a view's model to the current result. The Customers table of a large
 * report costs a sort on first use, so the hidden view waits until it is shown. */
static void
ensure_view (LdAnalysisCard *self,
             TableView      *view)
{
  guint32 selected_id = G_MAXUINT32;
  LdRowItem *item;
  GtkSorter *sorter;
  guint position;

  if (!view->stale)
    return;

  view->stale = FALSE;

  item = gtk_single_selection_get_selected_item (view->selection);
  if (item != NULL)
    selected_id = ld_row_item_get_id (item);

  self->updating = TRUE;
  ld_row_table_set_result (view->selection, view->model, self->result);

  /* Keep the selected row selected when it is still there; a sorted table only
   * knows its positions once the sort is done, so there the selection goes. */
  sorter = gtk_sort_list_model_get_sorter (GTK_SORT_LIST_MODEL (gtk_single_selection_get_model (view->selection)));
  position = ld_row_model_find_id (view->model, selected_id);
  if (sorter != NULL && gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    position = GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (view->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
}

static char *
item_label (LdRowItem *item)
{
  const LdProductRow *product = ld_row_item_get_product (item);

  if (product != NULL)
    return ld_describe_product_plan (product);

  return g_strdup (ld_row_item_get_display_name (item, NULL));
}

static LdWidgetId
current_widget_id (LdAnalysisCard *self)
{
  return self->kind == LD_ROW_KIND_PRODUCTS ? LD_WIDGET_ANALYSIS_PRODUCTS
                                            : LD_WIDGET_ANALYSIS_CUSTOMERS;
}

/* The headline figures and the top items' bars, from the same content the
 * exports draw; the selected row's trend stays with refresh_trend(). */
static void
refresh_headline_and_bars (LdAnalysisCard *self)
{
  LdCard *card = LD_CARD (self);
  g_autoptr(LdCardModel) content = ld_card_model_new (ld_card_get_query (card), self->result,
                                                          current_widget_id (self),
                                                          LD_CARD_MODEL_NO_SELECTION, NULL);
  const LdChart *bars = ld_card_model_get_chart (content, LD_CHART_BARS, 0);

  ld_card_set_figures_from_content (card, content);
  ld_chart_view_set_chart (LD_CHART_VIEW (self->bar_chart), bars);
  gtk_label_set_label (GTK_LABEL (self->bar_title), bars->title);
}

/* Copies the window's range and filters, so that the selected row's trend counts
 * exactly what the table row counts. */
static void
sync_row_query (LdAnalysisCard *self,
                LdQuery        *query)
{
  LdReport *report = ld_query_get_report (query);
  LdRangePreset preset = ld_query_get_range_preset (query);

  if (self->row_query == NULL || ld_query_get_report (self->row_query) != report)
    {
      g_clear_object (&self->row_query);
      self->row_query = ld_query_new (report);
    }

  if (preset == LD_RANGE_CUSTOM)
    {
      int from, to;

      ld_query_get_range (query, &from, &to);
      ld_query_set_custom_range (self->row_query, from, to);
    }
  else
    ld_query_set_range_preset (self->row_query, preset);

  ld_query_clear_all_filters (self->row_query);
  for (guint dim = 0; dim < LD_N_DIMS; dim++)
    {
      const char *const *values = ld_query_get_filter_values (query, dim);

      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        ld_query_add_filter_value (self->row_query, dim, values[i]);
    }
}

static void
refresh_trend (LdAnalysisCard *self)
{
  TableView *view = current_view (self);
  LdRowItem *item = gtk_single_selection_get_selected_item (view->selection);
  LdResult *source = self->result;
  g_autofree char *title = NULL;
  LdChart chart;

  g_clear_pointer (&self->row_result, ld_result_unref);

  if (item != NULL && self->row_query != NULL)
    {
      g_autofree char *name = item_label (item);

      ld_query_set_group_only (self->row_query, G_MAXUINT32);
      ld_query_set_customer_only (self->row_query, G_MAXUINT32);
      if (self->kind == LD_ROW_KIND_PRODUCTS)
        ld_query_set_group_only (self->row_query, ld_row_item_get_id (item));
      else
        ld_query_set_customer_only (self->row_query, ld_row_item_get_id (item));
      self->row_result = ld_query_run (self->row_query);
      source = self->row_result;
      /* TRANSLATORS: the title of the selected row's monthly trend, "Contoso per month". */
      title = g_strdup_printf (_("%s per month"), name);
    }
  else
    title = g_strdup (self->kind == LD_ROW_KIND_PRODUCTS ? _("All products per month")
                                                         : _("All customers per month"));

  gtk_label_set_label (GTK_LABEL (self->trend_title), title);

  ld_chart_init (&chart, LD_CHART_TREND);
  if (source != NULL && ld_result_get_n_months (source) > 0)
    {
      LdTrendChartData *data = &chart.trend;

      data->first_month = ld_result_get_from_month (source);
      data->n_months = ld_result_get_n_months (source);
      data->n_series = 2;
      data->bar_layout = LD_TREND_BARS_NESTED;
      data->series[0] = (LdTrendSeries) { _("Provisioned"), LD_TREND_SERIES_BARS,
                                          ld_result_get_month_provisioned (source),
                                          LD_CHART_COLOR_PRIMARY };
      data->series[1] = (LdTrendSeries) { _("Assigned"), LD_TREND_SERIES_BARS,
                                          ld_result_get_month_assigned (source),
                                          LD_CHART_COLOR_SECONDARY };
    }
  ld_chart_view_set_chart (LD_CHART_VIEW (self->trend_chart), &chart);
}

static void
on_selection_changed (LdAnalysisCard *self)
{
  if (self->updating)
    return;

  refresh_trend (self);
}

static void
ld_analysis_card_update (LdCard   *card,
                         LdQuery  *query,
                         LdResult *result)
{
  LdAnalysisCard *self = LD_ANALYSIS_CARD (card);

  if (result != self->result)
    {
      g_clear_pointer (&self->result, ld_result_unref);
      if (result != NULL)
        self->result = ld_result_ref (result);
    }

  if (query != NULL)
    sync_row_query (self, query);
  else
    g_clear_object (&self->row_query);

  self->views[LD_ROW_KIND_PRODUCTS].stale = TRUE;
  self->views[LD_ROW_KIND_CUSTOMERS].stale = TRUE;
  ensure_view (self, current_view (self));

  refresh_headline_and_bars (self);
  refresh_trend (self);
}

void
ld_analysis_card_set_view (LdAnalysisCard *self,
                           LdRowKind       kind)
{
  g_return_if_fail (LD_IS_ANALYSIS_CARD (self));
  g_return_if_fail (kind == LD_ROW_KIND_PRODUCTS || kind == LD_ROW_KIND_CUSTOMERS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  for (guint i = 0; i < 2; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kind == LD_ROW_KIND_PRODUCTS ? self->products_buttons[i]
                                                                                  : self->customers_buttons[i]),
                                  TRUE);
  ensure_view (self, current_view (self));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), current_view (self)->scroller);

  refresh_headline_and_bars (self);
  refresh_trend (self);
  ld_card_headline_changed (LD_CARD (self));
}

LdRowKind
ld_analysis_card_get_view (LdAnalysisCard *self)
{
  g_return_val_if_fail (LD_IS_ANALYSIS_CARD (self), LD_ROW_KIND_PRODUCTS);

  return self->kind;
}

static void
on_view_toggled (GtkToggleButton *button,
                 LdAnalysisCard  *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  ld_analysis_card_set_view (self, (GTK_WIDGET (button) == self->products_buttons[0] ||
                                    GTK_WIDGET (button) == self->products_buttons[1])
                                   ? LD_ROW_KIND_PRODUCTS : LD_ROW_KIND_CUSTOMERS);
}

static void
on_squeezer_child_changed (LdAnalysisCard *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (self->squeezer));

  gtk_widget_set_visible (self->narrow_switch, shown != self->wide_switch);
}

static void
ld_analysis_card_draw_chart (LdCard             *card,
                             cairo_t            *cr,
                             double              width,
                             double              height,
                             const LdChartTheme *theme)
{
  LdAnalysisCard *self = LD_ANALYSIS_CARD (card);
  double gap = 24;

  /* Side by side when both get a readable width, else one above the other. */
  if (width >= 2 * 320 + gap)
    {
      double w = (width - gap) / 2;

      ld_chart_view_draw (LD_CHART_VIEW (self->bar_chart), cr, w, height, theme);
      cairo_save (cr);
      cairo_translate (cr, w + gap, 0);
      ld_chart_view_draw (LD_CHART_VIEW (self->trend_chart), cr, w, height, theme);
      cairo_restore (cr);
    }
  else
    {
      double h = (height - gap) / 2;

      ld_chart_view_draw (LD_CHART_VIEW (self->bar_chart), cr, width, h, theme);
      cairo_save (cr);
      cairo_translate (cr, 0, h + gap);
      ld_chart_view_draw (LD_CHART_VIEW (self->trend_chart), cr, width, h, theme);
      cairo_restore (cr);
    }
}

static LdWidgetId
ld_analysis_card_get_widget_id (LdCard *card)
{
  return current_widget_id (LD_ANALYSIS_CARD (card));
}

/* The exports show the view on screen and, when a row is selected, its trend. */
static LdCardModel *
ld_analysis_card_create_content (LdCard *card)
{
  LdAnalysisCard *self = LD_ANALYSIS_CARD (card);
  LdRowItem *item = gtk_single_selection_get_selected_item (current_view (self)->selection);

  return ld_card_model_new (ld_card_get_query (card), self->result, current_widget_id (self),
                              item != NULL && self->row_result != NULL ? ld_row_item_get_id (item)
                                                                       : LD_CARD_MODEL_NO_SELECTION,
                              self->row_result);
}

static void
ld_analysis_card_dispose (GObject *object)
{
  LdAnalysisCard *self = LD_ANALYSIS_CARD (object);

  g_clear_pointer (&self->row_result, ld_result_unref);
  g_clear_pointer (&self->result, ld_result_unref);
  g_clear_object (&self->row_query);
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    g_clear_object (&self->views[i].model);

  G_OBJECT_CLASS (ld_analysis_card_parent_class)->dispose (object);
}

static void
ld_analysis_card_class_init (LdAnalysisCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  object_class->dispose = ld_analysis_card_dispose;

  card_class->update = ld_analysis_card_update;
  card_class->draw_chart = ld_analysis_card_draw_chart;
  card_class->get_widget_id = ld_analysis_card_get_widget_id;
  card_class->create_content = ld_analysis_card_create_content;
}

static GtkWidget *
chart_with_title (GtkWidget  *chart,
                  GtkWidget **title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  *title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*title), 0);
  gtk_label_set_wrap (GTK_LABEL (*title), TRUE);
  gtk_widget_add_css_class (*title, "ld-chart-title");
  gtk_box_append (GTK_BOX (box), *title);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_widget_set_size_request (box, CHART_MIN_WIDTH, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, *title, NULL,
                                  -1);

  return box;
}

static void
setup_view (LdAnalysisCard        *self,
            LdRowKind              kind,
            const LdRowColumnSpec *columns,
            guint                  n_columns,
            const char            *name)
{
  TableView *view = &self->views[kind];
  GtkWidget *table;

  view->model = ld_row_model_new (kind);
  table = ld_row_table_new (view->model, columns, n_columns, &view->selection);
  gtk_accessible_update_property (GTK_ACCESSIBLE (table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_signal_connect_object (view->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  view->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (view->scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (view->scroller), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (view->scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (view->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (view->scroller), table);
  gtk_stack_add_child (GTK_STACK (self->stack), view->scroller);
}

/* Two linked toggles: the libadwaita way to switch a view inside a card. */
static GtkWidget *
create_switch (LdAnalysisCard *self,
               guint           index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *products = gtk_toggle_button_new_with_mnemonic (_("_Products"));
  GtkWidget *customers = gtk_toggle_button_new_with_mnemonic (_("C_ustomers"));

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "ld-view-switch");
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (customers), GTK_TOGGLE_BUTTON (products));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (products), TRUE);
  gtk_widget_set_tooltip_text (products, _("Analyse by product and plan"));
  gtk_widget_set_tooltip_text (customers, _("Analyse by customer"));
  gtk_box_append (GTK_BOX (box), products);
  gtk_box_append (GTK_BOX (box), customers);
  g_signal_connect (products, "toggled", G_CALLBACK (on_view_toggled), self);
  g_signal_connect (customers, "toggled", G_CALLBACK (on_view_toggled), self);

  self->products_buttons[index] = products;
  self->customers_buttons[index] = customers;

  return box;
}

static void
ld_analysis_card_init (LdAnalysisCard *self)
{
  LdCard *card = LD_CARD (self);
  GtkWidget *charts, *frame;
  const LdRowColumnSpec product_columns[] = {
    { LD_ROW_COLUMN_NAME, _("Offer · Plan") },
    { LD_ROW_COLUMN_COUNT, _("Customers") },
    { LD_ROW_COLUMN_PROVISIONED, _("Provisioned") },
    { LD_ROW_COLUMN_ASSIGNED, _("Assigned") },
    { LD_ROW_COLUMN_SHARE, _("Share") },
    { LD_ROW_COLUMN_RATE, _("Assignment rate") },
  };
  const LdRowColumnSpec customer_columns[] = {
    { LD_ROW_COLUMN_NAME, _("Customer") },
    { LD_ROW_COLUMN_CODE, _("Country") },
    { LD_ROW_COLUMN_PROVISIONED, _("Provisioned") },
    { LD_ROW_COLUMN_ASSIGNED, _("Assigned") },
    { LD_ROW_COLUMN_SHARE, _("Share") },
    { LD_ROW_COLUMN_RATE, _("Assignment rate") },
  };

  ld_card_set_title (card, _("Analysis"));
  self->kind = LD_ROW_KIND_PRODUCTS;

  self->wide_switch = create_switch (self, 0);
  self->narrow_switch = create_switch (self, 1);
  gtk_widget_set_halign (self->narrow_switch, GTK_ALIGN_START);
  self->squeezer = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (self->squeezer), FALSE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (self->squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), self->wide_switch);
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  g_signal_connect_object (self->squeezer, "notify::visible-child",
                           G_CALLBACK (on_squeezer_child_changed), self, G_CONNECT_SWAPPED);
  ld_card_set_header_widget (card, self->squeezer);
  ld_card_set_subheader (card, self->narrow_switch);
  gtk_widget_set_visible (self->narrow_switch, FALSE);

  self->count_figure = ld_card_add_figure (card, _("Products and plans"));
  self->top_figure = ld_card_add_figure (card, _("Top product’s share"));

  /* The two charts side by side on a wide card, stacked on a narrow one. */
  charts = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (charts), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (charts), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (charts), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (charts), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (charts), 18);
  self->bar_chart = ld_chart_view_new (_("Top items chart"));
  self->trend_chart = ld_chart_view_new (_("Monthly trend chart"));
  /* Beside the bars it takes their height rather than leave a gap. */
  gtk_widget_set_vexpand (self->trend_chart, TRUE);
  gtk_flow_box_append (GTK_FLOW_BOX (charts), chart_with_title (self->bar_chart, &self->bar_title));
  gtk_flow_box_append (GTK_FLOW_BOX (charts), chart_with_title (self->trend_chart, &self->trend_title));
  for (GtkWidget *child = gtk_widget_get_first_child (charts); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  ld_card_append (card, charts);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  setup_view (self, LD_ROW_KIND_PRODUCTS, product_columns, G_N_ELEMENTS (product_columns),
              _("Products table"));
  setup_view (self, LD_ROW_KIND_CUSTOMERS, customer_columns, G_N_ELEMENTS (customer_columns),
              _("Customers table"));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->views[LD_ROW_KIND_PRODUCTS].scroller);

  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "ld-table-frame");
  gtk_frame_set_child (GTK_FRAME (frame), self->stack);
  ld_card_append (card, frame);

  ld_card_update (card, NULL, NULL);
}

GtkWidget *
ld_analysis_card_new (void)
{
  return g_object_new (LD_TYPE_ANALYSIS_CARD, NULL);
}

GtkSingleSelection *
ld_analysis_card_get_selection (LdAnalysisCard *self)
{
  g_return_val_if_fail (LD_IS_ANALYSIS_CARD (self), NULL);

  return current_view (self)->selection;
}

GtkWidget *
ld_analysis_card_get_bar_chart (LdAnalysisCard *self)
{
  g_return_val_if_fail (LD_IS_ANALYSIS_CARD (self), NULL);

  return self->bar_chart;
}

GtkWidget *
ld_analysis_card_get_trend_chart (LdAnalysisCard *self)
{
  g_return_val_if_fail (LD_IS_ANALYSIS_CARD (self), NULL);

  return self->trend_chart;
}

LdResult *
ld_analysis_card_get_trend_result (LdAnalysisCard *self)
{
  g_return_val_if_fail (LD_IS_ANALYSIS_CARD (self), NULL);

  return self->row_result != NULL ? self->row_result : self->result;
}
