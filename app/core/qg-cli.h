/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of the headless commands. */
enum
{
  QG_EXIT_OK = 0,
  QG_EXIT_INVALID = 1,  /* a bad document, or the output could not be written */
  QG_EXIT_USAGE = 2,
};

GFile *qg_bundled_document      (void);
char  *qg_cli_display_name      (const char *path);
int    qg_cli_check             (const char *path);
int    qg_cli_export            (const char *output,
                                 const char *engine,
                                 int         dpi,
                                 gboolean    without_drafts,
                                 const char *path);
/* Drafts a map of the article at @path (text or HTML) and writes it as
 * JSON to @output, whole or not at all, or to standard output if NULL. */
int    qg_cli_draft             (const char *path,
                                 const char *output);

G_END_DECLS
