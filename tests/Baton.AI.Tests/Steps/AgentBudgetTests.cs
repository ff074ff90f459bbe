using Baton.AI.Tests.Providers;
using Baton.Storage;
using Baton.Testing;
using Baton.Testing.Models;

namespace Baton.AI.Tests.Steps;

/// <summary>An agent's dollar and wall-time budgets, and a step <c>timeout</c> on AI steps, with the engine's clock in the test's hands.</summary>
public sealed class AgentBudgetTests
{
    /// <summary>Writes a marker, then waits for its release file (at most 30 s), then answers.</summary>
    private const string WaitTool = """
        #!/bin/sh
        read args
        n=$(printf '%s' "$args" | tr -dc '0-9')
        echo started > "$MARKS/started-$n"
        i=0
        while [ ! -f "$MARKS/release-$n" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done
        echo '{"ok":true}'
        """;

    [Fact]
    public async Task Agent_OverItsDollarBudget_FailsWithTheAmountsReadable()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("baton.yaml", """
            prices:
              scripted/agent: { input: 1.0, output: 2.0 }
            """);
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: wait, arguments: { n: 1 } }]
                usage: { input: 4, output: 1 }
              - text: never reached
            """);

        var result = await h.RunAsync(Workflow(h, "budget: { usd: 0.000005 }"));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("budget.exceeded");
        result.Error.Message.Should().EndWith("The agent used $0.000006, over its budget of $0.000005; it was stopped after 1 model turn(s).");
    }

    [Fact]
    public async Task Agent_ToolStillRunningWhenItsTimeBudgetRunsOut_IsStoppedAtOnce()
    {
        var clock = new ManualTimeProvider();
        await using var h = await AIHarness.CreateAsync(clock: clock);
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: wait, arguments: { n: 1 } }]
              - text: never reached
            """);

        var run = h.RunAsync(Workflow(h, "budget: { time: 2s }"));
        await Waits.Until(() => File.Exists(Mark(h, "started-1")), "waiting for the tool to start");
        clock.Advance(TimeSpan.FromSeconds(3));
        var result = await run.Within("waiting for the budget to stop the tool");

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("budget.exceeded");
        result.Error.Message.Should().Contain("over its budget of 2s").And.Contain("during its call of the tool 'wait'");
        var steps = await h.StepsAsync(result.RunId);
        steps.Should().NotContain(s => s.Kind == "tool.call", "the call was cut short, so nothing was recorded for it");
    }

    [Fact]
    public async Task Agent_ModelTurnStillInFlightWhenItsTimeBudgetRunsOut_IsStoppedAtOnce()
    {
        var clock = new ManualTimeProvider();
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.DefaultReply = new ModelReply { Text = "late", Delay = TimeSpan.FromMinutes(10) };
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test" }, clock: clock);
        h.Write("baton.yaml", $$"""
            models:
              worker: openai/gpt-4o-mini
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 0 }
            """);

        var run = h.RunAsync(Workflow(h, "budget: { time: 2s }").Replace("  worker: { model: scripted/agent, script: ./agent.yaml }\n", "", StringComparison.Ordinal).Replace("models:\n", "", StringComparison.Ordinal));
        await server.WaitForRequestsAsync(1).Within("waiting for the first turn to be sent");
        clock.Advance(TimeSpan.FromSeconds(3));
        var result = await run.Within("waiting for the budget to stop the turn");

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("budget.exceeded");
        result.Error.Message.Should().Contain("during model turn 1");
    }

    [Fact]
    public async Task Agent_ResumedAfterAnInterruption_KeepsTheTimeItHadSpentButNotTheDowntime()
    {
        var clock = new ManualTimeProvider();
        await using var h = await AIHarness.CreateAsync(clock: clock);
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: wait, arguments: { n: 1 } }]
              - tool-calls: [{ name: wait, arguments: { n: 2 } }]
              - text: finished within the budget
            """);
        using var crash = new CancellationTokenSource();
        var definition = h.Engine.LoadDefinition(h.Write("workflow.yaml", Workflow(h, "budget: { time: 2s }")));

        // The first attempt spends 1.5 s in its first tool call, then stops in the middle of its second.
        var first = h.Engine.RunAsync(definition, null, null, crash.Token);
        await Waits.Until(() => File.Exists(Mark(h, "started-1")), "waiting for the first tool call");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        File.WriteAllText(Mark(h, "release-1"), "");
        await Waits.Until(() => File.Exists(Mark(h, "started-2")), "waiting for the second tool call");
        await crash.CancelAsync();
        await first.Awaiting(t => t).Should().ThrowAsync<OperationCanceledException>();
        var runId = (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;

        // An hour later the run resumes: the recorded turns and the first tool call are replayed, the second runs again.
        File.Delete(Mark(h, "started-2"));
        clock.Advance(TimeSpan.FromHours(1));
        var resumed = h.Engine.DriveAsync(runId);
        await Waits.Until(() => File.Exists(Mark(h, "started-2")), "waiting for the second tool call to run again");
        clock.Advance(TimeSpan.FromSeconds(0.6));
        var result = await resumed.Within("waiting for the budget to stop the resumed attempt");

        result.Status.Should().Be(RunStatus.Failed, "1.5 s before the interruption and 0.6 s after it are over the 2 s budget");
        result.Error!.Code.Should().Be("budget.exceeded");
        result.Error.Message.Should().Contain("during its call of the tool 'wait'");
    }

    [Fact]
    public async Task Agent_StepTimeout_FailsTheAttemptWithTimeout()
    {
        var clock = new ManualTimeProvider();
        await using var h = await AIHarness.CreateAsync(clock: clock);
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: wait, arguments: { n: 1 } }]
              - text: never reached
            """);

        var run = h.RunAsync(Workflow(h, "", "timeout: 5s"));
        await Waits.Until(() => File.Exists(Mark(h, "started-1")), "waiting for the tool to start");
        clock.Advance(TimeSpan.FromSeconds(6));
        var result = await run.Within("waiting for the step's timeout");

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("timeout", "the step's own timeout bounds the whole attempt, tool calls included");
        result.Error.Message.Should().Contain("5s");
    }

    [Fact]
    public async Task Llm_StepTimeoutWhileTheCallIsInFlight_FailsWithTimeoutNotACallError()
    {
        var clock = new ManualTimeProvider();
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.DefaultReply = new ModelReply { Text = "late", Delay = TimeSpan.FromMinutes(10) };
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test" }, clock: clock);
        h.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 0 }
            """);

        var run = h.RunAsync("""
            name: slow
            steps:
              - id: ask
                llm: { model: openai/gpt-4o-mini, prompt: hello }
                timeout: 2s
            """);
        await server.WaitForRequestsAsync(1).Within("waiting for the call to be sent");
        clock.Advance(TimeSpan.FromSeconds(3));
        var result = await run.Within("waiting for the step's timeout");

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("timeout");
        (await h.StepsAsync(result.RunId)).Should().NotContain(s => s.Kind == "llm.call", "a call cut short records nothing");
    }

    private static string Mark(AIHarness h, string name) => Path.Combine(h.Directory, "marks", name);

    private static string Workflow(AIHarness h, string budget, string stepOptions = "")
    {
        Directory.CreateDirectory(Path.Combine(h.Directory, "marks"));
        File.SetUnixFileMode(h.Write("tools/wait.sh", WaitTool), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return $$$"""
            name: budgeted
            models:
              worker: { model: scripted/agent, script: ./agent.yaml }
            steps:
              - id: work
                agent:
                  model: worker
                  goal: Wait for things.
                  {{{budget}}}
                  tools:
                    - name: wait
                      description: Waits for a release.
                      parameters: { type: object, required: [n], properties: { n: { type: integer } } }
                      run: { command: ./tools/wait.sh, env: { MARKS: "{{{Path.Combine(h.Directory, "marks")}}}" } }
                {{{stepOptions}}}
            outputs: ${{ steps.work.output }}
            """;
    }
}
