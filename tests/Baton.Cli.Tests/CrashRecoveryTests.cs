using Baton.Cli.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Cli.Tests;

/// <summary>
/// Real crashes: the CLI runs in a child process that the test kills with SIGKILL, then another CLI process resumes
/// the run from the store. Each step appends "step key" to a ledger file, so the ledger shows what ran how often.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const string Ledger = """
        #!/bin/sh
        # Appends this step's name and idempotency key to the ledger; 'block' waits until the test creates the release file.
        set -eu
        printf '%s %s\n' "$1" "$BATON_IDEMPOTENCY_KEY" >> "$LEDGER"
        if [ "${2:-}" = block ]; then
          i=0
          while [ ! -f "$RELEASE" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done
        fi
        printf '{"step":"%s"}\n' "$1"
        """;

    [Fact]
    public async Task SigkillMidStep_NextWorkerResumes_CompletedStepsDoNotRunAgain()
    {
        using var cli = new CliRunner();
        var ledger = Path.Combine(cli.Directory, "ledger.txt");
        var release = Path.Combine(cli.Directory, "release");
        cli.Environment["LEDGER"] = ledger;
        cli.Environment["RELEASE"] = release;
        WriteScript(cli);
        var workflow = cli.Write("crash.yaml", """
            name: crash
            steps:
              - id: one
                run: { command: ./ledger.sh, args: [one] }
              - id: two
                run: { command: ./ledger.sh, args: [two, block] }
              - id: three
                run: { command: ./ledger.sh, args: [three] }
            outputs: ${{ steps.three.output.json.step }}
            """);

        using (var victim = cli.Start("run", workflow))
        {
            await WaitForLedgerAsync(ledger, lines => lines.Any(l => l.StartsWith("two ", StringComparison.Ordinal)));
            victim.Kill();
            await victim.WaitForExitAsync();
            victim.ExitCode.Should().Be(137, "SIGKILL ends the process with 128 + 9");
        }

        File.WriteAllText(release, "");
        var worker = await cli.RunAsync("worker", "--until-idle");
        worker.ExitCode.Should().Be(0, worker.ToString());
        worker.Stdout.Should().Contain("Resuming 1 run(s)");

        var lines = File.ReadAllLines(ledger);
        lines.Count(l => l.StartsWith("one ", StringComparison.Ordinal)).Should().Be(1, "a completed step never runs again");
        var two = lines.Where(l => l.StartsWith("two ", StringComparison.Ordinal)).ToList();
        two.Should().HaveCount(2, "the interrupted step runs again");
        two.Distinct().Should().ContainSingle("with the same idempotency key");
        lines.Count(l => l.StartsWith("three ", StringComparison.Ordinal)).Should().Be(1);

        var run = (await cli.RunAsync("runs", "--json")).Json.AsArray().Single()!;
        run["status"]!.GetValue<string>().Should().Be("completed");
        var details = (await cli.RunAsync("show", run["runId"]!.GetValue<string>(), "--json")).Json;
        details["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Should().Contain(["step.interrupted", "run.recovered"]);
        details["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "two")!["attempts"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task SigkillDuringAnHttpRequest_ResumedStepSendsItAgainWithTheSameIdempotencyKey()
    {
        // A real Kestrel server on loopback: it records every request's Idempotency-Key, holds the first request open
        // until the test has killed the CLI, and answers every later one.
        var keys = new List<string>();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.Run(async context =>
        {
            int seen;
            lock (keys)
            {
                keys.Add(context.Request.Headers["Idempotency-Key"].ToString());
                seen = keys.Count;
            }

            if (seen == 1)
            {
                firstArrived.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await context.Response.WriteAsJsonAsync(new { charged = seen });
        });
        await server.StartAsync();
        var url = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using var cli = new CliRunner();
        var ledger = Path.Combine(cli.Directory, "ledger.txt");
        cli.Environment["LEDGER"] = ledger;
        cli.Environment["RELEASE"] = Path.Combine(cli.Directory, "release");
        WriteScript(cli);
        var workflow = cli.Write("charge.yaml", $$$"""
            name: charge
            steps:
              - id: one
                run: { command: ./ledger.sh, args: [one] }
              - id: charge
                http: { method: POST, url: "{{{url}}}/charges", body: { amount: 5 } }
              - id: three
                run: { command: ./ledger.sh, args: [three] }
            outputs: ${{ steps.charge.output.body.charged }}
            """);

        using (var victim = cli.Start("run", workflow))
        {
            await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
            victim.Kill();
            await victim.WaitForExitAsync();
            victim.ExitCode.Should().Be(137, "SIGKILL ends the process with 128 + 9");
        }

        var worker = await cli.RunAsync("worker", "--until-idle");
        worker.ExitCode.Should().Be(0, worker.ToString());
        worker.Stdout.Should().Contain("Resuming 1 run(s)");

        var run = (await cli.RunAsync("runs", "--json")).Json.AsArray().Single()!;
        run["status"]!.GetValue<string>().Should().Be("completed", worker.ToString());
        var runId = run["runId"]!.GetValue<string>();
        string[] received;
        lock (keys)
        {
            received = [.. keys];
        }

        received.Should().Equal([$"{runId}:charge", $"{runId}:charge"], "the interrupted request is sent again with the key docs/language.md gives, {run}:{path}");
        var lines = File.ReadAllLines(ledger);
        lines.Should().Equal([$"one {runId}:one", $"three {runId}:three"], "the step completed before the crash does not run again");
        var details = (await cli.RunAsync("show", runId, "--json")).Json;
        details["output"]!.GetValue<int>().Should().Be(2, "the answer to the second request is the step's output");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(47)]
    public async Task SigkillAtAnyMoment_RunResumesAndEveryStepRanOnceExceptTheOneInFlight(int seed)
    {
        using var cli = new CliRunner();
        var ledger = Path.Combine(cli.Directory, "ledger.txt");
        cli.Environment["LEDGER"] = ledger;
        cli.Environment["RELEASE"] = Path.Combine(cli.Directory, "release");
        WriteScript(cli);
        const int steps = 12;
        var body = string.Concat(Enumerable.Range(1, steps).Select(i => $"  - id: s{i}\n    run: {{ command: ./ledger.sh, args: [s{i}] }}\n  - id: v{i}\n    set: {{ n{i}: {i} }}\n"));
        var workflow = cli.Write("many.yaml", $"name: many\nsteps:\n{body}");

        using (var victim = cli.Start("run", workflow))
        {
            // Kill after a seeded number of steps has run: a different moment for each seed.
            var killAfter = new Random(seed).Next(1, steps);
            await WaitForLedgerAsync(ledger, lines => lines.Length >= killAfter);
            victim.Kill();
            await victim.WaitForExitAsync();
        }

        var resume = await cli.RunAsync("run", cli.Write("noop.yaml", "name: noop\nsteps:\n  - id: x\n    set: { a: 1 }\n"));
        resume.ExitCode.Should().Be(0, resume.ToString());

        var runs = (await cli.RunAsync("runs", "--workflow", "many", "--json")).Json.AsArray();
        runs.Single()!["status"]!.GetValue<string>().Should().Be("completed", resume.ToString());
        var byStep = File.ReadAllLines(ledger).GroupBy(l => l.Split(' ')[0]).ToDictionary(g => g.Key, g => g.ToList());
        byStep.Keys.Should().BeEquivalentTo(Enumerable.Range(1, steps).Select(i => $"s{i}"));
        byStep.Values.Count(v => v.Count > 1).Should().BeLessThanOrEqualTo(1, "only the step in flight at the kill may run twice");
        byStep.Values.Should().OnlyContain(v => v.Count <= 2 && v.Distinct().Count() == 1, "a repeat carries the same idempotency key");
    }

    private static void WriteScript(CliRunner cli)
    {
        var script = cli.Write("ledger.sh", Ledger.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static async Task WaitForLedgerAsync(string ledger, Func<string[], bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!File.Exists(ledger) || !condition(File.ReadAllLines(ledger)))
        {
            timeout.Token.ThrowIfCancellationRequested();
            await Task.Delay(10, timeout.Token);
        }
    }
}
