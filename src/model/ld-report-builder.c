/* ld-report-builder.c — how the loader fills a column store
 *
 * While loading, every column of a part is a growing array in file order: the typed
 * ones of 32-bit cells, the text ones of ids into the part's own dictionary at the
 * narrowest width the dictionary needs so far (a byte per row until it holds 256
 * values, then two until 65,536, then four), widened in place when it grows past that.
 *
 * Finishing merges the parts of every file: each text column of the union gets one
 * dictionary (the first part's, into which the others' texts are interned in part
 * order, so ids stay in order of first appearance across the whole history), and a
 * remap table per later part. With several files, the rows a newer download
 * replaces are marked dropped (SPEC §7). Then the rows are laid out in month order
 * with a stable counting sort, one column at a time so that at most one column exists
 * twice, every id going through its part's remap on the way, and customers,
 * products, groups and the pair ids are derived from the month-ordered columns, each
 * again as narrow as its count allows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ld-parse.h"
#include "ld-report-builder.h"
#include "ld-report-private.h"

/* Adjacent text columns of few values (offer, product, plan, service, state) change
 * together: a row's run of them is interned once, as the text of the whole run, and
 * the first time a run is seen its cells are interned one by one and remembered. */
typedef struct {
  guint     first;     /* columns first … last */
  guint     last;
  LdDict   *dict;      /* the runs' texts; NULL once the span gave up */
  guint32  *ids;       /* per run id: last - first + 1 column ids */
  gsize     ids_alloc; /* in runs */
  guint32   n_known;   /* runs whose ids are in ids */
} LdSpan;

/* Rows read before the spans are chosen, the most distinct values a column may have
 * had by then to be in one, and the most distinct runs a span may see. */
#define SPAN_PROBE_ROWS 4096
#define SPAN_MAX_COLUMN_VALUES 256
#define SPAN_MAX_RUNS 4096

/* A report this small is finished on one thread: a thread costs more than it saves. */
#define MIN_ROWS_FOR_THREADS 65536

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
  LdIds      provisioned;  /* at the width the largest count so far needs */
  LdIds      assigned;
  guint64   *slash_bits;   /* rows whose date is year*10000 + first*100 + second */
  gboolean   any_slash;
  guint64   *drop_bits;    /* rows dropped after the fact */
  guint      n_dropped;

  GArray    *bad_rows;
  guint64    n_bad_rows;
  guint64    n_warnings;
  guint64    line_offset;

  gboolean   spans_chosen;  /* or not to be: TRUE from the start without spans */
  guint      n_spans;
  LdSpan    *spans;
  guint     *span_at;      /* per column: 1 + the span starting there, or 0 */
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

  self->provisioned.width = 1;
  self->assigned.width = 1;
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
  ld_ids_clear (&self->provisioned);
  ld_ids_clear (&self->assigned);
  g_free (self->slash_bits);
  g_free (self->drop_bits);
  g_clear_pointer (&self->bad_rows, g_array_unref);
  for (guint s = 0; s < self->n_spans; s++)
    {
      g_clear_pointer (&self->spans[s].dict, ld_dict_free);
      g_free (self->spans[s].ids);
    }
  g_free (self->spans);
  g_free (self->span_at);
  g_free (self);
}

static void
ld_report_builder_grow (LdReportBuilder *self)
{
  guint old = self->capacity;
  guint cap;

  /* Doubling keeps appends O(1); glibc moves big blocks with mremap, so growing
   * never copies the data of a large file, and pages never written are never
   * touched. */
  if (old >= G_MAXUINT32 / 2)
    cap = G_MAXUINT32;
  else
    cap = MAX (4096, old * 2);

  for (guint c = 0; c < self->n_columns; c++)
    if (self->dicts[c] != NULL)
      ld_ids_resize (&self->ids[c], cap);
  self->date = g_renew (guint32, self->date, cap);
  ld_ids_resize (&self->provisioned, cap);
  ld_ids_resize (&self->assigned, cap);
  self->slash_bits = g_renew (guint64, self->slash_bits, (cap + 63) / 64);
  self->drop_bits = g_renew (guint64, self->drop_bits, (cap + 63) / 64);
  memset (self->slash_bits + (old + 63) / 64, 0,
          ((cap + 63) / 64 - (old + 63) / 64) * sizeof (guint64));
  memset (self->drop_bits + (old + 63) / 64, 0,
          ((cap + 63) / 64 - (old + 63) / 64) * sizeof (guint64));
  self->capacity = cap;
}

/* After the first rows: every run of two or more adjacent text columns that have
 * seen few values becomes a span. */
static void
choose_spans (LdReportBuilder *self)
{
  guint c = 0;

  self->spans_chosen = TRUE;
  self->span_at = g_new0 (guint, self->n_columns);
  while (c < self->n_columns)
    {
      guint end = c;

      while (end < self->n_columns && self->dicts[end] != NULL
             && ld_dict_size (self->dicts[end]) <= SPAN_MAX_COLUMN_VALUES)
        end++;
      if (end - c >= 2)
        {
          LdSpan *span;

          self->spans = g_renew (LdSpan, self->spans, self->n_spans + 1);
          span = &self->spans[self->n_spans++];
          span->first = c;
          span->last = end - 1;
          span->dict = ld_dict_new ();
          span->ids_alloc = 64;
          span->n_known = 0;
          span->ids = g_new (guint32, span->ids_alloc * (end - c));
          self->span_at[c] = self->n_spans;
        }
      c = MAX (end, c + 1);
    }
}

static inline void
set_id (LdReportBuilder *self,
        guint            column,
        guint            row,
        guint32          id)
{
  ld_ids_set_widen (&self->ids[column], row, self->capacity, row, id);
}

/* Interns the cells of one span's run; returns FALSE when the span gave up. */
static gboolean
intern_span (LdReportBuilder   *self,
             LdSpan            *span,
             const char *const *cells,
             const gsize       *lens,
             guint              row)
{
  guint k = span->last - span->first + 1;
  guint n_before = ld_dict_size (span->dict);
  const char *text = cells[span->first];
  gsize len = cells[span->last] + lens[span->last] - text;
  guint32 run = ld_dict_intern (span->dict, text, len);
  guint32 *ids;

  if (G_UNLIKELY (run == n_before))
    {
      /* A new run: its cells one by one. */
      if (run >= SPAN_MAX_RUNS)
        {
          g_clear_pointer (&span->dict, ld_dict_free);
          g_clear_pointer (&span->ids, g_free);
          return FALSE;
        }
      if (run == span->ids_alloc)
        {
          span->ids_alloc *= 2;
          span->ids = g_renew (guint32, span->ids, span->ids_alloc * k);
        }
      ids = span->ids + (gsize) run * k;
      for (guint j = 0; j < k; j++)
        ids[j] = ld_dict_intern (self->dicts[span->first + j], cells[span->first + j],
                                 lens[span->first + j]);
      span->n_known++;
    }
  else
    ids = span->ids + (gsize) run * k;

  for (guint j = 0; j < k; j++)
    set_id (self, span->first + j, row, ids[j]);
  return TRUE;
}

guint
ld_report_builder_add_row_full (LdReportBuilder   *self,
                                const char *const *cells,
                                const gsize       *lens,
                                gboolean           contiguous,
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
  if (G_UNLIKELY (self->n_rows == SPAN_PROBE_ROWS && !self->spans_chosen))
    choose_spans (self);

  row = self->n_rows++;
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (self->dicts[c] == NULL)
        continue;
      /* A run's text is its cells with what lies between them, so equal texts mean
       * equal cells only when they all lie in order in one line of the file. */
      if (self->span_at != NULL && self->span_at[c] != 0 && contiguous)
        {
          LdSpan *span = &self->spans[self->span_at[c] - 1];

          if (span->dict != NULL && intern_span (self, span, cells, lens, row))
            {
              c = span->last;
              continue;
            }
        }
      set_id (self, c, row, ld_dict_intern (self->dicts[c], cells[c], lens[c]));
    }

  self->date[row] = date;
  ld_ids_set_widen (&self->provisioned, row, self->capacity, row, provisioned);
  ld_ids_set_widen (&self->assigned, row, self->capacity, row, assigned);
  if (slash_date)
    {
      self->slash_bits[row / 64] |= G_GUINT64_CONSTANT (1) << (row % 64);
      self->any_slash = TRUE;
    }

  return row;
}

/* One span's runs over a batch, in row order: a row whose cells lie in one line goes
 * by its run's text (looked up for the whole batch at once), any other row and any
 * new run by its cells, one by one, so the columns' dictionaries grow in row order
 * exactly as row by row. */
static void
add_span_batch (LdReportBuilder  *self,
                LdSpan           *span,
                const LdRowBatch *batch,
                guint             first_row,
                guint32          *runs,
                gsize            *run_lens,
                guint32          *ids_out)
{
  guint k = span->last - span->first + 1;
  guint nc = batch->n_columns;
  guint n = batch->n_rows;
  g_autofree const char **run_texts = g_new (const char *, n);
  guint n_runs = 0;

  for (guint r = 0; r < n; r++)
    if (batch->contiguous[r])
      {
        const char *const *cells = batch->cells + (gsize) r * nc;
        const gsize *lens = batch->lens + (gsize) r * nc;

        run_texts[n_runs] = cells[span->first];
        run_lens[n_runs] = cells[span->last] + lens[span->last] - cells[span->first];
        n_runs++;
      }
  if (span->dict != NULL)
    ld_dict_intern_many (span->dict, n_runs, run_texts, run_lens, 1, runs);

  for (guint r = 0, j = 0; r < n; r++)
    {
      const char *const *cells = batch->cells + (gsize) r * nc;
      const gsize *lens = batch->lens + (gsize) r * nc;
      guint row = first_row + r;
      const guint32 *ids = NULL;

      if (batch->contiguous[r])
        {
          guint32 run = runs[j++];

          if (span->dict != NULL && run < span->n_known)
            ids = span->ids + (gsize) run * k;
          else if (span->dict != NULL && run == span->n_known && run < SPAN_MAX_RUNS)
            {
              /* A new run: its cells one by one, remembered. */
              if (run == span->ids_alloc)
                {
                  span->ids_alloc *= 2;
                  span->ids = g_renew (guint32, span->ids, span->ids_alloc * k);
                }
              for (guint c = 0; c < k; c++)
                span->ids[(gsize) run * k + c] = ld_dict_intern (self->dicts[span->first + c],
                                                                 cells[span->first + c],
                                                                 lens[span->first + c]);
              span->n_known++;
              ids = span->ids + (gsize) run * k;
            }
          else if (span->dict != NULL)
            {
              /* Too many runs: the span gives up, from this row on. */
              g_clear_pointer (&span->dict, ld_dict_free);
              g_clear_pointer (&span->ids, g_free);
            }
        }

      if (ids == NULL)
        {
          for (guint c = 0; c < k; c++)
            ids_out[c] = ld_dict_intern (self->dicts[span->first + c], cells[span->first + c],
                                         lens[span->first + c]);
          ids = ids_out;
        }
      for (guint c = 0; c < k; c++)
        set_id (self, span->first + c, row, ids[c]);
    }
}

void
ld_report_builder_add_batch (LdReportBuilder  *self,
                             const LdRowBatch *batch)
{
  guint n, nc, first;
  g_autofree guint32 *ids = NULL;
  g_autofree gsize *run_lens = NULL;
  guint32 span_ids[64];

  g_return_if_fail (self != NULL && batch != NULL);
  g_return_if_fail (batch->n_columns == self->n_columns);

  n = batch->n_rows;
  nc = batch->n_columns;
  if (n == 0)
    return;
  g_return_if_fail (self->n_rows < G_MAXUINT32 - 1 - n);

  while (self->n_rows + n > self->capacity)
    ld_report_builder_grow (self);
  if (!self->spans_chosen && self->n_rows >= SPAN_PROBE_ROWS)
    choose_spans (self);

  first = self->n_rows;
  self->n_rows += n;
  ids = g_new (guint32, n);
  run_lens = g_new (gsize, n);

  /* Column by column, so each dictionary's loads for the batch overlap. */
  for (guint c = 0; c < nc; c++)
    {
      if (self->dicts[c] == NULL)
        continue;
      if (self->span_at != NULL && self->span_at[c] != 0)
        {
          LdSpan *span = &self->spans[self->span_at[c] - 1];

          if (span->last - span->first + 1 <= G_N_ELEMENTS (span_ids))
            {
              add_span_batch (self, span, batch, first, ids, run_lens, span_ids);
              c = span->last;
              continue;
            }
        }
      ld_dict_intern_many (self->dicts[c], n, batch->cells + c, batch->lens + c, nc, ids);
      for (guint r = 0; r < n; r++)
        set_id (self, c, first + r, ids[r]);
    }

  for (guint r = 0; r < n; r++)
    {
      guint row = first + r;

      self->date[row] = batch->date[r];
      ld_ids_set_widen (&self->provisioned, row, self->capacity, row, batch->provisioned[r]);
      ld_ids_set_widen (&self->assigned, row, self->capacity, row, batch->assigned[r]);
      if (batch->slash[r])
        {
          self->slash_bits[row / 64] |= G_GUINT64_CONSTANT (1) << (row % 64);
          self->any_slash = TRUE;
        }
    }
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
  return ld_report_builder_add_row_full (self, cells, lens, FALSE, date, slash_date,
                                         assigned, provisioned);
}

void
ld_report_builder_disable_spans (LdReportBuilder *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->n_rows == 0);
  self->spans_chosen = TRUE;
}

guint
ld_report_builder_get_n_rows (LdReportBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

static inline gboolean
bit_is_set (const guint64 *bits,
            guint          i)
{
  return (bits[i / 64] & (G_GUINT64_CONSTANT (1) << (i % 64))) != 0;
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

guint64
ld_report_builder_drop_invalid_day_first (LdReportBuilder *self)
{
  guint64 n = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (!self->any_slash)
    return 0;

  for (guint i = 0; i < self->n_rows; i++)
    if (bit_is_set (self->slash_bits, i) && !bit_is_set (self->drop_bits, i))
      {
        guint32 d = self->date[i];

        /* Passed as year, first, second: day first reads first as the day. */
        if (!ld_date_is_valid (d / 10000, d % 100, d / 100 % 100))
          {
            ld_report_builder_drop_row (self, i);
            n++;
          }
      }

  return n;
}

static int
compare_bad_rows (gconstpointer a,
                  gconstpointer b)
{
  const LdBadRow *ra = a, *rb = b;

  if (ra->file != rb->file)
    return ra->file < rb->file ? -1 : 1;
  if (ra->line != rb->line)
    return ra->line < rb->line ? -1 : 1;
  return ra->column - rb->column;
}

/* Keeps the LD_REPORT_MAX_BAD_ROWS lowest lines: the loader may report a row late
 * (a slash date found invalid once the file's date order is known). */
static void
trim_bad_rows (GArray *rows)
{
  g_array_sort (rows, compare_bad_rows);
  if (rows->len > LD_REPORT_MAX_BAD_ROWS)
    g_array_set_size (rows, LD_REPORT_MAX_BAD_ROWS);
}

void
ld_report_builder_add_bad_row (LdReportBuilder *self,
                               guint64          line,
                               int              column,
                               char            *column_name,
                               char            *reason)
{
  LdBadRow row = { line, column, column_name, reason, 0 };

  g_return_if_fail (self != NULL);

  self->n_bad_rows++;

  /* Bounded memory however many rows are bad: trim to the first lines now and then. */
  if (self->bad_rows->len >= 2 * LD_REPORT_MAX_BAD_ROWS)
    trim_bad_rows (self->bad_rows);
  g_array_append_val (self->bad_rows, row);
}

void
ld_report_builder_count_bad_rows (LdReportBuilder *self,
                                  guint64          n)
{
  g_return_if_fail (self != NULL);
  self->n_bad_rows += n;
}

void
ld_report_builder_add_warnings (LdReportBuilder *self,
                                guint64          n)
{
  g_return_if_fail (self != NULL);
  self->n_warnings += n;
}

void
ld_report_builder_set_line_offset (LdReportBuilder *self,
                                   guint64          offset)
{
  g_return_if_fail (self != NULL);
  self->line_offset = offset;
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

/* Returns the value of @key, adding it with @value when new; *@added says which. */
static inline guint32
ld_key_map_get_or_add (LdKeyMap *map,
                       guint64   key,
                       guint32   value,
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
  map->values[i] = value;
  *added = TRUE;
  if ((gsize) ++map->n * 2 > (gsize) map->mask + 1)
    ld_key_map_grow (map);
  return value;
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

/* ---- a map from a pair of 64-bit keys to a 32-bit value, for the merge -------- */

typedef struct {
  guint64 *a;
  guint64 *b;
  guint32 *values;
  guint8  *used;
  guint32  capacity;  /* slots allocated */
  guint32  mask;      /* slots in use - 1 */
  guint32  n;
} LdPairMap;

static inline guint32
ld_pair_hash (guint64 a,
              guint64 b)
{
  return ld_key_hash (a ^ (b * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) + G_GUINT64_CONSTANT (0x632BE59BD9B4E019)));
}

static void
ld_pair_map_alloc (LdPairMap *map,
                   guint32    capacity)
{
  map->a = g_new (guint64, capacity);
  map->b = g_new (guint64, capacity);
  map->values = g_new (guint32, capacity);
  map->used = g_new0 (guint8, capacity);
  map->capacity = capacity;
  map->mask = capacity - 1;
  map->n = 0;
}

static void
ld_pair_map_clear (LdPairMap *map)
{
  g_clear_pointer (&map->a, g_free);
  g_clear_pointer (&map->b, g_free);
  g_clear_pointer (&map->values, g_free);
  g_clear_pointer (&map->used, g_free);
}

/* Empties the map and uses its first @size slots (a power of two within capacity). */
static void
ld_pair_map_reset (LdPairMap *map,
                   guint32    size)
{
  g_assert (size <= map->capacity && (size & (size - 1)) == 0);
  memset (map->used, 0, size);
  map->mask = size - 1;
  map->n = 0;
}

static void
ld_pair_map_grow (LdPairMap *map)
{
  LdPairMap bigger;
  guint32 size = map->mask + 1;

  ld_pair_map_alloc (&bigger, size * 2);
  for (guint32 i = 0; i < size; i++)
    {
      guint32 j;

      if (!map->used[i])
        continue;
      j = ld_pair_hash (map->a[i], map->b[i]) & bigger.mask;
      while (bigger.used[j])
        j = (j + 1) & bigger.mask;
      bigger.used[j] = 1;
      bigger.a[j] = map->a[i];
      bigger.b[j] = map->b[i];
      bigger.values[j] = map->values[i];
    }
  bigger.n = map->n;
  ld_pair_map_clear (map);
  *map = bigger;
}

/* Returns the slot of (@a, @b), adding it (value unset) when new; *@added says so.
 * With @can_grow, the map doubles when half full (slots move); without, the caller
 * sized it for every key it will add. */
static inline guint32
ld_pair_map_insert (LdPairMap *map,
                    guint64    a,
                    guint64    b,
                    gboolean   can_grow,
                    gboolean  *added)
{
  guint32 i = ld_pair_hash (a, b) & map->mask;

  while (map->used[i])
    {
      if (map->a[i] == a && map->b[i] == b)
        {
          *added = FALSE;
          return i;
        }
      i = (i + 1) & map->mask;
    }

  if (can_grow && (gsize) (map->n + 1) * 2 > (gsize) map->mask + 1)
    {
      ld_pair_map_grow (map);
      return ld_pair_map_insert (map, a, b, can_grow, added);
    }

  map->used[i] = 1;
  map->a[i] = a;
  map->b[i] = b;
  map->n++;
  *added = TRUE;
  return i;
}

/* ---- merging parts -------------------------------------------------------------- */

/* The columns of the licence key (SPEC §7), by the field they hold. */
enum {
  KEY_TENANT,
  KEY_NAME,
  KEY_CODE,
  KEY_PRODUCT_ID,
  KEY_OFFER,
  KEY_PLAN,
  KEY_SERVICE,
  N_KEY_COLUMNS,
};

static const LdField key_fields[N_KEY_COLUMNS] = {
  LD_FIELD_TENANT_ID,
  LD_FIELD_CUSTOMER_NAME,
  LD_FIELD_CUSTOMER_COUNTRY_CODE,
  LD_FIELD_PRODUCT_ID,
  LD_FIELD_PRODUCT_DISPLAY_NAME,
  LD_FIELD_PLAN_NAME,
  LD_FIELD_SERVICE_ID,
};

typedef struct {
  LdReportBuilder  *b;
  guint             file;
  guint64           base;       /* the candidate index of its row 0 (the replacement's) */
  guint32         **remap;      /* per column of its file: ids into the union column's
                                 * dictionary, NULL where they already are */
  int              *to_union;   /* per column of its file: the union column */
} Part;

static inline guint32
merged_id (const Part *p,
           int         column,
           guint       row)
{
  guint32 id;

  if (column < 0)
    return 0;
  id = ld_ids_get (&p->b->ids[column], row);
  return p->remap[column] != NULL ? p->remap[column][id] : id;
}

/* Header matching of SPEC §2 for the columns no field claims: case, spaces, '_' and
 * '-' ignored, as ld_field_from_header() does for the known ones. */
static char *
normalise_header (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (*p != ' ' && *p != '_' && *p != '-' && *p != '\t')
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* The union of the files' columns in first-seen order: a field is one column; any
 * other column is matched by its normalised name and how many columns of its file
 * came before it with that name. Fills each part's to_union. */
static guint
union_columns (const LdReportBuilderFile *files,
               guint                      n_files,
               Part                      *parts,
               GPtrArray                 *names,
               GArray                    *fields)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint p = 0;

  for (guint f = 0; f < n_files; f++)
    {
      LdReportBuilder *first = files[f].parts[0];
      g_autoptr(GHashTable) occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      int *to_union = g_new (int, first->n_columns);

      for (guint c = 0; c < first->n_columns; c++)
        {
          LdField field = first->fields[c];
          char *key;
          gpointer value;

          if (field != LD_FIELD_EXTRA)
            key = g_strdup_printf ("\x01%d", field);
          else
            {
              char *norm = normalise_header (first->names[c]);
              guint k = GPOINTER_TO_UINT (g_hash_table_lookup (occurrences, norm));

              g_hash_table_insert (occurrences, g_strdup (norm), GUINT_TO_POINTER (k + 1));
              key = g_strdup_printf ("%s\x01%u", norm, k);
              g_free (norm);
            }

          if (g_hash_table_lookup_extended (seen, key, NULL, &value))
            {
              to_union[c] = GPOINTER_TO_INT (value);
              g_free (key);
            }
          else
            {
              to_union[c] = names->len;
              g_hash_table_insert (seen, key, GINT_TO_POINTER (names->len));
              g_ptr_array_add (names, g_strdup (first->names[c]));
              g_array_append_val (fields, field);
            }
        }

      for (guint k = 0; k < files[f].n_parts; k++, p++)
        parts[p].to_union = k == 0 ? to_union : g_memdup2 (to_union, first->n_columns * sizeof (int));
    }

  return names->len;
}

/* One remap to make: a part's column into its union column's dictionary. */
typedef struct {
  LdDict        *into;
  const LdDict  *from;
  guint32       *remap;
  gsize         *lens;
} RemapJob;

typedef struct {
  RemapJob *jobs;
  guint     n_jobs;
  gboolean  second_half;
} LookupWork;

/* Phase one of a merge: every text looked up, none added, so two threads can share
 * the work (each takes one half of every job). */
static gpointer
lookup_texts (gpointer data)
{
  LookupWork *work = data;

  for (guint j = 0; j < work->n_jobs; j++)
    {
      RemapJob *job = &work->jobs[j];
      guint n = ld_dict_size (job->from);
      guint half = n / 2;
      guint lo = work->second_half ? half : 0;
      guint hi = work->second_half ? n : half;

      ld_dict_lookup_many (job->into, hi - lo, ld_dict_get_texts (job->from) + lo, job->lens + lo, 1,
                           job->remap + lo);
    }
  return NULL;
}

/* One dictionary per union text column: the first part's that has it, with every
 * later part's texts interned into it in part order. Looking them up is most of the
 * work and reads only, so it goes first, on two threads for a big report; then the
 * texts not found are added in part order, one thread, so ids stay in order of first
 * appearance exactly as if every part were interned one after the other. Fills each
 * part's remap and frees the part dictionaries that were merged. */
static void
merge_dictionaries (Part     *parts,
                    guint     n_parts,
                    LdDict  **dicts,
                    gboolean  threads)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (RemapJob));
  g_autoptr(GArray) job_at = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  for (guint p = 0; p < n_parts; p++)
    {
      LdReportBuilder *b = parts[p].b;

      parts[p].remap = g_new0 (guint32 *, b->n_columns);
      for (guint c = 0; c < b->n_columns; c++)
        {
          int u = parts[p].to_union[c];
          LdDict *dict = b->dicts[c];
          RemapJob job;
          guint at[2] = { p, c };
          guint n;

          if (dict == NULL)
            continue;
          if (dicts[u] == NULL)
            {
              dicts[u] = g_steal_pointer (&b->dicts[c]);
              continue;
            }

          n = ld_dict_size (dict);
          job.into = dicts[u];
          job.from = dict;
          job.remap = g_new (guint32, n);
          job.lens = g_new (gsize, MAX (n, 1));
          for (guint32 id = 0; id < n; id++)
            job.lens[id] = ld_dict_get_length (dict, id);
          g_array_append_val (jobs, job);
          g_array_append_vals (job_at, at, 1);
        }
    }

  /* 1. Look everything up. */
  {
    LookupWork first = { (RemapJob *) jobs->data, jobs->len, FALSE };
    LookupWork second = { (RemapJob *) jobs->data, jobs->len, TRUE };
    GThread *thread = threads ? g_thread_new ("ld-finish", lookup_texts, &second) : NULL;

    lookup_texts (&first);
    if (thread != NULL)
      g_thread_join (thread);
    else
      lookup_texts (&second);
  }

  /* 2. In part order, add what was not found. */
  for (guint j = 0; j < jobs->len; j++)
    {
      RemapJob *job = &g_array_index (jobs, RemapJob, j);
      const guint *at = (const guint *) job_at->data + 2 * j;
      LdReportBuilder *b = parts[at[0]].b;
      const char *const *texts = ld_dict_get_texts (job->from);
      guint n = ld_dict_size (job->from);
      gboolean identity = TRUE;

      for (guint32 id = 0; id < n; id++)
        {
          if (job->remap[id] == G_MAXUINT32)
            job->remap[id] = ld_dict_intern (job->into, texts[id], job->lens[id]);
          identity = identity && job->remap[id] == id;
        }
      g_free (job->lens);
      /* Columns of a few values usually meet them in the same order. */
      if (identity)
        g_free (job->remap);
      else
        parts[at[0]].remap[at[1]] = job->remap;
      g_clear_pointer (&b->dicts[at[1]], ld_dict_free);
    }
}

/* The days one thread compares (buckets [lo, hi)). */
typedef struct {
  Part          *parts;
  guint          n_parts;
  const int     *key_column;
  const guint   *rank;
  const guint32 *order;
  const guint32 *counts;
  guint64        lo;
  guint64        hi;
  guint32        max_span;
  guint64       *dropped;    /* per part */
  guint64        n_dropped;
} ReplaceWork;

/* Marks row @row dropped; the other thread may mark a row of the same word. */
static inline void
drop_row_shared (LdReportBuilder *b,
                 guint            row)
{
  __atomic_fetch_or (&b->drop_bits[row / 64], G_GUINT64_CONSTANT (1) << (row % 64), __ATOMIC_RELAXED);
}

static gpointer
replace_in_days (gpointer data)
{
  ReplaceWork *w = data;
  Part *parts = w->parts;
  guint n_parts = w->n_parts;
  g_autofree guint32 *slot_of = g_new (guint32, MAX (w->max_span, 1));
  g_autofree guint *part_of = g_new (guint, MAX (w->max_span, 1));
  LdPairMap offerings, day;
  guint32 size = 16;

  ld_pair_map_alloc (&offerings, 64);
  while (size < (guint64) w->max_span * 2)
    size *= 2;
  ld_pair_map_alloc (&day, size);

  for (guint64 k = w->lo; k < w->hi; k++)
    {
      guint32 lo = w->counts[k], hi = w->counts[k + 1];
      guint p = 0;

      if (hi - lo < 2)
        continue;
      size = 16;
      while (size < (guint64) (hi - lo) * 2)
        size *= 2;
      ld_pair_map_reset (&day, size);

      /* The candidates of one day, in part order: the latest rank per key. */
      for (guint32 j = lo; j < hi; j++)
        {
          guint32 g = w->order[j];
          const Part *part;
          const int *kc;
          guint32 tenant, pid, offering, slot;
          guint64 customer, product;
          guint row;
          gboolean added;

          while (p + 1 < n_parts && g >= parts[p + 1].base)
            p++;
          part = &parts[p];
          kc = w->key_column + p * N_KEY_COLUMNS;
          row = (guint) (g - part->base);

          tenant = merged_id (part, kc[KEY_TENANT], row);
          if (tenant != 0)
            customer = (G_GUINT64_CONSTANT (1) << 63) | tenant;
          else
            customer = ((guint64) merged_id (part, kc[KEY_NAME], row) << 32)
                       | merged_id (part, kc[KEY_CODE], row);
          pid = merged_id (part, kc[KEY_PRODUCT_ID], row);
          product = pid != 0 ? pid : (G_GUINT64_CONSTANT (1) << 63) | merged_id (part, kc[KEY_OFFER], row);

          /* Offerings numbered per thread: only compared within one day. */
          slot = ld_pair_map_insert (&offerings, product,
                                     ((guint64) merged_id (part, kc[KEY_PLAN], row) << 32)
                                     | merged_id (part, kc[KEY_SERVICE], row),
                                     TRUE, &added);
          if (added)
            offerings.values[slot] = offerings.n - 1;
          offering = offerings.values[slot];

          slot = ld_pair_map_insert (&day, customer, offering, FALSE, &added);
          if (added || day.values[slot] < w->rank[part->file])
            day.values[slot] = w->rank[part->file];
          slot_of[j - lo] = slot;
          part_of[j - lo] = p;
        }

      /* Then every row of an earlier file goes. */
      for (guint32 j = lo; j < hi; j++)
        {
          Part *part = &parts[part_of[j - lo]];

          if (day.values[slot_of[j - lo]] > w->rank[part->file])
            {
              drop_row_shared (part->b, (guint) (w->order[j] - part->base));
              w->dropped[part_of[j - lo]]++;
              w->n_dropped++;
            }
        }
    }

  ld_pair_map_clear (&offerings);
  ld_pair_map_clear (&day);
  return NULL;
}

/* SPEC §7: files are ranked by their latest ActivationDate, ties in the order given;
 * a row is left out when a file ranked later has a row with its licence key
 * (customer identity, ProductId or else ProductDisplayName, PlanName, ServiceId,
 * date). Rows with one key share a date, so the candidates are bucketed by day
 * (a counting sort) and each day's keys go through a small map: the latest rank per
 * key, then every row of an earlier rank is dropped. Returns the rows dropped. */
static guint64
drop_replaced_rows (const LdReportBuilderFile *files,
                    guint                      n_files,
                    LdReportFile              *info,
                    Part                      *parts,
                    guint                      n_parts,
                    gboolean                   threads)
{
  g_autofree guint *rank = g_new (guint, n_files);
  g_autofree guint *by_rank = g_new (guint, n_files);
  g_autofree guint32 *counts = NULL;
  g_autofree guint32 *order = NULL;
  g_autofree int *key_column = g_new (int, (gsize) n_parts * N_KEY_COLUMNS);
  int first = G_MAXINT, last = -1;
  guint64 n_candidates = 0, n_buckets, n_dropped = 0;
  guint32 max_span = 0;

  /* Ranks: an insertion sort of a handful of files by (latest date, order given). */
  for (guint f = 0; f < n_files; f++)
    {
      guint k = f;

      while (k > 0 && info[by_rank[k - 1]].latest_date > info[f].latest_date)
        {
          by_rank[k] = by_rank[k - 1];
          k--;
        }
      by_rank[k] = f;
    }
  for (guint k = 0; k < n_files; k++)
    rank[by_rank[k]] = k;

  for (guint f = 0; f < n_files; f++)
    if (info[f].first_month >= 0)
      {
        first = MIN (first, info[f].first_month);
        last = MAX (last, info[f].last_month);
      }
  if (last < 0)
    return 0;

  for (guint p = 0; p < n_parts; p++)
    {
      const LdReportBuilder *first_part = files[parts[p].file].parts[0];

      for (guint k = 0; k < N_KEY_COLUMNS; k++)
        key_column[p * N_KEY_COLUMNS + k] = first_part->field_column[key_fields[k]];
      parts[p].base = n_candidates;
      n_candidates += parts[p].b->n_rows;
    }

  /* Bucket (month, day) of every candidate, in part order, so each bucket lists its
   * rows by file and line. */
  n_buckets = (guint64) (last - first + 1) * 31;
  counts = g_new0 (guint32, n_buckets + 1);
  for (guint p = 0; p < n_parts; p++)
    {
      const LdReportBuilder *b = parts[p].b;

      for (guint i = 0; i < b->n_rows; i++)
        if (b->n_dropped == 0 || !bit_is_set (b->drop_bits, i))
          counts[(guint64) (LD_DATE_TO_MONTH (b->date[i]) - first) * 31 + LD_DATE_DAY (b->date[i])]++;
    }
  for (guint64 k = 0; k < n_buckets; k++)
    {
      max_span = MAX (max_span, counts[k + 1]);
      counts[k + 1] += counts[k];
    }

  {
    g_autofree guint32 *cursor = g_memdup2 (counts, (n_buckets + 1) * sizeof (guint32));

    order = g_new (guint32, MAX (counts[n_buckets], 1));
    for (guint p = 0; p < n_parts; p++)
      {
        const LdReportBuilder *b = parts[p].b;

        for (guint i = 0; i < b->n_rows; i++)
          if (b->n_dropped == 0 || !bit_is_set (b->drop_bits, i))
            order[cursor[(guint64) (LD_DATE_TO_MONTH (b->date[i]) - first) * 31 + LD_DATE_DAY (b->date[i]) - 1]++]
              = (guint32) (parts[p].base + i);
      }
  }

  /* The days are independent: two threads take half the candidates each, every
   * one with maps of its own. */
  {
    ReplaceWork work[2];
    guint64 half = 0;
    GThread *thread = NULL;

    while (half < n_buckets && counts[half] < counts[n_buckets] / 2)
      half++;
    for (guint w = 0; w < 2; w++)
      {
        work[w] = (ReplaceWork) {
          parts, n_parts, key_column, rank, order, counts,
          w == 0 ? 0 : half, w == 0 ? half : n_buckets, max_span,
          g_new0 (guint64, n_parts), 0,
        };
      }
    if (threads)
      thread = g_thread_new ("ld-finish", replace_in_days, &work[1]);
    replace_in_days (&work[0]);
    if (thread != NULL)
      g_thread_join (thread);
    else
      replace_in_days (&work[1]);

    for (guint w = 0; w < 2; w++)
      {
        for (guint p = 0; p < n_parts; p++)
          {
            parts[p].b->n_dropped += work[w].dropped[p];
            info[parts[p].file].rows_replaced += work[w].dropped[p];
          }
        n_dropped += work[w].n_dropped;
        g_free (work[w].dropped);
      }
  }

  return n_dropped;
}

/* ---- laying the rows out in month order ---------------------------------------- */

/* Ids @lo … @lo + @n - 1 as 32-bit values: in place when they are, else widened
 * into @buf (BLOCK_ROWS of them), so that a loop reads every width alike. */
#define BLOCK_ROWS 256

static inline const guint32 *
ids_block (const LdIds *ids,
           gsize        lo,
           guint        n,
           guint32     *buf)
{
  switch (ids->width)
    {
    case 1:
      for (guint i = 0; i < n; i++)
        buf[i] = ((const guint8 *) ids->data)[lo + i];
      return buf;
    case 2:
      for (guint i = 0; i < n; i++)
        buf[i] = ((const guint16 *) ids->data)[lo + i];
      return buf;
    default:
      return (const guint32 *) ids->data + lo;
    }
}

/* Moves the rows of one part's column into @out, in storage order: row i, unless
 * dropped, goes to out[dest[g++]] (out[g++] when @dest is NULL: the rows are in month
 * order already), through @remap when there is one. @src NULL: the part's file lacks
 * the column and its rows read 0, the empty text. Returns the next g. */
#define SCATTER_PART(SrcT, DstT)                                             \
  G_STMT_START {                                                             \
    const SrcT *s_ = (const SrcT *) src->data;                               \
    DstT *o_ = (DstT *) out->data;                                           \
                                                                             \
    if (b->n_dropped > 0)                                                    \
      {                                                                      \
        for (guint i_ = 0, k_ = 0; i_ < n; i_++)                             \
          if (!bit_is_set (b->drop_bits, i_))                                \
            {                                                                \
              guint32 v_ = remap != NULL ? remap[s_[i_]] : s_[i_];           \
                                                                             \
              o_[dest != NULL ? dest[g + k_] : g + k_] = (DstT) v_;          \
              k_++;                                                          \
            }                                                                \
      }                                                                      \
    else if (dest == NULL && remap == NULL)                                  \
      {                                                                      \
        /* Rows in month order already: a copy. */                           \
        for (guint i_ = 0; i_ < n; i_++)                                     \
          o_[g + i_] = (DstT) s_[i_];                                        \
      }                                                                      \
    else if (dest == NULL)                                                   \
      {                                                                      \
        for (guint i_ = 0; i_ < n; i_++)                                     \
          o_[g + i_] = (DstT) remap[s_[i_]];                                 \
      }                                                                      \
    else if (remap == NULL)                                                  \
      {                                                                      \
        for (guint i_ = 0; i_ < n; i_++)                                     \
          o_[dest[g + i_]] = (DstT) s_[i_];                                  \
      }                                                                      \
    else                                                                     \
      {                                                                      \
        for (guint i_ = 0; i_ < n; i_++)                                     \
          o_[dest[g + i_]] = (DstT) remap[s_[i_]];                           \
      }                                                                      \
  } G_STMT_END

#define SCATTER_TO(SrcT)                                                     \
  G_STMT_START {                                                             \
    switch (out->width)                                                      \
      {                                                                      \
      case 1: SCATTER_PART (SrcT, guint8); break;                            \
      case 2: SCATTER_PART (SrcT, guint16); break;                           \
      default: SCATTER_PART (SrcT, guint32); break;                          \
      }                                                                      \
  } G_STMT_END

static guint
scatter_part_ids (LdIds                 *out,
                  const LdIds           *src,
                  const guint32         *remap,
                  const LdReportBuilder *b,
                  const guint32         *dest,
                  guint                  g)
{
  guint n = b->n_rows;
  guint kept = b->n_rows - b->n_dropped;

  if (src == NULL)
    {
      for (guint k = 0; k < kept; k++)
        ld_ids_set (out, dest != NULL ? dest[g + k] : g + k, 0);
      return g + kept;
    }

  switch (src->width)
    {
    case 1: SCATTER_TO (guint8); break;
    case 2: SCATTER_TO (guint16); break;
    default: SCATTER_TO (guint32); break;
    }
  return g + kept;
}

/* The day of the month of each kept row: the month is where the row lies. */
static guint
scatter_part_days (guint8                *out,
                   const LdReportBuilder *b,
                   const guint32         *dest,
                   guint                  g)
{
  for (guint i = 0; i < b->n_rows; i++)
    if (b->n_dropped == 0 || !bit_is_set (b->drop_bits, i))
      {
        out[dest != NULL ? dest[g] : g] = (guint8) LD_DATE_DAY (b->date[i]);
        g++;
      }
  return g;
}

/* What finishing shares between its two threads. */
typedef struct {
  LdReport *report;
  Part     *parts;
  guint     n_parts;
  guint32  *dest;
  guint8   *scatter_on_b;  /* per union column: 1 when the second thread moves it */
  double    cpu_a;         /* CPU time of the last run_both() on each thread */
  double    cpu_b;
  LdDict  **dicts;         /* per union column */
  int       cand_first;    /* the months the kept rows may have */
  int       cand_last;
  struct _PairKind *kinds; /* two kinds of pairs made side by side */
} Finish;

/* For G_MESSAGES_DEBUG=ld-loader (see ld-loader.c). */
#define TRACE_DOMAIN "ld-loader"

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
scatter_column (Finish *fin,
                guint   u)
{
  LdReport *report = fin->report;
  LdColumn *col = &report->columns[u];
  guint n = report->n_rows;

  if (col->dict == NULL)
    return;

  ld_ids_init (&col->ids, ld_ids_width_for (ld_dict_size (col->dict)), n);
  for (guint p = 0, g = 0; p < fin->n_parts; p++)
    {
      LdReportBuilder *b = fin->parts[p].b;
      int c = -1;

      for (guint k = 0; k < b->n_columns; k++)
        if (fin->parts[p].to_union[k] == (int) u)
          c = k;
      g = scatter_part_ids (&col->ids, c >= 0 ? &b->ids[c] : NULL,
                            c >= 0 ? fin->parts[p].remap[c] : NULL, b, fin->dest, g);
      if (c >= 0)
        {
          ld_ids_clear (&b->ids[c]);
          g_clear_pointer (&fin->parts[p].remap[c], g_free);
        }
    }
}

/* The day and the two counts, at the width the largest count needs. */
static void
scatter_typed (Finish *fin)
{
  LdReport *report = fin->report;
  guint n = report->n_rows;
  guint prov_width = 1, asg_width = 1;

  for (guint p = 0; p < fin->n_parts; p++)
    {
      prov_width = MAX (prov_width, fin->parts[p].b->provisioned.width);
      asg_width = MAX (asg_width, fin->parts[p].b->assigned.width);
    }
  report->day = g_new (guint8, MAX (n, 1));
  ld_ids_init (&report->provisioned, prov_width, n);
  ld_ids_init (&report->assigned, asg_width, n);

  for (guint p = 0, g = 0; p < fin->n_parts; p++)
    {
      LdReportBuilder *b = fin->parts[p].b;

      scatter_part_days (report->day, b, fin->dest, g);
      g_clear_pointer (&b->date, g_free);
      scatter_part_ids (&report->provisioned, &b->provisioned, NULL, b, fin->dest, g);
      ld_ids_clear (&b->provisioned);
      g = scatter_part_ids (&report->assigned, &b->assigned, NULL, b, fin->dest, g);
      ld_ids_clear (&b->assigned);
    }
}

/* ---- customers, products, groups, pairs -------------------------------------- */

static const LdIds *
field_ids (LdReport *report,
           LdField   field)
{
  int c = report->field_column[field];

  return c >= 0 && report->columns[c].ids.data != NULL ? &report->columns[c].ids : NULL;
}

static guint
field_values (LdReport *report,
              LdField   field)
{
  int c = report->field_column[field];

  return c >= 0 && report->columns[c].dict != NULL ? ld_dict_size (report->columns[c].dict) : 1;
}

/* Customer identity (SPEC §3), numbered in order of first appearance in storage
 * order: the Tenant ID when the row has one, else (CustomerName, CustomerCountryCode).
 * Most names have one code, so a name's first customer is found by the name's id;
 * other pairs go through a map. */
static void
derive_customers (LdReport *report)
{
  guint n = report->n_rows;
  const LdIds *tenant = field_ids (report, LD_FIELD_TENANT_ID);
  const LdIds *name = field_ids (report, LD_FIELD_CUSTOMER_NAME);
  const LdIds *code = field_ids (report, LD_FIELD_CUSTOMER_COUNTRY_CODE);
  g_autofree guint32 *by_name = g_new0 (guint32, field_values (report, LD_FIELD_CUSTOMER_NAME));
  g_autofree guint32 *by_tenant = tenant != NULL ? g_new0 (guint32, field_values (report, LD_FIELD_TENANT_ID)) : NULL;
  guint32 zeros[BLOCK_ROWS] = { 0, };
  guint32 name_buf[BLOCK_ROWS], code_buf[BLOCK_ROWS], tenant_buf[BLOCK_ROWS];
  guint allocated = 0;
  guint32 n_customers = 0;
  LdKeyMap others;

  ld_key_map_init (&others, 64);
  /* A byte per row to start with, widened as the count grows. */
  ld_ids_init (&report->customer, 1, n);

  for (guint lo = 0; lo < n; lo += BLOCK_ROWS)
    {
      guint m = MIN (BLOCK_ROWS, n - lo);
      const guint32 *names = name != NULL ? ids_block (name, lo, m, name_buf) : zeros;
      const guint32 *codes = code != NULL ? ids_block (code, lo, m, code_buf) : zeros;
      const guint32 *tenants = tenant != NULL ? ids_block (tenant, lo, m, tenant_buf) : zeros;

      for (guint i = 0; i < m; i++)
        {
          guint32 t = tenants[i], nm = names[i], cd = codes[i];
          guint32 c;
          gboolean added = FALSE;

          if (t != 0)
            {
              if (by_tenant[t] == 0)
                {
                  by_tenant[t] = ++n_customers;
                  added = TRUE;
                }
              c = by_tenant[t] - 1;
            }
          else if (by_name[nm] == 0)
            {
              c = n_customers++;
              by_name[nm] = c + 1;
              added = TRUE;
            }
          else if (report->customer_code[by_name[nm] - 1] == cd)
            c = by_name[nm] - 1;
          else
            {
              c = ld_key_map_get_or_add (&others, ((guint64) nm << 32) | cd, n_customers, &added);
              if (added)
                n_customers++;
            }

          if (added)
            {
              guint a = allocated;

              push_u32 (&report->customer_name, &a, c, nm);
              a = allocated;
              push_u32 (&report->customer_code, &a, c, cd);
              allocated = a;
            }
          ld_ids_set_widen (&report->customer, lo + i, n, lo + i, c);
        }
    }

  ld_key_map_clear (&others);
  report->n_customers = n_customers;

  /* A tenant's rows may carry different names and codes: it shows those of its first
   * row (SPEC §5 adoption: "those of the customer's first row") in file order — files
   * in the order given —, not in the month order the store keeps. Storage row of file
   * row g: the counting sort's cursor over its month, as ld_report_get_file_order()
   * rebuilds it. */
  if (tenant != NULL && n > 0)
    {
      g_autofree guint64 *seen = g_new0 (guint64, (n_customers + 63) / 64);
      g_autofree guint *cursor = g_memdup2 (report->month_start, (report->n_months + 1) * sizeof (guint));

      for (guint g = 0; g < n; g++)
        {
          guint r = report->file_order_is_storage ? g : cursor[ld_ids_get (&report->file_month, g)]++;
          guint32 c = ld_ids_get (&report->customer, r);

          if (seen[c >> 6] & (G_GUINT64_CONSTANT (1) << (c & 63)))
            continue;
          seen[c >> 6] |= G_GUINT64_CONSTANT (1) << (c & 63);
          report->customer_name[c] = name != NULL ? ld_ids_get (name, r) : 0;
          report->customer_code[c] = code != NULL ? ld_ids_get (code, r) : 0;
        }
    }
  /* Exact sizes, and never NULL so that callers need no special case. */
  report->customer_name = g_renew (guint32, report->customer_name, MAX (n_customers, 1));
  report->customer_code = g_renew (guint32, report->customer_code, MAX (n_customers, 1));
}

/* Products are keyed by ProductId, or by ProductDisplayName when the id is blank or
 * the column absent; groups by (product, PlanName) — SPEC §5 analysis-products. Each
 * group takes its OfferType and name from its first row that has one; each country
 * code the first CustomerCountry seen with it. */
static void
derive_groups (LdReport *report)
{
  guint n = report->n_rows;
  const LdIds *pid_ids = field_ids (report, LD_FIELD_PRODUCT_ID);
  const LdIds *offer_ids = field_ids (report, LD_FIELD_PRODUCT_DISPLAY_NAME);
  const LdIds *plan_ids = field_ids (report, LD_FIELD_PLAN_NAME);
  const LdIds *type_ids = field_ids (report, LD_FIELD_OFFER_TYPE);
  const LdIds *code_ids = field_ids (report, LD_FIELD_CUSTOMER_COUNTRY_CODE);
  const LdIds *country_ids = field_ids (report, LD_FIELD_CUSTOMER_COUNTRY);
  g_autofree guint32 *by_pid = g_new0 (guint32, field_values (report, LD_FIELD_PRODUCT_ID));
  g_autofree guint32 *by_offer = g_new0 (guint32, field_values (report, LD_FIELD_PRODUCT_DISPLAY_NAME));
  guint32 zeros[BLOCK_ROWS] = { 0, };
  guint32 pid_buf[BLOCK_ROWS], offer_buf[BLOCK_ROWS], plan_buf[BLOCK_ROWS], type_buf[BLOCK_ROWS];
  guint32 code_buf[BLOCK_ROWS], country_buf[BLOCK_ROWS];
  guint allocated = 0;
  guint32 n_products = 0;
  LdKeyMap groups;
  gboolean added;

  ld_key_map_init (&groups, 256);
  ld_ids_init (&report->group, 1, n);
  report->country_name = g_new0 (guint32, ld_dict_size (report->dim_dict[LD_DIM_COUNTRY]));

  for (guint lo = 0; lo < n; lo += BLOCK_ROWS)
    {
      guint m = MIN (BLOCK_ROWS, n - lo);
      const guint32 *pids = pid_ids != NULL ? ids_block (pid_ids, lo, m, pid_buf) : zeros;
      const guint32 *offers = offer_ids != NULL ? ids_block (offer_ids, lo, m, offer_buf) : zeros;
      const guint32 *plans = plan_ids != NULL ? ids_block (plan_ids, lo, m, plan_buf) : zeros;
      const guint32 *types = type_ids != NULL ? ids_block (type_ids, lo, m, type_buf) : zeros;
      const guint32 *codes = code_ids != NULL ? ids_block (code_ids, lo, m, code_buf) : zeros;
      const guint32 *countries = country_ids != NULL ? ids_block (country_ids, lo, m, country_buf) : NULL;

      for (guint i = 0; i < m; i++)
        {
          guint32 pid = pids[i], offer = offers[i];
          guint32 *slot = pid != 0 ? &by_pid[pid] : &by_offer[offer];
          guint32 p, g;

          if (*slot == 0)
            *slot = ++n_products;
          p = *slot - 1;

          g = ld_key_map_insert (&groups, ((guint64) p << 32) | plans[i], &added);
          if (added)
            {
              guint a = allocated;

              push_u32 (&report->group_product, &a, g, p);
              a = allocated;
              push_u32 (&report->group_plan, &a, g, plans[i]);
              a = allocated;
              push_u32 (&report->group_offer_type, &a, g, types[i]);
              a = allocated;
              push_u32 (&report->group_name, &a, g, offer);
              a = allocated;
              push_u32 (&report->group_product_id, &a, g, pid);
              allocated = a;
            }
          else
            {
              if (report->group_name[g] == 0)
                report->group_name[g] = offer;
              if (report->group_offer_type[g] == 0)
                report->group_offer_type[g] = types[i];
            }
          ld_ids_set_widen (&report->group, lo + i, n, lo + i, g);

          if (countries != NULL && report->country_name[codes[i]] == 0)
            report->country_name[codes[i]] = countries[i];
        }
    }

  report->n_products = n_products;
  report->n_groups = groups.n;
  ld_key_map_clear (&groups);
  report->group_product = g_renew (guint32, report->group_product, MAX (report->n_groups, 1));
  report->group_plan = g_renew (guint32, report->group_plan, MAX (report->n_groups, 1));
  report->group_offer_type = g_renew (guint32, report->group_offer_type, MAX (report->n_groups, 1));
  report->group_name = g_renew (guint32, report->group_name, MAX (report->n_groups, 1));
  report->group_product_id = g_renew (guint32, report->group_product_id, MAX (report->n_groups, 1));
}

/* Pair ids (customer with group, product, country code) number the distinct pairs
 * densely; the query counts distinct pairs with bitsets over them, so their order is
 * free. When a report has at most 64 groups (or products, or codes), each customer's
 * set of them is one 64-bit mask: a first pass ORs every row's bit into its
 * customer's mask, prefix sums of the masks' popcounts give each customer's first
 * pair id, and a second pass gives every row its customer's first id plus the rank
 * of its bit in the mask. Twelve bytes per customer, two sequential passes. */
#define MASK_MAX 64

/* Bits set in @v, without a call into libgcc (no popcnt instruction is assumed). */
static inline guint
popcount64 (guint64 v)
{
  v = v - ((v >> 1) & G_GUINT64_CONSTANT (0x5555555555555555));
  v = (v & G_GUINT64_CONSTANT (0x3333333333333333)) + ((v >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  v = (v + (v >> 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);
  return (guint) ((v * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

typedef struct _PairKind {
  const guint32 *of_group;  /* per group, its member of the pair (NULL: the group) */
  const LdIds   *per_row;   /* or per row (country codes) */
  guint          n_members;
  LdIds         *out;
  guint         *n_pairs;
} PairKind;

static inline __attribute__ ((always_inline)) void
derive_pairs_masked_body (LdReport *report,
                          PairKind *kind,
                          gboolean  hw_popcount)
{
  guint n = report->n_rows;
  guint nc = report->n_customers;
  g_autofree guint64 *masks = g_new0 (guint64, MAX (nc, 1));
  g_autofree guint32 *base = g_new (guint32, MAX (nc, 1));
  const guint32 *of_group = kind->of_group;
  guint32 cust_buf[BLOCK_ROWS], group_buf[BLOCK_ROWS], member_buf[BLOCK_ROWS];
  guint32 total = 0;

  for (guint lo = 0; lo < n; lo += BLOCK_ROWS)
    {
      guint m = MIN (BLOCK_ROWS, n - lo);
      const guint32 *cust = ids_block (&report->customer, lo, m, cust_buf);
      const guint32 *members = kind->per_row != NULL ? ids_block (kind->per_row, lo, m, member_buf)
                                                     : ids_block (&report->group, lo, m, group_buf);

      for (guint i = 0; i < m; i++)
        {
          guint32 member = of_group != NULL ? of_group[members[i]] : members[i];

          masks[cust[i]] |= G_GUINT64_CONSTANT (1) << member;
        }
    }

  for (guint c = 0; c < nc; c++)
    {
      base[c] = total;
      total += hw_popcount ? (guint) __builtin_popcountll (masks[c]) : popcount64 (masks[c]);
    }
  *kind->n_pairs = total;
  ld_ids_init (kind->out, ld_ids_width_for (total), n);

  for (guint lo = 0; lo < n; lo += BLOCK_ROWS)
    {
      guint m = MIN (BLOCK_ROWS, n - lo);
      const guint32 *cust = ids_block (&report->customer, lo, m, cust_buf);
      const guint32 *members = kind->per_row != NULL ? ids_block (kind->per_row, lo, m, member_buf)
                                                     : ids_block (&report->group, lo, m, group_buf);

      for (guint i = 0; i < m; i++)
        {
          guint32 member = of_group != NULL ? of_group[members[i]] : members[i];
          guint64 below = masks[cust[i]] & ((G_GUINT64_CONSTANT (1) << member) - 1);

          ld_ids_set (kind->out, lo + i, base[cust[i]]
                      + (hw_popcount ? (guint) __builtin_popcountll (below) : popcount64 (below)));
        }
    }
}

#if defined(__x86_64__) && defined(__GNUC__)
/* With the CPU's popcnt where it has one (any x86-64 of the last fifteen years). */
__attribute__ ((target ("popcnt"))) static void
derive_pairs_masked_popcnt (LdReport *report,
                            PairKind *kind)
{
  derive_pairs_masked_body (report, kind, TRUE);
}
#endif

static void
derive_pairs_masked (LdReport *report,
                     PairKind *kind)
{
#if defined(__x86_64__) && defined(__GNUC__)
  if (__builtin_cpu_supports ("popcnt"))
    {
      derive_pairs_masked_popcnt (report, kind);
      return;
    }
#endif
  derive_pairs_masked_body (report, kind, FALSE);
}

/* Otherwise: bucket the rows by customer and walk each customer's rows with small
 * "last customer seen" arrays per member. */
static void
derive_pairs_bucketed (LdReport *report,
                       PairKind *kinds,
                       guint     n_kinds)
{
  guint n = report->n_rows;
  g_autofree guint *start = g_new0 (guint, report->n_customers + 1);
  g_autofree guint32 *by_customer = g_new (guint32, MAX (n, 1));
  guint32 buf[BLOCK_ROWS];

  for (guint lo = 0; lo < n; lo += BLOCK_ROWS)
    {
      guint m = MIN (BLOCK_ROWS, n - lo);
      const guint32 *cust = ids_block (&report->customer, lo, m, buf);

      for (guint i = 0; i < m; i++)
        start[cust[i] + 1]++;
    }
  for (guint c = 0; c < report->n_customers; c++)
    start[c + 1] += start[c];
  for (guint lo = 0; lo < n; lo += BLOCK_ROWS)
    {
      guint m = MIN (BLOCK_ROWS, n - lo);
      const guint32 *cust = ids_block (&report->customer, lo, m, buf);

      for (guint i = 0; i < m; i++)
        by_customer[start[cust[i]]++] = lo + i;
    }
  /* start[c] is now the end of customer c's rows, i.e. the start of c + 1's. */

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree guint32 *last = g_new0 (guint32, MAX (kinds[k].n_members, 1));
      g_autofree guint32 *pair = g_new (guint32, MAX (kinds[k].n_members, 1));
      guint32 n_pairs = 0;

      /* Made at the width its largest possible id needs, so never widened (copied). */
      ld_ids_init (kinds[k].out,
                   ld_ids_width_for (MIN ((guint64) n, (guint64) report->n_customers * kinds[k].n_members)), n);
      for (guint c = 0, i = 0; c < report->n_customers; c++)
        for (; i < start[c]; i++)
          {
            guint32 r = by_customer[i];
            guint32 member;

            if (kinds[k].per_row != NULL)
              member = kinds[k].per_row->data != NULL ? ld_ids_get (kinds[k].per_row, r) : 0;
            else
              {
                member = ld_ids_get (&report->group, r);
                if (kinds[k].of_group != NULL)
                  member = kinds[k].of_group[member];
              }

            /* Stamps hold c + 1 so that zeroed arrays mean "no customer yet". */
            if (last[member] != c + 1)
              {
                last[member] = c + 1;
                pair[member] = n_pairs++;
              }
            ld_ids_set (kinds[k].out, r, pair[member]);
          }
      *kinds[k].n_pairs = n_pairs;
    }
}

static gpointer
pairs_thread (gpointer data)
{
  gpointer *args = data;

  derive_pairs_masked (args[0], args[1]);
  return NULL;
}

/* Without Tenant IDs a customer is a (name, code) pair, so it has one code and the
 * (customer, code) pair is the customer itself: that column is only made when the
 * file has Tenant IDs, and dropped when every customer has one country anyway. */
static void
derive_pairs (LdReport *report)
{
  gboolean with_codes = report->field_column[LD_FIELD_TENANT_ID] >= 0;
  PairKind masked[3], bucketed[3];
  guint n_masked = 0, n_bucketed = 0;
  const PairKind kinds[3] = {
    { NULL, NULL, report->n_groups, &report->customer_group_pair, &report->n_customer_group_pairs },
    { report->group_product, NULL, report->n_products, &report->customer_product_pair,
      &report->n_customer_product_pairs },
    { NULL, &report->dim_ids[LD_DIM_COUNTRY], ld_dict_size (report->dim_dict[LD_DIM_COUNTRY]),
      &report->customer_country_pair, &report->n_customer_country_pairs },
  };

  for (guint k = 0; k < (with_codes ? 3u : 2u); k++)
    {
      /* Countries absent: every row has code 0. */
      if (kinds[k].per_row != NULL && kinds[k].per_row->data == NULL)
        bucketed[n_bucketed++] = kinds[k];
      else if (kinds[k].n_members <= MASK_MAX)
        masked[n_masked++] = kinds[k];
      else
        bucketed[n_bucketed++] = kinds[k];
    }
  guint k = 0;

  /* Each kind takes a mask and a first id per customer while it is made: on a big
   * report with few customers the first two are made side by side, with many (where
   * those twelve bytes a customer weigh on the peak of the load) one after another. */
  if (n_masked >= 2 && report->n_rows >= MIN_ROWS_FOR_THREADS
      && (gsize) report->n_customers * 12 <= 8 * 1024 * 1024)
    {
      gpointer args[2] = { report, &masked[1] };
      GThread *thread = g_thread_new ("ld-finish", pairs_thread, args);

      derive_pairs_masked (report, &masked[0]);
      g_thread_join (thread);
      k = 2;
    }
  for (; k < n_masked; k++)
    derive_pairs_masked (report, &masked[k]);
  if (n_bucketed > 0)
    derive_pairs_bucketed (report, bucketed, n_bucketed);

  if (!with_codes)
    report->n_customer_country_pairs = report->n_customers;
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

  size += n;                                            /* day */
  size += ids_memory (&report->provisioned, n);
  size += ids_memory (&report->assigned, n);
  size += ids_memory (&report->file_month, n);
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

static void
add_month_span (GArray *spans,
                int     from,
                int     to)
{
  LdMonthSpan span = { from, to };

  g_array_append_val (spans, span);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const LdMonthSpan *sa = a, *sb = b;

  return sa->from != sb->from ? (sa->from < sb->from ? -1 : 1) : (sa->to > sb->to) - (sa->to < sb->to);
}

/* Each file covers its first to last month; join spans that overlap or touch. */
static void
compute_months_covered (LdReport *report)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (LdMonthSpan));
  guint n = 0;

  for (guint f = 0; f < report->n_files; f++)
    if (report->files[f].first_month >= 0)
      add_month_span (spans, report->files[f].first_month, report->files[f].last_month);
  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      LdMonthSpan s = g_array_index (spans, LdMonthSpan, i);

      if (n > 0 && s.from <= g_array_index (spans, LdMonthSpan, n - 1).to + 1)
        {
          LdMonthSpan *prev = &g_array_index (spans, LdMonthSpan, n - 1);

          prev->to = MAX (prev->to, s.to);
        }
      else
        g_array_index (spans, LdMonthSpan, n++) = s;
    }

  report->n_months_covered = n;
  report->months_covered = g_new (LdMonthSpan, MAX (n, 1));
  if (n > 0)
    memcpy (report->months_covered, spans->data, n * sizeof (LdMonthSpan));
}

/* ---- finishing on two threads --------------------------------------------------- */


typedef void (*FinishFunc) (Finish *fin);

static gpointer
finish_thread (gpointer data)
{
  gpointer *args = data;
  Finish *fin = args[1];

  fin->cpu_b = thread_cpu_ms ();
  ((FinishFunc) args[0]) (fin);
  fin->cpu_b = thread_cpu_ms () - fin->cpu_b;
  return NULL;
}

/* Runs @a here and @b on a second thread (or after @a, for a small report). */
static void
run_both (Finish     *fin,
          FinishFunc  a,
          FinishFunc  b)
{
  gpointer args[2] = { b, fin };
  GThread *thread = NULL;

  if (fin->report->n_rows >= MIN_ROWS_FOR_THREADS)
    thread = g_thread_new ("ld-finish", finish_thread, args);
  fin->cpu_a = thread_cpu_ms ();
  a (fin);
  fin->cpu_a = thread_cpu_ms () - fin->cpu_a;
  if (thread != NULL)
    g_thread_join (thread);
  else
    {
      fin->cpu_b = thread_cpu_ms ();
      b (fin);
      fin->cpu_b = thread_cpu_ms () - fin->cpu_b;
    }
}

/* The columns derivation reads (names, codes, offers, plans…) go to the first
 * thread, the rest and the typed ones to the second, until the two are about even
 * in bytes moved. */
static void
split_columns (Finish *fin)
{
  LdReport *report = fin->report;
  guint cost_a = 0, cost_b = 0;

  fin->scatter_on_b = g_new0 (guint8, MAX (report->n_columns, 1));
  /* The typed ones: a byte of day and two counts. */
  cost_b = 1 + fin->parts[0].b->provisioned.width + fin->parts[0].b->assigned.width;
  for (guint u = 0; u < report->n_columns; u++)
    {
      LdColumn *col = &report->columns[u];
      guint cost;

      if (col->dict == NULL)
        continue;
      cost = ld_ids_width_for (ld_dict_size (col->dict));
      if (cost_b + cost <= cost_a)
        {
          fin->scatter_on_b[u] = 1;
          cost_b += cost;
        }
      else
        cost_a += cost;
    }
}

/* The month of every kept row in file order (kept: the data table rebuilds the file
 * order from it), counted per month; then a stable counting sort: dest[g] is the
 * storage row of the g-th kept row in file order. */
static void
lay_out_months (Finish *fin)
{
  LdReport *report = fin->report;
  Part *parts = fin->parts;
  guint n_parts = fin->n_parts;
  guint n = report->n_rows;
  int cand_first = fin->cand_first, cand_last = fin->cand_last;
  g_autofree guint *counts = NULL;
  guint32 latest = 0;

  if (n > 0)
    {
      guint n_cand = cand_last - cand_first + 1;
      int first = -1, last = -1;
      guint32 *cursor;

      counts = g_new0 (guint, n_cand);
      ld_ids_init (&report->file_month, ld_ids_width_for (n_cand), n);
      for (guint p = 0, g = 0; p < n_parts; p++)
        {
          const LdReportBuilder *b = parts[p].b;

          for (guint i = 0; i < b->n_rows; i++)
            if (b->n_dropped == 0 || !bit_is_set (b->drop_bits, i))
              {
                guint m = LD_DATE_TO_MONTH (b->date[i]) - cand_first;

                counts[m]++;
                ld_ids_set (&report->file_month, g++, m);
                latest = MAX (latest, b->date[i]);
              }
        }
      for (guint k = 0; k < n_cand; k++)
        if (counts[k] > 0)
          {
            if (first < 0)
              first = k;
            last = k;
          }

      /* Replaced rows may have taken whole months at the start with them. */
      if (first > 0)
        for (guint g = 0; g < n; g++)
          ld_ids_set (&report->file_month, g, ld_ids_get (&report->file_month, g) - first);

      report->first_month = cand_first + first;
      report->last_month = cand_first + last;
      report->n_months = last - first + 1;
      report->latest_date = latest;
      report->month_start = g_new0 (guint, report->n_months + 1);
      for (guint k = 0; k < report->n_months; k++)
        report->month_start[k + 1] = report->month_start[k] + counts[first + k];

      cursor = g_memdup2 (report->month_start, report->n_months * sizeof (guint));
      fin->dest = g_new (guint32, n);
      report->file_order_is_storage = TRUE;
      for (guint g = 0; g < n; g++)
        {
          fin->dest[g] = cursor[ld_ids_get (&report->file_month, g)]++;
          report->file_order_is_storage &= fin->dest[g] == g;
        }
      g_free (cursor);
      /* A download in date order (Partner Center's are) is stored as it came: then
       * the file order needs no byte at all, and the columns are copied, not
       * scattered. */
      if (report->file_order_is_storage)
        {
          ld_ids_clear (&report->file_month);
          g_clear_pointer (&fin->dest, g_free);
        }
    }
  else
    {
      report->month_start = g_new0 (guint, 1);
      report->file_month.width = 1;
      report->file_month.data = g_new0 (guint8, 1);
      fin->dest = g_new (guint32, 1);
    }

}

static void
merge_dictionaries_step (Finish *fin)
{
  /* Beside the month pass already: one thread. */
  merge_dictionaries (fin->parts, fin->n_parts, fin->dicts, FALSE);
}

static void
scatter_a (Finish *fin)
{
  for (guint u = 0; u < fin->report->n_columns; u++)
    if (!fin->scatter_on_b[u])
      scatter_column (fin, u);
}

static void
scatter_b (Finish *fin)
{
  scatter_typed (fin);
  for (guint u = 0; u < fin->report->n_columns; u++)
    if (fin->scatter_on_b[u])
      scatter_column (fin, u);
}

static void
derive_customers_step (Finish *fin)
{
  derive_customers (fin->report);
}

static void
derive_groups_step (Finish *fin)
{
  derive_groups (fin->report);
}

LdReport *
ld_report_builder_finish_files (const LdReportBuilderFile *files,
                                guint                      n_files)
{
  LdReport *report;
  g_autoptr(GPtrArray) union_names = g_ptr_array_new ();
  g_autoptr(GArray) union_fields = g_array_new (FALSE, FALSE, sizeof (LdField));
  g_autofree Part *parts = NULL;
  g_autofree LdDict **dicts = NULL;
  g_autoptr(GArray) bad_rows = NULL;
  guint n_parts = 0, n_union;
  guint64 n_kept = 0, n_cand_rows = 0;
  guint n;
  int cand_first = G_MAXINT, cand_last = -1;
  Finish fin = { 0, };
  double t[8], scatter_cpu[2], derive_cpu[2], dict_cpu = 0;

  g_return_val_if_fail (files != NULL && n_files > 0, NULL);

  t[0] = wall_ms ();

  for (guint f = 0; f < n_files; f++)
    {
      g_return_val_if_fail (files[f].n_parts > 0 && files[f].parts != NULL, NULL);
      n_parts += files[f].n_parts;
    }

  report = g_object_new (LD_TYPE_REPORT, NULL);
  report->n_files = n_files;
  report->files = g_new0 (LdReportFile, n_files);

  parts = g_new0 (Part, n_parts);
  for (guint f = 0, p = 0; f < n_files; f++)
    for (guint k = 0; k < files[f].n_parts; k++, p++)
      {
        parts[p].b = files[f].parts[k];
        parts[p].file = f;
      }

  /* 1. The union of the columns. */
  n_union = union_columns (files, n_files, parts, union_names, union_fields);

  /* 2. Slash dates were passed as year, first, second: day-first files swap. Then
   * what each file holds. */
  for (guint f = 0, p = 0; f < n_files; f++)
    {
      LdReportFile *info = &report->files[f];

      info->display_name = g_strdup (files[f].display_name);
      info->path = g_strdup (files[f].path);
      info->delimiter = files[f].delimiter;
      info->encoding = files[f].encoding;
      info->day_first = files[f].day_first;
      info->first_month = info->last_month = -1;

      for (guint k = 0; k < files[f].n_parts; k++, p++)
        {
          LdReportBuilder *b = parts[p].b;
          guint32 low = G_MAXUINT32, high = 0;

          if (files[f].day_first && b->any_slash)
            for (guint i = 0; i < b->n_rows; i++)
              if (bit_is_set (b->slash_bits, i))
                {
                  guint32 d = b->date[i];

                  b->date[i] = d / 10000 * 10000 + d % 100 * 100 + d / 100 % 100;
                }

          /* Packed dates order as dates do. */
          for (guint i = 0; i < b->n_rows; i++)
            if (b->n_dropped == 0 || !bit_is_set (b->drop_bits, i))
              {
                low = MIN (low, b->date[i]);
                high = MAX (high, b->date[i]);
              }
          if (high > 0)
            {
              int lm = LD_DATE_TO_MONTH (low), hm = LD_DATE_TO_MONTH (high);

              if (info->first_month < 0 || lm < info->first_month)
                info->first_month = lm;
              info->last_month = MAX (info->last_month, hm);
              info->latest_date = MAX (info->latest_date, high);
            }

          info->rows_read += b->n_rows - b->n_dropped + b->n_bad_rows;
          info->rows_skipped += b->n_bad_rows;
          report->n_warnings += b->n_warnings;
        }
      report->rows_skipped += info->rows_skipped;
      if (info->first_month >= 0)
        {
          cand_first = MIN (cand_first, info->first_month);
          cand_last = MAX (cand_last, info->last_month);
        }
    }

  /* 3. One dictionary per text column; with several files, then the rows a newer
   * download replaces (SPEC §7), which need the merged dictionaries. */
  fin.report = report;
  fin.parts = parts;
  fin.n_parts = n_parts;
  fin.dicts = g_new0 (LdDict *, n_union);
  fin.cand_first = cand_first;
  fin.cand_last = cand_last;
  for (guint p = 0; p < n_parts; p++)
    n_cand_rows += parts[p].b->n_rows;
  t[1] = wall_ms ();
  if (n_files > 1)
    {
      merge_dictionaries (parts, n_parts, fin.dicts, n_cand_rows >= MIN_ROWS_FOR_THREADS);
      report->rows_replaced = drop_replaced_rows (files, n_files, report->files, parts, n_parts,
                                                  n_cand_rows >= MIN_ROWS_FOR_THREADS);
    }
  t[2] = wall_ms ();

  for (guint p = 0; p < n_parts; p++)
    n_kept += parts[p].b->n_rows - parts[p].b->n_dropped;
  g_assert (n_kept < G_MAXUINT32);
  n = (guint) n_kept;
  report->n_rows = n;

  /* 4. Months and the storage order. One file has no replaced rows, so its months do
   * not wait for the dictionaries: both at once. */
  t[3] = wall_ms ();
  if (n_files == 1)
    {
      run_both (&fin, lay_out_months, merge_dictionaries_step);
      dict_cpu = fin.cpu_b;
    }
  else
    lay_out_months (&fin);
  dicts = g_steal_pointer (&fin.dicts);

  /* 6. The columns. */
  report->n_columns = n_union;
  report->columns = g_new0 (LdColumn, n_union);
  for (guint u = 0; u < n_union; u++)
    {
      LdColumn *col = &report->columns[u];

      col->name = g_ptr_array_index (union_names, u);
      col->field = g_array_index (union_fields, LdField, u);
      col->dict = g_steal_pointer (&dicts[u]);
      if (col->field >= 0 && report->field_column[col->field] < 0)
        report->field_column[col->field] = u;
    }

  /* 7. Scatter one column at a time, freeing each part's file-order copy at once,
   * the columns shared between two threads. */
  t[4] = wall_ms ();
  split_columns (&fin);
  run_both (&fin, scatter_a, scatter_b);
  scatter_cpu[0] = fin.cpu_a;
  scatter_cpu[1] = fin.cpu_b;
  t[5] = wall_ms ();
  g_clear_pointer (&fin.dest, g_free);
  g_clear_pointer (&fin.scatter_on_b, g_free);

  /* 8. Dimensions point at their columns; absent ones read as all-empty. */
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

  /* 9. Customers on one thread, products and groups on the other; then pairs. */
  run_both (&fin, derive_customers_step, derive_groups_step);
  derive_cpu[0] = fin.cpu_a;
  derive_cpu[1] = fin.cpu_b;
  t[6] = wall_ms ();
#ifdef __GLIBC__
  /* The parts' columns are gone; give their pages back before the pairs are made, or
   * the pairs come on top of them at the peak of the load. */
  if (n >= MIN_ROWS_FOR_THREADS)
    malloc_trim (0);
#endif
  derive_pairs (report);

  /* 10. What was skipped, every file's, in file and line order. */
  bad_rows = g_array_new (FALSE, FALSE, sizeof (LdBadRow));
  g_array_set_clear_func (bad_rows, (GDestroyNotify) ld_bad_row_clear);
  for (guint p = 0; p < n_parts; p++)
    {
      GArray *rows = parts[p].b->bad_rows;

      for (guint i = 0; i < rows->len; i++)
        {
          LdBadRow row = g_array_index (rows, LdBadRow, i);

          row.line += parts[p].b->line_offset;
          row.file = parts[p].file;
          g_array_append_val (bad_rows, row);
        }
      /* The strings moved. */
      g_array_set_clear_func (rows, NULL);
      g_array_set_size (rows, 0);
      g_array_set_clear_func (rows, (GDestroyNotify) ld_bad_row_clear);
    }
  trim_bad_rows (bad_rows);
  report->bad_rows = g_steal_pointer (&bad_rows);

  /* 11. The files' names. */
  if (n_files == 1)
    {
      report->display_name = g_strdup (files[0].display_name);
      report->path = g_strdup (files[0].path);
    }
  else
    {
      GString *names = g_string_new (NULL);

      for (guint f = 0; f < n_files; f++)
        g_string_append_printf (names, "%s%s", f > 0 ? ", " : "", files[f].display_name);
      report->display_name = g_string_free (names, FALSE);
    }
  report->delimiter = files[0].delimiter;
  report->encoding = files[0].encoding;
  report->day_first = files[0].day_first;
  compute_months_covered (report);

  report->memory_size = report_memory (report);
  t[7] = wall_ms ();
  g_log (TRACE_DOMAIN, G_LOG_LEVEL_DEBUG,
         "finish of %u rows from %u part(s): files %.1f ms, dictionaries and replaced rows "
         "%.1f ms, months %.1f ms (dictionaries beside them: CPU %.1f), columns %.1f ms "
         "(CPU %.1f + %.1f), customers and groups %.1f ms (CPU %.1f + %.1f), pairs and the "
         "rest %.1f ms",
         n, n_parts, t[1] - t[0], t[2] - t[1], t[4] - t[3], dict_cpu, t[5] - t[4],
         scatter_cpu[0], scatter_cpu[1], t[6] - t[5], derive_cpu[0], derive_cpu[1], t[7] - t[6]);

  for (guint p = 0; p < n_parts; p++)
    {
      g_free (parts[p].to_union);
      g_free (parts[p].remap);
      ld_report_builder_free (parts[p].b);
    }

#ifdef __GLIBC__
  /* Finishing freed the file-order columns and the scratch of the derivation: tens
   * of megabytes on a big file, in blocks glibc may keep mapped (its mmap threshold
   * rises after the first big free). Hand the free pages back now, so the report's
   * footprint is what the store holds. Not for a small report: giving pages back
   * flushes every CPU's TLB, which on a VM costs more than the pages are worth. */
  if (n >= MIN_ROWS_FOR_THREADS)
    malloc_trim (0);
#endif

  return report;
}

LdReport *
ld_report_builder_finish (LdReportBuilder *self,
                          const char      *display_name,
                          const char      *path,
                          char             delimiter,
                          LdEncoding       encoding,
                          gboolean         day_first)
{
  LdReportBuilderFile file = {
    display_name, path, delimiter, encoding, day_first, &self, 1,
  };

  g_return_val_if_fail (self != NULL, NULL);

  return ld_report_builder_finish_files (&file, 1);
}
