/* ld-preferences-window.c — the app's few preferences
 *
 * One page (data/ui/ld-preferences-window.ui): whether the map draws online tiles
 * under our own country shapes. The map is complete without them, so they are off
 * until the user asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-preferences-window.h"

struct _LdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkWidget *online_tiles_switch;
};

G_DEFINE_FINAL_TYPE (LdPreferencesWindow, ld_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
ld_preferences_window_class_init (LdPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, online_tiles_switch);
}

static void
ld_preferences_window_init (LdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ld_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  LdPreferencesWindow *self = g_object_new (LD_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            NULL);

  /* The binding holds the settings as long as the switch lives. */
  if (settings != NULL)
    g_settings_bind (settings, "online-map-tiles", self->online_tiles_switch, "active",
                     G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (self->online_tiles_switch, FALSE);

  return GTK_WIDGET (self);
}
