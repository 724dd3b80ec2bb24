/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"
#include "qg-edit.h"

G_BEGIN_DECLS

/* The versions of a document while it is open: each edit pushes the
 * document it made, with the edit's name, and undo and redo move between
 * them. Its depth has no limit: the versions share all that an edit does
 * not change. It knows which version was last saved (or loaded). */
#define QG_TYPE_HISTORY (qg_history_get_type ())
G_DECLARE_FINAL_TYPE (QgHistory, qg_history, QG, HISTORY, GObject)

/* A document with a file starts as saved; a new map, which has none,
 * starts modified: closing it would lose its article. */
QgHistory  *qg_history_new            (QgDocument    *document);

/* The current version. The others keep only what is needed to make them
 * again: undo and redo make a new document of the version they go to. */
QgDocument *qg_history_get_document   (QgHistory     *self);
/* Makes @document the current version, named @label ("Add Quote"); the
 * versions that redo would have gone to are dropped. */
void        qg_history_push           (QgHistory     *self,
                                       QgDocument    *document,
                                       const char    *label);
/* Applies @edit to the current version and pushes the result, named by
 * the edit; returns it, or NULL with the reason. Like
 * qg_history_get_document(), it is the history's while it is the current
 * version: take a reference to keep it longer. */
QgDocument *qg_history_apply          (QgHistory     *self,
                                       const QgEdit  *edit,
                                       char         **new_id,
                                       GError       **error);
/* The version it goes to, now the current one, or NULL if there is none. */
QgDocument *qg_history_undo           (QgHistory     *self);
QgDocument *qg_history_redo           (QgHistory     *self);

gboolean    qg_history_get_can_undo   (QgHistory     *self);
gboolean    qg_history_get_can_redo   (QgHistory     *self);
/* The name of the edit undo would undo, and redo redo, or NULL. */
const char *qg_history_get_undo_label (QgHistory     *self);
const char *qg_history_get_redo_label (QgHistory     *self);

/* Whether the current version differs from the one last saved. */
gboolean    qg_history_get_modified   (QgHistory     *self);
/* @document (NULL: the current version) is the version saved. A save in
 * the background may end after more edits: the version it wrote is the
 * one saved, and if an edit made after undoing past it has dropped it,
 * none is. */
void        qg_history_set_saved      (QgHistory     *self,
                                       QgDocument    *document);

G_END_DECLS
