/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

/* A document the program made (loaded, or drafted) is a document like
 * any other: saved, it loads again. Anything else is a bug, and aborts. */
static inline void
fuzz_assert_reloads (QgDocument *doc,
                     const char *what)
{
  gsize length;
  g_autofree char *saved = qg_document_to_json (doc, NULL, &length);
  g_autoptr(QgDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  again = qg_document_load_from_data (saved, length, NULL, "saved.json", NULL, &error);
  if (again == NULL)
    g_error ("%s does not load again: %s", what, error->message);
}
