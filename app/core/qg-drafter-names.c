/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-drafter"

#include "config.h"

#include <string.h>

#include "qg-drafter-lexicon.h"
#include "qg-drafter-private.h"

/* Names: runs of capitalised words, less what English capitalises for
 * other reasons (a sentence's first word, a title, a day, a demonym),
 * merged into entities by the ways news writing names one thing again (a
 * surname, an acronym, a company's short name). */

static guint
flags_of (QgDraftText *t,
          guint        i)
{
  QgToken *token = qg_draft_token (t, i);

  return qg_lexicon_flags (t->text + token->start, token->end - token->start);
}

static gboolean
token_kind_suffix (QgDraftText *t,
                   guint        i,
                   const char **kind)
{
  QgToken *token = qg_draft_token (t, i);
  const char *k = qg_lexicon_suffix_kind (t->text + token->start, token->end - token->start);

  if (kind != NULL)
    *kind = k;
  return k != NULL;
}

/* Capitalised words seen where English does not capitalise for position. */
static GHashTable *
words_seen_inside (QgDraftText *t)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < t->tokens->len; i++)
    {
      QgToken *token = qg_draft_token (t, i);

      /* As the first word of a name, not inside one ("Carver Street
       * Tenants Association" is no evidence for a headline's "Tenants"). */
      gboolean after_cap = i > 0 && qg_draft_token (t, i - 1)->cap && qg_draft_gap_is_space (t, i);
      gboolean before_cap = i + 1 < t->tokens->len && qg_draft_token (t, i + 1)->cap
                            && qg_draft_gap_is_space (t, i + 1);

      /* Or its last ("Mbeki", from "Ryan Mbeki"). */
      if (token->cap && !token->initial && (!after_cap || !before_cap))
        g_hash_table_add (seen, g_strndup (t->text + token->start, token->end - token->start));
    }
  return seen;
}

static gboolean
seen_inside (GHashTable  *seen,
             QgDraftText *t,
             guint        i)
{
  QgToken *token = qg_draft_token (t, i);
  g_autofree char *word = g_strndup (t->text + token->start, token->end - token->start);

  return g_hash_table_contains (seen, word);
}

static gboolean
is_connector (QgDraftText *t,
              guint        i)
{
  /* Not "on": "the Bluebell Cafe on Station Street" is two names. */
  static const char * const connectors[] = { "of", "for", "de", "del", "da", "van", "von", "der",
                                             "du", "la", "le", "upon" };
  QgToken *token = qg_draft_token (t, i);

  if (token->cap)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (connectors); k++)
    if (qg_draft_token_is (t, i, connectors[k]))
      return TRUE;
  /* "Johnson & Johnson": the ampersand is no word, so it is in the gap. */
  return FALSE;
}

/* Whether token @j continues the run of names that token @i begins. */
static gboolean
continues (QgDraftText *t,
           guint        i,
           guint        j)
{
  QgToken *a = qg_draft_token (t, i);
  QgToken *b;

  if (j >= t->tokens->len)
    return FALSE;
  b = qg_draft_token (t, j);
  if (b->sentence != a->sentence || b->quote != a->quote)
    return FALSE;
  /* "Russia's 2014 annexation" ends a name; "St. Brendan's Hospital" does
   * not. */
  if (qg_draft_token (t, j - 1)->possessive && !token_kind_suffix (t, j, NULL))
    return FALSE;
  if (!qg_draft_gap_is_space (t, j))
    {
      QgRange gap = qg_draft_gap (t, j);
      const char *g = t->text + gap.start;
      gsize n = gap.end - gap.start;
      QgToken *last = qg_draft_token (t, j - 1);

      /* "Johnson & Johnson" */
      if (n == 3 && memcmp (g, " & ", 3) == 0)
        return TRUE;
      /* "Eastbank Residents' Association" */
      if (t->text[last->end - 1] == 's'
          && ((n == 2 && memcmp (g, "' ", 2) == 0)
              || (n == 4 && memcmp (g, "\xe2\x80\x99 ", 4) == 0)))
        return TRUE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
name_word (QgDraftText *t,
           guint        j)
{
  QgToken *token = qg_draft_token (t, j);

  return token->cap && !token->lower_part && !(flags_of (t, j) & QG_WORD_TIME);
}

/* "Acting Secretary of Homeland Security Elaine Duke" is 7: no name is
 * longer, and a longer run of capitals (a heading in capitals) is cut. */
#define MAX_NAME_WORDS 10

/* Whether the run of names from token @j ends with an organisation's
 * word ("Vale Hospitals Trust"). */
static gboolean
ends_organisation (QgDraftText *t,
                   guint        i,
                   guint        j)
{
  guint k = j;

  while (k + 1 < t->tokens->len && k + 1 - i < MAX_NAME_WORDS && continues (t, i, k + 1)
         && name_word (t, k + 1))
    k++;
  return token_kind_suffix (t, k, NULL) && !qg_draft_token (t, k)->possessive;
}

/* The end of the run of names from token @i. */
static guint
run_end (QgDraftText *t,
         guint        i)
{
  guint j = i + 1;

  while (j < t->tokens->len && j - i < MAX_NAME_WORDS && continues (t, i, j))
    {
      if (name_word (t, j))
        j++;
      /* A person's name ends before "of": "Samuel Okonjo of the Harlow
       * Legal Aid Society". */
      else if (is_connector (t, j) && (flags_of (t, i) & QG_WORD_GIVEN)
               && !(flags_of (t, i) & QG_WORD_TITLE))
        break;
      /* "Northgate and Vale Hospitals Trust": "and" inside a name that
       * ends as an organisation's does; not "Amazon and Newegg". */
      else if (qg_draft_token_is (t, j, "and") && continues (t, i, j + 1) && name_word (t, j + 1)
               && ends_organisation (t, i, j + 1))
        j += 2;
      /* "Department of Homeland Security", "Ministry of the Interior". */
      else if (is_connector (t, j) && continues (t, i, j + 1) && name_word (t, j + 1))
        j += 2;
      else if (is_connector (t, j) && qg_draft_token_is (t, j + 1, "the") && continues (t, i, j + 2)
               && name_word (t, j + 2))
        j += 3;
      else
        break;
    }
  return j;
}

static void
add_mention (QgDraftText *t,
             guint        title_first,
             guint        first,
             guint        end)
{
  QgMention m = { 0 };
  g_autofree char *written = NULL;
  const char *canonical = NULL;

  m.first = first;
  m.end = end;
  m.title_first = title_first;
  m.has_title = title_first < first;
  m.start = qg_draft_token (t, first)->start;
  m.name_end = qg_draft_token (t, end - 1)->end;
  m.entity = -1;
  written = g_strndup (t->text + m.start, m.name_end - m.start);
  qg_lexicon_known_name (written, &canonical);
  m.name = g_strdup (canonical != NULL ? canonical : written);
  if (canonical != NULL && strcmp (canonical, written) != 0)
    m.written = g_strdup (written);
  g_array_append_val (t->mentions, m);

  /* "the Northfield Housing Authority (NHA)" */
  if (end < t->tokens->len && qg_draft_token (t, end)->allcaps)
    {
      QgRange gap = qg_draft_gap (t, end);
      QgToken *acronym = qg_draft_token (t, end);

      if (gap.end - gap.start == 2 && memcmp (t->text + gap.start, " (", 2) == 0
          && acronym->full_end < t->len && t->text[acronym->full_end] == ')')
        g_hash_table_replace (t->acronyms,
                              g_strndup (t->text + acronym->start, acronym->end - acronym->start),
                              g_strdup (m.name));
    }
}

/* Takes a person's title off the front of a run: "Acting Secretary of
 * Homeland Security Elaine Duke" is Elaine Duke, with a title. FALSE if
 * the run is a title only ("Secretary of State"). */
static gboolean
split_title (QgDraftText *t,
             guint        first,
             guint        end,
             guint       *name_first)
{
  guint k = first;

  /* "General Motors", "Justice Department": names, not titles. */
  if (token_kind_suffix (t, end - 1, NULL))
    {
      *name_first = first;
      return TRUE;
    }
  /* "Environment Minister Clara Beaumont": a title after what it is of. */
  if (!(flags_of (t, first) & QG_WORD_TITLE))
    {
      for (guint p = first + 1; p + 1 < end; p++)
        if ((flags_of (t, p) & QG_WORD_TITLE) && !(flags_of (t, p) & QG_WORD_GIVEN)
            && !is_connector (t, p + 1) && end - (p + 1) <= 3)
          {
            *name_first = p + 1;
            return TRUE;
          }
      *name_first = first;
      return TRUE;
    }
  while (k < end && (flags_of (t, k) & QG_WORD_TITLE) && !(flags_of (t, k) & QG_WORD_GIVEN))
    k++;
  if (k < end && is_connector (t, k))
    {
      guint g = k + 1;

      while (g < end && !(flags_of (t, g) & QG_WORD_GIVEN))
        g++;
      if (g < end)
        k = g;
      else if (end - (k + 1) >= 3)
        k = end - 2;
      else
        return FALSE;
    }
  *name_first = k;
  return k < end;
}

/* "NORTHFIELD —", "ASHBY -": where the story was filed, not a name of the
 * story. */
static gboolean
is_dateline (QgDraftText *t,
             guint        first,
             guint        end)
{
  QgRange gap;
  QgToken *token = qg_draft_token (t, first);
  QgRange para = g_array_index (t->paragraphs, QgRange, token->paragraph);

  if (token->start != para.start || end >= t->tokens->len)
    return FALSE;
  for (guint k = first; k < end; k++)
    if (!qg_draft_token (t, k)->allcaps)
      return FALSE;
  gap = qg_draft_gap (t, end);
  for (const char *c = t->text + gap.start; c < t->text + gap.end; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch == '-' || ch == 0x2013 || ch == 0x2014)
        return TRUE;
    }
  return FALSE;
}

static gboolean is_verb_of_speech (QgDraftText *t, guint i);

/* Whether what follows token @end - 1 says something: "X, the Y of Z,
 * said". */
static gboolean
speaks_next (QgDraftText *t,
             guint        end)
{
  guint sentence;

  if (end >= t->tokens->len)
    return FALSE;
  sentence = qg_draft_token (t, end)->sentence;
  /* Not "Analysts said": a common noun opens sentences that way too. */
  if (!qg_draft_gap_has (t, end, ','))
    return FALSE;
  for (guint k = end + 1; k < end + 12 && k < t->tokens->len; k++)
    {
      if (qg_draft_token (t, k)->sentence != sentence)
        return FALSE;
      if (qg_draft_gap_has (t, k, ','))
        return is_verb_of_speech (t, k);
    }
  return FALSE;
}

static gboolean
is_known_word (QgDraftText *t,
               guint        i)
{
  QgToken *token = qg_draft_token (t, i);
  g_autofree char *word = g_strndup (t->text + token->start, token->end - token->start);

  return qg_lexicon_known_name (word, NULL) != NULL;
}

static void
find_mentions (QgDraftText *t)
{
  g_autoptr(GHashTable) seen = words_seen_inside (t);
  guint n = t->tokens->len;

  for (guint i = 0; i < n;)
    {
      QgToken *token = qg_draft_token (t, i);
      guint first = i, end, name_first;

      if (!token->cap || token->lower_part)
        {
          i++;
          continue;
        }
      end = run_end (t, i);
      i = end;
      if (is_dateline (t, first, end))
        continue;

      /* What English capitalises for other reasons, at the front. */
      while (first < end)
        {
          guint f = flags_of (t, first);
          QgToken *ft = qg_draft_token (t, first);

          if (qg_draft_token_is (t, first, "The") && !ft->initial && first + 1 < end)
            break;
          if ((f & (QG_WORD_FUNCTION | QG_WORD_TIME)) && !(f & QG_WORD_TITLE))
            first++;
          else if ((f & QG_WORD_DEMONYM) && first + 1 == end)
            first++;
          else if (ft->initial && !(f & (QG_WORD_TITLE | QG_WORD_GIVEN | QG_WORD_CORPORATE))
                   && !ft->allcaps && !seen_inside (seen, t, first) && !is_known_word (t, first)
                   /* "Acme Inc. has…" opens a sentence with a name. */
                   && !(first + 1 < end && qg_draft_token (t, first + 1)->cap)
                   /* "Stratacloud, Lumora's largest competitor, said" */
                   && !(first + 1 == end && speaks_next (t, end)))
            first++;
          else
            break;
          /* What was left may begin with a connector: "Under Secretary". */
          while (first < end && is_connector (t, first))
            first++;
        }
      while (end > first && (is_connector (t, end - 1)
                             || (flags_of (t, end - 1) & (QG_WORD_FUNCTION | QG_WORD_TIME))))
        end--;
      if (first >= end)
        continue;
      /* "Russian officials" */
      if (end - first == 1 && (flags_of (t, first) & QG_WORD_DEMONYM))
        continue;
      /* "the Education Minister": a role, not a name. */
      if ((flags_of (t, end - 1) & QG_WORD_TITLE) && !(flags_of (t, end - 1) & QG_WORD_GIVEN))
        continue;
      if (!split_title (t, first, end, &name_first))
        continue;
      /* "A&E" */
      if (end - name_first == 1
          && g_utf8_strlen (t->text + qg_draft_token (t, name_first)->start,
                            qg_draft_token (t, name_first)->end
                            - qg_draft_token (t, name_first)->start) == 1)
        continue;
      /* "CEO", "Founder", "President": roles alone. */
      if (end - name_first == 1
          && (flags_of (t, name_first) & (QG_WORD_ROLE | QG_WORD_TITLE | QG_WORD_FUNCTION)))
        continue;
      add_mention (t, first, name_first, end);
    }
}

/* ------------------------------------------------------------------------ */
/* Entities                                                                  */

typedef struct
{
  char  *name;       /* the mention's name */
  guint  n_words;
  guint  first;      /* its first mention */
  guint  count;
  gint   entity;
  gboolean titled;   /* some mention has a title */
  gboolean person_cue; /* or speaks, or has a person's role */
  gboolean org_cue;    /* a common noun says what it is: "the charity Open Door Health" */
} Form;

static guint
count_words (const char *name)
{
  guint n = 1;

  for (const char *p = name; *p; p++)
    n += *p == ' ';
  return n;
}

static int
form_order (gconstpointer a,
            gconstpointer b)
{
  const Form *fa = *(const Form **) a;
  const Form *fb = *(const Form **) b;

  if (fa->n_words != fb->n_words)
    return fa->n_words > fb->n_words ? -1 : 1;
  return fa->first < fb->first ? -1 : fa->first > fb->first;
}

static gboolean
is_name_connector (const char *word)
{
  return strcmp (word, "of") == 0 || strcmp (word, "for") == 0 || strcmp (word, "the") == 0
         || strcmp (word, "The") == 0 || strcmp (word, "and") == 0 || strcmp (word, "de") == 0;
}

/* "Department of Homeland Security" → "DHS". */
static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (!is_name_connector (words[i]) && g_ascii_isupper (words[i][0]))
      g_string_append_c (out, words[i][0]);
  return g_string_free (out, FALSE);
}

static gboolean
all_words_are (char     **words,
               guint      from,
               guint      to,
               gboolean (*test) (const char *word))
{
  for (guint i = from; i < to; i++)
    if (!test (words[i]))
      return FALSE;
  return from < to;
}

static gboolean
is_company_suffix (const char *word)
{
  const char *kind = qg_lexicon_suffix_kind (word, -1);

  return kind != NULL && (strcmp (kind, "company") == 0 || strcmp (kind, "group") == 0);
}

static gboolean
is_legal_form (const char *word)
{
  static const char * const forms[] = { "Inc.", "Inc", "Ltd.", "Ltd", "Corp.", "LLC", "plc",
                                        "PLC", "Co." };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (strcmp (word, forms[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_corporate_form (const char *word)
{
  return (qg_lexicon_flags (word, -1) & QG_WORD_CORPORATE) || strcmp (word, "The") == 0;
}

/* The short forms that name an entity, as keys: "S:Duke" (a person's
 * surname), "C:Kaspersky" (a company without its suffix, "Kaspersky Lab";
 * or without its legal form, "AO Kaspersky Lab"), "I:DHS" (initials).
 * Each key names the entity named first. */
static void
register_key (QgDraftText *t,
              GHashTable  *keys,
              char        *key,
              gint         e)
{
  gpointer old;

  if (g_hash_table_lookup_extended (keys, key, NULL, &old)
      && qg_draft_entity (t, GPOINTER_TO_INT (old) - 1)->first <= qg_draft_entity (t, e)->first)
    {
      g_free (key);
      return;
    }
  g_hash_table_replace (keys, key, GINT_TO_POINTER (e + 1));
}

static char *
join_words (char  **words,
            guint   from,
            guint   to)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (i > from)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static void
register_short_forms (QgDraftText *t,
                      GHashTable  *keys,
                      Form        *form,
                      gint         e)
{
  g_auto(GStrv) words = NULL;
  guint n;

  if (form->n_words < 2)
    return;
  words = g_strsplit (form->name, " ", -1);
  n = g_strv_length (words);
  if (qg_draft_entity (t, e)->person)
    {
      register_key (t, keys, g_strconcat ("S:", words[n - 1], NULL), e);
      /* "Sunita" for "Sunita Lal", as a family or a friend says it. */
      if (qg_lexicon_flags (words[0], -1) & QG_WORD_GIVEN)
        register_key (t, keys, g_strconcat ("G:", words[0], NULL), e);
    }
  /* A name that may be a person's: "Cody Lindqvist", for "Lindqvist said". */
  else if (n <= 4 && qg_lexicon_suffix_kind (words[n - 1], -1) == NULL
           && qg_lexicon_suffix_kind (words[0], -1) == NULL
           && qg_lexicon_known_name (form->name, NULL) == NULL)
    register_key (t, keys, g_strconcat ("L:", words[n - 1], NULL), e);
  /* "Brightwell" for "Brightwell Property Services Inc." */
  if (is_legal_form (words[n - 1]) && n > 2)
    register_key (t, keys, g_strconcat ("C:", words[0], NULL), e);
  for (guint j = 1; j < n; j++)
    {
      g_autofree char *head = join_words (words, 0, j);
      g_autofree char *tail = join_words (words, j, n);

      if (all_words_are (words, j, n, is_company_suffix))
        register_key (t, keys, g_strconcat ("C:", head, NULL), e);
      if (all_words_are (words, 0, j, is_corporate_form))
        register_key (t, keys, g_strconcat ("C:", tail, NULL), e);
      /* "St Aldric" for "St Aldric's Hospital" */
      if (j == n - 1 && qg_lexicon_suffix_kind (words[j], -1)
          && (g_str_has_suffix (words[j - 1], "'s")
              || g_str_has_suffix (words[j - 1], "\xe2\x80\x99s")))
        {
          g_autofree char *bare = g_strndup (head, strlen (head)
                                                   - (g_str_has_suffix (head, "'s") ? 2 : 4));

          register_key (t, keys, g_strconcat ("C:", bare, NULL), e);
        }
      /* "Wrenfield Institute" for "Wrenfield Institute of Marine Science" */
      if (strcmp (words[j], "of") == 0 && j >= 2 && qg_lexicon_suffix_kind (words[j - 1], -1))
        register_key (t, keys, g_strconcat ("C:", head, NULL), e);
    }
  {
    g_autofree char *letters = initials (form->name);

    if (strlen (letters) >= 2)
      register_key (t, keys, g_strconcat ("I:", letters, NULL), e);
  }
}

/* The entity a short form names, or -1. */
static gint
short_form_entity (QgDraftText *t,
                   GHashTable  *keys,
                   Form        *form)
{
  const char *prefixes[] = { "S:", "L:", "C:", "I:", "G:" };
  gboolean allcaps = qg_draft_token (t, g_array_index (t->mentions, QgMention,
                                                       form->first).first)->allcaps;
  gint best = -1;
  guint best_key = 0;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *key = NULL;
      gint e;

      if (((i <= 1 || i == 4) && form->n_words != 1) || (i == 1 && !form->person_cue)
          || (i == 3 && (!allcaps || form->n_words != 1)))
        continue;
      key = g_strconcat (prefixes[i], form->name, NULL);
      e = GPOINTER_TO_INT (g_hash_table_lookup (keys, key)) - 1;
      if (e >= 0 && (best < 0 || qg_draft_entity (t, e)->first < qg_draft_entity (t, best)->first))
        {
          best = e;
          best_key = i;
        }
    }
  /* "Ms. Alvarez", "Lindqvist said": the full name was a person's. */
  if (best >= 0 && (best_key <= 1 || best_key == 4))
    qg_draft_entity (t, best)->person = TRUE;
  return best;
}

static gboolean
looks_like_person (QgDraftText *t,
                   Form        *form)
{
  const char *kind;
  g_auto(GStrv) words = g_strsplit (form->name, " ", -1);
  guint n = g_strv_length (words);

  if (form->titled)
    return TRUE;
  if (form->org_cue)
    return FALSE;
  if (n < 2 || n > 4 || qg_lexicon_suffix_kind (words[n - 1], -1) != NULL
      || qg_lexicon_suffix_kind (words[0], -1) != NULL)
    return FALSE;
  kind = qg_lexicon_known_name (form->name, NULL);
  return kind == NULL && ((qg_lexicon_flags (words[0], -1) & QG_WORD_GIVEN) || form->person_cue);
}

static gboolean
is_lower_role (QgDraftText *t,
               guint        i)
{
  return (flags_of (t, i) & QG_WORD_ROLE) && !qg_draft_token (t, i)->cap;
}

static gboolean
is_verb_of_speech (QgDraftText *t,
                   guint        i)
{
  QgToken *token = qg_draft_token (t, i);

  return !token->cap && qg_lexicon_is_speech_verb (t->text + token->start,
                                                    token->end - token->start);
}

/* What says a name is a person's: a role before it ("coach Tomas
 * Varga"), a verb of speech beside it ("said Denise Alvarez", "Lindqvist
 * said"), an appositive with a role ("Priya Raman, the authority's chief
 * executive"). */
static gboolean
has_person_cue (QgDraftText     *t,
                const QgMention *m)
{
  guint sentence = qg_draft_token (t, m->first)->sentence;

  /* "coach Tomas Varga", "Its chair, Moira Fennell" */
  if (m->title_first > 0 && is_lower_role (t, m->title_first - 1)
      && (qg_draft_gap_is_space (t, m->title_first) || qg_draft_gap_has (t, m->title_first, ',')))
    return TRUE;
  if (m->title_first > 0 && is_verb_of_speech (t, m->title_first - 1))
    return TRUE;
  if (m->end < t->tokens->len && is_verb_of_speech (t, m->end))
    return TRUE;
  if (m->end < t->tokens->len && qg_draft_gap_has (t, m->end, ','))
    for (guint k = m->end; k < m->end + 6 && k < t->tokens->len; k++)
      {
        if (qg_draft_token (t, k)->sentence != sentence
            || (k > m->end && qg_draft_gap_has (t, k, ',')))
          break;
        if (is_lower_role (t, k))
          return TRUE;
      }
  return FALSE;
}

static const char *
noun_kind_at (QgDraftText *t,
              guint        i)
{
  QgToken *token = qg_draft_token (t, i);

  if (token->cap)
    return NULL;
  return qg_lexicon_noun_kind (t->text + token->start, token->end - token->start);
}

static gboolean
is_lower_noun (QgDraftText *t,
               guint        i)
{
  return noun_kind_at (t, i) != NULL;
}

/* "the charity Open Door Health", "the Best Buy chain" */
static gboolean
has_organisation_cue (QgDraftText     *t,
                      const QgMention *m)
{
  return (m->title_first > 0 && qg_draft_gap_is_space (t, m->title_first)
          && is_lower_noun (t, m->title_first - 1))
         || (m->end < t->tokens->len && qg_draft_gap_is_space (t, m->end)
             && is_lower_noun (t, m->end));
}

static QgDraftEntity *
entity_new (void)
{
  QgDraftEntity *e = g_new0 (QgDraftEntity, 1);

  e->aliases = g_ptr_array_new_with_free_func (g_free);
  e->roles = g_ptr_array_new_with_free_func (g_free);
  return e;
}

void
qg_draft_entity_add_alias (QgDraftEntity *e,
                           const char    *alias)
{
  if (strcmp (alias, e->name) == 0)
    return;
  for (guint i = 0; i < e->aliases->len; i++)
    if (strcmp (g_ptr_array_index (e->aliases, i), alias) == 0)
      return;
  g_ptr_array_add (e->aliases, g_strdup (alias));
}

static int
entity_order (gconstpointer a,
              gconstpointer b)
{
  const QgDraftEntity *ea = *(const QgDraftEntity **) a;
  const QgDraftEntity *eb = *(const QgDraftEntity **) b;

  return ea->first < eb->first ? -1 : ea->first > eb->first;
}

/* Entities in the order the article first names them. */
static void
order_entities (QgDraftText *t)
{
  g_autofree gint *moved = g_new (gint, t->entities->len + 1);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);

  for (guint e = 0; e < t->entities->len; e++)
    g_hash_table_insert (index, g_ptr_array_index (t->entities, e), GUINT_TO_POINTER (e));
  g_ptr_array_sort (t->entities, entity_order);
  for (guint e = 0; e < t->entities->len; e++)
    moved[GPOINTER_TO_UINT (g_hash_table_lookup (index, g_ptr_array_index (t->entities, e)))] = e;
  for (guint m = 0; m < t->mentions->len; m++)
    {
      QgMention *mention = &g_array_index (t->mentions, QgMention, m);

      mention->entity = moved[mention->entity];
    }
}

static void
cluster (QgDraftText *t)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) forms = g_ptr_array_new ();
  g_autoptr(GPtrArray) entity_forms =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint m = 0; m < t->mentions->len; m++)
    {
      QgMention *mention = &g_array_index (t->mentions, QgMention, m);
      Form *form = g_hash_table_lookup (by_name, mention->name);

      if (form == NULL)
        {
          form = g_new0 (Form, 1);
          form->name = mention->name;
          form->n_words = count_words (mention->name);
          form->first = m;
          form->entity = -1;
          g_hash_table_insert (by_name, form->name, form);
          g_ptr_array_add (forms, form);
        }
      form->count++;
      form->titled |= mention->has_title;
      form->person_cue |= mention->has_title || has_person_cue (t, mention);
      form->org_cue |= has_organisation_cue (t, mention);
    }
  g_ptr_array_sort (forms, form_order);

  for (guint f = 0; f < forms->len; f++)
    {
      Form *form = g_ptr_array_index (forms, f);
      const char *expanded = g_hash_table_lookup (t->acronyms, form->name);
      gint best = -1;

      if (expanded != NULL)
        {
          Form *full = g_hash_table_lookup (by_name, expanded);

          if (full != NULL && full->entity >= 0)
            best = full->entity;
        }
      if (best < 0)
        best = short_form_entity (t, keys, form);
      if (best < 0)
        {
          QgDraftEntity *entity = entity_new ();

          entity->first = form->first;
          entity->person = looks_like_person (t, form);
          best = t->entities->len;
          g_ptr_array_add (t->entities, entity);
          g_ptr_array_add (entity_forms, g_ptr_array_new ());
        }
      form->entity = best;
      g_ptr_array_add (g_ptr_array_index (entity_forms, best), form);
      {
        QgDraftEntity *entity = g_ptr_array_index (t->entities, best);

        entity->first = MIN (entity->first, form->first);
        entity->n_mentions += form->count;
        entity->person |= form->titled;
        register_short_forms (t, keys, form, best);
      }
    }

  /* The name: the most used of its full names, the others aliases. */
  for (guint e = 0; e < t->entities->len; e++)
    {
      QgDraftEntity *entity = g_ptr_array_index (t->entities, e);
      GPtrArray *names = g_ptr_array_index (entity_forms, e);
      Form *best = NULL;

      for (guint k = 0; k < names->len; k++)
        {
          Form *form = g_ptr_array_index (names, k);
          gboolean full = form->n_words > 1, best_full = best != NULL && best->n_words > 1;

          if (best == NULL || (full && !best_full)
              || (full == best_full && (form->count > best->count
                                        || (form->count == best->count
                                            && form->first < best->first))))
            best = form;
        }
      entity->name = g_strdup (best->name);
      entity->lower_name = g_ascii_strdown (entity->name, -1);
      for (guint k = 0; k < names->len; k++)
        qg_draft_entity_add_alias (entity, ((Form *) g_ptr_array_index (names, k))->name);
    }
  for (guint m = 0; m < t->mentions->len; m++)
    {
      QgMention *mention = &g_array_index (t->mentions, QgMention, m);

      mention->entity = ((Form *) g_hash_table_lookup (by_name, mention->name))->entity;
      /* "Britain", known as the United Kingdom. */
      if (mention->written != NULL)
        qg_draft_entity_add_alias (g_ptr_array_index (t->entities, mention->entity),
                                   mention->written);
    }
  for (guint f = 0; f < forms->len; f++)
    g_free (g_ptr_array_index (forms, f));
  order_entities (t);
}

/* ------------------------------------------------------------------------ */
/* Kinds and descriptions                                                    */

gboolean
qg_draft_kind_is_organisation (const char *kind)
{
  return kind != NULL && strcmp (kind, "person") != 0 && strcmp (kind, "place") != 0
         && strcmp (kind, "country") != 0 && strcmp (kind, "event") != 0;
}

/* "retailers that carry Kaspersky, including Amazon and Newegg" */
static const char *
list_kind (QgDraftText     *t,
           const QgMention *m)
{
  guint sentence = qg_draft_token (t, m->first)->sentence;

  for (guint back = 1; back <= 12 && back <= m->first; back++)
    {
      guint k = m->first - back;

      if (qg_draft_token (t, k)->sentence != sentence)
        break;
      if (qg_draft_token_is (t, k, "including") || qg_draft_token_is (t, k, "like")
          || (qg_draft_token_is (t, k, "as") && k > 0 && qg_draft_token_is (t, k - 1, "such")))
        {
          for (guint b = 1; b <= 8 && b <= k; b++)
            {
              const char *kind;

              if (qg_draft_token (t, k - b)->sentence != sentence)
                break;
              if ((kind = noun_kind_at (t, k - b)) != NULL)
                return kind;
            }
          return NULL;
        }
    }
  return NULL;
}

static void
set_kinds (QgDraftText *t)
{
  for (guint m = 0; m < t->mentions->len; m++)
    {
      QgMention *mention = &g_array_index (t->mentions, QgMention, m);
      QgDraftEntity *entity = g_ptr_array_index (t->entities, mention->entity);
      const char *kind = NULL;

      if (entity->kind != NULL && strcmp (entity->kind, "organisation") != 0
          && strcmp (entity->kind, "place") != 0)
        continue;
      /* "the Best Buy chain", "the consumer group FairPlay Consumers" */
      if (mention->end < t->tokens->len && qg_draft_gap_is_space (t, mention->end)
          && (kind = noun_kind_at (t, mention->end)) != NULL)
        entity->kind = kind;
      else if (mention->title_first > 0 && qg_draft_gap_is_space (t, mention->title_first)
               && (kind = noun_kind_at (t, mention->title_first - 1)) != NULL && !entity->person)
        entity->kind = kind;
      else if ((kind = list_kind (t, mention)) != NULL)
        entity->kind = kind;
      /* "offices in Arlington" */
      else if (entity->kind == NULL && mention->end - mention->first == 1 && mention->first > 0
               && (qg_draft_token_is (t, mention->first - 1, "in")
                   || qg_draft_token_is (t, mention->first - 1, "near")
                   || qg_draft_token_is (t, mention->first - 1, "from")))
        entity->kind = "place";
    }

  for (guint e = 0; e < t->entities->len; e++)
    {
      QgDraftEntity *entity = g_ptr_array_index (t->entities, e);
      g_auto(GStrv) words = g_strsplit (entity->name, " ", -1);
      const char *known = qg_lexicon_known_name (entity->name, NULL);
      const char *suffix = qg_lexicon_suffix_kind (words[g_strv_length (words) - 1], -1);

      /* "University of Port Mallory", "Ministry of the Environment" */
      if (words[0] != NULL && words[1] != NULL
          && (strcmp (words[1], "of") == 0 || strcmp (words[1], "for") == 0)
          && qg_lexicon_suffix_kind (words[0], -1) != NULL)
        suffix = qg_lexicon_suffix_kind (words[0], -1);
      /* "River Marle", "Lake Tana" */
      else if (words[0] != NULL && words[1] != NULL && qg_lexicon_suffix_kind (words[0], -1)
               && strcmp (qg_lexicon_suffix_kind (words[0], -1), "place") == 0
               && qg_lexicon_suffix_kind (words[g_strv_length (words) - 1], -1) == NULL)
        suffix = "place";

      if (known != NULL)
        entity->kind = known;
      else if (entity->person)
        entity->kind = "person";
      else if (suffix != NULL)
        entity->kind = suffix;
      else if (entity->kind == NULL)
        entity->kind = "organisation";
      entity->person = strcmp (entity->kind, "person") == 0;
    }
}

QgMention *
qg_draft_mention_at (QgDraftText *t,
                     guint        i)
{
  QgMention *m = qg_draft_mention_over (t, i);

  return m != NULL && m->first == i ? m : NULL;
}

QgMention *
qg_draft_mention_over (QgDraftText *t,
                       guint        i)
{
  guint lo = 0, hi = t->mentions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      QgMention *m = &g_array_index (t->mentions, QgMention, mid);

      if (m->end <= i)
        lo = mid + 1;
      else if (m->title_first > i)
        hi = mid;
      else
        return m;
    }
  return NULL;
}

QgDraftEntity *
qg_draft_entity (QgDraftText *t,
                 gint         e)
{
  return e >= 0 ? g_ptr_array_index (t->entities, e) : NULL;
}

void
qg_draft_find_names (QgDraftText *t)
{
  find_mentions (t);
  cluster (t);
  set_kinds (t);
}
