/* test-calibration.c: the threshold sweep of PRODUCT.md §4 against brute force
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "onloop-calibration.h"
#include "onloop-log-parser.h"

static OnloopSpec *
parse_spec (const char *json)
{
  g_autoptr(GError) error = NULL;
  OnloopSpec *spec = onloop_spec_parse (json, -1, &error);

  g_assert_no_error (error);
  return spec;
}

/* A log from JSON lines. */
static OnloopLog *
make_log (const char * const *lines)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_event_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      OnloopEvent *event = onloop_event_parse (lines[i], strlen (lines[i]), &error);

      g_assert_no_error (error);
      g_ptr_array_add (events, event);
    }
  return onloop_log_new_from_events ((OnloopEvent **) events->pdata, events->len);
}

static GPtrArray *
random_lines (guint seed,
              guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  static const char * const decisions[] = { "d1", "d2", "d3" };
  static const char * const actions[] = { "send", "promise", "call" };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) ctx = g_string_new ("\"persona\": \"p\"");

      /* Few distinct values, so that cuts repeat and ties happen. */
      if (g_rand_int_range (rand, 0, 5) != 0)
        g_string_append_printf (ctx, ", \"deal_arr\": %d", g_rand_int_range (rand, 0, 40) * 2500);
      if (g_rand_int_range (rand, 0, 5) != 0)
        g_string_append_printf (ctx, ", \"sentiment\": %.1f", g_rand_int_range (rand, -10, 11) / 10.0);
      if (g_rand_int_range (rand, 0, 5) != 0)
        g_string_append_printf (ctx, ", \"engagement\": %.2f", g_rand_int_range (rand, 0, 21) / 20.0);
      if (g_rand_boolean (rand))
        g_string_append_printf (ctx, ", \"stage_progressed\": %s", g_rand_boolean (rand) ? "true" : "false");
      if (g_rand_boolean (rand))
        g_string_append_printf (ctx, ", \"days_in_stage\": %d", g_rand_int_range (rand, 0, 40));
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_string_append (ctx, ", \"tags\": [\"ethics\"]");
      g_ptr_array_add (lines, g_strdup_printf ("{\"id\": \"e%04u\", \"at\": \"2026-11-%02dT%02d:00:00Z\","
                                               " \"decision\": \"%s\", \"action\": \"%s\", \"context\": {%s},"
                                               " \"outcome\": {\"escalated\": true}}",
                                               i, g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 0, 24),
                                               decisions[g_rand_int_range (rand, 0, 3)],
                                               actions[g_rand_int_range (rand, 0, 3)], ctx->str));
    }
  g_ptr_array_add (lines, NULL);
  return lines;
}

static const char *draft_json =
  "{\"format\": \"onloop.spec/1\", \"decisions\": ["
  " {\"key\": \"d1\", \"title\": \"D1\", \"category\": \"execution\", \"may\": [{\"id\": \"send\", \"label\": \"S\"}],"
  "  \"uses\": [], \"must_not\": [{\"id\": \"promise\", \"label\": \"P\"}]},"
  " {\"key\": \"d3\", \"title\": \"D3\", \"category\": \"judgment\", \"may\": [], \"uses\": [], \"must_not\": []}],"
  " \"triggers\": ["
  "  {\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 50000},"
  "  {\"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"below\": -0.5},"
  "  {\"id\": \"conflicting-signals\", \"kind\": \"conflicting_signals\", \"min_engagement\": 0.8,"
  "   \"min_days_in_stage\": 14, \"decisions\": [\"d1\", \"d3\"]},"
  "  {\"id\": \"ethical\", \"kind\": \"ethical\", \"enabled\": false, \"tags\": [\"ethics\"]},"
  "  {\"id\": \"scoped-deal\", \"kind\": \"deal_size\", \"enabled\": false, \"min_arr\": 1, \"decisions\": [\"d1\"]}]}";

/* Escalations in [start, end) with @trigger's parameter set to @value:
 * evaluate every event from scratch. */
static guint
brute_force (OnloopLog  *log,
             OnloopSpec *draft,
             const char *trigger_id,
             double      value,
             guint       start,
             guint       end)
{
  g_autoptr(OnloopSpec) spec = onloop_spec_copy (draft);
  OnloopTrigger *t = onloop_spec_find_trigger (spec, trigger_id);
  OnloopEvaluator *evaluator;
  guint n = 0;

  t->enabled = TRUE;
  switch (t->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE: t->min_arr = value; break;
    case ONLOOP_TRIGGER_SENTIMENT: t->below = value; break;
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS: t->min_engagement = value; break;
    case ONLOOP_TRIGGER_FIRST_TIME:
    case ONLOOP_TRIGGER_ETHICAL:
    default:
      g_assert_not_reached ();
    }
  evaluator = onloop_evaluator_new (spec, log);
  for (guint i = start; i < end; i++)
    n += onloop_evaluator_reasons_at (evaluator, i) != 0;
  onloop_evaluator_free (evaluator);
  return n;
}

/* Every cut, the best and the look-ups agree with brute force. */
static void
check_sweep (OnloopLog   *log,
             OnloopSpec  *draft,
             const char  *trigger_id,
             OnloopRange  range)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopCalibration) calibration = NULL;
  g_autoptr(GArray) curve = NULL;
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  OnloopTrigger *trigger = onloop_spec_find_trigger (draft, trigger_id);
  guint start = range.from_usec == G_MININT64 ? 0 : onloop_log_lower_bound (log, range.from_usec);
  guint end = range.to_usec == G_MAXINT64 ? log->n_events : onloop_log_lower_bound (log, range.to_usec);
  double targets[] = { 0, 0.1, 0.125, 0.3, 0.5, 0.77, 1 };

  calibration = onloop_calibration_new (log, draft, trigger_id, range, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (onloop_calibration_get_n_events (calibration), ==, end - start);

  /* The cuts are the distinct values of the field among in-scope events. */
  for (guint i = start; i < end; i++)
    {
      double v = trigger->kind == ONLOOP_TRIGGER_DEAL_SIZE ? log->deal_arr[i]
               : trigger->kind == ONLOOP_TRIGGER_SENTIMENT ? log->sentiment[i] : log->engagement[i];
      const char *key = g_ptr_array_index (log->decisions, log->decision[i]);
      gboolean in_scope = trigger->decisions == NULL || trigger->decisions->len == 0;
      gint64 *k;

      for (guint d = 0; !in_scope && d < trigger->decisions->len; d++)
        in_scope = g_str_equal (g_ptr_array_index (trigger->decisions, d), key);
      if (isnan (v) || !in_scope)
        continue;
      k = g_new (gint64, 1);
      *k = (gint64) llround (v * 1000);
      g_hash_table_add (distinct, k);
    }

  curve = onloop_calibration_curve (calibration);
  g_assert_cmpuint (curve->len, ==, g_hash_table_size (distinct));
  g_assert_cmpuint (curve->len, >, 1);
  for (guint c = 0; c < curve->len; c++)
    {
      OnloopCalibrationPoint *p = &g_array_index (curve, OnloopCalibrationPoint, c);
      guint expected = brute_force (log, draft, trigger_id, p->threshold, start, end);

      if (c > 0)
        g_assert_cmpfloat (g_array_index (curve, OnloopCalibrationPoint, c - 1).threshold, <, p->threshold);
      g_assert_cmpuint (p->escalated, ==, expected);
      g_assert_cmpfloat (p->exception_rate, ==, (double) expected / (end - start));
      /* Between cuts too. */
      g_assert_cmpuint (onloop_calibration_escalated_at (calibration, p->threshold + 0.0001), ==,
                        brute_force (log, draft, trigger_id, p->threshold + 0.0001, start, end));
    }

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      OnloopCalibrationPoint best, naive = { 0 };
      double best_distance = INFINITY;

      onloop_calibration_best (calibration, targets[t], &best);
      /* Brute force over the cuts with the rule: closest, then fewer
       * escalations, then nearest the current value. */
      for (guint c = 0; c < curve->len; c++)
        {
          OnloopCalibrationPoint *p = &g_array_index (curve, OnloopCalibrationPoint, c);
          double d = fabs ((double) p->escalated - targets[t] * (end - start));

          if (d < best_distance ||
              (d == best_distance && p->escalated < naive.escalated) ||
              (d == best_distance && p->escalated == naive.escalated &&
               fabs (p->threshold - onloop_calibration_get_current (calibration)) <
               fabs (naive.threshold - onloop_calibration_get_current (calibration))))
            {
              naive = *p;
              best_distance = d;
            }
        }
      g_assert_cmpfloat (best.threshold, ==, naive.threshold);
      g_assert_cmpuint (best.escalated, ==, naive.escalated);
    }
}

static void
test_brute_force (void)
{
  g_autoptr(OnloopSpec) draft = parse_spec (draft_json);

  for (guint seed = 1; seed <= 4; seed++)
    {
      g_autoptr(GPtrArray) lines = random_lines (seed, 300);
      g_autoptr(OnloopLog) log = make_log ((const char * const *) lines->pdata);
      OnloopRange range;
      g_autoptr(GError) error = NULL;

      check_sweep (log, draft, "deal-size", ONLOOP_RANGE_ALL);
      check_sweep (log, draft, "negative-sentiment", ONLOOP_RANGE_ALL);
      check_sweep (log, draft, "conflicting-signals", ONLOOP_RANGE_ALL);
      /* A disabled trigger is swept as if enabled; a scoped one only in scope. */
      check_sweep (log, draft, "scoped-deal", ONLOOP_RANGE_ALL);
      g_assert_true (onloop_range_parse ("2026-11-09", "2026-11-15", &range, &error));
      check_sweep (log, draft, "deal-size", range);
      check_sweep (log, draft, "negative-sentiment", range);
    }
}

/* Recorded outcomes never count: every random event was recorded as
 * escalated, yet the rates stay well below 1. */
static void
test_ignores_recorded (void)
{
  g_autoptr(OnloopSpec) draft = parse_spec (draft_json);
  g_autoptr(GPtrArray) lines = random_lines (9, 200);
  g_autoptr(OnloopLog) log = make_log ((const char * const *) lines->pdata);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopCalibration) c = onloop_calibration_new (log, draft, "deal-size", ONLOOP_RANGE_ALL, NULL, &error);
  OnloopCalibrationPoint first;

  g_assert_no_error (error);
  onloop_calibration_get_cut (c, onloop_calibration_get_n_cuts (c) - 1, &first);
  g_assert_cmpfloat (first.exception_rate, <, 0.9);
}

#define EV(id, ctx) "{\"id\": \"" id "\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {" ctx "}}"

static void
test_ties (void)
{
  g_autoptr(GError) error = NULL;
  /* Ten events; deal_arr 10, 20, …, 100. min_arr = 80 escalates 3 (0.3),
   * 90 escalates 2 (0.2): for a target of 0.25 both are 0.05 away, and
   * the one that escalates fewer wins. */
  const char *lines[] = {
    EV ("a", "\"deal_arr\": 10"), EV ("b", "\"deal_arr\": 20"), EV ("c", "\"deal_arr\": 30"),
    EV ("d", "\"deal_arr\": 40"), EV ("e", "\"deal_arr\": 50"), EV ("f", "\"deal_arr\": 60"),
    EV ("g", "\"deal_arr\": 70"), EV ("h", "\"deal_arr\": 80"), EV ("i", "\"deal_arr\": 90"),
    EV ("j", "\"deal_arr\": 100"), NULL
  };
  g_autoptr(OnloopLog) log = make_log (lines);
  g_autoptr(OnloopSpec) draft = parse_spec (
    "{\"format\": \"onloop.spec/1\", \"decisions\": [],"
    " \"triggers\": [{\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 85},"
    "              {\"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"below\": 0}]}");
  g_autoptr(OnloopCalibration) c = onloop_calibration_new (log, draft, "deal-size", ONLOOP_RANGE_ALL, NULL, &error);
  OnloopCalibrationPoint best;

  g_assert_no_error (error);
  g_assert_cmpuint (onloop_calibration_get_n_cuts (c), ==, 10);
  onloop_calibration_best (c, 0.25, &best);
  g_assert_cmpfloat (best.threshold, ==, 90);
  g_assert_cmpuint (best.escalated, ==, 2);
  g_assert_cmpfloat (best.exception_rate, ==, 0.2);
  /* 0.6 and 0.7 are as far from 0.65, though as doubles 0.7 − 0.65 comes
   * out a little smaller: the tie still goes to fewer escalations. */
  onloop_calibration_best (c, 0.65, &best);
  g_assert_cmpuint (best.escalated, ==, 6);
  g_assert_cmpfloat (best.threshold, ==, 50);
  /* Exact hits. */
  onloop_calibration_best (c, 0.3, &best);
  g_assert_cmpfloat (best.threshold, ==, 80);
  onloop_calibration_best (c, 1, &best);
  g_assert_cmpfloat (best.threshold, ==, 10);
  onloop_calibration_best (c, 0, &best);
  g_assert_cmpfloat (best.threshold, ==, 100);   /* the highest cut still takes one */
  /* The slider between cuts. */
  g_assert_cmpuint (onloop_calibration_escalated_at (c, 85), ==, 2);
  g_assert_cmpuint (onloop_calibration_escalated_at (c, 1e9), ==, 0);
  g_assert_cmpfloat (onloop_calibration_rate_at (c, -5), ==, 1.0);
  g_assert_cmpfloat (onloop_calibration_get_current (c), ==, 85);
  g_assert_cmpstr (onloop_calibration_get_parameter (c), ==, "min_arr");
}

static void
test_equal_rates_nearest_current (void)
{
  g_autoptr(GError) error = NULL;
  /* b and c are escalated by the sentiment trigger anyway, so min_arr 20
   * and 30 give the same rate as 40: among equal escalations the cut
   * nearest the draft's value (35) wins. */
  const char *lines[] = {
    EV ("a", "\"deal_arr\": 10"), EV ("b", "\"deal_arr\": 20, \"sentiment\": -1"),
    EV ("c", "\"deal_arr\": 30, \"sentiment\": -1"), EV ("d", "\"deal_arr\": 40"), NULL
  };
  g_autoptr(OnloopLog) log = make_log (lines);
  g_autoptr(OnloopSpec) draft = parse_spec (
    "{\"format\": \"onloop.spec/1\", \"decisions\": [],"
    " \"triggers\": [{\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 35},"
    "              {\"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"below\": 0}]}");
  g_autoptr(OnloopCalibration) c = onloop_calibration_new (log, draft, "deal-size", ONLOOP_RANGE_ALL, NULL, &error);
  OnloopCalibrationPoint best;

  g_assert_no_error (error);
  g_assert_cmpuint (onloop_calibration_get_n_base (c), ==, 2);
  onloop_calibration_best (c, 0.75, &best);
  g_assert_cmpuint (best.escalated, ==, 3);
  g_assert_cmpfloat (best.threshold, ==, 30);
}

static void
test_sentiment_direction (void)
{
  g_autoptr(GError) error = NULL;
  const char *lines[] = {
    EV ("a", "\"sentiment\": -0.9"), EV ("b", "\"sentiment\": -0.5"), EV ("c", "\"sentiment\": 0"),
    EV ("d", "\"sentiment\": 0.5"), EV ("e", ""), NULL
  };
  g_autoptr(OnloopLog) log = make_log (lines);
  g_autoptr(OnloopSpec) draft = parse_spec (
    "{\"format\": \"onloop.spec/1\", \"decisions\": [],"
    " \"triggers\": [{\"id\": \"s\", \"kind\": \"sentiment\", \"below\": -0.3}]}");
  g_autoptr(OnloopCalibration) c = onloop_calibration_new (log, draft, "s", ONLOOP_RANGE_ALL, NULL, &error);
  OnloopCalibrationPoint p;

  g_assert_no_error (error);
  /* below = -0.9 fires on nothing (strictly below), 0.5 on three. */
  onloop_calibration_get_cut (c, 0, &p);
  g_assert_cmpfloat (p.threshold, ==, -0.9);
  g_assert_cmpuint (p.escalated, ==, 0);
  onloop_calibration_get_cut (c, 3, &p);
  g_assert_cmpfloat (p.threshold, ==, 0.5);
  g_assert_cmpuint (p.escalated, ==, 3);
  g_assert_cmpfloat (p.exception_rate, ==, 0.6);   /* the event without sentiment counts in events */
  onloop_calibration_best (c, 0.4, &p);
  g_assert_cmpfloat (p.threshold, ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  const char *lines[] = { EV ("a", "\"sentiment\": -0.9"), NULL };
  g_autoptr(OnloopLog) log = make_log (lines);
  g_autoptr(OnloopSpec) draft = parse_spec (
    "{\"format\": \"onloop.spec/1\", \"decisions\": [],"
    " \"triggers\": [{\"id\": \"deal-size\", \"kind\": \"deal_size\", \"min_arr\": 5},"
    "              {\"id\": \"first-time\", \"kind\": \"first_time\", \"fields\": [\"industry\"]}]}");
  OnloopRange empty;
  OnloopCalibration *c;

  c = onloop_calibration_new (log, draft, "nope", ONLOOP_RANGE_ALL, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, ONLOOP_CALIBRATION_ERROR, ONLOOP_CALIBRATION_ERROR_NO_TRIGGER);
  g_clear_error (&error);
  c = onloop_calibration_new (log, draft, "first-time", ONLOOP_RANGE_ALL, NULL, &error);
  g_assert_error (error, ONLOOP_CALIBRATION_ERROR, ONLOOP_CALIBRATION_ERROR_NOT_SWEEPABLE);
  g_clear_error (&error);
  c = onloop_calibration_new (log, draft, "deal-size", ONLOOP_RANGE_ALL, NULL, &error);
  g_assert_error (error, ONLOOP_CALIBRATION_ERROR, ONLOOP_CALIBRATION_ERROR_NO_VALUES);
  g_clear_error (&error);
  g_assert_true (onloop_range_parse ("2027-01-01", NULL, &empty, &error));
  c = onloop_calibration_new (log, draft, "deal-size", empty, NULL, &error);
  g_assert_error (error, ONLOOP_CALIBRATION_ERROR, ONLOOP_CALIBRATION_ERROR_NO_EVENTS);
  g_assert_null (c);
}

static void
test_cancel_and_preview (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) draft = parse_spec (draft_json);
  g_autoptr(GPtrArray) lines = random_lines (5, 300);
  g_autoptr(OnloopLog) log = make_log ((const char * const *) lines->pdata);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OnloopPreview preview;
  guint expected = 0, recent = 0;
  OnloopEvaluator *evaluator = onloop_evaluator_new (draft, log);
  gint64 from = onloop_week_start_usec (log->week[log->n_events - 1]) - 3 * ONLOOP_USEC_PER_WEEK;

  for (guint i = 0; i < log->n_events; i++)
    if (onloop_evaluator_reasons_at (evaluator, i) != 0)
      {
        expected++;
        recent += log->at[i] >= from;
      }
  onloop_evaluator_free (evaluator);

  g_assert_true (onloop_preview_compute (log, draft, &preview, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview.events, ==, 300);
  g_assert_cmpuint (preview.escalated, ==, expected);
  g_assert_cmpuint (preview.recent_escalated, ==, recent);
  g_assert_cmpfloat (preview.exception_rate, ==, expected / 300.0);
  g_assert_cmpint (preview.recent_from, ==, onloop_week_from_usec (from));

  g_cancellable_cancel (cancellable);
  g_assert_false (onloop_preview_compute (log, draft, &preview, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (onloop_calibration_new (log, draft, "deal-size", ONLOOP_RANGE_ALL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calibration/brute-force", test_brute_force);
  g_test_add_func ("/calibration/ignores-recorded", test_ignores_recorded);
  g_test_add_func ("/calibration/ties", test_ties);
  g_test_add_func ("/calibration/equal-rates-nearest-current", test_equal_rates_nearest_current);
  g_test_add_func ("/calibration/sentiment-direction", test_sentiment_direction);
  g_test_add_func ("/calibration/errors", test_errors);
  g_test_add_func ("/calibration/cancel-and-preview", test_cancel_and_preview);

  return g_test_run ();
}
