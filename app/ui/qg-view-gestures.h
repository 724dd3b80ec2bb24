/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-viewport.h"

G_BEGIN_DECLS

/* What moves a view of a map, the same in every view: dragging pans (a
 * drag, past GTK's threshold, is not a click), scrolling pans (sideways
 * with Shift), Ctrl+scroll and a pinch zoom on the pointer; and the zoom
 * keys, bare and with Ctrl, bound to the viewport's "zoom" actions. */

typedef struct _QgViewGestures QgViewGestures;

typedef struct
{
  /* Whether there is anything to move: scrolling passes on when not. */
  gboolean (*has_content) (GtkWidget *widget);
  /* A drag ended with the pointer at (x, y), or NULL. */
  void     (*drag_ended)  (GtkWidget *widget,
                           double     x,
                           double     y);
} QgViewGesturesHooks;

/* Adds the controllers to @widget; freed with it. */
QgViewGestures *qg_view_gestures_attach            (GtkWidget                 *widget,
                                                    QgViewport                *viewport,
                                                    const QgViewGesturesHooks *hooks);
gboolean        qg_view_gestures_is_dragging       (QgViewGestures            *gestures);
void            qg_view_gestures_add_zoom_bindings (GtkWidgetClass            *widget_class);
/* The arrows (and the keypad's) pan a tenth of the view; with Alt they
 * call @toward with (ii) dx, dy, if not NULL; Tab and Shift+Tab call
 * @next with i 1 and -1; Escape calls @clear. */
void            qg_view_gestures_add_key_bindings  (GtkWidgetClass            *widget_class,
                                                    GtkShortcutFunc            toward,
                                                    GtkShortcutFunc            next,
                                                    GtkShortcutFunc            clear);

G_END_DECLS
