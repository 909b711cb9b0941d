/* onloop-demo.c: a worked demo workspace (PRODUCT.md §5, onloop-cli demo)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The story, week by week (ISO weeks of 2026):
 *
 *   W35–W36  version 1, shadow phase: strict triggers (deal size from
 *            30,000), about a quarter of the decisions go to a person —
 *            still effectively human-in-the-loop. In W36 people change what
 *            they are shown less than 30 % of the time: too sensitive.
 *   W37–W40  version 2, exception-only: the team loosened the triggers too
 *            far (deal size from 250,000, sentiment below −0.8, conflicting
 *            signals off). Under 5 % escalate, and quality issues turn up on
 *            decisions the AI took alone: trigger gaps.
 *   W41      version 3 is published on Wednesday with a note: the fix.
 *   W42–W46  steady: 10–15 %, overrides mostly above 30 %, one spot check
 *            in W44 still finds a gap.
 *
 * Throughout, a few recorded outcome.escalated values disagree with the
 * spec in force (drift), and two managers move their hours from execution
 * oversight to judgment work.
 *
 * The generator draws from a xoshiro256** generator seeded by splitmix64,
 * and uses only additions, multiplications and divisions, so the workspace
 * does not depend on the C library's maths.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "onloop-demo.h"
#include "onloop-demo-private.h"
#include "onloop-evaluator.h"
#include "onloop-store-log.h"
#include "onloop-store-map.h"
#include "onloop-store-review.h"
#include "onloop-store-spec.h"
#include "onloop-store-time-entry.h"

#define DEMO_SEED G_GUINT64_CONSTANT (0x0F1005EED2026)

/* ---- the generator -------------------------------------------------------- */

typedef struct
{
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed)
{
  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&seed);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* In [0, 1). */
static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* In [0, n). */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (rng_double (rng) * n);
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

/* An index drawn with the given weights. */
static guint
rng_pick (Rng          *rng,
          const double *weights,
          guint         n)
{
  double total = 0, x;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  x = rng_double (rng) * total;
  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return n - 1;
}

/* ---- the map -------------------------------------------------------------- */

static OnloopAnswer
answer_from_char (char c)
{
  return c == 'y' ? ONLOOP_ANSWER_YES : c == 'n' ? ONLOOP_ANSWER_NO : ONLOOP_ANSWER_UNANSWERED;
}

static gboolean
create_map (OnloopStore  *store,
            GError      **error)
{
  for (guint i = 0; i < DEMO_N_WORKFLOWS; i++)
    if (!onloop_store_ensure_workflow (store, demo_workflows[i], error))
      return FALSE;

  for (guint i = 0; i < DEMO_N_DECISIONS; i++)
    {
      const DemoDecision *d = &demo_decisions[i];
      g_autoptr(OnloopDecision) decision = onloop_decision_new (d->key, d->title);

      onloop_decision_set_category (decision, d->category);
      onloop_decision_set_workflow (decision, d->workflow);
      onloop_decision_set_description (decision, d->description);
      onloop_decision_set_notes (decision, d->notes);
      onloop_decision_set_frequency (decision, d->frequency);
      onloop_decision_set_position (decision, G_MAXINT);
      for (guint c = 0; c < ONLOOP_N_CRITERIA; c++)
        onloop_decision_set_criterion (decision, c, answer_from_char (d->criteria[c]));

      if (!onloop_store_insert_decision (store, decision, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- the spec versions ---------------------------------------------------- */

static const char *
phase_of (const DemoVersion *version,
          const char        *workflow)
{
  for (guint i = 0; i < DEMO_N_WORKFLOWS; i++)
    if (g_strcmp0 (demo_workflows[i], workflow) == 0)
      return version->phases[i];
  return "shadow";
}

static void
fill_items (GPtrArray  *list,
            const char *spec)
{
  g_auto(GStrv) items = NULL;

  g_ptr_array_set_size (list, 0);
  if (spec == NULL)
    return;

  items = g_strsplit (spec, "|", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (items[i], "=", 2);

      g_ptr_array_add (list, onloop_boundary_item_new (pair[0], pair[1]));
    }
}

static OnloopTrigger *
make_trigger (const char        *id,
              OnloopTriggerKind  kind)
{
  return onloop_trigger_new (id, kind);
}

static gboolean
publish_version (OnloopStore        *store,
                 const DemoVersion  *version,
                 GError            **error)
{
  g_autoptr(OnloopSpec) draft = onloop_store_load_draft (store, error);
  OnloopTrigger *trigger;

  if (draft == NULL)
    return FALSE;

  for (guint i = 0; i < draft->decisions->len; i++)
    {
      OnloopSpecDecision *entry = g_ptr_array_index (draft->decisions, i);

      if (entry->workflow != NULL)
        {
          g_free (entry->phase);
          entry->phase = g_strdup (phase_of (version, entry->workflow));
        }

      for (guint d = 0; d < DEMO_N_DECISIONS; d++)
        {
          if (!g_str_equal (demo_decisions[d].key, entry->key) ||
              demo_decisions[d].category != ONLOOP_CATEGORY_EXECUTION)
            continue;
          fill_items (entry->may, demo_decisions[d].may);
          fill_items (entry->uses, demo_decisions[d].uses);
          fill_items (entry->must_not, demo_decisions[d].must_not);
        }
    }

  g_ptr_array_set_size (draft->triggers, 0);

  trigger = make_trigger ("deal-size", ONLOOP_TRIGGER_DEAL_SIZE);
  trigger->min_arr = version->min_arr;
  g_ptr_array_add (draft->triggers, trigger);

  trigger = make_trigger ("negative-sentiment", ONLOOP_TRIGGER_SENTIMENT);
  trigger->below = version->below;
  g_ptr_array_add (draft->triggers, trigger);

  trigger = make_trigger ("first-time", ONLOOP_TRIGGER_FIRST_TIME);
  trigger->fields = ONLOOP_FIELD_INDUSTRY | ONLOOP_FIELD_PERSONA | ONLOOP_FIELD_OBJECTION;
  g_ptr_array_add (draft->triggers, trigger);

  trigger = make_trigger ("conflicting-signals", ONLOOP_TRIGGER_CONFLICTING_SIGNALS);
  trigger->min_engagement = 0.7;
  trigger->min_days_in_stage = 21;
  trigger->enabled = version->conflicting;
  for (guint i = 0; i < demo_n_conflicting_scope; i++)
    g_ptr_array_add (trigger->decisions, g_strdup (demo_conflicting_scope[i]));
  g_ptr_array_add (draft->triggers, trigger);

  trigger = make_trigger ("ethical", ONLOOP_TRIGGER_ETHICAL);
  g_ptr_array_add (trigger->tags, g_strdup ("competitive-intel"));
  g_ptr_array_add (trigger->tags, g_strdup ("reference-check"));
  if (version->former_employee)
    g_ptr_array_add (trigger->tags, g_strdup ("former-employee"));
  g_ptr_array_add (draft->triggers, trigger);

  return onloop_store_set_draft (store, draft, error) &&
         onloop_store_publish_at (store, version->note, version->published_usec, NULL, error);
}

/* ---- the log -------------------------------------------------------------- */

typedef struct
{
  char  *id;
  guint  week_index;
  DemoGap gap;       /* why version 3 would have escalated it */
} Candidate;

typedef struct
{
  Rng                     rng;
  GPtrArray              *specs;        /* OnloopSpec *, published versions */
  OnloopEvaluator        *evaluators[DEMO_N_VERSIONS];
  OnloopFirstTimeHistory *history;
  GString                *line;
  FILE                   *out;
  GArray                 *candidates;   /* Candidate: autonomous events to spot-check */
  double                  weights[DEMO_N_DECISIONS];
  guint                   n_events;
} Generator;

static const char *
pick_vocabulary (Rng              *rng,
                 const DemoVocabulary *vocabulary,
                 guint             n,
                 OnloopWeek        week)
{
  double weights[16];

  g_assert (n <= G_N_ELEMENTS (weights));
  for (guint i = 0; i < n; i++)
    weights[i] = week >= vocabulary[i].from ? vocabulary[i].weight : 0;

  return vocabulary[rng_pick (rng, weights, n)].value;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Hundredths as a JSON number without the C locale's help: -0.35. */
static void
append_hundredths (GString *out,
                   int      hundredths)
{
  if (hundredths < 0)
    g_string_append_c (out, '-');
  g_string_append_printf (out, "%d.%02d", ABS (hundredths) / 100, ABS (hundredths) % 100);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  /* The demo's strings need no escapes beyond these. */
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Some logs write the same value in other ways; first-time compares them
 * trimmed and case-folded, so these never count as new. */
static const char *
spelling_of (Rng        *rng,
             const char *value,
             char       *buffer,
             gsize       size)
{
  if (!rng_chance (rng, 0.03))
    return value;

  if (rng_chance (rng, 0.5))
    {
      g_strlcpy (buffer, value, size);
      for (char *p = buffer; *p != '\0'; p++)
        *p = g_ascii_tolower (*p);
    }
  else
    g_snprintf (buffer, size, " %s ", value);

  return buffer;
}

static guint
version_index_at (Generator *gen,
                  gint64     usec)
{
  OnloopSpec *spec = onloop_spec_list_in_force (gen->specs, usec);

  return spec != NULL ? (guint) spec->version - 1 : 0;
}

/* One event while it is being made; its strings point into it. */
typedef struct
{
  OnloopEvent         ev;
  const DemoDecision *decision;
  char                id[40];
  char               *at_text;
  char                action[64];
  char                industry[40];
  char                persona[40];
  char                objection[40];
  const char         *tags[3];
  guint               n_tags;
  int                 sentiment;    /* hundredths */
  int                 engagement;   /* hundredths */
} DemoEvent;

/* Copies the id of item @index of an "id=Label|…" list into @out. */
static void
copy_item_id (const char *items,
              guint       index,
              char       *out,
              gsize       size)
{
  g_auto(GStrv) list = g_strsplit (items, "|", -1);

  g_strlcpy (out, list[MIN (index, g_strv_length (list) - 1)], size);
  *strchr (out, '=') = '\0';
}

static guint
count_items (const char *items)
{
  guint n = 1;

  for (const char *p = items; *p != '\0'; p++)
    n += *p == '|';
  return n;
}

/* The action: almost always one the boundary allows; now and then one it
 * prohibits or one outside it. */
static void
draw_action (Rng       *rng,
             DemoEvent *de)
{
  const DemoDecision *d = de->decision;

  copy_item_id (d->may, rng_below (rng, count_items (d->may)), de->action, sizeof de->action);
  if (d->category == ONLOOP_CATEGORY_EXECUTION)
    {
      double x = rng_double (rng);

      if (x < 0.002 && d->must_not != NULL)
        copy_item_id (d->must_not, rng_below (rng, count_items (d->must_not)),
                      de->action, sizeof de->action);
      else if (x < 0.005)
        g_strlcpy (de->action, "ask_for_budget", sizeof de->action);
    }
  de->ev.action = de->action;
}

static void
draw_deal_and_sentiment (Rng       *rng,
                         DemoEvent *de)
{
  guint context = de->decision->context;

  if ((context & DEMO_CTX_DEAL) && rng_chance (rng, 0.95))
    {
      double w[demo_n_deal_buckets];
      guint b;

      for (guint i = 0; i < demo_n_deal_buckets; i++)
        w[i] = demo_deal_buckets[i].weight;
      b = rng_pick (rng, w, demo_n_deal_buckets);
      de->ev.has |= ONLOOP_EVENT_HAS_DEAL_ARR;
      /* Whole 500s, as quotes are. */
      de->ev.deal_arr = 500 * (gint64) ((demo_deal_buckets[b].low + rng_double (rng) *
                                         (demo_deal_buckets[b].high - demo_deal_buckets[b].low)) / 500);
    }

  if ((context & DEMO_CTX_SENTIMENT) && rng_chance (rng, 0.9))
    {
      /* Mostly mildly positive; one conversation in twenty goes sour. */
      if (rng_chance (rng, 0.05))
        de->sentiment = -20 - (int) rng_below (rng, 71);
      else
        de->sentiment = (int) ((rng_double (rng) + rng_double (rng) + rng_double (rng)) / 3 * 90) - 15;
      de->ev.has |= ONLOOP_EVENT_HAS_SENTIMENT;
      de->ev.sentiment = de->sentiment / 100.0;
    }
}

static void
draw_signals_and_person (Rng        *rng,
                         DemoEvent  *de,
                         OnloopWeek  week)
{
  guint context = de->decision->context;
  OnloopEvent *ev = &de->ev;

  if (context & DEMO_CTX_SIGNALS)
    {
      de->engagement = (int) rng_below (rng, 101);
      ev->has |= ONLOOP_EVENT_HAS_ENGAGEMENT | ONLOOP_EVENT_HAS_STAGE_PROGRESSED |
                 ONLOOP_EVENT_HAS_DAYS_IN_STAGE;
      ev->engagement = de->engagement / 100.0;
      ev->stage_progressed = rng_chance (rng, 0.8);
      ev->days_in_stage = rng_chance (rng, 0.75) ? rng_below (rng, 21) : 21 + rng_below (rng, 40);
    }

  if (context & DEMO_CTX_PERSON)
    {
      const char *value;

      value = pick_vocabulary (rng, demo_industries, demo_n_industries, week);
      ev->industry = (char *) spelling_of (rng, value, de->industry, sizeof de->industry);
      value = pick_vocabulary (rng, demo_personas, demo_n_personas, week);
      ev->persona = (char *) spelling_of (rng, value, de->persona, sizeof de->persona);
      if (rng_chance (rng, 0.4))
        {
          value = pick_vocabulary (rng, demo_objections, demo_n_objections, week);
          ev->objection = (char *) spelling_of (rng, value, de->objection, sizeof de->objection);
        }
      if (rng_chance (rng, 0.35))
        de->tags[de->n_tags++] = demo_plain_tags[rng_below (rng, demo_n_plain_tags)];
      if (rng_chance (rng, 0.006))
        de->tags[de->n_tags++] = demo_ethical_tags[rng_below (rng, demo_n_ethical_tags)];
    }

  if (de->n_tags > 0)
    {
      ev->has |= ONLOOP_EVENT_HAS_TAGS;
      ev->tags = (GStrv) de->tags;
    }
}

/* Why version 3 would escalate an event that version 2 let through. */
static DemoGap
gap_of (const DemoEvent *de)
{
  const OnloopEvent *ev = &de->ev;

  if (ev->has & ONLOOP_EVENT_HAS_DEAL_ARR && ev->deal_arr >= 60000)
    return DEMO_GAP_DEAL;
  if (ev->has & ONLOOP_EVENT_HAS_SENTIMENT && de->sentiment < -35)
    return DEMO_GAP_SENTIMENT;
  if (ev->has & ONLOOP_EVENT_HAS_ENGAGEMENT && de->engagement >= 70 && !ev->stage_progressed &&
      ev->days_in_stage >= 21)
    return DEMO_GAP_SIGNALS;
  return DEMO_GAP_NONE;
}

static void
append_field (GString    *line,
              gboolean   *first,
              const char *name)
{
  if (!*first)
    g_string_append_c (line, ',');
  *first = FALSE;
  g_string_append_printf (line, "\"%s\":", name);
}

/* The event as one line of JSON, as an AI runtime would log it. */
static void
append_context (GString         *line,
                const DemoEvent *de)
{
  const OnloopEvent *ev = &de->ev;
  gboolean first = TRUE;

  g_string_append (line, ",\"context\":{");
  if (ev->has & ONLOOP_EVENT_HAS_DEAL_ARR)
    {
      append_field (line, &first, "deal_arr");
      g_string_append_printf (line, "%" G_GINT64_FORMAT, (gint64) ev->deal_arr);
    }
  if (ev->has & ONLOOP_EVENT_HAS_SENTIMENT)
    {
      append_field (line, &first, "sentiment");
      append_hundredths (line, de->sentiment);
    }
  if (ev->industry != NULL)
    {
      append_field (line, &first, "industry");
      append_json_string (line, ev->industry);
    }
  if (ev->persona != NULL)
    {
      append_field (line, &first, "persona");
      append_json_string (line, ev->persona);
    }
  if (ev->objection != NULL)
    {
      append_field (line, &first, "objection");
      append_json_string (line, ev->objection);
    }
  if (ev->has & ONLOOP_EVENT_HAS_ENGAGEMENT)
    {
      append_field (line, &first, "engagement");
      append_hundredths (line, de->engagement);
      g_string_append_printf (line, ",\"stage_progressed\":%s,\"days_in_stage\":%" G_GINT64_FORMAT,
                              ev->stage_progressed ? "true" : "false", ev->days_in_stage);
    }
  if (de->n_tags > 0)
    {
      append_field (line, &first, "tags");
      g_string_append_c (line, '[');
      for (guint t = 0; t < de->n_tags; t++)
        {
          if (t > 0)
            g_string_append_c (line, ',');
          append_json_string (line, de->tags[t]);
        }
      g_string_append_c (line, ']');
    }
  g_string_append_c (line, '}');
}

static void
generate_event (Generator  *gen,
                guint       week_index,
                OnloopWeek  week,
                guint       serial,
                gint64      at_usec)
{
  Rng *rng = &gen->rng;
  DemoEvent de = { 0 };
  GString *line = gen->line;
  gboolean escalated, recorded, reviewed = FALSE, overridden = FALSE, quality_issue = FALSE;
  guint version, first;
  DemoGap gap;

  de.decision = &demo_decisions[rng_pick (rng, gen->weights, DEMO_N_DECISIONS)];
  g_snprintf (de.id, sizeof de.id, "ev-%dw%02d-%05u", week / 100, week % 100, serial);
  de.at_text = onloop_time_format_rfc3339 (at_usec);
  de.ev.id = de.id;
  de.ev.at_text = de.at_text;
  de.ev.at_usec = at_usec;
  de.ev.decision = (char *) de.decision->key;

  draw_action (rng, &de);
  draw_deal_and_sentiment (rng, &de);
  draw_signals_and_person (rng, &de, week);

  /* What the spec in force says, with the workspace's first-time history. */
  version = version_index_at (gen, at_usec);
  first = onloop_first_time_history_check_and_add (gen->history, &de.ev);
  escalated = onloop_evaluator_reasons (gen->evaluators[version], &de.ev, first) != 0;

  /* The live system recorded what it did; now and then that is not what
   * the spec says (a rep escalated by hand, a stale rule): drift. */
  recorded = escalated;
  if (rng_chance (rng, 0.0015))
    recorded = !recorded;

  if (recorded)
    {
      reviewed = rng_chance (rng, 0.93);
      overridden = reviewed && rng_chance (rng, demo_weeks[week_index].override);
    }
  else if (version == 0)
    /* Shadow weeks: people look at much of what the AI does anyway. */
    reviewed = rng_chance (rng, 0.3);

  /* Under version 2, decisions version 3 would escalate go wrong now and
   * then: the trigger gaps the team fixes in W41. */
  gap = gap_of (&de);
  if (!recorded && version == 1 && gap != DEMO_GAP_NONE)
    quality_issue = rng_chance (rng, 0.06);

  if (!recorded && !quality_issue && week_index >= 2 &&
      rng_chance (rng, gap != DEMO_GAP_NONE ? 0.03 : 0.0015))
    {
      Candidate c = { g_strdup (de.id), week_index, gap };
      g_array_append_val (gen->candidates, c);
    }

  g_string_truncate (line, 0);
  g_string_append (line, "{\"id\":");
  append_json_string (line, de.id);
  g_string_append (line, ",\"at\":");
  append_json_string (line, de.at_text);
  g_string_append (line, ",\"decision\":");
  append_json_string (line, de.decision->key);
  g_string_append (line, ",\"action\":");
  append_json_string (line, de.action);
  append_context (line, &de);
  g_string_append_printf (line, ",\"outcome\":{\"escalated\":%s", recorded ? "true" : "false");
  if (reviewed)
    g_string_append_printf (line, ",\"reviewed\":true,\"review_minutes\":%u", 2 + rng_below (rng, 14));
  if (overridden)
    g_string_append (line, ",\"overridden\":true");
  if (quality_issue)
    g_string_append (line, ",\"quality_issue\":true");
  g_string_append (line, "}}\n");

  fwrite (line->str, 1, line->len, gen->out);
  gen->n_events++;
  g_free (de.at_text);
}

static void
generate_week (Generator *gen,
               guint      week_index)
{
  static const double day_weights[7] = { 19, 20, 20, 19, 17, 3, 2 };
  OnloopWeek week = ONLOOP_DEMO_FIRST_WEEK + week_index;
  gint64 start = onloop_week_start_usec (week);
  double total = 0;
  g_autoptr(GArray) times = NULL;
  guint n;

  for (guint i = 0; i < DEMO_N_DECISIONS; i++)
    total += demo_decisions[i].frequency;
  n = (guint) (total * demo_weeks[week_index].volume);

  /* Times first, sorted, so that ids follow time order as a log's would. */
  times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      guint day = rng_pick (&gen->rng, day_weights, 7);
      gint64 seconds = day * 86400 + 7 * 3600 + rng_below (&gen->rng, 12 * 3600);
      gint64 usec = start + seconds * G_USEC_PER_SEC;

      g_array_append_val (times, usec);
    }
  g_array_sort (times, compare_gint64);

  for (guint i = 0; i < n; i++)
    generate_event (gen, week_index, week, i + 1, g_array_index (times, gint64, i));
}

static void
candidate_clear (Candidate *c)
{
  g_free (c->id);
}

/* ---- spot checks and time --------------------------------------------------- */

static gboolean
mark_spot_checks (OnloopStore  *store,
                  Generator    *gen,
                  GError      **error)
{
  guint per_week[DEMO_N_WEEKS] = { 0 };
  gboolean issue_marked[DEMO_N_WEEKS] = { FALSE };

  /* First the quality issues: in the too-loose weeks the spot checks find
   * what the triggers missed, and in W44 one more case turns up after the
   * fix. Then up to three OK marks a week. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < gen->candidates->len; i++)
      {
        Candidate *c = &g_array_index (gen->candidates, Candidate, i);
        OnloopWeek week = ONLOOP_DEMO_FIRST_WEEK + c->week_index;
        /* The weekly review is on the next Monday morning. */
        gint64 checked = onloop_week_start_usec (week) +
                         (gint64) (7 * 86400 + 9 * 3600) * G_USEC_PER_SEC;
        OnloopSpotVerdict verdict;
        const char *note;

        if (pass == 0)
          {
            if (issue_marked[c->week_index] ||
                !((c->gap != DEMO_GAP_NONE && (week == 202638 || week == 202639)) || week == 202644))
              continue;
            verdict = ONLOOP_SPOT_CHECK_QUALITY_ISSUE;
            note = c->gap != DEMO_GAP_NONE
                   ? demo_gap_notes[c->gap]
                   : "Right action, wrong tone for this buyer; worth a trigger for cases like it.";
            issue_marked[c->week_index] = TRUE;
          }
        else
          {
            if (c->gap != DEMO_GAP_NONE || per_week[c->week_index] >= 3)
              continue;
            verdict = ONLOOP_SPOT_CHECK_OK;
            note = demo_ok_notes[per_week[c->week_index] % demo_n_ok_notes];
          }

        /* A quality-issue mark is never replaced by an OK one. */
        if (pass == 1)
          {
            g_autoptr(GError) local_error = NULL;
            OnloopSpotCheck *existing = onloop_store_get_spot_check (store, c->id, &local_error);

            if (existing != NULL)
              {
                onloop_spot_check_free (existing);
                continue;
              }
          }

        if (!onloop_store_set_spot_check_at (store, c->id, verdict, note, checked, error))
          return FALSE;
        per_week[c->week_index]++;
      }

  return TRUE;
}

static gboolean
add_time_entries (OnloopStore  *store,
                  GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_time_entry_free);

  for (guint w = 0; w < DEMO_N_WEEKS; w++)
    for (guint m = 0; m < demo_n_time_plan; m++)
      {
        OnloopTimeEntry *entry = onloop_time_entry_new (ONLOOP_DEMO_FIRST_WEEK + w,
                                                        demo_time_plan[m].manager);

        memcpy (entry->hours, demo_time_plan[m].hours[w], sizeof entry->hours);
        g_ptr_array_add (entries, entry);
      }

  return onloop_store_import_time_entries (store, entries, error);
}

/* ---- putting it together ---------------------------------------------------- */

static gboolean
generate_log (OnloopStore  *store,
              Generator    *gen,
              GError      **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  OnloopImportCounts counts = { 0 };
  gboolean ok;
  int fd;

  fd = g_file_open_tmp ("onloop-demo-XXXXXX.jsonl", &path, &local_error);
  if (fd < 0)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }

  gen->out = fdopen (fd, "w");
  if (gen->out == NULL)
    {
      close (fd);
      g_unlink (path);
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO,
                   _("Could not write the demo log to a temporary file"));
      return FALSE;
    }

  for (guint w = 0; w < DEMO_N_WEEKS; w++)
    generate_week (gen, w);

  ok = fflush (gen->out) == 0 && !ferror (gen->out);
  fclose (gen->out);
  gen->out = NULL;
  if (!ok)
    {
      g_unlink (path);
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO,
                   _("Could not write the demo log to a temporary file"));
      return FALSE;
    }

  /* The same import a user's log goes through. */
  ok = onloop_store_import_log (store, path, NULL, NULL, NULL, &counts, error);
  g_unlink (path);

  return ok;
}

gboolean
onloop_demo_populate (OnloopStore  *store,
                      GError      **error)
{
  g_autoptr(GPtrArray) decisions_now = NULL;
  Generator gen = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (ONLOOP_IS_STORE (store), FALSE);

  decisions_now = onloop_store_list_decisions (store, error);
  if (decisions_now == NULL)
    return FALSE;
  if (decisions_now->len > 0 || onloop_store_get_latest_version (store) > 0)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("The demo goes into a new, empty workspace"));
      return FALSE;
    }

  if (!create_map (store, error))
    return FALSE;
  for (guint i = 0; i < DEMO_N_VERSIONS; i++)
    if (!publish_version (store, &demo_versions[i], error))
      return FALSE;

  rng_init (&gen.rng, DEMO_SEED);
  for (guint i = 0; i < DEMO_N_DECISIONS; i++)
    gen.weights[i] = demo_decisions[i].frequency;
  gen.specs = onloop_store_list_specs (store, error);
  if (gen.specs == NULL)
    return FALSE;
  g_assert (gen.specs->len == DEMO_N_VERSIONS);
  for (guint i = 0; i < DEMO_N_VERSIONS; i++)
    gen.evaluators[i] = onloop_evaluator_new (g_ptr_array_index (gen.specs, i), NULL);
  gen.history = onloop_first_time_history_new ();
  gen.line = g_string_sized_new (512);
  gen.candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (gen.candidates, (GDestroyNotify) candidate_clear);

  ok = generate_log (store, &gen, error) &&
       mark_spot_checks (store, &gen, error) &&
       add_time_entries (store, error);

  for (guint i = 0; i < DEMO_N_VERSIONS; i++)
    onloop_evaluator_free (gen.evaluators[i]);
  onloop_first_time_history_free (gen.history);
  g_string_free (gen.line, TRUE);
  g_array_unref (gen.candidates);
  g_ptr_array_unref (gen.specs);

  return ok;
}

static void
remove_workspace (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

gboolean
onloop_demo_create (const char  *path,
                    GError     **error)
{
  g_autoptr(OnloopStore) store = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) == 0)
    {
      g_autofree char *name = g_filename_display_name (path);

      if (st.st_size > 0)
        {
          g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                       _("%s already exists; the demo only goes into a new file"), name);
          return FALSE;
        }
      /* An empty file (from mktemp, say) is as good as none. */
      if (g_unlink (path) != 0)
        {
          g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO,
                       _("Could not replace the empty file %s"), name);
          return FALSE;
        }
    }

  store = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, error);
  if (store == NULL)
    return FALSE;

  if (!onloop_demo_populate (store, error))
    {
      onloop_store_close (store);
      g_clear_object (&store);
      remove_workspace (path);
      return FALSE;
    }

  onloop_store_close (store);
  return TRUE;
}
