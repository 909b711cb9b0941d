#!/usr/bin/env python3
# gen-log.py: a seeded, realistic decision log (PRODUCT.md §2) for benchmarks
#
# Copyright 2026 The Onloop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes N events as JSON Lines: ids, `at` spread over WEEKS weeks (mostly in
# time order, as a live system appends them, with a few late arrivals), 24
# decision keys over 6 workflows, actions per decision, context fields with
# skewed distributions (deal sizes log-normal, long-tailed days in stage,
# industries with a long tail of rare values), a few ethical tags, recorded
# outcomes near the 10-15 % band, and unknown fields on some events.
#
# With --csv FILE it also writes the same rows as CSV, one column per
# column of the workspace's events table, for the sqlite3 .import baseline.
#
# usage: gen-log.py [--events N] [--seed S] [--weeks W] [--csv FILE] OUT.jsonl

import argparse
import csv
import json
import math
import random
import sys
from datetime import datetime, timedelta, timezone

DECISIONS = {
    "follow-ups": {
        "follow-up-timing": ["send_follow_up", "schedule_follow_up", "wait"],
        "follow-up-channel": ["email", "linkedin", "call_task"],
        "follow-up-content": ["send_template", "personalize", "attach_case_study"],
        "breakup-email": ["send_breakup", "hold"],
    },
    "crm-hygiene": {
        "crm-stage-update": ["advance_stage", "keep_stage", "flag_stale"],
        "contact-dedup": ["merge_contacts", "keep_both"],
        "activity-logging": ["log_activity", "skip"],
        "next-step-date": ["set_next_step", "clear_next_step"],
    },
    "lead-routing": {
        "lead-assignment": ["assign_rep", "round_robin", "assign_manager"],
        "lead-scoring": ["score_up", "score_down", "keep_score"],
        "territory-match": ["assign_territory", "flag_conflict"],
        "inbound-triage": ["route_sdr", "route_ae", "discard_spam"],
    },
    "meetings": {
        "meeting-scheduling": ["propose_slots", "book_meeting", "reschedule"],
        "meeting-prep": ["send_brief", "attach_notes"],
        "no-show-handling": ["send_reschedule", "mark_no_show"],
        "demo-request": ["book_demo", "send_recording"],
    },
    "pricing": {
        "discount-approval": ["apply_discount", "deny_discount", "commit_pricing"],
        "quote-generation": ["send_quote", "revise_quote"],
        "renewal-uplift": ["apply_uplift", "hold_price"],
        "payment-terms": ["standard_terms", "extend_terms"],
    },
    "accounts": {
        "churn-risk-outreach": ["send_check_in", "escalate_csm"],
        "upsell-suggestion": ["suggest_upsell", "hold"],
        "reference-request": ["ask_reference", "skip"],
        "competitive-response": ["send_battlecard", "share_competitive_intel"],
    },
}

INDUSTRIES = ["SaaS", "Retail", "Manufacturing", "Healthcare", "Financial services",
              "Logistics", "Education", "Media", "Energy", "Real estate", "Hospitality",
              "Telecom", "Public sector", "Insurance", "Agriculture"]
PERSONAS = ["VP Sales", "CFO", "CTO", "Head of Ops", "Procurement", "Founder",
            "IT Manager", "Marketing Director", "RevOps", "Office Manager"]
OBJECTIONS = ["price", "timing", "competitor", "no budget", "security review",
              "integration", "not a priority", "contract terms", "need approval",
              "already have a tool", "team capacity", "ROI unclear"]
ETHICAL_TAGS = ["competitive-intel", "reference-check", "former-employee"]
OTHER_TAGS = ["inbound", "outbound", "renewal", "expansion", "enterprise", "smb",
              "partner", "webinar", "trial"]
MODELS = ["sales-agent-2.3", "sales-agent-2.4", "sales-agent-2.4.1"]

CSV_COLUMNS = ["id", "at", "at_text", "decision", "action", "deal_arr", "sentiment",
               "industry", "persona", "objection", "engagement", "stage_progressed",
               "days_in_stage", "tags", "rec_escalated", "reviewed", "overridden",
               "quality_issue", "review_minutes", "extra"]


def weighted_keys(rng):
    keys = [(wf, key, actions) for wf, ds in DECISIONS.items() for key, actions in ds.items()]
    # Some decisions are far more frequent than others (Zipf-like).
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(keys))]
    rng.shuffle(weights)
    return keys, weights


def rare_value(rng, common, prefix, p_rare):
    if rng.random() < p_rare:
        return f"{prefix} {rng.randrange(5000)}"
    # The head of the distribution: a few values carry most events.
    i = min(int(rng.expovariate(0.35)), len(common) - 1)
    value = common[i]
    r = rng.random()
    if r < 0.02:
        value = value.upper()
    elif r < 0.04:
        value = " " + value + " "
    return value


def fmt_at(dt, rng):
    r = rng.random()
    if r < 0.70:
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if r < 0.90:
        return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
    off = rng.choice([-5, -4, 1, 2, 5.5])
    local = dt + timedelta(hours=off)
    sign = "+" if off >= 0 else "-"
    hh = int(abs(off))
    mm = int(round((abs(off) - hh) * 60))
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{hh:02d}:{mm:02d}"


def parse_at_usec(text):
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    delta = dt - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86400 + delta.seconds) * 1000000 + delta.microseconds


def make_event(rng, i, dt, keys, weights):
    wf, key, actions = rng.choices(keys, weights)[0]
    ev = {
        "id": f"evt_{rng.getrandbits(64):016x}",
        "at": fmt_at(dt, rng),
        "decision": key,
        "action": rng.choice(actions),
    }
    ctx = {}
    if rng.random() < 0.85:
        ctx["deal_arr"] = round(math.exp(rng.gauss(math.log(18000), 1.0)), rng.choice([0, 0, 2]))
    if rng.random() < 0.80:
        ctx["sentiment"] = round(max(-1.0, min(1.0, rng.gauss(0.15, 0.35))), 3)
    if rng.random() < 0.90:
        ctx["industry"] = rare_value(rng, INDUSTRIES, "Niche industry", 0.004)
    if rng.random() < 0.85:
        ctx["persona"] = rare_value(rng, PERSONAS, "Persona", 0.003)
    if rng.random() < 0.55:
        ctx["objection"] = rare_value(rng, OBJECTIONS, "Objection", 0.01)
    if rng.random() < 0.75:
        ctx["engagement"] = round(rng.betavariate(2.0, 3.0), 3)
    if rng.random() < 0.70:
        ctx["stage_progressed"] = rng.random() < 0.6
    if rng.random() < 0.70:
        ctx["days_in_stage"] = min(int(rng.expovariate(1 / 12.0)), 400)
    if rng.random() < 0.45:
        tags = rng.sample(OTHER_TAGS, rng.choice([1, 1, 2]))
        if rng.random() < 0.03:
            tags.append(rng.choice(ETHICAL_TAGS))
        ctx["tags"] = tags
    if rng.random() < 0.05:
        ctx["region"] = rng.choice(["EMEA", "NA", "APAC", "LATAM"])
    if ctx:
        ev["context"] = ctx

    out = {}
    escalated = rng.random() < 0.12
    if rng.random() < 0.9:
        out["escalated"] = escalated
    if escalated and rng.random() < 0.9:
        out["reviewed"] = True
        out["overridden"] = rng.random() < 0.35
        out["review_minutes"] = round(rng.expovariate(1 / 6.0), 1)
    elif not escalated and rng.random() < 0.01:
        out["quality_issue"] = True
    if out:
        ev["outcome"] = out

    if rng.random() < 0.30:
        ev["trace_id"] = f"{rng.getrandbits(96):024x}"
    if rng.random() < 0.10:
        ev["model"] = rng.choice(MODELS)
    return ev


def csv_row(ev):
    ctx = ev.get("context", {})
    out = ev.get("outcome", {})
    known_ctx = {"deal_arr", "sentiment", "industry", "persona", "objection", "engagement",
                 "stage_progressed", "days_in_stage", "tags"}
    extra = {k: v for k, v in ev.items()
             if k not in ("id", "at", "decision", "action", "context", "outcome")}
    ctx_extra = {k: v for k, v in ctx.items() if k not in known_ctx}
    if ctx_extra:
        extra["context"] = ctx_extra

    def b(v):
        return "" if v is None else int(v)

    return [ev["id"], parse_at_usec(ev["at"]), ev["at"], ev["decision"], ev["action"],
            ctx.get("deal_arr", ""), ctx.get("sentiment", ""), ctx.get("industry", ""),
            ctx.get("persona", ""), ctx.get("objection", ""), ctx.get("engagement", ""),
            b(ctx.get("stage_progressed")), ctx.get("days_in_stage", ""),
            json.dumps(ctx["tags"], separators=(",", ":")) if "tags" in ctx else "",
            b(out.get("escalated")), int(out.get("reviewed", False)),
            int(out.get("overridden", False)), int(out.get("quality_issue", False)),
            out.get("review_minutes", ""),
            json.dumps(extra, separators=(",", ":")) if extra else ""]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--weeks", type=int, default=14)
    ap.add_argument("--end", default="2026-11-23T00:00:00+00:00")
    ap.add_argument("--csv")
    ap.add_argument("out")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    keys, weights = weighted_keys(rng)
    end = datetime.fromisoformat(args.end)
    start = end - timedelta(weeks=args.weeks)
    span = (end - start).total_seconds()
    step = span / max(args.events, 1)

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    writer = None
    if args.csv:
        csv_file = open(args.csv, "w", encoding="utf-8", newline="")
        writer = csv.writer(csv_file)
        writer.writerow(CSV_COLUMNS)

    for i in range(args.events):
        t = i * step + rng.uniform(0, step)
        if rng.random() < 0.002:
            t -= rng.uniform(0, 3 * 86400)   # a late arrival
        t = min(max(t, 0), span - 1)
        dt = start + timedelta(seconds=t)
        dt = dt.replace(microsecond=(dt.microsecond // 1000) * 1000)
        ev = make_event(rng, i, dt, keys, weights)
        out.write(json.dumps(ev, separators=(", ", ": "), ensure_ascii=False))
        out.write("\n")
        if writer:
            writer.writerow(csv_row(ev))

    if out is not sys.stdout:
        out.close()
    if writer:
        csv_file.close()


if __name__ == "__main__":
    main()
