using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineFlowTests
{
    [Fact]
    public async Task RunAsync_SequenceOfSteps_PassesOutputsForwardAndRendersRunOutput()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: flow
            inputs:
              type: object
              properties: { who: { type: string } }
            steps:
              - id: first
                probe: { output: { greeting: "hello ${{ inputs.who }}" } }
              - id: second
                probe: { output: "${{ steps.first.output.greeting }}!" }
            outputs:
              message: ${{ steps.second.output }}
              attempts: ${{ steps.first.attempts }}
            """, new JsonObject { ["who"] = "ana" });

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["message"]!.GetValue<string>().Should().Be("hello ana!");
        result.Output!["attempts"]!.GetValue<int>().Should().Be(1);
        h.Probe.Calls.Select(c => c.Path).Should().Equal("first", "second");
    }

    [Fact]
    public async Task RunAsync_IfFalse_SkipsStepAndContinues()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: skip
            steps:
              - id: maybe
                if: 1 > 2
                probe: {}
              - id: after
                probe: { output: "${{ steps.maybe.status }}" }
            outputs: ${{ steps.after.output }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("skipped");
        h.Probe.CountOf("maybe").Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_SetStep_WritesVarsThatLaterStepsRead()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: vars
            steps:
              - id: one
                set: { count: 1, label: "n=${{ 1 }}" }
              - id: two
                set: { count: "${{ vars.count + 1 }}" }
            outputs: { count: "${{ vars.count }}", label: "${{ vars.label }}", set: "${{ steps.two.output }}" }
            """);

        result.Output!["count"]!.GetValue<double>().Should().Be(2);
        result.Output!["label"]!.GetValue<string>().Should().Be("n=1");
        result.Output!["set"]!["count"]!.GetValue<double>().Should().Be(2);
        var run = await h.Store.GetRunAsync(result.RunId, CancellationToken.None);
        run!.Vars["count"]!.GetValue<double>().Should().Be(2);
    }

    [Theory]
    [InlineData("invoice", "booked", "book")]
    [InlineData("contract", "legal", "1")]
    [InlineData("memo", "archived", "default")]
    public async Task RunAsync_Switch_RoutesToTheFirstMatchingCaseOrTheDefault(string type, string expected, string expectedCase)
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: route
            inputs: { type: object, properties: { type: { type: string } } }
            steps:
              - id: route
                switch:
                  cases:
                    - name: book
                      when: inputs.type == 'invoice'
                      steps:
                        - id: booked
                          set: { where: booked }
                    - when: inputs.type == 'contract'
                      goto: legal
                  default:
                    goto: archive
              - id: legal
                if: steps.route.output.case == 1
                set: { where: legal }
              - id: archive
                if: steps.route.output.case == 'default'
                set: { where: archived }
            outputs: { where: "${{ vars.where }}", case: "${{ steps.route.output.case }}" }
            """, new JsonObject { ["type"] = type });

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["where"]!.GetValue<string>().Should().Be(expected);
        result.Output!["case"]!.ToString().Should().Be(expectedCase);
    }

    [Fact]
    public async Task RunAsync_SwitchWithoutMatchOrDefault_CompletesWithNullCase()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: nomatch
            steps:
              - id: route
                switch:
                  cases:
                    - when: false
                      goto: never
              - id: never
                set: { reached: true }
            outputs: ${{ steps.route.output }}
            """);

        result.Output!["case"].Should().BeNull();
        result.Output!["output"].Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_Group_RunsNestedStepsAndTakesTheLastOutput()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: group
            steps:
              - id: notify
                steps:
                  - id: email
                    probe: { output: mailed }
                  - id: chat
                    probe: { output: posted }
            outputs: ${{ steps.notify.output }}
            """);

        result.Output!.GetValue<string>().Should().Be("posted");
        (await h.StepAsync(result.RunId, "notify/email")).Status.Should().Be(StepStatus.Completed);
    }

    [Fact]
    public async Task RunAsync_OnErrorContinue_KeepsFailedStatusAndUsesTheGivenOutput()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: cont
            steps:
              - id: flaky
                probe: { failAlways: true, retryable: false }
                on-error: { continue: { cached: true, why: "${{ steps.flaky.error.code }}" } }
              - id: next
                probe: { output: "${{ steps.flaky.output.why }}/${{ steps.flaky.status }}" }
            outputs: ${{ steps.next.output }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("probe.failed/failed");
        var flaky = await h.StepAsync(result.RunId, "flaky");
        flaky.Status.Should().Be(StepStatus.Failed);
        flaky.Output!["cached"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_OnErrorGoto_JumpsToTheFallbackStep()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: fallback
            steps:
              - id: primary
                probe: { failAlways: true, retryable: false }
                on-error: { goto: secondary }
              - id: skipped-on-error
                probe: {}
              - id: secondary
                if: steps.primary.status == 'failed'
                probe: { output: from-secondary }
            outputs: ${{ steps.secondary.output }}
            """);

        result.Output!.GetValue<string>().Should().Be("from-secondary");
        h.Probe.CountOf("skipped-on-error").Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_GotoLoop_RunsUntilTheConditionAndNumbersPasses()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: loop
            steps:
              - id: tick
                set: { n: "${{ (vars.n ?? 0) + 1 }}" }
              - id: again
                switch:
                  cases:
                    - when: vars.n < 3
                      goto: tick
            outputs: ${{ vars.n }}
            """);

        result.Output!.GetValue<double>().Should().Be(3);
        var paths = (await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None)).Select(s => s.Path);
        paths.Should().Equal("tick", "again", "tick#2", "again#2", "tick#3", "again#3");
    }

    [Fact]
    public async Task RunAsync_GotoLoopBeyondMaxIterations_RunsTheStepMaxTimesThenFailsTheRunNamingARecordedPath()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: runaway
            steps:
              - id: spin
                max-iterations: 4
                set: { n: "${{ (vars.n ?? 0) + 1 }}" }
              - id: again
                switch:
                  cases:
                    - when: true
                      goto: spin
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("max-iterations");
        result.Error.Message.Should().Be("Step 'spin#5' failed: Step 'spin' may run at most 4 times in one pass of its sequence (max-iterations: 4), and the flow came back to it again. Raise max-iterations on the step if the loop is meant to run longer.");
        (await h.Store.GetRunAsync(result.RunId, CancellationToken.None))!.Vars["n"]!.GetValue<double>().Should().Be(4, "the step ran exactly max-iterations times");
        var breach = await h.StepAsync(result.RunId, "spin#5");
        breach.Status.Should().Be(StepStatus.Failed);
        breach.Error!.Code.Should().Be("max-iterations");
    }

    [Fact]
    public async Task RunAsync_MaxIterationsBreachInsideAGroup_IsCaughtByTheGroupsOnErrorNotTheStepsOwn()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: caught
            steps:
              - id: loop
                on-error: continue
                steps:
                  - id: spin
                    max-iterations: 2
                    on-error: { goto: never }
                    set: { n: "${{ (vars.n ?? 0) + 1 }}" }
                  - id: again
                    switch:
                      cases:
                        - when: true
                          goto: spin
                  - id: never
                    set: { reached: true }
              - id: after
                set: { done: true }
            outputs: { loop: "${{ steps.loop.status }}", code: "${{ steps.loop.error.code }}", done: "${{ vars.done }}", reached: "${{ vars.reached }}" }
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["loop"]!.GetValue<string>().Should().Be("failed");
        result.Output!["code"]!.GetValue<string>().Should().Be("max-iterations");
        result.Output!["done"]!.GetValue<bool>().Should().BeTrue();
        result.Output!["reached"].Should().BeNull("the looping step's own on-error does not apply to a breach");
    }

    [Fact]
    public async Task RunAsync_SwitchUnnamedCase_OutputsItsIndexFromZeroAsANumber()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: index
            steps:
              - id: s
                switch:
                  cases:
                    - when: false
                      steps: [{ id: a, set: { x: a } }]
                    - when: true
                      steps: [{ id: b, set: { x: b } }]
              - id: check
                set: { second: "${{ steps.s.output.case == 1 }}" }
            outputs: { case: "${{ steps.s.output.case }}", second: "${{ vars.second }}" }
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["case"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number);
        result.Output!["case"]!.GetValue<int>().Should().Be(1);
        result.Output!["second"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_SwitchCaseConditionFails_NamesTheCaseByItsIndexInCases()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: broken-case
            steps:
              - id: s
                switch:
                  cases:
                    - when: false
                      goto: end
                    - when: inputs.x < 1
                      goto: end
              - id: end
                set: { x: 1 }
            """, new JsonObject { ["x"] = "a" });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Contain("'cases[1].when'");
    }

    [Fact]
    public async Task RunAsync_FailStep_FailsTheRunWithItsCodeAndMessage()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: failing
            steps:
              - id: check
                fail: { message: "No data for ${{ 'acme' }}", code: data.missing }
              - id: never
                probe: {}
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("data.missing");
        result.Error.Message.Should().Be("Step 'check' failed: No data for acme");
        h.Probe.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_ExpressionErrorAtRunTime_FailsTheStepWithExpressionCode()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: badexpr
            steps:
              - id: compare
                set: { x: "${{ 'a' < 1 }}" }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("expression");
        result.Error.Message.Should().Contain("Cannot compare");
    }

    [Fact]
    public async Task RunAsync_Timeline_RecordsStartAndEndOfEveryStepInOrder()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: timeline
            steps:
              - id: a
                probe: {}
              - id: b
                set: { done: true }
            """);

        var details = await h.DetailsAsync(result.RunId);
        details.Timeline.Select(e => (e.Type, e.Path)).Should().Equal(
            (TimelineEventTypes.RunStarted, null),
            (TimelineEventTypes.StepStarted, "a"),
            (TimelineEventTypes.StepCompleted, "a"),
            (TimelineEventTypes.StepStarted, "b"),
            (TimelineEventTypes.StepCompleted, "b"),
            (TimelineEventTypes.RunCompleted, null));
        details.Timeline.Select(e => e.Seq).Should().BeInAscendingOrder();
        details.Steps.Should().OnlyContain(s => s.StartedAt != null && s.EndedAt != null && s.EndedAt >= s.StartedAt);
    }
}
