/* test-cli-data.c: onloop-cli import-map, export-map, import-time, mark,
 * export-marks and demo (the real binary)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/wait.h>

#include "onloop-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
  int   status;
} Fixture;

/* Runs onloop-cli --db DB ARGS…; keeps stdout, stderr and the exit status. */
static void
run (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ONLOOP_CLI");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  f->status = WEXITSTATUS (wait_status);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  onloop_test_write (path, contents, -1);
  return path;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = onloop_test_make_dir ();
  f->db = g_build_filename (f->dir, "team.onloop", NULL);
  run (f, "init", NULL);
  g_assert_cmpint (f->status, ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

static void
test_map_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = write_file (f, "map.csv",
                                     "key,title,workflow,category,description\n"
                                     "follow-up-timing,Follow-up timing,Follow-ups,execution,\"When, and how often\"\n"
                                     "discount,=1+1,Pricing,judgment,-5 % at most\n"
                                     "later,Later,,unsorted,\n");
  g_autofree char *json = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *first_json = NULL;

  run (f, "import-map", csv, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "added: 3\nupdated: 0\nunchanged: 0\n");

  run (f, "export-map", "--format", "csv", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "key,title,workflow,category,description\r\n"
                   "later,Later,,unsorted,\r\n"
                   "follow-up-timing,Follow-up timing,Follow-ups,execution,\"When, and how often\"\r\n"
                   "discount,'=1+1,Pricing,judgment,'-5 % at most\r\n");

  /* JSON out, JSON back in: nothing changes. */
  run (f, "export-map", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "{\n  \"format\": \"onloop.map/1\""));
  first_json = g_strdup (f->out);
  json_path = write_file (f, "map.json", first_json);
  run (f, "import-map", json_path, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "added: 0\nupdated: 0\nunchanged: 3\n");
  run (f, "export-map", "--format", "json", NULL);
  g_assert_cmpstr (f->out, ==, first_json);

  /* The exported CSV imports back unchanged too. */
  run (f, "export-map", "--format", "csv", NULL);
  json = write_file (f, "again.csv", f->out);
  run (f, "import-map", json, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "added: 0\nupdated: 0\nunchanged: 3\n");
}

static void
test_map_bad_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *good = write_file (f, "good.csv", "key,title\na,A\n");
  g_autofree char *bad = write_file (f, "bad.csv", "key,title\nb,B\nc,\"never closed\n");
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  run (f, "import-map", good, NULL);
  g_assert_cmpint (f->status, ==, 0);
  before = onloop_test_read_bytes (f->db);

  run (f, "import-map", bad, NULL);
  g_assert_cmpint (f->status, ==, 1);
  expected = g_strdup_printf ("onloop-cli: %s:3: a quoted cell is never closed\n", bad);
  g_assert_cmpstr (f->err, ==, expected);
  g_assert_cmpstr (f->out, ==, "");
  after = onloop_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  /* Usage errors exit 2. */
  run (f, "import-map", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "export-map", "--format", "xml", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "--format must be json or csv"));
}

static void
test_import_time (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *good = write_file (f, "time.json",
                                      "[{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"coaching\": 5},"
                                      " {\"week\": \"2026-W45\", \"manager\": \"Sam\", \"strategy\": 2}]");
  g_autofree char *bad = write_file (f, "bad.json",
                                     "{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"coachng\": 5}");
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  run (f, "import-time", good, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "time entries: 2\n");

  before = onloop_test_read_bytes (f->db);
  run (f, "import-time", bad, NULL);
  g_assert_cmpint (f->status, ==, 1);
  expected = g_strdup_printf ("onloop-cli: %s: coachng: unknown field", bad);
  g_assert_true (g_str_has_prefix (f->err, expected));
  after = onloop_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *log = write_file (f, "log.jsonl",
                                     "{\"id\": \"e-1\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"x\", \"action\": \"y\"}\n"
                                     "{\"id\": \"e-2\", \"at\": \"2026-11-03T09:00:00Z\", \"decision\": \"x\", \"action\": \"y\"}\n");
  g_auto(GStrv) lines = NULL;

  run (f, "import-log", log, NULL);
  g_assert_cmpint (f->status, ==, 0);

  run (f, "mark", "e-2", "quality-issue", "--note", "@channel: wrong tone", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "mark", "e-1", "ok", NULL);
  g_assert_cmpint (f->status, ==, 0);

  run (f, "export-marks", "--format", "csv", NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = g_strsplit (f->out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "event,at,decision,action,verdict,note,checked_at");
  g_assert_true (g_str_has_prefix (lines[1], "e-1,2026-11-02T09:00:00Z,x,y,ok,,"));
  g_assert_true (g_str_has_prefix (lines[2], "e-2,2026-11-03T09:00:00Z,x,y,quality-issue,'@channel: wrong tone,"));

  run (f, "export-marks", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "\"note\": \"@channel: wrong tone\""));

  run (f, "mark", "e-2", "clear", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "export-marks", "--format", "csv", NULL);
  g_assert_null (strstr (f->out, "e-2"));

  /* An unknown event is bad input; an unknown mark is a usage error. */
  run (f, "mark", "e-9", "ok", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "e-9"));
  run (f, "mark", "e-1", "maybe", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) before = onloop_test_read_bytes (f->db);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *first = NULL;

  /* team.onloop exists (init made it): the demo never overwrites it. */
  run (f, "demo", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "already exists"));
  after = onloop_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  g_free (f->db);
  f->db = g_build_filename (f->dir, "demo.onloop", NULL);
  run (f, "demo", NULL);
  g_assert_cmpint (f->status, ==, 0);

  /* The story shows in the table a person reads. */
  run (f, "metrics", "--format", "table", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "2026-W35"));
  g_assert_nonnull (strstr (f->out, "2026-W46"));
  g_assert_nonnull (strstr (f->out, "human-in-the-loop"));
  g_assert_nonnull (strstr (f->out, "too loose"));
  g_assert_nonnull (strstr (f->out, "on target"));

  run (f, "export-map", "--format", "csv", NULL);
  first = g_strdup (f->out);

  /* A second demo is the same demo. */
  g_free (f->db);
  f->db = g_build_filename (f->dir, "demo2.onloop", NULL);
  run (f, "demo", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "export-map", "--format", "csv", NULL);
  g_assert_cmpstr (f->out, ==, first);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-data/map/round-trip", Fixture, NULL,
              fixture_setup, test_map_round_trip, fixture_teardown);
  g_test_add ("/cli-data/map/bad-input", Fixture, NULL,
              fixture_setup, test_map_bad_input, fixture_teardown);
  g_test_add ("/cli-data/import-time", Fixture, NULL,
              fixture_setup, test_import_time, fixture_teardown);
  g_test_add ("/cli-data/marks", Fixture, NULL,
              fixture_setup, test_marks, fixture_teardown);
  g_test_add ("/cli-data/demo", Fixture, NULL,
              fixture_setup, test_demo, fixture_teardown);

  return g_test_run ();
}
