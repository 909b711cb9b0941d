/* onloop-store-review.h: spot-check marks on events (PRODUCT.md §4, §6)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person looks at an autonomous event and marks it OK or "quality issue"
 * with a note. A quality-issue mark counts in false_negatives like the
 * log's outcome.quality_issue, so every edit is one transaction that marks
 * the derived data stale, and emits "changed" (ONLOOP_STORE_CHANGE_REVIEWS)
 * after it committed. One mark per event; marking again replaces it.
 */

#pragma once

#include "onloop-store.h"

G_BEGIN_DECLS

typedef enum
{
  ONLOOP_SPOT_CHECK_OK,
  ONLOOP_SPOT_CHECK_QUALITY_ISSUE,
} OnloopSpotVerdict;

typedef struct
{
  char              *event;       /* the event's id */
  OnloopSpotVerdict  verdict;
  char              *note;        /* "" when none */
  char              *checked_at;  /* RFC 3339, UTC, whole seconds */
  /* The event, for lists and exports. */
  char              *at;          /* the event's time, RFC 3339 UTC */
  char              *decision;
  char              *action;
} OnloopSpotCheck;

/* "ok", "quality-issue" */
const char      *onloop_spot_verdict_to_string   (OnloopSpotVerdict  verdict);
gboolean         onloop_spot_verdict_from_string (const char        *text,
                                                  OnloopSpotVerdict *verdict);
const char      *onloop_spot_verdict_get_label   (OnloopSpotVerdict  verdict);

void             onloop_spot_check_free          (OnloopSpotCheck   *check);

/* Marks event @event_id (ONLOOP_STORE_ERROR_NOT_FOUND_ROW when the
 * workspace has no such event), replacing an earlier mark; checked now. */
gboolean         onloop_store_set_spot_check     (OnloopStore       *self,
                                                  const char        *event_id,
                                                  OnloopSpotVerdict  verdict,
                                                  const char        *note,
                                                  GError           **error);
/* The same with an explicit time (µs since 1970 UTC), for the demo. */
gboolean         onloop_store_set_spot_check_at  (OnloopStore       *self,
                                                  const char        *event_id,
                                                  OnloopSpotVerdict  verdict,
                                                  const char        *note,
                                                  gint64             checked_usec,
                                                  GError           **error);
/* Removes the mark; nothing happens when there is none. */
gboolean         onloop_store_clear_spot_check   (OnloopStore       *self,
                                                  const char        *event_id,
                                                  GError           **error);
/* The mark, or NULL (without an error) when the event has none. */
OnloopSpotCheck *onloop_store_get_spot_check     (OnloopStore       *self,
                                                  const char        *event_id,
                                                  GError           **error);
/* The marks of @event_ids (NULL: all marks), in event order (at, id).
 * (element-type OnloopSpotCheck) */
GPtrArray       *onloop_store_list_spot_checks   (OnloopStore        *self,
                                                  const char * const *event_ids,
                                                  GError            **error);
guint            onloop_store_count_spot_checks  (OnloopStore       *self,
                                                  OnloopSpotVerdict  verdict);

/* Exports of @checks (element-type OnloopSpotCheck). CSV has the header
 * event,at,decision,action,verdict,note,checked_at and is formula-safe;
 * JSON is {"format": "onloop.marks/1", "marks": [{…same fields…}]}. */
char            *onloop_spot_checks_to_csv       (GPtrArray         *checks);
char            *onloop_spot_checks_to_json      (GPtrArray         *checks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopSpotCheck, onloop_spot_check_free)

G_END_DECLS
