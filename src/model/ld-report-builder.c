/* ld-report-builder.c — how the loader fills a column store
 *
 * While loading, every column is a growing array in file order: the typed ones of
 * 32-bit cells, the text ones of ids into the column's dictionary at the narrowest
 * width the dictionary needs so far (a byte per row until it holds 256 values, then
 * two until 65,536, then four), widened in place when it grows past that. Finishing
 * lays the rows out in month order with a stable counting sort, one column at a time
 * so that at most one column exists twice, and then derives customers, products,
 * groups and the pair ids from the month-ordered columns, each again as narrow as
 * its count allows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ld-report-builder.h"
#include "ld-report-private.h"

struct _LdReportBuilder
{
  guint      n_columns;
  char     **names;
  LdField   *fields;
  int        field_column[LD_N_FIELDS];
  LdDict   **dicts;        /* per column; NULL for the date and the counts */
  LdIds     *ids;          /* per column; data NULL where dicts is */

  guint      n_rows;
  guint      capacity;
  guint32   *date;
  guint32   *provisioned;
  guint32   *assigned;
  guint64   *slash_bits;   /* rows whose date is year*10000 + first*100 + second */
  gboolean   any_slash;
  guint64   *drop_bits;    /* rows dropped after the fact */
  guint      n_dropped;

  GArray    *bad_rows;
  guint64    n_bad_rows;
  guint64    n_warnings;
};

static gboolean
field_is_typed (LdField field)
{
  return field == LD_FIELD_ACTIVATION_DATE
         || field == LD_FIELD_LICENSES_ASSIGNED
         || field == LD_FIELD_LICENSES_PROVISIONED;
}

LdReportBuilder *
ld_report_builder_new (guint              n_columns,
                       const char *const *names,
                       const LdField     *fields)
{
  LdReportBuilder *self;

  g_return_val_if_fail (n_columns > 0, NULL);
  g_return_val_if_fail (names != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  self = g_new0 (LdReportBuilder, 1);
  self->n_columns = n_columns;
  self->names = g_new0 (char *, n_columns);
  self->fields = g_new (LdField, n_columns);
  self->dicts = g_new0 (LdDict *, n_columns);
  self->ids = g_new0 (LdIds, n_columns);
  for (int f = 0; f < LD_N_FIELDS; f++)
    self->field_column[f] = -1;

  for (guint c = 0; c < n_columns; c++)
    {
      LdField field = fields[c];

      /* A field that comes twice is analysed from its first column only. */
      if (field >= 0 && field < LD_N_FIELDS && self->field_column[field] < 0)
        self->field_column[field] = c;
      else
        field = LD_FIELD_EXTRA;

      self->names[c] = g_strdup (names[c] != NULL ? names[c] : "");
      self->fields[c] = field;
      self->ids[c].width = 1;
      if (!field_is_typed (field))
        self->dicts[c] = ld_dict_new ();
    }

  self->bad_rows = g_array_new (FALSE, FALSE, sizeof (LdBadRow));
  g_array_set_clear_func (self->bad_rows, (GDestroyNotify) ld_bad_row_clear);

  return self;
}

void
ld_report_builder_free (LdReportBuilder *self)
{
  if (self == NULL)
    return;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_free (self->names[c]);
      if (self->dicts[c] != NULL)
        ld_dict_free (self->dicts[c]);
      ld_ids_clear (&self->ids[c]);
    }
  g_free (self->names);
  g_free (self->fields);
  g_free (self->dicts);
  g_free (self->ids);
  g_free (self->date);
  g_free (self->provisioned);
  g_free (self->assigned);
  g_free (self->slash_bits);
  g_free (self->drop_bits);
  g_clear_pointer (&self->bad_rows, g_array_unref);
  g_free (self);
}

static void
ld_report_builder_grow (LdReportBuilder *self)
{
  guint old = self->capacity;
  guint cap;

  /* Doubling keeps appends O(1); glibc moves big blocks with mremap, so growing
   * never copies the data of a large file. */
  if (old >= G_MAXUINT32 / 2)
    cap = G_MAXUINT32;
  else
    cap = MAX (4096, old * 2);

  for (guint c = 0; c < self->n_columns; c++)
    if (self->dicts[c] != NULL)
      ld_ids_resize (&self->ids[c], cap);
  self->date = g_renew (guint32, self->date, cap);
  self->provisioned = g_renew (guint32, self->provisioned, cap);
  self->assigned = g_renew (guint32, self->assigned, cap);
  self->slash_bits = g_renew (guint64, self->slash_bits, (cap + 63) / 64);
  self->drop_bits = g_renew (guint64, self->drop_bits, (cap + 63) / 64);
  memset (self->slash_bits + (old + 63) / 64, 0,
          ((cap + 63) / 64 - (old + 63) / 64) * sizeof (guint64));
  memset (self->drop_bits + (old + 63) / 64, 0,
          ((cap + 63) / 64 - (old + 63) / 64) * sizeof (guint64));
  self->capacity = cap;
}

guint
ld_report_builder_add_row (LdReportBuilder   *self,
                           const char *const *cells,
                           const gsize       *lens,
                           guint32            date,
                           gboolean           slash_date,
                           guint32            assigned,
                           guint32            provisioned)
{
  guint row;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cells != NULL && lens != NULL, 0);
  g_return_val_if_fail (self->n_rows < G_MAXUINT32 - 1, 0);

  if (G_UNLIKELY (self->n_rows == self->capacity))
    ld_report_builder_grow (self);

  row = self->n_rows++;
  for (guint c = 0; c < self->n_columns; c++)
    if (self->dicts[c] != NULL)
      ld_ids_set_widen (&self->ids[c], row, self->capacity, row,
                        ld_dict_intern (self->dicts[c], cells[c], lens[c]));

  self->date[row] = date;
  self->provisioned[row] = provisioned;
  self->assigned[row] = assigned;
  if (slash_date)
    {
      self->slash_bits[row / 64] |= G_GUINT64_CONSTANT (1) << (row % 64);
      self->any_slash = TRUE;
    }

  return row;
}

void
ld_report_builder_drop_row (LdReportBuilder *self,
                            guint            row)
{
  guint64 bit;

  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->n_rows);

  bit = G_GUINT64_CONSTANT (1) << (row % 64);
  if ((self->drop_bits[row / 64] & bit) == 0)
    {
      self->drop_bits[row / 64] |= bit;
      self->n_dropped++;
    }
}

static int
compare_bad_rows (gconstpointer a,
                  gconstpointer b)
{
  const LdBadRow *ra = a, *rb = b;

  if (ra->line != rb->line)
    return ra->line < rb->line ? -1 : 1;
  return ra->column - rb->column;
}

/* Keeps the LD_REPORT_MAX_BAD_ROWS lowest lines: the loader may report a row late
 * (a slash date found invalid once the file's date order is known). */
static void
ld_report_builder_trim_bad_rows (LdReportBuilder *self)
{
  g_array_sort (self->bad_rows, compare_bad_rows);
  if (self->bad_rows->len > LD_REPORT_MAX_BAD_ROWS)
    g_array_set_size (self->bad_rows, LD_REPORT_MAX_BAD_ROWS);
}

void
ld_report_builder_add_bad_row (LdReportBuilder *self,
                               guint64          line,
                               int              column,
                               char            *column_name,
                               char            *reason)
{
  LdBadRow row = { line, column, column_name, reason };

  g_return_if_fail (self != NULL);

  self->n_bad_rows++;

  /* Bounded memory however many rows are bad: trim to the first lines now and then. */
  if (self->bad_rows->len >= 2 * LD_REPORT_MAX_BAD_ROWS)
    ld_report_builder_trim_bad_rows (self);
  g_array_append_val (self->bad_rows, row);
}

void
ld_report_builder_add_warnings (LdReportBuilder *self,
                                guint64          n)
{
  g_return_if_fail (self != NULL);
  self->n_warnings += n;
}

/* ---- small open-addressing map from 64-bit keys to dense ids, for finishing ---- */

typedef struct {
  guint64 *keys;
  guint32 *values;
  guint32  mask;
  guint32  n;
} LdKeyMap;

#define LD_KEY_EMPTY G_MAXUINT64

static inline guint32
ld_key_hash (guint64 k)
{
  k ^= k >> 33;
  k *= 0xFF51AFD7ED558CCDull;
  k ^= k >> 33;
  k *= 0xC4CEB9FE1A85EC53ull;
  k ^= k >> 33;
  return (guint32) k;
}

static void
ld_key_map_init (LdKeyMap *map,
                 guint     expected)
{
  guint32 size = 64;

  while (size < G_MAXUINT32 / 2 && size < (guint64) expected * 2)
    size *= 2;
  map->keys = g_new (guint64, size);
  memset (map->keys, 0xff, size * sizeof (guint64));
  map->values = g_new (guint32, size);
  map->mask = size - 1;
  map->n = 0;
}

static void
ld_key_map_clear (LdKeyMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
}

static void
ld_key_map_grow (LdKeyMap *map)
{
  LdKeyMap bigger;
  guint32 old_size = map->mask + 1;

  bigger.mask = old_size * 2 - 1;
  bigger.keys = g_new (guint64, old_size * 2);
  memset (bigger.keys, 0xff, old_size * 2 * sizeof (guint64));
  bigger.values = g_new (guint32, old_size * 2);
  bigger.n = map->n;

  for (guint32 i = 0; i < old_size; i++)
    {
      guint32 j;

      if (map->keys[i] == LD_KEY_EMPTY)
        continue;
      j = ld_key_hash (map->keys[i]) & bigger.mask;
      while (bigger.keys[j] != LD_KEY_EMPTY)
        j = (j + 1) & bigger.mask;
      bigger.keys[j] = map->keys[i];
      bigger.values[j] = map->values[i];
    }

  ld_key_map_clear (map);
  *map = bigger;
}

/* Returns the dense id of @key; *@added tells whether it is new (id == n - 1). */
static inline guint32
ld_key_map_insert (LdKeyMap *map,
                   guint64   key,
                   gboolean *added)
{
  guint32 i = ld_key_hash (key) & map->mask;

  for (;;)
    {
      guint64 k = map->keys[i];

      if (k == key)
        {
          *added = FALSE;
          return map->values[i];
        }
      if (k == LD_KEY_EMPTY)
        break;
      i = (i + 1) & map->mask;
    }

  map->keys[i] = key;
  map->values[i] = map->n;
  *added = TRUE;
  if ((gsize) ++map->n * 2 > (gsize) map->mask + 1)
    ld_key_map_grow (map);
  return map->n - 1;
}

/* A growable per-entity attribute array. */
static inline void
push_u32 (guint32 **array,
          guint    *allocated,
          guint     index,
          guint32   value)
{
  if (index >= *allocated)
    {
      *allocated = MAX (64, *allocated * 2);
      *array = g_renew (guint32, *array, *allocated);
    }
  (*array)[index] = value;
}

#define SCATTER(Type, out, src, dest, n)                \
  G_STMT_START {                                        \
    Type *out_ = (Type *) (out);                        \
    const Type *src_ = (const Type *) (src);            \
                                                        \
    for (guint i_ = 0; i_ < (n); i_++)                  \
      out_[(dest)[i_]] = src_[i_];                      \
  } G_STMT_END

/* Moves @src (file order, freed) into a new exact-size array in storage order. */
static guint32 *
scatter (guint32       *src,
         const guint32 *dest,
         guint          n)
{
  guint32 *out = g_new (guint32, MAX (n, 1));

  SCATTER (guint32, out, src, dest, n);
  g_free (src);
  return out;
}

/* The same for ids, at their width. */
static void
scatter_ids (LdIds         *ids,
             const guint32 *dest,
             guint          n)
{
  LdIds out;

  ld_ids_init (&out, ids->width, n);
  switch (ids->width)
    {
    case 1: SCATTER (guint8, out.data, ids->data, dest, n); break;
    case 2: SCATTER (guint16, out.data, ids->data, dest, n); break;
    default: SCATTER (guint32, out.data, ids->data, dest, n); break;
    }
  ld_ids_clear (ids);
  *ids = out;
}

static inline gboolean
is_dropped (const guint64 *drop_bits,
            guint          i)
{
  return (drop_bits[i / 64] & (G_GUINT64_CONSTANT (1) << (i % 64))) != 0;
}

static void
compact (guint32       *array,
         const guint64 *drop_bits,
         guint          n)
{
  guint j = 0;

  for (guint i = 0; i < n; i++)
    if (!is_dropped (drop_bits, i))
      array[j++] = array[i];
}

static void
compact_ids (LdIds         *ids,
             const guint64 *drop_bits,
             guint          n)
{
  guint j = 0;

  for (guint i = 0; i < n; i++)
    if (!is_dropped (drop_bits, i))
      ld_ids_set (ids, j++, ld_ids_get (ids, i));
}

/* Pair ids (customer with group, product, country code). Hash maps keyed by pair
 * would hold up to one entry per row at the peak of a load; instead, bucket the rows
 * by customer and walk each customer's rows with small "last customer seen" arrays
 * per group, product and code. Without Tenant IDs a customer is a (name, code) pair,
 * so it has one code and the (customer, code) pair is the customer itself: that
 * column is only made when the file has Tenant IDs. */
static void
derive_pairs (LdReport *report,
              gboolean  with_codes)
{
  guint n = report->n_rows;
  guint n_codes = ld_dict_size (report->dim_dict[LD_DIM_COUNTRY]);
  const LdIds *code = &report->dim_ids[LD_DIM_COUNTRY];
  g_autofree guint *start = g_new0 (guint, report->n_customers + 1);
  g_autofree guint32 *by_customer = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *group_last = g_new0 (guint32, MAX (report->n_groups, 1));
  g_autofree guint32 *group_pair = g_new (guint32, MAX (report->n_groups, 1));
  g_autofree guint32 *product_last = g_new0 (guint32, MAX (report->n_products, 1));
  g_autofree guint32 *product_pair = g_new (guint32, MAX (report->n_products, 1));
  g_autofree guint32 *code_last = g_new0 (guint32, MAX (n_codes, 1));
  g_autofree guint32 *code_pair = g_new (guint32, MAX (n_codes, 1));
  guint32 n_cg = 0, n_cp = 0, n_cc = 0;

  for (guint r = 0; r < n; r++)
    start[ld_ids_get (&report->customer, r) + 1]++;
  for (guint c = 0; c < report->n_customers; c++)
    start[c + 1] += start[c];
  for (guint r = 0; r < n; r++)
    by_customer[start[ld_ids_get (&report->customer, r)]++] = r;
  /* start[c] is now the end of customer c's rows, i.e. the start of c + 1's. */

  /* Each starts a byte wide and widens as its count grows. */
  ld_ids_init (&report->customer_group_pair, 1, n);
  ld_ids_init (&report->customer_product_pair, 1, n);
  if (with_codes)
    ld_ids_init (&report->customer_country_pair, 1, n);

  for (guint c = 0, i = 0; c < report->n_customers; c++)
    for (; i < start[c]; i++)
      {
        guint32 r = by_customer[i];
        guint32 g = ld_ids_get (&report->group, r);
        guint32 p = report->group_product[g];

        /* Stamps hold c + 1 so that zeroed arrays mean "no customer yet". */
        if (group_last[g] != c + 1)
          {
            group_last[g] = c + 1;
            group_pair[g] = n_cg++;
          }
        if (product_last[p] != c + 1)
          {
            product_last[p] = c + 1;
            product_pair[p] = n_cp++;
          }
        /* Rows come in customer order, not storage order: keep every id. */
        ld_ids_set_widen (&report->customer_group_pair, n, n, r, group_pair[g]);
        ld_ids_set_widen (&report->customer_product_pair, n, n, r, product_pair[p]);

        if (with_codes)
          {
            guint32 k = code->data != NULL ? ld_ids_get (code, r) : 0;

            if (code_last[k] != c + 1)
              {
                code_last[k] = c + 1;
                code_pair[k] = n_cc++;
              }
            ld_ids_set_widen (&report->customer_country_pair, n, n, r, code_pair[k]);
          }
      }

  report->n_customer_group_pairs = n_cg;
  report->n_customer_product_pairs = n_cp;
  report->n_customer_country_pairs = with_codes ? n_cc : report->n_customers;
}

/* Customers, products, groups and the pair ids (SPEC §3, §5), in storage order. */
static void
derive_entities (LdReport *report)
{
  guint n = report->n_rows;
  const LdIds *tenant = NULL;
  const LdIds *name = &report->dim_ids[LD_DIM_CUSTOMER];
  const LdIds *code = &report->dim_ids[LD_DIM_COUNTRY];
  const LdIds *offer = &report->dim_ids[LD_DIM_OFFER];
  const LdIds *plan = &report->dim_ids[LD_DIM_PLAN];
  const LdIds *offer_type = &report->dim_ids[LD_DIM_OFFER_TYPE];
  const LdIds *product_id = NULL;
  const LdIds *country = NULL;
  guint customers_alloc = 0, groups_alloc = 0;
  LdKeyMap customers, products, groups;
  gboolean added;

  if (report->field_column[LD_FIELD_TENANT_ID] >= 0)
    tenant = &report->columns[report->field_column[LD_FIELD_TENANT_ID]].ids;
  if (report->field_column[LD_FIELD_PRODUCT_ID] >= 0)
    product_id = &report->columns[report->field_column[LD_FIELD_PRODUCT_ID]].ids;
  if (report->field_column[LD_FIELD_CUSTOMER_COUNTRY] >= 0)
    country = &report->columns[report->field_column[LD_FIELD_CUSTOMER_COUNTRY]].ids;

  /* A byte per row to start with, widened as the counts grow. */
  ld_ids_init (&report->customer, 1, n);
  ld_ids_init (&report->group, 1, n);
  report->country_name = g_new0 (guint32, ld_dict_size (report->dim_dict[LD_DIM_COUNTRY]));

  ld_key_map_init (&customers, 1024);
  ld_key_map_init (&products, 64);
  ld_key_map_init (&groups, 256);

  for (guint r = 0; r < n; r++)
    {
      guint32 name_id = name->data != NULL ? ld_ids_get (name, r) : 0;
      guint32 code_id = code->data != NULL ? ld_ids_get (code, r) : 0;
      guint32 offer_id = offer->data != NULL ? ld_ids_get (offer, r) : 0;
      guint32 plan_id = plan->data != NULL ? ld_ids_get (plan, r) : 0;
      guint32 pid = product_id != NULL ? ld_ids_get (product_id, r) : 0;
      guint32 tenant_id = tenant != NULL ? ld_ids_get (tenant, r) : 0;
      guint64 key;
      guint32 c, p, g;

      /* Tenant keys carry the top bit, so they never meet a (name, code) pair. */
      if (tenant_id != 0)
        key = (G_GUINT64_CONSTANT (1) << 63) | tenant_id;
      else
        key = ((guint64) name_id << 32) | code_id;
      c = ld_key_map_insert (&customers, key, &added);
      if (added)
        {
          guint a = customers_alloc;

          push_u32 (&report->customer_name, &a, c, name_id);
          a = customers_alloc;
          push_u32 (&report->customer_code, &a, c, code_id);
          customers_alloc = a;
        }
      else
        {
          /* A tenant's first row may lack a name or a code; take the first given. */
          if (report->customer_name[c] == 0)
            report->customer_name[c] = name_id;
          if (report->customer_code[c] == 0)
            report->customer_code[c] = code_id;
        }
      ld_ids_set_widen (&report->customer, r, n, r, c);

      key = pid != 0 ? pid : (G_GUINT64_CONSTANT (1) << 63) | offer_id;
      p = ld_key_map_insert (&products, key, &added);

      key = ((guint64) p << 32) | plan_id;
      g = ld_key_map_insert (&groups, key, &added);
      if (added)
        {
          guint a = groups_alloc;

          push_u32 (&report->group_product, &a, g, p);
          a = groups_alloc;
          push_u32 (&report->group_plan, &a, g, plan_id);
          a = groups_alloc;
          push_u32 (&report->group_offer_type, &a, g,
                    offer_type->data != NULL ? ld_ids_get (offer_type, r) : 0);
          a = groups_alloc;
          push_u32 (&report->group_name, &a, g, offer_id);
          a = groups_alloc;
          push_u32 (&report->group_product_id, &a, g, pid);
          groups_alloc = a;
        }
      else
        {
          if (report->group_name[g] == 0)
            report->group_name[g] = offer_id;
          if (report->group_offer_type[g] == 0 && offer_type->data != NULL)
            report->group_offer_type[g] = ld_ids_get (offer_type, r);
        }
      ld_ids_set_widen (&report->group, r, n, r, g);

      if (country != NULL && report->country_name[code_id] == 0)
        report->country_name[code_id] = ld_ids_get (country, r);
    }

  report->n_customers = customers.n;
  report->n_products = products.n;
  report->n_groups = groups.n;
  ld_key_map_clear (&customers);
  ld_key_map_clear (&products);
  ld_key_map_clear (&groups);

  /* Exact sizes, and never NULL so that callers need no special case. */
  report->customer_name = g_renew (guint32, report->customer_name, MAX (customers.n, 1));
  report->customer_code = g_renew (guint32, report->customer_code, MAX (customers.n, 1));
  report->group_product = g_renew (guint32, report->group_product, MAX (groups.n, 1));
  report->group_plan = g_renew (guint32, report->group_plan, MAX (groups.n, 1));
  report->group_offer_type = g_renew (guint32, report->group_offer_type, MAX (groups.n, 1));
  report->group_name = g_renew (guint32, report->group_name, MAX (groups.n, 1));
  report->group_product_id = g_renew (guint32, report->group_product_id, MAX (groups.n, 1));

  derive_pairs (report, tenant != NULL);

  /* With one country per customer the pair is the customer itself: save the column. */
  if (report->n_customer_country_pairs == report->n_customers)
    ld_ids_clear (&report->customer_country_pair);
}

static gsize
ids_memory (const LdIds *ids,
            gsize        n)
{
  return ids->data != NULL ? n * ids->width : 0;
}

static gsize
report_memory (LdReport *report)
{
  gsize n = report->n_rows;
  gsize size = sizeof *report + report->n_columns * sizeof (LdColumn);

  for (guint c = 0; c < report->n_columns; c++)
    if (report->columns[c].dict != NULL)
      size += ld_dict_memory (report->columns[c].dict) + ids_memory (&report->columns[c].ids, n);

  size += n * sizeof (guint32) * 3;                     /* date and counts */
  size += n * sizeof (guint32);                         /* file_order */
  size += (report->n_months + 1) * sizeof (guint);
  size += ids_memory (&report->customer, n);
  size += ids_memory (&report->group, n);
  size += ids_memory (&report->customer_group_pair, n);
  size += ids_memory (&report->customer_product_pair, n);
  size += ids_memory (&report->customer_country_pair, n);
  size += report->n_customers * sizeof (guint32) * 2;
  size += report->n_groups * sizeof (guint32) * 5;
  size += ld_dict_size (report->dim_dict[LD_DIM_COUNTRY]) * sizeof (guint32);
  for (int d = 0; d < LD_N_DIMS; d++)
    if (report->dim_ids[d].data == NULL)
      size += ld_dict_memory (report->dim_dict[d]);
  return size;
}

LdReport *
ld_report_builder_finish (LdReportBuilder *self,
                          const char      *display_name,
                          const char      *path,
                          char             delimiter,
                          LdEncoding       encoding,
                          gboolean         day_first)
{
  LdReport *report;
  guint n_file, n;
  guint32 *dest;
  guint *cursor;
  int first = G_MAXINT, last = -1;
  guint32 latest = 0;

  g_return_val_if_fail (self != NULL, NULL);

  report = g_object_new (LD_TYPE_REPORT, NULL);
  report->display_name = g_strdup (display_name);
  report->path = g_strdup (path);
  report->delimiter = delimiter;
  report->encoding = encoding;
  report->day_first = day_first;
  memcpy (report->field_column, self->field_column, sizeof report->field_column);

  /* 1. Slash dates were passed as year, first, second: day-first files swap. */
  n_file = self->n_rows;
  if (day_first && self->any_slash)
    for (guint i = 0; i < n_file; i++)
      if (self->slash_bits[i / 64] & (G_GUINT64_CONSTANT (1) << (i % 64)))
        {
          guint32 d = self->date[i];

          self->date[i] = d / 10000 * 10000 + d % 100 * 100 + d / 100 % 100;
        }

  /* 2. Rows dropped after the fact go before anything is laid out. */
  n = n_file;
  if (self->n_dropped > 0)
    {
      for (guint c = 0; c < self->n_columns; c++)
        if (self->ids[c].data != NULL)
          compact_ids (&self->ids[c], self->drop_bits, n_file);
      compact (self->date, self->drop_bits, n_file);
      compact (self->provisioned, self->drop_bits, n_file);
      compact (self->assigned, self->drop_bits, n_file);
      n = n_file - self->n_dropped;
    }
  report->n_rows = n;

  /* 3. Month bounds, then a stable counting sort: dest[i] is the storage row of the
   * i-th row in file order, which is exactly file_order. */
  for (guint i = 0; i < n; i++)
    {
      guint32 d = self->date[i];
      int m = LD_DATE_TO_MONTH (d);

      first = MIN (first, m);
      last = MAX (last, m);
      latest = MAX (latest, d);
    }

  if (n > 0)
    {
      report->first_month = first;
      report->last_month = last;
      report->n_months = last - first + 1;
      report->latest_date = latest;
    }
  report->month_start = g_new0 (guint, report->n_months + 1);
  for (guint i = 0; i < n; i++)
    report->month_start[LD_DATE_TO_MONTH (self->date[i]) - first + 1]++;
  for (guint k = 0; k < report->n_months; k++)
    report->month_start[k + 1] += report->month_start[k];

  cursor = g_memdup2 (report->month_start, (report->n_months + 1) * sizeof (guint));
  dest = g_new (guint32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    dest[i] = cursor[LD_DATE_TO_MONTH (self->date[i]) - first]++;
  g_free (cursor);
  report->file_order = dest;

  /* 4. Scatter one column at a time, freeing the file-order copy at once. */
  report->date = scatter (g_steal_pointer (&self->date), dest, n);
  report->provisioned = scatter (g_steal_pointer (&self->provisioned), dest, n);
  report->assigned = scatter (g_steal_pointer (&self->assigned), dest, n);

  report->n_columns = self->n_columns;
  report->columns = g_new0 (LdColumn, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    {
      LdColumn *col = &report->columns[c];

      col->name = g_steal_pointer (&self->names[c]);
      col->field = self->fields[c];
      col->dict = g_steal_pointer (&self->dicts[c]);
      if (col->dict != NULL)
        {
          /* Already as narrow as the dictionary allows: the loading grew it so. */
          scatter_ids (&self->ids[c], dest, n);
          col->ids = self->ids[c];
          self->ids[c].data = NULL;
        }
    }

  /* 5. Dimensions point at their columns; absent ones read as all-empty. */
  for (int d = 0; d < LD_N_DIMS; d++)
    {
      int c = report->field_column[ld_dimension_get_field (d)];

      if (c >= 0)
        {
          report->dim_ids[d] = report->columns[c].ids;
          report->dim_dict[d] = report->columns[c].dict;
        }
      else
        {
          report->dim_ids[d].width = 1;
          report->dim_dict[d] = ld_dict_new ();
        }
    }
  if (report->field_column[LD_FIELD_PRODUCT_ID] >= 0)
    report->product_id_dict = report->columns[report->field_column[LD_FIELD_PRODUCT_ID]].dict;
  else
    report->product_id_dict = ld_dict_new ();
  if (report->field_column[LD_FIELD_CUSTOMER_COUNTRY] >= 0)
    report->country_name_dict = report->columns[report->field_column[LD_FIELD_CUSTOMER_COUNTRY]].dict;
  else
    report->country_name_dict = ld_dict_new ();

  derive_entities (report);

  /* 6. What was skipped. */
  ld_report_builder_trim_bad_rows (self);
  report->bad_rows = g_steal_pointer (&self->bad_rows);
  report->rows_skipped = self->n_bad_rows;
  report->n_warnings = self->n_warnings;

  report->memory_size = report_memory (report);

  ld_report_builder_free (self);

#ifdef __GLIBC__
  /* Finishing freed the file-order columns and the scratch of the derivation: tens
   * of megabytes on a big file, in blocks glibc may keep mapped (its mmap threshold
   * rises after the first big free). Hand the free pages back now, so the report's
   * footprint is what the store holds. */
  malloc_trim (0);
#endif

  return report;
}
