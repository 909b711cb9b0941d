/* onloop-spec-diff.c: what changed between two specs, in words
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decisions are matched by key, boundary items by id within their list,
 * triggers by id. The order of decisions is not a change (it is the board's
 * order and changes nothing the AI does); the order of triggers is (it is
 * the order of the reasons in a verdict), and so is the order of items.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-spec-private.h"

static const char * const list_keys[] = { "may", "uses", "must_not" };
static const char * const field_names[] = { "industry", "persona", "objection" };

static const char *
list_words (guint list)
{
  switch (list)
    {
    case 0: return _("may");
    case 1: return _("uses");
    default: return _("must not");
    }
}

static GPtrArray *
decision_list (OnloopSpecDecision *decision,
               guint               list)
{
  switch (list)
    {
    case 0: return decision->may;
    case 1: return decision->uses;
    default: return decision->must_not;
    }
}

void
onloop_spec_change_free (OnloopSpecChange *change)
{
  if (change == NULL)
    return;

  g_free (change->path);
  g_free (change->text);
  g_free (change);
}

static void G_GNUC_PRINTF (4, 5)
add_change (GPtrArray           *changes,
            OnloopSpecChangeKind kind,
            char                *path,
            const char          *format,
            ...)
{
  OnloopSpecChange *change = g_new0 (OnloopSpecChange, 1);
  va_list args;

  va_start (args, format);
  change->text = g_strdup_vprintf (format, args);
  va_end (args);
  change->kind = kind;
  change->path = path;

  g_ptr_array_add (changes, change);
}

static OnloopBoundaryItem *
find_item (GPtrArray  *items,
           const char *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);
      if (g_str_equal (item->id, id))
        return item;
    }

  return NULL;
}

static gboolean
same_order (GPtrArray *a,
            GPtrArray *b)
{
  /* Only meaningful when both hold the same ids. */
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (((OnloopBoundaryItem *) g_ptr_array_index (a, i))->id,
                      ((OnloopBoundaryItem *) g_ptr_array_index (b, i))->id))
      return FALSE;

  return TRUE;
}

static void
diff_items (GPtrArray          *changes,
            OnloopSpecDecision *from,
            OnloopSpecDecision *to)
{
  for (guint l = 0; l < G_N_ELEMENTS (list_keys); l++)
    {
      GPtrArray *a = decision_list (from, l);
      GPtrArray *b = decision_list (to, l);
      guint common = 0;

      for (guint i = 0; i < a->len; i++)
        {
          OnloopBoundaryItem *old = g_ptr_array_index (a, i);
          OnloopBoundaryItem *now = find_item (b, old->id);

          if (now == NULL)
            add_change (changes, ONLOOP_SPEC_CHANGE_REMOVED,
                        g_strdup_printf ("decisions.%s.%s.%s", to->key, list_keys[l], old->id),
                        /* TRANSLATORS: "Follow-up timing: may − Send follow-ups" */
                        _("%s: %s − %s"), to->title, list_words (l), old->label);
          else
            {
              common++;
              if (!g_str_equal (old->label, now->label))
                add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                            g_strdup_printf ("decisions.%s.%s.%s.label", to->key,
                                             list_keys[l], old->id),
                            _("%s: %s “%s” → “%s”"), to->title, list_words (l),
                            old->label, now->label);
            }
        }

      for (guint i = 0; i < b->len; i++)
        {
          OnloopBoundaryItem *now = g_ptr_array_index (b, i);

          if (find_item (a, now->id) == NULL)
            add_change (changes, ONLOOP_SPEC_CHANGE_ADDED,
                        g_strdup_printf ("decisions.%s.%s.%s", to->key, list_keys[l], now->id),
                        /* TRANSLATORS: "Follow-up timing: must not + Promise delivery dates" */
                        _("%s: %s + %s"), to->title, list_words (l), now->label);
        }

      if (common == a->len && common == b->len && !same_order (a, b))
        add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                    g_strdup_printf ("decisions.%s.%s.order", to->key, list_keys[l]),
                    _("%s: %s reordered"), to->title, list_words (l));
    }
}

/* key → OnloopSpecDecision, so that a diff of two large maps stays linear. */
static GHashTable *
index_decisions (OnloopSpec *spec)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < spec->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (spec->decisions, i);
      g_hash_table_insert (index, decision->key, decision);
    }

  return index;
}

static void
diff_decisions (GPtrArray  *changes,
                OnloopSpec *from,
                OnloopSpec *to)
{
  g_autoptr(GHashTable) from_index = index_decisions (from);
  g_autoptr(GHashTable) to_index = index_decisions (to);

  for (guint i = 0; i < from->decisions->len; i++)
    {
      OnloopSpecDecision *old = g_ptr_array_index (from->decisions, i);

      if (!g_hash_table_contains (to_index, old->key))
        add_change (changes, ONLOOP_SPEC_CHANGE_REMOVED,
                    g_strdup_printf ("decisions.%s", old->key),
                    _("Decision removed: %s"), old->title);
    }

  for (guint i = 0; i < to->decisions->len; i++)
    {
      OnloopSpecDecision *now = g_ptr_array_index (to->decisions, i);
      OnloopSpecDecision *old = g_hash_table_lookup (from_index, now->key);

      if (old == NULL)
        {
          guint n_items = now->may->len + now->uses->len + now->must_not->len;

          add_change (changes, ONLOOP_SPEC_CHANGE_ADDED,
                      g_strdup_printf ("decisions.%s", now->key),
                      g_dngettext (GETTEXT_PACKAGE,
                                   "Decision added: %s (%s, %u boundary item)",
                                   "Decision added: %s (%s, %u boundary items)", n_items),
                      now->title, onloop_category_get_label (now->category), n_items);
          continue;
        }

      if (g_strcmp0 (old->title, now->title) != 0)
        add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                    g_strdup_printf ("decisions.%s.title", now->key),
                    _("%s: title “%s” → “%s”"), now->key, old->title, now->title);
      if (old->category != now->category)
        add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                    g_strdup_printf ("decisions.%s.category", now->key),
                    _("%s: %s → %s"), now->title, onloop_category_get_label (old->category),
                    onloop_category_get_label (now->category));
      if (g_strcmp0 (old->workflow, now->workflow) != 0)
        add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                    g_strdup_printf ("decisions.%s.workflow", now->key),
                    _("%s: workflow %s → %s"), now->title,
                    old->workflow != NULL ? old->workflow : _("none"),
                    now->workflow != NULL ? now->workflow : _("none"));

      diff_items (changes, old, now);
    }
}

/* Phases belong to workflows: one line per workflow, not per decision. */
static GHashTable *
workflow_phases (OnloopSpec *spec)
{
  GHashTable *phases = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < spec->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (spec->decisions, i);

      if (decision->workflow != NULL && decision->phase != NULL)
        g_hash_table_insert (phases, decision->workflow, decision->phase);
    }

  return phases;
}

static void
diff_phases (GPtrArray  *changes,
             OnloopSpec *from,
             OnloopSpec *to)
{
  g_autoptr(GHashTable) old_phases = workflow_phases (from);
  g_autoptr(GHashTable) new_phases = workflow_phases (to);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < to->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (to->decisions, i);
      const char *old, *now;

      if (decision->workflow == NULL || !g_hash_table_add (seen, decision->workflow))
        continue;

      old = g_hash_table_lookup (old_phases, decision->workflow);
      now = g_hash_table_lookup (new_phases, decision->workflow);
      if (old != NULL && now != NULL && !g_str_equal (old, now))
        add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                    g_strdup_printf ("workflows.%s.phase", decision->workflow),
                    _("Workflow %s: phase %s → %s"), decision->workflow, old, now);
    }
}

static char *
describe_params (const OnloopTrigger *trigger)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  switch (trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      a = onloop_spec_format_number (trigger->min_arr);
      return g_strdup_printf ("min_arr %s", a);
    case ONLOOP_TRIGGER_SENTIMENT:
      a = onloop_spec_format_number (trigger->below);
      return g_strdup_printf ("below %s", a);
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      a = onloop_spec_format_number (trigger->min_engagement);
      b = onloop_spec_format_number (trigger->min_days_in_stage);
      return g_strdup_printf ("min_engagement %s, min_days_in_stage %s", a, b);
    case ONLOOP_TRIGGER_FIRST_TIME:
      {
        GString *text = g_string_new ("fields ");
        gboolean first = TRUE;

        for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
          if (trigger->fields & (1u << f))
            {
              g_string_append_printf (text, first ? "%s" : ", %s", field_names[f]);
              first = FALSE;
            }
        return g_string_free (text, FALSE);
      }
    case ONLOOP_TRIGGER_ETHICAL:
      {
        GString *text = g_string_new ("tags ");

        for (guint i = 0; i < trigger->tags->len; i++)
          g_string_append_printf (text, i == 0 ? "%s" : ", %s",
                                  (char *) g_ptr_array_index (trigger->tags, i));
        if (trigger->tags->len == 0)
          g_string_append (text, _("none"));
        return g_string_free (text, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
contains (GPtrArray  *strings,
          const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), text))
      return TRUE;

  return FALSE;
}

static char *
join (GPtrArray *strings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    g_string_append_printf (text, i == 0 ? "%s" : ", %s", (char *) g_ptr_array_index (strings, i));

  return g_strdup (text->str);
}

/* "+ x" and "− y" lines for a list of strings. */
static void
diff_strings (GPtrArray  *changes,
              const char *id,
              const char *name,
              GPtrArray  *old,
              GPtrArray  *now)
{
  for (guint i = 0; i < old->len; i++)
    {
      const char *value = g_ptr_array_index (old, i);
      if (!contains (now, value))
        add_change (changes, ONLOOP_SPEC_CHANGE_REMOVED,
                    g_strdup_printf ("triggers.%s.%s.%s", id, name, value),
                    "%s: %s − %s", id, name, value);
    }
  for (guint i = 0; i < now->len; i++)
    {
      const char *value = g_ptr_array_index (now, i);
      if (!contains (old, value))
        add_change (changes, ONLOOP_SPEC_CHANGE_ADDED,
                    g_strdup_printf ("triggers.%s.%s.%s", id, name, value),
                    "%s: %s + %s", id, name, value);
    }
}

static GPtrArray *
field_list (guint fields)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
    if (fields & (1u << f))
      g_ptr_array_add (list, (gpointer) field_names[f]);

  return list;
}

static void
diff_number (GPtrArray  *changes,
             const char *id,
             const char *name,
             double      old,
             double      now)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (old == now)
    return;

  a = onloop_spec_format_number (old);
  b = onloop_spec_format_number (now);
  add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
              g_strdup_printf ("triggers.%s.%s", id, name),
              /* TRANSLATORS: "deal-size: min_arr 50,000 → 75,000" */
              _("%s: %s %s → %s"), id, name, a, b);
}

static void
diff_trigger (GPtrArray     *changes,
              OnloopTrigger *old,
              OnloopTrigger *now)
{
  const char *id = now->id;

  if (old->kind != now->kind)
    {
      g_autofree char *params = describe_params (now);

      add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                  g_strdup_printf ("triggers.%s.kind", id),
                  _("%s: kind %s → %s (%s)"), id, onloop_trigger_kind_to_string (old->kind),
                  onloop_trigger_kind_to_string (now->kind), params);
    }
  else
    {
      switch (now->kind)
        {
        case ONLOOP_TRIGGER_DEAL_SIZE:
          diff_number (changes, id, "min_arr", old->min_arr, now->min_arr);
          break;
        case ONLOOP_TRIGGER_SENTIMENT:
          diff_number (changes, id, "below", old->below, now->below);
          break;
        case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
          diff_number (changes, id, "min_engagement", old->min_engagement, now->min_engagement);
          diff_number (changes, id, "min_days_in_stage",
                       old->min_days_in_stage, now->min_days_in_stage);
          break;
        case ONLOOP_TRIGGER_FIRST_TIME:
          {
            g_autoptr(GPtrArray) a = field_list (old->fields);
            g_autoptr(GPtrArray) b = field_list (now->fields);
            diff_strings (changes, id, "fields", a, b);
          }
          break;
        case ONLOOP_TRIGGER_ETHICAL:
          diff_strings (changes, id, "tags", old->tags, now->tags);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (old->enabled != now->enabled)
    add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                g_strdup_printf ("triggers.%s.enabled", id),
                now->enabled ? _("%s: enabled") : _("%s: disabled"), id);

  if (old->decisions->len == 0 && now->decisions->len > 0)
    {
      g_autofree char *keys = join (now->decisions);
      add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                  g_strdup_printf ("triggers.%s.decisions", id),
                  _("%s: scope all decisions → %s"), id, keys);
    }
  else if (old->decisions->len > 0 && now->decisions->len == 0)
    {
      g_autofree char *keys = join (old->decisions);
      add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED,
                  g_strdup_printf ("triggers.%s.decisions", id),
                  _("%s: scope %s → all decisions"), id, keys);
    }
  else
    diff_strings (changes, id, "scope", old->decisions, now->decisions);
}

static void
diff_triggers (GPtrArray  *changes,
               OnloopSpec *from,
               OnloopSpec *to)
{
  g_autoptr(GPtrArray) old_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_order = g_ptr_array_new ();

  for (guint i = 0; i < from->triggers->len; i++)
    {
      OnloopTrigger *old = g_ptr_array_index (from->triggers, i);

      if (onloop_spec_find_trigger (to, old->id) == NULL)
        add_change (changes, ONLOOP_SPEC_CHANGE_REMOVED,
                    g_strdup_printf ("triggers.%s", old->id),
                    _("Trigger removed: %s"), old->id);
      else
        g_ptr_array_add (old_order, old->id);
    }

  for (guint i = 0; i < to->triggers->len; i++)
    {
      OnloopTrigger *now = g_ptr_array_index (to->triggers, i);
      OnloopTrigger *old = onloop_spec_find_trigger (from, now->id);

      if (old == NULL)
        {
          g_autofree char *params = describe_params (now);

          add_change (changes, ONLOOP_SPEC_CHANGE_ADDED,
                      g_strdup_printf ("triggers.%s", now->id),
                      now->enabled ? _("Trigger added: %s (%s, %s)")
                                   : _("Trigger added: %s (%s, %s, disabled)"),
                      now->id, onloop_trigger_kind_to_string (now->kind), params);
          continue;
        }

      g_ptr_array_add (new_order, now->id);
      diff_trigger (changes, old, now);
    }

  for (guint i = 0; i < old_order->len; i++)
    {
      if (!g_str_equal (g_ptr_array_index (old_order, i), g_ptr_array_index (new_order, i)))
        {
          g_autofree char *a = join (old_order);
          g_autofree char *b = join (new_order);

          add_change (changes, ONLOOP_SPEC_CHANGE_CHANGED, g_strdup ("triggers.order"),
                      _("Trigger order: %s → %s"), a, b);
          break;
        }
    }
}

GPtrArray *
onloop_spec_diff (OnloopSpec *from,
                  OnloopSpec *to)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_spec_change_free);

  g_return_val_if_fail (from != NULL && to != NULL, changes);

  diff_decisions (changes, from, to);
  diff_phases (changes, from, to);
  diff_triggers (changes, from, to);

  return changes;
}
