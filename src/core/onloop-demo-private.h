/* onloop-demo-private.h: the demo's data, shared by its generator
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * onloop-demo-data.c holds the team's map, the three spec versions, the
 * vocabularies and the plan of the twelve weeks; onloop-demo.c turns them
 * into a workspace.
 */

#pragma once

#include "onloop-decision.h"
#include "onloop-engine.h"
#include "onloop-time.h"

G_BEGIN_DECLS

#define DEMO_N_WORKFLOWS 6
#define DEMO_N_DECISIONS 27
#define DEMO_N_VERSIONS  3
#define DEMO_N_WEEKS     12

/* What an event of a decision carries besides its id, time and action. */
typedef enum
{
  DEMO_CTX_DEAL      = 1 << 0,  /* deal_arr */
  DEMO_CTX_SENTIMENT = 1 << 1,  /* sentiment */
  DEMO_CTX_SIGNALS   = 1 << 2,  /* engagement, stage_progressed, days_in_stage */
  DEMO_CTX_PERSON    = 1 << 3,  /* industry, persona, objection, tags */
} DemoContext;

typedef struct
{
  const char     *key;
  const char     *title;
  const char     *workflow;
  OnloopCategory  category;
  const char     *criteria;     /* routine, low stakes, reversible, neutral: y, n or ? */
  double          frequency;    /* per week, as the team estimated it */
  guint           context;
  const char     *description;
  const char     *notes;
  /* "id=Label|id=Label". For execution decisions these are the boundary;
   * for the others only @may is used, as the actions the AI proposes. */
  const char     *may;
  const char     *uses;
  const char     *must_not;
} DemoDecision;

typedef struct
{
  gint64      published_usec;
  const char *note;
  double      min_arr;
  double      below;
  gboolean    conflicting;
  gboolean    former_employee;
  /* The phase of each workflow, in the order of demo_workflows[]. */
  const char *phases[DEMO_N_WORKFLOWS];
} DemoVersion;

typedef struct
{
  const char *value;
  OnloopWeek  from;     /* first week it may appear */
  double      weight;
} DemoVocabulary;

typedef struct
{
  double volume;     /* events per week = total frequency × volume */
  double override;   /* chance a reviewed escalation is overridden */
} DemoWeek;

typedef enum
{
  DEMO_GAP_NONE,
  DEMO_GAP_DEAL,
  DEMO_GAP_SENTIMENT,
  DEMO_GAP_SIGNALS,
} DemoGap;

typedef struct
{
  double low;
  double high;
  double weight;
} DemoDealBucket;

typedef struct
{
  const char *manager;
  double      hours[DEMO_N_WEEKS][ONLOOP_N_HOURS];
} DemoTimePlan;

extern const char * const   demo_workflows[DEMO_N_WORKFLOWS];
extern const DemoDecision   demo_decisions[DEMO_N_DECISIONS];
extern const char * const   demo_conflicting_scope[];
extern const guint          demo_n_conflicting_scope;
extern const DemoVersion    demo_versions[DEMO_N_VERSIONS];

extern const DemoVocabulary demo_industries[];
extern const guint          demo_n_industries;
extern const DemoVocabulary demo_personas[];
extern const guint          demo_n_personas;
extern const DemoVocabulary demo_objections[];
extern const guint          demo_n_objections;
extern const char * const   demo_ethical_tags[];
extern const guint          demo_n_ethical_tags;
extern const char * const   demo_plain_tags[];
extern const guint          demo_n_plain_tags;
extern const DemoDealBucket demo_deal_buckets[];
extern const guint          demo_n_deal_buckets;

extern const DemoWeek       demo_weeks[DEMO_N_WEEKS];

extern const char * const   demo_ok_notes[];
extern const guint          demo_n_ok_notes;
/* Indexed by DemoGap. */
extern const char * const   demo_gap_notes[];

extern const DemoTimePlan   demo_time_plan[];
extern const guint          demo_n_time_plan;

G_END_DECLS
