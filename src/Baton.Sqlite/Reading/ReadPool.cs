namespace Baton.Sqlite.Reading;

/// <summary>Keeps a few open read sessions for reuse; opens more when every one is busy.</summary>
internal sealed class ReadPool(Func<ReadSession> open, int maxIdle) : IDisposable
{
    private readonly object _gate = new();
    private readonly Stack<ReadSession> _idle = new();
    private bool _disposed;

    public ReadSession Rent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteWorkflowStore));
            if (_idle.TryPop(out var session))
            {
                return session;
            }
        }

        return open();
    }

    /// <param name="reusable">False after a SQLite error, which may have left the connection in a bad state.</param>
    public void Return(ReadSession session, bool reusable)
    {
        lock (_gate)
        {
            if (reusable && !_disposed && _idle.Count < maxIdle)
            {
                _idle.Push(session);
                return;
            }
        }

        session.Dispose();
    }

    public void Dispose()
    {
        ReadSession[] idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var session in idle)
        {
            session.Dispose();
        }
    }
}
