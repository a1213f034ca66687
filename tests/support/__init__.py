"""Helpers shared by test modules: hand-built sample data and browser drivers.

``tests/conftest.py`` puts ``tests/`` on ``sys.path`` so that test modules can
``from support import store_sample``.
"""
