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
