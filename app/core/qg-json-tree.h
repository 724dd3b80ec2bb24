/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* JSON trees that versions of a document share: every node is sealed
 * (immutable) once made, and a changed object is a new one that shares
 * the values of the members it keeps. */

JsonNode   *qg_json_string_node  (const char  *value);
/* A new array node of the strings, not yet sealed. */
JsonNode   *qg_json_strv_node    (const char * const *values);
/* A new object with @object's members, in their order, sharing their
 * values. */
JsonObject *qg_json_object_copy  (JsonObject  *object);
/* Takes @object, or @array, into a new sealed node. */
JsonNode   *qg_json_object_node  (JsonObject  *object);
JsonNode   *qg_json_array_node   (JsonArray   *array);

/* Lets go of a reference on @root. A tree of more than 2,000 elements in
 * its top-level arrays (a document's entities, quotes and relations) is
 * let go of in a thread of its own: freed object by object, the
 * 10,000-entity map's took 100 ms. Versions share their unchanged nodes,
 * whose counts are atomic, and never their objects or arrays, so the
 * thread frees only what no other tree holds. */
void        qg_json_tree_unref_soon      (JsonNode *root);
/* How many trees have been let go of in threads in this process. For the
 * tests. */
guint       qg_json_tree_get_n_unref_beside (void);

/* The order in which an object's members are written: @members first,
 * the value of each in the order of @orders (of each element, for an
 * array), then the others as they are. */
typedef struct _QgJsonOrder QgJsonOrder;
struct _QgJsonOrder
{
  const char * const        *members;  /* NULL-terminated */
  const QgJsonOrder * const *orders;   /* one per member, or NULL */
};

/* Appends @node as JSON, indented by two spaces, its members in @order
 * (NULL: as they are). Strings are written so that any JSON reader, and
 * Quotegraph's strict one, reads them back as they were: json-glib 1.6's
 * own generator writes U+001F raw and 1e22 as "1e+22.0", which are not
 * JSON. */
void        qg_json_write        (GString            *out,
                                  JsonNode           *node,
                                  const QgJsonOrder  *order);

G_END_DECLS
