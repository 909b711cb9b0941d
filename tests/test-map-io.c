/* test-map-io.c: the decision map as JSON and CSV files
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-csv.h"
#include "onloop-map-io.h"
#include "onloop-store-map.h"
#include "onloop-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  OnloopStore *store;
} Fixture;

static void
add_decision (OnloopStore    *store,
              const char     *key,
              const char     *title,
              OnloopCategory  category,
              const char     *workflow,
              const char     *description,
              double          frequency)
{
  g_autoptr(OnloopDecision) decision = onloop_decision_new (key, title);
  g_autoptr(GError) error = NULL;

  onloop_decision_set_category (decision, category);
  onloop_decision_set_workflow (decision, workflow);
  onloop_decision_set_description (decision, description);
  onloop_decision_set_frequency (decision, frequency);
  onloop_decision_set_position (decision, G_MAXINT);
  onloop_store_insert_decision (store, decision, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "map.onloop", NULL);
  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* Text that a careless writer would break: formulas, quotes, commas,
   * line breaks, leading apostrophes and spaces, non-ASCII. */
  add_decision (f->store, "follow-up-timing", "Follow-up timing", ONLOOP_CATEGORY_EXECUTION,
                "Follow-ups", "When to send the next follow-up, \"politely\", after 3 days", 120);
  add_decision (f->store, "discount", "=HYPERLINK(\"http://evil\",\"Discount\")",
                ONLOOP_CATEGORY_JUDGMENT, "Pricing", "-10 % at most\nline two\r\nline three", 7.5);
  add_decision (f->store, "crm-hygiene", "+Update CRM fields", ONLOOP_CATEGORY_EXECUTION,
                "CRM hygiene", "@mention the owner; then 'close'", 300);
  add_decision (f->store, "quote-first", "'=not a formula", ONLOOP_CATEGORY_UNSORTED,
                NULL, "''@two apostrophes", 0);
  add_decision (f->store, "renewal-terms", "Renewal terms", ONLOOP_CATEGORY_JUDGMENT,
                "Pricing", "  leading and trailing spaces  ", 2);
  add_decision (f->store, "meeting-slots", "Prüfung der Termine — 会议", ONLOOP_CATEGORY_UNSORTED,
                "Scheduling", "", 40);
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

static OnloopStore *
new_store (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  OnloopStore *store = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

/* Every field the map file carries, card by card, in board order. */
static void
assert_same_map (OnloopStore *a,
                 OnloopStore *b)
{
  g_autoptr(GPtrArray) da = onloop_store_list_decisions (a, NULL);
  g_autoptr(GPtrArray) db = onloop_store_list_decisions (b, NULL);

  g_assert_cmpuint (da->len, ==, db->len);
  for (guint i = 0; i < da->len; i++)
    {
      OnloopDecision *x = g_ptr_array_index (da, i);
      OnloopDecision *y = g_ptr_array_index (db, i);

      g_assert_cmpstr (onloop_decision_get_key (x), ==, onloop_decision_get_key (y));
      g_assert_cmpstr (onloop_decision_get_title (x), ==, onloop_decision_get_title (y));
      g_assert_cmpstr (onloop_decision_get_workflow (x), ==, onloop_decision_get_workflow (y));
      g_assert_cmpstr (onloop_decision_get_description (x), ==, onloop_decision_get_description (y));
      g_assert_cmpint (onloop_decision_get_category (x), ==, onloop_decision_get_category (y));
      g_assert_cmpuint (onloop_decision_get_position (x), ==, onloop_decision_get_position (y));
    }
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopStore) other = new_store (f, "other.onloop");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree char *json = onloop_map_export (f->store, ONLOOP_MAP_FORMAT_JSON, &error);
  g_autofree char *again = NULL;
  OnloopMapImportStats stats;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"onloop.map/1\""));

  entries = onloop_map_parse (json, strlen (json), "map.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 6);

  onloop_map_import (other, entries, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 6);
  g_assert_cmpuint (stats.updated, ==, 0);

  assert_same_map (f->store, other);
  decisions = onloop_store_list_decisions (other, NULL);
  for (guint i = 0; i < decisions->len; i++)
    if (g_str_equal (onloop_decision_get_key (g_ptr_array_index (decisions, i)), "discount"))
      g_assert_cmpfloat (onloop_decision_get_frequency (g_ptr_array_index (decisions, i)), ==, 7.5);

  again = onloop_map_export (other, ONLOOP_MAP_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, again);
}

static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopStore) other = new_store (f, "other.onloop");
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *csv = onloop_map_export (f->store, ONLOOP_MAP_FORMAT_CSV, &error);
  g_autofree char *again = NULL;
  OnloopMapImportStats stats;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "key,title,workflow,category,description\r\n"));

  entries = onloop_map_parse (csv, strlen (csv), "map.csv", &error);
  g_assert_no_error (error);
  onloop_map_import (other, entries, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 6);

  assert_same_map (f->store, other);
  again = onloop_map_export (other, ONLOOP_MAP_FORMAT_CSV, &error);
  g_assert_cmpstr (csv, ==, again);
}

static void
test_csv_formula_safe (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = onloop_map_export (f->store, ONLOOP_MAP_FORMAT_CSV, &error);
  g_autoptr(OnloopCsvReader) reader = NULL;
  guint n_rows = 0;

  g_assert_no_error (error);

  /* What a spreadsheet sees: the raw cells, before our reader removes the
   * guard. No cell may start with a formula character. */
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://evil\"\",\"\"Discount\"\")\""));
  g_assert_nonnull (strstr (csv, ",'+Update CRM fields,"));
  g_assert_nonnull (strstr (csv, "\"'-10 % at most\nline two\r\nline three\""));
  g_assert_nonnull (strstr (csv, "\"'@mention the owner; then 'close'\""));
  /* Text that already starts with apostrophes before a formula character
   * gets one more, so it reads back exactly. */
  g_assert_nonnull (strstr (csv, ",''=not a formula,"));
  g_assert_nonnull (strstr (csv, ",'''@two apostrophes\r\n"));
  /* Ordinary text is left alone. */
  g_assert_nonnull (strstr (csv, ",Renewal terms,Pricing,judgment,\"  leading and trailing spaces  \"\r\n"));

  for (const char *p = csv; *p != '\0'; p++)
    {
      /* At the start of every unquoted or quoted cell. */
      gboolean cell_start = p == csv || p[-1] == ',' || (p[-1] == '\n' && p > csv + 1 && p[-2] == '\r');

      if (cell_start && *p == '"')
        p++;
      if (cell_start)
        g_assert_false (*p == '=' || *p == '+' || *p == '-' || *p == '@');
    }

  reader = onloop_csv_reader_new (csv, strlen (csv), "map.csv");
  for (;;)
    {
      g_auto(GStrv) cells = onloop_csv_reader_next (reader, NULL, &error);

      g_assert_no_error (error);
      if (cells == NULL)
        break;
      g_assert_cmpuint (g_strv_length (cells), ==, 5);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 7);
}

static void
test_csv_guard_rules (void)
{
  struct { const char *value; gboolean guarded; } cases[] = {
    { "=1+1", TRUE }, { "+1", TRUE }, { "-1", TRUE }, { "@SUM(A1)", TRUE },
    { "'=1", TRUE }, { "''-x", TRUE }, { "'plain", FALSE }, { "a=b", FALSE },
    { " =1", FALSE }, { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(OnloopCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) cells = NULL;

      g_assert_cmpint (onloop_csv_needs_guard (cases[i].value), ==, cases[i].guarded);
      onloop_csv_append_cell (out, cases[i].value);
      if (cases[i].guarded)
        g_assert_cmpint (out->str[0], ==, '\'');

      /* Reading the cell back gives the value exactly. */
      reader = onloop_csv_reader_new (out->str, out->len, "cell.csv");
      cells = onloop_csv_reader_next (reader, NULL, &error);
      g_assert_no_error (error);
      if (*cases[i].value == '\0')
        g_assert_null (cells);
      else
        g_assert_cmpstr (cells[0], ==, cases[i].value);
    }
}

static void
test_csv_reading (Fixture       *f,
                  gconstpointer  data)
{
  /* A byte-order mark, CRLF, header in another order and case, a quoted
   * cell over three lines with doubled quotes, blank lines, a missing
   * final line end, and a spreadsheet guard on the title. */
  const char csv[] =
    "\xEF\xBB\xBF" "Title,KEY,category,Workflow,description\r\n"
    "\r\n"
    "Lead routing,lead-routing,execution,Inbound,\"Route by \"\"territory\"\",\r\nthen size\nthen\"\r\n"
    "\n"
    "'=Quote approval,quote-approval,JUDGMENT,,plain";
  const char semicolons[] =
    "key;title;category\n"
    "a-1;Uno, dos;execution\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = onloop_map_parse (csv, sizeof csv - 1, "map.csv", &error);
  OnloopMapEntry *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  first = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (onloop_decision_get_key (first->decision), ==, "lead-routing");
  g_assert_cmpstr (onloop_decision_get_title (first->decision), ==, "Lead routing");
  g_assert_cmpstr (onloop_decision_get_workflow (first->decision), ==, "Inbound");
  g_assert_cmpstr (onloop_decision_get_description (first->decision), ==,
                   "Route by \"territory\",\r\nthen size\nthen");
  g_assert_cmpint (onloop_decision_get_category (first->decision), ==, ONLOOP_CATEGORY_EXECUTION);
  g_assert_cmpuint (first->line, ==, 3);

  second = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (onloop_decision_get_title (second->decision), ==, "=Quote approval");
  g_assert_null (onloop_decision_get_workflow (second->decision));
  g_assert_cmpint (onloop_decision_get_category (second->decision), ==, ONLOOP_CATEGORY_JUDGMENT);
  g_assert_cmpuint (second->line, ==, 7);
  g_assert_false (second->fields & ONLOOP_MAP_FIELD_FREQUENCY);

  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = onloop_map_parse (semicolons, sizeof semicolons - 1, "map.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  first = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (onloop_decision_get_title (first->decision), ==, "Uno, dos");
  g_assert_false (first->fields & ONLOOP_MAP_FIELD_DESCRIPTION);
}

typedef struct
{
  const char *input;
  const char *message;
} BadInput;

static void
assert_bad_inputs (const BadInput *cases,
                   guint           n_cases,
                   const char     *name)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = onloop_map_parse (cases[i].input, strlen (cases[i].input),
                                                       name, &error);

      g_assert_null (entries);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ONLOOP_MAP_IO_ERROR);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].message, error->message);
    }
}

static void
test_csv_errors (void)
{
  const BadInput cases[] = {
    { "", "map.csv:1: the file is empty" },
    { "key,title\nok,\"never closed\n\n", "map.csv:2: a quoted cell is never closed" },
    { "key,title\na,\"x\"y\n", "map.csv:2: unexpected text after a closing quote" },
    { "key,title\na,b\nc,say \"hi\"\n", "map.csv:3: a quote inside an unquoted cell" },
    { "key,title\na,b\nc,d,e\n", "map.csv:3: 3 cells, but the header has 2" },
    { "key,title\n\"a\",\"x\ny\"\nc\n", "map.csv:4: 1 cells, but the header has 2" },
    { "key,title\nBad Key,x\n", "map.csv:2: “Bad Key” is not a valid key" },
    { "key,title\n,x\n", "map.csv:2: the key is empty" },
    { "key,title\na,  \n", "map.csv:2: the decision “a” has no title" },
    { "key,title,category\na,A,maybe\n", "map.csv:2: the category must be unsorted, execution or judgment, not “maybe”" },
    { "key,title,owner\n", "map.csv:1: unknown column “owner”" },
    { "key,key,title\n", "map.csv:1: the column “key” appears twice" },
    { "key,workflow\n", "map.csv:1: the header has no “title” column" },
    { "key,title\na,A\nb,B\na,Again\n", "map.csv:4: the key “a” appears twice (first on line 2)" },
    { "key,title\na,\xC3\x28\n", "map.csv:2: the text is not valid UTF-8" },
    { "key,title,frequency_per_week\na,A,-3\n", "map.csv:2: frequency_per_week must be a number ≥ 0, not “-3”" },
    { "key,title,frequency_per_week\na,A,nan\n", "map.csv:2: frequency_per_week must be a number ≥ 0" },
  };

  assert_bad_inputs (cases, G_N_ELEMENTS (cases), "map.csv");
}

static void
test_json_errors (void)
{
  const BadInput cases[] = {
    { "{\"format\": \"onloop.map/1\", \"decisions\": [", "map.json:1:41: Parse error: unexpected end of file" },
    { "{\"decisions\": []}", "map.json: format: must be “onloop.map/1”" },
    { "{\"format\": \"onloop.spec/1\", \"decisions\": []}", "map.json: format: must be “onloop.map/1”" },
    { "{\"format\": \"onloop.map/1\"}", "map.json: decisions: must be an array" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [], \"extra\": 1}", "map.json: extra: unknown field" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [7]}", "map.json: decisions[0]: must be an object" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"title\": \"A\"}]}", "map.json: decisions[0].key: missing" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"A\"}, {\"key\": 5, \"title\": \"B\"}]}",
      "map.json: decisions[1].key: must be a string" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"A b\", \"title\": \"A\"}]}",
      "map.json: decisions[0].key: “A b” is not a valid key" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \" \"}]}",
      "map.json: decisions[0].title: must not be empty" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"A\", \"category\": \"exec\"}]}",
      "map.json: decisions[0].category: must be unsorted, execution or judgment, not “exec”" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"A\", \"workflow\": 3}]}",
      "map.json: decisions[0].workflow: must be a string or null" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"A\", \"frequency_per_week\": -1}]}",
      "map.json: decisions[0].frequency_per_week: must be a number ≥ 0" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"A\", \"frequency_per_week\": \"5\"}]}",
      "map.json: decisions[0].frequency_per_week: must be a number ≥ 0" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"A\", \"notes\": \"\"}]}",
      "map.json: decisions[0].notes: unknown field" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"A\"}, {\"key\": \"b\", \"title\": \"B\"}, {\"key\": \"a\", \"title\": \"C\"}]}",
      "map.json: decisions[2].key: the key “a” appears twice (first at decisions[0])" },
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"\xC3\x28\"}]}",
      "map.json: the file is not valid UTF-8 text" },
    /* json-glib reads this octal escape, which JSON does not have, into a
     * byte that is not UTF-8 (found by the fuzzer). */
    { "{\"format\": \"onloop.map/1\", \"decisions\": [{\"key\": \"a\", \"title\": \"T\\377\"}]}",
      "map.json: decisions[0].title: not valid UTF-8 text" },
  };

  assert_bad_inputs (cases, G_N_ELEMENTS (cases), "map.json");
}

static void
test_hostile_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *long_key = g_strnfill (5000, 'A');
  g_autofree char *csv = g_strdup_printf ("key,title\n%s,x\n", long_key);

  /* json-glib would overflow the stack on this. */
  entries = onloop_map_parse (deep, strlen (deep), "map.json", &error);
  g_assert_null (entries);
  g_assert_cmpstr (error->message, ==, "map.json:1: nested too deeply to be a map file");
  g_clear_error (&error);

  /* A value quoted in a message is cut, not copied whole. */
  entries = onloop_map_parse (csv, strlen (csv), "map.csv", &error);
  g_assert_null (entries);
  g_assert_cmpstr (error->message, ==,
                   "map.csv:2: “AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…” is not a valid key: "
                   "use lower-case letters, digits and dashes");
}

/* The map as "key:category:position:title:workflow:description:frequency". */
static char *
describe (OnloopStore *store,
          const char  *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopDecision) d = onloop_store_get_decision (store, key, &error);

  g_assert_no_error (error);
  return g_strdup_printf ("%s:%u:%s:%s:%s:%g:%s", onloop_category_to_string (onloop_decision_get_category (d)),
                          onloop_decision_get_position (d), onloop_decision_get_title (d),
                          onloop_decision_get_workflow (d) ? onloop_decision_get_workflow (d) : "-",
                          onloop_decision_get_description (d), onloop_decision_get_frequency (d),
                          onloop_decision_get_notes (d));
}

static void
test_import_upsert (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OnloopDecision) d = onloop_store_get_decision (f->store, "renewal-terms", NULL);
  g_autofree char *path = g_build_filename (f->dir, "update.csv", NULL);
  g_autofree char *text = NULL;
  OnloopMapImportStats stats;
  /* Updates follow-up-timing (title and column), moves renewal-terms with
   * an empty category cell (kept in place), adds two new cards, and leaves
   * the cards the file does not name alone. */
  const char csv[] =
    "key,title,workflow,category,description\n"
    "follow-up-timing,Follow-up cadence,Follow-ups,judgment,New text\n"
    "renewal-terms,Renewal terms,Pricing,,Edited\n"
    "new-one,New one,Inbound,execution,\n"
    "new-two,New two,,,\n"
    "crm-hygiene,+Update CRM fields,CRM hygiene,execution,@mention the owner; then 'close'\n";

  /* Notes and criteria are not in the file: an import keeps them. */
  onloop_decision_set_notes (d, "keep me");
  onloop_decision_set_criterion (d, ONLOOP_CRITERION_ROUTINE, ONLOOP_ANSWER_NO);
  onloop_store_update_decision (f->store, d, &error);
  g_assert_no_error (error);

  onloop_test_write (path, csv, sizeof csv - 1);
  onloop_map_import_file (f->store, path, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 2);
  g_assert_cmpuint (stats.updated, ==, 2);
  g_assert_cmpuint (stats.unchanged, ==, 1);

  /* Judgment had discount (0) and renewal-terms (1): the moved card comes last. */
  text = describe (f->store, "follow-up-timing");
  g_assert_cmpstr (text, ==, "judgment:2:Follow-up cadence:Follow-ups:New text:120:");
  g_free (text);
  text = describe (f->store, "renewal-terms");
  g_assert_cmpstr (text, ==, "judgment:1:Renewal terms:Pricing:Edited:2:keep me");
  g_free (text);
  text = describe (f->store, "new-one");
  g_assert_cmpstr (text, ==, "execution:1:New one:Inbound::0:");
  g_free (text);
  text = describe (f->store, "new-two");
  g_assert_cmpstr (text, ==, "unsorted:2:New two:-::0:");
  g_free (text);
  /* Kept, untouched. */
  text = describe (f->store, "meeting-slots");
  g_assert_cmpstr (text, ==, "unsorted:1:Prüfung der Termine — 会议:Scheduling::40:");

  g_clear_object (&d);
  d = onloop_store_get_decision (f->store, "renewal-terms", NULL);
  g_assert_cmpint (onloop_decision_get_criterion (d, ONLOOP_CRITERION_ROUTINE), ==, ONLOOP_ANSWER_NO);
  g_assert_cmpuint (onloop_store_count_decisions (f->store, ONLOOP_CATEGORY_EXECUTION), ==, 2);
}

static void
on_changed (OnloopStore *store,
            guint        change,
            guint       *count)
{
  (*count)++;
}

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *json_path = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  /* Valid rows first, then a bad one at the end: nothing may be applied. */
  const char csv[] =
    "key,title,workflow,category,description\n"
    "follow-up-timing,Renamed,Follow-ups,judgment,x\n"
    "brand-new,Brand new,,execution,\n"
    "broken,Broken,,sideways,\n";
  const char json[] =
    "{\"format\": \"onloop.map/1\", \"decisions\": ["
    "{\"key\": \"follow-up-timing\", \"title\": \"Renamed\", \"category\": \"judgment\"},"
    "{\"key\": \"brand-new\", \"title\": \"Brand new\"},"
    "{\"key\": \"x\", \"title\": \"X\", \"frequency_per_week\": -2}]}";
  g_autofree char *expected = NULL;
  guint changes = 0;

  onloop_test_write (csv_path, csv, sizeof csv - 1);
  onloop_test_write (json_path, json, sizeof json - 1);

  g_clear_object (&f->store);
  before = onloop_test_read_bytes (f->path);

  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &changes);

  g_assert_false (onloop_map_import_file (f->store, csv_path, NULL, &error));
  g_assert_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID);
  /* Named as the person gave the path, like a compiler does. */
  expected = g_strconcat (csv_path, ":4: the category must be unsorted, execution or judgment, not “sideways”", NULL);
  g_assert_cmpstr (error->message, ==, expected);
  g_free (expected);
  g_clear_error (&error);

  g_assert_false (onloop_map_import_file (f->store, json_path, NULL, &error));
  g_assert_error (error, ONLOOP_MAP_IO_ERROR, ONLOOP_MAP_IO_ERROR_INVALID);
  expected = g_strconcat (json_path, ": decisions[2].frequency_per_week: must be a number ≥ 0", NULL);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_cmpuint (changes, ==, 0);
  g_clear_object (&f->store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_import_missing_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nope.csv", NULL);

  g_assert_false (onloop_map_import_file (f->store, path, NULL, &error));
  g_assert_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/map-io/json/round-trip", Fixture, NULL,
              fixture_setup, test_json_round_trip, fixture_teardown);
  g_test_add ("/map-io/csv/round-trip", Fixture, NULL,
              fixture_setup, test_csv_round_trip, fixture_teardown);
  g_test_add ("/map-io/csv/formula-safe-export", Fixture, NULL,
              fixture_setup, test_csv_formula_safe, fixture_teardown);
  g_test_add_func ("/map-io/csv/guard-reads-back-exactly", test_csv_guard_rules);
  g_test_add ("/map-io/csv/quoting-bom-crlf-semicolons", Fixture, NULL,
              fixture_setup, test_csv_reading, fixture_teardown);
  g_test_add_func ("/map-io/csv/errors-name-the-line", test_csv_errors);
  g_test_add_func ("/map-io/json/errors-name-the-path", test_json_errors);
  g_test_add_func ("/map-io/hostile-input", test_hostile_input);
  g_test_add ("/map-io/import/upserts-by-key-and-keeps-the-rest", Fixture, NULL,
              fixture_setup, test_import_upsert, fixture_teardown);
  g_test_add ("/map-io/import/all-or-nothing", Fixture, NULL,
              fixture_setup, test_import_all_or_nothing, fixture_teardown);
  g_test_add ("/map-io/import/missing-file", Fixture, NULL,
              fixture_setup, test_import_missing_file, fixture_teardown);

  return g_test_run ();
}
