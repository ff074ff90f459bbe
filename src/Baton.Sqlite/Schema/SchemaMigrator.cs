using System.Globalization;
using Baton.Sqlite.Writing;
using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Schema;

/// <summary>Brings a store's schema to the last of its migrations (<see cref="Migrations.All"/>), in one write transaction.</summary>
internal static class SchemaMigrator
{
    /// <summary>Applies the missing migrations and returns the version the file had before.</summary>
    /// <remarks>
    /// A store already at the latest version is only read: in WAL mode a read never waits for another process's write,
    /// so opening a store does not block behind a writer. The write lock is taken only when there is something to migrate.
    /// </remarks>
    /// <param name="migrations">The schema's history, in order; <see cref="Migrations.All"/> but in tests.</param>
    /// <exception cref="StoreException">The file is from a newer Baton, or is a SQLite database that is not a Baton store.</exception>
    public static int Migrate(SqliteConnection connection, WriteLock writeLock, SqliteErrors errors, IReadOnlyList<Migration> migrations)
    {
        var latest = migrations[^1].Version;
        var (seenVersion, seenApplicationId) = ReadVersion(connection);
        if (seenApplicationId == Migrations.ApplicationId)
        {
            RequireSupported(seenVersion, latest, errors);
            if (seenVersion == latest)
            {
                return seenVersion;
            }
        }

        writeLock.Acquire();
        try
        {
            // Read again under the lock: another process may have migrated the file in between.
            var (current, applicationId) = ReadVersion(connection);
            CheckIsBatonStore(connection, current, applicationId, errors);
            RequireSupported(current, latest, errors);

            foreach (var migration in migrations.Where(m => m.Version > current))
            {
                SqliteConnections.Execute(connection, migration.Script);
                SqliteConnections.Execute(connection, "PRAGMA user_version = " + migration.Version.ToString(CultureInfo.InvariantCulture));
            }

            if (current < latest)
            {
                SqliteConnections.Execute(connection, "PRAGMA application_id = " + Migrations.ApplicationId.ToString(CultureInfo.InvariantCulture));
            }

            SqliteConnections.Execute(connection, "COMMIT");
            return current;
        }
        catch
        {
            if (writeLock.InTransaction)
            {
                SqliteConnections.Execute(connection, "ROLLBACK");
            }

            throw;
        }
    }

    private static (int Version, int ApplicationId) ReadVersion(SqliteConnection connection) =>
        (Convert.ToInt32(SqliteConnections.Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture),
         Convert.ToInt32(SqliteConnections.Scalar(connection, "PRAGMA application_id"), CultureInfo.InvariantCulture));

    private static void RequireSupported(int version, int latest, SqliteErrors errors)
    {
        if (version > latest)
        {
            throw new StoreException(
                StoreErrorKind.NewerVersion,
                $"The store '{errors.Path}' has schema version {version}, but this build of Baton supports schema versions up to {latest}.",
                StoreAdvice.NewerVersion);
        }
    }

    private static void CheckIsBatonStore(SqliteConnection connection, int version, int applicationId, SqliteErrors errors)
    {
        if (applicationId != 0 && applicationId != Migrations.ApplicationId)
        {
            throw errors.Corrupt($"it is a SQLite database of another application, id 0x{applicationId:X8}");
        }

        var tables = Convert.ToInt64(SqliteConnections.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), CultureInfo.InvariantCulture);
        if (version == 0 && tables > 0)
        {
            throw errors.Corrupt("it is a SQLite database with tables but no Baton schema version");
        }
    }
}
