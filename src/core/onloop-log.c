/* onloop-log.c: the decision log in memory, as columns
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/mman.h>

#include <json-glib/json-glib.h>

#include "onloop-log.h"
#include "onloop-store-engine.h"

typedef struct
{
  GHashTable *raw;         /* raw value → GINT_TO_POINTER (1) once seen */
  GHashTable *normalized;  /* normalized value → itself, once seen */
} FirstSeen;

typedef struct
{
  OnloopLog    *log;
  GArray       *seq, *at, *week, *decision, *action, *deal_arr, *sentiment, *engagement;
  GArray       *stage_progressed, *days_in_stage, *tag_start, *tags, *first, *outcome;
  FirstSeen     seen[ONLOOP_N_FIRST_TIME_FIELDS];
  GHashTable   *tag_lists;   /* raw JSON text → GArray of guint32 */
  gint64        week_start;
  gint64        week_end;
  OnloopWeek    cur_week;
} Builder;

gpointer
onloop_log_alloc_column (gsize size)
{
  gpointer data = g_malloc (MAX (size, 1));

#ifdef MADV_HUGEPAGE
  /* A million-event column is megabytes that are written once, right
   * away: with huge pages that is a few faults instead of thousands. */
  if (size >= 4 * 1024 * 1024)
    {
      gsize huge = 2 * 1024 * 1024;
      guintptr start = ((guintptr) data + huge - 1) & ~(guintptr) (huge - 1);
      guintptr end = ((guintptr) data + size) & ~(guintptr) (huge - 1);

      if (end > start)
        madvise ((gpointer) start, end - start, MADV_HUGEPAGE);
    }
#endif
  return data;
}

static guint32
dictionary_add (GPtrArray  *names,
                GHashTable *index,
                const char *value)
{
  gpointer found = g_hash_table_lookup (index, value);
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  copy = g_strdup (value);
  g_ptr_array_add (names, copy);
  g_hash_table_insert (index, copy, GUINT_TO_POINTER (names->len));
  return names->len - 1;
}

static gboolean
first_seen_check (FirstSeen  *seen,
                  const char *raw)
{
  char *normalized;

  if (raw == NULL || g_hash_table_contains (seen->raw, raw))
    return FALSE;

  g_hash_table_add (seen->raw, g_strdup (raw));
  normalized = onloop_normalize_value (raw);
  if (normalized == NULL)
    return FALSE;
  if (g_hash_table_contains (seen->normalized, normalized))
    {
      g_free (normalized);
      return FALSE;
    }
  g_hash_table_add (seen->normalized, normalized);
  return TRUE;
}

/* A JSON array of strings → tag indices. The store writes compact arrays;
 * anything with escapes goes through json-glib. */
static GArray *
parse_tags (OnloopLog  *log,
            const char *text)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  if (strchr (text, '\\') == NULL)
    {
      const char *p = text;

      while ((p = strchr (p, '"')) != NULL)
        {
          const char *end = strchr (p + 1, '"');
          g_autofree char *tag = NULL;
          guint32 index;

          if (end == NULL)
            break;
          tag = g_strndup (p + 1, end - p - 1);
          index = dictionary_add (log->tag_names, log->tag_index, tag);
          g_array_append_val (list, index);
          p = end + 1;
        }
      return list;
    }

  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return list;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *tag = json_array_get_string_element (array, i);
      guint32 index;

      if (tag == NULL)
        continue;
      index = dictionary_add (log->tag_names, log->tag_index, tag);
      g_array_append_val (list, index);
    }
  return list;
}

static gboolean
add_row (const OnloopEventRow *row,
         gpointer              user_data)
{
  Builder *b = user_data;
  OnloopLog *log = b->log;
  guint32 index;
  gint8 stage = row->stage_progressed < 0 ? -1 : (row->stage_progressed != 0);
  guint8 first = 0;
  guint8 outcome = 0;
  guint32 n_tags;

  g_array_append_val (b->seq, row->seq);
  g_array_append_val (b->at, row->at);
  if (row->at < b->week_start || row->at >= b->week_end)
    {
      b->cur_week = onloop_week_from_usec (row->at);
      b->week_start = onloop_week_start_usec (b->cur_week);
      b->week_end = b->week_start + ONLOOP_USEC_PER_WEEK;
    }
  g_array_append_val (b->week, b->cur_week);

  index = dictionary_add (log->decisions, log->decision_index, row->decision);
  g_array_append_val (b->decision, index);
  index = dictionary_add (log->actions, log->action_index, row->action);
  g_array_append_val (b->action, index);

  g_array_append_val (b->deal_arr, row->deal_arr);
  g_array_append_val (b->sentiment, row->sentiment);
  g_array_append_val (b->engagement, row->engagement);
  g_array_append_val (b->stage_progressed, stage);
  g_array_append_val (b->days_in_stage, row->days_in_stage);

  if (row->tags != NULL)
    {
      GArray *list = g_hash_table_lookup (b->tag_lists, row->tags);

      if (list == NULL)
        {
          list = parse_tags (log, row->tags);
          g_hash_table_insert (b->tag_lists, g_strdup (row->tags), list);
        }
      g_array_append_vals (b->tags, list->data, list->len);
    }
  n_tags = b->tags->len;
  g_array_append_val (b->tag_start, n_tags);

  if (first_seen_check (&b->seen[0], row->industry))
    first |= ONLOOP_FIELD_INDUSTRY;
  if (first_seen_check (&b->seen[1], row->persona))
    first |= ONLOOP_FIELD_PERSONA;
  if (first_seen_check (&b->seen[2], row->objection))
    first |= ONLOOP_FIELD_OBJECTION;
  g_array_append_val (b->first, first);

  if (row->rec_escalated >= 0)
    outcome |= ONLOOP_OUTCOME_HAS_ESCALATED | (row->rec_escalated ? ONLOOP_OUTCOME_ESCALATED : 0);
  if (row->reviewed)
    outcome |= ONLOOP_OUTCOME_REVIEWED;
  if (row->overridden)
    outcome |= ONLOOP_OUTCOME_OVERRIDDEN;
  if (row->quality_issue)
    outcome |= ONLOOP_OUTCOME_QUALITY_ISSUE;
  g_array_append_val (b->outcome, outcome);

  return TRUE;
}

static void
apply_spot_check (gint64   at,
                  gint64   seq,
                  gboolean quality_issue,
                  gpointer user_data)
{
  OnloopLog *log = user_data;

  for (guint i = onloop_log_lower_bound (log, at); i < log->n_events && log->at[i] == at; i++)
    {
      if (log->seq[i] == seq)
        {
          log->outcome[i] |= quality_issue ? ONLOOP_OUTCOME_SPOT_ISSUE : ONLOOP_OUTCOME_SPOT_OK;
          return;
        }
    }
}

#define TAKE(array, type) ((type *) (gpointer) g_array_free (array, FALSE))

static OnloopLog *
log_new (void)
{
  OnloopLog *log = g_new0 (OnloopLog, 1);

  g_atomic_ref_count_init (&log->ref_count);
  log->decisions = g_ptr_array_new_with_free_func (g_free);
  log->actions = g_ptr_array_new_with_free_func (g_free);
  log->tag_names = g_ptr_array_new_with_free_func (g_free);
  log->decision_index = g_hash_table_new (g_str_hash, g_str_equal);
  log->action_index = g_hash_table_new (g_str_hash, g_str_equal);
  log->tag_index = g_hash_table_new (g_str_hash, g_str_equal);
  return log;
}


/* ---- The column cache --------------------------------------------------- */

typedef struct
{
  const char *name;
  gsize       offset;   /* of the column pointer in OnloopLog */
  gsize       size;     /* of one element */
  gboolean    plus_one; /* n_events + 1 elements */
} CachedColumn;

#define COLUMN(field, plus) { #field, G_STRUCT_OFFSET (OnloopLog, field), sizeof (*((OnloopLog *) 0)->field), plus }
static const CachedColumn cached_columns[] = {
  COLUMN (seq, FALSE),
  COLUMN (at, FALSE),
  COLUMN (decision, FALSE),
  COLUMN (action, FALSE),
  COLUMN (deal_arr, FALSE),
  COLUMN (sentiment, FALSE),
  COLUMN (engagement, FALSE),
  COLUMN (stage_progressed, FALSE),
  COLUMN (days_in_stage, FALSE),
  COLUMN (tag_start, TRUE),
  COLUMN (first, FALSE),
  COLUMN (outcome, FALSE),
};
#undef COLUMN

#define N_CACHED (G_N_ELEMENTS (cached_columns) + 4)   /* + tags and three dictionaries */

static GBytes *
join_strings (GPtrArray *names)
{
  GByteArray *bytes = g_byte_array_new ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_byte_array_append (bytes, (const guint8 *) name, strlen (name) + 1);
    }
  return g_byte_array_free_to_bytes (bytes);
}

static void
split_strings (const char *data,
               gsize       size,
               GPtrArray  *names,
               GHashTable *index)
{
  for (const char *p = data; p < data + size; p += strlen (p) + 1)
    dictionary_add (names, index, p);
}

static void
log_save_cache (OnloopLog   *log,
                OnloopStore *store,
                const char  *signature)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) decisions = join_strings (log->decisions);
  g_autoptr(GBytes) actions = join_strings (log->actions);
  g_autoptr(GBytes) tag_names = join_strings (log->tag_names);
  const char *names[N_CACHED];
  const void *data[N_CACHED];
  gsize sizes[N_CACHED];
  guint n = 0;

  for (guint c = 0; c < G_N_ELEMENTS (cached_columns); c++, n++)
    {
      names[n] = cached_columns[c].name;
      data[n] = G_STRUCT_MEMBER (gpointer, log, cached_columns[c].offset);
      sizes[n] = cached_columns[c].size * (log->n_events + (cached_columns[c].plus_one ? 1 : 0));
    }
  names[n] = "tags", data[n] = log->tags, sizes[n++] = sizeof (guint32) * log->tag_start[log->n_events];
  names[n] = "decisions", data[n] = g_bytes_get_data (decisions, &sizes[n]), n++;
  names[n] = "actions", data[n] = g_bytes_get_data (actions, &sizes[n]), n++;
  names[n] = "tag_names", data[n] = g_bytes_get_data (tag_names, &sizes[n]), n++;

  /* The cache only saves time; a workspace that cannot take it still works. */
  if (!onloop_store_write_log_columns (store, signature, names, data, sizes, n, &error))
    g_debug ("Could not cache the log's columns: %s", error->message);
}

static OnloopLog *
log_load_cache (OnloopStore *store,
                GError     **error)
{
  g_autoptr(OnloopLog) log = log_new ();
  gsize size = 0;
  gpointer data;
  gint64 week_start = G_MAXINT64, week_end = G_MININT64;
  OnloopWeek week = 0;

  data = onloop_store_read_log_column (store, "seq", &size, error);
  if (data == NULL)
    return NULL;
  log->seq = data;
  log->n_events = size / sizeof (gint64);

  for (guint c = 1; c < G_N_ELEMENTS (cached_columns); c++)
    {
      gsize expected = cached_columns[c].size * (log->n_events + (cached_columns[c].plus_one ? 1 : 0));

      data = onloop_store_read_log_column (store, cached_columns[c].name, &size, error);
      if (data == NULL)
        return NULL;
      G_STRUCT_MEMBER (gpointer, log, cached_columns[c].offset) = data;
      if (size != expected)
        {
          g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT,
                       "log column %s has %" G_GSIZE_FORMAT " bytes, not %" G_GSIZE_FORMAT,
                       cached_columns[c].name, size, expected);
          return NULL;
        }
    }

  log->tags = onloop_store_read_log_column (store, "tags", &size, error);
  if (log->tags == NULL)
    return NULL;
  if (size != sizeof (guint32) * log->tag_start[log->n_events])
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT, "log column tags is damaged");
      return NULL;
    }

  for (guint d = 0; d < 3; d++)
    {
      static const char * const names[] = { "decisions", "actions", "tag_names" };
      GPtrArray *list = d == 0 ? log->decisions : d == 1 ? log->actions : log->tag_names;
      GHashTable *index = d == 0 ? log->decision_index : d == 1 ? log->action_index : log->tag_index;
      g_autofree char *strings = onloop_store_read_log_column (store, names[d], &size, error);

      if (strings == NULL)
        return NULL;
      if (size > 0 && strings[size - 1] != '\0')
        {
          g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT, "log dictionary is damaged");
          return NULL;
        }
      split_strings (strings, size, list, index);
    }

  /* Every index must point into its dictionary. */
  for (guint i = 0; i < log->n_events; i++)
    if (log->decision[i] >= log->decisions->len || log->action[i] >= log->actions->len ||
        log->tag_start[i] > log->tag_start[i + 1])
      {
        g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT, "log columns are damaged");
        return NULL;
      }
  for (guint k = 0; k < log->tag_start[log->n_events]; k++)
    if (log->tags[k] >= log->tag_names->len)
      {
        g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT, "log columns are damaged");
        return NULL;
      }

  log->week = onloop_log_alloc_column (sizeof (OnloopWeek) * log->n_events);
  for (guint i = 0; i < log->n_events; i++)
    {
      if (log->at[i] < week_start || log->at[i] >= week_end)
        {
          week = onloop_week_from_usec (log->at[i]);
          week_start = onloop_week_start_usec (week);
          week_end = week_start + ONLOOP_USEC_PER_WEEK;
        }
      log->week[i] = week;
    }

  return g_steal_pointer (&log);
}

static void
builder_init (Builder   *b,
              OnloopLog *log,
              guint      reserve)
{
  guint32 zero = 0;

  memset (b, 0, sizeof *b);
  b->log = log;
#define NEW_COLUMN(type) g_array_sized_new (FALSE, FALSE, sizeof (type), reserve + 1)
  b->seq = NEW_COLUMN (gint64);
  b->at = NEW_COLUMN (gint64);
  b->week = NEW_COLUMN (OnloopWeek);
  b->decision = NEW_COLUMN (guint32);
  b->action = NEW_COLUMN (guint32);
  b->deal_arr = NEW_COLUMN (double);
  b->sentiment = NEW_COLUMN (double);
  b->engagement = NEW_COLUMN (double);
  b->stage_progressed = NEW_COLUMN (gint8);
  b->days_in_stage = NEW_COLUMN (gint64);
  b->tag_start = NEW_COLUMN (guint32);
  b->tags = g_array_new (FALSE, FALSE, sizeof (guint32));
  b->first = NEW_COLUMN (guint8);
  b->outcome = NEW_COLUMN (guint8);
#undef NEW_COLUMN
  for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
    {
      b->seen[f].raw = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      b->seen[f].normalized = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  b->tag_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  b->week_start = G_MAXINT64;
  b->week_end = G_MININT64;
  g_array_append_val (b->tag_start, zero);
}

static void
builder_finish (Builder *b)
{
  OnloopLog *log = b->log;

  log->n_events = b->seq->len;
  log->seq = TAKE (b->seq, gint64);
  log->at = TAKE (b->at, gint64);
  log->week = TAKE (b->week, OnloopWeek);
  log->decision = TAKE (b->decision, guint32);
  log->action = TAKE (b->action, guint32);
  log->deal_arr = TAKE (b->deal_arr, double);
  log->sentiment = TAKE (b->sentiment, double);
  log->engagement = TAKE (b->engagement, double);
  log->stage_progressed = TAKE (b->stage_progressed, gint8);
  log->days_in_stage = TAKE (b->days_in_stage, gint64);
  log->tag_start = TAKE (b->tag_start, guint32);
  log->tags = TAKE (b->tags, guint32);
  log->first = TAKE (b->first, guint8);
  log->outcome = TAKE (b->outcome, guint8);
  for (guint f = 0; f < ONLOOP_N_FIRST_TIME_FIELDS; f++)
    {
      g_hash_table_unref (b->seen[f].raw);
      g_hash_table_unref (b->seen[f].normalized);
    }
  g_hash_table_unref (b->tag_lists);
}

static OnloopLog *
log_scan (OnloopStore  *store,
          GCancellable *cancellable,
          GError      **error)
{
  g_autoptr(OnloopLog) log = log_new ();
  Builder b;
  gboolean ok;

  builder_init (&b, log, (guint) MIN (onloop_store_count_events (store), G_MAXUINT32 - 1));
  ok = onloop_store_scan_events (store, add_row, &b, cancellable, error);
  builder_finish (&b);

  return ok ? g_steal_pointer (&log) : NULL;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const OnloopEvent *ea = *(OnloopEvent * const *) a;
  const OnloopEvent *eb = *(OnloopEvent * const *) b;

  if (ea->at_usec != eb->at_usec)
    return ea->at_usec < eb->at_usec ? -1 : 1;
  return strcmp (ea->id, eb->id);
}

OnloopLog *
onloop_log_new_from_events (OnloopEvent * const *events,
                            guint                n_events)
{
  OnloopLog *log = log_new ();
  g_autofree OnloopEvent **sorted = g_memdup2 (events, sizeof (OnloopEvent *) * MAX (n_events, 1));
  Builder b;

  qsort (sorted, n_events, sizeof (OnloopEvent *), compare_events);
  builder_init (&b, log, n_events);
  for (guint i = 0; i < n_events; i++)
    {
      const OnloopEvent *e = sorted[i];
      g_autofree char *tags = NULL;
      OnloopEventRow row = {
        .seq = i + 1,
        .at = e->at_usec,
        .id = e->id,
        .decision = e->decision,
        .action = e->action,
        .deal_arr = (e->has & ONLOOP_EVENT_HAS_DEAL_ARR) ? e->deal_arr : NAN,
        .sentiment = (e->has & ONLOOP_EVENT_HAS_SENTIMENT) ? e->sentiment : NAN,
        .engagement = (e->has & ONLOOP_EVENT_HAS_ENGAGEMENT) ? e->engagement : NAN,
        .stage_progressed = (e->has & ONLOOP_EVENT_HAS_STAGE_PROGRESSED) ? (e->stage_progressed != 0) : -1,
        .days_in_stage = (e->has & ONLOOP_EVENT_HAS_DAYS_IN_STAGE) ? e->days_in_stage : -1,
        .industry = e->industry,
        .persona = e->persona,
        .objection = e->objection,
        .rec_escalated = (e->has & ONLOOP_EVENT_HAS_ESCALATED) ? (e->escalated != 0) : -1,
        .reviewed = e->reviewed,
        .overridden = e->overridden,
        .quality_issue = e->quality_issue,
      };

      if (e->tags != NULL)
        {
          g_autoptr(JsonBuilder) jb = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_array (jb);
          for (guint k = 0; e->tags[k] != NULL; k++)
            json_builder_add_string_value (jb, e->tags[k]);
          json_builder_end_array (jb);
          root = json_builder_get_root (jb);
          tags = json_to_string (root, FALSE);
          row.tags = tags;
        }
      add_row (&row, &b);
    }
  builder_finish (&b);
  return log;
}

OnloopLog *
onloop_log_load (OnloopStore  *store,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr(OnloopLog) log = NULL;
  g_autofree char *signature = onloop_store_events_signature (store, error);
  g_autofree char *cached = NULL;

  if (signature == NULL)
    return NULL;

  cached = onloop_store_log_columns_signature (store);
  if (g_strcmp0 (cached, signature) == 0)
    {
      g_autoptr(GError) local_error = NULL;

      log = log_load_cache (store, &local_error);
      if (log == NULL)
        g_debug ("Ignoring the log's cached columns: %s", local_error->message);
    }

  if (log == NULL)
    {
      log = log_scan (store, cancellable, error);
      if (log == NULL)
        return NULL;
      log_save_cache (log, store, signature);
    }

  /* Spot checks change often and are few: never cached. */
  if (!onloop_store_scan_spot_checks (store, apply_spot_check, log, error))
    return NULL;

  return g_steal_pointer (&log);
}

OnloopLog *
onloop_log_ref (OnloopLog *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
onloop_log_unref (OnloopLog *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->seq);
  g_free (self->at);
  g_free (self->week);
  g_free (self->decision);
  g_free (self->action);
  g_free (self->deal_arr);
  g_free (self->sentiment);
  g_free (self->engagement);
  g_free (self->stage_progressed);
  g_free (self->days_in_stage);
  g_free (self->tag_start);
  g_free (self->tags);
  g_free (self->first);
  g_free (self->outcome);
  g_hash_table_unref (self->decision_index);
  g_hash_table_unref (self->action_index);
  g_hash_table_unref (self->tag_index);
  g_ptr_array_unref (self->decisions);
  g_ptr_array_unref (self->actions);
  g_ptr_array_unref (self->tag_names);
  g_free (self);
}

static guint32
lookup (GHashTable *index,
        const char *key)
{
  gpointer found = key != NULL ? g_hash_table_lookup (index, key) : NULL;

  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : ONLOOP_LOG_NONE;
}

guint32
onloop_log_lookup_decision (OnloopLog  *self,
                            const char *key)
{
  return lookup (self->decision_index, key);
}

guint32
onloop_log_lookup_action (OnloopLog  *self,
                          const char *action)
{
  return lookup (self->action_index, action);
}

guint32
onloop_log_lookup_tag (OnloopLog  *self,
                       const char *tag)
{
  return lookup (self->tag_index, tag);
}

guint
onloop_log_lower_bound (OnloopLog *self,
                        gint64     usec)
{
  guint lo = 0, hi = self->n_events;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->at[mid] < usec)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}
