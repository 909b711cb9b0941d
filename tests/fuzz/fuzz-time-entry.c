/* fuzz-time-entry.c: manager time entries (PRODUCT.md §4)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Entries that parsed keep the rules of §4 (a manager's name, hours ≥ 0)
 * and write themselves out as a document that reads back to the same
 * text; errors name the input.
 */

#include <math.h>

#include "fuzz-common.h"
#include "onloop-time-entry.h"

#define NAME "fuzz-time"

static void
check_entries (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      OnloopTimeEntry *entry = entries->pdata[i];

      FUZZ_CHECK (entry->manager != NULL && entry->manager[0] != '\0', "a manager is named");
      FUZZ_CHECK (g_utf8_validate (entry->manager, -1, NULL), "the manager is UTF-8");
      for (guint h = 0; h < ONLOOP_N_HOURS; h++)
        FUZZ_CHECK (isfinite (entry->hours[h]) && entry->hours[h] >= 0, "hours are ≥ 0");
      FUZZ_CHECK (isfinite (onloop_time_entry_total (entry)), "the total is finite");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  entries = onloop_time_entries_parse ((const char *) data, size, NAME, &error);
  if (entries == NULL)
    {
      fuzz_check_error (error, ONLOOP_TIME_ENTRY_ERROR, NAME);
      return 0;
    }
  check_entries (entries);

  json = onloop_time_entries_to_json (entries);
  again = onloop_time_entries_parse (json, strlen (json), NAME, &error);
  if (again == NULL)
    fprintf (stderr, "written entries do not parse: %s\n%s\n", error->message, json);
  FUZZ_CHECK (again != NULL, "written entries parse");
  FUZZ_CHECK (again->len == entries->len, "written entries keep every entry");

  json_again = onloop_time_entries_to_json (again);
  fuzz_check_same (json, json_again, "entries read back to the same text");

  return 0;
}
