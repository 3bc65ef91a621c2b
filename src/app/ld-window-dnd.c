/* ld-window-dnd.c — open a report by dropping it on the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-window-private.h"

gboolean
ld_window_drop_files (LdWindow    *self,
                      GdkFileList *files)
{
  g_autoptr(GSList) list = gdk_file_list_get_files (files);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  /* Files dropped together are several downloads of one history (SPEC §7). */
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  if (array->len == 0)
    return FALSE;

  ld_window_open_files (self, (GFile *const *) array->pdata, array->len);
  return TRUE;
}

static gboolean
drop_cb (LdWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  gtk_widget_set_visible (GTK_WIDGET (self->drop_page), FALSE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  return ld_window_drop_files (self, g_value_get_boxed (value));
}

static GdkDragAction
enter_cb (LdWindow      *self,
          double         x,
          double         y,
          GtkDropTarget *target)
{
  gtk_widget_set_visible (GTK_WIDGET (self->drop_page), TRUE);
  return GDK_ACTION_COPY;
}

static void
leave_cb (LdWindow      *self,
          GtkDropTarget *target)
{
  gtk_widget_set_visible (GTK_WIDGET (self->drop_page), FALSE);
}

void
ld_window_init_dnd (LdWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "enter", G_CALLBACK (enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
