/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a layout's places as the cache or the layout worker
 * could hand them back, damaged or hostile, read against the graph they
 * claim to be of (qg-graph-places.c), and drawn. The input is a DOT
 * text, a NUL, and the places. */
#include <stdint.h>
#include <string.h>

#include "qg-graph-private.h"

#define MAX_DOT_BYTES 4096

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  g_autofree char *dot = NULL;
  g_autoptr(QgGraph) graph = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(QgPlaces) places = NULL;
  g_autoptr(QgDrawing) drawing = NULL;
  g_autoptr(GError) error = NULL;

  if (nul == NULL || nul - data > MAX_DOT_BYTES)
    return 0;
  dot = g_strndup ((const char *) data, nul - data);
  graph = qg_graph_new_from_dot (dot, NULL, NULL, &error);
  if (graph == NULL)
    return 0;
  bytes = g_bytes_new (nul + 1, size - (nul + 1 - data));
  places = qg_places_read (graph, bytes, &error);
  if (places == NULL)
    return 0;
  qg_graphviz_lock ();
  drawing = qg_graph_extract_drawing (graph, places);
  qg_graphviz_unlock ();
  g_assert (qg_drawing_get_n_nodes (drawing) == qg_graph_get_n_entities (graph));
  return 0;
}
