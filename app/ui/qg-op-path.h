/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "qg-layout.h"

G_BEGIN_DECLS

/* Adds the outline of a shape op (ellipse, polygon, spline, line) to
 * @cr's path, moved by (dx, dy); a text op adds nothing. @pts: its points. */
void qg_op_path (cairo_t      *cr,
                 const QgOp   *op,
                 const double *pts,
                 double        dx,
                 double        dy);

G_END_DECLS
