/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-document.h"

G_BEGIN_DECLS

#define QG_TYPE_ENTITY_CHOOSER (qg_entity_chooser_get_type ())
G_DECLARE_FINAL_TYPE (QgEntityChooser, qg_entity_chooser, QG, ENTITY_CHOOSER, GtkPopover)

/* A popover that asks for one of the document's entities: type to filter
 * them by name or alias, Enter or a click chooses. It emits "chosen" with
 * the entity's id, or with NULL for the "none" row when it has one (a
 * quote without a speaker), and closes. */
GtkWidget *qg_entity_chooser_new            (void);
void       qg_entity_chooser_set_document   (QgEntityChooser *self,
                                             QgDocument      *document);
void       qg_entity_chooser_set_heading    (QgEntityChooser *self,
                                             const char      *heading);
/* The label of the row that chooses no entity, or NULL for none. */
void       qg_entity_chooser_set_none_label (QgEntityChooser *self,
                                             const char      *label);
/* An entity not offered (the one a relation starts from), or NULL. */
void       qg_entity_chooser_set_excluded   (QgEntityChooser *self,
                                             const char      *id);
/* Clears the search and shows every entity again, focused on the search
 * entry: for each time the popover is shown. */
void       qg_entity_chooser_reset          (QgEntityChooser *self);

G_END_DECLS
