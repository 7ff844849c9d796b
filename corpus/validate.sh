#!/usr/bin/env bash
# Validate every document of the patdex sample corpus against its USPTO DTD.
#
# usage: corpus/validate.sh [DTD_DIR]
#   DTD_DIR  directory holding the USPTO DTDs (us-patent-grant-v45-2014-04-03.dtd,
#            us-patent-application-v44-2014-04-03.dtd, ...);
#            default: ../shared/data/uspto/dtd relative to the repository root.
#
# The two corpus files are split into single documents, and each one is checked with
#   xmllint --noout --valid --nonet --path <dtd dir>
# Exit status is non-zero if any document fails; the failing documents are named.
#
# The USPTO DTDs pull in two third-party modules: the W3C MathML 2.0 DTD (with its
# entity and qname modules) and the OASIS Exchange Table Model (soextblx.dtd).  If
# the DTD directory does not contain them, the script builds a temporary overlay
# directory that links the USPTO DTDs and supplies those two modules: the real ones
# when they are installed on the system (Debian/Ubuntu packages w3c-sgml-lib and
# docbook-xml), otherwise minimal stand-ins that declare only <math> and <table>.
# The corpus contains no <math> or <table> elements (checked below), so the
# stand-ins cannot hide an error in the corpus itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
dtd_dir="${1:-$repo/../shared/data/uspto/dtd}"
grants="$here/ipg_patdex_sample.xml"
apps_zip="$here/ipa_patdex_sample.zip"
apps_member="ipa_patdex_sample.xml"

die() { echo "validate.sh: $*" >&2; exit 2; }

command -v xmllint >/dev/null 2>&1 || die "xmllint not found (Debian/Ubuntu: apt-get install libxml2-utils)"
[ -d "$dtd_dir" ] || die "DTD directory not found: $dtd_dir"
dtd_dir="$(cd "$dtd_dir" && pwd)"
[ -f "$grants" ] || die "missing $grants (run: python3 corpus/generate.py)"
[ -f "$apps_zip" ] || die "missing $apps_zip (run: python3 corpus/generate.py)"

work="$(mktemp -d "${TMPDIR:-/tmp}/patdex-validate.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# ---- extract the applications ------------------------------------------------
apps="$work/$apps_member"
if command -v unzip >/dev/null 2>&1; then
    unzip -p "$apps_zip" "$apps_member" > "$apps"
elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
        "$apps_zip" "$apps_member" > "$apps"
else
    die "need unzip or python3 to read $apps_zip"
fi

# ---- split the concatenated files: a new document starts at each <?xml line ----
split_docs() { # $1 = concatenated file, $2 = output prefix
    awk -v prefix="$2" '
        /^[ \t]*<\?xml / { n++; out = sprintf("%s-%03d.xml", prefix, n) }
        { if (out == "") { print "text before the first <?xml declaration" > "/dev/stderr"; exit 3 }
          print > out }
        /<\/us-patent-(grant|application)>/ { close(out) }
        END { print n }' "$1"
}
mkdir -p "$work/docs"
n_grants="$(split_docs "$grants" "$work/docs/grant")"
n_apps="$(split_docs "$apps" "$work/docs/app")"
echo "split: $n_grants grant documents, $n_apps application documents"

status=0
if [ "$n_grants" -lt 60 ] || [ "$n_grants" -gt 80 ]; then
    echo "FAIL: expected 60 to 80 grants, found $n_grants" >&2; status=1
fi
if [ "$n_apps" -lt 6 ] || [ "$n_apps" -gt 10 ]; then
    echo "FAIL: expected 6 to 10 applications, found $n_apps" >&2; status=1
fi

# ---- DTD search path ---------------------------------------------------------
find_mathml() {
    local f
    if command -v xmlcatalog >/dev/null 2>&1 && [ -f /etc/xml/catalog ]; then
        f="$(xmlcatalog --noout /etc/xml/catalog "-//W3C//DTD MathML 2.0//EN" 2>/dev/null | sed -n 's|^file://||p' | head -n1)"
        if [ -n "$f" ] && [ -f "$f" ]; then echo "$f"; return; fi
    fi
    for f in /usr/share/xml/w3c-sgml-lib/schema/dtd/*MathML2*/mathml2.dtd /usr/share/xml/schema/w3c/mathml/dtd/mathml2.dtd; do
        if [ -f "$f" ]; then echo "$f"; return; fi
    done
}
find_calstblx() {
    # the USPTO DTD overrides %tbl.entry.mdl; and needs the original OASIS soextblx.dtd
    # (DocBook >= 4.3 ships a modified copy whose <entry> declaration rejects the override)
    local f
    for f in /usr/share/xml/docbook/schema/dtd/4.2/soextblx.dtd /usr/share/xml/docbook/schema/dtd/4.1.2/soextblx.dtd \
             /usr/share/xml/docbook/schema/dtd/4.1/soextblx.dtd /usr/share/xml/docbook/schema/dtd/4.0/soextblx.dtd \
             /usr/share/xml/docbook/schema/dtd/*/soextblx.dtd; do
        if [ -f "$f" ] && grep -q 'ELEMENT entry %tbl.entry.mdl;>' "$f"; then echo "$f"; return; fi
    done
}

stubbed=0
if [ -f "$dtd_dir/soextblx.dtd" ] && [ -f "$dtd_dir/mathml2-qname-1.mod" ]; then
    path="$dtd_dir"
    echo "DTDs: $dtd_dir (complete)"
else
    path="$work/dtd"
    mkdir -p "$path"
    for f in "$dtd_dir"/*; do ln -s "$f" "$path/$(basename "$f")"; done
    rm -f "$path/mathml2.dtd" "$path/soextblx.dtd"
    mathml="$(find_mathml || true)"
    if [ -n "$mathml" ]; then
        printf '<!ENTITY %% w3c-mathml2 SYSTEM "file://%s">\n%%w3c-mathml2;\n' "$mathml" > "$path/mathml2.dtd"
        echo "DTDs: $dtd_dir + MathML 2.0 from $mathml"
    else
        printf '<!-- stand-in for the W3C MathML 2.0 DTD (not installed) -->\n<!ELEMENT math ANY>\n' > "$path/mathml2.dtd"
        echo "DTDs: $dtd_dir + MathML stand-in (install w3c-sgml-lib for the real module)"
        stubbed=1
    fi
    tbl="$(find_calstblx || true)"
    if [ -n "$tbl" ]; then
        printf '<!ENTITY %% oasis-calstblx SYSTEM "file://%s">\n%%oasis-calstblx;\n' "$tbl" > "$path/soextblx.dtd"
        echo "DTDs: $dtd_dir + OASIS table model from $tbl"
    else
        printf '<!-- stand-in for the OASIS Exchange Table Model (not installed) -->\n<!ELEMENT table ANY>\n' > "$path/soextblx.dtd"
        echo "DTDs: $dtd_dir + table-model stand-in (install docbook-xml for the real module)"
        stubbed=1
    fi
fi
if [ "$stubbed" = 1 ] && grep -l -E '<(math|table)[ >]' "$work"/docs/*.xml >/dev/null 2>&1; then
    echo "FAIL: a document uses <math> or <table>, which cannot be checked with the stand-in modules" >&2
    status=1
fi

# ---- validate ----------------------------------------------------------------
log="$work/xmllint.log"
if ! xmllint --noout --valid --nonet --path "$path" "$work"/docs/*.xml > "$log" 2>&1; then
    status=1
fi
if [ -s "$log" ]; then
    # xmllint prints "file:line: ..." for every problem; name the documents that failed
    failed="$(grep -o "$work/docs/[a-z]*-[0-9]*\.xml" "$log" | sort -u || true)"
    for f in $failed; do
        id="$(grep -o -m1 'file="[^"]*"' "$f" | sed 's/file="//; s/"$//')"
        echo "FAIL: $(basename "$f") ($id)" >&2
    done
    sed "s|$work/docs/||g" "$log" | head -n 60 >&2
    status=1
fi

if [ "$status" = 0 ]; then
    echo "OK: all $((n_grants + n_apps)) documents are valid"
fi
exit "$status"
