namespace Baton;

/// <summary>The root of every exception that Baton throws on purpose.</summary>
/// <remarks>
/// Messages are full sentences that quote the offending value and say how to fix it. They never
/// contain secret values: anything that reaches a model, an MCP client or an HTTP caller is safe to show.
/// </remarks>
public abstract class BatonException : Exception
{
    protected BatonException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the same operation may succeed if it is tried again unchanged.</summary>
    public virtual bool IsTransient => false;
}
