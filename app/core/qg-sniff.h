/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a file given to the window is, told by its content, not its name:
 * a map is opened, an article starts a new one, anything else is refused
 * with the reason. */

#define QG_SNIFF_ERROR (qg_sniff_error_quark ())

typedef enum
{
  QG_SNIFF_ERROR_READ,          /* the file cannot be read */
  QG_SNIFF_ERROR_UNRECOGNISED,  /* neither a document nor an article */
  /* Not documents, but graphs of their own, which the window draws
   * (qg_window_open_drawing) and --check and --export read: */
  QG_SNIFF_ERROR_AIF,           /* an AIF argument map (qg-aif.h) */
  QG_SNIFF_ERROR_DOT,           /* a Graphviz DOT graph (qg-dot.h) */
} QgSniffError;

typedef enum
{
  QG_FILE_KIND_UNKNOWN,   /* with an error that says what the file is */
  QG_FILE_KIND_DOCUMENT,  /* a Quotegraph document, or JSON the loader must judge */
  QG_FILE_KIND_TEXT,      /* a plain-text article, UTF-8 */
  QG_FILE_KIND_HTML,      /* an HTML article, in any character set */
} QgFileKind;

/* How much of a file is read to tell what it is. */
#define QG_SNIFF_BYTES (256 * 1024)

GQuark      qg_sniff_error_quark   (void);

/* @data is the start of a file, all of it if @complete. Messages begin
 * with @display_name, as the loader's do. */
QgFileKind  qg_sniff_data          (const char          *data,
                                    gsize                length,
                                    gboolean             complete,
                                    const char          *display_name,
                                    GError             **error);
QgFileKind  qg_sniff_file          (GFile               *file,
                                    const char          *display_name,
                                    GCancellable        *cancellable,
                                    GError             **error);
void        qg_sniff_file_async    (GFile               *file,
                                    const char          *display_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
QgFileKind  qg_sniff_file_finish   (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
