/* onloop-publish-dialog.h: publish the draft as the next version, with a note
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ONLOOP_TYPE_PUBLISH_DIALOG (onloop_publish_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OnloopPublishDialog, onloop_publish_dialog, ONLOOP, PUBLISH_DIALOG, AdwMessageDialog)

/* @warnings (element-type OnloopLintWarning) are listed before publishing. */
OnloopPublishDialog *onloop_publish_dialog_new   (GtkWindow           *parent,
                                                  int                  version,
                                                  GPtrArray           *warnings);
GtkEditable         *onloop_publish_dialog_get_note_entry (OnloopPublishDialog *self);
/* The note, trimmed. */
char                *onloop_publish_dialog_get_note (OnloopPublishDialog *self);

G_END_DECLS
