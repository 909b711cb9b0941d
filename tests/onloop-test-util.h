/* onloop-test-util.h: small helpers the tests share
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A fresh folder for one test, removed at exit by the caller. */
static inline char *
onloop_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("onloop-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
onloop_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        onloop_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static inline GBytes *
onloop_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static inline void
onloop_test_write (const char *path,
                   const char *contents,
                   gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

/* Asserts that @dir holds exactly the files listed (NULL-terminated). */
static inline void
onloop_test_assert_dir_entries (const char *dir,
                                guint       n_expected)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, n_expected);
}
