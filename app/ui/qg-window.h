/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qg-article-view.h"
#include "qg-document.h"
#include "qg-filter.h"
#include "qg-drawing-page.h"
#include "qg-graph-view.h"
#include "qg-source-panel.h"

G_BEGIN_DECLS

#define QG_TYPE_WINDOW (qg_window_get_type ())
G_DECLARE_FINAL_TYPE (QgWindow, qg_window, QG, WINDOW, AdwApplicationWindow)

/* @layout: the engine, or NULL to choose by the document's size;
 * @select: an entity or relation to select and centre once shown, or NULL. */
QgWindow    *qg_window_new               (GtkApplication *application,
                                          const char     *layout,
                                          const char     *select);
void         qg_window_open              (QgWindow       *self,
                                          GFile          *file,
                                          const char     *display_name);
QgGraphView *qg_window_get_graph_view    (QgWindow       *self);
QgDocument  *qg_window_get_document      (QgWindow       *self);
const char  *qg_window_get_layout_engine (QgWindow       *self);
gboolean     qg_window_is_busy           (QgWindow       *self);
QgSourcePanel *qg_window_get_source_panel (QgWindow      *self);
QgArticleView *qg_window_get_article_view (QgWindow      *self);
QgFilter    *qg_window_get_filter        (QgWindow       *self);

/* qg-window-open.c */
/* Opens @file as the person asked this window to (the Open dialog, a
 * drop, a recent file): through the application, which tells what it is. */
void         qg_window_open_file         (QgWindow       *self,
                                          GFile          *file,
                                          const char     *display_name);
/* Whether the window shows @file, or is opening it. */
gboolean     qg_window_holds_file        (QgWindow       *self,
                                          GFile          *file);
/* The file the document on screen was read from or last saved to, or
 * NULL (a new map). */
GFile       *qg_window_get_file          (QgWindow       *self);
/* Shows a new map, not yet saved. */
void         qg_window_show_new_map      (QgWindow       *self,
                                          QgDocument     *document);
/* qg-window-review.c */
/* Shows a new map of @document's article (one with no entity yet), as
 * qg_window_show_new_map () does, drafted first (qg-drafter.h): the window
 * is busy meanwhile; if the draft fails, it says why and shows @document. */
void         qg_window_show_new_map_drafted (QgWindow    *self,
                                             QgDocument  *document);
/* Shows a recovery copy of unsaved changes (qg-recovery.h), whose copy
 * @id it keeps; Save writes it over @original, if there is one. */
void         qg_window_show_recovered    (QgWindow       *self,
                                          QgDocument     *document,
                                          GFile          *original,
                                          const char     *id);
/* Whether the document has edits that are not saved. */
gboolean     qg_window_get_modified      (QgWindow       *self);
/* Says why @file could not be opened, as a failed load does. */
void         qg_window_show_open_error   (QgWindow       *self,
                                          GFile          *file,
                                          const char     *display_name,
                                          const char     *errors);

/* qg-window-drawing.c */
typedef enum
{
  QG_DRAWING_DOT,  /* a Graphviz DOT file (qg-dot.h) */
  QG_DRAWING_AIF,  /* an AIF argument map (qg-aif.h) */
} QgDrawingFormat;

/* Shows a DOT file or an AIF map as Graphviz draws it, laid out in the
 * background; if it cannot be read, says why and keeps what is shown. */
void         qg_window_open_drawing      (QgWindow        *self,
                                          GFile           *file,
                                          const char      *display_name,
                                          QgDrawingFormat  format);
QgDrawingPage *qg_window_get_drawing_page (QgWindow       *self);
/* Whether the window shows nothing yet, neither a document nor a
 * drawing, and is opening none: a file opened from it opens in it. */
gboolean     qg_window_is_empty          (QgWindow       *self);

/* qg-window-reload.c */
/* Reads the document's file again, asking first if its edits are unsaved. */
void         qg_window_reload            (QgWindow       *self);
/* The document's files on disk are now as the window wrote them (saved):
 * not a new version to read back. */
void         qg_window_note_own_write    (QgWindow       *self);

G_END_DECLS
