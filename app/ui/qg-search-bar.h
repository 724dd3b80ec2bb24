/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-document.h"
#include "qg-sources.h"

G_BEGIN_DECLS

/* Finds entities (by name or alias), relations (by label) and quotes (what
 * they back and who says them) as the person types. Enter and the arrows
 * activate win.find-next and win.find-previous; "n-matches" is notified
 * whenever the matches are found again. */

#define QG_TYPE_SEARCH_BAR (qg_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (QgSearchBar, qg_search_bar, QG, SEARCH_BAR, GtkWidget)

void        qg_search_bar_set_document       (QgSearchBar  *self,
                                              QgDocument   *document,
                                              QgSources    *sources);
void        qg_search_bar_set_key_capture_widget (QgSearchBar *self,
                                                  GtkWidget   *widget);
gboolean    qg_search_bar_get_search_mode    (QgSearchBar  *self);
/* Opens the bar and puts the focus in its entry. */
void        qg_search_bar_start              (QgSearchBar  *self);
guint       qg_search_bar_get_n_matches      (QgSearchBar  *self);
/* The matches as flags per entity and relation, or NULL when there is no
 * search. */
void        qg_search_bar_get_matches        (QgSearchBar   *self,
                                              const guint8 **entities,
                                              const guint8 **relations);
/* Goes @step matches on, around the end; returns the id gone to, or NULL. */
const char *qg_search_bar_step               (QgSearchBar  *self,
                                              int           step);

G_END_DECLS
