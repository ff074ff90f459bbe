using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>The keywords step kinds put in their configuration schemas for the compiler (<c>x-baton-*</c>) stay out of the schema published for editors.</summary>
public sealed class PublishedSchemaMarkerTests
{
    [Fact]
    public void Generate_KindSchemasWithCompilerMarkers_PublishesNoMarker()
    {
        var kinds = new Dictionary<string, JsonObject?>
        {
            ["ask"] = JsonNode.Parse("""
                {
                  "type": "object",
                  "properties": {
                    "model": { "type": "string", "x-baton-model": { "providers": ["openai"] } },
                    "answer": { "type": "object", "x-baton-schema": true },
                    "list": { "type": "array", "items": { "not": { "x-baton-schema": true, "type": "null" } } },
                    "deep": { "$ref": "#/$defs/deep" }
                  },
                  "$defs": { "deep": { "type": "object", "additionalProperties": { "x-baton-schema": true } } },
                  "x-baton-note": 1
                }
                """)!.AsObject(),
        };

        var schema = WorkflowLanguageSchema.Generate(kinds);

        Keys(schema).Where(k => k.StartsWith("x-baton-", StringComparison.Ordinal)).Should().BeEmpty();
        Keys(schema).Should().Contain("answer");
        kinds["ask"]!["properties"]!["answer"]!["x-baton-schema"]!.GetValue<bool>().Should().BeTrue("the kind's own schema is left as it was");
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Keys(p.Value).Prepend(p.Key)),
        JsonArray list => list.SelectMany(Keys),
        _ => [],
    };
}
