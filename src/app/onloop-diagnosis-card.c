/* onloop-diagnosis-card.c: the diagnosis of one week or one range
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card says each verdict of PRODUCT.md §4 in the method's words, with
 * the figures that led to it, and lists the false negatives when there are
 * any: each one is a trigger gap to fix.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "onloop-diagnosis-card.h"

/* Beyond this, "and N more". */
#define MAX_LISTED 8

struct _OnloopDiagnosisCard
{
  GtkBox     parent_instance;

  GtkWidget *title_label;
  GtkWidget *figures_label;
  GtkWidget *verdict_box;
  GtkWidget *gaps_box;
  guint      verdicts;
  guint      false_negatives;
};

G_DEFINE_FINAL_TYPE (OnloopDiagnosisCard, onloop_diagnosis_card, GTK_TYPE_BOX)

static const char *
verdict_icon (OnloopVerdict verdict)
{
  switch (verdict)
    {
    case ONLOOP_VERDICT_ON_TARGET:
      return "emblem-ok-symbolic";
    case ONLOOP_VERDICT_TOO_LOOSE:
    case ONLOOP_VERDICT_IN_THE_LOOP:
    case ONLOOP_VERDICT_TRIGGER_GAP:
      return "dialog-error-symbolic";
    default:
      return "dialog-warning-symbolic";
    }
}

static const char *
verdict_style (OnloopVerdict verdict)
{
  switch (verdict)
    {
    case ONLOOP_VERDICT_ON_TARGET:
      return "success";
    case ONLOOP_VERDICT_TOO_LOOSE:
    case ONLOOP_VERDICT_IN_THE_LOOP:
    case ONLOOP_VERDICT_TRIGGER_GAP:
      return "error";
    default:
      return "warning";
    }
}

const char *
onloop_diagnosis_explain (OnloopVerdict verdict)
{
  switch (verdict)
    {
    case ONLOOP_VERDICT_TOO_LOOSE:
      return _("Judgment abdication: oversight is removed from decisions that need human "
               "context. Tighten the triggers until 10–15 % of decisions reach a person.");
    case ONLOOP_VERDICT_BELOW_TARGET:
      return _("Fewer decisions reach a person than in a well-calibrated system; check what "
               "slipped through before loosening further.");
    case ONLOOP_VERDICT_ON_TARGET:
      return _("A well-calibrated system pulls people in on 10–15 % of decisions.");
    case ONLOOP_VERDICT_ABOVE_TARGET:
      return _("Alert fatigue: people are pulled in more often than the exceptions need. "
               "Find the trigger that drives the rate and raise its threshold.");
    case ONLOOP_VERDICT_IN_THE_LOOP:
      return _("Judgment hoarding: triggers so broad that nearly every decision is reviewed. "
               "The team lives it as micromanagement and the AI’s speed is lost.");
    case ONLOOP_VERDICT_TOO_SENSITIVE:
      return _("When people intervene they mostly keep the AI’s recommendation: the triggers "
               "pull them in on decisions that did not need them.");
    case ONLOOP_VERDICT_TRIGGER_GAP:
      return _("Quality issues emerged without an exception. Each one is a trigger gap to fix.");
    default:
      return "";
    }
}

static GtkWidget *
wrap_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static char *
format_rate (double rate)
{
  if (isnan (rate))
    return g_strdup (C_("no rate", "—"));
  return g_strdup_printf (_("%.1f %%"), rate * 100);
}

static void
add_verdict (OnloopDiagnosisCard *self,
             OnloopVerdict        verdict)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (verdict_icon (verdict));
  g_autofree char *message = g_strdup (onloop_verdict_message (verdict));
  GtkWidget *heading;

  /* The message starts lower-case for the CLI's table; a card starts a sentence. */
  if (message != NULL && message[0] != '\0')
    {
      g_autofree char *first = g_utf8_strup (message, g_utf8_next_char (message) - message);
      char *sentence = g_strconcat (first, g_utf8_next_char (message), NULL);
      g_free (message);
      message = sentence;
    }

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, verdict_style (verdict));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  verdict == ONLOOP_VERDICT_ON_TARGET ? _("Good") : _("Problem"),
                                  -1);
  heading = wrap_label (message, "heading");
  gtk_box_append (GTK_BOX (texts), heading);
  gtk_box_append (GTK_BOX (texts), wrap_label (onloop_diagnosis_explain (verdict), NULL));
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_widget_set_name (row, onloop_verdict_id (verdict));
  gtk_box_append (GTK_BOX (self->verdict_box), row);
}

void
onloop_diagnosis_card_set_metrics (OnloopDiagnosisCard     *self,
                                   const char              *title,
                                   const OnloopWeekMetrics *metrics,
                                   const OnloopThresholds  *thresholds)
{
  g_autofree char *rate = NULL;
  g_autofree char *override = NULL;
  g_autofree char *figures = NULL;

  g_return_if_fail (ONLOOP_IS_DIAGNOSIS_CARD (self));

  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  clear_box (self->verdict_box);
  clear_box (self->gaps_box);
  gtk_widget_set_visible (self->gaps_box, FALSE);

  if (metrics == NULL || metrics->events == 0)
    {
      self->verdicts = 0;
      gtk_label_set_label (GTK_LABEL (self->figures_label), _("No decisions in this period."));
      return;
    }

  self->verdicts = metrics->verdicts;
  self->false_negatives = metrics->false_negatives;
  rate = format_rate (metrics->exception_rate);
  override = format_rate (metrics->override_rate);
  figures = g_strdup_printf (_("Exception rate %s (%'u of %'u decisions) · override rate %s "
                               "(%'u of %'u interventions) · %'u false negatives"),
                             rate, metrics->escalated, metrics->events, override,
                             metrics->overrides, metrics->interventions,
                             metrics->false_negatives);
  gtk_label_set_label (GTK_LABEL (self->figures_label), figures);

  for (guint bit = 0; bit < ONLOOP_N_VERDICTS; bit++)
    if (metrics->verdicts & (1u << bit))
      add_verdict (self, 1u << bit);

  if (metrics->drift > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("Drift: %'u decision was escalated differently by the "
                                   "runtime than the spec in force says.",
                                   "Drift: %'u decisions were escalated differently by the "
                                   "runtime than the spec in force says.", metrics->drift),
                         metrics->drift);
      GtkWidget *label = wrap_label (text, "warning");

      gtk_widget_set_name (label, "drift");
      gtk_box_append (GTK_BOX (self->verdict_box), label);
    }
  else
    gtk_box_append (GTK_BOX (self->verdict_box),
                    wrap_label (_("No drift: the runtime escalated as the spec in force says."),
                                "dim-label"));
}

void
onloop_diagnosis_card_set_false_negatives (OnloopDiagnosisCard *self,
                                           GPtrArray           *lines,
                                           guint                total)
{
  g_return_if_fail (ONLOOP_IS_DIAGNOSIS_CARD (self));

  clear_box (self->gaps_box);
  if (!(self->verdicts & ONLOOP_VERDICT_TRIGGER_GAP))
    {
      gtk_widget_set_visible (self->gaps_box, FALSE);
      return;
    }

  gtk_widget_set_visible (self->gaps_box, TRUE);
  gtk_box_append (GTK_BOX (self->gaps_box), wrap_label (_("Trigger gaps"), "heading"));
  if (lines == NULL)
    {
      gtk_box_append (GTK_BOX (self->gaps_box), wrap_label (_("Finding them…"), "dim-label"));
      return;
    }

  for (guint i = 0; i < lines->len && i < MAX_LISTED; i++)
    {
      GtkWidget *label = wrap_label (g_ptr_array_index (lines, i), "caption");

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (self->gaps_box), label);
    }
  if (total > MIN (lines->len, MAX_LISTED))
    {
      g_autofree char *more = g_strdup_printf (_("and %'u more"),
                                               total - MIN (lines->len, MAX_LISTED));
      gtk_box_append (GTK_BOX (self->gaps_box), wrap_label (more, "dim-label"));
    }
}

guint
onloop_diagnosis_card_get_verdicts (OnloopDiagnosisCard *self)
{
  return self->verdicts;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
onloop_diagnosis_card_get_text (OnloopDiagnosisCard *self)
{
  GString *text = g_string_new (NULL);

  collect_text (GTK_WIDGET (self), text);
  return g_string_free (text, FALSE);
}

static void
onloop_diagnosis_card_class_init (OnloopDiagnosisCardClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "diagnosis");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
onloop_diagnosis_card_init (OnloopDiagnosisCard *self)
{
  GtkBox *box = GTK_BOX (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 10);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "diagnosis-card");

  self->title_label = wrap_label ("", "title-4");
  self->figures_label = wrap_label ("", "numeric");
  self->verdict_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  self->gaps_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_visible (self->gaps_box, FALSE);

  gtk_box_append (box, self->title_label);
  gtk_box_append (box, self->figures_label);
  gtk_box_append (box, self->verdict_box);
  gtk_box_append (box, self->gaps_box);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
}

GtkWidget *
onloop_diagnosis_card_new (void)
{
  return g_object_new (ONLOOP_TYPE_DIAGNOSIS_CARD, NULL);
}
