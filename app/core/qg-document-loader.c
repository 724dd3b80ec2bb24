/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-document"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "qg-article-index.h"
#include "qg-document-private.h"
#include "qg-json.h"
#include "qg-kinds.h"
#include "qg-problems.h"
#include "qg-timings.h"
#include "qg-thread.h"

/* The loader: a document's JSON tree checked against every rule of
 * FORMAT.md in one pass, each broken rule collected with its place, and
 * read into the model only when none is. */

G_DEFINE_QUARK (qg-document-error-quark, qg_document_error)

/* ------------------------------------------------------------------------ */
/* Ids                                                                       */

typedef enum
{
  ID_ENTITY,
  ID_QUOTE,
  ID_RELATION,
} IdClass;

typedef struct
{
  IdClass  klass;
  guint    element;    /* position in its array in the file */
  gboolean registered; /* its id is valid and first used here */
  gint     index;      /* in the document's array; -1 while (or if) the element is rejected */
} IdUse;

static const char * const array_names[] = { "entities", "quotes", "relations" };

/* Paths are made only when an error is reported: a valid document makes none. */
static void
use_path (const IdUse *use,
          char        *buf,
          gsize        size)
{
  /* By hand: this runs for every element, and printf is most of its cost. */
  char digits[16];
  int n = 0;
  guint v = use->element;
  gsize at = g_strlcpy (buf, array_names[use->klass], size);

  do
    digits[n++] = '0' + v % 10;
  while ((v /= 10) > 0);
  g_return_if_fail (at + n + 3 <= size);
  buf[at++] = '[';
  while (n > 0)
    buf[at++] = digits[--n];
  buf[at++] = ']';
  buf[at] = '\0';
}

typedef struct
{
  QgDocument   *doc;
  QgDocument   *previous;  /* the document an edit was made to, or NULL */
  const char   *display;
  GFile        *base_dir;
  GCancellable *cancellable;
  QgProblems   *problems;
  GHashTable   *ids;     /* id (borrowed from the JSON tree) → IdUse */
  IdUse        *uses[3]; /* per IdClass, one per element of the array */
  guint         n_uses[3];
  guint         n_suggestions;
  guint         n_prefixes;
} Loader;

/* "Did you mean" and "longest part found" scan every id or the article:
 * they are given for the first problems of their kind only. */
#define MAX_SUGGESTIONS 20
#define MAX_PREFIXES 100

G_GNUC_PRINTF (4, 5)
static void
report (Loader     *l,
        const char *where,
        const char *locate,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  qg_problems_report_valist (l->problems, where, locate, format, args);
  va_end (args);
}

/* ------------------------------------------------------------------------ */
/* Ids and "did you mean"                                                    */

static gboolean
id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len < 1 || len > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static guint
edit_distance (const char *a,
               const char *b,
               guint       give_up)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > give_up)
    return give_up + 1;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

static const char *
suggest_id (Loader     *l,
            const char *wrong,
            IdClass     klass)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint limit = MAX (2, (guint) strlen (wrong) / 3);
  guint best_distance = limit + 1;

  g_hash_table_iter_init (&iter, l->ids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      IdUse *use = value;
      guint d;

      if (use->klass != klass)
        continue;
      /* Beyond the limit, edit_distance() gives up: such a candidate is no
       * suggestion, whatever the order of the ids. */
      d = edit_distance (wrong, key, limit);
      if (d > limit)
        continue;
      if (d < best_distance || (d == best_distance && g_strcmp0 (key, best) < 0))
        {
          best = key;
          best_distance = d;
        }
    }
  return best;
}

static const char *
id_class_name (IdClass klass)
{
  switch (klass)
    {
    case ID_ENTITY:
      return _("an entity");
    case ID_QUOTE:
      return _("a quote");
    case ID_RELATION:
    default:
      return _("a relation");
    }
}

/* Reads the "id" member of an element and records it as used; the caller
 * sets the use's index once the whole element is accepted. */
static void
read_id (Loader     *l,
         JsonObject *obj,
         const char *path,
         IdUse      *use)
{
  const char *id = qg_problems_string_member (l->problems, obj, path, "id", TRUE);
  IdUse *first;

  if (id == NULL)
    return;
  if (!id_is_valid (id))
    {
      g_autofree char *id_path = qg_problems_join_path (path, "id");
      report (l, id_path, id_path,
              _("invalid id \"%s\": use 1 to 64 characters of A-Z a-z 0-9 - _ ."), id);
      return;
    }
  first = g_hash_table_lookup (l->ids, id);
  if (first != NULL)
    {
      g_autofree char *id_path = qg_problems_join_path (path, "id");
      char first_path[48];

      use_path (first, first_path, sizeof first_path);
      report (l, id_path, id_path, _("duplicate id \"%s\" (first used at %s)"), id, first_path);
      return;
    }

  use->registered = TRUE;
  g_hash_table_insert (l->ids, (gpointer) id, use);
}

/* Registers every id before any element is read, so that a reference can
 * point forwards and a wrong kind of id is named as such. */
static void
register_ids (Loader     *l,
              JsonObject *root)
{
  for (IdClass klass = ID_ENTITY; klass <= ID_RELATION; klass++)
    {
      JsonNode *node = json_object_get_member (root, array_names[klass]);
      JsonArray *array;
      guint n;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      array = json_node_get_array (node);
      n = json_array_get_length (array);
      /* Never reallocated: the id table points into it. */
      l->uses[klass] = g_new0 (IdUse, n);
      l->n_uses[klass] = n;
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          IdUse *use = &l->uses[klass][i];

          use->klass = klass;
          use->element = i;
          use->index = -1;
          if (JSON_NODE_HOLDS_OBJECT (element))
            {
              char path[48];

              use_path (use, path, sizeof path);
              read_id (l, json_node_get_object (element), path, use);
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The article                                                               */

/* Digits where @pattern has 9, and the pattern's other characters as they are. */
static gboolean
matches_digits (const char *s,
                const char *pattern)
{
  for (; *pattern; s++, pattern++)
    if (*pattern == '9' ? !g_ascii_isdigit (*s) : *s != *pattern)
      return FALSE;
  return *s == '\0';
}

gboolean
qg_document_date_is_valid (const char *s)
{
  int y = atoi (s);

  if (matches_digits (s, "9999-99-99"))
    return g_date_valid_dmy (atoi (s + 8), atoi (s + 5), y) && y >= 1;
  if (matches_digits (s, "9999-99"))
    return atoi (s + 5) >= 1 && atoi (s + 5) <= 12;
  if (matches_digits (s, "9999"))
    return TRUE;
  /* A date and time: the date as above, then what GLib reads as ISO 8601. */
  if (strlen (s) > 10 && s[10] == 'T')
    {
      char date[11];
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) dt = NULL;

      memcpy (date, s, 10);
      date[10] = '\0';
      if (!matches_digits (date, "9999-99-99"))
        return FALSE;
      dt = g_date_time_new_from_iso8601 (s, utc);
      return dt != NULL;
    }
  return FALSE;
}

static const char *
describe_read_error (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("no such file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("permission denied");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("it is a folder");
  return error->message;
}

static gboolean
text_file_path_is_safe (Loader     *l,
                        const char *path,
                        const char *value)
{
  g_auto(GStrv) parts = NULL;

  if (value[0] == '\0')
    {
      report (l, path, path, _("must not be empty"));
      return FALSE;
    }
  if (g_path_is_absolute (value) || value[0] == '/' || value[0] == '\\'
      || (g_ascii_isalpha (value[0]) && value[1] == ':'))
    {
      report (l, path, path,
              _("\"%s\" is absolute; give a path relative to the document's folder"), value);
      return FALSE;
    }
  parts = g_strsplit_set (value, "/\\", -1);
  for (guint i = 0; parts[i]; i++)
    if (strcmp (parts[i], "..") == 0)
      {
        report (l, path, path, _("\"%s\" leaves the document's folder (\"..\" is not allowed)"),
                value);
        return FALSE;
      }
  return TRUE;
}

typedef enum
{
  LOAD_OK,
  LOAD_FAILED,       /* *error says why */
  LOAD_NOT_REGULAR,  /* a folder, a device, a pipe… */
  LOAD_TOO_LARGE,
} LoadResult;

/* Reads a regular file of at most QG_DOCUMENT_MAX_BYTES, and never more:
 * the size a device or a pipe reports says nothing of what it holds. */
static LoadResult
load_limited (GFile         *file,
              GCancellable  *cancellable,
              char         **contents,
              gsize         *length,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  goffset size = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return LOAD_FAILED;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return LOAD_NOT_REGULAR;
  size = g_file_info_get_size (info);
  if (size > QG_DOCUMENT_MAX_BYTES)
    return LOAD_TOO_LARGE;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return LOAD_FAILED;

  /* The size it has now, in one read, and a byte more to see it grew. */
  buffer = g_byte_array_sized_new (size + 2);
  g_byte_array_set_size (buffer, size + 1);
  {
    gsize got = 0;

    if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data, size + 1, &got,
                                  cancellable, error))
      return LOAD_FAILED;
    g_byte_array_set_size (buffer, got);
  }
  while (buffer->len > (guint) size)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable,
                                      error);

      if (n < 0)
        return LOAD_FAILED;
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > QG_DOCUMENT_MAX_BYTES)
        return LOAD_TOO_LARGE;
      g_byte_array_append (buffer, chunk, n);
    }
  if (buffer->len > QG_DOCUMENT_MAX_BYTES)
    return LOAD_TOO_LARGE;
  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return LOAD_OK;
}

/* Whether @file is inside @folder once links are followed. Files that are
 * not on a disk (resources) have no links to follow. */
static gboolean
stays_inside (GFile *folder,
              GFile *file)
{
  const char *folder_path = g_file_peek_path (folder);
  const char *file_path = g_file_peek_path (file);
  g_autofree char *real_folder = NULL;
  g_autofree char *real_file = NULL;
  gsize n;

  if (folder_path == NULL || file_path == NULL)
    return TRUE;
  real_folder = realpath (folder_path, NULL);
  real_file = realpath (file_path, NULL);
  /* A missing file is reported as such when it is read. */
  if (real_folder == NULL || real_file == NULL)
    return TRUE;
  n = strlen (real_folder);
  return strncmp (real_file, real_folder, n) == 0
         && (real_file[n] == '/' || real_file[n] == '\0' || n == 1);
}

static void
read_text_file (Loader     *l,
                const char *path,
                const char *value)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  char *contents = NULL;
  gsize length = 0;
  const char *invalid = NULL;

  if (!text_file_path_is_safe (l, path, value))
    return;
  if (l->base_dir == NULL)
    {
      report (l, path, path, _("the document was not read from a file, so \"%s\" cannot be "
                                "found; use \"text\""), value);
      return;
    }

  file = g_file_resolve_relative_path (l->base_dir, value);
  shown = g_file_get_parse_name (file);

  if (!stays_inside (l->base_dir, file))
    {
      report (l, path, path, _("\"%s\" leads out of the document's folder (through a link)"),
              value);
      return;
    }
  switch (load_limited (file, l->cancellable, &contents, &length, &error))
    {
    case LOAD_OK:
      break;
    case LOAD_NOT_REGULAR:
      report (l, path, path, _("cannot read \"%s\": it is not a regular file"), shown);
      return;
    case LOAD_TOO_LARGE:
      report (l, path, path, _("cannot read \"%s\": it is larger than %d MB"), shown,
              QG_DOCUMENT_MAX_BYTES / (1024 * 1024));
      return;
    case LOAD_FAILED:
    default:
      report (l, path, path, _("cannot read \"%s\": %s"), shown, describe_read_error (error));
      return;
    }
  /* A byte order mark is no part of the article. */
  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (contents, contents + 3, length - 3 + 1);
      length -= 3;
    }
  if (!qg_utf8_validate (contents, length, &invalid))
    {
      guint line, column;

      qg_text_position (contents, invalid, &line, &column);
      report (l, path, path, _("\"%s\" is not UTF-8: invalid byte 0x%02X at line %u, column %u"),
              shown, (guchar) *invalid, line, column);
      g_free (contents);
      return;
    }

  l->doc->text_bytes = g_bytes_new_take (contents, length + 1);
  l->doc->text_file = g_object_ref (file);
  l->doc->text = contents;
  l->doc->text_len = length;
}

static void
read_article (Loader     *l,
              JsonObject *root)
{
  JsonNode *node = qg_problems_member (l->problems, root, "", "article", QG_WANT_OBJECT, TRUE);
  JsonObject *article;
  JsonNode *text, *text_file;
  const char *s;

  if (node == NULL)
    return;
  article = json_node_get_object (node);

  s = qg_problems_text_member (l->problems, article, "article", "title");
  l->doc->title = s;
  l->doc->source = qg_problems_string_member (l->problems, article, "article", "source", FALSE);

  s = qg_problems_string_member (l->problems, article, "article", "published", FALSE);
  if (s != NULL && !qg_document_date_is_valid (s))
    report (l, "article.published", "article.published",
            _("\"%s\" is not an ISO 8601 date (write it like \"2017-09-13\")"), s);
  else
    l->doc->published = s;

  text = json_object_get_member (article, "text");
  text_file = json_object_get_member (article, "text_file");
  if (text != NULL && text_file != NULL)
    {
      report (l, "article", "article",
              _("has both \"text\" and \"text_file\"; give exactly one of them"));
      return;
    }
  if (text == NULL && text_file == NULL)
    {
      report (l, "article", "article", _("missing \"text\" or \"text_file\" (give one of them)"));
      return;
    }

  if (text != NULL)
    {
      if (qg_problems_check_type (l->problems, text, "article.text", QG_WANT_STRING))
        {
          s = json_node_get_string (text);
          l->doc->text_len = strlen (s);
          l->doc->text = s;
        }
    }
  else if (l->previous != NULL && l->previous->text_bytes != NULL
           && qg_document_shares_article (l->previous, l->doc->root))
    {
      /* An edit leaves the article as it was (the very same node): it is
       * not read again, and the text is the one every version shows. */
      l->doc->text_bytes = g_bytes_ref (l->previous->text_bytes);
      l->doc->text_file = g_object_ref (l->previous->text_file);
      l->doc->text = l->previous->text;
      l->doc->text_len = l->previous->text_len;
    }
  else if (qg_problems_check_type (l->problems, text_file, "article.text_file", QG_WANT_STRING))
    {
      read_text_file (l, "article.text_file", json_node_get_string (text_file));
    }
}

/* ------------------------------------------------------------------------ */
/* Entities, quotes, relations                                               */

static JsonArray *
array_member (Loader     *l,
              JsonObject *root,
              const char *name)
{
  JsonNode *node = qg_problems_member (l->problems, root, "", name, QG_WANT_ARRAY, TRUE);

  return node ? json_node_get_array (node) : NULL;
}

/* Returns the element as an object, or reports it. */
static JsonObject *
element_object (Loader     *l,
                JsonArray  *array,
                guint       i,
                const char *path)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!qg_problems_check_type (l->problems, node, path, QG_WANT_OBJECT))
    return NULL;
  return json_node_get_object (node);
}

static const char **
read_aliases (Loader     *l,
              JsonObject *obj,
              const char *path)
{
  JsonNode *node = qg_problems_member (l->problems, obj, path, "aliases", QG_WANT_ARRAY, FALSE);
  JsonArray *array = node ? json_node_get_array (node) : NULL;
  guint n = array ? json_array_get_length (array) : 0;
  const char **aliases = g_new0 (const char *, n + 1);
  guint n_aliases = 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *alias = json_array_get_element (array, i);

      if (!qg_problems_node_is_string (alias) || qg_article_is_blank (json_node_get_string (alias)))
        {
          g_autofree char *alias_path = g_strdup_printf ("%s.aliases[%u]", path, i);

          if (qg_problems_check_type (l->problems, alias, alias_path, QG_WANT_STRING))
            report (l, alias_path, alias_path, _("must not be empty"));
          continue;
        }
      aliases[n_aliases++] = json_node_get_string (alias);
    }
  return aliases;
}

/* Resolves a reference to an id of @klass; reports what is wrong with it at
 * the path made from @format, which is only made when there is an error. */
G_GNUC_PRINTF (4, 5)
static gint
resolve_ref (Loader     *l,
             const char *id,
             IdClass     klass,
             const char *format,
             ...)
{
  IdUse *use = g_hash_table_lookup (l->ids, id);
  g_autofree char *path = NULL;
  const char *what;
  va_list args;

  /* A rejected element has its own error already: no second one here. */
  if (use != NULL && use->klass == klass)
    return use->index;

  what = klass == ID_ENTITY ? _("entity") : _("quote");
  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);

  if (use != NULL)
    {
      report (l, path, path, _("\"%s\" is %s, not %s"), id, id_class_name (use->klass),
              id_class_name (klass));
    }
  else
    {
      /* Suggestions cost a pass over every id: only for the first few. */
      const char *hint = l->n_suggestions++ < MAX_SUGGESTIONS ? suggest_id (l, id, klass) : NULL;

      if (hint != NULL)
        report (l, path, path, _("unknown %s \"%s\" (did you mean \"%s\"?)"), what, id, hint);
      else
        report (l, path, path, _("unknown %s \"%s\""), what, id);
    }
  return -1;
}

static void
read_entities (Loader     *l,
               JsonObject *root)
{
  JsonArray *array = array_member (l, root, "entities");
  guint n;

  if (array == NULL)
    return;
  /* May be empty (FORMAT.md): a map being started has only its article. */
  n = json_array_get_length (array);
  l->doc->entities = g_new0 (QgEntity, n);
  for (guint i = 0; i < n; i++)
    {
      QgEntity *e = &l->doc->entities[l->doc->n_entities];
      IdUse *use = &l->uses[ID_ENTITY][i];
      JsonObject *obj;
      char path[48];

      use_path (use, path, sizeof path);
      obj = element_object (l, array, i, path);
      if (obj == NULL)
        continue;
      e->name = qg_problems_text_member (l->problems, obj, path, "name");
      e->kind = qg_problems_text_member (l->problems, obj, path, "kind");
      e->aliases = read_aliases (l, obj, path);
      e->description = qg_problems_string_member (l->problems, obj, path, "description", FALSE);
      e->draft = qg_problems_boolean_member (l->problems, obj, path, "draft");
      if (!use->registered || e->name == NULL || e->kind == NULL)
        {
          /* The slot is reused by the next entity. */
          g_clear_pointer (&e->aliases, g_free);
          continue;
        }
      e->id = json_object_get_string_member (obj, "id");
      e->styled_kind = qg_kind_from_string (e->kind);
      use->index = (gint) l->doc->n_entities;
      g_hash_table_insert (l->doc->entity_index, (gpointer) e->id,
                           GUINT_TO_POINTER (l->doc->n_entities + 1));
      l->doc->n_entities++;
    }
}

static void
read_quotes (Loader     *l,
             JsonObject *root)
{
  JsonArray *array = array_member (l, root, "quotes");
  guint n;

  if (array == NULL)
    return;
  n = json_array_get_length (array);
  l->doc->quotes = g_new0 (QgQuote, n);
  for (guint i = 0; i < n; i++)
    {
      QgQuote *q = &l->doc->quotes[l->doc->n_quotes];
      IdUse *use = &l->uses[ID_QUOTE][i];
      JsonNode *occurrence;
      JsonObject *obj;
      const char *text, *speaker;
      gboolean ok = TRUE;
      char path[48];

      use_path (use, path, sizeof path);
      obj = element_object (l, array, i, path);
      if (obj == NULL)
        continue;
      text = qg_problems_text_member (l->problems, obj, path, "text");
      q->speaker = -1;
      speaker = qg_problems_string_member (l->problems, obj, path, "speaker", FALSE);
      /* A bad speaker is reported but the text is still verified. */
      if (speaker != NULL)
        q->speaker = resolve_ref (l, speaker, ID_ENTITY, "%s.speaker", path);
      q->occurrence = 1;
      occurrence = qg_problems_member (l->problems, obj, path, "occurrence", QG_WANT_INTEGER,
                                       FALSE);
      if (occurrence != NULL)
        {
          gint64 value = json_node_get_int (occurrence);

          if (value < 1 || value > G_MAXUINT32)
            {
              g_autofree char *occ_path = qg_problems_join_path (path, "occurrence");
              /* The number apart: a macro in a message cuts it short for
               * the translators, and it is never found translated. */
              g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

              if (value < 1)
                report (l, occ_path, occ_path, _("must be a whole number of at least 1, not %s"),
                        number);
              else
                report (l, occ_path, occ_path, _("must be at most %u, not %s"), G_MAXUINT32,
                        number);
              ok = FALSE;
            }
          else
            q->occurrence = (guint) value;
        }
      q->note = qg_problems_string_member (l->problems, obj, path, "note", FALSE);
      q->draft = qg_problems_boolean_member (l->problems, obj, path, "draft");
      if (!use->registered || text == NULL || !ok)
        continue;
      q->id = json_object_get_string_member (obj, "id");
      q->text = text;
      use->index = (gint) l->doc->n_quotes;
      g_hash_table_insert (l->doc->quote_index, (gpointer) q->id,
                           GUINT_TO_POINTER (l->doc->n_quotes + 1));
      l->doc->n_quotes++;
    }
}

static QgStance
read_stance (Loader     *l,
             JsonObject *obj,
             const char *path,
             gboolean   *ok)
{
  const char *stance = qg_problems_string_member (l->problems, obj, path, "stance", FALSE);
  g_autofree char *stance_path = NULL;

  if (stance == NULL || strcmp (stance, "neutral") == 0)
    return QG_STANCE_NEUTRAL;
  if (strcmp (stance, "support") == 0)
    return QG_STANCE_SUPPORT;
  if (strcmp (stance, "oppose") == 0)
    return QG_STANCE_OPPOSE;

  stance_path = qg_problems_join_path (path, "stance");
  report (l, stance_path, stance_path,
          _("unknown stance \"%s\" (use \"support\", \"oppose\" or \"neutral\")"), stance);
  *ok = FALSE;
  return QG_STANCE_NEUTRAL;
}

static gboolean
read_evidence (Loader     *l,
               JsonObject *obj,
               const char *path,
               QgRelation *r)
{
  JsonNode *evidence = qg_problems_member (l->problems, obj, path, "evidence", QG_WANT_ARRAY, TRUE);
  JsonArray *ev;
  gboolean ok = TRUE;
  guint n_ev;

  if (evidence == NULL)
    return FALSE;
  ev = json_node_get_array (evidence);
  n_ev = json_array_get_length (ev);
  if (n_ev == 0)
    {
      g_autofree char *ev_path = qg_problems_join_path (path, "evidence");
      report (l, ev_path, ev_path, _("no evidence: every relation needs at least one quote"));
      return FALSE;
    }

  r->evidence = g_new0 (guint, n_ev);
  for (guint j = 0; j < n_ev; j++)
    {
      JsonNode *ref = json_array_get_element (ev, j);
      gint q;

      if (!qg_problems_node_is_string (ref))
        {
          g_autofree char *ref_path = g_strdup_printf ("%s.evidence[%u]", path, j);
          qg_problems_check_type (l->problems, ref, ref_path, QG_WANT_STRING);
          ok = FALSE;
          continue;
        }
      q = resolve_ref (l, json_node_get_string (ref), ID_QUOTE, "%s.evidence[%u]", path, j);
      if (q < 0)
        ok = FALSE;
      else
        r->evidence[r->n_evidence++] = (guint) q;
    }
  return ok;
}

static void
read_relations (Loader     *l,
                JsonObject *root)
{
  JsonArray *array = array_member (l, root, "relations");
  guint n;

  if (array == NULL)
    return;
  n = json_array_get_length (array);
  l->doc->relations = g_new0 (QgRelation, n);
  for (guint i = 0; i < n; i++)
    {
      QgRelation *r = &l->doc->relations[l->doc->n_relations];
      IdUse *use = &l->uses[ID_RELATION][i];
      const char *source, *target, *label;
      JsonObject *obj;
      gboolean ok;
      char path[48];

      use_path (use, path, sizeof path);
      obj = element_object (l, array, i, path);
      if (obj == NULL)
        continue;
      ok = use->registered;

      r->source = r->target = -1;
      source = qg_problems_string_member (l->problems, obj, path, "source", TRUE);
      if (source != NULL)
        r->source = resolve_ref (l, source, ID_ENTITY, "%s.source", path);
      target = qg_problems_string_member (l->problems, obj, path, "target", TRUE);
      if (target != NULL)
        r->target = resolve_ref (l, target, ID_ENTITY, "%s.target", path);
      ok &= r->source >= 0 && r->target >= 0;

      label = qg_problems_text_member (l->problems, obj, path, "label");
      ok &= label != NULL;
      r->stance = read_stance (l, obj, path, &ok);
      r->draft = qg_problems_boolean_member (l->problems, obj, path, "draft");
      ok &= read_evidence (l, obj, path, r);

      if (!ok)
        {
          g_clear_pointer (&r->evidence, g_free);
          r->n_evidence = 0;
          continue;
        }
      r->id = json_object_get_string_member (obj, "id");
      r->label = label;
      use->index = (gint) l->doc->n_relations;
      l->doc->n_relations++;
    }
}

/* A quote of the document an edit was made to, with the same text (the
 * same string of the JSON tree both share) and occurrence, is in the
 * same place: only the others are looked for. */
static gboolean
reuse_place (Loader  *l,
             QgQuote *q)
{
  QgDocument *previous = l->previous;
  gint j;

  if (previous == NULL || previous->text != l->doc->text)
    return FALSE;
  j = qg_document_find_quote (previous, q->id);
  if (j < 0 || previous->quotes[j].text != q->text
      || previous->quotes[j].occurrence != q->occurrence)
    return FALSE;
  q->start = previous->quotes[j].start;
  q->end = previous->quotes[j].end;
  return TRUE;
}

/* Proves every quote against the article and records its byte range. */
static void
verify_quotes (Loader *l)
{
  QgDocument *doc = l->doc;
  g_autoptr(QgArticleIndex) index = NULL;
  g_autofree QgPassage *passages = NULL;
  g_autofree guint *quotes = NULL;
  guint n = 0;

  if (doc->n_quotes == 0 || doc->text == NULL)
    return;

  passages = g_new0 (QgPassage, doc->n_quotes);
  quotes = g_new (guint, doc->n_quotes);
  for (guint i = 0; i < doc->n_quotes; i++)
    {
      if (reuse_place (l, &doc->quotes[i]))
        continue;
      passages[n].text = doc->quotes[i].text;
      passages[n].occurrence = doc->quotes[i].occurrence;
      quotes[n++] = i;
    }
  if (n == 0)
    return;

  index = qg_article_index_new (doc->text, doc->text_len);
  if (!qg_article_index_find (index, passages, n))
    {
      report (l, "quotes", "quotes",
              _("checking the quotes took too long: the article and the quotes repeat the same "
                "text too many times"));
      return;
    }

  for (guint k = 0; k < n; k++)
    {
      QgPassage *passage = &passages[k];
      QgQuote *q = &doc->quotes[quotes[k]];
      IdUse *use;
      g_autofree char *where = NULL;
      g_autofree char *locate = NULL;
      char path[48];

      if (passage->found)
        {
          q->start = passage->start;
          q->end = passage->end;
          continue;
        }

      /* Name the element by its position in the file, not in our arrays. */
      use = g_hash_table_lookup (l->ids, q->id);
      use_path (use, path, sizeof path);
      where = g_strdup_printf ("%s \"%s\"", path, q->id);
      locate = g_strconcat (path, ".text", NULL);
      if (passage->count == 0 && l->n_prefixes++ >= MAX_PREFIXES)
        {
          report (l, where, locate, _("text not found in the article"));
          continue;
        }
      if (passage->count == 0)
        {
          g_autofree char *prefix = qg_article_index_longest_prefix (index, q->text);

          if (qg_article_index_found_if_folded (index, q->text) && prefix[0] != '\0')
            report (l, where, locate,
                    _("text not found in the article; longest part found: \"%s\"; it would "
                      "match if its quote marks were those of the article (“ ” and \" differ)"),
                    prefix);
          else if (qg_article_index_found_if_folded (index, q->text))
            report (l, where, locate,
                    _("text not found in the article; it would match if its quote marks were "
                      "those of the article (“ ” and \" differ)"));
          else if (prefix[0] != '\0')
            report (l, where, locate,
                    _("text not found in the article; longest part found: \"%s\""), prefix);
          else
            report (l, where, locate, _("text not found in the article; no part of it occurs"));
        }
      else
        {
          report (l, where, locate,
                  g_dngettext (GETTEXT_PACKAGE,
                               "text occurs %u time in the article, but occurrence is %u",
                               "text occurs %u times in the article, but occurrence is %u",
                               passage->count),
                  passage->count, q->occurrence);
        }
    }
}

static void
read_document (Loader   *l,
               JsonNode *root_node)
{
  JsonObject *root;
  JsonNode *format;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      report (l, NULL, "", _("the document must be a JSON object, not %s"),
              qg_problems_type_name (root_node));
      return;
    }
  root = json_node_get_object (root_node);

  format = qg_problems_member (l->problems, root, "", "format", QG_WANT_STRING, TRUE);
  if (format == NULL)
    return;
  if (strcmp (json_node_get_string (format), "quotegraph/1") != 0)
    {
      /* Another version's rules would only produce noise: stop here. */
      report (l, "format", "format",
              _("unsupported format \"%s\" (this version of Quotegraph reads \"quotegraph/1\")"),
              json_node_get_string (format));
      return;
    }

  {
    gint64 start = qg_timings_now ();

    read_article (l, root);
    register_ids (l, root);
    read_entities (l, root);
    read_quotes (l, root);
    read_relations (l, root);
    qg_timings_phase ("read", start);
  }
  {
    gint64 start = qg_timings_now ();

    verify_quotes (l);
    qg_timings_phase ("verify", start);
  }
}

/* Turns the problems into one message, a located line each. */
QgDocument *
qg_document_read_tree (JsonNode      *root,
                       const char    *data,
                       gsize          length,
                       GFile         *base_dir,
                       const char    *display_name,
                       QgDocument    *previous,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(QgDocument) doc = g_object_new (QG_TYPE_DOCUMENT, NULL);
  Loader l = { 0 };

  l.doc = doc;
  l.previous = previous;
  l.display = display_name;
  l.base_dir = base_dir;
  l.cancellable = cancellable;
  l.problems = qg_problems_new (display_name);
  l.ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* The document keeps the tree: its strings are the model's. */
  doc->root = json_node_ref (root);
  read_document (&l, doc->root);

  if (qg_problems_get_count (l.problems) > 0)
    {
      g_autofree char *text = qg_problems_format (l.problems, data, length);
      g_set_error_literal (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID, text);
      g_clear_object (&doc);
    }
  else if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_object (&doc);
    }
  else
    qg_document_build_indexes (doc);
  qg_problems_free (l.problems);
  g_hash_table_unref (l.ids);
  for (guint i = 0; i < G_N_ELEMENTS (l.uses); i++)
    g_free (l.uses[i]);

  return g_steal_pointer (&doc);
}

JsonNode *
qg_document_parse_json (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autofree char *message = NULL;
  guint line, column;
  gint64 start;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > QG_DOCUMENT_MAX_BYTES)
    {
      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB, the most Quotegraph opens"),
                   display_name, QG_DOCUMENT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  start = qg_timings_now ();
  if (!qg_json_check_syntax (data, length, QG_DOCUMENT_MAX_DEPTH, &line, &column, &message))
    {
      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_SYNTAX, "%s:%u:%u: %s: %s",
                   display_name, line, column, _("error"), message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      /* The strict check above should have caught it; say what json-glib says. */
      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_SYNTAX, "%s: %s: %s",
                   display_name, _("error"), json_error->message);
      return NULL;
    }
  qg_timings_phase ("parse", start);
  return json_parser_steal_root (parser);
}

QgDocument *
qg_document_load_from_data (const char    *data,
                            gsize          length,
                            GFile         *base_dir,
                            const char    *display_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(JsonNode) root = qg_document_parse_json (data, length, display_name, error);

  if (root == NULL)
    return NULL;
  return qg_document_read_tree (root, data, length, base_dir, display_name, NULL, cancellable,
                                error);
}

gboolean
qg_document_read_file (GFile         *file,
                       const char    *display_name,
                       GCancellable  *cancellable,
                       char         **contents,
                       gsize         *length,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  switch (load_limited (file, cancellable, contents, length, &local_error))
    {
    case LOAD_OK:
      return TRUE;
    case LOAD_NOT_REGULAR:
      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_READ, "%s: %s: %s", display_name,
                   _("cannot read the file"), _("it is not a regular file"));
      return FALSE;
    case LOAD_TOO_LARGE:
      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB, the most Quotegraph opens"),
                   display_name, QG_DOCUMENT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    case LOAD_FAILED:
    default:
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_READ, "%s: %s: %s", display_name,
                   _("cannot read the file"), describe_read_error (local_error));
      return FALSE;
    }
}

QgDocument *
qg_document_load (GFile         *file,
                  const char    *display_name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) base_dir = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  QgDocument *doc;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = shown = g_file_get_parse_name (file);

  if (!qg_document_read_file (file, display_name, cancellable, &contents, &length, error))
    return NULL;

  base_dir = g_file_get_parent (file);
  doc = qg_document_load_from_data (contents, length, base_dir, display_name, cancellable,
                                    error);
  if (doc != NULL)
    doc->file = g_object_ref (file);
  return doc;
}

typedef struct
{
  GFile *file;
  char  *display_name;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->display_name);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  QgDocument *doc;

  qg_thread_give_way ();
  doc = qg_document_load (data->file, data->display_name, cancellable, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

void
qg_document_load_async (GFile               *file,
                        const char          *display_name,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, qg_document_load_async);
  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->display_name = g_strdup (display_name);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

QgDocument *
qg_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == qg_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

