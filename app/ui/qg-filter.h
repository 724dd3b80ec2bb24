/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qg-document.h"

G_BEGIN_DECLS

/* What the filters hide: kinds of entity, stances of relation, drafts. One
 * filter drives the map, the legend, the filter menu and the export;
 * "changed" is emitted on every change. */

#define QG_TYPE_FILTER (qg_filter_get_type ())
G_DECLARE_FINAL_TYPE (QgFilter, qg_filter, QG, FILTER, GObject)

QgFilter *qg_filter_new               (void);
gboolean  qg_filter_get_kind_hidden   (QgFilter   *self,
                                       const char *kind);
void      qg_filter_set_kind_hidden   (QgFilter   *self,
                                       const char *kind,
                                       gboolean    hidden);
gboolean  qg_filter_get_stance_hidden (QgFilter   *self,
                                       QgStance    stance);
void      qg_filter_set_stance_hidden (QgFilter   *self,
                                       QgStance    stance,
                                       gboolean    hidden);
/* What is drafted and not yet checked ("draft": true). */
gboolean  qg_filter_get_drafts_hidden (QgFilter   *self);
void      qg_filter_set_drafts_hidden (QgFilter   *self,
                                       gboolean    hidden);
/* Shows everything again. */
void      qg_filter_reset             (QgFilter   *self);
/* One flag per entity and per relation of @document (an edge goes with
 * either end, and with its stance); returns whether any is set. */
gboolean  qg_filter_apply             (QgFilter   *self,
                                       QgDocument *document,
                                       guint8    **entities,
                                       guint8    **relations);

G_END_DECLS
