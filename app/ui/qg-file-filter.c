/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-file-filter"

#include "config.h"

#include "qg-file-filter.h"

void
qg_file_chooser_add_filter (GtkFileChooser     *chooser,
                            const char         *name,
                            const char * const *mime_types,
                            const char * const *suffixes)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types && mime_types[i]; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes && suffixes[i]; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  if (mime_types == NULL && suffixes == NULL)
    gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (chooser, filter);
}
