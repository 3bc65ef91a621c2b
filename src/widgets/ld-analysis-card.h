/* ld-analysis-card.h — provisioned and assigned by product or by customer
 *
 * A Products/Customers switch, a sortable table, a bar chart of the top items and
 * the monthly trend of the selected row (of all rows when none is selected).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-card.h"
#include "ld-row-model.h"

G_BEGIN_DECLS

#define LD_TYPE_ANALYSIS_CARD (ld_analysis_card_get_type ())
G_DECLARE_FINAL_TYPE (LdAnalysisCard, ld_analysis_card, LD, ANALYSIS_CARD, LdCard)

GtkWidget *ld_analysis_card_new      (void);

/* LD_ROW_KIND_PRODUCTS or LD_ROW_KIND_CUSTOMERS: the switch. */
void       ld_analysis_card_set_view (LdAnalysisCard *self,
                                      LdRowKind       kind);
LdRowKind  ld_analysis_card_get_view (LdAnalysisCard *self);

G_END_DECLS
