/* onloop-boundary-item-row.c: one item of a boundary list (label + machine id)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The label is for people, the id is what the AI runtime logs as its action
 * or data source. Editing the label of a saved item does not change its id
 * (renaming an id silently would break the runtime's references); the id is
 * edited on its own and must be a slug unique in its list. Nothing invalid
 * leaves the row: the row says what is wrong and emits nothing. A valid
 * edit is emitted on Enter, on leaving the row, or after a pause in typing.
 *
 * Signals: "edit" (new id, new label or NULL when unchanged), "remove",
 * "move" (delta −1 or +1).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-boundary-item-row.h"
#include "onloop-slug.h"

struct _OnloopBoundaryItemRow
{
  GtkListBoxRow parent_instance;

  GtkEntry     *label_entry;
  GtkEntry     *id_entry;
  GtkWidget    *up_button;
  GtkWidget    *down_button;
  GtkWidget    *remove_button;
  GtkLabel     *error_label;
  GtkLabel     *warning_label;

  char         *id;
  char         *label;
  GStrv         siblings;
  char         *error;
  gboolean      editable;
  gboolean      dirty;      /* typed into, not saved yet */
  guint         save_timeout;
};

/* How long a pause in typing saves a valid edit. */
#define SAVE_DELAY_MS 1200

G_DEFINE_FINAL_TYPE (OnloopBoundaryItemRow, onloop_boundary_item_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  EDIT,
  REMOVE,
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

void
onloop_boundary_item_row_set_error (OnloopBoundaryItemRow *self,
                                    const char            *message)
{
  g_return_if_fail (ONLOOP_IS_BOUNDARY_ITEM_ROW (self));

  g_free (self->error);
  self->error = g_strdup (message);
  show_message (self->error_label, message);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
onloop_boundary_item_row_get_error (OnloopBoundaryItemRow *self)
{
  return self->error;
}

void
onloop_boundary_item_row_set_warning (OnloopBoundaryItemRow *self,
                                      const char            *message)
{
  g_return_if_fail (ONLOOP_IS_BOUNDARY_ITEM_ROW (self));

  show_message (self->warning_label, message);
}

/* NULL when @label and @id are acceptable, else what is wrong. */
static char *
check (OnloopBoundaryItemRow *self,
       const char            *label,
       const char            *id)
{
  if (*label == '\0')
    return g_strdup (_("The label cannot be empty"));
  if (!onloop_slug_is_valid (id))
    {
      g_autofree char *example = onloop_slugify (label);
      return g_strdup_printf (_("“%s” is not a valid id: use lower-case letters, digits and dashes, like “%s”"),
                              id, example);
    }
  if (self->siblings != NULL && g_strv_contains ((const char * const *) self->siblings, id))
    return g_strdup_printf (_("Another item of this list already has the id “%s”"), id);
  return NULL;
}

static void
set_entry_error (GtkEntry *entry,
                 gboolean  error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

void
onloop_boundary_item_row_commit (OnloopBoundaryItemRow *self)
{
  g_autofree char *label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry)));
  g_autofree char *id = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)));
  g_autofree char *problem = NULL;

  g_return_if_fail (ONLOOP_IS_BOUNDARY_ITEM_ROW (self));

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  g_strstrip (label);
  g_strstrip (id);
  problem = check (self, label, id);
  set_entry_error (self->label_entry, *label == '\0');
  set_entry_error (self->id_entry, problem != NULL && *label != '\0');
  onloop_boundary_item_row_set_error (self, problem);
  if (problem != NULL)
    return;

  self->dirty = FALSE;
  if (g_strcmp0 (label, self->label) == 0 && g_strcmp0 (id, self->id) == 0)
    return;

  g_signal_emit (self, signals[EDIT], 0, id, g_strcmp0 (label, self->label) != 0 ? label : NULL);
}

static gboolean
save_timeout_cb (gpointer data)
{
  OnloopBoundaryItemRow *self = data;

  self->save_timeout = 0;
  onloop_boundary_item_row_commit (self);
  return G_SOURCE_REMOVE;
}

/* While typing, say what is wrong at once; save on Enter, when the focus
 * leaves the row, or after a pause in typing, so nothing typed is lost. */
static void
entry_changed_cb (GtkEditable           *editable,
                  OnloopBoundaryItemRow *self)
{
  g_autofree char *label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry)));
  g_autofree char *id = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)));
  g_autofree char *problem = NULL;

  g_strstrip (label);
  g_strstrip (id);
  self->dirty = TRUE;
  problem = check (self, label, id);
  set_entry_error (self->label_entry, *label == '\0');
  set_entry_error (self->id_entry, problem != NULL && *label != '\0');
  onloop_boundary_item_row_set_error (self, problem);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (problem == NULL)
    self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_activate_cb (GtkEntry              *entry,
                   OnloopBoundaryItemRow *self)
{
  onloop_boundary_item_row_commit (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                OnloopBoundaryItemRow   *self)
{
  onloop_boundary_item_row_commit (self);
}

static void
remove_clicked_cb (GtkButton             *button,
                   OnloopBoundaryItemRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
up_clicked_cb (GtkButton             *button,
               OnloopBoundaryItemRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (GtkButton             *button,
                 OnloopBoundaryItemRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

/* Alt+↑ / Alt+↓ move the item, as they move cards on the Map. */
static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  OnloopBoundaryItemRow *self = ONLOOP_BOUNDARY_ITEM_ROW (widget);
  int delta = g_variant_get_int32 (args);
  GtkWidget *button = delta < 0 ? self->up_button : self->down_button;

  if (!self->editable || !gtk_widget_get_sensitive (button))
    return FALSE;
  g_signal_emit (self, signals[MOVE], 0, delta);
  return TRUE;
}

static void
onloop_boundary_item_row_dispose (GObject *object)
{
  OnloopBoundaryItemRow *self = ONLOOP_BOUNDARY_ITEM_ROW (object);

  g_clear_handle_id (&self->save_timeout, g_source_remove);

  G_OBJECT_CLASS (onloop_boundary_item_row_parent_class)->dispose (object);
}

static void
onloop_boundary_item_row_finalize (GObject *object)
{
  OnloopBoundaryItemRow *self = ONLOOP_BOUNDARY_ITEM_ROW (object);

  g_free (self->id);
  g_free (self->label);
  g_free (self->error);
  g_strfreev (self->siblings);

  G_OBJECT_CLASS (onloop_boundary_item_row_parent_class)->finalize (object);
}

static void
onloop_boundary_item_row_class_init (OnloopBoundaryItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onloop_boundary_item_row_dispose;
  object_class->finalize = onloop_boundary_item_row_finalize;

  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                G_TYPE_STRING, G_TYPE_STRING);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_add_binding (GTK_WIDGET_CLASS (klass), GDK_KEY_Up, GDK_ALT_MASK,
                                move_shortcut_cb, "i", -1);
  gtk_widget_class_add_binding (GTK_WIDGET_CLASS (klass), GDK_KEY_Down, GDK_ALT_MASK,
                                move_shortcut_cb, "i", 1);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
watch_entry (OnloopBoundaryItemRow *self,
             GtkEntry              *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
onloop_boundary_item_row_init (OnloopBoundaryItemRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line1 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *line2 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *id_caption = gtk_label_new (_("Id"));

  self->editable = TRUE;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "boundary-item");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  self->label_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->label_entry), TRUE);
  gtk_entry_set_placeholder_text (self->label_entry, _("What, in words"));
  watch_entry (self, self->label_entry);

  self->up_button = icon_button ("go-up-symbolic", _("Move Up"));
  self->down_button = icon_button ("go-down-symbolic", _("Move Down"));
  self->remove_button = icon_button ("user-trash-symbolic", _("Remove"));
  g_signal_connect (self->up_button, "clicked", G_CALLBACK (up_clicked_cb), self);
  g_signal_connect (self->down_button, "clicked", G_CALLBACK (down_clicked_cb), self);
  g_signal_connect (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);

  gtk_box_append (GTK_BOX (line1), GTK_WIDGET (self->label_entry));
  gtk_box_append (GTK_BOX (line1), self->up_button);
  gtk_box_append (GTK_BOX (line1), self->down_button);
  gtk_box_append (GTK_BOX (line1), self->remove_button);

  gtk_widget_add_css_class (id_caption, "dim-label");
  gtk_widget_add_css_class (id_caption, "caption");
  self->id_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->id_entry), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->id_entry), "monospace");
  gtk_widget_add_css_class (GTK_WIDGET (self->id_entry), "item-id");
  gtk_entry_set_input_hints (self->id_entry, GTK_INPUT_HINT_LOWERCASE | GTK_INPUT_HINT_NO_SPELLCHECK);
  watch_entry (self, self->id_entry);
  gtk_box_append (GTK_BOX (line2), id_caption);
  gtk_box_append (GTK_BOX (line2), GTK_WIDGET (self->id_entry));
  gtk_widget_set_margin_end (line2, 120);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->warning_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->warning_label, TRUE);
  gtk_label_set_xalign (self->warning_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->warning_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->warning_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), FALSE);

  gtk_box_append (GTK_BOX (box), line1);
  gtk_box_append (GTK_BOX (box), line2);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->warning_label));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
onloop_boundary_item_row_new (const OnloopBoundaryItem *item,
                              const char               *list_name)
{
  OnloopBoundaryItemRow *self = g_object_new (ONLOOP_TYPE_BOUNDARY_ITEM_ROW, NULL);
  g_autofree char *label_name = g_strdup_printf (_("%s: label"), list_name);
  g_autofree char *id_name = g_strdup_printf (_("%s: id"), list_name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->id_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, id_name, -1);
  onloop_boundary_item_row_update (self, item);
  return GTK_WIDGET (self);
}

const char *
onloop_boundary_item_row_get_id (OnloopBoundaryItemRow *self)
{
  return self->id;
}

static gboolean
is_editing (OnloopBoundaryItemRow *self)
{
  return gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (self->label_entry))) ||
         gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (self->id_entry))) ||
         self->dirty || self->error != NULL;
}

void
onloop_boundary_item_row_update (OnloopBoundaryItemRow    *self,
                                 const OnloopBoundaryItem *item)
{
  gboolean editing;

  g_return_if_fail (ONLOOP_IS_BOUNDARY_ITEM_ROW (self));

  /* A change made elsewhere (undo) wins over what was typed. */
  if (g_strcmp0 (item->id, self->id) != 0 || g_strcmp0 (item->label, self->label) != 0)
    {
      self->dirty = FALSE;
      onloop_boundary_item_row_set_error (self, NULL);
    }
  editing = is_editing (self);
  g_free (self->id);
  self->id = g_strdup (item->id);
  g_free (self->label);
  self->label = g_strdup (item->label);

  if (editing)
    return;

  g_signal_handlers_block_by_func (self->label_entry, entry_changed_cb, self);
  g_signal_handlers_block_by_func (self->id_entry, entry_changed_cb, self);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->label_entry)), item->label) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->label_entry), item->label);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)), item->id) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->id_entry), item->id);
  g_signal_handlers_unblock_by_func (self->label_entry, entry_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->id_entry, entry_changed_cb, self);
}

void
onloop_boundary_item_row_set_siblings (OnloopBoundaryItemRow *self,
                                       GStrv                  ids)
{
  g_strfreev (self->siblings);
  self->siblings = g_strdupv (ids);
}

void
onloop_boundary_item_row_set_position (OnloopBoundaryItemRow *self,
                                       guint                  index,
                                       guint                  n_items)
{
  gtk_widget_set_sensitive (self->up_button, self->editable && index > 0);
  gtk_widget_set_sensitive (self->down_button, self->editable && index + 1 < n_items);
}

void
onloop_boundary_item_row_set_editable (OnloopBoundaryItemRow *self,
                                       gboolean               editable)
{
  self->editable = editable;
  gtk_editable_set_editable (GTK_EDITABLE (self->label_entry), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->id_entry), editable);
  gtk_widget_set_visible (self->up_button, editable);
  gtk_widget_set_visible (self->down_button, editable);
}

GtkEditable *
onloop_boundary_item_row_get_label_entry (OnloopBoundaryItemRow *self)
{
  return GTK_EDITABLE (self->label_entry);
}

GtkEditable *
onloop_boundary_item_row_get_id_entry (OnloopBoundaryItemRow *self)
{
  return GTK_EDITABLE (self->id_entry);
}
