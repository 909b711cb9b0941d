/* onloop-chart.h: a weekly chart drawn from plain arrays
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  ONLOOP_CHART_LINE,     /* one series as a line with points */
  ONLOOP_CHART_BARS,     /* one series as bars */
  ONLOOP_CHART_STACKED,  /* several series stacked as bars */
} OnloopChartKind;

typedef enum
{
  ONLOOP_CHART_PERCENT, /* values are fractions, shown as "12.5 %" */
  ONLOOP_CHART_COUNT,   /* whole numbers */
  ONLOOP_CHART_HOURS,   /* hours, one decimal */
} OnloopChartFormat;

#define ONLOOP_TYPE_CHART (onloop_chart_get_type ())

G_DECLARE_FINAL_TYPE (OnloopChart, onloop_chart, ONLOOP, CHART, GtkWidget)

OnloopChart *onloop_chart_new             (OnloopChartKind    kind);
OnloopChartKind onloop_chart_get_kind     (OnloopChart       *self);
void         onloop_chart_set_kind        (OnloopChart       *self,
                                           OnloopChartKind    kind);
void         onloop_chart_set_format      (OnloopChart       *self,
                                           OnloopChartFormat  format);
OnloopChartFormat onloop_chart_get_format (OnloopChart       *self);

/* @values holds @n_points × @n_series numbers, point-major (the series of
 * point 0, then of point 1 …); NAN is "no value". @labels names each point
 * ("2026-W45"); @series_names each series (NULL for one unnamed series).
 * The chart keeps copies, scaled to 0..1 once here. */
void         onloop_chart_set_data        (OnloopChart        *self,
                                           guint               n_points,
                                           guint               n_series,
                                           const double       *values,
                                           const char * const *labels,
                                           const char * const *series_names);
guint        onloop_chart_get_n_points    (OnloopChart       *self);
guint        onloop_chart_get_n_series    (OnloopChart       *self);
double       onloop_chart_get_value       (OnloopChart       *self,
                                           guint              point,
                                           guint              series);
const char  *onloop_chart_get_label       (OnloopChart       *self,
                                           guint              point);
const char  *onloop_chart_get_series_name (OnloopChart       *self,
                                           guint              series);

/* Points spread over the whole width (a curve over thresholds) rather than
 * one slot per week. */
void         onloop_chart_set_continuous  (OnloopChart       *self,
                                           gboolean           continuous);
gboolean     onloop_chart_get_continuous  (OnloopChart       *self);
/* The top of the y axis; 0 picks a round number above the data. */
void         onloop_chart_set_y_max       (OnloopChart       *self,
                                           double             y_max);
/* The target band drawn under the series; NAN for none. */
void         onloop_chart_set_band        (OnloopChart       *self,
                                           double             low,
                                           double             high);
/* Dashed reference lines (5 %, 20 %, 30 %). */
void         onloop_chart_set_rules       (OnloopChart       *self,
                                           const double      *rules,
                                           guint              n_rules);
/* A current point drawn over the series at @x (0..1 along the axis) and
 * @value; @x < 0 hides it. */
void         onloop_chart_set_marker      (OnloopChart       *self,
                                           double             x,
                                           double             value);
/* Extra numbers for one point, shown with its figures ("1,204 events"). */
void         onloop_chart_set_details     (OnloopChart        *self,
                                           const char * const *details);

/* The point hovered or focused (-1 for none). */
int          onloop_chart_get_selected    (OnloopChart       *self);
void         onloop_chart_set_selected    (OnloopChart       *self,
                                           int                point);

/* "12.5 %", "3", "4.5 h" for @value in the chart's format. */
char        *onloop_chart_format_value    (OnloopChart       *self,
                                           double             value);
/* The figures of one point in words: "2026-W45: 12.5 % (1,204 events)". */
char        *onloop_chart_describe_point  (OnloopChart       *self,
                                           guint              point);
/* A summary of the whole chart for assistive technologies. */
char        *onloop_chart_describe        (OnloopChart       *self);

/* Where @value of @point is drawn, in widget coordinates, at the current
 * size (for tests and for pointing at a week). */
gboolean     onloop_chart_value_to_point  (OnloopChart       *self,
                                           guint              point,
                                           double             value,
                                           double            *x,
                                           double            *y);

G_END_DECLS
