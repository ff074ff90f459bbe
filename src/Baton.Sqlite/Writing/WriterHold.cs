namespace Baton.Sqlite.Writing;

/// <summary>Keeps the writer busy until released, so that tests can line up operations for one batch.</summary>
internal sealed class WriterHold : IDisposable
{
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _released = new();

    /// <summary>Completes once the writer is inside the hold.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Runs on the writer thread; a forgotten hold ends by itself so that a test cannot hang the writer.</summary>
    public bool Hold()
    {
        _entered.TrySetResult();
        return _released.Wait(MaxHold);
    }

    public void Release() => _released.Set();

    public void Dispose() => Release();
}
