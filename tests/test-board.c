/* test-board.c: the Decision Surface Map board, driven like a facilitator
 * drives it, on real workspace files under Xvfb
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onloop-card-editor.h"
#include "onloop-map-view.h"
#include "onloop-screenshot.h"
#include "onloop-starter-deck.h"
#include "onloop-store-map.h"
#include "onloop-test-gtk.h"
#include "onloop-test-util.h"
#include "onloop-window.h"

typedef struct
{
  char          *dir;
  char          *path;
  OnloopWindow  *window;
  OnloopMapView *view;
} Fixture;

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static OnloopStore *
store_of (Fixture *f)
{
  return onloop_window_get_store (f->window);
}

/* The map as the workspace file has it: "column:key" in board order. */
static GStrv
store_order (OnloopStore *store)
{
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;

  decisions = onloop_store_list_decisions (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *d = g_ptr_array_index (decisions, i);
      g_autofree char *entry = g_strdup_printf ("%s:%s",
                                                onloop_category_to_string (onloop_decision_get_category (d)),
                                                onloop_decision_get_key (d));
      g_strv_builder_add (builder, entry);
    }

  return g_strv_builder_end (builder);
}

static OnloopCategory
category_in_store (Fixture    *f,
                   const char *key,
                   guint      *position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopDecision) d = onloop_store_get_decision (store_of (f), key, &error);

  g_assert_no_error (error);
  if (position != NULL)
    *position = onloop_decision_get_position (d);
  return onloop_decision_get_category (d);
}

static char *
key_at (Fixture        *f,
        OnloopCategory  category,
        guint           index)
{
  GListModel *column = onloop_board_model_get_column (onloop_map_view_get_model (f->view), category);
  g_autoptr(OnloopDecision) d = g_list_model_get_item (column, index);

  g_assert_nonnull (d);
  return g_strdup (onloop_decision_get_key (d));
}

static OnloopCard *
focused_card (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  g_assert_nonnull (focus);
  if (ONLOOP_IS_CARD (focus))
    return ONLOOP_CARD (focus);
  return (OnloopCard *) gtk_widget_get_ancestor (focus, ONLOOP_TYPE_CARD);
}

static const char *
focused_key (Fixture *f)
{
  OnloopCard *card = focused_card (f);

  g_assert_nonnull (card);
  g_assert_nonnull (onloop_card_get_decision (card));
  return onloop_decision_get_key (onloop_card_get_decision (card));
}

/* The focus may land a frame later, when the column makes the card's row. */
static void
wait_focus (Fixture    *f,
            const char *key)
{
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
      OnloopCard *card = NULL;

      if (focus != NULL)
        card = ONLOOP_IS_CARD (focus) ? ONLOOP_CARD (focus)
                                      : (OnloopCard *) gtk_widget_get_ancestor (focus, ONLOOP_TYPE_CARD);
      if (card != NULL && onloop_card_get_decision (card) != NULL &&
          g_strcmp0 (onloop_decision_get_key (onloop_card_get_decision (card)), key) == 0)
        return;
      onloop_test_wait (25);
    }
}

/* Delivers a key press the way GTK resolves one to a binding: from the
 * focus widget up, the first shortcut whose trigger is this key runs. */
static gboolean
press_key (Fixture         *f,
           guint            keyval,
           GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval ||
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != mods)
                continue;

              if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                                gtk_shortcut_get_arguments (shortcut)))
                {
                  onloop_test_wait (30);
                  return TRUE;
                }
            }
        }
    }

  return FALSE;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_reset (settings, "last-workspace");
  g_settings_reset (settings, "recent-workspaces");
  g_settings_reset (settings, "last-view");

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "Workshop.onloop", NULL);
  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  f->window = onloop_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  onloop_test_wait_mapped (GTK_WIDGET (f->window));
  g_assert_true (onloop_window_open_path (f->window, f->path, FALSE));
  f->view = ONLOOP_MAP_VIEW (find_descendant (GTK_WIDGET (f->window), ONLOOP_TYPE_MAP_VIEW));
  g_assert_nonnull (f->view);
  onloop_test_wait (100);
}

static void
load_deck (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.load-starter-deck", NULL));
  onloop_test_wait (150);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  onloop_test_flush ();
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_starter_deck (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *stack = find_descendant (GTK_WIDGET (f->view), GTK_TYPE_STACK);

  /* An empty map offers the deck instead of three empty columns. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  load_deck (f);
  g_assert_cmpuint (onloop_starter_deck_get_size (), >=, 20);
  g_assert_cmpuint (onloop_store_count_decisions (store_of (f), ONLOOP_CATEGORY_UNSORTED), ==,
                    onloop_starter_deck_get_size ());
  g_assert_cmpuint (onloop_store_count_decisions (store_of (f), ONLOOP_CATEGORY_EXECUTION), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "board");
  g_assert_cmpuint (g_list_model_get_n_items (onloop_board_model_get_column (onloop_map_view_get_model (f->view),
                                                                            ONLOOP_CATEGORY_UNSORTED)),
                    ==, onloop_starter_deck_get_size ());

  /* Every card comes with a description and a workflow. */
  {
    g_autoptr(GPtrArray) decisions = onloop_store_list_decisions (store_of (f), NULL);

    for (guint i = 0; i < decisions->len; i++)
      {
        OnloopDecision *d = g_ptr_array_index (decisions, i);
        g_assert_cmpstr (onloop_decision_get_description (d), !=, "");
        g_assert_cmpstr (onloop_decision_get_workflow (d), !=, "");
      }
  }

  /* One undo takes the whole deck back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  onloop_test_wait (100);
  g_assert_cmpuint (onloop_store_count_decisions (store_of (f), ONLOOP_CATEGORY_UNSORTED), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

static void
test_key_moves_land_in_store (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint position;

  load_deck (f);
  first = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);
  second = key_at (f, ONLOOP_CATEGORY_UNSORTED, 1);

  g_assert_true (onloop_map_view_focus_card (f->view, first));
  wait_focus (f, first);
  wait_focus (f, first);
  g_assert_cmpstr (focused_key (f), ==, first);

  /* J sends the card to Judgment; the file says so, the focus follows. */
  g_assert_true (press_key (f, GDK_KEY_j, 0));
  g_assert_cmpint (category_in_store (f, first, &position), ==, ONLOOP_CATEGORY_JUDGMENT);
  g_assert_cmpuint (position, ==, 0);
  wait_focus (f, first);
  g_assert_cmpstr (focused_key (f), ==, first);
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (focused_card (f)), ONLOOP_TYPE_BOARD_COLUMN) ==
                 GTK_WIDGET (onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_JUDGMENT)));

  /* Down and Up walk the column, card by card. */
  g_assert_true (onloop_map_view_focus_card (f->view, second));
  wait_focus (f, second);
  g_assert_true (press_key (f, GDK_KEY_Down, 0));
  {
    g_autofree char *third = key_at (f, ONLOOP_CATEGORY_UNSORTED, 1);
    wait_focus (f, third);
    g_assert_cmpstr (focused_key (f), ==, third);
  }
  g_assert_true (press_key (f, GDK_KEY_Up, 0));
  wait_focus (f, second);
  g_assert_cmpstr (focused_key (f), ==, second);
  g_assert_true (onloop_map_view_focus_card (f->view, first));
  wait_focus (f, first);

  /* E to Execution, then U back to Unsorted (at the end). */
  g_assert_true (press_key (f, GDK_KEY_e, 0));
  g_assert_cmpint (category_in_store (f, first, NULL), ==, ONLOOP_CATEGORY_EXECUTION);
  g_assert_true (press_key (f, GDK_KEY_u, 0));
  g_assert_cmpint (category_in_store (f, first, &position), ==, ONLOOP_CATEGORY_UNSORTED);
  g_assert_cmpuint (position, ==, onloop_starter_deck_get_size () - 1);
  wait_focus (f, first);
  g_assert_cmpstr (focused_key (f), ==, first);

  /* Left and right move the focus between columns, never the card. */
  g_assert_true (onloop_map_view_focus_card (f->view, second));
  wait_focus (f, second);
  g_assert_true (press_key (f, GDK_KEY_e, 0));
  g_assert_true (press_key (f, GDK_KEY_Left, 0));
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_UNSORTED))))
        break;
      onloop_test_wait (25);
    }
  g_assert_true (ONLOOP_IS_CARD (focused_card (f)));
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (focused_card (f)), ONLOOP_TYPE_BOARD_COLUMN) ==
                 GTK_WIDGET (onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_UNSORTED)));
  g_assert_cmpint (category_in_store (f, second, NULL), ==, ONLOOP_CATEGORY_EXECUTION);
}

static void
test_undo_redo_restore_order (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(GStrv) initial = NULL;
  g_auto(GStrv) final = NULL;
  g_auto(GStrv) now = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  guint steps = 0;

  load_deck (f);
  initial = store_order (store_of (f));
  a = key_at (f, ONLOOP_CATEGORY_UNSORTED, 3);
  b = key_at (f, ONLOOP_CATEGORY_UNSORTED, 7);
  c = key_at (f, ONLOOP_CATEGORY_UNSORTED, 11);

  /* Between columns, within a column, and by drop index. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", a, "execution"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", b, "execution"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to-index", "(ssu)", c,
                                             "execution", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.reorder", "(si)", a, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to-index", "(ssu)", b,
                                             "unsorted", 0));
  onloop_test_wait (50);
  final = store_order (store_of (f));
  g_assert_false (g_strv_equal ((const char * const *) initial, (const char * const *) final));

  while (onloop_undo_stack_can_undo (onloop_window_get_undo_stack (f->window)))
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
      steps++;
    }
  g_assert_cmpuint (steps, ==, 6); /* the deck and five moves */
  g_assert_cmpuint (onloop_store_count_decisions (store_of (f), ONLOOP_CATEGORY_UNSORTED), ==, 0);

  /* Redo the deck, and the order is exactly the deck's again… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  now = store_order (store_of (f));
  g_assert_true (g_strv_equal ((const char * const *) initial, (const char * const *) now));
  g_clear_pointer (&now, g_strfreev);

  /* …and redoing the moves gives exactly the final order. */
  while (onloop_undo_stack_can_redo (onloop_window_get_undo_stack (f->window)))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  now = store_order (store_of (f));
  g_assert_true (g_strv_equal ((const char * const *) final, (const char * const *) now));

  /* Undo back to the deck: the deck's order exactly. */
  for (guint i = 0; i < 5; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_clear_pointer (&now, g_strfreev);
  now = store_order (store_of (f));
  g_assert_true (g_strv_equal ((const char * const *) initial, (const char * const *) now));
}

static void
test_reorder_persists (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) before_close = NULL;
  g_auto(GStrv) reopened = NULL;
  OnloopWindow *second_window;
  OnloopMapView *second_view;

  load_deck (f);
  first = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);
  second = key_at (f, ONLOOP_CATEGORY_UNSORTED, 1);

  g_assert_true (onloop_map_view_focus_card (f->view, first));
  wait_focus (f, first);
  g_assert_true (press_key (f, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (press_key (f, GDK_KEY_Down, GDK_ALT_MASK));
  wait_focus (f, first);
  g_assert_cmpstr (focused_key (f), ==, first);
  g_assert_true (press_key (f, GDK_KEY_Up, GDK_ALT_MASK));

  {
    g_autofree char *now_first = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);
    g_autofree char *now_second = key_at (f, ONLOOP_CATEGORY_UNSORTED, 1);
    g_assert_cmpstr (now_first, ==, second);
    g_assert_cmpstr (now_second, ==, first);
  }
  before_close = store_order (store_of (f));

  /* Close the window (and the file), open it again in a new one. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  onloop_test_flush ();

  second_window = onloop_window_new (NULL);
  gtk_window_present (GTK_WINDOW (second_window));
  onloop_test_wait_mapped (GTK_WIDGET (second_window));
  g_assert_true (onloop_window_open_path (second_window, f->path, FALSE));
  onloop_test_wait (100);
  f->window = second_window;
  second_view = ONLOOP_MAP_VIEW (find_descendant (GTK_WIDGET (second_window), ONLOOP_TYPE_MAP_VIEW));
  f->view = second_view;

  reopened = store_order (store_of (f));
  g_assert_true (g_strv_equal ((const char * const *) before_close, (const char * const *) reopened));
  {
    g_autofree char *shown_first = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);
    g_autofree char *shown_second = key_at (f, ONLOOP_CATEGORY_UNSORTED, 1);
    g_assert_cmpstr (shown_first, ==, second);
    g_assert_cmpstr (shown_second, ==, first);
  }
}

static void
test_badge_follows_criteria (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *key = NULL;
  OnloopCardEditor *editor;
  OnloopCard *card;
  GtkWidget *low_stakes;

  load_deck (f);
  /* The deck's first card answers all four yes. */
  key = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", key,
                                             "execution"));
  onloop_test_wait (50);
  card = onloop_board_column_find_card (onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_EXECUTION),
                                        key);
  g_assert_nonnull (card);
  g_assert_false (onloop_card_get_badge_visible (card));

  /* Enter opens the editor; "are the stakes low?" answered no. */
  g_assert_true (onloop_map_view_focus_card (f->view, key));
  wait_focus (f, key);
  g_assert_true (press_key (f, GDK_KEY_Return, 0));
  editor = ONLOOP_CARD_EDITOR (onloop_test_find_toplevel (ONLOOP_TYPE_CARD_EDITOR, NULL));
  g_assert_nonnull (editor);
  g_assert_cmpstr (onloop_card_editor_get_key (editor), ==, key);

  low_stakes = onloop_card_editor_get_criterion_switch (editor, ONLOOP_CRITERION_LOW_STAKES);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (low_stakes)));
  gtk_switch_set_active (GTK_SWITCH (low_stakes), FALSE);
  onloop_test_wait (50);

  {
    g_autoptr(OnloopDecision) saved = onloop_store_get_decision (store_of (f), key, NULL);
    g_assert_cmpint (onloop_decision_get_criterion (saved, ONLOOP_CRITERION_LOW_STAKES), ==,
                     ONLOOP_ANSWER_NO);
    /* Suggested, never moved. */
    g_assert_cmpint (onloop_decision_get_category (saved), ==, ONLOOP_CATEGORY_EXECUTION);
  }
  card = onloop_board_column_find_card (onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_EXECUTION),
                                        key);
  g_assert_true (onloop_card_get_badge_visible (card));
  g_assert_cmpstr (onloop_card_get_badge_text (card), ==, "Suggests Judgment");

  /* Yes again: the badge goes. Then undo (an edit is undoable): it comes back. */
  gtk_switch_set_active (GTK_SWITCH (low_stakes), TRUE);
  onloop_test_wait (50);
  g_assert_false (onloop_card_get_badge_visible (card));
  gtk_window_close (GTK_WINDOW (editor));
  onloop_test_wait (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  onloop_test_wait (50);
  card = onloop_board_column_find_card (onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_EXECUTION),
                                        key);
  g_assert_true (onloop_card_get_badge_visible (card));
}

static void
test_editor_saves_at_once (Fixture       *f,
                           gconstpointer  data)
{
  OnloopCardEditor *editor;
  GtkWidget *routine;
  g_autoptr(OnloopDecision) saved = NULL;
  g_autoptr(OnloopDecision) renamed = NULL;
  GtkWidget *title_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.start-empty", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.quick-add", "s",
                                             "Approving a custom SLA"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)",
                                             "approving-a-custom-sla", "execution"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.edit", "s",
                                             "approving-a-custom-sla"));
  onloop_test_wait (100);
  editor = ONLOOP_CARD_EDITOR (onloop_test_find_toplevel (ONLOOP_TYPE_CARD_EDITOR, NULL));
  g_assert_nonnull (editor);

  /* A new card has no answers; flipping one switch answers all four as shown. */
  routine = onloop_card_editor_get_criterion_switch (editor, ONLOOP_CRITERION_ROUTINE);
  gtk_switch_set_active (GTK_SWITCH (routine), TRUE);
  onloop_test_wait (50);
  saved = onloop_store_get_decision (store_of (f), "approving-a-custom-sla", NULL);
  g_assert_cmpint (onloop_decision_get_criterion (saved, ONLOOP_CRITERION_ROUTINE), ==, ONLOOP_ANSWER_YES);
  g_assert_cmpint (onloop_decision_get_criterion (saved, ONLOOP_CRITERION_LOW_STAKES), ==, ONLOOP_ANSWER_NO);
  g_assert_cmpint (onloop_decision_get_criterion (saved, ONLOOP_CRITERION_ETHICALLY_NEUTRAL), ==, ONLOOP_ANSWER_NO);
  g_assert_cmpint (onloop_decision_get_suggestion (saved), ==, ONLOOP_CATEGORY_JUDGMENT);
  {
    OnloopCard *card = onloop_board_column_find_card (onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_EXECUTION),
                                                      "approving-a-custom-sla");
    g_assert_nonnull (card);
    g_assert_true (onloop_card_get_badge_visible (card));
  }

  /* A title typed and not applied is saved when the editor closes. */
  title_row = find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Approving a custom SLA for a renewal");
  gtk_window_close (GTK_WINDOW (editor));
  onloop_test_wait (50);
  renamed = onloop_store_get_decision (store_of (f), "approving-a-custom-sla", NULL);
  g_assert_cmpstr (onloop_decision_get_title (renamed), ==, "Approving a custom SLA for a renewal");

  /* Each of those is one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_clear_object (&renamed);
  renamed = onloop_store_get_decision (store_of (f), "approving-a-custom-sla", NULL);
  g_assert_cmpstr (onloop_decision_get_title (renamed), ==, "Approving a custom SLA");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_clear_object (&renamed);
  renamed = onloop_store_get_decision (store_of (f), "approving-a-custom-sla", NULL);
  g_assert_cmpint (onloop_decision_get_criterion (renamed, ONLOOP_CRITERION_ROUTINE), ==,
                   ONLOOP_ANSWER_UNANSWERED);
}

static void
test_quick_add_keeps_focus (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *entry;
  const char *titles[] = { "Discount approval for renewals", "Call back after a no-show" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.start-empty", NULL));
  onloop_test_wait (50);
  entry = onloop_board_column_get_quick_entry (onloop_map_view_get_column (f->view,
                                                                         ONLOOP_CATEGORY_UNSORTED));
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *focus;

      gtk_editable_set_text (GTK_EDITABLE (entry), titles[i]);
      /* Enter in the entry's text, as typing would end. */
      g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
      onloop_test_wait (50);

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
    }

  {
    g_autoptr(GPtrArray) decisions = onloop_store_list_decisions (store_of (f), NULL);

    g_assert_cmpuint (decisions->len, ==, 2);
    for (guint i = 0; i < decisions->len; i++)
      {
        OnloopDecision *d = g_ptr_array_index (decisions, i);
        g_assert_cmpstr (onloop_decision_get_title (d), ==, titles[i]);
        g_assert_cmpint (onloop_decision_get_category (d), ==, ONLOOP_CATEGORY_UNSORTED);
        g_assert_cmpuint (onloop_decision_get_position (d), ==, i);
      }
  }
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *victim = NULL;
  g_autofree char *next = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(OnloopDecision) gone = NULL;

  load_deck (f);
  victim = key_at (f, ONLOOP_CATEGORY_UNSORTED, 2);
  next = key_at (f, ONLOOP_CATEGORY_UNSORTED, 3);
  before = store_order (store_of (f));

  g_assert_true (onloop_map_view_focus_card (f->view, victim));
  wait_focus (f, victim);
  g_assert_true (press_key (f, GDK_KEY_Delete, 0));
  gone = onloop_store_get_decision (store_of (f), victim, NULL);
  g_assert_null (gone);
  /* The card that took its place has the focus. */
  wait_focus (f, next);
  g_assert_cmpstr (focused_key (f), ==, next);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  onloop_test_wait (50);
  after = store_order (store_of (f));
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));
}

static void
test_share_bar_follows (Fixture       *f,
                        gconstpointer  data)
{
  OnloopShareBar *bar = onloop_map_view_get_share_bar (f->view);
  const char *keys[5];
  g_auto(GStrv) k = g_new0 (char *, G_N_ELEMENTS (keys) + 1);

  load_deck (f);
  g_assert_nonnull (strstr (onloop_share_bar_get_text (bar), "sort cards"));

  for (guint i = 0; i < 5; i++)
    {
      k[i] = key_at (f, ONLOOP_CATEGORY_UNSORTED, i);
      keys[i] = k[i];
    }
  /* 2 of 3 sorted cards in Execution: 67 %, inside the band. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", keys[0], "execution");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", keys[1], "execution");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", keys[2], "judgment");
  g_assert_nonnull (strstr (onloop_share_bar_get_text (bar), "67 % execution: within the 60–70 %"));

  /* 2 of 4: 50 %, below. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", keys[3], "judgment");
  g_assert_nonnull (strstr (onloop_share_bar_get_text (bar), "50 % execution: below"));

  /* The band comes from the workspace's settings. */
  g_assert_true (onloop_store_set_setting (store_of (f), "map.share_low", "0.4", NULL));
  g_assert_nonnull (strstr (onloop_share_bar_get_text (bar), "within the 40–70 %"));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "board.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "board.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "no-such-dir", "board.pdf", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  load_deck (f);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *key = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);
      gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", key,
                                  i % 3 == 2 ? "judgment" : "execution");
    }

  g_assert_true (onloop_map_view_export (f->view, ONLOOP_BOARD_EXPORT_PNG, png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);
  /* All 26 cards, not just what one screen shows: a tall image. */
  g_assert_cmpint (gdk_texture_get_height (texture), >, 1200);

  g_assert_true (onloop_map_view_export (f->view, ONLOOP_BOARD_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    g_autofree char *tail = g_strndup (contents + length - 16, 16);
    g_assert_nonnull (strstr (tail, "%%EOF"));
  }

  g_assert_false (onloop_map_view_export (f->view, ONLOOP_BOARD_EXPORT_PDF, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "board.pdf"));
}

static void
test_filter_and_group (Fixture       *f,
                       gconstpointer  data)
{
  OnloopBoardModel *model;
  GListModel *unsorted;
  guint n;

  load_deck (f);
  model = onloop_map_view_get_model (f->view);
  unsorted = onloop_board_model_get_column (model, ONLOOP_CATEGORY_UNSORTED);

  onloop_board_model_set_workflow_filter (model, "CRM hygiene");
  n = g_list_model_get_n_items (unsorted);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OnloopDecision) d = g_list_model_get_item (unsorted, i);
      g_assert_cmpstr (onloop_decision_get_workflow (d), ==, "CRM hygiene");
    }
  /* Hidden cards stay in the file and in the count. */
  g_assert_cmpuint (onloop_board_model_get_count (model, ONLOOP_CATEGORY_UNSORTED), ==,
                    onloop_starter_deck_get_size ());

  /* A card added while filtered joins the workflow shown, so it stays in view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.quick-add", "s",
                                             "Closing stale opportunities"));
  g_assert_cmpuint (g_list_model_get_n_items (unsorted), ==, 4);
  {
    g_autoptr(OnloopDecision) added = onloop_store_get_decision (store_of (f),
                                                                 "closing-stale-opportunities", NULL);
    g_assert_cmpstr (onloop_decision_get_workflow (added), ==, "CRM hygiene");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (unsorted), ==, 3);

  onloop_board_model_set_workflow_filter (model, NULL);
  onloop_board_model_set_group_by_workflow (model, TRUE);
  g_assert_cmpstr (onloop_board_model_get_group_header (model, ONLOOP_CATEGORY_UNSORTED, 0), ==,
                   "Account management");
  for (guint i = 1; i < g_list_model_get_n_items (unsorted); i++)
    {
      g_autoptr(OnloopDecision) a = g_list_model_get_item (unsorted, i - 1);
      g_autoptr(OnloopDecision) b = g_list_model_get_item (unsorted, i);
      g_assert_cmpint (g_utf8_collate (onloop_decision_get_workflow (a),
                                       onloop_decision_get_workflow (b)), <=, 0);
    }
}

/* Delivers Escape to the window's capture-phase key controllers, the way
 * GTK does first for any key press in the window. */
static gboolean
escape_leaves_presentation (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_CAPTURE)
        continue;

      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 9, 0, &handled);
      if (handled)
        return TRUE;
    }

  return FALSE;
}

static void
test_edit_boundary (Fixture       *f,
                    gconstpointer  data)
{
  load_deck (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)",
                                             "lead-scoring", "execution"));
  g_assert_true (onloop_map_view_can_edit_boundary (f->view));

  /* Shift+F10 opens the card's menu, made on demand, with the entry in it. */
  g_assert_true (onloop_map_view_focus_card (f->view, "lead-scoring"));
  wait_focus (f, "lead-scoring");
  g_assert_true (press_key (f, GDK_KEY_F10, GDK_SHIFT_MASK));
  onloop_test_wait (100);
  {
    GtkWidget *menu = find_descendant (GTK_WIDGET (focused_card (f)), GTK_TYPE_POPOVER_MENU);
    GMenuModel *model;
    gboolean found = FALSE;

    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_visible (menu));
    model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
    for (int i = 0; i < g_menu_model_get_n_items (model); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
        for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
          {
            g_autofree char *action = NULL;
            if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
                g_str_equal (action, "board.edit-boundary"))
              found = TRUE;
          }
      }
    g_assert_true (found);
    gtk_popover_popdown (GTK_POPOVER (menu));
  }

  /* The card's "Edit Boundary" goes to the Boundaries view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.edit-boundary", "s",
                                             "lead-scoring"));
  onloop_test_wait (100);
  g_assert_cmpstr (onloop_window_get_visible_view (f->window), ==, "boundaries");
}

static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  OnloopBoardColumn *execution = onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_EXECUTION);
  OnloopCard *card;

  load_deck (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)",
                                             "lead-scoring", "execution"));
  onloop_test_wait (50);

  /* A card says its title and its column; a column its name and count. */
  card = onloop_board_column_find_card (execution, "lead-scoring");
  g_assert_nonnull (card);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Lead scoring, in Execution");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (execution), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Execution column, 1 decision");

  /* Moved by key, it says its new column. */
  g_assert_true (onloop_map_view_focus_card (f->view, "lead-scoring"));
  wait_focus (f, "lead-scoring");
  g_assert_true (press_key (f, GDK_KEY_j, 0));
  wait_focus (f, "lead-scoring");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focused_card (f)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Lead scoring, in Judgment");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (execution), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Execution column, 0 decisions");
}

/* The "done when": a whole workshop by keyboard, on one file. */
static void
test_whole_workshop (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "workshop.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopStore) reopened = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  guint execution = 0, judgment = 0;
  g_autofree char *share = NULL;

  load_deck (f);
  /* Loading the deck puts the focus on its first card. */
  g_assert_true (ONLOOP_IS_CARD (focused_card (f)));

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *key = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);
      OnloopDecision *d = onloop_board_model_lookup (onloop_map_view_get_model (f->view), key);
      gboolean to_execution = onloop_decision_get_suggestion (d) == ONLOOP_CATEGORY_EXECUTION;

      g_assert_true (onloop_map_view_focus_card (f->view, key));
      wait_focus (f, key);
      g_assert_true (press_key (f, to_execution ? GDK_KEY_e : GDK_KEY_j, 0));
      g_hash_table_insert (placed, g_strdup (key),
                           GINT_TO_POINTER (to_execution ? ONLOOP_CATEGORY_EXECUTION
                                                         : ONLOOP_CATEGORY_JUDGMENT));
      if (to_execution)
        execution++;
      else
        judgment++;
    }

  /* A mistake, undone with Ctrl+Z's action. */
  {
    g_autofree char *key = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", key,
                                               "judgment"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
    g_assert_cmpint (category_in_store (f, key, NULL), ==, ONLOOP_CATEGORY_UNSORTED);
  }

  g_assert_cmpuint (onloop_store_count_decisions (store_of (f), ONLOOP_CATEGORY_EXECUTION), ==, execution);
  g_assert_cmpuint (onloop_store_count_decisions (store_of (f), ONLOOP_CATEGORY_JUDGMENT), ==, judgment);
  share = g_strdup_printf ("%d %% execution", (int) (100.0 * execution / (execution + judgment) + 0.5));
  g_assert_nonnull (strstr (onloop_share_bar_get_text (onloop_map_view_get_share_bar (f->view)), share));

  /* Present, export, and the file has every move. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.presentation", NULL));
  onloop_test_wait (100);
  g_assert_true (onloop_map_view_export (f->view, ONLOOP_BOARD_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.presentation", NULL));

  reopened = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  decisions = onloop_store_list_decisions (reopened, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *d = g_ptr_array_index (decisions, i);
      gpointer expected;

      if (g_hash_table_lookup_extended (placed, onloop_decision_get_key (d), NULL, &expected))
        g_assert_cmpint (onloop_decision_get_category (d), ==, GPOINTER_TO_INT (expected));
      else
        g_assert_cmpint (onloop_decision_get_category (d), ==, ONLOOP_CATEGORY_UNSORTED);
    }
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static void
test_drag_autoscrolls (Fixture       *f,
                       gconstpointer  data)
{
  OnloopBoardColumn *column = onloop_map_view_get_column (f->view, ONLOOP_CATEGORY_UNSORTED);
  GtkDropTarget *target = drop_target_of (GTK_WIDGET (column));
  GtkWidget *list = onloop_board_column_get_list_view (column);
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  double height, before;
  GdkDragAction action = 0;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  g_autofree char *first = NULL;
  guint position;

  load_deck (f);
  g_assert_nonnull (target);
  first = key_at (f, ONLOOP_CATEGORY_UNSORTED, 0);
  height = gtk_widget_get_height (GTK_WIDGET (column));
  before = gtk_adjustment_get_value (adj);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));

  /* A drag held near the bottom edge of a long column scrolls it down… */
  g_signal_emit_by_name (target, "motion", 100.0, height - 70.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  for (guint i = 0; i < 200 && gtk_adjustment_get_value (adj) <= before + 50; i++)
    onloop_test_wait (25);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, before + 50);

  /* …and stops when the drag leaves. */
  g_signal_emit_by_name (target, "leave");
  before = gtk_adjustment_get_value (adj);
  onloop_test_wait (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, before);

  /* Dropped over the column's heading, the card goes to the top. */
  {
    g_autofree char *last = key_at (f, ONLOOP_CATEGORY_UNSORTED,
                                    onloop_starter_deck_get_size () - 1);

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, last);
    g_signal_emit_by_name (target, "drop", &value, 100.0, 4.0, &dropped);
    g_value_unset (&value);
    g_assert_true (dropped);
    g_assert_cmpint (category_in_store (f, last, &position), ==, ONLOOP_CATEGORY_UNSORTED);
    g_assert_cmpuint (position, ==, 0);
    g_assert_cmpint (category_in_store (f, first, &position), ==, ONLOOP_CATEGORY_UNSORTED);
    g_assert_cmpuint (position, ==, 1);
  }
}

static void
save_shot (Fixture    *f,
           const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *png = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  onloop_test_wait (300);
  g_assert_true (onloop_screenshot_save (GTK_WIDGET (f->window), png, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", png);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *to_execution[] = { "crm-field-updates", "activity-logging", "lead-scoring",
                                 "meeting-scheduling", "follow-up-timing", "renewal-reminders",
                                 "follow-up-content" };
  const char *to_judgment[] = { "pricing-exception", "contract-terms", "rep-coaching",
                                "walk-away" };

  save_shot (f, "board-empty.png");
  load_deck (f);
  for (guint i = 0; i < G_N_ELEMENTS (to_execution); i++)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", to_execution[i],
                                "execution");
  for (guint i = 0; i < G_N_ELEMENTS (to_judgment); i++)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "board.move-to", "(ss)", to_judgment[i],
                                "judgment");
  onloop_map_view_focus_card (f->view, "lead-scoring");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_shot (f, "board-light.png");
  onloop_board_model_set_group_by_workflow (onloop_map_view_get_model (f->view), TRUE);
  save_shot (f, "board-grouped-light.png");
  onloop_board_model_set_group_by_workflow (onloop_map_view_get_model (f->view), FALSE);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_shot (f, "board-dark.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.presentation", NULL));
  onloop_test_wait (300);
  g_assert_true (onloop_map_view_get_presenting (f->view));
  save_shot (f, "board-presentation-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_shot (f, "board-presentation-light.png");

  /* Still usable while presenting: a key still moves a card. */
  g_assert_true (onloop_map_view_focus_card (f->view, "lead-routing"));
  wait_focus (f, "lead-routing");
  g_assert_true (press_key (f, GDK_KEY_e, 0));
  g_assert_cmpint (category_in_store (f, "lead-routing", NULL), ==, ONLOOP_CATEGORY_EXECUTION);

  /* Escape leaves presentation, from a focused card too, even with a toast
   * on screen (the window takes it before the toast overlay does). */
  g_assert_true (escape_leaves_presentation (f));
  onloop_test_wait (100);
  g_assert_false (onloop_map_view_get_presenting (f->view));

  /* F11's action toggles it on and off. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.presentation", NULL));
  onloop_test_wait (100);
  g_assert_true (onloop_map_view_get_presenting (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.presentation", NULL));
  onloop_test_wait (100);
  g_assert_false (onloop_map_view_get_presenting (f->view));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  onloop_test_gtk_init (&argc, &argv);

  /* AdwApplication loads the style sheet for the app; a test has none. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/onloop/Onloop/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/board/starter-deck/offered-on-empty-map-and-undone-at-once", test_starter_deck);
  ADD ("/board/keyboard/moves-land-in-store-and-focus-follows", test_key_moves_land_in_store);
  ADD ("/board/undo-redo/restore-order-exactly", test_undo_redo_restore_order);
  ADD ("/board/reorder/persists-across-reopen", test_reorder_persists);
  ADD ("/board/badge/follows-criteria", test_badge_follows_criteria);
  ADD ("/board/editor/saves-at-once-and-undoes", test_editor_saves_at_once);
  ADD ("/board/quick-add/keeps-focus", test_quick_add_keeps_focus);
  ADD ("/board/workshop/sort-twenty-undo-present-export", test_whole_workshop);
  ADD ("/board/edit-boundary/opens-boundaries-view", test_edit_boundary);
  ADD ("/board/accessibility/cards-and-columns-are-named", test_accessible_names);
  ADD ("/board/drag/autoscrolls-and-drops-at-top", test_drag_autoscrolls);
  ADD ("/board/delete/undo-restores-card", test_delete_and_undo);
  ADD ("/board/share-bar/follows-moves-and-settings", test_share_bar_follows);
  ADD ("/board/export/writes-png-and-pdf", test_export);
  ADD ("/board/workflows/filter-and-group", test_filter_and_group);
  ADD ("/board/screenshots/light-dark-presentation", test_screenshots);
#undef ADD

  return g_test_run ();
}
