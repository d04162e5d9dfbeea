/* icat-work-plan-view.h — the Work plan section: a year's plan, previewed as it prints
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-document.h"
#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_WORK_PLAN_VIEW (icat_work_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (IcatWorkPlanView, icat_work_plan_view, ICAT, WORK_PLAN_VIEW, AdwBin)

/* The year, grouping and paper size are kept in settings ("work-plan-year",
 * "work-plan-group-by", "paper-size"). Messages go to the window's
 * "win.toast" action. Properties: "year", "busy" (a new preview is being
 * laid out), "n-pages" (of the preview shown). */
GtkWidget  *icat_work_plan_view_new          (IcatStore        *store,
                                              GSettings        *settings);
int         icat_work_plan_view_get_year     (IcatWorkPlanView *self);
/* Selects a year, adding it to the choices when nothing happens in it. */
void        icat_work_plan_view_set_year     (IcatWorkPlanView *self,
                                              int               year);
gboolean    icat_work_plan_view_get_busy     (IcatWorkPlanView *self);
guint       icat_work_plan_view_get_n_pages  (IcatWorkPlanView *self);
/* The message shown instead of the preview when the plan cannot be laid
 * out, or NULL. */
const char *icat_work_plan_view_get_error    (IcatWorkPlanView *self);

/* Lays out the plan as chosen and writes it to file on a worker thread,
 * then says how it went in a toast. Export PDF… calls this with the file
 * the user chose. */
void        icat_work_plan_view_export_pdf   (IcatWorkPlanView *self,
                                              GFile            *file);

/* For tests, which cannot answer a print dialog: prints the preview's
 * document into a PDF file through GtkPrintOperation, as Print… would. */
gboolean    _icat_work_plan_view_print_to_file (IcatWorkPlanView *self,
                                                const char       *path,
                                                GError          **error);
/* For tests: the document the preview shows, or NULL. */
IcatDocument *_icat_work_plan_view_get_document (IcatWorkPlanView *self);

/* The paper chosen for documents ("paper-size"): meeting records too. */
IcatPaperSize icat_paper_size_from_settings  (GSettings        *settings);

G_END_DECLS
