/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "qg-document.h"
#include "qg-edit.h"
#include "qg-export.h"
#include "qg-graph.h"

/* A document of tests/data/DIR, named by its file name in messages. */
static inline QgDocument *
qg_test_load (const char *dir,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load (file, name, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* How many times @needle occurs in @haystack, overlapping or not. */
static inline guint
qg_test_count (const char *haystack,
               const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* @graph laid out and drawn as SVG, as a string (Graphviz's bytes end
 * without a NUL). */
static inline char *
qg_test_render_svg (QgGraph *graph)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  gsize length = 0;
  const char *data;

  g_assert_true (qg_graph_layout (graph, &error));
  g_assert_no_error (error);
  svg = qg_graph_render (graph, "svg", &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &length);
  return g_strndup (data, length);
}

/* What Graphviz's own program draws of the DOT file @gv, with @engine
 * (-K) if not NULL. */
static inline char *
qg_test_dot_svg (const char *gv,
                 const char *engine)
{
  g_autofree char *flag = engine ? g_strconcat ("-K", engine, NULL) : NULL;
  const char *argv[] = { "dot", "-Tsvg", gv, flag, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static inline int
qg_test_compare_names (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* One test per .json file of @dir, named @prefix + the file's name
 * without .json, in the order of the names; @func is given the name (and
 * frees it). At least @at_least files: a missing data folder must fail,
 * not pass with no tests. */
static inline void
qg_test_add_per_json_file (const char    *prefix,
                           const char    *dir,
                           guint          at_least,
                           GTestDataFunc  func)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".json"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 5));
  g_ptr_array_sort (names, qg_test_compare_names);
  g_assert_cmpuint (names->len, >=, at_least);

  for (guint i = 0; i < names->len; i++)
    {
      char *name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strconcat (prefix, name, NULL);

      g_test_add_data_func_full (test_path, name, func, g_free);
    }
}

/* A copy of tests/data/valid/small-text-file.json in @dir, as map.json,
 * beside its article, small.txt; returns the copy's path. */
static inline char *
qg_test_copy_small_text_file (const char *dir)
{
  static const char * const names[][2] = {
    { "small-text-file.json", "map.json" }, { "small.txt", "small.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_test_build_filename (G_TEST_DIST, "data", "valid", names[i][0],
                                                     NULL);
      g_autofree char *to = g_build_filename (dir, names[i][1], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
  return g_build_filename (dir, "map.json", NULL);
}

/* tests/data/valid/small.json: three entities, four quotes, three relations. */
static inline QgDocument *
qg_test_load_small (void)
{
  return qg_test_load ("valid", "small.json");
}

/* tests/data/drafts.json: a match report drafted, partly checked: five
 * entities (Ann Lee, Bob Ray and Eastbrook drafted), four quotes (three
 * drafted) and three relations (two drafted). */
static inline QgDocument *
qg_test_load_drafts (void)
{
  return qg_test_load (".", "drafts.json");
}

/* Whether the entity, quote or relation @id of @doc is a draft. */
static inline gboolean
qg_test_is_draft (QgDocument *doc,
                  const char *id)
{
  gint e = qg_document_find_entity (doc, id);
  gint q = qg_document_find_quote (doc, id);
  gint r = qg_document_find_relation (doc, id);

  if (e >= 0)
    return qg_document_get_entity (doc, e)->draft;
  if (q >= 0)
    return qg_document_get_quote (doc, q)->draft;
  g_assert_cmpint (r, >=, 0);
  return qg_document_get_relation (doc, r)->draft;
}

/* @data written to a file @name in a new folder of its own; its path. */
static inline char *
qg_test_scratch_file (const char *name,
                      const char *data,
                      gsize       length)
{
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-test-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

/* The file and the folder qg_test_scratch_file() made. */
static inline void
qg_test_remove_scratch (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A document of @n witnesses' words, in an article of many-byte
 * characters (accents, « », €, an emoji) long enough to span several
 * kilobytes, in lines of ten ended by CR LF: witness i says "Témoin i a
 * dit « i € »", and every quote backs one relation, of stance "oppose". */
static inline char *
qg_test_witnesses_json (guint n)
{
  GString *json = g_string_new ("{\"format\": \"quotegraph/1\", \"article\": {\"title\": "
                                "\"Témoins\", \"text\": \"");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "Témoin %u a dit « %u € » 👍.%s", i, i,
                            i % 10 == 9 ? "\\r\\n" : " ");
  g_string_append (json, "\"}, \"entities\": [{\"id\": \"w\", \"name\": \"Témoin\", "
                         "\"kind\": \"person\"}, {\"id\": \"x\", \"name\": \"X\", "
                         "\"kind\": \"group\"}], \"quotes\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"q%u\", \"speaker\": \"w\", \"text\": "
                                  "\"Témoin %u a dit « %u € »\"}", i ? ", " : "", i, i, i);
  g_string_append (json, "], \"relations\": [{\"id\": \"r\", \"source\": \"w\", \"target\": "
                         "\"x\", \"label\": \"says\", \"stance\": \"oppose\", \"evidence\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\"q%u\"", i ? ", " : "", i);
  g_string_append (json, "]}]}");
  return g_string_free (json, FALSE);
}

static inline QgDocument *
qg_test_load_witnesses (guint n)
{
  g_autofree char *json = qg_test_witnesses_json (n);
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load_from_data (json, strlen (json), NULL, "witnesses.json",
                                                NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* A map of @n_entities and @n_relations, each relation backed by a quote
 * of its own, in the witnesses' article: for the sizes at which the view
 * works otherwise. As JSON, and loaded. */
static inline char *
qg_test_map_json_full (guint    n_entities,
                       guint    n_relations,
                       gboolean scattered)
{
  static const char * const kinds[] = { "person", "agency", "company", "media", "group" };
  static const char * const stances[] = { "support", "oppose", "neutral" };
  GString *json = g_string_new ("{\"format\": \"quotegraph/1\", \"article\": "
                                "{\"title\": \"Carte\", \"text\": \"");

  for (guint r = 0; r < n_relations; r++)
    g_string_append_printf (json, "Témoin %u a dit « %u € » 👍. ", r, r);
  g_string_append (json, "\"}, \"entities\": [");
  for (guint e = 0; e < n_entities; e++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"Entité %u\", \"kind\": \"%s\"}",
                            e ? ", " : "", e, e, kinds[e % G_N_ELEMENTS (kinds)]);
  g_string_append (json, "], \"quotes\": [");
  for (guint r = 0; r < n_relations; r++)
    g_string_append_printf (json, "%s{\"id\": \"q%u\", \"speaker\": \"e%u\", \"text\": "
                                  "\"Témoin %u a dit « %u € »\"}",
                            r ? ", " : "", r, r % n_entities, r, r);
  g_string_append (json, "], \"relations\": [");
  for (guint r = 0; r < n_relations; r++)
    {
      guint source = r % n_entities;
      /* Scattered, each relation joins two entities far apart: a map of
       * long edges across one another, as in a crowded article. */
      guint target = scattered ? (guint) (((guint64) r * 2654435761u + 12345) % n_entities)
                               : (r * 7 + 3) % n_entities;

      g_string_append_printf (json, "%s{\"id\": \"r%u\", \"source\": \"e%u\", \"target\": "
                                    "\"e%u\", \"label\": \"cites\", \"stance\": \"%s\", "
                                    "\"evidence\": [\"q%u\"]}",
                              r ? ", " : "", r, source,
                              target == source ? (target + 1) % n_entities : target,
                              stances[r % G_N_ELEMENTS (stances)], r);
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static inline char *
qg_test_map_json (guint n_entities,
                  guint n_relations)
{
  return qg_test_map_json_full (n_entities, n_relations, FALSE);
}

static inline QgDocument *
qg_test_load_map_full (guint    n_entities,
                       guint    n_relations,
                       gboolean scattered)
{
  g_autofree char *json = qg_test_map_json_full (n_entities, n_relations, scattered);
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load_from_data (json, strlen (json), NULL, "map.json", NULL,
                                                &error);

  g_assert_no_error (error);
  return doc;
}

static inline QgDocument *
qg_test_load_map (guint n_entities,
                  guint n_relations)
{
  return qg_test_load_map_full (n_entities, n_relations, FALSE);
}

/* The index of an id, or -1, as a string for messages. */
static inline const char *
qg_test_entity_id (QgDocument *doc,
                   gint        entity)
{
  return entity >= 0 ? qg_document_get_entity (doc, entity)->id : NULL;
}

/* Two documents whose models are equal: the same article, and the same
 * entities, quotes (each in the same place) and relations, in order. */
static inline void
qg_test_assert_same_model (QgDocument *a,
                           QgDocument *b)
{
  gsize len_a, len_b;
  const char *text_a = qg_document_get_text (a, &len_a);
  const char *text_b = qg_document_get_text (b, &len_b);

  g_assert_cmpstr (qg_document_get_title (a), ==, qg_document_get_title (b));
  g_assert_cmpstr (qg_document_get_source (a), ==, qg_document_get_source (b));
  g_assert_cmpstr (qg_document_get_published (a), ==, qg_document_get_published (b));
  g_assert_cmpmem (text_a, len_a, text_b, len_b);

  g_assert_cmpuint (qg_document_get_n_entities (a), ==, qg_document_get_n_entities (b));
  for (guint i = 0; i < qg_document_get_n_entities (a); i++)
    {
      const QgEntity *x = qg_document_get_entity (a, i);
      const QgEntity *y = qg_document_get_entity (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_true (g_strv_equal (x->aliases, y->aliases));
    }
  g_assert_cmpuint (qg_document_get_n_quotes (a), ==, qg_document_get_n_quotes (b));
  for (guint i = 0; i < qg_document_get_n_quotes (a); i++)
    {
      const QgQuote *x = qg_document_get_quote (a, i);
      const QgQuote *y = qg_document_get_quote (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpstr (qg_test_entity_id (a, x->speaker), ==, qg_test_entity_id (b, y->speaker));
      g_assert_cmpuint (x->occurrence, ==, y->occurrence);
      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpuint (x->end, ==, y->end);
    }
  g_assert_cmpuint (qg_document_get_n_relations (a), ==, qg_document_get_n_relations (b));
  for (guint i = 0; i < qg_document_get_n_relations (a); i++)
    {
      const QgRelation *x = qg_document_get_relation (a, i);
      const QgRelation *y = qg_document_get_relation (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (qg_test_entity_id (a, x->source), ==, qg_test_entity_id (b, y->source));
      g_assert_cmpstr (qg_test_entity_id (a, x->target), ==, qg_test_entity_id (b, y->target));
      g_assert_cmpint (x->stance, ==, y->stance);
      g_assert_cmpuint (x->n_evidence, ==, y->n_evidence);
      for (guint j = 0; j < x->n_evidence; j++)
        g_assert_cmpstr (qg_document_get_quote (a, x->evidence[j])->id, ==,
                         qg_document_get_quote (b, y->evidence[j])->id);
    }
}

/* Whether process @pid has ended: gone, or a zombie waiting to be reaped. */
static inline gboolean
qg_test_process_ended (int pid)
{
  g_autofree char *stat = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *contents = NULL;
  const char *state;

  if (!g_file_get_contents (stat, &contents, NULL, NULL))
    return TRUE;
  /* "pid (comm) S …" */
  state = strrchr (contents, ')');
  return state != NULL && state[1] == ' ' && state[2] == 'Z';
}

/* @doc exported as the program writes it (qg_export_to_file), read back. */
static inline char *
qg_test_export_svg (QgDocument *doc,
                    gsize      *length)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(GError) error = NULL;
  char *svg = NULL;

  g_assert_true (qg_export_to_file (doc, NULL, QG_EXPORT_SVG, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, length, NULL));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  return svg;
}

/* @doc with @edit (which this takes) applied, which must succeed. */
static inline QgDocument *
qg_test_apply_ok (QgDocument *doc,
                  QgEdit     *edit)
{
  g_autoptr(QgEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  QgDocument *edited = qg_document_apply (doc, owned, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (edited);
  return edited;
}
