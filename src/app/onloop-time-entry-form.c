/* onloop-time-entry-form.c: one manager's hours for one week
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Measure freed time, not just AI accuracy": a manager logs where the
 * week's hours went, by category. Every edit is saved at once, as
 * (week, manager) → hours, replacing what was there.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-engine.h"
#include "onloop-store-time-entry.h"
#include "onloop-time-entry-form.h"

struct _OnloopTimeEntryForm
{
  GtkBox         parent_instance;

  GtkWidget     *week_label;
  GtkWidget     *manager_row;
  GtkWidget     *spins[ONLOOP_N_HOURS];
  GtkWidget     *status_label;

  OnloopStore   *store;
  OnloopWeek     week;
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (OnloopTimeEntryForm, onloop_time_entry_form, GTK_TYPE_BOX)

static const char *
manager_name (OnloopTimeEntryForm *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->manager_row));
}

static void
set_status (OnloopTimeEntryForm *self,
            double               total,
            double               judgment)
{
  g_autofree char *text = NULL;

  if (total > 0)
    text = g_strdup_printf (_("%.1f h logged · judgment share %.0f %% (exception handling, "
                              "strategy, coaching, relationship repair)"),
                            total, judgment / total * 100);
  else
    text = g_strdup (_("No hours logged for this week yet"));
  gtk_label_set_label (GTK_LABEL (self->status_label), text);
}

/* Shows the entry of (week, manager) from the workspace. */
static void
load_entry (OnloopTimeEntryForm *self)
{
  g_autoptr(OnloopTimeEntry) entry = NULL;
  g_autofree char *week_text = onloop_week_format (self->week);
  g_autofree char *manager = g_strstrip (g_strdup (manager_name (self)));

  gtk_label_set_label (GTK_LABEL (self->week_label), week_text);

  if (self->store != NULL && *manager != '\0')
    entry = onloop_store_get_time_entry (self->store, self->week, manager, NULL);

  self->filling = TRUE;
  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->spins[i]), entry ? entry->hours[i] : 0);
      gtk_widget_set_sensitive (self->spins[i], self->store != NULL && *manager != '\0');
    }
  self->filling = FALSE;

  set_status (self, entry ? onloop_time_entry_total (entry) : 0,
              entry ? onloop_time_entry_judgment (entry) : 0);
}

static void
save_entry (OnloopTimeEntryForm *self)
{
  g_autofree char *manager = g_strstrip (g_strdup (manager_name (self)));
  g_autoptr(OnloopTimeEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || self->store == NULL || *manager == '\0')
    return;

  entry = onloop_time_entry_new (self->week, manager);
  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    entry->hours[i] = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->spins[i]));

  if (!onloop_store_set_time_entry (self->store, entry, &error))
    {
      gtk_label_set_label (GTK_LABEL (self->status_label), error->message);
      return;
    }
  set_status (self, onloop_time_entry_total (entry), onloop_time_entry_judgment (entry));
}

static void
step_week (OnloopTimeEntryForm *self,
           int                  direction)
{
  gint64 start = onloop_week_start_usec (self->week);

  onloop_time_entry_form_set_week (self,
                                   onloop_week_from_usec (start + direction * ONLOOP_USEC_PER_WEEK));
}

static void
previous_clicked_cb (GtkButton           *button,
                     OnloopTimeEntryForm *self)
{
  step_week (self, -1);
}

static void
next_clicked_cb (GtkButton           *button,
                 OnloopTimeEntryForm *self)
{
  step_week (self, 1);
}

static void
manager_changed_cb (GtkEditable         *editable,
                    OnloopTimeEntryForm *self)
{
  load_entry (self);
}

static void
spin_changed_cb (GtkSpinButton       *spin,
                 OnloopTimeEntryForm *self)
{
  save_entry (self);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* The preferences group's list is focusable: give it a name. */
static void
name_lists (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Hours of the week by category"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_lists (child);
}

static void
onloop_time_entry_form_dispose (GObject *object)
{
  OnloopTimeEntryForm *self = ONLOOP_TIME_ENTRY_FORM (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (onloop_time_entry_form_parent_class)->dispose (object);
}

static void
onloop_time_entry_form_class_init (OnloopTimeEntryFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = onloop_time_entry_form_dispose;
}

static void
onloop_time_entry_form_init (OnloopTimeEntryForm *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *week_row = adw_action_row_new ();
  GtkWidget *previous = icon_button ("go-previous-symbolic", _("Previous Week"));
  GtkWidget *next = icon_button ("go-next-symbolic", _("Next Week"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Where did the week’s hours go? Saved as you type."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (week_row), _("Week"));
  self->week_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->week_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (week_row), previous);
  adw_action_row_add_suffix (ADW_ACTION_ROW (week_row), self->week_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (week_row), next);
  g_signal_connect (previous, "clicked", G_CALLBACK (previous_clicked_cb), self);
  g_signal_connect (next, "clicked", G_CALLBACK (next_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), week_row);

  self->manager_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->manager_row), _("Manager"));
  g_signal_connect (self->manager_row, "changed", G_CALLBACK (manager_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->manager_row);

  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 168, 0.5);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     onloop_time_entry_field_label (i));
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      onloop_time_entry_field_label (i), -1);
      g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->spins[i] = spin;
    }

  self->status_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_widget_add_css_class (self->status_label, "dim-label");

  gtk_box_append (GTK_BOX (self), group);
  gtk_box_append (GTK_BOX (self), self->status_label);
  name_lists (group);

  self->week = onloop_week_from_usec (g_get_real_time ());
  load_entry (self);
}

void
onloop_time_entry_form_set_store (OnloopTimeEntryForm *self,
                                  OnloopStore         *store)
{
  g_return_if_fail (ONLOOP_IS_TIME_ENTRY_FORM (self));

  if (!g_set_object (&self->store, store))
    return;

  /* Start with the manager who logged last, a convenience for the usual
   * one-manager team. */
  if (store != NULL && *manager_name (self) == '\0')
    {
      g_auto(GStrv) managers = onloop_store_list_managers (store, NULL);

      if (managers != NULL && managers[0] != NULL)
        {
          self->filling = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->manager_row), managers[0]);
          self->filling = FALSE;
        }
    }
  load_entry (self);
}

OnloopWeek
onloop_time_entry_form_get_week (OnloopTimeEntryForm *self)
{
  return self->week;
}

void
onloop_time_entry_form_set_week (OnloopTimeEntryForm *self,
                                 OnloopWeek           week)
{
  self->week = week;
  load_entry (self);
}

void
onloop_time_entry_form_set_manager (OnloopTimeEntryForm *self,
                                    const char          *manager)
{
  gtk_editable_set_text (GTK_EDITABLE (self->manager_row), manager);
}

GtkSpinButton *
onloop_time_entry_form_get_spin (OnloopTimeEntryForm *self,
                                 guint                hours)
{
  g_return_val_if_fail (hours < ONLOOP_N_HOURS, NULL);
  return GTK_SPIN_BUTTON (self->spins[hours]);
}

const char *
onloop_time_entry_form_get_status (OnloopTimeEntryForm *self)
{
  return gtk_label_get_label (GTK_LABEL (self->status_label));
}
