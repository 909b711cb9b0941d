/* onloop-window.c: one workspace, three views
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-boundaries-view.h"
#include "onloop-map-view.h"
#include "onloop-review-view.h"
#include "onloop-window.h"

#define MAX_RECENT 8

struct _OnloopWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkWidget            *map_view;
  GtkWidget            *boundaries_view;
  GtkWidget            *review_view;
  GtkListBox           *recent_list;
  GtkWidget            *recent_label;
  GMenu                *recent_menu_section;

  GSettings            *settings;
  OnloopStore          *store;
  OnloopUndoStack      *undo_stack;
  GtkFileChooserNative *chooser;

  /* Undo, redo and presentation (the Map's, but window-wide) */
  GtkWidget            *header_bar;
  GtkWidget            *switcher_bar;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  gboolean              presenting;
};

G_DEFINE_FINAL_TYPE (OnloopWindow, onloop_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNDO_STACK,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_refusal (OnloopWindow *self,
              const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Cannot Open Workspace"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rebuild_recent (OnloopWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  g_menu_remove_all (self->recent_menu_section);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_basename (recent[i]);
      g_autofree char *dir = g_path_get_dirname (recent[i]);
      g_autofree char *dir_display = g_filename_display_name (dir);
      g_autoptr(GMenuItem) item = NULL;
      GtkWidget *row;

      if (!g_file_test (recent[i], G_FILE_TEST_EXISTS))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir_display);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);

      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu_section, item);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  gtk_widget_set_visible (self->recent_label, shown > 0);
}

static void
remember (OnloopWindow *self,
          const char   *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) updated);
  g_settings_set_string (self->settings, "last-workspace", path);
}

/* The header's undo and redo buttons say what they would undo. */
static void
update_undo (OnloopWindow *self)
{
  const char *undo = self->undo_stack != NULL ? onloop_undo_stack_get_undo_label (self->undo_stack)
                                              : NULL;
  const char *redo = self->undo_stack != NULL ? onloop_undo_stack_get_redo_label (self->undo_stack)
                                              : NULL;
  g_autofree char *undo_tip = undo != NULL ? g_strdup_printf (_("Undo: %s"), undo) : NULL;
  g_autofree char *redo_tip = redo != NULL ? g_strdup_printf (_("Redo: %s"), redo) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", redo != NULL);
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip != NULL ? undo_tip : _("Undo"));
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip != NULL ? redo_tip : _("Redo"));
  gtk_widget_set_visible (self->undo_button, self->store != NULL);
  gtk_widget_set_visible (self->redo_button, self->store != NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OnloopWindow *self = ONLOOP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->undo_stack == NULL)
    return;

  if (g_str_equal (action_name, "win.redo"))
    ok = onloop_undo_stack_redo (self->undo_stack, &error);
  else
    ok = onloop_undo_stack_undo (self->undo_stack, &error);

  if (!ok)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
set_presenting (OnloopWindow *self,
                gboolean      presenting)
{
  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;
  gtk_widget_set_visible (self->header_bar, !presenting);
  gtk_widget_set_visible (self->switcher_bar, !presenting);
  if (presenting)
    {
      AdwToast *toast = adw_toast_new (_("Presenting: press F11 or Esc to leave"));

      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
      adw_toast_set_timeout (toast, 3);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

static void
fullscreened_cb (OnloopWindow *self,
                 GParamSpec   *pspec,
                 gpointer      user_data)
{
  /* Left by the window manager: the board leaves presentation too. */
  if (self->presenting && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    set_presenting (self, FALSE);
}

/* Escape leaves presentation before a toast or a list sees it (the toast
 * overlay would take it to close a toast), but not from an open popover. */
static gboolean
escape_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   OnloopWindow          *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!self->presenting || keyval != GDK_KEY_Escape ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
    return FALSE;

  set_presenting (self, FALSE);
  return TRUE;
}

static void
set_store (OnloopWindow *self,
           OnloopStore  *store)
{
  if (self->store == store)
    return;

  g_clear_object (&self->undo_stack);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      self->undo_stack = onloop_undo_stack_new (store);
      g_signal_connect_object (self->undo_stack, "notify", G_CALLBACK (update_undo), self,
                               G_CONNECT_SWAPPED);
    }

  if (store != NULL)
    {
      g_autofree char *name = g_filename_display_basename (onloop_store_get_path (store));
      g_autofree char *dir = g_path_get_dirname (onloop_store_get_path (store));
      g_autofree char *dir_display = g_filename_display_name (dir);

      gtk_window_set_title (GTK_WINDOW (self), name);
      adw_view_switcher_title_set_title (self->switcher_title, name);
      adw_view_switcher_title_set_subtitle (self->switcher_title, dir_display);
      gtk_stack_set_visible_child_name (self->main_stack, "workspace");
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Onloop"));
      adw_view_switcher_title_set_title (self->switcher_title, _("Onloop"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, store != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
  update_undo (self);
}

gboolean
onloop_window_open_path (OnloopWindow *self,
                         const char   *path,
                         gboolean      create)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ONLOOP_IS_WINDOW (self), FALSE);

  store = onloop_store_open (path, create ? ONLOOP_STORE_OPEN_CREATE : ONLOOP_STORE_OPEN_NONE,
                             &error);
  if (store == NULL)
    {
      show_refusal (self, error);
      return FALSE;
    }

  set_store (self, store);
  remember (self, path);
  return TRUE;
}

gboolean
onloop_window_open_file (OnloopWindow *self,
                         GFile        *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("Only workspaces on this computer can be opened"));
      show_refusal (self, error);
      return FALSE;
    }

  return onloop_window_open_path (self, path, FALSE);
}

void
onloop_window_open_last (OnloopWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-workspace");
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (last == NULL || *last == '\0' || !g_file_test (last, G_FILE_TEST_EXISTS))
    return;

  /* A workspace that cannot be reopened is not worth a dialog at start-up:
   * the welcome page says so quietly and offers the others. */
  store = onloop_store_open (last, ONLOOP_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  set_store (self, store);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     OnloopWindow    *self)
{
  gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                    GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && create && !g_str_has_suffix (path, ".onloop"))
        {
          char *with_suffix = g_strconcat (path, ".onloop", NULL);
          g_free (path);
          path = with_suffix;
        }

      /* The chooser has already asked whether to replace an existing file. */
      if (path != NULL && create && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GFile) target = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;

          if (!g_file_trash (target, NULL, &error) && !g_file_delete (target, NULL, NULL))
            {
              show_refusal (self, error);
              goto out;
            }
        }

      if (path != NULL)
        onloop_window_open_path (self, path, create);
    }

out:
  g_clear_object (&self->chooser);
}

static void
run_chooser (OnloopWindow         *self,
             GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean create = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (create ? _("New Workspace") : _("Open Workspace"),
                                               GTK_WINDOW (self), action,
                                               create ? _("_Create") : _("_Open"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Onloop workspaces"));
  gtk_file_filter_add_pattern (filter, "*.onloop");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                       _("Sales Team.onloop"));

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_chooser (ONLOOP_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  run_chooser (ONLOOP_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  onloop_window_open_path (ONLOOP_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* win.edit-boundary("key"): what an execution card on the Map offers. */
static void
edit_boundary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OnloopWindow *self = ONLOOP_WINDOW (widget);

  if (self->store == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "boundaries");
  onloop_boundaries_view_select_decision (ONLOOP_BOUNDARIES_VIEW (self->boundaries_view),
                                          g_variant_get_string (parameter, NULL));
}

static void
recent_row_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         OnloopWindow  *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  onloop_window_open_path (self, path, FALSE);
}

static void
onloop_window_constructed (GObject *object)
{
  OnloopWindow *self = ONLOOP_WINDOW (object);
  g_autoptr(GPropertyAction) show_view = NULL;

  G_OBJECT_CLASS (onloop_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  /* win.show-view("map") and the detailed win.show-view::map for accels. */
  show_view = g_property_action_new ("show-view", self->view_stack, "visible-child-name");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_view));

  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (rebuild_recent), self, G_CONNECT_SWAPPED);
  rebuild_recent (self);
  set_store (self, NULL);
}

static void
onloop_window_dispose (GObject *object)
{
  OnloopWindow *self = ONLOOP_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);

  /* The view stack loses its pages below: stop it from telling the action
   * and the settings about a "change" nobody made. */
  if (self->view_stack != NULL)
    {
      g_action_map_remove_action (G_ACTION_MAP (self), "show-view");
      g_settings_unbind (self->view_stack, "visible-child-name");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_WINDOW);

  G_OBJECT_CLASS (onloop_window_parent_class)->dispose (object);
}

static void
onloop_window_finalize (GObject *object)
{
  OnloopWindow *self = ONLOOP_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (onloop_window_parent_class)->finalize (object);
}

static void
onloop_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OnloopWindow *self = ONLOOP_WINDOW (object);

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
onloop_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OnloopWindow *self = ONLOOP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      set_presenting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_window_class_init (OnloopWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = onloop_window_constructed;
  object_class->dispose = onloop_window_dispose;
  object_class->finalize = onloop_window_finalize;
  object_class->get_property = onloop_window_get_property;
  object_class->set_property = onloop_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ONLOOP_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, ONLOOP_TYPE_UNDO_STACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ONLOOP_TYPE_MAP_VIEW);
  g_type_ensure (ONLOOP_TYPE_BOUNDARIES_VIEW);
  g_type_ensure (ONLOOP_TYPE_REVIEW_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, boundaries_view);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, review_view);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, recent_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, recent_menu_section);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, OnloopWindow, redo_button);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presenting");

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL,
                                   open_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.edit-boundary", "s", edit_boundary_action);
}

static void
onloop_window_init (OnloopWindow *self)
{
  static gsize icons_added;

  /* GtkApplication adds this path itself; windows made without one (tests)
   * need it too, for the application icon on the welcome page. */
  if (g_once_init_enter (&icons_added))
    {
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        "/io/github/onloop/Onloop/icons");
      g_once_init_leave (&icons_added, 1);
    }

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Every view follows the open workspace. */
  {
    GtkWidget *views[] = { self->map_view, self->boundaries_view, self->review_view };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        g_object_bind_property (self, "store", views[i], "store", G_BINDING_SYNC_CREATE);
        g_object_bind_property (self, "undo-stack", views[i], "undo-stack", G_BINDING_SYNC_CREATE);
      }
  }

  g_object_bind_property (self, "presenting", self->map_view, "presenting", G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (escape_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  self->settings = g_settings_new (APPLICATION_ID);
}

OnloopWindow *
onloop_window_new (gpointer application)
{
  return g_object_new (ONLOOP_TYPE_WINDOW, "application", application, NULL);
}

OnloopStore *
onloop_window_get_store (OnloopWindow *self)
{
  return self->store;
}

OnloopUndoStack *
onloop_window_get_undo_stack (OnloopWindow *self)
{
  return self->undo_stack;
}

void
onloop_window_add_toast (OnloopWindow *self,
                         AdwToast     *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
onloop_window_get_visible_view (OnloopWindow *self)
{
  if (self->store == NULL)
    return "welcome";

  return adw_view_stack_get_visible_child_name (self->view_stack);
}
