using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Reports the problems of a schema written in a workflow where they are written.</summary>
internal static class SchemaDiagnostics
{
    /// <summary>Reports <see cref="SchemaChecker"/>'s problems as errors with <paramref name="code"/>, and formats that check nothing as warnings.</summary>
    public static void Report(SyntaxNode node, JsonNode schema, string what, string code, DiagnosticBag diagnostics)
    {
        foreach (var problem in SchemaChecker.Check(schema, what))
        {
            diagnostics.Error(code, YamlPath.LocationOf(node, problem.Path, problem.AtKey), problem.Message);
        }

        foreach (var (path, format) in SchemaChecker.UnknownFormats(schema))
        {
            diagnostics.Warning(
                DiagnosticCodes.UnknownFormat,
                YamlPath.LocationOf(node, [.. path, "format"], atKey: false),
                $"'{format}' is not a format Baton checks, so it constrains nothing.{Suggestions.Hint(format, SchemaChecker.KnownFormats)} The checked formats are {string.Join(", ", SchemaChecker.KnownFormats)}.");
        }
    }
}
