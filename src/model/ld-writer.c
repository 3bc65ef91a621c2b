/* ld-writer.c — CSV and JSON output of a table (SPEC §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-writer.h"

static inline gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* A run of leading "'" is looked through, so that a text which already starts with
 * "'=" gets another one: reading then strips exactly one and the text comes back
 * unchanged, whatever it was. */
gboolean
ld_csv_needs_formula_escape (const char *text,
                             gsize       len)
{
  gsize i = 0;

  if (text == NULL)
    return FALSE;

  while (i < len && text[i] == '\'')
    i++;

  return i < len && is_formula_start (text[i]);
}

gboolean
ld_csv_has_formula_escape (const char *text,
                           gsize       len)
{
  if (text == NULL || len < 2 || text[0] != '\'')
    return FALSE;

  /* Only the writer's own escape is removed: the rest must be a text the writer
   * would have escaped. A plain "'quoted'" is left alone. */
  return ld_csv_needs_formula_escape (text + 1, len - 1);
}
