/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qg-graph-private.h"

/* Outside dot, Graphviz lays out the nodes, then places every edge's label
 * beside the middle of its edge, trying the label's corners and sides
 * against every node and label already placed (lib/label/xlabels.c). The
 * time that takes grows much faster than the labels: 0.1 s for 2,000,
 * 16 s of the 48 of a 10,000-entity map's layout, 7 minutes of the 10 at
 * 50,000 entities and 100,000 relations. On maps with more labels than
 * this, the labels are taken away before the layout and placed here
 * afterwards in much the same way (place_one () says how), with a grid
 * to find what is near, in a fraction of a second. */
#define OWN_LABELS_ABOVE 5000

/* Graphviz's own, not in its installed headers (lib/common/render.h and
 * const.h), stable from 2.30 to 12. */
extern textlabel_t *make_label (void *obj, char *str, int kind, double fontsize, char *fontname,
                                char *fontcolor);
#define GV_LT_NONE   (0 << 1)
#define GV_LT_HTML   (1 << 1)
#define GV_EDGE_LABEL (1 << 0)

/* The grid's cells are this wide (in points) at the least, and there are
 * about this many at the most, this many along a side. */
#define CELL_MIN     96.0
#define CELLS_MAX    (4 * 1024 * 1024)
#define CELLS_ACROSS 4096

struct _QgTakenLabels
{
  Agsym_t   *label;
  GPtrArray *edges;   /* Agedge_t */
  GPtrArray *texts;   /* each edge's label, a reference to cgraph's string */
};

typedef struct
{
  double x0, y0, x1, y1;
} Box;

typedef struct
{
  Box     bb;
  double  cell;
  guint   columns;
  guint   rows;
  GArray *boxes;   /* Box: the nodes, then the labels placed */
  GArray **cells;  /* guint: the boxes over each cell */
} Grid;

QgTakenLabels *
qg_graph_labels_take (Agraph_t   *g,
                      const char *engine)
{
  Agsym_t *label = agattr (g, AGEDGE, (char *) "label", NULL);
  QgTakenLabels *taken;
  guint labelled = 0;

  if (label == NULL || strcmp (engine, "dot") == 0)
    return NULL;
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
      if (*agxget (e, label) != '\0')
        labelled++;
  if (labelled <= OWN_LABELS_ABOVE)
    return NULL;

  taken = g_new0 (QgTakenLabels, 1);
  taken->label = label;
  taken->edges = g_ptr_array_sized_new (labelled);
  taken->texts = g_ptr_array_sized_new (labelled);
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
      {
        char *text = agxget (e, label);

        if (*text == '\0')
          continue;
        /* A reference of its own, HTML or not as it was, while the edge
         * holds none. */
        g_ptr_array_add (taken->edges, e);
        g_ptr_array_add (taken->texts, aghtmlstr (text) ? agstrdup_html (g, text)
                                                        : agstrdup (g, text));
        agxset (e, label, "");
      }
  return taken;
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static double
overlap_area (const Box *a,
              const Box *b)
{
  if (!boxes_overlap (a, b))
    return 0;
  return (MIN (a->x1, b->x1) - MAX (a->x0, b->x0)) * (MIN (a->y1, b->y1) - MAX (a->y0, b->y0));
}

/* The cell of offset @v (in cells), in 0 … @n - 1: NaN and the
 * infinities too. */
static guint
cell_of (double v,
         guint  n)
{
  if (!(v >= 0))
    return 0;
  if (v >= n - 1)
    return n - 1;
  return (guint) v;
}

static void
grid_cells_of (const Grid *grid,
               const Box  *box,
               guint      *c0,
               guint      *r0,
               guint      *c1,
               guint      *r1)
{
  double left = floor ((box->x0 - grid->bb.x0) / grid->cell);
  double bottom = floor ((box->y0 - grid->bb.y0) / grid->cell);
  double right = floor ((box->x1 - grid->bb.x0) / grid->cell);
  double top = floor ((box->y1 - grid->bb.y0) / grid->cell);

  *c0 = cell_of (left, grid->columns);
  *r0 = cell_of (bottom, grid->rows);
  *c1 = cell_of (right, grid->columns);
  *r1 = cell_of (top, grid->rows);
}

static void
grid_add (Grid      *grid,
          const Box *box)
{
  guint index = grid->boxes->len;
  guint c0, r0, c1, r1;

  g_array_append_val (grid->boxes, *box);
  grid_cells_of (grid, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        GArray **cell = &grid->cells[(gsize) r * grid->columns + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

/* How much of @box the boxes in the grid cover (a box over several cells
 * counted in each: only zero or not, and more or less, matter). */
static double
grid_covered (const Grid *grid,
              const Box  *box)
{
  double covered = 0;
  guint c0, r0, c1, r1;

  grid_cells_of (grid, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        GArray *cell = grid->cells[(gsize) r * grid->columns + c];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          covered += overlap_area (box, &g_array_index (grid->boxes, Box,
                                                        g_array_index (cell, guint, i)));
      }
  return covered;
}

/* The point at @t (0 to 1) of @e's drawn line, a chain of cubic Bézier
 * segments (straight, or bowed where parallel edges fan out). Graphviz's
 * edgeMidpoint () of a line that is not routed is the middle of its chord,
 * off a bowed line: a label goes beside the line itself. */
static pointf
edge_point (Agedge_t *e,
            double    t)
{
  pointf from = ND_coord (agtail (e)), to = ND_coord (aghead (e));
  const bezier *line;
  const pointf *p;
  int segments, s;
  double u, v;

  if (ED_spl (e) == NULL || ED_spl (e)->size < 1 || ED_spl (e)->list[0].size < 4)
    return (pointf) { from.x + t * (to.x - from.x), from.y + t * (to.y - from.y) };
  line = &ED_spl (e)->list[0];
  segments = (line->size - 1) / 3;
  s = MIN ((int) (t * segments), segments - 1);
  u = t * segments - s;
  v = 1 - u;
  p = line->list + 3 * s;
  return (pointf) {
    v * v * v * p[0].x + 3 * v * v * u * p[1].x + 3 * v * u * u * p[2].x + u * u * u * p[3].x,
    v * v * v * p[0].y + 3 * v * v * u * p[1].y + 3 * v * u * u * p[2].y + u * u * u * p[3].y,
  };
}

/* A label of @width × @height for @e, beside a point of its line: with a
 * corner there, on each side in turn (as Graphviz tries them), then
 * centred above, below, left and right of it; at the middle first, then
 * further along either way; kept in the map where it fits. The first
 * place that nothing covers, or the least covered. (Graphviz tries the
 * middle alone: on a crowded map of 1,000 entities and 5,100 labels, that
 * left 909 over another label, beside Graphviz's 444.) */
static pointf
place_one (Grid     *grid,
           Agedge_t *e,
           double    width,
           double    height)
{
  static const double offsets[][2] = {
    { 0.5, 0.5 }, { -0.5, 0.5 }, { -0.5, -0.5 }, { 0.5, -0.5 },
    { 0, 0.5 }, { 0, -0.5 }, { -0.5, 0 }, { 0.5, 0 },
  };
  static const double along[] = { 0.5, 0.4, 0.6, 0.3, 0.7 };
  pointf best = { 0, 0 };
  double least = G_MAXDOUBLE;

  for (guint a = 0; a < G_N_ELEMENTS (along); a++)
    {
      pointf at = edge_point (e, along[a]);

      if (a == 0)
        best = at;
      for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
        {
          pointf centre = { at.x + offsets[i][0] * width, at.y + offsets[i][1] * height };
          Box box;
          double covered;

          if (grid->bb.x1 - grid->bb.x0 >= width)
            centre.x = CLAMP (centre.x, grid->bb.x0 + width / 2, grid->bb.x1 - width / 2);
          if (grid->bb.y1 - grid->bb.y0 >= height)
            centre.y = CLAMP (centre.y, grid->bb.y0 + height / 2, grid->bb.y1 - height / 2);
          box = (Box) { centre.x - width / 2, centre.y - height / 2,
                        centre.x + width / 2, centre.y + height / 2 };
          covered = grid_covered (grid, &box);
          if (covered < least)
            {
              least = covered;
              best = centre;
            }
          if (covered == 0)
            return best;
        }
    }
  return best;
}

static double
edge_double (Agedge_t   *e,
             const char *name,
             double      fallback)
{
  const char *value = agget (e, (char *) name);
  char *end = NULL;
  double parsed = value != NULL ? g_ascii_strtod (value, &end) : 0;

  /* As Graphviz reads it: unreadable is the default, too small the least. */
  if (end == NULL || end == value || !isfinite (parsed))
    return fallback;
  return MAX (parsed, 1);
}

static char *
edge_string (Agedge_t   *e,
             const char *name,
             const char *fallback)
{
  char *value = agget (e, (char *) name);

  return value != NULL && *value != '\0' ? value : (char *) fallback;
}

void
qg_graph_labels_place (Agraph_t      *g,
                       QgTakenLabels *taken,
                       gboolean       laid_out)
{
  Grid grid = { 0 };

  if (taken == NULL)
    return;
  /* The graph's layout record, bounding box and all, is there only once
   * laid out. */
  if (laid_out)
    {
      boxf bb = GD_bb (g);
      double width = bb.UR.x - bb.LL.x, height = bb.UR.y - bb.LL.y;

      /* A map Graphviz could not measure is one cell. */
      if (!isfinite (width * height) || !isfinite (bb.LL.x) || !isfinite (bb.LL.y))
        width = height = 1, bb = (boxf) { { 0, 0 }, { 1, 1 } };
      width = MAX (width, 1);
      height = MAX (height, 1);
      grid.bb = (Box) { bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y };
      /* Square cells, no more than CELLS_MAX of them, and no more than
       * CELLS_ACROSS along either side of a long, thin map. */
      grid.cell = MAX (CELL_MIN, sqrt (width * height / CELLS_MAX));
      grid.cell = MAX (grid.cell, MAX (width, height) / CELLS_ACROSS);
      grid.columns = cell_of (ceil (width / grid.cell), CELLS_ACROSS + 1);
      grid.rows = cell_of (ceil (height / grid.cell), CELLS_ACROSS + 1);
      grid.columns = MAX (grid.columns, 1);
      grid.rows = MAX (grid.rows, 1);
      grid.cells = g_new0 (GArray *, (gsize) grid.columns * grid.rows);
      grid.boxes = g_array_new (FALSE, FALSE, sizeof (Box));
      for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
        {
          double w = ND_width (n) * 72 / 2, h = ND_height (n) * 72 / 2;
          Box box = { ND_coord (n).x - w, ND_coord (n).y - h, ND_coord (n).x + w,
                      ND_coord (n).y + h };

          grid_add (&grid, &box);
        }
    }

  for (guint i = 0; i < taken->edges->len; i++)
    {
      Agedge_t *e = taken->edges->pdata[i];
      char *text = taken->texts->pdata[i];
      textlabel_t *label;
      Box box;

      /* The attribute as it was, for whatever reads the graph next. */
      agxset (e, taken->label, text);
      if (!laid_out)
        continue;
      label = make_label (e, text, aghtmlstr (text) ? GV_LT_HTML : GV_LT_NONE,
                          edge_double (e, "fontsize", 14), edge_string (e, "fontname", "Times-Roman"),
                          edge_string (e, "fontcolor", "black"));
      ED_label (e) = label;
      label->pos = place_one (&grid, e, label->dimen.x, label->dimen.y);
      label->set = TRUE;
      box = (Box) { label->pos.x - label->dimen.x / 2, label->pos.y - label->dimen.y / 2,
                    label->pos.x + label->dimen.x / 2, label->pos.y + label->dimen.y / 2 };
      grid_add (&grid, &box);
    }
  if (laid_out && taken->edges->len > 0)
    GD_has_labels (g) |= GV_EDGE_LABEL;

  for (guint i = 0; i < taken->texts->len; i++)
    agstrfree (g, taken->texts->pdata[i]);
  if (grid.cells != NULL)
    for (gsize i = 0; i < (gsize) grid.columns * grid.rows; i++)
      if (grid.cells[i] != NULL)
        g_array_unref (grid.cells[i]);
  g_free (grid.cells);
  if (grid.boxes != NULL)
    g_array_unref (grid.boxes);
  g_ptr_array_unref (taken->edges);
  g_ptr_array_unref (taken->texts);
  g_free (taken);
}
