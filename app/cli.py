"""The ``tinnhiem`` command: serve, migrate, manage users and tokens, load the demo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from ballots.errors import BallotsError

from . import migrate
from .clock import Clock
from .db import make_engine, make_sessionmaker, printable_url, transaction
from .models.user import Role
from .security import use_fast_password_hashing
from .services import auth
from .settings import get_settings

if TYPE_CHECKING:
    from .demo.load import OpenRound

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
keys_cli = typer.Typer(help="The Ed25519 keys that sign results.", no_args_is_help=True)
cli.add_typer(keys_cli, name="keys")


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
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(
            help="Proxies whose X-Forwarded-For/-Proto are believed (comma-separated IPs, or '*'), so "
            "rate limits see the client's address and HSTS knows the request came over HTTPS "
            "[default: $FORWARDED_ALLOW_IPS, else 127.0.0.1].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Migrate the database, then serve the web app and the API."""
    import uvicorn

    settings = get_settings()
    migrate.upgrade(settings.database_url)
    typer.echo(
        f"Tín nhiệm on http://{host}:{port}/ (API docs at /docs), "
        f"database {printable_url(settings.database_url)}"
    )
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
    )


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Bring the database schema up to date."""
    migrate.upgrade(get_settings().database_url, revision)
    typer.echo("database is up to date")


def _sessions() -> sessionmaker[Session]:
    settings = get_settings()
    use_fast_password_hashing(settings.fast_password_hashing)
    migrate.upgrade(settings.database_url)
    # One command, one connection: closed with its session instead of left in a pool.
    return make_sessionmaker(make_engine(settings.database_url, poolclass=NullPool))


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
        list[str] | None,
        typer.Option(help="read, write, admin or results; repeat for several (default: the role's)."),
    ] = None,
    days: Annotated[
        int, typer.Option(min=1, help="Days until it expires (at most TINNHIEM_TOKEN_MAX_DAYS, 90).")
    ] = 90,
    name: Annotated[str, typer.Option(help="A label to recognise the token by.")] = "",
) -> None:
    """Create an API token and print it once, alone on the last line."""
    try:
        with transaction(_sessions()) as session:
            token, secret = auth.create_token(
                session,
                user,
                Clock().now(),
                scopes=scope or (),
                days=days,
                max_days=get_settings().token_max_days,
                name=name,
            )
    except BallotsError as exc:
        raise _fail(exc) from exc
    typer.echo(
        f"token {token.id} for {user}, scopes {', '.join(token.scopes)}, expires {token.expires_at:%Y-%m-%d}:"
    )
    typer.echo(secret)


@token_cli.command("list")
def token_list(user: Annotated[str, typer.Option(help="Whose tokens.")]) -> None:
    """List a user's tokens: id, name, scopes, expiry and whether revoked (never the secret)."""
    try:
        with transaction(_sessions()) as session:
            tokens = auth.tokens_of(session, user)
    except BallotsError as exc:
        raise _fail(exc) from exc
    for t in tokens:
        state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else f"expires {t.expires_at:%Y-%m-%d}"
        typer.echo(f"{t.id}  {t.name or '-':<12} {','.join(t.scopes):<16} {state}")


@token_cli.command("revoke")
def token_revoke(token_id: Annotated[str, typer.Argument(help="The token's id (see 'token list').")]) -> None:
    """Revoke a token: it stops working at once."""
    try:
        with transaction(_sessions()) as session:
            token = auth.revoke_token(session, token_id, Clock().now())
    except BallotsError as exc:
        raise _fail(exc) from exc
    typer.echo(f"token {token.id} revoked")


def _set_active(name: str, active: bool) -> None:
    try:
        with transaction(_sessions()) as session:
            auth.set_active(session, name, active)
    except BallotsError as exc:
        raise _fail(exc) from exc
    typer.echo(f"user {name} {'enabled' if active else 'disabled'}")


@user_cli.command("disable")
def user_disable(name: Annotated[str, typer.Argument(help="Login name.")]) -> None:
    """Disable a user: logins are refused and their tokens stop working at once."""
    _set_active(name, False)


@user_cli.command("enable")
def user_enable(name: Annotated[str, typer.Argument(help="Login name.")]) -> None:
    """Enable a disabled user again (their unexpired, unrevoked tokens work again)."""
    _set_active(name, True)


@user_cli.command("password")
def user_password(
    name: Annotated[str, typer.Argument(help="Login name.")],
    prompt: Annotated[
        bool, typer.Option("--prompt", help="Type the new password (hidden) instead of generating one.")
    ] = False,
    keep_tokens: Annotated[
        bool, typer.Option("--keep-tokens", help="Keep the user's tokens (by default they are revoked).")
    ] = False,
) -> None:
    """Set a new password: generated and printed once, or typed at a hidden prompt."""
    typed = typer.prompt("New password", hide_input=True, confirmation_prompt=True) if prompt else None
    try:
        with transaction(_sessions()) as session:
            user, password, revoked = auth.set_password(
                session, name, Clock().now(), password=typed, keep_tokens=keep_tokens
            )
    except BallotsError as exc:
        raise _fail(exc) from exc
    typer.echo(f"password of {user.username} changed; {revoked} token(s) revoked")
    if typed is None:
        typer.echo("new password (shown once):")
        typer.echo(password)


@keys_cli.command("rotate")
def keys_rotate() -> None:
    """Retire the current signing key and make a new one; results signed before still verify with
    the retired key, which stays listed at GET /api/v1/keys."""
    from .services import signing_keys

    settings = get_settings()
    with transaction(_sessions()) as session:
        retired, made = signing_keys.rotate(session, settings.secret_bytes(), Clock().now())
        new_id = made.key_id
    typer.echo(f"retired {retired}" if retired else "no key to retire")
    typer.echo(f"new signing key {new_id}")


@cli.command()
def verify(
    record: Annotated[Path, typer.Argument(help="The round's record (GET /api/v1/rounds/{id}/record).")],
    key: Annotated[
        Path | None,
        typer.Option(help="The auditor's key file (GET /api/v1/rounds/{id}/key): open and recount."),
    ] = None,
    signing_key: Annotated[
        str | None,
        typer.Option(help="The service's Ed25519 public key (base64) to trust instead of the record's."),
    ] = None,
) -> None:
    """Check a round's record offline; exit 0 only when every check passes."""
    from .verify_report import check, report

    try:
        findings = check(record, key, signing_key)
    except BallotsError as exc:
        typer.secho(f"error: {exc.message_vi or exc.message} / {exc.message}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2) from exc
    for line in report(findings):
        typer.echo(line)
    raise typer.Exit(code=0 if all(f.ok for f in findings) else 1)


@cli.command()
def demo() -> None:
    """Load a sample province (a plan, 7 rounds, one open today) and print how to log in and vote."""
    from .demo.load import load

    with transaction(_sessions()) as session:
        loaded = load(session, Clock().today(), get_settings().secret_bytes())
    if loaded.already:
        typer.echo("Dữ liệu mẫu đã có sẵn / the demo is already loaded.")
        typer.echo(
            "Mật khẩu không hiển thị lại; tạo người dùng mới / passwords are shown once; add a user with:"
        )
        typer.echo("  tinnhiem user add TEN --role organizer")
        return
    c = loaded.counts
    typer.echo(
        f"Đã tải dữ liệu mẫu / demo loaded: {c['units']} đơn vị, {c['cadres']} cán bộ, "
        f"{c['plans']} kế hoạch, {c['rounds']} hội nghị, {c['voters']} người được triệu tập, "
        f"{c['ineligible']} trường hợp không đủ điều kiện."
    )
    typer.echo("\nTài khoản / users (mật khẩu chỉ hiện một lần / passwords shown once):")
    for username, password in loaded.passwords.items():
        typer.echo(f"  {username:<10} {password}")
    typer.echo("\nChạy / run:  tinnhiem serve   rồi mở / then open  http://127.0.0.1:8000/  (tochuc)")
    typer.echo("API:         http://127.0.0.1:8000/docs")
    typer.echo('Thử / try:   curl -H "Authorization: Bearer <token>" http://127.0.0.1:8000/api/v1/plans')
    typer.echo(
        f'             curl -H "Authorization: Bearer <token>" '
        f"http://127.0.0.1:8000/api/v1/plans/{loaded.plan_id}/dashboard"
    )
    if loaded.open_round is not None:
        _print_open_round(loaded.open_round)
    if loaded.counted_round_id:
        base = "http://127.0.0.1:8000/api/v1"
        typer.echo("\nĐã kiểm phiếu và công bố / counted and published this morning:")
        typer.echo(
            f'  curl -H "Authorization: Bearer <token>" {base}/rounds/{loaded.counted_round_id}/results'
        )
        typer.echo(f'  curl -H "Authorization: Bearer <token>" {base}/results')
        typer.echo(f"  khóa công khai / public keys: {base}/keys")
    typer.echo("API token của / for tochuc:")
    typer.echo(loaded.token)


def _print_open_round(open_round: OpenRound) -> None:
    base = "http://127.0.0.1:8000"
    typer.echo(f"\nĐang bỏ phiếu hôm nay / open for voting today: {open_round.title}")
    typer.echo(f"Bỏ phiếu / vote:  {base}/bo-phieu/{open_round.id}")
    typer.echo(f"JSON API:         POST {base}/api/v1/rounds/{open_round.id}/ballots")
    typer.echo("Mã chưa dùng / unused codes (mỗi mã bỏ được một phiếu / one ballot each):")
    for code in open_round.codes:
        typer.echo(f"  {code}")
    levels = ["high", "medium", "low"]
    body = {
        "code": open_round.codes[0],
        "choices": {cadre_id: levels[i % len(levels)] for i, cadre_id in enumerate(open_round.cadre_ids)},
    }
    typer.echo("Bỏ phiếu bằng mã thứ nhất / cast a ballot with the first code:")
    typer.echo(
        f"  curl -X POST {base}/api/v1/rounds/{open_round.id}/ballots "
        f"-H 'Content-Type: application/json' -d '{json.dumps(body)}'"
    )
    typer.echo(
        "Tổ kiểm phiếu của hội nghị này / this round's counting committee "
        "(phát mã, nhập phiếu giấy hai lượt / slips, paper ballots in two passes):"
    )
    for username, full_name in open_round.committee_accounts:
        typer.echo(f"  {username:<10} {full_name}")


def main() -> None:
    cli()
