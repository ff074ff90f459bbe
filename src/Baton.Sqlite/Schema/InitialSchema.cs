namespace Baton.Sqlite.Schema;

/// <summary>Schema version 1.</summary>
/// <remarks>
/// Times are integer Unix milliseconds (UTC); statuses and kinds are their enums' numbers. JSON columns hold TEXT, or a
/// BLOB that is the SHA-256 of a row in <c>payloads</c> (see <see cref="Rows.JsonEncoder"/>).
/// </remarks>
internal static class InitialSchema
{
    public const string Script = """
        CREATE TABLE definitions (
            hash        TEXT    NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            version     TEXT,
            bundle      TEXT    NOT NULL,
            created_at  INTEGER NOT NULL
        );

        CREATE TABLE payloads (
            hash  BLOB NOT NULL PRIMARY KEY,
            body  TEXT NOT NULL
        );

        CREATE TABLE runs (
            id                 TEXT    NOT NULL PRIMARY KEY,
            workflow           TEXT    NOT NULL,
            definition_hash    TEXT    NOT NULL,
            status             INTEGER NOT NULL,
            inputs             TEXT    NOT NULL,
            vars               TEXT    NOT NULL,
            env                TEXT    NOT NULL,
            output             TEXT,
            error              TEXT,
            created_at         INTEGER NOT NULL,
            updated_at         INTEGER NOT NULL,
            completed_at       INTEGER,
            ready_at           INTEGER,
            parent_run_id      TEXT,
            parent_step_seq    INTEGER,
            next_step_seq      INTEGER NOT NULL,
            next_event_seq     INTEGER NOT NULL,
            signal_watermark   INTEGER NOT NULL,
            last_signal_id     INTEGER NOT NULL DEFAULT 0,
            compensating       INTEGER NOT NULL,
            lease_owner        TEXT,
            lease_expires_at   INTEGER,
            working_directory  TEXT    NOT NULL
        );

        -- Claiming and the next wake-up walk ready runs in ready_at order; the index covers both queries.
        CREATE INDEX runs_ready ON runs (ready_at, status, lease_owner, lease_expires_at) WHERE ready_at IS NOT NULL;
        CREATE INDEX runs_lease ON runs (lease_owner, lease_expires_at) WHERE lease_owner IS NOT NULL;
        CREATE INDEX runs_created ON runs (created_at, id);
        CREATE INDEX runs_status_created ON runs (status, created_at, id);
        CREATE INDEX runs_workflow_created ON runs (workflow, created_at, id);

        -- WITHOUT ROWID: a run's rows live in one b-tree ordered by (run_id, seq), so a transition writes fewer pages.
        CREATE TABLE step_executions (
            run_id      TEXT    NOT NULL REFERENCES runs (id),
            seq         INTEGER NOT NULL,
            step_id     TEXT    NOT NULL,
            kind        TEXT    NOT NULL,
            path        TEXT    NOT NULL,
            parent_seq  INTEGER,
            ordinal     INTEGER NOT NULL,
            iteration   INTEGER NOT NULL,
            status      INTEGER NOT NULL,
            attempts    INTEGER NOT NULL,
            created_at  INTEGER NOT NULL,
            started_at  INTEGER,
            ended_at    INTEGER,
            ready_at    INTEGER,
            output      TEXT,
            error       TEXT,
            state       TEXT,
            actor       TEXT,
            PRIMARY KEY (run_id, seq)
        ) WITHOUT ROWID;

        CREATE TABLE timeline (
            run_id    TEXT    NOT NULL REFERENCES runs (id),
            seq       INTEGER NOT NULL,
            at        INTEGER NOT NULL,
            type      TEXT    NOT NULL,
            step_seq  INTEGER,
            path      TEXT,
            attempt   INTEGER,
            actor     TEXT,
            message   TEXT,
            data      TEXT,
            PRIMARY KEY (run_id, seq)
        ) WITHOUT ROWID;

        -- AUTOINCREMENT: signal ids only ever grow, which the wake-up watermark relies on.
        CREATE TABLE signals (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id           TEXT    NOT NULL REFERENCES runs (id),
            kind             INTEGER NOT NULL,
            name             TEXT    NOT NULL,
            target           TEXT,
            data             TEXT,
            actor            TEXT,
            created_at       INTEGER NOT NULL,
            consumed_by_seq  INTEGER
        );

        CREATE INDEX signals_run ON signals (run_id);
        CREATE INDEX signals_pending ON signals (run_id) WHERE consumed_by_seq IS NULL;
        """;
}
