using Baton.Sqlite.Rows;

namespace Baton.Sqlite.Writing;

/// <summary>The statements the writer runs. Internal so that tests can check their query plans.</summary>
internal static class WriteSql
{
    public static readonly string InsertPayload =
        "INSERT INTO payloads (hash, body) VALUES ($hash, $body) ON CONFLICT (hash) DO NOTHING";

    public static readonly string InsertDefinition =
        $"INSERT INTO definitions ({DefinitionRow.ColumnList}) VALUES ({Values(DefinitionRow.Columns)}) ON CONFLICT (hash) DO NOTHING";

    public static readonly string InsertRun =
        $"INSERT INTO runs ({RunRow.ColumnList}) VALUES ({Values(RunRow.Columns)}) ON CONFLICT (id) DO NOTHING";

    /// <summary>
    /// Writes a run's new record if <c>$expected_lease_owner</c> still holds it. When the record releases the lease of a
    /// run that has not ended while a signal newer than its watermark is stored, the run becomes ready now (or keeps an
    /// earlier ready time), so that no signal is missed.
    /// </summary>
    public static readonly string UpdateRun = $"""
        UPDATE runs SET
            status = $status, inputs = $inputs, vars = $vars, env = $env, output = $output, error = $error,
            updated_at = $updated_at, completed_at = $completed_at,
            ready_at = CASE
                WHEN $lease_owner IS NULL AND $status IN ({RunRow.ActiveStatuses}) AND last_signal_id > $signal_watermark
                    THEN CASE WHEN $ready_at IS NOT NULL AND $ready_at < $now THEN $ready_at ELSE $now END
                ELSE $ready_at
            END,
            next_step_seq = $next_step_seq, next_event_seq = $next_event_seq, signal_watermark = $signal_watermark,
            compensating = $compensating, lease_owner = $lease_owner, lease_expires_at = $lease_expires_at
        WHERE id = $id AND lease_owner IS $expected_lease_owner
        """;

    public static readonly string RunStatus = "SELECT status FROM runs WHERE id = $id";

    public static readonly string UpsertStep =
        $"INSERT INTO step_executions ({StepRow.ColumnList}) VALUES ({Values(StepRow.Columns)}) " +
        $"ON CONFLICT (run_id, seq) DO UPDATE SET {Updates(StepRow.Columns.Skip(2))}";

    public static readonly string InsertEvent =
        $"INSERT INTO timeline ({EventRow.ColumnList}) VALUES ({Values(EventRow.Columns)})";

    public static readonly string ConsumeSignal =
        "UPDATE signals SET consumed_by_seq = $seq WHERE id = $id AND run_id = $run_id";

    public static readonly string InsertSignal =
        $"INSERT INTO signals ({string.Join(", ", SignalRow.InsertColumns)}) VALUES ({Values(SignalRow.InsertColumns)}) RETURNING id";

    /// <summary>Records a run's newest signal and makes the run ready now, or keeps an earlier ready time.</summary>
    public static readonly string WakeForSignal =
        "UPDATE runs SET last_signal_id = $signal_id, " +
        "ready_at = CASE WHEN ready_at IS NOT NULL AND ready_at < $now THEN ready_at ELSE $now END WHERE id = $id";

    /// <summary>Leases the earliest ready runs that no live lease holds. Leases only ever change in the single writer's transaction.</summary>
    /// <remarks>
    /// INDEXED BY: without statistics the planner prefers the status index, which would walk every waiting run. Pinning
    /// the ready index keeps a claim proportional to the ready runs, and fails loudly at start-up should the index go.
    /// </remarks>
    public static readonly string ClaimRuns = $"""
        UPDATE runs SET lease_owner = $owner, lease_expires_at = $lease_until
        WHERE rowid IN (
            SELECT rowid FROM runs INDEXED BY runs_ready
            WHERE ready_at IS NOT NULL AND ready_at <= $now AND status IN ({RunRow.ActiveStatuses})
              AND (lease_owner IS NULL OR lease_expires_at <= $now)
            ORDER BY ready_at
            LIMIT $max)
        RETURNING id, ready_at
        """;

    public static readonly string TryClaimRun = $"""
        UPDATE runs SET lease_owner = $owner, lease_expires_at = $lease_until
        WHERE id = $id AND status IN ({RunRow.ActiveStatuses})
          AND (lease_owner IS NULL OR lease_owner = $owner OR lease_expires_at <= $now)
        """;

    public static readonly string RenewLease =
        "UPDATE runs SET lease_expires_at = $lease_until WHERE id = $id AND lease_owner = $owner";

    /// <summary>Frees a run; like a releasing commit, it wakes a run that has a signal newer than its stored watermark.</summary>
    public static readonly string ReleaseLease = $"""
        UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL,
            ready_at = CASE
                WHEN status IN ({RunRow.ActiveStatuses}) AND last_signal_id > signal_watermark
                    THEN CASE WHEN ready_at IS NOT NULL AND ready_at < $now THEN ready_at ELSE $now END
                ELSE ready_at
            END
        WHERE id = $id AND lease_owner = $owner
        """;

    public static readonly string ReleaseLeasesOf = $"""
        UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL,
            ready_at = CASE
                WHEN status NOT IN ({RunRow.ActiveStatuses}) THEN ready_at
                WHEN ready_at IS NOT NULL AND ready_at < $now THEN ready_at
                ELSE $now
            END
        WHERE lease_owner = $owner
        """;

    private static string Values(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => "$" + c));

    private static string Updates(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"));
}
