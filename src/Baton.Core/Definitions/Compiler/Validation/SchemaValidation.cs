using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Loads JSON Schemas with NJsonSchema and validates JSON against them, flattening nested errors.</summary>
internal static class SchemaValidation
{
    /// <summary>Loads a schema that holds only local references, so that loading never reaches the network or the disk.</summary>
    /// <exception cref="Exception">The schema cannot be loaded (NJsonSchema and Newtonsoft.Json throw several types).</exception>
    public static JsonSchema Load(string json)
        // Blocking is safe here: with local references only, loading completes without any real asynchronous work.
        => JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();

    public static ICollection<ValidationError> Validate(JsonSchema schema, JsonNode? data)
        => schema.Validate(data?.ToJsonString() ?? "null");

    /// <summary>The errors to show: nested errors replace the error that holds them, except for <c>anyOf</c>/<c>oneOf</c>, whose alternatives say little on their own.</summary>
    public static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child
                && error.Kind is not (ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf)
                && child.Errors.Values.Any(e => e.Count > 0))
            {
                foreach (var leaf in Leaves(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    /// <summary>Splits an NJsonSchema error path such as <c>#/items[2].name</c> into its member names and indexes.</summary>
    /// <remarks>The path is ambiguous when names hold '.' or '['; <paramref name="knownNames"/> resolves the ambiguity by preferring the longest known name.</remarks>
    public static List<object> SplitPath(string path, Func<IReadOnlyList<object>, IEnumerable<string>> knownNames)
    {
        var rest = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        var segments = new List<object>();
        while (rest.Length > 0)
        {
            if (rest[0] == '[')
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 0 || !int.TryParse(rest.AsSpan(1, close - 1), out var index))
                {
                    break;
                }

                segments.Add(index);
                rest = rest[(close + 1)..].TrimStart('.');
                continue;
            }

            var candidates = knownNames(segments).Where(n => rest.StartsWith(n, StringComparison.Ordinal)
                && (rest.Length == n.Length || rest[n.Length] is '.' or '['));
            var name = candidates.OrderByDescending(n => n.Length).FirstOrDefault() ?? NextName(rest);
            segments.Add(name);
            rest = rest[name.Length..].TrimStart('.');
        }

        return segments;
    }

    private static string NextName(string rest)
    {
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..Math.Max(1, end)];
    }
}
