/* test-cli-engine.c: onloop-cli evaluate, metrics, calibrate, sample (the real binary)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "onloop-test-util.h"

#define SPEC \
  "{\"format\": \"onloop.spec/1\", \"decisions\": [" \
  " {\"key\": \"follow-up\", \"title\": \"Follow-up\", \"category\": \"execution\"," \
  "  \"may\": [{\"id\": \"send\", \"label\": \"Send\"}], \"must_not\": [{\"id\": \"commit_pricing\", \"label\": \"C\"}]}]," \
  " \"triggers\": [" \
  "  {\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 50000}," \
  "  {\"id\": \"first-time\", \"kind\": \"first_time\", \"fields\": [\"industry\"]}]}"

#define LINE(id, at, action, ctx, outcome) \
  "{\"id\": \"" id "\", \"at\": \"" at "\", \"decision\": \"follow-up\", \"action\": \"" action "\"," \
  " \"context\": {" ctx "}, \"outcome\": {" outcome "}}\n"

typedef struct
{
  char *dir;
  char *db;
  char *spec;
  char *out;
  char *err;
  int   status;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = onloop_test_make_dir ();
  f->db = g_build_filename (f->dir, "team.onloop", NULL);
  f->spec = g_build_filename (f->dir, "spec.json", NULL);
  onloop_test_write (f->spec, SPEC, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->spec);
  g_free (f->out);
  g_free (f->err);
}

/* Runs onloop-cli ARGS… (NULL-terminated) with @input on stdin. */
static void
run_argv (Fixture     *f,
          const char  *input,
          const char **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ONLOOP_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &f->out, &f->err, &error);
  g_assert_no_error (error);
  f->status = g_subprocess_get_exit_status (process);
}

#define RUN(f, input, ...) G_STMT_START { const char *argv_[] = { __VA_ARGS__, NULL }; run_argv (f, input, argv_); } G_STMT_END

static void
make_workspace (Fixture    *f,
                const char *log)
{
  g_autofree char *log_path = g_build_filename (f->dir, "log.jsonl", NULL);

  RUN (f, NULL, "--db", f->db, "init");
  g_assert_cmpint (f->status, ==, 0);
  RUN (f, NULL, "--db", f->db, "import-spec", f->spec);
  g_assert_cmpint (f->status, ==, 0);
  onloop_test_write (log_path, log, -1);
  RUN (f, NULL, "--db", f->db, "import-log", log_path);
  g_assert_cmpint (f->status, ==, 0);
}

static void
test_evaluate (Fixture       *f,
               gconstpointer  data)
{
  RUN (f,
       LINE ("1", "2026-11-02T09:00:00Z", "send", "\"deal_arr\": 60000", "")
       "\n"
       LINE ("2", "2026-11-02T10:00:00Z", "commit_pricing", "\"industry\": \"Retail\"", "")
       "   \r\n"
       LINE ("3", "2026-11-02T11:00:00Z", "send", "\"industry\": \" retail\"", ""),
       "evaluate", "--spec", f->spec);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "{\"id\": \"1\", \"escalate\": true, \"reasons\": [\"deal-size\"]}\n"
                   "{\"id\": \"2\", \"escalate\": true, \"reasons\": [\"first-time\", \"prohibited-action\", \"outside-boundary\"]}\n"
                   "{\"id\": \"3\", \"escalate\": false, \"reasons\": []}\n");
}

static void
test_evaluate_db_history (Fixture       *f,
                          gconstpointer  data)
{
  make_workspace (f, LINE ("w1", "2026-11-01T09:00:00Z", "send", "\"industry\": \"RETAIL\"", "")
                     LINE ("w2", "2026-11-20T09:00:00Z", "send", "\"industry\": \"Energy\"", ""));

  /* Retail was seen before; Energy only later, so it is still first here. */
  RUN (f,
       LINE ("s1", "2026-11-02T09:00:00Z", "send", "\"industry\": \"retail\"", "")
       LINE ("s2", "2026-11-02T10:00:00Z", "send", "\"industry\": \"energy\"", "")
       LINE ("s3", "2026-11-02T11:00:00Z", "send", "\"industry\": \"Energy \"", ""),
       "--db", f->db, "evaluate", "--spec", f->spec);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "{\"id\": \"s1\", \"escalate\": false, \"reasons\": []}\n"
                   "{\"id\": \"s2\", \"escalate\": true, \"reasons\": [\"first-time\"]}\n"
                   "{\"id\": \"s3\", \"escalate\": false, \"reasons\": []}\n");

  /* Without --db, Retail is new. */
  RUN (f, LINE ("s1", "2026-11-02T09:00:00Z", "send", "\"industry\": \"retail\"", ""),
       "evaluate", "--spec", f->spec);
  g_assert_cmpstr (f->out, ==, "{\"id\": \"s1\", \"escalate\": true, \"reasons\": [\"first-time\"]}\n");
}

static void
test_evaluate_bad_line (Fixture       *f,
                        gconstpointer  data)
{
  RUN (f,
       LINE ("1", "2026-11-02T09:00:00Z", "send", "", "")
       "{\"id\": \"2\", \"at\": \"yesterday\", \"decision\": \"d\", \"action\": \"a\"}\n"
       LINE ("3", "2026-11-02T09:00:00Z", "send", "", ""),
       "evaluate", "--spec", f->spec);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "onloop-cli: <stdin>:2: "));
  g_assert_cmpstr (f->out, ==, "{\"id\": \"1\", \"escalate\": false, \"reasons\": []}\n");

  RUN (f, "{\"id\": \"1\"\n", "evaluate", "--spec", f->spec);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "onloop-cli: <stdin>:1: "));

  /* A line of 3 MB is refused without being held whole (stdin from a
   * file: the command stops reading before the end). */
  {
    g_autoptr(GString) huge = g_string_new (LINE ("1", "2026-11-02T09:00:00Z", "send", "", ""));
    g_autofree char *path = g_build_filename (f->dir, "huge.jsonl", NULL);
    g_autoptr(GSubprocessLauncher) launcher = NULL;
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *err = NULL;

    g_string_append (huge, "{\"id\": \"");
    for (guint i = 0; i < 3 * 1024 * 1024; i++)
      g_string_append_c (huge, 'x');
    g_string_append (huge, "\"}\n");
    onloop_test_write (path, huge->str, huge->len);

    launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_subprocess_launcher_set_stdin_file_path (launcher, path);
    process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("ONLOOP_CLI"), "evaluate", "--spec", f->spec, NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
    g_assert_true (g_str_has_prefix (err, "onloop-cli: <stdin>:2: "));
  }

  RUN (f, "", "evaluate");
  g_assert_cmpint (f->status, ==, 2);
  RUN (f, "", "evaluate", "--spec", "/nonexistent/spec.json");
  g_assert_cmpint (f->status, ==, 1);
}

/* A runtime writes one event and waits for its verdict before the next:
 * the verdict must come without the input being closed. */
static void
test_evaluate_streams (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  GOutputStream *in;
  const char *argv[] = { g_getenv ("ONLOOP_CLI"), "evaluate", "--spec", f->spec, NULL };

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (process);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *line = g_strdup_printf (LINE ("%u", "2026-11-02T09:00:00Z", "send", "\"deal_arr\": %u", ""),
                                               i, i * 40000);
      g_autofree char *verdict = NULL;

      g_output_stream_write_all (in, line, strlen (line), NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_flush (in, NULL, &error);
      verdict = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (verdict);
      g_assert_true (g_str_has_prefix (verdict, "{\"id\": \""));
      g_assert_true (strstr (verdict, i >= 2 ? "\"escalate\": true" : "\"escalate\": false") != NULL);
    }
  g_output_stream_close (in, NULL, &error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static const char *metrics_log =
  LINE ("a", "2026-11-02T09:00:00Z", "send", "\"deal_arr\": 60000", "\"reviewed\": true, \"overridden\": true")
  LINE ("b", "2026-11-03T09:00:00Z", "send", "\"deal_arr\": 100", "\"quality_issue\": true")
  LINE ("c", "2026-11-04T09:00:00Z", "send", "\"deal_arr\": 200", "\"escalated\": true")
  LINE ("d", "2026-11-05T09:00:00Z", "send", "\"deal_arr\": 70000", "")
  LINE ("e", "2026-11-16T09:00:00Z", "send", "\"deal_arr\": 300", "");

static void
test_metrics (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autofree char *time_path = g_build_filename (f->dir, "time.json", NULL);
  JsonArray *weeks;
  JsonObject *w;
  GBytes *before;

  make_workspace (f, metrics_log);
  onloop_test_write (time_path,
                     "{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"execution_oversight\": 6, \"exception_handling\": 3,"
                     " \"strategy\": 4, \"coaching\": 5, \"relationship_repair\": 2, \"other\": 0}", -1);
  RUN (f, NULL, "--db", f->db, "import-time", time_path);
  g_assert_cmpint (f->status, ==, 0);

  RUN (f, NULL, "--db", f->db, "metrics");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "{\"weeks\": [{\"week\": \"2026-W45\", \"events\": 4, "));
  root = parse_json (f->out);
  weeks = json_object_get_array_member (json_node_get_object (root), "weeks");
  g_assert_cmpuint (json_array_get_length (weeks), ==, 3);

  w = json_array_get_object_element (weeks, 0);
  members = json_object_get_members (w);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (keys, "%s ", (const char *) l->data);
  g_assert_cmpstr (keys->str, ==,
                   "week events escalated exception_rate interventions overrides override_rate autonomous "
                   "false_negatives false_negative_rate drift hours judgment_share verdicts ");
  g_assert_cmpint (json_object_get_int_member (w, "escalated"), ==, 3);   /* a, c (recorded), d */
  g_assert_cmpfloat (json_object_get_double_member (w, "exception_rate"), ==, 0.75);
  g_assert_cmpint (json_object_get_int_member (w, "interventions"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (w, "override_rate"), ==, 1.0);
  g_assert_cmpint (json_object_get_int_member (w, "false_negatives"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (w, "drift"), ==, 1);        /* c */
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (w, "hours"), "coaching"), ==, 5);
  g_assert_cmpfloat (json_object_get_double_member (w, "judgment_share"), ==, 0.7);
  {
    JsonArray *verdicts = json_object_get_array_member (w, "verdicts");
    g_assert_cmpuint (json_array_get_length (verdicts), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (verdicts, 0), ==, "in-the-loop");
    g_assert_cmpstr (json_array_get_string_element (verdicts, 1), ==, "trigger-gap");
  }

  /* The week without events: zeros and nulls. */
  w = json_array_get_object_element (weeks, 1);
  g_assert_cmpstr (json_object_get_string_member (w, "week"), ==, "2026-W46");
  g_assert_cmpint (json_object_get_int_member (w, "events"), ==, 0);
  g_assert_true (json_object_get_null_member (w, "exception_rate"));
  g_assert_true (json_object_get_null_member (w, "override_rate"));
  g_assert_true (json_object_get_null_member (w, "judgment_share"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (w, "verdicts")), ==, 0);

  RUN (f, NULL, "--db", f->db, "metrics", "--from", "2026-11-10", "--format", "json");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "{\"weeks\": [{\"week\": \"2026-W46\""));

  RUN (f, NULL, "--db", f->db, "metrics", "--format", "table");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "2026-W45"));
  g_assert_nonnull (strstr (f->out, "75.0 %"));
  g_assert_nonnull (strstr (f->out, "judgment hoarding"));

  /* The trigger gaps, listed: b is autonomous with a quality issue. */
  RUN (f, NULL, "--db", f->db, "metrics", "--format", "table", "--gaps");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "  2026-W45  b "));
  g_assert_null (strstr (f->out, "  2026-W45  a "));

  /* Usage errors change nothing. */
  before = onloop_test_read_bytes (f->db);
  RUN (f, NULL, "--db", f->db, "metrics", "--format", "xml");
  g_assert_cmpint (f->status, ==, 2);
  RUN (f, NULL, "--db", f->db, "metrics", "--gaps");
  g_assert_cmpint (f->status, ==, 2);
  RUN (f, NULL, "--db", f->db, "metrics", "--from", "last week");
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "--from"));
  RUN (f, NULL, "metrics");
  g_assert_cmpint (f->status, ==, 2);
  {
    g_autoptr(GBytes) after = onloop_test_read_bytes (f->db);
    g_assert_true (g_bytes_equal (before, after));
  }
  g_bytes_unref (before);
}

static void
test_calibrate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *curve;

  make_workspace (f, metrics_log);

  /* Deal sizes 100 … 70000 over five events; 0.4 is two of them. */
  RUN (f, NULL, "--db", f->db, "calibrate", "--trigger", "deal-size", "--target", "0.4");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "{\"trigger\": \"deal-size\", \"threshold\": 60000, \"exception_rate\": 0.4}\n");

  RUN (f, NULL, "--db", f->db, "calibrate", "--trigger", "deal-size", "--target", "0.5", "--curve");
  g_assert_cmpint (f->status, ==, 0);
  root = parse_json (f->out);
  curve = json_object_get_array_member (json_node_get_object (root), "curve");
  g_assert_cmpuint (json_array_get_length (curve), ==, 5);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (curve, 0), "threshold"), ==, 100);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (curve, 0), "exception_rate"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (curve, 4), "exception_rate"), ==, 0.2);
  /* 0.4 and 0.6 are both 0.1 away from 0.5: fewer escalations win. */
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (root), "exception_rate"), ==, 0.4);

  RUN (f, NULL, "--db", f->db, "calibrate", "--trigger", "deal-size", "--target", "0.4", "--from", "2026-11-10");
  g_assert_cmpstr (f->out, ==, "{\"trigger\": \"deal-size\", \"threshold\": 300, \"exception_rate\": 1}\n");

  RUN (f, NULL, "--db", f->db, "calibrate", "--trigger", "deal-size", "--target", "0.4", "--format", "table");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "min_arr"));

  RUN (f, NULL, "--db", f->db, "calibrate", "--trigger", "nope", "--target", "0.4");
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "nope"));
  RUN (f, NULL, "--db", f->db, "calibrate", "--trigger", "first-time", "--target", "0.4");
  g_assert_cmpint (f->status, ==, 1);
  RUN (f, NULL, "--db", f->db, "calibrate", "--trigger", "deal-size", "--target", "1.5");
  g_assert_cmpint (f->status, ==, 2);
  RUN (f, NULL, "--db", f->db, "calibrate", "--target", "0.1");
  g_assert_cmpint (f->status, ==, 2);
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (log, LINE ("s%02u", "2026-11-%02uT09:00:00Z", "send", "\"deal_arr\": %u", ""),
                            i, 2 + i % 20, i % 4 == 0 ? 90000 : 10);
  make_workspace (f, log->str);

  RUN (f, NULL, "--db", f->db, "sample", "--size", "10", "--seed", "42");
  g_assert_cmpint (f->status, ==, 0);
  first = g_strdup (f->out);
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 11);   /* 10 lines and the empty rest */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(JsonNode) node = parse_json (lines[i]);
      JsonObject *event = json_node_get_object (node);
      JsonObject *context = json_object_get_object_member (event, "context");

      /* Autonomous only: never a deal of 90,000. */
      g_assert_cmpfloat (json_object_get_double_member (context, "deal_arr"), ==, 10);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (event, "id"), "s"));
    }

  RUN (f, NULL, "--db", f->db, "sample", "--size", "10", "--seed", "42");
  g_assert_cmpstr (f->out, ==, first);
  RUN (f, NULL, "--db", f->db, "sample", "--size", "10", "--seed", "43");
  g_assert_cmpstr (f->out, !=, first);
  RUN (f, NULL, "--db", f->db, "sample", "--size", "0", "--seed", "1");
  g_assert_cmpstr (f->out, ==, "");
  RUN (f, NULL, "--db", f->db, "sample", "--size", "10");
  g_assert_cmpint (f->status, ==, 2);
  RUN (f, NULL, "--db", f->db, "sample", "--size", "10", "--seed", "-3");
  g_assert_cmpint (f->status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/evaluate/verdicts", Fixture, NULL, fixture_set_up, test_evaluate, fixture_tear_down);
  g_test_add ("/cli/evaluate/db-history", Fixture, NULL, fixture_set_up, test_evaluate_db_history, fixture_tear_down);
  g_test_add ("/cli/evaluate/bad-line", Fixture, NULL, fixture_set_up, test_evaluate_bad_line, fixture_tear_down);
  g_test_add ("/cli/evaluate/streams", Fixture, NULL, fixture_set_up, test_evaluate_streams, fixture_tear_down);
  g_test_add ("/cli/metrics", Fixture, NULL, fixture_set_up, test_metrics, fixture_tear_down);
  g_test_add ("/cli/calibrate", Fixture, NULL, fixture_set_up, test_calibrate, fixture_tear_down);
  g_test_add ("/cli/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);

  return g_test_run ();
}
