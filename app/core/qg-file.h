/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data to @path whole or not at all: through a temporary file with
 * a short name of its own, in the same folder, renamed into place. A
 * failure leaves no partial file and any earlier file as it was. A
 * symbolic link is followed, as editors do: the file it points to is
 * written, and the link kept. A file replaced keeps its permissions.
 *
 * On failure, @error (G_FILE_ERROR) says why in words for the person who
 * chose @path, and names no file of its own: the caller names @path. */
gboolean qg_file_replace_contents (const char  *path,
                                   const void  *data,
                                   gsize        length,
                                   GError     **error);

G_END_DECLS
