/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qg-document.h"

G_BEGIN_DECLS

#define QG_TYPE_ENTITY_DIALOG (qg_entity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QgEntityDialog, qg_entity_dialog, QG, ENTITY_DIALOG, AdwWindow)

/* Asks for an entity's name, kind, other names and description: a new one
 * (@entity -1, its name proposed by @name, from a selection of the
 * article), or one of @document's to edit. "apply" is emitted when the
 * person confirms; the handler makes the edit and closes the dialog, or
 * shows why the edit was refused with qg_entity_dialog_show_error () and
 * leaves it open, with what was typed. */
QgEntityDialog *qg_entity_dialog_new             (GtkWindow      *parent,
                                                  QgDocument     *document,
                                                  gint            entity,
                                                  const char     *name);
/* The entity edited, or NULL for a new one. */
const char     *qg_entity_dialog_get_entity_id   (QgEntityDialog *self);
/* The fields, with the white space at their ends removed. */
char           *qg_entity_dialog_get_name        (QgEntityDialog *self);
char           *qg_entity_dialog_get_kind        (QgEntityDialog *self);
GStrv           qg_entity_dialog_get_aliases     (QgEntityDialog *self);
/* NULL when empty */
char           *qg_entity_dialog_get_description (QgEntityDialog *self);
void            qg_entity_dialog_show_error      (QgEntityDialog *self,
                                                  const char     *message);

G_END_DECLS
