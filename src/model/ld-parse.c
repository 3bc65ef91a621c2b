/* ld-parse.c — the cell parsers of SPEC §2 (dates and counts)
 *
 * These run for every row of files with a million rows, so they walk the bytes by
 * hand: no sscanf, no locale, no allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-parse.h"

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Reads between @min and @max digits at *@p into @value; FALSE when fewer than @min. */
static inline gboolean
read_digits (const char **p,
             const char  *end,
             int          min,
             int          max,
             int         *value)
{
  const char *s = *p;
  int n = 0, v = 0;

  while (s < end && n < max && is_digit (*s))
    {
      v = v * 10 + (*s - '0');
      s++;
      n++;
    }
  if (n < min || (s < end && is_digit (*s)))
    return FALSE;

  *value = v;
  *p = s;
  return TRUE;
}

gboolean
ld_date_is_valid (int year,
                  int month,
                  int day)
{
  static const guint8 days_in_month[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int last;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return FALSE;

  last = days_in_month[month - 1];
  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
    last = 29;

  return day <= last;
}

/* The time after an ISO date, from just past the 'T' or space:
 * HH:MM[:SS[.fraction]][Z|±HH[:MM]|±HHMM]. The value is only checked. */
static gboolean
parse_iso_time (const char *p,
                const char *end)
{
  int hour, minute, second = 0, off_h, off_m = 0;

  if (!read_digits (&p, end, 2, 2, &hour) || p >= end || *p++ != ':' ||
      !read_digits (&p, end, 2, 2, &minute))
    return FALSE;

  if (p < end && *p == ':')
    {
      p++;
      if (!read_digits (&p, end, 2, 2, &second))
        return FALSE;
      if (p < end && (*p == '.' || *p == ','))
        {
          p++;
          if (p >= end || !is_digit (*p))
            return FALSE;
          while (p < end && is_digit (*p))
            p++;
        }
    }

  /* 24:00:00 is how ISO 8601 writes the end of a day. */
  if (hour > 24 || minute > 59 || second > 60 ||
      (hour == 24 && (minute != 0 || second != 0)))
    return FALSE;

  if (p == end)
    return TRUE;

  if (*p == 'Z' || *p == 'z')
    return p + 1 == end;

  if (*p != '+' && *p != '-')
    return FALSE;
  p++;

  /* ±HH, ±HH:MM or ±HHMM: exactly two digits each. */
  if (end - p < 2 || !is_digit (p[0]) || !is_digit (p[1]))
    return FALSE;
  off_h = (p[0] - '0') * 10 + (p[1] - '0');
  p += 2;
  if (p < end && *p == ':')
    p++;
  if (p < end)
    {
      if (end - p != 2 || !is_digit (p[0]) || !is_digit (p[1]))
        return FALSE;
      off_m = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
    }

  return p == end && off_h <= 23 && off_m <= 59;
}

/* The time after a slash date, from just past the space: h:mm[:ss] followed by
 * AM/PM (hour 1–12), or a 24-hour HH:mm[:ss]. */
static gboolean
parse_slash_time (const char *p,
                  const char *end)
{
  int hour, minute, second = 0;

  if (!read_digits (&p, end, 1, 2, &hour) || p >= end || *p++ != ':' ||
      !read_digits (&p, end, 2, 2, &minute))
    return FALSE;

  if (p < end && *p == ':')
    {
      p++;
      if (!read_digits (&p, end, 2, 2, &second))
        return FALSE;
    }

  if (minute > 59 || second > 59)
    return FALSE;

  if (p == end)
    return hour <= 23;

  /* One space before the marker is the common form; "3:00PM" also occurs. */
  if (*p == ' ')
    p++;
  if (end - p != 2 || (p[1] != 'M' && p[1] != 'm'))
    return FALSE;
  if (p[0] != 'A' && p[0] != 'a' && p[0] != 'P' && p[0] != 'p')
    return FALSE;

  return hour >= 1 && hour <= 12;
}

gboolean
ld_parse_date (const char  *text,
               gsize        len,
               LdDateParse *out)
{
  const char *p = text;
  const char *end;
  int a, b, c;
  char sep;

  g_return_val_if_fail (out != NULL, FALSE);

  out->kind = LD_DATE_INVALID;
  out->date = 0;
  out->year = out->first = out->second = 0;
  out->valid_month_first = out->valid_day_first = FALSE;

  /* NULL + 0 is undefined behaviour, so the end is taken only for real text
   * (found by fuzz-parse: an empty cell may come as NULL). */
  if (text == NULL)
    return FALSE;
  end = text + len;

  /* The form Partner Center writes, exactly YYYY-MM-DD, without the general path's
   * steps: the same answer, a third of the work. */
  if (len == 10 && p[4] == '-' && p[7] == '-' && is_digit (p[0]) && is_digit (p[1])
      && is_digit (p[2]) && is_digit (p[3]) && is_digit (p[5]) && is_digit (p[6])
      && is_digit (p[8]) && is_digit (p[9]))
    {
      a = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      b = (p[5] - '0') * 10 + (p[6] - '0');
      c = (p[8] - '0') * 10 + (p[9] - '0');
      if (!ld_date_is_valid (a, b, c))
        return FALSE;
      out->kind = LD_DATE_ISO;
      out->date = (guint32) (a * 10000 + b * 100 + c);
      return TRUE;
    }

  while (p < end && is_blank (*p))
    p++;
  while (end > p && is_blank (end[-1]))
    end--;

  if (p >= end || !is_digit (*p))
    return FALSE;

  if (end - p >= 5 && is_digit (p[1]) && is_digit (p[2]) && is_digit (p[3]) &&
      (p[4] == '-' || p[4] == '/'))
    {
      /* YYYY-MM-DD or YYYY/MM/DD, maybe with an ISO time. */
      a = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      sep = p[4];
      p += 5;
      if (!read_digits (&p, end, 1, 2, &b) || p >= end || *p++ != sep ||
          !read_digits (&p, end, 1, 2, &c))
        return FALSE;
      if (!ld_date_is_valid (a, b, c))
        return FALSE;
      if (p < end)
        {
          if (*p != 'T' && *p != 't' && *p != ' ')
            return FALSE;
          if (!parse_iso_time (p + 1, end))
            return FALSE;
        }
      out->kind = LD_DATE_ISO;
      out->date = (guint32) (a * 10000 + b * 100 + c);
      return TRUE;
    }

  /* M/D/YYYY or D/M/YYYY, maybe with a time. */
  if (!read_digits (&p, end, 1, 2, &b) || p >= end || *p++ != '/' ||
      !read_digits (&p, end, 1, 2, &c) || p >= end || *p++ != '/' ||
      !read_digits (&p, end, 4, 4, &a))
    return FALSE;

  if (p < end)
    {
      if (*p != ' ')
        return FALSE;
      while (p < end && *p == ' ')
        p++;
      if (!parse_slash_time (p, end))
        return FALSE;
    }

  out->valid_month_first = ld_date_is_valid (a, b, c);
  out->valid_day_first = ld_date_is_valid (a, c, b);
  if (!out->valid_month_first && !out->valid_day_first)
    return FALSE;

  out->kind = LD_DATE_SLASH;
  out->year = a;
  out->first = b;
  out->second = c;
  out->date = (guint32) (a * 10000 + b * 100 + c);
  return TRUE;
}

gboolean
ld_parse_count (const char  *text,
                gsize        len,
                guint32     *out,
                const char **reason)
{
  const char *p = text;
  const char *end;
  guint64 value = 0;
  gboolean negative = FALSE;
  gboolean too_large = FALSE;
  gboolean fraction = FALSE;
  gboolean any_digit = FALSE;
  const char *dummy;

  g_return_val_if_fail (out != NULL, FALSE);

  if (reason == NULL)
    reason = &dummy;
  *reason = NULL;
  *out = 0;

  if (text == NULL)
    return TRUE;
  end = text + len;

  /* Most counts are a few plain digits: nine never pass 2,147,483,647. */
  if (len <= 9)
    {
      guint32 v = 0;
      gsize i;

      for (i = 0; i < len && is_digit (text[i]); i++)
        v = v * 10 + (guint32) (text[i] - '0');
      if (i == len)
        {
          *out = v;
          return TRUE;
        }
    }

  while (p < end && is_blank (*p))
    p++;
  while (end > p && is_blank (end[-1]))
    end--;

  if (p == end)
    return TRUE;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';

  while (p < end && is_digit (*p))
    {
      /* Keep scanning past the limit so that "99999999999x" still reads as text. */
      if (!too_large)
        {
          value = value * 10 + (guint64) (*p - '0');
          if (value > G_MAXINT32)
            too_large = TRUE;
        }
      any_digit = TRUE;
      p++;
    }

  if (p < end && *p == '.')
    {
      p++;
      if (!any_digit && (p >= end || !is_digit (*p)))
        {
          *reason = "not-a-number";
          return FALSE;
        }
      while (p < end && is_digit (*p))
        {
          if (*p != '0')
            fraction = TRUE;
          any_digit = TRUE;
          p++;
        }
    }

  if (p != end || !any_digit)
    {
      *reason = "not-a-number";
      return FALSE;
    }

  /* "-0" and "-0.0" are zero, not negative. */
  if (negative && (value != 0 || fraction || too_large))
    {
      *reason = "negative";
      return FALSE;
    }
  if (fraction)
    {
      *reason = "fraction";
      return FALSE;
    }
  if (too_large)
    {
      *reason = "too-large";
      return FALSE;
    }

  *out = (guint32) value;
  return TRUE;
}
