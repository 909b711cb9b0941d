/* onloop-spec-write.c: the spec document as text (PRODUCT.md §3)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One fixed layout, so that two exports of the same spec are byte-identical
 * and diff well in version control.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "onloop-spec-private.h"

#define SPEC_FORMAT "onloop.spec/1"

static const char * const field_names[] = { "industry", "persona", "objection" };
G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == ONLOOP_N_FIRST_TIME_FIELDS);

/* ---- Writing ------------------------------------------------------------ */

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as @value ("-0.3", not "-0.29999…"). */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buffer, sizeof buffer, precision == 15 ? "%.15g" :
                       precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_string_array (GString   *out,
                     GPtrArray *strings)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_string (out, g_ptr_array_index (strings, i));
    }
  g_string_append_c (out, ']');
}

/* `, "min_arr": 50000` … for the kind of @trigger. */
static void
append_params (GString             *out,
               const OnloopTrigger *trigger,
               const char          *separator)
{
  switch (trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      g_string_append_printf (out, "%s\"min_arr\": ", separator);
      append_number (out, trigger->min_arr);
      break;

    case ONLOOP_TRIGGER_SENTIMENT:
      g_string_append_printf (out, "%s\"below\": ", separator);
      append_number (out, trigger->below);
      break;

    case ONLOOP_TRIGGER_FIRST_TIME:
      {
        gboolean first = TRUE;

        g_string_append_printf (out, "%s\"fields\": [", separator);
        for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
          {
            if (!(trigger->fields & (1u << f)))
              continue;
            if (!first)
              g_string_append (out, ", ");
            append_string (out, field_names[f]);
            first = FALSE;
          }
        g_string_append_c (out, ']');
      }
      break;

    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      g_string_append_printf (out, "%s\"min_engagement\": ", separator);
      append_number (out, trigger->min_engagement);
      g_string_append_printf (out, ", \"min_days_in_stage\": %" G_GINT64_FORMAT,
                              trigger->min_days_in_stage);
      break;

    case ONLOOP_TRIGGER_ETHICAL:
      g_string_append_printf (out, "%s\"tags\": ", separator);
      append_string_array (out, trigger->tags);
      break;

    default:
      g_assert_not_reached ();
    }
}

char *
onloop_trigger_params_to_json (const OnloopTrigger *trigger)
{
  GString *out = g_string_new ("{");

  append_params (out, trigger, "");
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

char *
onloop_trigger_scope_to_json (const OnloopTrigger *trigger)
{
  GString *out = g_string_new (NULL);

  append_string_array (out, trigger->decisions);
  return g_string_free (out, FALSE);
}

static void
append_items (GString    *out,
              const char *key,
              GPtrArray  *items,
              gboolean    last)
{
  g_string_append_printf (out, "      \"%s\": [", key);
  for (guint i = 0; i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);

      g_string_append (out, i == 0 ? "\n        { \"id\": " : ",\n        { \"id\": ");
      append_string (out, item->id);
      g_string_append (out, ", \"label\": ");
      append_string (out, item->label);
      g_string_append (out, " }");
    }
  g_string_append (out, items->len > 0 ? "\n      ]" : "]");
  g_string_append (out, last ? "\n" : ",\n");
}

char *
onloop_spec_to_json (OnloopSpec *self)
{
  GString *out = g_string_new ("{\n");

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append (out, "  \"format\": \"" SPEC_FORMAT "\",\n");
  if (self->version > 0)
    g_string_append_printf (out, "  \"version\": %d,\n", self->version);
  if (self->published_at != NULL)
    {
      g_string_append (out, "  \"published_at\": ");
      append_string (out, self->published_at);
      g_string_append (out, ",\n");
    }
  if (self->note != NULL)
    {
      g_string_append (out, "  \"note\": ");
      append_string (out, self->note);
      g_string_append (out, ",\n");
    }

  g_string_append (out, "  \"decisions\": [");
  for (guint i = 0; i < self->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (self->decisions, i);

      g_string_append (out, i == 0 ? "\n    {\n" : ",\n    {\n");
      g_string_append (out, "      \"key\": ");
      append_string (out, decision->key);
      g_string_append (out, ",\n      \"title\": ");
      append_string (out, decision->title);
      g_string_append_printf (out, ",\n      \"category\": \"%s\",\n",
                              onloop_category_to_string (decision->category));
      if (decision->workflow != NULL)
        {
          g_string_append (out, "      \"workflow\": ");
          append_string (out, decision->workflow);
          g_string_append (out, ",\n");
        }
      if (decision->phase != NULL)
        {
          g_string_append (out, "      \"phase\": ");
          append_string (out, decision->phase);
          g_string_append (out, ",\n");
        }
      append_items (out, "may", decision->may, FALSE);
      append_items (out, "uses", decision->uses, FALSE);
      append_items (out, "must_not", decision->must_not, TRUE);
      g_string_append (out, "    }");
    }
  g_string_append (out, self->decisions->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"triggers\": [");
  for (guint i = 0; i < self->triggers->len; i++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (self->triggers, i);

      g_string_append (out, i == 0 ? "\n    { \"id\": " : ",\n    { \"id\": ");
      append_string (out, trigger->id);
      g_string_append_printf (out, ", \"kind\": \"%s\", \"enabled\": %s",
                              onloop_trigger_kind_to_string (trigger->kind), trigger->enabled ? "true" : "false");
      append_params (out, trigger, ", ");
      if (trigger->decisions->len > 0)
        {
          g_string_append (out, ", \"decisions\": ");
          append_string_array (out, trigger->decisions);
        }
      g_string_append (out, " }");
    }
  g_string_append (out, self->triggers->len > 0 ? "\n  ]\n" : "]\n");
  g_string_append (out, "}\n");

  return g_string_free (out, FALSE);
}

/* ---- Numbers for people ------------------------------------------------- */

char *
onloop_spec_format_number (double value)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  const char *digits, *end;
  gsize int_len;

  append_number (plain, value);
  if (strchr (plain->str, 'e') != NULL)
    {
      g_string_free (out, TRUE);
      return g_strdup (plain->str);
    }

  digits = plain->str;
  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }
  end = strchr (digits, '.');
  int_len = end != NULL ? (gsize) (end - digits) : strlen (digits);

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (end != NULL)
    g_string_append (out, end);

  return g_string_free (out, FALSE);
}
