/* onloop-share-bar.c: the live execution share against the method's band
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A track with the 60–70 % band drawn in, the share as a filled part and a
 * marker, and a sentence that says what it means: the method's "most teams
 * discover that 60–70 % of their decisions are execution".
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "onloop-share-bar.h"

#define TRACK_WIDTH 180
#define TRACK_HEIGHT 10

struct _OnloopShareBar
{
  GtkWidget  parent_instance;

  GtkWidget *track;
  GtkWidget *label;

  double     share;
  double     low;
  double     high;
};

G_DEFINE_FINAL_TYPE (OnloopShareBar, onloop_share_bar, GTK_TYPE_WIDGET)

static GdkRGBA
named_colour (GtkWidget  *widget,
              const char *name,
              const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA colour;

  if (!gtk_style_context_lookup_color (context, name, &colour))
    gdk_rgba_parse (&colour, fallback);

  return colour;
}

static void
draw_track (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  OnloopShareBar *self = ONLOOP_SHARE_BAR (user_data);
  GdkRGBA fg, band, fill;
  /* Taller when the style sheet makes the bar taller (presentation). */
  double track = MAX (TRACK_HEIGHT, height - 10);
  double y = (height - track) / 2.0;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  band = named_colour (GTK_WIDGET (area), "success_color", "#26a269");
  fill = named_colour (GTK_WIDGET (area), "accent_bg_color", "#3584e4");

  /* the track */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.12);
  cairo_rectangle (cr, 0, y, width, track);
  cairo_fill (cr);

  /* the band, under the share */
  cairo_set_source_rgba (cr, band.red, band.green, band.blue, 0.45);
  cairo_rectangle (cr, width * self->low, y - 3, width * (self->high - self->low), track + 6);
  cairo_fill (cr);

  if (isnan (self->share))
    return;

  cairo_set_source_rgba (cr, fill.red, fill.green, fill.blue, 0.85);
  cairo_rectangle (cr, 0, y + 2, width * self->share, track - 4);
  cairo_fill (cr);

  /* the marker */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
  cairo_rectangle (cr, CLAMP (width * self->share - 1.5, 0, width - 3), 0, 3, height);
  cairo_fill (cr);
}

static void
update (OnloopShareBar *self)
{
  g_autofree char *text = NULL;
  int low = (int) round (self->low * 100);
  int high = (int) round (self->high * 100);
  int percent;

  if (isnan (self->share))
    {
      text = g_strdup_printf (_("Execution share: sort cards to see it against the %d–%d %% "
                                "most teams reach"), low, high);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
    }
  else
    {
      percent = (int) round (self->share * 100);
      if (self->share < self->low)
        text = g_strdup_printf (_("%d %% execution: below the %d–%d %% band, more could run on "
                                  "its own"), percent, low, high);
      else if (self->share > self->high)
        text = g_strdup_printf (_("%d %% execution: above the %d–%d %% band, check no judgment "
                                  "call slipped in"), percent, low, high);
      else
        text = g_strdup_printf (_("%d %% execution: within the %d–%d %% band most teams reach"),
                                percent, low, high);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, self->share * 100,
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
    }

  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "in-band");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "out-of-band");
  if (!isnan (self->share))
    gtk_widget_add_css_class (GTK_WIDGET (self),
                              self->share >= self->low && self->share <= self->high
                              ? "in-band" : "out-of-band");
  gtk_widget_queue_draw (self->track);
}

static void
onloop_share_bar_dispose (GObject *object)
{
  OnloopShareBar *self = ONLOOP_SHARE_BAR (object);

  g_clear_pointer (&self->track, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (onloop_share_bar_parent_class)->dispose (object);
}

static void
onloop_share_bar_class_init (OnloopShareBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_share_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sharebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
onloop_share_bar_init (OnloopShareBar *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_box_layout_set_spacing (layout, 10);

  self->low = 0.6;
  self->high = 0.7;
  self->share = NAN;

  self->track = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->track), TRACK_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->track), TRACK_HEIGHT + 10);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->track), draw_track, self, NULL);
  gtk_widget_set_valign (self->track, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->track, "share-track");
  gtk_widget_set_parent (self->track, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_add_css_class (self->label, "share-text");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Execution share"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  -1);
  update (self);
}

GtkWidget *
onloop_share_bar_new (void)
{
  return g_object_new (ONLOOP_TYPE_SHARE_BAR, NULL);
}

void
onloop_share_bar_set_share (OnloopShareBar *self,
                            double          share,
                            double          low,
                            double          high)
{
  g_return_if_fail (ONLOOP_IS_SHARE_BAR (self));

  if (!(low >= 0 && low <= high && high <= 1))
    {
      low = 0.6;
      high = 0.7;
    }

  self->share = isnan (share) ? NAN : CLAMP (share, 0, 1);
  self->low = low;
  self->high = high;
  update (self);
}

const char *
onloop_share_bar_get_text (OnloopShareBar *self)
{
  g_return_val_if_fail (ONLOOP_IS_SHARE_BAR (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}
