/* bench-engine.c: in-process timings of the engine on a workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-engine WORKSPACE [RUNS]
 * Prints the median of RUNS (default 7) runs of each step, in ms. Not a
 * test: the numbers depend on the machine; bench-engine.sh runs it.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "onloop-calibration.h"
#include "onloop-engine.h"
#include "onloop-store-spec.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof *v, compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#define MS(t0) ((g_get_monotonic_time () - (t0)) / 1000.0)

/* CPU time of this thread in µs: on a shared machine it shows the work
 * without the time spent waiting for a core. */
static gint64
cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopSpec) draft = NULL;
  int runs = argc > 2 ? atoi (argv[2]) : 7;
  double *open_ms = g_new (double, runs), *metrics_ms = g_new (double, runs);
  double *load_ms = g_new (double, runs), *build_ms = g_new (double, runs);
  double *best_ms = g_new (double, runs), *curve_ms = g_new (double, runs);
  double *engine_ms = g_new (double, runs), *preview_ms = g_new (double, runs);
  double *load_cpu = g_new (double, runs), *build_cpu = g_new (double, runs);
  double step_ms = 0;
  guint n_cuts = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-engine WORKSPACE [RUNS]\n");
      return 2;
    }

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(OnloopStore) s = NULL;
      g_autoptr(GArray) weeks = NULL;
      gint64 t0 = g_get_monotonic_time ();

      s = onloop_store_open (argv[1], ONLOOP_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);
      open_ms[r] = MS (t0);
      t0 = g_get_monotonic_time ();
      weeks = onloop_engine_read_metrics (s, ONLOOP_RANGE_ALL, NULL, &error);
      g_assert_no_error (error);
      metrics_ms[r] = MS (t0);
    }

  store = onloop_store_open (argv[1], ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  draft = onloop_store_load_draft (store, &error);
  g_assert_no_error (error);

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(OnloopLog) log = NULL;
      g_autoptr(OnloopCalibration) calibration = NULL;
      g_autoptr(GArray) curve = NULL;
      g_autoptr(OnloopEngine) engine = NULL;
      OnloopCalibrationPoint best;
      OnloopPreview preview;
      gint64 t0 = g_get_monotonic_time ();
      gint64 c0 = cpu_usec ();

      log = onloop_log_load (store, NULL, &error);
      g_assert_no_error (error);
      load_ms[r] = MS (t0);
      load_cpu[r] = (cpu_usec () - c0) / 1000.0;

      t0 = g_get_monotonic_time ();
      c0 = cpu_usec ();
      calibration = onloop_calibration_new (log, draft, "deal-size", ONLOOP_RANGE_ALL, NULL, &error);
      g_assert_no_error (error);
      build_ms[r] = MS (t0);
      build_cpu[r] = (cpu_usec () - c0) / 1000.0;

      t0 = g_get_monotonic_time ();
      onloop_calibration_best (calibration, 0.125, &best);
      best_ms[r] = MS (t0);

      t0 = g_get_monotonic_time ();
      curve = onloop_calibration_curve (calibration);
      curve_ms[r] = MS (t0);
      n_cuts = curve->len;

      /* A slider drag: 1,000 positions across the range, one look-up each. */
      t0 = g_get_monotonic_time ();
      {
        volatile double sink = 0;
        for (int k = 0; k < 1000; k++)
          sink += onloop_calibration_rate_at (calibration, k * 500.0);
        (void) sink;
      }
      step_ms = MS (t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      engine = onloop_engine_new (log, NULL, draft, NULL, &error);
      g_assert_no_error (error);
      engine_ms[r] = MS (t0);

      t0 = g_get_monotonic_time ();
      onloop_preview_compute (log, draft, &preview, NULL, &error);
      g_assert_no_error (error);
      preview_ms[r] = MS (t0);
    }

  printf ("store open:                 %8.2f ms\n", median (open_ms, runs));
  printf ("metrics read (fresh):       %8.2f ms\n", median (metrics_ms, runs));
  printf ("log load (column cache):    %8.2f ms  (CPU %.2f ms)\n", median (load_ms, runs), median (load_cpu, runs));
  printf ("calibration build:          %8.2f ms  (CPU %.2f ms)\n", median (build_ms, runs), median (build_cpu, runs));
  printf ("calibration best:           %8.3f ms\n", median (best_ms, runs));
  printf ("calibration curve (%u cuts): %8.2f ms\n", n_cuts, median (curve_ms, runs));
  printf ("slider step (binary search):%8.4f ms\n", step_ms);
  printf ("evaluate all (draft):       %8.2f ms\n", median (engine_ms, runs));
  printf ("draft preview:              %8.2f ms\n", median (preview_ms, runs));
  return 0;
}
