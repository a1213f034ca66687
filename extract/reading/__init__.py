"""Reading: files and records in, :class:`~rawabit.extract.model.Article` objects, sentences and tokens out.

- ``reader``: user paths (files, folders, URLs) into articles, with the read report.
- ``records``: articles from JSON Lines, JSON and CSV news datasets.
- ``urls``: article files named by fsspec URLs (``s3://``, ``file://``, …).
- ``encoding``: bytes to clean Unicode text; binary refused.
- ``html_text``: article text and headline from an HTML page.
- ``boilerplate``: web boilerplate removed; files holding several articles split.
- ``metadata``: publication date, URL and outlet from the metadata that comes with an article.
- ``sentences``: an article split into sentences and tokens.
- ``words``: the words of a sentence with their offsets.
- ``clitics``: proclitics split off a word («وويتكوف» → و + ويتكوف).
"""
