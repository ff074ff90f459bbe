using Baton.AI.Usage;
using Baton.Storage;
using Baton.Testing.Models;

namespace Baton.AI.Tests.Steps;

/// <summary>
/// Usage and cost summed from the journal: every model call of every attempt counts, whether its step completed or failed.
/// Also which AI failures a retry policy repeats by default.
/// </summary>
public sealed class StepUsageTests
{
    private const string Analysis = """
        name: analysis
        models:
          analyst: { model: scripted/analyst, script: ./analyst.yaml }
        steps:
          - id: analyze
            llm:
              model: analyst
              prompt: Summarize.
              output-schema: { type: object, required: [summary], properties: { summary: { type: string } } }
            {{retry}}
        """;

    private const string InvalidThreeTimes = """
        responses:
          - text: '{"summary": 1}'
            usage: { input: 100, output: 10 }
          - text: '{"summary": 2}'
            usage: { input: 100, output: 10 }
          - text: '{"summary": 3}'
            usage: { input: 100, output: 10 }
        """;

    private const string Prices = """
        prices:
          scripted/analyst: { input: 1.0, output: 2.0 }
          scripted/agent: { input: 1.0, output: 2.0 }
          openai/gpt-4o-mini: { input: 1.0, output: 2.0 }
        """;

    [Fact]
    public async Task Of_LlmFailingInvalidOutputAfterTwoRepairs_CountsAllThreePaidCalls()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("analyst.yaml", InvalidThreeTimes);
        h.Write("baton.yaml", Prices);

        var result = await h.RunAsync(Analysis.Replace("{{retry}}", "", StringComparison.Ordinal));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("llm.invalid-output");
        var usage = StepUsage.Of(await h.StepsAsync(result.RunId)).Should().ContainSingle().Subject;
        usage.Step.Path.Should().Be("analyze");
        usage.Step.Status.Should().Be(StepStatus.Failed);
        usage.Calls.Should().Be(3, "the first call and two repairs were each paid for");
        usage.InputTokens.Should().Be(300);
        usage.OutputTokens.Should().Be(30);
        usage.CostUsd.Should().Be(0.00036m, "3 × (100 × $1/M + 10 × $2/M)");
        usage.Model.Should().Be("scripted/analyst");
        usage.Alias.Should().Be("analyst");
    }

    [Fact]
    public async Task Of_AgentStoppedByItsBudget_CountsTheTurnsItPaidFor()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("baton.yaml", Prices);
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: echo }]
                usage: { input: 4, output: 1 }
              - text: never reached
            """);

        var result = await h.RunAsync(Agent("budget: { usd: 0.000005 }", ""));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("budget.exceeded");
        var usage = StepUsage.Of(await h.StepsAsync(result.RunId)).Should().ContainSingle().Subject;
        usage.Calls.Should().Be(1);
        (usage.InputTokens, usage.OutputTokens).Should().Be((4, 1));
        usage.CostUsd.Should().Be(0.000006m);
        result.Error.Details!["costUsd"]!.GetValue<decimal>().Should().Be(usage.CostUsd!.Value, "the error's details and the journal agree");
    }

    [Fact]
    public async Task Of_AgentRetriedAfterA503_CountsTheCallsOfBothAttempts()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(
            new ModelReply { ToolCalls = [new ModelReplyToolCall("call_1", "echo", "{}")], InputTokens = 11, OutputTokens = 7 },
            ModelReply.Error(503, "overloaded"),
            new ModelReply { ToolCalls = [new ModelReplyToolCall("call_1", "echo", "{}")], InputTokens = 11, OutputTokens = 7 },
            new ModelReply { Text = "done", InputTokens = 11, OutputTokens = 7 });
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test" });
        h.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 0 }
            {{Prices}}
            """);

        var result = await h.RunAsync(Agent("", "retry: { attempts: 2, delay: 0s }").Replace("scripted/agent, script: ./agent.yaml", "openai/gpt-4o-mini", StringComparison.Ordinal));

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(22, "the step's output is its last attempt's");
        var steps = await h.StepsAsync(result.RunId);
        steps.Where(s => s.Kind == "agent.turn").Select(s => s.Path).Should().Equal("work/turn-1", "work/turn-1#2", "work/turn-2#2");
        var usage = StepUsage.Of(steps).Should().ContainSingle().Subject;
        usage.Step.Attempts.Should().Be(2);
        usage.Calls.Should().Be(3, "the retry sent turn 1 again, and paid for it again");
        (usage.InputTokens, usage.OutputTokens).Should().Be((33, 21));
        usage.CostUsd.Should().Be(0.000075m, "3 × (11 × $1/M + 7 × $2/M)");
    }

    [Fact]
    public async Task Retry_WithoutOn_DoesNotRepeatAnInvalidOutput()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("analyst.yaml", InvalidThreeTimes);

        var result = await h.RunAsync(Analysis.Replace("{{retry}}", "retry: { attempts: 3, delay: 0s }", StringComparison.Ordinal));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("llm.invalid-output");
        var steps = await h.StepsAsync(result.RunId);
        steps.Single(s => s.Path == "analyze").Attempts.Should().Be(1, "a retry would pay for the same invalid answers again");
        steps.Count(s => s.Kind == "llm.call").Should().Be(3);
    }

    [Fact]
    public async Task Retry_OnNamingInvalidOutput_RepeatsItAndTheTotalsCountEveryAttempt()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("analyst.yaml", InvalidThreeTimes);

        var result = await h.RunAsync(Analysis.Replace("{{retry}}", "retry: { attempts: 2, delay: 0s, on: [llm.invalid-output] }", StringComparison.Ordinal));

        result.Status.Should().Be(RunStatus.Failed);
        var steps = await h.StepsAsync(result.RunId);
        steps.Single(s => s.Path == "analyze").Attempts.Should().Be(2);
        steps.Where(s => s.Kind == "llm.call").Select(s => s.Path).Should().Equal(
            "analyze/call-1", "analyze/call-2", "analyze/call-3", "analyze/call-1#2", "analyze/call-2#2", "analyze/call-3#2");
        var usage = StepUsage.Of(steps).Single();
        usage.Calls.Should().Be(6);
        usage.InputTokens.Should().Be(600);
    }

    [Fact]
    public async Task Retry_WithoutOn_DoesNotRepeatABudgetBreach()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: echo }]
                usage: { input: 900, output: 200 }
              - text: never reached
            """);

        var result = await h.RunAsync(Agent("budget: { tokens: 1000 }", "retry: { attempts: 3, delay: 0s }"));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("budget.exceeded");
        (await h.StepsAsync(result.RunId)).Single(s => s.Path == "work").Attempts.Should().Be(1);
    }

    private static string Agent(string budget, string retry) => $$$"""
        name: agent
        models:
          worker: { model: scripted/agent, script: ./agent.yaml }
        steps:
          - id: work
            agent:
              model: worker
              goal: Work.
              {{{budget}}}
              tools:
                - name: echo
                  description: Answers ok.
                  run: { command: echo, args: ['{"ok":true}'] }
            {{{retry}}}
        outputs: ${{ steps.work.output }}
        """;
}
