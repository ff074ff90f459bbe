using System.Text.Json.Nodes;

namespace Baton.Definitions;

/// <summary>The project config file (<c>baton.yaml</c>) as a definition was compiled with it.</summary>
/// <param name="File">The file's key in the definition's bundle (a path relative to the bundle's base directory).</param>
/// <param name="Models">The <c>models:</c> section; null when absent.</param>
/// <param name="Providers">The <c>providers:</c> section; null when absent.</param>
/// <param name="Prices">The <c>prices:</c> section; null when absent.</param>
/// <remarks>
/// A model's <c>script:</c> (here and in the workflow's own <c>models:</c>) is rewritten to the script file's key in the
/// bundle, whose text is in <see cref="DefinitionBundle.Files"/>: scripted runs are pinned to their script.
/// </remarks>
public sealed record ProjectConfig(string File, JsonObject? Models, JsonObject? Providers, JsonObject? Prices);
