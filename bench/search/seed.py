"""Seeds COUNT registrations straight into a migrated center.sqlite, with
Japanese names and フリガナ, phones, and no search keys: the server fills
the keys on its next start (Registrations.fillSearchKeys), as after an
upgrade to schema version 8.

usage: seed.py DATABASE COUNT"""
import json
import random
import sqlite3
import sys

SURNAMES = [("山田", "ヤマダ"), ("天田", "アマダ"), ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("髙橋", "タカハシ"),
            ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("渡邊", "ワタナベ"), ("中村", "ナカムラ"), ("小林", "コバヤシ"),
            ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山本", "ヤマモト"), ("斎藤", "サイトウ"), ("齋藤", "サイトウ"), ("松本", "マツモト"),
            ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("清水", "シミズ"), ("山崎", "ヤマザキ"), ("山﨑", "ヤマザキ"),
            ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"), ("石川", "イシカワ"), ("中野", "ナカノ")]
GIVEN = [("花子", "ハナコ"), ("太郎", "タロウ"), ("一郎", "イチロウ"), ("美咲", "ミサキ"), ("健太", "ケンタ"), ("陽菜", "ヒナ"),
         ("翔", "ショウ"), ("結衣", "ユイ"), ("大輔", "ダイスケ"), ("さくら", "サクラ"), ("蓮", "レン"), ("葵", "アオイ")]
SHOPS = ["商店", "商事", "工務店", "町会", "サークル", "研究会", "株式会社", "合同会社"]


def main():
    path, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(8)
    db = sqlite3.connect(path)
    rows = []
    for n in range(count):
        (surname, surname_kana), (given, given_kana) = rng.choice(SURNAMES), rng.choice(GIVEN)
        if rng.random() < 0.3:
            name, kana = f"{surname}{rng.choice(SHOPS)} {n}", None
        else:
            name, kana = f"{surname} {given}", f"{surname_kana}\u3000{given_kana}"
        contact = "090" + "".join(rng.choice("0123456789") for _ in range(8))
        evidence = {"corporate_number": "7000012050002"} if n == count // 2 else {}
        rows.append(("general", name, kana, contact, 1, json.dumps(evidence), "2026-04-01", "2028-03-31", "active", 0,
                     0, "bench", 0, "bench"))
    db.executemany("""
        INSERT INTO registrations (category, name, name_kana, contact, in_ward, evidence, valid_from, valid_until, status,
            penalty_points, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, rows)
    db.commit()
    print(f"seeded {count} registrations without search keys")


main()
