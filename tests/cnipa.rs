//! The CNIPA parsers on every real file in ../shared/data/cnipa: the old `cn-patent-document`
//! (2014) and the XSD V2.2.1 `business:PatentDocumentAndRelated` (2021-2022). Expected values
//! were read by hand from the XML, not taken from the parser's output.

mod common;

use std::path::{Path, PathBuf};

use common::{count_tag, files_under, parse_file};
use patdex::model::{Block, Claim, DocKind, DocType, Patent};

const OLD: &str = "cnipa/old-cn-patent-document";
const NEW: &str = "cnipa/new-xsd-v2.2.1";

/// The one document of the file in `dir` whose name starts with `prefix`.
fn doc(data: &Path, dir: &str, prefix: &str) -> Patent {
    common::only_patent(&file(data, dir, prefix))
}

fn file(data: &Path, dir: &str, prefix: &str) -> PathBuf {
    files_under(&data.join(dir))
        .into_iter()
        .find(|f| f.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix}* in {dir}"))
}

fn date(p: Option<jiff::civil::Date>) -> String {
    p.map(|d| d.to_string()).unwrap_or_default()
}

fn ipc(p: &Patent) -> Vec<&str> {
    p.ipc.iter().map(|c| c.symbol.as_str()).collect()
}

fn names(parties: &[patdex::model::Party]) -> Vec<&str> {
    parties.iter().map(|a| a.name.as_str()).collect()
}

fn claim(p: &Patent, n: u32) -> &Claim {
    p.claims
        .iter()
        .find(|c| c.number == n)
        .unwrap_or_else(|| panic!("{}: no claim {n}", p.number))
}

fn headings(p: &Patent) -> Vec<(u8, &str)> {
    p.description
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            Block::Paragraph { .. } => None,
        })
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFF60)
}

/// Every text of the document: title, abstract, claims, description.
fn texts(p: &Patent) -> Vec<String> {
    let mut out = vec![p.title.clone(), p.abstract_text.clone()];
    out.extend(p.claims.iter().map(|c| c.text.clone()));
    out.extend(p.description.iter().map(|b| b.text().to_string()));
    out
}

/// No unresolved entity (`&name;`), no markup the text rules should have removed, no space or
/// line break between two Chinese characters (the printed line wraps of the old format).
fn assert_clean(p: &Patent) {
    for t in texts(p) {
        for (i, _) in t.match_indices('&') {
            let rest = &t[i + 1..];
            let name_len = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
                .count();
            assert!(
                !(name_len > 0 && rest[name_len..].starts_with(';')),
                "{}: entity left in {t:?}",
                p.number
            );
        }
        for tag in [
            "<br",
            "</",
            "<p ",
            "<sub",
            "<sup",
            "base:",
            "business:",
            "<img",
        ] {
            assert!(!t.contains(tag), "{}: markup {tag} in {t:?}", p.number);
        }
        assert!(!t.contains('\u{feff}'), "{}: BOM in text", p.number);
        let chars: Vec<char> = t.chars().collect();
        for w in chars.windows(3) {
            assert!(
                !(is_cjk(w[0]) && w[1] == ' ' && is_cjk(w[2])),
                "{}: space between Chinese characters in {t:?}",
                p.number
            );
        }
        assert_eq!(t.trim(), t, "{}: untrimmed text", p.number);
    }
}

#[test]
fn every_cnipa_file_parses_to_exactly_one_document() {
    let data = require_shared!();
    let mut files = files_under(&data.join(OLD));
    files.extend(files_under(&data.join(NEW)));
    assert_eq!(files.len(), 8, "expected the 4 + 4 CNIPA samples");
    let mut boms = 0;
    for f in &files {
        let raw = std::fs::read(f).unwrap();
        boms += usize::from(raw.starts_with(b"\xef\xbb\xbf"));
        let roots = count_tag(&raw, "cn-patent-document")
            + count_tag(&raw, "business:PatentDocumentAndRelated");
        assert_eq!(roots, 1, "{}", f.display());
        let got = parse_file(f);
        assert!(got.errors.is_empty(), "{}: {:?}", f.display(), got.errors);
        assert!(got.skipped.is_empty(), "{}: {:?}", f.display(), got.skipped);
        assert_eq!(got.patents.len(), 1, "{}", f.display());
        let p = &got.patents[0];
        assert_eq!(p.number.country, "CN");
        assert_eq!(p.lang, "zh");
        assert!(!p.title.is_empty() && !p.abstract_text.is_empty());
        assert!(!p.claims.is_empty() && !p.description.is_empty());
        assert!(!p.ipc.is_empty() && p.ipc[0].main);
        assert!(!p.applicants.is_empty() && !p.inventors.is_empty());
        assert_eq!(p.applicants, p.assignees, "the CN applicant is the owner");
        assert!(p.pub_date.is_some() && p.application.filing_date.is_some());
        assert!(p.priority_date <= p.application.filing_date);
        // Claims are numbered 1..n in order.
        let nums: Vec<u32> = p.claims.iter().map(|c| c.number).collect();
        assert_eq!(nums, (1..=p.claims.len() as u32).collect::<Vec<_>>());
        for c in &p.claims {
            assert_eq!(c.dependent, !c.refers_to.is_empty());
            assert!(c.refers_to.iter().all(|&r| r < c.number));
        }
        assert_clean(p);
    }
    assert_eq!(
        boms, 2,
        "two of the old-format files start with a UTF-8 BOM"
    );
}

#[test]
fn old_format_application_with_us_priority_and_pct() {
    let data = require_shared!();
    let p = doc(&data, OLD, "CN103492414A");
    assert_eq!(p.number.to_string(), "CN103492414A");
    assert_eq!(p.kind, DocKind::Application);
    assert_eq!(p.doc_type, DocType::Utility);
    assert_eq!(p.format, "cn-patent-document");
    assert_eq!(p.title, "抗HEPCIDIN抗体及其用途");
    assert_eq!(date(p.pub_date), "2014-01-01");
    assert_eq!(p.application.number, "200880114428.1");
    assert_eq!(p.application.appl_type, "发明专利");
    assert_eq!(date(p.application.filing_date), "2008-10-29");
    assert_eq!(p.priority_claims.len(), 1);
    assert_eq!(p.priority_claims[0].country, "US");
    assert_eq!(p.priority_claims[0].number, "60/984,910");
    assert_eq!(p.priority_claims[0].kind, "international");
    assert_eq!(date(p.priority_date), "2007-11-02");
    assert!(
        p.related
            .iter()
            .any(|r| r.relation == "pct-or-regional-filing" && r.id.number == "PCT/US2008/081493")
    );
    assert_eq!(ipc(&p), ["C07K16/18"]);
    assert_eq!(names(&p.applicants), ["伊莱利利公司"]);
    assert_eq!(p.inventors.len(), 8);
    assert_eq!(p.inventors[0].name, "Y·A·蔡");
    assert_eq!(p.inventors[7].name, "D·R·威彻");
    assert_eq!(
        names(&p.agents),
        ["北京市中咨律师事务所 11247", "黄革生", "史文静"]
    );
    assert_eq!(p.claims.len(), 44);
    let c1 = claim(&p, 1);
    assert!(
        c1.text.starts_with("选择性结合人hepcidin-25的抗体"),
        "{}",
        c1.text
    );
    // The claim wraps after 共 with a `<br/>`: the word must come back whole.
    assert!(c1.text.contains("表面等离振子共振(SPR)确定"), "{}", c1.text);
    assert!(c1.text.contains("KD"), "K<sub>D</sub> glued: {}", c1.text);
    assert!(!c1.dependent);
    assert_eq!(claim(&p, 2).refers_to, [1]);
    assert_eq!(claim(&p, 3).refers_to, [1, 2]);
    assert_eq!(claim(&p, 5).refers_to, [1, 2, 3, 4]);
    assert!(headings(&p).contains(&(1, "附图说明")));
    // The first paragraph wraps 更特 / 别地 over a `<br/>`.
    assert!(p.description[0].text().contains("更特别地"));
}

#[test]
fn old_format_with_bom_and_biological_deposit() {
    let data = require_shared!();
    let p = doc(&data, OLD, "CN104223352A");
    assert_eq!(p.number.to_string(), "CN104223352A");
    assert_eq!(p.kind, DocKind::Application);
    assert_eq!(p.title, "一种甘草发酵所得烟用香料及其应用");
    assert_eq!(date(p.pub_date), "2014-12-24");
    assert_eq!(p.application.number, "201410408762.5");
    assert_eq!(date(p.application.filing_date), "2014-08-19");
    assert!(p.priority_claims.is_empty());
    assert_eq!(date(p.priority_date), "2014-08-19");
    assert_eq!(ipc(&p), ["A24B15/18", "C11B9/00", "C12P1/02", "C12R1/645"]);
    assert_eq!(names(&p.applicants), ["云南中烟工业有限责任公司"]);
    assert_eq!(
        names(&p.inventors),
        [
            "段焰青",
            "者为",
            "李青青",
            "叶灵",
            "张伟",
            "夏建军",
            "党立志",
            "王文元"
        ]
    );
    assert_eq!(
        names(&p.agents),
        [
            "昆明协立知识产权代理事务所(普通合伙) 53108",
            "谢嘉",
            "旃习涵"
        ]
    );
    assert!(
        p.abstract_text
            .starts_with("本发明公开了一种甘草发酵所得烟用香料及其应用。")
    );
    assert!(
        !p.abstract_text.contains("2012.10.08"),
        "the deposit record is not abstract prose"
    );
    assert_eq!(p.claims.len(), 3);
    assert!(
        claim(&p, 1)
            .text
            .starts_with("一种甘草发酵所得烟用香料，其特征在于：")
    );
    assert_eq!(claim(&p, 2).refers_to, [1]);
    assert!(claim(&p, 2).dependent);
    assert_eq!(claim(&p, 3).refers_to, [1]);
    assert_eq!(
        headings(&p),
        [
            (1, "技术领域"),
            (1, "背景技术"),
            (1, "发明内容"),
            (1, "具体实施方式")
        ]
    );
    assert_eq!(
        p.description[1].text(),
        "本发明属于卷烟香精香料技术领域，具体是涉及一种用酵母菌发酵甘草后得到的烟用香料。同时，本发明还涉及该烟用香料在卷烟生产中的具体应用。"
    );
}

#[test]
fn old_format_with_bom_and_domestic_priority() {
    let data = require_shared!();
    let p = doc(&data, OLD, "CN104223590A");
    assert_eq!(p.number.to_string(), "CN104223590A");
    assert_eq!(p.title, "脚型量具");
    assert_eq!(date(p.pub_date), "2014-12-24");
    assert_eq!(p.application.number, "201410513187.5");
    assert_eq!(date(p.application.filing_date), "2014-09-29");
    assert_eq!(p.priority_claims.len(), 1);
    assert_eq!(p.priority_claims[0].country, "CN");
    assert_eq!(p.priority_claims[0].number, "201320854096.9");
    assert_eq!(date(p.priority_claims[0].date), "2013-12-24");
    assert_eq!(date(p.priority_date), "2013-12-24");
    assert_eq!(ipc(&p), ["A43D1/02"]);
    assert_eq!(names(&p.applicants), ["叶建鑫"]);
    assert_eq!(names(&p.inventors), ["叶建鑫"]);
    assert_eq!(names(&p.agents), ["温州高翔专利事务所 33205", "陈光铁"]);
    assert_eq!(p.claims.len(), 10);
    // Claim 1 wraps over several `<br />` lines.
    assert!(
        claim(&p, 1).text.starts_with(
            "一种脚型量具，其特征在于：该脚型量具呈鞋状，包括鞋底和帮面，所述帮面覆于鞋底上"
        ),
        "{}",
        claim(&p, 1).text
    );
    assert!(!claim(&p, 1).dependent);
    assert_eq!(claim(&p, 5).refers_to, [4]);
    assert_eq!(claim(&p, 9).refers_to, [1, 2, 3]);
    assert_eq!(claim(&p, 10).refers_to, [9]);
    assert_eq!(
        headings(&p),
        [
            (1, "技术领域"),
            (1, "背景技术"),
            (1, "发明内容"),
            (1, "附图说明"),
            (1, "具体实施方式")
        ]
    );
    assert_eq!(p.description[1].text(), "本发明涉及一种脚型量具。");
}

#[test]
fn old_format_translation_with_japanese_style_headings() {
    let data = require_shared!();
    let p = doc(&data, OLD, "CN104245682A");
    assert_eq!(p.number.to_string(), "CN104245682A");
    // No `lang` attribute on this root: Chinese is the default.
    assert_eq!(p.lang, "zh");
    assert_eq!(p.title, "马来酸伊索拉定的制造方法");
    assert_eq!(p.application.number, "201480000788.4");
    assert_eq!(date(p.application.filing_date), "2014-03-31");
    assert_eq!(ipc(&p), ["C07D251/18"]);
    assert_eq!(names(&p.applicants), ["日本新药株式会社"]);
    assert_eq!(names(&p.inventors), ["服部正之"]);
    assert_eq!(p.claims.len(), 5);
    // The claim itself starts with digits ("2,4-…") that are not its number.
    assert!(
        claim(&p, 1).text.starts_with(
            "2,4-二氨基-6-(2,5-二氯苯基)-1,3,5-三嗪马来酸盐的结晶的制造方法，其特征在于"
        ),
        "{}",
        claim(&p, 1).text
    );
    assert!(!claim(&p, 1).dependent);
    assert_eq!(claim(&p, 3).refers_to, [1, 2]);
    assert_eq!(claim(&p, 4).refers_to, [1, 2, 3]);
    let h = headings(&p);
    assert_eq!(h[0], (1, "技术领域"));
    assert!(h.contains(&(1, "背景技术")));
    assert!(h.contains(&(2, "发明的效果")));
    assert!(
        p.related
            .iter()
            .any(|r| r.relation == "pct-or-regional-filing" && r.id.number == "PCT/JP2014/059529")
    );
}

#[test]
fn new_format_application_with_table() {
    let data = require_shared!();
    let p = doc(&data, NEW, "CN102021000991218");
    assert_eq!(p.number.to_string(), "CN113783949A");
    assert_eq!(p.kind, DocKind::Application);
    assert_eq!(p.doc_type, DocType::Utility);
    assert_eq!(p.format, "cnipa business v2.2.1");
    assert_eq!(p.title, "一种基于合约管理的跨链去中心化方法");
    assert_eq!(date(p.pub_date), "2021-12-10");
    assert_eq!(p.application.number, "202110991218.8");
    assert_eq!(p.application.appl_type, "10");
    assert_eq!(date(p.application.filing_date), "2021-08-26");
    assert_eq!(date(p.priority_date), "2021-08-26");
    assert_eq!(
        ipc(&p),
        [
            "H04L29/08",
            "H04L29/06",
            "H04L9/32",
            "G06Q40/04",
            "G06F16/27"
        ]
    );
    assert_eq!(names(&p.applicants), ["浙商银行股份有限公司"]);
    assert_eq!(p.applicants[0].city, "杭州市");
    assert_eq!(p.applicants[0].country, "CN");
    assert_eq!(names(&p.inventors), ["陈嘉俊", "臧铖", "郭东升"]);
    assert_eq!(
        names(&p.agents),
        ["杭州求是专利事务所有限公司 33200", "刘静"]
    );
    assert_eq!(p.claims.len(), 10);
    assert!(claim(&p, 1).text.starts_with(
        "一种基于合约管理的跨链去中心化方法，其特征在于，该方法包括：\n区块链跨链通信包括三个链路"
    ));
    assert_eq!(claim(&p, 2).refers_to, [1]);
    assert_eq!(
        headings(&p),
        [
            (1, "技术领域"),
            (1, "背景技术"),
            (1, "发明内容"),
            (1, "附图说明"),
            (1, "具体实施方式")
        ]
    );
    assert_eq!(
        p.description[1].text(),
        "本发明涉及区块链技术领域，特别涉及一种基于合约管理的跨链去中心化方法。"
    );
    // The table in the description: one row a line, cells apart.
    let table = p
        .description
        .iter()
        .find(|b| b.text().contains("ChainID"))
        .expect("the table paragraph");
    assert!(
        table.text().contains("ChainID\t源链的ID"),
        "{}",
        table.text()
    );
    assert!(
        p.abstract_text
            .starts_with("本发明公开了一种基于合约管理的跨链去中心化方法")
    );
}

#[test]
fn new_format_divisional_with_korean_priority() {
    let data = require_shared!();
    let p = doc(&data, NEW, "CN102021001286633");
    assert_eq!(p.number.to_string(), "CN113781974A");
    assert_eq!(p.title, "显示设备");
    assert_eq!(p.application.number, "202111286633.X");
    assert_eq!(date(p.application.filing_date), "2017-04-24");
    // Printed once as `original`, once as `standard`: one priority.
    assert_eq!(p.priority_claims.len(), 1);
    assert_eq!(p.priority_claims[0].country, "KR");
    assert_eq!(p.priority_claims[0].number, "10-2016-0063019");
    assert_eq!(date(p.priority_date), "2016-05-23");
    let parent = p
        .related
        .iter()
        .find(|r| r.relation == "division" && r.role == "parent")
        .expect("division parent");
    assert_eq!(parent.id.number, "201710269973.9");
    assert_eq!(ipc(&p), ["G09G3/36", "G09G3/3208", "G09G3/34"]);
    assert_eq!(names(&p.applicants), ["三星显示有限公司"]);
    assert_eq!(p.applicants[0].country, "KR");
    assert_eq!(names(&p.inventors), ["金驲柱", "田武经", "李安洙"]);
    assert_eq!(p.claims.len(), 17);
    assert!(claim(&p, 1).text.starts_with("显示设备"));
    assert_eq!(claim(&p, 5).refers_to, [4]);
    assert_eq!(claim(&p, 10).refers_to, [9]);
    assert_eq!(claim(&p, 17).refers_to, [16]);
}

#[test]
fn new_format_pct_national_phase_with_formulas() {
    let data = require_shared!();
    let p = doc(&data, NEW, "CN112021000002433");
    assert_eq!(p.number.to_string(), "CN113784721A");
    assert_eq!(p.title, "抗COVID-19的高活性化合物");
    assert_eq!(p.application.number, "202180002433.9");
    assert_eq!(p.application.appl_type, "11");
    assert_eq!(date(p.application.filing_date), "2021-02-24");
    assert_eq!(p.priority_claims.len(), 8);
    assert_eq!(p.priority_claims[0].number, "62/982,670");
    assert_eq!(p.priority_claims[7].number, "63/146,456");
    assert_eq!(date(p.priority_date), "2020-02-27");
    assert!(
        p.related
            .iter()
            .any(|r| r.relation == "pct-or-regional-filing" && r.id.number == "PCT/US2021/019468")
    );
    assert_eq!(ipc(&p), ["A61K31/7076", "A61P31/14", "C07H19/207"]);
    assert_eq!(names(&p.applicants), ["阿堤亚制药公司"]);
    assert_eq!(p.applicants[0].country, "US");
    assert_eq!(names(&p.inventors), ["J-P·索玛迪西", "A·莫萨"]);
    assert_eq!(
        names(&p.agents),
        ["北京市金杜律师事务所 11256", "吴亦华", "吴斌"]
    );
    assert_eq!(p.claims.len(), 111);
    let c1 = &claim(&p, 1).text;
    assert!(c1.starts_with("一种在有需要的宿主中治疗或预防由SARS-CoV-2病毒引起的COVID-19的方法"));
    // `R<base:Sup>1</base:Sup>选自C<base:Sub>1</base:Sub>-C<base:Sub>6</base:Sub>烷基`
    assert!(c1.contains("\nR1选自C1-C6烷基"), "{c1}");
    assert!(!claim(&p, 3).dependent);
    assert_eq!(claim(&p, 4).refers_to, [3]);
    // Not one of the standard sections: an underlined paragraph.
    assert_eq!(headings(&p)[0], (1, "相关申请的交叉引用"));
    assert_eq!(headings(&p)[1], (1, "技术领域"));
}

#[test]
fn new_format_medical_device() {
    let data = require_shared!();
    let p = doc(&data, NEW, "CN102015000481495");
    assert_eq!(p.number.to_string(), "CN115212463A");
    assert_eq!(p.title, "一种医用放射治疗装置");
    assert_eq!(date(p.pub_date), "2022-10-21");
    assert_eq!(p.application.number, "201510481495.9");
    assert_eq!(date(p.application.filing_date), "2015-08-07");
    assert_eq!(ipc(&p), ["A61N5/00"]);
    assert_eq!(names(&p.applicants), ["北京大基康明医疗设备有限公司"]);
    assert_eq!(names(&p.inventors), ["曹凯", "张圈世", "许亚飞", "王亮"]);
    assert_eq!(
        names(&p.agents),
        ["北京银龙知识产权代理有限公司 11243", "许静", "安利霞"]
    );
    assert_eq!(p.claims.len(), 12);
    assert!(claim(&p, 1).text.starts_with("一种医用放射治疗装置"));
    assert_eq!(claim(&p, 2).refers_to, [1]);
    assert_eq!(claim(&p, 5).refers_to, [1, 2, 3, 4]);
    assert_eq!(
        headings(&p),
        [
            (1, "技术领域"),
            (1, "背景技术"),
            (1, "发明内容"),
            (1, "附图说明"),
            (1, "具体实施方式")
        ]
    );
}

/// Damaged documents are errors, never panics: every file cut at many points, and with its
/// publication number removed.
#[test]
fn damaged_documents_are_errors_not_panics() {
    use patdex::parse::{ParseError, parse_document};
    let data = require_shared!();
    let mut files = files_under(&data.join(OLD));
    files.extend(files_under(&data.join(NEW)));
    for f in &files {
        let raw = std::fs::read(f).unwrap();
        for i in 1..40 {
            let cut = &raw[..raw.len() * i / 40];
            assert!(
                parse_document(cut).is_err(),
                "{} cut at {i}/40",
                f.display()
            );
        }
        let text = String::from_utf8(raw).unwrap();
        let (open, close) = if text.contains("<doc-number>") {
            ("<doc-number>", "</doc-number>")
        } else {
            ("<base:DocNumber>", "</base:DocNumber>")
        };
        // Empty every document number: the publication's, the application's, the priorities'.
        let mut emptied = String::new();
        let mut rest = text.as_str();
        while let Some(a) = rest.find(open) {
            let b = rest[a..].find(close).map(|b| a + b).unwrap();
            emptied.push_str(&rest[..a + open.len()]);
            rest = &rest[b..];
        }
        emptied.push_str(rest);
        // The XSD root repeats the number as an attribute.
        let emptied = emptied.replace(" docNumber=", " x-docNumber=");
        match parse_document(emptied.as_bytes()) {
            Err(ParseError::Number(m)) => assert!(m.contains("doc-number"), "{m}"),
            other => panic!("{}: {other:?}", f.display()),
        }
    }
}
