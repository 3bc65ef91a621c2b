/* ld-loader.c — reading a License report (SPEC §2) into an LdReport
 *
 * The bytes stream in chunks of CHUNK_SIZE. A chunk is cut after its last newline
 * (the rest waits for the next read), so every line handed to the parser is whole:
 * that keeps physical line numbers exact and lets a line without quotes skip libcsv
 * altogether — a memchr split gives the same fields libcsv would, many times faster.
 * Lines with quotes, and rows continued over a quoted newline, go through libcsv.
 *
 * Readings where SPEC §2 is silent:
 * - spaces and tabs around an unquoted cell are dropped, as libcsv does (inside
 *   quotes they are kept), so " 12 " and "Contoso " read as 12 and "Contoso";
 * - UTF-16 without a BOM is recognised by its NUL bytes instead of refused as binary;
 * - a row with more or fewer fields than the header is bad, even if the extra
 *   fields are empty: guessing which field is missing could shift a count;
 * - an unclosed quote at the end makes the row it opens bad; the rows before stay.
 * - a header of more than MAX_COLUMNS (4,096) columns is refused before any row is
 *   read (LD_LOAD_ERROR_TOO_LARGE): a License report has a dozen, and a row's cells
 *   are kept per column. A cell may be as long as memory allows (a 20 MB one loads);
 *   cutting it would lose data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* PRIu64 rather than G_GUINT64_FORMAT: in a translatable message xgettext knows
 * the former, and cuts the message short at the latter. */
#include <inttypes.h>
#include <string.h>
#include <csv.h>
#include <glib/gi18n-lib.h>

#include "ld-loader.h"
#include "ld-parse.h"
#include "ld-report-builder.h"
#include "ld-writer.h"

#define CHUNK_SIZE (256 * 1024)

/* A header line longer than this is not a License report's. */
#define MAX_HEADER_BYTES (1024 * 1024)

#define MAX_COLUMNS 4096

/* How much of a cell a bad-row reason quotes. */
#define MAX_QUOTED_BYTES 60

/* libcsv's parser states (csv.h does not name them). */
#define CSV_ROW_NOT_BEGUN 0
#define CSV_FIELD_BEGUN 2

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

G_DEFINE_QUARK (ld-load-error-quark, ld_load_error)

/* A row whose slash date is valid month-first only: it turns bad if the file proves
 * to be day-first. */
typedef struct {
  guint   row;
  guint64 line;
  int     year;
  int     first;
  int     second;
} PendingSlash;

/* Rows parsed but not yet added to the builder. Interning the text cells is most of
 * a load's work, so the builder gets its own thread: the loading thread parses the
 * next rows meanwhile. Every builder call goes through a batch, in order, so the
 * builder is only ever used by one thread at a time. */
#define BATCH_ROWS 4096
#define BATCH_CELLS (BATCH_ROWS * 16)
#define MAX_BATCHES 4

typedef struct {
  guint64  line;
  int      column;
  char    *column_name;
  char    *reason;
} BadRowOp;

typedef struct {
  guint     n_columns;
  guint     max_rows;    /* fewer for wide files, so a batch stays about 1 MiB */
  guint     n_rows;
  char     *bytes;       /* the cells' text, back to back */
  gsize     bytes_len;
  gsize     bytes_cap;
  gsize    *offsets;     /* n_columns per row */
  gsize    *lens;
  guint32  *date;
  guint32  *assigned;
  guint32  *provisioned;
  guint8   *slash;
  GArray   *bad_rows;    /* BadRowOp */
  guint64   warnings;
} Batch;

typedef struct {
  const char        *display_name;

  LdEncoding         encoding;
  GConverter        *converter;      /* UTF-16 to UTF-8, or NULL */

  /* Decoded UTF-8 not yet parsed, and raw UTF-16 not yet converted. */
  char              *text;
  gsize              text_len;
  gsize              text_cap;
  char              *raw;
  gsize              raw_len;
  gsize              raw_cap;

  gboolean           header_found;
  char               delimiter;
  struct csv_parser  csv;

  /* The header. */
  guint              n_columns;      /* 0 until the header row is read */
  char             **names;
  LdField           *fields;
  guint8            *is_text;
  int                col_date;
  int                col_assigned;
  int                col_provisioned;
  LdReportBuilder   *builder;

  /* The row being read. Cells point into the text (fast path), into rowbuf
   * (libcsv copies each field there) or into scratch (repaired cells). */
  guint64            line;           /* physical line being fed, 1-based */
  guint64            row_line;       /* the line where the current row starts */
  guint64            last_line;      /* the last line fed so far */
  guint              n_fields;
  guint              cells_cap;
  const char       **cells;
  gsize             *lens;
  gsize             *offsets;
  char              *rowbuf;
  gsize              rowbuf_len;
  gsize              rowbuf_cap;
  GPtrArray         *scratch;
  gboolean           dirty;          /* the row may hold invalid UTF-8 or NUL bytes */

  guint64            rows_read;
  gboolean           day_first;
  guint64            day_first_line;
  GArray            *pending;        /* PendingSlash */

  /* The builder's thread. */
  Batch             *batch;          /* being filled */
  guint              n_batches;
  guint              rows_added;     /* row indices the builder hands out, in order */
  GThread           *consumer;
  GAsyncQueue       *full;
  GAsyncQueue       *empty;

  GError            *error;          /* set by the row handler; stops the load */
} LdLoader;

/* Tells the builder's thread to stop; never a real batch. */
static Batch stop_batch;

static Batch *
batch_new (guint n_columns)
{
  Batch *b = g_new0 (Batch, 1);

  b->n_columns = n_columns;
  b->max_rows = CLAMP (BATCH_CELLS / n_columns, 16, BATCH_ROWS);
  b->bytes_cap = 64 * 1024;
  b->bytes = g_malloc (b->bytes_cap);
  b->offsets = g_new (gsize, (gsize) b->max_rows * n_columns);
  b->lens = g_new (gsize, (gsize) b->max_rows * n_columns);
  b->date = g_new (guint32, b->max_rows);
  b->assigned = g_new (guint32, b->max_rows);
  b->provisioned = g_new (guint32, b->max_rows);
  b->slash = g_new (guint8, b->max_rows);
  b->bad_rows = g_array_new (FALSE, FALSE, sizeof (BadRowOp));
  return b;
}

static void
batch_reset (Batch *b)
{
  for (guint i = 0; i < b->bad_rows->len; i++)
    {
      BadRowOp *op = &g_array_index (b->bad_rows, BadRowOp, i);

      g_free (op->column_name);
      g_free (op->reason);
    }
  g_array_set_size (b->bad_rows, 0);
  b->n_rows = 0;
  b->bytes_len = 0;
  b->warnings = 0;
}

static void
batch_free (Batch *b)
{
  if (b == NULL || b == &stop_batch)
    return;
  batch_reset (b);
  g_free (b->bytes);
  g_free (b->offsets);
  g_free (b->lens);
  g_free (b->date);
  g_free (b->assigned);
  g_free (b->provisioned);
  g_free (b->slash);
  g_array_unref (b->bad_rows);
  g_free (b);
}

static void
batch_apply (Batch            *b,
             LdReportBuilder  *builder,
             const char      **cells)
{
  guint n = b->n_columns;

  for (guint r = 0; r < b->n_rows; r++)
    {
      const gsize *offsets = b->offsets + (gsize) r * n;

      for (guint c = 0; c < n; c++)
        cells[c] = b->bytes + offsets[c];
      ld_report_builder_add_row (builder, cells, b->lens + (gsize) r * n, b->date[r],
                                 b->slash[r], b->assigned[r], b->provisioned[r]);
    }

  for (guint i = 0; i < b->bad_rows->len; i++)
    {
      BadRowOp *op = &g_array_index (b->bad_rows, BadRowOp, i);

      ld_report_builder_add_bad_row (builder, op->line, op->column,
                                     g_steal_pointer (&op->column_name),
                                     g_steal_pointer (&op->reason));
    }
  g_array_set_size (b->bad_rows, 0);

  if (b->warnings > 0)
    ld_report_builder_add_warnings (builder, b->warnings);
}

static gpointer
consume_batches (gpointer data)
{
  LdLoader *self = data;
  g_autofree const char **cells = g_new (const char *, self->n_columns);

  for (;;)
    {
      Batch *b = g_async_queue_pop (self->full);

      if (b == &stop_batch)
        break;
      batch_apply (b, self->builder, cells);
      batch_reset (b);
      g_async_queue_push (self->empty, b);
    }

  return NULL;
}

/* Hands the batch being filled to the builder's thread and takes an empty one,
 * waiting when MAX_BATCHES are in flight so memory stays bounded. */
static void
push_batch (LdLoader *self)
{
  Batch *next;

  if (self->consumer == NULL)
    {
      self->full = g_async_queue_new ();
      self->empty = g_async_queue_new ();
      self->consumer = g_thread_new ("ld-loader-store", consume_batches, self);
    }

  g_async_queue_push (self->full, g_steal_pointer (&self->batch));

  next = g_async_queue_try_pop (self->empty);
  if (next == NULL && self->n_batches < MAX_BATCHES)
    {
      next = batch_new (self->n_columns);
      self->n_batches++;
    }
  if (next == NULL)
    next = g_async_queue_pop (self->empty);
  self->batch = next;
}

/* Waits for the builder's thread to add everything pushed so far; afterwards the
 * builder is this thread's again. With @flush, the batch being filled goes too. */
static void
join_consumer (LdLoader *self,
               gboolean  flush)
{
  if (flush && self->batch != NULL && self->builder != NULL)
    {
      g_autofree const char **cells = g_new (const char *, self->n_columns);

      if (self->consumer != NULL)
        push_batch (self);
      else
        {
          batch_apply (self->batch, self->builder, cells);
          batch_reset (self->batch);
        }
    }

  if (self->consumer != NULL)
    {
      Batch *b;

      g_async_queue_push (self->full, &stop_batch);
      g_thread_join (g_steal_pointer (&self->consumer));

      /* Batches never applied (a failed load) are dropped here. */
      while ((b = g_async_queue_try_pop (self->full)) != NULL)
        batch_free (b);
      while ((b = g_async_queue_try_pop (self->empty)) != NULL)
        batch_free (b);
      g_clear_pointer (&self->full, g_async_queue_unref);
      g_clear_pointer (&self->empty, g_async_queue_unref);
    }
}

static void
ld_loader_clear (LdLoader *self)
{
  join_consumer (self, FALSE);
  g_clear_pointer (&self->batch, batch_free);
  csv_free (&self->csv);
  g_clear_object (&self->converter);
  g_free (self->text);
  g_free (self->raw);
  g_strfreev (self->names);
  g_free (self->fields);
  g_free (self->is_text);
  g_clear_pointer (&self->builder, ld_report_builder_free);
  g_free (self->cells);
  g_free (self->lens);
  g_free (self->offsets);
  g_free (self->rowbuf);
  g_clear_pointer (&self->scratch, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_error (&self->error);
}

static void
reserve (char  **buf,
         gsize  *cap,
         gsize   needed)
{
  if (needed <= *cap)
    return;
  *cap = MAX (needed, *cap * 2);
  *buf = g_realloc (*buf, *cap);
}

/* Text checks ------------------------------------------------------------- */

static inline gboolean
word_has_zero_byte (guint64 w)
{
  return ((w - G_GUINT64_CONSTANT (0x0101010101010101)) & ~w &
          G_GUINT64_CONSTANT (0x8080808080808080)) != 0;
}

/* TRUE when @s is valid UTF-8 without NUL bytes. Checked once per chunk, eight
 * ASCII bytes at a time, so the rows of a clean file need no check of their own. */
static gboolean
text_is_clean (const char *s,
               gsize       len)
{
  const char *p = s;
  const char *end = s + len;

  while (p < end)
    {
      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          if ((w & G_GUINT64_CONSTANT (0x8080808080808080)) != 0 || word_has_zero_byte (w))
            break;
          p += 8;
        }
      if (p >= end)
        break;

      if ((guchar) *p >= 0x80)
        {
          const char *valid_end;

          /* One character: at most four bytes. */
          g_utf8_validate_len (p, MIN (4, end - p), &valid_end);
          if (valid_end == p)
            return FALSE;
          p = valid_end;
        }
      else if (*p == '\0')
        return FALSE;
      else
        p++;
    }

  return TRUE;
}

/* Appends @len bytes at @s to @out, each invalid UTF-8 sequence and NUL byte
 * replaced by U+FFFD. */
static void
append_repaired (GString    *out,
                 const char *s,
                 gsize       len)
{
  const char *p = s;
  const char *end = s + len;

  while (p < end)
    {
      const char *valid_end;

      g_utf8_validate_len (p, end - p, &valid_end);
      g_string_append_len (out, p, valid_end - p);
      if (valid_end >= end)
        break;

      g_string_append (out, REPLACEMENT_CHARACTER);
      p = valid_end + 1;
      /* The continuation bytes of a broken sequence belong to the same U+FFFD. */
      for (int k = 0; k < 3 && p < end && ((guchar) *p & 0xc0) == 0x80; k++)
        p++;
    }
}

static char *
repair_text (const char *s,
             gsize       len)
{
  GString *out = g_string_sized_new (len + 8);

  append_repaired (out, s, len);
  return g_string_free (out, FALSE);
}

/* A cell's text for a message: valid UTF-8, cut short when long. */
static char *
quote_cell (const char *s,
            gsize       len)
{
  GString *out = g_string_new (NULL);

  if (len > MAX_QUOTED_BYTES)
    {
      append_repaired (out, s, MAX_QUOTED_BYTES);
      /* Do not end in the middle of a character. */
      while (out->len > 0 && ((guchar) out->str[out->len - 1] & 0xc0) == 0x80)
        g_string_truncate (out, out->len - 1);
      if (out->len > 0 && (guchar) out->str[out->len - 1] >= 0xc0)
        g_string_truncate (out, out->len - 1);
      g_string_append (out, "…");
    }
  else
    append_repaired (out, s, len);

  return g_string_free (out, FALSE);
}

/* The header ------------------------------------------------------------------ */

static const char *
column_label (LdLoader *self,
              guint     column)
{
  const char *name = self->names[column];

  if (name[0] != '\0')
    return name;
  return ld_field_get_name (self->fields[column]) ? ld_field_get_name (self->fields[column]) : "";
}

static void
read_header (LdLoader *self)
{
  g_autoptr(GPtrArray) missing = NULL;
  gboolean seen[LD_N_FIELDS] = { FALSE, };
  gboolean any_known = FALSE;
  guint n = self->n_fields;

  if (n > MAX_COLUMNS)
    {
      self->error = g_error_new (LD_LOAD_ERROR, LD_LOAD_ERROR_TOO_LARGE,
                                 _("The header of “%s” on line %" PRIu64 " has %u "
                                   "columns; a License report has about a dozen, and at most %u "
                                   "can be read. Is this a License report from Partner Center? "
                                   "Download it again from Insights › Licenses."),
                                 self->display_name, self->row_line, n, MAX_COLUMNS);
      return;
    }

  self->names = g_new0 (char *, n + 1);
  self->fields = g_new (LdField, n);
  self->is_text = g_new0 (guint8, n);
  self->col_date = self->col_assigned = self->col_provisioned = -1;

  for (guint i = 0; i < n; i++)
    {
      LdField field;

      if (text_is_clean (self->cells[i], self->lens[i]))
        self->names[i] = g_strndup (self->cells[i], self->lens[i]);
      else
        self->names[i] = repair_text (self->cells[i], self->lens[i]);

      field = ld_field_from_header (self->names[i], -1);
      /* A second column of the same name is kept, but not analysed. */
      if (field != LD_FIELD_EXTRA && seen[field])
        field = LD_FIELD_EXTRA;
      if (field != LD_FIELD_EXTRA)
        {
          seen[field] = TRUE;
          any_known = TRUE;
        }
      self->fields[i] = field;

      switch ((int) field)
        {
        case LD_FIELD_ACTIVATION_DATE:
          self->col_date = i;
          break;
        case LD_FIELD_LICENSES_ASSIGNED:
          self->col_assigned = i;
          break;
        case LD_FIELD_LICENSES_PROVISIONED:
          self->col_provisioned = i;
          break;
        default:
          self->is_text[i] = TRUE;
          break;
        }
    }

  if (!any_known)
    {
      self->error = g_error_new (LD_LOAD_ERROR, LD_LOAD_ERROR_NO_HEADER,
                                 _("Line %" PRIu64 " of “%s” is not the header of a "
                                   "License report: none of its columns is known. "
                                   "Is this a License report from Partner Center? "
                                   "Download it again from Insights › Licenses."),
                                 self->row_line, self->display_name);
      return;
    }

  missing = g_ptr_array_new ();
  if (!seen[LD_FIELD_ACTIVATION_DATE])
    g_ptr_array_add (missing, (gpointer) "ActivationDate");
  if (!seen[LD_FIELD_LICENSES_PROVISIONED])
    g_ptr_array_add (missing, (gpointer) "LicensesProvisioned");
  if (!seen[LD_FIELD_LICENSES_ASSIGNED])
    g_ptr_array_add (missing, (gpointer) "LicensesAssigned");
  if (!seen[LD_FIELD_PRODUCT_ID] && !seen[LD_FIELD_PRODUCT_DISPLAY_NAME])
    g_ptr_array_add (missing, (gpointer) _("ProductId or ProductDisplayName"));

  if (missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **) missing->pdata);
      self->error = g_error_new (LD_LOAD_ERROR, LD_LOAD_ERROR_MISSING_COLUMN,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "The header of “%s” on line %" PRIu64
                                              " has no column %s, which every License report "
                                              "has. Is this a License report from Partner "
                                              "Center? Download it again from Insights › Licenses.",
                                              "The header of “%s” on line %" PRIu64
                                              " has none of the columns %s, which every License "
                                              "report has. Is this a License report from Partner "
                                              "Center? Download it again from Insights › Licenses.",
                                              missing->len - 1),
                                 self->display_name, self->row_line, list);
      return;
    }

  self->n_columns = n;
  self->builder = ld_report_builder_new (n, (const char *const *) self->names, self->fields);
  self->batch = batch_new (n);
  self->n_batches = 1;
}

/* Rows -------------------------------------------------------------------------- */

static void
add_bad_row (LdLoader *self,
             guint64   line,
             int       column,
             char     *reason)
{
  BadRowOp op = { line, column, column >= 0 ? g_strdup (self->names[column]) : NULL, reason };

  g_array_append_val (self->batch->bad_rows, op);
  if (self->batch->n_rows + self->batch->bad_rows->len >= self->batch->max_rows)
    push_batch (self);
}

/* Queues the current row (its cells copied) for the builder; returns its index. */
static guint
emit_row (LdLoader *self,
          guint32   date,
          gboolean  slash,
          guint32   assigned,
          guint32   provisioned)
{
  Batch *b = self->batch;
  guint n = self->n_columns;
  guint r = b->n_rows;
  gsize *offsets = b->offsets + (gsize) r * n;
  gsize *lens = b->lens + (gsize) r * n;
  gsize total = 0;

  if (G_LIKELY (self->scratch->len == 0))
    {
      /* The cells lie in order in one line (or in rowbuf): one copy for the row. */
      const char *lo = self->cells[0];
      gsize span = self->cells[n - 1] + self->lens[n - 1] - lo;

      reserve (&b->bytes, &b->bytes_cap, b->bytes_len + span);
      memcpy (b->bytes + b->bytes_len, lo, span);
      for (guint c = 0; c < n; c++)
        {
          offsets[c] = b->bytes_len + (self->cells[c] - lo);
          lens[c] = self->lens[c];
        }
      b->bytes_len += span;
    }
  else
    {
      /* Some cells were repaired into scratch: copy them one by one. */
      for (guint c = 0; c < n; c++)
        total += self->lens[c];
      reserve (&b->bytes, &b->bytes_cap, b->bytes_len + total);

      for (guint c = 0; c < n; c++)
        {
          memcpy (b->bytes + b->bytes_len, self->cells[c], self->lens[c]);
          offsets[c] = b->bytes_len;
          lens[c] = self->lens[c];
          b->bytes_len += self->lens[c];
        }
    }
  b->date[r] = date;
  b->slash[r] = slash;
  b->assigned[r] = assigned;
  b->provisioned[r] = provisioned;

  if (++b->n_rows + b->bad_rows->len >= b->max_rows)
    push_batch (self);

  return self->rows_added++;
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case '\t':
      return _("tab");
    case ';':
      return _("semicolon");
    default:
      return _("comma");
    }
}

static void
bad_count (LdLoader   *self,
           int         column,
           const char *key)
{
  g_autofree char *value = quote_cell (self->cells[column], self->lens[column]);
  const char *label = column_label (self, column);
  char *reason;

  /* Translators: in these four, the first %s is a column name (LicensesAssigned),
   * the second the cell's text as the file has it. */
  if (g_str_equal (key, "negative"))
    reason = g_strdup_printf (_("%s \"%s\" is negative; expected a count of 0 or more. "
                                "Correct the cell, or download the report again."),
                              label, value);
  else if (g_str_equal (key, "fraction"))
    reason = g_strdup_printf (_("%s \"%s\" is not a whole number; expected a count such as 12. "
                                "Correct the cell, or download the report again."),
                              label, value);
  else if (g_str_equal (key, "too-large"))
    reason = g_strdup_printf (_("%s \"%s\" is too large; expected a count of at most "
                                "2147483647. Correct the cell, or download the report again."),
                              label, value);
  else
    reason = g_strdup_printf (_("%s \"%s\" is not a number; expected a count such as 12. "
                                "Correct the cell, or download the report again."),
                              label, value);

  add_bad_row (self, self->row_line, column, reason);
}

static void
handle_row (LdLoader *self)
{
  LdDateParse date;
  guint32 assigned, provisioned, packed;
  const char *key;
  guint row;

  if (G_UNLIKELY (self->builder == NULL))
    {
      if (self->error == NULL)
        read_header (self);
      return;
    }

  self->rows_read++;
  if (G_UNLIKELY (self->rows_read >= G_MAXUINT32))
    {
      if (self->error == NULL)
        self->error = g_error_new (LD_LOAD_ERROR, LD_LOAD_ERROR_TOO_LARGE,
                                   _("“%s” has more rows than can be read (line %" PRIu64 "). "
                                     "Download a shorter period from Partner Center."),
                                   self->display_name, self->row_line);
      return;
    }

  if (G_UNLIKELY (self->n_fields != self->n_columns))
    {
      /* Translators: the last %s is the delimiter's name: "comma", "semicolon" or "tab". */
      add_bad_row (self, self->row_line, -1,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "This row has %u field, the header has %u. "
                                                 "A field is missing or extra, often from a %s "
                                                 "in a name without quotes around it. Correct "
                                                 "the row, or download the report again.",
                                                 "This row has %u fields, the header has %u. "
                                                 "A field is missing or extra, often from a %s "
                                                 "in a name without quotes around it. Correct "
                                                 "the row, or download the report again.",
                                                 self->n_fields),
                                    self->n_fields, self->n_columns,
                                    delimiter_name (self->delimiter)));
      return;
    }

  if (G_UNLIKELY (!ld_parse_date (self->cells[self->col_date], self->lens[self->col_date], &date)))
    {
      g_autofree char *value = quote_cell (self->cells[self->col_date], self->lens[self->col_date]);

      /* Translators: the first %s is the column name (ActivationDate), the second
       * the cell's text. Keep YYYY-MM-DD and M/D/YYYY as they are. */
      add_bad_row (self, self->row_line, self->col_date,
                   g_strdup_printf (_("%s \"%s\" is not a date; expected YYYY-MM-DD or "
                                      "M/D/YYYY, such as 2026-03-05. Correct the cell, or "
                                      "download the report again."),
                                    column_label (self, self->col_date), value));
      return;
    }

  if (G_UNLIKELY (!ld_parse_count (self->cells[self->col_provisioned],
                                   self->lens[self->col_provisioned], &provisioned, &key)))
    {
      bad_count (self, self->col_provisioned, key);
      return;
    }
  if (G_UNLIKELY (!ld_parse_count (self->cells[self->col_assigned],
                                   self->lens[self->col_assigned], &assigned, &key)))
    {
      bad_count (self, self->col_assigned, key);
      return;
    }

  if (date.kind == LD_DATE_SLASH)
    {
      if (date.valid_day_first && !date.valid_month_first && !self->day_first)
        {
          self->day_first = TRUE;
          self->day_first_line = self->row_line;
        }
      else if (!date.valid_day_first && self->day_first)
        {
          g_autofree char *value = quote_cell (self->cells[self->col_date],
                                               self->lens[self->col_date]);

          add_bad_row (self, self->row_line, self->col_date,
                       g_strdup_printf (_("%s \"%s\" is not a date: the dates of this file are "
                                          "day first (D/M/YYYY), as line %" PRIu64
                                          " shows. Correct the cell, or download the report "
                                          "again."),
                                        column_label (self, self->col_date), value,
                                        self->day_first_line));
          return;
        }
    }

  /* Text cells: repair bad bytes (rare: only rows of a chunk that failed the check),
   * then undo the writer's formula escape. */
  for (guint i = 0; i < self->n_columns; i++)
    {
      if (!self->is_text[i] || self->lens[i] == 0)
        continue;

      if (G_UNLIKELY (self->dirty) && !text_is_clean (self->cells[i], self->lens[i]))
        {
          char *fixed = repair_text (self->cells[i], self->lens[i]);

          g_ptr_array_add (self->scratch, fixed);
          self->cells[i] = fixed;
          self->lens[i] = strlen (fixed);
          self->batch->warnings++;
        }

      if (self->cells[i][0] == '\'' && ld_csv_has_formula_escape (self->cells[i], self->lens[i]))
        {
          self->cells[i]++;
          self->lens[i]--;
        }
    }

  packed = date.kind == LD_DATE_ISO ? date.date
                                    : (guint32) (date.year * 10000 + date.first * 100 + date.second);
  row = emit_row (self, packed, date.kind == LD_DATE_SLASH, assigned, provisioned);

  if (date.kind == LD_DATE_SLASH && !date.valid_day_first)
    {
      PendingSlash p = { row, self->row_line, date.year, date.first, date.second };

      g_array_append_val (self->pending, p);
    }

  if (G_UNLIKELY (self->scratch->len > 0))
    g_ptr_array_set_size (self->scratch, 0);
}

/* Keeps room for @n cells; the header may have any number, data rows keep only
 * n_columns (the rest are counted, and the row is bad). */
static gboolean
cell_room (LdLoader *self,
           guint     n)
{
  guint cap;

  if (G_LIKELY (n <= self->cells_cap))
    return TRUE;
  if (self->builder != NULL)
    return FALSE;

  cap = MAX (n, self->cells_cap * 2);
  self->cells = g_renew (const char *, self->cells, cap);
  self->lens = g_renew (gsize, self->lens, cap);
  self->offsets = g_renew (gsize, self->offsets, cap);
  self->cells_cap = cap;
  return TRUE;
}

static void
on_csv_field (void   *s,
              size_t  len,
              void   *data)
{
  LdLoader *self = data;
  guint i = self->n_fields++;

  if (!cell_room (self, i + 1))
    return;

  reserve (&self->rowbuf, &self->rowbuf_cap, self->rowbuf_len + len + 1);
  memcpy (self->rowbuf + self->rowbuf_len, s, len);
  self->offsets[i] = self->rowbuf_len;
  self->lens[i] = len;
  self->rowbuf_len += len;
}

static void
on_csv_row (int   c,
            void *data)
{
  LdLoader *self = data;
  guint n = MIN (self->n_fields, self->cells_cap);

  /* rowbuf may have moved while the row grew: point the cells only now. */
  for (guint i = 0; i < n; i++)
    self->cells[i] = self->rowbuf + self->offsets[i];

  handle_row (self);

  self->n_fields = 0;
  self->rowbuf_len = 0;
}

static inline gboolean
is_trimmed (char c,
            char delimiter)
{
  return c == ' ' || (c == '\t' && delimiter != '\t');
}

/* Feeds one whole line (@len bytes, its '\n' included when it has one). */
static void
feed_line (LdLoader   *self,
           const char *s,
           gsize       len)
{
  if (self->csv.pstate == CSV_ROW_NOT_BEGUN)
    {
      const char *end = s + len;
      char delim = self->delimiter;

      self->row_line = self->line;

      if (end > s && end[-1] == '\n')
        end--;
      if (end > s && end[-1] == '\r')
        end--;

      /* Without quotes or a stray CR, a line is one row split at the delimiter,
       * each field trimmed of spaces as libcsv does. */
      if (memchr (s, '"', end - s) == NULL && memchr (s, '\r', end - s) == NULL)
        {
          const char *p = s;
          guint n = 0;

          if (s == end || is_trimmed (*s, delim))
            {
              while (p < end && is_trimmed (*p, delim))
                p++;
              if (p == end)
                return;  /* a blank line */
              p = s;
            }

          for (;;)
            {
              const char *next = memchr (p, delim, end - p);
              const char *fe = next != NULL ? next : end;
              const char *fs = p;

              while (fs < fe && is_trimmed (*fs, delim))
                fs++;
              while (fe > fs && is_trimmed (fe[-1], delim))
                fe--;

              if (cell_room (self, n + 1))
                {
                  self->cells[n] = fs;
                  self->lens[n] = fe - fs;
                }
              n++;

              if (next == NULL)
                break;
              p = next + 1;
            }

          self->n_fields = n;
          handle_row (self);
          self->n_fields = 0;
          return;
        }
    }

  csv_parse (&self->csv, s, len, on_csv_field, on_csv_row, self);
}

/* Hands every whole line in the text to the parser; at @eof, the rest too. */
static gboolean
feed_text (LdLoader *self,
           gboolean  eof)
{
  const char *p = self->text;
  const char *end;
  gsize cut;

  if (eof)
    cut = self->text_len;
  else
    {
      const char *last = self->text + self->text_len;

      /* The last newline is usually within a line's length of the end. */
      while (last > self->text && last[-1] != '\n')
        last--;
      if (last == self->text)
        return TRUE;  /* a long line: read on */
      cut = last - self->text;
    }

  /* A row continued over a quoted newline stays suspect if it began in a dirty chunk. */
  self->dirty = !text_is_clean (self->text, cut) ||
                (self->dirty && self->csv.pstate != CSV_ROW_NOT_BEGUN);

  end = self->text + cut;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl + 1 : end;

      feed_line (self, p, line_end - p);
      if (G_UNLIKELY (self->error != NULL))
        return FALSE;
      self->last_line = self->line;
      if (nl != NULL)
        self->line++;
      p = line_end;
    }

  memmove (self->text, self->text + cut, self->text_len - cut);
  self->text_len -= cut;
  return TRUE;
}

/* Finds the header (the first non-blank record), checks it is text and picks the
 * delimiter. Returns FALSE with @error set on a bad file, FALSE without an error
 * when more bytes are needed, TRUE once the header is found. */
static gboolean
find_header (LdLoader  *self,
             gboolean   eof,
             GError   **error)
{
  const char *s = self->text;
  const char *end = s + self->text_len;
  const char *p = s;
  const char *start, *stop;
  gsize counts[3] = { 0, 0, 0 };
  gsize control = 0;
  gboolean quoted = FALSE;

  /* Skip blank lines. */
  for (;;)
    {
      const char *q = p;

      while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
        q++;
      if (q < end && *q == '\n')
        p = q + 1;
      else
        {
          if (q == end)
            {
              if (!eof)
                return FALSE;
              g_set_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_EMPTY,
                           _("“%s” is empty. Choose a License report downloaded from "
                             "Partner Center (Insights › Licenses)."),
                           self->display_name);
              return FALSE;
            }
          break;
        }
    }

  start = p;
  for (stop = start; stop < end; stop++)
    {
      char c = *stop;

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n')
        break;
      else if (c == ',')
        counts[0]++;
      else if (c == '\t')
        counts[1]++;
      else if (c == ';')
        counts[2]++;
    }

  if (stop == end && !eof && stop - start < MAX_HEADER_BYTES)
    return FALSE;

  /* A text header has no NUL bytes and few control characters; judge by its first
   * physical line, so a stray quote in a binary file cannot stretch it. */
  {
    const char *nl = memchr (start, '\n', MIN ((gsize) (end - start), (gsize) 65536));
    const char *check_end = nl != NULL ? nl : start + MIN ((gsize) (end - start), (gsize) 4096);

    for (const char *q = start; q < check_end; q++)
      {
        guchar c = (guchar) *q;

        if (c == 0)
          {
            control = G_MAXSIZE;
            break;
          }
        if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f)
          control++;
      }
    if (control == G_MAXSIZE || control * 10 > (gsize) (check_end - start))
      {
        g_set_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_BINARY,
                     _("“%s” is not a text file. Choose the License report as a CSV or TSV "
                       "file; a report saved from a spreadsheet must be saved as CSV."),
                     self->display_name);
        return FALSE;
      }
  }

  if (stop == end && !eof)
    {
      g_set_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_NO_HEADER,
                   _("The first line of “%s” is longer than %d bytes, so it is not the header "
                     "of a License report. Download the report again from Insights › Licenses."),
                   self->display_name, MAX_HEADER_BYTES);
      return FALSE;
    }

  /* Most delimiters outside quotes wins; the comma on ties. */
  if (counts[1] > counts[0] && counts[1] >= counts[2])
    self->delimiter = '\t';
  else if (counts[2] > counts[0] && counts[2] > counts[1])
    self->delimiter = ';';
  else
    self->delimiter = ',';

  csv_set_delim (&self->csv, (unsigned char) self->delimiter);
  self->header_found = TRUE;
  return TRUE;
}

/* Encoding -------------------------------------------------------------------------- */

static gboolean
sniff_encoding (LdLoader  *self,
                GError   **error)
{
  const guchar *b = (const guchar *) self->text;
  const char *charset = NULL;
  gsize skip = 0;

  if (self->text_len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
    {
      self->encoding = LD_ENCODING_UTF8_BOM;
      skip = 3;
    }
  else if (self->text_len >= 2 && b[0] == 0xff && b[1] == 0xfe)
    {
      self->encoding = LD_ENCODING_UTF16LE;
      charset = "UTF-16LE";
      skip = 2;
    }
  else if (self->text_len >= 2 && b[0] == 0xfe && b[1] == 0xff)
    {
      self->encoding = LD_ENCODING_UTF16BE;
      charset = "UTF-16BE";
      skip = 2;
    }
  /* UTF-16 without a BOM: ASCII text shows as every other byte NUL. No UTF-8 text
   * has a NUL in its first bytes, so reading it as UTF-16 loses nothing. */
  else if (self->text_len >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0)
    {
      self->encoding = LD_ENCODING_UTF16LE;
      charset = "UTF-16LE";
    }
  else if (self->text_len >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0)
    {
      self->encoding = LD_ENCODING_UTF16BE;
      charset = "UTF-16BE";
    }
  else
    self->encoding = LD_ENCODING_UTF8;

  if (charset != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      self->converter = G_CONVERTER (g_charset_converter_new ("UTF-8", charset, &local_error));
      if (self->converter == NULL)
        {
          g_set_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_ENCODING,
                       _("“%s” is in %s, which cannot be read here: %s. "
                         "Save it again as UTF-8 and open it again."),
                       self->display_name, charset, local_error->message);
          return FALSE;
        }

      /* What was read so far is UTF-16: it moves to the raw buffer. */
      reserve (&self->raw, &self->raw_cap, MAX (self->text_len - skip, (gsize) CHUNK_SIZE));
      memcpy (self->raw, self->text + skip, self->text_len - skip);
      self->raw_len = self->text_len - skip;
      self->text_len = 0;
      return TRUE;
    }

  memmove (self->text, self->text + skip, self->text_len - skip);
  self->text_len -= skip;
  return TRUE;
}

/* Converts the raw UTF-16 read so far, keeping an incomplete character for later. */
static gboolean
convert_raw (LdLoader  *self,
             gboolean   eof,
             GError   **error)
{
  gsize consumed = 0;

  while (consumed < self->raw_len)
    {
      g_autoptr(GError) local_error = NULL;
      gsize bytes_read = 0, bytes_written = 0;
      gsize in_len = self->raw_len - consumed;
      GConverterResult res;

      /* Two UTF-16 bytes never make more than three UTF-8 bytes. */
      reserve (&self->text, &self->text_cap, self->text_len + in_len * 2 + 16);
      res = g_converter_convert (self->converter,
                                 self->raw + consumed, in_len,
                                 self->text + self->text_len, self->text_cap - self->text_len,
                                 eof ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                 &bytes_read, &bytes_written, &local_error);
      if (res == G_CONVERTER_ERROR)
        {
          if (!eof && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            break;
          g_set_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_ENCODING,
                       _("“%s” is marked as UTF-16 but cannot be read as such near line %"
                         PRIu64 ": %s. The file may be damaged — download the "
                         "report again."),
                       self->display_name, self->line, local_error->message);
          return FALSE;
        }

      consumed += bytes_read;
      self->text_len += bytes_written;
      if (bytes_read == 0 && bytes_written == 0)
        break;
    }

  memmove (self->raw, self->raw + consumed, self->raw_len - consumed);
  self->raw_len -= consumed;
  return TRUE;
}

/* Loading ---------------------------------------------------------------------------- */

static void
finish_pending (LdLoader *self)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      const PendingSlash *p = &g_array_index (self->pending, PendingSlash, i);

      ld_report_builder_drop_row (self->builder, p->row);
      ld_report_builder_add_bad_row (self->builder, p->line, self->col_date,
                                     g_strdup (self->names[self->col_date]),
                                     g_strdup_printf (_("%s \"%d/%d/%d\" is not a date: the dates of "
                                                        "this file are day first (D/M/YYYY), as line %"
                                                        PRIu64 " shows. Correct the cell, "
                                                        "or download the report again."),
                                                      column_label (self, self->col_date),
                                                      p->first, p->second, p->year,
                                                      self->day_first_line));
    }
}

/* At the end of the bytes: the last line, an unclosed quote, the header check. */
static gboolean
finish_parse (LdLoader  *self,
              GError   **error)
{
  if (self->csv.pstate == CSV_FIELD_BEGUN && self->csv.quoted)
    {
      guint field = self->n_fields;
      g_autofree char *label = NULL;
      guint64 swallowed;

      if (self->builder == NULL)
        {
          g_set_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_NO_HEADER,
                       _("The header of “%s” on line %" PRIu64 " has a quote that is "
                         "never closed. The file may be cut short — download the report again."),
                       self->display_name, self->row_line);
          return FALSE;
        }

      /* The lines after the quote went into the field: say so, or they would vanish
       * into one bad row without a word (a stray quote early in a big file). */
      swallowed = self->last_line > self->row_line ? self->last_line - self->row_line : 0;
      label = field < self->n_columns ? g_strdup (column_label (self, field))
                                      : g_strdup_printf ("%u", field + 1);

      self->rows_read++;
      if (swallowed == 0)
        add_bad_row (self, self->row_line, field < self->n_columns ? (int) field : -1,
                     g_strdup_printf (_("The quote that opens the field %s is never closed. "
                                        "The file may be cut short — download the report again."),
                                      label));
      else
        /* Translators: %s is a column name (CustomerName), or a field's number. */
        add_bad_row (self, self->row_line, field < self->n_columns ? (int) field : -1,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The quote that opens the field %s is never "
                                                   "closed, so the %" PRIu64 " line "
                                                   "after it was read into this field and is not "
                                                   "counted. The file may be damaged — download "
                                                   "the report again.",
                                                   "The quote that opens the field %s is never "
                                                   "closed, so the %" PRIu64 " lines "
                                                   "after it were read into this field and are not "
                                                   "counted. The file may be damaged — download "
                                                   "the report again.",
                                                   swallowed),
                                      label, swallowed));
    }
  else
    {
      csv_fini (&self->csv, on_csv_field, on_csv_row, self);
      if (self->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&self->error));
          return FALSE;
        }
    }

  if (self->builder == NULL)
    {
      g_set_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_EMPTY,
                   _("“%s” is empty. Choose a License report downloaded from "
                     "Partner Center (Insights › Licenses)."),
                   self->display_name);
      return FALSE;
    }

  /* From here on the builder is used by this thread alone. */
  join_consumer (self, TRUE);

  if (self->day_first)
    finish_pending (self);

  return TRUE;
}

static LdReport *
load_stream (GInputStream   *stream,
             guint64         size,
             const char     *display_name,
             const char     *path,
             GCancellable   *cancellable,
             LdProgressFunc  progress,
             gpointer        user_data,
             GError        **error)
{
  LdLoader self = { 0, };
  LdReport *report = NULL;
  guint64 done = 0;
  gboolean sniffed = FALSE;
  gboolean eof = FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self.display_name = display_name;
  self.line = 1;
  self.row_line = 1;
  self.scratch = g_ptr_array_new_with_free_func (g_free);
  self.pending = g_array_new (FALSE, FALSE, sizeof (PendingSlash));
  csv_init (&self.csv, CSV_APPEND_NULL);
  /* libcsv grows its field buffer by this much at a time (128 bytes by default): a
   * 20 MB quoted cell then took 160,000 reallocs, each a full copy where realloc
   * cannot grow in place (under AddressSanitizer, minutes). */
  csv_set_blk_size (&self.csv, 64 * 1024);

  while (!eof)
    {
      gssize n;

      /* Until the encoding is known, and for UTF-8, bytes go straight to the text. */
      if (self.converter == NULL)
        {
          reserve (&self.text, &self.text_cap, self.text_len + CHUNK_SIZE);
          n = g_input_stream_read (stream, self.text + self.text_len, CHUNK_SIZE,
                                   cancellable, error);
          if (n > 0)
            self.text_len += n;
        }
      else
        {
          reserve (&self.raw, &self.raw_cap, self.raw_len + CHUNK_SIZE);
          n = g_input_stream_read (stream, self.raw + self.raw_len, CHUNK_SIZE,
                                   cancellable, error);
          if (n > 0)
            self.raw_len += n;
        }

      if (n < 0)
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, _("Could not read “%s”: "), display_name);
          goto out;
        }
      if (n == 0)
        eof = TRUE;
      done += n;

      if (!sniffed)
        {
          /* A BOM is at most three bytes, UTF-16 without one shows in four. */
          if (self.text_len < 4 && !eof)
            continue;
          if (!sniff_encoding (&self, error))
            goto out;
          sniffed = TRUE;
        }

      if (self.converter != NULL && !convert_raw (&self, eof, error))
        goto out;

      if (!self.header_found)
        {
          g_autoptr(GError) local_error = NULL;

          if (!find_header (&self, eof, &local_error))
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  goto out;
                }
              if (progress != NULL)
                progress (done, size, user_data);
              continue;
            }
        }

      if (!feed_text (&self, eof))
        {
          g_propagate_error (error, g_steal_pointer (&self.error));
          goto out;
        }

      if (progress != NULL)
        progress (done, size, user_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
    }

  if (!finish_parse (&self, error))
    goto out;

  report = ld_report_builder_finish (g_steal_pointer (&self.builder), display_name, path,
                                     self.delimiter, self.encoding, self.day_first);

out:
  ld_loader_clear (&self);
  return report;
}

LdReport *
ld_loader_load_stream (GInputStream   *stream,
                       guint64         size,
                       const char     *display_name,
                       const char     *path,
                       GCancellable   *cancellable,
                       LdProgressFunc  progress,
                       gpointer        user_data,
                       GError        **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_stream (stream, size, display_name, path, cancellable, progress, user_data, error);
}

LdReport *
ld_loader_load_file (GFile          *file,
                     GCancellable   *cancellable,
                     LdProgressFunc  progress,
                     gpointer        user_data,
                     GError        **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *display_name;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_file_get_basename (file);
  path = g_file_get_path (file);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&local_error, _("Could not open “%s”: "), basename);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Only for the progress bar and the title: a file without them still loads. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    display_name = g_file_info_get_display_name (info);
  else
    display_name = basename;

  return load_stream (G_INPUT_STREAM (stream), size, display_name, path,
                      cancellable, progress, user_data, error);
}

LdReport *
ld_loader_load_data (const char  *data,
                     gsize        len,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_memory_input_stream_new_from_data (data, len, NULL);
  return load_stream (stream, len, display_name, NULL, NULL, NULL, NULL, error);
}
