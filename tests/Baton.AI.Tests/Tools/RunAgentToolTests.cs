using System.Text.Json.Nodes;

namespace Baton.AI.Tests.Tools;

/// <summary>run tools with real scripts.</summary>
public sealed class RunAgentToolTests : IDisposable
{
    private readonly ToolTestContext _context = new();
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task InvokeAsync_Arguments_OnStdinAndInEnvironmentAsJson()
    {
        _dir.WriteScript("tools/crm-lookup.sh", """
            stdin=$(cat)
            printf '{"stdin": %s, "env": %s, "key": "%s", "path": "%s", "region": "%s"}' "$stdin" "$BATON_TOOL_ARGUMENTS" "$BATON_IDEMPOTENCY_KEY" "$BATON_STEP_PATH" "$REGION"
            """);
        await using var toolbox = await Toolboxes.CreateAsync(
            """[{ "name": "crm_lookup", "description": "Find a customer.", "run": { "command": "./tools/crm-lookup.sh", "env": { "REGION": "eu", "BATON_TOOL_ARGUMENTS": "forged" } } }]""",
            Toolboxes.Environment(_dir.Path));

        var result = await toolbox.Get("crm_lookup").CallAsync("""{ "email": "ana@example.com", "vip": true }""", _context, 2);

        result.IsError.Should().BeFalse(result.Message);
        result.Content!["exitCode"]!.GetValue<int>().Should().Be(0);
        var json = result.Content["json"]!;
        var arguments = JsonNode.Parse("""{ "email": "ana@example.com", "vip": true }""");
        JsonNode.DeepEquals(json["stdin"], arguments).Should().BeTrue(json.ToJsonString());
        JsonNode.DeepEquals(json["env"], arguments).Should().BeTrue(json.ToJsonString());
        json["key"]!.GetValue<string>().Should().Be($"{_context.RunId}:draft/tool-2-crm_lookup");
        json["path"]!.GetValue<string>().Should().Be("draft/tool-2-crm_lookup");
        json["region"]!.GetValue<string>().Should().Be("eu");
        result.Content["stdout"]!.GetValue<string>().Should().StartWith("{\"stdin\": ");
        result.Content["stderr"]!.GetValue<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task InvokeAsync_NonZeroExit_IsErrorWithTheRunStepCode()
    {
        _dir.WriteScript("fail.sh", "echo 'customer service unavailable' >&2\nexit 3");
        await using var toolbox = await Toolboxes.CreateAsync(
            """[{ "name": "crm_lookup", "description": "Find a customer.", "run": { "command": "./fail.sh" } }]""",
            Toolboxes.Environment(_dir.Path));

        var result = await toolbox.Get("crm_lookup").CallAsync("{}", _context);

        result.IsError.Should().BeTrue();
        result.ErrorCode.Should().Be("run.exit-code");
        result.Message.Should().Contain("exited with code 3: customer service unavailable");
        result.Content!["exitCode"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task InvokeAsync_DefaultParameters_AnyObjectAccepted()
    {
        _dir.WriteScript("echo.sh", "cat");
        await using var toolbox = await Toolboxes.CreateAsync(
            """[{ "name": "echo", "description": "Echo.", "run": { "command": "./echo.sh" } }]""",
            Toolboxes.Environment(_dir.Path));

        var tool = toolbox.Get("echo");
        var result = await tool.CallAsync("""{ "anything": [1, 2] }""", _context);

        JsonNode.Parse(tool.ParametersSchema.GetRawText())!.ToJsonString().Should().Be("""{"type":"object"}""");
        result.Content!["json"]!["anything"]!.AsArray().Count.Should().Be(2);
    }
}
