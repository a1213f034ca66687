#!/usr/bin/env python3
"""Save a PNG screenshot of a Rawabit HTML network page with Debian's headless Chromium.

Usage:
    .venv/bin/python scripts/screenshot.py graph.html docs/screenshot.png [--size 1400x860]
        [--select LABEL]

Waits until the network is drawn (the page sets ``window.__rwbDrawnAt``).
``--select`` searches for LABEL as a user would and opens its first hit, so
the side panel shows its facts. Needs ``chromium`` and ``chromium-driver``
(apt) and ``selenium`` (pip); never downloads a browser.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

__all__ = ["screenshot", "main"]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def screenshot(html: Path, png: Path, *, width: int = 1400, height: int = 860, select: str = "") -> None:
    """Render *html* in headless Chromium and write the visible page to *png*.

    Raises:
        SystemExit: If Chromium, chromedriver or selenium is missing.
    """
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        sys.exit("screenshot: selenium is missing: .venv/bin/pip install selenium")
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not Path(tool).exists():
            sys.exit(f"screenshot: {tool} is missing: apt-get install chromium chromium-driver fonts-noto-core")
    profile = tempfile.mkdtemp(prefix="rawabit-shot-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", f"--window-size={width},{height}",
                f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        driver.set_window_size(width, height)
        driver.get(html.resolve().as_uri())
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return window.__rwbDrawnAt !== undefined"))
        if select:
            driver.execute_script(
                "var hits = window.rawabit.search(arguments[0]);"
                "if (hits.length) { window.rawabit.selectNode(hits[0]); window.rawabit.network.fit(); }", select)
        driver.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        png.parent.mkdir(parents=True, exist_ok=True)
        png.write_bytes(driver.get_screenshot_as_png())
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and take the screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path, help="a page written by rawabit (…/graph.html)")
    parser.add_argument("png", type=Path, help="where to write the PNG")
    parser.add_argument("--size", default="1400x860", help="window size WIDTHxHEIGHT (default 1400x860)")
    parser.add_argument("--select", default="", help="search for this label and open its first hit")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    if not args.html.is_file():
        parser.error(f"{args.html} is not a file")
    screenshot(args.html, args.png, width=width, height=height, select=args.select)
    print(args.png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
