/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-edit-private.h"

G_DEFINE_BOXED_TYPE (QgEdit, qg_edit, qg_edit_ref, qg_edit_unref)

/* Translators: the names of edits, as the menu shows them after "Undo"
 * and "Redo" ("Undo Add Quote"). */
static const char * const labels[] = {
  [QG_EDIT_ADD_QUOTE] = N_("Add Quote"),
  [QG_EDIT_ADD_ENTITY] = N_("Add Entity"),
  [QG_EDIT_ADD_RELATION] = N_("Add Relation"),
  [QG_EDIT_CHANGE_ENTITY] = N_("Edit Entity"),
  [QG_EDIT_CHANGE_QUOTE] = N_("Edit Quote"),
  [QG_EDIT_CHANGE_RELATION] = N_("Edit Relation"),
  [QG_EDIT_DELETE_ENTITY] = N_("Delete Entity"),
  [QG_EDIT_DELETE_QUOTE] = N_("Delete Quote"),
  [QG_EDIT_DELETE_RELATION] = N_("Delete Relation"),
  [QG_EDIT_MERGE_ENTITIES] = N_("Merge Entities"),
  [QG_EDIT_ACCEPT_DRAFTS] = N_("Accept Draft"),
  [QG_EDIT_REJECT_DRAFTS] = N_("Reject Draft"),
  [QG_EDIT_ADD_DRAFT] = N_("Draft Again"),
};

/* The fields each kind of edit has. */
#define ENTITY_FIELDS (QG_EDIT_NAME | QG_EDIT_KIND | QG_EDIT_ALIASES | QG_EDIT_DESCRIPTION)
#define QUOTE_FIELDS (QG_EDIT_SPAN | QG_EDIT_SPEAKER | QG_EDIT_NOTE)
#define RELATION_FIELDS (QG_EDIT_SOURCE | QG_EDIT_TARGET | QG_EDIT_LABEL | QG_EDIT_STANCE \
                         | QG_EDIT_EVIDENCE)

static guint
fields_of (QgEditKind kind)
{
  switch (kind)
    {
    case QG_EDIT_ADD_ENTITY:
    case QG_EDIT_CHANGE_ENTITY:
      return ENTITY_FIELDS;
    case QG_EDIT_ADD_QUOTE:
    case QG_EDIT_CHANGE_QUOTE:
      return QUOTE_FIELDS;
    case QG_EDIT_ADD_RELATION:
    case QG_EDIT_CHANGE_RELATION:
      return RELATION_FIELDS;
    case QG_EDIT_DELETE_ENTITY:
    case QG_EDIT_DELETE_QUOTE:
    case QG_EDIT_DELETE_RELATION:
    case QG_EDIT_MERGE_ENTITIES:
    case QG_EDIT_ACCEPT_DRAFTS:
    case QG_EDIT_REJECT_DRAFTS:
    case QG_EDIT_ADD_DRAFT:
    default:
      return 0;
    }
}

static QgEdit *
edit_new (QgEditKind  kind,
          const char *id)
{
  QgEdit *self = g_new0 (QgEdit, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->id = g_strdup (id);
  return self;
}

QgEdit *
qg_edit_new_add_quote (gsize start,
                       gsize end)
{
  QgEdit *self = edit_new (QG_EDIT_ADD_QUOTE, NULL);

  qg_edit_set_span (self, start, end);
  return self;
}

QgEdit *
qg_edit_new_add_entity (const char *name,
                        const char *kind)
{
  QgEdit *self = edit_new (QG_EDIT_ADD_ENTITY, NULL);

  qg_edit_set_name (self, name);
  qg_edit_set_kind (self, kind);
  return self;
}

QgEdit *
qg_edit_new_add_relation (const char         *source,
                          const char         *target,
                          const char         *label,
                          const char * const *evidence)
{
  QgEdit *self = edit_new (QG_EDIT_ADD_RELATION, NULL);

  qg_edit_set_source (self, source);
  qg_edit_set_target (self, target);
  qg_edit_set_label (self, label);
  qg_edit_set_evidence (self, evidence);
  return self;
}

QgEdit *
qg_edit_new_change_entity (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (QG_EDIT_CHANGE_ENTITY, id);
}

QgEdit *
qg_edit_new_change_quote (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (QG_EDIT_CHANGE_QUOTE, id);
}

QgEdit *
qg_edit_new_change_relation (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (QG_EDIT_CHANGE_RELATION, id);
}

QgEdit *
qg_edit_new_delete_entity (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (QG_EDIT_DELETE_ENTITY, id);
}

QgEdit *
qg_edit_new_delete_quote (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (QG_EDIT_DELETE_QUOTE, id);
}

QgEdit *
qg_edit_new_delete_relation (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (QG_EDIT_DELETE_RELATION, id);
}

QgEdit *
qg_edit_new_merge_entities (const char *keep,
                            const char *other)
{
  QgEdit *self;

  g_return_val_if_fail (keep != NULL, NULL);
  g_return_val_if_fail (other != NULL, NULL);

  self = edit_new (QG_EDIT_MERGE_ENTITIES, keep);
  self->other = g_strdup (other);
  return self;
}

static QgEdit *
edit_new_for_ids (QgEditKind          kind,
                  const char * const *ids)
{
  QgEdit *self;

  g_return_val_if_fail (ids != NULL && ids[0] != NULL, NULL);

  self = edit_new (kind, ids[0]);
  self->ids = g_strdupv ((char **) ids);
  return self;
}

QgEdit *
qg_edit_new_accept_drafts (const char * const *ids)
{
  return edit_new_for_ids (QG_EDIT_ACCEPT_DRAFTS, ids);
}

QgEdit *
qg_edit_new_reject_drafts (const char * const *ids)
{
  return edit_new_for_ids (QG_EDIT_REJECT_DRAFTS, ids);
}

QgEdit *
qg_edit_new_add_draft (QgDocument *draft)
{
  QgEdit *self;

  g_return_val_if_fail (QG_IS_DOCUMENT (draft), NULL);

  self = edit_new (QG_EDIT_ADD_DRAFT, NULL);
  self->draft = g_object_ref (draft);
  return self;
}

const char * const *
qg_edit_get_ids (const QgEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->ids;
}

QgEdit *
qg_edit_ref (QgEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
qg_edit_unref (QgEdit *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->id);
  g_free (self->other);
  g_free (self->name);
  g_free (self->entity_kind);
  g_strfreev (self->aliases);
  g_free (self->description);
  g_free (self->speaker);
  g_free (self->note);
  g_free (self->source);
  g_free (self->target);
  g_free (self->label);
  g_strfreev (self->evidence);
  g_strfreev (self->ids);
  g_clear_object (&self->draft);
  g_free (self);
}

QgEditKind
qg_edit_get_kind (const QgEdit *self)
{
  g_return_val_if_fail (self != NULL, QG_EDIT_ADD_QUOTE);
  return self->kind;
}

const char *
qg_edit_get_label (const QgEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  /* Accept All and Reject All are one edit each, undone at once. */
  if (self->kind == QG_EDIT_ACCEPT_DRAFTS && self->ids[1] != NULL)
    return _("Accept Drafts");
  if (self->kind == QG_EDIT_REJECT_DRAFTS && self->ids[1] != NULL)
    return _("Reject Drafts");
  return _(labels[self->kind]);
}

const char *
qg_edit_get_id (const QgEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/* Marks @field as set, if this kind of edit has it. */
static gboolean
set_field (QgEdit      *self,
           QgEditField  field)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((fields_of (self->kind) & field) != 0, FALSE);

  self->fields |= field;
  return TRUE;
}

static void
set_string (QgEdit       *self,
            QgEditField   field,
            char        **slot,
            const char   *value)
{
  if (set_field (self, field))
    {
      g_free (*slot);
      *slot = g_strdup (value);
    }
}

static void
set_strv (QgEdit              *self,
          QgEditField          field,
          char              ***slot,
          const char * const  *value)
{
  if (set_field (self, field))
    {
      g_strfreev (*slot);
      *slot = value != NULL ? g_strdupv ((char **) value) : g_new0 (char *, 1);
    }
}

void
qg_edit_set_name (QgEdit     *self,
                  const char *name)
{
  set_string (self, QG_EDIT_NAME, &self->name, name);
}

void
qg_edit_set_kind (QgEdit     *self,
                  const char *kind)
{
  set_string (self, QG_EDIT_KIND, &self->entity_kind, kind);
}

void
qg_edit_set_aliases (QgEdit             *self,
                     const char * const *aliases)
{
  set_strv (self, QG_EDIT_ALIASES, &self->aliases, aliases);
}

void
qg_edit_set_description (QgEdit     *self,
                         const char *description)
{
  set_string (self, QG_EDIT_DESCRIPTION, &self->description, description);
}

void
qg_edit_set_span (QgEdit *self,
                  gsize   start,
                  gsize   end)
{
  if (set_field (self, QG_EDIT_SPAN))
    {
      self->start = start;
      self->end = end;
    }
}

void
qg_edit_set_speaker (QgEdit     *self,
                     const char *speaker)
{
  set_string (self, QG_EDIT_SPEAKER, &self->speaker, speaker);
}

void
qg_edit_set_note (QgEdit     *self,
                  const char *note)
{
  set_string (self, QG_EDIT_NOTE, &self->note, note);
}

void
qg_edit_set_source (QgEdit     *self,
                    const char *source)
{
  set_string (self, QG_EDIT_SOURCE, &self->source, source);
}

void
qg_edit_set_target (QgEdit     *self,
                    const char *target)
{
  set_string (self, QG_EDIT_TARGET, &self->target, target);
}

void
qg_edit_set_label (QgEdit     *self,
                   const char *label)
{
  set_string (self, QG_EDIT_LABEL, &self->label, label);
}

void
qg_edit_set_stance (QgEdit   *self,
                    QgStance  stance)
{
  if (set_field (self, QG_EDIT_STANCE))
    self->stance = stance;
}

void
qg_edit_set_evidence (QgEdit             *self,
                      const char * const *evidence)
{
  set_strv (self, QG_EDIT_EVIDENCE, &self->evidence, evidence);
}

void
qg_edit_effects_clear (QgEditEffects *effects)
{
  g_clear_pointer (&effects->deleted_relations, g_array_unref);
  g_clear_pointer (&effects->weakened_relations, g_array_unref);
  g_clear_pointer (&effects->unspoken_quotes, g_array_unref);
  g_clear_pointer (&effects->looped_relations, g_array_unref);
}
