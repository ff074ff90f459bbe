using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.Definitions.Compiler.Validation;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Baton.AI.Structured;

/// <summary>Validates answers against an output schema, with errors a model can act on: <c>insights[2]: must be a string, not a number</c>.</summary>
internal static class OutputSchema
{
    private const int MaxCachedSchemas = 256;
    private static readonly HashSet<ValidationErrorKind> TypeErrors =
    [
        ValidationErrorKind.StringExpected, ValidationErrorKind.NumberExpected, ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected, ValidationErrorKind.NoTypeValidates,
    ];

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>Every problem with <paramref name="value"/>; empty when it matches.</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, JsonNode? value)
    {
        var errors = SchemaValidation.Leaves(SchemaValidation.Validate(schema, value)).ToList();

        // A value of the wrong type makes every rule about its members fail too ("summary: is required" under a list): noise.
        var mistyped = errors.Where(e => TypeErrors.Contains(e.Kind)).Select(e => JsonPaths.Display(e.Path ?? "#")).ToList();
        return errors
            .Where(e => TypeErrors.Contains(e.Kind) || !mistyped.Any(p => IsUnder(JsonPaths.Display(e.Path ?? "#"), p)))
            .Select(e => $"{Display(e.Path)}: {SchemaMessages.Describe(e, JsonPaths.Find(value, e.Path ?? "#"))}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsUnder(string path, string parent)
        => parent.Length == 0 || (path.Length > parent.Length && path.StartsWith(parent, StringComparison.Ordinal) && path[parent.Length] is '.' or '[');

    private static string Display(string? path)
    {
        var display = JsonPaths.Display(path ?? "#");
        return display.Length == 0 ? "(the whole answer)" : display;
    }

    /// <summary>The loaded schema, cached by its text.</summary>
    /// <exception cref="ModelConfigurationException">The schema cannot be loaded; the compiler checks schemas, so this is rare.</exception>
    public static JsonSchema Get(JsonObject schema)
    {
        var text = schema.ToJsonString();
        if (Schemas.TryGetValue(text, out var cached))
        {
            return cached;
        }

        if (Schemas.Count >= MaxCachedSchemas)
        {
            Schemas.Clear();
        }

        return Schemas.GetOrAdd(text, Load);
    }

    private static JsonSchema Load(string text)
    {
        try
        {
            return SchemaValidation.Load(text);
        }
        catch (Exception ex)
        {
            throw new ModelConfigurationException($"The output schema cannot be loaded: {ex.Message}");
        }
    }
}
