/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the AIF reader, and what is made of a graph it read:
 * its DOT, its article, its AIF again. */
#include <stdint.h>

#include "qg-aif.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(QgAifGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dot = NULL;
  g_autofree char *written = NULL;
  g_autoptr(QgAifGraph) again = NULL;
  gsize length;

  graph = qg_aif_graph_load_from_data ((const char *) data, size, "fuzz.json", &error);
  if (graph == NULL)
    return 0;

  dot = qg_aif_graph_to_dot (graph);
  written = qg_aif_graph_write (graph, &length);
  again = qg_aif_graph_load_from_data (written, length, "written.json", &error);
  if (again == NULL)
    g_error ("a written AIF graph does not load: %s", error->message);
  return 0;
}
