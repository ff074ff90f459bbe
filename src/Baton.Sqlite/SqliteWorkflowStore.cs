using Baton.Sqlite.Reading;
using Baton.Sqlite.Rows;
using Baton.Sqlite.Schema;
using Baton.Sqlite.Writing;
using Baton.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baton.Sqlite;

/// <summary>The embedded store: one SQLite file, in write-ahead-log mode, that one or more processes on one machine share.</summary>
/// <remarks>
/// <para><b>Durability.</b> Every write is committed with <c>synchronous=FULL</c>: when a write method returns, its
/// transaction is fsync'd. Writes go through one writer thread that applies up to
/// <see cref="SqliteStoreOptions.MaxBatchSize"/> queued operations in one transaction (group commit); each runs in its
/// own savepoint, so one that fails (such as a commit fenced off with <see cref="LeaseLostException"/>) rolls back alone
/// and only its caller sees the error. A cancellation token is honoured until the writer reaches the operation; from
/// then on the operation completes.</para>
/// <para><b>Reads</b> use their own connections and never wait for the writer.</para>
/// <para><b>Times</b> are stored as UTC to the millisecond: a time comes back as the same instant, with offset zero and
/// without its sub-millisecond part.</para>
/// <para><b>Large values.</b> JSON larger than <see cref="SqliteStoreOptions.InlinePayloadLimit"/> is stored once in a
/// content-addressed payload table.</para>
/// <para><b>No missed signals.</b> Besides a commit that releases the lease, <see cref="ReleaseLeaseAsync"/> also makes a
/// run that has not ended ready when it holds a signal newer than its stored watermark.</para>
/// <para>Call <see cref="InitializeAsync"/> before anything else. <see cref="ListRunsAsync"/> accepts a
/// <see cref="RunQuery.Limit"/> of 1 to 1000.</para>
/// </remarks>
public sealed partial class SqliteWorkflowStore : IWorkflowStore
{
    private readonly SqliteStoreOptions _options;
    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SqliteErrors _errors;
    private readonly JsonEncoder _json;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private volatile SqliteWriter? _writer;
    private volatile ReadPool? _reads;
    private int _disposed;

    /// <summary>Creates the store. Nothing touches the file until <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <param name="timeProvider">The clock for the ready times the store sets itself (on signals and released leases). Default: the system clock.</param>
    /// <param name="logger">Where the store logs; never payload contents. Default: nowhere.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and says how to fix it.</exception>
    public SqliteWorkflowStore(SqliteStoreOptions options, TimeProvider? timeProvider = null, ILogger<SqliteWorkflowStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Copy();
        _path = System.IO.Path.GetFullPath(_options.Path);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SqliteWorkflowStore>.Instance;
        _errors = new SqliteErrors(_path, _options.BusyTimeout);
        _json = new JsonEncoder(_options.InlinePayloadLimit);
    }

    /// <summary>The schema's history that <see cref="InitializeAsync"/> brings the file up to: <see cref="Migrations.All"/>, or a longer one in tests.</summary>
    internal IReadOnlyList<Migration> SchemaHistory { get; init; } = Migrations.All;

    /// <summary>The full path of the database file.</summary>
    public string Path => _path;

    /// <summary>Committed write transactions so far; with <see cref="WriteOperationCount"/>, shows how well writes batch.</summary>
    internal long TransactionCount => _writer?.Transactions ?? 0;

    /// <summary>Write operations applied by committed transactions so far.</summary>
    internal long WriteOperationCount => _writer?.Operations ?? 0;

    /// <summary>Background checkpoints completed so far.</summary>
    internal long CheckpointCount => _writer?.Checkpoints ?? 0;

    /// <summary>
    /// Opens the file (creating it and its directory if missing), switches it to write-ahead logging and brings its schema
    /// up to date. Safe to call more than once, and from several processes at once.
    /// </summary>
    /// <exception cref="StoreException">The file is locked, is not a Baton store or is corrupt, is from a newer Baton, or cannot be opened.</exception>
    public async ValueTask InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (_writer is null)
            {
                // Opening blocks on file I/O, and perhaps on another process's lock: keep it off the caller's thread.
                var (writer, reads) = await Task.Run(Open, cancellationToken).ConfigureAwait(false);
                _reads = reads;
                _writer = writer;
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Applies the writes already queued, then closes every connection. Later calls to the store throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_writer is { } writer)
            {
                await writer.StopAsync().ConfigureAwait(false);
                _reads?.Dispose();
                SqliteLog.StoreClosed(_logger, _path);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Makes the writer wait until the returned hold is released, so that tests can line operations up for one batch.</summary>
    internal async Task<WriterHold> HoldWriterAsync()
    {
        var hold = new WriterHold();
        _ = Writer.Enqueue(_ => hold.Hold(), CancellationToken.None);
        await hold.Entered.ConfigureAwait(false);
        return hold;
    }

    /// <summary>Runs <paramref name="sql"/> on the write connection, inside the writer's transaction; for tests.</summary>
    internal Task<object?> QueryOnWriterAsync(string sql) => Writer.Enqueue(context => context.Scalar(sql), CancellationToken.None);

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private SqliteWriter Writer => IsDisposed
        ? throw new ObjectDisposedException(nameof(SqliteWorkflowStore))
        : _writer ?? throw NotInitialized();

    private ReadPool Reads => IsDisposed
        ? throw new ObjectDisposedException(nameof(SqliteWorkflowStore))
        : _reads ?? throw NotInitialized();

    private InvalidOperationException NotInitialized() =>
        new($"The SQLite store '{_path}' is not initialized. Call InitializeAsync before using it.");

    private (SqliteWriter Writer, ReadPool Reads) Open()
    {
        CreateDirectory();
        SqliteConnection? connection = null;
        WriteLock? writeLock = null;
        try
        {
            connection = SqliteConnections.Open(_path, _options.BusyTimeout);
            ConfigureWriteConnection(connection);
            writeLock = new WriteLock(connection, _options.BusyTimeout, _errors);
            var latest = SchemaHistory[^1].Version;
            var fromVersion = SchemaMigrator.Migrate(connection, writeLock, _errors, SchemaHistory);
            if (fromVersion < latest)
            {
                SqliteLog.SchemaUpgraded(_logger, _path, fromVersion, latest);
            }

            var checkpointer = new Checkpointer(() => SqliteConnections.Open(_path, _options.BusyTimeout), _errors, _logger);
            var writer = new SqliteWriter(connection, writeLock, checkpointer, _options.MaxBatchSize, _timeProvider, _errors, _logger);
            writer.Start();
            SqliteLog.StoreOpened(_logger, _path, latest);
            return (writer, new ReadPool(OpenReadSession, maxIdle: Math.Max(4, Environment.ProcessorCount * 2)));
        }
        catch (Exception e)
        {
            writeLock?.Dispose();
            connection?.Dispose();
            throw _errors.Translate(e);
        }
    }

    private void CreateDirectory()
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(
                StoreErrorKind.Unavailable,
                $"The directory of the store '{_path}' cannot be created: {e.Message}",
                StoreAdvice.Directory,
                e);
        }
    }

    private void ConfigureWriteConnection(SqliteConnection connection)
    {
        var mode = SqliteConnections.Scalar(connection, "PRAGMA journal_mode = WAL") as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreException(
                StoreErrorKind.Unavailable,
                $"The store '{_path}' cannot use write-ahead logging (its journal mode stayed '{mode}'). Put it on a local disk; network file systems do not support it.");
        }

        // FULL: a transaction is fsync'd when it commits, so a returned commit survives a power cut.
        SqliteConnections.Execute(connection, "PRAGMA synchronous = FULL");
        SqliteConnections.Execute(connection, "PRAGMA foreign_keys = ON");

        // Checkpoints run in the background (see Checkpointer); the writer's own is the backstop.
        SqliteConnections.Execute(connection, "PRAGMA wal_autocheckpoint = " + Checkpointer.BackstopPages.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The write lock does its own waiting, in milliseconds rather than SQLite's whole seconds.
        SqliteConnections.SetBusyTimeout(connection, TimeSpan.Zero);
    }

    private ReadSession OpenReadSession()
    {
        var connection = SqliteConnections.Open(_path, _options.BusyTimeout);
        try
        {
            SqliteConnections.Execute(connection, "PRAGMA query_only = 1");
            return new ReadSession(connection, _errors);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
