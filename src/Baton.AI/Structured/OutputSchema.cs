using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.Definitions.Compiler.Validation;

namespace Baton.AI.Structured;

/// <summary>Validates answers against an output schema, with errors a model can act on: <c>insights[2]: must be a string, not a number</c>.</summary>
internal static class OutputSchema
{
    private const int MaxCachedSchemas = 256;

    private static readonly ConcurrentDictionary<string, (LoadedSchema? Schema, string Problem)> Schemas = new(StringComparer.Ordinal);

    /// <summary>Every problem with <paramref name="value"/>; empty when it matches.</summary>
    public static IReadOnlyList<string> Validate(LoadedSchema schema, JsonNode? value)
    {
        var errors = SchemaValidation.Validate(schema, value);

        // A value of the wrong type makes every rule about its members fail too ("summary: is required" under a list): noise.
        var mistyped = errors.Where(e => e.Keyword == "type").Select(e => e.Path).ToList();
        return errors
            .Where(e => e.Keyword == "type" || !mistyped.Any(p => p.Count == 0 || (e.Path.Count > p.Count && JsonPaths.IsUnder(e.Path, p))))
            .Select(e => $"{Display(e.Path)}: {SchemaMessages.Describe(e, JsonPaths.Find(value, e.Path))}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The loaded schema, cached by its text.</summary>
    /// <exception cref="ModelConfigurationException">The schema is not one the compiler would accept (it held a template, or the compiler did not check it); the message says what is wrong.</exception>
    public static LoadedSchema Get(JsonObject schema)
    {
        var text = schema.ToJsonString();
        if (!Schemas.TryGetValue(text, out var entry))
        {
            if (Schemas.Count >= MaxCachedSchemas)
            {
                Schemas.Clear();
            }

            entry = Schemas.GetOrAdd(text, _ => Load(schema));
        }

        return entry.Schema ?? throw new ModelConfigurationException($"The output schema cannot be loaded: {entry.Problem}");
    }

    private static (LoadedSchema? Schema, string Problem) Load(JsonObject schema)
    {
        var problems = SchemaChecker.Check(schema, "the output schema");
        if (problems.Count > 0)
        {
            return (null, string.Join(" ", problems.Select(p => p.Path.Count == 0 ? p.Message : $"(at {JsonPaths.Display(p.Path)}) {p.Message}")));
        }

        return SchemaValidation.TryLoad(schema, out var loaded, out var problem) ? (loaded, string.Empty) : (null, problem);
    }

    private static string Display(IReadOnlyList<object> path)
    {
        var display = JsonPaths.Display(path);
        return display.Length == 0 ? "(the whole answer)" : display;
    }
}
