using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>What happens when a step fails for good (after its retries).</summary>
public sealed record OnErrorPolicy
{
    public static readonly OnErrorPolicy Fail = new() { Action = OnErrorAction.Fail };

    public OnErrorAction Action { get; init; }

    /// <summary>For <see cref="OnErrorAction.Goto"/>: the step to go to, in the same sequence.</summary>
    public string? Target { get; init; }

    /// <summary>For <see cref="OnErrorAction.Continue"/>: the output the failed step takes; null gives a null output.</summary>
    public ValueTemplate? Output { get; init; }
}

public enum OnErrorAction
{
    /// <summary>The failure propagates: to the enclosing step, and at the top level to the run.</summary>
    Fail = 1,

    /// <summary>The step keeps its failed status, takes the given output, and the flow goes on to the next step.</summary>
    Continue = 2,

    /// <summary>The flow jumps to a step in the same sequence.</summary>
    Goto = 3,
}
