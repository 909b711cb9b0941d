/* onloop-review-worker.h: how the Review pane's worker threads behave
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#endif

/* Background work yields the processor to the main loop's frames (the
 * threads a worker starts, like the import's reader, inherit it). On Linux
 * a nice value is per thread; GTask's threads are shared, so the worker
 * puts its old value back when done. */
static inline int
onloop_worker_lower_priority (void)
{
  int old = 0;

#ifdef __linux__
  errno = 0;
  old = getpriority (PRIO_PROCESS, 0);
  if (errno != 0 || setpriority (PRIO_PROCESS, 0, MAX (old, 10)) != 0)
    g_debug ("Could not lower the worker's priority: %s", g_strerror (errno));
#endif
  return old;
}

static inline void
onloop_worker_restore_priority (int old)
{
#ifdef __linux__
  /* Raising it back takes a privilege a desktop user lacks: then the
   * shared thread keeps the lower priority, which suits background work. */
  if (setpriority (PRIO_PROCESS, 0, old) != 0)
    g_debug ("Could not restore the worker's priority: %s", g_strerror (errno));
#endif
}

/* Loading a million events leaves freed scratch pages in the worker
 * thread's malloc arena, and so does a snapshot that was replaced: hand
 * them back to the system, from the worker, so the main loop never waits. */
static inline void
onloop_worker_trim_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}
