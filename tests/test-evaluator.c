/* test-evaluator.c: every rule of PRODUCT.md §3, one test each
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "onloop-engine.h"
#include "onloop-evaluator.h"
#include "onloop-log-parser.h"
#include "onloop-store-log.h"
#include "onloop-store-spec.h"
#include "onloop-test-util.h"

/* A spec with one decision of each kind and the five triggers of §3. */
static const char *base_spec =
  "{\"format\": \"onloop.spec/1\","
  " \"decisions\": ["
  "  {\"key\": \"follow-up\", \"title\": \"Follow-up\", \"category\": \"execution\","
  "   \"may\": [{\"id\": \"send\", \"label\": \"Send\"}, {\"id\": \"wait\", \"label\": \"Wait\"}],"
  "   \"uses\": [], \"must_not\": [{\"id\": \"commit_pricing\", \"label\": \"Commit to pricing\"}]},"
  "  {\"key\": \"open\", \"title\": \"Open\", \"category\": \"execution\","
  "   \"may\": [], \"uses\": [], \"must_not\": [{\"id\": \"delete\", \"label\": \"Delete\"}]},"
  "  {\"key\": \"discount\", \"title\": \"Discount\", \"category\": \"judgment\","
  "   \"may\": [{\"id\": \"send\", \"label\": \"Send\"}], \"uses\": [], \"must_not\": [{\"id\": \"commit_pricing\", \"label\": \"C\"}]}"
  " ],"
  " \"triggers\": ["
  "  {\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 50000},"
  "  {\"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"below\": -0.3},"
  "  {\"id\": \"first-time\", \"kind\": \"first_time\", \"fields\": [\"industry\", \"persona\"]},"
  "  {\"id\": \"conflicting-signals\", \"kind\": \"conflicting_signals\", \"min_engagement\": 0.7, \"min_days_in_stage\": 21},"
  "  {\"id\": \"ethical\", \"kind\": \"ethical\", \"tags\": [\"competitive-intel\", \"former-employee\"]}"
  " ]}";

static OnloopSpec *
parse_spec (const char *json)
{
  g_autoptr(GError) error = NULL;
  OnloopSpec *spec = onloop_spec_parse (json, -1, &error);

  g_assert_no_error (error);
  return spec;
}

static OnloopEvent *
parse_event (const char *json)
{
  g_autoptr(GError) error = NULL;
  OnloopEvent *event = onloop_event_parse (json, strlen (json), &error);

  g_assert_no_error (error);
  return event;
}

/* The verdict of one event (no first-time history) as JSON. */
static char *
verdict (OnloopSpec *spec,
         const char *event_json,
         guint       first)
{
  g_autoptr(OnloopEvent) event = parse_event (event_json);
  OnloopEvaluator *evaluator = onloop_evaluator_new (spec, NULL);
  char *json = onloop_evaluator_verdict_json (evaluator, event->id,
                                              onloop_evaluator_reasons (evaluator, event, first));

  onloop_evaluator_free (evaluator);
  return json;
}

#define EV(ctx) "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"follow-up\", \"action\": \"send\", \"context\": {" ctx "}}"
#define NO "{\"id\": \"e\", \"escalate\": false, \"reasons\": []}"

static void
assert_verdict (OnloopSpec *spec,
                const char *event_json,
                const char *expected)
{
  g_autofree char *got = verdict (spec, event_json, 0);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_deal_size (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (base_spec);
  const char *yes = "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"deal-size\"]}";

  assert_verdict (spec, EV ("\"deal_arr\": 50000"), yes);      /* at the threshold: ≥ */
  assert_verdict (spec, EV ("\"deal_arr\": 50000.5"), yes);
  assert_verdict (spec, EV ("\"deal_arr\": 49999.99"), NO);
  assert_verdict (spec, EV (""), NO);                           /* missing never fires */
}

static void
test_sentiment (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (base_spec);
  const char *yes = "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"negative-sentiment\"]}";

  assert_verdict (spec, EV ("\"sentiment\": -0.31"), yes);
  assert_verdict (spec, EV ("\"sentiment\": -1"), yes);
  assert_verdict (spec, EV ("\"sentiment\": -0.3"), NO);        /* strictly below */
  assert_verdict (spec, EV ("\"sentiment\": 0.5"), NO);
  assert_verdict (spec, EV ("\"deal_arr\": 10"), NO);
}

static void
test_conflicting_signals (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (base_spec);
  const char *yes = "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"conflicting-signals\"]}";

  assert_verdict (spec, EV ("\"engagement\": 0.7, \"stage_progressed\": false, \"days_in_stage\": 21"), yes);
  assert_verdict (spec, EV ("\"engagement\": 0.69, \"stage_progressed\": false, \"days_in_stage\": 30"), NO);
  assert_verdict (spec, EV ("\"engagement\": 0.9, \"stage_progressed\": true, \"days_in_stage\": 30"), NO);
  assert_verdict (spec, EV ("\"engagement\": 0.9, \"stage_progressed\": false, \"days_in_stage\": 20"), NO);
  /* Each missing field on its own keeps it from firing. */
  assert_verdict (spec, EV ("\"stage_progressed\": false, \"days_in_stage\": 30"), NO);
  assert_verdict (spec, EV ("\"engagement\": 0.9, \"days_in_stage\": 30"), NO);
  assert_verdict (spec, EV ("\"engagement\": 0.9, \"stage_progressed\": false"), NO);
}

static void
test_ethical (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (base_spec);
  const char *yes = "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"ethical\"]}";

  assert_verdict (spec, EV ("\"tags\": [\"inbound\", \"former-employee\"]"), yes);
  assert_verdict (spec, EV ("\"tags\": [\"inbound\"]"), NO);
  assert_verdict (spec, EV ("\"tags\": []"), NO);
  assert_verdict (spec, EV ("\"tags\": [\"Former-Employee\"]"), NO);   /* tags compare exactly */
  assert_verdict (spec, EV (""), NO);
}

static void
test_first_time_bits (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (base_spec);
  g_autofree char *industry = verdict (spec, EV ("\"industry\": \"Retail\""), ONLOOP_FIELD_INDUSTRY);
  g_autofree char *objection = verdict (spec, EV ("\"objection\": \"price\""), ONLOOP_FIELD_OBJECTION);

  g_assert_cmpstr (industry, ==, "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"first-time\"]}");
  /* objection is not among the trigger's fields. */
  g_assert_cmpstr (objection, ==, NO);
}

static guint
check_first (OnloopFirstTimeHistory *history,
             const char             *json)
{
  g_autoptr(OnloopEvent) event = parse_event (json);
  return onloop_first_time_history_check_and_add (history, event);
}

static void
test_first_time_history (void)
{
  OnloopFirstTimeHistory *history = onloop_first_time_history_new ();

  g_assert_cmpuint (check_first (history, "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\","
                                          " \"context\": {\"industry\": \"Retail\", \"persona\": \"   \"}}"),
                    ==, ONLOOP_FIELD_INDUSTRY);   /* a blank value is never first */
  /* Case and surrounding white space do not make a value new. */
  g_assert_cmpuint (check_first (history, "{\"id\": \"c\", \"at\": \"2026-11-02T10:00:00Z\", \"decision\": \"d\", \"action\": \"a\","
                                          " \"context\": {\"industry\": \"  rETAIL \"}}"), ==, 0);
  /* An earlier event (by at) arriving later is still first… */
  g_assert_cmpuint (check_first (history, "{\"id\": \"z\", \"at\": \"2026-11-01T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\","
                                          " \"context\": {\"industry\": \"retail\"}}"), ==, ONLOOP_FIELD_INDUSTRY);
  /* … and at the same time the id decides: "a" < "b". */
  g_assert_cmpuint (check_first (history, "{\"id\": \"a\", \"at\": \"2026-11-01T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\","
                                          " \"context\": {\"industry\": \"Retail\"}}"), ==, ONLOOP_FIELD_INDUSTRY);
  g_assert_cmpuint (check_first (history, "{\"id\": \"zz\", \"at\": \"2026-11-01T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\","
                                          " \"context\": {\"industry\": \"Retail\"}}"), ==, 0);
  onloop_first_time_history_free (history);
}

static void
test_scope (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (
    "{\"format\": \"onloop.spec/1\", \"decisions\": ["
    "  {\"key\": \"follow-up\", \"title\": \"F\", \"category\": \"execution\", \"may\": [], \"uses\": [], \"must_not\": []},"
    "  {\"key\": \"open\", \"title\": \"O\", \"category\": \"execution\", \"may\": [], \"uses\": [], \"must_not\": []}],"
    " \"triggers\": [{\"id\": \"big\", \"kind\": \"deal_size\", \"min_arr\": 10, \"decisions\": [\"open\"]},"
    "              {\"id\": \"all\", \"kind\": \"deal_size\", \"min_arr\": 10, \"decisions\": []}]}");

  assert_verdict (spec, EV ("\"deal_arr\": 20"), "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"all\"]}");
  assert_verdict (spec,
                  "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"open\", \"action\": \"x\","
                  " \"context\": {\"deal_arr\": 20}}",
                  "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"big\", \"all\"]}");
}

static void
test_disabled (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (
    "{\"format\": \"onloop.spec/1\", \"decisions\": [],"
    " \"triggers\": [{\"id\": \"off\", \"kind\": \"deal_size\", \"enabled\": false, \"min_arr\": 10},"
    "              {\"id\": \"eth\", \"kind\": \"ethical\", \"enabled\": false, \"tags\": [\"x\"]}]}");

  assert_verdict (spec, EV ("\"deal_arr\": 20, \"tags\": [\"x\"]"), NO);
}

static void
test_boundary_reasons (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (base_spec);

  /* In may: nothing. */
  assert_verdict (spec, EV (""), NO);
  /* Prohibited and outside the boundary, both, in that order. */
  assert_verdict (spec,
                  "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"follow-up\", \"action\": \"commit_pricing\"}",
                  "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"prohibited-action\", \"outside-boundary\"]}");
  /* Outside only. */
  assert_verdict (spec,
                  "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"follow-up\", \"action\": \"call\"}",
                  "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"outside-boundary\"]}");
  /* An empty may never makes an action outside the boundary. */
  assert_verdict (spec,
                  "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"open\", \"action\": \"call\"}", NO);
  assert_verdict (spec,
                  "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"open\", \"action\": \"delete\"}",
                  "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"prohibited-action\"]}");
  /* A judgment decision: that reason alone, whatever the action. */
  assert_verdict (spec,
                  "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"discount\", \"action\": \"commit_pricing\"}",
                  "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"judgment-decision\"]}");
  /* A decision the spec does not list: no boundary reason, triggers apply. */
  assert_verdict (spec,
                  "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"unknown\", \"action\": \"commit_pricing\"}", NO);
  assert_verdict (spec,
                  "{\"id\": \"e\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"unknown\", \"action\": \"x\","
                  " \"context\": {\"deal_arr\": 1e6}}",
                  "{\"id\": \"e\", \"escalate\": true, \"reasons\": [\"deal-size\"]}");
}

static void
test_reason_order (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (base_spec);

  /* Triggers in spec order, then boundary reasons; the id is escaped. */
  g_autofree char *got = verdict (spec,
    "{\"id\": \"q\\\"1\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"follow-up\", \"action\": \"commit_pricing\","
    " \"context\": {\"deal_arr\": 60000, \"sentiment\": -0.9, \"industry\": \"Retail\","
    " \"engagement\": 0.8, \"stage_progressed\": false, \"days_in_stage\": 40, \"tags\": [\"competitive-intel\"]}}",
    ONLOOP_FIELD_INDUSTRY);

  g_assert_cmpstr (got, ==,
                   "{\"id\": \"q\\\"1\", \"escalate\": true, \"reasons\": [\"deal-size\", \"negative-sentiment\", "
                   "\"first-time\", \"conflicting-signals\", \"ethical\", \"prohibited-action\", \"outside-boundary\"]}");
}

/* ---- On a workspace ------------------------------------------------------ */

typedef struct
{
  char        *dir;
  char        *path;
  OnloopStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "w.onloop", NULL);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  onloop_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
import_lines (Fixture    *f,
              const char *name,
              const char *lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  onloop_test_write (path, lines, -1);
  onloop_store_import_log (f->store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_first_time_out_of_order_import (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopLog) before = NULL;
  g_autoptr(OnloopLog) after = NULL;

  import_lines (f, "late.jsonl",
                "{\"id\": \"late\", \"at\": \"2026-11-10T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"industry\": \"Retail\"}}\n"
                "{\"id\": \"later\", \"at\": \"2026-11-11T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"industry\": \" retail\"}}\n");
  before = onloop_log_load (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->n_events, ==, 2);
  g_assert_cmpuint (before->first[0], ==, ONLOOP_FIELD_INDUSTRY);
  g_assert_cmpuint (before->first[1], ==, 0);

  /* An older event imported afterwards takes "first" from the later ones. */
  import_lines (f, "early.jsonl",
                "{\"id\": \"early\", \"at\": \"2026-11-01T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"industry\": \"RETAIL\"}}\n");
  after = onloop_log_load (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->n_events, ==, 3);
  g_assert_cmpint (after->at[0], <, after->at[1]);
  g_assert_cmpuint (after->first[0], ==, ONLOOP_FIELD_INDUSTRY);
  g_assert_cmpuint (after->first[1], ==, 0);
  g_assert_cmpuint (after->first[2], ==, 0);
}

static void
test_log_cache_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopLog) scanned = NULL;
  g_autoptr(OnloopLog) cached = NULL;

  import_lines (f, "a.jsonl",
                "{\"id\": \"1\", \"at\": \"2026-11-10T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"deal_arr\": 5, \"tags\": [\"x\", \"y\\\"q\"]}}\n"
                "{\"id\": \"2\", \"at\": \"2026-11-03T09:00:00Z\", \"decision\": \"e\", \"action\": \"b\", \"context\": {\"sentiment\": -0.5, \"engagement\": 0.25, \"stage_progressed\": true, \"days_in_stage\": 9}, \"outcome\": {\"escalated\": true, \"reviewed\": true}}\n");
  scanned = onloop_log_load (f->store, NULL, &error);   /* writes the cache */
  g_assert_no_error (error);
  cached = onloop_log_load (f->store, NULL, &error);    /* reads it */
  g_assert_no_error (error);

  g_assert_cmpuint (cached->n_events, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (cached->at[i], ==, scanned->at[i]);
      g_assert_cmpint (cached->week[i], ==, scanned->week[i]);
      g_assert_cmpstr (g_ptr_array_index (cached->decisions, cached->decision[i]), ==,
                       g_ptr_array_index (scanned->decisions, scanned->decision[i]));
      g_assert_cmpuint (cached->outcome[i], ==, scanned->outcome[i]);
      g_assert_cmpint (cached->days_in_stage[i], ==, scanned->days_in_stage[i]);
      g_assert_true (cached->deal_arr[i] == scanned->deal_arr[i] || (isnan (cached->deal_arr[i]) && isnan (scanned->deal_arr[i])));
    }
  g_assert_cmpstr (g_ptr_array_index (cached->decisions, cached->decision[0]), ==, "e");
  g_assert_cmpuint (cached->tag_start[2] - cached->tag_start[1], ==, 2);
  g_assert_cmpstr (g_ptr_array_index (cached->tag_names, cached->tags[cached->tag_start[1] + 1]), ==, "y\"q");
  g_assert_cmpuint (cached->outcome[0], ==, ONLOOP_OUTCOME_HAS_ESCALATED | ONLOOP_OUTCOME_ESCALATED | ONLOOP_OUTCOME_REVIEWED);

  /* A new import invalidates the cache. */
  import_lines (f, "b.jsonl",
                "{\"id\": \"3\", \"at\": \"2026-11-01T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\"}\n");
  g_clear_pointer (&cached, onloop_log_unref);
  cached = onloop_log_load (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cached->n_events, ==, 3);
}

/* Publishes @spec_json as the next version at @usec. */
static void
publish_at (OnloopStore *store,
            const char  *spec_json,
            gint64       usec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) spec = parse_spec (spec_json);

  onloop_store_set_draft (store, spec, &error);
  g_assert_no_error (error);
  onloop_store_publish_at (store, "note", usec, NULL, &error);
  g_assert_no_error (error);
}

#define SPEC_MIN(n) "{\"format\": \"onloop.spec/1\", \"decisions\": [], \"triggers\": [{\"id\": \"big\", \"kind\": \"deal_size\", \"min_arr\": " #n "}]}"

static void
test_spec_in_force (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopEngine) engine = NULL;
  OnloopLog *log;
  gint64 v2 = 0, v3 = 0;

  /* Each event has deal_arr 150: version 1 (min 100) escalates it, version
   * 2 (min 200) does not, version 3 (min 120) does. */
  import_lines (f, "log.jsonl",
                "{\"id\": \"a\", \"at\": \"2026-10-01T00:00:00Z\", \"decision\": \"d\", \"action\": \"x\", \"context\": {\"deal_arr\": 150}}\n"
                "{\"id\": \"b\", \"at\": \"2026-11-01T23:59:59.999999Z\", \"decision\": \"d\", \"action\": \"x\", \"context\": {\"deal_arr\": 150}}\n"
                "{\"id\": \"c\", \"at\": \"2026-11-02T00:00:00Z\", \"decision\": \"d\", \"action\": \"x\", \"context\": {\"deal_arr\": 150}}\n"
                "{\"id\": \"d\", \"at\": \"2026-11-09T00:00:00Z\", \"decision\": \"d\", \"action\": \"x\", \"context\": {\"deal_arr\": 150}}\n");

  /* No version: the draft (min 130, so everything escalates). */
  {
    g_autoptr(OnloopSpec) draft = parse_spec (SPEC_MIN (130));
    onloop_store_set_draft (f->store, draft, &error);
    g_assert_no_error (error);
    engine = onloop_engine_load (f->store, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 4; i++)
      g_assert_true (onloop_engine_reasons_at (engine, i) != 0);
    g_clear_pointer (&engine, onloop_engine_unref);
  }

  g_assert_true (onloop_time_parse_date ("2026-11-02T00:00:00Z", &v2));
  g_assert_true (onloop_time_parse_date ("2026-11-09T00:00:00Z", &v3));
  publish_at (f->store, SPEC_MIN (100), v2 - G_GINT64_CONSTANT (7) * 24 * 3600 * G_USEC_PER_SEC);
  publish_at (f->store, SPEC_MIN (200), v2);
  publish_at (f->store, SPEC_MIN (120), v3);
  /* The draft no longer matters once something is published. */
  {
    g_autoptr(OnloopSpec) draft = parse_spec (SPEC_MIN (1000000));
    onloop_store_set_draft (f->store, draft, &error);
    g_assert_no_error (error);
  }

  engine = onloop_engine_load (f->store, NULL, &error);
  g_assert_no_error (error);
  log = onloop_engine_get_log (engine);
  g_assert_cmpuint (log->n_events, ==, 4);
  /* a: older than every version → version 1. */
  g_assert_true (onloop_engine_reasons_at (engine, 0) != 0);
  g_assert_cmpint (onloop_engine_spec_in_force (engine, log->at[0])->version, ==, 1);
  /* b: one µs before version 2 → version 1. */
  g_assert_true (onloop_engine_reasons_at (engine, 1) != 0);
  g_assert_cmpint (onloop_engine_spec_in_force (engine, log->at[1])->version, ==, 1);
  /* c: exactly at version 2's time → version 2. */
  g_assert_true (onloop_engine_reasons_at (engine, 2) == 0);
  g_assert_cmpint (onloop_engine_spec_in_force (engine, log->at[2])->version, ==, 2);
  /* d: at version 3. */
  g_assert_true (onloop_engine_reasons_at (engine, 3) != 0);
  g_assert_cmpint (onloop_engine_spec_in_force (engine, log->at[3])->version, ==, 3);
  g_assert_cmpstr (onloop_evaluator_reason_id (onloop_engine_evaluator_at (engine, 3), 0), ==, "big");
}

/* The three ways of evaluating agree on a generated log. */
static void
test_paths_agree (void)
{
  g_autoptr(OnloopSpec) spec = parse_spec (base_spec);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_event_free);
  g_autoptr(OnloopLog) log = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  static const char * const decisions[] = { "follow-up", "open", "discount", "other" };
  static const char * const actions[] = { "send", "wait", "commit_pricing", "delete", "call" };
  static const char * const industries[] = { "Retail", " retail", "SaaS", "saas ", "Energy" };
  static const char * const tags[] = { "competitive-intel", "inbound", "former-employee" };
  OnloopEvaluator *with_log, *without_log;
  OnloopFirstTimeHistory *history = onloop_first_time_history_new ();
  g_autofree OnloopReasons *range = NULL;

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GString) ctx = g_string_new (NULL);
      g_autofree char *json = NULL;

      if (g_rand_boolean (rand))
        g_string_append_printf (ctx, "\"deal_arr\": %d, ", g_rand_int_range (rand, 0, 100000));
      if (g_rand_boolean (rand))
        g_string_append_printf (ctx, "\"sentiment\": %.2f, ", g_rand_double_range (rand, -1, 1));
      if (g_rand_boolean (rand))
        g_string_append_printf (ctx, "\"engagement\": %.2f, ", g_rand_double_range (rand, 0, 1));
      if (g_rand_boolean (rand))
        g_string_append_printf (ctx, "\"stage_progressed\": %s, ", g_rand_boolean (rand) ? "true" : "false");
      if (g_rand_boolean (rand))
        g_string_append_printf (ctx, "\"days_in_stage\": %d, ", g_rand_int_range (rand, 0, 60));
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_printf (ctx, "\"industry\": \"%s\", ", industries[g_rand_int_range (rand, 0, 5)]);
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append_printf (ctx, "\"tags\": [\"%s\"], ", tags[g_rand_int_range (rand, 0, 3)]);
      g_string_append (ctx, "\"persona\": \"p\"");
      json = g_strdup_printf ("{\"id\": \"e%03u\", \"at\": \"2026-11-%02dT%02d:00:00Z\", \"decision\": \"%s\","
                              " \"action\": \"%s\", \"context\": {%s}}",
                              i, g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 0, 24),
                              decisions[g_rand_int_range (rand, 0, 4)], actions[g_rand_int_range (rand, 0, 5)],
                              ctx->str);
      g_ptr_array_add (events, parse_event (json));
    }

  log = onloop_log_new_from_events ((OnloopEvent **) events->pdata, events->len);
  with_log = onloop_evaluator_new (spec, log);
  without_log = onloop_evaluator_new (spec, NULL);
  range = g_new (OnloopReasons, log->n_events);
  onloop_evaluator_reasons_range (with_log, 0, log->n_events, range);

  for (guint i = 0; i < log->n_events; i++)
    g_assert_cmpuint (onloop_evaluator_reasons_at (with_log, i), ==, range[i]);

  /* The stream path, fed in (at, id) order, gives the same first bits and reasons. */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

    for (guint i = 0; i < events->len; i++)
      g_ptr_array_add (sorted, g_ptr_array_index (events, i));

    for (guint i = 0; i < sorted->len; i++)
      for (guint j = i + 1; j < sorted->len; j++)
        {
          OnloopEvent *a = g_ptr_array_index (sorted, i), *b = g_ptr_array_index (sorted, j);
          if (b->at_usec < a->at_usec || (b->at_usec == a->at_usec && strcmp (b->id, a->id) < 0))
            {
              sorted->pdata[i] = b;
              sorted->pdata[j] = a;
            }
        }
    for (guint i = 0; i < sorted->len; i++)
      {
        OnloopEvent *e = g_ptr_array_index (sorted, i);
        guint first = onloop_first_time_history_check_and_add (history, e);

        g_assert_cmpuint (first & ONLOOP_FIELD_INDUSTRY, ==, log->first[i] & ONLOOP_FIELD_INDUSTRY);
        g_assert_cmpuint (onloop_evaluator_reasons (without_log, e, first), ==, range[i]);
      }
  }

  onloop_first_time_history_free (history);
  onloop_evaluator_free (with_log);
  onloop_evaluator_free (without_log);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evaluator/deal-size", test_deal_size);
  g_test_add_func ("/evaluator/sentiment", test_sentiment);
  g_test_add_func ("/evaluator/conflicting-signals", test_conflicting_signals);
  g_test_add_func ("/evaluator/ethical", test_ethical);
  g_test_add_func ("/evaluator/first-time/bits", test_first_time_bits);
  g_test_add_func ("/evaluator/first-time/stream-history", test_first_time_history);
  g_test_add_func ("/evaluator/scope", test_scope);
  g_test_add_func ("/evaluator/disabled", test_disabled);
  g_test_add_func ("/evaluator/boundary-reasons", test_boundary_reasons);
  g_test_add_func ("/evaluator/reason-order", test_reason_order);
  g_test_add_func ("/evaluator/paths-agree", test_paths_agree);
  g_test_add ("/evaluator/first-time/out-of-order-import", Fixture, NULL,
              fixture_set_up, test_first_time_out_of_order_import, fixture_tear_down);
  g_test_add ("/evaluator/log/column-cache", Fixture, NULL,
              fixture_set_up, test_log_cache_round_trip, fixture_tear_down);
  g_test_add ("/evaluator/spec-in-force", Fixture, NULL,
              fixture_set_up, test_spec_in_force, fixture_tear_down);

  return g_test_run ();
}
