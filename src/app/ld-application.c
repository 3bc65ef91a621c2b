/* ld-application.c — the GTK application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-application.h"
#include "ld-preferences-window.h"
#include "ld-settings.h"
#include "ld-window.h"

struct _LdApplication
{
  AdwApplication parent_instance;

  gboolean open_sample;
};

G_DEFINE_FINAL_TYPE (LdApplication, ld_application, ADW_TYPE_APPLICATION)

static LdWindow *
ld_application_get_or_create_window (LdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ld_window_new (GTK_APPLICATION (self)));

  return LD_WINDOW (window);
}

static void
ld_application_activate (GApplication *app)
{
  LdApplication *self = LD_APPLICATION (app);
  LdWindow *window = ld_application_get_or_create_window (self);

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      ld_window_open_sample (window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
ld_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LdApplication *self = LD_APPLICATION (app);

  /* `license-dashboard A.csv B.tsv C.csv`: several downloads of one history, opened
   * as one report in the active window (SPEC §6, §7). */
  LdWindow *window = ld_application_get_or_create_window (self);

  if (n_files > 0)
    ld_window_open_files (window, files, (guint) n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static int
ld_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  LdApplication *self = LD_APPLICATION (app);

  if (g_variant_dict_contains (options, "sample"))
    self->open_sample = TRUE;

  return -1;
}

static void
ld_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

GtkWidget *
ld_application_new_about_window (GtkWindow *parent)
{
  /* Translators: who made the app, shown under its name in the About window. */
  const char *team = _("The License Dashboard developers");
  const char *developers[] = { team, NULL };
  g_autofree char *legal = NULL;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("License Dashboard"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", team,
                        "developers", developers,
                        /* Translators: the About window's copyright line. */
                        "copyright", _("© 2026 The License Dashboard developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("See who bought your marketplace licenses, and who uses them."),
                        /* The metainfo's homepage and bugtracker (a test holds them equal). */
                        "website", "https://github.com/licensedashboard/license-dashboard",
                        "issue-url", "https://github.com/licensedashboard/license-dashboard/issues",
                        NULL);
  /* The country shapes of the map are Natural Earth's (public domain); its terms of
   * use ask for this line. */
  /* The credit goes in the section's text, not its copyright line: libadwaita 1.2
   * never frees a legal section's copyright string (LeakSanitizer in test-window). */
  legal = g_strdup_printf ("%s\n%s",
                           _("Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."),
                           _("Country shapes: Natural Earth, public domain. "
                             "Country names: the iso-codes project."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Map data"), NULL,
                                      GTK_LICENSE_CUSTOM, legal);
  return about;
}

static void
ld_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (ld_application_new_about_window (gtk_application_get_active_window (app))));
}

static void
ld_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *window = ld_preferences_window_new (gtk_application_get_active_window (app), ld_settings_get ());

  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "preferences", ld_application_preferences_action },
  { "quit", ld_application_quit_action },
  { "about", ld_application_about_action },
};

static void
ld_application_startup (GApplication *app)
{
  /* The app's keyboard shortcuts, bound once: as accels they also show in the
   * shortcuts window (data/gtk/help-overlay.ui). */
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.reload", { "<Control>r", NULL } },
    { "win.search-filters", { "<Control>f", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.send-email", { "<Control><Shift>e", NULL } },
    { "win.focus-next-pane", { "F6", NULL } },
    { "win.focus-previous-pane", { "<Shift>F6", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (ld_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
ld_application_class_init (LdApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ld_application_activate;
  app_class->open = ld_application_open;
  app_class->startup = ld_application_startup;
  app_class->handle_local_options = ld_application_handle_local_options;
}

static void
ld_application_init (LdApplication *self)
{
  const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the bundled sample report"), NULL },
    { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write WIDGET tables without opening a window (see --export --help)"), N_("WIDGET[,WIDGET…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens a Partner Center License report as a dashboard."));
}

LdApplication *
ld_application_new (void)
{
  /* Unique, as GNOME apps are: a file opened from the file manager while the app runs
   * arrives in the running instance through ::open. */
  return g_object_new (LD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/licensedashboard/LicenseDashboard",
                       NULL);
}
