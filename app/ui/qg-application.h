/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qg-sniff.h"
#include "qg-window.h"

G_BEGIN_DECLS

#define QG_TYPE_APPLICATION (qg_application_get_type ())
G_DECLARE_FINAL_TYPE (QgApplication, qg_application, QG, APPLICATION, AdwApplication)

QgApplication *qg_application_new                  (void);
/* Opens @file, from the command line, the desktop, the Open dialog, a
 * drop or the recent files: the window that shows it already is
 * presented; else, by what the file is, a document opens in @into (or,
 * without one, or if its edits are unsaved, in a new window), an article
 * starts a new map, and anything else is refused, over @into or on a new
 * window's failure page. @display_name names it in messages (NULL: its
 * name, without the folder). */
void           qg_application_open_file            (QgApplication *self,
                                                    GFile         *file,
                                                    const char    *display_name,
                                                    QgWindow      *into);
/* Where every article opened goes; @parent may be NULL. */
void           qg_application_new_map_from_article (QgApplication *self,
                                                    GFile         *file,
                                                    QgFileKind     kind,
                                                    GtkWindow     *parent);

/* Offers the recovery copies that a crash left (qg-recovery.h) over
 * @parent, if there are any: recovered, each opens in a window of its
 * own with its changes unsaved. Returns whether there were. */
gboolean       qg_application_offer_recovery      (QgApplication *self,
                                                    GtkWindow     *parent);

G_END_DECLS
