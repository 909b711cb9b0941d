/* onloop-store-time-entry.h: manager time entries in the workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry per (week, manager). Every edit is one transaction and emits
 * "changed" (ONLOOP_STORE_CHANGE_TIME) after it committed. The engine reads
 * hours live from the table, so no derived data goes stale.
 */

#pragma once

#include "onloop-store.h"
#include "onloop-time-entry.h"

G_BEGIN_DECLS

/* Creates or replaces the entry for (@entry->week, @entry->manager). */
gboolean         onloop_store_set_time_entry     (OnloopStore           *self,
                                                  const OnloopTimeEntry *entry,
                                                  GError               **error);
/* Removes the entry; nothing happens (and nothing is emitted) when there
 * is none. */
gboolean         onloop_store_delete_time_entry  (OnloopStore           *self,
                                                  OnloopWeek             week,
                                                  const char            *manager,
                                                  GError               **error);
/* The entry, or NULL (without an error) when there is none. */
OnloopTimeEntry *onloop_store_get_time_entry     (OnloopStore           *self,
                                                  OnloopWeek             week,
                                                  const char            *manager,
                                                  GError               **error);
/* The entries of weeks @from to @to inclusive (0 leaves an end open), by
 * week then manager. (element-type OnloopTimeEntry) */
GPtrArray       *onloop_store_list_time_entries  (OnloopStore           *self,
                                                  OnloopWeek             from,
                                                  OnloopWeek             to,
                                                  GError               **error);
/* Every manager with an entry, sorted. */
GStrv            onloop_store_list_managers      (OnloopStore           *self,
                                                  GError               **error);
/* Saves all @entries (replacing those with the same week and manager) in
 * one transaction: all or nothing. */
gboolean         onloop_store_import_time_entries (OnloopStore          *self,
                                                   GPtrArray            *entries,
                                                   GError              **error);
/* Reads, parses and imports the time-entry file @path; @n_entries gets how
 * many entries it held. */
gboolean         onloop_store_import_time_file   (OnloopStore           *self,
                                                  const char            *path,
                                                  guint                 *n_entries,
                                                  GError               **error);

G_END_DECLS
