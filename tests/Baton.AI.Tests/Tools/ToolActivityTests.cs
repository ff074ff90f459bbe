using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.AI.Tests.Tools;

/// <summary>The <c>execute_tool</c> spans on the <c>Baton.AI</c> source, and cancellation.</summary>
public sealed class ToolActivityTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly FakeWorkflowHost _host = new();
    private readonly ToolTestContext _context = new();
    private readonly string _toolName = $"probe_{Guid.NewGuid():N}"[..20];

    public ToolActivityTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Baton.AI",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        _host.InputSchemas["./probe.yaml"] = """{ "type": "object", "properties": { "n": { "type": "integer" } } }""";
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task InvokeAsync_Success_ExecuteToolSpanWithGenAiTags()
    {
        await using var toolbox = await CreateAsync();

        await toolbox.Get(_toolName).CallAsync("""{ "n": 1 }""", _context, 5);

        var span = Spans().Should().ContainSingle().Subject;
        span.DisplayName.Should().Be($"execute_tool {_toolName}");
        span.GetTagItem("gen_ai.operation.name").Should().Be("execute_tool");
        span.GetTagItem("gen_ai.tool.name").Should().Be(_toolName);
        span.GetTagItem("gen_ai.tool.call.id").Should().Be($"call_5_{_toolName}");
        span.GetTagItem("error.type").Should().BeNull();
        span.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task InvokeAsync_ToolFails_SpanHasErrorType()
    {
        _host.Handler = (_, _) => throw new StepFailedException(ErrorCodes.ChildFailed, "The child failed.");
        await using var toolbox = await CreateAsync();

        await toolbox.Get(_toolName).CallAsync("{}", _context);

        var span = Spans().Should().ContainSingle().Subject;
        span.GetTagItem("error.type").Should().Be("workflow.failed");
        span.Status.Should().Be(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task InvokeAsync_InvalidArguments_SpanHasErrorType()
    {
        await using var toolbox = await CreateAsync();

        await toolbox.Get(_toolName).CallAsync("""{ "n": "one" }""", _context);

        Spans().Should().ContainSingle().Which.GetTagItem("error.type").Should().Be("tool.invalid-arguments");
    }

    [Fact]
    public async Task InvokeAsync_Cancelled_ThrowsAndSpanRecordsIt()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Handler = async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return null;
        };
        await using var toolbox = await CreateAsync();
        using var cancellation = new CancellationTokenSource();

        var call = toolbox.Get(_toolName).InvokeAsync([], _context.Call(_toolName), cancellation.Token);
        await started.Task.Within("waiting for the child run to start");
        await cancellation.CancelAsync();

        await call.Awaiting(c => c).Should().ThrowAsync<OperationCanceledException>();
        Spans().Should().ContainSingle().Which.GetTagItem("error.type").Should().Be("cancelled", "error.type is the code a user sees, not an exception type");
    }

    private Task<Baton.AI.Tools.AgentToolbox> CreateAsync()
        => Toolboxes.CreateAsync(
            new JsonArray(new JsonObject { ["name"] = _toolName, ["description"] = "Probe.", ["workflow"] = new JsonObject { ["path"] = "./probe.yaml" } }),
            Toolboxes.Environment(workflows: _host));

    private List<Activity> Spans() => [.. _stopped.Where(a => (string?)a.GetTagItem("gen_ai.tool.name") == _toolName)];
}
