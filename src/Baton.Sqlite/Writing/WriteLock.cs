using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Baton.Sqlite.Writing;

/// <summary>Starts write transactions (<c>BEGIN IMMEDIATE</c>), waiting for another process's write lock up to the busy timeout.</summary>
/// <remarks>
/// The bundled SQLite is built without <c>usleep</c>, so its own busy handler sleeps in whole seconds, and
/// Microsoft.Data.Sqlite adds 150 ms retries on top. Two stores sharing a file would stall on every overlap. So the
/// write connection runs with a busy timeout of zero and this class retries with millisecond back-off instead. The wait
/// is for a lock another process holds, so it is measured in real time, not with the injected clock.
/// </remarks>
internal sealed class WriteLock : IDisposable
{
    private static readonly int[] BackoffMilliseconds = [0, 1, 1, 2, 2, 5, 5, 10];
    private const int MaxBackoffMilliseconds = 20;

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _begin;
    private readonly TimeSpan _timeout;
    private readonly SqliteErrors _errors;

    public WriteLock(SqliteConnection connection, TimeSpan timeout, SqliteErrors errors)
    {
        _connection = connection;
        _timeout = timeout;
        _errors = errors;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, "BEGIN IMMEDIATE", out _begin);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>True while the connection is inside a transaction; false once SQLite has rolled it back on its own.</summary>
    public bool InTransaction => raw.sqlite3_get_autocommit(_connection.Handle) == 0;

    public void Acquire()
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            var rc = raw.sqlite3_step(_begin);
            raw.sqlite3_reset(_begin);
            if (rc == raw.SQLITE_DONE)
            {
                return;
            }

            if (!SqliteErrors.IsBusy(rc))
            {
                SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            }

            if (Stopwatch.GetElapsedTime(started) >= _timeout)
            {
                throw _errors.Locked();
            }

            Thread.Sleep(attempt < BackoffMilliseconds.Length ? BackoffMilliseconds[attempt] : MaxBackoffMilliseconds);
        }
    }

    public void Dispose() => _begin.Dispose();
}
