/* onloop-board-column.c: one column of the Decision Surface Map
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A one-column GtkGridView recycles the card widgets, so a column of a
 * thousand cards costs about what the dozen on screen cost. (A GtkListView
 * would do too, but GTK 4.8 keeps 200 rows of it alive whatever its height;
 * a grid view keeps about 30.) Drops become board.move-to-index
 * with the index of the card the dragged one goes before; the Map view
 * turns that into an undoable move.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-board-column.h"

/* Distance from the top or bottom edge, in pixels, where a drag scrolls. */
#define SCROLL_EDGE 48
#define SCROLL_MAX_STEP 18.0

struct _OnloopBoardColumn
{
  GtkWidget          parent_instance;

  GtkWidget         *header;
  GtkLabel          *title_label;
  GtkLabel          *count_label;
  GtkOverlay        *overlay;
  GtkScrolledWindow *scrolled;
  GtkGridView       *list_view;
  GtkWidget         *empty_label;
  GtkWidget         *drop_indicator;
  GtkWidget         *quick_entry;

  OnloopCategory     category;
  OnloopBoardModel  *model;
  gulong             changed_handler;

  double             indicator_y;
  double             scroll_step;
  guint              scroll_tick;
  guint              focus_tick;
  guint              pending_focus;
};

G_DEFINE_FINAL_TYPE (OnloopBoardColumn, onloop_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListItem *
row_get_item (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "onloop-list-item");
}

static OnloopCard *
row_get_card (GtkWidget *row)
{
  return ONLOOP_CARD (row);
}

/* The row (header + card) that @widget belongs to, if any. */
static GtkWidget *
find_row (OnloopBoardColumn *self,
          GtkWidget         *widget)
{
  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (self->list_view);
       w = gtk_widget_get_parent (w))
    {
      if (row_get_item (w) != NULL)
        return w;
      /* The list's own item widget, around our row. */
      if (gtk_widget_get_parent (w) == GTK_WIDGET (self->list_view))
        {
          GtkWidget *child = gtk_widget_get_first_child (w);
          return child != NULL && row_get_item (child) != NULL ? child : NULL;
        }
    }

  return NULL;
}

static GtkWidget *
find_row_at_position (OnloopBoardColumn *self,
                      guint              position)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *row = gtk_widget_get_first_child (w);
      GtkListItem *item;

      if (row == NULL || (item = row_get_item (row)) == NULL)
        continue;
      if (gtk_list_item_get_item (item) != NULL && gtk_list_item_get_position (item) == position)
        return row;
    }

  return NULL;
}

static guint
n_items (OnloopBoardColumn *self)
{
  if (self->model == NULL)
    return 0;

  return g_list_model_get_n_items (onloop_board_model_get_column (self->model, self->category));
}

static void
update_counts (OnloopBoardColumn *self)
{
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  guint total = 0, shown = n_items (self);

  if (self->model != NULL)
    total = onloop_board_model_get_count (self->model, self->category);

  if (shown == total)
    count = g_strdup_printf ("%u", total);
  else
    /* TRANSLATORS: cards shown by the workflow filter, of all in the column */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  gtk_label_set_text (self->count_label, count);

  /* TRANSLATORS: a column's accessible name, "Judgment column, 12 decisions" */
  label = g_strdup_printf (g_dngettext (NULL, "%s column, %u decision", "%s column, %u decisions",
                                        total),
                           onloop_category_get_label (self->category), total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (self->empty_label, shown == 0);
}

static void
model_changed_cb (OnloopBoardModel  *model,
                  OnloopBoardColumn *self)
{
  update_counts (self);
}

/* Rendering the card once gives a drag icon that looks like it and stays
 * put while the list recycles the widget under it. */
static GdkPaintable *
render_card (GtkWidget *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (card));
  int width = gtk_widget_get_width (card);
  int height = gtk_widget_get_height (card);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL || renderer == NULL)
    return NULL;

  return GDK_PAINTABLE (gsk_renderer_render_texture (renderer, node,
                                                     &GRAPHENE_RECT_INIT (0, 0, width, height)));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 OnloopCard    *card)
{
  OnloopDecision *decision = onloop_card_get_decision (card);

  if (decision == NULL)
    return NULL;

  g_object_set_data (G_OBJECT (source), "onloop-hot-x", GINT_TO_POINTER ((int) x));
  g_object_set_data (G_OBJECT (source), "onloop-hot-y", GINT_TO_POINTER ((int) y));

  return gdk_content_provider_new_typed (G_TYPE_STRING, onloop_decision_get_key (decision));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               OnloopCard    *card)
{
  g_autoptr(GdkPaintable) icon = render_card (onloop_card_get_frame (card));

  if (icon != NULL)
    gtk_drag_source_set_icon (source, icon,
                              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "onloop-hot-x")),
                              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "onloop-hot-y")));
  gtk_widget_add_css_class (GTK_WIDGET (card), "dragging");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             gpointer       user_data)
{
  /* The drop reshuffles the column, which may have let go of the card. */
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (card != NULL)
    gtk_widget_remove_css_class (card, "dragging");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          OnloopBoardColumn        *self)
{
  GtkWidget *card = onloop_card_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), card);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), card);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), NULL);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  /* The card is the row: the list's focus lands on it, and its keys work. */
  g_object_set_data (G_OBJECT (card), "onloop-list-item", item);
  gtk_list_item_set_child (item, card);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         OnloopBoardColumn        *self)
{
  OnloopCard *card = ONLOOP_CARD (gtk_list_item_get_child (item));
  const char *group = NULL;

  onloop_card_set_decision (card, gtk_list_item_get_item (item));
  if (self->model != NULL)
    group = onloop_board_model_get_group_header (self->model, self->category,
                                                 gtk_list_item_get_position (item));
  onloop_card_set_group_header (card, group);
  onloop_card_set_show_workflow (card, self->model == NULL ||
                                       !onloop_board_model_get_group_by_workflow (self->model));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           OnloopBoardColumn        *self)
{
  onloop_card_set_decision (ONLOOP_CARD (gtk_list_item_get_child (item)), NULL);
}

static void
list_activate_cb (GtkGridView       *list_view,
                  guint              position,
                  OnloopBoardColumn *self)
{
  g_autoptr(OnloopDecision) decision = NULL;

  if (self->model == NULL)
    return;

  decision = g_list_model_get_item (onloop_board_model_get_column (self->model, self->category),
                                    position);
  if (decision != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.edit", "s",
                                onloop_decision_get_key (decision));
}

static void
quick_entry_activate_cb (GtkEntry          *entry,
                         OnloopBoardColumn *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*title == '\0')
    return;

  /* The entry keeps the focus, ready for the next card. */
  if (gtk_widget_activate_action (GTK_WIDGET (self), "board.quick-add", "s", title))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

guint
onloop_board_column_get_drop_index (OnloopBoardColumn *self,
                                    double             x,
                                    double             y)
{
  graphene_point_t point;
  graphene_rect_t bounds;
  GtkWidget *picked;
  GtkWidget *row;
  guint position;

  g_return_val_if_fail (ONLOOP_IS_BOARD_COLUMN (self), 0);

  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->list_view),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return n_items (self);

  /* Over the column's heading: the top of the column. */
  if (point.y < 0)
    {
      self->indicator_y = 0;
      return 0;
    }

  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), point.x, point.y, GTK_PICK_DEFAULT);
  row = picked != NULL ? find_row (self, picked) : NULL;
  if (row == NULL || gtk_list_item_get_item (row_get_item (row)) == NULL ||
      !gtk_widget_compute_bounds (row, GTK_WIDGET (self->overlay), &bounds))
    {
      /* Below the last card, or an empty column: the end. */
      double bottom = 0;

      for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); w != NULL;
           w = gtk_widget_get_next_sibling (w))
        if (gtk_widget_get_mapped (w) && gtk_widget_compute_bounds (w, GTK_WIDGET (self->overlay),
                                                                    &bounds))
          bottom = MAX (bottom, bounds.origin.y + bounds.size.height);
      self->indicator_y = MIN (bottom, gtk_widget_get_height (GTK_WIDGET (self->overlay)) - 4);
      return n_items (self);
    }

  position = gtk_list_item_get_position (row_get_item (row));
  {
    graphene_point_t in_overlay = GRAPHENE_POINT_INIT (x, y);

    if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->overlay),
                                   &GRAPHENE_POINT_INIT (x, y), &in_overlay))
      in_overlay = GRAPHENE_POINT_INIT (x, y);
    if (in_overlay.y < bounds.origin.y + bounds.size.height / 2)
      {
        self->indicator_y = bounds.origin.y;
        return position;
      }
    self->indicator_y = bounds.origin.y + bounds.size.height;
    return position + 1;
  }
}

static gboolean
overlay_child_position_cb (GtkOverlay        *overlay,
                           GtkWidget         *widget,
                           GdkRectangle      *allocation,
                           OnloopBoardColumn *self)
{
  if (widget != self->drop_indicator)
    return FALSE;

  allocation->x = 10;
  allocation->width = MAX (0, gtk_widget_get_width (GTK_WIDGET (overlay)) - 20);
  allocation->height = 4;
  allocation->y = CLAMP ((int) self->indicator_y - 2, 0,
                         MAX (0, gtk_widget_get_height (GTK_WIDGET (overlay)) - 4));
  return TRUE;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  OnloopBoardColumn *self = ONLOOP_BOARD_COLUMN (widget);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);

  if (self->scroll_step == 0)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + self->scroll_step);
  return G_SOURCE_CONTINUE;
}

static void
stop_drag_feedback (OnloopBoardColumn *self)
{
  self->scroll_step = 0;
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  gtk_widget_set_visible (self->drop_indicator, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

static GdkDragAction
drop_motion_cb (GtkDropTarget     *target,
                double             x,
                double             y,
                OnloopBoardColumn *self)
{
  graphene_point_t point;
  double height;

  onloop_board_column_get_drop_index (self, x, y);
  gtk_widget_set_visible (self->drop_indicator, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");
  gtk_widget_queue_allocate (GTK_WIDGET (self->overlay));

  /* Near an edge of a long column, scroll towards it: faster closer in. */
  self->scroll_step = 0;
  if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->scrolled),
                                &GRAPHENE_POINT_INIT (x, y), &point))
    {
      height = gtk_widget_get_height (GTK_WIDGET (self->scrolled));
      if (point.y < SCROLL_EDGE)
        self->scroll_step = -SCROLL_MAX_STEP * (SCROLL_EDGE - MAX (point.y, 0)) / SCROLL_EDGE;
      else if (point.y > height - SCROLL_EDGE)
        self->scroll_step = SCROLL_MAX_STEP * (point.y - (height - SCROLL_EDGE)) / SCROLL_EDGE;
    }
  if (self->scroll_step != 0 && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget     *target,
               OnloopBoardColumn *self)
{
  stop_drag_feedback (self);
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         OnloopBoardColumn *self)
{
  const char *key = g_value_get_string (value);
  guint index = onloop_board_column_get_drop_index (self, x, y);

  stop_drag_feedback (self);
  if (key == NULL || self->model == NULL || onloop_board_model_lookup (self->model, key) == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "board.move-to-index", "(ssu)", key,
                                     onloop_category_to_string (self->category), index);
}

static void
onloop_board_column_dispose (GObject *object)
{
  OnloopBoardColumn *self = ONLOOP_BOARD_COLUMN (object);

  onloop_board_column_set_model (self, NULL);
  if (self->focus_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
      self->focus_tick = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_BOARD_COLUMN);
  /* Children without an id in the template are ours to unparent. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (onloop_board_column_parent_class)->dispose (object);
}

static void
onloop_board_column_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OnloopBoardColumn *self = ONLOOP_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_board_column_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  OnloopBoardColumn *self = ONLOOP_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      self->category = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_board_column_constructed (GObject *object)
{
  OnloopBoardColumn *self = ONLOOP_BOARD_COLUMN (object);
  const char *names[] = { "unsorted", "execution", "judgment" };

  G_OBJECT_CLASS (onloop_board_column_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, onloop_category_get_label (self->category));
  gtk_widget_add_css_class (GTK_WIDGET (self), names[self->category]);
  gtk_widget_set_visible (self->quick_entry, self->category == ONLOOP_CATEGORY_UNSORTED);
  update_counts (self);
}

static void
onloop_board_column_class_init (OnloopBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = onloop_board_column_constructed;
  object_class->dispose = onloop_board_column_dispose;
  object_class->get_property = onloop_board_column_get_property;
  object_class->set_property = onloop_board_column_set_property;

  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, ONLOOP_TYPE_CATEGORY, ONLOOP_CATEGORY_UNSORTED,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, header);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, overlay);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, scrolled);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, empty_label);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, drop_indicator);
  gtk_widget_class_bind_template_child (widget_class, OnloopBoardColumn, quick_entry);
  gtk_widget_class_bind_template_callback (widget_class, overlay_child_position_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, quick_entry_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
onloop_board_column_init (OnloopBoardColumn *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
onloop_board_column_new (OnloopCategory category)
{
  return g_object_new (ONLOOP_TYPE_BOARD_COLUMN, "category", category, NULL);
}

OnloopCategory
onloop_board_column_get_category (OnloopBoardColumn *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_COLUMN (self), ONLOOP_CATEGORY_UNSORTED);

  return self->category;
}

void
onloop_board_column_set_model (OnloopBoardColumn *self,
                               OnloopBoardModel  *model)
{
  g_return_if_fail (ONLOOP_IS_BOARD_COLUMN (self));

  if (self->model == model)
    return;

  g_clear_signal_handler (&self->changed_handler, self->model);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_autoptr(GtkNoSelection) selection = NULL;

      selection = gtk_no_selection_new (g_object_ref (onloop_board_model_get_column (model,
                                                                                     self->category)));
      gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
      self->changed_handler = g_signal_connect (model, "changed",
                                                G_CALLBACK (model_changed_cb), self);
    }
  else if (self->list_view != NULL)
    gtk_grid_view_set_model (self->list_view, NULL);

  if (self->count_label != NULL)
    update_counts (self);
}

void
onloop_board_column_scroll_to (OnloopBoardColumn *self,
                               guint              index)
{
  guint n = n_items (self);

  g_return_if_fail (ONLOOP_IS_BOARD_COLUMN (self));

  if (n == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              MIN (index, n - 1));
}

static gboolean
try_focus (OnloopBoardColumn *self,
           guint              index)
{
  GtkWidget *row = find_row_at_position (self, index);

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row_get_card (row)));
}

/* The list makes the row of a far card only at its next layout. */
static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  OnloopBoardColumn *self = ONLOOP_BOARD_COLUMN (widget);

  try_focus (self, self->pending_focus);
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

gboolean
onloop_board_column_focus_index (OnloopBoardColumn *self,
                                 guint              index)
{
  guint n = n_items (self);

  g_return_val_if_fail (ONLOOP_IS_BOARD_COLUMN (self), FALSE);

  if (n == 0)
    {
      if (gtk_widget_get_visible (self->quick_entry))
        return gtk_widget_grab_focus (self->quick_entry);
      return FALSE;
    }

  index = MIN (index, n - 1);
  onloop_board_column_scroll_to (self, index);
  if (try_focus (self, index))
    return TRUE;

  self->pending_focus = index;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
  return TRUE;
}

OnloopCard *
onloop_board_column_find_card (OnloopBoardColumn *self,
                               const char        *key)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_COLUMN (self), NULL);

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *row = gtk_widget_get_first_child (w);
      OnloopCard *card;
      OnloopDecision *decision;

      if (row == NULL || (card = row_get_card (row)) == NULL)
        continue;
      decision = onloop_card_get_decision (card);
      if (decision != NULL && g_strcmp0 (onloop_decision_get_key (decision), key) == 0)
        return card;
    }

  return NULL;
}

GtkWidget *
onloop_board_column_get_quick_entry (OnloopBoardColumn *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_COLUMN (self), NULL);

  return self->quick_entry;
}

GtkWidget *
onloop_board_column_get_list_view (OnloopBoardColumn *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_COLUMN (self), NULL);

  return GTK_WIDGET (self->list_view);
}
