"""Scoring against gold annotations: ``timex_eval`` (timexes + events), ``ner_eval`` (entities)."""
