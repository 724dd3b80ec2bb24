/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The kinds and stances on the map, each a toggle that shows or hides it:
 * a view of a list of QgFacet. */

#define QG_TYPE_LEGEND (qg_legend_get_type ())
G_DECLARE_FINAL_TYPE (QgLegend, qg_legend, QG, LEGEND, GtkWidget)

void        qg_legend_set_model (QgLegend   *self,
                                 GListModel *model);
GListModel *qg_legend_get_model (QgLegend   *self);

G_END_DECLS
