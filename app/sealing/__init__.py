"""Custody of a round's private key, the shell's half of the sealed box (design.md, "Sealed box").

``shares`` splits the key k-of-n among the counting committee as SLIP-39 words (``committee`` mode);
``keystore`` keeps it encrypted under the service secret (``server`` mode). Both build on
``ballots.sealing`` and ``ballots.codes``; nothing here touches the web or the database.
"""
