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

/* A licence state's figures in one month, for the states with a passing row only:
 * @state is the index among the result's states (sorted), cells are in month order,
 * then state order. */
typedef struct {
  guint32        state;
  LdStateFigures figures;
} LdStateCell;

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
  guint64  *active_customers;
  guint64  *new_customers;
  guint64  *returning_customers;
  guint64  *cumulative_customers;
  guint64  *month_provisioned;
  guint64  *month_assigned;
  guint64   new_customers_total;

  /* The previous period; months -1 when there is none. */
  gboolean  has_previous;
  int       previous_from;
  int       previous_to;
  guint64   previous_customers;
  guint64   previous_provisioned;
  guint64   previous_assigned;

  /* Licence states occurring in the filtered range: texts (the report's), sorted;
   * the cells of month k are state_cells[state_month_start[k] … [k + 1]). */
  guint        n_states;
  const char **states;
  GArray      *state_cells;          /* LdStateCell */
  guint       *state_month_start;    /* n_months + 1 */

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
