using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

public sealed class SignalCommandTests
{
    private const string WaitsForGo = "name: waits\nsteps:\n  - id: w\n    wait: { event: go }\n";

    [Fact]
    public async Task Signal_EventNoWaitListensFor_ShowListsItAsPendingWithItsNameSenderAndTime()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", WaitsForGo), "--json")).Json["runId"]!.GetValue<string>();

        var signal = await cli.RunAsync("signal", runId, "og", "--by", "ana", "--data", """{"n":1}""");
        var text = await cli.RunAsync("show", runId);
        var json = await cli.RunAsync("show", runId, "--json");

        signal.ExitCode.Should().Be(3, signal.ToString());
        text.Stdout.Should().Contain("Pending signals").And.MatchRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+event\s+og\s+user:ana");
        var pending = json.Json["pendingSignals"]!.AsArray().Should().ContainSingle().Subject!;
        pending["kind"]!.GetValue<string>().Should().Be("event");
        pending["name"]!.GetValue<string>().Should().Be("og");
        pending["actor"]!.GetValue<string>().Should().Be("user:ana");
        pending["at"]!.GetValue<string>().Should().EndWith("Z");
        pending["data"]!["n"]!.GetValue<int>().Should().Be(1);
        pending["neverConsumed"]!.GetValue<bool>().Should().BeFalse("the run still waits, and a wait for 'og' may start");
    }

    [Fact]
    public async Task Signal_EventNoWaitListensFor_SaysItIsKeptAndListsTheEventsTheWaitsListenFor()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", "name: waits\nsteps:\n  - id: w\n    wait: { events: [stop, go] }\n"), "--json")).Json["runId"]!.GetValue<string>();

        var signal = await cli.RunAsync("signal", runId, "og");

        signal.ExitCode.Should().Be(3, signal.ToString());
        signal.Stdout.Should().Contain($"note: No wait of run {runId} is listening for 'og' now: the event is kept until a wait for it starts. Its waits are listening for: 'go', 'stop'.");
    }

    [Fact]
    public async Task SignalJson_EventNoWaitListensFor_PutsTheNoteOnStderrAndOnlyTheRunOnStdout()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("gate.yaml", "name: gate\nsteps:\n  - id: review\n    approval: {}\n"), "--json")).Json["runId"]!.GetValue<string>();

        var signal = await cli.RunAsync("signal", runId, "go", "--json");

        signal.ExitCode.Should().Be(3, signal.ToString());
        signal.Json["runId"]!.GetValue<string>().Should().Be(runId);
        signal.Stderr.Should().Contain("is listening for 'go' now: the event is kept until a wait for it starts. Its waits are listening for no event now.");
    }

    [Fact]
    public async Task Signal_EventAWaitListensFor_PrintsNoNote()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", WaitsForGo), "--json")).Json["runId"]!.GetValue<string>();

        var signal = await cli.RunAsync("signal", runId, "go");

        signal.ExitCode.Should().Be(0, signal.ToString());
        signal.Stdout.Should().NotContain("note:");
    }

    [Fact]
    public async Task Show_EventNotConsumedBeforeTheRunEnded_SaysItWasNeverConsumed()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", WaitsForGo), "--json")).Json["runId"]!.GetValue<string>();
        (await cli.RunAsync("signal", runId, "og")).ExitCode.Should().Be(3);
        (await cli.RunAsync("signal", runId, "go")).ExitCode.Should().Be(0);

        var text = await cli.RunAsync("show", runId);
        var json = await cli.RunAsync("show", runId, "--json");

        text.Stdout.Should().Contain("Signals never consumed  (delivered, but the run ended before a step took them)").And.NotContain("Pending signals");
        text.Stdout.Should().MatchRegex(@"event\s+og\s+user:");
        var signal = json.Json["pendingSignals"]!.AsArray().Should().ContainSingle().Subject!;
        signal["name"]!.GetValue<string>().Should().Be("og");
        signal["neverConsumed"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Signal_EventTheRunWaitsFor_IsConsumedAndNoLongerPending()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", WaitsForGo), "--json")).Json["runId"]!.GetValue<string>();

        var signal = await cli.RunAsync("signal", runId, "go");
        var json = await cli.RunAsync("show", runId, "--json");

        signal.ExitCode.Should().Be(0, signal.ToString());
        json.Json["pendingSignals"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Signal_BadEventName_Exits2AndStoresNothing()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", WaitsForGo), "--json")).Json["runId"]!.GetValue<string>();

        var signal = await cli.RunAsync("signal", runId, "bad event name!");
        var json = await cli.RunAsync("show", runId, "--json");

        signal.ExitCode.Should().Be(2, signal.ToString());
        signal.Stderr.Should().Contain("not a valid event name");
        json.Json["pendingSignals"]!.AsArray().Should().BeEmpty();
        json.Json["timeline"]!.AsArray().Should().NotContain(e => e!["type"]!.GetValue<string>() == "signal.received");
    }

    [Fact]
    public async Task Signal_EndedRun_SaysItAlreadyEndedWithItsStatusAndExits2()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("quick.yaml", "name: quick\nsteps:\n  - id: a\n    set: { x: 1 }\n"), "--json")).Json["runId"]!.GetValue<string>();

        var signal = await cli.RunAsync("signal", runId, "go");

        signal.ExitCode.Should().Be(2, signal.ToString());
        signal.Stderr.Should().Contain($"Run {runId} has already ended (completed").And.Contain("'go' was not delivered");
        signal.Stderr.Should().NotContain("stored");
    }
}
