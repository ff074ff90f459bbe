using System.Reflection;
using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Checks a schema written in a workflow (the inputs schema, an AI step's <c>output-schema</c>): draft 2020-12 keywords
/// only, each with a value of the right kind (a misspelt keyword is reported, not ignored; <c>x-</c> keywords are
/// allowed), <see cref="SchemaRules"/> followed, and loadable. Used at compile time and again before a schema is used.
/// </summary>
internal static class SchemaChecker
{
    private const string ResourceName = "Baton.Definitions.InputSchemaMetaSchema.json";

    /// <summary>The formats JsonSchema.Net checks; any other <c>format</c> constrains nothing.</summary>
    public static readonly IReadOnlyList<string> KnownFormats =
    [
        "date", "date-time", "duration", "email", "hostname", "idn-email", "idn-hostname", "ipv4", "ipv6", "iri", "iri-reference",
        "json-pointer", "regex", "relative-json-pointer", "time", "uri", "uri-reference", "uri-template", "uuid",
    ];

    private static readonly Lazy<(LoadedSchema Schema, IReadOnlyList<string> Keywords)> Meta = new(LoadMeta);

    /// <summary>Every problem with <paramref name="schema"/>, each at its path in the schema.</summary>
    /// <param name="what">What the schema is, to start sentences: "the inputs schema".</param>
    public static IReadOnlyList<SchemaProblem> Check(JsonNode schema, string what)
    {
        var problems = SchemaValidation.Validate(Meta.Value.Schema, schema).Select(e => MetaProblem(e, schema, what)).ToList();
        problems.AddRange(SchemaRules.Check(schema).Where(p => !problems.Any(q => q.Path.SequenceEqual(p.Path))));
        if (problems.Count == 0 && !SchemaValidation.TryLoad(schema, out _, out var why))
        {
            problems.Add(new SchemaProblem([], $"{char.ToUpperInvariant(what[0])}{what[1..]} cannot be used: {why}"));
        }

        return problems;
    }

    /// <summary>The <c>format</c> values no validator checks, with the path of the schema that holds each.</summary>
    public static IEnumerable<(IReadOnlyList<object> Path, string Format)> UnknownFormats(JsonNode schema)
        => SchemaTree.All(schema)
            .Select(s => (s.Path, Format: SchemaReferences.Text(s.Schema["format"])))
            .Where(s => s.Format is not null && !KnownFormats.Contains(s.Format))
            .Select(s => (s.Path, s.Format!));

    private static SchemaProblem MetaProblem(SchemaError error, JsonNode schema, string what)
    {
        var keyword = error.Path.OfType<string>().LastOrDefault() ?? "schema";
        var actual = JsonPaths.Find(schema, error.Path);
        if (error.IsUnknownMember)
        {
            return new SchemaProblem(error.Path, $"'{keyword}' is not a JSON Schema keyword.{KeywordHint(keyword)}", AtKey: true);
        }

        var message = keyword switch
        {
            "type" when error.Keyword == "anyOf" => "'type' must be one of array, boolean, integer, null, number, object and string, or a list of them.",
            "items" when actual is JsonArray => "'items' must be a schema (a mapping): in draft 2020-12, a list of schemas, one per position, goes under 'prefixItems'.",
            "$schema" => $"'$schema' must be {SchemaDialect.Draft202012}, or be left out: Baton reads every schema as draft 2020-12.",
            _ => $"In {what}, '{keyword}' {SchemaMessages.Describe(error, actual)}.",
        };
        return new SchemaProblem(error.Path, message);
    }

    private static string KeywordHint(string keyword) => keyword switch
    {
        "dependencies" => " In draft 2020-12, use 'dependentRequired' (a list of names) or 'dependentSchemas' (a schema).",
        "additionalItems" => " In draft 2020-12, the schemas of the first items go under 'prefixItems' and the schema of the others under 'items'.",
        _ => Suggestions.Hint(keyword, Meta.Value.Keywords),
    };

    private static (LoadedSchema, IReadOnlyList<string>) LoadMeta()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource '{ResourceName}' is missing from the Baton.Core assembly.");
        using var reader = new StreamReader(stream);
        var json = JsonNode.Parse(reader.ReadToEnd())!;
        if (!SchemaValidation.TryLoad(json, out var loaded, out var problem))
        {
            throw new InvalidOperationException($"The meta-schema for workflow schemas cannot be loaded: {problem}");
        }

        return (loaded, ((JsonObject)json["properties"]!).Select(p => p.Key).ToList());
    }
}
