/* onloop-event.h: one decision from the AI's decision log (PRODUCT.md §2)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which optional fields an event has. */
typedef enum
{
  ONLOOP_EVENT_HAS_DEAL_ARR         = 1 << 0,
  ONLOOP_EVENT_HAS_SENTIMENT        = 1 << 1,
  ONLOOP_EVENT_HAS_ENGAGEMENT       = 1 << 2,
  ONLOOP_EVENT_HAS_STAGE_PROGRESSED = 1 << 3,
  ONLOOP_EVENT_HAS_DAYS_IN_STAGE    = 1 << 4,
  ONLOOP_EVENT_HAS_ESCALATED        = 1 << 5,
  ONLOOP_EVENT_HAS_REVIEW_MINUTES   = 1 << 6,
  ONLOOP_EVENT_HAS_TAGS             = 1 << 7,
} OnloopEventHas;

/* The fields the first_time trigger can look at, as bits. */
typedef enum
{
  ONLOOP_FIELD_INDUSTRY  = 1 << 0,
  ONLOOP_FIELD_PERSONA   = 1 << 1,
  ONLOOP_FIELD_OBJECTION = 1 << 2,
} OnloopFirstTimeField;

#define ONLOOP_N_FIRST_TIME_FIELDS 3

typedef struct
{
  char    *id;
  char    *at_text;          /* as written in the log */
  gint64   at_usec;          /* UTC */
  char    *decision;
  char    *action;

  guint    has;              /* OnloopEventHas */
  double   deal_arr;
  double   sentiment;
  double   engagement;
  gboolean stage_progressed;
  gint64   days_in_stage;
  char    *industry;         /* NULL when absent */
  char    *persona;
  char    *objection;
  GStrv    tags;             /* NULL when absent */

  gboolean escalated;        /* valid with ONLOOP_EVENT_HAS_ESCALATED */
  gboolean reviewed;
  gboolean overridden;
  gboolean quality_issue;
  double   review_minutes;

  char    *extra;            /* unknown fields as one JSON object, or NULL */
} OnloopEvent;

void         onloop_event_clear       (OnloopEvent *event);
void         onloop_event_free        (OnloopEvent *event);

/* The value of a first-time field (ONLOOP_FIELD_*), or NULL. */
const char  *onloop_event_get_field   (const OnloopEvent *event,
                                       OnloopFirstTimeField field);

/* How first-time values compare: trimmed of white space and case-folded.
 * Returns NULL for NULL or a value that is empty once trimmed. */
char        *onloop_normalize_value   (const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopEvent, onloop_event_free)

G_END_DECLS
