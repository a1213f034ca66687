"""Relations: who did what to whom, one module per family of Arabic constructions.

- ``finder``: the relation finder: relations stated by verbs and verbal nouns (:class:`~.finder.RelationFinder`).
- ``cue_forms``: surface forms of a cue word generated from its root and verb form.
- ``clauses``: the clause structure read around a cue.
- ``participants``: who takes part in a clause: prepositions, coordination, pronouns.
- ``implicit``: participants a clause leaves implicit, found elsewhere in the sentence or text.
- ``stance``: light-verb stance phrases («أعرب عن رفضه لـ»).
- ``passive``: the passive participle with its agent («المدعومة من …»).
- ``relative``: the relative clause whose verb takes its head as object.
- ``led_by``: a body and its leader joined by «بقيادة/برئاسة».
- ``gathering``: a meeting that brings its sides together («لقاء جمعهما»).
- ``nisba_parties``: nisba adjectives naming the parties of an event noun.
- ``topic_phrases``: topic phrases whose head takes several adjectives before its «لـ» genitive.
- ``venues``: names that say where something happened are no party to it.
- ``modality``: asserted, denied, planned, possible, desired, conditional or asked.
- ``quotes``: who said what: quotations and reported speech.
- ``signatures``: only facts whose ends fit the relation are kept.
"""
