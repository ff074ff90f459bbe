namespace Baton;

/// <summary>Thrown when an operation does not fit the run's current state, such as approving a step that is not waiting.</summary>
public sealed class InvalidRunOperationException(RunId runId, string message) : BatonException(message)
{
    public RunId RunId { get; } = runId;
}
