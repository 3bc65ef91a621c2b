/* ld-writer.c — CSV and JSON output of a table (SPEC §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-file-save.h"
#include "ld-writer.h"

static inline gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* A run of leading "'" is looked through, so that a text which already starts with
 * "'=" gets another one: reading then strips exactly one and the text comes back
 * unchanged, whatever it was. */
gboolean
ld_csv_needs_formula_escape (const char *text,
                             gsize       len)
{
  gsize i = 0;

  if (text == NULL)
    return FALSE;

  while (i < len && text[i] == '\'')
    i++;

  return i < len && is_formula_start (text[i]);
}

gboolean
ld_csv_has_formula_escape (const char *text,
                           gsize       len)
{
  if (text == NULL || len < 2 || text[0] != '\'')
    return FALSE;

  /* Only the writer's own escape is removed: the rest must be a text the writer
   * would have escaped. A plain "'quoted'" is left alone. */
  return ld_csv_needs_formula_escape (text + 1, len - 1);
}

const char *
ld_format_to_string (LdFormat format)
{
  switch (format)
    {
    case LD_FORMAT_CSV:
      return "csv";
    case LD_FORMAT_JSON:
      return "json";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ld_format_from_string (const char *name,
                       LdFormat   *format)
{
  if (g_strcmp0 (name, "csv") == 0)
    *format = LD_FORMAT_CSV;
  else if (g_strcmp0 (name, "json") == 0)
    *format = LD_FORMAT_JSON;
  else
    return FALSE;
  return TRUE;
}

/* Output is gathered in a fixed buffer and handed to the stream 64 KiB at a time:
 * a million-row export then costs a few hundred writes, not tens of millions. */
#define BUFFER_SIZE (64 * 1024)

typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError       **error;
  gboolean       failed;
  gsize          len;
  char           buf[BUFFER_SIZE];
} Writer;

static gboolean
writer_flush (Writer *w)
{
  if (w->failed)
    return FALSE;
  if (w->len > 0 &&
      !g_output_stream_write_all (w->stream, w->buf, w->len, NULL, w->cancellable, w->error))
    {
      w->failed = TRUE;
      return FALSE;
    }
  w->len = 0;
  return TRUE;
}

static void
writer_append (Writer     *w,
               const char *data,
               gsize       len)
{
  if (w->failed)
    return;

  if (w->len + len > BUFFER_SIZE)
    {
      if (!writer_flush (w))
        return;

      /* A cell larger than the buffer goes straight through. */
      if (len > BUFFER_SIZE)
        {
          if (!g_output_stream_write_all (w->stream, data, len, NULL, w->cancellable, w->error))
            w->failed = TRUE;
          return;
        }
    }

  memcpy (w->buf + w->len, data, len);
  w->len += len;
}

static inline void
writer_append_c (Writer *w,
                 char    c)
{
  if (w->len == BUFFER_SIZE && !writer_flush (w))
    return;
  if (!w->failed)
    w->buf[w->len++] = c;
}

static inline void
writer_append_str (Writer     *w,
                   const char *str)
{
  writer_append (w, str, strlen (str));
}

/* Numbers, months and dates are written with our own formatters, never printf's
 * %f or %'d, so the output is the same in every locale. */
static void
format_value (const LdCell *cell,
              char          buf[static 32])
{
  switch (cell->kind)
    {
    case LD_CELL_INT:
      g_snprintf (buf, 32, "%" G_GINT64_FORMAT, cell->value);
      break;
    case LD_CELL_PERCENT:
      ld_percent_format (cell->value, buf);
      break;
    case LD_CELL_MONTH:
      ld_month_format ((int) cell->value, buf);
      break;
    case LD_CELL_DATE:
      ld_date_format ((guint32) cell->value, buf);
      break;
    case LD_CELL_TEXT:
    default:
      g_assert_not_reached ();
    }
}

/* RFC 4180 quoting, only where a reader needs it, and the formula escape of SPEC §5
 * inside the quotes (a reader unquotes first, then strips the "'"). */
static void
write_csv_text (Writer     *w,
                const char *text,
                gsize       len)
{
  gboolean escape;
  gboolean quote = FALSE;

  if (text == NULL)
    {
      text = "";
      len = 0;
    }

  escape = ld_csv_needs_formula_escape (text, len);
  for (gsize i = 0; i < len; i++)
    if (text[i] == '"' || text[i] == ',' || text[i] == '\r' || text[i] == '\n')
      {
        quote = TRUE;
        break;
      }
  /* Readers (ours included) trim spaces around unquoted cells: quoting keeps a text's
   * own leading and trailing blanks through Download data and back. */
  if (len > 0 && (text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' || text[len - 1] == '\t'))
    quote = TRUE;

  if (!quote)
    {
      if (escape)
        writer_append_c (w, '\'');
      writer_append (w, text, len);
      return;
    }

  writer_append_c (w, '"');
  if (escape)
    writer_append_c (w, '\'');
  for (gsize start = 0, i = 0; i <= len; i++)
    {
      if (i == len || text[i] == '"')
        {
          writer_append (w, text + start, i - start);
          if (i < len)
            writer_append (w, "\"\"", 2);
          start = i + 1;
        }
    }
  writer_append_c (w, '"');
}

static void
write_csv_cell (Writer       *w,
                const LdCell *cell)
{
  char buf[32];

  if (cell->kind == LD_CELL_TEXT)
    {
      write_csv_text (w, cell->text, cell->text != NULL ? cell->len : 0);
      return;
    }
  if (cell->kind == LD_CELL_EMPTY)
    return;

  format_value (cell, buf);
  writer_append_str (w, buf);
}

/* Lines end in LF alone: RFC 4180 names CRLF, but every CSV reader (ours, libcsv,
 * spreadsheets, Python) takes either, and LF is what the rest of a Unix desktop
 * writes. */
static void
write_csv (LdTable *table,
           Writer  *w)
{
  guint n_columns = ld_table_get_n_columns (table);
  gsize n_rows = ld_table_get_n_rows (table);
  g_autofree LdCell *cells = g_new0 (LdCell, MAX (n_columns, 1));

  for (guint c = 0; c < n_columns; c++)
    {
      const char *name = ld_table_get_column_name (table, c);

      if (c > 0)
        writer_append_c (w, ',');
      write_csv_text (w, name, strlen (name));
    }
  writer_append_c (w, '\n');

  for (gsize r = 0; r < n_rows && !w->failed; r++)
    {
      ld_table_get_row (table, r, cells);
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            writer_append_c (w, ',');
          write_csv_cell (w, &cells[c]);
        }
      writer_append_c (w, '\n');
    }
}

/* A JSON string per RFC 8259: quote, backslash and the control characters escaped,
 * everything else (valid UTF-8, as every cell is) as it is. */
static void
write_json_string (Writer     *w,
                   const char *text,
                   gsize       len)
{
  static const char hex[] = "0123456789abcdef";
  gsize start = 0;

  writer_append_c (w, '"');
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      const char *esc = NULL;
      char ubuf[7];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      writer_append (w, text + start, i - start);
      start = i + 1;

      switch (c)
        {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
          ubuf[0] = '\\';
          ubuf[1] = 'u';
          ubuf[2] = '0';
          ubuf[3] = '0';
          ubuf[4] = hex[c >> 4];
          ubuf[5] = hex[c & 0xf];
          ubuf[6] = '\0';
          esc = ubuf;
          break;
        }
      writer_append_str (w, esc);
    }
  writer_append (w, text + start, len - start);
  writer_append_c (w, '"');
}

/* The JSON is streamed row by row rather than built as a JsonNode tree: the data
 * table may have a million rows. It is written here rather than by JsonGenerator
 * because json-glib 1.6 prints doubles with "%.17g" (33.33 becomes
 * 33.329999999999998); we print percentages exactly as the CSV does, "33.33",
 * which reads back as the same double, hundredths / 100.0. Months and dates are
 * strings, counts integers, a cell without a value (LD_CELL_EMPTY, SPEC §5) null.
 * Text is always a string, "" included: a blank CustomerName is a value the file
 * has. Text cells are not formula-escaped: JSON is not opened by spreadsheets as
 * formulas, and the text must stay the data. */
static void
write_json (LdTable *table,
            Writer  *w)
{
  guint n_columns = ld_table_get_n_columns (table);
  gsize n_rows = ld_table_get_n_rows (table);
  g_autofree LdCell *cells = g_new0 (LdCell, MAX (n_columns, 1));

  writer_append_c (w, '[');
  for (gsize r = 0; r < n_rows && !w->failed; r++)
    {
      writer_append_str (w, r == 0 ? "\n  {" : ",\n  {");
      ld_table_get_row (table, r, cells);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *name = ld_table_get_column_name (table, c);
          char buf[32];

          if (c > 0)
            writer_append (w, ", ", 2);
          write_json_string (w, name, strlen (name));
          writer_append (w, ": ", 2);

          switch (cells[c].kind)
            {
            case LD_CELL_TEXT:
              if (cells[c].text != NULL)
                write_json_string (w, cells[c].text, cells[c].len);
              else
                writer_append (w, "\"\"", 2);
              break;
            case LD_CELL_INT:
            case LD_CELL_PERCENT:
              format_value (&cells[c], buf);
              writer_append_str (w, buf);
              break;
            case LD_CELL_MONTH:
            case LD_CELL_DATE:
              format_value (&cells[c], buf);
              /* A month without a value is an empty cell like any other. */
              if (buf[0] == '\0')
                writer_append (w, "null", 4);
              else
                write_json_string (w, buf, strlen (buf));
              break;
            case LD_CELL_EMPTY:
              writer_append (w, "null", 4);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      writer_append_c (w, '}');
    }
  writer_append_str (w, n_rows > 0 ? "\n]\n" : "]\n");
}

gboolean
ld_table_write (LdTable       *table,
                LdFormat       format,
                GOutputStream *stream,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree Writer *w = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  w = g_new0 (Writer, 1);
  w->stream = stream;
  w->cancellable = cancellable;
  w->error = error;

  if (format == LD_FORMAT_JSON)
    write_json (table, w);
  else
    write_csv (table, w);

  return writer_flush (w);
}

typedef struct
{
  LdTable  *table;
  LdFormat  format;
} TableSave;

static gboolean
write_table (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  TableSave *save = user_data;

  return ld_table_write (save->table, save->format, stream, cancellable, error);
}

gboolean
ld_table_save (LdTable       *table,
               LdFormat       format,
               GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  TableSave save = { table, format };

  g_return_val_if_fail (table != NULL, FALSE);

  return ld_file_save (file, write_table, &save, cancellable, error);
}
