using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

public sealed class RunCommandTests
{
    private const string Greeter = """
        name: greeter
        inputs:
          type: object
          required: [name]
          properties:
            name: { type: string }
            times: { type: integer, minimum: 1 }
        steps:
          - id: greet
            run: { command: /bin/echo, args: ["hello ${{ inputs.name }}"] }
          - id: count
            set: { n: "${{ inputs.times ?? 1 }}" }
        outputs:
          greeting: ${{ trim(steps.greet.output.stdout) }}
          times: ${{ vars.n }}
        """;

    [Fact]
    public async Task Run_Json_PrintsTheRunWithItsSteps()
    {
        using var cli = new CliRunner();
        var file = cli.Write("greeter.yaml", Greeter);

        var result = await cli.RunAsync("run", file, "--input", "name=ana", "--input", "times=3", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json;
        json["status"]!.GetValue<string>().Should().Be("completed");
        json["runId"]!.GetValue<string>().Should().HaveLength(26);
        json["output"]!["greeting"]!.GetValue<string>().Should().Be("hello ana");
        json["output"]!["times"]!.GetValue<int>().Should().Be(3);
        json["error"].Should().BeNull();
        var steps = json["steps"]!.AsArray();
        steps.Select(s => s!["id"]!.GetValue<string>()).Should().Equal("greet", "count");
        foreach (var step in steps)
        {
            step!["path"].Should().NotBeNull();
            step["status"]!.GetValue<string>().Should().Be("completed");
            step["attempts"]!.GetValue<int>().Should().Be(1);
            DateTimeOffset.Parse(step["startedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
                .Should().BeOnOrBefore(DateTimeOffset.Parse(step["endedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            step["durationMs"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(0, "durations are whole milliseconds");
            step.AsObject().ContainsKey("error").Should().BeTrue();
        }
    }

    [Fact]
    public async Task Run_WithoutJson_ShowsEachStepStartingAndEndingWithItsDuration()
    {
        using var cli = new CliRunner();
        var file = cli.Write("greeter.yaml", Greeter);

        var result = await cli.RunAsync("run", file, "-i", "name=ana");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().MatchRegex(@"▸ greet\s*\n");
        result.Stdout.Should().MatchRegex(@"✓ greet\s+[\d.]+ (ms|s)");
        result.Stdout.Should().MatchRegex(@"✓ count\s+[\d.]+ (ms|s)");
        result.Stdout.Should().Contain("completed run");
    }

    [Fact]
    public async Task Run_WithoutJson_FailedAndCancelledStepsEndWithTheirDuration()
    {
        using var cli = new CliRunner();
        var file = cli.Write("fails.yaml", """
            name: fails
            steps:
              - id: both
                parallel:
                  - id: boom
                    run: { command: /bin/sh, args: ["-c", "exit 3"] }
                  - id: slow
                    run: { command: /bin/sleep, args: ["60"] }
            """);

        var result = await cli.RunAsync("run", file);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().MatchRegex(@"✗ both/boom  run\.exit-code: [^\n]+  [\d.]+ (ms|s)\n");
        result.Stdout.Should().MatchRegex(@"⊘ both/slow  cancelled  [\d.]+ (ms|s)\n");
    }

    [Fact]
    public async Task Run_WithoutJson_CompensationEndsWithItsDuration()
    {
        using var cli = new CliRunner();
        var file = cli.Write("undo.yaml", """
            name: undo
            steps:
              - id: book
                set: { x: 1 }
                compensate:
                  - id: unbook
                    set: { x: 0 }
              - id: boom
                fail: nope
            """);

        var result = await cli.RunAsync("run", file);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().MatchRegex(@"↺ book  The step's compensation completed\.  [\d.]+ (ms|s)\n");
    }

    [Fact]
    public async Task Run_InvalidInputs_Exits2NamingTheFieldAndPersistsNothing()
    {
        using var cli = new CliRunner();
        var file = cli.Write("greeter.yaml", Greeter);

        var result = await cli.RunAsync("run", file, "--input", "times=0");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("inputs.name").And.Contain("inputs.times");
        File.Exists(cli.StorePath).Should().BeFalse("inputs are checked before the store is created");
    }

    [Fact]
    public async Task Run_InputFileAndOverrides_AreMerged()
    {
        using var cli = new CliRunner();
        var file = cli.Write("greeter.yaml", Greeter);
        var inputs = cli.Write("inputs.json", """{ "name": "from-file", "times": 2 }""");

        var result = await cli.RunAsync("run", file, "--input-file", inputs, "--input", "name=override", "--json");

        result.Json["output"]!["greeting"]!.GetValue<string>().Should().Be("hello override");
        result.Json["output"]!["times"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Run_MalformedInputOption_Exits2()
    {
        using var cli = new CliRunner();
        var file = cli.Write("greeter.yaml", Greeter);

        var result = await cli.RunAsync("run", file, "--input", "no-equals-sign");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("key=value");
    }

    [Fact]
    public async Task Run_InvalidWorkflow_Exits2WithDiagnostics()
    {
        using var cli = new CliRunner();
        var file = cli.Write("broken.yaml", "name: broken\nsteps:\n  - id: a\n    sett: {}\n");

        var result = await cli.RunAsync("run", file);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().MatchRegex(@"broken\.yaml:\d+:\d+: error BATON\d{3}");
    }

    [Fact]
    public async Task Run_FailingWorkflow_Exits1WithTheError()
    {
        using var cli = new CliRunner();
        var file = cli.Write("fails.yaml", """
            name: fails
            steps:
              - id: boom
                run: { command: /bin/sh, args: ["-c", "echo broken >&2; exit 4"] }
            """);

        var result = await cli.RunAsync("run", file, "--json");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Json["status"]!.GetValue<string>().Should().Be("failed");
        result.Json["error"]!["code"]!.GetValue<string>().Should().Be("run.exit-code");
        result.Json["steps"]![0]!["error"]!["message"]!.GetValue<string>().Should().Contain("broken");
    }

    [Fact]
    public async Task ApprovalFlow_RunWaitsWithExit3_ApproveCompletesIt_ShowHasTheTimeline()
    {
        using var cli = new CliRunner();
        var file = cli.Write("review.yaml", """
            name: review
            steps:
              - id: draft
                set: { text: first draft }
              - id: review
                approval:
                  title: Publish it?
                  data: { text: "${{ vars.text }}" }
                  editable: [text]
              - id: publish
                set: { published: "${{ steps.review.output.data.text }}" }
            outputs: ${{ vars.published }}
            """);

        var waiting = await cli.RunAsync("run", file, "--json");
        waiting.ExitCode.Should().Be(3, waiting.ToString());
        waiting.Json["status"]!.GetValue<string>().Should().Be("waiting");
        var runId = waiting.Json["runId"]!.GetValue<string>();

        var shown = await cli.RunAsync("show", runId);
        shown.Stdout.Should().Contain("Waiting for approval").And.Contain($"baton approve {runId} review");

        var approved = await cli.RunAsync("approve", runId, "review", "--by", "ana", "--comment", "ok", "--data", """{"text":"final"}""", "--json");
        approved.ExitCode.Should().Be(0, approved.ToString());
        approved.Json["output"]!.GetValue<string>().Should().Be("final");

        var details = (await cli.RunAsync("show", runId, "--json")).Json;
        details["status"]!.GetValue<string>().Should().Be("completed");
        var decided = details["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "approval.decided")!;
        decided["actor"]!.GetValue<string>().Should().Be("user:ana");
        details["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "review")!["actor"]!.GetValue<string>().Should().Be("user:ana");
    }

    [Fact]
    public async Task Reject_RoutesTheRunToFailure_Exit1()
    {
        using var cli = new CliRunner();
        var file = cli.Write("gate.yaml", "name: gate\nsteps:\n  - id: gate\n    approval: {}\n");
        var runId = (await cli.RunAsync("run", file, "--json")).Json["runId"]!.GetValue<string>();

        var rejected = await cli.RunAsync("reject", runId, "gate", "--comment", "not now");

        rejected.ExitCode.Should().Be(1, rejected.ToString());
        rejected.Stdout.Should().Contain("approval.rejected");
    }

    [Fact]
    public async Task Approve_NoSuchStep_Exits2()
    {
        using var cli = new CliRunner();
        var file = cli.Write("gate.yaml", "name: gate\nsteps:\n  - id: gate\n    approval: {}\n");
        var runId = (await cli.RunAsync("run", file, "--json")).Json["runId"]!.GetValue<string>();

        var result = await cli.RunAsync("approve", runId, "gaet");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("'gate'");
    }

    [Fact]
    public async Task SignalAndCancel_DriveTheRun()
    {
        using var cli = new CliRunner();
        var file = cli.Write("events.yaml", """
            name: events
            steps:
              - id: first
                wait: { event: go }
              - id: second
                wait: { event: never }
            outputs: ${{ steps.first.output.data }}
            """);
        var runId = (await cli.RunAsync("run", file, "--json")).Json["runId"]!.GetValue<string>();

        var signalled = await cli.RunAsync("signal", runId, "go", "--data", """{"n":1}""", "--json");
        signalled.ExitCode.Should().Be(3, signalled.ToString());
        signalled.Step("first")["status"]!.GetValue<string>().Should().Be("completed");

        var cancelled = await cli.RunAsync("cancel", runId, "--reason", "test over");
        cancelled.ExitCode.Should().Be(0, cancelled.ToString());
        var runs = (await cli.RunAsync("runs", "--status", "cancelled", "--json")).Json.AsArray();
        runs.Single()!["runId"]!.GetValue<string>().Should().Be(runId);
    }

    [Fact]
    public async Task Show_UnknownRun_Exits2()
    {
        using var cli = new CliRunner();
        (await cli.RunAsync("worker", "--until-idle")).ExitCode.Should().Be(0, "the worker creates the store");

        var result = await cli.RunAsync("show", "01nosuchrun00000000000000");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("No run '01nosuchrun00000000000000'");
    }

    [Fact]
    public async Task Worker_UntilIdle_FiresDueTimersAndExits()
    {
        using var cli = new CliRunner();
        var file = cli.Write("timer.yaml", """
            name: timer
            steps:
              - id: nap
                wait: { until: "2020-01-01T00:00:00Z" }
              - id: after
                set: { woke: true }
            """);

        var result = await cli.RunAsync("run", file, "--json");
        result.ExitCode.Should().Be(0, "a timer already due fires while the run is driven: " + result);

        var waiting = await cli.RunAsync("run", cli.Write("later.yaml", "name: later\nsteps:\n  - id: nap\n    wait: 1h\n"), "--json");
        waiting.ExitCode.Should().Be(3, waiting.ToString());
        var worker = await cli.RunAsync("worker", "--until-idle");
        worker.ExitCode.Should().Be(0, worker.ToString());
        var stillWaiting = await cli.RunAsync("runs", "--status", "waiting", "--json");
        stillWaiting.Json.AsArray().Should().ContainSingle("a timer an hour away is left for later");
    }

    [Fact]
    public async Task RunStep_StdoutWithAHalfSurrogateEscape_IsTextNotACrash()
    {
        using var cli = new CliRunner();
        var flow = cli.Write("flow.yaml", "name: flow\nsteps:\n  - id: r\n    run: { command: printf, args: ['%s', '{\"a\": \"\\ud800\"}'] }\n  - id: s\n    set: { j: '${{ steps.r.output.json }}' }\n");

        var result = await cli.RunAsync("run", flow, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["status"]!.GetValue<string>().Should().Be("completed");
    }
}
