/* onloop-spec.c: the System Boundary Spec document (PRODUCT.md §3)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "onloop-slug.h"
#include "onloop-spec-private.h"
#include "onloop-time.h"

#define SPEC_FORMAT "onloop.spec/1"

G_DEFINE_BOXED_TYPE (OnloopSpec, onloop_spec, onloop_spec_ref, onloop_spec_unref)
G_DEFINE_QUARK (onloop-spec-error-quark, onloop_spec_error)

static const char * const kind_names[] = {
  "deal_size", "sentiment", "first_time", "conflicting_signals", "ethical",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == ONLOOP_N_TRIGGER_KINDS);

static const char * const reason_names[] = {
  "judgment-decision", "prohibited-action", "outside-boundary",
};
G_STATIC_ASSERT (G_N_ELEMENTS (reason_names) == ONLOOP_N_BOUNDARY_REASONS);

static const char * const field_names[] = { "industry", "persona", "objection" };
G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == ONLOOP_N_FIRST_TIME_FIELDS);

static const char * const phase_names[] = { "shadow", "exception-only", "steady" };

static const char * const list_keys[] = { "may", "uses", "must_not" };

const char *
onloop_trigger_kind_to_string (OnloopTriggerKind kind)
{
  g_return_val_if_fail (kind < ONLOOP_N_TRIGGER_KINDS, "deal_size");

  return kind_names[kind];
}

gboolean
onloop_trigger_kind_from_string (const char        *text,
                                 OnloopTriggerKind *kind)
{
  for (guint i = 0; i < ONLOOP_N_TRIGGER_KINDS; i++)
    {
      if (g_strcmp0 (text, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
onloop_boundary_reason_to_string (OnloopBoundaryReason reason)
{
  g_return_val_if_fail (reason < ONLOOP_N_BOUNDARY_REASONS, "judgment-decision");

  return reason_names[reason];
}

/* ---- Construction and copies ------------------------------------------- */

OnloopBoundaryItem *
onloop_boundary_item_new (const char *id,
                          const char *label)
{
  OnloopBoundaryItem *item = g_new0 (OnloopBoundaryItem, 1);

  item->id = g_strdup (id);
  item->label = g_strdup (label);
  return item;
}

void
onloop_boundary_item_free (OnloopBoundaryItem *item)
{
  if (item == NULL)
    return;

  g_free (item->id);
  g_free (item->label);
  g_free (item);
}

static GPtrArray *
item_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_boundary_item_free);
}

static GPtrArray *
item_list_copy (GPtrArray *items)
{
  GPtrArray *copy = item_list_new ();

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);
      g_ptr_array_add (copy, onloop_boundary_item_new (item->id, item->label));
    }

  return copy;
}

static GPtrArray *
strv_list_copy (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));

  return copy;
}

OnloopTrigger *
onloop_trigger_new (const char        *id,
                    OnloopTriggerKind  kind)
{
  OnloopTrigger *trigger = g_new0 (OnloopTrigger, 1);

  trigger->id = g_strdup (id);
  trigger->kind = kind;
  trigger->enabled = TRUE;
  trigger->tags = g_ptr_array_new_with_free_func (g_free);
  trigger->decisions = g_ptr_array_new_with_free_func (g_free);

  return trigger;
}

OnloopTrigger *
onloop_trigger_copy (const OnloopTrigger *trigger)
{
  OnloopTrigger *copy;

  g_return_val_if_fail (trigger != NULL, NULL);

  copy = g_new0 (OnloopTrigger, 1);
  *copy = *trigger;
  copy->id = g_strdup (trigger->id);
  copy->tags = strv_list_copy (trigger->tags);
  copy->decisions = strv_list_copy (trigger->decisions);

  return copy;
}

void
onloop_trigger_free (OnloopTrigger *trigger)
{
  if (trigger == NULL)
    return;

  g_free (trigger->id);
  g_clear_pointer (&trigger->tags, g_ptr_array_unref);
  g_clear_pointer (&trigger->decisions, g_ptr_array_unref);
  g_free (trigger);
}

OnloopSpecDecision *
onloop_spec_decision_new (const char     *key,
                          const char     *title,
                          OnloopCategory  category)
{
  OnloopSpecDecision *decision = g_new0 (OnloopSpecDecision, 1);

  decision->key = g_strdup (key);
  decision->title = g_strdup (title);
  decision->category = category;
  decision->may = item_list_new ();
  decision->uses = item_list_new ();
  decision->must_not = item_list_new ();

  return decision;
}

void
onloop_spec_decision_free (OnloopSpecDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->key);
  g_free (decision->title);
  g_free (decision->workflow);
  g_free (decision->phase);
  g_clear_pointer (&decision->may, g_ptr_array_unref);
  g_clear_pointer (&decision->uses, g_ptr_array_unref);
  g_clear_pointer (&decision->must_not, g_ptr_array_unref);
  g_free (decision);
}

static OnloopSpecDecision *
spec_decision_copy (const OnloopSpecDecision *decision)
{
  OnloopSpecDecision *copy = g_new0 (OnloopSpecDecision, 1);

  copy->key = g_strdup (decision->key);
  copy->title = g_strdup (decision->title);
  copy->category = decision->category;
  copy->workflow = g_strdup (decision->workflow);
  copy->phase = g_strdup (decision->phase);
  copy->may = item_list_copy (decision->may);
  copy->uses = item_list_copy (decision->uses);
  copy->must_not = item_list_copy (decision->must_not);

  return copy;
}

static GPtrArray *
decision_list (OnloopSpecDecision *decision,
               guint               list)
{
  switch (list)
    {
    case 0: return decision->may;
    case 1: return decision->uses;
    default: return decision->must_not;
    }
}

OnloopSpec *
onloop_spec_new (void)
{
  OnloopSpec *self = g_new0 (OnloopSpec, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_spec_decision_free);
  self->triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_trigger_free);

  return self;
}

OnloopSpec *
onloop_spec_ref (OnloopSpec *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
onloop_spec_unref (OnloopSpec *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->published_at);
  g_free (self->note);
  g_ptr_array_unref (self->decisions);
  g_ptr_array_unref (self->triggers);
  g_free (self);
}

OnloopSpec *
onloop_spec_copy (OnloopSpec *self)
{
  OnloopSpec *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = onloop_spec_new ();
  copy->version = self->version;
  copy->published_at = g_strdup (self->published_at);
  copy->published_usec = self->published_usec;
  copy->note = g_strdup (self->note);
  for (guint i = 0; i < self->decisions->len; i++)
    g_ptr_array_add (copy->decisions, spec_decision_copy (g_ptr_array_index (self->decisions, i)));
  for (guint i = 0; i < self->triggers->len; i++)
    g_ptr_array_add (copy->triggers, onloop_trigger_copy (g_ptr_array_index (self->triggers, i)));

  return copy;
}

OnloopSpecDecision *
onloop_spec_find_decision (OnloopSpec *self,
                           const char *key)
{
  for (guint i = 0; i < self->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (self->decisions, i);
      if (g_strcmp0 (decision->key, key) == 0)
        return decision;
    }

  return NULL;
}

int
onloop_spec_trigger_index (OnloopSpec *self,
                           const char *id)
{
  for (guint i = 0; i < self->triggers->len; i++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (self->triggers, i);
      if (g_strcmp0 (trigger->id, id) == 0)
        return i;
    }

  return -1;
}

OnloopTrigger *
onloop_spec_find_trigger (OnloopSpec *self,
                          const char *id)
{
  int index = onloop_spec_trigger_index (self, id);

  return index < 0 ? NULL : g_ptr_array_index (self->triggers, index);
}

/* ---- Validation --------------------------------------------------------- */

static gboolean G_GNUC_PRINTF (3, 4)
invalid (GError    **error,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL && *path != '\0')
    g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID, "%s: %s", path, message);
  else
    g_set_error_literal (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_INVALID, message);

  return FALSE;
}

static const char *
join_path (GString    *buffer,
           const char *prefix,
           const char *key)
{
  g_string_truncate (buffer, 0);
  if (prefix != NULL && *prefix != '\0')
    g_string_append_printf (buffer, "%s.%s", prefix, key);
  else
    g_string_append (buffer, key);
  return buffer->str;
}

static const char *
slug_rule (void)
{
  return _("must be an id of lower-case letters, digits, “-” and “_”");
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Checks the parameters of @trigger's kind; @prefix is its path. */
static gboolean
check_trigger_params (const OnloopTrigger *trigger,
                      const char          *prefix,
                      GError             **error)
{
  g_autoptr(GString) path = g_string_new (NULL);

  switch (trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      if (!isfinite (trigger->min_arr) || trigger->min_arr < 0)
        return invalid (error, join_path (path, prefix, "min_arr"), _("must be a number ≥ 0"));
      break;

    case ONLOOP_TRIGGER_SENTIMENT:
      if (!isfinite (trigger->below) || trigger->below < -1 || trigger->below > 1)
        return invalid (error, join_path (path, prefix, "below"),
                        _("must be a number between -1 and 1"));
      break;

    case ONLOOP_TRIGGER_FIRST_TIME:
      if (trigger->fields == 0 || (trigger->fields & ~7u) != 0)
        return invalid (error, join_path (path, prefix, "fields"),
                        _("must list one or more of “industry”, “persona”, “objection”"));
      break;

    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      if (!isfinite (trigger->min_engagement) ||
          trigger->min_engagement < 0 || trigger->min_engagement > 1)
        return invalid (error, join_path (path, prefix, "min_engagement"),
                        _("must be a number between 0 and 1"));
      if (trigger->min_days_in_stage < 0)
        return invalid (error, join_path (path, prefix, "min_days_in_stage"),
                        _("must be a whole number ≥ 0"));
      break;

    case ONLOOP_TRIGGER_ETHICAL:
      for (guint i = 0; trigger->tags != NULL && i < trigger->tags->len; i++)
        {
          const char *tag = g_ptr_array_index (trigger->tags, i);
          g_autofree char *tag_path = g_strdup_printf ("%s[%u]",
                                                       join_path (path, prefix, "tags"), i);

          if (is_blank (tag))
            return invalid (error, tag_path, _("must be a non-empty string"));
          for (guint j = 0; j < i; j++)
            if (g_strcmp0 (tag, g_ptr_array_index (trigger->tags, j)) == 0)
              return invalid (error, tag_path, _("“%s” is listed twice"), tag);
        }
      break;

    default:
      return invalid (error, join_path (path, prefix, "kind"), _("unknown trigger kind"));
    }

  return TRUE;
}

static gboolean
check_trigger (const OnloopTrigger *trigger,
               const char          *prefix,
               GError             **error)
{
  g_autoptr(GString) path = g_string_new (NULL);

  if (!onloop_slug_is_valid (trigger->id))
    return invalid (error, join_path (path, prefix, "id"), "%s", slug_rule ());
  if (trigger->kind >= ONLOOP_N_TRIGGER_KINDS)
    return invalid (error, join_path (path, prefix, "kind"), _("unknown trigger kind"));

  return check_trigger_params (trigger, prefix, error);
}

gboolean
onloop_trigger_validate (const OnloopTrigger *trigger,
                         GError             **error)
{
  g_return_val_if_fail (trigger != NULL, FALSE);

  return check_trigger (trigger, NULL, error);
}

static gboolean
check_items (GPtrArray  *items,
             const char *prefix,
             GError    **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);
      g_autofree char *id_path = g_strdup_printf ("%s[%u].id", prefix, i);
      g_autofree char *label_path = g_strdup_printf ("%s[%u].label", prefix, i);

      if (!onloop_slug_is_valid (item->id))
        return invalid (error, id_path, "%s", slug_rule ());
      for (guint j = 0; j < i; j++)
        {
          OnloopBoundaryItem *other = g_ptr_array_index (items, j);
          if (g_strcmp0 (other->id, item->id) == 0)
            return invalid (error, id_path, _("“%s” is already %s[%u]"), item->id, prefix, j);
        }
      if (is_blank (item->label))
        return invalid (error, label_path, _("must be a non-empty string"));
    }

  return TRUE;
}

gboolean
onloop_spec_validate (OnloopSpec *self,
                      GError    **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (self->decisions, i);
      g_autofree char *prefix = g_strdup_printf ("decisions[%u]", i);
      g_autofree char *path = NULL;
      gpointer first;

      path = g_strdup_printf ("%s.key", prefix);
      if (!onloop_slug_is_valid (decision->key))
        return invalid (error, path, "%s", slug_rule ());
      if (g_hash_table_lookup_extended (keys, decision->key, NULL, &first))
        return invalid (error, path, _("“%s” is already decisions[%u]"),
                        decision->key, GPOINTER_TO_UINT (first));
      g_hash_table_insert (keys, decision->key, GUINT_TO_POINTER (i));

      g_free (path);
      path = g_strdup_printf ("%s.title", prefix);
      if (is_blank (decision->title))
        return invalid (error, path, _("must be a non-empty string"));

      g_free (path);
      path = g_strdup_printf ("%s.category", prefix);
      if (decision->category >= ONLOOP_N_CATEGORIES)
        return invalid (error, path, _("must be “unsorted”, “execution” or “judgment”"));

      g_free (path);
      path = g_strdup_printf ("%s.workflow", prefix);
      if (decision->workflow != NULL && is_blank (decision->workflow))
        return invalid (error, path, _("must be a non-empty string or null"));

      g_free (path);
      path = g_strdup_printf ("%s.phase", prefix);
      if (decision->phase != NULL)
        {
          gboolean known = FALSE;

          for (guint p = 0; p < G_N_ELEMENTS (phase_names); p++)
            known |= g_str_equal (decision->phase, phase_names[p]);
          if (!known)
            return invalid (error, path, _("must be “shadow”, “exception-only” or “steady”"));
          if (decision->workflow == NULL)
            return invalid (error, path, _("a phase needs a workflow"));
        }

      for (guint l = 0; l < G_N_ELEMENTS (list_keys); l++)
        {
          g_free (path);
          path = g_strdup_printf ("%s.%s", prefix, list_keys[l]);
          if (!check_items (decision_list (decision, l), path, error))
            return FALSE;
        }
    }

  if (self->triggers->len > ONLOOP_SPEC_MAX_TRIGGERS)
    return invalid (error, "triggers", _("a spec has at most %d triggers"),
                    ONLOOP_SPEC_MAX_TRIGGERS);

  for (guint i = 0; i < self->triggers->len; i++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (self->triggers, i);
      g_autofree char *prefix = g_strdup_printf ("triggers[%u]", i);
      gpointer first;

      if (!check_trigger (trigger, prefix, error))
        return FALSE;
      if (g_hash_table_lookup_extended (ids, trigger->id, NULL, &first))
        {
          g_autofree char *path = g_strdup_printf ("%s.id", prefix);
          return invalid (error, path, _("“%s” is already triggers[%u]"),
                          trigger->id, GPOINTER_TO_UINT (first));
        }
      g_hash_table_insert (ids, trigger->id, GUINT_TO_POINTER (i));

      for (guint j = 0; j < trigger->decisions->len; j++)
        {
          const char *key = g_ptr_array_index (trigger->decisions, j);
          g_autofree char *path = g_strdup_printf ("%s.decisions[%u]", prefix, j);

          if (!g_hash_table_contains (keys, key))
            return invalid (error, path, _("“%s” is not a decision of this spec"), key);
          for (guint k = 0; k < j; k++)
            if (g_str_equal (key, g_ptr_array_index (trigger->decisions, k)))
              return invalid (error, path, _("“%s” is listed twice"), key);
        }
    }

  return TRUE;
}

/* ---- Parsing ------------------------------------------------------------ */

static gboolean
get_number (JsonNode *node,
            double   *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;

  return isfinite (*value);
}

static const char *
get_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* json-glib accepts escapes JSON does not have ("\202" as octal) and can
 * decode them into bytes that are not UTF-8; the input was valid UTF-8, so
 * any such string or name came from one. Refuses it with its path. */
static gboolean
check_text (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          g_autofree char *child = NULL;

          if (!g_utf8_validate (name, -1, NULL))
            {
              invalid (error, path, _("a field name is not valid UTF-8 text"));
              return FALSE;
            }
          child = *path != '\0' ? g_strconcat (path, ".", name, NULL) : g_strdup (name);
          if (!check_text (json_object_get_member (object, name), child, error))
            return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

          if (!check_text (json_array_get_element (array, i), child, error))
            return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           !g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      invalid (error, path, _("not valid UTF-8 text"));
      return FALSE;
    }

  return TRUE;
}

/* Refuses a member of @object not in @allowed (NULL-terminated). */
static gboolean
check_members (JsonObject         *object,
               const char         *prefix,
               const char * const *allowed,
               const char         *why,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; allowed[i] != NULL && !known; i++)
        known = g_str_equal (l->data, allowed[i]);

      if (!known)
        {
          g_autoptr(GString) path = g_string_new (NULL);
          return invalid (error, join_path (path, prefix, l->data), "%s", why);
        }
    }

  return TRUE;
}

static const char * const param_names[][3] = {
  { "min_arr", NULL },
  { "below", NULL },
  { "fields", NULL },
  { "min_engagement", "min_days_in_stage", NULL },
  { "tags", NULL },
};

/* Reads the parameters of @trigger->kind from @object (the trigger object
 * in a document, or the params column); refuses missing ones. */
static gboolean
parse_params (JsonObject    *object,
              OnloopTrigger *trigger,
              const char    *prefix,
              GError       **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  JsonNode *node;

  switch (trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      node = json_object_get_member (object, "min_arr");
      if (!get_number (node, &trigger->min_arr))
        return invalid (error, join_path (path, prefix, "min_arr"), _("must be a number ≥ 0"));
      break;

    case ONLOOP_TRIGGER_SENTIMENT:
      node = json_object_get_member (object, "below");
      if (!get_number (node, &trigger->below))
        return invalid (error, join_path (path, prefix, "below"),
                        _("must be a number between -1 and 1"));
      break;

    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      {
        double days;

        node = json_object_get_member (object, "min_engagement");
        if (!get_number (node, &trigger->min_engagement))
          return invalid (error, join_path (path, prefix, "min_engagement"),
                          _("must be a number between 0 and 1"));
        node = json_object_get_member (object, "min_days_in_stage");
        if (!get_number (node, &days) || days < 0 || days != floor (days) || days > 1e15)
          return invalid (error, join_path (path, prefix, "min_days_in_stage"),
                          _("must be a whole number ≥ 0"));
        trigger->min_days_in_stage = (gint64) days;
      }
      break;

    case ONLOOP_TRIGGER_FIRST_TIME:
      {
        JsonArray *array;

        node = json_object_get_member (object, "fields");
        if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
          return invalid (error, join_path (path, prefix, "fields"),
                          _("must list one or more of “industry”, “persona”, “objection”"));
        array = json_node_get_array (node);
        trigger->fields = 0;
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            const char *name = get_string (json_array_get_element (array, i));
            g_autofree char *item_path = g_strdup_printf ("%s[%u]",
                                                          join_path (path, prefix, "fields"), i);
            guint bit = 0;

            for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
              if (g_strcmp0 (name, field_names[f]) == 0)
                bit = 1u << f;
            if (bit == 0)
              return invalid (error, item_path,
                              _("must be “industry”, “persona” or “objection”"));
            if (trigger->fields & bit)
              return invalid (error, item_path, _("“%s” is listed twice"), name);
            trigger->fields |= bit;
          }
      }
      break;

    case ONLOOP_TRIGGER_ETHICAL:
      {
        JsonArray *array;

        node = json_object_get_member (object, "tags");
        if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
          return invalid (error, join_path (path, prefix, "tags"),
                          _("must be an array of strings"));
        array = json_node_get_array (node);
        g_ptr_array_set_size (trigger->tags, 0);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            const char *tag = get_string (json_array_get_element (array, i));

            if (tag == NULL)
              {
                g_autofree char *item_path = g_strdup_printf ("%s[%u]",
                                                              join_path (path, prefix, "tags"), i);
                return invalid (error, item_path, _("must be a non-empty string"));
              }
            g_ptr_array_add (trigger->tags, g_strdup (tag));
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return check_trigger_params (trigger, prefix, error);
}

static gboolean
parse_string_list (JsonNode   *node,
                   GPtrArray  *into,
                   const char *path,
                   GError    **error)
{
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, path, _("must be an array of decision keys"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *key = get_string (json_array_get_element (array, i));

      if (key == NULL)
        {
          g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
          return invalid (error, item_path, _("must be a decision key"));
        }
      g_ptr_array_add (into, g_strdup (key));
    }

  return TRUE;
}

static OnloopTrigger *
parse_trigger (JsonNode   *node,
               const char *prefix,
               GError    **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  OnloopTrigger *trigger;
  JsonObject *object;
  OnloopTriggerKind kind;
  const char *id, *kind_name;
  JsonNode *member;
  const char *allowed[8] = { "id", "kind", "enabled", "decisions" };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, prefix, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  id = get_string (json_object_get_member (object, "id"));
  if (id == NULL || !onloop_slug_is_valid (id))
    {
      invalid (error, join_path (path, prefix, "id"), "%s", slug_rule ());
      return NULL;
    }

  member = json_object_get_member (object, "kind");
  kind_name = get_string (member);
  if (!onloop_trigger_kind_from_string (kind_name, &kind))
    {
      if (kind_name == NULL)
        invalid (error, join_path (path, prefix, "kind"),
                 _("must be one of deal_size, sentiment, first_time, conflicting_signals, ethical"));
      else
        invalid (error, join_path (path, prefix, "kind"),
                 _("unknown trigger kind “%s” (deal_size, sentiment, first_time, "
                   "conflicting_signals, ethical)"), kind_name);
      return NULL;
    }

  for (guint i = 0; param_names[kind][i] != NULL; i++)
    allowed[4 + i] = param_names[kind][i];
  if (!check_members (object, prefix, (const char * const *) allowed,
                      _("not a field of this trigger kind"), error))
    return NULL;

  trigger = onloop_trigger_new (id, kind);

  member = json_object_get_member (object, "enabled");
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        {
          invalid (error, join_path (path, prefix, "enabled"), _("must be true or false"));
          goto failed;
        }
      trigger->enabled = json_node_get_boolean (member);
    }

  if (!parse_string_list (json_object_get_member (object, "decisions"), trigger->decisions,
                          join_path (path, prefix, "decisions"), error))
    goto failed;

  if (!parse_params (object, trigger, prefix, error))
    goto failed;

  return trigger;

failed:
  onloop_trigger_free (trigger);
  return NULL;
}

static gboolean
parse_items (JsonObject *object,
             const char *key,
             GPtrArray  *into,
             const char *prefix,
             GError    **error)
{
  g_autofree char *path = g_strdup_printf ("%s.%s", prefix, key);
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;
  static const char * const allowed[] = { "id", "label", NULL };

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, path, _("must be an array of {\"id\", \"label\"} objects"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      g_autofree char *id_path = g_strdup_printf ("%s.id", item_path);
      g_autofree char *label_path = g_strdup_printf ("%s.label", item_path);
      JsonObject *item;
      const char *id, *label;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, item_path, _("must be an object with “id” and “label”"));
      item = json_node_get_object (element);
      if (!check_members (item, item_path, allowed, _("unknown field"), error))
        return FALSE;

      id = get_string (json_object_get_member (item, "id"));
      if (id == NULL)
        return invalid (error, id_path, "%s", slug_rule ());
      label = get_string (json_object_get_member (item, "label"));
      if (label == NULL)
        return invalid (error, label_path, _("must be a non-empty string"));

      g_ptr_array_add (into, onloop_boundary_item_new (id, label));
    }

  return TRUE;
}

static OnloopSpecDecision *
parse_decision (JsonNode   *node,
                const char *prefix,
                GError    **error)
{
  static const char * const allowed[] = {
    "key", "title", "category", "workflow", "phase", "may", "uses", "must_not", NULL
  };
  g_autoptr(GString) path = g_string_new (NULL);
  OnloopSpecDecision *decision;
  JsonObject *object;
  OnloopCategory category;
  const char *key, *title, *text;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, prefix, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (object, prefix, allowed, _("unknown field"), error))
    return NULL;

  key = get_string (json_object_get_member (object, "key"));
  if (key == NULL)
    {
      invalid (error, join_path (path, prefix, "key"), "%s", slug_rule ());
      return NULL;
    }
  title = get_string (json_object_get_member (object, "title"));
  if (title == NULL)
    {
      invalid (error, join_path (path, prefix, "title"), _("must be a non-empty string"));
      return NULL;
    }
  text = get_string (json_object_get_member (object, "category"));
  if (!onloop_category_from_string (text, &category))
    {
      invalid (error, join_path (path, prefix, "category"),
               _("must be “unsorted”, “execution” or “judgment”"));
      return NULL;
    }

  decision = onloop_spec_decision_new (key, title, category);

  member = json_object_get_member (object, "workflow");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if ((text = get_string (member)) == NULL)
        {
          invalid (error, join_path (path, prefix, "workflow"),
                   _("must be a non-empty string or null"));
          goto failed;
        }
      decision->workflow = g_strdup (text);
    }

  member = json_object_get_member (object, "phase");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if ((text = get_string (member)) == NULL)
        {
          invalid (error, join_path (path, prefix, "phase"),
                   _("must be “shadow”, “exception-only” or “steady”"));
          goto failed;
        }
      decision->phase = g_strdup (text);
    }

  for (guint l = 0; l < G_N_ELEMENTS (list_keys); l++)
    if (!parse_items (object, list_keys[l], decision_list (decision, l), prefix, error))
      goto failed;

  return decision;

failed:
  onloop_spec_decision_free (decision);
  return NULL;
}

/* json-glib parses recursively: a file nested a hundred thousand levels
 * deep would overflow the stack. A spec is five levels deep; refuse
 * anything deeper than this before the parser sees it. */
#define MAX_DEPTH 64

static gboolean
check_depth (const char *data,
             gsize       length,
             GError    **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_SYNTAX,
                           _("line %u: nested more than %d levels deep"), line, MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

OnloopSpec *
onloop_spec_parse (const char *data,
                   gssize      length,
                   GError    **error)
{
  static const char * const allowed[] = {
    "format", "version", "published_at", "note", "decisions", "triggers", NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(OnloopSpec) spec = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *format;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_SYNTAX,
                           _("not valid UTF-8"));
      return NULL;
    }

  if (!check_depth (data, length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the text it choked on, which may be a byte that
       * its own escapes ("\222") made. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_SYNTAX,
                   _("not valid JSON: %s"), message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL)
    {
      g_set_error_literal (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_SYNTAX,
                           _("empty: not a JSON document"));
      return NULL;
    }
  if (!check_text (node, "", error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, NULL, _("a spec must be a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  format = get_string (json_object_get_member (root, "format"));
  if (g_strcmp0 (format, SPEC_FORMAT) != 0)
    {
      invalid (error, "format", _("must be “%s”"), SPEC_FORMAT);
      return NULL;
    }
  if (!check_members (root, NULL, allowed, _("unknown field"), error))
    return NULL;

  spec = onloop_spec_new ();

  /* Kept when present (a version's own file), ignored by import. */
  node = json_object_get_member (root, "version");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      double version;

      if (!get_number (node, &version) || version < 1 || version != floor (version) ||
          version > G_MAXINT)
        {
          invalid (error, "version", _("must be a whole number ≥ 1"));
          return NULL;
        }
      spec->version = (int) version;
    }

  node = json_object_get_member (root, "published_at");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      const char *text = get_string (node);

      if (text == NULL || !onloop_time_parse_rfc3339 (text, strlen (text), &spec->published_usec))
        {
          invalid (error, "published_at", _("must be an RFC 3339 time, like 2026-11-02T09:00:00Z"));
          return NULL;
        }
      spec->published_at = g_strdup (text);
    }

  node = json_object_get_member (root, "note");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      const char *text = get_string (node);

      if (text == NULL)
        {
          invalid (error, "note", _("must be a string"));
          return NULL;
        }
      spec->note = g_strdup (text);
    }

  node = json_object_get_member (root, "decisions");
  if (node != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          invalid (error, "decisions", _("must be an array"));
          return NULL;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *prefix = g_strdup_printf ("decisions[%u]", i);
          OnloopSpecDecision *decision;

          decision = parse_decision (json_array_get_element (array, i), prefix, error);
          if (decision == NULL)
            return NULL;
          g_ptr_array_add (spec->decisions, decision);
        }
    }

  node = json_object_get_member (root, "triggers");
  if (node != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          invalid (error, "triggers", _("must be an array"));
          return NULL;
        }
      array = json_node_get_array (node);
      if (json_array_get_length (array) > ONLOOP_SPEC_MAX_TRIGGERS)
        {
          invalid (error, "triggers", _("a spec has at most %d triggers"),
                   ONLOOP_SPEC_MAX_TRIGGERS);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *prefix = g_strdup_printf ("triggers[%u]", i);
          OnloopTrigger *trigger;

          trigger = parse_trigger (json_array_get_element (array, i), prefix, error);
          if (trigger == NULL)
            return NULL;
          g_ptr_array_add (spec->triggers, trigger);
        }
    }

  if (!onloop_spec_validate (spec, error))
    return NULL;

  return g_steal_pointer (&spec);
}

OnloopSpec *
onloop_spec_load_file (const char *path,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  OnloopSpec *spec;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ONLOOP_SPEC_ERROR, ONLOOP_SPEC_ERROR_SYNTAX, "%s", local_error->message);
      return NULL;
    }

  spec = onloop_spec_parse (contents, length, &local_error);
  if (spec == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   path, local_error->message);
      return NULL;
    }

  return spec;
}

gboolean
onloop_trigger_params_from_json (OnloopTrigger *trigger,
                                 const char    *json,
                                 GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, NULL, _("trigger parameters must be a JSON object"));

  return parse_params (json_node_get_object (root), trigger, NULL, error);
}

gboolean
onloop_trigger_scope_from_json (OnloopTrigger *trigger,
                                const char    *json,
                                GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;

  g_ptr_array_set_size (trigger->decisions, 0);
  return parse_string_list (json_parser_get_root (parser), trigger->decisions, "decisions", error);
}
