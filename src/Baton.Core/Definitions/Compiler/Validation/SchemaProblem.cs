namespace Baton.Definitions.Compiler.Validation;

/// <summary>Something wrong with a schema itself: where in the schema (member names and indexes), and why.</summary>
/// <param name="AtKey">True when the key at <paramref name="Path"/> is the problem (an unknown keyword) rather than its value.</param>
internal sealed record SchemaProblem(IReadOnlyList<object> Path, string Message, bool AtKey = false);
