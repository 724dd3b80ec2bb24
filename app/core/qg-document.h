/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QG_DOCUMENT_ERROR (qg_document_error_quark ())

typedef enum
{
  QG_DOCUMENT_ERROR_READ,       /* the file (or its text_file) cannot be read */
  QG_DOCUMENT_ERROR_TOO_LARGE,  /* over QG_DOCUMENT_MAX_BYTES */
  QG_DOCUMENT_ERROR_SYNTAX,     /* not JSON, or nested too deep */
  QG_DOCUMENT_ERROR_INVALID,    /* JSON that breaks FORMAT.md */
} QgDocumentError;

/* Limits that protect the machine; documented in docs/format-notes.md. */
#define QG_DOCUMENT_MAX_BYTES  (64 * 1024 * 1024)
#define QG_DOCUMENT_MAX_DEPTH  64
#define QG_DOCUMENT_MAX_ERRORS 100

typedef enum
{
  QG_STANCE_NEUTRAL,
  QG_STANCE_SUPPORT,
  QG_STANCE_OPPOSE,
} QgStance;

/* The model is read-only: its strings live as long as the document. */
typedef struct
{
  const char  *id;
  const char  *name;
  const char  *kind;
  const char **aliases;      /* NULL-terminated, never NULL */
  const char  *description;  /* or NULL */
} QgEntity;

typedef struct
{
  const char *id;
  const char *text;    /* as written in the document */
  const char *note;    /* or NULL */
  gint   speaker;      /* entity index, or -1 */
  guint  occurrence;
  gsize  start;        /* the passage's byte range in the article text */
  gsize  end;
} QgQuote;

typedef struct
{
  const char *id;
  const char *label;
  gint      source;    /* entity index */
  gint      target;    /* entity index */
  QgStance  stance;
  guint    *evidence;  /* quote indices */
  guint     n_evidence;
} QgRelation;

#define QG_TYPE_DOCUMENT (qg_document_get_type ())
G_DECLARE_FINAL_TYPE (QgDocument, qg_document, QG, DOCUMENT, GObject)

GQuark            qg_document_error_quark      (void);

QgDocument       *qg_document_load             (GFile         *file,
                                                const char    *display_name,
                                                GCancellable  *cancellable,
                                                GError       **error);
QgDocument       *qg_document_load_from_data   (const char    *data,
                                                gsize          length,
                                                GFile         *base_dir,
                                                const char    *display_name,
                                                GCancellable  *cancellable,
                                                GError       **error);
void              qg_document_load_async       (GFile               *file,
                                                const char          *display_name,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
QgDocument       *qg_document_load_finish      (GAsyncResult  *result,
                                                GError       **error);

GFile            *qg_document_get_file         (QgDocument    *self);
const char       *qg_document_get_title        (QgDocument    *self);
const char       *qg_document_get_source       (QgDocument    *self);
const char       *qg_document_get_published    (QgDocument    *self);
const char       *qg_document_get_text         (QgDocument    *self,
                                                gsize         *length);

guint             qg_document_get_n_entities   (QgDocument    *self);
const QgEntity   *qg_document_get_entity       (QgDocument    *self,
                                                guint          index);
gint              qg_document_find_entity      (QgDocument    *self,
                                                const char    *id);
guint             qg_document_get_n_quotes     (QgDocument    *self);
const QgQuote    *qg_document_get_quote        (QgDocument    *self,
                                                guint          index);
guint             qg_document_get_n_relations  (QgDocument    *self);
const QgRelation *qg_document_get_relation     (QgDocument    *self,
                                                guint          index);

const char       *qg_stance_to_string          (QgStance       stance);
gboolean          qg_kind_is_known             (const char    *kind);

G_END_DECLS
