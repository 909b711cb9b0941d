/* onloop-engine.c: evaluation under the spec in force, weekly metrics and
 * diagnosis (PRODUCT.md §3–4)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The per-event evaluation is kept in memory next to the OnloopLog (one
 * OnloopReasons per event) rather than written back to the events table:
 * a million UPDATEs cost seconds on every import and publish, while
 * everything that needs per-event results (contribution, false negatives,
 * samples) loads the log anyway. What must be cheap to read without the
 * log — the weekly numbers — goes to the small `weekly` table.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "onloop-engine.h"
#include "onloop-store-engine.h"
#include "onloop-store-spec.h"

/* Events evaluated between two looks at the cancellable. */
#define CHUNK 65536

struct _OnloopEngine
{
  gatomicrefcount  ref_count;
  OnloopLog       *log;
  OnloopSpec      *draft;
  GPtrArray       *specs;       /* OnloopSpec *: the versions by version, or just the draft */
  GPtrArray       *evaluators;  /* OnloopEvaluator *, parallel to specs */
  guint           *seg_start;   /* specs->len + 1: first event each spec is in force for */
  OnloopReasons   *reasons;     /* per event, under the spec in force */
  guint8          *escalated;   /* per event: escalated as the metrics count it */
  gboolean         published;   /* FALSE: the draft is in force everywhere */
};

static const char * const hours_ids[ONLOOP_N_HOURS] = {
  "execution_oversight",
  "exception_handling",
  "strategy",
  "coaching",
  "relationship_repair",
  "other",
};

const char *
onloop_hours_to_string (OnloopHours hours)
{
  g_return_val_if_fail (hours < ONLOOP_N_HOURS, NULL);
  return hours_ids[hours];
}

static const char * const verdict_ids[ONLOOP_N_VERDICTS] = {
  "too-loose",
  "below-target",
  "on-target",
  "above-target",
  "in-the-loop",
  "too-sensitive",
  "trigger-gap",
};

static const char * const verdict_messages[ONLOOP_N_VERDICTS] = {
  N_("triggers too loose: judgment abdication risk"),
  N_("below the 10–15 % target"),
  N_("on target"),
  N_("above target: alert fatigue building"),
  N_("still effectively human-in-the-loop: judgment hoarding"),
  N_("people rarely change what they are shown: triggers too sensitive"),
  N_("each one is a trigger gap to fix"),
};

static int
verdict_bit (OnloopVerdict verdict)
{
  if (verdict == 0 || (verdict & (verdict - 1)) != 0)
    return -1;
  int bit = __builtin_ctz (verdict);
  return bit < ONLOOP_N_VERDICTS ? bit : -1;
}

const char *
onloop_verdict_id (OnloopVerdict verdict)
{
  int bit = verdict_bit (verdict);
  return bit >= 0 ? verdict_ids[bit] : NULL;
}

const char *
onloop_verdict_message (OnloopVerdict verdict)
{
  int bit = verdict_bit (verdict);
  return bit >= 0 ? _(verdict_messages[bit]) : NULL;
}

void
onloop_thresholds_init_default (OnloopThresholds *thresholds)
{
  thresholds->too_loose = 0.05;
  thresholds->target_low = 0.10;
  thresholds->target_high = 0.15;
  thresholds->in_the_loop = 0.20;
  thresholds->override_min = 0.30;
}

void
onloop_thresholds_load (OnloopThresholds *thresholds,
                        OnloopStore      *store)
{
  onloop_thresholds_init_default (thresholds);
  thresholds->too_loose = onloop_store_get_setting_double (store, "diagnosis.too_loose", thresholds->too_loose);
  thresholds->target_low = onloop_store_get_setting_double (store, "diagnosis.target_low", thresholds->target_low);
  thresholds->target_high = onloop_store_get_setting_double (store, "diagnosis.target_high", thresholds->target_high);
  thresholds->in_the_loop = onloop_store_get_setting_double (store, "diagnosis.in_the_loop", thresholds->in_the_loop);
  thresholds->override_min = onloop_store_get_setting_double (store, "diagnosis.override_min", thresholds->override_min);
}

static double
ratio (guint numerator,
       guint denominator)
{
  return denominator == 0 ? NAN : (double) numerator / (double) denominator;
}

void
onloop_week_metrics_finish (OnloopWeekMetrics      *m,
                            const OnloopThresholds *t)
{
  double judgment;

  m->autonomous = m->events - m->escalated;
  m->exception_rate = ratio (m->escalated, m->events);
  m->override_rate = ratio (m->overrides, m->interventions);
  m->false_negative_rate = ratio (m->false_negatives, m->autonomous);

  m->hours_total = 0;
  for (guint h = 0; h < ONLOOP_N_HOURS; h++)
    m->hours_total += m->hours[h];
  judgment = m->hours[ONLOOP_HOURS_EXCEPTION_HANDLING] + m->hours[ONLOOP_HOURS_STRATEGY] +
             m->hours[ONLOOP_HOURS_COACHING] + m->hours[ONLOOP_HOURS_RELATIONSHIP_REPAIR];
  m->judgment_share = m->hours_total > 0 ? judgment / m->hours_total : NAN;

  m->verdicts = 0;
  if (!isnan (m->exception_rate))
    {
      double r = m->exception_rate;

      if (r < t->too_loose)
        m->verdicts |= ONLOOP_VERDICT_TOO_LOOSE;
      else if (r < t->target_low)
        m->verdicts |= ONLOOP_VERDICT_BELOW_TARGET;
      else if (r <= t->target_high)
        m->verdicts |= ONLOOP_VERDICT_ON_TARGET;
      else if (r <= t->in_the_loop)
        m->verdicts |= ONLOOP_VERDICT_ABOVE_TARGET;
      else
        m->verdicts |= ONLOOP_VERDICT_IN_THE_LOOP;
    }
  if (!isnan (m->override_rate) && m->override_rate < t->override_min)
    m->verdicts |= ONLOOP_VERDICT_TOO_SENSITIVE;
  if (m->false_negatives > 0)
    m->verdicts |= ONLOOP_VERDICT_TRIGGER_GAP;
}

void
onloop_week_metrics_sum (const OnloopWeekMetrics *weeks,
                         guint                    n_weeks,
                         const OnloopThresholds  *thresholds,
                         OnloopWeekMetrics       *out)
{
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n_weeks; i++)
    {
      const OnloopWeekMetrics *w = &weeks[i];

      if (i == 0)
        out->starts_usec = w->starts_usec;
      out->events += w->events;
      out->escalated += w->escalated;
      out->interventions += w->interventions;
      out->overrides += w->overrides;
      out->false_negatives += w->false_negatives;
      out->drift += w->drift;
      for (guint h = 0; h < ONLOOP_N_HOURS; h++)
        out->hours[h] += w->hours[h];
    }
  onloop_week_metrics_finish (out, thresholds);
}

/* ---- Ranges ------------------------------------------------------------ */

static gboolean
is_plain_date (const char *text)
{
  return strlen (text) == 10 && text[4] == '-' && text[7] == '-';
}

gboolean
onloop_range_parse (const char   *from,
                    const char   *to,
                    OnloopRange  *range,
                    GError      **error)
{
  *range = ONLOOP_RANGE_ALL;

  if (from != NULL && !onloop_time_parse_date (from, &range->from_usec))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--from: “%s” is not a date (2026-11-02) or an RFC 3339 time"), from);
      return FALSE;
    }
  if (to != NULL)
    {
      if (!onloop_time_parse_date (to, &range->to_usec))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--to: “%s” is not a date (2026-11-02) or an RFC 3339 time"), to);
          return FALSE;
        }
      /* A date includes its whole day; a time includes that instant. */
      range->to_usec += is_plain_date (to) ? G_GINT64_CONSTANT (24) * 3600 * G_USEC_PER_SEC : 1;
    }
  if (range->from_usec >= range->to_usec)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--from must be before --to"));
      return FALSE;
    }
  return TRUE;
}

/* ---- The snapshot ------------------------------------------------------- */

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const OnloopSpec *sa = *(OnloopSpec * const *) a;
  const OnloopSpec *sb = *(OnloopSpec * const *) b;

  return (sa->version > sb->version) - (sa->version < sb->version);
}

OnloopEngine *
onloop_engine_new (OnloopLog     *log,
                   GPtrArray     *versions,
                   OnloopSpec    *draft,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(OnloopEngine) self = g_new0 (OnloopEngine, 1);
  guint n;

  g_atomic_ref_count_init (&self->ref_count);
  self->log = onloop_log_ref (log);
  self->draft = onloop_spec_ref (draft);
  self->specs = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_spec_unref);
  self->evaluators = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_evaluator_free);

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    g_ptr_array_add (self->specs, onloop_spec_ref (g_ptr_array_index (versions, i)));
  g_ptr_array_sort (self->specs, compare_versions);
  self->published = self->specs->len > 0;
  if (!self->published)
    g_ptr_array_add (self->specs, onloop_spec_ref (draft));

  n = self->specs->len;
  self->seg_start = g_new0 (guint, n + 1);
  for (guint k = 0; k < n; k++)
    {
      OnloopSpec *spec = g_ptr_array_index (self->specs, k);

      g_ptr_array_add (self->evaluators, onloop_evaluator_new (spec, log));
      /* Version 1 is in force before every version too. */
      self->seg_start[k] = k == 0 ? 0 : onloop_log_lower_bound (log, spec->published_usec);
    }
  self->seg_start[n] = log->n_events;
  /* Versions are published in time order; guard against a file that is not. */
  for (guint k = n; k-- > 1;)
    if (self->seg_start[k] > self->seg_start[k + 1])
      self->seg_start[k] = self->seg_start[k + 1];

  self->reasons = onloop_log_alloc_column (sizeof (OnloopReasons) * log->n_events);
  self->escalated = onloop_log_alloc_column (log->n_events);
  for (guint k = 0; k < n; k++)
    {
      OnloopEvaluator *evaluator = g_ptr_array_index (self->evaluators, k);

      for (guint i = self->seg_start[k]; i < self->seg_start[k + 1]; i += CHUNK)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          onloop_evaluator_reasons_range (evaluator, i, MIN (i + CHUNK, self->seg_start[k + 1]),
                                          self->reasons + i);
        }
    }
  for (guint i = 0; i < log->n_events; i++)
    {
      guint8 outcome = log->outcome[i];

      self->escalated[i] = (outcome & ONLOOP_OUTCOME_HAS_ESCALATED)
                           ? (outcome & ONLOOP_OUTCOME_ESCALATED) != 0
                           : self->reasons[i] != 0;
    }

  return g_steal_pointer (&self);
}

OnloopEngine *
onloop_engine_load (OnloopStore   *store,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(OnloopLog) log = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(OnloopSpec) draft = NULL;

  versions = onloop_store_list_specs (store, error);
  if (versions == NULL)
    return NULL;
  draft = onloop_store_load_draft (store, error);
  if (draft == NULL)
    return NULL;
  log = onloop_log_load (store, cancellable, error);
  if (log == NULL)
    return NULL;

  return onloop_engine_new (log, versions, draft, cancellable, error);
}

OnloopEngine *
onloop_engine_ref (OnloopEngine *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
onloop_engine_unref (OnloopEngine *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->evaluators, g_ptr_array_unref);
  g_clear_pointer (&self->specs, g_ptr_array_unref);
  g_clear_pointer (&self->draft, onloop_spec_unref);
  g_clear_pointer (&self->log, onloop_log_unref);
  g_free (self->seg_start);
  g_free (self->reasons);
  g_free (self->escalated);
  g_free (self);
}

OnloopLog *
onloop_engine_get_log (OnloopEngine *self)
{
  return self->log;
}

OnloopSpec *
onloop_engine_get_draft (OnloopEngine *self)
{
  return self->draft;
}

static guint
spec_index_at_usec (OnloopEngine *self,
                    gint64        usec)
{
  guint k = 0;

  if (!self->published)
    return 0;
  for (guint j = 1; j < self->specs->len; j++)
    {
      OnloopSpec *spec = g_ptr_array_index (self->specs, j);
      if (spec->published_usec <= usec)
        k = j;
    }
  return k;
}

OnloopSpec *
onloop_engine_spec_in_force (OnloopEngine *self,
                             gint64        usec)
{
  return g_ptr_array_index (self->specs, spec_index_at_usec (self, usec));
}

OnloopEvaluator *
onloop_engine_evaluator_at (OnloopEngine *self,
                            guint         index)
{
  guint k = 0;

  g_return_val_if_fail (index < self->log->n_events, NULL);
  while (k + 1 < self->specs->len && self->seg_start[k + 1] <= index)
    k++;
  return g_ptr_array_index (self->evaluators, k);
}

OnloopReasons
onloop_engine_reasons_at (OnloopEngine *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->log->n_events, 0);
  return self->reasons[index];
}

gboolean
onloop_engine_escalated_at (OnloopEngine *self,
                            guint         index)
{
  g_return_val_if_fail (index < self->log->n_events, FALSE);
  return self->escalated[index];
}

/* ---- Weekly numbers --------------------------------------------------- */

/* One weekly row per week that has events, in week order. */
static GArray *
engine_weekly_rows (OnloopEngine *self)
{
  OnloopLog *log = self->log;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (OnloopWeeklyRow));
  OnloopWeeklyRow *row = NULL;

  for (guint i = 0; i < log->n_events; i++)
    {
      guint8 outcome = log->outcome[i];
      gboolean escalated = self->escalated[i];

      if (row == NULL || row->week != log->week[i])
        {
          OnloopWeeklyRow fresh = { .week = log->week[i] };

          g_array_append_val (rows, fresh);
          row = &g_array_index (rows, OnloopWeeklyRow, rows->len - 1);
        }

      row->events++;
      if (escalated)
        {
          row->escalated++;
          if (outcome & ONLOOP_OUTCOME_REVIEWED)
            {
              row->interventions++;
              if (outcome & ONLOOP_OUTCOME_OVERRIDDEN)
                row->overrides++;
            }
        }
      else if (outcome & (ONLOOP_OUTCOME_QUALITY_ISSUE | ONLOOP_OUTCOME_SPOT_ISSUE))
        row->false_negatives++;

      if ((outcome & ONLOOP_OUTCOME_HAS_ESCALATED) &&
          ((outcome & ONLOOP_OUTCOME_ESCALATED) != 0) != (self->reasons[i] != 0))
        row->drift++;
    }

  return rows;
}

static void
add_hours (const char   *week_text,
           const double *hours,
           gpointer      user_data)
{
  GHashTable *table = user_data;
  OnloopWeek week;
  double *sum;

  if (!onloop_week_parse (week_text, &week))
    return;
  sum = g_hash_table_lookup (table, GINT_TO_POINTER (week));
  if (sum == NULL)
    {
      sum = g_new0 (double, ONLOOP_N_HOURS);
      g_hash_table_insert (table, GINT_TO_POINTER (week), sum);
    }
  for (guint h = 0; h < ONLOOP_N_HOURS; h++)
    sum[h] += hours[h];
}

GHashTable *
onloop_engine_read_hours (OnloopStore  *store,
                          GError      **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  if (!onloop_store_scan_time_entries (store, add_hours, table, error))
    return NULL;
  return g_steal_pointer (&table);
}

static gboolean
week_in_range (OnloopWeek  week,
               OnloopRange range)
{
  gint64 start = onloop_week_start_usec (week);

  return start < range.to_usec && start + ONLOOP_USEC_PER_WEEK > range.from_usec;
}

/* Every week from the first to the last with events (@rows, by week) or
 * hours, inside @range. */
static GArray *
build_metrics (const OnloopWeeklyRow  *rows,
               guint                   n_rows,
               GHashTable             *hours,
               OnloopRange             range,
               const OnloopThresholds *thresholds)
{
  GArray *weeks = g_array_new (FALSE, TRUE, sizeof (OnloopWeekMetrics));
  OnloopWeek first = G_MAXINT32, last = G_MININT32;
  GHashTableIter iter;
  gpointer key;
  guint r = 0;

  if (n_rows > 0)
    {
      first = rows[0].week;
      last = rows[n_rows - 1].week;
    }
  if (hours != NULL)
    {
      g_hash_table_iter_init (&iter, hours);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          first = MIN (first, GPOINTER_TO_INT (key));
          last = MAX (last, GPOINTER_TO_INT (key));
        }
    }
  if (first > last)
    return weeks;

  for (OnloopWeek w = first; w <= last; w = onloop_week_next (w))
    {
      OnloopWeekMetrics m = { .week = w, .starts_usec = onloop_week_start_usec (w) };
      double *h;

      while (r < n_rows && rows[r].week < w)
        r++;
      if (!week_in_range (w, range))
        continue;

      if (r < n_rows && rows[r].week == w)
        {
          m.events = rows[r].events;
          m.escalated = rows[r].escalated;
          m.interventions = rows[r].interventions;
          m.overrides = rows[r].overrides;
          m.false_negatives = rows[r].false_negatives;
          m.drift = rows[r].drift;
        }
      h = hours != NULL ? g_hash_table_lookup (hours, GINT_TO_POINTER (w)) : NULL;
      if (h != NULL)
        memcpy (m.hours, h, sizeof m.hours);
      onloop_week_metrics_finish (&m, thresholds);
      g_array_append_val (weeks, m);
    }

  return weeks;
}

GArray *
onloop_engine_compute_metrics (OnloopEngine           *self,
                               OnloopRange             range,
                               const OnloopThresholds *thresholds,
                               GHashTable             *hours)
{
  g_autoptr(GArray) rows = engine_weekly_rows (self);

  return build_metrics ((OnloopWeeklyRow *) (gpointer) rows->data, rows->len, hours, range, thresholds);
}

/* What the weekly table was computed under, when nothing is published:
 * the draft is then in force, and it is also the live map, whose edits
 * (a card moved to Judgment) do not all mark the workspace stale. A
 * checksum of the draft document catches them. Published versions are
 * immutable and publishing marks stale, so then no check is needed. */
static char *
spec_fingerprint (OnloopStore *store)
{
  g_autoptr(OnloopSpec) draft = NULL;
  g_autofree char *json = NULL;

  if (onloop_store_get_latest_version (store) > 0)
    return g_strdup ("published");
  draft = onloop_store_load_draft (store, NULL);
  if (draft == NULL)
    return g_strdup ("unreadable");
  json = onloop_spec_to_json (draft);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, json, -1);
}

/* Brings the weekly table up to date; *@out_rows gets the fresh rows when
 * it had to (also when they could not be saved: a read-only workspace still
 * shows its numbers), NULL when the table was current. */
static gboolean
refresh (OnloopStore   *store,
         OnloopEngine **out_engine,
         GArray       **out_rows,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(OnloopEngine) engine = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *fingerprint = spec_fingerprint (store);
  g_autofree char *computed_for = onloop_store_get_setting (store, "engine.weekly_spec");
  g_autofree char *flag = onloop_store_get_setting (store, "engine.stale");
  /* '1': marked stale; '2': a refresh began and did not finish. */
  gboolean stale = flag != NULL || g_strcmp0 (fingerprint, computed_for) != 0;

  if (!stale && out_engine == NULL)
    return TRUE;

  /* Before reading anything: an edit committed from now on sets '1' again
   * and survives this refresh (see onloop_store_write_weekly()). */
  if (stale && !onloop_store_set_setting (store, "engine.stale", "2", NULL))
    g_debug ("Could not mark the refresh as begun (read-only workspace?)");

  engine = onloop_engine_load (store, cancellable, error);
  if (engine == NULL)
    return FALSE;

  if (stale)
    {
      g_autoptr(GError) local_error = NULL;

      rows = engine_weekly_rows (engine);
      if (!onloop_store_write_weekly (store, (OnloopWeeklyRow *) (gpointer) rows->data, rows->len, &local_error) ||
          !onloop_store_set_setting (store, "engine.weekly_spec", fingerprint, &local_error))
        g_debug ("Could not save the weekly metrics: %s", local_error->message);
    }

  if (out_engine != NULL)
    *out_engine = g_steal_pointer (&engine);
  if (out_rows != NULL)
    *out_rows = g_steal_pointer (&rows);
  return TRUE;
}

gboolean
onloop_engine_refresh (OnloopStore   *store,
                       OnloopEngine **out_engine,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return refresh (store, out_engine, NULL, cancellable, error);
}

GArray *
onloop_engine_read_metrics (OnloopStore   *store,
                            OnloopRange    range,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) hours = NULL;
  OnloopThresholds thresholds;

  if (!refresh (store, NULL, &rows, cancellable, error))
    return NULL;

  if (rows == NULL)
    rows = onloop_store_read_weekly (store, error);
  if (rows == NULL)
    return NULL;
  hours = onloop_engine_read_hours (store, error);
  if (hours == NULL)
    return NULL;
  onloop_thresholds_load (&thresholds, store);

  return build_metrics ((OnloopWeeklyRow *) (gpointer) rows->data, rows->len, hours, range, &thresholds);
}

/* ---- Contribution, false negatives, samples ---------------------------- */

void
onloop_contribution_clear (OnloopContribution *contribution)
{
  g_clear_pointer (&contribution->reason, g_free);
}

static int
compare_contributions (gconstpointer a,
                       gconstpointer b)
{
  const OnloopContribution *ca = a, *cb = b;
  guint ta = ca->alone + ca->overlapping, tb = cb->alone + cb->overlapping;

  if (ta != tb)
    return ta > tb ? -1 : 1;
  return strcmp (ca->reason, cb->reason);
}

static void
range_indices (OnloopLog   *log,
               OnloopRange  range,
               guint       *start,
               guint       *end)
{
  *start = range.from_usec == G_MININT64 ? 0 : onloop_log_lower_bound (log, range.from_usec);
  *end = range.to_usec == G_MAXINT64 ? log->n_events : onloop_log_lower_bound (log, range.to_usec);
  if (*end < *start)
    *end = *start;
}

GArray *
onloop_engine_contribution (OnloopEngine *self,
                            OnloopRange   range,
                            guint        *n_escalated,
                            guint        *n_events)
{
  GArray *result = g_array_new (FALSE, TRUE, sizeof (OnloopContribution));
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint start, end, escalated = 0;

  g_array_set_clear_func (result, (GDestroyNotify) onloop_contribution_clear);
  range_indices (self->log, range, &start, &end);

  for (guint k = 0; k < self->specs->len; k++)
    {
      OnloopEvaluator *evaluator = g_ptr_array_index (self->evaluators, k);
      guint n_reasons = onloop_evaluator_get_n_reasons (evaluator);
      guint alone[64] = { 0 }, overlapping[64] = { 0 };
      guint from = MAX (start, self->seg_start[k]);
      guint to = MIN (end, self->seg_start[k + 1]);

      for (guint i = from; i < to; i++)
        {
          OnloopReasons reasons = self->reasons[i];
          gboolean single;

          if (reasons == 0)
            continue;
          escalated++;
          single = (reasons & (reasons - 1)) == 0;
          for (OnloopReasons rest = reasons; rest != 0; rest &= rest - 1)
            {
              guint bit = (guint) __builtin_ctzll (rest);
              if (single)
                alone[bit]++;
              else
                overlapping[bit]++;
            }
        }

      for (guint bit = 0; bit < n_reasons; bit++)
        {
          const char *id = onloop_evaluator_reason_id (evaluator, bit);
          gpointer slot = g_hash_table_lookup (by_id, id);
          OnloopContribution *c;

          if (slot == NULL)
            {
              OnloopContribution fresh = { .reason = g_strdup (id) };

              g_array_append_val (result, fresh);
              g_hash_table_insert (by_id, (gpointer) id, GUINT_TO_POINTER (result->len));
              slot = GUINT_TO_POINTER (result->len);
            }
          c = &g_array_index (result, OnloopContribution, GPOINTER_TO_UINT (slot) - 1);
          c->alone += alone[bit];
          c->overlapping += overlapping[bit];
        }
      /* Ids point into evaluator strings: fine, the evaluator outlives this. */
    }

  g_array_sort (result, compare_contributions);
  if (n_escalated != NULL)
    *n_escalated = escalated;
  if (n_events != NULL)
    *n_events = end - start;
  return result;
}

GArray *
onloop_engine_false_negatives (OnloopEngine *self,
                               OnloopRange   range)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));
  guint start, end;

  range_indices (self->log, range, &start, &end);
  for (guint i = start; i < end; i++)
    if (!self->escalated[i] &&
        (self->log->outcome[i] & (ONLOOP_OUTCOME_QUALITY_ISSUE | ONLOOP_OUTCOME_SPOT_ISSUE)))
      g_array_append_val (result, i);
  return result;
}

/* SplitMix64 (Steele, Lea, Flood 2014): tiny, well mixed, and ours, so a
 * seed gives the same sample on every platform and GLib version. */
static guint64
splitmix64_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, bound) without modulo bias. */
static guint64
random_below (guint64 *state,
              guint64  bound)
{
  guint64 limit = G_MAXUINT64 - (G_MAXUINT64 % bound);
  guint64 x;

  do
    x = splitmix64_next (state);
  while (x >= limit);
  return x % bound;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;
  return (ua > ub) - (ua < ub);
}

GArray *
onloop_engine_sample (OnloopEngine *self,
                      guint         size,
                      guint64       seed,
                      OnloopRange   range)
{
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *result;
  guint64 state = seed;
  guint start, end, n;

  range_indices (self->log, range, &start, &end);
  for (guint i = start; i < end; i++)
    if (!self->escalated[i])
      g_array_append_val (pool, i);

  n = MIN (size, pool->len);
  /* A partial Fisher–Yates shuffle: the first n places. */
  for (guint j = 0; j < n; j++)
    {
      guint pick = j + (guint) random_below (&state, pool->len - j);
      guint tmp = g_array_index (pool, guint, j);

      g_array_index (pool, guint, j) = g_array_index (pool, guint, pick);
      g_array_index (pool, guint, pick) = tmp;
    }

  result = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_array_append_vals (result, pool->data, n);
  g_array_sort (result, compare_guint);
  return result;
}

char *
onloop_engine_event_json (OnloopEngine *self,
                          OnloopStore  *store,
                          guint         index,
                          GError      **error)
{
  g_return_val_if_fail (index < self->log->n_events, NULL);
  return onloop_store_event_json (store, self->log->seq[index], error);
}
