/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-filter"

#include "config.h"

#include "qg-filter.h"

struct _QgFilter
{
  GObject     parent_instance;

  GHashTable *hidden_kinds;
  gboolean    hidden_stances[3];
  gboolean    hidden_drafts;
};

G_DEFINE_FINAL_TYPE (QgFilter, qg_filter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

QgFilter *
qg_filter_new (void)
{
  return g_object_new (QG_TYPE_FILTER, NULL);
}

gboolean
qg_filter_get_kind_hidden (QgFilter   *self,
                           const char *kind)
{
  g_return_val_if_fail (QG_IS_FILTER (self), FALSE);
  return g_hash_table_contains (self->hidden_kinds, kind);
}

void
qg_filter_set_kind_hidden (QgFilter   *self,
                           const char *kind,
                           gboolean    hidden)
{
  g_return_if_fail (QG_IS_FILTER (self));
  g_return_if_fail (kind != NULL);

  if (hidden == qg_filter_get_kind_hidden (self, kind))
    return;
  if (hidden)
    g_hash_table_add (self->hidden_kinds, g_strdup (kind));
  else
    g_hash_table_remove (self->hidden_kinds, kind);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
qg_filter_get_stance_hidden (QgFilter *self,
                             QgStance  stance)
{
  g_return_val_if_fail (QG_IS_FILTER (self), FALSE);
  g_return_val_if_fail (stance < 3, FALSE);
  return self->hidden_stances[stance];
}

void
qg_filter_set_stance_hidden (QgFilter *self,
                             QgStance  stance,
                             gboolean  hidden)
{
  g_return_if_fail (QG_IS_FILTER (self));
  g_return_if_fail (stance < 3);

  if (self->hidden_stances[stance] == !!hidden)
    return;
  self->hidden_stances[stance] = !!hidden;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
qg_filter_get_drafts_hidden (QgFilter *self)
{
  g_return_val_if_fail (QG_IS_FILTER (self), FALSE);
  return self->hidden_drafts;
}

void
qg_filter_set_drafts_hidden (QgFilter *self,
                             gboolean  hidden)
{
  g_return_if_fail (QG_IS_FILTER (self));

  if (self->hidden_drafts == !!hidden)
    return;
  self->hidden_drafts = !!hidden;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
qg_filter_reset (QgFilter *self)
{
  g_return_if_fail (QG_IS_FILTER (self));

  if (g_hash_table_size (self->hidden_kinds) == 0 && !self->hidden_stances[0]
      && !self->hidden_stances[1] && !self->hidden_stances[2] && !self->hidden_drafts)
    return;
  g_hash_table_remove_all (self->hidden_kinds);
  self->hidden_stances[0] = self->hidden_stances[1] = self->hidden_stances[2] = FALSE;
  self->hidden_drafts = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
qg_filter_apply (QgFilter   *self,
                 QgDocument *document,
                 guint8    **entities_out,
                 guint8    **relations_out)
{
  guint n_entities = qg_document_get_n_entities (document);
  guint n_relations = qg_document_get_n_relations (document);
  guint8 *entities = g_new0 (guint8, MAX (n_entities, 1));
  guint8 *relations = g_new0 (guint8, MAX (n_relations, 1));
  gboolean any = FALSE;

  g_return_val_if_fail (QG_IS_FILTER (self), FALSE);

  for (guint e = 0; e < n_entities; e++)
    {
      const QgEntity *entity = qg_document_get_entity (document, e);

      entities[e] = qg_filter_get_kind_hidden (self, entity->kind)
                    || (self->hidden_drafts && entity->draft);
      any |= entities[e];
    }
  for (guint r = 0; r < n_relations; r++)
    {
      const QgRelation *relation = qg_document_get_relation (document, r);

      relations[r] = self->hidden_stances[relation->stance] || entities[relation->source]
                     || entities[relation->target] || (self->hidden_drafts && relation->draft);
      any |= relations[r];
    }
  *entities_out = entities;
  *relations_out = relations;
  return any;
}

static void
qg_filter_finalize (GObject *object)
{
  QgFilter *self = QG_FILTER (object);

  g_hash_table_unref (self->hidden_kinds);

  G_OBJECT_CLASS (qg_filter_parent_class)->finalize (object);
}

static void
qg_filter_class_init (QgFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qg_filter_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qg_filter_init (QgFilter *self)
{
  self->hidden_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
