/* onloop-import-bar.c: a decision log import in a thread, with progress
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import runs on its own connection to the workspace file in a GTask
 * thread (a store is used by one thread at a time). The thread only stores
 * its progress in an atomic; a timer on the main loop moves the bar, so the
 * thread never waits for a frame. Cancel rolls the import back whole.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-import-bar.h"
#include "onloop-review-worker.h"

typedef struct
{
  char               *store_path;
  char               *log_path;
  gint                permille;   /* atomic: the thread's progress */
  OnloopImportCounts  counts;
} Job;

struct _OnloopImportBar
{
  AdwBin          parent_instance;

  GtkRevealer    *revealer;
  GtkProgressBar *progress;

  Job            *job;            /* while running; owned by the task */
  GCancellable   *cancellable;
  guint           timer;
};

G_DEFINE_FINAL_TYPE (OnloopImportBar, onloop_import_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  g_free (job->store_path);
  g_free (job->log_path);
  g_free (job);
}

static void
progress_cb (guint64  bytes_done,
             guint64  bytes_total,
             gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->permille, bytes_total ? (gint) (bytes_done * 1000 / bytes_total) : 0);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  int priority = onloop_worker_lower_priority ();
  g_autoptr(OnloopStore) store = NULL;
  GError *error = NULL;

  store = onloop_store_open (job->store_path, ONLOOP_STORE_OPEN_NONE, &error);
  if (store == NULL ||
      !onloop_store_import_log (store, job->log_path, progress_cb, job, cancellable,
                                &job->counts, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  onloop_worker_restore_priority (priority);
}

static gboolean
timer_cb (gpointer data)
{
  OnloopImportBar *self = data;

  if (self->job != NULL)
    gtk_progress_bar_set_fraction (self->progress, g_atomic_int_get (&self->job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  OnloopImportBar *self = ONLOOP_IMPORT_BAR (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&self->timer, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  self->job = NULL;
  g_clear_object (&self->cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-bar.cancel", FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  g_signal_emit (self, signals[FINISHED], 0, ok ? &job->counts : NULL, error);
}

gboolean
onloop_import_bar_start (OnloopImportBar *self,
                         const char      *store_path,
                         const char      *log_path)
{
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (ONLOOP_IS_IMPORT_BAR (self), FALSE);

  if (self->job != NULL)
    return FALSE;

  self->job = g_new0 (Job, 1);
  self->job->store_path = g_strdup (store_path);
  self->job->log_path = g_strdup (log_path);
  self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-bar.cancel", TRUE);
  self->timer = g_timeout_add (50, timer_cb, self);

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, onloop_import_bar_start);
  g_task_set_task_data (task, self->job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, import_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  return TRUE;
}

void
onloop_import_bar_cancel (OnloopImportBar *self)
{
  g_return_if_fail (ONLOOP_IS_IMPORT_BAR (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
onloop_import_bar_get_running (OnloopImportBar *self)
{
  g_return_val_if_fail (ONLOOP_IS_IMPORT_BAR (self), FALSE);

  return self->job != NULL;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  onloop_import_bar_cancel (ONLOOP_IMPORT_BAR (widget));
}

static void
onloop_import_bar_dispose (GObject *object)
{
  OnloopImportBar *self = ONLOOP_IMPORT_BAR (object);

  /* The task holds the bar until the thread ends; cancelling rolls back. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_IMPORT_BAR);

  G_OBJECT_CLASS (onloop_import_bar_parent_class)->dispose (object);
}

static void
onloop_import_bar_finalize (GObject *object)
{
  OnloopImportBar *self = ONLOOP_IMPORT_BAR (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (onloop_import_bar_parent_class)->finalize (object);
}

static void
onloop_import_bar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OnloopImportBar *self = ONLOOP_IMPORT_BAR (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->job != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_import_bar_class_init (OnloopImportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_import_bar_dispose;
  object_class->finalize = onloop_import_bar_finalize;
  object_class->get_property = onloop_import_bar_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnloopImportBar::finished:
   * @counts: (nullable): the counts, on success
   * @error: (nullable): why nothing was imported (G_IO_ERROR_CANCELLED
   *   after Cancel), on failure
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-import-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopImportBar, progress);

  gtk_widget_class_install_action (widget_class, "import-bar.cancel", NULL, cancel_action);
}

static void
onloop_import_bar_init (OnloopImportBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a bound template child, which disposing the
   * template would unparent behind AdwBin's back. */
  self->revealer = GTK_REVEALER (adw_bin_get_child (ADW_BIN (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-bar.cancel", FALSE);
}
