/* onloop-boundaries-view.h: the Boundaries view of a workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-calibration.h"
#include "onloop-store.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_BOUNDARIES_VIEW (onloop_boundaries_view_get_type ())

G_DECLARE_FINAL_TYPE (OnloopBoundariesView, onloop_boundaries_view, ONLOOP, BOUNDARIES_VIEW, AdwBin)

OnloopStore     *onloop_boundaries_view_get_store      (OnloopBoundariesView   *self);
void             onloop_boundaries_view_set_store      (OnloopBoundariesView   *self,
                                                        OnloopStore            *store);
OnloopUndoStack *onloop_boundaries_view_get_undo_stack (OnloopBoundariesView   *self);
void             onloop_boundaries_view_set_undo_stack (OnloopBoundariesView   *self,
                                                        OnloopUndoStack        *undo_stack);

/* Shows the boundary of decision @key (what win.edit-boundary does); FALSE
 * when the draft has no such decision. */
gboolean         onloop_boundaries_view_select_decision (OnloopBoundariesView  *self,
                                                         const char            *key);
/* "triggers" or "history". */
void             onloop_boundaries_view_show_page      (OnloopBoundariesView   *self,
                                                        const char             *page);
/* "empty", "decision", "triggers" or "history". */
const char      *onloop_boundaries_view_get_page       (OnloopBoundariesView   *self);

/* The parts, for tests. */
GtkWidget       *onloop_boundaries_view_get_form       (OnloopBoundariesView   *self);
GtkWidget       *onloop_boundaries_view_get_trigger_editor (OnloopBoundariesView *self);
GtkWidget       *onloop_boundaries_view_get_history    (OnloopBoundariesView   *self);
GtkLabel        *onloop_boundaries_view_get_preview_label (OnloopBoundariesView *self);
gboolean         onloop_boundaries_view_get_badge_visible (OnloopBoundariesView *self);

/* Whether the preview (and lint) is still being computed. */
gboolean         onloop_boundaries_view_is_busy        (OnloopBoundariesView   *self);
/* The last preview computed; FALSE when none (no log, or busy). */
gboolean         onloop_boundaries_view_get_preview    (OnloopBoundariesView   *self,
                                                        OnloopPreview          *preview);
/* The lint warnings of the draft as last computed (element-type
 * OnloopLintWarning; transfer none). */
GPtrArray       *onloop_boundaries_view_get_warnings   (OnloopBoundariesView   *self);

/* Opens the publish dialog (returned, transfer none). */
GtkWidget       *onloop_boundaries_view_open_publish   (OnloopBoundariesView   *self);
/* What the Export and Print menu items do, without the file chooser or
 * print dialog: the latest version, or the draft when none was published. */
gboolean         onloop_boundaries_view_export_to      (OnloopBoundariesView   *self,
                                                        GFile                  *file,
                                                        GError                **error);
gboolean         onloop_boundaries_view_print_to_pdf   (OnloopBoundariesView   *self,
                                                        const char             *path,
                                                        GError                **error);

G_END_DECLS
