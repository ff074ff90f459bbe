using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.AI.Structured;
using Baton.AI.Tests.Scripted;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Structured;

public sealed class StructuredOutputTests
{
    private static readonly JsonObject Report = (JsonObject)JsonNode.Parse("""
        {
          "type": "object",
          "required": ["summary", "insights", "confidence"],
          "properties": {
            "summary": { "type": "string" },
            "insights": { "type": "array", "items": { "type": "string" }, "minItems": 3, "maxItems": 3 },
            "confidence": { "type": "number", "minimum": 0, "maximum": 1 }
          }
        }
        """)!;

    private const string Valid = """{"summary": "Spend is up.", "insights": ["a", "b", "c"], "confidence": 0.92}""";

    [Fact]
    public async Task GetAsync_ValidAnswer_ReturnsItParsedAfterOneCall()
    {
        var model = new ScriptedCalls($"responses:\n  - text: '{Valid}'\n");

        var result = await StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), Report, 2, CancellationToken.None);

        JsonNode.DeepEquals(result.Value, JsonNode.Parse(Valid)).Should().BeTrue();
        result.Text.Should().Be(Valid);
        result.Repairs.Should().Be(0);
        result.Responses.Should().ContainSingle();
        model.Names.Should().Equal("call-1");
        var format = model.Options[0].ResponseFormat.Should().BeOfType<ChatResponseFormatJson>().Subject;
        format.SchemaName.Should().Be("output");
        format.Schema!.Value.GetProperty("required").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task GetAsync_FencedJson_IsAccepted()
    {
        var model = new ScriptedCalls($"responses:\n  - text: |\n      ```json\n      {Valid}\n      ```\n");

        var result = await StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), Report, 2, CancellationToken.None);

        result.Value!["confidence"]!.GetValue<double>().Should().Be(0.92);
        result.Repairs.Should().Be(0);
    }

    [Fact]
    public async Task GetAsync_InvalidThenValid_SendsTheErrorsBackAndReturnsTheRepair()
    {
        var model = new ScriptedCalls($$"""
            responses:
              - text: '{"summary": "Spend is up.", "insights": ["a", "b", 3]}'
              - text: '{{Valid}}'
            """);

        var result = await StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), Report, 2, CancellationToken.None);

        result.Repairs.Should().Be(1);
        result.Responses.Should().HaveCount(2);
        result.Text.Should().Be(Valid);
        model.Names.Should().Equal("call-1", "call-2");
        var repair = model.Messages[1];
        repair.Select(m => m.Role).Should().Equal(ChatRole.User, ChatRole.Assistant, ChatRole.User);
        repair[1].Text.Should().Be("""{"summary": "Spend is up.", "insights": ["a", "b", 3]}""");
        repair[2].Text.Should().Be(
            "Your answer does not match the required JSON schema:\n"
            + "- insights[2]: must be a string, not a number\n"
            + "- confidence: is required\n"
            + "Answer again with only the corrected JSON.");
    }

    [Fact]
    public async Task GetAsync_InvalidUntilTheRepairsRunOut_FailsWithTheErrors()
    {
        var model = new ScriptedCalls("""
            responses:
              - text: '{"summary": 1, "insights": [], "confidence": 2}'
              - text: '[]'
            """);

        var act = () => StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), Report, 1, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.InvalidOutput);
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Be("The model's answer does not match the output schema after 1 repair: (the whole answer): must be an object, not a list.");
        model.Messages[1][2].Text.Should().Contain("- summary: must be a string, not a number\n")
            .And.Contain("- insights: must have at least 3 items\n")
            .And.Contain("- confidence: must be at most 1\n");
    }

    [Fact]
    public async Task GetAsync_ProseAroundTheJson_IsRejected()
    {
        var model = new ScriptedCalls($"responses:\n  - text: 'Here is the report: {Valid}'\n");

        var act = () => StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), Report, 0, CancellationToken.None);

        (await act.Should().ThrowAsync<ModelCallException>()).Which.Message.Should().Be(
            "The model's answer does not match the output schema and no repair was allowed: "
            + "the answer is not JSON; answer with the JSON value alone, without any other text.");
    }

    [Fact]
    public async Task GetAsync_BrokenJson_SaysWhere()
    {
        var model = new ScriptedCalls("responses:\n  - text: '{\"summary\": }'\n");

        var act = () => StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), Report, 0, CancellationToken.None);

        (await act.Should().ThrowAsync<ModelCallException>()).Which.Message.Should().EndWith(
            "the answer is not valid JSON (line 1, position 13); answer with the JSON value alone.");
    }

    [Fact]
    public async Task GetAsync_NoSchema_TheValueIsTheText()
    {
        var model = new ScriptedCalls("responses:\n  - text: Spend is up.\n");

        var result = await StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), null, 2, CancellationToken.None);

        result.Value!.GetValue<string>().Should().Be("Spend is up.");
        result.Text.Should().Be("Spend is up.");
        model.Options[0].ResponseFormat.Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_CallerChoseAResponseFormat_ItIsKept()
    {
        var model = new ScriptedCalls($"responses:\n  - text: '{Valid}'\n");
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.Json };

        await StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], options, Report, 2, CancellationToken.None);

        model.Options[0].ResponseFormat.Should().BeSameAs(ChatResponseFormat.Json);
    }

    [Fact]
    public async Task GetAsync_SchemaThatCannotBeLoaded_FailsBeforeAnyCall()
    {
        var model = new ScriptedCalls($"responses:\n  - text: '{Valid}'\n");
        var broken = (JsonObject)JsonNode.Parse("""{ "$ref": "#/definitions/missing" }""")!;

        var act = () => StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), broken, 2, CancellationToken.None);

        (await act.Should().ThrowAsync<ModelConfigurationException>()).Which.Message.Should().StartWith("The output schema cannot be loaded: ");
        model.Names.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "type": "objekt" }""", "'type' must be one of array, boolean, integer, null, number, object and string")]
    [InlineData("""{ "required": "summary" }""", "In the output schema, 'required' must be a list, not a string.")]
    [InlineData("""{ "properties": { "a": { "$ref": "https://example.com/a.json" } } }""", "'https://example.com/a.json' refers to another document")]
    [InlineData("""{ "allOf": [{ "$ref": "#" }] }""", "'#' leads back to where it starts")]
    public async Task GetAsync_SchemaTheCompilerWouldReject_FailsBeforeAnyCall(string schema, string expected)
    {
        var model = new ScriptedCalls($"responses:\n  - text: '{Valid}'\n");

        var act = () => StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), (JsonObject)JsonNode.Parse(schema)!, 2, CancellationToken.None);

        (await act.Should().ThrowAsync<ModelConfigurationException>()).Which.Message.Should().StartWith("The output schema cannot be loaded: ").And.Contain(expected);
        model.Names.Should().BeEmpty();
    }

    [Fact]
    public async Task GetAsync_Draft202012Keywords_AreEnforcedOnTheAnswer()
    {
        var schema = (JsonObject)JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "kind": { "const": "report" },
                "pair": { "type": "array", "prefixItems": [{ "type": "string" }], "items": { "type": "integer" } },
                "tags": { "type": "object", "propertyNames": { "pattern": "^[a-z]+$" } }
              },
              "dependentRequired": { "pair": ["tags"] },
              "unevaluatedProperties": false
            }
            """)!;
        var model = new ScriptedCalls("""
            responses:
              - text: '{"kind": "memo", "pair": ["a", "b"], "extra": 1}'
            """);

        var act = () => StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), schema, 0, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Message.Should().Contain("kind: must be 'report'")
            .And.Contain("pair[1]: must be an integer, not a string")
            .And.Contain("tags: is required when 'pair' is given")
            .And.Contain("extra: is not an allowed property");
    }

    [Fact]
    public async Task GetAsync_NumbersOfAnySizeInTheAnswer_AreComparedExactly()
    {
        var schema = (JsonObject)JsonNode.Parse("""
            { "type": "object", "properties": { "n": { "type": "integer", "maximum": 1e30 }, "c": { "enum": [1e400] } } }
            """)!;
        var model = new ScriptedCalls("""
            responses:
              - text: '{"n": 1000000000000000000000000000001, "c": 1e401}'
              - text: '{"n": 999999999999999999999999999999, "c": 10e399}'
            """);

        var result = await StructuredOutput.GetAsync(model.Call, [Scripts.User("Numbers")], new ChatOptions(), schema, 1, CancellationToken.None);

        result.Repairs.Should().Be(1);
        model.Messages[1].Last().Text.Should().Contain("n: must be at most 1e30").And.Contain("c: must be one of 1e400");
        result.Value!["n"]!.ToJsonString().Should().Be("999999999999999999999999999999");
    }

    [Fact]
    public async Task GetAsync_NegativeRepairs_IsRefused()
    {
        var model = new ScriptedCalls($"responses:\n  - text: '{Valid}'\n");

        var act = () => StructuredOutput.GetAsync(model.Call, [Scripts.User("Report")], new ChatOptions(), Report, -1, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    /// <summary>The scripted provider as the model, recording what each call was sent.</summary>
    private sealed class ScriptedCalls(string script)
    {
        private readonly IChatClient _client = Scripts.Client(script);

        public List<string> Names { get; } = [];

        public List<IReadOnlyList<ChatMessage>> Messages { get; } = [];

        public List<ChatOptions> Options { get; } = [];

        public Task<ChatResponse> Call(string name, IReadOnlyList<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
        {
            Names.Add(name);
            Messages.Add(messages);
            Options.Add(options);
            return _client.GetResponseAsync(messages, options, cancellationToken);
        }
    }
}
