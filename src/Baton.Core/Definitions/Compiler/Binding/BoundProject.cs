using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>A project config file's sections, validated. Scripts are named by their keys in the compilation's bundle.</summary>
internal sealed record BoundProject(JsonObject? Models, JsonObject? Providers, JsonObject? Prices);
