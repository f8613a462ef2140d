"""The handout site builder (``tools/build_site.py``), one concern per module.

- :mod:`~handouts.common`: where the kit and the templates are, and :class:`SiteError`;
- :mod:`~handouts.notebooks`: reading the notebooks of the sequence (titles, time lines,
  charts without descriptions);
- :mod:`~handouts.execute`: running them from a fresh kernel, in a throwaway copy;
- :mod:`~handouts.answers`: the cells tagged ``model-answer``, and the students' copy without them;
- :mod:`~handouts.pages`: the pages (links, images, the index and the Markdown documents);
- :mod:`~handouts.printing`: small HTML fixes for print;
- :mod:`~handouts.checks`: what must not be published (network fetches, images without alt
  text, skipped headings), used by the build, the tests and ``tools/rerun.py``;
- :mod:`~handouts.build`: the build itself and its command line.

The English of the pages is in the Jinja templates of ``tools/site/``, not in Python.
"""
