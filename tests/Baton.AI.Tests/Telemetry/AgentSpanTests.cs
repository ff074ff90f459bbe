using Baton.AI.Telemetry;
using Baton.AI.Tests.Steps;
using Baton.Storage;

namespace Baton.AI.Tests.Telemetry;

/// <summary>The spans of a real agent step run by the engine.</summary>
public sealed class AgentSpanTests
{
    [Fact]
    public async Task AgentStep_InvokeAgentSpan_HasItsChatAndExecuteToolSpansAsChildren()
    {
        using var recorder = new SpanRecorder();
        await using var h = await AIHarness.CreateAsync();
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: lookup }, { name: missing }]
              - text: done
            """);

        var result = await h.RunAsync("""
            name: traced
            models:
              worker: { model: scripted/agent, script: ./agent.yaml }
            steps:
              - id: draft
                agent:
                  model: worker
                  goal: Look it up.
                  tools:
                    - name: lookup
                      description: Looks it up.
                      run: { command: echo, args: ['{"found":true}'] }
            """);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        var agent = recorder.Single("invoke_agent draft");
        agent.Source.Should().BeSameAs(AITelemetry.Source);
        agent.GetTagItem("gen_ai.agent.name").Should().Be("draft");
        var children = recorder.Spans.Where(s => s.ParentSpanId == agent.SpanId).ToList();
        children.Select(s => s.DisplayName).Should().Equal("chat agent", "execute_tool lookup", "chat agent");
        children.Should().OnlyContain(s => s.Source == AITelemetry.Source, "every AI span comes from the one Baton.AI source");
        children.Single(s => s.DisplayName == "execute_tool lookup").GetTagItem("gen_ai.tool.call.id").Should().Be("call_1_1");
    }

    [Fact]
    public async Task AgentStep_ToolFails_ItsSpanCarriesTheToolCallsErrorCode()
    {
        using var recorder = new SpanRecorder();
        await using var h = await AIHarness.CreateAsync();
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: broken }]
              - text: done
            """);

        var result = await h.RunAsync("""
            name: traced
            models:
              worker: { model: scripted/agent, script: ./agent.yaml }
            steps:
              - id: draft
                agent:
                  model: worker
                  goal: Try.
                  tools:
                    - name: broken
                      description: Always fails.
                      run: { command: sh, args: [-c, "exit 3"] }
            """);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        var span = recorder.Single("execute_tool broken");
        span.GetTagItem("error.type").Should().Be("run.exit-code", "error.type is the code the tool call records");
    }
}
