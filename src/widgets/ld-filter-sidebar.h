/* ld-filter-sidebar.h — the six filters of SPEC §3 in one scrollable column
 *
 * The sidebar reads the query and never changes it: its controls activate the
 * window's actions (win.toggle-filter, win.clear-filter, win.clear-filters) and the
 * window, having re-run the query, calls ld_filter_sidebar_update().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-query.h"
#include "ld-filter-group.h"

G_BEGIN_DECLS

#define LD_TYPE_FILTER_SIDEBAR (ld_filter_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (LdFilterSidebar, ld_filter_sidebar, LD, FILTER_SIDEBAR, GtkWidget)

GtkWidget     *ld_filter_sidebar_new          (void);

/* Shows @result's options and @query's selection in every group; NULL for both
 * empties the sidebar (no report open). */
void           ld_filter_sidebar_update       (LdFilterSidebar *self,
                                               LdQuery         *query,
                                               LdResult        *result);
/* Ctrl+F: expands the first group offering a search and focuses its entry, or
 * focuses the first group's header when none does. */
void           ld_filter_sidebar_focus_search (LdFilterSidebar *self);

LdFilterGroup *ld_filter_sidebar_get_group    (LdFilterSidebar *self,
                                               LdDimension      dimension);
/* Filter values selected over all groups at the last update. */
guint          ld_filter_sidebar_get_n_active (LdFilterSidebar *self);

G_END_DECLS
