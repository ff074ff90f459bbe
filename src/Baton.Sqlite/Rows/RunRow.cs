using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Rows;

/// <summary>The columns of the <c>runs</c> table and how a <see cref="RunRecord"/> maps to them.</summary>
internal static class RunRow
{
    /// <summary>The statuses of a run that has not ended, as SQL: runs that can be claimed and woken.</summary>
    public static readonly string ActiveStatuses = $"{(int)RunStatus.Running}, {(int)RunStatus.Waiting}";

    /// <summary>Every column a <see cref="RunRecord"/> writes, in the order of <see cref="Encode"/> and <see cref="Read"/>.</summary>
    public static readonly string[] Columns =
    [
        "id", "workflow", "definition_hash", "status", "inputs", "vars", "env", "output", "error",
        "created_at", "updated_at", "completed_at", "ready_at", "parent_run_id", "parent_step_seq",
        "next_step_seq", "next_event_seq", "signal_watermark", "compensating", "lease_owner", "lease_expires_at",
        "working_directory",
    ];

    public static readonly string ColumnList = string.Join(", ", Columns);

    public static object?[] Encode(RunRecord run, JsonEncoder json, List<Payload> payloads) =>
    [
        run.Id.Value,
        run.WorkflowName,
        run.DefinitionHash,
        (long)run.Status,
        json.Encode(run.Inputs, payloads),
        json.Encode(run.Vars, payloads),
        json.Encode(run.Env, payloads),
        json.Encode(run.Output, payloads),
        json.Encode(run.Error, payloads),
        DbTime.ToDb(run.CreatedAt),
        DbTime.ToDb(run.UpdatedAt),
        DbTime.ToDb(run.CompletedAt),
        DbTime.ToDb(run.ReadyAt),
        run.ParentRunId?.Value,
        run.ParentStepSeq,
        run.NextStepSeq,
        run.NextEventSeq,
        run.SignalWatermark,
        run.Compensating ? 1L : 0L,
        run.LeaseOwner,
        DbTime.ToDb(run.LeaseExpiresAt),
        run.WorkingDirectory,
    ];

    /// <summary>Reads a row selected with <see cref="ColumnList"/>, starting at column 0.</summary>
    public static RunRecord Read(SqliteDataReader reader, IPayloadSource payloads, SqliteErrors errors) => new()
    {
        Id = new RunId(reader.GetString(0)),
        WorkflowName = reader.GetString(1),
        DefinitionHash = reader.GetString(2),
        Status = (RunStatus)reader.GetInt32(3),
        Inputs = reader.GetJsonObject(4, payloads, errors),
        Vars = reader.GetJsonObject(5, payloads, errors),
        Env = reader.GetJsonObject(6, payloads, errors),
        Output = reader.GetJson(7, payloads, errors),
        Error = reader.GetError(8, payloads, errors),
        CreatedAt = reader.GetTime(9),
        UpdatedAt = reader.GetTime(10),
        CompletedAt = reader.GetTimeOrNull(11),
        ReadyAt = reader.GetTimeOrNull(12),
        ParentRunId = reader.GetStringOrNull(13) is { } parent ? new RunId(parent) : null,
        ParentStepSeq = reader.GetInt64OrNull(14),
        NextStepSeq = reader.GetInt64(15),
        NextEventSeq = reader.GetInt64(16),
        SignalWatermark = reader.GetInt64(17),
        Compensating = reader.GetInt64(18) != 0,
        LeaseOwner = reader.GetStringOrNull(19),
        LeaseExpiresAt = reader.GetTimeOrNull(20),
        WorkingDirectory = reader.GetString(21),
    };
}
