/* onloop-store-log.h: importing a decision log into a workspace (PRODUCT.md §2)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-store.h"
#include "onloop-log-parser.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 lines;            /* events read (blank lines not counted) */
  guint64 imported;         /* new events stored */
  guint64 already_present;  /* ids the workspace already had: skipped */
  guint64 unmapped;         /* of the imported, those whose decision key is not in the map */
} OnloopImportCounts;

/* Called from the thread that runs the import, a few times per second at
 * most and once at the end with @bytes_done == @bytes_total. A GUI must
 * hand the numbers to its main loop itself (g_main_context_invoke). */
typedef void (*OnloopImportProgressFunc) (guint64  bytes_done,
                                          guint64  bytes_total,
                                          gpointer user_data);

/* Imports the JSON Lines file @path into @store's events, streaming (the
 * file is never held whole in memory), all or nothing in one transaction,
 * which also marks the derived evaluations stale.
 *
 * On bad input @error is an ONLOOP_LOG_ERROR whose message is
 * "FILE:LINE: what is wrong" and nothing was changed. Cancelling through
 * @cancellable rolls back too (G_IO_ERROR_CANCELLED). Store failures are
 * ONLOOP_STORE_ERROR. @counts may be NULL; it is filled on success.
 *
 * May run in any thread, on a store (connection) used only by that thread
 * for the duration: the app opens its own OnloopStore on the same file for
 * it. Emits OnloopStore::changed (ONLOOP_STORE_CHANGE_LOG) on success, in
 * the calling thread. */
gboolean onloop_store_import_log (OnloopStore              *store,
                                  const char               *path,
                                  OnloopImportProgressFunc  progress,
                                  gpointer                  user_data,
                                  GCancellable             *cancellable,
                                  OnloopImportCounts       *counts,
                                  GError                  **error);

G_END_DECLS
