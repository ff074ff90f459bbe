using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Storage;
using Baton.Testing.Models;

namespace Baton.AI.Tests.Steps;

public sealed class LlmStepTests
{
    private const string Analysis = """
        name: analysis
        models:
          analyst: { model: scripted/analyst, script: ./analyst.yaml }
        steps:
          - id: analyze
            llm:
              model: analyst
              system: You are a campaign analyst.
              prompt: "Metrics: ${{ toJson({ spend: 100, revenue: 400 }) }}"
              output-schema:
                type: object
                required: [summary, confidence]
                properties:
                  summary: { type: string }
                  confidence: { type: number, minimum: 0, maximum: 1 }
        outputs: ${{ steps.analyze.output }}
        """;

    [Theory]
    [InlineData("output-schema: { type: object }")]
    [InlineData("repairs: 3")]
    public async Task Llm_ChoicesWithOutputSchemaOrRepairs_IsACompileErrorThatSaysWhy(string conflicting)
    {
        await using var h = await AIHarness.CreateAsync();
        var path = h.Write("workflow.yaml", $$"""
            name: conflicting
            steps:
              - id: triage
                llm:
                  model: openai/gpt-4o-mini
                  prompt: "Which team?"
                  choices: [billing, bug]
                  {{conflicting}}
            """);

        var result = h.Engine.Compile(path);

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be("BATON062");
        error.Location.Line.Should().Be(5, "the error points at the llm mapping");
        error.Message.Should().Contain("with choices the answer is a choice and a confidence, so output-schema and repairs do not apply");
    }

    [Fact]
    public async Task Llm_WithASchema_ReturnsTheValidatedValueWithUsageCostAndModel()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("analyst.yaml", """
            responses:
              - text: '{"summary": "4x return", "confidence": 0.92}'
                usage: { input: 1000, output: 200 }
            """);
        h.Write("baton.yaml", """
            prices:
              scripted/analyst: { input: 2.0, output: 10.0 }
            """);

        var result = await h.RunAsync(Analysis);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        var output = result.Output!;
        output["value"]!["summary"]!.GetValue<string>().Should().Be("4x return");
        output["value"]!["confidence"]!.GetValue<double>().Should().Be(0.92);
        output["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(1000);
        output["usage"]!["outputTokens"]!.GetValue<long>().Should().Be(200);
        output["costUsd"]!.GetValue<decimal>().Should().Be(0.004m, "1000 × $2/M + 200 × $10/M");
        output["provider"]!.GetValue<string>().Should().Be("scripted");
        output["scripted"]!.GetValue<bool>().Should().BeTrue("a scripted run says so in its output");
        output["repairs"]!.GetValue<int>().Should().Be(0);
        var call = (await h.StepsAsync(result.RunId)).Single(s => s.Path == "analyze/call-1");
        call.IsJournalEntry.Should().BeTrue();
        call.Kind.Should().Be("llm.call");
        var timeline = (await h.Engine.GetRunAsync(result.RunId))!.Timeline;
        timeline.Should().Contain(e => e.Path == "analyze/call-1" && e.Type == TimelineEventTypes.StepCompleted && e.Message!.Contains("no model was called", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Llm_InvalidAnswer_IsRepairedWithTheValidationErrors()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("analyst.yaml", """
            responses:
              - text: '{"summary": "4x return", "confidence": 7}'
              - when: confidence
                text: '{"summary": "4x return", "confidence": 0.7}'
            """);

        var result = await h.RunAsync(Analysis);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!["repairs"]!.GetValue<int>().Should().Be(1);
        result.Output!["value"]!["confidence"]!.GetValue<double>().Should().Be(0.7);
        (await h.StepsAsync(result.RunId)).Where(s => s.IsJournalEntry).Select(s => s.Path).Should().Equal("analyze/call-1", "analyze/call-2");
    }

    [Fact]
    public async Task Llm_StillInvalidAfterEveryRepair_FailsWithTheErrors()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("analyst.yaml", """
            responses:
              - text: '{"summary": 1}'
              - text: '{"summary": 2}'
              - text: '{"summary": 3}'
            """);

        var result = await h.RunAsync(Analysis);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("llm.invalid-output");
        result.Error.Message.Should().Contain("confidence");
    }

    [Fact]
    public async Task Llm_AgainstAnOpenAICompatibleServer_AsksForTheSchemaAndReportsUsage()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(new ModelReply { Text = """{"summary": "fine", "confidence": 0.8}""", InputTokens = 321, OutputTokens = 12, Model = "gpt-4o-mini-2024" });
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test-abcdef123456" });
        h.Write("baton.yaml", $$"""
            models:
              analyst: openai/gpt-4o-mini
            providers:
              openai: { base-url: "{{server.BaseUrl}}" }
            """);

        var result = await h.RunAsync(Analysis.Replace("  analyst: { model: scripted/analyst, script: ./analyst.yaml }\n", "", StringComparison.Ordinal).Replace("models:\n", "", StringComparison.Ordinal));

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(321);
        result.Output!["model"]!.GetValue<string>().Should().Be("gpt-4o-mini-2024");
        result.Output!["provider"]!.GetValue<string>().Should().Be("openai");
        var request = server.Requests.Single();
        request.Body.GetProperty("response_format").GetProperty("type").GetString().Should().Be("json_schema");
        request.Body.GetProperty("model").GetString().Should().Be("gpt-4o-mini");
        JsonSerializer.Serialize(request.Body).Should().Contain("Metrics:");
    }

    [Fact]
    public async Task Llm_ProviderDown_FailsWithARetryableUnavailableError()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Responder = _ => ModelReply.Error(503, "overloaded");
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test" });
        h.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 1 }
            """);

        var result = await h.RunAsync("""
            name: down
            steps:
              - id: ask
                llm: { model: openai/gpt-4o-mini, prompt: hello }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("llm.unavailable");
        server.Served.Should().Be(2, "one call and one retry");
    }

    [Fact]
    public async Task Llm_TemplatedModelRendersAnUnknownAlias_FailsWithAConfigurationError()
    {
        await using var h = await AIHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: unknown
            inputs: { type: object, properties: { model: { type: string } } }
            steps:
              - id: ask
                llm: { model: "${{ inputs.model }}", prompt: hello }
            """, new JsonObject { ["model"] = "nosuchmodel" });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("llm.configuration");
    }
}
