/* bench-review.c: the Review pane's budgets on a big workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints medians of:
 *   - open: from handing the view its workspace to the first frame that
 *     shows the weekly charts (budget 200 ms with 1,000,000 events);
 *   - snapshot: the time until the engine snapshot (contribution, samples,
 *     calibration) is loaded in its thread, and the longest gap between two
 *     frame-clock ticks meanwhile (the UI must keep ticking);
 *   - memory: resident set size with everything loaded, and its peak
 *     (budget 150 MB);
 *   - slider: one calibration slider step (rate lookup, label, marker)
 *     plus the frame that shows it, layout to paint (budget 16 ms);
 *   - with --import LOG: the longest frame-clock gap while LOG is imported
 *     (this writes LOG's events into the workspace: give it a copy).
 * Not a test: the numbers depend on the machine; a person reads them.
 *
 *   bench-review WORKSPACE [RUNS] [--import LOG]
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onloop-review-view.h"
#include "onloop-test-gtk.h"

typedef struct
{
  OnloopChart *chart;
  gint64       start;
  gint64       drawn;
  gint64       last_tick;
  gint64       max_gap;
  gint64       max_gap_at;
} Probe;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  if (values->len % 2)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  if (probe->drawn == 0 && onloop_chart_get_n_points (probe->chart) > 0)
    probe->drawn = g_get_monotonic_time ();
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Probe *probe = data;
  gint64 now = g_get_monotonic_time ();

  if (probe->last_tick != 0 && now - probe->last_tick > probe->max_gap)
    {
      probe->max_gap = now - probe->last_tick;
      probe->max_gap_at = now;
    }
  probe->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
read_memory (gint64 *rss_kb,
             gint64 *peak_kb)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  *rss_kb = *peak_kb = 0;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "VmRSS:"))
        *rss_kb = g_ascii_strtoll (lines[i] + 6, NULL, 10);
      else if (g_str_has_prefix (lines[i], "VmHWM:"))
        *peak_kb = g_ascii_strtoll (lines[i] + 6, NULL, 10);
    }
}

static void
wait_idle (OnloopReviewView *view)
{
  while (onloop_review_view_is_busy (view))
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
make_window (OnloopReviewView **view)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  *view = g_object_new (ONLOOP_TYPE_REVIEW_VIEW, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (*view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 800);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  onloop_test_wait_mapped (GTK_WIDGET (*view));
  return window;
}

/* One open: the view already on screen with no workspace, as in the window. */
static void
bench_open (const char *path,
            GArray     *open_ms,
            GArray     *snapshot_ms,
            GArray     *gap_ms,
            gint64     *rss_kb,
            gint64     *peak_kb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopStore) store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
  OnloopReviewView *view;
  GtkWidget *window;
  GdkFrameClock *clock;
  Probe probe = { 0 };
  gulong handler;
  guint tick;
  double ms;

  if (store == NULL)
    g_error ("%s", error->message);

  window = make_window (&view);
  probe.chart = onloop_chart_card_get_chart (
    onloop_review_view_get_chart_card (view, ONLOOP_REVIEW_CHART_EXCEPTION_RATE));
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);
  tick = gtk_widget_add_tick_callback (window, tick_cb, &probe, NULL);

  read_memory (rss_kb, peak_kb);
  if (open_ms->len == 0)
    printf ("memory before the workspace: RSS %.1f MB\n", *rss_kb / 1024.0);

  probe.start = g_get_monotonic_time ();
  onloop_review_view_set_store (view, store);
  while (probe.drawn == 0)
    g_main_context_iteration (NULL, TRUE);
  ms = (probe.drawn - probe.start) / 1000.0;
  g_array_append_val (open_ms, ms);
  read_memory (rss_kb, peak_kb);
  if (open_ms->len == 1)
    printf ("memory with the charts drawn: RSS %.1f MB\n", *rss_kb / 1024.0);

  probe.max_gap = 0;
  wait_idle (view);
  if (onloop_review_view_get_message (view) != NULL)
    printf ("run %u: %s\n", open_ms->len, onloop_review_view_get_message (view));
  ms = (g_get_monotonic_time () - probe.start) / 1000.0;
  g_array_append_val (snapshot_ms, ms);
  ms = probe.max_gap / 1000.0;
  g_array_append_val (gap_ms, ms);
  /* Memory of the first open only: later ones run in a process whose
   * allocator kept the earlier snapshots' pages. */
  if (open_ms->len == 1)
    {
      read_memory (rss_kb, peak_kb);
      if (onloop_review_view_get_engine (view) == NULL)
        printf ("no snapshot: %s\n", onloop_review_view_get_message (view));
    }

  g_signal_handler_disconnect (clock, handler);
  gtk_widget_remove_tick_callback (window, tick);
  gtk_window_destroy (GTK_WINDOW (window));
  onloop_test_flush ();
}

typedef struct
{
  gint64 start;
  gint64 end;
} Frame;

static void
frame_start_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->start = g_get_monotonic_time ();
}

static void
frame_end_cb (GdkFrameClock *clock,
              Frame         *frame)
{
  frame->end = g_get_monotonic_time ();
}

static void
bench_slider (const char *path,
              GArray     *step_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopStore) store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
  OnloopCalibrationPanel *panel;
  OnloopReviewView *view;
  GtkWidget *window = make_window (&view);
  GtkRange *slider;
  GdkFrameClock *clock;
  Frame frame = { 0 };
  guint n_cuts;

  onloop_review_view_set_store (view, store);
  wait_idle (view);
  panel = onloop_review_view_get_calibration_panel (view);
  if (!onloop_calibration_panel_select_trigger (panel, "deal-size"))
    g_error ("The workspace's draft has no deal-size trigger");
  while (onloop_calibration_panel_get_calibration (panel) == NULL)
    g_main_context_iteration (NULL, TRUE);

  slider = onloop_calibration_panel_get_slider (panel);
  n_cuts = onloop_calibration_get_n_cuts (onloop_calibration_panel_get_calibration (panel));
  printf ("calibration of deal-size: %u distinct values\n", n_cuts);

  /* Bring the panel on screen (the page scrolls to the focus). */
  gtk_widget_grab_focus (GTK_WIDGET (slider));
  onloop_test_wait (300);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "layout", G_CALLBACK (frame_start_cb), &frame);
  g_signal_connect (clock, "after-paint", G_CALLBACK (frame_end_cb), &frame);

  for (guint i = 0; i < 100; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      gint64 handled;
      double ms;

      /* Steps spread over the whole axis, like a drag across it: the step's
       * own work, then the frame that shows it (layout to paint). */
      gtk_range_set_value (slider, (double) ((i * 7919u) % MAX (n_cuts, 1)));
      handled = g_get_monotonic_time ();
      frame.end = 0;
      while (frame.end == 0)
        g_main_context_iteration (NULL, TRUE);
      ms = ((handled - t0) + (frame.end - frame.start)) / 1000.0;
      g_array_append_val (step_ms, ms);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  onloop_test_flush ();
}

static void
bench_import (const char *path,
              const char *log)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopStore) store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
  OnloopReviewView *view;
  GtkWidget *window = make_window (&view);
  Probe probe = { 0 };
  guint tick;
  gint64 t0, imported;

  onloop_review_view_set_store (view, store);
  wait_idle (view);
  tick = gtk_widget_add_tick_callback (window, tick_cb, &probe, NULL);
  t0 = g_get_monotonic_time ();
  onloop_review_view_import (view, log);
  {
    OnloopImportCounts counts;

    while (!onloop_review_view_get_import_counts (view, &counts) &&
           onloop_review_view_get_message (view) == NULL)
      g_main_context_iteration (NULL, TRUE);
  }
  imported = g_get_monotonic_time ();
  wait_idle (view);
  printf ("import of %s: %.1f s, %.1f s more to refresh the pane; longest frame gap %.1f ms, "
          "%.1f s after the start; %s\n", log,
          (imported - t0) / 1e6, (g_get_monotonic_time () - imported) / 1e6,
          probe.max_gap / 1000.0, (probe.max_gap_at - t0) / 1e6,
          onloop_review_view_get_message (view) ? onloop_review_view_get_message (view) : "");
  gtk_widget_remove_tick_callback (window, tick);
  gtk_window_destroy (GTK_WINDOW (window));
  onloop_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gap_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) step_ms = g_array_new (FALSE, FALSE, sizeof (double));
  const char *import_log = NULL;
  const char *path;
  gint64 rss_kb = 0, peak_kb = 0;
  int runs = 5;

  gtk_init ();
  adw_init ();

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-review WORKSPACE [RUNS] [--import LOG]\n");
      return 2;
    }
  path = argv[1];
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--import") && i + 1 < argc)
        import_log = argv[++i];
      else
        runs = MAX (1, atoi (argv[i]));
    }

  for (int r = 0; r < runs; r++)
    bench_open (path, open_ms, snapshot_ms, gap_ms, &rss_kb, &peak_kb);
  printf ("open and draw the weekly charts: median %.1f ms of %d (budget 200 ms)\n",
          median (open_ms), runs);
  printf ("engine snapshot loaded in its thread: median %.0f ms; longest frame gap meanwhile "
          "%.1f ms\n", median (snapshot_ms), median (gap_ms));
  printf ("memory with everything loaded (first open): RSS %.1f MB, peak %.1f MB (budget 150 MB)\n",
          rss_kb / 1024.0, peak_kb / 1024.0);

  bench_slider (path, step_ms);
  {
    double mid = median (step_ms);

    printf ("calibration slider step (lookup, label, marker, then the frame's layout to paint): "
            "median %.2f ms, max %.2f ms of %u (budget 16 ms)\n",
            mid, g_array_index (step_ms, double, step_ms->len - 1), step_ms->len);
  }

  if (import_log != NULL)
    bench_import (path, import_log);

  return 0;
}
