/* onloop-map-view.c: the Map view of a workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hands every view the open workspace and its undo stack through
 * the "store" and "undo-stack" properties (NULL when none is open).
 *
 * Every operation on the board is a board.* action taking the card's key:
 * keys on a card, the card menu, drops and quick add all end here, as one
 * command on the undo stack. The board model follows the store, the columns
 * follow the model, and the focus follows the card that moved.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "onloop-card-editor.h"
#include "onloop-map-command.h"
#include "onloop-map-view.h"
#include "onloop-starter-deck.h"
#include "onloop-store-map.h"

struct _OnloopMapView
{
  AdwBin                parent_instance;

  GtkStack             *stack;
  GtkLabel             *starter_label;
  GtkWidget            *toolbar;
  GtkDropDown          *workflow_dropdown;
  GtkToggleButton      *group_button;
  OnloopShareBar       *share_bar;
  GtkWidget            *present_button;
  GtkWidget            *board_menu_button;
  OnloopBoardColumn    *columns[ONLOOP_N_CATEGORIES];

  OnloopStore          *store;
  OnloopUndoStack      *undo_stack;
  OnloopBoardModel     *model;
  GStrv                 workflows;
  GtkStringList        *workflow_list;
  AdwToast             *toast;
  GtkFileChooserNative *chooser;
  char                 *focus_key;
  guint                 refocus_idle;
  gboolean              start_empty;
  gboolean              presenting;
  gboolean              updating_filter;
};

G_DEFINE_FINAL_TYPE (OnloopMapView, onloop_map_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNDO_STACK,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const board_actions[] = {
  "board.move-to", "board.move-to-index", "board.reorder", "board.focus-column", "board.edit",
  "board.delete", "board.quick-add", "board.edit-boundary", "board.load-starter-deck",
  "board.start-empty", "board.export",
};

/* Toasts */

static void
toast_dismissed_cb (AdwToast      *toast,
                    OnloopMapView *self)
{
  if (self->toast == toast)
    g_clear_weak_pointer (&self->toast);
}

static void
show_toast (OnloopMapView *self,
            const char    *title,
            gboolean       with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  /* One toast at a time: sorting twenty cards should not queue twenty, so
   * the toast on screen is updated in place. (Dismissing it to add a new
   * one makes libadwaita 1.2 free it twice.) */
  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, title);
      adw_toast_set_button_label (self->toast, with_undo ? _("_Undo") : NULL);
      adw_toast_set_action_name (self->toast, with_undo ? "win.undo" : NULL);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  g_set_weak_pointer (&self->toast, toast);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error (OnloopMapView *self,
            const GError  *error)
{
  g_warning ("Map: %s", error->message);
  show_toast (self, error->message, FALSE);
}

/* Focus */

gboolean
onloop_map_view_focus_card (OnloopMapView *self,
                            const char    *key)
{
  OnloopCategory category;
  guint index;

  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), FALSE);

  if (self->model == NULL || !onloop_board_model_find (self->model, key, &category, &index))
    return FALSE;

  g_free (self->focus_key);
  self->focus_key = g_strdup (key);
  return onloop_board_column_focus_index (self->columns[category], index);
}

static OnloopCard *
focused_card (OnloopMapView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    return NULL;
  if (ONLOOP_IS_CARD (focus))
    return ONLOOP_CARD (focus);

  return (OnloopCard *) gtk_widget_get_ancestor (focus, ONLOOP_TYPE_CARD);
}

/* After an undo from the header, the card that had the focus may have
 * moved to another column or another row: give it the focus back. */
static gboolean
refocus_idle_cb (gpointer user_data)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (user_data);
  OnloopCard *card = focused_card (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->refocus_idle = 0;

  if (self->focus_key == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  /* Someone is typing somewhere else (quick add, a dialog): leave them be. */
  if (focus != NULL && card == NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  if (card == NULL || onloop_card_get_decision (card) == NULL ||
      g_strcmp0 (onloop_decision_get_key (onloop_card_get_decision (card)), self->focus_key) != 0)
    {
      g_autofree char *key = g_strdup (self->focus_key);
      onloop_map_view_focus_card (self, key);
    }

  return G_SOURCE_REMOVE;
}

static void
root_focus_cb (GtkRoot       *root,
               GParamSpec    *pspec,
               OnloopMapView *self)
{
  OnloopCard *card = focused_card (self);

  if (card != NULL && onloop_card_get_decision (card) != NULL &&
      gtk_widget_is_ancestor (GTK_WIDGET (card), GTK_WIDGET (self)))
    {
      g_free (self->focus_key);
      self->focus_key = g_strdup (onloop_decision_get_key (onloop_card_get_decision (card)));
    }
}

/* Model */

static void
update_workflows (OnloopMapView *self)
{
  g_auto(GStrv) workflows = self->model != NULL ? onloop_board_model_list_workflows (self->model)
                                                : g_new0 (char *, 1);
  const char *filter = self->model != NULL ? onloop_board_model_get_workflow_filter (self->model)
                                           : NULL;
  guint selected = 0;

  if (self->workflows != NULL && g_strv_equal ((const char * const *) self->workflows,
                                               (const char * const *) workflows))
    return;

  self->updating_filter = TRUE;
  g_strfreev (self->workflows);
  self->workflows = g_steal_pointer (&workflows);

  gtk_string_list_splice (self->workflow_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->workflow_list)) - 1,
                          (const char * const *) self->workflows);
  for (guint i = 0; self->workflows[i] != NULL; i++)
    if (g_strcmp0 (self->workflows[i], filter) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->workflow_dropdown, selected);
  self->updating_filter = FALSE;

  /* A filter on a workflow that no card has any more shows everything. */
  if (selected == 0 && filter != NULL && self->model != NULL)
    onloop_board_model_set_workflow_filter (self->model, NULL);
}

static void
update_board (OnloopMapView *self)
{
  guint total = self->model != NULL ? onloop_board_model_get_total (self->model) : 0;
  double low = 0.6, high = 0.7;

  if (self->store != NULL)
    {
      low = onloop_store_get_setting_double (self->store, "map.share_low", 0.6);
      high = onloop_store_get_setting_double (self->store, "map.share_high", 0.7);
    }

  onloop_share_bar_set_share (self->share_bar,
                              self->model != NULL ? onloop_board_model_get_execution_share (self->model)
                                                  : NAN,
                              low, high);
  update_workflows (self);

  gtk_stack_set_visible_child_name (self->stack,
                                    total == 0 && !self->start_empty ? "empty" : "board");
}

static void
model_changed_cb (OnloopBoardModel *model,
                  OnloopMapView    *self)
{
  update_board (self);

  if (self->refocus_idle == 0 && self->focus_key != NULL)
    self->refocus_idle = g_idle_add (refocus_idle_cb, self);
}

static void
store_changed_cb (OnloopStore   *store,
                  guint          change,
                  OnloopMapView *self)
{
  if (change & ONLOOP_STORE_CHANGE_SETTINGS)
    update_board (self);
}

static void
filter_selected_cb (GtkDropDown   *dropdown,
                    GParamSpec    *pspec,
                    OnloopMapView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filter || self->model == NULL)
    return;

  onloop_board_model_set_workflow_filter (self->model,
                                          selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                          ? NULL : self->workflows[selected - 1]);
}

static void
group_toggled_cb (GtkToggleButton *button,
                  OnloopMapView   *self)
{
  if (self->model != NULL)
    onloop_board_model_set_group_by_workflow (self->model, gtk_toggle_button_get_active (button));
}

static void
model_group_cb (OnloopBoardModel *model,
                GParamSpec       *pspec,
                OnloopMapView    *self)
{
  gboolean group = onloop_board_model_get_group_by_workflow (model);

  if (gtk_toggle_button_get_active (self->group_button) != group)
    gtk_toggle_button_set_active (self->group_button, group);
}

static void
rebuild_model (OnloopMapView *self)
{
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, model_group_cb, self);
    }
  g_clear_object (&self->model);
  g_clear_pointer (&self->focus_key, g_free);
  self->start_empty = FALSE;

  if (self->store != NULL)
    {
      self->model = onloop_board_model_new (self->store);
      g_signal_connect (self->model, "changed", G_CALLBACK (model_changed_cb), self);
      g_signal_connect (self->model, "notify::group-by-workflow", G_CALLBACK (model_group_cb), self);
      onloop_board_model_set_group_by_workflow (self->model,
                                                gtk_toggle_button_get_active (self->group_button));
    }

  for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
    onloop_board_column_set_model (self->columns[c], self->model);

  for (guint i = 0; i < G_N_ELEMENTS (board_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), board_actions[i],
                                   self->model != NULL && self->undo_stack != NULL);

  update_board (self);
}

/* Commands */

static gboolean
push (OnloopMapView *self,
      OnloopCommand *command)
{
  g_autoptr(GError) error = NULL;

  if (self->undo_stack == NULL)
    return FALSE;

  if (!onloop_undo_stack_push (self->undo_stack, command, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
move_card (OnloopMapView  *self,
           const char     *key,
           OnloopCategory  category,
           guint           position)
{
  OnloopDecision *decision = onloop_board_model_lookup (self->model, key);
  g_autoptr(OnloopCommand) command = NULL;
  OnloopCategory from;
  g_autofree char *title = NULL;

  if (decision == NULL)
    return;

  from = onloop_decision_get_category (decision);
  if (from == category && onloop_decision_get_position (decision) == position)
    {
      onloop_map_view_focus_card (self, key);
      return;
    }

  title = g_strdup (onloop_decision_get_title (decision));
  command = onloop_map_command_new_move (key, title, category, position);
  if (!push (self, command))
    return;

  if (from != category)
    {
      g_autofree char *text = g_strdup_printf (_("Moved to %s"), onloop_category_get_label (category));
      show_toast (self, text, TRUE);
    }

  onloop_map_view_focus_card (self, key);
}

static gboolean
parse_category (const char     *text,
                OnloopCategory *category)
{
  if (onloop_category_from_string (text, category))
    return TRUE;

  g_warning ("Unknown column “%s”", text);
  return FALSE;
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  const char *key, *name;
  OnloopCategory category;
  OnloopDecision *decision;

  g_variant_get (parameter, "(&s&s)", &key, &name);
  if (!parse_category (name, &category) ||
      (decision = onloop_board_model_lookup (self->model, key)) == NULL)
    return;

  /* Pressing the letter of the column a card is in leaves it where it is. */
  if (onloop_decision_get_category (decision) == category)
    return;

  move_card (self, key, category, onloop_board_model_get_count (self->model, category));
}

static void
move_to_index_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  const char *key, *name;
  OnloopCategory category;
  guint index;

  g_variant_get (parameter, "(&s&su)", &key, &name, &index);
  if (!parse_category (name, &category))
    return;

  move_card (self, key, category,
             onloop_board_model_get_drop_position (self->model, key, category, index));
}

static void
reorder_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  const char *key;
  int delta;
  OnloopCategory category;
  guint index, n;

  g_variant_get (parameter, "(&si)", &key, &delta);
  if (!onloop_board_model_find (self->model, key, &category, &index))
    return;

  n = g_list_model_get_n_items (onloop_board_model_get_column (self->model, category));
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
    return;

  /* Up: before the card above. Down: before the card after the one below. */
  move_card (self, key, category,
             onloop_board_model_get_drop_position (self->model, key, category,
                                                   delta < 0 ? index - 1 : index + 2));
}

static void
focus_column_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  const char *key;
  int delta, target;
  OnloopCategory category;
  guint index;

  g_variant_get (parameter, "(&si)", &key, &delta);
  if (!onloop_board_model_find (self->model, key, &category, &index))
    return;

  /* Columns run Unsorted, Execution, Judgment from left to right. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;
  target = (int) category + delta;
  if (target < 0 || target >= ONLOOP_N_CATEGORIES)
    return;

  onloop_board_column_focus_index (self->columns[target], index);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  OnloopCardEditor *editor;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (onloop_board_model_lookup (self->model, key) == NULL)
    return;

  editor = onloop_card_editor_new (self->undo_stack, self->model, key);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  OnloopDecision *decision = onloop_board_model_lookup (self->model, key);
  g_autoptr(OnloopCommand) command = NULL;
  g_autofree char *text = NULL;
  OnloopCategory category;
  guint index;
  gboolean had_focus;

  if (decision == NULL || !onloop_board_model_find (self->model, key, &category, &index))
    return;

  had_focus = focused_card (self) != NULL;
  text = g_strdup_printf (_("Deleted “%s”"), onloop_decision_get_title (decision));
  command = onloop_map_command_new_delete (decision);
  if (!push (self, command))
    return;

  show_toast (self, text, TRUE);
  g_clear_pointer (&self->focus_key, g_free);
  /* The focus goes to the card that took its place. */
  if (had_focus)
    {
      guint n = g_list_model_get_n_items (onloop_board_model_get_column (self->model, category));
      onloop_board_column_focus_index (self->columns[category], n > 0 ? MIN (index, n - 1) : 0);
    }
}

static void
quick_add_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  g_autofree char *title = g_strstrip (g_strdup (g_variant_get_string (parameter, NULL)));
  g_autofree char *key = NULL;
  g_autoptr(OnloopDecision) decision = NULL;
  g_autoptr(OnloopCommand) command = NULL;
  OnloopCategory category;
  guint index;

  if (*title == '\0')
    return;

  key = onloop_store_new_decision_key (self->store, title);
  decision = onloop_decision_new (key, title);
  /* Added while one workflow is shown, the card belongs to it (and shows). */
  onloop_decision_set_workflow (decision, onloop_board_model_get_workflow_filter (self->model));
  onloop_decision_set_category (decision, ONLOOP_CATEGORY_UNSORTED);
  onloop_decision_set_position (decision,
                                onloop_board_model_get_count (self->model, ONLOOP_CATEGORY_UNSORTED));
  command = onloop_map_command_new_add (decision);
  if (!push (self, command))
    return;

  /* Show the new card; the focus stays in the entry for the next one. */
  if (onloop_board_model_find (self->model, key, &category, &index))
    onloop_board_column_scroll_to (self->columns[category], index);
}

gboolean
onloop_map_view_can_edit_boundary (OnloopMapView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidgetClass *klass;
  const char *name;
  const GVariantType *parameter_type;
  const char *property;
  GType owner;

  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), FALSE);

  if (root == NULL)
    return FALSE;

  if (G_IS_ACTION_GROUP (root) && g_action_group_has_action (G_ACTION_GROUP (root), "edit-boundary"))
    return TRUE;

  /* GTK 4.8 writes every out argument: none may be NULL. */
  klass = GTK_WIDGET_GET_CLASS (root);
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type,
                                                   &property); i++)
    if (g_strcmp0 (name, "win.edit-boundary") == 0)
      return TRUE;

  return FALSE;
}

static void
edit_boundary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  /* The Boundaries view owns win.edit-boundary; until it is there, say so. */
  if (!onloop_map_view_can_edit_boundary (self) ||
      !gtk_widget_activate_action (widget, "win.edit-boundary", "s", key))
    show_toast (self, _("The Boundaries view cannot open a boundary yet"), FALSE);
}

static void
load_starter_deck_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  g_autoptr(OnloopCommand) command = onloop_starter_deck_new_command (self->store);
  guint before = onloop_board_model_get_total (self->model);
  g_autofree char *text = NULL;
  guint added;

  if (command == NULL)
    {
      show_toast (self, _("The map already has every card of the starter deck"), FALSE);
      return;
    }

  if (!push (self, command))
    return;

  added = onloop_board_model_get_total (self->model) - before;
  text = g_strdup_printf (g_dngettext (NULL, "Added %u decision to Unsorted",
                                       "Added %u decisions to Unsorted", added), added);
  show_toast (self, text, TRUE);
  onloop_board_column_focus_index (self->columns[ONLOOP_CATEGORY_UNSORTED], 0);
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);

  self->start_empty = TRUE;
  update_board (self);
  gtk_widget_grab_focus (onloop_board_column_get_quick_entry (self->columns[ONLOOP_CATEGORY_UNSORTED]));
}

gboolean
onloop_map_view_export (OnloopMapView           *self,
                        OnloopBoardExportFormat  format,
                        const char              *path,
                        GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), FALSE);

  if (self->model == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No workspace is open"));
      return FALSE;
    }

  name = g_filename_display_basename (onloop_store_get_path (self->store));
  if (g_str_has_suffix (name, ".onloop"))
    name[strlen (name) - strlen (".onloop")] = '\0';
  /* TRANSLATORS: the heading of an exported board; %s is the workspace name */
  title = g_strdup_printf (_("Decision Surface Map — %s"), name);

  return onloop_board_export (self->model, format, title, path, error);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    OnloopMapView   *self)
{
  OnloopBoardExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && onloop_map_view_export (self, format, path, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);
          show_toast (self, text, FALSE);
        }
      else if (error != NULL)
        show_error (self, error);
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);
  gboolean pdf = g_strcmp0 (g_variant_get_string (parameter, NULL), "pdf") == 0;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export as PDF") : _("Export as PNG"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     pdf ? _("Decision Map.pdf") : _("Decision Map.png"));
  g_object_set_data (G_OBJECT (self->chooser), "format",
                     GINT_TO_POINTER (pdf ? ONLOOP_BOARD_EXPORT_PDF : ONLOOP_BOARD_EXPORT_PNG));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
onloop_map_view_root (GtkWidget *widget)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (onloop_map_view_parent_class)->root (widget);
  g_signal_connect (gtk_widget_get_root (widget), "notify::focus-widget",
                    G_CALLBACK (root_focus_cb), self);
}

static void
onloop_map_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), root_focus_cb, widget);
  GTK_WIDGET_CLASS (onloop_map_view_parent_class)->unroot (widget);
}

static void
onloop_map_view_dispose (GObject *object)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->refocus_idle, g_source_remove);
  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_func (self->toast, toast_dismissed_cb, self);
  g_clear_weak_pointer (&self->toast);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->undo_stack);
  rebuild_model (self);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_MAP_VIEW);

  G_OBJECT_CLASS (onloop_map_view_parent_class)->dispose (object);
}

static void
onloop_map_view_finalize (GObject *object)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (object);

  g_strfreev (self->workflows);
  g_free (self->focus_key);
  g_clear_object (&self->workflow_list);

  G_OBJECT_CLASS (onloop_map_view_parent_class)->finalize (object);
}

static void
onloop_map_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_map_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      onloop_map_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_UNDO_STACK:
      onloop_map_view_set_undo_stack (self, g_value_get_object (value));
      break;
    case PROP_PRESENTING:
      onloop_map_view_set_presenting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_map_view_class_init (OnloopMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_map_view_dispose;
  object_class->finalize = onloop_map_view_finalize;
  object_class->get_property = onloop_map_view_get_property;
  object_class->set_property = onloop_map_view_set_property;
  widget_class->root = onloop_map_view_root;
  widget_class->unroot = onloop_map_view_unroot;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ONLOOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, ONLOOP_TYPE_UNDO_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ONLOOP_TYPE_BOARD_COLUMN);
  g_type_ensure (ONLOOP_TYPE_SHARE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopMapView, stack);
  gtk_widget_class_bind_template_child (widget_class, OnloopMapView, starter_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopMapView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, OnloopMapView, workflow_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OnloopMapView, group_button);
  gtk_widget_class_bind_template_child (widget_class, OnloopMapView, share_bar);
  gtk_widget_class_bind_template_child (widget_class, OnloopMapView, present_button);
  gtk_widget_class_bind_template_child (widget_class, OnloopMapView, board_menu_button);
  gtk_widget_class_bind_template_child_full (widget_class, "unsorted_column", FALSE,
                                             G_STRUCT_OFFSET (OnloopMapView, columns[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "execution_column", FALSE,
                                             G_STRUCT_OFFSET (OnloopMapView, columns[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "judgment_column", FALSE,
                                             G_STRUCT_OFFSET (OnloopMapView, columns[2]));

  gtk_widget_class_install_action (widget_class, "board.move-to", "(ss)", move_to_action);
  gtk_widget_class_install_action (widget_class, "board.move-to-index", "(ssu)",
                                   move_to_index_action);
  gtk_widget_class_install_action (widget_class, "board.reorder", "(si)", reorder_action);
  gtk_widget_class_install_action (widget_class, "board.focus-column", "(si)", focus_column_action);
  gtk_widget_class_install_action (widget_class, "board.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "board.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "board.quick-add", "s", quick_add_action);
  gtk_widget_class_install_action (widget_class, "board.edit-boundary", "s", edit_boundary_action);
  gtk_widget_class_install_action (widget_class, "board.load-starter-deck", NULL,
                                   load_starter_deck_action);
  gtk_widget_class_install_action (widget_class, "board.start-empty", NULL, start_empty_action);
  gtk_widget_class_install_action (widget_class, "board.export", "s", export_action);
}

static void
onloop_map_view_init (OnloopMapView *self)
{
  const char *all[] = { _("All Workflows"), NULL };
  g_autofree char *starter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->workflow_list = gtk_string_list_new (all);
  gtk_drop_down_set_model (self->workflow_dropdown, G_LIST_MODEL (self->workflow_list));
  g_signal_connect (self->workflow_dropdown, "notify::selected",
                    G_CALLBACK (filter_selected_cb), self);
  g_signal_connect (self->group_button, "toggled", G_CALLBACK (group_toggled_cb), self);

  starter = g_strdup_printf (_("%u common sales decisions, from follow-up timing to pricing "
                               "exceptions, ready to sort."), onloop_starter_deck_get_size ());
  gtk_label_set_text (self->starter_label, starter);

  rebuild_model (self);
}

OnloopStore *
onloop_map_view_get_store (OnloopMapView *self)
{
  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), NULL);

  return self->store;
}

void
onloop_map_view_set_store (OnloopMapView *self,
                           OnloopStore   *store)
{
  g_return_if_fail (ONLOOP_IS_MAP_VIEW (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);

  rebuild_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

OnloopUndoStack *
onloop_map_view_get_undo_stack (OnloopMapView *self)
{
  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), NULL);

  return self->undo_stack;
}

void
onloop_map_view_set_undo_stack (OnloopMapView   *self,
                                OnloopUndoStack *undo_stack)
{
  g_return_if_fail (ONLOOP_IS_MAP_VIEW (self));

  if (g_set_object (&self->undo_stack, undo_stack))
    {
      for (guint i = 0; i < G_N_ELEMENTS (board_actions); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), board_actions[i],
                                       self->model != NULL && self->undo_stack != NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
    }
}

gboolean
onloop_map_view_get_presenting (OnloopMapView *self)
{
  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), FALSE);

  return self->presenting;
}

void
onloop_map_view_set_presenting (OnloopMapView *self,
                                gboolean       presenting)
{
  g_return_if_fail (ONLOOP_IS_MAP_VIEW (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;
  /* The room sees the board and the share; the controls come back after. */
  gtk_widget_set_visible (GTK_WIDGET (self->workflow_dropdown), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->group_button), !presenting);
  gtk_widget_set_visible (self->present_button, !presenting);
  gtk_widget_set_visible (self->board_menu_button, !presenting);
  if (presenting)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

OnloopBoardModel *
onloop_map_view_get_model (OnloopMapView *self)
{
  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), NULL);

  return self->model;
}

OnloopBoardColumn *
onloop_map_view_get_column (OnloopMapView  *self,
                            OnloopCategory  category)
{
  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (category < ONLOOP_N_CATEGORIES, NULL);

  return self->columns[category];
}

OnloopShareBar *
onloop_map_view_get_share_bar (OnloopMapView *self)
{
  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), NULL);

  return self->share_bar;
}
