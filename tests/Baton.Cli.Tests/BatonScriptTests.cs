using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>
/// The root <c>baton</c> script rebuilds the CLI only when a source changed. It runs here against a copy of the
/// repository's layout, with a stand-in <c>dotnet</c> on PATH that records how it was called.
/// </summary>
public sealed class BatonScriptTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _root;
    private readonly string _calls;
    private readonly string _invokedAs;

    public BatonScriptTests()
    {
        _root = Path.Combine(_cli.Directory, "repo");
        _calls = Path.Combine(_cli.Directory, "dotnet-calls.txt");
        _invokedAs = Path.Combine(_cli.Directory, "invoked-as.txt");
        Directory.CreateDirectory(_root);
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "baton"), Path.Combine(_root, "baton"));
        File.SetUnixFileMode(Path.Combine(_root, "baton"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var bin = Path.Combine(_cli.Directory, "bin");
        Directory.CreateDirectory(bin);
        var dotnet = Path.Combine(bin, "dotnet");
        File.WriteAllText(dotnet, $"#!/bin/sh\necho \"$1\" >> '{_calls}'\necho \"$BATON_INVOKED_AS\" > '{_invokedAs}'\n");
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _cli.Environment["PATH"] = $"{bin}:/usr/bin:/bin";
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "src/Baton.Cli/Baton.Cli.csproj", "src/Baton.Cli/Program.cs", "src/Baton.Cli/obj/project.assets.json", "src/Baton.Cli/bin/Release/baton.deps.json" })
        {
            Write(file, DateTime.UtcNow.AddHours(-2));
        }

        Write("artifacts/cli/baton.dll", DateTime.UtcNow.AddHours(-1));
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Baton_OnlyBuildOutputIsNewer_RunsWithoutRebuilding()
    {
        Write("src/Baton.Cli/obj/project.assets.json", DateTime.UtcNow);
        Write("src/Baton.Cli/bin/Release/baton.deps.json", DateTime.UtcNow);
        Write("src/Baton.Core/obj/Release/net10.0/Baton.Core.AssemblyInfo.cs", DateTime.UtcNow);

        var result = await CliRunner.RunProcessAsync("env", ["-C", _root, $"PATH={_cli.Environment["PATH"]}", "./baton", "--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllLines(_calls).Should().Equal([Path.Combine(_root, "artifacts", "cli", "baton.dll")], "the CLI ran without a build");
    }

    [Theory]
    [InlineData("src/Baton.Cli/Program.cs")]
    [InlineData("src/Baton.Core/Baton.Core.csproj")]
    [InlineData("src/Baton.Core/Definitions/Compiler/Schema/InputSchemaMetaSchema.json")]
    [InlineData("Directory.Packages.props")]
    public async Task Baton_SourceIsNewer_Rebuilds(string source)
    {
        Write(source, DateTime.UtcNow);

        var result = await CliRunner.RunProcessAsync("env", ["-C", _root, $"PATH={_cli.Environment["PATH"]}", "./baton", "--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllLines(_calls).Should().StartWith("build");
    }

    [Theory]
    [InlineData("repo", "./baton", "./baton")]
    [InlineData(".", "repo/baton", "repo/baton")]
    [InlineData("repo", "baton", "./baton")]
    public async Task Baton_RunFromTheCheckout_TellsTheCliTheCommandToPrintInHints(string directory, string command, string expected)
    {
        string[] run = command.Contains('/', StringComparison.Ordinal) ? [command] : ["bash", command];

        var result = await CliRunner.RunProcessAsync("env", ["-C", Path.Combine(_cli.Directory, directory), $"PATH={_cli.Environment["PATH"]}", .. run, "--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllText(_invokedAs).Trim().Should().Be(expected);
    }

    private void Write(string relative, DateTime modified)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        File.SetLastWriteTimeUtc(path, modified);
    }
}
