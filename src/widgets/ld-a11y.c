/* ld-a11y.c — accessibility touches that GTK 4.8 leaves to the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-a11y.h"

static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore; a single one marks the mnemonic. */
      if (*p == '_')
        {
          if (p[1] == '_')
            p++;
          else
            continue;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

void
ld_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL &&
      g_object_get_data (G_OBJECT (root), "ld-a11y-named") == NULL)
    {
      g_autofree char *name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (root)));

      /* GTK 4.8 names a button by its label property followed by the names of what
       * labels it: it sets both, the property to the text as written ("_Cancel") and
       * labelled-by to its label child ("Cancel"), and a screen reader said "_Cancel
       * Cancel". One name, without the mnemonic's underscore. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      g_object_set_data (G_OBJECT (root), "ld-a11y-named", GINT_TO_POINTER (TRUE));
    }

  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)) != NULL)
    ld_a11y_name_mnemonic_buttons (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ld_a11y_name_mnemonic_buttons (child);
}

/* Refusing the focus for a moment makes the window's focus chain step over @view from
 * where the focus is, in the direction Tab asks. */
static gboolean
on_single_stop_key_pressed (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            GtkWidget             *view)
{
  GtkDirectionType direction;
  GtkRoot *root;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  root = gtk_widget_get_root (view);
  if (root == NULL)
    return FALSE;

  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0
              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  gtk_widget_set_can_focus (view, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (view, TRUE);
  return TRUE;
}

void
ld_a11y_make_single_tab_stop (GtkWidget *view)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (view));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_single_stop_key_pressed), view, 0);
  gtk_widget_add_controller (view, keys);
}

static void
menu_shown_cb (GtkWidget     *popover,
               GtkMenuButton *button)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (button), FALSE);
  /* A tooltip already up asks again, finds none, and goes. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (button));
}

static void
menu_hidden_cb (GtkWidget     *popover,
                GtkMenuButton *button)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (button), gtk_widget_get_tooltip_text (GTK_WIDGET (button)) != NULL);
}

static void
menu_popover_changed_cb (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (popover == NULL || g_object_get_data (G_OBJECT (popover), "ld-tooltip-watch") != NULL)
    return;
  g_object_set_data (G_OBJECT (popover), "ld-tooltip-watch", GINT_TO_POINTER (1));
  g_signal_connect_object (popover, "show", G_CALLBACK (menu_shown_cb), button, 0);
  g_signal_connect_object (popover, "hide", G_CALLBACK (menu_hidden_cb), button, 0);
}

void
ld_a11y_hide_tooltip_while_open (GtkMenuButton *button)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  /* A new menu model makes a new popover. */
  g_signal_connect (button, "notify::popover", G_CALLBACK (menu_popover_changed_cb), NULL);
  menu_popover_changed_cb (button);
}
