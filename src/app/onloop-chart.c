/* onloop-chart.c: a weekly chart drawn from plain arrays
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart keeps its numbers already scaled to 0..1 of the y axis, worked
 * out once when the data changes; snapshot() only maps them to pixels. Bars
 * and bands are colour nodes, a line is one cairo path, and every colour
 * comes from the style context, so dark mode and high contrast follow.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "onloop-chart.h"

#define MARGIN_LEFT   48.0
#define MARGIN_RIGHT  10.0
#define MARGIN_TOP    10.0
#define MARGIN_BOTTOM 24.0

struct _OnloopChart
{
  GtkWidget          parent_instance;

  OnloopChartKind    kind;
  OnloopChartFormat  format;
  gboolean           continuous;

  guint              n_points;
  guint              n_series;
  double            *values;      /* n_points × n_series, as given */
  double            *scaled;      /* the same scaled to 0..1 (stacked: cumulative tops) */
  GPtrArray         *labels;
  GPtrArray         *series_names;
  GPtrArray         *details;

  double             y_max_fixed; /* 0: automatic */
  double             y_max;
  guint              n_ticks;
  double             band_low;
  double             band_high;
  GArray            *rules;       /* double, data units */
  double             marker_x;
  double             marker_value;

  int                selected;
  char              *title;
};

G_DEFINE_FINAL_TYPE (OnloopChart, onloop_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The colours of stacked series: the first is the neutral "oversight"
 * colour (the foreground, faded), the others named palette colours. */
static const char * const series_colors[] = {
  NULL, "blue_3", "purple_3", "green_4", "orange_3", NULL,
};

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *rgba,
              const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, fallback);
}

static void
foreground (GtkWidget *widget,
            GdkRGBA   *rgba,
            float      alpha)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
  rgba->alpha *= alpha;
}

static void
series_color (OnloopChart *self,
              guint        series,
              GdkRGBA     *rgba)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->n_series == 1)
    {
      if (self->kind == ONLOOP_CHART_BARS)
        lookup_color (widget, "error_color", rgba, "#c01c28");
      else
        lookup_color (widget, "accent_color", rgba, "#1c71d8");
      return;
    }

  series %= G_N_ELEMENTS (series_colors);
  if (series_colors[series] == NULL)
    foreground (widget, rgba, series == 0 ? 0.45 : 0.2);
  else
    lookup_color (widget, series_colors[series], rgba, "#3584e4");
}

/* A round step for the y axis such that at most five ticks cover @top. */
static double
nice_step (double   top,
           gboolean integral)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double magnitude;

  if (!(top > 0))
    return integral ? 1 : 0.05;

  magnitude = pow (10, floor (log10 (top / 5)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double step = steps[i] * magnitude;

      if (integral && step < 1)
        continue;
      if (integral && fabs (step - round (step)) > 1e-9)
        continue;
      if (ceil (top / step - 1e-9) <= 5)
        return step;
    }

  return 10 * magnitude;
}

static double
point_total (OnloopChart *self,
             guint        point)
{
  double total = 0;
  gboolean any = FALSE;

  for (guint s = 0; s < self->n_series; s++)
    {
      double v = self->values[point * self->n_series + s];
      if (!isnan (v))
        {
          total += v;
          any = TRUE;
        }
    }

  return any ? total : NAN;
}

/* Works out the y axis and the 0..1 arrays: the only place data is scaled. */
static void
rescale (OnloopChart *self)
{
  double top = 0;

  for (guint p = 0; p < self->n_points; p++)
    {
      double v = self->kind == ONLOOP_CHART_STACKED ? point_total (self, p)
                                                    : self->values[p * self->n_series];
      if (!isnan (v))
        top = MAX (top, v);
    }
  if (!isnan (self->band_high))
    top = MAX (top, self->band_high);
  for (guint i = 0; i < self->rules->len; i++)
    top = MAX (top, g_array_index (self->rules, double, i));
  if (self->marker_x >= 0 && !isnan (self->marker_value))
    top = MAX (top, self->marker_value);

  if (self->y_max_fixed > 0)
    {
      self->y_max = self->y_max_fixed;
      self->n_ticks = 4;
    }
  else
    {
      gboolean percent = self->format == ONLOOP_CHART_PERCENT;
      double step;

      /* Headroom above the highest point, so a dot is never cut in half. */
      top = MAX (top * 1.08, percent ? 0.05 : 1);
      if (percent)
        top = MIN (top, 1.0);
      step = nice_step (top, self->format == ONLOOP_CHART_COUNT);
      if (percent)
        step = MAX (step, 0.05);
      self->n_ticks = MAX (1, (guint) ceil (top / step - 1e-9));
      self->y_max = self->n_ticks * step;
    }

  g_free (self->scaled);
  self->scaled = g_new (double, MAX (1, self->n_points * self->n_series));
  for (guint p = 0; p < self->n_points; p++)
    {
      double acc = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double v = self->values[p * self->n_series + s];

          if (self->kind == ONLOOP_CHART_STACKED)
            {
              acc += isnan (v) ? 0 : v;
              self->scaled[p * self->n_series + s] = acc / self->y_max;
            }
          else
            self->scaled[p * self->n_series + s] = isnan (v) ? NAN : v / self->y_max;
        }
    }
}

static void
update_description (OnloopChart *self)
{
  g_autofree char *text = onloop_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
changed (OnloopChart *self)
{
  rescale (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

#define LEGEND_ROW    18.0
#define LEGEND_SWATCH 10.0

/* Lays out the legend of a chart with several series, left to right in
 * rows of @width; with @snapshot, draws it from @top. Returns its height. */
static double
legend (OnloopChart *self,
        GtkSnapshot *snapshot,
        double       width,
        double       top)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double x = MARGIN_LEFT, y = top;
  GdkRGBA text;

  if (self->n_series < 2 || self->series_names == NULL)
    return 0;

  foreground (widget, &text, 0.8);
  for (guint s = 0; s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (widget, g_ptr_array_index (self->series_names, s));
      int tw, th;
      double item;

      pango_layout_get_pixel_size (layout, &tw, &th);
      item = LEGEND_SWATCH + 4 + tw + 14;
      if (x + item > width && x > MARGIN_LEFT)
        {
          x = MARGIN_LEFT;
          y += LEGEND_ROW;
        }
      if (snapshot != NULL)
        {
          GdkRGBA color;

          series_color (self, s, &color);
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (x, y + (LEGEND_ROW - LEGEND_SWATCH) / 2,
                                                          LEGEND_SWATCH, LEGEND_SWATCH));
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (x + LEGEND_SWATCH + 4,
                                                        round (y + (LEGEND_ROW - th) / 2)));
          gtk_snapshot_append_layout (snapshot, layout, &text);
          gtk_snapshot_restore (snapshot);
        }
      x += item;
    }

  return y - top + LEGEND_ROW;
}

static void
plot_area (OnloopChart     *self,
           graphene_rect_t *area)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double bottom = MARGIN_BOTTOM + legend (self, NULL, w, 0);

  graphene_rect_init (area, MARGIN_LEFT, MARGIN_TOP,
                      MAX (1, w - MARGIN_LEFT - MARGIN_RIGHT),
                      MAX (1, h - MARGIN_TOP - bottom));
}

/* The centre of point @p along x, and the width of its slot. */
static double
point_x (OnloopChart           *self,
         const graphene_rect_t *area,
         double                 p,
         double                *slot)
{
  if (self->continuous)
    {
      if (slot != NULL)
        *slot = area->size.width / MAX (1, self->n_points);
      if (self->n_points < 2)
        return area->origin.x + area->size.width / 2;
      return area->origin.x + area->size.width * p / (self->n_points - 1);
    }

  if (slot != NULL)
    *slot = area->size.width / MAX (1, self->n_points);
  return area->origin.x + area->size.width * (p + 0.5) / MAX (1, self->n_points);
}

static double
scaled_y (const graphene_rect_t *area,
          double                 scaled)
{
  return area->origin.y + area->size.height * (1 - CLAMP (scaled, 0, 1));
}

static void
append_text (GtkWidget   *widget,
             GtkSnapshot *snapshot,
             const char  *text,
             double       x,
             double       y,
             double       xalign,
             const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (round (x - width * xalign), round (y - height / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_grid (OnloopChart           *self,
               GtkSnapshot           *snapshot,
               const graphene_rect_t *area)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA line, text;
  guint ticks = MAX (1, self->n_ticks);

  foreground (widget, &line, 0.12);
  foreground (widget, &text, 0.7);

  for (guint i = 0; i <= ticks; i++)
    {
      double fraction = (double) i / ticks;
      double y = round (scaled_y (area, fraction));
      g_autofree char *label = onloop_chart_format_value (self, fraction * self->y_max);

      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (area->origin.x, y, area->size.width, 1));
      append_text (widget, snapshot, label, area->origin.x - 6, y, 1.0, &text);
    }

  /* Week labels, as many as fit without overlapping. */
  if (self->n_points > 0 && self->labels != NULL)
    {
      double slot;
      guint every;

      point_x (self, area, 0, &slot);
      every = MAX (1, (guint) ceil (72.0 / MAX (slot, 1)));
      for (guint p = 0; p < self->n_points; p += every)
        {
          const char *label = g_ptr_array_index (self->labels, p);
          double x = point_x (self, area, p, NULL);
          double xalign = 0.5;

          if (self->continuous && p == 0)
            xalign = 0;
          append_text (widget, snapshot, label, x,
                       area->origin.y + area->size.height + MARGIN_BOTTOM / 2 + 1, xalign, &text);
        }
    }
}

static void
snapshot_band_and_rules (OnloopChart           *self,
                         GtkSnapshot           *snapshot,
                         const graphene_rect_t *area)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA band, rule;
  cairo_t *cr;

  if (!isnan (self->band_low) && !isnan (self->band_high))
    {
      double top = scaled_y (area, self->band_high / self->y_max);
      double bottom = scaled_y (area, self->band_low / self->y_max);

      lookup_color (widget, "success_color", &band, "#26a269");
      band.alpha = 0.22;
      gtk_snapshot_append_color (snapshot, &band,
                                 &GRAPHENE_RECT_INIT (area->origin.x, top,
                                                      area->size.width, bottom - top));
    }

  if (self->rules->len == 0)
    return;

  lookup_color (widget, "warning_color", &rule, "#cd9309");
  cr = gtk_snapshot_append_cairo (snapshot, area);
  gdk_cairo_set_source_rgba (cr, &rule);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  for (guint i = 0; i < self->rules->len; i++)
    {
      double y = round (scaled_y (area, g_array_index (self->rules, double, i) / self->y_max)) + 0.5;

      cairo_move_to (cr, area->origin.x, y);
      cairo_line_to (cr, area->origin.x + area->size.width, y);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
snapshot_bars (OnloopChart           *self,
               GtkSnapshot           *snapshot,
               const graphene_rect_t *area)
{
  double slot;
  double base = scaled_y (area, 0);

  point_x (self, area, 0, &slot);
  for (guint s = 0; s < self->n_series; s++)
    {
      GdkRGBA color;

      series_color (self, s, &color);
      for (guint p = 0; p < self->n_points; p++)
        {
          double top = self->scaled[p * self->n_series + s];
          double bottom = s > 0 && self->kind == ONLOOP_CHART_STACKED
                          ? self->scaled[p * self->n_series + s - 1] : 0;
          double x = point_x (self, area, p, NULL);
          double width = MAX (1, MIN (slot * 0.7, 48));
          double y0, y1;

          if (isnan (top) || top <= bottom)
            continue;
          y0 = scaled_y (area, top);
          y1 = s > 0 && self->kind == ONLOOP_CHART_STACKED ? scaled_y (area, bottom) : base;
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (round (x - width / 2), y0,
                                                          round (width), y1 - y0));
        }
    }
}

/* One cairo path for the whole series; points that fall into the same pixel
 * column are merged into one vertical stroke from their lowest to highest. */
static void
snapshot_line (OnloopChart           *self,
               GtkSnapshot           *snapshot,
               const graphene_rect_t *area)
{
  GdkRGBA color;
  cairo_t *cr;
  gboolean pen_down = FALSE;
  int column = G_MININT;
  double col_min = 0, col_max = 0, col_last = 0;
  double slot;

  if (self->n_points == 0)
    return;

  series_color (self, 0, &color);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (area->origin.x - 6, area->origin.y - 6,
                                                       area->size.width + 12,
                                                       area->size.height + 12));
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint p = 0; p <= self->n_points; p++)
    {
      double v = p < self->n_points ? self->scaled[p * self->n_series] : NAN;
      double x = p < self->n_points ? point_x (self, area, p, NULL) : 0;
      int c = (int) floor (x);

      if (p == self->n_points || isnan (v) || c != column)
        {
          /* Flush the column we were in. */
          if (column != G_MININT)
            {
              if (!pen_down)
                cairo_move_to (cr, column + 0.5, scaled_y (area, col_min));
              else
                cairo_line_to (cr, column + 0.5, scaled_y (area, col_min));
              if (col_max != col_min)
                cairo_line_to (cr, column + 0.5, scaled_y (area, col_max));
              cairo_line_to (cr, column + 0.5, scaled_y (area, col_last));
              pen_down = TRUE;
              column = G_MININT;
            }
          if (p == self->n_points)
            break;
          if (isnan (v))
            {
              pen_down = FALSE;
              cairo_new_sub_path (cr);
              continue;
            }
          column = c;
          col_min = col_max = col_last = v;
        }
      else
        {
          col_min = MIN (col_min, v);
          col_max = MAX (col_max, v);
          col_last = v;
        }
    }
  cairo_stroke (cr);

  /* Dots on the weeks, when there is room for them. */
  point_x (self, area, 0, &slot);
  if (slot >= 10)
    {
      for (guint p = 0; p < self->n_points; p++)
        {
          double v = self->scaled[p * self->n_series];

          if (isnan (v))
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, point_x (self, area, p, NULL), scaled_y (area, v), 3.5, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
snapshot_marker (OnloopChart           *self,
                 GtkSnapshot           *snapshot,
                 const graphene_rect_t *area)
{
  GdkRGBA color, ring;
  cairo_t *cr;
  double x, y;

  if (self->marker_x < 0 || isnan (self->marker_value))
    return;

  x = area->origin.x + area->size.width * CLAMP (self->marker_x, 0, 1);
  y = scaled_y (area, self->marker_value / self->y_max);
  lookup_color (GTK_WIDGET (self), "accent_bg_color", &color, "#3584e4");
  lookup_color (GTK_WIDGET (self), "view_bg_color", &ring, "#ffffff");

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (x - 9, y - 9, 18, 18));
  cairo_arc (cr, x, y, 7.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &ring);
  cairo_fill (cr);
  cairo_arc (cr, x, y, 6, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
onloop_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  OnloopChart *self = ONLOOP_CHART (widget);
  graphene_rect_t area;

  plot_area (self, &area);

  snapshot_band_and_rules (self, snapshot, &area);
  snapshot_grid (self, snapshot, &area);

  if (self->selected >= 0 && (guint) self->selected < self->n_points)
    {
      GdkRGBA highlight;
      double slot;
      double x = point_x (self, &area, self->selected, &slot);

      foreground (widget, &highlight, gtk_widget_has_focus (widget) ? 0.12 : 0.07);
      slot = MAX (slot, 3);
      gtk_snapshot_append_color (snapshot, &highlight,
                                 &GRAPHENE_RECT_INIT (round (x - slot / 2), area.origin.y,
                                                      round (slot), area.size.height));
    }

  if (self->kind == ONLOOP_CHART_LINE)
    snapshot_line (self, snapshot, &area);
  else
    snapshot_bars (self, snapshot, &area);

  snapshot_marker (self, snapshot, &area);
  legend (self, snapshot, gtk_widget_get_width (widget),
          area.origin.y + area.size.height + MARGIN_BOTTOM);
}

static void
onloop_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 420;
    }
  else
    {
      *minimum = 140;
      *natural = 200;
    }
}

static int
point_at (OnloopChart *self,
          double       x)
{
  graphene_rect_t area;
  double p;

  if (self->n_points == 0)
    return -1;

  plot_area (self, &area);
  if (self->continuous)
    p = round ((x - area.origin.x) / area.size.width * (self->n_points - 1));
  else
    p = floor ((x - area.origin.x) / area.size.width * self->n_points);

  return (int) CLAMP (p, 0, self->n_points - 1);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           OnloopChart              *self)
{
  onloop_chart_set_selected (self, point_at (self, x));
}

static void
leave_cb (GtkEventControllerMotion *motion,
          OnloopChart              *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    onloop_chart_set_selected (self, -1);
}

/* chart.previous, chart.next, chart.first, chart.last: the keyboard's way
 * to a week, bound to the arrow keys, Home and End. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OnloopChart *self = ONLOOP_CHART (widget);
  int last = (int) self->n_points - 1;
  int selected = self->selected;

  if (self->n_points == 0)
    return;

  if (g_str_equal (action_name, "chart.previous"))
    selected = selected < 0 ? last : MAX (0, selected - 1);
  else if (g_str_equal (action_name, "chart.next"))
    selected = selected < 0 ? last : MIN (last, selected + 1);
  else if (g_str_equal (action_name, "chart.first"))
    selected = 0;
  else
    selected = last;

  onloop_chart_set_selected (self, selected);
}

static void
focus_enter_cb (GtkEventControllerFocus *focus,
                OnloopChart             *self)
{
  if (self->selected < 0 && self->n_points > 0)
    onloop_chart_set_selected (self, self->n_points - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *focus,
                OnloopChart             *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  OnloopChart *self = ONLOOP_CHART (widget);
  int point = keyboard ? self->selected : point_at (self, x);
  g_autofree char *text = NULL;

  if (point < 0)
    return FALSE;

  text = onloop_chart_describe_point (self, point);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
onloop_chart_finalize (GObject *object)
{
  OnloopChart *self = ONLOOP_CHART (object);

  g_free (self->values);
  g_free (self->scaled);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->series_names, g_ptr_array_unref);
  g_clear_pointer (&self->details, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_array_unref);
  g_free (self->title);

  G_OBJECT_CLASS (onloop_chart_parent_class)->finalize (object);
}

static void
onloop_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OnloopChart *self = ONLOOP_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OnloopChart *self = ONLOOP_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      onloop_chart_set_selected (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      if (g_strcmp0 (self->title, g_value_get_string (value)) != 0)
        {
          g_free (self->title);
          self->title = g_value_dup_string (value);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
          update_description (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_chart_class_init (OnloopChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = onloop_chart_finalize;
  object_class->get_property = onloop_chart_get_property;
  object_class->set_property = onloop_chart_set_property;
  widget_class->snapshot = onloop_chart_snapshot;
  widget_class->measure = onloop_chart_measure;

  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "chart.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "chart.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "chart.last", NULL, step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.last", NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
onloop_chart_init (OnloopChart *self)
{
  GtkEventController *controller;

  self->selected = -1;
  self->band_low = NAN;
  self->band_high = NAN;
  self->marker_x = -1;
  self->marker_value = NAN;
  self->y_max = 1;
  self->rules = g_array_new (FALSE, FALSE, sizeof (double));
  self->values = g_new0 (double, 1);
  self->scaled = g_new0 (double, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

OnloopChart *
onloop_chart_new (OnloopChartKind kind)
{
  OnloopChart *self = g_object_new (ONLOOP_TYPE_CHART, NULL);

  self->kind = kind;
  return self;
}

OnloopChartKind
onloop_chart_get_kind (OnloopChart *self)
{
  return self->kind;
}

void
onloop_chart_set_kind (OnloopChart     *self,
                       OnloopChartKind  kind)
{
  g_return_if_fail (ONLOOP_IS_CHART (self));

  self->kind = kind;
  changed (self);
}

void
onloop_chart_set_format (OnloopChart       *self,
                         OnloopChartFormat  format)
{
  g_return_if_fail (ONLOOP_IS_CHART (self));

  self->format = format;
  changed (self);
}

OnloopChartFormat
onloop_chart_get_format (OnloopChart *self)
{
  return self->format;
}

static GPtrArray *
copy_strings (const char * const *strings,
              guint               n)
{
  GPtrArray *array;

  if (strings == NULL)
    return NULL;

  array = g_ptr_array_new_full (n, g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_strdup (strings[i] != NULL ? strings[i] : ""));
  return array;
}

void
onloop_chart_set_data (OnloopChart        *self,
                       guint               n_points,
                       guint               n_series,
                       const double       *values,
                       const char * const *labels,
                       const char * const *series_names)
{
  g_return_if_fail (ONLOOP_IS_CHART (self));
  g_return_if_fail (n_series > 0);

  g_free (self->values);
  self->values = g_memdup2 (values != NULL ? values : (double[]) { 0 },
                            sizeof (double) * MAX (1, n_points * n_series));
  self->n_points = n_points;
  self->n_series = n_series;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->series_names, g_ptr_array_unref);
  g_clear_pointer (&self->details, g_ptr_array_unref);
  self->labels = copy_strings (labels, n_points);
  self->series_names = copy_strings (series_names, n_series);

  if (self->selected >= (int) n_points)
    onloop_chart_set_selected (self, -1);

  changed (self);
}

guint
onloop_chart_get_n_points (OnloopChart *self)
{
  return self->n_points;
}

guint
onloop_chart_get_n_series (OnloopChart *self)
{
  return self->n_series;
}

double
onloop_chart_get_value (OnloopChart *self,
                        guint        point,
                        guint        series)
{
  g_return_val_if_fail (point < self->n_points && series < self->n_series, NAN);

  return self->values[point * self->n_series + series];
}

const char *
onloop_chart_get_label (OnloopChart *self,
                        guint        point)
{
  if (self->labels == NULL || point >= self->labels->len)
    return "";
  return g_ptr_array_index (self->labels, point);
}

const char *
onloop_chart_get_series_name (OnloopChart *self,
                              guint        series)
{
  if (self->series_names == NULL || series >= self->series_names->len)
    return NULL;
  return g_ptr_array_index (self->series_names, series);
}

void
onloop_chart_set_continuous (OnloopChart *self,
                             gboolean     continuous)
{
  self->continuous = !!continuous;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
onloop_chart_get_continuous (OnloopChart *self)
{
  return self->continuous;
}

void
onloop_chart_set_y_max (OnloopChart *self,
                        double       y_max)
{
  self->y_max_fixed = y_max;
  changed (self);
}

void
onloop_chart_set_band (OnloopChart *self,
                       double       low,
                       double       high)
{
  self->band_low = low;
  self->band_high = high;
  changed (self);
}

void
onloop_chart_set_rules (OnloopChart  *self,
                        const double *rules,
                        guint         n_rules)
{
  g_array_set_size (self->rules, 0);
  if (n_rules > 0)
    g_array_append_vals (self->rules, rules, n_rules);
  changed (self);
}

/* Called every frame while a slider moves: only redraws, unless the point
 * leaves the axis. */
void
onloop_chart_set_marker (OnloopChart *self,
                         double       x,
                         double       value)
{
  self->marker_x = x;
  self->marker_value = value;
  if (x >= 0 && !isnan (value) && value > self->y_max && self->y_max_fixed <= 0)
    rescale (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
onloop_chart_set_details (OnloopChart        *self,
                          const char * const *details)
{
  g_clear_pointer (&self->details, g_ptr_array_unref);
  self->details = copy_strings (details, self->n_points);
}

int
onloop_chart_get_selected (OnloopChart *self)
{
  return self->selected;
}

void
onloop_chart_set_selected (OnloopChart *self,
                           int          point)
{
  g_return_if_fail (ONLOOP_IS_CHART (self));

  if (point >= (int) self->n_points)
    point = -1;
  if (point < -1)
    point = -1;
  if (self->selected == point)
    return;

  self->selected = point;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

char *
onloop_chart_format_value (OnloopChart *self,
                           double       value)
{
  if (isnan (value))
    return g_strdup (C_("no value", "—"));

  switch (self->format)
    {
    case ONLOOP_CHART_PERCENT:
      /* Ticks are round; figures keep one decimal. */
      if (fabs (value * 100 - round (value * 100)) < 1e-9)
        return g_strdup_printf (_("%.0f %%"), value * 100);
      return g_strdup_printf (_("%.1f %%"), value * 100);
    case ONLOOP_CHART_HOURS:
      if (fabs (value - round (value)) < 1e-9)
        return g_strdup_printf (_("%.0f h"), value);
      return g_strdup_printf (_("%.1f h"), value);
    case ONLOOP_CHART_COUNT:
    default:
      return g_strdup_printf ("%'.0f", value);
    }
}

char *
onloop_chart_describe_point (OnloopChart *self,
                             guint        point)
{
  GString *text;

  g_return_val_if_fail (point < self->n_points, NULL);

  text = g_string_new (onloop_chart_get_label (self, point));
  g_string_append (text, ": ");

  if (self->n_series == 1)
    {
      g_autofree char *value = onloop_chart_format_value (self, self->values[point]);
      g_string_append (text, value);
    }
  else
    {
      g_autofree char *total = onloop_chart_format_value (self, point_total (self, point));

      for (guint s = 0; s < self->n_series; s++)
        {
          g_autofree char *value = onloop_chart_format_value (self,
                                                              self->values[point * self->n_series + s]);
          const char *name = onloop_chart_get_series_name (self, s);

          g_string_append_printf (text, "%s%s %s", s > 0 ? ", " : "", name ? name : "", value);
        }
      g_string_append_printf (text, _(" (total %s)"), total);
    }

  if (self->details != NULL && point < self->details->len &&
      *(char *) g_ptr_array_index (self->details, point) != '\0')
    g_string_append_printf (text, " — %s", (char *) g_ptr_array_index (self->details, point));

  return g_string_free (text, FALSE);
}

char *
onloop_chart_describe (OnloopChart *self)
{
  GString *text;
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
  int last = -1;

  if (self->n_points == 0)
    return g_strdup (_("No data yet."));

  text = g_string_new (NULL);

  for (guint p = 0; p < self->n_points; p++)
    {
      double v = self->n_series == 1 ? self->values[p] : point_total (self, p);
      if (isnan (v))
        continue;
      low = MIN (low, v);
      high = MAX (high, v);
      last = p;
    }

  g_string_append_printf (text, ngettext ("%u point", "%u points", self->n_points),
                          self->n_points);
  g_string_append_printf (text, _(", from %s to %s."), onloop_chart_get_label (self, 0),
                          onloop_chart_get_label (self, self->n_points - 1));
  if (last >= 0)
    {
      g_autofree char *lo = onloop_chart_format_value (self, low);
      g_autofree char *hi = onloop_chart_format_value (self, high);
      g_autofree char *latest = onloop_chart_describe_point (self, last);

      g_string_append_printf (text, _(" Lowest %s, highest %s. Latest: %s."), lo, hi, latest);
    }
  if (!isnan (self->band_low) && !isnan (self->band_high))
    {
      g_autofree char *lo = onloop_chart_format_value (self, self->band_low);
      g_autofree char *hi = onloop_chart_format_value (self, self->band_high);

      g_string_append_printf (text, _(" Target band %s to %s."), lo, hi);
    }
  for (guint i = 0; i < self->rules->len; i++)
    {
      g_autofree char *v = onloop_chart_format_value (self, g_array_index (self->rules, double, i));

      g_string_append_printf (text, _(" Line at %s."), v);
    }
  g_string_append (text, _(" Use the arrow keys to read each point; a table shows every figure."));

  return g_string_free (text, FALSE);
}

gboolean
onloop_chart_value_to_point (OnloopChart *self,
                             guint        point,
                             double       value,
                             double      *x,
                             double      *y)
{
  graphene_rect_t area;

  if (point >= self->n_points || isnan (value))
    return FALSE;

  plot_area (self, &area);
  *x = point_x (self, &area, point, NULL);
  *y = scaled_y (&area, value / self->y_max);
  return TRUE;
}
