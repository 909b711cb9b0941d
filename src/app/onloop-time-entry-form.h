/* onloop-time-entry-form.h: one manager's hours for one week
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-store.h"
#include "onloop-time.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_TIME_ENTRY_FORM (onloop_time_entry_form_get_type ())

G_DECLARE_FINAL_TYPE (OnloopTimeEntryForm, onloop_time_entry_form, ONLOOP, TIME_ENTRY_FORM,
                      GtkBox)

void        onloop_time_entry_form_set_store   (OnloopTimeEntryForm *self,
                                                OnloopStore         *store);
OnloopWeek  onloop_time_entry_form_get_week    (OnloopTimeEntryForm *self);
void        onloop_time_entry_form_set_week    (OnloopTimeEntryForm *self,
                                                OnloopWeek           week);
void        onloop_time_entry_form_set_manager (OnloopTimeEntryForm *self,
                                                const char          *manager);
/* The spin button of category @hours (OnloopHours): editing it saves. */
GtkSpinButton *onloop_time_entry_form_get_spin (OnloopTimeEntryForm *self,
                                                guint                hours);
const char *onloop_time_entry_form_get_status  (OnloopTimeEntryForm *self);

G_END_DECLS
