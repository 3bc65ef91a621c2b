/* ld-card.c — the base of the dashboard cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-card.h"
#include "ld-card-export.h"

typedef struct
{
  GtkWidget *box;
  GtkLabel  *caption;
  GtkLabel  *value;
  GtkLabel  *change;
  LdCardTrend trend;
} Figure;

typedef struct
{
  char       *title;

  GtkWidget  *header;
  GtkLabel   *title_label;
  GtkWidget  *header_slot;
  GtkWidget  *menu_button;
  GtkWidget  *subheader;
  GtkWidget  *figures_box;
  GArray     *figures;     /* Figure */

  /* What the last update showed, for the menu's exports. */
  LdQuery    *query;
  LdResult   *result;
} LdCardPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LdCard, ld_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The menu's actions (ld-card-export.c): enabled while the card shows a report. */
static const char *const card_actions[] = {
  "card.copy-image",
  "card.save-csv",
  "card.save-pdf",
  "card.print",
  "card.send-email",
};

static void
ld_card_dispose (GObject *object)
{
  LdCard *self = LD_CARD (object);
  LdCardPrivate *priv = ld_card_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&priv->figures, g_array_unref);
  g_clear_pointer (&priv->result, ld_result_unref);
  g_clear_object (&priv->query);

  G_OBJECT_CLASS (ld_card_parent_class)->dispose (object);
}

static void
ld_card_finalize (GObject *object)
{
  LdCard *self = LD_CARD (object);
  LdCardPrivate *priv = ld_card_get_instance_private (self);

  g_free (priv->title);

  G_OBJECT_CLASS (ld_card_parent_class)->finalize (object);
}

static void
ld_card_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LdCard *self = LD_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ld_card_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_card_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LdCard *self = LD_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ld_card_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_card_class_init (LdCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_card_dispose;
  object_class->finalize = ld_card_finalize;
  object_class->get_property = ld_card_get_property;
  object_class->set_property = ld_card_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  ld_card_class_install_export_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "ldcard");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GMenuModel *
create_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  g_autoptr(GMenu) save = g_menu_new ();

  g_menu_append (copy, _("_Copy Image"), "card.copy-image");
  g_menu_append (copy, _("Send by _Email…"), "card.send-email");
  g_menu_append (save, _("Save Data as _CSV…"), "card.save-csv");
  g_menu_append (save, _("Save as _PDF…"), "card.save-pdf");
  g_menu_append (save, _("_Print…"), "card.print");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (save));

  return G_MENU_MODEL (menu);
}

static void
ld_card_init (LdCard *self)
{
  LdCardPrivate *priv = ld_card_get_instance_private (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(GMenuModel) menu = create_menu ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "ld-card");

  priv->figures = g_array_new (FALSE, TRUE, sizeof (Figure));

  for (guint i = 0; i < G_N_ELEMENTS (card_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), card_actions[i], FALSE);

  priv->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (priv->header, GTK_WIDGET (self));

  priv->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (priv->title_label, 0);
  gtk_label_set_wrap (priv->title_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (priv->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->title_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (priv->title_label), "ld-card-title");
  gtk_box_append (GTK_BOX (priv->header), GTK_WIDGET (priv->title_label));

  priv->header_slot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (priv->header_slot, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (priv->header), priv->header_slot);

  priv->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (priv->menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (priv->menu_button), menu);
  gtk_widget_set_tooltip_text (priv->menu_button, _("Card menu"));
  gtk_widget_set_valign (priv->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (priv->menu_button, "flat");
  gtk_box_append (GTK_BOX (priv->header), priv->menu_button);

  priv->subheader = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_visible (priv->subheader, FALSE);
  gtk_widget_set_parent (priv->subheader, GTK_WIDGET (self));

  /* A flow box lets the figures sit side by side on a wide card and wrap to
   * one per line on a phone-wide one, without a breakpoint. */
  priv->figures_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (priv->figures_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (priv->figures_box), FALSE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (priv->figures_box), 36);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (priv->figures_box), 12);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (priv->figures_box), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (priv->figures_box), 4);
  gtk_widget_add_css_class (priv->figures_box, "ld-card-figures");
  gtk_widget_set_visible (priv->figures_box, FALSE);
  gtk_widget_set_parent (priv->figures_box, GTK_WIDGET (self));
}

/* ---- public API ------------------------------------------------------------------ */

void
ld_card_update (LdCard   *self,
                LdQuery  *query,
                LdResult *result)
{
  LdCardPrivate *priv;
  LdCardClass *klass;

  g_return_if_fail (LD_IS_CARD (self));
  g_return_if_fail (query == NULL || LD_IS_QUERY (query));

  priv = ld_card_get_instance_private (self);
  /* Kept before the subclass updates, so its figures and an export agree. */
  g_set_object (&priv->query, query);
  if (priv->result != result)
    {
      g_clear_pointer (&priv->result, ld_result_unref);
      priv->result = result != NULL ? ld_result_ref (result) : NULL;
    }

  klass = LD_CARD_GET_CLASS (self);
  if (klass->update != NULL)
    klass->update (self, query, result);

  for (guint i = 0; i < G_N_ELEMENTS (card_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), card_actions[i], result != NULL);

  ld_card_headline_changed (self);
}

LdQuery *
ld_card_get_query (LdCard *self)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  return priv->query;
}

LdResult *
ld_card_get_result (LdCard *self)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  return priv->result;
}

LdCardContent *
ld_card_create_content (LdCard *self)
{
  LdCardPrivate *priv;
  LdCardClass *klass;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  if (priv->result == NULL)
    return NULL;

  klass = LD_CARD_GET_CLASS (self);
  if (klass->create_content != NULL)
    return klass->create_content (self);

  return ld_card_content_new (priv->query, priv->result, ld_card_get_widget_id (self),
                              LD_CARD_CONTENT_NO_SELECTION, NULL);
}

const char *
ld_card_get_title (LdCard *self)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  return priv->title != NULL ? priv->title : "";
}

void
ld_card_set_title (LdCard     *self,
                   const char *title)
{
  LdCardPrivate *priv;
  g_autofree char *menu_label = NULL;

  g_return_if_fail (LD_IS_CARD (self));

  priv = ld_card_get_instance_private (self);
  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);

  gtk_label_set_label (priv->title_label, ld_card_get_title (self));
  /* TRANSLATORS: the accessible name of a card's ellipsis button, "Licenses menu". */
  menu_label = g_strdup_printf (_("%s menu"), ld_card_get_title (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ld_card_get_title (self),
                                  -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static char *
spoken_change (const Figure *figure)
{
  const char *change = gtk_label_get_label (figure->change);
  const char *text = g_object_get_data (G_OBJECT (figure->change), "ld-text");

  if (!gtk_widget_get_visible (GTK_WIDGET (figure->change)))
    return NULL;

  /* The arrows are drawn for the eye; a screen reader says the direction. */
  switch (figure->trend)
    {
    case LD_CARD_TREND_UP:
      /* TRANSLATORS: a rise in a sentence a screen reader says, "up 12.5% since Jun 2026". */
      return g_strdup_printf (_("up %s"), text);
    case LD_CARD_TREND_DOWN:
      /* TRANSLATORS: a fall in a sentence a screen reader says, "down 3.0% since Jun 2026". */
      return g_strdup_printf (_("down %s"), text);
    case LD_CARD_TREND_NONE:
    default:
      return g_strdup (change);
    }
}

char *
ld_card_get_headline_text (LdCard *self)
{
  LdCardPrivate *priv;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  text = g_string_new (NULL);

  for (guint i = 0; i < priv->figures->len; i++)
    {
      const Figure *figure = &g_array_index (priv->figures, Figure, i);
      g_autofree char *change = spoken_change (figure);
      g_autofree char *part = NULL;

      if (change != NULL)
        /* TRANSLATORS: one headline figure in a sentence: caption, value, change:
         * "Provisioned: 1,234, up 12.5% since Jun 2026". */
        part = g_strdup_printf (_("%s: %s, %s"),
                                gtk_label_get_label (figure->caption),
                                gtk_label_get_label (figure->value),
                                change);
      else
        /* TRANSLATORS: one headline figure in a sentence: "Customers: 1,234". */
        part = g_strdup_printf (_("%s: %s"),
                                gtk_label_get_label (figure->caption),
                                gtk_label_get_label (figure->value));

      if (text->len > 0)
        /* TRANSLATORS: separates the figures of a card's headline sentence. */
        g_string_append (text, _("; "));
      g_string_append (text, part);
    }

  if (text->len > 0)
    /* TRANSLATORS: ends a card's headline sentence. */
    g_string_append (text, _("."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

LdWidgetId
ld_card_get_widget_id (LdCard *self)
{
  LdCardClass *klass;

  g_return_val_if_fail (LD_IS_CARD (self), LD_WIDGET_SUMMARY);

  klass = LD_CARD_GET_CLASS (self);
  if (klass->get_widget_id == NULL)
    return LD_WIDGET_SUMMARY;

  return klass->get_widget_id (self);
}

void
ld_card_draw_chart (LdCard             *self,
                    cairo_t            *cr,
                    double              width,
                    double              height,
                    const LdChartTheme *theme)
{
  LdCardClass *klass;

  g_return_if_fail (LD_IS_CARD (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL);

  klass = LD_CARD_GET_CLASS (self);
  if (klass->draw_chart != NULL && width > 0 && height > 0)
    klass->draw_chart (self, cr, width, height, theme);
}

/* ---- for subclasses -------------------------------------------------------------- */

void
ld_card_set_header_widget (LdCard    *self,
                           GtkWidget *widget)
{
  LdCardPrivate *priv;
  GtkWidget *child;

  g_return_if_fail (LD_IS_CARD (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  priv = ld_card_get_instance_private (self);
  while ((child = gtk_widget_get_first_child (priv->header_slot)) != NULL)
    gtk_box_remove (GTK_BOX (priv->header_slot), child);
  if (widget != NULL)
    gtk_box_append (GTK_BOX (priv->header_slot), widget);
}

void
ld_card_set_subheader (LdCard    *self,
                       GtkWidget *widget)
{
  LdCardPrivate *priv;
  GtkWidget *child;

  g_return_if_fail (LD_IS_CARD (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  priv = ld_card_get_instance_private (self);
  while ((child = gtk_widget_get_first_child (priv->subheader)) != NULL)
    gtk_box_remove (GTK_BOX (priv->subheader), child);
  if (widget != NULL)
    {
      gtk_widget_set_hexpand (widget, TRUE);
      gtk_box_append (GTK_BOX (priv->subheader), widget);
    }
  gtk_widget_set_visible (priv->subheader, widget != NULL);
}

void
ld_card_append (LdCard    *self,
                GtkWidget *child)
{
  g_return_if_fail (LD_IS_CARD (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

guint
ld_card_add_figure (LdCard     *self,
                    const char *caption)
{
  LdCardPrivate *priv;
  Figure figure = { 0 };
  GtkWidget *flow_child;

  g_return_val_if_fail (LD_IS_CARD (self), 0);

  priv = ld_card_get_instance_private (self);

  figure.box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (figure.box, "ld-card-figure");

  figure.caption = GTK_LABEL (gtk_label_new (caption));
  gtk_label_set_xalign (figure.caption, 0);
  gtk_label_set_wrap (figure.caption, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (figure.caption), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (figure.caption), "dim-label");
  gtk_box_append (GTK_BOX (figure.box), GTK_WIDGET (figure.caption));

  figure.value = GTK_LABEL (gtk_label_new ("0"));
  gtk_label_set_xalign (figure.value, 0);
  gtk_label_set_selectable (figure.value, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (figure.value), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (figure.value), "numeric");
  gtk_box_append (GTK_BOX (figure.box), GTK_WIDGET (figure.value));

  figure.change = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (figure.change, 0);
  gtk_label_set_wrap (figure.change, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (figure.change), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (figure.change), "numeric");
  gtk_widget_set_visible (GTK_WIDGET (figure.change), FALSE);
  gtk_box_append (GTK_BOX (figure.box), GTK_WIDGET (figure.change));

  /* The value label is what a screen reader lands on: it names its caption. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (figure.value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, figure.caption, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, figure.change, NULL,
                                  -1);

  gtk_flow_box_append (GTK_FLOW_BOX (priv->figures_box), figure.box);
  flow_child = gtk_widget_get_parent (figure.box);
  gtk_widget_set_focusable (flow_child, FALSE);
  gtk_widget_set_visible (priv->figures_box, TRUE);

  g_array_append_val (priv->figures, figure);

  return priv->figures->len - 1;
}

void
ld_card_set_figure (LdCard      *self,
                    guint        index,
                    const char  *value,
                    const char  *caption,
                    const char  *change,
                    LdCardTrend  trend)
{
  LdCardPrivate *priv;
  Figure *figure;
  GtkWidget *change_widget;

  g_return_if_fail (LD_IS_CARD (self));

  priv = ld_card_get_instance_private (self);
  g_return_if_fail (index < priv->figures->len);

  figure = &g_array_index (priv->figures, Figure, index);
  change_widget = GTK_WIDGET (figure->change);

  gtk_label_set_label (figure->value, value != NULL ? value : "");
  if (caption != NULL)
    gtk_label_set_label (figure->caption, caption);

  figure->trend = trend;
  gtk_widget_remove_css_class (change_widget, "success");
  gtk_widget_remove_css_class (change_widget, "error");
  gtk_widget_remove_css_class (change_widget, "dim-label");

  if (change == NULL || *change == '\0')
    {
      gtk_widget_set_visible (change_widget, FALSE);
      gtk_label_set_label (figure->change, "");
      g_object_set_data (G_OBJECT (figure->change), "ld-text", NULL);
      return;
    }

  g_object_set_data_full (G_OBJECT (figure->change), "ld-text", g_strdup (change), g_free);
  switch (trend)
    {
    case LD_CARD_TREND_UP:
      {
        g_autofree char *text = g_strconcat ("▲ ", change, NULL);
        gtk_label_set_label (figure->change, text);
        gtk_widget_add_css_class (change_widget, "success");
      }
      break;
    case LD_CARD_TREND_DOWN:
      {
        g_autofree char *text = g_strconcat ("▼ ", change, NULL);
        gtk_label_set_label (figure->change, text);
        gtk_widget_add_css_class (change_widget, "error");
      }
      break;
    case LD_CARD_TREND_NONE:
    default:
      gtk_label_set_label (figure->change, change);
      gtk_widget_add_css_class (change_widget, "dim-label");
      break;
    }
  gtk_widget_set_visible (change_widget, TRUE);
}

void
ld_card_set_figures_from_content (LdCard              *self,
                                  const LdCardContent *content)
{
  LdCardPrivate *priv;

  g_return_if_fail (LD_IS_CARD (self));
  g_return_if_fail (content != NULL);

  priv = ld_card_get_instance_private (self);
  for (guint i = 0; i < priv->figures->len && i < content->n_figures; i++)
    {
      const LdCardFigure *figure = &content->figures[i];

      ld_card_set_figure (self, i, figure->value, figure->caption, figure->change,
                          (LdCardTrend) figure->trend);
    }
}

GtkLabel *
ld_card_get_figure_label (LdCard *self,
                          guint   index)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  g_return_val_if_fail (index < priv->figures->len, NULL);

  return g_array_index (priv->figures, Figure, index).value;
}

guint
ld_card_get_n_figures (LdCard *self)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), 0);

  priv = ld_card_get_instance_private (self);
  return priv->figures->len;
}

void
ld_card_headline_changed (LdCard *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LD_IS_CARD (self));

  text = ld_card_get_headline_text (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* ---- formatting helpers ---------------------------------------------------------- */

char *
ld_card_format_count (guint64 value)
{
  return ld_card_content_format_count (value);
}

char *
ld_card_format_rate (gint64 hundredths)
{
  return ld_card_content_format_rate (hundredths);
}

char *
ld_card_format_change (guint64      first,
                       guint64      last,
                       int          first_month,
                       LdCardTrend *trend)
{
  LdFigureTrend figure_trend = LD_FIGURE_TREND_NONE;
  char *text;

  g_return_val_if_fail (trend != NULL, NULL);

  text = ld_card_content_format_change (first, last, first_month, &figure_trend);
  *trend = (LdCardTrend) figure_trend;
  return text;
}
