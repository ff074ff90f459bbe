using Baton.Sqlite.Rows;
using Baton.Sqlite.Writing;
using Baton.Storage;

namespace Baton.Sqlite;

/// <summary>The write operations: each is queued for the single writer and returns once its transaction is durable.</summary>
public sealed partial class SqliteWorkflowStore
{
    public async ValueTask SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrEmpty(definition.Hash, nameof(definition));
        var row = DefinitionRow.Encode(definition);
        await WriteAsync(context => context.Commands.InsertDefinition.SetRow(DefinitionRow.Columns, row).Execute(), cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask CommitAsync(RunCommit commit, CancellationToken cancellationToken)
    {
        var prepared = PreparedCommit.Create(commit, _json);
        await WriteAsync(
                context =>
                {
                    CommitWriter.Apply(context, prepared);
                    return true;
                },
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<RunId>> ClaimRunsAsync(
        string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return await WriteAsync(context => LeaseWriter.Claim(context, owner, now, leaseUntil, max), cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask<bool> TryClaimRunAsync(
        RunId runId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return await WriteAsync(context => LeaseWriter.TryClaim(context, runId, owner, now, leaseUntil), cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<RunId>> RenewLeasesAsync(
        string owner, IReadOnlyCollection<RunId> runIds, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(runIds);
        if (runIds.Count == 0)
        {
            return [];
        }

        var ids = runIds.ToArray();
        return await WriteAsync(context => LeaseWriter.Renew(context, owner, ids, leaseUntil), cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask ReleaseLeaseAsync(RunId runId, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await WriteAsync(
                context =>
                {
                    LeaseWriter.Release(context, runId, owner);
                    return true;
                },
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask<int> ReleaseLeasesOfAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return await WriteAsync(context => LeaseWriter.ReleaseAllOf(context, owner, now), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<SignalRecord> DeliverSignalAsync(SignalRecord signal, CancellationToken cancellationToken)
    {
        var payloads = new List<Payload>();
        var prepared = PreparedSignal.Create(signal, _json, payloads);
        var id = await WriteAsync(
                context =>
                {
                    PayloadWriter.Insert(context, payloads);
                    return SignalWriter.Send(context, prepared, context.Now, dropWhenEnded: false);
                },
                cancellationToken)
            .ConfigureAwait(false);
        return signal with { Id = id!.Value, ConsumedBySeq = null };
    }

    private Task<TResult> WriteAsync<TResult>(Func<WriteContext, TResult> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.Enqueue(work, cancellationToken);
    }
}
