/* ld-query.c — a date range and six filters over a report, and the figures they give
 *
 * Rows are stored in month order, so a range is one span of rows, and ld_query_run()
 * walks it once, month by month. Distinct counts need no hash sets and no clearing:
 * the query keeps "stamp" arrays (one entry per customer and per pair) across runs,
 * and each run stamps with numbers no earlier run used. A customer is stamped with
 * base + month index, which tells in one load whether it is new to the run (stamp
 * below base) and new to the month (stamp not this month's).
 *
 * Facets ("provisioned per value given the other filters") come from the same pass:
 * a row that fails no active filter counts everywhere; a row that fails exactly one
 * counts in that dimension's facet only.
 *
 * The per-row ids are stored 1, 2 or 4 bytes wide (ld-report-private.h). The scan
 * goes in blocks of BLOCK_ROWS rows: 4-byte ids are read where they lie, narrower
 * ones are first widened into a small buffer that stays in L1 (a switch per block
 * and column, and a loop the compiler vectorises), so the row loop itself is the
 * same for every width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-query.h"
#include "ld-report-private.h"
#include "ld-result-private.h"

struct _LdQuery
{
  GObject        parent_instance;

  LdReport      *report;

  LdRangePreset  preset;
  int            custom_from;
  int            custom_to;

  GPtrArray     *values[LD_N_DIMS];    /* char *, NULL-terminated, add order */
  guint8        *selection[LD_N_DIMS]; /* per value id: 1 when selected */
  gboolean       selection_dirty[LD_N_DIMS];

  guint32        group_only;
  guint32        customer_only;

  /* Absent dimensions read as id 0 on every row: calloc'd, so never touched memory. */
  guint8        *zeros;
  LdIds          dim_ids[LD_N_DIMS];

  /* Dimensions whose value on every row is the value of the row's group (offer
   * type, offer, plan) or customer (name, code — always so without Tenant IDs): the
   * scan filters those through one small per-group or per-customer mask and derives
   * their facets from the group and customer sums, instead of reading their
   * columns. The rest are read per row. */
  guint8         by_group[LD_N_DIMS];
  guint8         by_customer[LD_N_DIMS];
  gboolean       country_by_customer;
  guint8        *group_fail;      /* per group: bit d set when dim d's filter fails */
  guint8        *customer_fail;   /* per customer: likewise */
  gboolean       customer_fail_set;

  /* "Seen" bits for distinct counts, cleared per run (or per month): a few hundred
   * kilobytes at most, so they stay in cache where 32-bit stamps would not. */
  guint64       *customer_run_bits;
  guint64       *customer_month_bits;
  guint64       *group_pair_bits;
  guint64       *product_pair_bits;
  guint64       *country_pair_bits;

  /* Which values occur in a range does not depend on the filters: kept per range. */
  int            present_from;
  int            present_to;
  guint8        *present[LD_N_DIMS];

  /* New customers (SPEC §3) need to know who had a passing row before the range.
   * Per run, the customers that did; per report, the month of each customer's first
   * row (G_MAXINT when none), computed on first use: without a filter, or with
   * filters that keep or drop whole customers, that month alone answers. */
  guint64       *customer_before_bits;
  int           *customer_first_month;

  /* Licence states: the states present in the range (per range, like present[]) get
   * slots in text order: per state id its slot, per slot its id. Per month of the
   * scan, each state id's figures, and per customer the state ids (below
   * STATE_MASK_SLOTS) it was seen with this month; rows of further ids are counted
   * through state_keys instead. */
  guint32       *state_slot;
  guint32       *state_slot_id;
  guint          n_state_slots;
  LdStateFigures *state_acc;
  guint8        *customer_states;
  GArray        *state_keys;
};

G_DEFINE_FINAL_TYPE (LdQuery, ld_query, G_TYPE_OBJECT)

#define BITS_WORDS(n) (((gsize) (n) + 63) / 64 + 1)

/* Rows per block of the scans: the widened ids of a block stay in L1. */
#define BLOCK_ROWS 256

/* Widening a whole block has a constant trip count and no aliasing, so even -O2's
 * cheap vectoriser turns it into a few wide loads and zero-extensions. */
#define DEFINE_WIDEN_BLOCK(func, Type)                      \
  static inline void                                        \
  func (const Type *restrict src,                           \
        guint32    *restrict dst,                           \
        guint                n)                             \
  {                                                         \
    if (G_LIKELY (n == BLOCK_ROWS))                         \
      for (guint i = 0; i < BLOCK_ROWS; i++)                \
        dst[i] = src[i];                                    \
    else                                                    \
      for (guint i = 0; i < n; i++)                         \
        dst[i] = src[i];                                    \
  }

DEFINE_WIDEN_BLOCK (widen_block_8, guint8)
DEFINE_WIDEN_BLOCK (widen_block_16, guint16)

/* Ids @lo … @lo + @n − 1 (at most BLOCK_ROWS) as 32-bit values: in place when they
 * are stored 4 bytes wide, else widened into @scratch. */
static inline const guint32 *
ids_block (const LdIds *ids,
           guint        lo,
           guint        n,
           guint32     *scratch)
{
  switch (ids->width)
    {
    case 1:
      widen_block_8 ((const guint8 *) ids->data + lo, scratch, n);
      return scratch;
    case 2:
      widen_block_16 ((const guint16 *) ids->data + lo, scratch, n);
      return scratch;
    default:
      return (const guint32 *) ids->data + lo;
    }
}

/* The value of @dim for group @g or customer @c, for dimensions that depend on them. */
static inline guint32
group_value (LdReport   *report,
             LdDimension dim,
             guint32     g)
{
  switch (dim)
    {
    case LD_DIM_OFFER_TYPE: return report->group_offer_type[g];
    case LD_DIM_OFFER: return report->group_name[g];
    case LD_DIM_PLAN: return report->group_plan[g];
    default: g_assert_not_reached ();
    }
}

static inline guint32
customer_value (LdReport   *report,
                LdDimension dim,
                guint32     c)
{
  switch (dim)
    {
    case LD_DIM_CUSTOMER: return report->customer_name[c];
    case LD_DIM_COUNTRY: return report->customer_code[c];
    default: g_assert_not_reached ();
    }
}

static void
ld_query_find_dependent_dims (LdQuery *self)
{
  LdReport *report = self->report;

  guint32 ids_buf[BLOCK_ROWS], owner_buf[BLOCK_ROWS];

  /* Offer type, offer and plan against the group; name and code against the customer. */
  for (int d = LD_DIM_OFFER_TYPE; d <= LD_DIM_COUNTRY; d++)
    {
      gboolean per_group = d <= LD_DIM_PLAN;
      const LdIds *owner = per_group ? &report->group : &report->customer;
      gboolean same = TRUE;

      for (guint lo = 0; lo < report->n_rows && same; lo += BLOCK_ROWS)
        {
          guint n = MIN (BLOCK_ROWS, report->n_rows - lo);
          const guint32 *ids = ids_block (&self->dim_ids[d], lo, n, ids_buf);
          const guint32 *owners = ids_block (owner, lo, n, owner_buf);

          for (guint i = 0; i < n && same; i++)
            same = ids[i] == (per_group ? group_value (report, d, owners[i])
                                        : customer_value (report, d, owners[i]));
        }
      if (per_group)
        self->by_group[d] = same;
      else
        self->by_customer[d] = same;
    }
  /* Country sums then follow from customer sums. */
  self->country_by_customer = self->by_customer[LD_DIM_COUNTRY] && report->customer_country_pair.data == NULL;
}

static const char *const preset_names[] = { "last-6", "last-12", "all", "custom" };

const char *
ld_range_preset_to_string (LdRangePreset preset)
{
  g_return_val_if_fail (preset <= LD_RANGE_CUSTOM, NULL);
  return preset_names[preset];
}

gboolean
ld_range_parse (const char    *text,
                LdRangePreset *preset,
                int           *from_month,
                int           *to_month)
{
  char first[8], second[8];
  int from, to;

  g_return_val_if_fail (text != NULL, FALSE);

  for (int p = LD_RANGE_LAST_6; p < LD_RANGE_CUSTOM; p++)
    if (strcmp (text, preset_names[p]) == 0)
      {
        if (preset != NULL)
          *preset = p;
        if (from_month != NULL)
          *from_month = -1;
        if (to_month != NULL)
          *to_month = -1;
        return TRUE;
      }

  if (strlen (text) != 15 || text[7] != ':')
    return FALSE;
  memcpy (first, text, 7);
  first[7] = '\0';
  memcpy (second, text + 8, 7);
  second[7] = '\0';
  if (!ld_month_parse (first, &from) || !ld_month_parse (second, &to))
    return FALSE;

  if (preset != NULL)
    *preset = LD_RANGE_CUSTOM;
  if (from_month != NULL)
    *from_month = from;
  if (to_month != NULL)
    *to_month = to;
  return TRUE;
}

static void
ld_query_finalize (GObject *object)
{
  LdQuery *self = LD_QUERY (object);

  for (int d = 0; d < LD_N_DIMS; d++)
    {
      g_ptr_array_unref (self->values[d]);
      g_free (self->selection[d]);
      g_free (self->present[d]);
    }
  g_free (self->zeros);
  g_free (self->group_fail);
  g_free (self->customer_fail);
  g_free (self->customer_run_bits);
  g_free (self->customer_month_bits);
  g_free (self->group_pair_bits);
  g_free (self->product_pair_bits);
  g_free (self->country_pair_bits);
  g_free (self->customer_before_bits);
  g_free (self->customer_first_month);
  g_free (self->state_slot);
  g_free (self->state_slot_id);
  g_free (self->state_acc);
  g_free (self->customer_states);
  g_clear_pointer (&self->state_keys, g_array_unref);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (ld_query_parent_class)->finalize (object);
}

static void
ld_query_class_init (LdQueryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ld_query_finalize;
}

static void
ld_query_init (LdQuery *self)
{
  self->preset = LD_RANGE_LAST_6;
  self->group_only = G_MAXUINT32;
  self->customer_only = G_MAXUINT32;
  self->present_from = G_MININT;
  self->present_to = G_MININT;
  for (int d = 0; d < LD_N_DIMS; d++)
    self->values[d] = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

LdQuery *
ld_query_new (LdReport *report)
{
  LdQuery *self;

  g_return_val_if_fail (LD_IS_REPORT (report), NULL);

  self = g_object_new (LD_TYPE_QUERY, NULL);
  self->report = g_object_ref (report);

  for (int d = 0; d < LD_N_DIMS; d++)
    {
      guint n_values = ld_dict_size (report->dim_dict[d]);

      self->dim_ids[d] = report->dim_ids[d];
      if (self->dim_ids[d].data == NULL)
        {
          if (self->zeros == NULL)
            self->zeros = g_new0 (guint8, MAX (report->n_rows, 1));
          self->dim_ids[d].data = self->zeros;
          self->dim_ids[d].width = 1;
        }
      self->selection[d] = g_new0 (guint8, n_values);
      self->present[d] = g_new0 (guint8, n_values);
    }

  self->customer_run_bits = g_new0 (guint64, BITS_WORDS (report->n_customers));
  self->customer_month_bits = g_new0 (guint64, BITS_WORDS (report->n_customers));
  self->group_pair_bits = g_new0 (guint64, BITS_WORDS (report->n_customer_group_pairs));
  self->product_pair_bits = g_new0 (guint64, BITS_WORDS (report->n_customer_product_pairs));
  self->country_pair_bits = g_new0 (guint64, BITS_WORDS (report->n_customer_country_pairs));
  self->group_fail = g_new0 (guint8, MAX (report->n_groups, 1));
  self->customer_fail = g_new0 (guint8, MAX (report->n_customers, 1));
  self->customer_before_bits = g_new0 (guint64, BITS_WORDS (report->n_customers));
  self->customer_states = g_new0 (guint8, MAX (report->n_customers, 1));
  self->state_slot = g_new0 (guint32, ld_dict_size (report->dim_dict[LD_DIM_STATE]));
  self->state_slot_id = g_new0 (guint32, ld_dict_size (report->dim_dict[LD_DIM_STATE]));
  self->state_acc = g_new0 (LdStateFigures, ld_dict_size (report->dim_dict[LD_DIM_STATE]));
  self->state_keys = g_array_new (FALSE, FALSE, sizeof (guint64));

  ld_query_find_dependent_dims (self);

  return self;
}

LdReport *
ld_query_get_report (LdQuery *self)
{
  g_return_val_if_fail (LD_IS_QUERY (self), NULL);
  return self->report;
}

void
ld_query_set_range_preset (LdQuery       *self,
                           LdRangePreset  preset)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (preset <= LD_RANGE_CUSTOM);

  self->preset = preset;
}

void
ld_query_set_custom_range (LdQuery *self,
                           int      from_month,
                           int      to_month)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (from_month >= 0 && to_month >= 0);

  self->preset = LD_RANGE_CUSTOM;
  self->custom_from = MIN (from_month, to_month);
  self->custom_to = MAX (from_month, to_month);
}

LdRangePreset
ld_query_get_range_preset (LdQuery *self)
{
  g_return_val_if_fail (LD_IS_QUERY (self), LD_RANGE_LAST_6);
  return self->preset;
}

void
ld_query_get_range (LdQuery *self,
                    int     *from_month,
                    int     *to_month)
{
  int from = -1, to = -1;
  int last;

  g_return_if_fail (LD_IS_QUERY (self));

  last = self->report->last_month;
  /* A custom range lists its months with zeros even where the report has none, an
   * empty report included (SPEC §3: monthly series list every month of the range). */
  if (self->preset == LD_RANGE_CUSTOM)
    {
      from = self->custom_from;
      to = self->custom_to;
    }
  else if (self->report->n_rows > 0)
    switch (self->preset)
      {
      case LD_RANGE_LAST_6:
        from = MAX (last - 5, 0);
        to = last;
        break;
      case LD_RANGE_LAST_12:
        from = MAX (last - 11, 0);
        to = last;
        break;
      case LD_RANGE_ALL:
        from = self->report->first_month;
        to = last;
        break;
      case LD_RANGE_CUSTOM:
      default:
        from = self->custom_from;
        to = self->custom_to;
        break;
      }

  if (from_month != NULL)
    *from_month = from;
  if (to_month != NULL)
    *to_month = to;
}

static int
find_value (LdQuery    *self,
            LdDimension dim,
            const char *value)
{
  for (guint i = 0; i < self->values[dim]->len; i++)
    if (strcmp (g_ptr_array_index (self->values[dim], i), value) == 0)
      return i;
  return -1;
}

void
ld_query_add_filter_value (LdQuery    *self,
                           LdDimension dim,
                           const char *value)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (dim < LD_N_DIMS);
  g_return_if_fail (value != NULL);

  if (find_value (self, dim, value) >= 0)
    return;
  g_ptr_array_add (self->values[dim], g_strdup (value));
  self->selection_dirty[dim] = TRUE;
}

void
ld_query_remove_filter_value (LdQuery    *self,
                              LdDimension dim,
                              const char *value)
{
  int i;

  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (dim < LD_N_DIMS);
  g_return_if_fail (value != NULL);

  i = find_value (self, dim, value);
  if (i < 0)
    return;
  g_ptr_array_remove_index (self->values[dim], i);
  self->selection_dirty[dim] = TRUE;
}

gboolean
ld_query_has_filter_value (LdQuery    *self,
                           LdDimension dim,
                           const char *value)
{
  g_return_val_if_fail (LD_IS_QUERY (self), FALSE);
  g_return_val_if_fail (dim < LD_N_DIMS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return find_value (self, dim, value) >= 0;
}

const char *const *
ld_query_get_filter_values (LdQuery    *self,
                            LdDimension dim)
{
  g_return_val_if_fail (LD_IS_QUERY (self), NULL);
  g_return_val_if_fail (dim < LD_N_DIMS, NULL);

  return (const char *const *) self->values[dim]->pdata;
}

guint
ld_query_get_n_filter_values (LdQuery    *self,
                              LdDimension dim)
{
  g_return_val_if_fail (LD_IS_QUERY (self), 0);
  g_return_val_if_fail (dim < LD_N_DIMS, 0);

  return self->values[dim]->len;
}

void
ld_query_clear_filter (LdQuery    *self,
                       LdDimension dim)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (dim < LD_N_DIMS);

  if (self->values[dim]->len == 0)
    return;
  g_ptr_array_set_size (self->values[dim], 0);
  self->selection_dirty[dim] = TRUE;
}

void
ld_query_clear_all_filters (LdQuery *self)
{
  g_return_if_fail (LD_IS_QUERY (self));

  for (int d = 0; d < LD_N_DIMS; d++)
    ld_query_clear_filter (self, d);
}

void
ld_query_set_group_only (LdQuery *self,
                         guint32  group)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (group == G_MAXUINT32 || group < self->report->n_groups);

  self->group_only = group;
}

void
ld_query_set_customer_only (LdQuery *self,
                            guint32  customer)
{
  g_return_if_fail (LD_IS_QUERY (self));
  g_return_if_fail (customer == G_MAXUINT32 || customer < self->report->n_customers);

  self->customer_only = customer;
}

guint32
ld_query_get_group_only (LdQuery *self)
{
  g_return_val_if_fail (LD_IS_QUERY (self), G_MAXUINT32);

  return self->group_only;
}

guint32
ld_query_get_customer_only (LdQuery *self)
{
  g_return_val_if_fail (LD_IS_QUERY (self), G_MAXUINT32);

  return self->customer_only;
}

/* Rebuilds the per-id selection of the dimensions whose values changed. */
static void
ld_query_update_selection (LdQuery *self)
{
  for (int d = 0; d < LD_N_DIMS; d++)
    {
      LdDict *dict = self->report->dim_dict[d];

      if (!self->selection_dirty[d])
        continue;
      memset (self->selection[d], 0, ld_dict_size (dict));
      for (guint i = 0; i < self->values[d]->len; i++)
        {
          const char *value = g_ptr_array_index (self->values[d], i);
          guint32 id = ld_dict_lookup (dict, value, strlen (value));

          if (id != G_MAXUINT32)
            self->selection[d][id] = 1;
        }
      self->selection_dirty[d] = FALSE;
    }
}

/* The span of storage rows of months [from, to] clipped to the data; FALSE when empty. */
static gboolean
ld_query_row_span (LdQuery *self,
                   int      from,
                   int      to,
                   int     *lo_month,
                   int     *hi_month,
                   guint   *lo,
                   guint   *hi)
{
  LdReport *report = self->report;
  int a, b;

  if (report->n_rows == 0 || from < 0)
    return FALSE;
  a = MAX (from, report->first_month);
  b = MIN (to, report->last_month);
  if (a > b)
    return FALSE;

  *lo_month = a;
  *hi_month = b;
  *lo = report->month_start[a - report->first_month];
  *hi = report->month_start[b - report->first_month + 1];
  return TRUE;
}

static void
ld_query_update_present (LdQuery *self,
                         int      from,
                         int      to)
{
  int lo_month, hi_month;
  guint lo, hi;

  if (self->present_from == from && self->present_to == to)
    return;

  for (int d = 0; d < LD_N_DIMS; d++)
    memset (self->present[d], 0, ld_dict_size (self->report->dim_dict[d]));

#define MARK_PRESENT(Type)                                      \
  G_STMT_START {                                                \
    const Type *ids_ = (const Type *) self->dim_ids[d].data;    \
                                                                \
    for (guint r = lo; r < hi; r++)                             \
      present[ids_[r]] = 1;                                     \
  } G_STMT_END

  if (ld_query_row_span (self, from, to, &lo_month, &hi_month, &lo, &hi))
    for (int d = 0; d < LD_N_DIMS; d++)
      {
        guint8 *present = self->present[d];

        switch (self->dim_ids[d].width)
          {
          case 1: MARK_PRESENT (guint8); break;
          case 2: MARK_PRESENT (guint16); break;
          default: MARK_PRESENT (guint32); break;
          }
      }
#undef MARK_PRESENT

  /* Slots in text order, so that a month's states come out sorted. */
  {
    LdDict *dict = self->report->dim_dict[LD_DIM_STATE];
    const guint32 *order = ld_dict_get_order (dict);
    const guint8 *present = self->present[LD_DIM_STATE];
    guint n = ld_dict_size (dict);

    self->n_state_slots = 0;
    for (guint rank = 0; rank < n; rank++)
      {
        guint32 id = order[rank];

        if (present[id])
          self->state_slot_id[self->n_state_slots] = id;
        self->state_slot[id] = present[id] ? self->n_state_slots++ : G_MAXUINT32;
      }
  }

  self->present_from = from;
  self->present_to = to;
}

typedef struct {
  guint64 rows;
  guint64 provisioned;
  guint64 assigned;
  guint64 active;        /* distinct customers in the month */
  guint64 first_in_run;  /* of them, first seen in the range this month */
  guint64 fresh;         /* of those, without a passing row before the range: new */
} MonthTotals;

/* Where a row's value of a dimension comes from: its own column, its group's or
 * its customer's. */
enum {
  SOURCE_ROW,
  SOURCE_GROUP,
  SOURCE_CUSTOMER,
};

/* The dimensions read per row (neither per group nor per customer): their facets
 * are summed per row, and the active ones among them are filtered per row. The
 * licence state is always one of them, the last: its facet comes from the states'
 * monthly sums instead (ld_query_finish_states()), so the row loop sums n_dims − 1. */
typedef struct {
  guint          n_dims;
  const LdIds   *ids[LD_N_DIMS];
  guint64       *facet[LD_N_DIMS];
  guint          n_filters;
  guint          filter_dim[LD_N_DIMS];     /* index into dims */
  const guint8  *filter_sel[LD_N_DIMS];
  guint8         filter_bit[LD_N_DIMS];
  /* Per dimension, for a row failing only that dimension's filter: the source of
   * its value, and the per-group or per-customer values (per-row ones come from
   * the block), so that the lookup needs no branch. */
  guint8         source[LD_N_DIMS];
  const guint32 *values[LD_N_DIMS];
  guint          row_dim[LD_N_DIMS];        /* SOURCE_ROW: index into dims */
} RowWork;

/* A customer remembers the states it was seen with this month in a byte: the first
 * eight state ids of the file (its usual handful); rarer ones go through state_keys. */
#define STATE_MASK_SLOTS 8

/* In group_fail[] and customer_fail[], beside the bits of the failing dimensions:
 * not the one group or customer the query is restricted to. */
#define ONLY_BIT 0x80
G_STATIC_ASSERT (LD_N_DIMS < 7);

/* How many per-row filters a scan is compiled for: none, exactly one (the usual
 * licence state), or any number (a loop). */
enum {
  ROW_FILTERS_NONE = 0,
  ROW_FILTERS_ONE = 1,
  ROW_FILTERS_ANY = 2,
};

/* Sets bit @i and returns 1 when it was clear: branch-free, for counting. */
static inline guint
test_and_set (guint64 *bits,
              guint32  i)
{
  guint64 mask = G_GUINT64_CONSTANT (1) << (i & 63);
  guint64 word = bits[i >> 6];

  bits[i >> 6] = word | mask;
  return (word & mask) == 0;
}

static inline guint
test_bit (const guint64 *bits,
          guint32        i)
{
  return (bits[i >> 6] >> (i & 63)) & 1;
}

/* One month's rows, block by block. Always inlined with @filtered and
 * @per_row_country constant, so the common case of no active filter compiles to a
 * loop without any filter code in it, and no loop keeps pointers it does not use. */
static inline __attribute__ ((always_inline)) void
scan_rows (LdQuery       *self,
           LdResultData  *res,
           guint          lo,
           guint          hi,
           gboolean       filtered,
           guint          row_filters,
           gboolean       per_row_country,
           const RowWork *work,
           MonthTotals   *totals)
{
  LdReport *report = self->report;
  const LdIds *cc_ids = report->customer_country_pair.data != NULL ? &report->customer_country_pair : &report->customer;
  const LdIds *code_ids = &self->dim_ids[LD_DIM_COUNTRY];
  const guint8 *group_fail = self->group_fail;
  const guint8 *customer_fail = self->customer_fail;
  guint64 *run_bits = self->customer_run_bits;
  guint64 *month_bits = self->customer_month_bits;
  const guint64 *before_bits = self->customer_before_bits;
  guint64 *cg_bits = self->group_pair_bits;
  guint64 *cp_bits = self->product_pair_bits;
  guint64 *cc_bits = self->country_pair_bits;
  guint32 *group_customers = res->group_customers;
  guint32 *customer_products = res->customer_products;
  guint32 *country_customers = res->country_customers;
  LdSums *group_sums = res->group_sums;
  LdSums *customer_sums = res->customer_sums;
  LdSums *country_sums = res->country_sums;
  LdStateFigures *state_acc = self->state_acc;
  guint8 *customer_states = self->customer_states;
  guint state_dim = work->row_dim[LD_DIM_STATE];
  const guint8 *filter_sel0 = work->filter_sel[0];
  guint filter_bit0 = work->filter_bit[0];
  guint n_dims = work->n_dims;
  guint n_facet_dims = work->n_dims - 1;
  guint n_filters = work->n_filters;
  guint64 rows = 0, sum_prov = 0, sum_asg = 0, active = 0, first_in_run = 0, fresh = 0;
  guint32 cust_buf[BLOCK_ROWS], grp_buf[BLOCK_ROWS], cg_buf[BLOCK_ROWS], cp_buf[BLOCK_ROWS];
  guint32 prov_buf[BLOCK_ROWS], asg_buf[BLOCK_ROWS];
  guint32 cc_buf[BLOCK_ROWS], code_buf[BLOCK_ROWS];
  guint32 dim_buf[LD_N_DIMS][BLOCK_ROWS];

  for (guint base = lo; base < hi; base += BLOCK_ROWS)
    {
      guint n = MIN (BLOCK_ROWS, hi - base);
      const guint32 *prov = ids_block (&report->provisioned, base, n, prov_buf);
      const guint32 *asg = ids_block (&report->assigned, base, n, asg_buf);
      const guint32 *cust = ids_block (&report->customer, base, n, cust_buf);
      const guint32 *grp = ids_block (&report->group, base, n, grp_buf);
      const guint32 *cg_pair = ids_block (&report->customer_group_pair, base, n, cg_buf);
      const guint32 *cp_pair = ids_block (&report->customer_product_pair, base, n, cp_buf);
      const guint32 *cc_pair = NULL, *codes = NULL, *states;
      /* The state is always read per row (ld_query_prepare), so dim[] has it. */
      const guint32 *dim[LD_N_DIMS] = { NULL };
      const guint32 *fail_values[LD_N_DIMS];
      const guint32 *filter_values[LD_N_DIMS];

      if (per_row_country)
        {
          cc_pair = ids_block (cc_ids, base, n, cc_buf);
          codes = ids_block (code_ids, base, n, code_buf);
        }
      for (guint k = 0; k < n_dims; k++)
        dim[k] = ids_block (work->ids[k], base, n, dim_buf[k]);
      states = dim[state_dim];
      if (filtered)
        {
          for (guint k = 0; k < n_filters; k++)
            filter_values[k] = dim[work->filter_dim[k]];
          for (guint d = 0; d < LD_N_DIMS; d++)
            fail_values[d] = work->source[d] == SOURCE_ROW ? dim[work->row_dim[d]] : work->values[d];
        }

      for (guint i = 0; i < n; i++)
        {
          guint32 p = prov[i];
          guint32 c = cust[i];
          guint32 g = grp[i];
          guint32 a, state_id;
          LdStateFigures *state;

          if (filtered)
            {
              guint fail = group_fail[g] | customer_fail[c];

              /* Branch-free: a selection entry is 1 or 0, so entry − 1 masks the bit in
               * exactly when the value is not selected. */
              if (row_filters == ROW_FILTERS_ONE)
                fail |= (guint) (filter_sel0[filter_values[0][i]] - 1) & filter_bit0;
              else if (row_filters == ROW_FILTERS_ANY)
                for (guint k = 0; k < n_filters; k++)
                  fail |= (guint) (work->filter_sel[k][filter_values[k][i]] - 1) & work->filter_bit[k];

              if (fail != 0)
                {
                  /* Failing one filter only: the row counts in that filter's facet
                   * (not when it is outside the one group or customer asked for). */
                  if ((fail & (fail - 1)) == 0 && fail < ONLY_BIT)
                    {
                      guint d = g_bit_nth_lsf (fail, -1);
                      guint32 index[3] = { i, g, c };

                      res->facet_provisioned[d][fail_values[d][index[work->source[d]]]] += p;
                    }
                  continue;
                }
            }

          a = asg[i];
          rows++;
          sum_prov += p;
          sum_asg += a;
          group_sums[g].provisioned += p;
          group_sums[g].assigned += a;
          customer_sums[c].provisioned += p;
          customer_sums[c].assigned += a;

          state_id = states[i];
          state = &state_acc[state_id];
          state->provisioned += p;
          state->assigned += a;

          if (test_and_set (month_bits, c))
            {
              guint first = test_and_set (run_bits, c);

              /* First row of the customer this month; first in the range; and new
               * when it had no passing row before the range either. */
              active++;
              first_in_run += first;
              fresh += first & (test_bit (before_bits, c) ^ 1);
              customer_states[c] = 0;
            }
          if (G_LIKELY (state_id < STATE_MASK_SLOTS))
            {
              guint8 seen = customer_states[c];
              guint8 bit = 1u << state_id;

              state->customers += (seen & bit) == 0;
              customer_states[c] = seen | bit;
            }
          else
            {
              guint64 key = ((guint64) state_id << 32) | c;

              g_array_append_val (self->state_keys, key);
            }

          group_customers[g] += test_and_set (cg_bits, cg_pair[i]);
          customer_products[c] += test_and_set (cp_bits, cp_pair[i]);

          if (per_row_country)
            {
              guint32 code = codes[i];

              country_sums[code].provisioned += p;
              country_sums[code].assigned += a;
              country_customers[code] += test_and_set (cc_bits, cc_pair[i]);
            }

          for (guint k = 0; k < n_facet_dims; k++)
            work->facet[k][dim[k][i]] += p;
        }
    }

  totals->rows = rows;
  totals->provisioned = sum_prov;
  totals->assigned = sum_asg;
  totals->active = active;
  totals->first_in_run = first_in_run;
  totals->fresh = fresh;
}

static void
scan_rows_plain (LdQuery       *self,
                 LdResultData  *res,
                 guint          lo,
                 guint          hi,
                 const RowWork *work,
                 MonthTotals   *totals)
{
  if (self->country_by_customer)
    scan_rows (self, res, lo, hi, FALSE, ROW_FILTERS_NONE, FALSE, work, totals);
  else
    scan_rows (self, res, lo, hi, FALSE, ROW_FILTERS_NONE, TRUE, work, totals);
}

/* One copy per number of per-row filters: with none or one, the row loop has no
 * inner loop. */
#define SCAN_ROWS_FILTERED(row_filters)                                                   \
  static void                                                                             \
  scan_rows_filtered_##row_filters (LdQuery       *self,                                  \
                                    LdResultData  *res,                                   \
                                    guint          lo,                                    \
                                    guint          hi,                                    \
                                    const RowWork *work,                                  \
                                    MonthTotals   *totals)                                \
  {                                                                                       \
    if (self->country_by_customer)                                                        \
      scan_rows (self, res, lo, hi, TRUE, ROW_FILTERS_##row_filters, FALSE, work, totals); \
    else                                                                                  \
      scan_rows (self, res, lo, hi, TRUE, ROW_FILTERS_##row_filters, TRUE, work, totals);  \
  }

SCAN_ROWS_FILTERED (NONE)
SCAN_ROWS_FILTERED (ONE)
SCAN_ROWS_FILTERED (ANY)

static void
scan_rows_filtered (LdQuery       *self,
                    LdResultData  *res,
                    guint          lo,
                    guint          hi,
                    const RowWork *work,
                    MonthTotals   *totals)
{
  switch (work->n_filters)
    {
    case 0: scan_rows_filtered_NONE (self, res, lo, hi, work, totals); break;
    case 1: scan_rows_filtered_ONE (self, res, lo, hi, work, totals); break;
    default: scan_rows_filtered_ANY (self, res, lo, hi, work, totals); break;
    }
}

/* The end of a month of the scan: the states seen in it become the result's cells
 * (in slot order, which is text order), and the accumulators are cleared. */
static void
flush_states (LdQuery      *self,
              LdResultData *res)
{
  GArray *keys = self->state_keys;

  /* Rows of state ids past the customers' masks: distinct (id, customer) keys. */
  if (keys->len > 0)
    {
      guint64 *k = (guint64 *) (gpointer) keys->data;

      ld_sort_keys (k, keys->len);
      for (guint i = 0; i < keys->len; i++)
        if (i == 0 || k[i] != k[i - 1])
          self->state_acc[k[i] >> 32].customers++;
      g_array_set_size (keys, 0);
    }

  for (guint slot = 0; slot < self->n_state_slots; slot++)
    {
      LdStateFigures *acc = &self->state_acc[self->state_slot_id[slot]];

      /* Every passing row counts its customer once in its state and month. */
      if (acc->customers == 0)
        continue;
      g_array_append_vals (res->state_cells, &(LdStateCell) { slot, *acc }, 1);
      memset (acc, 0, sizeof *acc);
    }
}

/* Rows before the range, for what the range's figures compare with: a row that
 * passes the filters marks its customer in customer_before_bits. With @counting
 * (the previous period), it is also summed into @totals, and the customers it marks
 * for the first time are its distinct customers. Always inlined with @filtered and
 * @counting constant, like scan_rows(). */
static inline __attribute__ ((always_inline)) void
scan_before (LdQuery       *self,
             guint          lo,
             guint          hi,
             gboolean       filtered,
             guint          row_filters,
             gboolean       counting,
             const RowWork *work,
             MonthTotals   *totals)
{
  LdReport *report = self->report;
  const guint8 *group_fail = self->group_fail;
  const guint8 *customer_fail = self->customer_fail;
  guint64 *before_bits = self->customer_before_bits;
  const guint8 *filter_sel0 = work->filter_sel[0];
  guint filter_bit0 = work->filter_bit[0];
  guint n_filters = work->n_filters;
  guint64 sum_prov = 0, sum_asg = 0, customers = 0;
  guint32 cust_buf[BLOCK_ROWS], grp_buf[BLOCK_ROWS], prov_buf[BLOCK_ROWS], asg_buf[BLOCK_ROWS];
  guint32 filter_buf[LD_N_DIMS][BLOCK_ROWS];

  for (guint base = lo; base < hi; base += BLOCK_ROWS)
    {
      guint n = MIN (BLOCK_ROWS, hi - base);
      const guint32 *prov = counting ? ids_block (&report->provisioned, base, n, prov_buf) : NULL;
      const guint32 *asg = counting ? ids_block (&report->assigned, base, n, asg_buf) : NULL;
      const guint32 *cust = ids_block (&report->customer, base, n, cust_buf);
      const guint32 *grp = NULL;
      const guint32 *filter_values[LD_N_DIMS];

      if (filtered)
        {
          grp = ids_block (&report->group, base, n, grp_buf);
          for (guint k = 0; k < n_filters; k++)
            filter_values[k] = ids_block (work->ids[work->filter_dim[k]], base, n, filter_buf[k]);
        }

      for (guint i = 0; i < n; i++)
        {
          guint32 c = cust[i];

          if (filtered)
            {
              guint fail = group_fail[grp[i]] | customer_fail[c];

              if (row_filters == ROW_FILTERS_ONE)
                fail |= (guint) (filter_sel0[filter_values[0][i]] - 1) & filter_bit0;
              else if (row_filters == ROW_FILTERS_ANY)
                for (guint k = 0; k < n_filters; k++)
                  fail |= (guint) (work->filter_sel[k][filter_values[k][i]] - 1) & work->filter_bit[k];
              if (fail != 0)
                continue;
            }

          if (counting)
            {
              sum_prov += prov[i];
              sum_asg += asg[i];
              customers += test_and_set (before_bits, c);
            }
          else
            before_bits[c >> 6] |= G_GUINT64_CONSTANT (1) << (c & 63);
        }
    }

  if (counting)
    {
      totals->provisioned = sum_prov;
      totals->assigned = sum_asg;
      totals->active = customers;
    }
}

static void
scan_before_counting (LdQuery *self, guint lo, guint hi, gboolean filtered,
                      const RowWork *work, MonthTotals *totals)
{
  if (!filtered)
    scan_before (self, lo, hi, FALSE, ROW_FILTERS_NONE, TRUE, work, totals);
  else if (work->n_filters == 0)
    scan_before (self, lo, hi, TRUE, ROW_FILTERS_NONE, TRUE, work, totals);
  else if (work->n_filters == 1)
    scan_before (self, lo, hi, TRUE, ROW_FILTERS_ONE, TRUE, work, totals);
  else
    scan_before (self, lo, hi, TRUE, ROW_FILTERS_ANY, TRUE, work, totals);
}

/* Only with a filter: without one, each customer's first month answers. */
static void
scan_before_marking (LdQuery *self, guint lo, guint hi,
                     const RowWork *work)
{
  if (work->n_filters == 0)
    scan_before (self, lo, hi, TRUE, ROW_FILTERS_NONE, FALSE, work, NULL);
  else if (work->n_filters == 1)
    scan_before (self, lo, hi, TRUE, ROW_FILTERS_ONE, FALSE, work, NULL);
  else
    scan_before (self, lo, hi, TRUE, ROW_FILTERS_ANY, FALSE, work, NULL);
}

/* The month of each customer's first row, over the whole report. */
static const int *
ld_query_get_customer_first_months (LdQuery *self)
{
  LdReport *report = self->report;

  if (self->customer_first_month == NULL)
    {
      int *first = g_new (int, MAX (report->n_customers, 1));
      guint32 buf[BLOCK_ROWS];

      for (guint c = 0; c < report->n_customers; c++)
        first[c] = G_MAXINT;
      /* Rows are in month order: the first month a customer is met in is its first. */
      for (guint k = 0; k < report->n_months; k++)
        for (guint base = report->month_start[k]; base < report->month_start[k + 1]; base += BLOCK_ROWS)
          {
            guint n = MIN (BLOCK_ROWS, report->month_start[k + 1] - base);
            const guint32 *cust = ids_block (&report->customer, base, n, buf);
            int month = report->first_month + (int) k;

            for (guint i = 0; i < n; i++)
              first[cust[i]] = MIN (first[cust[i]], month);
          }
      self->customer_first_month = first;
    }
  return self->customer_first_month;
}

/* Splits the active filters into per-group and per-customer masks and per-row
 * checks, and lists the dimensions read per row. Returns the number of active
 * filters. */
static guint
ld_query_prepare (LdQuery *self,
                  RowWork *work,
                  LdResultData *res)
{
  LdReport *report = self->report;
  guint n_active = 0;
  guint8 group_dims = 0, customer_dims = 0;

  work->n_dims = 0;
  work->n_filters = 0;
  /* Read (never used) by scans compiled for no row filter. */
  work->filter_sel[0] = NULL;
  work->filter_bit[0] = 0;

  for (int d = 0; d < LD_N_DIMS; d++)
    {
      gboolean active = self->values[d]->len > 0;

      n_active += active;
      if (self->by_group[d])
        {
          group_dims |= active << d;
          work->source[d] = SOURCE_GROUP;
          work->values[d] = d == LD_DIM_OFFER_TYPE ? report->group_offer_type
                            : d == LD_DIM_OFFER ? report->group_name : report->group_plan;
        }
      else if (self->by_customer[d])
        {
          customer_dims |= active << d;
          work->source[d] = SOURCE_CUSTOMER;
          work->values[d] = d == LD_DIM_CUSTOMER ? report->customer_name : report->customer_code;
        }
      else
        {
          work->source[d] = SOURCE_ROW;
          work->values[d] = NULL;
          work->row_dim[d] = work->n_dims;
          if (active)
            {
              work->filter_dim[work->n_filters] = work->n_dims;
              work->filter_sel[work->n_filters] = self->selection[d];
              work->filter_bit[work->n_filters] = 1 << d;
              work->n_filters++;
            }
          work->ids[work->n_dims] = &self->dim_ids[d];
          work->facet[work->n_dims] = res->facet_provisioned[d];
          work->n_dims++;
        }
    }
  /* The scan reads each row's state for the states table, as the last of dims. */
  g_assert (work->source[LD_DIM_STATE] == SOURCE_ROW);
  g_assert (work->row_dim[LD_DIM_STATE] == work->n_dims - 1);


  /* One Analysis row or one customer only (ld_query_set_group_only()) fails the
   * others through ONLY_BIT in the same masks, so the scan tests nothing more. */
  for (guint g = 0; g < report->n_groups; g++)
    {
      guint8 fail = 0;

      for (int d = LD_DIM_OFFER_TYPE; d <= LD_DIM_PLAN; d++)
        if ((group_dims & (1 << d)) && !self->selection[d][group_value (report, d, g)])
          fail |= 1 << d;
      if (self->group_only != G_MAXUINT32 && g != self->group_only)
        fail |= ONLY_BIT;
      self->group_fail[g] = fail;
    }

  if (customer_dims != 0 || self->customer_only != G_MAXUINT32)
    {
      for (guint c = 0; c < report->n_customers; c++)
        {
          guint8 fail = 0;

          for (int d = LD_DIM_CUSTOMER; d <= LD_DIM_COUNTRY; d++)
            if ((customer_dims & (1 << d)) && !self->selection[d][customer_value (report, d, c)])
              fail |= 1 << d;
          self->customer_fail[c] = fail;
        }
      if (self->customer_only != G_MAXUINT32)
        for (guint c = 0; c < report->n_customers; c++)
          if (c != self->customer_only)
            self->customer_fail[c] |= ONLY_BIT;
      self->customer_fail_set = TRUE;
    }
  else if (self->customer_fail_set)
    {
      memset (self->customer_fail, 0, MAX (report->n_customers, 1));
      self->customer_fail_set = FALSE;
    }

  return n_active;
}

/* Facets and countries that follow from the group and customer sums. */
static void
ld_query_derive (LdQuery      *self,
                 LdResultData *res)
{
  LdReport *report = self->report;

  for (int d = 0; d < LD_N_DIMS; d++)
    if (self->by_group[d])
      for (guint g = 0; g < report->n_groups; g++)
        res->facet_provisioned[d][group_value (report, d, g)] += res->group_sums[g].provisioned;

  for (int d = 0; d < LD_N_DIMS; d++)
    if (self->by_customer[d])
      for (guint c = 0; c < report->n_customers; c++)
        res->facet_provisioned[d][customer_value (report, d, c)] += res->customer_sums[c].provisioned;

  if (self->country_by_customer)
    for (guint c = 0; c < report->n_customers; c++)
      if (res->customer_products[c] != 0)
        {
          guint32 code = report->customer_code[c];

          res->country_sums[code].provisioned += res->customer_sums[c].provisioned;
          res->country_sums[code].assigned += res->customer_sums[c].assigned;
          res->country_customers[code]++;
        }
}

/* The states that occur among the passing rows, in text order, and the cells
 * renumbered from slots to them; the state facet's passing rows from the cells. */
static void
ld_query_finish_states (LdQuery      *self,
                        LdResultData *res)
{
  LdDict *dict = self->report->dim_dict[LD_DIM_STATE];
  const guint32 *order = ld_dict_get_order (dict);
  const char *const *texts = ld_dict_get_texts (dict);
  LdStateCell *cells = (LdStateCell *) (gpointer) res->state_cells->data;
  guint n_cells = res->state_cells->len;
  g_autofree guint32 *index = g_new (guint32, MAX (self->n_state_slots, 1));
  guint n_ids = ld_dict_size (dict);

  /* Unused slots stay G_MAXUINT32; used ones are marked, then numbered. */
  for (guint slot = 0; slot < self->n_state_slots; slot++)
    index[slot] = G_MAXUINT32;
  for (guint i = 0; i < n_cells; i++)
    index[cells[i].state] = G_MAXUINT32 - 1;

  /* The state facet's share of the passing rows (the rows failing the state filter
   * alone were added by the scan): the scan left it to the cells. */
  for (guint i = 0; i < n_cells; i++)
    res->facet_provisioned[LD_DIM_STATE][self->state_slot_id[cells[i].state]] += cells[i].figures.provisioned;

  res->states = g_new (const char *, MAX (self->n_state_slots, 1));
  res->n_states = 0;
  for (guint rank = 0; rank < n_ids; rank++)
    {
      guint32 slot = self->state_slot[order[rank]];

      if (slot != G_MAXUINT32 && index[slot] == G_MAXUINT32 - 1)
        {
          index[slot] = res->n_states;
          res->states[res->n_states++] = texts[order[rank]];
        }
    }

  for (guint i = 0; i < n_cells; i++)
    cells[i].state = index[cells[i].state];
}

LdResult *
ld_query_run (LdQuery *self)
{
  LdReport *report;
  LdResult *result;
  LdResultData *res;
  RowWork work;
  guint n_active;
  gboolean filtered, whole_customers, in_range;
  int from, to, lo_month, hi_month, before_to;
  guint lo, hi, n_months, k_done = 0;
  guint64 cumulative = 0, fresh_total = 0;

  g_return_val_if_fail (LD_IS_QUERY (self), NULL);

  report = self->report;
  ld_query_get_range (self, &from, &to);
  result = ld_result_new (report, from, to);
  res = ld_result_data (result);
  n_months = res->n_months;

  for (int d = 0; d < LD_N_DIMS; d++)
    res->selected[d] = g_strdupv ((char **) self->values[d]->pdata);

  if (from < 0)
    return result;

  ld_query_update_selection (self);
  ld_query_update_present (self, from, to);
  for (int d = 0; d < LD_N_DIMS; d++)
    memcpy (res->facet_present[d], self->present[d], ld_dict_size (report->dim_dict[d]));

  n_active = ld_query_prepare (self, &work, res);
  filtered = n_active > 0 || self->group_only != G_MAXUINT32 || self->customer_only != G_MAXUINT32;

  /* Filters that keep or drop whole customers (names and codes per customer, one
   * customer only) leave each kept customer's first month as it is. */
  whole_customers = self->group_only == G_MAXUINT32;
  for (int d = 0; d < LD_N_DIMS; d++)
    if (self->values[d]->len > 0 && !self->by_customer[d])
      whole_customers = FALSE;

  memset (self->customer_before_bits, 0, BITS_WORDS (report->n_customers) * sizeof (guint64));
  in_range = ld_query_row_span (self, from, to, &lo_month, &hi_month, &lo, &hi);
  before_to = from - 1;

  /* The previous period (SPEC §3): only when the report covers its first month, so
   * that nothing is compared with months the data does not hold; never for All time. */
  if (self->preset != LD_RANGE_ALL && report->n_rows > 0 && from - (int) n_months >= report->first_month)
    {
      MonthTotals t = { 0 };
      int p_lo_month, p_hi_month;
      guint p_lo, p_hi;

      res->has_previous = TRUE;
      res->previous_from = from - (int) n_months;
      res->previous_to = from - 1;
      if (ld_query_row_span (self, res->previous_from, res->previous_to,
                             &p_lo_month, &p_hi_month, &p_lo, &p_hi))
        scan_before_counting (self, p_lo, p_hi, filtered, &work, &t);
      res->previous_customers = t.active;
      res->previous_provisioned = t.provisioned;
      res->previous_assigned = t.assigned;
      before_to = res->previous_from - 1;
    }

  /* Who had a passing row before the range, for new customers: the rows before the
   * previous period (already marked) when a filter picks rows within customers,
   * else each customer's first month. */
  if (in_range && from > report->first_month)
    {
      if (whole_customers)
        {
          const int *first = ld_query_get_customer_first_months (self);
          guint64 *bits = self->customer_before_bits;

          for (guint c = 0; c < report->n_customers; c++)
            bits[c >> 6] |= (guint64) (first[c] < from) << (c & 63);
        }
      else
        {
          int b_lo_month, b_hi_month;
          guint b_lo, b_hi;

          if (before_to >= report->first_month
              && ld_query_row_span (self, report->first_month, before_to,
                                    &b_lo_month, &b_hi_month, &b_lo, &b_hi))
            scan_before_marking (self, b_lo, b_hi, &work);
        }
    }

  if (in_range)
    {
      memset (self->customer_run_bits, 0, BITS_WORDS (report->n_customers) * sizeof (guint64));
      memset (self->group_pair_bits, 0, BITS_WORDS (report->n_customer_group_pairs) * sizeof (guint64));
      memset (self->product_pair_bits, 0, BITS_WORDS (report->n_customer_product_pairs) * sizeof (guint64));
      memset (self->country_pair_bits, 0, BITS_WORDS (report->n_customer_country_pairs) * sizeof (guint64));

      for (int m = lo_month; m <= hi_month; m++)
        {
          guint k = m - from;
          guint mlo = report->month_start[m - report->first_month];
          guint mhi = report->month_start[m - report->first_month + 1];
          MonthTotals t;

          while (k_done <= k)
            res->state_month_start[k_done++] = res->state_cells->len;

          memset (self->customer_month_bits, 0, BITS_WORDS (report->n_customers) * sizeof (guint64));
          if (filtered)
            scan_rows_filtered (self, res, mlo, mhi, &work, &t);
          else
            scan_rows_plain (self, res, mlo, mhi, &work, &t);
          flush_states (self, res);

          cumulative += t.first_in_run;
          fresh_total += t.fresh;
          res->rows += t.rows;
          res->provisioned += t.provisioned;
          res->assigned += t.assigned;
          res->active_customers[k] = t.active;
          res->new_customers[k] = t.fresh;
          res->returning_customers[k] = t.active - t.fresh;
          res->cumulative_customers[k] = cumulative;
          res->month_provisioned[k] = t.provisioned;
          res->month_assigned[k] = t.assigned;
        }

      /* Months after the data keep the total; months before it stay at zero. */
      for (int m = hi_month + 1; m <= to; m++)
        res->cumulative_customers[m - from] = cumulative;

      ld_query_derive (self, res);
    }
  while (k_done <= n_months)
    res->state_month_start[k_done++] = res->state_cells->len;
  ld_query_finish_states (self, res);

  res->customers = cumulative;
  res->new_customers_total = fresh_total;

  return result;
}

guint32 *
ld_query_collect_rows (LdQuery *self,
                       gsize   *n_rows)
{
  LdReport *report;
  g_autofree guint64 *passing = NULL;
  const guint32 *file_order;
  const LdIds *active_ids[LD_N_DIMS];
  const guint8 *active_sel[LD_N_DIMS];
  guint n_active = 0;
  int from, to, lo_month, hi_month;
  guint lo, hi;
  guint32 *out;
  gsize n = 0;

  g_return_val_if_fail (LD_IS_QUERY (self), NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  report = self->report;
  ld_query_get_range (self, &from, &to);
  ld_query_update_selection (self);

  for (int d = 0; d < LD_N_DIMS; d++)
    if (self->values[d]->len > 0)
      {
        active_ids[n_active] = &self->dim_ids[d];
        active_sel[n_active] = self->selection[d];
        n_active++;
      }

  if (!ld_query_row_span (self, from, to, &lo_month, &hi_month, &lo, &hi))
    {
      *n_rows = 0;
      return g_new (guint32, 1);
    }

  /* Mark passing rows in storage order, then read them back in file order. */
  passing = g_new0 (guint64, (report->n_rows + 63) / 64);
  for (guint r = lo; r < hi; r++)
    {
      gboolean pass = TRUE;

      if (self->group_only != G_MAXUINT32 && ld_ids_get (&report->group, r) != self->group_only)
        continue;
      if (self->customer_only != G_MAXUINT32 && ld_ids_get (&report->customer, r) != self->customer_only)
        continue;
      for (guint k = 0; k < n_active && pass; k++)
        pass = active_sel[k][ld_ids_get (active_ids[k], r)] != 0;
      if (pass)
        {
          passing[r / 64] |= G_GUINT64_CONSTANT (1) << (r % 64);
          n++;
        }
    }

  out = g_new (guint32, MAX (n, 1));
  *n_rows = n;
  n = 0;
  file_order = ld_report_get_file_order (report);
  for (guint i = 0; i < report->n_rows && n < *n_rows; i++)
    {
      guint32 r = file_order[i];

      if (passing[r / 64] & (G_GUINT64_CONSTANT (1) << (r % 64)))
        out[n++] = r;
    }

  return out;
}
