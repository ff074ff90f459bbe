using Baton.Sqlite;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class SqliteBatonBuilderExtensions
{
    /// <summary>Stores runs in an embedded SQLite file. Call <c>BatonEngine.InitializeAsync</c> once at start-up to create or upgrade it.</summary>
    /// <param name="builder">The builder that <c>AddBaton</c> returned.</param>
    /// <param name="path">The database file; its directory is created when missing.</param>
    /// <param name="configure">Adjusts the other settings.</param>
    public static IBatonBuilder UseSqlite(this IBatonBuilder builder, string path, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SqliteStoreOptions { Path = path };
        configure?.Invoke(options);
        return builder.UseStore(sp => new SqliteWorkflowStore(
            options,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<SqliteWorkflowStore>()));
    }
}
