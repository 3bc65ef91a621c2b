/* ld-card.c — the base of the dashboard cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-a11y.h"
#include "ld-card-export.h"
#include "ld-card-private.h"
#include "ld-chart.h"
#include "ld-figure-view.h"

typedef struct
{
  char       *title;
  char       *headline;    /* the last model's, for screen readers */

  /* Template children */
  GtkLabel   *title_label;
  GtkWidget  *header_slot;
  GtkWidget  *menu_button;
  GtkWidget  *subheader;
  GtkFlowBox *figures_box;

  GPtrArray  *figures;     /* LdFigureView, in order */

  /* What the last update showed, for the menu's exports. */
  LdQuery    *query;
  LdResult   *result;
} LdCardPrivate;

static void ld_card_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (LdCard, ld_card, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (LdCard)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, ld_card_buildable_init))

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

/* The menu's actions (ld-card-export.c): enabled while the card shows a report. */
static const char *const card_actions[] = {
  "card.copy-image",
  "card.save-csv",
  "card.save-pdf",
  "card.print",
  "card.send-email",
};

static void
ld_card_set_title (LdCard     *self,
                   const char *title)
{
  LdCardPrivate *priv = ld_card_get_instance_private (self);
  g_autofree char *menu_label = NULL;

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

static void
show_figures (LdCard            *self,
              const LdCardModel *model)
{
  LdCardPrivate *priv = ld_card_get_instance_private (self);

  while (priv->figures->len < model->n_figures)
    {
      GtkWidget *figure = ld_figure_view_new ();

      gtk_flow_box_append (priv->figures_box, figure);
      /* The figures are read, not chosen: their flow box children take no focus. */
      gtk_widget_set_focusable (gtk_widget_get_parent (figure), FALSE);
      g_ptr_array_add (priv->figures, figure);
    }
  gtk_widget_set_visible (GTK_WIDGET (priv->figures_box), priv->figures->len > 0);

  for (guint i = 0; i < priv->figures->len && i < model->n_figures; i++)
    ld_figure_view_set (g_ptr_array_index (priv->figures, i), &model->figures[i]);
}

static LdCardModel *
create_model (LdCard *self)
{
  return LD_CARD_GET_CLASS (self)->create_model (self);
}

void
ld_card_refresh (LdCard *self)
{
  LdCardPrivate *priv;
  LdCardClass *klass;
  g_autoptr(LdCardModel) model = NULL;

  g_return_if_fail (LD_IS_CARD (self));

  priv = ld_card_get_instance_private (self);
  klass = LD_CARD_GET_CLASS (self);
  model = create_model (self);

  ld_card_set_title (self, model->title);
  show_figures (self, model);
  if (klass->show_model != NULL)
    klass->show_model (self, model);

  g_free (priv->headline);
  priv->headline = ld_card_model_get_headline_text (model);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, priv->headline,
                                  -1);
}

static LdCardModel *
ld_card_real_create_model (LdCard *self)
{
  LdCardPrivate *priv = ld_card_get_instance_private (self);

  return ld_card_model_new (priv->query, priv->result, ld_card_get_widget_id (self),
                            LD_CARD_MODEL_NO_SELECTION, NULL);
}

static LdWidgetId
ld_card_real_get_widget_id (LdCard *self)
{
  return LD_WIDGET_SUMMARY;
}

/* ---- GtkBuildable: where a subclass's template puts its children ----------------- */

static void
ld_card_buildable_add_child (GtkBuildable *buildable,
                             GtkBuilder   *builder,
                             GObject      *child,
                             const char   *type)
{
  LdCard *self = LD_CARD (buildable);
  LdCardPrivate *priv = ld_card_get_instance_private (self);

  if (!GTK_IS_WIDGET (child))
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (g_strcmp0 (type, "header") == 0)
    gtk_box_append (GTK_BOX (priv->header_slot), GTK_WIDGET (child));
  else if (g_strcmp0 (type, "subheader") == 0)
    {
      gtk_widget_set_hexpand (GTK_WIDGET (child), TRUE);
      gtk_box_append (GTK_BOX (priv->subheader), GTK_WIDGET (child));
      gtk_widget_set_visible (priv->subheader, TRUE);
    }
  else
    ld_card_append (self, GTK_WIDGET (child));
}

static void
ld_card_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = ld_card_buildable_add_child;
}

/* ---- GObject --------------------------------------------------------------------- */

static void
ld_card_constructed (GObject *object)
{
  G_OBJECT_CLASS (ld_card_parent_class)->constructed (object);

  /* Every card starts empty, as it is before a report is open. */
  ld_card_update (LD_CARD (object), NULL, NULL);
}

static void
ld_card_dispose (GObject *object)
{
  LdCard *self = LD_CARD (object);
  LdCardPrivate *priv = ld_card_get_instance_private (self);
  GtkWidget *child;

  /* The template's children and everything a subclass appended. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&priv->figures, g_ptr_array_unref);
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
  g_free (priv->headline);

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
ld_card_class_init (LdCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ld_card_constructed;
  object_class->dispose = ld_card_dispose;
  object_class->finalize = ld_card_finalize;
  object_class->get_property = ld_card_get_property;

  klass->create_model = ld_card_real_create_model;
  klass->get_widget_id = ld_card_real_get_widget_id;

  /* The title comes from the card's model, as the exports' does. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  ld_card_class_install_export_actions (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-card.ui");
  gtk_widget_class_bind_template_child_private (widget_class, LdCard, title_label);
  gtk_widget_class_bind_template_child_private (widget_class, LdCard, header_slot);
  gtk_widget_class_bind_template_child_private (widget_class, LdCard, menu_button);
  gtk_widget_class_bind_template_child_private (widget_class, LdCard, subheader);
  gtk_widget_class_bind_template_child_private (widget_class, LdCard, figures_box);

  gtk_widget_class_set_css_name (widget_class, "ldcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ld_card_init (LdCard *self)
{
  LdCardPrivate *priv = ld_card_get_instance_private (self);

  priv->figures = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ld_a11y_hide_tooltip_while_open (GTK_MENU_BUTTON (priv->menu_button));
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
  ld_card_refresh (self);

  for (guint i = 0; i < G_N_ELEMENTS (card_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), card_actions[i], result != NULL);
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

LdCardModel *
ld_card_create_model (LdCard *self)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  if (priv->result == NULL)
    return NULL;

  return create_model (self);
}

const char *
ld_card_get_title (LdCard *self)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  return priv->title != NULL ? priv->title : "";
}

char *
ld_card_get_headline_text (LdCard *self)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  return g_strdup (priv->headline != NULL ? priv->headline : "");
}

LdWidgetId
ld_card_get_widget_id (LdCard *self)
{
  g_return_val_if_fail (LD_IS_CARD (self), LD_WIDGET_SUMMARY);

  return LD_CARD_GET_CLASS (self)->get_widget_id (self);
}

/* ---- for subclasses and tests ---------------------------------------------------- */

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
ld_card_get_n_figures (LdCard *self)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), 0);

  priv = ld_card_get_instance_private (self);
  return priv->figures->len;
}

GtkLabel *
ld_card_get_figure_label (LdCard *self,
                          guint   index)
{
  LdCardPrivate *priv;

  g_return_val_if_fail (LD_IS_CARD (self), NULL);

  priv = ld_card_get_instance_private (self);
  g_return_val_if_fail (index < priv->figures->len, NULL);

  return ld_figure_view_get_value_label (g_ptr_array_index (priv->figures, index));
}

void
ld_card_draw_chart (LdCard             *self,
                    cairo_t            *cr,
                    double              width,
                    double              height,
                    const LdChartTheme *theme)
{
  g_autoptr(LdCardModel) model = NULL;
  double x = 0;

  g_return_if_fail (LD_IS_CARD (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL);

  model = create_model (self);
  for (guint i = 0; i < model->n_charts && width > 0 && height > 0; i++)
    {
      double w = width / model->n_charts;

      cairo_save (cr);
      cairo_translate (cr, x, 0);
      ld_chart_draw (&model->charts[i], cr, w, height, theme);
      cairo_restore (cr);
      x += w;
    }
}
