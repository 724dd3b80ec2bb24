/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qg-cli.h"
#include "qg-document.h"
#include "qg-edit.h"
#include "qg-test-utils.h"

static JsonNode *
parse (const char *json,
       gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, length, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static char *
read_contents (GFile *file,
               gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, length, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A folder of its own, emptied and removed at the end. */
static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("qg-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* The names in @dir, sorted and joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Loading and then saving a document unchanged gives the same JSON value,
 * and the file saved loads to the same model. */
static void
assert_round_trip (GFile      *file,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load (file, name, NULL, &error);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(QgDocument) reread = NULL;
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  gsize length, saved_length;

  g_test_message ("document %s", name);
  g_assert_no_error (error);
  contents = read_contents (file, &length);
  original = parse (contents, length);
  json = qg_document_to_json (doc, file, &saved_length);
  saved = parse (json, saved_length);
  g_assert_true (json_node_equal (original, saved));

  reread = qg_document_load_from_data (json, saved_length, dir, name, NULL, &error);
  g_assert_no_error (error);
  qg_test_assert_same_model (doc, reread);
}

static void
test_round_trip_valid_documents (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file_path = NULL;
      g_autoptr(GFile) file = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      file_path = g_build_filename (path, name, NULL);
      file = g_file_new_for_path (file_path);
      assert_round_trip (file, name);
      n++;
    }
  g_assert_cmpuint (n, >=, 5);
}

static void
test_round_trip_bundled_map (void)
{
  g_autoptr(GFile) file = qg_bundled_document ();

  assert_round_trip (file, "kaspersky-us-ban.json");
}

/* Two-space indentation, one member a line in FORMAT.md's order (then the
 * unknown ones, as they were), a line break at the end. */
static void
test_layout_and_order (void)
{
  const char *json =
    "{\"relations\": [], \"x-top\": 1, \"quotes\": [{\"note\": \"n\", \"occurrence\": 1, "
    "\"speaker\": \"a\", \"text\": \"b\", \"x-q\": [], \"id\": \"q\"}], "
    "\"entities\": [{\"x-e\": {}, \"description\": \"d\", \"aliases\": [\"x\", \"y\"], "
    "\"kind\": \"k\", \"name\": \"A\", \"id\": \"a\"}], \"article\": {\"text\": \"a b\", "
    "\"published\": \"2017\", \"source\": \"s\", \"title\": \"T\"}, \"format\": \"quotegraph/1\"}";
  const char *expected =
    "{\n"
    "  \"format\": \"quotegraph/1\",\n"
    "  \"article\": {\n"
    "    \"title\": \"T\",\n"
    "    \"source\": \"s\",\n"
    "    \"published\": \"2017\",\n"
    "    \"text\": \"a b\"\n"
    "  },\n"
    "  \"entities\": [\n"
    "    {\n"
    "      \"id\": \"a\",\n"
    "      \"name\": \"A\",\n"
    "      \"kind\": \"k\",\n"
    "      \"aliases\": [\n"
    "        \"x\",\n"
    "        \"y\"\n"
    "      ],\n"
    "      \"description\": \"d\",\n"
    "      \"x-e\": {}\n"
    "    }\n"
    "  ],\n"
    "  \"quotes\": [\n"
    "    {\n"
    "      \"id\": \"q\",\n"
    "      \"text\": \"b\",\n"
    "      \"speaker\": \"a\",\n"
    "      \"occurrence\": 1,\n"
    "      \"note\": \"n\",\n"
    "      \"x-q\": []\n"
    "    }\n"
    "  ],\n"
    "  \"relations\": [],\n"
    "  \"x-top\": 1\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "o.json",
                                                          NULL, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  saved = qg_document_to_json (doc, NULL, NULL);
  g_assert_cmpstr (saved, ==, expected);
}

/* What json-glib 1.6's generator would get wrong: U+001F raw and numbers
 * such as 1e22 as "1e+22.0", neither of them JSON. */
static void
test_values_read_back_as_they_were (void)
{
  const char *json =
    "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\\u001f\\u0001\\u007f\\\"\\\\/"
    "\\b\\f\\n\\r\\t\\u2028é\", \"text\": \"x\"}, \"entities\": [], \"quotes\": [], "
    "\"relations\": [], \"x-numbers\": [1e300, -1e-300, 2.0, -0.0, 0.1, 1e400, -1e400, 1e22, "
    "9007199254740993, -42, 3.141592653589793, 5e-324], \"x-other\": [true, false, null, {}, "
    "[[]]]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "v.json",
                                                          NULL, &error);
  g_autoptr(QgDocument) reread = NULL;
  g_autoptr(JsonNode) original = parse (json, strlen (json));
  g_autoptr(JsonNode) saved = NULL;
  g_autofree char *out = NULL;
  JsonArray *numbers;
  gsize length;

  g_assert_no_error (error);
  out = qg_document_to_json (doc, NULL, &length);
  /* Quotegraph's own, strict, reader takes it. */
  reread = qg_document_load_from_data (out, length, NULL, "saved.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qg_document_get_title (reread), ==, qg_document_get_title (doc));
  saved = parse (out, length);
  g_assert_true (json_node_equal (original, saved));
  g_assert_nonnull (strstr (out, "\"T\\u001f\\u0001\\u007f\\\"\\\\/\\b\\f\\n\\r\\t\u2028é\""));
  /* Each number is the same number, of the same type. */
  numbers = json_object_get_array_member (json_node_get_object (saved), "x-numbers");
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (numbers, 2)), ==,
                   G_TYPE_DOUBLE);
  g_assert_true (signbit (json_array_get_double_element (numbers, 3)));
  g_assert_cmpfloat (json_array_get_double_element (numbers, 0), ==, 1e300);
  g_assert_nonnull (strstr (out, "    1e+300,\n    -1e-300,\n    2.0,\n    -0.0,\n    0.1,\n"
                                 "    1e999,\n    -1e999,\n    1e+22,\n"));
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */

static void
test_save_writes_the_document (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = qg_document_to_json (doc, file, NULL);
  g_autofree char *listed = NULL;

  g_assert_true (qg_document_save (doc, file, NULL, &error));
  g_assert_no_error (error);
  contents = read_contents (file, NULL);
  g_assert_cmpstr (contents, ==, expected);
  reread = qg_document_load (file, "map.json", NULL, &error);
  g_assert_no_error (error);
  qg_test_assert_same_model (doc, reread);
  /* No temporary file left beside it. */
  listed = list_dir (dir);
  g_assert_cmpstr (listed, ==, "map.json");
  remove_dir (dir);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_save_async (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "map.json", "inside.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  qg_document_save_async (doc, file, NULL, saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (qg_document_save_finish (doc, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));

  qg_document_save_async (doc, bad_file, NULL, saved_cb, &failed);
  while (failed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (qg_document_save_finish (doc, failed, &error));
  expected = g_strdup_printf ("%s: could not save the map: “%s” is a file, not a folder", bad,
                              path);
  g_assert_cmpstr (error->message, ==, expected);
  remove_dir (dir);
}

/* The file replaced keeps its permissions; a new one has the umask's. */
static void
test_save_keeps_permissions (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  umask (mask);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  for (guint i = 0; i < 3; i++)
    {
      static const mode_t modes[] = { 0640, 0604, 0600 };

      g_assert_cmpint (g_chmod (path, modes[i]), ==, 0);
      g_assert_true (qg_document_save (doc, file, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, modes[i]);
    }
  g_assert_true (qg_document_save (doc, fresh_file, NULL, &error));
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0666 & ~mask);

  remove_dir (dir);
}

static void
assert_save_fails (QgDocument *doc,
                   const char *path,
                   const char *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: could not save the map: %s", path, reason);

  g_assert_false (qg_document_save (doc, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_save_into_a_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *inside = g_build_filename (notes, "map.json", NULL);
  g_autofree char *reason = g_strdup_printf ("“%s” is a file, not a folder", notes);
  g_autofree char *missing = g_build_filename (dir, "missing", "map.json", NULL);
  g_autofree char *listed = NULL;
  g_autoptr(QgDocument) doc = qg_test_load_small ();

  g_assert_true (g_file_set_contents (notes, "notes", -1, NULL));
  assert_save_fails (doc, inside, reason);
  assert_save_fails (doc, missing, "that folder does not exist");
  assert_save_fails (doc, dir, "a folder already has that name");
  listed = list_dir (dir);
  g_assert_cmpstr (listed, ==, "notes.txt");
  remove_dir (dir);
}

/* Root writes in any folder: the save is tried as nobody, in a process of
 * its own, given the folder by the environment. */
static void
test_save_into_a_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *listed = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(QgDocument) doc = qg_test_load_small ();
      g_autofree char *path = g_build_filename (g_getenv ("QG_TEST_LOCKED"), "map.json", NULL);

      if (geteuid () == 0)
        {
          g_assert_cmpint (setuid (65534), ==, 0);
          /* For the leak checker, which follows the process as it ends. */
          prctl (PR_SET_DUMPABLE, 1);
        }
      assert_save_fails (doc, path, "no permission to write in that folder");
      return;
    }

  dir = make_dir ();
  locked = g_build_filename (dir, "locked", NULL);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  g_setenv ("QG_TEST_LOCKED", locked, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("QG_TEST_LOCKED");
  g_test_trap_assert_passed ();
  listed = list_dir (locked);
  g_assert_cmpstr (listed, ==, "");
  remove_dir (dir);
}

/* Saved beside its text file, a document keeps "text_file"; elsewhere the
 * text goes into the document, which then reads the same article. */
static void
test_text_file_where_it_is_saved (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *json_path = qg_test_copy_small_text_file (dir);
  g_autofree char *text_path = g_build_filename (dir, "small.txt", NULL);
  g_autofree char *other_dir = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *other_path = g_build_filename (other_dir, "map.json", NULL);
  g_autofree char *article = NULL;
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;
  g_autofree char *text_after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(QgDocument) moved = NULL;
  gsize length, article_length;

  g_assert_true (g_file_get_contents (text_path, &article, &article_length, NULL));
  g_assert_cmpint (g_mkdir (other_dir, 0755), ==, 0);
  doc = qg_document_load (file, "map.json", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (qg_document_save (doc, file, NULL, &error));
  here = read_contents (file, NULL);
  g_assert_nonnull (strstr (here, "\"text_file\": \"small.txt\""));
  g_assert_null (strstr (here, "\n    \"text\": "));
  /* The text file is not written. */
  text_after = read_contents (qg_document_get_text_file (doc), &length);
  g_assert_cmpmem (text_after, length, article, article_length);

  g_assert_true (qg_document_save (doc, other, NULL, &error));
  there = read_contents (other, NULL);
  g_assert_null (strstr (there, "\"text_file\""));
  g_assert_nonnull (strstr (there, "\n    \"text\": \"Acme Corp said"));
  moved = qg_document_load (other, "map.json", NULL, &error);
  g_assert_no_error (error);
  qg_test_assert_same_model (doc, moved);
  g_assert_null (qg_document_get_text_file (moved));
  remove_dir (dir);
}

/* What could not be opened again is not written. */
static void
test_save_refuses_what_would_not_open (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *text = g_strnfill (QG_DOCUMENT_MAX_BYTES / 2 + 1, '\t');
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autofree char *listed = NULL;

  /* Each tab is written as two characters, \t. */
  text[0] = 'x';
  doc = qg_document_new_for_article (text, -1, "T", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_save_fails (doc, path, "it would be larger than 64 MB, the most Quotegraph opens");
  listed = list_dir (dir);
  g_assert_cmpstr (listed, ==, "");
  remove_dir (dir);
}

/* An edited document, saved and opened again, is the edited one. */
static void
test_save_an_edit (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(QgDocument) doc = qg_document_new_for_article ("Acme said it will comply.", -1,
                                                           "Acme", NULL, NULL, NULL);
  g_autoptr(QgEdit) add = qg_edit_new_add_entity ("Acme", "company");
  g_autoptr(QgEdit) quote = qg_edit_new_add_quote (13, 25);
  g_autoptr(QgDocument) with_entity = NULL;
  g_autoptr(QgDocument) with_quote = NULL;
  g_autoptr(QgDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  with_entity = qg_document_apply (doc, add, &id, &error);
  g_assert_no_error (error);
  qg_edit_set_speaker (quote, id);
  with_quote = qg_document_apply (with_entity, quote, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (qg_document_save (with_quote, file, NULL, &error));
  reread = qg_document_load (file, "map.json", NULL, &error);
  g_assert_no_error (error);
  qg_test_assert_same_model (with_quote, reread);
  g_assert_cmpstr (qg_document_get_quote (reread, 0)->text, ==, "will comply.");
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/save/round-trip-valid-documents",
                   test_round_trip_valid_documents);
  g_test_add_func ("/quotegraph/save/round-trip-bundled-map", test_round_trip_bundled_map);
  g_test_add_func ("/quotegraph/save/layout-and-order", test_layout_and_order);
  g_test_add_func ("/quotegraph/save/values-read-back-as-they-were",
                   test_values_read_back_as_they_were);
  g_test_add_func ("/quotegraph/save/writes-the-document", test_save_writes_the_document);
  g_test_add_func ("/quotegraph/save/async", test_save_async);
  g_test_add_func ("/quotegraph/save/keeps-permissions", test_save_keeps_permissions);
  g_test_add_func ("/quotegraph/save/into-a-file", test_save_into_a_file);
  g_test_add_func ("/quotegraph/save/into-a-read-only-folder",
                   test_save_into_a_read_only_folder);
  g_test_add_func ("/quotegraph/save/text-file-where-it-is-saved",
                   test_text_file_where_it_is_saved);
  g_test_add_func ("/quotegraph/save/refuses-what-would-not-open",
                   test_save_refuses_what_would_not_open);
  g_test_add_func ("/quotegraph/save/an-edit", test_save_an_edit);

  return g_test_run ();
}
