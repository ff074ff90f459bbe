using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Baton.Definitions.Compiler.Yaml;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Checks a workflow's <c>inputs</c>: a JSON Schema for an object, valid against the meta-schema, with local
/// references only (so that neither the compiler nor input validation ever fetches a document), and usable by NJsonSchema.
/// </summary>
internal static class InputSchemaChecker
{
    private const string ResourceName = "Baton.Definitions.InputSchemaMetaSchema.json";

    private static readonly Lazy<JsonSchema> MetaSchema = new(() => SchemaValidation.Load(ReadMetaSchema()));

    /// <summary>Keywords that let a schema accept input names beyond those of its own <c>properties</c>.</summary>
    private static readonly string[] OpenKeywords =
        ["patternProperties", "allOf", "anyOf", "oneOf", "$ref", "if", "then", "else", "dependentSchemas", "dependencies"];

    public static (JsonObject? Schema, IReadOnlySet<string>? Names) Check(SyntaxNode node, DiagnosticBag diagnostics)
    {
        if (node is not MappingNode map)
        {
            diagnostics.Error(
                DiagnosticCodes.InputSchemaShape,
                node.Location,
                $"'inputs' must be a JSON Schema for an object (a mapping such as {{ type: object, properties: ... }}), not {node.Describe()}.");
            return (null, null);
        }

        var errorsBefore = diagnostics.ErrorCount;
        if (map["type"] is { } type && type is not ScalarNode { IsString: true, Value: "object" })
        {
            diagnostics.Error(
                DiagnosticCodes.InputSchemaShape,
                type.Location,
                $"A run's inputs are always an object, so the inputs schema's 'type' must be 'object' (or left out), not {Shown(type)}.");
        }

        CheckKeywords(map, diagnostics);
        var json = (JsonObject)map.ToJson()!;
        foreach (var error in SchemaValidation.Leaves(SchemaValidation.Validate(MetaSchema.Value, json)))
        {
            ReportMetaError(map, json, error, diagnostics);
        }

        if (diagnostics.ErrorCount == errorsBefore)
        {
            try
            {
                SchemaValidation.Load(json.ToJsonString());
            }
            catch (Exception ex)
            {
                diagnostics.Error(DiagnosticCodes.InputSchemaInvalid, map.Location, $"The inputs schema cannot be used: {ex.Message}");
            }
        }

        return (json, DeclaredNames(map));
    }

    private static IReadOnlySet<string>? DeclaredNames(MappingNode map)
    {
        var open = OpenKeywords.Any(k => map.Find(k) is not null)
            || map["additionalProperties"] is { } additional && additional is not ScalarNode { Kind: ScalarKind.Boolean, Value: "false" }
            || map["unevaluatedProperties"] is { } unevaluated && unevaluated is not ScalarNode { Kind: ScalarKind.Boolean, Value: "false" };
        return !open && map["properties"] is MappingNode properties ? properties.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal) : null;
    }

    /// <summary>Rejects remote references and patterns that .NET cannot compile, wherever they are nested.</summary>
    private static void CheckKeywords(SyntaxNode node, DiagnosticBag diagnostics)
    {
        if (node is SequenceNode list)
        {
            foreach (var item in list.Items)
            {
                CheckKeywords(item, diagnostics);
            }
        }

        if (node is not MappingNode map)
        {
            return;
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Name == "$ref" && entry.Value is ScalarNode { IsString: true } reference && !reference.Value.StartsWith('#'))
            {
                diagnostics.Error(
                    DiagnosticCodes.InputSchemaInvalid,
                    reference.Location,
                    $"The inputs schema may only refer to its own parts ('#/...'); '{reference.Value}' would be fetched from elsewhere. Copy the definition into '$defs'.");
            }

            if (entry.Name == "pattern" && entry.Value is ScalarNode { IsString: true } pattern)
            {
                CheckPattern(pattern, pattern.Value, diagnostics);
            }

            if (entry.Name == "patternProperties" && entry.Value is MappingNode patterns)
            {
                foreach (var key in patterns.Entries)
                {
                    CheckPattern(key.Key, key.Name, diagnostics);
                }
            }

            CheckKeywords(entry.Value, diagnostics);
        }
    }

    private static void CheckPattern(SyntaxNode node, string pattern, DiagnosticBag diagnostics)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            diagnostics.Error(DiagnosticCodes.InputSchemaInvalid, node.Location, $"'{pattern}' is not a valid regular expression: {ex.Message}");
        }
    }

    private static void ReportMetaError(MappingNode root, JsonObject json, ValidationError error, DiagnosticBag diagnostics)
    {
        var (node, entry) = YamlPath.Locate(root, error.Path ?? "#");
        var keyword = error.Property ?? entry?.Name ?? "inputs";
        string message;
        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var known = MetaSchema.Value.Properties.Keys;
                message = $"'{keyword}' is not a JSON Schema keyword.{Suggestions.Hint(keyword, known)}";
                diagnostics.Error(DiagnosticCodes.InputSchemaInvalid, entry?.Key.Location ?? node.Location, message);
                return;
            case ValidationErrorKind.NotAnyOf when keyword == "type":
                message = "'type' must be one of array, boolean, integer, null, number, object and string, or a list of them.";
                break;
            case ValidationErrorKind.NotAnyOf when keyword == "items":
                message = "'items' must be a schema (a mapping) or a list of schemas.";
                break;
            default:
                var actual = JsonPaths.Find(json, error.Path ?? "#");
                message = $"In the inputs schema, '{keyword}' {SchemaMessages.Describe(error, actual)}.";
                break;
        }

        diagnostics.Error(DiagnosticCodes.InputSchemaInvalid, node.Location, message);
    }

    private static string Shown(SyntaxNode node) => node is ScalarNode scalar ? $"'{scalar.Value}'" : node.Describe();

    private static string ReadMetaSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource '{ResourceName}' is missing from the Baton.Core assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
