namespace Baton;

/// <summary>Thrown when a run's inputs do not match the workflow's input schema. Nothing is persisted.</summary>
public sealed class WorkflowInputException : BatonException
{
    public WorkflowInputException(string workflowName, IReadOnlyList<InputError> errors)
        : base(FormatMessage(workflowName, errors))
    {
        WorkflowName = workflowName;
        Errors = errors;
    }

    public string WorkflowName { get; }

    public IReadOnlyList<InputError> Errors { get; }

    private static string FormatMessage(string workflowName, IReadOnlyList<InputError> errors)
    {
        var lines = errors.Select(e => $"  {e.Path}: {e.Message}");
        return $"The inputs do not match the input schema of workflow '{workflowName}':{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}

/// <summary>One input problem: a field path such as <c>inputs.client</c> and the reason.</summary>
public sealed record InputError(string Path, string Message);
