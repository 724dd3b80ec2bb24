/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

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

/* tests/data/valid/small.json: three entities, four quotes, three relations. */
static inline QgDocument *
qg_test_load_small (void)
{
  return qg_test_load ("valid", "small.json");
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
 * works otherwise. */
static inline QgDocument *
qg_test_load_map (guint n_entities,
                  guint n_relations)
{
  static const char * const kinds[] = { "person", "agency", "company", "media", "group" };
  static const char * const stances[] = { "support", "oppose", "neutral" };
  g_autoptr(GString) json = g_string_new ("{\"format\": \"quotegraph/1\", \"article\": "
                                          "{\"title\": \"Carte\", \"text\": \"");
  g_autoptr(GError) error = NULL;
  QgDocument *doc;

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
      guint target = (r * 7 + 3) % n_entities;

      g_string_append_printf (json, "%s{\"id\": \"r%u\", \"source\": \"e%u\", \"target\": "
                                    "\"e%u\", \"label\": \"cites\", \"stance\": \"%s\", "
                                    "\"evidence\": [\"q%u\"]}",
                              r ? ", " : "", r, source,
                              target == source ? (target + 1) % n_entities : target,
                              stances[r % G_N_ELEMENTS (stances)], r);
    }
  g_string_append (json, "]}");
  doc = qg_document_load_from_data (json->str, json->len, NULL, "map.json", NULL, &error);
  g_assert_no_error (error);
  return doc;
}
