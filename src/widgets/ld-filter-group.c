/* ld-filter-group.c — one expandable, multi-select filter of the sidebar
 *
 * The rows (LdFilterRow) are recycled by the list view; only the user's clicks on
 * them reach win.toggle-filter, through ld_filter_group_toggle_value().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-a11y.h"
#include "ld-filter-group.h"
#include "ld-filter-row.h"
#include "ld-model-enums.h"

/* Past this many options a group offers a search entry. */
#define SEARCH_THRESHOLD 10

struct _LdFilterGroup
{
  GtkWidget          parent_instance;

  GtkBox            *header;
  GtkToggleButton   *expander_button;
  GtkImage          *arrow;
  GtkLabel          *title_label;
  GtkLabel          *badge;
  GtkButton         *clear_button;
  GtkRevealer       *revealer;
  GtkSearchEntry    *search_entry;
  gboolean           sidebar_search; /* the search comes from the sidebar's entry */
  GtkScrolledWindow *scrolled;
  GtkListView       *list_view;
  GtkLabel          *empty_label;

  LdDimension        dimension;
  char              *title;
  LdFacetModel      *model;
  GtkNoSelection    *selection;  /* shown by list_view only while the group is open */
  guint              n_selected;
  gboolean           has_result;
};

G_DEFINE_FINAL_TYPE (LdFilterGroup, ld_filter_group, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIMENSION,
  PROP_TITLE,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ld_filter_group_sync_header (LdFilterGroup *self)
{
  g_autofree char *badge = NULL;
  g_autofree char *accessible = NULL;
  gboolean expanded = gtk_toggle_button_get_active (self->expander_button);

  gtk_label_set_label (self->title_label, self->title);

  badge = g_strdup_printf ("%u", self->n_selected);
  gtk_label_set_label (self->badge, badge);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), self->n_selected > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->n_selected > 0);

  if (self->n_selected > 0)
    /* Translators: a filter group's name for screen readers, "Country/region, 2 selected". */
    accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u selected", "%s, %u selected",
                                               self->n_selected),
                                  self->title, self->n_selected);
  else
    accessible = g_strdup (self->title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->expander_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
}

static void
ld_filter_group_sync_body (LdFilterGroup *self)
{
  guint n_options = ld_facet_model_get_n_options (self->model);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const char *search = ld_facet_model_get_search (self->model);
  gboolean searching = search != NULL && search[0] != '\0';

  /* A typed search keeps its entry even when the options shrink below the
   * threshold, or the list would stay filtered with no way to see why. */
  /* While the sidebar's search drives the list, the group's own entry would only
   * repeat it. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry),
                          !self->sidebar_search && (n_options > SEARCH_THRESHOLD || searching));
  gtk_widget_set_visible (GTK_WIDGET (self->scrolled), n_items > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_items == 0);

  if (!self->has_result)
    gtk_label_set_label (self->empty_label, _("Open a report to filter it."));
  else if (n_options == 0)
    gtk_label_set_label (self->empty_label, _("No values in this date range."));
  else
    gtk_label_set_label (self->empty_label, _("No matching values."));
}

/* The customer's page of a Customer name option (win.show-customer-name); the
 * option stays as ticked. */
static void
on_open_clicked (GtkButton   *button,
                 GtkListItem *list_item)
{
  LdFacetItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (button), "win.show-customer-name", "s",
                                ld_facet_item_get_value (item));
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LdFilterGroup            *self)
{
  GtkWidget *row = ld_filter_row_new ();
  GtkWidget *box, *open;

  if (self->dimension != LD_DIM_CUSTOMER)
    {
      gtk_list_item_set_child (list_item, row);
      return;
    }

  /* A customer's name also opens the customer's page, with a button beside the
   * check box rather than in it: a check button takes every click on it for itself. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  open = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_hexpand (row, TRUE);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_add_css_class (open, "circular");
  gtk_widget_add_css_class (open, "ld-filter-open");
  gtk_widget_set_tooltip_text (open, _("Open the customer’s page"));
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked), list_item);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), open);
  gtk_list_item_set_child (list_item, box);
}

/* The option's row: the list item's child, or the first child of its box. */
static LdFilterRow *
list_item_row (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  return LD_IS_FILTER_ROW (child) ? LD_FILTER_ROW (child) : LD_FILTER_ROW (gtk_widget_get_first_child (child));
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LdFilterGroup            *self)
{
  LdFacetItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = GTK_WIDGET (list_item_row (list_item));
  GtkWidget *open = gtk_widget_get_next_sibling (row);

  ld_filter_row_bind (LD_FILTER_ROW (row), item);
  if (open != NULL)
    {
      /* Translators: the button of a Customer name option for screen readers, "Open the page of Contoso". */
      g_autofree char *label = g_strdup_printf (_("Open the page of %s"), ld_facet_item_get_label (item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (open),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   LdFilterGroup            *self)
{
  ld_filter_row_bind (list_item_row (list_item), NULL);
}

static void
on_expander_active_changed (LdFilterGroup *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->expander_button);

  /* GTK 4.8's list view keeps about 200 rows bound whether shown or not, and
   * rebinds them on every update: a closed group lets go of its model instead, and
   * opens at the top of its list. */
  if (expanded)
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_image_set_from_icon_name (self->arrow, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  ld_filter_group_sync_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
on_child_revealed_changed (LdFilterGroup *self)
{
  /* Only once closed, so the rows stay while the group slides shut. */
  if (!gtk_revealer_get_child_revealed (self->revealer) &&
      !gtk_toggle_button_get_active (self->expander_button))
    gtk_list_view_set_model (self->list_view, NULL);
}

static void
on_clear_clicked (LdFilterGroup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.clear-filter", "s",
                              ld_dimension_get_cli_name (self->dimension));
}

static void
on_search_changed (LdFilterGroup *self)
{
  ld_facet_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  ld_filter_group_sync_body (self);
}

static void
on_stop_search (LdFilterGroup *self)
{
  /* Escape clears the search first; a second Escape may then close a popover or the flap. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_list_activate (LdFilterGroup *self,
                  guint          position)
{
  g_autoptr(LdFacetItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  /* Enter on a focused row toggles it, like Space on its check box. */
  if (item != NULL)
    ld_filter_group_toggle_value (self, ld_facet_item_get_value (item));
}

static void
ld_filter_group_constructed (GObject *object)
{
  LdFilterGroup *self = LD_FILTER_GROUP (object);
  g_autofree char *search_label = NULL;
  g_autofree char *list_label = NULL;
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (ld_filter_group_parent_class)->constructed (object);

  self->model = ld_facet_model_new (self->dimension);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);
  ld_a11y_make_single_tab_stop (GTK_WIDGET (self->list_view));
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* Translators: placeholder of a filter's search entry, "Search Customer name". */
  search_label = g_strdup_printf (_("Search %s"), self->title != NULL ? self->title : "");
  /* gtk_search_entry_set_placeholder_text() is GTK 4.10; the property is older. */
  g_object_set (self->search_entry, "placeholder-text", search_label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_label,
                                  -1);
  /* Translators: the name of a filter's option list for screen readers, "Customer name values". */
  list_label = g_strdup_printf (_("%s values"), self->title != NULL ? self->title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_label,
                                  -1);

  ld_filter_group_sync_header (self);
  ld_filter_group_sync_body (self);
}

static void
ld_filter_group_dispose (GObject *object)
{
  LdFilterGroup *self = LD_FILTER_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_FILTER_GROUP);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ld_filter_group_parent_class)->dispose (object);
}

static void
ld_filter_group_finalize (GObject *object)
{
  LdFilterGroup *self = LD_FILTER_GROUP (object);

  g_free (self->title);

  G_OBJECT_CLASS (ld_filter_group_parent_class)->finalize (object);
}

static void
ld_filter_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LdFilterGroup *self = LD_FILTER_GROUP (object);

  switch (prop_id)
    {
    case PROP_DIMENSION:
      g_value_set_enum (value, self->dimension);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_EXPANDED:
      g_value_set_boolean (value, ld_filter_group_get_expanded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_filter_group_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LdFilterGroup *self = LD_FILTER_GROUP (object);

  switch (prop_id)
    {
    case PROP_DIMENSION:
      self->dimension = g_value_get_enum (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_EXPANDED:
      ld_filter_group_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_filter_group_class_init (LdFilterGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ld_filter_group_constructed;
  object_class->dispose = ld_filter_group_dispose;
  object_class->finalize = ld_filter_group_finalize;
  object_class->get_property = ld_filter_group_get_property;
  object_class->set_property = ld_filter_group_set_property;

  /* An LdDimension; a plain int because the engine registers no enum types. */
  properties[PROP_DIMENSION] =
    g_param_spec_enum ("dimension", NULL, NULL, LD_TYPE_DIMENSION, LD_DIM_OFFER_TYPE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-filter-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, header);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, expander_button);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, arrow);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, title_label);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, badge);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, clear_button);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, revealer);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, list_view);
  gtk_widget_class_bind_template_child (widget_class, LdFilterGroup, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_expander_active_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_child_revealed_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ldfiltergroup");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ld_filter_group_init (LdFilterGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
ld_filter_group_new (LdDimension  dimension,
                     const char  *title)
{
  g_return_val_if_fail (dimension < LD_N_DIMS, NULL);

  return g_object_new (LD_TYPE_FILTER_GROUP,
                       "dimension", (int) dimension,
                       "title", title,
                       NULL);
}

LdDimension
ld_filter_group_get_dimension (LdFilterGroup *self)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), 0);
  return self->dimension;
}

const char *
ld_filter_group_get_title (LdFilterGroup *self)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), NULL);
  return self->title;
}

LdFacetModel *
ld_filter_group_get_model (LdFilterGroup *self)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), NULL);
  return self->model;
}

gboolean
ld_filter_group_get_expanded (LdFilterGroup *self)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), FALSE);
  return gtk_toggle_button_get_active (self->expander_button);
}

void
ld_filter_group_set_expanded (LdFilterGroup *self,
                              gboolean       expanded)
{
  g_return_if_fail (LD_IS_FILTER_GROUP (self));

  /* The toggle button notifies "expanded" through on_expander_active_changed(). */
  gtk_toggle_button_set_active (self->expander_button, !!expanded);
}

void
ld_filter_group_update (LdFilterGroup *self,
                        LdQuery       *query,
                        LdResult      *result)
{
  g_return_if_fail (LD_IS_FILTER_GROUP (self));
  g_return_if_fail (query == NULL || LD_IS_QUERY (query));

  self->has_result = result != NULL;
  /* The query's own list counts, so the badge also covers a selected value that the
   * facet could not list. */
  self->n_selected = query != NULL ? ld_query_get_n_filter_values (query, self->dimension) : 0;
  ld_facet_model_set_result (self->model, result);

  ld_filter_group_sync_header (self);
  ld_filter_group_sync_body (self);
}

void
ld_filter_group_set_keep_order (LdFilterGroup *self,
                                gboolean       keep_order)
{
  g_return_if_fail (LD_IS_FILTER_GROUP (self));
  ld_facet_model_set_keep_order (self->model, keep_order);
}

guint
ld_filter_group_get_n_selected (LdFilterGroup *self)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), 0);
  return self->n_selected;
}

gboolean
ld_filter_group_toggle_value (LdFilterGroup *self,
                              const char    *value)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.toggle-filter", "(ss)",
                                     ld_dimension_get_cli_name (self->dimension), value);
}

gboolean
ld_filter_group_has_search (LdFilterGroup *self)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->search_entry));
}

guint
ld_filter_group_search (LdFilterGroup *self,
                        const char    *text)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), 0);

  self->sidebar_search = text != NULL && text[0] != '\0';
  /* Through the group's entry, so that the group keeps one search, whoever typed it. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Now, not after the entry's typing delay: the sidebar reads the count at once. */
  ld_facet_model_set_search (self->model, text);
  ld_filter_group_sync_body (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

guint
ld_filter_group_get_n_matches (LdFilterGroup *self)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

gboolean
ld_filter_group_focus_search (LdFilterGroup *self)
{
  g_return_val_if_fail (LD_IS_FILTER_GROUP (self), FALSE);

  if (!ld_filter_group_has_search (self))
    return FALSE;

  ld_filter_group_set_expanded (self, TRUE);
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
