using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Engine;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary>Numbers of any size in signal data, child inputs and rendered configurations are checked by value and never crash the engine.</summary>
public sealed class EngineSchemaNumberTests
{
    private const string Child = """
        name: child
        inputs:
          type: object
          required: [n]
          properties: { n: { type: integer, maximum: 10 } }
        steps:
          - id: s
            set: { got: "${{ inputs.n }}" }
        """;

    private const string Parent = """
        name: parent
        steps:
          - id: ask
            wait: { event: go }
          - id: call
            workflow: { path: ./child.yaml, inputs: { n: "${{ steps.ask.output.data.n }}" } }
        """;

    [Fact]
    public async Task SignalAsync_HugeNumberReachingChildInputs_FailsTheCallWithTheInputError()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("child.yaml", Child);
        var waiting = await h.RunAsync(Parent);

        var final = await h.Engine.SignalAsync(waiting.RunId, "go", JsonNode.Parse("""{ "n": 99999999999999999999999999999999999999 }""")!.AsObject());

        final.Status.Should().Be(RunStatus.Failed);
        var call = await h.StepAsync(waiting.RunId, "call");
        call.Error!.Code.Should().Be(ErrorCodes.ChildInputs);
        call.Error.Message.Should().Contain("inputs.n: must be at most 10");
    }

    [Fact]
    public async Task SignalAsync_HugeIntegerWithinTheSchema_StartsTheChild()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("child.yaml", Child.Replace("maximum: 10", "minimum: 1", StringComparison.Ordinal));
        var waiting = await h.RunAsync(Parent);

        var final = await h.Engine.SignalAsync(waiting.RunId, "go", JsonNode.Parse("""{ "n": 1e400 }""")!.AsObject());

        final.Status.Should().Be(RunStatus.Completed);
    }

    [Fact]
    public void Check_ConstWithNumbersBeyondDecimal_ComparesExactly()
    {
        var check = new ConfigSchemaCheck();
        var executor = new SchemaExecutor(JsonNode.Parse("""{ "type": "object", "properties": { "n": { "const": 1e400 } } }""")!.AsObject());

        check.Check(executor, JsonNode.Parse("""{ "n": 10e399 }""")).Should().BeNull();
        check.Check(executor, JsonNode.Parse("""{ "n": 1e401 }"""))!.Message.Should().Be("The rendered configuration does not match the step kind's schema: shape.n must be 1e400.");
    }

    [Fact]
    public void Check_SchemaWithAReferenceToAnotherDocument_FailsTheStepInsteadOfFetching()
    {
        var check = new ConfigSchemaCheck();
        var executor = new SchemaExecutor(JsonNode.Parse("""{ "type": "object", "properties": { "n": { "$ref": "https://example.com/n.json" } } }""")!.AsObject());

        var error = check.Check(executor, JsonNode.Parse("""{ "n": 1 }"""));

        error!.Code.Should().Be(ErrorCodes.InvalidConfig);
        error.Message.Should().StartWith("The configuration schema of the 'shape' step kind cannot be used: properties.n.$ref: 'https://example.com/n.json' refers to another document");
    }

    [Fact]
    public void Check_Draft07StyleDefinitions_AreFollowed()
    {
        var check = new ConfigSchemaCheck();
        var executor = new SchemaExecutor(JsonNode.Parse("""{ "definitions": { "n": { "type": "integer" } }, "properties": { "n": { "$ref": "#/definitions/n" } } }""")!.AsObject());

        check.Check(executor, JsonNode.Parse("""{ "n": "x" }"""))!.Message.Should().Be("The rendered configuration does not match the step kind's schema: shape.n must be an integer, not a string.");
    }

    private sealed class SchemaExecutor(JsonObject schema) : IStepExecutor
    {
        public string Kind => "shape";

        public JsonObject? ConfigSchema => schema;

        public ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
