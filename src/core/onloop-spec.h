/* onloop-spec.h: the System Boundary Spec (PRODUCT.md §3)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "onloop-decision.h"
#include "onloop-event.h"

G_BEGIN_DECLS

#define ONLOOP_SPEC_ERROR (onloop_spec_error_quark ())

typedef enum
{
  ONLOOP_SPEC_ERROR_SYNTAX,   /* not JSON */
  ONLOOP_SPEC_ERROR_INVALID,  /* JSON, but not a valid spec: the message starts with the path */
} OnloopSpecError;

typedef enum
{
  ONLOOP_TRIGGER_DEAL_SIZE,
  ONLOOP_TRIGGER_SENTIMENT,
  ONLOOP_TRIGGER_FIRST_TIME,
  ONLOOP_TRIGGER_CONFLICTING_SIGNALS,
  ONLOOP_TRIGGER_ETHICAL,
} OnloopTriggerKind;

#define ONLOOP_N_TRIGGER_KINDS 5

/* Reasons after the triggers, in this order (PRODUCT.md §3). */
typedef enum
{
  ONLOOP_BOUNDARY_JUDGMENT_DECISION,  /* "judgment-decision" */
  ONLOOP_BOUNDARY_PROHIBITED_ACTION,  /* "prohibited-action" */
  ONLOOP_BOUNDARY_OUTSIDE_BOUNDARY,   /* "outside-boundary" */
} OnloopBoundaryReason;

#define ONLOOP_N_BOUNDARY_REASONS 3

/* Reasons are bits of a guint64: the triggers first, then the boundary
 * reasons, so a spec has at most this many triggers. */
#define ONLOOP_SPEC_MAX_TRIGGERS (64 - ONLOOP_N_BOUNDARY_REASONS)

typedef struct
{
  char *id;      /* slug */
  char *label;
} OnloopBoundaryItem;

typedef struct
{
  char              *id;
  OnloopTriggerKind  kind;
  gboolean           enabled;
  double             min_arr;            /* deal_size */
  double             below;              /* sentiment */
  guint              fields;             /* first_time: OnloopFirstTimeField bits */
  double             min_engagement;     /* conflicting_signals */
  gint64             min_days_in_stage;  /* conflicting_signals */
  GPtrArray         *tags;               /* ethical: char * */
  GPtrArray         *decisions;          /* scope: decision keys; empty = all */
} OnloopTrigger;

typedef struct
{
  char           *key;
  char           *title;
  OnloopCategory  category;
  char           *workflow;   /* NULL when none */
  char           *phase;      /* "shadow", "exception-only", "steady"; NULL when no workflow */
  GPtrArray      *may;        /* OnloopBoundaryItem * */
  GPtrArray      *uses;
  GPtrArray      *must_not;
} OnloopSpecDecision;

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  int        version;         /* 0 for the draft */
  char      *published_at;    /* RFC 3339, NULL for the draft */
  gint64     published_usec;
  char      *note;            /* NULL for the draft */
  GPtrArray *decisions;       /* OnloopSpecDecision *, in map order */
  GPtrArray *triggers;        /* OnloopTrigger *, in spec order */
} OnloopSpec;

#define ONLOOP_TYPE_SPEC (onloop_spec_get_type ())

GType               onloop_spec_get_type        (void) G_GNUC_CONST;
GQuark              onloop_spec_error_quark     (void);

OnloopSpec         *onloop_spec_new             (void);
OnloopSpec         *onloop_spec_ref             (OnloopSpec   *self);
void                onloop_spec_unref           (OnloopSpec   *self);
OnloopSpec         *onloop_spec_copy            (OnloopSpec   *self);

/* Parses and validates a spec document. Errors name the JSON path of the
 * problem: "triggers[2].min_arr: must be a number ≥ 0". */
OnloopSpec         *onloop_spec_parse           (const char   *data,
                                                 gssize        length,
                                                 GError      **error);
/* Reads and parses the file at @path; errors start with the path as given:
 * "spec.json: triggers[2].min_arr: must be a number ≥ 0". */
OnloopSpec         *onloop_spec_load_file       (const char   *path,
                                                 GError      **error);
/* The checks onloop_spec_parse() makes, on a spec built in memory (the
 * draft before publishing), with the same path-first messages. */
gboolean            onloop_spec_validate        (OnloopSpec   *self,
                                                 GError      **error);
/* The checks of one trigger on its own (id, parameters; not its scope keys
 * nor its id's uniqueness); messages start with the field: "min_arr: …". */
gboolean            onloop_trigger_validate     (const OnloopTrigger *trigger,
                                                 GError      **error);
/* The document of PRODUCT.md §3; the draft has no version, date or note. */
char               *onloop_spec_to_json         (OnloopSpec   *self);

OnloopSpecDecision *onloop_spec_find_decision   (OnloopSpec   *self,
                                                 const char   *key);
OnloopTrigger      *onloop_spec_find_trigger    (OnloopSpec   *self,
                                                 const char   *id);
int                 onloop_spec_trigger_index   (OnloopSpec   *self,
                                                 const char   *id);

const char         *onloop_trigger_kind_to_string   (OnloopTriggerKind kind);
gboolean            onloop_trigger_kind_from_string (const char       *text,
                                                     OnloopTriggerKind *kind);
const char         *onloop_boundary_reason_to_string (OnloopBoundaryReason reason);

OnloopTrigger      *onloop_trigger_new          (const char        *id,
                                                 OnloopTriggerKind  kind);
OnloopTrigger      *onloop_trigger_copy         (const OnloopTrigger *trigger);
void                onloop_trigger_free         (OnloopTrigger     *trigger);
OnloopSpecDecision *onloop_spec_decision_new    (const char        *key,
                                                 const char        *title,
                                                 OnloopCategory     category);
void                onloop_spec_decision_free   (OnloopSpecDecision *decision);
OnloopBoundaryItem *onloop_boundary_item_new    (const char        *id,
                                                 const char        *label);
void                onloop_boundary_item_free   (OnloopBoundaryItem *item);

/* One structural difference between two specs. */
typedef enum
{
  ONLOOP_SPEC_CHANGE_ADDED,
  ONLOOP_SPEC_CHANGE_REMOVED,
  ONLOOP_SPEC_CHANGE_CHANGED,
} OnloopSpecChangeKind;

typedef struct
{
  OnloopSpecChangeKind  kind;
  char                 *path;   /* "triggers.deal-size.min_arr", "decisions.follow-up-timing.must_not.promise_dates" */
  char                 *text;   /* in words: "deal-size: min_arr 50,000 → 75,000" */
} OnloopSpecChange;

/* What changed from @from to @to. (element-type OnloopSpecChange) */
GPtrArray          *onloop_spec_diff            (OnloopSpec   *from,
                                                 OnloopSpec   *to);
void                onloop_spec_change_free     (OnloopSpecChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopSpec, onloop_spec_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopTrigger, onloop_trigger_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopSpecDecision, onloop_spec_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopBoundaryItem, onloop_boundary_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopSpecChange, onloop_spec_change_free)

G_END_DECLS
