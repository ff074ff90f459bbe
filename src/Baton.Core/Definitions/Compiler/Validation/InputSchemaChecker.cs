using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Checks a workflow's <c>inputs</c>: a JSON Schema for an object that <see cref="SchemaChecker"/> accepts, whose
/// top-level defaults match their own schemas (a default is applied to every run that leaves its input out).
/// </summary>
internal static class InputSchemaChecker
{
    /// <summary>Keywords that let a schema accept input names beyond those of its own <c>properties</c>.</summary>
    private static readonly string[] OpenKeywords =
        ["patternProperties", "allOf", "anyOf", "oneOf", "$ref", "$dynamicRef", "if", "then", "else", "dependentSchemas"];

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

        var json = (JsonObject)map.ToJson()!;
        SchemaDiagnostics.Report(map, json, "the inputs schema", DiagnosticCodes.InputSchemaInvalid, diagnostics);
        if (diagnostics.ErrorCount == errorsBefore)
        {
            CheckDefaults(map, json, diagnostics);
        }

        return (json, DeclaredNames(map));
    }

    /// <summary>Each top-level default is checked as the input it stands for, in the whole schema.</summary>
    private static void CheckDefaults(MappingNode map, JsonObject json, DiagnosticBag diagnostics)
    {
        if (json["properties"] is not JsonObject properties || !SchemaValidation.TryLoad(json, out var schema, out _))
        {
            return;
        }

        foreach (var (name, property) in properties)
        {
            if (property is not JsonObject propertySchema || !propertySchema.TryGetPropertyValue("default", out var value))
            {
                continue;
            }

            var data = new JsonObject { [name] = value?.DeepClone() };
            foreach (var error in SchemaValidation.Validate(schema, data).Where(e => e.Path.Count > 0 && e.Path[0] is string n && n == name))
            {
                var inner = error.Path.Skip(1).ToList();
                var subject = inner.Count == 0 ? $"The default of input '{name}'" : $"In the default of input '{name}', '{JsonPaths.Display(inner)}'";
                diagnostics.Error(
                    DiagnosticCodes.InputDefaultInvalid,
                    YamlPath.Locate(map, ["properties", name, "default", .. inner]).Node.Location,
                    $"{subject} {SchemaMessages.Describe(error, JsonPaths.Find(data, error.Path))}; every run that leaves '{name}' out would be rejected.");
            }
        }
    }

    private static IReadOnlySet<string>? DeclaredNames(MappingNode map)
    {
        var open = OpenKeywords.Any(k => map.Find(k) is not null)
            || map["additionalProperties"] is { } additional && additional is not ScalarNode { Kind: ScalarKind.Boolean, Value: "false" }
            || map["unevaluatedProperties"] is { } unevaluated && unevaluated is not ScalarNode { Kind: ScalarKind.Boolean, Value: "false" };
        return !open && map["properties"] is MappingNode properties ? properties.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal) : null;
    }

    private static string Shown(SyntaxNode node) => node is ScalarNode scalar ? $"'{scalar.Value}'" : node.Describe();
}
