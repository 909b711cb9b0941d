/* onloop-spec-private.h: what the spec format shares with the store
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-spec.h"

G_BEGIN_DECLS

/* The kind's parameters as one JSON object: {"min_arr": 50000}. */
char     *onloop_trigger_params_to_json   (const OnloopTrigger *trigger);
/* Reads the parameters written by onloop_trigger_params_to_json() into
 * @trigger, whose kind is already set; validates them. */
gboolean  onloop_trigger_params_from_json (OnloopTrigger       *trigger,
                                           const char          *json,
                                           GError             **error);
/* The scope as a JSON array of keys, and back. */
char     *onloop_trigger_scope_to_json    (const OnloopTrigger *trigger);
gboolean  onloop_trigger_scope_from_json  (OnloopTrigger       *trigger,
                                           const char          *json,
                                           GError             **error);

/* "50,000", "-0.3", "61,250.5": numbers for people. */
char     *onloop_spec_format_number       (double               value);

G_END_DECLS
