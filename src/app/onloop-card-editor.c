/* onloop-card-editor.c: every field of one decision, saved as it is edited
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no Save button: a switch, a spin button or an applied entry is
 * one undoable edit at once; text views are saved after a short pause in
 * typing and when the window closes. The editor follows the card, so an
 * undo from the board shows here too.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-card-editor.h"
#include "onloop-map-command.h"
#include "onloop-store-map.h"

#define TEXT_PAUSE_MS 700

struct _OnloopCardEditor
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  AdwEntryRow       *title_row;
  AdwEntryRow       *workflow_row;
  GtkSpinButton     *frequency_spin;
  AdwPreferencesGroup *criteria_group;
  AdwActionRow      *criterion_row[ONLOOP_N_CRITERIA];
  GtkSwitch         *criterion_switch[ONLOOP_N_CRITERIA];
  GtkTextView       *description_view;
  GtkTextView       *notes_view;

  OnloopUndoStack   *undo_stack;
  OnloopBoardModel  *model;
  OnloopDecision    *decision;   /* the board's live card */
  char              *key;
  gulong             notify_handler;
  guint              text_timeout;
  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (OnloopCardEditor, onloop_card_editor, ADW_TYPE_WINDOW)

typedef void (*Change) (OnloopDecision *decision,
                        gconstpointer   data);

static void
show_error (OnloopCardEditor *self,
            const GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Cannot Save the Change"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Applies @change to the card as the workspace has it and pushes the edit. */
static gboolean
commit (OnloopCardEditor *self,
        Change            change,
        gconstpointer     data)
{
  OnloopStore *store = onloop_undo_stack_get_store (self->undo_stack);
  g_autoptr(OnloopDecision) before = NULL;
  g_autoptr(OnloopDecision) after = NULL;
  g_autoptr(OnloopCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return TRUE;

  before = onloop_store_get_decision (store, self->key, &error);
  if (before == NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  after = onloop_decision_copy (before);
  change (after, data);
  if (onloop_decision_equal (before, after))
    return TRUE;

  command = onloop_map_command_new_edit (before, after);
  if (!onloop_undo_stack_push (self->undo_stack, command, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
set_title (OnloopDecision *d, gconstpointer data)
{
  onloop_decision_set_title (d, data);
}

static void
set_workflow (OnloopDecision *d, gconstpointer data)
{
  onloop_decision_set_workflow (d, data);
}

static void
set_description (OnloopDecision *d, gconstpointer data)
{
  onloop_decision_set_description (d, data);
}

static void
set_notes (OnloopDecision *d, gconstpointer data)
{
  onloop_decision_set_notes (d, data);
}

static void
set_frequency (OnloopDecision *d, gconstpointer data)
{
  onloop_decision_set_frequency (d, *(const double *) data);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
title_apply_cb (OnloopCardEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  /* A card needs a title: keep the old one rather than fail. */
  if (*title == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  commit (self, set_title, title);
}

static void
workflow_apply_cb (OnloopCardEditor *self)
{
  g_autofree char *workflow = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->workflow_row))));

  commit (self, set_workflow, workflow);
}

static void
frequency_changed_cb (OnloopCardEditor *self)
{
  double value = gtk_spin_button_get_value (self->frequency_spin);

  commit (self, set_frequency, &value);
}

/* The four switches are the answers: once one is flipped, what they all
 * show is what is saved, so a question left off counts as "no" rather than
 * staying unanswered (one edit, one undo). */
static void
set_all_criteria (OnloopDecision *d, gconstpointer data)
{
  const gboolean *active = data;

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    onloop_decision_set_criterion (d, i, active[i] ? ONLOOP_ANSWER_YES : ONLOOP_ANSWER_NO);
}

static void
switch_active_cb (GtkSwitch        *sw,
                  GParamSpec       *pspec,
                  OnloopCardEditor *self)
{
  gboolean active[ONLOOP_N_CRITERIA];

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    active[i] = gtk_switch_get_active (self->criterion_switch[i]);

  commit (self, set_all_criteria, active);
}

static void
save_texts (OnloopCardEditor *self)
{
  g_autofree char *description = buffer_text (self->description_view);
  g_autofree char *notes = buffer_text (self->notes_view);

  g_clear_handle_id (&self->text_timeout, g_source_remove);
  commit (self, set_description, description);
  commit (self, set_notes, notes);
}

static gboolean
text_timeout_cb (gpointer user_data)
{
  OnloopCardEditor *self = ONLOOP_CARD_EDITOR (user_data);

  self->text_timeout = 0;
  save_texts (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (GtkTextBuffer    *buffer,
                 OnloopCardEditor *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->text_timeout, g_source_remove);
  self->text_timeout = g_timeout_add (TEXT_PAUSE_MS, text_timeout_cb, self);
}

static void
set_buffer (GtkTextView *view,
            const char  *text)
{
  g_autofree char *current = buffer_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
load (OnloopCardEditor *self)
{
  OnloopDecision *d = self->decision;
  OnloopCategory suggestion;
  g_autofree char *subtitle = NULL;

  if (d == NULL)
    return;

  self->loading = TRUE;

  adw_window_title_set_title (self->window_title, onloop_decision_get_title (d));
  adw_window_title_set_subtitle (self->window_title,
                                 onloop_category_get_label (onloop_decision_get_category (d)));
  set_entry (self->title_row, onloop_decision_get_title (d));
  set_entry (self->workflow_row, onloop_decision_get_workflow (d));
  gtk_spin_button_set_value (self->frequency_spin, onloop_decision_get_frequency (d));
  set_buffer (self->description_view, onloop_decision_get_description (d));
  set_buffer (self->notes_view, onloop_decision_get_notes (d));

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    {
      OnloopAnswer answer = onloop_decision_get_criterion (d, i);

      gtk_switch_set_active (self->criterion_switch[i], answer == ONLOOP_ANSWER_YES);
      adw_action_row_set_subtitle (self->criterion_row[i],
                                   answer == ONLOOP_ANSWER_UNANSWERED ? _("Not answered yet") :
                                   answer == ONLOOP_ANSWER_YES ? _("Yes") : _("No"));
    }

  suggestion = onloop_decision_get_suggestion (d);
  if (suggestion == ONLOOP_CATEGORY_UNSORTED)
    subtitle = g_strdup (_("All four yes suggests Execution; any no suggests Judgment. The card stays where the team puts it."));
  else
    subtitle = g_strdup_printf (_("These answers suggest %s. The card stays where the team puts it."),
                                onloop_category_get_label (suggestion));
  adw_preferences_group_set_description (self->criteria_group, subtitle);

  self->loading = FALSE;
}

static void
decision_notify_cb (OnloopDecision   *decision,
                    GParamSpec       *pspec,
                    OnloopCardEditor *self)
{
  load (self);
}

static void
model_changed_cb (OnloopBoardModel *model,
                  OnloopCardEditor *self)
{
  /* The card left the map (deleted, or undone): nothing left to edit. */
  if (onloop_board_model_lookup (model, self->key) != self->decision)
    gtk_window_close (GTK_WINDOW (self));
}

/* Ctrl+Z in the editor (outside a text field, which has its own) undoes on
 * the workspace's stack, as the main window does; the fields follow. */
static gboolean
undo_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  OnloopCardEditor *self = ONLOOP_CARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  save_texts (self);
  if (g_variant_get_boolean (args))
    ok = onloop_undo_stack_redo (self->undo_stack, &error);
  else
    ok = onloop_undo_stack_undo (self->undo_stack, &error);
  if (!ok)
    show_error (self, error);

  return TRUE;
}

static gboolean
onloop_card_editor_close_request (GtkWindow *window)
{
  onloop_card_editor_flush (ONLOOP_CARD_EDITOR (window));

  return GTK_WINDOW_CLASS (onloop_card_editor_parent_class)->close_request (window);
}

static void
onloop_card_editor_dispose (GObject *object)
{
  OnloopCardEditor *self = ONLOOP_CARD_EDITOR (object);

  g_clear_handle_id (&self->text_timeout, g_source_remove);
  g_clear_signal_handler (&self->notify_handler, self->decision);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_clear_object (&self->decision);
  g_clear_object (&self->model);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (onloop_card_editor_parent_class)->dispose (object);
}

static void
onloop_card_editor_finalize (GObject *object)
{
  OnloopCardEditor *self = ONLOOP_CARD_EDITOR (object);

  g_free (self->key);

  G_OBJECT_CLASS (onloop_card_editor_parent_class)->finalize (object);
}

static void
onloop_card_editor_class_init (OnloopCardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = onloop_card_editor_dispose;
  object_class->finalize = onloop_card_editor_finalize;
  window_class->close_request = onloop_card_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-card-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopCardEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OnloopCardEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, OnloopCardEditor, workflow_row);
  gtk_widget_class_bind_template_child (widget_class, OnloopCardEditor, frequency_spin);
  gtk_widget_class_bind_template_child (widget_class, OnloopCardEditor, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopCardEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, OnloopCardEditor, notes_view);
#define BIND_CRITERION(i) \
  gtk_widget_class_bind_template_child_full (widget_class, "criterion_row_" #i, FALSE, \
                                             G_STRUCT_OFFSET (OnloopCardEditor, criterion_row[i])); \
  gtk_widget_class_bind_template_child_full (widget_class, "criterion_switch_" #i, FALSE, \
                                             G_STRUCT_OFFSET (OnloopCardEditor, criterion_switch[i]))
  BIND_CRITERION (0);
  BIND_CRITERION (1);
  BIND_CRITERION (2);
  BIND_CRITERION (3);
#undef BIND_CRITERION
  gtk_widget_class_bind_template_callback (widget_class, title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, workflow_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, frequency_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, undo_cb,
                                "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, undo_cb,
                                "b", TRUE);
}

static void
onloop_card_editor_init (OnloopCardEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->criterion_row[i]),
                                     onloop_criterion_get_question (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->criterion_switch[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      onloop_criterion_get_question (i), -1);
      g_signal_connect (self->criterion_switch[i], "notify::active",
                        G_CALLBACK (switch_active_cb), self);
    }

  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (text_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (text_changed_cb), self);
}

OnloopCardEditor *
onloop_card_editor_new (OnloopUndoStack  *undo_stack,
                        OnloopBoardModel *model,
                        const char       *key)
{
  OnloopCardEditor *self;

  g_return_val_if_fail (ONLOOP_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (model), NULL);

  self = g_object_new (ONLOOP_TYPE_CARD_EDITOR, NULL);
  self->undo_stack = g_object_ref (undo_stack);
  self->model = g_object_ref (model);
  self->key = g_strdup (key);
  self->decision = onloop_board_model_lookup (model, key);
  if (self->decision != NULL)
    {
      g_object_ref (self->decision);
      self->notify_handler = g_signal_connect (self->decision, "notify",
                                               G_CALLBACK (decision_notify_cb), self);
    }
  g_signal_connect (model, "changed", G_CALLBACK (model_changed_cb), self);
  load (self);

  return self;
}

const char *
onloop_card_editor_get_key (OnloopCardEditor *self)
{
  g_return_val_if_fail (ONLOOP_IS_CARD_EDITOR (self), NULL);

  return self->key;
}

GtkWidget *
onloop_card_editor_get_criterion_switch (OnloopCardEditor *self,
                                         guint             criterion)
{
  g_return_val_if_fail (ONLOOP_IS_CARD_EDITOR (self), NULL);
  g_return_val_if_fail (criterion < ONLOOP_N_CRITERIA, NULL);

  return GTK_WIDGET (self->criterion_switch[criterion]);
}

void
onloop_card_editor_flush (OnloopCardEditor *self)
{
  g_autofree char *title = NULL;

  g_return_if_fail (ONLOOP_IS_CARD_EDITOR (self));

  if (self->decision == NULL || onloop_board_model_lookup (self->model, self->key) == NULL)
    return;

  /* Text typed into an entry but not applied is kept too. */
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (*title != '\0')
    commit (self, set_title, title);
  workflow_apply_cb (self);
  save_texts (self);
}
