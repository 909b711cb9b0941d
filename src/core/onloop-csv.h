/* onloop-csv.h: RFC 4180 CSV, read and written safely for spreadsheets
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spreadsheets run a cell that starts with '=', '+', '-' or '@' as a
 * formula, so a CSV file we write could carry an attack into the person's
 * spreadsheet ("CSV injection"). The writer puts one apostrophe in front of
 * such a cell, which spreadsheets show as text; the reader takes exactly
 * that apostrophe away again. To keep the round trip exact for text that
 * already starts with apostrophes followed by one of those characters
 * ("'=x"), the writer adds one more apostrophe there too, and the reader
 * always removes one: written "''=x" reads back as "'=x".
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ONLOOP_CSV_ERROR (onloop_csv_error_quark ())

typedef enum
{
  ONLOOP_CSV_ERROR_SYNTAX,   /* the message starts with "NAME:LINE: " */
} OnloopCsvError;

GQuark      onloop_csv_error_quark   (void);

/* Whether the writer protects @value with an apostrophe. */
gboolean    onloop_csv_needs_guard   (const char *value);

/* Appends @value as one cell: quoted when it holds a comma, a quote, a line
 * break or leading/trailing space, guarded against formulas. NULL is an
 * empty cell. */
void        onloop_csv_append_cell   (GString    *out,
                                      const char *value);
/* Appends @n_values cells (NULL ones empty) and "\r\n". */
void        onloop_csv_append_row    (GString    *out,
                                      const char * const *values,
                                      guint       n_values);

/* Undoes the writer's guard in place: removes one leading apostrophe when
 * what follows it is apostrophes and then '=', '+', '-' or '@'. */
void        onloop_csv_unguard       (char       *cell);

typedef struct _OnloopCsvReader OnloopCsvReader;

/* Reads @data (UTF-8, a leading byte-order mark is skipped) record by
 * record. The delimiter is taken from the first line: a comma, or a
 * semicolon or a tab when the first line has no comma but one of those.
 * @name names the input in messages. The reader keeps a pointer to @data. */
OnloopCsvReader *onloop_csv_reader_new  (const char      *data,
                                         gsize            len,
                                         const char      *name);
void             onloop_csv_reader_free (OnloopCsvReader *self);

/* The next record's cells (unquoted, guard removed), or NULL at the end or
 * on an error (then @error is set). Blank lines are skipped. @line is the
 * line the record starts on, counted from 1. */
GStrv            onloop_csv_reader_next (OnloopCsvReader *self,
                                         guint           *line,
                                         GError         **error);
const char      *onloop_csv_reader_get_name (OnloopCsvReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopCsvReader, onloop_csv_reader_free)

G_END_DECLS
