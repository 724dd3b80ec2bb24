/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qg-graph-view.h"
#include "qg-kinds.h"
#include "qg-view-gestures.h"
#include "qg-viewport.h"

G_BEGIN_DECLS

/* What the files of the graph view share: qg-graph-view.c holds the state
 * (document, layout, selection, filters, search), qg-graph-view-draw.c
 * draws it near, qg-graph-view-overview.c from afar, and
 * qg-graph-view-input.c turns pointer and keys into viewport changes and
 * selections. The viewport (zoom and offset) is an object of its own. */

#define HIT_SLOP 5.0          /* pixels of reach around thin lines */
#define TEXT_MIN_PIXELS 4.0   /* below this, a label of Graphviz's is drawn as a bar */
#define TEXT_NONE_PIXELS 1.0  /* below this, not at all */
#define DIM_ALPHA 0.18
/* Names are never drawn smaller than this on screen (the label size of
 * the preferences, this by default): below it, a name is drawn at this
 * size in screen space, its node grown to hold it, where it finds room. */
#define NAME_PIXELS 13.0
/* Edge labels below this are not drawn, but for the selection's and the
 * one under the pointer, which are drawn at the names' size. */
#define EDGE_LABEL_MIN_PIXELS 8.0

typedef enum
{
  EMPHASIS_NORMAL,
  EMPHASIS_DIM,
  EMPHASIS_NEAR,      /* a neighbour of the selection */
  EMPHASIS_SELECTED,
} Emphasis;

typedef enum
{
  LOOK_DIM,
  LOOK_NORMAL,
  N_LOOKS
} Look;

/* The colours of the map in the current scheme. */
typedef struct
{
  GdkRGBA fill[QG_N_KINDS];
  GdkRGBA stroke[QG_N_KINDS];
  GdkRGBA stance[3];
  GdkRGBA node_text;
  GdkRGBA edge_text;
  GdkRGBA accent;
  GdkRGBA background;
} Palette;

/* A label drawn in screen space, in the last frame. */
/* How a name drawn in screen space is broken into lines. */
typedef enum
{
  NAME_AS_GRAPHVIZ,
  NAME_IN_THREE,
  NAME_IN_TWO,
  NAME_ON_ONE,
  N_NAME_BREAKS
} NameBreak;

/* A name or edge label drawn in the last frame. */
typedef struct
{
  QgItemKind kind;
  guint      index;
  double     pixels;           /* the size of its text */
  double     x0, y0, x1, y1;   /* for a name drawn in screen space: the box of its
                                * grown node, in widget pixels */
  double     tx, ty;           /* the middle of its text */
  double     gx, gy;           /* how much the node's outline grew to hold it; 0 when
                                * drawn where Graphviz placed it */
  NameBreak  shape;
} ScreenLabel;

struct _QgGraphView
{
  GtkWidget     parent_instance;

  QgDocument   *document;
  QgLayout     *layout;
  QgViewport   *viewport;
  GtkWidget    *obscuring;       /* a control over the view, or NULL (weak) */
  guint8       *entity_kind;     /* QgKind, per entity */
  guint        *reading_order;   /* node indices, top to bottom, left to right */
  guint        *label_order;     /* node indices, most connected first */

  /* A change of layout moves the nodes from where they were. */
  QgLayout     *previous;
  gint         *previous_of;     /* per node, its index in `previous` or -1; NULL: the same */
  double        previous_dx;     /* how far the view followed the nodes, in layout points */
  double        previous_dy;
  double        transition;      /* 0 → 1 */
  AdwAnimation *transition_animation;
  gboolean      center_pending;  /* centre on the selection once there is a size */

  QgItemKind    selection_kind;
  guint         selection_index;
  QgItemKind    hover_kind;
  guint         hover_index;
  guint8       *node_emphasis;
  guint8       *edge_emphasis;
  guint8       *hidden_nodes;    /* by the filters; NULL when nothing is */
  guint8       *hidden_edges;
  guint8       *matched_nodes;   /* by the search; NULL when there is none */
  guint8       *matched_edges;

  Palette       palette;

  double        max_font;        /* the largest label, in points */
  double        node_font;       /* the size of node names, in points */
  cairo_surface_t *overview;     /* the map from afar, drawn by the rasteriser */
  cairo_surface_t *near_edges;   /* the edges near, when the rasteriser draws them */
  guint         serial;          /* counts the changes of what is drawn */
  guint         overview_serial; /* what the overview image shows */
  QgLayout     *overview_layout; /* of which layout, */
  double        overview_zoom;   /* and at what zoom and offset */
  double        overview_ox;
  double        overview_oy;
  gboolean      drawing;         /* a large map's image is being drawn */
  PangoContext *pango;
  PangoLayout **texts;           /* per layout op, made when first drawn */
  guint         n_texts;
  double        name_pixels;     /* NAME_PIXELS, or the preferences' label size */
  PangoLayout **node_names;      /* per node and NameBreak: its name at name_pixels */
  guint         n_node_names;
  PangoLayout **edge_names;      /* per edge */
  guint         n_edge_names;
  /* The interface's font the names were made in (NULL before the first),
   * and its options (antialiasing, hinting): a change of style that
   * leaves both as they were keeps them, and their masks. */
  PangoFontDescription *names_font;
  cairo_font_options_t *names_options;
  /* Worked out for the next frame, and kept for the input until then. */
  gboolean      labels_valid;
  GArray       *screen_labels;   /* ScreenLabel */
  guint        *visible_nodes;
  guint         n_visible_nodes;
  guint        *visible_edges;
  guint         n_visible_edges;
  guint8       *grown;           /* per node: its name is drawn in screen space */
  /* Names are made a few hundred a frame, so that the first frame of a
   * large map is not held up by all of them: the ones not made yet wait,
   * made while the main loop is idle (in label_order, names_made so far),
   * for the placement after. */
  guint         names_to_make;
  gboolean      names_waiting;
  guint         names_idle;
  guint         labels_idle;  /* places the names before the frame that draws them */
  /* Texts of a map no longer shown, let go of a few milliseconds at a
   * time when the main loop is idle (qg_graph_view_clear_texts). */
  GPtrArray    *spent_texts;
  guint         spent_idle;
  guint         names_made;

  /* Input */
  QgViewGestures *gestures;
};

/* qg-graph-view.c */
gboolean     qg_graph_view_is_hidden_item  (QgGraphView *self,
                                            QgItemKind   kind,
                                            guint        index);
gboolean     qg_graph_view_is_matched_item (QgGraphView *self,
                                            QgItemKind   kind,
                                            guint        index);
gboolean     qg_graph_view_is_special_item (QgGraphView *self,
                                            QgItemKind   kind,
                                            guint        index);
/* The shown node or edge under (x, y) of the widget. */
QgItemKind   qg_graph_view_hit_item        (QgGraphView *self,
                                            double       x,
                                            double       y,
                                            guint       *index);
void         qg_graph_view_select_item     (QgGraphView *self,
                                            QgItemKind   kind,
                                            guint        index);
void         qg_graph_view_set_hover       (QgGraphView *self,
                                            QgItemKind   kind,
                                            guint        index);
void         qg_graph_view_node_offset     (QgGraphView *self,
                                            guint        index,
                                            double      *dx,
                                            double      *dy);
Look         qg_graph_view_look_of         (const guint8 *emphasis,
                                            guint         index);
double       qg_graph_view_look_alpha      (Look          look);

/* The state changed: what is in view and the names are worked out again,
 * and the view drawn again. */
void         qg_graph_view_redraw          (QgGraphView *self);

/* qg-graph-view-draw.c */
void         qg_graph_view_update_labels   (QgGraphView *self);
void         qg_graph_view_draw_near       (QgGraphView *self,
                                            cairo_t     *cr,
                                            double       width,
                                            double       height);
/* Over the overview: the names that fit, and the selection. */
void         qg_graph_view_draw_over       (QgGraphView *self,
                                            cairo_t     *cr,
                                            double       width,
                                            double       height);
void         qg_graph_view_clear_texts     (QgGraphView *self);
/* And lets go of them now, as the view goes. */
void         qg_graph_view_free_spent_texts (QgGraphView *self);
void         qg_graph_view_forget_names    (QgGraphView *self);
gboolean     qg_graph_view_forget_names_if_restyled (QgGraphView *self);

/* qg-graph-view-overview.c */
gboolean     qg_graph_view_seen_from_afar  (QgGraphView *self);
/* A map of 500 nodes and edges or more: drawn by the rasteriser until its
 * edge labels read, and shown at once in its new places after an edit,
 * where cairo would take most of a second a frame to glide it there. */
gboolean     qg_graph_view_is_large        (QgLayout    *layout);
/* Paints the overview over all of @cr. */
void         qg_graph_view_draw_overview   (QgGraphView *self,
                                            cairo_t     *cr,
                                            double       width,
                                            double       height);
/* Paints the view's background and its edges but the selection's and
 * the hovered one's, drawn by the rasteriser, over all of @cr. */
void         qg_graph_view_draw_near_edges (QgGraphView *self,
                                            cairo_t     *cr,
                                            double       width,
                                            double       height);

/* qg-graph-view-input.c */
void         qg_graph_view_init_input      (QgGraphView    *self);
void         qg_graph_view_class_init_input (GtkWidgetClass *widget_class);

G_END_DECLS
