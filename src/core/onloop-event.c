/* onloop-event.c: one decision from the AI's decision log (PRODUCT.md §2)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-event.h"

void
onloop_event_clear (OnloopEvent *event)
{
  g_return_if_fail (event != NULL);

  g_free (event->id);
  g_free (event->at_text);
  g_free (event->decision);
  g_free (event->action);
  g_free (event->industry);
  g_free (event->persona);
  g_free (event->objection);
  g_strfreev (event->tags);
  g_free (event->extra);
  memset (event, 0, sizeof *event);
}

void
onloop_event_free (OnloopEvent *event)
{
  if (event == NULL)
    return;

  onloop_event_clear (event);
  g_free (event);
}

const char *
onloop_event_get_field (const OnloopEvent    *event,
                        OnloopFirstTimeField  field)
{
  g_return_val_if_fail (event != NULL, NULL);

  switch (field)
    {
    case ONLOOP_FIELD_INDUSTRY:
      return event->industry;
    case ONLOOP_FIELD_PERSONA:
      return event->persona;
    case ONLOOP_FIELD_OBJECTION:
      return event->objection;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Trims Unicode white space at both ends and case-folds what is left, so
 * that " Retail" and "RETAIL" are one value. Most values are plain ASCII;
 * they take a path without the full Unicode tables (same result, since the
 * case folding of ASCII is ASCII lower case). */
char *
onloop_normalize_value (const char *value)
{
  const char *start;
  const char *end;
  gboolean ascii = TRUE;

  if (value == NULL)
    return NULL;

  if (!g_utf8_validate (value, -1, NULL))
    return NULL;

  start = value;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);
      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  if (end == start)
    return NULL;

  for (const char *p = start; p < end; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      char *result = g_strndup (start, end - start);
      for (char *p = result; *p != '\0'; p++)
        *p = g_ascii_tolower (*p);
      return result;
    }

  return g_utf8_casefold (start, end - start);
}
