/* onloop-time-entry.h: a manager's hours in one week (PRODUCT.md §4)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file format is one JSON object or an array of them:
 * {"week": "2026-W45", "manager": "Dana", "execution_oversight": 6, …}.
 * Parsing takes bytes and never touches the store (onloop-store-time-entry.h
 * saves entries). docs/time-and-reviews.md describes the choices.
 */

#pragma once

#include "onloop-engine.h"
#include "onloop-time.h"

G_BEGIN_DECLS

#define ONLOOP_TIME_ENTRY_ERROR (onloop_time_entry_error_quark ())

typedef enum
{
  ONLOOP_TIME_ENTRY_ERROR_SYNTAX,   /* not JSON */
  ONLOOP_TIME_ENTRY_ERROR_INVALID,  /* the message names the JSON path */
} OnloopTimeEntryError;

typedef struct
{
  OnloopWeek  week;
  char       *manager;                /* trimmed, non-empty */
  double      hours[ONLOOP_N_HOURS];  /* indexed by OnloopHours, each ≥ 0 */
} OnloopTimeEntry;

GQuark           onloop_time_entry_error_quark (void);

OnloopTimeEntry *onloop_time_entry_new      (OnloopWeek             week,
                                             const char            *manager);
OnloopTimeEntry *onloop_time_entry_copy     (const OnloopTimeEntry *entry);
void             onloop_time_entry_free     (OnloopTimeEntry       *entry);

double           onloop_time_entry_total    (const OnloopTimeEntry *entry);
/* exception handling + strategy + coaching + relationship repair */
double           onloop_time_entry_judgment (const OnloopTimeEntry *entry);

/* The field name in the file ("execution_oversight") and a label for
 * people ("Execution oversight"). */
const char      *onloop_time_entry_field_name  (OnloopHours hours);
const char      *onloop_time_entry_field_label (OnloopHours hours);

/* Parses a time-entry document. Errors start with @name and the JSON path:
 * "time.json: [2].coaching: must be a number ≥ 0".
 * (element-type OnloopTimeEntry) */
GPtrArray       *onloop_time_entries_parse   (const char  *data,
                                              gsize        len,
                                              const char  *name,
                                              GError     **error);
/* An array document of @entries, which imports back to the same entries. */
char            *onloop_time_entries_to_json (GPtrArray   *entries);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopTimeEntry, onloop_time_entry_free)

G_END_DECLS
