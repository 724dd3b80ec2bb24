/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the benchmarks share to report their times: an order for qsort()
 * of doubles, to take medians and the slowest. */

#include <glib.h>

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}
