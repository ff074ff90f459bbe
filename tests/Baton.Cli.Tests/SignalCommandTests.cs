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
