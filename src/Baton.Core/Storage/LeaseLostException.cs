namespace Baton.Storage;

/// <summary>Thrown when a commit's <see cref="RunCommit.ExpectedLeaseOwner"/> no longer holds the run. The worker must drop its copy of the run.</summary>
public sealed class LeaseLostException(RunId runId, string owner)
    : BatonException($"Worker '{owner}' no longer holds the lease on run '{runId}'; another worker has taken it over or the run was changed. This worker drops its copy.")
{
    public RunId RunId { get; } = runId;

    public string Owner { get; } = owner;

    public override bool IsTransient => true;
}
