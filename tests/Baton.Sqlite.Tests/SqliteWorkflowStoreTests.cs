using Baton.Sqlite.Tests.TestSupport;
using Baton.Storage;
using Baton.Store.Conformance;

namespace Baton.Sqlite.Tests;

/// <summary>The store conformance suite, each test on a fresh database file.</summary>
public sealed class SqliteWorkflowStoreTests : WorkflowStoreConformanceTests
{
    private readonly TempDirectory _directory = new();

    protected override IWorkflowStore CreateStore(TimeProvider timeProvider) =>
        new SqliteWorkflowStore(new SqliteStoreOptions { Path = _directory.File("baton.db") }, timeProvider);

    protected override Task DeleteDatabaseAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
