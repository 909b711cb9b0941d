/* onloop-store.h
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "ONLP": written to PRAGMA application_id so that a workspace is recognised
 * by its header, and a foreign SQLite file is refused before it is opened. */
#define ONLOOP_STORE_APPLICATION_ID 0x4F4E4C50u

/* The schema version this build writes (PRAGMA user_version). */
#define ONLOOP_STORE_SCHEMA_VERSION 4

#define ONLOOP_STORE_ERROR (onloop_store_error_quark ())

typedef enum
{
  ONLOOP_STORE_ERROR_NOT_FOUND,     /* no such file */
  ONLOOP_STORE_ERROR_NOT_SQLITE,    /* not an SQLite database at all */
  ONLOOP_STORE_ERROR_FOREIGN,       /* an SQLite file of another application */
  ONLOOP_STORE_ERROR_TOO_NEW,       /* written by a newer Onloop */
  ONLOOP_STORE_ERROR_CORRUPT,       /* damaged file */
  ONLOOP_STORE_ERROR_IO,            /* permission, disk full, locked … */
  ONLOOP_STORE_ERROR_INVALID,       /* a value the workspace does not accept */
  ONLOOP_STORE_ERROR_NOT_FOUND_ROW, /* the decision, version … does not exist */
  ONLOOP_STORE_ERROR_CANCELLED,
} OnloopStoreError;

typedef enum
{
  ONLOOP_STORE_OPEN_NONE   = 0,
  ONLOOP_STORE_OPEN_CREATE = 1 << 0, /* create a new workspace if the file does not exist */
} OnloopStoreOpenFlags;

/* What changed, for the "changed" signal's detail and argument. */
typedef enum
{
  ONLOOP_STORE_CHANGE_MAP      = 1 << 0,
  ONLOOP_STORE_CHANGE_SPEC     = 1 << 1,
  ONLOOP_STORE_CHANGE_LOG      = 1 << 2,
  ONLOOP_STORE_CHANGE_TIME     = 1 << 3,
  ONLOOP_STORE_CHANGE_REVIEWS  = 1 << 4,
  ONLOOP_STORE_CHANGE_SETTINGS = 1 << 5,
} OnloopStoreChange;

#define ONLOOP_TYPE_STORE (onloop_store_get_type ())

G_DECLARE_FINAL_TYPE (OnloopStore, onloop_store, ONLOOP, STORE, GObject)

GQuark       onloop_store_error_quark      (void);

OnloopStore *onloop_store_open             (const char            *path,
                                            OnloopStoreOpenFlags   flags,
                                            GError               **error);
gboolean     onloop_store_check_file       (const char            *path,
                                            GError               **error);
const char  *onloop_store_get_path         (OnloopStore           *self);
int          onloop_store_get_schema_version (OnloopStore         *self);
void         onloop_store_close            (OnloopStore           *self);

gboolean     onloop_store_integrity_check  (OnloopStore           *self,
                                            GError               **error);

char        *onloop_store_get_setting      (OnloopStore           *self,
                                            const char            *key);
gboolean     onloop_store_set_setting      (OnloopStore           *self,
                                            const char            *key,
                                            const char            *value,
                                            GError               **error);
double       onloop_store_get_setting_double (OnloopStore         *self,
                                              const char          *key,
                                              double               fallback);

void         onloop_store_emit_changed     (OnloopStore           *self,
                                            OnloopStoreChange      change);

/* The evaluation kept per event and the weekly aggregates are derived from
 * the log, the published versions, the draft and the spot checks. An edit of
 * any of those marks them stale inside its own transaction; the engine
 * brings them up to date (onloop_engine_refresh()) before they are read. */
gboolean     onloop_store_mark_stale       (OnloopStore           *self,
                                            GError               **error);
/* Marks them stale after an edit of the draft, when the draft is in force. */
gboolean     onloop_store_mark_draft_changed (OnloopStore         *self,
                                              GError             **error);
gboolean     onloop_store_is_stale         (OnloopStore           *self);
gboolean     onloop_store_clear_stale      (OnloopStore           *self,
                                            GError               **error);

G_END_DECLS
