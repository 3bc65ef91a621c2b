/* ld-file-chooser.c — the app's file choosers: they start where the last one ended
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-file-chooser.h"
#include "ld-settings.h"
#include "ld-types.h"

static GFile *
last_folder (void)
{
  GSettings *settings = ld_settings_get ();
  g_autofree char *path = NULL;

  if (settings == NULL)
    return NULL;

  path = g_settings_get_string (settings, "last-folder");
  return path[0] != '\0' ? g_file_new_for_path (path) : NULL;
}

GtkFileChooserNative *
ld_file_chooser_new (GtkWidget            *parent,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept_label,
                     const char           *name)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  g_autoptr(GFile) folder = last_folder ();
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);

  /* GTK 4's save chooser, built in or the portal's, always asks before it replaces
   * a file: there is no confirmation to switch on. */
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  return chooser;
}

void
ld_file_chooser_remember (GFile *file)
{
  GSettings *settings = ld_settings_get ();
  g_autoptr(GFile) parent = NULL;

  g_return_if_fail (G_IS_FILE (file));

  parent = g_file_get_parent (file);
  if (settings != NULL && parent != NULL && g_file_peek_path (parent) != NULL)
    g_settings_set_string (settings, "last-folder", g_file_peek_path (parent));
}

char *
ld_file_chooser_suggest_name (const char *stem,
                              int         from_month,
                              int         to_month,
                              const char *extension)
{
  char from[8], to[8];

  g_return_val_if_fail (stem != NULL && extension != NULL, NULL);

  if (from_month < 0 || to_month < 0)
    return g_strdup_printf ("%s.%s", stem, extension);

  ld_month_format (from_month, from);
  ld_month_format (to_month, to);
  return g_strdup_printf ("%s-%s_%s.%s", stem, from, to, extension);
}
