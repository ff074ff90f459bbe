using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Baton.Sqlite.Writing;

/// <summary>
/// The store's single writer: one thread that owns the write connection, drains the queue and applies up to a batch of
/// operations in one transaction (group commit), each in its own savepoint so that a failing one rolls back alone.
/// Callers hear of their operation's outcome only after COMMIT, that is once it is durable.
/// </summary>
internal sealed class SqliteWriter
{
    private readonly SqliteConnection _connection;
    private readonly WriteLock _writeLock;
    private readonly WriteCommands _commands;
    private readonly WriteContext _context;
    private readonly WriteQueue _queue = new();
    private readonly Checkpointer _checkpointer;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _maxBatchSize;
    private readonly SqliteErrors _errors;
    private readonly ILogger _logger;
    private long _transactions;
    private long _operations;

    /// <summary>Takes ownership of <paramref name="connection"/>, <paramref name="writeLock"/> and <paramref name="checkpointer"/>.</summary>
    public SqliteWriter(
        SqliteConnection connection, WriteLock writeLock, Checkpointer checkpointer, int maxBatchSize, TimeProvider timeProvider, SqliteErrors errors, ILogger logger)
    {
        _checkpointer = checkpointer;
        _connection = connection;
        _writeLock = writeLock;
        _commands = new WriteCommands(connection);
        _context = new WriteContext(connection, _commands, timeProvider, logger);
        _maxBatchSize = maxBatchSize;
        _errors = errors;
        _logger = logger;
    }

    /// <summary>Committed write transactions so far.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Operations applied by committed transactions so far.</summary>
    public long Operations => Interlocked.Read(ref _operations);

    /// <summary>Background checkpoints completed so far.</summary>
    public long Checkpoints => _checkpointer.Checkpoints;

    public void Start() => new Thread(Run) { IsBackground = true, Name = "Baton SQLite writer" }.Start();

    /// <exception cref="ObjectDisposedException">The writer is stopping.</exception>
    public Task<TResult> Enqueue<TResult>(Func<WriteContext, TResult> work, CancellationToken cancellationToken)
    {
        var operation = new WriteOperation<TResult>(work, cancellationToken);
        _queue.Add(operation);
        return operation.Task;
    }

    /// <summary>Refuses new operations, applies the queued ones, closes the connection, then completes.</summary>
    public Task StopAsync()
    {
        _queue.Complete();
        return _stopped.Task;
    }

    private void Run()
    {
        var batch = new List<WriteOperation>(_maxBatchSize);
        var applied = new List<WriteOperation>(_maxBatchSize);
        try
        {
            while (_queue.TakeBatch(batch, _maxBatchSize))
            {
                ExecuteBatch(batch, applied);
                batch.Clear();
                applied.Clear();
            }
        }
        finally
        {
            // Nothing above should throw; if it did, no caller may wait forever.
            _queue.Complete();
            batch.Clear();
            while (_queue.TakeBatch(batch, int.MaxValue))
            {
                batch.ForEach(o => o.Fail(new ObjectDisposedException(nameof(SqliteWorkflowStore))));
                batch.Clear();
            }

            _queue.MarkDrained();

            _checkpointer.Stop();
            _commands.Dispose();
            _writeLock.Dispose();
            _connection.Dispose();
            _stopped.TrySetResult();
        }
    }

    private void ExecuteBatch(List<WriteOperation> batch, List<WriteOperation> applied)
    {
        if (batch.Count == 1 && !batch[0].CancellationToken.IsCancellationRequested)
        {
            ExecuteAlone(batch[0]);
            return;
        }

        try
        {
            _writeLock.Acquire();
            foreach (var operation in batch)
            {
                if (operation.CancellationToken.IsCancellationRequested)
                {
                    operation.Fail(new OperationCanceledException(operation.CancellationToken));
                    continue;
                }

                if (TryExecute(operation))
                {
                    applied.Add(operation);
                }
            }

            _commands.Commit.Execute();
        }
        catch (Exception e)
        {
            RollBackQuietly();
            SqliteLog.BatchFailed(_logger, e, _errors.Path, batch.Count);
            foreach (var operation in batch)
            {
                operation.Fail(_errors.Translate(e));
            }

            return;
        }

        Interlocked.Increment(ref _transactions);
        _checkpointer.OnCommitted();
        Interlocked.Add(ref _operations, applied.Count);
        SqliteLog.BatchWritten(_logger, batch.Count);
        foreach (var operation in applied)
        {
            operation.Complete();
        }
    }

    /// <summary>
    /// Runs a batch of one without a savepoint: its transaction is its savepoint. That saves two statements on every
    /// commit of a sequential run, where latency matters most.
    /// </summary>
    private void ExecuteAlone(WriteOperation operation)
    {
        try
        {
            _writeLock.Acquire();
            try
            {
                operation.Execute(_context);
            }
            catch (Exception e)
            {
                RollBackQuietly();
                operation.Fail(_errors.Translate(e));
                return;
            }

            _commands.Commit.Execute();
        }
        catch (Exception e)
        {
            RollBackQuietly();
            SqliteLog.BatchFailed(_logger, e, _errors.Path, 1);
            operation.Fail(_errors.Translate(e));
            return;
        }

        Interlocked.Increment(ref _transactions);
        _checkpointer.OnCommitted();
        Interlocked.Increment(ref _operations);
        SqliteLog.BatchWritten(_logger, 1);
        operation.Complete();
    }

    /// <summary>Runs one operation in a savepoint. False when it failed and was rolled back alone.</summary>
    /// <exception cref="Exception">The failure cost the whole transaction; the batch fails.</exception>
    private bool TryExecute(WriteOperation operation)
    {
        _commands.Savepoint.Execute();
        try
        {
            operation.Execute(_context);
            _commands.ReleaseSavepoint.Execute();
            return true;
        }
        catch (Exception e)
        {
            operation.Fail(_errors.Translate(e));
            if (!_writeLock.InTransaction)
            {
                throw;
            }

            _commands.RollbackToSavepoint.Execute();
            _commands.ReleaseSavepoint.Execute();
            return false;
        }
    }

    private void RollBackQuietly()
    {
        try
        {
            if (_writeLock.InTransaction)
            {
                _commands.Rollback.Execute();
            }
        }
        catch (SqliteException)
        {
            // The transaction is already gone or the connection is broken; the batch has failed either way.
        }
    }
}
