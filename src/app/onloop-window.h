/* onloop-window.h
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-store.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_WINDOW (onloop_window_get_type ())

G_DECLARE_FINAL_TYPE (OnloopWindow, onloop_window, ONLOOP, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests build windows without one). */
OnloopWindow    *onloop_window_new            (gpointer      application);

/* Opens @file; a refused file leaves the current workspace open and shows a
 * dialog that says why. Returns whether the workspace was opened. */
gboolean         onloop_window_open_file      (OnloopWindow *self,
                                               GFile        *file);
gboolean         onloop_window_open_path      (OnloopWindow *self,
                                               const char   *path,
                                               gboolean      create);
/* Reopens the workspace of the last session, if there was one. */
void             onloop_window_open_last      (OnloopWindow *self);

OnloopStore     *onloop_window_get_store      (OnloopWindow *self);
OnloopUndoStack *onloop_window_get_undo_stack (OnloopWindow *self);
void             onloop_window_add_toast      (OnloopWindow *self,
                                               AdwToast     *toast);
/* The name of the visible view: "welcome", "map", "boundaries", "review". */
const char      *onloop_window_get_visible_view (OnloopWindow *self);

G_END_DECLS
