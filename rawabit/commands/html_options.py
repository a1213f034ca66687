"""The ``--html-*`` options shared by ``rawabit build`` and ``rawabit export``."""
from __future__ import annotations

import argparse

__all__ = ["add_html_arguments", "html_options"]


def add_html_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options that limit what an .html output draws."""
    html = parser.add_argument_group("HTML network (for .html outputs)")
    html.add_argument("--html-relations", metavar="REL,REL", help="draw only these relations, e.g. met,phoned")
    html.add_argument("--html-min-degree", type=int, default=1, metavar="N",
                      help="draw only entities with at least N connections (default 1: no isolated entities)")
    html.add_argument("--html-focus", metavar="ENTITY", help="draw only this entity's neighbourhood (IRI or label)")
    html.add_argument("--html-hops", type=int, default=1, metavar="N", help="size of that neighbourhood (default 1)")


def html_options(args: argparse.Namespace) -> dict:
    """The writer options (see :func:`rawabit.exports.html.write`) from parsed arguments."""
    options: dict = {"min_degree": args.html_min_degree, "hops": args.html_hops}
    if args.html_relations:
        options["relations"] = {r.strip() for r in args.html_relations.split(",") if r.strip()}
    if args.html_focus:
        options["focus"] = args.html_focus
    return options
