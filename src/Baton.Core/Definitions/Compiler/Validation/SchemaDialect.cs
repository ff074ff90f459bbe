using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Validation.Keywords;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// How Baton builds schemas: draft 2020-12 (whatever the library's default), with exact value comparisons for
/// <c>type</c>, <c>const</c>, <c>enum</c> and <c>uniqueItems</c>, <c>pattern</c> and <c>patternProperties</c> matched
/// within a time limit (see <see cref="SchemaPatterns"/>), and a registry of its own for each schema, so that nothing
/// is shared between schemas and no reference is ever fetched.
/// </summary>
internal static class SchemaDialect
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private static readonly Dialect Exact = Dialect.Draft202012.With(
        [
            new ExactTypeKeyword(), new ExactConstKeyword(), new ExactEnumKeyword(), new ExactUniqueItemsKeyword(),
            new TimeLimitedPatternKeyword(), new TimeLimitedPatternPropertiesKeyword(),
        ]);

    public static BuildOptions NewBuildOptions() => new()
    {
        Dialect = Exact,
        SchemaRegistry = new SchemaRegistry { Fetch = (_, _) => null },
    };

    /// <summary>
    /// A copy of the schema to build (so that later changes to the caller's object change nothing): a <c>$schema</c>
    /// naming draft 2020-12 is dropped, since it would select the library's own dialect instead of <see cref="Exact"/>;
    /// any other <c>$schema</c> stays and selects that draft.
    /// </summary>
    public static JsonNode? Prepare(JsonNode? schema)
    {
        var copy = schema?.DeepClone();
        if (copy is JsonObject obj && SchemaReferences.Text(obj["$schema"]) is { } id && IsDraft202012(id))
        {
            obj.Remove("$schema");
        }

        return copy;
    }

    public static bool IsDraft202012(string id) => id.TrimEnd('#') == Draft202012;
}
