/* onloop-store-engine.h: what the engine reads from and writes to the store
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL of the engine (log columns, spot checks, weekly aggregates, time
 * entries) lives in onloop-store-engine.c; the engine itself never sees a
 * statement.
 */

#pragma once

#include "onloop-store.h"
#include "onloop-time.h"

G_BEGIN_DECLS

/* One row of events, valid only during the callback. Absent numbers are
 * NAN, absent ints -1, absent strings NULL. */
typedef struct
{
  gint64      seq;
  gint64      at;
  const char *id;
  const char *decision;
  const char *action;
  double      deal_arr;
  double      sentiment;
  double      engagement;
  int         stage_progressed;
  gint64      days_in_stage;
  const char *industry;
  const char *persona;
  const char *objection;
  const char *tags;            /* JSON array text */
  int         rec_escalated;   /* -1 when the log did not say */
  gboolean    reviewed;
  gboolean    overridden;
  gboolean    quality_issue;
} OnloopEventRow;

typedef gboolean (*OnloopEventRowFunc) (const OnloopEventRow *row,
                                        gpointer              user_data);

/* Calls @func for every event in (at, id) order; stops early (and returns
 * FALSE with G_IO_ERROR_CANCELLED) when @cancellable is cancelled or @func
 * returns FALSE. */
gboolean onloop_store_scan_events      (OnloopStore        *self,
                                        OnloopEventRowFunc  func,
                                        gpointer            user_data,
                                        GCancellable       *cancellable,
                                        GError            **error);
gint64   onloop_store_count_events     (OnloopStore        *self);
/* Calls @func for the events with the @n_seqs @seqs, in that order, with
 * only seq, at, id, industry, persona and objection filled in. */
gboolean onloop_store_scan_first_time_fields (OnloopStore        *self,
                                              const gint64       *seqs,
                                              guint               n_seqs,
                                              OnloopEventRowFunc  func,
                                              gpointer            user_data,
                                              GError            **error);

/* Spot checks: @func gets the event's (at, seq) and whether it was marked
 * a quality issue (else OK). */
typedef void (*OnloopSpotCheckFunc) (gint64   at,
                                     gint64   seq,
                                     gboolean quality_issue,
                                     gpointer user_data);
gboolean onloop_store_scan_spot_checks (OnloopStore         *self,
                                        OnloopSpotCheckFunc  func,
                                        gpointer             user_data,
                                        GError             **error);

/* One row of the weekly table. */
typedef struct
{
  OnloopWeek week;
  guint      events;
  guint      escalated;
  guint      interventions;
  guint      overrides;
  guint      false_negatives;
  guint      drift;
} OnloopWeeklyRow;

/* Replaces the weekly table with @rows, in one transaction that also
 * clears the stale flag if it is still '2' (set when the refresh began). */
gboolean onloop_store_write_weekly     (OnloopStore           *self,
                                        const OnloopWeeklyRow *rows,
                                        guint                  n_rows,
                                        GError               **error);
/* (element-type OnloopWeeklyRow), by week. */
GArray  *onloop_store_read_weekly      (OnloopStore           *self,
                                        GError               **error);

/* Calls @func for every time entry: its week and its six hours. */
typedef void (*OnloopTimeEntryFunc) (const char   *week,
                                     const double *hours,
                                     gpointer      user_data);
gboolean onloop_store_scan_time_entries (OnloopStore         *self,
                                         OnloopTimeEntryFunc  func,
                                         gpointer             user_data,
                                         GError             **error);

/* The column cache of the log (table log_columns): named blobs, valid
 * while the events' signature is unchanged. Events are only ever added, so
 * the lowest and highest seq with the count of rows name their set. */
char    *onloop_store_events_signature (OnloopStore           *self,
                                        GError               **error);
/* The signature the cache was written for, or NULL. */
char    *onloop_store_log_columns_signature (OnloopStore      *self);
/* Replaces the cache with @n columns and @signature, in one transaction. */
gboolean onloop_store_write_log_columns (OnloopStore          *self,
                                         const char           *signature,
                                         const char * const   *names,
                                         const void * const   *data,
                                         const gsize          *sizes,
                                         guint                 n,
                                         GError              **error);
/* Column @name (a new buffer the caller frees), or NULL. */
gpointer onloop_store_read_log_column  (OnloopStore           *self,
                                        const char            *name,
                                        gsize                 *size,
                                        GError               **error);

/* The event with @seq as a §2 JSON object on one line. */
char    *onloop_store_event_json       (OnloopStore           *self,
                                        gint64                 seq,
                                        GError               **error);

G_END_DECLS
