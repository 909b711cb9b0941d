/* onloop-spec-history.c: published versions, their differences, restore
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Versions are listed newest first with their number, date and note. The
 * differences come from the core (onloop_spec_diff()), in words.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-spec-command.h"
#include "onloop-spec-history.h"

struct _OnloopSpecHistory
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *versions_group;
  GtkListBox          *versions_list;
  GtkWidget           *empty_label;
  AdwPreferencesGroup *diff_group;
  GtkLabel            *diff_label;

  OnloopStore         *store;
  OnloopUndoStack     *undo_stack;
  GPtrArray           *checks;    /* GtkCheckButton *, newest first, "version" data */
  GArray              *ticked;    /* int versions, in the order ticked */
  guint                n_versions;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (OnloopSpecHistory, onloop_spec_history, ADW_TYPE_BIN)

static void
show_diff (OnloopSpecHistory *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) from = NULL;
  g_autoptr(OnloopSpec) to = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  int a, b;

  if (self->store == NULL || self->ticked->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->diff_group), FALSE);
      gtk_label_set_text (self->diff_label, "");
      return;
    }

  a = g_array_index (self->ticked, int, 0);
  b = self->ticked->len > 1 ? g_array_index (self->ticked, int, 1) : 0;
  if (b != 0 && b < a)
    {
      int t = a;
      a = b;
      b = t;
    }

  from = onloop_store_load_version (self->store, a, &error);
  if (from != NULL)
    to = b != 0 ? onloop_store_load_version (self->store, b, &error)
                : onloop_store_load_draft (self->store, &error);
  if (to == NULL)
    {
      gtk_label_set_text (self->diff_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->diff_group), TRUE);
      return;
    }

  changes = onloop_spec_diff (from, to);
  for (guint i = 0; i < changes->len; i++)
    {
      OnloopSpecChange *change = g_ptr_array_index (changes, i);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "• %s", change->text);
    }
  if (changes->len == 0)
    g_string_append (text, _("No differences."));

  title = b != 0 ? g_strdup_printf (_("Changes from Version %d to Version %d"), a, b)
                 : g_strdup_printf (_("Changes from Version %d to the Draft"), a);
  adw_preferences_group_set_title (self->diff_group, title);
  gtk_label_set_text (self->diff_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->diff_group), TRUE);
}

static void
check_toggled_cb (GtkCheckButton    *check,
                  GParamSpec        *pspec,
                  OnloopSpecHistory *self)
{
  int version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "version"));

  if (self->updating)
    return;

  for (guint i = 0; i < self->ticked->len; i++)
    if (g_array_index (self->ticked, int, i) == version)
      {
        g_array_remove_index (self->ticked, i);
        break;
      }

  if (gtk_check_button_get_active (check))
    {
      g_array_append_val (self->ticked, version);
      /* Two at most: ticking a third lets go of the oldest tick. */
      if (self->ticked->len > 2)
        {
          int dropped = g_array_index (self->ticked, int, 0);
          g_array_remove_index (self->ticked, 0);
          self->updating = TRUE;
          for (guint i = 0; i < self->checks->len; i++)
            {
              GtkCheckButton *other = g_ptr_array_index (self->checks, i);
              if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (other), "version")) == dropped)
                gtk_check_button_set_active (other, FALSE);
            }
          self->updating = FALSE;
        }
    }

  show_diff (self);
}

gboolean
onloop_spec_history_restore (OnloopSpecHistory  *self,
                             int                 version,
                             GError            **error)
{
  g_autoptr(OnloopSpec) spec = NULL;
  g_autoptr(OnloopCommand) command = NULL;
  g_autofree char *label = NULL;

  spec = onloop_store_load_version (self->store, version, error);
  if (spec == NULL)
    return FALSE;

  label = g_strdup_printf (_("Restore Version %d"), version);
  command = onloop_spec_command_new_set_draft (spec, label);
  if (self->undo_stack != NULL)
    return onloop_undo_stack_push (self->undo_stack, command, error);
  return onloop_command_apply (command, self->store, error);
}

static void
restore_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     OnloopSpecHistory *self)
{
  g_autoptr(GError) error = NULL;
  int version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "version"));
  GtkWidget *overlay;

  if (!g_str_equal (response, "restore"))
    return;

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (!onloop_spec_history_restore (self, version, &error))
    {
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      return;
    }

  if (overlay != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Version %d is back in the draft"), version);
      AdwToast *toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
restore_clicked_cb (GtkButton         *button,
                    OnloopSpecHistory *self)
{
  int version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "version"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Restore Version %d?"), version);
  adw_message_dialog_set_body (dialog, _("Its boundaries and triggers replace the draft’s. Published versions stay as they are, and you can undo this."));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "restore", _("_Restore"));
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "version", GINT_TO_POINTER (version));
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_date (const OnloopSpecVersionInfo *info)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (info->published_usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (info->published_at);
  /* Translators: a date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

void
onloop_spec_history_refresh (OnloopSpecHistory *self)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list))) != NULL)
    gtk_list_box_remove (self->versions_list, child);
  g_ptr_array_set_size (self->checks, 0);
  self->n_versions = 0;

  if (self->store != NULL)
    versions = onloop_store_list_versions (self->store, &error);
  if (versions == NULL)
    versions = g_ptr_array_new ();

  self->n_versions = versions->len;
  self->updating = TRUE;
  for (guint i = versions->len; i-- > 0;)
    {
      OnloopSpecVersionInfo *info = g_ptr_array_index (versions, i);
      g_autofree char *title = g_strdup_printf (_("Version %d"), info->version);
      g_autofree char *date = format_date (info);
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", date, info->note);
      g_autofree char *restore_name = g_strdup_printf (_("Restore Version %d"), info->version);
      g_autofree char *compare_name = g_strdup_printf (_("Compare Version %d"), info->version);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore…"));
      gboolean ticked = FALSE;

      for (guint t = 0; t < self->ticked->len; t++)
        ticked |= g_array_index (self->ticked, int, t) == info->version;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      compare_name, -1);
      g_object_set_data (G_OBJECT (check), "version", GINT_TO_POINTER (info->version));
      g_signal_connect (check, "notify::active", G_CALLBACK (check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      restore_name, -1);
      g_object_set_data (G_OBJECT (restore), "version", GINT_TO_POINTER (info->version));
      g_signal_connect (restore, "clicked", G_CALLBACK (restore_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

      gtk_list_box_append (self->versions_list, row);
      g_ptr_array_add (self->checks, check);
    }
  self->updating = FALSE;

  /* Forget ticks of versions that are gone (another workspace). */
  for (guint t = self->ticked->len; t-- > 0;)
    if (g_array_index (self->ticked, int, t) > (int) versions->len)
      g_array_remove_index (self->ticked, t);

  gtk_widget_set_visible (GTK_WIDGET (self->versions_list), versions->len > 0);
  gtk_widget_set_visible (self->empty_label, versions->len == 0);
  show_diff (self);
}

void
onloop_spec_history_select (OnloopSpecHistory *self,
                            int                a,
                            int                b)
{
  g_array_set_size (self->ticked, 0);
  self->updating = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), FALSE);
  self->updating = FALSE;

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      int version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "version"));
      if (version == a)
        gtk_check_button_set_active (check, TRUE);
    }
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      int version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "version"));
      if (version == b)
        gtk_check_button_set_active (check, TRUE);
    }
}

const char *
onloop_spec_history_get_diff_text (OnloopSpecHistory *self)
{
  return gtk_label_get_text (self->diff_label);
}

guint
onloop_spec_history_get_n_versions (OnloopSpecHistory *self)
{
  return self->n_versions;
}

void
onloop_spec_history_set_store (OnloopSpecHistory *self,
                               OnloopStore       *store,
                               OnloopUndoStack   *undo_stack)
{
  if (store != self->store)
    g_array_set_size (self->ticked, 0);
  g_set_object (&self->store, store);
  g_set_object (&self->undo_stack, undo_stack);
}

static void
onloop_spec_history_dispose (GObject *object)
{
  OnloopSpecHistory *self = ONLOOP_SPEC_HISTORY (object);

  g_clear_object (&self->store);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->ticked, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_SPEC_HISTORY);

  G_OBJECT_CLASS (onloop_spec_history_parent_class)->dispose (object);
}

static void
onloop_spec_history_class_init (OnloopSpecHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_spec_history_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-spec-history.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopSpecHistory, versions_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopSpecHistory, versions_list);
  gtk_widget_class_bind_template_child (widget_class, OnloopSpecHistory, empty_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopSpecHistory, diff_group);
  gtk_widget_class_bind_template_child (widget_class, OnloopSpecHistory, diff_label);
}

static void
onloop_spec_history_init (OnloopSpecHistory *self)
{
  self->checks = g_ptr_array_new ();
  self->ticked = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->diff_group), FALSE);
}
