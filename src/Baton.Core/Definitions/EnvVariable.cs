namespace Baton.Definitions;

/// <summary>An environment variable a workflow may read. Its value is captured when a run starts, so that a resumed run sees the same value.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="DefaultValue">The value used when the variable is not set.</param>
/// <param name="Required">True when a run cannot start without a value (no default was declared).</param>
public sealed record EnvVariable(string Name, string? DefaultValue, bool Required);
