/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "qg-op-path.h"

void
qg_op_path (cairo_t      *cr,
            const QgOp   *op,
            const double *pts,
            double        dx,
            double        dy)
{
  switch (op->kind)
    {
    case QG_OP_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, op->x + dx, op->y + dy);
      cairo_scale (cr, MAX (op->w, 1e-3), MAX (op->h, 1e-3));
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;
    case QG_OP_POLYGON:
    case QG_OP_POLYLINE:
      if (op->n_points == 0)
        break;
      cairo_move_to (cr, pts[0] + dx, pts[1] + dy);
      for (guint i = 1; i < op->n_points; i++)
        cairo_line_to (cr, pts[2 * i] + dx, pts[2 * i + 1] + dy);
      if (op->kind == QG_OP_POLYGON)
        cairo_close_path (cr);
      break;
    case QG_OP_BEZIER:
      if (op->n_points == 0)
        break;
      cairo_move_to (cr, pts[0] + dx, pts[1] + dy);
      for (guint i = 1; i + 2 < op->n_points; i += 3)
        cairo_curve_to (cr, pts[2 * i] + dx, pts[2 * i + 1] + dy, pts[2 * i + 2] + dx,
                        pts[2 * i + 3] + dy, pts[2 * i + 4] + dx, pts[2 * i + 5] + dy);
      if (op->filled)
        cairo_close_path (cr);
      break;
    case QG_OP_TEXT:
    default:
      break;
    }
}
