/* ld-chart-format.c — axis ticks and the numbers and months charts print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ld-chart-format.h"

/* The 1-2-5 step not smaller than @raw. */
static double
nice_step_at_least (double raw)
{
  static const double mantissas[] = { 1, 2, 5, 10 };
  double magnitude = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    if (mantissas[i] * magnitude >= raw * (1 - 1e-9))
      return mantissas[i] * magnitude;

  return 10 * magnitude;
}

/* Ticks that cover [@lo, @hi] with at most @max_ticks labels (at least 2) on
 * 1-2-5 steps. With @integer_only (counts) the step is never below 1, so an axis
 * of customers never reads "0.5". Garbage in (NaN, infinities, hi < lo) gives
 * the axis 0..1, never NaN out. */
void
ld_chart_ticks_compute (double        lo,
                        double        hi,
                        guint         max_ticks,
                        gboolean      integer_only,
                        LdChartTicks *ticks)
{
  double step;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (lo))
    lo = 0;
  if (!isfinite (hi))
    hi = lo;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-12)
    hi = lo + (integer_only ? 1 : MAX (fabs (lo) * 0.1, 1e-12));
  max_ticks = MAX (max_ticks, 2);

  step = nice_step_at_least ((hi - lo) / (max_ticks - 1));
  if (integer_only && step < 1)
    step = 1;

  for (;;)
    {
      double min = floor (lo / step + 1e-9) * step;
      double max = ceil (hi / step - 1e-9) * step;
      double n = round ((max - min) / step) + 1;

      if (n <= max_ticks || !isfinite (n))
        {
          ticks->min = min;
          ticks->max = max;
          ticks->step = step;
          ticks->n_ticks = isfinite (n) ? (guint) n : 2;
          return;
        }

      /* floor/ceil added an interval: go to the next nice step. */
      step = nice_step_at_least (step * 1.000001);
    }
}

double
ld_chart_ticks_value (const LdChartTicks *ticks,
                      guint               i)
{
  return ticks->min + i * ticks->step;
}

/* How CLDR groups the digits of languages whose glibc locale groups none
 * (thousands_sep ""): bg_BG, bs_BA and sr_RS among the languages glibc knows. Only
 * these: a language missing here stays as its C library writes it. */
typedef struct
{
  const char *language;
  const char *separator;
  guint       min_grouping; /* CLDR's minimumGroupingDigits: 2 leaves "4000" whole */
} CldrGrouping;

static const CldrGrouping cldr_groupings[] = {
  { "bg", "\xc2\xa0", 2 },  /* U+00A0: "217 818", "20 000", but "4000" */
  { "bs", ".", 1 },
  { "sr", ".", 1 },
};

/* The CLDR grouping of LC_NUMERIC's language when the C library gives none, or NULL
 * (the C library's grouping is used, or none: the C locale has no language). */
static const CldrGrouping *
fallback_grouping (void)
{
  const struct lconv *conv = localeconv ();
  const char *name;
  gsize len;

  if (conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0'
      && conv->grouping != NULL && conv->grouping[0] > 0 && conv->grouping[0] != CHAR_MAX)
    return NULL;

  name = setlocale (LC_NUMERIC, NULL);
  if (name == NULL)
    return NULL;
  len = strcspn (name, "_.@");
  for (guint i = 0; i < G_N_ELEMENTS (cldr_groupings); i++)
    if (strlen (cldr_groupings[i].language) == len
        && strncmp (name, cldr_groupings[i].language, len) == 0)
      return &cldr_groupings[i];

  return NULL;
}

char *
ld_chart_format_count (guint64 value)
{
  const CldrGrouping *cldr = fallback_grouping ();
  char digits[24];
  GString *str;
  int n;

  /* The ' flag groups digits the locale's way ("12,345", "12.345", "12 345"). */
  if (cldr == NULL)
    return g_strdup_printf ("%'" G_GUINT64_FORMAT, value);

  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  if (n < 3 + (int) cldr->min_grouping)
    return g_strdup (digits);

  str = g_string_sized_new (n * 2);
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (str, cldr->separator);
      g_string_append_c (str, digits[i]);
    }

  return g_string_free (str, FALSE);
}

/* One decimal below 10 ("1.2k"), none above ("12k"); ".0" is dropped ("2k"),
 * so that nice tick values print short. */
static char *
format_mantissa (double m)
{
  if (m < 9.95 && fabs (m - round (m)) >= 0.05)
    return g_strdup_printf ("%.1f", m);

  return g_strdup_printf ("%.0f", m);
}

char *
ld_chart_format_compact (double value)
{
  g_autofree char *mantissa = NULL;
  double a = fabs (value);
  const char *sign = value < 0 ? "-" : "";

  if (!isfinite (value))
    return g_strdup ("–");

  if (round (a) < 1000)
    return g_strdup_printf ("%s%'.0f", sign, a);

  /* Move up a unit when rounding would print "1000k". */
  if (a < 999.5e3 || (a < 1e6 && round (a / 1e3) < 1000))
    {
      mantissa = format_mantissa (a / 1e3);
      /* TRANSLATORS: a compact number in thousands on a chart axis, "12k".
       * %s is the number with its decimal mark. */
      return g_strdup_printf (C_("compact number", "%s%sk"), sign, mantissa);
    }
  if (a < 999.5e6)
    {
      mantissa = format_mantissa (a / 1e6);
      /* TRANSLATORS: a compact number in millions on a chart axis, "1.2M". */
      return g_strdup_printf (C_("compact number", "%s%sM"), sign, mantissa);
    }
  if (a < 999.5e9)
    {
      mantissa = format_mantissa (a / 1e9);
      /* TRANSLATORS: a compact number in billions (10⁹) on a chart axis, "3B". */
      return g_strdup_printf (C_("compact number", "%s%sB"), sign, mantissa);
    }

  if (a < 999.5e12)
    {
      mantissa = format_mantissa (a / 1e12);
      /* TRANSLATORS: a compact number in trillions (10¹²) on a chart axis, "3T". */
      return g_strdup_printf (C_("compact number", "%s%sT"), sign, mantissa);
    }

  /* No report holds this many licences; stay short and finite all the same. */
  return g_strdup_printf ("%s%.0e", sign, a);
}

char *
ld_chart_format_percent (double percent)
{
  if (!isfinite (percent))
    percent = 0;

  /* TRANSLATORS: a percentage on a chart, "12.5%"; use "%.1f %%" for "12,5 %". */
  return g_strdup_printf (C_("chart percentage", "%.1f%%"), percent);
}

/* Rates and shares are exact hundredths of a percent (ld_percent_hundredths()):
 * the figures and tables show both decimals. */
char *
ld_chart_format_rate (gint64 hundredths)
{
  /* TRANSLATORS: an assignment rate or share with two decimals, "60.56%";
   * use "%.2f %%" where a space goes before the sign. */
  return g_strdup_printf (C_("card percentage", "%.2f%%"), hundredths / 100.0);
}

static GDateTime *
month_to_date_time (int month_index)
{
  int year = CLAMP (month_index / 12, 1, 9999);
  int month = month_index >= 0 ? month_index % 12 + 1 : 1;

  return g_date_time_new_utc (year, month, 1, 0, 0, 0);
}

char *
ld_chart_format_month (int      month_index,
                       gboolean with_year)
{
  g_autoptr(GDateTime) dt = month_to_date_time (month_index);

  /* %Ob is the stand-alone abbreviated month name (nominative where the
   * language has cases). */
  if (with_year)
    /* TRANSLATORS: a month on a chart axis that also shows the year, "Jan 2026";
     * see g_date_time_format() for the codes. */
    return g_date_time_format (dt, C_("chart month", "%Ob %Y"));

  /* TRANSLATORS: a month on a chart axis, "Nov"; see g_date_time_format(). */
  return g_date_time_format (dt, C_("chart month", "%Ob"));
}

char *
ld_chart_format_month_long (int month_index)
{
  g_autoptr(GDateTime) dt = month_to_date_time (month_index);

  /* TRANSLATORS: a month in a sentence a screen reader says, "November 2026";
   * see g_date_time_format(). */
  return g_date_time_format (dt, C_("chart month in a sentence", "%OB %Y"));
}
