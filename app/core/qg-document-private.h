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
  GBytes     *text_bytes;  /* the text read from text_file, or NULL */
  GFile      *text_file;   /* where it was read from, or NULL */
  gsize       text_len;

  QgEntity   *entities;
  guint       n_entities;
  QgQuote    *quotes;
  guint       n_quotes;
  QgRelation *relations;
  guint       n_relations;

  GHashTable *entity_index;    /* id → index + 1 */
  GHashTable *quote_index;     /* id → index + 1 */
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
 * which the problems are located (NULL: none). @previous is the document
 * an edit was made to, whose article and unchanged quotes are taken as
 * they are, or NULL. */
QgDocument *qg_document_read_tree      (JsonNode      *root,
                                        const char    *data,
                                        gsize          length,
                                        GFile         *base_dir,
                                        const char    *display_name,
                                        QgDocument    *previous,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* A file read as qg_document_load() reads a document: a regular file of
 * at most QG_DOCUMENT_MAX_BYTES, NUL-terminated; errors
 * (QG_DOCUMENT_ERROR_READ, _TOO_LARGE) begin with @display_name. Other
 * formats read through it, so that they have the same limits. */
gboolean    qg_document_read_file      (GFile         *file,
                                        const char    *display_name,
                                        GCancellable  *cancellable,
                                        char         **contents,
                                        gsize         *length,
                                        GError       **error);
/* JSON text parsed as a document's is: the size limit, then the strict
 * syntax check (qg-json.h) that locates an error as "NAME:LINE:COL: error:
 * …" (QG_DOCUMENT_ERROR_SYNTAX), then json-glib. */
JsonNode   *qg_document_parse_json     (const char    *data,
                                        gsize          length,
                                        const char    *display_name,
                                        GError       **error);

/* Whether the document @root would be has @self's article: the same node,
 * which versions made by edits share. */
gboolean    qg_document_shares_article (QgDocument    *self,
                                        JsonNode      *root);
/* The version of @like that @root is (a tree made from @like's by edits,
 * or one of its versions in a history): the same file and article, the
 * places of its unchanged quotes taken from @like. */
QgDocument *qg_document_new_version    (QgDocument    *like,
                                        JsonNode      *root,
                                        GError       **error);

/* "Café owners in Zürich" → "cafe-owners-in-zurich", for ids made
 * from names: at most @max characters. */
char       *qg_document_slug           (const char    *text,
                                        gsize          max);

/* FORMAT.md's "ISO 8601 date", as docs/format-notes.md reads it. */
gboolean    qg_document_date_is_valid  (const char    *s);
/* A name as a person reads it, to compare: "the Bell" is "The Bell". */
char       *qg_document_name_key      (const char    *name);

/* What the readers of a valid document look up by entity and by id. */
void        qg_document_build_indexes  (QgDocument    *self);

G_END_DECLS
