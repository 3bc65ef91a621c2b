/* ld-types.c — names and small arithmetic shared by the whole engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-types.h"

static const char *const field_names[LD_N_FIELDS] = {
  "CustomerCountry",
  "CustomerCountryCode",
  "CustomerName",
  "ActivationDate",
  "ProductDisplayName",
  "ProductId",
  "PlanName",
  "ServiceId",
  "LicenseState",
  "LicensesAssigned",
  "LicensesProvisioned",
  "OfferType",
  "TenantId",
};

/* Header spellings beyond the canonical names, already normalised (lower case,
 * no spaces, '_' or '-'). */
static const struct {
  const char *normalised;
  LdField     field;
} synonyms[] = {
  { "skuname", LD_FIELD_PLAN_NAME },
  { "sku", LD_FIELD_PLAN_NAME },
  { "tenantid", LD_FIELD_TENANT_ID },
  { "customertenantid", LD_FIELD_TENANT_ID },
  { "country", LD_FIELD_CUSTOMER_COUNTRY },
  { "countrycode", LD_FIELD_CUSTOMER_COUNTRY_CODE },
};

const char *
ld_field_get_name (LdField field)
{
  if (field < 0 || field >= LD_N_FIELDS)
    return NULL;
  return field_names[field];
}

LdField
ld_field_from_header (const char *header,
                      gssize      len)
{
  char norm[64];
  gsize n = 0;

  g_return_val_if_fail (header != NULL, LD_FIELD_EXTRA);

  if (len < 0)
    len = strlen (header);

  for (gssize i = 0; i < len; i++)
    {
      char c = header[i];

      if (c == ' ' || c == '_' || c == '-' || c == '\t')
        continue;
      if (n + 1 >= sizeof norm)
        return LD_FIELD_EXTRA;
      norm[n++] = g_ascii_tolower (c);
    }
  norm[n] = '\0';

  for (int f = 0; f < LD_N_FIELDS; f++)
    if (g_ascii_strcasecmp (norm, field_names[f]) == 0)
      return f;

  for (gsize i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (strcmp (norm, synonyms[i].normalised) == 0)
      return synonyms[i].field;

  return LD_FIELD_EXTRA;
}

static const LdField dimension_fields[LD_N_DIMS] = {
  LD_FIELD_OFFER_TYPE,
  LD_FIELD_PRODUCT_DISPLAY_NAME,
  LD_FIELD_PLAN_NAME,
  LD_FIELD_CUSTOMER_NAME,
  LD_FIELD_CUSTOMER_COUNTRY_CODE,
  LD_FIELD_LICENSE_STATE,
};

static const char *const dimension_cli_names[LD_N_DIMS] = {
  "offer-type", "offer", "plan", "customer", "country", "state",
};

LdField
ld_dimension_get_field (LdDimension dim)
{
  g_return_val_if_fail (dim < LD_N_DIMS, LD_FIELD_EXTRA);
  return dimension_fields[dim];
}

const char *
ld_dimension_get_cli_name (LdDimension dim)
{
  g_return_val_if_fail (dim < LD_N_DIMS, NULL);
  return dimension_cli_names[dim];
}

gboolean
ld_dimension_from_cli_name (const char  *name,
                            LdDimension *dim)
{
  for (int d = 0; d < LD_N_DIMS; d++)
    if (g_strcmp0 (name, dimension_cli_names[d]) == 0)
      {
        *dim = d;
        return TRUE;
      }
  return FALSE;
}

static const char *const widget_names[LD_N_WIDGETS] = {
  "summary", "customers", "licenses", "analysis-products", "analysis-customers", "geo",
  "adoption", "states", "data",
};

const char *
ld_widget_id_to_string (LdWidgetId id)
{
  g_return_val_if_fail (id < LD_N_WIDGETS, NULL);
  return widget_names[id];
}

gboolean
ld_widget_id_from_string (const char *name,
                          LdWidgetId *id)
{
  for (int w = 0; w < LD_N_WIDGETS; w++)
    if (g_strcmp0 (name, widget_names[w]) == 0)
      {
        *id = w;
        return TRUE;
      }
  return FALSE;
}

void
ld_month_format (int  month,
                 char buf[static 8])
{
  if (month < 0)
    {
      buf[0] = '\0';
      return;
    }
  g_snprintf (buf, 8, "%04d-%02d", LD_MONTH_YEAR (month) % 10000, LD_MONTH_OF_YEAR (month));
}

gboolean
ld_month_parse (const char *text,
                int        *month)
{
  int year = 0, mon = 0;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  mon = (text[5] - '0') * 10 + (text[6] - '0');
  if (year < 1 || mon < 1 || mon > 12)
    return FALSE;

  *month = LD_MONTH (year, mon);
  return TRUE;
}

void
ld_date_format (guint32 date,
                char    buf[static 11])
{
  g_snprintf (buf, 11, "%04d-%02d-%02d",
              LD_DATE_YEAR (date) % 10000, LD_DATE_MONTH (date), LD_DATE_DAY (date));
}

gint64
ld_percent_hundredths (guint64 part,
                       guint64 whole)
{
  unsigned __int128 num;

  if (whole == 0)
    return 0;

  /* round (10000 × part ÷ whole), half up, without floating point: sums are 64-bit,
   * so the product needs 128. */
  num = (unsigned __int128) part * 20000u + whole;
  return (gint64) (num / ((unsigned __int128) whole * 2u));
}

void
ld_percent_format (gint64 hundredths,
                   char   buf[static 32])
{
  const char *sign = "";
  guint64 v;

  if (hundredths < 0)
    {
      sign = "-";
      v = (guint64) (-(hundredths + 1)) + 1;
    }
  else
    v = (guint64) hundredths;

  g_snprintf (buf, 32, "%s%" G_GUINT64_FORMAT ".%02u", sign, v / 100, (unsigned) (v % 100));
}
