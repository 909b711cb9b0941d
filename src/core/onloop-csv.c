/* onloop-csv.c: RFC 4180 CSV, read and written safely for spreadsheets
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "onloop-csv.h"

G_DEFINE_QUARK (onloop-csv-error-quark, onloop_csv_error)

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@';
}

gboolean
onloop_csv_needs_guard (const char *value)
{
  const char *p = value;

  if (value == NULL)
    return FALSE;

  while (*p == '\'')
    p++;

  return is_formula_start (*p);
}

void
onloop_csv_append_cell (GString    *out,
                        const char *value)
{
  gboolean quote;
  gsize len;

  if (value == NULL || *value == '\0')
    return;

  len = strlen (value);
  quote = strpbrk (value, ",;\t\"\r\n") != NULL ||
          value[0] == ' ' || value[len - 1] == ' ';

  if (quote)
    g_string_append_c (out, '"');
  if (onloop_csv_needs_guard (value))
    g_string_append_c (out, '\'');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

void
onloop_csv_append_row (GString            *out,
                       const char * const *values,
                       guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      onloop_csv_append_cell (out, values[i]);
    }
  g_string_append (out, "\r\n");
}

void
onloop_csv_unguard (char *cell)
{
  if (cell[0] == '\'' && onloop_csv_needs_guard (cell))
    memmove (cell, cell + 1, strlen (cell));
}

struct _OnloopCsvReader
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       line;
  char        delimiter;
  char       *name;
};

static char
detect_delimiter (const char *data,
                  gsize       len)
{
  const char *end = memchr (data, '\n', len);
  gsize first = end != NULL ? (gsize) (end - data) : len;

  if (memchr (data, ',', first) != NULL)
    return ',';
  if (memchr (data, ';', first) != NULL)
    return ';';
  if (memchr (data, '\t', first) != NULL)
    return '\t';
  return ',';
}

OnloopCsvReader *
onloop_csv_reader_new (const char *data,
                       gsize       len,
                       const char *name)
{
  OnloopCsvReader *self = g_new0 (OnloopCsvReader, 1);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  self->data = data;
  self->len = len;
  self->line = 1;
  self->delimiter = detect_delimiter (data, len);
  self->name = g_strdup (name != NULL ? name : _("input"));

  return self;
}

void
onloop_csv_reader_free (OnloopCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self);
}

const char *
onloop_csv_reader_get_name (OnloopCsvReader *self)
{
  return self->name;
}

static void
set_error (OnloopCsvReader *self,
           GError         **error,
           guint            line,
           const char      *message)
{
  g_set_error (error, ONLOOP_CSV_ERROR, ONLOOP_CSV_ERROR_SYNTAX, "%s:%u: %s",
               self->name, line, message);
}

/* Consumes a line end at the current position, if there is one. */
static gboolean
eat_line_end (OnloopCsvReader *self)
{
  if (self->pos < self->len && self->data[self->pos] == '\r')
    {
      self->pos++;
      if (self->pos < self->len && self->data[self->pos] == '\n')
        self->pos++;
      self->line++;
      return TRUE;
    }
  if (self->pos < self->len && self->data[self->pos] == '\n')
    {
      self->pos++;
      self->line++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_quoted (OnloopCsvReader *self,
             GString         *cell,
             GError         **error)
{
  guint opened = self->line;

  self->pos++;
  for (;;)
    {
      char c;

      if (self->pos >= self->len)
        {
          set_error (self, error, opened, _("a quoted cell is never closed"));
          return FALSE;
        }

      c = self->data[self->pos];
      if (c == '"')
        {
          if (self->pos + 1 < self->len && self->data[self->pos + 1] == '"')
            {
              g_string_append_c (cell, '"');
              self->pos += 2;
              continue;
            }
          self->pos++;
          break;
        }

      if (c == '\n' || (c == '\r' && (self->pos + 1 >= self->len || self->data[self->pos + 1] != '\n')))
        self->line++;
      g_string_append_c (cell, c);
      self->pos++;
    }

  if (self->pos < self->len)
    {
      char c = self->data[self->pos];

      if (c != self->delimiter && c != '\r' && c != '\n')
        {
          set_error (self, error, self->line,
                     _("unexpected text after a closing quote (double a quote inside a quoted cell)"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_plain (OnloopCsvReader *self,
            GString         *cell,
            GError         **error)
{
  while (self->pos < self->len)
    {
      char c = self->data[self->pos];

      if (c == self->delimiter || c == '\r' || c == '\n')
        break;
      if (c == '"')
        {
          set_error (self, error, self->line,
                     _("a quote inside an unquoted cell (put the cell in quotes and double the quote)"));
          return FALSE;
        }
      g_string_append_c (cell, c);
      self->pos++;
    }

  return TRUE;
}

GStrv
onloop_csv_reader_next (OnloopCsvReader *self,
                        guint           *line,
                        GError         **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GString) cell = NULL;
  guint start;

  /* Blank lines separate nothing: skip them. */
  while (self->pos < self->len &&
         (self->data[self->pos] == '\n' || self->data[self->pos] == '\r'))
    eat_line_end (self);

  if (self->pos >= self->len)
    return NULL;

  builder = g_strv_builder_new ();
  cell = g_string_new (NULL);
  start = self->line;

  for (;;)
    {
      gboolean ok;

      g_string_truncate (cell, 0);
      if (self->data[self->pos] == '"')
        ok = read_quoted (self, cell, error);
      else
        ok = read_plain (self, cell, error);
      if (!ok)
        return NULL;

      if (!g_utf8_validate_len (cell->str, cell->len, NULL))
        {
          set_error (self, error, self->line, _("the text is not valid UTF-8"));
          return NULL;
        }

      onloop_csv_unguard (cell->str);
      g_strv_builder_add (builder, cell->str);

      if (self->pos < self->len && self->data[self->pos] == self->delimiter)
        {
          self->pos++;
          if (self->pos >= self->len)
            {
              /* A trailing delimiter at the very end: one more empty cell. */
              g_strv_builder_add (builder, "");
              break;
            }
          continue;
        }

      eat_line_end (self);
      break;
    }

  if (line != NULL)
    *line = start;

  return g_strv_builder_end (builder);
}
