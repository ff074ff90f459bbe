using Baton.Sqlite.Reading;
using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite;

/// <summary>The read operations: each runs on a pooled read connection and never waits for the writer.</summary>
public sealed partial class SqliteWorkflowStore
{
    public ValueTask<DefinitionRecord?> GetDefinitionAsync(string hash, CancellationToken cancellationToken) =>
        ReadAsync(
            session => RunQueries.GetDefinition(session, hash ?? throw new ArgumentNullException(nameof(hash))),
            cancellationToken);

    public ValueTask<DateTimeOffset?> GetNextReadyAtAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAsync(session => SchedulingQueries.NextReadyAt(session, now), cancellationToken);

    public ValueTask<IReadOnlyList<LeaseHolder>> GetLeaseHoldersAsync(CancellationToken cancellationToken) =>
        ReadAsync(SchedulingQueries.LeaseHolders, cancellationToken);

    public ValueTask<RunSnapshot?> LoadRunAsync(RunId runId, CancellationToken cancellationToken) =>
        ReadAsync(session => RunQueries.LoadRun(session, runId), cancellationToken);

    public ValueTask<RunRecord?> GetRunAsync(RunId runId, CancellationToken cancellationToken) =>
        ReadAsync(session => RunQueries.GetRun(session, runId), cancellationToken);

    public ValueTask<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                RunListQuery.Validate(query);
                return RunListQuery.List(session, query);
            },
            cancellationToken);

    public ValueTask<IReadOnlyList<StepExecutionRecord>> GetStepExecutionsAsync(RunId runId, CancellationToken cancellationToken) =>
        ReadAsync(session => RunQueries.GetSteps(session, runId), cancellationToken);

    public ValueTask<IReadOnlyList<TimelineEvent>> GetTimelineAsync(RunId runId, CancellationToken cancellationToken) =>
        ReadAsync(session => RunQueries.GetTimeline(session, runId), cancellationToken);

    public ValueTask<IReadOnlyList<SignalRecord>> GetSignalsAsync(RunId runId, CancellationToken cancellationToken) =>
        ReadAsync(session => RunQueries.GetSignals(session, runId, pendingOnly: false), cancellationToken);

    public ValueTask<IReadOnlyList<SignalRecord>> GetPendingSignalsAsync(RunId runId, CancellationToken cancellationToken) =>
        ReadAsync(session => RunQueries.GetSignals(session, runId, pendingOnly: true), cancellationToken);

    /// <summary>Runs a query on a pooled connection. SQLite reads are synchronous, so the result is ready on return.</summary>
    private ValueTask<T> ReadAsync<T>(Func<ReadSession, T> query, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return new ValueTask<T>(Read(query));
        }
        catch (Exception e)
        {
            return ValueTask.FromException<T>(e);
        }
    }

    private T Read<T>(Func<ReadSession, T> query)
    {
        var pool = Reads;
        ReadSession session;
        try
        {
            session = pool.Rent();
        }
        catch (SqliteException e)
        {
            throw _errors.Translate(e);
        }

        var reusable = true;
        try
        {
            return query(session);
        }
        catch (SqliteException e)
        {
            reusable = false;
            throw _errors.Translate(e);
        }
        finally
        {
            pool.Return(session, reusable);
        }
    }
}
