/* ld-loader.c — reading License reports (SPEC §2) into an LdReport, one or several
 * (SPEC §7)
 *
 * The bytes stream in chunks. A chunk is cut after its last newline (the rest waits
 * for the next read), so every line handed to the parser is whole: that keeps
 * physical line numbers exact and lets a line without quotes skip libcsv
 * altogether — a memchr split gives the same fields libcsv would, many times faster.
 * Lines with quotes, and rows continued over a quoted newline, go through libcsv.
 *
 * Both cores parse. Once a file's header is read, a big UTF-8 file is cut into
 * parts at line starts, and each part is parsed on a thread of its own into a
 * builder part with dictionaries of its own (ld-report-builder.h merges them). Where
 * a row ends cannot be known without reading from the top — a newline inside quotes
 * is no row end — so a part's start is a guess: a line that looks like a whole row.
 * The guess is checked afterwards, exactly: it holds when the parser of the part
 * before, having read up to that byte, stands between two rows. When it does not
 * (the part began inside a quoted field), that part's work is thrown away and the
 * parser before reads on through it. Either way every row, message and line number
 * is what one parser reading the whole file would give; only the time differs.
 *
 * Day-first dates (SPEC §2) are a property of the whole file, so no part decides
 * them: each keeps its slash dates as written and notes the first line that proves
 * the file day first and the rows that would then be no date; the file's end decides.
 *
 * Readings where SPEC §2 is silent:
 * - spaces and tabs around an unquoted cell are dropped, as libcsv does (inside
 *   quotes they are kept), so " 12 " and "Contoso " read as 12 and "Contoso";
 * - UTF-16 without a BOM is recognised by its NUL bytes instead of refused as binary;
 * - a row with more or fewer fields than the header is bad, even if the extra
 *   fields are empty: guessing which field is missing could shift a count;
 * - an unclosed quote at the end makes the row it opens bad; the rows before stay;
 * - a header of more than MAX_COLUMNS (4,096) columns is refused before any row is
 *   read (LD_LOAD_ERROR_TOO_LARGE): a License report has a dozen, and a row's cells
 *   are kept per column. A cell may be as long as memory allows (a 20 MB one loads);
 *   cutting it would lose data;
 * - a slash date that is no date in a day-first file (2/29/2025) is reported once the
 *   file is read, after the row's other checks: a row with a bad count too is
 *   reported for its count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* PRIu64 rather than G_GUINT64_FORMAT: in a translatable message xgettext knows
 * the former, and cuts the message short at the latter. */
#include <inttypes.h>
#include <string.h>
#include <time.h>
#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <glib/gi18n-lib.h>

#include "ld-loader.h"
#include "ld-loader-private.h"
#include "ld-parse.h"
#include "ld-report-builder.h"
#include "ld-writer.h"

#define CHUNK_SIZE (256 * 1024)

/* A header line longer than this is not a License report's. */
#define MAX_HEADER_BYTES (1024 * 1024)

#define MAX_COLUMNS 4096

/* Rows a report can hold (row indices are 32-bit). */
#define MAX_ROWS (G_MAXUINT32 - 2)

/* How much of a cell a bad-row reason quotes. */
#define MAX_QUOTED_BYTES 60

/* Parts of a file parsed side by side: each at least this big, at most one per
 * thread. Starting a thread and merging a part's dictionaries costs about a
 * millisecond, parsing 8 MiB some thirty. */
#define MIN_PART_SIZE (8 * 1024 * 1024)
#define MAX_THREADS 8

/* How far past a cut the loader looks for a line that starts a row. */
#define SPLIT_WINDOW (256 * 1024)

/* libcsv's parser states (csv.h does not name them). */
#define CSV_ROW_NOT_BEGUN 0
#define CSV_FIELD_BEGUN 2

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

/* Good rows handed to the builder at a time. */
#define BATCH_ROWS 64

G_DEFINE_QUARK (ld-load-error-quark, ld_load_error)

/* G_MESSAGES_DEBUG=ld-loader prints where a load's time went: each phase's wall
 * time and each part's CPU time on its thread, so the critical path shows even on a
 * busy machine (docs/performance.md). */
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

/* A row whose slash date is valid month-first only: it turns bad if the file proves
 * to be day-first. The first ones of each part are kept for the message. */
typedef struct {
  guint64  line;   /* in the part */
  char    *value;  /* the cell, quoted for a message */
} PendingSlash;

/* Where a file's bytes come from. */
typedef struct {
  GFile        *file;          /* a file: each part opens its own stream */
  GInputStream *stream;        /* a stream: read once, from the top, in one part */
  const char   *data;          /* bytes in memory */
  gsize         len;
  char         *display_name;
  char         *path;
  guint64       size;          /* 0 when unknown */
} LdSource;

typedef struct _LdLoader LdLoader;

/* One parser: reads bytes [start, end) of a file into one builder part. The first
 * part's also reads the header, and owns it; the others point at it. */
struct _LdLoader
{
  const LdSource    *source;
  const char        *display_name;
  GInputStream      *stream;
  guint64            pos;            /* file offset of the next byte to read */
  guint64            end;            /* stop reading here; G_MAXUINT64: at the end */
  gsize              chunk_size;
  gboolean           eof;            /* the last byte has been fed */
  gboolean           finished;       /* finish_parse() ran */
  gboolean           sniffed;
  gboolean           main_thread;    /* progress is reported from here */
  gboolean           portable;       /* split lines without SIMD (tests compare both) */
  gboolean           no_spans;       /* intern cell by cell (tests compare both) */
  struct _LdLoad    *load;

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
  gboolean           owns_header;
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
  guint64            line;           /* physical line being fed, 1-based, in the part */
  guint64            line_offset;    /* lines of the file before the part */
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
  gboolean           in_line;        /* the row's cells lie in order in one line */

  /* Good rows waiting for the builder, which interns a batch of them column by
   * column (ld_report_builder_add_batch()). Cells of rows read in one line point into
   * the text, so the batch goes to the builder before the text moves; other rows'
   * cells are copied. */
  guint              batch_rows;
  const char       **batch_cells;
  gsize             *batch_lens;
  guint8            *batch_contiguous;
  guint8            *batch_slash;
  guint32           *batch_date;
  guint32           *batch_assigned;
  guint32           *batch_provisioned;
  GStringChunk      *batch_copies;

  guint64            day_first_line; /* in the part: the first row that proves day first */
  GArray            *pending;        /* PendingSlash */

  GError            *error;          /* set by the row handler; stops the load */
};

static void on_csv_field (void *s, size_t len, void *data);
static void on_csv_row (int c, void *data);

static void
pending_slash_clear (PendingSlash *p)
{
  g_free (p->value);
}

/* libcsv's idea of a blank around an unquoted field: none (see ld_loader_new()). */
static int
no_blanks (unsigned char c)
{
  return 0;
}

static LdLoader *
ld_loader_new (const LdSource *source,
               gsize           chunk_size)
{
  LdLoader *self = g_new0 (LdLoader, 1);

  self->source = source;
  self->display_name = source->display_name;
  self->end = G_MAXUINT64;
  self->chunk_size = chunk_size;
  self->line = 1;
  self->row_line = 1;
  self->scratch = g_ptr_array_new_with_free_func (g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingSlash));
  g_array_set_clear_func (self->pending, (GDestroyNotify) pending_slash_clear);
  csv_init (&self->csv, CSV_APPEND_NULL);
  /* libcsv grows its field buffer by this much at a time (128 bytes by default): a
   * 20 MB quoted cell then took 160,000 reallocs, each a full copy where realloc
   * cannot grow in place (under AddressSanitizer, minutes). */
  csv_set_blk_size (&self->csv, 64 * 1024);
  /* A field is every byte between its delimiters (RFC 4180: "spaces are considered
   * part of a field"): libcsv would trim blanks around unquoted fields, and a name
   * written "\tAcme" would become another customer's "Acme". Counts and dates allow
   * blanks around them in their own parsers (SPEC §2). */
  csv_set_space_func (&self->csv, no_blanks);
  return self;
}

static void
ld_loader_free (LdLoader *self)
{
  if (self == NULL)
    return;
  csv_free (&self->csv);
  g_clear_object (&self->stream);
  g_clear_object (&self->converter);
  g_free (self->text);
  g_free (self->raw);
  if (self->owns_header)
    {
      g_strfreev (self->names);
      g_free (self->fields);
      g_free (self->is_text);
    }
  g_clear_pointer (&self->builder, ld_report_builder_free);
  g_free (self->cells);
  g_free (self->lens);
  g_free (self->offsets);
  g_free (self->rowbuf);
  g_clear_pointer (&self->scratch, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_error (&self->error);
  g_free (self->batch_cells);
  g_free (self->batch_lens);
  g_free (self->batch_contiguous);
  g_free (self->batch_slash);
  g_free (self->batch_date);
  g_free (self->batch_assigned);
  g_free (self->batch_provisioned);
  g_clear_pointer (&self->batch_copies, g_string_chunk_free);
  g_free (self);
}

/* A parser for a later part of the file whose header @first has read: it starts at
 * @start, a line start, between two rows if the guess is right. */
static LdLoader *
ld_loader_new_part (LdLoader *first,
                    guint64   start,
                    guint64   end)
{
  LdLoader *self = ld_loader_new (first->source, first->chunk_size);

  self->load = first->load;
  self->portable = first->portable;
  self->no_spans = first->no_spans;
  self->pos = start;
  self->end = end;
  self->sniffed = TRUE;
  self->encoding = first->encoding;
  self->header_found = TRUE;
  self->delimiter = first->delimiter;
  csv_set_delim (&self->csv, (unsigned char) self->delimiter);
  self->n_columns = first->n_columns;
  self->names = first->names;
  self->fields = first->fields;
  self->is_text = first->is_text;
  self->col_date = first->col_date;
  self->col_assigned = first->col_assigned;
  self->col_provisioned = first->col_provisioned;
  self->cells_cap = first->n_columns;
  self->cells = g_new (const char *, self->cells_cap);
  self->lens = g_new (gsize, self->cells_cap);
  self->offsets = g_new (gsize, self->cells_cap);
  self->builder = ld_report_builder_new (self->n_columns, (const char *const *) self->names,
                                         self->fields);
  if (self->no_spans)
    ld_report_builder_disable_spans (self->builder);
  return self;
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
  self->owns_header = TRUE;

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
  if (self->no_spans)
    ld_report_builder_disable_spans (self->builder);
}

/* Rows -------------------------------------------------------------------------- */

static void
add_bad_row (LdLoader *self,
             guint64   line,
             int       column,
             char     *reason)
{
  ld_report_builder_add_bad_row (self->builder, line, column,
                                 column >= 0 ? g_strdup (self->names[column]) : NULL, reason);
}

/* Hands the rows waiting to the builder. */
static void
flush_rows (LdLoader *self)
{
  LdRowBatch batch;

  if (self->batch_rows == 0)
    return;

  batch.n_rows = self->batch_rows;
  batch.n_columns = self->n_columns;
  batch.cells = self->batch_cells;
  batch.lens = self->batch_lens;
  batch.contiguous = self->batch_contiguous;
  batch.date = self->batch_date;
  batch.slash = self->batch_slash;
  batch.assigned = self->batch_assigned;
  batch.provisioned = self->batch_provisioned;
  ld_report_builder_add_batch (self->builder, &batch);

  self->batch_rows = 0;
  if (self->batch_copies != NULL)
    g_string_chunk_clear (self->batch_copies);
}

/* Queues the current row, a good one. */
static void
queue_row (LdLoader *self,
           guint32   date,
           gboolean  slash,
           guint32   assigned,
           guint32   provisioned)
{
  guint n = self->n_columns;
  gboolean in_line = self->in_line && self->scratch->len == 0;
  guint r;

  if (G_UNLIKELY (self->batch_cells == NULL))
    {
      self->batch_cells = g_new (const char *, (gsize) BATCH_ROWS * n);
      self->batch_lens = g_new (gsize, (gsize) BATCH_ROWS * n);
      self->batch_contiguous = g_new (guint8, BATCH_ROWS);
      self->batch_slash = g_new (guint8, BATCH_ROWS);
      self->batch_date = g_new (guint32, BATCH_ROWS);
      self->batch_assigned = g_new (guint32, BATCH_ROWS);
      self->batch_provisioned = g_new (guint32, BATCH_ROWS);
    }

  r = self->batch_rows++;
  if (G_LIKELY (in_line))
    {
      memcpy (self->batch_cells + (gsize) r * n, self->cells, n * sizeof (const char *));
      memcpy (self->batch_lens + (gsize) r * n, self->lens, n * sizeof (gsize));
    }
  else
    {
      /* libcsv's row buffer and repaired cells are reused for the next row. */
      if (self->batch_copies == NULL)
        self->batch_copies = g_string_chunk_new (64 * 1024);
      for (guint c = 0; c < n; c++)
        {
          self->batch_cells[(gsize) r * n + c] = g_string_chunk_insert_len (self->batch_copies,
                                                                           self->cells[c],
                                                                           self->lens[c]);
          self->batch_lens[(gsize) r * n + c] = self->lens[c];
        }
    }
  self->batch_contiguous[r] = in_line;
  self->batch_slash[r] = slash;
  self->batch_date[r] = date;
  self->batch_assigned[r] = assigned;
  self->batch_provisioned[r] = provisioned;

  if (self->batch_rows == BATCH_ROWS)
    flush_rows (self);
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

  if (G_UNLIKELY (self->builder == NULL))
    {
      if (self->error == NULL)
        read_header (self);
      return;
    }

  if (G_UNLIKELY (ld_report_builder_get_n_rows (self->builder) + self->batch_rows >= MAX_ROWS))
    {
      if (self->error == NULL)
        self->error = g_error_new (LD_LOAD_ERROR, LD_LOAD_ERROR_TOO_LARGE,
                                   _("“%s” has more rows than can be read (line %" PRIu64 "). "
                                     "Download a shorter period from Partner Center."),
                                   self->display_name, self->row_line + self->line_offset);
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

  /* Only the whole file tells whether its slash dates are day first: the first row
   * that can only be (13/02/2026) proves it. Until then, and in the other parts of
   * the file, every slash date is kept as written, and those that cannot be day first
   * are noted, to be dropped at the end if the file proves to be. */
  if (date.kind == LD_DATE_SLASH && date.valid_day_first && !date.valid_month_first
      && self->day_first_line == 0)
    self->day_first_line = self->row_line;

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
          ld_report_builder_add_warnings (self->builder, 1);
        }

      if (self->cells[i][0] == '\'' && ld_csv_has_formula_escape (self->cells[i], self->lens[i]))
        {
          self->cells[i]++;
          self->lens[i]--;
        }
    }

  packed = date.kind == LD_DATE_ISO ? date.date
                                    : (guint32) (date.year * 10000 + date.first * 100 + date.second);
  queue_row (self, packed, date.kind == LD_DATE_SLASH, assigned, provisioned);

  if (date.kind == LD_DATE_SLASH && !date.valid_day_first)
    {
      /* Only the first ones can be among the bad rows reported; the builder finds
       * the rest by their dates. */
      if (self->pending->len < LD_REPORT_MAX_BAD_ROWS)
        {
          PendingSlash p = { self->row_line,
                             quote_cell (self->cells[self->col_date], self->lens[self->col_date]) };

          g_array_append_val (self->pending, p);
        }
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

/* A blank, for telling a line of blanks alone (no row) from a row. */
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

      /* Without quotes or a stray CR, a line is one row split at the delimiter; a
       * line of blanks alone is no row. */
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
          self->in_line = TRUE;
          handle_row (self);
          self->in_line = FALSE;
          self->n_fields = 0;
          return;
        }
    }

  csv_parse (&self->csv, s, len, on_csv_field, on_csv_row, self);
}

#ifdef __SSE2__
/* The lines of a chunk are split 16 bytes at a time: one pass finds the newline, the
 * delimiters, quotes, carriage returns, and bytes that need a UTF-8 check (>= 0x80,
 * NUL). The text buffer always has 16 bytes of room past the text, so a block may
 * read beyond it; those bytes are masked off. */

static inline guint32
byte_mask (__m128i v,
           __m128i c)
{
  return (guint32) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v, c));
}

/* Finds the end of the line at @s (after its newline, or @end), and whether it has a
 * byte that needs a UTF-8 check. */
static const char *
scan_line (const char *s,
           const char *end,
           gboolean   *hi)
{
  const __m128i vn = _mm_set1_epi8 ('\n');
  const __m128i vz = _mm_setzero_si128 ();

  for (const char *p = s; p < end; p += 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      guint32 valid = end - p >= 16 ? 0xffff : (1u << (end - p)) - 1;
      guint32 mn = byte_mask (v, vn) & valid;

      if (mn != 0)
        valid &= (mn & -mn) - 1;
      if (((guint32) _mm_movemask_epi8 (v) | byte_mask (v, vz)) & valid)
        *hi = TRUE;
      if (mn != 0)
        return p + __builtin_ctz (mn) + 1;
    }
  return end;
}

/* Splits the line at @s, which starts a row, into self->cells at the delimiter, every
 * byte of a field kept (as libcsv is told to). Returns the end of the line; *@plain is
 * FALSE when the line needs libcsv (a quote, or a carriage return other than the
 * one before its newline); n_fields is 0 for a blank line. */
static const char *
split_line (LdLoader   *self,
            const char *s,
            const char *end,
            gboolean   *plain,
            gboolean   *hi)
{
  const __m128i vd = _mm_set1_epi8 (self->delimiter);
  const __m128i vn = _mm_set1_epi8 ('\n');
  const __m128i vq = _mm_set1_epi8 ('"');
  const __m128i vr = _mm_set1_epi8 ('\r');
  const __m128i vz = _mm_setzero_si128 ();
  const char delim = self->delimiter;
  const char *field = s;
  const char *content_end = end;
  const char *line_end = end;
  const char *last_cr = NULL;
  guint n_cr = 0;
  gboolean quote = FALSE;
  guint n = 0;

  for (const char *p = s; p < end; p += 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      guint32 valid = end - p >= 16 ? 0xffff : (1u << (end - p)) - 1;
      guint32 mn = byte_mask (v, vn) & valid;
      guint32 md, mr;

      if (mn != 0)
        valid &= (mn & -mn) - 1;
      md = byte_mask (v, vd) & valid;
      mr = byte_mask (v, vr) & valid;
      quote |= (byte_mask (v, vq) & valid) != 0;
      if (((guint32) _mm_movemask_epi8 (v) | byte_mask (v, vz)) & valid)
        *hi = TRUE;
      if (G_UNLIKELY (mr != 0))
        {
          /* One or more: only "exactly one, before the newline" matters. */
          n_cr += (mr & (mr - 1)) != 0 ? 2 : 1;
          last_cr = p + 31 - __builtin_clz (mr);
        }

      while (md != 0)
        {
          const char *fs = field;
          const char *fe = p + __builtin_ctz (md);

          md &= md - 1;
          field = fe + 1;
          if (G_LIKELY (n < self->cells_cap) || cell_room (self, n + 1))
            {
              self->cells[n] = fs;
              self->lens[n] = fe - fs;
            }
          n++;
        }

      if (mn != 0)
        {
          content_end = p + __builtin_ctz (mn);
          line_end = content_end + 1;
          break;
        }
    }

  /* A carriage return is the row's end only right before the newline. */
  if (n_cr > 0 && last_cr == content_end - 1)
    {
      content_end--;
      n_cr--;
    }
  if (G_UNLIKELY (quote || n_cr > 0))
    {
      *plain = FALSE;
      self->n_fields = 0;
      return line_end;
    }
  *plain = TRUE;

  /* The last field; a line of blanks alone is no row. */
  {
    const char *fs = field;
    const char *fe = content_end;

    if (n == 0)
      {
        const char *b = fs;

        while (b < fe && is_trimmed (*b, delim))
          b++;
        if (b == fe)
          {
            self->n_fields = 0;
            return line_end;
          }
      }
    if (G_LIKELY (n < self->cells_cap) || cell_room (self, n + 1))
      {
        self->cells[n] = fs;
        self->lens[n] = fe - fs;
      }
    n++;
  }
  self->n_fields = n;
  return line_end;
}

static void
feed_lines_sse2 (LdLoader   *self,
                 const char *p,
                 const char *end)
{
  while (p < end)
    {
      gboolean hi = FALSE;
      const char *line_end;

      if (self->csv.pstate == CSV_ROW_NOT_BEGUN)
        {
          gboolean plain;

          self->row_line = self->line;
          line_end = split_line (self, p, end, &plain, &hi);
          self->dirty = hi;
          if (plain)
            {
              self->in_line = TRUE;
              if (self->n_fields > 0)
                handle_row (self);
              self->in_line = FALSE;
              self->n_fields = 0;
            }
          else
            csv_parse (&self->csv, p, line_end - p, on_csv_field, on_csv_row, self);
        }
      else
        {
          /* A row continued over a quoted newline stays suspect if any of its lines is. */
          line_end = scan_line (p, end, &hi);
          self->dirty = self->dirty || hi;
          csv_parse (&self->csv, p, line_end - p, on_csv_field, on_csv_row, self);
        }
      if (G_UNLIKELY (self->error != NULL))
        return;
      self->last_line = self->line;
      if (line_end[-1] == '\n')
        self->line++;
      p = line_end;
    }
}
#endif

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

#ifdef __SSE2__
  if (!self->portable)
    {
      /* Room for the last block's read past the text. */
      reserve (&self->text, &self->text_cap, self->text_len + 16);
      feed_lines_sse2 (self, self->text, self->text + cut);
      if (G_UNLIKELY (self->error != NULL))
        return FALSE;
      flush_rows (self);
      memmove (self->text, self->text + cut, self->text_len - cut);
      self->text_len -= cut;
      return TRUE;
    }
#endif

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

  flush_rows (self);
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

/* One part of one file: bytes [start, end) (end G_MAXUINT64: to the end of the file). */
typedef struct {
  LdLoader *parser;     /* the first part's is the file's first parser */
  guint     file;
  guint64   start;
  guint64   end;
  gboolean  ran;        /* read to its end without an error */
  GError   *error;
  double    cpu_ms;     /* its parse, on its thread */
} LdPart;

typedef struct _LdLoad {
  const LdLoadOptions *options;
  LdSource            *sources;
  guint                n_files;
  LdLoader           **first;       /* per file, the parser of its first part */
  GArray              *parts;       /* LdPart, by file, then by start */
  guint               *file_parts;  /* per file, the index of its first part; n_files + 1 */

  GCancellable        *cancellable;
  LdProgressFunc       progress;
  gpointer             user_data;
  guint64              total;       /* every file's size; 0 when one is unknown */
  gsize                done;        /* bytes read by every thread (atomic) */
  gint                 next;        /* the next part to parse (atomic) */
  gint                 stop;        /* a part failed or the load was cancelled (atomic) */

  GMutex               mutex;
  GCond                cond;
  gint                 running;     /* threads still parsing (atomic) */
} LdLoad;

static void
report_progress (LdLoad *load)
{
  guint64 done;

  if (load->progress == NULL)
    return;
  done = (gsize) g_atomic_pointer_get (&load->done);
  /* A part read twice (a guess that did not hold) counts once. */
  if (load->total > 0)
    done = MIN (done, load->total);
  load->progress (done, load->total, load->user_data);
}

static GInputStream *
open_source (const LdSource  *source,
             guint64          offset,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GFileInputStream *stream;

  if (source->stream != NULL)
    {
      g_assert (offset == 0);
      return g_object_ref (source->stream);
    }
  if (source->file == NULL)
    return g_memory_input_stream_new_from_data (source->data + MIN (offset, source->len),
                                                source->len - MIN (offset, source->len), NULL);

  stream = g_file_read (source->file, cancellable, &local_error);
  if (stream != NULL && offset > 0
      && !g_seekable_seek (G_SEEKABLE (stream), offset, G_SEEK_SET, cancellable, &local_error))
    g_clear_object (&stream);
  if (stream == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&local_error, _("Could not open “%s”: "), source->display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return G_INPUT_STREAM (stream);
}

/* Reads up to @want bytes, never past the part's end. */
static gssize
read_some (LdLoader      *self,
           char          *buf,
           gsize          want,
           GCancellable  *cancellable,
           GError       **error)
{
  gssize n;

  if (self->end != G_MAXUINT64)
    want = MIN (want, self->end - self->pos);
  if (want == 0)
    return 0;

  if (self->stream == NULL)
    {
      self->stream = open_source (self->source, self->pos, cancellable, error);
      if (self->stream == NULL)
        return -1;
    }

  n = g_input_stream_read (self->stream, buf, want, cancellable, error);
  if (n < 0)
    {
      if (error != NULL && *error != NULL && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, _("Could not read “%s”: "), self->display_name);
      return -1;
    }
  self->pos += n;
  if (self->load != NULL)
    g_atomic_pointer_add (&self->load->done, n);
  return n;
}

static gboolean
ld_loader_at_end (LdLoader *self)
{
  return self->eof || (self->end != G_MAXUINT64 && self->pos >= self->end);
}

/* Reads one chunk and parses the whole lines it completes. At the file's end it
 * parses the rest and sets eof; at the part's end the text is whole lines. */
static gboolean
ld_loader_step (LdLoader      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  gsize want = self->chunk_size;
  guint64 size = self->source->file != NULL || self->source->stream != NULL ? self->source->size
                                                                            : self->source->len;
  gssize n;

  /* A small file needs no big buffer (fresh pages are what a small load costs most);
   * past the size it was said to have, a file that grew still reads on. */
  if (size > 0)
    want = MIN (want, MAX (size > self->pos ? size - self->pos : 0, (guint64) 4096));

  /* Until the encoding is known, and for UTF-8, bytes go straight to the text. */
  if (self->converter == NULL)
    {
      reserve (&self->text, &self->text_cap, self->text_len + want);
      n = read_some (self, self->text + self->text_len, want, cancellable, error);
      if (n > 0)
        self->text_len += n;
    }
  else
    {
      reserve (&self->raw, &self->raw_cap, self->raw_len + want);
      n = read_some (self, self->raw + self->raw_len, want, cancellable, error);
      if (n > 0)
        self->raw_len += n;
    }
  if (n < 0)
    return FALSE;
  if (n == 0 && self->end == G_MAXUINT64)
    self->eof = TRUE;

  if (!self->sniffed)
    {
      /* A BOM is at most three bytes, UTF-16 without one shows in four. */
      if (self->text_len < 4 && !self->eof)
        return TRUE;
      if (!sniff_encoding (self, error))
        return FALSE;
      self->sniffed = TRUE;
    }

  if (self->converter != NULL && !convert_raw (self, self->eof, error))
    return FALSE;

  if (!self->header_found)
    {
      g_autoptr(GError) local_error = NULL;

      if (!find_header (self, self->eof, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return TRUE;
        }
    }

  if (!feed_text (self, self->eof))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

/* Parses on to the part's end (or the file's), unless @stop is raised. */
static gboolean
ld_loader_run (LdLoader      *self,
               GCancellable  *cancellable,
               const gint    *stop,
               GError       **error)
{
  while (!ld_loader_at_end (self))
    {
      if (!ld_loader_step (self, cancellable, error))
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (self->main_thread && self->load != NULL)
        report_progress (self->load);
      if (stop != NULL && g_atomic_int_get (stop))
        return FALSE;
    }
  return TRUE;
}

/* At the end of the bytes: the last line, an unclosed quote, the header check. */
static gboolean
finish_parse (LdLoader  *self,
              GError   **error)
{
  self->finished = TRUE;

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

  flush_rows (self);
  return TRUE;
}

/* Reads the top of a file up to its header. Afterwards the parser has read some
 * rows too, and knows the encoding, the delimiter and the columns. */
static gboolean
read_head (LdLoader      *self,
           GCancellable  *cancellable,
           GError       **error)
{
  while (self->builder == NULL && !self->eof)
    {
      if (!ld_loader_step (self, cancellable, error))
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (self->load != NULL)
        report_progress (self->load);
    }

  /* A file that ends in or right after its header. */
  if (self->builder == NULL)
    return finish_parse (self, error);
  return TRUE;
}

/* Splitting ---------------------------------------------------------------------- */

/* Up to @len bytes of the file from @offset, into @buf; returns how many. */
static gsize
read_window (const LdSource *source,
             guint64         offset,
             char           *buf,
             gsize           len,
             GCancellable   *cancellable)
{
  g_autoptr(GInputStream) stream = open_source (source, offset, cancellable, NULL);
  gsize got = 0;

  if (stream == NULL)
    return 0;
  if (!g_input_stream_read_all (stream, buf, len, &got, cancellable, NULL))
    return 0;
  return got;
}

/* A line that has no quote and as many delimiters as the header most likely starts
 * a row; inside a quoted field such a line is rare. Returns its offset in @buf, or
 * -1 when the window has no whole line after a newline. */
static gssize
find_row_start (const char *buf,
                gsize       len,
                char        delimiter,
                guint       n_columns,
                gboolean    plain)
{
  const char *end = buf + len;
  const char *nl = memchr (buf, '\n', len);
  const char *first_start;

  if (nl == NULL)
    return -1;
  first_start = nl + 1;
  if (plain)
    return first_start < end ? first_start - buf : -1;

  for (const char *p = first_start; p < end;)
    {
      const char *line_end = memchr (p, '\n', end - p);
      guint delimiters = 0;
      gboolean quote = FALSE;

      if (line_end == NULL)
        break;
      for (const char *q = p; q < line_end; q++)
        {
          if (*q == '"')
            {
              quote = TRUE;
              break;
            }
          delimiters += *q == delimiter;
        }
      if (!quote && delimiters + 1 == n_columns)
        return p - buf;
      p = line_end + 1;
    }

  return first_start < end ? first_start - buf : -1;
}

/* Cuts a file whose header @first has read into parts, each starting at a line that
 * most likely starts a row. The first part is @first's own, from the top. */
static void
plan_parts (LdLoad   *load,
            guint     file,
            guint     n_threads)
{
  const LdLoadOptions *options = load->options;
  LdLoader *first = load->first[file];
  const LdSource *source = &load->sources[file];
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree char *window = NULL;
  guint64 size = source->file != NULL ? source->size : source->len;
  guint64 min_part = options != NULL && options->min_part_size > 0 ? options->min_part_size : MIN_PART_SIZE;
  guint64 last = first->pos;
  LdPart part = { first, file, 0, G_MAXUINT64, FALSE, NULL, 0 };
  gboolean forced = options != NULL && options->splits != NULL;

  /* UTF-16 goes through one converter; a stream cannot be read twice. */
  if (!first->eof && first->converter == NULL && source->stream == NULL && size > first->pos)
    {
      if (forced)
        for (guint i = 0; i < options->n_splits; i++)
          g_array_append_val (cuts, options->splits[i]);
      else if (n_threads > 1 && size - first->pos >= 2 * min_part)
        {
          guint n = (guint) MIN ((guint64) n_threads, (size - first->pos) / min_part);

          for (guint k = 1; k < n; k++)
            {
              guint64 cut = first->pos + (size - first->pos) * k / n;

              g_array_append_val (cuts, cut);
            }
        }
    }

  if (cuts->len > 0)
    window = g_malloc (SPLIT_WINDOW);

  for (guint i = 0; i < cuts->len; i++)
    {
      /* The first line start at or after the cut: the byte after a newline at or after
       * cut - 1. Never inside what the first parser has read already. */
      guint64 from = MAX (g_array_index (cuts, guint64, i), last + 1) - 1;
      gsize got;
      gssize at;

      if (from >= size)
        break;
      got = read_window (source, from, window, SPLIT_WINDOW, load->cancellable);
      at = find_row_start (window, got, first->delimiter, first->n_columns, forced);
      if (at < 0 || from + at >= size)
        continue;

      part.end = from + at;
      g_array_append_val (load->parts, part);
      part = (LdPart) { NULL, file, from + at, G_MAXUINT64, FALSE, NULL, 0 };
      last = from + at;
    }

  g_array_append_val (load->parts, part);
  /* The first parser stops where the second part begins. */
  first->end = g_array_index (load->parts, LdPart, load->file_parts[file]).end;
}

/* Takes parts from the list until none is left; the loading thread takes its share
 * too, and reports progress as it goes. */
static void
parse_parts (LdLoad   *load,
             gboolean  main_thread)
{
  for (;;)
    {
      gint i = g_atomic_int_add (&load->next, 1);
      LdPart *part;

      if ((guint) i >= load->parts->len || g_atomic_int_get (&load->stop))
        break;

      part = &g_array_index (load->parts, LdPart, i);
      if (part->parser == NULL)
        part->parser = ld_loader_new_part (load->first[part->file], part->start, part->end);
      part->parser->main_thread = main_thread;
      part->cpu_ms = thread_cpu_ms ();
      part->ran = ld_loader_run (part->parser, load->cancellable, &load->stop, &part->error);
      part->cpu_ms = thread_cpu_ms () - part->cpu_ms;
      part->parser->main_thread = FALSE;
      if (!part->ran)
        g_atomic_int_set (&load->stop, 1);
    }
}

static gpointer
parse_thread (gpointer data)
{
  LdLoad *load = data;

  parse_parts (load, FALSE);

  /* Atomic as well as under the mutex: the count is then plain to thread
   * sanitizers too, which do not see GLib's futex-based mutex. */
  g_mutex_lock (&load->mutex);
  g_atomic_int_add (&load->running, -1);
  g_cond_signal (&load->cond);
  g_mutex_unlock (&load->mutex);
  return NULL;
}

static void
parse_all_parts (LdLoad *load,
                 guint   n_threads)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_extra = MIN (n_threads, load->parts->len) - 1;

  g_atomic_int_set (&load->running, n_extra);
  for (guint t = 0; t < n_extra; t++)
    g_ptr_array_add (threads, g_thread_new ("ld-loader-part", parse_thread, load));

  parse_parts (load, TRUE);

  /* The others: progress goes on while they finish. */
  g_mutex_lock (&load->mutex);
  while (g_atomic_int_get (&load->running) > 0)
    {
      gint64 deadline = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;

      if (!g_cond_wait_until (&load->cond, &load->mutex, deadline))
        {
          g_mutex_unlock (&load->mutex);
          report_progress (load);
          g_mutex_lock (&load->mutex);
        }
    }
  g_mutex_unlock (&load->mutex);

  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
}

/* Checks the guesses of one file's parts in order, reads on where one did not hold,
 * and finishes the file: its parsers in order, the last one at the end of the file. */
static gboolean
settle_file (LdLoad     *load,
             guint       file,
             GPtrArray  *parsers,
             GError    **error)
{
  LdPart *first_part = &g_array_index (load->parts, LdPart, load->file_parts[file]);
  LdLoader *cur = first_part->parser;

  cur->main_thread = TRUE;
  if (first_part->error != NULL && !g_error_matches (first_part->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&first_part->error));
      return FALSE;
    }
  if (!first_part->ran && !cur->finished && !ld_loader_run (cur, load->cancellable, NULL, error))
    return FALSE;
  g_ptr_array_add (parsers, cur);

  for (guint i = load->file_parts[file] + 1; i < load->file_parts[file + 1]; i++)
    {
      LdPart *part = &g_array_index (load->parts, LdPart, i);

      /* The guess held if the parser before stands between two rows here. */
      if (part->ran && cur->csv.pstate == CSV_ROW_NOT_BEGUN)
        {
          part->parser->line_offset = cur->line_offset + cur->line - 1;
          cur = part->parser;
          g_ptr_array_add (parsers, cur);
          continue;
        }
      if (part->ran == FALSE && part->error != NULL && cur->csv.pstate == CSV_ROW_NOT_BEGUN
          && !g_error_matches (part->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* A part that failed where it should have begun: its error is the file's. */
          g_propagate_error (error, g_steal_pointer (&part->error));
          return FALSE;
        }

      /* It began inside a quoted field (or never ran): read on through it. */
      g_clear_pointer (&part->parser, ld_loader_free);
      g_clear_error (&part->error);
      cur->end = part->end;
      cur->main_thread = TRUE;
      if (!ld_loader_run (cur, load->cancellable, NULL, error))
        return FALSE;
    }

  if (!cur->finished && !finish_parse (cur, error))
    return FALSE;
  return TRUE;
}

/* Day first or not is the whole file's: the first row that can only be day first
 * decides, wherever it is. Then the rows noted as no date day first go. */
static void
settle_day_first (GPtrArray *parsers,
                  gboolean  *day_first)
{
  guint64 proof = 0;

  for (guint i = 0; i < parsers->len && proof == 0; i++)
    {
      LdLoader *p = g_ptr_array_index (parsers, i);

      if (p->day_first_line > 0)
        proof = p->day_first_line + p->line_offset;
    }

  *day_first = proof > 0;
  if (proof == 0)
    return;

  for (guint i = 0; i < parsers->len; i++)
    {
      LdLoader *p = g_ptr_array_index (parsers, i);
      guint64 n = ld_report_builder_drop_invalid_day_first (p->builder);

      g_assert (n >= p->pending->len);
      for (guint k = 0; k < p->pending->len; k++)
        {
          const PendingSlash *s = &g_array_index (p->pending, PendingSlash, k);

          add_bad_row (p, s->line, p->col_date,
                       g_strdup_printf (_("%s \"%s\" is not a date: the dates of this file are "
                                          "day first (D/M/YYYY), as line %" PRIu64
                                          " shows. Correct the cell, or download the report "
                                          "again."),
                                        column_label (p, p->col_date), s->value, proof));
        }
      ld_report_builder_count_bad_rows (p->builder, n - p->pending->len);
    }
}

static guint
default_threads (const LdLoadOptions *options)
{
  if (options != NULL && options->n_threads > 0)
    return MIN (options->n_threads, MAX_THREADS);
  return CLAMP (g_get_num_processors (), 1, MAX_THREADS);
}

static LdReport *
load_sources (LdSource             *sources,
              guint                 n_files,
              const LdLoadOptions  *options,
              GCancellable         *cancellable,
              LdProgressFunc        progress,
              gpointer              user_data,
              GError              **error)
{
  LdLoad load = { 0, };
  LdReport *report = NULL;
  g_autofree LdReportBuilderFile *files = g_new0 (LdReportBuilderFile, n_files);
  g_autoptr(GPtrArray) all_parsers = g_ptr_array_new ();
  guint n_threads = default_threads (options);
  gsize chunk_size = options != NULL && options->chunk_size > 0 ? options->chunk_size : CHUNK_SIZE;
  gboolean trace = !g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, TRACE_DOMAIN);
  double t_start = wall_ms (), t_head = 0, t_parse = 0, t_settle = 0;
  gboolean portable = options != NULL && options->portable_scan;
  guint64 n_rows = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  load.options = options;
  load.sources = sources;
  load.n_files = n_files;
  load.first = g_new0 (LdLoader *, n_files);
  load.parts = g_array_new (FALSE, FALSE, sizeof (LdPart));
  load.file_parts = g_new0 (guint, n_files + 1);
  load.cancellable = cancellable;
  load.progress = progress;
  load.user_data = user_data;
  g_mutex_init (&load.mutex);
  g_cond_init (&load.cond);

  for (guint f = 0; f < n_files; f++)
    {
      guint64 size = sources[f].file != NULL || sources[f].stream != NULL ? sources[f].size : sources[f].len;

      if (size == 0)
        load.total = 0;
      else if (f == 0 || load.total > 0)
        load.total += size;
    }

  /* 1. Every file's header, in the order given: a file that is no report fails the
   * load before anything else is read. */
  for (guint f = 0; f < n_files; f++)
    {
      load.first[f] = ld_loader_new (&sources[f], chunk_size);
      load.first[f]->load = &load;
      load.first[f]->portable = portable;
      load.first[f]->no_spans = options != NULL && options->no_spans;
      load.first[f]->main_thread = TRUE;
      if (!read_head (load.first[f], cancellable, error))
        goto out;
      load.first[f]->main_thread = FALSE;
    }

  t_head = wall_ms ();

  /* 2. Every file's parts, parsed side by side. */
  for (guint f = 0; f < n_files; f++)
    {
      load.file_parts[f] = load.parts->len;
      plan_parts (&load, f, n_threads);
    }
  load.file_parts[n_files] = load.parts->len;
  parse_all_parts (&load, n_threads);
  t_parse = wall_ms ();
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  /* 3. In order: the guesses checked, each file finished. */
  for (guint f = 0; f < n_files; f++)
    {
      g_autoptr(GPtrArray) parsers = g_ptr_array_new ();

      if (!settle_file (&load, f, parsers, error))
        goto out;
      settle_day_first (parsers, &files[f].day_first);

      files[f].display_name = sources[f].display_name;
      files[f].path = sources[f].path;
      files[f].delimiter = load.first[f]->delimiter;
      files[f].encoding = load.first[f]->encoding;
      files[f].n_parts = parsers->len;
      files[f].parts = g_new (LdReportBuilder *, parsers->len);
      for (guint i = 0; i < parsers->len; i++)
        {
          LdLoader *p = g_ptr_array_index (parsers, i);

          ld_report_builder_set_line_offset (p->builder, p->line_offset);
          n_rows += ld_report_builder_get_n_rows (p->builder);
          g_ptr_array_add (all_parsers, p);
        }
    }

  if (n_rows >= MAX_ROWS)
    {
      g_set_error (error, LD_LOAD_ERROR, LD_LOAD_ERROR_TOO_LARGE,
                   _("Together the %u reports have more rows than can be read. "
                     "Open fewer of them at once."), n_files);
      goto out;
    }

  t_settle = wall_ms ();

  /* 4. One report; the parsers hand over their builders. */
  for (guint f = 0, k = 0; f < n_files; f++)
    for (guint i = 0; i < files[f].n_parts; i++, k++)
      files[f].parts[i] = g_steal_pointer (&((LdLoader *) g_ptr_array_index (all_parsers, k))->builder);
  report = ld_report_builder_finish_files (files, n_files);

  if (trace)
    {
      GString *parts = g_string_new (NULL);

      for (guint i = 0; i < load.parts->len; i++)
        {
          LdPart *part = &g_array_index (load.parts, LdPart, i);
          guint64 end = part->end != G_MAXUINT64 ? part->end : load.sources[part->file].size;

          g_string_append_printf (parts, "%s%.1f ms CPU for %.1f MB%s", i > 0 ? ", " : "",
                                  part->cpu_ms, (end - part->start) / 1e6,
                                  part->ran ? "" : " (read again)");
        }
      g_log (TRACE_DOMAIN, G_LOG_LEVEL_DEBUG,
             "load of %u file(s), %u rows on %u threads: header %.1f ms, parts %.1f ms "
             "(%s), checks %.1f ms, finish %.1f ms; %.1f ms in all",
             n_files, ld_report_get_n_rows (report), n_threads, t_head - t_start,
             t_parse - t_head, parts->str, t_settle - t_parse, wall_ms () - t_settle,
             wall_ms () - t_start);
      g_string_free (parts, TRUE);
    }

out:
  for (guint f = 0; f < n_files; f++)
    g_free (files[f].parts);
  for (guint i = 0; i < load.parts->len; i++)
    {
      LdPart *part = &g_array_index (load.parts, LdPart, i);

      g_clear_error (&part->error);
      if (part->parser != NULL && part->parser != load.first[part->file])
        ld_loader_free (part->parser);
    }
  for (guint f = 0; f < n_files; f++)
    ld_loader_free (load.first[f]);
  g_free (load.first);
  g_array_unref (load.parts);
  g_free (load.file_parts);
  g_mutex_clear (&load.mutex);
  g_cond_clear (&load.cond);
  return report;
}

static void
source_clear (LdSource *source)
{
  g_clear_object (&source->file);
  g_clear_object (&source->stream);
  g_clear_pointer (&source->display_name, g_free);
  g_clear_pointer (&source->path, g_free);
}

/* Two files of one name in different folders are told apart by their paths. */
static void
disambiguate_names (LdSource *sources,
                    guint     n_files)
{
  g_autofree gboolean *clash = g_new0 (gboolean, n_files);

  for (guint i = 0; i < n_files; i++)
    for (guint j = i + 1; j < n_files; j++)
      if (g_strcmp0 (sources[i].display_name, sources[j].display_name) == 0)
        clash[i] = clash[j] = TRUE;

  for (guint i = 0; i < n_files; i++)
    if (clash[i] && sources[i].file != NULL)
      {
        g_free (sources[i].display_name);
        sources[i].display_name = g_file_get_parse_name (sources[i].file);
      }
}

LdReport *
ld_loader_load_files_with_options (GFile *const         *files,
                                   guint                 n_files,
                                   const LdLoadOptions  *options,
                                   GCancellable         *cancellable,
                                   LdProgressFunc        progress,
                                   gpointer              user_data,
                                   GError              **error)
{
  g_autofree LdSource *sources = NULL;
  LdReport *report;

  g_return_val_if_fail (files != NULL && n_files > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sources = g_new0 (LdSource, n_files);
  for (guint f = 0; f < n_files; f++)
    {
      g_autoptr(GFileInfo) info = NULL;

      g_return_val_if_fail (G_IS_FILE (files[f]), NULL);

      sources[f].file = g_object_ref (files[f]);
      sources[f].path = g_file_get_path (files[f]);
      /* Only for the progress bar, the cuts and the title: a file without them still
       * loads. */
      info = g_file_query_info (files[f],
                                G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        sources[f].size = g_file_info_get_size (info);
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
        sources[f].display_name = g_strdup (g_file_info_get_display_name (info));
      else
        sources[f].display_name = g_file_get_basename (files[f]);
    }
  disambiguate_names (sources, n_files);

  report = load_sources (sources, n_files, options, cancellable, progress, user_data, error);

  for (guint f = 0; f < n_files; f++)
    source_clear (&sources[f]);
  return report;
}

LdReport *
ld_loader_load_files (GFile *const    *files,
                      guint            n_files,
                      GCancellable    *cancellable,
                      LdProgressFunc   progress,
                      gpointer         user_data,
                      GError         **error)
{
  return ld_loader_load_files_with_options (files, n_files, NULL, cancellable,
                                            progress, user_data, error);
}

LdReport *
ld_loader_load_file (GFile          *file,
                     GCancellable   *cancellable,
                     LdProgressFunc  progress,
                     gpointer        user_data,
                     GError        **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return ld_loader_load_files (&file, 1, cancellable, progress, user_data, error);
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
  LdSource source = { 0, };
  LdReport *report;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source.stream = g_object_ref (stream);
  source.size = size;
  source.display_name = g_strdup (display_name);
  source.path = g_strdup (path);
  report = load_sources (&source, 1, NULL, cancellable, progress, user_data, error);
  source_clear (&source);
  return report;
}

LdReport *
ld_loader_load_datas_with_options (const char *const   *datas,
                                   const gsize         *lens,
                                   const char *const   *display_names,
                                   guint                n_files,
                                   const LdLoadOptions *options,
                                   GError             **error)
{
  g_autofree LdSource *sources = NULL;
  LdReport *report;

  g_return_val_if_fail (datas != NULL && lens != NULL && display_names != NULL, NULL);
  g_return_val_if_fail (n_files > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sources = g_new0 (LdSource, n_files);
  for (guint f = 0; f < n_files; f++)
    {
      sources[f].data = datas[f];
      sources[f].len = lens[f];
      sources[f].display_name = g_strdup (display_names[f]);
    }
  report = load_sources (sources, n_files, options, NULL, NULL, NULL, error);
  for (guint f = 0; f < n_files; f++)
    source_clear (&sources[f]);
  return report;
}

LdReport *
ld_loader_load_data (const char  *data,
                     gsize        len,
                     const char  *display_name,
                     GError     **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return ld_loader_load_datas_with_options (&data, &len, &display_name, 1, NULL, error);
}
