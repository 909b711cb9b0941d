/* test-review.c: the Review pane's widgets on a real display (Xvfb)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "onloop-calibration.h"
#include "onloop-chart.h"
#include "onloop-chart-card.h"
#include "onloop-diagnosis-card.h"
#include "onloop-engine.h"
#include "onloop-review-view.h"
#include "onloop-store-engine.h"
#include "onloop-store-review.h"
#include "onloop-store-spec.h"
#include "onloop-store-time-entry.h"
#include "onloop-test-gtk.h"
#include "onloop-test-util.h"

/* ---- Rendering a widget to pixels ------------------------------------- */

typedef struct
{
  GdkTexture *texture;
  guchar     *data;
  gsize       stride;
  int         width;
  int         height;
} Pixels;

static void
pixels_clear (Pixels *pixels)
{
  g_clear_object (&pixels->texture);
  g_clear_pointer (&pixels->data, g_free);
}

static void
render (GtkWidget *widget,
        Pixels    *pixels)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  pixels->width = gtk_widget_get_width (widget);
  pixels->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, pixels->width, pixels->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  pixels->texture = gsk_renderer_render_texture (renderer, node,
                                                 &GRAPHENE_RECT_INIT (0, 0, pixels->width,
                                                                      pixels->height));
  pixels->stride = pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (pixels->texture, pixels->data, pixels->stride);

  /* For a person checking what the test sees. */
  if (g_getenv ("ONLOOP_TEST_SAVE_DIR") != NULL)
    {
      static guint n;
      g_autofree char *name = g_strdup_printf ("review-%02u.png", n++);
      g_autofree char *path = g_build_filename (g_getenv ("ONLOOP_TEST_SAVE_DIR"), name, NULL);

      gdk_texture_save_to_png (pixels->texture, path);
    }
}

/* The colour at (@x, @y) as 0..255 RGB (the download is CAIRO_FORMAT_ARGB32). */
static void
pixel_at (Pixels *pixels,
          double  x,
          double  y,
          int     rgb[3])
{
  int ix = (int) floor (x), iy = (int) floor (y);
  guchar *p;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, pixels->width);
  g_assert_cmpint (iy, <, pixels->height);
  p = pixels->data + iy * pixels->stride + ix * 4;
  rgb[0] = p[2];
  rgb[1] = p[1];
  rgb[2] = p[0];
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  onloop_test_wait_mapped (child);
  return window;
}

/* ---- Charts ------------------------------------------------------------ */

static const double rates[] = {
  0.30, 0.30, 0.30, 0.30, 0.30, 0.125, 0.30, 0.30, 0.30, 0.30, 0.02, 0.30,
};

static void
set_rate_data (OnloopChart *chart)
{
  const char *labels[G_N_ELEMENTS (rates)];
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      labels[i] = g_strdup_printf ("2026-W%02u", 30 + i);
      g_ptr_array_add (owned, (char *) labels[i]);
    }

  onloop_chart_set_format (chart, ONLOOP_CHART_PERCENT);
  onloop_chart_set_data (chart, G_N_ELEMENTS (rates), 1, rates, labels, NULL);
  onloop_chart_set_band (chart, 0.10, 0.15);
  onloop_chart_set_rules (chart, (double[]) { 0.05, 0.20 }, 2);
}

/* The band is drawn under the series where the target is, the point of a
 * week sits where its rate is, and the rest is background. */
static void
test_chart_band_and_point_pixels (void)
{
  OnloopChart *chart = onloop_chart_new (ONLOOP_CHART_LINE);
  GtkWidget *window;
  Pixels pixels = { 0 };
  double x, y, band_y, x_empty, y_empty;
  int point[3], band[3], empty[3];

  set_rate_data (chart);
  window = show_in_window (GTK_WIDGET (chart), 600, 300);
  render (GTK_WIDGET (chart), &pixels);

  /* Week 5 is on target: its dot is the accent colour (blue dominates). */
  g_assert_true (onloop_chart_value_to_point (chart, 5, 0.125, &x, &y));
  pixel_at (&pixels, x, y, point);
  g_assert_cmpint (point[2], >, point[0] + 60);
  g_assert_cmpint (point[2], >, point[1]);

  /* Under week 2 (rate 30 %, far above) the band at 12.5 % is green. */
  g_assert_true (onloop_chart_value_to_point (chart, 2, 0.125, &x, &band_y));
  pixel_at (&pixels, x, band_y, band);
  g_assert_cmpint (band[1], >, band[0] + 15);
  g_assert_cmpint (band[1], >, band[2] + 5);

  /* At 25 % under week 2, between the 20 % rule and the line: background,
   * neither green nor blue. */
  g_assert_true (onloop_chart_value_to_point (chart, 2, 0.25, &x_empty, &y_empty));
  pixel_at (&pixels, x_empty, y_empty, empty);
  g_assert_cmpint (ABS (empty[0] - empty[1]), <, 12);
  g_assert_cmpint (ABS (empty[1] - empty[2]), <, 12);

  /* The band is not drawn outside 10–15 %: at 7.5 % it is background too. */
  g_assert_true (onloop_chart_value_to_point (chart, 2, 0.075, &x_empty, &y_empty));
  pixel_at (&pixels, x_empty, y_empty, empty);
  g_assert_cmpint (ABS (empty[0] - empty[1]), <, 12);

  pixels_clear (&pixels);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dark mode takes its colours from the style: the background under the
 * chart darkens and the band is still green. */
static void
test_chart_dark_mode (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  OnloopChart *chart = onloop_chart_new (ONLOOP_CHART_LINE);
  GtkWidget *window;
  Pixels pixels = { 0 };
  double x, y;
  int band[3], bg[3];

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  set_rate_data (chart);
  window = show_in_window (GTK_WIDGET (chart), 600, 300);
  onloop_test_wait (100);
  render (window, &pixels);

  g_assert_true (onloop_chart_value_to_point (chart, 2, 0.125, &x, &y));
  pixel_at (&pixels, x, y, band);
  g_assert_cmpint (band[1], >, band[0] + 15);
  g_assert_true (onloop_chart_value_to_point (chart, 2, 0.25, &x, &y));
  pixel_at (&pixels, x, y, bg);
  g_assert_cmpint (bg[0] + bg[1] + bg[2], <, 3 * 100);

  pixels_clear (&pixels);
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  onloop_test_flush ();
}

/* Bars (false negatives) are solid from the axis to their value. */
static void
test_chart_bars_pixels (void)
{
  OnloopChart *chart = onloop_chart_new (ONLOOP_CHART_BARS);
  const double counts[] = { 0, 3, 0, 6 };
  const char *labels[] = { "W1", "W2", "W3", "W4" };
  GtkWidget *window;
  Pixels pixels = { 0 };
  double x, y;
  int inside[3], above[3], empty_bar[3];

  onloop_chart_set_format (chart, ONLOOP_CHART_COUNT);
  onloop_chart_set_data (chart, 4, 1, counts, labels, NULL);
  window = show_in_window (GTK_WIDGET (chart), 400, 240);
  render (GTK_WIDGET (chart), &pixels);

  g_assert_true (onloop_chart_value_to_point (chart, 3, 3, &x, &y));
  pixel_at (&pixels, x, y, inside);          /* half-way up the 6 bar */
  g_assert_cmpint (inside[0], >, inside[1] + 60);
  g_assert_true (onloop_chart_value_to_point (chart, 1, 4.5, &x, &y));
  pixel_at (&pixels, x, y, above);           /* above the 3 bar */
  g_assert_cmpint (ABS (above[0] - above[1]), <, 12);
  g_assert_true (onloop_chart_value_to_point (chart, 2, 1, &x, &y));
  pixel_at (&pixels, x, y, empty_bar);       /* a week with none */
  g_assert_cmpint (ABS (empty_bar[0] - empty_bar[1]), <, 12);

  pixels_clear (&pixels);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The caption under the chart: the last label of the card. */
static GtkLabel *
find_detail_label (OnloopChartCard *card)
{
  return GTK_LABEL (gtk_widget_get_last_child (GTK_WIDGET (card)));
}

/* Keyboard focus on a week shows its figures, the accessible description
 * says what the chart holds, and the table has every figure. */
static void
test_chart_card_keyboard_and_table (void)
{
  OnloopChartCard *card = g_object_new (ONLOOP_TYPE_CHART_CARD, NULL);
  OnloopChart *chart = onloop_chart_card_get_chart (card);
  GtkWidget *window;
  g_autofree char *description = NULL;
  g_autofree char *point = NULL;

  onloop_chart_card_set_title (card, "Exception rate");
  onloop_chart_card_set_value_title (card, "Rate");
  set_rate_data (chart);
  onloop_chart_card_data_changed (card);
  window = show_in_window (GTK_WIDGET (card), 600, 360);

  gtk_widget_grab_focus (GTK_WIDGET (chart));
  onloop_test_flush ();
  /* Focus lands on the latest week; Home goes to the first, Right steps. */
  g_assert_cmpint (onloop_chart_get_selected (chart), ==, 11);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.first", NULL));
  g_assert_cmpint (onloop_chart_get_selected (chart), ==, 0);
  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next", NULL);
  g_assert_cmpint (onloop_chart_get_selected (chart), ==, 5);
  g_assert_cmpstr (gtk_label_get_label (find_detail_label (card)), ==, "2026-W35: 12.5 %");

  point = onloop_chart_describe_point (chart, 5);
  g_assert_cmpstr (point, ==, "2026-W35: 12.5 %");

  description = onloop_chart_describe (chart);
  g_assert_nonnull (strstr (description, "Target band 10 % to 15 %"));
  g_assert_nonnull (strstr (description, "Line at 20 %"));

  onloop_chart_card_set_show_table (card, TRUE);
  g_assert_cmpstr (onloop_chart_card_get_table_cell (card, 0, 1), ==, "Rate");
  g_assert_cmpstr (onloop_chart_card_get_table_cell (card, 6, 0), ==, "2026-W35");
  g_assert_cmpstr (onloop_chart_card_get_table_cell (card, 6, 1), ==, "12.5 %");
  g_assert_cmpstr (onloop_chart_card_get_table_cell (card, 11, 1), ==, "2 %");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Diagnosis cards at each band edge --------------------------------- */

static guint
card_verdicts_for (guint    escalated,
                   guint    interventions,
                   guint    overrides,
                   guint    false_negatives,
                   char   **text)
{
  OnloopDiagnosisCard *card = ONLOOP_DIAGNOSIS_CARD (onloop_diagnosis_card_new ());
  OnloopThresholds thresholds;
  OnloopWeekMetrics m = { 0 };
  guint verdicts;

  g_object_ref_sink (card);
  onloop_thresholds_init_default (&thresholds);
  m.week = 202645;
  m.events = 10000;
  m.escalated = escalated;
  m.interventions = interventions;
  m.overrides = overrides;
  m.false_negatives = false_negatives;
  onloop_week_metrics_finish (&m, &thresholds);

  onloop_diagnosis_card_set_metrics (card, "2026-W45", &m, &thresholds);
  verdicts = onloop_diagnosis_card_get_verdicts (card);
  if (text != NULL)
    *text = onloop_diagnosis_card_get_text (card);
  g_object_unref (card);
  return verdicts;
}

static void
test_diagnosis_band_edges (void)
{
  const struct {
    guint       escalated;
    guint       verdict;
    const char *words;
  } cases[] = {
    { 0,    ONLOOP_VERDICT_TOO_LOOSE,    "Judgment abdication" },
    { 499,  ONLOOP_VERDICT_TOO_LOOSE,    "Triggers too loose: judgment abdication risk" },
    { 500,  ONLOOP_VERDICT_BELOW_TARGET, "Below the 10–15 % target" },
    { 999,  ONLOOP_VERDICT_BELOW_TARGET, "Below the 10–15 % target" },
    { 1000, ONLOOP_VERDICT_ON_TARGET,    "On target" },
    { 1500, ONLOOP_VERDICT_ON_TARGET,    "On target" },
    { 1501, ONLOOP_VERDICT_ABOVE_TARGET, "alert fatigue" },
    { 2000, ONLOOP_VERDICT_ABOVE_TARGET, "Alert fatigue" },
    { 2001, ONLOOP_VERDICT_IN_THE_LOOP,  "judgment hoarding" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      /* Half the escalations reviewed, half of those overridden: no
       * override verdict, no false negative. */
      guint verdicts = card_verdicts_for (cases[i].escalated, cases[i].escalated / 2,
                                          cases[i].escalated / 4, 0, &text);

      g_test_message ("%u escalations of 10000: %s", cases[i].escalated, text);
      g_assert_cmpuint (verdicts & 0x1f, ==, cases[i].verdict);
      g_assert_nonnull (strstr (text, cases[i].words));
    }

  /* Override rate 29.9 % is "too sensitive", 30 % is not. */
  {
    g_autofree char *text = NULL;

    g_assert_true (card_verdicts_for (1200, 1000, 299, 0, &text) & ONLOOP_VERDICT_TOO_SENSITIVE);
    g_assert_nonnull (strstr (text, "triggers too sensitive"));
    g_assert_false (card_verdicts_for (1200, 1000, 300, 0, NULL) & ONLOOP_VERDICT_TOO_SENSITIVE);
  }

  /* One false negative is a trigger gap. */
  {
    g_autofree char *text = NULL;

    g_assert_true (card_verdicts_for (1200, 600, 300, 1, &text) & ONLOOP_VERDICT_TRIGGER_GAP);
    g_assert_nonnull (strstr (text, "trigger gap"));
    g_assert_false (card_verdicts_for (1200, 600, 300, 0, NULL) & ONLOOP_VERDICT_TRIGGER_GAP);
  }
}

/* ---- The view on the demo workspace ------------------------------------ */

typedef struct
{
  char             *dir;
  char             *path;
  GtkWidget        *window;
  OnloopReviewView *view;
  OnloopStore      *store;
  OnloopUndoStack  *undo;
  /* What onloop-cli says about the demo, asked before the app opens it:
   * another process must not touch the file while this one has it open
   * (see the report: the store's open check drops the process's locks). */
  char             *cli_best;
  char             *cli_curve;
  char             *cli_sample;
} ViewFixture;

static char *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ONLOOP_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_getenv ("ONLOOP_CLI"));
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("onloop-cli failed: %s", err);
  return g_steal_pointer (&out);
}

static void
wait_idle (OnloopReviewView *view)
{
  for (guint i = 0; i < 6000; i++)
    {
      onloop_test_wait (10);
      if (!onloop_review_view_is_busy (view))
        {
          onloop_test_flush ();
          if (!onloop_review_view_is_busy (view))
            return;
        }
    }
  g_error ("The review view stayed busy");
}

static void
view_setup (ViewFixture   *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autofree char *out = NULL;

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "demo.onloop", NULL);
  if (data == NULL)
    {
      out = run_cli ("--db", f->path, "demo", NULL);
      f->cli_best = run_cli ("--db", f->path, "calibrate", "--trigger", "deal-size", "--target",
                             "0.125", "--format", "json", NULL);
      f->cli_curve = run_cli ("--db", f->path, "calibrate", "--trigger", "deal-size", "--target",
                              "0.125", "--curve", "--format", "json", NULL);
      f->cli_sample = run_cli ("--db", f->path, "sample", "--size", "30", "--seed", "7", NULL);
    }
  else
    out = run_cli ("--db", f->path, "init", NULL);

  f->store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  f->undo = onloop_undo_stack_new (f->store);

  f->view = g_object_new (ONLOOP_TYPE_REVIEW_VIEW, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  onloop_review_view_set_store (f->view, f->store);
  onloop_review_view_set_undo_stack (f->view, f->undo);
  onloop_review_view_set_range_weeks (f->view, 0);
  f->window = show_in_window (overlay, 1180, 800);
  wait_idle (f->view);
}

static void
view_teardown (ViewFixture   *f,
               gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  onloop_test_flush ();
  g_clear_object (&f->undo);
  g_clear_object (&f->store);
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->cli_best);
  g_free (f->cli_curve);
  g_free (f->cli_sample);
}

static GtkWidget *
find_toggle (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_toggle (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The demo's story shows: twelve weeks in the charts, the figures of the
 * weekly table, the verdicts in the cards, the rule that drives the rate. */
static void
test_view_demo (ViewFixture   *f,
                gconstpointer  data)
{
  OnloopChartCard *rate = onloop_review_view_get_chart_card (f->view,
                                                             ONLOOP_REVIEW_CHART_EXCEPTION_RATE);
  OnloopChart *chart = onloop_chart_card_get_chart (rate);
  GArray *weeks = onloop_review_view_get_weeks (f->view);
  g_autoptr(GArray) expected = NULL;
  g_autofree char *range_text = NULL;
  g_auto(GStrv) contribution = NULL;
  g_auto(GStrv) rollout = NULL;
  g_autoptr(GError) error = NULL;

  expected = onloop_engine_read_metrics (f->store, ONLOOP_RANGE_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (weeks);
  g_assert_cmpuint (weeks->len, ==, expected->len);
  g_assert_cmpuint (onloop_chart_get_n_points (chart), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpfloat_with_epsilon (onloop_chart_get_value (chart, i, 0),
                                    g_array_index (expected, OnloopWeekMetrics, i).exception_rate,
                                    1e-12);

  /* The whole demo drifted below the band with trigger gaps. */
  range_text = onloop_diagnosis_card_get_text (onloop_review_view_get_range_card (f->view));
  g_assert_nonnull (strstr (range_text, "trigger gap"));
  g_assert_nonnull (strstr (range_text, "Trigger gaps"));

  contribution = onloop_review_view_get_contribution_lines (f->view);
  g_assert_cmpuint (g_strv_length (contribution), >, 0);
  g_assert_nonnull (strstr (contribution[0], "alone"));
  rollout = onloop_review_view_get_rollout_lines (f->view);
  g_assert_cmpuint (g_strv_length (rollout), >, 0);

  /* The 4-week range has four points; its toggle is the pressed one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "review.range", "i", 4));
  wait_idle (f->view);
  g_assert_cmpuint (onloop_review_view_get_range_weeks (f->view), ==, 4);
  g_assert_cmpuint (onloop_chart_get_n_points (chart), ==, 4);
  {
    GtkWidget *toggles = gtk_widget_get_parent (find_toggle (GTK_WIDGET (f->view), "4 Weeks"));

    for (GtkWidget *t = gtk_widget_get_first_child (toggles); t; t = gtk_widget_get_next_sibling (t))
      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (t)), ==,
                       g_str_equal (gtk_button_get_label (GTK_BUTTON (t)), "4 Weeks"));
  }

  /* For a person looking at the pane: the whole page, light and dark. */
  if (g_getenv ("ONLOOP_TEST_SAVE_DIR") != NULL)
    {
      /* The page's box: the charts' grid's parent. */
      GtkWidget *content = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (rate)));
      Pixels pixels = { 0 };

      onloop_review_view_set_range_weeks (f->view, 12);
      wait_idle (f->view);
      onloop_spot_check_queue_set_size (onloop_review_view_get_spot_check_queue (f->view), 3);
      onloop_spot_check_queue_draw (onloop_review_view_get_spot_check_queue (f->view));
      onloop_spot_check_queue_mark (onloop_review_view_get_spot_check_queue (f->view), 1,
                                    ONLOOP_SPOT_CHECK_QUALITY_ISSUE, "Promised a delivery date",
                                    NULL);
      wait_idle (f->view);
      onloop_test_wait (300);
      render (content, &pixels);
      pixels_clear (&pixels);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_FORCE_DARK);
      onloop_test_wait (300);
      render (f->window, &pixels);
      pixels_clear (&pixels);
      render (content, &pixels);
      pixels_clear (&pixels);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_FORCE_LIGHT);
    }
}

static JsonObject *
parse_object (const char *json,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
wait_calibration (OnloopCalibrationPanel *panel)
{
  for (guint i = 0; i < 3000 && onloop_calibration_panel_get_calibration (panel) == NULL; i++)
    onloop_test_wait (10);
  g_assert_nonnull (onloop_calibration_panel_get_calibration (panel));
}

/* The slider's numbers are the CLI's: the best cut for 12.5 %, and the rate
 * at every cut the slider stops on. Apply writes the draft, undo restores. */
static void
test_view_calibration_matches_cli (ViewFixture   *f,
                                   gconstpointer  data)
{
  OnloopCalibrationPanel *panel = onloop_review_view_get_calibration_panel (f->view);
  GtkRange *slider = onloop_calibration_panel_get_slider (panel);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) curve_parser = json_parser_new ();
  OnloopTrigger *applied = NULL;
  OnloopTrigger *restored = NULL;
  OnloopTrigger *original;
  g_autoptr(GError) error = NULL;
  JsonObject *best;
  JsonArray *curve;
  GtkWidget *best_button, *apply_button;
  double before;

  g_assert_true (onloop_calibration_panel_select_trigger (panel, "deal-size"));
  wait_calibration (panel);

  best = parse_object (f->cli_best, parser);

  /* "Closest to 12.5 %": the buttons are the last box's children. */
  apply_button = gtk_widget_get_last_child (gtk_widget_get_last_child (GTK_WIDGET (panel)));
  best_button = gtk_widget_get_prev_sibling (apply_button);
  g_signal_emit_by_name (best_button, "clicked");
  g_assert_cmpfloat (onloop_calibration_panel_get_threshold (panel), ==,
                     json_object_get_double_member (best, "threshold"));
  g_assert_cmpfloat_with_epsilon (onloop_calibration_panel_get_rate (panel),
                                  json_object_get_double_member (best, "exception_rate"), 1e-9);

  /* Every slider stop agrees with --curve. */
  curve = json_object_get_array_member (parse_object (f->cli_curve, curve_parser), "curve");
  g_assert_cmpuint (json_array_get_length (curve), ==,
                    onloop_calibration_get_n_cuts (onloop_calibration_panel_get_calibration (panel)));
  for (guint i = 0; i < json_array_get_length (curve); i += MAX (1, json_array_get_length (curve) / 17))
    {
      JsonObject *point = json_array_get_object_element (curve, i);

      gtk_range_set_value (slider, i);
      g_assert_cmpfloat (onloop_calibration_panel_get_threshold (panel), ==,
                         json_object_get_double_member (point, "threshold"));
      g_assert_cmpfloat_with_epsilon (onloop_calibration_panel_get_rate (panel),
                                      json_object_get_double_member (point, "exception_rate"),
                                      1e-9);
    }

  /* Apply the best cut to the draft, then undo. */
  g_signal_emit_by_name (best_button, "clicked");
  original = onloop_store_get_trigger (f->store, "deal-size", NULL);
  before = original->min_arr;
  onloop_trigger_free (original);
  g_assert_true (gtk_widget_get_sensitive (apply_button));
  g_signal_emit_by_name (apply_button, "clicked");
  applied = onloop_store_get_trigger (f->store, "deal-size", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (applied->min_arr, ==, json_object_get_double_member (best, "threshold"));
  g_assert_true (onloop_undo_stack_undo (f->undo, &error));
  g_assert_no_error (error);
  restored = onloop_store_get_trigger (f->store, "deal-size", &error);
  g_assert_cmpfloat (restored->min_arr, ==, before);
  onloop_trigger_free (applied);
  onloop_trigger_free (restored);
}

/* Runs what the key @key is bound to on @row, as GTK does when the key is
 * pressed with the row focused (GTK 4.8 has no public way to synthesize
 * the key event itself). */
static gboolean
press_row_key (GtkWidget  *row,
               const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, key))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, row,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* The sample is the CLI's; marks land in the store, count toward false
 * negatives, and export. */
static void
test_view_spot_check (ViewFixture   *f,
                      gconstpointer  data)
{
  OnloopSpotCheckQueue *queue = onloop_review_view_get_spot_check_queue (f->view);
  g_auto(GStrv) lines = g_strsplit (f->cli_sample, "\n", -1);
  OnloopSpotCheck *check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "marks.csv", NULL);
  g_autofree char *json_path = g_build_filename (f->dir, "marks.json", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *issue_id = NULL;
  guint issue_index = 0;
  guint fn_before = 0, fn_after = 0;
  GArray *weeks;

  onloop_spot_check_queue_set_size (queue, 30);
  onloop_spot_check_queue_set_seed (queue, 7);
  g_assert_true (onloop_spot_check_queue_draw (queue));
  g_assert_cmpuint (onloop_spot_check_queue_get_n_events (queue), ==, 30);
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *event = parse_object (lines[i], parser);

      g_assert_cmpstr (onloop_spot_check_queue_get_event_id (queue, i), ==,
                       json_object_get_string_member (event, "id"));
      /* Mark one the log did not already call a quality issue. */
      if (issue_index == 0 && i > 0 &&
          !json_object_get_boolean_member (json_object_get_object_member (event, "outcome"),
                                           "quality_issue"))
        issue_index = i;
    }
  g_assert_cmpuint (issue_index, >, 0);
  g_assert_cmpstr (onloop_spot_check_queue_get_progress_text (queue), ==, "0 of 30 reviewed");

  weeks = onloop_review_view_get_weeks (f->view);
  for (guint i = 0; i < weeks->len; i++)
    fn_before += g_array_index (weeks, OnloopWeekMetrics, i).false_negatives;

  issue_id = g_strdup (onloop_spot_check_queue_get_event_id (queue, issue_index));
  g_assert_true (onloop_spot_check_queue_mark (queue, 0, ONLOOP_SPOT_CHECK_OK, NULL, &error));
  g_assert_true (onloop_spot_check_queue_mark (queue, issue_index, ONLOOP_SPOT_CHECK_QUALITY_ISSUE,
                                               "promised a date", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (onloop_spot_check_queue_get_progress_text (queue), ==, "2 of 30 reviewed");

  check = onloop_store_get_spot_check (f->store, issue_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_cmpint (check->verdict, ==, ONLOOP_SPOT_CHECK_QUALITY_ISSUE);
  g_assert_cmpstr (check->note, ==, "promised a date");
  onloop_spot_check_free (check);

  /* The view reloads: one more false negative, and the sample stays. */
  wait_idle (f->view);
  g_assert_null (onloop_review_view_get_message (f->view));
  weeks = onloop_review_view_get_weeks (f->view);
  for (guint i = 0; i < weeks->len; i++)
    fn_after += g_array_index (weeks, OnloopWeekMetrics, i).false_negatives;
  g_assert_cmpuint (fn_after, ==, fn_before + 1);
  g_assert_cmpuint (onloop_spot_check_queue_get_n_events (queue), ==, 30);
  g_assert_cmpstr (onloop_spot_check_queue_get_progress_text (queue), ==, "2 of 30 reviewed");

  /* The keys: I on a focused row marks a quality issue, O marks it OK. */
  {
    GtkWidget *row = onloop_spot_check_queue_get_row (queue, 5);
    g_autofree char *id5 = g_strdup (onloop_spot_check_queue_get_event_id (queue, 5));
    OnloopSpotCheck *mark;

    g_assert_true (press_row_key (row, "i"));
    mark = onloop_store_get_spot_check (f->store, id5, &error);
    g_assert_no_error (error);
    g_assert_cmpint (mark->verdict, ==, ONLOOP_SPOT_CHECK_QUALITY_ISSUE);
    onloop_spot_check_free (mark);
    g_assert_true (press_row_key (row, "o"));
    mark = onloop_store_get_spot_check (f->store, id5, &error);
    g_assert_cmpint (mark->verdict, ==, ONLOOP_SPOT_CHECK_OK);
    onloop_spot_check_free (mark);
    g_assert_cmpstr (onloop_spot_check_queue_get_progress_text (queue), ==, "3 of 30 reviewed");
    wait_idle (f->view);
  }

  /* Drawing the same sample again shows the marks. */
  g_assert_true (onloop_spot_check_queue_draw (queue));
  g_assert_cmpstr (onloop_spot_check_queue_get_progress_text (queue), ==, "3 of 30 reviewed");

  g_assert_true (onloop_spot_check_queue_export (queue, csv_path, FALSE, &error));
  g_assert_true (onloop_spot_check_queue_export (queue, json_path, TRUE, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_file_get_contents (json_path, &json, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, issue_id));
  g_assert_nonnull (strstr (csv, "promised a date"));
  g_assert_nonnull (strstr (json, issue_id));
}

static char *
write_log (const char *dir,
           const char *name,
           guint       n,
           guint       bad_line)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    {
      if (i == bad_line)
        g_string_append_printf (text, "{\"id\": \"imp-%u\", \"at\": \"yesterday\", "
                                "\"decision\": \"lead-routing\", \"action\": \"route_to_queue\"}\n",
                                i);
      else
        g_string_append_printf (text, "{\"id\": \"imp-%u\", \"at\": \"2026-11-%02uT%02u:%02u:00Z\", "
                                "\"decision\": \"%s\", \"action\": \"route_to_queue\", "
                                "\"context\": {\"deal_arr\": %u, \"sentiment\": 0.2}}\n",
                                i, 16 + i % 5, i % 24, i % 60,
                                i % 7 == 0 ? "no-such-decision" : "lead-routing",
                                1000 + (i * 37) % 90000);
    }

  g_file_set_contents (path, text->str, text->len, NULL);
  g_string_free (text, TRUE);
  return g_steal_pointer (&path);
}

static GBytes *
checksum_workspace (ViewFixture *f)
{
  g_autoptr(GBytes) bytes = onloop_test_read_bytes (f->path);
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_bytes_new_take (g_steal_pointer (&sum), 64);
}

/* Cancel and a bad line leave the workspace as it was and say why; a good
 * file imports and gives its counts. */
static void
test_view_import (ViewFixture   *f,
                  gconstpointer  data)
{
  g_autofree char *big = write_log (f->dir, "big.jsonl", 200000, 0);
  g_autofree char *bad = write_log (f->dir, "bad.jsonl", 10, 3);
  g_autofree char *good = write_log (f->dir, "good.jsonl", 70, 0);
  gint64 events = onloop_store_count_events (f->store);
  g_autoptr(GBytes) before = checksum_workspace (f);
  g_autoptr(GBytes) after_cancel = NULL;
  g_autoptr(GBytes) after_error = NULL;
  OnloopImportCounts counts;

  onloop_review_view_import (f->view, big);
  g_assert_true (onloop_review_view_is_busy (f->view));
  /* Panels that write wait for the import: they would block on its lock. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (onloop_review_view_get_spot_check_queue (f->view))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (onloop_review_view_get_time_entry_form (f->view))));
  onloop_review_view_cancel_import (f->view);
  wait_idle (f->view);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (onloop_review_view_get_spot_check_queue (f->view))));
  g_assert_nonnull (strstr (onloop_review_view_get_message (f->view), "cancelled"));
  g_assert_cmpint (onloop_store_count_events (f->store), ==, events);
  after_cancel = checksum_workspace (f);
  g_assert_true (g_bytes_equal (before, after_cancel));

  onloop_review_view_import (f->view, bad);
  wait_idle (f->view);
  g_test_message ("%s", onloop_review_view_get_message (f->view));
  g_assert_nonnull (strstr (onloop_review_view_get_message (f->view), "bad.jsonl:3:"));
  g_assert_cmpint (onloop_store_count_events (f->store), ==, events);
  after_error = checksum_workspace (f);
  g_assert_true (g_bytes_equal (before, after_error));
  g_assert_false (onloop_review_view_get_import_counts (f->view, &counts));

  onloop_review_view_import (f->view, good);
  wait_idle (f->view);
  g_assert_nonnull (strstr (onloop_review_view_get_message (f->view),
                            "Imported 70 decisions · 0 already present · 10 unmapped"));
  g_assert_true (onloop_review_view_get_import_counts (f->view, &counts));
  g_assert_cmpuint (counts.imported, ==, 70);
  g_assert_cmpuint (counts.unmapped, ==, 10);
  g_assert_cmpint (onloop_store_count_events (f->store), ==, events + 70);

  /* Again: everything already present. */
  onloop_review_view_import (f->view, good);
  wait_idle (f->view);
  g_assert_true (onloop_review_view_get_import_counts (f->view, &counts));
  g_assert_cmpuint (counts.imported, ==, 0);
  g_assert_cmpuint (counts.already_present, ==, 70);
}

/* An empty workspace shows the import page; importing shows the charts. */
static void
test_view_empty_then_import (ViewFixture   *f,
                             gconstpointer  data)
{
  g_autofree char *good = write_log (f->dir, "good.jsonl", 50, 0);
  OnloopChart *chart = onloop_chart_card_get_chart (
    onloop_review_view_get_chart_card (f->view, ONLOOP_REVIEW_CHART_EXCEPTION_RATE));

  g_assert_cmpuint (onloop_chart_get_n_points (chart), ==, 0);
  onloop_review_view_import (f->view, good);
  wait_idle (f->view);
  g_assert_cmpuint (onloop_chart_get_n_points (chart), >, 0);
}

/* Hours are saved as they are typed, per week and manager. */
static void
test_view_time_entry (ViewFixture   *f,
                      gconstpointer  data)
{
  OnloopTimeEntryForm *form = onloop_review_view_get_time_entry_form (f->view);
  g_autoptr(OnloopTimeEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  OnloopWeek week;

  g_assert_true (onloop_week_parse ("2026-W47", &week));
  onloop_time_entry_form_set_week (form, week);
  onloop_time_entry_form_set_manager (form, "Robin");
  gtk_spin_button_set_value (onloop_time_entry_form_get_spin (form, ONLOOP_HOURS_COACHING), 5);
  gtk_spin_button_set_value (onloop_time_entry_form_get_spin (form, ONLOOP_HOURS_STRATEGY), 3);
  gtk_spin_button_set_value (onloop_time_entry_form_get_spin (form,
                                                              ONLOOP_HOURS_EXECUTION_OVERSIGHT), 2);

  entry = onloop_store_get_time_entry (f->store, week, "Robin", &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (entry->hours[ONLOOP_HOURS_COACHING], ==, 5);
  g_assert_cmpfloat (entry->hours[ONLOOP_HOURS_STRATEGY], ==, 3);
  g_assert_cmpfloat (entry->hours[ONLOOP_HOURS_EXECUTION_OVERSIGHT], ==, 2);
  g_assert_nonnull (strstr (onloop_time_entry_form_get_status (form), "judgment share 80 %"));

  /* Another week starts empty; coming back shows what was saved. */
  onloop_time_entry_form_set_week (form, week + 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (onloop_time_entry_form_get_spin (form, ONLOOP_HOURS_COACHING)), ==, 0);
  onloop_time_entry_form_set_week (form, week);
  g_assert_cmpfloat (gtk_spin_button_get_value (onloop_time_entry_form_get_spin (form, ONLOOP_HOURS_COACHING)), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  onloop_test_gtk_init (&argc, &argv);

  g_test_add_func ("/review/chart/band-and-point-pixels", test_chart_band_and_point_pixels);
  g_test_add_func ("/review/chart/dark-mode", test_chart_dark_mode);
  g_test_add_func ("/review/chart/bars-pixels", test_chart_bars_pixels);
  g_test_add_func ("/review/chart/keyboard-and-table", test_chart_card_keyboard_and_table);
  g_test_add_func ("/review/diagnosis/band-edges", test_diagnosis_band_edges);
  g_test_add ("/review/view/demo", ViewFixture, NULL, view_setup, test_view_demo, view_teardown);
  g_test_add ("/review/view/calibration-matches-cli", ViewFixture, NULL, view_setup,
              test_view_calibration_matches_cli, view_teardown);
  g_test_add ("/review/view/spot-check-marks", ViewFixture, NULL, view_setup,
              test_view_spot_check, view_teardown);
  g_test_add ("/review/view/import-cancel-error-success", ViewFixture, NULL, view_setup,
              test_view_import, view_teardown);
  g_test_add ("/review/view/empty-then-import", ViewFixture, "empty", view_setup,
              test_view_empty_then_import, view_teardown);
  g_test_add ("/review/view/time-entry-saved", ViewFixture, NULL, view_setup,
              test_view_time_entry, view_teardown);

  return g_test_run ();
}
