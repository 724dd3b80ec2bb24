/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-drawing-page.h"
#include "qg-element-list.h"
#include "qg-filter.h"
#include "qg-history.h"
#include "qg-filter-popover.h"
#include "qg-legend.h"
#include "qg-review-panel.h"
#include "qg-search-bar.h"
#include "qg-window.h"

G_BEGIN_DECLS

/* What the files of the window share: qg-window.c holds the state and the
 * chain from a file to the map (load, find the sources, lay out),
 * qg-window-actions.c the win.* actions, qg-window-export.c the export,
 * qg-window-errors.c what is said when a file cannot be opened,
 * qg-window-open.c how files come to the window, qg-window-reload.c how
 * the map follows its file, qg-window-review.c the review of drafts,
 * qg-window-drawing.c the DOT files and AIF maps it shows instead. */

/* A file the window follows, and the monitor that watches it. */
typedef struct
{
  GFileMonitor *monitor;
  GFile        *file;
  char         *own_etag;  /* the version the window wrote itself, or NULL */
} QgWatch;

struct _QgWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *loading;
  gboolean              reloading;       /* what is loading is a new version of the document */
  GFile                *opening;         /* the file last asked for, to try again */
  char                 *opening_name;
  char                 *shown_name;      /* what the document on screen is named in messages */
  GCancellable         *laying_out;
  QgDocument           *laying_out_for;  /* the document being laid out */
  gint64                layout_started;  /* monotonic, microseconds */
  gint64                layout_applied_at;
  guint                 layout_tick_id;
  QgLayout             *pending_layout;  /* of `loaded`, done before its sources */
  QgLayout             *next_layout;     /* of `document`, shown a frame after it */
  guint                 next_layout_idle;
  guint                 facets_idle;     /* a new document's legend, filters, list */
  QgSources            *pending_sources; /* of `loaded`, a new version waiting for its layout */
  QgDocument           *document;
  QgDocument           *loaded;          /* read, its sources being found */
  QgSources            *sources;
  gint64                opened_at;       /* when the open began, for the debug log */
  char                 *engine;          /* NULL: chosen by the document's size */
  char                 *pending_selection;
  gboolean              show_legend;
  gboolean              show_sources;
  guint                 zoom_label_idle;
  QgFilter             *filter;
  GListModel           *facets;          /* QgFacet: the document's kinds and stances */

  /* Export: the dialog while it is open, writes under way, and the folder
   * last written to. */
  GtkFileChooserNative *export_dialog;
  char                 *export_proposed_name;
  gboolean              export_offers_filtered;
  gboolean              export_offers_drafts;
  guint                 exporting;
  GPtrArray            *exports;        /* ExportJob, borrowed: those still running */
  guint                 export_tick_id;
  GtkWidget            *export_progress;
  GtkLabel             *export_progress_label;
  GtkSpinner           *export_spinner;
  GFile                *export_folder;

  GtkFileChooserNative *open_dialog;
  GMenu                *open_section;    /* of the main menu: Open…, and Open Recent if any */
  GMenu                *recent_menu;     /* Open Recent's */

  /* Live reload: the document's file and its text file watched, a burst
   * of changes waited out, the errors of a new version that failed. */
  QgWatch               file_watch;
  QgWatch               text_watch;
  guint                 reload_timeout;
  gint64                changes_began;
  guint                 changes_handled;  /* bursts of changes waited out, for tests */
  GtkWidget            *reload_question;  /* weak */
  char                 *reload_errors;
  GtkRevealer          *reload_banner;
  GtkLabel             *reload_banner_label;

  AdwToastOverlay      *toasts;
  AdwWindowTitle       *window_title;
  AdwFlap              *flap;
  AdwStatusPage        *status_page;
  GtkStack             *main_stack;      /* the document, or why it could not be opened */
  GtkBox               *failure_errors;  /* the failure page's list of errors */
  GtkWidget            *search_button;
  GtkWidget            *open_button;
  GtkStack             *stack;
  QgGraphView          *graph_view;
  guint                 folded_idle;
  GtkMenuButton        *layout_button;
  /* A DOT file or an AIF map, shown in the place of a document. */
  QgDrawingPage        *drawing_page;
  QgElementList        *element_list;
  GFile                *drawing_file;      /* the one shown */
  GFile                *drawing_opening;   /* the one being read and laid out */
  GCancellable         *drawing_loading;
  GtkWidget            *filter_button;
  GtkWidget            *narrow_filter_button;
  GtkWidget            *legend_button;
  GtkActionBar         *narrow_bar;
  GtkMenuButton        *narrow_layout_button;
  GtkLabel             *layout_label;
  GtkLabel             *narrow_layout_label;
  GtkSpinner           *layout_spinner;
  GtkWidget            *layout_progress;
  GtkLabel             *layout_progress_label;
  GtkWidget            *zoom_controls;
  GtkLabel             *zoom_label;
  QgLegend             *legend;
  GtkRevealer          *legend_revealer;
  QgFilterPopover      *filter_popover;
  QgFilterPopover      *narrow_filter_popover;
  QgSearchBar          *search_bar;
  GtkScrolledWindow    *panel_scroller;
  QgSourcePanel        *source_panel;
  GtkWidget            *side_switcher;
  AdwViewStack         *side_stack;
  AdwViewStackPage     *review_page;
  QgReviewPanel        *review_panel;
  QgArticleView        *article_view;
  GMenu                *primary_menu;
  char                 *panel_id;        /* what the panel shows, and how far down */
  double                panel_scroll;
  guint                 panel_scroll_tick;
  guint                 panel_scroll_frames;
  GtkWidget            *empty_page;      /* over a map with no entity yet */

  /* Editing (qg-window-edit.c): the documents made so far, and the edited
   * one on its way to the screen. */
  QgHistory            *history;
  GMenu                *edit_menu;       /* Undo and Redo, named */
  GCancellable         *editing;
  GCancellable         *applying;        /* an edit being applied in a thread */
  gboolean              close_after_edit; /* closing, once it is made */
  QgDocument           *edit_document;
  QgSources            *edit_sources;
  QgLayout             *edit_layout;
  char                 *edit_select;

  /* Drafts (qg-window-review.c): the article being drafted, for a new map
   * (the map shown if the draft fails) or for Draft Again; the last toast
   * of a review, which the next one replaces; whether the next document
   * shown opens on its drafts. */
  GCancellable         *drafting;
  QgDocument           *drafting_for;
  AdwToast             *review_toast;    /* weak */
  gboolean              reveal_review;

  /* Saving (qg-window-save.c): where Save writes, and the recovery copy of
   * unsaved changes. */
  GFile                *save_file;
  GtkFileChooserNative *save_dialog;
  guint                 saving;
  gboolean              close_confirmed;
  char                 *recovery_id;
  guint                 recovery_source;
  guint                 recovery_writes;  /* copies being written */
  /* A recovery copy on its way to the screen: its id and its file. */
  char                 *recovered_id;
  GFile                *recovered_file;
};

/* qg-window.c */
void  qg_window_set_opening         (QgWindow   *self,
                                     GFile      *file,
                                     const char *display_name);
void  qg_window_select_and_show     (QgWindow   *self,
                                     const char *id,
                                     double      min_zoom);
void  qg_window_present_error       (QgWindow   *self,
                                     const char *heading,
                                     const char *message);

void  qg_window_load_new_version    (QgWindow   *self);

/* qg-window-reload.c */
void  qg_window_watch_files         (QgWindow   *self);
/* Asks whether to replace unsaved edits by the file's new version. */
void  qg_window_ask_reload          (QgWindow   *self);
void  qg_window_show_reload_banner  (QgWindow   *self,
                                     const char *errors);
void  qg_window_hide_reload_banner  (QgWindow   *self);
void  qg_window_show_reload_errors  (QgWindow   *self);
/* Another document is shown: its file's changes are not waited for. */
void  qg_window_forget_changes      (QgWindow   *self);
void  qg_window_reload_dispose      (QgWindow   *self);

/* qg-window-errors.c */
GtkWidget        *qg_window_error_list_new  (const char *errors);
AdwMessageDialog *qg_window_present_errors  (QgWindow   *self,
                                             const char *heading,
                                             const char *body,
                                             const char *errors);
void              qg_window_show_load_error (QgWindow   *self,
                                             const char *errors);

/* qg-window-open.c */
void  qg_window_open_init           (QgWindow   *self);
void  qg_window_open_with_dialog    (QgWindow   *self);
void  qg_window_open_recent         (QgWindow   *self,
                                     const char *uri);
/* Lists @file (if it is local) among the recent files, as @mime_type. */
void  qg_window_remember_recent     (GFile      *file,
                                     const char *mime_type);
void  qg_window_open_dispose        (QgWindow   *self);

/* qg-window-actions.c */
void  qg_window_class_init_actions  (GtkWidgetClass *widget_class);
/* Which actions can be used now; called whenever that may change. */
void  qg_window_update_actions      (QgWindow   *self);
/* Ends the layout under way, keeping what is on screen. */
void  qg_window_stop_layout         (QgWindow   *self);

/* What shows @document beside the map: the panel, the article, the
 * search, the legend and the filters' list (the filter itself stays). */
void  qg_window_show_beside_map     (QgWindow   *self,
                                     QgDocument *document,
                                     QgSources  *sources);
/* The filters, applied again to the map on screen. */
void  qg_window_apply_filters       (QgWindow   *self);
/* The title, marked while there are unsaved changes. */
void  qg_window_update_title        (QgWindow   *self);

/* qg-window-edit.c */
void  qg_window_class_init_edit     (GtkWidgetClass *widget_class);
/* The document the history is at: the one edits are made to. */
QgDocument *qg_window_get_edited_document (QgWindow *self);
/* Applies @edit to the history's document. On success the new document is
 * shown, selecting what the edit added (or @select), and TRUE is returned;
 * a refusal returns FALSE and its reason in @error. */
gboolean qg_window_apply_edit       (QgWindow   *self,
                                     QgEdit     *edit,
                                     const char *select,
                                     GError    **error);
/* The same, with the new document made in a thread: the main loop goes
 * on meanwhile (an edit of a map of 10,000 entities takes 65-110 ms to
 * make and check). Edits wait until it is done, and one asked for
 * meanwhile is refused. The callback gets the window; finish says
 * whether the edit was made, or why not. */
void     qg_window_apply_edit_async (QgWindow            *self,
                                     QgEdit              *edit,
                                     const char          *select,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean qg_window_apply_edit_finish (QgWindow     *self,
                                      GAsyncResult *result,
                                      GError      **error);
/* The same for @edited, @edit applied already to the history's document. */
void  qg_window_push_edit           (QgWindow   *self,
                                     QgEdit     *edit,
                                     QgDocument *edited,
                                     const char *select);
/* A toast with Undo. */
void  qg_window_toast_with_undo     (QgWindow   *self,
                                     const char *message);
void  qg_window_edit_reset          (QgWindow   *self,
                                     QgDocument *document);
void  qg_window_edit_update_actions (QgWindow   *self);
void  qg_window_edit_dispose        (QgWindow   *self);
/* Lays the edit on its way out again (another engine was chosen); FALSE
 * if there is none. */
gboolean qg_window_relayout_edit    (QgWindow   *self);

/* qg-window-drawing.c */
void  qg_window_drawing_init        (QgWindow   *self);
void  qg_window_drawing_dispose     (QgWindow   *self);
/* Whether a DOT file or an AIF map is on screen, or on its way. */
gboolean qg_window_shows_drawing    (QgWindow   *self);
/* Puts the document's page back (a document is being opened). */
void  qg_window_drawing_leave       (QgWindow   *self);

/* qg-window-review.c */
void  qg_window_class_init_review   (GtkWidgetClass *widget_class);
void  qg_window_review_init         (QgWindow   *self);
/* The Review page follows the drafts of the document on screen. */
void  qg_window_review_follow       (QgWindow   *self);
void  qg_window_review_update_actions (QgWindow *self);
void  qg_window_review_dispose      (QgWindow   *self);

/* qg-window-save.c */
void  qg_window_class_init_save     (GtkWidgetClass *widget_class);
void  qg_window_save_update_actions (QgWindow   *self);
void  qg_window_save_dispose        (QgWindow   *self);
/* TRUE if the window may close now; else it asks, and closes if told. */
gboolean qg_window_confirm_close    (QgWindow   *self);
/* A recovery copy in half a minute, if there are unsaved changes then. */
void  qg_window_recovery_schedule   (QgWindow   *self);
void  qg_window_recovery_discard    (QgWindow   *self);
/* After an undo or redo: a copy if there are unsaved changes, none if
 * the map is back to what was saved. */
void  qg_window_recovery_follow     (QgWindow   *self);

/* qg-window-export.c */
void  qg_window_export_with_dialog  (QgWindow   *self);
void  qg_window_export_to_path      (QgWindow   *self,
                                     const char *path,
                                     gboolean    filtered);
void  qg_window_show_in_folder      (QgWindow   *self,
                                     const char *uri);
/* Ends every export under way (their progress's Stop): nothing is written. */
void  qg_window_stop_exports        (QgWindow   *self);
void  qg_window_export_dispose      (QgWindow   *self);
void  qg_window_export_finalize     (QgWindow   *self);

G_END_DECLS
