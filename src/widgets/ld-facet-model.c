/* ld-facet-model.c — the options of one sidebar filter as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-country-codes.h"
#include "ld-facet-model.h"
#include "ld-model-enums.h"

/* Past this many items replaced, one "items-changed" costs more than a fresh list. */
#define RESHUFFLE_LIMIT 1000

/* An item a list view holds: the model keeps a weak pointer to it, and where it was
 * last listed, so an update can refresh it in place without searching. */
typedef struct {
  LdFacetItem *item;
  guint        position;  /* G_MAXUINT when the item's value moved or left the list */
} LiveItem;

struct _LdFacetModel
{
  GObject              parent_instance;

  LdDimension          dimension;

  LdResult            *result;
  const LdFacetOption *options;
  guint                n_options;
  guint                n_selected;

  /* Positions of options matching the search; NULL when there is no search. */
  guint               *index;
  guint                n_items;
  /* While the first of two "items-changed" runs, the new items in
   * [hidden_start, hidden_start + hidden_count) are not listed yet. */
  guint                hidden_start;
  guint                hidden_count;

  char                *search;         /* as the user typed it */
  char                *search_folded;  /* casefolded and normalized; NULL when empty */
  gboolean             search_ascii;

  GHashTable          *live;           /* item's value → LiveItem */

  /* While the order is kept, the options are a copy in the order shown (@kept, owned),
   * not the result's own array. */
  gboolean             keep_order;
  LdFacetOption       *kept;
};

static void ld_facet_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LdFacetModel, ld_facet_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ld_facet_model_list_model_init))

enum {
  PROP_0,
  PROP_DIMENSION,
  PROP_SEARCH,
  PROP_N_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static inline const LdFacetOption *
option_at (const LdFacetOption *options,
           const guint         *index,
           guint                position)
{
  return &options[index != NULL ? index[position] : position];
}

static inline gboolean
same_value (const char *a,
            const char *b)
{
  /* Values mostly point into the report's dictionaries, so equal ones are usually
   * the same pointer. */
  return a == b || strcmp (a, b) == 0;
}

/* The text a row shows and the search looks at. Returns @option's value itself
 * (no copy) unless the value needs words around it; then *@freeme holds the text. */
static const char *
option_label (LdFacetModel        *self,
              const LdFacetOption *option,
              gboolean            *placeholder,
              char               **freeme)
{
  *freeme = NULL;
  *placeholder = option->value[0] == '\0';

  if (*placeholder)
    {
      switch (self->dimension)
        {
        case LD_DIM_CUSTOMER:
          /* SPEC §3: customers who did not consent to share their name. */
          return _("Name not shared");
        case LD_DIM_COUNTRY:
          return _("Unknown country");
        case LD_DIM_STATE:
          /* The License states card's word for it. */
          return _("Not stated");
        case LD_DIM_OFFER_TYPE:
        case LD_DIM_OFFER:
        case LD_DIM_PLAN:
        case LD_N_DIMS:
        default:
          return _("Not specified");
        }
    }

  if (self->dimension == LD_DIM_COUNTRY && self->result != NULL)
    {
      /* The report keeps the first CustomerCountry seen with each code; a filter
       * still goes by the code, which the label keeps in brackets. */
      const char *file_name = ld_report_get_country_name (ld_result_get_report (self->result),
                                                          option->value);

      if (file_name != NULL)
        {
          const char *name = ld_country_codes_display_name (option->value, file_name);

          if (name != NULL && name[0] != '\0' && g_strcmp0 (name, option->value) != 0)
            {
              /* Translators: a country in the filter list, "Germany (DE)". */
              *freeme = g_strdup_printf (_("%s (%s)"), name, option->value);
              return *freeme;
            }
        }
    }

  return option->value;
}

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT);
}

/* Case-insensitive substring test for an ASCII @needle (already lower case).
 * Gives up with *@non_ascii set at the first non-ASCII byte of @hay, whose case
 * folding the caller must then do properly. */
static gboolean
ascii_contains (const char *hay,
                const char *needle,
                gboolean   *non_ascii)
{
  for (const char *p = hay; *p != '\0'; p++)
    {
      gsize j;

      if ((guchar) *p >= 0x80)
        {
          *non_ascii = TRUE;
          return FALSE;
        }
      if (g_ascii_tolower (*p) != needle[0])
        continue;
      for (j = 1; needle[j] != '\0'; j++)
        {
          if ((guchar) p[j] >= 0x80)
            {
              *non_ascii = TRUE;
              return FALSE;
            }
          if (p[j] == '\0' || g_ascii_tolower (p[j]) != needle[j])
            break;
        }
      if (needle[j] == '\0')
        return TRUE;
    }

  *non_ascii = FALSE;
  return FALSE;
}

static gboolean
matches_search (LdFacetModel        *self,
                const LdFacetOption *option)
{
  g_autofree char *freeme = NULL;
  g_autofree char *folded = NULL;
  gboolean placeholder;
  const char *label = option_label (self, option, &placeholder, &freeme);

  if (self->search_ascii)
    {
      gboolean non_ascii = FALSE;

      if (ascii_contains (label, self->search_folded, &non_ascii))
        return TRUE;
      if (!non_ascii)
        return FALSE;
    }

  folded = fold (label);
  return folded != NULL && strstr (folded, self->search_folded) != NULL;
}

static guint *
build_index (LdFacetModel        *self,
             const LdFacetOption *options,
             guint                n_options,
             guint               *n_items)
{
  guint *index;
  guint n = 0;

  if (self->search_folded == NULL)
    {
      *n_items = n_options;
      return NULL;
    }

  index = g_new (guint, MAX (n_options, 1));
  for (guint i = 0; i < n_options; i++)
    if (matches_search (self, &options[i]))
      index[n++] = i;

  *n_items = n;
  return index;
}

/* Installs a new option array and search index, and tells the list view only what
 * changed: the longest common prefix and suffix of values stay put, and items still
 * alive there are refreshed in place. The rest is one "items-changed"; items whose
 * value comes back in that span are found again by value in get_item(). */
static void
ld_facet_model_replace (LdFacetModel        *self,
                        LdResult            *result,
                        const LdFacetOption *options,
                        guint                n_options,
                        guint               *index,
                        guint                n_items)
{
  g_autoptr(LdResult) old_result = g_steal_pointer (&self->result);
  g_autofree guint *old_index = g_steal_pointer (&self->index);
  const LdFacetOption *old_options = self->options;
  guint old_n_items = self->n_items;
  guint old_n_options = self->n_options;
  guint prefix = 0;
  guint suffix = 0;
  guint limit = MIN (old_n_items, n_items);
  GHashTableIter iter;
  LiveItem *live;
  guint removed;
  guint added;

  while (prefix < limit &&
         same_value (option_at (old_options, old_index, prefix)->value,
                     option_at (options, index, prefix)->value))
    prefix++;
  while (suffix < limit - prefix &&
         same_value (option_at (old_options, old_index, old_n_items - 1 - suffix)->value,
                     option_at (options, index, n_items - 1 - suffix)->value))
    suffix++;

  self->result = result != NULL ? ld_result_ref (result) : NULL;
  self->options = options;
  self->n_options = n_options;
  self->index = index;
  self->n_items = n_items;

  self->n_selected = 0;
  for (guint i = 0; i < n_options; i++)
    if (options[i].selected)
      self->n_selected++;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &live))
    {
      guint q = live->position;
      const LdFacetOption *option;

      if (q == G_MAXUINT)
        continue;
      if (q < prefix)
        ;
      else if (q >= old_n_items - suffix && q < old_n_items)
        q = q - old_n_items + n_items;
      else
        {
          live->position = G_MAXUINT;
          continue;
        }

      option = option_at (options, index, q);
      g_assert (same_value (option->value, ld_facet_item_get_value (live->item)));
      live->position = q;
      ld_facet_item_set_figures (live->item, option->provisioned, option->selected, option->present);
    }

  removed = old_n_items - prefix - suffix;
  added = n_items - prefix - suffix;
  if (removed > 0 && added > RESHUFFLE_LIMIT)
    {
      /* A list view that loses the item it tracks (its anchor, focus) looks for it
       * among the added items one get_item() at a time: 100,000 item objects for a
       * re-sorted customer list. Removing first and adding after leaves it nothing
       * to look for; the re-sorted list starts from its top again. */
      self->hidden_start = prefix;
      self->hidden_count = added;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      self->hidden_count = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, added);
    }
  else if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (old_n_options != n_options)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPTIONS]);
}

static void
live_item_gone (gpointer  data,
                GObject  *where_the_object_was)
{
  LdFacetModel *self = data;

  /* Weak notifies run before finalize, so the item's value (the key) is still valid. */
  g_hash_table_remove (self->live, ld_facet_item_get_value ((LdFacetItem *) where_the_object_was));
}

static GType
ld_facet_model_get_item_type (GListModel *model)
{
  return LD_TYPE_FACET_ITEM;
}

static guint
ld_facet_model_get_n_items (GListModel *model)
{
  LdFacetModel *self = LD_FACET_MODEL (model);

  return self->n_items - self->hidden_count;
}

static gpointer
ld_facet_model_get_item (GListModel *model,
                         guint       position)
{
  LdFacetModel *self = LD_FACET_MODEL (model);
  const LdFacetOption *option;
  LiveItem *live;

  if (position >= self->n_items - self->hidden_count)
    return NULL;
  if (position >= self->hidden_start)
    position += self->hidden_count;

  option = option_at (self->options, self->index, position);
  live = g_hash_table_lookup (self->live, option->value);
  if (live == NULL)
    {
      g_autofree char *freeme = NULL;
      gboolean placeholder;
      const char *label = option_label (self, option, &placeholder, &freeme);

      live = g_new (LiveItem, 1);
      live->item = ld_facet_item_new (option->value, label, placeholder);
      g_object_weak_ref (G_OBJECT (live->item), live_item_gone, self);
      g_hash_table_insert (self->live, (gpointer) ld_facet_item_get_value (live->item), live);
      live->position = position;
      ld_facet_item_set_figures (live->item, option->provisioned, option->selected, option->present);
      /* The list view owns the item; the table only follows it. */
      return live->item;
    }

  live->position = position;
  ld_facet_item_set_figures (live->item, option->provisioned, option->selected, option->present);
  return g_object_ref (live->item);
}

static void
ld_facet_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ld_facet_model_get_item_type;
  iface->get_n_items = ld_facet_model_get_n_items;
  iface->get_item = ld_facet_model_get_item;
}

static void
ld_facet_model_dispose (GObject *object)
{
  LdFacetModel *self = LD_FACET_MODEL (object);
  GHashTableIter iter;
  LiveItem *live;

  if (self->live != NULL)
    {
      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &live))
        g_object_weak_unref (G_OBJECT (live->item), live_item_gone, self);
      g_clear_pointer (&self->live, g_hash_table_unref);
    }
  g_clear_pointer (&self->result, ld_result_unref);
  g_clear_pointer (&self->kept, g_free);
  self->options = NULL;
  self->n_options = 0;
  self->n_items = 0;
  g_clear_pointer (&self->index, g_free);

  G_OBJECT_CLASS (ld_facet_model_parent_class)->dispose (object);
}

static void
ld_facet_model_finalize (GObject *object)
{
  LdFacetModel *self = LD_FACET_MODEL (object);

  g_free (self->search);
  g_free (self->search_folded);

  G_OBJECT_CLASS (ld_facet_model_parent_class)->finalize (object);
}

static void
ld_facet_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LdFacetModel *self = LD_FACET_MODEL (object);

  switch (prop_id)
    {
    case PROP_DIMENSION:
      g_value_set_enum (value, self->dimension);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_N_OPTIONS:
      g_value_set_uint (value, self->n_options);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_facet_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LdFacetModel *self = LD_FACET_MODEL (object);

  switch (prop_id)
    {
    case PROP_DIMENSION:
      self->dimension = g_value_get_enum (value);
      break;
    case PROP_SEARCH:
      ld_facet_model_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_facet_model_class_init (LdFacetModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ld_facet_model_dispose;
  object_class->finalize = ld_facet_model_finalize;
  object_class->get_property = ld_facet_model_get_property;
  object_class->set_property = ld_facet_model_set_property;

  /* An LdDimension; a plain int because the engine registers no enum types. */
  properties[PROP_DIMENSION] =
    g_param_spec_enum ("dimension", NULL, NULL, LD_TYPE_DIMENSION, LD_DIM_OFFER_TYPE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_OPTIONS] =
    g_param_spec_uint ("n-options", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_facet_model_init (LdFacetModel *self)
{
  self->live = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

LdFacetModel *
ld_facet_model_new (LdDimension dimension)
{
  g_return_val_if_fail (dimension < LD_N_DIMS, NULL);

  return g_object_new (LD_TYPE_FACET_MODEL, "dimension", (int) dimension, NULL);
}

LdDimension
ld_facet_model_get_dimension (LdFacetModel *self)
{
  g_return_val_if_fail (LD_IS_FACET_MODEL (self), 0);
  return self->dimension;
}

/* @options (@n_options of them) in the order the model shows now: each value listed
 * now keeps its place with its new figures, values new to the list follow in their
 * own order, values no longer listed go. Values of one report are the same pointers
 * (its dictionaries), so a pointer map finds them. Returns a new array. */
static LdFacetOption *
options_in_shown_order (LdFacetModel        *self,
                        const LdFacetOption *options,
                        guint                n_options)
{
  g_autoptr(GHashTable) position = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree guint8 *placed = g_new0 (guint8, MAX (n_options, 1));
  LdFacetOption *ordered = g_new (LdFacetOption, MAX (n_options, 1));
  guint n = 0;

  for (guint i = 0; i < n_options; i++)
    g_hash_table_insert (position, (gpointer) options[i].value, GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < self->n_options; i++)
    {
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (position, self->options[i].value));

      if (j == 0 || placed[j - 1])
        continue;
      placed[j - 1] = TRUE;
      ordered[n++] = options[j - 1];
    }
  for (guint i = 0; i < n_options; i++)
    if (!placed[i])
      ordered[n++] = options[i];

  return ordered;
}

void
ld_facet_model_set_result (LdFacetModel *self,
                           LdResult     *result)
{
  g_autofree LdFacetOption *old_kept = NULL;
  const LdFacetOption *options = NULL;
  guint n_options = 0;
  guint n_items = 0;
  guint *index;

  g_return_if_fail (LD_IS_FACET_MODEL (self));

  if (result != NULL)
    options = ld_result_get_facet (result, self->dimension, &n_options);

  /* The order is kept for a new result of the same report (a filter changed); a
   * report of its own comes in its own order. */
  old_kept = g_steal_pointer (&self->kept);
  if (self->keep_order && result != NULL && self->result != NULL &&
      ld_result_get_report (result) == ld_result_get_report (self->result))
    {
      self->kept = options_in_shown_order (self, options, n_options);
      options = self->kept;
    }

  /* The country labels read the new report, so the index is built with it in place. */
  if (result != self->result)
    {
      LdResult *previous = self->result;

      self->result = result;
      index = build_index (self, options, n_options, &n_items);
      self->result = previous;
    }
  else
    index = build_index (self, options, n_options, &n_items);

  ld_facet_model_replace (self, result, options, n_options, index, n_items);
}

void
ld_facet_model_set_keep_order (LdFacetModel *self,
                               gboolean      keep_order)
{
  g_return_if_fail (LD_IS_FACET_MODEL (self));

  keep_order = !!keep_order;
  if (self->keep_order == keep_order)
    return;
  self->keep_order = keep_order;

  /* Released: the result's own order again, moving what needs to move at once. */
  if (!keep_order && self->kept != NULL)
    {
      g_autoptr(LdResult) result = self->result != NULL ? ld_result_ref (self->result) : NULL;

      ld_facet_model_set_result (self, result);
    }
}

LdResult *
ld_facet_model_get_result (LdFacetModel *self)
{
  g_return_val_if_fail (LD_IS_FACET_MODEL (self), NULL);
  return self->result;
}

void
ld_facet_model_set_search (LdFacetModel *self,
                           const char   *text)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(LdResult) result = NULL;
  guint n_items = 0;
  guint *index;

  g_return_if_fail (LD_IS_FACET_MODEL (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (text);
  g_clear_pointer (&self->search_folded, g_free);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (trimmed[0] != '\0')
    {
      self->search_folded = fold (trimmed);
      self->search_ascii = TRUE;
      for (const char *p = self->search_folded; *p != '\0'; p++)
        if ((guchar) *p >= 0x80)
          self->search_ascii = FALSE;
    }

  index = build_index (self, self->options, self->n_options, &n_items);
  result = self->result != NULL ? ld_result_ref (self->result) : NULL;
  ld_facet_model_replace (self, result, self->options, self->n_options, index, n_items);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
ld_facet_model_get_search (LdFacetModel *self)
{
  g_return_val_if_fail (LD_IS_FACET_MODEL (self), NULL);
  return self->search;
}

guint
ld_facet_model_get_n_options (LdFacetModel *self)
{
  g_return_val_if_fail (LD_IS_FACET_MODEL (self), 0);
  return self->n_options;
}

guint
ld_facet_model_get_n_selected (LdFacetModel *self)
{
  g_return_val_if_fail (LD_IS_FACET_MODEL (self), 0);
  return self->n_selected;
}
