/* onloop-screenshot.h
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders @widget to a PNG at @path. */
gboolean onloop_screenshot_save                (GtkWidget    *widget,
                                                const char   *path,
                                                GError      **error);
/* Once @widget has drawn a few frames, saves it to @path and quits @app. */
void     onloop_screenshot_after_first_frame   (GtkWidget    *widget,
                                                const char   *path,
                                                GApplication *app);

G_END_DECLS
