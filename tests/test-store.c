/* test-store.c: the workspace file — create, reopen, migrate, refuse
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "onloop-store-map.h"
#include "onloop-store-private.h"
#include "onloop-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "team.onloop", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint32
header_u32 (GBytes *bytes,
            gsize   offset)
{
  const guint8 *p = g_bytes_get_data (bytes, NULL);

  return ((guint32) p[offset] << 24) | ((guint32) p[offset + 1] << 16) |
         ((guint32) p[offset + 2] << 8) | p[offset + 3];
}

static void
add_decision (OnloopStore    *store,
              const char     *key,
              const char     *title,
              OnloopCategory  category)
{
  g_autoptr(OnloopDecision) decision = onloop_decision_new (key, title);
  g_autoptr(GError) error = NULL;

  onloop_decision_set_category (decision, category);
  onloop_decision_set_position (decision, G_MAXUINT);
  onloop_store_insert_decision (store, decision, &error);
  g_assert_no_error (error);
}

static void
test_create_identity (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (onloop_store_get_schema_version (store), ==, ONLOOP_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  /* Closed, the workspace is one file: no -wal, no -shm, no temporary. */
  onloop_test_assert_dir_entries (f->dir, 1);

  bytes = onloop_test_read_bytes (f->path);
  g_assert_cmpuint (header_u32 (bytes, 68), ==, ONLOOP_STORE_APPLICATION_ID);
  g_assert_cmpuint (header_u32 (bytes, 60), ==, ONLOOP_STORE_SCHEMA_VERSION);

  /* Like any document the person saves: their umask decides who reads it. */
  {
    mode_t mask = umask (022);
    GStatBuf st;

    umask (mask);
    g_assert_cmpint (g_stat (f->path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
  }
}

static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "team.onloop"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_reopen_keeps_edits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_decision (store, "lead-scoring", "Lead scoring", ONLOOP_CATEGORY_EXECUTION);
  add_decision (store, "walk-away", "Walk away from a deal", ONLOOP_CATEGORY_JUDGMENT);
  onloop_store_set_setting (store, "currency", "EUR", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  decisions = onloop_store_list_decisions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpstr (onloop_decision_get_key (decisions->pdata[0]), ==, "lead-scoring");
  g_assert_cmpint (onloop_decision_get_category (decisions->pdata[1]), ==,
                   ONLOOP_CATEGORY_JUDGMENT);
  currency = onloop_store_get_setting (store, "currency");
  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_cmpfloat (onloop_store_get_setting_double (store, "diagnosis.too_loose", 0), ==, 0.05);
}

/* Each committed fixture is a workspace as an older Onloop wrote it, with a
 * little data in it; opening it must migrate it and keep the data. */
static void
test_migrate_fixture (Fixture       *f,
                      gconstpointer  data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *name = g_strdup_printf ("workspace-v%d.onloop", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GBytes) original = onloop_test_read_bytes (fixture);
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(OnloopDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  onloop_test_write (f->path, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  {
    g_autoptr(GBytes) bytes = onloop_test_read_bytes (f->path);
    g_assert_cmpuint (header_u32 (bytes, 60), ==, version);
  }

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (onloop_store_get_schema_version (store), ==, ONLOOP_STORE_SCHEMA_VERSION);

  decision = onloop_store_get_decision (store, "follow-up-timing", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (onloop_decision_get_title (decision), ==, "Follow-up timing");
  g_assert_cmpint (onloop_decision_get_category (decision), ==, ONLOOP_CATEGORY_EXECUTION);

  /* The newest tables exist and are usable. */
  stmt = onloop_store_statement (store, "SELECT count(*) FROM events", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);

  if (version >= 2)
    {
      stmt = onloop_store_statement (store, "SELECT item FROM boundary_items", &error);
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "send_follow_up");
      sqlite3_reset (stmt);
    }

  g_assert_true (onloop_store_integrity_check (store, &error));
  g_assert_no_error (error);
}

/* Creates the fixture files: `test-store --make-fixtures DIR`. */
static int
make_fixtures (const char *dir)
{
  for (int version = 1; version < ONLOOP_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("workspace-v%d.onloop", version);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(OnloopStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_unlink (path);
      store = onloop_store_create_at_version (path, version, &error);
      g_assert_no_error (error);
      onloop_store_exec (store,
                         "INSERT INTO workflows (name) VALUES ('follow-ups');"
                         "INSERT INTO decisions (key, title, workflow, category)"
                         " VALUES ('follow-up-timing', 'Follow-up timing', 'follow-ups', 'execution');",
                         &error);
      g_assert_no_error (error);
      if (version >= 2)
        onloop_store_exec (store,
                           "INSERT INTO boundary_items (decision, kind, item, label)"
                           " VALUES ('follow-up-timing', 'may', 'send_follow_up', 'Send follow-ups');",
                           &error);
      g_assert_no_error (error);
      onloop_store_exec (store, "PRAGMA journal_mode = DELETE", &error);
      g_assert_no_error (error);
    }

  return 0;
}

typedef void (*SpoilFunc) (const char *path);

static void
spoil_text (const char *path)
{
  onloop_test_write (path, "key,title\nlead-scoring,Lead scoring\n", -1);
}

static void
spoil_empty (const char *path)
{
  onloop_test_write (path, "", 0);
}

static void
spoil_foreign (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT);"
                                     "INSERT INTO contacts VALUES ('Dana');", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_workspace (const char *path)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_decision (store, "lead-scoring", "Lead scoring", ONLOOP_CATEGORY_EXECUTION);
}

static void
patch_bytes (const char *path,
             gsize       offset,
             const void *data,
             gsize       len)
{
  g_autoptr(GBytes) bytes = onloop_test_read_bytes (path);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (offset + len, <=, g_bytes_get_size (bytes));
  memcpy (copy + offset, data, len);
  onloop_test_write (path, (const char *) copy, g_bytes_get_size (bytes));
}

static void
spoil_too_new (const char *path)
{
  const guint8 version[4] = { 0, 0, 0, 99 };

  make_workspace (path);
  patch_bytes (path, 60, version, sizeof version);
}

static void
spoil_corrupt_schema (const char *path)
{
  guint8 garbage[3000];

  make_workspace (path);
  memset (garbage, 0xa5, sizeof garbage);
  /* Page 1 after the header holds the schema's b-tree. */
  patch_bytes (path, 100, garbage, sizeof garbage);
}

static void
spoil_truncated (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;

  make_workspace (path);
  bytes = onloop_test_read_bytes (path);
  onloop_test_write (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2 + 7);
}

static void
spoil_directory (const char *path)
{
  g_mkdir (path, 0700);
}

typedef struct
{
  const char *name;
  SpoilFunc   spoil;
  int         code;
  const char *says;
} Refusal;

static const Refusal refusals[] = {
  { "not-sqlite", spoil_text, ONLOOP_STORE_ERROR_NOT_SQLITE, "not an Onloop workspace" },
  { "empty", spoil_empty, ONLOOP_STORE_ERROR_NOT_SQLITE, "empty" },
  { "foreign-sqlite", spoil_foreign, ONLOOP_STORE_ERROR_FOREIGN, "another application" },
  { "newer-onloop", spoil_too_new, ONLOOP_STORE_ERROR_TOO_NEW, "newer version of Onloop" },
  { "corrupt", spoil_corrupt_schema, ONLOOP_STORE_ERROR_CORRUPT, "damaged" },
  { "truncated", spoil_truncated, ONLOOP_STORE_ERROR_CORRUPT, "damaged" },
  { "directory", spoil_directory, ONLOOP_STORE_ERROR_IO, "folder" },
};

static void
test_refuse (Fixture       *f,
             gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  gboolean is_dir;

  refusal->spoil (f->path);
  is_dir = g_file_test (f->path, G_FILE_TEST_IS_DIR);
  if (!is_dir)
    before = onloop_test_read_bytes (f->path);

  g_assert_false (onloop_store_check_file (f->path, &check_error));
  g_assert_error (check_error, ONLOOP_STORE_ERROR, refusal->code);

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, ONLOOP_STORE_ERROR, refusal->code);
  g_assert_nonnull (strstr (error->message, "team.onloop"));
  if (strstr (error->message, refusal->says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, refusal->says);

  /* Not a byte changed, and nothing created beside it. */
  onloop_test_assert_dir_entries (f->dir, 1);
  if (!is_dir)
    {
      after = onloop_test_read_bytes (f->path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
count_change_cb (OnloopStore *store,
                 guint        change,
                 guint       *seen)
{
  *seen |= change;
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint seen = 0;

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (count_change_cb), &seen);

  g_assert_cmpfloat (onloop_store_get_setting_double (store, "diagnosis.in_the_loop", 0), ==, 0.20);
  g_assert_true (onloop_store_set_setting (store, "diagnosis.in_the_loop", "0.25", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, ONLOOP_STORE_CHANGE_SETTINGS);
  g_assert_cmpfloat (onloop_store_get_setting_double (store, "diagnosis.in_the_loop", 0), ==, 0.25);
  g_assert_cmpfloat (onloop_store_get_setting_double (store, "no-such-key", 7), ==, 7);
}

static char *
run_sync (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The app opens a second connection on its own workspace (a view's worker,
 * an import) while another program uses the file too. Checking the file
 * before opening must not release the locks the first connection holds, or
 * the other program, when it closes, deletes the write-ahead log under the
 * app and the app's next edits never reach the file. */
static void
test_second_open_keeps_locks (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(OnloopStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *out = NULL;
  const char *cli = g_getenv ("ONLOOP_CLI");
  const char *sqlite[] = { "sqlite3", f->path, "SELECT value FROM settings WHERE key = 'currency'", NULL };

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  onloop_store_set_setting (store, "currency", "GBP", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* An empty log makes the second open check the contents as well. */
  onloop_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error);
  g_assert_no_error (error);

  second = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&second);

  /* Another program opens the workspace and closes it again. */
  g_assert_nonnull (cli);
  {
    const char *argv[] = { cli, "--db", f->path, "export-map", NULL };
    g_free (run_sync (argv));
  }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  onloop_store_set_setting (store, "currency", "EUR", &error);
  g_assert_no_error (error);
  out = run_sync (sqlite);
  g_assert_cmpstr (g_strstrip (out), ==, "EUR");
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--make-fixtures"))
    return make_fixtures (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/create/has-identity-and-leaves-one-file", Fixture, NULL,
              fixture_setup, test_create_identity, fixture_teardown);
  g_test_add ("/store/open/missing-file-is-not-created", Fixture, NULL,
              fixture_setup, test_open_missing, fixture_teardown);
  g_test_add ("/store/reopen/keeps-edits", Fixture, NULL,
              fixture_setup, test_reopen_keeps_edits, fixture_teardown);
  g_test_add ("/store/settings/defaults-and-changes", Fixture, NULL,
              fixture_setup, test_settings, fixture_teardown);
  g_test_add ("/store/open/second-connection-keeps-first-ones-locks", Fixture, NULL,
              fixture_setup, test_second_open_keeps_locks, fixture_teardown);

  for (int version = 1; version < ONLOOP_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = g_strdup_printf ("/store/migrate/from-v%d-fixture", version);
      g_test_add (path, Fixture, GINT_TO_POINTER (version),
                  fixture_setup, test_migrate_fixture, fixture_teardown);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/refuse/%s-untouched", refusals[i].name);
      g_test_add (path, Fixture, &refusals[i], fixture_setup, test_refuse, fixture_teardown);
    }

  return g_test_run ();
}
