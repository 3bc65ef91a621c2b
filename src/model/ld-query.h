/* ld-query.h — a date range and six filters over a report, and the figures they give
 *
 * An LdQuery holds the user's choices (SPEC §3); ld_query_run() scans the rows of the
 * range once (and, more lightly, those before it: the previous period, and who is a
 * new customer) and returns an immutable LdResult with every figure and table of
 * SPEC §3–§5 and the facet totals for the sidebar. The query keeps its scratch
 * buffers between runs, so re-running after a filter change is cheap. One query is
 * used from one thread at a time; results may be read from any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "ld-report.h"
#include "ld-result.h"

G_BEGIN_DECLS

typedef enum {
  LD_RANGE_LAST_6,    /* the default */
  LD_RANGE_LAST_12,
  LD_RANGE_ALL,
  LD_RANGE_CUSTOM,
} LdRangePreset;

/* "last-6", "last-12", "all"; "custom" for LD_RANGE_CUSTOM. */
const char *ld_range_preset_to_string (LdRangePreset preset);
/* Parses the command line's --range: a preset name or "YYYY-MM:YYYY-MM". */
gboolean    ld_range_parse (const char    *text,
                            LdRangePreset *preset,
                            int           *from_month,
                            int           *to_month);

#define LD_TYPE_QUERY (ld_query_get_type ())
G_DECLARE_FINAL_TYPE (LdQuery, ld_query, LD, QUERY, GObject)

LdQuery       *ld_query_new (LdReport *report);
LdReport      *ld_query_get_report (LdQuery *self);

/* Presets are anchored to the report's last month. A custom range is inclusive and
 * may reach outside the data (its months then count zero); from > to is swapped. */
void           ld_query_set_range_preset (LdQuery *self, LdRangePreset preset);
void           ld_query_set_custom_range (LdQuery *self, int from_month, int to_month);
LdRangePreset  ld_query_get_range_preset (LdQuery *self);
/* The effective months; both -1 when the report is empty. */
void           ld_query_get_range (LdQuery *self, int *from_month, int *to_month);

/* Filter values are the texts shown in the sidebar (for LD_DIM_COUNTRY, the code).
 * A value that the report does not hold may still be selected: it matches nothing. */
void           ld_query_add_filter_value    (LdQuery *self, LdDimension dim, const char *value);
void           ld_query_remove_filter_value (LdQuery *self, LdDimension dim, const char *value);
gboolean       ld_query_has_filter_value    (LdQuery *self, LdDimension dim, const char *value);
/* The selected values of @dim, in the order they were added (NULL-terminated, owned). */
const char *const *ld_query_get_filter_values (LdQuery *self, LdDimension dim);
guint          ld_query_get_n_filter_values (LdQuery *self, LdDimension dim);
void           ld_query_clear_filter        (LdQuery *self, LdDimension dim);
void           ld_query_clear_all_filters   (LdQuery *self);

/* Restricts to one Analysis row, for the trend of the selected row (not a sidebar
 * filter, and not shown in facets). G_MAXUINT32 clears. */
void           ld_query_set_group_only    (LdQuery *self, guint32 group);
void           ld_query_set_customer_only (LdQuery *self, guint32 customer);
/* The restriction set above, or G_MAXUINT32 for none. */
guint32        ld_query_get_group_only    (LdQuery *self);
guint32        ld_query_get_customer_only (LdQuery *self);

LdResult      *ld_query_run (LdQuery *self);

/* The storage rows that pass the range and the filters, in file order, for the data
 * table (SPEC §5 "data"). Free with g_free. */
guint32       *ld_query_collect_rows (LdQuery *self, gsize *n_rows);

G_END_DECLS
