/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qg-document.h"

G_BEGIN_DECLS

/* One edit of a document, made by qg_document_apply() into a new
 * document: the document itself never changes. An edit is built by its
 * constructor and setters, then applied (to any number of documents).
 *
 * For an "add", a field not set is absent; for a "change", a field not
 * set keeps its value. An optional string set to NULL, or to one of only
 * white space, removes the member. docs/format-notes.md, "Editing", says
 * what each edit takes with it and how ids are made. */
typedef enum
{
  QG_EDIT_ADD_QUOTE,
  QG_EDIT_ADD_ENTITY,
  QG_EDIT_ADD_RELATION,
  QG_EDIT_CHANGE_ENTITY,
  QG_EDIT_CHANGE_QUOTE,
  QG_EDIT_CHANGE_RELATION,
  QG_EDIT_DELETE_ENTITY,
  QG_EDIT_DELETE_QUOTE,
  QG_EDIT_DELETE_RELATION,
  QG_EDIT_MERGE_ENTITIES,
  QG_EDIT_ACCEPT_DRAFTS,
  QG_EDIT_REJECT_DRAFTS,
  QG_EDIT_ADD_DRAFT,
} QgEditKind;

#define QG_TYPE_EDIT (qg_edit_get_type ())

GType       qg_edit_get_type            (void) G_GNUC_CONST;

/* The bytes [start, end) of the article text: the quote is that span,
 * less any white space at its ends. */
QgEdit     *qg_edit_new_add_quote       (gsize               start,
                                         gsize               end);
QgEdit     *qg_edit_new_add_entity      (const char         *name,
                                         const char         *kind);
/* @evidence: quote ids, NULL-terminated; at least one. */
QgEdit     *qg_edit_new_add_relation    (const char         *source,
                                         const char         *target,
                                         const char         *label,
                                         const char * const *evidence);
QgEdit     *qg_edit_new_change_entity   (const char         *id);
QgEdit     *qg_edit_new_change_quote    (const char         *id);
QgEdit     *qg_edit_new_change_relation (const char         *id);
QgEdit     *qg_edit_new_delete_entity   (const char         *id);
QgEdit     *qg_edit_new_delete_quote    (const char         *id);
QgEdit     *qg_edit_new_delete_relation (const char         *id);
/* @other goes; its names, quotes and relations become @keep's. */
QgEdit     *qg_edit_new_merge_entities  (const char         *keep,
                                         const char         *other);

/* Drafts (docs/format-notes.md, "Drafts"). @ids: of drafted entities,
 * quotes and relations, NULL-terminated, at least one. Accepting an item
 * accepts what it rests on: a quote its speaker, a relation its two
 * entities and its evidence. Rejecting deletes, and takes with it what a
 * deletion does (qg_document_get_edit_effects()); an item that is not a
 * draft cannot be rejected. */
QgEdit     *qg_edit_new_accept_drafts   (const char * const *ids);
QgEdit     *qg_edit_new_reject_drafts   (const char * const *ids);
/* Adds what @draft (a draft of the same article text: qg_drafter_draft())
 * has and the document has not yet, as drafts: entities not known by any
 * of their names, quotes whose passage no quote covers, relations not
 * already between the same two entities with the same label. */
QgEdit     *qg_edit_new_add_draft       (QgDocument         *draft);
/* The ids an acceptance or a rejection is made to. */
const char * const *qg_edit_get_ids     (const QgEdit       *edit);

QgEdit     *qg_edit_ref                 (QgEdit             *edit);
void        qg_edit_unref               (QgEdit             *edit);

QgEditKind  qg_edit_get_kind            (const QgEdit       *edit);
/* What the menu calls it, translated: "Add Quote", "Merge Entities". */
const char *qg_edit_get_label           (const QgEdit       *edit);
/* The id of what a change, a deletion or a merge is made to (for a
 * merge, the entity kept); NULL for an "add". */
const char *qg_edit_get_id              (const QgEdit       *edit);

/* Entities */
void        qg_edit_set_name            (QgEdit             *edit,
                                         const char         *name);
void        qg_edit_set_kind            (QgEdit             *edit,
                                         const char         *kind);
/* NULL-terminated; NULL or empty for none. */
void        qg_edit_set_aliases         (QgEdit             *edit,
                                         const char * const *aliases);
void        qg_edit_set_description     (QgEdit             *edit,
                                         const char         *description);
/* Quotes */
void        qg_edit_set_span            (QgEdit             *edit,
                                         gsize               start,
                                         gsize               end);
/* An entity id, or NULL for none. */
void        qg_edit_set_speaker         (QgEdit             *edit,
                                         const char         *speaker);
void        qg_edit_set_note            (QgEdit             *edit,
                                         const char         *note);
/* Relations */
void        qg_edit_set_source          (QgEdit             *edit,
                                         const char         *source);
void        qg_edit_set_target          (QgEdit             *edit,
                                         const char         *target);
void        qg_edit_set_label           (QgEdit             *edit,
                                         const char         *label);
void        qg_edit_set_stance          (QgEdit             *edit,
                                         QgStance            stance);
void        qg_edit_set_evidence        (QgEdit             *edit,
                                         const char * const *evidence);

/* What an edit takes with it, beyond what it is made to, as indices in
 * the document it would be applied to: for the person to confirm first. */
struct _QgEditEffects
{
  GArray *deleted_relations;   /* of guint: relations that go too */
  GArray *weakened_relations;  /* relations that lose a piece of evidence, and keep the rest */
  GArray *unspoken_quotes;     /* quotes that lose their speaker */
  GArray *looped_relations;    /* a merge's relations between the two, which become the kept
                                * entity's relations to itself */
};

void        qg_edit_effects_clear       (QgEditEffects      *effects);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgEdit, qg_edit_unref)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QgEditEffects, qg_edit_effects_clear)

G_END_DECLS
