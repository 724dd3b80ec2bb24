/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The drafter's reading of an article, shared by its parts:
 * qg-drafter-text.c (paragraphs, sentences, words and quotes),
 * qg-drafter-names.c (names and entities) and qg-drafter.c (speakers,
 * relations and the document). All places are byte offsets in the
 * article text. */

typedef struct
{
  gsize start;
  gsize end;
} QgRange;

typedef struct
{
  gsize  start;
  gsize  end;          /* the word, less a possessive "'s" */
  gsize  full_end;     /* with it */
  guint  sentence;
  guint  paragraph;
  gint   quote;        /* the quote it is in, or -1 */
  guint  cap : 1;      /* begins with a capital */
  guint  allcaps : 1;  /* two letters or more, none lower case: "DHS" */
  guint  initial : 1;  /* the first word of a sentence or of a quote */
  guint  possessive : 1;
  guint  lower_part : 1; /* hyphenated with a lower-case part: "US-owned" */
} QgToken;

typedef struct
{
  gsize    open;         /* the opening mark */
  gsize    close;        /* the closing mark, or the paragraph's end */
  gsize    start;        /* the words within */
  gsize    end;
  guint    sentence;     /* of the opening mark */
  guint    end_sentence; /* of the closing mark */
  guint    paragraph;
  guint    first_token;  /* tokens [first_token, end_token) are within */
  guint    end_token;
  gint     speaker;      /* entity, or -1 */
  char    *note;         /* how the speaker is inferred, or NULL */
  gboolean attributed;   /* by a verb of its own sentence */
  guint    verb_distance; /* words from that verb to the quote */
  gboolean kept;         /* a direct quote, not a scare quote */
} QgQuoteSpan;

typedef struct
{
  guint  first;          /* tokens [first, end) */
  guint  end;
  gsize  start;          /* bytes of the name */
  gsize  name_end;
  char  *name;           /* as the entity is known ("U.S." → "United States") */
  char  *written;        /* as the article writes it, if not that, or NULL */
  gint   entity;
  guint  title_first;    /* tokens [title_first, first) are a title: "Mayor" */
  guint  has_title : 1;
} QgMention;

typedef struct
{
  char      *name;
  char      *lower_name;  /* name, in ASCII lower case: what roles are looked up in */
  const char *kind;
  GPtrArray *aliases;     /* of char *, owned */
  char      *description;
  guint      first;       /* first mention */
  guint      n_mentions;
  GPtrArray *roles;       /* of char *, owned: lower-case role words ("coach") */
  guint      person : 1;
  char       gender;      /* 'f', 'm', or 0 when the article does not say */
} QgDraftEntity;

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *paragraphs;  /* of QgRange */
  GArray     *sentences;   /* of QgRange; each within one paragraph */
  GArray     *sentence_paragraph; /* of guint */
  GArray     *tokens;      /* of QgToken */
  GArray     *quotes;      /* of QgQuoteSpan */
  GArray     *mentions;    /* of QgMention, in the order of the text */
  GPtrArray  *entities;    /* of QgDraftEntity */
  GHashTable *acronyms;    /* "NHA" → the name it was given in brackets after */
} QgDraftText;

/* qg-drafter-text.c */
void      qg_draft_text_read        (QgDraftText *t);
void      qg_draft_text_clear       (QgDraftText *t);
guint     qg_draft_sentence_at      (QgDraftText *t,
                                     gsize        offset);
QgToken  *qg_draft_token            (QgDraftText *t,
                                     guint        i);
/* Whether token @i is @word (ASCII, compared without regard to case). */
gboolean  qg_draft_token_is         (QgDraftText *t,
                                     guint        i,
                                     const char  *word);
/* The text between tokens @i - 1 and @i (from the start of the text for
 * the first), as a range. */
QgRange   qg_draft_gap              (QgDraftText *t,
                                     guint        i);
/* Whether the gap before token @i is only spaces (no line break, no
 * punctuation). */
gboolean  qg_draft_gap_is_space     (QgDraftText *t,
                                     guint        i);
/* Whether the gap before token @i holds @c. */
gboolean  qg_draft_gap_has          (QgDraftText *t,
                                     guint        i,
                                     gunichar     c);

/* qg-drafter-names.c */
void      qg_draft_find_names       (QgDraftText *t);
/* The mention that starts at token @i, or NULL; the one token @i is in. */
QgMention *qg_draft_mention_at      (QgDraftText *t,
                                     guint        i);
QgMention *qg_draft_mention_over    (QgDraftText *t,
                                     guint        i);
QgDraftEntity *qg_draft_entity      (QgDraftText *t,
                                     gint         e);
void      qg_draft_entity_add_alias (QgDraftEntity *e,
                                     const char    *alias);
gboolean  qg_draft_kind_is_organisation (const char *kind);

G_END_DECLS
