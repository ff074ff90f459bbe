using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>Every bad argument, on every command, is a usage error: exit 2 and one line that names it, never a stack trace.</summary>
public sealed class CliArgumentTests
{
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["signal", "RUN", ""], "EVENT argument is empty" },
        { ["signal", "RUN", "bad event name!"], "'bad event name!' is not a valid event name" },
        { ["signal", "RUN", "-starts-with-dash"], "'-starts-with-dash' is not an option" },
        { ["signal", "", "go"], "RUN argument is empty" },
        { ["worker", "--until-idle", "--concurrency", "0"], "--concurrency is 0; it must be between 1 and 10,000" },
        { ["worker", "--concurrency", "-3"], "--concurrency is -3" },
        { ["worker", "--concurrency", "many"], "many" },
        { ["runs", "--limit", "0"], "--limit is 0" },
        { ["runs", "--limit", "10001"], "--limit is 10001" },
        { ["runs", "--status", "done"], "--status 'done' is not a status" },
        { ["runs", "--workflow", ""], "--workflow needs a value" },
        { ["show", ""], "RUN argument is empty" },
        { ["show", " "], "RUN argument is empty" },
        { ["approve", "RUN", ""], "STEP argument is empty" },
        { ["approve", "RUN", "review", "--by", ""], "--by needs a value" },
        { ["reject", "RUN", "review", "--comment", ""], "--comment needs a value" },
        { ["cancel", "RUN", "--timeout", "-1"], "--timeout is -1" },
        { ["cancel", "RUN", "--timeout", "5s"], "5s" },
        { ["cancel", "RUN", "--reason", ""], "--reason needs a value" },
        { ["run", ""], "FILE argument is empty" },
        { ["run", "flow.yaml", "--input-file", ""], "--input-file needs a value" },
        { ["run", "flow.yaml", "--secrets-file", ""], "--secrets-file needs a value" },
        { ["runs", "--store", ""], "--store needs a value" },
        { ["validate", ""], "FILES arguments is empty" },
        { ["bench", "--waiting", "0"], "--waiting is 0" },
        { ["bench", "--idle", "0"], "--idle is 0" },
        { ["bench", "--latency", "0"], "--latency is 0" },
        { ["bench", "--workflows", "-5"], "--workflows is -5" },
        { ["bench", "--dir", ""], "--dir needs a value" },
        { ["validate", "--bogus", "flow.yaml"], "'--bogus' is not an option of 'baton validate'" },
        { ["run", "--bogus", "flow.yaml"], "'--bogus' is not an option of 'baton run'" },
        { ["runs", "--bogus"], "'--bogus' is not an option of 'baton runs'" },
        { ["show", "RUN", "--verbose"], "'--verbose' is not an option of 'baton show'" },
        { ["validate", "--store", "s.db", "flow.yaml"], "'--store' is not an option of 'baton validate'" },
        { ["schema", "--store", "s.db"], "'--store' is not an option of 'baton schema'" },
        { ["bench", "--store", "s.db"], "'--store' is not an option of 'baton bench'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Command_BadArgument_Exits2WithOneLineNamingIt(string[] args, string expected)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(expected, result.ToString());
        result.Stderr.TrimEnd().Split('\n').Should().ContainSingle("one clear line: {0}", result.Stderr);
        result.Stderr.Should().NotContain("Exception").And.NotContain("   at ");
        File.Exists(cli.StorePath).Should().BeFalse("a usage error touches no store");
    }

    [Theory]
    [InlineData("run", "--bogus", "flow.yaml")]
    [InlineData("run", "flow.yaml", "--bogus")]
    [InlineData("validate", "--bogus", "flow.yaml")]
    [InlineData("runs", "--bogus")]
    [InlineData("show", "--bogus", "RUN")]
    [InlineData("worker", "--bogus")]
    [InlineData("bench", "--bogus")]
    [InlineData("schema", "--bogus")]
    public async Task Command_UnknownOption_NamesTheOptionInTheSameWordsForEveryCommand(params string[] args)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.TrimEnd().Should().Be($"error: '--bogus' is not an option of 'baton {args[0]}'. Run 'baton {args[0]} --help' for usage.");
    }

    [Fact]
    public async Task Run_UnknownOptionBeforeTheFile_BlamesTheOptionNotTheFile()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("run", "--bogus", "flow.yaml");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().NotContain("flow.yaml").And.NotContain("Unrecognized");
    }

    [Fact]
    public async Task Validate_FileNameAfterDoubleDash_IsAFileEvenWhenItStartsWithADash()
    {
        using var cli = new CliRunner();
        cli.Write("-odd.yaml", "name: odd\nsteps:\n  - id: a\n    set: { x: 1 }\n");

        var result = await cli.RunAsync("validate", "--", "-odd.yaml");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("valid -odd.yaml");
    }

    [Fact]
    public async Task Cancel_ReasonThatStartsWithADash_IsAValueNotAnOption()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", "name: waits\nsteps:\n  - id: w\n    wait: { event: go }\n"), "--json")).Json["runId"]!.GetValue<string>();

        var result = await cli.RunAsync("cancel", runId, "--reason", "-late, by an hour");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("-late, by an hour");
    }

    [Theory]
    [InlineData("run", "flow.yaml", "--bogus", "--json")]
    [InlineData("runs", "--limit", "0", "--json")]
    [InlineData("signal", "RUN", "bad name!", "--json")]
    [InlineData("validate", "--json", "--bogus", "flow.yaml")]
    public async Task Json_UsageError_PrintsOneErrorObjectOnStdoutAndExits2(params string[] args)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        var error = result.Json["error"]!;
        error["code"]!.GetValue<string>().Should().Be("usage");
        error["message"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        error["details"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task RunJson_InvalidInputs_PrintsTheErrorWithEachFieldAsADetail()
    {
        using var cli = new CliRunner();
        var file = cli.Write("flow.yaml", """
            name: typed
            inputs:
              type: object
              required: [name]
              properties: { name: { type: string } }
            steps:
              - id: a
                set: { x: 1 }
            """);

        var result = await cli.RunAsync("run", file, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        var error = result.Json["error"]!;
        error["code"]!.GetValue<string>().Should().Be("input.invalid");
        error["details"]!.AsArray().Select(d => d!["path"]!.GetValue<string>()).Should().Equal("inputs.name");
    }

    [Fact]
    public async Task RunJson_InvalidWorkflow_PrintsEachDiagnosticWithItsLocation()
    {
        using var cli = new CliRunner();
        var file = cli.Write("flow.yaml", "name: broken\nsteps:\n  - id: a\n    bogus: 1\n");

        var result = await cli.RunAsync("run", file, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        var error = result.Json["error"]!;
        error["code"]!.GetValue<string>().Should().Be("definition.invalid");
        var detail = error["details"]!.AsArray().First()!;
        detail["code"]!.GetValue<string>().Should().StartWith("BATON");
        detail["file"]!.GetValue<string>().Should().Be(file);
        detail["line"]!.GetValue<int>().Should().BeGreaterThan(0);
    }
}
