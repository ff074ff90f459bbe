using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

public sealed class StoreErrorTests
{
    [Fact]
    public async Task FileThatIsNotAStore_Exits2NamingThePathAndLeavesItAlone()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(cli.StorePath, "this is a text file, not a database\n");

        var result = await cli.RunAsync("runs");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(cli.StorePath);
        (await File.ReadAllTextAsync(cli.StorePath)).Should().Be("this is a text file, not a database\n");
    }

    [Fact]
    public async Task StoreOptionAndVariable_ChooseTheFile()
    {
        using var cli = new CliRunner();
        var file = cli.Write("one.yaml", "name: one\nsteps:\n  - id: a\n    set: { x: 1 }\n");
        var other = Path.Combine(cli.Directory, "nested", "other.db");

        (await cli.RunAsync("run", file, "--store", other)).ExitCode.Should().Be(0);

        File.Exists(other).Should().BeTrue("--store wins, and its directory is created");
        (await cli.RunAsync("runs", "--json")).Json.AsArray().Should().BeEmpty("BATON_STORE names a different file");
        (await cli.RunAsync("runs", "--json", "--store", other)).Json.AsArray().Should().ContainSingle();
    }
}
