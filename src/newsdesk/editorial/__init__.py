"""Editorial intelligence: sentences, boilerplate, figures, tags, condensation, columns, relevance.

Each stage takes and returns plain dataclasses so it can be tested and benchmarked alone;
``pipeline`` strings them together for ``newsdesk process``.
"""
