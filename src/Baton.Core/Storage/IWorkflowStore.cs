namespace Baton.Storage;

/// <summary>
/// Where runs live. The engine holds no state a crash could lose: everything it knows is here.
/// </summary>
/// <remarks>
/// <para>Implementations: the embedded SQLite store, and in time PostgreSQL for many workers. Both pass the same
/// conformance suite. All methods are thread-safe.</para>
/// <para><b>Leases.</b> A worker claims a run before it executes any of its steps, and holds it with a lease (owner and
/// expiry). Claiming is atomic: two workers never hold one run. A lease that expires can be taken over; the old
/// holder's next commit then fails with <see cref="LeaseLostException"/>.</para>
/// <para><b>Durability.</b> <see cref="CommitAsync"/> returns only after the transition is durable (fsync'd).</para>
/// </remarks>
public interface IWorkflowStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema. Safe to call more than once.</summary>
    /// <exception cref="StoreException">The store is locked, corrupt or from a newer version.</exception>
    ValueTask InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a definition if its hash is not stored yet.</summary>
    ValueTask SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken);

    ValueTask<DefinitionRecord?> GetDefinitionAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Applies one transition atomically and durably.</summary>
    /// <exception cref="LeaseLostException">The run is no longer held by <see cref="RunCommit.ExpectedLeaseOwner"/>.</exception>
    /// <remarks>
    /// When the new record releases the lease (<see cref="RunRecord.LeaseOwner"/> null) while a signal newer than
    /// <see cref="RunRecord.SignalWatermark"/> is stored for a run that has not ended, the store sets the run's
    /// <see cref="RunRecord.ReadyAt"/> to now, so that no signal is missed.
    /// </remarks>
    ValueTask CommitAsync(RunCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> runs whose <see cref="RunRecord.ReadyAt"/> is at or before <paramref name="now"/>
    /// and that no live lease holds, earliest first, leasing them to <paramref name="owner"/> until <paramref name="leaseUntil"/>.
    /// </summary>
    ValueTask<IReadOnlyList<RunId>> ClaimRunsAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>Claims one run whatever its <see cref="RunRecord.ReadyAt"/>, if no live lease holds it and it has not ended. Re-claiming a run already held by <paramref name="owner"/> succeeds.</summary>
    ValueTask<bool> TryClaimRunAsync(RunId runId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Extends the leases <paramref name="owner"/> holds on <paramref name="runIds"/>. Returns the runs it no longer holds.</summary>
    ValueTask<IReadOnlyList<RunId>> RenewLeasesAsync(string owner, IReadOnlyCollection<RunId> runIds, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Releases the lease <paramref name="owner"/> holds on a run, leaving the run otherwise as it is, except that, as for
    /// a releasing commit, a signal newer than the run's <see cref="RunRecord.SignalWatermark"/> makes it ready now.
    /// </summary>
    ValueTask ReleaseLeaseAsync(RunId runId, string owner, CancellationToken cancellationToken);

    /// <summary>Lists the workers that hold leases.</summary>
    ValueTask<IReadOnlyList<LeaseHolder>> GetLeaseHoldersAsync(CancellationToken cancellationToken);

    /// <summary>Releases every lease of an owner known to be dead, making its runs ready now. Returns how many runs it released.</summary>
    ValueTask<int> ReleaseLeasesOfAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The earliest <see cref="RunRecord.ReadyAt"/> among runs no live lease holds; null when none is scheduled.</summary>
    ValueTask<DateTimeOffset?> GetNextReadyAtAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Loads a run with its step executions and pending signals; null when no such run exists.</summary>
    ValueTask<RunSnapshot?> LoadRunAsync(RunId runId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a signal for a run and makes the run ready (unless it has ended). Returns the stored signal with its id.
    /// </summary>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="InvalidRunOperationException">The run has ended.</exception>
    ValueTask<SignalRecord> DeliverSignalAsync(SignalRecord signal, CancellationToken cancellationToken);

    ValueTask<RunRecord?> GetRunAsync(RunId runId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<StepExecutionRecord>> GetStepExecutionsAsync(RunId runId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<TimelineEvent>> GetTimelineAsync(RunId runId, CancellationToken cancellationToken);

    /// <summary>Every signal of a run, consumed or not, in id order.</summary>
    ValueTask<IReadOnlyList<SignalRecord>> GetSignalsAsync(RunId runId, CancellationToken cancellationToken);

    /// <summary>
    /// The signals of a run that no step has consumed yet, in id order: an event that no wait has listened for, a
    /// decision or cancellation not applied yet. Empty for an unknown run.
    /// </summary>
    ValueTask<IReadOnlyList<SignalRecord>> GetPendingSignalsAsync(RunId runId, CancellationToken cancellationToken);
}
