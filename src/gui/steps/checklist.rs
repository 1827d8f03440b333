//! Checklist: what the app cannot see — ID card expiry, the phone's real-name status, product
//! samples in view, being at the business premises — each with a short reason.

use super::{Nav, Step, StepCtx, step_header};
use crate::checks::{self, ids};
use crate::session::commands::Command;
use eframe::egui;
use std::collections::HashMap;

#[derive(Default)]
pub struct ChecklistStep {
    expiry_text: String,
    long_term: bool,
    answers: HashMap<&'static str, Option<bool>>,
}

/// The yes/no questions: the checklist's checks other than the card's validity.
fn confirmations() -> impl Iterator<Item = &'static str> {
    crate::checks::catalogue::of_stage(crate::checks::catalogue::Stage::Checklist)
        .filter(|id| *id != ids::CHECKLIST_ID_CARD_VALIDITY)
}

impl ChecklistStep {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::Checklist);
        let today = chrono::Local::now().date_naive();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(tr.t("title-checklist-id-card-validity")).strong());
            ui.label(tr.f(
                "idcard-advice",
                &[(
                    "months",
                    cx.profile.checklist.id_card_min_valid_months.to_string(),
                )],
            ));
            ui.horizontal(|ui| {
                let label = ui.label(tr.t("checklist-expiry"));
                ui.add_enabled(
                    !self.long_term,
                    egui::TextEdit::singleline(&mut self.expiry_text)
                        .hint_text(tr.t("checklist-expiry-hint"))
                        .desired_width(280.0),
                )
                .labelled_by(label.id);
                ui.checkbox(&mut self.long_term, tr.t("checklist-long-term"));
            });
            // The validity as printed (a range whose end counts, or "…-长期").
            let typed = checks::checklist::parse_validity(&self.expiry_text);
            if !self.long_term && !self.expiry_text.trim().is_empty() && typed.is_none() {
                ui.colored_label(
                    crate::gui::readable::tone(ui, crate::gui::readable::Tone::Bad),
                    tr.t("checklist-expiry-format"),
                );
            }
            let expiry = match typed {
                Some(checks::checklist::Validity::Until(d)) => Some(d),
                _ => None,
            };
            let typed_long = typed == Some(checks::checklist::Validity::LongTerm);
            let (p, long_term) = (cx.profile.clone(), self.long_term || typed_long);
            let j = checks::Judged::new(move |tr| {
                checks::checklist::id_card_validity(expiry, long_term, today, &p.checklist, tr)
            });
            let r = j.render(&tr);
            if r.status != checks::Status::Skipped {
                crate::gui::cards::live_line(ui, &r, &tr);
                cx.send(Command::Record(j));
            }
        });
        for id in confirmations() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let stem = checks::model::message_stem(id);
                ui.label(egui::RichText::new(tr.t(&format!("title-{stem}"))).strong());
                ui.label(tr.t(&format!("advice-{stem}")));
                let answer = self.answers.entry(id).or_insert(None);
                ui.horizontal(|ui| {
                    ui.radio_value(answer, Some(true), tr.t("checklist-yes"));
                    ui.radio_value(answer, Some(false), tr.t("checklist-no"));
                    ui.radio_value(answer, None, tr.t("checklist-unanswered"));
                });
                if answer.is_some() {
                    let answer = *answer;
                    cx.send(Command::Record(checks::Judged::new(move |tr| {
                        checks::checklist::confirmation(id, answer, tr)
                    })));
                } else {
                    cx.send(Command::Forget(id));
                }
            });
        }
        None
    }
}
