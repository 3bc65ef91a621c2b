/* ld-facet-model.h — the options of one sidebar filter as a GListModel
 *
 * Wraps the facet array of an LdResult directly (holding a reference on the
 * result) and makes an LdFacetItem only when a list view asks for a position, so
 * 100,000 customers cost one array, not 100,000 objects. Items keep their identity
 * across updates: a value still listed gets the same item, updated in place, and
 * "items-changed" covers only the span where the order of values differs, so rows,
 * focus and the scroll position survive a filter click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ld-result.h"
#include "ld-facet-item.h"

G_BEGIN_DECLS

#define LD_TYPE_FACET_MODEL (ld_facet_model_get_type ())
G_DECLARE_FINAL_TYPE (LdFacetModel, ld_facet_model, LD, FACET_MODEL, GObject)

LdFacetModel *ld_facet_model_new            (LdDimension   dimension);
LdDimension   ld_facet_model_get_dimension  (LdFacetModel *self);

/* Lists ld_result_get_facet() of @result for the model's dimension; NULL empties it. */
void          ld_facet_model_set_result     (LdFacetModel *self,
                                             LdResult     *result);
LdResult     *ld_facet_model_get_result     (LdFacetModel *self);

/* Keeps only the options whose label contains @text, ignoring case (NULL or "" keeps all). */
void          ld_facet_model_set_search     (LdFacetModel *self,
                                             const char   *text);
const char   *ld_facet_model_get_search     (LdFacetModel *self);

/* While @keep_order is set, a new result of the same report keeps the options where
 * they are (their figures change, their places do not; values new to the list come at
 * its end): the sidebar sets it while the pointer is over it, so an option does not
 * move under the pointer between two clicks. Unset, the result's order comes back. */
void          ld_facet_model_set_keep_order (LdFacetModel *self,
                                             gboolean      keep_order);

/* All options of the result, whatever the search. */
guint         ld_facet_model_get_n_options  (LdFacetModel *self);
/* Options flagged selected (including selected values absent from the range). */
guint         ld_facet_model_get_n_selected (LdFacetModel *self);

G_END_DECLS
