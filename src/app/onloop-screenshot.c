/* onloop-screenshot.c: the window as a PNG, rendered by GSK rather than
 * grabbed from the screen, for the README, AppStream and the test suite
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "onloop-screenshot.h"

/* Frames to wait so that lists, charts and fonts have settled. */
#define SETTLE_FRAMES 4

typedef struct
{
  GtkWidget    *widget;
  char         *path;
  GApplication *app;
  guint         frames;
  gulong        handler;
} Shot;

gboolean
onloop_screenshot_save (GtkWidget   *widget,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing to render yet");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", path);
      return FALSE;
    }

  return TRUE;
}

static void
shot_free (Shot *shot)
{
  g_free (shot->path);
  g_object_unref (shot->app);
  g_free (shot);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Shot          *shot)
{
  g_autoptr(GError) error = NULL;

  if (++shot->frames < SETTLE_FRAMES)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }

  g_signal_handler_disconnect (clock, shot->handler);
  if (!onloop_screenshot_save (shot->widget, shot->path, &error))
    g_printerr ("onloop: %s\n", error->message);
  else
    g_printerr ("onloop: wrote %s\n", shot->path);

  /* Closing the window closes the workspace file cleanly; with no window
   * left, the application quits. */
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (shot->widget)));
  shot_free (shot);
}

static void
map_cb (GtkWidget *widget,
        Shot      *shot)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, map_cb, shot);
  shot->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), shot);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

void
onloop_screenshot_after_first_frame (GtkWidget    *widget,
                                     const char   *path,
                                     GApplication *app)
{
  Shot *shot = g_new0 (Shot, 1);

  shot->widget = widget;
  shot->path = g_strdup (path);
  shot->app = g_object_ref (app);
  g_signal_connect (widget, "map", G_CALLBACK (map_cb), shot);
}
