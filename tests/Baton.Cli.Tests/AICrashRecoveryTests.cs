using System.Text.Json;
using Baton.Cli.Tests.Support;
using Baton.Testing.Models;

namespace Baton.Cli.Tests;

/// <summary>
/// SIGKILL in the middle of an agent or of an llm step's repair, then recovery: the CLI talks to a real OpenAI-compatible server on loopback
/// (the real SDK client runs) and to real tool processes; the server and a ledger count what was sent.
/// </summary>
public sealed class AICrashRecoveryTests
{
    private const string Tool = """
        #!/bin/sh
        # Appends "name key" to the ledger; 'block' waits until the test creates the release file.
        printf '%s %s\n' "$1" "$BATON_IDEMPOTENCY_KEY" >> "$LEDGER"
        if [ "${2:-}" = block ]; then
          i=0
          while [ ! -f "$RELEASE" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done
        fi
        echo '{"ok":true}'
        """;

    [Fact]
    public async Task SigkillDuringASecondToolCall_ResumesWithoutResendingTurnsOrRecordedToolCalls()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Responder = request =>
        {
            // The reply depends only on how far the conversation is: 0, 1 or 2 tool results so far.
            return ToolResults(request) switch
            {
                0 => ModelReply.WithToolCalls(new ModelReplyToolCall("call_1", "quick", "{}")),
                1 => ModelReply.WithToolCalls(new ModelReplyToolCall("call_2", "slow", "{}")),
                _ => ModelReply.WithText("All done."),
            };
        };
        using var cli = new CliRunner();
        var ledger = Path.Combine(cli.Directory, "ledger.txt");
        var release = Path.Combine(cli.Directory, "release");
        cli.Environment["LEDGER"] = ledger;
        cli.Environment["RELEASE"] = release;
        UseServer(cli, server);
        File.SetUnixFileMode(cli.Write("tool.sh", Tool.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var workflow = cli.Write("agent.yaml", """
            name: crashy-agent
            steps:
              - id: work
                agent:
                  model: openai/gpt-4o-mini
                  goal: Do both things.
                  tools:
                    - name: quick
                      description: A quick tool.
                      run: { command: ./tool.sh, args: [quick] }
                    - name: slow
                      description: A slow tool.
                      run: { command: ./tool.sh, args: [slow, block] }
            outputs: ${{ steps.work.output.answer }}
            """);

        using (var victim = cli.Start("run", workflow))
        {
            await WaitForLedgerAsync(ledger, "slow ");
            victim.Kill();
            await victim.WaitForExitAsync();
        }

        server.Served.Should().Be(2, "turns 1 and 2 were sent before the crash");
        server.Requests.Select(ToolResults).Should().Equal([0, 1], "before the crash, turns 1 and 2 were each received once and nothing else");
        File.WriteAllText(release, "");
        var worker = await cli.RunAsync("worker", "--until-idle");
        worker.ExitCode.Should().Be(0, worker.ToString());

        var run = (await cli.RunAsync("runs", "--json")).Json.AsArray().Single()!;
        run["status"]!.GetValue<string>().Should().Be("completed", worker.ToString());
        server.Served.Should().Be(3, "after the crash only turn 3 is sent: turns 1 and 2 are replayed from the store");
        server.Requests.Select(ToolResults).Should().Equal([0, 1, 2], "every request received, answered or not: each turn was sent exactly once");
        var lines = File.ReadAllLines(ledger);
        lines.Count(l => l.StartsWith("quick ", StringComparison.Ordinal)).Should().Be(1, "the recorded tool call is replayed, not run again");
        var slow = lines.Where(l => l.StartsWith("slow ", StringComparison.Ordinal)).ToList();
        slow.Should().HaveCount(2, "the call in flight at the crash runs again");
        slow.Distinct().Should().ContainSingle("with the same idempotency key");
        var details = (await cli.RunAsync("show", run["runId"]!.GetValue<string>(), "--json")).Json;
        details["output"]!.GetValue<string>().Should().Be("All done.");
        JsonSerializer.Serialize(details["timeline"]).Should().Contain("step.interrupted");
    }

    [Fact]
    public async Task SigkillDuringARepairCall_ResumesWithoutResendingTheRecordedFirstCall()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        var crashed = false;
        server.Responder = request => IsRepair(request)
            ? ModelReply.WithText("""{"score": 7}""") with { Delay = Volatile.Read(ref crashed) ? TimeSpan.Zero : TimeSpan.FromMinutes(5) }
            : ModelReply.WithText("""{"score": "high"}""");
        using var cli = new CliRunner();
        UseServer(cli, server);
        var workflow = cli.Write("llm.yaml", """
            name: crashy-llm
            steps:
              - id: analyze
                llm:
                  model: openai/gpt-4o-mini
                  prompt: Score the campaign.
                  output-schema: { type: object, required: [score], properties: { score: { type: integer } } }
            outputs: ${{ steps.analyze.output.value.score }}
            """);

        using (var victim = cli.Start("run", workflow))
        {
            // The first answer does not match the schema, so the step sends a repair call, which the server holds.
            await server.WaitForRequestsAsync(2).WaitAsync(TimeSpan.FromSeconds(60));
            victim.Kill();
            await victim.WaitForExitAsync();
        }

        Volatile.Write(ref crashed, true);
        var worker = await cli.RunAsync("worker", "--until-idle");
        worker.ExitCode.Should().Be(0, worker.ToString());

        var run = (await cli.RunAsync("runs", "--json")).Json.AsArray().Single()!;
        run["status"]!.GetValue<string>().Should().Be("completed", worker.ToString());
        server.Requests.Select(IsRepair).Should().Equal([false, true, true], "the first call was recorded before the repair started, so only the repair in flight at the crash is sent again");
        var details = (await cli.RunAsync("show", run["runId"]!.GetValue<string>(), "--json")).Json;
        details["output"]!.GetValue<int>().Should().Be(7);
    }

    /// <summary>Points the CLI's openai provider at the loopback server, without retries, so that each request is one call.</summary>
    private static void UseServer(CliRunner cli, LoopbackOpenAIServer server)
    {
        cli.Environment["OPENAI_API_KEY"] = "sk-test-0123456789";
        cli.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 0 }
            """);
    }

    /// <summary>A repair call carries the model's earlier answer, to be corrected.</summary>
    private static bool IsRepair(RecordedModelRequest request)
        => request.Body.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("role").GetString() == "assistant");

    private static int ToolResults(RecordedModelRequest request)
        => request.Body.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("role").GetString() == "tool");

    private static async Task WaitForLedgerAsync(string ledger, string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!File.Exists(ledger) || !File.ReadAllLines(ledger).Any(l => l.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
