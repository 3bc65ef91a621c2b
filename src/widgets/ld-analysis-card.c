/* ld-analysis-card.c — provisioned and assigned by product or by customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ld-analysis-card-private.h"
#include "ld-card-private.h"
#include "ld-chart-view.h"
#include "ld-row-table.h"

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

  /* Template children */
  GtkWidget  *squeezer;
  GtkWidget  *wide_switch;
  GtkWidget  *narrow_switch;
  GtkWidget  *products_wide;
  GtkWidget  *customers_wide;
  GtkWidget  *products_narrow;
  GtkWidget  *customers_narrow;
  GtkWidget  *bar_title;
  GtkWidget  *bar_chart;
  GtkWidget  *trend_title;
  GtkWidget  *trend_chart;
  GtkWidget  *stack;
  GtkWidget  *products_scroller;
  GtkWidget  *customers_scroller;

  TableView   views[2];         /* by LdRowKind */
  LdRowKind   kind;
  LdResult   *row_result;       /* the selected row's figures, NULL when none */
  gboolean    updating;
  guint       squeezer_idle;
};

G_DEFINE_FINAL_TYPE (LdAnalysisCard, ld_analysis_card, LD_TYPE_CARD)

static TableView *
current_view (LdAnalysisCard *self)
{
  return &self->views[self->kind];
}

static LdRowItem *
selected_item (LdAnalysisCard *self)
{
  return gtk_single_selection_get_selected_item (current_view (self)->selection);
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
  ld_row_table_set_result (view->selection, view->model, ld_card_get_result (LD_CARD (self)));

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

static LdWidgetId
current_widget_id (LdAnalysisCard *self)
{
  return self->kind == LD_ROW_KIND_PRODUCTS ? LD_WIDGET_ANALYSIS_PRODUCTS
                                            : LD_WIDGET_ANALYSIS_CUSTOMERS;
}

/* The selected row's own figures, counted as its table row counts them: the
 * window's range and filters, plus that one row. The query is made only when a
 * row is selected: a copy sizes its scratch to the report. */
static void
update_row_result (LdAnalysisCard *self)
{
  LdRowItem *item = selected_item (self);
  LdQuery *query = ld_card_get_query (LD_CARD (self));
  g_autoptr(LdQuery) row_query = NULL;

  g_clear_pointer (&self->row_result, ld_result_unref);
  if (item == NULL || query == NULL)
    return;

  row_query = ld_card_model_copy_query (query);
  if (self->kind == LD_ROW_KIND_PRODUCTS)
    ld_query_set_group_only (row_query, ld_row_item_get_id (item));
  else
    ld_query_set_customer_only (row_query, ld_row_item_get_id (item));
  self->row_result = ld_query_run (row_query);
}

static void
on_selection_changed (LdAnalysisCard *self)
{
  if (self->updating)
    return;

  update_row_result (self);
  ld_card_refresh (LD_CARD (self));
}

static void
ld_analysis_card_update (LdCard   *card,
                         LdQuery  *query,
                         LdResult *result)
{
  LdAnalysisCard *self = LD_ANALYSIS_CARD (card);

  self->views[LD_ROW_KIND_PRODUCTS].stale = TRUE;
  self->views[LD_ROW_KIND_CUSTOMERS].stale = TRUE;
  ensure_view (self, current_view (self));
  update_row_result (self);
}

/* The exports show the view on screen and, when a row is selected, its trend. */
static LdCardModel *
ld_analysis_card_create_model (LdCard *card)
{
  LdAnalysisCard *self = LD_ANALYSIS_CARD (card);
  LdRowItem *item = selected_item (self);

  return ld_card_model_new (ld_card_get_query (card), ld_card_get_result (card), current_widget_id (self),
                            item != NULL && self->row_result != NULL ? ld_row_item_get_id (item)
                                                                     : LD_CARD_MODEL_NO_SELECTION,
                            self->row_result);
}

static void
show_chart (GtkWidget     *view,
            GtkWidget     *title,
            const LdChart *chart)
{
  ld_chart_view_set_chart (LD_CHART_VIEW (view), chart);
  gtk_label_set_label (GTK_LABEL (title), chart != NULL ? chart->title : NULL);
}

static void
ld_analysis_card_show_model (LdCard            *card,
                             const LdCardModel *model)
{
  LdAnalysisCard *self = LD_ANALYSIS_CARD (card);

  show_chart (self->bar_chart, self->bar_title, ld_card_model_get_chart (model, LD_CHART_BARS, 0));
  show_chart (self->trend_chart, self->trend_title, ld_card_model_get_chart (model, LD_CHART_TREND, 0));
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
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kind == LD_ROW_KIND_PRODUCTS ? self->products_wide
                                                                                 : self->customers_wide),
                                TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kind == LD_ROW_KIND_PRODUCTS ? self->products_narrow
                                                                                 : self->customers_narrow),
                                TRUE);
  ensure_view (self, current_view (self));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), current_view (self)->scroller);

  update_row_result (self);
  ld_card_refresh (LD_CARD (self));
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
  GtkWidget *widget = GTK_WIDGET (button);

  if (!gtk_toggle_button_get_active (button))
    return;

  ld_analysis_card_set_view (self, widget == self->products_wide || widget == self->products_narrow
                                   ? LD_ROW_KIND_PRODUCTS : LD_ROW_KIND_CUSTOMERS);
}

static gboolean
sync_narrow_switch (gpointer user_data)
{
  LdAnalysisCard *self = user_data;
  GtkWidget *shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (self->squeezer));

  self->squeezer_idle = 0;
  gtk_widget_set_visible (self->narrow_switch, shown != self->wide_switch);

  return G_SOURCE_REMOVE;
}

/* The squeezer picks its child while it is allocated, and a widget shown during an
 * allocation gets a size measured without it (GTK warned of labels allocated
 * -10 px high at 360 px): the row below the title follows on the next idle. */
static void
on_squeezer_child_changed (LdAnalysisCard *self)
{
  if (self->squeezer_idle == 0)
    self->squeezer_idle = g_idle_add (sync_narrow_switch, self);
}

static LdWidgetId
ld_analysis_card_get_widget_id (LdCard *card)
{
  return current_widget_id (LD_ANALYSIS_CARD (card));
}

static void
ld_analysis_card_dispose (GObject *object)
{
  LdAnalysisCard *self = LD_ANALYSIS_CARD (object);

  g_clear_handle_id (&self->squeezer_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_ANALYSIS_CARD);
  g_clear_pointer (&self->row_result, ld_result_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    g_clear_object (&self->views[i].model);

  G_OBJECT_CLASS (ld_analysis_card_parent_class)->dispose (object);
}

static void
ld_analysis_card_class_init (LdAnalysisCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  object_class->dispose = ld_analysis_card_dispose;

  card_class->update = ld_analysis_card_update;
  card_class->get_widget_id = ld_analysis_card_get_widget_id;
  card_class->create_model = ld_analysis_card_create_model;
  card_class->show_model = ld_analysis_card_show_model;

  g_type_ensure (LD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-analysis-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, squeezer);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, wide_switch);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, narrow_switch);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, products_wide);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, customers_wide);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, products_narrow);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, customers_narrow);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, bar_title);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, bar_chart);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, trend_title);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, stack);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, products_scroller);
  gtk_widget_class_bind_template_child (widget_class, LdAnalysisCard, customers_scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_squeezer_child_changed);
}

/* Enter on a customer's row, or a double click, opens the customer's page (a single
 * click selects the row, for its trend); products have no page. */
static void
on_row_activated (GtkColumnView  *table,
                  guint           position,
                  LdAnalysisCard *self)
{
  g_autoptr(LdRowItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)),
                                                      position);

  if (item != NULL && ld_row_item_get_kind (item) == LD_ROW_KIND_CUSTOMERS)
    ld_row_table_open_customer (GTK_WIDGET (self), item);
}

/* A table over one of the result's tables, in its scroller of the stack. */
static void
setup_view (LdAnalysisCard        *self,
            LdRowKind              kind,
            GtkWidget             *scroller,
            const LdRowColumnSpec *columns,
            guint                  n_columns,
            const char            *name)
{
  TableView *view = &self->views[kind];
  GtkWidget *table;

  view->model = ld_row_model_new (kind);
  view->scroller = scroller;
  table = ld_row_table_new (view->model, columns, n_columns, &view->selection);
  gtk_accessible_update_property (GTK_ACCESSIBLE (table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_signal_connect_object (view->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (table, "activate", G_CALLBACK (on_row_activated), self, 0);
  gtk_box_append (GTK_BOX (scroller), ld_row_table_wrap (table, name));
}

static void
ld_analysis_card_init (LdAnalysisCard *self)
{
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
    { LD_ROW_COLUMN_OPEN, NULL },
  };

  self->kind = LD_ROW_KIND_PRODUCTS;
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_view (self, LD_ROW_KIND_PRODUCTS, self->products_scroller,
              product_columns, G_N_ELEMENTS (product_columns), _("Products table"));
  setup_view (self, LD_ROW_KIND_CUSTOMERS, self->customers_scroller,
              customer_columns, G_N_ELEMENTS (customer_columns), _("Customers table"));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->products_scroller);
}

GtkWidget *
ld_analysis_card_new (void)
{
  return g_object_new (LD_TYPE_ANALYSIS_CARD, NULL);
}

/* ---- for tests ------------------------------------------------------------------- */

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

  return self->row_result != NULL ? self->row_result : ld_card_get_result (LD_CARD (self));
}
