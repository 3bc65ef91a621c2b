/* ld-card.h — the base of the dashboard cards: title, menu, headline figures, body
 *
 * A card is a libadwaita "card" with a header row (title, an optional extra widget,
 * the ellipsis menu), a row of big headline figures with their change over the
 * range, and a body that subclasses fill with charts and tables. The four menu
 * actions (card.copy-image, card.save-csv, card.save-pdf, card.print) live on this
 * class, so every card's menu acts on its own card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-card-model.h"
#include "ld-chart-theme.h"
#include "ld-query.h"
#include "ld-result.h"

G_BEGIN_DECLS

#define LD_TYPE_CARD (ld_card_get_type ())
G_DECLARE_DERIVABLE_TYPE (LdCard, ld_card, LD, CARD, GtkWidget)

struct _LdCardClass
{
  GtkWidgetClass parent_class;

  /* @query and @result are NULL when no report is open. */
  void       (*update)        (LdCard             *self,
                               LdQuery            *query,
                               LdResult           *result);
  void       (*draw_chart)    (LdCard             *self,
                               cairo_t            *cr,
                               double              width,
                               double              height,
                               const LdChartTheme *theme);
  /* The SPEC §5 table of the card's current view. */
  LdWidgetId (*get_widget_id) (LdCard             *self);
  /* What the exports draw; the default is ld_card_model_new() for the card's
   * widget id with no selected row. NULL when the card has no report. */
  LdCardModel *(*create_content) (LdCard        *self);
};

/* Which colour a change line takes: a rise reads as good news. The same values
 * as LdFigureTrend, which the exports use. */
typedef enum
{
  LD_CARD_TREND_NONE = LD_FIGURE_TREND_NONE,
  LD_CARD_TREND_UP = LD_FIGURE_TREND_UP,
  LD_CARD_TREND_DOWN = LD_FIGURE_TREND_DOWN,
} LdCardTrend;

void        ld_card_update            (LdCard             *self,
                                       LdQuery            *query,
                                       LdResult           *result);
const char *ld_card_get_title         (LdCard             *self);
/* The headline figures as one translated sentence, for screen readers and exports. */
char       *ld_card_get_headline_text (LdCard             *self);
LdWidgetId  ld_card_get_widget_id     (LdCard             *self);
void        ld_card_draw_chart        (LdCard             *self,
                                       cairo_t            *cr,
                                       double              width,
                                       double              height,
                                       const LdChartTheme *theme);

/* The query and result of the last update, or NULL. */
LdQuery    *ld_card_get_query         (LdCard             *self);
LdResult   *ld_card_get_result        (LdCard             *self);
/* What Copy Image, Save as PDF and Print draw: the card's current view with its
 * figures as on screen. NULL when no report is open. */
LdCardModel *ld_card_create_content (LdCard             *self);

/* For subclasses. */
/* Shows @content's headline figures (the first ld_card_get_n_figures() of them). */
void        ld_card_set_figures_from_content (LdCard              *self,
                                              const LdCardModel *content);
void        ld_card_set_title         (LdCard             *self,
                                       const char         *title);
void        ld_card_set_header_widget (LdCard             *self,
                                       GtkWidget          *widget);
/* A full-width row under the header, for a control that no longer fits beside the title. */
void        ld_card_set_subheader     (LdCard             *self,
                                       GtkWidget          *widget);
void        ld_card_append            (LdCard             *self,
                                       GtkWidget          *child);
/* Adds a headline figure with its caption; returns its index. */
guint       ld_card_add_figure        (LdCard             *self,
                                       const char         *caption);
/* @caption NULL keeps the caption; @change NULL or "" hides the change line. */
void        ld_card_set_figure        (LdCard             *self,
                                       guint               index,
                                       const char         *value,
                                       const char         *caption,
                                       const char         *change,
                                       LdCardTrend         trend);
/* The value label of a figure, for tests. */
GtkLabel   *ld_card_get_figure_label  (LdCard             *self,
                                       guint               index);
guint       ld_card_get_n_figures     (LdCard             *self);
/* Subclasses call this when their headline figures changed outside update(). */
void        ld_card_headline_changed  (LdCard             *self);

G_END_DECLS
