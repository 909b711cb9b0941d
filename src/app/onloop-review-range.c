/* onloop-review-range.c: what the Review pane works out for a range
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "onloop-review-range.h"

static char *
format_percent (double value)
{
  if (isnan (value))
    return g_strdup (C_("no rate", "—"));
  return g_strdup_printf (_("%.1f %%"), value * 100);
}

static void
workflow_stat_clear (OnloopWorkflowStat *stat)
{
  g_free (stat->name);
  g_free (stat->phase);
}

void
onloop_review_range_free (OnloopReviewRange *result)
{
  g_clear_pointer (&result->contribution, g_array_unref);
  g_clear_pointer (&result->fn_range, g_ptr_array_unref);
  g_clear_pointer (&result->fn_latest, g_ptr_array_unref);
  g_clear_pointer (&result->workflows, g_array_unref);
  g_free (result);
}

static GPtrArray *
describe_events (OnloopLog *log,
                 GArray    *indices)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < indices->len && i < ONLOOP_REVIEW_MAX_LISTED; i++)
    {
      guint e = g_array_index (indices, guint, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (log->at[e] / G_USEC_PER_SEC);
      g_autofree char *date = g_date_time_format (at, "%Y-%m-%d %H:%M");

      g_ptr_array_add (lines, g_strdup_printf ("%s · %s → %s", date,
                                               (char *) g_ptr_array_index (log->decisions,
                                                                           log->decision[e]),
                                               (char *) g_ptr_array_index (log->actions,
                                                                           log->action[e])));
    }

  return lines;
}

/* Events, escalations and false negatives of each workflow in the range,
 * for the rollout guidance. */
static GArray *
workflow_stats (OnloopEngine *engine,
                OnloopRange   range,
                GArray       *false_negatives)
{
  OnloopLog *log = onloop_engine_get_log (engine);
  OnloopSpec *draft = onloop_engine_get_draft (engine);
  GArray *stats = g_array_new (FALSE, TRUE, sizeof (OnloopWorkflowStat));
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *of_decision = g_new (int, MAX (1, log->decisions->len));
  guint start = onloop_log_lower_bound (log, range.from_usec);
  guint end = onloop_log_lower_bound (log, range.to_usec);

  g_array_set_clear_func (stats, (GDestroyNotify) workflow_stat_clear);

  for (guint i = 0; i < draft->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (draft->decisions, i);
      OnloopWorkflowStat stat = { 0 };

      if (decision->workflow == NULL || g_hash_table_contains (by_name, decision->workflow))
        continue;
      stat.name = g_strdup (decision->workflow);
      stat.phase = g_strdup (decision->phase ? decision->phase : "shadow");
      g_array_append_val (stats, stat);
      g_hash_table_insert (by_name, decision->workflow, GUINT_TO_POINTER (stats->len));
    }

  for (guint d = 0; d < log->decisions->len; d++)
    {
      OnloopSpecDecision *decision = onloop_spec_find_decision (draft,
                                                                g_ptr_array_index (log->decisions, d));
      of_decision[d] = decision && decision->workflow
                       ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (by_name, decision->workflow)) - 1
                       : -1;
    }

  for (guint e = start; e < end; e++)
    {
      int w = of_decision[log->decision[e]];

      if (w < 0)
        continue;
      g_array_index (stats, OnloopWorkflowStat, w).events++;
      if (onloop_engine_escalated_at (engine, e))
        g_array_index (stats, OnloopWorkflowStat, w).escalated++;
    }
  for (guint i = 0; i < false_negatives->len; i++)
    {
      int w = of_decision[log->decision[g_array_index (false_negatives, guint, i)]];
      if (w >= 0)
        g_array_index (stats, OnloopWorkflowStat, w).false_negatives++;
    }

  return stats;
}

OnloopReviewRange *
onloop_review_range_compute (OnloopEngine *engine,
                             OnloopRange   range,
                             OnloopRange   latest)
{
  OnloopLog *log = onloop_engine_get_log (engine);
  OnloopReviewRange *result = g_new0 (OnloopReviewRange, 1);
  g_autoptr(GArray) fn_range = NULL;
  g_autoptr(GArray) fn_latest = NULL;

  result->contribution = onloop_engine_contribution (engine, range,
                                                     &result->n_escalated, &result->n_events);
  fn_range = onloop_engine_false_negatives (engine, range);
  fn_latest = onloop_engine_false_negatives (engine, latest);
  result->fn_range = describe_events (log, fn_range);
  result->fn_range_total = fn_range->len;
  result->fn_latest = describe_events (log, fn_latest);
  result->fn_latest_total = fn_latest->len;
  result->workflows = workflow_stats (engine, range, fn_range);

  return result;
}

const char *
onloop_phase_label (const char *phase)
{
  if (g_strcmp0 (phase, "exception-only") == 0)
    return _("Exception-only");
  if (g_strcmp0 (phase, "steady") == 0)
    return _("Steady state");
  return _("Shadow mode");
}

/* What to do next in a workflow, from its phase and its numbers. */
char *
onloop_rollout_guidance (const OnloopWorkflowStat *stat,
                         const OnloopThresholds   *thresholds)
{
  double rate = stat->events ? (double) stat->escalated / stat->events : NAN;
  g_autofree char *rate_text = format_percent (rate);
  gboolean on_target = !isnan (rate) && rate >= thresholds->target_low &&
                       rate <= thresholds->target_high;
  const char *what, *next;

  if (g_strcmp0 (stat->phase, "exception-only") == 0)
    what = _("People act only on escalations; the rest is reviewed weekly in batch.");
  else if (g_strcmp0 (stat->phase, "steady") == 0)
    what = _("People handle exceptions, strategy and coaching; the rest gets monthly spot checks.");
  else
    what = _("The AI acts; people watch and note where they would have stepped in.");

  if (stat->events == 0)
    next = _("No decisions of this workflow in the range.");
  else if (stat->false_negatives > 0)
    next = _("Close the trigger gaps (false negatives) before moving on.");
  else if (!isnan (rate) && rate > thresholds->target_high)
    next = _("Too many escalations: find the trigger that drives them and calibrate it.");
  else if (!isnan (rate) && rate < thresholds->target_low)
    next = _("Few escalations: check that the triggers cover what people would catch.");
  else if (g_strcmp0 (stat->phase, "shadow") == 0 && on_target)
    next = _("On target with no gaps: ready for exception-only.");
  else if (g_strcmp0 (stat->phase, "exception-only") == 0 && on_target)
    next = _("On target with no gaps: ready for the steady state.");
  else
    next = _("On target with no gaps: hold steady.");

  return g_strdup_printf (_("%s Exception rate %s (%'u of %'u), %'u false negatives. %s"),
                          what, rate_text, stat->escalated, stat->events, stat->false_negatives,
                          next);
}

