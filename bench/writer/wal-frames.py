#!/usr/bin/env python3
"""What the writer's commits wrote into the WAL, by b-tree.

Usage: wal-frames.py DATABASE [WAL]   (WAL defaults to DATABASE-wal)

Reads the WAL file as SQLite's file format defines it: a 32-byte header
(magic, version, page size, checkpoint sequence, two salts, checksum), then
frames of a 24-byte header (page number, the database's size in pages for
the frame that commits a transaction and 0 otherwise, the two salts) and
one page. Frames whose salts are not the header's are left over from before
the WAL last restarted and are skipped; frames after the last commit frame
belong to no committed transaction and are not counted. Each page is named
by the b-tree that holds it now (`dbstat`, on a copy of the database and
its WAL, so the files given are never changed); a page past the file's end
or on the freelist is counted as such.

Prints the committed transactions in the WAL, frames per transaction
(mean and median), and the frames of each b-tree (table or index) with
their share. Run it on the files of a server killed under load (its WAL
then holds the commits since the last checkpoint restarted it).
"""
import os
import shutil
import sqlite3
import statistics
import struct
import sys
import tempfile


def frames(wal_path):
    with open(wal_path, "rb") as f:
        header = f.read(32)
        if len(header) < 32:
            return 0, []
        magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", header[:24])
        if magic not in (0x377F0682, 0x377F0683):
            sys.exit(f"wal-frames: {wal_path} is not a WAL file")
        transactions, current = [], []
        while True:
            head = f.read(24)
            if len(head) < 24:
                break
            pgno, commit_size, s1, s2 = struct.unpack(">4I", head[:16])
            if f.read(page_size).__len__() < page_size or (s1, s2) != (salt1, salt2):
                break
            current.append(pgno)
            if commit_size:
                transactions.append(current)
                current = []
        return page_size, transactions


def owners(database_path, wal_path):
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "copy.sqlite")
        shutil.copyfile(database_path, copy)
        if os.path.exists(wal_path):
            shutil.copyfile(wal_path, copy + "-wal")
        db = sqlite3.connect(copy)
        owner = dict((pageno, name) for name, pageno in db.execute("SELECT name, pageno FROM dbstat"))
        page_count = db.execute("PRAGMA page_count").fetchone()[0]
        db.close()
        return owner, page_count


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    database = sys.argv[1]
    wal = sys.argv[2] if len(sys.argv) == 3 else database + "-wal"
    page_size, transactions = frames(wal)
    if not transactions:
        print("wal-frames: no committed transaction in the WAL")
        return
    owner, page_count = owners(database, wal)
    counts = {}
    for transaction in transactions:
        for pgno in transaction:
            name = owner.get(pgno, "(past the end)" if pgno > page_count else "(freelist)")
            counts[name] = counts.get(name, 0) + 1
    sizes = [len(t) for t in transactions]
    total = sum(sizes)
    print(f"page size {page_size} B; {len(transactions)} committed transactions in the WAL, {total} frames")
    print(f"frames per transaction: mean {total / len(transactions):.1f}, median {statistics.median(sizes):g},"
          f" max {max(sizes)}; distinct pages per transaction equal frames: "
          f"{all(len(set(t)) == len(t) for t in transactions)}")
    print(f"{'b-tree':40} {'frames':>8} {'share':>7} {'per txn':>8}")
    for name, count in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"{name:40} {count:8} {100 * count / total:6.1f}% {count / len(transactions):8.2f}")


if __name__ == "__main__":
    main()
