"""Tests of rawabit.extract.entities.ner_features."""
from __future__ import annotations

import pytest

from rawabit.extract.entities.ner_features import (
    LABEL_FEATURES, NEIGHBOURS, context_features, document_features, known_pairs, load_clusters,
    load_gazetteer, load_resources, normalize, sentence_features, split_affixes, stack_features,
    token_infos, word_shape)


@pytest.fixture(scope="module")
def res():
    return load_resources(gazetteer=False, clusters=False)


def test_normalize_dediacritizes_and_unifies_letters():
    assert normalize("إِلى") == "الي"
    assert normalize("مدينةٌ") == "مدينه"
    assert normalize("CNN") == "cnn"


@pytest.mark.parametrize("word, expected", [
    ("والرئيس", ("وال", "رئيس", "")),
    ("بالقاهرة", ("بال", "قاهره", "ه")),
    ("للأمم", ("لل", "امم", "")),
    ("المصري", ("ال", "مصري", "ي")),
    ("ومصر", ("و", "مصر", "")),
    ("في", ("", "في", "")),
    ("Reuters", ("", "reuters", "")),
])
def test_clitic_split(res, word, expected):
    assert split_affixes(normalize(word), res) == expected


def test_features_include_the_clitic_split_and_context(res):
    feats = sentence_features("وصل الرئيس إلى بالقاهرة".split(), res)
    last = feats[3]
    assert "pc=بال" in last and "st=قاهره" in last and "sf=ه" in last
    assert "-2:tr=title" in last and "win=title" in last
    assert "first" in feats[0] and "last" in last
    assert "tr=title" in feats[1]


def test_word_shape():
    assert word_shape("القاهرة") == "arabic"
    assert word_shape("CNN") == "latin"
    assert word_shape("2024") == "digit"
    assert word_shape("،") == "punct"


def test_document_features_borrow_context_of_other_occurrences(res):
    sentences = [["التقى", "دونالد", "رامسفيلد", "أمس"], ["وقال", "رامسفيلد", "إن"]]
    feats = document_features(sentences, res)
    assert "dprev=دونالد" in feats[1][1]
    assert feats[0][2][:5] == sentence_features(sentences[0], res)[2][:5]


def test_gazetteer_is_optional_and_marks_multiword_names(tmp_path, res):
    assert load_gazetteer([tmp_path / "absent.tsv"]) == {}
    gaz = tmp_path / "gazetteer_test.tsv"
    gaz.write_text("key\ttype\tar\nx\tCity\tعمان|عمّان\ny\tPerson\tأيمن الصفدي\n", encoding="utf-8")
    (tmp_path / "ner_triggers.tsv").write_text("kind\tword\nproclitic\tو\n", encoding="utf-8")
    with_gaz = load_resources(tmp_path)
    assert with_gaz.gazetteer[("عمان",)] == "LOC"
    feats = sentence_features("وصل أيمن الصفدي إلى وعمان".split(), with_gaz)
    assert "gz=B-PERS" in feats[1] and "gz=I-PERS" in feats[2] and "gz=B-LOC" in feats[4]


def test_gazetteer_marks_take_the_longest_name_and_read_a_proclitic_off_its_first_word(tmp_path):
    (tmp_path / "gazetteer_test.tsv").write_text(
        "key\ttype\tar\nus\tCountry\tالولايات المتحدة\nwh\tOrganization\tالبيت الأبيض\n"
        "un\tOrganization\tالأمم المتحدة|الأمم المتحدة للطفولة\nw\tCity\tواشنطن\n"
        "b\tPerson\tبيت\n", encoding="utf-8")
    (tmp_path / "ner_triggers.tsv").write_text("kind\tword\nproclitic\tو\nproclitic\tل\n",
                                               encoding="utf-8")
    res = load_resources(tmp_path)
    tags = [[f.partition("=")[2] for f in token if f.startswith("gz=")] for token in sentence_features(
        "قالت منظمة الأمم المتحدة للطفولة وواشنطن والبيت الأبيض إن الولايات".split(), res)]
    assert tags == [[], [], ["B-ORG"], ["I-ORG"], ["I-ORG"], ["B-LOC"], ["B-ORG"], ["I-ORG"], [], []]


def test_clusters_are_optional_and_become_features(tmp_path):
    assert load_clusters(tmp_path / "absent.tsv") == {}
    (tmp_path / "ner_triggers.tsv").write_text("kind\tword\nproclitic\tو\n", encoding="utf-8")
    (tmp_path / "ner_clusters.tsv").write_text(
        "# made for this test\nn\tبوش\t1\t7\t30\nst\tمصر\t2\t9\t31\n", encoding="utf-8")
    with_cl = load_resources(tmp_path)
    assert with_cl.clusters["n:بوش"] == ("1", "7", "30")
    feats = sentence_features("قال بوش في ومصر".split(), with_cl)
    assert {"c0=1", "c1=7", "c2=30"} <= set(feats[1])
    assert "c1=9" in feats[3]            # found by its stem under the proclitic
    assert "1:c1=7" in feats[0] and "-1:c1=7" in feats[2]


def test_stack_features_read_the_first_pass_of_other_occurrences(res):
    sentences = [["التقى", "دونالد", "رامسفيلد", "أمس"], ["وقال", "رامسفيلد", "إن"]]
    first = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"]]
    feats = stack_features(sentences, first, res, confidence=[[1.0] * 4, [0.5] * 3])
    alone = feats[1][1]
    assert "p1=O" in alone and "p1-1=O" in alone
    assert {"dmaj=PERS", "drole=PERSe", "dbefore=PERS", "dent=all", "p1c=lo|O"} <= set(alone)
    assert "p1=I-PERS" in feats[0][2] and "p1c=hi|I-PERS" in feats[0][2]
    assert not any(f.startswith("dbefore") for f in feats[0][2])
    far = stack_features(sentences, first, res, window=0)
    assert not any(f.startswith("dmaj") for f in far[1][1])


def test_organisation_chain_features(res):
    tokens = "أعلنت وزارة الخارجية الأمريكية أن".split()
    feats = sentence_features(tokens, res)
    assert "tr=org" in feats[1] and "otr|+1def=True" in feats[1]
    assert {"wino=وزاره", "och=1", "och|mid", "dc=1"} <= set(feats[2])
    assert {"och=2", "och|end", "dc=2"} <= set(feats[3])
    assert not any(f.startswith("och") for f in feats[4])


# --- The cached fast path gives the same features as a straightforward one. ---
# _reference_* below is the per-token feature code as it was before token info
# and feature strings were cached per word type and shared between the passes;
# the shipped models were trained on its output, so the two must agree string
# for string and in order.

def _reference_info(word, res):
    norm = normalize(word)
    pre, stem, suf = split_affixes(norm, res)
    tw = norm if norm in res.triggers else stem if stem in res.triggers else "ال" + stem
    trig = res.triggers.get(norm) or res.triggers.get(stem)
    if not trig and pre.endswith("ال"):
        trig = res.triggers.get("ال" + stem)
    cl = res.clusters.get("n:" + norm) or res.clusters.get("st:" + stem) or ()
    return {"n": norm, "pre": pre, "stem": stem, "suf": suf,
            "shape": word_shape(word), "trig": trig or "", "cl": cl, "tw": tw if trig else ""}


def _reference_gazetteer(stems, norms, res):
    marks, i = [""] * len(norms), 0
    while i < len(norms):
        for n in range(min(res.gazetteer_max, len(norms) - i), 0, -1):
            rest = tuple(norms[i + 1:i + n])
            typ = res.gazetteer.get((norms[i],) + rest) or res.gazetteer.get((stems[i],) + rest)
            if typ:
                marks[i:i + n] = ["B-" + typ] + ["I-" + typ] * (n - 1)
                i += n
                break
        else:
            i += 1
    return marks


def _reference_sentence(info, res):
    nisba = lambda y: y["pre"].endswith("ال") and y["suf"] in ("ي", "يه")  # noqa: E731
    gaz = _reference_gazetteer([x["stem"] for x in info], [x["n"] for x in info], res)
    definite = [x["pre"].endswith("ال") or x["pre"].endswith("لل") for x in info]
    chain, dchain, start = [0] * len(info), [0] * len(info), None
    for i, x in enumerate(info):
        dchain[i] = dchain[i - 1] + 1 if definite[i] and i else int(definite[i])
        if start is not None and definite[i] and i - start <= 4:
            chain[i] = i - start
        else:
            start = None
        if x["trig"] == "org":
            start = i
    out = []
    for i, x in enumerate(info):
        n, stem = x["n"], x["stem"]
        f = ["bias", "n=" + n, "st=" + stem, "pc=" + x["pre"],
             "sf=" + x["suf"], "sh=" + x["shape"], "len=" + str(min(len(stem), 8))]
        f += ["gn"] * (n in res.given_names or stem in res.given_names)
        f += [f"p{k}={n[:k]}" for k in range(1, 5) if len(n) > k]
        f += [f"s{k}={n[-k:]}" for k in range(1, 5) if len(n) > k]
        f += [f"ss{k}={stem[-k:]}" for k in (1, 2, 3) if len(stem) > k]
        padded = f"<{stem}>"
        f += ["g3=" + padded[j:j + 3] for j in range(len(padded) - 2)]
        f += [f"c{k}={c}" for k, c in enumerate(x["cl"])]
        for off in (-1, 1):
            if 0 <= i + off < len(info) and len(info[i + off]["cl"]) > 1:
                f.append(f"{off}:c1={info[i + off]['cl'][1]}")
        f += ["first"] * (i == 0) + ["last"] * (i == len(info) - 1)
        f += ["tr=" + x["trig"]] * bool(x["trig"]) + ["gz=" + gaz[i]] * bool(gaz[i])
        if x["pre"].endswith("ال") and x["suf"] in ("ي", "يه"):
            f.append("nisba")
            if i and info[i - 1]["trig"]:
                f.append("nisba|after=" + info[i - 1]["trig"])
        if i + 1 < len(info) and nisba(info[i + 1]):
            f.append(f"+1nisba|def={definite[i]}")
        if i and nisba(info[i - 1]):
            f.append(f"-1nisba|def={definite[i]}")
        for off in (-2, -1, 1, 2):
            j = i + off
            if not 0 <= j < len(info):
                f.append(f"{off}:BOS" if j < 0 else f"{off}:EOS")
                continue
            y = info[j]
            f += [f"{off}:n={y['n']}", f"{off}:st={y['stem']}", f"{off}:pc={y['pre']}"]
            f += [f"{off}:tr={y['trig']}"] * bool(y["trig"]) + [f"{off}:gz={gaz[j]}"] * bool(gaz[j])
            if abs(off) == 1:
                f += [f"{off}:sh={y['shape']}", f"{off}:sf={y['suf']}", f"{off}:s2={y['n'][-2:]}"]
                f += [f"{off}:gn"] * (y["n"] in res.given_names or y["stem"] in res.given_names)
        f += ["win=" + info[j]["trig"] for j in range(max(0, i - 3), i) if info[j]["trig"]]
        f += ["wino=" + info[j]["tw"] for j in range(max(0, i - 3), i) if info[j]["trig"] == "org"]
        if chain[i]:
            f += [f"och={min(chain[i], 3)}", "och|end" if not chain[i + 1:i + 2] or not chain[i + 1]
                  else "och|mid"]
        if x["trig"] == "org" and i + 1 < len(info):
            f.append("otr|+1def=" + str(definite[i + 1]))
        f += [f"dc={min(dchain[i], 3)}"] * definite[i]
        if i:
            f.append(f"-1|0={info[i - 1]['n']}|{n}")
        if i + 1 < len(info):
            f.append(f"0|+1={n}|{info[i + 1]['n']}")
        out.append(f)
    return out


def _reference_document(sentences, res, window=8):
    infos = [[_reference_info(t, res) for t in s] for s in sentences]
    out = []
    for si, info in enumerate(infos):
        feats = _reference_sentence(info, res)
        for ti, x in enumerate(info):
            seen = set()
            for sj, other in enumerate(infos):
                for tj, z in enumerate(other):
                    if (z["stem"] != x["stem"] or len(z["stem"]) < 3 or z["shape"] == "digit"
                            or abs(sj - si) > window or (sj, tj) == (si, ti)):
                        continue
                    seen.add("doc")
                    for off, name in ((-1, "dprev"), (1, "dnext")):
                        if 0 <= tj + off < len(other):
                            y = other[tj + off]
                            if y["trig"]:
                                seen.add(f"{name}tr={y['trig']}")
                            if len(seen) < 12:
                                seen.add(f"{name}={y['stem']}")
            feats[ti] += sorted(seen)
        out.append(feats)
    return out


def _reference_stack(sentences, first, res, confidence, window=100):
    from collections import Counter
    from rawabit.extract.entities.ner_features import _confidence, _etype, _span_roles
    infos = [[_reference_info(t, res) for t in s] for s in sentences]
    roles_of = [_span_roles(tags) for tags in first]
    out = []
    for si, (info, tags) in enumerate(zip(infos, first)):
        sent = []
        for ti, x in enumerate(info):
            t = tags[ti]
            f = ["p1=" + t] + [f"p1{off}=" + (tags[ti + off] if 0 <= ti + off < len(tags) else "_")
                               for off in (-2, -1, 1, 2)]
            f.append("p1-1|0=" + (tags[ti - 1] if ti else "_") + "|" + t)
            f.append("p10|+1=" + t + "|" + (tags[ti + 1] if ti + 1 < len(tags) else "_"))
            counts, roles, before = Counter(), set(), False
            for sj, other in enumerate(infos):
                for tj, z in enumerate(other):
                    if (z["stem"] != x["stem"] or len(z["stem"]) < 3 or z["shape"] == "digit"
                            or abs(sj - si) > window or (sj, tj) == (si, ti)):
                        continue
                    typ, role = roles_of[sj].get(tj, ("O", ""))
                    counts[typ] += 1
                    if typ != "O":
                        roles.add(typ + role)
                        before = before or (sj, tj) < (si, ti)
            if counts:
                n, ent = sum(counts.values()), sum(counts.values()) - counts["O"]
                f.append("dn=" + ("1" if n == 1 else "2" if n <= 3 else "4"))
                f.append("dent=" + ("0" if not ent else "all" if ent == n else
                                    "most" if ent * 2 >= n else "few"))
                if ent:
                    maj = max((k for k in counts if k != "O"), key=lambda k: counts[k])
                    f += ["dmaj=" + maj, f"dmaj|p1={maj}|{_etype(t)}"] + ["drole=" + r for r in sorted(roles)]
                    f += ["dbefore=" + maj] * before
            f.append(f"p1c={_confidence(confidence[si][ti])}|{t}")
            sent.append(f)
        out.append(sent)
    return out


# Our own news-style text: repeated names (document context), cue words,
# clitics, nisbas, organisation chains, listed names, digits, Latin and punctuation.
NEWS = [
    "أعلنت وزارة الخارجية الأمريكية أمس أن الوزير أنتوني بلينكن سيزور القاهرة وعمّان الأسبوع المقبل .",
    "وقال المتحدث باسم الخارجية إن بلينكن سيلتقي الرئيس المصري عبد الفتاح السيسي .",
    "وذكرت وكالة فرانس برس أن الاتحاد الأوروبي رحّب بالزيارة ، فيما دعت منظمة العفو الدولية إلى وقف القتال .",
    "وفي بيروت ، عقد مجلس الوزراء اللبناني جلسة برئاسة نجيب ميقاتي لبحث أزمة الكهرباء .",
    "وأكد ميقاتي أن الحكومة ستعرض خطتها على البرلمان قبل نهاية 2024 .",
    "ونقلت صحيفة الأهرام عن مصادر في جامعة الدول العربية أن القمة ستعقد في الرياض .",
    "وارتفع مؤشر البورصة المصرية 1.5 % بعد قرار البنك المركزي المصري تثبيت أسعار الفائدة .",
    "وأضاف بلينكن للصحفيين في واشنطن أن «الولايات المتحدة» تدعم جهود الوساطة القطرية والمصرية .",
    "وقالت شركة أرامكو السعودية إن أرباحها تراجعت في الربع الثالث ، بحسب Reuters .",
    "وشارك لاعبو نادي الزمالك والمنتخب الوطني في حفل أقامه الاتحاد المصري لكرة القدم .",
    "السيسي",
    "وأشار الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى أن الوضع الإنساني في غزة كارثي .",
    "وتراجع النمو في 2023 و2024 بحسب تقرير البنك .",   # a number and a word sharing its stem
]


@pytest.fixture(scope="module")
def shipped():
    return load_resources()


@pytest.mark.parametrize("window", [8, 1, 0])
def test_document_features_match_the_straightforward_reference(shipped, window):
    sentences = [s.split() for s in NEWS]
    expected = _reference_document(sentences, shipped, window)
    assert document_features(sentences, shipped, window=window) == expected
    cache: dict = {}
    for _ in range(2):                   # cold, then warm cache shared by both calls
        infos = token_infos(sentences, shipped, cache=cache)
        assert document_features(sentences, shipped, window=window, infos=infos) == expected
    small: dict = {}                     # a cache that keeps emptying itself
    infos = token_infos(sentences, shipped, cache=small, cache_size=5)
    assert len(small) <= 5
    assert document_features(sentences, shipped, window=window, infos=infos) == expected


@pytest.mark.parametrize("window", [100, 2, 0])
def test_stack_features_match_the_straightforward_reference(shipped, window):
    sentences = [s.split() for s in NEWS]
    # a plausible, partly wrong first pass: every third Arabic word of 4+ letters in an entity
    first, confidence = [], []
    for si, s in enumerate(sentences):
        tags = []
        for ti, w in enumerate(s):
            typ = ("PERS", "LOC", "ORG")[(si + ti) % 3]
            inside = len(w) > 3 and (si * 7 + ti) % 3 == 0
            tags.append(("I-" if tags and tags[-1] != "O" and ti % 2 else "B-") + typ if inside else "O")
        first.append(tags)
        confidence.append([((si + ti) % 10) / 10 + 0.05 for ti in range(len(s))])
    expected = _reference_stack(sentences, first, shipped, confidence, window)
    got = stack_features(sentences, first, shipped, confidence=confidence, window=window)
    assert got == expected
    infos = token_infos(sentences, shipped, cache={})
    assert stack_features(sentences, first, shipped, confidence=confidence, window=window,
                          infos=infos) == expected


@pytest.mark.parametrize("window", [8, 1])
def test_context_features_and_what_words_give_make_up_all_features(shipped, window):
    # The recogniser sums each word's `gives` once per word type and asks only
    # for the rest; together they must be the training features, token for token.
    sentences = [s.split() for s in NEWS] + [["الرئيس"], []]
    infos = token_infos(sentences, shipped)
    full = document_features(sentences, shipped, window=window, infos=infos)
    context = document_features(sentences, shipped, window=window, infos=infos, words=False)
    for si, info in enumerate(infos):
        for ti in range(len(info)):
            bound = list(info[ti]["gives"][0])
            for off in NEIGHBOURS:
                if 0 <= ti + off < len(info):
                    bound += info[ti + off]["gives"][off]
            assert sorted(bound + context[si][ti]) == sorted(full[si][ti]), (si, ti)
    assert any("win=title" in f for s in context for f in s)      # cue words reach the context


def test_known_pairs_reads_each_pair_every_way_a_bar_allows():
    pairs = known_pairs(["-1|0=وزير|الخارجيه", "0|+1=ال|قاهره", "n=وزير", "0|+1=a|b|c", "-1|0=|"])
    assert pairs["وزير"] == {"الخارجيه"} and pairs["ال"] == {"قاهره"}
    assert pairs["a"] == {"b|c"} and pairs["a|b"] == {"c"} and pairs[""] == {""}
    assert "n" not in pairs and "n=وزير" not in pairs


def test_context_features_with_known_pairs_leave_out_only_the_unknown_pairs(shipped):
    # The recogniser lists only the word pairs its model knows: any other
    # feature, and every pair the model has a weight for, must still be there.
    sentences = [s.split() for s in NEWS] + [["الرئيس"], []]
    infos = token_infos(sentences, shipped)
    full = list(zip(*context_features(infos, shipped)))
    all_pairs = [(f, k) for f, k in full if f.startswith(("0|+1=", "-1|0="))]
    model = [f for f, _ in all_pairs[::3]] + ["n=الرئيس"]   # a model knowing a third of them
    got = list(zip(*context_features(infos, shipped, pairs=known_pairs(model))))
    known = {f.partition("=")[2] for f in model}   # both features of a pair are listed
    expected = [(f, k) for f, k in full if (f, k) not in all_pairs or f.partition("=")[2] in known]
    assert sorted(got) == sorted(expected)
    assert len(expected) < len(full) and any((f, k) in all_pairs for f, k in got)


def test_label_features_left_out_are_exactly_the_label_and_confidence_ones(shipped):
    sentences = [s.split() for s in NEWS[:4]]
    first = [["B-ORG" if len(w) > 5 else "O" for w in s] for s in sentences]
    confidence = [[0.95, 0.7, 0.3] * len(s) for s in sentences]
    full = stack_features(sentences, first, shipped, confidence=confidence)
    rest = stack_features(sentences, first, shipped, confidence=confidence, labels=False)
    names = {name for name, _ in LABEL_FEATURES} | {"p1c"}
    for f_full, f_rest in zip((f for s in full for f in s), (f for s in rest for f in s)):
        assert f_rest == [f for f in f_full if f.partition("=")[0] not in names]
    assert any(x.startswith("dmaj=ORG") for s in rest for f in s for x in f)
