using Baton.Sqlite.Rows;
using Baton.Storage;

namespace Baton.Sqlite.Writing;

/// <summary>A signal turned into column values on the caller's thread.</summary>
internal sealed record PreparedSignal(SignalRecord Signal, object?[] Row)
{
    public static PreparedSignal Create(SignalRecord signal, JsonEncoder json, List<Payload> payloads)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (string.IsNullOrEmpty(signal.RunId.Value))
        {
            throw new ArgumentException($"Signal '{signal.Name}' has no run id; say which run it is for.", nameof(signal));
        }

        return new PreparedSignal(signal, SignalRow.Encode(signal, json, payloads));
    }
}
