//! Computer and network: the environment checks and the speed test, with the upload rate
//! drawn live as it is measured.

use super::{Nav, Step, StepCtx, step_header};
use crate::checks::Judged;
use crate::gui::cards::check_card;
use crate::gui::job::{Job, Poll};
use crate::plan::{self, CheckOptions, UploadHook};
use crate::session::commands::Command;
use eframe::egui;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

/// The checks this step runs (the others belong to the camera and microphone steps).
pub fn ids() -> Vec<&'static str> {
    crate::checks::catalogue::of_stage(crate::checks::catalogue::Stage::Computer).collect()
}

#[derive(Default)]
pub struct ComputerStep {
    job: Option<Job<Vec<Judged>>>,
    arrived: Option<Receiver<Judged>>,
    /// (seconds, Mbit/s) of the running speed test.
    rate: Arc<Mutex<Vec<[f64; 2]>>>,
    results: Vec<Judged>,
    lost: bool,
}

impl ComputerStep {
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    fn start(&mut self, ui: &egui::Ui, cx: &StepCtx<'_>) {
        let mut opts = CheckOptions::new(cx.profile.clone(), cx.lang);
        opts.only = Some(ids());
        opts.no_network = cx.sources.no_network;
        opts.upload_url = cx.sources.upload_url.clone();
        let rate = self.rate.clone();
        if let Ok(mut r) = rate.lock() {
            r.clear();
        }
        let ctx = ui.ctx().clone();
        let repaint = ctx.clone();
        opts.upload_progress = Some(UploadHook(Arc::new(move |p| {
            if let Ok(mut r) = rate.lock() {
                r.push([p.elapsed_s, p.current_mbps]);
            }
            repaint.request_repaint();
        })));
        let (tx, rx) = channel();
        let repaint = ctx.clone();
        self.results.clear();
        self.lost = false;
        self.arrived = Some(rx);
        self.job = Some(Job::spawn(&ctx, move || {
            plan::run_judged(&opts, |j| {
                let _ = tx.send(j.clone());
                repaint.request_repaint();
            })
        }));
    }

    fn poll(&mut self, cx: &mut StepCtx<'_>) {
        if let Some(rx) = &self.arrived {
            while let Ok(r) = rx.try_recv() {
                self.results.push(r);
            }
        }
        let Some(job) = &self.job else { return };
        match job.poll() {
            Poll::Running => {}
            Poll::Done(all) => {
                for r in &all {
                    cx.send(Command::Record(r.clone()));
                }
                self.results = all;
                self.job = None;
                self.arrived = None;
            }
            Poll::Lost => {
                self.lost = true;
                self.job = None;
                self.arrived = None;
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        self.poll(cx);
        let tr = cx.tr;
        step_header(ui, &tr, Step::Computer);
        ui.horizontal(|ui| {
            let label = if self.results.is_empty() {
                tr.t("computer-start")
            } else {
                tr.t("computer-again")
            };
            if ui
                .add_enabled(!self.running(), egui::Button::new(label))
                .clicked()
            {
                self.start(ui, cx);
            }
            if self.running() {
                ui.spinner();
                ui.label(tr.f(
                    "computer-progress",
                    &[
                        ("done", self.results.len().to_string()),
                        ("total", ids().len().to_string()),
                    ],
                ));
            }
        });
        if self.lost {
            ui.colored_label(
                crate::gui::readable::tone(ui, crate::gui::readable::Tone::Bad),
                tr.t("advice-error-generic"),
            );
        }
        let points = self.rate.lock().map(|r| r.clone()).unwrap_or_default();
        if !points.is_empty() {
            let last = points.last().map(|p| p[1]).unwrap_or(0.0);
            ui.label(tr.f("computer-upload-now", &[("mbps", format!("{last:.1}"))]));
            let pass = cx.profile.network.upload_pass_mbps;
            egui_plot::Plot::new("upload-rate")
                .height(140.0)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .include_y(0.0)
                .include_y(pass * 1.2)
                .x_axis_label(tr.t("computer-plot-seconds"))
                .y_axis_label("Mbit/s")
                .show(ui, |plot| {
                    plot.line(egui_plot::Line::new(
                        tr.t("title-network-upload"),
                        egui_plot::PlotPoints::from(points),
                    ));
                    plot.hline(egui_plot::HLine::new(tr.t("computer-plot-needed"), pass));
                });
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            for j in &self.results {
                check_card(ui, &j.render(&tr), &tr);
            }
        });
        None
    }
}
