/* onloop-store.c: the workspace file
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "onloop-store-private.h"
#include "onloop-store-schema.h"

struct _OnloopStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       txn_depth;
};

G_DEFINE_FINAL_TYPE (OnloopStore, onloop_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (onloop-store-error-quark, onloop_store_error)

/* The SQLite header: the magic string, then big-endian fields at fixed
 * offsets (https://www.sqlite.org/fileformat.html#the_database_header). */
#define SQLITE_HEADER_SIZE     100
#define SQLITE_MAGIC           "SQLite format 3"
#define HEADER_USER_VERSION    60
#define HEADER_APPLICATION_ID  68

/* Below this size a full quick_check runs on open; above it only the schema
 * is read, because checking every page of a large log would delay the first
 * frame by seconds. Damage in data pages is then reported when it is read. */
#define QUICK_CHECK_MAX_BYTES  (64 * 1024 * 1024)

static void
onloop_store_dispose (GObject *object)
{
  OnloopStore *self = ONLOOP_STORE (object);

  onloop_store_close (self);

  G_OBJECT_CLASS (onloop_store_parent_class)->dispose (object);
}

static void
onloop_store_finalize (GObject *object)
{
  OnloopStore *self = ONLOOP_STORE (object);

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (onloop_store_parent_class)->finalize (object);
}

static void
onloop_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OnloopStore *self = ONLOOP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_store_class_init (OnloopStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onloop_store_dispose;
  object_class->finalize = onloop_store_finalize;
  object_class->get_property = onloop_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnloopStore::changed:
   * @change: the #OnloopStoreChange flags of what changed
   *
   * Emitted after a committed edit, so that models can reload what they show.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
onloop_store_init (OnloopStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

void
onloop_store_close (OnloopStore *self)
{
  g_return_if_fail (ONLOOP_IS_STORE (self));

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* The last connection to close checkpoints the WAL and removes the
       * -wal and -shm files, so a closed workspace is one file again. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

sqlite3 *
onloop_store_get_db (OnloopStore *self)
{
  return self->db;
}

const char *
onloop_store_get_path (OnloopStore *self)
{
  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  return self->path;
}

void
onloop_store_set_error (OnloopStore *self,
                        GError     **error,
                        const char  *what)
{
  int code = self->db != NULL ? sqlite3_extended_errcode (self->db) : SQLITE_ERROR;
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : "not open";
  OnloopStoreError domain_code;

  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      domain_code = ONLOOP_STORE_ERROR_CORRUPT;
      break;

    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      domain_code = ONLOOP_STORE_ERROR_INVALID;
      break;

    case SQLITE_INTERRUPT:
      domain_code = ONLOOP_STORE_ERROR_CANCELLED;
      break;

    default:
      domain_code = ONLOOP_STORE_ERROR_IO;
    }

  g_set_error (error, ONLOOP_STORE_ERROR, domain_code,
               "%s: %s: %s", self->path, what, message);
}

gboolean
onloop_store_exec (OnloopStore *self,
                   const char  *sql,
                   GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      onloop_store_set_error (self, error, _("Could not update the workspace"));
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
onloop_store_statement (OnloopStore *self,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      onloop_store_set_error (self, error, _("Could not read the workspace"));
      g_critical ("Cannot prepare %s: %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

gboolean
onloop_store_step_done (OnloopStore  *self,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      onloop_store_set_error (self, error, _("Could not save to the workspace"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
onloop_store_begin (OnloopStore *self,
                    GError     **error)
{
  if (self->txn_depth == 0 && !onloop_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->txn_depth++;
  return TRUE;
}

gboolean
onloop_store_commit (OnloopStore *self,
                     GError     **error)
{
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (self->txn_depth > 1)
    {
      self->txn_depth--;
      return TRUE;
    }

  if (!onloop_store_exec (self, "COMMIT", error))
    {
      onloop_store_rollback (self);
      return FALSE;
    }

  self->txn_depth = 0;
  return TRUE;
}

void
onloop_store_rollback (OnloopStore *self)
{
  if (self->txn_depth == 0)
    return;

  self->txn_depth = 0;
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
onloop_store_emit_changed (OnloopStore       *self,
                           OnloopStoreChange  change)
{
  g_return_if_fail (ONLOOP_IS_STORE (self));

  g_signal_emit (self, signals[CHANGED], 0, (guint) change);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

/* Whether a write-ahead log with frames lies beside the workspace: the
 * process that wrote it died (kill -9, power loss) before it checkpointed
 * and removed it. Then the main file alone is not the workspace: a
 * checkpoint cut short can leave its header counting pages that only the
 * log holds yet. SQLite replays the log when it opens the file, so the
 * checks of the main file's size and pages below would refuse a workspace
 * that is whole. */
static gboolean
has_hot_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  /* 32 bytes of header, then frames. */
  return g_stat (wal, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 32;
}

/* Reads the header with plain I/O, so that a file that is not ours is
 * refused before SQLite could touch it (or create a journal beside it). */
/* Reads the first bytes of @path through SQLite's own file layer. Opening
 * and closing the file with open()/close() would release every POSIX lock
 * this process holds on it (they belong to the process, not to the
 * descriptor): a workspace already open here would lose its shared lock, and
 * another process closing its connection could then delete the write-ahead
 * log under it, with the edits committed after that. SQLite keeps such a
 * descriptor open until the process's last lock on the file is gone. */
static gboolean
read_header (const char *path,
             guint8      header[SQLITE_HEADER_SIZE],
             gssize     *n_read)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  sqlite3_int64 size = 0;
  int out_flags = 0;
  int rc;

  rc = vfs->xOpen (vfs, path, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
  if (rc != SQLITE_OK)
    {
      /* A failed xOpen may still have set pMethods, and then wants xClose. */
      if (file->pMethods != NULL)
        file->pMethods->xClose (file);
      return FALSE;
    }

  rc = file->pMethods->xFileSize (file, &size);
  *n_read = MIN (size, SQLITE_HEADER_SIZE);
  if (rc == SQLITE_OK && *n_read > 0)
    rc = file->pMethods->xRead (file, header, (int) *n_read, 0);
  file->pMethods->xClose (file);

  return rc == SQLITE_OK;
}

static gboolean
check_header (const char *path,
              int        *user_version,
              GError    **error)
{
  g_autofree char *name = display_name (path);
  guint8 header[SQLITE_HEADER_SIZE];
  struct stat st;
  gssize n_read = 0;
  guint32 page_size;
  guint32 n_pages;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, ONLOOP_STORE_ERROR,
                   saved_errno == ENOENT ? ONLOOP_STORE_ERROR_NOT_FOUND : ONLOOP_STORE_ERROR_IO,
                   _("%s: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO,
                   _("%s: is a folder, not a workspace file"), name);
      return FALSE;
    }

  errno = 0;
  if (g_access (path, R_OK) != 0 || !read_header (path, header, &n_read))
    {
      int saved_errno = errno;
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO,
                   _("%s: %s"), name,
                   saved_errno != 0 ? g_strerror (saved_errno) : _("the file cannot be read"));
      return FALSE;
    }

  if (n_read == 0)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_SQLITE,
                   _("%s: the file is empty, not an Onloop workspace"), name);
      return FALSE;
    }

  if (n_read < SQLITE_HEADER_SIZE || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_SQLITE,
                   _("%s: not an Onloop workspace (not an SQLite database)"), name);
      return FALSE;
    }

  if (read_be32 (header + HEADER_APPLICATION_ID) != ONLOOP_STORE_APPLICATION_ID)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_FOREIGN,
                   _("%s: an SQLite database of another application, not an Onloop workspace"),
                   name);
      return FALSE;
    }

  *user_version = (int) read_be32 (header + HEADER_USER_VERSION);
  if (*user_version > ONLOOP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_TOO_NEW,
                   _("%s: made by a newer version of Onloop (workspace format %d, this version reads up to %d); update Onloop to open it"),
                   name, *user_version, ONLOOP_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (*user_version < 1)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT,
                   _("%s: the workspace was never completely created"), name);
      return FALSE;
    }

  /* The page count in the header is valid when the two change counters
   * agree; a file shorter than that count of pages has been cut off. */
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  if (read_be32 (header + 24) == read_be32 (header + 92) && !has_hot_wal (path) &&
      (page_size < 512 || (guint64) st.st_size < (guint64) page_size * n_pages))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT,
                   _("%s: the file is damaged (truncated)"), name);
      return FALSE;
    }

  return TRUE;
}

/* Opens a read-only, immutable connection (no journal, no -wal/-shm files,
 * no lock files) and reads the schema, and for small files every page. */
static gboolean
check_contents (const char *path,
                GError    **error)
{
  g_autofree char *name = display_name (path);
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable_uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  struct stat st;
  gboolean ok = FALSE;
  int rc;

  /* g_filename_to_uri() wants an absolute path; "--db team.onloop" is not. */
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return FALSE;
  immutable_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);

  rc = sqlite3_open_v2 (immutable_uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    goto damaged;

  rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    goto damaged;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (g_stat (path, &st) == 0 && st.st_size <= QUICK_CHECK_MAX_BYTES)
    {
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
      if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
        goto damaged;
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        goto damaged;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  ok = TRUE;

damaged:
  if (!ok)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT,
                 _("%s: the file is damaged and cannot be opened (%s)"),
                 name, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);

  return ok;
}

/**
 * onloop_store_check_file:
 * @path: a file name
 * @error: return location for the reason the file cannot be opened
 *
 * Checks whether @path is an Onloop workspace this version can open,
 * without writing anything to it or beside it.
 *
 * Returns: %TRUE if onloop_store_open() may open it
 */
gboolean
onloop_store_check_file (const char *path,
                         GError    **error)
{
  int user_version = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  return check_header (path, &user_version, error) &&
         (has_hot_wal (path) || check_contents (path, error));
}

static gboolean
configure_connection (OnloopStore *self,
                      GError     **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  /* WAL lets the app read while an import writes; synchronous=FULL makes a
   * commit durable before the call returns, so a crash loses no edit. The
   * page size counts only for a new file (it must come before WAL): the log
   * table and its index fill 16 KiB pages with a quarter of the page
   * splits, which makes importing a million events about 15 % faster
   * (tests/bench/bench-import.sh, PAGE_SIZE). */
  return onloop_store_exec (self,
                            "PRAGMA page_size = 16384;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA temp_store = MEMORY;",
                            error);
}

static gboolean
migrate (OnloopStore *self,
         int          from_version,
         int          to_version,
         GError     **error)
{
  for (int version = from_version + 1; version <= to_version; version++)
    {
      g_autofree char *bump = NULL;

      if (!onloop_store_begin (self, error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA user_version = %d;", version);
      if (!onloop_store_exec (self, onloop_store_migrations[version - 1], error) ||
          (version == 1 && !onloop_store_exec (self, "PRAGMA application_id = 1330531408;", error)) ||
          !onloop_store_exec (self, bump, error) ||
          !onloop_store_commit (self, error))
        {
          onloop_store_rollback (self);
          return FALSE;
        }
    }

  return TRUE;
}

static OnloopStore *
open_connection (const char *path,
                 int         flags,
                 GError    **error)
{
  g_autoptr(OnloopStore) self = g_object_new (ONLOOP_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_autofree char *name = display_name (path);
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO,
                   _("%s: cannot open for writing: %s"), name,
                   self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* A new workspace is built under a temporary name and renamed into place,
 * so an interrupted "New" never leaves a half-made file under the name. */
static OnloopStore *
create_workspace (const char *path,
                  int         version,
                  GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (dir, tmpl, NULL);
  g_autoptr(OnloopStore) staging = NULL;
  int fd;

  /* A document the person's umask decides who may read, as any file they
   * save (g_mkstemp() would make it private to them). */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (path);
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO,
                   _("%s: cannot create the workspace: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  staging = open_connection (tmp_path, SQLITE_OPEN_READWRITE, error);
  if (staging == NULL || !migrate (staging, 0, version, error))
    {
      g_clear_object (&staging);
      g_unlink (tmp_path);
      return NULL;
    }
  onloop_store_close (staging);

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (path);
      g_unlink (tmp_path);
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO,
                   _("%s: cannot create the workspace: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  return open_connection (path, SQLITE_OPEN_READWRITE, error);
}

/**
 * onloop_store_open:
 * @path: the workspace file
 * @flags: #OnloopStoreOpenFlags
 * @error: return location for a #GError
 *
 * Opens a workspace, creating it if asked to, and brings an older one up to
 * the current schema. A file that is not a workspace this version can open
 * is refused with an #ONLOOP_STORE_ERROR and left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL
 */
OnloopStore *
onloop_store_open (const char            *path,
                   OnloopStoreOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(OnloopStore) self = NULL;
  int user_version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if ((flags & ONLOOP_STORE_OPEN_CREATE) != 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
    return create_workspace (path, ONLOOP_STORE_SCHEMA_VERSION, error);

  if (!check_header (path, &user_version, error) ||
      (!has_hot_wal (path) && !check_contents (path, error)))
    return NULL;

  self = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (self == NULL)
    return NULL;

  if (user_version < ONLOOP_STORE_SCHEMA_VERSION &&
      !migrate (self, user_version, ONLOOP_STORE_SCHEMA_VERSION, error))
    return NULL;

  return g_steal_pointer (&self);
}

OnloopStore *
onloop_store_create_at_version (const char *path,
                                int         version,
                                GError    **error)
{
  g_return_val_if_fail (version >= 1 && version <= ONLOOP_STORE_SCHEMA_VERSION, NULL);

  return create_workspace (path, version, error);
}

int
onloop_store_get_schema_version (OnloopStore *self)
{
  sqlite3_stmt *stmt = onloop_store_statement (self, "PRAGMA user_version", NULL);
  int version = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

gboolean
onloop_store_integrity_check (OnloopStore *self,
                              GError     **error)
{
  sqlite3_stmt *stmt = onloop_store_statement (self, "PRAGMA integrity_check(1)", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;

  ok = sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 (onloop_sqlite_text (stmt, 0), "ok") == 0;
  if (!ok)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT,
                 _("%s: integrity check failed: %s"), self->path, onloop_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);

  return ok;
}

char *
onloop_store_get_setting (OnloopStore *self,
                          const char  *key)
{
  sqlite3_stmt *stmt = onloop_store_statement (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (onloop_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

double
onloop_store_get_setting_double (OnloopStore *self,
                                 const char  *key,
                                 double       fallback)
{
  g_autofree char *text = onloop_store_get_setting (self, key);
  char *end = NULL;
  double value;

  if (text == NULL)
    return fallback;

  value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' ? value : fallback;
}

gboolean
onloop_store_set_setting (OnloopStore *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self,
                                 "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!onloop_store_step_done (self, stmt, error))
    return FALSE;

  onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_SETTINGS);
  return TRUE;
}

gboolean
onloop_store_mark_stale (OnloopStore *self,
                         GError     **error)
{
  return onloop_store_exec (self,
                            "INSERT INTO settings (key, value) VALUES ('engine.stale', '1')"
                            " ON CONFLICT (key) DO UPDATE SET value = '1'",
                            error);
}

/* The draft is the spec in force only while no version is published; after
 * that, editing it (the map's categories, boundaries, triggers) changes no
 * evaluation the workspace keeps, so there is nothing to recompute. */
gboolean
onloop_store_mark_draft_changed (OnloopStore *self,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean published;

  stmt = onloop_store_statement (self, "SELECT EXISTS (SELECT 1 FROM spec_versions)", error);
  if (stmt == NULL)
    return FALSE;
  published = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return published || onloop_store_mark_stale (self, error);
}

gboolean
onloop_store_clear_stale (OnloopStore *self,
                          GError     **error)
{
  return onloop_store_exec (self, "DELETE FROM settings WHERE key = 'engine.stale'", error);
}

gboolean
onloop_store_is_stale (OnloopStore *self)
{
  g_autofree char *value = onloop_store_get_setting (self, "engine.stale");

  /* "1": an edit needs a refresh; "2": a refresh began and did not finish. */
  return value != NULL;
}
