using Baton.Sqlite.Schema;
using Baton.Sqlite.Tests.TestSupport;
using Baton.Storage;
using Baton.Store.Conformance;
using Baton.Testing;

namespace Baton.Sqlite.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    /// <summary>The schema version after the last real one.</summary>
    private static readonly int Next = Migrations.Latest + 1;

    /// <summary>The real history plus the version a future Baton would add after it; here it adds a table.</summary>
    private static readonly IReadOnlyList<Migration> WithNextVersion =
    [
        .. Migrations.All,
        new(Next, "test: notes on runs", "CREATE TABLE run_notes (run_id TEXT PRIMARY KEY, note TEXT NOT NULL)"),
    ];

    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task InitializeAsync_NoFile_CreatesTheLatestSchemaInWalMode()
    {
        var path = _directory.File("baton.db");

        await using (await StoreFactory.OpenAsync(path, _time))
        {
        }

        using var raw = RawDatabase.Open(path);
        raw.Scalar("PRAGMA user_version").Should().Be((long)Migrations.Latest);
        raw.Scalar("PRAGMA application_id").Should().Be((long)Migrations.ApplicationId);
        raw.Scalar("PRAGMA journal_mode").Should().Be("wal");
        Tables(raw).Should().Contain(["definitions", "payloads", "runs", "step_executions", "timeline", "signals"]);
    }

    [Fact]
    public async Task InitializeAsync_MissingDirectories_CreatesThem()
    {
        var path = Path.Combine(_directory.Path, "a", "b", "baton.db");

        await using var store = await StoreFactory.OpenAsync(path, _time);

        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public async Task InitializeAsync_EmptyExistingFile_CreatesTheSchema()
    {
        var path = _directory.File("empty.db");
        await File.WriteAllBytesAsync(path, []);

        await using var store = await StoreFactory.OpenAsync(path, _time);

        (await store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task InitializeAsync_ReopenedFile_KeepsDataAndSchemaVersion()
    {
        var path = _directory.File("baton.db");
        var run = StoreTestData.FullRun(_time.GetUtcNow());
        await using (var first = await StoreFactory.OpenAsync(path, _time))
        {
            await first.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        }

        await using var second = await StoreFactory.OpenAsync(path, _time);

        (await second.GetRunAsync(run.Id, CancellationToken.None)).ShouldMatch(run);
        using var raw = RawDatabase.Open(path);
        raw.Scalar("PRAGMA user_version").Should().Be((long)Migrations.Latest);
    }

    [Fact]
    public async Task InitializeAsync_TwoStoresAtOnce_BothOpenTheSameSchema()
    {
        var path = _directory.File("baton.db");
        var a = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path }, _time);
        var b = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path }, _time);
        await using (a)
        await using (b)
        {
            await Task.WhenAll(a.InitializeAsync(CancellationToken.None).AsTask(), b.InitializeAsync(CancellationToken.None).AsTask());

            var run = StoreTestData.WaitingRun(_time.GetUtcNow());
            await a.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
            (await b.GetRunAsync(run.Id, CancellationToken.None)).Should().NotBeNull();
        }
    }

    [Fact]
    public async Task InitializeAsync_FileFromANewerVersion_ThrowsNewerVersionNamingBothVersions()
    {
        var path = _directory.File("baton.db");
        await using (await StoreFactory.OpenAsync(path, _time))
        {
        }

        using (var raw = RawDatabase.Open(path))
        {
            raw.Execute($"PRAGMA user_version = {Migrations.Latest + 1}");
        }

        var act = () => StoreFactory.OpenAsync(path, _time);

        var thrown = await act.Should().ThrowAsync<StoreException>();
        thrown.Which.Kind.Should().Be(StoreErrorKind.NewerVersion);
        thrown.Which.IsTransient.Should().BeFalse();
        thrown.Which.Message.Should().Contain(path)
            .And.Contain($"schema version {Migrations.Latest + 1}")
            .And.Contain($"up to {Migrations.Latest}");
    }

    [Fact]
    public async Task InitializeAsync_StoreOneVersionBehind_AppliesTheNewMigrationAndKeepsItsRuns()
    {
        var path = _directory.File("baton.db");
        var run = StoreTestData.FullRun(_time.GetUtcNow());
        await using (var v1 = await StoreFactory.OpenAsync(path, _time))
        {
            await v1.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        }

        using (var raw = RawDatabase.Open(path))
        {
            raw.Scalar("PRAGMA user_version").Should().Be((long)Migrations.Latest, "the file starts at the last real version");
        }

        await using (var next = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path }, _time) { SchemaHistory = WithNextVersion })
        {
            await next.InitializeAsync(CancellationToken.None);

            (await next.GetRunAsync(run.Id, CancellationToken.None)).ShouldMatch(run);
        }

        using var check = RawDatabase.Open(path);
        check.Scalar("PRAGMA user_version").Should().Be((long)Next);
        check.Scalar("PRAGMA application_id").Should().Be((long)Migrations.ApplicationId);
        Tables(check).Should().Contain("run_notes");
        check.Scalar("SELECT count(*) FROM run_notes").Should().Be(0L);
        check.Scalar("SELECT count(*) FROM runs").Should().Be(1L);
    }

    [Fact]
    public async Task InitializeAsync_StoreFromAVersionAfterTheLastMigration_ThrowsNewerVersionNamingBoth()
    {
        var path = _directory.File("baton.db");
        await using (var next = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path }, _time) { SchemaHistory = WithNextVersion })
        {
            await next.InitializeAsync(CancellationToken.None);
        }

        using (var raw = RawDatabase.Open(path))
        {
            raw.Execute($"PRAGMA user_version = {Next + 1}");
        }

        await using var newer = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path }, _time) { SchemaHistory = WithNextVersion };
        var act = async () => await newer.InitializeAsync(CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<StoreException>();
        thrown.Which.Kind.Should().Be(StoreErrorKind.NewerVersion);
        thrown.Which.Message.Should().Contain(path).And.Contain($"schema version {Next + 1}").And.Contain($"up to {Next}");
        using var check = RawDatabase.Open(path);
        check.Scalar("PRAGMA user_version").Should().Be((long)(Next + 1), "a newer store is left as it is");
    }

    [Fact]
    public async Task InitializeAsync_FileThatIsNotADatabase_ThrowsCorruptNamingThePath()
    {
        var path = _directory.File("notes.db");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("These are plain notes, not a database. ", 200)));

        var act = () => StoreFactory.OpenAsync(path, _time);

        var thrown = await act.Should().ThrowAsync<StoreException>();
        thrown.Which.Kind.Should().Be(StoreErrorKind.Corrupt);
        thrown.Which.Message.Should().Contain(path).And.Contain("SqliteStoreOptions.Path");
        (await File.ReadAllTextAsync(path)).Should().StartWith("These are plain notes", "a file that is not a store is left alone");
    }

    [Fact]
    public async Task InitializeAsync_SqliteDatabaseOfAnotherApplication_ThrowsCorrupt()
    {
        var path = _directory.File("other.db");
        using (var raw = RawDatabase.Open(path))
        {
            raw.Execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        }

        var act = () => StoreFactory.OpenAsync(path, _time);

        var thrown = await act.Should().ThrowAsync<StoreException>();
        thrown.Which.Kind.Should().Be(StoreErrorKind.Corrupt);
        thrown.Which.Message.Should().Contain(path).And.Contain("no Baton schema version");
        using var check = RawDatabase.Open(path);
        Tables(check).Should().Equal("customers");
    }

    [Fact]
    public async Task InitializeAsync_PathIsADirectory_ThrowsUnavailableNamingThePath()
    {
        var act = () => StoreFactory.OpenAsync(_directory.Path, _time);

        var thrown = await act.Should().ThrowAsync<StoreException>();
        thrown.Which.Kind.Should().Be(StoreErrorKind.Unavailable);
        thrown.Which.Message.Should().Contain(_directory.Path);
    }

    [Fact]
    public async Task CommitAsync_BeforeInitializeAsync_ThrowsInvalidOperationSayingWhatToCall()
    {
        await using var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = _directory.File("baton.db") }, _time);

        var act = async () => await store.CommitAsync(StoreTestData.Insert(StoreTestData.WaitingRun(_time.GetUtcNow())), CancellationToken.None);
        var read = async () => await store.GetRunAsync(StoreTestData.NewRunId(), CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*InitializeAsync*");
        await read.Should().ThrowAsync<InvalidOperationException>().WithMessage("*InitializeAsync*");
        File.Exists(_directory.File("baton.db")).Should().BeFalse();
    }

    private static List<string> Tables(Microsoft.Data.Sqlite.SqliteConnection raw)
    {
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
