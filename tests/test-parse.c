/* test-parse.c — the date and count cell parsers (SPEC §2 "Dates", "Numbers")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-parse.h"

static void
assert_iso (const char *text,
            guint32     expected)
{
  LdDateParse d;

  if (!ld_parse_date (text, strlen (text), &d))
    g_error ("\"%s\" did not parse", text);
  g_assert_cmpint (d.kind, ==, LD_DATE_ISO);
  g_assert_cmpuint (d.date, ==, expected);
}

static void
assert_slash (const char *text,
              int         year,
              int         first,
              int         second,
              gboolean    month_first,
              gboolean    day_first)
{
  LdDateParse d;

  if (!ld_parse_date (text, strlen (text), &d))
    g_error ("\"%s\" did not parse", text);
  g_assert_cmpint (d.kind, ==, LD_DATE_SLASH);
  g_assert_cmpint (d.year, ==, year);
  g_assert_cmpint (d.first, ==, first);
  g_assert_cmpint (d.second, ==, second);
  g_assert_cmpint (d.valid_month_first, ==, month_first);
  g_assert_cmpint (d.valid_day_first, ==, day_first);
}

static void
assert_bad_date (const char *text)
{
  LdDateParse d;

  if (ld_parse_date (text, strlen (text), &d))
    g_error ("\"%s\" parsed but should not", text);
  g_assert_cmpint (d.kind, ==, LD_DATE_INVALID);
}

static void
test_date_iso (void)
{
  assert_iso ("2026-03-05", 20260305);
  assert_iso ("2026/03/05", 20260305);
  assert_iso ("2026-3-5", 20260305);
  assert_iso ("  2026-03-05 ", 20260305);
  assert_iso ("\t2026-03-05\t", 20260305);
  assert_iso ("0001-01-01", 10101);
  assert_iso ("9999-12-31", 99991231);
}

static void
test_date_iso_time (void)
{
  assert_iso ("2026-03-05T00:00:00Z", 20260305);
  assert_iso ("2026-03-05T23:59:59Z", 20260305);
  assert_iso ("2026-03-05T00:00:00", 20260305);
  assert_iso ("2026-03-05T10:30", 20260305);
  assert_iso ("2026-03-05t10:30z", 20260305);
  assert_iso ("2026-03-05T00:00:00.123Z", 20260305);
  assert_iso ("2026-03-05T00:00:00.1234567", 20260305);
  assert_iso ("2026-03-05T00:00:00+01:00", 20260305);
  assert_iso ("2026-03-05T00:00:00-0500", 20260305);
  assert_iso ("2026-03-05T00:00:00.5-05", 20260305);
  assert_iso ("2026-03-05 12:00:00", 20260305);
  assert_iso ("2026-03-05T24:00:00", 20260305);

  assert_bad_date ("2026-03-05T");
  assert_bad_date ("2026-03-05T25:00:00Z");
  assert_bad_date ("2026-03-05T10:60:00Z");
  assert_bad_date ("2026-03-05T10:00:61Z");
  assert_bad_date ("2026-03-05T24:00:01");
  assert_bad_date ("2026-03-05T10:00:00.Z");
  assert_bad_date ("2026-03-05T10:00:00ZZ");
  assert_bad_date ("2026-03-05T10:00:00+1");
  assert_bad_date ("2026-03-05T10:00:00+24:00");
  assert_bad_date ("2026-03-05X10:00");
}

static void
test_date_validation (void)
{
  assert_iso ("2024-02-29", 20240229);   /* leap year */
  assert_iso ("2000-02-29", 20000229);   /* divisible by 400 */
  assert_bad_date ("2026-02-29");
  assert_bad_date ("1900-02-29");        /* divisible by 100 */
  assert_bad_date ("2026-02-30");
  assert_bad_date ("2026-04-31");
  assert_bad_date ("2026-13-01");
  assert_bad_date ("2026-00-10");
  assert_bad_date ("2026-01-00");
  assert_bad_date ("0000-01-01");
  assert_bad_date ("13/13/2026");
  assert_bad_date ("2/30/2026");
  assert_bad_date ("0/1/2026");

  g_assert_true (ld_date_is_valid (2024, 2, 29));
  g_assert_false (ld_date_is_valid (2023, 2, 29));
  g_assert_true (ld_date_is_valid (2026, 12, 31));
  g_assert_false (ld_date_is_valid (10000, 1, 1));
  g_assert_false (ld_date_is_valid (2026, 6, 31));
}

static void
test_date_slash (void)
{
  assert_slash ("3/5/2026", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("03/05/2026", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("12/31/2026", 2026, 12, 31, TRUE, FALSE);
  assert_slash ("13/02/2026", 2026, 13, 2, FALSE, TRUE);
  assert_slash ("31/1/2026", 2026, 31, 1, FALSE, TRUE);
  assert_slash ("2/29/2024", 2024, 2, 29, TRUE, FALSE);
  assert_slash ("29/2/2024", 2024, 29, 2, FALSE, TRUE);
  assert_slash (" 3/5/2026 ", 2026, 3, 5, TRUE, TRUE);

  assert_bad_date ("2/29/2026");
  assert_bad_date ("3/5/26");
  assert_bad_date ("3/5/20266");
  assert_bad_date ("123/5/2026");
  assert_bad_date ("3-5-2026");
  assert_bad_date ("3/5");
  assert_bad_date ("3//2026");
}

static void
test_date_slash_time (void)
{
  assert_slash ("3/5/2026 12:00 AM", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("3/5/2026 1:05 pm", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("3/5/2026 11:59:59 PM", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("3/5/2026 9:00:00 aM", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("3/5/2026 9:00PM", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("3/5/2026 00:00", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("3/5/2026 23:59:59", 2026, 3, 5, TRUE, TRUE);
  assert_slash ("3/5/2026 7:30", 2026, 3, 5, TRUE, TRUE);

  assert_bad_date ("3/5/2026 13:00 PM");
  assert_bad_date ("3/5/2026 0:00 AM");
  assert_bad_date ("3/5/2026 24:00");
  assert_bad_date ("3/5/2026 12:60");
  assert_bad_date ("3/5/2026 12:00:60");
  assert_bad_date ("3/5/2026 12:00 XM");
  assert_bad_date ("3/5/2026 12:00 AMX");
  assert_bad_date ("3/5/2026 12");
  assert_bad_date ("3/5/2026 12:0");
}

static void
test_date_garbage (void)
{
  LdDateParse d;

  assert_bad_date ("");
  assert_bad_date ("   ");
  assert_bad_date ("March 5, 2026");
  assert_bad_date ("20260305");
  assert_bad_date ("2026-03");
  assert_bad_date ("2026-03-05x");
  assert_bad_date ("2026-03/05");
  assert_bad_date ("2026-003-05");
  assert_bad_date ("-2026-03-05");

  /* The length bounds the text: what follows is not read. */
  g_assert_true (ld_parse_date ("2026-03-05junk", 10, &d));
  g_assert_cmpuint (d.date, ==, 20260305);
  g_assert_false (ld_parse_date ("2026-03-05", 9, &d));
}

static void
assert_count (const char *text,
              guint32     expected)
{
  const char *reason = "unset";
  guint32 value = 12345;

  if (!ld_parse_count (text, strlen (text), &value, &reason))
    g_error ("\"%s\" did not parse: %s", text, reason);
  g_assert_cmpuint (value, ==, expected);
  g_assert_null (reason);
}

static void
assert_bad_count (const char *text,
                  const char *expected_reason)
{
  const char *reason = NULL;
  guint32 value;

  if (ld_parse_count (text, strlen (text), &value, &reason))
    g_error ("\"%s\" parsed but should not", text);
  g_assert_cmpstr (reason, ==, expected_reason);
}

static void
test_count (void)
{
  assert_count ("0", 0);
  assert_count ("12", 12);
  assert_count ("007", 7);
  assert_count ("12.0", 12);
  assert_count ("12.000", 12);
  assert_count ("12.", 12);
  assert_count ("", 0);
  assert_count ("   ", 0);
  assert_count (" 12 ", 12);
  assert_count ("\t12\t", 12);
  assert_count ("+12", 12);
  assert_count ("-0", 0);
  assert_count ("2147483647", 2147483647u);
  assert_count ("2147483647.0", 2147483647u);
  assert_count ("00000000000000000000001", 1);

  assert_bad_count ("-1", "negative");
  assert_bad_count (" -12 ", "negative");
  assert_bad_count ("-1.5", "negative");
  assert_bad_count ("1.5", "fraction");
  assert_bad_count ("0.01", "fraction");
  assert_bad_count ("2147483648", "too-large");
  assert_bad_count ("99999999999999999999999", "too-large");
  assert_bad_count ("abc", "not-a-number");
  assert_bad_count ("12abc", "not-a-number");
  assert_bad_count ("1 2", "not-a-number");
  assert_bad_count ("1,000", "not-a-number");
  assert_bad_count ("1e3", "not-a-number");
  assert_bad_count (".", "not-a-number");
  assert_bad_count ("-", "not-a-number");
  assert_bad_count ("--1", "not-a-number");
  assert_bad_count ("99999999999x", "not-a-number");
  assert_bad_count ("1..0", "not-a-number");
}

static void
test_count_length (void)
{
  guint32 value;
  const char *reason;

  /* Cells come from a buffer and are not NUL-terminated. */
  g_assert_true (ld_parse_count ("42,junk", 2, &value, &reason));
  g_assert_cmpuint (value, ==, 42);
  g_assert_true (ld_parse_count ("42", 0, &value, NULL));
  g_assert_cmpuint (value, ==, 0);
}

/* The parsers take a short way for the common forms (exactly YYYY-MM-DD, up to
 * nine plain digits); a leading space sends the same text the long way. Both must
 * agree on every text of those shapes, valid or not. */
static void
test_short_ways (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (14);
  static const char alphabet[] = "0123456789-/ .x";

  for (guint i = 0; i < 200000; i++)
    {
      char text[12];
      char padded[13];
      guint len = i % 2 == 0 ? 10 : g_rand_int_range (rng, 0, 10);
      LdDateParse a, b;
      guint32 ca, cb;
      const char *ra, *rb;
      gboolean oka, okb;

      for (guint k = 0; k < len; k++)
        {
          /* Mostly digits, and dashes where a date has them. */
          if (len == 10 && (k == 4 || k == 7) && g_rand_int_range (rng, 0, 8) != 0)
            text[k] = '-';
          else if (g_rand_int_range (rng, 0, 12) != 0)
            text[k] = '0' + g_rand_int_range (rng, 0, 10);
          else
            text[k] = alphabet[g_rand_int_range (rng, 0, sizeof alphabet - 1)];
        }
      text[len] = '\0';
      padded[0] = ' ';
      memcpy (padded + 1, text, len + 1);

      oka = ld_parse_date (text, len, &a);
      okb = ld_parse_date (padded, len + 1, &b);
      g_assert_cmpint (oka, ==, okb);
      g_assert_cmpint (a.kind, ==, b.kind);
      g_assert_cmpuint (a.date, ==, b.date);
      g_assert_cmpint (a.valid_month_first, ==, b.valid_month_first);
      g_assert_cmpint (a.valid_day_first, ==, b.valid_day_first);

      oka = ld_parse_count (text, len, &ca, &ra);
      okb = ld_parse_count (padded, len + 1, &cb, &rb);
      g_assert_cmpint (oka, ==, okb);
      g_assert_cmpuint (ca, ==, cb);
      g_assert_cmpstr (ra, ==, rb);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/date/iso", test_date_iso);
  g_test_add_func ("/parse/date/iso-time", test_date_iso_time);
  g_test_add_func ("/parse/date/validation", test_date_validation);
  g_test_add_func ("/parse/date/slash", test_date_slash);
  g_test_add_func ("/parse/date/slash-time", test_date_slash_time);
  g_test_add_func ("/parse/date/garbage", test_date_garbage);
  g_test_add_func ("/parse/count/rules", test_count);
  g_test_add_func ("/parse/count/length", test_count_length);
  g_test_add_func ("/parse/short-ways", test_short_ways);

  return g_test_run ();
}
