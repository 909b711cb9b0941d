/* onloop-card.c: one decision on the board
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card shows its decision and turns keys into the board's actions
 * (board.move-to, board.reorder, …, each with the card's key): the Map view
 * does the work, so a key, the card menu and a drag all take the same road.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-card.h"
#include "onloop-map-view.h"

struct _OnloopCard
{
  GtkWidget       parent_instance;

  GtkLabel       *group_label;
  GtkWidget      *frame;
  GtkLabel       *title_label;
  GtkMenuButton  *menu_button;
  GtkLabel       *workflow_label;
  GtkLabel       *frequency_label;
  GtkImage       *criterion[ONLOOP_N_CRITERIA];
  GtkLabel       *badge_label;

  OnloopDecision *decision;
  gulong          notify_handler;
};

G_DEFINE_FINAL_TYPE (OnloopCard, onloop_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DECISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
answer_word (OnloopAnswer answer)
{
  switch (answer)
    {
    case ONLOOP_ANSWER_YES:
      return _("yes");
    case ONLOOP_ANSWER_NO:
      return _("no");
    case ONLOOP_ANSWER_UNANSWERED:
    default:
      return _("not answered");
    }
}

static char *
format_frequency (double per_week)
{
  if (per_week <= 0)
    return g_strdup ("");

  /* TRANSLATORS: how often a decision is made, e.g. "12/week" */
  return g_strdup_printf (_("%g/week"), per_week);
}

static void
update (OnloopCard *self)
{
  OnloopDecision *d = self->decision;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *frequency = NULL;
  g_autofree char *label = NULL;
  OnloopCategory category, suggestion;
  const char *workflow;
  gboolean badge = FALSE;

  if (d == NULL)
    return;

  category = onloop_decision_get_category (d);
  suggestion = onloop_decision_get_suggestion (d);
  workflow = onloop_decision_get_workflow (d);
  frequency = format_frequency (onloop_decision_get_frequency (d));

  gtk_label_set_text (self->title_label, onloop_decision_get_title (d));
  gtk_label_set_text (self->workflow_label, workflow != NULL ? workflow : "");
  gtk_label_set_text (self->frequency_label, frequency);

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    {
      OnloopAnswer answer = onloop_decision_get_criterion (d, i);
      GtkWidget *image = GTK_WIDGET (self->criterion[i]);
      g_autofree char *tip = g_strdup_printf ("%s: %s", onloop_criterion_get_label (i),
                                              answer_word (answer));

      const char *state = answer == ONLOOP_ANSWER_YES ? "yes" :
                          answer == ONLOOP_ANSWER_NO ? "no" : "unanswered";

      /* Restyling is the dear part of binding a recycled card: only on change. */
      if (!gtk_widget_has_css_class (image, state))
        {
          gtk_widget_remove_css_class (image, "yes");
          gtk_widget_remove_css_class (image, "no");
          gtk_widget_remove_css_class (image, "unanswered");
          gtk_widget_add_css_class (image, state);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_string_append_printf (description, "%s. ", tip);
    }

  /* The badge points at the other column; a card is never moved for it. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "mismatch");
  if (onloop_decision_has_mismatch (d))
    {
      g_autofree char *text = g_strdup_printf (_("Suggests %s"),
                                               onloop_category_get_label (suggestion));
      gtk_label_set_text (self->badge_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), "mismatch");
      badge = TRUE;
    }
  else if (category == ONLOOP_CATEGORY_UNSORTED && suggestion != ONLOOP_CATEGORY_UNSORTED)
    {
      g_autofree char *text = g_strdup_printf (_("Suggests %s"),
                                               onloop_category_get_label (suggestion));
      gtk_label_set_text (self->badge_label, text);
      badge = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), badge);
  if (badge)
    g_string_append_printf (description, "%s. ", gtk_label_get_text (self->badge_label));

  if (workflow != NULL && *workflow != '\0')
    g_string_append_printf (description, _("Workflow: %s. "), workflow);
  if (*frequency != '\0')
    g_string_append_printf (description, "%s. ", frequency);

  /* TRANSLATORS: a card's accessible name: its title and its column */
  label = g_strdup_printf (_("%s, in %s"), onloop_decision_get_title (d),
                           onloop_category_get_label (category));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/* Tooltips are made when asked for: setting tooltip text makes GTK 4.8 ask
 * the X server where the pointer is, and a scrolled list binds many cards. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  OnloopCard *self)
{
  if (widget == GTK_WIDGET (self->menu_button))
    {
      gtk_tooltip_set_text (tooltip, _("Card Menu"));
      return TRUE;
    }

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    {
      g_autofree char *tip = NULL;

      if (widget != GTK_WIDGET (self->criterion[i]) || self->decision == NULL)
        continue;

      tip = g_strdup_printf ("%s: %s", onloop_criterion_get_label (i),
                             answer_word (onloop_decision_get_criterion (self->decision, i)));
      gtk_tooltip_set_text (tooltip, tip);
      return TRUE;
    }

  return FALSE;
}

static void
decision_notify_cb (OnloopDecision *decision,
                    GParamSpec     *pspec,
                    OnloopCard     *self)
{
  update (self);
}

/* @accel shows the key that does the same from the board. */
static GMenuItem *
card_item (const char *label,
           const char *action,
           GVariant   *target,
           const char *accel)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  return item;
}

static void
append (GMenu     *menu,
        GMenuItem *item)
{
  g_menu_append_item (menu, item);
  g_object_unref (item);
}

/* The menu is made when it opens: a long column binds and rebinds cards
 * while it scrolls and most of them never show their menu. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  OnloopCard *self = ONLOOP_CARD (user_data);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();
  const char *key;
  OnloopCategory category;
  static const struct { OnloopCategory category; const char *label; const char *accel; } targets[] = {
    { ONLOOP_CATEGORY_EXECUTION, N_("Move to _Execution"), "e" },
    { ONLOOP_CATEGORY_JUDGMENT, N_("Move to _Judgment"), "j" },
    { ONLOOP_CATEGORY_UNSORTED, N_("Move to _Unsorted"), "u" },
  };

  if (self->decision == NULL)
    return;

  key = onloop_decision_get_key (self->decision);
  category = onloop_decision_get_category (self->decision);

  append (menu, card_item (_("_Open"), "board.edit", g_variant_new_string (key), "Return"));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (targets[i].category != category)
      append (moves, card_item (_(targets[i].label), "board.move-to",
                                g_variant_new ("(ss)", key,
                                               onloop_category_to_string (targets[i].category)),
                                targets[i].accel));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));

  append (order, card_item (_("Move _Up"), "board.reorder", g_variant_new ("(si)", key, -1),
                            "<Alt>Up"));
  append (order, card_item (_("Move _Down"), "board.reorder", g_variant_new ("(si)", key, 1),
                            "<Alt>Down"));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));

  if (category == ONLOOP_CATEGORY_EXECUTION)
    {
      GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ONLOOP_TYPE_MAP_VIEW);
      gboolean ready = view != NULL && onloop_map_view_can_edit_boundary (ONLOOP_MAP_VIEW (view));

      /* Until the Boundaries view can open one, the item says so. */
      append (other, card_item (ready ? _("Edit _Boundary…")
                                      : _("Edit Boundary (not available yet)"),
                                "board.edit-boundary", g_variant_new_string (key), NULL));
    }
  append (other, card_item (_("_Delete"), "board.delete", g_variant_new_string (key), "Delete"));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static gboolean
activate_with_key (OnloopCard *self,
                   const char *action,
                   GVariant   *args)
{
  const char *key;

  if (self->decision == NULL)
    return FALSE;

  key = onloop_decision_get_key (self->decision);
  if (args == NULL)
    return gtk_widget_activate_action (GTK_WIDGET (self), action, "s", key);
  if (g_variant_is_of_type (args, G_VARIANT_TYPE_STRING))
    return gtk_widget_activate_action (GTK_WIDGET (self), action, "(ss)", key,
                                       g_variant_get_string (args, NULL));

  return gtk_widget_activate_action (GTK_WIDGET (self), action, "(si)", key,
                                     g_variant_get_int32 (args));
}

static gboolean
move_to_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  return activate_with_key (ONLOOP_CARD (widget), "board.move-to", args);
}

static gboolean
reorder_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  return activate_with_key (ONLOOP_CARD (widget), "board.reorder", args);
}

static gboolean
focus_column_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  return activate_with_key (ONLOOP_CARD (widget), "board.focus-column", args);
}

static gboolean
edit_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  return activate_with_key (ONLOOP_CARD (widget), "board.edit", NULL);
}

static gboolean
delete_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return activate_with_key (ONLOOP_CARD (widget), "board.delete", NULL);
}

static gboolean
menu_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  gtk_menu_button_popup (ONLOOP_CARD (widget)->menu_button);
  return TRUE;
}

static void
onloop_card_dispose (GObject *object)
{
  OnloopCard *self = ONLOOP_CARD (object);

  onloop_card_set_decision (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_CARD);
  /* Children without an id in the template are ours to unparent. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (onloop_card_parent_class)->dispose (object);
}

static void
onloop_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OnloopCard *self = ONLOOP_CARD (object);

  switch (prop_id)
    {
    case PROP_DECISION:
      g_value_set_object (value, self->decision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OnloopCard *self = ONLOOP_CARD (object);

  switch (prop_id)
    {
    case PROP_DECISION:
      onloop_card_set_decision (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_letter (GtkWidgetClass *widget_class,
             guint           lower,
             guint           upper,
             OnloopCategory  category)
{
  gtk_widget_class_add_binding (widget_class, lower, 0, move_to_cb, "s",
                                onloop_category_to_string (category));
  gtk_widget_class_add_binding (widget_class, upper, GDK_SHIFT_MASK, move_to_cb, "s",
                                onloop_category_to_string (category));
}

static void
onloop_card_class_init (OnloopCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_card_dispose;
  object_class->get_property = onloop_card_get_property;
  object_class->set_property = onloop_card_set_property;

  properties[PROP_DECISION] =
    g_param_spec_object ("decision", NULL, NULL, ONLOOP_TYPE_DECISION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-card.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopCard, group_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopCard, frame);
  gtk_widget_class_bind_template_child (widget_class, OnloopCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, OnloopCard, workflow_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopCard, frequency_label);
  gtk_widget_class_bind_template_child_full (widget_class, "criterion_0", FALSE,
                                             G_STRUCT_OFFSET (OnloopCard, criterion[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "criterion_1", FALSE,
                                             G_STRUCT_OFFSET (OnloopCard, criterion[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "criterion_2", FALSE,
                                             G_STRUCT_OFFSET (OnloopCard, criterion[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "criterion_3", FALSE,
                                             G_STRUCT_OFFSET (OnloopCard, criterion[3]));
  gtk_widget_class_bind_template_child (widget_class, OnloopCard, badge_label);

  bind_letter (widget_class, GDK_KEY_e, GDK_KEY_E, ONLOOP_CATEGORY_EXECUTION);
  bind_letter (widget_class, GDK_KEY_j, GDK_KEY_J, ONLOOP_CATEGORY_JUDGMENT);
  bind_letter (widget_class, GDK_KEY_u, GDK_KEY_U, ONLOOP_CATEGORY_UNSORTED);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, reorder_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, reorder_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, reorder_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, reorder_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, focus_column_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, focus_column_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, focus_column_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, focus_column_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, edit_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, edit_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
onloop_card_init (OnloopCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
  g_signal_connect (self->menu_button, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    {
      gtk_widget_set_has_tooltip (GTK_WIDGET (self->criterion[i]), TRUE);
      g_signal_connect (self->criterion[i], "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
    }
}

GtkWidget *
onloop_card_new (void)
{
  return g_object_new (ONLOOP_TYPE_CARD, NULL);
}

OnloopDecision *
onloop_card_get_decision (OnloopCard *self)
{
  g_return_val_if_fail (ONLOOP_IS_CARD (self), NULL);

  return self->decision;
}

void
onloop_card_set_decision (OnloopCard     *self,
                          OnloopDecision *decision)
{
  g_return_if_fail (ONLOOP_IS_CARD (self));

  if (self->decision == decision)
    return;

  g_clear_signal_handler (&self->notify_handler, self->decision);
  g_set_object (&self->decision, decision);
  if (decision != NULL)
    {
      self->notify_handler = g_signal_connect (decision, "notify",
                                               G_CALLBACK (decision_notify_cb), self);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
}

gboolean
onloop_card_get_badge_visible (OnloopCard *self)
{
  g_return_val_if_fail (ONLOOP_IS_CARD (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->badge_label));
}

const char *
onloop_card_get_badge_text (OnloopCard *self)
{
  g_return_val_if_fail (ONLOOP_IS_CARD (self), NULL);

  return gtk_label_get_text (self->badge_label);
}

void
onloop_card_set_group_header (OnloopCard *self,
                              const char *workflow)
{
  g_return_if_fail (ONLOOP_IS_CARD (self));

  gtk_label_set_text (self->group_label, workflow != NULL ? workflow : "");
  gtk_widget_set_visible (GTK_WIDGET (self->group_label), workflow != NULL);
}

GtkWidget *
onloop_card_get_frame (OnloopCard *self)
{
  g_return_val_if_fail (ONLOOP_IS_CARD (self), NULL);

  return self->frame;
}

void
onloop_card_set_show_workflow (OnloopCard *self,
                               gboolean    show)
{
  g_return_if_fail (ONLOOP_IS_CARD (self));

  gtk_widget_set_visible (GTK_WIDGET (self->workflow_label), show);
  /* The frequency keeps to the right either way. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->frequency_label), !show);
}
