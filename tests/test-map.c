/* test-map.c: the decision map in the store, and its undo stack
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-map-command.h"
#include "onloop-slug.h"
#include "onloop-store-map.h"
#include "onloop-test-util.h"

typedef struct
{
  char            *dir;
  char            *path;
  OnloopStore     *store;
  OnloopUndoStack *undo;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *titles[] = { "Follow-up timing", "CRM field updates", "Meeting scheduling",
                           "Lead scoring", NULL };

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "map.onloop", NULL);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->undo = onloop_undo_stack_new (f->store);

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autofree char *key = onloop_store_new_decision_key (f->store, titles[i]);
      g_autoptr(OnloopDecision) decision = onloop_decision_new (key, titles[i]);

      onloop_decision_set_position (decision, i);
      onloop_store_insert_decision (f->store, decision, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->undo);
  g_clear_object (&f->store);
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The map as text: "unsorted: a b | execution: c | judgment:". */
static char *
describe_map (OnloopStore *store)
{
  g_autoptr(GPtrArray) decisions = onloop_store_list_decisions (store, NULL);
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
    {
      guint expected_position = 0;

      g_string_append_printf (text, "%s%s:", c > 0 ? " | " : "", onloop_category_to_string (c));
      for (guint i = 0; i < decisions->len; i++)
        {
          OnloopDecision *d = decisions->pdata[i];

          if (onloop_decision_get_category (d) != c)
            continue;
          /* Positions stay dense: 0, 1, 2 … in every column. */
          g_assert_cmpuint (onloop_decision_get_position (d), ==, expected_position++);
          g_string_append_printf (text, " %s", onloop_decision_get_key (d));
        }
    }

  return g_string_free (text, FALSE);
}

#define assert_map(store, expected) \
  G_STMT_START { \
    g_autofree char *_text = describe_map (store); \
    g_assert_cmpstr (_text, ==, expected); \
  } G_STMT_END

static void
move (Fixture        *f,
      const char     *key,
      OnloopCategory  category,
      guint           index)
{
  g_autoptr(OnloopCommand) command = onloop_map_command_new_move (key, NULL, category, index);
  g_autoptr(GError) error = NULL;

  onloop_undo_stack_push (f->undo, command, &error);
  g_assert_no_error (error);
}

static void
test_move_between_columns (Fixture       *f,
                           gconstpointer  data)
{
  assert_map (f->store, "unsorted: follow-up-timing crm-field-updates meeting-scheduling "
                        "lead-scoring | execution: | judgment:");

  move (f, "crm-field-updates", ONLOOP_CATEGORY_EXECUTION, 0);
  move (f, "lead-scoring", ONLOOP_CATEGORY_EXECUTION, 0);
  move (f, "follow-up-timing", ONLOOP_CATEGORY_JUDGMENT, 5);
  assert_map (f->store, "unsorted: meeting-scheduling | execution: lead-scoring "
                        "crm-field-updates | judgment: follow-up-timing");
}

static void
test_undo_redo_restore_order (Fixture       *f,
                              gconstpointer  data)
{
  const char *start = "unsorted: follow-up-timing crm-field-updates meeting-scheduling "
                      "lead-scoring | execution: | judgment:";
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  move (f, "meeting-scheduling", ONLOOP_CATEGORY_EXECUTION, 0);
  move (f, "lead-scoring", ONLOOP_CATEGORY_UNSORTED, 0);      /* reorder within a column */
  move (f, "follow-up-timing", ONLOOP_CATEGORY_EXECUTION, 0);
  after = describe_map (f->store);
  g_assert_cmpstr (after, ==, "unsorted: lead-scoring crm-field-updates | execution: "
                              "follow-up-timing meeting-scheduling | judgment:");
  g_assert_cmpstr (onloop_undo_stack_get_undo_label (f->undo), ==, "Move “follow-up-timing”");

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (onloop_undo_stack_undo (f->undo, &error));
      g_assert_no_error (error);
    }
  assert_map (f->store, start);
  g_assert_false (onloop_undo_stack_can_undo (f->undo));

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (onloop_undo_stack_redo (f->undo, &error));
      g_assert_no_error (error);
    }
  assert_map (f->store, after);
  g_assert_false (onloop_undo_stack_can_redo (f->undo));
}

static void
test_add_edit_delete_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(OnloopDecision) added = onloop_decision_new ("pricing-exceptions", "Pricing exceptions");
  g_autoptr(OnloopDecision) before = NULL;
  g_autoptr(OnloopDecision) after = NULL;
  g_autoptr(OnloopDecision) reread = NULL;
  g_autoptr(OnloopCommand) add = NULL;
  g_autoptr(OnloopCommand) edit = NULL;
  g_autoptr(OnloopCommand) delete = NULL;
  g_autoptr(GError) error = NULL;

  onloop_decision_set_category (added, ONLOOP_CATEGORY_JUDGMENT);
  onloop_decision_set_workflow (added, "Deal desk");
  add = onloop_map_command_new_add (added);
  g_assert_true (onloop_undo_stack_push (f->undo, add, &error));
  g_assert_no_error (error);

  before = onloop_store_get_decision (f->store, "pricing-exceptions", &error);
  g_assert_no_error (error);
  after = onloop_decision_copy (before);
  onloop_decision_set_title (after, "Approve a non-standard discount");
  onloop_decision_set_criterion (after, ONLOOP_CRITERION_REVERSIBLE, ONLOOP_ANSWER_NO);
  onloop_decision_set_frequency (after, 12);
  edit = onloop_map_command_new_edit (before, after);
  g_assert_true (onloop_undo_stack_push (f->undo, edit, &error));

  reread = onloop_store_get_decision (f->store, "pricing-exceptions", &error);
  g_assert_true (onloop_decision_equal (reread, after));
  g_assert_cmpint (onloop_decision_get_suggestion (reread), ==, ONLOOP_CATEGORY_JUDGMENT);
  g_clear_object (&reread);

  delete = onloop_map_command_new_delete (after);
  g_assert_true (onloop_undo_stack_push (f->undo, delete, &error));
  g_assert_null (onloop_store_get_decision (f->store, "pricing-exceptions", NULL));

  g_assert_true (onloop_undo_stack_undo (f->undo, &error));   /* the delete */
  reread = onloop_store_get_decision (f->store, "pricing-exceptions", &error);
  g_assert_no_error (error);
  g_assert_true (onloop_decision_equal (reread, after));
  g_clear_object (&reread);

  g_assert_true (onloop_undo_stack_undo (f->undo, &error));   /* the edit */
  reread = onloop_store_get_decision (f->store, "pricing-exceptions", &error);
  g_assert_true (onloop_decision_equal (reread, before));

  g_assert_true (onloop_undo_stack_undo (f->undo, &error));   /* the add */
  g_assert_null (onloop_store_get_decision (f->store, "pricing-exceptions", NULL));
  g_assert_no_error (error);
}

static void
test_reorder_persists (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  move (f, "lead-scoring", ONLOOP_CATEGORY_UNSORTED, 1);
  g_clear_object (&f->undo);
  g_clear_object (&f->store);

  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  assert_map (f->store, "unsorted: follow-up-timing lead-scoring crm-field-updates "
                        "meeting-scheduling | execution: | judgment:");
}

static void
test_refuses_bad_decisions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(OnloopDecision) duplicate = onloop_decision_new ("lead-scoring", "Again");
  g_autoptr(OnloopDecision) bad_key = onloop_decision_new ("Lead Scoring!", "Lead scoring");
  g_autoptr(OnloopDecision) no_title = onloop_decision_new ("untitled", "   ");
  g_autoptr(GError) error = NULL;

  g_assert_false (onloop_store_insert_decision (f->store, duplicate, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (onloop_store_insert_decision (f->store, bad_key, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (onloop_store_insert_decision (f->store, no_title, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);

  /* A refused edit leaves the map exactly as it was. */
  assert_map (f->store, "unsorted: follow-up-timing crm-field-updates meeting-scheduling "
                        "lead-scoring | execution: | judgment:");
}

static void
test_suggestion (void)
{
  g_autoptr(OnloopDecision) d = onloop_decision_new ("lead-scoring", "Lead scoring");

  g_assert_cmpint (onloop_decision_get_suggestion (d), ==, ONLOOP_CATEGORY_UNSORTED);
  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    onloop_decision_set_criterion (d, i, ONLOOP_ANSWER_YES);
  g_assert_cmpint (onloop_decision_get_suggestion (d), ==, ONLOOP_CATEGORY_EXECUTION);

  onloop_decision_set_category (d, ONLOOP_CATEGORY_JUDGMENT);
  g_assert_true (onloop_decision_has_mismatch (d));

  onloop_decision_set_criterion (d, ONLOOP_CRITERION_ETHICALLY_NEUTRAL, ONLOOP_ANSWER_NO);
  g_assert_cmpint (onloop_decision_get_suggestion (d), ==, ONLOOP_CATEGORY_JUDGMENT);
  g_assert_false (onloop_decision_has_mismatch (d));
}

static void
test_slugify (void)
{
  g_autofree char *a = onloop_slugify ("Send follow-ups");
  g_autofree char *b = onloop_slugify ("  Überprüfung: CRM & Co. ");
  g_autofree char *c = onloop_slugify ("!!!");

  g_assert_cmpstr (a, ==, "send-follow-ups");
  g_assert_cmpstr (b, ==, "uberprufung-crm-co");
  g_assert_cmpstr (c, ==, "item");
  g_assert_true (onloop_slug_is_valid ("commit_pricing"));
  g_assert_false (onloop_slug_is_valid ("-x"));
  g_assert_false (onloop_slug_is_valid ("A"));
  g_assert_false (onloop_slug_is_valid (""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/map/move/between-columns", Fixture, NULL,
              fixture_setup, test_move_between_columns, fixture_teardown);
  g_test_add ("/map/undo/restores-order-exactly", Fixture, NULL,
              fixture_setup, test_undo_redo_restore_order, fixture_teardown);
  g_test_add ("/map/undo/add-edit-delete", Fixture, NULL,
              fixture_setup, test_add_edit_delete_undo, fixture_teardown);
  g_test_add ("/map/reorder/persists-across-reopen", Fixture, NULL,
              fixture_setup, test_reorder_persists, fixture_teardown);
  g_test_add ("/map/insert/refuses-bad-decisions", Fixture, NULL,
              fixture_setup, test_refuses_bad_decisions, fixture_teardown);
  g_test_add_func ("/map/criteria/suggestion", test_suggestion);
  g_test_add_func ("/map/slug/from-labels", test_slugify);

  return g_test_run ();
}
