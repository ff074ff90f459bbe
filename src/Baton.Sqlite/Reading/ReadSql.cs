using System.Text;
using Baton.Sqlite.Rows;

namespace Baton.Sqlite.Reading;

/// <summary>The queries of the read connections. Internal so that tests can check their query plans.</summary>
internal static class ReadSql
{
    public const string Begin = "BEGIN";

    public const string End = "COMMIT";

    public static readonly string GetRun = $"SELECT {RunRow.ColumnList} FROM runs WHERE id = $id";

    public static readonly string RunCreatedAt = "SELECT created_at FROM runs WHERE id = $id";

    public static readonly string StepsOfRun =
        $"SELECT {StepRow.ColumnList} FROM step_executions WHERE run_id = $run_id ORDER BY seq";

    public static readonly string TimelineOfRun =
        $"SELECT {EventRow.ColumnList} FROM timeline WHERE run_id = $run_id ORDER BY seq";

    public static readonly string SignalsOfRun =
        $"SELECT {SignalRow.SelectList} FROM signals WHERE run_id = $run_id ORDER BY id";

    public static readonly string PendingSignalsOfRun =
        $"SELECT {SignalRow.SelectList} FROM signals WHERE run_id = $run_id AND consumed_by_seq IS NULL ORDER BY id";

    /// <summary>The earliest ready time among free runs; INDEXED BY for the reason given on the claim statement.</summary>
    public static readonly string NextReadyAt = $"""
        SELECT ready_at FROM runs INDEXED BY runs_ready
        WHERE ready_at IS NOT NULL AND status IN ({RunRow.ActiveStatuses})
          AND (lease_owner IS NULL OR lease_expires_at <= $now)
        ORDER BY ready_at
        LIMIT 1
        """;

    public static readonly string LeaseHolders =
        "SELECT lease_owner, count(*), max(lease_expires_at) FROM runs WHERE lease_owner IS NOT NULL GROUP BY lease_owner ORDER BY lease_owner";

    public static readonly string GetDefinition = $"SELECT {DefinitionRow.ColumnList} FROM definitions WHERE hash = $hash";

    public static readonly string GetPayload = "SELECT body FROM payloads WHERE hash = $hash";

    /// <summary>Lists runs newest first. Each combination of filters is its own statement, so that each can use its index.</summary>
    public static string ListRuns(bool byStatus, bool byWorkflow, bool before)
    {
        var sql = new StringBuilder($"SELECT {RunRow.ColumnList} FROM runs WHERE 1 = 1");
        if (byStatus)
        {
            sql.Append(" AND status = $status");
        }

        if (byWorkflow)
        {
            sql.Append(" AND workflow = $workflow");
        }

        if (before)
        {
            sql.Append(" AND (created_at, id) < ($before_created_at, $before_id)");
        }

        return sql.Append(" ORDER BY created_at DESC, id DESC LIMIT $limit").ToString();
    }
}
