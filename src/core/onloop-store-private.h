/* onloop-store-private.h: what the store's friends (onloop-store-*.c) share.
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only files of the store include this header: SQL stays inside the store.
 */

#pragma once

#include <sqlite3.h>

#include "onloop-store.h"

G_BEGIN_DECLS

sqlite3      *onloop_store_get_db        (OnloopStore  *self);

/* Returns a prepared statement for @sql, reset and with its bindings cleared.
 * Statements are cached for the store's life, keyed by the SQL text, so pass
 * string literals. Never finalize the result. */
sqlite3_stmt *onloop_store_statement     (OnloopStore  *self,
                                          const char   *sql,
                                          GError      **error);

/* Runs @sql (one or more statements, no results). */
gboolean      onloop_store_exec          (OnloopStore  *self,
                                          const char   *sql,
                                          GError      **error);

/* Transactions nest: only the outermost begin/commit reach SQLite, and a
 * rollback at any depth rolls the whole transaction back. */
gboolean      onloop_store_begin         (OnloopStore  *self,
                                          GError      **error);
gboolean      onloop_store_commit        (OnloopStore  *self,
                                          GError      **error);
void          onloop_store_rollback      (OnloopStore  *self);

/* Sets @error from the connection's last error, with @what as context. */
void          onloop_store_set_error     (OnloopStore  *self,
                                          GError      **error,
                                          const char   *what);

/* Steps a statement that returns no row; sets @error on failure. */
gboolean      onloop_store_step_done     (OnloopStore  *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);

/* For tests: create a workspace at an older schema version. */
OnloopStore  *onloop_store_create_at_version (const char *path,
                                              int         version,
                                              GError    **error);

static inline const char *
onloop_sqlite_text (sqlite3_stmt *stmt,
                    int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

G_END_DECLS
