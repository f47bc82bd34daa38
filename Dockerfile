# Production image: several uvicorn workers against PostgreSQL (set TINNHIEM_DATABASE_URL).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 TINNHIEM_ENVIRONMENT=production
WORKDIR /srv/tinnhiem

COPY pyproject.toml README.md alembic.ini ./
COPY ballots ballots
COPY app app
COPY migrations migrations
RUN pip install --no-cache-dir . && useradd --system --home /srv/tinnhiem tinnhiem

USER tinnhiem
EXPOSE 8000
CMD ["tinnhiem", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "4"]
