/* onloop-publish-dialog.c: publish the draft as the next version, with a note
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The note is required: "Publish" stays insensitive until the note has
 * something in it. Lint warnings are listed in the dialog, so the person
 * publishes knowing them; they do not block publishing.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-publish-dialog.h"
#include "onloop-spec-lint.h"

struct _OnloopPublishDialog
{
  AdwMessageDialog parent_instance;

  GtkEntry        *note_entry;
};

G_DEFINE_FINAL_TYPE (OnloopPublishDialog, onloop_publish_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
onloop_publish_dialog_get_note (OnloopPublishDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
}

static void
note_changed_cb (GtkEditable         *editable,
                 OnloopPublishDialog *self)
{
  g_autofree char *note = onloop_publish_dialog_get_note (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "publish", *note != '\0');
}

static void
note_activate_cb (GtkEntry            *entry,
                  OnloopPublishDialog *self)
{
  g_autofree char *note = onloop_publish_dialog_get_note (self);

  if (*note != '\0')
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "publish");
}

static void
onloop_publish_dialog_class_init (OnloopPublishDialogClass *klass)
{
}

static void
onloop_publish_dialog_init (OnloopPublishDialog *self)
{
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->note_entry, _("What changed, and why"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  g_signal_connect (self->note_entry, "changed", G_CALLBACK (note_changed_cb), self);
  g_signal_connect (self->note_entry, "activate", G_CALLBACK (note_activate_cb), self);
}

OnloopPublishDialog *
onloop_publish_dialog_new (GtkWindow *parent,
                           int        version,
                           GPtrArray *warnings)
{
  OnloopPublishDialog *self = g_object_new (ONLOOP_TYPE_PUBLISH_DIALOG,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_message_dialog_format_heading (dialog, _("Publish Version %d?"), version);
  g_string_append (body, _("The draft becomes a version the AI runtime can obey. Versions never change once published."));
  if (warnings != NULL && warnings->len > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u warning:", "%u warnings:",
                                                 warnings->len), warnings->len);
      for (guint i = 0; i < warnings->len && i < 6; i++)
        g_string_append_printf (body, "\n• %s",
                                ((OnloopLintWarning *) g_ptr_array_index (warnings, i))->message);
      if (warnings->len > 6)
        g_string_append_printf (body, "\n• %s", _("…and more, shown where they apply"));
    }
  adw_message_dialog_set_body (dialog, body->str);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->note_entry));
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "publish", _("_Publish"));
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "publish", FALSE);
  adw_message_dialog_set_default_response (dialog, "publish");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
  return self;
}

GtkEditable *
onloop_publish_dialog_get_note_entry (OnloopPublishDialog *self)
{
  return GTK_EDITABLE (self->note_entry);
}
