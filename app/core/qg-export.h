/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

G_BEGIN_DECLS

#define QG_EXPORT_ERROR (qg_export_error_quark ())

typedef enum
{
  QG_EXPORT_ERROR_NOT_XML,  /* the SVG would not be well-formed XML */
} QgExportError;

typedef enum
{
  QG_EXPORT_UNKNOWN,
  QG_EXPORT_SVG,
  QG_EXPORT_PNG,
  QG_EXPORT_PDF,
  QG_EXPORT_DOT,
  QG_EXPORT_AIF,  /* AIF JSON (qg-aif.h), for argument-mapping tools */
} QgExportFormat;

/* PNG resolution, in dots per inch, unless asked otherwise. */
#define QG_EXPORT_DEFAULT_DPI 96

typedef struct
{
  const char   *engine;            /* NULL: chosen by the document's size */
  int           dpi;               /* PNG only; 0: QG_EXPORT_DEFAULT_DPI */
  const guint8 *hidden_entities;   /* left out, as the window's filters hide them */
  const guint8 *hidden_relations;
  /* Drafted entities and relations left out, and drafted quotes; else
   * drafts are drawn marked: dotted, oblique, class "draft" and "(draft)"
   * in their titles (docs/format-notes.md, "Drafts"). */
  gboolean      without_drafts;
  /* Cancelled, the layout's worker is ended at once and nothing is
   * written: the error is G_IO_ERROR_CANCELLED. NULL: not cancellable. */
  GCancellable *cancellable;
} QgExportOptions;

GQuark          qg_export_error_quark      (void);
QgExportFormat  qg_export_format_for_path  (const char             *path);
const char     *qg_export_extension        (QgExportFormat          format);
const char     *qg_export_supported        (void);
/* Every error names @path first, as "PATH: …": those before the writing
 * (QG_GRAPH_ERROR from Graphviz, QG_EXPORT_ERROR for the SVG) and those of
 * the writing (G_FILE_ERROR). */
gboolean        qg_export_to_file          (QgDocument             *document,
                                            const QgExportOptions  *options,
                                            QgExportFormat          format,
                                            const char             *path,
                                            GError                **error);
/* Writes @bytes to @path whole or not at all (qg-file.c says how); the
 * error names @path: "PATH: could not write the map: …". */
gboolean        qg_export_write            (GBytes                 *bytes,
                                            const char             *path,
                                            GError                **error);
/* What the SVG export adds to Graphviz's SVG: a root that scales to its
 * container (width="100%", no height, Graphviz's viewBox), a title and a
 * description of the map (which counts the entities and relations shown),
 * the legend's own class, and the quotes as each group's title. */
char           *qg_export_finish_svg       (QgDocument             *document,
                                            guint                   n_entities,
                                            guint                   n_relations,
                                            const char             *svg,
                                            gsize                   length);

G_END_DECLS
