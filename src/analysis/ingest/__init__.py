"""Articles from where researchers get them: saved web pages, links and archives (JSONL, CSV, Parquet).

- ``layout``: the article-file layout (header, headline, body) rendered from fields;
- ``detect``: is a text an HTML page (the loader refuses HTML named ``.txt``)?
- ``html``: a saved web page → title, main text, publication date, canonical URL (trafilatura, htmldate);
- ``fetch``: a URL → the page's bytes, with one-line errors (timeout, HTTP status, not a web page);
- ``archive``: rows of an archive streamed in chunks, mapped to the layout, each row one article;
- ``cite``: the text a citation ``SOURCE:start-end`` points at, for files and archive rows.

See docs/INGEST.md.
"""
