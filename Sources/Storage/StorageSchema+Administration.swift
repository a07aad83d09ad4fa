extension StorageSchema {
    // Accounts are run from the browser: last login shown, one-time links (the first admin's setup
    // link, set-password links) stored as digests only, like login tokens. The audit log is read
    // by actor to tell whether an account has history (then it is disabled, never deleted).
    // Meetings can be archived (hidden from the list) and the demo of a first start is marked, so
    // it can be deleted with its trial answers. Existing files: last login from the audit log's
    // logins; the demo is the first meeting if the start made it (its title, and no staff created it).
    static let createAccountAdministration = """
        ALTER TABLE account ADD COLUMN last_login_at TEXT;
        UPDATE account SET last_login_at = (
            SELECT MAX(at) FROM audit_event WHERE audit_event.action = 'login' AND audit_event.actor = account.email COLLATE NOCASE);
        CREATE INDEX audit_event_actor ON audit_event (actor COLLATE NOCASE);

        CREATE TABLE one_time_link (
            id INTEGER PRIMARY KEY,
            token_digest TEXT NOT NULL UNIQUE,
            purpose TEXT NOT NULL CHECK (purpose IN ('setup', 'password')),
            account_id INTEGER REFERENCES account (id) ON DELETE CASCADE,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            CHECK ((purpose = 'setup') = (account_id IS NULL))
        );
        CREATE INDEX one_time_link_account_id ON one_time_link (account_id);

        ALTER TABLE session ADD COLUMN archived_at TEXT;
        ALTER TABLE session ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1));
        UPDATE session SET is_demo = 1
            WHERE id = (SELECT MIN(id) FROM session) AND title LIKE 'Demo: %'
              AND NOT EXISTS (SELECT 1 FROM audit_event WHERE action = 'session.create' AND target = session.code);
        """
}
