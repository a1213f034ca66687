"""Linking: which entity a mention refers to, within an article and across articles.

- ``short_names``: a person named in full once, then by one name.
- ``descriptions``: a description in a later sentence («المسؤول الأمريكي», «نظيره») bound to the entity that fits it.
- ``groups``: a group of people taken up by a plural or dual noun («القادة الثلاثة»).
- ``latter``: «الأخير», the person named last.
- ``linker``: the entities of many articles linked into one set of canonical entities.
"""
