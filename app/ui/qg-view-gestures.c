/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-view-gestures"

#include "config.h"

#include <math.h>

#include "qg-view-gestures.h"

#define WHEEL_PAN_PIXELS 50.0

struct _QgViewGestures
{
  GtkWidget                 *widget;   /* not referenced: it owns us */
  QgViewport                *viewport;
  const QgViewGesturesHooks *hooks;
  double                     drag_x;
  double                     drag_y;
  gboolean                   dragging;
  double                     pinch_zoom;
};

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               QgViewGestures *self)
{
  qg_viewport_get_offset (self->viewport, &self->drag_x, &self->drag_y);
  self->dragging = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                QgViewGestures *self)
{
  double x, y, now_x, now_y;

  if (!self->dragging)
    {
      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      if (!gtk_drag_check_threshold (self->widget, x, y, x + dx, y + dy))
        return;
      /* A drag, not a click: the click gesture lets go. */
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (self->widget, "grabbing");
    }
  qg_viewport_get_offset (self->viewport, &now_x, &now_y);
  qg_viewport_pan (self->viewport, self->drag_x + dx - now_x, self->drag_y + dy - now_y);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             QgViewGestures *self)
{
  double x, y;

  if (!self->dragging)
    return;
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (self->widget, NULL);
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (self->hooks->drag_ended != NULL)
    self->hooks->drag_ended (self->widget, x + dx, y + dy);
}

/* Ctrl+scroll zooms on the pointer; scrolling pans, sideways with Shift. A
 * scroll event of GTK 4.8 carries no position: the pointer is where the
 * view's motion controller last told the viewport. */
static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           QgViewGestures           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (!self->hooks->has_content (self->widget))
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      qg_viewport_zoom_by (self->viewport, pow (wheel ? QG_VIEWPORT_STEP : 1.01, -dy));
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  qg_viewport_pan (self->viewport, -dx * (wheel ? WHEEL_PAN_PIXELS : 1),
                   -dy * (wheel ? WHEEL_PAN_PIXELS : 1));
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                QgViewGestures   *self)
{
  self->pinch_zoom = qg_viewport_get_zoom (self->viewport);
}

static void
pinch_changed_cb (GtkGestureZoom *gesture,
                  double          scale,
                  QgViewGestures *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  qg_viewport_zoom_at (self->viewport,
                       self->pinch_zoom * scale / qg_viewport_get_zoom (self->viewport), x, y);
}

QgViewGestures *
qg_view_gestures_attach (GtkWidget                 *widget,
                         QgViewport                *viewport,
                         const QgViewGesturesHooks *hooks)
{
  QgViewGestures *self = g_new0 (QgViewGestures, 1);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->widget = widget;
  self->viewport = viewport;
  self->hooks = hooks;
  g_object_set_data_full (G_OBJECT (widget), "qg-view-gestures", self, g_free);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
  return self;
}

gboolean
qg_view_gestures_is_dragging (QgViewGestures *self)
{
  return self->dragging;
}

static gboolean
pan_binding (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  QgViewGestures *self = g_object_get_data (G_OBJECT (widget), "qg-view-gestures");
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  /* A tenth of the view a press. */
  qg_viewport_pan (self->viewport, -dx * gtk_widget_get_width (widget) / 10.0,
                   -dy * gtk_widget_get_height (widget) / 10.0);
  return TRUE;
}

void
qg_view_gestures_add_key_bindings (GtkWidgetClass  *widget_class,
                                   GtkShortcutFunc  toward,
                                   GtkShortcutFunc  next,
                                   GtkShortcutFunc  clear)
{
  static const struct { guint key; guint kp; int dx; int dy; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding (widget_class, arrows[i].key, 0, pan_binding, "(ii)",
                                    arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding (widget_class, arrows[i].kp, 0, pan_binding, "(ii)",
                                    arrows[i].dx, arrows[i].dy);
      if (toward != NULL)
        gtk_widget_class_add_binding (widget_class, arrows[i].key, GDK_ALT_MASK, toward, "(ii)",
                                      arrows[i].dx, arrows[i].dy);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, next, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, next, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, next, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, next, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, clear, NULL);
}

void
qg_view_gestures_add_zoom_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_plus, "zoom.in" }, { GDK_KEY_equal, "zoom.in" }, { GDK_KEY_KP_Add, "zoom.in" },
    { GDK_KEY_minus, "zoom.out" }, { GDK_KEY_KP_Subtract, "zoom.out" },
    { GDK_KEY_0, "zoom.reset" }, { GDK_KEY_KP_0, "zoom.reset" },
    { GDK_KEY_1, "zoom.fit" }, { GDK_KEY_KP_1, "zoom.fit" },
  };

  /* Bare, and with Ctrl as in other applications. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, keys[i].key, 0, keys[i].action, NULL);
      gtk_widget_class_add_binding_action (widget_class, keys[i].key, GDK_CONTROL_MASK,
                                           keys[i].action, NULL);
    }
}
