/* ld-figure-view.h — one headline figure of a card: caption, value, change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-card-model.h"

G_BEGIN_DECLS

#define LD_TYPE_FIGURE_VIEW (ld_figure_view_get_type ())
G_DECLARE_FINAL_TYPE (LdFigureView, ld_figure_view, LD, FIGURE_VIEW, GtkBox)

GtkWidget *ld_figure_view_new             (void);

/* Shows @figure: a rise in the success colour with "▲", a fall in the error
 * colour with "▼", no change line when it has none. */
void       ld_figure_view_set             (LdFigureView       *self,
                                           const LdCardFigure *figure);

/* The label of the value, which a screen reader lands on. */
GtkLabel  *ld_figure_view_get_value_label (LdFigureView       *self);

G_END_DECLS
