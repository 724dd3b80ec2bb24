/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qg-json-tree.h"
#include "qg-thread.h"

#define UNREF_BESIDE_ELEMENTS 2000

static gint n_unref_beside;

static gpointer
unref_in_thread (gpointer data)
{
  qg_thread_give_way ();
  json_node_unref (data);
  g_atomic_int_inc (&n_unref_beside);
  return NULL;
}

guint
qg_json_tree_get_n_unref_beside (void)
{
  return (guint) g_atomic_int_get (&n_unref_beside);
}

/* The elements of @root's top-level arrays. */
static gsize
tree_size (JsonNode *root)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gsize size = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &value))
    if (JSON_NODE_HOLDS_ARRAY (value))
      size += json_array_get_length (json_node_get_array (value));
  return size;
}

void
qg_json_tree_unref_soon (JsonNode *root)
{
  if (root == NULL)
    return;
  if (tree_size (root) <= UNREF_BESIDE_ELEMENTS
      || !qg_thread_start_beside ("qg-free-tree", unref_in_thread, root))
    json_node_unref (root);
}

JsonNode *
qg_json_string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

JsonNode *
qg_json_strv_node (const char * const *values)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_node_take_array (node, array);
  return node;
}

JsonObject *
qg_json_object_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    json_object_set_member (copy, name, json_node_ref (value));
  return copy;
}

JsonNode *
qg_json_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  json_node_seal (node);
  return node;
}

JsonNode *
qg_json_array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  json_node_seal (node);
  return node;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static void
append_line (GString *out,
             guint    level)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
append_string (GString    *out,
               const char *s)
{
  const char *run = s;
  const char *p;

  g_string_append_c (out, '"');
  for (p = s; *p; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          /* DEL too: it is as invisible in a diff as the others. */
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* The shortest form that reads back as the same number, and as a number
 * with a fraction (2.0 stays 2.0, not the integer 2). */
static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no infinity: a number too large for a double reads as one,
   * and is written as such a number again. */
  if (isinf (value))
    {
      g_string_append (out, value > 0 ? "1e999" : "-1e999");
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void write_node (GString           *out,
                        JsonNode          *node,
                        guint              level,
                        const QgJsonOrder *order);

static void
write_member (GString           *out,
              const char        *name,
              JsonNode          *value,
              guint              level,
              const QgJsonOrder *order,
              gboolean          *first)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  append_line (out, level + 1);
  append_string (out, name);
  g_string_append (out, ": ");
  write_node (out, value, level + 1, order);
}

static void
write_object (GString           *out,
              JsonObject        *object,
              guint              level,
              const QgJsonOrder *order)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gboolean first = TRUE;

  if (json_object_get_size (object) == 0)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append_c (out, '{');
  for (guint i = 0; order != NULL && order->members[i] != NULL; i++)
    {
      value = json_object_get_member (object, order->members[i]);
      if (value != NULL)
        write_member (out, order->members[i], value, level,
                      order->orders != NULL ? order->orders[i] : NULL, &first);
    }
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (order == NULL || !g_strv_contains (order->members, name))
      write_member (out, name, value, level, NULL, &first);
  append_line (out, level);
  g_string_append_c (out, '}');
}

static void
write_array (GString           *out,
             JsonArray         *array,
             guint              level,
             const QgJsonOrder *order)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_line (out, level + 1);
      write_node (out, json_array_get_element (array, i), level + 1, order);
    }
  append_line (out, level);
  g_string_append_c (out, ']');
}

static void
write_node (GString           *out,
            JsonNode          *node,
            guint              level,
            const QgJsonOrder *order)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), level, order);
      break;
    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), level, order);
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
        default:
          append_double (out, json_node_get_double (node));
          break;
        }
      break;
    }
}

void
qg_json_write (GString           *out,
               JsonNode          *node,
               const QgJsonOrder *order)
{
  write_node (out, node, 0, order);
}
