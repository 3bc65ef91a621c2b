/* ld-describe.c — the words the dashboard uses for what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ld-chart-format.h"
#include "ld-country-codes.h"
#include "ld-describe.h"

char *
ld_describe_range (int from_month,
                   int to_month)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (from_month < 0 || to_month < 0)
    return g_strdup (_("No data"));

  from = ld_chart_format_month (from_month, TRUE);
  if (from_month == to_month)
    return g_steal_pointer (&from);

  to = ld_chart_format_month (to_month, TRUE);
  /* TRANSLATORS: a date range, "Jun 2026 – Nov 2026". */
  return g_strdup_printf (_("%s – %s"), from, to);
}

const char *
ld_describe_filter_title (LdDimension dim)
{
  switch (dim)
    {
    case LD_DIM_OFFER_TYPE: return _("Offer type");
    case LD_DIM_OFFER: return _("Offer name");
    case LD_DIM_PLAN: return _("Offer plan name");
    case LD_DIM_CUSTOMER: return _("Customer name");
    case LD_DIM_COUNTRY: return _("Country/region");
    case LD_DIM_STATE: return _("License state");
    case LD_N_DIMS:
    default:
      g_assert_not_reached ();
    }
}

/* The shorter names of the filter line. */
static const char *
dimension_name (LdDimension dim)
{
  switch (dim)
    {
    case LD_DIM_OFFER_TYPE: return _("Offer type");
    case LD_DIM_OFFER: return _("Offer");
    case LD_DIM_PLAN: return _("Plan");
    case LD_DIM_CUSTOMER: return _("Customer");
    case LD_DIM_COUNTRY: return _("Country/region");
    case LD_DIM_STATE: return _("License state");
    case LD_N_DIMS:
    default:
      g_assert_not_reached ();
    }
}

/* "Country/region: DE, AT · License state: Active": the window's line above the
 * cards and the caption of every export say it in the same words. */
char *
ld_describe_filters (LdQuery *query,
                     guint    max_values)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (query == NULL || LD_IS_QUERY (query), NULL);

  for (int d = 0; query != NULL && d < LD_N_DIMS; d++)
    {
      const char *const *values = ld_query_get_filter_values (query, d);
      guint n = ld_query_get_n_filter_values (query, d);
      guint shown = max_values > 0 ? MIN (n, max_values) : n;

      if (n == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s: ", dimension_name (d));
      for (guint i = 0; i < shown; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, values[i][0] != '\0' ? values[i]
                                 : d == LD_DIM_STATE ? ld_describe_state (values[i], NULL)
                                 : _("Name not shared"));
        }
      if (n > shown)
        /* Translators: more filter values than the summary line lists. */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                                   n - shown), n - shown);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ld_describe_data (LdReport *report)
{
  guint32 latest;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;
  g_autofree char *rows = NULL;

  g_return_val_if_fail (LD_IS_REPORT (report), NULL);

  if (ld_report_get_n_rows (report) == 0)
    return g_strdup (_("No rows"));

  latest = ld_report_get_latest_date (report);
  dt = g_date_time_new_utc (LD_DATE_YEAR (latest), LD_DATE_MONTH (latest), LD_DATE_DAY (latest),
                            0, 0, 0);
  /* Translators: the data's latest activation date, see strftime(3): "27 Nov 2026". */
  date = g_date_time_format (dt, _("%-d %b %Y"));
  g_strstrip (date);
  rows = ld_chart_format_count (ld_report_get_n_rows (report));

  /* Translators: the window subtitle, "Data through 27 Nov 2026 · 123,456 rows". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Data through %s · %s row",
                                       "Data through %s · %s rows",
                                       ld_report_get_n_rows (report)),
                          date, rows);
}

const char *
ld_describe_product (const LdProductRow *row,
                     gboolean           *placeholder)
{
  gboolean blank;

  g_return_val_if_fail (row != NULL, "");

  blank = row->product_name == NULL || row->product_name[0] == '\0';
  if (placeholder != NULL)
    *placeholder = blank;

  return blank ? _("Unknown") : row->product_name;
}

const char *
ld_describe_customer (const LdCustomerRow *row,
                      gboolean            *placeholder)
{
  gboolean blank;

  g_return_val_if_fail (row != NULL, "");

  blank = row->name == NULL || row->name[0] == '\0';
  if (placeholder != NULL)
    *placeholder = blank;

  return blank ? _("Name not shared") : row->name;
}

const char *
ld_describe_adoption (const LdAdoptionRow *row,
                      gboolean            *placeholder)
{
  gboolean blank;

  g_return_val_if_fail (row != NULL, "");

  blank = row->name == NULL || row->name[0] == '\0';
  if (placeholder != NULL)
    *placeholder = blank;

  return blank ? _("Name not shared") : row->name;
}

const char *
ld_describe_state (const char *state,
                   gboolean   *placeholder)
{
  gboolean blank = state == NULL || state[0] == '\0';

  if (placeholder != NULL)
    *placeholder = blank;

  /* TRANSLATORS: a licence state the report leaves blank. */
  return blank ? _("Not stated") : state;
}

const char *
ld_describe_country (const LdCountryRow *row,
                     gboolean           *placeholder)
{
  const char *name;
  gboolean blank;

  g_return_val_if_fail (row != NULL, "");

  /* A country is known by its code; a blank code is no country at all. */
  blank = row->code == NULL || row->code[0] == '\0';
  if (placeholder != NULL)
    *placeholder = blank;
  if (blank)
    return _("Unknown");

  name = ld_country_codes_display_name (row->code, row->name);
  return name != NULL ? name : row->code;
}

char *
ld_describe_product_plan (const LdProductRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  /* TRANSLATORS: an offer and its plan on a chart, "Contoso Sales · Gold". */
  return g_strdup_printf (_("%s · %s"), ld_describe_product (row, NULL),
                          row->plan_name != NULL ? row->plan_name : "");
}
