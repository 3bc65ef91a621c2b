/* ld-facet-item.c — one option of a sidebar filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-facet-item.h"

struct _LdFacetItem
{
  GObject  parent_instance;

  char    *value;
  char    *label;
  guint64  provisioned;
  guint    placeholder : 1;
  guint    selected : 1;
  guint    present : 1;
};

G_DEFINE_FINAL_TYPE (LdFacetItem, ld_facet_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_LABEL,
  PROP_PLACEHOLDER,
  PROP_PROVISIONED,
  PROP_SELECTED,
  PROP_PRESENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ld_facet_item_finalize (GObject *object)
{
  LdFacetItem *self = LD_FACET_ITEM (object);

  g_free (self->value);
  g_free (self->label);

  G_OBJECT_CLASS (ld_facet_item_parent_class)->finalize (object);
}

static void
ld_facet_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LdFacetItem *self = LD_FACET_ITEM (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_boolean (value, self->placeholder);
      break;
    case PROP_PROVISIONED:
      g_value_set_uint64 (value, self->provisioned);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    case PROP_PRESENT:
      g_value_set_boolean (value, self->present);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_facet_item_class_init (LdFacetItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ld_facet_item_finalize;
  object_class->get_property = ld_facet_item_get_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_boolean ("placeholder", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVISIONED] =
    g_param_spec_uint64 ("provisioned", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENT] =
    g_param_spec_boolean ("present", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_facet_item_init (LdFacetItem *self)
{
  self->present = TRUE;
}

LdFacetItem *
ld_facet_item_new (const char *value,
                   const char *label,
                   gboolean    placeholder)
{
  LdFacetItem *self = g_object_new (LD_TYPE_FACET_ITEM, NULL);

  self->value = g_strdup (value);
  self->label = g_strdup (label);
  self->placeholder = !!placeholder;
  return self;
}

void
ld_facet_item_set_figures (LdFacetItem *self,
                           guint64      provisioned,
                           gboolean     selected,
                           gboolean     present)
{
  g_return_if_fail (LD_IS_FACET_ITEM (self));

  selected = !!selected;
  present = !!present;

  /* Freeze so a bound row redraws once however many figures changed. */
  g_object_freeze_notify (G_OBJECT (self));
  if (self->provisioned != provisioned)
    {
      self->provisioned = provisioned;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVISIONED]);
    }
  if (self->selected != (guint) selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  if (self->present != (guint) present)
    {
      self->present = present;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ld_facet_item_get_value (LdFacetItem *self)
{
  g_return_val_if_fail (LD_IS_FACET_ITEM (self), NULL);
  return self->value;
}

const char *
ld_facet_item_get_label (LdFacetItem *self)
{
  g_return_val_if_fail (LD_IS_FACET_ITEM (self), NULL);
  return self->label;
}

gboolean
ld_facet_item_get_placeholder (LdFacetItem *self)
{
  g_return_val_if_fail (LD_IS_FACET_ITEM (self), FALSE);
  return self->placeholder;
}

guint64
ld_facet_item_get_provisioned (LdFacetItem *self)
{
  g_return_val_if_fail (LD_IS_FACET_ITEM (self), 0);
  return self->provisioned;
}

gboolean
ld_facet_item_get_selected (LdFacetItem *self)
{
  g_return_val_if_fail (LD_IS_FACET_ITEM (self), FALSE);
  return self->selected;
}

gboolean
ld_facet_item_get_present (LdFacetItem *self)
{
  g_return_val_if_fail (LD_IS_FACET_ITEM (self), FALSE);
  return self->present;
}
