"""Derived speed structures: tables built from the reference rules of :mod:`nkasylum.engine`.

Nothing here decides what an answer is. Each module restates a rule written once in the
domain modules of ``engine/`` as tables that answer the same faster, and a test proves
them equal to the rule on generated worlds and on the bundled data:

- :mod:`~nkasylum.engine.fast.documented`: the days on which a journey is documented or
  blocked, as intervals, derived from the leg rule (``engine/legs.py``) and the route
  search's depth (``engine/search.py``); read for named verdicts, periods and last-known
  answers. Proved equal by ``tests/properties/test_properties.py``
  (``test_the_derived_answers_equal_the_leg_rule_in_verdict_route_and_support``: verdict,
  route and support against the leg rule walked leg by leg, and
  ``test_the_fast_paths_give_the_reference_verdicts``).
- :mod:`~nkasylum.engine.fast.bulk`: verdicts of many rows by bisection in those intervals,
  derived from :func:`nkasylum.engine.assessment.assess`; the same two tests, and
  ``tests/engine/test_performance.py`` on the bundled grid.
- :mod:`~nkasylum.engine.fast.quick`: answers to a process's first named-route questions,
  compiled with the bundled data (``data/quick.json``), derived from the interval tables
  and the passages' legs; ``tests/engine/test_quick.py`` compares whole answers with the
  knowledge base's, and ``tests/engine/test_performance.py`` fails while the compiled
  tables differ from what the engine computes.
- :mod:`~nkasylum.engine.fast.adjacency`: the passages out of (and into) each country per
  span of days, derived from when a passage answers (``Index.covers``) and which passage
  is best per destination; :mod:`~nkasylum.engine.fast.chains`: what the route search
  reads of a passage in a chain (its rank and legs), worked out once. The route search
  reads both; ``tests/properties/test_properties.py`` compares the routes found with a
  plain walk over the passages documented on the day, read from their sightings
  (``test_the_search_tables_find_what_a_plain_search_finds``), and checks each leg
  (``test_every_route_is_valid_and_each_leg_backed_on_the_day``).

The door: :func:`nkasylum.engine.knowledge.can_resettle` decides when the compiled tables
may answer and :class:`~nkasylum.KnowledgeBase` when bulk verdicts do; the facade never
imports this package (``tests/test_architecture.py``). The reference modules that still
read a table here directly are listed in the ``domain-before-fast`` contract of
``pyproject.toml``.
"""
