/* onloop-boundaries-view.c: the Boundaries view of a workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hands every view the open workspace and its undo stack through
 * the "store" and "undo-stack" properties (NULL when none is open).
 *
 * A list of the execution decisions (grouped by workflow), the judgment
 * decisions, the triggers and the history leads to a form for the one
 * selected (AdwLeaflet: side by side when wide, one at a time when narrow).
 * Above both, the live preview: the exception rate the draft would have
 * produced on the imported log, computed in a worker thread after every
 * change (and while a trigger's threshold is being typed), each run
 * cancelling the one before, so the UI never waits for it. The same run
 * lints the draft; warnings show where they apply.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "onloop-boundaries-view.h"
#include "onloop-boundary-form.h"
#include "onloop-draft-preview.h"
#include "onloop-publish-dialog.h"
#include "onloop-spec-history.h"
#include "onloop-spec-lint.h"
#include "onloop-spec-print.h"
#include "onloop-store-spec.h"
#include "onloop-trigger-editor.h"

struct _OnloopBoundariesView
{
  AdwBin                parent_instance;

  GtkWidget            *preview_bar;
  GtkLabel             *verdict_label;
  GtkLabel             *preview_label;
  GtkLabel             *preview_detail;
  GtkWidget            *preview_facts;
  GtkWidget            *badge_label;
  GtkWidget            *publish_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *sidebar_list;
  GtkWidget            *content;
  GtkWidget            *back_bar;
  GtkLabel             *content_title;
  GtkStack             *content_stack;
  OnloopBoundaryForm   *form;
  OnloopTriggerEditor  *trigger_editor;
  OnloopSpecHistory    *history;

  OnloopStore          *store;
  OnloopUndoStack      *undo_stack;
  gulong                changed_handler;

  OnloopSpec           *draft;
  char                 *page;          /* "decision", "triggers", "history" */
  char                 *key;           /* the decision shown */
  gboolean              rebuilding;
  gboolean              reload_pending; /* the workspace changed while hidden */

  OnloopDraftPreview   *worker;        /* preview and lint, off the main thread */
  guint                 fold_idle;
  char                 *candidate_id;  /* a trigger being typed into */
  OnloopTrigger        *candidate;

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (OnloopBoundariesView, onloop_boundaries_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNDO_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_current (OnloopBoundariesView *self);

static void
toast (OnloopBoundariesView *self,
       const char           *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

/* ---- The log and the preview ------------------------------------------ */

static const char *
verdict_class (double rate,
               double low,
               double high,
               double loose,
               double loop,
               const char **text)
{
  if (rate < loose)
    {
      *text = _("Too loose");
      return "error";
    }
  if (rate < low)
    {
      *text = _("Below target");
      return "warning";
    }
  if (rate <= high)
    {
      *text = _("On target");
      return "success";
    }
  if (rate <= loop)
    {
      *text = _("Above target");
      return "warning";
    }
  *text = _("In the loop");
  return "error";
}

static void
show_preview (OnloopBoundariesView *self)
{
  const char *classes[] = { "success", "warning", "error" };
  OnloopPreview preview;
  double low, high, loose, loop;
  g_autofree char *band = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), classes[i]);

  if (self->store == NULL)
    return;

  low = onloop_store_get_setting_double (self->store, "diagnosis.target_low", 0.10);
  high = onloop_store_get_setting_double (self->store, "diagnosis.target_high", 0.15);
  loose = onloop_store_get_setting_double (self->store, "diagnosis.too_loose", 0.05);
  loop = onloop_store_get_setting_double (self->store, "diagnosis.in_the_loop", 0.20);
  band = g_strdup_printf (_("target %.0f–%.0f %%"), low * 100, high * 100);

  if (!onloop_draft_preview_get (self->worker, &preview))
    {
      gboolean reading = onloop_draft_preview_is_reading_log (self->worker);

      gtk_label_set_text (self->preview_label,
                          reading ? _("Reading the log…") : _("No log imported yet"));
      gtk_label_set_text (self->preview_detail,
                          reading ? ""
                          : _("Import the AI’s decision log on the Review view to see what this draft would escalate."));
      gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), FALSE);
      return;
    }

  {
    const OnloopPreview *p = &preview;
    double shown = !isnan (p->recent_exception_rate) ? p->recent_exception_rate : p->exception_rate;
    const char *verdict = NULL;
    const char *css = verdict_class (shown, low, high, loose, loop, &verdict);
    g_autofree char *headline = NULL;
    g_autofree char *detail = NULL;

    if (!isnan (p->recent_exception_rate))
      headline = g_strdup_printf (_("%.1f %% over the last 4 weeks · %.1f %% overall"),
                                  p->recent_exception_rate * 100, p->exception_rate * 100);
    else
      headline = g_strdup_printf (_("%.1f %% overall"), p->exception_rate * 100);
    detail = g_strdup_printf (_("%u of %u events escalated in the last 4 weeks, %u of %u in the whole log; %s"),
                              p->recent_escalated, p->recent_events, p->escalated, p->events, band);

    gtk_label_set_text (self->preview_label, headline);
    gtk_label_set_text (self->preview_detail, detail);
    gtk_label_set_text (self->verdict_label, verdict);
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), css);
    gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), TRUE);
  }
}

static void apply_warnings (OnloopBoundariesView *self);

static void
schedule_preview (OnloopBoundariesView *self)
{
  onloop_draft_preview_update (self->worker, self->draft, self->candidate_id, self->candidate);
}

static void
preview_updated_cb (OnloopDraftPreview   *worker,
                    OnloopBoundariesView *self)
{
  show_preview (self);
  apply_warnings (self);
}

static void
trigger_preview_cb (OnloopTriggerEditor  *editor,
                    const char           *id,
                    OnloopTrigger        *candidate,
                    OnloopBoundariesView *self)
{
  g_clear_pointer (&self->candidate, onloop_trigger_free);
  g_clear_pointer (&self->candidate_id, g_free);
  if (candidate != NULL)
    {
      self->candidate = onloop_trigger_copy (candidate);
      self->candidate_id = g_strdup (id);
    }
  schedule_preview (self);
}

/* ---- The list of decisions -------------------------------------------- */

static GtkWidget *
sidebar_row (const char *page,
             const char *key,
             const char *section,
             const char *title,
             const char *subtitle,
             gboolean    warning)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title_label);
  gtk_box_append (GTK_BOX (labels), subtitle_label);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_visible (icon, warning);
  gtk_widget_set_tooltip_text (icon, _("Has warnings"));
  gtk_box_append (GTK_BOX (box), icon);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "page", g_strdup (page), g_free);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  g_object_set_data_full (G_OBJECT (row), "section", g_strdup (section), g_free);
  g_object_set_data (G_OBJECT (row), "warning-icon", icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");
  const char *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "section") : NULL;
  GtkWidget *header;

  if (section == NULL || g_strcmp0 (section, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (header), 28);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_list_box_row_set_header (row, header);
}

static char *
boundary_summary (OnloopSpecDecision *decision)
{
  if (decision->may->len + decision->uses->len + decision->must_not->len == 0)
    return g_strdup (_("No boundary yet"));
  /* Translators: counts of the three lists of a boundary */
  return g_strdup_printf (_("May %u · Uses %u · Must not %u"), decision->may->len,
                          decision->uses->len, decision->must_not->len);
}

static void
rebuild_sidebar (OnloopBoundariesView *self)
{
  GtkListBoxRow *child;
  g_autoptr(GPtrArray) workflows = g_ptr_array_new ();
  guint n_versions = 0;
  guint n_enabled = 0;

  self->rebuilding = TRUE;
  while ((child = gtk_list_box_get_row_at_index (self->sidebar_list, 0)) != NULL)
    gtk_list_box_remove (self->sidebar_list, GTK_WIDGET (child));

  if (self->draft == NULL)
    {
      self->rebuilding = FALSE;
      return;
    }

  for (guint i = 0; i < self->draft->triggers->len; i++)
    n_enabled += ((OnloopTrigger *) g_ptr_array_index (self->draft->triggers, i))->enabled;

  {
    g_autofree char *subtitle = g_strdup_printf (_("%u triggers, %u enabled"),
                                                 self->draft->triggers->len, n_enabled);
    gtk_list_box_append (self->sidebar_list,
                         sidebar_row ("triggers", NULL, _("Spec"), _("Exception Triggers"),
                                      subtitle, FALSE));
  }
  {
    g_autofree char *subtitle = NULL;
    n_versions = (guint) onloop_store_get_latest_version (self->store);
    subtitle = n_versions == 0 ? g_strdup (_("Nothing published yet"))
                               : g_strdup_printf (_("Version %u is the latest"), n_versions);
    gtk_list_box_append (self->sidebar_list,
                         sidebar_row ("history", NULL, _("Spec"), _("History"), subtitle, FALSE));
  }

  /* Execution decisions grouped by workflow, in the order the workflows
   * first appear on the map; decisions without one last. */
  for (guint i = 0; i < self->draft->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (self->draft->decisions, i);
      gboolean seen = FALSE;

      if (decision->category != ONLOOP_CATEGORY_EXECUTION)
        continue;
      for (guint w = 0; w < workflows->len; w++)
        seen |= g_strcmp0 (g_ptr_array_index (workflows, w), decision->workflow) == 0;
      if (!seen && decision->workflow != NULL)
        g_ptr_array_add (workflows, decision->workflow);
    }
  g_ptr_array_add (workflows, NULL);

  for (guint w = 0; w < workflows->len; w++)
    {
      const char *workflow = g_ptr_array_index (workflows, w);
      g_autofree char *section = workflow != NULL
                                 ? g_strdup_printf (_("Execution · %s"), workflow)
                                 : g_strdup (_("Execution · No workflow"));

      for (guint i = 0; i < self->draft->decisions->len; i++)
        {
          OnloopSpecDecision *decision = g_ptr_array_index (self->draft->decisions, i);
          g_autofree char *summary = NULL;

          if (decision->category != ONLOOP_CATEGORY_EXECUTION ||
              g_strcmp0 (decision->workflow, workflow) != 0)
            continue;
          summary = boundary_summary (decision);
          gtk_list_box_append (self->sidebar_list,
                               sidebar_row ("decision", decision->key, section, decision->title,
                                            summary, FALSE));
        }
    }

  for (guint i = 0; i < self->draft->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (self->draft->decisions, i);

      if (decision->category != ONLOOP_CATEGORY_JUDGMENT)
        continue;
      gtk_list_box_append (self->sidebar_list,
                           sidebar_row ("decision", decision->key, _("Judgment · people own these"),
                                        decision->title, _("No boundary: always escalates"),
                                        FALSE));
    }

  self->rebuilding = FALSE;
}

static GtkListBoxRow *
find_sidebar_row (OnloopBoundariesView *self,
                  const char           *page,
                  const char           *key)
{
  GtkListBoxRow *child;

  for (int i = 0; (child = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "page"), page) == 0 &&
        g_strcmp0 (g_object_get_data (G_OBJECT (child), "key"), key) == 0)
      return child;
  return NULL;
}

static void
apply_warnings (OnloopBoundariesView *self)
{
  GtkListBoxRow *child;

  for (int r = 0; (child = gtk_list_box_get_row_at_index (self->sidebar_list, r)) != NULL; r++)
    {
      const char *page = g_object_get_data (G_OBJECT (child), "page");
      const char *key = g_object_get_data (G_OBJECT (child), "key");
      GtkWidget *icon = g_object_get_data (G_OBJECT (child), "warning-icon");
      gboolean any = FALSE;

      for (guint i = 0; onloop_draft_preview_get_warnings (self->worker) != NULL && i < onloop_draft_preview_get_warnings (self->worker)->len; i++)
        {
          OnloopLintWarning *warning = g_ptr_array_index (onloop_draft_preview_get_warnings (self->worker), i);
          if (g_str_equal (page, "triggers") ? warning->trigger != NULL
              : g_str_equal (page, "decision") && g_strcmp0 (warning->decision, key) == 0)
            any = TRUE;
        }
      gtk_widget_set_visible (icon, any);
    }

  show_current (self);
}

/* ---- Pages ------------------------------------------------------------- */

static void
show_current (OnloopBoundariesView *self)
{
  const char *title = NULL;

  if (self->draft == NULL)
    return;

  if (g_strcmp0 (self->page, "decision") == 0 &&
      onloop_spec_find_decision (self->draft, self->key) != NULL)
    {
      OnloopSpecDecision *decision = onloop_spec_find_decision (self->draft, self->key);
      onloop_boundary_form_show (self->form, self->draft, self->key, onloop_draft_preview_get_warnings (self->worker));
      gtk_stack_set_visible_child_name (self->content_stack, "decision");
      title = decision->title;
    }
  else if (g_strcmp0 (self->page, "triggers") == 0)
    {
      onloop_trigger_editor_show (self->trigger_editor, self->draft, onloop_draft_preview_get_warnings (self->worker));
      gtk_stack_set_visible_child_name (self->content_stack, "triggers");
      title = _("Exception Triggers");
    }
  else if (g_strcmp0 (self->page, "history") == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "history");
      title = _("History");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");

  gtk_label_set_text (self->content_title, title != NULL ? title : "");
}

static void
select_page (OnloopBoundariesView *self,
             const char           *page,
             const char           *key)
{
  GtkListBoxRow *row;

  if (g_strcmp0 (self->page, page) != 0 || g_strcmp0 (self->key, key) != 0)
    {
      g_free (self->page);
      self->page = g_strdup (page);
      g_free (self->key);
      self->key = g_strdup (key);
    }

  if (g_strcmp0 (page, "history") == 0)
    onloop_spec_history_refresh (self->history);

  row = find_sidebar_row (self, page, key);
  self->rebuilding = TRUE;
  gtk_list_box_select_row (self->sidebar_list, row);
  self->rebuilding = FALSE;
  show_current (self);
}

static void
sidebar_row_activated_cb (GtkListBox           *list,
                          GtkListBoxRow        *row,
                          OnloopBoundariesView *self)
{
  if (self->rebuilding || row == NULL)
    return;

  select_page (self, g_object_get_data (G_OBJECT (row), "page"),
               g_object_get_data (G_OBJECT (row), "key"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Narrow: the verdict and badge above the numbers, not squeezing them. */
static gboolean
fold_idle_cb (gpointer data)
{
  OnloopBoundariesView *self = data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  self->fold_idle = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->preview_facts),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  return G_SOURCE_REMOVE;
}

static void
folded_cb (AdwLeaflet           *leaflet,
           GParamSpec           *pspec,
           OnloopBoundariesView *self)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_widget_set_visible (self->back_bar, folded);
  /* "folded" changes while the leaflet is being allocated: relayout the
   * preview bar after this frame, not in the middle of it. */
  if (self->fold_idle == 0)
    self->fold_idle = g_idle_add (fold_idle_cb, self);
  gtk_list_box_set_selection_mode (self->sidebar_list,
                                   folded ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);
  if (!folded)
    select_page (self, self->page, self->key);
}

static void
back_clicked_cb (GtkButton            *button,
                 OnloopBoundariesView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- Reacting to the workspace ----------------------------------------- */

static void
reload (OnloopBoundariesView *self)
{
  g_autoptr(GError) error = NULL;
  OnloopSpec *draft = NULL;

  if (self->store != NULL)
    {
      draft = onloop_store_load_draft (self->store, &error);
      if (draft == NULL)
        g_warning ("Loading the draft: %s", error->message);
    }
  g_clear_pointer (&self->draft, onloop_spec_unref);
  self->draft = draft;

  gtk_widget_set_visible (self->badge_label,
                          self->store != NULL && onloop_store_has_unpublished_changes (self->store));

  rebuild_sidebar (self);

  /* Start with the first execution decision (or the triggers). */
  if (self->draft != NULL &&
      (self->page == NULL ||
       (g_str_equal (self->page, "decision") && onloop_spec_find_decision (self->draft, self->key) == NULL)))
    {
      const char *first = NULL;

      for (guint i = 0; i < self->draft->decisions->len && first == NULL; i++)
        {
          OnloopSpecDecision *decision = g_ptr_array_index (self->draft->decisions, i);
          if (decision->category == ONLOOP_CATEGORY_EXECUTION)
            first = decision->key;
        }
      if (first != NULL)
        select_page (self, "decision", first);
      else
        select_page (self, "triggers", NULL);
    }
  else
    select_page (self, self->page, self->key);

  if (self->candidate_id != NULL &&
      (self->draft == NULL || onloop_spec_find_trigger (self->draft, self->candidate_id) == NULL))
    {
      g_clear_pointer (&self->candidate, onloop_trigger_free);
      g_clear_pointer (&self->candidate_id, g_free);
    }

  if (g_strcmp0 (self->page, "history") == 0)
    onloop_spec_history_refresh (self->history);

  schedule_preview (self);
}

/* A workshop moves many cards on the Map while this view is hidden; each
 * reload rebuilds the list and recomputes the preview, so only the last one
 * matters, and only once the view is on screen. */
static void
reload_when_shown (OnloopBoundariesView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->reload_pending = TRUE;
}

/* Brings a hidden view up to date, for callers that read it or are about
 * to show it. */
static void
catch_up (OnloopBoundariesView *self)
{
  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      reload (self);
    }
}

static void
onloop_boundaries_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (onloop_boundaries_view_parent_class)->map (widget);

  catch_up (ONLOOP_BOUNDARIES_VIEW (widget));
}

static void
store_changed_cb (OnloopStore          *store,
                  guint                 change,
                  OnloopBoundariesView *self)
{
  if (change & ONLOOP_STORE_CHANGE_LOG)
    onloop_draft_preview_reload_log (self->worker);
  if (change & (ONLOOP_STORE_CHANGE_MAP | ONLOOP_STORE_CHANGE_SPEC | ONLOOP_STORE_CHANGE_SETTINGS))
    reload_when_shown (self);
}

static void
connect_store (OnloopBoundariesView *self)
{
  onloop_boundary_form_set_store (self->form, self->store, self->undo_stack);
  onloop_trigger_editor_set_store (self->trigger_editor, self->store, self->undo_stack);
  onloop_spec_history_set_store (self->history, self->store, self->undo_stack);
}

/* ---- Publish, export, print -------------------------------------------- */

static void
publish_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     OnloopBoundariesView *self)
{
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int version = 0;

  if (!g_str_equal (response, "publish") || self->store == NULL)
    return;

  note = onloop_publish_dialog_get_note (ONLOOP_PUBLISH_DIALOG (dialog));
  if (!onloop_store_publish (self->store, note, &version, &error))
    {
      toast (self, error->message);
      return;
    }

  text = g_strdup_printf (_("Published version %d"), version);
  toast (self, text);
  onloop_spec_history_refresh (self->history);
}

GtkWidget *
onloop_boundaries_view_open_publish (OnloopBoundariesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  OnloopPublishDialog *dialog;

  g_return_val_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self), NULL);

  if (self->store == NULL)
    return NULL;

  dialog = onloop_publish_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      onloop_store_get_latest_version (self->store) + 1,
                                      onloop_draft_preview_get_warnings (self->worker));
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  onloop_boundaries_view_open_publish (ONLOOP_BOUNDARIES_VIEW (widget));
}

/* The latest version, or the draft when nothing was published. */
static OnloopSpec *
spec_to_hand_over (OnloopBoundariesView  *self,
                   GError               **error)
{
  int latest = onloop_store_get_latest_version (self->store);

  if (latest > 0)
    return onloop_store_load_version (self->store, latest, error);
  return onloop_store_load_draft (self->store, error);
}

gboolean
onloop_boundaries_view_export_to (OnloopBoundariesView  *self,
                                  GFile                 *file,
                                  GError               **error)
{
  g_autoptr(OnloopSpec) spec = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  spec = spec_to_hand_over (self, error);
  if (spec == NULL)
    return FALSE;
  json = onloop_spec_to_json (spec);
  return g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
export_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    OnloopBoundariesView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!onloop_boundaries_view_export_to (self, file, &error))
        toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          int latest = onloop_store_get_latest_version (self->store);
          g_autofree char *text = NULL;

          /* What the AI runtime should obey is a published version. */
          if (latest > 0 && onloop_store_has_unpublished_changes (self->store))
            text = g_strdup_printf (_("Exported version %d as “%s”; the draft’s unpublished changes are not in it"),
                                    latest, name);
          else
            text = g_strdup_printf (_("Exported “%s”"), name);
          toast (self, text);
        }
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OnloopBoundariesView *self = ONLOOP_BOUNDARIES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  int latest;
  g_autofree char *name = NULL;

  if (self->store == NULL || self->chooser != NULL)
    return;

  latest = onloop_store_get_latest_version (self->store);
  name = latest > 0 ? g_strdup_printf ("spec-v%d.json", latest) : g_strdup ("spec-draft.json");
  self->chooser = gtk_file_chooser_native_new (_("Export Spec"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
run_print (OnloopBoundariesView     *self,
           GtkPrintOperationAction   action,
           const char               *path,
           GError                  **error)
{
  g_autoptr(OnloopSpec) spec = NULL;
  g_autoptr(OnloopSpecPrint) print = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  spec = spec_to_hand_over (self, error);
  if (spec == NULL)
    return FALSE;

  currency = onloop_store_get_setting (self->store, "currency");
  title = g_filename_display_basename (onloop_store_get_path (self->store));
  if (g_str_has_suffix (title, ".onloop"))
    title[strlen (title) - strlen (".onloop")] = '\0';
  print = onloop_spec_print_new (spec, title, currency);
  return onloop_spec_print_run (print, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                action, path, error);
}

gboolean
onloop_boundaries_view_print_to_pdf (OnloopBoundariesView  *self,
                                     const char            *path,
                                     GError               **error)
{
  g_return_val_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return run_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path, error);
}

static void
show_triggers_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  onloop_boundaries_view_show_page (ONLOOP_BOUNDARIES_VIEW (widget), "triggers");
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  onloop_boundaries_view_show_page (ONLOOP_BOUNDARIES_VIEW (widget), "history");
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OnloopBoundariesView *self = ONLOOP_BOUNDARIES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !run_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    toast (self, error->message);
}

/* ---- GObject ------------------------------------------------------------ */

static void
onloop_boundaries_view_dispose (GObject *object)
{
  OnloopBoundariesView *self = ONLOOP_BOUNDARIES_VIEW (object);

  /* A run that finishes after this must not touch the widgets. */
  if (self->worker != NULL)
    {
      onloop_draft_preview_cancel (self->worker);
      g_signal_handlers_disconnect_by_data (self->worker, self);
      g_clear_object (&self->worker);
    }
  g_clear_handle_id (&self->fold_idle, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->undo_stack);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_BOUNDARIES_VIEW);

  G_OBJECT_CLASS (onloop_boundaries_view_parent_class)->dispose (object);
}

static void
onloop_boundaries_view_finalize (GObject *object)
{
  OnloopBoundariesView *self = ONLOOP_BOUNDARIES_VIEW (object);

  g_clear_pointer (&self->draft, onloop_spec_unref);
  g_clear_pointer (&self->candidate, onloop_trigger_free);
  g_free (self->candidate_id);
  g_free (self->page);
  g_free (self->key);

  G_OBJECT_CLASS (onloop_boundaries_view_parent_class)->finalize (object);
}

static void
onloop_boundaries_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OnloopBoundariesView *self = ONLOOP_BOUNDARIES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_boundaries_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OnloopBoundariesView *self = ONLOOP_BOUNDARIES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      onloop_boundaries_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_UNDO_STACK:
      onloop_boundaries_view_set_undo_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_boundaries_view_class_init (OnloopBoundariesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_boundaries_view_dispose;
  object_class->finalize = onloop_boundaries_view_finalize;
  object_class->get_property = onloop_boundaries_view_get_property;
  object_class->set_property = onloop_boundaries_view_set_property;
  widget_class->map = onloop_boundaries_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ONLOOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, ONLOOP_TYPE_UNDO_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ONLOOP_TYPE_BOUNDARY_FORM);
  g_type_ensure (ONLOOP_TYPE_TRIGGER_EDITOR);
  g_type_ensure (ONLOOP_TYPE_SPEC_HISTORY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-boundaries-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, preview_bar);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, preview_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, preview_detail);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, preview_facts);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, badge_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, publish_button);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, content);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, back_bar);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, content_title);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, form);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, trigger_editor);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoundariesView, history);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, trigger_preview_cb);

  gtk_widget_class_install_action (widget_class, "boundaries.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "boundaries.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "boundaries.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "boundaries.show-triggers", NULL,
                                   show_triggers_action);
  gtk_widget_class_install_action (widget_class, "boundaries.show-history", NULL,
                                   show_history_action);
}

static void
onloop_boundaries_view_init (OnloopBoundariesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->worker = onloop_draft_preview_new ();
  g_signal_connect (self->worker, "updated", G_CALLBACK (preview_updated_cb), self);
  gtk_list_box_set_header_func (self->sidebar_list, header_func, NULL, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boundaries.publish", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boundaries.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boundaries.print", FALSE);
}

OnloopStore *
onloop_boundaries_view_get_store (OnloopBoundariesView *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self), NULL);

  return self->store;
}

void
onloop_boundaries_view_set_store (OnloopBoundariesView *self,
                                  OnloopStore          *store)
{
  g_return_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_set_object (&self->store, store);

  g_clear_pointer (&self->candidate, onloop_trigger_free);
  g_clear_pointer (&self->candidate_id, g_free);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->key, g_free);

  if (store != NULL)
    self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boundaries.publish", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boundaries.export", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boundaries.print", store != NULL);

  connect_store (self);
  onloop_draft_preview_set_store (self->worker, store);
  self->reload_pending = FALSE;
  reload_when_shown (self);
  show_preview (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

OnloopUndoStack *
onloop_boundaries_view_get_undo_stack (OnloopBoundariesView *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self), NULL);

  return self->undo_stack;
}

void
onloop_boundaries_view_set_undo_stack (OnloopBoundariesView *self,
                                       OnloopUndoStack      *undo_stack)
{
  g_return_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self));

  if (g_set_object (&self->undo_stack, undo_stack))
    {
      connect_store (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
    }
}

gboolean
onloop_boundaries_view_select_decision (OnloopBoundariesView *self,
                                        const char           *key)
{
  g_return_val_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self), FALSE);

  catch_up (self);

  if (self->draft == NULL || onloop_spec_find_decision (self->draft, key) == NULL)
    return FALSE;

  select_page (self, "decision", key);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

void
onloop_boundaries_view_show_page (OnloopBoundariesView *self,
                                  const char           *page)
{
  g_return_if_fail (ONLOOP_IS_BOUNDARIES_VIEW (self));

  catch_up (self);

  select_page (self, page, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

const char *
onloop_boundaries_view_get_page (OnloopBoundariesView *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWidget *
onloop_boundaries_view_get_form (OnloopBoundariesView *self)
{
  return GTK_WIDGET (self->form);
}

GtkWidget *
onloop_boundaries_view_get_trigger_editor (OnloopBoundariesView *self)
{
  return GTK_WIDGET (self->trigger_editor);
}

GtkWidget *
onloop_boundaries_view_get_history (OnloopBoundariesView *self)
{
  return GTK_WIDGET (self->history);
}

GtkLabel *
onloop_boundaries_view_get_preview_label (OnloopBoundariesView *self)
{
  catch_up (self);
  return self->preview_label;
}

gboolean
onloop_boundaries_view_get_badge_visible (OnloopBoundariesView *self)
{
  catch_up (self);
  return gtk_widget_get_visible (self->badge_label);
}

gboolean
onloop_boundaries_view_is_busy (OnloopBoundariesView *self)
{
  catch_up (self);
  return onloop_draft_preview_is_busy (self->worker);
}

gboolean
onloop_boundaries_view_get_preview (OnloopBoundariesView *self,
                                    OnloopPreview        *preview)
{
  if (onloop_boundaries_view_is_busy (self))
    return FALSE;
  return onloop_draft_preview_get (self->worker, preview);
}

GPtrArray *
onloop_boundaries_view_get_warnings (OnloopBoundariesView *self)
{
  return onloop_draft_preview_get_warnings (self->worker);
}
