/* ld-card.h — the base of the dashboard cards: title, menu, headline figures, body
 *
 * A card is a libadwaita "card" (data/ui/ld-card.ui) with a header row (title, an
 * optional control, the ellipsis menu), a row of big headline figures with their
 * change over the range, and a body that subclasses fill with charts and tables.
 * What it shows comes from its view-model (ld-card-model.h), which the exports draw
 * too. The four menu actions (card.copy-image, card.save-csv, card.save-pdf,
 * card.print) live on this class, so every card's menu acts on its own card.
 * Subclasses and tests use ld-card-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-card-model.h"
#include "ld-query.h"
#include "ld-result.h"

G_BEGIN_DECLS

#define LD_TYPE_CARD (ld_card_get_type ())
G_DECLARE_DERIVABLE_TYPE (LdCard, ld_card, LD, CARD, GtkWidget)

struct _LdCardClass
{
  GtkWidgetClass parent_class;

  /* Brings the subclass's own widgets (tables, a map) to @result before the card
   * shows its model; @query and @result are NULL when no report is open. */
  void          (*update)        (LdCard            *self,
                                  LdQuery           *query,
                                  LdResult          *result);
  /* The SPEC §5 table of the card's current view. */
  LdWidgetId    (*get_widget_id) (LdCard            *self);
  /* What the card shows now; the default is ld_card_model_new() for the card's
   * widget id with no selected row. Called with no report too (the empty card). */
  LdCardModel  *(*create_model)  (LdCard            *self);
  /* Shows @model's charts; the card itself shows its title and figures. */
  void          (*show_model)    (LdCard            *self,
                                  const LdCardModel *model);
};

/* Shows @query's @result; both NULL when no report is open. */
void         ld_card_update            (LdCard   *self,
                                        LdQuery  *query,
                                        LdResult *result);
const char  *ld_card_get_title         (LdCard   *self);
/* The headline figures as one translated sentence, for screen readers. */
char        *ld_card_get_headline_text (LdCard   *self);
/* The SPEC §5 table of the card's current view. */
LdWidgetId   ld_card_get_widget_id     (LdCard   *self);

/* The query and result of the last update, or NULL. */
LdQuery     *ld_card_get_query         (LdCard   *self);
LdResult    *ld_card_get_result        (LdCard   *self);
/* What Copy Image, Save as PDF and Print draw: the card's current view with its
 * figures as on screen. NULL when no report is open. */
LdCardModel *ld_card_create_model      (LdCard   *self);

G_END_DECLS
