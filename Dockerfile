# Production image: several uvicorn workers against PostgreSQL (set TINNHIEM_DATABASE_URL), behind a
# reverse proxy that terminates HTTPS; set FORWARDED_ALLOW_IPS to the proxy's address (or '*' when
# only the proxy can reach the container).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 TINNHIEM_ENVIRONMENT=production
WORKDIR /srv/tinnhiem

COPY pyproject.toml README.md alembic.ini ./
COPY ballots ballots
COPY app app
COPY migrations migrations
RUN pip install --no-cache-dir . && useradd --system --uid 10001 --home /srv/tinnhiem tinnhiem

USER 10001
EXPOSE 8000
ENV FORWARDED_ALLOW_IPS=127.0.0.1
CMD ["tinnhiem", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "4"]
