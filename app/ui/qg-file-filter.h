/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds to @chooser a filter named @name (translated) of the files of
 * @mime_types or @suffixes (NULL-terminated, either may be NULL); with
 * neither, of every file. */
void qg_file_chooser_add_filter (GtkFileChooser     *chooser,
                                 const char         *name,
                                 const char * const *mime_types,
                                 const char * const *suffixes);

G_END_DECLS
