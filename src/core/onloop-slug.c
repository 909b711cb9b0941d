/* onloop-slug.c: machine ids made from human labels
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-slug.h"

/**
 * onloop_slugify:
 * @text: a human label, "Send follow-ups"
 *
 * Returns: (transfer full): a slug, "send-follow-ups": lower-case ASCII
 *   letters and digits joined by single dashes; "item" when nothing is left
 */
char *
onloop_slugify (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  if (slug->len == 0)
    g_string_append (slug, "item");

  return g_string_free (slug, FALSE);
}

/* A slug: non-empty; lower-case letters, digits, '-' and '_', not starting
 * or ending with a separator. Ids in specs written by hand may use '_'. */
gboolean
onloop_slug_is_valid (const char *slug)
{
  gsize len;

  if (slug == NULL || *slug == '\0')
    return FALSE;

  len = strlen (slug);
  if (slug[0] == '-' || slug[0] == '_' || slug[len - 1] == '-' || slug[len - 1] == '_')
    return FALSE;

  for (const char *p = slug; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_'))
      return FALSE;

  return TRUE;
}
