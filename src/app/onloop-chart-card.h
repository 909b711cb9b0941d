/* onloop-chart-card.h: a chart with its title, figures and table view
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "onloop-chart.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_CHART_CARD (onloop_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (OnloopChartCard, onloop_chart_card, ONLOOP, CHART_CARD, GtkBox)

OnloopChart *onloop_chart_card_get_chart     (OnloopChartCard *self);
const char  *onloop_chart_card_get_title     (OnloopChartCard *self);
void         onloop_chart_card_set_title     (OnloopChartCard *self,
                                              const char      *title);
/* The heading of the value column of the table ("Exception rate"). */
void         onloop_chart_card_set_value_title (OnloopChartCard *self,
                                                const char      *title);
/* A line under the chart that says what the lines and band mean. */
void         onloop_chart_card_set_legend    (OnloopChartCard *self,
                                              const char      *legend);
/* Call after the chart's data changed: the table follows. */
void         onloop_chart_card_data_changed  (OnloopChartCard *self);
gboolean     onloop_chart_card_get_show_table (OnloopChartCard *self);
void         onloop_chart_card_set_show_table (OnloopChartCard *self,
                                               gboolean         show_table);
/* The table's cell at @row (0 is the heading), @column; NULL if none. */
const char  *onloop_chart_card_get_table_cell (OnloopChartCard *self,
                                               guint            row,
                                               guint            column);

G_END_DECLS
