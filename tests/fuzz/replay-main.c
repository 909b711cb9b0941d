/* replay-main.c: runs a fuzz target over files, without libFuzzer
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fuzz-TARGET-replay DIR|FILE …
 *
 * Feeds every file (of each directory, in name order) to
 * LLVMFuzzerTestOneInput(), the way libFuzzer would, and reports one TAP
 * case per argument. An input that crashes the target aborts the program
 * with the file's name printed just before, so the test fails and says
 * which input did it.
 */

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
feed_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  uint8_t *copy;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      abort ();
    }

  fprintf (stderr, "# %s (%" G_GSIZE_FORMAT " bytes)\n", path, len);

  /* An exact-size copy, as libFuzzer gives it, so that reading one byte
   * past the end is caught by AddressSanitizer. */
  copy = g_malloc (MAX (len, 1));
  memcpy (copy, contents, len);
  LLVMFuzzerTestOneInput (copy, len);
  g_free (copy);
}

static guint
feed (const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      feed_file (path);
      return 1;
    }

  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    feed_file (names->pdata[i]);

  return names->len;
}

int
main (int    argc,
      char **argv)
{
  int failed = 0;

  printf ("1..%d\n", argc - 1);
  fflush (stdout);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);

      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        {
          printf ("not ok %d - %s: missing\n", i, argv[i]);
          failed++;
          continue;
        }

      /* An empty directory is fine: no regression found yet. */
      printf ("ok %d - %s: %u inputs\n", i, argv[i], feed (argv[i]));
      fflush (stdout);
    }

  return failed == 0 ? 0 : 1;
}
