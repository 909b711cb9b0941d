/* onloop-evaluator.c: does an event escalate under a spec? (PRODUCT.md §3)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spec is compiled once into masks and small tables so that evaluating
 * one event of an OnloopLog is a few array reads: the scope of every
 * trigger per decision index, the boundary reasons per (decision, action)
 * pair, the ethical triggers per tag index.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "onloop-evaluator.h"
#include "onloop-store-engine.h"

/* Above this many (decision, action) pairs the boundary table is not built
 * and boundary reasons are computed from the strings. */
#define MAX_BOUNDARY_TABLE (8u * 1024 * 1024)

typedef struct
{
  OnloopTriggerKind kind;
  double            min_arr;
  double            below;
  double            min_engagement;
  gint64            min_days_in_stage;
  guint             fields;
} CompiledTrigger;

typedef struct
{
  gboolean    judgment;
  GHashTable *may;        /* item id set */
  GHashTable *must_not;
  guint       n_may;
} CompiledDecision;

struct _OnloopEvaluator
{
  OnloopSpec       *spec;
  OnloopLog        *log;
  guint             n_triggers;
  CompiledTrigger   triggers[ONLOOP_SPEC_MAX_TRIGGERS];
  OnloopReasons     enabled;
  OnloopReasons     unscoped;      /* triggers that apply to every decision */
  GHashTable       *scope;         /* decision key → OnloopReasons of scoped triggers (boxed) */
  GHashTable       *ethical;       /* tag → OnloopReasons (boxed) */
  GHashTable       *decisions;     /* key → CompiledDecision */
  char             *reason_ids[64];

  /* Against the log's dictionaries. */
  OnloopReasons    *scope_at;      /* per decision index: triggers in scope and enabled */
  guint8           *boundary_at;   /* per (decision, action): boundary reason bits */
  OnloopReasons    *ethical_at;    /* per tag index */
};

static const char * const boundary_ids[ONLOOP_N_BOUNDARY_REASONS] = {
  "judgment-decision",
  "prohibited-action",
  "outside-boundary",
};

static void
compiled_decision_free (gpointer data)
{
  CompiledDecision *d = data;

  g_hash_table_unref (d->may);
  g_hash_table_unref (d->must_not);
  g_free (d);
}

static GHashTable *
item_set (GPtrArray *items)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);
      g_hash_table_add (set, item->id);
    }
  return set;
}

static OnloopReasons *
mask_slot (GHashTable *table,
           const char *key)
{
  OnloopReasons *mask = g_hash_table_lookup (table, key);

  if (mask == NULL)
    {
      mask = g_new0 (OnloopReasons, 1);
      g_hash_table_insert (table, (gpointer) key, mask);
    }
  return mask;
}

/* Boundary reason bits (1 << OnloopBoundaryReason) for a decision key and an
 * action id. */
static guint
boundary_bits (OnloopEvaluator *self,
               const char      *decision,
               const char      *action)
{
  CompiledDecision *d = g_hash_table_lookup (self->decisions, decision);
  guint bits = 0;

  if (d == NULL)
    return 0;
  if (d->judgment)
    return 1 << ONLOOP_BOUNDARY_JUDGMENT_DECISION;
  if (g_hash_table_contains (d->must_not, action))
    bits |= 1 << ONLOOP_BOUNDARY_PROHIBITED_ACTION;
  if (d->n_may > 0 && !g_hash_table_contains (d->may, action))
    bits |= 1 << ONLOOP_BOUNDARY_OUTSIDE_BOUNDARY;
  return bits;
}

static void
compile_against_log (OnloopEvaluator *self)
{
  OnloopLog *log = self->log;
  guint n_decisions = log->decisions->len;
  guint n_actions = log->actions->len;

  self->scope_at = g_new0 (OnloopReasons, MAX (n_decisions, 1));
  for (guint d = 0; d < n_decisions; d++)
    {
      OnloopReasons *scoped = g_hash_table_lookup (self->scope, g_ptr_array_index (log->decisions, d));
      self->scope_at[d] = (self->unscoped | (scoped != NULL ? *scoped : 0)) & self->enabled;
    }

  if ((guint64) n_decisions * n_actions <= MAX_BOUNDARY_TABLE)
    {
      self->boundary_at = g_new0 (guint8, MAX ((guint64) n_decisions * n_actions, 1));
      for (guint d = 0; d < n_decisions; d++)
        {
          const char *key = g_ptr_array_index (log->decisions, d);

          if (!g_hash_table_contains (self->decisions, key))
            continue;
          for (guint a = 0; a < n_actions; a++)
            self->boundary_at[(gsize) d * n_actions + a] =
              boundary_bits (self, key, g_ptr_array_index (log->actions, a));
        }
    }

  self->ethical_at = g_new0 (OnloopReasons, MAX (log->tag_names->len, 1));
  for (guint t = 0; t < log->tag_names->len; t++)
    {
      OnloopReasons *mask = g_hash_table_lookup (self->ethical, g_ptr_array_index (log->tag_names, t));
      self->ethical_at[t] = mask != NULL ? *mask : 0;
    }
}

OnloopEvaluator *
onloop_evaluator_new (OnloopSpec *spec,
                      OnloopLog  *log)
{
  OnloopEvaluator *self = g_new0 (OnloopEvaluator, 1);

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->triggers->len <= ONLOOP_SPEC_MAX_TRIGGERS, NULL);

  self->spec = onloop_spec_ref (spec);
  self->log = log != NULL ? onloop_log_ref (log) : NULL;
  self->n_triggers = spec->triggers->len;
  self->scope = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->ethical = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, compiled_decision_free);

  for (guint i = 0; i < self->n_triggers; i++)
    {
      OnloopTrigger *t = g_ptr_array_index (spec->triggers, i);
      CompiledTrigger *c = &self->triggers[i];
      OnloopReasons bit = (OnloopReasons) 1 << i;

      c->kind = t->kind;
      c->min_arr = t->min_arr;
      c->below = t->below;
      c->min_engagement = t->min_engagement;
      c->min_days_in_stage = t->min_days_in_stage;
      c->fields = t->fields;
      if (t->enabled)
        self->enabled |= bit;

      if (t->decisions == NULL || t->decisions->len == 0)
        self->unscoped |= bit;
      else
        for (guint k = 0; k < t->decisions->len; k++)
          *mask_slot (self->scope, g_ptr_array_index (t->decisions, k)) |= bit;

      if (t->kind == ONLOOP_TRIGGER_ETHICAL && t->tags != NULL)
        for (guint k = 0; k < t->tags->len; k++)
          *mask_slot (self->ethical, g_ptr_array_index (t->tags, k)) |= bit;

      self->reason_ids[i] = t->id;
    }
  for (guint r = 0; r < ONLOOP_N_BOUNDARY_REASONS; r++)
    self->reason_ids[self->n_triggers + r] = (char *) boundary_ids[r];

  for (guint i = 0; i < spec->decisions->len; i++)
    {
      OnloopSpecDecision *sd = g_ptr_array_index (spec->decisions, i);
      CompiledDecision *d = g_new0 (CompiledDecision, 1);

      d->judgment = sd->category == ONLOOP_CATEGORY_JUDGMENT;
      d->may = item_set (sd->may);
      d->must_not = item_set (sd->must_not);
      d->n_may = sd->may != NULL ? sd->may->len : 0;
      g_hash_table_replace (self->decisions, sd->key, d);
    }

  if (log != NULL)
    compile_against_log (self);

  return self;
}

void
onloop_evaluator_free (OnloopEvaluator *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->scope);
  g_hash_table_unref (self->ethical);
  g_hash_table_unref (self->decisions);
  g_free (self->scope_at);
  g_free (self->boundary_at);
  g_free (self->ethical_at);
  g_clear_pointer (&self->log, onloop_log_unref);
  onloop_spec_unref (self->spec);
  g_free (self);
}

OnloopSpec *
onloop_evaluator_get_spec (OnloopEvaluator *self)
{
  return self->spec;
}

guint
onloop_evaluator_get_n_reasons (OnloopEvaluator *self)
{
  return self->n_triggers + ONLOOP_N_BOUNDARY_REASONS;
}

OnloopReasons
onloop_evaluator_trigger_bit (OnloopEvaluator *self,
                              guint            trigger_index)
{
  g_return_val_if_fail (trigger_index < self->n_triggers, 0);
  return (OnloopReasons) 1 << trigger_index;
}

OnloopReasons
onloop_evaluator_boundary_bit (OnloopEvaluator     *self,
                               OnloopBoundaryReason reason)
{
  return (OnloopReasons) 1 << (self->n_triggers + reason);
}

const char *
onloop_evaluator_reason_id (OnloopEvaluator *self,
                            guint            bit)
{
  g_return_val_if_fail (bit < self->n_triggers + ONLOOP_N_BOUNDARY_REASONS, NULL);
  return self->reason_ids[bit];
}

/* The triggers (not scope, not enabled) that fire on the numbers. A
 * missing field is NAN or -1, and every comparison with it is false. */
static inline gboolean
trigger_fires (const CompiledTrigger *c,
               double                 deal_arr,
               double                 sentiment,
               double                 engagement,
               int                    stage_progressed,
               gint64                 days_in_stage,
               guint                  first)
{
  switch (c->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      return !isnan (deal_arr) && deal_arr >= c->min_arr;
    case ONLOOP_TRIGGER_SENTIMENT:
      return !isnan (sentiment) && sentiment < c->below;
    case ONLOOP_TRIGGER_FIRST_TIME:
      return (first & c->fields) != 0;
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      return !isnan (engagement) && engagement >= c->min_engagement &&
             stage_progressed == 0 &&
             days_in_stage >= 0 && days_in_stage >= c->min_days_in_stage;
    case ONLOOP_TRIGGER_ETHICAL:
    default:
      return FALSE;   /* by tags, see the callers */
    }
}

OnloopReasons
onloop_evaluator_reasons_at (OnloopEvaluator *self,
                             guint            index)
{
  OnloopLog *log = self->log;
  guint32 decision = log->decision[index];
  OnloopReasons scope = self->scope_at[decision];
  OnloopReasons reasons = 0;
  guint boundary;

  if (scope != 0)
    {
      OnloopReasons ethical = 0;

      for (guint32 k = log->tag_start[index]; k < log->tag_start[index + 1]; k++)
        ethical |= self->ethical_at[log->tags[k]];

      for (OnloopReasons rest = scope; rest != 0; rest &= rest - 1)
        {
          guint i = (guint) __builtin_ctzll (rest);
          const CompiledTrigger *c = &self->triggers[i];

          if (c->kind == ONLOOP_TRIGGER_ETHICAL)
            {
              if (ethical & ((OnloopReasons) 1 << i))
                reasons |= (OnloopReasons) 1 << i;
            }
          else if (trigger_fires (c, log->deal_arr[index], log->sentiment[index],
                                  log->engagement[index], log->stage_progressed[index],
                                  log->days_in_stage[index], log->first[index]))
            reasons |= (OnloopReasons) 1 << i;
        }
    }

  if (self->boundary_at != NULL)
    boundary = self->boundary_at[(gsize) decision * log->actions->len + log->action[index]];
  else
    boundary = boundary_bits (self, g_ptr_array_index (log->decisions, decision),
                              g_ptr_array_index (log->actions, log->action[index]));

  return reasons | ((OnloopReasons) boundary << self->n_triggers);
}

/* The same for events [@start, @end) into @out[0 …], a column at a time:
 * each trigger is one tight loop over its field, several times faster than
 * an event at a time on a million events. */
void
onloop_evaluator_reasons_range (OnloopEvaluator *self,
                                guint            start,
                                guint            end,
                                OnloopReasons   *out)
{
  OnloopLog *log = self->log;
  const guint32 *decision = log->decision + start;
  const OnloopReasons *scope_at = self->scope_at;
  guint n = end > start ? end - start : 0;
  guint n_actions = log->actions->len;
  OnloopReasons ethical_mask = 0;

  /* Boundary reasons first: they set every element. */
  if (self->boundary_at != NULL)
    {
      const guint32 *action = log->action + start;
      for (guint i = 0; i < n; i++)
        out[i] = (OnloopReasons) self->boundary_at[(gsize) decision[i] * n_actions + action[i]] << self->n_triggers;
    }
  else
    for (guint i = 0; i < n; i++)
      out[i] = (OnloopReasons) boundary_bits (self, g_ptr_array_index (log->decisions, decision[i]),
                                              g_ptr_array_index (log->actions, log->action[start + i]))
               << self->n_triggers;

  for (guint t = 0; t < self->n_triggers; t++)
    {
      const CompiledTrigger *c = &self->triggers[t];
      OnloopReasons bit = (OnloopReasons) 1 << t;

      if (!(self->enabled & bit))
        continue;

      switch (c->kind)
        {
        case ONLOOP_TRIGGER_DEAL_SIZE:
          {
            const double *v = log->deal_arr + start;
            double min = c->min_arr;
            for (guint i = 0; i < n; i++)
              if (v[i] >= min)   /* false for NAN */
                out[i] |= scope_at[decision[i]] & bit;
          }
          break;
        case ONLOOP_TRIGGER_SENTIMENT:
          {
            const double *v = log->sentiment + start;
            double below = c->below;
            for (guint i = 0; i < n; i++)
              if (v[i] < below)
                out[i] |= scope_at[decision[i]] & bit;
          }
          break;
        case ONLOOP_TRIGGER_FIRST_TIME:
          {
            const guint8 *first = log->first + start;
            guint8 fields = (guint8) c->fields;
            for (guint i = 0; i < n; i++)
              if (first[i] & fields)
                out[i] |= scope_at[decision[i]] & bit;
          }
          break;
        case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
          {
            const double *v = log->engagement + start;
            const gint8 *stage = log->stage_progressed + start;
            const gint64 *days = log->days_in_stage + start;
            double min = c->min_engagement;
            gint64 min_days = MAX (c->min_days_in_stage, 0);
            for (guint i = 0; i < n; i++)
              if (v[i] >= min && stage[i] == 0 && days[i] >= min_days)
                out[i] |= scope_at[decision[i]] & bit;
          }
          break;
        case ONLOOP_TRIGGER_ETHICAL:
        default:
          ethical_mask |= bit;
          break;
        }
    }

  if (ethical_mask != 0)
    {
      const guint32 *tag_start = log->tag_start + start;
      for (guint i = 0; i < n; i++)
        {
          OnloopReasons e = 0;
          for (guint32 k = tag_start[i]; k < tag_start[i + 1]; k++)
            e |= self->ethical_at[log->tags[k]];
          out[i] |= e & scope_at[decision[i]];
        }
    }
}

gboolean
onloop_evaluator_in_scope_at (OnloopEvaluator *self,
                              guint            trigger_index,
                              guint            index)
{
  OnloopReasons *scoped;

  g_return_val_if_fail (trigger_index < self->n_triggers, FALSE);

  if (self->unscoped & ((OnloopReasons) 1 << trigger_index))
    return TRUE;
  scoped = g_hash_table_lookup (self->scope,
                                g_ptr_array_index (self->log->decisions, self->log->decision[index]));
  return scoped != NULL && (*scoped & ((OnloopReasons) 1 << trigger_index)) != 0;
}

OnloopReasons
onloop_evaluator_reasons (OnloopEvaluator   *self,
                          const OnloopEvent *event,
                          guint              first)
{
  OnloopReasons *scoped = g_hash_table_lookup (self->scope, event->decision);
  OnloopReasons scope = (self->unscoped | (scoped != NULL ? *scoped : 0)) & self->enabled;
  OnloopReasons reasons = 0;
  OnloopReasons ethical = 0;
  double deal_arr = (event->has & ONLOOP_EVENT_HAS_DEAL_ARR) ? event->deal_arr : NAN;
  double sentiment = (event->has & ONLOOP_EVENT_HAS_SENTIMENT) ? event->sentiment : NAN;
  double engagement = (event->has & ONLOOP_EVENT_HAS_ENGAGEMENT) ? event->engagement : NAN;
  int stage = (event->has & ONLOOP_EVENT_HAS_STAGE_PROGRESSED) ? (event->stage_progressed != 0) : -1;
  gint64 days = (event->has & ONLOOP_EVENT_HAS_DAYS_IN_STAGE) ? event->days_in_stage : -1;

  if (event->tags != NULL)
    for (guint k = 0; event->tags[k] != NULL; k++)
      {
        OnloopReasons *mask = g_hash_table_lookup (self->ethical, event->tags[k]);
        if (mask != NULL)
          ethical |= *mask;
      }

  for (OnloopReasons rest = scope; rest != 0; rest &= rest - 1)
    {
      guint i = (guint) __builtin_ctzll (rest);
      const CompiledTrigger *c = &self->triggers[i];

      if (c->kind == ONLOOP_TRIGGER_ETHICAL)
        reasons |= ethical & ((OnloopReasons) 1 << i);
      else if (trigger_fires (c, deal_arr, sentiment, engagement, stage, days, first))
        reasons |= (OnloopReasons) 1 << i;
    }

  return reasons | ((OnloopReasons) boundary_bits (self, event->decision, event->action) << self->n_triggers);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* Appends the verdict to @out; the CLI reuses one GString per line. */
void
onloop_evaluator_append_verdict (OnloopEvaluator *self,
                                 GString         *out,
                                 const char      *event_id,
                                 OnloopReasons    reasons)
{
  gboolean first = TRUE;

  g_string_append (out, "{\"id\": ");
  append_json_string (out, event_id);
  g_string_append (out, reasons != 0 ? ", \"escalate\": true, \"reasons\": [" : ", \"escalate\": false, \"reasons\": [");
  for (OnloopReasons rest = reasons; rest != 0; rest &= rest - 1)
    {
      guint bit = (guint) __builtin_ctzll (rest);

      if (!first)
        g_string_append (out, ", ");
      append_json_string (out, self->reason_ids[bit]);
      first = FALSE;
    }
  g_string_append (out, "]}");
}

char *
onloop_evaluator_verdict_json (OnloopEvaluator *self,
                               const char      *event_id,
                               OnloopReasons    reasons)
{
  GString *out = g_string_sized_new (64);

  onloop_evaluator_append_verdict (self, out, event_id, reasons);
  return g_string_free (out, FALSE);
}

/* ---- First-time history for streams ----------------------------------- */

typedef struct
{
  gint64 at;
  char  *id;
} Earliest;

struct _OnloopFirstTimeHistory
{
  GHashTable *earliest[ONLOOP_N_FIRST_TIME_FIELDS];  /* normalized value → Earliest */
  GHashTable *raw[ONLOOP_N_FIRST_TIME_FIELDS];       /* raw values already recorded from the store */
  GHashTable *normalized[ONLOOP_N_FIRST_TIME_FIELDS]; /* raw value → normalized value */
};

static void
earliest_free (gpointer data)
{
  Earliest *e = data;

  g_free (e->id);
  g_free (e);
}

OnloopFirstTimeHistory *
onloop_first_time_history_new (void)
{
  OnloopFirstTimeHistory *self = g_new0 (OnloopFirstTimeHistory, 1);

  for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
    {
      self->earliest[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, earliest_free);
      self->raw[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->normalized[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  return self;
}

void
onloop_first_time_history_free (OnloopFirstTimeHistory *self)
{
  if (self == NULL)
    return;
  for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
    {
      g_hash_table_unref (self->earliest[f]);
      g_hash_table_unref (self->raw[f]);
      g_hash_table_unref (self->normalized[f]);
    }
  g_free (self);
}

static int
compare_at_id (gint64      at_a,
               const char *id_a,
               gint64      at_b,
               const char *id_b)
{
  if (at_a != at_b)
    return at_a < at_b ? -1 : 1;
  return strcmp (id_a, id_b);
}

/* The normalized form of @value ("" when empty once trimmed), cached:
 * streams repeat a few values a million times. */
static const char *
history_normalize (OnloopFirstTimeHistory *self,
                   guint                   f,
                   const char             *value)
{
  const char *normalized = g_hash_table_lookup (self->normalized[f], value);

  if (normalized == NULL)
    {
      char *n = onloop_normalize_value (value);

      if (n == NULL)
        n = g_strdup ("");
      if (g_hash_table_size (self->normalized[f]) > 100000)
        g_hash_table_remove_all (self->normalized[f]);
      g_hash_table_insert (self->normalized[f], g_strdup (value), n);
      normalized = n;
    }
  return normalized;
}

/* Records (@at, @id) for @value of field @f; returns whether no earlier
 * event had the value. */
static gboolean
history_check_and_add (OnloopFirstTimeHistory *self,
                       guint                   f,
                       const char             *value,
                       gint64                  at,
                       const char             *id)
{
  const char *normalized = history_normalize (self, f, value);
  Earliest *e;

  if (*normalized == '\0')
    return FALSE;

  e = g_hash_table_lookup (self->earliest[f], normalized);
  if (e == NULL)
    {
      e = g_new0 (Earliest, 1);
      e->at = at;
      e->id = g_strdup (id);
      g_hash_table_insert (self->earliest[f], g_strdup (normalized), e);
      return TRUE;
    }

  if (compare_at_id (e->at, e->id, at, id) < 0)
    return FALSE;   /* an earlier event had it */

  e->at = at;
  g_free (e->id);
  e->id = g_strdup (id);
  return TRUE;
}

static gboolean
history_add_row (const OnloopEventRow *row,
                 gpointer              user_data)
{
  OnloopFirstTimeHistory *self = user_data;
  const char *values[ONLOOP_N_FIRST_TIME_FIELDS] = { row->industry, row->persona, row->objection };

  /* Rows come in (at, id) order: a raw value seen once is never first again. */
  for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
    {
      if (values[f] == NULL || g_hash_table_contains (self->raw[f], values[f]))
        continue;
      g_hash_table_add (self->raw[f], g_strdup (values[f]));
      history_check_and_add (self, f, values[f], row->at, row->id);
    }
  return TRUE;
}

gboolean
onloop_first_time_history_add_store (OnloopFirstTimeHistory *self,
                                     OnloopStore            *store,
                                     GError                **error)
{
  g_autoptr(OnloopLog) log = NULL;
  g_autoptr(GArray) seqs = NULL;
  gboolean ok;

  /* The log's first bits already name the earliest event of every value:
   * only those few events need their strings read back. */
  log = onloop_log_load (store, NULL, error);
  if (log == NULL)
    return FALSE;
  seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < log->n_events; i++)
    if (log->first[i] != 0)
      g_array_append_val (seqs, log->seq[i]);

  ok = onloop_store_scan_first_time_fields (store, (gint64 *) (gpointer) seqs->data, seqs->len,
                                            history_add_row, self, error);

  for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
    g_hash_table_remove_all (self->raw[f]);
  return ok;
}

guint
onloop_first_time_history_check_and_add (OnloopFirstTimeHistory *self,
                                         const OnloopEvent      *event)
{
  const char *values[ONLOOP_N_FIRST_TIME_FIELDS] = { event->industry, event->persona, event->objection };
  guint first = 0;

  for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
    if (values[f] != NULL && history_check_and_add (self, f, values[f], event->at_usec, event->id))
      first |= 1 << f;
  return first;
}
