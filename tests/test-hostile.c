/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "qg-document.h"
#include "qg-graph.h"
#include "qg-kinds.h"
#include "qg-layout.h"
#include "qg-xml.h"

/* Valid documents that fuzzing found hard on the map: huge names, labels
 * and kinds, and characters that XML cannot carry. Each is made here, in
 * memory, and exported through the real program, as a person would. */

#define ELLIPSIS "\xE2\x80\xA6"

/* ------------------------------------------------------------------------ */
/* Documents                                                                  */

/* The strings of a two-entity document that may be hostile; NULL: a tame
 * default. The article is the quote with words around it. */
typedef struct
{
  const char *title;
  const char *source;
  const char *name;
  const char *kind;
  const char *description;
  const char *label;
  const char *quote;
} Strings;

static void
add_member (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_entity (JsonBuilder *b,
            const char  *id,
            const char  *name,
            const char  *kind,
            const char  *description)
{
  json_builder_begin_object (b);
  add_member (b, "id", id);
  add_member (b, "name", name);
  add_member (b, "kind", kind);
  if (description != NULL)
    add_member (b, "description", description);
  json_builder_end_object (b);
}

static char *
document_json (const Strings *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *quote = s->quote ? s->quote : "we disagree";
  g_autofree char *text = g_strconcat ("They said: ", quote, ". The end.", NULL);

  json_builder_begin_object (b);
  add_member (b, "format", "quotegraph/1");
  json_builder_set_member_name (b, "article");
  json_builder_begin_object (b);
  add_member (b, "title", s->title ? s->title : "A hostile map");
  if (s->source)
    add_member (b, "source", s->source);
  add_member (b, "text", text);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "entities");
  json_builder_begin_array (b);
  add_entity (b, "a", s->name ? s->name : "Alpha", s->kind ? s->kind : "person",
              s->description);
  add_entity (b, "b", "Beta", "agency", NULL);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "quotes");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_member (b, "id", "q");
  add_member (b, "speaker", "a");
  add_member (b, "text", quote);
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "relations");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_member (b, "id", "r");
  add_member (b, "source", "a");
  add_member (b, "target", "b");
  add_member (b, "label", s->label ? s->label : "answers");
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "q");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static QgDocument *
document_new (const Strings *s)
{
  g_autofree char *json = document_json (s);
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load_from_data (json, strlen (json), NULL, "hostile.json", NULL,
                                                &error);

  g_assert_no_error (error);
  return doc;
}

/* @n copies of @unit. */
static char *
repeat (const char *unit,
        gsize       n)
{
  GString *out = g_string_sized_new (strlen (unit) * n);

  for (gsize i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* A folder of its own for a test, removed with what is in it. */
typedef struct
{
  char *path;
} Folder;

static void
folder_clear (Folder *folder)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (folder->path == NULL)
    return;
  dir = g_dir_open (folder->path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder->path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (folder->path);
  g_clear_pointer (&folder->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Folder, folder_clear)

static void
folder_init (Folder *folder)
{
  g_autoptr(GError) error = NULL;

  folder->path = g_dir_make_tmp ("qg-hostile-XXXXXX", &error);
  g_assert_no_error (error);
}

static char *
folder_file (Folder     *folder,
             const char *name)
{
  return g_build_filename (folder->path, name, NULL);
}

/* The document written as hostile.json in @folder; its path. */
static char *
write_document (Folder        *folder,
                const Strings *s)
{
  g_autofree char *json = document_json (s);
  g_autoptr(GError) error = NULL;
  char *path = folder_file (folder, "hostile.json");

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* ------------------------------------------------------------------------ */
/* The program                                                                */

/* Runs `quotegraph ARGS…` without a display; its exit status. A crash
 * fails the test here, naming the signal. */
static int
run_quotegraph (char              **err,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stderr_text = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("QUOTEGRAPH"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &stderr_text, &error);
  g_assert_no_error (error);
  g_test_message ("quotegraph %s: %s", args[0], stderr_text);
  if (g_subprocess_get_if_signaled (process))
    g_error ("quotegraph %s %s died of signal %d: %s", args[0], args[1],
             g_subprocess_get_term_sig (process), stderr_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

/* `quotegraph --export OUT DOC` must succeed; what it wrote. */
static char *
export (const char *document,
        const char *out,
        gsize      *length)
{
  g_autofree char *err = NULL;
  int status = run_quotegraph (&err, (const char * const[]) { "--export", out, document, NULL });

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  return read_file (out, length);
}

/* xmllint, an XML parser that is not GLib's, must read @path without a
 * word. Without xmllint the test says it was skipped, and why. */
static void
assert_xmllint_reads (const char *path)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint (libxml2-utils) is not installed: the SVG is not checked by it");
      return;
    }
  g_spawn_sync (NULL, (char *[]) { xmllint, (char *) "--noout", (char *) "--nonet",
                                   (char *) path, NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || err[0] != '\0')
    g_error ("xmllint rejects %s: %s", path, err);
}

/* ------------------------------------------------------------------------ */
/* What the SVG draws                                                         */

typedef struct
{
  char      *klass;
  GPtrArray *lines;    /* its <text>s */
  char      *tooltip;  /* its link's xlink:title, as XML reads it */
} Drawn;

static void
drawn_free (Drawn *drawn)
{
  g_free (drawn->klass);
  g_ptr_array_unref (drawn->lines);
  g_free (drawn->tooltip);
  g_free (drawn);
}

/* The groups of the SVG by id (entities, relations, the legend) and
 * what each draws. */
typedef struct
{
  GHashTable *groups;   /* id → Drawn */
  Drawn      *group;    /* being read */
  guint       depth;    /* of <g> inside it */
  GString    *text;     /* of the <text> being read, or NULL */
} Picture;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
picture_start (GMarkupParseContext *context,
               const char          *element,
               const char         **names,
               const char         **values,
               gpointer             user_data,
               GError             **error)
{
  Picture *picture = user_data;
  const char *id = attribute (names, values, "id");
  const char *klass = attribute (names, values, "class");

  if (g_str_equal (element, "g") && picture->group != NULL)
    picture->depth++;
  /* The graph's own group holds the others. */
  else if (g_str_equal (element, "g") && id && klass && !g_str_equal (klass, "graph"))
    {
      picture->group = g_new0 (Drawn, 1);
      picture->group->klass = g_strdup (klass);
      picture->group->lines = g_ptr_array_new_with_free_func (g_free);
      picture->depth = 0;
      g_hash_table_insert (picture->groups, g_strdup (id), picture->group);
    }
  else if (g_str_equal (element, "a") && picture->group && !picture->group->tooltip)
    picture->group->tooltip = g_strdup (attribute (names, values, "xlink:title"));
  else if (g_str_equal (element, "text") && picture->group != NULL)
    picture->text = g_string_new (NULL);
}

static void
picture_end (GMarkupParseContext *context,
             const char          *element,
             gpointer             user_data,
             GError             **error)
{
  Picture *picture = user_data;

  if (g_str_equal (element, "text") && picture->text != NULL)
    g_ptr_array_add (picture->group->lines, g_string_free (g_steal_pointer (&picture->text),
                                                           FALSE));
  else if (g_str_equal (element, "g") && picture->group != NULL && picture->depth-- == 0)
    picture->group = NULL;
}

static void
picture_text (GMarkupParseContext *context,
              const char          *text,
              gsize                length,
              gpointer             user_data,
              GError             **error)
{
  Picture *picture = user_data;

  if (picture->text != NULL)
    g_string_append_len (picture->text, text, length);
}

static GHashTable *
read_picture (const char *svg,
              gsize       length)
{
  static const GMarkupParser parser = { picture_start, picture_end, picture_text, NULL, NULL };
  Picture picture = {
    .groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) drawn_free),
  };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &picture,
                                                                       NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, svg, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  return picture.groups;
}

static Drawn *
drawn (GHashTable *picture,
       const char *id)
{
  Drawn *group = g_hash_table_lookup (picture, id);

  if (group == NULL)
    g_error ("the SVG has no group \"%s\"", id);
  return group;
}

/* The document of @s, exported to SVG as @folder/map.svg (its path in
 * @out) by the program, and read. */
static GHashTable *
export_svg (Folder        *folder,
            const Strings *s,
            char         **out)
{
  g_autofree char *doc = write_document (folder, s);
  g_autofree char *svg = NULL;
  gsize length;

  *out = folder_file (folder, "map.svg");
  svg = export (doc, *out, &length);
  return read_picture (svg, length);
}

/* The lines of a layout's item, as the window gets them. */
static GPtrArray *
layout_lines (QgLayout     *layout,
              const QgItem *item)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < item->n_texts; t++)
    g_ptr_array_add (lines, g_strdup (qg_layout_get_op (layout, item->first_text + t)->text));
  return lines;
}

/* What the map draws of a long string: 1 to 12 lines, 200 characters in
 * all at most, the last ending in "…", each line whole UTF-8 and a piece
 * of @whole in order (lines break at its spaces or line breaks). */
static void
assert_cut (GPtrArray  *lines,
            const char *whole)
{
  const char *rest = whole;
  glong n_chars = 0;

  g_assert_cmpuint (lines->len, >=, 1);
  g_assert_cmpuint (lines->len, <=, 12);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      gsize length = strlen (line);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      n_chars += g_utf8_strlen (line, -1);
      if (i + 1 == lines->len)
        {
          g_assert_true (g_str_has_suffix (line, ELLIPSIS));
          length -= strlen (ELLIPSIS);
        }
      g_assert_true (strncmp (rest, line, length) == 0);
      rest += length;
      if (i + 1 < lines->len)
        {
          g_assert_true (*rest == ' ' || *rest == '\n');
          rest++;
        }
    }
  g_assert_cmpint (n_chars, <=, 200);
  g_assert_cmpint (n_chars, >=, 12);
}

/* ------------------------------------------------------------------------ */
/* Huge labels: bounded on the map, whole in the tooltips                    */

/* Exports the document of @s through the program: its name, and its
 * label if @s has one, are cut on the map and whole in the tooltips, and
 * the SVG reads as XML. */
static void
assert_export_cuts (const Strings *s)
{
  g_auto(Folder) folder = { 0 };
  g_autofree char *out = NULL;
  g_autoptr(GHashTable) picture = NULL;

  folder_init (&folder);
  picture = export_svg (&folder, s, &out);
  assert_cut (drawn (picture, "a")->lines, s->name);
  g_assert_nonnull (strstr (drawn (picture, "a")->tooltip, s->name));
  if (s->label != NULL)
    {
      assert_cut (drawn (picture, "r")->lines, s->label);
      g_assert_nonnull (strstr (drawn (picture, "r")->tooltip, s->label));
    }
  assert_xmllint_reads (out);
}

/* 32,769 lines overflowed Graphviz's 16-bit count of a label's lines: the
 * export and the window died. */
static void
test_name_of_many_lines (void)
{
  g_autofree char *name = repeat ("a\n", 32769);

  assert_export_cuts (&(Strings) { .name = name });
}

/* 800,000 characters with spaces: wrapped at 15 columns, more than
 * 32,768 lines; the same for a relation's label. */
static void
test_long_name_and_label (void)
{
  g_autofree char *words = repeat ("word ", 160000);

  assert_export_cuts (&(Strings) { .name = words, .label = words });
}

/* Lays out the document of @s as the window does, through the core: its
 * name and label are cut as in the export. The name's last line. */
static char *
assert_window_cuts (const Strings *s)
{
  g_autoptr(QgDocument) doc = document_new (s);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, NULL, &error);
  g_autoptr(GPtrArray) name = NULL;
  g_autoptr(GPtrArray) label = NULL;

  g_assert_no_error (error);
  name = layout_lines (layout, qg_layout_get_node (layout, 0));
  label = layout_lines (layout, qg_layout_get_edge (layout, 0));
  assert_cut (name, s->name);
  assert_cut (label, s->label);
  return g_strdup (g_ptr_array_index (name, name->len - 1));
}

static void
test_window_layout_is_bounded (void)
{
  g_autofree char *lines = repeat ("a\n", 32769);
  g_autofree char *words = repeat ("word ", 160000);
  g_autofree char *last = assert_window_cuts (&(Strings) { .name = lines, .label = words });

  g_assert_cmpstr (last, ==, "a" ELLIPSIS);
}

/* A cut falls between characters, never inside one's UTF-8, and keeps an
 * accent with its letter. */
static void
test_cut_between_characters (void)
{
  /* e and a combining acute accent, 150 times: 300 characters. */
  g_autofree char *accents = repeat ("e\xCC\x81", 150);
  g_autofree char *emoji = repeat ("\xF0\x9F\x98\x80", 300);
  g_autofree char *last = assert_window_cuts (&(Strings) { .name = accents, .label = emoji });

  g_assert_true (g_str_has_suffix (last, "e\xCC\x81" ELLIPSIS));
}

/* A kind is drawn in the legend, on one line: bounded there, whole in the
 * tooltips. At 100,000 characters it made a legend 600,000 points wide,
 * and the window's legend asked X for a window wider than it allows. */
static void
test_long_kind_in_legend (void)
{
  g_auto(Folder) folder = { 0 };
  g_autofree char *kind = repeat ("k", 100000);
  /* The kind as a heading says it, in 40 characters with the ellipsis. */
  g_autofree char *tail = repeat ("k", 38);
  g_autofree char *shown = g_strconcat ("K", tail, ELLIPSIS, NULL);
  g_autofree char *lines = repeat ("line\n", 100);
  g_autofree char *kind_shown = NULL;
  g_autofree char *lines_shown = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GHashTable) picture = NULL;
  GPtrArray *legend;

  folder_init (&folder);
  picture = export_svg (&folder, &(Strings) { .kind = kind }, &out);
  legend = drawn (picture, "quotegraph-legend")->lines;
  g_assert_true (g_ptr_array_find_with_equal_func (legend, shown, g_str_equal, NULL));
  for (guint i = 0; i < legend->len; i++)
    g_assert_cmpint (g_utf8_strlen (g_ptr_array_index (legend, i), -1), <=, 40);
  g_assert_nonnull (strstr (drawn (picture, "a")->tooltip, kind));
  assert_xmllint_reads (out);

  /* The window's legend shows the same; a kind of many lines on one. */
  kind_shown = qg_kind_legend_name (kind);
  g_assert_cmpstr (kind_shown, ==, shown);
  lines_shown = qg_kind_legend_name (lines);
  g_assert_cmpstr (lines_shown, ==, "Line line line line line line line line" ELLIPSIS);
}

/* ------------------------------------------------------------------------ */
/* Characters XML cannot carry                                                */

/* Where @data has a character XML 1.0 does not allow, raw or as a
 * reference; NULL if nowhere. Read independently of the program's own
 * check: any C0 control byte but tab, line feed and carriage return,
 * U+FFFE, U+FFFF, and their references in hex or decimal. */
static const char *
find_non_xml (const char *data,
              gsize       length)
{
  static const char * const forbidden[] = {
    "\xEF\xBF\xBE", "\xEF\xBF\xBF", "&#xFFFE;", "&#xFFFF;", "&#xfffe;", "&#xffff;",
    "&#65534;", "&#65535;",
  };

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        return data + i;
      if (c == '&' && i + 2 < length && data[i + 1] == '#')
        {
          gboolean hex = data[i + 2] == 'x';
          guint64 value = g_ascii_strtoull (data + i + (hex ? 3 : 2), NULL, hex ? 16 : 10);

          if (value < 0x20 && value != '\t' && value != '\n' && value != '\r')
            return data + i;
        }
      for (guint k = 0; k < G_N_ELEMENTS (forbidden); k++)
        if (length - i >= strlen (forbidden[k])
            && memcmp (data + i, forbidden[k], strlen (forbidden[k])) == 0)
          return data + i;
    }
  return NULL;
}

static void
assert_all_xml (const char *data,
                gsize       length,
                const char *what)
{
  const char *at = find_non_xml (data, length);

  if (at != NULL)
    g_error ("%s: a character XML does not allow at byte %" G_GSIZE_FORMAT ": \"%.12s\"", what,
             (gsize) (at - data), at);
}

/* Exports the document of @s in every format: each succeeds, is made of
 * characters XML allows, and the SVG reads as XML. The legend shows
 * @legend_kind, as the legend draws the document's kind. */
static void
assert_exports_are_xml (const Strings *s,
                        const char    *legend_kind)
{
  static const char * const formats[] = { "map.gv", "map.png", "map.pdf" };
  g_auto(Folder) folder = { 0 };
  g_autofree char *out = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GHashTable) picture = NULL;
  GPtrArray *legend;
  gsize length;

  folder_init (&folder);
  picture = export_svg (&folder, s, &out);
  svg = read_file (out, &length);
  assert_all_xml (svg, length, out);
  assert_xmllint_reads (out);

  /* The legend is Graphviz's HTML: a character it cannot parse makes it
   * the bare name of its node. */
  legend = drawn (picture, "quotegraph-legend")->lines;
  g_assert_false (g_ptr_array_find_with_equal_func (legend, "quotegraph-legend", g_str_equal,
                                                    NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (legend, legend_kind, g_str_equal, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *doc = folder_file (&folder, "hostile.json");
      g_autofree char *path = folder_file (&folder, formats[i]);
      g_autofree char *data = export (doc, path, &length);

      if (g_str_has_suffix (path, ".gv"))
        assert_all_xml (data, length, path);
      g_assert_cmpuint (length, >, 100);
    }
}

/* U+FFFE and U+FFFF are valid in JSON and UTF-8, not in XML: raw in the
 * SVG, they made it unreadable, and in a kind the legend too. */
static void
test_noncharacters (void)
{
  assert_exports_are_xml (&(Strings) {
                            .title = "Title \xEF\xBF\xBE",
                            .source = "Source \xEF\xBF\xBF",
                            .name = "Name \xEF\xBF\xBF",
                            .kind = "kind \xEF\xBF\xBF",
                            .description = "Description \xEF\xBF\xBE",
                            .label = "label \xEF\xBF\xBE",
                            .quote = "quote \xEF\xBF\xBF",
                          },
                          "Kind \xEF\xBF\xBD");
}

/* Control characters: in the title and source they became &#x1; in the
 * SVG's <title> and <desc>, which XML 1.0 forbids; in a kind, the same in
 * the legend's HTML, which Graphviz then could not read. */
static void
test_control_characters (void)
{
  assert_exports_are_xml (&(Strings) {
                            .title = "Title \x01",
                            .source = "Source \x02",
                            .name = "Name \x1B[31m",
                            .kind = "kind \x01",
                            .description = "Description \x7F \x0B",
                            .label = "label \x0C",
                            .quote = "quote \x08",
                          },
                          "Kind \xEF\xBF\xBD");
}

/* Huge strings without spaces, whole in the tooltips: `dot` refused the
 * exported .gv ("longer than 16384?"), and reading it back took a time
 * that grew with the square of a string's length. The .gv now breaks
 * them, and `dot -Tsvg` on it draws the strings whole; a kind's class is
 * no longer than an id. */
static void
test_huge_strings_read_back (void)
{
  g_auto(Folder) folder = { 0 };
  g_autofree char *kind = repeat ("k", 100000);
  g_autofree char *label = repeat ("\xF0\x9F\x98\x80", 20000);
  g_autofree char *quote = repeat ("q", 30000);
  g_autofree char *doc = NULL;
  g_autofree char *gv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dot = g_find_program_in_path ("dot");
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) picture = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int status;

  folder_init (&folder);
  doc = write_document (&folder, &(Strings) { .kind = kind, .label = label, .quote = quote });
  gv = folder_file (&folder, "map.gv");
  text = export (doc, gv, &length);
  /* Broken between characters. */
  g_assert_true (g_utf8_validate (text, length, NULL));
  if (dot == NULL)
    {
      g_test_skip ("Graphviz's dot is not installed: the .gv is not read back by it");
      return;
    }
  g_spawn_sync (NULL, (char *[]) { dot, (char *) "-Tsvg", gv, NULL }, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  picture = read_picture (out, strlen (out));
  g_assert_nonnull (strstr (drawn (picture, "a")->tooltip, kind));
  g_assert_nonnull (strstr (drawn (picture, "a")->tooltip, quote));
  g_assert_nonnull (strstr (drawn (picture, "r")->tooltip, label));
  g_assert_cmpuint (strlen (drawn (picture, "a")->klass), <=,
                    strlen ("node kind-") + 64 + strlen (" other-kind"));
}

/* Graphviz's errors fail the call, in its words, and are not printed:
 * the legend's HTML, which Graphviz could not parse, was drawn as the
 * name of its node, with the error on stderr and an export that exited 0.
 * No document now gives Graphviz an error, but a format does. */
static void
test_graphviz_error_fails (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(QgDocument) doc = document_new (&(Strings) { 0 });
      g_autoptr(GError) error = NULL;
      g_autoptr(QgGraph) graph = qg_graph_new (doc, "dot", &error);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (qg_graph_layout (graph, &error));
      bytes = qg_graph_render (graph, "no-such-format", &error);
      g_assert_null (bytes);
      g_assert_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_FORMAT);
      g_print ("%s\n", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Graphviz could not render the graph as no-such-format: renderer "
                             "for no-such-format is unavailable\n");
  g_test_trap_assert_stderr ("");
}

/* The check an SVG passes before it is written: the readers of XML would
 * refuse what it refuses, and it takes what Graphviz writes. */
static void
test_xml_check (void)
{
  static const char graphviz[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n"
    " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
    "<!-- Generated by graphviz version 2.43.0 (0)\n -->\n"
    "<svg width=\"100%\" viewBox=\"0.00 0.00 10.00 10.00\">\n"
    "<title>A &amp; B&#10;&#xFFFD;\xEF\xBF\xBD \xF0\x9F\x98\x80</title>\n"
    "<!-- a&#45;&gt;b -->\n"
    "<g id=\"a\" class=\"node\"><text>\t&#x10FFFF;</text></g>\n"
    "</svg>\n";
  static const struct { const char *xml; int code; const char *message; } refused[] = {
    { "<svg>\n<text>a \xEF\xBF\xBF</text></svg>", G_MARKUP_ERROR_INVALID_CONTENT,
      "Error on line 2 char 9: U+FFFF is not a character of XML" },
    { "<svg><title>T&#x1;</title></svg>", G_MARKUP_ERROR_INVALID_CONTENT,
      "Error on line 1 char 14: U+0001 is not a character of XML" },
    { "<svg a=\"&#65534;\"/>", G_MARKUP_ERROR_INVALID_CONTENT,
      "Error on line 1 char 9: U+FFFE is not a character of XML" },
    { "<svg>&#x110000;</svg>", G_MARKUP_ERROR_INVALID_CONTENT,
      "Error on line 1 char 6: U+110000 is not a character of XML" },
    { "<svg>\x1B[31m</svg>", G_MARKUP_ERROR_INVALID_CONTENT,
      "Error on line 1 char 6: U+001B is not a character of XML" },
    { "<svg>\n\xC3(</svg>", G_MARKUP_ERROR_BAD_UTF8,
      "Error on line 2 char 1: the text is not UTF-8" },
    { "<svg><g></svg>", G_MARKUP_ERROR_PARSE, NULL },
    { "<svg>&nbsp;</svg>", G_MARKUP_ERROR_PARSE, NULL },
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (qg_xml_check (graphviz, strlen (graphviz), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *shown = g_strescape (refused[i].xml, NULL);

      /* Escaped: a line break or a byte that is no UTF-8 would break TAP. */
      g_test_message ("%s", shown);
      g_assert_false (qg_xml_check (refused[i].xml, strlen (refused[i].xml), &error));
      g_assert_error (error, G_MARKUP_ERROR, refused[i].code);
      if (refused[i].message)
        g_assert_cmpstr (error->message, ==, refused[i].message);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("QUOTEGRAPH"));

  g_test_add_func ("/quotegraph/hostile/name-of-many-lines", test_name_of_many_lines);
  g_test_add_func ("/quotegraph/hostile/long-name-and-label", test_long_name_and_label);
  g_test_add_func ("/quotegraph/hostile/window-layout-is-bounded", test_window_layout_is_bounded);
  g_test_add_func ("/quotegraph/hostile/cut-between-characters", test_cut_between_characters);
  g_test_add_func ("/quotegraph/hostile/long-kind-in-legend", test_long_kind_in_legend);
  g_test_add_func ("/quotegraph/hostile/noncharacters", test_noncharacters);
  g_test_add_func ("/quotegraph/hostile/control-characters", test_control_characters);
  g_test_add_func ("/quotegraph/hostile/huge-strings-read-back", test_huge_strings_read_back);
  g_test_add_func ("/quotegraph/hostile/graphviz-error-fails", test_graphviz_error_fails);
  g_test_add_func ("/quotegraph/hostile/xml-check", test_xml_check);

  return g_test_run ();
}
