using System.Diagnostics;
using Baton.AI.Models;
using Baton.AI.Telemetry;

namespace Baton.AI.Tests.Telemetry;

public sealed class AITelemetryTests
{
    [Fact]
    public void StartTool_RecordsAnExecuteToolSpan()
    {
        using var recorder = new SpanRecorder();

        AITelemetry.StartTool("kb_search", "call_2_1")!.Dispose();

        var span = recorder.Single("execute_tool kb_search");
        span.Kind.Should().Be(ActivityKind.Internal);
        span.GetTagItem("gen_ai.operation.name").Should().Be("execute_tool");
        span.GetTagItem("gen_ai.tool.name").Should().Be("kb_search");
        span.GetTagItem("gen_ai.tool.call.id").Should().Be("call_2_1");
        span.GetTagItem("gen_ai.tool.type").Should().Be("function");
    }

    [Fact]
    public void StartTool_NoCallId_LeavesTheIdOut()
    {
        using var recorder = new SpanRecorder();

        AITelemetry.StartTool("ping", null)!.Dispose();

        recorder.Single("execute_tool ping").Tags.Select(t => t.Key).Should().NotContain("gen_ai.tool.call.id");
    }

    [Fact]
    public void StartAgent_RecordsAnInvokeAgentSpanWithTheModel()
    {
        using var recorder = new SpanRecorder();

        AITelemetry.StartAgent("draft", new ModelSettings { Model = new ModelReference("anthropic", "claude-sonnet-4-5") })!.Dispose();

        var span = recorder.Single("invoke_agent draft");
        span.GetTagItem("gen_ai.operation.name").Should().Be("invoke_agent");
        span.GetTagItem("gen_ai.agent.name").Should().Be("draft");
        span.GetTagItem("gen_ai.provider.name").Should().Be("anthropic");
        span.GetTagItem("gen_ai.request.model").Should().Be("claude-sonnet-4-5");
    }

    [Fact]
    public void StartAgent_NoModel_RecordsOnlyTheAgent()
    {
        using var recorder = new SpanRecorder();

        AITelemetry.StartAgent("draft", null)!.Dispose();

        recorder.Single("invoke_agent draft").Tags.Select(t => t.Key).Should().BeEquivalentTo("gen_ai.operation.name", "gen_ai.agent.name");
    }
}
