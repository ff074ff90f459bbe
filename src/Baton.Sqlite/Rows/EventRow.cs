using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Rows;

/// <summary>The columns of the <c>timeline</c> table and how a <see cref="TimelineEvent"/> maps to them.</summary>
internal static class EventRow
{
    public static readonly string[] Columns =
        ["run_id", "seq", "at", "type", "step_seq", "path", "attempt", "actor", "message", "data"];

    public static readonly string ColumnList = string.Join(", ", Columns);

    public static object?[] Encode(TimelineEvent e, JsonEncoder json, List<Payload> payloads) =>
    [
        e.RunId.Value,
        e.Seq,
        DbTime.ToDb(e.At),
        e.Type,
        e.StepSeq,
        e.Path,
        e.Attempt is { } attempt ? (long)attempt : null,
        e.Actor,
        e.Message,
        json.Encode(e.Data, payloads),
    ];

    public static TimelineEvent Read(SqliteDataReader reader, IPayloadSource payloads, SqliteErrors errors) => new()
    {
        RunId = new RunId(reader.GetString(0)),
        Seq = reader.GetInt64(1),
        At = reader.GetTime(2),
        Type = reader.GetString(3),
        StepSeq = reader.GetInt64OrNull(4),
        Path = reader.GetStringOrNull(5),
        Attempt = reader.GetInt32OrNull(6),
        Actor = reader.GetStringOrNull(7),
        Message = reader.GetStringOrNull(8),
        Data = reader.GetJson(9, payloads, errors),
    };
}
