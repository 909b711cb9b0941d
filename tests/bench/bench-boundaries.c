/* bench-boundaries.c: what one edit costs in the Boundaries view
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-boundaries WORKSPACE [RUNS]
 *
 * Opens the view on a copy-free workspace (say the 1,000,000-event one
 * bench-engine.sh builds), then prints medians of:
 *   - reading the log into columns (once per import, on the main thread);
 *   - one saved trigger edit as the main thread pays for it: the undo
 *     command's transaction plus the view reloading the draft and its
 *     widgets (the budget is a frame, 16 ms);
 *   - one keystroke of a threshold while typing (nothing saved): the main
 *     thread's part;
 *   - the worker's preview + lint for that keystroke (off the main thread).
 * Not a test: it edits the workspace's draft (and puts it back).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "onloop-boundaries-view.h"
#include "onloop-spec-command.h"
#include "onloop-store-spec.h"
#include "onloop-test-gtk.h"
#include "onloop-trigger-editor.h"

#define MS(t0) ((g_get_monotonic_time () - (t0)) / 1000.0)

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof (double), cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
wait_idle (OnloopBoundariesView *view)
{
  while (onloop_boundaries_view_is_busy (view))
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(OnloopUndoStack) undo = NULL;
  OnloopBoundariesView *view;
  GtkWidget *window;
  int runs = argc > 2 ? atoi (argv[2]) : 7;
  double *load = g_new (double, runs), *edit = g_new (double, runs);
  double *key = g_new (double, runs), *worker = g_new (double, runs);
  OnloopPreview preview;
  gint64 t0;

  gtk_init ();
  adw_init ();
  if (argc < 2)
    {
      g_printerr ("usage: bench-boundaries WORKSPACE [RUNS]\n");
      return 2;
    }

  store = onloop_store_open (argv[1], ONLOOP_STORE_OPEN_NONE, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  undo = onloop_undo_stack_new (store);

  view = g_object_new (ONLOOP_TYPE_BOUNDARIES_VIEW, NULL);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  onloop_boundaries_view_set_undo_stack (view, undo);
  onloop_boundaries_view_set_store (view, store);
  onloop_boundaries_view_show_page (view, "triggers");
  wait_idle (view);
  if (!onloop_boundaries_view_get_preview (view, &preview))
    g_error ("no preview: is there a log?");
  printf ("events: %u\n", preview.events);

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(OnloopLog) log = NULL;

      t0 = g_get_monotonic_time ();
      log = onloop_log_load (store, NULL, &error);
      load[r] = MS (t0);
      g_assert_no_error (error);
    }

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(OnloopTrigger) before = onloop_store_get_trigger (store, "deal-size", &error);
      OnloopTrigger *after;
      OnloopTriggerRow *row;
      GtkWidget *spin;

      g_assert_no_error (error);
      after = onloop_trigger_copy (before);
      after->min_arr = before->min_arr + 1000;

      /* A saved edit: the command and the view's reaction to "changed". */
      t0 = g_get_monotonic_time ();
      if (!onloop_undo_stack_push (undo, onloop_spec_command_new_set_trigger (before, after), &error))
        g_error ("%s", error->message);
      edit[r] = MS (t0);
      onloop_trigger_free (after);
      wait_idle (view);

      /* A keystroke: preview only. */
      row = onloop_trigger_editor_get_row (ONLOOP_TRIGGER_EDITOR (onloop_boundaries_view_get_trigger_editor (view)),
                                           "deal-size");
      spin = onloop_trigger_row_get_input (row, "min_arr");
      t0 = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (spin), r % 2 ? "61,250" : "75,000");
      key[r] = MS (t0);
      t0 = g_get_monotonic_time ();
      wait_idle (view);
      worker[r] = MS (t0);

      onloop_undo_stack_undo (undo, NULL);
      wait_idle (view);
    }

  printf ("read the log (main thread, once per import): %8.2f ms\n", median (load, runs));
  printf ("saved trigger edit (main thread):             %8.2f ms\n", median (edit, runs));
  printf ("typed keystroke (main thread):                %8.2f ms\n", median (key, runs));
  printf ("preview + lint for it (worker thread):        %8.2f ms\n", median (worker, runs));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
