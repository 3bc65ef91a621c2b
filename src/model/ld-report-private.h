/* ld-report-private.h — the column store's layout, for the engine's own files
 *
 * Only src/model/ includes this. Rows are stored in activation-month order (stable:
 * file order within a month), so a date range is one contiguous span of rows and a
 * query scans memory front to back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-report.h"
#include "ld-dict.h"

G_BEGIN_DECLS

/* A per-row array of ids (dictionary ids, customers, groups, pairs) stored at the
 * narrowest width that holds every id: 1, 2 or 4 bytes. Most of a report's
 * dictionaries hold a handful of values, so most columns take a byte per row.
 * Readers either call ld_ids_get() (a predictable switch) or, in hot loops, switch
 * on the width once outside the loop (see ld-query.c). */
typedef struct {
  gpointer data;   /* NULL when absent */
  guint    width;  /* bytes per id: 1, 2 or 4 */
} LdIds;

/* The width that holds ids 0 … @n_values − 1. */
static inline guint
ld_ids_width_for (guint64 n_values)
{
  return n_values <= 256 ? 1 : n_values <= 65536 ? 2 : 4;
}

/* The largest id @width bytes hold. */
static inline guint32
ld_ids_width_max (guint width)
{
  return width == 1 ? G_MAXUINT8 : width == 2 ? G_MAXUINT16 : G_MAXUINT32;
}

static inline guint32
ld_ids_get (const LdIds *ids,
            gsize        i)
{
  switch (ids->width)
    {
    case 1: return ((const guint8 *) ids->data)[i];
    case 2: return ((const guint16 *) ids->data)[i];
    default: return ((const guint32 *) ids->data)[i];
    }
}

/* @value must fit the width (ld_ids_width_max()). */
static inline void
ld_ids_set (LdIds  *ids,
            gsize   i,
            guint32 value)
{
  switch (ids->width)
    {
    case 1: ((guint8 *) ids->data)[i] = (guint8) value; break;
    case 2: ((guint16 *) ids->data)[i] = (guint16) value; break;
    default: ((guint32 *) ids->data)[i] = value; break;
    }
}

/* Allocates @n ids of @width bytes (contents undefined), or zeroed. */
void  ld_ids_init   (LdIds *ids, guint width, gsize n);
void  ld_ids_init0  (LdIds *ids, guint width, gsize n);
/* Resizes to room for @n ids, keeping those that fit. */
void  ld_ids_resize (LdIds *ids, gsize n);
/* Re-stores the first @n_used of @n_alloc ids at the wider @width, in place: the
 * allocation grows by realloc to @n_alloc ids and the used ones are converted back
 * to front (the rest stay untouched, so pages never written stay unmapped). */
void  ld_ids_widen  (LdIds *ids, guint width, gsize n_used, gsize n_alloc);
void  ld_ids_clear  (LdIds *ids);

/* Sets id @i to @value, first widening the array (room for @n_alloc ids, of which
 * the first @n_used are kept) when @value does not fit. */
static inline void
ld_ids_set_widen (LdIds  *ids,
                  gsize   n_used,
                  gsize   n_alloc,
                  gsize   i,
                  guint32 value)
{
  if (G_UNLIKELY (value > ld_ids_width_max (ids->width)))
    ld_ids_widen (ids, ld_ids_width_for ((guint64) value + 1), n_used, n_alloc);
  ld_ids_set (ids, i, value);
}

typedef struct {
  char    *name;   /* header text as in the file */
  LdField  field;  /* canonical field, or LD_FIELD_EXTRA */
  LdDict  *dict;   /* text columns; NULL for ActivationDate and the two counts */
  LdIds    ids;    /* n_rows ids into dict, storage order, at the width the dict
                    * needs; data NULL when dict is NULL */
} LdColumn;

struct _LdReport
{
  GObject     parent_instance;

  char       *display_name;
  char       *path;
  char        delimiter;
  LdEncoding  encoding;
  gboolean    day_first;

  /* The files read, in the order given (SPEC §7), and the months they cover. */
  guint         n_files;
  LdReportFile *files;
  guint         n_months_covered;
  LdMonthSpan  *months_covered;
  guint64       rows_replaced;

  guint       n_columns;
  LdColumn   *columns;
  int         field_column[LD_N_FIELDS];  /* file column of each field, -1 when absent */

  guint       n_rows;
  guint64     rows_skipped;
  guint64     n_warnings;
  GArray     *bad_rows;                   /* LdBadRow, line order */

  /* Typed columns, storage order. A row's month is where it lies (month_start), so
   * only its day is kept: ld_report_row_date() gives the whole date. The counts are
   * as narrow as the largest of them allows (most fit in two bytes). */
  guint8     *day;           /* 1 … 31 */
  LdIds       provisioned;
  LdIds       assigned;

  /* Rows of month first_month + k are [month_start[k], month_start[k + 1]). */
  int         first_month;   /* -1 when n_rows == 0 */
  int         last_month;
  guint       n_months;      /* last_month - first_month + 1, or 0 */
  guint      *month_start;   /* n_months + 1 entries */

  /* The file order: files in the order given, rows in each file's order (the data
   * table's order, SPEC §7). file_month[i] is the month (minus first_month) of the
   * i-th kept row in file order; since rows keep file order within a month, that is
   * enough to rebuild where each lies: ld_report_get_file_order(). */
  LdIds       file_month;    /* data NULL when file_order_is_storage */
  gboolean    file_order_is_storage;  /* the files came in month order already */
  guint32    *file_order;    /* made on first use */

  /* Dimension columns: ids into dim_dict[d]; copies of the file column's ids (not
   * owned), or data NULL when the field is absent (every row then has id 0, the
   * empty string). */
  LdIds          dim_ids[LD_N_DIMS];
  LdDict        *dim_dict[LD_N_DIMS];     /* never NULL: an empty dict when absent */

  /* Customer identity (SPEC §3): Tenant ID when present and non-empty, else
   * (CustomerName, CustomerCountryCode). */
  guint       n_customers;
  LdIds       customer;          /* per row */
  guint32    *customer_name;     /* per customer: id in dim_dict[LD_DIM_CUSTOMER] (first seen) */
  guint32    *customer_code;     /* per customer: id in dim_dict[LD_DIM_COUNTRY] (first seen) */

  /* Products are keyed by ProductId, or by ProductDisplayName when the id is blank or
   * the column absent; groups by (product, PlanName) — SPEC §5 analysis-products. */
  guint       n_products;
  guint       n_groups;
  LdIds       group;             /* per row */
  guint32    *group_product;     /* per group: product index */
  guint32    *group_plan;        /* per group: id in dim_dict[LD_DIM_PLAN] */
  guint32    *group_offer_type;  /* per group: id in dim_dict[LD_DIM_OFFER_TYPE] (first seen) */
  guint32    *group_name;        /* per group: id in dim_dict[LD_DIM_OFFER] (first seen) */
  guint32    *group_product_id;  /* per group: id in the ProductId column's dict, 0 when absent */
  LdDict     *product_id_dict;   /* the ProductId column's dict, or an empty dict */

  /* Pair ids for distinct counts in one pass: each is dense over the pairs present.
   * The per-row arrays (customer, group, pairs) are LdIds at the width their counts
   * need. */
  guint       n_customer_group_pairs;
  LdIds       customer_group_pair;    /* (customer, group) per row */
  guint       n_customer_product_pairs;
  LdIds       customer_product_pair;  /* (customer, product) per row */
  guint       n_customer_country_pairs;
  LdIds       customer_country_pair;  /* (customer, country code) per row; data NULL when
                                       * every customer has one country: then it equals
                                       * customer */

  /* Per country-code id: the first CustomerCountry name id seen with it (0 when none). */
  guint32    *country_name;
  LdDict     *country_name_dict;      /* the CustomerCountry column's dict, or an empty dict */

  guint32     latest_date;
  gsize       memory_size;

  /* Orders that do not depend on a query, computed on first use so that the tables
   * of a re-query sort integers, not strings; see ld_report_get_customer_ranks().
   * Each holds n ranks, then their inverse (n entities in rank order). */
  guint32    *customer_rank;
  guint32    *group_rank;
};

/* Per customer: its position in (CustomerName, CustomerCountryCode, index) order, text
 * by UTF-8 bytes — the analysis-customers order after provisioned (SPEC §5). Computed
 * on the first call, safely from any thread. */
const guint32 *ld_report_get_customer_ranks (LdReport *self);
/* Per group: its position in (ProductDisplayName, PlanName, ProductId, index) order —
 * the analysis-products order after provisioned. Computed like the customers'. */
const guint32 *ld_report_get_group_ranks (LdReport *self);
/* The inverses: the customers, and the groups, in rank order. */
const guint32 *ld_report_get_customer_order (LdReport *self);
const guint32 *ld_report_get_group_order (LdReport *self);

/* file_order[i] is the storage row of the i-th kept row in file order. Made on the
 * first call (n_rows × 4 bytes, kept with the report), safely from any thread. */
const guint32 *ld_report_get_file_order (LdReport *self);

/* The packed date (YYYYMMDD) of storage row @row. */
static inline guint32
ld_report_row_date (const LdReport *self,
                    guint           row)
{
  guint lo = 0, hi = self->n_months;
  int month;

  /* The last month starting at or before the row: the one holding it. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->month_start[mid] <= row)
        lo = mid;
      else
        hi = mid;
    }
  month = self->first_month + (int) lo;
  return (guint32) LD_MONTH_YEAR (month) * 10000 + LD_MONTH_OF_YEAR (month) * 100 + self->day[row];
}

/* The number of bits @v needs (0 for 0). */
static inline guint
ld_bit_length (guint64 v)
{
  return v == 0 ? 0 : 64 - (guint) __builtin_clzll (v);
}

G_END_DECLS
