/* test-demo.c: the demo workspace tells its story, the same every time
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-demo.h"
#include "onloop-engine.h"
#include "onloop-map-io.h"
#include "onloop-store-engine.h"
#include "onloop-store-map.h"
#include "onloop-store-review.h"
#include "onloop-store-spec.h"
#include "onloop-store-time-entry.h"
#include "onloop-test-util.h"

static char *dir;
static OnloopStore *demo;     /* made once, read by the tests */

static OnloopStore *
make_demo (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  OnloopStore *store;

  onloop_demo_create (path, &error);
  g_assert_no_error (error);
  store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  return store;
}

static gboolean
digest_event (const OnloopEventRow *row,
              gpointer              user_data)
{
  g_autofree char *text =
    g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s|%s|%.17g|%.17g|%.17g|%d|%" G_GINT64_FORMAT
                     "|%s|%s|%s|%s|%d|%d|%d|%d\n",
                     row->id, row->at, row->decision, row->action, row->deal_arr, row->sentiment,
                     row->engagement, row->stage_progressed, row->days_in_stage,
                     row->industry ? row->industry : "", row->persona ? row->persona : "",
                     row->objection ? row->objection : "", row->tags ? row->tags : "",
                     row->rec_escalated, row->reviewed, row->overridden, row->quality_issue);

  g_checksum_update (user_data, (const guchar *) text, -1);
  return TRUE;
}

/* Everything a person can see of a workspace, as one hash. */
static char *
workspace_digest (OnloopStore *store)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) specs = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *map = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *hours = NULL;

  map = onloop_map_export (store, ONLOOP_MAP_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_checksum_update (sum, (const guchar *) map, -1);

  specs = onloop_store_list_specs (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < specs->len; i++)
    {
      g_autofree char *json = onloop_spec_to_json (g_ptr_array_index (specs, i));
      g_checksum_update (sum, (const guchar *) json, -1);
    }

  onloop_store_scan_events (store, digest_event, sum, NULL, &error);
  g_assert_no_error (error);

  checks = onloop_store_list_spot_checks (store, NULL, &error);
  g_assert_no_error (error);
  marks = onloop_spot_checks_to_json (checks);
  g_checksum_update (sum, (const guchar *) marks, -1);

  entries = onloop_store_list_time_entries (store, 0, 0, &error);
  g_assert_no_error (error);
  hours = onloop_time_entries_to_json (entries);
  g_checksum_update (sum, (const guchar *) hours, -1);

  weeks = onloop_engine_read_metrics (store, ONLOOP_RANGE_ALL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < weeks->len; i++)
    {
      OnloopWeekMetrics *m = &g_array_index (weeks, OnloopWeekMetrics, i);
      g_autofree char *text = g_strdup_printf ("%d %u %u %u %u %u %u %u\n", m->week, m->events,
                                               m->escalated, m->interventions, m->overrides,
                                               m->false_negatives, m->drift, m->verdicts);
      g_checksum_update (sum, (const guchar *) text, -1);
    }

  return g_strdup (g_checksum_get_string (sum));
}

static void
test_deterministic (void)
{
  g_autoptr(OnloopStore) again = make_demo ("again.onloop");
  g_autofree char *a = workspace_digest (demo);
  g_autofree char *b = workspace_digest (again);

  g_assert_cmpstr (a, ==, b);
}

static void
test_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = onloop_store_list_decisions (demo, &error);
  g_auto(GStrv) workflows = onloop_store_list_workflows (demo, &error);
  guint counts[ONLOOP_N_CATEGORIES] = { 0 };
  guint mismatches = 0;
  double share;

  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, >=, 24);
  g_assert_cmpuint (g_strv_length (workflows), ==, 6);

  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *d = g_ptr_array_index (decisions, i);

      counts[onloop_decision_get_category (d)]++;
      if (onloop_decision_has_mismatch (d))
        mismatches++;
      g_assert_cmpstr (onloop_decision_get_description (d), !=, "");
      g_assert_cmpfloat (onloop_decision_get_frequency (d), >, 0);
      g_assert_nonnull (onloop_decision_get_workflow (d));
    }

  /* About 65 % of the sorted cards are execution; a few wait unsorted. */
  share = (double) counts[ONLOOP_CATEGORY_EXECUTION] /
          (counts[ONLOOP_CATEGORY_EXECUTION] + counts[ONLOOP_CATEGORY_JUDGMENT]);
  g_assert_cmpfloat (share, >=, 0.60);
  g_assert_cmpfloat (share, <=, 0.70);
  g_assert_cmpuint (counts[ONLOOP_CATEGORY_UNSORTED], >=, 2);
  /* The suggestion badge has something to show. */
  g_assert_cmpuint (mismatches, >=, 2);
}

static void
test_spec (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = onloop_store_list_versions (demo, &error);
  g_autoptr(OnloopSpec) latest = onloop_store_load_spec_named (demo, "latest", &error);
  const char *ids[] = { "deal-size", "negative-sentiment", "first-time", "conflicting-signals", "ethical" };
  guint n_execution = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  for (guint i = 0; i < versions->len; i++)
    {
      OnloopSpecVersionInfo *info = g_ptr_array_index (versions, i);

      g_assert_cmpint (info->version, ==, i + 1);
      g_assert_cmpuint (strlen (info->note), >, 20);
      /* Published in the past, inside the twelve weeks. */
      g_assert_cmpint (onloop_week_from_usec (info->published_usec), >=, ONLOOP_DEMO_FIRST_WEEK);
      g_assert_cmpint (onloop_week_from_usec (info->published_usec), <=, ONLOOP_DEMO_LAST_WEEK);
      if (i > 0)
        g_assert_cmpint (info->published_usec, >,
                         ((OnloopSpecVersionInfo *) g_ptr_array_index (versions, i - 1))->published_usec);
    }

  g_assert_cmpuint (latest->triggers->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (((OnloopTrigger *) g_ptr_array_index (latest->triggers, i))->id, ==, ids[i]);

  /* Every execution decision has a boundary, with labels for people. */
  for (guint i = 0; i < latest->decisions->len; i++)
    {
      OnloopSpecDecision *d = g_ptr_array_index (latest->decisions, i);
      GPtrArray *lists[] = { d->may, d->uses, d->must_not };

      if (d->category != ONLOOP_CATEGORY_EXECUTION)
        continue;
      n_execution++;
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          g_assert_cmpuint (lists[l]->len, >, 0);
          for (guint k = 0; k < lists[l]->len; k++)
            {
              OnloopBoundaryItem *item = g_ptr_array_index (lists[l], k);
              g_assert_cmpstr (item->label, !=, item->id);
              g_assert_cmpuint (strlen (item->label), >, 0);
            }
        }
    }
  g_assert_cmpuint (n_execution, ==, onloop_store_count_decisions (demo, ONLOOP_CATEGORY_EXECUTION));

  /* The workspace opens with nothing unpublished. */
  g_assert_false (onloop_store_has_unpublished_changes (demo));
}

static void
test_story (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = onloop_engine_read_metrics (demo, ONLOOP_RANGE_ALL, NULL, &error);
  gboolean shadow_in_the_loop, loose_with_gaps = FALSE, ends_on_target;
  guint above_override = 0, drift = 0, too_sensitive = 0;
  OnloopWeekMetrics *first, *last;

  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 12);

  for (guint i = 0; i < weeks->len; i++)
    {
      OnloopWeekMetrics *m = &g_array_index (weeks, OnloopWeekMetrics, i);

      g_assert_cmpint (m->week, ==, ONLOOP_DEMO_FIRST_WEEK + (int) i);
      /* A few thousand events a week. */
      g_assert_cmpuint (m->events, >=, 2000);
      g_assert_cmpuint (m->events, <, 10000);
      if ((m->verdicts & ONLOOP_VERDICT_TOO_LOOSE) && m->false_negatives > 0)
        loose_with_gaps = TRUE;
      if (m->override_rate > 0.30)
        above_override++;
      if (m->verdicts & ONLOOP_VERDICT_TOO_SENSITIVE)
        too_sensitive++;
      drift += m->drift;
    }

  first = &g_array_index (weeks, OnloopWeekMetrics, 0);
  last = &g_array_index (weeks, OnloopWeekMetrics, weeks->len - 1);

  /* A shadow start (people still see a fifth of everything), a too-loose
   * stretch with trigger gaps, then the last weeks in the 10–15 % band. */
  shadow_in_the_loop = (first->verdicts & ONLOOP_VERDICT_IN_THE_LOOP) != 0;
  g_assert_true (shadow_in_the_loop);
  g_assert_true (loose_with_gaps);
  ends_on_target = TRUE;
  for (guint i = weeks->len - 3; i < weeks->len; i++)
    ends_on_target &= (g_array_index (weeks, OnloopWeekMetrics, i).verdicts & ONLOOP_VERDICT_ON_TARGET) != 0;
  g_assert_true (ends_on_target);

  /* Overrides mostly above 30 %, at most one too-sensitive week. */
  g_assert_cmpuint (above_override, >=, 10);
  g_assert_cmpuint (too_sensitive, <=, 1);
  g_assert_cmpuint (drift, >, 0);

  /* Time moves from execution oversight to judgment work. */
  g_assert_cmpfloat (last->judgment_share, >, first->judgment_share + 0.2);
  g_assert_cmpfloat (last->hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT], <,
                     first->hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT] / 2);
}

static void
test_reviews_and_time (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = onloop_store_list_time_entries (demo, 0, 0, &error);
  g_auto(GStrv) managers = onloop_store_list_managers (demo, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (managers), ==, 2);
  g_assert_cmpuint (entries->len, ==, 24);
  g_assert_cmpuint (onloop_store_count_spot_checks (demo, ONLOOP_SPOT_CHECK_OK), >=, 10);
  g_assert_cmpuint (onloop_store_count_spot_checks (demo, ONLOOP_SPOT_CHECK_QUALITY_ISSUE), >=, 1);
}

static void
test_refuses_existing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "precious.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.onloop", NULL);
  g_autoptr(GBytes) after = NULL;

  onloop_test_write (path, "keep me", -1);
  g_assert_false (onloop_demo_create (path, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  after = onloop_test_read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "keep me", 7);
  g_clear_error (&error);

  /* An empty file (made by mktemp, say) is as good as a new one. */
  onloop_test_write (empty, "", 0);
  onloop_demo_create (empty, &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_check_file (empty, NULL));

  /* And an existing workspace is never filled twice. */
  g_assert_false (onloop_demo_populate (demo, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = onloop_test_make_dir ();
  demo = make_demo ("demo.onloop");

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/map", test_map);
  g_test_add_func ("/demo/spec-versions-and-boundaries", test_spec);
  g_test_add_func ("/demo/weeks-tell-the-story", test_story);
  g_test_add_func ("/demo/reviews-and-time", test_reviews_and_time);
  g_test_add_func ("/demo/refuses-an-existing-file", test_refuses_existing_file);

  status = g_test_run ();

  g_clear_object (&demo);
  onloop_test_remove_dir (dir);
  g_free (dir);
  return status;
}
