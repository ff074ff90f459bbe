using Baton.Sqlite.Rows;
using Baton.Storage;

namespace Baton.Sqlite.Writing;

/// <summary>
/// A <see cref="RunCommit"/> turned into column values on the caller's thread, so that the single writer only binds and
/// executes. It also captures the JSON as it was when the caller committed.
/// </summary>
internal sealed class PreparedCommit
{
    public required RunId RunId { get; init; }

    public required bool IsNew { get; init; }

    public string? ExpectedLeaseOwner { get; init; }

    public required object?[] Run { get; init; }

    public required IReadOnlyList<object?[]> Definitions { get; init; }

    public required IReadOnlyList<object?[]> Steps { get; init; }

    public required IReadOnlyList<object?[]> Events { get; init; }

    public required IReadOnlyList<(long SignalId, long StepSeq)> ConsumedSignals { get; init; }

    public required IReadOnlyList<PreparedCommit> NewRuns { get; init; }

    public required IReadOnlyList<PreparedSignal> OutgoingSignals { get; init; }

    /// <summary>The large JSON values of this commit and its new runs, to store before the rows that refer to them.</summary>
    public required IReadOnlyList<Payload> Payloads { get; init; }

    /// <exception cref="ArgumentException">The commit is malformed: no run id, a lease without expiry, or a step or event of another run.</exception>
    public static PreparedCommit Create(RunCommit commit, JsonEncoder json)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return Create(commit, commit.IsNew, json, []);
    }

    private static PreparedCommit Create(RunCommit commit, bool isNew, JsonEncoder json, List<Payload> payloads)
    {
        var run = commit.Run ?? throw new ArgumentException("RunCommit.Run is null; a commit needs the run's whole record.", nameof(commit));
        var runId = run.Id;
        if (string.IsNullOrEmpty(runId.Value))
        {
            throw new ArgumentException("RunCommit.Run.Id is empty; every run needs an id, such as one from RunId.New.", nameof(commit));
        }

        if (run.LeaseOwner is not null && run.LeaseExpiresAt is null)
        {
            throw new ArgumentException($"Run '{runId}' has lease owner '{run.LeaseOwner}' but no LeaseExpiresAt; a lease needs an expiry.", nameof(commit));
        }

        foreach (var step in commit.Steps.Where(s => s.RunId != runId))
        {
            throw new ArgumentException($"Step execution {step.Seq} belongs to run '{step.RunId}', but the commit is for run '{runId}'.", nameof(commit));
        }

        foreach (var e in commit.Events.Where(e => e.RunId != runId))
        {
            throw new ArgumentException($"Timeline event {e.Seq} belongs to run '{e.RunId}', but the commit is for run '{runId}'.", nameof(commit));
        }

        return new PreparedCommit
        {
            RunId = runId,
            IsNew = isNew,
            ExpectedLeaseOwner = commit.ExpectedLeaseOwner,
            Run = RunRow.Encode(run, json, payloads),
            Definitions = commit.Definitions.Select(DefinitionRow.Encode).ToArray(),
            Steps = commit.Steps.Select(s => StepRow.Encode(s, json, payloads)).ToArray(),
            Events = commit.Events.Select(e => EventRow.Encode(e, json, payloads)).ToArray(),
            ConsumedSignals = commit.ConsumedSignals.ToArray(),

            // Runs created with a transition are new by definition, whatever their own IsNew says.
            NewRuns = commit.NewRuns.Select(child => Create(child, isNew: true, json, payloads)).ToArray(),
            OutgoingSignals = commit.OutgoingSignals.Select(s => PreparedSignal.Create(s, json, payloads)).ToArray(),
            Payloads = payloads,
        };
    }
}
