/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the document loader, quote verification included.
 * The input is a FORMAT.md document, then a NUL byte, then the article
 * text: the text replaces the document's own "article" text (or
 * text_file), so that quotes are checked against fuzzed text too. */
#include <stdint.h>

#include "qg-document.h"
#include "fuzz-reload.h"
#include "qg-document-private.h"

/* The document with its article's text made @text: new objects, since
 * the parsed tree is immutable. */
static JsonNode *
with_article_text (JsonNode   *root,
                   const char *text)
{
  JsonObject *old_root = json_node_get_object (root);
  JsonNode *old_article = json_object_get_member (old_root, "article");
  g_autoptr(JsonObject) new_root = json_object_new ();
  g_autoptr(JsonObject) article = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  if (old_article == NULL || !JSON_NODE_HOLDS_OBJECT (old_article))
    return json_node_ref (root);

  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, json_node_get_object (old_article));
  while (json_object_iter_next (&iter, &name, &member))
    if (g_strcmp0 (name, "text") != 0 && g_strcmp0 (name, "text_file") != 0)
      json_object_set_member (article, name, json_node_copy (member));
  json_object_set_string_member (article, "text", text);

  json_object_iter_init (&iter, old_root);
  while (json_object_iter_next (&iter, &name, &member))
    if (g_strcmp0 (name, "article") == 0)
      json_object_set_object_member (new_root, name, json_object_ref (article));
    else
      json_object_set_member (new_root, name, json_node_copy (member));

  json_node_set_object (node, new_root);
  return node;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *json = (const char *) data;
  const char *nul = memchr (data, '\0', size);
  gsize json_length = nul != NULL ? (gsize) (nul - json) : size;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  parsed = qg_document_parse_json (json, json_length, "fuzz.json", &error);
  if (parsed == NULL)
    return 0;

  if (nul != NULL && JSON_NODE_HOLDS_OBJECT (parsed))
    {
      /* A JSON string is UTF-8: what is not is made so, as a file's
       * text would be refused before the quotes are read. */
      g_autofree char *text = g_utf8_make_valid (nul + 1, size - json_length - 1);

      root = with_article_text (parsed, text);
    }
  else
    root = json_node_ref (parsed);

  doc = qg_document_read_tree (root, json, json_length, NULL, "fuzz.json", NULL, NULL, &error);
  if (doc != NULL)
    fuzz_assert_reloads (doc, "a saved document");
  return 0;
}
