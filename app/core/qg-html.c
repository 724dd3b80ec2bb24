/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-html"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <string.h>

#include "qg-html.h"

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

/* How far into a page its <meta charset> is looked for. HTML requires it
 * in the first 1,024 bytes; pages put longer heads before it. */
#define CHARSET_PRESCAN_BYTES (64 * 1024)

static const int parse_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                 | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS * 0 | XML_PARSE_HUGE;

/* ------------------------------------------------------------------------ */
/* Characters                                                                */

/* U+0080 to U+009F as HTML reads them in a character reference (&#146;)
 * and as Windows-1252 encodes them: the C1 controls that pages mean as
 * typographic characters. 0: none, the character is dropped. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* What HTML collapses, and the no-break space: pages put &nbsp; where
 * they mean layout (an empty paragraph, a gap), and a quote typed from
 * the article has a plain space there. */
static gboolean
is_collapsible (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x00A0;
}

/* The character the text shows for @c, or 0 for none: control characters
 * and the invisible soft hyphen and byte order mark are not text. */
static gunichar
shown_char (gunichar c)
{
  if (c >= 0x80 && c <= 0x9F)
    return windows_1252_high[c - 0x80];
  if (c < 0x20 || c == 0x7F || c == 0x00AD || c == 0xFEFF)
    return 0;
  return c;
}

/* ------------------------------------------------------------------------ */
/* The character set                                                         */

/* Whether @word is one of @names, in any case. */
static gboolean
is_one_of (const char         *word,
           const char * const *names)
{
  for (guint i = 0; names[i]; i++)
    if (g_ascii_strcasecmp (word, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* What the WHATWG Encoding Standard reads as Windows-1252: browsers read
 * a page that says ISO-8859-1 or ASCII so, and its quotes (0x92) with it. */
static gboolean
is_windows_1252 (const char *charset)
{
  static const char * const names[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
    "l1", "iso-ir-100", "ibm819", "cp819", "csisolatin1", "us-ascii", "ascii", "ansi_x3.4-1968",
    NULL
  };

  return is_one_of (charset, names);
}

/* UTF-16 declared in a page read as bytes is UTF-8 (the WHATWG's rule). */
static gboolean
is_utf8 (const char *charset)
{
  static const char * const names[] = {
    "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", NULL
  };

  return is_one_of (charset, names);
}

static GString *
windows_1252_to_utf8 (const char *data,
                      gsize       length)
{
  GString *out = g_string_sized_new (length + length / 8 + 1);

  for (gsize i = 0; i < length; i++)
    {
      guchar b = data[i];

      if (b < 0x80)
        g_string_append_c (out, b);
      else if (b <= 0x9F && windows_1252_high[b - 0x80] != 0)
        g_string_append_unichar (out, windows_1252_high[b - 0x80]);
      else
        /* Latin-1, and the five bytes Windows-1252 leaves undefined read
         * as C1 controls, as browsers read them, which the text drops. */
        g_string_append_unichar (out, b);
    }
  return out;
}

/* @data in @charset as UTF-8, a byte that is not of @charset shown as
 * U+FFFD; NULL if iconv does not know @charset. */
static GString *
iconv_to_utf8 (const char *data,
               gsize       length,
               const char *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  GString *out;
  char *in = (char *) data;
  gsize in_left = length;
  char buffer[4096];

  if (cd == (GIConv) -1)
    return NULL;
  out = g_string_sized_new (length + 1);
  while (in_left > 0)
    {
      char *o = buffer;
      gsize o_left = sizeof buffer;
      gsize done = g_iconv (cd, &in, &in_left, &o, &o_left);
      int saved = errno;

      g_string_append_len (out, buffer, o - buffer);
      if (done != (gsize) -1 || saved == E2BIG)
        continue;
      /* Not of @charset, or cut short at the end: one byte passed over. */
      g_string_append (out, REPLACEMENT_CHARACTER);
      in++;
      in_left--;
      g_iconv (cd, NULL, NULL, NULL, NULL);
    }
  {
    /* A stateful character set's last shift back. */
    char *o = buffer;
    gsize o_left = sizeof buffer;

    g_iconv (cd, NULL, NULL, &o, &o_left);
    g_string_append_len (out, buffer, o - buffer);
  }
  g_iconv_close (cd);
  return out;
}

static void
ignore_libxml_message (void       *data,
                       const char *format,
                       ...)
{
}

static void
ignore_libxml_error (void        *data,
                     xmlErrorPtr  error)
{
}

/* The character set the page declares in a <meta> near its start, as
 * libxml2's HTML parser finds it, or NULL. */
static char *
declared_charset (const char *data,
                  gsize       length)
{
  xmlDoc *doc = htmlReadMemory (data, (int) MIN (length, CHARSET_PRESCAN_BYTES), NULL, NULL,
                                parse_options);
  char *charset = NULL;

  if (doc != NULL && doc->encoding != NULL)
    charset = g_strdup ((const char *) doc->encoding);
  xmlFreeDoc (doc);
  return charset;
}

/* The page as valid UTF-8, without a NUL, for libxml2 to read as UTF-8
 * whatever it declares: libxml2 decodes a declared character set with
 * iconv, and glibc's iconv refuses Windows-1252's undefined bytes, at
 * which libxml2 ends the page's text. */
static char *
page_to_utf8 (const char *data,
              gsize       length)
{
  g_autofree char *charset = NULL;
  GString *decoded = NULL;
  char *valid;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    decoded = g_string_new_len (data + 3, length - 3);
  else if (length >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    decoded = iconv_to_utf8 (data + 2, length - 2, "UTF-16LE");
  else if (length >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    decoded = iconv_to_utf8 (data + 2, length - 2, "UTF-16BE");
  else
    {
      charset = declared_charset (data, length);
      if (charset != NULL && is_windows_1252 (charset))
        decoded = windows_1252_to_utf8 (data, length);
      else if (charset != NULL && !is_utf8 (charset))
        decoded = iconv_to_utf8 (data, length, charset);
    }
  /* Declared UTF-8, or undeclared (or unknown) and valid UTF-8, as
   * browsers guess; else what browsers fall back on. */
  if (decoded == NULL && ((charset != NULL && is_utf8 (charset))
                          || g_utf8_validate_len (data, length, NULL)))
    decoded = g_string_new_len (data, length);
  if (decoded == NULL)
    decoded = windows_1252_to_utf8 (data, length);

  /* A NUL or a byte that is not of the character set: U+FFFD. */
  valid = g_utf8_make_valid (decoded->str, decoded->len);
  g_string_free (decoded, TRUE);
  return valid;
}

/* ------------------------------------------------------------------------ */
/* Walking the tree                                                          */

typedef enum
{
  STEP_OVER,  /* a text, a comment, or an element left out */
  STEP_INTO,  /* an element whose children are walked, then left */
} Step;

typedef struct
{
  Step  (*enter) (gpointer data, xmlNode *node);
  void  (*leave) (gpointer data, xmlNode *node);
} Walker;

/* Walks @root's tree in document order without recursion: a malformed
 * page nests as deep as it likes. */
static void
walk (xmlNode      *root,
      const Walker *walker,
      gpointer      data)
{
  xmlNode *node;

  if (walker->enter (data, root) != STEP_INTO)
    return;
  node = root->children;
  while (node != NULL)
    {
      Step step = walker->enter (data, node);

      if (step == STEP_INTO && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (step == STEP_INTO)
        walker->leave (data, node);
      while (node->next == NULL)
        {
          node = node->parent;
          if (node == root)
            break;
          walker->leave (data, node);
        }
      if (node == root)
        break;
      node = node->next;
    }
  walker->leave (data, root);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

/* An attribute's value, or NULL; libxml2's HTML parser writes names in
 * lower case. */
static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
attribute_is (xmlNode    *node,
              const char *name,
              const char *value)
{
  g_autofree char *found = attribute (node, name);

  return found != NULL && g_ascii_strcasecmp (g_strstrip (found), value) == 0;
}

/* ------------------------------------------------------------------------ */
/* What an element is to the text                                            */

typedef enum
{
  ELEMENT_INLINE,
  ELEMENT_PARAGRAPH,  /* a block: a blank line before and after */
  ELEMENT_LINE,       /* a line of its own: a list item, a table row */
  ELEMENT_BREAK,      /* <br> */
  ELEMENT_CELL,       /* a tab between it and the next cell */
  ELEMENT_PRE,        /* a paragraph whose white space is kept */
  ELEMENT_DROPPED,    /* not the article's text, nor anything in it */
} ElementKind;

typedef struct
{
  const char  *name;
  ElementKind  kind;
} ElementRule;

/* Sorted by name, for bsearch. Elements not here are inline. */
static const ElementRule element_rules[] = {
  { "address", ELEMENT_PARAGRAPH },
  { "applet", ELEMENT_DROPPED },
  { "article", ELEMENT_PARAGRAPH },
  { "aside", ELEMENT_DROPPED },
  { "audio", ELEMENT_DROPPED },
  { "base", ELEMENT_DROPPED },
  { "blockquote", ELEMENT_PARAGRAPH },
  { "body", ELEMENT_PARAGRAPH },
  { "br", ELEMENT_BREAK },
  { "button", ELEMENT_DROPPED },
  { "canvas", ELEMENT_DROPPED },
  { "caption", ELEMENT_LINE },
  { "center", ELEMENT_PARAGRAPH },
  { "datalist", ELEMENT_DROPPED },
  { "dd", ELEMENT_LINE },
  { "details", ELEMENT_PARAGRAPH },
  { "dialog", ELEMENT_DROPPED },
  { "dir", ELEMENT_PARAGRAPH },
  { "div", ELEMENT_PARAGRAPH },
  { "dl", ELEMENT_PARAGRAPH },
  { "dt", ELEMENT_LINE },
  { "embed", ELEMENT_DROPPED },
  { "fieldset", ELEMENT_PARAGRAPH },
  { "figcaption", ELEMENT_PARAGRAPH },
  { "figure", ELEMENT_PARAGRAPH },
  { "footer", ELEMENT_PARAGRAPH },
  { "form", ELEMENT_DROPPED },
  { "frame", ELEMENT_DROPPED },
  { "frameset", ELEMENT_DROPPED },
  { "h1", ELEMENT_PARAGRAPH },
  { "h2", ELEMENT_PARAGRAPH },
  { "h3", ELEMENT_PARAGRAPH },
  { "h4", ELEMENT_PARAGRAPH },
  { "h5", ELEMENT_PARAGRAPH },
  { "h6", ELEMENT_PARAGRAPH },
  { "head", ELEMENT_DROPPED },
  { "header", ELEMENT_PARAGRAPH },
  { "hgroup", ELEMENT_PARAGRAPH },
  { "hr", ELEMENT_PARAGRAPH },
  { "html", ELEMENT_PARAGRAPH },
  { "iframe", ELEMENT_DROPPED },
  { "input", ELEMENT_DROPPED },
  { "legend", ELEMENT_PARAGRAPH },
  { "li", ELEMENT_LINE },
  { "link", ELEMENT_DROPPED },
  { "listing", ELEMENT_PRE },
  { "main", ELEMENT_PARAGRAPH },
  { "menu", ELEMENT_DROPPED },
  { "meta", ELEMENT_DROPPED },
  { "meter", ELEMENT_DROPPED },
  { "nav", ELEMENT_DROPPED },
  { "noembed", ELEMENT_DROPPED },
  { "noframes", ELEMENT_DROPPED },
  { "noscript", ELEMENT_DROPPED },
  { "object", ELEMENT_DROPPED },
  { "ol", ELEMENT_PARAGRAPH },
  { "option", ELEMENT_DROPPED },
  { "output", ELEMENT_DROPPED },
  { "p", ELEMENT_PARAGRAPH },
  { "plaintext", ELEMENT_PRE },
  { "pre", ELEMENT_PRE },
  { "progress", ELEMENT_DROPPED },
  { "script", ELEMENT_DROPPED },
  { "section", ELEMENT_PARAGRAPH },
  { "select", ELEMENT_DROPPED },
  { "style", ELEMENT_DROPPED },
  { "summary", ELEMENT_PARAGRAPH },
  { "svg", ELEMENT_DROPPED },
  { "table", ELEMENT_PARAGRAPH },
  { "td", ELEMENT_CELL },
  { "template", ELEMENT_DROPPED },
  { "textarea", ELEMENT_DROPPED },
  { "th", ELEMENT_CELL },
  { "title", ELEMENT_DROPPED },
  { "tr", ELEMENT_LINE },
  { "ul", ELEMENT_PARAGRAPH },
  { "video", ELEMENT_DROPPED },
  { "xmp", ELEMENT_PRE },
};

static int
compare_rule (const void *key,
              const void *rule)
{
  return strcmp (key, ((const ElementRule *) rule)->name);
}

static ElementKind
element_kind (xmlNode *node)
{
  const ElementRule *rule = bsearch (node->name, element_rules, G_N_ELEMENTS (element_rules),
                                     sizeof element_rules[0], compare_rule);

  return rule ? rule->kind : ELEMENT_INLINE;
}

/* Landmarks that are not the article: ARIA's names for navigation,
 * a page's banner and footer, side content, search, menus and dialogs. */
static const char * const dropped_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
  "toolbar", "dialog", "alertdialog", "alert", NULL
};

/* Class names and ids that news sites give what surrounds an article:
 * advertising, sharing, sign-ups, links elsewhere, reader comments. A
 * token is compared whole, so "ad" is not "add" nor "heading". */
static const char * const boilerplate_tokens[] = {
  "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle", "sponsored",
  "promo", "newsletter", "share", "sharing", "social", "social-share", "share-buttons",
  "related", "related-articles", "comments", "comment-list", "cookie-banner", "cookie-notice",
  "breadcrumb", "breadcrumbs", "skip-link", NULL
};

/* And tokens that start so: "ad-slot", "ads-top", "advertorial". */
static const char * const boilerplate_prefixes[] = { "ad-", "ad_", "ads-", "ads_", "advert", NULL };

static gboolean
is_boilerplate_token (const char *token)
{
  if (is_one_of (token, boilerplate_tokens))
    return TRUE;
  for (guint i = 0; boilerplate_prefixes[i]; i++)
    if (g_ascii_strncasecmp (token, boilerplate_prefixes[i], strlen (boilerplate_prefixes[i])) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_boilerplate_name (xmlNode *node)
{
  g_autofree char *id = attribute (node, "id");
  g_autofree char *klass = attribute (node, "class");
  g_auto(GStrv) tokens = NULL;

  if (id != NULL && is_boilerplate_token (g_strstrip (id)))
    return TRUE;
  if (klass == NULL)
    return FALSE;
  tokens = g_strsplit_set (klass, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i]; i++)
    if (is_boilerplate_token (tokens[i]))
      return TRUE;
  return FALSE;
}

/* style="display: none" and kin, as written: a page that hides a part
 * means it is not read. */
static gboolean
is_hidden_by_style (xmlNode *node)
{
  g_autofree char *style = attribute (node, "style");
  GString *squeezed;
  gboolean hidden;

  if (style == NULL)
    return FALSE;
  squeezed = g_string_new (NULL);
  for (const char *p = style; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, g_ascii_tolower (*p));
  hidden = strstr (squeezed->str, "display:none") != NULL
           || strstr (squeezed->str, "visibility:hidden") != NULL;
  g_string_free (squeezed, TRUE);
  return hidden;
}

/* Whether the element is left out for what its attributes say. */
static gboolean
is_dropped_by_attributes (xmlNode *node)
{
  g_autofree char *role = NULL;

  /* A page's classes say what it holds ("ads-enabled"), and a script may
   * hide it until it has loaded: never the whole page. */
  if (node->properties == NULL || is_element (node, "html") || is_element (node, "body"))
    return FALSE;
  if (xmlHasProp (node, (const xmlChar *) "hidden") || attribute_is (node, "aria-hidden", "true"))
    return TRUE;
  role = attribute (node, "role");
  if (role != NULL && is_one_of (g_strstrip (role), dropped_roles))
    return TRUE;
  return is_hidden_by_style (node) || has_boilerplate_name (node);
}

static gboolean
is_dropped (xmlNode *node)
{
  return element_kind (node) == ELEMENT_DROPPED || is_dropped_by_attributes (node);
}

/* ------------------------------------------------------------------------ */
/* Reducing a tree to text                                                   */

typedef struct
{
  GString  *out;
  guint     breaks;     /* line feeds owed before the next character: 0, 1 or 2 */
  gboolean  space;      /* white space seen since the last character */
  gboolean  cell;       /* a table cell ended: a tab before the next character */
  guint     pre;        /* inside this many <pre>: white space kept */
  gboolean  pre_start;  /* before a <pre>'s first character, where a line feed is dropped */
  guint     sections;   /* inside this many <article> or <section> */
  xmlNode  *h1;         /* the first <h1> kept */
  xmlNode  *time;       /* the first <time datetime> kept */
  xmlNode  *pubtime;    /* the first that says it is the date published */
} Reducer;

static void
reducer_init (Reducer *r)
{
  memset (r, 0, sizeof *r);
  r->out = g_string_new (NULL);
}

static void
reducer_clear (Reducer *r)
{
  if (r->out != NULL)
    g_string_free (r->out, TRUE);
  r->out = NULL;
}

static guint
trailing_line_feeds (GString *out)
{
  guint n = 0;

  while (n < 2 && n < out->len && out->str[out->len - 1 - n] == '\n')
    n++;
  return n;
}

/* The line feeds a block owes before and after it: a blank line around
 * a paragraph, a line of its own for a list item or a table row. */
static guint
breaks_around (ElementKind kind)
{
  if (kind == ELEMENT_PARAGRAPH || kind == ELEMENT_PRE)
    return 2;
  return kind == ELEMENT_LINE ? 1 : 0;
}

static void
want_breaks (Reducer *r,
             guint    breaks)
{
  if (breaks == 0)
    return;
  r->breaks = MAX (r->breaks, breaks);
  r->space = FALSE;
  r->cell = FALSE;
}

/* Sectioning content whose <header> and <footer> are its own. */
static gboolean
is_section (xmlNode *node)
{
  return is_element (node, "article") || is_element (node, "section");
}

/* A character of the text, after what is owed before it: the line feeds
 * of a block, a cell's tab, or a space of collapsed white space; never at
 * the start of the text or of a line. */
static void
put_char (Reducer  *r,
          gunichar  c)
{
  if (r->out->len > 0)
    {
      if (r->breaks > 0)
        for (guint n = trailing_line_feeds (r->out); n < r->breaks; n++)
          g_string_append_c (r->out, '\n');
      else if (r->cell)
        g_string_append_c (r->out, '\t');
      else if (r->space && r->out->str[r->out->len - 1] != '\n')
        g_string_append_c (r->out, ' ');
    }
  r->breaks = 0;
  r->space = FALSE;
  r->cell = FALSE;
  g_string_append_unichar (r->out, c);
}

/* <br>, and a line feed in a <pre>: at most one blank line, and none at
 * the start. */
static void
put_line_feed (Reducer *r)
{
  if (r->out->len > 0 && r->breaks == 0 && trailing_line_feeds (r->out) < 2)
    g_string_append_c (r->out, '\n');
  r->space = FALSE;
  r->cell = FALSE;
}

static void
put_text (Reducer    *r,
          const char *text)
{
  const char *next;

  for (const char *p = text; *p; p = next)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          c = 0xFFFD;
          next = p + 1;
        }
      else
        next = g_utf8_next_char (p);

      if (r->pre > 0)
        {
          if (c == '\r' && *next == '\n')
            continue;
          if (c == '\r')
            c = '\n';
          if (r->pre_start)
            {
              r->pre_start = FALSE;
              if (c == '\n')
                continue;
            }
          if (c == '\n')
            put_line_feed (r);
          else if (c == '\t' || c == ' ' || c == 0x00A0)
            put_char (r, c == '\t' ? '\t' : ' ');
          else if ((c = shown_char (c)) != 0)
            put_char (r, c);
          continue;
        }
      if (is_collapsible (c))
        r->space = TRUE;
      else if ((c = shown_char (c)) != 0)
        put_char (r, c);
    }
}

static Step
reducer_enter (gpointer  data,
               xmlNode  *node)
{
  Reducer *r = data;
  ElementKind kind;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        put_text (r, (const char *) node->content);
      return STEP_OVER;
    }
  if (node->type != XML_ELEMENT_NODE)
    return STEP_OVER;

  kind = element_kind (node);
  if (kind == ELEMENT_DROPPED || is_dropped_by_attributes (node))
    return STEP_OVER;
  /* The page's own header and footer are its banner and its small print;
   * an article's or a section's are its headline and byline. */
  if ((is_element (node, "header") || is_element (node, "footer")) && r->sections == 0)
    return STEP_OVER;

  want_breaks (r, breaks_around (kind));
  if (kind == ELEMENT_BREAK)
    put_line_feed (r);
  else if (kind == ELEMENT_PRE)
    {
      r->pre++;
      r->pre_start = TRUE;
    }

  if (is_section (node))
    r->sections++;
  else if (is_element (node, "h1") && r->h1 == NULL)
    r->h1 = node;
  else if (is_element (node, "time") && xmlHasProp (node, (const xmlChar *) "datetime"))
    {
      if (r->time == NULL)
        r->time = node;
      if (r->pubtime == NULL && (xmlHasProp (node, (const xmlChar *) "pubdate")
                                 || attribute_is (node, "itemprop", "datePublished")))
        r->pubtime = node;
    }
  return STEP_INTO;
}

static void
reducer_leave (gpointer  data,
               xmlNode  *node)
{
  Reducer *r = data;
  ElementKind kind = element_kind (node);

  want_breaks (r, breaks_around (kind));
  if (kind == ELEMENT_CELL && r->breaks == 0)
    r->cell = TRUE;
  else if (kind == ELEMENT_PRE)
    {
      r->pre--;
      r->pre_start = FALSE;
    }
  if (is_section (node))
    r->sections--;
}

static const Walker reducer_walker = { reducer_enter, reducer_leave };

/* The text of @root, ended without white space. */
static void
reduce_tree (Reducer *r,
             xmlNode *root)
{
  walk (root, &reducer_walker, r);
  while (r->out->len > 0 && g_ascii_isspace (r->out->str[r->out->len - 1]))
    g_string_truncate (r->out, r->out->len - 1);
}

/* @text (UTF-8) on one line, white space collapsed, or NULL if empty. */
static char *
one_line (const char *text)
{
  Reducer r;

  if (text == NULL)
    return NULL;
  reducer_init (&r);
  put_text (&r, text);
  if (r.out->len == 0)
    {
      reducer_clear (&r);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&r.out), FALSE);
}

/* The text of an element on one line: a heading broken by <br>. */
static char *
element_line (xmlNode *node)
{
  g_autofree char *text = NULL;
  Reducer r;

  reducer_init (&r);
  r.sections = 1;
  reduce_tree (&r, node);
  text = g_string_free (g_steal_pointer (&r.out), FALSE);
  return one_line (text);
}

/* ------------------------------------------------------------------------ */
/* Where the article is                                                      */

typedef struct
{
  const char *name;    /* the element looked for */
  const char *role;    /* or this role */
  GPtrArray  *found;   /* outermost first, none inside another */
} Finder;

static Step
finder_enter (gpointer  data,
              xmlNode  *node)
{
  Finder *f = data;

  if (node->type != XML_ELEMENT_NODE || is_dropped (node))
    return STEP_OVER;
  if (is_element (node, f->name) || (f->role && attribute_is (node, "role", f->role)))
    {
      g_ptr_array_add (f->found, node);
      return STEP_OVER;
    }
  return STEP_INTO;
}

static void
finder_leave (gpointer  data,
              xmlNode  *node)
{
}

static const Walker finder_walker = { finder_enter, finder_leave };

/* Of the outermost @name elements (or @role) outside what is dropped, the
 * one with the most text, reduced into @best; FALSE if none has text. */
static gboolean
reduce_longest (xmlNode    *top,
                const char *name,
                const char *role,
                Reducer    *best)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  Finder f = { name, role, found };

  walk (top, &finder_walker, &f);
  for (guint i = 0; i < found->len; i++)
    {
      Reducer r;

      reducer_init (&r);
      reduce_tree (&r, g_ptr_array_index (found, i));
      if (r.out->len > (best->out ? best->out->len : 0))
        {
          reducer_clear (best);
          *best = r;
        }
      else
        reducer_clear (&r);
    }
  return best->out != NULL && best->out->len > 0;
}

/* ------------------------------------------------------------------------ */
/* Metadata                                                                  */

typedef struct
{
  char *og_title;
  char *title;
  char *site_name;
  char *canonical;
  char *og_url;
  char *published_time;   /* article:published_time */
  char *date;             /* <meta name="date"> and the like */
  char *item_published;   /* itemprop="datePublished" */
  guint in_svg;           /* an SVG's <title> is not the page's */
} Meta;

static void
meta_clear (Meta *m)
{
  g_free (m->og_title);
  g_free (m->title);
  g_free (m->site_name);
  g_free (m->canonical);
  g_free (m->og_url);
  g_free (m->published_time);
  g_free (m->date);
  g_free (m->item_published);
}

/* Sets *@slot to @value if it is the first. */
static void
keep_first (char       **slot,
            const char  *value)
{
  if (*slot == NULL && value != NULL)
    *slot = one_line (value);
}

static const char * const date_names[] = {
  "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
  "dcterms.date", "dcterms.issued", "dcterms.created", NULL
};

static void
read_meta (Meta    *m,
           xmlNode *node)
{
  g_autofree char *key = attribute (node, "property");
  g_autofree char *content = attribute (node, "content");
  g_autofree char *itemprop = attribute (node, "itemprop");

  if (key == NULL)
    key = attribute (node, "name");
  if (itemprop != NULL && g_ascii_strcasecmp (itemprop, "datePublished") == 0)
    keep_first (&m->item_published, content);
  if (key == NULL || content == NULL)
    return;
  g_strstrip (key);
  if (g_ascii_strcasecmp (key, "og:title") == 0)
    keep_first (&m->og_title, content);
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
    keep_first (&m->site_name, content);
  else if (g_ascii_strcasecmp (key, "og:url") == 0)
    keep_first (&m->og_url, content);
  else if (g_ascii_strcasecmp (key, "article:published_time") == 0)
    keep_first (&m->published_time, content);
  else if (is_one_of (key, date_names))
    keep_first (&m->date, content);
}

static gboolean
rel_is_canonical (xmlNode *node)
{
  g_autofree char *rel = attribute (node, "rel");
  g_auto(GStrv) tokens = NULL;

  if (rel == NULL)
    return FALSE;
  tokens = g_strsplit_set (rel, " \t\n\r\f", -1);
  return is_one_of ("canonical", (const char * const *) tokens);
}

static Step
meta_enter (gpointer  data,
            xmlNode  *node)
{
  Meta *m = data;

  if (node->type != XML_ELEMENT_NODE)
    return STEP_OVER;
  if (is_element (node, "svg"))
    m->in_svg++;
  else if (is_element (node, "meta"))
    read_meta (m, node);
  else if (is_element (node, "link") && m->canonical == NULL && rel_is_canonical (node))
    {
      g_autofree char *href = attribute (node, "href");

      keep_first (&m->canonical, href);
    }
  else if (is_element (node, "title") && m->in_svg == 0 && m->title == NULL)
    {
      xmlChar *text = xmlNodeGetContent (node);

      keep_first (&m->title, (const char *) text);
      xmlFree (text);
      return STEP_OVER;
    }
  else if (is_element (node, "script") || is_element (node, "style"))
    return STEP_OVER;
  return STEP_INTO;
}

static void
meta_leave (gpointer  data,
            xmlNode  *node)
{
  Meta *m = data;

  if (is_element (node, "svg"))
    m->in_svg--;
}

static const Walker meta_walker = { meta_enter, meta_leave };

/* The host of @url, for a source: lower case, in Unicode, without "www.". */
static char *
url_host (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autofree char *lower = NULL;
  g_autofree char *unicode = NULL;
  const char *host;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return NULL;
  lower = g_ascii_strdown (g_uri_get_host (uri), -1);
  unicode = g_hostname_to_unicode (lower);
  host = unicode ? unicode : lower;
  if (g_str_has_prefix (host, "www.") && host[4] != '\0')
    host += 4;
  return g_strdup (host);
}

/* "The Headline | The Site" is "The Headline": the site is the source. */
static void
strip_site_name (char       *title,
                 const char *site)
{
  static const char * const separators[] = { " | ", " - ", " \u2013 ", " \u2014 ", " :: ",
                                             " \u00B7 ", " \u2022 ", NULL };
  gsize length = strlen (title);

  if (site == NULL)
    return;
  for (guint i = 0; separators[i]; i++)
    {
      g_autofree char *suffix = g_strconcat (separators[i], site, NULL);
      gsize suffix_length = strlen (suffix);

      if (length > suffix_length && g_str_has_suffix (title, suffix))
        {
          title[length - suffix_length] = '\0';
          return;
        }
    }
}

static char *
time_date (xmlNode *node)
{
  g_autofree char *datetime = node ? attribute (node, "datetime") : NULL;

  return datetime ? qg_html_parse_date (datetime) : NULL;
}

static char *
first_date (const char * const *values,
            guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      char *date = values[i] ? qg_html_parse_date (values[i]) : NULL;

      if (date != NULL)
        return date;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */

/* Passes over what libxml2 would print: a page is read in recovery, and
 * what it gets wrong is the page's business. Per thread, as libxml2 keeps
 * its handlers. */
typedef struct
{
  xmlGenericErrorFunc     generic;
  void                   *generic_data;
  xmlStructuredErrorFunc  structured;
  void                   *structured_data;
} LibxmlHandlers;

static void
quiet_libxml (LibxmlHandlers *saved)
{
  saved->generic = xmlGenericError;
  saved->generic_data = xmlGenericErrorContext;
  saved->structured = xmlStructuredError;
  saved->structured_data = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc (NULL, ignore_libxml_message);
  xmlSetStructuredErrorFunc (NULL, ignore_libxml_error);
}

static void
restore_libxml (const LibxmlHandlers *saved)
{
  xmlSetGenericErrorFunc (saved->generic_data, saved->generic);
  xmlSetStructuredErrorFunc (saved->structured_data, saved->structured);
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

QgArticleDraft *
qg_html_reduce (const char  *html,
                gsize        length,
                GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autofree char *utf8 = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  g_autofree char *published = NULL;
  QgArticleDraft *draft;
  LibxmlHandlers handlers;
  xmlDoc *doc;
  xmlNode *root;
  Reducer best = { 0 };
  Meta meta = { 0 };

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  if (length > QG_ARTICLE_MAX_BYTES)
    {
      g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_TOO_LARGE,
                   _("the page is larger than %d MB, the most Quotegraph reads"),
                   QG_ARTICLE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  g_once (&once, init_libxml, NULL);
  quiet_libxml (&handlers);
  utf8 = page_to_utf8 (html ? html : "", length);
  doc = htmlReadMemory (utf8, (int) strlen (utf8), NULL, "UTF-8", parse_options);
  root = doc ? xmlDocGetRootElement (doc) : NULL;

  if (root != NULL)
    {
      xmlNode *body = root;

      walk (root, &meta_walker, &meta);
      for (xmlNode *child = root->children; child; child = child->next)
        if (is_element (child, "body"))
          body = child;

      /* The article, or the main part of the page, or all of its body. */
      if (!reduce_longest (body, "article", NULL, &best)
          && !reduce_longest (body, "main", "main", &best))
        {
          reducer_clear (&best);
          reducer_init (&best);
          reduce_tree (&best, body);
        }

      source = g_strdup (meta.site_name);
      if (source == NULL)
        source = url_host (meta.canonical);
      if (source == NULL)
        source = url_host (meta.og_url);

      title = g_strdup (meta.og_title ? meta.og_title : meta.title);
      if (title != NULL)
        strip_site_name (title, meta.site_name);
      else if (best.h1 != NULL)
        title = element_line (best.h1);

      published = first_date ((const char *[]) { meta.published_time, meta.date,
                                                 meta.item_published }, 3);
      if (published == NULL)
        published = time_date (best.pubtime ? best.pubtime : best.time);
    }
  restore_libxml (&handlers);

  draft = qg_article_draft_new (best.out ? best.out->str : "", best.out ? best.out->len : 0,
                                title, source, published);
  draft->kind = QG_ARTICLE_KIND_HTML;
  reducer_clear (&best);
  meta_clear (&meta);
  xmlFreeDoc (doc);
  return draft;
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */

/* @n digits at @s, as a number. */
static gboolean
read_digits (const char *s,
             guint       n,
             int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      *value = *value * 10 + (s[i] - '0');
    }
  return TRUE;
}

static char *
format_day (int y,
            int m,
            int d)
{
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* "2017", "2017-09", "2017-09-13", "2017/09/13", "20170913", each
 * perhaps followed by a time, which is passed over: the day is the one
 * the page gives, in its own time zone. */
static char *
numeric_date (const char *s)
{
  int y, m, d;
  char separator;
  const char *p;

  if (!read_digits (s, 4, &y))
    return NULL;
  if (s[4] == '\0')
    return y >= 1 ? g_strdup_printf ("%04d", y) : NULL;
  if (read_digits (s, 8, &d) && (s[8] == '\0' || s[8] == 'T'))
    return format_day (y, (s[4] - '0') * 10 + (s[5] - '0'), (s[6] - '0') * 10 + (s[7] - '0'));

  separator = s[4];
  if ((separator != '-' && separator != '/') || !read_digits (s + 5, 2, &m))
    return NULL;
  p = s + 7;
  if (*p == '\0')
    return y >= 1 && m >= 1 && m <= 12 ? g_strdup_printf ("%04d-%02d", y, m) : NULL;
  if (*p != separator || !read_digits (p + 1, 2, &d))
    return NULL;
  p += 3;
  if (*p != '\0' && *p != 'T' && *p != 't' && *p != ' ')
    return NULL;
  return format_day (y, m, d);
}

static int
month_number (const char *word)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  };
  gsize length = strlen (word);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if ((length == 3 || length == strlen (months[i])) && g_ascii_strncasecmp (word, months[i],
                                                                               length) == 0)
      return i + 1;
  return g_ascii_strcasecmp (word, "sept") == 0 ? 9 : 0;
}

static gboolean
is_weekday (const char *word)
{
  static const char * const days[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday" };
  gsize length = strlen (word);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if ((length == 3 || length == strlen (days[i]))
        && g_ascii_strncasecmp (word, days[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* A day of the month, "13" or "13th". */
static int
day_number (const char *word)
{
  int d = 0;
  const char *p = word;

  for (; g_ascii_isdigit (*p) && p - word < 2; p++)
    d = d * 10 + (*p - '0');
  if (p == word || (*p != '\0' && g_ascii_strcasecmp (p, "st") != 0
                    && g_ascii_strcasecmp (p, "nd") != 0 && g_ascii_strcasecmp (p, "rd") != 0
                    && g_ascii_strcasecmp (p, "th") != 0))
    return 0;
  return d;
}

static int
year_number (const char *word)
{
  int y;

  return strlen (word) == 4 && read_digits (word, 4, &y) ? y : 0;
}

/* "Wed, 13 Sep 2017 10:00:00 GMT" (RFC 2822's, which pages' metadata
 * has from their servers), "13 September 2017", "September 13th, 2017". */
static char *
english_date (const char *s)
{
  g_auto(GStrv) words = g_strsplit_set (s, " ,.\t", -1);
  const char *w[3] = { NULL, NULL, NULL };
  guint n = 0;

  for (guint i = 0; words[i] && n < 3; i++)
    if (words[i][0] != '\0' && !(n == 0 && is_weekday (words[i])))
      w[n++] = words[i];
  if (n < 3)
    return NULL;
  if (month_number (w[1]) && day_number (w[0]))
    return format_day (year_number (w[2]), month_number (w[1]), day_number (w[0]));
  if (month_number (w[0]) && day_number (w[1]))
    return format_day (year_number (w[2]), month_number (w[0]), day_number (w[1]));
  return NULL;
}

char *
qg_html_parse_date (const char *value)
{
  g_autofree char *s = NULL;
  char *date;

  g_return_val_if_fail (value != NULL, NULL);

  s = g_strstrip (g_strdup (value));
  date = numeric_date (s);
  return date ? date : english_date (s);
}
