using System.Text.Json.Nodes;

namespace Baton.Definitions;

/// <summary>The project config file (<c>baton.yaml</c>) as a definition was compiled with it.</summary>
/// <param name="File">The file's key in the definition's bundle (a path relative to the bundle's base directory).</param>
/// <param name="Models">The <c>models:</c> section; null when absent.</param>
/// <param name="Providers">The <c>providers:</c> section; null when absent.</param>
/// <param name="Prices">The <c>prices:</c> section; null when absent.</param>
public sealed record ProjectConfig(string File, JsonObject? Models, JsonObject? Providers, JsonObject? Prices)
{
    /// <summary>
    /// The text of a file the config refers to (a scripted model's <c>script:</c>), by its path as written in the config
    /// (relative to the config's directory). Filled by the compiler from the bundle.
    /// </summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}
