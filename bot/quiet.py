"""Quiet training commands: one line per step is ours to print; TensorFlow's start-up lines,
Rasa's progress bars and messages, jieba's dictionary log and library warnings appear only with
`--verbose`."""

from __future__ import annotations

import io
import logging
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout


def quiet_libraries(*, verbose: bool) -> None:
    """Call before Rasa is imported: TensorFlow and Rasa read these variables at import."""
    if verbose:
        return
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Rasa draws its tqdm progress bars unless its log level is WARNING or ERROR
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("LOG_LEVEL_LIBRARIES", "ERROR")
    warnings.simplefilter("ignore")
    # TensorFlow resets the warning filters while it is imported; nothing it shows gets printed
    warnings.showwarning = _drop_warning
    import jieba  # its import sets its own logger to DEBUG; lowered once imported

    jieba.setLogLevel(logging.WARNING)


@contextmanager
def library_output(*, verbose: bool) -> Iterator[None]:
    """Rasa prints "Your Rasa model is trained..." on stdout; the command prints the archive."""
    if verbose:
        yield
        return
    with redirect_stdout(io.StringIO()):
        yield


def _drop_warning(*_args, **_kwargs) -> None:
    return None
