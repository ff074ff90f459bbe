using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Models;

/// <summary>A provider that makes clients with a function, and counts how many it made.</summary>
internal sealed class TestModelProvider(string name, Func<ModelSettings, ModelCredentials, IChatClient> create) : IModelProvider
{
    private int _created;

    public string Name => name;

    public int Created => Volatile.Read(ref _created);

    public IChatClient CreateClient(ModelSettings settings, ModelCredentials credentials)
    {
        Interlocked.Increment(ref _created);
        return create(settings, credentials);
    }
}
