/* onloop-spec-print.c: the spec as a printed document
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a list of blocks laid out once with Pango when printing
 * begins: a title block (version, date and note), one section per decision
 * (what it may do, uses and must not do), then the triggers as a table.
 * Blocks are never split; pages break between them. Every page carries a
 * running header with the version and the note, and a page number.
 */

#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "onloop-spec-print.h"

#define FONT_SIZE 10
#define HEADER_HEIGHT 28.0
#define FOOTER_HEIGHT 18.0

typedef struct
{
  GPtrArray *cells;      /* PangoLayout * */
  GArray    *x;          /* double offsets of the cells */
  double     height;
  double     space_before;
  gboolean   rule;       /* a line under the block */
  gboolean   shade;      /* a shaded background (table header) */
} Block;

struct _OnloopSpecPrint
{
  GObject     parent_instance;

  OnloopSpec *spec;
  char       *title;
  char       *currency;
  GPtrArray  *blocks;    /* Block * */
  GArray     *page_start;  /* guint: first block of each page */
  int         n_pages;
};

G_DEFINE_FINAL_TYPE (OnloopSpecPrint, onloop_spec_print, G_TYPE_OBJECT)

static void
block_free (Block *block)
{
  g_ptr_array_unref (block->cells);
  g_array_unref (block->x);
  g_free (block);
}

static char *
format_grouped (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
join_list (GPtrArray *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (list, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
onloop_trigger_describe (const OnloopTrigger *trigger,
                         const char          *currency)
{
  switch (trigger->kind)
    {
    case ONLOOP_TRIGGER_DEAL_SIZE:
      {
        g_autofree char *arr = format_grouped (trigger->min_arr);
        return g_strdup_printf (_("Deal ARR ≥ %s %s"), currency, arr);
      }
    case ONLOOP_TRIGGER_SENTIMENT:
      return g_strdup_printf (_("Sentiment < %.2f"), trigger->below);
    case ONLOOP_TRIGGER_FIRST_TIME:
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        g_autofree char *joined = NULL;

        if (trigger->fields & ONLOOP_FIELD_INDUSTRY)
          g_ptr_array_add (names, (gpointer) _("industry"));
        if (trigger->fields & ONLOOP_FIELD_PERSONA)
          g_ptr_array_add (names, (gpointer) _("persona"));
        if (trigger->fields & ONLOOP_FIELD_OBJECTION)
          g_ptr_array_add (names, (gpointer) _("objection"));
        if (names->len == 0)
          return g_strdup (_("No field chosen: never fires"));
        joined = join_list (names);
        return g_strdup_printf (_("A first-seen %s"), joined);
      }
    case ONLOOP_TRIGGER_CONFLICTING_SIGNALS:
      return g_strdup_printf (_("Engagement ≥ %.2f, deal not progressing, %" PRId64 " days or more in stage"),
                              trigger->min_engagement, trigger->min_days_in_stage);
    case ONLOOP_TRIGGER_ETHICAL:
    default:
      {
        g_autofree char *tags = join_list (trigger->tags);
        return trigger->tags->len > 0 ? g_strdup_printf (_("Tagged %s"), tags)
                                      : g_strdup (_("No tag listed: never fires"));
      }
    }
}

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *markup,
             double           width,
             double           size,
             gboolean         bold)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static Block *
add_block (OnloopSpecPrint *self,
           double           space_before)
{
  Block *block = g_new0 (Block, 1);

  block->cells = g_ptr_array_new_with_free_func (g_object_unref);
  block->x = g_array_new (FALSE, FALSE, sizeof (double));
  block->space_before = space_before;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
add_cell (Block       *block,
          PangoLayout *layout,
          double       x)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  g_ptr_array_add (block->cells, layout);
  g_array_append_val (block->x, x);
  block->height = MAX (block->height, (double) h / PANGO_SCALE);
}

static void
add_text (OnloopSpecPrint *self,
          GtkPrintContext *context,
          const char      *markup,
          double           indent,
          double           size,
          gboolean         bold,
          double           space_before)
{
  double width = gtk_print_context_get_width (context);
  Block *block = add_block (self, space_before);

  add_cell (block, make_layout (context, markup, width - indent, size, bold), indent);
}

static void
add_list (OnloopSpecPrint *self,
          GtkPrintContext *context,
          const char      *name,
          GPtrArray       *items)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped_name = g_markup_escape_text (name, -1);

  g_string_append_printf (markup, "<b>%s</b>", escaped_name);
  if (items->len == 0)
    g_string_append_printf (markup, "  <i>%s</i>", _("nothing listed"));
  for (guint i = 0; i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);
      g_autofree char *label = g_markup_escape_text (item->label, -1);
      g_autofree char *id = g_markup_escape_text (item->id, -1);
      g_string_append_printf (markup, "\n• %s  <span font_family=\"monospace\" foreground=\"#555555\">%s</span>",
                              label, id);
    }
  add_text (self, context, markup->str, 18, FONT_SIZE, FALSE, 4);
}

static void
add_decision (OnloopSpecPrint    *self,
              GtkPrintContext    *context,
              OnloopSpecDecision *decision)
{
  g_autofree char *title = g_markup_escape_text (decision->title, -1);
  g_autofree char *key = g_markup_escape_text (decision->key, -1);
  g_autofree char *heading = g_strdup_printf ("%s  <span font_family=\"monospace\" size=\"small\" foreground=\"#555555\">%s</span>",
                                              title, key);
  g_autoptr(GString) meta = g_string_new (NULL);

  add_text (self, context, heading, 0, FONT_SIZE + 3, TRUE, 14);

  g_string_append (meta, decision->category == ONLOOP_CATEGORY_EXECUTION ? _("Execution decision")
                         : decision->category == ONLOOP_CATEGORY_JUDGMENT ? _("Judgment decision")
                         : _("Not sorted"));
  if (decision->workflow != NULL)
    {
      g_autofree char *workflow = g_markup_escape_text (decision->workflow, -1);
      g_string_append_printf (meta, " · %s %s", _("workflow"), workflow);
    }
  if (decision->phase != NULL)
    g_string_append_printf (meta, " · %s %s", _("phase"), decision->phase);
  add_text (self, context, meta->str, 0, FONT_SIZE - 1, FALSE, 2);

  if (decision->category == ONLOOP_CATEGORY_JUDGMENT &&
      decision->may->len + decision->uses->len + decision->must_not->len == 0)
    {
      add_text (self, context, _("People own this decision: every event of it escalates."), 18,
                FONT_SIZE, FALSE, 4);
      return;
    }

  add_list (self, context, _("May"), decision->may);
  add_list (self, context, _("Uses"), decision->uses);
  add_list (self, context, _("Must not"), decision->must_not);
}

static void
add_trigger_table (OnloopSpecPrint *self,
                   GtkPrintContext *context)
{
  double width = gtk_print_context_get_width (context);
  /* Trigger, fires when, applies to, enabled. */
  const double share[] = { 0.22, 0.44, 0.22, 0.12 };
  double x[4];
  Block *block;

  x[0] = 0;
  for (guint i = 1; i < 4; i++)
    x[i] = x[i - 1] + share[i - 1] * width;

  add_text (self, context, _("Exception Triggers"), 0, FONT_SIZE + 4, TRUE, 20);
  if (self->spec->triggers->len == 0)
    {
      add_text (self, context, _("No triggers: only the boundaries escalate."), 0, FONT_SIZE, FALSE, 6);
      return;
    }

  block = add_block (self, 8);
  block->shade = TRUE;
  block->rule = TRUE;
  {
    const char *heads[] = { N_("Trigger"), N_("Fires when"), N_("Applies to"), N_("Enabled") };
    for (guint i = 0; i < 4; i++)
      add_cell (block, make_layout (context, _(heads[i]), share[i] * width - 6, FONT_SIZE, TRUE), x[i]);
  }

  for (guint t = 0; t < self->spec->triggers->len; t++)
    {
      OnloopTrigger *trigger = g_ptr_array_index (self->spec->triggers, t);
      g_autofree char *id = g_markup_escape_text (trigger->id, -1);
      g_autofree char *fires = onloop_trigger_describe (trigger, self->currency);
      g_autofree char *fires_markup = g_markup_escape_text (fires, -1);
      g_autofree char *scope = trigger->decisions->len > 0 ? join_list (trigger->decisions)
                                                           : g_strdup (_("all decisions"));
      g_autofree char *scope_markup = g_markup_escape_text (scope, -1);
      g_autofree char *id_markup = g_strdup_printf ("<span font_family=\"monospace\">%s</span>", id);

      block = add_block (self, 3);
      block->rule = TRUE;
      add_cell (block, make_layout (context, id_markup, share[0] * width - 6, FONT_SIZE, FALSE), x[0]);
      add_cell (block, make_layout (context, fires_markup, share[1] * width - 6, FONT_SIZE, FALSE), x[1]);
      add_cell (block, make_layout (context, scope_markup, share[2] * width - 6, FONT_SIZE, FALSE), x[2]);
      add_cell (block, make_layout (context, trigger->enabled ? _("yes") : _("no"),
                                    share[3] * width - 6, FONT_SIZE, FALSE), x[3]);
    }
}

static char *
version_text (OnloopSpec *spec)
{
  if (spec->version == 0)
    return g_strdup (_("Draft (not published)"));
  return g_strdup_printf (_("Version %d"), spec->version);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                OnloopSpecPrint   *self)
{
  double page_height = gtk_print_context_get_height (context) - HEADER_HEIGHT - FOOTER_HEIGHT;
  g_autofree char *version = version_text (self->spec);
  g_autoptr(GString) intro = g_string_new (NULL);
  double y = 0;

  g_ptr_array_set_size (self->blocks, 0);
  g_array_set_size (self->page_start, 0);

  {
    g_autofree char *title = g_markup_escape_text (self->title, -1);
    g_autofree char *heading = g_strdup_printf ("%s\n<span size=\"large\">%s — %s</span>",
                                                _("System Boundary Spec"), title, version);
    add_text (self, context, heading, 0, FONT_SIZE + 8, TRUE, 0);
  }
  if (self->spec->published_at != NULL)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (self->spec->published_usec / G_USEC_PER_SEC);
      /* Translators: the publication time in the printed spec, see g_date_time_format() */
      g_autofree char *when = at != NULL ? g_date_time_format (at, _("%-d %B %Y, %H:%M UTC"))
                                         : g_strdup (self->spec->published_at);
      g_strstrip (when);
      g_string_append_printf (intro, "<b>%s</b> %s\n", _("Published:"), when);
    }
  if (self->spec->note != NULL)
    {
      g_autofree char *note = g_markup_escape_text (self->spec->note, -1);
      g_string_append_printf (intro, "<b>%s</b> %s\n", _("Note:"), note);
    }
  if (intro->len > 0)
    g_string_append_c (intro, '\n');
  g_string_append (intro, _("For each execution decision: what the AI may do on its own, the data it uses, and what it must not do. An event escalates to a person when it crosses a boundary or an enabled trigger fires."));
  add_text (self, context, intro->str, 0, FONT_SIZE, FALSE, 8);

  /* Execution decisions first (what the AI does), then judgment ones;
   * decisions not sorted yet only by name. */
  for (guint i = 0; i < self->spec->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (self->spec->decisions, i);
      if (decision->category == ONLOOP_CATEGORY_EXECUTION)
        add_decision (self, context, decision);
    }
  for (guint i = 0; i < self->spec->decisions->len; i++)
    {
      OnloopSpecDecision *decision = g_ptr_array_index (self->spec->decisions, i);
      if (decision->category == ONLOOP_CATEGORY_JUDGMENT)
        add_decision (self, context, decision);
    }
  {
    g_autoptr(GString) unsorted = g_string_new (NULL);

    for (guint i = 0; i < self->spec->decisions->len; i++)
      {
        OnloopSpecDecision *decision = g_ptr_array_index (self->spec->decisions, i);
        g_autofree char *title = NULL;

        if (decision->category != ONLOOP_CATEGORY_UNSORTED)
          continue;
        title = g_markup_escape_text (decision->title, -1);
        g_string_append_printf (unsorted, "%s%s", unsorted->len > 0 ? ", " : "", title);
      }
    if (unsorted->len > 0)
      {
        g_autofree char *text = g_strdup_printf ("<b>%s</b> %s", _("Not sorted on the map yet:"),
                                                 unsorted->str);
        add_text (self, context, text, 0, FONT_SIZE, FALSE, 14);
      }
  }
  add_trigger_table (self, context);

  /* Pages break between blocks; a decision heading does not stay alone at
   * the bottom of a page. */
  {
    guint first = 0;
    g_array_append_val (self->page_start, first);
  }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double need = block->space_before + block->height;

      if (i + 1 < self->blocks->len && block->height > 0 &&
          ((Block *) g_ptr_array_index (self->blocks, i + 1))->space_before < 3.5 &&
          block->space_before >= 14)
        need += ((Block *) g_ptr_array_index (self->blocks, i + 1))->height;

      if (y > 0 && y + need > page_height)
        {
          g_array_append_val (self->page_start, i);
          y = 0;
        }
      y += (y > 0 ? block->space_before : 0) + block->height;
    }

  self->n_pages = self->page_start->len;
  gtk_print_operation_set_n_pages (operation, self->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              OnloopSpecPrint   *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint first = g_array_index (self->page_start, guint, page_nr);
  guint end = page_nr + 1 < self->n_pages ? g_array_index (self->page_start, guint, page_nr + 1)
                                           : self->blocks->len;
  g_autofree char *version = version_text (self->spec);
  g_autofree char *header = NULL;
  g_autofree char *footer = g_strdup_printf (_("Page %d of %d"), page_nr + 1, self->n_pages);
  g_autoptr(PangoLayout) header_layout = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;
  double y = HEADER_HEIGHT;
  int w, h;

  {
    g_autofree char *title = g_markup_escape_text (self->title, -1);
    g_autofree char *note = g_markup_escape_text (self->spec->note != NULL ? self->spec->note : "", -1);
    header = g_strdup_printf ("%s · %s%s%s", title, version, *note != '\0' ? " · " : "", note);
  }
  header_layout = make_layout (context, header, width, FONT_SIZE - 2, FALSE);
  pango_layout_set_ellipsize (header_layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (header_layout, -1);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, header_layout);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, HEADER_HEIGHT - 8);
  cairo_line_to (cr, width, HEADER_HEIGHT - 8);
  cairo_stroke (cr);

  footer_layout = make_layout (context, footer, width, FONT_SIZE - 2, FALSE);
  pango_layout_set_alignment (footer_layout, PANGO_ALIGN_RIGHT);
  pango_layout_get_size (footer_layout, &w, &h);
  cairo_move_to (cr, 0, height - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (cr, footer_layout);

  for (guint i = first; i < end; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (i > first)
        y += block->space_before;

      if (block->shade)
        {
          cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
          cairo_rectangle (cr, 0, y - 2, width, block->height + 4);
          cairo_fill (cr);
        }

      cairo_set_source_rgb (cr, 0, 0, 0);
      for (guint c = 0; c < block->cells->len; c++)
        {
          cairo_move_to (cr, g_array_index (block->x, double, c), y);
          pango_cairo_show_layout (cr, g_ptr_array_index (block->cells, c));
        }

      y += block->height;
      if (block->rule)
        {
          cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, 0, y + 1.5);
          cairo_line_to (cr, width, y + 1.5);
          cairo_stroke (cr);
          y += 3;
        }
    }
}

static void
onloop_spec_print_finalize (GObject *object)
{
  OnloopSpecPrint *self = ONLOOP_SPEC_PRINT (object);

  g_clear_pointer (&self->spec, onloop_spec_unref);
  g_free (self->title);
  g_free (self->currency);
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->page_start);

  G_OBJECT_CLASS (onloop_spec_print_parent_class)->finalize (object);
}

static void
onloop_spec_print_class_init (OnloopSpecPrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = onloop_spec_print_finalize;
}

static void
onloop_spec_print_init (OnloopSpecPrint *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->page_start = g_array_new (FALSE, FALSE, sizeof (guint));
}

OnloopSpecPrint *
onloop_spec_print_new (OnloopSpec *spec,
                       const char *title,
                       const char *currency)
{
  OnloopSpecPrint *self = g_object_new (ONLOOP_TYPE_SPEC_PRINT, NULL);

  self->spec = onloop_spec_ref (spec);
  self->title = g_strdup (title);
  self->currency = g_strdup (currency != NULL ? currency : "USD");
  return self;
}

gboolean
onloop_spec_print_run (OnloopSpecPrint          *self,
                       GtkWindow                *parent,
                       GtkPrintOperationAction   action,
                       const char               *export_path,
                       GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *job = NULL;
  g_autofree char *version = version_text (self->spec);
  GtkPrintOperationResult result;

  job = g_strdup_printf ("%s — %s", self->title, version);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  result = gtk_print_operation_run (operation, action, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

int
onloop_spec_print_get_n_pages (OnloopSpecPrint *self)
{
  return self->n_pages;
}
