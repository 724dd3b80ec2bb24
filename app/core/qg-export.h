/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

G_BEGIN_DECLS

typedef enum
{
  QG_EXPORT_UNKNOWN,
  QG_EXPORT_SVG,
  QG_EXPORT_PNG,
  QG_EXPORT_PDF,
  QG_EXPORT_DOT,
} QgExportFormat;

QgExportFormat  qg_export_format_for_path  (const char     *path);
const char     *qg_export_supported        (void);
gboolean        qg_export_to_file          (QgDocument     *document,
                                            const char     *engine,
                                            QgExportFormat  format,
                                            const char     *path,
                                            GError        **error);

G_END_DECLS
