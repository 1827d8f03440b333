//! The report card: one PNG, about 1080 px wide, readable on a phone, that a seller pastes into
//! a support chat (旺旺, 钉钉, WeChat) — the verdict, the report ID in large type, date and
//! profile, the problems first with one line of advice each, what is missing or skipped, and
//! whether it holds personal details. Drawn with the bundled font, so it looks the same on
//! every machine.

use super::Report;
use crate::checks::{CheckResult, Status};
use crate::i18n::Tr;
use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use image::{Rgba, RgbaImage};

const FONT: &[u8] = include_bytes!("../../assets/fonts/ui-cjk-subset.ttf");
pub const WIDTH: u32 = 1080;
const MARGIN: f32 = 56.0;
/// The tallest card drawn; a report with more problems lists the first ones and says so.
const MAX_HEIGHT: f32 = 4000.0;

const INK: Rgba<u8> = Rgba([0x1f, 0x23, 0x28, 0xff]);
const GREY: Rgba<u8> = Rgba([0x4a, 0x4f, 0x57, 0xff]);
const WHITE: Rgba<u8> = Rgba([0xff, 0xff, 0xff, 0xff]);
const PAPER: Rgba<u8> = Rgba([0xfb, 0xfb, 0xfa, 0xff]);

/// One line of text to draw: size, colour, indent, and the text.
struct Line {
    size: f32,
    colour: Rgba<u8>,
    indent: f32,
    text: String,
    gap_after: f32,
}

fn status_colour(s: Status) -> Rgba<u8> {
    match s {
        Status::Fail => Rgba([0xb3, 0x1d, 0x28, 0xff]),
        Status::Warn => Rgba([0x8a, 0x5a, 0x00, 0xff]),
        Status::Error => Rgba([0x6e, 0x40, 0xc9, 0xff]),
        _ => GREY,
    }
}

fn verdict_colour(v: super::Verdict) -> Rgba<u8> {
    match v {
        super::Verdict::Ready => Rgba([0x1a, 0x7f, 0x37, 0xff]),
        super::Verdict::Warnings => Rgba([0x9a, 0x67, 0x00, 0xff]),
        super::Verdict::Incomplete => Rgba([0x3b, 0x5b, 0x8c, 0xff]),
        super::Verdict::NotReady => Rgba([0xb3, 0x1d, 0x28, 0xff]),
    }
}

/// Splits `text` into lines no wider than `width` at `size`: Chinese may break between any two
/// characters, Latin words at spaces where one is near.
fn wrap(font: &FontRef<'_>, size: f32, text: &str, width: f32) -> Vec<String> {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut w = 0.0;
        for ch in paragraph.chars() {
            let adv = scaled.h_advance(font.glyph_id(ch));
            // Closing punctuation never starts a line: it may hang past the edge instead.
            let closing = "。，、）：；！？」』”’)】,.;:!?".contains(ch);
            if w + adv > width && !line.is_empty() && !closing {
                // Prefer breaking at the last space if it is close to the end.
                let cut = line
                    .rfind(' ')
                    .filter(|at| line.len() - at < 24 && *at > 0)
                    .unwrap_or(line.len());
                let rest = line.split_off(cut);
                lines.push(line.trim_end().to_string());
                line = rest.trim_start().to_string();
                w = line
                    .chars()
                    .map(|c| scaled.h_advance(font.glyph_id(c)))
                    .sum();
            }
            line.push(ch);
            w += adv;
        }
        lines.push(line);
    }
    lines
}

/// Draws `text` with its baseline at `y`, from `x`.
fn draw_text(
    img: &mut RgbaImage,
    font: &FontRef<'_>,
    size: f32,
    colour: Rgba<u8>,
    x: f32,
    y: f32,
    text: &str,
) {
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let mut pen = x;
    for ch in text.chars() {
        let id = font.glyph_id(ch);
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(pen, y));
        pen += scaled.h_advance(id);
        let Some(outlined) = font.outline_glyph(glyph) else {
            continue;
        };
        let b = outlined.px_bounds();
        outlined.draw(|gx, gy, cover| {
            let (px, py) = (
                b.min.x as i64 + i64::from(gx),
                b.min.y as i64 + i64::from(gy),
            );
            if px < 0 || py < 0 || px >= i64::from(img.width()) || py >= i64::from(img.height()) {
                return;
            }
            let under = img.get_pixel_mut(px as u32, py as u32);
            let a = cover.clamp(0.0, 1.0);
            for c in 0..3 {
                let mixed = f32::from(colour[c]) * a + f32::from(under[c]) * (1.0 - a);
                under[c] = mixed.round() as u8;
            }
        });
    }
}

fn problem_lines(c: &CheckResult, tr: &Tr, out: &mut Vec<Line>) {
    let mark = match c.status {
        Status::Fail => "×",
        Status::Error => "?",
        _ => "!",
    };
    out.push(Line {
        size: 34.0,
        colour: status_colour(c.status),
        indent: 0.0,
        text: match tr.lang {
            crate::i18n::Lang::ZhCn => format!("{mark} {}（{}）", c.title, c.status.label(tr)),
            _ => format!("{mark} {} ({})", c.title, c.status.label(tr)),
        },
        gap_after: 6.0,
    });
    if !c.summary.is_empty() {
        out.push(Line {
            size: 28.0,
            colour: INK,
            indent: 36.0,
            text: c.summary.clone(),
            gap_after: 4.0,
        });
    }
    if !c.advice.is_empty() {
        out.push(Line {
            size: 28.0,
            colour: GREY,
            indent: 36.0,
            text: format!("→ {}", c.advice),
            gap_after: 20.0,
        });
    }
}

/// What the card says, top to bottom, below the verdict band.
fn content(report: &Report, tr: &Tr) -> Vec<Line> {
    let mut out = Vec::new();
    let profile = super::before_you_start::profile_name(report, tr);
    out.push(Line {
        size: 30.0,
        colour: GREY,
        indent: 0.0,
        text: tr.t("report-title"),
        gap_after: 8.0,
    });
    out.push(Line {
        size: 72.0,
        colour: INK,
        indent: 0.0,
        text: format!("{} {}", tr.t("report-id"), report.report_id),
        gap_after: 12.0,
    });
    out.push(Line {
        size: 28.0,
        colour: GREY,
        indent: 0.0,
        text: format!(
            "{} {} · {} {} · {}",
            tr.t("report-created"),
            super::local_date::display(&report.created_at, tr.lang),
            tr.t("report-profile"),
            profile,
            report.app_version
        ),
        gap_after: 32.0,
    });
    let mut problems: Vec<&CheckResult> = report
        .checks
        .iter()
        .filter(|c| matches!(c.status, Status::Fail | Status::Error | Status::Warn))
        .collect();
    problems.sort_by_key(|c| super::html::severity(c.status));
    for c in problems {
        problem_lines(c, tr, &mut out);
    }
    let missing = super::missing::lines(report, tr);
    if !missing.is_empty() {
        out.push(Line {
            size: 32.0,
            colour: verdict_colour(super::Verdict::Incomplete),
            indent: 0.0,
            text: tr.t("report-missing-title"),
            gap_after: 6.0,
        });
        for m in missing {
            out.push(Line {
                size: 28.0,
                colour: INK,
                indent: 36.0,
                text: match tr.lang {
                    crate::i18n::Lang::ZhCn => format!("○ {}：{}", m.title, m.how),
                    _ => format!("○ {}: {}", m.title, m.how),
                },
                gap_after: 6.0,
            });
        }
        out.push(Line {
            size: 8.0,
            colour: INK,
            indent: 0.0,
            text: String::new(),
            gap_after: 14.0,
        });
    }
    out.push(Line {
        size: 28.0,
        colour: GREY,
        indent: 0.0,
        text: tr.f(
            "report-text-counts",
            &[
                ("pass", report.count(Status::Pass).to_string()),
                ("skipped", report.count(Status::Skipped).to_string()),
            ],
        ),
        gap_after: 20.0,
    });
    let privacy = if report.contents.identifying_details {
        "card-privacy-with-identity"
    } else {
        "card-privacy"
    };
    out.push(Line {
        size: 24.0,
        colour: GREY,
        indent: 0.0,
        text: tr.t(privacy),
        gap_after: 0.0,
    });
    out
}

/// The card as PNG bytes, in `tr`'s language.
pub fn render(report: &Report, tr: &Tr) -> Result<Vec<u8>, String> {
    let img = draw(report, tr)?;
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(img)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(png)
}

/// The card as pixels (the app copies these to the clipboard).
pub fn draw(report: &Report, tr: &Tr) -> Result<RgbaImage, String> {
    let font = FontRef::try_from_slice(FONT).map_err(|e| e.to_string())?;
    let text_width = WIDTH as f32 - 2.0 * MARGIN;
    // Lay out first, to know the height.
    let mut laid: Vec<(f32, Rgba<u8>, f32, String, f32)> = Vec::new();
    let band = 150.0;
    let mut y = band + 48.0;
    let mut cut = false;
    for line in content(report, tr) {
        for part in wrap(&font, line.size, &line.text, text_width - line.indent) {
            let h = line.size * 1.35;
            if y + h > MAX_HEIGHT - 80.0 {
                cut = true;
                break;
            }
            laid.push((line.size, line.colour, line.indent, part, y + line.size));
            y += h;
        }
        y += line.gap_after;
    }
    if cut {
        laid.push((26.0, GREY, 0.0, tr.t("card-more-in-report"), y + 26.0));
        y += 40.0;
    }
    let height = (y + MARGIN).ceil() as u32;
    let mut img = RgbaImage::from_pixel(WIDTH, height, PAPER);
    let colour = verdict_colour(report.verdict);
    for py in 0..band as u32 {
        for px in 0..WIDTH {
            img.put_pixel(px, py, colour);
        }
    }
    let verdict = tr.t(&format!(
        "verdict-{}",
        report.verdict.code().replace('_', "-")
    ));
    let mut vy = 62.0;
    for part in wrap(&font, 46.0, &verdict, text_width).into_iter().take(2) {
        draw_text(&mut img, &font, 46.0, WHITE, MARGIN, vy + 8.0, &part);
        vy += 56.0;
    }
    for (size, colour, indent, text, baseline) in &laid {
        draw_text(
            &mut img,
            &font,
            *size,
            *colour,
            MARGIN + indent,
            *baseline,
            text,
        );
    }
    Ok(img)
}
