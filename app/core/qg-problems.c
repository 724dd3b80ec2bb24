/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-problems"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "qg-article-index.h"
#include "qg-document.h"
#include "qg-json.h"
#include "qg-problems.h"

/* Problems are collected up to this many, sorted by line, and the first
 * QG_DOCUMENT_MAX_ERRORS shown. */
#define MAX_COLLECTED 2000

typedef struct
{
  char *where;    /* shown after the file name: a JSON path, maybe with an id */
  char *locate;   /* JSON path whose line is shown, or NULL */
  char *message;
  guint line;     /* 0 if unknown */
  guint order;    /* when it was found */
} Problem;

struct _QgProblems
{
  char      *display;
  GPtrArray *problems;
  gboolean   overflow;
};

static void
problem_free (Problem *p)
{
  g_free (p->where);
  g_free (p->locate);
  g_free (p->message);
  g_free (p);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = *(Problem * const *) a;
  const Problem *pb = *(Problem * const *) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return pa->order < pb->order ? -1 : (pa->order > pb->order);
}

QgProblems *
qg_problems_new (const char *display_name)
{
  QgProblems *self = g_new0 (QgProblems, 1);

  self->display = g_strdup (display_name);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return self;
}

void
qg_problems_free (QgProblems *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->problems);
  g_free (self->display);
  g_free (self);
}

guint
qg_problems_get_count (QgProblems *self)
{
  return self->problems->len;
}

/* Messages quote the document: a control character in it must not break
 * the one-line-per-error output, or reach a terminal as itself. */
static char *
escape_controls (char *message)
{
  GString *out;

  for (const char *p = message; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      goto escape;
  return message;

escape:
  out = g_string_new (NULL);
  for (const char *p = message; *p; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\u%04X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_free (message);
  return g_string_free (out, FALSE);
}

void
qg_problems_report_valist (QgProblems *self,
                           const char *where,
                           const char *locate,
                           const char *format,
                           va_list     args)
{
  Problem *p;

  if (self->problems->len >= MAX_COLLECTED)
    {
      self->overflow = TRUE;
      return;
    }

  p = g_new0 (Problem, 1);
  p->where = g_strdup (where);
  p->locate = g_strdup (locate);
  p->message = escape_controls (g_strdup_vprintf (format, args));
  g_ptr_array_add (self->problems, p);
}

void
qg_problems_report (QgProblems *self,
                    const char *where,
                    const char *locate,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  qg_problems_report_valist (self, where, locate, format, args);
  va_end (args);
}

char *
qg_problems_format (QgProblems *self,
                    const char *data,
                    gsize       length)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GHashTable) lines = NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *p = g_ptr_array_index (self->problems, i);
      if (p->locate != NULL)
        g_ptr_array_add (paths, p->locate);
    }
  /* An edited document has no text of its own to find lines in. */
  if (data != NULL)
    lines = qg_json_locate_paths (data, length, (const char * const *) paths->pdata, paths->len);

  /* Report in the order of the file, whatever order the checks ran in. */
  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *p = g_ptr_array_index (self->problems, i);
      gpointer line = NULL;

      p->order = i;
      if (lines != NULL && p->locate != NULL
          && g_hash_table_lookup_extended (lines, p->locate, NULL, &line))
        p->line = GPOINTER_TO_UINT (line);
    }
  g_ptr_array_sort (self->problems, compare_problems);

  for (guint i = 0; i < MIN (self->problems->len, QG_DOCUMENT_MAX_ERRORS); i++)
    {
      Problem *p = g_ptr_array_index (self->problems, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, self->display);
      if (p->line > 0)
        g_string_append_printf (out, ":%u", p->line);
      g_string_append (out, ": ");
      if (p->where != NULL && p->where[0] != '\0')
        g_string_append_printf (out, "%s: ", p->where);
      g_string_append (out, p->message);
    }
  if (self->overflow || self->problems->len > QG_DOCUMENT_MAX_ERRORS)
    g_string_append_printf (out, "\n%s: %s", self->display,
                            _("too many errors; stopped after the first 100"));
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Type checks                                                               */

char *
qg_problems_join_path (const char *parent,
                       const char *member)
{
  if (parent == NULL || parent[0] == '\0')
    return g_strdup (member);
  return g_strconcat (parent, ".", member, NULL);
}

const char *
qg_problems_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("a boolean");
        default:
          return _("a number");
        }
    }
}

gboolean
qg_problems_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static const char *
want_name (QgWant want)
{
  switch (want)
    {
    case QG_WANT_OBJECT:
      return _("an object");
    case QG_WANT_ARRAY:
      return _("an array");
    case QG_WANT_INTEGER:
      return _("a whole number");
    case QG_WANT_BOOLEAN:
      return _("true or false");
    case QG_WANT_STRING:
    default:
      return _("a string");
    }
}

static gboolean
node_is (JsonNode *node,
         QgWant    want)
{
  switch (want)
    {
    case QG_WANT_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case QG_WANT_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case QG_WANT_INTEGER:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
    case QG_WANT_BOOLEAN:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
    case QG_WANT_STRING:
    default:
      return qg_problems_node_is_string (node);
    }
}

gboolean
qg_problems_check_type (QgProblems *self,
                        JsonNode   *node,
                        const char *path,
                        QgWant      want)
{
  if (node_is (node, want))
    return TRUE;
  qg_problems_report (self, path, path, _("expected %s, found %s"), want_name (want),
                      qg_problems_type_name (node));
  return FALSE;
}

JsonNode *
qg_problems_member (QgProblems *self,
                    JsonObject *obj,
                    const char *obj_path,
                    const char *name,
                    QgWant      want,
                    gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, name);
  g_autofree char *path = NULL;

  if (node == NULL)
    {
      if (required)
        qg_problems_report (self, obj_path, obj_path, _("missing required member \"%s\""), name);
      return NULL;
    }
  if (node_is (node, want))
    return node;
  /* 1.0 and 1e2 are whole numbers too, written otherwise. */
  if (want == QG_WANT_INTEGER && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_DOUBLE
      && json_node_get_double (node) == floor (json_node_get_double (node))
      && fabs (json_node_get_double (node)) < 9007199254740992.0)
    return node;

  path = qg_problems_join_path (obj_path, name);
  if (want == QG_WANT_INTEGER && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      g_autofree char *number = g_strdup_printf ("%g", json_node_get_double (node));
      qg_problems_report (self, path, path, _("expected a whole number, found %s"), number);
      return NULL;
    }
  qg_problems_check_type (self, node, path, want);
  return NULL;
}

const char *
qg_problems_string_member (QgProblems *self,
                           JsonObject *obj,
                           const char *obj_path,
                           const char *name,
                           gboolean    required)
{
  JsonNode *node = qg_problems_member (self, obj, obj_path, name, QG_WANT_STRING, required);

  return node ? json_node_get_string (node) : NULL;
}

gboolean
qg_problems_boolean_member (QgProblems *self,
                            JsonObject *obj,
                            const char *obj_path,
                            const char *name)
{
  JsonNode *node = qg_problems_member (self, obj, obj_path, name, QG_WANT_BOOLEAN, FALSE);

  return node ? json_node_get_boolean (node) : FALSE;
}

const char *
qg_problems_text_member (QgProblems *self,
                         JsonObject *obj,
                         const char *obj_path,
                         const char *name)
{
  const char *value = qg_problems_string_member (self, obj, obj_path, name, TRUE);

  if (value != NULL && qg_article_is_blank (value))
    {
      g_autofree char *path = qg_problems_join_path (obj_path, name);
      qg_problems_report (self, path, path, _("must not be empty"));
      return NULL;
    }
  return value;
}
