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

G_END_DECLS
