/* ld-date-range-button.c — the header bar's date range control
 *
 * The preset rows are plain radio check buttons rather than actionable ones: the
 * window's win.range state is "custom" for a custom range, which no preset row may
 * show as checked, and a row clicked while the popover shows the custom pickers must
 * still fire even when its preset is already the query's. update() sets the rows
 * with `syncing` raised so that only the user's clicks activate anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-a11y.h"
#include "ld-chart-format.h"
#include "ld-date-range-button.h"
#include "ld-describe.h"

struct _LdDateRangeButton
{
  GtkWidget       parent_instance;

  GtkMenuButton  *menu_button;
  GtkLabel       *range_label;
  GtkWidget      *arrow_image;
  GtkPopover     *popover;
  GtkCheckButton *last_6_check;
  GtkCheckButton *last_12_check;
  GtkCheckButton *all_check;
  GtkCheckButton *custom_check;
  GtkRevealer    *custom_revealer;
  GtkDropDown    *from_dropdown;
  GtkDropDown    *to_dropdown;
  GtkButton      *apply_button;
  GtkLabel       *reversed_label;
  GtkLabel       *as_of_label;

  LdRangePreset   preset;       /* the query's, at the last update */
  int             first_month;  /* the data's months, offered for a custom range; -1 when none */
  int             last_month;
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (LdDateRangeButton, ld_date_range_button, GTK_TYPE_WIDGET)

static const char *
preset_label (LdRangePreset preset)
{
  switch (preset)
    {
    case LD_RANGE_LAST_6:
      return _("Last 6 Months");
    case LD_RANGE_LAST_12:
      return _("Last 12 Months");
    case LD_RANGE_ALL:
      return _("All Time");
    case LD_RANGE_CUSTOM:
    default:
      return NULL;
    }
}

static void
on_preset_toggled (LdDateRangeButton *self,
                   GtkCheckButton    *check)
{
  LdRangePreset preset;

  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  if (check == self->last_6_check)
    preset = LD_RANGE_LAST_6;
  else if (check == self->last_12_check)
    preset = LD_RANGE_LAST_12;
  else
    preset = LD_RANGE_ALL;

  gtk_popover_popdown (self->popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.range", "s", ld_range_preset_to_string (preset));
}

static void
on_custom_toggled (LdDateRangeButton *self,
                   GtkCheckButton    *check)
{
  gboolean active = gtk_check_button_get_active (check);

  /* Choosing "Custom…" only opens the pickers; Apply changes the range. */
  gtk_revealer_set_reveal_child (self->custom_revealer, active);
  if (active && !self->syncing)
    gtk_widget_grab_focus (GTK_WIDGET (self->from_dropdown));
}

/* The range the pickers give, in order; TRUE when From is after To. */
static gboolean
picked_range (LdDateRangeButton *self,
              int               *from_month,
              int               *to_month)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);

  *from_month = self->first_month + (int) MIN (from, to);
  *to_month = self->first_month + (int) MAX (from, to);
  return from > to;
}

/* From after To is not taken silently: the popover says, before Apply, which
 * months Apply will count — the pair turned around, as `--range` on the command
 * line does with a range that runs backwards. */
static void
on_month_selected (LdDateRangeButton *self)
{
  int from, to;
  gboolean reversed = FALSE;

  if (self->first_month >= 0 &&
      gtk_drop_down_get_selected (self->from_dropdown) != GTK_INVALID_LIST_POSITION &&
      gtk_drop_down_get_selected (self->to_dropdown) != GTK_INVALID_LIST_POSITION)
    reversed = picked_range (self, &from, &to);

  if (reversed)
    {
      g_autofree char *months = ld_describe_range (from, to);
      /* Translators: under the custom range's pickers, "From is after To: Apply counts Mar 2026 – Aug 2026." */
      g_autofree char *text = g_strdup_printf (_("From is after To: Apply counts %s."), months);

      gtk_label_set_label (self->reversed_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->apply_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->apply_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_visible (GTK_WIDGET (self->reversed_label), reversed);
}

static void
on_apply_clicked (LdDateRangeButton *self)
{
  int from, to;
  gboolean reversed;

  if (self->first_month < 0 ||
      gtk_drop_down_get_selected (self->from_dropdown) == GTK_INVALID_LIST_POSITION ||
      gtk_drop_down_get_selected (self->to_dropdown) == GTK_INVALID_LIST_POSITION)
    return;

  reversed = picked_range (self, &from, &to);
  gtk_popover_popdown (self->popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.custom-range", "(ii)", from, to);
  if (reversed)
    {
      g_autofree char *months = ld_describe_range (from, to);
      /* Translators: a toast after Apply with From after To, "The range ran backwards: counting Mar 2026 – Aug 2026." */
      g_autofree char *text = g_strdup_printf (_("The range ran backwards: counting %s."), months);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", text);
    }
}

static void
ld_date_range_button_set_months (LdDateRangeButton *self,
                                 int                first_month,
                                 int                last_month)
{
  g_autoptr(GtkStringList) from_months = NULL;
  g_autoptr(GtkStringList) to_months = NULL;

  if (first_month == self->first_month && last_month == self->last_month)
    return;

  self->first_month = first_month;
  self->last_month = last_month;

  from_months = gtk_string_list_new (NULL);
  to_months = gtk_string_list_new (NULL);
  for (int m = first_month; m >= 0 && m <= last_month; m++)
    {
      g_autofree char *text = ld_chart_format_month (m, TRUE);

      gtk_string_list_append (from_months, text);
      gtk_string_list_append (to_months, text);
    }
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (from_months));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (to_months));
}

/* Marks the query's preset; with "Custom…", shows the month pickers. */
static void
ld_date_range_button_sync_checks (LdDateRangeButton *self)
{
  gboolean syncing = self->syncing;
  GtkCheckButton *check;

  self->syncing = TRUE;
  switch (self->preset)
    {
    case LD_RANGE_LAST_12:
      check = self->last_12_check;
      break;
    case LD_RANGE_ALL:
      check = self->all_check;
      break;
    case LD_RANGE_CUSTOM:
      check = self->custom_check;
      break;
    case LD_RANGE_LAST_6:
    default:
      check = self->last_6_check;
      break;
    }
  gtk_check_button_set_active (check, TRUE);
  gtk_revealer_set_reveal_child (self->custom_revealer, self->preset == LD_RANGE_CUSTOM);
  self->syncing = syncing;
}

static void
on_popover_closed (LdDateRangeButton *self)
{
  /* "Custom…" chosen and left without Apply: the range did not change. */
  ld_date_range_button_sync_checks (self);
}

static void
ld_date_range_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LD_TYPE_DATE_RANGE_BUTTON);

  G_OBJECT_CLASS (ld_date_range_button_parent_class)->dispose (object);
}

static void
ld_date_range_button_class_init (LdDateRangeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_date_range_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-date-range-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, range_label);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, arrow_image);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, popover);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, last_6_check);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, last_12_check);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, all_check);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, custom_check);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, custom_revealer);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, apply_button);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, reversed_label);
  gtk_widget_class_bind_template_child (widget_class, LdDateRangeButton, as_of_label);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_month_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_closed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lddaterangebutton");
}

static void
ld_date_range_button_init (LdDateRangeButton *self)
{
  self->first_month = -2;
  self->last_month = -2;

  gtk_widget_init_template (GTK_WIDGET (self));
  ld_a11y_hide_tooltip_while_open (self->menu_button);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date Range"),
                                  -1);
  ld_date_range_button_update (self, NULL);
}

GtkWidget *
ld_date_range_button_new (void)
{
  return g_object_new (LD_TYPE_DATE_RANGE_BUTTON, NULL);
}

void
ld_date_range_button_update (LdDateRangeButton *self,
                             LdQuery           *query)
{
  g_autofree char *months = NULL;
  g_autofree char *as_of = NULL;
  LdRangePreset preset = LD_RANGE_LAST_6;
  LdReport *report = NULL;
  int from = -1;
  int to = -1;
  int first = -1;
  int last = -1;

  g_return_if_fail (LD_IS_DATE_RANGE_BUTTON (self));
  g_return_if_fail (query == NULL || LD_IS_QUERY (query));

  if (query != NULL)
    {
      report = ld_query_get_report (query);
      preset = ld_query_get_range_preset (query);
      ld_query_get_range (query, &from, &to);
      first = ld_report_get_first_month (report);
      last = ld_report_get_last_month (report);
    }

  ld_date_range_button_set_months (self, first, last);
  months = ld_describe_range (from, to);

  if (preset == LD_RANGE_CUSTOM)
    gtk_label_set_label (self->range_label, months);
  else
    gtk_label_set_label (self->range_label, preset_label (preset));
  /* The button says "Last 6 Months"; a screen reader also hears which months. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, months,
                                  -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), query != NULL);

  if (last >= 0)
    {
      g_autofree char *last_text = ld_chart_format_month (last, TRUE);

      /* Translators: under the date presets, "Presets end at Nov 2026, the latest month in the report." */
      as_of = g_strdup_printf (_("Presets end at %s, the latest month in the report."), last_text);
    }
  gtk_label_set_label (self->as_of_label, as_of != NULL ? as_of : _("The report has no dates."));
  gtk_widget_set_visible (GTK_WIDGET (self->custom_check), last >= 0);

  self->preset = preset;
  self->syncing = TRUE;
  ld_date_range_button_sync_checks (self);

  /* The pickers start from the range on screen, held within the data's months. */
  if (first >= 0 && from >= 0)
    {
      gtk_drop_down_set_selected (self->from_dropdown, CLAMP (from, first, last) - first);
      gtk_drop_down_set_selected (self->to_dropdown, CLAMP (to, first, last) - first);
    }
  self->syncing = FALSE;
}

/* On a narrow window the button still says which months (the active range is
 * what a glance at the header wants), without its arrow, and its text may wrap
 * to two lines rather than be cut. */
void
ld_date_range_button_set_compact (LdDateRangeButton *self,
                                  gboolean           compact)
{
  g_return_if_fail (LD_IS_DATE_RANGE_BUTTON (self));

  gtk_widget_set_visible (self->arrow_image, !compact);
  gtk_label_set_wrap (self->range_label, compact);
  gtk_label_set_wrap_mode (self->range_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (self->range_label, GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (self->range_label, compact ? 22 : -1);
}

const char *
ld_date_range_button_get_label (LdDateRangeButton *self)
{
  g_return_val_if_fail (LD_IS_DATE_RANGE_BUTTON (self), NULL);
  return gtk_label_get_label (self->range_label);
}
