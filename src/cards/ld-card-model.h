/* ld-card-model.h — what a dashboard card shows, worked out without GTK
 *
 * The view-model of a card: one place turns a query's result into a card's title,
 * headline figures, charts and caption line. The cards on screen show it, and the
 * exports (Copy Image, Save as PDF, Print, the dashboard report and the command
 * line's --format pdf|png) draw it with ld-card-layout.h, so a PDF can never
 * disagree with the screen. Numbers are formatted in the user's locale, as on
 * screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ld-chart.h"
#include "ld-query.h"
#include "ld-result.h"

G_BEGIN_DECLS

/* Which way a change line points and which colour it takes: UP and DOWN read a
 * rise as good news; a rise of unassigned licences or of suspended ones is bad
 * news (UP_BAD, DOWN_GOOD), and some figures are neither (the _NEUTRAL pair). */
typedef enum
{
  LD_FIGURE_TREND_NONE,
  LD_FIGURE_TREND_UP,
  LD_FIGURE_TREND_DOWN,
  LD_FIGURE_TREND_UP_BAD,
  LD_FIGURE_TREND_DOWN_GOOD,
  LD_FIGURE_TREND_UP_NEUTRAL,
  LD_FIGURE_TREND_DOWN_NEUTRAL,
} LdFigureTrend;

/* 1 for a rise, -1 for a fall, 0 for no change line or no direction. */
int            ld_figure_trend_get_direction  (LdFigureTrend trend);
/* 1 for good news, -1 for bad news, 0 for neither. */
int            ld_figure_trend_get_sentiment  (LdFigureTrend trend);

typedef struct
{
  char          *caption;  /* "Provisioned" */
  char          *value;    /* "1,234" */
  /* The line under the value: the change against the previous period (SPEC §3),
   * "12.5% vs Dec 2025 – May 2026", or what the value is of ("Contoso"); NULL for
   * none — a figure with no previous period to compare with has none. */
  char          *change;
  LdFigureTrend  trend;
  /* The change as a sentence says it, "up 12.5% compared with Dec 2025 – May 2026";
   * NULL: the change line is said as it is. */
  char          *spoken_change;
} LdCardFigure;

/* The change line as drawn: "▲ 12.5% vs Dec 2025 – May 2026" for a rise, "▼ …" for a
 * fall, the change alone otherwise; NULL when the figure has no change line. */
char          *ld_card_figure_get_change_text (const LdCardFigure *figure);

#define LD_CARD_MODEL_MAX_FIGURES 5
#define LD_CARD_MODEL_MAX_CHARTS  3

typedef struct _LdCardModel LdCardModel;

struct _LdCardModel
{
  LdWidgetId    widget;
  char         *title;      /* "Licenses" */
  char         *subtitle;   /* "By product" for the Analysis views, else NULL */
  LdCardFigure  figures[LD_CARD_MODEL_MAX_FIGURES];
  guint         n_figures;
  LdChart       charts[LD_CARD_MODEL_MAX_CHARTS];
  guint         n_charts;
  /* "report.csv · Jun 2026 – Nov 2026 · Country/region: DE": what the figures count. */
  char         *caption;
  /* Charts side by side need a wide page: PDFs of such cards are landscape. */
  gboolean      wide;

  /*< private >*/
  GPtrArray    *strings;    /* labels the chart data borrow */
  GPtrArray    *arrays;     /* series values and bar items */
};

/* No selected Analysis row. */
#define LD_CARD_MODEL_NO_SELECTION G_MAXUINT32

/* The model of @widget's card (any but LD_WIDGET_DATA) for @result. @query (may be
 * NULL) gives the caption its filters; @selected is the Analysis row whose
 * monthly trend is shown — a product group for LD_WIDGET_ANALYSIS_PRODUCTS, a
 * customer for LD_WIDGET_ANALYSIS_CUSTOMERS — or LD_CARD_MODEL_NO_SELECTION,
 * and @selected_result that row's figures (NULL: worked out here from @query).
 * @result NULL gives the empty card shown before a report is open. */
LdCardModel   *ld_card_model_new    (LdQuery     *query,
                                     LdResult    *result,
                                     LdWidgetId   widget,
                                     guint32      selected,
                                     LdResult    *selected_result);
/* The model of a card of a customer's page: @query and @result are restricted to
 * the customer (ld_query_set_customer_only(), or its name as the only Customer
 * name filter), @customer is its name as the page shows it. LD_WIDGET_SUMMARY is
 * the overview (its figures against the previous period), LD_WIDGET_LICENSES its
 * monthly trend, LD_WIDGET_ANALYSIS_PRODUCTS its offers and plans,
 * LD_WIDGET_STATES its licence states. */
LdCardModel   *ld_card_model_new_for_customer (LdQuery     *query,
                                               LdResult    *result,
                                               LdWidgetId   widget,
                                               const char  *customer);
void           ld_card_model_free   (LdCardModel *self);

/* The @nth chart of @kind, or NULL. */
const LdChart *ld_card_model_get_chart (const LdCardModel *self,
                                        LdChartKind        kind,
                                        guint              nth);

/* The headline figures as one translated sentence, the same words the card
 * gives screen readers: "Provisioned: 1,234, up 12.5% compared with Dec 2025 –
 * May 2026; …". */
char          *ld_card_model_get_headline_text (const LdCardModel *self);

/* A copy of @query's range and filters over the same report, for an Analysis
 * row's own figures (ld_query_set_group_only() and friends). */
LdQuery       *ld_card_model_copy_query (LdQuery *query);
/* Gives @copy (over the same report) @query's range, filters and restrictions to one
 * group or customer. */
void           ld_card_model_sync_query (LdQuery *copy,
                                         LdQuery *query);
/* A query of @query's own, kept on it under @key and synced to it on each call, for
 * runs that follow @query's (the previous period, a customer's page): it keeps its
 * scratch from one run to the next. Owned by @query. */
LdQuery       *ld_card_model_scratch_query (LdQuery    *query,
                                            const char *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdCardModel, ld_card_model_free)

G_END_DECLS
