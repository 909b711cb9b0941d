/* onloop-tag-entry.h: an editable list of tags
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ONLOOP_TYPE_TAG_ENTRY (onloop_tag_entry_get_type ())

G_DECLARE_FINAL_TYPE (OnloopTagEntry, onloop_tag_entry, ONLOOP, TAG_ENTRY, AdwBin)

GtkWidget *onloop_tag_entry_new      (void);
/* Replaces the tags without emitting "changed". */
void       onloop_tag_entry_set_tags (OnloopTagEntry     *self,
                                      const char * const *tags);
/* (transfer full) */
GStrv      onloop_tag_entry_get_tags (OnloopTagEntry     *self);
/* Adds @text as a tag (trimmed, lower-cased); FALSE when it is empty or
 * already there. Emits "changed" when added. */
gboolean   onloop_tag_entry_add_tag  (OnloopTagEntry     *self,
                                      const char         *text);
gboolean   onloop_tag_entry_remove_tag (OnloopTagEntry   *self,
                                        const char       *tag);
GtkEditable *onloop_tag_entry_get_entry (OnloopTagEntry  *self);

G_END_DECLS
