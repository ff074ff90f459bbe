using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.AI.Tests.Tools;

public sealed class WorkflowAgentToolTests
{
    private const string RefundSchema = """
        { "type": "object", "required": ["order", "amount"],
          "properties": { "order": { "type": "string" }, "amount": { "type": "number", "maximum": 50 } } }
        """;

    private const string RefundTool = """[{ "name": "refund", "description": "Refund an order (up to 50 EUR).", "workflow": { "path": "./refund.yaml" } }]""";

    private readonly ToolTestContext _context = new();
    private readonly FakeWorkflowHost _host = new();

    public WorkflowAgentToolTests() => _host.InputSchemas["./refund.yaml"] = RefundSchema;

    [Fact]
    public async Task CreateAsync_NoParameters_ChildInputsSchemaIsTheParameters()
    {
        await using var toolbox = await Toolboxes.CreateAsync(RefundTool, Toolboxes.Environment(workflows: _host));

        var tool = toolbox.Get("refund");

        JsonNode.DeepEquals(JsonNode.Parse(tool.ParametersSchema.GetRawText()), JsonNode.Parse(RefundSchema)).Should().BeTrue();
        tool.Description.Should().Be("Refund an order (up to 50 EUR).");
    }

    [Fact]
    public async Task CreateAsync_Parameters_OverrideTheChildSchema()
    {
        var tools = """[{ "name": "refund", "description": "Refund.", "parameters": { "type": "object", "properties": { "order": { "type": "string" } } }, "workflow": { "path": "./refund.yaml" } }]""";
        await using var toolbox = await Toolboxes.CreateAsync(tools, Toolboxes.Environment(workflows: _host));

        var schema = JsonNode.Parse(toolbox.Get("refund").ParametersSchema.GetRawText())!;

        schema["properties"]!.AsObject().Select(p => p.Key).Should().Equal("order");
        schema["required"].Should().BeNull();
    }

    [Fact]
    public async Task CreateAsync_ChildWithoutInputsSchema_AcceptsAnyObject()
    {
        _host.InputSchemas["./refund.yaml"] = null;
        await using var toolbox = await Toolboxes.CreateAsync(RefundTool, Toolboxes.Environment(workflows: _host));

        var result = await toolbox.Get("refund").CallAsync("""{ "whatever": 1 }""", _context);

        toolbox.Get("refund").ParametersSchema.GetRawText().Should().Be("""{"type":"object"}""");
        result.IsError.Should().BeFalse(result.Message);
    }

    [Fact]
    public async Task InvokeAsync_Arguments_ChildInputsAndOutputsAreTheResult()
    {
        _host.Handler = (inputs, _) => Task.FromResult<JsonNode?>(new JsonObject { ["refundId"] = "r-7", ["amount"] = inputs["amount"]!.DeepClone() });
        await using var toolbox = await Toolboxes.CreateAsync(RefundTool, Toolboxes.Environment(workflows: _host));

        var result = await toolbox.Get("refund").CallAsync("""{ "order": "o-1", "amount": 20 }""", _context, 4);

        result.IsError.Should().BeFalse(result.Message);
        JsonNode.DeepEquals(result.Content, JsonNode.Parse("""{ "refundId": "r-7", "amount": 20 }""")).Should().BeTrue();
        var run = _host.Runs.Should().ContainSingle().Subject;
        run.Path.Should().Be("./refund.yaml");
        JsonNode.DeepEquals(run.Inputs, JsonNode.Parse("""{ "order": "o-1", "amount": 20 }""")).Should().BeTrue();
        run.Invocation.Path.Should().Be("draft/tool-4-refund");
        run.Invocation.IdempotencyKey.Should().Be($"{_context.RunId}:draft/tool-4-refund");
    }

    [Fact]
    public async Task InvokeAsync_ArgumentsBreakChildSchema_InvalidArgumentsAndNoChildRun()
    {
        await using var toolbox = await Toolboxes.CreateAsync(RefundTool, Toolboxes.Environment(workflows: _host));

        var result = await toolbox.Get("refund").CallAsync("""{ "order": "o-1", "amount": 80 }""", _context);

        result.ErrorCode.Should().Be("tool.invalid-arguments");
        result.Message.Should().Be("The arguments do not match the parameters of 'refund': amount must be at most 50.");
        _host.Runs.Should().BeEmpty();
    }

    [Fact]
    public async Task InvokeAsync_ChildFails_IsErrorWithTheChildCode()
    {
        _host.Handler = (_, _) => throw new StepFailedException(ErrorCodes.ChildFailed, "The child run 'refund' failed: payment gateway refused.", retryable: false);
        await using var toolbox = await Toolboxes.CreateAsync(RefundTool, Toolboxes.Environment(workflows: _host));

        var result = await toolbox.Get("refund").CallAsync("""{ "order": "o-1", "amount": 20 }""", _context);

        result.IsError.Should().BeTrue();
        result.ErrorCode.Should().Be("workflow.failed");
        result.Message.Should().Be("The child run 'refund' failed: payment gateway refused.");
    }

    [Fact]
    public async Task InvokeAsync_HostThrowsUnexpectedly_IsErrorWithoutInternals()
    {
        _host.Handler = (_, _) => throw new InvalidOperationException("connection string Server=db;Password=hunter2");
        await using var toolbox = await Toolboxes.CreateAsync(RefundTool, Toolboxes.Environment(workflows: _host));

        var result = await toolbox.Get("refund").CallAsync("""{ "order": "o-1", "amount": 20 }""", _context);

        result.IsError.Should().BeTrue();
        result.ErrorCode.Should().Be("tool.failed");
        result.Message.Should().Be("The tool 'refund' failed unexpectedly (InvalidOperationException).");
    }
}
