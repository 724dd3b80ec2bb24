/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "qg-document.h"

G_BEGIN_DECLS

/* Shared by the model (qg-document.c) and its loader
 * (qg-document-loader.c). */
struct _QgDocument
{
  GObject     parent_instance;

  GFile      *file;
  /* The parsed JSON tree: the model's strings are borrowed from it. */
  JsonNode   *root;
  const char *title;
  const char *source;
  const char *published;
  const char *text;
  char       *owned_text;  /* the text read from text_file, or NULL */
  GFile      *text_file;   /* where it was read from, or NULL */
  gsize       text_len;

  QgEntity   *entities;
  guint       n_entities;
  QgQuote    *quotes;
  guint       n_quotes;
  QgRelation *relations;
  guint       n_relations;

  GHashTable *entity_index;    /* id → index + 1 */
  GHashTable *relation_index;  /* id → index + 1 */
  /* Per entity, as ranges into one array each (n_entities + 1 starts):
   * the quotes it speaks, and the relations it is an end of, in the
   * document's order. */
  guint      *speaker_starts;
  guint      *speaker_quotes;
  guint      *entity_starts;
  guint      *entity_relations;
};

/* Reads a parsed document; @data is the JSON text it was parsed from, in
 * which the problems are located (NULL: none). */
QgDocument *qg_document_read_tree      (JsonNode      *root,
                                        const char    *data,
                                        gsize          length,
                                        GFile         *base_dir,
                                        const char    *display_name,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* What the readers of a valid document look up by entity and by id. */
void        qg_document_build_indexes  (QgDocument    *self);

G_END_DECLS
