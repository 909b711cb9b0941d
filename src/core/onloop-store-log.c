/* onloop-store-log.c: importing a decision log into a workspace (PRODUCT.md §2)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two threads share the work, because a million-line log is as much JSON
 * parsing as it is SQLite writing: a reader thread reads the file in large
 * chunks, splits lines and parses them into batches (strings in a per-batch
 * arena, no allocation per line), and the calling thread inserts the
 * batches with one prepared statement inside one transaction. A fixed pool
 * of batches travels between the two through two queues, so memory stays
 * bounded whatever the size of the file. The reader stops at the first bad
 * line; the writer inserts everything before it (a duplicate id can only be
 * found there) and then rolls the whole transaction back.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "onloop-log-parser-private.h"
#include "onloop-store-log.h"
#include "onloop-store-private.h"

#define READ_CHUNK        (4 * 1024 * 1024)
#define BATCH_ARENA       (ONLOOP_LOG_ARENA_NEED (ONLOOP_LOG_MAX_LINE_LENGTH + 1) + BATCH_ARENA_EXTRA)
/* Large batches, because each is written in id order (compare_records()):
 * 32,768 events sort the unique index's inserts enough that SQLite does
 * about a fifth less work than with 8,192, while 65,536 gained nothing more
 * measurable and cost 36 MB. The arena holds them at up to 512 bytes each
 * (generated logs average 334) plus room for one line of the longest kind. */
#define BATCH_MAX_EVENTS  32768
#define BATCH_ARENA_EXTRA (BATCH_MAX_EVENTS * 512)
#define N_BATCHES         3   /* one being filled, one waiting, one being written */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 10)
/* The page cache during an import, in KiB: large enough to keep the pages
 * of both indexes of a million events, so they are written once at commit
 * rather than spilled again and again. Reset afterwards. */
#define IMPORT_CACHE_KIB  131072

typedef struct
{
  guint64         line;
  OnloopEventView view;
} Record;

/* The first 8 bytes of an id as a big-endian number, so that most
 * comparisons of the sort are one integer comparison in a compact array. */
typedef struct
{
  guint64 prefix;
  guint32 index;
} SortKey;

typedef struct
{
  char    *arena;
  gsize    arena_used;
  Record  *records;      /* in line order while parsed, in id order once pushed */
  Record  *spare;        /* the other array of records: the sort gathers into it */
  SortKey *order;
  guint    n_records;
  guint64  bytes_done;   /* file offset after the batch's last line */
  GError  *error;        /* the stream ends here with this error */
  gboolean last;         /* the stream ends here */
} Batch;

typedef struct
{
  const char   *display;  /* the file name as the user gave it, for messages */
  int           fd;
  guint64       total;
  GAsyncQueue  *full;
  GAsyncQueue  *free;
  Batch         batches[N_BATCHES];
  gint          stop;     /* atomic: the writer gave up */
  gint64        reader_cpu_usec;
  GCancellable *cancellable;
} Import;

static void
batch_reset (Batch *batch)
{
  batch->arena_used = 0;
  batch->n_records = 0;
  batch->last = FALSE;
  g_clear_error (&batch->error);
}

/* The writer inserts a batch in the order of its ids: consecutive inserts
 * into the UNIQUE (id) index then go down the same few pages instead of
 * random ones, which saves about a quarter of SQLite's work. The reader
 * thread, which has time to spare, does the sorting. Equal ids stay in
 * line order, so the later line is the one reported as a duplicate. */
static int
compare_records (const void *a,
                 const void *b,
                 void       *user_data)
{
  const SortKey *ka = a;
  const SortKey *kb = b;
  const Record *records = user_data;
  const Record *ra;
  const Record *rb;
  guint32 len;
  int cmp;

  if (ka->prefix != kb->prefix)
    return ka->prefix < kb->prefix ? -1 : 1;

  ra = &records[ka->index];
  rb = &records[kb->index];
  len = MIN (ra->view.id.len, rb->view.id.len);
  cmp = memcmp (ra->view.id.str, rb->view.id.str, len);
  if (cmp != 0)
    return cmp;
  if (ra->view.id.len != rb->view.id.len)
    return ra->view.id.len < rb->view.id.len ? -1 : 1;
  return ra->line < rb->line ? -1 : ra->line > rb->line;
}

static void
push_batch (Import *import,
            Batch  *batch)
{
  Record *records;

  for (guint32 i = 0; i < batch->n_records; i++)
    {
      const OnloopSpan *id = &batch->records[i].view.id;
      guint64 prefix = 0;

      /* Bytes past the end count as 0, below every byte of a longer id
       * with the same start, as memcmp() then length order has it. */
      for (guint j = 0; j < 8; j++)
        prefix = (prefix << 8) | (j < id->len ? (guchar) id->str[j] : 0);
      batch->order[i].prefix = prefix;
      batch->order[i].index = i;
    }
  g_qsort_with_data (batch->order, batch->n_records, sizeof (SortKey), compare_records, batch->records);

  /* The writer then reads the records one after the other rather than
   * jumping about the array (a cache miss on every row). */
  for (guint32 i = 0; i < batch->n_records; i++)
    batch->spare[i] = batch->records[batch->order[i].index];
  records = batch->records;
  batch->records = batch->spare;
  batch->spare = records;

  g_async_queue_push (import->full, batch);
}

static Batch *
next_batch (Import *import,
            Batch  *full)
{
  if (full != NULL)
    push_batch (import, full);
  full = g_async_queue_pop (import->free);
  batch_reset (full);
  return full;
}

static gint64 thread_cpu_usec (void);

static void
finish (Import *import,
        Batch  *batch,
        GError *error)
{
  batch->error = error;
  batch->last = TRUE;
  push_batch (import, batch);
  import->reader_cpu_usec = thread_cpu_usec ();
}

static GError *
line_error (Import  *import,
            guint64  line,
            GError  *error)
{
  GError *prefixed = g_error_new (error->domain, error->code, "%s:%" G_GUINT64_FORMAT ": %s",
                                  import->display, line, error->message);
  g_error_free (error);
  return prefixed;
}

/* Parses one line into @batch (or a fresh batch when it is full). */
static gboolean
add_line (Import           *import,
          OnloopLogParser  *parser,
          Batch           **batch,
          const char       *line,
          gsize             len,
          guint64           line_no,
          guint64           line_offset,
          GError          **error)
{
  Record *record;
  gsize used;

  if (onloop_log_line_is_blank (line, len))
    return TRUE;

  if ((*batch)->n_records == BATCH_MAX_EVENTS ||
      BATCH_ARENA - (*batch)->arena_used < ONLOOP_LOG_ARENA_NEED (MIN (len, ONLOOP_LOG_MAX_LINE_LENGTH + 1)))
    {
      (*batch)->bytes_done = line_offset;
      *batch = next_batch (import, *batch);
    }

  record = &(*batch)->records[(*batch)->n_records];
  used = onloop_log_parser_parse_view (parser, line, len, &record->view,
                                       (*batch)->arena + (*batch)->arena_used, error);
  if (used == 0)
    {
      *error = line_error (import, line_no, *error);
      return FALSE;
    }

  record->line = line_no;
  (*batch)->arena_used += used;
  (*batch)->n_records++;
  return TRUE;
}

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gpointer
reader_thread (gpointer data)
{
  Import *import = data;
  g_autoptr(OnloopLogParser) parser = onloop_log_parser_new ();
  g_autofree char *buf = g_malloc (READ_CHUNK + ONLOOP_LOG_MAX_LINE_LENGTH + 2);
  Batch *batch = next_batch (import, NULL);
  GError *error = NULL;
  guint64 offset = 0;    /* file offset of buf[0] */
  guint64 line_no = 0;
  gsize carry = 0;

  for (;;)
    {
      gssize n;
      const char *p;
      const char *end;
      const char *nl;

      if (g_atomic_int_get (&import->stop))
        {
          finish (import, batch, NULL);
          return NULL;
        }

      n = read (import->fd, buf + carry, READ_CHUNK);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          finish (import, batch,
                  g_error_new (ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_IO, _("%s: cannot read: %s"),
                               import->display, g_strerror (saved_errno)));
          return NULL;
        }

      p = buf;
      end = buf + carry + n;
      /* A byte order mark at the start of the file (Windows tools write
       * one) is not part of the first line. */
      if (offset == 0 && line_no == 0 && end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
      while ((nl = memchr (p, '\n', end - p)) != NULL)
        {
          if (!add_line (import, parser, &batch, p, nl - p, ++line_no, offset + (p - buf), &error))
            {
              finish (import, batch, error);
              return NULL;
            }
          p = nl + 1;
        }

      if (n == 0)
        {
          if (p < end &&
              !add_line (import, parser, &batch, p, end - p, ++line_no, offset + (p - buf), &error))
            {
              finish (import, batch, error);
              return NULL;
            }
          batch->bytes_done = offset + (end - buf);
          finish (import, batch, NULL);
          return NULL;
        }

      /* What is left is the start of a line; one longer than the limit
       * (plus a '\r') is refused here, before more of it is read. */
      carry = end - p;
      if (carry > ONLOOP_LOG_MAX_LINE_LENGTH + 1)
        {
          error = g_error_new (ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_TOO_LONG,
                               _("the line is longer than the limit of %u bytes"),
                               (guint) ONLOOP_LOG_MAX_LINE_LENGTH);
          finish (import, batch, line_error (import, line_no + 1, error));
          return NULL;
        }
      memmove (buf, p, carry);
      offset += p - buf;
    }
}

static GHashTable *
load_map_keys (OnloopStore *store,
               GError     **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = onloop_store_statement (store, "SELECT key FROM decisions", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (keys, g_strdup (onloop_sqlite_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (store, error, _("Could not read the decision map"));
      return NULL;
    }

  return g_steal_pointer (&keys);
}

static gint64
max_seq (OnloopStore *store,
         GError     **error)
{
  sqlite3_stmt *stmt = onloop_store_statement (store, "SELECT coalesce (max (seq), 0) FROM events", error);
  gint64 seq = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  else
    onloop_store_set_error (store, error, _("Could not read the log"));
  sqlite3_reset (stmt);

  return seq;
}

/* What each parameter of the insert holds now. Bindings survive
 * sqlite3_reset(), and every bind call takes the connection's mutex, so a
 * NULL or a flag that is the same as on the previous row is not bound
 * again (most optional fields are absent on most rows). */
typedef struct
{
  sqlite3_stmt *stmt;
  gint8         state[21];   /* BOUND_NULL, BOUND_FALSE, BOUND_TRUE or BOUND_OTHER */
} Binder;

enum
{
  BOUND_OTHER,
  BOUND_NULL,
  BOUND_FALSE,
  BOUND_TRUE,
};

static inline void
bind_null (Binder *b,
           int     column)
{
  if (b->state[column] != BOUND_NULL)
    {
      sqlite3_bind_null (b->stmt, column);
      b->state[column] = BOUND_NULL;
    }
}

static inline void
bind_span (Binder           *b,
           int               column,
           const OnloopSpan *span)
{
  if (span->str != NULL)
    {
      sqlite3_bind_text (b->stmt, column, span->str, (int) span->len, SQLITE_STATIC);
      b->state[column] = BOUND_OTHER;
    }
  else
    bind_null (b, column);
}

static inline void
bind_double (Binder  *b,
             int      column,
             gboolean present,
             double   value)
{
  if (present)
    {
      sqlite3_bind_double (b->stmt, column, value);
      b->state[column] = BOUND_OTHER;
    }
  else
    bind_null (b, column);
}

static inline void
bind_flag (Binder  *b,
           int      column,
           gboolean present,
           gboolean value)
{
  gint8 state = value ? BOUND_TRUE : BOUND_FALSE;

  if (!present)
    bind_null (b, column);
  else if (b->state[column] != state)
    {
      sqlite3_bind_int (b->stmt, column, value ? 1 : 0);
      b->state[column] = state;
    }
}

static void
bind_event (Binder                *b,
            const OnloopEventView *v)
{
  bind_span (b, 1, &v->id);
  sqlite3_bind_int64 (b->stmt, 2, v->at_usec);
  bind_span (b, 3, &v->at_text);
  bind_span (b, 4, &v->decision);
  bind_span (b, 5, &v->action);
  bind_double (b, 6, v->has & ONLOOP_EVENT_HAS_DEAL_ARR, v->deal_arr);
  bind_double (b, 7, v->has & ONLOOP_EVENT_HAS_SENTIMENT, v->sentiment);
  bind_span (b, 8, &v->industry);
  bind_span (b, 9, &v->persona);
  bind_span (b, 10, &v->objection);
  bind_double (b, 11, v->has & ONLOOP_EVENT_HAS_ENGAGEMENT, v->engagement);
  bind_flag (b, 12, v->has & ONLOOP_EVENT_HAS_STAGE_PROGRESSED, v->stage_progressed);
  if (v->has & ONLOOP_EVENT_HAS_DAYS_IN_STAGE)
    {
      sqlite3_bind_int64 (b->stmt, 13, v->days_in_stage);
      b->state[13] = BOUND_OTHER;
    }
  else
    bind_null (b, 13);
  bind_span (b, 14, &v->tags_json);
  bind_flag (b, 15, v->has & ONLOOP_EVENT_HAS_ESCALATED, v->escalated);
  bind_flag (b, 16, TRUE, v->reviewed);
  bind_flag (b, 17, TRUE, v->overridden);
  bind_flag (b, 18, TRUE, v->quality_issue);
  bind_double (b, 19, v->has & ONLOOP_EVENT_HAS_REVIEW_MINUTES, v->review_minutes);
  bind_span (b, 20, &v->extra);
}

typedef struct
{
  OnloopStore        *store;
  Import             *import;
  GHashTable         *map_keys;
  GHashTable         *present_ids;  /* ids of this file already in the workspace */
  gint64              seq_before;   /* events with a larger seq came from this file */
  gint64              waited_usec;  /* for the reader, in total */
  OnloopImportCounts  counts;
} Writer;

/* The insert changed nothing: the id was there before this import (skip
 * it, returns TRUE) or came earlier in this very file (returns FALSE with
 * *duplicate set), or the look-up failed (FALSE with @error). An id the
 * workspace had is still a duplicate the second time the file names it. */
static gboolean
check_conflict (Writer       *w,
                const Record *record,
                gboolean     *duplicate,
                GError      **error)
{
  sqlite3_stmt *stmt = onloop_store_statement (w->store, "SELECT seq FROM events WHERE id = ?1", error);
  gint64 seq = 0;
  int rc;

  *duplicate = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->view.id.str, (int) record->view.id.len, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      onloop_store_set_error (w->store, error, _("Could not read the log"));
      return FALSE;
    }

  if (seq > w->seq_before ||
      !g_hash_table_add (w->present_ids, g_strndup (record->view.id.str, record->view.id.len)))
    {
      *duplicate = TRUE;
      return FALSE;
    }

  w->counts.already_present++;
  return TRUE;
}

static gboolean write_rows (Writer  *w,
                            Batch   *batch,
                            GError **error);

/* Every SQLite call takes the connection's mutex; holding it for the whole
 * batch makes each of those a cheap re-entry of a lock this thread already
 * owns instead of an atomic lock and unlock (about 7 % of the import's CPU).
 * The connection is this thread's alone during the import anyway. */
static gboolean
write_batch (Writer  *w,
             Batch   *batch,
             GError **error)
{
  sqlite3_mutex *mutex = sqlite3_db_mutex (onloop_store_get_db (w->store));
  gboolean ok;

  sqlite3_mutex_enter (mutex);
  ok = write_rows (w, batch, error);
  sqlite3_mutex_leave (mutex);

  return ok;
}

static gboolean
write_rows (Writer  *w,
            Batch   *batch,
            GError **error)
{
  sqlite3 *db = onloop_store_get_db (w->store);
  sqlite3_stmt *insert;
  Binder binder = { NULL };
  const Record *first_duplicate = NULL;

  insert = onloop_store_statement (w->store,
                                   "INSERT INTO events (id, at, at_text, decision, action,"
                                   " deal_arr, sentiment, industry, persona, objection,"
                                   " engagement, stage_progressed, days_in_stage, tags,"
                                   " rec_escalated, reviewed, overridden, quality_issue,"
                                   " review_minutes, extra)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                   " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
                                   " ON CONFLICT (id) DO NOTHING",
                                   error);
  if (insert == NULL)
    return FALSE;
  binder.stmt = insert;   /* fresh from the cache: every parameter is NULL */
  memset (binder.state, BOUND_NULL, sizeof binder.state);

  /* In id order (see compare_records()). A repeated id is not reported at
   * once: the batch goes on so that the error names the earliest line. */
  for (guint i = 0; i < batch->n_records; i++)
    {
      const Record *record = &batch->records[i];
      gboolean duplicate;
      int rc;

      if ((i & 1023) == 1023 && g_cancellable_set_error_if_cancelled (w->import->cancellable, error))
        return FALSE;

      bind_event (&binder, &record->view);
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        {
          onloop_store_set_error (w->store, error, _("Could not save the log"));
          return FALSE;
        }

      w->counts.lines++;
      if (sqlite3_changes (db) == 0)
        {
          if (!check_conflict (w, record, &duplicate, error))
            {
              if (!duplicate)
                return FALSE;
              if (first_duplicate == NULL || record->line < first_duplicate->line)
                first_duplicate = record;
            }
        }
      else
        {
          w->counts.imported++;
          if (!g_hash_table_contains (w->map_keys, record->view.decision.str))
            w->counts.unmapped++;
        }
    }

  if (first_duplicate != NULL)
    {
      g_set_error (error, ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_DUPLICATE,
                   _("%s:%" G_GUINT64_FORMAT ": id: “%s” appears twice in this file"),
                   w->import->display, first_duplicate->line, first_duplicate->view.id.str);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_log (Import     *import,
          const char *path,
          GError    **error)
{
  struct stat st;

  import->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (import->fd < 0 || fstat (import->fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      int saved_errno = import->fd >= 0 && S_ISDIR (st.st_mode) ? EISDIR : errno;
      g_set_error (error, ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_IO, _("%s: cannot read: %s"),
                   import->display, g_strerror (saved_errno));
      return FALSE;
    }

  import->total = (guint64) st.st_size;
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (import->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return TRUE;
}

/* Runs the writer side until the last batch; on error stops the reader. */
static gboolean
run_writer (Writer                   *w,
            OnloopImportProgressFunc  progress,
            gpointer                  user_data,
            gboolean                 *reader_done,
            GError                  **error)
{
  Import *import = w->import;
  gint64 last_progress = 0;

  for (;;)
    {
      gint64 wait_start = g_get_monotonic_time ();
      Batch *batch = g_async_queue_pop (import->full);
      gboolean last = batch->last;

      w->waited_usec += g_get_monotonic_time () - wait_start;

      *reader_done = last;

      if (!write_batch (w, batch, error) ||
          g_cancellable_set_error_if_cancelled (import->cancellable, error))
        {
          g_async_queue_push (import->free, batch);
          return FALSE;
        }

      if (batch->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&batch->error));
          g_async_queue_push (import->free, batch);
          return FALSE;
        }

      if (progress != NULL && (last || g_get_monotonic_time () - last_progress >= PROGRESS_INTERVAL))
        {
          progress (last ? import->total : MIN (batch->bytes_done, import->total),
                    import->total, user_data);
          last_progress = g_get_monotonic_time ();
        }

      g_async_queue_push (import->free, batch);
      if (last)
        return TRUE;
    }
}

static void
stop_reader (Import  *import,
             GThread *thread)
{
  g_atomic_int_set (&import->stop, 1);
  /* The reader may wait for a free batch; every batch it pushes from now
   * on is handed straight back until it has seen the stop. */
  for (;;)
    {
      Batch *batch = g_async_queue_pop (import->full);
      gboolean last = batch->last;
      g_async_queue_push (import->free, batch);
      if (last)
        break;
    }
  g_thread_join (thread);
}

gboolean
onloop_store_import_log (OnloopStore              *store,
                         const char               *path,
                         OnloopImportProgressFunc  progress,
                         gpointer                  user_data,
                         GCancellable             *cancellable,
                         OnloopImportCounts       *counts,
                         GError                  **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GHashTable) map_keys = NULL;
  g_autoptr(GHashTable) present_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  Import import = { 0 };
  Writer w = { 0 };
  GThread *thread = NULL;
  gboolean reader_done = FALSE;
  gboolean written;
  gboolean ok = FALSE;
  gint64 started = g_get_monotonic_time ();
  gint64 started_cpu = thread_cpu_usec ();
  gint64 written_at;

  g_return_val_if_fail (ONLOOP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  display = g_filename_display_name (path);
  import.display = display;
  import.cancellable = cancellable;
  import.fd = -1;

  if (!open_log (&import, path, error))
    {
      if (import.fd >= 0)
        close (import.fd);
      return FALSE;
    }

  if (!onloop_store_begin (store, error))
    {
      close (import.fd);
      return FALSE;
    }

  if (!onloop_store_exec (store, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB), &local_error))
    goto out;

  w.store = store;
  w.import = &import;
  w.present_ids = present_ids;
  w.seq_before = max_seq (store, &local_error);
  if (w.seq_before < 0)
    goto out;
  w.map_keys = map_keys = load_map_keys (store, &local_error);
  if (map_keys == NULL)
    goto out;

  import.full = g_async_queue_new ();
  import.free = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      import.batches[i].arena = g_malloc (BATCH_ARENA);
      import.batches[i].records = g_new (Record, BATCH_MAX_EVENTS);
      import.batches[i].spare = g_new (Record, BATCH_MAX_EVENTS);
      import.batches[i].order = g_new (SortKey, BATCH_MAX_EVENTS);
      g_async_queue_push (import.free, &import.batches[i]);
    }

  thread = g_thread_try_new ("onloop-log-reader", reader_thread, &import, &local_error);
  if (thread == NULL)
    goto out;

  written = run_writer (&w, progress, user_data, &reader_done, &local_error);
  if (reader_done)
    g_thread_join (thread);
  else
    stop_reader (&import, thread);
  thread = NULL;

  if (!written)
    goto out;

  if (w.counts.imported > 0 && !onloop_store_mark_stale (store, &local_error))
    goto out;

  ok = TRUE;

out:
  written_at = g_get_monotonic_time ();
  if (ok)
    ok = onloop_store_commit (store, &local_error);
  else
    onloop_store_rollback (store);
  g_debug ("import: %" G_GUINT64_FORMAT " lines in %.2f s, then %s in %.2f s;"
           " CPU: reader %.2f s, writer %.2f s; the writer waited %.2f s for the reader",
           w.counts.lines, (written_at - started) / 1e6, ok ? "commit" : "rollback",
           (g_get_monotonic_time () - written_at) / 1e6, import.reader_cpu_usec / 1e6,
           (thread_cpu_usec () - started_cpu) / 1e6, w.waited_usec / 1e6);
  onloop_store_exec (store, "PRAGMA cache_size = -2000", NULL);

  close (import.fd);
  for (guint i = 0; i < N_BATCHES; i++)
    {
      g_free (import.batches[i].arena);
      g_free (import.batches[i].records);
      g_free (import.batches[i].spare);
      g_free (import.batches[i].order);
      g_clear_error (&import.batches[i].error);
    }
  g_clear_pointer (&import.full, g_async_queue_unref);
  g_clear_pointer (&import.free, g_async_queue_unref);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (counts != NULL)
    *counts = w.counts;
  if (w.counts.imported > 0)
    onloop_store_emit_changed (store, ONLOOP_STORE_CHANGE_LOG);

  return TRUE;
}
