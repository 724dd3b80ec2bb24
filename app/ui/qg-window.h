/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QG_TYPE_WINDOW (qg_window_get_type ())
G_DECLARE_FINAL_TYPE (QgWindow, qg_window, QG, WINDOW, AdwApplicationWindow)

QgWindow *qg_window_new  (GtkApplication *application,
                          const char     *layout);
void      qg_window_open (QgWindow       *self,
                          GFile          *file,
                          const char     *display_name);

G_END_DECLS
