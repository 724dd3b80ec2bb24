/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-document.h"
#include "qg-filter.h"

G_BEGIN_DECLS

/* The map as a list, for the keyboard and screen readers: every entity
 * ("Kaspersky Lab, company") and relation (its sentence), found as one
 * types, in sync with the map's selection. Activating a row selects its
 * element on the map (win.select). */

#define QG_TYPE_ELEMENT_LIST (qg_element_list_get_type ())
G_DECLARE_FINAL_TYPE (QgElementList, qg_element_list, QG, ELEMENT_LIST, GtkWidget)

GtkWidget *qg_element_list_new           (void);
void       qg_element_list_set_document  (QgElementList *self,
                                          QgDocument    *document);
/* Follows the map: @id's row selected, or none. */
void       qg_element_list_set_selection (QgElementList *self,
                                          const char    *id);
/* The id of the row selected, or NULL. */
const char *qg_element_list_get_selected (QgElementList *self);
/* The rows shown (the search's), for tests. */
guint      qg_element_list_get_n_shown   (QgElementList *self);
void       qg_element_list_set_filter    (QgElementList *self,
                                          QgFilter      *filter);

G_END_DECLS
