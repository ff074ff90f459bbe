using Baton.Sqlite.Rows;
using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Reading;

/// <summary>Reads runs and what belongs to them.</summary>
internal static class RunQueries
{
    public static RunRecord? GetRun(ReadSession session, RunId runId)
    {
        using var reader = session.Get(ReadSql.GetRun).Set("id", runId.Value).Query();
        return reader.Read() ? RunRow.Read(reader, session, session.Errors) : null;
    }

    public static RunSnapshot? LoadRun(ReadSession session, RunId runId) => session.InSnapshot(s =>
        GetRun(s, runId) is { } run
            ? new RunSnapshot(run, GetSteps(s, runId), GetSignals(s, runId, pendingOnly: true))
            : null);

    public static IReadOnlyList<StepExecutionRecord> GetSteps(ReadSession session, RunId runId) =>
        ReadAll(session, ReadSql.StepsOfRun, runId, StepRow.Read);

    public static IReadOnlyList<TimelineEvent> GetTimeline(ReadSession session, RunId runId) =>
        ReadAll(session, ReadSql.TimelineOfRun, runId, EventRow.Read);

    public static IReadOnlyList<SignalRecord> GetSignals(ReadSession session, RunId runId, bool pendingOnly) =>
        ReadAll(session, pendingOnly ? ReadSql.PendingSignalsOfRun : ReadSql.SignalsOfRun, runId, SignalRow.Read);

    public static DefinitionRecord? GetDefinition(ReadSession session, string hash)
    {
        using var reader = session.Get(ReadSql.GetDefinition).Set("hash", hash).Query();
        return reader.Read() ? DefinitionRow.Read(reader) : null;
    }

    private static List<T> ReadAll<T>(
        ReadSession session, string sql, RunId runId, Func<SqliteDataReader, IPayloadSource, SqliteErrors, T> read)
    {
        var rows = new List<T>();
        using var reader = session.Get(sql).Set("run_id", runId.Value).Query();
        while (reader.Read())
        {
            rows.Add(read(reader, session, session.Errors));
        }

        return rows;
    }
}
