/* onloop-log.h: the decision log in memory, as columns
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evaluation, metrics and calibration run over every event of a workspace
 * many times (each slider step, each draft edit), so they read plain arrays
 * rather than rows: one array per field, strings replaced by indices into
 * small dictionaries. Events are sorted by (at, id), the order "earlier"
 * means in PRODUCT.md §3. An OnloopLog is immutable once built and may be
 * read from several threads.
 */

#pragma once

#include "onloop-event.h"
#include "onloop-store.h"
#include "onloop-time.h"

G_BEGIN_DECLS

/* Bits of OnloopLog.outcome[i]. */
typedef enum
{
  ONLOOP_OUTCOME_HAS_ESCALATED = 1 << 0,  /* the log recorded outcome.escalated */
  ONLOOP_OUTCOME_ESCALATED     = 1 << 1,  /* … and it was true */
  ONLOOP_OUTCOME_REVIEWED      = 1 << 2,
  ONLOOP_OUTCOME_OVERRIDDEN    = 1 << 3,
  ONLOOP_OUTCOME_QUALITY_ISSUE = 1 << 4,  /* outcome.quality_issue */
  ONLOOP_OUTCOME_SPOT_ISSUE    = 1 << 5,  /* a spot check marked it "quality issue" */
  ONLOOP_OUTCOME_SPOT_OK       = 1 << 6,  /* a spot check marked it OK */
} OnloopOutcome;

#define ONLOOP_LOG_NONE G_MAXUINT32   /* a dictionary index for "absent" */

typedef struct _OnloopLog OnloopLog;

struct _OnloopLog
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  guint       n_events;

  gint64     *seq;              /* events.seq, to find the row again */
  gint64     *at;               /* µs since 1970-01-01 UTC */
  OnloopWeek *week;             /* ISO week of at */
  guint32    *decision;         /* index into decisions */
  guint32    *action;           /* index into actions */
  double     *deal_arr;         /* NAN when absent */
  double     *sentiment;        /* NAN when absent */
  double     *engagement;       /* NAN when absent */
  gint8      *stage_progressed; /* -1 absent, 0, 1 */
  gint64     *days_in_stage;    /* -1 absent */
  guint32    *tag_start;        /* n_events + 1 offsets into tags */
  guint32    *tags;             /* indices into tag_names */
  guint8     *first;            /* OnloopFirstTimeField bits: the event is the
                                 * earliest with its (normalized, non-empty)
                                 * value of that field in the workspace */
  guint8     *outcome;          /* OnloopOutcome bits */

  GPtrArray  *decisions;        /* index → decision key (char *) */
  GPtrArray  *actions;          /* index → action id */
  GPtrArray  *tag_names;        /* index → tag */
  GHashTable *decision_index;   /* key → index + 1 (GUINT_TO_POINTER) */
  GHashTable *action_index;
  GHashTable *tag_index;
};

/* Reads every event of @store into columns. */
OnloopLog  *onloop_log_load            (OnloopStore  *store,
                                        GCancellable *cancellable,
                                        GError      **error);
/* A log of events in memory (any order; they are sorted by (at, id)), for
 * tests and previews of a file: seq is the position, 1-based. */
OnloopLog  *onloop_log_new_from_events (OnloopEvent * const *events,
                                        guint                n_events);
OnloopLog  *onloop_log_ref             (OnloopLog    *self);
void        onloop_log_unref           (OnloopLog    *self);

/* Dictionary look-ups: ONLOOP_LOG_NONE when the string never occurs. */
guint32     onloop_log_lookup_decision (OnloopLog    *self,
                                        const char   *key);
guint32     onloop_log_lookup_action   (OnloopLog    *self,
                                        const char   *action);
guint32     onloop_log_lookup_tag      (OnloopLog    *self,
                                        const char   *tag);

/* g_malloc() for a big column (free it with g_free()), backed by huge
 * pages where the kernel offers them. */
gpointer    onloop_log_alloc_column    (gsize         size);

/* The first event with at >= @usec (binary search). */
guint       onloop_log_lower_bound     (OnloopLog    *self,
                                        gint64        usec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopLog, onloop_log_unref)

G_END_DECLS
