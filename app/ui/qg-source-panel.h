/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-document.h"
#include "qg-sources.h"

G_BEGIN_DECLS

#define QG_TYPE_SOURCE_PANEL (qg_source_panel_get_type ())
G_DECLARE_FINAL_TYPE (QgSourcePanel, qg_source_panel, QG, SOURCE_PANEL, GtkWidget)

/* What backs the selection: for an entity, what it says and its relations;
 * for a relation, every piece of evidence; for nothing, the article.
 * Its buttons activate win.select (an id), win.show-quote and
 * win.copy-quote (a quote's index). */
GtkWidget *qg_source_panel_new          (void);
void       qg_source_panel_set_document (QgSourcePanel *self,
                                         QgDocument    *document,
                                         QgSources     *sources);
void       qg_source_panel_show         (QgSourcePanel *self,
                                         const char    *id,
                                         gboolean       hidden);

G_END_DECLS
