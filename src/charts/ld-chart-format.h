/* ld-chart-format.h — axis ticks and the numbers and months charts print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ticks run from @min to @max in @step; @n_ticks counts both ends. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
} LdChartTicks;

void   ld_chart_ticks_compute      (double        lo,
                                    double        hi,
                                    guint         max_ticks,
                                    gboolean      integer_only,
                                    LdChartTicks *ticks);
double ld_chart_ticks_value        (const LdChartTicks *ticks,
                                    guint               i);

/* All of these return a newly allocated string in the user's locale. A count is
 * grouped as the C library groups it ("12,345", "12.345"), or, where it groups
 * nothing for a language (glibc's bg_BG), as CLDR does ("12 345" with U+00A0). */
char  *ld_chart_format_count       (guint64       value);   /* "12,345" */
char  *ld_chart_format_compact     (double        value);   /* "950", "1.2k", "12k", "3.4M" */
char  *ld_chart_format_percent     (double        percent); /* "12.5%" */
char  *ld_chart_format_rate        (gint64        hundredths); /* "60.56%": a share or rate */

/* A month is counted as year * 12 + (month - 1), so January 2026 is 2026 * 12. */
static inline int
ld_chart_month_index (int year, int month)
{
  return year * 12 + month - 1;
}

char  *ld_chart_format_month       (int           month_index,
                                    gboolean      with_year);  /* "Nov", "Jan 2026" */
char  *ld_chart_format_month_long  (int           month_index); /* "November 2026" */

G_END_DECLS
