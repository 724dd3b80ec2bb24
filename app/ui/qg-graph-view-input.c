/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "qg-graph-view-private.h"
#include "qg-label.h"

/* Pointer, touch and keys: hovering and selecting here; panning and
 * zooming in qg-view-gestures.c. The view's zoom keys are bindings to the
 * viewport's actions, the same ones as the window's buttons. */

static void
hover_at (QgGraphView *self,
          double       x,
          double       y)
{
  QgItemKind kind = QG_ITEM_NONE;
  guint index = 0;

  if (!qg_view_gestures_is_dragging (self->gestures))
    kind = qg_graph_view_hit_item (self, x, y, &index);
  qg_graph_view_set_hover (self, kind, index);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           QgGraphView              *self)
{
  qg_viewport_set_pointer (self->viewport, TRUE, x, y);
  hover_at (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          QgGraphView              *self)
{
  qg_viewport_set_pointer (self->viewport, FALSE, 0, 0);
  qg_graph_view_set_hover (self, QG_ITEM_NONE, 0);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   QgGraphView     *self)
{
  guint index;
  QgItemKind kind;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  kind = qg_graph_view_hit_item (self, x, y, &index);
  /* Clicking empty space clears the selection. */
  qg_graph_view_select_item (self, kind, index);
  if (n_press == 2 && kind != QG_ITEM_NONE)
    qg_graph_view_center_on_selection (self, 0, TRUE);
}

static gboolean
query_tooltip_cb (QgGraphView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  g_autofree char *text = NULL;
  guint index;
  QgItemKind kind;

  if (self->layout == NULL || keyboard)
    return FALSE;
  /* Bounded as the map's names are: the panel has them whole. */
  kind = qg_graph_view_hit_item (self, x, y, &index);
  if (kind == QG_ITEM_NODE)
    {
      const QgEntity *e = qg_document_get_entity (self->document, index);
      g_autofree char *name = qg_label_fit (e->name, 0);
      g_autofree char *description = e->description ? qg_label_fit (e->description, 0) : NULL;

      text = description ? g_strdup_printf ("%s\n%s", name, description) : g_steal_pointer (&name);
    }
  else if (kind == QG_ITEM_EDGE)
    {
      g_autofree char *sentence = qg_document_relation_sentence (self->document, index);

      text = qg_label_fit (sentence, 0);
    }
  else
    return FALSE;
  /* A draft says so wherever it is read. */
  if (kind == QG_ITEM_NODE ? qg_document_get_entity (self->document, index)->draft
                           : qg_document_get_relation (self->document, index)->draft)
    {
      g_autofree char *plain = g_steal_pointer (&text);

      text = g_strdup_printf ("%s\n%s", plain, _("Draft, not yet checked"));
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                      */

static gboolean
select_toward_binding (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   data)
{
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  qg_graph_view_select_toward (QG_GRAPH_VIEW (widget), dx, dy);
  return TRUE;
}

static gboolean
select_next_binding (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   data)
{
  qg_graph_view_select_next (QG_GRAPH_VIEW (widget), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
clear_selection_binding (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   data)
{
  QgGraphView *self = QG_GRAPH_VIEW (widget);

  if (self->selection_kind == QG_ITEM_NONE)
    return FALSE;
  qg_graph_view_select_item (self, QG_ITEM_NONE, 0);
  return TRUE;
}

static gboolean
center_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   data)
{
  qg_graph_view_center_on_selection (QG_GRAPH_VIEW (widget), 0, TRUE);
  return TRUE;
}

static void
add_move_bindings (GtkWidgetClass *widget_class)
{
  /* Arrows move the view; with Alt they move the selection. */
  qg_view_gestures_add_key_bindings (widget_class, select_toward_binding, select_next_binding,
                                     clear_selection_binding);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, center_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, center_binding, NULL);
}

static gboolean
has_content (GtkWidget *widget)
{
  return QG_GRAPH_VIEW (widget)->layout != NULL;
}

static void
drag_ended (GtkWidget *widget,
            double     x,
            double     y)
{
  hover_at (QG_GRAPH_VIEW (widget), x, y);
}

static const QgViewGesturesHooks gesture_hooks = { has_content, drag_ended };

void
qg_graph_view_class_init_input (GtkWidgetClass *widget_class)
{
  qg_view_gestures_add_zoom_bindings (widget_class);
  add_move_bindings (widget_class);
}

void
qg_graph_view_init_input (QgGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  self->gestures = qg_view_gestures_attach (widget, self->viewport, &gesture_hooks);
}
