/* fuzz-map.c: the decision map as JSON or CSV (PRODUCT.md §5)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input goes to onloop_map_parse(), which picks JSON or CSV by its
 * first character, so one corpus covers both. A map that parsed must write
 * itself out in both formats and read back to the same text; errors name
 * the input.
 */

#include "fuzz-common.h"
#include "onloop-map-io.h"

#define NAME "fuzz-map"

static GPtrArray *
decisions_of (GPtrArray *entries)
{
  GPtrArray *decisions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < entries->len; i++)
    {
      OnloopMapEntry *entry = entries->pdata[i];

      FUZZ_CHECK (entry->decision != NULL, "an entry has a decision");
      FUZZ_CHECK (g_utf8_validate (onloop_decision_get_key (entry->decision), -1, NULL),
                  "keys are UTF-8");
      FUZZ_CHECK (g_utf8_validate (onloop_decision_get_title (entry->decision), -1, NULL),
                  "titles are UTF-8");
      g_ptr_array_add (decisions, g_object_ref (entry->decision));
    }

  return decisions;
}

static void
check_round_trip (GPtrArray       *decisions,
                  OnloopMapFormat  format)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) decisions_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  text = format == ONLOOP_MAP_FORMAT_JSON ? onloop_map_to_json (decisions)
                                          : onloop_map_to_csv (decisions);
  entries = format == ONLOOP_MAP_FORMAT_JSON
              ? onloop_map_parse_json (text, strlen (text), NAME, &error)
              : onloop_map_parse_csv (text, strlen (text), NAME, &error);
  if (entries == NULL)
    fprintf (stderr, "written map does not parse: %s\n%s\n", error->message, text);
  FUZZ_CHECK (entries != NULL, "a written map parses");
  FUZZ_CHECK (entries->len == decisions->len, "a written map keeps every decision");

  decisions_again = decisions_of (entries);
  text_again = format == ONLOOP_MAP_FORMAT_JSON ? onloop_map_to_json (decisions_again)
                                                : onloop_map_to_csv (decisions_again);
  fuzz_check_same (text, text_again, "a map reads back to the same text");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;

  entries = onloop_map_parse ((const char *) data, size, NAME, &error);
  if (entries == NULL)
    {
      fuzz_check_error (error, ONLOOP_MAP_IO_ERROR, NAME);
      return 0;
    }

  decisions = decisions_of (entries);
  check_round_trip (decisions, ONLOOP_MAP_FORMAT_JSON);
  check_round_trip (decisions, ONLOOP_MAP_FORMAT_CSV);

  return 0;
}
