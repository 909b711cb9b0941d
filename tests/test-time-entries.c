/* test-time-entries.c: manager time entries (PRODUCT.md §4)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-store-time-entry.h"
#include "onloop-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  OnloopStore *store;
  guint        changes;
  guint        last_change;
} Fixture;

static void
on_changed (OnloopStore *store,
            guint        change,
            Fixture     *f)
{
  f->changes++;
  f->last_change = change;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "time.onloop", NULL);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static OnloopWeek
week (const char *text)
{
  OnloopWeek w = 0;

  g_assert_true (onloop_week_parse (text, &w));
  return w;
}

/* "2026-W45 Dana 6/3/4/5/2/0" per entry, joined by "; ". */
static char *
describe (GPtrArray *entries)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      OnloopTimeEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *w = onloop_week_format (e->week);

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s %s", w, e->manager);
      for (guint h = 0; h < ONLOOP_N_HOURS; h++)
        g_string_append_printf (out, "%c%g", h == 0 ? ' ' : '/', e->hours[h]);
    }

  return g_string_free (out, FALSE);
}

static void
test_parse_object_and_array (void)
{
  const char one[] =
    "{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"execution_oversight\": 6, \"exception_handling\": 3,"
    " \"strategy\": 4, \"coaching\": 5, \"relationship_repair\": 2, \"other\": 0}";
  const char many[] =
    "\xEF\xBB\xBF[{\"week\": \"2026-W44\", \"manager\": \" Sam \", \"strategy\": 1.5},"
    " {\"week\": \"2026-W45\", \"manager\": \"Sam\"}]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = onloop_time_entries_parse (one, sizeof one - 1, "t.json", &error);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert_no_error (error);
  text = describe (entries);
  g_assert_cmpstr (text, ==, "2026-W45 Dana 6/3/4/5/2/0");
  g_assert_cmpfloat (onloop_time_entry_total (g_ptr_array_index (entries, 0)), ==, 20);
  g_assert_cmpfloat (onloop_time_entry_judgment (g_ptr_array_index (entries, 0)), ==, 14);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  /* Missing hours are 0; the manager's name is trimmed. */
  entries = onloop_time_entries_parse (many, sizeof many - 1, "t.json", &error);
  g_assert_no_error (error);
  text = describe (entries);
  g_assert_cmpstr (text, ==, "2026-W44 Sam 0/0/1.5/0/0/0; 2026-W45 Sam 0/0/0/0/0/0");

  /* What we write reads back the same. */
  json = onloop_time_entries_to_json (entries);
  again = onloop_time_entries_parse (json, strlen (json), "t.json", &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = describe (again);
  g_assert_cmpstr (text, ==, "2026-W44 Sam 0/0/1.5/0/0/0; 2026-W45 Sam 0/0/0/0/0/0");
  g_assert_cmpstr (json, ==,
                   "[\n"
                   "  {\"week\": \"2026-W44\", \"manager\": \"Sam\", \"execution_oversight\": 0, "
                   "\"exception_handling\": 0, \"strategy\": 1.5, \"coaching\": 0, \"relationship_repair\": 0, \"other\": 0},\n"
                   "  {\"week\": \"2026-W45\", \"manager\": \"Sam\", \"execution_oversight\": 0, "
                   "\"exception_handling\": 0, \"strategy\": 0, \"coaching\": 0, \"relationship_repair\": 0, \"other\": 0}\n"
                   "]\n");
}

static void
test_numbers_read_back (void)
{
  const char input[] =
    "{\"week\": \"2026-W45\", \"manager\": \"Tab\\there \\\"quoted\\\"\", \"coaching\": 1.1,"
    " \"strategy\": 0.1, \"other\": 12.000000000000002, \"exception_handling\": 1e-7}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = onloop_time_entries_parse (input, sizeof input - 1, "t.json", &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *json = NULL;
  OnloopTimeEntry *a, *b;

  g_assert_no_error (error);
  json = onloop_time_entries_to_json (entries);
  /* As short as they can be, and the same doubles when read back. */
  g_assert_nonnull (strstr (json, "\"coaching\": 1.1,"));
  g_assert_nonnull (strstr (json, "\"strategy\": 0.1,"));
  g_assert_nonnull (strstr (json, "\"manager\": \"Tab\\there \\\"quoted\\\"\""));
  again = onloop_time_entries_parse (json, strlen (json), "t.json", &error);
  g_assert_no_error (error);
  a = g_ptr_array_index (entries, 0);
  b = g_ptr_array_index (again, 0);
  g_assert_cmpstr (a->manager, ==, b->manager);
  for (guint h = 0; h < ONLOOP_N_HOURS; h++)
    g_assert_true (a->hours[h] == b->hours[h]);
}

static void
test_parse_errors (void)
{
  struct { const char *input; const char *message; } cases[] = {
    { "[{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"strategi\": 4}]",
      "t.json: [0].strategi: unknown field" },
    { "{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"coaching\": -1}",
      "t.json: coaching: must be a number ≥ 0" },
    { "[{\"week\": \"2026-W45\", \"manager\": \"A\"}, {\"week\": \"2026-W45\", \"manager\": \"B\", \"other\": \"2\"}]",
      "t.json: [1].other: must be a number ≥ 0" },
    { "{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"strategy\": true}",
      "t.json: strategy: must be a number ≥ 0" },
    { "{\"week\": \"2026-W54\", \"manager\": \"Dana\"}", "t.json: week: must be an ISO week like “2026-W45”" },
    { "{\"week\": \"2025-W53\", \"manager\": \"Dana\"}", "t.json: week: must be an ISO week" },
    { "{\"week\": \"2026-45\", \"manager\": \"Dana\"}", "t.json: week: must be an ISO week" },
    { "{\"week\": 202645, \"manager\": \"Dana\"}", "t.json: week: must be an ISO week" },
    { "{\"manager\": \"Dana\"}", "t.json: week: missing" },
    { "{\"week\": \"2026-W45\"}", "t.json: manager: missing" },
    { "{\"week\": \"2026-W45\", \"manager\": \"  \"}", "t.json: manager: must be a non-empty string" },
    { "[{\"week\": \"2026-W45\", \"manager\": \"Dana\"}, {\"week\": \"2026-W46\", \"manager\": \"Dana\"},"
      " {\"week\": \"2026-W45\", \"manager\": \"Dana \"}]",
      "t.json: [2]: Dana already has an entry for 2026-W45 at [0]" },
    { "[1]", "t.json: [0]: must be an object" },
    { "\"2026-W45\"", "t.json: the document: a time-entry file is one JSON object or an array" },
    { "{\"week\": ", "t.json:1:9: Parse error" },
    { "{\"week\": \"2026-W45\", \"manager\": \"\xC3\x28\"}", "t.json: the file is not valid UTF-8 text" },
    { "{\"week\": \"2026-W45\", \"manager\": \"D\\377\"}", "t.json: manager: not valid UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = onloop_time_entries_parse (cases[i].input, strlen (cases[i].input),
                                                                "t.json", &error);

      g_assert_null (entries);
      g_assert_true (error != NULL && error->domain == ONLOOP_TIME_ENTRY_ERROR);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: expected “%s” at the start of “%s”", i, cases[i].message, error->message);
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autoptr(GPtrArray) entries = onloop_time_entries_parse (deep, strlen (deep), "t.json", &error);

  /* json-glib would overflow the stack on this. */
  g_assert_null (entries);
  g_assert_cmpstr (error->message, ==, "t.json:1: nested too deeply to be a time-entry file");
}

static void
test_set_get_delete (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopTimeEntry) entry = onloop_time_entry_new (week ("2026-W45"), "Dana");
  g_autoptr(OnloopTimeEntry) read = NULL;
  g_auto(GStrv) managers = NULL;

  g_assert_null (onloop_store_get_time_entry (f->store, week ("2026-W45"), "Dana", &error));
  g_assert_no_error (error);

  /* The Review form saves each field as it is edited. */
  entry->hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT] = 6;
  onloop_store_set_time_entry (f->store, entry, &error);
  g_assert_no_error (error);
  entry->hours[ONLOOP_HOURS_COACHING] = 2.25;
  onloop_store_set_time_entry (f->store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, 2);
  g_assert_cmpuint (f->last_change, ==, ONLOOP_STORE_CHANGE_TIME);

  /* It is in the file, not in memory. */
  g_clear_object (&f->store);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);

  read = onloop_store_get_time_entry (f->store, week ("2026-W45"), "Dana", &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpfloat (read->hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT], ==, 6);
  g_assert_cmpfloat (read->hours[ONLOOP_HOURS_COACHING], ==, 2.25);
  g_assert_null (onloop_store_get_time_entry (f->store, week ("2026-W45"), "dana", NULL));

  managers = onloop_store_list_managers (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (managers), ==, 1);

  /* Bad values never reach the file. */
  read->hours[ONLOOP_HOURS_STRATEGY] = -1;
  g_assert_false (onloop_store_set_time_entry (f->store, read, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  read->hours[ONLOOP_HOURS_STRATEGY] = 1;
  g_free (read->manager);
  read->manager = g_strdup (" Dana");
  g_assert_false (onloop_store_set_time_entry (f->store, read, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  onloop_store_delete_time_entry (f->store, week ("2026-W45"), "Dana", &error);
  g_assert_no_error (error);
  g_assert_null (onloop_store_get_time_entry (f->store, week ("2026-W45"), "Dana", NULL));
  /* Deleting again is not an error and changes nothing. */
  f->changes = 0;
  onloop_store_delete_time_entry (f->store, week ("2026-W45"), "Dana", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, 0);
}

static void
test_list_by_range (Fixture       *f,
                    gconstpointer  data)
{
  const char *weeks[] = { "2025-W52", "2026-W01", "2026-W09", "2026-W10", "2026-W53" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    {
      /* 2026 starts on a Thursday, so it has a week 53. */
      OnloopWeek w = week (weeks[i]);

      for (guint m = 0; m < 2; m++)
        {
          g_autoptr(OnloopTimeEntry) e = onloop_time_entry_new (w, m == 0 ? "Sam" : "Dana");

          e->hours[ONLOOP_HOURS_OTHER] = i;
          onloop_store_set_time_entry (f->store, e, &error);
          g_assert_no_error (error);
        }
    }

  list = onloop_store_list_time_entries (f->store, week ("2026-W01"), week ("2026-W09"), &error);
  g_assert_no_error (error);
  text = describe (list);
  g_assert_cmpstr (text, ==, "2026-W01 Dana 0/0/0/0/0/1; 2026-W01 Sam 0/0/0/0/0/1; "
                             "2026-W09 Dana 0/0/0/0/0/2; 2026-W09 Sam 0/0/0/0/0/2");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = onloop_store_list_time_entries (f->store, 0, week ("2026-W01"), &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = onloop_store_list_time_entries (f->store, week ("2026-W10"), 0, &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = onloop_store_list_time_entries (f->store, 0, 0, &error);
  g_assert_cmpuint (list->len, ==, 10);
}

static void
test_import_replaces (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "time.json", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = NULL;
  guint n = 0;
  const char first[] =
    "[{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"execution_oversight\": 10, \"strategy\": 2},"
    " {\"week\": \"2026-W45\", \"manager\": \"Sam\", \"coaching\": 4}]";
  const char second[] =
    "{\"week\": \"2026-W45\", \"manager\": \"Dana\", \"execution_oversight\": 6, \"strategy\": 4}";

  onloop_test_write (path, first, sizeof first - 1);
  onloop_store_import_time_file (f->store, path, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (f->changes, ==, 1);

  /* Importing (week, manager) again replaces that entry as a whole. */
  onloop_test_write (path, second, sizeof second - 1);
  onloop_store_import_time_file (f->store, path, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  list = onloop_store_list_time_entries (f->store, 0, 0, &error);
  text = describe (list);
  g_assert_cmpstr (text, ==, "2026-W45 Dana 6/0/4/0/0/0; 2026-W45 Sam 0/0/0/4/0/0");
}

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(OnloopTimeEntry) entry = onloop_time_entry_new (week ("2026-W44"), "Dana");
  const char bad[] =
    "[{\"week\": \"2026-W44\", \"manager\": \"Dana\", \"strategy\": 9},"
    " {\"week\": \"2026-W45\", \"manager\": \"Dana\", \"execution_oversight\": 1e999}]";

  entry->hours[ONLOOP_HOURS_STRATEGY] = 3;
  onloop_store_set_time_entry (f->store, entry, &error);
  g_assert_no_error (error);

  onloop_test_write (path, bad, sizeof bad - 1);
  g_clear_object (&f->store);
  before = onloop_test_read_bytes (f->path);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);

  g_assert_false (onloop_store_import_time_file (f->store, path, NULL, &error));
  g_assert_nonnull (error);
  expected = g_strconcat (path, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  g_clear_object (&f->store);
  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-entries/parse/object-and-array", test_parse_object_and_array);
  g_test_add_func ("/time-entries/parse/errors-name-the-path", test_parse_errors);
  g_test_add_func ("/time-entries/write/numbers-read-back", test_numbers_read_back);
  g_test_add_func ("/time-entries/parse/deep-nesting", test_deep_nesting);
  g_test_add ("/time-entries/store/set-get-delete", Fixture, NULL,
              fixture_setup, test_set_get_delete, fixture_teardown);
  g_test_add ("/time-entries/store/list-by-week-range", Fixture, NULL,
              fixture_setup, test_list_by_range, fixture_teardown);
  g_test_add ("/time-entries/import/replaces-week-and-manager", Fixture, NULL,
              fixture_setup, test_import_replaces, fixture_teardown);
  g_test_add ("/time-entries/import/all-or-nothing", Fixture, NULL,
              fixture_setup, test_import_all_or_nothing, fixture_teardown);

  return g_test_run ();
}
