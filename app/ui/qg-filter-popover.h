/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The filter menu: a check button for every kind and stance on the map, a
 * view of the same list of QgFacet as the legend. */

#define QG_TYPE_FILTER_POPOVER (qg_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (QgFilterPopover, qg_filter_popover, QG, FILTER_POPOVER, GtkPopover)

void        qg_filter_popover_set_model (QgFilterPopover *self,
                                         GListModel      *model);
GListModel *qg_filter_popover_get_model (QgFilterPopover *self);

G_END_DECLS
