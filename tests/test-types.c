/* test-types.c — names, months, dates and percentages shared by the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-types.h"

static void
test_field_headers (void)
{
  g_assert_cmpint (ld_field_from_header ("CustomerCountryCode", -1), ==, LD_FIELD_CUSTOMER_COUNTRY_CODE);
  g_assert_cmpint (ld_field_from_header ("Customer Country Code", -1), ==, LD_FIELD_CUSTOMER_COUNTRY_CODE);
  g_assert_cmpint (ld_field_from_header ("customer_country_code", -1), ==, LD_FIELD_CUSTOMER_COUNTRY_CODE);
  g_assert_cmpint (ld_field_from_header ("CUSTOMER-COUNTRY-CODE", -1), ==, LD_FIELD_CUSTOMER_COUNTRY_CODE);
  g_assert_cmpint (ld_field_from_header ("SKU Name", -1), ==, LD_FIELD_PLAN_NAME);
  g_assert_cmpint (ld_field_from_header ("Product ID", -1), ==, LD_FIELD_PRODUCT_ID);
  g_assert_cmpint (ld_field_from_header ("Service ID", -1), ==, LD_FIELD_SERVICE_ID);
  g_assert_cmpint (ld_field_from_header ("Tenant ID", -1), ==, LD_FIELD_TENANT_ID);
  g_assert_cmpint (ld_field_from_header ("Licenses Provisioned", -1), ==, LD_FIELD_LICENSES_PROVISIONED);
  g_assert_cmpint (ld_field_from_header ("OrderId", -1), ==, LD_FIELD_EXTRA);
  g_assert_cmpint (ld_field_from_header ("", -1), ==, LD_FIELD_EXTRA);
  /* Only the given length counts. */
  g_assert_cmpint (ld_field_from_header ("PlanNameXYZ", 8), ==, LD_FIELD_PLAN_NAME);

  for (int f = 0; f < LD_N_FIELDS; f++)
    g_assert_cmpint (ld_field_from_header (ld_field_get_name (f), -1), ==, f);
  g_assert_null (ld_field_get_name (LD_FIELD_EXTRA));
}

static void
test_names (void)
{
  LdDimension dim;
  LdWidgetId widget;

  for (int d = 0; d < LD_N_DIMS; d++)
    {
      g_assert_true (ld_dimension_from_cli_name (ld_dimension_get_cli_name (d), &dim));
      g_assert_cmpint (dim, ==, d);
    }
  g_assert_false (ld_dimension_from_cli_name ("tenant", &dim));
  g_assert_cmpint (ld_dimension_get_field (LD_DIM_COUNTRY), ==, LD_FIELD_CUSTOMER_COUNTRY_CODE);
  g_assert_cmpint (ld_dimension_get_field (LD_DIM_OFFER), ==, LD_FIELD_PRODUCT_DISPLAY_NAME);

  for (int w = 0; w < LD_N_WIDGETS; w++)
    {
      g_assert_true (ld_widget_id_from_string (ld_widget_id_to_string (w), &widget));
      g_assert_cmpint (widget, ==, w);
    }
  g_assert_cmpstr (ld_widget_id_to_string (LD_WIDGET_ANALYSIS_PRODUCTS), ==, "analysis-products");
  g_assert_false (ld_widget_id_from_string ("dashboard", &widget));
}

static void
test_months (void)
{
  char buf[8];
  int m = 0;

  g_assert_cmpint (LD_MONTH (2026, 1) - LD_MONTH (2025, 12), ==, 1);
  ld_month_format (LD_MONTH (2026, 3), buf);
  g_assert_cmpstr (buf, ==, "2026-03");
  ld_month_format (-1, buf);
  g_assert_cmpstr (buf, ==, "");

  g_assert_true (ld_month_parse ("2026-12", &m));
  g_assert_cmpint (m, ==, LD_MONTH (2026, 12));
  g_assert_cmpint (LD_MONTH_YEAR (m), ==, 2026);
  g_assert_cmpint (LD_MONTH_OF_YEAR (m), ==, 12);
  g_assert_false (ld_month_parse ("2026-13", &m));
  g_assert_false (ld_month_parse ("2026-00", &m));
  g_assert_false (ld_month_parse ("2026-1", &m));
  g_assert_false (ld_month_parse ("2026/01", &m));
  g_assert_false (ld_month_parse (NULL, &m));
}

static void
test_dates (void)
{
  char buf[11];

  ld_date_format (20260305, buf);
  g_assert_cmpstr (buf, ==, "2026-03-05");
  g_assert_cmpint (LD_DATE_TO_MONTH (20260305), ==, LD_MONTH (2026, 3));
  g_assert_cmpint (LD_DATE_DAY (20260305), ==, 5);
}

static void
test_percent (void)
{
  char buf[32];

  g_assert_cmpint (ld_percent_hundredths (1, 3), ==, 3333);
  g_assert_cmpint (ld_percent_hundredths (2, 3), ==, 6667);
  g_assert_cmpint (ld_percent_hundredths (1, 8), ==, 1250);    /* 12.5 exactly */
  g_assert_cmpint (ld_percent_hundredths (1, 80000), ==, 0);   /* 0.00125 % → 0.00 */
  g_assert_cmpint (ld_percent_hundredths (1, 40000), ==, 0);   /* 0.25 hundredths rounds down */
  g_assert_cmpint (ld_percent_hundredths (1, 20000), ==, 1);   /* 0.5 hundredth rounds up */
  g_assert_cmpint (ld_percent_hundredths (5, 5), ==, 10000);
  g_assert_cmpint (ld_percent_hundredths (7, 0), ==, 0);
  /* Sums are 64-bit: 10000 × part would overflow 64 bits here. */
  g_assert_cmpint (ld_percent_hundredths (G_MAXUINT64 / 2, G_MAXUINT64 / 2), ==, 10000);
  g_assert_cmpint (ld_percent_hundredths (G_MAXUINT64 / 3, G_MAXUINT64), ==, 3333);

  ld_percent_format (3333, buf);
  g_assert_cmpstr (buf, ==, "33.33");
  ld_percent_format (10000, buf);
  g_assert_cmpstr (buf, ==, "100.00");
  ld_percent_format (5, buf);
  g_assert_cmpstr (buf, ==, "0.05");
  ld_percent_format (0, buf);
  g_assert_cmpstr (buf, ==, "0.00");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/field-headers", test_field_headers);
  g_test_add_func ("/types/names", test_names);
  g_test_add_func ("/types/months", test_months);
  g_test_add_func ("/types/dates", test_dates);
  g_test_add_func ("/types/percent", test_percent);

  return g_test_run ();
}
