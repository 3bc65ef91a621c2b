/* ld-customer-card.c — one card of a customer's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-card-private.h"
#include "ld-chart-view.h"
#include "ld-customer-card.h"
#include "ld-row-table.h"

struct _LdCustomerCard
{
  LdCard              parent_instance;

  LdCustomerSection   section;
  LdCustomerPage     *page;      /* borrowed from the view that shows it */

  GtkWidget          *charts;    /* a flow box: a title and a chart view each */
  GtkWidget          *table;
  LdRowModel         *model;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (LdCustomerCard, ld_customer_card, LD_TYPE_CARD)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LdWidgetId
ld_customer_card_get_widget_id (LdCard *card)
{
  return ld_customer_section_get_widget (LD_CUSTOMER_CARD (card)->section);
}

static LdCardModel *
ld_customer_card_create_model (LdCard *card)
{
  LdCustomerCard *self = LD_CUSTOMER_CARD (card);

  if (self->page == NULL || ld_card_get_result (card) == NULL)
    return ld_card_model_new_for_customer (NULL, NULL, ld_customer_card_get_widget_id (card), "");

  return ld_customer_page_create_model (self->page, self->section);
}

static void
ld_customer_card_update (LdCard   *card,
                         LdQuery  *query,
                         LdResult *result)
{
  LdCustomerCard *self = LD_CUSTOMER_CARD (card);

  if (self->table != NULL)
    ld_row_table_set_result (self->selection, self->model, result);
}

/* One title and chart view a chart of the model; the views stay from one page to
 * the next, since a section always has the same charts. */
static void
ld_customer_card_show_model (LdCard            *card,
                             const LdCardModel *model)
{
  LdCustomerCard *self = LD_CUSTOMER_CARD (card);
  GtkWidget *child = gtk_widget_get_first_child (self->charts);

  /* A chart alone takes the card's width; the overview has none. */
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->charts), MAX (model->n_charts, 1));
  gtk_widget_set_visible (self->charts, model->n_charts > 0);
  for (guint i = 0; i < model->n_charts; i++)
    {
      GtkWidget *box, *title, *view;

      if (child == NULL)
        {
          GtkWidget *flow_child = gtk_flow_box_child_new ();

          box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          title = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (title), 0);
          gtk_label_set_wrap (GTK_LABEL (title), TRUE);
          gtk_widget_add_css_class (title, "ld-chart-title");
          view = ld_chart_view_new (model->title);
          gtk_widget_set_vexpand (view, TRUE);
          gtk_box_append (GTK_BOX (box), title);
          gtk_box_append (GTK_BOX (box), view);
          gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (flow_child), box);
          gtk_widget_set_focusable (flow_child, FALSE);
          gtk_flow_box_append (GTK_FLOW_BOX (self->charts), flow_child);
          child = flow_child;
        }

      box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      title = gtk_widget_get_first_child (box);
      view = gtk_widget_get_next_sibling (title);
      gtk_label_set_label (GTK_LABEL (title), model->charts[i].title);
      gtk_widget_set_visible (title, model->charts[i].title != NULL);
      ld_chart_view_set_chart (LD_CHART_VIEW (view), &model->charts[i]);
      child = gtk_widget_get_next_sibling (child);
    }
}

static void
ld_customer_card_constructed (GObject *object)
{
  LdCustomerCard *self = LD_CUSTOMER_CARD (object);

  self->charts = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->charts), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->charts), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->charts), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->charts), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->charts), 18);
  gtk_widget_set_vexpand (self->charts, TRUE);
  ld_card_append (LD_CARD (self), self->charts);

  /* The offers and plans, every one of them, in a table under their bars. */
  if (self->section == LD_CUSTOMER_SECTION_PRODUCTS)
    {
      const LdRowColumnSpec columns[] = {
        { LD_ROW_COLUMN_NAME, _("Offer · Plan") },
        { LD_ROW_COLUMN_PROVISIONED, _("Provisioned") },
        { LD_ROW_COLUMN_ASSIGNED, _("Assigned") },
        { LD_ROW_COLUMN_UNASSIGNED, _("Unassigned") },
        { LD_ROW_COLUMN_SHARE, _("Share") },
        { LD_ROW_COLUMN_RATE, _("Assignment rate") },
      };
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *scroller = gtk_scrolled_window_new ();

      self->model = ld_row_model_new (LD_ROW_KIND_PRODUCTS);
      self->table = ld_row_table_new (self->model, columns, G_N_ELEMENTS (columns), &self->selection);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->table),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Offers and plans table"),
                                      -1);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->table);
      gtk_frame_set_child (GTK_FRAME (frame), scroller);
      gtk_widget_add_css_class (frame, "ld-table-frame");
      ld_card_append (LD_CARD (self), frame);
    }

  G_OBJECT_CLASS (ld_customer_card_parent_class)->constructed (object);
}

static void
ld_customer_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_uint (value, LD_CUSTOMER_CARD (object)->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_customer_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SECTION:
      LD_CUSTOMER_CARD (object)->section = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_customer_card_dispose (GObject *object)
{
  LdCustomerCard *self = LD_CUSTOMER_CARD (object);

  self->page = NULL;
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ld_customer_card_parent_class)->dispose (object);
}

static void
ld_customer_card_class_init (LdCustomerCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  object_class->constructed = ld_customer_card_constructed;
  object_class->dispose = ld_customer_card_dispose;
  object_class->get_property = ld_customer_card_get_property;
  object_class->set_property = ld_customer_card_set_property;

  card_class->update = ld_customer_card_update;
  card_class->get_widget_id = ld_customer_card_get_widget_id;
  card_class->create_model = ld_customer_card_create_model;
  card_class->show_model = ld_customer_card_show_model;

  /* An LdCustomerSection. */
  properties[PROP_SECTION] =
    g_param_spec_uint ("section", NULL, NULL, 0, LD_CUSTOMER_N_SECTIONS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_customer_card_init (LdCustomerCard *self)
{
}

GtkWidget *
ld_customer_card_new (LdCustomerSection section)
{
  g_return_val_if_fail (section < LD_CUSTOMER_N_SECTIONS, NULL);

  return g_object_new (LD_TYPE_CUSTOMER_CARD, "section", section, NULL);
}

void
ld_customer_card_set_page (LdCustomerCard *self,
                           LdCustomerPage *page)
{
  g_return_if_fail (LD_IS_CUSTOMER_CARD (self));

  self->page = page;
  ld_card_update (LD_CARD (self),
                  page != NULL ? ld_customer_page_get_query (page) : NULL,
                  page != NULL ? ld_customer_page_get_result (page) : NULL);
}

GtkWidget *
ld_customer_card_get_table (LdCustomerCard *self)
{
  g_return_val_if_fail (LD_IS_CUSTOMER_CARD (self), NULL);

  return self->table;
}
