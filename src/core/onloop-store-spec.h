/* onloop-store-spec.h: the System Boundary Spec in the workspace (PRODUCT.md §3)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft is the live map (decisions, categories, titles, workflows and
 * their phases, in map order) plus the boundary items and triggers being
 * edited. Publishing freezes the draft as version N (1, 2, …) with a note and
 * a time; versions are immutable. Every edit below is one transaction that
 * marks the derived data stale, and emits "changed" (ONLOOP_STORE_CHANGE_SPEC)
 * after it committed. Refused edits leave the workspace as it was.
 */

#pragma once

#include "onloop-spec.h"
#include "onloop-store.h"

G_BEGIN_DECLS

/* The three lists of a boundary. */
typedef enum
{
  ONLOOP_BOUNDARY_MAY,
  ONLOOP_BOUNDARY_USES,
  ONLOOP_BOUNDARY_MUST_NOT,
} OnloopBoundaryList;

#define ONLOOP_N_BOUNDARY_LISTS 3

/* "may", "uses", "must_not" (the JSON keys of §3). */
const char *onloop_boundary_list_to_string   (OnloopBoundaryList  list);
gboolean    onloop_boundary_list_from_string (const char         *text,
                                              OnloopBoundaryList *list);
/* The list of @decision named by @list (not a copy). */
GPtrArray  *onloop_spec_decision_get_list    (OnloopSpecDecision *decision,
                                              OnloopBoundaryList  list);

/* One published version, as the history lists it. */
typedef struct
{
  int     version;
  char   *published_at;    /* RFC 3339, UTC: "2026-11-02T09:00:00Z" */
  gint64  published_usec;
  char   *note;
} OnloopSpecVersionInfo;

void        onloop_spec_version_info_free    (OnloopSpecVersionInfo *info);

/* ---- The draft ---------------------------------------------------------- */

/* The draft as a spec: version 0, no date, no note. */
OnloopSpec *onloop_store_load_draft          (OnloopStore        *self,
                                              GError            **error);

/* Boundary items. Ids are slugs, unique within one list of one decision; a
 * label is non-empty once trimmed. @index -1 (or past the end) appends. */
gboolean    onloop_store_add_boundary_item   (OnloopStore        *self,
                                              const char         *decision,
                                              OnloopBoundaryList  list,
                                              int                 index,
                                              const char         *id,
                                              const char         *label,
                                              GError            **error);
gboolean    onloop_store_remove_boundary_item (OnloopStore       *self,
                                               const char        *decision,
                                               OnloopBoundaryList list,
                                               const char        *id,
                                               GError           **error);
gboolean    onloop_store_relabel_boundary_item (OnloopStore      *self,
                                                const char       *decision,
                                                OnloopBoundaryList list,
                                                const char       *id,
                                                const char       *label,
                                                GError          **error);
/* Changes the machine id of an item, keeping its label and position. */
gboolean    onloop_store_rename_boundary_item (OnloopStore       *self,
                                               const char        *decision,
                                               OnloopBoundaryList list,
                                               const char        *id,
                                               const char        *new_id,
                                               GError           **error);
/* Changes the id and/or the label of an item in one edit; NULL keeps it. */
gboolean    onloop_store_edit_boundary_item  (OnloopStore        *self,
                                              const char         *decision,
                                              OnloopBoundaryList  list,
                                              const char         *id,
                                              const char         *new_id,
                                              const char         *new_label,
                                              GError            **error);
/* Moves an item to @index in its list (clamped). */
gboolean    onloop_store_move_boundary_item  (OnloopStore        *self,
                                              const char         *decision,
                                              OnloopBoundaryList  list,
                                              const char         *id,
                                              guint               index,
                                              GError            **error);
/* Replaces a whole list of a decision (element-type OnloopBoundaryItem). */
gboolean    onloop_store_set_boundary_list   (OnloopStore        *self,
                                              const char         *decision,
                                              OnloopBoundaryList  list,
                                              GPtrArray          *items,
                                              GError            **error);

/* Triggers. A trigger is validated as the spec format validates it (ids
 * unique slugs, parameters in range, scope keys in the map); the message
 * names the field: "min_arr: must be a number ≥ 0". */
OnloopTrigger *onloop_store_get_trigger      (OnloopStore        *self,
                                              const char         *id,
                                              GError            **error);
/* @index -1 (or past the end) appends. */
gboolean    onloop_store_add_trigger         (OnloopStore        *self,
                                              const OnloopTrigger *trigger,
                                              int                 index,
                                              GError            **error);
gboolean    onloop_store_remove_trigger      (OnloopStore        *self,
                                              const char         *id,
                                              GError            **error);
/* Saves @trigger over the trigger @id: kind, parameters, enabled, scope, and
 * its id when @trigger->id differs (renaming it, keeping its position). */
gboolean    onloop_store_update_trigger      (OnloopStore        *self,
                                              const char         *id,
                                              const OnloopTrigger *trigger,
                                              GError            **error);
gboolean    onloop_store_move_trigger        (OnloopStore        *self,
                                              const char         *id,
                                              guint               index,
                                              GError            **error);

/* Replaces the draft's boundaries and triggers with @spec's and upserts its
 * decisions into the map by key (title, category, workflow and phase; new
 * decisions go to the end of their column). version, published_at and note
 * are ignored. All or nothing. import-spec and restore use it. */
gboolean    onloop_store_set_draft           (OnloopStore        *self,
                                              OnloopSpec         *spec,
                                              GError            **error);
/* onloop_spec_load_file() + onloop_store_set_draft(); errors "FILE: path: …". */
gboolean    onloop_store_import_spec         (OnloopStore        *self,
                                              const char         *path,
                                              GError            **error);
/* Puts version @version back into the draft (like importing its file). */
gboolean    onloop_store_restore_version     (OnloopStore        *self,
                                              int                 version,
                                              GError            **error);

/* Whether the draft differs structurally from the latest version; with no
 * version yet, whether the draft holds any decision or trigger. */
gboolean    onloop_store_has_unpublished_changes (OnloopStore    *self);

/* ---- Versions ----------------------------------------------------------- */

/* Publishes the draft as version max+1 with @note (required, non-empty once
 * trimmed) and published_at = now. The draft must be a valid spec. */
gboolean    onloop_store_publish             (OnloopStore        *self,
                                              const char         *note,
                                              int                *version,
                                              GError            **error);
/* The same at an explicit time (µs since 1970 UTC), for the demo generator.
 * Must not be earlier than the latest version's time. */
gboolean    onloop_store_publish_at          (OnloopStore        *self,
                                              const char         *note,
                                              gint64              usec,
                                              int                *version,
                                              GError            **error);

/* Oldest first. (element-type OnloopSpecVersionInfo) */
GPtrArray  *onloop_store_list_versions       (OnloopStore        *self,
                                              GError            **error);
/* 0 when nothing was published. */
int         onloop_store_get_latest_version  (OnloopStore        *self);
/* The frozen version @version (ONLOOP_STORE_ERROR_NOT_FOUND_ROW if none). */
OnloopSpec *onloop_store_load_version        (OnloopStore        *self,
                                              int                 version,
                                              GError            **error);
/* "draft", "latest" or a version number. */
OnloopSpec *onloop_store_load_spec_named     (OnloopStore        *self,
                                              const char         *name,
                                              GError            **error);
/* Every version, oldest first, each with version, published_at and
 * published_usec set. (element-type OnloopSpec) Empty with none. */
GPtrArray  *onloop_store_list_specs          (OnloopStore        *self,
                                              GError            **error);

/* The spec in force at @usec: the latest version with published_usec ≤
 * @usec; version 1 for a time older than every version; the draft when
 * nothing was published. */
OnloopSpec *onloop_store_spec_in_force       (OnloopStore        *self,
                                              gint64              usec,
                                              GError            **error);
/* The same rule over the list onloop_store_list_specs() returns (binary
 * search; NULL when @specs is empty, meaning "the draft"). Transfer none. */
OnloopSpec *onloop_spec_list_in_force        (GPtrArray          *specs,
                                              gint64              usec);

G_END_DECLS
