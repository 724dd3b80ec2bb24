/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "qg-json.h"

typedef struct
{
  const char *input;
  guint       line;
  guint       column;
  const char *message;
} SyntaxCase;

static void
assert_syntax_error (const SyntaxCase *c)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;

  g_assert_false (qg_json_check_syntax (c->input, strlen (c->input), 64, &line, &column,
                                        &message));
  g_assert_cmpstr (message, ==, c->message);
  g_assert_cmpuint (line, ==, c->line);
  g_assert_cmpuint (column, ==, c->column);
}

static void
test_syntax_errors_located (void)
{
  static const SyntaxCase cases[] = {
    { "{\"a\": ]}", 1, 7, "unexpected character ']' (expected a value)" },
    { "{\n  \"a\": 1,\n}", 3, 1, "trailing comma before '}'" },
    { "[1,\n 2,\n]", 3, 1, "trailing comma before ']'" },
    { "[1 2]", 1, 4, "unexpected character '2' (expected ',' or ']')" },
    { "{\"a\" 1}", 1, 6, "unexpected character '1' (expected ':' after the member name)" },
    { "{a: 1}", 1, 2, "unexpected character 'a' (expected a member name in double quotes)" },
    { "/* c */ {}", 1, 1, "comments are not allowed in JSON" },
    { "{\"a\": 1 // c\n}", 1, 9, "comments are not allowed in JSON" },
    { "\"abc", 1, 1, "unterminated string" },
    { "[\"a\\u0000\"]", 1, 4, "\\u0000 is not allowed in a string" },
    { "[\"\\udc00\"]", 1, 3, "lone low surrogate \\uDC00" },
    { "[\"\\ud83d\\u0041\"]", 1, 3, "high surrogate \\uD83D is not followed by a low surrogate" },
    { "[\"\\u12G4\"]", 1, 3, "invalid \\u escape (expected four hexadecimal digits)" },
    { "[\"a\tb\"]", 1, 4, "control character U+0009 in a string (write it as an escape)" },
    { "[01]", 1, 2, "numbers may not have leading zeros" },
    { "[1.]", 1, 4, "unexpected character ']' (expected a digit after the decimal point)" },
    { "[1e]", 1, 4, "unexpected character ']' (expected a digit in the exponent)" },
    { "[-]", 1, 3, "unexpected character ']' (expected a digit)" },
    { "[tru]", 1, 2, "unexpected character 't' (expected a value)" },
    { "[nulls]", 1, 2, "unexpected character 'n' (expected a value)" },
    { "{} []", 1, 4, "unexpected character '[' after the end of the JSON value" },
    { "", 1, 1, "the file is empty (expected a JSON object)" },
    { "  \n ", 2, 2, "the file is empty (expected a JSON object)" },
    { "{\"é\": ]}", 1, 7, "unexpected character ']' (expected a value)" },
    { "[\n", 2, 1, "unexpected end of file (expected a value)" },
    { "\xEF\xBB\xBF{x", 1, 2, "unexpected character 'x' (expected a member name in double quotes)" },
    { "{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate member \"a\" (first at line 1)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_syntax_error (&cases[i]);
}

static void
test_valid_json_accepted (void)
{
  static const char * const valid[] = {
    "{}",
    "[]",
    "\xEF\xBB\xBF{\"bom\": true}",
    "{\"a\": [1, -2.5e+3, 0, 0.25, true, false, null, \"x\\\"y\\\\z\\/\\b\\f\\n\\r\\t\"]}",
    "{\"emoji\": \"\\ud83d\\ude00 \xF0\x9F\x98\x80\"}",
    " \t\r\n{ \"spaced\" : [ 1 , 2 ] } \n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *message = NULL;
      guint line = 0, column = 0;
      gboolean ok = qg_json_check_syntax (valid[i], strlen (valid[i]), 64, &line, &column,
                                          &message);

      g_assert_null (message);
      g_assert_true (ok);
    }
}

static char *
nested (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, i % 2 ? '[' : '{');
  for (guint i = depth; i-- > 0;)
    g_string_append_c (s, i % 2 ? ']' : '}');
  /* {"x": ...} is needed for an object to hold a value: use arrays only. */
  for (gsize i = 0; i < s->len; i++)
    {
      if (s->str[i] == '{')
        s->str[i] = '[';
      else if (s->str[i] == '}')
        s->str[i] = ']';
    }
  return g_string_free (s, FALSE);
}

static void
test_depth_limit (void)
{
  g_autofree char *at_limit = nested (64);
  g_autofree char *too_deep = nested (65);
  g_autofree char *message = NULL;
  guint line = 0, column = 0;

  g_assert_true (qg_json_check_syntax (at_limit, strlen (at_limit), 64, &line, &column,
                                       &message));
  g_assert_false (qg_json_check_syntax (too_deep, strlen (too_deep), 64, &line, &column,
                                        &message));
  g_assert_cmpstr (message, ==, "nested deeper than 64 levels");
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 65);
}

static void
test_deep_nesting_does_not_recurse_away (void)
{
  /* A million levels would overflow the stack of a recursive parser. */
  gsize n = 1000000;
  g_autofree char *deep = g_malloc (2 * n + 1);
  g_autofree char *message = NULL;
  guint line = 0, column = 0;

  memset (deep, '[', n);
  memset (deep + n, ']', n);
  deep[2 * n] = '\0';
  g_assert_false (qg_json_check_syntax (deep, 2 * n, 64, &line, &column, &message));
  g_assert_cmpstr (message, ==, "nested deeper than 64 levels");
}

static void
test_invalid_utf8_located (void)
{
  const char input[] = "{\n  \"a\": \"caf\xE9\"\n}";
  g_autofree char *message = NULL;
  guint line = 0, column = 0;

  g_assert_false (qg_json_check_syntax (input, strlen (input), 64, &line, &column, &message));
  g_assert_cmpstr (message, ==, "invalid UTF-8 (byte 0xE9); the file must be UTF-8");
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 12);
}

static void
test_nul_byte (void)
{
  const char input[] = "{\"a\": 1}\0garbage";
  g_autofree char *message = NULL;
  guint line = 0, column = 0;

  g_assert_false (qg_json_check_syntax (input, sizeof input - 1, 64, &line, &column, &message));
  g_assert_cmpstr (message, ==, "NUL byte in the file (is it a JSON file?)");
  g_assert_cmpuint (column, ==, 9);
}

static void
test_locate_paths (void)
{
  const char *doc =
    "{\n"
    "  \"format\": \"quotegraph/1\",\n"
    "  \"relations\": [\n"
    "    { \"id\": \"r0\" },\n"
    "    {\n"
    "      \"id\": \"r1\",\n"
    "      \"evidence\": [\"a\",\n"
    "                   \"b\"],\n"
    "      \"t\\u0065xt\": 1\n"
    "    }\n"
    "  ]\n"
    "}\n";
  const char *paths[] = {
    "", "format", "relations", "relations[0]", "relations[0].id", "relations[1]",
    "relations[1].id", "relations[1].evidence[1]", "relations[1].text", "relations[2]",
    "nothing",
  };
  g_autoptr(GHashTable) lines = qg_json_locate_paths (doc, strlen (doc), paths,
                                                      G_N_ELEMENTS (paths));

  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "format")), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "relations")), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "relations[0]")), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "relations[0].id")), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "relations[1]")), ==, 5);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "relations[1].id")), ==, 6);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "relations[1].evidence[1]")),
                    ==, 8);
  /* A member name written with escapes is found by what it means. */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (lines, "relations[1].text")), ==, 9);
  g_assert_false (g_hash_table_contains (lines, "relations[2]"));
  g_assert_false (g_hash_table_contains (lines, "nothing"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/json/syntax-errors-located", test_syntax_errors_located);
  g_test_add_func ("/quotegraph/json/valid-json-accepted", test_valid_json_accepted);
  g_test_add_func ("/quotegraph/json/depth-limit", test_depth_limit);
  g_test_add_func ("/quotegraph/json/deep-nesting-does-not-recurse-away",
                   test_deep_nesting_does_not_recurse_away);
  g_test_add_func ("/quotegraph/json/invalid-utf8-located", test_invalid_utf8_located);
  g_test_add_func ("/quotegraph/json/nul-byte", test_nul_byte);
  g_test_add_func ("/quotegraph/json/locate-paths", test_locate_paths);

  return g_test_run ();
}
