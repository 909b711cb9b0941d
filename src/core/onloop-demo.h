/* onloop-demo.h: a worked demo workspace (PRODUCT.md §5, onloop-cli demo)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sales team twelve weeks into putting its AI on the loop: a sorted map
 * with boundaries, three published spec versions, a decision log whose
 * weeks cross the diagnosis bands (a shadow start, a too-loose stretch with
 * trigger gaps, a fix, then the 10–15 % band), spot-check marks and time
 * entries for two managers. Everything comes from a seeded generator of our
 * own and fixed dates, so every run gives the same workspace.
 */

#pragma once

#include "onloop-store.h"
#include "onloop-time.h"

G_BEGIN_DECLS

/* The twelve weeks of the demo log. */
#define ONLOOP_DEMO_FIRST_WEEK 202635
#define ONLOOP_DEMO_LAST_WEEK  202646

/* Fills @store, which must be a new, empty workspace. The log goes through
 * the same import as a user's log. */
gboolean onloop_demo_populate (OnloopStore  *store,
                               GError      **error);

/* Creates the demo workspace at @path. Refuses a file that exists and is
 * not empty; on failure no file is left behind. */
gboolean onloop_demo_create   (const char   *path,
                               GError      **error);

G_END_DECLS
