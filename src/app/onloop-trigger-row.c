/* onloop-trigger-row.c: one exception trigger with its parameters
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind gets the inputs its parameters need: the deal size in the
 * workspace currency, sentiment on −1…1, the first-time fields as check
 * buttons, engagement and days for conflicting signals, the ethical tags as
 * an editable list. As the person types, the row checks what is typed and
 * emits "preview" with the trigger it would save (NULL while the text is not
 * valid), so the exception rate can follow; it emits "save" only for a valid
 * trigger, on Enter, when the focus leaves a field, after a pause in typing,
 * or at once for switches, check buttons, tags and scope. Invalid input
 * shows a message and is never saved.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "onloop-slug.h"
#include "onloop-tag-entry.h"
#include "onloop-trigger-row.h"

/* How long a pause in typing saves a valid value. */
#define SAVE_DELAY_MS 1200

struct _OnloopTriggerRow
{
  AdwPreferencesGroup parent_instance;

  OnloopTrigger      *trigger;     /* as saved */
  char               *currency;
  GStrv               siblings;
  char               *error;
  char               *warning;
  gboolean            updating;
  gboolean            dirty;       /* typed into, not saved yet */
  guint               save_timeout;

  GtkSwitch          *enabled;
  GtkEntry           *id_entry;
  GtkSpinButton      *spin_a;      /* min_arr, below or min_engagement */
  GtkSpinButton      *spin_b;      /* min_days_in_stage */
  GtkCheckButton     *fields[ONLOOP_N_FIRST_TIME_FIELDS];
  OnloopTagEntry     *tags;
  AdwExpanderRow     *scope_row;
  GPtrArray          *scope_checks; /* GtkCheckButton *, with "key" data */
  GtkLabel           *error_label;
  GtkLabel           *warning_label;
};

G_DEFINE_FINAL_TYPE (OnloopTriggerRow, onloop_trigger_row, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SAVE,
  PREVIEW,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *field_names[] = { "industry", "persona", "objection" };

const char *
onloop_trigger_kind_get_label (OnloopTriggerKind kind)
{
  switch (kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      return _("Deal Size");
    case ONLOOP_TRIGGER_SENTIMENT:
      return _("Negative Sentiment");
    case ONLOOP_TRIGGER_FIRST_TIME:
      return _("First Time");
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      return _("Conflicting Signals");
    case ONLOOP_TRIGGER_ETHICAL:
    default:
      return _("Ethical Considerations");
    }
}

const char *
onloop_trigger_kind_get_description (OnloopTriggerKind kind)
{
  switch (kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      return _("Escalates deals at or above an annual recurring revenue");
    case ONLOOP_TRIGGER_SENTIMENT:
      return _("Escalates when the customer’s sentiment drops below a level");
    case ONLOOP_TRIGGER_FIRST_TIME:
      return _("Escalates an industry, persona or objection the team has never seen");
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      return _("Escalates engaged buyers whose deal is stuck in its stage");
    case ONLOOP_TRIGGER_ETHICAL:
    default:
      return _("Escalates events carrying one of these tags");
    }
}

/* Numbers as people type them: "75,000", "75 000", "USD 75000", "-0.3",
 * "−0,3". FALSE for anything else. */
static gboolean
parse_number (const char *text,
              gboolean    grouped,
              double     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0)
        continue;
      if (c == 0x2212) /* minus sign */
        g_string_append_c (clean, '-');
      else if (c == ',')
        {
          if (!grouped)
            g_string_append_c (clean, '.');
        }
      else if (g_unichar_isalpha (c) || c == '$' || c == 0x20AC || c == 0xA3)
        {
          /* A currency around the number. */
          if (!grouped)
            return FALSE;
        }
      else if (c < 0x80)
        g_string_append_c (clean, (char) c);
      else
        return FALSE;
    }

  if (clean->len == 0)
    return FALSE;

  *value = g_ascii_strtod (clean->str, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static char *
format_grouped (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* The deal size shows with thousands separators; the spin button reads it
 * back through parse_number(). */
static gboolean
arr_output_cb (GtkSpinButton *spin,
               gpointer       data)
{
  g_autofree char *text = format_grouped (gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
arr_input_cb (GtkSpinButton *spin,
              double        *value,
              gpointer       data)
{
  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), TRUE, value))
    return GTK_INPUT_ERROR;
  return TRUE;
}

static int
decimal_input_cb (GtkSpinButton *spin,
                  double        *value,
                  gpointer       data)
{
  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), FALSE, value))
    return GTK_INPUT_ERROR;
  return TRUE;
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

void
onloop_trigger_row_set_error (OnloopTriggerRow *self,
                              const char       *message)
{
  g_return_if_fail (ONLOOP_IS_TRIGGER_ROW (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  show_label (self->error_label, message);
}

const char *
onloop_trigger_row_get_error (OnloopTriggerRow *self)
{
  return self->error;
}

void
onloop_trigger_row_set_warning (OnloopTriggerRow *self,
                                const char       *message)
{
  g_return_if_fail (ONLOOP_IS_TRIGGER_ROW (self));

  g_free (self->warning);
  self->warning = message != NULL ? g_strdup_printf ("⚠ %s", message) : NULL;
  show_label (self->warning_label, self->warning);
}

const char *
onloop_trigger_row_get_warning (OnloopTriggerRow *self)
{
  return self->warning;
}

static gboolean
read_spin (GtkSpinButton  *spin,
           gboolean        grouped,
           double         *value,
           const char     *what,
           GError        **error)
{
  if (parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), grouped, value))
    return TRUE;

  g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID,
               _("%s: type a number, like %s"), what,
               grouped ? "50,000" : spin == NULL ? "0.5" : "0.3");
  return FALSE;
}

OnloopTrigger *
onloop_trigger_row_read (OnloopTriggerRow  *self,
                         GError           **error)
{
  g_autoptr(GString) id = g_string_new (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)));
  OnloopTrigger *trigger;
  double value;

  g_strstrip (id->str);
  g_string_set_size (id, strlen (id->str));
  if (!onloop_slug_is_valid (id->str))
    {
      g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID,
                   _("Id: use lower-case letters, digits and dashes, like “deal-size”"));
      return NULL;
    }
  if (self->siblings != NULL && g_strv_contains ((const char * const *) self->siblings, id->str))
    {
      g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID,
                   _("Id: another trigger is already called “%s”"), id->str);
      return NULL;
    }

  trigger = onloop_trigger_copy (self->trigger);
  g_free (trigger->id);
  trigger->id = g_strdup (id->str);
  trigger->enabled = gtk_switch_get_active (self->enabled);

  switch (trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      if (!read_spin (self->spin_a, TRUE, &value, _("Deal size"), error))
        goto fail;
      if (value < 0)
        {
          g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID,
                       _("Deal size: must be 0 or more"));
          goto fail;
        }
      trigger->min_arr = value;
      break;

    case ONLOOP_TRIGGER_SENTIMENT:
      if (!read_spin (self->spin_a, FALSE, &value, _("Sentiment"), error))
        goto fail;
      if (value < -1 || value > 1)
        {
          g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID,
                       _("Sentiment: must be between −1 and 1"));
          goto fail;
        }
      trigger->below = value;
      break;

    case ONLOOP_TRIGGER_FIRST_TIME:
      trigger->fields = 0;
      for (guint i = 0; i < ONLOOP_N_FIRST_TIME_FIELDS; i++)
        if (gtk_check_button_get_active (self->fields[i]))
          trigger->fields |= 1u << i;
      break;

    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      if (!read_spin (self->spin_a, FALSE, &value, _("Engagement"), error))
        goto fail;
      if (value < 0 || value > 1)
        {
          g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID,
                       _("Engagement: must be between 0 and 1"));
          goto fail;
        }
      trigger->min_engagement = value;
      if (!read_spin (self->spin_b, FALSE, &value, _("Days in stage"), error))
        goto fail;
      if (value < 0 || value != floor (value) || value > G_MAXINT32)
        {
          g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID,
                       _("Days in stage: must be a whole number of days, 0 or more"));
          goto fail;
        }
      trigger->min_days_in_stage = (gint64) value;
      break;

    case ONLOOP_TRIGGER_ETHICAL:
      {
        g_auto(GStrv) tags = onloop_tag_entry_get_tags (self->tags);

        g_ptr_array_set_size (trigger->tags, 0);
        for (guint i = 0; tags[i] != NULL; i++)
          g_ptr_array_add (trigger->tags, g_strdup (tags[i]));
      }
      break;

    default:
      break;
    }

  g_ptr_array_set_size (trigger->decisions, 0);
  for (guint i = 0; i < self->scope_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->scope_checks, i);
      if (gtk_check_button_get_active (check))
        g_ptr_array_add (trigger->decisions, g_strdup (g_object_get_data (G_OBJECT (check), "key")));
    }

  /* The same checks the spec format makes, as the last word. */
  if (!onloop_trigger_validate (trigger, error))
    goto fail;

  return trigger;

fail:
  onloop_trigger_free (trigger);
  return NULL;
}

static gboolean
same_trigger (const OnloopTrigger *a,
              const OnloopTrigger *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 || a->kind != b->kind || a->enabled != b->enabled ||
      a->min_arr != b->min_arr || a->below != b->below || a->fields != b->fields ||
      a->min_engagement != b->min_engagement || a->min_days_in_stage != b->min_days_in_stage ||
      a->tags->len != b->tags->len || a->decisions->len != b->decisions->len)
    return FALSE;

  for (guint i = 0; i < a->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->tags, i), g_ptr_array_index (b->tags, i)) != 0)
      return FALSE;
  for (guint i = 0; i < a->decisions->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->decisions, i), g_ptr_array_index (b->decisions, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Checks the inputs; with @save, saves them when valid and changed. */
static void
check_inputs (OnloopTriggerRow *self,
              gboolean          save)
{
  g_autoptr(GError) error = NULL;
  OnloopTrigger *candidate;

  if (self->updating)
    return;

  if (save)
    g_clear_handle_id (&self->save_timeout, g_source_remove);
  candidate = onloop_trigger_row_read (self, &error);
  onloop_trigger_row_set_error (self, error != NULL ? error->message : NULL);
  g_signal_emit (self, signals[PREVIEW], 0, candidate);

  /* Typed but not saved yet: updates must not write over it. */
  self->dirty = !save || candidate == NULL;

  if (candidate != NULL && save && !same_trigger (candidate, self->trigger))
    g_signal_emit (self, signals[SAVE], 0, candidate);

  g_clear_pointer (&candidate, onloop_trigger_free);
}

static gboolean
save_timeout_cb (gpointer data)
{
  OnloopTriggerRow *self = data;

  self->save_timeout = 0;
  check_inputs (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Typing previews at once; a valid value is saved once the person pauses
 * (or presses Enter, or leaves the field), so nothing typed is lost. */
static void
text_changed_cb (GtkEditable      *editable,
                 OnloopTriggerRow *self)
{
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  check_inputs (self, FALSE);
  if (!self->updating && self->error == NULL)
    self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
commit_cb (GtkWidget        *widget,
           OnloopTriggerRow *self)
{
  check_inputs (self, TRUE);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                OnloopTriggerRow        *self)
{
  check_inputs (self, TRUE);
}

static void
toggled_cb (GObject          *object,
            GParamSpec       *pspec,
            OnloopTriggerRow *self)
{
  check_inputs (self, TRUE);
}

/* The +/− buttons, arrow keys and assistive technologies (AT-SPI Value)
 * change the value without Enter: save those at once too. */
static void
value_changed_cb (GtkSpinButton    *spin,
                  OnloopTriggerRow *self)
{
  check_inputs (self, TRUE);
}

static void
tags_changed_cb (OnloopTagEntry   *entry,
                 OnloopTriggerRow *self)
{
  check_inputs (self, TRUE);
}

static void
remove_clicked_cb (GtkButton        *button,
                   OnloopTriggerRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
watch_text (OnloopTriggerRow *self,
            GtkWidget        *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (widget, "changed", G_CALLBACK (text_changed_cb), self);
  /* GTK 4.8 spin buttons have no "activate" of their own: Enter is their
   * text's. */
  if (GTK_IS_SPIN_BUTTON (widget))
    {
      g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (widget)), "activate",
                        G_CALLBACK (commit_cb), self);
      g_signal_connect (widget, "value-changed", G_CALLBACK (value_changed_cb), self);
    }
  else
    g_signal_connect (widget, "activate", G_CALLBACK (commit_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, focus);
}

static GtkSpinButton *
add_spin_row (OnloopTriggerRow *self,
              const char       *title,
              const char       *subtitle,
              double            lower,
              double            upper,
              double            step,
              guint             digits,
              const char       *unit)
{
  GtkWidget *row = adw_action_row_new ();
  GtkAdjustment *adjustment = gtk_adjustment_new (0, lower, upper, step, step * 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, step, digits);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), upper > 1000 ? 12 : 5);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  watch_text (self, spin);
  if (unit != NULL)
    {
      GtkWidget *label = gtk_label_new (unit);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return GTK_SPIN_BUTTON (spin);
}

static void
build (OnloopTriggerRow *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *id_row = adw_action_row_new ();
  g_autofree char *enable_name = g_strdup_printf (_("Enable “%s”"), self->trigger->id);
  g_autofree char *remove_name = g_strdup_printf (_("Remove “%s”"), self->trigger->id);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   onloop_trigger_kind_get_label (self->trigger->kind));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         onloop_trigger_kind_get_description (self->trigger->kind));

  self->enabled = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->enabled), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->enabled), _("Enabled"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enabled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, enable_name, -1);
  g_signal_connect (self->enabled, "notify::active", G_CALLBACK (toggled_cb), self);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Trigger"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->enabled));
  gtk_box_append (GTK_BOX (header), remove);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), header);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (id_row), _("Id"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (id_row), _("The reason the runtime reports"));
  self->id_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->id_entry), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->id_entry), "monospace");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->id_entry), 14);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->id_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trigger id"), -1);
  watch_text (self, GTK_WIDGET (self->id_entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (id_row), GTK_WIDGET (self->id_entry));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), id_row);

  switch (self->trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      self->spin_a = add_spin_row (self, _("Deal size at least"),
                                   _("Annual recurring revenue"), 0, 1e12, 1000, 0,
                                   self->currency);
      g_signal_connect (self->spin_a, "output", G_CALLBACK (arr_output_cb), NULL);
      g_signal_connect (self->spin_a, "input", G_CALLBACK (arr_input_cb), NULL);
      break;

    case ONLOOP_TRIGGER_SENTIMENT:
      self->spin_a = add_spin_row (self, _("Sentiment below"),
                                   _("From −1 (very negative) through 0 (neutral) to 1 (very positive)"),
                                   -1, 1, 0.05, 2, NULL);
      g_signal_connect (self->spin_a, "input", G_CALLBACK (decimal_input_cb), NULL);
      break;

    case ONLOOP_TRIGGER_FIRST_TIME:
      {
        const char *labels[] = { N_("Industry"), N_("Persona"), N_("Objection") };

        for (guint i = 0; i < ONLOOP_N_FIRST_TIME_FIELDS; i++)
          {
            GtkWidget *row = adw_action_row_new ();
            GtkWidget *check = gtk_check_button_new ();

            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(labels[i]));
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Escalate a value never seen before"));
            gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
            gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            _(labels[i]), -1);
            g_signal_connect (check, "notify::active", G_CALLBACK (toggled_cb), self);
            adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
            self->fields[i] = GTK_CHECK_BUTTON (check);
          }
      }
      break;

    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      self->spin_a = add_spin_row (self, _("Engagement at least"),
                                   _("From 0 (none) to 1 (fully engaged), with the deal not progressing"),
                                   0, 1, 0.05, 2, NULL);
      g_signal_connect (self->spin_a, "input", G_CALLBACK (decimal_input_cb), NULL);
      self->spin_b = add_spin_row (self, _("Days in stage at least"), NULL, 0, 3650, 1, 0,
                                   _("days"));
      g_signal_connect (self->spin_b, "input", G_CALLBACK (decimal_input_cb), NULL);
      break;

    case ONLOOP_TRIGGER_ETHICAL:
      {
        GtkWidget *row = gtk_list_box_row_new ();
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *title = gtk_label_new (_("Tags"));

        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
        gtk_widget_set_margin_top (box, 10);
        gtk_widget_set_margin_bottom (box, 10);
        gtk_widget_set_margin_start (box, 12);
        gtk_widget_set_margin_end (box, 12);
        gtk_label_set_xalign (GTK_LABEL (title), 0);
        self->tags = ONLOOP_TAG_ENTRY (onloop_tag_entry_new ());
        g_signal_connect (self->tags, "changed", G_CALLBACK (tags_changed_cb), self);
        gtk_box_append (GTK_BOX (box), title);
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tags));
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      }
      break;

    default:
      break;
    }

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  self->warning_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->warning_label), "warning");
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = i == 0 ? self->error_label : self->warning_label;
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_xalign (label, 0);
      gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (label));
    }
}

static void
onloop_trigger_row_dispose (GObject *object)
{
  OnloopTriggerRow *self = ONLOOP_TRIGGER_ROW (object);

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  g_clear_pointer (&self->scope_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (onloop_trigger_row_parent_class)->dispose (object);
}

static void
onloop_trigger_row_finalize (GObject *object)
{
  OnloopTriggerRow *self = ONLOOP_TRIGGER_ROW (object);

  g_clear_pointer (&self->trigger, onloop_trigger_free);
  g_free (self->currency);
  g_strfreev (self->siblings);
  g_free (self->error);
  g_free (self->warning);

  G_OBJECT_CLASS (onloop_trigger_row_parent_class)->finalize (object);
}

static void
onloop_trigger_row_class_init (OnloopTriggerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onloop_trigger_row_dispose;
  object_class->finalize = onloop_trigger_row_finalize;

  /* (OnloopTrigger *candidate), transfer none */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* (OnloopTrigger *candidate or NULL), transfer none */
  signals[PREVIEW] = g_signal_new ("preview", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
onloop_trigger_row_init (OnloopTriggerRow *self)
{
  self->scope_checks = g_ptr_array_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "trigger");
}

GtkWidget *
onloop_trigger_row_new (const OnloopTrigger *trigger,
                        GPtrArray           *decisions,
                        const char          *currency)
{
  OnloopTriggerRow *self = g_object_new (ONLOOP_TYPE_TRIGGER_ROW, NULL);

  self->trigger = onloop_trigger_copy (trigger);
  self->currency = g_strdup (currency != NULL ? currency : "USD");
  build (self);
  onloop_trigger_row_update (self, trigger, decisions);
  return GTK_WIDGET (self);
}

const char *
onloop_trigger_row_get_id (OnloopTriggerRow *self)
{
  return self->trigger->id;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (widget == NULL || (root = gtk_widget_get_root (widget)) == NULL)
    return FALSE;
  focus = gtk_root_get_focus (root);
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
set_spin (GtkSpinButton *spin,
          double         value)
{
  if (spin == NULL || has_focus_within (GTK_WIDGET (spin)))
    return;
  /* Also redraws the text when the value is the same. */
  gtk_spin_button_set_value (spin, value);
}

static void
scope_subtitle (OnloopTriggerRow *self)
{
  guint n_checked = 0;

  for (guint i = 0; i < self->scope_checks->len; i++)
    n_checked += gtk_check_button_get_active (g_ptr_array_index (self->scope_checks, i));

  if (n_checked == 0)
    adw_expander_row_set_subtitle (self->scope_row, _("All decisions (tick some to limit it)"));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision",
                                                            "%u decisions", n_checked),
                                               n_checked);
      adw_expander_row_set_subtitle (self->scope_row, text);
    }
}

static gboolean
same_scope_keys (OnloopTriggerRow *self,
                 GPtrArray        *decisions)
{
  guint n = decisions != NULL ? decisions->len : 0;

  if (self->scope_checks->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (decisions, i);
      GtkWidget *check = g_ptr_array_index (self->scope_checks, i);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "key"), decision->key) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The decisions a trigger can be limited to. The expander is made anew
 * when the map's decisions change (rows are not taken out one by one). */
static void
rebuild_scope (OnloopTriggerRow    *self,
               const OnloopTrigger *trigger,
               GPtrArray           *decisions)
{
  if (!same_scope_keys (self, decisions))
    {
      gboolean expanded = FALSE;

      if (self->scope_row != NULL)
        {
          expanded = adw_expander_row_get_expanded (self->scope_row);
          adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->scope_row));
        }
      g_ptr_array_set_size (self->scope_checks, 0);

      self->scope_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), _("Applies To"));
      adw_expander_row_set_expanded (self->scope_row, expanded);

      for (guint i = 0; decisions != NULL && i < decisions->len; i++)
        {
          OnloopSpecDecision *decision = g_ptr_array_index (decisions, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), decision->title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), decision->key);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          decision->title, -1);
          g_object_set_data_full (G_OBJECT (check), "key", g_strdup (decision->key), g_free);
          g_signal_connect (check, "notify::active", G_CALLBACK (toggled_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (self->scope_row, row);
          g_ptr_array_add (self->scope_checks, check);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->scope_row));
    }

  for (guint i = 0; i < self->scope_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->scope_checks, i);
      const char *key = g_object_get_data (G_OBJECT (check), "key");
      gboolean active = FALSE;

      for (guint j = 0; j < trigger->decisions->len; j++)
        if (g_strcmp0 (g_ptr_array_index (trigger->decisions, j), key) == 0)
          active = TRUE;
      gtk_check_button_set_active (check, active);
    }
  scope_subtitle (self);
}

void
onloop_trigger_row_update (OnloopTriggerRow    *self,
                           const OnloopTrigger *trigger,
                           GPtrArray           *decisions)
{
  g_return_if_fail (ONLOOP_IS_TRIGGER_ROW (self));
  g_return_if_fail (trigger->kind == self->trigger->kind);

  self->updating = TRUE;
  /* A change made elsewhere (undo, restore) wins over what was typed. */
  if (!same_trigger (trigger, self->trigger))
    self->dirty = FALSE;
  onloop_trigger_free (self->trigger);
  self->trigger = onloop_trigger_copy (trigger);

  gtk_switch_set_active (self->enabled, trigger->enabled);
  if (!self->dirty && !has_focus_within (GTK_WIDGET (self->id_entry)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)), trigger->id) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->id_entry), trigger->id);

  switch (trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      if (!self->dirty)
        set_spin (self->spin_a, trigger->min_arr);
      break;
    case ONLOOP_TRIGGER_SENTIMENT:
      if (!self->dirty)
        set_spin (self->spin_a, trigger->below);
      break;
    case ONLOOP_TRIGGER_FIRST_TIME:
      for (guint i = 0; i < ONLOOP_N_FIRST_TIME_FIELDS; i++)
        gtk_check_button_set_active (self->fields[i], (trigger->fields & (1u << i)) != 0);
      break;
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      if (!self->dirty)
        {
          set_spin (self->spin_a, trigger->min_engagement);
          set_spin (self->spin_b, (double) trigger->min_days_in_stage);
        }
      break;
    case ONLOOP_TRIGGER_ETHICAL:
      {
        /* A view of the strings, not a copy that would free them. */
        g_autoptr(GPtrArray) tags = g_ptr_array_sized_new (trigger->tags->len + 1);
        for (guint i = 0; i < trigger->tags->len; i++)
          g_ptr_array_add (tags, g_ptr_array_index (trigger->tags, i));
        g_ptr_array_add (tags, NULL);
        onloop_tag_entry_set_tags (self->tags, (const char * const *) tags->pdata);
      }
      break;
    default:
      break;
    }

  if (self->scope_row == NULL || !has_focus_within (GTK_WIDGET (self->scope_row)))
    rebuild_scope (self, trigger, decisions);

  self->updating = FALSE;

  /* What is shown is what is saved: no message left from earlier typing,
   * unless the person is still at it. */
  if (!self->dirty && !has_focus_within (GTK_WIDGET (self)))
    onloop_trigger_row_set_error (self, NULL);
}

void
onloop_trigger_row_set_siblings (OnloopTriggerRow *self,
                                 GStrv             ids)
{
  g_strfreev (self->siblings);
  self->siblings = g_strdupv (ids);
}

GtkWidget *
onloop_trigger_row_get_input (OnloopTriggerRow *self,
                              const char       *name)
{
  g_return_val_if_fail (ONLOOP_IS_TRIGGER_ROW (self), NULL);

  if (g_str_equal (name, "id"))
    return GTK_WIDGET (self->id_entry);
  if (g_str_equal (name, "enabled"))
    return GTK_WIDGET (self->enabled);
  if (g_str_equal (name, "tags"))
    return GTK_WIDGET (self->tags);
  if (g_str_equal (name, "min_days_in_stage"))
    return GTK_WIDGET (self->spin_b);
  if ((g_str_equal (name, "min_arr") && self->trigger->kind == ONLOOP_TRIGGER_DEAL_SIZE) ||
      (g_str_equal (name, "below") && self->trigger->kind == ONLOOP_TRIGGER_SENTIMENT) ||
      (g_str_equal (name, "min_engagement") &&
       self->trigger->kind == ONLOOP_TRIGGER_CONFLICTING_SIGNALS))
    return GTK_WIDGET (self->spin_a);
  for (guint i = 0; i < ONLOOP_N_FIRST_TIME_FIELDS; i++)
    if (g_str_equal (name, field_names[i]))
      return self->fields[i] != NULL ? GTK_WIDGET (self->fields[i]) : NULL;
  return NULL;
}
