namespace Baton;

/// <summary>Thrown when a run cannot start because something it needs is missing, such as a required environment variable or a secret. Nothing is persisted.</summary>
public sealed class RunStartException(string workflowName, IReadOnlyList<string> problems)
    : BatonException($"Workflow '{workflowName}' cannot start:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => "  " + p))}")
{
    public string WorkflowName { get; } = workflowName;

    public IReadOnlyList<string> Problems { get; } = problems;
}
