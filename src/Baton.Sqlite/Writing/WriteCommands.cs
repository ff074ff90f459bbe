using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Writing;

/// <summary>The writer connection's prepared statements, created once and reused for every transaction.</summary>
internal sealed class WriteCommands : IDisposable
{
    private readonly List<Statement> _all = [];

    public WriteCommands(SqliteConnection connection)
    {
        Statement Prepare(string sql)
        {
            var statement = new Statement(connection, sql);
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

    public Statement Commit { get; }

    public Statement Rollback { get; }

    public Statement Savepoint { get; }

    public Statement ReleaseSavepoint { get; }

    public Statement RollbackToSavepoint { get; }

    public Statement InsertPayload { get; }

    public Statement InsertDefinition { get; }

    public Statement InsertRun { get; }

    public Statement UpdateRun { get; }

    public Statement RunStatus { get; }

    public Statement UpsertStep { get; }

    public Statement InsertEvent { get; }

    public Statement ConsumeSignal { get; }

    public Statement InsertSignal { get; }

    public Statement WakeForSignal { get; }

    public Statement ClaimRuns { get; }

    public Statement TryClaimRun { get; }

    public Statement RenewLease { get; }

    public Statement ReleaseLease { get; }

    public Statement ReleaseLeasesOf { get; }

    public void Dispose()
    {
        foreach (var statement in _all)
        {
            statement.Dispose();
        }
    }
}
