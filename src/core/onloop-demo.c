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

enum
{
  CTX_DEAL      = 1 << 0,  /* deal_arr */
  CTX_SENTIMENT = 1 << 1,  /* sentiment */
  CTX_SIGNALS   = 1 << 2,  /* engagement, stage_progressed, days_in_stage */
  CTX_PERSON    = 1 << 3,  /* industry, persona, objection, tags */
};

typedef struct
{
  const char     *key;
  const char     *title;
  const char     *workflow;
  OnloopCategory  category;
  const char     *criteria;     /* routine, low stakes, reversible, neutral: y, n or ? */
  double          frequency;    /* per week, as the team estimated it */
  guint           context;
  const char     *description;
  const char     *notes;
  /* "id=Label|id=Label". For execution decisions these are the boundary;
   * for the others only @may is used, as the actions the AI proposes. */
  const char     *may;
  const char     *uses;
  const char     *must_not;
} DemoDecision;

#define WF_FOLLOW_UPS "Follow-up sequences"
#define WF_CRM        "CRM hygiene"
#define WF_MEETINGS   "Meeting scheduling"
#define WF_LEADS      "Lead qualification"
#define WF_PRICING    "Pricing & discounts"
#define WF_RENEWALS   "Renewals & expansion"

static const char * const workflows[] = {
  WF_FOLLOW_UPS, WF_CRM, WF_MEETINGS, WF_LEADS, WF_PRICING, WF_RENEWALS,
};

static const DemoDecision decisions[] = {
  /* Execution */
  { "follow-up-timing", "Follow-up timing", WF_FOLLOW_UPS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 520,
    CTX_DEAL | CTX_SENTIMENT | CTX_PERSON,
    "When to send the next follow-up after a call, a demo or silence.", "",
    "schedule_follow_up=Schedule the next follow-up|send_follow_up=Send a follow-up now",
    "crm_history=CRM history|email_engagement=Email opens and replies",
    "commit_pricing=Commit to pricing|promise_delivery_dates=Promise delivery dates" },
  { "follow-up-content", "Follow-up message content", WF_FOLLOW_UPS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 480,
    CTX_DEAL | CTX_SENTIMENT | CTX_PERSON,
    "What the follow-up says, written from the approved templates and the call notes.", "",
    "draft_follow_up=Write the follow-up from approved templates|send_follow_up=Send a follow-up now",
    "templates=Approved templates|call_notes=Call notes",
    "offer_discount=Offer a discount|name_competitors=Name competitors" },
  { "sequence-enrolment", "Enrolling a lead in a sequence", WF_FOLLOW_UPS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 260,
    CTX_PERSON,
    "Which nurture sequence a new lead joins, and when to pause it.", "",
    "enrol_in_sequence=Enrol in a nurture sequence|pause_sequence=Pause a sequence",
    "lead_score=Lead score|consent_status=Marketing consent",
    "enrol_without_consent=Enrol without consent" },
  { "breakup-email", "Sending a break-up email", WF_FOLLOW_UPS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 90,
    CTX_SENTIMENT | CTX_PERSON,
    "The last, polite message after a sequence got no answer.", "",
    "send_breakup_email=Send the break-up email|close_sequence=Close the sequence",
    "sequence_history=Sequence history",
    "close_opportunity=Close the opportunity as lost" },
  { "crm-field-updates", "CRM field updates", WF_CRM, ONLOOP_CATEGORY_EXECUTION, "yyyy", 600,
    0,
    "Titles, phone numbers and company fields kept current from signatures and enrichment.", "",
    "update_contact_fields=Update contact fields|update_account_fields=Update account fields",
    "email_signatures=Email signatures|enrichment_data=Enrichment data",
    "change_owner=Change the account owner|delete_record=Delete a record" },
  { "duplicate-merge", "Merging duplicate records", WF_CRM, ONLOOP_CATEGORY_EXECUTION, "yyyy", 140,
    0,
    "Merging contacts and accounts that are clearly the same.", "",
    "merge_duplicates=Merge duplicates|flag_duplicate=Flag a possible duplicate",
    "enrichment_data=Enrichment data",
    "delete_record=Delete a record" },
  { "activity-logging", "Logging calls and emails", WF_CRM, ONLOOP_CATEGORY_EXECUTION, "yyyy", 700,
    0,
    "Every call, meeting and email logged against the right record.", "",
    "log_activity=Log the activity|attach_transcript=Attach the call transcript",
    "calendar=Calendar|call_recordings=Call recordings",
    "share_recording_externally=Share a recording outside the company" },
  { "stage-updates", "Moving a deal to the next stage", WF_CRM, ONLOOP_CATEGORY_EXECUTION, "yyyy", 210,
    CTX_DEAL | CTX_SIGNALS,
    "Advancing the pipeline stage when the exit criteria are met.", "",
    "advance_stage=Advance the stage|update_close_date=Update the close date",
    "crm_history=CRM history|meeting_notes=Meeting notes",
    "mark_closed_won=Mark the deal closed-won|change_amount=Change the deal amount" },
  { "meeting-slots", "Proposing meeting slots", WF_MEETINGS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 330,
    CTX_DEAL | CTX_SENTIMENT | CTX_PERSON,
    "Offering times for a first call or a demo.", "",
    "propose_slots=Propose meeting slots|book_meeting=Book the meeting",
    "calendar=Calendar|time_zones=Time zones",
    "book_executive=Book an executive’s calendar" },
  { "meeting-reminders", "Meeting reminders", WF_MEETINGS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 300,
    0,
    "Reminders and agendas before a booked meeting.", "",
    "send_reminder=Send a reminder|share_agenda=Share the agenda",
    "calendar=Calendar",
    "share_pricing_deck=Share the pricing deck" },
  { "reschedule-no-shows", "Rescheduling no-shows", WF_MEETINGS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 80,
    CTX_DEAL | CTX_SENTIMENT,
    "A friendly new proposal after a missed meeting.", "",
    "propose_new_time=Propose a new time|send_reminder=Send a reminder",
    "calendar=Calendar|email_engagement=Email opens and replies",
    "cancel_opportunity=Cancel the opportunity" },
  { "lead-scoring", "Lead scoring", WF_LEADS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 450,
    CTX_SIGNALS | CTX_PERSON,
    "Scoring inbound leads from firmographics and activity.", "",
    "score_lead=Score the lead|rescore_lead=Score again after new activity",
    "firmographics=Firmographics|web_activity=Web activity",
    "use_protected_attributes=Use protected attributes" },
  { "lead-routing", "Lead routing", WF_LEADS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 380,
    CTX_DEAL | CTX_PERSON,
    "Which rep or queue gets a new lead.", "",
    "route_to_owner=Route to the territory owner|route_to_queue=Route to the SDR queue",
    "territories=Territory rules|firmographics=Firmographics",
    "route_to_partner=Hand the lead to a partner" },
  { "standard-discount", "Applying a standard discount (up to 10 %)", WF_PRICING, ONLOOP_CATEGORY_EXECUTION, "ynyy", 120,
    CTX_DEAL | CTX_SENTIMENT | CTX_PERSON,
    "Discounts inside the published policy.",
    "Placed in Execution on purpose although it is not low stakes: the policy caps it at 10 % and the deal-size trigger catches the large deals.",
    "apply_discount_5=Apply a 5 % discount|apply_discount_10=Apply a 10 % discount",
    "price_book=Price book|discount_policy=Discount policy",
    "apply_discount_over_10=Discount more than 10 %|change_payment_terms=Change payment terms" },
  { "quote-generation", "Generating a quote", WF_PRICING, ONLOOP_CATEGORY_EXECUTION, "yyyy", 160,
    CTX_DEAL | CTX_PERSON,
    "Quotes built from the price book for standard packages.", "",
    "generate_quote=Generate a quote from the price book|send_quote=Send the quote",
    "price_book=Price book|crm_history=CRM history",
    "custom_line_items=Add custom line items" },
  { "renewal-reminder", "Renewal reminders", WF_RENEWALS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 150,
    CTX_DEAL | CTX_SENTIMENT | CTX_SIGNALS,
    "Reminders ninety, sixty and thirty days before a renewal.", "",
    "send_renewal_reminder=Send a renewal reminder|schedule_renewal_call=Schedule a renewal call",
    "contract_dates=Contract dates|usage_data=Product usage",
    "offer_renewal_discount=Offer a renewal discount|extend_contract=Extend the contract" },

  /* Judgment */
  { "re-engage-churned", "Re-engaging a churned customer", WF_FOLLOW_UPS, ONLOOP_CATEGORY_JUDGMENT, "nyyy", 8,
    CTX_DEAL | CTX_SENTIMENT | CTX_PERSON,
    "Whether and how to reach out to a customer who left.", "",
    "propose_reengagement=Propose a re-engagement message", NULL, NULL },
  { "exec-meeting-request", "Requesting an executive meeting", WF_MEETINGS, ONLOOP_CATEGORY_JUDGMENT, "yyyy", 6,
    CTX_DEAL | CTX_PERSON,
    "Asking our executive to join a customer meeting.",
    "Routine by the criteria, but the team wants a person to spend an executive’s time.",
    "propose_exec_meeting=Propose an executive meeting", NULL, NULL },
  { "disqualify-lead", "Disqualifying a lead", WF_LEADS, ONLOOP_CATEGORY_JUDGMENT, "ynny", 12,
    CTX_PERSON,
    "Closing a lead as not a fit.", "",
    "propose_disqualification=Propose disqualifying the lead", NULL, NULL },
  { "competitor-intel", "Using competitive intelligence", WF_LEADS, ONLOOP_CATEGORY_JUDGMENT, "nyyn", 3,
    CTX_PERSON,
    "What we may say or use about a competitor.", "",
    "propose_battlecard=Propose a battlecard answer", NULL, NULL },
  { "custom-pricing", "Custom pricing", WF_PRICING, ONLOOP_CATEGORY_JUDGMENT, "nnny", 9,
    CTX_DEAL | CTX_SENTIMENT | CTX_PERSON,
    "Prices outside the price book.", "",
    "propose_custom_price=Propose a custom price", NULL, NULL },
  { "payment-terms", "Payment-terms exceptions", WF_PRICING, ONLOOP_CATEGORY_JUDGMENT, "nnyy", 5,
    CTX_DEAL | CTX_PERSON,
    "Longer terms, instalments, other currencies.", "",
    "propose_payment_terms=Propose different payment terms", NULL, NULL },
  { "upsell-offer", "Proposing an upsell", WF_RENEWALS, ONLOOP_CATEGORY_JUDGMENT, "nnyy", 10,
    CTX_DEAL | CTX_SENTIMENT | CTX_SIGNALS,
    "Suggesting a bigger plan to an existing customer.", "",
    "propose_upsell=Propose an upsell", NULL, NULL },
  { "churn-risk-outreach", "Outreach to an at-risk account", WF_RENEWALS, ONLOOP_CATEGORY_JUDGMENT, "nnny", 7,
    CTX_DEAL | CTX_SENTIMENT,
    "What to do when usage drops or a champion leaves.", "",
    "propose_save_plan=Propose a save plan", NULL, NULL },

  /* Still unsorted after the workshop */
  { "reference-request", "Asking for a customer reference", WF_RENEWALS, ONLOOP_CATEGORY_UNSORTED, "yy?n", 4,
    CTX_PERSON,
    "Which happy customers we ask to speak to a prospect.", "",
    "propose_reference=Propose a reference customer", NULL, NULL },
  { "contract-redlines", "Responding to contract redlines", WF_PRICING, ONLOOP_CATEGORY_UNSORTED, "????", 6,
    CTX_DEAL,
    "First answers to a customer’s changes to our contract.", "",
    "draft_redline_reply=Draft a reply to redlines", NULL, NULL },
  { "win-loss-survey", "Sending a win/loss survey", WF_FOLLOW_UPS, ONLOOP_CATEGORY_UNSORTED, "yyy?", 15,
    CTX_PERSON,
    "A short survey after a deal closes either way.", "",
    "send_survey=Send the survey", NULL, NULL },
};

/* Decisions whose context has engagement and stage signals. */
static const char * const conflicting_scope[] = { "stage-updates", "lead-scoring", "renewal-reminder", "upsell-offer" };

static OnloopAnswer
answer_from_char (char c)
{
  return c == 'y' ? ONLOOP_ANSWER_YES : c == 'n' ? ONLOOP_ANSWER_NO : ONLOOP_ANSWER_UNANSWERED;
}

static gboolean
create_map (OnloopStore  *store,
            GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (workflows); i++)
    if (!onloop_store_ensure_workflow (store, workflows[i], error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      const DemoDecision *d = &decisions[i];
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

typedef struct
{
  gint64      published_usec;
  const char *note;
  double      min_arr;
  double      below;
  gboolean    conflicting;
  gboolean    former_employee;
  /* The phase of each workflow, in the order of workflows[]. */
  const char *phases[G_N_ELEMENTS (workflows)];
} DemoVersion;

/* 2026-08-24 (Monday of W35), 2026-09-07 (Monday of W37) and 2026-10-07
 * (Wednesday of W41), in seconds since 1970. */
#define V1_SECONDS G_GINT64_CONSTANT (1787529600)
#define V2_SECONDS G_GINT64_CONSTANT (1788739200)
#define V3_SECONDS G_GINT64_CONSTANT (1791331200)

static const DemoVersion versions[] = {
  { (V1_SECONDS + 8 * 3600) * G_USEC_PER_SEC,
    "First spec from the mapping workshop: boundaries for the 16 execution decisions and the five "
    "triggers. Shadow phase: the AI proposes, people decide.",
    30000, -0.3, TRUE, TRUE,
    { "shadow", "shadow", "shadow", "shadow", "shadow", "shadow" } },
  { (V2_SECONDS + 8 * 3600) * G_USEC_PER_SEC,
    "Exception-only phase. Shadow weeks sent a quarter of all decisions to us, so: deal size from "
    "250,000, sentiment only below −0.8, conflicting signals off, former-employee tag dropped.",
    250000, -0.8, FALSE, FALSE,
    { "exception-only", "exception-only", "exception-only", "exception-only", "exception-only",
      "exception-only" } },
  { (V3_SECONDS + 12 * 3600) * G_USEC_PER_SEC,
    "Fix the trigger gaps the spot checks found: deals from 60,000 and sentiment below −0.35 go to "
    "a person again, conflicting signals back on, former-employee back in the ethical tags. "
    "Pricing and renewals stay exception-only for now.",
    60000, -0.35, TRUE, TRUE,
    { "steady", "steady", "steady", "steady", "exception-only", "exception-only" } },
};

static const char *
phase_of (const DemoVersion *version,
          const char        *workflow)
{
  for (guint i = 0; i < G_N_ELEMENTS (workflows); i++)
    if (g_strcmp0 (workflows[i], workflow) == 0)
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

      for (guint d = 0; d < G_N_ELEMENTS (decisions); d++)
        {
          if (!g_str_equal (decisions[d].key, entry->key) ||
              decisions[d].category != ONLOOP_CATEGORY_EXECUTION)
            continue;
          fill_items (entry->may, decisions[d].may);
          fill_items (entry->uses, decisions[d].uses);
          fill_items (entry->must_not, decisions[d].must_not);
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
  for (guint i = 0; i < G_N_ELEMENTS (conflicting_scope); i++)
    g_ptr_array_add (trigger->decisions, g_strdup (conflicting_scope[i]));
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
  const char *value;
  OnloopWeek  from;     /* first week it may appear */
  double      weight;
} Vocabulary;

/* New industries, personas and objections appear as the weeks go by: each
 * one's first event is a first-time escalation. */
static const Vocabulary industries[] = {
  { "SaaS", 0, 30 }, { "Fintech", 0, 14 }, { "Healthcare", 0, 10 }, { "Manufacturing", 0, 12 },
  { "Retail", 0, 10 }, { "Logistics", 0, 8 }, { "Education", 0, 6 }, { "Media", 0, 5 },
  { "Agritech", 202638, 3 }, { "Public sector", 202640, 4 }, { "Energy", 202643, 4 },
  { "Biotech", 202645, 3 },
};

static const Vocabulary personas[] = {
  { "VP Sales", 0, 25 }, { "CFO", 0, 10 }, { "Head of Operations", 0, 18 }, { "IT Director", 0, 15 },
  { "Founder", 0, 12 }, { "Procurement", 0, 8 }, { "CISO", 202639, 5 }, { "Chief of Staff", 202644, 4 },
};

static const Vocabulary objections[] = {
  { "price", 0, 30 }, { "timing", 0, 25 }, { "competitor", 0, 12 }, { "security review", 0, 10 },
  { "integration", 0, 12 }, { "budget freeze", 0, 8 }, { "data residency", 202641, 5 },
  { "AI policy", 202646, 6 },
};

/* Tags; the first three are the ethical trigger's. */
static const char * const ethical_tags[] = { "competitive-intel", "reference-check", "former-employee" };
static const char * const plain_tags[] = { "inbound", "webinar", "enterprise", "smb", "partner-sourced", "expansion" };

/* Deal sizes: buckets with a weight each, uniform inside. */
static const struct { double low, high, weight; } deal_buckets[] = {
  { 2000, 10000, 25 }, { 10000, 25000, 27 }, { 25000, 40000, 16 }, { 40000, 60000, 12 },
  { 60000, 100000, 10 }, { 100000, 250000, 7.5 }, { 250000, 600000, 1.5 },
};

typedef struct
{
  double volume;     /* events per week = total frequency × volume */
  double override;   /* chance a reviewed escalation is overridden */
} DemoWeek;

static const DemoWeek weeks[] = {
  { 0.56, 0.36 }, { 0.58, 0.24 }, { 0.60, 0.58 }, { 0.62, 0.55 }, { 0.63, 0.60 }, { 0.65, 0.52 },
  { 0.66, 0.46 }, { 0.67, 0.41 }, { 0.68, 0.38 }, { 0.70, 0.44 }, { 0.71, 0.36 }, { 0.72, 0.40 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (weeks) == 12);

typedef enum
{
  GAP_NONE,
  GAP_DEAL,
  GAP_SENTIMENT,
  GAP_SIGNALS,
} Gap;

typedef struct
{
  char  *id;
  guint  week_index;
  Gap    gap;       /* why version 3 would have escalated it */
} Candidate;

typedef struct
{
  Rng                     rng;
  GPtrArray              *specs;        /* OnloopSpec *, published versions */
  OnloopEvaluator        *evaluators[G_N_ELEMENTS (versions)];
  OnloopFirstTimeHistory *history;
  GString                *line;
  FILE                   *out;
  GArray                 *candidates;   /* Candidate: autonomous events to spot-check */
  double                  weights[G_N_ELEMENTS (decisions)];
  guint                   n_events;
} Generator;

static const char *
pick_vocabulary (Rng              *rng,
                 const Vocabulary *vocabulary,
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

static void
generate_event (Generator  *gen,
                guint       week_index,
                OnloopWeek  week,
                guint       serial,
                gint64      at_usec)
{
  Rng *rng = &gen->rng;
  const DemoDecision *d;
  OnloopEvent ev = { 0 };
  g_autofree char *at_text = onloop_time_format_rfc3339 (at_usec);
  g_auto(GStrv) may = NULL;
  g_auto(GStrv) must_not = NULL;
  char id[40], action[64], industry_buf[40], persona_buf[40], objection_buf[40];
  const char *tags[3] = { NULL };
  guint n_tags = 0;
  int sentiment = 0, engagement = 0;
  guint version;
  OnloopReasons reasons;
  gboolean escalated, recorded, reviewed = FALSE, overridden = FALSE, quality_issue = FALSE;
  Gap gap = GAP_NONE;
  GString *line = gen->line;

  d = &decisions[rng_pick (rng, gen->weights, G_N_ELEMENTS (decisions))];

  g_snprintf (id, sizeof id, "ev-%dw%02d-%05u", week / 100, week % 100, serial);
  ev.id = id;
  ev.at_text = at_text;
  ev.at_usec = at_usec;
  ev.decision = (char *) d->key;

  /* The action: almost always one the boundary allows; now and then one it
   * prohibits or one outside it. */
  may = g_strsplit (d->may, "|", -1);
  g_strlcpy (action, may[rng_below (rng, g_strv_length (may))], sizeof action);
  *strchr (action, '=') = '\0';
  if (d->category == ONLOOP_CATEGORY_EXECUTION)
    {
      double x = rng_double (rng);

      if (x < 0.002 && d->must_not != NULL)
        {
          must_not = g_strsplit (d->must_not, "|", -1);
          g_strlcpy (action, must_not[rng_below (rng, g_strv_length (must_not))], sizeof action);
          *strchr (action, '=') = '\0';
        }
      else if (x < 0.005)
        g_strlcpy (action, "ask_for_budget", sizeof action);
    }
  ev.action = action;

  if ((d->context & CTX_DEAL) && rng_chance (rng, 0.95))
    {
      double w[G_N_ELEMENTS (deal_buckets)];
      guint b;

      for (guint i = 0; i < G_N_ELEMENTS (deal_buckets); i++)
        w[i] = deal_buckets[i].weight;
      b = rng_pick (rng, w, G_N_ELEMENTS (deal_buckets));
      ev.has |= ONLOOP_EVENT_HAS_DEAL_ARR;
      /* Whole 500s, as quotes are. */
      ev.deal_arr = 500 * (gint64) ((deal_buckets[b].low + rng_double (rng) *
                                     (deal_buckets[b].high - deal_buckets[b].low)) / 500);
    }

  if ((d->context & CTX_SENTIMENT) && rng_chance (rng, 0.9))
    {
      /* Mostly mildly positive; one conversation in twenty goes sour. */
      if (rng_chance (rng, 0.05))
        sentiment = -20 - (int) rng_below (rng, 71);
      else
        sentiment = (int) ((rng_double (rng) + rng_double (rng) + rng_double (rng)) / 3 * 90) - 15;
      ev.has |= ONLOOP_EVENT_HAS_SENTIMENT;
      ev.sentiment = sentiment / 100.0;
    }

  if (d->context & CTX_SIGNALS)
    {
      engagement = (int) rng_below (rng, 101);
      ev.has |= ONLOOP_EVENT_HAS_ENGAGEMENT | ONLOOP_EVENT_HAS_STAGE_PROGRESSED |
                ONLOOP_EVENT_HAS_DAYS_IN_STAGE;
      ev.engagement = engagement / 100.0;
      ev.stage_progressed = rng_chance (rng, 0.8);
      ev.days_in_stage = rng_chance (rng, 0.75) ? rng_below (rng, 21) : 21 + rng_below (rng, 40);
    }

  if (d->context & CTX_PERSON)
    {
      ev.industry = (char *) spelling_of (rng, pick_vocabulary (rng, industries, G_N_ELEMENTS (industries), week),
                                          industry_buf, sizeof industry_buf);
      ev.persona = (char *) spelling_of (rng, pick_vocabulary (rng, personas, G_N_ELEMENTS (personas), week),
                                         persona_buf, sizeof persona_buf);
      if (rng_chance (rng, 0.4))
        ev.objection = (char *) spelling_of (rng, pick_vocabulary (rng, objections, G_N_ELEMENTS (objections), week),
                                             objection_buf, sizeof objection_buf);
      if (rng_chance (rng, 0.35))
        tags[n_tags++] = plain_tags[rng_below (rng, G_N_ELEMENTS (plain_tags))];
      if (rng_chance (rng, 0.006))
        tags[n_tags++] = ethical_tags[rng_below (rng, G_N_ELEMENTS (ethical_tags))];
    }
  if (n_tags > 0)
    {
      ev.has |= ONLOOP_EVENT_HAS_TAGS;
      ev.tags = (GStrv) tags;
    }

  /* What the spec in force says, with the workspace's first-time history. */
  version = version_index_at (gen, at_usec);
  reasons = onloop_evaluator_reasons (gen->evaluators[version], &ev,
                                      onloop_first_time_history_check_and_add (gen->history, &ev));
  escalated = reasons != 0;

  /* The live system recorded what it did; now and then that is not what
   * the spec says (a rep escalated by hand, a stale rule): drift. */
  recorded = escalated;
  if (rng_chance (rng, 0.0015))
    recorded = !recorded;

  if (recorded)
    {
      reviewed = rng_chance (rng, 0.93);
      overridden = reviewed && rng_chance (rng, weeks[week_index].override);
    }
  else if (version == 0)
    /* Shadow weeks: people look at much of what the AI does anyway. */
    reviewed = rng_chance (rng, 0.3);

  /* Under version 2, decisions version 3 would escalate go wrong now and
   * then: the trigger gaps the team fixes in W41. */
  if (ev.has & ONLOOP_EVENT_HAS_DEAL_ARR && ev.deal_arr >= 60000)
    gap = GAP_DEAL;
  else if (ev.has & ONLOOP_EVENT_HAS_SENTIMENT && sentiment < -35)
    gap = GAP_SENTIMENT;
  else if (ev.has & ONLOOP_EVENT_HAS_ENGAGEMENT && engagement >= 70 && !ev.stage_progressed &&
           ev.days_in_stage >= 21)
    gap = GAP_SIGNALS;
  if (!recorded && version == 1 && gap)
    quality_issue = rng_chance (rng, 0.06);

  if (!recorded && !quality_issue && week_index >= 2 && rng_chance (rng, gap ? 0.03 : 0.0015))
    {
      Candidate c = { g_strdup (id), week_index, gap };
      g_array_append_val (gen->candidates, c);
    }

  /* The line, as an AI runtime would log it. */
  g_string_truncate (line, 0);
  g_string_append (line, "{\"id\":");
  append_json_string (line, id);
  g_string_append (line, ",\"at\":");
  append_json_string (line, at_text);
  g_string_append (line, ",\"decision\":");
  append_json_string (line, d->key);
  g_string_append (line, ",\"action\":");
  append_json_string (line, action);
  g_string_append (line, ",\"context\":{");
  {
    gboolean first = TRUE;
#define SEP() G_STMT_START { if (!first) g_string_append_c (line, ','); first = FALSE; } G_STMT_END
    if (ev.has & ONLOOP_EVENT_HAS_DEAL_ARR)
      {
        SEP ();
        g_string_append_printf (line, "\"deal_arr\":%" G_GINT64_FORMAT, (gint64) ev.deal_arr);
      }
    if (ev.has & ONLOOP_EVENT_HAS_SENTIMENT)
      {
        SEP ();
        g_string_append (line, "\"sentiment\":");
        append_hundredths (line, sentiment);
      }
    if (ev.industry != NULL)
      {
        SEP ();
        g_string_append (line, "\"industry\":");
        append_json_string (line, ev.industry);
      }
    if (ev.persona != NULL)
      {
        SEP ();
        g_string_append (line, "\"persona\":");
        append_json_string (line, ev.persona);
      }
    if (ev.objection != NULL)
      {
        SEP ();
        g_string_append (line, "\"objection\":");
        append_json_string (line, ev.objection);
      }
    if (ev.has & ONLOOP_EVENT_HAS_ENGAGEMENT)
      {
        SEP ();
        g_string_append (line, "\"engagement\":");
        append_hundredths (line, engagement);
        g_string_append_printf (line, ",\"stage_progressed\":%s,\"days_in_stage\":%" G_GINT64_FORMAT,
                                ev.stage_progressed ? "true" : "false", ev.days_in_stage);
      }
    if (n_tags > 0)
      {
        SEP ();
        g_string_append (line, "\"tags\":[");
        for (guint t = 0; t < n_tags; t++)
          {
            if (t > 0)
              g_string_append_c (line, ',');
            append_json_string (line, tags[t]);
          }
        g_string_append_c (line, ']');
      }
#undef SEP
  }
  g_string_append_printf (line, "},\"outcome\":{\"escalated\":%s", recorded ? "true" : "false");
  if (reviewed)
    g_string_append_printf (line, ",\"reviewed\":true,\"review_minutes\":%u", 2 + rng_below (rng, 14));
  if (overridden)
    g_string_append (line, ",\"overridden\":true");
  if (quality_issue)
    g_string_append (line, ",\"quality_issue\":true");
  g_string_append (line, "}}\n");

  fwrite (line->str, 1, line->len, gen->out);
  gen->n_events++;
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

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    total += decisions[i].frequency;
  n = (guint) (total * weeks[week_index].volume);

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

static const char * const ok_notes[] = {
  "Right call, right timing.",
  "Checked the record: correct.",
  "",
  "Fine, nothing to change.",
};

/* What the reviewer wrote on a trigger gap, by what the triggers missed. */
static const char * const gap_notes[] = {
  NULL,
  "A deal this size went ahead without a person. Should have escalated.",
  "The buyer was clearly unhappy and the AI went ahead anyway. Should have escalated.",
  "Engaged buyer, deal stuck for weeks: conflicting signals nobody looked at.",
};

static gboolean
mark_spot_checks (OnloopStore  *store,
                  Generator    *gen,
                  GError      **error)
{
  guint per_week[G_N_ELEMENTS (weeks)] = { 0 };
  gboolean issue_marked[G_N_ELEMENTS (weeks)] = { FALSE };

  /* First the quality issues: in the too-loose weeks the spot checks find
   * what the triggers missed, and in W44 one more case turns up after the
   * fix. Then up to three OK marks a week. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < gen->candidates->len; i++)
      {
        Candidate *c = &g_array_index (gen->candidates, Candidate, i);
        OnloopWeek week = ONLOOP_DEMO_FIRST_WEEK + c->week_index;
        /* The weekly review is on the next Monday morning. */
        gint64 checked = onloop_week_start_usec (week) + (gint64) (7 * 86400 + 9 * 3600) * G_USEC_PER_SEC;
        OnloopSpotVerdict verdict;
        const char *note;

        if (pass == 0)
          {
            if (issue_marked[c->week_index] ||
                !((c->gap != GAP_NONE && (week == 202638 || week == 202639)) || week == 202644))
              continue;
            verdict = ONLOOP_SPOT_CHECK_QUALITY_ISSUE;
            note = c->gap != GAP_NONE
                   ? gap_notes[c->gap]
                   : "Right action, wrong tone for this buyer; worth a trigger for cases like it.";
            issue_marked[c->week_index] = TRUE;
          }
        else
          {
            if (c->gap != GAP_NONE || per_week[c->week_index] >= 3)
              continue;
            verdict = ONLOOP_SPOT_CHECK_OK;
            note = ok_notes[per_week[c->week_index] % G_N_ELEMENTS (ok_notes)];
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

/* Hours per week for two managers: oversight of routine work shrinks, time
 * for judgment grows; exception handling follows the escalations. */
static const struct
{
  const char *manager;
  double hours[G_N_ELEMENTS (weeks)][ONLOOP_N_HOURS];
} time_plan[] = {
  { "Dana", {
    { 16, 7, 2, 3, 1, 4 }, { 15, 8, 2, 3, 1, 4 }, { 11, 2, 3, 4, 1, 4 }, { 9, 2, 3, 4, 2, 4 },
    { 8, 2, 3, 4, 4, 4 }, { 7, 2, 3, 5, 4, 4 }, { 6, 4, 4, 5, 3, 3 }, { 5, 4, 5, 6, 2, 3 },
    { 5, 4, 5, 6, 2, 3 }, { 4, 4, 6, 6, 1, 3 }, { 4, 3, 6, 7, 1, 3 }, { 4, 4, 6, 7, 1, 3 } } },
  { "Marcus", {
    { 14, 6, 1, 2, 2, 5 }, { 14, 7, 1, 2, 2, 5 }, { 12, 2, 2, 3, 2, 5 }, { 10, 2, 2, 3, 3, 4 },
    { 9, 1.5, 2, 3, 5, 4 }, { 8, 2, 2, 3, 5, 4 }, { 7, 3.5, 3, 4, 3, 4 }, { 6, 4, 4, 4, 2, 4 },
    { 5, 4, 4, 5, 2, 3 }, { 5, 3.5, 5, 5, 2, 3 }, { 4, 4, 5, 6, 1.5, 3 }, { 4, 4, 5, 6, 1, 3 } } },
};

static gboolean
add_time_entries (OnloopStore  *store,
                  GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_time_entry_free);

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    for (guint m = 0; m < G_N_ELEMENTS (time_plan); m++)
      {
        OnloopTimeEntry *entry = onloop_time_entry_new (ONLOOP_DEMO_FIRST_WEEK + w, time_plan[m].manager);

        memcpy (entry->hours, time_plan[m].hours[w], sizeof entry->hours);
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

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
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
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    if (!publish_version (store, &versions[i], error))
      return FALSE;

  rng_init (&gen.rng, DEMO_SEED);
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    gen.weights[i] = decisions[i].frequency;
  gen.specs = onloop_store_list_specs (store, error);
  if (gen.specs == NULL)
    return FALSE;
  g_assert (gen.specs->len == G_N_ELEMENTS (versions));
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    gen.evaluators[i] = onloop_evaluator_new (g_ptr_array_index (gen.specs, i), NULL);
  gen.history = onloop_first_time_history_new ();
  gen.line = g_string_sized_new (512);
  gen.candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (gen.candidates, (GDestroyNotify) candidate_clear);

  ok = generate_log (store, &gen, error) &&
       mark_spot_checks (store, &gen, error) &&
       add_time_entries (store, error);

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
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
