/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-history"

#include "config.h"

#include "qg-document-private.h"
#include "qg-history.h"
#include "qg-json-tree.h"

/* A version that is not the current one keeps only its JSON tree, which
 * shares all an edit did not change with the others: a model costs some
 * 600 KB for 1,000 entities, which each version would keep for as long as
 * the document is open. Undo and redo read the tree again, as an edit
 * does. */
typedef struct
{
  JsonNode   *root;
  QgDocument *document;  /* the current version's, or one that is not of @base */
  char       *label;     /* of the edit that made it; NULL for the first */
} Version;

struct _QgHistory
{
  GObject     parent_instance;

  QgDocument *base;      /* the first version, whose article the others share */
  GArray     *versions;  /* of Version */
  guint       current;
  gint        saved;     /* the version saved, or -1 if none is */
};

G_DEFINE_FINAL_TYPE (QgHistory, qg_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the properties were, to notify those that change. */
typedef struct
{
  QgDocument *document;
  gboolean    can_undo;
  gboolean    can_redo;
  char       *undo_label;
  char       *redo_label;
  gboolean    modified;
} State;

static void
state_clear (State *state)
{
  g_clear_object (&state->document);
  g_free (state->undo_label);
  g_free (state->redo_label);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (State, state_clear)

static void
version_clear (Version *version)
{
  g_clear_pointer (&version->root, qg_json_tree_unref_soon);
  g_clear_object (&version->document);
  g_clear_pointer (&version->label, g_free);
}

static Version *
version_at (QgHistory *self,
            guint      i)
{
  return &g_array_index (self->versions, Version, i);
}

static State
get_state (QgHistory *self)
{
  return (State) {
    .document = g_object_ref (qg_history_get_document (self)),
    .can_undo = qg_history_get_can_undo (self),
    .can_redo = qg_history_get_can_redo (self),
    .undo_label = g_strdup (qg_history_get_undo_label (self)),
    .redo_label = g_strdup (qg_history_get_redo_label (self)),
    .modified = qg_history_get_modified (self),
  };
}

static void
notify_changes (QgHistory   *self,
                const State *before)
{
  g_auto(State) after = get_state (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (after.document != before->document)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (after.can_undo != before->can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (after.can_redo != before->can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (g_strcmp0 (after.undo_label, before->undo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (after.redo_label, before->redo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  if (after.modified != before->modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The current version stops being current: it keeps its tree only, if the
 * model can be read again from it. */
static void
leave (QgHistory *self)
{
  Version *version = version_at (self, self->current);

  if (qg_document_shares_article (self->base, version->root))
    g_clear_object (&version->document);
}

/* Version @i becomes the current one, its model read again if need be. */
static gboolean
enter (QgHistory *self,
       guint      i)
{
  QgDocument *current = qg_history_get_document (self);
  Version *version = version_at (self, i);
  g_autoptr(GError) error = NULL;
  QgDocument *like;

  if (version->document == NULL)
    {
      like = qg_document_shares_article (current, version->root) ? current : self->base;
      if (version->root == self->base->root)
        version->document = g_object_ref (self->base);
      else
        version->document = qg_document_new_version (like, version->root, &error);
      /* It was read once: only a bug makes it fail now. */
      if (version->document == NULL)
        {
          g_critical ("A version of the document could not be read again: %s", error->message);
          return FALSE;
        }
    }
  leave (self);
  self->current = i;
  return TRUE;
}

static Version
version_new (QgDocument *document,
             const char *label)
{
  return (Version) {
    .root = json_node_ref (document->root),
    .document = g_object_ref (document),
    .label = g_strdup (label),
  };
}

QgHistory *
qg_history_new (QgDocument *document)
{
  QgHistory *self;
  Version first;

  g_return_val_if_fail (QG_IS_DOCUMENT (document), NULL);

  self = g_object_new (QG_TYPE_HISTORY, NULL);
  self->base = g_object_ref (document);
  first = version_new (document, NULL);
  g_array_append_val (self->versions, first);
  self->saved = qg_document_get_file (document) != NULL ? 0 : -1;
  return self;
}

QgDocument *
qg_history_get_document (QgHistory *self)
{
  g_return_val_if_fail (QG_IS_HISTORY (self), NULL);
  return version_at (self, self->current)->document;
}

void
qg_history_push (QgHistory  *self,
                 QgDocument *document,
                 const char *label)
{
  g_auto(State) before = { 0 };
  Version version;

  g_return_if_fail (QG_IS_HISTORY (self));
  g_return_if_fail (QG_IS_DOCUMENT (document));
  g_return_if_fail (label != NULL);

  before = get_state (self);
  leave (self);
  g_array_set_size (self->versions, self->current + 1);
  /* The saved version was among those dropped: no version is saved now. */
  if (self->saved > (gint) self->current)
    self->saved = -1;
  version = version_new (document, label);
  g_array_append_val (self->versions, version);
  self->current++;
  notify_changes (self, &before);
}

QgDocument *
qg_history_apply (QgHistory     *self,
                  const QgEdit  *edit,
                  char         **new_id,
                  GError       **error)
{
  g_autoptr(QgDocument) edited = NULL;

  g_return_val_if_fail (QG_IS_HISTORY (self), NULL);
  g_return_val_if_fail (edit != NULL, NULL);

  edited = qg_document_apply (qg_history_get_document (self), edit, new_id, error);
  if (edited == NULL)
    return NULL;
  qg_history_push (self, edited, qg_edit_get_label (edit));
  return edited;
}

/* Makes version @i the current one, and says what changed. */
static QgDocument *
go_to (QgHistory *self,
       guint      i)
{
  g_auto(State) before = get_state (self);

  if (!enter (self, i))
    return NULL;
  notify_changes (self, &before);
  return qg_history_get_document (self);
}

QgDocument *
qg_history_undo (QgHistory *self)
{
  g_return_val_if_fail (QG_IS_HISTORY (self), NULL);

  return qg_history_get_can_undo (self) ? go_to (self, self->current - 1) : NULL;
}

QgDocument *
qg_history_redo (QgHistory *self)
{
  g_return_val_if_fail (QG_IS_HISTORY (self), NULL);

  return qg_history_get_can_redo (self) ? go_to (self, self->current + 1) : NULL;
}

gboolean
qg_history_get_can_undo (QgHistory *self)
{
  g_return_val_if_fail (QG_IS_HISTORY (self), FALSE);
  return self->current > 0;
}

gboolean
qg_history_get_can_redo (QgHistory *self)
{
  g_return_val_if_fail (QG_IS_HISTORY (self), FALSE);
  return self->current + 1 < self->versions->len;
}

const char *
qg_history_get_undo_label (QgHistory *self)
{
  g_return_val_if_fail (QG_IS_HISTORY (self), NULL);
  return version_at (self, self->current)->label;
}

const char *
qg_history_get_redo_label (QgHistory *self)
{
  g_return_val_if_fail (QG_IS_HISTORY (self), NULL);
  if (!qg_history_get_can_redo (self))
    return NULL;
  return version_at (self, self->current + 1)->label;
}

gboolean
qg_history_get_modified (QgHistory *self)
{
  g_return_val_if_fail (QG_IS_HISTORY (self), FALSE);
  return self->saved != (gint) self->current;
}

void
qg_history_set_saved (QgHistory  *self,
                      QgDocument *document)
{
  g_auto(State) before = { 0 };

  g_return_if_fail (QG_IS_HISTORY (self));
  g_return_if_fail (document == NULL || QG_IS_DOCUMENT (document));

  before = get_state (self);
  /* A version is known by its tree: its document may have been made
   * again since. */
  self->saved = -1;
  for (guint i = 0; i < self->versions->len; i++)
    if (document == NULL ? i == self->current : version_at (self, i)->root == document->root)
      self->saved = i;
  notify_changes (self, &before);
}

static void
qg_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  QgHistory *self = QG_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, qg_history_get_document (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, qg_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, qg_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, qg_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, qg_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, qg_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_history_dispose (GObject *object)
{
  QgHistory *self = QG_HISTORY (object);

  g_clear_pointer (&self->versions, g_array_unref);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (qg_history_parent_class)->dispose (object);
}

static void
qg_history_class_init (QgHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = qg_history_get_property;
  object_class->dispose = qg_history_dispose;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, QG_TYPE_DOCUMENT, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qg_history_init (QgHistory *self)
{
  self->versions = g_array_new (FALSE, TRUE, sizeof (Version));
  g_array_set_clear_func (self->versions, (GDestroyNotify) version_clear);
}
