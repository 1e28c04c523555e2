"""CLI sub-commands. Each module defines ``register(subparsers)`` and sets ``func`` on its parser.

Modules here stay thin: parse options, call the library, print. Import heavy modules inside
the handler so that ``analysis --help`` stays fast.
"""
