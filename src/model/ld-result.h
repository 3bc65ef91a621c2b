/* ld-result.h — the figures of one query run (SPEC §3–§5)
 *
 * Immutable and reference-counted; holds a reference on its report, whose dictionaries
 * its strings point into. Tables are sorted as SPEC §5 orders them, on first use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "ld-report.h"

G_BEGIN_DECLS

typedef struct {
  const char *offer_type;
  const char *product_id;
  const char *product_name;
  const char *plan_name;
  guint64     customers;
  guint64     provisioned;
  guint64     assigned;
  guint32     group;         /* for ld_query_set_group_only() */
} LdProductRow;

typedef struct {
  const char *name;          /* "" when the customer did not share it */
  const char *country_code;
  guint64     products;      /* distinct products */
  guint64     provisioned;
  guint64     assigned;
  guint32     customer;      /* for ld_query_set_customer_only() */
} LdCustomerRow;

typedef struct {
  const char *code;
  const char *name;          /* CustomerCountry as the file has it */
  guint64     customers;
  guint64     provisioned;
  guint64     assigned;
} LdCountryRow;

/* One customer of the adoption table (SPEC §4.5): its licences nobody uses. */
typedef struct {
  const char *name;          /* of the customer's first row; "" when not shared */
  const char *country_code;  /* of the customer's first row */
  guint64     provisioned;
  guint64     assigned;
  guint64     unassigned;    /* provisioned − assigned, or 0 when assigned exceeds it */
  guint32     customer;      /* for ld_query_set_customer_only() */
} LdAdoptionRow;

/* One licence state in one month (SPEC §4.6): all zero when no row has it. */
typedef struct {
  guint64     customers;     /* distinct customers with a row of the state in the month */
  guint64     provisioned;
  guint64     assigned;
} LdStateFigures;

typedef struct {
  const char *value;
  guint64     provisioned;   /* within the range, given the other filters */
  gboolean    selected;
  gboolean    present;       /* FALSE for a selected value absent from the range */
} LdFacetOption;

typedef struct _LdResult LdResult;

#define LD_TYPE_RESULT (ld_result_get_type ())
GType     ld_result_get_type (void) G_GNUC_CONST;
LdResult *ld_result_ref   (LdResult *self);
void      ld_result_unref (LdResult *self);

LdReport *ld_result_get_report (LdResult *self);
/* The range's months (inclusive); both -1 for an empty report. */
int       ld_result_get_from_month (LdResult *self);
int       ld_result_get_to_month   (LdResult *self);
guint     ld_result_get_n_months   (LdResult *self);

guint64   ld_result_get_rows        (LdResult *self);   /* rows passing range and filters */
guint64   ld_result_get_customers   (LdResult *self);
guint64   ld_result_get_provisioned (LdResult *self);
guint64   ld_result_get_assigned    (LdResult *self);
/* Assignment rate in hundredths of a percent (ld_percent_hundredths). */
gint64    ld_result_get_assignment_rate (LdResult *self);

/* Monthly series, n_months entries each, month from_month + k at index k (SPEC §3).
 * Active: distinct customers with a row in the month. New: those of them with no
 * row before the month anywhere in the report — the filters apply, the range does
 * not, so a customer is new in one month only, whatever the range. Returning:
 * active − new. Cumulative: distinct customers from the range's start through the
 * month. */
const guint64 *ld_result_get_active_customers     (LdResult *self);
const guint64 *ld_result_get_new_customers        (LdResult *self);
const guint64 *ld_result_get_returning_customers  (LdResult *self);
const guint64 *ld_result_get_cumulative_customers (LdResult *self);
const guint64 *ld_result_get_month_provisioned    (LdResult *self);
const guint64 *ld_result_get_month_assigned       (LdResult *self);
/* New customers in the range: the sum of the monthly new customers. */
guint64        ld_result_get_new_customers_total  (LdResult *self);

/* The previous period (SPEC §3): as many whole months just before the range, with the
 * same filters, when the report covers its first month; never for All time. Without
 * one the months are -1 and the figures 0 — show no change then. */
gboolean  ld_result_has_previous             (LdResult *self);
int       ld_result_get_previous_from_month  (LdResult *self);
int       ld_result_get_previous_to_month    (LdResult *self);
guint64   ld_result_get_previous_customers   (LdResult *self);
guint64   ld_result_get_previous_provisioned (LdResult *self);
guint64   ld_result_get_previous_assigned    (LdResult *self);
gint64    ld_result_get_previous_assignment_rate (LdResult *self);

/* Sorted tables (SPEC §5 order), built on first call. */
const LdProductRow  *ld_result_get_products  (LdResult *self, guint *n_rows);
const LdCustomerRow *ld_result_get_customers_table (LdResult *self, guint *n_rows);
const LdCountryRow  *ld_result_get_countries (LdResult *self, guint *n_rows);
/* Customers by unassigned licences descending, then name, then country code. */
const LdAdoptionRow *ld_result_get_adoption  (LdResult *self, guint *n_rows);

/* The licence states that occur in the filtered range, by UTF-8 bytes ("" — a blank
 * LicenseState — is one of them when rows have it), and each one's figures per month
 * of the range (@month_index 0 … n_months − 1). */
guint        ld_result_get_n_states       (LdResult *self);
const char  *ld_result_get_state          (LdResult *self, guint state);
void         ld_result_get_state_figures  (LdResult       *self,
                                           guint           state,
                                           guint           month_index,
                                           LdStateFigures *figures);

/* The sidebar's options for @dim: values present in the range (plus selected ones
 * that are not), by provisioned descending, then value by UTF-8 bytes. */
const LdFacetOption *ld_result_get_facet (LdResult *self, LdDimension dim, guint *n_options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdResult, ld_result_unref)

G_END_DECLS
