/* ld-filter-row.h — one option of a filter group: a check box, the value, its total
 *
 * The group's list view recycles rows: a row follows its LdFacetItem through "notify"
 * while bound. When it sets the check box from the item, that is not a click: only
 * the user's clicks reach the group (ld_filter_group_toggle_value()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-facet-item.h"

G_BEGIN_DECLS

#define LD_TYPE_FILTER_ROW (ld_filter_row_get_type ())
G_DECLARE_FINAL_TYPE (LdFilterRow, ld_filter_row, LD, FILTER_ROW, GtkCheckButton)

GtkWidget *ld_filter_row_new  (void);

/* Shows @item, and follows it until the next call; NULL unbinds. */
void       ld_filter_row_bind (LdFilterRow *self,
                               LdFacetItem *item);

G_END_DECLS
