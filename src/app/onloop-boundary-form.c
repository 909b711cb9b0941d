/* onloop-boundary-form.c: the boundary of one decision (may, uses, must not)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit goes to the workspace at once, as one transaction (and one
 * step of the undo stack); the form then hears the store's "changed" like
 * every other view and is shown again from the draft. Rows are kept when
 * the items they show are still there, so the focus and half-typed text
 * survive an update.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-boundary-form.h"
#include "onloop-slug.h"
#include "onloop-spec-command.h"
#include "onloop-spec-lint.h"
#include "onloop-store-map.h"

typedef struct
{
  GtkListBox  *list;
  AdwEntryRow *add_row;
  GtkLabel    *add_error;
  const char  *name;
} ListPart;

struct _OnloopBoundaryForm
{
  AdwBin                parent_instance;

  AdwPreferencesGroup  *title_group;
  GtkLabel             *note_label;
  GtkLabel             *warning_label;
  AdwPreferencesGroup  *workflow_group;
  AdwComboRow          *phase_row;
  AdwComboRow          *cadence_row;
  AdwPreferencesGroup  *may_group;
  AdwPreferencesGroup  *uses_group;
  AdwPreferencesGroup  *must_not_group;
  GtkListBox           *may_list;
  GtkListBox           *uses_list;
  GtkListBox           *must_not_list;

  ListPart              parts[ONLOOP_N_BOUNDARY_LISTS];

  OnloopStore          *store;
  OnloopUndoStack      *undo_stack;
  char                 *key;
  char                 *workflow;
  char                 *title;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (OnloopBoundaryForm, onloop_boundary_form, ADW_TYPE_BIN)

static const char *cadences[] = { "daily", "weekly", "biweekly", "monthly" };

static const char *
phase_meaning (guint phase)
{
  switch (phase)
    {
    case ONLOOP_PHASE_SHADOW:
      return _("Weeks 1–2: the AI acts, people watch and step in only to prevent harm, noting where they would have intervened");
    case ONLOOP_PHASE_EXCEPTION_ONLY:
      return _("Weeks 3–4: people act only on exception triggers and review the rest weekly in a batch");
    case ONLOOP_PHASE_STEADY:
    default:
      return _("Month 2 on: people handle exceptions, strategy and coaching; the rest gets monthly spot checks");
    }
}

static void
report (OnloopBoundaryForm *self,
        const GError       *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_warning ("%s", error->message);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
}

/* Runs @command on the undo stack (or on the store alone when there is no
 * stack), as one transaction. */
static gboolean
run (OnloopBoundaryForm  *self,
     OnloopCommand       *command,
     GError             **error)
{
  g_autoptr(OnloopCommand) owned = command;

  if (self->undo_stack != NULL)
    return onloop_undo_stack_push (self->undo_stack, owned, error);
  return onloop_command_apply (owned, self->store, error);
}

static OnloopBoundaryList
list_of (OnloopBoundaryForm *self,
         GtkWidget          *row)
{
  GtkWidget *parent = gtk_widget_get_parent (row);

  for (guint i = 0; i < ONLOOP_N_BOUNDARY_LISTS; i++)
    if (parent == GTK_WIDGET (self->parts[i].list))
      return i;
  g_return_val_if_reached (ONLOOP_BOUNDARY_MAY);
}

static void
item_edit_cb (OnloopBoundaryItemRow *row,
              const char            *new_id,
              const char            *new_label,
              OnloopBoundaryForm    *self)
{
  g_autoptr(GError) error = NULL;
  OnloopBoundaryList list = list_of (self, GTK_WIDGET (row));
  g_autofree char *old_id = g_strdup (onloop_boundary_item_row_get_id (row));

  /* Only what changed: a new id alone is a rename, a new label alone a relabel. */
  if (g_strcmp0 (new_id, old_id) == 0)
    new_id = NULL;
  if (!run (self, onloop_spec_command_new_edit_item (self->key, self->title, list, old_id,
                                                     new_id, new_label), &error))
    onloop_boundary_item_row_set_error (row, error->message);
}

static void
item_remove_cb (OnloopBoundaryItemRow *row,
                OnloopBoundaryForm    *self)
{
  g_autoptr(GError) error = NULL;
  OnloopBoundaryList list = list_of (self, GTK_WIDGET (row));
  g_autofree char *id = g_strdup (onloop_boundary_item_row_get_id (row));

  if (!run (self, onloop_spec_command_new_remove_item (self->key, self->title, list, id), &error))
    report (self, error);
}

static void
item_move_cb (OnloopBoundaryItemRow *row,
              int                    delta,
              OnloopBoundaryForm    *self)
{
  g_autoptr(GError) error = NULL;
  OnloopBoundaryList list = list_of (self, GTK_WIDGET (row));
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;
  g_autofree char *id = g_strdup (onloop_boundary_item_row_get_id (row));

  if (index < 0)
    return;
  if (!run (self, onloop_spec_command_new_move_item (self->key, self->title, list, id, index),
            &error))
    report (self, error);
  else
    {
      /* Keep the keyboard on the item that moved. */
      OnloopBoundaryItemRow *moved = onloop_boundary_form_get_item_row (self, list, id);
      if (moved != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (moved));
    }
}

static GStrv
ids_of_list (GPtrArray  *items,
             const char *except)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);
      if (g_strcmp0 (item->id, except) != 0)
        g_strv_builder_add (builder, item->id);
    }
  return g_strv_builder_end (builder);
}

static char *
unique_id (GPtrArray  *items,
           const char *label)
{
  g_autofree char *base = onloop_slugify (label);
  g_auto(GStrv) ids = ids_of_list (items, NULL);
  char *id = g_strdup (base);

  for (guint n = 2; g_strv_contains ((const char * const *) ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

static void
add_apply_cb (AdwEntryRow        *add_row,
              OnloopBoundaryForm *self)
{
  OnloopBoundaryList list = ONLOOP_BOUNDARY_MAY;
  g_autofree char *label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (add_row)));
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) draft = NULL;
  OnloopSpecDecision *decision;
  g_autofree char *id = NULL;

  for (guint i = 0; i < ONLOOP_N_BOUNDARY_LISTS; i++)
    if (self->parts[i].add_row == add_row)
      list = i;

  g_strstrip (label);
  if (*label == '\0')
    {
      gtk_label_set_text (self->parts[list].add_error, _("Type a label first"));
      gtk_widget_set_visible (GTK_WIDGET (self->parts[list].add_error), TRUE);
      return;
    }

  draft = onloop_store_load_draft (self->store, &error);
  decision = draft != NULL ? onloop_spec_find_decision (draft, self->key) : NULL;
  if (decision == NULL)
    {
      if (error != NULL)
        report (self, error);
      return;
    }

  id = unique_id (onloop_spec_decision_get_list (decision, list), label);
  if (!run (self, onloop_spec_command_new_add_item (self->key, self->title, list, -1, id, label),
            &error))
    {
      gtk_label_set_text (self->parts[list].add_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->parts[list].add_error), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->parts[list].add_error), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (add_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (add_row));
}

static void
save_workflow (OnloopBoundaryForm *self)
{
  g_autoptr(GError) error = NULL;
  guint phase = adw_combo_row_get_selected (self->phase_row);
  guint cadence = adw_combo_row_get_selected (self->cadence_row);

  if (self->updating || self->workflow == NULL || phase == GTK_INVALID_LIST_POSITION ||
      cadence == GTK_INVALID_LIST_POSITION)
    return;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->phase_row), phase_meaning (phase));
  if (!run (self, onloop_spec_command_new_set_workflow (self->workflow, phase,
                                                        cadences[MIN (cadence, 3)]),
            &error))
    report (self, error);
}

static void
phase_selected_cb (AdwComboRow        *row,
                   GParamSpec         *pspec,
                   OnloopBoundaryForm *self)
{
  save_workflow (self);
}

static void
cadence_selected_cb (AdwComboRow        *row,
                     GParamSpec         *pspec,
                     OnloopBoundaryForm *self)
{
  save_workflow (self);
}

static void
onloop_boundary_form_dispose (GObject *object)
{
  OnloopBoundaryForm *self = ONLOOP_BOUNDARY_FORM (object);

  g_clear_object (&self->store);
  g_clear_object (&self->undo_stack);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_BOUNDARY_FORM);

  G_OBJECT_CLASS (onloop_boundary_form_parent_class)->dispose (object);
}

static void
onloop_boundary_form_finalize (GObject *object)
{
  OnloopBoundaryForm *self = ONLOOP_BOUNDARY_FORM (object);

  g_free (self->key);
  g_free (self->workflow);
  g_free (self->title);

  G_OBJECT_CLASS (onloop_boundary_form_parent_class)->finalize (object);
}

static void
onloop_boundary_form_class_init (OnloopBoundaryFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_boundary_form_dispose;
  object_class->finalize = onloop_boundary_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-boundary-form.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, title_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, note_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, warning_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, workflow_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, phase_row);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, may_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, uses_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, must_not_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, may_list);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, uses_list);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundaryForm, must_not_list);
  gtk_widget_class_bind_template_callback (widget_class, phase_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cadence_selected_cb);
}

static void
onloop_boundary_form_init (OnloopBoundaryForm *self)
{
  GtkListBox *lists[] = { NULL, NULL, NULL };
  AdwPreferencesGroup *groups[] = { NULL, NULL, NULL };
  const char *names[] = { N_("May"), N_("Uses"), N_("Must Not") };
  const char *add_titles[] = { N_("Add an action the AI may take"),
                               N_("Add data the AI uses"),
                               N_("Add an action the AI must not take") };

  gtk_widget_init_template (GTK_WIDGET (self));

  lists[0] = self->may_list;
  lists[1] = self->uses_list;
  lists[2] = self->must_not_list;
  groups[0] = self->may_group;
  groups[1] = self->uses_group;
  groups[2] = self->must_not_group;

  for (guint i = 0; i < ONLOOP_N_BOUNDARY_LISTS; i++)
    {
      ListPart *part = &self->parts[i];

      part->list = lists[i];
      part->name = _(names[i]);
      part->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (part->add_row), _(add_titles[i]));
      adw_entry_row_set_show_apply_button (part->add_row, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (part->add_row), "add-item");
      g_signal_connect (part->add_row, "apply", G_CALLBACK (add_apply_cb), self);
      g_signal_connect (part->add_row, "entry-activated", G_CALLBACK (add_apply_cb), self);
      gtk_list_box_append (part->list, GTK_WIDGET (part->add_row));

      part->add_error = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (part->add_error, TRUE);
      gtk_label_set_xalign (part->add_error, 0);
      gtk_widget_set_margin_top (GTK_WIDGET (part->add_error), 6);
      gtk_widget_add_css_class (GTK_WIDGET (part->add_error), "error");
      gtk_widget_set_visible (GTK_WIDGET (part->add_error), FALSE);
      adw_preferences_group_add (groups[i], GTK_WIDGET (part->add_error));
    }
}

void
onloop_boundary_form_set_store (OnloopBoundaryForm *self,
                                OnloopStore        *store,
                                OnloopUndoStack    *undo_stack)
{
  g_return_if_fail (ONLOOP_IS_BOUNDARY_FORM (self));

  g_set_object (&self->store, store);
  g_set_object (&self->undo_stack, undo_stack);
}

static void
show_list (OnloopBoundaryForm *self,
           OnloopBoundaryList  which,
           GPtrArray          *items,
           GPtrArray          *warnings,
           gboolean            editable)
{
  ListPart *part = &self->parts[which];
  gboolean same = TRUE;
  guint n_rows = 0;
  GtkWidget *child;

  /* The rows stay when they show the same ids in the same order. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (part->list));
       child != NULL && ONLOOP_IS_BOUNDARY_ITEM_ROW (child);
       child = gtk_widget_get_next_sibling (child))
    {
      OnloopBoundaryItem *item = n_rows < items->len ? g_ptr_array_index (items, n_rows) : NULL;
      if (item == NULL ||
          g_strcmp0 (item->id, onloop_boundary_item_row_get_id (ONLOOP_BOUNDARY_ITEM_ROW (child))) != 0)
        same = FALSE;
      n_rows++;
    }
  if (n_rows != items->len)
    same = FALSE;

  if (!same)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (part->list))) != NULL &&
             ONLOOP_IS_BOUNDARY_ITEM_ROW (child))
        gtk_list_box_remove (part->list, child);

      for (guint i = 0; i < items->len; i++)
        {
          GtkWidget *row = onloop_boundary_item_row_new (g_ptr_array_index (items, i), part->name);

          g_signal_connect (row, "edit", G_CALLBACK (item_edit_cb), self);
          g_signal_connect (row, "remove", G_CALLBACK (item_remove_cb), self);
          g_signal_connect (row, "move", G_CALLBACK (item_move_cb), self);
          gtk_list_box_insert (part->list, row, i);
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);
      OnloopBoundaryItemRow *row =
        ONLOOP_BOUNDARY_ITEM_ROW (gtk_list_box_get_row_at_index (part->list, i));
      g_auto(GStrv) siblings = ids_of_list (items, item->id);
      const char *warning = NULL;

      onloop_boundary_item_row_update (row, item);
      onloop_boundary_item_row_set_siblings (row, siblings);
      onloop_boundary_item_row_set_editable (row, editable);
      onloop_boundary_item_row_set_position (row, i, items->len);

      for (guint w = 0; warnings != NULL && w < warnings->len; w++)
        {
          OnloopLintWarning *lint = g_ptr_array_index (warnings, w);
          if (lint->item != NULL && g_strcmp0 (lint->item, item->id) == 0 &&
              which != ONLOOP_BOUNDARY_USES)
            warning = lint->message;
        }
      onloop_boundary_item_row_set_warning (row, warning);
    }

  gtk_widget_set_visible (GTK_WIDGET (part->add_row), editable);
}

void
onloop_boundary_form_show (OnloopBoundaryForm *self,
                           OnloopSpec         *draft,
                           const char         *key,
                           GPtrArray          *warnings)
{
  OnloopSpecDecision *decision;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) with_items = NULL;
  g_autoptr(GString) warning_text = g_string_new (NULL);
  gboolean execution;
  AdwPreferencesGroup *groups[] = { self->may_group, self->uses_group, self->must_not_group };

  g_return_if_fail (ONLOOP_IS_BOUNDARY_FORM (self));

  decision = draft != NULL && key != NULL ? onloop_spec_find_decision (draft, key) : NULL;
  if (decision == NULL)
    return;

  if (g_strcmp0 (self->key, key) != 0)
    {
      for (guint i = 0; i < ONLOOP_N_BOUNDARY_LISTS; i++)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->parts[i].add_row), "");
          gtk_widget_set_visible (GTK_WIDGET (self->parts[i].add_error), FALSE);
        }
    }

  g_free (self->key);
  self->key = g_strdup (key);
  g_free (self->title);
  self->title = g_strdup (decision->title);
  g_free (self->workflow);
  self->workflow = g_strdup (decision->workflow);

  self->updating = TRUE;
  execution = decision->category == ONLOOP_CATEGORY_EXECUTION;
  adw_preferences_group_set_title (self->title_group, decision->title);
  adw_preferences_group_set_description (self->title_group,
                                         execution ? _("Execution decision: the AI acts on it within this boundary")
                                         : decision->category == ONLOOP_CATEGORY_JUDGMENT
                                         ? _("Judgment decision")
                                         : _("Not sorted yet on the Map"));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), !execution);

  mine = onloop_lint_filter (warnings, key, NULL, FALSE);
  for (guint i = 0; i < mine->len; i++)
    {
      OnloopLintWarning *lint = g_ptr_array_index (mine, i);
      if (warning_text->len > 0)
        g_string_append_c (warning_text, '\n');
      g_string_append_printf (warning_text, "⚠ %s", lint->message);
    }
  gtk_label_set_text (self->warning_label, warning_text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning_text->len > 0);

  /* Workflow settings. */
  gtk_widget_set_visible (GTK_WIDGET (self->workflow_group), decision->workflow != NULL);
  if (decision->workflow != NULL)
    {
      OnloopPhase phase = ONLOOP_PHASE_SHADOW;
      g_autofree char *cadence = NULL;
      g_autofree char *title = g_strdup_printf (_("Workflow “%s”"), decision->workflow);

      if (self->store != NULL)
        onloop_store_get_workflow (self->store, decision->workflow, &phase, &cadence, NULL);
      adw_preferences_group_set_title (self->workflow_group, title);
      adw_preferences_group_set_description (self->workflow_group,
                                             _("Rollout is tracked per workflow: these settings apply to every decision in it."));
      adw_combo_row_set_selected (self->phase_row, phase);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->phase_row), phase_meaning (phase));
      for (guint i = 0; i < G_N_ELEMENTS (cadences); i++)
        if (g_strcmp0 (cadence, cadences[i]) == 0)
          adw_combo_row_set_selected (self->cadence_row, i);
    }

  with_items = onloop_lint_filter (warnings, key, NULL, TRUE);
  for (guint i = 0; i < ONLOOP_N_BOUNDARY_LISTS; i++)
    {
      GPtrArray *items = onloop_spec_decision_get_list (decision, i);

      /* Judgment decisions are read-only; one that still has items shows
       * them, so the warning about it has something to point at. */
      gtk_widget_set_visible (GTK_WIDGET (groups[i]), execution || items->len > 0);
      show_list (self, i, items, with_items, execution);
    }
  self->updating = FALSE;
}

const char *
onloop_boundary_form_get_key (OnloopBoundaryForm *self)
{
  return self->key;
}

OnloopBoundaryItemRow *
onloop_boundary_form_get_item_row (OnloopBoundaryForm *self,
                                   OnloopBoundaryList  list,
                                   const char         *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->parts[list].list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ONLOOP_IS_BOUNDARY_ITEM_ROW (child) &&
        g_strcmp0 (onloop_boundary_item_row_get_id (ONLOOP_BOUNDARY_ITEM_ROW (child)), id) == 0)
      return ONLOOP_BOUNDARY_ITEM_ROW (child);
  return NULL;
}

AdwEntryRow *
onloop_boundary_form_get_add_row (OnloopBoundaryForm *self,
                                  OnloopBoundaryList  list)
{
  return self->parts[list].add_row;
}

const char *
onloop_boundary_form_get_add_error (OnloopBoundaryForm *self,
                                    OnloopBoundaryList  list)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->parts[list].add_error)))
    return NULL;
  return gtk_label_get_text (self->parts[list].add_error);
}

AdwComboRow *
onloop_boundary_form_get_phase_row (OnloopBoundaryForm *self)
{
  return self->phase_row;
}
