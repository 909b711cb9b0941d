/* onloop-tag-entry.c: an editable list of tags
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tags show as chips, each with a remove button; typing a tag and
 * pressing Enter (or a comma) adds it. "changed" is emitted after every
 * change a person made.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "onloop-tag-entry.h"

struct _OnloopTagEntry
{
  AdwBin      parent_instance;

  GtkFlowBox *chips;
  GtkEntry   *entry;
  GPtrArray  *tags;
};

G_DEFINE_FINAL_TYPE (OnloopTagEntry, onloop_tag_entry, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (OnloopTagEntry *self);

static void
remove_clicked_cb (GtkButton      *button,
                   OnloopTagEntry *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");
  g_autofree char *copy = g_strdup (tag);

  onloop_tag_entry_remove_tag (self, copy);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
rebuild (OnloopTagEntry *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_flow_box_remove (self->chips, child);

  for (guint i = 0; i < self->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (self->tags, i);
      g_autofree char *remove_name = g_strdup_printf (_("Remove tag “%s”"), tag);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (tag);
      GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

      gtk_widget_add_css_class (box, "tag-chip");
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tag), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), button);
      gtk_flow_box_append (self->chips, box);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips), self->tags->len > 0);
}

static gboolean
has_tag (OnloopTagEntry *self,
         const char     *tag)
{
  for (guint i = 0; i < self->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tags, i), tag))
      return TRUE;
  return FALSE;
}

gboolean
onloop_tag_entry_add_tag (OnloopTagEntry *self,
                          const char     *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  g_autofree char *tag = NULL;

  g_return_val_if_fail (ONLOOP_IS_TAG_ENTRY (self), FALSE);

  g_strstrip (copy);
  tag = g_utf8_strdown (copy, -1);
  if (*tag == '\0' || has_tag (self, tag))
    return FALSE;

  g_ptr_array_add (self->tags, g_steal_pointer (&tag));
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
onloop_tag_entry_remove_tag (OnloopTagEntry *self,
                             const char     *tag)
{
  g_return_val_if_fail (ONLOOP_IS_TAG_ENTRY (self), FALSE);

  for (guint i = 0; i < self->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tags, i), tag))
      {
        g_ptr_array_remove_index (self->tags, i);
        rebuild (self);
        g_signal_emit (self, signals[CHANGED], 0);
        return TRUE;
      }

  return FALSE;
}

static void
entry_activate_cb (GtkEntry       *entry,
                   OnloopTagEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  onloop_tag_entry_add_tag (self, text);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* A comma ends a tag too, as in most tag fields. */
static void
entry_changed_cb (GtkEditable    *editable,
                  OnloopTagEntry *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_auto(GStrv) parts = NULL;

  if (strchr (text, ',') == NULL)
    return;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i + 1] != NULL; i++)
    onloop_tag_entry_add_tag (self, parts[i]);
  gtk_editable_set_text (editable, parts[g_strv_length (parts) - 1]);
}

static void
onloop_tag_entry_dispose (GObject *object)
{
  OnloopTagEntry *self = ONLOOP_TAG_ENTRY (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (onloop_tag_entry_parent_class)->dispose (object);
}

static void
onloop_tag_entry_class_init (OnloopTagEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onloop_tag_entry_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
onloop_tag_entry_init (OnloopTagEntry *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->tags = g_ptr_array_new_with_free_func (g_free);

  self->chips = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->chips, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->chips, 20);
  gtk_flow_box_set_column_spacing (self->chips, 4);
  gtk_flow_box_set_row_spacing (self->chips, 4);
  gtk_widget_set_visible (GTK_WIDGET (self->chips), FALSE);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("Add a tag and press Enter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New tag"), -1);
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chips));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
onloop_tag_entry_new (void)
{
  return g_object_new (ONLOOP_TYPE_TAG_ENTRY, NULL);
}

void
onloop_tag_entry_set_tags (OnloopTagEntry     *self,
                           const char * const *tags)
{
  g_return_if_fail (ONLOOP_IS_TAG_ENTRY (self));

  g_ptr_array_set_size (self->tags, 0);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (self->tags, g_strdup (tags[i]));
  rebuild (self);
}

GStrv
onloop_tag_entry_get_tags (OnloopTagEntry *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ONLOOP_IS_TAG_ENTRY (self), NULL);

  for (guint i = 0; i < self->tags->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->tags, i));
  return g_strv_builder_end (builder);
}

GtkEditable *
onloop_tag_entry_get_entry (OnloopTagEntry *self)
{
  return GTK_EDITABLE (self->entry);
}
