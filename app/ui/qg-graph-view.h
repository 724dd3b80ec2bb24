/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-document.h"
#include "qg-layout.h"

G_BEGIN_DECLS

#define QG_TYPE_GRAPH_VIEW (qg_graph_view_get_type ())
G_DECLARE_FINAL_TYPE (QgGraphView, qg_graph_view, QG, GRAPH_VIEW, GtkWidget)

GtkWidget  *qg_graph_view_new               (void);

void        qg_graph_view_set_document      (QgGraphView *self,
                                             QgDocument  *document);
QgDocument *qg_graph_view_get_document      (QgGraphView *self);
void        qg_graph_view_set_layout        (QgGraphView *self,
                                             QgLayout    *layout,
                                             gboolean     animate);
QgLayout   *qg_graph_view_get_layout        (QgGraphView *self);

/* The selection is an entity or relation id, or NULL. */
const char *qg_graph_view_get_selection     (QgGraphView *self);
gboolean    qg_graph_view_set_selection     (QgGraphView *self,
                                             const char  *id);
void        qg_graph_view_select_next       (QgGraphView *self,
                                             int          step);
gboolean    qg_graph_view_select_toward     (QgGraphView *self,
                                             int          dx,
                                             int          dy);

double      qg_graph_view_get_zoom          (QgGraphView *self);
void        qg_graph_view_zoom_at           (QgGraphView *self,
                                             double       factor,
                                             double       x,
                                             double       y);
void        qg_graph_view_zoom_by           (QgGraphView *self,
                                             double       factor);
void        qg_graph_view_zoom_reset        (QgGraphView *self);
void        qg_graph_view_zoom_fit          (QgGraphView *self,
                                             gboolean     animate);
void        qg_graph_view_pan               (QgGraphView *self,
                                             double       dx,
                                             double       dy);
void        qg_graph_view_center_on_selection (QgGraphView *self,
                                               gboolean     animate);

/* Between widget and layout coordinates (points, y downwards). */
void        qg_graph_view_widget_to_layout  (QgGraphView *self,
                                             double       x,
                                             double       y,
                                             double      *lx,
                                             double      *ly);
void        qg_graph_view_layout_to_widget  (QgGraphView *self,
                                             double       lx,
                                             double       ly,
                                             double      *x,
                                             double      *y);
/* The id of the node or edge at (x, y) in widget coordinates, or NULL. */
const char *qg_graph_view_hit               (QgGraphView *self,
                                             double       x,
                                             double       y);
void        qg_graph_view_set_hidden        (QgGraphView  *self,
                                             const guint8 *entities,
                                             const guint8 *relations);
gboolean    qg_graph_view_is_hidden         (QgGraphView  *self,
                                             const char   *id);
void        qg_graph_view_set_matches       (QgGraphView  *self,
                                             const guint8 *entities,
                                             const guint8 *relations);

/* Skips animations, for tests and benchmarks. */
void        qg_graph_view_finish_animations (QgGraphView *self);

G_END_DECLS
