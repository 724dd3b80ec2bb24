/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QG_TYPE_APPLICATION (qg_application_get_type ())
G_DECLARE_FINAL_TYPE (QgApplication, qg_application, QG, APPLICATION, AdwApplication)

QgApplication *qg_application_new (void);

G_END_DECLS
