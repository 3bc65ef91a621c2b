/* ld-country-codes.c — ISO 3166-1 codes and names from iso-codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ld-country-codes.h"

#define ISO_DOMAIN "iso_3166-1"

typedef struct
{
  char  alpha2[3];
  guint numeric;
  char *english;   /* common_name, else name: both are msgids of the domain */
} Country;

typedef struct
{
  GArray     *countries;   /* Country, sorted by alpha2 */
  GHashTable *by_numeric;  /* GUINT_TO_POINTER (numeric) → Country* */
} Codes;

static int
compare_country (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Country *) a)->alpha2, ((const Country *) b)->alpha2);
}

static void
add_country (GArray     *countries,
             const char *alpha2,
             guint       numeric,
             const char *english)
{
  Country c = { { 0 }, numeric, g_strdup (english) };

  c.alpha2[0] = g_ascii_toupper (alpha2[0]);
  c.alpha2[1] = g_ascii_toupper (alpha2[1]);
  g_array_append_val (countries, c);
}

static Codes *
codes_load (void)
{
  Codes *codes = g_new0 (Codes, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean have_xk = FALSE;
  JsonNode *root;

  codes->countries = g_array_new (FALSE, FALSE, sizeof (Country));
  codes->by_numeric = g_hash_table_new (NULL, NULL);

  /* The names come translated by iso-codes' own catalogue, in UTF-8 whatever
   * the locale's charset. */
  bindtextdomain (ISO_DOMAIN, ISO_CODES_PREFIX "/share/locale");
  bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");

  path = g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json", "iso_3166-1.json", NULL);
  if (!json_parser_load_from_mapped_file (parser, path, &error))
    g_debug ("No ISO 3166-1 data, country names come from the report: %s", error->message);
  else if ((root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonArray *array = json_object_has_member (object, "3166-1")
                         ? json_object_get_array_member (object, "3166-1") : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonObject *entry = json_array_get_object_element (array, i);
          const char *alpha2, *numeric, *english;

          if (entry == NULL)
            continue;
          alpha2 = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
          numeric = json_object_get_string_member_with_default (entry, "numeric", "0");
          english = json_object_get_string_member_with_default (entry, "common_name", NULL);
          if (english == NULL)
            english = json_object_get_string_member_with_default (entry, "name", NULL);
          if (alpha2 == NULL || strlen (alpha2) != 2 || english == NULL)
            continue;
          if (g_ascii_strcasecmp (alpha2, "XK") == 0)
            have_xk = TRUE;
          add_country (codes->countries, alpha2, (guint) g_ascii_strtoull (numeric, NULL, 10), english);
        }
    }

  /* Kosovo has no ISO code yet; reports (and the map's shapes) use the
   * user-assigned XK, as the EU and Microsoft do. */
  if (!have_xk)
    add_country (codes->countries, "XK", 0, "Kosovo");

  g_array_sort (codes->countries, compare_country);
  for (guint i = 0; i < codes->countries->len; i++)
    {
      Country *c = &g_array_index (codes->countries, Country, i);

      if (c->numeric != 0)
        g_hash_table_insert (codes->by_numeric, GUINT_TO_POINTER (c->numeric), c);
    }

  return codes;
}

static Codes *
codes_get (void)
{
  static Codes *codes;

  if (g_once_init_enter (&codes))
    g_once_init_leave (&codes, codes_load ());

  return codes;
}

static const Country *
lookup (const char *alpha2)
{
  Codes *codes = codes_get ();
  Country key = { { 0 } };

  if (alpha2 == NULL || alpha2[0] == '\0' || alpha2[1] == '\0' || alpha2[2] != '\0')
    return NULL;

  key.alpha2[0] = g_ascii_toupper (alpha2[0]);
  key.alpha2[1] = g_ascii_toupper (alpha2[1]);

  return bsearch (&key, codes->countries->data, codes->countries->len,
                  sizeof (Country), compare_country);
}

gboolean
ld_country_codes_available (void)
{
  /* More than the XK entry we always add. */
  return codes_get ()->countries->len > 1;
}

guint
ld_country_codes_get_numeric (const char *alpha2)
{
  const Country *c = lookup (alpha2);

  return c != NULL ? c->numeric : 0;
}

const char *
ld_country_codes_from_numeric (guint numeric)
{
  const Country *c = g_hash_table_lookup (codes_get ()->by_numeric, GUINT_TO_POINTER (numeric));

  return c != NULL ? c->alpha2 : NULL;
}

const char *
ld_country_codes_get_english_name (const char *alpha2)
{
  const Country *c = lookup (alpha2);

  return c != NULL ? c->english : NULL;
}

const char *
ld_country_codes_translate (const char *english_name)
{
  if (english_name == NULL || *english_name == '\0')
    return english_name;

  /* Kosovo is not in iso-codes' catalogue, so it is in ours. */
  if (strcmp (english_name, "Kosovo") == 0)
    return _("Kosovo");

  codes_get ();  /* binds the domain */

  return g_dgettext (ISO_DOMAIN, english_name);
}

const char *
ld_country_codes_get_name (const char *alpha2)
{
  return ld_country_codes_translate (ld_country_codes_get_english_name (alpha2));
}

const char *
ld_country_codes_display_name (const char *alpha2,
                               const char *report_name)
{
  const char *english = alpha2 != NULL && alpha2[0] != '\0' ? ld_country_codes_get_english_name (alpha2) : NULL;
  const char *local = english != NULL ? ld_country_codes_get_name (alpha2) : NULL;

  /* Untranslated (an English locale), the report's own spelling is what the
   * publisher knows from Partner Center. */
  if (local != NULL && g_strcmp0 (local, english) != 0)
    return local;
  if (report_name != NULL && report_name[0] != '\0')
    return report_name;
  return english;
}
