/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-aif.h"
#include "qg-drawing-view.h"

G_BEGIN_DECLS

/* A DOT file or an AIF map on screen: the graph as Graphviz drew it, what
 * the selected node or edge is (a DOT file's attributes; an AIF node's
 * text, speaker, and what supports and attacks it), and for AIF the text
 * of the argument with the selection's words highlighted, each side
 * selecting in the other. */

#define QG_TYPE_DRAWING_PAGE (qg_drawing_page_get_type ())
G_DECLARE_FINAL_TYPE (QgDrawingPage, qg_drawing_page, QG, DRAWING_PAGE, GtkWidget)

GtkWidget     *qg_drawing_page_new           (void);
/* While it is read and laid out. */
void           qg_drawing_page_show_loading  (QgDrawingPage *self,
                                              const char    *display_name);
/* @aif: the AIF map @drawing was drawn from (qg_aif_graph_to_dot), taken;
 * or NULL for a DOT file. */
void           qg_drawing_page_set_drawing   (QgDrawingPage *self,
                                              QgDrawing     *drawing,
                                              QgAifGraph    *aif);
void           qg_drawing_page_clear         (QgDrawingPage *self);
QgDrawingView *qg_drawing_page_get_view      (QgDrawingPage *self);
QgAifGraph    *qg_drawing_page_get_aif       (QgDrawingPage *self);
/* The drawing's node that shows AIF node @aif_node, or -1. */
gint           qg_drawing_page_node_for_aif  (QgDrawingPage *self,
                                              guint          aif_node);
/* The words of the details pane, a line each, as a person reads them. */
char          *qg_drawing_page_get_details   (QgDrawingPage *self);
/* The byte range of the text that is highlighted, if any. */
gboolean       qg_drawing_page_get_highlight (QgDrawingPage *self,
                                              gsize         *start,
                                              gsize         *end);
GtkTextView   *qg_drawing_page_get_text_view (QgDrawingPage *self);

G_END_DECLS
