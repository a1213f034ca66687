"""The HTML network inside Jupyter: the exported page in an ``<iframe srcdoc>``.

The page is the one ``-o graph.html`` writes (:func:`rawabit.exports.html.page`):
self-contained, loading nothing from the network. Put into ``srcdoc`` it keeps
its own scripts, styles and Content-Security-Policy apart from the notebook's,
and a notebook saved with it still draws the network offline.
"""
from __future__ import annotations

import html
import sys
import tempfile
import webbrowser
from pathlib import Path

__all__ = ["iframe", "show", "HEIGHT"]

#: Height of the inline network, in CSS pixels.
HEIGHT = 600


def iframe(page: str, *, height: int = HEIGHT) -> str:
    """Return an ``<iframe>`` element that shows *page*, an HTML document, inline.

    Args:
        page: The whole document; it is escaped into the ``srcdoc`` attribute.
        height: Frame height in CSS pixels; the width is the notebook's.

    Raises:
        ValueError: *height* is not a positive integer.
    """
    if not isinstance(height, int) or isinstance(height, bool) or height <= 0:
        raise ValueError(f"height must be a positive number of pixels, not {height!r}")
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" title="Rawabit network" '
            f'sandbox="allow-scripts" referrerpolicy="no-referrer" '
            f'style="width: 100%; height: {height}px; border: 1px solid #ddd;"></iframe>')


def show(page: str, *, height: int = HEIGHT) -> Path | None:
    """Draw *page* inline when running in Jupyter or IPython, else open it in a browser.

    Args:
        page: An HTML document.
        height: Height of the inline frame in CSS pixels.

    Returns:
        None when shown inline; otherwise the temporary ``.html`` file opened.
    """
    frame = iframe(page, height=height)
    shell = _ipython()
    if shell is not None:
        from IPython.display import display
        display({"text/html": frame, "text/plain": "<Rawabit network>"}, raw=True)
        return None
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="rawabit-", suffix=".html",
                                     delete=False) as fh:
        fh.write(page)
    path = Path(fh.name)
    webbrowser.open(path.as_uri())
    return path


def _ipython():
    """The running IPython shell, or None (IPython is never imported here)."""
    module = sys.modules.get("IPython")
    get = getattr(module, "get_ipython", None)
    return get() if get is not None else None
