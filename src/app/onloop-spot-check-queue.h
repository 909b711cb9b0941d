/* onloop-spot-check-queue.h: a reproducible sample of autonomous decisions
 * to mark OK or "quality issue"
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "onloop-engine.h"
#include "onloop-store-review.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_SPOT_CHECK_QUEUE (onloop_spot_check_queue_get_type ())

G_DECLARE_FINAL_TYPE (OnloopSpotCheckQueue, onloop_spot_check_queue, ONLOOP, SPOT_CHECK_QUEUE,
                      GtkBox)

/* The workspace (marks are saved to it at once), the snapshot to draw
 * samples from, and the range they come from. A new snapshot keeps the
 * sample on screen. */
void         onloop_spot_check_queue_set_source (OnloopSpotCheckQueue *self,
                                                 OnloopStore          *store,
                                                 OnloopEngine         *engine,
                                                 OnloopRange           range);
void         onloop_spot_check_queue_set_size   (OnloopSpotCheckQueue *self,
                                                 guint                 size);
void         onloop_spot_check_queue_set_seed   (OnloopSpotCheckQueue *self,
                                                 guint64               seed);
/* Draws the sample for the size, seed and range. FALSE without a snapshot. */
gboolean     onloop_spot_check_queue_draw       (OnloopSpotCheckQueue *self);
guint        onloop_spot_check_queue_get_n_events (OnloopSpotCheckQueue *self);
/* The id of the sample's event @index (NULL past the end). */
const char  *onloop_spot_check_queue_get_event_id (OnloopSpotCheckQueue *self,
                                                   guint                 index);
/* The row of event @index: focus it and press O or I to mark it. */
GtkWidget   *onloop_spot_check_queue_get_row    (OnloopSpotCheckQueue *self,
                                                 guint                 index);
guint        onloop_spot_check_queue_get_n_reviewed (OnloopSpotCheckQueue *self);
/* "12 of 30 reviewed" */
const char  *onloop_spot_check_queue_get_progress_text (OnloopSpotCheckQueue *self);
/* Marks event @index as the person would, and saves it. */
gboolean     onloop_spot_check_queue_mark       (OnloopSpotCheckQueue *self,
                                                 guint                 index,
                                                 OnloopSpotVerdict     verdict,
                                                 const char           *note,
                                                 GError              **error);
/* Writes every mark of the workspace to @path as CSV or JSON. */
gboolean     onloop_spot_check_queue_export     (OnloopSpotCheckQueue *self,
                                                 const char           *path,
                                                 gboolean              json,
                                                 GError              **error);

G_END_DECLS
