/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qg-document.h"

G_BEGIN_DECLS

#define QG_TYPE_RELATION_DIALOG (qg_relation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QgRelationDialog, qg_relation_dialog, QG, RELATION_DIALOG, AdwWindow)

/* Asks for a relation: where it goes, its label ("source label target"),
 * its stance and the quotes that back it, at least one, chosen from the
 * document's. A new one (@relation -1) from @source_id, to @target_id if
 * known; or one of @document's to edit. "apply" is emitted when the person
 * confirms, as in QgEntityDialog. */
QgRelationDialog *qg_relation_dialog_new           (GtkWindow        *parent,
                                                    QgDocument       *document,
                                                    gint              relation,
                                                    const char       *source_id,
                                                    const char       *target_id);
/* The relation edited, or NULL for a new one. */
const char       *qg_relation_dialog_get_relation_id (QgRelationDialog *self);
const char       *qg_relation_dialog_get_source_id (QgRelationDialog *self);
const char       *qg_relation_dialog_get_target_id (QgRelationDialog *self);
char             *qg_relation_dialog_get_label     (QgRelationDialog *self);
QgStance          qg_relation_dialog_get_stance    (QgRelationDialog *self);
/* The quotes checked, in the document's order. */
GStrv             qg_relation_dialog_get_evidence  (QgRelationDialog *self);
void              qg_relation_dialog_show_error    (QgRelationDialog *self,
                                                    const char       *message);

G_END_DECLS
