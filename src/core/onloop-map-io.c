/* onloop-map-io.c: the decision map as a JSON or CSV file (PRODUCT.md §5)
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

#include "onloop-csv.h"
#include "onloop-json-writer.h"
#include "onloop-map-io.h"
#include "onloop-slug.h"

#define MAP_FORMAT_ID "onloop.map/1"

G_DEFINE_QUARK (onloop-map-io-error-quark, onloop_map_io_error)

void
onloop_map_entry_free (OnloopMapEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_object (&entry->decision);
  g_free (entry);
}

static const char * const format_names[] = { "json", "csv" };

const char *
onloop_map_format_to_string (OnloopMapFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), "json");

  return format_names[format];
}

gboolean
onloop_map_format_from_string (const char      *text,
                               OnloopMapFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_strcmp0 (text, format_names[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
display_name (const char *name)
{
  return name != NULL ? name : _("input");
}

/* @text for a message: a value quoted from a file can be as long as the
 * file, so long ones are cut (at a character boundary) with an ellipsis. */
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

/* @where is "map.csv:4" or "map.json: decisions[3].key". */
static gboolean
check_key (const char  *key,
           const char  *where,
           GError     **error)
{
  if (*key == '\0')
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s: the key is empty"), where);
      return FALSE;
    }
  if (!onloop_slug_is_valid (key))
    {
      g_autofree char *shown = shorten (key);

      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s: “%s” is not a valid key: use lower-case letters, digits and dashes"),
                   where, shown);
      return FALSE;
    }
  return TRUE;
}

/* Remembers @key with where it first appeared; FALSE if it was already seen. */
static gboolean
remember_key (GHashTable *seen,
              const char *key,
              guint       where,
              guint      *first)
{
  gpointer value;

  if (g_hash_table_lookup_extended (seen, key, NULL, &value))
    {
      *first = GPOINTER_TO_UINT (value);
      return FALSE;
    }

  g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (where));
  return TRUE;
}

static char *
strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/* ---- JSON ---------------------------------------------------------------- */

static const char * const json_fields[] = {
  "key", "title", "category", "workflow", "description", "frequency_per_week", NULL
};

static gboolean
json_string_member (JsonObject  *object,
                    const char  *member,
                    gboolean     nullable,
                    const char  *path,
                    const char **value,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   nullable ? _("%s.%s: must be a string or null") : _("%s.%s: must be a string"),
                   path, member);
      return FALSE;
    }

  *value = json_node_get_string (node);
  /* json-glib reads escapes JSON does not have ("\101" as octal), which can
   * make bytes that are not UTF-8. */
  if (!g_utf8_validate (*value, -1, NULL))
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s.%s: not valid UTF-8 text"), path, member);
      return FALSE;
    }
  return TRUE;
}

static OnloopMapEntry *
entry_from_json (JsonNode    *node,
                 guint        index,
                 const char  *name,
                 GHashTable  *seen,
                 GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s: decisions[%u]", name, index);
  g_autoptr(OnloopDecision) decision = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GList) members = NULL;
  OnloopMapEntry *entry;
  JsonObject *object;
  const char *text;
  guint fields = 0;
  guint first;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s: must be an object"), path);
      return NULL;
    }
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (json_fields, l->data))
        {
          /* json-glib may have decoded the name into bytes that are not UTF-8. */
          g_autofree char *valid = g_utf8_make_valid (l->data, -1);
          g_autofree char *member = shorten (valid);

          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s.%s: unknown field (a map file has key, title, category, workflow, description and frequency_per_week)"),
                       path, member);
          return NULL;
        }
    }

  for (guint i = 0; i < 2; i++)
    {
      if (!json_object_has_member (object, json_fields[i]))
        {
          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s.%s: missing"), path, json_fields[i]);
          return NULL;
        }
    }

  if (!json_string_member (object, "key", FALSE, path, &text, error))
    return NULL;
  key = strip_dup (text);
  {
    g_autofree char *where = g_strdup_printf ("%s.key", path);
    if (!check_key (key, where, error))
      return NULL;
  }

  if (!json_string_member (object, "title", FALSE, path, &text, error))
    return NULL;
  title = strip_dup (text);
  if (*title == '\0')
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s.title: must not be empty"), path);
      return NULL;
    }

  decision = onloop_decision_new (key, title);

  if (json_object_has_member (object, "category"))
    {
      OnloopCategory category;

      if (!json_string_member (object, "category", FALSE, path, &text, error))
        return NULL;
      if (!onloop_category_from_string (text, &category))
        {
          g_autofree char *shown = shorten (text);

          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s.category: must be unsorted, execution or judgment, not “%s”"),
                       path, shown);
          return NULL;
        }
      onloop_decision_set_category (decision, category);
      fields |= ONLOOP_MAP_FIELD_CATEGORY;
    }

  if (json_object_has_member (object, "workflow"))
    {
      g_autofree char *workflow = NULL;

      if (!json_string_member (object, "workflow", TRUE, path, &text, error))
        return NULL;
      workflow = text != NULL ? strip_dup (text) : NULL;
      onloop_decision_set_workflow (decision, workflow != NULL && *workflow != '\0' ? workflow : NULL);
      fields |= ONLOOP_MAP_FIELD_WORKFLOW;
    }

  if (json_object_has_member (object, "description"))
    {
      if (!json_string_member (object, "description", TRUE, path, &text, error))
        return NULL;
      onloop_decision_set_description (decision, text != NULL ? text : "");
      fields |= ONLOOP_MAP_FIELD_DESCRIPTION;
    }

  if (json_object_has_member (object, "frequency_per_week"))
    {
      JsonNode *value = json_object_get_member (object, "frequency_per_week");
      GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;
      double frequency;

      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        {
          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s.frequency_per_week: must be a number ≥ 0"), path);
          return NULL;
        }
      frequency = json_node_get_double (value);
      if (!isfinite (frequency) || frequency < 0)
        {
          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s.frequency_per_week: must be a number ≥ 0"), path);
          return NULL;
        }
      onloop_decision_set_frequency (decision, frequency);
      fields |= ONLOOP_MAP_FIELD_FREQUENCY;
    }

  if (!remember_key (seen, key, index, &first))
    {
      g_autofree char *shown = shorten (key);

      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s.key: the key “%s” appears twice (first at decisions[%u])"),
                   path, shown, first);
      return NULL;
    }

  entry = g_new0 (OnloopMapEntry, 1);
  entry->decision = g_steal_pointer (&decision);
  entry->fields = fields;
  entry->line = index + 1;
  return entry;
}

GPtrArray *
onloop_map_parse_json (const char  *data,
                       gsize        len,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_map_entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *root;
  guint depth_line = 0;
  JsonNode *node;
  JsonArray *array;

  name = display_name (name);

  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_SYNTAX,
                   _("%s: the file is not valid UTF-8 text"), name);
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  /* The format nests 3 deep; a little room lets the real error show. */
  if (!onloop_json_depth_ok (data, len, 16, &depth_line))
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_SYNTAX,
                   _("%s:%u: nested too deeply to be a map file"), name, depth_line);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      /* json-glib quotes the input in its message, decoded in its own way
       * (possibly not UTF-8), and calls it "<data>"; name the file instead:
       * "map.json:2:16: Parse error: …". */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_SYNTAX,
                     "%s:%s", name, message + strlen ("<data>:"));
      else
        g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_SYNTAX,
                     _("%s: not a JSON document: %s"), name, message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s: a map file is a JSON object with “format” and “decisions”"), name);
      return NULL;
    }
  root = json_node_get_object (node);

  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_str_equal (l->data, "format") && !g_str_equal (l->data, "decisions"))
        {
          g_autofree char *valid = g_utf8_make_valid (l->data, -1);
          g_autofree char *member = shorten (valid);

          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s: %s: unknown field (a map file has format and decisions)"),
                       name, member);
          return NULL;
        }
    }

  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), MAP_FORMAT_ID))
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s: format: must be “%s”"), name, MAP_FORMAT_ID);
      return NULL;
    }

  node = json_object_get_member (root, "decisions");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s: decisions: must be an array"), name);
      return NULL;
    }
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      OnloopMapEntry *entry = entry_from_json (json_array_get_element (array, i), i, name,
                                               seen, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/* ---- CSV ----------------------------------------------------------------- */

typedef enum
{
  COLUMN_KEY,
  COLUMN_TITLE,
  COLUMN_WORKFLOW,
  COLUMN_CATEGORY,
  COLUMN_DESCRIPTION,
  COLUMN_FREQUENCY,
  N_COLUMNS
} Column;

/* The header's names; frequency_per_week is an optional extra column. */
static const char * const column_names[N_COLUMNS] = {
  "key", "title", "workflow", "category", "description", "frequency_per_week"
};

static gboolean
read_header (OnloopCsvReader *reader,
             int              columns[N_COLUMNS],
             guint           *n_cells,
             GError         **error)
{
  g_auto(GStrv) header = NULL;
  guint line = 1;

  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = -1;

  header = onloop_csv_reader_next (reader, &line, error);
  if (header == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                     _("%s:1: the file is empty; a map CSV starts with the header key,title,workflow,category,description"),
                     onloop_csv_reader_get_name (reader));
      return FALSE;
    }

  *n_cells = g_strv_length (header);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *cell = g_ascii_strdown (g_strstrip (header[i]), -1);
      guint c;

      for (c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (cell, column_names[c]))
          break;

      if (c == N_COLUMNS)
        {
          g_autofree char *shown = shorten (cell);

          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s:%u: unknown column “%s” (the header names key, title, workflow, category, description)"),
                       onloop_csv_reader_get_name (reader), line, shown);
          return FALSE;
        }
      if (columns[c] >= 0)
        {
          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s:%u: the column “%s” appears twice"),
                       onloop_csv_reader_get_name (reader), line, cell);
          return FALSE;
        }
      columns[c] = i;
    }

  for (guint c = COLUMN_KEY; c <= COLUMN_TITLE; c++)
    {
      if (columns[c] < 0)
        {
          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s:%u: the header has no “%s” column"),
                       onloop_csv_reader_get_name (reader), line, column_names[c]);
          return FALSE;
        }
    }

  return TRUE;
}

static OnloopMapEntry *
entry_from_record (GStrv        cells,
                   const int    columns[N_COLUMNS],
                   const char  *name,
                   guint        line,
                   GHashTable  *seen,
                   GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s:%u", name, line);
  g_autoptr(OnloopDecision) decision = NULL;
  g_autofree char *key = strip_dup (cells[columns[COLUMN_KEY]]);
  g_autofree char *title = strip_dup (cells[columns[COLUMN_TITLE]]);
  OnloopMapEntry *entry;
  guint fields = 0;
  guint first;

  if (!check_key (key, where, error))
    return NULL;
  if (*title == '\0')
    {
      g_autofree char *shown = shorten (key);

      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s: the decision “%s” has no title"), where, shown);
      return NULL;
    }

  decision = onloop_decision_new (key, title);

  if (columns[COLUMN_CATEGORY] >= 0)
    {
      g_autofree char *text = g_ascii_strdown (g_strstrip (cells[columns[COLUMN_CATEGORY]]), -1);
      OnloopCategory category;

      /* An empty cell leaves the category as it is. */
      if (*text != '\0')
        {
          if (!onloop_category_from_string (text, &category))
            {
              g_autofree char *shown = shorten (text);

              g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                           _("%s: the category must be unsorted, execution or judgment, not “%s”"),
                           where, shown);
              return NULL;
            }
          onloop_decision_set_category (decision, category);
          fields |= ONLOOP_MAP_FIELD_CATEGORY;
        }
    }

  if (columns[COLUMN_WORKFLOW] >= 0)
    {
      g_autofree char *workflow = strip_dup (cells[columns[COLUMN_WORKFLOW]]);

      onloop_decision_set_workflow (decision, *workflow != '\0' ? workflow : NULL);
      fields |= ONLOOP_MAP_FIELD_WORKFLOW;
    }

  if (columns[COLUMN_DESCRIPTION] >= 0)
    {
      onloop_decision_set_description (decision, cells[columns[COLUMN_DESCRIPTION]]);
      fields |= ONLOOP_MAP_FIELD_DESCRIPTION;
    }

  if (columns[COLUMN_FREQUENCY] >= 0)
    {
      g_autofree char *text = strip_dup (cells[columns[COLUMN_FREQUENCY]]);

      if (*text != '\0')
        {
          char *end = NULL;
          double frequency = g_ascii_strtod (text, &end);

          if (end == text || *end != '\0' || !isfinite (frequency) || frequency < 0)
            {
              g_autofree char *shown = shorten (text);

              g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                           _("%s: frequency_per_week must be a number ≥ 0, not “%s”"),
                           where, shown);
              return NULL;
            }
          onloop_decision_set_frequency (decision, frequency);
          fields |= ONLOOP_MAP_FIELD_FREQUENCY;
        }
    }

  if (!remember_key (seen, key, line, &first))
    {
      g_autofree char *shown = shorten (key);

      g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                   _("%s: the key “%s” appears twice (first on line %u)"), where, shown, first);
      return NULL;
    }

  entry = g_new0 (OnloopMapEntry, 1);
  entry->decision = g_steal_pointer (&decision);
  entry->fields = fields;
  entry->line = line;
  return entry;
}

GPtrArray *
onloop_map_parse_csv (const char  *data,
                      gsize        len,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_map_entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(OnloopCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  int columns[N_COLUMNS];
  guint n_cells = 0;

  name = display_name (name);
  reader = onloop_csv_reader_new (data, len, name);

  if (!read_header (reader, columns, &n_cells, &local_error))
    goto failed;

  for (;;)
    {
      g_auto(GStrv) cells = NULL;
      OnloopMapEntry *entry;
      guint line = 0;

      cells = onloop_csv_reader_next (reader, &line, &local_error);
      if (cells == NULL)
        {
          if (local_error != NULL)
            goto failed;
          break;
        }

      if (g_strv_length (cells) != n_cells)
        {
          g_set_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID,
                       _("%s:%u: %u cells, but the header has %u"),
                       name, line, g_strv_length (cells), n_cells);
          return NULL;
        }

      entry = entry_from_record (cells, columns, name, line, seen, &local_error);
      if (entry == NULL)
        goto failed;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);

failed:
  /* The CSV reader's syntax errors become ours, same message. */
  if (local_error->domain == ONLOOP_CSV_ERROR)
    g_set_error_literal (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_SYNTAX,
                         local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

GPtrArray *
onloop_map_parse (const char  *data,
                  gsize        len,
                  const char  *name,
                  GError     **error)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;

  if (i < len && (data[i] == '{' || data[i] == '['))
    return onloop_map_parse_json (data, len, name, error);

  return onloop_map_parse_csv (data, len, name, error);
}

/* ---- writing -------------------------------------------------------------- */

char *
onloop_map_to_json (GPtrArray *decisions)
{
  GString *out = g_string_new ("{\n  \"format\": \"" MAP_FORMAT_ID "\",\n  \"decisions\": [");

  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *decision = g_ptr_array_index (decisions, i);
      const char *workflow = onloop_decision_get_workflow (decision);

      g_string_append (out, i == 0 ? "\n    {\n      \"key\": " : ",\n    {\n      \"key\": ");
      onloop_json_append_string (out, onloop_decision_get_key (decision));
      g_string_append (out, ",\n      \"title\": ");
      onloop_json_append_string (out, onloop_decision_get_title (decision));
      g_string_append (out, ",\n      \"category\": ");
      onloop_json_append_string (out, onloop_category_to_string (onloop_decision_get_category (decision)));
      g_string_append (out, ",\n      \"workflow\": ");
      onloop_json_append_string (out, workflow != NULL && *workflow != '\0' ? workflow : NULL);
      g_string_append (out, ",\n      \"description\": ");
      onloop_json_append_string (out, onloop_decision_get_description (decision));
      g_string_append (out, ",\n      \"frequency_per_week\": ");
      onloop_json_append_number (out, onloop_decision_get_frequency (decision));
      g_string_append (out, "\n    }");
    }

  g_string_append (out, decisions->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}

char *
onloop_map_to_csv (GPtrArray *decisions)
{
  GString *out = g_string_new (NULL);
  const char *header[] = { "key", "title", "workflow", "category", "description" };

  onloop_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *decision = g_ptr_array_index (decisions, i);
      const char *row[] = {
        onloop_decision_get_key (decision),
        onloop_decision_get_title (decision),
        onloop_decision_get_workflow (decision),
        onloop_category_to_string (onloop_decision_get_category (decision)),
        onloop_decision_get_description (decision),
      };

      onloop_csv_append_row (out, row, G_N_ELEMENTS (row));
    }

  return g_string_free (out, FALSE);
}
