"""Build the kit's handouts: a static HTML site from the notebooks, for the web or for print.

    .venv/bin/python tools/build_site.py [--out site] [--no-execute] [--binder OWNER/REPO] [--strict]

Each notebook ``notebooks/NN_*.ipynb`` is executed from a fresh kernel in a temporary copy of
the notebooks folder (the committed notebooks are never written to) and exported with
nbconvert's "lab" template, adapted in ``tools/site/notebook.html.j2``. The site has:

- ``index.html``: the sequence, with each notebook's first heading and its "time" line;
- ``NN_name.html``: one page per notebook;
- ``teachers_guide.html``: ``docs/teachers_guide.md`` rendered with mistune, plus any other
  Markdown document of the kit that a page links to;
- ``worksheet.html``: the student worksheet, ``docs/worksheet.md``, linked from the index;
- ``sources.html``: the list of sources, ``docs/sources.md``, linked from the index.

With ``--students`` it builds the students' copy instead (``make site-students``): the same
pages without the teacher's guide (links to it become plain text) and without the model
answers (the cells tagged ``model-answer`` are removed by nbconvert's ``TagRemovePreprocessor``
and a line says so), to share on a course site where students can read it.

The pages work offline (no script, style or font is fetched from the network; images are data
URIs) and print as clean handouts (``tools/site/print.css``). The builder fails, with a
non-zero exit and the file and cell named, when a notebook image has no description (charts are
displayed through ``helpers.style.Chart(fig, description)``), when a page would load anything
from the network, or when a notebook fails to execute.

The builder is the package ``tools/handouts/``, one module per concern (see its ``__init__``).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, where the handouts package is

from handouts.build import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
