//! Query translation between patdex, Espacenet and Patent Public Search (PPUBS), through the
//! library: tables of translations in each direction written from the systems' help pages,
//! round trips, every kind of loss with the place it points at, errors in malformed foreign
//! queries, and junk that must never panic.

use patdex::query::ast::Loc;
use patdex::query::parse;
use patdex::query::translate::{Loss, System, to_patdex, translate, translate_with};

use patdex::cli::translate as cli_translate;

/// No scheme: `/low` stays a code with a loss for PPUBS.
fn no_classes() -> patdex::classes::Classes {
    patdex::classes::Classes::at(std::path::Path::new("/nonexistent/patdex-index"))
}

use System::{Espacenet, Patdex, Ppubs};

fn ok(q: &str, from: System, to: System) -> (String, Vec<Loss>) {
    match translate(q, from, to) {
        Ok(t) => (t.query, t.losses),
        Err(e) => panic!("`{q}` ({from} → {to}) failed:\n{e}"),
    }
}

/// Each case translates to the expected text with no loss.
fn table(cases: &[(&str, &str)], from: System, to: System) {
    let mut failures = Vec::new();
    for (q, want) in cases {
        let (got, losses) = ok(q, from, to);
        if got != *want || !losses.is_empty() {
            failures.push(format!(
                "`{q}`\n   want `{want}`\n    got `{got}`{}",
                losses
                    .iter()
                    .map(|l| format!("\n   lost `{}`: {}", l.source, l.reason))
                    .collect::<String>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{from} → {to}:\n{}",
        failures.join("\n")
    );
}

#[test]
fn patdex_to_espacenet() {
    table(
        &[
            ("battery", "ftxt=battery"),
            ("=battery", "ftxt=\"battery\""),
            ("batter*", "ftxt=batter*"),
            ("\"lithium ion battery\"", "ftxt=\"lithium ion battery\""),
            ("lithium ADJ ion", "ftxt=\"lithium ion\""),
            ("rotor AND blade", "ftxt=(rotor AND blade)"),
            ("rotor blade", "ftxt=(rotor AND blade)"),
            ("rotor OR propeller", "ftxt=(rotor OR propeller)"),
            ("rotor NOT helicopter", "ftxt=(rotor NOT helicopter)"),
            ("rotor -helicopter", "ftxt=(rotor NOT helicopter)"),
            (
                "(battery OR cell*) NEAR/5 (anode OR cathode)",
                "ftxt=((battery OR cell*) prox/distance<5 (anode OR cathode))",
            ),
            (
                "(\"lithium ion\" OR li-ion) ADJ/3 batter*",
                "ftxt=((\"lithium ion\" OR \"li ion\") prox/distance<3/ordered batter*)",
            ),
            (
                "sulfide* WITH electrolyte*",
                "ftxt=(sulfide* prox/unit=sentence electrolyte*)",
            ),
            ("rotor SAME blade", "ftxt=(rotor prox/unit=paragraph blade)"),
            ("ti:(membrane OR filtration)", "ti=(membrane OR filtration)"),
            ("ab:\"solid electrolyte\"", "ab=\"solid electrolyte\""),
            (
                "cl:(rotor NEAR/3 blade*)",
                "claims=(rotor prox/distance<3 blade*)",
            ),
            (
                "desc:\"comparative example\"",
                "desc=\"comparative example\"",
            ),
            ("pa:(northwind OR kestrel)", "pa=(northwind OR kestrel)"),
            ("in:(kim AND choi)", "in=(kim AND choi)"),
            ("ti:rotor ab:blade", "ti=rotor AND ab=blade"),
            ("cpc:H01M10", "cpc=H01M10"),
            ("cpc:(H01M OR H02J)", "cpc=(H01M OR H02J)"),
            ("cpc:H01M10/0525/low", "cpc=H01M10/0525/low"),
            ("ipc:H01M10/05*", "ipc=H01M10/05*"),
            ("cpc:\"h01m 10/0525\"", "cpc=H01M10/0525"),
            ("pd:2015", "pd=2015"),
            ("pd:2015-03", "pd within \"20150301 20150331\""),
            ("pd:2015-03-17", "pd=20150317"),
            ("pd:[2010 TO 2015]", "pd within \"2010 2015\""),
            ("pd>=2019-01-01", "pd>=2019"),
            ("pd<2005", "pd<=2004"),
            ("ad<=2012-06", "ad<=20120630"),
            ("prd:[2019-06 TO *]", "prd>=20190601"),
            ("pn:US7654321B2", "pn=US7654321B2"),
            ("pn:\"US 7,654,321 B2\"", "pn=US7654321B2"),
            ("US 7,654,321 B2", "pn=US7654321B2"),
            ("an:13/349,377", "ap=US13349377"),
            ("ct:US5843607", "ct=US5843607"),
            ("cc:EP", "pn=EP"),
            (
                "(ti:rotor OR ab:rotor) NOT cpc:B64C",
                "(ti=rotor OR ab=rotor) NOT cpc=B64C",
            ),
            ("ti:rotor pd>=2015", "ti=rotor AND pd>=2015"),
            ("and", "ftxt=\"and\""),
        ],
        Patdex,
        Espacenet,
    );
}

#[test]
fn patdex_to_ppubs() {
    table(
        &[
            ("battery", "battery"),
            ("=battery", "\"battery\""),
            ("batter*", "batter$"),
            ("colo?r", "colo?r"),
            ("*ode", "$ode"),
            ("\"lithium ion battery\"", "lithium ADJ ion ADJ battery"),
            ("=\"lithium ion\"", "\"lithium\" ADJ \"ion\""),
            ("li-ion", "li ADJ ion"),
            ("rotor AND blade", "rotor AND blade"),
            ("rotor OR propeller", "rotor OR propeller"),
            ("rotor NOT helicopter", "rotor NOT helicopter"),
            ("rotor -helicopter", "rotor NOT helicopter"),
            ("a b -c -d", "(a AND b) NOT c NOT d"),
            (
                "(battery OR cell*) NEAR/5 (anode OR cathode)",
                "(battery OR cell$) NEAR5 (anode OR cathode)",
            ),
            ("rotor ADJ/3 blade", "rotor ADJ3 blade"),
            ("rotor NEAR blade", "rotor NEAR blade"),
            (
                "(rotor NEAR/3 blade*) WITH (pitch OR yaw)",
                "(rotor NEAR3 blade$) WITH (pitch OR yaw)",
            ),
            ("sulfide SAME lithium", "sulfide SAME lithium"),
            (
                "ti:(membrane OR filtration)",
                "(membrane OR filtration).ti.",
            ),
            ("ab:\"solid electrolyte\"", "(solid ADJ electrolyte).ab."),
            ("cl:(rotor NEAR/3 blade*)", "(rotor NEAR3 blade$).clm."),
            ("desc:lens", "lens.spec."),
            (
                "pa:(northwind OR kestrel)",
                "(northwind OR kestrel).as,aanm.",
            ),
            ("in:kim", "kim.in."),
            ("ti:rotor blade", "rotor.ti. AND blade"),
            ("cpc:H01M10", "H01M10/$.cpc."),
            ("cpc:H01M10/0525", "H01M10/0525.cpc."),
            ("cpc:H01M", "H01M$.cpc."),
            ("ipc:H01M10/05*", "H01M10/05$.ipc."),
            ("cpc:(H01M OR H02J)", "(H01M$ OR H02J$).cpc."),
            ("pd:[2010 TO 2015]", "@pd>=\"20100101\"<=\"20151231\""),
            ("pd:2015-03", "@pd>=\"20150301\"<=\"20150331\""),
            ("pd>=2019-01-01", "@pd>=20190101"),
            ("pd<2005", "@pd<=20041231"),
            ("ad:2012-06-05", "@ad=20120605"),
            ("prd>=2019", "@prad>=20190101"),
            ("pn:US7654321B2", "US-7654321-B2.did."),
            ("pn:7654321", "7654321.pn."),
            ("US 2015/0075015 A1", "US-20150075015-A1.did."),
            ("an:13/349,377", "13349377.ap."),
            ("ct:US5843607", "5843607.urpn."),
            ("kind:B2", "B2.kd."),
            ("with", "\"with\""),
            ("ti:rotor pd>=2015", "rotor.ti. AND @pd>=20150101"),
        ],
        Patdex,
        Ppubs,
    );
}

#[test]
fn espacenet_to_patdex() {
    table(
        &[
            ("ti=battery", "ti:battery"),
            ("ti=\"battery\"", "ti:=battery"),
            ("ti=\"mouse trap\"", "ti:\"mouse trap\""),
            ("ti=mouse AND ab=trap", "ti:mouse AND ab:trap"),
            ("ti=mouse OR ti=trap", "ti:(mouse OR trap)"),
            ("ti=mouse ti=trap", "ti:(mouse AND trap)"),
            ("ti=mouse NOT ti=trap", "ti:mouse AND -ti:trap"),
            (
                "ti all \"paint brush hair\"",
                "ti:(paint AND brush AND hair)",
            ),
            ("ti any \"motor engine\"", "ti:(motor OR engine)"),
            (
                "ta=\"laser printer\"",
                "ti:\"laser printer\" OR ab:\"laser printer\"",
            ),
            ("mouse prox/distance<3 trap", "mouse NEAR/3 trap"),
            ("mouse prox/distance<=3 trap", "mouse NEAR/4 trap"),
            ("mouse prox/distance<3/ordered trap", "mouse ADJ/3 trap"),
            ("mouse prox/unit=sentence trap", "mouse WITH trap"),
            ("mouse prox/unit=paragraph trap", "mouse SAME trap"),
            (
                "ia=Apple prox/ordered ia=Corp",
                "pa:\"Apple Corp\" OR in:\"Apple Corp\"",
            ),
            (
                "claims=(rotor prox/distance<3 blade*)",
                "cl:(rotor NEAR/3 blade*)",
            ),
            (
                "ti=rotor prox/distance<3 ti=blade",
                "ti:(rotor NEAR/3 blade)",
            ),
            ("desc=lens", "desc:lens"),
            ("ftxt=microscope", "microscope"),
            ("pa=siemens AND in=smith", "pa:siemens AND in:smith"),
            ("cpc=H01M10/0525/low", "cpc:H01M10/0525/low"),
            ("cpc=\"A61K31/13\"", "cpc:A61K31/13"),
            ("cl=C10J3", "cpc:C10J3 OR ipc:C10J3"),
            ("ipc=a63b49/08", "ipc:A63B49/08"),
            ("pd within \"2005 2006\"", "pd:[2005 TO 2006]"),
            ("pd within \"2005, 2006\"", "pd:[2005 TO 2006]"),
            ("pd=20080107", "pd:2008-01-07"),
            ("pd=\"07/01/2008\"", "pd:2008-01-07"),
            ("pd=07.01.2008", "pd:2008-01-07"),
            ("pd>=2010", "pd>=2010"),
            ("pd <=2005", "pd<=2005"),
            ("pd>2015", "pd>=2016"),
            ("pn=EP1000000", "pn:EP1000000"),
            ("pn=US", "cc:US"),
            ("ct=EP1000000", "ct:EP1000000"),
            ("ap=US13349377", "an:13349377"),
            ("car?", "car OR car?"),
            ("ti=colo#r", "ti:colo?r"),
            (
                "(ti=rotor OR ab=rotor) NOT cpc=B64C",
                "(ti:rotor OR ab:rotor) AND -cpc:B64C",
            ),
            ("a OR b AND c", "(a OR b) AND c"),
            ("a and b", "a AND b"),
            ("Siemens 20110316", "Siemens AND pd:2011-03-16"),
            ("H01M5/12", "cpc:H01M5/12 OR ipc:H01M5/12"),
            ("EP1000000", "pn:EP1000000"),
        ],
        Espacenet,
        Patdex,
    );
}

#[test]
fn ppubs_to_patdex() {
    table(
        &[
            ("radar.ti.", "ti:radar"),
            ("radar[ti]", "ti:radar"),
            ("tube.clm.", "cl:tube"),
            ("tube.clms.", "cl:tube"),
            ("(a OR b).ti.", "ti:(a OR b)"),
            ("(rotor ADJ blade).clm.", "cl:\"rotor blade\""),
            ("lithium ADJ ion ADJ battery", "\"lithium ion battery\""),
            ("(\"lithium\" ADJ \"ion\")", "=\"lithium ion\""),
            ("\"battery\"", "=battery"),
            ("\"lithium ion\"", "\"lithium ion\""),
            ("rotor ADJ3 blade", "rotor ADJ/3 blade"),
            ("rotor adj3 blade", "rotor ADJ/3 blade"),
            ("rotor NEAR blade", "rotor NEAR/1 blade"),
            ("rotor NEAR5 blade", "rotor NEAR/5 blade"),
            ("rotor WITH blade", "rotor WITH blade"),
            ("rotor SAME blade", "rotor SAME blade"),
            ("a AND b OR c", "(a AND b) OR c"),
            ("a OR b AND c", "a OR (b AND c)"),
            ("a NOT b OR c", "a AND -(b OR c)"),
            ("a XOR b", "(a OR b) AND -(a AND b)"),
            ("a AND b NEAR3 c", "a AND (b NEAR/3 c)"),
            ("kilo$", "kilo*"),
            ("build$2", "build OR build? OR build??"),
            ("adapt?r", "adapt?r"),
            ("F16L11/00.cpc.", "cpc:F16L11/00"),
            ("H01M$.cpc.", "cpc:H01M"),
            ("H01M10/$.cpc.", "cpc:H01M10"),
            ("H01M10/05$.cpc.", "cpc:H01M10/05*"),
            ("US-11449323-B2.did.", "pn:US11449323B2"),
            ("7654321.pn.", "pn:US7654321"),
            ("13349377.ap.", "an:13349377"),
            ("5843607.urpn.", "ct:US5843607"),
            ("B2.kd.", "kind:B2"),
            ("2006.ay.", "ad:2006"),
            ("20110811.fd.", "ad:2011-08-11"),
            ("2015.py.", "pd:2015"),
            ("@pd>=\"20100101\"<=\"20151231\"", "pd:[2010 TO 2015]"),
            ("@pd>=20100101", "pd>=2010"),
            ("@ad<20100101", "ad<=2009"),
            ("@pd=20150317", "pd:2015-03-17"),
            (
                "(northwind OR kestrel).as,aanm.",
                "pa:(northwind OR kestrel)",
            ),
            ("kim.in.", "in:kim"),
            ("(a OR b).ti,ab.", "ti:a OR ab:a OR ti:b OR ab:b"),
            (
                "(rotor NEAR3 blade$).clm. AND @pd>=20100101",
                "cl:(rotor NEAR/3 blade*) AND pd>=2010",
            ),
        ],
        Ppubs,
        Patdex,
    );
}

/// Queries with no loss in the target, whose round trip must come back with the same meaning:
/// the same canonical text as the original.
fn round_trips(queries: &[&str], target: System) {
    let mut failures = Vec::new();
    for q in queries {
        let canonical = ok(q, Patdex, Patdex).0;
        let (there, losses) = ok(q, Patdex, target);
        assert!(
            losses.is_empty(),
            "`{q}` → {target} `{there}` has losses: {losses:?}"
        );
        let (back, back_losses) = ok(&there, target, Patdex);
        if back != canonical || !back_losses.is_empty() {
            failures.push(format!(
                "`{q}` → `{there}` → `{back}` (want `{canonical}`) {back_losses:?}"
            ));
        }
        if plain(q) {
            assert_eq!(to_patdex(&parse::parse(q).unwrap()), canonical, "`{q}`");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Not a bare publication number (which `translate` reads as `pn:`, and the parser as words).
fn plain(q: &str) -> bool {
    !q.starts_with("US ")
}

const COMMON_ROUND_TRIPS: &[&str] = &[
    "battery",
    "=battery",
    "batter*",
    "\"lithium ion battery\"",
    "lithium ADJ ion",
    "rotor AND blade",
    "rotor OR propeller",
    "rotor NOT helicopter",
    "rotor -helicopter",
    "a b -c -d",
    "(battery OR cell*) NEAR/5 (anode OR cathode)",
    "(\"lithium ion\" OR li-ion) ADJ/3 batter*",
    "sulfide* WITH electrolyte*",
    "rotor SAME blade",
    "rotor NEAR blade",
    "ti:(membrane OR filtration) ab:\"solid electrolyte\"",
    "cl:(rotor NEAR/3 blade*) OR desc:\"comparative example\"",
    "pa:(northwind OR kestrel) in:(kim AND choi)",
    "cpc:H01M10 OR cpc:H01M10/0525 OR ipc:H01M10/05* OR cpc:H01M",
    "pd:2015-03 pd:[2010 TO 2015] pd>=2019-01-01 pd<2005",
    "ad<=2012-06 prd:[2019-06 TO *] pd:2015-03-17 pd:2015",
    "pn:US7654321B2 an:13349377 ct:US5843607",
    "(ti:rotor OR ab:rotor) NOT (cpc:B64C OR helicopter*)",
    "US 7,654,321 B2",
];

#[test]
fn round_trips_through_espacenet() {
    round_trips(COMMON_ROUND_TRIPS, Espacenet);
    round_trips(
        &["cpc:H01M10/0525/low", "cc:EP ti:rotor", "=and OR ti:=or"],
        Espacenet,
    );
}

#[test]
fn round_trips_through_ppubs() {
    round_trips(COMMON_ROUND_TRIPS, Ppubs);
    round_trips(
        &[
            "colo?r",
            "*ode",
            "=\"lithium ion\"",
            "(rotor NEAR/3 blade*) WITH (pitch OR yaw)",
            "((a ADJ/2 b) NEAR/4 c) SAME d",
            "cpc:H kind:B2 pn:7654321",
            "=with OR ti:=near",
        ],
        Ppubs,
    );
}

/// The one loss `q` gives, checked for where it points and what it says.
fn one_loss(q: &str, from: System, to: System, source: &str, says: &str) -> String {
    let (out, losses) = ok(q, from, to);
    assert_eq!(losses.len(), 1, "`{q}` → `{out}`: {losses:#?}");
    let l = &losses[0];
    assert_eq!(l.source, source, "`{q}`: {l:?}");
    assert_eq!(&q[l.loc.start..l.loc.end], source, "`{q}`: {l:?}");
    assert!(
        l.reason.contains(says),
        "`{q}`: `{}` lacks `{says}`",
        l.reason
    );
    out
}

#[test]
fn losses_writing_espacenet() {
    let to = |q: &str, source: &str, says: &str| one_loss(q, Patdex, Espacenet, source, says);
    assert_eq!(
        to(
            "icl:(sulfide WITH lithium)",
            "icl:(sulfide WITH lithium)",
            "independent claims"
        ),
        "claims=(sulfide prox/unit=sentence lithium)"
    );
    assert_eq!(to("rotor kind:B2", "kind:B2", "kind-code"), "ftxt=rotor");
    assert_eq!(
        to("rotor lacks:claims", "lacks:claims", "lack a part"),
        "ftxt=rotor"
    );
    assert_eq!(
        to("rotor exp>2026-11-21", "exp>2026-11-21", "end-of-term"),
        "ftxt=rotor"
    );
    assert_eq!(
        to("rotor pd:[* TO *]", "pd:[* TO *]", "open at both ends"),
        "ftxt=rotor"
    );
    assert_eq!(to("colo?r", "colo?r", "only at the end"), "ftxt=colo#r");
    assert_eq!(to("ti:*ode", "*ode", "left truncation"), "ti=*ode");
    assert_eq!(
        to("=\"lithium ion\"", "=\"lithium ion\"", "exact phrase"),
        "ftxt=\"lithium ion\""
    );
    assert_eq!(
        to(
            "(rotor NEAR/3 blade*) WITH (pitch OR yaw)",
            "(rotor NEAR/3 blade*) WITH (pitch OR yaw)",
            "cannot nest"
        ),
        "ftxt=((rotor prox/distance<3 blade*) AND ((rotor OR blade*) prox/unit=sentence (pitch OR yaw)))"
    );
    assert_eq!(
        to(
            "cl:((a ADJ/2 b) NEAR/4 c)",
            "((a ADJ/2 b) NEAR/4 c)",
            "paragraph"
        ),
        "claims=((a prox/distance<2/ordered b) AND ((a OR b) prox/unit=paragraph c))"
    );
}

/// The losses `q` gives, as (source, reason).
fn losses(q: &str, from: System, to: System) -> (String, Vec<(String, String)>) {
    let (out, losses) = ok(q, from, to);
    for l in &losses {
        assert_eq!(&q[l.loc.start..l.loc.end], l.source, "`{q}`: {l:?}");
    }
    (
        out,
        losses.into_iter().map(|l| (l.source, l.reason)).collect(),
    )
}

#[test]
fn dropped_parts_take_their_group_and_say_so() {
    for to in [Espacenet, Ppubs] {
        // A negation that is not the right side of a NOT: the OR it is in would match nearly
        // everything, so the OR goes, and both are reported.
        let (out, l) = losses("rotor (blade OR -helicopter)", Patdex, to);
        assert!(out.ends_with("rotor"), "{out}");
        assert_eq!(l.len(), 2, "{l:?}");
        assert_eq!(l[0].0, "(blade OR -helicopter)");
        assert!(l[0].1.contains("whole OR is left out"), "{l:?}");
        assert_eq!(l[1].0, "-helicopter");
        assert!(l[1].1.contains("NOT only between two parts"), "{l:?}");
        // Under a negation a dropped part takes the negation with it (broader, not narrower).
        let (out, l) = losses("rotor -(blade lacks:claims)", Patdex, to);
        assert!(out.ends_with("rotor"), "{out}");
        assert_eq!(l.len(), 2, "{l:?}");
        assert_eq!(l[0].0, "(blade lacks:claims)");
        assert!(l[0].1.contains("NOT is left out"), "{l:?}");
        assert_eq!(l[1].0, "lacks:claims");
        // A dropped part inside an AND leaves the rest of the AND.
        let (out, l) = losses("rotor (blade kind:grant)", Patdex, to);
        assert!(out.contains("blade"), "{out}");
        assert_eq!(l.len(), 1, "{l:?}");
    }
    let (out, l) = losses("rotor AND (blade OR 416/223.ccls.)", Ppubs, Patdex);
    assert_eq!(out, "rotor");
    assert_eq!(l.len(), 2, "{l:?}");
    assert!(l[0].1.contains("whole OR"), "{l:?}");
    let (out, l) = losses("rotor NOT (blade AND pr=EP20050104792)", Espacenet, Patdex);
    assert_eq!(out, "rotor");
    assert!(l[0].1.contains("NOT is left out"), "{l:?}");
}

#[test]
fn losses_writing_ppubs() {
    let to = |q: &str, source: &str, says: &str| one_loss(q, Patdex, Ppubs, source, says);
    assert_eq!(
        to("cpc:H01M10/0525/low", "H01M10/0525/low", "no /low"),
        "H01M10/0525.cpc."
    );
    assert_eq!(
        to("ti:x pn:EP1000000", "pn:EP1000000", "US documents only"),
        "x.ti."
    );
    assert_eq!(
        to("ti:x ct:EP1000000", "ct:EP1000000", "US documents only"),
        "x.ti."
    );
    assert_eq!(to("rotor kind:design", "kind:design", "database"), "rotor");
    assert_eq!(to("rotor cc:US", "cc:US", "US documents only"), "rotor");
    assert_eq!(
        to("rotor icl:blade", "icl:blade", "independent claims"),
        "rotor AND blade.clm."
    );
    assert_eq!(
        to(
            "rotor lacks:description",
            "lacks:description",
            "lack a part"
        ),
        "rotor"
    );
    assert_eq!(to("rotor exp<2030", "exp<2030", "end-of-term"), "rotor");
    // The NOT keeps a left side (rotor) once lacks: is left out.
    assert_eq!(
        to(
            "rotor (lacks:claims NOT helicopter)",
            "lacks:claims",
            "lack a part"
        ),
        "rotor NOT helicopter"
    );
}

#[test]
fn low_expands_for_ppubs_when_the_groups_are_known() {
    let low = |field: &str, code: &str| -> Option<Vec<String>> {
        (field == "cpc" && code == "H01M10/052").then(|| {
            vec![
                "H01M10/052".into(),
                "H01M10/0525".into(),
                "h01m 10/0527".into(),
            ]
        })
    };
    let t = translate_with("cpc:H01M10/052/low battery", Patdex, Ppubs, &low).unwrap();
    assert_eq!(
        t.query,
        "(H01M10/052 OR H01M10/0525 OR H01M10/0527).cpc. AND battery"
    );
    assert!(t.losses.is_empty(), "{:?}", t.losses);
    // Not known: the code alone, and a loss.
    let t = translate_with("ipc:H01M10/052/low", Patdex, Ppubs, &low).unwrap();
    assert_eq!(t.query, "H01M10/052.ipc.");
    assert_eq!(t.losses.len(), 1);
    // Espacenet has /low itself and never asks.
    let never = |_: &str, _: &str| -> Option<Vec<String>> { panic!("asked") };
    let t = translate_with("cpc:H01M10/052/low", Patdex, Espacenet, &never).unwrap();
    assert_eq!(t.query, "cpc=H01M10/052/low");
}

#[test]
fn losses_reading_espacenet() {
    let from = |q: &str, source: &str, says: &str| one_loss(q, Espacenet, Patdex, source, says);
    assert_eq!(
        from(
            "ti=rotor AND pr=ep20050104792",
            "pr=ep20050104792",
            "priority-number"
        ),
        "ti:rotor"
    );
    assert_eq!(
        from("num=EP1000000", "num=EP1000000", "publication number only"),
        "pn:EP1000000"
    );
    assert_eq!(
        from("cpci=H01M10", "cpci=H01M10", "inventive"),
        "cpc:H01M10"
    );
    assert_eq!(
        from("cpcc=C08F8/30", "cpcc=C08F8/30", "combination"),
        "cpc:C08F8/30"
    );
    assert_eq!(
        from("ti=x ap=EP20050104792", "ap=EP20050104792", "US serial"),
        "ti:x"
    );
    assert_eq!(
        from(
            "a prox/unit=sentence/ordered b",
            "prox/unit=sentence/ordered",
            "no order"
        ),
        "a WITH b"
    );
    assert_eq!(
        from("a prox/distance=2 b", "prox/distance=2", "exact distance"),
        "a NEAR/3 b"
    );
    assert_eq!(
        from("a prox/distance>2 b", "prox/distance>2", "minimum distance"),
        "a AND b"
    );
    assert_eq!(
        from(
            "a AND b prox/distance<2 c",
            "a AND b prox/distance<2 c",
            "OR-groups"
        ),
        "a AND b AND c"
    );
    assert_eq!(
        from(
            "ti=a prox/distance<2 ab=b",
            "ti=a prox/distance<2 ab=b",
            "same text field"
        ),
        "ti:a AND ab:b"
    );
    assert_eq!(from("ti=ab???c????", "ab???c????", "read as *"), "ti:ab*c*");
}

#[test]
fn losses_reading_ppubs() {
    let from = |q: &str, source: &str, says: &str| one_loss(q, Ppubs, Patdex, source, says);
    assert_eq!(
        from("rotor blade", "blade", "Default operator"),
        "rotor OR blade"
    );
    assert_eq!(
        from("rotor blade hub", "blade", "Default operator"),
        "rotor OR blade OR hub"
    );
    assert_eq!(
        from("rotor AND 416/223.ccls.", "416/223.ccls.", "USPC"),
        "rotor"
    );
    assert_eq!(
        from("rotor.bsum.", "rotor.bsum.", "whole description"),
        "desc:rotor"
    );
    assert_eq!(
        from("H01M10.cpci.", "H01M10.cpci.", "inventive"),
        "cpc:H01M10"
    );
    assert_eq!(
        from("kestrel.as.", "kestrel.as.", "assignee and applicant"),
        "pa:kestrel"
    );
    assert_eq!(
        from("kestrel.aanm.", "kestrel.aanm.", "assignee and applicant"),
        "pa:kestrel"
    );
    assert_eq!(from("a WITH2 b", "WITH2", "2 sentences"), "a SAME b");
    assert_eq!(
        from("a SAME3 b", "SAME3", "never crosses a paragraph"),
        "a SAME b"
    );
    assert_eq!(
        from("a NOT SAME b", "a NOT SAME b", "NOT SAME"),
        "a AND -(a SAME b)"
    );
    assert_eq!(
        from(
            "x AND @rlad>=20100101",
            "@rlad>=20100101",
            "related-application"
        ),
        "x"
    );
    assert_eq!(from("a$9$9", "a$9$9", "read as $"), "a**");
}

/// The error `q` gives, checked for where its caret goes.
fn error_at(q: &str, from: System, to: System, at: &str, says: &str) {
    match translate(q, from, to) {
        Ok(t) => panic!("`{q}` translated to `{}`", t.query),
        Err(e) => {
            assert_eq!(e.query, q);
            assert_eq!(&q[e.loc.start..e.loc.end], at, "`{q}`:\n{e}");
            assert!(e.message.contains(says), "`{q}`:\n{e}");
            assert!(!e.hint.is_empty(), "`{q}` has no hint:\n{e}");
            assert!(e.render().contains('^'));
        }
    }
}

#[test]
fn malformed_espacenet_queries() {
    let bad = |q: &str, at: &str, says: &str| error_at(q, Espacenet, Patdex, at, says);
    bad("foo=bar", "foo", "unknown Espacenet field");
    bad("ti=(rotor", "(", "unclosed `(`");
    bad("ti=\"rotor blade", "\"", "unclosed quote");
    bad("ti=rotor)", ")", "unmatched `)`");
    bad("ti=rotor AND", "AND", "needs something on its right");
    bad("OR ti=rotor", "OR", "needs something on its left");
    bad("a prox/size=3 b", "/size=3", "unknown proximity modifier");
    bad("a prox/distance<0 b", "prox/distance<0", "1 to 10000");
    bad("a prox/distance<x b", "/distance<x", "must be a number");
    bad("pd>=2015-02-30", "2015-02-30", "not a date");
    bad(
        "pd within \"2010 2012 2015\"",
        "\"2010 2012 2015\"",
        "pair of dates",
    );
    bad("pd all 2015", "all", "not a search");
    bad("ti>=rotor", ">=", "not a search");
    bad("cpc=battery", "battery", "not a CPC code");
    bad("pn=1234ABC", "1234ABC", "not a publication number");
    bad("ti=", "ti=", "needs a value");
    bad("()", "()", "empty parentheses");
    bad("   ", "   ", "empty query");
    bad("= rotor", "=", "needs a field");
}

#[test]
fn malformed_ppubs_queries() {
    let bad = |q: &str, at: &str, says: &str| error_at(q, Ppubs, Patdex, at, says);
    bad("x.foo.", ".foo.", "unknown PPUBS field");
    bad("a ADJ0 b", "ADJ0", "1 to 10000");
    bad("(a OR b", "(", "unclosed `(`");
    bad("a OR b)", ")", "unmatched `)`");
    bad("AND a", "AND", "needs something on its left");
    bad("a NEAR", "NEAR", "needs something on its right");
    bad("@pd>=2015-02-30", "2015-02-30", "not a date");
    bad("@xd>=20150101", "@xd>=20150101", "unknown PPUBS date field");
    bad("@pd", "@pd", "not a date search");
    bad(".ti.", ".ti.", "needs a word or group");
    bad("\"open", "\"", "unclosed quote");
    bad("", "", "empty query");
    bad("(a).ti.b", ".ti.b", "unexpected");
}

#[test]
fn malformed_patdex_queries() {
    let bad = |q: &str, at: &str, says: &str| error_at(q, Patdex, Espacenet, at, says);
    bad("pd:2015-02-30", "2015-02-30", "not a date");
    bad("(a AND b) NEAR/3 c", "(a AND b)", "proximity operand");
    bad("foo:bar", "foo", "unknown field");
    bad("cpc:battery", "battery", "not a CPC code");
    bad("cl:(rotor NEAR/0 blade", "NEAR/0", "at least 1");
    let bad = |q: &str, at: &str, says: &str| error_at(q, Patdex, Ppubs, at, says);
    bad("-helicopter", "-helicopter", "nothing in this query");
    bad("lacks:claims", "lacks:claims", "nothing in this query");
}

#[test]
fn nothing_left_in_a_foreign_query() {
    error_at(
        "pr=ep20050104792",
        Espacenet,
        Patdex,
        "pr=ep20050104792",
        "nothing",
    );
    error_at("416/223.ccls.", Ppubs, Patdex, "416/223.ccls.", "nothing");
}

#[test]
fn translation_needs_patdex_on_one_side() {
    error_at(
        "ti=rotor",
        Espacenet,
        Ppubs,
        "ti=rotor",
        "from or to patdex",
    );
    let mut out = Vec::new();
    let e = cli_translate::run("ti=rotor", Ppubs, Espacenet, false, &no_classes(), &mut out)
        .unwrap_err();
    assert!(e.to_string().contains("translate from or to patdex"), "{e}");
    assert!(out.is_empty());
}

#[test]
fn patdex_to_patdex_is_the_canonical_form() {
    let (q, losses) = ok("ti:(rotor blade) NOT pd<2010", Patdex, Patdex);
    assert_eq!(q, "ti:(rotor AND blade) AND -pd<=2009");
    assert!(losses.is_empty());
}

#[test]
fn system_names() {
    for s in [Patdex, Espacenet, Ppubs] {
        assert_eq!(s.to_string().parse::<System>(), Ok(s));
    }
    assert_eq!("PPUBS".parse::<System>(), Ok(Ppubs));
    assert!("lens".parse::<System>().is_err());
}

#[test]
fn command_output() {
    let mut out = Vec::new();
    let code = cli_translate::run(
        "rotor kind:B2",
        Patdex,
        Espacenet,
        false,
        &no_classes(),
        &mut out,
    )
    .unwrap();
    assert_eq!(code, 0);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "ftxt=rotor\nlost: kind:B2 — Espacenet has no kind-code or document-type field; dropped (the query is broader)\n"
    );

    let mut out = Vec::new();
    cli_translate::run(
        "rotor.ti. bsum",
        Ppubs,
        Patdex,
        true,
        &no_classes(),
        &mut out,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["from"], "ppubs");
    assert_eq!(v["to"], "patdex");
    assert_eq!(v["query"], "ti:rotor OR bsum");
    let losses = v["losses"].as_array().unwrap();
    assert_eq!(losses.len(), 1);
    assert_eq!(losses[0]["source"], "bsum");
    assert_eq!(losses[0]["start"], 10);
    assert_eq!(losses[0]["end"], 14);

    // A bad query comes back as the QueryError itself, for the caller to print with exit 2.
    let mut out = Vec::new();
    let e = cli_translate::run(
        "ti=(rotor",
        Espacenet,
        Patdex,
        false,
        &no_classes(),
        &mut out,
    )
    .unwrap_err();
    let qe = e.downcast::<patdex::query::QueryError>().unwrap();
    assert_eq!(qe.loc, Loc::new(3, 4));
    assert!(qe.render().contains("unclosed"));
}

/// xorshift64*: deterministic junk without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "a",
    "rotor",
    "blade*",
    "colo?r",
    "$",
    "$3",
    "#",
    "?",
    "*",
    "\"",
    "\"x y\"",
    "(",
    ")",
    "((",
    "))",
    " AND ",
    " OR ",
    " NOT ",
    " XOR ",
    " ADJ ",
    " ADJ3 ",
    " NEAR/2 ",
    " NEAR0 ",
    " WITH ",
    " SAME ",
    " SAME30 ",
    " prox/distance<3 ",
    " prox/distance<=0/ordered ",
    " prox/unit=sentence ",
    " prox/ ",
    "prox",
    " all ",
    " any ",
    " within ",
    "=",
    "==",
    "<",
    ">=",
    "<=",
    "<>",
    "-",
    "=x",
    ".ti.",
    ".ti,ab.",
    "[clm]",
    ".ccls.",
    ".",
    ",",
    "@pd>=",
    "@pd>=\"2010",
    "20100101",
    "2015-02-30",
    "2015",
    "ti:",
    "ti=",
    "cpc:",
    "cpc=",
    "H01M10/0525/low",
    "H01M10/$",
    "/low",
    "pd:",
    "pd>",
    "[2010 TO 2015]",
    "[",
    "]",
    "TO",
    "pn:",
    "US7654321B2",
    "pn=",
    "lacks:",
    "claims",
    "kind:",
    "exp>",
    "icl:",
    "ta=",
    "ia=",
    "pr=",
    "\\",
    "é",
    "Größe",
    "日本",
    "\t",
    " ",
    " ",
    " ",
];

fn junk(rng: &mut Rng) -> String {
    let n = 1 + rng.below(12);
    let mut s = String::new();
    for _ in 0..n {
        if rng.below(8) == 0 {
            s.push(char::from_u32(rng.below(0x250) as u32).unwrap_or('x'));
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

#[test]
fn junk_never_panics() {
    // PATDEX_TRANSLATE_SEED and PATDEX_TRANSLATE_CASES run another or a longer series.
    let env = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let mut rng = Rng(env("PATDEX_TRANSLATE_SEED", 0x9E37_79B9_7F4A_7C15) | 1);
    let cases = env("PATDEX_TRANSLATE_CASES", 600);
    let low = |_: &str, code: &str| Some(vec![code.to_string(), format!("{code}1")]);
    let mut translated = 0;
    for _ in 0..cases {
        let q = junk(&mut rng);
        for (from, to) in [
            (Patdex, Espacenet),
            (Patdex, Ppubs),
            (Espacenet, Patdex),
            (Ppubs, Patdex),
            (Patdex, Patdex),
            (Espacenet, Ppubs),
        ] {
            let result = std::panic::catch_unwind(|| translate_with(&q, from, to, &low));
            let Ok(result) = result else {
                panic!("`{q}` ({from} → {to}) panicked");
            };
            match result {
                Ok(t) => {
                    translated += 1;
                    for l in &t.losses {
                        assert_eq!(
                            q.get(l.loc.start..l.loc.end),
                            Some(l.source.as_str()),
                            "`{q}`"
                        );
                    }
                    // What one side writes, the other reads without panicking, and what comes
                    // back to patdex is a query patdex can read.
                    if to == Patdex {
                        let node = parse::parse(&t.query)
                            .unwrap_or_else(|e| panic!("`{q}` → `{}`:\n{e}", t.query));
                        assert_eq!(to_patdex(&node), t.query, "`{q}`");
                    } else {
                        let _ = translate(&t.query, to, Patdex);
                    }
                }
                Err(e) => {
                    assert!(
                        e.loc.start <= e.loc.end && e.loc.end <= q.len(),
                        "`{q}`: {e:?}"
                    );
                    let _ = e.render();
                }
            }
        }
        if let Ok(node) = parse::parse(&q) {
            let _ = to_patdex(&node);
        }
    }
    assert!(translated > 50, "only {translated} translations succeeded");
}
