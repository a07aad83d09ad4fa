import GRDB

/// The database schema as an ordered list of named migrations.
///
/// A migration that has shipped is never edited: later changes are new migrations appended
/// below, so every existing file can be brought forward step by step.
enum StorageSchema {
    /// A migrator holding every migration, oldest first.
    static func makeMigrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        register("2026-11-24 create forms, sessions, responses", in: &migrator, sql: createFormsSessionsResponses)
        register("2026-11-24 staff accounts, login sessions, audit log, kiosk settings", in: &migrator, sql: createStaffAndKiosk)
        register("2026-11-24 analysis runs, theme decisions, retention log", in: &migrator, sql: createAnalysis)
        register("2026-12-02 forms in the database: library and own forms, drafts, publications", in: &migrator, sql: createFormLibrary)
        register("2026-12-02 account administration, one-time links, archived and demo meetings", in: &migrator, sql: createAccountAdministration)
        register("2026-12-02 citizens' data: receipts, retention rules, purges per meeting", in: &migrator, sql: createCitizensData)
        register("2026-12-02 semantic vectors of texts, kept per view and text hash", in: &migrator, sql: createTextVectors)
        return migrator
    }

    /// Registers one migration whose failure is reported with its name.
    private static func register(_ name: String, in migrator: inout DatabaseMigrator, sql: String) {
        migrator.registerMigration(name) { database in
            do {
                try database.execute(sql: sql)
            } catch {
                let reason = (error as? DatabaseError)?.message ?? String(describing: error)
                throw StorageError.migrationFailed(name: name, reason: reason)
            }
        }
    }

    // Dates are GRDB's text format ("YYYY-MM-DD HH:MM:SS.SSS", UTC), which sorts chronologically.
    // JSON columns are checked with json_valid so a bad value fails its own insert, not a later export.
    private static let createFormsSessionsResponses = """
        CREATE TABLE form_version (
            id INTEGER PRIMARY KEY,
            form_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            definition TEXT NOT NULL CHECK (json_valid(definition)),
            created_at TEXT NOT NULL,
            UNIQUE (form_id, content_hash)
        );

        CREATE TABLE session (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            place TEXT,
            starts_at TEXT,
            tables TEXT NOT NULL DEFAULT '[]'
                CHECK (json_valid(tables) AND json_type(tables) = 'array'),
            status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
            form_version_id INTEGER NOT NULL REFERENCES form_version (id) ON DELETE RESTRICT,
            created_at TEXT NOT NULL,
            opened_at TEXT,
            closed_at TEXT
        );
        CREATE INDEX session_form_version_id ON session (form_version_id);

        CREATE TABLE response (
            id INTEGER PRIMARY KEY,
            submission_id TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE RESTRICT,
            received_at TEXT NOT NULL,
            client_submitted_at TEXT,
            is_late INTEGER NOT NULL DEFAULT 0 CHECK (is_late IN (0, 1)),
            table_label TEXT
        );
        CREATE INDEX response_session_id_received_at ON response (session_id, received_at, id);

        CREATE TABLE answer (
            response_id INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            value TEXT NOT NULL CHECK (json_valid(value)),
            PRIMARY KEY (response_id, question_id)
        ) WITHOUT ROWID;

        CREATE TABLE contact (
            response_id INTEGER PRIMARY KEY REFERENCES response (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            consent_text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """

    // Login sessions store only a digest of their token: a copy of the database opens no sessions.
    // The audit log is append-only by convention; nothing in the code updates or deletes from it.
    private static let createStaffAndKiosk = """
        CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'analyst')),
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            disabled_at TEXT
        );

        CREATE TABLE login_session (
            id INTEGER PRIMARY KEY,
            token_digest TEXT NOT NULL UNIQUE,
            account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            address TEXT,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE INDEX login_session_account_id ON login_session (account_id);

        CREATE TABLE audit_event (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT,
            details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
        );
        CREATE INDEX audit_event_at ON audit_event (at);

        ALTER TABLE session ADD COLUMN idle_timeout_seconds INTEGER NOT NULL DEFAULT 90
            CHECK (idle_timeout_seconds BETWEEN 10 AND 3600);
        ALTER TABLE session ADD COLUMN kiosk_pin_digest TEXT;
        """

    // A run keeps the machine's result as it came out; the analyst's decisions live apart, per
    // form, and are replayed on top of every run, so a re-run never undoes them.
    private static let createAnalysis = """
        CREATE TABLE analysis_run (
            id INTEGER PRIMARY KEY,
            form_id TEXT NOT NULL,
            session_codes TEXT NOT NULL CHECK (json_valid(session_codes)),
            question_ids TEXT NOT NULL CHECK (json_valid(question_ids)),
            status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
            progress REAL NOT NULL DEFAULT 0,
            message TEXT,
            result TEXT CHECK (result IS NULL OR json_valid(result)),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE INDEX analysis_run_form_id ON analysis_run (form_id, created_at);

        CREATE TABLE theme_decision (
            id INTEGER PRIMARY KEY,
            form_id TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (json_valid(decision)),
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            withdrawn_at TEXT
        );
        CREATE INDEX theme_decision_form_id ON theme_decision (form_id, id);

        CREATE TABLE retention_event (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            purged_before TEXT NOT NULL,
            responses_deleted INTEGER NOT NULL
        );
        """

    // A form is the library's (shipped in Forms/, updated from the files) or staff's own (made in
    // the browser). Its draft is work in progress and may have problems; each publication points at
    // an immutable form_version row, which sessions use. Forms used before this migration came from
    // the files, so they become library forms with their versions published in the order they appeared.
    private static let createFormLibrary = """
        CREATE TABLE form (
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL CHECK (origin IN ('library', 'own')),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        );

        CREATE TABLE form_draft (
            form_id TEXT PRIMARY KEY REFERENCES form (id) ON DELETE CASCADE,
            definition TEXT NOT NULL CHECK (json_valid(definition)),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        );

        CREATE TABLE form_publication (
            id INTEGER PRIMARY KEY,
            form_id TEXT NOT NULL REFERENCES form (id) ON DELETE RESTRICT,
            form_version_id INTEGER NOT NULL REFERENCES form_version (id) ON DELETE RESTRICT,
            number INTEGER NOT NULL CHECK (number >= 1),
            published_at TEXT NOT NULL,
            published_by TEXT NOT NULL,
            UNIQUE (form_id, number)
        );
        CREATE INDEX form_publication_form_version_id ON form_publication (form_version_id);

        INSERT INTO form (id, origin, created_at, created_by)
            SELECT form_id, 'library', MIN(created_at), 'library' FROM form_version GROUP BY form_id;
        INSERT INTO form_publication (form_id, form_version_id, number, published_at, published_by)
            SELECT form_id, id, ROW_NUMBER() OVER (PARTITION BY form_id ORDER BY created_at, id), created_at, 'library'
            FROM form_version;
        """

    // A receipt is the citizen's own key to their response: random, unique, written by the response
    // writer in the submission's transaction (responses stored before it have none). Retention rules
    // belong to a form (every meeting on it) or to one meeting, which wins; the retention log gains
    // what a rule purged and in which meeting.
    private static let createCitizensData = """
        ALTER TABLE response ADD COLUMN receipt TEXT;
        CREATE UNIQUE INDEX response_receipt ON response (receipt);
        CREATE INDEX contact_email ON contact (email COLLATE NOCASE);

        CREATE TABLE retention_rule (
            id INTEGER PRIMARY KEY,
            form_id TEXT REFERENCES form (id) ON DELETE CASCADE,
            session_id INTEGER REFERENCES session (id) ON DELETE CASCADE,
            target TEXT NOT NULL CHECK (target IN ('contacts', 'answers')),
            amount INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 3650),
            unit TEXT NOT NULL CHECK (unit IN ('days', 'months')),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            CHECK ((form_id IS NULL) <> (session_id IS NULL))
        );
        CREATE UNIQUE INDEX retention_rule_form ON retention_rule (form_id, target) WHERE form_id IS NOT NULL;
        CREATE UNIQUE INDEX retention_rule_session ON retention_rule (session_id, target) WHERE session_id IS NOT NULL;

        ALTER TABLE retention_event ADD COLUMN session_id INTEGER;
        ALTER TABLE retention_event ADD COLUMN target TEXT NOT NULL DEFAULT 'answers'
            CHECK (target IN ('contacts', 'answers'));
        ALTER TABLE retention_event ADD COLUMN contacts_deleted INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE retention_event ADD COLUMN rule TEXT;
        CREATE INDEX retention_event_session_id ON retention_event (session_id);
        """
}
