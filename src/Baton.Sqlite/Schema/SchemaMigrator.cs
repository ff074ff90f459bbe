using System.Globalization;
using Baton.Sqlite.Writing;
using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Schema;

/// <summary>Brings a store's schema to <see cref="Migrations.Latest"/>, in one write transaction.</summary>
internal static class SchemaMigrator
{
    /// <summary>Applies the missing migrations and returns the version the file had before.</summary>
    /// <exception cref="StoreException">The file is from a newer Baton, or is a SQLite database that is not a Baton store.</exception>
    public static int Migrate(SqliteConnection connection, WriteLock writeLock, SqliteErrors errors)
    {
        writeLock.Acquire();
        try
        {
            var current = Convert.ToInt32(SqliteConnections.Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            var applicationId = Convert.ToInt32(SqliteConnections.Scalar(connection, "PRAGMA application_id"), CultureInfo.InvariantCulture);
            CheckIsBatonStore(connection, current, applicationId, errors);
            if (current > Migrations.Latest)
            {
                throw new StoreException(
                    StoreErrorKind.NewerVersion,
                    $"The store '{errors.Path}' has schema version {current}, but this build of Baton supports schema versions up to {Migrations.Latest}. Open it with a newer Baton, or set SqliteStoreOptions.Path to another file.");
            }

            foreach (var migration in Migrations.All.Where(m => m.Version > current))
            {
                SqliteConnections.Execute(connection, migration.Script);
                SqliteConnections.Execute(connection, "PRAGMA user_version = " + migration.Version.ToString(CultureInfo.InvariantCulture));
            }

            if (current < Migrations.Latest)
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
