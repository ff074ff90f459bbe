using Baton.Testing;

namespace Baton.Sqlite.Tests.TestSupport;

/// <summary>Opens stores over files in a test's temp directory.</summary>
public static class StoreFactory
{
    public static async Task<SqliteWorkflowStore> OpenAsync(string path, TimeProvider? time = null, Action<SqliteStoreOptions>? configure = null)
    {
        var options = new SqliteStoreOptions { Path = path };
        configure?.Invoke(options);
        var store = new SqliteWorkflowStore(options, time ?? new ManualTimeProvider());
        try
        {
            await store.InitializeAsync(CancellationToken.None);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
