/* ld-date-range-button.h — the header bar's date range control (SPEC §3)
 *
 * A menu button labelled with the range ("Last 6 months", "Jun 2026 – Nov 2026")
 * whose popover offers the presets (win.range "last-6", "last-12", "all") and a
 * custom pair of months from the data (win.custom-range (from, to)). Like the
 * sidebar, it never changes the query: the window calls ld_date_range_button_update().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-query.h"

G_BEGIN_DECLS

#define LD_TYPE_DATE_RANGE_BUTTON (ld_date_range_button_get_type ())
G_DECLARE_FINAL_TYPE (LdDateRangeButton, ld_date_range_button, LD, DATE_RANGE_BUTTON, GtkWidget)

GtkWidget  *ld_date_range_button_new       (void);

/* Shows @query's range and offers its report's months; NULL disables the button. */
void        ld_date_range_button_update    (LdDateRangeButton *self,
                                            LdQuery           *query);
/* The text on the button, e.g. "Last 6 months". */
void        ld_date_range_button_set_compact (LdDateRangeButton *self,
                                              gboolean           compact);
const char *ld_date_range_button_get_label (LdDateRangeButton *self);

G_END_DECLS
