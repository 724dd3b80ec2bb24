/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: an article read as a file is (HTML reduced to its
 * text, or plain text), then drafted into a map. */
#include <stdint.h>

#include "qg-article-draft.h"
#include "qg-drafter.h"
#include "qg-document.h"

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
    {
      gsize length;
      g_autofree char *saved = qg_document_to_json (doc, NULL, &length);
      g_autoptr(QgDocument) again = NULL;

      /* A draft is a document like any other: it saves and loads. */
      again = qg_document_load_from_data (saved, length, NULL, "draft.json", NULL, &error);
      if (again == NULL)
        g_error ("a draft does not load: %s", error->message);
    }
  return 0;
}
