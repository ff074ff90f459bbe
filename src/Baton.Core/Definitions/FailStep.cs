using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>Fails with the given error. At the top level, this ends the run (after compensation).</summary>
public sealed class FailStep : StepDefinition
{
    public const string DefaultCode = "fail";

    public override string Kind => "fail";

    public required Template Message { get; init; }

    /// <summary>The error code; <see cref="DefaultCode"/> when not given.</summary>
    public string Code { get; init; } = DefaultCode;
}
