/* onloop-starter-deck.c: common sales decisions to start a workshop with
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The criteria are the answers a typical B2B sales team gives; the room is
 * meant to argue with them. The deck goes to Unsorted: the suggestion badge
 * shows what the answers imply, the placement stays the team's.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-command-group.h"
#include "onloop-map-command.h"
#include "onloop-starter-deck.h"
#include "onloop-store-map.h"

#define Y ONLOOP_ANSWER_YES
#define N ONLOOP_ANSWER_NO

typedef struct
{
  const char   *key;
  const char   *title;
  const char   *workflow;
  double        per_week;
  OnloopAnswer  criteria[ONLOOP_N_CRITERIA]; /* routine, low stakes, reversible, ethically neutral */
  const char   *description;
} StarterCard;

static const StarterCard deck[] = {
  { "follow-up-timing", N_("Follow-up timing"), N_("Follow-up sequences"), 120, { Y, Y, Y, Y },
    N_("When to send the next touch after a call, a demo or a silent week.") },
  { "follow-up-content", N_("Follow-up email content"), N_("Follow-up sequences"), 120, { Y, Y, N, Y },
    N_("What the next email says: recap, resource, question, or a nudge. Once sent it cannot be recalled.") },
  { "sequence-enrolment", N_("Sequence enrolment"), N_("Follow-up sequences"), 40, { Y, Y, Y, Y },
    N_("Which contacts go into which outreach sequence, and when they leave it.") },
  { "crm-field-updates", N_("CRM field updates"), N_("CRM hygiene"), 300, { Y, Y, Y, Y },
    N_("Keeping stage, next step, close date and contact roles current after every interaction.") },
  { "activity-logging", N_("Activity logging"), N_("CRM hygiene"), 400, { Y, Y, Y, Y },
    N_("Recording calls, emails and meetings against the right account and opportunity.") },
  { "duplicate-merging", N_("Duplicate record merging"), N_("CRM hygiene"), 25, { Y, Y, N, Y },
    N_("Merging duplicate contacts and accounts; a wrong merge is hard to take apart.") },
  { "lead-scoring", N_("Lead scoring"), N_("Prospecting"), 200, { Y, Y, Y, Y },
    N_("Scoring inbound leads from fit and engagement so reps work the best ones first.") },
  { "lead-routing", N_("Lead routing"), N_("Prospecting"), 80, { Y, Y, Y, Y },
    N_("Assigning a new lead to a rep by territory, segment and capacity.") },
  { "prospect-research", N_("Prospect research briefs"), N_("Prospecting"), 30, { Y, Y, Y, Y },
    N_("Summarising an account's news, org chart and tech stack before first contact.") },
  { "meeting-scheduling", N_("Meeting scheduling"), N_("Meetings"), 60, { Y, Y, Y, Y },
    N_("Proposing times, sending invites and rescheduling with prospects and customers.") },
  { "meeting-notes", N_("Meeting notes and next steps"), N_("Meetings"), 50, { Y, Y, Y, Y },
    N_("Writing up what was agreed and who does what next.") },
  { "executive-sponsor-outreach", N_("Engaging an executive sponsor"), N_("Meetings"), 3, { N, N, N, Y },
    N_("Whether and how to go above the champion to their executive.") },
  { "standard-discount", N_("Standard discount within policy"), N_("Pricing and contracts"), 10, { Y, Y, Y, Y },
    N_("Applying a pre-approved discount band to a quote.") },
  { "pricing-exception", N_("Pricing exceptions"), N_("Pricing and contracts"), 4, { N, N, N, Y },
    N_("Approving a non-standard discount or a custom price outside the policy.") },
  { "contract-terms", N_("Non-standard contract terms"), N_("Pricing and contracts"), 3, { N, N, N, N },
    N_("Agreeing to changed payment terms, liability caps or exit clauses.") },
  { "forecast-inclusion", N_("Forecast call"), N_("Forecasting"), 5, { N, N, Y, Y },
    N_("Which deals go into the commit forecast this week.") },
  { "pipeline-stage-check", N_("Pipeline stage check"), N_("Forecasting"), 60, { Y, Y, Y, Y },
    N_("Flagging deals whose stage does not match the activity behind them.") },
  { "stalled-deal-escalation", N_("Escalating a stalled deal"), N_("Forecasting"), 8, { N, N, Y, Y },
    N_("When a deal has gone quiet long enough to bring in a manager.") },
  { "walk-away", N_("Walking away from a deal"), N_("Forecasting"), 1, { N, N, N, Y },
    N_("Deciding a deal is not worth pursuing and telling the buyer so.") },
  { "rep-coaching", N_("Coaching a struggling rep"), N_("Coaching"), 4, { N, N, N, N },
    N_("What to work on with a rep who is behind, and how to say it.") },
  { "call-review", N_("Call review selection"), N_("Coaching"), 15, { Y, Y, Y, Y },
    N_("Picking which recorded calls a manager should listen to this week.") },
  { "renewal-reminders", N_("Renewal reminders"), N_("Account management"), 20, { Y, Y, Y, Y },
    N_("Reminding customers and account owners of renewals coming up.") },
  { "upsell-timing", N_("Upsell timing"), N_("Account management"), 10, { Y, N, Y, Y },
    N_("When to raise an expansion with a customer, given usage and health.") },
  { "unhappy-customer", N_("Responding to an unhappy customer"), N_("Account management"), 6, { N, N, N, Y },
    N_("Repairing the relationship after a complaint, an outage or a bad email.") },
  { "competitive-intel", N_("Using competitive intelligence"), N_("Prospecting"), 5, { N, N, N, N },
    N_("Whether information about a competitor may be used, and where it came from.") },
  { "reference-check", N_("Reference checks"), N_("Account management"), 2, { N, N, N, N },
    N_("Asking a customer to speak to a prospect, or answering a reference call.") },
};

#undef Y
#undef N

guint
onloop_starter_deck_get_size (void)
{
  return G_N_ELEMENTS (deck);
}

GPtrArray *
onloop_starter_deck_new_decisions (void)
{
  GPtrArray *decisions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (deck); i++)
    {
      OnloopDecision *decision = onloop_decision_new (deck[i].key, _(deck[i].title));

      onloop_decision_set_description (decision, _(deck[i].description));
      onloop_decision_set_workflow (decision, _(deck[i].workflow));
      onloop_decision_set_frequency (decision, deck[i].per_week);
      onloop_decision_set_category (decision, ONLOOP_CATEGORY_UNSORTED);
      onloop_decision_set_position (decision, i);
      for (guint c = 0; c < ONLOOP_N_CRITERIA; c++)
        onloop_decision_set_criterion (decision, c, deck[i].criteria[c]);
      g_ptr_array_add (decisions, decision);
    }

  return decisions;
}

OnloopCommand *
onloop_starter_deck_new_command (OnloopStore *store)
{
  g_autoptr(GPtrArray) decisions = onloop_starter_deck_new_decisions ();
  g_autoptr(OnloopCommandGroup) group = NULL;
  guint end;

  g_return_val_if_fail (ONLOOP_IS_STORE (store), NULL);

  group = onloop_command_group_new (_("Load the starter deck"));
  end = onloop_store_count_decisions (store, ONLOOP_CATEGORY_UNSORTED);

  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *decision = g_ptr_array_index (decisions, i);
      g_autoptr(OnloopDecision) existing = NULL;
      g_autoptr(OnloopCommand) add = NULL;

      existing = onloop_store_get_decision (store, onloop_decision_get_key (decision), NULL);
      if (existing != NULL)
        continue;

      onloop_decision_set_position (decision, end++);
      add = onloop_map_command_new_add (decision);
      onloop_command_group_add (group, add);
    }

  if (onloop_command_group_get_length (group) == 0)
    return NULL;

  return ONLOOP_COMMAND (g_steal_pointer (&group));
}
