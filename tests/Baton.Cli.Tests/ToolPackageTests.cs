using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

public sealed class ToolPackageTests
{
    [Fact]
    public async Task Pack_ProducesADotnetToolThatInstallsAndRuns()
    {
        using var cli = new CliRunner();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var packages = Path.Combine(cli.Directory, "packages");
        var tools = Path.Combine(cli.Directory, "tools");
        var project = Path.Combine(CliRunner.RepositoryRoot, "src", "Baton.Cli", "Baton.Cli.csproj");

        var pack = await CliRunner.RunProcessAsync("dotnet", "pack", project, "-c", configuration, "--no-build", "-o", packages, "--nologo");
        pack.ExitCode.Should().Be(0, pack.ToString());
        var install = await CliRunner.RunProcessAsync("dotnet", "tool", "install", "--tool-path", tools, "--add-source", packages, "Baton.Cli");
        install.ExitCode.Should().Be(0, install.ToString());

        var help = await CliRunner.RunProcessAsync(Path.Combine(tools, "baton"), "--help");
        help.ExitCode.Should().Be(0, help.ToString());
        help.Stdout.Should().Contain("validate").And.Contain("worker").And.Contain("bench");
    }
}
