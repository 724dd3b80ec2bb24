/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: an article read as a file is (HTML reduced to its
 * text, or plain text), then drafted into a map. */
#include <stdint.h>

#include "qg-article-draft.h"
#include "qg-drafter.h"
#include "qg-document.h"
#include "fuzz-reload.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(QgArticleDraft) article = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  article = qg_article_draft_from_data ((const char *) data, size, "fuzz", &error);
  if (article == NULL)
    return 0;

  doc = qg_drafter_draft (article->text, article->length,
                          article->title != NULL ? article->title : "Fuzz",
                          article->source, article->published, NULL, &error);
  if (doc != NULL)
    fuzz_assert_reloads (doc, "a draft");
  return 0;
}
