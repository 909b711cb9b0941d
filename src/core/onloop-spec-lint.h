/* onloop-spec-lint.h: warnings about a spec before it is published
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lint finds what is legal but probably wrong: a trigger that never fires
 * (or fires on every event it applies to) over the imported log, an item a
 * decision both may and must not do, an execution decision without any
 * boundary, a judgment decision with one. Each warning says where it applies
 * (a decision, one of its items, or a trigger) so an editor can show it
 * there. No GTK; the log rules can run in a worker thread.
 */

#pragma once

#include <gio/gio.h>

#include "onloop-log.h"
#include "onloop-spec.h"

G_BEGIN_DECLS

typedef enum
{
  ONLOOP_LINT_TRIGGER_NEVER_FIRES,     /* trigger: no event of the log it applies to escalates by it */
  ONLOOP_LINT_TRIGGER_ALWAYS_FIRES,    /* trigger: every event it applies to escalates by it */
  ONLOOP_LINT_MAY_AND_MUST_NOT,        /* decision + item: the id is in both may and must_not */
  ONLOOP_LINT_EXECUTION_NO_BOUNDARY,   /* decision: execution, all three lists empty */
  ONLOOP_LINT_JUDGMENT_WITH_BOUNDARY,  /* decision: judgment, some list non-empty */
} OnloopLintKind;

typedef struct
{
  OnloopLintKind  kind;
  char           *decision;  /* the decision key, or NULL for a trigger warning */
  char           *item;      /* the item id (MAY_AND_MUST_NOT), else NULL */
  char           *trigger;   /* the trigger id, or NULL */
  char           *message;   /* for a person: "“Send follow-ups” is both allowed and forbidden" */
} OnloopLintWarning;

void       onloop_lint_warning_free (OnloopLintWarning *warning);

/* The warnings for @spec, decisions first (in spec order), then triggers.
 * With @log NULL or empty the trigger rules are skipped (nothing to say
 * about a log that is not there). Disabled triggers are not judged.
 * Returns NULL only when @cancellable was cancelled.
 * (element-type OnloopLintWarning) */
GPtrArray *onloop_spec_lint         (OnloopSpec   *spec,
                                     OnloopLog    *log,
                                     GCancellable *cancellable);

/* The warnings of @warnings about decision @key (and its items when
 * @with_items), or about trigger @trigger_id when @key is NULL. Transfer
 * container. */
GPtrArray *onloop_lint_filter       (GPtrArray    *warnings,
                                     const char   *key,
                                     const char   *trigger_id,
                                     gboolean      with_items);

G_END_DECLS
