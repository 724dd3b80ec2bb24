/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-viewport"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "qg-viewport.h"

#define FIT_MARGIN 24.0
/* A small map is not blown up past this when fitted. */
#define FIT_MAX_ZOOM 1.5

struct _QgViewport
{
  GObject             parent_instance;

  GtkWidget          *widget;     /* weak */
  GSimpleActionGroup *actions;
  AdwAnimation       *animation;
  double              from[3];    /* zoom, x, y */
  double              to[3];

  double              zoom;
  double              x;
  double              y;
  double              view_width;
  double              view_height;
  double              content_width;
  double              content_height;
  gboolean            fitted;     /* refits as the view changes size, until zoomed or panned */

  gboolean            pointer_inside;
  double              pointer_x;
  double              pointer_y;
};

/* The actions, as the "zoom" group names them. */
static const char * const action_names[] = { "in", "out", "reset", "fit" };

G_DEFINE_FINAL_TYPE (QgViewport, qg_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_FITTED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The one place the view changes. */
static void
set_transform (QgViewport *self,
               double      zoom,
               double      x,
               double      y)
{
  double old = self->zoom;

  if (!isfinite (zoom) || !isfinite (x) || !isfinite (y) || zoom <= 0)
    {
      g_debug ("refused a view of zoom %g at (%g, %g)", zoom, x, y);
      return;
    }
  zoom = CLAMP (zoom, QG_VIEWPORT_MIN_ZOOM, QG_VIEWPORT_MAX_ZOOM);
  if (zoom == self->zoom && x == self->x && y == self->y)
    return;
  self->zoom = zoom;
  self->x = x;
  self->y = y;
  g_signal_emit (self, signals[CHANGED], 0);
  if (old != zoom)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
set_fitted (QgViewport *self,
            gboolean    fitted)
{
  if (self->fitted == fitted)
    return;
  self->fitted = fitted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FITTED]);
}

static void
animation_step (double   t,
                gpointer user_data)
{
  QgViewport *self = user_data;
  /* Zoom goes geometrically, so that it feels even. */
  double zoom = self->from[0] * pow (self->to[0] / self->from[0], t);

  set_transform (self, zoom, self->from[1] + (self->to[1] - self->from[1]) * t,
                 self->from[2] + (self->to[2] - self->from[2]) * t);
}

gboolean
qg_viewport_is_animating (QgViewport *self)
{
  g_return_val_if_fail (QG_IS_VIEWPORT (self), FALSE);
  return adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING;
}

/* An animation under way stops where it is. (Reset, an animation goes
 * back to its start, even one that has ended: a pan after a zoom would
 * have panned the view from before the zoom.) */
static void
stop_animation (QgViewport *self)
{
  double zoom = self->zoom, x = self->x, y = self->y;

  if (adw_animation_get_state (self->animation) == ADW_ANIMATION_IDLE)
    return;
  adw_animation_reset (self->animation);
  set_transform (self, zoom, x, y);
}

static void
go_to (QgViewport *self,
       double      zoom,
       double      x,
       double      y,
       gboolean    animate)
{
  stop_animation (self);
  if (!isfinite (zoom) || !isfinite (x) || !isfinite (y) || zoom <= 0)
    return;
  if (!animate || self->widget == NULL || !gtk_widget_get_mapped (self->widget))
    {
      set_transform (self, zoom, x, y);
      return;
    }
  self->from[0] = self->zoom;
  self->from[1] = self->x;
  self->from[2] = self->y;
  self->to[0] = CLAMP (zoom, QG_VIEWPORT_MIN_ZOOM, QG_VIEWPORT_MAX_ZOOM);
  self->to[1] = x;
  self->to[2] = y;
  adw_animation_play (self->animation);
}

/* Where the view is, or where an animation under way takes it. */
static void
destination (QgViewport *self,
             double     *zoom,
             double     *x,
             double     *y)
{
  gboolean playing = qg_viewport_is_animating (self);

  *zoom = playing ? self->to[0] : self->zoom;
  *x = playing ? self->to[1] : self->x;
  *y = playing ? self->to[2] : self->y;
}

void
qg_viewport_get_destination (QgViewport *self,
                             double     *zoom,
                             double     *x,
                             double     *y)
{
  g_return_if_fail (QG_IS_VIEWPORT (self));
  destination (self, zoom, x, y);
}

static void
fit_transform (QgViewport *self,
               double     *zoom,
               double     *x,
               double     *y)
{
  double cw = MAX (self->content_width, 1);
  double ch = MAX (self->content_height, 1);
  double w = MAX (self->view_width - 2 * FIT_MARGIN, 1);
  double h = MAX (self->view_height - 2 * FIT_MARGIN, 1);

  *zoom = CLAMP (MIN (w / cw, h / ch), QG_VIEWPORT_MIN_ZOOM, FIT_MAX_ZOOM);
  *x = (self->view_width - cw * *zoom) / 2;
  *y = (self->view_height - ch * *zoom) / 2;
}

void
qg_viewport_fit (QgViewport *self,
                 gboolean    animate)
{
  double zoom, x, y;

  g_return_if_fail (QG_IS_VIEWPORT (self));

  fit_transform (self, &zoom, &x, &y);
  set_fitted (self, TRUE);
  go_to (self, zoom, x, y, animate);
}

void
qg_viewport_set_view_size (QgViewport *self,
                           double      width,
                           double      height)
{
  g_return_if_fail (QG_IS_VIEWPORT (self));

  if (!isfinite (width) || !isfinite (height))
    return;
  self->view_width = width;
  self->view_height = height;
  /* A fitted map stays fitted as the window changes size. */
  if (self->fitted && !qg_viewport_is_animating (self) && width > 0 && height > 0)
    {
      double zoom, x, y;

      fit_transform (self, &zoom, &x, &y);
      set_transform (self, zoom, x, y);
    }
}

void
qg_viewport_set_content_size (QgViewport *self,
                              double      width,
                              double      height)
{
  g_return_if_fail (QG_IS_VIEWPORT (self));

  if (!isfinite (width) || !isfinite (height))
    return;
  self->content_width = MAX (width, 0);
  self->content_height = MAX (height, 0);

  /* Nothing to zoom without a map. */
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (
                                                    G_ACTION_MAP (self->actions),
                                                    action_names[i])),
                                 self->content_width > 0 && self->content_height > 0);
}

void
qg_viewport_set_pointer (QgViewport *self,
                         gboolean    inside,
                         double      x,
                         double      y)
{
  g_return_if_fail (QG_IS_VIEWPORT (self));

  self->pointer_inside = inside && isfinite (x) && isfinite (y);
  if (self->pointer_inside)
    {
      self->pointer_x = x;
      self->pointer_y = y;
    }
}

double
qg_viewport_get_zoom (QgViewport *self)
{
  g_return_val_if_fail (QG_IS_VIEWPORT (self), 1);
  return self->zoom;
}

void
qg_viewport_get_offset (QgViewport *self,
                        double     *x,
                        double     *y)
{
  g_return_if_fail (QG_IS_VIEWPORT (self));
  *x = self->x;
  *y = self->y;
}

gboolean
qg_viewport_get_fitted (QgViewport *self)
{
  g_return_val_if_fail (QG_IS_VIEWPORT (self), FALSE);
  return self->fitted;
}

void
qg_viewport_to_layout (QgViewport *self,
                       double      x,
                       double      y,
                       double     *lx,
                       double     *ly)
{
  *lx = (x - self->x) / self->zoom;
  *ly = (y - self->y) / self->zoom;
}

void
qg_viewport_to_widget (QgViewport *self,
                       double      lx,
                       double      ly,
                       double     *x,
                       double     *y)
{
  *x = lx * self->zoom + self->x;
  *y = ly * self->zoom + self->y;
}

void
qg_viewport_zoom_at (QgViewport *self,
                     double      factor,
                     double      x,
                     double      y)
{
  double zoom, lx, ly;

  g_return_if_fail (QG_IS_VIEWPORT (self));

  if (!isfinite (factor) || factor <= 0 || !isfinite (x) || !isfinite (y))
    return;
  stop_animation (self);
  zoom = CLAMP (self->zoom * factor, QG_VIEWPORT_MIN_ZOOM, QG_VIEWPORT_MAX_ZOOM);
  /* The point under (x, y) stays under it. */
  qg_viewport_to_layout (self, x, y, &lx, &ly);
  set_fitted (self, FALSE);
  set_transform (self, zoom, x - lx * zoom, y - ly * zoom);
}

void
qg_viewport_zoom_to (QgViewport *self,
                     double      zoom)
{
  double base_zoom, base_x, base_y, cx, cy, lx, ly;

  g_return_if_fail (QG_IS_VIEWPORT (self));

  if (!isfinite (zoom) || zoom <= 0)
    return;
  cx = self->pointer_inside ? self->pointer_x : self->view_width / 2;
  cy = self->pointer_inside ? self->pointer_y : self->view_height / 2;
  destination (self, &base_zoom, &base_x, &base_y);
  zoom = CLAMP (zoom, QG_VIEWPORT_MIN_ZOOM, QG_VIEWPORT_MAX_ZOOM);
  lx = (cx - base_x) / base_zoom;
  ly = (cy - base_y) / base_zoom;
  set_fitted (self, FALSE);
  go_to (self, zoom, cx - lx * zoom, cy - ly * zoom, TRUE);
}

void
qg_viewport_zoom_by (QgViewport *self,
                     double      factor)
{
  double zoom, x, y;

  g_return_if_fail (QG_IS_VIEWPORT (self));

  destination (self, &zoom, &x, &y);
  qg_viewport_zoom_to (self, zoom * factor);
}

void
qg_viewport_pan (QgViewport *self,
                 double      dx,
                 double      dy)
{
  g_return_if_fail (QG_IS_VIEWPORT (self));

  stop_animation (self);
  set_fitted (self, FALSE);
  set_transform (self, self->zoom, self->x + dx, self->y + dy);
}

void
qg_viewport_center_on (QgViewport *self,
                       double      lx,
                       double      ly,
                       double      min_zoom,
                       gboolean    animate)
{
  double zoom, x, y;

  g_return_if_fail (QG_IS_VIEWPORT (self));

  destination (self, &zoom, &x, &y);
  zoom = MAX (zoom, min_zoom);
  set_fitted (self, FALSE);
  go_to (self, zoom, self->view_width / 2 - lx * zoom, self->view_height / 2 - ly * zoom,
         animate);
}

/* Skipping an animation that never played would jump to its unset end. */
void
qg_viewport_finish_animation (QgViewport *self)
{
  g_return_if_fail (QG_IS_VIEWPORT (self));

  if (qg_viewport_is_animating (self))
    adw_animation_skip (self->animation);
}

GActionGroup *
qg_viewport_get_actions (QgViewport *self)
{
  g_return_val_if_fail (QG_IS_VIEWPORT (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

/* ------------------------------------------------------------------------ */

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  qg_viewport_zoom_by (user_data, QG_VIEWPORT_STEP);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  qg_viewport_zoom_by (user_data, 1 / QG_VIEWPORT_STEP);
}

static void
zoom_reset_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  qg_viewport_zoom_to (user_data, 1.0);
}

static void
zoom_fit_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  qg_viewport_fit (user_data, TRUE);
}

static void
qg_viewport_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QgViewport *self = QG_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FITTED:
      g_value_set_boolean (value, self->fitted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_viewport_dispose (GObject *object)
{
  QgViewport *self = QG_VIEWPORT (object);

  g_clear_object (&self->animation);
  g_clear_object (&self->actions);
  g_clear_weak_pointer (&self->widget);

  G_OBJECT_CLASS (qg_viewport_parent_class)->dispose (object);
}

static void
qg_viewport_class_init (QgViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = qg_viewport_get_property;
  object_class->dispose = qg_viewport_dispose;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, QG_VIEWPORT_MAX_ZOOM, 1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FITTED] =
    g_param_spec_boolean ("fitted", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The zoom or the offset changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qg_viewport_init (QgViewport *self)
{
  static const GActionEntry entries[] = {
    { "in", zoom_in_action },
    { "out", zoom_out_action },
    { "reset", zoom_reset_action },
    { "fit", zoom_fit_action },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (entries) == G_N_ELEMENTS (action_names));

  self->zoom = 1;
  self->fitted = TRUE;
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries),
                                   self);
  qg_viewport_set_content_size (self, 0, 0);
}

QgViewport *
qg_viewport_new (GtkWidget *widget)
{
  QgViewport *self = g_object_new (QG_TYPE_VIEWPORT, NULL);

  g_set_weak_pointer (&self->widget, widget);
  self->animation =
    adw_timed_animation_new (widget, 0, 1, 250,
                             adw_callback_animation_target_new (animation_step, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
  return self;
}
