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
  gboolean     draft;        /* drafted, not yet accepted by a person */
  guint        styled_kind;  /* qg_kind_from_string (kind), found once when read */
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
  gboolean draft;
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
  gboolean  draft;
} QgRelation;

/* qg-edit.h */
typedef struct _QgEdit QgEdit;
typedef struct _QgEditEffects QgEditEffects;

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

/* A new map of an article: a document with no file, whose article text is
 * exactly @text (@length bytes, or -1 if NUL-terminated), with no entity,
 * quote or relation yet. @source and @published may be NULL. */
QgDocument       *qg_document_new_for_article  (const char    *text,
                                                gssize         length,
                                                const char    *title,
                                                const char    *source,
                                                const char    *published,
                                                GError       **error);

/* Editing (qg-edit.h): a new document, the edit made to @self, which
 * stays as it is; *new_id (if given) is the id of what the edit added, or
 * NULL. An edit that would break a rule of the format is refused with
 * QG_DOCUMENT_ERROR_INVALID, its message the reason in words for the
 * person. */
QgDocument       *qg_document_apply            (QgDocument    *self,
                                                const QgEdit  *edit,
                                                char         **new_id,
                                                GError       **error);
/* What applying @edit would take with it (qg-edit.h); clear @effects
 * with qg_edit_effects_clear(). FALSE, with the reason, if it would be
 * refused. */
gboolean          qg_document_get_edit_effects (QgDocument    *self,
                                                const QgEdit  *edit,
                                                QgEditEffects *effects,
                                                GError       **error);

/* Saving: the document as FORMAT.md JSON, in a stable order (the format's,
 * then unknown members as they were), indented by two spaces, ended by a
 * line break. @file is where it is to be written, for its "text_file":
 * kept when it names the same file from there, else the text is written
 * inline; NULL keeps it as it is. */
char             *qg_document_to_json          (QgDocument    *self,
                                                GFile         *file,
                                                gsize         *length);
/* Writes whole or not at all, keeping the permissions of the file it
 * replaces (qg-file.c). Errors name @file: "FILE: could not save the map:
 * REASON". */
gboolean          qg_document_save             (QgDocument    *self,
                                                GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error);
void              qg_document_save_async       (QgDocument          *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean          qg_document_save_finish      (QgDocument    *self,
                                                GAsyncResult  *result,
                                                GError       **error);

GFile            *qg_document_get_file         (QgDocument    *self);
/* The file the article text was read from (its "text_file"), or NULL when
 * the document holds the text itself. */
GFile            *qg_document_get_text_file    (QgDocument    *self);
const char       *qg_document_get_title        (QgDocument    *self);
const char       *qg_document_get_source       (QgDocument    *self);
const char       *qg_document_get_published    (QgDocument    *self);
/* Whether @a and @b say the same: the same JSON, member for member. */
gboolean          qg_document_same_content     (QgDocument    *a,
                                                QgDocument    *b);
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
gint              qg_document_find_quote       (QgDocument    *self,
                                                const char    *id);
guint             qg_document_get_n_relations  (QgDocument    *self);
const QgRelation *qg_document_get_relation     (QgDocument    *self,
                                                guint          index);
gint              qg_document_find_relation    (QgDocument    *self,
                                                const char    *id);
/* The quotes an entity speaks, and the relations it is the source or the
 * target of, as indices in the document's order. */
const guint      *qg_document_get_speaker_quotes   (QgDocument *self,
                                                    guint       entity,
                                                    guint      *n_quotes);
const guint      *qg_document_get_entity_relations (QgDocument *self,
                                                    guint       entity,
                                                    guint      *n_relations);

/* Whether the two have the same article text, byte for byte: versions of
 * one map, or a map and a draft of its article. */
gboolean          qg_document_same_text        (QgDocument    *self,
                                                QgDocument    *other);
/* The entities, quotes and relations marked draft: still to be reviewed. */
guint             qg_document_count_drafts     (QgDocument    *self);

/* "Department of Homeland Security bans products of Kaspersky Lab" */
char             *qg_document_relation_sentence (QgDocument   *self,
                                                 guint         relation);
/* Appends a quote's passage, the article's own characters with each run of
 * white space as one space (runs are equivalent in FORMAT.md). */
void              qg_document_append_passage    (QgDocument   *self,
                                                 guint         quote,
                                                 GString      *out);
/* A quote with its source, for pasting into a report. */
char             *qg_document_quote_citation    (QgDocument   *self,
                                                 guint         quote);

const char       *qg_stance_to_string          (QgStance       stance);

/* The entities of a document by their names as a person reads them ("the
 * Bell" is "The Bell"), made once: the names of a map of 10,000 entities
 * take 14 ms to read through, too long for each key typed. The index
 * holds pointers into the document, which must outlive it. */
typedef struct _QgNameIndex QgNameIndex;

QgNameIndex      *qg_name_index_new            (QgDocument    *document);
/* The first entity but @except (or -1) named @name, by its name and then
 * by its other names, or -1; *@as_written is the name or other name that
 * matched, as the document writes it. */
gint              qg_name_index_find           (QgNameIndex   *self,
                                                const char    *name,
                                                gint           except,
                                                const char   **as_written);
void              qg_name_index_free           (QgNameIndex   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgNameIndex, qg_name_index_free)

G_END_DECLS
