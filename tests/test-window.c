/* test-window.c: the application window on a real display (Xvfb)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onloop-application.h"
#include "onloop-screenshot.h"
#include "onloop-store-map.h"
#include "onloop-test-gtk.h"
#include "onloop-test-util.h"
#include "onloop-window.h"

typedef struct
{
  char         *dir;
  char         *path;
  OnloopWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "last-workspace");
  g_settings_reset (settings, "recent-workspaces");
  g_settings_reset (settings, "last-view");

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "Sales Team.onloop", NULL);
  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->window = onloop_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  onloop_test_wait_mapped (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  onloop_test_flush ();
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_welcome_then_open (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;

  g_assert_cmpstr (onloop_window_get_visible_view (f->window), ==, "welcome");
  g_assert_null (onloop_window_get_store (f->window));

  g_assert_true (onloop_window_open_path (f->window, f->path, FALSE));
  onloop_test_flush ();

  g_assert_nonnull (onloop_window_get_store (f->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Sales Team.onloop");
  g_assert_cmpstr (onloop_window_get_visible_view (f->window), ==, "map");

  last = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last, ==, f->path);
  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, f->path);
}

static void
test_views_switch_by_action (Fixture       *f,
                             gconstpointer  data)
{
  const char *views[] = { "boundaries", "review", "map" };

  g_assert_true (onloop_window_open_path (f->window, f->path, FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                                 views[i]));
      onloop_test_flush ();
      g_assert_cmpstr (onloop_window_get_visible_view (f->window), ==, views[i]);
    }
}

/* Ctrl+1/2/3 are bound to the view actions: resolve each accelerator the
 * way GTK does and activate what it names on the window. */
static void
test_views_switch_by_shortcut (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.onloop.Onloop.Test",
                                                       G_APPLICATION_NON_UNIQUE);
  const struct { const char *accel; const char *view; } cases[] = {
    { "<Control>3", "review" },
    { "<Control>2", "boundaries" },
    { "<Control>1", "map" },
  };

  onloop_application_set_accels (app);
  g_assert_true (onloop_window_open_path (f->window, f->path, FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, cases[i].accel);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (g_strv_length (actions), ==, 1);
      g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, &error));
      g_assert_no_error (error);
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), name, target));
      onloop_test_flush ();
      g_assert_cmpstr (onloop_window_get_visible_view (f->window), ==, cases[i].view);
    }
}

static void
test_refused_file_shows_dialog (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *bogus = g_build_filename (f->dir, "notes.onloop", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GtkWidget *dialog;

  onloop_test_write (bogus, "this is not a workspace\n", -1);
  before = onloop_test_read_bytes (bogus);

  g_assert_false (onloop_window_open_path (f->window, bogus, FALSE));
  onloop_test_flush ();

  dialog = onloop_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Cannot Open Workspace");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "notes.onloop"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "not an Onloop workspace"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The window still shows what it showed, and the file is untouched. */
  g_assert_cmpstr (onloop_window_get_visible_view (f->window), ==, "welcome");
  after = onloop_test_read_bytes (bogus);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_reopens_last_workspace (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  OnloopWindow *second;

  g_settings_set_string (settings, "last-workspace", f->path);
  g_settings_set_string (settings, "last-view", "review");

  second = onloop_window_new (NULL);
  onloop_window_open_last (second);
  g_assert_nonnull (onloop_window_get_store (second));
  g_assert_cmpstr (onloop_store_get_path (onloop_window_get_store (second)), ==, f->path);
  g_assert_cmpstr (onloop_window_get_visible_view (second), ==, "review");
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *png = g_build_filename (dir, "window-map.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (onloop_window_open_path (f->window, f->path, FALSE));
  onloop_test_wait (600);

  g_assert_true (onloop_screenshot_save (GTK_WIDGET (f->window), png, &error));
  g_assert_no_error (error);

  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gdk_texture_get_height (texture), >, 200);
  g_test_message ("screenshot: %s", png);
}

int
main (int    argc,
      char **argv)
{
  onloop_test_gtk_init (&argc, &argv);

  g_test_add ("/window/welcome-then-open", Fixture, NULL,
              fixture_setup, test_welcome_then_open, fixture_teardown);
  g_test_add ("/window/views/switch-by-action", Fixture, NULL,
              fixture_setup, test_views_switch_by_action, fixture_teardown);
  g_test_add ("/window/views/switch-by-shortcut", Fixture, NULL,
              fixture_setup, test_views_switch_by_shortcut, fixture_teardown);
  g_test_add ("/window/open/refused-file-shows-dialog", Fixture, NULL,
              fixture_setup, test_refused_file_shows_dialog, fixture_teardown);
  g_test_add ("/window/open/reopens-last-workspace-and-view", Fixture, NULL,
              fixture_setup, test_reopens_last_workspace, fixture_teardown);
  g_test_add ("/window/screenshot/writes-png", Fixture, NULL,
              fixture_setup, test_screenshot, fixture_teardown);

  return g_test_run ();
}
