/* fuzz-spec.c: the System Boundary Spec parser (PRODUCT.md §3)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A spec that parsed must validate, write itself out, and read back to the
 * same spec: the written text is stable and the diff against the original
 * is empty.
 */

#include "fuzz-common.h"
#include "onloop-spec.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(OnloopSpec) spec = NULL;
  g_autoptr(OnloopSpec) again = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  spec = onloop_spec_parse ((const char *) data, size, &error);
  if (spec == NULL)
    {
      fuzz_check_error (error, ONLOOP_SPEC_ERROR, NULL);
      return 0;
    }

  FUZZ_CHECK (onloop_spec_validate (spec, &error), "a parsed spec validates");
  FUZZ_CHECK (spec->triggers->len <= ONLOOP_SPEC_MAX_TRIGGERS, "at most 61 triggers");

  json = onloop_spec_to_json (spec);
  FUZZ_CHECK (g_utf8_validate (json, -1, NULL), "the written spec is UTF-8");
  again = onloop_spec_parse (json, -1, &error);
  if (again == NULL)
    fprintf (stderr, "written spec does not parse: %s\n%s\n", error->message, json);
  FUZZ_CHECK (again != NULL, "a written spec parses");

  json_again = onloop_spec_to_json (again);
  fuzz_check_same (json, json_again, "a spec reads back to the same text");

  changes = onloop_spec_diff (spec, again);
  FUZZ_CHECK (changes->len == 0, "a spec reads back without a difference");
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = onloop_spec_diff (spec, spec);
  FUZZ_CHECK (changes->len == 0, "a spec has no difference from itself");

  return 0;
}
