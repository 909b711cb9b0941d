/* test-metrics.c: weekly metrics and diagnosis (PRODUCT.md §4), checked
 * against hand-counted weeks and against a naive second implementation
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "onloop-engine.h"
#include "onloop-log-parser.h"
#include "onloop-store-log.h"
#include "onloop-store-map.h"
#include "onloop-store-review.h"
#include "onloop-store-spec.h"
#include "onloop-store-time-entry.h"
#include "onloop-test-util.h"

/* ---- Diagnosis bands ----------------------------------------------------- */

static guint
verdicts_for (guint events,
              guint escalated,
              guint interventions,
              guint overrides,
              guint false_negatives)
{
  OnloopThresholds t;
  OnloopWeekMetrics m = { 0 };

  onloop_thresholds_init_default (&t);
  m.events = events;
  m.escalated = escalated;
  m.interventions = interventions;
  m.overrides = overrides;
  m.false_negatives = false_negatives;
  onloop_week_metrics_finish (&m, &t);
  return m.verdicts;
}

static void
test_exception_bands (void)
{
  /* Each edge of §4, from both sides, on 100 and on 20 events. */
  g_assert_cmpuint (verdicts_for (100, 4, 0, 0, 0), ==, ONLOOP_VERDICT_TOO_LOOSE);
  g_assert_cmpuint (verdicts_for (100, 5, 0, 0, 0), ==, ONLOOP_VERDICT_BELOW_TARGET);   /* 0.05 */
  g_assert_cmpuint (verdicts_for (20, 1, 0, 0, 0), ==, ONLOOP_VERDICT_BELOW_TARGET);
  g_assert_cmpuint (verdicts_for (100, 9, 0, 0, 0), ==, ONLOOP_VERDICT_BELOW_TARGET);
  g_assert_cmpuint (verdicts_for (100, 10, 0, 0, 0), ==, ONLOOP_VERDICT_ON_TARGET);     /* 0.10 */
  g_assert_cmpuint (verdicts_for (20, 3, 0, 0, 0), ==, ONLOOP_VERDICT_ON_TARGET);       /* 0.15 */
  g_assert_cmpuint (verdicts_for (100, 15, 0, 0, 0), ==, ONLOOP_VERDICT_ON_TARGET);
  g_assert_cmpuint (verdicts_for (1000, 151, 0, 0, 0), ==, ONLOOP_VERDICT_ABOVE_TARGET);
  g_assert_cmpuint (verdicts_for (100, 20, 0, 0, 0), ==, ONLOOP_VERDICT_ABOVE_TARGET);  /* 0.20 */
  g_assert_cmpuint (verdicts_for (1000, 201, 0, 0, 0), ==, ONLOOP_VERDICT_IN_THE_LOOP);
  g_assert_cmpuint (verdicts_for (1, 1, 0, 0, 0), ==, ONLOOP_VERDICT_IN_THE_LOOP);
  g_assert_cmpuint (verdicts_for (10, 0, 0, 0, 0), ==, ONLOOP_VERDICT_TOO_LOOSE);
  /* No events: no rate, no band. */
  g_assert_cmpuint (verdicts_for (0, 0, 0, 0, 0), ==, 0);
}

static void
test_override_and_gap (void)
{
  /* override_rate < 0.30 is too sensitive; exactly 0.30 is not. */
  g_assert_cmpuint (verdicts_for (100, 10, 10, 3, 0), ==, ONLOOP_VERDICT_ON_TARGET);
  g_assert_cmpuint (verdicts_for (100, 10, 10, 2, 0), ==, ONLOOP_VERDICT_ON_TARGET | ONLOOP_VERDICT_TOO_SENSITIVE);
  g_assert_cmpuint (verdicts_for (100, 10, 10, 0, 0), ==, ONLOOP_VERDICT_ON_TARGET | ONLOOP_VERDICT_TOO_SENSITIVE);
  /* No interventions: override rate null, no verdict. */
  g_assert_cmpuint (verdicts_for (100, 10, 0, 0, 0), ==, ONLOOP_VERDICT_ON_TARGET);
  g_assert_cmpuint (verdicts_for (100, 10, 0, 0, 1), ==, ONLOOP_VERDICT_ON_TARGET | ONLOOP_VERDICT_TRIGGER_GAP);
  g_assert_cmpstr (onloop_verdict_id (ONLOOP_VERDICT_TRIGGER_GAP), ==, "trigger-gap");
  g_assert_cmpstr (onloop_verdict_id (ONLOOP_VERDICT_IN_THE_LOOP), ==, "in-the-loop");
  g_assert_null (onloop_verdict_id (ONLOOP_VERDICT_TOO_LOOSE | ONLOOP_VERDICT_ON_TARGET));
}

static void
test_nulls_and_rates (void)
{
  OnloopThresholds t;
  OnloopWeekMetrics m = { 0 };

  onloop_thresholds_init_default (&t);
  onloop_week_metrics_finish (&m, &t);
  g_assert_true (isnan (m.exception_rate));
  g_assert_true (isnan (m.override_rate));
  g_assert_true (isnan (m.false_negative_rate));
  g_assert_true (isnan (m.judgment_share));

  m.events = 8;
  m.escalated = 8;
  m.hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT] = 6;
  m.hours[ONLOOP_HOURS_STRATEGY] = 2;
  m.hours[ONLOOP_HOURS_OTHER] = 2;
  onloop_week_metrics_finish (&m, &t);
  g_assert_cmpuint (m.autonomous, ==, 0);
  g_assert_true (isnan (m.false_negative_rate));   /* no autonomous events */
  g_assert_cmpfloat (m.exception_rate, ==, 1.0);
  g_assert_cmpfloat (m.hours_total, ==, 10);
  g_assert_cmpfloat (m.judgment_share, ==, 0.2);
}

static void
test_range_parse (void)
{
  g_autoptr(GError) error = NULL;
  OnloopRange r;
  gint64 day;

  g_assert_true (onloop_range_parse ("2026-11-02", "2026-11-08", &r, &error));
  g_assert_true (onloop_time_parse_date ("2026-11-02", &day));
  g_assert_cmpint (r.from_usec, ==, day);
  g_assert_cmpint (r.to_usec, ==, day + G_GINT64_CONSTANT (7) * 24 * 3600 * G_USEC_PER_SEC);
  g_assert_true (onloop_range_parse (NULL, NULL, &r, &error));
  g_assert_cmpint (r.from_usec, ==, G_MININT64);
  g_assert_false (onloop_range_parse ("yesterday", NULL, &r, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (onloop_range_parse ("2026-11-09", "2026-11-02", &r, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
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
import_text (Fixture    *f,
             const char *lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "log.jsonl", NULL);

  onloop_test_write (path, lines, -1);
  onloop_store_import_log (f->store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
set_draft (Fixture    *f,
           const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) spec = onloop_spec_parse (json, -1, &error);

  g_assert_no_error (error);
  onloop_store_set_draft (f->store, spec, &error);
  g_assert_no_error (error);
}

static GArray *
read_metrics (Fixture    *f,
              const char *from,
              const char *to)
{
  g_autoptr(GError) error = NULL;
  OnloopRange range;
  GArray *weeks;

  g_assert_true (onloop_range_parse (from, to, &range, &error));
  weeks = onloop_engine_read_metrics (f->store, range, NULL, &error);
  g_assert_no_error (error);
  return weeks;
}

#define E(id, at, decision, action, ctx, outcome) \
  "{\"id\": \"" id "\", \"at\": \"" at "\", \"decision\": \"" decision "\", \"action\": \"" action "\"," \
  " \"context\": {" ctx "}, \"outcome\": {" outcome "}}\n"

static const char *spec_deal =
  "{\"format\": \"onloop.spec/1\", \"decisions\": [],"
  " \"triggers\": [{\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 100}]}";

static void
test_every_metric (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) later = NULL;
  OnloopWeekMetrics *w;
  OnloopTimeEntry *entry;

  set_draft (f, spec_deal);
  /* Week 2026-W45 (Mon 2 Nov – Sun 8 Nov) has 10 events:
   *  a  recorded escalated, reviewed, overridden        → escalated, intervention, override; drift
   *  b  recorded escalated, reviewed                    → escalated, intervention; drift (spec says no)
   *  c  evaluated escalated (deal 500), reviewed, overridden → escalated, intervention, override
   *  d  evaluated escalated (deal 100 = min)            → escalated
   *  e  recorded not escalated although the spec says yes → autonomous, drift
   *  f  autonomous with quality_issue                   → false negative
   *  g  autonomous, a spot check marks "quality-issue"  → false negative
   *  h  autonomous, a spot check marks OK               → nothing
   *  i  escalated (deal) with quality_issue             → not a false negative
   *  j  autonomous, reviewed and overridden without escalation → no intervention
   * W46 has no event; W47 one event, on Sunday 23:59:59 UTC. */
  import_text (f,
               E ("a", "2026-11-02T00:00:00Z", "d", "x", "", "\"escalated\": true, \"reviewed\": true, \"overridden\": true")
               E ("b", "2026-11-03T10:00:00+02:00", "d", "x", "\"deal_arr\": 5", "\"escalated\": true, \"reviewed\": true")
               E ("c", "2026-11-03T12:00:00Z", "d", "x", "\"deal_arr\": 500", "\"reviewed\": true, \"overridden\": true")
               E ("d", "2026-11-04T12:00:00Z", "d", "x", "\"deal_arr\": 100", "")
               E ("e", "2026-11-04T13:00:00Z", "d", "x", "\"deal_arr\": 900", "\"escalated\": false")
               E ("f", "2026-11-05T12:00:00Z", "d", "x", "", "\"quality_issue\": true")
               E ("g", "2026-11-06T12:00:00Z", "d", "x", "", "")
               E ("h", "2026-11-07T12:00:00Z", "d", "x", "", "")
               E ("i", "2026-11-08T23:59:59Z", "d", "x", "\"deal_arr\": 100", "\"quality_issue\": true")
               E ("j", "2026-11-08T22:00:00Z", "d", "x", "", "\"reviewed\": true, \"overridden\": true")
               E ("k", "2026-11-22T23:59:59Z", "d", "x", "", ""));
  onloop_store_set_spot_check (f->store, "g", ONLOOP_SPOT_CHECK_QUALITY_ISSUE, "wrong tone", &error);
  g_assert_no_error (error);
  onloop_store_set_spot_check (f->store, "h", ONLOOP_SPOT_CHECK_OK, "", &error);
  g_assert_no_error (error);
  onloop_store_set_spot_check (f->store, "i", ONLOOP_SPOT_CHECK_QUALITY_ISSUE, "", &error);
  g_assert_no_error (error);

  entry = onloop_time_entry_new (202645, "Dana");
  entry->hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT] = 6;
  entry->hours[ONLOOP_HOURS_EXCEPTION_HANDLING] = 3;
  entry->hours[ONLOOP_HOURS_STRATEGY] = 4;
  entry->hours[ONLOOP_HOURS_COACHING] = 5;
  entry->hours[ONLOOP_HOURS_RELATIONSHIP_REPAIR] = 2;
  onloop_store_set_time_entry (f->store, entry, &error);
  g_assert_no_error (error);
  onloop_time_entry_free (entry);
  entry = onloop_time_entry_new (202645, "Sam");
  entry->hours[ONLOOP_HOURS_OTHER] = 5;
  entry->hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT] = 5;
  onloop_store_set_time_entry (f->store, entry, &error);
  g_assert_no_error (error);
  onloop_time_entry_free (entry);
  /* Hours for a week without events extend the list. */
  entry = onloop_time_entry_new (202648, "Dana");
  entry->hours[ONLOOP_HOURS_COACHING] = 1;
  onloop_store_set_time_entry (f->store, entry, &error);
  g_assert_no_error (error);
  onloop_time_entry_free (entry);

  weeks = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (weeks->len, ==, 4);   /* W45, W46 (empty), W47, W48 (hours only) */
  w = &g_array_index (weeks, OnloopWeekMetrics, 0);
  g_assert_cmpint (w->week, ==, 202645);
  g_assert_cmpuint (w->events, ==, 10);
  g_assert_cmpuint (w->escalated, ==, 5);   /* a b c d i */
  g_assert_cmpfloat (w->exception_rate, ==, 0.5);
  g_assert_cmpuint (w->interventions, ==, 3);
  g_assert_cmpuint (w->overrides, ==, 2);
  g_assert_cmpfloat (w->override_rate, ==, 2.0 / 3.0);
  g_assert_cmpuint (w->autonomous, ==, 5);
  g_assert_cmpuint (w->false_negatives, ==, 2);  /* f g */
  g_assert_cmpfloat (w->false_negative_rate, ==, 0.4);
  g_assert_cmpuint (w->drift, ==, 3);             /* a b e */
  g_assert_cmpfloat (w->hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT], ==, 11);
  g_assert_cmpfloat (w->hours[ONLOOP_HOURS_OTHER], ==, 5);
  g_assert_cmpfloat (w->hours_total, ==, 30);
  g_assert_cmpfloat (w->judgment_share, ==, 14.0 / 30.0);
  g_assert_cmpuint (w->verdicts, ==, ONLOOP_VERDICT_IN_THE_LOOP | ONLOOP_VERDICT_TRIGGER_GAP);

  w = &g_array_index (weeks, OnloopWeekMetrics, 1);
  g_assert_cmpint (w->week, ==, 202646);
  g_assert_cmpuint (w->events, ==, 0);
  g_assert_true (isnan (w->exception_rate));
  g_assert_cmpuint (w->verdicts, ==, 0);
  w = &g_array_index (weeks, OnloopWeekMetrics, 2);
  g_assert_cmpint (w->week, ==, 202647);
  g_assert_cmpuint (w->events, ==, 1);
  g_assert_cmpuint (w->verdicts, ==, ONLOOP_VERDICT_TOO_LOOSE);
  w = &g_array_index (weeks, OnloopWeekMetrics, 3);
  g_assert_cmpint (w->week, ==, 202648);
  g_assert_cmpfloat (w->judgment_share, ==, 1.0);

  /* A range selects whole weeks: any day of the week inside. */
  later = read_metrics (f, "2026-11-08", "2026-11-15");
  g_assert_cmpuint (later->len, ==, 2);
  g_assert_cmpint (g_array_index (later, OnloopWeekMetrics, 0).week, ==, 202645);
  g_assert_cmpuint (g_array_index (later, OnloopWeekMetrics, 0).events, ==, 10);
  g_assert_cmpint (g_array_index (later, OnloopWeekMetrics, 1).week, ==, 202646);

  /* Clearing the mark brings the false negative back down. */
  onloop_store_clear_spot_check (f->store, "g", &error);
  g_assert_no_error (error);
  g_clear_pointer (&weeks, g_array_unref);
  weeks = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (g_array_index (weeks, OnloopWeekMetrics, 0).false_negatives, ==, 1);
}

static void
test_thresholds_from_settings (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;

  set_draft (f, spec_deal);
  /* 1 of 4 escalated: 0.25, in the loop by default. */
  import_text (f,
               E ("a", "2026-11-02T00:00:00Z", "d", "x", "\"deal_arr\": 100", "")
               E ("b", "2026-11-02T00:00:01Z", "d", "x", "", "")
               E ("c", "2026-11-02T00:00:02Z", "d", "x", "", "")
               E ("d", "2026-11-02T00:00:03Z", "d", "x", "", ""));
  weeks = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (g_array_index (weeks, OnloopWeekMetrics, 0).verdicts, ==, ONLOOP_VERDICT_IN_THE_LOOP);
  g_clear_pointer (&weeks, g_array_unref);

  onloop_store_set_setting (f->store, "diagnosis.target_high", "0.25", &error);
  g_assert_no_error (error);
  onloop_store_set_setting (f->store, "diagnosis.in_the_loop", "0.5", &error);
  g_assert_no_error (error);
  weeks = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (g_array_index (weeks, OnloopWeekMetrics, 0).verdicts, ==, ONLOOP_VERDICT_ON_TARGET);
}

/* With nothing published the draft is in force, and the draft is the live
 * map: moving a card to Judgment changes the numbers at once. */
static void
test_map_edit_refreshes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;

  set_draft (f,
             "{\"format\": \"onloop.spec/1\", \"decisions\": ["
             " {\"key\": \"d\", \"title\": \"D\", \"category\": \"execution\", \"may\": [], \"uses\": [], \"must_not\": []}],"
             " \"triggers\": []}");
  import_text (f, E ("a", "2026-11-02T00:00:00Z", "d", "x", "", "") E ("b", "2026-11-02T00:00:01Z", "e", "x", "", ""));
  before = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (g_array_index (before, OnloopWeekMetrics, 0).escalated, ==, 0);

  onloop_store_move_decision (f->store, "d", ONLOOP_CATEGORY_JUDGMENT, 0, &error);
  g_assert_no_error (error);
  after = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (g_array_index (after, OnloopWeekMetrics, 0).escalated, ==, 1);
}

/* A refresh killed half-way leaves the flag at '2': the next read still
 * refreshes. */
static void
test_interrupted_refresh (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  g_autofree char *path = g_build_filename (f->dir, "more.jsonl", NULL);

  set_draft (f, spec_deal);
  import_text (f, E ("a", "2026-11-02T00:00:00Z", "d", "x", "\"deal_arr\": 100", ""));
  first = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (g_array_index (first, OnloopWeekMetrics, 0).events, ==, 1);

  onloop_test_write (path, E ("b", "2026-11-03T00:00:00Z", "d", "x", "", ""), -1);
  onloop_store_import_log (f->store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  onloop_store_set_setting (f->store, "engine.stale", "2", &error);
  g_assert_no_error (error);

  second = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (g_array_index (second, OnloopWeekMetrics, 0).events, ==, 2);
  g_assert_null (onloop_store_get_setting (f->store, "engine.stale"));
}

static void
test_empty_workspace (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GArray) weeks = read_metrics (f, NULL, NULL);

  g_assert_cmpuint (weeks->len, ==, 0);
}

/* ---- A naive second implementation of §3–4 ------------------------------- */

typedef struct
{
  char    *id;
  gint64   at;
  char    *decision;
  char    *action;
  double   deal_arr, sentiment, engagement;   /* NAN: absent */
  int      stage;                             /* -1 absent */
  int      days;                              /* -1 absent */
  char    *industry;
  char    *tag;                               /* at most one tag */
  int      recorded;                          /* -1 absent */
  gboolean reviewed, overridden, quality;
} NaiveEvent;

typedef struct
{
  gint64  published;
  double  min_arr;
  double  below;
  gboolean judgment_d3;    /* decision "d3" categorised judgment */
} NaiveSpec;

static char *
naive_normalize (const char *value)
{
  g_autofree char *copy = g_strdup (value);

  g_strstrip (copy);
  return *copy != '\0' ? g_utf8_casefold (copy, -1) : NULL;
}

static gboolean
naive_first (NaiveEvent *events,
             guint       n,
             guint       k)
{
  g_autofree char *mine = events[k].industry ? naive_normalize (events[k].industry) : NULL;

  if (mine == NULL)
    return FALSE;
  for (guint j = 0; j < n; j++)
    {
      g_autofree char *other = NULL;
      gboolean earlier = events[j].at < events[k].at ||
                         (events[j].at == events[k].at && strcmp (events[j].id, events[k].id) < 0);

      if (!earlier || events[j].industry == NULL)
        continue;
      other = naive_normalize (events[j].industry);
      if (g_strcmp0 (other, mine) == 0)
        return FALSE;
    }
  return TRUE;
}

/* The spec of the test: deal-size, sentiment, first-time (industry),
 * conflicting-signals (0.8, 14 days) scoped to d1, ethical on "ethics";
 * d1 may only "send" and must not "promise"; d3 may be judgment. */
static gboolean
naive_escalates (const NaiveSpec *s,
                 NaiveEvent      *events,
                 guint            n,
                 guint            k)
{
  NaiveEvent *e = &events[k];

  if (!isnan (e->deal_arr) && e->deal_arr >= s->min_arr)
    return TRUE;
  if (!isnan (e->sentiment) && e->sentiment < s->below)
    return TRUE;
  if (naive_first (events, n, k))
    return TRUE;
  if (g_str_equal (e->decision, "d1") && !isnan (e->engagement) && e->engagement >= 0.8 &&
      e->stage == 0 && e->days >= 14)
    return TRUE;
  if (e->tag != NULL && g_str_equal (e->tag, "ethics"))
    return TRUE;
  if (g_str_equal (e->decision, "d3"))
    return s->judgment_d3;
  if (g_str_equal (e->decision, "d1") && !g_str_equal (e->action, "send"))
    return TRUE;   /* outside the boundary (and maybe prohibited) */
  return FALSE;
}

static char *
naive_spec_json (const NaiveSpec *s)
{
  return g_strdup_printf (
    "{\"format\": \"onloop.spec/1\", \"decisions\": ["
    " {\"key\": \"d1\", \"title\": \"D1\", \"category\": \"execution\", \"may\": [{\"id\": \"send\", \"label\": \"S\"}],"
    "  \"uses\": [], \"must_not\": [{\"id\": \"promise\", \"label\": \"P\"}]},"
    " {\"key\": \"d3\", \"title\": \"D3\", \"category\": \"%s\", \"may\": [], \"uses\": [], \"must_not\": []}],"
    " \"triggers\": ["
    "  {\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": %g},"
    "  {\"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"below\": %g},"
    "  {\"id\": \"first-time\", \"kind\": \"first_time\", \"fields\": [\"industry\"]},"
    "  {\"id\": \"conflicting-signals\", \"kind\": \"conflicting_signals\", \"min_engagement\": 0.8,"
    "   \"min_days_in_stage\": 14, \"decisions\": [\"d1\"]},"
    "  {\"id\": \"ethical\", \"kind\": \"ethical\", \"tags\": [\"ethics\"]}]}",
    s->judgment_d3 ? "judgment" : "execution", s->min_arr, s->below);
}

static void
check_against_naive (Fixture *f,
                     guint    seed,
                     gboolean publish)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) weeks = NULL;
  static const char * const industries[] = { "Retail", "retail ", " RETAIL", "SaaS", "Energy", "  " };
  static const char * const decisions[] = { "d1", "d2", "d3" };
  static const char * const actions[] = { "send", "promise", "call" };
  NaiveSpec specs[3] = {
    { 0, 50000, -0.5, TRUE },
    { 0, 20000, -0.2, FALSE },
    { 0, 80000, -0.8, TRUE },
  };
  guint n = 300 + g_rand_int_range (rand, 0, 200);
  NaiveEvent *events = g_new0 (NaiveEvent, n);
  gint64 base, span = G_GINT64_CONSTANT (6) * 7 * 24 * 3600 * G_USEC_PER_SEC;
  guint n_specs = publish ? 3 : 1;

  g_assert_true (onloop_time_parse_date ("2026-10-05", &base));
  specs[1].published = base + span / 3;
  specs[2].published = base + 2 * span / 3;

  for (guint i = 0; i < n; i++)
    {
      NaiveEvent *e = &events[i];
      g_autoptr(GString) ctx = g_string_new (NULL);
      g_autoptr(GString) outcome = g_string_new (NULL);
      g_autofree char *at = NULL;

      e->id = g_strdup_printf ("ev%04u", g_rand_int_range (rand, 0, 10000) * 1000 + i);
      /* Whole seconds; some share a time so that the id orders them. */
      e->at = base + (g_rand_int_range (rand, 0, (int) (span / G_USEC_PER_SEC / 600)) * (gint64) 600) * G_USEC_PER_SEC;
      e->decision = g_strdup (decisions[g_rand_int_range (rand, 0, 3)]);
      e->action = g_strdup (actions[g_rand_int_range (rand, 0, 3)]);
      e->deal_arr = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 100000) : NAN;
      e->sentiment = g_rand_boolean (rand) ? g_rand_int_range (rand, -100, 101) / 100.0 : NAN;
      e->engagement = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 101) / 100.0 : NAN;
      e->stage = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 2) : -1;
      e->days = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 30) : -1;
      e->industry = g_rand_int_range (rand, 0, 8) == 0 ? g_strdup (industries[g_rand_int_range (rand, 0, 6)]) : NULL;
      e->tag = g_rand_int_range (rand, 0, 10) == 0 ? g_strdup (g_rand_boolean (rand) ? "ethics" : "other") : NULL;
      e->recorded = g_rand_int_range (rand, 0, 3) == 0 ? g_rand_int_range (rand, 0, 2) : -1;
      e->reviewed = g_rand_int_range (rand, 0, 3) != 0;
      e->overridden = g_rand_int_range (rand, 0, 3) == 0;
      e->quality = g_rand_int_range (rand, 0, 12) == 0;

      if (!isnan (e->deal_arr))
        g_string_append_printf (ctx, "%s\"deal_arr\": %.0f", ctx->len ? ", " : "", e->deal_arr);
      if (!isnan (e->sentiment))
        g_string_append_printf (ctx, "%s\"sentiment\": %.2f", ctx->len ? ", " : "", e->sentiment);
      if (!isnan (e->engagement))
        g_string_append_printf (ctx, "%s\"engagement\": %.2f", ctx->len ? ", " : "", e->engagement);
      if (e->stage >= 0)
        g_string_append_printf (ctx, "%s\"stage_progressed\": %s", ctx->len ? ", " : "", e->stage ? "true" : "false");
      if (e->days >= 0)
        g_string_append_printf (ctx, "%s\"days_in_stage\": %d", ctx->len ? ", " : "", e->days);
      if (e->industry != NULL)
        g_string_append_printf (ctx, "%s\"industry\": \"%s\"", ctx->len ? ", " : "", e->industry);
      if (e->tag != NULL)
        g_string_append_printf (ctx, "%s\"tags\": [\"%s\"]", ctx->len ? ", " : "", e->tag);
      g_string_append_printf (outcome, "\"reviewed\": %s, \"overridden\": %s, \"quality_issue\": %s",
                              e->reviewed ? "true" : "false", e->overridden ? "true" : "false",
                              e->quality ? "true" : "false");
      if (e->recorded >= 0)
        g_string_append_printf (outcome, ", \"escalated\": %s", e->recorded ? "true" : "false");
      at = onloop_time_format_rfc3339 (e->at);
      g_string_append_printf (text, "{\"id\": \"%s\", \"at\": \"%s\", \"decision\": \"%s\", \"action\": \"%s\","
                              " \"context\": {%s}, \"outcome\": {%s}}\n",
                              e->id, at, e->decision, e->action, ctx->str, outcome->str);
    }
  import_text (f, text->str);

  for (guint k = 0; k < n_specs; k++)
    {
      g_autofree char *json = naive_spec_json (&specs[k]);

      set_draft (f, json);
      if (publish)
        {
          onloop_store_publish_at (f->store, "v", k == 0 ? base + span / 10 : specs[k].published, NULL, &error);
          g_assert_no_error (error);
        }
    }
  if (publish)
    {
      /* A draft that would escalate everything must not matter. */
      NaiveSpec loud = { 0, 0, 1, TRUE };
      g_autofree char *json = naive_spec_json (&loud);
      set_draft (f, json);
    }

  /* The naive weekly sums. */
  for (guint i = 0; i < n; i++)
    {
      NaiveEvent *e = &events[i];
      guint k = 0;
      gboolean evaluated, escalated;
      guint *row;
      OnloopWeek week = onloop_week_from_usec (e->at);

      for (guint j = 1; j < n_specs; j++)
        if (specs[j].published <= e->at)
          k = j;
      evaluated = naive_escalates (&specs[k], events, n, i);
      escalated = e->recorded >= 0 ? e->recorded : evaluated;

      row = g_hash_table_lookup (expected, GINT_TO_POINTER (week));
      if (row == NULL)
        {
          row = g_new0 (guint, 6);
          g_hash_table_insert (expected, GINT_TO_POINTER (week), row);
        }
      row[0]++;
      row[1] += escalated;
      row[2] += escalated && e->reviewed;
      row[3] += escalated && e->reviewed && e->overridden;
      row[4] += !escalated && e->quality;
      row[5] += e->recorded >= 0 && e->recorded != evaluated;
    }

  weeks = read_metrics (f, NULL, NULL);
  g_assert_cmpuint (weeks->len, >=, g_hash_table_size (expected));
  for (guint i = 0; i < weeks->len; i++)
    {
      OnloopWeekMetrics *w = &g_array_index (weeks, OnloopWeekMetrics, i);
      guint zero[6] = { 0 };
      guint *row = g_hash_table_lookup (expected, GINT_TO_POINTER (w->week));

      if (row == NULL)
        row = zero;
      g_assert_cmpuint (w->events, ==, row[0]);
      g_assert_cmpuint (w->escalated, ==, row[1]);
      g_assert_cmpuint (w->interventions, ==, row[2]);
      g_assert_cmpuint (w->overrides, ==, row[3]);
      g_assert_cmpuint (w->false_negatives, ==, row[4]);
      g_assert_cmpuint (w->drift, ==, row[5]);
      g_assert_cmpuint (w->autonomous, ==, row[0] - row[1]);
      if (row[0] > 0)
        g_assert_cmpfloat (w->exception_rate, ==, (double) row[1] / row[0]);
      else
        g_assert_true (isnan (w->exception_rate));
    }

  for (guint i = 0; i < n; i++)
    {
      g_free (events[i].id);
      g_free (events[i].decision);
      g_free (events[i].action);
      g_free (events[i].industry);
      g_free (events[i].tag);
    }
  g_free (events);
}

static void
test_naive_draft (Fixture       *f,
                  gconstpointer  data)
{
  check_against_naive (f, 1, FALSE);
}

static void
test_naive_versions (Fixture       *f,
                     gconstpointer  data)
{
  check_against_naive (f, 2, TRUE);
}

static void
test_naive_more_seeds (void)
{
  for (guint seed = 3; seed < 9; seed++)
    {
      Fixture f;

      fixture_set_up (&f, NULL);
      check_against_naive (&f, seed, seed % 2 == 0);
      fixture_tear_down (&f, NULL);
    }
}

/* ---- Contribution, false negatives, samples ------------------------------ */

static void
test_contribution_and_lists (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopEngine) engine = NULL;
  g_autoptr(GArray) contribution = NULL;
  g_autoptr(GArray) misses = NULL;
  guint n_escalated = 0, n_events = 0;
  OnloopRange all = ONLOOP_RANGE_ALL;

  set_draft (f,
             "{\"format\": \"onloop.spec/1\", \"decisions\": ["
             " {\"key\": \"d\", \"title\": \"D\", \"category\": \"execution\", \"may\": [{\"id\": \"ok\", \"label\": \"OK\"}],"
             "  \"uses\": [], \"must_not\": []}],"
             " \"triggers\": [{\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 100},"
             "              {\"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"below\": 0}]}");
  import_text (f,
               E ("1", "2026-11-02T00:00:00Z", "d", "ok", "\"deal_arr\": 100", "")
               E ("2", "2026-11-02T00:00:01Z", "d", "ok", "\"deal_arr\": 100, \"sentiment\": -1", "")
               E ("3", "2026-11-02T00:00:02Z", "d", "no", "", "")
               E ("4", "2026-11-02T00:00:03Z", "d", "no", "\"sentiment\": -1", "")
               E ("5", "2026-11-02T00:00:04Z", "d", "ok", "", "\"quality_issue\": true")
               E ("6", "2026-11-02T00:00:05Z", "d", "ok", "", "")
               E ("7", "2026-11-09T00:00:05Z", "d", "ok", "", "\"quality_issue\": true"));

  g_assert_true (onloop_engine_refresh (f->store, &engine, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (engine);

  contribution = onloop_engine_contribution (engine, all, &n_escalated, &n_events);
  g_assert_cmpuint (n_events, ==, 7);
  g_assert_cmpuint (n_escalated, ==, 4);
  /* Sorted by total, then id. */
  /* Each caused 2 escalations: sorted by total, then id. */
  g_assert_cmpstr (g_array_index (contribution, OnloopContribution, 0).reason, ==, "deal-size");
  g_assert_cmpuint (g_array_index (contribution, OnloopContribution, 0).alone, ==, 1);
  g_assert_cmpuint (g_array_index (contribution, OnloopContribution, 0).overlapping, ==, 1);
  g_assert_cmpstr (g_array_index (contribution, OnloopContribution, 1).reason, ==, "negative-sentiment");
  g_assert_cmpuint (g_array_index (contribution, OnloopContribution, 1).alone, ==, 0);
  g_assert_cmpuint (g_array_index (contribution, OnloopContribution, 1).overlapping, ==, 2);
  g_assert_cmpstr (g_array_index (contribution, OnloopContribution, 2).reason, ==, "outside-boundary");
  g_assert_cmpuint (g_array_index (contribution, OnloopContribution, 2).alone, ==, 1);
  g_assert_cmpuint (g_array_index (contribution, OnloopContribution, 2).overlapping, ==, 1);
  /* Rules that caused nothing are listed with zeros. */
  g_assert_cmpuint (contribution->len, ==, 5);
  g_assert_cmpuint (g_array_index (contribution, OnloopContribution, 4).alone, ==, 0);

  misses = onloop_engine_false_negatives (engine, all);
  g_assert_cmpuint (misses->len, ==, 2);
  g_assert_cmpuint (g_array_index (misses, guint, 0), ==, 4);
  g_assert_cmpuint (g_array_index (misses, guint, 1), ==, 6);
  g_clear_pointer (&misses, g_array_unref);
  {
    OnloopRange first_week;
    g_assert_true (onloop_range_parse ("2026-11-02", "2026-11-08", &first_week, &error));
    misses = onloop_engine_false_negatives (engine, first_week);
    g_assert_cmpuint (misses->len, ==, 1);
  }
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopEngine) engine = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) c = NULL;
  g_autoptr(GArray) all = NULL;
  OnloopRange range = ONLOOP_RANGE_ALL;

  set_draft (f, spec_deal);
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "{\"id\": \"s%03u\", \"at\": \"2026-11-%02uT10:00:00Z\", \"decision\": \"d\","
                            " \"action\": \"x\", \"context\": {\"deal_arr\": %u}}\n", i, 1 + i % 28, i % 3 == 0 ? 500 : 5);
  import_text (f, text->str);
  g_assert_true (onloop_engine_refresh (f->store, &engine, NULL, &error));
  g_assert_no_error (error);

  a = onloop_engine_sample (engine, 30, 7, range);
  b = onloop_engine_sample (engine, 30, 7, range);
  c = onloop_engine_sample (engine, 30, 8, range);
  g_assert_cmpuint (a->len, ==, 30);
  g_assert_cmpmem (a->data, a->len * sizeof (guint), b->data, b->len * sizeof (guint));
  g_assert_true (memcmp (a->data, c->data, 30 * sizeof (guint)) != 0);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_false (onloop_engine_escalated_at (engine, g_array_index (a, guint, i)));
      if (i > 0)
        g_assert_cmpuint (g_array_index (a, guint, i - 1), <, g_array_index (a, guint, i));
    }
  /* Asking for more than there are gives every autonomous event. */
  all = onloop_engine_sample (engine, 1000, 1, range);
  g_assert_cmpuint (all->len, ==, 133);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/diagnosis/exception-bands", test_exception_bands);
  g_test_add_func ("/metrics/diagnosis/override-and-gap", test_override_and_gap);
  g_test_add_func ("/metrics/nulls-and-rates", test_nulls_and_rates);
  g_test_add_func ("/metrics/range-parse", test_range_parse);
  g_test_add ("/metrics/every-metric", Fixture, NULL, fixture_set_up, test_every_metric, fixture_tear_down);
  g_test_add ("/metrics/thresholds-from-settings", Fixture, NULL, fixture_set_up, test_thresholds_from_settings, fixture_tear_down);
  g_test_add ("/metrics/map-edit-refreshes", Fixture, NULL, fixture_set_up, test_map_edit_refreshes, fixture_tear_down);
  g_test_add ("/metrics/interrupted-refresh", Fixture, NULL, fixture_set_up, test_interrupted_refresh, fixture_tear_down);
  g_test_add ("/metrics/empty-workspace", Fixture, NULL, fixture_set_up, test_empty_workspace, fixture_tear_down);
  g_test_add ("/metrics/naive/draft", Fixture, NULL, fixture_set_up, test_naive_draft, fixture_tear_down);
  g_test_add ("/metrics/naive/versions", Fixture, NULL, fixture_set_up, test_naive_versions, fixture_tear_down);
  g_test_add_func ("/metrics/naive/more-seeds", test_naive_more_seeds);
  g_test_add ("/metrics/contribution-and-false-negatives", Fixture, NULL, fixture_set_up, test_contribution_and_lists, fixture_tear_down);
  g_test_add ("/metrics/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);

  return g_test_run ();
}
