namespace Baton.Sqlite.Writing;

/// <summary>A write whose work is a function of the writer's context, with a result for its caller.</summary>
internal sealed class WriteOperation<TResult>(Func<WriteContext, TResult> work, CancellationToken cancellationToken)
    : WriteOperation(cancellationToken)
{
    // Continuations run on the thread pool, never on the writer thread.
    private readonly TaskCompletionSource<TResult> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;

    public Task<TResult> Task => _outcome.Task;

    public override void Execute(WriteContext context) => _result = work(context);

    public override void Complete() => _outcome.TrySetResult(_result!);

    public override void Fail(Exception error)
    {
        if (error is OperationCanceledException canceled)
        {
            _outcome.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _outcome.TrySetException(error);
        }
    }
}
