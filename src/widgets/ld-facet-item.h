/* ld-facet-item.h — one option of a sidebar filter, as a list row sees it
 *
 * LdFacetModel makes these on demand, only for the rows a list view shows, and
 * updates them in place when the query runs again, so a row bound to an item
 * follows it through "notify" without being rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LD_TYPE_FACET_ITEM (ld_facet_item_get_type ())
G_DECLARE_FINAL_TYPE (LdFacetItem, ld_facet_item, LD, FACET_ITEM, GObject)

/* The filter value (for a country, the code): what win.toggle-filter takes. */
const char *ld_facet_item_get_value       (LdFacetItem *self);
/* The text shown: "Name not shared" for a blank customer, "Germany (DE)" for a country. */
const char *ld_facet_item_get_label       (LdFacetItem *self);
/* TRUE when the value is blank, so the label is a placeholder (shown in italics). */
gboolean    ld_facet_item_get_placeholder (LdFacetItem *self);
guint64     ld_facet_item_get_provisioned (LdFacetItem *self);
gboolean    ld_facet_item_get_selected    (LdFacetItem *self);
/* FALSE for a selected value with no row in the range. */
gboolean    ld_facet_item_get_present     (LdFacetItem *self);

/* For LdFacetModel: a new item, and an in-place update that notifies what changed. */
LdFacetItem *ld_facet_item_new (const char *value,
                                const char *label,
                                gboolean    placeholder);
void         ld_facet_item_set_figures (LdFacetItem *self,
                                        guint64      provisioned,
                                        gboolean     selected,
                                        gboolean     present);

G_END_DECLS
