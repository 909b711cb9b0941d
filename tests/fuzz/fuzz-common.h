/* fuzz-common.h: what the fuzz targets share
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with clang and
 * -fsanitize=fuzzer it is a libFuzzer binary (tests/fuzz/run-fuzzers.sh);
 * built with replay-main.c by any compiler it replays the seed corpus and
 * every regression input as a normal test.
 *
 * A target fails (abort) when the code under test crashes or breaks one of
 * the promises its header makes: errors come as a GError of the right
 * domain with a UTF-8 message naming the input, and what is written out
 * reads back to the same thing.
 */

#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Like g_assert(), but never compiled out, and it names the promise. */
#define FUZZ_CHECK(expr, what)                                          \
  G_STMT_START {                                                        \
    if (G_UNLIKELY (!(expr)))                                           \
      {                                                                 \
        fprintf (stderr, "%s:%d: broken promise: %s (%s)\n",            \
                 __FILE__, __LINE__, what, #expr);                      \
        abort ();                                                       \
      }                                                                 \
  } G_STMT_END

/* An error as the headers promise it: set, of @domain, in UTF-8. */
static inline void
fuzz_check_error (const GError *error,
                  GQuark        domain,
                  const char   *prefix)
{
  FUZZ_CHECK (error != NULL, "a failure sets the GError");
  if (error->domain != domain)
    fprintf (stderr, "unexpected error domain %s: %s\n",
             g_quark_to_string (error->domain), error->message);
  FUZZ_CHECK (error->domain == domain, "the error has the documented domain");
  FUZZ_CHECK (error->message != NULL && error->message[0] != '\0', "the error has a message");
  FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), "the error message is UTF-8");
  if (prefix != NULL)
    FUZZ_CHECK (g_str_has_prefix (error->message, prefix), "the error message names the input");
}

/* Two texts that must be equal; prints both when they are not. */
static inline void
fuzz_check_same (const char *first,
                 const char *second,
                 const char *what)
{
  if (g_strcmp0 (first, second) != 0)
    fprintf (stderr, "--- first:\n%s\n--- second:\n%s\n", first, second);
  FUZZ_CHECK (g_strcmp0 (first, second) == 0, what);
}
