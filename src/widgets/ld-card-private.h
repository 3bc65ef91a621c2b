/* ld-card-private.h — what LdCard's subclasses and the tests see of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"
#include "ld-chart-theme.h"

G_BEGIN_DECLS

/* Shows the card's model again, after something of the subclass's own (a view
 * switch, a selected row) changed what it shows. */
void      ld_card_refresh          (LdCard             *self);
/* Adds @child under the card's figures; a subclass's template does it with <child>. */
void      ld_card_append           (LdCard             *self,
                                    GtkWidget          *child);

/* For tests. */
guint     ld_card_get_n_figures    (LdCard             *self);
/* The value label of figure @index. */
GtkLabel *ld_card_get_figure_label (LdCard             *self,
                                    guint               index);
/* Paints the card's charts side by side into @cr with @theme. */
void      ld_card_draw_chart       (LdCard             *self,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const LdChartTheme *theme);

G_END_DECLS
