/* test-store.c — what the builder derives, against a count made the slow way
 *
 * The builder numbers customers, products, groups and (customer, group), (customer,
 * product) and (customer, country) pairs for the query's distinct counts, in two
 * ways: a 64-bit mask per customer when there are at most 64 groups (products,
 * codes), and rows bucketed by customer otherwise. Generated reports on both sides
 * of that line, with and without Tenant IDs, are counted here with hash sets, row by
 * row, and compared with the tables' Customers and Products columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-loader.h"
#include "ld-loader-private.h"
#include "ld-query.h"
#include "ld-report-private.h"

typedef struct {
  guint tenant;
  guint customer;
  guint product;
  guint plan;
  guint country;
} Row;

/* Distinct @b per @a, over the rows. */
static GHashTable *
count_distinct (const GArray *pairs)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < pairs->len; i += 2)
    {
      const char *a = g_array_index (pairs, char *, i);
      const char *b = g_array_index (pairs, char *, i + 1);
      char *key = g_strconcat (a, "\x01", b, NULL);

      if (g_hash_table_add (seen, key))
        g_hash_table_insert (counts, g_strdup (a),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, a)) + 1));
    }
  return counts;
}

static void
add_pair (GArray     *pairs,
          const char *a,
          const char *b)
{
  char *x = g_strdup (a), *y = g_strdup (b);

  g_array_append_val (pairs, x);
  g_array_append_val (pairs, y);
}

static void
free_pairs (GArray *pairs)
{
  for (guint i = 0; i < pairs->len; i++)
    g_free (g_array_index (pairs, char *, i));
  g_array_unref (pairs);
}

static void
check_report (guint    n_rows,
              guint    n_customers,
              guint    n_products,
              guint    n_plans,
              guint    n_countries,
              gboolean tenants,
              guint32  seed)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  g_autoptr(GString) text = g_string_new (NULL);
  GArray *group_pairs = g_array_new (FALSE, FALSE, sizeof (char *));
  GArray *product_pairs = g_array_new (FALSE, FALSE, sizeof (char *));
  GArray *country_pairs = g_array_new (FALSE, FALSE, sizeof (char *));
  g_autoptr(GHashTable) group_customers = NULL;
  g_autoptr(GHashTable) customer_products = NULL;
  g_autoptr(GHashTable) country_customers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdReport) report = NULL;
  g_autoptr(LdQuery) query = NULL;
  g_autoptr(LdResult) result = NULL;
  const LdProductRow *products;
  const LdCustomerRow *customers;
  const LdCountryRow *countries;
  guint n;

  g_string_append_printf (text, "%sCustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
                          "LicensesProvisioned,LicensesAssigned\n", tenants ? "Tenant ID," : "");
  for (guint i = 0; i < n_rows; i++)
    {
      Row r;
      g_autofree char *customer = NULL;
      g_autofree char *country = NULL;
      g_autofree char *product = NULL;
      g_autofree char *group = NULL;

      r.customer = g_rand_int_range (rng, 0, n_customers);
      r.product = g_rand_int_range (rng, 0, n_products);
      r.plan = g_rand_int_range (rng, 0, n_plans);
      /* With tenants a customer moves between countries; without, the country is
       * part of the customer. */
      r.country = tenants ? (guint) g_rand_int_range (rng, 0, n_countries) : r.customer % n_countries;

      if (tenants)
        g_string_append_printf (text, "t%u,", r.customer);
      g_string_append_printf (text, "Customer %u,C%u,2026-%02d-%02d,p%u,plan %u,%d,1\n",
                              r.customer, r.country, 1 + i % 12, 1 + i % 28, r.product, r.plan,
                              1 + (int) (i % 5));

      customer = tenants ? g_strdup_printf ("t%u", r.customer)
                         : g_strdup_printf ("Customer %u/C%u", r.customer, r.country);
      country = g_strdup_printf ("C%u", r.country);
      product = g_strdup_printf ("p%u", r.product);
      group = g_strdup_printf ("p%u/plan %u", r.product, r.plan);
      add_pair (group_pairs, group, customer);
      add_pair (product_pairs, customer, product);
      add_pair (country_pairs, country, customer);
    }
  group_customers = count_distinct (group_pairs);
  customer_products = count_distinct (product_pairs);
  country_customers = count_distinct (country_pairs);

  report = ld_loader_load_data (text->str, text->len, "store.csv", &error);
  g_assert_no_error (error);
  query = ld_query_new (report);
  ld_query_set_range_preset (query, LD_RANGE_ALL);
  result = ld_query_run (query);

  products = ld_result_get_products (result, &n);
  g_assert_cmpuint (n, ==, g_hash_table_size (group_customers));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s/%s", products[i].product_id, products[i].plan_name);

      g_assert_cmpuint (products[i].customers, ==, GPOINTER_TO_UINT (g_hash_table_lookup (group_customers, key)));
    }

  customers = ld_result_get_customers_table (result, &n);
  g_assert_cmpuint (n, ==, g_hash_table_size (customer_products));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = NULL;

      if (tenants)
        key = g_strdup_printf ("t%s", customers[i].name + strlen ("Customer "));
      else
        key = g_strdup_printf ("%s/%s", customers[i].name, customers[i].country_code);
      g_assert_cmpuint (customers[i].products, ==, GPOINTER_TO_UINT (g_hash_table_lookup (customer_products, key)));
    }

  countries = ld_result_get_countries (result, &n);
  g_assert_cmpuint (n, ==, g_hash_table_size (country_customers));
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (countries[i].customers, ==,
                      GPOINTER_TO_UINT (g_hash_table_lookup (country_customers, countries[i].code)));

  free_pairs (group_pairs);
  free_pairs (product_pairs);
  free_pairs (country_pairs);
}

/* At most 64 groups, products and countries: the masks. */
static void
test_few_groups (void)
{
  check_report (20000, 3000, 4, 16, 64, FALSE, 1);
  check_report (20000, 3000, 8, 8, 64, TRUE, 2);
}

/* More than 64: the buckets. 65 is the first past the line. */
static void
test_many_groups (void)
{
  check_report (20000, 3000, 5, 13, 10, FALSE, 3);     /* 65 groups */
  check_report (20000, 3000, 65, 1, 65, TRUE, 4);      /* 65 products, 65 countries */
  check_report (30000, 2000, 90, 3, 200, TRUE, 5);
}

/* Big enough (65,536 rows) to be finished on two threads. */
static void
test_threads (void)
{
  check_report (70000, 9000, 6, 5, 40, FALSE, 6);
  check_report (70000, 9000, 20, 5, 80, TRUE, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/few-groups", test_few_groups);
  g_test_add_func ("/store/many-groups", test_many_groups);
  g_test_add_func ("/store/threads", test_threads);

  return g_test_run ();
}
