/* onloop-import-bar.h: a decision log import in a thread, with progress
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-store-log.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_IMPORT_BAR (onloop_import_bar_get_type ())

G_DECLARE_FINAL_TYPE (OnloopImportBar, onloop_import_bar, ONLOOP, IMPORT_BAR, AdwBin)

/* Imports @log_path into the workspace file @store_path on a connection of
 * its own in a worker thread, showing the progress and a Cancel button.
 * Emits "finished" (counts, or NULL and the GError) on the main thread.
 * FALSE when an import is already running. */
gboolean    onloop_import_bar_start       (OnloopImportBar *self,
                                           const char      *store_path,
                                           const char      *log_path);
void        onloop_import_bar_cancel      (OnloopImportBar *self);
gboolean    onloop_import_bar_get_running (OnloopImportBar *self);

G_END_DECLS
