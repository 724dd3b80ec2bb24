/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "qg-application.h"
#include "qg-cli.h"
#include "qg-graph.h"
#include "qg-layout-cache.h"
#include "qg-new-map-dialog.h"
#include "qg-preferences-window.h"
#include "qg-recovery.h"
#include "qg-settings.h"

struct _QgApplication
{
  AdwApplication  parent_instance;

  /* From the command line: the files (Opening), and for the first window
   * the engine and the selection. */
  GPtrArray      *pending;
  char           *layout;
  char           *select;
  GPtrArray      *sniffing;  /* Opening: files being read to tell what they are */
  gboolean        recovery_offered;
  GSettings      *settings;  /* for the style, which is the application's */
};

/* A file on its way to a window. */
typedef struct
{
  QgApplication *app;
  GFile         *file;
  char          *display_name;
  QgWindow      *into;  /* weak */
} Opening;

static Opening *
opening_new (QgApplication *app,
             GFile         *file,
             const char    *display_name,
             QgWindow      *into)
{
  Opening *opening = g_new0 (Opening, 1);

  opening->app = app ? g_object_ref (app) : NULL;
  opening->file = g_object_ref (file);
  /* A file chosen or dropped is named as the person saw it. */
  opening->display_name = display_name ? g_strdup (display_name) : g_file_get_basename (file);
  g_set_weak_pointer (&opening->into, into);
  return opening;
}

static void
opening_free (Opening *opening)
{
  g_clear_object (&opening->app);
  g_object_unref (opening->file);
  g_free (opening->display_name);
  g_clear_weak_pointer (&opening->into);
  g_free (opening);
}

G_DEFINE_FINAL_TYPE (QgApplication, qg_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "check", 'c', 0, G_OPTION_ARG_NONE, NULL,
    N_("Validate the document, print every error, and exit (0 if valid, 1 if not)"), NULL },
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Lay out the map and write it to OUT (.svg, .png, .pdf, .gv for the styled graph "
       "before layout, or .aif.json for the argument-mapping tools), then exit"), N_("OUT") },
  { "draft", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draft a map of ARTICLE (.txt or .html): its quotes, their speakers and the entities it "
       "names, each marked as a draft; write it as JSON to standard output, or to --output, then "
       "exit"), N_("ARTICLE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --draft, write the map to OUT.json (whole or not at all) instead"), N_("OUT.json") },
  { "without-drafts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave out of the export what is drafted and not yet checked"), NULL },
  { "layout", 'l', 0, G_OPTION_ARG_STRING, NULL,
    N_("Graphviz layout engine: dot, neato, fdp, sfdp, circo or twopi (default: by size)"),
    N_("ENGINE") },
  { "dpi", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Resolution of a PNG export, in dots per inch (default: 96)"), N_("DPI") },
  { "no-cache", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Lay out afresh, without reading or writing the cache of layouts"), NULL },
  { "select", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Open with this entity or relation selected and centred"), N_("ID") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

QgApplication *
qg_application_new (void)
{
  return g_object_new (QG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/quotegraph/Quotegraph",
                       NULL);
}

static gboolean
is_help_request (char **arguments)
{
  for (guint i = 1; arguments[i]; i++)
    if (g_str_has_prefix (arguments[i], "--help") || g_str_equal (arguments[i], "-h")
        || g_str_equal (arguments[i], "-?"))
      return TRUE;
  return FALSE;
}

/* GApplication exits with 1 on a bad option; the command line promises 2
 * for usage errors, so the options are checked here first. */
static gboolean
qg_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  if (!is_help_request (*arguments))
    {
      g_autoptr(GOptionContext) context = g_option_context_new (NULL);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) copy = g_strdupv (*arguments);
      g_autofree char *check = NULL;
      GOptionEntry entries[G_N_ELEMENTS (option_entries)];
      gboolean flag = FALSE;
      int number = 0;
      char *string = NULL;
      char **strv = NULL;

      /* The same options, parsed into throwaway storage. */
      memcpy (entries, option_entries, sizeof entries);
      for (guint i = 0; entries[i].long_name; i++)
        {
          switch (entries[i].arg)
            {
            case G_OPTION_ARG_NONE:
              entries[i].arg_data = &flag;
              break;
            case G_OPTION_ARG_FILENAME_ARRAY:
              entries[i].arg_data = &strv;
              break;
            case G_OPTION_ARG_INT:
              entries[i].arg_data = &number;
              break;
            default:
              entries[i].arg_data = &string;
              break;
            }
        }
      g_option_context_set_help_enabled (context, FALSE);
      g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
      if (!g_option_context_parse_strv (context, &copy, &error))
        {
          g_printerr ("quotegraph: %s\n", error->message);
          g_printerr (_("Run “%s --help” to see the options.\n"), "quotegraph");
          *exit_status = QG_EXIT_USAGE;
          return TRUE;
        }
      g_free (string);
      g_strfreev (strv);
    }

  return G_APPLICATION_CLASS (qg_application_parent_class)->local_command_line (application,
                                                                               arguments,
                                                                               exit_status);
}

static int
usage_error (const char *message)
{
  /* Raw UTF-8, as the headless commands write everything. */
  fprintf (stderr, "quotegraph: %s\n", message);
  return QG_EXIT_USAGE;
}

static int
qg_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  QgApplication *self = QG_APPLICATION (application);
  g_autofree char *export = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *output = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *select = NULL;
  g_autofree const char **files = NULL;
  gboolean check = FALSE;
  gboolean without_drafts = FALSE;
  int dpi = 0;
  const char *path;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("quotegraph %s\n", PACKAGE_VERSION);
      return QG_EXIT_OK;
    }

  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "export", "^ay", &export);
  g_variant_dict_lookup (options, "draft", "^ay", &draft);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "without-drafts", "b", &without_drafts);
  g_variant_dict_lookup (options, "layout", "s", &layout);
  g_variant_dict_lookup (options, "select", "s", &select);
  if (g_variant_dict_contains (options, "no-cache"))
    qg_layout_cache_set_enabled (FALSE);
  if (g_variant_dict_lookup (options, "dpi", "i", &dpi) && (dpi < 10 || dpi > 2400))
    return usage_error (_("--dpi must be between 10 and 2400"));
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if ((check || export != NULL) && files != NULL && files[0] != NULL && files[1] != NULL)
    return usage_error (_("give at most one FILE"));
  path = files ? files[0] : NULL;
  if (check && export != NULL)
    return usage_error (_("--check and --export cannot be used together"));
  if (draft != NULL && (check || export != NULL))
    return usage_error (_("--draft cannot be used with --check or --export"));
  if (output != NULL && draft == NULL)
    return usage_error (_("--output is only used with --draft"));
  /* The article is --draft's own argument. */
  if (draft != NULL && path != NULL)
    return usage_error (_("--draft takes one ARTICLE and no other FILE"));
  if (without_drafts && export == NULL)
    return usage_error (_("--without-drafts is an option of --export"));
  if (layout != NULL && !qg_graph_engine_is_valid (layout))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) qg_graph_engines ());
      g_autofree char *message = g_strdup_printf (_("unknown layout engine \"%s\" (use one of %s)"),
                                                  layout, known);
      return usage_error (message);
    }

  if (draft != NULL)
    return qg_cli_draft (draft, output);
  if (check)
    return qg_cli_check (path);
  if (export != NULL)
    return qg_cli_export (export, layout, dpi, without_drafts, path);

  /* The windows: an already running instance opens the files itself. */
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (path != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func (g_object_unref);

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("quotegraph: %s\n", error->message);
          return QG_EXIT_INVALID;
        }
      for (guint i = 0; files[i]; i++)
        g_ptr_array_add (given, g_file_new_for_commandline_arg (files[i]));
      if (g_application_get_is_remote (application))
        {
          g_application_open (application, (GFile **) given->pdata, given->len, "");
          return QG_EXIT_OK;
        }
      /* Opened once running; errors name each file as it was typed. */
      self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) opening_free);
      for (guint i = 0; files[i]; i++)
        g_ptr_array_add (self->pending, opening_new (NULL, g_ptr_array_index (given, i),
                                                     files[i], NULL));
    }
  g_free (self->layout);
  self->layout = g_steal_pointer (&layout);
  g_free (self->select);
  self->select = g_steal_pointer (&select);
  return -1;
}

static QgWindow *
new_window (QgApplication *self)
{
  QgWindow *window = qg_window_new (GTK_APPLICATION (self), self->layout, self->select);

  /* --select is for the first window only. */
  g_clear_pointer (&self->select, g_free);
  return window;
}

/* ------------------------------------------------------------------------ */
/* Recovery copies left by a crash                                           */

static char *
recovered_name (QgRecoveryItem *item)
{
  if (item->original != NULL)
    return g_file_get_basename (item->original);
  if (item->title != NULL && *item->title != '\0')
    /* Translators: a map with no file, by its title: "changes to
     * “Kaspersky: US government removes Russian security software” were
     * saved". */
    return g_strdup_printf (_("“%s”"), item->title);
  return g_strdup (_("a new map"));
}

/* Each copy opens in a window of its own, with unsaved changes, to be
 * saved over the file it is a copy of (or where the person says, for a
 * new map). A copy that cannot be read is said, over its window. */
static void
recover (QgApplication *self,
         GPtrArray     *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      QgRecoveryItem *item = g_ptr_array_index (items, i);
      g_autofree char *contents = NULL;
      g_autofree char *name = recovered_name (item);
      g_autoptr(GFile) base_dir = item->original ? g_file_get_parent (item->original) : NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(QgDocument) document = NULL;
      QgWindow *window = new_window (self);
      gsize length;

      if (g_file_get_contents (item->path, &contents, &length, &error))
        document = qg_document_load_from_data (contents, length, base_dir, name, NULL, &error);
      if (document == NULL)
        qg_window_show_open_error (window, NULL, NULL, error->message);
      else
        {
          qg_recovery_adopt (item);
          qg_window_show_recovered (window, document, item->original, item->id);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      QgApplication    *self)
{
  GPtrArray *items = g_object_get_data (G_OBJECT (dialog), "items");

  if (g_strcmp0 (response, "recover") == 0)
    recover (self, items);
  else if (g_strcmp0 (response, "discard") == 0)
    for (guint i = 0; i < items->len; i++)
      qg_recovery_discard (((QgRecoveryItem *) g_ptr_array_index (items, i))->id);
}

/* Answered, or gone with the window it was asked over (which destroys it
 * with no answer): the copies stay, to be offered at the next start. */
static void
recovery_dialog_destroyed_cb (GtkWidget     *dialog,
                              QgApplication *self)
{
  g_application_release (G_APPLICATION (self));
}

gboolean
qg_application_offer_recovery (QgApplication *self,
                               GtkWindow     *parent)
{
  g_autoptr(GPtrArray) items = qg_recovery_find_orphans ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (QG_IS_APPLICATION (self), FALSE);

  if (items->len == 0)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *name = recovered_name (g_ptr_array_index (items, i));

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Quotegraph closed before changes to %s were saved. "
                                       "Recover them to save them now, or discard them.",
                                       "Quotegraph closed before changes to %s were saved. "
                                       "Recover them to save them now, or discard them.",
                                       items->len), names->str);
  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _("_Not Now"),
                                    "discard", _("_Discard"), "recover", _("_Recover"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "items", g_steal_pointer (&items),
                          (GDestroyNotify) g_ptr_array_unref);
  /* Without a window, the application lasts as long as the question. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  g_signal_connect (dialog, "destroy", G_CALLBACK (recovery_dialog_destroyed_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void first_window_added_cb (QgApplication *self,
                                   GtkWindow     *window);

static gboolean
offer_recovery_cb (gpointer data)
{
  g_autoptr(GtkWindow) window = data;
  GApplication *application = g_application_get_default ();
  GtkWindow *parent;

  if (!QG_IS_APPLICATION (application))
    return G_SOURCE_REMOVE;
  /* Closed meanwhile (GTK has taken it from the application): over
   * another window, or over the next one. */
  parent = gtk_window_get_application (window) != NULL
           ? window : gtk_application_get_active_window (GTK_APPLICATION (application));
  if (parent != NULL)
    qg_application_offer_recovery (QG_APPLICATION (application), parent);
  else
    g_signal_connect (application, "window-added", G_CALLBACK (first_window_added_cb), NULL);
  return G_SOURCE_REMOVE;
}

/* The question is asked over the first window, once it is shown: asked
 * before it, with no window to belong to, it was hidden behind the map,
 * or answered by what a person meant for the map. */
static void
first_window_added_cb (QgApplication *self,
                       GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (self, first_window_added_cb, NULL);
  g_idle_add (offer_recovery_cb, g_object_ref (window));
}

static void
qg_application_activate (GApplication *application)
{
  QgApplication *self = QG_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Once a process: what a crash left is offered first. */
  if (!self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      if (window != NULL)
        qg_application_offer_recovery (self, window);
      else
        g_signal_connect (self, "window-added", G_CALLBACK (first_window_added_cb), NULL);
    }
  /* Each file presents its window once it is known what it is. */
  if (self->pending != NULL)
    {
      g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

      for (guint i = 0; i < pending->len; i++)
        {
          Opening *opening = g_ptr_array_index (pending, i);

          qg_application_open_file (self, opening->file, opening->display_name, NULL);
        }
      return;
    }
  if (window == NULL)
    {
      g_autoptr(GFile) file = qg_bundled_document ();
      g_autofree char *display = qg_cli_display_name (NULL);

      window = GTK_WINDOW (new_window (self));
      qg_window_open (QG_WINDOW (window), file, display);
    }
  gtk_window_present (window);
}

static void
qg_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  QgApplication *self = QG_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    qg_application_open_file (self, files[i], NULL, NULL);
}

/* The window that shows @file, or is opening it. */
static QgWindow *
find_window (QgApplication *self,
             GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (QG_IS_WINDOW (l->data) && qg_window_holds_file (l->data, file))
      return l->data;
  return NULL;
}

static gboolean
is_sniffing (QgApplication *self,
             GFile         *file)
{
  for (guint i = 0; i < self->sniffing->len; i++)
    if (g_file_equal (((Opening *) g_ptr_array_index (self->sniffing, i))->file, file))
      return TRUE;
  return FALSE;
}

static void
sniffed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Opening *opening = user_data;
  QgApplication *self = g_object_ref (opening->app);
  g_autoptr(GError) error = NULL;
  QgFileKind kind = qg_sniff_file_finish (result, &error);
  QgWindow *window = find_window (self, opening->file);

  g_ptr_array_remove (self->sniffing, opening);
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else if (kind == QG_FILE_KIND_DOCUMENT)
    {
      /* A window whose edits are not saved keeps them: the map opens in
       * a window of its own. */
      window = opening->into;
      if (window == NULL || qg_window_get_modified (window)
          || (qg_window_get_document (window) == NULL && !qg_window_is_empty (window)))
        window = new_window (self);
      qg_window_open (window, opening->file, opening->display_name);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (g_error_matches (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_AIF)
           || g_error_matches (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_DOT))
    {
      /* A graph of its own takes the place of another, never of a map. */
      window = opening->into;
      if (window == NULL || qg_window_get_document (window) != NULL)
        window = new_window (self);
      qg_window_open_drawing (window, opening->file, opening->display_name,
                              g_error_matches (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_AIF)
                              ? QG_DRAWING_AIF : QG_DRAWING_DOT);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (kind != QG_FILE_KIND_UNKNOWN)
    qg_application_new_map_from_article (self, opening->file, kind,
                                         opening->into ? GTK_WINDOW (opening->into) : NULL);
  else
    {
      window = opening->into;
      if (window == NULL)
        window = new_window (self);
      qg_window_show_open_error (window, opening->file, opening->display_name, error->message);
      gtk_window_present (GTK_WINDOW (window));
    }
  opening_free (opening);
  g_application_release (G_APPLICATION (self));
  g_object_unref (self);
}

void
qg_application_open_file (QgApplication *self,
                          GFile         *file,
                          const char    *display_name,
                          QgWindow      *into)
{
  QgWindow *shown;
  Opening *opening;

  g_return_if_fail (QG_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (into == NULL || QG_IS_WINDOW (into));

  shown = find_window (self, file);
  if (shown != NULL)
    {
      gtk_window_present (GTK_WINDOW (shown));
      return;
    }
  /* Given twice before the first is read: it opens once. */
  if (is_sniffing (self, file))
    return;
  opening = opening_new (self, file, display_name, into);
  g_ptr_array_add (self->sniffing, opening);
  /* Without a window yet, the application waits for the file. */
  g_application_hold (G_APPLICATION (self));
  qg_sniff_file_async (file, opening->display_name, NULL, sniffed_cb, opening);
}

typedef struct
{
  QgApplication *self;
  QgWindow      *parent;   /* weak: the window that asked, if it is still there */
} NewMap;

static void
new_map_free (gpointer data,
              GClosure *closure)
{
  NewMap *new_map = data;

  g_clear_weak_pointer (&new_map->parent);
  g_application_release (G_APPLICATION (new_map->self));
  g_object_unref (new_map->self);
  g_free (new_map);
}

/* The map of the article asked for: in the window that asked when it
 * shows no document (a failure page, say), else in a window of its own. */
static void
new_map_create_cb (QgNewMapDialog *dialog,
                   QgArticleDraft *draft,
                   NewMap         *new_map)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) document = qg_document_new_for_article (draft->text, draft->length,
                                                                draft->title, draft->source,
                                                                draft->published, &error);
  QgWindow *window = new_map->parent;

  if (window == NULL || qg_window_get_document (window) != NULL)
    window = new_window (new_map->self);
  if (document == NULL)
    {
      qg_window_show_open_error (window, NULL, NULL, error->message);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  if (qg_new_map_dialog_get_draft_map (dialog))
    qg_window_show_new_map_drafted (window, document);
  else
    qg_window_show_new_map (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

/* Every article opened, from the command line, the Open dialog, a drop
 * or the desktop, comes here, and so does New Map from Article (@file
 * NULL): the New Map dialog, with the article read if there is one. */
void
qg_application_new_map_from_article (QgApplication *self,
                                     GFile         *file,
                                     QgFileKind     kind,
                                     GtkWindow     *parent)
{
  QgNewMapDialog *dialog;
  NewMap *new_map;

  g_return_if_fail (QG_IS_APPLICATION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  dialog = qg_new_map_dialog_show (parent, file, NULL);
  new_map = g_new0 (NewMap, 1);
  new_map->self = g_object_ref (self);
  if (QG_IS_WINDOW (parent))
    g_set_weak_pointer (&new_map->parent, QG_WINDOW (parent));
  /* Without a window, the application lasts as long as the dialog. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_data (dialog, "create", G_CALLBACK (new_map_create_cb), new_map,
                         new_map_free, 0);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Quotegraph developers", NULL };
  GtkApplication *app = user_data;
  g_autofree char *release_notes = g_markup_printf_escaped (
    "<p>%s</p>", _("Maps are made, edited with undo, and saved; an article becomes a drafted map "
                   "to review. Graphviz DOT files and AIF argument maps open in the window, and "
                   "maps export as AIF."));

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Quotegraph"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Quotegraph developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", _("See who said what about whom in a news article, "
                                       "with the quotes that back every line."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/quotegraph/quotegraph",
                         "issue-url", "https://github.com/quotegraph/quotegraph/issues",
                         "copyright", "© 2026 The Quotegraph developers",
                         /* The metainfo's words for this release, and their translation. */
                         "release-notes-version", PACKAGE_VERSION,
                         "release-notes", release_notes,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);

  gtk_window_present (GTK_WINDOW (qg_preferences_window_new (parent)));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;
  /* Translators: %s says why, as GLib words it ("Operation not supported"). */
  body = g_strdup_printf (_("The guide opens in a help browser, such as Yelp, which could not "
                            "be started: %s"), error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (source),
                                                       _("The Help Could Not Be Opened"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The user guide, in the help browser (help/C, installed for Yelp). */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);

  gtk_show_uri_full (parent, "help:" GETTEXT_PACKAGE, GDK_CURRENT_TIME, NULL, help_shown_cb,
                     NULL);
}

/* The style follows its setting, in every window, at once. */
static void
color_scheme_changed_cb (GSettings  *settings,
                         const char *key,
                         gpointer    data)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      qg_preferences_color_scheme (scheme));
}

/* Each window closes as its close button would close it: one with unsaved
 * changes asks first, and stays if told to. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (user_data));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
qg_application_startup (GApplication *application)
{
  QgApplication *self = QG_APPLICATION (application);
  static const GActionEntry actions[] = {
    { "about", about_action },
    { "preferences", preferences_action },
    { "help", help_action },
    { "quit", quit_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (qg_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close",
                                         close_accels);

  self->settings = qg_settings_new ();
  g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (color_scheme_changed_cb),
                    NULL);
  color_scheme_changed_cb (self->settings, "color-scheme", NULL);
}

static void
qg_application_finalize (GObject *object)
{
  QgApplication *self = QG_APPLICATION (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->sniffing, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_free (self->layout);
  g_free (self->select);

  G_OBJECT_CLASS (qg_application_parent_class)->finalize (object);
}

static void
qg_application_class_init (QgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = qg_application_finalize;
  app_class->local_command_line = qg_application_local_command_line;
  app_class->handle_local_options = qg_application_handle_local_options;
  app_class->activate = qg_application_activate;
  app_class->open = qg_application_open;
  app_class->startup = qg_application_startup;
}

static void
qg_application_init (QgApplication *self)
{
  self->sniffing = g_ptr_array_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("Map who said what about whom in a news article, with the quotes that back it.\n"
      "With no FILE, the bundled map of the 2017 US ban of Kaspersky Lab software is used."));
}
