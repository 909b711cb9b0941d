/* test-spec-lint.c: warnings about a spec before it is published
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onloop-log.h"
#include "onloop-spec-lint.h"
#include "onloop-store-log.h"
#include "onloop-test-util.h"

static const char *log_lines =
  "{\"id\": \"a\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"follow-up-timing\", \"action\": \"send\", \"context\": {\"deal_arr\": 10000, \"sentiment\": 0.2}}\n"
  "{\"id\": \"b\", \"at\": \"2026-11-02T10:00:00Z\", \"decision\": \"follow-up-timing\", \"action\": \"send\", \"context\": {\"deal_arr\": 60000, \"sentiment\": -0.5}}\n"
  "{\"id\": \"c\", \"at\": \"2026-11-03T09:00:00Z\", \"decision\": \"crm-updates\", \"action\": \"update\", \"context\": {\"deal_arr\": 90000, \"sentiment\": -0.9}}\n"
  "{\"id\": \"d\", \"at\": \"2026-11-03T10:00:00Z\", \"decision\": \"crm-updates\", \"action\": \"update\", \"context\": {\"deal_arr\": 95000}}\n";

static OnloopSpec *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  OnloopSpec *spec = onloop_spec_parse (json, -1, &error);

  g_assert_no_error (error);
  return spec;
}

static OnloopLog *
make_log (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopStore) store = NULL;
  char *dir = onloop_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.onloop", NULL);
  g_autofree char *log_path = g_build_filename (dir, "log.jsonl", NULL);
  OnloopLog *log;

  store = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  onloop_test_write (log_path, log_lines, -1);
  g_assert_true (onloop_store_import_log (store, log_path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  log = onloop_log_load (store, NULL, &error);
  g_assert_no_error (error);
  *dir_out = dir;
  return log;
}

static guint
count_kind (GPtrArray      *warnings,
            OnloopLintKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < warnings->len; i++)
    n += ((OnloopLintWarning *) g_ptr_array_index (warnings, i))->kind == kind;
  return n;
}

static OnloopLintWarning *
find (GPtrArray      *warnings,
      OnloopLintKind  kind)
{
  for (guint i = 0; i < warnings->len; i++)
    if (((OnloopLintWarning *) g_ptr_array_index (warnings, i))->kind == kind)
      return g_ptr_array_index (warnings, i);
  return NULL;
}

#define DECISIONS \
  "\"decisions\": [" \
  " {\"key\": \"follow-up-timing\", \"title\": \"Follow-up timing\", \"category\": \"execution\"," \
  "  \"may\": [{\"id\": \"send\", \"label\": \"Send follow-ups\"}, {\"id\": \"price\", \"label\": \"Quote a price\"}]," \
  "  \"uses\": [{\"id\": \"price\", \"label\": \"Price list\"}]," \
  "  \"must_not\": [{\"id\": \"price\", \"label\": \"Quote a price\"}]}," \
  " {\"key\": \"crm-updates\", \"title\": \"CRM updates\", \"category\": \"execution\"}," \
  " {\"key\": \"discount\", \"title\": \"Discount approval\", \"category\": \"judgment\"," \
  "  \"must_not\": [{\"id\": \"approve\", \"label\": \"Approve\"}]}," \
  " {\"key\": \"pricing\", \"title\": \"Pricing\", \"category\": \"judgment\"}," \
  " {\"key\": \"later\", \"title\": \"Later\", \"category\": \"unsorted\"}]"

static void
test_boundary_rules (void)
{
  g_autoptr(OnloopSpec) spec = parse ("{\"format\": \"onloop.spec/1\", " DECISIONS ", \"triggers\": []}");
  g_autoptr(GPtrArray) warnings = onloop_spec_lint (spec, NULL, NULL);
  OnloopLintWarning *warning;

  g_assert_cmpuint (warnings->len, ==, 3);

  /* In may and must_not (not uses): on the item, of its decision. */
  warning = find (warnings, ONLOOP_LINT_MAY_AND_MUST_NOT);
  g_assert_nonnull (warning);
  g_assert_cmpstr (warning->decision, ==, "follow-up-timing");
  g_assert_cmpstr (warning->item, ==, "price");
  g_assert_null (warning->trigger);
  g_assert_nonnull (strstr (warning->message, "Quote a price"));

  warning = find (warnings, ONLOOP_LINT_EXECUTION_NO_BOUNDARY);
  g_assert_cmpstr (warning->decision, ==, "crm-updates");
  g_assert_null (warning->item);
  g_assert_nonnull (strstr (warning->message, "CRM updates"));

  /* A judgment decision with a boundary; one without is fine, and
   * unsorted decisions are not judged. */
  warning = find (warnings, ONLOOP_LINT_JUDGMENT_WITH_BOUNDARY);
  g_assert_cmpstr (warning->decision, ==, "discount");
  g_assert_cmpuint (count_kind (warnings, ONLOOP_LINT_JUDGMENT_WITH_BOUNDARY), ==, 1);

  /* Filtering by place. */
  {
    g_autoptr(GPtrArray) decision_only = onloop_lint_filter (warnings, "follow-up-timing", NULL, FALSE);
    g_autoptr(GPtrArray) with_items = onloop_lint_filter (warnings, "follow-up-timing", NULL, TRUE);
    g_assert_cmpuint (decision_only->len, ==, 0);
    g_assert_cmpuint (with_items->len, ==, 1);
  }
}

static void
test_trigger_rules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OnloopLog) log = make_log (&dir);
  g_autoptr(OnloopSpec) spec = parse (
    "{\"format\": \"onloop.spec/1\", \"decisions\": ["
    " {\"key\": \"crm-updates\", \"title\": \"CRM updates\", \"category\": \"execution\","
    "  \"may\": [{\"id\": \"update\", \"label\": \"Update\"}]},"
    " {\"key\": \"pricing\", \"title\": \"Pricing\", \"category\": \"judgment\"}"
    "], \"triggers\": ["
    " {\"id\": \"huge\", \"kind\": \"deal_size\", \"min_arr\": 1000000},"
    " {\"id\": \"any-deal\", \"kind\": \"deal_size\", \"min_arr\": 0},"
    " {\"id\": \"fine\", \"kind\": \"deal_size\", \"min_arr\": 50000},"
    " {\"id\": \"off\", \"kind\": \"deal_size\", \"enabled\": false, \"min_arr\": 1000000},"
    " {\"id\": \"crm-big\", \"kind\": \"deal_size\", \"min_arr\": 80000, \"decisions\": [\"crm-updates\"]},"
    " {\"id\": \"sad\", \"kind\": \"sentiment\", \"below\": -0.4},"
    " {\"id\": \"nowhere\", \"kind\": \"sentiment\", \"below\": 0.5, \"decisions\": [\"pricing\"]}"
    "]}");
  g_autoptr(GPtrArray) warnings = onloop_spec_lint (spec, log, NULL);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) huge = onloop_lint_filter (warnings, NULL, "huge", FALSE);
  g_autoptr(GPtrArray) any = onloop_lint_filter (warnings, NULL, "any-deal", FALSE);
  g_autoptr(GPtrArray) crm = onloop_lint_filter (warnings, NULL, "crm-big", FALSE);
  g_autoptr(GPtrArray) nowhere = onloop_lint_filter (warnings, NULL, "nowhere", FALSE);

  g_assert_cmpuint (huge->len, ==, 1);
  g_assert_cmpint (((OnloopLintWarning *) g_ptr_array_index (huge, 0))->kind, ==,
                   ONLOOP_LINT_TRIGGER_NEVER_FIRES);
  g_assert_cmpuint (any->len, ==, 1);
  g_assert_cmpint (((OnloopLintWarning *) g_ptr_array_index (any, 0))->kind, ==,
                   ONLOOP_LINT_TRIGGER_ALWAYS_FIRES);
  /* Scoped: every event of crm-updates is ≥ 80,000, so "every event it
   * applies to". */
  g_assert_cmpuint (crm->len, ==, 1);
  g_assert_cmpint (((OnloopLintWarning *) g_ptr_array_index (crm, 0))->kind, ==,
                   ONLOOP_LINT_TRIGGER_ALWAYS_FIRES);
  g_assert_nonnull (strstr (((OnloopLintWarning *) g_ptr_array_index (crm, 0))->message, "all 2 events"));
  /* No event in scope at all. */
  g_assert_cmpuint (nowhere->len, ==, 1);
  g_assert_nonnull (strstr (((OnloopLintWarning *) g_ptr_array_index (nowhere, 0))->message,
                            "no event"));

  none = onloop_lint_filter (warnings, NULL, "fine", FALSE);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = onloop_lint_filter (warnings, NULL, "off", FALSE);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_ptr_array_unref);
  /* "sad" fires on b and c, not on a; d has no sentiment. */
  none = onloop_lint_filter (warnings, NULL, "sad", FALSE);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 4);

  /* Without a log, nothing is said about triggers. */
  {
    g_autoptr(GPtrArray) without = onloop_spec_lint (spec, NULL, NULL);
    g_assert_cmpuint (without->len, ==, 0);
  }

  onloop_test_remove_dir (dir);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OnloopLog) log = make_log (&dir);
  g_autoptr(OnloopSpec) spec = parse (
    "{\"format\": \"onloop.spec/1\", \"decisions\": [], \"triggers\": ["
    " {\"id\": \"huge\", \"kind\": \"deal_size\", \"min_arr\": 1000000}]}");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_null (onloop_spec_lint (spec, log, cancellable));
  onloop_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spec-lint/boundary-rules-point-at-decision-and-item", test_boundary_rules);
  g_test_add_func ("/spec-lint/trigger-never-or-always-fires-on-the-log", test_trigger_rules);
  g_test_add_func ("/spec-lint/cancelled-returns-null", test_cancelled);

  return g_test_run ();
}
