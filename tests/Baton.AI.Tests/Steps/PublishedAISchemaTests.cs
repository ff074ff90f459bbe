using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.AI.Tests.Steps;

/// <summary><c>baton schema</c> publishes the AI step kinds for editors without the markers their schemas carry for the compiler.</summary>
public sealed class PublishedAISchemaTests
{
    [Fact]
    public void Generate_AIStepKinds_PublishesNoCompilerMarker()
    {
        var schema = WorkflowLanguageSchema.Generate(AIStepKinds.Schemas());

        Keys(schema).Where(k => k.StartsWith("x-baton-", StringComparison.Ordinal)).Should().BeEmpty();
        Keys(schema).Should().Contain(["output-schema", "parameters", "model"]);
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Keys(p.Value).Prepend(p.Key)),
        JsonArray list => list.SelectMany(Keys),
        _ => [],
    };
}
