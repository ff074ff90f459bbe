using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Baton.Sqlite.Writing;

/// <summary>
/// Copies the write-ahead log back into the database file on its own connection and thread, so that the single writer
/// never spends its time on it.
/// </summary>
/// <remarks>
/// A checkpoint writes every page changed since the last one and fsyncs the database file: on a busy disk that takes
/// tens of milliseconds, which SQLite would otherwise spend inside a commit of the writer, stalling every run. Here a
/// PASSIVE checkpoint runs after every <see cref="TransactionsPerCheckpoint"/> write transactions; it never blocks the
/// writer or readers. The writer keeps a larger automatic checkpoint as a backstop should this one fall behind.
/// </remarks>
internal sealed class Checkpointer
{
    /// <summary>The write connection's own automatic checkpoint, in pages: about 40 MB of log with 4 KiB pages.</summary>
    public const int BackstopPages = 10_000;

    private const int TransactionsPerCheckpoint = 50;

    private readonly Func<SqliteConnection> _open;
    private readonly SqliteErrors _errors;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private int _pending;
    private bool _stopping;
    private Thread? _thread;

    public Checkpointer(Func<SqliteConnection> open, SqliteErrors errors, ILogger logger)
    {
        _open = open;
        _errors = errors;
        _logger = logger;
    }

    private long _checkpoints;

    /// <summary>Checkpoints completed so far.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Called by the writer after each committed transaction; cheap.</summary>
    public void OnCommitted()
    {
        lock (_gate)
        {
            if (++_pending >= TransactionsPerCheckpoint)
            {
                if (_thread is null)
                {
                    _thread = new Thread(Run) { IsBackground = true, Name = "Baton SQLite checkpointer" };
                    _thread.Start();
                }

                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>Stops the thread once any due checkpoint is done; the writer's close then checkpoints the rest.</summary>
    public void Stop()
    {
        Thread? thread;
        lock (_gate)
        {
            _stopping = true;
            thread = _thread;
            Monitor.PulseAll(_gate);
        }

        thread?.Join();
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            while (WaitForWork())
            {
                try
                {
                    connection ??= _open();
                    SqliteConnections.Execute(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                    Interlocked.Increment(ref _checkpoints);
                }
                catch (SqliteException e)
                {
                    // Not fatal: the writer's automatic checkpoint takes over. Reopen next time.
                    SqliteLog.CheckpointFailed(_logger, _errors.Translate(e), _errors.Path);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>Waits until a checkpoint is due; false once stopping with none due. A due checkpoint still runs when stopping.</summary>
    private bool WaitForWork()
    {
        lock (_gate)
        {
            while (_pending < TransactionsPerCheckpoint && !_stopping)
            {
                Monitor.Wait(_gate);
            }

            var due = _pending >= TransactionsPerCheckpoint;
            _pending = 0;
            return due;
        }
    }
}
