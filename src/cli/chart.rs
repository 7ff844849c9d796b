//! Charts for `trend`, `portfolio` and `citations`, drawn with plotters into an SVG or PNG file
//! (chosen by the file's extension).
//!
//! Text is laid out with DejaVu Sans embedded in the binary (`assets/fonts/`, licence beside it),
//! registered with plotters' `ab_glyph` font table: no system font is looked up, so charts work on
//! a server or CI machine with no fonts installed. An SVG names the `sans-serif` family, so the
//! viewer draws it with its own sans-serif face; the layout was measured with DejaVu Sans.
//!
//! Category charts (`lines`, `stacked_bars`) put one x position per label, thin or rotate the
//! labels when they do not fit, use integer y ticks when every value is a whole number, draw the
//! legend to the right of the plot, and say "no documents" on an empty chart. The citation graph
//! is laid out by hand in columns, one per layer, wrapping a tall column into several
//! sub-columns.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use plotters::coord::Shift;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One named series of values aligned with the chart's x labels.
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
}

/// What every chart has: a title, axis labels (with units, e.g. "documents per year"), and the
/// category labels of the x axis (years "2019" or months "2019-03").
pub struct Chart<'a> {
    pub title: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    pub x: &'a [String],
}

/// One node of a citation graph.
pub struct GraphNode {
    /// Drawn inside the node: the publication number.
    pub label: String,
    /// Nodes of one group share a colour; the legend names the groups (e.g. assignees).
    pub group: String,
    /// The column: -2 = cited by what it cites, -1 = cited, 0 = the focal patent(s),
    /// 1 = citing, 2 = citing the citing (other values get a column of their own too).
    pub layer: i32,
}

/// The size of `lines` and `stacked_bars` output, in pixels (the SVG's viewport).
pub const CHART_SIZE: (u32, u32) = (1280, 720);

/// Line chart: one line per series with point markers and a legend (e.g. documents per year for
/// two queries side by side).
pub fn lines(path: &Path, chart: &Chart, series: &[Series]) -> Result<()> {
    let plot = CategoryPlot::new(chart, series, Kind::Lines)?;
    render(path, &plot)
}

/// Stacked bars: one bar per x label, stacked by series (the first series at the bottom), with a
/// legend (e.g. documents per year by top assignee, or by CPC subclass; the caller passes an
/// "other" series for the rest, which is drawn grey).
pub fn stacked_bars(path: &Path, chart: &Chart, series: &[Series]) -> Result<()> {
    let plot = CategoryPlot::new(chart, series, Kind::StackedBars)?;
    render(path, &plot)
}

/// A citation graph: nodes in columns by `layer`, edges drawn as arrows from the citing to the
/// cited node, nodes coloured by `group` with a legend. `edges` are (citing index, cited index)
/// into `nodes`; an index past the end is an error, an edge from a node to itself is ignored.
pub fn citation_graph(
    path: &Path,
    title: &str,
    nodes: &[GraphNode],
    edges: &[(usize, usize)],
) -> Result<()> {
    format_of(path)?;
    if let Some(&(from, to)) = edges
        .iter()
        .find(|&&(a, b)| a >= nodes.len() || b >= nodes.len())
    {
        bail!(
            "citation graph edge {from} → {to} points past the {} node(s)",
            nodes.len()
        );
    }
    ensure_font()?;
    let plot = GraphPlot::new(title, nodes, edges);
    render(path, &plot)
}

// ---------------------------------------------------------------------------------------------
// Output: format, font, backend.

const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The family every text style uses (and the name the embedded font is registered under).
const FAMILY: FontFamily<'static> = FontFamily::SansSerif;

#[derive(Clone, Copy)]
enum Format {
    Svg,
    Png,
}

fn format_of(path: &Path) -> Result<Format> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        _ => bail!(
            "{}: cannot tell the chart format from the file name; use .svg or .png",
            path.display()
        ),
    }
}

/// Registers the embedded font once per process (plotters keeps a global font table).
fn ensure_font() -> Result<()> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        glyph_font().is_some()
            && plotters::style::register_font(FAMILY.as_str(), FontStyle::Normal, FONT_BYTES)
                .is_ok()
    });
    if ok {
        Ok(())
    } else {
        bail!("the embedded chart font could not be loaded")
    }
}

/// Something that can draw itself on any plotters backend.
trait Picture {
    fn size(&self) -> (u32, u32);
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()>
    where
        DB::ErrorType: 'static;
}

fn render(path: &Path, picture: &impl Picture) -> Result<()> {
    let format = format_of(path)?;
    ensure_font()?;
    let size = picture.size();
    match format {
        Format::Svg => {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                root.fill(&WHITE)?;
                picture.draw(&root)?;
                root.present()?;
            }
            std::fs::write(path, svg).with_context(|| format!("cannot write {}", path.display()))
        }
        Format::Png => {
            let root = png::Png(BitMapBackend::new(path, size)).into_drawing_area();
            root.fill(&WHITE)?;
            picture.draw(&root)?;
            root.present()
                .with_context(|| format!("cannot write {}", path.display()))
        }
    }
}

/// PNG output: see `Png`.
mod png {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, VPos};
    use plotters_backend::{
        BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
    };

    use super::glyph_font;

    /// The bitmap backend with its own text drawing. Plotters' `ab_glyph` text drawing places each
    /// glyph without its side bearing (uneven letter gaps: "J idosha", "Co .") and centres text
    /// on the font's full height; this draws glyphs at their real positions and centres a line on
    /// its capital height. Everything else is the bitmap backend's.
    pub(super) struct Png<'a>(pub(super) BitMapBackend<'a>);

    type PngError = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

    impl DrawingBackend for Png<'_> {
        type ErrorType = PngError;

        fn get_size(&self) -> (u32, u32) {
            self.0.get_size()
        }

        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.ensure_prepared()
        }

        fn present(&mut self) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.present()
        }

        fn draw_pixel(
            &mut self,
            point: BackendCoord,
            color: BackendColor,
        ) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.draw_pixel(point, color)
        }

        fn draw_line<S: BackendStyle>(
            &mut self,
            from: BackendCoord,
            to: BackendCoord,
            style: &S,
        ) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.draw_line(from, to, style)
        }

        fn draw_rect<S: BackendStyle>(
            &mut self,
            upper_left: BackendCoord,
            bottom_right: BackendCoord,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.draw_rect(upper_left, bottom_right, style, fill)
        }

        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            path: I,
            style: &S,
        ) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.draw_path(path, style)
        }

        fn draw_circle<S: BackendStyle>(
            &mut self,
            center: BackendCoord,
            radius: u32,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.draw_circle(center, radius, style, fill)
        }

        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            vert: I,
            style: &S,
        ) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.fill_polygon(vert, style)
        }

        fn blit_bitmap(
            &mut self,
            pos: BackendCoord,
            (width, height): (u32, u32),
            src: &[u8],
        ) -> Result<(), DrawingErrorKind<PngError>> {
            self.0.blit_bitmap(pos, (width, height), src)
        }

        fn draw_text<T: BackendTextStyle>(
            &mut self,
            text: &str,
            style: &T,
            pos: BackendCoord,
        ) -> Result<(), DrawingErrorKind<PngError>> {
            use ab_glyph::{Font, ScaleFont, point};
            let color = style.color();
            if color.alpha == 0.0 || text.is_empty() {
                return Ok(());
            }
            let Some(face) = glyph_font() else {
                return Ok(());
            };
            let font = face.as_scaled(style.size() as f32);
            let ids: Vec<_> = text.chars().map(|c| font.glyph_id(c)).collect();
            let mut pens = Vec::with_capacity(ids.len());
            let mut pen = 0.0f32;
            for (k, &id) in ids.iter().enumerate() {
                if k > 0 {
                    pen += font.kern(ids[k - 1], id);
                }
                pens.push(pen);
                pen += font.h_advance(id);
            }
            let anchor = style.anchor();
            let dx = match anchor.h_pos {
                HPos::Left => 0.0,
                HPos::Center => -pen / 2.0,
                HPos::Right => -pen,
            };
            let cap = font
                .outline_glyph(font.scaled_glyph('H'))
                .map_or(font.ascent() * 0.7, |g| -g.px_bounds().min.y);
            let baseline = match anchor.v_pos {
                VPos::Top => font.ascent(),
                VPos::Center => cap / 2.0,
                VPos::Bottom => font.descent(),
            };
            let transform = style.transform();
            let (width, height) = self.get_size();
            for (&id, &x) in ids.iter().zip(&pens) {
                let glyph = id.with_scale_and_position(font.scale(), point(x + dx, baseline));
                let Some(outline) = font.outline_glyph(glyph) else {
                    continue;
                };
                let bounds = outline.px_bounds();
                let mut pixels = Vec::new();
                outline.draw(|gx, gy, coverage| {
                    let local = (
                        bounds.min.x as i32 + gx as i32,
                        bounds.min.y as i32 + gy as i32,
                    );
                    let (tx, ty) = transform.transform(local.0, local.1);
                    pixels.push(((pos.0 + tx, pos.1 + ty), coverage));
                });
                for ((px, py), coverage) in pixels {
                    if px >= 0 && py >= 0 && (px as u32) < width && (py as u32) < height {
                        let alpha = color.alpha * f64::from(coverage.clamp(0.0, 1.0));
                        self.0.draw_pixel(
                            (px, py),
                            BackendColor {
                                alpha,
                                rgb: color.rgb,
                            },
                        )?;
                    }
                }
            }
            Ok(())
        }
    }
}

/// The embedded font for `Png`'s own text drawing (`None` if it does not parse).
fn glyph_font() -> Option<&'static ab_glyph::FontRef<'static>> {
    static FONT: OnceLock<Option<ab_glyph::FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| ab_glyph::FontRef::try_from_slice(FONT_BYTES).ok())
        .as_ref()
}

// ---------------------------------------------------------------------------------------------
// Text and colour helpers.

fn font(size: f64) -> FontDesc<'static> {
    FontDesc::new(FAMILY, size, FontStyle::Normal)
}

fn style(size: f64) -> TextStyle<'static> {
    TextStyle::from(font(size)).color(&BLACK)
}

fn grey_style(size: f64) -> TextStyle<'static> {
    const GREY: RGBColor = RGBColor(100, 100, 100);
    TextStyle::from(font(size)).color(&GREY)
}

/// Width and height of `text` in pixels at `size`.
fn text_size(text: &str, size: f64) -> (u32, u32) {
    font(size).box_size(text).unwrap_or_else(|_| {
        // Only if the font failed to register, which `ensure_font` rules out.
        (
            (text.chars().count() as f64 * size * 0.6) as u32,
            size as u32,
        )
    })
}

fn text_width(text: &str, size: f64) -> u32 {
    text_size(text, size).0
}

/// Drops control characters (which XML cannot carry) and surrounding whitespace.
fn clean(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    s.trim().to_string()
}

/// `text`, cut with "…" so that it is at most `max` pixels wide at `size`.
fn clip(text: &str, size: f64, max: u32) -> String {
    if text_width(text, size) <= max {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let with_ellipsis = |n: usize| {
        let mut s: String = chars[..n].iter().collect();
        s.truncate(s.trim_end().len());
        s.push('…');
        s
    };
    // The longest prefix that fits, by bisection (width grows with the prefix).
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text_width(&with_ellipsis(mid), size) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    with_ellipsis(lo)
}

/// Twelve colours that stay apart from each other (Tableau 10 without its grey, plus navy and
/// olive); more series than that reuse them (lines then change marker shape).
const PALETTE: [RGBColor; 12] = [
    RGBColor(0x4e, 0x79, 0xa7),
    RGBColor(0xf2, 0x8e, 0x2b),
    RGBColor(0xe1, 0x57, 0x59),
    RGBColor(0x76, 0xb7, 0xb2),
    RGBColor(0x59, 0xa1, 0x4f),
    RGBColor(0xed, 0xc9, 0x48),
    RGBColor(0xb0, 0x7a, 0xa1),
    RGBColor(0xff, 0x9d, 0xa7),
    RGBColor(0x9c, 0x75, 0x5f),
    RGBColor(0x1f, 0x3f, 0x7a),
    RGBColor(0xb6, 0x99, 0x2d),
    RGBColor(0x8c, 0xd1, 0x7d),
];
/// For a series or group that is the rest ("other", or no name at all).
const OTHER: RGBColor = RGBColor(0xa8, 0xa8, 0xa8);

fn is_other(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    l.is_empty() || l == "other" || l == "others" || l.starts_with("other ")
}

/// One colour per label, in order; "other" gets grey and takes no palette slot.
fn colours<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<(RGBColor, usize)> {
    let mut next = 0;
    labels
        .map(|l| {
            if is_other(l) {
                (OTHER, 0)
            } else {
                let i = next;
                next += 1;
                (PALETTE[i % PALETTE.len()], i / PALETTE.len())
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Axes.

/// The x axis of a category chart: category `i` sits at `i`, the axis runs from -0.5 to n-0.5.
/// Its ticks and labels are drawn by `CategoryPlot` itself (plotters would centre a rotated label
/// on its tick), so it reports no key points.
struct Categories {
    n: usize,
}

impl Ranged for Categories {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let n = self.n.max(1) as f64;
        let t = (value + 0.5) / n;
        limit.0 + ((limit.1 - limit.0) as f64 * t).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        Vec::new()
    }

    fn range(&self) -> Range<f64> {
        -0.5..self.n.max(1) as f64 - 0.5
    }
}

impl ValueFormatter<f64> for Categories {
    fn format_ext(&self, value: &f64) -> String {
        format!("{value}")
    }
}

/// The y axis: from `lo` to `hi` with ticks every `step` (a whole number when every value is a
/// count).
#[derive(Clone, Copy)]
struct ValueAxis {
    lo: f64,
    hi: f64,
    step: f64,
    integral: bool,
}

impl ValueAxis {
    fn new(min: f64, max: f64, integral: bool) -> Self {
        let min = min.min(0.0);
        let max = max.max(min);
        let span = if max - min > 0.0 { max - min } else { 1.0 };
        let mut step = nice_step(span / 8.0);
        if integral {
            step = step.max(1.0);
        }
        // A little headroom so the highest point's marker is not cut by the frame.
        let hi = ((max + span * 0.04) / step).ceil().max(1.0) * step;
        let lo = if min < 0.0 {
            ((min - span * 0.04) / step).floor() * step
        } else {
            0.0
        };
        ValueAxis {
            lo,
            hi,
            step,
            integral,
        }
    }

    fn ticks(&self) -> Vec<f64> {
        let count = ((self.hi - self.lo) / self.step).round() as i64;
        (0..=count)
            .map(|k| self.lo + k as f64 * self.step)
            .collect()
    }

    fn format(&self, v: f64) -> String {
        if self.integral {
            group_thousands(v.round() as i64)
        } else {
            let decimals = (-self.step.log10().floor()).max(0.0) as usize;
            format!("{v:.decimals$}")
        }
    }
}

/// The smallest of 1, 2, 5 × 10^k that is at least `x`.
fn nice_step(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|&s| s >= x * (1.0 - 1e-9))
        .unwrap_or(10.0 * p)
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    if digits.len() < 5 {
        return n.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

impl Ranged for ValueAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let t = (value - self.lo) / (self.hi - self.lo);
        limit.0 + ((limit.1 - limit.0) as f64 * t).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // Only the labelled (bold) grid lines; no light lines in between.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks()
        }
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

impl ValueFormatter<f64> for ValueAxis {
    fn format_ext(&self, value: &f64) -> String {
        self.format(*value)
    }
}

/// Which x labels to print and whether to turn them upright, for `n` labels on a plot `width`
/// pixels wide. Thinned labels step by a round number (months by 2, 3, 6, 12, …, starting on a
/// matching month; years by 2, 5, 10, …, starting on a matching year).
fn x_ticks(labels: &[String], width: f64, size: f64) -> (Vec<usize>, bool) {
    let n = labels.len();
    if n == 0 {
        return (Vec::new(), false);
    }
    let widest = labels
        .iter()
        .map(|l| text_width(l, size))
        .max()
        .unwrap_or(0) as f64;
    if n as f64 * (widest + 14.0) <= width {
        return ((0..n).collect(), false);
    }
    let height = text_size("2019", size).1 as f64;
    let needed = ((n as f64 * (height + 8.0)) / width).ceil().max(1.0) as usize;
    let months = labels.iter().all(|l| month_of(l).is_some());
    let years = labels.iter().all(|l| l.parse::<i32>().is_ok());
    let candidates: &[usize] = if months {
        &[1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600, 1200]
    } else {
        &[1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
    };
    let step = candidates
        .iter()
        .copied()
        .find(|&s| s >= needed)
        .unwrap_or(needed);
    let aligned = |i: &usize| {
        let l = &labels[*i];
        if months {
            month_of(l).is_some_and(|m| (m - 1).is_multiple_of(step.min(12)))
        } else if years {
            l.parse::<i64>()
                .is_ok_and(|y| y.rem_euclid(step as i64) == 0)
        } else {
            true
        }
    };
    let start = (0..n.min(step)).find(aligned).unwrap_or(0);
    ((start..n).step_by(step).collect(), true)
}

/// The month of a "YYYY-MM" label.
fn month_of(label: &str) -> Option<usize> {
    let (y, m) = label.split_once('-')?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) || m.len() != 2 {
        return None;
    }
    m.parse().ok().filter(|m| (1..=12).contains(m))
}

// ---------------------------------------------------------------------------------------------
// Category charts.

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Lines,
    StackedBars,
}

const TITLE_SIZE: f64 = 26.0;
const TITLE_HEIGHT: i32 = 48;
const LABEL_SIZE: f64 = 15.0;
const DESC_SIZE: f64 = 17.0;
const LEGEND_SIZE: f64 = 15.0;
const LEGEND_ROW: i32 = 24;
const LEGEND_TEXT_MAX: u32 = 240;
const X_LABEL_MAX: u32 = 160;

struct CategoryPlot {
    kind: Kind,
    title: String,
    x_desc: String,
    y_desc: String,
    x: Vec<String>,
    /// Label, values (non-finite ones are gaps in a line and 0 in a bar), colour, marker shape.
    series: Vec<(String, Vec<f64>, RGBColor, usize)>,
    has_data: bool,
    y: ValueAxis,
}

impl CategoryPlot {
    fn new(chart: &Chart, series: &[Series], kind: Kind) -> Result<Self> {
        for s in series {
            if s.values.len() != chart.x.len() {
                bail!(
                    "chart series '{}' has {} value(s) for {} x label(s)",
                    s.label,
                    s.values.len(),
                    chart.x.len()
                );
            }
        }
        let colours = colours(series.iter().map(|s| s.label.as_str()));
        let series: Vec<_> = series
            .iter()
            .zip(colours)
            .map(|(s, (colour, shape))| {
                let values = match kind {
                    Kind::Lines => s.values.clone(),
                    // A bar stacks non-negative amounts.
                    Kind::StackedBars => s
                        .values
                        .iter()
                        .map(|&v| if v.is_finite() && v > 0.0 { v } else { 0.0 })
                        .collect(),
                };
                (clean(&s.label), values, colour, shape)
            })
            .collect();
        let finite = || {
            series
                .iter()
                .flat_map(|s| s.1.iter().copied())
                .filter(|v| v.is_finite())
        };
        let has_data = finite().any(|v| v != 0.0);
        let integral = finite().all(|v| v.fract() == 0.0);
        let (min, max) = match kind {
            Kind::Lines => finite().fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v))),
            Kind::StackedBars => {
                let top = (0..chart.x.len())
                    .map(|i| series.iter().map(|s| s.1[i]).sum::<f64>())
                    .fold(0.0, f64::max);
                (0.0, top)
            }
        };
        Ok(CategoryPlot {
            kind,
            title: clean(chart.title),
            x_desc: clean(chart.x_label),
            y_desc: clean(chart.y_label),
            x: chart.x.iter().map(|l| clean(l)).collect(),
            series,
            has_data,
            y: ValueAxis::new(min, max, integral),
        })
    }

    /// The legend's rows, top to bottom: (label, colour, marker shape). A stack's legend lists
    /// the series in the order the bars show them, the top one first.
    fn legend_rows(&self) -> Vec<(String, RGBColor, usize)> {
        let mut rows: Vec<_> = self
            .series
            .iter()
            .map(|(label, _, colour, shape)| {
                let label = if label.is_empty() { "(unnamed)" } else { label };
                (clip(label, LEGEND_SIZE, LEGEND_TEXT_MAX), *colour, *shape)
            })
            .collect();
        if self.kind == Kind::StackedBars {
            rows.reverse();
        }
        rows
    }
}

impl Picture for CategoryPlot {
    fn size(&self) -> (u32, u32) {
        CHART_SIZE
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()>
    where
        DB::ErrorType: 'static,
    {
        let (width, height) = (CHART_SIZE.0 as i32, CHART_SIZE.1 as i32);
        let title = clip(&self.title, TITLE_SIZE, width as u32 - 40);
        root.draw(&Text::new(
            title,
            (width / 2, 14),
            style(TITLE_SIZE).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;

        let legend = self.legend_rows();
        let legend_width = if legend.is_empty() {
            0
        } else {
            let text = legend
                .iter()
                .map(|r| text_width(&r.0, LEGEND_SIZE))
                .max()
                .unwrap_or(0);
            text as i32 + 36 + 8 + 24
        };

        // Label areas, sized from the text they will hold.
        let y_ticks = self.y.ticks();
        let y_tick_width = y_ticks
            .iter()
            .map(|&v| text_width(&self.y.format(v), LABEL_SIZE))
            .max()
            .unwrap_or(0);
        let desc_height = text_size("Ag", DESC_SIZE).1 as i32;
        let y_area = y_tick_width as i32 + 16 + desc_height + 14;
        let (margin_left, margin_right) = (12, 24);
        let plot_width = width - legend_width - y_area - margin_left - margin_right;
        // Category labels are short (years, months); anything longer is cut so that the plot
        // keeps its height.
        let x_labels: Vec<String> = self
            .x
            .iter()
            .map(|l| clip(l, LABEL_SIZE, X_LABEL_MAX))
            .collect();
        let (shown, upright) = x_ticks(&x_labels, plot_width.max(100) as f64, LABEL_SIZE);
        let x_text = if upright {
            shown
                .iter()
                .map(|&i| text_width(&x_labels[i], LABEL_SIZE))
                .max()
                .unwrap_or(0)
        } else {
            text_size("2019", LABEL_SIZE).1
        };
        let x_area = x_text as i32 + 14 + desc_height + 16;

        let area = root.clone().shrink(
            (0, TITLE_HEIGHT),
            (width - legend_width, height - TITLE_HEIGHT),
        );
        let mut chart = ChartBuilder::on(&area)
            .margin_left(margin_left)
            .margin_right(margin_right)
            .margin_top(8)
            .margin_bottom(12)
            .x_label_area_size(x_area)
            .y_label_area_size(y_area)
            .build_cartesian_2d(Categories { n: self.x.len() }, self.y)?;
        let y_format = |v: &f64| self.y.format(*v);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(BLACK.mix(0.12))
            .light_line_style(TRANSPARENT)
            .y_label_style(style(LABEL_SIZE))
            .y_label_formatter(&y_format)
            .axis_desc_style(style(DESC_SIZE))
            .x_desc(self.x_desc.as_str())
            .y_desc(self.y_desc.as_str())
            .draw()?;

        let n = self.x.len();
        match self.kind {
            Kind::Lines => {
                let radius = if n > 120 {
                    2
                } else if n > 40 {
                    3
                } else {
                    4
                };
                for (_, values, colour, shape) in &self.series {
                    // A non-finite value breaks the line.
                    let mut run = Vec::new();
                    let mut runs = Vec::new();
                    for (i, &v) in values.iter().enumerate() {
                        if v.is_finite() {
                            run.push((i as f64, v));
                        } else if !run.is_empty() {
                            runs.push(std::mem::take(&mut run));
                        }
                    }
                    runs.push(run);
                    for run in runs {
                        chart.draw_series(LineSeries::new(
                            run.iter().copied(),
                            colour.stroke_width(2),
                        ))?;
                        for p in run {
                            draw_marker(chart.plotting_area(), p, radius, *colour, *shape)?;
                        }
                    }
                }
            }
            Kind::StackedBars => {
                let half = 0.4;
                for i in 0..n {
                    let mut base = 0.0;
                    for (_, values, colour, _) in &self.series {
                        let v = values[i];
                        if v > 0.0 {
                            let x = i as f64;
                            chart.draw_series(std::iter::once(Rectangle::new(
                                [(x - half, base), (x + half, base + v)],
                                colour.filled(),
                            )))?;
                            base += v;
                        }
                    }
                }
            }
        }

        // X ticks and labels, below the axis.
        for &i in &shown {
            let (px, py) = chart.backend_coord(&(i as f64, self.y.lo));
            root.draw(&PathElement::new(vec![(px, py), (px, py + 5)], BLACK))?;
            let text = Text::new(
                x_labels[i].clone(),
                (px, py + 9),
                if upright {
                    style(LABEL_SIZE)
                        .transform(FontTransform::Rotate270)
                        .pos(Pos::new(HPos::Right, VPos::Center))
                } else {
                    style(LABEL_SIZE).pos(Pos::new(HPos::Center, VPos::Top))
                },
            );
            root.draw(&text)?;
        }

        if !self.has_data {
            let (x0, y0) = chart.backend_coord(&(-0.5, self.y.hi));
            let (x1, y1) = chart.backend_coord(&(n.max(1) as f64 - 0.5, self.y.lo));
            root.draw(&Text::new(
                "no documents",
                ((x0 + x1) / 2, (y0 + y1) / 2),
                grey_style(22.0).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }

        // Legend, right of the plot.
        let x0 = width - legend_width + 8;
        let mut y = TITLE_HEIGHT + 20;
        let room = ((height - y - 16) / LEGEND_ROW).max(1) as usize;
        let more = legend.len().saturating_sub(room);
        let shown_rows = if more > 0 { room - 1 } else { legend.len() };
        for (label, colour, shape) in legend.iter().take(shown_rows) {
            let cy = y + LEGEND_ROW / 2;
            match self.kind {
                Kind::Lines => {
                    root.draw(&PathElement::new(
                        vec![(x0, cy), (x0 + 28, cy)],
                        colour.stroke_width(2),
                    ))?;
                    draw_marker(root, (x0 + 14, cy), 4, *colour, *shape)?;
                }
                Kind::StackedBars => {
                    root.draw(&Rectangle::new(
                        [(x0 + 7, cy - 7), (x0 + 21, cy + 7)],
                        colour.filled(),
                    ))?;
                }
            }
            root.draw(&Text::new(
                label.clone(),
                (x0 + 36, cy),
                style(LEGEND_SIZE).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            y += LEGEND_ROW;
        }
        if more > 0 {
            root.draw(&Text::new(
                format!("… and {} more", more + 1),
                (x0 + 36, y + LEGEND_ROW / 2),
                grey_style(LEGEND_SIZE).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        Ok(())
    }
}

/// A point marker at `at` in `area`'s coordinates: a circle, or a triangle or square for series
/// beyond the palette.
fn draw_marker<DB, CT>(
    area: &DrawingArea<DB, CT>,
    at: CT::From,
    radius: i32,
    colour: RGBColor,
    shape: usize,
) -> Result<()>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
    CT: plotters::coord::CoordTranslate,
{
    let style = colour.filled();
    match shape % 3 {
        0 => area.draw(&(EmptyElement::at(at) + Circle::new((0, 0), radius, style)))?,
        1 => area.draw(&(EmptyElement::at(at) + TriangleMarker::new((0, 0), radius + 2, style)))?,
        _ => area.draw(
            &(EmptyElement::at(at) + Rectangle::new([(-radius, -radius), (radius, radius)], style)),
        )?,
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Citation graph.

/// Where a graph's nodes go and how big the picture is.
struct GraphPlot {
    title: String,
    size: (u32, u32),
    font: f64,
    /// Per node: its box (x0, y0, x1, y1) and its label.
    boxes: Vec<((i32, i32, i32, i32), String)>,
    /// Per node: index into `groups`.
    group_of: Vec<usize>,
    /// Legend rows: clipped group name and colour.
    groups: Vec<(String, RGBColor)>,
    /// Column headers: centre x and text.
    headers: Vec<(i32, String)>,
    edges: Vec<(usize, usize)>,
    legend_x: i32,
}

const GRAPH_TOP: i32 = TITLE_HEIGHT + 40;
const LAYER_GAP: i32 = 120;
const SUBCOLUMN_GAP: i32 = 28;
const GRAPH_MARGIN: i32 = 24;

fn layer_name(layer: i32) -> String {
    match layer {
        -2 => "cited by the cited".into(),
        -1 => "cited".into(),
        0 => "focal".into(),
        1 => "citing".into(),
        2 => "citing the citing".into(),
        l => format!("layer {l}"),
    }
}

impl GraphPlot {
    fn new(title: &str, nodes: &[GraphNode], edges: &[(usize, usize)]) -> Self {
        let title = clean(title);
        let edges: Vec<_> = edges.iter().copied().filter(|(a, b)| a != b).collect();

        // Groups in order of first appearance, "other" grey.
        let mut group_index: HashMap<String, usize> = HashMap::new();
        let mut group_names: Vec<String> = Vec::new();
        let group_of: Vec<usize> = nodes
            .iter()
            .map(|n| {
                let g = clean(&n.group);
                *group_index.entry(g.clone()).or_insert_with(|| {
                    group_names.push(g);
                    group_names.len() - 1
                })
            })
            .collect();
        let groups: Vec<(String, RGBColor)> = group_names
            .iter()
            .zip(colours(group_names.iter().map(String::as_str)))
            .map(|(g, (c, _))| {
                let name = if g.is_empty() { "(no group)" } else { g };
                (clip(name, LEGEND_SIZE, LEGEND_TEXT_MAX), c)
            })
            .collect();
        let legend_width = if groups.is_empty() {
            0
        } else {
            let widest = groups
                .iter()
                .map(|g| text_width(&g.0, LEGEND_SIZE))
                .max()
                .unwrap_or(0);
            let note = text_width("arrows: citing → cited", LEGEND_SIZE);
            widest.max(note) as i32 + 36 + 40
        };

        let order = column_order(nodes, &edges);
        let normal = Self::place(nodes, &order, 13.0, 26, 36);
        let (font, (boxes, headers, plot_right, plot_bottom)) = if normal.2 > 6000 {
            (10.0, Self::place(nodes, &order, 10.0, 18, 64))
        } else {
            (13.0, normal)
        };
        let legend_x = plot_right + 24;
        let legend_bottom = GRAPH_TOP + (groups.len() as i32 + 2) * LEGEND_ROW;
        let title_width = text_width(&title, TITLE_SIZE) as i32 + 2 * GRAPH_MARGIN;
        let width = (legend_x + legend_width)
            .max(title_width.min(1600))
            .max(640);
        let height = (plot_bottom.max(legend_bottom) + GRAPH_MARGIN).max(320);
        GraphPlot {
            title,
            size: (width as u32, height as u32),
            font,
            boxes: boxes
                .into_iter()
                .zip(nodes)
                .map(|(b, n)| (b, clean(&n.label)))
                .collect(),
            group_of,
            groups,
            headers,
            edges,
            legend_x,
        }
    }

    /// Boxes for every node, column headers, and the right and bottom edges of the drawing.
    /// A layer with more than `rows_max` nodes wraps into sub-columns side by side.
    #[allow(clippy::type_complexity)]
    fn place(
        nodes: &[GraphNode],
        order: &BTreeMap<i32, Vec<usize>>,
        font: f64,
        row: i32,
        rows_max: usize,
    ) -> (Vec<(i32, i32, i32, i32)>, Vec<(i32, String)>, i32, i32) {
        let box_height = row - 6;
        let shape: Vec<(usize, usize)> = order
            .values()
            .map(|members| {
                let columns = members.len().div_ceil(rows_max).max(1);
                (columns, members.len().div_ceil(columns))
            })
            .collect();
        let rows = shape.iter().map(|s| s.1).max().unwrap_or(0) as i32;
        let plot_height = rows * row;
        let mut boxes = vec![(0, 0, 0, 0); nodes.len()];
        let mut headers = Vec::new();
        let mut x = GRAPH_MARGIN;
        for ((&layer, members), &(columns, per_column)) in order.iter().zip(&shape) {
            let box_width = members
                .iter()
                .map(|&i| text_width(&clean(&nodes[i].label), font))
                .max()
                .unwrap_or(0) as i32
                + 16;
            let boxes_width = columns as i32 * box_width + (columns as i32 - 1) * SUBCOLUMN_GAP;
            let header = format!("{} ({})", layer_name(layer), members.len());
            let layer_width = boxes_width.max(text_width(&header, LABEL_SIZE) as i32);
            headers.push((x + layer_width / 2, header));
            let left = x + (layer_width - boxes_width) / 2;
            for (c, chunk) in members.chunks(per_column).enumerate() {
                let x0 = left + c as i32 * (box_width + SUBCOLUMN_GAP);
                let top = GRAPH_TOP + (plot_height - chunk.len() as i32 * row) / 2;
                for (r, &i) in chunk.iter().enumerate() {
                    let y0 = top + r as i32 * row + (row - box_height) / 2;
                    boxes[i] = (x0, y0, x0 + box_width, y0 + box_height);
                }
            }
            x += layer_width + LAYER_GAP;
        }
        let right = if order.is_empty() { x } else { x - LAYER_GAP };
        (boxes, headers, right, GRAPH_TOP + plot_height)
    }
}

/// Nodes per layer, ordered to cut crossings: the focal layer (or the one nearest it) keeps the
/// input order, and each layer further out is sorted by the mean position of its neighbours in
/// the layer next to it on the focal side.
fn column_order(nodes: &[GraphNode], edges: &[(usize, usize)]) -> BTreeMap<i32, Vec<usize>> {
    let mut order: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        order.entry(n.layer).or_default().push(i);
    }
    let Some(&centre) = order.keys().min_by_key(|l| (l.abs(), **l)) else {
        return order;
    };
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for &(a, b) in edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let layers: Vec<i32> = order.keys().copied().collect();
    let outward = layers.iter().copied().filter(|&l| l > centre);
    let inward = layers.iter().rev().copied().filter(|&l| l < centre);
    for (side, mut previous) in [
        (outward.collect::<Vec<_>>(), centre),
        (inward.collect(), centre),
    ] {
        for layer in side {
            let rank: HashMap<usize, f64> = {
                let prev = &order[&previous];
                let len = prev.len().max(1) as f64;
                prev.iter()
                    .enumerate()
                    .map(|(r, &i)| (i, r as f64 / len))
                    .collect()
            };
            let key = |i: usize| {
                let ranks: Vec<f64> = neighbours[i]
                    .iter()
                    .filter_map(|j| rank.get(j).copied())
                    .collect();
                if ranks.is_empty() {
                    f64::INFINITY
                } else {
                    ranks.iter().sum::<f64>() / ranks.len() as f64
                }
            };
            let members = order.get_mut(&layer).expect("layer listed");
            members.sort_by(|&a, &b| key(a).total_cmp(&key(b)).then(a.cmp(&b)));
            previous = layer;
        }
    }
    order
}

impl Picture for GraphPlot {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()>
    where
        DB::ErrorType: 'static,
    {
        let width = self.size.0 as i32;
        root.draw(&Text::new(
            clip(&self.title, TITLE_SIZE, width as u32 - 40),
            (width / 2, 14),
            style(TITLE_SIZE).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        if self.boxes.is_empty() {
            root.draw(&Text::new(
                "no documents",
                (width / 2, (self.size.1 as i32 + TITLE_HEIGHT) / 2),
                grey_style(22.0).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
            return Ok(());
        }
        for (x, text) in &self.headers {
            root.draw(&Text::new(
                text.clone(),
                (*x, TITLE_HEIGHT + 8),
                grey_style(LABEL_SIZE).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }

        // Edges first, so the boxes and their labels stay on top.
        let edge_colour = RGBColor(90, 90, 90).mix(0.45);
        for &(from, to) in &self.edges {
            let (a, b) = (self.boxes[from].0, self.boxes[to].0);
            let (ay, by) = ((a.1 + a.3) / 2, (b.1 + b.3) / 2);
            let path = if a.0 > b.0 {
                vec![(a.0, ay), (b.2, by)]
            } else if a.0 < b.0 {
                vec![(a.2, ay), (b.0, by)]
            } else {
                // Same column: bow out to the left.
                vec![(a.0, ay), (a.0 - 24, (ay + by) / 2), (b.0, by)]
            };
            let tip = path[path.len() - 1];
            let back = path[path.len() - 2];
            root.draw(&PathElement::new(path.clone(), edge_colour.stroke_width(1)))?;
            root.draw(&Polygon::new(arrow_head(back, tip), edge_colour.filled()))?;
        }

        for (i, ((x0, y0, x1, y1), label)) in self.boxes.iter().enumerate() {
            let colour = self.groups[self.group_of[i]].1;
            root.draw(&Rectangle::new([(*x0, *y0), (*x1, *y1)], WHITE.filled()))?;
            root.draw(&Rectangle::new(
                [(*x0, *y0), (*x1, *y1)],
                colour.mix(0.3).filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(*x0, *y0), (*x1, *y1)],
                colour.stroke_width(2),
            ))?;
            root.draw(&Text::new(
                label.clone(),
                ((x0 + x1) / 2, (y0 + y1) / 2),
                style(self.font).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }

        // Legend: groups, then how to read an arrow.
        let x0 = self.legend_x;
        let mut y = GRAPH_TOP;
        for (name, colour) in &self.groups {
            let cy = y + LEGEND_ROW / 2;
            root.draw(&Rectangle::new(
                [(x0 + 4, cy - 8), (x0 + 26, cy + 8)],
                colour.mix(0.3).filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x0 + 4, cy - 8), (x0 + 26, cy + 8)],
                colour.stroke_width(2),
            ))?;
            root.draw(&Text::new(
                name.clone(),
                (x0 + 36, cy),
                style(LEGEND_SIZE).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            y += LEGEND_ROW;
        }
        let cy = y + LEGEND_ROW;
        root.draw(&Text::new(
            "arrows: citing → cited",
            (x0 + 4, cy),
            grey_style(LEGEND_SIZE).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        Ok(())
    }
}

/// A filled arrow head ending at `tip`, pointing away from `from`.
fn arrow_head(from: (i32, i32), tip: (i32, i32)) -> Vec<(i32, i32)> {
    let (dx, dy) = ((tip.0 - from.0) as f64, (tip.1 - from.1) as f64);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let (length, half) = (9.0, 4.0);
    let bx = tip.0 as f64 - ux * length;
    let by = tip.1 as f64 - uy * length;
    vec![
        tip,
        (
            (bx - uy * half).round() as i32,
            (by + ux * half).round() as i32,
        ),
        (
            (bx + uy * half).round() as i32,
            (by - ux * half).round() as i32,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// Reads every XML event of an SVG (failing on malformed XML) and returns its text content.
    fn svg_text(path: &Path) -> String {
        let svg = std::fs::read_to_string(path).unwrap();
        let mut reader = Reader::from_str(&svg);
        let mut text = String::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Text(t) => {
                    let t: &str = &t;
                    text.push_str(t);
                }
                Event::GeneralRef(r) => text.push_str(match &*r.into_inner() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                }),
                Event::Eof => break,
                _ => {}
            }
        }
        text
    }

    /// Width and height from a PNG's IHDR chunk.
    fn png_size(path: &Path) -> (u32, u32) {
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        assert_eq!(&bytes[12..16], b"IHDR");
        let be = |b: &[u8]| u32::from_be_bytes(b.try_into().unwrap());
        (be(&bytes[16..20]), be(&bytes[20..24]))
    }

    fn years(from: i32, to: i32) -> Vec<String> {
        (from..=to).map(|y| y.to_string()).collect()
    }

    fn months(from: i32, count: usize) -> Vec<String> {
        (0..count)
            .map(|i| format!("{}-{:02}", from + (i / 12) as i32, i % 12 + 1))
            .collect()
    }

    fn series(label: &str, values: &[f64]) -> Series {
        Series {
            label: label.into(),
            values: values.to_vec(),
        }
    }

    #[test]
    fn line_chart_svg_has_title_axes_and_legend() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("trend.svg");
        let x = years(2015, 2024);
        let chart = Chart {
            title: "Solid-state batteries vs. AT&T <wireless>",
            x_label: "publication year",
            y_label: "documents per year",
            x: &x,
        };
        let data = [
            series(
                "solid-state battery",
                &[1., 3., 4., 8., 13., 21., 34., 40., 52., 60.],
            ),
            series(
                "lithium metal anode",
                &[0., 1., 1., 2., 3., 5., 8., 13., 21., 20.],
            ),
        ];
        lines(&path, &chart, &data).unwrap();
        let text = svg_text(&path);
        for want in [
            chart.title,
            chart.x_label,
            chart.y_label,
            "solid-state battery",
            "lithium metal anode",
            "2015",
            "2024",
        ] {
            assert!(text.contains(want), "{want:?} missing from the SVG text");
        }
        // Counts get whole-number ticks.
        assert!(!text.contains(".5"), "fractional y tick in {text}");
    }

    #[test]
    fn stacked_bars_svg_has_every_series() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("portfolio.svg");
        let x = years(2019, 2023);
        let chart = Chart {
            title: "Top assignees",
            x_label: "filing year",
            y_label: "documents per year",
            x: &x,
        };
        let labels: Vec<String> = (0..12).map(|i| format!("Assignee number {i}")).collect();
        let mut data: Vec<Series> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| series(l, &[i as f64, 1., 2., 0., 5.]))
            .collect();
        data.push(series("other", &[10., 20., 30., 40., 50.]));
        stacked_bars(&path, &chart, &data).unwrap();
        let text = svg_text(&path);
        for want in
            labels
                .iter()
                .map(String::as_str)
                .chain(["other", "Top assignees", "filing year"])
        {
            assert!(text.contains(want), "{want:?} missing");
        }
    }

    #[test]
    fn png_has_signature_and_size() {
        let dir = tempfile::TempDir::new().unwrap();
        let x = years(2020, 2022);
        let chart = Chart {
            title: "t",
            x_label: "year",
            y_label: "documents",
            x: &x,
        };
        let data = [series("a", &[1., 2., 3.])];
        for (name, f) in [
            ("l.png", lines as fn(&Path, &Chart, &[Series]) -> Result<()>),
            ("b.PNG", stacked_bars),
        ] {
            let path = dir.path().join(name);
            f(&path, &chart, &data).unwrap();
            assert_eq!(png_size(&path), CHART_SIZE);
        }
        let path = dir.path().join("g.png");
        let nodes = [
            GraphNode {
                label: "US1".into(),
                group: "A".into(),
                layer: 0,
            },
            GraphNode {
                label: "US2".into(),
                group: "B".into(),
                layer: 1,
            },
        ];
        citation_graph(&path, "graph", &nodes, &[(1, 0)]).unwrap();
        let plot = GraphPlot::new("graph", &nodes, &[(1, 0)]);
        assert_eq!(png_size(&path), plot.size);
    }

    #[test]
    fn graph_svg_has_every_node_label() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("citations.svg");
        let mut nodes = vec![GraphNode {
            label: "US10000000B2".into(),
            group: "Focal Corp".into(),
            layer: 0,
        }];
        let mut edges = Vec::new();
        for i in 0..150 {
            nodes.push(GraphNode {
                label: format!("US{}A1", 9_000_000 + i),
                group: format!("Assignee {}", i % 5),
                layer: 1,
            });
            edges.push((nodes.len() - 1, 0));
        }
        for i in 0..20 {
            nodes.push(GraphNode {
                label: format!("US{}B1", 5_000_000 + i),
                group: "other".into(),
                layer: -1,
            });
            edges.push((0, nodes.len() - 1));
        }
        nodes.push(GraphNode {
            label: "EP1234567A1".into(),
            group: "Assignee 1".into(),
            layer: 2,
        });
        edges.push((nodes.len() - 1, 3));
        edges.push((3, 3));
        citation_graph(&path, "Citations of US10000000B2", &nodes, &edges).unwrap();
        let text = svg_text(&path);
        for n in &nodes {
            assert!(text.contains(&n.label), "{} missing", n.label);
        }
        assert!(text.contains("Citations of US10000000B2"));
        assert!(text.contains("Assignee 4"));
    }

    #[test]
    fn bad_extension_is_an_error() {
        let dir = tempfile::TempDir::new().unwrap();
        let x = years(2020, 2021);
        let chart = Chart {
            title: "t",
            x_label: "x",
            y_label: "y",
            x: &x,
        };
        for name in ["chart.pdf", "chart"] {
            let path = dir.path().join(name);
            let err = lines(&path, &chart, &[]).unwrap_err().to_string();
            assert!(err.contains("use .svg or .png"), "{err}");
            let err = citation_graph(&path, "t", &[], &[])
                .unwrap_err()
                .to_string();
            assert!(err.contains("use .svg or .png"), "{err}");
            assert!(!path.exists());
        }
    }

    #[test]
    fn edges_past_the_nodes_are_errors() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("g.svg");
        let nodes = [GraphNode {
            label: "US1".into(),
            group: "A".into(),
            layer: 0,
        }];
        assert!(citation_graph(&path, "t", &nodes, &[(0, 1)]).is_err());
        assert!(citation_graph(&path, "t", &nodes, &[(7, 0)]).is_err());
        assert!(citation_graph(&path, "t", &[], &[(0, 0)]).is_err());
    }

    #[test]
    fn mismatched_series_length_is_an_error() {
        let dir = tempfile::TempDir::new().unwrap();
        let x = years(2020, 2022);
        let chart = Chart {
            title: "t",
            x_label: "x",
            y_label: "y",
            x: &x,
        };
        let err = lines(&dir.path().join("a.svg"), &chart, &[series("s", &[1.])]).unwrap_err();
        assert!(
            err.to_string().contains("1 value(s) for 3 x label(s)"),
            "{err}"
        );
    }

    #[test]
    fn empty_inputs_draw_a_note() {
        let dir = tempfile::TempDir::new().unwrap();
        let none: Vec<String> = Vec::new();
        let empty = Chart {
            title: "Nothing",
            x_label: "year",
            y_label: "documents per year",
            x: &none,
        };
        let x = years(2020, 2022);
        let zeros = Chart { x: &x, ..empty };
        for ext in ["svg", "png"] {
            let p = |n: &str| dir.path().join(format!("{n}.{ext}"));
            lines(&p("l0"), &empty, &[]).unwrap();
            stacked_bars(&p("b0"), &empty, &[]).unwrap();
            lines(&p("l1"), &zeros, &[series("q", &[0., 0., 0.])]).unwrap();
            stacked_bars(&p("b1"), &zeros, &[]).unwrap();
            citation_graph(&p("g0"), "No citations", &[], &[]).unwrap();
        }
        for n in ["l0", "b0", "l1", "b1", "g0"] {
            assert!(
                svg_text(&dir.path().join(format!("{n}.svg"))).contains("no documents"),
                "{n}"
            );
        }
        assert_eq!(png_size(&dir.path().join("l0.png")), CHART_SIZE);
    }

    #[test]
    fn single_point_and_odd_values() {
        let dir = tempfile::TempDir::new().unwrap();
        let x = vec!["2021".to_string()];
        let chart = Chart {
            title: "One year",
            x_label: "year",
            y_label: "documents",
            x: &x,
        };
        lines(&dir.path().join("one.svg"), &chart, &[series("q", &[5.])]).unwrap();
        stacked_bars(&dir.path().join("one.png"), &chart, &[series("q", &[5.])]).unwrap();
        let x = years(2020, 2023);
        let chart = Chart { x: &x, ..chart };
        let odd = [series("\u{1}ctl", &[f64::NAN, -2.0, 0.25, f64::INFINITY])];
        lines(&dir.path().join("odd.svg"), &chart, &odd).unwrap();
        stacked_bars(&dir.path().join("odd.svg"), &chart, &odd).unwrap();
        assert!(svg_text(&dir.path().join("odd.svg")).contains("ctl"));
    }

    #[test]
    fn many_months_are_thinned_and_aligned() {
        let x = months(2005, 240);
        let (shown, upright) = x_ticks(&x, 1000.0, LABEL_SIZE);
        assert!(upright);
        assert!(
            shown.len() < 80 && shown.len() >= 10,
            "{} labels",
            shown.len()
        );
        assert!(
            shown.iter().all(|&i| x[i].ends_with("-01")
                || x[i].ends_with("-07")
                || x[i].ends_with("-04")
                || x[i].ends_with("-10")),
            "{shown:?}"
        );
        let x = years(2000, 2004);
        assert_eq!(x_ticks(&x, 1000.0, LABEL_SIZE), ((0..5).collect(), false));
        let x = years(1901, 2020);
        let (shown, _) = x_ticks(&x, 1000.0, LABEL_SIZE);
        let step = shown[1] - shown[0];
        assert!([2, 5, 10].contains(&step), "{shown:?}");
        let year = |i: usize| x[i].parse::<usize>().unwrap();
        assert!(
            shown.iter().all(|&i| year(i).is_multiple_of(step)),
            "{shown:?}"
        );
    }

    #[test]
    fn y_axis_ticks_are_whole_for_counts() {
        for max in [0.0, 1.0, 2.0, 3.0, 7.0, 13.0, 999.0, 123_456.0] {
            let axis = ValueAxis::new(0.0, max, true);
            let ticks = axis.ticks();
            assert!(ticks.iter().all(|t| t.fract() == 0.0), "{max}: {ticks:?}");
            assert!(
                axis.hi >= max && ticks.len() >= 2 && ticks.len() <= 12,
                "{max}: {ticks:?}"
            );
        }
        assert_eq!(ValueAxis::new(0.0, 0.3, false).format(0.25), "0.25");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn long_labels_are_clipped() {
        let long = "International Business Machines Corporation of Armonk, New York, United States";
        let c = clip(long, LEGEND_SIZE, LEGEND_TEXT_MAX);
        assert!(c.ends_with('…') && c.len() < long.len(), "{c}");
        assert!(text_width(&c, LEGEND_SIZE) <= LEGEND_TEXT_MAX);
        assert_eq!(clip("IBM", LEGEND_SIZE, LEGEND_TEXT_MAX), "IBM");
    }
}
