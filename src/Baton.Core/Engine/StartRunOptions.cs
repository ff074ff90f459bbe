namespace Baton.Engine;

/// <summary>Options for starting a run.</summary>
public sealed class StartRunOptions
{
    /// <summary>Who started the run, such as <c>user:ana</c>; recorded in the timeline. Default <c>api</c>.</summary>
    public string Actor { get; init; } = "api";

    /// <summary>An id for the run, so that a caller can retry a start without creating two runs. Default: a new id.</summary>
    public RunId? RunId { get; init; }
}
