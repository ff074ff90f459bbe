using System.Collections.Concurrent;

namespace Baton.AI.Http;

/// <summary>The calls in flight to one provider endpoint, shared by every client that names the same provider, base URL and limit.</summary>
/// <remarks>The limit is part of the key so that a setting is never silently ignored because another alias made the limit first.</remarks>
internal sealed class ModelConcurrencyLimit
{
    private static readonly ConcurrentDictionary<string, ModelConcurrencyLimit> Limits = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _slots;
    private int _waiting;

    private ModelConcurrencyLimit(int max)
    {
        _slots = new SemaphoreSlim(max, max);
    }

    /// <summary>Calls waiting for a slot.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public static ModelConcurrencyLimit For(string provider, Uri? baseUrl, int max)
        => Limits.GetOrAdd($"{provider}|{baseUrl?.AbsoluteUri ?? "default"}|{max}", static (_, m) => new ModelConcurrencyLimit(m), max);

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Release() => _slots.Release();
}
