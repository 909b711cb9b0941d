/* onloop-draft-preview.c: what the draft would have escalated, kept up to date
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds the imported log as columns and, for each draft it is given,
 * computes in a GTask thread the exception rate the draft would have
 * produced (onloop_preview_compute(), overall and last four weeks) and its
 * lint warnings. Each update cancels the one before and only the latest
 * result is kept, so typing never waits for a computation. Emits "updated"
 * on the main thread when a result (or the lack of a log) is known.
 */

#include "config.h"

#include "onloop-draft-preview.h"
#include "onloop-spec-lint.h"

struct _OnloopDraftPreview
{
  GObject        parent_instance;

  OnloopStore   *store;
  OnloopLog     *log;
  guint          log_idle;
  OnloopSpec    *spec;          /* what the last update asked for */
  GCancellable  *cancellable;
  guint          generation;
  gboolean       running;
  gboolean       has_preview;
  OnloopPreview  preview;
  GPtrArray     *warnings;
};

G_DEFINE_FINAL_TYPE (OnloopDraftPreview, onloop_draft_preview, G_TYPE_OBJECT)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  OnloopLog     *log;
  OnloopSpec    *spec;
  guint          generation;
  gboolean       has_preview;
  OnloopPreview  preview;
  GPtrArray     *warnings;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->log, onloop_log_unref);
  g_clear_pointer (&job->spec, onloop_spec_unref);
  g_clear_pointer (&job->warnings, g_ptr_array_unref);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;

  if (job->log != NULL && job->log->n_events > 0)
    {
      if (!onloop_preview_compute (job->log, job->spec, &job->preview, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      job->has_preview = TRUE;
    }

  job->warnings = onloop_spec_lint (job->spec, job->log, cancellable);
  if (job->warnings == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  OnloopDraftPreview *self = ONLOOP_DRAFT_PREVIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (job->generation == self->generation)
        self->running = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CANCELLED))
        g_warning ("Preview: %s", error->message);
      return;
    }

  /* A newer update (or a cancel) made this one moot. */
  if (job->generation != self->generation)
    return;

  self->running = FALSE;
  self->has_preview = job->has_preview;
  self->preview = job->preview;
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_steal_pointer (&job->warnings);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
start (OnloopDraftPreview *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->running = FALSE;

  if (self->spec == NULL)
    return;

  job = g_new0 (Job, 1);
  job->generation = self->generation;
  job->log = self->log != NULL ? onloop_log_ref (self->log) : NULL;
  job->spec = onloop_spec_ref (self->spec);

  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

void
onloop_draft_preview_update (OnloopDraftPreview  *self,
                             OnloopSpec          *draft,
                             const char          *candidate_id,
                             const OnloopTrigger *candidate)
{
  g_return_if_fail (ONLOOP_IS_DRAFT_PREVIEW (self));

  g_clear_pointer (&self->spec, onloop_spec_unref);
  if (draft != NULL)
    {
      /* The worker gets a copy of its own. */
      self->spec = onloop_spec_copy (draft);
      if (candidate != NULL && candidate_id != NULL)
        {
          int index = onloop_spec_trigger_index (self->spec, candidate_id);
          if (index >= 0)
            {
              onloop_trigger_free (g_ptr_array_index (self->spec->triggers, index));
              g_ptr_array_index (self->spec->triggers, index) = onloop_trigger_copy (candidate);
            }
        }
    }
  start (self);
}

/* The log is read on the main thread, from an idle callback after the
 * frame: a second OnloopStore on the same file would let onloop_store_open()
 * check the file's header with open()/close(), and closing any descriptor of
 * the file drops every POSIX lock this process holds on it, after which
 * another process (onloop-cli) may checkpoint and delete the WAL under our
 * connection. The store's statements are not for two threads either. */
static gboolean
load_log_idle_cb (gpointer data)
{
  OnloopDraftPreview *self = data;
  g_autoptr(GError) error = NULL;
  OnloopLog *log;

  self->log_idle = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  log = onloop_log_load (self->store, NULL, &error);
  if (log == NULL)
    {
      g_warning ("Reading the log: %s", error->message);
      g_signal_emit (self, signals[UPDATED], 0);
      return G_SOURCE_REMOVE;
    }

  g_clear_pointer (&self->log, onloop_log_unref);
  self->log = log;
  start (self);
  return G_SOURCE_REMOVE;
}

void
onloop_draft_preview_reload_log (OnloopDraftPreview *self)
{
  g_return_if_fail (ONLOOP_IS_DRAFT_PREVIEW (self));

  g_clear_handle_id (&self->log_idle, g_source_remove);
  if (self->store != NULL)
    self->log_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_log_idle_cb, self, NULL);
}

void
onloop_draft_preview_set_store (OnloopDraftPreview *self,
                                OnloopStore        *store)
{
  g_return_if_fail (ONLOOP_IS_DRAFT_PREVIEW (self));

  onloop_draft_preview_cancel (self);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->log, onloop_log_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->has_preview = FALSE;
  onloop_draft_preview_reload_log (self);
}

void
onloop_draft_preview_cancel (OnloopDraftPreview *self)
{
  g_return_if_fail (ONLOOP_IS_DRAFT_PREVIEW (self));

  self->generation++;
  self->running = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->log_idle, g_source_remove);
}

gboolean
onloop_draft_preview_is_busy (OnloopDraftPreview *self)
{
  return self->running || self->log_idle != 0;
}

gboolean
onloop_draft_preview_is_reading_log (OnloopDraftPreview *self)
{
  return self->log_idle != 0;
}

gboolean
onloop_draft_preview_get (OnloopDraftPreview *self,
                          OnloopPreview      *preview)
{
  if (!self->has_preview)
    return FALSE;
  if (preview != NULL)
    *preview = self->preview;
  return TRUE;
}

GPtrArray *
onloop_draft_preview_get_warnings (OnloopDraftPreview *self)
{
  return self->warnings;
}

static void
onloop_draft_preview_dispose (GObject *object)
{
  OnloopDraftPreview *self = ONLOOP_DRAFT_PREVIEW (object);

  onloop_draft_preview_cancel (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (onloop_draft_preview_parent_class)->dispose (object);
}

static void
onloop_draft_preview_finalize (GObject *object)
{
  OnloopDraftPreview *self = ONLOOP_DRAFT_PREVIEW (object);

  g_clear_pointer (&self->log, onloop_log_unref);
  g_clear_pointer (&self->spec, onloop_spec_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (onloop_draft_preview_parent_class)->finalize (object);
}

static void
onloop_draft_preview_class_init (OnloopDraftPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onloop_draft_preview_dispose;
  object_class->finalize = onloop_draft_preview_finalize;

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
onloop_draft_preview_init (OnloopDraftPreview *self)
{
}

OnloopDraftPreview *
onloop_draft_preview_new (void)
{
  return g_object_new (ONLOOP_TYPE_DRAFT_PREVIEW, NULL);
}
