/* test-cli-spec.c: onloop-cli export-spec, import-spec, publish, diff-spec (the real binary)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/wait.h>

#include "onloop-spec.h"
#include "onloop-test-util.h"

#define SPEC \
  "{\n" \
  "  \"format\": \"onloop.spec/1\",\n" \
  "  \"version\": 3,\n" \
  "  \"note\": \"ignored on import\",\n" \
  "  \"decisions\": [\n" \
  "    { \"key\": \"follow-up-timing\", \"title\": \"Follow-up timing\", \"category\": \"execution\",\n" \
  "      \"workflow\": \"follow-ups\", \"phase\": \"exception-only\",\n" \
  "      \"may\": [ { \"id\": \"send_follow_up\", \"label\": \"Send follow-ups\" } ],\n" \
  "      \"must_not\": [ { \"id\": \"commit_pricing\", \"label\": \"Commit to pricing\" } ] },\n" \
  "    { \"key\": \"discounting\", \"title\": \"Whether to discount\", \"category\": \"judgment\" }\n" \
  "  ],\n" \
  "  \"triggers\": [\n" \
  "    { \"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 50000 },\n" \
  "    { \"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"below\": -0.3 },\n" \
  "    { \"id\": \"ethical\", \"kind\": \"ethical\", \"tags\": [\"reference-check\"], \"decisions\": [\"follow-up-timing\"] }\n" \
  "  ]\n" \
  "}\n"

typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
  int   status;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = onloop_test_make_dir ();
  f->db = g_build_filename (f->dir, "team.onloop", NULL);
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

/* Runs onloop-cli --db DB ARGS…; keeps stdout, stderr and the exit status. */
static void
run (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ONLOOP_CLI");
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &wait_status, &error);
  g_assert_no_error (error);
  f->status = g_spawn_check_wait_status (wait_status, NULL) ? 0 :
              WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
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
test_import_export_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *file = write_file (f, "spec.json", SPEC);
  g_autoptr(OnloopSpec) in = onloop_spec_parse (SPEC, -1, NULL);
  g_autoptr(OnloopSpec) out = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  run (f, "init", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "import-spec", file, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "decisions: 2\ntriggers: 3\n");

  run (f, "export-spec", NULL);
  g_assert_cmpint (f->status, ==, 0);
  out = onloop_spec_parse (f->out, -1, &error);
  g_assert_no_error (error);
  /* The draft has no version, date or note. */
  g_assert_cmpint (out->version, ==, 0);
  g_assert_null (out->note);
  g_assert_null (strstr (f->out, "\"version\""));
  changes = onloop_spec_diff (in, out);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_invalid_import (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *good = write_file (f, "spec.json", SPEC);
  g_autofree char *bad = NULL;
  g_autofree char *bad_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *garbage = write_file (f, "garbage.json", "{\"format\": ");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(GStrv) parts = g_strsplit (SPEC, "\"tags\": [\"reference-check\"]", 2);

  bad_text = g_strjoin ("\"tags\": [\"reference-check\"] },\n"
                        "    { \"id\": \"x\", \"kind\": \"deal_size\", \"min_arr\": -1",
                        parts[0], parts[1], NULL);
  bad = write_file (f, "bad.json", bad_text);

  run (f, "init", NULL);
  run (f, "import-spec", good, NULL);
  g_assert_cmpint (f->status, ==, 0);
  before = onloop_test_read_bytes (f->db);

  /* The ethical trigger keeps its scope; the next one is triggers[3]. */
  run (f, "import-spec", bad, NULL);
  g_assert_cmpint (f->status, ==, 1);
  expected = g_strdup_printf ("onloop-cli: %s: triggers[3].min_arr: must be a number ≥ 0\n", bad);
  g_assert_cmpstr (f->err, ==, expected);
  g_assert_cmpstr (f->out, ==, "");

  run (f, "import-spec", garbage, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "onloop-cli: "));
  g_assert_nonnull (strstr (f->err, "garbage.json: not valid JSON"));

  run (f, "import-spec", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "import-spec", good, good, NULL);
  g_assert_cmpint (f->status, ==, 2);

  after = onloop_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_publish_and_versions (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *file = write_file (f, "spec.json", SPEC);
  g_autofree char *raised = NULL;
  g_autofree char *raised_file = NULL;
  g_auto(GStrv) parts = g_strsplit (SPEC, "50000", 2);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  raised = g_strjoin ("75000", parts[0], parts[1], NULL);
  raised_file = write_file (f, "raised.json", raised);

  run (f, "init", NULL);
  run (f, "import-spec", file, NULL);

  before = onloop_test_read_bytes (f->db);
  run (f, "publish", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "publish", "--note", "  ", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_cmpstr (f->err, ==, "onloop-cli: Publishing needs a note that says what changed and why\n");
  after = onloop_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  run (f, "publish", "--note", "First spec", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n");

  run (f, "import-spec", raised_file, NULL);
  run (f, "diff-spec", "1", "draft", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "deal-size: min_arr 50,000 → 75,000\n");

  run (f, "publish", "--note", "Raise the deal-size threshold", NULL);
  g_assert_cmpstr (f->out, ==, "2\n");

  run (f, "export-spec", "--version", "1", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "\"version\": 1,"));
  g_assert_nonnull (strstr (f->out, "\"note\": \"First spec\","));
  g_assert_nonnull (strstr (f->out, "\"min_arr\": 50000"));

  run (f, "diff-spec", "1", "2", NULL);
  g_assert_cmpstr (f->out, ==, "deal-size: min_arr 50,000 → 75,000\n");
  run (f, "diff-spec", "latest", "draft", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "");

  run (f, "export-spec", "--version", "9", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_cmpstr (f->err, ==, "onloop-cli: There is no version 9 of the spec\n");
  run (f, "diff-spec", "1", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "diff-spec", "one", "2", NULL);
  g_assert_cmpint (f->status, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/spec/import-export-round-trip", Fixture, NULL, fixture_setup,
              test_import_export_round_trip, fixture_teardown);
  g_test_add ("/cli/spec/invalid-import-exit-1-unchanged", Fixture, NULL, fixture_setup,
              test_invalid_import, fixture_teardown);
  g_test_add ("/cli/spec/publish-versions-diff", Fixture, NULL, fixture_setup,
              test_publish_and_versions, fixture_teardown);

  return g_test_run ();
}
