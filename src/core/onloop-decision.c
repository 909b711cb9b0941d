/* onloop-decision.c: one recurring sales decision, a card on the map
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-decision.h"

struct _OnloopDecision
{
  GObject         parent_instance;

  char           *key;
  char           *title;
  char           *description;
  char           *workflow;
  char           *notes;
  double          frequency;
  OnloopCategory  category;
  guint           position;
  OnloopAnswer    criteria[ONLOOP_N_CRITERIA];
};

G_DEFINE_FINAL_TYPE (OnloopDecision, onloop_decision, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OnloopCategory, onloop_category,
                    G_DEFINE_ENUM_VALUE (ONLOOP_CATEGORY_UNSORTED, "unsorted"),
                    G_DEFINE_ENUM_VALUE (ONLOOP_CATEGORY_EXECUTION, "execution"),
                    G_DEFINE_ENUM_VALUE (ONLOOP_CATEGORY_JUDGMENT, "judgment"))

G_DEFINE_ENUM_TYPE (OnloopAnswer, onloop_answer,
                    G_DEFINE_ENUM_VALUE (ONLOOP_ANSWER_UNANSWERED, "unanswered"),
                    G_DEFINE_ENUM_VALUE (ONLOOP_ANSWER_YES, "yes"),
                    G_DEFINE_ENUM_VALUE (ONLOOP_ANSWER_NO, "no"))

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_WORKFLOW,
  PROP_CATEGORY,
  PROP_POSITION,
  PROP_FREQUENCY,
  PROP_NOTES,
  PROP_SUGGESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const category_names[] = { "unsorted", "execution", "judgment" };

const char *
onloop_category_to_string (OnloopCategory category)
{
  g_return_val_if_fail (category < ONLOOP_N_CATEGORIES, "unsorted");

  return category_names[category];
}

gboolean
onloop_category_from_string (const char     *text,
                             OnloopCategory *category)
{
  for (guint i = 0; i < ONLOOP_N_CATEGORIES; i++)
    {
      if (g_strcmp0 (text, category_names[i]) == 0)
        {
          *category = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
onloop_category_get_label (OnloopCategory category)
{
  switch (category)
    {
    case ONLOOP_CATEGORY_EXECUTION:
      return _("Execution");
    case ONLOOP_CATEGORY_JUDGMENT:
      return _("Judgment");
    case ONLOOP_CATEGORY_UNSORTED:
    default:
      return _("Unsorted");
    }
}

const char *
onloop_criterion_get_question (OnloopCriterion criterion)
{
  switch (criterion)
    {
    case ONLOOP_CRITERION_ROUTINE:
      return _("Is it routine and pattern-based?");
    case ONLOOP_CRITERION_LOW_STAKES:
      return _("Are the stakes low?");
    case ONLOOP_CRITERION_REVERSIBLE:
      return _("Can it be reversed?");
    case ONLOOP_CRITERION_ETHICALLY_NEUTRAL:
    default:
      return _("Is it ethically neutral?");
    }
}

const char *
onloop_criterion_get_label (OnloopCriterion criterion)
{
  switch (criterion)
    {
    case ONLOOP_CRITERION_ROUTINE:
      return _("Routine");
    case ONLOOP_CRITERION_LOW_STAKES:
      return _("Low stakes");
    case ONLOOP_CRITERION_REVERSIBLE:
      return _("Reversible");
    case ONLOOP_CRITERION_ETHICALLY_NEUTRAL:
    default:
      return _("Ethically neutral");
    }
}

static void
onloop_decision_finalize (GObject *object)
{
  OnloopDecision *self = ONLOOP_DECISION (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->workflow, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (onloop_decision_parent_class)->finalize (object);
}

static void
onloop_decision_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OnloopDecision *self = ONLOOP_DECISION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_WORKFLOW:
      g_value_set_string (value, self->workflow);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_FREQUENCY:
      g_value_set_double (value, self->frequency);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_SUGGESTION:
      g_value_set_enum (value, onloop_decision_get_suggestion (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_decision_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OnloopDecision *self = ONLOOP_DECISION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      onloop_decision_set_key (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      onloop_decision_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      onloop_decision_set_description (self, g_value_get_string (value));
      break;
    case PROP_WORKFLOW:
      onloop_decision_set_workflow (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      onloop_decision_set_category (self, g_value_get_enum (value));
      break;
    case PROP_POSITION:
      onloop_decision_set_position (self, g_value_get_uint (value));
      break;
    case PROP_FREQUENCY:
      onloop_decision_set_frequency (self, g_value_get_double (value));
      break;
    case PROP_NOTES:
      onloop_decision_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_decision_class_init (OnloopDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = onloop_decision_finalize;
  object_class->get_property = onloop_decision_get_property;
  object_class->set_property = onloop_decision_set_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_WORKFLOW] = g_param_spec_string ("workflow", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, ONLOOP_TYPE_CATEGORY,
                       ONLOOP_CATEGORY_UNSORTED, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FREQUENCY] =
    g_param_spec_double ("frequency", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_SUGGESTION] =
    g_param_spec_enum ("suggestion", NULL, NULL, ONLOOP_TYPE_CATEGORY,
                       ONLOOP_CATEGORY_UNSORTED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onloop_decision_init (OnloopDecision *self)
{
  self->key = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->notes = g_strdup ("");
}

OnloopDecision *
onloop_decision_new (const char *key,
                     const char *title)
{
  return g_object_new (ONLOOP_TYPE_DECISION, "key", key, "title", title, NULL);
}

OnloopDecision *
onloop_decision_copy (OnloopDecision *self)
{
  OnloopDecision *copy;

  g_return_val_if_fail (ONLOOP_IS_DECISION (self), NULL);

  copy = onloop_decision_new (self->key, self->title);
  onloop_decision_set_description (copy, self->description);
  onloop_decision_set_workflow (copy, self->workflow);
  onloop_decision_set_notes (copy, self->notes);
  copy->frequency = self->frequency;
  copy->category = self->category;
  copy->position = self->position;
  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    copy->criteria[i] = self->criteria[i];

  return copy;
}

gboolean
onloop_decision_equal (OnloopDecision *a,
                       OnloopDecision *b)
{
  if (g_strcmp0 (a->key, b->key) != 0 ||
      g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->description, b->description) != 0 ||
      g_strcmp0 (a->workflow, b->workflow) != 0 ||
      g_strcmp0 (a->notes, b->notes) != 0 ||
      a->frequency != b->frequency ||
      a->category != b->category ||
      a->position != b->position)
    return FALSE;

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    if (a->criteria[i] != b->criteria[i])
      return FALSE;

  return TRUE;
}

static gboolean
replace_string (OnloopDecision *self,
                char          **field,
                const char     *value,
                guint           prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

const char *
onloop_decision_get_key (OnloopDecision *self)
{
  return self->key;
}

void
onloop_decision_set_key (OnloopDecision *self,
                         const char     *key)
{
  replace_string (self, &self->key, key != NULL ? key : "", PROP_KEY);
}

const char *
onloop_decision_get_title (OnloopDecision *self)
{
  return self->title;
}

void
onloop_decision_set_title (OnloopDecision *self,
                           const char     *title)
{
  replace_string (self, &self->title, title != NULL ? title : "", PROP_TITLE);
}

const char *
onloop_decision_get_description (OnloopDecision *self)
{
  return self->description;
}

void
onloop_decision_set_description (OnloopDecision *self,
                                 const char     *description)
{
  replace_string (self, &self->description, description != NULL ? description : "",
                  PROP_DESCRIPTION);
}

/* Returns: (nullable): the workflow, %NULL when the decision has none */
const char *
onloop_decision_get_workflow (OnloopDecision *self)
{
  return self->workflow;
}

void
onloop_decision_set_workflow (OnloopDecision *self,
                              const char     *workflow)
{
  if (workflow != NULL && *workflow == '\0')
    workflow = NULL;
  replace_string (self, &self->workflow, workflow, PROP_WORKFLOW);
}

OnloopCategory
onloop_decision_get_category (OnloopDecision *self)
{
  return self->category;
}

void
onloop_decision_set_category (OnloopDecision *self,
                              OnloopCategory  category)
{
  g_return_if_fail (category < ONLOOP_N_CATEGORIES);

  if (self->category == category)
    return;

  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

guint
onloop_decision_get_position (OnloopDecision *self)
{
  return self->position;
}

void
onloop_decision_set_position (OnloopDecision *self,
                              guint           position)
{
  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

OnloopAnswer
onloop_decision_get_criterion (OnloopDecision  *self,
                               OnloopCriterion  criterion)
{
  g_return_val_if_fail (criterion < ONLOOP_N_CRITERIA, ONLOOP_ANSWER_UNANSWERED);

  return self->criteria[criterion];
}

void
onloop_decision_set_criterion (OnloopDecision  *self,
                               OnloopCriterion  criterion,
                               OnloopAnswer     answer)
{
  g_return_if_fail (criterion < ONLOOP_N_CRITERIA);

  if (self->criteria[criterion] == answer)
    return;

  self->criteria[criterion] = answer;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTION]);
}

double
onloop_decision_get_frequency (OnloopDecision *self)
{
  return self->frequency;
}

void
onloop_decision_set_frequency (OnloopDecision *self,
                               double          per_week)
{
  if (self->frequency == per_week)
    return;

  self->frequency = MAX (per_week, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREQUENCY]);
}

const char *
onloop_decision_get_notes (OnloopDecision *self)
{
  return self->notes;
}

void
onloop_decision_set_notes (OnloopDecision *self,
                           const char     *notes)
{
  replace_string (self, &self->notes, notes != NULL ? notes : "", PROP_NOTES);
}

OnloopCategory
onloop_decision_get_suggestion (OnloopDecision *self)
{
  gboolean all_yes = TRUE;

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    {
      if (self->criteria[i] == ONLOOP_ANSWER_NO)
        return ONLOOP_CATEGORY_JUDGMENT;
      if (self->criteria[i] != ONLOOP_ANSWER_YES)
        all_yes = FALSE;
    }

  return all_yes ? ONLOOP_CATEGORY_EXECUTION : ONLOOP_CATEGORY_UNSORTED;
}

/* A placed card whose criteria point to the other column. */
gboolean
onloop_decision_has_mismatch (OnloopDecision *self)
{
  OnloopCategory suggestion = onloop_decision_get_suggestion (self);

  return self->category != ONLOOP_CATEGORY_UNSORTED &&
         suggestion != ONLOOP_CATEGORY_UNSORTED &&
         suggestion != self->category;
}
