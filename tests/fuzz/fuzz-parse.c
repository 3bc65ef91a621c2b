/* fuzz-parse.c — libFuzzer target for the cell parsers (dates and counts)
 *
 * Besides not crashing, each accepted value is checked against the rules of
 * SPEC §2: a date is a real date, a count fits 0…2,147,483,647.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "ld-parse.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* A copy of exactly @size bytes, so reading one past the cell is caught. */
  g_autofree char *text = g_memdup2 (data, size);
  LdDateParse date;
  guint32 count;
  const char *reason;

  if (ld_parse_date (text, size, &date))
    {
      g_assert (date.kind == LD_DATE_ISO || date.kind == LD_DATE_SLASH);
      if (date.kind == LD_DATE_ISO)
        g_assert (ld_date_is_valid (date.date / 10000, date.date / 100 % 100, date.date % 100));
      else
        {
          g_assert (date.valid_month_first || date.valid_day_first);
          g_assert (date.valid_month_first == ld_date_is_valid (date.year, date.first, date.second));
          g_assert (date.valid_day_first == ld_date_is_valid (date.year, date.second, date.first));
        }
    }
  else
    g_assert (date.kind == LD_DATE_INVALID);

  if (ld_parse_count (text, size, &count, &reason))
    {
      g_assert (reason == NULL);
      g_assert (count <= G_MAXINT32);
    }
  else
    {
      g_assert (count == 0);
      g_assert (g_strcmp0 (reason, "negative") == 0 || g_strcmp0 (reason, "fraction") == 0 ||
                g_strcmp0 (reason, "too-large") == 0 || g_strcmp0 (reason, "not-a-number") == 0);
    }

  return 0;
}
