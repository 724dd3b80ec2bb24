/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a DOT file read, laid out and turned into the
 * drawing the viewer shows (names, attributes, geometry), as the window
 * does it: the layout in the layout worker (run.sh points
 * QUOTEGRAPH_LAYOUT_WORKER at the fuzz build's), whose crash is an
 * error here, and the worker's answer read back in this process. Each
 * input starts a process: small inputs only, and few a second. */
#include <stdint.h>

#include "qg-dot.h"
#include "qg-drawing.h"
#include "qg-graph.h"

#define MAX_DOT_BYTES 4096

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(QgGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDrawing) drawing = NULL;

  if (size > MAX_DOT_BYTES)
    return 0;

  graph = qg_dot_load_from_data ((const char *) data, size, "fuzz.gv", NULL, &error);
  if (graph == NULL)
    return 0;
  drawing = qg_graph_run_drawing (graph, NULL, &error);
  if (drawing == NULL)
    return 0;
  for (guint i = 0; i < qg_drawing_get_n_nodes (drawing); i++)
    {
      const char * const *attributes = qg_drawing_get_node_attributes (drawing, i);

      qg_drawing_find_node (drawing, qg_drawing_get_node_name (drawing, i));
      qg_drawing_lookup (attributes, "label");
    }
  for (guint i = 0; i < qg_drawing_get_n_edges (drawing); i++)
    {
      qg_drawing_get_edge_name (drawing, i);
      qg_drawing_get_edge_tail (drawing, i);
      qg_drawing_get_edge_head (drawing, i);
      qg_drawing_lookup (qg_drawing_get_edge_attributes (drawing, i), "label");
    }
  qg_drawing_lookup (qg_drawing_get_graph_attributes (drawing), "bb");
  return 0;
}
