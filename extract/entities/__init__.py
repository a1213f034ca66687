"""Entities: the names a Doc mentions, from the gazetteer, titles and the statistical recogniser.

- ``gazetteer``: well-known people, places, organisations and topics, read from data.
- ``mentions``: gazetteer names, topics and nationality adjectives found in a Doc.
- ``names``: where a personal name begins and ends when no gazetteer lists it.
- ``titles``: titles and appositions: who holds which office, and names they introduce.
- ``headed_places``: towns and villages named after a head noun («بلدة …», «قرية …»).
- ``geography``: where places are («مدينة إسطنبول التركية», «العاصمة الروسية موسكو»).
- ``recognizer``: the pipeline component that adds the statistical recogniser's names.
- ``ner``: statistical named-entity recognisers: tokens in, IOB2 tags out.
- ``ner_features``: token features for the recogniser.
- ``ner_mentions``: IOB2 spans, and CoNLL files in and out.
- ``crf``: linear-chain CRF inference in numpy over a crfsuite model.
"""
