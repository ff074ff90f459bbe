using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Baton.Core.Tests.Definitions;

/// <summary>A generated schema (draft-07, as editors read it), validated with JsonSchema.Net: the errors as text, empty when valid.</summary>
internal sealed class PublishedSchema
{
    private readonly JsonSchema _schema;

    private PublishedSchema(JsonSchema schema)
    {
        _schema = schema;
    }

    public static PublishedSchema Load(JsonObject schema)
        => new(JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = _schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).SelectMany(d => (d.Errors ?? new Dictionary<string, string>()).Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    public IReadOnlyList<string> Validate(JsonNode json) => Validate(json.ToJsonString());
}
