using Baton.Storage;
using Baton.Testing;

namespace Baton.Store.Conformance;

/// <summary>
/// What every <see cref="IWorkflowStore"/> promises. A store's test project subclasses this and says how to create a
/// store; each test gets a fresh, empty database.
/// </summary>
/// <example>
/// <code>
/// public sealed class SqliteWorkflowStoreTests : WorkflowStoreConformanceTests
/// {
///     private readonly TempDirectory _directory = new();
///
///     protected override IWorkflowStore CreateStore(TimeProvider timeProvider) =>
///         new SqliteWorkflowStore(new SqliteStoreOptions { Path = _directory.File("baton.db") }, timeProvider);
///
///     protected override Task DeleteDatabaseAsync()
///     {
///         _directory.Dispose();
///         return Task.CompletedTask;
///     }
/// }
/// </code>
/// </example>
public abstract partial class WorkflowStoreConformanceTests : IAsyncLifetime
{
    /// <summary>The start of every test's clock: a whole second, so that every time the tests derive is whole milliseconds.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IWorkflowStore> _stores = [];

    /// <summary>The clock given to every store of the test.</summary>
    protected ManualTimeProvider Time { get; } = new(T0);

    protected DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The test's store, initialized.</summary>
    protected IWorkflowStore Store { get; private set; } = null!;

    /// <summary>
    /// Creates a store over the current test's database. Every call within one test must reach the same database (a
    /// second call stands for a second process or worker), and every test must start with an empty one.
    /// </summary>
    protected abstract IWorkflowStore CreateStore(TimeProvider timeProvider);

    /// <summary>Removes the test's database, after every store of the test is disposed.</summary>
    protected virtual Task DeleteDatabaseAsync() => Task.CompletedTask;

    /// <summary>Creates and initializes another store over the test's database; the test disposes it.</summary>
    protected async Task<IWorkflowStore> OpenStoreAsync()
    {
        var store = CreateStore(Time);
        _stores.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public async Task InitializeAsync() => Store = await OpenStoreAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await DeleteDatabaseAsync();
    }

    /// <summary>Inserts <paramref name="run"/> with <paramref name="steps"/> and returns it.</summary>
    protected async Task<RunRecord> InsertAsync(RunRecord run, params StepExecutionRecord[] steps)
    {
        await Store.CommitAsync(StoreTestData.Insert(run, steps), CancellationToken.None);
        return run;
    }

    /// <summary>The stored record of a run that must exist.</summary>
    protected async Task<RunRecord> StoredAsync(RunId runId, IWorkflowStore? store = null)
    {
        var run = await (store ?? Store).GetRunAsync(runId, CancellationToken.None);
        run.Should().NotBeNull($"run '{runId}' was committed");
        return run!;
    }

    /// <summary>Inserts a running run that <paramref name="owner"/> holds until <paramref name="leaseUntil"/>.</summary>
    protected async Task<RunRecord> InsertLeasedAsync(string owner, DateTimeOffset leaseUntil, DateTimeOffset? readyAt = null)
    {
        var run = StoreTestData.ReadyRun(Now, readyAt ?? Now);
        run.LeaseOwner = owner;
        run.LeaseExpiresAt = leaseUntil;
        return await InsertAsync(run);
    }
}
