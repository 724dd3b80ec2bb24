/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

G_BEGIN_DECLS

/* How the map shows kinds of entity and stances of relation: the one table
 * that the Graphviz graph, the exports' legend, the window's legend, the
 * filters and the interactive view all read. */

typedef enum
{
  QG_KIND_PERSON,
  QG_KIND_AGENCY,
  QG_KIND_GOVERNMENT,
  QG_KIND_COMPANY,
  QG_KIND_RETAILER,
  QG_KIND_MEDIA,
  QG_KIND_GROUP,
  QG_KIND_COUNTRY,
  QG_KIND_EVENT,
  QG_KIND_OTHER,     /* any kind a document names that FORMAT.md does not style */
  QG_N_KINDS
} QgKind;

/* Colours by scheme: [QG_SCHEME_LIGHT] and [QG_SCHEME_DARK]. */
typedef enum
{
  QG_SCHEME_LIGHT,
  QG_SCHEME_DARK,
  QG_N_SCHEMES
} QgScheme;

typedef struct
{
  const char *name;                  /* as documents write it; NULL for QG_KIND_OTHER */
  const char *label;                 /* untranslated: use qg_kind_display_name () */
  const char *shape;                 /* Graphviz */
  const char *style;                 /* Graphviz */
  gboolean    dashed;                /* the outline */
  const char *fill[QG_N_SCHEMES];    /* "#rrggbb" */
  const char *stroke[QG_N_SCHEMES];
} QgKindStyle;

typedef struct
{
  const char *label;                 /* untranslated: use qg_stance_display_name () */
  const char *style;                 /* Graphviz */
  const char *pen_width;             /* Graphviz */
  /* Graphviz's arrowhead: a stance is told by its shape as well as its
   * colour (an opposition ends in a bar, ⊣), for whoever does not see
   * the colours apart, and in high contrast. */
  const char *arrowhead;
  const char *legend_arrow;          /* the arrow the exports' legend writes */
  gboolean    dashed;
  const char *color[QG_N_SCHEMES];
} QgStanceStyle;

/* What text on the map is drawn in. */
typedef struct
{
  const char *node_text[QG_N_SCHEMES];
  const char *edge_text[QG_N_SCHEMES];
} QgTextStyle;

QgKind               qg_kind_from_string      (const char *kind);
const QgKindStyle   *qg_kind_get_style        (QgKind      kind);
/* The translated name of a styled kind, or the document's own word with
 * a capital first letter ("facility" → "Facility"). */
char                *qg_kind_display_name     (const char *kind);
/* What a legend shows of a kind: its display name on one line, cut to
 * QG_LEGEND_MAX_CHARS (qg-label.h). */
char                *qg_kind_legend_name      (const char *kind);

const QgStanceStyle *qg_stance_get_style      (QgStance    stance);
const char          *qg_stance_display_name   (QgStance    stance);
/* Stances in the order legends list them: supports, opposes, neutral. */
const QgStance      *qg_stance_legend_order   (guint      *n_stances);

const QgTextStyle   *qg_text_get_style        (void);

/* The kinds of the entities not hidden (flags, or NULL), each once, in
 * legend order: the styled kinds in the table's order, then the others in
 * the order they first appear. The strings are the document's. */
GPtrArray           *qg_kinds_present         (QgDocument   *document,
                                               const guint8 *hidden_entities);
/* Which stances the relations not hidden have. */
void                 qg_stances_present       (QgDocument   *document,
                                               const guint8 *hidden_relations,
                                               gboolean      present[3]);

/* "#rrggbb" as 0 to 1 components. */
void                 qg_color_parse           (const char *color,
                                               double     *red,
                                               double     *green,
                                               double     *blue);

G_END_DECLS
