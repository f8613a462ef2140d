# The kit's IPython start-up file. `make setup` copies it into .venv/ipython/profile_default/startup/,
# and `make lab` starts JupyterLab with IPYTHONDIR=.venv/ipython, so every kernel of the kit's
# JupyterLab shows a student's common slips (a missing quotation mark, 04 for 4, a misspelt name,
# a date written day first) as one plain sentence from its very first cell, before any exercise
# cell has run (helpers/course/plain.py; each exercise cell installs the same handler itself).
try:
    from helpers.course import plain as _kit_plain

    _kit_plain.install()
    del _kit_plain
except Exception:  # the kit is not installed in this Python: Python's own messages, as always
    pass
