/* onloop-calibration.c: sweeping one trigger's threshold (PRODUCT.md §4)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building: evaluate the draft once over the range with the swept trigger
 * taken out. Events another rule escalates count at every threshold (the
 * base); of the rest, those the swept trigger could fire on (in its scope,
 * with the field, meeting its other conditions) give one sorted column of
 * the field. Escalations at threshold T are then base + the values on the
 * firing side of T: one binary search.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "onloop-calibration.h"

G_DEFINE_QUARK (onloop-calibration-error-quark, onloop_calibration_error)

/* Events evaluated between two looks at the cancellable. */
#define CHUNK 65536

struct _OnloopCalibration
{
  gatomicrefcount    ref_count;
  char              *trigger_id;
  OnloopTriggerKind  kind;
  double             current;
  guint              n_events;
  guint              n_base;
  guint              n_values;   /* candidates: events only the swept trigger could escalate */
  double            *cuts;       /* distinct field values in the range, ascending */
  guint             *below;      /* n_cuts + 1: candidates with a value < cuts[c] */
  guint             *cut_escalated;
  guint              n_cuts;
};

/* Doubles (no NAN) as integers in the same order, for the radix sort. */
static inline guint64
double_key (double d)
{
  guint64 bits;

  memcpy (&bits, &d, sizeof bits);
  return (bits & G_GUINT64_CONSTANT (0x8000000000000000)) ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

static inline double
key_double (guint64 key)
{
  guint64 bits = (key & G_GUINT64_CONSTANT (0x8000000000000000)) ? key & ~G_GUINT64_CONSTANT (0x8000000000000000) : ~key;
  double d;

  memcpy (&d, &bits, sizeof d);
  return d;
}

#define RADIX_BITS 11
#define RADIX_SIZE (1 << RADIX_BITS)
#define RADIX_PASSES 6   /* 6 × 11 ≥ 64 */

/* Sorts @keys ascending: an LSD radix sort, all the histograms in one
 * pass, digits every key shares skipped. A million keys sort in a few
 * milliseconds, far under qsort(). @scratch holds @n keys; the sorted keys
 * end up in *@keys (which may now point to the scratch memory, and
 * *@scratch to the other buffer). */
static void
radix_sort (guint64 **keys,
            guint64 **scratch,
            guint     n)
{
  g_autofree guint *count = g_new0 (guint, RADIX_PASSES * RADIX_SIZE);
  guint64 *src = *keys, *dst = *scratch;

  for (guint i = 0; i < n; i++)
    {
      guint64 key = src[i];

      for (guint p = 0; p < RADIX_PASSES; p++)
        count[p * RADIX_SIZE + ((key >> (p * RADIX_BITS)) & (RADIX_SIZE - 1))]++;
    }

  for (guint p = 0; p < RADIX_PASSES; p++)
    {
      guint *c = count + p * RADIX_SIZE;
      guint shift = p * RADIX_BITS;
      guint sum = 0;
      gboolean trivial = FALSE;

      for (guint d = 0; d < RADIX_SIZE; d++)
        {
          guint here = c[d];

          trivial |= here == n;
          c[d] = sum;
          sum += here;
        }
      if (trivial)
        continue;
      for (guint i = 0; i < n; i++)
        dst[c[(src[i] >> shift) & (RADIX_SIZE - 1)]++] = src[i];
      { guint64 *t = src; src = dst; dst = t; }
    }

  *keys = src;
  *scratch = dst;
}

/* The first cut ≥ @threshold. */
static guint
lower_cut (OnloopCalibration *self,
           double             threshold)
{
  guint lo = 0, hi = self->n_cuts;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->cuts[mid] < threshold)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
fired_at (OnloopCalibration *self,
          double             threshold)
{
  /* Candidates below the threshold: those below the first cut at or above it. */
  guint below = self->below[lower_cut (self, threshold)];

  /* sentiment fires below the threshold; the others at or above it. */
  return self->kind == ONLOOP_TRIGGER_SENTIMENT ? below : self->n_values - below;
}

/* Per decision index of @log: whether @trigger's scope includes it. */
static gboolean *
scope_column (OnloopLog     *log,
              OnloopTrigger *trigger)
{
  gboolean *in_scope = g_new0 (gboolean, MAX (log->decisions->len, 1));
  gboolean all = trigger->decisions == NULL || trigger->decisions->len == 0;

  for (guint d = 0; d < log->decisions->len; d++)
    in_scope[d] = all;
  for (guint k = 0; !all && k < trigger->decisions->len; k++)
    {
      guint32 d = onloop_log_lookup_decision (log, g_ptr_array_index (trigger->decisions, k));
      if (d != ONLOOP_LOG_NONE)
        in_scope[d] = TRUE;
    }
  return in_scope;
}

static guint
range_start (OnloopLog  *log,
             OnloopRange range)
{
  return range.from_usec == G_MININT64 ? 0 : onloop_log_lower_bound (log, range.from_usec);
}

static guint
range_end (OnloopLog  *log,
           OnloopRange range)
{
  return range.to_usec == G_MAXINT64 ? log->n_events : onloop_log_lower_bound (log, range.to_usec);
}

OnloopCalibration *
onloop_calibration_new (OnloopLog     *log,
                        OnloopSpec    *draft,
                        const char    *trigger_id,
                        OnloopRange    range,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(OnloopCalibration) self = NULL;
  g_autoptr(OnloopSpec) spec = NULL;
  g_autofree gboolean *in_scope = NULL;
  g_autofree guint64 *keys = NULL;
  g_autofree guint64 *scratch_keys = NULL;
  const double *column;
  gboolean conflicting;
  gint64 min_days;
  g_autofree OnloopReasons *others = NULL;
  OnloopEvaluator *evaluator;
  OnloopTrigger *trigger;
  guint start, end, n_all = 0, n_values = 0, ti;
  int index;

  index = onloop_spec_trigger_index (draft, trigger_id);
  if (index < 0)
    {
      g_set_error (error, ONLOOP_CALIBRATION_ERROR, ONLOOP_CALIBRATION_ERROR_NO_TRIGGER,
                   _("The draft has no trigger “%s”"), trigger_id);
      return NULL;
    }
  ti = (guint) index;
  trigger = g_ptr_array_index (draft->triggers, ti);
  if (trigger->kind != ONLOOP_TRIGGER_DEAL_SIZE && trigger->kind != ONLOOP_TRIGGER_SENTIMENT &&
      trigger->kind != ONLOOP_TRIGGER_CONFLICTING_SIGNALS)
    {
      g_set_error (error, ONLOOP_CALIBRATION_ERROR, ONLOOP_CALIBRATION_ERROR_NOT_SWEEPABLE,
                   _("Trigger “%s” is of kind %s, which has no threshold to calibrate"),
                   trigger_id, onloop_trigger_kind_to_string (trigger->kind));
      return NULL;
    }

  start = range_start (log, range);
  end = MAX (range_end (log, range), start);
  if (start == end)
    {
      g_set_error_literal (error, ONLOOP_CALIBRATION_ERROR, ONLOOP_CALIBRATION_ERROR_NO_EVENTS,
                           _("No event in the range to calibrate on"));
      return NULL;
    }

  self = g_new0 (OnloopCalibration, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->trigger_id = g_strdup (trigger_id);
  self->kind = trigger->kind;
  self->n_events = end - start;
  switch (trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE: self->current = trigger->min_arr; break;
    case ONLOOP_TRIGGER_SENTIMENT: self->current = trigger->below; break;
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
    case ONLOOP_TRIGGER_FIRST_TIME:
    case ONLOOP_TRIGGER_ETHICAL:
    default:
      self->current = trigger->min_engagement; break;
    }

  /* The other rules as the draft has them, the swept one left out: what
   * remains is what escalates at every threshold. */
  spec = onloop_spec_copy (draft);
  ((OnloopTrigger *) g_ptr_array_index (spec->triggers, ti))->enabled = FALSE;
  evaluator = onloop_evaluator_new (spec, log);
  in_scope = scope_column (log, trigger);

  /* The in-scope values as sortable keys: the candidates (events the
   * swept trigger alone would escalate at a low enough threshold) from the
   * front of the buffer, the others from its back. */
  keys = onloop_log_alloc_column (sizeof (guint64) * self->n_events);
  column = trigger->kind == ONLOOP_TRIGGER_DEAL_SIZE ? log->deal_arr
         : trigger->kind == ONLOOP_TRIGGER_SENTIMENT ? log->sentiment : log->engagement;
  conflicting = trigger->kind == ONLOOP_TRIGGER_CONFLICTING_SIGNALS;
  min_days = MAX (trigger->min_days_in_stage, 0);   /* absent days are -1 */
  others = g_new (OnloopReasons, MIN (CHUNK, self->n_events));
  for (guint chunk = start; chunk < end; chunk += CHUNK)
    {
      guint chunk_end = MIN (chunk + CHUNK, end);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          onloop_evaluator_free (evaluator);
          return NULL;
        }
      onloop_evaluator_reasons_range (evaluator, chunk, chunk_end, others);

      for (guint i = chunk; i < chunk_end; i++)
        {
          double v = column[i];
          gboolean escalated_by_others = others[i - chunk] != 0;

          self->n_base += escalated_by_others;
          if (isnan (v) || !in_scope[log->decision[i]])
            continue;

          if (!escalated_by_others &&
              (!conflicting ||
               (log->stage_progressed[i] == 0 && log->days_in_stage[i] >= min_days)))
            keys[n_values++] = double_key (v);
          else
            keys[self->n_events - 1 - (n_all - n_values)] = double_key (v);
          n_all++;
        }
    }
  onloop_evaluator_free (evaluator);

  if (n_all == 0)
    {
      g_set_error (error, ONLOOP_CALIBRATION_ERROR, ONLOOP_CALIBRATION_ERROR_NO_VALUES,
                   _("No event in the range has a value for trigger “%s” to sweep"), trigger_id);
      return NULL;
    }

  /* Sort the two parts, then walk them together: the distinct cuts, with
   * the candidates below each. */
  scratch_keys = onloop_log_alloc_column (sizeof (guint64) * self->n_events);
  {
    guint64 *candidates = keys, *others_keys = keys + (self->n_events - (n_all - n_values));
    guint64 *scratch_a = scratch_keys, *scratch_b = scratch_keys + n_values;
    guint n_others = n_all - n_values;
    guint ci = 0, oi = 0;
    guint64 last = 0;

    radix_sort (&candidates, &scratch_a, n_values);
    radix_sort (&others_keys, &scratch_b, n_others);

    self->n_values = n_values;
    self->cuts = g_new (double, n_all);
    self->below = g_new (guint, n_all + 1);
    self->cut_escalated = g_new (guint, n_all);
    while (ci < n_values || oi < n_others)
      {
        gboolean take_candidate = oi >= n_others || (ci < n_values && candidates[ci] <= others_keys[oi]);
        guint64 key = take_candidate ? candidates[ci] : others_keys[oi];

        if (self->n_cuts == 0 || key != last)
          {
            double cut = key_double (key);

            last = key;
            /* -0 and 0 are one number. */
            if (self->n_cuts == 0 || self->cuts[self->n_cuts - 1] != cut)
              {
                self->cuts[self->n_cuts] = cut;
                self->below[self->n_cuts] = ci;
                self->cut_escalated[self->n_cuts] = self->n_base +
                  (self->kind == ONLOOP_TRIGGER_SENTIMENT ? ci : n_values - ci);
                self->n_cuts++;
              }
          }
        if (take_candidate)
          ci++;
        else
          oi++;
      }
  }
  self->below[self->n_cuts] = n_values;

  return g_steal_pointer (&self);
}

OnloopCalibration *
onloop_calibration_ref (OnloopCalibration *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
onloop_calibration_unref (OnloopCalibration *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->trigger_id);
  g_free (self->below);
  g_free (self->cuts);
  g_free (self->cut_escalated);
  g_free (self);
}

const char *
onloop_calibration_get_trigger_id (OnloopCalibration *self)
{
  return self->trigger_id;
}

OnloopTriggerKind
onloop_calibration_get_kind (OnloopCalibration *self)
{
  return self->kind;
}

const char *
onloop_calibration_get_parameter (OnloopCalibration *self)
{
  switch (self->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE: return "min_arr";
    case ONLOOP_TRIGGER_SENTIMENT: return "below";
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS: return "min_engagement";
    case ONLOOP_TRIGGER_FIRST_TIME:
    case ONLOOP_TRIGGER_ETHICAL:
    default:
      return NULL;
    }
}

double
onloop_calibration_get_current (OnloopCalibration *self)
{
  return self->current;
}

guint
onloop_calibration_get_n_events (OnloopCalibration *self)
{
  return self->n_events;
}

guint
onloop_calibration_get_n_base (OnloopCalibration *self)
{
  return self->n_base;
}

guint
onloop_calibration_escalated_at (OnloopCalibration *self,
                                 double             threshold)
{
  return self->n_base + fired_at (self, threshold);
}

double
onloop_calibration_rate_at (OnloopCalibration *self,
                            double             threshold)
{
  return (double) onloop_calibration_escalated_at (self, threshold) / self->n_events;
}

guint
onloop_calibration_get_n_cuts (OnloopCalibration *self)
{
  return self->n_cuts;
}

void
onloop_calibration_get_cut (OnloopCalibration      *self,
                            guint                   index,
                            OnloopCalibrationPoint *point)
{
  g_return_if_fail (index < self->n_cuts);
  point->threshold = self->cuts[index];
  point->escalated = self->cut_escalated[index];
  point->exception_rate = (double) point->escalated / self->n_events;
}

void
onloop_calibration_best (OnloopCalibration      *self,
                         double                  target,
                         OnloopCalibrationPoint *point)
{
  guint best = 0;
  double best_distance = INFINITY;
  double scaled_target = target * self->n_events;

  for (guint i = 0; i < self->n_cuts; i++)
    {
      /* |escalated / n − target| scaled by n: one rounding (target × n)
       * instead of two, so rates an equal distance either side of the
       * target really tie. */
      double distance = fabs ((double) self->cut_escalated[i] - scaled_target);
      gboolean better;

      if (distance != best_distance)
        better = distance < best_distance;
      else if (self->cut_escalated[i] != self->cut_escalated[best])
        better = self->cut_escalated[i] < self->cut_escalated[best];
      else
        better = fabs (self->cuts[i] - self->current) < fabs (self->cuts[best] - self->current);

      if (better)
        {
          best = i;
          best_distance = distance;
        }
    }

  onloop_calibration_get_cut (self, best, point);
}

GArray *
onloop_calibration_curve (OnloopCalibration *self)
{
  GArray *curve = g_array_sized_new (FALSE, FALSE, sizeof (OnloopCalibrationPoint), self->n_cuts);

  for (guint i = 0; i < self->n_cuts; i++)
    {
      OnloopCalibrationPoint point;

      onloop_calibration_get_cut (self, i, &point);
      g_array_append_val (curve, point);
    }
  return curve;
}

/* ---- Live preview ------------------------------------------------------ */

gboolean
onloop_preview_compute (OnloopLog      *log,
                        OnloopSpec     *draft,
                        OnloopPreview  *preview,
                        GCancellable   *cancellable,
                        GError        **error)
{
  OnloopEvaluator *evaluator = onloop_evaluator_new (draft, log);
  g_autofree OnloopReasons *reasons = NULL;
  guint recent_start = log->n_events;

  memset (preview, 0, sizeof *preview);
  if (log->n_events > 0)
    {
      OnloopWeek last = log->week[log->n_events - 1];
      gint64 from = onloop_week_start_usec (last) - 3 * ONLOOP_USEC_PER_WEEK;

      recent_start = onloop_log_lower_bound (log, from);
      preview->recent_from = onloop_week_from_usec (from);
    }

  reasons = g_new (OnloopReasons, MIN (CHUNK, MAX (log->n_events, 1)));
  for (guint chunk = 0; chunk < log->n_events; chunk += CHUNK)
    {
      guint chunk_end = MIN (chunk + CHUNK, log->n_events);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          onloop_evaluator_free (evaluator);
          return FALSE;
        }
      onloop_evaluator_reasons_range (evaluator, chunk, chunk_end, reasons);
      for (guint i = chunk; i < chunk_end; i++)
        if (reasons[i - chunk] != 0)
          {
            preview->escalated++;
            preview->recent_escalated += i >= recent_start;
          }
    }
  onloop_evaluator_free (evaluator);

  preview->events = log->n_events;
  preview->recent_events = log->n_events - recent_start;
  preview->exception_rate = preview->events > 0 ? (double) preview->escalated / preview->events : NAN;
  preview->recent_exception_rate = preview->recent_events > 0
                                   ? (double) preview->recent_escalated / preview->recent_events : NAN;
  return TRUE;
}
