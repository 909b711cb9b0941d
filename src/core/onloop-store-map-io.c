/* onloop-store-map-io.c: importing and exporting the decision map
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store half of onloop-map-io.h: the parsers stay free of the store,
 * this file applies their entries inside one transaction.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-map-io.h"
#include "onloop-store-map.h"
#include "onloop-store-private.h"

/* Applies the fields @entry gives to a copy of @existing. */
static OnloopDecision *
merge_entry (OnloopDecision *existing,
             OnloopMapEntry *entry)
{
  OnloopDecision *merged = onloop_decision_copy (existing);
  OnloopDecision *given = entry->decision;

  onloop_decision_set_title (merged, onloop_decision_get_title (given));
  if (entry->fields & ONLOOP_MAP_FIELD_WORKFLOW)
    onloop_decision_set_workflow (merged, onloop_decision_get_workflow (given));
  if (entry->fields & ONLOOP_MAP_FIELD_DESCRIPTION)
    onloop_decision_set_description (merged, onloop_decision_get_description (given));
  if (entry->fields & ONLOOP_MAP_FIELD_FREQUENCY)
    onloop_decision_set_frequency (merged, onloop_decision_get_frequency (given));

  return merged;
}

static gboolean
import_entry (OnloopStore          *store,
              OnloopMapEntry       *entry,
              OnloopMapImportStats *stats,
              GError              **error)
{
  const char *key = onloop_decision_get_key (entry->decision);
  g_autoptr(OnloopDecision) existing = NULL;
  g_autoptr(OnloopDecision) merged = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean changed = FALSE;

  existing = onloop_store_get_decision (store, key, &local_error);
  if (existing == NULL)
    {
      if (!g_error_matches (local_error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* New cards go to the end of their column, in file order. */
      onloop_decision_set_position (entry->decision, G_MAXINT);
      if (!onloop_store_insert_decision (store, entry->decision, error))
        return FALSE;
      stats->added++;
      return TRUE;
    }

  merged = merge_entry (existing, entry);
  if (!onloop_decision_equal (merged, existing))
    {
      if (!onloop_store_update_decision (store, merged, error))
        return FALSE;
      changed = TRUE;
    }

  if ((entry->fields & ONLOOP_MAP_FIELD_CATEGORY) &&
      onloop_decision_get_category (entry->decision) != onloop_decision_get_category (existing))
    {
      if (!onloop_store_move_decision (store, key, onloop_decision_get_category (entry->decision),
                                       G_MAXINT, error))
        return FALSE;
      changed = TRUE;
    }

  if (changed)
    stats->updated++;
  else
    stats->unchanged++;

  return TRUE;
}

gboolean
onloop_map_import (OnloopStore          *store,
                   GPtrArray            *entries,
                   OnloopMapImportStats *stats,
                   GError              **error)
{
  OnloopMapImportStats local_stats = { 0 };

  g_return_val_if_fail (ONLOOP_IS_STORE (store), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  if (!onloop_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    if (!import_entry (store, g_ptr_array_index (entries, i), &local_stats, error))
      goto failed;

  /* Categories feed the evaluation (judgment-decision in the draft). */
  if ((local_stats.added > 0 || local_stats.updated > 0) && !onloop_store_mark_stale (store, error))
    goto failed;

  if (!onloop_store_commit (store, error))
    goto failed;

  if (stats != NULL)
    *stats = local_stats;
  if (local_stats.added > 0 || local_stats.updated > 0)
    onloop_store_emit_changed (store, ONLOOP_STORE_CHANGE_MAP);

  return TRUE;

failed:
  onloop_store_rollback (store);
  /* The map's own edits announced themselves inside the transaction that
   * was rolled back: let views read the map again. */
  if (local_stats.added > 0 || local_stats.updated > 0)
    onloop_store_emit_changed (store, ONLOOP_STORE_CHANGE_MAP);
  return FALSE;
}

gboolean
onloop_map_import_file (OnloopStore          *store,
                        const char           *path,
                        OnloopMapImportStats *stats,
                        GError              **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }

  entries = onloop_map_parse (contents, len, name, error);
  if (entries == NULL)
    return FALSE;

  return onloop_map_import (store, entries, stats, error);
}

char *
onloop_map_export (OnloopStore     *store,
                   OnloopMapFormat  format,
                   GError         **error)
{
  g_autoptr(GPtrArray) decisions = onloop_store_list_decisions (store, error);

  if (decisions == NULL)
    return NULL;

  if (format == ONLOOP_MAP_FORMAT_CSV)
    return onloop_map_to_csv (decisions);

  return onloop_map_to_json (decisions);
}
