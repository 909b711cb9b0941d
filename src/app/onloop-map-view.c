/* onloop-map-view.c: the Map view of a workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hands every view the open workspace and its undo stack through
 * the "store" and "undo-stack" properties (NULL when none is open).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-map-view.h"

struct _OnloopMapView
{
  AdwBin           parent_instance;

  OnloopStore     *store;
  OnloopUndoStack *undo_stack;
};

G_DEFINE_FINAL_TYPE (OnloopMapView, onloop_map_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNDO_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onloop_map_view_dispose (GObject *object)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->undo_stack);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONLOOP_TYPE_MAP_VIEW);

  G_OBJECT_CLASS (onloop_map_view_parent_class)->dispose (object);
}

static void
onloop_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OnloopMapView *self = ONLOOP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      onloop_map_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_UNDO_STACK:
      onloop_map_view_set_undo_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_map_view_class_init (OnloopMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onloop_map_view_dispose;
  object_class->get_property = onloop_map_view_get_property;
  object_class->set_property = onloop_map_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ONLOOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, ONLOOP_TYPE_UNDO_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/onloop/Onloop/onloop-map-view.ui");
}

static void
onloop_map_view_init (OnloopMapView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OnloopStore *
onloop_map_view_get_store (OnloopMapView *self)
{
  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), NULL);

  return self->store;
}

void
onloop_map_view_set_store (OnloopMapView *self,
                          OnloopStore  *store)
{
  g_return_if_fail (ONLOOP_IS_MAP_VIEW (self));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

OnloopUndoStack *
onloop_map_view_get_undo_stack (OnloopMapView *self)
{
  g_return_val_if_fail (ONLOOP_IS_MAP_VIEW (self), NULL);

  return self->undo_stack;
}

void
onloop_map_view_set_undo_stack (OnloopMapView    *self,
                               OnloopUndoStack *undo_stack)
{
  g_return_if_fail (ONLOOP_IS_MAP_VIEW (self));

  if (g_set_object (&self->undo_stack, undo_stack))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
}
