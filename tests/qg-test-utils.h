/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

/* A document of tests/data/DIR, named by its file name in messages. */
static inline QgDocument *
qg_test_load (const char *dir,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load (file, name, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* tests/data/valid/small.json: three entities, four quotes, three relations. */
static inline QgDocument *
qg_test_load_small (void)
{
  return qg_test_load ("valid", "small.json");
}
