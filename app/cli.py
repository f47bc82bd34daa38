"""The ``tinnhiem`` command: serve, migrate, manage users and tokens, load the demo."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy.orm import Session, sessionmaker

from ballots.errors import BallotsError

from . import migrate
from .clock import Clock
from .db import make_engine, make_sessionmaker, transaction
from .models.user import Role
from .security import use_fast_password_hashing
from .services import auth
from .settings import get_settings

cli = typer.Typer(
    help="Tín nhiệm: confidence votes (phiếu tín nhiệm) on leadership cadres.",
    no_args_is_help=True,
    add_completion=False,
)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
user_cli = typer.Typer(help="Users of the service.", no_args_is_help=True)
token_cli = typer.Typer(help="API tokens.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
cli.add_typer(user_cli, name="user")
cli.add_typer(token_cli, name="token")


def _fail(exc: BallotsError) -> typer.Exit:
    typer.secho(f"error: {exc.message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=2)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes (use PostgreSQL for more than 1).")
    ] = 1,
) -> None:
    """Migrate the database, then serve the web app and the API."""
    import uvicorn

    settings = get_settings()
    migrate.upgrade(settings.database_url)
    typer.echo(f"Tín nhiệm on http://{host}:{port}/ (API docs at /docs), database {settings.database_url}")
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers)


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Bring the database schema up to date."""
    migrate.upgrade(get_settings().database_url, revision)
    typer.echo("database is up to date")


def _sessions() -> sessionmaker[Session]:
    settings = get_settings()
    use_fast_password_hashing(settings.fast_password_hashing)
    migrate.upgrade(settings.database_url)
    return make_sessionmaker(make_engine(settings.database_url))


@user_cli.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Login name: lowercase letters, digits, '.', '_', '-'.")],
    role: Annotated[Role, typer.Option(help="What the user may do.")],
    full_name: Annotated[str, typer.Option(help="Full name, shown in the minutes.")] = "",
) -> None:
    """Create a user and print a generated password once."""
    try:
        with transaction(_sessions()) as session:
            user, password = auth.create_user(session, name, role, full_name=full_name)
    except BallotsError as exc:
        raise _fail(exc) from exc
    typer.echo(f"user {user.username} ({user.role.value}) created; password (shown once):")
    typer.echo(password)


@token_cli.command("create")
def token_create(
    user: Annotated[str, typer.Option(help="Whose token.")],
    scope: Annotated[
        list[str] | None, typer.Option(help="read, write or admin; repeat for several (default: the role's).")
    ] = None,
    days: Annotated[int, typer.Option(min=1, max=3650, help="Days until it expires.")] = 90,
    name: Annotated[str, typer.Option(help="A label to recognise the token by.")] = "",
) -> None:
    """Create an API token and print it once, alone on the last line."""
    try:
        with transaction(_sessions()) as session:
            token, secret = auth.create_token(
                session, user, Clock().now(), scopes=scope or (), days=days, name=name
            )
    except BallotsError as exc:
        raise _fail(exc) from exc
    typer.echo(f"token for {user}, scopes {', '.join(token.scopes)}, expires {token.expires_at:%Y-%m-%d}:")
    typer.echo(secret)


@cli.command()
def demo() -> None:
    """Load a sample province (units, cadres, a plan with 6 rounds) and print how to log in."""
    from .demo.load import load

    with transaction(_sessions()) as session:
        loaded = load(session, Clock().today())
    if loaded.already:
        typer.echo("Dữ liệu mẫu đã có sẵn / the demo is already loaded.")
        typer.echo(
            "Mật khẩu không hiển thị lại; tạo người dùng mới / passwords are shown once; add a user with:"
        )
        typer.echo("  tinnhiem user add TEN --role organizer")
        return
    c = loaded.counts
    typer.echo(
        f"Đã tải dữ liệu mẫu / demo loaded: {c['units']} đơn vị, {c['cadres']} cán bộ, 1 kế hoạch, "
        f"{c['rounds']} hội nghị, {c['voters']} người được triệu tập, "
        f"{c['ineligible']} trường hợp không đủ điều kiện."
    )
    typer.echo("\nTài khoản / users (mật khẩu chỉ hiện một lần / passwords shown once):")
    for username, password in loaded.passwords.items():
        typer.echo(f"  {username:<10} {password}")
    typer.echo("\nChạy / run:  tinnhiem serve   rồi mở / then open  http://127.0.0.1:8000/docs")
    typer.echo('Thử / try:   curl -H "Authorization: Bearer <token>" http://127.0.0.1:8000/api/v1/plans')
    typer.echo(
        f'             curl -H "Authorization: Bearer <token>" '
        f"http://127.0.0.1:8000/api/v1/plans/{loaded.plan_id}/dashboard"
    )
    typer.echo("API token của / for tochuc:")
    typer.echo(loaded.token)


def main() -> None:
    cli()
