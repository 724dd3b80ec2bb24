/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a finished layout as the cache could hand it back,
 * damaged or hostile (qg-layout-store.c), read for a small document of
 * four entities and five relations (ids e0…e3, r0…r4, as
 * qg_test_map_json makes them). What is read must be whole. */
#include <stdint.h>
#include <string.h>

#include "qg-layout.h"
#include "../qg-test-utils.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static QgDocument *doc;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(QgLayout) layout = NULL;
  guint n_ops;

  if (doc == NULL)
    doc = qg_test_load_map (4, 5);
  bytes = g_bytes_new (data, size);
  layout = qg_layout_read (bytes, "neato", doc);
  if (layout == NULL)
    return 0;
  n_ops = qg_layout_get_n_ops (layout);
  g_assert (qg_layout_get_n_nodes (layout) == 4 && qg_layout_get_n_edges (layout) == 5);
  for (guint i = 0; i < 9; i++)
    {
      const QgItem *item = i < 4 ? qg_layout_get_node (layout, i)
                                 : qg_layout_get_edge (layout, i - 4);

      g_assert (item->first_op + item->n_ops <= n_ops);
      g_assert (item->first_text + item->n_texts <= n_ops);
      for (guint k = 0; k < item->n_ops + item->n_texts; k++)
        {
          const QgOp *op = qg_layout_get_op (layout, k < item->n_ops ? item->first_op + k
                                                                     : item->first_text + k - item->n_ops);
          const double *points = qg_layout_get_points (layout);

          /* Every point readable. */
          for (guint p = 0; p < op->n_points; p++)
            g_assert (points[2 * (op->first + p)] == points[2 * (op->first + p)]);
        }
    }
  return 0;
}
