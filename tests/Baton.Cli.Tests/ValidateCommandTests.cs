using System.Text.RegularExpressions;
using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

public sealed partial class ValidateCommandTests
{
    [Fact]
    public async Task Validate_FileWithSeveralErrors_ReportsEveryOneAsFileLineColAndExits2()
    {
        using var cli = new CliRunner();
        var file = cli.Write("bad.yaml", """
            name: bad
            steps:
              - id: first
                http: { url: "${{ inputs.x +  }}" }
              - id: first
                set: { a: 1 }
                retyr: { attempts: 2 }
              - id: jump
                switch:
                  cases:
                    - when: true
                      goto: nowhere
            """);

        var result = await cli.RunAsync("validate", file);

        result.ExitCode.Should().Be(2, result.ToString());
        var errors = result.Stdout.Split('\n').Where(l => l.Contains(": error BATON", StringComparison.Ordinal)).ToList();
        errors.Should().HaveCountGreaterThanOrEqualTo(4, result.ToString());
        errors.Should().OnlyContain(l => DiagnosticLine().IsMatch(l), result.ToString());
        errors.Should().Contain(l => l.StartsWith($"{file}:5:", StringComparison.Ordinal), "the duplicate id is on line 5");
        errors.Should().Contain(l => l.StartsWith($"{file}:7:", StringComparison.Ordinal) && l.Contains("retyr", StringComparison.Ordinal));
        errors.Should().Contain(l => l.Contains("nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ValidFile_Exits0AndSaysSo()
    {
        using var cli = new CliRunner();
        var file = cli.Write("good.yaml", """
            name: good
            steps:
              - id: only
                set: { a: 1 }
            """);

        var result = await cli.RunAsync("validate", file);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain($"valid {file}: workflow 'good'");
    }

    [Fact]
    public async Task Validate_Json_PrintsDiagnosticsWithPositions()
    {
        using var cli = new CliRunner();
        var file = cli.Write("bad.yaml", "name: bad\nsteps: []\nextra: 1\n");

        var result = await cli.RunAsync("validate", file, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        var report = result.Json.AsArray().Single()!;
        report["valid"]!.GetValue<bool>().Should().BeFalse();
        var diagnostics = report["diagnostics"]!.AsArray();
        diagnostics.Should().NotBeEmpty();
        diagnostics.Should().OnlyContain(d => d!["line"]!.GetValue<int>() >= 1 && d["code"]!.GetValue<string>().StartsWith("BATON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ProjectConfig_IsCheckedAsOneAndReportsEveryErrorWithItsPosition()
    {
        using var cli = new CliRunner();
        var config = cli.Write("baton.yaml", """
            models:
              analyst: { model: opneai/gpt-4o-mini }
            prices: 3
            """);

        var result = await cli.RunAsync("validate", config, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        var report = result.Json.AsArray().Single()!;
        report["kind"]!.GetValue<string>().Should().Be("project");
        report["valid"]!.GetValue<bool>().Should().BeFalse();
        report["diagnostics"]!.AsArray().Select(d => (d!["code"]!.GetValue<string>(), d["line"]!.GetValue<int>()))
            .Should().Equal(("BATON084", 2), ("BATON012", 3));
    }

    [Fact]
    public async Task Validate_MissingFile_Exits2WithAClearMessage()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("validate", Path.Combine(cli.Directory, "nope.yaml"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().Contain("nope.yaml:1:1: error BATON");
    }

    [Fact]
    public async Task Schema_PrintsAJsonSchemaOfTheLanguage()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("schema");

        result.ExitCode.Should().Be(0, result.ToString());
        var schema = result.Json.AsObject();
        schema["$schema"]!.GetValue<string>().Should().Contain("json-schema.org");
        schema.ToJsonString().Should().Contain("\"steps\"").And.Contain("\"on-error\"");
    }

    [Fact]
    public async Task UnknownOption_Exits2()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("runs", "--colour");
        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("--colour");
    }

    [GeneratedRegex(@"^.+:\d+:\d+: error BATON\d{3}: .+$")]
    private static partial Regex DiagnosticLine();
}
