using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Rows;

/// <summary>The columns of the <c>signals</c> table and how a <see cref="SignalRecord"/> maps to them.</summary>
internal static class SignalRow
{
    /// <summary>The columns an insert writes; the store assigns <c>id</c>, and <c>consumed_by_seq</c> starts NULL.</summary>
    public static readonly string[] InsertColumns = ["run_id", "kind", "name", "target", "data", "actor", "created_at"];

    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public static readonly string SelectList = "id, " + string.Join(", ", InsertColumns) + ", consumed_by_seq";

    public static object?[] Encode(SignalRecord signal, JsonEncoder json, List<Payload> payloads) =>
    [
        signal.RunId.Value,
        (long)signal.Kind,
        signal.Name,
        signal.Target,
        json.Encode(signal.Data, payloads),
        signal.Actor,
        DbTime.ToDb(signal.CreatedAt),
    ];

    public static SignalRecord Read(SqliteDataReader reader, IPayloadSource payloads, SqliteErrors errors) => new()
    {
        Id = reader.GetInt64(0),
        RunId = new RunId(reader.GetString(1)),
        Kind = (SignalKind)reader.GetInt32(2),
        Name = reader.GetString(3),
        Target = reader.GetStringOrNull(4),
        Data = reader.GetJson(5, payloads, errors),
        Actor = reader.GetStringOrNull(6),
        CreatedAt = reader.GetTime(7),
        ConsumedBySeq = reader.GetInt64OrNull(8),
    };
}
