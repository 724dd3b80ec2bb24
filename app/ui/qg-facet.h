/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qg-document.h"
#include "qg-filter.h"
#include "qg-kinds.h"

G_BEGIN_DECLS

/* One kind or one stance present in a document, as the legend and the
 * filter menu show it. Its "hidden" property reads and writes the filter,
 * and follows it whoever changes it. */

#define QG_TYPE_FACET (qg_facet_get_type ())
G_DECLARE_FINAL_TYPE (QgFacet, qg_facet, QG, FACET, GObject)

const char *qg_facet_get_label      (QgFacet    *self);
/* The document's kind, or NULL for a stance. */
const char *qg_facet_get_kind       (QgFacet    *self);
/* The style the swatch is drawn in. */
QgKind      qg_facet_get_style_kind (QgFacet    *self);
/* The stance, or -1 for a kind or for the drafts. */
int         qg_facet_get_stance     (QgFacet    *self);
/* The facet of what is drafted and not yet checked, when there is any. */
gboolean    qg_facet_is_drafts      (QgFacet    *self);
gboolean    qg_facet_get_hidden     (QgFacet    *self);
void        qg_facet_set_hidden     (QgFacet    *self,
                                     gboolean    hidden);

/* The kinds present in @document, then its stances, in the legend's
 * order (qg_kinds_present, qg_stance_legend_order), then its drafts if it
 * has any: a list of QgFacet. */
GListModel *qg_facet_list_new       (QgDocument *document,
                                     QgFilter   *filter);
/* Whether two such lists hold the same facets, in the same order. */
gboolean    qg_facet_list_equal     (GListModel *a,
                                     GListModel *b);

G_END_DECLS
