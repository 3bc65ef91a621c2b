/* ld-parse.h — the cell parsers of SPEC §2 (dates and counts), separate for tests and fuzzing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LD_DATE_INVALID,
  LD_DATE_ISO,        /* YYYY-MM-DD, YYYY/MM/DD, or an ISO 8601 date-time: @date is final */
  LD_DATE_SLASH,      /* M/D/YYYY or D/M/YYYY [time]: see the fields below */
} LdDateKind;

typedef struct {
  LdDateKind kind;
  guint32    date;        /* LD_DATE_ISO: packed YYYYMMDD */
  int        year;        /* LD_DATE_SLASH: the three parts as written */
  int        first;
  int        second;
  gboolean   valid_month_first;  /* first/second/year is a real date */
  gboolean   valid_day_first;    /* second/first/year is a real date */
} LdDateParse;

/* Parses one ActivationDate cell (@len bytes, not necessarily NUL-terminated).
 * Only the date part counts; a time, fraction or offset is checked and ignored.
 * Returns FALSE (kind LD_DATE_INVALID) on anything else, including 2026-02-30. */
gboolean ld_parse_date (const char *text, gsize len, LdDateParse *out);

/* Parses a count: a non-negative integer up to 2,147,483,647 with optional
 * surrounding spaces; "12.0" is 12; blank is 0. Anything else returns FALSE and
 * sets @reason to a static untranslated key: "negative", "fraction", "too-large",
 * "not-a-number". */
gboolean ld_parse_count (const char *text, gsize len, guint32 *out, const char **reason);

/* TRUE when y-m-d is a real Gregorian date with 1 <= year <= 9999. */
gboolean ld_date_is_valid (int year, int month, int day);

G_END_DECLS
