/* ld-country-codes.h — ISO 3166-1 codes and country names in the user's language
 *
 * Read once, lazily, from Debian's iso-codes data (iso_3166-1.json), whose
 * gettext domain "iso_3166-1" translates the names. Thread-safe after the
 * first call. Codes are matched case-insensitively ("de" is "DE").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when iso-codes could be read; without it every lookup fails softly
 * and callers fall back to the names the report carries. */
gboolean    ld_country_codes_available        (void);

/* The ISO numeric code of @alpha2 (276 for "DE"), or 0 when unknown. */
guint       ld_country_codes_get_numeric      (const char *alpha2);

/* The alpha-2 code of ISO numeric @numeric ("DE" for 276), or NULL. */
const char *ld_country_codes_from_numeric     (guint       numeric);

/* The English short name ("Germany", "South Korea"): iso-codes' common name
 * when it has one. Also knows XK, Kosovo's user-assigned code. NULL when unknown. */
const char *ld_country_codes_get_english_name (const char *alpha2);

/* The name in the user's language, or the English one; NULL when unknown. */
const char *ld_country_codes_get_name         (const char *alpha2);

/* Translates an English country name through iso-codes' gettext domain,
 * for names that come from elsewhere (the map's shapes). */
const char *ld_country_codes_translate        (const char *english_name);

/* The name to show for a report's country: the name in the user's language when
 * iso-codes translates it, otherwise @report_name (the CustomerCountry the file
 * carries), otherwise the English name; NULL when there is none of them. */
const char *ld_country_codes_display_name     (const char *alpha2,
                                               const char *report_name);

G_END_DECLS
