#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check a gettext catalogue against its glossary of UN terminology.

Usage: check-glossary.py CATALOGUE.po GLOSSARY.tsv
       check-glossary.py --seed SEED.json LANGUAGE GLOSSARY.tsv

The glossaries live in po/glossary/LANGUAGE.tsv: the official names of the
agencies and of the resolutions' terms as the UN writes them in that
language, so a catalogue never calls ICAT or the Working Group something
else in one message.

The glossary is UTF-8, one entry per line, three tab-separated columns:
English term (as in msgids), required target form, source note.
Empty lines and lines starting with '#' are ignored.

For every entry, every message whose msgid (or msgid_plural) contains the
English term (case-insensitive) must have every msgstr form containing the
target form (case-insensitive; typographic apostrophes and no-break spaces
are treated as their plain equivalents).  Untranslated messages count as
failures.  Exit status: 0 if all pass, 1 on any failure, 2 on usage or
format errors.  Standard library only.

With --seed, the built-in data is checked instead, so that it and the
glossary cannot drift apart: every agency, and the group itself (the
seed's top-level "group"), has a name in LANGUAGE; the glossary has a row
whose English term is that name's English form; and the name in LANGUAGE
contains the row's target form, by the same rule as a msgstr.
"""
import json
import sys
import re


def unquote(s):
    out = []
    i = 0
    esc = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\',
           'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            if n in esc:
                out.append(esc[n]); i += 2; continue
            m = re.match(r'[0-7]{1,3}', s[i + 1:])
            if m:
                out.append(chr(int(m.group(0), 8))); i += 1 + len(m.group(0)); continue
            out.append(n); i += 2; continue
        out.append(c); i += 1
    return ''.join(out)


def parse_po(path):
    """Return a list of dicts: msgctxt, msgid, msgid_plural, msgstr (list), fuzzy, obsolete."""
    entries = []
    cur = None
    field = None

    def new():
        return {'msgctxt': None, 'msgid': None, 'msgid_plural': None,
                'msgstr': {}, 'fuzzy': False}

    def flush():
        if cur is not None and cur['msgid'] is not None:
            entries.append(cur)

    cur = new()
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n').rstrip('\r')
            s = line.strip()
            if not s:
                continue
            if s.startswith('#~'):
                continue  # obsolete entries are ignored
            if s.startswith('#'):
                # a comment closes the previous entry
                if cur['msgid'] is not None:
                    flush(); cur = new(); field = None
                if s.startswith('#,') and 'fuzzy' in [x.strip() for x in s[2:].split(',')]:
                    cur['fuzzy'] = True
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$', s)
            if m:
                kw, idx, val = m.group(1), m.group(2), unquote(m.group(3))
                if kw in ('msgctxt', 'msgid') and cur['msgid'] is not None:
                    flush(); cur = new()
                if kw == 'msgctxt':
                    cur['msgctxt'] = val; field = ('msgctxt', None)
                elif kw == 'msgid':
                    cur['msgid'] = val; field = ('msgid', None)
                elif kw == 'msgid_plural':
                    cur['msgid_plural'] = val; field = ('msgid_plural', None)
                else:
                    k = int(idx) if idx is not None else 0
                    cur['msgstr'][k] = val; field = ('msgstr', k)
                continue
            m = re.match(r'^"(.*)"\s*$', s)
            if m and field:
                val = unquote(m.group(1))
                if field[0] == 'msgstr':
                    cur['msgstr'][field[1]] += val
                else:
                    cur[field[0]] += val
                continue
            raise ValueError('%s: cannot parse line: %r' % (path, line))
    flush()
    return entries


def norm(s):
    return (s.replace('\u2019', "'").replace('\u02bc', "'")
             .replace('\u00a0', ' ').replace('\u202f', ' ').casefold())


def read_glossary(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n').rstrip('\r')
            if not line.strip() or line.startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) != 3 or not cols[0].strip() or not cols[1].strip():
                raise ValueError('%s:%d: expected 3 tab-separated columns' % (path, n))
            rows.append((n, cols[0].strip(), cols[1].strip(), cols[2].strip()))
    return rows


def seed_names(path):
    """(label, localized name) of the group and of every agency of the seed."""
    with open(path, encoding='utf-8') as f:
        seed = json.load(f)
    names = [('the group', seed['group']['name'])]
    names += [(a['acronym'], a['name']) for a in seed.get('agencies', [])]
    return names


def check_seed(seed, language, tsv):
    try:
        names = seed_names(seed)
        glossary = read_glossary(tsv)
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as err:
        sys.stderr.write('error: %s\n' % err)
        return 2
    targets = {}
    for _n, term, target, _note in glossary:
        targets.setdefault(norm(term), target)
    failures = 0
    for label, name in names:
        english, own = name.get('en'), name.get(language)
        if not own:
            print('FAIL %s: no name in %s in the built-in data' % (label, language))
            failures += 1
        elif english is None or norm(english) not in targets:
            print('FAIL %s: the glossary has no row for "%s"' % (label, english))
            failures += 1
        elif norm(targets[norm(english)]) not in norm(own):
            print('FAIL %s: "%s" in the built-in data, "%s" in the glossary'
                  % (label, own, targets[norm(english)]))
            failures += 1
    print('%d names checked, %d failures' % (len(names), failures))
    return 1 if failures else 0


def main(argv):
    if len(argv) == 5 and argv[1] == '--seed':
        return check_seed(argv[2], argv[3], argv[4])
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    po, tsv = argv[1], argv[2]
    try:
        entries = [e for e in parse_po(po) if e['msgid'] != '']
        glossary = read_glossary(tsv)
    except (OSError, ValueError, UnicodeDecodeError) as err:
        sys.stderr.write('error: %s\n' % err)
        return 2
    failures = 0
    checked = 0
    for n, term, target, _note in glossary:
        t, g = norm(term), norm(target)
        hits = 0
        for e in entries:
            src = e['msgid'] + '\n' + (e['msgid_plural'] or '')
            if t not in norm(src):
                continue
            hits += 1
            forms = [e['msgstr'][k] for k in sorted(e['msgstr'])] or ['']
            for k, s in enumerate(forms):
                checked += 1
                if not s or e['fuzzy'] or g not in norm(s):
                    failures += 1
                    ctx = ' [%s]' % e['msgctxt'] if e['msgctxt'] else ''
                    print('FAIL line %d: "%s" -> "%s"%s\n  msgid:  %s\n  msgstr[%d]: %s%s'
                          % (n, term, target, ctx, e['msgid'], k, s or '(untranslated)',
                             ' (fuzzy)' if e['fuzzy'] else ''))
        if hits == 0:
            print('note line %d: "%s" occurs in no msgid' % (n, term))
    print('%d glossary entries, %d message forms checked, %d failures'
          % (len(glossary), checked, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
