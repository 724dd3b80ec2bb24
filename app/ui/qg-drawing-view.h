/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-drawing.h"
#include "qg-viewport.h"

G_BEGIN_DECLS

/* A graph of its own (qg-drawing.h) drawn as Graphviz drew it: its colours
 * and fonts, clusters and labels, on Graphviz's white page; in the dark
 * style, on a dark page with each colour's lightness turned over (its hue
 * kept), so that it reads as the same picture. It moves as the map does
 * (qg-view-gestures.h); a click selects a node or an edge, Tab and
 * Shift+Tab walk the nodes, Escape clears the selection. */

#define QG_TYPE_DRAWING_VIEW (qg_drawing_view_get_type ())
G_DECLARE_FINAL_TYPE (QgDrawingView, qg_drawing_view, QG, DRAWING_VIEW, GtkWidget)

GtkWidget  *qg_drawing_view_new            (void);
void        qg_drawing_view_set_drawing    (QgDrawingView *self,
                                            QgDrawing     *drawing);
QgDrawing  *qg_drawing_view_get_drawing    (QgDrawingView *self);
QgViewport *qg_drawing_view_get_viewport   (QgDrawingView *self);
/* QG_ITEM_NODE or QG_ITEM_EDGE, or QG_ITEM_NONE; "selection-changed"
 * tells when it changes. */
QgItemKind  qg_drawing_view_get_selection  (QgDrawingView *self,
                                            guint         *index);
/* Selects, and brings it into view if it is not. */
void        qg_drawing_view_select         (QgDrawingView *self,
                                            QgItemKind     kind,
                                            guint          index);
/* Where an item's centre is in the widget, for tests and popovers. */
gboolean    qg_drawing_view_item_position  (QgDrawingView *self,
                                            QgItemKind     kind,
                                            guint          index,
                                            double        *x,
                                            double        *y);
/* Frames drawn so far, for tests and benchmarks. */
guint       qg_drawing_view_get_n_frames   (QgDrawingView *self);

G_END_DECLS
