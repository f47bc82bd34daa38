"""Pure ASGI middleware: checks that apply to every request before any route or dependency runs."""
