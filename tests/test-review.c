/* test-review.c: the Review pane's widgets on a real display (Xvfb)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "onloop-chart.h"
#include "onloop-chart-card.h"
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

int
main (int   argc,
      char *argv[])
{
  onloop_test_gtk_init (&argc, &argv);

  g_test_add_func ("/review/chart/band-and-point-pixels", test_chart_band_and_point_pixels);
  g_test_add_func ("/review/chart/dark-mode", test_chart_dark_mode);
  g_test_add_func ("/review/chart/bars-pixels", test_chart_bars_pixels);
  g_test_add_func ("/review/chart/keyboard-and-table", test_chart_card_keyboard_and_table);

  return g_test_run ();
}
