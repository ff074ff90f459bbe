using Baton.Sqlite.Rows;

namespace Baton.Sqlite.Writing;

/// <summary>Stores large JSON values once, before the rows that refer to them.</summary>
internal static class PayloadWriter
{
    public static void Insert(WriteContext context, IReadOnlyList<Payload> payloads)
    {
        foreach (var payload in payloads)
        {
            context.Commands.InsertPayload.Set("hash", payload.Hash).Set("body", payload.Body).Execute();
        }
    }
}
