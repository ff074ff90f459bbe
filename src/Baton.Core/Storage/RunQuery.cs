namespace Baton.Storage;

/// <summary>A filter for listing runs, newest first.</summary>
public sealed record RunQuery
{
    public RunStatus? Status { get; init; }

    public string? WorkflowName { get; init; }

    /// <summary>The most runs to return. Default 50.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Only runs created before this one, for paging.</summary>
    public RunId? Before { get; init; }
}
