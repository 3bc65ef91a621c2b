/* ld-a11y.h — accessibility touches that GTK 4.8 leaves to the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic label after both its raw label and its
 * child ("_Cancel Cancel"): give every such button under @root (popovers included)
 * the label a screen reader should say ("Cancel"). Buttons that already have an
 * accessible label set by us keep it. */
void ld_a11y_name_mnemonic_buttons (GtkWidget *root);

/* Makes a list or a table one stop of the Tab chain, as lists are in GNOME: the arrow
 * keys move between its rows, Tab and Shift+Tab leave it for the next and previous
 * widgets. GTK 4.8's list and column views send Tab from row to row, so a walk through
 * the window met every row on the way, and Tab back in landed on the row last visited
 * (forwards and backwards then saw different rows). */
void ld_a11y_make_single_tab_stop (GtkWidget *view);

/* A menu button's tooltip ("Card Menu") kept off while its menu is open: the pointer
 * rests on the button, so GTK 4.8 showed the tooltip over the menu it opened. The
 * tooltip comes back when the menu closes. */
void ld_a11y_hide_tooltip_while_open (GtkMenuButton *button);

G_END_DECLS
