/* ld-filter-row.c — one option of a filter group: a check box, the value, its total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-chart-format.h"
#include "ld-filter-group.h"
#include "ld-filter-row.h"

struct _LdFilterRow
{
  GtkCheckButton  parent_instance;

  /* Template children */
  GtkLabel       *value_label;
  GtkLabel       *total_label;

  LdFacetItem    *item;        /* while bound; the list item holds the reference */
  gulong          notify_id;
  gboolean        syncing;     /* setting the box from the item, not a click */
};

G_DEFINE_FINAL_TYPE (LdFilterRow, ld_filter_row, GTK_TYPE_CHECK_BUTTON)

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
show_item (LdFilterRow *self)
{
  LdFacetItem *item = self->item;
  g_autofree char *total = NULL;
  g_autofree char *accessible = NULL;
  guint64 provisioned;

  if (item == NULL)
    return;

  provisioned = ld_facet_item_get_provisioned (item);
  /* The ' flag groups digits as the user's locale does (1,234 / 1.234 / 1 234). */
  total = ld_chart_format_count (provisioned);

  gtk_label_set_label (self->value_label, ld_facet_item_get_label (item));
  gtk_label_set_label (self->total_label, total);

  set_class (GTK_WIDGET (self->value_label), "ld-placeholder", ld_facet_item_get_placeholder (item));
  set_class (GTK_WIDGET (self->total_label), "dim-label", provisioned == 0);
  set_class (GTK_WIDGET (self), "ld-absent", !ld_facet_item_get_present (item));

  self->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self), ld_facet_item_get_selected (item));
  self->syncing = FALSE;

  /* Translators: an option of a filter for screen readers, "Contoso, 1,234 licenses". */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s license", "%s, %s licenses",
                                             provisioned > G_MAXULONG ? G_MAXULONG : (gulong) provisioned),
                                ld_facet_item_get_label (item), total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
on_toggled (LdFilterRow *self)
{
  LdFilterGroup *group;
  g_autoptr(LdFacetItem) item = NULL;

  if (self->syncing || self->item == NULL)
    return;

  group = LD_FILTER_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self), LD_TYPE_FILTER_GROUP));
  /* The window re-runs the query and updates the group before the activation
   * returns, which may rebind this very row: hold on to what we use. */
  item = g_object_ref (self->item);
  g_object_ref (self);
  if (group == NULL || !ld_filter_group_toggle_value (group, ld_facet_item_get_value (item)))
    {
      /* Nobody took the click: show the state the query really has. */
      self->syncing = TRUE;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self), ld_facet_item_get_selected (item));
      self->syncing = FALSE;
    }
  g_object_unref (self);
}

/* Tooltips are asked for, not set: gtk_widget_set_tooltip_text() asks the display
 * where the pointer is, a round trip per row that made an update of 200 rows slow. */
static gboolean
ld_filter_row_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  LdFilterRow *self = LD_FILTER_ROW (widget);
  g_autofree char *text = NULL;

  if (self->item == NULL)
    return FALSE;

  /* The full text, since a long name is ellipsized in the row. */
  if (!ld_facet_item_get_present (self->item))
    /* Translators: tooltip of a selected filter value with no rows in the range. */
    text = g_strdup_printf (_("%s\nSelected, but not in this date range"), ld_facet_item_get_label (self->item));
  else
    text = g_strdup (ld_facet_item_get_label (self->item));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
ld_filter_row_bind (LdFilterRow *self,
                    LdFacetItem *item)
{
  g_return_if_fail (LD_IS_FILTER_ROW (self));
  g_return_if_fail (item == NULL || LD_IS_FACET_ITEM (item));

  g_clear_signal_handler (&self->notify_id, self->item);
  self->item = item;
  if (item == NULL)
    return;

  self->notify_id = g_signal_connect_swapped (item, "notify", G_CALLBACK (show_item), self);
  show_item (self);
}

static void
ld_filter_row_dispose (GObject *object)
{
  LdFilterRow *self = LD_FILTER_ROW (object);

  ld_filter_row_bind (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_FILTER_ROW);

  G_OBJECT_CLASS (ld_filter_row_parent_class)->dispose (object);
}

static void
ld_filter_row_class_init (LdFilterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_filter_row_dispose;
  widget_class->query_tooltip = ld_filter_row_query_tooltip;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-filter-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LdFilterRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, LdFilterRow, total_label);
}

static void
ld_filter_row_init (LdFilterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "toggled", G_CALLBACK (on_toggled), NULL);
}

GtkWidget *
ld_filter_row_new (void)
{
  return g_object_new (LD_TYPE_FILTER_ROW, NULL);
}
