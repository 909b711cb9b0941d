/* onloop-calibration-panel.c: drag a trigger's threshold, see the rate
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sweep (OnloopCalibration) is built in a worker thread, once per
 * trigger, draft and range. The slider then runs over the distinct values
 * of the trigger's field, one step per value; every step is a binary
 * search in the sweep and a redraw of the marker, nothing more.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "onloop-calibration-panel.h"
#include "onloop-spec-command.h"

/* The curve is drawn from at most this many cuts (it is monotonic, so
 * evenly spaced cuts lose nothing visible). */
#define MAX_CURVE_POINTS 400

struct _OnloopCalibrationPanel
{
  GtkBox             parent_instance;

  GtkDropDown       *trigger_dropdown;
  GtkStringList     *trigger_list;
  GtkLabel          *status_label;
  OnloopChart       *chart;
  GtkScale          *slider;
  GtkAdjustment     *adjustment;
  GtkLabel          *result_label;
  GtkButton         *best_button;
  GtkButton         *apply_button;

  OnloopUndoStack   *undo_stack;
  OnloopLog         *log;
  OnloopSpec        *draft;
  OnloopRange        range;
  OnloopThresholds   thresholds;

  OnloopCalibration *calibration;
  GCancellable      *cancellable;
  char              *trigger_id;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (OnloopCalibrationPanel, onloop_calibration_panel, GTK_TYPE_BOX)

static double
target (OnloopCalibrationPanel *self)
{
  return (self->thresholds.target_low + self->thresholds.target_high) / 2;
}

static char *
format_threshold (OnloopCalibrationPanel *self,
                  double                  value)
{
  if (self->calibration != NULL &&
      onloop_calibration_get_kind (self->calibration) == ONLOOP_TRIGGER_DEAL_SIZE)
    return g_strdup_printf ("%'.0f", value);
  return g_strdup_printf ("%.2f", value);
}

static char *
format_value_cb (GtkScale *scale,
                 double    value,
                 gpointer  user_data)
{
  OnloopCalibrationPanel *self = user_data;
  OnloopCalibrationPoint point;

  if (self->calibration == NULL || onloop_calibration_get_n_cuts (self->calibration) == 0)
    return g_strdup ("");

  onloop_calibration_get_cut (self->calibration, (guint) value, &point);
  return format_threshold (self, point.threshold);
}

static guint
current_index (OnloopCalibrationPanel *self)
{
  return (guint) round (gtk_adjustment_get_value (self->adjustment));
}

static void
update_result (OnloopCalibrationPanel *self)
{
  OnloopCalibrationPoint point;
  guint n_cuts, index;
  g_autofree char *threshold = NULL;
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  const char *parameter;
  const char *op;

  if (self->calibration == NULL || (n_cuts = onloop_calibration_get_n_cuts (self->calibration)) == 0)
    return;

  index = MIN (current_index (self), n_cuts - 1);
  onloop_calibration_get_cut (self->calibration, index, &point);
  threshold = format_threshold (self, point.threshold);
  parameter = onloop_calibration_get_parameter (self->calibration);
  op = onloop_calibration_get_kind (self->calibration) == ONLOOP_TRIGGER_SENTIMENT ? "<" : "≥";

  current = format_threshold (self, onloop_calibration_get_current (self->calibration));
  /* TRANSLATORS: "min_arr ≥ 61,250: 12.5 % of decisions escalated (1,250 of 10,000); the
   * draft has 50,000" */
  text = g_strdup_printf (_("%s %s %s: %.1f %% of decisions escalated (%'u of %'u); the draft "
                            "has %s"),
                          parameter, op, threshold, point.exception_rate * 100, point.escalated,
                          onloop_calibration_get_n_events (self->calibration), current);
  gtk_label_set_label (self->result_label, text);
  onloop_chart_set_marker (self->chart, n_cuts > 1 ? (double) index / (n_cuts - 1) : 0.5,
                           point.exception_rate);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button),
                            self->undo_stack != NULL &&
                            point.threshold != onloop_calibration_get_current (self->calibration));
}

static void
slider_changed_cb (OnloopCalibrationPanel *self)
{
  if (!self->filling)
    update_result (self);
}

/* The cut nearest @value (cuts are ascending). */
static guint
nearest_cut (OnloopCalibration *calibration,
             double             value)
{
  guint lo = 0, hi = onloop_calibration_get_n_cuts (calibration);
  OnloopCalibrationPoint point;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      onloop_calibration_get_cut (calibration, mid, &point);
      if (point.threshold < value)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0)
    {
      OnloopCalibrationPoint below;
      onloop_calibration_get_cut (calibration, lo - 1, &below);
      if (lo == onloop_calibration_get_n_cuts (calibration))
        return lo - 1;
      onloop_calibration_get_cut (calibration, lo, &point);
      if (value - below.threshold < point.threshold - value)
        return lo - 1;
    }

  return lo;
}

static void
show_calibration (OnloopCalibrationPanel *self)
{
  guint n_cuts = onloop_calibration_get_n_cuts (self->calibration);
  guint n_points = MIN (n_cuts, MAX_CURVE_POINTS);
  g_autofree double *rates = g_new (double, MAX (1, n_points));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *best_label = NULL;
  g_autofree char *status = NULL;

  for (guint i = 0; i < n_points; i++)
    {
      guint cut = n_points > 1 ? (guint) round ((double) i * (n_cuts - 1) / (n_points - 1)) : 0;
      OnloopCalibrationPoint point;

      onloop_calibration_get_cut (self->calibration, cut, &point);
      rates[i] = point.exception_rate;
      g_ptr_array_add (labels, format_threshold (self, point.threshold));
    }
  g_ptr_array_add (labels, NULL);

  onloop_chart_set_data (self->chart, n_points, 1, rates,
                         (const char * const *) labels->pdata, NULL);

  self->filling = TRUE;
  gtk_adjustment_configure (self->adjustment,
                            nearest_cut (self->calibration,
                                         onloop_calibration_get_current (self->calibration)),
                            0, MAX (n_cuts, 1) - 1, 1, MAX (1, n_cuts / 20), 0);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->slider), n_cuts > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->best_button), n_cuts > 0);

  best_label = g_strdup_printf (_("_Closest to %.1f %%"), target (self) * 100);
  gtk_button_set_label (self->best_button, best_label);
  status = g_strdup_printf (ngettext ("%'u distinct value over %'u decisions",
                                      "%'u distinct values over %'u decisions", n_cuts),
                            n_cuts, onloop_calibration_get_n_events (self->calibration));
  gtk_label_set_label (self->status_label, status);
  update_result (self);
}

/* What the thread reads: its own references, since the panel may move on. */
typedef struct
{
  OnloopLog   *log;
  OnloopSpec  *draft;
  OnloopRange  range;
  char        *trigger_id;
} Job;

static void
job_free (Job *job)
{
  onloop_log_unref (job->log);
  onloop_spec_unref (job->draft);
  g_free (job->trigger_id);
  g_free (job);
}

static void
calibration_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  OnloopCalibration *calibration;

  calibration = onloop_calibration_new (job->log, job->draft, job->trigger_id, job->range,
                                        cancellable, &error);
#ifdef __GLIBC__
  /* The sweep's sort buffers are freed: give their pages back. */
  malloc_trim (0);
#endif
  if (calibration == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, calibration, (GDestroyNotify) onloop_calibration_unref);
}

static void
calibration_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  OnloopCalibrationPanel *self = ONLOOP_CALIBRATION_PANEL (source);
  g_autoptr(GError) error = NULL;
  OnloopCalibration *calibration = g_task_propagate_pointer (G_TASK (result), &error);

  if (calibration == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->status_label, error->message);
      return;
    }

  g_clear_pointer (&self->calibration, onloop_calibration_unref);
  self->calibration = calibration;
  show_calibration (self);
}

static void
start_calibration (OnloopCalibrationPanel *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->calibration, onloop_calibration_unref);
  onloop_chart_set_data (self->chart, 0, 1, NULL, NULL, NULL);
  onloop_chart_set_marker (self->chart, -1, NAN);
  gtk_widget_set_sensitive (GTK_WIDGET (self->slider), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->best_button), FALSE);
  gtk_label_set_label (self->result_label, "");

  if (self->log == NULL || self->draft == NULL || self->trigger_id == NULL)
    {
      gtk_label_set_label (self->status_label,
                           self->draft != NULL && self->trigger_id == NULL
                           ? _("The draft has no trigger with a threshold to calibrate.")
                           : _("Import a decision log to calibrate the triggers."));
      return;
    }

  gtk_label_set_label (self->status_label, _("Working out the curve…"));
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, calibration_done_cb, NULL);
  g_task_set_source_tag (task, start_calibration);
  {
    Job *job = g_new0 (Job, 1);

    job->log = onloop_log_ref (self->log);
    job->draft = onloop_spec_ref (self->draft);
    job->range = self->range;
    job->trigger_id = g_strdup (self->trigger_id);
    g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  }
  g_task_run_in_thread (task, calibration_thread);
}

static void
trigger_selected_cb (OnloopCalibrationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->trigger_dropdown);
  const char *id;

  if (self->filling)
    return;

  id = selected == GTK_INVALID_LIST_POSITION ? NULL
       : gtk_string_list_get_string (self->trigger_list, selected);
  if (g_strcmp0 (id, self->trigger_id) == 0 && self->calibration != NULL)
    return;

  g_free (self->trigger_id);
  self->trigger_id = g_strdup (id);
  start_calibration (self);
}

static void
best_clicked_cb (OnloopCalibrationPanel *self)
{
  OnloopCalibrationPoint best;

  if (self->calibration == NULL)
    return;

  onloop_calibration_best (self->calibration, target (self), &best);
  gtk_adjustment_set_value (self->adjustment, nearest_cut (self->calibration, best.threshold));
}

static void
apply_clicked_cb (OnloopCalibrationPanel *self)
{
  OnloopTrigger *before;
  OnloopTrigger *after;
  g_autoptr(OnloopCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  OnloopCalibrationPoint point;
  GtkWidget *overlay;

  if (self->calibration == NULL || self->undo_stack == NULL || self->draft == NULL)
    return;

  before = onloop_spec_find_trigger (self->draft, self->trigger_id);
  if (before == NULL)
    return;

  onloop_calibration_get_cut (self->calibration, current_index (self), &point);
  after = onloop_trigger_copy (before);
  switch (after->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      after->min_arr = point.threshold;
      break;
    case ONLOOP_TRIGGER_SENTIMENT:
      after->below = point.threshold;
      break;
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      after->min_engagement = point.threshold;
      break;
    default:
      break;
    }

  command = onloop_spec_command_new_set_trigger (before, after);
  onloop_trigger_free (after);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (!onloop_undo_stack_push (self->undo_stack, command, &error))
    {
      gtk_label_set_label (self->status_label, error->message);
      return;
    }

  if (overlay != NULL)
    {
      g_autofree char *threshold = format_threshold (self, point.threshold);
      g_autofree char *title = g_strdup_printf (_("“%s” set to %s in the draft"),
                                                self->trigger_id, threshold);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
onloop_calibration_panel_dispose (GObject *object)
{
  OnloopCalibrationPanel *self = ONLOOP_CALIBRATION_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->calibration, onloop_calibration_unref);
  g_clear_pointer (&self->log, onloop_log_unref);
  g_clear_pointer (&self->draft, onloop_spec_unref);
  g_clear_pointer (&self->trigger_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_CALIBRATION_PANEL);

  G_OBJECT_CLASS (onloop_calibration_panel_parent_class)->dispose (object);
}

static void
onloop_calibration_panel_class_init (OnloopCalibrationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_calibration_panel_dispose;

  g_type_ensure (ONLOOP_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-calibration-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, trigger_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, trigger_list);
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, slider);
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, adjustment);
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, result_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, best_button);
  gtk_widget_class_bind_template_child (widget_class, OnloopCalibrationPanel, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, trigger_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, slider_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, best_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
}

static void
onloop_calibration_panel_init (OnloopCalibrationPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  onloop_thresholds_init_default (&self->thresholds);
  self->range = ONLOOP_RANGE_ALL;
  onloop_chart_set_format (self->chart, ONLOOP_CHART_PERCENT);
  onloop_chart_set_continuous (self->chart, TRUE);
  g_object_set (self->chart, "title", _("Exception rate by threshold"), NULL);
  gtk_scale_set_format_value_func (self->slider, format_value_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slider),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Threshold"), -1);
  start_calibration (self);
}

static gboolean
is_sweepable (const OnloopTrigger *trigger)
{
  return trigger->kind == ONLOOP_TRIGGER_DEAL_SIZE ||
         trigger->kind == ONLOOP_TRIGGER_SENTIMENT ||
         trigger->kind == ONLOOP_TRIGGER_CONFLICTING_SIGNALS;
}

void
onloop_calibration_panel_set_source (OnloopCalibrationPanel *self,
                                     OnloopUndoStack        *undo_stack,
                                     OnloopLog              *log,
                                     OnloopSpec             *draft,
                                     OnloopRange             range,
                                     const OnloopThresholds *thresholds)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint keep = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (ONLOOP_IS_CALIBRATION_PANEL (self));

  g_set_object (&self->undo_stack, undo_stack);
  g_clear_pointer (&self->log, onloop_log_unref);
  g_clear_pointer (&self->draft, onloop_spec_unref);
  self->log = log != NULL ? onloop_log_ref (log) : NULL;
  self->draft = draft != NULL ? onloop_spec_ref (draft) : NULL;
  self->range = range;
  if (thresholds != NULL)
    self->thresholds = *thresholds;
  onloop_chart_set_band (self->chart, self->thresholds.target_low, self->thresholds.target_high);
  onloop_chart_set_rules (self->chart,
                          (double[]) { self->thresholds.too_loose, self->thresholds.in_the_loop },
                          2);

  for (guint i = 0; draft != NULL && i < draft->triggers->len; i++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (draft->triggers, i);

      if (!is_sweepable (trigger))
        continue;
      if (g_strcmp0 (trigger->id, self->trigger_id) == 0)
        keep = ids->len;
      g_ptr_array_add (ids, trigger->id);
    }
  g_ptr_array_add (ids, NULL);

  self->filling = TRUE;
  gtk_string_list_splice (self->trigger_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->trigger_list)),
                          (const char * const *) ids->pdata);
  if (keep == GTK_INVALID_LIST_POSITION && ids->len > 1)
    keep = 0;
  gtk_drop_down_set_selected (self->trigger_dropdown, keep);
  self->filling = FALSE;

  g_free (self->trigger_id);
  self->trigger_id = keep != GTK_INVALID_LIST_POSITION
                     ? g_strdup (gtk_string_list_get_string (self->trigger_list, keep)) : NULL;
  start_calibration (self);
}

gboolean
onloop_calibration_panel_select_trigger (OnloopCalibrationPanel *self,
                                         const char             *trigger_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->trigger_list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->trigger_list, i), trigger_id) == 0)
      {
        gtk_drop_down_set_selected (self->trigger_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

OnloopCalibration *
onloop_calibration_panel_get_calibration (OnloopCalibrationPanel *self)
{
  return self->calibration;
}

GtkRange *
onloop_calibration_panel_get_slider (OnloopCalibrationPanel *self)
{
  return GTK_RANGE (self->slider);
}

OnloopChart *
onloop_calibration_panel_get_chart (OnloopCalibrationPanel *self)
{
  return self->chart;
}

double
onloop_calibration_panel_get_threshold (OnloopCalibrationPanel *self)
{
  OnloopCalibrationPoint point;

  if (self->calibration == NULL || onloop_calibration_get_n_cuts (self->calibration) == 0)
    return NAN;
  onloop_calibration_get_cut (self->calibration, current_index (self), &point);
  return point.threshold;
}

double
onloop_calibration_panel_get_rate (OnloopCalibrationPanel *self)
{
  OnloopCalibrationPoint point;

  if (self->calibration == NULL || onloop_calibration_get_n_cuts (self->calibration) == 0)
    return NAN;
  onloop_calibration_get_cut (self->calibration, current_index (self), &point);
  return point.exception_rate;
}

const char *
onloop_calibration_panel_get_result_text (OnloopCalibrationPanel *self)
{
  return gtk_label_get_label (self->result_label);
}
