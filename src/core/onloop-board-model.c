/* onloop-board-model.c: the decision map as three observable columns
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "onloop-board-model.h"
#include "onloop-store-map.h"

struct _OnloopBoardModel
{
  GObject      parent_instance;

  OnloopStore *store;
  gulong       changed_handler;

  /* key → the one OnloopDecision kept for that card */
  GHashTable  *by_key;
  /* per column: every card in store order (borrowed from by_key) */
  GPtrArray   *all[ONLOOP_N_CATEGORIES];
  /* per column: what the list store holds, and the group header of each */
  GListStore  *columns[ONLOOP_N_CATEGORIES];
  GPtrArray   *shown[ONLOOP_N_CATEGORIES];
  GPtrArray   *headers[ONLOOP_N_CATEGORIES];

  char        *workflow_filter;
  gboolean     group_by_workflow;
};

G_DEFINE_FINAL_TYPE (OnloopBoardModel, onloop_board_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKFLOW_FILTER,
  PROP_GROUP_BY_WORKFLOW,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
store_changed_cb (OnloopStore      *store,
                  guint             change,
                  OnloopBoardModel *self)
{
  if (change & ONLOOP_STORE_CHANGE_MAP)
    onloop_board_model_reload (self);
}

static void
onloop_board_model_dispose (GObject *object)
{
  OnloopBoardModel *self = ONLOOP_BOARD_MODEL (object);

  g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
    {
      g_clear_object (&self->columns[c]);
      g_clear_pointer (&self->shown[c], g_ptr_array_unref);
      g_clear_pointer (&self->headers[c], g_ptr_array_unref);
      g_clear_pointer (&self->all[c], g_ptr_array_unref);
    }
  g_clear_pointer (&self->by_key, g_hash_table_unref);

  G_OBJECT_CLASS (onloop_board_model_parent_class)->dispose (object);
}

static void
onloop_board_model_finalize (GObject *object)
{
  OnloopBoardModel *self = ONLOOP_BOARD_MODEL (object);

  g_free (self->workflow_filter);

  G_OBJECT_CLASS (onloop_board_model_parent_class)->finalize (object);
}

static void
onloop_board_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OnloopBoardModel *self = ONLOOP_BOARD_MODEL (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW_FILTER:
      g_value_set_string (value, self->workflow_filter);
      break;
    case PROP_GROUP_BY_WORKFLOW:
      g_value_set_boolean (value, self->group_by_workflow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_board_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OnloopBoardModel *self = ONLOOP_BOARD_MODEL (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW_FILTER:
      onloop_board_model_set_workflow_filter (self, g_value_get_string (value));
      break;
    case PROP_GROUP_BY_WORKFLOW:
      onloop_board_model_set_group_by_workflow (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_board_model_class_init (OnloopBoardModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onloop_board_model_dispose;
  object_class->finalize = onloop_board_model_finalize;
  object_class->get_property = onloop_board_model_get_property;
  object_class->set_property = onloop_board_model_set_property;

  properties[PROP_WORKFLOW_FILTER] =
    g_param_spec_string ("workflow-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_BY_WORKFLOW] =
    g_param_spec_boolean ("group-by-workflow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnloopBoardModel::changed:
   *
   * Emitted after the columns have been brought up to date with the store,
   * so that counts and the execution share can be read again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
onloop_board_model_init (OnloopBoardModel *self)
{
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
    {
      self->all[c] = g_ptr_array_new ();
      self->columns[c] = g_list_store_new (ONLOOP_TYPE_DECISION);
      self->shown[c] = g_ptr_array_new ();
      self->headers[c] = g_ptr_array_new_with_free_func (g_free);
    }
}

OnloopBoardModel *
onloop_board_model_new (OnloopStore *store)
{
  OnloopBoardModel *self;

  g_return_val_if_fail (ONLOOP_IS_STORE (store), NULL);

  self = g_object_new (ONLOOP_TYPE_BOARD_MODEL, NULL);
  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  onloop_board_model_reload (self);

  return self;
}

OnloopStore *
onloop_board_model_get_store (OnloopBoardModel *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), NULL);

  return self->store;
}

/* Copies what the store says into the card kept for that key; the setters
 * notify only what really changed. */
static void
update_in_place (OnloopDecision *kept,
                 OnloopDecision *fresh)
{
  g_object_freeze_notify (G_OBJECT (kept));
  onloop_decision_set_title (kept, onloop_decision_get_title (fresh));
  onloop_decision_set_description (kept, onloop_decision_get_description (fresh));
  onloop_decision_set_workflow (kept, onloop_decision_get_workflow (fresh));
  onloop_decision_set_category (kept, onloop_decision_get_category (fresh));
  onloop_decision_set_position (kept, onloop_decision_get_position (fresh));
  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    onloop_decision_set_criterion (kept, i, onloop_decision_get_criterion (fresh, i));
  onloop_decision_set_frequency (kept, onloop_decision_get_frequency (fresh));
  onloop_decision_set_notes (kept, onloop_decision_get_notes (fresh));
  g_object_thaw_notify (G_OBJECT (kept));
}

static const char *
workflow_of (OnloopDecision *decision)
{
  const char *workflow = onloop_decision_get_workflow (decision);

  return workflow != NULL ? workflow : "";
}

static int
compare_by_workflow (gconstpointer a,
                     gconstpointer b)
{
  const char *wa = workflow_of (*(OnloopDecision **) a);
  const char *wb = workflow_of (*(OnloopDecision **) b);

  /* Cards without a workflow come last, under their own heading. */
  if (*wa == '\0' || *wb == '\0')
    return (*wa == '\0') - (*wb == '\0');

  return g_utf8_collate (wa, wb);
}

static void
rebuild_column (OnloopBoardModel *self,
                OnloopCategory    category)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *old_items = self->shown[category];
  GPtrArray *old_headers = self->headers[category];
  guint prefix = 0, suffix = 0;

  for (guint i = 0; i < self->all[category]->len; i++)
    {
      OnloopDecision *decision = g_ptr_array_index (self->all[category], i);

      if (self->workflow_filter == NULL ||
          g_strcmp0 (workflow_of (decision), self->workflow_filter) == 0)
        g_ptr_array_add (items, decision);
    }

  /* GLib's pointer array sort is stable: the column order stays within a group. */
  if (self->group_by_workflow)
    g_ptr_array_sort (items, compare_by_workflow);

  for (guint i = 0; i < items->len; i++)
    {
      const char *workflow = workflow_of (g_ptr_array_index (items, i));
      const char *previous = i > 0 ? workflow_of (g_ptr_array_index (items, i - 1)) : NULL;

      if (!self->group_by_workflow || g_strcmp0 (previous, workflow) == 0)
        g_ptr_array_add (headers, NULL);
      else
        g_ptr_array_add (headers, g_strdup (*workflow != '\0' ? workflow : _("No workflow")));
    }

#define SAME(i, j) (g_ptr_array_index (old_items, i) == g_ptr_array_index (items, j) && \
                    g_strcmp0 (g_ptr_array_index (old_headers, i), g_ptr_array_index (headers, j)) == 0)

  while (prefix < old_items->len && prefix < items->len && SAME (prefix, prefix))
    prefix++;
  while (suffix < old_items->len - prefix && suffix < items->len - prefix &&
         SAME (old_items->len - 1 - suffix, items->len - 1 - suffix))
    suffix++;

#undef SAME

  if (prefix == old_items->len && prefix == items->len)
    return;

  /* Swap the mirrors first: the list store's "items-changed" handlers may
   * ask for group headers. */
  g_ptr_array_unref (self->shown[category]);
  g_ptr_array_unref (self->headers[category]);
  self->shown[category] = g_ptr_array_ref (items);
  self->headers[category] = g_ptr_array_ref (headers);

  {
    guint removed = (guint) g_list_model_get_n_items (G_LIST_MODEL (self->columns[category]))
                    - prefix - suffix;
    guint added = items->len - prefix - suffix;

    g_list_store_splice (self->columns[category], prefix, removed,
                         items->pdata + prefix, added);
  }
}

static void
rebuild_shown (OnloopBoardModel *self)
{
  for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
    rebuild_column (self, c);
}

void
onloop_board_model_reload (OnloopBoardModel *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ONLOOP_IS_BOARD_MODEL (self));

  fresh = onloop_store_list_decisions (self->store, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not reload the board: %s", error->message);
      return;
    }

  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
    g_ptr_array_set_size (self->all[c], 0);

  for (guint i = 0; i < fresh->len; i++)
    {
      OnloopDecision *decision = g_ptr_array_index (fresh, i);
      const char *key = onloop_decision_get_key (decision);
      OnloopDecision *kept = g_hash_table_lookup (self->by_key, key);

      if (kept != NULL)
        update_in_place (kept, decision);
      else
        kept = decision;

      g_hash_table_insert (by_key, g_strdup (key), g_object_ref (kept));
      g_ptr_array_add (self->all[onloop_decision_get_category (kept)], kept);
    }

  /* The old table still holds the cards that left the map until the
   * columns have let go of them. */
  {
    GHashTable *old = g_steal_pointer (&self->by_key);

    self->by_key = g_steal_pointer (&by_key);
    rebuild_shown (self);
    g_hash_table_unref (old);
  }

  g_signal_emit (self, signals[CHANGED], 0);
}

GListModel *
onloop_board_model_get_column (OnloopBoardModel *self,
                               OnloopCategory    category)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), NULL);
  g_return_val_if_fail (category < ONLOOP_N_CATEGORIES, NULL);

  return G_LIST_MODEL (self->columns[category]);
}

guint
onloop_board_model_get_count (OnloopBoardModel *self,
                              OnloopCategory    category)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), 0);
  g_return_val_if_fail (category < ONLOOP_N_CATEGORIES, 0);

  return self->all[category]->len;
}

guint
onloop_board_model_get_total (OnloopBoardModel *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), 0);

  return g_hash_table_size (self->by_key);
}

double
onloop_board_model_get_execution_share (OnloopBoardModel *self)
{
  guint execution, judgment;

  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), NAN);

  execution = self->all[ONLOOP_CATEGORY_EXECUTION]->len;
  judgment = self->all[ONLOOP_CATEGORY_JUDGMENT]->len;
  if (execution + judgment == 0)
    return NAN;

  return (double) execution / (double) (execution + judgment);
}

OnloopDecision *
onloop_board_model_lookup (OnloopBoardModel *self,
                           const char       *key)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), NULL);

  return key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
}

gboolean
onloop_board_model_find (OnloopBoardModel *self,
                         const char       *key,
                         OnloopCategory   *category,
                         guint            *index)
{
  OnloopDecision *decision = onloop_board_model_lookup (self, key);
  OnloopCategory c;
  guint i;

  if (decision == NULL)
    return FALSE;

  c = onloop_decision_get_category (decision);
  if (!g_ptr_array_find (self->shown[c], decision, &i))
    return FALSE;

  if (category != NULL)
    *category = c;
  if (index != NULL)
    *index = i;

  return TRUE;
}

guint
onloop_board_model_get_drop_position (OnloopBoardModel *self,
                                      const char       *key,
                                      OnloopCategory    category,
                                      guint             index)
{
  GPtrArray *shown;
  OnloopDecision *moving;
  guint position;

  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), 0);
  g_return_val_if_fail (category < ONLOOP_N_CATEGORIES, 0);

  shown = self->shown[category];
  if (index < shown->len)
    position = onloop_decision_get_position (g_ptr_array_index (shown, index));
  else if (shown->len > 0)
    position = onloop_decision_get_position (g_ptr_array_index (shown, shown->len - 1)) + 1;
  else
    position = self->all[category]->len;

  /* A move counts positions without the card itself. */
  moving = onloop_board_model_lookup (self, key);
  if (moving != NULL && onloop_decision_get_category (moving) == category &&
      onloop_decision_get_position (moving) < position)
    position--;

  return position;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

GStrv
onloop_board_model_list_workflows (OnloopBoardModel *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), NULL);

  g_hash_table_iter_init (&iter, self->by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const char *workflow = workflow_of (value);

      if (*workflow != '\0' && g_hash_table_add (seen, (gpointer) workflow))
        g_ptr_array_add (names, g_strdup (workflow));
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

const char *
onloop_board_model_get_workflow_filter (OnloopBoardModel *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), NULL);

  return self->workflow_filter;
}

void
onloop_board_model_set_workflow_filter (OnloopBoardModel *self,
                                        const char       *workflow)
{
  g_return_if_fail (ONLOOP_IS_BOARD_MODEL (self));

  if (workflow != NULL && *workflow == '\0')
    workflow = NULL;

  if (g_strcmp0 (self->workflow_filter, workflow) == 0)
    return;

  g_free (self->workflow_filter);
  self->workflow_filter = g_strdup (workflow);
  rebuild_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW_FILTER]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
onloop_board_model_get_group_by_workflow (OnloopBoardModel *self)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), FALSE);

  return self->group_by_workflow;
}

void
onloop_board_model_set_group_by_workflow (OnloopBoardModel *self,
                                          gboolean          group)
{
  g_return_if_fail (ONLOOP_IS_BOARD_MODEL (self));

  group = !!group;
  if (self->group_by_workflow == group)
    return;

  self->group_by_workflow = group;
  /* Every card changes how it is shown (with or without its workflow line),
   * so every row is replaced, not only those that moved. */
  for (guint c = 0; c < ONLOOP_N_CATEGORIES; c++)
    {
      g_ptr_array_set_size (self->shown[c], 0);
      g_ptr_array_set_size (self->headers[c], 0);
    }
  rebuild_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_BY_WORKFLOW]);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
onloop_board_model_get_group_header (OnloopBoardModel *self,
                                     OnloopCategory    category,
                                     guint             index)
{
  g_return_val_if_fail (ONLOOP_IS_BOARD_MODEL (self), NULL);
  g_return_val_if_fail (category < ONLOOP_N_CATEGORIES, NULL);

  if (index >= self->headers[category]->len)
    return NULL;

  return g_ptr_array_index (self->headers[category], index);
}
