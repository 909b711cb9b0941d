/* test-boundaries.c: the Boundaries view on a real display (Xvfb)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test builds a workspace file (a map, a published spec, eight weeks
 * of decision log), opens it in a window, drives the form like a person
 * would (typing into entries, pressing Enter, ticking, answering dialogs)
 * and reads the workspace back.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "onloop-boundaries-view.h"
#include "onloop-boundary-form.h"
#include "onloop-calibration.h"
#include "onloop-publish-dialog.h"
#include "onloop-screenshot.h"
#include "onloop-spec-history.h"
#include "onloop-spec-lint.h"
#include "onloop-store-log.h"
#include "onloop-store-map.h"
#include "onloop-store-spec.h"
#include "onloop-test-gtk.h"
#include "onloop-test-util.h"
#include "onloop-tag-entry.h"
#include "onloop-trigger-editor.h"
#include "onloop-window.h"

#define N_EVENTS 2400

typedef struct
{
  char                 *dir;
  char                 *path;
  GtkWidget            *toplevel;
  OnloopBoundariesView *view;
  OnloopStore          *store;
  OnloopUndoStack      *undo_stack;
} Fixture;

static const char *spec_json =
  "{\"format\": \"onloop.spec/1\", \"decisions\": ["
  " {\"key\": \"follow-up-timing\", \"title\": \"Follow-up timing\", \"category\": \"execution\","
  "  \"workflow\": \"Follow-ups\", \"phase\": \"exception-only\","
  "  \"may\": [{\"id\": \"send-follow-up\", \"label\": \"Send follow-ups\"},"
  "           {\"id\": \"reschedule\", \"label\": \"Reschedule a follow-up\"}],"
  "  \"uses\": [{\"id\": \"crm-history\", \"label\": \"CRM history\"}],"
  "  \"must_not\": [{\"id\": \"commit-pricing\", \"label\": \"Commit to pricing\"}]},"
  " {\"key\": \"crm-updates\", \"title\": \"CRM updates\", \"category\": \"execution\","
  "  \"workflow\": \"CRM hygiene\", \"phase\": \"steady\","
  "  \"may\": [{\"id\": \"update-stage\", \"label\": \"Update the deal stage\"}], \"uses\": [], \"must_not\": []},"
  " {\"key\": \"meeting-scheduling\", \"title\": \"Meeting scheduling\", \"category\": \"execution\","
  "  \"may\": [], \"uses\": [], \"must_not\": []},"
  " {\"key\": \"discount-approval\", \"title\": \"Discount approval\", \"category\": \"judgment\","
  "  \"may\": [], \"uses\": [], \"must_not\": []}"
  "], \"triggers\": ["
  " {\"id\": \"deal-size\", \"kind\": \"deal_size\", \"enabled\": true, \"min_arr\": 50000},"
  " {\"id\": \"negative-sentiment\", \"kind\": \"sentiment\", \"enabled\": true, \"below\": -0.6},"
  " {\"id\": \"ethical\", \"kind\": \"ethical\", \"enabled\": true, \"tags\": [\"competitive-intel\"]}"
  "]}";

static void
write_log (const char *path)
{
  const char *keys[] = { "follow-up-timing", "crm-updates", "meeting-scheduling", "discount-approval" };
  const char *actions[] = { "send-follow-up", "update-stage", "book-meeting", "offer-discount" };
  const double arr[] = { 5000, 12000, 20000, 35000, 48000, 61250, 75000, 120000 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 9, 7, 8, 0, 0);

  for (guint i = 0; i < N_EVENTS; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (start, (int) (i * (56 * 24 * 60 / N_EVENTS)));
      g_autofree char *stamp = g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
      guint k = g_rand_int_range (rand, 0, 4);
      char sentiment[32];

      g_ascii_formatd (sentiment, sizeof sentiment, "%.2f", g_rand_double_range (rand, -1, 1));
      g_string_append_printf (text,
                              "{\"id\": \"e%05u\", \"at\": \"%s\", \"decision\": \"%s\", \"action\": \"%s\","
                              " \"context\": {\"deal_arr\": %.0f, \"sentiment\": %s%s},"
                              " \"outcome\": {\"escalated\": %s}}\n",
                              i, stamp, keys[k], actions[k], arr[g_rand_int_range (rand, 0, 8)], sentiment,
                              g_rand_int_range (rand, 0, 40) == 0 ? ", \"tags\": [\"competitive-intel\"]" : "",
                              g_rand_int_range (rand, 0, 8) == 0 ? "true" : "false");
    }
  onloop_test_write (path, text->str, text->len);
}

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

static GtkWidget *
find_titled_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_idle (Fixture *f)
{
  for (guint i = 0; i < 1000 && onloop_boundaries_view_is_busy (f->view); i++)
    onloop_test_wait (10);
  g_assert_false (onloop_boundaries_view_is_busy (f->view));
  onloop_test_flush ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) spec = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *log = NULL;
  int version = 0;

  g_settings_reset (settings, "last-workspace");
  g_settings_reset (settings, "recent-workspaces");
  g_settings_set_string (settings, "last-view", "map");

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "Sales Team.onloop", NULL);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  spec = onloop_spec_parse (spec_json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_set_draft (f->store, spec, &error));
  g_assert_no_error (error);
  g_assert_true (onloop_store_publish (f->store, "First boundaries", &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 1);

  log = g_build_filename (f->dir, "log.jsonl", NULL);
  write_log (log);
  g_assert_true (onloop_store_import_log (f->store, log, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The view on its own in a window, as the app window holds it: with a
   * toast overlay around it and the workspace's undo stack. */
  f->undo_stack = onloop_undo_stack_new (f->store);
  f->view = g_object_new (ONLOOP_TYPE_BOUNDARIES_VIEW, NULL);
  f->toplevel = gtk_window_new ();
  {
    GtkWidget *overlay = adw_toast_overlay_new ();
    adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
    gtk_window_set_child (GTK_WINDOW (f->toplevel), overlay);
  }
  gtk_window_set_default_size (GTK_WINDOW (f->toplevel), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->toplevel));
  onloop_test_wait_mapped (f->toplevel);
  onloop_boundaries_view_set_undo_stack (f->view, f->undo_stack);
  onloop_boundaries_view_set_store (f->view, f->store);
  wait_idle (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->toplevel));
  onloop_test_flush ();
  g_clear_object (&f->undo_stack);
  g_clear_object (&f->store);
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The draft as the workspace has it now, read through another connection. */
static OnloopSpec *
read_draft (Fixture *f)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OnloopSpec *draft;

  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  draft = onloop_store_load_draft (store, &error);
  g_assert_no_error (error);
  return draft;
}

static void
type_text (GtkEditable *editable,
           const char  *text)
{
  gtk_editable_set_text (editable, text);
  onloop_test_flush ();
}

static void
press_enter (GtkWidget *entry)
{
  /* What Enter does in an entry (GtkText activates its GtkEntry). */
  if (GTK_IS_SPIN_BUTTON (entry))
    g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  else
    g_signal_emit_by_name (entry, "activate");
  onloop_test_flush ();
}

static OnloopBoundaryForm *
show_decision (Fixture    *f,
               const char *key)
{
  g_assert_true (onloop_boundaries_view_select_decision (f->view, key));
  onloop_test_flush ();
  g_assert_cmpstr (onloop_boundaries_view_get_page (f->view), ==, "decision");
  return ONLOOP_BOUNDARY_FORM (onloop_boundaries_view_get_form (f->view));
}

static OnloopTriggerRow *
show_trigger (Fixture    *f,
              const char *id)
{
  OnloopTriggerEditor *editor;
  OnloopTriggerRow *row;

  onloop_boundaries_view_show_page (f->view, "triggers");
  onloop_test_flush ();
  g_assert_cmpstr (onloop_boundaries_view_get_page (f->view), ==, "triggers");
  editor = ONLOOP_TRIGGER_EDITOR (onloop_boundaries_view_get_trigger_editor (f->view));
  row = onloop_trigger_editor_get_row (editor, id);
  g_assert_nonnull (row);
  return row;
}

static void
test_item_edit (Fixture       *f,
                gconstpointer  data)
{
  OnloopBoundaryForm *form = show_decision (f, "follow-up-timing");
  OnloopBoundaryItemRow *row = onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MAY,
                                                                  "send-follow-up");
  g_autoptr(OnloopSpec) after_label = NULL;
  g_autoptr(OnloopSpec) after_id = NULL;
  g_autoptr(OnloopSpec) after_undo = NULL;
  g_autoptr(GError) error = NULL;
  OnloopSpecDecision *decision;
  OnloopBoundaryItem *item;

  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (onloop_boundary_item_row_get_label_entry (row)), ==,
                   "Send follow-ups");

  type_text (onloop_boundary_item_row_get_label_entry (row), "Send follow-up emails");
  press_enter (GTK_WIDGET (onloop_boundary_item_row_get_label_entry (row)));
  after_label = read_draft (f);
  decision = onloop_spec_find_decision (after_label, "follow-up-timing");
  item = g_ptr_array_index (decision->may, 0);
  g_assert_cmpstr (item->id, ==, "send-follow-up");
  g_assert_cmpstr (item->label, ==, "Send follow-up emails");

  /* The id on its own, kept in its place. */
  row = onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MAY, "send-follow-up");
  type_text (onloop_boundary_item_row_get_id_entry (row), "send-email");
  press_enter (GTK_WIDGET (onloop_boundary_item_row_get_id_entry (row)));
  after_id = read_draft (f);
  decision = onloop_spec_find_decision (after_id, "follow-up-timing");
  item = g_ptr_array_index (decision->may, 0);
  g_assert_cmpstr (item->id, ==, "send-email");
  g_assert_cmpstr (item->label, ==, "Send follow-up emails");
  g_assert_nonnull (onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MAY, "send-email"));

  /* Each edit is one step of the window's undo stack. */
  g_assert_true (onloop_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  onloop_test_flush ();
  after_undo = read_draft (f);
  decision = onloop_spec_find_decision (after_undo, "follow-up-timing");
  item = g_ptr_array_index (decision->may, 0);
  g_assert_cmpstr (item->id, ==, "send-follow-up");
  g_assert_cmpstr (item->label, ==, "Send follow-up emails");
}

static void
test_item_add_remove_move (Fixture       *f,
                           gconstpointer  data)
{
  OnloopBoundaryForm *form = show_decision (f, "follow-up-timing");
  AdwEntryRow *add = onloop_boundary_form_get_add_row (form, ONLOOP_BOUNDARY_MUST_NOT);
  g_autoptr(OnloopSpec) added = NULL;
  g_autoptr(OnloopSpec) moved = NULL;
  g_autoptr(OnloopSpec) removed = NULL;
  OnloopSpecDecision *decision;
  OnloopBoundaryItem *item;
  GtkWidget *button;

  type_text (GTK_EDITABLE (add), "Promise delivery dates");
  g_signal_emit_by_name (add, "apply");
  onloop_test_flush ();
  added = read_draft (f);
  decision = onloop_spec_find_decision (added, "follow-up-timing");
  g_assert_cmpuint (decision->must_not->len, ==, 2);
  item = g_ptr_array_index (decision->must_not, 1);
  g_assert_cmpstr (item->id, ==, "promise-delivery-dates");
  g_assert_cmpstr (item->label, ==, "Promise delivery dates");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");

  /* The same label again gets an id of its own. */
  type_text (GTK_EDITABLE (add), "Promise delivery dates");
  g_signal_emit_by_name (add, "apply");
  onloop_test_flush ();

  /* Move Up on the new item puts it first. */
  button = gtk_widget_get_next_sibling (GTK_WIDGET (gtk_widget_get_parent (
    GTK_WIDGET (onloop_boundary_item_row_get_label_entry (
      onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MUST_NOT, "promise-delivery-dates"))))));
  /* (the label entry's next sibling is the Move Up button) */
  button = gtk_widget_get_next_sibling (GTK_WIDGET (onloop_boundary_item_row_get_label_entry (
    onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MUST_NOT, "promise-delivery-dates"))));
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  onloop_test_flush ();
  moved = read_draft (f);
  decision = onloop_spec_find_decision (moved, "follow-up-timing");
  g_assert_cmpuint (decision->must_not->len, ==, 3);
  g_assert_cmpstr (((OnloopBoundaryItem *) g_ptr_array_index (decision->must_not, 0))->id, ==,
                   "promise-delivery-dates");
  g_assert_cmpstr (((OnloopBoundaryItem *) g_ptr_array_index (decision->must_not, 2))->id, ==,
                   "promise-delivery-dates-2");

  /* Remove (the button after Move Down). */
  button = gtk_widget_get_last_child (gtk_widget_get_parent (GTK_WIDGET (
    onloop_boundary_item_row_get_label_entry (
      onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MUST_NOT, "commit-pricing")))));
  g_signal_emit_by_name (button, "clicked");
  onloop_test_flush ();
  removed = read_draft (f);
  decision = onloop_spec_find_decision (removed, "follow-up-timing");
  g_assert_cmpuint (decision->must_not->len, ==, 2);
  g_assert_null (onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MUST_NOT, "commit-pricing"));
}

static void
test_item_invalid_not_saved (Fixture       *f,
                             gconstpointer  data)
{
  OnloopBoundaryForm *form = show_decision (f, "follow-up-timing");
  OnloopBoundaryItemRow *row = onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MAY,
                                                                  "reschedule");
  g_autofree char *before = NULL;
  g_autoptr(OnloopSpec) spec = read_draft (f);
  g_autoptr(OnloopSpec) after = NULL;
  g_autofree char *after_json = NULL;
  AdwEntryRow *add;

  before = onloop_spec_to_json (spec);

  type_text (onloop_boundary_item_row_get_id_entry (row), "Bad Id!");
  g_assert_nonnull (onloop_boundary_item_row_get_error (row));
  g_assert_nonnull (strstr (onloop_boundary_item_row_get_error (row), "not a valid id"));
  press_enter (GTK_WIDGET (onloop_boundary_item_row_get_id_entry (row)));

  type_text (onloop_boundary_item_row_get_id_entry (row), "send-follow-up");
  press_enter (GTK_WIDGET (onloop_boundary_item_row_get_id_entry (row)));
  g_assert_nonnull (strstr (onloop_boundary_item_row_get_error (row), "already has the id"));

  type_text (onloop_boundary_item_row_get_id_entry (row), "reschedule");
  type_text (onloop_boundary_item_row_get_label_entry (row), "   ");
  press_enter (GTK_WIDGET (onloop_boundary_item_row_get_label_entry (row)));
  g_assert_nonnull (strstr (onloop_boundary_item_row_get_error (row), "cannot be empty"));

  add = onloop_boundary_form_get_add_row (form, ONLOOP_BOUNDARY_USES);
  type_text (GTK_EDITABLE (add), "  ");
  g_signal_emit_by_name (add, "apply");
  onloop_test_flush ();
  g_assert_nonnull (onloop_boundary_form_get_add_error (form, ONLOOP_BOUNDARY_USES));

  after = read_draft (f);
  after_json = onloop_spec_to_json (after);
  g_assert_cmpstr (after_json, ==, before);
}

static void
test_workflow_phase_and_undo (Fixture       *f,
                              gconstpointer  data)
{
  OnloopBoundaryForm *form = show_decision (f, "follow-up-timing");
  AdwComboRow *phase = onloop_boundary_form_get_phase_row (form);
  g_autoptr(GError) error = NULL;
  g_autofree char *cadence = NULL;
  OnloopPhase now;

  g_assert_cmpuint (adw_combo_row_get_selected (phase), ==, ONLOOP_PHASE_EXCEPTION_ONLY);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (phase)), "exception triggers"));

  adw_combo_row_set_selected (phase, ONLOOP_PHASE_STEADY);
  onloop_test_flush ();
  g_assert_true (onloop_store_get_workflow (f->store, "Follow-ups", &now, &cadence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (now, ==, ONLOOP_PHASE_STEADY);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (phase)), "spot checks"));

  g_assert_true (onloop_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  onloop_test_flush ();
  g_assert_true (onloop_store_get_workflow (f->store, "Follow-ups", &now, NULL, &error));
  g_assert_cmpint (now, ==, ONLOOP_PHASE_EXCEPTION_ONLY);
  g_assert_cmpuint (adw_combo_row_get_selected (phase), ==, ONLOOP_PHASE_EXCEPTION_ONLY);
}

static double
trigger_min_arr (Fixture *f)
{
  g_autoptr(OnloopSpec) draft = read_draft (f);
  return onloop_spec_find_trigger (draft, "deal-size")->min_arr;
}

static void
test_trigger_threshold (Fixture       *f,
                        gconstpointer  data)
{
  OnloopTriggerRow *row = show_trigger (f, "deal-size");
  GtkWidget *spin = onloop_trigger_row_get_input (row, "min_arr");
  GtkWidget *below;
  g_autoptr(OnloopSpec) draft = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "50,000");
  g_assert_nonnull (find_label (GTK_WIDGET (row), "USD"));

  /* The deal size is in the workspace's currency. */
  g_assert_true (onloop_store_set_setting (f->store, "currency", "EUR", NULL));
  onloop_test_flush ();
  row = show_trigger (f, "deal-size");
  spin = onloop_trigger_row_get_input (row, "min_arr");
  g_assert_nonnull (find_label (GTK_WIDGET (row), "EUR"));
  g_assert_null (find_label (GTK_WIDGET (row), "USD"));

  type_text (GTK_EDITABLE (spin), "75,000");
  g_assert_null (onloop_trigger_row_get_error (row));
  /* Typing alone saves nothing... */
  g_assert_cmpfloat (trigger_min_arr (f), ==, 50000);
  /* ...Enter does. */
  press_enter (spin);
  g_assert_cmpstr (onloop_trigger_row_get_error (row), ==, NULL);
  g_assert_cmpfloat (trigger_min_arr (f), ==, 75000);

  /* So does a pause in typing (what a screen reader's "set text" needs). */
  type_text (GTK_EDITABLE (spin), "80,000");
  for (guint i = 0; i < 300 && trigger_min_arr (f) != 80000; i++)
    onloop_test_wait (10);
  g_assert_cmpfloat (trigger_min_arr (f), ==, 80000);
  g_assert_true (onloop_boundaries_view_get_badge_visible (f->view));

  /* The other kinds: sentiment, and the enable switch. */
  row = show_trigger (f, "negative-sentiment");
  below = onloop_trigger_row_get_input (row, "below");
  type_text (GTK_EDITABLE (below), "-0.45");
  press_enter (below);
  gtk_switch_set_active (GTK_SWITCH (onloop_trigger_row_get_input (row, "enabled")), FALSE);
  onloop_test_flush ();
  draft = read_draft (f);
  g_assert_cmpfloat_with_epsilon (onloop_spec_find_trigger (draft, "negative-sentiment")->below,
                                  -0.45, 1e-9);
  g_assert_false (onloop_spec_find_trigger (draft, "negative-sentiment")->enabled);
}

static void
test_trigger_invalid_not_saved (Fixture       *f,
                                gconstpointer  data)
{
  OnloopTriggerRow *row = show_trigger (f, "deal-size");
  GtkWidget *spin = onloop_trigger_row_get_input (row, "min_arr");
  GtkWidget *id = onloop_trigger_row_get_input (row, "id");
  g_autoptr(OnloopSpec) draft = NULL;
  OnloopTriggerRow *sentiment;

  type_text (GTK_EDITABLE (spin), "-5");
  g_assert_nonnull (onloop_trigger_row_get_error (row));
  g_assert_nonnull (strstr (onloop_trigger_row_get_error (row), "0 or more"));
  press_enter (spin);
  g_assert_cmpfloat (trigger_min_arr (f), ==, 50000);

  type_text (GTK_EDITABLE (spin), "lots");
  g_assert_nonnull (strstr (onloop_trigger_row_get_error (row), "type a number"));
  press_enter (spin);
  g_assert_cmpfloat (trigger_min_arr (f), ==, 50000);

  type_text (GTK_EDITABLE (spin), "50000");
  type_text (GTK_EDITABLE (id), "ethical");
  g_assert_nonnull (strstr (onloop_trigger_row_get_error (row), "already called"));
  press_enter (id);

  sentiment = show_trigger (f, "negative-sentiment");
  type_text (GTK_EDITABLE (onloop_trigger_row_get_input (sentiment, "below")), "1.5");
  g_assert_nonnull (strstr (onloop_trigger_row_get_error (sentiment), "between −1 and 1"));
  press_enter (onloop_trigger_row_get_input (sentiment, "below"));

  draft = read_draft (f);
  g_assert_nonnull (onloop_spec_find_trigger (draft, "deal-size"));
  g_assert_cmpfloat (onloop_spec_find_trigger (draft, "deal-size")->min_arr, ==, 50000);
  g_assert_cmpfloat (onloop_spec_find_trigger (draft, "negative-sentiment")->below, ==, -0.6);
}

static void
test_trigger_kinds_scope_add_remove (Fixture       *f,
                                     gconstpointer  data)
{
  OnloopTriggerEditor *editor;
  OnloopTriggerRow *row;
  OnloopTagEntry *tags;
  g_autoptr(OnloopSpec) added = NULL;
  g_autoptr(OnloopSpec) edited = NULL;
  g_autoptr(OnloopSpec) removed = NULL;
  OnloopTrigger *trigger;
  GtkWidget *remove;

  /* Add Trigger ▸ First Time: a new trigger with all three fields. */
  show_trigger (f, "deal-size");
  editor = ONLOOP_TRIGGER_EDITOR (onloop_boundaries_view_get_trigger_editor (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "triggers.add", "s", "first_time"));
  onloop_test_flush ();
  added = read_draft (f);
  trigger = onloop_spec_find_trigger (added, "first-time");
  g_assert_nonnull (trigger);
  g_assert_cmpuint (trigger->fields, ==, ONLOOP_FIELD_INDUSTRY | ONLOOP_FIELD_PERSONA | ONLOOP_FIELD_OBJECTION);

  /* Untick persona; tag the ethical trigger; limit deal-size to one decision. */
  row = onloop_trigger_editor_get_row (editor, "first-time");
  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (onloop_trigger_row_get_input (row, "persona")), FALSE);
  onloop_test_flush ();

  row = onloop_trigger_editor_get_row (editor, "ethical");
  tags = ONLOOP_TAG_ENTRY (onloop_trigger_row_get_input (row, "tags"));
  type_text (onloop_tag_entry_get_entry (tags), "Former-Employee");
  press_enter (GTK_WIDGET (onloop_tag_entry_get_entry (tags)));
  type_text (onloop_tag_entry_get_entry (tags), "pricing-leak,");
  onloop_test_flush ();

  row = onloop_trigger_editor_get_row (editor, "deal-size");
  {
    GtkWidget *expander = find_descendant (GTK_WIDGET (row), ADW_TYPE_EXPANDER_ROW);
    /* The scope's rows are titled by decision; tick CRM updates. */
    GtkWidget *scope_row = find_titled_row (expander, "CRM updates");
    GtkWidget *check = scope_row != NULL ? find_descendant (scope_row, GTK_TYPE_CHECK_BUTTON) : NULL;
    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    onloop_test_flush ();
  }

  edited = read_draft (f);
  trigger = onloop_spec_find_trigger (edited, "first-time");
  g_assert_cmpuint (trigger->fields, ==, ONLOOP_FIELD_INDUSTRY | ONLOOP_FIELD_OBJECTION);
  trigger = onloop_spec_find_trigger (edited, "ethical");
  g_assert_cmpuint (trigger->tags->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (trigger->tags, 1), ==, "former-employee");
  g_assert_cmpstr (g_ptr_array_index (trigger->tags, 2), ==, "pricing-leak");
  trigger = onloop_spec_find_trigger (edited, "deal-size");
  g_assert_cmpuint (trigger->decisions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (trigger->decisions, 0), ==, "crm-updates");

  /* Remove the new trigger with its trash button. */
  row = onloop_trigger_editor_get_row (editor, "first-time");
  remove = gtk_widget_get_last_child (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (row)));
  g_assert_true (GTK_IS_BUTTON (remove));
  g_signal_emit_by_name (remove, "clicked");
  onloop_test_flush ();
  removed = read_draft (f);
  g_assert_null (onloop_spec_find_trigger (removed, "first-time"));
  g_assert_null (onloop_trigger_editor_get_row (editor, "first-time"));
}

static AdwMessageDialog *
open_publish (Fixture *f)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "boundaries.publish", NULL));
  onloop_test_flush ();
  dialog = onloop_test_find_toplevel (ONLOOP_TYPE_PUBLISH_DIALOG, NULL);
  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
publish (Fixture    *f,
         const char *note)
{
  AdwMessageDialog *dialog = open_publish (f);

  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "publish"));
  type_text (onloop_publish_dialog_get_note_entry (ONLOOP_PUBLISH_DIALOG (dialog)), note);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "publish"));
  adw_message_dialog_response (dialog, "publish");
  onloop_test_flush ();
  wait_idle (f);
}

static void
test_publish_and_diff (Fixture       *f,
                       gconstpointer  data)
{
  OnloopTriggerRow *row = show_trigger (f, "deal-size");
  GtkWidget *spin = onloop_trigger_row_get_input (row, "min_arr");
  OnloopSpecHistory *history;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) v2 = NULL;
  OnloopSpecVersionInfo *info;
  const char *diff;

  g_assert_false (onloop_boundaries_view_get_badge_visible (f->view));
  type_text (GTK_EDITABLE (spin), "75000");
  press_enter (spin);
  g_assert_true (onloop_boundaries_view_get_badge_visible (f->view));

  /* A note is required: cancelling publishes nothing. */
  dialog = open_publish (f);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "publish"));
  type_text (onloop_publish_dialog_get_note_entry (ONLOOP_PUBLISH_DIALOG (dialog)), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "publish"));
  adw_message_dialog_response (dialog, "cancel");
  onloop_test_flush ();
  g_assert_cmpint (onloop_store_get_latest_version (f->store), ==, 1);

  publish (f, "Raise the deal-size threshold");
  versions = onloop_store_list_versions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  info = g_ptr_array_index (versions, 1);
  g_assert_cmpint (info->version, ==, 2);
  g_assert_cmpstr (info->note, ==, "Raise the deal-size threshold");
  v2 = onloop_store_load_version (f->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (onloop_spec_find_trigger (v2, "deal-size")->min_arr, ==, 75000);
  g_assert_false (onloop_boundaries_view_get_badge_visible (f->view));

  /* History: tick 1 and 2, read the change in words. */
  onloop_boundaries_view_show_page (f->view, "history");
  onloop_test_flush ();
  history = ONLOOP_SPEC_HISTORY (onloop_boundaries_view_get_history (f->view));
  g_assert_cmpuint (onloop_spec_history_get_n_versions (history), ==, 2);
  onloop_spec_history_select (history, 1, 2);
  diff = onloop_spec_history_get_diff_text (history);
  g_test_message ("diff: %s", diff);
  g_assert_nonnull (strstr (diff, "deal-size: min_arr 50,000 → 75,000"));

  /* Restore version 1 into the draft (its Restore… button, then the
   * confirmation): the threshold is back, unpublished. */
  {
    GtkWidget *row = find_titled_row (GTK_WIDGET (history), "Version 1");
    GtkWidget *restore = row != NULL ? find_descendant (row, GTK_TYPE_BUTTON) : NULL;
    GtkWidget *dialog = NULL;
    g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

    /* The row's only plain button is its Restore… (check buttons are not
     * GtkButtons in GTK 4). */
    g_assert_true (GTK_IS_BUTTON (restore));
    g_signal_emit_by_name (restore, "clicked");
    onloop_test_flush ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w) &&
            g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), "Restore Version 1?") == 0)
          dialog = w;
      }
    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
    onloop_test_flush ();
  }
  g_assert_cmpfloat (trigger_min_arr (f), ==, 50000);
  g_assert_true (onloop_boundaries_view_get_badge_visible (f->view));
  g_assert_cmpint (onloop_store_get_latest_version (f->store), ==, 2);
}

/* The rate the core calibration gives for the draft's own deal-size. */
static double
calibration_rate (Fixture *f,
                  double   min_arr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopLog) log = onloop_log_load (f->store, NULL, &error);
  g_autoptr(OnloopSpec) draft = read_draft (f);
  g_autoptr(OnloopCalibration) calibration = NULL;

  g_assert_no_error (error);
  calibration = onloop_calibration_new (log, draft, "deal-size", ONLOOP_RANGE_ALL, NULL, &error);
  g_assert_no_error (error);
  return onloop_calibration_rate_at (calibration, min_arr);
}

/* And what `onloop-cli calibrate --curve` says at that cut. */
static double
cli_rate (Fixture *f,
          double   min_arr)
{
  const char *cli = g_getenv ("ONLOOP_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *curve;
  int status = 0;
  const char *argv[] = { cli, "--db", f->path, "calibrate", "--trigger", "deal-size",
                         "--target", "0.125", "--curve", "--format", "json", NULL };

  if (cli == NULL)
    return NAN;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  curve = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "curve");
  for (guint i = 0; i < json_array_get_length (curve); i++)
    {
      JsonObject *point = json_array_get_object_element (curve, i);
      if (json_object_get_double_member (point, "threshold") == min_arr)
        return json_object_get_double_member (point, "exception_rate");
    }
  g_assert_not_reached ();
}

static void
test_preview_matches_calibration (Fixture       *f,
                                  gconstpointer  data)
{
  OnloopTriggerRow *row = show_trigger (f, "deal-size");
  GtkWidget *spin = onloop_trigger_row_get_input (row, "min_arr");
  OnloopPreview at_50k, typed, saved;
  double cli;

  g_assert_true (onloop_boundaries_view_get_preview (f->view, &at_50k));
  g_assert_cmpuint (at_50k.events, ==, N_EVENTS);
  g_assert_cmpfloat_with_epsilon (at_50k.exception_rate, calibration_rate (f, 50000), 1e-12);
  cli = cli_rate (f, 61250);
  (void) cli;

  /* Typing a threshold moves the preview before anything is saved. */
  type_text (GTK_EDITABLE (spin), "75,000");
  wait_idle (f);
  g_assert_true (onloop_boundaries_view_get_preview (f->view, &typed));
  g_assert_cmpfloat (trigger_min_arr (f), ==, 50000);
  g_assert_cmpfloat (typed.exception_rate, <, at_50k.exception_rate);
  g_assert_cmpfloat_with_epsilon (typed.exception_rate, calibration_rate (f, 75000), 1e-12);
  g_assert_nonnull (strstr (gtk_label_get_text (onloop_boundaries_view_get_preview_label (f->view)),
                            "%"));

  /* Saved, the preview equals what the command line reports for the draft. */
  press_enter (spin);
  wait_idle (f);
  g_assert_true (onloop_boundaries_view_get_preview (f->view, &saved));
  g_assert_cmpfloat (saved.exception_rate, ==, typed.exception_rate);
  cli = cli_rate (f, 75000);
  if (!isnan (cli))
    g_assert_cmpfloat_with_epsilon (saved.exception_rate, cli, 1e-9);
  g_assert_cmpuint (saved.recent_events, >, 0);
  g_assert_cmpuint (saved.recent_events, <, saved.events);
}

static const char *
warning_for (Fixture       *f,
             OnloopLintKind kind,
             const char    *where)
{
  GPtrArray *warnings = onloop_boundaries_view_get_warnings (f->view);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      OnloopLintWarning *warning = g_ptr_array_index (warnings, i);
      if (warning->kind == kind &&
          (g_strcmp0 (warning->decision, where) == 0 || g_strcmp0 (warning->trigger, where) == 0))
        return warning->message;
    }
  return NULL;
}

static void
test_lint_shown_where_it_applies (Fixture       *f,
                                  gconstpointer  data)
{
  OnloopBoundaryForm *form;
  AdwEntryRow *add;
  OnloopBoundaryItemRow *row;
  OnloopTriggerRow *trigger;

  /* meeting-scheduling has no boundary. */
  g_assert_nonnull (warning_for (f, ONLOOP_LINT_EXECUTION_NO_BOUNDARY, "meeting-scheduling"));
  g_assert_null (warning_for (f, ONLOOP_LINT_EXECUTION_NO_BOUNDARY, "follow-up-timing"));

  /* Allow what is forbidden: the warning sits on the item. */
  form = show_decision (f, "follow-up-timing");
  add = onloop_boundary_form_get_add_row (form, ONLOOP_BOUNDARY_MAY);
  type_text (GTK_EDITABLE (add), "Commit pricing");
  g_signal_emit_by_name (add, "apply");
  onloop_test_flush ();
  row = onloop_boundary_form_get_item_row (form, ONLOOP_BOUNDARY_MAY, "commit-pricing");
  g_assert_nonnull (row);
  wait_idle (f);
  g_assert_nonnull (warning_for (f, ONLOOP_LINT_MAY_AND_MUST_NOT, "follow-up-timing"));

  /* A threshold above every deal never fires; one at 0 fires on all. */
  trigger = show_trigger (f, "deal-size");
  type_text (GTK_EDITABLE (onloop_trigger_row_get_input (trigger, "min_arr")), "1,000,000");
  press_enter (onloop_trigger_row_get_input (trigger, "min_arr"));
  wait_idle (f);
  g_assert_nonnull (warning_for (f, ONLOOP_LINT_TRIGGER_NEVER_FIRES, "deal-size"));
  g_assert_nonnull (onloop_trigger_row_get_warning (trigger));
  g_assert_nonnull (strstr (onloop_trigger_row_get_warning (trigger), "never fire"));

  type_text (GTK_EDITABLE (onloop_trigger_row_get_input (trigger, "min_arr")), "0");
  press_enter (onloop_trigger_row_get_input (trigger, "min_arr"));
  wait_idle (f);
  g_assert_nonnull (warning_for (f, ONLOOP_LINT_TRIGGER_ALWAYS_FIRES, "deal-size"));
  g_assert_null (warning_for (f, ONLOOP_LINT_TRIGGER_NEVER_FIRES, "deal-size"));
}

static void
test_export_and_print (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (f->dir, "spec.json", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "spec.pdf", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) exported = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const char *keep = g_getenv ("ONLOOP_KEEP_PDF");

  g_assert_true (onloop_boundaries_view_export_to (f->view, json_file, &error));
  g_assert_no_error (error);
  exported = onloop_spec_load_file (json_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (exported->version, ==, 1);
  g_assert_cmpstr (exported->note, ==, "First boundaries");
  g_assert_nonnull (onloop_spec_find_trigger (exported, "deal-size"));

  g_assert_true (onloop_boundaries_view_print_to_pdf (f->view, pdf_path, &error));
  g_assert_no_error (error);
  pdf = onloop_test_read_bytes (pdf_path);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  if (keep != NULL)
    g_file_set_contents (keep, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
}

static void
test_edit_boundary_action (Fixture       *f,
                           gconstpointer  data)
{
  OnloopWindow *window = onloop_window_new (NULL);
  OnloopBoundariesView *view;

  gtk_window_present (GTK_WINDOW (window));
  onloop_test_wait_mapped (GTK_WIDGET (window));
  g_assert_true (onloop_window_open_path (window, f->path, FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map"));
  onloop_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-boundary", "s",
                                             "crm-updates"));
  onloop_test_flush ();
  g_assert_cmpstr (onloop_window_get_visible_view (window), ==, "boundaries");
  view = ONLOOP_BOUNDARIES_VIEW (find_descendant (GTK_WIDGET (window), ONLOOP_TYPE_BOUNDARIES_VIEW));
  g_assert_cmpstr (onloop_boundaries_view_get_page (view), ==, "decision");
  g_assert_cmpstr (onloop_boundary_form_get_key (ONLOOP_BOUNDARY_FORM (onloop_boundaries_view_get_form (view))),
                   ==, "crm-updates");

  /* Edits there go through the window's undo stack into the file. */
  {
    OnloopTriggerRow *row;
    GtkWidget *spin;

    onloop_boundaries_view_show_page (view, "triggers");
    onloop_test_flush ();
    row = onloop_trigger_editor_get_row (ONLOOP_TRIGGER_EDITOR (onloop_boundaries_view_get_trigger_editor (view)),
                                         "deal-size");
    spin = onloop_trigger_row_get_input (row, "min_arr");
    type_text (GTK_EDITABLE (spin), "75,000");
    press_enter (spin);
    g_assert_cmpfloat (trigger_min_arr (f), ==, 75000);
    g_assert_true (onloop_undo_stack_can_undo (onloop_window_get_undo_stack (window)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  onloop_test_flush ();
}

/* Wide and narrow, light and dark, into $ONLOOP_SCREENSHOT_DIR (or the
 * build dir): the narrow one must fold the list away. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *env = g_getenv ("ONLOOP_SCREENSHOT_DIR");
  g_autofree char *dir = env != NULL ? g_strdup (env)
                                     : g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  const struct { int width; int height; gboolean dark; const char *page; const char *name; } shots[] = {
    { 1100, 760, FALSE, "decision", "boundaries-wide-light.png" },
    { 1100, 760, TRUE, "triggers", "boundaries-wide-dark.png" },
    { 360, 720, FALSE, "decision", "boundaries-narrow-light.png" },
    { 360, 720, TRUE, "triggers", "boundaries-narrow-dark.png" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* What AdwApplication loads for the app. */
  gtk_css_provider_load_from_resource (css, "/io/github/onloop/Onloop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *png = g_build_filename (dir, shots[i].name, NULL);
      g_autoptr(GError) error = NULL;

#ifdef __SANITIZE_ADDRESS__
      /* libadwaita 1.2 loses render nodes that a folded AdwLeaflet pops in
       * its own snapshot (LeakSanitizer with full stacks: gsk_container_node_new
       * under gtk_snapshot_pop called from libadwaita). With the fast unwinder
       * the report stops in g_malloc, so no suppression can name the library;
       * the narrow layout is checked by the plain run. */
      if (shots[i].width < 400)
        {
          g_test_message ("%s: not taken under AddressSanitizer (a libadwaita 1.2 leak)",
                          shots[i].name);
          continue;
        }
#endif

      adw_style_manager_set_color_scheme (style, shots[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (GTK_WINDOW (f->toplevel), shots[i].width, shots[i].height);
      if (g_str_equal (shots[i].page, "decision"))
        onloop_boundaries_view_select_decision (f->view, "follow-up-timing");
      else
        onloop_boundaries_view_show_page (f->view, shots[i].page);
      onloop_test_wait (400);
      wait_idle (f);
      onloop_test_wait (100);
      if (shots[i].width < 400)
        g_assert_cmpint (gtk_widget_get_width (f->toplevel), <=, 400);
      g_assert_true (onloop_screenshot_save (f->toplevel, png, &error));
      g_assert_no_error (error);
    }
  /* The history with a diff, and the publish dialog. */
  {
    g_autofree char *png = g_build_filename (dir, "boundaries-history-light.png", NULL);
    g_autofree char *dialog_png = g_build_filename (dir, "boundaries-publish-dialog.png", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(OnloopTrigger) trigger = onloop_store_get_trigger (f->store, "deal-size", &error);
    OnloopSpecHistory *history = ONLOOP_SPEC_HISTORY (onloop_boundaries_view_get_history (f->view));
    GtkWidget *dialog;
    int version = 0;

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
    gtk_window_set_default_size (GTK_WINDOW (f->toplevel), 1100, 760);
    trigger->min_arr = 75000;
    g_assert_true (onloop_store_update_trigger (f->store, "deal-size", trigger, &error));
    g_assert_true (onloop_store_add_boundary_item (f->store, "follow-up-timing", ONLOOP_BOUNDARY_MUST_NOT,
                                                   -1, "promise-delivery-dates", "Promise delivery dates",
                                                   &error));
    g_assert_true (onloop_store_publish (f->store, "Raise the deal-size threshold", &version, &error));
    g_assert_no_error (error);
    onloop_boundaries_view_show_page (f->view, "history");
    onloop_spec_history_select (history, 1, 2);
    onloop_test_wait (400);
    wait_idle (f);
    g_assert_true (onloop_screenshot_save (f->toplevel, png, &error));

    dialog = onloop_boundaries_view_open_publish (f->view);
    onloop_test_wait_mapped (dialog);
    onloop_test_wait (200);
    g_assert_true (onloop_screenshot_save (dialog, dialog_png, &error));
    g_assert_no_error (error);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  onloop_test_gtk_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/boundaries/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("item/edit-label-then-id-and-undo", test_item_edit);
  ADD ("item/add-move-remove", test_item_add_remove_move);
  ADD ("item/invalid-input-shows-message-saves-nothing", test_item_invalid_not_saved);
  ADD ("workflow/phase-saved-and-undone", test_workflow_phase_and_undo);
  ADD ("trigger/threshold-saved-on-enter", test_trigger_threshold);
  ADD ("trigger/invalid-input-shows-message-saves-nothing", test_trigger_invalid_not_saved);
  ADD ("trigger/kinds-scope-add-remove", test_trigger_kinds_scope_add_remove);
  ADD ("publish/version-with-note-then-diff-and-restore", test_publish_and_diff);
  ADD ("preview/equals-core-calibration-and-cli", test_preview_matches_calibration);
  ADD ("lint/warnings-where-they-apply", test_lint_shown_where_it_applies);
  ADD ("export-json-and-print-pdf", test_export_and_print);
  ADD ("win-edit-boundary-selects-decision", test_edit_boundary_action);
  ADD ("screenshots", test_screenshots);

  return g_test_run ();
}
