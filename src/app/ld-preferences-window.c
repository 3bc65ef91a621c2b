/* ld-preferences-window.c — the app's few preferences
 *
 * One page: whether the map draws online tiles under our own country shapes. The
 * map is complete without them, so they are off until the user asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-preferences-window.h"

struct _LdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  GtkWidget *online_tiles_switch;
};

G_DEFINE_FINAL_TYPE (LdPreferencesWindow, ld_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
ld_preferences_window_dispose (GObject *object)
{
  LdPreferencesWindow *self = LD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ld_preferences_window_parent_class)->dispose (object);
}

static void
ld_preferences_window_class_init (LdPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ld_preferences_window_dispose;
}

static void
ld_preferences_window_init (LdPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");
  adw_preferences_group_set_title (group, _("Map"));
  adw_preferences_group_set_description (group, _("The countries are drawn from shapes that come with the app, "
                                                  "so the map works without a network connection."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Online Map Tiles"));
  adw_action_row_set_subtitle (row, _("Show OpenStreetMap under the countries. Tiles are downloaded from "
                                      "the internet while the map is shown."));
  self->online_tiles_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->online_tiles_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, self->online_tiles_switch);
  adw_action_row_set_activatable_widget (row, self->online_tiles_switch);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

GtkWidget *
ld_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  LdPreferencesWindow *self = g_object_new (LD_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            "search-enabled", FALSE,
                                            NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "online-map-tiles", self->online_tiles_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    gtk_widget_set_sensitive (self->online_tiles_switch, FALSE);

  return GTK_WIDGET (self);
}
