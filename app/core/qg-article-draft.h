/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An article on its way to becoming a new map: its text, exactly as the
 * map's quotes will have to be found in it, and what FORMAT.md's
 * `article` says of it. What qg_document_new_for_article() takes. */

#define QG_ARTICLE_ERROR (qg_article_error_quark ())

typedef enum
{
  QG_ARTICLE_ERROR_READ,       /* the file cannot be read */
  QG_ARTICLE_ERROR_TOO_LARGE,  /* over QG_ARTICLE_MAX_BYTES */
  QG_ARTICLE_ERROR_NOT_UTF8,   /* a text file that is not UTF-8 */
  QG_ARTICLE_ERROR_EMPTY,      /* no text in it */
  QG_ARTICLE_ERROR_DATE,       /* not a date FORMAT.md takes */
} QgArticleError;

/* An article file is read whole, as a document's text_file is: no more
 * than this is ever read. */
#define QG_ARTICLE_MAX_BYTES (64 * 1024 * 1024)

typedef enum
{
  QG_ARTICLE_KIND_TEXT,  /* plain text, kept byte for byte */
  QG_ARTICLE_KIND_HTML,  /* a page, reduced to its text */
} QgArticleKind;

typedef struct
{
  char          *text;       /* valid UTF-8, without a NUL */
  gsize          length;     /* of text, in bytes */
  char          *title;      /* or NULL */
  char          *source;     /* or NULL */
  char          *published;  /* in FORMAT.md's form, or NULL */
  QgArticleKind  kind;
} QgArticleDraft;

#define QG_TYPE_ARTICLE_DRAFT (qg_article_draft_get_type ())

GQuark          qg_article_error_quark          (void);
GType           qg_article_draft_get_type       (void) G_GNUC_CONST;

/* Copies every string; @length -1 means @text is NUL-terminated. */
QgArticleDraft *qg_article_draft_new            (const char      *text,
                                                 gssize           length,
                                                 const char      *title,
                                                 const char      *source,
                                                 const char      *published);
QgArticleDraft *qg_article_draft_copy           (const QgArticleDraft *draft);
void            qg_article_draft_free           (QgArticleDraft  *draft);

/* Whether @data (the start of a file is enough) is an HTML page or plain
 * text, by its content first: a page starts with a tag and says it is
 * HTML, or GIO guesses text/html from @name (or NULL) and the content. */
QgArticleKind   qg_article_guess_kind           (const char      *data,
                                                 gsize            length,
                                                 const char      *name);

/* The headline of a plain text article: its first line with words, when
 * it stands alone (text follows on other lines), is short enough for one
 * and does not end as a sentence does (in . , ; or :); or NULL. */
char           *qg_article_guess_title          (const char      *text,
                                                 gsize            length);

/* The article in @data: an HTML page reduced to its text and metadata, or
 * plain text exactly as it is (less a UTF-8 byte order mark) once it is
 * known to be UTF-8. Errors name @display_name and, for a byte that is
 * not UTF-8, its line and column (in characters). */
QgArticleDraft *qg_article_draft_from_data      (const char      *data,
                                                 gsize            length,
                                                 const char      *display_name,
                                                 GError         **error);
/* The same, for a regular file of at most QG_ARTICLE_MAX_BYTES. */
QgArticleDraft *qg_article_draft_read_file      (GFile           *file,
                                                 const char      *display_name,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
void            qg_article_draft_read_file_async (GFile               *file,
                                                  const char          *display_name,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
QgArticleDraft *qg_article_draft_read_file_finish (GAsyncResult  *result,
                                                   GError       **error);

/* Whether @date is a date as FORMAT.md's `published` takes it (the forms
 * docs/format-notes.md lists); if not, @error says why, in words for the
 * person who typed it. */
gboolean        qg_article_check_date           (const char      *date,
                                                 GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgArticleDraft, qg_article_draft_free)

G_END_DECLS
