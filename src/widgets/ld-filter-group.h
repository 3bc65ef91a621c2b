/* ld-filter-group.h — one expandable, multi-select filter of the sidebar
 *
 * Lists the options of one dimension (an LdFacetModel in a GtkListView) with a
 * check box and the provisioned total each. It never changes the query itself: a
 * click activates win.toggle-filter (dimension, value), the clear button
 * win.clear-filter (dimension), and the window answers with ld_filter_group_update().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-query.h"
#include "ld-facet-model.h"

G_BEGIN_DECLS

#define LD_TYPE_FILTER_GROUP (ld_filter_group_get_type ())
G_DECLARE_FINAL_TYPE (LdFilterGroup, ld_filter_group, LD, FILTER_GROUP, GtkWidget)

GtkWidget    *ld_filter_group_new            (LdDimension    dimension,
                                              const char    *title);
LdDimension   ld_filter_group_get_dimension  (LdFilterGroup *self);
const char   *ld_filter_group_get_title      (LdFilterGroup *self);
LdFacetModel *ld_filter_group_get_model      (LdFilterGroup *self);

gboolean      ld_filter_group_get_expanded   (LdFilterGroup *self);
void          ld_filter_group_set_expanded   (LdFilterGroup *self,
                                              gboolean       expanded);

/* Shows @result's options and @query's selection; NULL for both empties the group. */
void          ld_filter_group_update         (LdFilterGroup *self,
                                              LdQuery       *query,
                                              LdResult      *result);
/* Values selected in the query at the last update (the badge's number). */
guint         ld_filter_group_get_n_selected (LdFilterGroup *self);
/* Shows only the options whose label contains @text (the sidebar's search across
 * every group; NULL or "" shows all again). Returns how many match. */
guint         ld_filter_group_search         (LdFilterGroup *self,
                                              const char    *text);
/* The options the list shows now, its search applied. */
guint         ld_filter_group_get_n_matches  (LdFilterGroup *self);
/* See ld_facet_model_set_keep_order(): options stay where they are while set. */
void          ld_filter_group_set_keep_order (LdFilterGroup *self,
                                              gboolean       keep_order);

/* Activates win.toggle-filter for @value; FALSE when no window action answered. */
gboolean      ld_filter_group_toggle_value   (LdFilterGroup *self,
                                              const char    *value);
/* TRUE when the group shows a search entry (more than ten options, or a search typed). */
gboolean      ld_filter_group_has_search     (LdFilterGroup *self);
/* Expands the group and focuses its search entry; FALSE when it has none. */
gboolean      ld_filter_group_focus_search   (LdFilterGroup *self);

G_END_DECLS
