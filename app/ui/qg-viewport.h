/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What part of the map a view shows: widget = layout × zoom + offset.
 * Every change goes through one place, which refuses a non-finite zoom or
 * offset, so nothing (an event without a position, a map of no size) can
 * leave the view blank. Its actions, "in", "out", "reset" and "fit", are
 * meant to be inserted as the "zoom" group. */

#define QG_VIEWPORT_MIN_ZOOM 0.02
#define QG_VIEWPORT_MAX_ZOOM 8.0
#define QG_VIEWPORT_STEP     1.25

#define QG_TYPE_VIEWPORT (qg_viewport_get_type ())
G_DECLARE_FINAL_TYPE (QgViewport, qg_viewport, QG, VIEWPORT, GObject)

/* @widget gives the frame clock for animations; it is not referenced. */
QgViewport   *qg_viewport_new                (GtkWidget  *widget);
GActionGroup *qg_viewport_get_actions        (QgViewport *self);

void          qg_viewport_set_view_size      (QgViewport *self,
                                              double      width,
                                              double      height);
void          qg_viewport_set_content_size   (QgViewport *self,
                                              double      width,
                                              double      height);
/* Where the pointer is over the view, for zooming on it. */
void          qg_viewport_set_pointer        (QgViewport *self,
                                              gboolean    inside,
                                              double      x,
                                              double      y);

double        qg_viewport_get_zoom           (QgViewport *self);
void          qg_viewport_get_offset         (QgViewport *self,
                                              double     *x,
                                              double     *y);
gboolean      qg_viewport_get_fitted         (QgViewport *self);
gboolean      qg_viewport_is_animating       (QgViewport *self);

void          qg_viewport_to_layout          (QgViewport *self,
                                              double      x,
                                              double      y,
                                              double     *lx,
                                              double     *ly);
/* The zoom and offset the view is at, or that an animation under way
 * takes it to. */
void          qg_viewport_get_destination    (QgViewport *self,
                                              double     *zoom,
                                              double     *x,
                                              double     *y);
void          qg_viewport_to_widget          (QgViewport *self,
                                              double      lx,
                                              double      ly,
                                              double     *x,
                                              double     *y);

void          qg_viewport_fit                (QgViewport *self,
                                              gboolean    animate);
/* Zooms by @factor keeping the point (x, y) of the widget where it is. */
void          qg_viewport_zoom_at            (QgViewport *self,
                                              double      factor,
                                              double      x,
                                              double      y);
/* Animated, on the pointer when it is over the view, else on the middle. */
void          qg_viewport_zoom_by            (QgViewport *self,
                                              double      factor);
void          qg_viewport_zoom_to            (QgViewport *self,
                                              double      zoom);
void          qg_viewport_pan                (QgViewport *self,
                                              double      dx,
                                              double      dy);
/* Brings (lx, ly) of the layout to the middle, at @min_zoom at least. */
void          qg_viewport_center_on          (QgViewport *self,
                                              double      lx,
                                              double      ly,
                                              double      min_zoom,
                                              gboolean    animate);
void          qg_viewport_finish_animation   (QgViewport *self);

G_END_DECLS
