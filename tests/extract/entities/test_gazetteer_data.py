"""The gazetteer's tables as a domain expert would keep them: complete, consistent, unambiguous."""
from __future__ import annotations

from collections import Counter

import pytest

from rawabit.extract.arabic import normalize_phrase
from rawabit.extract.entities.gazetteer import Gazetteer
from rawabit.extract.model import EntityType
from rawabit.extract.resources import read_tsv, split_variants

# Countries listed that are not UN member states (observers or of disputed status).
NOT_UN_MEMBERS = {"palestine", "vatican", "kosovo", "taiwan"}
# Members with no capital listed: Israel's (Jerusalem or Tel Aviv) is disputed.
NO_CAPITAL = {"israel"}
# Members whose nationality adjective is ambiguous or not in use in Arabic news:
# «الكونغولي» is the DR Congo's, «السليماني» is a surname, «أفريقيا الوسطى» has none.
NO_NISBA = {"congo", "solomon-islands", "central-african-republic"}
# Homographs without vowels: «عمان» is both Amman (عَمّان) and Oman (عُمان).
HOMOGRAPHS = {"عمان"}
ROLE_RELATIONS = {"presidentOf", "ministerOf", "leaderOf", "spokespersonOf", "envoyOf", "advisorTo"}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    return read_tsv("gazetteer_places.tsv")


def _members(places):
    return {r["key"] for r in places if r["type"] == "Country"} - NOT_UN_MEMBERS


def test_every_un_member_state_is_listed_once(places):
    keys = [r["key"] for r in places]
    assert not [k for k, n in Counter(keys).items() if n > 1]
    assert len(_members(places)) == 193


def test_every_un_member_has_its_capital(places):
    capitals = {r["capital_of"]: r["key"] for r in places if r.get("capital_of")}
    missing = _members(places) - set(capitals) - NO_CAPITAL
    assert not missing
    rows = {r["key"]: r for r in places}
    for country, city in capitals.items():
        assert rows[city]["type"] == "City" and rows[city]["in"] == country


def test_every_un_member_has_nisba_forms_for_gender_and_number(places):
    for row in places:
        if row["key"] not in _members(places) - NO_NISBA:
            continue
        forms = split_variants(row["nisba"])
        masculine = [f for f in forms if f.endswith("ي")]
        assert masculine, row["key"]
        assert any(f.endswith(("ية", "يه")) for f in forms), row["key"]      # feminine
        assert any(f.endswith(("يين", "يون")) for f in forms), row["key"]    # plural


def test_nisba_spelling_variants_name_one_country(gaz):
    for spelling in ("الأمريكي", "الأميركية", "الأمريكيين", "الأميركيون"):
        assert gaz.nisba[normalize_phrase(spelling)] == "usa"
    assert gaz.nisba[normalize_phrase("الكوري الشمالي")] == "north-korea"
    assert gaz.nisba[normalize_phrase("الملغاشية")] == "madagascar"


def test_a_spelling_names_one_entity_only():
    owners: dict[str, set[str]] = {}
    for table in ("gazetteer_people.tsv", "gazetteer_places.tsv", "gazetteer_orgs.tsv"):
        for row in read_tsv(table):
            for spelling in split_variants(row["ar"]):
                owners.setdefault(normalize_phrase(spelling), set()).add(row["key"])
    assert not {s: keys for s, keys in owners.items() if len(keys) > 1 and s not in HOMOGRAPHS}


def test_every_reference_points_to_a_listed_entity(gaz):
    for person, roles in gaz.roles.items():
        for relation, obj in roles:
            assert relation in ROLE_RELATIONS, (person, relation)
            assert obj in gaz.entities, (person, obj)
    for place, container in gaz.container.items():
        assert container in gaz.entities, (place, container)
    for org, country in gaz.org_country.items():
        assert gaz.entities[country].type is EntityType.COUNTRY, (org, country)
    assert gaz.outlets <= set(gaz.entities)


def test_offices_of_2025_are_held_by_who_held_them(gaz):
    for relation, country, person in [
        ("presidentOf", "nigeria", "bola-tinubu"), ("presidentOf", "dr-congo", "felix-tshisekedi"),
        ("presidentOf", "rwanda", "paul-kagame"), ("leaderOf", "australia", "anthony-albanese"),
        ("ministerOf", "indonesia", "sugiono"), ("ministerOf", "azerbaijan", "jeyhun-bayramov"),
        ("leaderOf", "m23", "bertrand-bisimwa"), ("leaderOf", "polisario", "brahim-ghali"),
    ]:
        assert person in gaz.holder(relation, country)


def test_armed_groups_blocs_and_conflict_regions_are_listed(gaz):
    for key, etype in [("al-shabaab", EntityType.ORGANIZATION), ("jnim", EntityType.ORGANIZATION),
                       ("m23", EntityType.ORGANIZATION), ("ecowas", EntityType.ORGANIZATION),
                       ("aes", EntityType.ORGANIZATION), ("north-kivu", EntityType.REGION),
                       ("north-darfur", EntityType.REGION), ("tigray", EntityType.REGION),
                       ("nakhchivan", EntityType.REGION), ("kigali", EntityType.CITY)]:
        assert gaz.entities[key].type is etype
    assert gaz.country_of("north-kivu") == "dr-congo"
    assert gaz.country_of("ouagadougou") == "burkina-faso"


def test_no_name_of_a_person_or_organization_is_a_nationality_adjective(gaz):
    # «السوداني» alone is the adjective of «الجيش السوداني», not Iraq's prime minister
    for key, ent in gaz.entities.items():
        if ent.type in (EntityType.PERSON, EntityType.ORGANIZATION):
            for spelling in (ent.label_ar, *ent.aliases):
                assert normalize_phrase(spelling) not in gaz.nisba, (key, spelling)
