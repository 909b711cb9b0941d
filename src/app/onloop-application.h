/* onloop-application.h
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ONLOOP_TYPE_APPLICATION (onloop_application_get_type ())

G_DECLARE_FINAL_TYPE (OnloopApplication, onloop_application, ONLOOP, APPLICATION, AdwApplication)

OnloopApplication *onloop_application_new          (void);
GSettings         *onloop_application_get_settings (OnloopApplication *self);

/* Sets the accelerators of every action, once, for @app. */
void               onloop_application_set_accels   (GtkApplication    *app);

G_END_DECLS
