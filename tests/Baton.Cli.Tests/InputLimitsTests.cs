using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>What <c>--input-file</c>, <c>--input</c> and <c>--data</c> accept: a JSON file, at most 4 MiB, nested at most 64 deep.</summary>
public sealed class InputLimitsTests
{
    private const string Flow = "name: flow\nsteps:\n  - id: a\n    set: { x: 1 }\n";

    [Fact]
    public async Task InputFile_Directory_SaysItIsADirectory()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("run", cli.Write("flow.yaml", Flow), "--input-file", cli.Directory);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain($"--input-file '{cli.Directory}' is a directory").And.NotContain("denied");
    }

    [Fact]
    public async Task InputFile_NestedDeeperThan64_SaysItIsNestedTooDeeplyAndTheLimit()
    {
        using var cli = new CliRunner();
        var deep = cli.Write("deep.json", "{\"a\":" + string.Concat(Enumerable.Repeat("[", 70)) + "1" + string.Concat(Enumerable.Repeat("]", 70)) + "}");

        var result = await cli.RunAsync("run", cli.Write("flow.yaml", Flow), "--input-file", deep);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("is nested 71 levels deep").And.Contain("at most 64").And.NotContain("not valid JSON");
    }

    [Theory]
    [InlineData("{\"a\": 1,\n \"a\": 2}", "(line 2, position 2): The key 'a' appears twice in one object.")]
    [InlineData("{\"a\": \"\\ud800\"}", "(line 1, position 7): A string escapes half a surrogate pair")]
    [InlineData("{\"\\udc00\": 1}", "(line 1, position 2): A string escapes half a surrogate pair")]
    public async Task InputFile_JsonThatOnlyFailsOnRead_IsNotValidJsonWithWhereAndWhy(string json, string expected)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("run", cli.Write("flow.yaml", Flow), "--input-file", cli.Write("in.json", json));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("--input-file '").And.Contain("' is not valid JSON " + expected);
        File.Exists(cli.StorePath).Should().BeFalse();
    }

    [Fact]
    public async Task InputFile_NotUtf8_SaysSo()
    {
        using var cli = new CliRunner();
        var path = Path.Combine(cli.Directory, "in.json");
        File.WriteAllBytes(path, [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}']);

        var result = await cli.RunAsync("run", cli.Write("flow.yaml", Flow), "--input-file", path);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain($"--input-file '{path}' is not UTF-8 text.");
    }

    [Fact]
    public async Task Data_HalfSurrogateEscape_IsAUsageError()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", "name: waits\nsteps:\n  - id: w\n    wait: { event: go }\n"), "--json")).Json["runId"]!.GetValue<string>();

        var result = await cli.RunAsync("signal", runId, "go", "--data", "{\"a\": \"\\ud800\"}");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("--data is not valid JSON (line 1, position 7): A string escapes half a surrogate pair");
    }

    [Fact]
    public async Task InputFile_LargerThan4MiB_IsRefusedBeforeAnythingIsStored()
    {
        using var cli = new CliRunner();
        var big = cli.Write("big.json", "{\"blob\":\"" + new string('x', (4 * 1024 * 1024) + 16) + "\"}");

        var result = await cli.RunAsync("run", cli.Write("flow.yaml", Flow), "--input-file", big, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Json["error"]!["message"]!.GetValue<string>().Should().Contain("4 MiB");
        File.Exists(cli.StorePath).Should().BeFalse();
    }

    [Fact]
    public async Task Data_NestedTooDeeply_IsAUsageError()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("waits.yaml", "name: waits\nsteps:\n  - id: w\n    wait: { event: go }\n"), "--json")).Json["runId"]!.GetValue<string>();

        var result = await cli.RunAsync("signal", runId, "go", "--data", string.Concat(Enumerable.Repeat("[", 65)) + string.Concat(Enumerable.Repeat("]", 65)));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("--data is nested 65 levels deep");
    }
}
