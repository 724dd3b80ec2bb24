/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-document.h"

G_BEGIN_DECLS

/* The drafts of a document to review: every drafted entity, quote and
 * relation, each with Accept, Reject and Edit…, and Accept All and Reject
 * All for all of them at once. Its buttons activate win.accept-drafts and
 * win.reject-drafts (the ids, "as") and win.edit-item (an id); a row
 * activates win.select with its id. It changes only where the drafts do,
 * and the keys stay in the list when the row that had them goes. */

#define QG_TYPE_REVIEW_PANEL (qg_review_panel_get_type ())
G_DECLARE_FINAL_TYPE (QgReviewPanel, qg_review_panel, QG, REVIEW_PANEL, GtkWidget)

GtkWidget *qg_review_panel_new          (void);
void       qg_review_panel_set_document (QgReviewPanel *self,
                                         QgDocument    *document);
/* How many drafts it lists: its "n-drafts" property. */
guint      qg_review_panel_get_n_drafts (QgReviewPanel *self);

G_END_DECLS
