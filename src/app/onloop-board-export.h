/* onloop-board-export.h: the board as a PNG image or a PDF document
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "onloop-board-model.h"

G_BEGIN_DECLS

typedef enum
{
  ONLOOP_BOARD_EXPORT_PNG,
  ONLOOP_BOARD_EXPORT_PDF,
} OnloopBoardExportFormat;

/* Draws every card the board shows (all of each column, not only what is
 * scrolled into view) with the column counts and the execution share, under
 * @title. The PDF keeps text as text. */
gboolean onloop_board_export (OnloopBoardModel        *model,
                              OnloopBoardExportFormat  format,
                              const char              *title,
                              const char              *path,
                              GError                 **error);

G_END_DECLS
