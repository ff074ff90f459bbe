namespace Baton.Sqlite.Writing;

/// <summary>One queued write. The writer runs it inside a savepoint of a batch transaction, and reports its outcome only after COMMIT.</summary>
internal abstract class WriteOperation(CancellationToken cancellationToken)
{
    /// <summary>Checked when the writer reaches the operation: a cancelled operation is skipped. Once running, it finishes.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Does the work. Throwing rolls back this operation alone.</summary>
    public abstract void Execute(WriteContext context);

    /// <summary>Reports success, after the transaction is committed.</summary>
    public abstract void Complete();

    /// <summary>Reports failure; ignored when the outcome is already reported.</summary>
    public abstract void Fail(Exception error);
}
