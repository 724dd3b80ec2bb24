/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-aif"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "qg-aif.h"
#include "qg-document-private.h"
#include "qg-html.h"
#include "qg-json-tree.h"
#include "qg-problems.h"

/* The reader takes AIF as the tools write it, which is looser than the
 * AIF specification: what a viewer needs (nodes, their types, edges
 * between nodes that exist) is checked as strictly as a document is, and
 * what only describes (timestamps, OVA's layout) is taken when it reads
 * and passed over when it does not. docs/format-notes.md ("AIF") has the
 * rules. */

void
qg_aif_graph_free (QgAifGraph *graph)
{
  if (graph == NULL)
    return;
  g_free (graph->nodes);
  g_free (graph->edges);
  g_free (graph->locutions);
  g_free (graph->participants);
  if (graph->strings != NULL)
    g_string_chunk_free (graph->strings);
  g_free (graph);
}

gint
qg_aif_graph_find_participant (QgAifGraph *graph,
                               const char *id)
{
  for (guint i = 0; i < graph->n_participants; i++)
    if (strcmp (graph->participants[i].id, id) == 0)
      return (gint) i;
  return -1;
}

gint
qg_aif_graph_find_node (QgAifGraph *graph,
                        const char *id)
{
  for (guint i = 0; i < graph->n_nodes; i++)
    if (g_strcmp0 (graph->nodes[i].id, id) == 0)
      return (gint) i;
  return -1;
}

guint
qg_aif_graph_count_type (QgAifGraph    *graph,
                         QgAifNodeType  type)
{
  guint n = 0;

  for (guint i = 0; i < graph->n_nodes; i++)
    n += graph->nodes[i].type == type;
  return n;
}

gboolean
qg_aif_node_type_is_scheme (QgAifNodeType type)
{
  return type != QG_AIF_NODE_I && type != QG_AIF_NODE_L;
}

static const char * const type_names[] = {
  [QG_AIF_NODE_I] = "I",
  [QG_AIF_NODE_L] = "L",
  [QG_AIF_NODE_RA] = "RA",
  [QG_AIF_NODE_CA] = "CA",
  [QG_AIF_NODE_MA] = "MA",
  [QG_AIF_NODE_PA] = "PA",
  [QG_AIF_NODE_TA] = "TA",
  [QG_AIF_NODE_YA] = "YA",
};

static QgAifNodeType
type_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (strcmp (name, type_names[i]) == 0)
      return (QgAifNodeType) i;
  return QG_AIF_NODE_OTHER;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

typedef struct
{
  QgAifGraph *graph;
  QgProblems *problems;
  GHashTable *node_ids;  /* id (in the chunk) → position in nodes[] + 1 */
  const char *prefix;    /* "AIF." in the wrapped shape, else "" */
} Reader;

static const char *
keep (Reader     *r,
      const char *s)
{
  return s ? g_string_chunk_insert_const (r->graph->strings, s) : NULL;
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* The id @node holds, a string or a whole number written in @digits; NULL
 * for any other value. */
static const char *
id_of (JsonNode *node,
       char      digits[32])
{
  if (qg_problems_node_is_string (node))
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      g_snprintf (digits, 32, "%" G_GINT64_FORMAT, json_node_get_int (node));
      return digits;
    }
  return NULL;
}

/* An id as the tools write them: a string or a whole number, the number
 * in decimal so that 3 and "3" name the same node. NULL if absent (or of
 * another type, which is reported when @required). */
static const char *
read_id (Reader     *r,
         JsonObject *obj,
         const char *path,
         const char *name,
         gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, name);
  g_autofree char *id_path = NULL;
  char digits[32];
  const char *id;

  if (is_null (node))
    {
      if (required)
        qg_problems_report (r->problems, path, path, _("missing required member \"%s\""),
                            name);
      return NULL;
    }
  id = id_of (node, digits);
  if (id != NULL && id[0] != '\0')
    return keep (r, id);
  if (!required)
    return NULL;
  id_path = qg_problems_join_path (path, name);
  if (qg_problems_node_is_string (node))
    qg_problems_report (r->problems, id_path, id_path, _("must not be empty"));
  else
    qg_problems_report (r->problems, id_path, id_path,
                        _("expected a string or a whole number, found %s"),
                        qg_problems_type_name (node));
  return NULL;
}

/* The node an edge or a locution names, or -1 (reported). */
static gint
resolve_node (Reader     *r,
              JsonObject *obj,
              const char *path,
              const char *name)
{
  const char *id = read_id (r, obj, path, name, TRUE);
  g_autofree char *ref_path = NULL;
  guint at;

  if (id == NULL)
    return -1;
  at = GPOINTER_TO_UINT (g_hash_table_lookup (r->node_ids, id));
  if (at > 0)
    return (gint) at - 1;
  ref_path = qg_problems_join_path (path, name);
  qg_problems_report (r->problems, ref_path, ref_path, _("unknown node \"%s\""), id);
  return -1;
}

typedef void (*ReadElement) (Reader     *r,
                             JsonObject *obj,
                             const char *path,
                             guint       i);

/* Calls @read on each object of the array @name of @aif, after making
 * @elements as long as the array. Absent and null are empty, as the tools
 * write them; an element that is not an object is reported. */
static void
read_array (Reader      *r,
            JsonObject  *aif,
            const char  *name,
            gboolean     required,
            gsize        element_size,
            gpointer    *elements,
            ReadElement  read)
{
  JsonNode *node = json_object_get_member (aif, name);
  g_autofree char *path = g_strconcat (r->prefix, name, NULL);
  JsonArray *array;

  if (is_null (node))
    {
      /* Named at the object that lacks it: the root, or "AIF". */
      const char *where = r->prefix[0] != '\0' ? "AIF" : "";

      if (required)
        qg_problems_report (r->problems, where, where, _("missing required member \"%s\""),
                            name);
      return;
    }
  if (!qg_problems_check_type (r->problems, node, path, QG_WANT_ARRAY))
    return;
  array = json_node_get_array (node);
  *elements = g_malloc0_n (json_array_get_length (array), element_size);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

      if (qg_problems_check_type (r->problems, element, element_path, QG_WANT_OBJECT))
        read (r, json_node_get_object (element), element_path, i);
    }
}

/* A string that describes, kept when it is one. */
static const char *
optional_string (Reader     *r,
                 JsonObject *obj,
                 const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  return node != NULL && qg_problems_node_is_string (node) ? keep (r, json_node_get_string (node))
                                                           : NULL;
}

/* Nodes keep their place in the file: an edge's ends are indices. */
static void
read_node (Reader     *r,
           JsonObject *obj,
           const char *path,
           guint       i)
{
  QgAifNode *node = &r->graph->nodes[i];
  JsonNode *text;
  const char *type;
  gpointer first;

  r->graph->n_nodes = i + 1;
  node->participant = -1;
  node->text = "";
  node->id = read_id (r, obj, path, "nodeID", TRUE);
  if (node->id != NULL && g_hash_table_lookup_extended (r->node_ids, node->id, NULL, &first))
    {
      g_autofree char *id_path = qg_problems_join_path (path, "nodeID");
      qg_problems_report (r->problems, id_path, id_path,
                          _("duplicate node id \"%s\" (first used at %snodes[%u])"), node->id,
                          r->prefix, GPOINTER_TO_UINT (first) - 1);
    }
  else if (node->id != NULL)
    g_hash_table_insert (r->node_ids, (gpointer) node->id, GUINT_TO_POINTER (i + 1));

  type = qg_problems_text_member (r->problems, obj, path, "type");
  if (type != NULL)
    {
      node->type_name = keep (r, type);
      node->type = type_from_name (type);
    }

  /* S-nodes may go without text; a text must be words. */
  text = json_object_get_member (obj, "text");
  if (!is_null (text))
    {
      g_autofree char *text_path = qg_problems_join_path (path, "text");

      if (qg_problems_check_type (r->problems, text, text_path, QG_WANT_STRING))
        node->text = keep (r, json_node_get_string (text));
    }
  node->timestamp = optional_string (r, obj, "timestamp");
}

static void
read_edge (Reader     *r,
           JsonObject *obj,
           const char *path,
           guint       i)
{
  QgAifEdge *edge = &r->graph->edges[r->graph->n_edges];
  gint from = resolve_node (r, obj, path, "fromID");
  gint to = resolve_node (r, obj, path, "toID");

  if (from < 0 || to < 0)
    return;
  edge->id = read_id (r, obj, path, "edgeID", FALSE);
  edge->from = (guint) from;
  edge->to = (guint) to;
  r->graph->n_edges++;
}

static void
read_participant (Reader     *r,
                  JsonObject *obj,
                  const char *path,
                  guint       i)
{
  QgAifParticipant *p = &r->graph->participants[r->graph->n_participants];
  const char *id = read_id (r, obj, path, "participantID", TRUE);
  const char *firstname = optional_string (r, obj, "firstname");
  const char *surname = optional_string (r, obj, "surname");

  /* OVA repeats a participant for each of its locutions. */
  if (id == NULL || qg_aif_graph_find_participant (r->graph, id) >= 0)
    return;
  p->id = id;
  p->firstname = firstname ? firstname : "";
  p->surname = surname ? surname : "";
  r->graph->n_participants++;
}

static void
read_locution (Reader     *r,
               JsonObject *obj,
               const char *path,
               guint       i)
{
  QgAifLocution *l = &r->graph->locutions[r->graph->n_locutions];
  gint node = resolve_node (r, obj, path, "nodeID");

  if (node < 0)
    return;
  l->node = (guint) node;
  l->person_id = read_id (r, obj, path, "personID", FALSE);
  l->timestamp = optional_string (r, obj, "timestamp");
  /* A person the file does not describe is a locution without a speaker. */
  l->participant = l->person_id ? qg_aif_graph_find_participant (r->graph, l->person_id) : -1;
  if (l->participant >= 0)
    r->graph->nodes[node].participant = l->participant;
  r->graph->n_locutions++;
}

/* OVA writes coordinates as numbers, or as strings of numbers. */
static gboolean
read_coordinate (JsonObject *obj,
                 const char *name,
                 double     *value)
{
  JsonNode *node = json_object_get_member (obj, name);
  char *end = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *value = json_node_get_double (node);
      return TRUE;
    case G_TYPE_STRING:
      *value = g_ascii_strtod (json_node_get_string (node), &end);
      return end != json_node_get_string (node) && *end == '\0';
    default:
      return FALSE;
    }
}

/* The layout is advice: a position that does not read is no position. */
static void
read_layout (Reader     *r,
             JsonObject *root)
{
  JsonNode *ova = json_object_get_member (root, "OVA");
  JsonObject *obj;
  JsonNode *nodes;
  JsonArray *array;

  if (ova == NULL || !JSON_NODE_HOLDS_OBJECT (ova))
    return;
  obj = json_node_get_object (ova);
  nodes = json_object_get_member (obj, "nodes");
  if (nodes == NULL || !JSON_NODE_HOLDS_ARRAY (nodes))
    return;
  array = json_node_get_array (nodes);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *place;
      JsonNode *id;
      const char *name;
      char digits[32];
      guint at = 0;
      double x, y;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      place = json_node_get_object (element);
      id = json_object_get_member (place, "nodeID");
      name = id != NULL ? id_of (id, digits) : NULL;
      if (name != NULL)
        at = GPOINTER_TO_UINT (g_hash_table_lookup (r->node_ids, name));
      if (at == 0 || !read_coordinate (place, "x", &x) || !read_coordinate (place, "y", &y))
        continue;
      r->graph->nodes[at - 1].has_position = TRUE;
      r->graph->nodes[at - 1].x = x;
      r->graph->nodes[at - 1].y = y;
    }
}

/* Whether @text is marked up: OVA keeps its text as HTML, with the
 * analysed spans as <span> elements. */
static gboolean
looks_like_html (const char *text)
{
  for (const char *p = strchr (text, '<'); p != NULL; p = strchr (p + 1, '<'))
    if ((g_ascii_isalpha (p[1]) || (p[1] == '/' && g_ascii_isalpha (p[2])))
        && strchr (p, '>') != NULL)
      return TRUE;
  return FALSE;
}

/* The text is the file's own, as a string or as xAIF's {"txt": "…"}. */
static void
read_text (Reader     *r,
           JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "text");
  const char *text = NULL;

  if (is_null (node))
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    text = qg_problems_string_member (r->problems, json_node_get_object (node), "text", "txt",
                                      TRUE);
  else if (qg_problems_check_type (r->problems, node, "text", QG_WANT_STRING))
    text = json_node_get_string (node);
  if (text == NULL)
    return;

  if (looks_like_html (text))
    {
      g_autoptr(QgArticleDraft) reduced = qg_html_reduce (text, strlen (text), NULL);

      /* A fragment with no words in it is no article: the text is kept as written. */
      if (reduced != NULL && reduced->length > 0)
        {
          r->graph->text = g_string_chunk_insert_len (r->graph->strings, reduced->text,
                                                      reduced->length);
          r->graph->text_len = reduced->length;
          return;
        }
    }
  r->graph->text = keep (r, text);
  r->graph->text_len = strlen (text);
}

static void
read_graph (Reader   *r,
            JsonNode *root_node)
{
  JsonObject *root, *aif;
  JsonNode *wrapped;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      qg_problems_report (r->problems, NULL, "", _("AIF must be a JSON object, not %s"),
                          qg_problems_type_name (root_node));
      return;
    }
  root = json_node_get_object (root_node);
  aif = root;
  r->prefix = "";
  wrapped = json_object_get_member (root, "AIF");
  if (wrapped != NULL)
    {
      if (!qg_problems_check_type (r->problems, wrapped, "AIF", QG_WANT_OBJECT))
        return;
      aif = json_node_get_object (wrapped);
      r->prefix = "AIF.";
      r->graph->wrapped = TRUE;
    }

  /* Participants before locutions, which name them. */
  read_array (r, aif, "nodes", TRUE, sizeof (QgAifNode), (gpointer *) &r->graph->nodes, read_node);
  read_array (r, aif, "edges", TRUE, sizeof (QgAifEdge), (gpointer *) &r->graph->edges, read_edge);
  read_array (r, aif, "participants", FALSE, sizeof (QgAifParticipant),
              (gpointer *) &r->graph->participants, read_participant);
  read_array (r, aif, "locutions", FALSE, sizeof (QgAifLocution),
              (gpointer *) &r->graph->locutions, read_locution);
  read_text (r, root);
  read_layout (r, root);
}

QgAifGraph *
qg_aif_graph_load_from_data (const char  *data,
                             gsize        length,
                             const char  *display_name,
                             GError     **error)
{
  g_autoptr(JsonNode) root = qg_document_parse_json (data, length, display_name, error);
  g_autoptr(QgAifGraph) graph = NULL;
  Reader r = { 0 };

  if (root == NULL)
    return NULL;

  graph = g_new0 (QgAifGraph, 1);
  graph->strings = g_string_chunk_new (4096);
  r.graph = graph;
  r.problems = qg_problems_new (display_name);
  r.node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  read_graph (&r, root);

  if (qg_problems_get_count (r.problems) > 0)
    {
      g_autofree char *text = qg_problems_format (r.problems, data, length);

      g_set_error_literal (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID, text);
      g_clear_pointer (&graph, qg_aif_graph_free);
    }
  qg_problems_free (r.problems);
  g_hash_table_unref (r.node_ids);
  return g_steal_pointer (&graph);
}

QgAifGraph *
qg_aif_graph_load (GFile         *file,
                   const char    *display_name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = shown = g_file_get_parse_name (file);
  if (!qg_document_read_file (file, display_name, cancellable, &contents, &length, error))
    return NULL;
  return qg_aif_graph_load_from_data (contents, length, display_name, error);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

typedef struct
{
  JsonArray *nodes;
  JsonArray *edges;
  guint      n_nodes;
  guint      n_edges;
} Writer;

static JsonNode *
id_node (guint id)
{
  char digits[16];

  g_snprintf (digits, sizeof digits, "%u", id);
  return qg_json_string_node (digits);
}

static guint
add_node (Writer     *w,
          const char *type,
          const char *text)
{
  JsonObject *obj = json_object_new ();
  guint id = ++w->n_nodes;

  json_object_set_member (obj, "nodeID", id_node (id));
  json_object_set_member (obj, "text", qg_json_string_node (text));
  json_object_set_member (obj, "type", qg_json_string_node (type));
  json_array_add_element (w->nodes, qg_json_object_node (obj));
  return id;
}

static void
add_edge (Writer *w,
          guint   from,
          guint   to)
{
  JsonObject *obj = json_object_new ();

  json_object_set_member (obj, "edgeID", id_node (++w->n_edges));
  json_object_set_member (obj, "fromID", id_node (from));
  json_object_set_member (obj, "toID", id_node (to));
  json_array_add_element (w->edges, qg_json_object_node (obj));
}

/* OVA and AIFdb name people by first name and surname: a person's last
 * word is taken for the surname; anyone else (an agency, a company) is
 * named whole, as the first name. */
static JsonNode *
participant_node (const QgEntity *entity,
                  guint           id)
{
  JsonObject *obj = json_object_new ();
  const char *space = strrchr (entity->name, ' ');
  g_autofree char *first = NULL;

  if (strcmp (entity->kind, "person") == 0 && space != NULL && space != entity->name
      && space[1] != '\0')
    first = g_strndup (entity->name, space - entity->name);
  json_object_set_member (obj, "participantID", id_node (id));
  json_object_set_member (obj, "firstname", qg_json_string_node (first ? first : entity->name));
  json_object_set_member (obj, "surname", qg_json_string_node (first ? space + 1 : ""));
  return qg_json_object_node (obj);
}

/* The stance says which scheme joins a relation's quotes to its sentence
 * (docs/format-notes.md, "AIF"). */
static void
scheme_for (QgStance     stance,
            const char **type,
            const char **text)
{
  switch (stance)
    {
    case QG_STANCE_OPPOSE:
      *type = "CA";
      *text = "Default Conflict";
      break;
    case QG_STANCE_SUPPORT:
    case QG_STANCE_NEUTRAL:
    default:
      *type = "RA";
      *text = "Default Inference";
      break;
    }
}

/* Left out without drafts (docs/format-notes.md, "AIF"): drafted quotes,
 * drafted entities (a checked quote of one is written without a speaker),
 * drafted relations, those of a drafted entity, and those left with no
 * checked evidence. */
static gboolean
quote_is_kept (QgDocument *doc,
               guint       quote,
               gboolean    without_drafts)
{
  return !without_drafts || !qg_document_get_quote (doc, quote)->draft;
}

static gint
speaker_kept (QgDocument *doc,
              guint       quote,
              gboolean    without_drafts)
{
  gint speaker = qg_document_get_quote (doc, quote)->speaker;

  if (speaker < 0 || (without_drafts && qg_document_get_entity (doc, speaker)->draft))
    return -1;
  return speaker;
}

static gboolean
relation_is_kept (QgDocument *doc,
                  guint       relation,
                  gboolean    without_drafts)
{
  const QgRelation *r = qg_document_get_relation (doc, relation);

  if (!without_drafts)
    return TRUE;
  if (r->draft || qg_document_get_entity (doc, r->source)->draft
      || qg_document_get_entity (doc, r->target)->draft)
    return FALSE;
  for (guint k = 0; k < r->n_evidence; k++)
    if (quote_is_kept (doc, r->evidence[k], without_drafts))
      return TRUE;
  return FALSE;
}

/* @value as @name of @obj, when there is one. */
static void
set_optional (JsonObject *obj,
              const char *name,
              const char *value)
{
  if (value != NULL)
    json_object_set_member (obj, name, qg_json_string_node (value));
}

/* The JSON of @root, ended by a line break. */
static char *
finish (JsonNode *root,
        gsize     size_hint,
        gsize    *length)
{
  GString *out = g_string_sized_new (size_hint + 4096);

  qg_json_write (out, root, NULL);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

char *
qg_aif_graph_write (QgAifGraph *graph,
                    gsize      *length)
{
  JsonArray *nodes = json_array_new ();
  JsonArray *edges = json_array_new ();
  JsonArray *locutions = json_array_new ();
  JsonArray *participants = json_array_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj;

  g_return_val_if_fail (graph != NULL, NULL);

  /* Ids as the file has them (a number's as its digits): what names a
   * node there names it here. */
  for (guint i = 0; i < graph->n_nodes; i++)
    {
      const QgAifNode *n = &graph->nodes[i];

      obj = json_object_new ();
      json_object_set_member (obj, "nodeID", qg_json_string_node (n->id));
      json_object_set_member (obj, "text", qg_json_string_node (n->text));
      json_object_set_member (obj, "type", qg_json_string_node (n->type_name));
      set_optional (obj, "timestamp", n->timestamp);
      json_array_add_element (nodes, qg_json_object_node (obj));
    }
  for (guint k = 0; k < graph->n_edges; k++)
    {
      obj = json_object_new ();
      set_optional (obj, "edgeID", graph->edges[k].id);
      json_object_set_member (obj, "fromID",
                              qg_json_string_node (graph->nodes[graph->edges[k].from].id));
      json_object_set_member (obj, "toID",
                              qg_json_string_node (graph->nodes[graph->edges[k].to].id));
      json_array_add_element (edges, qg_json_object_node (obj));
    }
  for (guint i = 0; i < graph->n_locutions; i++)
    {
      const QgAifLocution *l = &graph->locutions[i];

      obj = json_object_new ();
      json_object_set_member (obj, "nodeID", qg_json_string_node (graph->nodes[l->node].id));
      set_optional (obj, "personID", l->person_id);
      set_optional (obj, "timestamp", l->timestamp);
      json_array_add_element (locutions, qg_json_object_node (obj));
    }
  for (guint i = 0; i < graph->n_participants; i++)
    {
      obj = json_object_new ();
      json_object_set_member (obj, "participantID",
                              qg_json_string_node (graph->participants[i].id));
      json_object_set_member (obj, "firstname",
                              qg_json_string_node (graph->participants[i].firstname));
      json_object_set_member (obj, "surname",
                              qg_json_string_node (graph->participants[i].surname));
      json_array_add_element (participants, qg_json_object_node (obj));
    }

  obj = json_object_new ();
  json_object_set_member (obj, "nodes", qg_json_array_node (nodes));
  json_object_set_member (obj, "edges", qg_json_array_node (edges));
  json_object_set_member (obj, "locutions", qg_json_array_node (locutions));
  json_object_set_member (obj, "participants", qg_json_array_node (participants));
  json_object_set_member (obj, "schemefulfillments", qg_json_array_node (json_array_new ()));
  if (graph->text != NULL)
    {
      g_autofree char *text = g_strndup (graph->text, graph->text_len);

      json_object_set_member (obj, "text", qg_json_string_node (text));
    }
  root = qg_json_object_node (obj);
  return finish (root, graph->text_len, length);
}

char *
qg_aif_write (QgDocument *doc,
              gsize      *length)
{
  return qg_aif_write_full (doc, FALSE, length);
}

char *
qg_aif_write_full (QgDocument *doc,
                   gboolean    without_drafts,
                   gsize      *length)
{
  guint n_entities = qg_document_get_n_entities (doc);
  guint n_quotes = qg_document_get_n_quotes (doc);
  g_autofree guint *participant_of = g_new0 (guint, n_entities);
  g_autofree guint *inode_of = g_new0 (guint, n_quotes);
  JsonArray *participants = json_array_new ();
  JsonArray *locutions = json_array_new ();
  Writer w = { json_array_new (), json_array_new (), 0, 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj;
  const char *text;
  gsize text_len;
  g_autofree char *article = NULL;
  guint n_participants = 0;

  g_return_val_if_fail (QG_IS_DOCUMENT (doc), NULL);

  /* Speakers of the quotes written, in the document's order of entities. */
  for (guint i = 0; i < n_quotes; i++)
    if (quote_is_kept (doc, i, without_drafts) && speaker_kept (doc, i, without_drafts) >= 0)
      participant_of[speaker_kept (doc, i, without_drafts)] = 1;
  for (guint e = 0; e < n_entities; e++)
    {
      if (participant_of[e] == 0)
        continue;
      participant_of[e] = ++n_participants;
      json_array_add_element (participants,
                              participant_node (qg_document_get_entity (doc, e), n_participants));
    }

  /* A quote is a proposition; said by someone, it is also their locution
   * of it, which asserts the proposition. */
  for (guint i = 0; i < n_quotes; i++)
    {
      gint speaker_index = speaker_kept (doc, i, without_drafts);
      g_autoptr(GString) passage = g_string_new (NULL);

      if (!quote_is_kept (doc, i, without_drafts))
        continue;
      qg_document_append_passage (doc, i, passage);
      if (speaker_index >= 0)
        {
          const QgEntity *speaker = qg_document_get_entity (doc, speaker_index);
          g_autofree char *said = g_strdup_printf ("%s : %s", speaker->name, passage->str);
          guint l = add_node (&w, "L", said);
          guint ya;
          JsonObject *locution = json_object_new ();

          inode_of[i] = add_node (&w, "I", passage->str);
          ya = add_node (&w, "YA", "Asserting");
          add_edge (&w, l, ya);
          add_edge (&w, ya, inode_of[i]);
          json_object_set_member (locution, "nodeID", id_node (l));
          json_object_set_member (locution, "personID", id_node (participant_of[speaker_index]));
          json_array_add_element (locutions, qg_json_object_node (locution));
        }
      else
        inode_of[i] = add_node (&w, "I", passage->str);
    }

  /* A relation is the proposition its sentence states, which its quotes
   * bear on through one scheme. */
  for (guint r = 0; r < qg_document_get_n_relations (doc); r++)
    {
      const QgRelation *relation = qg_document_get_relation (doc, r);
      g_autofree char *sentence = NULL;
      const char *type, *scheme_text;
      guint claim, scheme;

      if (!relation_is_kept (doc, r, without_drafts))
        continue;
      sentence = qg_document_relation_sentence (doc, r);
      scheme_for (relation->stance, &type, &scheme_text);
      claim = add_node (&w, "I", sentence);
      scheme = add_node (&w, type, scheme_text);
      for (guint k = 0; k < relation->n_evidence; k++)
        if (inode_of[relation->evidence[k]] != 0)
          add_edge (&w, inode_of[relation->evidence[k]], scheme);
      add_edge (&w, scheme, claim);
    }

  obj = json_object_new ();
  json_object_set_member (obj, "nodes", qg_json_array_node (w.nodes));
  json_object_set_member (obj, "edges", qg_json_array_node (w.edges));
  json_object_set_member (obj, "locutions", qg_json_array_node (locutions));
  json_object_set_member (obj, "participants", qg_json_array_node (participants));
  json_object_set_member (obj, "schemefulfillments", qg_json_array_node (json_array_new ()));
  text = qg_document_get_text (doc, &text_len);
  article = g_strndup (text, text_len);
  json_object_set_member (obj, "text", qg_json_string_node (article));
  root = qg_json_object_node (obj);
  return finish (root, text_len, length);
}
