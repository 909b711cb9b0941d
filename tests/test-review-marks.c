/* test-review-marks.c: spot-check marks on events
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "onloop-engine.h"
#include "onloop-store-log.h"
#include "onloop-store-review.h"
#include "onloop-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  OnloopStore *store;
  guint        changes;
  guint        last_change;
} Fixture;

static void
on_changed (OnloopStore *store,
            guint        change,
            Fixture     *f)
{
  f->changes++;
  f->last_change = change;
}

/* Week 2026-W45: four autonomous events, one escalated and reviewed. */
static const char log_lines[] =
  "{\"id\": \"e-3\", \"at\": \"2026-11-04T10:00:00Z\", \"decision\": \"follow-up-timing\", \"action\": \"send_follow_up\", \"outcome\": {\"escalated\": false}}\n"
  "{\"id\": \"e-1\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"follow-up-timing\", \"action\": \"send_follow_up\", \"outcome\": {\"escalated\": false}}\n"
  "{\"id\": \"e-2\", \"at\": \"2026-11-03T09:00:00Z\", \"decision\": \"crm-field-updates\", \"action\": \"update_contact_fields\", \"outcome\": {\"escalated\": false}}\n"
  "{\"id\": \"e-4\", \"at\": \"2026-11-05T09:00:00Z\", \"decision\": \"discount\", \"action\": \"offer\", \"outcome\": {\"escalated\": true, \"reviewed\": true}}\n"
  "{\"id\": \"e-5\", \"at\": \"2026-11-06T09:00:00Z\", \"decision\": \"crm-field-updates\", \"action\": \"update_contact_fields\", \"outcome\": {\"escalated\": false}}\n";

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "review.onloop", NULL);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  log = g_build_filename (f->dir, "log.jsonl", NULL);
  onloop_test_write (log, log_lines, sizeof log_lines - 1);
  onloop_store_import_log (f->store, log, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* false_negatives of the only week. */
static guint
false_negatives (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = onloop_engine_read_metrics (f->store, ONLOOP_RANGE_ALL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 1);
  return g_array_index (weeks, OnloopWeekMetrics, 0).false_negatives;
}

static void
test_set_get_replace_clear (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  OnloopSpotCheck *check;

  check = onloop_store_get_spot_check (f->store, "e-1", &error);
  g_assert_no_error (error);
  g_assert_null (check);

  onloop_store_set_spot_check_at (f->store, "e-1", ONLOOP_SPOT_CHECK_OK, "fine",
                                  G_GINT64_CONSTANT (1793955600) * G_USEC_PER_SEC + 123456, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->last_change, ==, ONLOOP_STORE_CHANGE_REVIEWS);

  check = onloop_store_get_spot_check (f->store, "e-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (check->verdict, ==, ONLOOP_SPOT_CHECK_OK);
  g_assert_cmpstr (check->note, ==, "fine");
  g_assert_cmpstr (check->checked_at, ==, "2026-11-06T09:00:00Z");
  g_assert_cmpstr (check->at, ==, "2026-11-02T09:00:00Z");
  g_assert_cmpstr (check->decision, ==, "follow-up-timing");
  g_assert_cmpstr (check->action, ==, "send_follow_up");
  onloop_spot_check_free (check);

  /* Marking again replaces the mark; it survives closing the file. */
  onloop_store_set_spot_check (f->store, "e-1", ONLOOP_SPOT_CHECK_QUALITY_ISSUE, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);

  check = onloop_store_get_spot_check (f->store, "e-1", &error);
  g_assert_cmpint (check->verdict, ==, ONLOOP_SPOT_CHECK_QUALITY_ISSUE);
  g_assert_cmpstr (check->note, ==, "");
  onloop_spot_check_free (check);
  g_assert_cmpuint (onloop_store_count_spot_checks (f->store, ONLOOP_SPOT_CHECK_QUALITY_ISSUE), ==, 1);
  g_assert_cmpuint (onloop_store_count_spot_checks (f->store, ONLOOP_SPOT_CHECK_OK), ==, 0);

  onloop_store_clear_spot_check (f->store, "e-1", &error);
  g_assert_no_error (error);
  g_assert_null (onloop_store_get_spot_check (f->store, "e-1", NULL));
  /* Clearing what is not there is not an error. */
  onloop_store_clear_spot_check (f->store, "e-1", &error);
  g_assert_no_error (error);
}

static void
test_unknown_event (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_false (onloop_store_set_spot_check (f->store, "e-99", ONLOOP_SPOT_CHECK_OK, "", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW);
  g_assert_nonnull (strstr (error->message, "e-99"));
  g_assert_cmpuint (f->changes, ==, 0);

  all = onloop_store_list_spot_checks (f->store, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GPtrArray) all = NULL;
  const char *ids[] = { "e-5", "e-3", "e-2", "nope", NULL };
  const char *marked[] = { "e-5", "e-1", "e-3" };

  for (guint i = 0; i < G_N_ELEMENTS (marked); i++)
    {
      onloop_store_set_spot_check (f->store, marked[i], ONLOOP_SPOT_CHECK_OK, marked[i], &error);
      g_assert_no_error (error);
    }

  /* In event order (at, id), whatever order they were marked in. */
  all = onloop_store_list_spot_checks (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (((OnloopSpotCheck *) g_ptr_array_index (all, 0))->event, ==, "e-1");
  g_assert_cmpstr (((OnloopSpotCheck *) g_ptr_array_index (all, 1))->event, ==, "e-3");
  g_assert_cmpstr (((OnloopSpotCheck *) g_ptr_array_index (all, 2))->event, ==, "e-5");

  /* Only those asked for that have a mark. */
  some = onloop_store_list_spot_checks (f->store, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpstr (((OnloopSpotCheck *) g_ptr_array_index (some, 0))->event, ==, "e-3");
  g_assert_cmpstr (((OnloopSpotCheck *) g_ptr_array_index (some, 1))->event, ==, "e-5");
}

static void
test_counts_as_false_negative (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (false_negatives (f), ==, 0);
  g_assert_false (onloop_store_is_stale (f->store));

  onloop_store_set_spot_check (f->store, "e-2", ONLOOP_SPOT_CHECK_QUALITY_ISSUE, "wrong field", &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_is_stale (f->store));
  g_assert_cmpuint (false_negatives (f), ==, 1);

  /* Only autonomous events are false negatives: a mark on an escalated one
   * does not count. */
  onloop_store_set_spot_check (f->store, "e-4", ONLOOP_SPOT_CHECK_QUALITY_ISSUE, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (false_negatives (f), ==, 1);

  onloop_store_set_spot_check (f->store, "e-2", ONLOOP_SPOT_CHECK_OK, "on second look, fine", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (false_negatives (f), ==, 0);

  onloop_store_set_spot_check (f->store, "e-5", ONLOOP_SPOT_CHECK_QUALITY_ISSUE, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (false_negatives (f), ==, 1);
  onloop_store_clear_spot_check (f->store, "e-5", &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_is_stale (f->store));
  g_assert_cmpuint (false_negatives (f), ==, 0);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  JsonObject *root, *mark;
  JsonArray *marks;

  onloop_store_set_spot_check_at (f->store, "e-1", ONLOOP_SPOT_CHECK_QUALITY_ISSUE,
                                  "=HYPERLINK(\"http://x\"), \"quoted\"\nsecond line",
                                  G_GINT64_CONSTANT (1793955600) * G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  onloop_store_set_spot_check_at (f->store, "e-3", ONLOOP_SPOT_CHECK_OK, "-5 % is fine",
                                  G_GINT64_CONSTANT (1793955600) * G_USEC_PER_SEC, &error);
  g_assert_no_error (error);

  all = onloop_store_list_spot_checks (f->store, NULL, &error);
  csv = onloop_spot_checks_to_csv (all);
  g_assert_cmpstr (csv, ==,
                   "event,at,decision,action,verdict,note,checked_at\r\n"
                   "e-1,2026-11-02T09:00:00Z,follow-up-timing,send_follow_up,quality-issue,"
                   "\"'=HYPERLINK(\"\"http://x\"\"), \"\"quoted\"\"\nsecond line\",2026-11-06T09:00:00Z\r\n"
                   "e-3,2026-11-04T10:00:00Z,follow-up-timing,send_follow_up,ok,'-5 % is fine,"
                   "2026-11-06T09:00:00Z\r\n");

  json = onloop_spot_checks_to_json (all);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "onloop.marks/1");
  marks = json_object_get_array_member (root, "marks");
  g_assert_cmpuint (json_array_get_length (marks), ==, 2);
  mark = json_array_get_object_element (marks, 0);
  g_assert_cmpstr (json_object_get_string_member (mark, "event"), ==, "e-1");
  g_assert_cmpstr (json_object_get_string_member (mark, "verdict"), ==, "quality-issue");
  /* JSON needs no guard: the note is as written. */
  g_assert_cmpstr (json_object_get_string_member (mark, "note"), ==,
                   "=HYPERLINK(\"http://x\"), \"quoted\"\nsecond line");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review-marks/set-get-replace-clear", Fixture, NULL,
              fixture_setup, test_set_get_replace_clear, fixture_teardown);
  g_test_add ("/review-marks/unknown-event-is-refused", Fixture, NULL,
              fixture_setup, test_unknown_event, fixture_teardown);
  g_test_add ("/review-marks/list-in-event-order", Fixture, NULL,
              fixture_setup, test_list, fixture_teardown);
  g_test_add ("/review-marks/quality-issue-counts-as-false-negative", Fixture, NULL,
              fixture_setup, test_counts_as_false_negative, fixture_teardown);
  g_test_add ("/review-marks/export-csv-and-json", Fixture, NULL,
              fixture_setup, test_export, fixture_teardown);

  return g_test_run ();
}
