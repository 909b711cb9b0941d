/* test-event-parse.c: one line of the decision log (PRODUCT.md §2)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "onloop-log-parser.h"
#include "onloop-time.h"

#define HEAD "\"id\": \"e1\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"follow-up-timing\", \"action\": \"send\""

static OnloopEvent *
parse_ok (const char *line)
{
  g_autoptr(GError) error = NULL;
  OnloopEvent *event = onloop_event_parse (line, strlen (line), &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static void
assert_fails (const char     *line,
              gsize           len,
              int             code,
              const char     *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopEvent) event = onloop_event_parse (line, len, &error);

  g_assert_null (event);
  g_assert_error (error, ONLOOP_LOG_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message);
}

#define FAILS(line, code, message) assert_fails (line, strlen (line), code, message)

static void
test_all_fields (void)
{
  g_autoptr(OnloopEvent) e = parse_ok (
    "{\"id\": \"evt-1\", \"at\": \"2026-11-02T10:30:00.25+01:00\", \"decision\": \"discount\","
    " \"action\": \"apply_discount\", \"context\": {\"deal_arr\": 61250.5, \"sentiment\": -0.4,"
    " \"industry\": \"Retail\", \"persona\": \"CFO\", \"objection\": \"price\", \"engagement\": 0.8,"
    " \"stage_progressed\": false, \"days_in_stage\": 30, \"tags\": [\"reference-check\", \"smb\"]},"
    " \"outcome\": {\"escalated\": true, \"reviewed\": true, \"overridden\": true,"
    " \"quality_issue\": false, \"review_minutes\": 7.5}}");
  gint64 expected;

  g_assert_cmpstr (e->id, ==, "evt-1");
  g_assert_cmpstr (e->at_text, ==, "2026-11-02T10:30:00.25+01:00");
  g_assert_true (onloop_time_parse_rfc3339 ("2026-11-02T09:30:00.25Z", 23, &expected));
  g_assert_cmpint (e->at_usec, ==, expected);
  g_assert_cmpstr (e->decision, ==, "discount");
  g_assert_cmpstr (e->action, ==, "apply_discount");
  g_assert_cmphex (e->has, ==, ONLOOP_EVENT_HAS_DEAL_ARR | ONLOOP_EVENT_HAS_SENTIMENT |
                   ONLOOP_EVENT_HAS_ENGAGEMENT | ONLOOP_EVENT_HAS_STAGE_PROGRESSED |
                   ONLOOP_EVENT_HAS_DAYS_IN_STAGE | ONLOOP_EVENT_HAS_ESCALATED |
                   ONLOOP_EVENT_HAS_REVIEW_MINUTES | ONLOOP_EVENT_HAS_TAGS);
  g_assert_cmpfloat (e->deal_arr, ==, 61250.5);
  g_assert_cmpfloat (e->sentiment, ==, -0.4);
  g_assert_cmpfloat (e->engagement, ==, 0.8);
  g_assert_false (e->stage_progressed);
  g_assert_cmpint (e->days_in_stage, ==, 30);
  g_assert_cmpstr (e->industry, ==, "Retail");
  g_assert_cmpstr (e->persona, ==, "CFO");
  g_assert_cmpstr (e->objection, ==, "price");
  g_assert_cmpstr (onloop_event_get_field (e, ONLOOP_FIELD_PERSONA), ==, "CFO");
  g_assert_cmpuint (g_strv_length (e->tags), ==, 2);
  g_assert_cmpstr (e->tags[0], ==, "reference-check");
  g_assert_cmpstr (e->tags[1], ==, "smb");
  g_assert_true (e->escalated);
  g_assert_true (e->reviewed);
  g_assert_true (e->overridden);
  g_assert_false (e->quality_issue);
  g_assert_cmpfloat (e->review_minutes, ==, 7.5);
  g_assert_null (e->extra);
}

static void
test_minimal (void)
{
  g_autoptr(OnloopEvent) e = parse_ok ("{" HEAD "}");

  g_assert_cmphex (e->has, ==, 0);
  g_assert_null (e->industry);
  g_assert_null (e->tags);
  g_assert_false (e->reviewed);
  g_assert_false (e->overridden);
  g_assert_false (e->quality_issue);
  g_assert_null (onloop_event_get_field (e, ONLOOP_FIELD_INDUSTRY));
}

static void
test_null_is_absent (void)
{
  g_autoptr(OnloopEvent) e = parse_ok ("{" HEAD ", \"context\": {\"deal_arr\": null, \"industry\": null,"
                                       " \"tags\": null}, \"outcome\": null}");
  g_autoptr(OnloopEvent) f = parse_ok ("{" HEAD ", \"context\": null}");

  g_assert_cmphex (e->has, ==, 0);
  g_assert_null (e->industry);
  g_assert_null (e->tags);
  g_assert_cmphex (f->has, ==, 0);
}

static void
test_unknown_fields_kept (void)
{
  g_autoptr(OnloopEvent) e = parse_ok (
    "{\"trace\": {\"span\": [1, 2.5e3, \"x\\u00e9\", null, true]}, " HEAD ","
    " \"context\": {\"region\": \"EMEA\", \"deal_arr\": 5}, \"outcome\": {\"by\": \"dana\"},"
    " \"model\":\"v2\"}");
  g_autoptr(OnloopEvent) plain = parse_ok ("{" HEAD ", \"context\": {\"deal_arr\": 5}}");

  g_assert_cmpstr (e->extra, ==,
                   "{\"trace\":{\"span\": [1, 2.5e3, \"x\\u00e9\", null, true]},\"model\":\"v2\","
                   "\"context\":{\"region\":\"EMEA\"},\"outcome\":{\"by\":\"dana\"}}");
  g_assert_cmpfloat (e->deal_arr, ==, 5);
  g_assert_null (plain->extra);
}

static void
test_strings_decoded (void)
{
  g_autoptr(OnloopEvent) e = parse_ok (
    "{\"id\": \"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\", \"at\": \"2026-11-02T09:00:00Z\","
    " \"decision\": \"d\", \"action\": \"caf\xc3\xa9\", \"context\": {\"tags\": [\"\\u0041\"]}}");

  g_assert_cmpstr (e->id, ==, "a\"b\\c/d\n\xc3\xa9\xf0\x9f\x98\x80");
  g_assert_cmpstr (e->action, ==, "caf\xc3\xa9");
  g_assert_cmpstr (e->tags[0], ==, "A");
}

static void
test_numbers (void)
{
  g_autoptr(OnloopEvent) a = parse_ok ("{" HEAD ", \"context\": {\"deal_arr\": 1.5e4, \"sentiment\": -1,"
                                       " \"engagement\": 1E-1, \"days_in_stage\": 2.0}}");
  g_autoptr(OnloopEvent) b = parse_ok ("{" HEAD ", \"context\": {\"deal_arr\": 0, \"sentiment\": 1,"
                                       " \"engagement\": 0, \"days_in_stage\": 0}}");
  g_autoptr(OnloopEvent) c = parse_ok ("{" HEAD ", \"context\": {\"deal_arr\": 12345678901234567890.123,"
                                       " \"sentiment\": 0.30000000000000004}}");

  g_assert_cmpfloat (a->deal_arr, ==, 15000);
  g_assert_cmpfloat (a->sentiment, ==, -1);
  g_assert_cmpfloat (a->engagement, ==, 0.1);
  g_assert_cmpint (a->days_in_stage, ==, 2);
  g_assert_cmpfloat (b->sentiment, ==, 1);
  g_assert_cmpfloat (c->deal_arr, ==, 12345678901234567890.123);
  g_assert_cmpfloat (c->sentiment, ==, 0.30000000000000004);
}

static void
test_timestamps (void)
{
  g_autoptr(OnloopEvent) a = parse_ok ("{\"id\": \"a\", \"at\": \"2026-11-02T09:00:00.123456789-05:30\","
                                       " \"decision\": \"d\", \"action\": \"x\"}");
  gint64 expected;

  g_assert_true (onloop_time_parse_rfc3339 ("2026-11-02T14:30:00.123456Z", 27, &expected));
  g_assert_cmpint (a->at_usec, ==, expected);
  g_assert_cmpstr (a->at_text, ==, "2026-11-02T09:00:00.123456789-05:30");

  FAILS ("{\"id\": \"a\", \"at\": \"2026-11-02\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_TIMESTAMP, "at: “2026-11-02” is not an RFC 3339 timestamp");
  FAILS ("{\"id\": \"a\", \"at\": \"2026-11-02T09:00:00\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_TIMESTAMP, "at: ");
  FAILS ("{\"id\": \"a\", \"at\": \"2026-02-30T09:00:00Z\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_TIMESTAMP, "at: ");
  FAILS ("{\"id\": \"a\", \"at\": 1793610000, \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_TYPE, "at: must be a string");
}

static void
test_required (void)
{
  FAILS ("{\"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_MISSING, "id: the required field is missing");
  FAILS ("{\"id\": \"a\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_MISSING, "at: the required field is missing");
  FAILS ("{\"id\": \"a\", \"at\": \"2026-11-02T09:00:00Z\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_MISSING, "decision: the required field is missing");
  FAILS ("{\"id\": \"a\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\"}",
         ONLOOP_LOG_ERROR_MISSING, "action: the required field is missing");
  FAILS ("{\"id\": \"\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_MISSING, "id: must be a non-empty string");
  FAILS ("{\"id\": 17, \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_TYPE, "id: must be a non-empty string");
  FAILS ("{\"id\": null, \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_TYPE, "id: must be a non-empty string");
  FAILS ("{\"id\": \"a\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": [\"d\"], \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_TYPE, "decision: must be a non-empty string");
  FAILS ("{}", ONLOOP_LOG_ERROR_MISSING, "id: the required field is missing");
}

static void
test_wrong_types (void)
{
  static const struct { const char *context; const char *message; } cases[] = {
    { "\"context\": {\"deal_arr\": \"50000\"}", "context.deal_arr: must be a number ≥ 0" },
    { "\"context\": {\"sentiment\": true}", "context.sentiment: must be a number between -1 and 1" },
    { "\"context\": {\"engagement\": [0.5]}", "context.engagement: must be a number between 0 and 1" },
    { "\"context\": {\"industry\": 3}", "context.industry: must be a string" },
    { "\"context\": {\"persona\": {}}", "context.persona: must be a string" },
    { "\"context\": {\"objection\": false}", "context.objection: must be a string" },
    { "\"context\": {\"stage_progressed\": \"false\"}", "context.stage_progressed: must be true or false" },
    { "\"context\": {\"stage_progressed\": 0}", "context.stage_progressed: must be true or false" },
    { "\"context\": {\"days_in_stage\": \"3\"}", "context.days_in_stage: must be a whole number ≥ 0" },
    { "\"context\": {\"tags\": \"smb\"}", "context.tags: must be an array of strings" },
    { "\"context\": {\"tags\": [\"smb\", 2]}", "context.tags: must be an array of strings" },
    { "\"context\": {\"tags\": [null]}", "context.tags: must be an array of strings" },
    { "\"context\": [1]", "context: must be an object" },
    { "\"context\": \"x\"", "context: must be an object" },
    { "\"outcome\": {\"escalated\": 1}", "outcome.escalated: must be true or false" },
    { "\"outcome\": {\"reviewed\": \"yes\"}", "outcome.reviewed: must be true or false" },
    { "\"outcome\": {\"overridden\": []}", "outcome.overridden: must be true or false" },
    { "\"outcome\": {\"quality_issue\": 0}", "outcome.quality_issue: must be true or false" },
    { "\"outcome\": {\"review_minutes\": \"5\"}", "outcome.review_minutes: must be a number ≥ 0" },
    { "\"outcome\": true", "outcome: must be an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strdup_printf ("{" HEAD ", %s}", cases[i].context);
      FAILS (line, ONLOOP_LOG_ERROR_TYPE, cases[i].message);
    }
}

static void
test_out_of_range (void)
{
  static const struct { const char *context; const char *message; } cases[] = {
    { "\"context\": {\"deal_arr\": -1}", "context.deal_arr: must be a number ≥ 0" },
    { "\"context\": {\"deal_arr\": -0.001}", "context.deal_arr: must be a number ≥ 0" },
    { "\"context\": {\"sentiment\": 1.0001}", "context.sentiment: must be a number between -1 and 1" },
    { "\"context\": {\"sentiment\": -2}", "context.sentiment: must be a number between -1 and 1" },
    { "\"context\": {\"engagement\": 1.5}", "context.engagement: must be a number between 0 and 1" },
    { "\"context\": {\"engagement\": -0.1}", "context.engagement: must be a number between 0 and 1" },
    { "\"context\": {\"days_in_stage\": -1}", "context.days_in_stage: must be a whole number ≥ 0" },
    { "\"context\": {\"days_in_stage\": 2.5}", "context.days_in_stage: must be a whole number ≥ 0" },
    { "\"context\": {\"days_in_stage\": 1e300}", "context.days_in_stage: must be a whole number ≥ 0" },
    { "\"outcome\": {\"review_minutes\": -3}", "outcome.review_minutes: must be a number ≥ 0" },
    { "\"context\": {\"deal_arr\": 1e400}", "context.deal_arr: the number is too large" },
    { "\"context\": {\"sentiment\": NaN}", "context.sentiment: NaN and Infinity are not numbers" },
    { "\"context\": {\"deal_arr\": Infinity}", "context.deal_arr: NaN and Infinity are not numbers" },
    { "\"context\": {\"sentiment\": -Infinity}", "context.sentiment: NaN and Infinity are not numbers" },
    { "\"outcome\": {\"review_minutes\": nan}", "outcome.review_minutes: NaN and Infinity" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strdup_printf ("{" HEAD ", %s}", cases[i].context);
      FAILS (line, ONLOOP_LOG_ERROR_RANGE, cases[i].message);
    }

  /* Not a number in an unknown field either. */
  FAILS ("{" HEAD ", \"score\": NaN}", ONLOOP_LOG_ERROR_RANGE, "score: NaN and Infinity");
}

static void
test_syntax (void)
{
  static const char * const lines[] = {
    "{" HEAD ",}",
    "{" HEAD "",
    "{" HEAD "} {}",
    "{\"id\" \"a\"}",
    "{'id': 'a'}",
    "{" HEAD ", \"x\": 01}",
    "{" HEAD ", \"x\": 1.}",
    "{" HEAD ", \"x\": .5}",
    "{" HEAD ", \"x\": +1}",
    "{" HEAD ", \"x\": tru}",
    "{" HEAD ", \"x\": [1,]}",
    "{" HEAD ", \"x\": \"a\\q\"}",
    "{" HEAD ", \"x\": \"a\\u12\"}",
    "{" HEAD ", \"x\": \"tab\there\"}",
    "{" HEAD ", \"x\": \"unterminated}",
    "{" HEAD "} // comment",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    FAILS (lines[i], ONLOOP_LOG_ERROR_SYNTAX, "JSON");

  FAILS ("[1, 2]", ONLOOP_LOG_ERROR_SYNTAX, "a line must hold one JSON object");
  FAILS ("\"text\"", ONLOOP_LOG_ERROR_SYNTAX, "a line must hold one JSON object");
  FAILS ("", ONLOOP_LOG_ERROR_SYNTAX, "a line must hold one JSON object");
}

static void
test_encoding (void)
{
  static const char * const bad[] = {
    "\xff",             /* never valid */
    "\xc0\xaf",         /* overlong '/' */
    "\xe0\x80\xaf",     /* overlong */
    "\xed\xa0\x80",     /* an encoded surrogate */
    "\xf4\x90\x80\x80", /* above U+10FFFF */
    "\xc3",             /* cut short */
    "\xe2\x82",         /* cut short */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *line = g_strdup_printf ("{" HEAD ", \"context\": {\"industry\": \"a%sb\"}}", bad[i]);
      FAILS (line, ONLOOP_LOG_ERROR_ENCODING, "invalid UTF-8 at column");
    }

  FAILS ("{" HEAD ", \"x\": \"\\ud800\"}", ONLOOP_LOG_ERROR_ENCODING, "surrogate");
  FAILS ("{" HEAD ", \"x\": \"\\udc00\\ud800\"}", ONLOOP_LOG_ERROR_ENCODING, "surrogate");
  FAILS ("{\"id\": \"a\\u0000b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"x\"}",
         ONLOOP_LOG_ERROR_ENCODING, "NUL");
  /* A NUL byte in the line itself is not JSON. */
  assert_fails ("{\"id\": \"a\0b\"}", 13, ONLOOP_LOG_ERROR_SYNTAX, "control character");
}

static void
test_duplicate_field (void)
{
  FAILS ("{" HEAD ", \"id\": \"e2\"}", ONLOOP_LOG_ERROR_DUPLICATE, "id: the field appears twice");
  FAILS ("{" HEAD ", \"context\": {\"sentiment\": 0.1, \"sentiment\": 0.2}}",
         ONLOOP_LOG_ERROR_DUPLICATE, "context.sentiment: the field appears twice");
  FAILS ("{" HEAD ", \"context\": {}, \"context\": {}}",
         ONLOOP_LOG_ERROR_DUPLICATE, "context: the field appears twice");
}

static void
test_deep_nesting (void)
{
  GString *line = g_string_new ("{" HEAD ", \"deep\": ");
  g_autoptr(OnloopEvent) ok = NULL;
  g_autofree char *at_limit = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (line, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (line, ']');
  g_string_append_c (line, '}');
  assert_fails (line->str, line->len, ONLOOP_LOG_ERROR_TOO_DEEP, "nested deeper than 64 levels");
  g_string_free (line, TRUE);

  /* The line's object is level 1, so 63 levels inside it are fine. */
  line = g_string_new ("{" HEAD ", \"deep\": ");
  for (int i = 0; i < ONLOOP_LOG_MAX_DEPTH - 1; i++)
    g_string_append (line, "{\"a\":");
  g_string_append (line, "1");
  for (int i = 0; i < ONLOOP_LOG_MAX_DEPTH - 1; i++)
    g_string_append_c (line, '}');
  g_string_append_c (line, '}');
  at_limit = g_string_free (line, FALSE);
  ok = parse_ok (at_limit);
  g_assert_nonnull (ok->extra);

  /* A deep array at the top is refused before it is walked. */
  line = g_string_new (NULL);
  for (int i = 0; i < 100000; i++)
    g_string_append_c (line, '[');
  assert_fails (line->str, line->len, ONLOOP_LOG_ERROR_SYNTAX, "one JSON object");
  g_string_free (line, TRUE);
}

static void
test_too_long (void)
{
  gsize len = ONLOOP_LOG_MAX_LINE_LENGTH + 1;
  g_autofree char *line = g_malloc (len);

  memset (line, ' ', len);
  line[0] = '{';
  line[len - 1] = '}';
  assert_fails (line, len, ONLOOP_LOG_ERROR_TOO_LONG, "longer than the limit of 1048576 bytes");
}

static void
test_crlf_and_blank (void)
{
  const char *line = "{" HEAD "}\r";
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopEvent) e = onloop_event_parse (line, strlen (line), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (e->action, ==, "send");

  g_assert_true (onloop_log_line_is_blank ("", 0));
  g_assert_true (onloop_log_line_is_blank (" \t\r", 3));
  g_assert_false (onloop_log_line_is_blank (" {}", 3));
}

static void
test_parser_reuse (void)
{
  g_autoptr(OnloopLogParser) parser = onloop_log_parser_new ();
  g_autoptr(GError) error = NULL;
  OnloopEvent event = { 0 };
  const char *first = "{" HEAD ", \"context\": {\"industry\": \"Retail\", \"tags\": [\"a\"]}, \"x\": 1}";
  const char *bad = "{" HEAD ", \"context\": {\"sentiment\": 3}}";
  const char *second = "{\"id\": \"e2\", \"at\": \"2026-11-03T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\"}";

  g_assert_true (onloop_log_parser_parse (parser, first, strlen (first), &event, &error));
  g_assert_cmpstr (event.industry, ==, "Retail");
  g_assert_false (onloop_log_parser_parse (parser, bad, strlen (bad), &event, &error));
  g_assert_error (error, ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_RANGE);
  g_assert_null (event.id);
  g_clear_error (&error);

  /* Nothing of the earlier lines leaks into the next. */
  g_assert_true (onloop_log_parser_parse (parser, second, strlen (second), &event, &error));
  g_assert_cmpstr (event.id, ==, "e2");
  g_assert_null (event.industry);
  g_assert_null (event.tags);
  g_assert_null (event.extra);
  g_assert_cmphex (event.has, ==, 0);
  onloop_event_clear (&event);
}

static void
test_normalize (void)
{
  g_autofree char *a = onloop_normalize_value ("  Retail \t");
  g_autofree char *b = onloop_normalize_value ("RETAIL");
  g_autofree char *c = onloop_normalize_value ("\xc3\x89NERGIE\xe2\x80\x83");  /* ÉNERGIE + em space */
  g_autofree char *d = onloop_normalize_value ("\xc3\xa9nergie");

  g_assert_cmpstr (a, ==, "retail");
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, d);
  g_assert_null (onloop_normalize_value ("   "));
  g_assert_null (onloop_normalize_value (""));
  g_assert_null (onloop_normalize_value (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/log/parse/all-fields", test_all_fields);
  g_test_add_func ("/log/parse/minimal", test_minimal);
  g_test_add_func ("/log/parse/null-is-absent", test_null_is_absent);
  g_test_add_func ("/log/parse/unknown-fields-kept", test_unknown_fields_kept);
  g_test_add_func ("/log/parse/strings-decoded", test_strings_decoded);
  g_test_add_func ("/log/parse/numbers", test_numbers);
  g_test_add_func ("/log/parse/timestamps", test_timestamps);
  g_test_add_func ("/log/parse/rejects-missing-required", test_required);
  g_test_add_func ("/log/parse/rejects-wrong-types", test_wrong_types);
  g_test_add_func ("/log/parse/rejects-out-of-range", test_out_of_range);
  g_test_add_func ("/log/parse/rejects-bad-json", test_syntax);
  g_test_add_func ("/log/parse/rejects-invalid-utf8", test_encoding);
  g_test_add_func ("/log/parse/rejects-duplicate-field", test_duplicate_field);
  g_test_add_func ("/log/parse/rejects-deep-nesting", test_deep_nesting);
  g_test_add_func ("/log/parse/rejects-long-line", test_too_long);
  g_test_add_func ("/log/parse/crlf-and-blank", test_crlf_and_blank);
  g_test_add_func ("/log/parse/parser-reuse", test_parser_reuse);
  g_test_add_func ("/log/parse/normalize-value", test_normalize);

  return g_test_run ();
}
