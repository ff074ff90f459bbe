using Baton.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Baton.Cli.Tests;

public sealed class StoreErrorTests
{
    private const string Quick = "name: quick\nsteps:\n  - id: a\n    set: { x: 1 }\n";

    [Fact]
    public async Task FileThatIsNotAStore_Exits2NamingThePathAndLeavesItAlone()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(cli.StorePath, "this is a text file, not a database\n");

        var result = await cli.RunAsync("runs");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(cli.StorePath).And.Contain("--store").And.NotContain("SqliteStoreOptions");
        (await File.ReadAllTextAsync(cli.StorePath)).Should().Be("this is a text file, not a database\n");
    }

    [Fact]
    public async Task StoreFromANewerBaton_SpeaksOfTheStoreOptionNotTheApi()
    {
        using var cli = new CliRunner();
        (await cli.RunAsync("run", cli.Write("quick.yaml", Quick))).ExitCode.Should().Be(0);
        using (var raw = OpenRaw(cli.StorePath))
        {
            Execute(raw, "PRAGMA user_version = 999");
        }

        var result = await cli.RunAsync("runs");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("schema version 999").And.Contain("--store").And.NotContain("SqliteStoreOptions");
    }

    [Fact]
    public async Task LockHeldWhileARunWrites_OneCleanErrorThatSpeaksOfTheStoreOption()
    {
        using var cli = new CliRunner();
        var file = cli.Write("quick.yaml", Quick);
        (await cli.RunAsync("run", file)).ExitCode.Should().Be(0);
        using var other = OpenRaw(cli.StorePath);
        Execute(other, "BEGIN IMMEDIATE");

        var result = await cli.RunAsync("run", file, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Trim().Split('\n').Should().ContainSingle("only the error, no log line before it: {0}", result.Stderr);
        result.Stderr.Should().Contain("is locked").And.Contain("--store").And.NotContain("SqliteStoreOptions").And.NotContain("   at ");
        result.Json["error"]!["code"]!.GetValue<string>().Should().Be("store.locked");
        Execute(other, "ROLLBACK");
    }

    [Fact]
    public async Task RunsAndShow_WhileAnotherProcessHoldsTheWriteLock_StillAnswer()
    {
        using var cli = new CliRunner();
        var runId = (await cli.RunAsync("run", cli.Write("quick.yaml", Quick), "--json")).Json["runId"]!.GetValue<string>();
        using var other = OpenRaw(cli.StorePath);
        Execute(other, "BEGIN IMMEDIATE");
        Execute(other, "CREATE TABLE held_by_the_test (x)");

        var runs = await cli.RunAsync("runs", "--json");
        var show = await cli.RunAsync("show", runId, "--json");

        runs.ExitCode.Should().Be(0, runs.ToString());
        runs.Json.AsArray().Should().ContainSingle();
        show.ExitCode.Should().Be(0, show.ToString());
        show.Json["status"]!.GetValue<string>().Should().Be("completed");
        Execute(other, "ROLLBACK");
    }

    [Theory]
    [InlineData("runs")]
    [InlineData("show", "01m92fm6mt1n33ra0rszv91d2z")]
    [InlineData("approve", "01m92fm6mt1n33ra0rszv91d2z", "review")]
    [InlineData("reject", "01m92fm6mt1n33ra0rszv91d2z", "review")]
    [InlineData("signal", "01m92fm6mt1n33ra0rszv91d2z", "go")]
    [InlineData("cancel", "01m92fm6mt1n33ra0rszv91d2z")]
    public async Task CommandOnExistingRuns_StoreFileMissing_SaysSoAndCreatesNothing(params string[] args)
    {
        using var cli = new CliRunner();
        var typo = Path.Combine(cli.Directory, "typo.db");

        var result = await cli.RunAsync([.. args, "--store", typo]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain($"The store '{typo}' (from --store) does not exist");
        File.Exists(typo).Should().BeFalse();
    }

    [Fact]
    public async Task Runs_EmptyStoreAndFiltersMatchingNothing_SayDifferentThings()
    {
        using var cli = new CliRunner();
        var empty = Path.Combine(cli.Directory, "empty.db");
        (await cli.RunAsync("run", cli.Write("quick.yaml", Quick))).ExitCode.Should().Be(0);
        (await cli.RunAsync("worker", "--until-idle", "--store", empty)).ExitCode.Should().Be(0, "the worker creates a store");

        var filtered = await cli.RunAsync("runs", "--status", "failed");
        var none = await cli.RunAsync("runs", "--status", "failed", "--store", empty);

        filtered.ExitCode.Should().Be(0, filtered.ToString());
        filtered.Stdout.Should().Contain("No runs match --status failed in").And.NotContain("No runs yet");
        none.ExitCode.Should().Be(0, none.ToString());
        none.Stdout.Should().Contain($"No runs yet in {empty}");
    }

    [Fact]
    public async Task Runs_LimitAboveTheStoresPage_ListsThemAll()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("run", cli.Write("quick.yaml", Quick));
        var runs = await cli.RunAsync("runs", "--limit", "10000", "--json");

        result.ExitCode.Should().Be(0);
        runs.ExitCode.Should().Be(0, runs.ToString());
        runs.Json.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task DefaultStore_HomeThatDoesNotExistYet_IsAbsoluteUnderHome()
    {
        using var cli = new CliRunner();
        var home = Path.Combine(cli.Directory, "home-not-created-yet");
        cli.Environment["BATON_STORE"] = "";
        cli.Environment["XDG_DATA_HOME"] = "";
        cli.Environment["HOME"] = home;

        var result = await cli.RunAsync("run", cli.Write("quick.yaml", Quick));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain($"store {home}/.local/share/baton/baton.db");
        File.Exists(Path.Combine(home, ".local", "share", "baton", "baton.db")).Should().BeTrue();
        Directory.Exists(Path.Combine(cli.Directory, ".local")).Should().BeFalse("nothing resolves against the current directory");
    }

    [Fact]
    public async Task DefaultStore_RelativeDataHome_IsIgnoredForHome()
    {
        using var cli = new CliRunner();
        var home = Path.Combine(cli.Directory, "home");
        cli.Environment["BATON_STORE"] = "";
        cli.Environment["XDG_DATA_HOME"] = "relative/data";
        cli.Environment["HOME"] = home;

        var result = await cli.RunAsync("run", cli.Write("quick.yaml", Quick));

        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(Path.Combine(home, ".local", "share", "baton", "baton.db")).Should().BeTrue();
        Directory.Exists(Path.Combine(cli.Directory, "relative")).Should().BeFalse();
    }

    private static SqliteConnection OpenRaw(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task StoreOptionAndVariable_ChooseTheFile()
    {
        using var cli = new CliRunner();
        var file = cli.Write("one.yaml", "name: one\nsteps:\n  - id: a\n    set: { x: 1 }\n");
        var other = Path.Combine(cli.Directory, "nested", "other.db");

        (await cli.RunAsync("run", file, "--store", other)).ExitCode.Should().Be(0);

        File.Exists(other).Should().BeTrue("--store wins, and its directory is created");
        (await cli.RunAsync("runs", "--json")).Json["error"]!["code"]!.GetValue<string>().Should().Be("store.missing", "BATON_STORE names a different file, not created yet");
        (await cli.RunAsync("runs", "--json", "--store", other)).Json.AsArray().Should().ContainSingle();
    }
}
