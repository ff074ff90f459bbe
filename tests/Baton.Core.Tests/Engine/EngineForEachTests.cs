using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineForEachTests
{
    private const string Workflow = """
        name: batch
        inputs: { type: object, properties: { items: { type: array } } }
        steps:
          - id: each
            foreach:
              items: ${{ inputs.items }}
              concurrency: 3
              steps:
                - id: work
                  probe: { output: "${{ index }}:${{ item.name }}" }
                - id: shout
                  set: { last: "${{ upper(steps.work.output) }}" }
        outputs: ${{ steps.each.output.*.last }}
        """;

    [Fact]
    public async Task RunAsync_ForEach_CollectsEachItemsLastOutputInItemOrder()
    {
        await using var h = await EngineHarness.CreateAsync();
        var items = new JsonArray([.. Enumerable.Range(0, 10).Select(i => (JsonNode)new JsonObject { ["name"] = $"n{i}" })]);
        var result = await h.RunAsync(Workflow, new JsonObject { ["items"] = items });

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(Enumerable.Range(0, 10).Select(i => $"{i}:N{i}"));
        var paths = (await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None)).Select(s => s.Path);
        paths.Should().Contain(["each[0]/work", "each[9]/shout"]);
    }

    [Fact]
    public async Task RunAsync_ForEach_ItemsAreWrittenOnceAndTheRewrittenStateStaysSmall()
    {
        await using var h = await EngineHarness.CreateAsync();
        var items = new JsonArray([.. Enumerable.Range(0, 300).Select(i => (JsonNode)new JsonObject { ["name"] = $"n{i}", ["text"] = new string('x', 200) })]);
        var itemsBytes = items.ToJsonString().Length;

        var result = await h.RunAsync(Workflow, new JsonObject { ["items"] = items });

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.AsArray().Should().HaveCount(300);
        var steps = await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None);
        var each = steps.Single(s => s.Path == "each");
        each.State!.ToJsonString().Length.Should().BeLessThan(100, "the state rewritten as each item completes holds only counters");
        var recorded = steps.Single(s => s.Path == "each/items");
        recorded.IsJournalEntry.Should().BeTrue();
        recorded.Output!.ToJsonString().Should().Be(items.ToJsonString());

        // Each item completes in its own transition here (its probe step is an action), so items rewritten with the
        // state would have put about 300 copies of them in the payload table.
        PayloadBytes(h.StorePath).Should().BeLessThan(3L * itemsBytes);
    }

    [Fact]
    public async Task CrashMidForEach_TheItemsComeBackFromTheStore_AndOutputsKeepTheirOrder()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        const string workflow = """
            name: resumable
            steps:
              - id: each
                foreach:
                  items: ${{ [10, 11, 12, 13, 14, 15] }}
                  concurrency: 2
                  steps:
                    - id: work
                      probe: { name: "w${{ item }}", block: "${{ item == 13 }}", output: "${{ index }}:${{ item }}" }
            outputs: ${{ steps.each.output }}
            """;
        RunId runId;
        await using (var first = await EngineHarness.CreateAsync(directory: directory))
        {
            using var crash = new CancellationTokenSource();
            var running = first.Engine.RunAsync(first.Load(workflow), null, null, crash.Token);
            await first.Probe.StartedAsync("w13");
            runId = (await first.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;
            await crash.CancelAsync();
            await FluentActions.Awaiting(() => running).Should().ThrowAsync<OperationCanceledException>();
        }

        await using var second = await EngineHarness.CreateAsync(directory: directory);
        var resumed = second.Engine.DriveAsync(runId);
        await second.Probe.StartedAsync("w13");
        second.Probe.Release("w13");
        var result = await resumed;

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("0:10", "1:11", "2:12", "3:13", "4:14", "5:15");
        second.Probe.CountOf("w10").Should().Be(0, "items completed before the crash are not run again");
    }

    private static long PayloadBytes(string storePath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(sum(length(body)), 0) FROM payloads";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task RunAsync_ForEach_NeverRunsMoreItemsAtOnceThanItsConcurrency()
    {
        await using var h = await EngineHarness.CreateAsync();
        var run = h.RunAsync("""
            name: limited
            steps:
              - id: each
                foreach:
                  items: ${{ [1, 2, 3, 4, 5] }}
                  concurrency: 2
                  steps:
                    - id: work
                      probe: { name: "w${{ item }}", block: true }
            """);

        for (var i = 1; i <= 5; i++)
        {
            await h.Probe.StartedAsync($"w{i}");
            h.Probe.MaxConcurrent.Should().BeLessThanOrEqualTo(2);
            h.Probe.Release($"w{i}");
        }

        (await run).Status.Should().Be(RunStatus.Completed);
        h.Probe.MaxConcurrent.Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_ForEachOverEmptyList_CompletesWithEmptyList()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync(Workflow, new JsonObject { ["items"] = new JsonArray() });
        result.Output!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_ForEachItemsNotAList_FailsWithAClearError()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: notalist
            steps:
              - id: each
                foreach:
                  items: ${{ 'nope' }}
                  steps:
                    - id: work
                      probe: {}
            """);
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Contain("must evaluate to a list, not a string");
    }

    [Fact]
    public async Task RunAsync_ForEachItemFails_CancelsRunningItemsAndFailsTheStep()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: oneBad
            steps:
              - id: each
                foreach:
                  items: ${{ ['ok', 'bad'] }}
                  concurrency: 2
                  steps:
                    - id: work
                      probe: { name: "${{ item }}", block: "${{ item == 'ok' }}", failAlways: "${{ item == 'bad' }}", retryable: false }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        (await h.StepAsync(result.RunId, "each[0]/work")).Status.Should().Be(StepStatus.Cancelled);
        (await h.StepAsync(result.RunId, "each[1]/work")).Status.Should().Be(StepStatus.Failed);
    }
}
