using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Writing;

/// <summary>The writer connection's prepared statements, created once and reused for every transaction.</summary>
internal sealed class WriteCommands : IDisposable
{
    private readonly List<WriteStatement> _all = [];

    public WriteCommands(SqliteConnection connection)
    {
        WriteStatement Prepare(string sql)
        {
            var statement = new WriteStatement(connection, sql);
            _all.Add(statement);
            return statement;
        }

        Commit = Prepare("COMMIT");
        Rollback = Prepare("ROLLBACK");
        Savepoint = Prepare("SAVEPOINT operation");
        ReleaseSavepoint = Prepare("RELEASE operation");
        RollbackToSavepoint = Prepare("ROLLBACK TO operation");
        InsertPayload = Prepare(WriteSql.InsertPayload);
        InsertDefinition = Prepare(WriteSql.InsertDefinition);
        InsertRun = Prepare(WriteSql.InsertRun);
        UpdateRun = Prepare(WriteSql.UpdateRun);
        RunStatus = Prepare(WriteSql.RunStatus);
        UpsertStep = Prepare(WriteSql.UpsertStep);
        InsertEvent = Prepare(WriteSql.InsertEvent);
        ConsumeSignal = Prepare(WriteSql.ConsumeSignal);
        InsertSignal = Prepare(WriteSql.InsertSignal);
        WakeForSignal = Prepare(WriteSql.WakeForSignal);
        ClaimRuns = Prepare(WriteSql.ClaimRuns);
        TryClaimRun = Prepare(WriteSql.TryClaimRun);
        RenewLease = Prepare(WriteSql.RenewLease);
        ReleaseLease = Prepare(WriteSql.ReleaseLease);
        ReleaseLeasesOf = Prepare(WriteSql.ReleaseLeasesOf);
    }

    public WriteStatement Commit { get; }

    public WriteStatement Rollback { get; }

    public WriteStatement Savepoint { get; }

    public WriteStatement ReleaseSavepoint { get; }

    public WriteStatement RollbackToSavepoint { get; }

    public WriteStatement InsertPayload { get; }

    public WriteStatement InsertDefinition { get; }

    public WriteStatement InsertRun { get; }

    public WriteStatement UpdateRun { get; }

    public WriteStatement RunStatus { get; }

    public WriteStatement UpsertStep { get; }

    public WriteStatement InsertEvent { get; }

    public WriteStatement ConsumeSignal { get; }

    public WriteStatement InsertSignal { get; }

    public WriteStatement WakeForSignal { get; }

    public WriteStatement ClaimRuns { get; }

    public WriteStatement TryClaimRun { get; }

    public WriteStatement RenewLease { get; }

    public WriteStatement ReleaseLease { get; }

    public WriteStatement ReleaseLeasesOf { get; }

    public void Dispose()
    {
        foreach (var statement in _all)
        {
            statement.Dispose();
        }
    }
}
