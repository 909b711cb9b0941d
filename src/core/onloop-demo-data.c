/* onloop-demo-data.c: the demo team's map, spec versions and weeks
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain data; onloop-demo.c explains the story and makes the workspace.
 * Text here is sample content of a workspace, like a document's, so it is
 * not translated.
 */

#include "config.h"

#include "onloop-demo-private.h"

#define WF_FOLLOW_UPS "Follow-up sequences"
#define WF_CRM        "CRM hygiene"
#define WF_MEETINGS   "Meeting scheduling"
#define WF_LEADS      "Lead qualification"
#define WF_PRICING    "Pricing & discounts"
#define WF_RENEWALS   "Renewals & expansion"

const char * const demo_workflows[DEMO_N_WORKFLOWS] = {
  WF_FOLLOW_UPS, WF_CRM, WF_MEETINGS, WF_LEADS, WF_PRICING, WF_RENEWALS,
};

const DemoDecision demo_decisions[DEMO_N_DECISIONS] = {
  /* Execution */
  { "follow-up-timing", "Follow-up timing", WF_FOLLOW_UPS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 520,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT | DEMO_CTX_PERSON,
    "When to send the next follow-up after a call, a demo or silence.", "",
    "schedule_follow_up=Schedule the next follow-up|send_follow_up=Send a follow-up now",
    "crm_history=CRM history|email_engagement=Email opens and replies",
    "commit_pricing=Commit to pricing|promise_delivery_dates=Promise delivery dates" },
  { "follow-up-content", "Follow-up message content", WF_FOLLOW_UPS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 480,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT | DEMO_CTX_PERSON,
    "What the follow-up says, written from the approved templates and the call notes.", "",
    "draft_follow_up=Write the follow-up from approved templates|send_follow_up=Send a follow-up now",
    "templates=Approved templates|call_notes=Call notes",
    "offer_discount=Offer a discount|name_competitors=Name competitors" },
  { "sequence-enrolment", "Enrolling a lead in a sequence", WF_FOLLOW_UPS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 260,
    DEMO_CTX_PERSON,
    "Which nurture sequence a new lead joins, and when to pause it.", "",
    "enrol_in_sequence=Enrol in a nurture sequence|pause_sequence=Pause a sequence",
    "lead_score=Lead score|consent_status=Marketing consent",
    "enrol_without_consent=Enrol without consent" },
  { "breakup-email", "Sending a break-up email", WF_FOLLOW_UPS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 90,
    DEMO_CTX_SENTIMENT | DEMO_CTX_PERSON,
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
    DEMO_CTX_DEAL | DEMO_CTX_SIGNALS,
    "Advancing the pipeline stage when the exit criteria are met.", "",
    "advance_stage=Advance the stage|update_close_date=Update the close date",
    "crm_history=CRM history|meeting_notes=Meeting notes",
    "mark_closed_won=Mark the deal closed-won|change_amount=Change the deal amount" },
  { "meeting-slots", "Proposing meeting slots", WF_MEETINGS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 330,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT | DEMO_CTX_PERSON,
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
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT,
    "A friendly new proposal after a missed meeting.", "",
    "propose_new_time=Propose a new time|send_reminder=Send a reminder",
    "calendar=Calendar|email_engagement=Email opens and replies",
    "cancel_opportunity=Cancel the opportunity" },
  { "lead-scoring", "Lead scoring", WF_LEADS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 450,
    DEMO_CTX_SIGNALS | DEMO_CTX_PERSON,
    "Scoring inbound leads from firmographics and activity.", "",
    "score_lead=Score the lead|rescore_lead=Score again after new activity",
    "firmographics=Firmographics|web_activity=Web activity",
    "use_protected_attributes=Use protected attributes" },
  { "lead-routing", "Lead routing", WF_LEADS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 380,
    DEMO_CTX_DEAL | DEMO_CTX_PERSON,
    "Which rep or queue gets a new lead.", "",
    "route_to_owner=Route to the territory owner|route_to_queue=Route to the SDR queue",
    "territories=Territory rules|firmographics=Firmographics",
    "route_to_partner=Hand the lead to a partner" },
  { "standard-discount", "Applying a standard discount (up to 10 %)", WF_PRICING, ONLOOP_CATEGORY_EXECUTION, "ynyy", 120,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT | DEMO_CTX_PERSON,
    "Discounts inside the published policy.",
    "Placed in Execution on purpose although it is not low stakes: the policy caps it at 10 % and the deal-size trigger catches the large deals.",
    "apply_discount_5=Apply a 5 % discount|apply_discount_10=Apply a 10 % discount",
    "price_book=Price book|discount_policy=Discount policy",
    "apply_discount_over_10=Discount more than 10 %|change_payment_terms=Change payment terms" },
  { "quote-generation", "Generating a quote", WF_PRICING, ONLOOP_CATEGORY_EXECUTION, "yyyy", 160,
    DEMO_CTX_DEAL | DEMO_CTX_PERSON,
    "Quotes built from the price book for standard packages.", "",
    "generate_quote=Generate a quote from the price book|send_quote=Send the quote",
    "price_book=Price book|crm_history=CRM history",
    "custom_line_items=Add custom line items" },
  { "renewal-reminder", "Renewal reminders", WF_RENEWALS, ONLOOP_CATEGORY_EXECUTION, "yyyy", 150,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT | DEMO_CTX_SIGNALS,
    "Reminders ninety, sixty and thirty days before a renewal.", "",
    "send_renewal_reminder=Send a renewal reminder|schedule_renewal_call=Schedule a renewal call",
    "contract_dates=Contract dates|usage_data=Product usage",
    "offer_renewal_discount=Offer a renewal discount|extend_contract=Extend the contract" },

  /* Judgment */
  { "re-engage-churned", "Re-engaging a churned customer", WF_FOLLOW_UPS, ONLOOP_CATEGORY_JUDGMENT, "nyyy", 8,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT | DEMO_CTX_PERSON,
    "Whether and how to reach out to a customer who left.", "",
    "propose_reengagement=Propose a re-engagement message", NULL, NULL },
  { "exec-meeting-request", "Requesting an executive meeting", WF_MEETINGS, ONLOOP_CATEGORY_JUDGMENT, "yyyy", 6,
    DEMO_CTX_DEAL | DEMO_CTX_PERSON,
    "Asking our executive to join a customer meeting.",
    "Routine by the criteria, but the team wants a person to spend an executive’s time.",
    "propose_exec_meeting=Propose an executive meeting", NULL, NULL },
  { "disqualify-lead", "Disqualifying a lead", WF_LEADS, ONLOOP_CATEGORY_JUDGMENT, "ynny", 12,
    DEMO_CTX_PERSON,
    "Closing a lead as not a fit.", "",
    "propose_disqualification=Propose disqualifying the lead", NULL, NULL },
  { "competitor-intel", "Using competitive intelligence", WF_LEADS, ONLOOP_CATEGORY_JUDGMENT, "nyyn", 3,
    DEMO_CTX_PERSON,
    "What we may say or use about a competitor.", "",
    "propose_battlecard=Propose a battlecard answer", NULL, NULL },
  { "custom-pricing", "Custom pricing", WF_PRICING, ONLOOP_CATEGORY_JUDGMENT, "nnny", 9,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT | DEMO_CTX_PERSON,
    "Prices outside the price book.", "",
    "propose_custom_price=Propose a custom price", NULL, NULL },
  { "payment-terms", "Payment-terms exceptions", WF_PRICING, ONLOOP_CATEGORY_JUDGMENT, "nnyy", 5,
    DEMO_CTX_DEAL | DEMO_CTX_PERSON,
    "Longer terms, instalments, other currencies.", "",
    "propose_payment_terms=Propose different payment terms", NULL, NULL },
  { "upsell-offer", "Proposing an upsell", WF_RENEWALS, ONLOOP_CATEGORY_JUDGMENT, "nnyy", 10,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT | DEMO_CTX_SIGNALS,
    "Suggesting a bigger plan to an existing customer.", "",
    "propose_upsell=Propose an upsell", NULL, NULL },
  { "churn-risk-outreach", "Outreach to an at-risk account", WF_RENEWALS, ONLOOP_CATEGORY_JUDGMENT, "nnny", 7,
    DEMO_CTX_DEAL | DEMO_CTX_SENTIMENT,
    "What to do when usage drops or a champion leaves.", "",
    "propose_save_plan=Propose a save plan", NULL, NULL },

  /* Still unsorted after the workshop */
  { "reference-request", "Asking for a customer reference", WF_RENEWALS, ONLOOP_CATEGORY_UNSORTED, "yy?n", 4,
    DEMO_CTX_PERSON,
    "Which happy customers we ask to speak to a prospect.", "",
    "propose_reference=Propose a reference customer", NULL, NULL },
  { "contract-redlines", "Responding to contract redlines", WF_PRICING, ONLOOP_CATEGORY_UNSORTED, "????", 6,
    DEMO_CTX_DEAL,
    "First answers to a customer’s changes to our contract.", "",
    "draft_redline_reply=Draft a reply to redlines", NULL, NULL },
  { "win-loss-survey", "Sending a win/loss survey", WF_FOLLOW_UPS, ONLOOP_CATEGORY_UNSORTED, "yyy?", 15,
    DEMO_CTX_PERSON,
    "A short survey after a deal closes either way.", "",
    "send_survey=Send the survey", NULL, NULL },
};

/* Decisions whose context has engagement and stage signals. */
const char * const demo_conflicting_scope[] = {
  "stage-updates", "lead-scoring", "renewal-reminder", "upsell-offer",
};
const guint demo_n_conflicting_scope = G_N_ELEMENTS (demo_conflicting_scope);


/* 2026-08-24 (Monday of W35), 2026-09-07 (Monday of W37) and 2026-10-07
 * (Wednesday of W41), in seconds since 1970. */
#define V1_SECONDS G_GINT64_CONSTANT (1787529600)
#define V2_SECONDS G_GINT64_CONSTANT (1788739200)
#define V3_SECONDS G_GINT64_CONSTANT (1791331200)

const DemoVersion demo_versions[DEMO_N_VERSIONS] = {
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


/* New industries, personas and objections appear as the weeks go by: each
 * one's first event is a first-time escalation. */
const DemoVocabulary demo_industries[] = {
  { "SaaS", 0, 30 }, { "Fintech", 0, 14 }, { "Healthcare", 0, 10 }, { "Manufacturing", 0, 12 },
  { "Retail", 0, 10 }, { "Logistics", 0, 8 }, { "Education", 0, 6 }, { "Media", 0, 5 },
  { "Agritech", 202638, 3 }, { "Public sector", 202640, 4 }, { "Energy", 202643, 4 },
  { "Biotech", 202645, 3 },
};
const guint demo_n_industries = G_N_ELEMENTS (demo_industries);

const DemoVocabulary demo_personas[] = {
  { "VP Sales", 0, 25 }, { "CFO", 0, 10 }, { "Head of Operations", 0, 18 }, { "IT Director", 0, 15 },
  { "Founder", 0, 12 }, { "Procurement", 0, 8 }, { "CISO", 202639, 5 }, { "Chief of Staff", 202644, 4 },
};
const guint demo_n_personas = G_N_ELEMENTS (demo_personas);

const DemoVocabulary demo_objections[] = {
  { "price", 0, 30 }, { "timing", 0, 25 }, { "competitor", 0, 12 }, { "security review", 0, 10 },
  { "integration", 0, 12 }, { "budget freeze", 0, 8 }, { "data residency", 202641, 5 },
  { "AI policy", 202646, 6 },
};
const guint demo_n_objections = G_N_ELEMENTS (demo_objections);

/* Tags; the first three are the ethical trigger's. */
const char * const demo_ethical_tags[] = { "competitive-intel", "reference-check", "former-employee" };
const guint demo_n_ethical_tags = G_N_ELEMENTS (demo_ethical_tags);
const char * const demo_plain_tags[] = {
  "inbound", "webinar", "enterprise", "smb", "partner-sourced", "expansion",
};
const guint demo_n_plain_tags = G_N_ELEMENTS (demo_plain_tags);

/* Deal sizes: buckets with a weight each, uniform inside. */
const DemoDealBucket demo_deal_buckets[] = {
  { 2000, 10000, 25 }, { 10000, 25000, 27 }, { 25000, 40000, 16 }, { 40000, 60000, 12 },
  { 60000, 100000, 10 }, { 100000, 250000, 7.5 }, { 250000, 600000, 1.5 },
};
const guint demo_n_deal_buckets = G_N_ELEMENTS (demo_deal_buckets);



const DemoWeek demo_weeks[DEMO_N_WEEKS] = {
  { 0.56, 0.36 }, { 0.58, 0.24 }, { 0.60, 0.58 }, { 0.62, 0.55 }, { 0.63, 0.60 }, { 0.65, 0.52 },
  { 0.66, 0.46 }, { 0.67, 0.41 }, { 0.68, 0.38 }, { 0.70, 0.44 }, { 0.71, 0.36 }, { 0.72, 0.40 },
};



const char * const demo_ok_notes[] = {
  "Right call, right timing.",
  "Checked the record: correct.",
  "",
  "Fine, nothing to change.",
};
const guint demo_n_ok_notes = G_N_ELEMENTS (demo_ok_notes);

/* What the reviewer wrote on a trigger gap, by what the triggers missed. */
const char * const demo_gap_notes[] = {
  NULL,
  "A deal this size went ahead without a person. Should have escalated.",
  "The buyer was clearly unhappy and the AI went ahead anyway. Should have escalated.",
  "Engaged buyer, deal stuck for weeks: conflicting signals nobody looked at.",
};

/* Hours per week for two managers: oversight of routine work shrinks, time
 * for judgment grows; exception handling follows the escalations. */
const DemoTimePlan demo_time_plan[] = {
  { "Dana", {
    { 16, 7, 2, 3, 1, 4 }, { 15, 8, 2, 3, 1, 4 }, { 11, 2, 3, 4, 1, 4 }, { 9, 2, 3, 4, 2, 4 },
    { 8, 2, 3, 4, 4, 4 }, { 7, 2, 3, 5, 4, 4 }, { 6, 4, 4, 5, 3, 3 }, { 5, 4, 5, 6, 2, 3 },
    { 5, 4, 5, 6, 2, 3 }, { 4, 4, 6, 6, 1, 3 }, { 4, 3, 6, 7, 1, 3 }, { 4, 4, 6, 7, 1, 3 } } },
  { "Marcus", {
    { 14, 6, 1, 2, 2, 5 }, { 14, 7, 1, 2, 2, 5 }, { 12, 2, 2, 3, 2, 5 }, { 10, 2, 2, 3, 3, 4 },
    { 9, 1.5, 2, 3, 5, 4 }, { 8, 2, 2, 3, 5, 4 }, { 7, 3.5, 3, 4, 3, 4 }, { 6, 4, 4, 4, 2, 4 },
    { 5, 4, 4, 5, 2, 3 }, { 5, 3.5, 5, 5, 2, 3 }, { 4, 4, 5, 6, 1.5, 3 }, { 4, 4, 5, 6, 1, 3 } } },
};
const guint demo_n_time_plan = G_N_ELEMENTS (demo_time_plan);
