/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-document.h"
#include "qg-layout.h"
#include "qg-viewport.h"

G_BEGIN_DECLS

/* A zoom at which a whole neighbourhood reads, names and edge labels. */
#define QG_GRAPH_VIEW_READING_ZOOM 1.0

#define QG_TYPE_GRAPH_VIEW (qg_graph_view_get_type ())
G_DECLARE_FINAL_TYPE (QgGraphView, qg_graph_view, QG, GRAPH_VIEW, GtkWidget)

GtkWidget  *qg_graph_view_new               (void);

void        qg_graph_view_set_document      (QgGraphView *self,
                                             QgDocument  *document);
QgDocument *qg_graph_view_get_document      (QgGraphView *self);
void        qg_graph_view_set_layout        (QgGraphView *self,
                                             QgLayout    *layout,
                                             gboolean     animate);
/* Shows @document, with @layout, in place of the one on screen, as after an
 * edit or a reload: the viewport stays (a map shown whole is shown whole
 * again), the selection stays where its id still exists, and the nodes
 * that were on the map glide to their new places. */
/* Brings the selection into view if it is not, without moving otherwise. */
void        qg_graph_view_reveal_selection  (QgGraphView *self);
void        qg_graph_view_replace_document  (QgGraphView *self,
                                             QgDocument  *document,
                                             QgLayout    *layout);
QgLayout   *qg_graph_view_get_layout        (QgGraphView *self);
/* Zoom and offset; its actions are the view's "zoom" group. */
QgViewport *qg_graph_view_get_viewport      (QgGraphView *self);

/* The selection is an entity or relation id, or NULL. */
const char *qg_graph_view_get_selection     (QgGraphView *self);
gboolean    qg_graph_view_set_selection     (QgGraphView *self,
                                             const char  *id);
void        qg_graph_view_select_next       (QgGraphView *self,
                                             int          step);
gboolean    qg_graph_view_select_toward     (QgGraphView *self,
                                             int          dx,
                                             int          dy);
/* Brings the selection to the middle, zooming in to @min_zoom if the view
 * is further out (0 keeps the zoom). */
void        qg_graph_view_center_on_selection (QgGraphView *self,
                                               double       min_zoom,
                                               gboolean     animate);

/* The id of the node or edge shown at (x, y) in widget coordinates, or NULL. */
const char *qg_graph_view_hit               (QgGraphView  *self,
                                             double        x,
                                             double        y);
void        qg_graph_view_set_hidden        (QgGraphView  *self,
                                             const guint8 *entities,
                                             const guint8 *relations);
gboolean    qg_graph_view_is_hidden         (QgGraphView  *self,
                                             const char   *id);
void        qg_graph_view_set_matches       (QgGraphView  *self,
                                             const guint8 *entities,
                                             const guint8 *relations);

/* The size in pixels at which the last frame drew an entity's name or a
 * relation's label, or 0 if it drew none. */
double      qg_graph_view_get_label_pixels  (QgGraphView  *self,
                                             const char   *id);

/* Names are not placed under @widget, a control over the view. */
void        qg_graph_view_set_obscuring     (QgGraphView  *self,
                                             GtkWidget    *widget);

/* Skips animations, for tests and benchmarks. */
void        qg_graph_view_finish_animations (QgGraphView *self);
/* The size names are drawn at where Graphviz's own text would be smaller,
 * in pixels (13 by default). */
void        qg_graph_view_set_name_pixels   (QgGraphView *self,
                                             double       pixels);
double      qg_graph_view_get_name_pixels   (QgGraphView *self);
/* Whether names are still being made for the frames to come: on a large
 * map they are made a few hundred a frame. */
gboolean    qg_graph_view_is_placing_names  (QgGraphView *self);
/* Whether a large map's image is being drawn in threads; the frames show
 * the last one meanwhile. */
gboolean    qg_graph_view_is_drawing        (QgGraphView *self);

G_END_DECLS
