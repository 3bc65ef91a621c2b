/* ld-analysis-card-private.h — what the tests see inside the Analysis card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-analysis-card.h"

G_BEGIN_DECLS

/* The table's selection of the current view, the top-items chart and the trend
 * chart. */
GtkSingleSelection *ld_analysis_card_get_selection    (LdAnalysisCard *self);
GtkWidget          *ld_analysis_card_get_bar_chart    (LdAnalysisCard *self);
GtkWidget          *ld_analysis_card_get_trend_chart  (LdAnalysisCard *self);
/* The result behind the trend: the selected row's own query run, or the card's result. */
LdResult           *ld_analysis_card_get_trend_result (LdAnalysisCard *self);

G_END_DECLS
