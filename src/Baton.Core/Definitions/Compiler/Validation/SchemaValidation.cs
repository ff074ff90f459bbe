using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Loads JSON Schemas (draft 2020-12, with JsonSchema.Net) and validates values against them, giving every error at
/// once. Never throws for a schema or a value: what cannot be used becomes a problem or an error to report.
/// </summary>
/// <remarks>Numbers are compared by their exact value, whatever their size: nothing is rounded or overflows.</remarks>
internal static class SchemaValidation
{
    /// <summary>Deep enough for any value Baton reads (YAML nests at most 128 levels).</summary>
    private const int MaxDepth = 512;

    private static readonly JsonSerializerOptions WriteOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Loads a schema that follows <see cref="SchemaRules"/>; otherwise returns false with what is wrong.</summary>
    public static bool TryLoad(JsonNode? schema, [NotNullWhen(true)] out LoadedSchema? loaded, out string problem)
    {
        loaded = null;
        problem = string.Empty;
        if (schema is not JsonObject && !IsBoolean(schema))
        {
            problem = $"a schema must be a mapping (or true or false), not {JsonKinds.Describe(schema)}";
            return false;
        }

        var problems = SchemaRules.Check(schema).ToList();
        if (problems.Count > 0)
        {
            problem = string.Join("; ", problems.Select(p => p.Path.Count == 0 ? p.Message : $"{JsonPaths.Display(p.Path)}: {p.Message}"));
            return false;
        }

        var prepared = SchemaDialect.Prepare(schema)!;
        try
        {
            loaded = new LoadedSchema(JsonSchema.FromText(prepared.ToJsonString(WriteOptions), SchemaDialect.NewBuildOptions()), prepared);
            return true;
        }
        catch (Exception ex) when (ex is JsonSchemaException or RefResolutionException or ArgumentException or FormatException or OverflowException or InvalidOperationException or JsonException)
        {
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>Every reason <paramref name="data"/> does not match <paramref name="schema"/>; empty when it matches.</summary>
    /// <remarks>
    /// A pattern that takes too long to match makes the value fail with that one error, wherever the pattern is (even
    /// under a <c>not</c>): the value could not be checked, and the other errors may be due to the patterns left unmatched.
    /// </remarks>
    public static IReadOnlyList<SchemaError> Validate(LoadedSchema schema, JsonNode? data)
    {
        EvaluationResults results;
        var options = new SchemaEvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };
        try
        {
            using var document = JsonDocument.Parse(data?.ToJsonString(WriteOptions) ?? "null", new JsonDocumentOptions { MaxDepth = MaxDepth });
            results = schema.Schema.Evaluate(document.RootElement, options);
        }
        catch (Exception ex) when (ex is JsonSchemaException or RefResolutionException or ArgumentException or FormatException or OverflowException or InvalidOperationException or JsonException)
        {
            return [new SchemaError([], SchemaResults.Unchecked, schema.Source) { Reason = ex.Message }];
        }

        if (options.TimedOutPattern is { } pattern)
        {
            return [SchemaResults.TimedOut(results, schema.Source, data, pattern, options.TimedOutName)];
        }

        return results.IsValid ? [] : SchemaResults.Collect(results, schema.Source, data);
    }

    private static bool IsBoolean(JsonNode? node) => node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;
}
