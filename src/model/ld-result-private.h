/* ld-result-private.h — how ld-query.c fills an LdResult
 *
 * Only ld-query.c and ld-result.c include this. A result owns per-id arrays (one
 * entry per group, customer, country code and dimension value); the sorted tables
 * and facet options are derived from them on first use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-result.h"
#include "ld-report-private.h"

G_BEGIN_DECLS

/* Provisioned and assigned side by side: one cache line per entity in the scan. */
typedef struct {
  guint64 provisioned;
  guint64 assigned;
} LdSums;

typedef struct {
  LdReport *report;

  int       from_month;
  int       to_month;
  guint     n_months;

  guint64   rows;
  guint64   customers;
  guint64   provisioned;
  guint64   assigned;

  /* n_months each */
  guint64  *new_customers;
  guint64  *cumulative_customers;
  guint64  *month_provisioned;
  guint64  *month_assigned;

  /* per group / customer / country code id; a count of 0 means "no passing row" */
  guint32  *group_customers;
  LdSums   *group_sums;
  guint32  *customer_products;
  LdSums   *customer_sums;
  guint32  *country_customers;
  LdSums   *country_sums;

  /* per dimension value id */
  guint64  *facet_provisioned[LD_N_DIMS];
  guint8   *facet_present[LD_N_DIMS];
  char    **selected[LD_N_DIMS];   /* the query's values, copied; NULL-terminated */
} LdResultData;

/* Allocates a result with every array zeroed for @report and a range of @n_months. */
LdResult     *ld_result_new  (LdReport *report,
                              int       from_month,
                              int       to_month);
LdResultData *ld_result_data (LdResult *self);

G_END_DECLS
