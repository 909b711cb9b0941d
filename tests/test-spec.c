/* test-spec.c: the spec document: parsing, validation, writing, diff
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "onloop-spec-private.h"

#define EXAMPLE \
  "{\n" \
  "  \"format\": \"onloop.spec/1\",\n" \
  "  \"version\": 3,\n" \
  "  \"published_at\": \"2026-11-02T09:00:00Z\",\n" \
  "  \"note\": \"Raise the deal-size threshold\",\n" \
  "  \"decisions\": [\n" \
  "    { \"key\": \"follow-up-timing\", \"title\": \"Follow-up timing\", \"category\": \"execution\",\n" \
  "      \"workflow\": \"follow-ups\", \"phase\": \"exception-only\",\n" \
  "      \"may\":      [ { \"id\": \"send_follow_up\", \"label\": \"Send follow-ups\" } ],\n" \
  "      \"uses\":     [ { \"id\": \"crm_history\",    \"label\": \"CRM history\" } ],\n" \
  "      \"must_not\": [ { \"id\": \"commit_pricing\", \"label\": \"Commit to pricing\" } ] }\n" \
  "  ],\n" \
  "  \"triggers\": [\n" \
  "    { \"id\": \"deal-size\", \"kind\": \"deal_size\", \"enabled\": true, \"min_arr\": 50000 },\n" \
  "    { \"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"enabled\": true, \"below\": -0.3 },\n" \
  "    { \"id\": \"first-time\", \"kind\": \"first_time\", \"enabled\": true, \"fields\": [\"industry\", \"persona\", \"objection\"] },\n" \
  "    { \"id\": \"conflicting-signals\", \"kind\": \"conflicting_signals\", \"enabled\": true, \"min_engagement\": 0.7, \"min_days_in_stage\": 21 },\n" \
  "    { \"id\": \"ethical\", \"kind\": \"ethical\", \"enabled\": true, \"tags\": [\"competitive-intel\", \"reference-check\", \"former-employee\"] }\n" \
  "  ]\n" \
  "}\n"

static OnloopSpec *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  OnloopSpec *spec = onloop_spec_parse (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spec);
  return spec;
}

static void
test_parse_example (void)
{
  g_autoptr(OnloopSpec) spec = parse_ok (EXAMPLE);
  OnloopSpecDecision *decision;
  OnloopTrigger *trigger;

  g_assert_cmpint (spec->version, ==, 3);
  g_assert_cmpstr (spec->published_at, ==, "2026-11-02T09:00:00Z");
  g_assert_cmpstr (spec->note, ==, "Raise the deal-size threshold");
  g_assert_cmpuint (spec->decisions->len, ==, 1);
  g_assert_cmpuint (spec->triggers->len, ==, 5);

  decision = onloop_spec_find_decision (spec, "follow-up-timing");
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->category, ==, ONLOOP_CATEGORY_EXECUTION);
  g_assert_cmpstr (decision->workflow, ==, "follow-ups");
  g_assert_cmpstr (decision->phase, ==, "exception-only");
  g_assert_cmpstr (((OnloopBoundaryItem *) decision->must_not->pdata[0])->id, ==, "commit_pricing");
  g_assert_cmpstr (((OnloopBoundaryItem *) decision->may->pdata[0])->label, ==, "Send follow-ups");

  trigger = onloop_spec_find_trigger (spec, "deal-size");
  g_assert_cmpfloat (trigger->min_arr, ==, 50000);
  g_assert_true (trigger->enabled);
  g_assert_cmpuint (trigger->decisions->len, ==, 0);
  g_assert_cmpfloat (onloop_spec_find_trigger (spec, "negative-sentiment")->below, ==, -0.3);
  g_assert_cmpuint (onloop_spec_find_trigger (spec, "first-time")->fields, ==,
                    ONLOOP_FIELD_INDUSTRY | ONLOOP_FIELD_PERSONA | ONLOOP_FIELD_OBJECTION);
  trigger = onloop_spec_find_trigger (spec, "conflicting-signals");
  g_assert_cmpfloat (trigger->min_engagement, ==, 0.7);
  g_assert_cmpint (trigger->min_days_in_stage, ==, 21);
  g_assert_cmpuint (onloop_spec_find_trigger (spec, "ethical")->tags->len, ==, 3);
  g_assert_cmpint (onloop_spec_trigger_index (spec, "ethical"), ==, 4);
  g_assert_cmpint (onloop_spec_trigger_index (spec, "nope"), ==, -1);
}

static void
test_defaults (void)
{
  g_autoptr(OnloopSpec) spec = parse_ok ("{\"format\": \"onloop.spec/1\", \"triggers\": ["
                                         "{\"id\": \"big\", \"kind\": \"deal_size\", \"min_arr\": 0}]}");
  OnloopTrigger *trigger = g_ptr_array_index (spec->triggers, 0);

  /* enabled defaults to true; absent lists are empty; the draft has no version. */
  g_assert_true (trigger->enabled);
  g_assert_cmpint (spec->version, ==, 0);
  g_assert_null (spec->note);
  g_assert_cmpuint (spec->decisions->len, ==, 0);
}

typedef struct
{
  const char *json;
  const char *message;
} BadCase;

/* A valid trigger with one member replaced. */
#define T(body) "{\"format\": \"onloop.spec/1\", \"decisions\": [" \
  "{\"key\": \"a\", \"title\": \"A\", \"category\": \"execution\"}], \"triggers\": [" \
  "{\"id\": \"t0\", \"kind\": \"ethical\", \"tags\": []}, " \
  "{\"id\": \"t1\", \"kind\": \"ethical\", \"tags\": []}, " body "]}"
#define D(body) "{\"format\": \"onloop.spec/1\", \"decisions\": [" \
  "{\"key\": \"a\", \"title\": \"A\", \"category\": \"execution\"}, " body "]}"

static const BadCase bad_cases[] = {
  { "[]", "a spec must be a JSON object" },
  { "{}", "format: must be “onloop.spec/1”" },
  { "{\"format\": \"onloop.spec/2\"}", "format: must be “onloop.spec/1”" },
  { "{\"format\": \"onloop.spec/1\", \"extra\": 1}", "extra: unknown field" },
  { "{\"format\": \"onloop.spec/1\", \"version\": 0}", "version: must be a whole number ≥ 1" },
  { "{\"format\": \"onloop.spec/1\", \"published_at\": \"yesterday\"}",
    "published_at: must be an RFC 3339 time, like 2026-11-02T09:00:00Z" },
  { "{\"format\": \"onloop.spec/1\", \"decisions\": {}}", "decisions: must be an array" },
  { "{\"format\": \"onloop.spec/1\", \"triggers\": 3}", "triggers: must be an array" },
  /* Triggers */
  { T ("{\"id\": \"t2\", \"kind\": \"deal_size\", \"min_arr\": -1}"),
    "triggers[2].min_arr: must be a number ≥ 0" },
  { T ("{\"id\": \"t2\", \"kind\": \"deal_size\", \"min_arr\": \"50000\"}"),
    "triggers[2].min_arr: must be a number ≥ 0" },
  { T ("{\"id\": \"t2\", \"kind\": \"deal_size\"}"), "triggers[2].min_arr: must be a number ≥ 0" },
  { T ("{\"id\": \"t2\", \"kind\": \"sentiment\", \"below\": -1.5}"),
    "triggers[2].below: must be a number between -1 and 1" },
  { T ("{\"id\": \"t2\", \"kind\": \"sentiment\", \"below\": 1.01}"),
    "triggers[2].below: must be a number between -1 and 1" },
  { T ("{\"id\": \"t2\", \"kind\": \"conflicting_signals\", \"min_engagement\": 1.2, \"min_days_in_stage\": 3}"),
    "triggers[2].min_engagement: must be a number between 0 and 1" },
  { T ("{\"id\": \"t2\", \"kind\": \"conflicting_signals\", \"min_engagement\": 0.5, \"min_days_in_stage\": 2.5}"),
    "triggers[2].min_days_in_stage: must be a whole number ≥ 0" },
  { T ("{\"id\": \"t2\", \"kind\": \"conflicting_signals\", \"min_engagement\": 0.5, \"min_days_in_stage\": -1}"),
    "triggers[2].min_days_in_stage: must be a whole number ≥ 0" },
  { T ("{\"id\": \"t2\", \"kind\": \"first_time\", \"fields\": [\"industry\", \"region\"]}"),
    "triggers[2].fields[1]: must be “industry”, “persona” or “objection”" },
  { T ("{\"id\": \"t2\", \"kind\": \"first_time\", \"fields\": []}"),
    "triggers[2].fields: must list one or more of “industry”, “persona”, “objection”" },
  { T ("{\"id\": \"t2\", \"kind\": \"first_time\", \"fields\": [\"persona\", \"persona\"]}"),
    "triggers[2].fields[1]: “persona” is listed twice" },
  { T ("{\"id\": \"t2\", \"kind\": \"ethical\", \"tags\": [\"ok\", 3]}"),
    "triggers[2].tags[1]: must be a non-empty string" },
  { T ("{\"id\": \"t2\", \"kind\": \"ethical\", \"tags\": [\"ok\", \" \"]}"),
    "triggers[2].tags[1]: must be a non-empty string" },
  { T ("{\"id\": \"t2\", \"kind\": \"velocity\"}"),
    "triggers[2].kind: unknown trigger kind “velocity” (deal_size, sentiment, first_time, "
    "conflicting_signals, ethical)" },
  { T ("{\"id\": \"t1\", \"kind\": \"ethical\", \"tags\": []}"),
    "triggers[2].id: “t1” is already triggers[1]" },
  { T ("{\"id\": \"Big Deals\", \"kind\": \"ethical\", \"tags\": []}"),
    "triggers[2].id: must be an id of lower-case letters, digits, “-” and “_”" },
  { T ("{\"id\": \"t2\", \"kind\": \"ethical\", \"tags\": [], \"enabled\": \"yes\"}"),
    "triggers[2].enabled: must be true or false" },
  { T ("{\"id\": \"t2\", \"kind\": \"ethical\", \"tags\": [], \"decisions\": [\"a\", \"zz\"]}"),
    "triggers[2].decisions[1]: “zz” is not a decision of this spec" },
  { T ("{\"id\": \"t2\", \"kind\": \"ethical\", \"tags\": [], \"min_arr\": 5}"),
    "triggers[2].min_arr: not a field of this trigger kind" },
  { T ("7"), "triggers[2]: must be an object" },
  /* Decisions and boundary items */
  { D ("{\"key\": \"a\", \"title\": \"Again\", \"category\": \"judgment\"}"),
    "decisions[1].key: “a” is already decisions[0]" },
  { D ("{\"key\": \"B\", \"title\": \"B\", \"category\": \"judgment\"}"),
    "decisions[1].key: must be an id of lower-case letters, digits, “-” and “_”" },
  { D ("{\"key\": \"b\", \"title\": \"  \", \"category\": \"judgment\"}"),
    "decisions[1].title: must be a non-empty string" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"maybe\"}"),
    "decisions[1].category: must be “unsorted”, “execution” or “judgment”" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"judgment\", \"phase\": \"steady\"}"),
    "decisions[1].phase: a phase needs a workflow" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"judgment\", \"workflow\": \"w\", \"phase\": \"late\"}"),
    "decisions[1].phase: must be “shadow”, “exception-only” or “steady”" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"execution\", \"may\": ["
       "{\"id\": \"x\", \"label\": \"X\"}, {\"id\": \"x\", \"label\": \"X again\"}]}"),
    "decisions[1].may[1].id: “x” is already decisions[1].may[0]" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"execution\", \"must_not\": ["
       "{\"id\": \"Bad Id\", \"label\": \"X\"}]}"),
    "decisions[1].must_not[0].id: must be an id of lower-case letters, digits, “-” and “_”" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"execution\", \"uses\": ["
       "{\"id\": \"crm\", \"label\": \"\"}]}"),
    "decisions[1].uses[0].label: must be a non-empty string" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"execution\", \"uses\": ["
       "{\"id\": \"crm\", \"label\": \"CRM\", \"weight\": 2}]}"),
    "decisions[1].uses[0].weight: unknown field" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"execution\", \"may\": {}}"),
    "decisions[1].may: must be an array of {\"id\", \"label\"} objects" },
  { D ("{\"key\": \"b\", \"title\": \"B\", \"category\": \"execution\", \"owner\": \"me\"}"),
    "decisions[1].owner: unknown field" },
};

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OnloopSpec) spec = onloop_spec_parse (bad_cases[i].json, -1, &error);

      g_test_message ("case %u: %s", i, bad_cases[i].json);
      g_assert_null (spec);
      g_assert_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad_cases[i].message);
    }
}

static void
test_syntax (void)
{
  static const char * const cases[] = {
    "", "{", "{\"format\": \"onloop.spec/1\",}", "{\"format\": NaN}", "not json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OnloopSpec) spec = onloop_spec_parse (cases[i], -1, &error);

      g_assert_null (spec);
      g_assert_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_SYNTAX);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OnloopSpec) spec = onloop_spec_parse ("{\"format\": \"\xff\"}", -1, &error);

    g_assert_null (spec);
    g_assert_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_SYNTAX);
  }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"onloop.spec/1\", \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) spec = NULL;

  /* A hundred thousand levels: refused with a message, not a crash. */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  spec = onloop_spec_parse (json->str, json->len, &error);
  g_assert_null (spec);
  g_assert_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 1: nested more than 64 levels deep");

  /* Brackets inside strings do not count. */
  g_clear_error (&error);
  g_string_assign (json, "{\"format\": \"onloop.spec/1\", \"note\": \"");
  for (int i = 0; i < 100; i++)
    g_string_append (json, "[{\\\"");
  g_string_append (json, "\"}");
  spec = onloop_spec_parse (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (spec->note, "[{\"[{"));
}

static void
test_too_many_triggers (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"onloop.spec/1\", \"triggers\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) spec = NULL;

  for (int i = 0; i <= ONLOOP_SPEC_MAX_TRIGGERS; i++)
    g_string_append_printf (json, "%s{\"id\": \"t%d\", \"kind\": \"deal_size\", \"min_arr\": %d}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "]}");

  spec = onloop_spec_parse (json->str, -1, &error);
  g_assert_null (spec);
  g_assert_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "triggers: a spec has at most 61 triggers"));

  /* Exactly the maximum is fine. */
  g_clear_error (&error);
  g_string_truncate (json, strstr (json->str, ", {\"id\": \"t61\"") - json->str);
  g_string_append (json, "]}");
  g_clear_pointer (&spec, onloop_spec_unref);
  spec = onloop_spec_parse (json->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spec->triggers->len, ==, ONLOOP_SPEC_MAX_TRIGGERS);
}

static void
test_round_trip (void)
{
  g_autoptr(OnloopSpec) spec = parse_ok (EXAMPLE);
  g_autofree char *json = onloop_spec_to_json (spec);
  g_autoptr(OnloopSpec) again = parse_ok (json);
  g_autofree char *json2 = onloop_spec_to_json (again);
  g_autoptr(GPtrArray) changes = onloop_spec_diff (spec, again);

  g_assert_cmpstr (json, ==, json2);
  g_assert_cmpuint (changes->len, ==, 0);
  /* Numbers as people wrote them, not -0.29999999999999999. */
  g_assert_nonnull (strstr (json, "\"below\": -0.3 "));
  g_assert_nonnull (strstr (json, "\"min_arr\": 50000 "));
  g_assert_nonnull (strstr (json, "\"version\": 3,"));
  /* Stable key order: format first, triggers last. */
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"onloop.spec/1\",\n  \"version\": 3,"));
  g_assert_true (strstr (json, "\"decisions\"") < strstr (json, "\"triggers\""));
}

static void
test_round_trip_escapes (void)
{
  g_autoptr(OnloopSpec) spec = onloop_spec_new ();
  OnloopSpecDecision *decision = onloop_spec_decision_new ("quote", "Say \"hi\"\\ \t\x01 — ünï",
                                                           ONLOOP_CATEGORY_JUDGMENT);
  OnloopTrigger *trigger = onloop_trigger_new ("scoped", ONLOOP_TRIGGER_ETHICAL);
  g_autofree char *json = NULL;
  g_autoptr(OnloopSpec) again = NULL;
  g_autoptr(OnloopSpec) copy = NULL;

  g_ptr_array_add (decision->may, onloop_boundary_item_new ("a", "line\nbreak"));
  g_ptr_array_add (spec->decisions, decision);
  g_ptr_array_add (trigger->decisions, g_strdup ("quote"));
  g_ptr_array_add (trigger->tags, g_strdup ("x\"y"));
  trigger->enabled = FALSE;
  g_ptr_array_add (spec->triggers, trigger);

  json = onloop_spec_to_json (spec);
  again = parse_ok (json);
  g_assert_cmpstr (((OnloopSpecDecision *) again->decisions->pdata[0])->title, ==,
                   "Say \"hi\"\\ \t\x01 — ünï");
  g_assert_false (((OnloopTrigger *) again->triggers->pdata[0])->enabled);
  g_assert_cmpstr (((OnloopTrigger *) again->triggers->pdata[0])->decisions->pdata[0], ==, "quote");

  copy = onloop_spec_copy (again);
  {
    g_autoptr(GPtrArray) changes = onloop_spec_diff (again, copy);
    g_assert_cmpuint (changes->len, ==, 0);
  }
}

static char *
diff_text (const char *from_json,
           const char *to_json)
{
  g_autoptr(OnloopSpec) from = parse_ok (from_json);
  g_autoptr(OnloopSpec) to = parse_ok (to_json);
  g_autoptr(GPtrArray) changes = onloop_spec_diff (from, to);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      OnloopSpecChange *change = g_ptr_array_index (changes, i);
      g_string_append_printf (text, "%s\n", change->text);
    }

  return g_string_free (text, FALSE);
}

static char *
replace (const char *text,
         const char *old,
         const char *now)
{
  g_auto(GStrv) parts = g_strsplit (text, old, 2);

  g_assert_nonnull (parts[1]);
  return g_strjoin (now, parts[0], parts[1], NULL);
}

static void
test_diff_threshold (void)
{
  g_autofree char *to = replace (EXAMPLE, "\"min_arr\": 50000", "\"min_arr\": 75000");
  g_autofree char *text = diff_text (EXAMPLE, to);
  g_autoptr(OnloopSpec) a = parse_ok (EXAMPLE);
  g_autoptr(OnloopSpec) b = parse_ok (to);
  g_autoptr(GPtrArray) changes = onloop_spec_diff (a, b);
  OnloopSpecChange *change;

  g_assert_cmpstr (text, ==, "deal-size: min_arr 50,000 → 75,000\n");
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, ONLOOP_SPEC_CHANGE_CHANGED);
  g_assert_cmpstr (change->path, ==, "triggers.deal-size.min_arr");
}

static void
test_diff_items (void)
{
  g_autofree char *to1 = replace (EXAMPLE,
                                  "{ \"id\": \"commit_pricing\", \"label\": \"Commit to pricing\" }",
                                  "{ \"id\": \"commit_pricing\", \"label\": \"Commit to prices\" },"
                                  " { \"id\": \"promise_dates\", \"label\": \"Promise delivery dates\" }");
  g_autofree char *to = replace (to1, "{ \"id\": \"crm_history\",    \"label\": \"CRM history\" }", "");
  g_autofree char *text = diff_text (EXAMPLE, to);

  g_assert_cmpstr (text, ==,
                   "Follow-up timing: uses − CRM history\n"
                   "Follow-up timing: must not “Commit to pricing” → “Commit to prices”\n"
                   "Follow-up timing: must not + Promise delivery dates\n");
}

static void
test_diff_decisions_and_triggers (void)
{
  g_autofree char *a = replace (EXAMPLE, "\"phase\": \"exception-only\"", "\"phase\": \"shadow\"");
  g_autofree char *b1 = replace (EXAMPLE, "\"category\": \"execution\"", "\"category\": \"judgment\"");
  g_autofree char *b2 = replace (b1, "\"title\": \"Follow-up timing\"", "\"title\": \"Follow-up cadence\"");
  g_autofree char *b3 = replace (b2, "\"below\": -0.3 }", "\"below\": -0.45, \"enabled\": false }");
  g_autofree char *b4 = replace (b3, "\"enabled\": true, \"below\"", "\"below\"");
  g_autofree char *b5 = replace (b4, "\"former-employee\"", "\"pricing-exception\"");
  g_autofree char *b6 = replace (b5, "\"persona\", ", "");
  g_autofree char *b7 = replace (b6, "\"min_arr\": 50000 }",
                                 "\"min_arr\": 1250000.5, \"decisions\": [\"follow-up-timing\"] }");
  g_autofree char *b8 = replace (b7, "],\n  \"triggers\"",
                                 ", {\"key\": \"renewal\", \"title\": \"Renewal pricing\", \"category\": \"judgment\"}"
                                 "],\n  \"triggers\"");
  g_autofree char *b = replace (b8, "\"min_days_in_stage\": 21 },", "\"min_days_in_stage\": 28 },"
                                " {\"id\": \"deals-2\", \"kind\": \"deal_size\", \"min_arr\": 1000},");
  g_autofree char *text = diff_text (a, b);

  g_assert_cmpstr (text, ==,
                   "follow-up-timing: title “Follow-up timing” → “Follow-up cadence”\n"
                   "Follow-up cadence: Execution → Judgment\n"
                   "Decision added: Renewal pricing (Judgment, 0 boundary items)\n"
                   "Workflow follow-ups: phase shadow → exception-only\n"
                   "deal-size: min_arr 50,000 → 1,250,000.5\n"
                   "deal-size: scope all decisions → follow-up-timing\n"
                   "negative-sentiment: below -0.3 → -0.45\n"
                   "negative-sentiment: disabled\n"
                   "first-time: fields − persona\n"
                   "conflicting-signals: min_days_in_stage 21 → 28\n"
                   "Trigger added: deals-2 (deal_size, min_arr 1,000)\n"
                   "ethical: tags − former-employee\n"
                   "ethical: tags + pricing-exception\n");
}

static void
test_diff_removed_and_reordered (void)
{
  const char *from = "{\"format\": \"onloop.spec/1\", \"decisions\": ["
                     "{\"key\": \"a\", \"title\": \"A\", \"category\": \"execution\", \"may\": ["
                     "{\"id\": \"x\", \"label\": \"X\"}, {\"id\": \"y\", \"label\": \"Y\"}]},"
                     "{\"key\": \"b\", \"title\": \"B\", \"category\": \"judgment\"}],"
                     " \"triggers\": [{\"id\": \"t1\", \"kind\": \"deal_size\", \"min_arr\": 1},"
                     " {\"id\": \"t2\", \"kind\": \"deal_size\", \"min_arr\": 2},"
                     " {\"id\": \"t3\", \"kind\": \"deal_size\", \"min_arr\": 3}]}";
  const char *to = "{\"format\": \"onloop.spec/1\", \"decisions\": ["
                   "{\"key\": \"a\", \"title\": \"A\", \"category\": \"execution\", \"may\": ["
                   "{\"id\": \"y\", \"label\": \"Y\"}, {\"id\": \"x\", \"label\": \"X\"}]}],"
                   " \"triggers\": [{\"id\": \"t2\", \"kind\": \"deal_size\", \"min_arr\": 2},"
                   " {\"id\": \"t1\", \"kind\": \"deal_size\", \"min_arr\": 1}]}";
  g_autofree char *text = diff_text (from, to);

  g_assert_cmpstr (text, ==,
                   "Decision removed: B\n"
                   "A: may reordered\n"
                   "Trigger removed: t3\n"
                   "Trigger order: t1, t2 → t2, t1\n");
}

static void
test_format_number (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 50000, "50,000" },
    { 1234567, "1,234,567" }, { -0.3, "-0.3" }, { -12345.25, "-12,345.25" }, { 0.7, "0.7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = onloop_spec_format_number (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_trigger_validate (void)
{
  g_autoptr(GError) error = NULL;
  OnloopTrigger *trigger = onloop_trigger_new ("deal-size", ONLOOP_TRIGGER_DEAL_SIZE);

  trigger->min_arr = -5;
  g_assert_false (onloop_trigger_validate (trigger, &error));
  g_assert_cmpstr (error->message, ==, "min_arr: must be a number ≥ 0");
  g_clear_error (&error);

  trigger->min_arr = 5;
  g_assert_true (onloop_trigger_validate (trigger, &error));
  g_assert_no_error (error);

  g_free (trigger->id);
  trigger->id = g_strdup ("-bad");
  g_assert_false (onloop_trigger_validate (trigger, &error));
  g_assert_true (g_str_has_prefix (error->message, "id: "));
  onloop_trigger_free (trigger);
}

static void
test_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("onloop-spec-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spec.json", NULL);
  g_autoptr(OnloopSpec) spec = NULL;

  g_file_set_contents (path, T ("{\"id\": \"t2\", \"kind\": \"deal_size\", \"min_arr\": -1}"), -1, NULL);
  spec = onloop_spec_load_file (path, &error);
  g_assert_null (spec);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (g_str_has_suffix (error->message, ": triggers[2].min_arr: must be a number ≥ 0"));
  g_unlink (path);
  g_rmdir (dir);
}

/* Seeded random edits of the example: every result is a spec that writes
 * and reads back to itself, or an error with a message; never a crash. */
static void
test_mutations (void)
{
  static const char alphabet[] = "{}[]\",:0123456789-.eE truefalsnul\\\xc3\xa9";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  gsize length = strlen (EXAMPLE);
  guint n_valid = 0;

  for (guint round = 0; round < 3000; round++)
    {
      g_autofree char *text = g_strdup (EXAMPLE);
      g_autoptr(GError) error = NULL;
      g_autoptr(OnloopSpec) spec = NULL;
      guint n_edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < n_edits; e++)
        text[g_rand_int_range (rand, 0, length)] =
          alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];

      spec = onloop_spec_parse (text, length, &error);
      if (spec == NULL)
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          continue;
        }

      g_assert_no_error (error);
      n_valid++;
      {
        g_autofree char *json = onloop_spec_to_json (spec);
        g_autoptr(OnloopSpec) again = onloop_spec_parse (json, -1, &error);
        g_autofree char *json2 = NULL;

        g_assert_no_error (error);
        json2 = onloop_spec_to_json (again);
        g_assert_cmpstr (json, ==, json2);
      }
    }

  /* Edits inside labels and numbers keep some documents valid. */
  g_assert_cmpuint (n_valid, >, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spec/parse/example", test_parse_example);
  g_test_add_func ("/spec/parse/defaults", test_defaults);
  g_test_add_func ("/spec/parse/invalid-with-path", test_invalid);
  g_test_add_func ("/spec/parse/syntax", test_syntax);
  g_test_add_func ("/spec/parse/too-many-triggers", test_too_many_triggers);
  g_test_add_func ("/spec/parse/deep-nesting-refused", test_deep_nesting);
  g_test_add_func ("/spec/parse/random-edits", test_mutations);
  g_test_add_func ("/spec/parse/load-file-names-file", test_load_file);
  g_test_add_func ("/spec/trigger/validate", test_trigger_validate);
  g_test_add_func ("/spec/json/round-trip", test_round_trip);
  g_test_add_func ("/spec/json/round-trip-escapes", test_round_trip_escapes);
  g_test_add_func ("/spec/diff/threshold", test_diff_threshold);
  g_test_add_func ("/spec/diff/boundary-items", test_diff_items);
  g_test_add_func ("/spec/diff/decisions-and-triggers", test_diff_decisions_and_triggers);
  g_test_add_func ("/spec/diff/removed-and-reordered", test_diff_removed_and_reordered);
  g_test_add_func ("/spec/format-number", test_format_number);

  return g_test_run ();
}
