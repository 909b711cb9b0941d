/* bench-board.c: the Map board with 1,000 cards, measured with the frame clock
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under Xvfb with GSK_RENDERER=cairo (as the tests run). Prints medians
 * over several runs of:
 *   - open: from opening the workspace to the first frame painted with the
 *     board filled (budget 400 ms);
 *   - scroll: frames per second while the Execution column scrolls;
 *   - drag: frames per second while a drag hovers near a column's bottom
 *     edge (drop indicator moving, column auto-scrolling), through the drop
 *     target's own "motion" handler;
 *   - move: one card moved between columns (command, SQLite, every view's
 *     reaction to the change, relayout) until the next frame;
 *   - the Map view alone: the open without the other views.
 * No assertion: the budgets are read by a person.
 *
 *   bench-board [N_CARDS] [RUNS]
 */

#include "config.h"

#include <stdlib.h>

#include "onloop-map-command.h"
#include "onloop-map-view.h"
#include "onloop-store-map.h"
#include "onloop-test-gtk.h"
#include "onloop-test-util.h"
#include "onloop-window.h"

#define FRAMES 120

typedef struct
{
  GArray *stamps;
  guint   wanted;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (frames->stamps, now);
}

static double
fps_of (GArray *stamps)
{
  gint64 first, last;

  if (stamps->len < 2)
    return 0;

  first = g_array_index (stamps, gint64, 0);
  last = g_array_index (stamps, gint64, stamps->len - 1);
  return (stamps->len - 1) / ((last - first) / 1e6);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
make_workspace (const char *path,
                guint       n)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *workflows[] = { "Follow-up sequences", "CRM hygiene", "Prospecting", "Meetings",
                              "Pricing and contracts", "Forecasting", "Coaching" };
  guint counts[ONLOOP_N_CATEGORIES] = { 0 };

  store = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("decision-%04u", i);
      g_autofree char *title = g_strdup_printf ("Recurring decision number %u about a deal", i);
      g_autoptr(OnloopDecision) d = onloop_decision_new (key, title);
      OnloopCategory c = i % 5 < 2 ? ONLOOP_CATEGORY_UNSORTED :
                         i % 5 < 4 ? ONLOOP_CATEGORY_EXECUTION : ONLOOP_CATEGORY_JUDGMENT;

      onloop_decision_set_workflow (d, workflows[i % G_N_ELEMENTS (workflows)]);
      onloop_decision_set_frequency (d, 1 + i % 50);
      for (guint k = 0; k < ONLOOP_N_CRITERIA; k++)
        onloop_decision_set_criterion (d, k, (i + k) % 3 == 0 ? ONLOOP_ANSWER_NO : ONLOOP_ANSWER_YES);
      onloop_decision_set_category (d, c);
      onloop_decision_set_position (d, counts[c]++);
      g_assert_true (onloop_store_insert_decision (store, d, &error));
    }
}

static void
wait_frames (GdkFrameClock *clock,
             Frames        *frames,
             guint          n)
{
  guint start = frames->stamps->len;

  while (frames->stamps->len < start + n)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));

  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 37);
  return G_SOURCE_CONTINUE;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll_fps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drag_fps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) move_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) map_open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) map_move_ms = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_init ();
  adw_init ();

  dir = onloop_test_make_dir ();
  path = g_build_filename (dir, "Thousand.onloop", NULL);
  make_workspace (path, n);

  for (guint run = 0; run < runs; run++)
    {
      OnloopWindow *window = onloop_window_new (NULL);
      Frames frames = { g_array_new (FALSE, FALSE, sizeof (gint64)), 0 };
      OnloopMapView *view;
      GdkFrameClock *clock;
      gint64 start;
      double ms;
      gulong handler;
      guint ticks[ONLOOP_N_CATEGORIES];

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      onloop_test_wait_mapped (GTK_WIDGET (window));
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);

      /* Open: the workspace, the model, three columns, the first frame. */
      g_array_set_size (frames.stamps, 0);
      start = g_get_monotonic_time ();
      g_assert_true (onloop_window_open_path (window, path, FALSE));
      wait_frames (clock, &frames, 1);
      ms = (g_array_index (frames.stamps, gint64, 0) - start) / 1000.0;
      g_array_append_val (open_ms, ms);

      view = ONLOOP_MAP_VIEW (find_descendant (GTK_WIDGET (window), ONLOOP_TYPE_MAP_VIEW));
      g_assert_cmpuint (onloop_board_model_get_total (onloop_map_view_get_model (view)), ==, n);
      onloop_test_wait (200);

      /* Scroll: one column, as a hand scrolls it, 37 px a frame. */
      for (guint c = ONLOOP_CATEGORY_EXECUTION; c <= ONLOOP_CATEGORY_EXECUTION; c++)
        ticks[c] = gtk_widget_add_tick_callback (onloop_board_column_get_list_view (onloop_map_view_get_column (view, c)),
                                                 scroll_tick_cb, NULL, NULL);
      g_array_set_size (frames.stamps, 0);
      wait_frames (clock, &frames, FRAMES);
      {
        double fps = fps_of (frames.stamps);
        g_array_append_val (scroll_fps, fps);
      }
      for (guint c = ONLOOP_CATEGORY_EXECUTION; c <= ONLOOP_CATEGORY_EXECUTION; c++)
        gtk_widget_remove_tick_callback (onloop_board_column_get_list_view (onloop_map_view_get_column (view, c)),
                                         ticks[c]);

      /* Drag: the drop target's motion handler every frame near the bottom
       * edge of Execution, so the indicator moves and the column scrolls. */
      {
        GtkWidget *column = GTK_WIDGET (onloop_map_view_get_column (view, ONLOOP_CATEGORY_EXECUTION));
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (column);
        GtkDropTarget *target = NULL;
        double height = gtk_widget_get_height (column);

        for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
          {
            g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
            if (GTK_IS_DROP_TARGET (controller))
              target = GTK_DROP_TARGET (controller);
          }
        g_assert_nonnull (target);

        g_array_set_size (frames.stamps, 0);
        for (guint i = 0; frames.stamps->len < FRAMES; i++)
          {
            GdkDragAction action;
            guint seen = frames.stamps->len;

            g_signal_emit_by_name (target, "motion", 100.0, height - 60 + (i % 30), &action);
            while (frames.stamps->len == seen)
              {
                gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
                g_main_context_iteration (NULL, TRUE);
              }
          }
        {
          double fps = fps_of (frames.stamps);
          g_array_append_val (drag_fps, fps);
        }
        g_signal_emit_by_name (target, "leave");
      }

      /* Move: one card from Unsorted to the top of Judgment, to the next frame. */
      {
        g_autofree char *key = g_strdup_printf ("decision-%04u", run * 5);
        g_autoptr(OnloopCommand) move = onloop_map_command_new_move (key, key,
                                                                     ONLOOP_CATEGORY_JUDGMENT, 0);
        guint seen;

        g_array_set_size (frames.stamps, 0);
        start = g_get_monotonic_time ();
        g_assert_true (onloop_undo_stack_push (onloop_window_get_undo_stack (window), move, NULL));
        seen = frames.stamps->len;
        while (frames.stamps->len == seen)
          {
            gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
            g_main_context_iteration (NULL, TRUE);
          }
        ms = (g_array_index (frames.stamps, gint64, seen) - start) / 1000.0;
        g_array_append_val (move_ms, ms);
        g_assert_true (onloop_undo_stack_undo (onloop_window_get_undo_stack (window), NULL));
      }

      g_signal_handler_disconnect (clock, handler);
      gtk_window_destroy (GTK_WINDOW (window));
      onloop_test_flush ();
      g_array_unref (frames.stamps);
    }

  /* The Map view alone in a window: what the board itself costs, without
   * the other views that also load the workspace when the window opens it. */
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(OnloopStore) store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, NULL);
      g_autoptr(OnloopUndoStack) undo = onloop_undo_stack_new (store);
      GtkWidget *window = gtk_window_new ();
      GtkWidget *view = g_object_new (ONLOOP_TYPE_MAP_VIEW, NULL);
      Frames frames = { g_array_new (FALSE, FALSE, sizeof (gint64)), 0 };
      GdkFrameClock *clock;
      gulong handler;
      gint64 start;
      double ms;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_window_present (GTK_WINDOW (window));
      onloop_test_wait_mapped (window);
      clock = gtk_widget_get_frame_clock (window);
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);

      start = g_get_monotonic_time ();
      g_object_set (view, "store", store, "undo-stack", undo, NULL);
      wait_frames (clock, &frames, 1);
      ms = (g_array_index (frames.stamps, gint64, 0) - start) / 1000.0;
      g_array_append_val (map_open_ms, ms);

      /* A move with only the board listening. */
      onloop_test_wait (200);
      {
        g_autofree char *key = g_strdup_printf ("decision-%04u", run * 5 + 1);
        g_autoptr(OnloopCommand) move = onloop_map_command_new_move (key, key,
                                                                     ONLOOP_CATEGORY_JUDGMENT, 0);
        guint seen = frames.stamps->len;

        start = g_get_monotonic_time ();
        g_assert_true (onloop_undo_stack_push (undo, move, NULL));
        while (frames.stamps->len == seen)
          {
            gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
            g_main_context_iteration (NULL, TRUE);
          }
        ms = (g_array_index (frames.stamps, gint64, seen) - start) / 1000.0;
        g_array_append_val (map_move_ms, ms);
        g_assert_true (onloop_undo_stack_undo (undo, NULL));
      }

      g_signal_handler_disconnect (clock, handler);
      gtk_window_destroy (GTK_WINDOW (window));
      onloop_test_flush ();
      g_array_unref (frames.stamps);
    }

  g_print ("board with %u cards, %u runs (medians):\n", n, runs);
  g_print ("  open to first frame   %7.1f ms   (budget 400 ms; the whole window, all views)\n",
           median (open_ms));
  g_print ("  the Map view alone    %7.1f ms\n", median (map_open_ms));
  g_print ("  scrolling             %7.1f frames/s (budget 50)\n", median (scroll_fps));
  g_print ("  dragging              %7.1f frames/s (budget 50)\n", median (drag_fps));
  g_print ("  one move to the frame %7.1f ms   (every view reacts to the change)\n",
           median (move_ms));
  g_print ("  the same, Map alone   %7.1f ms\n", median (map_move_ms));

  onloop_test_remove_dir (dir);
  return 0;
}
