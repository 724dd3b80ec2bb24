/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-export.h"
#include "qg-graph.h"

G_BEGIN_DECLS

/* A Graphviz DOT file, read by cgraph itself (through qg-graph.h, which
 * owns Graphviz), to be checked and drawn as Graphviz draws it. Files are
 * read as documents are: at most QG_DOCUMENT_MAX_BYTES. Errors are in
 * QG_DOCUMENT_ERROR (_READ, _TOO_LARGE, _SYNTAX: "FILE:LINE: error: …") or
 * QG_GRAPH_ERROR (an unknown engine), and begin with @display_name. */

QgGraph  *qg_dot_load            (GFile           *file,
                                  const char      *display_name,
                                  const char      *engine,
                                  GCancellable    *cancellable,
                                  GError         **error);
/* @data need not end with a NUL; its size is the caller's to limit. */
QgGraph  *qg_dot_load_from_data  (const char      *data,
                                  gsize            length,
                                  const char      *display_name,
                                  const char      *engine,
                                  GError         **error);
/* Lays @graph out and writes it to @path as SVG, PNG or PDF, drawn by
 * Graphviz's own renderers, whole or not at all. Errors begin with
 * @display_name (the DOT file's) for the layout, with @path for the
 * writing. */
gboolean  qg_dot_export_to_file  (QgGraph         *graph,
                                  const char      *display_name,
                                  QgExportFormat   format,
                                  const char      *path,
                                  GError         **error);

G_END_DECLS
