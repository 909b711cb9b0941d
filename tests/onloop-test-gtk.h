/* onloop-test-gtk.h: helpers for widget tests under Xvfb
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

static inline void
onloop_test_gtk_init (int    *argc,
                      char ***argv)
{
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    g_error ("No display: widget tests run under Xvfb (build-aux/onloop test provides one)");
  adw_init ();
}

/* Runs the main loop until nothing is pending. */
static inline void
onloop_test_flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
onloop_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds (frames, idles, timeouts). */
static inline void
onloop_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, onloop_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits until @widget has been mapped and drawn. */
static inline void
onloop_test_wait_mapped (GtkWidget *widget)
{
  for (guint i = 0; i < 500 && !gtk_widget_get_mapped (widget); i++)
    onloop_test_wait (10);
  g_assert_true (gtk_widget_get_mapped (widget));
  onloop_test_wait (50);
}

/* The first toplevel of @type other than @except, or NULL. */
static inline GtkWidget *
onloop_test_find_toplevel (GType      type,
                           GtkWidget *except)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (w != except && G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
    }

  return NULL;
}
