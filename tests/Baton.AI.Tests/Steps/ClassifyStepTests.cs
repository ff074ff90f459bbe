using Baton.Storage;
using Baton.Testing.Models;

namespace Baton.AI.Tests.Steps;

public sealed class ClassifyStepTests
{
    private const string Triage = """
        name: triage
        inputs: { type: object, properties: { text: { type: string } } }
        steps:
          - id: triage
            classify:
              model: triager
              input: ${{ inputs.text }}
              choices: [billing, bug, other]
          - id: person
            if: steps.triage.output.confidence < 0.8
            approval: { title: "Which queue? The model said ${{ steps.triage.output.choice }}." }
          - id: route
            set: { queue: "${{ steps.person.output.data ?? steps.triage.output.choice }}" }
        outputs: ${{ steps.triage.output }}
        """;

    [Fact]
    public async Task Classify_WithLogProbs_TakesTheConfidenceFromTheTokens()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(new ModelReply { Text = "billing", LogProbs = [new ModelReplyLogProb("billing", -0.05)] });
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test" });
        WriteConfig(h, $"openai/gpt-4o-mini", server);

        var result = await h.RunAsync(Triage, new() { ["text"] = "I was charged twice" });

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!["choice"]!.GetValue<string>().Should().Be("billing");
        result.Output!["confidence"]!.GetValue<double>().Should().BeApproximately(Math.Exp(-0.05), 0.0001);
        result.Output!["confidenceSource"]!.GetValue<string>().Should().Be("logprobs");
        server.Requests.Single().Body.GetProperty("logprobs").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Classify_LowConfidence_RoutesToAPerson()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("triage.yaml", """
            responses:
              - text: other
                logprobs: [{ token: other, logprob: -0.9 }]
            """);
        h.Write("baton.yaml", """
            models:
              triager: { model: scripted/triage, script: ./triage.yaml }
            """);

        var result = await h.RunAsync(Triage, new() { ["text"] = "hmm" });

        result.Status.Should().Be(RunStatus.Waiting, "confidence 0.41 is below the 0.8 the definition requires");
        var steps = await h.StepsAsync(result.RunId);
        steps.Single(s => s.Path == "person").Status.Should().Be(StepStatus.Waiting);
        steps.Single(s => s.Path == "triage").Output!["confidence"]!.GetValue<double>().Should().BeApproximately(0.4066, 0.001);
    }

    [Fact]
    public async Task Classify_WithoutLogProbs_AsksForAStructuredAnswerWithAConfidence()
    {
        await using var server = await LoopbackAnthropicServer.StartAsync();
        server.Enqueue(ModelReply.WithText("""{"choice": "bug", "confidence": 0.83}"""));
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "sk-ant-test" });
        WriteConfig(h, "anthropic/claude-sonnet-4-5", server);

        var result = await h.RunAsync(Triage, new() { ["text"] = "The export button crashes" });

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!["choice"]!.GetValue<string>().Should().Be("bug");
        result.Output!["confidence"]!.GetValue<double>().Should().Be(0.83);
        result.Output!["confidenceSource"]!.GetValue<string>().Should().Be("answer");
        result.Output!["provider"]!.GetValue<string>().Should().Be("anthropic");
    }

    [Fact]
    public async Task Classify_ServerWithoutLogProbs_FallsBackToTheStructuredAnswer()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(ModelReply.WithText("bug"), ModelReply.WithText("""{"choice": "bug", "confidence": 0.9}"""));
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test" });
        WriteConfig(h, "openai/local-model", server);

        var result = await h.RunAsync(Triage, new() { ["text"] = "crash" });

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!["confidenceSource"]!.GetValue<string>().Should().Be("answer");
        result.Output!["calls"]!.GetValue<int>().Should().Be(2);
    }

    private static void WriteConfig(AIHarness h, string model, LoopbackModelServer server)
        => h.Write("baton.yaml", $$"""
            models:
              triager: {{model}}
            providers:
              {{model.Split('/')[0]}}: { base-url: "{{server.BaseUrl}}" }
            """);
}
