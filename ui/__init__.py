"""The web UI: a Gradio chat whose answers show checkable citation cards.

`ui.app:mount` is the `assistant.ui` entry point. This package's root imports nothing heavy
(no gradio) so that listing or loading entry points stays cheap.
"""
