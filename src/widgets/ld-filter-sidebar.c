/* ld-filter-sidebar.c — the six filters of SPEC §3 in one scrollable column
 *
 * Above the groups, a summary line and one chip per selected value show the active
 * filters at a glance; a chip's close button removes its value through the same
 * win.toggle-filter action a check box uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-describe.h"
#include "ld-country-codes.h"
#include "ld-filter-sidebar.h"

/* More chips than this become one "+N more" chip: the groups' badges say the rest. */
#define MAX_CHIPS 12

struct _LdFilterSidebar
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scrolled;
  GtkSearchEntry    *search_entry;
  GtkLabel          *no_match_label;
  GtkButton         *clear_all_button;
  GtkLabel          *summary_label;
  GtkFlowBox        *chips;
  GtkBox            *groups_box;

  LdFilterGroup     *groups[LD_N_DIMS];
  /* Which groups were open before a search opened those with matches. */
  gboolean           searching;
  gboolean           expanded_before[LD_N_DIMS];
  guint              n_active;
};

G_DEFINE_FINAL_TYPE (LdFilterSidebar, ld_filter_sidebar, GTK_TYPE_WIDGET)

/* The sidebar's search: every group lists only its matching options; groups with
 * none step aside, groups with some open, and they close again as they were when the
 * search is cleared. */
static void
ld_filter_sidebar_apply_search (LdFilterSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean searching = trimmed[0] != '\0';
  guint n_groups = 0;

  if (searching && !self->searching)
    for (guint d = 0; d < LD_N_DIMS; d++)
      self->expanded_before[d] = ld_filter_group_get_expanded (self->groups[d]);

  for (guint d = 0; d < LD_N_DIMS; d++)
    {
      guint n = ld_filter_group_search (self->groups[d], searching ? trimmed : NULL);

      gtk_widget_set_visible (GTK_WIDGET (self->groups[d]), !searching || n > 0);
      if (searching && n > 0)
        {
          ld_filter_group_set_expanded (self->groups[d], TRUE);
          n_groups++;
        }
      else if (!searching && self->searching)
        ld_filter_group_set_expanded (self->groups[d], self->expanded_before[d]);
    }
  self->searching = searching;

  if (searching && n_groups == 0)
    {
      /* Translators: the sidebar's search found nothing; %s is what was typed. */
      g_autofree char *message = g_strdup_printf (_("No filter value contains “%s”."), trimmed);

      gtk_label_set_label (self->no_match_label, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), searching && n_groups == 0);
}

static void
on_search_changed (LdFilterSidebar *self)
{
  ld_filter_sidebar_apply_search (self);
}

static void
on_stop_search (LdFilterSidebar *self)
{
  /* Escape clears the search first; a second Escape may then close the flap. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_clear_all_clicked (LdFilterSidebar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.clear-filters", NULL);
}

static void
on_chip_clicked (GtkButton       *chip,
                 LdFilterSidebar *self)
{
  LdDimension dimension = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chip), "ld-dimension"));
  const char *value = g_object_get_data (G_OBJECT (chip), "ld-value");

  ld_filter_group_toggle_value (self->groups[dimension], value);
}

static GtkWidget *
make_chip (LdFilterSidebar *self,
           LdReport        *report,
           LdDimension      dimension,
           const char      *value)
{
  g_autofree char *tooltip = NULL;
  const char *shown = value;
  GtkWidget *chip;
  GtkWidget *box;
  GtkWidget *label;

  if (value[0] == '\0')
    shown = dimension == LD_DIM_CUSTOMER ? _("Name not shared")
          : dimension == LD_DIM_COUNTRY ? _("Unknown country") : _("Not specified");
  else if (dimension == LD_DIM_COUNTRY)
    {
      /* A country chip names the country, as a customer chip names the customer. */
      const char *name = ld_country_codes_display_name (value, report != NULL ?
                                                        ld_report_get_country_name (report, value) : NULL);

      if (name != NULL && name[0] != '\0')
        shown = name;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  label = gtk_label_new (shown);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));

  chip = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (chip), box);
  /* As wide as its text, not as the flow box's column. */
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (chip, "ld-filter-chip");
  /* Translators: tooltip of an active-filter chip, "Remove Customer name: Contoso". */
  tooltip = g_strdup_printf (_("Remove %s: %s"), ld_describe_filter_title (dimension), shown);
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data (G_OBJECT (chip), "ld-dimension", GINT_TO_POINTER (dimension));
  g_object_set_data_full (G_OBJECT (chip), "ld-value", g_strdup (value), g_free);
  g_signal_connect (chip, "clicked", G_CALLBACK (on_chip_clicked), self);
  return chip;
}

/* The chips change one at a time (a click adds or removes one value), so the
 * flow box keeps the chips that stay and only gains or loses the changed one:
 * rebuilding every chip cost a relayout of all of them on each click. */
static char *
chip_key (LdDimension  dimension,
          const char  *value)
{
  return g_strdup_printf ("%d\x1f%s", dimension, value);
}

static void
ld_filter_sidebar_sync_chips (LdFilterSidebar *self,
                              LdQuery         *query)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;
  guint shown = 0;
  int position = 0;

  if (query != NULL)
    for (guint d = 0; d < LD_N_DIMS; d++)
      {
        const char *const *values = ld_query_get_filter_values (query, d);

        for (guint i = 0; values != NULL && values[i] != NULL && shown < MAX_CHIPS; i++, shown++)
          g_hash_table_add (wanted, chip_key (d, values[i]));
      }

  /* Drop the chips whose value went, and the "+N more" note. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->chips));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *key = g_object_get_data (G_OBJECT (chip), "ld-key");

      if (key == NULL || !g_hash_table_contains (wanted, key))
        gtk_flow_box_remove (self->chips, child);
      child = next;
    }

  /* Walk the wanted chips in order; insert the missing ones where they belong. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->chips));
  shown = 0;
  if (query != NULL)
    for (guint d = 0; d < LD_N_DIMS; d++)
      {
        const char *const *values = ld_query_get_filter_values (query, d);

        for (guint i = 0; values != NULL && values[i] != NULL && shown < MAX_CHIPS; i++, shown++)
          {
            g_autofree char *key = chip_key (d, values[i]);
            GtkWidget *existing = child != NULL ? gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)) : NULL;

            if (existing != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (existing), "ld-key"), key) == 0)
              child = gtk_widget_get_next_sibling (child);
            else
              {
                GtkWidget *chip = make_chip (self, ld_query_get_report (query), d, values[i]);

                g_object_set_data_full (G_OBJECT (chip), "ld-key", g_steal_pointer (&key), g_free);
                gtk_flow_box_insert (self->chips, chip, position);
                /* The chip's button takes the focus; its flow box child would be a
                 * second, silent tab stop. */
                gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
              }
            position++;
          }
      }

  if (self->n_active > shown)
    {
      /* Translators: the last chip when there are too many, "+3 more". */
      g_autofree char *more = g_strdup_printf (_("+%u more"), self->n_active - shown);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_flow_box_append (self->chips, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips), self->n_active > 0);
}

static void
ld_filter_sidebar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LD_TYPE_FILTER_SIDEBAR);
  /* GTK 4.8 unparents only the template children it binds; the box around them too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ld_filter_sidebar_parent_class)->dispose (object);
}

static void
ld_filter_sidebar_class_init (LdFilterSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_filter_sidebar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-filter-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, LdFilterSidebar, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LdFilterSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LdFilterSidebar, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_child (widget_class, LdFilterSidebar, clear_all_button);
  gtk_widget_class_bind_template_child (widget_class, LdFilterSidebar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LdFilterSidebar, chips);
  gtk_widget_class_bind_template_child (widget_class, LdFilterSidebar, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_all_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ldfiltersidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Nothing moves under the pointer: while it is over the sidebar, a click's new
 * figures keep every option where it is (the other groups would re-sort by their new
 * totals, and the next click, aimed at an option, met another); they take their
 * order when the pointer leaves. */
static void
keep_order (LdFilterSidebar *self,
            gboolean         keep)
{
  for (guint d = 0; d < LD_N_DIMS; d++)
    ld_filter_group_set_keep_order (self->groups[d], keep);
}

static void
on_pointer_enter (GtkEventControllerMotion *motion,
                  double                    x,
                  double                    y,
                  LdFilterSidebar          *self)
{
  keep_order (self, TRUE);
}

static void
on_pointer_leave (GtkEventControllerMotion *motion,
                  LdFilterSidebar          *self)
{
  keep_order (self, FALSE);
}

static void
ld_filter_sidebar_init (LdFilterSidebar *self)
{
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_pointer_enter), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_pointer_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"),
                                  -1);

  for (guint d = 0; d < LD_N_DIMS; d++)
    {
      self->groups[d] = LD_FILTER_GROUP (ld_filter_group_new (d, ld_describe_filter_title (d)));
      gtk_box_append (self->groups_box, GTK_WIDGET (self->groups[d]));
    }
  /* The short lists open by default; long ones wait to be asked for. */
  ld_filter_group_set_expanded (self->groups[LD_DIM_OFFER_TYPE], TRUE);
  ld_filter_group_set_expanded (self->groups[LD_DIM_OFFER], TRUE);

  ld_filter_sidebar_update (self, NULL, NULL);
}

GtkWidget *
ld_filter_sidebar_new (void)
{
  return g_object_new (LD_TYPE_FILTER_SIDEBAR, NULL);
}

void
ld_filter_sidebar_update (LdFilterSidebar *self,
                          LdQuery         *query,
                          LdResult        *result)
{
  g_return_if_fail (LD_IS_FILTER_SIDEBAR (self));
  g_return_if_fail (query == NULL || LD_IS_QUERY (query));

  self->n_active = 0;
  for (guint d = 0; d < LD_N_DIMS; d++)
    {
      ld_filter_group_update (self->groups[d], query, result);
      self->n_active += ld_filter_group_get_n_selected (self->groups[d]);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_all_button), self->n_active > 0);
  /* A new range may bring or take matches. */
  if (self->searching)
    ld_filter_sidebar_apply_search (self);

  if (result == NULL)
    gtk_label_set_label (self->summary_label, _("No report open"));
  else if (self->n_active == 0)
    gtk_label_set_label (self->summary_label, _("No filters: showing everything in the date range"));
  else
    {
      g_autofree char *summary =
        /* Translators: the sidebar's summary line, "3 filters active". */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u filter active", "%u filters active",
                                      self->n_active),
                         self->n_active);

      gtk_label_set_label (self->summary_label, summary);
    }

  ld_filter_sidebar_sync_chips (self, query);
}

void
ld_filter_sidebar_focus_search (LdFilterSidebar *self)
{
  g_return_if_fail (LD_IS_FILTER_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

LdFilterGroup *
ld_filter_sidebar_get_group (LdFilterSidebar *self,
                             LdDimension      dimension)
{
  g_return_val_if_fail (LD_IS_FILTER_SIDEBAR (self), NULL);
  g_return_val_if_fail (dimension < LD_N_DIMS, NULL);

  return self->groups[dimension];
}

guint
ld_filter_sidebar_get_n_active (LdFilterSidebar *self)
{
  g_return_val_if_fail (LD_IS_FILTER_SIDEBAR (self), 0);
  return self->n_active;
}
