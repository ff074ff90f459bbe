namespace Baton;

/// <summary>Thrown when a run id names no run in the store.</summary>
public sealed class RunNotFoundException(RunId runId)
    : BatonException($"No run '{runId}' exists in this store. List runs with 'baton runs'.")
{
    public RunId RunId { get; } = runId;
}
