/* test-store-spec.c: the draft, versions and the spec in force, on real files
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-spec-command.h"
#include "onloop-store-map.h"
#include "onloop-store-spec.h"
#include "onloop-test-util.h"
#include "onloop-time.h"

typedef struct
{
  char        *dir;
  char        *path;
  OnloopStore *store;
  guint        spec_changes;
} Fixture;

static void
on_changed (OnloopStore *store,
            guint        change,
            Fixture     *f)
{
  if (change & ONLOOP_STORE_CHANGE_SPEC)
    f->spec_changes++;
}

static void
add_decision (OnloopStore    *store,
              const char     *key,
              const char     *title,
              OnloopCategory  category,
              const char     *workflow)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopDecision) decision = onloop_decision_new (key, title);

  onloop_decision_set_category (decision, category);
  onloop_decision_set_workflow (decision, workflow);
  onloop_decision_set_position (decision, 99);
  onloop_store_insert_decision (store, decision, &error);
  g_assert_no_error (error);
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
reopen (Fixture *f)
{
  g_clear_object (&f->store);
  open_store (f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "spec.onloop", NULL);
  open_store (f);

  add_decision (f->store, "follow-up-timing", "Follow-up timing", ONLOOP_CATEGORY_EXECUTION,
                "Follow-ups");
  add_decision (f->store, "crm-hygiene", "CRM hygiene", ONLOOP_CATEGORY_EXECUTION, NULL);
  add_decision (f->store, "discounting", "Whether to discount", ONLOOP_CATEGORY_JUDGMENT, NULL);
  add_decision (f->store, "lead-scoring", "Lead scoring", ONLOOP_CATEGORY_UNSORTED, NULL);
  f->spec_changes = 0;
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

static OnloopTrigger *
deal_size (double min_arr)
{
  OnloopTrigger *trigger = onloop_trigger_new ("deal-size", ONLOOP_TRIGGER_DEAL_SIZE);

  trigger->min_arr = min_arr;
  return trigger;
}

static OnloopSpec *
draft (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  OnloopSpec *spec = onloop_store_load_draft (f->store, &error);

  g_assert_no_error (error);
  return spec;
}

/* "id=label id=label" of one list. */
static char *
describe_list (Fixture            *f,
               const char         *key,
               OnloopBoundaryList  list)
{
  g_autoptr(OnloopSpec) spec = draft (f);
  OnloopSpecDecision *decision = onloop_spec_find_decision (spec, key);
  GPtrArray *items = onloop_spec_decision_get_list (decision, list);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);
      g_string_append_printf (text, "%s%s=%s", i > 0 ? " " : "", item->id, item->label);
    }

  return g_string_free (text, FALSE);
}

static void
add_item (Fixture            *f,
          const char         *key,
          OnloopBoundaryList  list,
          const char         *id,
          const char         *label)
{
  g_autoptr(GError) error = NULL;

  onloop_store_add_boundary_item (f->store, key, list, -1, id, label, &error);
  g_assert_no_error (error);
}

static void
publish (Fixture    *f,
         const char *note,
         gint64      usec,
         int         expected)
{
  g_autoptr(GError) error = NULL;
  int version = 0;

  g_assert_true (onloop_store_publish_at (f->store, note, usec, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, expected);
}

static void
test_draft_is_the_map (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) spec = NULL;
  OnloopSpecDecision *decision;

  onloop_store_set_workflow (f->store, "Follow-ups", ONLOOP_PHASE_EXCEPTION_ONLY, NULL, &error);
  g_assert_no_error (error);

  spec = draft (f);
  g_assert_cmpint (spec->version, ==, 0);
  g_assert_null (spec->note);
  g_assert_cmpuint (spec->decisions->len, ==, 4);
  /* Map order: unsorted, execution, judgment. */
  g_assert_cmpstr (((OnloopSpecDecision *) spec->decisions->pdata[0])->key, ==, "lead-scoring");
  g_assert_cmpstr (((OnloopSpecDecision *) spec->decisions->pdata[3])->key, ==, "discounting");
  decision = onloop_spec_find_decision (spec, "follow-up-timing");
  g_assert_cmpstr (decision->workflow, ==, "Follow-ups");
  g_assert_cmpstr (decision->phase, ==, "exception-only");
  g_assert_null (onloop_spec_find_decision (spec, "crm-hygiene")->phase);
}

static void
test_items_persist (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "send_follow_up", "Send follow-ups");
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "book_meeting", "Book a meeting");
  onloop_store_add_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MAY, 0,
                                  "log_call", "Log the call", &error);
  g_assert_no_error (error);
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MUST_NOT, "commit_pricing", "Commit to pricing");
  g_assert_cmpuint (f->spec_changes, ==, 4);
  g_assert_true (onloop_store_is_stale (f->store));

  onloop_store_relabel_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MAY,
                                      "book_meeting", "Book meetings", &error);
  g_assert_no_error (error);
  onloop_store_rename_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MAY,
                                     "send_follow_up", "send_follow_ups", &error);
  g_assert_no_error (error);
  onloop_store_move_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MAY,
                                   "log_call", 7, &error);
  g_assert_no_error (error);

  reopen (f);
  text = describe_list (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY);
  g_assert_cmpstr (text, ==, "send_follow_ups=Send follow-ups book_meeting=Book meetings log_call=Log the call");
  g_free (text);

  onloop_store_remove_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MAY,
                                     "book_meeting", &error);
  g_assert_no_error (error);
  /* Positions stay dense: adding at the end lands after the last one. */
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "z", "Z");
  reopen (f);
  text = describe_list (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY);
  g_assert_cmpstr (text, ==, "send_follow_ups=Send follow-ups log_call=Log the call z=Z");
  g_free (text);
  text = describe_list (f, "follow-up-timing", ONLOOP_BOUNDARY_MUST_NOT);
  g_assert_cmpstr (text, ==, "commit_pricing=Commit to pricing");
}

static void
test_item_refusals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GError *error = NULL;

  add_item (f, "crm-hygiene", ONLOOP_BOUNDARY_USES, "crm", "CRM");
  add_item (f, "crm-hygiene", ONLOOP_BOUNDARY_MAY, "crm", "Same id in another list is fine");
  g_clear_object (&f->store);
  before = onloop_test_read_bytes (f->path);
  open_store (f);

  g_assert_false (onloop_store_add_boundary_item (f->store, "crm-hygiene", ONLOOP_BOUNDARY_USES,
                                                  -1, "crm", "CRM again", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already has an item “crm”"));
  g_clear_error (&error);

  g_assert_false (onloop_store_add_boundary_item (f->store, "crm-hygiene", ONLOOP_BOUNDARY_USES,
                                                  -1, "Bad Id", "Bad", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (onloop_store_add_boundary_item (f->store, "crm-hygiene", ONLOOP_BOUNDARY_USES,
                                                  -1, "blank", "   ", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (onloop_store_add_boundary_item (f->store, "no-such", ONLOOP_BOUNDARY_USES,
                                                  -1, "x", "X", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW);
  g_clear_error (&error);

  g_assert_false (onloop_store_rename_boundary_item (f->store, "crm-hygiene", ONLOOP_BOUNDARY_USES,
                                                     "nope", "x", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW);
  g_clear_error (&error);

  g_assert_false (onloop_store_remove_boundary_item (f->store, "crm-hygiene", ONLOOP_BOUNDARY_MUST_NOT,
                                                     "crm", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW);
  g_clear_error (&error);

  g_clear_object (&f->store);
  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_triggers_persist (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopTrigger) big = deal_size (50000);
  g_autoptr(OnloopTrigger) sentiment = onloop_trigger_new ("negative-sentiment",
                                                           ONLOOP_TRIGGER_SENTIMENT);
  g_autoptr(OnloopTrigger) ethical = onloop_trigger_new ("ethical", ONLOOP_TRIGGER_ETHICAL);
  g_autoptr(OnloopTrigger) changed = NULL;
  g_autoptr(OnloopSpec) spec = NULL;
  OnloopTrigger *t;

  sentiment->below = -0.3;
  g_ptr_array_add (ethical->tags, g_strdup ("reference-check"));
  onloop_store_add_trigger (f->store, big, -1, &error);
  g_assert_no_error (error);
  onloop_store_add_trigger (f->store, ethical, -1, &error);
  g_assert_no_error (error);
  onloop_store_add_trigger (f->store, sentiment, 1, &error);
  g_assert_no_error (error);

  changed = deal_size (75000);
  changed->enabled = FALSE;
  g_ptr_array_add (changed->decisions, g_strdup ("follow-up-timing"));
  onloop_store_update_trigger (f->store, "deal-size", changed, &error);
  g_assert_no_error (error);
  onloop_store_move_trigger (f->store, "deal-size", 2, &error);
  g_assert_no_error (error);

  reopen (f);
  spec = draft (f);
  g_assert_cmpuint (spec->triggers->len, ==, 3);
  g_assert_cmpint (onloop_spec_trigger_index (spec, "negative-sentiment"), ==, 0);
  g_assert_cmpint (onloop_spec_trigger_index (spec, "ethical"), ==, 1);
  t = onloop_spec_find_trigger (spec, "deal-size");
  g_assert_cmpint (onloop_spec_trigger_index (spec, "deal-size"), ==, 2);
  g_assert_cmpfloat (t->min_arr, ==, 75000);
  g_assert_false (t->enabled);
  g_assert_cmpstr (t->decisions->pdata[0], ==, "follow-up-timing");
  g_assert_cmpfloat (onloop_spec_find_trigger (spec, "negative-sentiment")->below, ==, -0.3);
  g_assert_cmpstr (onloop_spec_find_trigger (spec, "ethical")->tags->pdata[0], ==,
                   "reference-check");

  /* Renaming keeps the position. */
  g_free (changed->id);
  changed->id = g_strdup ("big-deals");
  onloop_store_update_trigger (f->store, "deal-size", changed, &error);
  g_assert_no_error (error);
  onloop_store_remove_trigger (f->store, "negative-sentiment", &error);
  g_assert_no_error (error);
  g_clear_pointer (&spec, onloop_spec_unref);
  spec = draft (f);
  g_assert_cmpint (onloop_spec_trigger_index (spec, "ethical"), ==, 0);
  g_assert_cmpint (onloop_spec_trigger_index (spec, "big-deals"), ==, 1);
  g_assert_cmpint (onloop_spec_trigger_index (spec, "deal-size"), ==, -1);
}

static void
test_trigger_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(OnloopTrigger) big = deal_size (50000);
  g_autoptr(OnloopTrigger) bad = deal_size (-1);
  g_autoptr(OnloopTrigger) scoped = deal_size (1);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GError *error = NULL;

  onloop_store_add_trigger (f->store, big, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  before = onloop_test_read_bytes (f->path);
  open_store (f);

  g_assert_false (onloop_store_add_trigger (f->store, big, -1, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "There is already a trigger “deal-size”");
  g_clear_error (&error);

  g_assert_false (onloop_store_update_trigger (f->store, "deal-size", bad, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "min_arr: must be a number ≥ 0");
  g_clear_error (&error);

  g_free (scoped->id);
  scoped->id = g_strdup ("scoped");
  g_ptr_array_add (scoped->decisions, g_strdup ("no-such-decision"));
  g_assert_false (onloop_store_add_trigger (f->store, scoped, -1, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "decisions[0]: there is no decision “no-such-decision” in the map");
  g_clear_error (&error);

  g_assert_false (onloop_store_remove_trigger (f->store, "nope", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW);
  g_clear_error (&error);

  g_clear_object (&f->store);
  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_trigger_limit (Fixture       *f,
                    gconstpointer  data)
{
  GError *error = NULL;

  for (int i = 0; i < ONLOOP_SPEC_MAX_TRIGGERS; i++)
    {
      g_autoptr(OnloopTrigger) t = deal_size (i);

      g_free (t->id);
      t->id = g_strdup_printf ("t%d", i);
      onloop_store_add_trigger (f->store, t, -1, &error);
      g_assert_no_error (error);
    }

  {
    g_autoptr(OnloopTrigger) t = deal_size (1);

    g_assert_false (onloop_store_add_trigger (f->store, t, -1, &error));
    g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(OnloopTrigger) big = deal_size (50000);
  g_autoptr(OnloopTrigger) bigger = deal_size (75000);
  g_autoptr(OnloopSpec) v1 = NULL;
  g_autoptr(OnloopSpec) v1_again = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *json1 = NULL;
  g_autofree char *json1_again = NULL;
  GError *error = NULL;
  int version = 0;

  /* A note is required. */
  g_assert_false (onloop_store_publish (f->store, "  \n", &version, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (onloop_store_publish (f->store, NULL, &version, &error));
  g_clear_error (&error);
  g_assert_cmpint (onloop_store_get_latest_version (f->store), ==, 0);

  onloop_store_add_trigger (f->store, big, -1, &error);
  g_assert_no_error (error);
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MUST_NOT, "commit_pricing", "Commit to pricing");
  g_assert_true (onloop_store_publish (f->store, "First spec", &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 1);

  v1 = onloop_store_load_version (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v1->version, ==, 1);
  g_assert_cmpstr (v1->note, ==, "First spec");
  g_assert_nonnull (v1->published_at);
  g_assert_cmpint (v1->published_usec % G_USEC_PER_SEC, ==, 0);
  json1 = onloop_spec_to_json (v1);

  /* What a caller does to a loaded version never reaches the next load. */
  {
    g_autoptr(OnloopSpec) scratch = onloop_store_load_version (f->store, 1, &error);

    g_assert_no_error (error);
    onloop_spec_find_trigger (scratch, "deal-size")->min_arr = 1;
    g_ptr_array_set_size (scratch->decisions, 0);
    g_free (scratch->note);
    scratch->note = g_strdup ("changed");
  }
  {
    g_autoptr(OnloopSpec) again = onloop_store_load_version (f->store, 1, &error);
    g_autofree char *json = onloop_spec_to_json (again);

    g_assert_cmpstr (json, ==, json1);
  }

  /* Editing the draft leaves version 1 as it was. */
  onloop_store_update_trigger (f->store, "deal-size", bigger, &error);
  g_assert_no_error (error);
  onloop_store_remove_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MUST_NOT,
                                     "commit_pricing", &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_publish (f->store, "Raise the threshold", &version, &error));
  g_assert_cmpint (version, ==, 2);

  reopen (f);
  v1_again = onloop_store_load_version (f->store, 1, &error);
  g_assert_no_error (error);
  json1_again = onloop_spec_to_json (v1_again);
  g_assert_cmpstr (json1, ==, json1_again);
  g_assert_cmpfloat (onloop_spec_find_trigger (v1_again, "deal-size")->min_arr, ==, 50000);

  versions = onloop_store_list_versions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((OnloopSpecVersionInfo *) versions->pdata[1])->version, ==, 2);
  g_assert_cmpstr (((OnloopSpecVersionInfo *) versions->pdata[1])->note, ==, "Raise the threshold");
  g_assert_cmpint (onloop_store_get_latest_version (f->store), ==, 2);

  {
    g_autoptr(OnloopSpec) v2 = onloop_store_load_spec_named (f->store, "latest", &error);
    g_assert_no_error (error);
    changes = onloop_spec_diff (v1_again, v2);
    g_assert_cmpuint (changes->len, ==, 2);
    g_assert_cmpstr (((OnloopSpecChange *) changes->pdata[0])->text, ==,
                     "Follow-up timing: must not − Commit to pricing");
    g_assert_cmpstr (((OnloopSpecChange *) changes->pdata[1])->text, ==,
                     "deal-size: min_arr 50,000 → 75,000");
  }

  g_assert_null (onloop_store_load_version (f->store, 3, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW);
  g_clear_error (&error);
  g_assert_null (onloop_store_load_spec_named (f->store, "two", &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_publish_refuses_invalid_draft (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(OnloopTrigger) scoped = deal_size (10);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GError *error = NULL;
  int version = 0;

  g_ptr_array_add (scoped->decisions, g_strdup ("crm-hygiene"));
  onloop_store_add_trigger (f->store, scoped, -1, &error);
  g_assert_no_error (error);
  /* The card the trigger is scoped to leaves the map. */
  onloop_store_delete_decision (f->store, "crm-hygiene", &error);
  g_assert_no_error (error);

  g_clear_object (&f->store);
  before = onloop_test_read_bytes (f->path);
  open_store (f);
  g_assert_false (onloop_store_publish (f->store, "Note", &version, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The draft cannot be published: triggers[0].decisions[0]: "
                   "“crm-hygiene” is not a decision of this spec");
  g_clear_error (&error);
  g_clear_object (&f->store);
  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_spec_in_force (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OnloopTrigger) t = deal_size (1);
  g_autoptr(GPtrArray) specs = NULL;
  GError *error = NULL;
  gint64 t1, t2;
  struct { gint64 at; int version; } cases[6];

  g_assert_true (onloop_time_parse_rfc3339 ("2026-11-02T09:00:00Z", 20, &t1));
  g_assert_true (onloop_time_parse_rfc3339 ("2026-11-09T09:00:00Z", 20, &t2));

  /* Nothing published: the draft. */
  {
    g_autoptr(OnloopSpec) spec = onloop_store_spec_in_force (f->store, t1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (spec->version, ==, 0);
    specs = onloop_store_list_specs (f->store, &error);
    g_assert_cmpuint (specs->len, ==, 0);
    g_assert_null (onloop_spec_list_in_force (specs, t1));
    g_clear_pointer (&specs, g_ptr_array_unref);
  }

  publish (f, "One", t1, 1);
  onloop_store_add_trigger (f->store, t, -1, &error);
  g_assert_no_error (error);
  publish (f, "Two", t2, 2);

  g_assert_false (onloop_store_publish_at (f->store, "Back in time", t1, NULL, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  cases[0].at = t1 - 1;           cases[0].version = 1;  /* older than all: version 1 */
  cases[1].at = t1;               cases[1].version = 1;
  cases[2].at = t1 + 1;           cases[2].version = 1;
  cases[3].at = t2 - 1;           cases[3].version = 1;
  cases[4].at = t2;               cases[4].version = 2;
  cases[5].at = t2 + 86400000000; cases[5].version = 2;

  specs = onloop_store_list_specs (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (specs->len, ==, 2);
  g_assert_cmpint (((OnloopSpec *) specs->pdata[1])->published_usec, ==, t2);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OnloopSpec) spec = onloop_store_spec_in_force (f->store, cases[i].at, &error);

      g_assert_no_error (error);
      g_assert_cmpint (spec->version, ==, cases[i].version);
      g_assert_cmpint (onloop_spec_list_in_force (specs, cases[i].at)->version, ==,
                       cases[i].version);
    }
}

#define IMPORTED \
  "{\"format\": \"onloop.spec/1\", \"version\": 9, \"note\": \"ignored\"," \
  " \"published_at\": \"2020-01-01T00:00:00Z\", \"decisions\": [" \
  "{\"key\": \"crm-hygiene\", \"title\": \"CRM upkeep\", \"category\": \"judgment\"," \
  " \"workflow\": \"CRM\", \"phase\": \"steady\"}," \
  "{\"key\": \"meeting-booking\", \"title\": \"Meeting booking\", \"category\": \"execution\"," \
  " \"may\": [{\"id\": \"book\", \"label\": \"Book meetings\"}]}]," \
  " \"triggers\": [{\"id\": \"ethical\", \"kind\": \"ethical\", \"tags\": [\"x\"]," \
  " \"decisions\": [\"meeting-booking\"]}]}"

static void
test_import_upserts (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "in.json", NULL);
  g_autoptr(OnloopTrigger) big = deal_size (5);
  g_autoptr(OnloopSpec) spec = NULL;
  g_autoptr(OnloopDecision) crm = NULL;
  OnloopPhase phase;
  GError *error = NULL;
  OnloopSpecDecision *d;

  onloop_store_add_trigger (f->store, big, -1, &error);
  g_assert_no_error (error);
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "send", "Send");
  onloop_test_write (file, IMPORTED, -1);

  g_assert_true (onloop_store_import_spec (f->store, file, &error));
  g_assert_no_error (error);
  reopen (f);

  spec = draft (f);
  /* Decisions not in the file stay in the map, with their boundaries replaced (empty). */
  d = onloop_spec_find_decision (spec, "follow-up-timing");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->may->len, ==, 0);
  /* Existing decision updated; new one added at the end of its column. */
  d = onloop_spec_find_decision (spec, "crm-hygiene");
  g_assert_cmpstr (d->title, ==, "CRM upkeep");
  g_assert_cmpint (d->category, ==, ONLOOP_CATEGORY_JUDGMENT);
  g_assert_cmpstr (d->workflow, ==, "CRM");
  g_assert_true (onloop_store_get_workflow (f->store, "CRM", &phase, NULL, &error));
  g_assert_cmpint (phase, ==, ONLOOP_PHASE_STEADY);
  crm = onloop_store_get_decision (f->store, "meeting-booking", &error);
  g_assert_no_error (error);
  g_assert_cmpint (onloop_decision_get_category (crm), ==, ONLOOP_CATEGORY_EXECUTION);
  g_assert_cmpuint (onloop_decision_get_position (crm), ==, 1);
  d = onloop_spec_find_decision (spec, "meeting-booking");
  g_assert_cmpstr (((OnloopBoundaryItem *) d->may->pdata[0])->label, ==, "Book meetings");
  /* Triggers replaced; version, note and date ignored. */
  g_assert_cmpuint (spec->triggers->len, ==, 1);
  g_assert_cmpstr (((OnloopTrigger *) spec->triggers->pdata[0])->id, ==, "ethical");
  g_assert_cmpint (onloop_store_get_latest_version (f->store), ==, 0);
  g_assert_cmpint (spec->version, ==, 0);
}

static void
test_import_refusal_leaves_file (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(OnloopTrigger) big = deal_size (5);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *bad = NULL;
  GError *error = NULL;

  onloop_store_add_trigger (f->store, big, -1, &error);
  g_assert_no_error (error);

  /* Valid up to the last trigger, whose threshold is negative. */
  bad = g_strdup (IMPORTED);
  bad[strlen (bad) - 2] = '\0';
  {
    g_autofree char *full = g_strconcat (bad, ", {\"id\": \"a\", \"kind\": \"ethical\", \"tags\": []},"
                                         " {\"id\": \"b\", \"kind\": \"deal_size\", \"min_arr\": -5}]}",
                                         NULL);
    onloop_test_write (file, full, -1);
  }

  g_clear_object (&f->store);
  before = onloop_test_read_bytes (f->path);
  open_store (f);
  g_assert_false (onloop_store_import_spec (f->store, file, &error));
  expected = g_strdup_printf ("%s: triggers[2].min_arr: must be a number ≥ 0", file);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_object (&f->store);
  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_restore_and_unpublished (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(OnloopTrigger) big = deal_size (50000);
  g_autoptr(OnloopTrigger) bigger = deal_size (75000);
  GError *error = NULL;
  int version;

  /* A new workspace with decisions but nothing published has changes. */
  g_assert_true (onloop_store_has_unpublished_changes (f->store));
  onloop_store_add_trigger (f->store, big, -1, &error);
  g_assert_no_error (error);
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "send", "Send");
  g_assert_true (onloop_store_publish (f->store, "v1", &version, &error));
  g_assert_false (onloop_store_has_unpublished_changes (f->store));

  onloop_store_update_trigger (f->store, "deal-size", bigger, &error);
  g_assert_no_error (error);
  onloop_store_relabel_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "send",
                                      "Send follow-ups", &error);
  g_assert_true (onloop_store_has_unpublished_changes (f->store));

  /* Putting the old value back by hand is no change, structurally. */
  onloop_store_update_trigger (f->store, "deal-size", big, &error);
  onloop_store_relabel_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "send",
                                      "Send", &error);
  g_assert_no_error (error);
  g_assert_false (onloop_store_has_unpublished_changes (f->store));

  onloop_store_update_trigger (f->store, "deal-size", bigger, &error);
  onloop_store_remove_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "send",
                                     &error);
  g_assert_true (onloop_store_publish (f->store, "v2", &version, &error));
  g_assert_cmpint (version, ==, 2);

  g_assert_true (onloop_store_restore_version (f->store, 1, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_true (onloop_store_has_unpublished_changes (f->store));
  {
    g_autoptr(OnloopSpec) v1 = onloop_store_load_version (f->store, 1, &error);
    g_autoptr(OnloopSpec) now = draft (f);
    g_autoptr(GPtrArray) changes = onloop_spec_diff (v1, now);

    g_assert_cmpuint (changes->len, ==, 0);
  }

  g_assert_false (onloop_store_restore_version (f->store, 7, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW);
  g_clear_error (&error);
}

static void
test_undo_trigger (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OnloopUndoStack) undo = onloop_undo_stack_new (f->store);
  g_autoptr(OnloopTrigger) big = deal_size (50000);
  g_autoptr(OnloopTrigger) bigger = deal_size (75000);
  g_autoptr(OnloopCommand) add = onloop_spec_command_new_add_trigger (big, -1);
  g_autoptr(OnloopCommand) set = onloop_spec_command_new_set_trigger (big, bigger);
  g_autoptr(OnloopCommand) remove = onloop_spec_command_new_remove_trigger (bigger);
  GError *error = NULL;

  g_assert_true (onloop_undo_stack_push (undo, add, &error));
  g_assert_true (onloop_undo_stack_push (undo, set, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (onloop_undo_stack_get_undo_label (undo), ==, "Change trigger “deal-size”");
  {
    g_autoptr(OnloopTrigger) t = onloop_store_get_trigger (f->store, "deal-size", &error);
    g_assert_cmpfloat (t->min_arr, ==, 75000);
  }
  g_assert_true (onloop_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  {
    g_autoptr(OnloopTrigger) t = onloop_store_get_trigger (f->store, "deal-size", &error);
    g_assert_cmpfloat (t->min_arr, ==, 50000);
  }
  g_assert_true (onloop_undo_stack_redo (undo, &error));
  g_assert_true (onloop_undo_stack_push (undo, remove, &error));
  g_assert_no_error (error);
  g_assert_null (onloop_store_get_trigger (f->store, "deal-size", NULL));
  g_assert_true (onloop_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  {
    g_autoptr(OnloopTrigger) t = onloop_store_get_trigger (f->store, "deal-size", &error);
    g_assert_cmpfloat (t->min_arr, ==, 75000);
  }
  g_assert_true (onloop_undo_stack_undo (undo, &error));
  g_assert_true (onloop_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  g_assert_null (onloop_store_get_trigger (f->store, "deal-size", NULL));
}

static void
test_undo_items (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OnloopUndoStack) undo = onloop_undo_stack_new (f->store);
  g_autoptr(OnloopCommand) remove = NULL;
  g_autoptr(OnloopCommand) edit = NULL;
  g_autoptr(OnloopCommand) move = NULL;
  g_autoptr(OnloopCommand) add = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;

  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "a", "A");
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "b", "B");
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "c", "C");

  remove = onloop_spec_command_new_remove_item ("follow-up-timing", "Follow-up timing",
                                                ONLOOP_BOUNDARY_MAY, "b");
  edit = onloop_spec_command_new_edit_item ("follow-up-timing", "Follow-up timing",
                                            ONLOOP_BOUNDARY_MAY, "c", "see", "See");
  move = onloop_spec_command_new_move_item ("follow-up-timing", "Follow-up timing",
                                            ONLOOP_BOUNDARY_MAY, "a", 5);
  add = onloop_spec_command_new_add_item ("follow-up-timing", "Follow-up timing",
                                          ONLOOP_BOUNDARY_MAY, 0, "new", "New");
  g_assert_cmpstr (onloop_command_get_label (remove), ==, "Remove “b” from “Follow-up timing”");

  g_assert_true (onloop_undo_stack_push (undo, remove, &error));
  g_assert_true (onloop_undo_stack_push (undo, edit, &error));
  g_assert_true (onloop_undo_stack_push (undo, move, &error));
  g_assert_true (onloop_undo_stack_push (undo, add, &error));
  g_assert_no_error (error);
  text = describe_list (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY);
  g_assert_cmpstr (text, ==, "new=New see=See a=A");
  g_free (text);

  for (int i = 0; i < 4; i++)
    {
      g_assert_true (onloop_undo_stack_undo (undo, &error));
      g_assert_no_error (error);
    }
  text = describe_list (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY);
  g_assert_cmpstr (text, ==, "a=A b=B c=C");
  g_free (text);

  for (int i = 0; i < 4; i++)
    {
      g_assert_true (onloop_undo_stack_redo (undo, &error));
      g_assert_no_error (error);
    }
  text = describe_list (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY);
  g_assert_cmpstr (text, ==, "new=New see=See a=A");
}

static void
test_undo_set_draft (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OnloopUndoStack) undo = onloop_undo_stack_new (f->store);
  g_autoptr(OnloopTrigger) big = deal_size (50000);
  g_autoptr(OnloopTrigger) bigger = deal_size (75000);
  g_autoptr(OnloopSpec) v1 = NULL;
  g_autoptr(OnloopCommand) restore = NULL;
  GError *error = NULL;

  onloop_store_add_trigger (f->store, big, -1, &error);
  publish (f, "v1", g_get_real_time (), 1);
  onloop_store_update_trigger (f->store, "deal-size", bigger, &error);
  g_assert_no_error (error);

  v1 = onloop_store_load_version (f->store, 1, &error);
  restore = onloop_spec_command_new_set_draft (v1, "Restore version 1");
  g_assert_true (onloop_undo_stack_push (undo, restore, &error));
  g_assert_no_error (error);
  g_assert_false (onloop_store_has_unpublished_changes (f->store));
  g_assert_true (onloop_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  {
    g_autoptr(OnloopTrigger) t = onloop_store_get_trigger (f->store, "deal-size", &error);
    g_assert_cmpfloat (t->min_arr, ==, 75000);
  }
}

static void
test_undo_workflow (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OnloopUndoStack) undo = onloop_undo_stack_new (f->store);
  g_autoptr(OnloopCommand) command = NULL;
  g_autofree char *cadence = NULL;
  GError *error = NULL;
  OnloopPhase phase;

  command = onloop_spec_command_new_set_workflow ("Follow-ups", ONLOOP_PHASE_STEADY, "monthly");
  g_assert_true (onloop_undo_stack_push (undo, command, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_true (onloop_store_get_workflow (f->store, "Follow-ups", &phase, &cadence, &error));
  g_assert_cmpint (phase, ==, ONLOOP_PHASE_STEADY);
  g_assert_cmpstr (cadence, ==, "monthly");
  {
    g_autoptr(OnloopSpec) spec = draft (f);
    g_assert_cmpstr (onloop_spec_find_decision (spec, "follow-up-timing")->phase, ==, "steady");
  }

  g_clear_object (&undo);
  undo = onloop_undo_stack_new (f->store);
  g_clear_object (&command);
  command = onloop_spec_command_new_set_workflow ("Follow-ups", ONLOOP_PHASE_EXCEPTION_ONLY, NULL);
  g_assert_true (onloop_undo_stack_push (undo, command, &error));
  g_assert_true (onloop_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cadence, g_free);
  g_assert_true (onloop_store_get_workflow (f->store, "Follow-ups", &phase, &cadence, &error));
  g_assert_cmpint (phase, ==, ONLOOP_PHASE_STEADY);
  g_assert_cmpstr (cadence, ==, "monthly");
}

/* The evaluations the workspace keeps follow the spec in force: the draft
 * while nothing is published, the versions after that. So editing the draft
 * (on the board or in the boundaries) calls for a recomputation only before
 * the first version; publishing always does. */
static void
test_stale_follows_spec_in_force (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  onloop_store_clear_stale (f->store, &error);
  g_assert_no_error (error);
  onloop_store_move_decision (f->store, "lead-scoring", ONLOOP_CATEGORY_JUDGMENT, 0, &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_is_stale (f->store));

  onloop_store_clear_stale (f->store, &error);
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MAY, "send_follow_up", "Send follow-ups");
  g_assert_true (onloop_store_is_stale (f->store));

  onloop_store_clear_stale (f->store, &error);
  publish (f, "First version", 1000 * G_USEC_PER_SEC, 1);
  g_assert_true (onloop_store_is_stale (f->store));

  onloop_store_clear_stale (f->store, &error);
  onloop_store_move_decision (f->store, "lead-scoring", ONLOOP_CATEGORY_EXECUTION, 0, &error);
  g_assert_no_error (error);
  add_item (f, "follow-up-timing", ONLOOP_BOUNDARY_MUST_NOT, "commit_pricing", "Commit to pricing");
  g_assert_false (onloop_store_is_stale (f->store));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store-spec/draft/is-the-map", test_draft_is_the_map);
  ADD ("/store-spec/items/persist-across-reopen", test_items_persist);
  ADD ("/store-spec/items/refusals-leave-file-unchanged", test_item_refusals);
  ADD ("/store-spec/triggers/persist-across-reopen", test_triggers_persist);
  ADD ("/store-spec/triggers/refusals-leave-file-unchanged", test_trigger_refusals);
  ADD ("/store-spec/triggers/at-most-61", test_trigger_limit);
  ADD ("/store-spec/publish/numbering-and-immutability", test_publish);
  ADD ("/store-spec/publish/refuses-invalid-draft", test_publish_refuses_invalid_draft);
  ADD ("/store-spec/in-force/version-edges", test_spec_in_force);
  ADD ("/store-spec/import/upserts-decisions-replaces-boundaries", test_import_upserts);
  ADD ("/store-spec/import/refusal-leaves-file-unchanged", test_import_refusal_leaves_file);
  ADD ("/store-spec/restore/and-unpublished-changes", test_restore_and_unpublished);
  ADD ("/store-spec/undo/triggers", test_undo_trigger);
  ADD ("/store-spec/undo/items", test_undo_items);
  ADD ("/store-spec/undo/set-draft", test_undo_set_draft);
  ADD ("/store-spec/undo/workflow-phase-and-cadence", test_undo_workflow);
  ADD ("/store-spec/stale/follows-the-spec-in-force", test_stale_follows_spec_in_force);
#undef ADD

  return g_test_run ();
}
