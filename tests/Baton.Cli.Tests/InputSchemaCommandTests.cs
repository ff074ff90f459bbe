using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>Inputs of any size, and strings reached through <c>$ref</c>, through the real <c>baton</c> commands.</summary>
public sealed class InputSchemaCommandTests
{
    private const string Counter = """
        name: counter
        inputs:
          type: object
          additionalProperties: false
          $defs:
            code: { type: string }
          properties:
            n: { type: integer }
            small: { type: integer, maximum: 10 }
            ref: { $ref: "#/$defs/code" }
        steps:
          - id: echo
            set: { n: "${{ inputs.n }}", ref: "${{ inputs.ref }}" }
        outputs: { n: "${{ vars.n }}", ref: "${{ vars.ref }}" }
        """;

    [Fact]
    public async Task Run_IntegerBeyondInt64_IsAnInteger()
    {
        using var cli = new CliRunner();
        var file = cli.Write("counter.yaml", Counter);

        var result = await cli.RunAsync("run", file, "-i", "n=99999999999999999999", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["output"]!["n"]!.ToJsonString().Should().Be("99999999999999999999");
    }

    [Fact]
    public async Task Run_HugeNumbersThatBreakTheSchema_ExitWithTheInputErrors()
    {
        using var cli = new CliRunner();
        var file = cli.Write("counter.yaml", Counter);

        var result = await cli.RunAsync("run", file, "-i", "small=99999999999999999999", "-i", "other=1e400");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("inputs.small: must be at most 10").And.Contain("inputs.other: is not an input this workflow accepts");
        result.Stderr.Should().NotContain("Exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task Run_StringPropertyThroughRef_KeepsTheValueAsText()
    {
        using var cli = new CliRunner();
        var file = cli.Write("counter.yaml", Counter);

        var result = await cli.RunAsync("run", file, "-i", "ref=42", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["output"]!["ref"]!.GetValue<string>().Should().Be("42");
    }

    [Fact]
    public async Task Validate_LimitBeyondDecimal_IsValid()
    {
        using var cli = new CliRunner();
        var file = cli.Write("limits.yaml", """
            name: limits
            inputs:
              type: object
              properties:
                n: { type: number, maximum: 123456789012345678901234567890, minimum: -1e400, multipleOf: 1e-400 }
            steps:
              - id: s
                set: { x: 1 }
            """);

        var result = await cli.RunAsync("validate", file);

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Signal_HugeNumberReachingChildInputs_FailsTheRunInsteadOfStallingIt()
    {
        using var cli = new CliRunner();
        cli.Write("child.yaml", """
            name: child
            inputs:
              type: object
              properties: { n: { type: integer, maximum: 10 } }
            steps:
              - id: s
                set: { x: "${{ inputs.n }}" }
            """);
        var parent = cli.Write("parent.yaml", """
            name: parent
            steps:
              - id: ask
                wait: { event: go }
              - id: call
                workflow: { path: ./child.yaml, inputs: { n: "${{ steps.ask.output.data.n }}" } }
            """);
        var runId = (await cli.RunAsync("run", parent, "--json")).Json["runId"]!.GetValue<string>();

        var signalled = await cli.RunAsync("signal", runId, "go", "--data", """{"n": 99999999999999999999999999999999999999}""", "--json");

        signalled.ExitCode.Should().Be(1, signalled.ToString());
        signalled.Json["status"]!.GetValue<string>().Should().Be("failed");
        signalled.Step("call")["error"]!["message"]!.GetValue<string>().Should().Contain("inputs.n: must be at most 10");
        signalled.Stderr.Should().NotContain("   at ");
        var worker = await cli.RunAsync("worker", "--until-idle");
        worker.ExitCode.Should().Be(0, worker.ToString());
        (worker.Stdout + worker.Stderr).Should().NotContain("stalled");
    }
}
