/* onloop-spot-check-queue.c: a reproducible sample of autonomous decisions
 * to mark OK or "quality issue"
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The method's steady state replaces non-exception review with monthly spot
 * checks. The sample comes from the engine (same workspace, size, seed and
 * range: same events, as `onloop-cli sample`); each mark is saved at once,
 * and a "quality issue" counts as a false negative from then on.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "onloop-spot-check-queue.h"

typedef struct
{
  OnloopSpotCheckQueue *queue;
  char                 *id;
  GtkWidget            *row;
  GtkWidget            *ok_button;
  GtkWidget            *issue_button;
  GtkWidget            *note_entry;
  gboolean              marked;
  OnloopSpotVerdict     verdict;
  char                 *note;
} Item;

struct _OnloopSpotCheckQueue
{
  GtkBox         parent_instance;

  GtkSpinButton *size_spin;
  GtkSpinButton *seed_spin;
  GtkWidget     *draw_button;
  GtkLabel      *progress_label;
  GtkListBox    *list;

  OnloopStore   *store;
  OnloopEngine  *engine;
  OnloopRange    range;
  GPtrArray     *items;  /* Item * */
  gboolean       filling;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (OnloopSpotCheckQueue, onloop_spot_check_queue, GTK_TYPE_BOX)

static void
item_free (Item *item)
{
  g_free (item->id);
  g_free (item->note);
  g_free (item);
}

static void
update_progress (OnloopSpotCheckQueue *self)
{
  g_autofree char *text = NULL;
  guint reviewed = onloop_spot_check_queue_get_n_reviewed (self);

  gtk_widget_set_visible (GTK_WIDGET (self->list), self->items->len > 0);
  if (self->items->len == 0)
    text = g_strdup (_("No sample drawn"));
  else
    /* TRANSLATORS: "12 of 30 reviewed" */
    text = g_strdup_printf (_("%u of %u reviewed"), reviewed, self->items->len);
  gtk_label_set_label (self->progress_label, text);
}

static void
show_item_state (Item *item)
{
  item->queue->filling = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (item->ok_button),
                                item->marked && item->verdict == ONLOOP_SPOT_CHECK_OK);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (item->issue_button),
                                item->marked && item->verdict == ONLOOP_SPOT_CHECK_QUALITY_ISSUE);
  item->queue->filling = FALSE;

  gtk_widget_remove_css_class (item->row, "spot-ok");
  gtk_widget_remove_css_class (item->row, "spot-issue");
  if (item->marked)
    gtk_widget_add_css_class (item->row, item->verdict == ONLOOP_SPOT_CHECK_OK ? "spot-ok"
                                                                               : "spot-issue");
}

static gboolean
save_item (Item              *item,
           OnloopSpotVerdict  verdict,
           const char        *note,
           GError           **error)
{
  OnloopSpotCheckQueue *self = item->queue;

  if (self->store == NULL)
    return FALSE;
  if (!onloop_store_set_spot_check (self->store, item->id, verdict, note ? note : "", error))
    return FALSE;

  item->marked = TRUE;
  item->verdict = verdict;
  g_free (item->note);
  item->note = g_strdup (note ? note : "");
  show_item_state (item);
  update_progress (self);
  return TRUE;
}

static void
mark_from_ui (Item              *item,
              OnloopSpotVerdict  verdict)
{
  g_autoptr(GError) error = NULL;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (item->note_entry));

  if (!save_item (item, verdict, note, &error) && error != NULL)
    {
      g_warning ("Cannot save the spot check of %s: %s", item->id, error->message);
      show_item_state (item);
    }
}

static void
ok_toggled_cb (GtkToggleButton *button,
               Item            *item)
{
  if (!item->queue->filling && gtk_toggle_button_get_active (button))
    mark_from_ui (item, ONLOOP_SPOT_CHECK_OK);
}

static void
issue_toggled_cb (GtkToggleButton *button,
                  Item            *item)
{
  if (!item->queue->filling && gtk_toggle_button_get_active (button))
    mark_from_ui (item, ONLOOP_SPOT_CHECK_QUALITY_ISSUE);
}

/* A note is saved with the mark; before the event is marked it waits. */
static void
save_note (Item *item)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (item->note_entry));

  if (item->marked && g_strcmp0 (note, item->note) != 0)
    mark_from_ui (item, item->verdict);
}

static void
note_activate_cb (GtkEntry *entry,
                  Item     *item)
{
  save_note (item);
}

static void
note_focus_leave_cb (GtkEventControllerFocus *focus,
                     Item                    *item)
{
  save_note (item);
}

static gboolean
shortcut_ok_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  mark_from_ui (user_data, ONLOOP_SPOT_CHECK_OK);
  return TRUE;
}

static gboolean
shortcut_issue_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  Item *item = user_data;

  mark_from_ui (item, ONLOOP_SPOT_CHECK_QUALITY_ISSUE);
  gtk_widget_grab_focus (item->note_entry);
  return TRUE;
}

static void
append_context (GString    *text,
                JsonObject *context,
                const char *member,
                const char *label)
{
  JsonNode *node;

  if (context == NULL || !json_object_has_member (context, member))
    return;

  node = json_object_get_member (context, member);
  if (text->len > 0)
    g_string_append (text, " · ");

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_printf (text, "%s ", label);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                                json_array_get_string_element (array, i));
    }
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    g_string_append_printf (text, "%s %s", label, json_node_get_boolean (node) ? _("yes") : _("no"));
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    g_string_append_printf (text, "%s %s", label, json_node_get_string (node));
  else if (g_str_equal (member, "deal_arr"))
    g_string_append_printf (text, "%s %'.0f", label, json_node_get_double (node));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    g_string_append_printf (text, "%s %" G_GINT64_FORMAT, label, json_node_get_int (node));
  else
    g_string_append_printf (text, "%s %.2f", label, json_node_get_double (node));
}

static GtkWidget *
caption (const char *text,
         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static Item *
add_item (OnloopSpotCheckQueue *self,
          const char           *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) context_text = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *row_label = NULL;
  JsonObject *object, *context = NULL;
  GtkWidget *box, *buttons;
  GtkEventController *controller;
  Item *item;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (object, "context"))
    context = json_object_get_object_member (object, "context");

  item = g_new0 (Item, 1);
  item->queue = self;
  item->id = g_strdup (json_object_get_string_member_with_default (object, "id", ""));

  /* TRANSLATORS: decision key, then the action the AI took */
  title = g_strdup_printf (_("%s → %s"),
                           json_object_get_string_member_with_default (object, "decision", ""),
                           json_object_get_string_member_with_default (object, "action", ""));
  subtitle = g_strdup_printf ("%s · %s",
                              json_object_get_string_member_with_default (object, "at", ""),
                              item->id);
  append_context (context_text, context, "deal_arr", _("ARR"));
  append_context (context_text, context, "sentiment", _("sentiment"));
  append_context (context_text, context, "engagement", _("engagement"));
  append_context (context_text, context, "stage_progressed", _("stage progressed"));
  append_context (context_text, context, "days_in_stage", _("days in stage"));
  append_context (context_text, context, "industry", _("industry"));
  append_context (context_text, context, "persona", _("persona"));
  append_context (context_text, context, "objection", _("objection"));
  append_context (context_text, context, "tags", _("tags"));
  if (context_text->len == 0)
    g_string_append (context_text, _("No context recorded"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), caption (title, "heading"));
  gtk_box_append (GTK_BOX (box), caption (subtitle, "dim-label"));
  gtk_box_append (GTK_BOX (box), caption (context_text->str, "caption"));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  item->ok_button = gtk_toggle_button_new_with_label (_("OK"));
  item->issue_button = gtk_toggle_button_new_with_label (_("Quality Issue"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (item->issue_button),
                               GTK_TOGGLE_BUTTON (item->ok_button));
  gtk_widget_set_tooltip_text (item->ok_button, _("The AI handled it well (O)"));
  gtk_widget_set_tooltip_text (item->issue_button, _("A problem came of it: a trigger gap (I)"));
  item->note_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (item->note_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (item->note_entry), _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_box_append (GTK_BOX (buttons), item->ok_button);
  gtk_box_append (GTK_BOX (buttons), item->issue_button);
  gtk_box_append (GTK_BOX (buttons), item->note_entry);
  gtk_box_append (GTK_BOX (box), buttons);

  g_signal_connect (item->ok_button, "toggled", G_CALLBACK (ok_toggled_cb), item);
  g_signal_connect (item->issue_button, "toggled", G_CALLBACK (issue_toggled_cb), item);
  g_signal_connect (item->note_entry, "activate", G_CALLBACK (note_activate_cb), item);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (note_focus_leave_cb), item);
  gtk_widget_add_controller (item->note_entry, controller);

  item->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item->row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), FALSE);
  row_label = g_strdup_printf ("%s, %s", title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, context_text->str, -1);

  /* O and I on the focused row: bubble phase, so typing a note with
   * those letters in the entry is not taken as a mark. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_o, 0),
                                                          gtk_callback_action_new (shortcut_ok_cb, item, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, 0),
                                                          gtk_callback_action_new (shortcut_issue_cb, item, NULL)));
  gtk_widget_add_controller (item->row, controller);

  gtk_list_box_append (self->list, item->row);
  g_ptr_array_add (self->items, item);
  return item;
}

static void
clear_items (OnloopSpotCheckQueue *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->items, 0);
}

/* Reads the marks the workspace already has for the sample. */
static void
load_marks (OnloopSpotCheckQueue *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_ptr_array_add (ids, item->id);
      g_hash_table_insert (by_id, item->id, item);
    }
  g_ptr_array_add (ids, NULL);

  checks = onloop_store_list_spot_checks (self->store, (const char * const *) ids->pdata, NULL);
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      OnloopSpotCheck *check = g_ptr_array_index (checks, i);
      Item *item = g_hash_table_lookup (by_id, check->event);

      if (item == NULL)
        continue;
      item->marked = TRUE;
      item->verdict = check->verdict;
      g_free (item->note);
      item->note = g_strdup (check->note);
      gtk_editable_set_text (GTK_EDITABLE (item->note_entry), check->note);
    }

  for (guint i = 0; i < self->items->len; i++)
    show_item_state (g_ptr_array_index (self->items, i));
}

gboolean
onloop_spot_check_queue_draw (OnloopSpotCheckQueue *self)
{
  g_autoptr(GArray) sample = NULL;
  guint size = gtk_spin_button_get_value_as_int (self->size_spin);
  guint64 seed = (guint64) gtk_spin_button_get_value (self->seed_spin);

  g_return_val_if_fail (ONLOOP_IS_SPOT_CHECK_QUEUE (self), FALSE);

  clear_items (self);
  if (self->engine == NULL || self->store == NULL)
    {
      update_progress (self);
      return FALSE;
    }

  sample = onloop_engine_sample (self->engine, size, seed, self->range);
  for (guint i = 0; i < sample->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = onloop_engine_event_json (self->engine, self->store,
                                                        g_array_index (sample, guint, i), &error);

      if (json == NULL)
        {
          g_warning ("Cannot read a sampled event: %s", error->message);
          continue;
        }
      add_item (self, json);
    }

  load_marks (self);
  update_progress (self);
  return TRUE;
}

static void
draw_clicked_cb (OnloopSpotCheckQueue *self)
{
  onloop_spot_check_queue_draw (self);
}

gboolean
onloop_spot_check_queue_export (OnloopSpotCheckQueue *self,
                                const char           *path,
                                gboolean              json,
                                GError              **error)
{
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No workspace is open"));
      return FALSE;
    }

  checks = onloop_store_list_spot_checks (self->store, NULL, error);
  if (checks == NULL)
    return FALSE;

  text = json ? onloop_spot_checks_to_json (checks) : onloop_spot_checks_to_csv (checks);
  return g_file_set_contents (path, text, -1, error);
}

static void
export_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    OnloopSpotCheckQueue *self)
{
  gboolean json = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "json"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *message = NULL;

      if (path == NULL || !onloop_spot_check_queue_export (self, path, json, &error))
        message = g_strdup_printf (_("Cannot export the marks: %s"),
                                   error ? error->message : _("not a local file"));
      else
        message = g_strdup_printf (_("Marks exported to %s"), g_file_peek_path (file));
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OnloopSpotCheckQueue *self = ONLOOP_SPOT_CHECK_QUEUE (widget);
  gboolean json = g_str_equal (g_variant_get_string (parameter, NULL), "json");
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Spot-Check Marks"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     json ? "spot-checks.json" : "spot-checks.csv");
  g_object_set_data (G_OBJECT (self->chooser), "json", GINT_TO_POINTER (json));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
onloop_spot_check_queue_dispose (GObject *object)
{
  OnloopSpotCheckQueue *self = ONLOOP_SPOT_CHECK_QUEUE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_SPOT_CHECK_QUEUE);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->engine, onloop_engine_unref);

  G_OBJECT_CLASS (onloop_spot_check_queue_parent_class)->dispose (object);
}

static void
onloop_spot_check_queue_class_init (OnloopSpotCheckQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_spot_check_queue_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-spot-check-queue.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopSpotCheckQueue, size_spin);
  gtk_widget_class_bind_template_child (widget_class, OnloopSpotCheckQueue, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, OnloopSpotCheckQueue, draw_button);
  gtk_widget_class_bind_template_child (widget_class, OnloopSpotCheckQueue, progress_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopSpotCheckQueue, list);
  gtk_widget_class_bind_template_callback (widget_class, draw_clicked_cb);

  gtk_widget_class_install_action (widget_class, "spot-check.export", "s", export_action);
}

static void
onloop_spot_check_queue_init (OnloopSpotCheckQueue *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->range = ONLOOP_RANGE_ALL;
  update_progress (self);
}

void
onloop_spot_check_queue_set_source (OnloopSpotCheckQueue *self,
                                    OnloopStore          *store,
                                    OnloopEngine         *engine,
                                    OnloopRange           range)
{
  g_return_if_fail (ONLOOP_IS_SPOT_CHECK_QUEUE (self));

  if (g_set_object (&self->store, store))
    clear_items (self);
  g_clear_pointer (&self->engine, onloop_engine_unref);
  self->engine = engine != NULL ? onloop_engine_ref (engine) : NULL;
  self->range = range;

  gtk_widget_set_sensitive (self->draw_button, engine != NULL && store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spot-check.export", store != NULL);
  update_progress (self);
}

void
onloop_spot_check_queue_set_size (OnloopSpotCheckQueue *self,
                                  guint                 size)
{
  gtk_spin_button_set_value (self->size_spin, size);
}

void
onloop_spot_check_queue_set_seed (OnloopSpotCheckQueue *self,
                                  guint64               seed)
{
  gtk_spin_button_set_value (self->seed_spin, (double) seed);
}

guint
onloop_spot_check_queue_get_n_events (OnloopSpotCheckQueue *self)
{
  return self->items->len;
}

const char *
onloop_spot_check_queue_get_event_id (OnloopSpotCheckQueue *self,
                                      guint                 index)
{
  if (index >= self->items->len)
    return NULL;
  return ((Item *) g_ptr_array_index (self->items, index))->id;
}

GtkWidget *
onloop_spot_check_queue_get_row (OnloopSpotCheckQueue *self,
                                 guint                 index)
{
  if (index >= self->items->len)
    return NULL;
  return ((Item *) g_ptr_array_index (self->items, index))->row;
}

guint
onloop_spot_check_queue_get_n_reviewed (OnloopSpotCheckQueue *self)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    n += ((Item *) g_ptr_array_index (self->items, i))->marked;
  return n;
}

const char *
onloop_spot_check_queue_get_progress_text (OnloopSpotCheckQueue *self)
{
  return gtk_label_get_label (self->progress_label);
}

gboolean
onloop_spot_check_queue_mark (OnloopSpotCheckQueue *self,
                              guint                 index,
                              OnloopSpotVerdict     verdict,
                              const char           *note,
                              GError              **error)
{
  Item *item;

  g_return_val_if_fail (index < self->items->len, FALSE);

  item = g_ptr_array_index (self->items, index);
  if (note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (item->note_entry), note);
  return save_item (item, verdict, gtk_editable_get_text (GTK_EDITABLE (item->note_entry)), error);
}
