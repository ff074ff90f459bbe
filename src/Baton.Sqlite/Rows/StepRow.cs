using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Rows;

/// <summary>The columns of the <c>step_executions</c> table and how a <see cref="StepExecutionRecord"/> maps to them.</summary>
internal static class StepRow
{
    public static readonly string[] Columns =
    [
        "run_id", "seq", "step_id", "kind", "path", "parent_seq", "ordinal", "iteration", "status", "attempts",
        "created_at", "started_at", "ended_at", "ready_at", "output", "error", "state", "actor",
    ];

    public static readonly string ColumnList = string.Join(", ", Columns);

    public static object?[] Encode(StepExecutionRecord step, JsonEncoder json, List<Payload> payloads) =>
    [
        step.RunId.Value,
        step.Seq,
        step.StepId,
        step.Kind,
        step.Path,
        step.ParentSeq,
        (long)step.Ordinal,
        (long)step.Iteration,
        (long)step.Status,
        (long)step.Attempts,
        DbTime.ToDb(step.CreatedAt),
        DbTime.ToDb(step.StartedAt),
        DbTime.ToDb(step.EndedAt),
        DbTime.ToDb(step.ReadyAt),
        json.Encode(step.Output, payloads),
        json.Encode(step.Error, payloads),
        json.Encode(step.State, payloads),
        step.Actor,
    ];

    public static StepExecutionRecord Read(SqliteDataReader reader, IPayloadSource payloads, SqliteErrors errors) => new()
    {
        RunId = new RunId(reader.GetString(0)),
        Seq = reader.GetInt64(1),
        StepId = reader.GetString(2),
        Kind = reader.GetString(3),
        Path = reader.GetString(4),
        ParentSeq = reader.GetInt64OrNull(5),
        Ordinal = reader.GetInt32(6),
        Iteration = reader.GetInt32(7),
        Status = (StepStatus)reader.GetInt32(8),
        Attempts = reader.GetInt32(9),
        CreatedAt = reader.GetTime(10),
        StartedAt = reader.GetTimeOrNull(11),
        EndedAt = reader.GetTimeOrNull(12),
        ReadyAt = reader.GetTimeOrNull(13),
        Output = reader.GetJson(14, payloads, errors),
        Error = reader.GetError(15, payloads, errors),
        State = reader.GetJsonObjectOrNull(16, payloads, errors),
        Actor = reader.GetStringOrNull(17),
    };
}
