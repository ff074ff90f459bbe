using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>The configuration of a custom-kind step whose executor declared a JSON Schema for it, templates included.</summary>
internal sealed record CustomConfigSite(string Kind, JsonObject Schema, SyntaxNode Node);
