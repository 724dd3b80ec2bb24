/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-facet.h"

G_BEGIN_DECLS

/* A kind's box, in its fill and stroke, a stance's arrow, dashed where
 * the map dashes it, or the drafts' dotted box: the same colours as the
 * map, light or dark. */

#define QG_TYPE_SWATCH (qg_swatch_get_type ())
G_DECLARE_FINAL_TYPE (QgSwatch, qg_swatch, QG, SWATCH, GtkWidget)

GtkWidget *qg_swatch_new (QgFacet *facet);

G_END_DECLS
