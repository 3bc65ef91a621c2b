/* ld-types.h — the vocabulary shared by the whole engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The canonical columns of the License report (SPEC §2), in data-dictionary order. */
typedef enum {
  LD_FIELD_CUSTOMER_COUNTRY,
  LD_FIELD_CUSTOMER_COUNTRY_CODE,
  LD_FIELD_CUSTOMER_NAME,
  LD_FIELD_ACTIVATION_DATE,
  LD_FIELD_PRODUCT_DISPLAY_NAME,
  LD_FIELD_PRODUCT_ID,
  LD_FIELD_PLAN_NAME,
  LD_FIELD_SERVICE_ID,
  LD_FIELD_LICENSE_STATE,
  LD_FIELD_LICENSES_ASSIGNED,
  LD_FIELD_LICENSES_PROVISIONED,
  LD_FIELD_OFFER_TYPE,
  LD_FIELD_TENANT_ID,
  LD_N_FIELDS,
  LD_FIELD_EXTRA = -1, /* a column the report does not analyse; kept for Download data */
} LdField;

/* The canonical name of @field ("CustomerCountryCode"), or NULL for LD_FIELD_EXTRA. */
const char *ld_field_get_name (LdField field);

/* Matches a header cell against the data dictionary: case, spaces, '_' and '-' are
 * ignored and the synonyms of SPEC §2 are known. Returns LD_FIELD_EXTRA for others. */
LdField ld_field_from_header (const char *header, gssize len);

/* The six sidebar filters (SPEC §3). */
typedef enum {
  LD_DIM_OFFER_TYPE,   /* OfferType */
  LD_DIM_OFFER,        /* ProductDisplayName */
  LD_DIM_PLAN,         /* PlanName, matched by name across offers */
  LD_DIM_CUSTOMER,     /* CustomerName */
  LD_DIM_COUNTRY,      /* CustomerCountryCode */
  LD_DIM_STATE,        /* LicenseState */
  LD_N_DIMS,
} LdDimension;

/* The column a dimension filters on. */
LdField ld_dimension_get_field (LdDimension dim);
/* The command-line name of @dim: "offer-type", "offer", "plan", "customer", "country", "state". */
const char *ld_dimension_get_cli_name (LdDimension dim);
/* Parses a command-line name; returns FALSE when @name is none of them. */
gboolean ld_dimension_from_cli_name (const char *name, LdDimension *dim);

/* The tables of SPEC §5, one per widget. */
typedef enum {
  LD_WIDGET_SUMMARY,
  LD_WIDGET_CUSTOMERS,
  LD_WIDGET_LICENSES,
  LD_WIDGET_ANALYSIS_PRODUCTS,
  LD_WIDGET_ANALYSIS_CUSTOMERS,
  LD_WIDGET_GEO,
  LD_WIDGET_ADOPTION,
  LD_WIDGET_STATES,
  LD_WIDGET_DATA,
  LD_N_WIDGETS,
} LdWidgetId;

/* "summary", "customers", "licenses", "analysis-products", "analysis-customers", "geo",
 * "adoption", "states", "data". */
const char *ld_widget_id_to_string (LdWidgetId id);
gboolean ld_widget_id_from_string (const char *name, LdWidgetId *id);

/* A month is counted as year * 12 + (month - 1): consecutive months are consecutive integers. */
#define LD_MONTH(year, month) ((int) (year) * 12 + ((int) (month) - 1))
#define LD_MONTH_YEAR(m) ((m) / 12)
#define LD_MONTH_OF_YEAR(m) ((m) % 12 + 1)
/* Writes "YYYY-MM" (8 bytes with the NUL) into @buf. */
void ld_month_format (int month, char buf[static 8]);
/* Parses "YYYY-MM"; returns FALSE on anything else. */
gboolean ld_month_parse (const char *text, int *month);

/* A date is packed as year * 10000 + month * 100 + day (20260305). */
#define LD_DATE_YEAR(d) ((int) ((d) / 10000))
#define LD_DATE_MONTH(d) ((int) ((d) / 100 % 100))
#define LD_DATE_DAY(d) ((int) ((d) % 100))
#define LD_DATE_TO_MONTH(d) LD_MONTH (LD_DATE_YEAR (d), LD_DATE_MONTH (d))
/* Writes "YYYY-MM-DD" (11 bytes with the NUL) into @buf. */
void ld_date_format (guint32 date, char buf[static 11]);

/* 100 × @part ÷ @whole in hundredths of a percent, rounded half up, exactly;
 * 0 when @whole is 0. 1 ÷ 3 gives 3333 (33.33 %). */
gint64 ld_percent_hundredths (guint64 part, guint64 whole);
/* Writes a percentage in hundredths as "33.33" with a '.' point in every locale. */
void ld_percent_format (gint64 hundredths, char buf[static 32]);

G_END_DECLS
