/* onloop-spec-lint.c: warnings about a spec before it is published
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-evaluator.h"
#include "onloop-spec-lint.h"
#include "onloop-spec-private.h"

void
onloop_lint_warning_free (OnloopLintWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->decision);
  g_free (warning->item);
  g_free (warning->trigger);
  g_free (warning->message);
  g_free (warning);
}

static void
add_warning (GPtrArray      *warnings,
             OnloopLintKind  kind,
             const char     *decision,
             const char     *item,
             const char     *trigger,
             char           *message)
{
  OnloopLintWarning *warning = g_new0 (OnloopLintWarning, 1);

  warning->kind = kind;
  warning->decision = g_strdup (decision);
  warning->item = g_strdup (item);
  warning->trigger = g_strdup (trigger);
  warning->message = message;
  g_ptr_array_add (warnings, warning);
}

static const char *
display_title (OnloopSpecDecision *decision)
{
  return decision->title != NULL && *decision->title != '\0' ? decision->title : decision->key;
}

static void
lint_decision (GPtrArray          *warnings,
               OnloopSpecDecision *decision)
{
  guint n_items = decision->may->len + decision->uses->len + decision->must_not->len;

  if (decision->category == ONLOOP_CATEGORY_EXECUTION && n_items == 0)
    add_warning (warnings, ONLOOP_LINT_EXECUTION_NO_BOUNDARY, decision->key, NULL, NULL,
                 g_strdup_printf (_("“%s” is an execution decision with no boundary: say what the AI may do, uses and must not do"),
                                  display_title (decision)));
  else if (decision->category == ONLOOP_CATEGORY_JUDGMENT && n_items > 0)
    add_warning (warnings, ONLOOP_LINT_JUDGMENT_WITH_BOUNDARY, decision->key, NULL, NULL,
                 g_strdup_printf (_("“%s” is a judgment decision but has a boundary: people own it, every event of it escalates"),
                                  display_title (decision)));

  for (guint i = 0; i < decision->may->len; i++)
    {
      OnloopBoundaryItem *may = g_ptr_array_index (decision->may, i);

      for (guint j = 0; j < decision->must_not->len; j++)
        {
          OnloopBoundaryItem *must_not = g_ptr_array_index (decision->must_not, j);

          if (g_strcmp0 (may->id, must_not->id) == 0)
            {
              add_warning (warnings, ONLOOP_LINT_MAY_AND_MUST_NOT, decision->key, may->id, NULL,
                           g_strdup_printf (_("“%s” (%s) is both something the AI may do and must not do"),
                                            may->label, may->id));
              break;
            }
        }
    }
}

static gboolean
lint_triggers (GPtrArray    *warnings,
               OnloopSpec   *spec,
               OnloopLog    *log,
               GCancellable *cancellable)
{
  OnloopEvaluator *evaluator = onloop_evaluator_new (spec, log);
  guint n = spec->triggers->len;
  g_autofree guint *in_scope = g_new0 (guint, n);
  g_autofree guint *fired = g_new0 (guint, n);

  for (guint e = 0; e < log->n_events; e++)
    {
      OnloopReasons reasons;

      if ((e & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          onloop_evaluator_free (evaluator);
          return FALSE;
        }

      reasons = onloop_evaluator_reasons_at (evaluator, e);
      for (guint t = 0; t < n; t++)
        {
          if (!onloop_evaluator_in_scope_at (evaluator, t, e))
            continue;
          in_scope[t]++;
          if ((reasons & onloop_evaluator_trigger_bit (evaluator, t)) != 0)
            fired[t]++;
        }
    }

  for (guint t = 0; t < n; t++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (spec->triggers, t);
      g_autofree char *count = onloop_spec_format_number (in_scope[t]);

      if (!trigger->enabled)
        continue;

      if (fired[t] == 0)
        add_warning (warnings, ONLOOP_LINT_TRIGGER_NEVER_FIRES, NULL, NULL, trigger->id,
                     in_scope[t] == 0
                     ? g_strdup_printf (_("“%s” would never fire: no event of the imported log is in its scope"),
                                        trigger->id)
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "“%s” would never fire: it escalates none of the %s event it applies to",
                                                     "“%s” would never fire: it escalates none of the %s events it applies to",
                                                     in_scope[t]),
                                        trigger->id, count));
      else if (fired[t] == in_scope[t])
        add_warning (warnings, ONLOOP_LINT_TRIGGER_ALWAYS_FIRES, NULL, NULL, trigger->id,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "“%s” would fire on every event: it escalates all %s event it applies to",
                                                   "“%s” would fire on every event: it escalates all %s events it applies to",
                                                   in_scope[t]),
                                      trigger->id, count));
    }

  onloop_evaluator_free (evaluator);
  return TRUE;
}

GPtrArray *
onloop_spec_lint (OnloopSpec   *spec,
                  OnloopLog    *log,
                  GCancellable *cancellable)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_lint_warning_free);

  g_return_val_if_fail (spec != NULL, NULL);

  for (guint i = 0; i < spec->decisions->len; i++)
    lint_decision (warnings, g_ptr_array_index (spec->decisions, i));

  if (log != NULL && log->n_events > 0 && spec->triggers->len > 0)
    {
      if (!lint_triggers (warnings, spec, log, cancellable))
        return NULL;
    }

  return g_steal_pointer (&warnings);
}

GPtrArray *
onloop_lint_filter (GPtrArray  *warnings,
                    const char *key,
                    const char *trigger_id,
                    gboolean    with_items)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      OnloopLintWarning *warning = g_ptr_array_index (warnings, i);

      if (key != NULL)
        {
          if (g_strcmp0 (warning->decision, key) != 0)
            continue;
          if (warning->item != NULL && !with_items)
            continue;
        }
      else if (g_strcmp0 (warning->trigger, trigger_id) != 0)
        continue;

      g_ptr_array_add (found, warning);
    }

  return found;
}
