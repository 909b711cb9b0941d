/* onloop-time-entry.c: a manager's hours in one week (PRODUCT.md §4)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "onloop-json-writer.h"
#include "onloop-time-entry.h"

G_DEFINE_QUARK (onloop-time-entry-error-quark, onloop_time_entry_error)

static const char * const field_names[ONLOOP_N_HOURS] = {
  "execution_oversight", "exception_handling", "strategy",
  "coaching", "relationship_repair", "other",
};

static const char * const field_labels[ONLOOP_N_HOURS] = {
  N_("Execution oversight"), N_("Exception handling"), N_("Strategy"),
  N_("Coaching"), N_("Relationship repair"), N_("Other"),
};

const char *
onloop_time_entry_field_name (OnloopHours hours)
{
  g_return_val_if_fail (hours < ONLOOP_N_HOURS, "other");

  return field_names[hours];
}

const char *
onloop_time_entry_field_label (OnloopHours hours)
{
  g_return_val_if_fail (hours < ONLOOP_N_HOURS, "");

  return _(field_labels[hours]);
}

OnloopTimeEntry *
onloop_time_entry_new (OnloopWeek  week,
                       const char *manager)
{
  OnloopTimeEntry *entry = g_new0 (OnloopTimeEntry, 1);

  entry->week = week;
  entry->manager = g_strdup (manager);
  return entry;
}

OnloopTimeEntry *
onloop_time_entry_copy (const OnloopTimeEntry *entry)
{
  OnloopTimeEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->manager = g_strdup (entry->manager);
  return copy;
}

void
onloop_time_entry_free (OnloopTimeEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->manager);
  g_free (entry);
}

double
onloop_time_entry_total (const OnloopTimeEntry *entry)
{
  double total = 0;

  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    total += entry->hours[i];
  return total;
}

double
onloop_time_entry_judgment (const OnloopTimeEntry *entry)
{
  return entry->hours[ONLOOP_HOURS_EXCEPTION_HANDLING] + entry->hours[ONLOOP_HOURS_STRATEGY] +
         entry->hours[ONLOOP_HOURS_COACHING] + entry->hours[ONLOOP_HOURS_RELATIONSHIP_REPAIR];
}

/* @text for a message, cut (at a character boundary) when long. */
static char *
shorten (const char *text)
{
  const gsize max_chars = 40;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, max_chars + 1) <= (glong) max_chars)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, max_chars);
  return g_strconcat (start, "…", NULL);
}

static void
set_invalid (GError    **error,
             const char *name,
             const char *path,
             const char *field,
             const char *message)
{
  const char *sep = *path != '\0' ? "." : "";

  if (field != NULL)
    g_set_error (error, ONLOOP_TIME_ENTRY_ERROR, ONLOOP_TIME_ENTRY_ERROR_INVALID,
                 "%s: %s%s%s: %s", name, path, sep, field, message);
  else
    g_set_error (error, ONLOOP_TIME_ENTRY_ERROR, ONLOOP_TIME_ENTRY_ERROR_INVALID,
                 "%s: %s: %s", name, *path != '\0' ? path : _("the document"), message);
}

static gboolean
is_known_field (const char *member)
{
  if (g_str_equal (member, "week") || g_str_equal (member, "manager"))
    return TRUE;

  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    if (g_str_equal (member, field_names[i]))
      return TRUE;

  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* @path is "" for a single object, "[3]" in an array. */
static OnloopTimeEntry *
entry_from_json (JsonNode    *node,
                 const char  *name,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(OnloopTimeEntry) entry = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *manager = NULL;
  JsonObject *object;
  const char *text;
  OnloopWeek week;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, name, path, NULL, _("must be an object with week, manager and hours"));
      return NULL;
    }
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!is_known_field (l->data))
        {
          /* json-glib may have decoded the name into bytes that are not UTF-8. */
          g_autofree char *valid = g_utf8_make_valid (l->data, -1);
          g_autofree char *member = shorten (valid);

          set_invalid (error, name, path, member,
                       _("unknown field (the hours are execution_oversight, exception_handling, strategy, coaching, relationship_repair and other)"));
          return NULL;
        }
    }

  text = string_member (object, "week");
  if (!json_object_has_member (object, "week"))
    {
      set_invalid (error, name, path, "week", _("missing"));
      return NULL;
    }
  if (text == NULL || !onloop_week_parse (text, &week))
    {
      set_invalid (error, name, path, "week", _("must be an ISO week like “2026-W45”"));
      return NULL;
    }

  if (!json_object_has_member (object, "manager"))
    {
      set_invalid (error, name, path, "manager", _("missing"));
      return NULL;
    }
  text = string_member (object, "manager");
  manager = text != NULL ? g_strstrip (g_strdup (text)) : NULL;
  if (manager == NULL || *manager == '\0')
    {
      set_invalid (error, name, path, "manager", _("must be a non-empty string"));
      return NULL;
    }
  /* json-glib reads escapes JSON does not have ("\101" as octal), which can
   * make bytes that are not UTF-8. */
  if (!g_utf8_validate (manager, -1, NULL))
    {
      set_invalid (error, name, path, "manager", _("not valid UTF-8 text"));
      return NULL;
    }

  entry = onloop_time_entry_new (week, manager);

  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    {
      JsonNode *value = json_object_get_member (object, field_names[i]);
      GType type;

      if (value == NULL)
        continue;

      type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;
      if ((type != G_TYPE_INT64 && type != G_TYPE_DOUBLE) ||
          !isfinite (json_node_get_double (value)) || json_node_get_double (value) < 0)
        {
          set_invalid (error, name, path, field_names[i], _("must be a number ≥ 0"));
          return NULL;
        }
      entry->hours[i] = json_node_get_double (value);
    }

  return g_steal_pointer (&entry);
}

GPtrArray *
onloop_time_entries_parse (const char  *data,
                           gsize        len,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_time_entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  guint depth_line = 0;

  if (name == NULL)
    name = _("input");

  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, ONLOOP_TIME_ENTRY_ERROR, ONLOOP_TIME_ENTRY_ERROR_SYNTAX,
                   _("%s: the file is not valid UTF-8 text"), name);
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  /* The format nests 2 deep; a little room lets the real error show. */
  if (!onloop_json_depth_ok (data, len, 16, &depth_line))
    {
      g_set_error (error, ONLOOP_TIME_ENTRY_ERROR, ONLOOP_TIME_ENTRY_ERROR_SYNTAX,
                   _("%s:%u: nested too deeply to be a time-entry file"), name, depth_line);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      /* json-glib quotes the input in its message, decoded in its own way
       * (possibly not UTF-8), and calls it "<data>"; name the file instead:
       * "map.json:2:16: Parse error: …". */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, ONLOOP_TIME_ENTRY_ERROR, ONLOOP_TIME_ENTRY_ERROR_SYNTAX,
                     "%s:%s", name, message + strlen ("<data>:"));
      else
        g_set_error (error, ONLOOP_TIME_ENTRY_ERROR, ONLOOP_TIME_ENTRY_ERROR_SYNTAX,
                     _("%s: not a JSON document: %s"), name, message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("[%u]", i);
          g_autofree char *key = NULL;
          OnloopTimeEntry *entry;
          gpointer first;

          entry = entry_from_json (json_array_get_element (array, i), name, path, error);
          if (entry == NULL)
            return NULL;
          g_ptr_array_add (entries, entry);

          key = g_strdup_printf ("%d\n%s", entry->week, entry->manager);
          if (g_hash_table_lookup_extended (seen, key, NULL, &first))
            {
              g_autofree char *week = onloop_week_format (entry->week);
              g_autofree char *message =
                g_strdup_printf (_("%s already has an entry for %s at [%u]"),
                                 entry->manager, week, GPOINTER_TO_UINT (first));
              set_invalid (error, name, path, NULL, message);
              return NULL;
            }
          g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (i));
        }
    }
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      OnloopTimeEntry *entry = entry_from_json (root, name, "", error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  else
    {
      set_invalid (error, name, "", NULL,
                   _("a time-entry file is one JSON object or an array of them"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

char *
onloop_time_entries_to_json (GPtrArray *entries)
{
  GString *out = g_string_new ("[");

  /* One entry a line, as the format's example writes it. */
  for (guint i = 0; i < entries->len; i++)
    {
      const OnloopTimeEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *week = onloop_week_format (entry->week);

      g_string_append (out, i == 0 ? "\n  {\"week\": " : ",\n  {\"week\": ");
      onloop_json_append_string (out, week);
      g_string_append (out, ", \"manager\": ");
      onloop_json_append_string (out, entry->manager);
      for (guint h = 0; h < ONLOOP_N_HOURS; h++)
        {
          g_string_append_printf (out, ", \"%s\": ", field_names[h]);
          onloop_json_append_number (out, entry->hours[h]);
        }
      g_string_append_c (out, '}');
    }

  g_string_append (out, entries->len > 0 ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}
