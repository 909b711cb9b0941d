/* onloop-trigger-editor.c: the exception triggers of the draft
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One OnloopTriggerRow per trigger, in spec order. Saving, adding and
 * removing go through the undo stack as spec commands. While a row is being
 * typed into, "preview" carries the trigger it would save (or NULL), so the
 * view can show the exception rate before anything is saved.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-spec-command.h"
#include "onloop-spec-lint.h"
#include "onloop-trigger-editor.h"

struct _OnloopTriggerEditor
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *intro_group;
  GtkWidget           *empty_page;

  GPtrArray           *rows;   /* OnloopTriggerRow *, in spec order */
  OnloopStore         *store;
  OnloopUndoStack     *undo_stack;
  OnloopSpec          *draft;
  char                *currency;
};

G_DEFINE_FINAL_TYPE (OnloopTriggerEditor, onloop_trigger_editor, ADW_TYPE_BIN)

enum {
  PREVIEW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (OnloopTriggerEditor *self,
        const GError        *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static gboolean
run (OnloopTriggerEditor  *self,
     OnloopCommand        *command,
     GError              **error)
{
  g_autoptr(OnloopCommand) owned = command;

  if (self->store == NULL)
    return TRUE;
  if (self->undo_stack != NULL)
    return onloop_undo_stack_push (self->undo_stack, owned, error);
  return onloop_command_apply (owned, self->store, error);
}

static OnloopTrigger *
saved_trigger (OnloopTriggerEditor *self,
               OnloopTriggerRow    *row)
{
  return self->draft != NULL ? onloop_spec_find_trigger (self->draft,
                                                         onloop_trigger_row_get_id (row))
                             : NULL;
}

static void
row_save_cb (OnloopTriggerRow    *row,
             OnloopTrigger       *candidate,
             OnloopTriggerEditor *self)
{
  g_autoptr(GError) error = NULL;
  OnloopTrigger *before = saved_trigger (self, row);

  if (before == NULL)
    return;
  if (!run (self, onloop_spec_command_new_set_trigger (before, candidate), &error))
    onloop_trigger_row_set_error (row, error->message);
}

static void
row_preview_cb (OnloopTriggerRow    *row,
                OnloopTrigger       *candidate,
                OnloopTriggerEditor *self)
{
  g_signal_emit (self, signals[PREVIEW], 0, onloop_trigger_row_get_id (row), candidate);
}

static void
row_remove_cb (OnloopTriggerRow    *row,
               OnloopTriggerEditor *self)
{
  g_autoptr(GError) error = NULL;
  OnloopTrigger *before = saved_trigger (self, row);

  if (before != NULL && !run (self, onloop_spec_command_new_remove_trigger (before), &error))
    report (self, error);
}

gboolean
onloop_trigger_editor_add (OnloopTriggerEditor  *self,
                           OnloopTriggerKind     kind,
                           GError              **error)
{
  const char *base = onloop_trigger_kind_to_string (kind);
  g_autofree char *slug = g_strdelimit (g_strdup (base), "_", '-');
  g_autofree char *id = g_strdup (slug);
  OnloopTrigger *trigger;
  gboolean ok;

  if (kind == ONLOOP_TRIGGER_SENTIMENT)
    {
      g_free (slug);
      slug = g_strdup ("negative-sentiment");
      g_free (id);
      id = g_strdup (slug);
    }

  for (guint n = 2; self->draft != NULL && onloop_spec_find_trigger (self->draft, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", slug, n);
    }

  trigger = onloop_trigger_new (id, kind);
  /* The starting values of the method's examples. */
  trigger->min_arr = 50000;
  trigger->below = -0.3;
  trigger->fields = ONLOOP_FIELD_INDUSTRY | ONLOOP_FIELD_PERSONA | ONLOOP_FIELD_OBJECTION;
  trigger->min_engagement = 0.7;
  trigger->min_days_in_stage = 21;
  if (kind == ONLOOP_TRIGGER_ETHICAL)
    {
      g_ptr_array_add (trigger->tags, g_strdup ("competitive-intel"));
      g_ptr_array_add (trigger->tags, g_strdup ("reference-check"));
    }

  ok = run (self, onloop_spec_command_new_add_trigger (trigger, -1), error);
  onloop_trigger_free (trigger);
  return ok;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  OnloopTriggerEditor *self = ONLOOP_TRIGGER_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  OnloopTriggerKind kind;

  if (!onloop_trigger_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  if (!onloop_trigger_editor_add (self, kind, &error))
    report (self, error);
}

static void
onloop_trigger_editor_dispose (GObject *object)
{
  OnloopTriggerEditor *self = ONLOOP_TRIGGER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->draft, onloop_spec_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_TRIGGER_EDITOR);

  G_OBJECT_CLASS (onloop_trigger_editor_parent_class)->dispose (object);
}

static void
onloop_trigger_editor_class_init (OnloopTriggerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_trigger_editor_dispose;

  /* (const char *id, OnloopTrigger *candidate or NULL) */
  signals[PREVIEW] = g_signal_new ("preview", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   G_TYPE_STRING, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-trigger-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopTriggerEditor, intro_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopTriggerEditor, empty_page);

  gtk_widget_class_install_action (widget_class, "triggers.add", "s", add_action);
}

static void
onloop_trigger_editor_init (OnloopTriggerEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
onloop_trigger_editor_set_store (OnloopTriggerEditor *self,
                                 OnloopStore         *store,
                                 OnloopUndoStack     *undo_stack)
{
  g_set_object (&self->store, store);
  g_set_object (&self->undo_stack, undo_stack);
}

static GStrv
ids_except (OnloopSpec *draft,
            const char *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < draft->triggers->len; i++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (draft->triggers, i);
      if (g_strcmp0 (trigger->id, id) != 0)
        g_strv_builder_add (builder, trigger->id);
    }
  return g_strv_builder_end (builder);
}

void
onloop_trigger_editor_show (OnloopTriggerEditor *self,
                            OnloopSpec          *draft,
                            GPtrArray           *warnings)
{
  g_autofree char *currency = NULL;
  gboolean same = TRUE;

  g_return_if_fail (ONLOOP_IS_TRIGGER_EDITOR (self));

  if (draft != self->draft)
    {
      g_clear_pointer (&self->draft, onloop_spec_unref);
      self->draft = draft != NULL ? onloop_spec_ref (draft) : NULL;
    }
  if (draft == NULL)
    return;

  currency = self->store != NULL ? onloop_store_get_setting (self->store, "currency") : NULL;
  if (currency == NULL)
    currency = g_strdup ("USD");
  /* The deal size shows the workspace's currency: new rows if it changed. */
  if (g_strcmp0 (currency, self->currency) != 0)
    {
      g_free (self->currency);
      self->currency = g_strdup (currency);
      same = FALSE;
    }

  /* Keep the rows (and what is being typed) when the same triggers of the
   * same kinds are still there in the same order. */
  if (self->rows->len != draft->triggers->len)
    same = FALSE;
  for (guint i = 0; same && i < draft->triggers->len; i++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (draft->triggers, i);
      OnloopTrigger *shown = saved_trigger (self, g_ptr_array_index (self->rows, i));
      if (g_strcmp0 (trigger->id, onloop_trigger_row_get_id (g_ptr_array_index (self->rows, i))) != 0 ||
          shown == NULL || shown->kind != trigger->kind)
        same = FALSE;
    }

  if (!same)
    {
      for (guint i = 0; i < self->rows->len; i++)
        adw_preferences_page_remove (ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self))), g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);

      for (guint i = 0; i < draft->triggers->len; i++)
        {
          OnloopTrigger *trigger = g_ptr_array_index (draft->triggers, i);
          GtkWidget *row = onloop_trigger_row_new (trigger, draft->decisions, currency);

          g_signal_connect (row, "save", G_CALLBACK (row_save_cb), self);
          g_signal_connect (row, "preview", G_CALLBACK (row_preview_cb), self);
          g_signal_connect (row, "remove", G_CALLBACK (row_remove_cb), self);
          g_ptr_array_add (self->rows, g_object_ref_sink (row));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self))), ADW_PREFERENCES_GROUP (row));
        }
    }

  for (guint i = 0; i < draft->triggers->len; i++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (draft->triggers, i);
      OnloopTriggerRow *row = g_ptr_array_index (self->rows, i);
      g_auto(GStrv) siblings = ids_except (draft, trigger->id);
      g_autoptr(GPtrArray) mine = onloop_lint_filter (warnings, NULL, trigger->id, FALSE);

      if (same)
        onloop_trigger_row_update (row, trigger, draft->decisions);
      onloop_trigger_row_set_siblings (row, siblings);
      onloop_trigger_row_set_warning (row, mine->len > 0
                                      ? ((OnloopLintWarning *) g_ptr_array_index (mine, 0))->message
                                      : NULL);
    }

  gtk_widget_set_visible (self->empty_page, draft->triggers->len == 0);
}

OnloopTriggerRow *
onloop_trigger_editor_get_row (OnloopTriggerEditor *self,
                               const char          *id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      OnloopTriggerRow *row = g_ptr_array_index (self->rows, i);
      if (g_strcmp0 (onloop_trigger_row_get_id (row), id) == 0)
        return row;
    }
  return NULL;
}
