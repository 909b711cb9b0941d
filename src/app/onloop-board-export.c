/* onloop-board-export.c: the board as a PNG image or a PDF document
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The on-screen columns only make the cards that are scrolled into view, so
 * a snapshot of the widgets would lose the rest. The export lays out every
 * card itself with Pango, in the board's arrangement, on a white page: the
 * same drawing goes to a cairo image surface (PNG) and a PDF surface.
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "onloop-board-export.h"

#define PAGE_WIDTH 1200.0
#define MARGIN 36.0
#define GUTTER 18.0
#define CARD_PAD 10.0
#define CARD_GAP 8.0
/* cairo and PDF viewers stop somewhere; a very long board is scaled down. */
#define MAX_PNG_HEIGHT 16000.0
#define MAX_PDF_HEIGHT 14000.0

typedef struct { double r, g, b; } Rgb;

static const Rgb column_tint[ONLOOP_N_CATEGORIES] = {
  { 0.94, 0.94, 0.95 },   /* unsorted */
  { 0.90, 0.95, 1.00 },   /* execution */
  { 1.00, 0.94, 0.88 },   /* judgment */
};

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static char *
criteria_line (OnloopDecision *d)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    {
      OnloopAnswer answer = onloop_decision_get_criterion (d, i);

      g_string_append_printf (line, "%s%s %s", i > 0 ? "   " : "", onloop_criterion_get_label (i),
                              answer == ONLOOP_ANSWER_YES ? "✓" :
                              answer == ONLOOP_ANSWER_NO ? "✗" : "?");
    }

  return g_string_free (line, FALSE);
}

static char *
meta_line (OnloopDecision *d)
{
  const char *workflow = onloop_decision_get_workflow (d);
  double per_week = onloop_decision_get_frequency (d);
  g_autofree char *frequency = per_week > 0 ? g_strdup_printf (_("%g/week"), per_week) : g_strdup ("");

  if (workflow != NULL && *workflow != '\0' && *frequency != '\0')
    return g_strdup_printf ("%s · %s", workflow, frequency);
  if (workflow != NULL && *workflow != '\0')
    return g_strdup (workflow);

  return g_steal_pointer (&frequency);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Draws one card at @y, or only measures it when @draw is FALSE. */
static double
card (cairo_t        *cr,
      OnloopDecision *d,
      const char     *group,
      double          x,
      double          y,
      double          width,
      gboolean        draw)
{
  double inner = width - 2 * CARD_PAD;
  g_autoptr(PangoLayout) title = make_layout (cr, "Sans Bold 11", onloop_decision_get_title (d), inner);
  g_autofree char *meta_text = meta_line (d);
  g_autofree char *criteria_text = criteria_line (d);
  g_autoptr(PangoLayout) meta = make_layout (cr, "Sans 8.5", meta_text, inner);
  g_autoptr(PangoLayout) criteria = make_layout (cr, "Sans 8", criteria_text, inner);
  g_autoptr(PangoLayout) badge = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  double h, top = y, cy;

  if (onloop_decision_has_mismatch (d))
    {
      g_autofree char *text = g_strdup_printf (_("Suggests %s"),
                                               onloop_category_get_label (onloop_decision_get_suggestion (d)));
      badge = make_layout (cr, "Sans Bold 8", text, inner);
    }

  if (group != NULL)
    {
      heading = make_layout (cr, "Sans Bold 9", group, width);
      if (draw)
        {
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.4);
          cairo_move_to (cr, x + 2, top + 4);
          pango_cairo_show_layout (cr, heading);
        }
      top += layout_height (heading) + 8;
    }

  h = CARD_PAD + layout_height (title) + 4 + (*meta_text != '\0' ? layout_height (meta) + 4 : 0) +
      layout_height (criteria) + (badge != NULL ? layout_height (badge) + 4 : 0) + CARD_PAD;

  if (!draw)
    return top - y + h;

  rounded_rect (cr, x, top, width, h, 6);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.78, 0.78, 0.82);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cy = top + CARD_PAD;
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  cairo_move_to (cr, x + CARD_PAD, cy);
  pango_cairo_show_layout (cr, title);
  cy += layout_height (title) + 4;

  cairo_set_source_rgb (cr, 0.4, 0.4, 0.45);
  if (*meta_text != '\0')
    {
      cairo_move_to (cr, x + CARD_PAD, cy);
      pango_cairo_show_layout (cr, meta);
      cy += layout_height (meta) + 4;
    }
  cairo_move_to (cr, x + CARD_PAD, cy);
  pango_cairo_show_layout (cr, criteria);
  cy += layout_height (criteria) + 4;

  if (badge != NULL)
    {
      cairo_set_source_rgb (cr, 0.6, 0.35, 0.0);
      cairo_move_to (cr, x + CARD_PAD, cy);
      pango_cairo_show_layout (cr, badge);
    }

  return top - y + h;
}

/* Lays out (and with @draw, paints) the whole board; returns its height. */
static double
board (cairo_t          *cr,
       OnloopBoardModel *model,
       const char       *title,
       gboolean          draw)
{
  double column_width = (PAGE_WIDTH - 2 * MARGIN - 2 * GUTTER) / ONLOOP_N_CATEGORIES;
  g_autoptr(PangoLayout) heading = make_layout (cr, "Sans Bold 18", title, PAGE_WIDTH - 2 * MARGIN);
  g_autoptr(PangoLayout) share = NULL;
  g_autofree char *share_text = NULL;
  double share_value = onloop_board_model_get_execution_share (model);
  double y = MARGIN, top, bottom = 0;

  if (isnan (share_value))
    share_text = g_strdup (_("No card sorted yet"));
  else
    share_text = g_strdup_printf (_("Execution share %.0f %% (most teams land at 60–70 %%) · %u execution, %u judgment, %u unsorted"),
                                  share_value * 100,
                                  onloop_board_model_get_count (model, ONLOOP_CATEGORY_EXECUTION),
                                  onloop_board_model_get_count (model, ONLOOP_CATEGORY_JUDGMENT),
                                  onloop_board_model_get_count (model, ONLOOP_CATEGORY_UNSORTED));
  share = make_layout (cr, "Sans 10", share_text, PAGE_WIDTH - 2 * MARGIN);

  if (draw)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, heading);
    }
  y += layout_height (heading) + 4;
  if (draw)
    {
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.4);
      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, share);
    }
  y += layout_height (share) + 18;
  top = y;

  for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
    {
      GListModel *column = onloop_board_model_get_column (model, c);
      guint n = g_list_model_get_n_items (column);
      double x = MARGIN + c * (column_width + GUTTER);
      g_autofree char *label = g_strdup_printf ("%s  %u", onloop_category_get_label (c), n);
      g_autoptr(PangoLayout) header = make_layout (cr, "Sans Bold 13", label, column_width - 20);
      double cy = top + 10;

      cy += layout_height (header) + 10;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(OnloopDecision) d = g_list_model_get_item (column, i);
          const char *group = onloop_board_model_get_group_header (model, c, i);

          cy += card (cr, d, group, x + 10, cy, column_width - 20, FALSE) + CARD_GAP;
        }
      bottom = MAX (bottom, cy + 6);
    }

  if (draw)
    {
      for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
        {
          GListModel *column = onloop_board_model_get_column (model, c);
          guint n = g_list_model_get_n_items (column);
          double x = MARGIN + c * (column_width + GUTTER);
          g_autofree char *label = g_strdup_printf ("%s  %u", onloop_category_get_label (c), n);
          g_autoptr(PangoLayout) header = make_layout (cr, "Sans Bold 13", label, column_width - 20);
          double cy = top + 10;

          rounded_rect (cr, x, top, column_width, bottom - top, 10);
          cairo_set_source_rgb (cr, column_tint[c].r, column_tint[c].g, column_tint[c].b);
          cairo_fill (cr);

          cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
          cairo_move_to (cr, x + 10, cy);
          pango_cairo_show_layout (cr, header);
          cy += layout_height (header) + 10;

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(OnloopDecision) d = g_list_model_get_item (column, i);
              const char *group = onloop_board_model_get_group_header (model, c, i);

              cy += card (cr, d, group, x + 10, cy, column_width - 20, TRUE) + CARD_GAP;
            }
        }
    }

  return bottom + MARGIN;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name,
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
onloop_board_export (OnloopBoardModel        *model,
                     OnloopBoardExportFormat  format,
                     const char              *title,
                     const char              *path,
                     GError                 **error)
{
  cairo_surface_t *measure_surface;
  cairo_surface_t *surface;
  cairo_t *measure, *cr;
  cairo_status_t status;
  double height, scale = 1.0, limit;

  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (model), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  measure = cairo_create (measure_surface);
  height = board (measure, model, title, FALSE);
  cairo_destroy (measure);
  cairo_surface_destroy (measure_surface);

  limit = format == ONLOOP_BOARD_EXPORT_PNG ? MAX_PNG_HEIGHT : MAX_PDF_HEIGHT;
  if (height > limit)
    scale = limit / height;

  if (format == ONLOOP_BOARD_EXPORT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (PAGE_WIDTH * scale),
                                          (int) ceil (height * scale));
  else
    surface = cairo_pdf_surface_create (path, PAGE_WIDTH * scale * 0.75, height * scale * 0.75);

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return check_status (status, path, error);
    }

  cr = cairo_create (surface);
  /* PDF points are 3/4 of a pixel: the same drawing at print size. */
  if (format == ONLOOP_BOARD_EXPORT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  board (cr, model, title, TRUE);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == ONLOOP_BOARD_EXPORT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}
