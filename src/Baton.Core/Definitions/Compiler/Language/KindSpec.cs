namespace Baton.Definitions.Compiler.Language;

/// <summary>A built-in step kind: its key, the form of the value under the key, and which workflow defaults it takes.</summary>
/// <param name="TakesRetryDefault">Whether <c>defaults.retry</c> applies to steps of this kind.</param>
/// <param name="TakesTimeoutDefault">Whether <c>defaults.timeout</c> applies to steps of this kind.</param>
internal sealed record KindSpec(string Name, Shape Shape, string Description, bool TakesRetryDefault, bool TakesTimeoutDefault);
