internal import Store

extension Schema {
    /// Version 11: people's sign-in to the pages (docs/SECURITY.md).
    /// - `user_accounts`: a login and a password (PBKDF2 salt, hash and
    ///   rounds, never the password) per person: staff, planners and admins
    ///   made with `nakano-center account create`, members made by
    ///   themselves with a sign-up code, one account per registration.
    /// - `signup_codes`: the one-time codes staff hand a member, stored as
    ///   SHA-256; used once, withdrawn when a newer one is issued, expiring.
    /// - `user_sessions`: a signed-in browser, by the SHA-256 of its cookie;
    ///   ended by signing out, by a timeout, or by a password change.
    /// - Erasing a registration's personal data ends its member's sessions,
    ///   withdraws its codes, disables the account and replaces its login,
    ///   which the member chose and may name them, by `#erased-ID`.
    /// - `center_secrets`: random keys the service derives codes from, made
    ///   here once (SQLite's `randomblob`): `lobby_check_in`, of the lobby
    ///   board's check-in code of the day and its display key (`LobbyCode`).
    static let signIn =
        Migration(version: 11, name: "user accounts, sign-up codes, sessions, center secrets", sql: """
            CREATE TABLE user_accounts (
                id                  INTEGER PRIMARY KEY,
                login               TEXT NOT NULL UNIQUE,
                role                TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'planner', 'member')),
                registration_id     INTEGER REFERENCES registrations (id),
                password_salt       BLOB NOT NULL CHECK (length(password_salt) >= 16),
                password_hash       BLOB NOT NULL CHECK (length(password_hash) = 32),
                password_iterations INTEGER NOT NULL CHECK (password_iterations >= 1),
                password_set_at     INTEGER NOT NULL,
                created_at          INTEGER NOT NULL,
                created_by          TEXT NOT NULL,
                disabled_at         INTEGER,
                CHECK ((role = 'member') = (registration_id IS NOT NULL))
            ) STRICT;
            CREATE UNIQUE INDEX user_accounts_one_per_registration ON user_accounts (registration_id)
                WHERE registration_id IS NOT NULL;

            CREATE TABLE signup_codes (
                id              INTEGER PRIMARY KEY,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                hash            BLOB NOT NULL UNIQUE,
                created_at      INTEGER NOT NULL,
                created_by      TEXT NOT NULL,
                expires_at      INTEGER NOT NULL,
                used_at         INTEGER,
                withdrawn_at    INTEGER,
                CHECK (expires_at > created_at)
            ) STRICT;
            CREATE INDEX signup_codes_registration ON signup_codes (registration_id);

            CREATE TABLE user_sessions (
                id           INTEGER PRIMARY KEY,
                hash         BLOB NOT NULL UNIQUE,
                account_id   INTEGER NOT NULL REFERENCES user_accounts (id),
                created_at   INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                ended_at     INTEGER,
                end_reason   TEXT CHECK (end_reason IN ('signed_out', 'signed_out_everywhere', 'idle', 'lifetime',
                                                        'password_changed', 'disabled', 'erased')),
                CHECK ((ended_at IS NULL) = (end_reason IS NULL))
            ) STRICT;
            CREATE INDEX user_sessions_live ON user_sessions (account_id) WHERE ended_at IS NULL;

            CREATE TRIGGER registration_erasure_ends_member_sign_in AFTER UPDATE OF erased_at ON registrations
                WHEN OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
            BEGIN
                UPDATE user_sessions SET ended_at = NEW.erased_at, end_reason = 'erased'
                    WHERE ended_at IS NULL AND account_id IN (SELECT id FROM user_accounts WHERE registration_id = NEW.id);
                UPDATE user_accounts SET login = '#erased-' || id, disabled_at = coalesce(disabled_at, NEW.erased_at)
                    WHERE registration_id = NEW.id;
                UPDATE signup_codes SET withdrawn_at = NEW.erased_at
                    WHERE registration_id = NEW.id AND used_at IS NULL AND withdrawn_at IS NULL;
            END;

            CREATE TABLE center_secrets (
                name  TEXT PRIMARY KEY,
                value BLOB NOT NULL CHECK (length(value) >= 32)
            ) STRICT;
            INSERT INTO center_secrets (name, value) VALUES ('lobby_check_in', randomblob(32));
            """)
}
