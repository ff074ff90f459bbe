using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Storage;
using Baton.Testing.Models;

namespace Baton.AI.Tests.Steps;

public sealed class LlmStepTests
{
    private const string Choices = """
        name: llm-choices
        steps:
          - id: triage
            llm:
              model: openai/gpt-4o-mini
              system: Pick the team.
              prompt: I was charged twice
              choices: [billing, bug, other]
        outputs: ${{ steps.triage.output }}
        """;

    /// <summary>One <c>llm</c> step; a test may add keys to it (indented by 4) and further steps.</summary>
    private const string Ask = """
        name: ask
        steps:
          - id: ask
            llm: { model: openai/gpt-4o-mini, prompt: hello }

        """;

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
        server.Enqueue(new ModelReply { Text = """{"summary": "fine", "confidence": 0.8}""", InputTokens = 321, OutputTokens = 12, Model = "gpt-4o-mini-2024", Id = "chatcmpl-loopback-7" });
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
        result.Output!["responseId"]!.GetValue<string>().Should().Be("chatcmpl-loopback-7");
        result.Output!["finishReason"]!.GetValue<string>().Should().Be("stop");
        result.Output!["text"]!.GetValue<string>().Should().Be("""{"summary": "fine", "confidence": 0.8}""", "text is the raw answer, as the server sent it");
        result.Output!["latencyMs"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        result.Output!["latencyMs"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);
        var request = server.Requests.Single();
        request.Body.GetProperty("response_format").GetProperty("type").GetString().Should().Be("json_schema");
        request.Body.GetProperty("model").GetString().Should().Be("gpt-4o-mini");
        JsonSerializer.Serialize(request.Body).Should().Contain("Metrics:");
    }

    [Fact]
    public async Task Llm_WithChoices_TakesTheConfidenceFromTheTokenLogProbs()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(new ModelReply { Text = "billing", LogProbs = [new ModelReplyLogProb("bill", -0.05), new ModelReplyLogProb("ing", -0.01)], Id = "chatcmpl-choice" });
        await using var h = await OpenAIHarnessAsync(server);

        var result = await h.RunAsync(Choices);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        var output = result.Output!;
        output["choice"]!.GetValue<string>().Should().Be("billing");
        output["value"]!.GetValue<string>().Should().Be("billing");
        output["confidence"]!.GetValue<double>().Should().Be(Math.Round(Math.Exp(-0.06), 4), "the probability of the tokens that spell the label, rounded to 4 decimals");
        output["confidenceSource"]!.GetValue<string>().Should().Be("logprobs");
        output["text"]!.GetValue<string>().Should().Be("billing");
        output["calls"]!.GetValue<int>().Should().Be(1);
        output["provider"]!.GetValue<string>().Should().Be("openai");
        output["responseId"]!.GetValue<string>().Should().Be("chatcmpl-choice");
        var request = server.Requests.Single();
        request.Body.GetProperty("logprobs").GetBoolean().Should().BeTrue();
        request.BodyText.Should().Contain("I was charged twice").And.Contain("Pick the team.");
        (await h.StepsAsync(result.RunId)).Where(s => s.IsJournalEntry).Select(s => s.Path).Should().Equal("triage/call-1");
    }

    [Fact]
    public async Task Llm_WithChoices_AnswerWithoutLogProbs_TakesTheConfidenceTheAnswerGives()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(ModelReply.WithText("billing"), ModelReply.WithText("""{"choice": "bug", "confidence": 0.83}"""));
        await using var h = await OpenAIHarnessAsync(server);

        var result = await h.RunAsync(Choices);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        var output = result.Output!;
        output["choice"]!.GetValue<string>().Should().Be("bug", "the structured answer decides when no log-probabilities came");
        output["value"]!.GetValue<string>().Should().Be("bug");
        output["confidence"]!.GetValue<double>().Should().Be(0.83);
        output["confidenceSource"]!.GetValue<string>().Should().Be("answer");
        output["text"]!.GetValue<string>().Should().Be("""{"choice": "bug", "confidence": 0.83}""");
        output["calls"]!.GetValue<int>().Should().Be(2, "the label call and the answer call both count");
        server.Requests.Should().HaveCount(2);
        server.Requests[1].BodyText.Should().Contain("confidence");
        (await h.StepsAsync(result.RunId)).Where(s => s.IsJournalEntry).Select(s => s.Path).Should().Equal("triage/call-1", "triage/answer-call-1");
    }

    [Fact]
    public async Task Llm_TruncatedJsonFromTheServer_FailsWithMalformedResponseAndAReadableMessage()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Responder = _ => ModelReply.Malformed("""{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hel""");
        await using var h = await OpenAIHarnessAsync(server);

        var result = await h.RunAsync(Ask);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("llm.malformed-response");
        result.Error.Message.Should().Contain("openai").And.Contain("gpt-4o-mini").And.NotContain(" at Baton.").And.NotContain("sk-test");
        var ask = (await h.StepsAsync(result.RunId)).Single(s => s.Path == "ask");
        ask.Status.Should().Be(StepStatus.Failed);
        ask.Error!.Code.Should().Be("llm.malformed-response");
    }

    [Fact]
    public async Task Llm_TruncatedJsonFromTheServer_RoutesByOnError()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Responder = _ => ModelReply.Malformed("""{"id":"chatcmpl-1","choices":[{"index":0,""");
        await using var h = await OpenAIHarnessAsync(server);

        var result = await h.RunAsync(Ask + """
                on-error: { goto: fallback }
              - id: use
                set: { answer: "${{ steps.ask.output.text }}" }
              - id: fallback
                set: { answer: "fallback after ${{ steps.ask.error.code }}" }
            outputs: ${{ steps.fallback.output.answer }}
            """);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!.GetValue<string>().Should().Be("fallback after llm.malformed-response");
        (await h.StepsAsync(result.RunId)).Select(s => s.Path).Should().NotContain("use", "on-error jumped over it");
    }

    [Fact]
    public async Task Llm_ALaterStepRetried_TheModelIsNotCalledAgain()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Responder = _ => ModelReply.WithText("paid once");
        await using var h = await OpenAIHarnessAsync(server);
        var counter = Path.Combine(h.Directory, "attempts");

        var result = await h.RunAsync(Ask + $$$"""
              - id: flaky
                run:
                  command: sh
                  args: ["-c", "echo x >> '{{{counter}}}'; [ $(wc -l < '{{{counter}}}') -ge 2 ]"]
                retry: { attempts: 2, delay: 1ms }
            """);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        (await h.StepsAsync(result.RunId)).Single(s => s.Path == "ask").Output!["text"]!.GetValue<string>().Should().Be("paid once");
        File.ReadAllLines(counter).Should().HaveCount(2, "the later step failed once and succeeded on its retry");
        server.Requests.Should().ContainSingle("the model call was made once, and the retry of a later step does not send it again");
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

    private static async Task<AIHarness> OpenAIHarnessAsync(LoopbackOpenAIServer server)
    {
        var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test-abcdef123456" });
        h.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 0 }
            """);
        return h;
    }
}
