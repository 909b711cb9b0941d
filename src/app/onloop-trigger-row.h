/* onloop-trigger-row.h: one exception trigger with its parameters
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-spec.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_TRIGGER_ROW (onloop_trigger_row_get_type ())

G_DECLARE_FINAL_TYPE (OnloopTriggerRow, onloop_trigger_row, ONLOOP, TRIGGER_ROW, AdwPreferencesGroup)

/* @decisions (element-type OnloopSpecDecision) are what the trigger can be
 * scoped to; @currency the workspace's ("USD"). */
GtkWidget     *onloop_trigger_row_new        (const OnloopTrigger *trigger,
                                              GPtrArray           *decisions,
                                              const char          *currency);
const char    *onloop_trigger_row_get_id     (OnloopTriggerRow    *self);
/* Shows @trigger, except in the fields the person is editing. */
void           onloop_trigger_row_update     (OnloopTriggerRow    *self,
                                              const OnloopTrigger *trigger,
                                              GPtrArray           *decisions);
void           onloop_trigger_row_set_siblings (OnloopTriggerRow  *self,
                                                GStrv              ids);
void           onloop_trigger_row_set_error  (OnloopTriggerRow    *self,
                                              const char          *message);
const char    *onloop_trigger_row_get_error  (OnloopTriggerRow    *self);
void           onloop_trigger_row_set_warning (OnloopTriggerRow   *self,
                                               const char         *message);
const char    *onloop_trigger_row_get_warning (OnloopTriggerRow   *self);

/* The inputs, for tests and the accessibility tree: "min_arr", "below",
 * "min_engagement", "min_days_in_stage" (spin buttons), "id" (entry),
 * "enabled" (switch), "industry", "persona", "objection" (check buttons),
 * "tags" (OnloopTagEntry). NULL when the kind has no such input. */
GtkWidget     *onloop_trigger_row_get_input  (OnloopTriggerRow    *self,
                                              const char          *name);
/* Reads the inputs; NULL (and @error) when something is not valid. */
OnloopTrigger *onloop_trigger_row_read       (OnloopTriggerRow    *self,
                                              GError             **error);

const char    *onloop_trigger_kind_get_label (OnloopTriggerKind    kind);
const char    *onloop_trigger_kind_get_description (OnloopTriggerKind kind);

G_END_DECLS
