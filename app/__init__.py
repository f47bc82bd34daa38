"""Tín nhiệm web shell: FastAPI routers, services, repositories, models, CLI."""
