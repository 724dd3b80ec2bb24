/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-sniff"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-document.h"
#include "qg-json.h"
#include "qg-sniff.h"
#include "qg-thread.h"

G_DEFINE_QUARK (qg-sniff-error-quark, qg_sniff_error)

/* ------------------------------------------------------------------------ */
/* JSON: only as far as the top-level members                                */

typedef enum
{
  SCAN_OK,
  SCAN_END,  /* the data ended first */
  SCAN_BAD,  /* not JSON there */
} Scan;

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

static void
skip_space (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

/* From an opening quote to past the closing one. */
static Scan
skip_string (Cursor *c)
{
  c->p++;
  while (c->p < c->end)
    {
      guchar ch = *c->p++;

      if (ch == '"')
        return SCAN_OK;
      if (ch == '\\')
        {
          if (c->p == c->end)
            return SCAN_END;
          c->p++;
        }
      else if (ch < 0x20)
        return SCAN_BAD;
    }
  return SCAN_END;
}

/* Past one value, however deep: the nesting is counted, not checked,
 * which is the loader's work. */
static Scan
skip_value (Cursor *c)
{
  guint depth = 0;

  do
    {
      skip_space (c);
      if (c->p == c->end)
        return SCAN_END;
      switch (*c->p)
        {
        case '"':
          {
            Scan scan = skip_string (c);

            if (scan != SCAN_OK)
              return scan;
          }
          break;
        case '{':
        case '[':
          depth++;
          c->p++;
          break;
        case '}':
        case ']':
          if (depth == 0)
            return SCAN_BAD;
          depth--;
          c->p++;
          break;
        case ',':
        case ':':
          if (depth == 0)
            return SCAN_BAD;
          c->p++;
          break;
        default:
          while (c->p < c->end && strchr (" \t\n\r,:[]{}\"", *c->p) == NULL)
            c->p++;
          if (depth == 0 && c->p == c->end)
            return SCAN_END;
        }
    }
  while (depth > 0);
  return SCAN_OK;
}

/* Whether the raw characters of a member's name spell @name, escapes
 * read ("\u0061rticle" is "article"). */
static gboolean
key_is (const char *key,
        const char *key_end,
        const char *name)
{
  char decoded[16];
  gsize n = 0;

  for (const char *p = key; p < key_end; p++)
    {
      char ch = *p;

      if (n == sizeof decoded)
        return FALSE;
      if (ch == '\\' && p + 1 < key_end)
        {
          p++;
          if (*p == 'u' && key_end - p > 4 && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2])
              && g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]))
            {
              guint value = (g_ascii_xdigit_value (p[1]) << 12) | (g_ascii_xdigit_value (p[2]) << 8)
                            | (g_ascii_xdigit_value (p[3]) << 4) | g_ascii_xdigit_value (p[4]);

              /* Only ASCII can spell the names looked for. */
              if (value == 0 || value > 0x7F)
                return FALSE;
              ch = (char) value;
              p += 4;
            }
          else
            ch = *p;
        }
      decoded[n++] = ch;
    }
  return n == strlen (name) && memcmp (decoded, name, n) == 0;
}

typedef enum
{
  JSON_NOT,       /* not JSON: text that begins with a brace, perhaps */
  JSON_DOCUMENT,  /* a document, or JSON too broken or too long to tell: the loader says */
  JSON_OTHER,     /* JSON, whole, and no document */
  JSON_AIF,       /* an AIF argument map: "nodes" and "edges", or "AIF" */
} JsonVerdict;

/* A document is an object with an "article" object or a "format" of
 * Quotegraph's. JSON that breaks before either is found is taken for a
 * document once its first member has begun: whoever opens a broken map
 * wants the loader's line and column, not "this is not a map". */
static JsonVerdict
sniff_object (Cursor *c)
{
  gboolean first = TRUE;
  gboolean aif = FALSE;

  c->p++;
  skip_space (c);
  if (c->p < c->end && *c->p == '}')
    return JSON_OTHER;
  for (;;)
    {
      const char *key, *key_end;

      skip_space (c);
      if (c->p == c->end || *c->p != '"')
        return first ? JSON_NOT : JSON_DOCUMENT;
      key = c->p + 1;
      if (skip_string (c) != SCAN_OK)
        return first ? JSON_NOT : JSON_DOCUMENT;
      key_end = c->p - 1;
      skip_space (c);
      if (c->p == c->end || *c->p != ':')
        return first ? JSON_NOT : JSON_DOCUMENT;
      c->p++;
      first = FALSE;
      skip_space (c);

      if (key_is (key, key_end, "article") && c->p < c->end && *c->p == '{')
        return JSON_DOCUMENT;
      if (key_is (key, key_end, "format") && c->end - c->p >= 12
          && memcmp (c->p, "\"quotegraph/", 12) == 0)
        return JSON_DOCUMENT;
      /* AIFdb's "nodes" at the top, or OVA3's "AIF" object. */
      if ((key_is (key, key_end, "nodes") && c->p < c->end && *c->p == '[')
          || (key_is (key, key_end, "AIF") && c->p < c->end && *c->p == '{'))
        aif = TRUE;
      if (skip_value (c) != SCAN_OK)
        return aif ? JSON_AIF : JSON_DOCUMENT;
      skip_space (c);
      if (c->p == c->end)
        return aif ? JSON_AIF : JSON_DOCUMENT;
      if (*c->p == '}')
        return aif ? JSON_AIF : JSON_OTHER;
      if (*c->p != ',')
        return JSON_DOCUMENT;
      c->p++;
    }
}

/* An array at the top is JSON only if it is one, whole, or runs on past
 * what was read after an opening that text would not have ("[Reuters]
 * Washington" is an article). */
static JsonVerdict
sniff_array (Cursor *c)
{
  const char *start = c->p;
  Scan scan = skip_value (c);

  if (scan == SCAN_OK)
    {
      skip_space (c);
      return c->p == c->end ? JSON_OTHER : JSON_NOT;
    }
  if (scan == SCAN_END)
    {
      Cursor after = { start + 1, c->end };

      skip_space (&after);
      if (after.p < after.end && (*after.p == '{' || *after.p == '"' || *after.p == '['))
        return JSON_OTHER;
    }
  return JSON_NOT;
}

static JsonVerdict
sniff_json (const char *data,
            gsize       length)
{
  Cursor c = { data, data + length };

  skip_space (&c);
  if (c.p == c.end)
    return JSON_NOT;
  if (*c.p == '{')
    return sniff_object (&c);
  if (*c.p == '[')
    return sniff_array (&c);
  return JSON_NOT;
}

/* Whether JSON that is no document is all there and well formed: JSON
 * that breaks anywhere is the loader's to place by line and column. */
static gboolean
is_whole_json (const char *data,
               gsize       length,
               gboolean    complete)
{
  g_autofree char *message = NULL;
  guint line, column;

  /* What follows the top-level value within what was read is more than
   * JSON allows, unless it is all white space, which is no map's. */
  if (!complete)
    return FALSE;
  return qg_json_check_syntax (data, length, QG_DOCUMENT_MAX_DEPTH, &line, &column, &message);
}

/* ------------------------------------------------------------------------ */
/* HTML: by how it begins, in ASCII, whatever its character set              */

static const char * const html_elements[] = {
  "html", "head", "body", "title", "meta", "link", "base", "style", "script", "noscript",
  "p", "div", "span", "a", "br", "hr", "img", "h1", "h2", "h3", "h4", "h5", "h6", "article",
  "section", "header", "footer", "nav", "main", "aside", "figure", "table", "ul", "ol", "li",
  "dl", "blockquote", "pre", "form", "iframe", "b", "i", "em", "strong", "font", "center",
};

static gboolean
starts_with_ci (const char *p,
                const char *end,
                const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Past white space, comments and an XML declaration, the first tag is
 * HTML's: a doctype of html, or an element HTML has. */
static gboolean
looks_like_html (const char *data,
                 gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (starts_with_ci (p, end, "<!--"))
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return FALSE;
          p = close + 3;
        }
      else if (starts_with_ci (p, end, "<?xml"))
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return FALSE;
          p = close + 2;
        }
      else
        break;
    }
  if (p == end || *p != '<')
    return FALSE;
  if (starts_with_ci (p, end, "<!doctype html"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (html_elements); i++)
    {
      gsize n = strlen (html_elements[i]);

      if (starts_with_ci (p + 1, end, html_elements[i]) && p + 1 + n < end
          && strchr (" \t\n\r>/", p[1 + n]) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* DOT: by the shape of its first statement                                  */

/* Past white space and DOT's comments: C's and C++'s, and lines that
 * begin with '#' (cpp's output). NULL if a comment does not end. */
static const char *
skip_dot_blank (const char *p,
                const char *end)
{
  gboolean line_start = TRUE;

  while (p < end)
    {
      if (*p == '\n')
        line_start = TRUE, p++;
      else if (g_ascii_isspace (*p))
        p++;
      else if ((line_start && *p == '#') || (end - p >= 2 && memcmp (p, "//", 2) == 0))
        {
          const char *eol = memchr (p, '\n', end - p);

          p = eol ? eol : end;
        }
      else if (end - p >= 2 && memcmp (p, "/*", 2) == 0)
        {
          const char *close = g_strstr_len (p + 2, end - p - 2, "*/");

          if (close == NULL)
            return NULL;
          p = close + 2;
          line_start = FALSE;
        }
      else
        break;
    }
  return p;
}

static gboolean
is_dot_id_char (char ch)
{
  return g_ascii_isalnum (ch) || ch == '_' || (guchar) ch >= 0x80;
}

/* Past @keyword, which DOT spells in any case, if it is the word at @p. */
static const char *
skip_keyword (const char *p,
              const char *end,
              const char *keyword)
{
  gsize n = strlen (keyword);

  if (!starts_with_ci (p, end, keyword) || (p + n < end && is_dot_id_char (p[n])))
    return NULL;
  return p + n;
}

/* Past a graph's ID: a name or a number, a quoted string, or an HTML
 * string; @p itself if there is none. NULL if it is cut off. */
static const char *
skip_dot_id (const char *p,
             const char *end)
{
  if (p < end && *p == '"')
    {
      for (p++; p < end; p++)
        if (*p == '\\' && p + 1 < end)
          p++;
        else if (*p == '"')
          return p + 1;
      return NULL;
    }
  if (p < end && *p == '<')
    {
      guint depth = 0;

      for (; p < end; p++)
        if (*p == '<')
          depth++;
        else if (*p == '>' && --depth == 0)
          return p + 1;
      return NULL;
    }
  while (p < end && (is_dot_id_char (*p) || *p == '.' || *p == '-'))
    p++;
  return p;
}

/* "[strict] (graph|digraph) [ID] {": a sentence that begins with the
 * word "graph" has no brace after its next word. */
static gboolean
looks_like_dot (const char *data,
                gsize       length)
{
  const char *end = data + length;
  const char *p = skip_dot_blank (data, end);
  const char *after;

  if (p == NULL)
    return FALSE;
  if ((after = skip_keyword (p, end, "strict")) != NULL)
    if ((p = skip_dot_blank (after, end)) == NULL)
      return FALSE;
  if ((after = skip_keyword (p, end, "graph")) == NULL
      && (after = skip_keyword (p, end, "digraph")) == NULL)
    return FALSE;
  if ((p = skip_dot_blank (after, end)) == NULL)
    return FALSE;
  if (p < end && *p != '{')
    {
      if ((p = skip_dot_id (p, end)) == NULL || (p = skip_dot_blank (p, end)) == NULL)
        return FALSE;
    }
  return p < end && *p == '{';
}

/* ------------------------------------------------------------------------ */
/* Text                                                                      */

/* Whether @at begins a character that the end of what was read cut short. */
static gboolean
is_cut_character (const char *at,
                  const char *end)
{
  guchar lead = *at;
  gsize need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
               : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;

  if (need == 0 || (gsize) (end - at) >= need)
    return FALSE;
  for (const char *p = at + 1; p < end; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      return FALSE;
  return TRUE;
}

static const char *
skip_blank (const char *p,
            const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* "FILE: WHAT: REASON", as the loader's messages read. */
static QgFileKind
fail (GError       **error,
      QgSniffError   code,
      const char    *display_name,
      const char    *what,
      const char    *reason)
{
  g_set_error (error, QG_SNIFF_ERROR, code, "%s: %s: %s", display_name, what, reason);
  return QG_FILE_KIND_UNKNOWN;
}

static QgFileKind
unrecognised (GError    **error,
              const char *display_name,
              const char *reason)
{
  return fail (error, QG_SNIFF_ERROR_UNRECOGNISED, display_name,
               _("not a Quotegraph document or an article"), reason);
}

/* What else a person may take for an article, by how it begins. The
 * shared MIME database would name more, but its names are its own to
 * translate, and what it is read into stays allocated. */
typedef struct
{
  const char *magic;
  gsize       length;
  gsize       offset;
  const char *what;
} Signature;

static const Signature signatures[] = {
  { "%PDF-", 5, 0, N_("it is a PDF document") },
  { "\x89PNG\r\n\x1A\n", 8, 0, N_("it is a PNG image") },
  { "\xFF\xD8\xFF", 3, 0, N_("it is a JPEG image") },
  { "GIF87a", 6, 0, N_("it is a GIF image") },
  { "GIF89a", 6, 0, N_("it is a GIF image") },
  { "PK\x03\x04", 4, 0,
    N_("it is a ZIP archive, or a document made of one (DOCX, ODT, EPUB)") },
  { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, 0,
    N_("it is a Microsoft Office document of the old kind (DOC, XLS, PPT)") },
  { "{\\rtf", 5, 0, N_("it is an RTF document") },
  { "\x1F\x8B", 2, 0, N_("it is a gzip archive") },
  { "\x7F" "ELF", 4, 0, N_("it is a program") },
  { "<svg", 4, 0, N_("it is an SVG image") },
};

/* What @data (from its first byte that is not white space) is known to
 * be, in words, or NULL. */
static const char *
named_kind (const char *data,
            gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      const Signature *s = &signatures[i];

      if (length >= s->offset + s->length
          && memcmp (data + s->offset, s->magic, s->length) == 0)
        return _(s->what);
    }
  /* XML that is not XHTML (which is HTML's, above). */
  if (starts_with_ci (data, data + length, "<?xml"))
    return g_strstr_len (data, MIN (length, 4096), "<svg") ? _("it is an SVG image")
                                                           : _("it is an XML document");
  return NULL;
}

QgFileKind
qg_sniff_data (const char  *data,
               gsize        length,
               gboolean     complete,
               const char  *display_name,
               GError     **error)
{
  const char *text = data;
  const char *start;
  const char *end = data + length;
  const char *invalid = NULL;
  const char *kind;

  g_return_val_if_fail (data != NULL || length == 0, QG_FILE_KIND_UNKNOWN);
  g_return_val_if_fail (display_name != NULL, QG_FILE_KIND_UNKNOWN);

  /* A UTF-8 byte order mark is tolerated, as the loader does. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    text += 3;
  start = text;
  if (end - start >= 2 && (memcmp (start, "\xFF\xFE", 2) == 0 || memcmp (start, "\xFE\xFF", 2) == 0))
    return unrecognised (error, display_name,
                         _("it is UTF-16 text, and an article must be UTF-8"));
  if (skip_blank (start, end) == end)
    return unrecognised (error, display_name, _("the file is empty"));

  switch (sniff_json (start, end - start))
    {
    case JSON_DOCUMENT:
      return QG_FILE_KIND_DOCUMENT;
    case JSON_AIF:
      g_set_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_AIF,
                   _("%s: an AIF argument map, as OVA and AIFdb write it, not a Quotegraph "
                     "document"), display_name);
      return QG_FILE_KIND_UNKNOWN;
    case JSON_OTHER:
      if (!is_whole_json (text, end - text, complete))
        return QG_FILE_KIND_DOCUMENT;
      g_set_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_UNRECOGNISED,
                   _("%s: a JSON file, but not a Quotegraph document: it has no \"article\" "
                     "object"), display_name);
      return QG_FILE_KIND_UNKNOWN;
    case JSON_NOT:
    default:
      /* A map written by hand that breaks JSON at once (a comment, a name
       * without quotes) still says what it is. */
      if (g_strstr_len (start, end - start, "\"quotegraph/") != NULL
          && *skip_blank (start, end) == '{')
        return QG_FILE_KIND_DOCUMENT;
      break;
    }

  /* Before the check for UTF-8: DOT may be in Latin-1 (charset=latin1). */
  if (looks_like_dot (start, end - start))
    {
      g_set_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_DOT,
                   _("%s: a Graphviz graph, not a Quotegraph document"), display_name);
      return QG_FILE_KIND_UNKNOWN;
    }
  if (looks_like_html (start, end - start))
    return QG_FILE_KIND_HTML;
  start = skip_blank (start, end);
  kind = named_kind (start, end - start);
  if (kind != NULL)
    return unrecognised (error, display_name, kind);

  if (memchr (start, '\0', end - start) != NULL)
    return unrecognised (error, display_name, _("it holds binary data, not text"));
  if (!qg_utf8_validate (start, end - start, &invalid) && (complete
                                                           || !is_cut_character (invalid, end)))
    {
      guint line, column;

      /* Before it, all is UTF-8: its place is counted in characters. */
      qg_text_position (text, invalid, &line, &column);
      g_set_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_UNRECOGNISED,
                   _("%s:%u:%u: not a Quotegraph document or an article: byte 0x%02X is not "
                     "UTF-8, and an article must be UTF-8"),
                   display_name, line, column, (guchar) *invalid);
      return QG_FILE_KIND_UNKNOWN;
    }
  return QG_FILE_KIND_TEXT;
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */

/* The loader's words, so that a file reads the same wherever it failed. */
static QgFileKind
read_error (GError     **error,
            const char  *display_name,
            const char  *reason)
{
  return fail (error, QG_SNIFF_ERROR_READ, display_name, _("cannot read the file"), reason);
}

static QgFileKind
io_error (GError     **error,
          GError      *local_error,
          const char  *display_name)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (local_error));
      return QG_FILE_KIND_UNKNOWN;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return read_error (error, display_name, _("no such file"));
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return read_error (error, display_name, _("permission denied"));
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return read_error (error, display_name, _("it is a folder"));
  return read_error (error, display_name, local_error->message);
}

QgFileKind
qg_sniff_file (GFile         *file,
               const char    *display_name,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *data = NULL;
  g_autofree char *shown = NULL;
  gsize got = 0;

  g_return_val_if_fail (G_IS_FILE (file), QG_FILE_KIND_UNKNOWN);

  if (display_name == NULL)
    display_name = shown = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    return io_error (error, local_error, display_name);
  /* A pipe or a device would be read without end, or block. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    return read_error (error, display_name, _("it is a folder"));
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return read_error (error, display_name, _("it is not a regular file"));

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    return io_error (error, local_error, display_name);
  /* A byte more than is looked at says whether that is all. */
  data = g_malloc (QG_SNIFF_BYTES + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, QG_SNIFF_BYTES + 1, &got,
                                cancellable, &local_error))
    return io_error (error, local_error, display_name);
  return qg_sniff_data (data, MIN (got, QG_SNIFF_BYTES), got <= QG_SNIFF_BYTES, display_name,
                        error);
}

typedef struct
{
  GFile *file;
  char  *display_name;
} SniffData;

static void
sniff_data_free (SniffData *data)
{
  g_object_unref (data->file);
  g_free (data->display_name);
  g_free (data);
}

static void
sniff_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SniffData *data = task_data;
  GError *error = NULL;
  QgFileKind kind;

  qg_thread_give_way ();
  kind = qg_sniff_file (data->file, data->display_name, cancellable, &error);

  if (kind == QG_FILE_KIND_UNKNOWN)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, kind);
}

void
qg_sniff_file_async (GFile               *file,
                     const char          *display_name,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SniffData *data;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, qg_sniff_file_async);
  data = g_new0 (SniffData, 1);
  data->file = g_object_ref (file);
  data->display_name = display_name ? g_strdup (display_name) : g_file_get_parse_name (file);
  g_task_set_task_data (task, data, (GDestroyNotify) sniff_data_free);
  g_task_run_in_thread (task, sniff_thread);
}

QgFileKind
qg_sniff_file_finish (GAsyncResult  *result,
                      GError       **error)
{
  GError *local_error = NULL;
  gssize kind;

  g_return_val_if_fail (g_task_is_valid (result, NULL), QG_FILE_KIND_UNKNOWN);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == qg_sniff_file_async,
                        QG_FILE_KIND_UNKNOWN);

  kind = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return QG_FILE_KIND_UNKNOWN;
    }
  return (QgFileKind) kind;
}
