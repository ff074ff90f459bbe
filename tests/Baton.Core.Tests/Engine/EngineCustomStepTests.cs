using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineCustomStepTests
{
    [Fact]
    public async Task CustomKindWithASchema_ConfigRenderedAtRunTimeIsCheckedBeforeTheAttempt()
    {
        var typed = new TypedStep();
        await using var h = await EngineHarness.CreateAsync(null, steps: [typed]);

        var good = await h.RunAsync("""
            name: typed-ok
            steps:
              - id: call
                typed: { n: "${{ 1 + 1 }}" }
            outputs: ${{ steps.call.output }}
            """);
        var bad = await h.RunAsync("""
            name: typed-bad
            steps:
              - id: call
                typed: { n: "${{ 'two' }}" }
            """);

        good.Output!.GetValue<int>().Should().Be(4);
        bad.Status.Should().Be(RunStatus.Failed);
        bad.Error!.Code.Should().Be("config.invalid");
        bad.Error.Message.Should().Contain("typed.n");
        typed.Calls.Should().Be(1, "the invalid configuration never reached the executor");
    }

    [Fact]
    public async Task CustomKindThrowingStepFailedException_KeepsItsCode()
    {
        await using var h = await EngineHarness.CreateAsync(null, steps: [new ThrowingStep()]);
        var result = await h.RunAsync("""
            name: throws
            steps:
              - id: call
                throwing: {}
            """);

        result.Error!.Code.Should().Be("crm.unavailable");
    }

    private sealed class TypedStep : IStepExecutor
    {
        public int Calls;

        public string Kind => "typed";

        public JsonObject? ConfigSchema => new()
        {
            ["type"] = "object",
            ["required"] = new JsonArray("n"),
            ["properties"] = new JsonObject { ["n"] = new JsonObject { ["type"] = "integer" } },
        };

        public ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return ValueTask.FromResult(StepOutcome.Completed(context.Config!["n"]!.GetValue<int>() * 2));
        }
    }

    private sealed class ThrowingStep : IStepExecutor
    {
        public string Kind => "throwing";

        public ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
            => throw new StepFailedException("crm.unavailable", "The CRM is down.", retryable: false);
    }
}
