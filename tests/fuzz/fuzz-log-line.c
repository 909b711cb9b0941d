/* fuzz-log-line.c: the decision log line parser (PRODUCT.md §2)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is one line. It goes through both the allocation-free parser,
 * into an arena of exactly the size its header asks for (so that writing
 * past it is caught), and the public one; both must agree. An event that
 * parsed must keep the ranges of §2, and its tags and unknown fields must
 * be JSON that json-glib reads.
 */

#include <math.h>

#include <json-glib/json-glib.h>

#include "fuzz-common.h"
#include "onloop-log-parser-private.h"

static void
check_json (const OnloopSpan *span,
            JsonNodeType      type,
            const char       *what)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (span->str == NULL)
    return;

  FUZZ_CHECK (strlen (span->str) == span->len, "a span is NUL-terminated at its length");
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, span->str, span->len, &error))
    fprintf (stderr, "%s is not JSON: %s\n%s\n", what, error->message, span->str);
  FUZZ_CHECK (error == NULL, "kept JSON text is JSON");
  FUZZ_CHECK (JSON_NODE_TYPE (json_parser_get_root (parser)) == type, "kept JSON has its type");
}

static void
check_string (const char *value,
              gboolean    required)
{
  if (value == NULL)
    {
      FUZZ_CHECK (!required, "a required field is set");
      return;
    }
  FUZZ_CHECK (g_utf8_validate (value, -1, NULL), "strings are UTF-8");
  if (required)
    FUZZ_CHECK (value[0] != '\0', "required strings are not empty");
}

static void
check_event (const OnloopEvent *event)
{
  check_string (event->id, TRUE);
  check_string (event->at_text, TRUE);
  check_string (event->decision, TRUE);
  check_string (event->action, TRUE);
  check_string (event->industry, FALSE);
  check_string (event->persona, FALSE);
  check_string (event->objection, FALSE);

  if (event->has & ONLOOP_EVENT_HAS_DEAL_ARR)
    FUZZ_CHECK (isfinite (event->deal_arr) && event->deal_arr >= 0, "deal_arr ≥ 0");
  if (event->has & ONLOOP_EVENT_HAS_SENTIMENT)
    FUZZ_CHECK (event->sentiment >= -1 && event->sentiment <= 1, "sentiment in [-1, 1]");
  if (event->has & ONLOOP_EVENT_HAS_ENGAGEMENT)
    FUZZ_CHECK (event->engagement >= 0 && event->engagement <= 1, "engagement in [0, 1]");
  if (event->has & ONLOOP_EVENT_HAS_DAYS_IN_STAGE)
    FUZZ_CHECK (event->days_in_stage >= 0, "days_in_stage ≥ 0");
  if (event->has & ONLOOP_EVENT_HAS_REVIEW_MINUTES)
    FUZZ_CHECK (isfinite (event->review_minutes) && event->review_minutes >= 0,
                "review_minutes ≥ 0");
  FUZZ_CHECK ((event->tags != NULL) == ((event->has & ONLOOP_EVENT_HAS_TAGS) != 0),
              "tags are set iff HAS_TAGS");
  for (guint i = 0; event->tags != NULL && event->tags[i] != NULL; i++)
    check_string (event->tags[i], FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static OnloopLogParser *parser;
  const char *line = (const char *) data;
  OnloopEvent event = { 0 };
  OnloopEventView view;
  g_autoptr(GError) view_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopEvent) one_shot = NULL;
  g_autoptr(GError) one_shot_error = NULL;
  gboolean parsed;
  gsize need, used;
  char *arena;

  if (parser == NULL)
    parser = onloop_log_parser_new ();

  if (onloop_log_line_is_blank (line, size))
    return 0;

  /* Lines longer than the limit are refused before the arena is sized. */
  need = ONLOOP_LOG_ARENA_NEED (MIN (size, (gsize) ONLOOP_LOG_MAX_LINE_LENGTH + 1));
  arena = g_malloc (need);
  used = onloop_log_parser_parse_view (parser, line, size, &view, arena, &view_error);
  if (used == 0)
    fuzz_check_error (view_error, ONLOOP_LOG_ERROR, NULL);
  else
    {
      FUZZ_CHECK (used <= need, "the arena is big enough");
      check_json (&view.extra, JSON_NODE_OBJECT, "extra");
      check_json (&view.tags_json, JSON_NODE_ARRAY, "tags");
    }
  g_free (arena);

  parsed = onloop_log_parser_parse (parser, line, size, &event, &error);
  FUZZ_CHECK (parsed == (used != 0), "both parsers agree");
  if (parsed)
    {
      check_event (&event);
      if (event.extra != NULL)
        {
          OnloopSpan extra = { event.extra, strlen (event.extra) };
          check_json (&extra, JSON_NODE_OBJECT, "extra");
        }
    }
  else
    {
      fuzz_check_error (error, ONLOOP_LOG_ERROR, NULL);
      fuzz_check_same (error->message, view_error->message, "both parsers give the same message");
    }
  onloop_event_clear (&event);

  /* The parser keeps scratch buffers between lines; a fresh one must say
   * the same. */
  one_shot = onloop_event_parse (line, size, &one_shot_error);
  FUZZ_CHECK ((one_shot != NULL) == parsed, "a fresh parser agrees");

  return 0;
}
