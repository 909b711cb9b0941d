/* onloop-chart-card.c: a chart with its title, figures and table view
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart has a text alternative: the figures of the week under the
 * pointer or keyboard focus in a label under it, and a table of every
 * figure one toggle away.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "onloop-chart-card.h"

/* A curve over thousands of thresholds is shown in the table as this many
 * evenly spaced rows. */
#define MAX_TABLE_ROWS 60

struct _OnloopChartCard
{
  GtkBox           parent_instance;

  GtkLabel        *title_label;
  GtkToggleButton *table_button;
  GtkStack        *stack;
  OnloopChart     *chart;
  GtkGrid         *table;
  GtkLabel        *legend_label;
  GtkLabel        *detail_label;

  char            *value_title;
  gboolean         table_dirty;
};

G_DEFINE_FINAL_TYPE (OnloopChartCard, onloop_chart_card, GTK_TYPE_BOX)

static void
add_cell (OnloopChartCard *self,
          const char      *text,
          int              column,
          int              row,
          gboolean         heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static void
rebuild_table (OnloopChartCard *self)
{
  OnloopChart *chart = self->chart;
  guint n_points = onloop_chart_get_n_points (chart);
  guint n_series = onloop_chart_get_n_series (chart);
  guint step = MAX (1, (n_points + MAX_TABLE_ROWS - 1) / MAX_TABLE_ROWS);
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  add_cell (self, onloop_chart_get_continuous (chart) ? _("Threshold") : _("Week"), 0, 0, TRUE);
  if (n_series == 1)
    add_cell (self, self->value_title ? self->value_title : _("Value"), 1, 0, TRUE);
  else
    {
      for (guint s = 0; s < n_series; s++)
        add_cell (self, onloop_chart_get_series_name (chart, s), s + 1, 0, TRUE);
      add_cell (self, _("Total"), n_series + 1, 0, TRUE);
    }

  for (guint p = 0; p < n_points; p += step, row++)
    {
      double total = 0;

      add_cell (self, onloop_chart_get_label (chart, p), 0, row, FALSE);
      for (guint s = 0; s < n_series; s++)
        {
          double v = onloop_chart_get_value (chart, p, s);
          g_autofree char *text = onloop_chart_format_value (chart, v);

          add_cell (self, text, s + 1, row, FALSE);
          total += isnan (v) ? 0 : v;
        }
      if (n_series > 1)
        {
          g_autofree char *text = onloop_chart_format_value (chart, total);
          add_cell (self, text, n_series + 1, row, FALSE);
        }
    }

  self->table_dirty = FALSE;
}

static void
table_toggled_cb (OnloopChartCard *self)
{
  gboolean show = gtk_toggle_button_get_active (self->table_button);

  if (show && self->table_dirty)
    rebuild_table (self);
  gtk_stack_set_visible_child_name (self->stack, show ? "table" : "chart");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button),
                               show ? _("Show as a Chart") : _("Show as a Table"));
}

static void
selected_cb (OnloopChartCard *self)
{
  int selected = onloop_chart_get_selected (self->chart);
  g_autofree char *text = NULL;

  if (selected < 0)
    return;

  text = onloop_chart_describe_point (self->chart, selected);
  gtk_label_set_label (self->detail_label, text);
}

static void
onloop_chart_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ONLOOP_TYPE_CHART_CARD);

  G_OBJECT_CLASS (onloop_chart_card_parent_class)->dispose (object);
}

static void
onloop_chart_card_finalize (GObject *object)
{
  OnloopChartCard *self = ONLOOP_CHART_CARD (object);

  g_free (self->value_title);

  G_OBJECT_CLASS (onloop_chart_card_parent_class)->finalize (object);
}

static void
onloop_chart_card_class_init (OnloopChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_chart_card_dispose;
  object_class->finalize = onloop_chart_card_finalize;

  g_type_ensure (ONLOOP_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopChartCard, table_button);
  gtk_widget_class_bind_template_child (widget_class, OnloopChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, OnloopChartCard, chart);
  gtk_widget_class_bind_template_child (widget_class, OnloopChartCard, table);
  gtk_widget_class_bind_template_child (widget_class, OnloopChartCard, legend_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopChartCard, detail_label);
  gtk_widget_class_bind_template_callback (widget_class, table_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
onloop_chart_card_init (OnloopChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->table_dirty = TRUE;
}

OnloopChart *
onloop_chart_card_get_chart (OnloopChartCard *self)
{
  return self->chart;
}

const char *
onloop_chart_card_get_title (OnloopChartCard *self)
{
  return gtk_label_get_label (self->title_label);
}

void
onloop_chart_card_set_title (OnloopChartCard *self,
                             const char      *title)
{
  g_autofree char *table_label = g_strdup_printf (_("%s as a table"), title);

  gtk_label_set_label (self->title_label, title);
  g_object_set (self->chart, "title", title, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, table_label, -1);
}

void
onloop_chart_card_set_value_title (OnloopChartCard *self,
                                   const char      *title)
{
  g_free (self->value_title);
  self->value_title = g_strdup (title);
  self->table_dirty = TRUE;
}

void
onloop_chart_card_set_legend (OnloopChartCard *self,
                              const char      *legend)
{
  gtk_label_set_label (self->legend_label, legend);
  gtk_widget_set_visible (GTK_WIDGET (self->legend_label), legend != NULL && *legend != '\0');
}

void
onloop_chart_card_data_changed (OnloopChartCard *self)
{
  self->table_dirty = TRUE;
  if (gtk_toggle_button_get_active (self->table_button))
    rebuild_table (self);
  selected_cb (self);
}

gboolean
onloop_chart_card_get_show_table (OnloopChartCard *self)
{
  return gtk_toggle_button_get_active (self->table_button);
}

void
onloop_chart_card_set_show_table (OnloopChartCard *self,
                                  gboolean         show_table)
{
  gtk_toggle_button_set_active (self->table_button, show_table);
}

const char *
onloop_chart_card_get_table_cell (OnloopChartCard *self,
                                  guint            row,
                                  guint            column)
{
  GtkWidget *child;

  if (self->table_dirty)
    rebuild_table (self);

  child = gtk_grid_get_child_at (self->table, column, row);
  return child != NULL ? gtk_label_get_label (GTK_LABEL (child)) : NULL;
}
