/* onloop-application.c
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-application.h"
#include "onloop-screenshot.h"
#include "onloop-window.h"

struct _OnloopApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *screenshot_path;
  char           *screenshot_view;
  gboolean        screenshot_dark;
};

G_DEFINE_FINAL_TYPE (OnloopApplication, onloop_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.new-workspace", { "<Control>n", NULL } },
  { "win.open-workspace", { "<Control>o", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-view::map", { "<Control>1", NULL } },
  { "win.show-view::boundaries", { "<Control>2", NULL } },
  { "win.show-view::review", { "<Control>3", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.presentation", { "F11", NULL } },
};

void
onloop_application_set_accels (GtkApplication *app)
{
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static OnloopWindow *
get_or_create_window (OnloopApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (onloop_window_new (self));

  return ONLOOP_WINDOW (window);
}

static void
present (OnloopApplication *self,
         OnloopWindow      *window)
{
  if (self->screenshot_path != NULL)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          self->screenshot_dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                : ADW_COLOR_SCHEME_FORCE_LIGHT);
      if (self->screenshot_view != NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                    self->screenshot_view);
      onloop_screenshot_after_first_frame (GTK_WIDGET (window), self->screenshot_path,
                                           G_APPLICATION (self));
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
onloop_application_activate (GApplication *app)
{
  OnloopApplication *self = ONLOOP_APPLICATION (app);
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL;
  OnloopWindow *window = get_or_create_window (self);

  if (fresh)
    onloop_window_open_last (window);

  present (self, window);
}

static void
onloop_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  OnloopApplication *self = ONLOOP_APPLICATION (app);
  OnloopWindow *window = get_or_create_window (self);

  if (n_files > 0)
    onloop_window_open_file (window, files[0]);

  present (self, window);
}

static int
onloop_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  OnloopApplication *self = ONLOOP_APPLICATION (app);

  if (g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path))
    {
      /* A screenshot run is its own short-lived instance. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      g_variant_dict_lookup (options, "view", "s", &self->screenshot_view);
      self->screenshot_dark = g_variant_dict_contains (options, "dark");
    }

  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Onloop authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Onloop"),
                        "developer-name", _("The Onloop authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Put your sales team’s AI on the loop: it acts on routine "
                                      "work, people step in on exceptions."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Every edit is already committed; closing the windows closes the files. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_destroy (GTK_WINDOW (windows->data));
      windows = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
onloop_application_startup (GApplication *app)
{
  OnloopApplication *self = ONLOOP_APPLICATION (app);

  G_APPLICATION_CLASS (onloop_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  onloop_application_set_accels (GTK_APPLICATION (app));
}

static void
onloop_application_shutdown (GApplication *app)
{
  GList *windows;

  /* Destroying the windows drops their workspaces, which closes the files
   * (and removes the -wal and -shm files beside them). */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));

  G_APPLICATION_CLASS (onloop_application_parent_class)->shutdown (app);
}

static void
onloop_application_finalize (GObject *object)
{
  OnloopApplication *self = ONLOOP_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->screenshot_view, g_free);

  G_OBJECT_CLASS (onloop_application_parent_class)->finalize (object);
}

static void
onloop_application_class_init (OnloopApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = onloop_application_finalize;
  app_class->activate = onloop_application_activate;
  app_class->open = onloop_application_open;
  app_class->startup = onloop_application_startup;
  app_class->shutdown = onloop_application_shutdown;
  app_class->handle_local_options = onloop_application_handle_local_options;
}

static void
onloop_application_init (OnloopApplication *self)
{
  static const GOptionEntry options[] = {
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write a PNG of the window after its first frame, then quit"), N_("FILE") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --screenshot: the view to show (map, boundaries, review)"), N_("VIEW") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --screenshot: use the dark style"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

OnloopApplication *
onloop_application_new (void)
{
  return g_object_new (ONLOOP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/onloop/Onloop",
                       NULL);
}

GSettings *
onloop_application_get_settings (OnloopApplication *self)
{
  return self->settings;
}
