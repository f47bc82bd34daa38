"""Committee key shares: a round's private key split k-of-n as SLIP-39 words (shamir-mnemonic).

Each member writes down one share of 33 words. At the count, any k members type theirs in; the key is
recombined and checked against the round's public key before anything is unsealed, so a share of
another round (or a recombination gone wrong) is refused instead of opening nothing.

Every refusal names the share it is about, counted from 1 in the order the shares were handed in,
so the committee knows whose words to read again.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import cast

from shamir_mnemonic import MnemonicError, Share, combine_mnemonics, generate_mnemonics

from ballots.errors import InvalidInput
from ballots.sealing import KEY_BYTES, round_keys

MAX_MEMBERS = 16  # SLIP-39 makes at most 16 shares in a group


def split_key(private_key: bytes, threshold: int, members: int) -> list[str]:
    """One mnemonic (33 words) per member; any ``threshold`` of them recover the key."""
    if len(private_key) != KEY_BYTES:
        raise InvalidInput(f"a round's private key is {KEY_BYTES} bytes, got {len(private_key)}")
    if not 1 <= members <= MAX_MEMBERS:
        raise InvalidInput(
            f"a key is split among 1 to {MAX_MEMBERS} committee members, not {members}",
            message_vi=f"Khóa chỉ chia được cho 1 đến {MAX_MEMBERS} thành viên tổ kiểm phiếu",
            details={"field": "members"},
        )
    if not 1 <= threshold <= members:
        raise InvalidInput(
            f"the number of members needed to open the box must be 1 to {members}, not {threshold}",
            message_vi=f"Số thành viên cần có mặt để mở hòm phiếu phải từ 1 đến {members}",
            details={"field": "threshold"},
        )
    # SLIP-39 refuses a 1-of-n group; n one-share groups of which any one suffices are the same thing.
    groups = [(1, 1)] * members if threshold == 1 else [(threshold, members)]
    mnemonics = cast(list[list[str]], generate_mnemonics(1, groups, private_key))
    return [words for group in mnemonics for words in group]


def _refused(message: str, message_vi: str, **details: object) -> InvalidInput:
    return InvalidInput(message, message_vi=message_vi, details={"field": "shares", **details})


def _decode(number: int, words: str) -> Share:
    try:
        return cast(Share, Share.from_mnemonic(" ".join(words.lower().split())))
    except MnemonicError as exc:
        # The library's message quotes the words; a share's words must never reach a log, so the
        # cause is dropped (``from None``) and only its kind is kept.
        unknown_word = "word" in str(exc)
        reason = "a word is not in the word list" if unknown_word else "a word is wrong, missing or extra"
        raise _refused(
            f"share {number} is mistyped or not of this round: {reason}",
            f"Mảnh khóa số {number} bị gõ sai hoặc không thuộc đợt này: kiểm tra lại từng từ",
            share=number,
            reason="unknown_word" if unknown_word else "checksum",
        ) from None


def _enough(shares: Sequence[Share]) -> list[Share]:
    """The first k distinct shares of one group (a share typed twice counts once)."""
    groups: dict[int, dict[int, Share]] = {}
    for share in shares:
        groups.setdefault(share.group_index, {}).setdefault(share.index, share)
    needed = shares[0].member_threshold  # one group of k, or (k = 1) n groups of one share
    for members in groups.values():
        if len(members) >= needed:
            return list(members.values())[:needed]
    given = max(len(members) for members in groups.values())
    raise _refused(
        f"{needed} different shares are needed to open the box, {given} were given",
        f"Cần {needed} mảnh khóa khác nhau để mở hòm phiếu, mới có {given}",
        needed=needed,
        given=given,
    )


def recover_key(mnemonics: Sequence[str], public_key: bytes) -> bytes:
    """The round's private key from k shares, checked against its public key; refused otherwise."""
    if not mnemonics:
        raise _refused("no share was given", "Chưa nhập mảnh khóa nào", needed=1, given=0)
    shares = [_decode(number, words) for number, words in enumerate(mnemonics, start=1)]
    for number, share in enumerate(shares, start=1):
        if share.common_parameters() != shares[0].common_parameters():
            raise _refused(
                f"share {number} is not of the same set as share 1: one of them is of another round",
                f"Mảnh khóa số {number} không cùng bộ với mảnh số 1: một trong hai thuộc đợt khác",
                share=number,
            )
    try:
        secret = cast(bytes, combine_mnemonics([share.mnemonic() for share in _enough(shares)]))
    except MnemonicError:  # only if two rounds' sets drew the same 15-bit identifier
        raise _refused(
            "the shares do not belong together: one of them is of another round",
            "Các mảnh khóa không cùng một bộ: một mảnh thuộc đợt khác",
        ) from None
    if len(secret) != KEY_BYTES or not hmac.compare_digest(round_keys(secret).public_key, public_key):
        raise _refused(
            "the shares open a key, but not this round's: they belong to another round",
            "Các mảnh khóa mở ra một khóa khác, không phải khóa của đợt này: chúng thuộc đợt khác",
        )
    return secret


def read_share(words: str) -> tuple[str, int, tuple[int, ...]]:
    """One share as typed, checked alone (word list, checksum): its normalized words, its slot in the
    set (the same share typed twice has the same slot) and its set's parameters (a share of another
    round's set has other parameters, save for a 1 in 32768 chance)."""
    share = _decode(1, words)
    slot = share.group_index * MAX_MEMBERS + share.index
    return share.mnemonic(), slot, tuple(share.common_parameters())
