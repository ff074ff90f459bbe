namespace Baton.Storage;

/// <summary>A stored definition: the bundle a run is pinned to, by hash.</summary>
/// <param name="Bundle">The <see cref="Baton.Definitions.DefinitionBundle"/> as JSON.</param>
public sealed record DefinitionRecord(string Hash, string Name, string? Version, string Bundle, DateTimeOffset CreatedAt);
