namespace Baton.Secrets;

/// <summary>Asks several providers in order; the first that has a secret wins.</summary>
public sealed class CompositeSecretProvider(IReadOnlyList<ISecretProvider> providers) : ISecretProvider
{
    public bool TryGetSecret(string name, out string value)
    {
        foreach (var provider in providers)
        {
            if (provider.TryGetSecret(name, out value))
            {
                return true;
            }
        }

        value = "";
        return false;
    }

    public IEnumerable<string> GetAllValues() => providers.SelectMany(p => p.GetAllValues());
}
