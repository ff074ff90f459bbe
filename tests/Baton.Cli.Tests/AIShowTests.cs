using Baton.Cli.Tests.Support;
using Baton.Testing.Models;

namespace Baton.Cli.Tests;

/// <summary>What <c>baton show</c> says about AI steps: money spent by failed and retried steps, the models, scripted replays.</summary>
public sealed class AIShowTests
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
        """;

    [Fact]
    public async Task Show_LlmStepFailingInvalidOutput_CountsEveryPaidCallInTheStepAndTheTotals()
    {
        using var cli = new CliRunner();
        cli.Write("baton.yaml", "prices:\n  scripted/analyst: { input: 1.0, output: 2.0 }\n");
        cli.Write("analyst.yaml", """
            responses:
              - { text: '{"summary": 1}', usage: { input: 100, output: 10 } }
              - { text: '{"summary": 2}', usage: { input: 100, output: 10 } }
              - { text: '{"summary": 3}', usage: { input: 100, output: 10 } }
            """);
        var run = await cli.RunAsync("run", cli.Write("analysis.yaml", Analysis), "--json");
        run.ExitCode.Should().Be(1, run.ToString());
        var runId = run.Json["runId"]!.GetValue<string>();

        var details = (await cli.RunAsync("show", runId, "--json")).Json;

        var ai = details["ai"]!;
        (ai["steps"]!.GetValue<int>(), ai["calls"]!.GetValue<int>()).Should().Be((1, 3));
        (ai["inputTokens"]!.GetValue<long>(), ai["outputTokens"]!.GetValue<long>()).Should().Be((300, 30));
        ai["costUsd"]!.GetValue<decimal>().Should().Be(0.00036m);
        var step = details["steps"]!.AsArray().Single(s => s!["path"]!.GetValue<string>() == "analyze")!;
        step["status"]!.GetValue<string>().Should().Be("failed");
        step["calls"]!.GetValue<int>().Should().Be(3);
        step["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(300);
        step["model"]!.GetValue<string>().Should().Be("scripted/analyst");
        step["alias"]!.GetValue<string>().Should().Be("analyst");

        var human = await cli.RunAsync("show", runId);
        var row = human.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("analyze ", StringComparison.Ordinal) && l.Contains("analyst = scripted/analyst (scripted)", StringComparison.Ordinal));
        row.Should().Contain("failed").And.Contain("300").And.Contain("$0.00036");
        human.Stdout.Should().Contain("total: 3 model call(s), 300 input + 30 output tokens, cost $0.00036");
    }

    [Fact]
    public async Task Show_AgentRetriedAfterA503_CountsTheCallsOfBothAttempts()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(
            new ModelReply { ToolCalls = [new ModelReplyToolCall("call_1", "echo", "{}")], InputTokens = 11, OutputTokens = 7 },
            ModelReply.Error(503, "overloaded"),
            new ModelReply { ToolCalls = [new ModelReplyToolCall("call_1", "echo", "{}")], InputTokens = 11, OutputTokens = 7 },
            new ModelReply { Text = "done", InputTokens = 11, OutputTokens = 7 });
        using var cli = new CliRunner();
        cli.Environment["OPENAI_API_KEY"] = "sk-test-0123456789";
        cli.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 0 }
            """);
        var workflow = cli.Write("agent.yaml", """
            name: retried
            steps:
              - id: work
                agent:
                  model: openai/gpt-4o-mini
                  goal: Work.
                  tools:
                    - name: echo
                      description: Answers ok.
                      run: { command: echo, args: ['{"ok":true}'] }
                retry: { attempts: 2, delay: 0s }
            """);

        var run = await cli.RunAsync("run", workflow, "--json");

        run.ExitCode.Should().Be(0, run.ToString());
        var ai = run.Json["ai"]!;
        (ai["inputTokens"]!.GetValue<long>(), ai["outputTokens"]!.GetValue<long>(), ai["calls"]!.GetValue<int>()).Should().Be((33, 21, 3));
        ai["costUsd"].Should().BeNull("no price is configured");
        ai["unpricedSteps"]!.GetValue<int>().Should().Be(1);
        var step = run.Step("work");
        step["attempts"]!.GetValue<int>().Should().Be(2);
        step["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(33);
        step["alias"].Should().BeNull();
        step["model"]!.GetValue<string>().Should().Be("openai/gpt-4o-mini");
    }

    [Fact]
    public async Task Show_ScriptedRun_TheTimelineSaysEachResponseWasReplayedAndNoModelCalled()
    {
        using var cli = new CliRunner();
        cli.Write("analyst.yaml", """
            responses:
              - text: '{"summary": "fine"}'
            """);
        var run = await cli.RunAsync("run", cli.Write("analysis.yaml", Analysis), "--json");
        run.ExitCode.Should().Be(0, run.ToString());

        var human = await cli.RunAsync("show", run.Json["runId"]!.GetValue<string>());

        var note = human.Stdout.Split('\n').Should().ContainSingle(l => l.Contains("analyze/call-1", StringComparison.Ordinal) && l.Contains("step.completed", StringComparison.Ordinal)).Subject;
        note.Should().Contain("Scripted response from").And.Contain("analyst.yaml: no model was called.");
    }
}
