/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words the drafter knows (qg-drafter-lexicon.c): English news
 * writing's cues for names, kinds and speech. Every lookup takes a word
 * as written (a possessive already taken off) and compares it as the
 * lexicon spells it, but for speech verbs and role nouns, which are
 * compared in lower case. */
typedef enum
{
  QG_WORD_FUNCTION = 1 << 0,  /* "The", "But", "He": never a name alone */
  QG_WORD_TITLE    = 1 << 1,  /* "Mayor", "Dr.": a person's title before the name */
  QG_WORD_GIVEN    = 1 << 2,  /* "Elaine", "Dan": a given name */
  QG_WORD_TIME     = 1 << 3,  /* "Wednesday", "September" */
  QG_WORD_DEMONYM  = 1 << 4,  /* "Russian": an adjective before a common noun */
  QG_WORD_ROLE     = 1 << 5,  /* "CEO", "founder", "coach": a role, not a name */
  QG_WORD_CORPORATE = 1 << 6, /* "AO", "PJSC": a company's legal form before its name */
} QgWordFlags;

guint        qg_lexicon_flags          (const char *word,
                                        gssize      length);
/* "said", "told", "added"...: a verb of speech. */
gboolean     qg_lexicon_is_speech_verb (const char *word,
                                        gssize      length);
/* The kind a name's last word gives ("Inc." → "company", "News" →
 * "media"), or NULL. */
const char  *qg_lexicon_suffix_kind    (const char *word,
                                        gssize      length);
/* The kind a common noun near a name gives ("retailers" → "retailer",
 * "outlet" → "media"), or NULL. */
const char  *qg_lexicon_noun_kind      (const char *word,
                                        gssize      length);
/* The kind of a name known as a whole ("Reuters" → "media", "Russia" →
 * "country"), and the name it is known by ("U.S." → "United States"), or
 * NULL. */
const char  *qg_lexicon_known_name     (const char  *name,
                                        const char **canonical);
/* "spokesperson", "spokeswoman", "representative": who speaks for an
 * organisation. */
gboolean     qg_lexicon_is_spokesperson (const char *word,
                                         gssize      length);

G_END_DECLS
